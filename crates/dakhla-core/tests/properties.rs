//! Properties that hold for every valid scenario, checked on random ones built around the Dakhla
//! reference campus (proptest; a failure shrinks to a small scenario and prints it as RON):
//! * the energy balance closes at every step;
//! * the battery's state of charge stays within its bounds;
//! * KPIs stay in physical ranges (fractions 0..1, energies and costs finite and not negative,
//!   PUE at least 1, loss-of-load hours within the year);
//! * a run is deterministic: a fresh engine gives the same KPIs and series;
//! * saving then loading gives the same scenario, and saving again the same bytes.
//!
//! The case count is kept small (a case is two runs of a full year); 15-minute runs are rarer.

use dakhla_core::scenario::{
    self, BackupKind, BackupUnit, Cooling, DailyProfile, Flexibility, Mounting, RackGroup,
    Scenario, TurbineChoice, WeatherDrivenCooling, WeatherSource, YearMonth,
};
use dakhla_core::sim::{Engine, Results};
use proptest::prelude::*;
use std::path::Path;

/// Library turbines (`assets/turbines.ron`).
const TURBINES: [&str; 6] = [
    "2023NREL_Bespoke_6MW_170",
    "E-141/4200",
    "E-126/4200",
    "N131/3600",
    "SWT130/3600",
    "S126/6150",
];

fn mounting() -> impl Strategy<Value = Mounting> {
    prop_oneof![
        (0.0..=60.0, 90.0..=270.0, 0.0..=0.7).prop_map(|(tilt_deg, azimuth_deg, gcr)| {
            Mounting::Fixed {
                tilt_deg,
                azimuth_deg,
                gcr,
            }
        }),
        (30.0..=60.0, 0.2..=0.6, any::<bool>()).prop_map(|(max_angle_deg, gcr, backtrack)| {
            Mounting::SingleAxis {
                max_angle_deg,
                gcr,
                backtrack,
            }
        }),
    ]
}

/// A capacity that is exactly zero now and then (a plant or unit switched off).
fn capacity(max: f64) -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 4 => 0.0..=max]
}

fn profile(utilization: f64) -> impl Strategy<Value = DailyProfile> {
    // The validator's rule: factor x utilization <= 1 every hour.
    let max_factor = (1.0 / utilization).min(10.0);
    prop_oneof![
        Just(DailyProfile::Flat),
        prop::collection::vec(0.0..=max_factor, 24).prop_map(DailyProfile::Hourly),
    ]
}

fn rack_group(k: usize) -> impl Strategy<Value = RackGroup> {
    (
        0u32..=3000,
        5.0..=150.0,
        0.05..=1.0,
        prop::option::weighted(0.4, (2025..=2032i32, 1u32..=12)),
        prop::option::weighted(
            0.4,
            (
                0.0..=0.6,
                prop::sample::select(vec![24u32, 48, 168]),
                prop::option::weighted(0.3, 0.05..=1.0),
            ),
        ),
    )
        .prop_flat_map(move |(count, kw_per_rack, utilization, online, flex)| {
            profile(utilization).prop_map(move |profile| RackGroup {
                name: format!("hall {k}"),
                count,
                kw_per_rack,
                utilization,
                profile,
                online_from: online.map(|(year, month)| YearMonth { year, month }),
                flexibility: flex.map(|(share_frac, window_h, ramp_frac_per_h)| Flexibility {
                    share_frac,
                    window_h,
                    ramp_frac_per_h,
                }),
            })
        })
}

fn rack_groups() -> impl Strategy<Value = Vec<RackGroup>> {
    (1usize..=4).prop_flat_map(|n| (0..n).map(rack_group).collect::<Vec<_>>())
}

fn cooling() -> impl Strategy<Value = Cooling> {
    prop_oneof![
        (1.0..=2.0).prop_map(|pue| Cooling::Fixed { pue }),
        (10.0..=25.0, 0.0..=10.0, 2.5..=6.0).prop_map(|(free, span, cop)| {
            Cooling::WeatherDriven(WeatherDrivenCooling {
                free_cooling_below_c: free,
                mechanical_above_c: free + span,
                chiller_cop_rated: cop,
                ..WeatherDrivenCooling::default()
            })
        }),
    ]
}

