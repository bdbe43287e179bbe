//! Panel: the solar PV plants as a list (add, remove, duplicate, reorder): nameplate, DC/AC
//! ratio, mounting (fixed tilt or single-axis trackers), losses, temperature coefficient,
//! inverter, albedo, ageing, land, sky model; and each plant's energy and capacity factor from
//! the last run.

use super::PanelContext;
use crate::gui::widgets::{self as w, ListOp};
use crate::scenario::{Mounting, Scenario, SolarPlant, TranspositionModel};

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
                "(unnamed)"
            } else {
                p.name.as_str()
            },
            p.capacity_mwdc
        );
        w::item(ui, &path, &title, ctx, |ui| {
            plant_fields(ui, p, &path, latitude_deg, ctx);
            w::item_buttons(ui, i, len, true, &mut op);
        });
    }
    w::apply_list_op(ui, plants, LIST, op, |p, all| SolarPlant {
        name: w::unique_name(
            &format!("{} (copy)", p.name),
            all.iter().map(|p| p.name.as_str()),
        ),
        ..p.clone()
    });
    if plants.is_empty() {
        w::note(ui, "No solar plants.", ctx);
    }
    if ui
        .button("Add solar plant")
        .on_hover_text("Add a 100 MWdc single-axis tracker plant with PVWatts defaults")
        .clicked()
    {
        let name = w::unique_name("PV plant", plants.iter().map(|p| p.name.as_str()));
        w::push_item(ui, plants, LIST, new_plant(name));
    }
    if let Some(r) = ctx.results {
        let k = &r.kpis;
        if let (Some(dc), Some(ac)) = (k.solar_capacity_factor_dc, k.solar_capacity_factor_ac) {
            w::note(
                ui,
                &format!(
                    "All plants: {} available, capacity factor {} (DC) / {} (AC), {:.0} ha",
                    w::fmt_energy_mwh(k.solar_energy_mwh),
                    w::fmt_pct(dc),
                    w::fmt_pct(ac),
                    k.solar_land_ha
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
    w::text(
        ui,
        "Name",
        &mut p.name,
        "A name unique among the solar plants.",
        &f("name"),
        ctx,
    );
    w::number(
        ui,
        "DC capacity",
        &mut p.capacity_mwdc,
        "MWdc",
        "DC nameplate of the modules. Utility plants 50-2,000 MWdc; Dakhla reference 600 MWdc.",
        &f("capacity_mwdc"),
        ctx,
    );
    w::number(
        ui,
        "DC/AC ratio",
        &mut p.dc_ac_ratio,
        "",
        "DC nameplate over inverter AC rating. Typical 1.1-1.5; above 1 the inverters clip the \
         midday peak.",
        &f("dc_ac_ratio"),
        ctx,
    );
    if p.dc_ac_ratio > 0.0 && p.capacity_mwdc.is_finite() {
        w::readout(
            ui,
            "AC rating",
            format!("{:.1} MWac", p.capacity_mwdc / p.dc_ac_ratio),
            "Inverter AC rating: DC capacity / DC/AC ratio (the basis of the solar capex).",
        );
    }
    mounting_fields(ui, p, path, latitude_deg, ctx);
    w::number(
        ui,
        "System losses",
        &mut p.losses_pct,
        "%",
        "PVWatts system losses: soiling, wiring, mismatch, availability... Default 14.08 %; add \
         1-3 points for dusty desert soiling.",
        &f("losses_pct"),
        ctx,
    );
    w::scaled(
        ui,
        "Temperature coefficient",
        &mut p.gamma_pdc_per_c,
        100.0,
        "%/°C",
        "Power change per degree of cell temperature. Standard modules -0.37 %/°C, premium \
         -0.35 %/°C, thin film -0.20 %/°C.",
        &f("gamma_pdc_per_c"),
        ctx,
    );
    w::number(
        ui,
        "Inverter efficiency",
        &mut p.inverter_eff_pct,
        "%",
        "Nominal inverter efficiency. PVWatts default 96 %; modern central inverters 98-99 %.",
        &f("inverter_eff_pct"),
        ctx,
    );
    w::number(
        ui,
        "Albedo",
        &mut p.albedo,
        "",
        "Ground reflectance, 0-1. Desert sand 0.25-0.4; grass 0.2; fresh snow 0.8.",
        &f("albedo"),
        ctx,
    );
    w::number(
        ui,
        "Degradation",
        &mut p.degradation_pct_per_year,
        "%/yr",
        "Yearly output loss from module ageing. Typical 0.5 %/yr (Jordan & Kurtz 2013).",
        &f("degradation_pct_per_year"),
        ctx,
    );
    w::number(
        ui,
        "Land use",
        &mut p.land_use_ha_per_mwdc,
        "ha/MWdc",
        "Land needed per MWdc. Fixed tilt 1-2, single-axis trackers 1.5-3 ha/MWdc.",
        &f("land_use_ha_per_mwdc"),
        ctx,
    );
    if p.capacity_mwdc.is_finite() && p.land_use_ha_per_mwdc.is_finite() {
        w::readout(
            ui,
            "Land",
            format!("{:.0} ha", p.capacity_mwdc * p.land_use_ha_per_mwdc),
            "DC capacity × land use.",
        );
    }
    w::enum_choice(
        ui,
        "Sky model",
        &mut p.transposition,
        &[
            (TranspositionModel::Perez1990, "Perez 1990"),
            (TranspositionModel::Isotropic, "Isotropic"),
        ],
        "How diffuse sky light is transposed to the module plane. Perez 1990 is the SAM and \
         PVsyst default; isotropic (Liu & Jordan) is simpler and slightly pessimistic on tilted \
         planes.",
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
            "Energy (last run)",
            w::fmt_energy_mwh(pr.energy_mwh),
            "Available energy of this plant over the simulated period, before curtailment.",
        );
        w::readout(
            ui,
            "Capacity factor",
            w::fmt_pct(pr.capacity_factor),
            "Energy over DC nameplate × hours. Single-axis PV in the Sahara: about 22-28 % (DC).",
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
        "Mounting",
        &mut tracking,
        &[(false, "Fixed tilt"), (true, "Single-axis trackers")],
        "Fixed-tilt racks, or horizontal north-south single-axis trackers that follow the sun \
         east to west (the standard for utility PV at low latitude).",
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
            w::number(
                ui,
                "Ground coverage ratio",
                gcr,
                "",
                "Module slant height over row pitch. Utility plants 0.3-0.5; 0 for a single row \
                 (no row-to-row shading).",
                &format!("{mp}.gcr"),
                ctx,
            );
            w::number(
                ui,
                "Tilt",
                tilt_deg,
                "°",
                "Module tilt from horizontal. Near the latitude for most yearly energy (Dakhla \
                 about 20-24°); 0-90°.",
                &format!("{mp}.tilt_deg"),
                ctx,
            );
            w::number(
                ui,
                "Azimuth",
                azimuth_deg,
                "°",
                "Direction the modules face, clockwise from north: 180° = south (northern \
                 hemisphere), 0° = north.",
                &format!("{mp}.azimuth_deg"),
                ctx,
            );
        }
        Mounting::SingleAxis {
            max_angle_deg,
            gcr,
            backtrack,
        } => {
            w::number(
                ui,
                "Max rotation",
                max_angle_deg,
                "°",
                "Largest tracker rotation either side of horizontal. Typical 45-60°.",
                &format!("{mp}.max_angle_deg"),
                ctx,
            );
            w::number(
                ui,
                "Ground coverage ratio",
                gcr,
                "",
                "Module row width over row pitch. Typical 0.3-0.5: higher packs more modules per \
                 hectare but shades more at low sun.",
                &format!("{mp}.gcr"),
                ctx,
            );
            w::checkbox(
                ui,
                "Backtracking",
                backtrack,
                "Rotate the trackers back toward flat at low sun so rows do not shade each other. \
                 Usually on.",
                &format!("{mp}.backtrack"),
                ctx,
            );
        }
    }
}
