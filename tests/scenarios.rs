//! Every shipped scenario loads, validates, round-trips through save/load, and simulates with a
//! closed energy balance; the engine's caches never change a result.

use dakhla_planner::scenario::{self, Scenario};
use dakhla_planner::sim::{Engine, Results};
use std::path::{Path, PathBuf};

fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

fn run(s: &Scenario) -> Results {
    Engine::new()
        .run(s, Path::new(env!("CARGO_MANIFEST_DIR")))
        .expect("simulates")
}

fn assert_balance_closes(r: &Results) {
    let d = &r.dispatch;
    for i in 0..r.weather.len() {
        let lhs = r.solar_mw[i]
            + r.wind_mw[i]
            + d.battery_discharge_mw[i]
            + d.backup_mw[i]
            + d.unmet_mw[i];
        let rhs = r.facility_load_mw[i] + d.battery_charge_mw[i] + d.curtailed_mw[i];
        assert!(
            (lhs - rhs).abs() <= 1e-9 * rhs.max(1.0),
            "step {i}: supply {lhs} vs use {rhs}"
        );
        for v in [
            d.battery_charge_mw[i],
            d.battery_discharge_mw[i],
            d.backup_mw[i],
            d.curtailed_mw[i],
            d.unmet_mw[i],
        ] {
            assert!(
                v >= 0.0 && v.is_finite(),
                "step {i}: negative or non-finite flow {v}"
            );
        }
        assert!(d.battery_charge_mw[i] == 0.0 || d.battery_discharge_mw[i] == 0.0);
    }
}

#[test]
fn every_scenario_loads_round_trips_and_balances() {
    let files = scenario_files();
    assert!(files.len() >= 3);
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        let s = scenario::load(&f).unwrap_or_else(|e| panic!("{e}"));
        assert!(s.validate(Some(f.parent().unwrap())).is_empty());
        let copy = dir.path().join("copy.ron");
        scenario::save(&s, &copy).unwrap();
        let back = scenario::load(&copy).unwrap();
        assert_eq!(s, back, "{} does not round-trip", f.display());
        // Saving the saved file again is byte-identical (a fixed point).
        let again = dir.path().join("again.ron");
        scenario::save(&back, &again).unwrap();
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            std::fs::read(&again).unwrap()
        );
        let r = run(&s);
        assert_balance_closes(&r);
        let k = &r.kpis;
        assert!(
            k.renewable_fraction > 0.3 && k.renewable_fraction <= 1.0,
            "{}: {}",
            f.display(),
            k.renewable_fraction
        );
        assert!(k.cfe_score <= k.renewable_fraction + 1e-12);
        assert!(k.pue_mean >= 1.0 && k.pue_peak >= k.pue_mean);
    }
}

#[test]
fn builtin_reference_is_the_shipped_file() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/dakhla-500mw.ron");
    assert_eq!(scenario::load(&f).unwrap(), Scenario::dakhla_reference());
    assert_eq!(
        Scenario::dakhla_reference().meta.name,
        "Dakhla 500 MW reference campus"
    );
}

#[test]
fn results_are_deterministic_and_caches_do_not_change_them() {
    let base = Scenario::dakhla_reference();
    let a = run(&base);
    let b = run(&base);
    assert_eq!(a.kpis, b.kpis);
    assert_eq!(a.dispatch, b.dispatch);

    // One engine, edits in sequence, against a fresh engine per edit.
    let mut engine = Engine::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut s = base.clone();
    engine.run(&s, dir).unwrap();
    s.battery.energy_mwh *= 2.0;
    s.wind_farms[0].turbine_count += 20;
    s.solar_plants[0].capacity_mwdc += 100.0;
    let cached = engine.run(&s, dir).unwrap();
    assert_eq!(cached.kpis, run(&s).kpis);
    s.solar_plants[0].dc_ac_ratio = 1.2;
    s.datacenter.rack_groups[0].count = 900;
    let cached = engine.run(&s, dir).unwrap();
    assert_eq!(cached.kpis, run(&s).kpis);
}

#[test]
fn more_storage_and_more_renewables_never_raise_backup_use() {
    let base = Scenario::dakhla_reference();
    let r0 = run(&base);
    let mut s = base.clone();
    s.battery.energy_mwh *= 2.0;
    s.battery.power_mw *= 1.5;
    let r1 = run(&s);
    assert!(r1.kpis.backup_energy_mwh <= r0.kpis.backup_energy_mwh);
    assert!(r1.kpis.renewable_fraction >= r0.kpis.renewable_fraction);
    let mut s = base.clone();
    s.wind_farms[0].turbine_count += 30;
    let r2 = run(&s);
    assert!(r2.kpis.wind_energy_mwh > r0.kpis.wind_energy_mwh);
    assert!(r2.kpis.renewable_fraction >= r0.kpis.renewable_fraction);
}

#[test]
fn removing_all_supply_leaves_backup_then_unmet() {
    let mut s = Scenario::dakhla_reference();
    s.solar_plants.clear();
    s.wind_farms.clear();
    s.battery.energy_mwh = 0.0;
    s.battery.power_mw = 0.0;
    s.targets.min_cfe_score = Some(0.5);
    let r = run(&s);
    assert_eq!(r.kpis.renewable_fraction, 0.0);
    assert_eq!(r.kpis.cfe_score, 0.0);
    assert!(!r.kpis.all_targets_met);
    let backup_cap: f64 = s.backup.iter().map(|b| b.capacity_mw).sum();
    let expected_unmet: f64 = r
        .facility_load_mw
        .iter()
        .map(|l| (l - backup_cap).max(0.0))
        .sum();
    assert!((r.kpis.unmet_energy_mwh - expected_unmet).abs() < 1e-6 * expected_unmet.max(1.0));
    assert_balance_closes(&r);
}
