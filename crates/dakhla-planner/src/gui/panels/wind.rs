//! Panel: the wind farms as a list (add, remove, duplicate, reorder). Per farm: the turbine
//! (library pick, or a custom power curve edited as a table), count, hub and measurement
//! heights, shear, losses; the farm's rated power, the turbine's power curve, and energy and
//! capacity factor from the last run.

use super::PanelContext;
use crate::gui::chart_widget;
use crate::gui::widgets::{self as w, ListOp};
use crate::model::turbines::{find_turbine, turbine_library};
use crate::scenario::{Scenario, TurbineChoice, WindFarm, fields};
use dakhla_i18n::tr;

const LIST: &str = "wind_farms";
const DEFAULT_TURBINE: &str = "2023NREL_Bespoke_6MW_170";

/// Edit the wind farms.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::issue_line(ui, LIST, ctx);
    let farms = &mut s.wind_farms;
    let len = farms.len();
    let mut op: Option<ListOp> = None;
    for (i, farm) in farms.iter_mut().enumerate() {
        let path = format!("{LIST}[{i}]");
        let mw = farm.turbine.rated_kw() / 1000.0 * f64::from(farm.turbine_count);
        let title = format!(
            "{} — {} × {} = {} MW",
            if farm.name.trim().is_empty() {
                tr!("panel-unnamed")
            } else {
                farm.name.clone()
            },
            dakhla_i18n::number(f64::from(farm.turbine_count), 0),
            turbine_label(&farm.turbine),
            dakhla_i18n::number(mw, 0)
        );
        w::item(ui, &path, &title, ctx, |ui| {
            farm_fields(ui, farm, &path, ctx);
            w::item_buttons(ui, i, len, true, &mut op);
        });
    }
    w::apply_list_op(ui, farms, LIST, op, |f, all| WindFarm {
        name: w::unique_name(
            &tr!("panel-copy-name", name = f.name.as_str()),
            all.iter().map(|f| f.name.as_str()),
        ),
        ..f.clone()
    });
    if farms.is_empty() {
        w::note(ui, &tr!("panel-wind-none"), ctx);
    }
    if ui
        .button(tr!("panel-wind-add"))
        .on_hover_text(tr!("panel-wind-add.tooltip"))
        .clicked()
    {
        let name = w::unique_name(
            &tr!("panel-wind-new-name"),
            farms.iter().map(|f| f.name.as_str()),
        );
        let turbine = if find_turbine(DEFAULT_TURBINE).is_some() {
            DEFAULT_TURBINE.to_owned()
        } else {
            turbine_library()
                .first()
                .map_or_else(|| DEFAULT_TURBINE.to_owned(), |t| t.name.clone())
        };
        w::push_item(
            ui,
            farms,
            LIST,
            WindFarm {
                name,
                turbine: TurbineChoice::Library { name: turbine },
                turbine_count: 50,
                hub_height_m: 120.0,
                measurement_height_m: 10.0,
                shear_exponent: 0.11,
                losses_pct: 15.0,
                turbine_forced_outage_rate: fields::default_number(
                    "wind_farms[].turbine_forced_outage_rate",
                ),
                turbine_mean_time_to_repair_h: fields::default_number(
                    "wind_farms[].turbine_mean_time_to_repair_h",
                ),
            },
        );
    }
    if let Some(r) = ctx.results
        && let Some(cf) = r.kpis.wind_capacity_factor
    {
        w::note(
            ui,
            &tr!(
                "panel-wind-all-farms",
                energy = super::energy(r.kpis.wind_energy_mwh),
                cf = super::percent(cf)
            ),
            ctx,
        );
    }
}

/// Short text of a turbine choice.
fn turbine_label(t: &TurbineChoice) -> String {
    match t {
        TurbineChoice::Library { name } => name.clone(),
        TurbineChoice::Custom { name, .. } => tr!("panel-wind-custom-name", name = name.as_str()),
    }
}

/// What the user picked in the turbine list.
enum Pick {
    Library(String),
    Custom,
}

