//! Panel: the IT load. The facility power cap and what it limits, then the rack groups as a list
//! (add, remove, duplicate, reorder), each with its daily profile and start month, and how many
//! of its racks fit under the cap in the last run.

use super::PanelContext;
use crate::gui::widgets::{self as w, ListOp};
use crate::scenario::{
    CapBasis, DailyProfile, Flexibility, RackGroup, Scenario, YearMonth, fields,
};
use dakhla_i18n::tr;

const LIST: &str = "datacenter.rack_groups";

/// Edit the cap and the rack groups.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    let year = s.simulated_year();
    // Judged on the scenario as it is at the start of the frame (the results' scenario).
    let advice = capacity_advice(s, ctx);
    let advice_text = advice.as_ref().map(|a| {
        let g = &s.datacenter.rack_groups[a.group];
        a.text(&g.name, g.kw_per_rack)
    });
    let dc = &mut s.datacenter;
    w::section(ui, &dakhla_i18n::tr!("section-power-cap"));
    w::number(
        ui,
        &mut dc.facility_power_cap_mw,
        "datacenter.facility_power_cap_mw",
        ctx,
    );
    w::enum_choice(
        ui,
        &mut dc.cap_applies_to,
        &[
            (
                CapBasis::Facility,
                fields::choice_word("datacenter.cap_applies_to", "Facility"),
            ),
            (
                CapBasis::It,
                fields::choice_word("datacenter.cap_applies_to", "It"),
            ),
        ],
        "datacenter.cap_applies_to",
        ctx,
    );
    w::note(ui, &tr!("panel-load-cap-note"), ctx);
    summary(ui, advice_text.as_deref(), ctx);

    w::section(ui, &dakhla_i18n::tr!("section-rack-groups"));
    w::issue_line(ui, LIST, ctx);
    let len = dc.rack_groups.len();
    let mut op: Option<ListOp> = None;
    for (i, g) in dc.rack_groups.iter_mut().enumerate() {
        let path = format!("{LIST}[{i}]");
        let title = format!(
            "{} — {} × {} kW",
            if g.name.trim().is_empty() {
                tr!("panel-unnamed")
            } else {
                g.name.clone()
            },
            dakhla_i18n::number(f64::from(g.count), 0),
            super::shortest(g.kw_per_rack)
        );
        w::item(ui, &path, &title, ctx, |ui| {
            group_fields(ui, g, i, &path, year, advice.as_ref(), ctx);
            w::item_buttons(ui, i, len, true, &mut op);
        });
    }
    w::apply_list_op(ui, &mut dc.rack_groups, LIST, op, |g, all| RackGroup {
        name: w::unique_name(
            &tr!("panel-copy-name", name = g.name.as_str()),
            all.iter().map(|g| g.name.as_str()),
        ),
        ..g.clone()
    });
    if dc.rack_groups.is_empty() {
        w::note(ui, &tr!("panel-load-no-racks"), ctx);
    }
    if ui
        .button(tr!("panel-load-add-group"))
        .on_hover_text(tr!("panel-load-add-group.tooltip"))
        .clicked()
    {
        let name = w::unique_name(
            &tr!("panel-load-new-group-name"),
            dc.rack_groups.iter().map(|g| g.name.as_str()),
        );
        w::push_item(
            ui,
            &mut dc.rack_groups,
            LIST,
            RackGroup {
                name,
                count: 1000,
                kw_per_rack: 10.0,
                utilization: 0.6,
                profile: DailyProfile::Flat,
                online_from: None,
                flexibility: None,
            },
        );
    }
}

/// The group's flexible compute: the share (off = none moves), and when on, the window and
/// an optional ramp limit.
fn flexibility_editor(ui: &mut egui::Ui, g: &mut RackGroup, path: &str, ctx: &PanelContext) {
    let base = format!("{path}.flexibility");
    let mut share = g.flexibility.map(|f| f.share_frac);
    // Assumption: a fifth of an AI campus's work is batch or training that can wait some
    // hours (Google shifts its flexible batch work within the day; Radovanovic et al. 2023).
    w::optional_number(ui, &mut share, 0.2, &format!("{base}.share_frac"), ctx);
    g.flexibility = share.map(|share_frac| Flexibility {
        share_frac,
        ..g.flexibility.unwrap_or(Flexibility {
            share_frac,
            window_h: 24,
            ramp_frac_per_h: None,
        })
    });
    if let Some(f) = &mut g.flexibility {
        let window_path = format!("{base}.window_h");
        let mut options: Vec<(u32, String)> = crate::scenario::FLEXIBILITY_WINDOWS_H
            .iter()
            .map(|h| {
                (
                    *h,
                    fields::choice_word(
                        "datacenter.rack_groups[].flexibility.window_h",
                        &h.to_string(),
                    )
                    .into_owned(),
                )
            })
            .collect();
        if !crate::scenario::FLEXIBILITY_WINDOWS_H.contains(&f.window_h) {
            options.push((f.window_h, format!("{} h", f.window_h)));
        }
        let options: Vec<(u32, &str)> = options.iter().map(|(v, t)| (*v, t.as_str())).collect();
        w::enum_choice(ui, &mut f.window_h, &options, &window_path, ctx);
        w::optional_number(
            ui,
            &mut f.ramp_frac_per_h,
            // Assumption: a tenth of the group's design power per hour, a gentle ramp for
            // the cooling plant.
            0.1,
            &format!("{base}.ramp_frac_per_h"),
            ctx,
        );
    }
}

