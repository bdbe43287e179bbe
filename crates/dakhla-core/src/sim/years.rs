//! Many weather years: P50, P90 and worst year of the KPIs that depend on the weather, over the
//! operating life (PV and battery degrade from one year to the next).
//!
//! Year k of a run uses the k-th weather year (a new synthetic seed, or the k-th file of a
//! folder) and is simulated as operating year k, so later years carry k years of PV degradation
//! and battery capacity fade. Operating year k is calendar year Y + k (Y = the scenario's
//! simulated year) for the build-out: the rack groups online by then draw power. The weather
//! keeps its own time axis (so the sun is computed once).
//!
//! Percentiles interpolate linearly between order statistics (Hyndman & Fan 1996, type 7, the
//! default of numpy and R). "P90" is the value the design achieves in 90 % of years: for a KPI
//! where more is better (renewable fraction, CFE) it is the 10th percentile; where less is
//! better (unmet hours, backup energy) the 90th.

use super::kpi_registry::{Better, KPIS, KpiSpec};
use super::kpis::Kpis;
use super::{Engine, RunOptions, SimError};
use crate::scenario::{Scenario, WeatherSource};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One simulated year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearResult {
    /// Operating year, 0 = first.
    pub operating_year: u32,
    /// Calendar year of the build-out this year stands for (simulated year + operating year).
    pub calendar_year: i32,
    /// Where the weather came from.
    pub weather: String,
    pub kpis: Kpis,
}

/// Spread of one KPI over the years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    pub p50: f64,
    pub p90: f64,
    pub worst: f64,
    pub best: f64,
    pub mean: f64,
}

/// The KPIs a distribution reports: every KPI of the registry that varies with the weather and
/// has a better side (P90 is taken on the bad side), in registry order.
pub fn distribution_kpis() -> impl Iterator<Item = &'static KpiSpec> {
    KPIS.iter()
        .filter(|k| k.weather_dependent && k.better != Better::Neither)
}