fn turbine_picker(ui: &mut egui::Ui, farm: &mut WindFarm, path: &str, ctx: &PanelContext) {
    let tpath = format!("{path}.turbine");
    let selected = match &farm.turbine {
        TurbineChoice::Library { name } => match find_turbine(name) {
            Some(t) => t.name.clone(),
            None => tr!("panel-wind-not-in-library", name = name.as_str()),
        },
        TurbineChoice::Custom { name, .. } => {
            tr!("panel-wind-custom-selected", name = name.as_str())
        }
    };
    let mut pick: Option<Pick> = None;
    // Library-name problems are reported on `turbine.name`; show them on the picker.
    let issue_path = match &farm.turbine {
        TurbineChoice::Library { .. } => format!("{tpath}.name"),
        TurbineChoice::Custom { .. } => tpath.clone(),
    };
    // The picker edits the choice and, for the library, its name.
    let spec = w::editor_spec(&tpath, "");
    w::editor_spec(&format!("{tpath}.name"), "Library");
    w::row(
        ui,
        &spec.label_text(),
        &spec.help_text(),
        &issue_path,
        ctx,
        |ui| {
            egui::ComboBox::from_id_salt("turbine")
                .selected_text(selected)
                .width(ui.available_width().clamp(80.0, 260.0))
                .show_ui(ui, |ui| {
                    for t in turbine_library() {
                        let current =
                            matches!(&farm.turbine, TurbineChoice::Library { name } if name.trim().eq_ignore_ascii_case(&t.name));
                        let text = tr!(
                            "panel-wind-library-entry",
                            name = t.name.as_str(),
                            rated = dakhla_i18n::number(t.rated_kw, 0),
                            rotor = dakhla_i18n::number(t.rotor_diameter_m, 0)
                        );
                        if ui
                            .selectable_label(current, text)
                            .on_hover_text(tr!(
                                "panel-wind-library-source",
                                manufacturer = t.manufacturer.as_str(),
                                source = t.source.as_str()
                            ))
                            .clicked()
                            && !current
                        {
                            pick = Some(Pick::Library(t.name.clone()));
                        }
                    }
                    let custom = matches!(farm.turbine, TurbineChoice::Custom { .. });
                    if ui
                        .selectable_label(custom, tr!("panel-wind-custom"))
                        .on_hover_text(tr!("panel-wind-custom.tooltip"))
                        .clicked()
                        && !custom
                    {
                        pick = Some(Pick::Custom);
                    }
                })
                .response
        },
    );
    match pick {
        Some(Pick::Library(name)) => farm.turbine = TurbineChoice::Library { name },
        Some(Pick::Custom) => {
            let (name, rated_kw, rotor_diameter_m) = match &farm.turbine {
                TurbineChoice::Library { name } => match find_turbine(name) {
                    Some(t) => (
                        tr!("panel-wind-custom-name", name = t.name.as_str()),
                        t.rated_kw,
                        t.rotor_diameter_m,
                    ),
                    None => (tr!("panel-wind-custom-turbine"), 6000.0, 170.0),
                },
                TurbineChoice::Custom {
                    name,
                    rated_kw,
                    rotor_diameter_m,
                    ..
                } => (name.clone(), *rated_kw, *rotor_diameter_m),
            };
            let mut power_curve_kw = farm.turbine.power_curve();
            if power_curve_kw.is_empty() {
                power_curve_kw = vec![(3.0, 0.0), (12.0, rated_kw), (25.0, rated_kw)];
            }
            farm.turbine = TurbineChoice::Custom {
                name,
                rated_kw,
                rotor_diameter_m,
                power_curve_kw,
            };
        }
        None => {}
    }
    if let TurbineChoice::Library { name } = &farm.turbine
        && let Some(t) = find_turbine(name)
    {
        let hubs: Vec<String> = t
            .hub_heights_m
            .iter()
            .map(|h| dakhla_i18n::number(*h, 0))
            .collect();
        let rated = dakhla_i18n::number(t.rated_kw, 0);
        let rotor = dakhla_i18n::number(t.rotor_diameter_m, 0);
        let manufacturer = t.manufacturer.as_str();
        w::note(
            ui,
            &if hubs.is_empty() {
                tr!(
                    "panel-wind-turbine-note",
                    manufacturer = manufacturer,
                    rated = rated,
                    rotor = rotor
                )
            } else {
                tr!(
                    "panel-wind-turbine-note-hubs",
                    manufacturer = manufacturer,
                    rated = rated,
                    rotor = rotor,
                    hubs = hubs.join(" / ")
                )
            },
            ctx,
        );
    }
}

