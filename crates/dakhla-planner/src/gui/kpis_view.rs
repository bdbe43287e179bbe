//! KPI cards: the figures a planner reads first, with targets plainly marked met or not.

use crate::gui::theme::{Palette, SCREEN_CLOCK};
use crate::sim::Results;
use dakhla_i18n::tr;
use egui::RichText;

/// One KPI card's content.
struct Card {
    title: std::borrow::Cow<'static, str>,
    value: String,
    detail: String,
    status: Option<bool>,
    help: std::borrow::Cow<'static, str>,
    delta: Option<(String, Option<bool>)>,
    /// Computed for an earlier version of the inputs: drawn greyed.
    stale: bool,
}

impl Card {
    fn new(
        title: std::borrow::Cow<'static, str>,
        value: String,
        detail: String,
        status: Option<bool>,
        help: std::borrow::Cow<'static, str>,
    ) -> Self {
        Self {
            title,
            value,
            detail,
            status,
            help,
            delta: None,
            stale: false,
        }
    }
}

const CARD_WIDTH: f32 = 168.0;

fn card(ui: &mut egui::Ui, palette: &Palette, c: Card) {
    let Card {
        title,
        value,
        detail,
        status,
        help,
        delta,
        stale,
    } = c;
    let stroke_color = match status {
        Some(true) => palette.good,
        Some(false) => palette.bad,
        None => ui.visuals().widgets.noninteractive.bg_stroke.color,
    };
    ui.scope(|ui| {
        if stale {
            ui.multiply_opacity(0.45);
        }
        card_frame(
            ui,
            palette,
            &title,
            value,
            detail,
            status,
            delta,
            stroke_color,
        )
        .on_hover_text(help);
    });
}

#[allow(clippy::too_many_arguments)]
fn card_frame(
    ui: &mut egui::Ui,
    palette: &Palette,
    title: &str,
    value: String,
    detail: String,
    status: Option<bool>,
    delta: Option<(String, Option<bool>)>,
    stroke_color: egui::Color32,
) -> egui::Response {
    egui::Frame::new()
        .fill(palette.card_fill)
        .stroke(egui::Stroke::new(
            if status.is_some() { 2.0 } else { 1.0 },
            stroke_color,
        ))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(CARD_WIDTH - 24.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(title).small().color(palette.muted));
                let mut v = RichText::new(value).size(18.0).strong();
                if let Some(ok) = status {
                    v = v.color(if ok { palette.good } else { palette.bad });
                }
                ui.horizontal(|ui| {
                    ui.label(v);
                    if let Some((d, better)) = &delta {
                        let colour = match better {
                            Some(true) => palette.good,
                            Some(false) => palette.bad,
                            None => palette.muted,
                        };
                        ui.label(RichText::new(d).small().color(colour));
                    }
                });
                ui.label(RichText::new(detail).small());
            });
        })
        .response
}

/// The KPI cards of a run: the headline KPIs of the registry (label, value, help, target),
/// each with its change against `baseline` (KPIs and what they are), then LOLE and EUE under
/// failures once a reliability run exists (`reliability`: the run and whether it is of the
/// current inputs; greyed and marked stale when not). Returns true when the planner asks to pin
/// these results as the new baseline.
pub fn cards(
    ui: &mut egui::Ui,
    palette: &Palette,
    r: &Results,
    baseline: Option<(&crate::sim::kpis::Kpis, &str)>,
    years: &[&crate::sim::kpis::Kpis],
    reliability: Option<(
        &crate::reliability::study::Assessment,
        bool,
        &crate::scenario::Targets,
    )>,
) -> bool {
    let mut shown = crate::sim::kpi_registry::cards_against(&r.kpis, baseline.map(|b| b.0));
    crate::sim::kpi_registry::judge_on_years(&mut shown, &r.kpis, years);
    let mut cards: Vec<Card> = shown
        .into_iter()
        .map(|c| {
            let mut card = Card::new(c.title, c.value, c.detail, c.status, c.help);
            card.delta = c.delta.map(|d| (d, c.delta_better));
            card
        })
        .collect();
    if let Some((a, current, targets)) = reliability {
        cards.extend(reliability_cards(a, current, targets));
    }
    let per_row = ((ui.available_width() + 8.0) / (CARD_WIDTH + 8.0))
        .floor()
        .max(1.0) as usize;
    let mut cards = cards.into_iter().peekable();
    while cards.peek().is_some() {
        ui.horizontal(|ui| {
            for c in cards.by_ref().take(per_row) {
                card(ui, palette, c);
            }
        });
    }
    let mut pin = false;
    ui.horizontal(|ui| {
        if let Some((_, what)) = baseline {
            ui.label(
                RichText::new(tr!("view-changes-against", what = what))
                    .small()
                    .color(palette.muted),
            );
        }
        pin = ui
            .small_button(tr!("view-pin-baseline"))
            .on_hover_text(tr!("view-pin-baseline.tooltip"))
            .clicked();
    });
    pin
}