fn backup_unit(k: usize) -> impl Strategy<Value = BackupUnit> {
    (
        prop_oneof![
            Just(BackupKind::GasTurbine),
            Just(BackupKind::DieselGenset),
            Just(BackupKind::GridImport),
        ],
        capacity(600.0),
        0.3..=1.0,
        0.0..=200.0,
        0.0..=0.3,
        0.0..=1.0,
        (0.0..=300.0, 0.0..=100.0),
        // Around the simulated year (2029): before it, within it or after it.
        prop::option::of((2028i32..=2030, 1u32..=12)),
    )
        .prop_map(
            move |(kind, capacity_mw, efficiency, fuel, emission, clean, export, from)| {
                BackupUnit {
                    name: format!("backup {k}"),
                    kind,
                    capacity_mw,
                    efficiency,
                    fuel_cost_per_mwh_th: fuel,
                    variable_om_per_mwh: 5.0,
                    emission_factor_t_per_mwh_th: emission,
                    carbon_free_frac: clean,
                    unit_count: kind.typical_unit_count(capacity_mw),
                    forced_outage_rate: kind.failure_defaults().forced_outage_rate,
                    mean_time_to_repair_h: kind.failure_defaults().mean_time_to_repair_h,
                    start_failure_prob: kind.failure_defaults().start_failure_prob,
                    // Only a grid link exports.
                    export_capacity_mw: if kind == BackupKind::GridImport {
                        export.0
                    } else {
                        0.0
                    },
                    export_price_per_mwh: export.1,
                    available_from: from.map(|(year, month)| YearMonth { year, month }),
                }
            },
        )
}

fn backup_units() -> impl Strategy<Value = Vec<BackupUnit>> {
    (0usize..=3).prop_flat_map(|n| (0..n).map(backup_unit).collect::<Vec<_>>())
}

/// Battery: energy, power, round-trip efficiency, SoC bounds, initial SoC (as a share of the
/// way between the bounds), self-discharge, capacity fade.
type BatteryDraw = (f64, f64, f64, f64, f64, f64, f64, f64);

fn battery() -> impl Strategy<Value = BatteryDraw> {
    (
        capacity(5000.0),
        capacity(1500.0),
        0.6..=0.98,
        0.0..=0.3,
        0.7..=1.0,
        0.0..=1.0,
        0.0..=0.01,
        0.0..=5.0,
    )
}

/// Solar, wind, weather and time: capacity [MWdc], mounting, turbine count, turbine, hub
/// height [m], weather seed, weather year, time step [min].
type SupplyDraw = (f64, Mounting, u32, usize, f64, u64, i32, u32);

fn supply() -> impl Strategy<Value = SupplyDraw> {
    (
        capacity(3000.0),
        mounting(),
        0u32..=300,
        0..TURBINES.len(),
        80.0..=160.0,
        any::<u64>(),
        2026..=2031i32,
        prop_oneof![5 => Just(60u32), 1 => Just(15u32)],
    )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        supply(),
        battery(),
        backup_units(),
        rack_groups(),
        cooling(),
    )
        .prop_map(|(supply, battery, backup, rack_groups, cooling)| {
            let (solar_mwdc, mounting, turbines, turbine, hub_m, seed, year, step_min) = supply;
            let (energy, power, rte, soc_min, soc_max, initial, self_discharge, fade) = battery;
            let mut s = Scenario::dakhla_reference();
            s.weather = WeatherSource::Synthetic { seed, year };
            s.simulation.year = year;
            s.simulation.timestep_min = step_min;
            s.solar_plants[0].capacity_mwdc = solar_mwdc;
            s.solar_plants[0].mounting = mounting;
            s.wind_farms[0].turbine_count = turbines;
            s.wind_farms[0].turbine = TurbineChoice::Library {
                name: TURBINES[turbine].to_owned(),
            };
            s.wind_farms[0].hub_height_m = hub_m;
            let b = &mut s.battery;
            b.energy_mwh = energy;
            b.power_mw = power;
            b.round_trip_eff = rte;
            b.soc_min_frac = soc_min;
            b.soc_max_frac = soc_max;
            b.initial_soc_frac = soc_min + initial * (soc_max - soc_min);
            b.self_discharge_frac_per_day = self_discharge;
            b.capacity_fade_pct_per_year = fade;
            s.backup = backup;
            s.datacenter.rack_groups = rack_groups;
            s.datacenter.cooling = cooling;
            s
        })
}

