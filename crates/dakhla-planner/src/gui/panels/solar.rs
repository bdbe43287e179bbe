//! Panel: the solar PV plants as a list (add, remove, duplicate, reorder): nameplate, DC/AC
//! ratio, mounting (fixed tilt or single-axis trackers), losses, temperature coefficient,
//! inverter, albedo, ageing, land, sky model; and each plant's energy and capacity factor from
//! the last run.

use super::PanelContext;
use crate::gui::widgets::{self as w, ListOp};
use crate::scenario::{Mounting, Scenario, SolarPlant, TranspositionModel, fields};
use dakhla_i18n::tr;

const LIST: &str = "solar_plants";

/// Edit the solar plants.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::issue_line(ui, LIST, ctx);
    let latitude_deg = s.site.latitude_deg;
    let plants = &mut s.solar_plants;
    let len = plants.len();
    let mut op: Option<ListOp> = None;
    for (i, p) in plants.iter_mut().enumerate() {
        let path = format!("{LIST}[{i}]");
        let title = format!(
            "{} — {} MWdc",
            if p.name.trim().is_empty() {
                tr!("panel-unnamed")
            } else {
                p.name.clone()
            },
            super::shortest(p.capacity_mwdc)
        );
        w::item(ui, &path, &title, ctx, |ui| {
            plant_fields(ui, p, &path, latitude_deg, ctx);
            w::item_buttons(ui, i, len, true, &mut op);
        });
    }
    w::apply_list_op(ui, plants, LIST, op, |p, all| SolarPlant {
        name: w::unique_name(
            &tr!("panel-copy-name", name = p.name.as_str()),
            all.iter().map(|p| p.name.as_str()),
        ),
        ..p.clone()
    });
    if plants.is_empty() {
        w::note(ui, &tr!("panel-solar-none"), ctx);
    }
    if ui
        .button(tr!("panel-solar-add"))
        .on_hover_text(tr!("panel-solar-add.tooltip"))
        .clicked()
    {
        let name = w::unique_name(
            &tr!("panel-solar-new-name"),
            plants.iter().map(|p| p.name.as_str()),
        );
        w::push_item(ui, plants, LIST, new_plant(name));
    }
    if let Some(r) = ctx.results {
        let k = &r.kpis;
        if let (Some(dc), Some(ac)) = (k.solar_capacity_factor_dc, k.solar_capacity_factor_ac) {
            w::note(
                ui,
                &tr!(
                    "panel-solar-all-plants",
                    energy = super::energy(k.solar_energy_mwh),
                    dc = super::percent(dc),
                    ac = super::percent(ac),
                    land = dakhla_i18n::number(k.solar_land_ha, 0)
                ),
                ctx,
            );
        }
    }
}

fn new_plant(name: String) -> SolarPlant {
    SolarPlant {
        name,
        capacity_mwdc: 100.0,
        dc_ac_ratio: 1.3,
        mounting: Mounting::SingleAxis {
            max_angle_deg: 55.0,
            gcr: 0.35,
            backtrack: true,
        },
        losses_pct: 14.08,
        gamma_pdc_per_c: -0.0037,
        inverter_eff_pct: 96.0,
        albedo: 0.3,
        degradation_pct_per_year: 0.5,
        land_use_ha_per_mwdc: 2.0,
        transposition: TranspositionModel::Perez1990,
        inverter_unit_mw: fields::default_number("solar_plants[].inverter_unit_mw"),
        inverter_forced_outage_rate: fields::default_number(
            "solar_plants[].inverter_forced_outage_rate",
        ),
        inverter_mean_time_to_repair_h: fields::default_number(
            "solar_plants[].inverter_mean_time_to_repair_h",
        ),
    }
}