fn custom_fields(ui: &mut egui::Ui, farm: &mut WindFarm, path: &str, ctx: &PanelContext) {
    let TurbineChoice::Custom {
        name,
        rated_kw,
        rotor_diameter_m,
        power_curve_kw,
    } = &mut farm.turbine
    else {
        return;
    };
    let tp = format!("{path}.turbine");
    w::text_in(ui, name, &format!("{tp}.name"), "Custom", ctx);
    w::number(ui, rated_kw, &format!("{tp}.rated_kw"), ctx);
    w::number(ui, rotor_diameter_m, &format!("{tp}.rotor_diameter_m"), ctx);
    let cp = format!("{tp}.power_curve_kw");
    ui.push_id(&cp, |ui| {
        let spec = w::editor_spec(&format!("{cp}[]"), "Custom");
        ui.label(tr!(
            "panel-wind-curve",
            label = spec.label_text().into_owned()
        ))
        .on_hover_text(tr!(
            "panel-wind-curve.tooltip",
            help = spec.help_text().into_owned()
        ));
        let mut remove: Option<usize> = None;
        egui::Grid::new("curve")
            .num_columns(3)
            .striped(true)
            .spacing([6.0, 2.0])
            .show(ui, |ui| {
                ui.weak(tr!("panel-wind-speed"));
                ui.weak(tr!("panel-wind-power"));
                ui.label("");
                ui.end_row();
                for (k, (v, p)) in power_curve_kw.iter_mut().enumerate() {
                    w::committed_in(
                        ui,
                        egui::DragValue::new(v)
                            .clamp_existing_to_range(false)
                            .speed(0.05)
                            .max_decimals(3)
                            .suffix(" m/s")
                            .min_size(egui::vec2(80.0, 0.0)),
                        "m/s",
                        false,
                        false,
                    )
                    .on_hover_text(tr!("panel-wind-speed-row", row = k + 1));
                    w::committed_in(
                        ui,
                        egui::DragValue::new(p)
                            .clamp_existing_to_range(false)
                            .speed(10.0)
                            .max_decimals(1)
                            .suffix(" kW")
                            .min_size(egui::vec2(90.0, 0.0)),
                        "kW",
                        false,
                        false,
                    )
                    .on_hover_text(tr!("panel-wind-power-row", row = k + 1));
                    if ui
                        .small_button("−")
                        .on_hover_text(tr!("panel-wind-remove-row", row = k + 1))
                        .clicked()
                    {
                        remove = Some(k);
                    }
                    ui.end_row();
                }
            });
        if let Some(k) = remove
            && k < power_curve_kw.len()
        {
            power_curve_kw.remove(k);
        }
        if ui
            .small_button(tr!("panel-wind-add-row"))
            .on_hover_text(tr!("panel-wind-add-row.tooltip"))
            .clicked()
        {
            let next = power_curve_kw
                .last()
                .map_or((3.0, 0.0), |&(v, p)| (v + 1.0, p));
            power_curve_kw.push(next);
        }
        w::issue_line(ui, &cp, ctx);
    });
}

fn farm_fields(ui: &mut egui::Ui, farm: &mut WindFarm, path: &str, ctx: &PanelContext) {
    let f = |field: &str| format!("{path}.{field}");
    w::text(ui, &mut farm.name, &f("name"), ctx);
    turbine_picker(ui, farm, path, ctx);
    custom_fields(ui, farm, path, ctx);
    w::integer(ui, &mut farm.turbine_count, &f("turbine_count"), ctx);
    let rated_kw = farm.turbine.rated_kw();
    w::readout(
        ui,
        &tr!("panel-wind-farm-capacity"),
        format!(
            "{} MW",
            dakhla_i18n::number(rated_kw / 1000.0 * f64::from(farm.turbine_count), 1)
        ),
        &tr!("panel-wind-farm-capacity.tooltip"),
    );
    w::number(ui, &mut farm.hub_height_m, &f("hub_height_m"), ctx);
    w::number(
        ui,
        &mut farm.measurement_height_m,
        &f("measurement_height_m"),
        ctx,
    );
    w::number(ui, &mut farm.shear_exponent, &f("shear_exponent"), ctx);
    w::number(ui, &mut farm.losses_pct, &f("losses_pct"), ctx);
    let curve = farm.turbine.power_curve();
    if !curve.is_empty() {
        chart_widget::power_curve(ui, ctx.palette, &turbine_label(&farm.turbine), &curve);
    }
    if let Some(r) = ctx.results
        && let Some(pr) = r
            .plants
            .iter()
            .find(|pr| pr.kind == "wind" && pr.name == farm.name)
    {
        w::readout(
            ui,
            &tr!("panel-wind-energy"),
            super::energy(pr.energy_mwh),
            &tr!("panel-wind-energy.tooltip"),
        );
        w::readout(
            ui,
            &tr!("panel-wind-capacity-factor"),
            super::percent(pr.capacity_factor),
            &tr!("panel-wind-capacity-factor.tooltip"),
        );
    }
}
