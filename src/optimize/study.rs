//! Studies made of many optimizations: the Pareto front of cost against the carbon-free share,
//! and the jobs of a study (Pareto targets x weather years x cost cases) split into shards that
//! separate machines run (`optimize --shard i/n`) and `merge` puts back together.

use super::{Control, Mix, Problem, SearchOptions, TargetKind, apply_mix, capacities_of, optimize};
use crate::scenario::{OptimizerSettings, Scenario, SensitivityCase, WeatherSource};
use crate::sim::Engine;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The targets of a Pareto front: `points` values from `from` to `to`, evenly spaced in the log
/// of the remaining fossil share (1 - target), so that the costly last percents get most of
/// them. Falls back to even spacing when `to` is 1.
pub fn pareto_targets(from: f64, to: f64, points: u32) -> Vec<f64> {
    let n = points.max(2) as usize;
    let (a, b) = (1.0 - from, 1.0 - to);
    (0..n)
        .map(|k| {
            let t = k as f64 / (n - 1) as f64;
            if a > 0.0 && b > 0.0 {
                1.0 - a * (b / a).powf(t)
            } else {
                from + (to - from) * t
            }
        })
        .collect()
}

/// The targets of the scenario's Pareto front.
pub fn scenario_pareto_targets(o: &OptimizerSettings) -> Vec<f64> {
    pareto_targets(o.pareto_from, o.pareto_to, o.pareto_points)
}

/// One point of the Pareto front.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParetoPoint {
    /// The constrained share's lowest value [-].
    pub target: f64,
    /// Whether the bounds allow a mix that meets it.
    pub feasible: bool,
    pub renewable_fraction: f64,
    pub cfe_score: f64,
    pub annualized_cost_usd: f64,
    /// Annualized cost over the facility energy [USD/MWh].
    pub lcoe_usd_per_mwh: f64,
    /// Extra annual cost per percentage point of share over the previous point [USD/yr per
    /// point].
    pub extra_cost_usd_per_point: Option<f64>,
    pub mix: Mix,
    pub evaluations: u64,
    pub wall_s: f64,
}

/// Optimize `problem` at each of `targets`, each run starting from the previous answer.
/// `on_point` sees each point as it is found (index, point).
pub fn pareto(
    problem: &Problem,
    targets: &[f64],
    options: &SearchOptions,
    control: &Control,
    mut on_point: impl FnMut(usize, &ParetoPoint),
) -> Vec<ParetoPoint> {
    let mut out: Vec<ParetoPoint> = Vec::with_capacity(targets.len());
    let mut p = problem.clone();
    let load_mwh = problem.load_mwh() * 8760.0 / (problem.load_mw.len() as f64 * problem.step_h);
    for (k, &t) in targets.iter().enumerate() {
        if control.cancel.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        p.target_value = t;
        let t0 = std::time::Instant::now();
        // After the first point, the previous answer is a good start: no grid.
        let opts = if k == 0 {
            *options
        } else {
            SearchOptions {
                extra_starts: 0,
                ..*options
            }
        };
        let o = optimize(&p, &opts, control);
        let e = o.best;
        let share = match p.target {
            TargetKind::RenewableFraction => e.renewable_fraction,
            TargetKind::Cfe => e.cfe_score,
        };
        let extra = out.last().and_then(|prev: &ParetoPoint| {
            let prev_share = match p.target {
                TargetKind::RenewableFraction => prev.renewable_fraction,
                TargetKind::Cfe => prev.cfe_score,
            };
            let d = (share - prev_share) * 100.0;
            (d > 1e-6 && prev.feasible && e.feasible())
                .then(|| (e.annualized_cost_usd - prev.annualized_cost_usd) / d)
        });
        let point = ParetoPoint {
            target: t,
            feasible: e.feasible(),
            renewable_fraction: e.renewable_fraction,
            cfe_score: e.cfe_score,
            annualized_cost_usd: e.annualized_cost_usd,
            lcoe_usd_per_mwh: if load_mwh > 0.0 {
                e.annualized_cost_usd / load_mwh
            } else {
                0.0
            },
            extra_cost_usd_per_point: extra,
            mix: e.mix,
            evaluations: o.evaluations,
            wall_s: t0.elapsed().as_secs_f64(),
        };
        if o.cancelled {
            break;
        }
        on_point(k, &point);
        out.push(point);
        p.start = e.mix;
    }
    out
}