/// Relative tolerance of the balance and the bounds.
const TOL: f64 = 1e-9;

fn balance_closes(r: &Results) -> Result<(), String> {
    let d = &r.dispatch;
    for i in 0..r.weather.len() {
        let supply = r.solar_mw()[i]
            + r.wind_mw()[i]
            + d.battery().discharge_mw[i]
            + d.backup_mw[i]
            + d.unmet_mw[i];
        let used =
            r.facility_load_mw[i] + d.battery().charge_mw[i] + d.curtailed_mw[i] + d.exported_mw[i];
        let off = (supply - used).abs();
        if off.is_nan() || off > TOL * used.max(1.0) {
            return Err(format!("step {i}: supply {supply} MW vs use {used} MW"));
        }
        for (name, v) in [
            ("solar", r.solar_mw()[i]),
            ("wind", r.wind_mw()[i]),
            ("facility load", r.facility_load_mw[i]),
            ("battery charge", d.battery().charge_mw[i]),
            ("battery discharge", d.battery().discharge_mw[i]),
            ("backup", d.backup_mw[i]),
            ("curtailed", d.curtailed_mw[i]),
            ("exported", d.exported_mw[i]),
            ("unmet", d.unmet_mw[i]),
        ] {
            if !(v >= 0.0 && v.is_finite()) {
                return Err(format!("step {i}: {name} is {v} MW"));
            }
        }
    }
    Ok(())
}

fn soc_in_bounds(s: &Scenario, r: &Results) -> Result<(), String> {
    // Operating year 0: no capacity fade.
    let b = &s.battery;
    // A battery without energy or without power is not built: it holds nothing.
    let built = dakhla_core::sim::economics::battery_is_built(b.energy_mwh, b.power_mw);
    let energy = if built { b.energy_mwh } else { 0.0 };
    let lo = energy * b.soc_min_frac;
    let hi = energy * b.soc_max_frac;
    let slack = TOL * b.energy_mwh.max(1.0);
    for (i, soc) in r.dispatch.battery().soc_mwh.iter().enumerate() {
        if !(*soc >= lo - slack && *soc <= hi + slack) {
            return Err(format!(
                "step {i}: state of charge {soc} MWh outside {lo}..{hi} MWh"
            ));
        }
    }
    Ok(())
}

