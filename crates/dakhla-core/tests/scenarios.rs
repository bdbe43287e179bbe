//! Every shipped scenario loads, validates, round-trips through save/load, and simulates with a
//! closed energy balance; the engine's caches never change a result.

use dakhla_core::scenario::{self, Scenario};
use dakhla_core::sim::{Engine, Results};
use std::path::{Path, PathBuf};

fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("scenarios");
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
        .run(s, Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
        .expect("simulates")
}

fn assert_balance_closes(r: &Results) {
    let d = &r.dispatch;
    for i in 0..r.weather.len() {
        let lhs = r.solar_mw()[i]
            + r.wind_mw()[i]
            + d.battery().discharge_mw[i]
            + d.backup_mw[i]
            + d.unmet_mw[i];
        let rhs =
            r.facility_load_mw[i] + d.battery().charge_mw[i] + d.curtailed_mw[i] + d.exported_mw[i];
        assert!(
            (lhs - rhs).abs() <= 1e-9 * rhs.max(1.0),
            "step {i}: supply {lhs} vs use {rhs}"
        );
        for v in [
            d.battery().charge_mw[i],
            d.battery().discharge_mw[i],
            d.backup_mw[i],
            d.curtailed_mw[i],
            d.exported_mw[i],
            d.unmet_mw[i],
        ] {
            assert!(
                v >= 0.0 && v.is_finite(),
                "step {i}: negative or non-finite flow {v}"
            );
        }
        assert!(d.battery().charge_mw[i] == 0.0 || d.battery().discharge_mw[i] == 0.0);
    }
}

#[test]
fn every_scenario_loads_round_trips_and_balances() {
    let files = scenario_files();
    assert!(files.len() >= 6);
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
        // Migrating a current file changes nothing, byte for byte.
        let text = std::fs::read_to_string(&f).unwrap();
        let upgraded = scenario::upgrade_str(&text, &f.display().to_string()).unwrap();
        assert!(
            upgraded.migration.is_none(),
            "{} is not current",
            f.display()
        );
        assert_eq!(upgraded.text, text);
        let r = run(&s);
        assert_balance_closes(&r);
        // The rewritten file computes identical results.
        let r_back = run(&back);
        assert_eq!(
            serde_json::to_value(&r.kpis).unwrap(),
            serde_json::to_value(&r_back.kpis).unwrap(),
            "{}: the rewritten file computes other results",
            f.display()
        );
        let k = &r.kpis;
        assert!(
            k.renewable_fraction > 0.3 && k.renewable_fraction <= 1.0,
            "{}: {}",
            f.display(),
            k.renewable_fraction
        );
        // Only a partly carbon-free grid import lifts CFE above the renewable fraction.
        if s.backup.iter().all(|b| b.carbon_free_frac == 0.0) {
            assert!(k.cfe_score <= k.renewable_fraction + 1e-12);
        }
        assert!(k.pue_mean >= 1.0 && k.pue_peak >= k.pue_mean);
    }
}

