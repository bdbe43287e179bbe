//! What `optimize` prints: the JSON document (a contract for scripts) and the readable summary.

use crate::scenario::Scenario;
use crate::{column_width, count, fig, pct};
use dakhla_core::optimize::study::ParetoPoint;
use dakhla_core::optimize::{Bounds, DECISION_VARS, ScenarioOptimum, TargetKind, capacities_of};
use dakhla_core::sim::kpis::Money;
use dakhla_i18n::tr;
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
        if let Some(in_currency) = pareto_in_currency(points, &k.money) {
            doc["pareto_in_currency"] = in_currency;
        }
    }
    let (currency, in_currency) = crate::sim::kpi_registry::currency_json(k);
    super::add_currency(&mut doc, currency, in_currency);
    doc
}

/// For a currency other than USD, the money of each Pareto point in it, one object per point
/// of `pareto` in its order: its `target` and its `_usd` keys with `usd` replaced by the
/// currency's code (`annualized_cost_mad`, `lcoe_mad_per_mwh`, `extra_cost_mad_per_point`).
fn pareto_in_currency(points: &[ParetoPoint], money: &Money) -> Option<Value> {
    let c = money.currency;
    if c == dakhla_core::scenario::money::Currency::Usd {
        return None;
    }
    Some(
        points
            .iter()
            .map(|p| {
                json!({
                    "target": p.target,
                    c.rekey("annualized_cost_usd"): money.from_usd(p.annualized_cost_usd),
                    c.rekey("lcoe_usd_per_mwh"): money.from_usd(p.lcoe_usd_per_mwh),
                    c.rekey("extra_cost_usd_per_point"):
                        p.extra_cost_usd_per_point.map(|v| money.from_usd(v)),
                })
            })
            .collect(),
    )
}

/// The optimized share in words, lower case: "renewable fraction", "24/7 CFE score".
fn share_words(target: TargetKind) -> String {
    match target {
        TargetKind::RenewableFraction => tr!("cli-share-renewable-fraction"),
        TargetKind::Cfe => tr!("cli-share-cfe"),
    }
}

/// The readable summary of `optimize`.
pub fn optimize_text(original: &Scenario, opt: &ScenarioOptimum) -> String {
    let p = &opt.problem;
    let caps = capacities_of(&opt.scenario);
    let k = &opt.results.kpis;
    let mut o = String::new();
    let title = if original.meta.name.is_empty() {
        tr!("cli-unnamed-scenario")
    } else {
        original.meta.name.clone()
    };
    o.push_str(&format!("{}\n", tr!("cli-opt-title", name = title)));
    o.push_str(&format!(
        "  {}\n",
        tr!(
            "cli-opt-target",
            share = share_words(p.target),
            value = pct(p.target_value, 1),
            unmet = fig(p.max_unmet_mwh, 0)
        )
    ));
    if !opt.outcome.best.feasible() {
        o.push_str(&format!("  {}\n", tr!("cli-opt-not-met")));
    }
    o.push('\n');
    let labels = [
        tr!("cli-opt-solar"),
        tr!("cli-opt-wind"),
        tr!("cli-opt-battery"),
        tr!("cli-opt-backup"),
        tr!("cli-opt-annualized-cost"),
        tr!("cli-opt-cost-of-energy"),
        tr!("cli-opt-renewable-fraction"),
        tr!("cli-opt-cfe"),
        tr!("cli-opt-backup-energy"),
        tr!("cli-opt-curtailed"),
        tr!("cli-opt-co2"),
        tr!("cli-opt-search"),
    ];
    let width = column_width(28, &labels);
    let [
        solar,
        wind,
        battery,
        backup,
        annualized,
        cost_of_energy,
        renewable,
        cfe,
        backup_energy,
        curtailed,
        co2,
        search,
    ] = &labels;
    let row = |o: &mut String, label: &str, value: String| {
        o.push_str(&format!("  {label:<width$} {value}\n"));
    };
    row(&mut o, solar, format!("{} MWdc", fig(caps.solar_mwdc, 1)));
    let counts: Vec<String> = opt
        .scenario
        .wind_farms
        .iter()
        .map(|f| tr!("cli-opt-turbines", count = f.turbine_count))
        .collect();
    row(
        &mut o,
        wind,
        format!("{} MW ({})", fig(caps.wind_mw, 1), counts.join(", ")),
    );
    row(
        &mut o,
        battery,
        format!(
            "{} MWh / {} MW ({} h)",
            fig(caps.battery_energy_mwh, 0),
            fig(caps.battery_power_mw, 0),
            fig(
                if caps.battery_power_mw > 0.0 {
                    caps.battery_energy_mwh / caps.battery_power_mw
                } else {
                    0.0
                },
                1
            )
        ),
    );
    row(&mut o, backup, format!("{} MW", fig(caps.backup_mw, 1)));
    o.push('\n');
    // Money in the scenario's currency (the run's).
    let money = &k.money;
    let code = money.currency.code();
    row(
        &mut o,
        annualized,
        format!(
            "{} M {code}/yr",
            fig(money.from_usd(k.annualized_cost_usd) / 1e6, 1)
        ),
    );
    if let Some(l) = k.lcoe_usd_per_mwh {
        row(
            &mut o,
            cost_of_energy,
            format!("{} {code}/MWh", fig(money.from_usd(l), 1)),
        );
    }
    row(&mut o, renewable, pct(k.renewable_fraction, 2));
    row(&mut o, cfe, pct(k.cfe_score, 2));
    row(
        &mut o,
        backup_energy,
        format!("{} GWh", fig(k.backup_energy_mwh / 1000.0, 1)),
    );
    row(
        &mut o,
        curtailed,
        format!("{} GWh", fig(k.curtailed_energy_mwh / 1000.0, 1)),
    );
    row(&mut o, co2, format!("{} kt", fig(k.co2_tonnes / 1000.0, 1)));
    o.push('\n');
    row(
        &mut o,
        search,
        tr!(
            "cli-opt-search-value",
            evaluations = count(opt.outcome.evaluations as usize),
            seconds = fig(opt.wall_s, 2)
        ),
    );
    for w in opt.scenario.warnings() {
        o.push_str(&format!(
            "  {}\n",
            tr!(
                "cli-warning",
                path = w.path.as_str(),
                message = w.message.as_str()
            )
        ));
    }
    for n in &opt.results.notes {
        o.push_str(&format!(
            "  {}\n",
            tr!("cli-warning-note", message = n.as_str())
        ));
    }
    o
}