fn kpis_in_range(r: &Results) -> Result<(), String> {
    let k = &r.kpis;
    let mut fractions = vec![
        ("renewable_fraction", k.renewable_fraction),
        ("cfe_score", k.cfe_score),
    ];
    for (name, v) in [
        ("solar_capacity_factor_dc", k.solar_capacity_factor_dc),
        ("solar_capacity_factor_ac", k.solar_capacity_factor_ac),
        ("wind_capacity_factor", k.wind_capacity_factor),
    ] {
        if let Some(v) = v {
            fractions.push((name, v));
        }
    }
    for p in &r.plants {
        fractions.push(("plants[].capacity_factor", p.capacity_factor));
    }
    for (name, v) in fractions {
        if !(0.0..=1.0 + TOL).contains(&v) {
            return Err(format!("{name} = {v}, outside 0..1"));
        }
    }
    let mut non_negative = vec![
        ("it_energy_mwh", k.it_energy_mwh),
        ("facility_energy_mwh", k.facility_energy_mwh),
        ("peak_it_mw", k.peak_it_mw),
        ("peak_facility_mw", k.peak_facility_mw),
        ("solar_energy_mwh", k.solar_energy_mwh),
        ("wind_energy_mwh", k.wind_energy_mwh),
        ("curtailed_energy_mwh", k.curtailed_energy_mwh),
        ("battery_charge_mwh", k.battery_charge_mwh),
        ("battery_discharge_mwh", k.battery_discharge_mwh),
        ("battery_cycles", k.battery_cycles),
        ("backup_energy_mwh", k.backup_energy_mwh),
        ("peak_backup_mw", k.peak_backup_mw),
        ("unmet_energy_mwh", k.unmet_energy_mwh),
        ("capex_usd", k.capex_usd),
        ("export_revenue_usd_per_year", k.export_revenue_usd_per_year),
        // Costs are net of export revenue, which may exceed them (a grid link selling
        // surplus): before it they are never negative.
        (
            "opex_usd_per_year + export revenue",
            k.opex_usd_per_year + k.export_revenue_usd_per_year,
        ),
        (
            "annualized_cost_usd + export revenue",
            k.annualized_cost_usd + k.export_revenue_usd_per_year,
        ),
        ("co2_tonnes", k.co2_tonnes),
        ("solar_land_ha", k.solar_land_ha),
    ];
    // The net present cost and the LCOE follow the annualized cost's sign.
    let net = if k.annualized_cost_usd >= 0.0 {
        1.0
    } else {
        -1.0
    };
    non_negative.push((
        "net_present_cost_usd (its sign)",
        net * k.net_present_cost_usd,
    ));
    for (name, v) in [
        (
            "lcoe_usd_per_mwh (its sign)",
            k.lcoe_usd_per_mwh.map(|v| net * v),
        ),
        ("co2_intensity_kg_per_mwh", k.co2_intensity_kg_per_mwh),
    ] {
        if let Some(v) = v {
            non_negative.push((name, v));
        }
    }
    for (name, v) in non_negative {
        if !(v >= 0.0 && v.is_finite()) {
            return Err(format!("{name} = {v}, not a finite value of 0 or more"));
        }
    }
    if !(0.0..=8784.0).contains(&k.loss_of_load_hours) {
        return Err(format!(
            "loss_of_load_hours = {}, outside 0..8784",
            k.loss_of_load_hours
        ));
    }
    for (name, v) in [("pue_mean", k.pue_mean), ("pue_peak", k.pue_peak)] {
        if !(v >= 1.0 && v.is_finite()) {
            return Err(format!("{name} = {v}, below 1"));
        }
    }
    if k.racks_fit_under_cap > k.racks_total {
        return Err(format!(
            "racks_fit_under_cap {} > racks_total {}",
            k.racks_fit_under_cap, k.racks_total
        ));
    }
    Ok(())
}

fn deterministic(s: &Scenario, first: &Results) -> Result<(), String> {
    let second = Engine::new()
        .run(s, Path::new("."))
        .map_err(|e| format!("the second run failed: {e}"))?;
    let json = |r: &Results| serde_json::to_value(&r.kpis).map_err(|e| e.to_string());
    if json(first)? != json(&second)? {
        return Err(format!(
            "KPIs differ between two runs:\n{:?}\n{:?}",
            first.kpis, second.kpis
        ));
    }
    let same_series = first.supply_mw == second.supply_mw
        && first.facility_load_mw == second.facility_load_mw
        && first.it_load_mw == second.it_load_mw
        && first.pue == second.pue
        && first.dispatch == second.dispatch;
    if !same_series {
        return Err("the hourly series differ between two runs".to_owned());
    }
    Ok(())
}

fn round_trips(s: &Scenario) -> Result<(), String> {
    let text = scenario::to_ron_string(s).map_err(|e| format!("cannot save: {e}"))?;
    let back = scenario::from_ron_str(&text, "saved.ron").map_err(|e| e.to_string())?;
    if &back != s {
        return Err(format!("loaded back differently:\n{back:?}"));
    }
    let again = scenario::to_ron_string(&back).map_err(|e| format!("cannot save: {e}"))?;
    if again != text {
        return Err("saving the loaded scenario gives other bytes".to_owned());
    }
    Ok(())
}

fn check(s: &Scenario) -> Result<(), String> {
    let issues = s.validate(None);
    if !issues.is_empty() {
        return Err(format!("the strategy made an invalid scenario: {issues:?}"));
    }
    round_trips(s)?;
    let r = Engine::new()
        .run(s, Path::new("."))
        .map_err(|e| format!("the run failed: {e}"))?;
    balance_closes(&r)?;
    soc_in_bounds(s, &r)?;
    kpis_in_range(&r)?;
    deterministic(s, &r)
}

proptest! {
    // 24 cases in CI; PROPTEST_CASES=500 for a deeper search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_valid_scenarios_balance_stay_in_bounds_repeat_and_round_trip(s in scenario()) {
        if let Err(problem) = check(&s) {
            let text = scenario::to_ron_string(&s).unwrap_or_default();
            prop_assert!(false, "{problem}\nscenario:\n{text}");
        }
    }
}
