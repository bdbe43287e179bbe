//! The IEEE Reliability Test System (RTS-79) reproduced: its generating system against its
//! hourly load model gives the published LOLE (9.394 h/yr) and EENS (1,176 MWh/yr) from the
//! capacity outage probability table, and the sequential Monte Carlo of unit failures converges
//! to the table. Data and sources: `tests/fixtures/ieee-rts-79.json`.

use dakhla_core::reliability::{Copt, Estimate, OutageUnit, RepairableUnit, unit_only_draws};
use std::path::Path;

struct Rts {
    units: Vec<(OutageUnit, RepairableUnit)>,
    load_mw: Vec<f64>,
    lole_h: f64,
    eens_mwh: f64,
}

fn number(v: &serde_json::Value, what: &str) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("{what} is not a number"))
}

fn rts() -> Rts {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/ieee-rts-79.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let d: serde_json::Value = serde_json::from_str(&text).expect("RTS fixture is JSON");
    let mut units = Vec::new();
    for u in d["units"].as_array().expect("units") {
        let capacity_mw = number(&u["capacity_mw"], "capacity_mw");
        let forced_outage_rate = number(&u["forced_outage_rate"], "forced_outage_rate");
        let mttf_h = number(&u["mttf_h"], "mttf_h");
        let mttr_h = number(&u["mttr_h"], "mttr_h");
        for _ in 0..u["count"].as_u64().expect("count") {
            units.push((
                OutageUnit {
                    capacity_mw,
                    forced_outage_rate,
                },
                RepairableUnit {
                    capacity_mw,
                    mttf_h,
                    mttr_h,
                },
            ));
        }
    }
    let list = |key: &str| -> Vec<f64> {
        d[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key}"))
            .iter()
            .map(|v| number(v, key))
            .collect()
    };
    let weekly = list("weekly_peak_pct");
    let daily = list("daily_peak_pct_monday_first");
    let hourly = |name: &str| -> Vec<f64> {
        d["hourly_pct"][name]
            .as_array()
            .unwrap_or_else(|| panic!("{name}"))
            .iter()
            .map(|v| number(v, name))
            .collect()
    };
    let peak = number(&d["annual_peak_mw"], "annual_peak_mw");
    let mut load_mw = Vec::with_capacity(8736);
    for (w, week_pct) in weekly.iter().enumerate() {
        let week = w + 1;
        let season = if week <= 8 || week >= 44 {
            "winter"
        } else if (18..=30).contains(&week) {
            "summer"
        } else {
            "spring_fall"
        };
        for (day, day_pct) in daily.iter().enumerate() {
            let kind = if day >= 5 { "weekend" } else { "weekday" };
            for h in hourly(&format!("{season}_{kind}")) {
                load_mw.push(peak * week_pct / 100.0 * day_pct / 100.0 * h / 100.0);
            }
        }
    }
    Rts {
        units,
        load_mw,
        lole_h: number(&d["published"]["lole_h_per_year"], "lole"),
        eens_mwh: number(&d["published"]["eens_mwh_per_year"], "eens"),
    }
}

#[test]
fn the_fixture_is_the_rts_32_units_3405_mw_and_8736_hours_peaking_at_2850_mw() {
    let r = rts();
    assert_eq!(r.units.len(), 32);
    let installed: f64 = r.units.iter().map(|u| u.0.capacity_mw).sum();
    assert_eq!(installed, 3405.0);
    assert_eq!(r.load_mw.len(), 8736);
    let peak = r.load_mw.iter().cloned().fold(0.0, f64::max);
    assert!((peak - 2850.0).abs() < 1e-9, "peak {peak}");
    // Every unit's forced outage rate is its MTTR / (MTTF + MTTR).
    for (o, m) in &r.units {
        assert!((o.forced_outage_rate - m.forced_outage_rate()).abs() < 1e-12);
    }
}

#[test]
fn the_outage_table_gives_the_published_lole_and_eens_of_the_rts() {
    let r = rts();
    let outage: Vec<OutageUnit> = r.units.iter().map(|u| u.0).collect();
    let copt = Copt::build(&outage, 1.0).expect("table");
    let (lole, eens) = copt.lole_eue(&r.load_mw, 1.0);
    eprintln!("RTS-79 from the COPT: LOLE {lole:.4} h/yr, EENS {eens:.1} MWh/yr");
    // Published to three decimals and to the MWh.
    assert!(
        (lole - r.lole_h).abs() < 5e-4,
        "LOLE {lole} h/yr against {}",
        r.lole_h
    );
    assert!(
        (eens - r.eens_mwh).abs() < 0.5,
        "EENS {eens} MWh/yr against {}",
        r.eens_mwh
    );
}

#[test]
fn the_monte_carlo_of_unit_failures_converges_to_the_table() {
    let r = rts();
    let outage: Vec<OutageUnit> = r.units.iter().map(|u| u.0).collect();
    let repairable: Vec<RepairableUnit> = r.units.iter().map(|u| u.1).collect();
    let (lole, eens) = Copt::build(&outage, 1.0)
        .expect("table")
        .lole_eue(&r.load_mw, 1.0);
    let mut errors = Vec::new();
    for draws in [250_u64, 4000] {
        let years = unit_only_draws(&repairable, &r.load_mw, 1.0, 0..draws, 2026);
        let h: Vec<f64> = years.iter().map(|y| y.0).collect();
        let e: Vec<f64> = years.iter().map(|y| y.1).collect();
        let (lole_mc, eue_mc) = (Estimate::of_draws(&h), Estimate::of_draws(&e));
        eprintln!(
            "{draws} draws: LOLE {:.3} ± {:.3} h/yr, EUE {:.1} ± {:.1} MWh/yr",
            lole_mc.mean, lole_mc.std_error, eue_mc.mean, eue_mc.std_error
        );
        // Within three standard errors of the exact value (a 0.3 % chance of failing for a
        // correct sampler, and the seed is fixed).
        assert!(
            (lole_mc.mean - lole).abs() < 3.0 * lole_mc.std_error,
            "LOLE {} ± {} against {lole}",
            lole_mc.mean,
            lole_mc.std_error
        );
        assert!(
            (eue_mc.mean - eens).abs() < 3.0 * eue_mc.std_error,
            "EUE {} ± {} against {eens}",
            eue_mc.mean,
            eue_mc.std_error
        );
        errors.push(lole_mc.std_error);
    }
    // Sixteen times the draws, a quarter of the standard error (within sampling noise).
    let ratio = errors[0] / errors[1];
    assert!((3.0..5.5).contains(&ratio), "standard error ratio {ratio}");
}
