//! The reliability run's dispatch is the simulation's: with nothing failing, the Monte Carlo's
//! hour-by-hour step (whole backup units, starts, the battery's reserve) gives the simulation's
//! loss of load, unserved energy and backup energy in every dispatch mode. Two
//! implementations of one rule, checked against each other on the 95 % CFE design, where
//! foresight decides the outcome (0 h/yr with perfect foresight, 8 h/yr on a 24 h forecast,
//! 246 h/yr greedy).

use dakhla_core::reliability::{FailureModel, ForesightComparison, adequacy};
use dakhla_core::scenario::{self, DispatchMode};
use dakhla_core::sim::Engine;
use std::path::Path;

#[test]
fn without_failures_the_monte_carlo_dispatch_is_the_simulation_in_every_mode() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let s = scenario::load(&root.join("scenarios/dakhla-cfe95.ron")).expect("shipped scenario");
    let base = root.join("scenarios");
    let model = FailureModel::of(&s);
    let years = adequacy::year_profiles(&s, &base, 1).expect("simulates");
    let compared = ForesightComparison::of(&model, &years);
    let modes = [
        DispatchMode::PerfectForesight,
        DispatchMode::Forecast { horizon_h: 24 },
        DispatchMode::Greedy,
    ];
    assert_eq!(compared.modes.len(), modes.len());
    let mut lole = Vec::new();
    for (mode, outcome) in modes.iter().zip(&compared.modes) {
        let mut m = s.clone();
        m.simulation.dispatch = *mode;
        let k = Engine::new()
            .run(&m, &base)
            .expect("simulates")
            .kpis
            .clone();
        assert_eq!(outcome.dispatch, mode.label());
        assert_eq!(outcome.lole_h_per_year, k.loss_of_load_hours, "{mode:?}");
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * b.abs().max(1.0);
        assert!(
            close(outcome.eue_mwh_per_year, k.unmet_energy_mwh),
            "{mode:?}: {} vs {}",
            outcome.eue_mwh_per_year,
            k.unmet_energy_mwh
        );
        assert!(
            close(outcome.backup_energy_mwh_per_year, k.backup_energy_mwh),
            "{mode:?}: {} vs {}",
            outcome.backup_energy_mwh_per_year,
            k.backup_energy_mwh
        );
        lole.push(k.loss_of_load_hours);
    }
    // Less foresight, more loss of load: 0, then some, then the most.
    assert_eq!(lole[0], 0.0);
    assert!(lole[1] > 0.0 && lole[2] > 10.0 * lole[1], "{lole:?}");
}
