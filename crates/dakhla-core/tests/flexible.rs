//! Flexible compute (issue 18): a share of the AI halls' work moves within local days towards
//! the sun and the wind, before the battery and backup act. Checked on the reference campus:
//! every step balances, every window keeps its energy, no group leaves its bounds, and the
//! least-cost mix is cheaper than without flexibility.

use dakhla_core::optimize::{Control, SearchOptions, optimize_scenario};
use dakhla_core::scenario::{self, DispatchMode, Flexibility, Scenario};
use dakhla_core::sim::{Engine, Results};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn reference() -> Scenario {
    scenario::load(&root().join("scenarios/dakhla-500mw.ron")).expect("the shipped scenario loads")
}

/// The reference campus with `share` of its AI halls' (liquid-cooled groups') energy flexible.
fn flexible(share: f64, window_h: u32) -> Scenario {
    let mut s = reference();
    for g in &mut s.datacenter.rack_groups {
        if g.name.starts_with("AI hall") {
            g.flexibility = Some(Flexibility {
                share_frac: share,
                window_h,
                ramp_frac_per_h: None,
            });
        }
    }
    s
}

fn run(s: &Scenario) -> Results {
    Engine::new().run(s, root()).expect("simulates")
}

/// Every step closes: supply + discharge + backup + unmet = load + charge + export + curtailed,
/// and the facility load is the shifted IT load times the PUE.
fn assert_balance_closes(r: &Results) {
    let d = &r.dispatch;
    for i in 0..r.weather.len() {
        let inflow = r.solar_mw()[i]
            + r.wind_mw()[i]
            + d.discharge_mw_at(i)
            + d.backup_mw[i]
            + d.unmet_mw[i];
        let outflow =
            r.facility_load_mw[i] + d.charge_mw_at(i) + d.exported_mw[i] + d.curtailed_mw[i];
        assert!(
            (inflow - outflow).abs() <= 1e-6 * outflow.max(1.0),
            "step {i}: {inflow} in, {outflow} out"
        );
        let facility = r.it_load_mw[i] * r.pue[i];
        assert!(
            (facility - r.facility_load_mw[i]).abs() <= 1e-9 * facility.max(1.0),
            "step {i}: IT x PUE {facility} vs {}",
            r.facility_load_mw[i]
        );
    }
}

/// Every window keeps its IT energy, and each step stays within the flexible bounds.
fn assert_windows_keep_their_energy(r: &Results) {
    let (mut before, mut after) = (BTreeMap::new(), BTreeMap::new());
    let f = &r.flexible;
    for i in 0..r.weather.len() {
        let w = f.shift_window[i];
        *before.entry(w).or_insert(0.0) += r.it_load_base_mw[i];
        *after.entry(w).or_insert(0.0) += r.it_load_mw[i];
        // The flexible part after shifting lies between 0 and its bound.
        let flexible_now = r.it_load_mw[i] - (r.it_load_base_mw[i] - f.flexible_base_mw[i]);
        assert!(
            flexible_now >= -1e-9 && flexible_now <= f.flexible_max_mw[i] + 1e-9,
            "step {i}: flexible {flexible_now} outside 0..{}",
            f.flexible_max_mw[i]
        );
    }
    for (w, b) in &before {
        let a = after[w];
        assert!((a - b).abs() <= 1e-9 * b.max(1.0), "window {w}: {b} -> {a}");
    }
}