/// Linear-interpolated percentile `q` (0..=1) of sorted values (type 7).
pub fn percentile_sorted(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * q.clamp(0.0, 1.0);
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// The spread of each KPI of [`distribution_kpis`] over `years`, in the KPI's stored unit
/// (a KPI missing in some year, such as LCOE with nothing served, counts as NaN there).
pub fn distribution(years: &[YearResult]) -> BTreeMap<String, Spread> {
    distribution_kpis()
        .map(|k| {
            let more_is_better = k.better == Better::Higher;
            let name = k.key;
            let mut v: Vec<f64> = years
                .iter()
                .map(|y| k.value(&y.kpis).unwrap_or(f64::NAN))
                .collect();
            v.sort_by(f64::total_cmp);
            let (p90, worst, best) = if more_is_better {
                (
                    percentile_sorted(&v, 0.10),
                    v.first().copied().unwrap_or(f64::NAN),
                    v.last().copied().unwrap_or(f64::NAN),
                )
            } else {
                (
                    percentile_sorted(&v, 0.90),
                    v.last().copied().unwrap_or(f64::NAN),
                    v.first().copied().unwrap_or(f64::NAN),
                )
            };
            let mean = if v.is_empty() {
                f64::NAN
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            };
            (
                name.to_owned(),
                Spread {
                    p50: percentile_sorted(&v, 0.5),
                    p90,
                    worst,
                    best,
                    mean,
                },
            )
        })
        .collect()
}

/// The weather of each year: `n` synthetic seeds following the scenario's (same calendar year,
/// so the sun is computed once), or the scenario's own weather when it is a file (then only
/// degradation differs between years).
pub fn synthetic_years(s: &Scenario, n: u32) -> Vec<WeatherSource> {
    match &s.weather {
        WeatherSource::Synthetic { seed, year } => (0..n as u64)
            .map(|k| WeatherSource::Synthetic {
                seed: seed.wrapping_add(k),
                year: *year,
            })
            .collect(),
        other => (0..n).map(|_| other.clone()).collect(),
    }
}

/// Simulate one year per entry of `weathers`; year k is operating year k.
pub fn run_years(
    engine: &mut Engine,
    scenario: &Scenario,
    base_dir: &Path,
    weathers: &[WeatherSource],
    mut progress: impl FnMut(usize, usize),
) -> Result<Vec<YearResult>, SimError> {
    let mut out = Vec::with_capacity(weathers.len());
    for (k, w) in weathers.iter().enumerate() {
        out.push(run_year(engine, scenario, base_dir, w, k as u32)?);
        progress(k + 1, weathers.len());
    }
    Ok(out)
}

/// Simulate `scenario` on `weather` as operating year `k`: k years of degradation, and the
/// build-out of calendar year Y + k (rack groups are dated k years earlier against the
/// weather's own time axis).
pub fn run_year(
    engine: &mut Engine,
    scenario: &Scenario,
    base_dir: &Path,
    weather: &WeatherSource,
    k: u32,
) -> Result<YearResult, SimError> {
    let mut s = scenario.clone();
    s.weather = weather.clone();
    let calendar_year = scenario.simulated_year() + k as i32;
    let run_year = s.simulated_year();
    for g in &mut s.datacenter.rack_groups {
        if let Some(ym) = g.online_from {
            let shifted = ym.year - k as i32;
            // A group online before the run's year began draws power all year (however long
            // ago: year 131 of a long run must not date it before 1900).
            g.online_from = (shifted >= run_year).then_some(crate::scenario::YearMonth {
                year: shifted,
                month: ym.month,
            });
        }
    }
    // Backup units that come later (a line being built) are dated the same way.
    for u in &mut s.backup {
        if let Some(ym) = u.available_from {
            let shifted = ym.year - k as i32;
            u.available_from = (shifted >= run_year).then_some(crate::scenario::YearMonth {
                year: shifted,
                month: ym.month,
            });
        }
    }
    let options = RunOptions { operating_year: k };
    let r = engine.run_with(&s, base_dir, options)?;
    crate::sim::require_a_year(&r.weather, "a weather year of a multi-year run")?;
    Ok(YearResult {
        operating_year: k,
        calendar_year,
        weather: r.weather.source.clone(),
        kpis: r.kpis,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_match_numpy_type_7() {
        // numpy.percentile([1, 2, 3, 4, 10], [10, 50, 90]) = [1.4, 3.0, 7.6]
        let v = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert!((percentile_sorted(&v, 0.1) - 1.4).abs() < 1e-12);
        assert!((percentile_sorted(&v, 0.5) - 3.0).abs() < 1e-12);
        assert!((percentile_sorted(&v, 0.9) - 7.6).abs() < 1e-12);
        assert!(percentile_sorted(&[], 0.5).is_nan());
        assert_eq!(percentile_sorted(&[7.0], 0.9), 7.0);
    }

    #[test]
    fn later_years_degrade_and_p90_is_on_the_bad_side() {
        let mut s = Scenario::dakhla_reference();
        // The same weather every year isolates degradation.
        let same = vec![s.weather.clone(); 3];
        s.solar_plants[0].degradation_pct_per_year = 1.0;
        let mut engine = Engine::new();
        let years = run_years(&mut engine, &s, Path::new("."), &same, |_, _| {}).unwrap();
        let solar: Vec<f64> = years.iter().map(|y| y.kpis.solar_energy_mwh).collect();
        assert!((solar[1] / solar[0] - 0.99).abs() < 1e-9);
        assert!((solar[2] / solar[0] - 0.99 * 0.99).abs() < 1e-9);
        assert!(years[2].kpis.backup_energy_mwh >= years[0].kpis.backup_energy_mwh);
        assert_eq!(
            years.iter().map(|y| y.calendar_year).collect::<Vec<_>>(),
            vec![2029, 2030, 2031]
        );

        let varied = synthetic_years(&s, 6);
        let mut engine = Engine::with_interannual_variation();
        let years = run_years(&mut engine, &s, Path::new("."), &varied, |_, _| {}).unwrap();
        let d = distribution(&years);
        let rf = &d["renewable_fraction"];
        assert!(rf.p90 <= rf.p50 && rf.worst <= rf.p90 && rf.best >= rf.p50);
        let backup = &d["backup_energy_mwh"];
        assert!(backup.p90 >= backup.p50 && backup.worst >= backup.p90);
        // Different seeds give different years.
        assert!(rf.best > rf.worst);
    }
}

#[cfg(test)]
mod build_out_tests {
    use super::*;
    use crate::scenario::YearMonth;

    #[test]
    fn each_operating_year_carries_the_racks_online_in_its_calendar_year() {
        // Hall B comes online in July of the first year: half a year then, all of later years.
        let mut s = Scenario::dakhla_reference();
        let first = s.simulated_year();
        for g in &mut s.datacenter.rack_groups {
            g.online_from = None;
        }
        s.datacenter.rack_groups[1].online_from = Some(YearMonth {
            year: first + 1,
            month: 1,
        });
        s.battery.capacity_fade_pct_per_year = 0.0;
        s.solar_plants[0].degradation_pct_per_year = 0.0;
        let same = vec![s.weather.clone(); 3];
        let mut engine = Engine::new();
        let years = run_years(&mut engine, &s, Path::new("."), &same, |_, _| {}).unwrap();
        let it: Vec<f64> = years.iter().map(|y| y.kpis.it_energy_mwh).collect();
        // 1000 racks x 120 kW x 0.85 = 102 MW, all 8760 h of years 2 and 3; in year 1 only
        // the last step, which is already January 1 in local time (UTC+1).
        assert!((it[1] - it[0] - 102.0 * 8759.0).abs() < 1e-6, "{it:?}");
        assert!((it[2] - it[1]).abs() < 1e-6);
    }
}