fn plant_fields(
    ui: &mut egui::Ui,
    p: &mut SolarPlant,
    path: &str,
    latitude_deg: f64,
    ctx: &PanelContext,
) {
    let f = |field: &str| format!("{path}.{field}");
    w::text(ui, &mut p.name, &f("name"), ctx);
    w::number(ui, &mut p.capacity_mwdc, &f("capacity_mwdc"), ctx);
    w::number(ui, &mut p.dc_ac_ratio, &f("dc_ac_ratio"), ctx);
    if p.dc_ac_ratio > 0.0 && p.capacity_mwdc.is_finite() {
        w::readout(
            ui,
            &tr!("panel-solar-ac-rating"),
            format!(
                "{} MWac",
                dakhla_i18n::number(p.capacity_mwdc / p.dc_ac_ratio, 1)
            ),
            &tr!("panel-solar-ac-rating.tooltip"),
        );
    }
    mounting_fields(ui, p, path, latitude_deg, ctx);
    w::number(ui, &mut p.losses_pct, &f("losses_pct"), ctx);
    w::number(ui, &mut p.gamma_pdc_per_c, &f("gamma_pdc_per_c"), ctx);
    w::number(ui, &mut p.inverter_eff_pct, &f("inverter_eff_pct"), ctx);
    w::number(ui, &mut p.albedo, &f("albedo"), ctx);
    w::number(
        ui,
        &mut p.degradation_pct_per_year,
        &f("degradation_pct_per_year"),
        ctx,
    );
    w::number(
        ui,
        &mut p.land_use_ha_per_mwdc,
        &f("land_use_ha_per_mwdc"),
        ctx,
    );
    if p.capacity_mwdc.is_finite() && p.land_use_ha_per_mwdc.is_finite() {
        w::readout(
            ui,
            &tr!("panel-solar-land"),
            format!(
                "{} ha",
                dakhla_i18n::number(p.capacity_mwdc * p.land_use_ha_per_mwdc, 0)
            ),
            &tr!("panel-solar-land.tooltip"),
        );
    }
    w::enum_choice(
        ui,
        &mut p.transposition,
        &[
            (
                TranspositionModel::Perez1990,
                fields::choice_word(&f("transposition"), "Perez1990"),
            ),
            (
                TranspositionModel::Isotropic,
                fields::choice_word(&f("transposition"), "Isotropic"),
            ),
        ],
        &f("transposition"),
        ctx,
    );
    if let Some(r) = ctx.results
        && let Some(pr) = r
            .plants
            .iter()
            .find(|pr| pr.kind == "solar" && pr.name == p.name)
    {
        w::readout(
            ui,
            &tr!("panel-solar-energy"),
            super::energy(pr.energy_mwh),
            &tr!("panel-solar-energy.tooltip"),
        );
        w::readout(
            ui,
            &tr!("panel-solar-capacity-factor"),
            super::percent(pr.capacity_factor),
            &tr!("panel-solar-capacity-factor.tooltip"),
        );
    }
}

fn mounting_fields(
    ui: &mut egui::Ui,
    p: &mut SolarPlant,
    path: &str,
    latitude_deg: f64,
    ctx: &PanelContext,
) {
    let mp = format!("{path}.mounting");
    let mut tracking = matches!(p.mounting, Mounting::SingleAxis { .. });
    let before = tracking;
    w::enum_choice(
        ui,
        &mut tracking,
        &[
            (false, fields::choice_word(&mp, "Fixed")),
            (true, fields::choice_word(&mp, "SingleAxis")),
        ],
        &mp,
        ctx,
    );
    if tracking != before {
        p.mounting = if tracking {
            Mounting::SingleAxis {
                max_angle_deg: 55.0,
                gcr: 0.35,
                backtrack: true,
            }
        } else {
            // Tilt near the latitude, facing the equator: a usual starting point.
            let lat = if latitude_deg.is_finite() {
                latitude_deg
            } else {
                0.0
            };
            Mounting::Fixed {
                tilt_deg: lat.abs().round(),
                azimuth_deg: if lat >= 0.0 { 180.0 } else { 0.0 },
                gcr: 0.4,
            }
        };
    }
    match &mut p.mounting {
        Mounting::Fixed {
            tilt_deg,
            azimuth_deg,
            gcr,
        } => {
            w::number_in(ui, gcr, &format!("{mp}.gcr"), "Fixed", ctx);
            w::number(ui, tilt_deg, &format!("{mp}.tilt_deg"), ctx);
            w::number(ui, azimuth_deg, &format!("{mp}.azimuth_deg"), ctx);
        }
        Mounting::SingleAxis {
            max_angle_deg,
            gcr,
            backtrack,
        } => {
            w::number(ui, max_angle_deg, &format!("{mp}.max_angle_deg"), ctx);
            w::number_in(ui, gcr, &format!("{mp}.gcr"), "SingleAxis", ctx);
            w::checkbox(ui, backtrack, &format!("{mp}.backtrack"), ctx);
        }
    }
}