/// The readable Pareto table, money in `money`'s currency (the scenario's: `Kpis::money`).
pub fn pareto_text(target: TargetKind, points: &[ParetoPoint], money: &Money) -> String {
    let code = money.currency.code();
    // The columns' headings: (words, alignment, width in English); a longer heading in another
    // language widens its column, and the values under it with it.
    let heads = [
        (tr!("cli-pareto-target"), false, 8),
        (tr!("cli-pareto-reached"), false, 8),
        (format!("M {code}/yr"), false, 8),
        (format!("{code}/MWh"), false, 7),
        (tr!("cli-pareto-extra", currency = code), false, 24),
        (tr!("cli-pareto-solar"), true, 10),
        (tr!("cli-pareto-wind"), true, 7),
        (tr!("cli-pareto-battery"), false, 14),
        (tr!("cli-pareto-backup"), true, 9),
    ];
    let gaps = ["  ", "  ", "  ", "  ", "  ", "   ", "  ", "  ", "   "];
    let extra: Vec<usize> = heads
        .iter()
        .map(|(words, _, w)| column_width(*w, [words]) - w)
        .collect();
    let mut header = String::new();
    for ((words, right, w), (gap, e)) in heads.iter().zip(gaps.iter().zip(&extra)) {
        let w = w + e;
        if *right {
            header.push_str(&format!("{gap}{words:>w$}"));
        } else {
            header.push_str(&format!("{gap}{words:<w$}"));
        }
    }
    let mut o = format!(
        "\n  {}\n{}\n",
        tr!("cli-pareto-title", share = share_words(target)),
        header.trim_end()
    );
    let percent_sign = match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => " %",
        _ => "\u{a0}%",
    };
    let w = |k: usize, base: usize| base + extra[k];
    for p in points {
        let reached = match target {
            TargetKind::RenewableFraction => p.renewable_fraction,
            TargetKind::Cfe => p.cfe_score,
        };
        o.push_str(&format!(
            "  {:>w0$}{percent_sign}  {:>w1$}{percent_sign}{} {:>w2$}  {:>w3$}  {:>w4$}   {:>w5$}  {:>w6$}  {:>w7$}/{:<6}  {:>w8$}\n",
            fig(p.target * 100.0, 2),
            fig(reached * 100.0, 2),
            if p.feasible { ' ' } else { '!' },
            fig(money.from_usd(p.annualized_cost_usd) / 1e6, 1),
            fig(money.from_usd(p.lcoe_usd_per_mwh), 1),
            p.extra_cost_usd_per_point
                .map_or("-".to_owned(), |v| fig(money.from_usd(v) / 1e6, 2)),
            fig(p.mix.solar_mwdc, 0),
            fig(p.mix.wind_mw, 0),
            fig(p.mix.battery_energy_mwh, 0),
            fig(p.mix.battery_power_mw, 0),
            fig(p.mix.backup_mw, 0),
            w0 = w(0, 6),
            w1 = w(1, 6),
            w2 = w(2, 9),
            w3 = w(3, 7),
            w4 = w(4, 24),
            w5 = w(5, 9),
            w6 = w(6, 7),
            w7 = w(7, 7),
            w8 = w(8, 9),
        ));
    }
    if points.iter().any(|p| !p.feasible) {
        o.push_str(&format!("  ! {}\n", tr!("cli-pareto-unreachable")));
    }
    o
}
