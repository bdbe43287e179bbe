//! Panel: the design targets (renewable fraction, 24/7 CFE score, unmet energy), each optional,
//! with the last run's value and whether it is met.

use super::PanelContext;
use crate::gui::widgets as w;
use crate::scenario::Scenario;
use dakhla_i18n::tr;

/// Edit the targets.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::note(ui, &tr!("panel-targets-note"), ctx);
    let t = &mut s.targets;
    w::optional_number(
        ui,
        &mut t.min_renewable_fraction,
        0.85,
        "targets.min_renewable_fraction",
        ctx,
    );
    status(ui, "renewable_fraction", true, ctx);
    w::optional_number(ui, &mut t.min_cfe_score, 0.85, "targets.min_cfe_score", ctx);
    status(ui, "cfe_score", true, ctx);
    w::optional_number(
        ui,
        &mut t.max_unmet_energy_mwh,
        0.0,
        "targets.max_unmet_energy_mwh",
        ctx,
    );
    status(ui, "unmet_energy_mwh", false, ctx);
    w::optional_number(
        ui,
        &mut t.max_wue_l_per_kwh,
        0.4,
        "targets.max_wue_l_per_kwh",
        ctx,
    );
    status(ui, "wue_l_per_kwh", false, ctx);
    w::section(
        ui,
        &dakhla_i18n::tr!("section-reliability-under-unit-failures"),
    );
    w::note(ui, &tr!("panel-targets-reliability-note"), ctx);
    w::optional_number(
        ui,
        &mut t.max_lole_h_per_year,
        2.4,
        "targets.max_lole_h_per_year",
        ctx,
    );
    w::optional_number(
        ui,
        &mut t.max_eue_mwh_per_year,
        100.0,
        "targets.max_eue_mwh_per_year",
        ctx,
    );
    w::number(
        ui,
        &mut t.reliability_percentile,
        "targets.reliability_percentile",
        ctx,
    );
}

/// The last run's value of `kpi` against its target, in good or bad colour.
fn status(ui: &mut egui::Ui, kpi: &str, fraction: bool, ctx: &PanelContext) {
    let Some(r) = ctx.results else { return };
    let Some(t) = r.kpis.targets.iter().find(|t| t.kpi == kpi) else {
        return;
    };
    let fmt = |v: f64| {
        if fraction {
            super::percent(v)
        } else {
            format!("{} MWh", dakhla_i18n::number(v, 1))
        }
    };
    let cmp = if t.kind == "max" { "≤" } else { "≥" };
    ui.indent(kpi, |ui| {
        w::status(
            ui,
            tr!(
                "panel-targets-status",
                met = if t.met { "yes" } else { "no" },
                value = fmt(t.value),
                operator = cmp,
                target = fmt(t.target)
            ),
            t.met,
            ctx,
        );
    });
}