/// LOLE and EUE under failures of a reliability run, with their standard error and P90, and
/// against the scenario's reliability targets: judged (met or not) for a run of one weather
/// year, whose mean is that year's expectation; over several years the target holds at a
/// percentile of the years' expectations, which `optimize` judges, so the card only shows it.
fn reliability_cards(
    a: &crate::reliability::study::Assessment,
    current: bool,
    targets: &crate::scenario::Targets,
) -> [Card; 2] {
    let [lole, eue] = crate::report::export::reliability_headline(a);
    let st = &a.stats;
    let judged = |target: Option<f64>, mean: f64| {
        target
            .filter(|_| a.years == 1 && current)
            .map(|t| mean <= t + 1e-12)
    };
    let against = |target: Option<f64>, unit: &str, dec: usize| {
        target.map_or_else(String::new, |t| {
            let t = dakhla_i18n::number(t, dec);
            if a.years == 1 {
                tr!("card-target-at-most", target = t, unit = unit)
            } else {
                tr!("card-target-at-most-years", target = t, unit = unit)
            }
        })
    };
    let detail = |text: String| {
        if current { text } else { tr!("card-stale") }
    };
    let mut cards = [
        Card::new(
            tr!("card-lole").into(),
            lole.1,
            detail(format!(
                "± {} · P90 {} h/yr{}",
                dakhla_i18n::number(st.lole_h_per_year.std_error, 2),
                dakhla_i18n::number(st.lole_h_per_year.p90, 2),
                against(targets.max_lole_h_per_year, "h/yr", 2)
            )),
            judged(targets.max_lole_h_per_year, st.lole_h_per_year.mean),
            tr!("card-lole.tooltip").into(),
        ),
        Card::new(
            tr!("card-eue").into(),
            eue.1,
            detail(format!(
                "± {} · P90 {} MWh/yr{}",
                dakhla_i18n::number(st.eue_mwh_per_year.std_error, 1),
                dakhla_i18n::number(st.eue_mwh_per_year.p90, 1),
                against(targets.max_eue_mwh_per_year, "MWh/yr", 1)
            )),
            judged(targets.max_eue_mwh_per_year, st.eue_mwh_per_year.mean),
            tr!("card-eue.tooltip").into(),
        ),
    ];
    for c in &mut cards {
        c.stale = !current;
    }
    cards
}

/// The supply of the scenario at a glance: PV, wind (and turbines), battery (and hours) and
/// backup by unit.
pub fn supply_line(ui: &mut egui::Ui, s: &crate::scenario::Scenario) {
    // One decimal when there is one, none for whole figures ("600", "92.4"), as each
    // language writes them.
    let one = |v: f64| {
        let v = (v * 10.0).round() / 10.0;
        dakhla_i18n::number(v, if v == v.trunc() { 0 } else { 1 })
    };
    // The capacities as the optimizer reads them (one definition of each).
    let c = crate::optimize::capacities_of(s);
    let turbines: u32 = s.wind_farms.iter().map(|f| f.turbine_count).sum();
    let hours = if c.battery_power_mw > 0.0 {
        format!(
            ", {} h",
            dakhla_i18n::number(c.battery_energy_mwh / c.battery_power_mw, 1)
        )
    } else {
        String::new()
    };
    let backup: Vec<String> = s
        .backup
        .iter()
        .map(|u| format!("{} {} MW", u.name, one(u.capacity_mw)))
        .collect();
    let parts = [
        tr!("supply-pv", mwdc = one(c.solar_mwdc)),
        tr!("supply-wind", mw = one(c.wind_mw), turbines = turbines),
        tr!(
            "supply-battery",
            mwh = one(c.battery_energy_mwh),
            mw = one(c.battery_power_mw),
            hours = hours
        ),
        if backup.is_empty() {
            tr!("supply-no-backup")
        } else {
            tr!("supply-backup", units = backup.join(", "))
        },
    ];
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("supply")).strong());
        ui.label(parts.join("  ·  "));
    });
}

