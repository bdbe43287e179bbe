//! Panel: the battery (energy, power, efficiency, state-of-charge window, self-discharge,
//! capacity fade) and the figures derived from them (duration, usable energy).

use super::PanelContext;
use crate::gui::widgets as w;
use crate::scenario::Scenario;

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
        "— (fix the values above)".to_owned()
    } else if b.power_mw > 0.0 && b.energy_mwh.is_finite() {
        format!("{:.2} h", b.energy_mwh / b.power_mw)
    } else {
        "—".to_owned()
    };
    w::readout(
        ui,
        "Duration",
        duration,
        "Hours of discharge at full power from full: energy / power. Utility batteries 2-4 h.",
    );
    let limits = b.limits(1.0);
    let usable = if invalid(&[
        "battery.energy_mwh",
        "battery.soc_min_frac",
        "battery.soc_max_frac",
    ]) {
        "— (fix the values above)".to_owned()
    } else {
        format!("{:.1} MWh", limits.usable_mwh())
    };
    w::readout(
        ui,
        "Usable energy",
        usable,
        "Energy between the minimum and maximum state of charge.",
    );
    if let Some(r) = ctx.results {
        w::readout(
            ui,
            "Cycles per year",
            format!("{:.0}", r.kpis.battery_cycles),
            "Discharged energy over the usable energy in the last run [full cycles]. LFP lasts \
             about 4,000-6,000 cycles.",
        );
        w::readout(
            ui,
            "Discharged per year",
            crate::text::energy_mwh(r.kpis.battery_discharge_mwh),
            "Energy the battery delivered in the last run.",
        );
    }
}