/// Columns of the Pareto CSV (`optimize --pareto`).
pub const PARETO_COLUMNS: [&str; 14] = [
    "target",
    "feasible",
    "renewable_fraction",
    "cfe_score",
    "annualized_cost_usd",
    "lcoe_usd_per_mwh",
    "extra_cost_usd_per_point",
    "solar_mwdc",
    "wind_mw",
    "battery_energy_mwh",
    "battery_power_mw",
    "backup_mw",
    "evaluations",
    "wall_s",
];

fn pareto_row(p: &ParetoPoint) -> Vec<String> {
    vec![
        format!("{}", p.target),
        format!("{}", p.feasible),
        format!("{}", p.renewable_fraction),
        format!("{}", p.cfe_score),
        format!("{:.0}", p.annualized_cost_usd),
        format!("{:.3}", p.lcoe_usd_per_mwh),
        p.extra_cost_usd_per_point
            .map_or(String::new(), |v| format!("{v:.0}")),
        format!("{:.3}", p.mix.solar_mwdc),
        format!("{:.3}", p.mix.wind_mw),
        format!("{:.3}", p.mix.battery_energy_mwh),
        format!("{:.3}", p.mix.battery_power_mw),
        format!("{:.3}", p.mix.backup_mw),
        format!("{}", p.evaluations),
        format!("{:.3}", p.wall_s),
    ]
}

/// Write the Pareto front as CSV.
pub fn write_pareto_csv<W: std::io::Write>(points: &[ParetoPoint], out: W) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(out);
    writeln!(w, "{}", PARETO_COLUMNS.join(","))?;
    for p in points {
        writeln!(w, "{}", pareto_row(p).join(","))?;
    }
    w.flush()
}

/// One optimization of a study.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudyJob {
    /// Position in the study (0-based); shard i of n runs the jobs with index % n == i - 1.
    pub index: usize,
    /// Cost case name (`base` or one of `optimizer.sensitivities`).
    pub case: String,
    /// Weather year (1 = the first of `--years`).
    pub weather_year: u32,
    pub target: f64,
}

/// The whole study of a scenario: every cost case x weather year x target.
#[derive(Clone, Debug)]
pub struct Study {
    pub scenario: Scenario,
    pub cases: Vec<SensitivityCase>,
    pub weathers: Vec<WeatherSource>,
    pub targets: Vec<f64>,
}

impl Study {
    /// The study `optimize` runs on `scenario`: the base case and its sensitivities; `years`
    /// weather years (synthetic seeds following the scenario's); the Pareto targets when
    /// `pareto` is set, else the scenario's own target.
    pub fn of(scenario: &Scenario, years: u32, pareto: bool, own_target: f64) -> Study {
        let mut cases = vec![SensitivityCase::default()];
        cases.extend(scenario.optimizer.sensitivities.iter().cloned());
        Study {
            scenario: scenario.clone(),
            cases,
            weathers: crate::sim::years::synthetic_years(scenario, years.max(1)),
            targets: if pareto {
                scenario_pareto_targets(&scenario.optimizer)
            } else {
                vec![own_target]
            },
        }
    }

    /// Every job, in a fixed order.
    pub fn jobs(&self) -> Vec<StudyJob> {
        let mut jobs = Vec::new();
        for c in &self.cases {
            for y in 0..self.weathers.len() {
                for &t in &self.targets {
                    jobs.push(StudyJob {
                        index: jobs.len(),
                        case: c.name.clone(),
                        weather_year: y as u32 + 1,
                        target: t,
                    });
                }
            }
        }
        jobs
    }