/// The run as tables (energy by month and for the year, the year's costs by line), folded by
/// default, each with a button that copies it as TSV for a spreadsheet.
pub fn tables(ui: &mut egui::Ui, r: &Results) {
    egui::CollapsingHeader::new(tr!("view-tables"))
        .id_salt("results tables")
        .default_open(false)
        .show(ui, |ui| {
            // Built once per run, not every frame (a pass over the year): kept with the KPIs
            // and the clock of the run they were built from (a new UTC offset or Ramadan offset
            // alone moves the months, not always the KPIs).
            type Cached = (
                crate::sim::kpis::Kpis,
                crate::report::charts::LegalClock,
                crate::report::tables::Table,
                crate::report::tables::Table,
            );
            let key = ui.scope_id().with("results tables cache");
            let cached: Option<Cached> = ui.data(|d| d.get_temp::<Cached>(key));
            let clock = SCREEN_CLOCK.offset_h(r);
            let fresh = |c: &Cached| c.0 == r.kpis && c.1 == clock;
            let (monthly, costs) = match cached.filter(fresh) {
                Some((_, _, m, c)) => (m, c),
                None => {
                    let m = crate::report::tables::monthly_energy(r, SCREEN_CLOCK);
                    let c = crate::report::tables::annual_costs(r);
                    let entry = (r.kpis.clone(), clock, m.clone(), c.clone());
                    ui.data_mut(|d| d.insert_temp(key, entry));
                    (m, c)
                }
            };
            let monthly_title = tr!("app-table-monthly-title", clock = SCREEN_CLOCK.name(r));
            let costs_title = tr!("app-table-costs-title");
            for (title, table) in [
                (monthly_title.as_str(), monthly),
                (costs_title.as_str(), costs),
            ] {
                ui.horizontal(|ui| {
                    ui.strong(title);
                    if ui
                        .small_button(tr!("app-copy-tsv"))
                        .on_hover_text(tr!("app-copy-tsv.tooltip"))
                        .clicked()
                    {
                        ui.ctx().copy_text(table.to_tsv());
                    }
                });
                egui::ScrollArea::horizontal()
                    .id_salt(title)
                    .show(ui, |ui| {
                        egui::Grid::new(title).striped(true).show(ui, |ui| {
                            for h in &table.headers {
                                ui.label(RichText::new(h).small().strong());
                            }
                            ui.end_row();
                            for row in &table.rows {
                                for (k, c) in row.iter().enumerate() {
                                    if k == 0 {
                                        ui.label(RichText::new(c).small());
                                    } else {
                                        ui.with_layout(
                                            egui::Layout::right_to_left(egui::Align::Center),
                                            |ui| ui.label(RichText::new(c).small()),
                                        );
                                    }
                                }
                                ui.end_row();
                            }
                        });
                    });
                ui.add_space(6.0);
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reliability::AdequacyOptions;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn the_lole_and_eue_cards_are_judged_against_the_targets_for_one_weather_year() {
        // The 95 % CFE design dispatched greedily loses about 260 h/yr under failures.
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let mut s = crate::scenario::load(&root.join("scenarios/dakhla-cfe95.ron")).unwrap();
        s.simulation.dispatch = crate::scenario::DispatchMode::Greedy;
        let run = |years| {
            let o = AdequacyOptions {
                draws: 10,
                years,
                seed: 1,
            };
            crate::reliability::study::assess(&s, root, &o, &AtomicBool::new(false), |_, _| {})
                .unwrap()
        };
        let one = run(1);
        assert!(one.stats.lole_h_per_year.mean > 100.0);
        let mut t = crate::scenario::Targets {
            max_lole_h_per_year: Some(2.4),
            max_eue_mwh_per_year: Some(1e9),
            ..Default::default()
        };
        let [lole, eue] = reliability_cards(&one, true, &t);
        assert_eq!(lole.status, Some(false), "{}", lole.detail);
        assert!(
            lole.detail.contains("target ≤ 2.40 h/yr"),
            "{}",
            lole.detail
        );
        assert_eq!(eue.status, Some(true));
        t.max_lole_h_per_year = Some(8760.0);
        assert_eq!(reliability_cards(&one, true, &t)[0].status, Some(true));
        // Stale, or over several weather years (a percentile of the years, judged by
        // `optimize`): shown, not judged.
        assert_eq!(reliability_cards(&one, false, &t)[0].status, None);
        let two = run(2);
        let [lole, _] = reliability_cards(&two, true, &t);
        assert_eq!(lole.status, None);
        assert!(lole.detail.contains("over years"), "{}", lole.detail);
        // Without targets, no verdict.
        let none = crate::scenario::Targets::default();
        assert_eq!(reliability_cards(&one, true, &none)[0].status, None);
    }
}
