//! Speed targets of the engine (issue 2):
//! - dispatch + KPIs for a year when only capacities change: <= 100 us;
//! - the whole chain from weather to KPIs (solar position cached per site and year): <= 10 ms;
//! - the `simulate` process: <= 100 ms wall (measured with hyperfine, see README).
//!
//! Performance budget (issue 7, README "Performance budget"): one year at 60 and at 15 minutes,
//! cold and with the sun cached, and a 30-year weather ensemble (`simulate --years 30`).
//!
//! Reliability (issue 16): 1,000 failure draws of a year of the reference campus <= 2 s.

use criterion::{Criterion, criterion_group, criterion_main};
use dakhla_core::scenario::Scenario;
use dakhla_core::sim::Engine;
use std::hint::black_box;
use std::path::Path;

fn engine_benches(c: &mut Criterion) {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let base = Scenario::dakhla_reference();

    // Capacities only: the engine's caches hold weather, sun, per-unit generation and load.
    let mut engine = Engine::new();
    engine.run(&base, dir).expect("reference runs");
    let mut s = base.clone();
    let mut k = 0u32;
    c.bench_function("capacity_change_dispatch_kpis_year", |b| {
        b.iter(|| {
            k = k.wrapping_add(1);
            s.battery.energy_mwh = 1500.0 + (k % 10) as f64 * 100.0;
            s.wind_farms[0].turbine_count = 90 + k % 20;
            s.solar_plants[0].capacity_mwdc = 800.0 + (k % 7) as f64 * 50.0;
            black_box(engine.run(black_box(&s), dir).expect("runs").kpis.cfe_score)
        })
    });

    // The dispatch and KPIs alone (what the optimizer calls), without the engine's validation.
    let r = Engine::new().run(&base, dir).expect("reference runs");
    let mut out = dakhla_core::sim::dispatch::DispatchSeries::default();
    c.bench_function("dispatch_only_year", |b| {
        b.iter(|| {
            let (t, _) = dakhla_core::sim::run_dispatch(
                black_box(&base),
                &[r.solar_mw(), r.wind_mw()],
                &r.facility_load_mw,
                1.0,
                &mut out,
            );
            black_box(t.unmet_mwh)
        })
    });

    // Whole chain with the sun cached: weather, PV, wind, load, dispatch, KPIs recomputed.
    let mut warm = Engine::new();
    warm.run(&base, dir).expect("reference runs");
    let mut seed = 0u64;
    c.bench_function("whole_chain_weather_to_kpis_sun_cached", |b| {
        b.iter(|| {
            seed += 1;
            let mut s = base.clone();
            // A new weather seed: everything but the sun position is recomputed.
            s.weather = dakhla_core::scenario::WeatherSource::Synthetic { seed, year: 2029 };
            black_box(warm.run(&s, dir).expect("runs").kpis.lcoe_usd_per_mwh)
        })
    });

    // Cold: a fresh engine, including the solar position for the year.
    let mut group = c.benchmark_group("cold");
    group.sample_size(20);
    group.bench_function("whole_chain_cold_including_sun", |b| {
        b.iter(|| black_box(Engine::new().run(&base, dir).expect("runs").kpis.cfe_score))
    });
    // The same year at 15-minute steps (35,040 steps).
    let mut quarter = base.clone();
    quarter.simulation.timestep_min = 15;
    group.bench_function("whole_chain_cold_including_sun_15min", |b| {
        b.iter(|| {
            black_box(
                Engine::new()
                    .run(&quarter, dir)
                    .expect("runs")
                    .kpis
                    .cfe_score,
            )
        })
    });
    group.finish();

    // 15 minutes with the sun cached (a new weather seed each time).
    let mut warm15 = Engine::new();
    warm15.run(&quarter, dir).expect("runs");
    c.bench_function("whole_chain_weather_to_kpis_sun_cached_15min", |b| {
        b.iter(|| {
            seed += 1;
            let mut s = quarter.clone();
            s.weather = dakhla_core::scenario::WeatherSource::Synthetic { seed, year: 2029 };
            black_box(warm15.run(&s, dir).expect("runs").kpis.lcoe_usd_per_mwh)
        })
    });

    // `simulate --years 30`: 30 synthetic weather years with year-to-year variation, each an
    // operating year with degradation (a fresh engine, as the command starts with).
    let mut group = c.benchmark_group("ensemble");
    group.sample_size(10);
    group.bench_function("thirty_weather_years", |b| {
        b.iter(|| {
            let weathers = dakhla_core::sim::years::synthetic_years(&base, 30);
            let mut engine = Engine::with_interannual_variation();
            let years =
                dakhla_core::sim::years::run_years(&mut engine, &base, dir, &weathers, |_, _| {})
                    .expect("runs");
            black_box(dakhla_core::sim::years::distribution(&years).len())
        })
    });
    group.finish();

    // Issue 16: 1,000 failure draws x 1 year of the reference campus in <= 2 s, the dispatch
    // with failures within 2x the plain dispatch. The year's profiles are simulated once (as
    // the command does before drawing).
    use dakhla_core::reliability::{FailureModel, adequacy};
    let years = adequacy::year_profiles(&base, dir, 1).expect("profiles");
    let model = FailureModel::of(&base);
    let never = std::sync::atomic::AtomicBool::new(false);
    let mut group = c.benchmark_group("reliability");
    group.sample_size(10);
    group.bench_function("thousand_draws_one_year", |b| {
        b.iter(|| {
            let s = adequacy::sample_years(&model, &years, 0..1000, 1, &never, |_, _| {});
            black_box(s.len())
        })
    });
    group.bench_function("one_draw_one_year", |b| {
        b.iter(|| {
            let s = adequacy::sample_years(&model, &years, 0..1, 1, &never, |_, _| {});
            black_box(s.len())
        })
    });
    // The dispatch with failures as a run does it: draw after draw on the same buffers (each
    // iteration a new draw: its own failures, not a repeat).
    let mut sampler = adequacy::Sampler::new(&model);
    let mut draw = 0u64;
    group.bench_function("one_draw_in_a_run", |b| {
        b.iter(|| {
            draw += 1;
            black_box(sampler.draw(&years[0], 1, 0, draw).loss_of_load_h)
        })
    });
    group.finish();
}

criterion_group!(benches, engine_benches);
criterion_main!(benches);
