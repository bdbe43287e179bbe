//! What `optimize` prints: the JSON document (a contract for scripts) and the readable summary.

use crate::scenario::Scenario;
use dakhla_core::optimize::study::ParetoPoint;
use dakhla_core::optimize::{Bounds, DECISION_VARS, ScenarioOptimum, TargetKind, capacities_of};
use serde_json::{Value, json};
use std::path::Path;

/// How the optimum was searched, for the JSON's `method`.
pub const METHOD: &str = "greedy dispatch (optimal for one store charged only from surplus); \
backup sized to the largest residual deficit; solar by bisection to the target then golden \
section; wind and battery by parallel pattern search from the scenario's mix and a coarse grid; \
wind rounded to whole turbines";

fn bounds_json(b: &Bounds) -> Value {
    json!({
        "min": b.min,
        "max": if b.max.is_finite() { Some(b.max) } else { None },
        "fixed": b.is_fixed(),
    })
}

/// The JSON document of `optimize --json`.
pub fn optimize_json(
    original: &Scenario,
    file: Option<&Path>,
    opt: &ScenarioOptimum,
    pareto: Option<&[ParetoPoint]>,
) -> Value {
    let p = &opt.problem;
    let caps = capacities_of(&opt.scenario);
    let k = &opt.results.kpis;
    let b = &original.battery;
    let turbines: Vec<Value> = opt
        .scenario
        .wind_farms
        .iter()
        .map(|f| {
            json!({
                "name": f.name,
                "turbine_count": f.turbine_count,
                "turbine_rated_kw": f.turbine.rated_kw(),
            })
        })
        .collect();
    let mut doc = json!({
        "program": "dakhla-planner",
        "program_version": env!("CARGO_PKG_VERSION"),
        // Of the input scenario (its weather), so that a rerun can be matched to it.
        "provenance": super::provenance(
            original,
            file.map(crate::scenario::base_dir).as_deref(),
            &opt.results,
        ),
        "scenario": {
            "name": original.meta.name,
            "file": file.map(|f| f.display().to_string()),
        },
        "target": p.target.key(),
        "target_value": p.target_value,
        "other_target": (p.other_min > 0.0).then(|| json!({
            "kind": match p.target {
                TargetKind::RenewableFraction => TargetKind::Cfe.key(),
                TargetKind::Cfe => TargetKind::RenewableFraction.key(),
            },
            "value": p.other_min,
        })),
        "max_unmet_energy_mwh": p.max_unmet_mwh,
        "feasible": opt.outcome.best.feasible(),
        "capacities": caps.to_json_map(),
        "wind_farms": turbines,
        "annualized_cost_usd": k.annualized_cost_usd,
        "search_annualized_cost_usd": opt.outcome.best.annualized_cost_usd,
        "kpis": k,
        "battery_round_trip_eff": b.round_trip_eff,
        "battery_soc_min_frac": b.soc_min_frac,
        "battery_soc_max_frac": b.soc_max_frac,
        "battery_initial_soc_frac": b.initial_soc_frac,
        "battery_self_discharge_frac_per_day": b.self_discharge_frac_per_day,
        "backup_carbon_free_frac": p.backup_carbon_free_frac,
        "step_h": p.step_h,
        "steps": p.load_mw.len(),
        "unit_costs": p.unit_costs,
        "bounds": DECISION_VARS
            .iter()
            .enumerate()
            .map(|(k, v)| (v.key.to_owned(), bounds_json(&p.bounds(k))))
            .collect::<serde_json::Map<_, _>>(),
        "evaluations": opt.outcome.evaluations,
        "wall_s": opt.wall_s,
        "method": METHOD,
        // What the planner should know about the optimal mix (as `simulate` on it would say).
        "warnings": opt
            .scenario
            .warnings_at(file.map(crate::scenario::base_dir).as_deref())
            .iter()
            .map(|w| format!("{}: {}", w.path, w.message))
            .chain(opt.results.notes.iter().cloned())
            .collect::<Vec<_>>(),
    });
    if let Some(points) = pareto {
        doc["pareto"] = json!(points);
    }
    doc
}