#[test]
fn flexible_ai_work_follows_the_supply_and_every_step_and_window_closes() {
    let base = run(&reference());
    let r = run(&flexible(0.2, 24));
    assert_balance_closes(&r);
    assert_windows_keep_their_energy(&r);
    let (k, k0) = (&r.kpis, &base.kpis);
    // The IT energy is the same; the facility energy differs only by the PUE of the hours the
    // work moved to.
    assert!((k.it_energy_mwh - k0.it_energy_mwh).abs() < 1e-6 * k0.it_energy_mwh);
    assert!((k.facility_energy_mwh / k0.facility_energy_mwh - 1.0).abs() < 0.01);
    // Work moved into surplus hours: less backup and curtailment, a higher renewable share.
    assert!(
        k.flexible_energy_shifted_mwh > 50_000.0,
        "{}",
        k.flexible_energy_shifted_mwh
    );
    assert!(k.flexible_shift_mean_h > 1.0 && k.flexible_shift_mean_h < 24.0);
    assert!(k.flexible_shift_max_h >= k.flexible_shift_mean_h && k.flexible_shift_max_h < 24.0);
    assert!(
        k.backup_energy_mwh < 0.9 * k0.backup_energy_mwh,
        "{} vs {}",
        k.backup_energy_mwh,
        k0.backup_energy_mwh
    );
    assert!(k.curtailed_energy_mwh < k0.curtailed_energy_mwh);
    assert!(k.renewable_fraction > k0.renewable_fraction + 0.01);
    // The racks' design power is never exceeded.
    let nameplate: f64 = reference()
        .datacenter
        .rack_groups
        .iter()
        .map(|g| g.count as f64 * g.kw_per_rack / 1000.0)
        .sum();
    assert!(k.peak_it_mw <= nameplate + 1e-9);
    // Without flexibility nothing moves and the new series are the old ones.
    assert_eq!(base.it_load_mw, base.it_load_base_mw);
    assert_eq!(k0.flexible_energy_shifted_mwh, 0.0);
    assert!(base.flexible.is_empty());
}

#[test]
fn a_share_of_zero_is_no_flexibility_and_more_share_or_a_longer_window_saves_more() {
    let base = run(&reference());
    let zero = run(&flexible(0.0, 24));
    assert_eq!(zero.kpis.backup_energy_mwh, base.kpis.backup_energy_mwh);
    assert_eq!(zero.facility_load_mw, base.facility_load_mw);
    let f20 = run(&flexible(0.2, 24));
    let f40 = run(&flexible(0.4, 24));
    let week = run(&flexible(0.2, 168));
    assert_windows_keep_their_energy(&week);
    assert_balance_closes(&week);
    assert!(f40.kpis.backup_energy_mwh <= f20.kpis.backup_energy_mwh);
    assert!(week.kpis.backup_energy_mwh <= f20.kpis.backup_energy_mwh * 1.001);
}

#[test]
fn without_foresight_flexibility_plans_on_the_forecast_and_still_closes() {
    let perfect = run(&flexible(0.2, 24));
    for mode in [
        DispatchMode::Forecast { horizon_h: 24 },
        DispatchMode::Forecast { horizon_h: 6 },
        DispatchMode::Greedy,
    ] {
        let mut s = flexible(0.2, 24);
        s.simulation.dispatch = mode;
        let r = run(&s);
        assert_balance_closes(&r);
        assert_windows_keep_their_energy(&r);
        assert!(r.kpis.flexible_energy_shifted_mwh > 0.0, "{mode:?}");
        // A shorter view of the supply cannot do better than knowing the whole day.
        assert!(
            r.kpis.backup_energy_mwh >= perfect.kpis.backup_energy_mwh * (1.0 - 1e-9),
            "{mode:?}: {} vs {}",
            r.kpis.backup_energy_mwh,
            perfect.kpis.backup_energy_mwh
        );
    }
}

#[test]
fn a_ramp_limit_holds_hour_to_hour() {
    let mut s = reference();
    // One flexible group whose design power is 156 MW: at most 10 % of it per hour.
    let g = &mut s.datacenter.rack_groups[0];
    g.flexibility = Some(Flexibility {
        share_frac: 0.3,
        window_h: 24,
        ramp_frac_per_h: Some(0.1),
    });
    let limit = 0.1 * g.count as f64 * g.kw_per_rack / 1000.0;
    let r = run(&s);
    assert_balance_closes(&r);
    assert_windows_keep_their_energy(&r);
    // The other groups' load is unchanged, so the change of the total beyond theirs is the
    // flexible group's.
    for i in 1..r.weather.len() {
        let moved = (r.it_load_mw[i] - r.it_load_base_mw[i])
            - (r.it_load_mw[i - 1] - r.it_load_base_mw[i - 1]);
        let own_base = r.flexible.groups[0].base_it_mw[i] - r.flexible.groups[0].base_it_mw[i - 1];
        assert!(
            (moved + own_base).abs() <= limit.max(own_base.abs()) + 1e-6,
            "step {i}: the group's power changed by {}",
            moved + own_base
        );
    }
}

