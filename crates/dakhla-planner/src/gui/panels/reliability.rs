//! Panel: failure data for reliability runs, in IEEE Std 762 terms. Each backup entry is
//! `unit_count` identical units that fail and are repaired one by one (N+k), and fail to start
//! with a probability; turbines, inverters and the battery's power blocks fail and are repaired
//! likewise. Every default comes from the field registry with its source (the tooltips).
//!
//! The simulation and the optimizer do not draw failures; these figures feed the reliability
//! runs (LOLE, EUE, survival of grid outages).

use super::PanelContext;
use crate::gui::widgets as w;
use crate::scenario::{BackupKind, Scenario};

/// Edit the failure data of every unit.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::note(
        ui,
        "What fails and for how long. Forced outage rate: the share of time a unit is out \
         (IEEE Std 762); repair time: the mean length of an outage. The yearly simulation and \
         the optimizer assume perfect machines; reliability runs draw these failures.",
        ctx,
    );
    w::section(ui, "Backup units");
    if s.backup.is_empty() {
        w::note(ui, "No backup units (add them in the Backup panel).", ctx);
    }
    for (i, u) in s.backup.iter_mut().enumerate() {
        let path = format!("backup[{i}]");
        let f = |field: &str| format!("{path}.{field}");
        let variant = u.kind.name();
        let title = format!("{} — {} MW", u.name, u.capacity_mw);
        w::item(ui, &path, &title, ctx, |ui| {
            if u.kind != BackupKind::GridImport {
                w::integer(ui, &mut u.unit_count, &f("unit_count"), ctx);
            }
            w::number_in(
                ui,
                &mut u.forced_outage_rate,
                &f("forced_outage_rate"),
                variant,
                ctx,
            );
            w::number_in(
                ui,
                &mut u.mean_time_to_repair_h,
                &f("mean_time_to_repair_h"),
                variant,
                ctx,
            );
            if u.kind != BackupKind::GridImport {
                w::number_in(
                    ui,
                    &mut u.start_failure_prob,
                    &f("start_failure_prob"),
                    variant,
                    ctx,
                );
            }
            // Derived figures, never from flagged values.
            let flagged = [
                "capacity_mw",
                "unit_count",
                "forced_outage_rate",
                "mean_time_to_repair_h",
            ]
            .iter()
            .any(|x| w::issue(ctx, &f(x)).is_some());
            if flagged {
                w::readout(ui, "Per unit", "— (fix the values above)", "");
            } else if u.kind == BackupKind::GridImport {
                w::readout(
                    ui,
                    "Outages per year",
                    format!("{:.1}", u.outages_per_year()),
                    "Outage share x 8760 h / mean outage duration.",
                );
            } else {
                w::readout(
                    ui,
                    "Per unit",
                    format!(
                        "{} MW, {:.1} outages a year",
                        crate::text::number((u.unit_mw() * 100.0).round() / 100.0),
                        u.outages_per_year()
                    ),
                    "Capacity over the number of units; forced outage rate x 8760 h / repair \
                     time.",
                );
            }
        });
    }
    w::section(ui, "Wind turbines");
    for (i, farm) in s.wind_farms.iter_mut().enumerate() {
        let path = format!("wind_farms[{i}]");
        let title = format!("{} — {} turbines", farm.name, farm.turbine_count);
        w::item(ui, &path, &title, ctx, |ui| {
            w::number(
                ui,
                &mut farm.turbine_forced_outage_rate,
                &format!("{path}.turbine_forced_outage_rate"),
                ctx,
            );
            w::number(
                ui,
                &mut farm.turbine_mean_time_to_repair_h,
                &format!("{path}.turbine_mean_time_to_repair_h"),
                ctx,
            );
        });
    }
    w::section(ui, "Solar inverters");
    for (i, plant) in s.solar_plants.iter_mut().enumerate() {
        let path = format!("solar_plants[{i}]");
        let title = format!("{} — {} MWdc", plant.name, plant.capacity_mwdc);
        w::item(ui, &path, &title, ctx, |ui| {
            w::number(
                ui,
                &mut plant.inverter_unit_mw,
                &format!("{path}.inverter_unit_mw"),
                ctx,
            );
            w::number(
                ui,
                &mut plant.inverter_forced_outage_rate,
                &format!("{path}.inverter_forced_outage_rate"),
                ctx,
            );
            w::number(
                ui,
                &mut plant.inverter_mean_time_to_repair_h,
                &format!("{path}.inverter_mean_time_to_repair_h"),
                ctx,
            );
        });
    }
    w::section(ui, "Battery power conversion");
    let b = &mut s.battery;
    w::number(ui, &mut b.pcs_unit_mw, "battery.pcs_unit_mw", ctx);
    w::number(
        ui,
        &mut b.pcs_forced_outage_rate,
        "battery.pcs_forced_outage_rate",
        ctx,
    );
    w::number(
        ui,
        &mut b.pcs_mean_time_to_repair_h,
        "battery.pcs_mean_time_to_repair_h",
        ctx,
    );
}