/// The rack group the planner changed last (added, or any of its fields), if any: the one
/// that gives way when the racks stop fitting.
pub fn changed_group(s: &Scenario, ctx: &PanelContext) -> Option<usize> {
    let before = &ctx.previous?.datacenter.rack_groups;
    let now = &s.datacenter.rack_groups;
    (0..now.len()).find(|&i| before.get(i) != now.get(i))
}

/// What to do when the racks do not fit under the cap (see [`load::CapacityAdvice`]), for the
/// results on screen.
pub fn capacity_advice(
    s: &Scenario,
    ctx: &PanelContext,
) -> Option<crate::model::load::CapacityAdvice> {
    let r = ctx.results?;
    let groups: Vec<_> = s
        .datacenter
        .rack_groups
        .iter()
        .map(RackGroup::load_model)
        .collect();
    r.capacity.advice(&groups, changed_group(s, ctx))
}

/// Racks total / fit, design IT and facility power against the cap, headroom, and what to do
/// when the racks do not fit.
fn summary(ui: &mut egui::Ui, advice: Option<&str>, ctx: &PanelContext) {
    let Some(r) = ctx.results else {
        w::note(ui, &tr!("panel-load-no-run"), ctx);
        return;
    };
    let c = &r.capacity;
    match advice {
        None => {
            w::status(
                ui,
                tr!(
                    "panel-load-all-fit",
                    racks = dakhla_i18n::number(c.racks_total as f64, 0)
                ),
                true,
                ctx,
            );
        }
        Some(text) => {
            w::status(ui, text, false, ctx);
        }
    }
    w::status(
        ui,
        tr!(
            "panel-load-design-power",
            it = dakhla_i18n::number(c.it_design_mw, 1),
            facility = dakhla_i18n::number(c.facility_design_mw, 1),
            pue = dakhla_i18n::number(c.design_pue, 3),
            cap = dakhla_i18n::number(c.cap_mw, 1),
            headroom = dakhla_i18n::number(c.headroom_mw, 1)
        ),
        c.headroom_mw >= 0.0,
        ctx,
    );
}

fn group_fields(
    ui: &mut egui::Ui,
    g: &mut RackGroup,
    i: usize,
    path: &str,
    simulated_year: i32,
    advice: Option<&crate::model::load::CapacityAdvice>,
    ctx: &PanelContext,
) {
    w::text(ui, &mut g.name, &format!("{path}.name"), ctx);
    w::integer(ui, &mut g.count, &format!("{path}.count"), ctx);
    w::number(ui, &mut g.kw_per_rack, &format!("{path}.kw_per_rack"), ctx);
    w::number(ui, &mut g.utilization, &format!("{path}.utilization"), ctx);
    w::optional_year_month(
        ui,
        &mut g.online_from,
        YearMonth {
            year: simulated_year,
            month: 1,
        },
        &format!("{path}.online_from"),
        ctx,
    );
    profile_editor(ui, g, path, ctx);
    flexibility_editor(ui, g, path, ctx);
    if let Some(r) = ctx.results {
        // Only the group that gives way is flagged, in its own racks.
        match advice.filter(|a| a.group == i) {
            Some(a) => {
                w::status(
                    ui,
                    a.text(&tr!("panel-load-this-group"), g.kw_per_rack),
                    false,
                    ctx,
                );
            }
            None if advice.is_some() => {
                w::status(
                    ui,
                    tr!(
                        "panel-load-group-fits-once",
                        racks = dakhla_i18n::number(f64::from(g.count), 0)
                    ),
                    true,
                    ctx,
                );
            }
            None => {
                let more = r
                    .capacity
                    .group_additional_racks_fit
                    .get(i)
                    .copied()
                    .unwrap_or(0);
                w::status(
                    ui,
                    tr!(
                        "panel-load-group-fits",
                        racks = dakhla_i18n::number(f64::from(g.count), 0),
                        more = dakhla_i18n::number(more as f64, 0)
                    ),
                    true,
                    ctx,
                );
            }
        }
    }
}

