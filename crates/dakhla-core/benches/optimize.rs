//! Speed targets of the optimizer (issue 5), on this repository's reference scenario:
//! - one optimization of dakhla-500mw.ron to within 0.5 % of the LP optimum: <= 2 s;
//! - a 20-point Pareto front (70 % to 99.9 % CFE): <= 20 s.
//!
//! Also the dispatch with a battery reserve (backup smaller than the largest deficit), the
//! case the optimizer's answers fall in, to compare with `dispatch_only_year` in engine.rs.

use criterion::{Criterion, criterion_group, criterion_main};
use dakhla_core::optimize::{self, Control, Problem, SearchOptions, study};
use dakhla_core::scenario::Scenario;
use dakhla_core::sim::Engine;
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

fn optimize_benches(c: &mut Criterion) {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let s = Scenario::dakhla_reference();
    let mut engine = Engine::new();
    let profiles = engine.sizing_profiles(&s, dir).expect("reference profiles");
    let problem = Problem::from_scenario(&s, &profiles).expect("reference problem");
    let cancel = AtomicBool::new(false);
    let control = Control {
        cancel: &cancel,
        progress: &|_| {},
    };
    let options = SearchOptions::default();

    // The dispatch of an optimum-like mix: the battery keeps a reserve.
    let mut reserve_case = s.clone();
    reserve_case.backup[0].capacity_mw = 290.0;
    reserve_case.backup[1].capacity_mw = 0.0;
    let r = engine.run(&reserve_case, dir).expect("runs");
    let mut out = dakhla_core::sim::dispatch::DispatchSeries::default();
    c.bench_function("dispatch_with_battery_reserve_year", |b| {
        b.iter(|| {
            let (t, _) = dakhla_core::sim::run_dispatch(
                black_box(&reserve_case),
                &[r.solar_mw(), r.wind_mw()],
                &r.facility_load_mw,
                1.0,
                &mut out,
            );
            black_box(t.unmet_mwh)
        })
    });

    let mut group = c.benchmark_group("optimizer");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("optimize_dakhla_500mw", |b| {
        b.iter(|| black_box(optimize::optimize(&problem, &options, &control).best))
    });
    let targets = study::scenario_pareto_targets(&s.optimizer);
    assert_eq!(targets.len(), 20);
    group.measurement_time(Duration::from_secs(120));
    group.bench_function("pareto_front_20_points", |b| {
        b.iter(|| black_box(study::pareto(&problem, &targets, &options, &control, |_, _| {}).len()))
    });
    group.finish();
}

criterion_group!(benches, optimize_benches);
criterion_main!(benches);