    /// Fingerprint of the study's definition: the scenario's canonical content, the cases,
    /// weather years and targets. Shards of one study share it.
    pub fn sha256(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(crate::scenario::to_ron_string(&self.scenario).unwrap_or_default());
        h.update(format!(
            "{:?}{:?}{:?}",
            self.cases, self.weathers, self.targets
        ));
        h.finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    }
}

/// The scenario with a cost case applied.
pub fn with_case(s: &Scenario, c: &SensitivityCase) -> Scenario {
    let mut s = s.clone();
    let e = &mut s.economics;
    e.solar_per_kwac.capex_usd_per_kw *= c.solar_capex_factor;
    e.wind_per_kw.capex_usd_per_kw *= c.wind_capex_factor;
    e.battery_power_per_kw.capex_usd_per_kw *= c.battery_capex_factor;
    e.battery_energy_per_kwh.capex_usd_per_kwh *= c.battery_capex_factor;
    for u in &mut s.backup {
        u.fuel_cost_usd_per_mwh_th *= c.backup_fuel_factor;
    }
    s
}

/// What one job found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobResult {
    pub job: StudyJob,
    pub weather: String,
    pub feasible: bool,
    /// Capacities as built (wind in whole turbines).
    pub capacities: Mix,
    pub annualized_cost_usd: f64,
    pub lcoe_usd_per_mwh: Option<f64>,
    pub renewable_fraction: f64,
    pub cfe_score: f64,
    pub evaluations: u64,
    pub wall_s: f64,
}

/// Run one job of `study`.
pub fn run_job(
    engine: &mut Engine,
    study: &Study,
    job: &StudyJob,
    base_dir: &Path,
    options: &SearchOptions,
    control: &Control,
) -> Result<JobResult, super::ProblemError> {
    let case = study
        .cases
        .iter()
        .find(|c| c.name == job.case)
        .cloned()
        .unwrap_or_default();
    let mut s = with_case(&study.scenario, &case);
    if let Some(w) = study
        .weathers
        .get(job.weather_year.saturating_sub(1) as usize)
    {
        s.weather = w.clone();
    }
    let profiles = engine.sizing_profiles(&s, base_dir)?;
    let mut problem = Problem::from_scenario(&s, &profiles)?;
    problem.target_value = job.target;
    let t0 = std::time::Instant::now();
    let o = optimize(&problem, options, control);
    let wall_s = t0.elapsed().as_secs_f64();
    let built = apply_mix(&s, &problem, &profiles, &o.best.mix);
    let r = engine.run(&built, base_dir)?;
    Ok(JobResult {
        job: job.clone(),
        weather: r.weather.source.clone(),
        feasible: o.best.feasible(),
        capacities: capacities_of(&built),
        annualized_cost_usd: r.kpis.annualized_cost_usd,
        lcoe_usd_per_mwh: r.kpis.lcoe_usd_per_mwh,
        renewable_fraction: r.kpis.renewable_fraction,
        cfe_score: r.kpis.cfe_score,
        evaluations: o.evaluations,
        wall_s,
    })
}

/// The result file of one shard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShardFile {
    /// Always `dakhla-planner shard`.
    pub format: String,
    pub program_version: String,
    pub study_sha256: String,
    pub scenario_name: String,
    /// This shard's number (1-based) and the number of shards.
    pub shard: u32,
    pub shards: u32,
    pub jobs_total: usize,
    pub results: Vec<JobResult>,
}

/// The format tag of shard files.
pub const SHARD_FORMAT: &str = "dakhla-planner shard";

/// The jobs of shard `i` of `n` (1-based `i`).
pub fn shard_jobs(jobs: &[StudyJob], i: u32, n: u32) -> Vec<StudyJob> {
    jobs.iter()
        .filter(|j| n > 0 && (j.index % n as usize) + 1 == i as usize)
        .cloned()
        .collect()
}