/// The readable summary of `optimize`.
pub fn optimize_text(original: &Scenario, opt: &ScenarioOptimum) -> String {
    let p = &opt.problem;
    let caps = capacities_of(&opt.scenario);
    let k = &opt.results.kpis;
    let mut o = String::new();
    let title = if original.meta.name.is_empty() {
        "(unnamed scenario)"
    } else {
        &original.meta.name
    };
    o.push_str(&format!("{title}: least-cost mix\n"));
    o.push_str(&format!(
        "  target: {} >= {:.1} %, unmet energy <= {:.0} MWh\n",
        p.target.share_name(),
        p.target_value * 100.0,
        p.max_unmet_mwh
    ));
    if !opt.outcome.best.feasible() {
        o.push_str(
            "  NOT MET: no mix within the bounds reaches the target; below is the closest.\n",
        );
    }
    o.push('\n');
    let row = |o: &mut String, label: &str, value: String| {
        o.push_str(&format!("  {label:<28} {value}\n"));
    };
    row(&mut o, "solar", format!("{:.1} MWdc", caps.solar_mwdc));
    let counts: Vec<String> = opt
        .scenario
        .wind_farms
        .iter()
        .map(|f| format!("{} turbines", f.turbine_count))
        .collect();
    row(
        &mut o,
        "wind",
        format!("{:.1} MW ({})", caps.wind_mw, counts.join(", ")),
    );
    row(
        &mut o,
        "battery",
        format!(
            "{:.0} MWh / {:.0} MW ({:.1} h)",
            caps.battery_energy_mwh,
            caps.battery_power_mw,
            if caps.battery_power_mw > 0.0 {
                caps.battery_energy_mwh / caps.battery_power_mw
            } else {
                0.0
            }
        ),
    );
    row(&mut o, "backup", format!("{:.1} MW", caps.backup_mw));
    o.push('\n');
    row(
        &mut o,
        "annualized cost",
        format!("{:.1} M USD/yr", k.annualized_cost_usd / 1e6),
    );
    if let Some(l) = k.lcoe_usd_per_mwh {
        row(&mut o, "cost of energy", format!("{l:.1} USD/MWh"));
    }
    row(
        &mut o,
        "renewable fraction",
        format!("{:.2} %", k.renewable_fraction * 100.0),
    );
    row(
        &mut o,
        "24/7 CFE score",
        format!("{:.2} %", k.cfe_score * 100.0),
    );
    row(
        &mut o,
        "backup energy",
        format!("{:.1} GWh", k.backup_energy_mwh / 1000.0),
    );
    row(
        &mut o,
        "curtailed",
        format!("{:.1} GWh", k.curtailed_energy_mwh / 1000.0),
    );
    row(&mut o, "CO2", format!("{:.1} kt", k.co2_tonnes / 1000.0));
    o.push('\n');
    row(
        &mut o,
        "search",
        format!(
            "{} dispatch evaluations in {:.2} s",
            opt.outcome.evaluations, opt.wall_s
        ),
    );
    for w in opt.scenario.warnings() {
        o.push_str(&format!("  warning: {}: {}\n", w.path, w.message));
    }
    for n in &opt.results.notes {
        o.push_str(&format!("  warning: {n}\n"));
    }
    o
}

/// The readable Pareto table.
pub fn pareto_text(target: TargetKind, points: &[ParetoPoint]) -> String {
    let mut o = format!(
        "\n  Pareto front: cost against the {}\n  target    reached   M USD/yr  USD/MWh  extra M USD/yr per point   solar MWdc  wind MW  battery MWh/MW   backup MW\n",
        target.share_name()
    );
    for p in points {
        let reached = match target {
            TargetKind::RenewableFraction => p.renewable_fraction,
            TargetKind::Cfe => p.cfe_score,
        };
        o.push_str(&format!(
            "  {:>6.2} %  {:>6.2} %{} {:>9.1}  {:>7.1}  {:>24}   {:>9.0}  {:>7.0}  {:>7.0}/{:<6.0}  {:>9.0}\n",
            p.target * 100.0,
            reached * 100.0,
            if p.feasible { ' ' } else { '!' },
            p.annualized_cost_usd / 1e6,
            p.lcoe_usd_per_mwh,
            p.extra_cost_usd_per_point
                .map_or("-".to_owned(), |v| format!("{:.2}", v / 1e6)),
            p.mix.solar_mwdc,
            p.mix.wind_mw,
            p.mix.battery_energy_mwh,
            p.mix.battery_power_mw,
            p.mix.backup_mw,
        ));
    }
    if points.iter().any(|p| !p.feasible) {
        o.push_str("  ! not reachable within the bounds (closest shown)\n");
    }
    o
}
