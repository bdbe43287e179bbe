//! The Dakhla grid as it is: a grid link that exports surplus at a price, a line that serves
//! only from a given month, and a later phase that is not there yet. The shipped
//! `scenarios/dakhla-grid-link.ron` holds all three.

use dakhla_core::optimize::{Control, SearchOptions, optimize_scenario};
use dakhla_core::reliability::YearProfiles;
use dakhla_core::scenario::{self, Scenario, YearMonth};
use dakhla_core::sim::{Engine, Results};
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn grid_link() -> Scenario {
    scenario::load(&root().join("scenarios/dakhla-grid-link.ron"))
        .expect("the shipped scenario loads")
}

fn run(s: &Scenario) -> Results {
    Engine::new().run(s, root()).expect("simulates")
}

fn line<'a>(r: &'a Results, starts: &str) -> &'a dakhla_core::sim::economics::CostLine {
    r.costs
        .lines
        .iter()
        .find(|l| l.item.starts_with(starts))
        .expect("a cost line")
}

#[test]
fn the_grid_link_exports_within_its_capacity_and_the_law_and_its_later_phase_costs_nothing() {
    let s = grid_link();
    assert_eq!(s.backup[0].export_capacity_mw, 200.0);
    let r = run(&s);
    let k = &r.kpis;
    let d = &r.dispatch;
    assert!(
        d.exported_mw
            .iter()
            .all(|&x| (0.0..=200.0 + 1e-9).contains(&x))
    );
    let exported: f64 = d.exported_mw.iter().sum();
    assert!((exported - k.exported_energy_mwh).abs() < 1e-6 * exported);
    assert!(
        k.exported_energy_mwh > 100_000.0,
        "{}",
        k.exported_energy_mwh
    );
    // Within the 20 % of production that law 13-09 (as amended by 58-15) allows: no note.
    let produced = k.solar_energy_mwh + k.wind_energy_mwh;
    assert!(k.exported_energy_mwh < 0.2 * produced);
    assert!(
        !r.notes.iter().any(|n| n.starts_with("export:")),
        "{:?}",
        r.notes
    );
    // Revenue: the exported energy at 276 MAD/MWh, in US dollars at 9.2 MAD/USD, taken off
    // the annualized cost line by line.
    let revenue = k.exported_energy_mwh * 276.0 / 9.2;
    assert!((k.export_revenue_usd_per_year - revenue).abs() < 1e-6 * revenue);
    let circuit = line(&r, "backup: 400 kV");
    assert!((circuit.export_revenue_usd_per_year - revenue).abs() < 1e-6 * revenue);
    let gross: f64 = r
        .costs
        .lines
        .iter()
        .map(|l| l.annual_usd() + l.export_revenue_usd_per_year)
        .sum();
    assert!((k.annualized_cost_usd - (gross - revenue)).abs() < 1e-6 * gross);
    // The HVDC link comes in July 2030, after this run (2029): no energy, no cost, a note.
    let hvdc = line(&r, "backup: HVDC");
    assert_eq!(hvdc.capex_usd, 0.0);
    assert_eq!(hvdc.annual_usd(), 0.0);
    assert_eq!(r.totals.backup_unit_mwh[1], 0.0);
    assert!(
        r.notes
            .iter()
            .any(|n| n.starts_with("backup[1].available_from") && n.contains("2030-07")),
        "{:?}",
        r.notes
    );
    // Without export the surplus is curtailed instead: the same energy leaves the balance.
    let mut none = s.clone();
    none.backup[0].export_capacity_mw = 0.0;
    let c = run(&none);
    assert_eq!(c.kpis.exported_energy_mwh, 0.0);
    let spill = c.kpis.curtailed_energy_mwh;
    assert!((spill - (k.curtailed_energy_mwh + k.exported_energy_mwh)).abs() < 1e-6 * spill);
    assert!(c.kpis.annualized_cost_usd > k.annualized_cost_usd);
}

#[test]
fn a_line_commissioned_mid_year_serves_exports_and_costs_from_then() {
    let mut s = grid_link();
    let all_year = run(&s);
    s.backup[0].available_from = Some(YearMonth {
        year: 2029,
        month: 7,
    });
    let r = run(&s);
    let w = &r.weather;
    // 1 July 2029 00:00 legal time (UTC+1) is 30 June 23:00 UTC: step 4343 of the year.
    let first = (0..w.len())
        .find(|&i| r.dispatch.exported_mw[i] > 0.0)
        .expect("some export");
    assert!(first >= 4343, "{first}");
    // Before then, only the gas turbines back up the campus.
    let gas_mw = s.backup[2].capacity_mw;
    assert!(
        r.dispatch.backup_mw[..4343]
            .iter()
            .all(|&b| b <= gas_mw + 1e-9)
    );
    let share = (8760.0 - 4343.0) / 8760.0;
    let (half, full) = (
        line(&r, "backup: 400 kV"),
        line(&all_year, "backup: 400 kV"),
    );
    assert!((half.annualized_capex_usd - share * full.annualized_capex_usd).abs() < 1e-6);
    assert!((half.fixed_om_usd_per_year - share * full.fixed_om_usd_per_year).abs() < 1e-6);
    assert_eq!(
        half.capex_usd, full.capex_usd,
        "built within the run: its capital counts"
    );
    assert!(r.kpis.exported_energy_mwh < all_year.kpis.exported_energy_mwh);
    assert!(
        r.notes
            .iter()
            .any(|n| n.starts_with("backup[0].available_from") && n.contains("50.4 %")),
        "{:?}",
        r.notes
    );
}

#[test]
fn sizing_and_adequacy_refuse_a_unit_that_comes_within_the_run_and_size_with_the_export() {
    let cancel = AtomicBool::new(false);
    let control = Control {
        cancel: &cancel,
        progress: &|_| {},
    };
    let mut mid = grid_link();
    mid.backup[0].available_from = Some(YearMonth {
        year: 2029,
        month: 7,
    });
    let mut engine = Engine::new();
    let e = optimize_scenario(
        &mut engine,
        &mid,
        root(),
        &SearchOptions::default(),
        &control,
    )
    .expect_err("refused")
    .to_string();
    assert!(e.starts_with("backup[0].available_from"), "{e}");
    let Err(e) = YearProfiles::simulate(&mut engine, &mid, root()) else {
        panic!("a unit that comes within the run is refused");
    };
    let e = e.to_string();
    assert!(e.starts_with("backup[0].available_from"), "{e}");

    // As shipped: the circuit serves all of 2029, the HVDC none of it. The search counts the
    // export revenue as the simulation does, and leaves the later phase as it is.
    let s = grid_link();
    let opt = optimize_scenario(&mut engine, &s, root(), &SearchOptions::default(), &control)
        .expect("sizes");
    let k = &opt.results.kpis;
    assert!(opt.outcome.best.feasible());
    assert!(k.all_targets_met, "{:?}", k.targets);
    assert!(k.export_revenue_usd_per_year > 0.0);
    let (searched, simulated) = (opt.outcome.best.annualized_cost_usd, k.annualized_cost_usd);
    assert!(
        (searched - simulated).abs() < 1e-3 * simulated,
        "{searched} vs {simulated}"
    );
    assert_eq!(
        opt.scenario.backup[1], s.backup[1],
        "the HVDC entry is kept"
    );
    assert!(YearProfiles::simulate(&mut engine, &s, root()).is_ok());
}