/// Parse `i/n` (1 <= i <= n).
pub fn parse_shard(text: &str) -> Result<(u32, u32), String> {
    let bad = || {
        format!(
            "--shard must look like i/n with 1 <= i <= n (e.g. 3/10 for the third of ten), got \
             `{text}`"
        )
    };
    let (a, b) = text.split_once('/').ok_or_else(bad)?;
    let i: u32 = a.trim().parse().map_err(|_| bad())?;
    let n: u32 = b.trim().parse().map_err(|_| bad())?;
    if i == 0 || n == 0 || i > n || n > 100_000 {
        return Err(bad());
    }
    Ok((i, n))
}

/// Combine shard files into the study's results, in job order. Fails, saying what is wrong,
/// when the shards come from different studies, repeat, or leave jobs missing.
pub fn merge(shards: &[(String, ShardFile)]) -> Result<Vec<JobResult>, String> {
    let Some((first_name, first)) = shards.first() else {
        return Err("no shard files given".into());
    };
    for (name, s) in shards {
        if s.format != SHARD_FORMAT {
            return Err(format!(
                "{name}: not a dakhla-planner shard file (format `{}`)",
                s.format
            ));
        }
        if s.study_sha256 != first.study_sha256 || s.shards != first.shards {
            return Err(format!(
                "{name}: from a different study than {first_name} (study {} of {} shards, \
                 against {} of {})",
                short(&s.study_sha256),
                s.shards,
                short(&first.study_sha256),
                first.shards
            ));
        }
    }
    let mut seen = std::collections::BTreeMap::new();
    for (name, s) in shards {
        if let Some(prev) = seen.insert(s.shard, name) {
            return Err(format!(
                "{name}: shard {}/{} is given twice (also {prev})",
                s.shard, s.shards
            ));
        }
    }
    let missing: Vec<String> = (1..=first.shards)
        .filter(|i| !seen.contains_key(i))
        .map(|i| format!("{i}/{}", first.shards))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "shards missing: {} (run `optimize --shard` for each)",
            missing.join(", ")
        ));
    }
    let mut all: Vec<JobResult> = shards
        .iter()
        .flat_map(|(_, s)| s.results.iter().cloned())
        .collect();
    all.sort_by_key(|r| r.job.index);
    if all.len() != first.jobs_total || all.iter().enumerate().any(|(k, r)| r.job.index != k) {
        return Err(format!(
            "the shards hold {} results for a study of {} jobs (a shard was cut short?)",
            all.len(),
            first.jobs_total
        ));
    }
    Ok(all)
}

fn short(sha: &str) -> &str {
    &sha[..sha.len().min(12)]
}

/// Columns of the merged study CSV (`merge --csv`).
pub const STUDY_COLUMNS: [&str; 15] = [
    "job",
    "case",
    "weather_year",
    "weather",
    "target",
    "feasible",
    "renewable_fraction",
    "cfe_score",
    "annualized_cost_usd",
    "lcoe_usd_per_mwh",
    "solar_mwdc",
    "wind_mw",
    "battery_energy_mwh",
    "battery_power_mw",
    "backup_mw",
];

/// Write merged study results as CSV.
pub fn write_study_csv<W: std::io::Write>(rows: &[JobResult], out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(STUDY_COLUMNS)?;
    for r in rows {
        w.write_record([
            r.job.index.to_string(),
            r.job.case.clone(),
            r.job.weather_year.to_string(),
            r.weather.clone(),
            r.job.target.to_string(),
            r.feasible.to_string(),
            r.renewable_fraction.to_string(),
            r.cfe_score.to_string(),
            format!("{:.0}", r.annualized_cost_usd),
            r.lcoe_usd_per_mwh
                .map_or(String::new(), |v| format!("{v:.3}")),
            format!("{:.3}", r.capacities.solar_mwdc),
            format!("{:.3}", r.capacities.wind_mw),
            format!("{:.3}", r.capacities.battery_energy_mwh),
            format!("{:.3}", r.capacities.battery_power_mw),
            format!("{:.3}", r.capacities.backup_mw),
        ])?;
    }
    w.flush()?;
    Ok(())
}