#[test]
fn builtin_reference_is_the_shipped_file() {
    let f =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("scenarios/dakhla-500mw.ron");
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
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
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

/// Write `w` as an EnergyPlus weather file (time zone 0, hour-ending stamps) to `path`.
fn write_epw(w: &dakhla_core::weather::Weather, path: &Path) {
    use dakhla_core::weather::civil_from_days;
    let mut s = String::from(
        "LOCATION,Dakhla,-,MAR,synthetic,600960,23.72,-15.93,0.0,10.0\n\
         DESIGN CONDITIONS,0\nTYPICAL/EXTREME PERIODS,0\nGROUND TEMPERATURES,0\n\
         HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\nCOMMENTS 1,written by tests/scenarios.rs\n\
         COMMENTS 2,\nDATA PERIODS,1,1,Data,Monday, 1/ 1,12/31\n",
    );
    for i in 0..w.len() {
        let t = w.time_unix_s(i);
        let (y, m, d) = civil_from_days(t.div_euclid(86_400));
        let hour = t.rem_euclid(86_400) / 3600 + 1;
        s.push_str(&format!(
            "{y},{m},{d},{hour},60,?9,{},11.0,70,{},0,1415,350,{},{},{},999999,999999,999999,9999,20,{},5,3,20.0,77777,9,999999999,20,0.07,0,88,0.2,0.0,1.0\n",
            w.temp_air_c[i], w.pressure_pa[i], w.ghi_w_m2[i], w.dni_w_m2[i], w.dhi_w_m2[i], w.wind_speed_m_s[i]
        ));
    }
    std::fs::write(path, s).unwrap();
}

#[test]
fn an_epw_file_of_the_same_weather_gives_the_same_results() {
    let base = Scenario::dakhla_reference();
    let synthetic = run(&base);
    let dir = tempfile::tempdir().unwrap();
    write_epw(&synthetic.weather, &dir.path().join("dakhla.epw"));
    let mut s = base.clone();
    s.weather = scenario::WeatherSource::Epw {
        path: "dakhla.epw".into(),
        sha256: None,
    };
    let file = dir.path().join("epw-case.ron");
    scenario::save(&s, &file).unwrap();
    let loaded = scenario::load(&file).unwrap();
    let r = Engine::new().run(&loaded, dir.path()).unwrap();
    assert_eq!(r.weather.len(), 8760);
    assert_eq!(r.weather.start_unix_s, synthetic.weather.start_unix_s);
    let (a, b) = (&synthetic.kpis, &r.kpis);
    for (name, x, y) in [
        ("solar", a.solar_energy_mwh, b.solar_energy_mwh),
        ("wind", a.wind_energy_mwh, b.wind_energy_mwh),
        ("facility", a.facility_energy_mwh, b.facility_energy_mwh),
        ("backup", a.backup_energy_mwh, b.backup_energy_mwh),
    ] {
        assert!(
            (x - y).abs() <= 1e-6 * x.abs().max(1.0),
            "{name}: {x} vs {y}"
        );
    }
    // A missing weather file is a clear error, not a crash.
    std::fs::remove_file(dir.path().join("dakhla.epw")).unwrap();
    let err = scenario::load(&file).unwrap_err().to_string();
    assert!(
        err.contains("weather.path") && err.contains("does not exist"),
        "{err}"
    );
}

#[test]
fn racks_beyond_the_cap_are_reported_and_the_cap_basis_matters() {
    let mut s = Scenario::dakhla_reference();
    s.datacenter.rack_groups[1].count = 2000; // +120 MW of AI racks: over the 500 MW cap
    let r = run(&s);
    let c = &r.capacity;
    assert!(c.facility_design_mw > 500.0 && c.headroom_mw < 0.0);
    assert!(r.kpis.racks_fit_under_cap < r.kpis.racks_total);
    // Filled in list order: hall A fits whole; hall B is cut at what the cap leaves,
    // (500 - 1300 x 0.120 x PUE) / (0.120 x PUE) racks.
    let pue = c.design_pue;
    let hall_b = ((500.0 - 1300.0 * 0.12 * pue) / (0.12 * pue)).floor() as u64;
    assert_eq!(c.group_racks_fit[0], 1300);
    assert_eq!(c.group_racks_fit[1], hall_b);
    // What hall B leaves is too little for a 120 kW rack but takes a few 12 kW racks.
    let left = 500.0 - (1300 + hall_b) as f64 * 0.12 * pue;
    assert_eq!(c.group_racks_fit[2], (left / (0.012 * pue)).floor() as u64);
    // The same racks against 500 MW of IT: they all fit (468 MW of IT).
    s.datacenter.cap_applies_to = dakhla_core::scenario::CapBasis::It;
    let r = run(&s);
    assert_eq!(r.kpis.racks_fit_under_cap, r.kpis.racks_total);
    assert!((r.capacity.it_design_mw - 468.0).abs() < 1e-9);
}

/// One file of every past schema version (tests/fixtures/schema/v<N>-*.ron) still opens, is
/// migrated to the current version, and its migrated text is current (a fixed point) and
/// computes the same results as the migrated scenario.
#[test]
fn every_past_schema_version_still_opens() {
    let dir =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/schema");
    let mut versions = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let f = e.unwrap().path();
        let u = scenario::load_upgraded(&f).unwrap_or_else(|e| panic!("{e}"));
        let m = u.migration.as_ref().expect("a past version is migrated");
        versions.push(m.from_version);
        assert!(!m.notes.is_empty());
        let again = scenario::upgrade_str(&u.text, "migrated.ron").unwrap();
        assert!(again.migration.is_none());
        assert_eq!(again.text, u.text);
        assert_eq!(again.scenario, u.scenario);
        assert_balance_closes(&run(&u.scenario));
    }
    versions.sort();
    let expected: Vec<u32> = (1..scenario::SCHEMA_VERSION).collect();
    assert_eq!(
        versions, expected,
        "keep one file of every past schema version"
    );
}
