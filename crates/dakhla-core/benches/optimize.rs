//! Speed targets of the optimizer (issue 5), on this repository's reference scenario:
//! - one optimization of dakhla-500mw.ron to within 0.5 % of the LP optimum: <= 2 s;
//! - a 20-point Pareto front (70 % to 99.9 % CFE): <= 20 s (issue 18: <= 2 s).
//!
//! And, against HiGHS on the same linear program (issue 18: at least 50 times faster), the
//! LP fixture's cases (`tests/reference/lp_optimum.py`, `lp_optimum_results.txt` records
//! HiGHS's time): the reference campus on NREL ATB 2024 costs in US dollars, the same at a
//! 99 % CFE target, with 20 % of the AI halls' work flexible within local days, and on its own
//! Morocco 2025 costs (storage four times cheaper) at a 97 % CFE target.
//!
//! Also the dispatch with a battery reserve (backup smaller than the largest deficit), the
//! case the optimizer's answers fall in, to compare with `dispatch_only_year` in engine.rs.

use criterion::{Criterion, criterion_group, criterion_main};
use dakhla_core::optimize::{self, Control, Problem, SearchOptions, study};
use dakhla_core::scenario::{self, Scenario};
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
    // The LP fixture's cases, built as crates/dakhla-planner/tests/optimize.rs builds them.
    let shipped = scenario::load(&dir.join("scenarios/dakhla-500mw.ron")).expect("shipped");
    let usd =
        scenario::money::convert_costs(&shipped, scenario::money::Currency::Usd).expect("converts");
    let atb = scenario::money::apply_cost_set(&usd, scenario::money::CostBasis::NrelAtb2024)
        .expect("the ATB set applies");
    let mut cfe99 = atb.clone();
    cfe99.targets.min_cfe_score = Some(0.99);
    // Storage four times cheaper (the file's own Morocco 2025 set, in US dollars) at 97 % CFE.
    let mut cheap_storage_97 = usd.clone();
    cheap_storage_97.targets.min_cfe_score = Some(0.97);
    let mut flex20 = atb.clone();
    for g in &mut flex20.datacenter.rack_groups {
        if g.name.starts_with("AI hall") {
            g.flexibility = Some(scenario::Flexibility {
                share_frac: 0.2,
                window_h: 24,
                ramp_frac_per_h: None,
            });
        }
    }
    for (name, case) in [
        ("optimize_lp_case_reference", &atb),
        ("optimize_lp_case_cfe_99", &cfe99),
        ("optimize_lp_case_flexible_20pct", &flex20),
        ("optimize_lp_case_cheap_storage_cfe_97", &cheap_storage_97),
    ] {
        let profiles = engine.sizing_profiles(case, dir).expect("case profiles");
        let p = Problem::from_scenario(case, &profiles).expect("case problem");
        group.bench_function(name, |b| {
            b.iter(|| black_box(optimize::optimize(&p, &options, &control).best))
        });
    }
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
