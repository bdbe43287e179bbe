//! Panel: the design targets (renewable fraction, 24/7 CFE score, unmet energy), each optional,
//! with the last run's value and whether it is met.

use super::PanelContext;
use crate::gui::widgets::{self as w, Display};
use crate::scenario::Scenario;

/// Edit the targets.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::note(
        ui,
        "Tick a target to set it; each is reported as met or not after every run.",
        ctx,
    );
    let t = &mut s.targets;
    w::optional_number(
        ui,
        "Minimum renewable fraction",
        &mut t.min_renewable_fraction,
        0.85,
        Display::Percent,
        "Lowest acceptable share of the facility energy served by solar and wind, directly or \
         through the battery, 0-100 %. Ambitious campuses aim at 80-95 %.",
        "targets.min_renewable_fraction",
        ctx,
    );
    status(ui, "renewable_fraction", true, ctx);
    w::optional_number(
        ui,
        "Minimum CFE score",
        &mut t.min_cfe_score,
        0.85,
        Display::Percent,
        "Lowest acceptable 24/7 carbon-free energy score: hour by hour, the share of consumption \
         met by carbon-free supply (Google's methodology), 0-100 %. Leaders reach 60-90 %.",
        "targets.min_cfe_score",
        ctx,
    );
    status(ui, "cfe_score", true, ctx);
    w::optional_number(
        ui,
        "Maximum unmet energy",
        &mut t.max_unmet_energy_mwh,
        0.0,
        Display::Plain("MWh"),
        "Largest acceptable facility energy left unserved over the year. 0 for a datacenter \
         that must never shed load.",
        "targets.max_unmet_energy_mwh",
        ctx,
    );
    status(ui, "unmet_energy_mwh", false, ctx);
}

/// The last run's value of `kpi` against its target, in good or bad colour.
fn status(ui: &mut egui::Ui, kpi: &str, fraction: bool, ctx: &PanelContext) {
    let Some(r) = ctx.results else { return };
    let Some(t) = r.kpis.targets.iter().find(|t| t.kpi == kpi) else {
        return;
    };
    let fmt = |v: f64| {
        if fraction {
            w::fmt_pct(v)
        } else {
            format!("{v:.1} MWh")
        }
    };
    let cmp = if t.kind == "max" { "≤" } else { "≥" };
    ui.indent(kpi, |ui| {
        w::status(
            ui,
            format!(
                "{}: {} (target {cmp} {})",
                if t.met { "Met" } else { "Not met" },
                fmt(t.value),
                fmt(t.target)
            ),
            t.met,
            ctx,
        );
    });
}