/// Preset daily shapes: mean 1, by local hour.
const OFFICE_DAY: [f64; 24] = [
    0.75, 0.72, 0.70, 0.70, 0.70, 0.72, 0.80, 0.95, 1.10, 1.22, 1.28, 1.30, 1.30, 1.30, 1.28, 1.25,
    1.18, 1.10, 1.02, 0.95, 0.90, 0.85, 0.80, 0.78,
];
const AI_TRAINING: [f64; 24] = [
    1.02, 1.02, 1.02, 0.94, 0.94, 1.02, 1.02, 1.02, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 0.98,
    0.98, 1.00, 1.00, 1.00, 1.00, 1.01, 1.02, 1.02,
];

/// `shape` with its swing around 1 reduced, when needed, so that no hour exceeds the rack's
/// design power at `utilization` (factor x utilization <= 1).
fn preset(shape: &[f64; 24], utilization: f64) -> Vec<f64> {
    let peak = shape.iter().copied().fold(1.0, f64::max);
    let limit = if utilization > 0.0 && utilization.is_finite() {
        1.0 / utilization
    } else {
        peak
    };
    let k = if peak > 1.0 {
        ((limit - 1.0) / (peak - 1.0)).clamp(0.0, 1.0)
    } else {
        1.0
    };
    shape
        .iter()
        .map(|f| ((1.0 + (f - 1.0) * k) * 1000.0).round() / 1000.0)
        .collect()
}

fn profile_editor(ui: &mut egui::Ui, g: &mut RackGroup, path: &str, ctx: &PanelContext) {
    let ppath = format!("{path}.profile");
    let mut hourly = matches!(g.profile, DailyProfile::Hourly(_));
    let before = hourly;
    w::enum_choice(
        ui,
        &mut hourly,
        &[
            (false, fields::choice_word(&ppath, "Flat")),
            (true, fields::choice_word(&ppath, "Hourly")),
        ],
        &ppath,
        ctx,
    );
    if hourly != before {
        g.profile = if hourly {
            DailyProfile::Hourly(vec![1.0; 24])
        } else {
            DailyProfile::Flat
        };
    }
    let DailyProfile::Hourly(factors) = &mut g.profile else {
        return;
    };
    ui.push_id(&ppath, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.weak(tr!("panel-load-presets"));
            if ui
                .small_button(tr!("panel-load-preset-flat"))
                .on_hover_text(tr!("panel-load-preset-flat.tooltip"))
                .clicked()
            {
                *factors = vec![1.0; 24];
            }
            if ui
                .small_button(tr!("panel-load-preset-office"))
                .on_hover_text(tr!("panel-load-preset-office.tooltip"))
                .clicked()
            {
                *factors = preset(&OFFICE_DAY, g.utilization);
            }
            if ui
                .small_button(tr!("panel-load-preset-ai"))
                .on_hover_text(tr!("panel-load-preset-ai.tooltip"))
                .clicked()
            {
                *factors = preset(&AI_TRAINING, g.utilization);
            }
            if factors.len() != 24
                && ui
                    .small_button(tr!("panel-load-make-24"))
                    .on_hover_text(tr!("panel-load-make-24.tooltip"))
                    .clicked()
            {
                factors.resize(24, 1.0);
            }
        });
        let factor_help = w::editor_spec(&format!("{ppath}[]"), "Hourly").help_text();
        egui::Grid::new("hours")
            .num_columns(6)
            .spacing([4.0, 2.0])
            .show(ui, |ui| {
                for (h, f) in factors.iter_mut().enumerate() {
                    let hp = format!("{ppath}[{h}]");
                    let bad = w::issue(ctx, &hp).is_some();
                    let r = w::committed_in(
                        ui,
                        egui::DragValue::new(f)
                            .clamp_existing_to_range(false)
                            .speed(0.01)
                            .max_decimals(3)
                            .prefix(format!("{h:02}h "))
                            .min_size(egui::vec2(56.0, 0.0)),
                        "",
                        false,
                        false,
                    )
                    .on_hover_text(tr!(
                        "panel-load-hour-help",
                        hour = h,
                        help = factor_help.as_ref()
                    ));
                    if bad {
                        w::outline_bad(ui, &r, ctx);
                    }
                    if h % 6 == 5 {
                        ui.end_row();
                    }
                }
            });
        let mean = if factors.is_empty() {
            0.0
        } else {
            factors.iter().sum::<f64>() / factors.len() as f64
        };
        w::note(
            ui,
            &tr!(
                "panel-load-mean-factor",
                mean = dakhla_i18n::number(mean, 3)
            ),
            ctx,
        );
        let prefix = format!("{ppath}[");
        for (k, msg) in ctx.issues.range(prefix.clone()..) {
            let Some(rest) = k.strip_prefix(&prefix) else {
                break;
            };
            let hour = rest.trim_end_matches(']');
            w::issue_message(
                ui,
                &tr!("panel-load-hour-issue", hour = hour, issue = msg.as_str()),
                ctx,
            );
        }
    });
}