#[test]
fn flexibility_is_saved_and_read_back_and_bad_values_are_refused_by_path() {
    let s = flexible(0.2, 48);
    let text = scenario::to_ron_string(&s).expect("serializes");
    let at = text.find("flexibility: Some((").expect("written");
    let written: Vec<&str> = text[at..].split_whitespace().take(7).collect();
    assert_eq!(
        written.join(" "),
        "flexibility: Some(( share_frac: 0.2, window_h: 48, )),"
    );
    let back: Scenario = scenario::from_ron_str(&text, "flexible.ron").expect("reads back");
    assert_eq!(back, s);
    let mut bad = s.clone();
    bad.datacenter.rack_groups[0].flexibility = Some(Flexibility {
        share_frac: 1.5,
        window_h: 36,
        ramp_frac_per_h: Some(0.0),
    });
    let issues = bad.validate(None);
    for path in [
        "datacenter.rack_groups[0].flexibility.share_frac",
        "datacenter.rack_groups[0].flexibility.window_h",
        "datacenter.rack_groups[0].flexibility.ramp_frac_per_h",
    ] {
        assert!(issues.iter().any(|i| i.path == path), "{path}: {issues:?}");
    }
}

#[test]
fn the_optimizer_co_sizes_with_the_flexible_load() {
    let cancel = AtomicBool::new(false);
    let control = Control {
        cancel: &cancel,
        progress: &|_| {},
    };
    let mut engine = Engine::new();
    let none = optimize_scenario(
        &mut engine,
        &reference(),
        root(),
        &SearchOptions::default(),
        &control,
    )
    .expect("sizes");
    let f20 = optimize_scenario(
        &mut engine,
        &flexible(0.2, 24),
        root(),
        &SearchOptions::default(),
        &control,
    )
    .expect("sizes");
    let k = &f20.results.kpis;
    assert!(k.all_targets_met, "{:?}", k.targets);
    // The search and the simulation of its mix agree (the same shift, the same dispatch).
    let (searched, simulated) = (f20.outcome.best.annualized_cost_usd, k.annualized_cost_usd);
    assert!(
        (searched - simulated).abs() < 1e-3 * simulated,
        "{searched} vs {simulated}"
    );
    // Flexible work is worth something: the least-cost mix is cheaper.
    assert!(
        simulated < 0.98 * none.results.kpis.annualized_cost_usd,
        "{simulated} vs {}",
        none.results.kpis.annualized_cost_usd
    );
}

#[test]
fn reliability_sizing_judges_the_load_after_flexible_work_moved() {
    // Sizing to a LOLE target changes backup units and battery blocks, never solar or wind, and
    // the work moves against the supply alone: every design it judges sees the run's shifted
    // load, which the failure draws start from.
    let s = flexible(0.3, 24);
    let r = run(&s);
    let y = dakhla_core::reliability::YearProfiles::simulate(&mut Engine::new(), &s, root())
        .expect("profiles");
    assert_eq!(y.load_mw, *r.facility_load_mw);
    let unshifted = run(&flexible(0.0, 24));
    let moved: f64 = y
        .load_mw
        .iter()
        .zip(unshifted.facility_load_mw.iter())
        .map(|(a, b)| (a - b).abs())
        .sum();
    assert!(
        moved > 1000.0,
        "the judged load must be the shifted one ({moved} MW moved over the year)"
    );
}
