//! Panel: the battery (energy, power, efficiency, state-of-charge window, self-discharge) and the
//! figures derived from them (duration, usable energy).

use super::PanelContext;
use crate::gui::widgets as w;
use crate::scenario::Scenario;

/// Edit the battery.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    let b = &mut s.battery;
    w::section(ui, "Battery");
    w::number(
        ui,
        "Battery energy",
        &mut b.energy_mwh,
        "MWh",
        "Nameplate energy of the battery. 0 means no battery. Utility LFP blocks: 2-4 h of their \
         power; the Dakhla reference has 1,600 MWh (4 h x 400 MW).",
        "battery.energy_mwh",
        ctx,
    );
    w::number(
        ui,
        "Battery power",
        &mut b.power_mw,
        "MW",
        "Inverter power, the same for charge and discharge. Typically energy / 2 to energy / 4.",
        "battery.power_mw",
        ctx,
    );
    w::fraction_percent(
        ui,
        "Round-trip efficiency",
        &mut b.round_trip_eff,
        "AC-to-AC energy out over energy in. LFP about 84.5 % (Viswanathan et al. 2022); \
         typical 80-90 %.",
        "battery.round_trip_eff",
        ctx,
    );
    w::fraction_percent(
        ui,
        "Minimum state of charge",
        &mut b.soc_min_frac,
        "Lowest charge the controller allows, as a share of the nameplate energy. Typical 5-10 %.",
        "battery.soc_min_frac",
        ctx,
    );
    w::fraction_percent(
        ui,
        "Maximum state of charge",
        &mut b.soc_max_frac,
        "Highest charge the controller allows, as a share of the nameplate energy. Typical \
         90-100 %.",
        "battery.soc_max_frac",
        ctx,
    );
    w::fraction_percent(
        ui,
        "Initial state of charge",
        &mut b.initial_soc_frac,
        "Charge at the first hour of the year, between the minimum and maximum. Typical 50 %.",
        "battery.initial_soc_frac",
        ctx,
    );
    w::scaled(
        ui,
        "Self-discharge",
        &mut b.self_discharge_frac_per_day,
        100.0,
        "%/day",
        "Stored energy lost per day at rest. LFP about 0.05 %/day.",
        "battery.self_discharge_frac_per_day",
        ctx,
    );

    w::section(ui, "Derived");
    let duration = if b.power_mw > 0.0 && b.energy_mwh.is_finite() {
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
    w::readout(
        ui,
        "Usable energy",
        format!("{:.1} MWh", limits.usable_mwh()),
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
            w::fmt_energy_mwh(r.kpis.battery_discharge_mwh),
            "Energy the battery delivered in the last run.",
        );
    }
}
