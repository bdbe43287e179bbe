//! Panel: the battery (energy, power, efficiency, state-of-charge window, self-discharge,
//! capacity fade) and the figures derived from them (duration, usable energy).

use super::PanelContext;
use crate::gui::widgets as w;
use crate::scenario::Scenario;
use dakhla_i18n::tr;

/// Edit the battery.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    let b = &mut s.battery;
    w::section(ui, &dakhla_i18n::tr!("section-battery"));
    w::number(ui, &mut b.energy_mwh, "battery.energy_mwh", ctx);
    w::number(ui, &mut b.power_mw, "battery.power_mw", ctx);
    w::number(ui, &mut b.round_trip_eff, "battery.round_trip_eff", ctx);
    w::number(ui, &mut b.soc_min_frac, "battery.soc_min_frac", ctx);
    w::number(ui, &mut b.soc_max_frac, "battery.soc_max_frac", ctx);
    w::number(ui, &mut b.initial_soc_frac, "battery.initial_soc_frac", ctx);
    w::number(
        ui,
        &mut b.self_discharge_frac_per_day,
        "battery.self_discharge_frac_per_day",
        ctx,
    );
    w::number(
        ui,
        &mut b.capacity_fade_pct_per_year,
        "battery.capacity_fade_pct_per_year",
        ctx,
    );

    w::section(ui, &dakhla_i18n::tr!("section-derived"));
    // Never from invalid inputs: a figure derived from a value flagged above would mislead.
    let invalid = |paths: &[&str]| paths.iter().any(|p| w::issue(ctx, p).is_some());
    let duration = if invalid(&["battery.energy_mwh", "battery.power_mw"]) {
        tr!("panel-fix-values-above")
    } else if b.power_mw > 0.0 && b.energy_mwh.is_finite() {
        format!("{} h", dakhla_i18n::number(b.energy_mwh / b.power_mw, 2))
    } else {
        "—".to_owned()
    };
    w::readout(
        ui,
        &tr!("panel-storage-duration"),
        duration,
        &tr!("panel-storage-duration.tooltip"),
    );
    let limits = b.limits(1.0);
    let usable = if invalid(&[
        "battery.energy_mwh",
        "battery.soc_min_frac",
        "battery.soc_max_frac",
    ]) {
        tr!("panel-fix-values-above")
    } else {
        format!("{} MWh", dakhla_i18n::number(limits.usable_mwh(), 1))
    };
    w::readout(
        ui,
        &tr!("panel-storage-usable"),
        usable,
        &tr!("panel-storage-usable.tooltip"),
    );
    if let Some(r) = ctx.results {
        w::readout(
            ui,
            &tr!("panel-storage-cycles"),
            dakhla_i18n::number(r.kpis.battery_cycles, 0),
            &tr!("panel-storage-cycles.tooltip"),
        );
        w::readout(
            ui,
            &tr!("panel-storage-discharged"),
            super::energy(r.kpis.battery_discharge_mwh),
            &tr!("panel-storage-discharged.tooltip"),
        );
    }
}
