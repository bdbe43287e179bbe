//! Studies made of many optimizations: the Pareto front of cost against the carbon-free share,
//! and the jobs of a study (Pareto targets x weather years x cost cases) split into shards that
//! separate machines run (`optimize --shard i/n`) and `merge` puts back together.

use super::{
    Control, Mix, Outcome, Problem, SearchOptions, TargetKind, apply_mix, capacities_of, optimize,
};
use crate::scenario::money::Currency;
use crate::scenario::{OptimizerSettings, Scenario, SensitivityCase, WeatherSource};
use crate::sim::Engine;
use crate::sim::kpis::Money;
use crate::text::{local_number, whole};
use dakhla_i18n::tr;
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
            let v = if k == 0 {
                from
            } else if k == n - 1 {
                to
            } else if a > 0.0 && b > 0.0 {
                1.0 - a * (b / a).powf(t)
            } else {
                from + (to - from) * t
            };
            // Rounding never puts a target outside the front's range.
            v.clamp(from.min(to), from.max(to))
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
    // A front varies the constrained share alone: the scenario's target on the other share does
    // not apply to its points.
    p.other_min = 0.0;
    let load_mwh = problem.load_mwh() * 8760.0 / (problem.load_mw.len() as f64 * problem.step_h);
    for (k, &t) in targets.iter().enumerate() {
        if control.cancel.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        p.target_value = t;
        let t0 = std::time::Instant::now();
        // After the first point, the previous answer is a good start: no grid, and a first
        // step of a sixteenth of each range (the answer moves little from one target to the
        // next; the search widens its window when it must go further).
        let opts = if k == 0 {
            *options
        } else {
            SearchOptions {
                extra_starts: 0,
                first_step: options.first_step.min(1.0 / 16.0),
                ..*options
            }
        };
        // A previous answer that already meets this target is its answer too: every mix that
        // meets the higher target meets the lower one, so the least-cost mix of the wider set
        // is the least-cost one of the narrower set when it lies in it (a target the
        // least-cost mix exceeds anyway). Searching again could only return a dearer mix.
        let kept = out.last().filter(|prev| {
            let prev_share = match p.target {
                TargetKind::RenewableFraction => prev.renewable_fraction,
                TargetKind::Cfe => prev.cfe_score,
            };
            prev.feasible && t >= prev.target && prev_share >= t
        });
        let o = match kept {
            Some(prev) => {
                let mut scratch = super::problem::Scratch::default();
                let best = p.evaluate(&prev.mix, &mut scratch);
                Outcome {
                    best,
                    evaluations: 1,
                    cancelled: false,
                }
            }
            None => optimize(&p, &opts, control),
        };
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
        // The next start: this answer, moved on along the front as from the previous point
        // (the optimum moves smoothly with the target; the search corrects the rest).
        p.start = e.mix;
        if let (Some(prev), Some(&next_t)) = (out.iter().rev().nth(1), targets.get(k + 1))
            && e.feasible()
            && prev.feasible
        {
            let ratio = (next_t - t) / (t - prev.target);
            if ratio.is_finite() && ratio > 0.0 {
                let ratio = ratio.min(2.0);
                for i in 0..4 {
                    let (now, before) = (e.mix.get(i), prev.mix.get(i));
                    p.start.set(i, (now + (now - before) * ratio).max(0.0));
                }
            }
        }
    }
    out
}

/// The flexible shares of the Pareto-by-flexibility chart (issue 18) [-].
pub const FLEXIBILITY_FRONT_SHARES: [f64; 4] = [0.0, 0.1, 0.2, 0.3];

/// `s` with `share` of its work flexible: the rack groups that declare flexibility get that
/// share (their windows and ramp limits kept); when none does, every group gets it within
/// local days (24 h windows), so a planner sees what flexibility would be worth.
pub fn with_flexible_share(s: &Scenario, share: f64) -> Scenario {
    let mut out = s.clone();
    let declared = s
        .datacenter
        .rack_groups
        .iter()
        .any(|g| g.flexibility.is_some());
    for g in &mut out.datacenter.rack_groups {
        match &mut g.flexibility {
            Some(f) => f.share_frac = share,
            None if !declared => {
                g.flexibility = Some(crate::scenario::Flexibility {
                    share_frac: share,
                    window_h: 24,
                    ramp_frac_per_h: None,
                })
            }
            None => {}
        }
    }
    out
}

/// The Pareto front of one flexible share.
#[derive(Clone, Debug, PartialEq)]
pub struct FlexibilityFront {
    /// The share of the flexible groups' energy that may move [-].
    pub share_frac: f64,
    pub points: Vec<ParetoPoint>,
}

/// One Pareto front of `targets` per flexible share of `shares` ([`with_flexible_share`]), each
/// with the supply and storage co-sized with that flexibility. `on_point` sees (front, point
/// index, point) as they are found.
#[allow(clippy::too_many_arguments)]
pub fn flexibility_fronts(
    engine: &mut Engine,
    s: &Scenario,
    base_dir: &Path,
    shares: &[f64],
    targets: &[f64],
    options: &SearchOptions,
    control: &Control,
    mut on_point: impl FnMut(usize, usize, &ParetoPoint),
) -> Result<Vec<FlexibilityFront>, super::ProblemError> {
    let mut out = Vec::with_capacity(shares.len());
    for (k, &share) in shares.iter().enumerate() {
        if control.cancel.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        let flexible = with_flexible_share(s, share);
        let profiles = engine.sizing_profiles(&flexible, base_dir)?;
        let problem = Problem::from_scenario(&flexible, &profiles)?;
        let points = pareto(&problem, targets, options, control, |i, p| {
            on_point(k, i, p)
        });
        out.push(FlexibilityFront {
            share_frac: share,
            points,
        });
    }
    Ok(out)
}

/// Columns of the Pareto CSV (`optimize --pareto`): the front's figures, one column per
/// decision variable ([`super::DECISION_VARS`]), then the search's effort. Money in US dollars;
/// [`pareto_columns_in`] adds the scenario's currency.
pub fn pareto_columns() -> Vec<&'static str> {
    ["target", "feasible", "renewable_fraction", "cfe_score"]
        .into_iter()
        .chain(PARETO_MONEY_COLUMNS)
        .chain(super::DECISION_VARS.iter().map(|v| v.key))
        .chain(["evaluations", "wall_s"])
        .collect()
}

/// The money columns of the Pareto CSV, in US dollars.
const PARETO_MONEY_COLUMNS: [&str; 3] = [
    "annualized_cost_usd",
    "lcoe_usd_per_mwh",
    "extra_cost_usd_per_point",
];

/// The money columns of the merged study CSV, in US dollars.
const STUDY_MONEY_COLUMNS: [&str; 2] = ["annualized_cost_usd", "lcoe_usd_per_mwh"];

/// `columns` with, for a currency other than USD, the money ones (`usd_columns`) again in that
/// currency right after the last of them, `usd` replaced by the currency's code
/// (`annualized_cost_mad`): the US dollar columns keep their names and places before them.
fn with_currency_columns(columns: Vec<&str>, usd_columns: &[&str], money: &Money) -> Vec<String> {
    let mut out: Vec<String> = columns.iter().map(|c| (*c).to_owned()).collect();
    if money.currency == Currency::Usd {
        return out;
    }
    let last = columns
        .iter()
        .rposition(|c| usd_columns.contains(c))
        .map_or(out.len(), |k| k + 1);
    out.splice(
        last..last,
        usd_columns.iter().map(|c| money.currency.rekey(c)),
    );
    out
}

/// The columns of the Pareto CSV of a scenario counting in `money`'s currency: exactly
/// [`pareto_columns`] in US dollars; in another currency the money columns again in it
/// (`annualized_cost_mad`, `lcoe_mad_per_mwh`, `extra_cost_mad_per_point`) after
/// `extra_cost_usd_per_point`.
pub fn pareto_columns_in(money: &Money) -> Vec<String> {
    with_currency_columns(pareto_columns(), &PARETO_MONEY_COLUMNS, money)
}

fn pareto_row(p: &ParetoPoint, money: &Money) -> Vec<String> {
    let costs = |m: &dyn Fn(f64) -> f64| {
        [
            format!("{:.0}", m(p.annualized_cost_usd)),
            format!("{:.3}", m(p.lcoe_usd_per_mwh)),
            p.extra_cost_usd_per_point
                .map_or(String::new(), |v| format!("{:.0}", m(v))),
        ]
    };
    let in_currency = (money.currency != Currency::Usd).then(|| costs(&|v| money.from_usd(v)));
    [
        format!("{}", p.target),
        format!("{}", p.feasible),
        format!("{}", p.renewable_fraction),
        format!("{}", p.cfe_score),
    ]
    .into_iter()
    .chain(costs(&|v| v))
    .chain(in_currency.into_iter().flatten())
    .chain(p.mix.entries().map(|(_, x)| format!("{x:.3}")))
    .chain([format!("{}", p.evaluations), format!("{:.3}", p.wall_s)])
    .collect()
}

/// Write the Pareto front as CSV ([`pareto_columns_in`]), money in US dollars and, for a
/// scenario counting in another currency, in that currency too.
pub fn write_pareto_csv<W: std::io::Write>(
    points: &[ParetoPoint],
    money: &Money,
    out: W,
) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(out);
    writeln!(w, "{}", pareto_columns_in(money).join(","))?;
    for p in points {
        writeln!(w, "{}", pareto_row(p, money).join(","))?;
    }
    w.flush()
}

/// One optimization of a study.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// Whether the targets are a Pareto front's (then the scenario's target on the other share
    /// does not apply, as in [`pareto`]).
    pub pareto: bool,
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
            pareto,
        }
    }

    /// Number of jobs (cases x weather years x targets), counted without listing them; `None`
    /// when it overflows.
    pub fn job_count(&self) -> Option<usize> {
        self.cases
            .len()
            .checked_mul(self.weathers.len())?
            .checked_mul(self.targets.len())
    }

    /// The study's size, refused in words when larger than [`MAX_STUDY_JOBS`] (before any job
    /// is listed).
    pub fn check_size(&self) -> Result<usize, String> {
        match self.job_count() {
            Some(n) if n <= MAX_STUDY_JOBS => Ok(n),
            n => Err(tr!(
                "engine-study-too-large",
                jobs = n.map_or_else(|| tr!("engine-study-too-many"), |n| whole(n as u64)),
                cases = whole(self.cases.len() as u64),
                years = whole(self.weathers.len() as u64),
                targets = whole(self.targets.len() as u64),
                max = whole(MAX_STUDY_JOBS as u64)
            )),
        }
    }

    /// Names of the cost cases, in job order.
    pub fn case_names(&self) -> Vec<String> {
        self.cases.iter().map(|c| c.name.clone()).collect()
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
        let scenario = crate::scenario::to_ron_string(&self.scenario).unwrap_or_default();
        let definition = format!("{:?}{:?}{:?}", self.cases, self.weathers, self.targets);
        crate::hash::sha256_hex_of_parts([scenario.as_bytes(), definition.as_bytes()])
    }
}

/// The scenario with a cost case applied.
pub fn with_case(s: &Scenario, c: &SensitivityCase) -> Scenario {
    let mut s = s.clone();
    let e = &mut s.economics;
    e.solar_per_kwac.capex_per_kw *= c.solar_capex_factor;
    e.wind_per_kw.capex_per_kw *= c.wind_capex_factor;
    e.battery_power_per_kw.capex_per_kw *= c.battery_capex_factor;
    e.battery_energy_per_kwh.capex_per_kwh *= c.battery_capex_factor;
    for u in &mut s.backup {
        u.fuel_cost_per_mwh_th *= c.backup_fuel_factor;
    }
    match c.flexible_share_frac {
        Some(share) => with_flexible_share(&s, share),
        None => s,
    }
}

/// What one job found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    // The case by the job's number (the study's order), not by its name.
    let per_case = (study.weathers.len() * study.targets.len()).max(1);
    let case = study
        .cases
        .get(job.index / per_case)
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
    if study.pareto {
        problem.other_min = 0.0;
    }
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

/// Most jobs in one study (cases x weather years x targets): checked before any is listed.
pub const MAX_STUDY_JOBS: usize = 100_000;
/// Most shards a study is split into.
pub const MAX_SHARDS: u32 = 100_000;
/// Largest shard result file that is read [bytes]: a job's result is about 600 bytes, so this
/// holds a whole study of [`MAX_STUDY_JOBS`] jobs in one shard with room to spare.
pub const MAX_SHARD_FILE_BYTES: u64 = 128_000_000;
/// Largest annualized cost (and LCOE) a job can have [USD/yr]: every capacity at its field's
/// maximum and the dearest cost figures validation allows stay below it.
const MAX_ANNUAL_COST_USD: f64 = 1e16;
/// Largest exchange rate a shard file can give [units per US dollar]: the largest the
/// scenario's fields allow.
const MAX_PER_USD: f64 = 1_000.0;
/// Longest a job can have run [s] (four months: a study's job runs in seconds to minutes).
const MAX_JOB_WALL_S: f64 = 1e7;
/// Missing shards listed by name in a message, at most (the rest are counted).
const MAX_LISTED: usize = 10;

/// The result file of one shard. Every field is checked by [`merge`]: a shard file travels
/// between machines and is not trusted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShardFile {
    /// Always `dakhla-planner shard`.
    pub format: String,
    pub program_version: String,
    pub study_sha256: String,
    pub scenario_name: String,
    /// The currency the study's scenario counts in, with its rate: the results stay in US
    /// dollars and `merge` shows them in it too. Absent from the files of earlier versions
    /// (read as US dollars).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<ShardCurrency>,
    /// This shard's number (1-based) and the number of shards.
    pub shard: u32,
    pub shards: u32,
    pub jobs_total: usize,
    /// The study's definition, so that every job can be checked: the cost case names, the
    /// number of weather years and the targets. Job k is case `k / (years x targets)`, weather
    /// year `(k / targets) % years + 1`, target `targets[k % targets]`.
    pub cases: Vec<String>,
    pub weather_years: u32,
    pub targets: Vec<f64>,
    pub results: Vec<JobResult>,
    /// SHA-256 of `results` as compact JSON: a value changed after the shard was written is
    /// caught.
    pub results_sha256: String,
}

/// The format tag of shard files.
pub const SHARD_FORMAT: &str = "dakhla-planner shard";

/// A shard file's `currency`: `{code, per_usd, as_of}` as in the JSON outputs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShardCurrency {
    pub code: Currency,
    /// Units of `code` per US dollar.
    pub per_usd: f64,
    /// The day of the rate.
    pub as_of: String,
}

impl ShardCurrency {
    /// The currency and rate of `money`.
    pub fn of(money: &Money) -> ShardCurrency {
        ShardCurrency {
            code: money.currency,
            per_usd: money.per_usd,
            as_of: money.as_of.clone(),
        }
    }

    /// As the views use it.
    pub fn money(&self) -> Money {
        Money {
            currency: self.code,
            per_usd: self.per_usd,
            as_of: self.as_of.clone(),
        }
    }
}

impl ShardFile {
    /// The shard file of jobs `results` of shard `shard` of `shards` of `study`.
    pub fn new(study: &Study, shard: u32, shards: u32, results: Vec<JobResult>) -> ShardFile {
        ShardFile {
            format: SHARD_FORMAT.into(),
            program_version: env!("CARGO_PKG_VERSION").into(),
            study_sha256: study.sha256(),
            scenario_name: study.scenario.meta.name.clone(),
            currency: Some(ShardCurrency::of(&Money::of(&study.scenario.economics))),
            shard,
            shards,
            jobs_total: study.job_count().unwrap_or(0),
            cases: study.case_names(),
            weather_years: study.weathers.len() as u32,
            targets: study.targets.clone(),
            results_sha256: results_sha256(&results),
            results,
        }
    }

    /// The currency money is shown in: the study's, US dollars for a file without one.
    pub fn money(&self) -> Money {
        self.currency
            .as_ref()
            .map_or_else(Money::default, ShardCurrency::money)
    }
}

/// SHA-256 of results as compact JSON.
pub fn results_sha256(results: &[JobResult]) -> String {
    let text = serde_json::to_string(results).unwrap_or_default();
    crate::hash::sha256_hex(text.as_bytes())
}

/// The jobs of shard `i` of `n` (1-based `i`).
pub fn shard_jobs(jobs: &[StudyJob], i: u32, n: u32) -> Vec<StudyJob> {
    jobs.iter()
        .filter(|j| n > 0 && (j.index % n as usize) + 1 == i as usize)
        .cloned()
        .collect()
}

/// Number of jobs of shard `i` of `n` in a study of `total` jobs.
fn jobs_in_shard(total: usize, i: u32, n: u32) -> usize {
    let first = (i as usize).saturating_sub(1);
    if n == 0 || first >= total {
        0
    } else {
        (total - first).div_ceil(n as usize)
    }
}

/// Parse `i/n` (1 <= i <= n <= [`MAX_SHARDS`]).
pub fn parse_shard(text: &str) -> Result<(u32, u32), String> {
    let bad = || {
        tr!(
            "engine-shard-argument",
            max = MAX_SHARDS.to_string(),
            value = crate::text::shorten(text)
        )
    };
    let (a, b) = text.split_once('/').ok_or_else(bad)?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
    if !digits(a) || !digits(b) {
        return Err(bad());
    }
    let i: u32 = a.parse().map_err(|_| bad())?;
    let n: u32 = b.parse().map_err(|_| bad())?;
    if i == 0 || n == 0 || i > n || n > MAX_SHARDS {
        return Err(bad());
    }
    Ok((i, n))
}

/// Read a shard result file: refused unread when it is not a file or larger than
/// [`MAX_SHARD_FILE_BYTES`], and refused without showing its content when it is not a shard
/// file of this program. Messages start with `name`.
pub fn read_shard_file(path: &Path, name: &str) -> Result<ShardFile, String> {
    use crate::files::InputError;
    let bytes = crate::files::read_input(path, MAX_SHARD_FILE_BYTES).map_err(|e| match e {
        InputError::NotAFile(kind) => tr!(
            "engine-shard-not-a-file",
            name = name,
            kind = crate::files::kind_text(kind)
        ),
        InputError::TooLarge(bytes) => tr!(
            "engine-shard-too-large",
            name = name,
            size = local_number(format!("{:.1}", bytes as f64 / 1e6)),
            max = local_number(format!("{:.0}", MAX_SHARD_FILE_BYTES as f64 / 1e6))
        ),
        other => tr!(
            "engine-shard-cannot-read",
            name = name,
            error = other.to_string()
        ),
    })?;
    parse_shard_text(&bytes, name)
}

/// Parse the bytes of a shard result file (see [`read_shard_file`]).
pub fn parse_shard_text(bytes: &[u8], name: &str) -> Result<ShardFile, String> {
    parse_tagged(bytes, name, SHARD_FORMAT, "dakhla-planner optimize --shard")
}

/// The `format` tag of a JSON object's bytes, if it has a text one (nothing else is kept).
pub fn format_tag(bytes: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct Tag {
        #[serde(default)]
        format: Option<serde_json::Value>,
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let tag: Tag = serde_json::from_str(text).ok()?;
    tag.format?.as_str().map(str::to_owned)
}

/// Parse the bytes of a result file tagged `"format": format`, written by `producer`:
/// refused without showing its content when it is not one; a field of the wrong type is named
/// by its path, line and column.
pub(crate) fn parse_tagged<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    name: &str,
    format: &str,
    producer: &str,
) -> Result<T, String> {
    let not_shard = |why: String| {
        tr!(
            "engine-shard-not-shard",
            name = name,
            producer = producer,
            why = why
        )
    };
    let text =
        std::str::from_utf8(bytes).map_err(|_| not_shard(tr!("engine-shard-why-not-utf8")))?;
    match text.trim_start().chars().next() {
        Some('{') => {}
        Some('[') => return Err(not_shard(tr!("engine-shard-why-json-list"))),
        _ => return Err(not_shard(tr!("engine-shard-why-not-json"))),
    }
    // The kind first, without keeping or showing anything else of the file.
    #[derive(Deserialize)]
    struct Tag {
        #[serde(default)]
        format: Option<serde_json::Value>,
    }
    let tag: Tag = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            not_shard(tr!("engine-shard-why-not-object"))
        } else {
            not_shard(tr!("engine-shard-why-not-json"))
        }
    })?;
    if tag.format.as_ref().and_then(|f| f.as_str()) != Some(format) {
        return Err(not_shard(tr!(
            "engine-shard-why-no-format",
            format = format
        )));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let what = inner.to_string();
        // serde_json ends its message with the position; keep the words, shortened.
        let words = what
            .rsplit_once(" at line ")
            .map_or(what.as_str(), |(w, _)| w);
        format!(
            "{name}:{}:{}: {}: {}",
            inner.line(),
            inner.column(),
            if path == "." {
                tr!("engine-shard-the-file")
            } else {
                // The path holds names from the file: a key of any length.
                crate::text::shorten_to(&path, 120)
            },
            crate::text::shorten_to(words, 120)
        )
    })
}

/// Check every field of one shard file: the study definition, the shard numbers, each job's
/// number and definition, each value's physical range and the results' fingerprint. The
/// message names the shard (`name`) and the field.
pub fn check_shard(name: &str, s: &ShardFile) -> Result<(), String> {
    let bad = |field: &str, what: String| {
        Err(tr!(
            "engine-shard-field-problem",
            name = name,
            field = field,
            what = what
        ))
    };
    if s.format != SHARD_FORMAT {
        return bad(
            "format",
            tr!("engine-shard-must-be-format", format = SHARD_FORMAT),
        );
    }
    if s.study_sha256.len() != 64
        || !s
            .study_sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return bad("study_sha256", tr!("engine-shard-must-be-sha"));
    }
    check_text(name, "program_version", &s.program_version, 64)?;
    check_text(name, "scenario_name", &s.scenario_name, 200)?;
    if let Some(c) = &s.currency {
        let usd = c.code == Currency::Usd;
        if !(c.per_usd.is_finite() && c.per_usd > 0.0 && c.per_usd <= MAX_PER_USD)
            || (usd && c.per_usd != 1.0)
        {
            return bad(
                "currency.per_usd",
                if usd {
                    tr!(
                        "engine-shard-rate-usd",
                        got = crate::text::figure(c.per_usd)
                    )
                } else {
                    tr!(
                        "engine-shard-rate",
                        max = local_number(MAX_PER_USD.to_string()),
                        got = crate::text::figure(c.per_usd)
                    )
                },
            );
        }
        check_text(name, "currency.as_of", &c.as_of, 64)?;
    }
    if s.shards == 0 || s.shards > MAX_SHARDS {
        return bad(
            "shards",
            tr!(
                "engine-shard-one-to",
                max = whole(MAX_SHARDS.into()),
                got = s.shards.to_string()
            ),
        );
    }
    if s.shard == 0 || s.shard > s.shards {
        return bad(
            "shard",
            tr!(
                "engine-shard-one-to-shards",
                shards = s.shards.to_string(),
                got = s.shard.to_string()
            ),
        );
    }
    if s.cases.is_empty() || s.cases.len() > crate::scenario::MAX_LIST_LEN + 1 {
        return bad(
            "cases",
            tr!(
                "engine-shard-cases-count",
                max = whole(crate::scenario::MAX_LIST_LEN as u64 + 1),
                got = whole(s.cases.len() as u64)
            ),
        );
    }
    for (k, c) in s.cases.iter().enumerate() {
        check_text(name, &format!("cases[{k}]"), c, 200)?;
        if c.trim().is_empty() {
            return bad(&format!("cases[{k}]"), tr!("engine-shard-case-needs-name"));
        }
        if s.cases[..k].contains(c) {
            return bad(
                &format!("cases[{k}]"),
                tr!("engine-shard-case-twice", case = crate::text::shorten(c)),
            );
        }
    }
    let base = SensitivityCase::default().name;
    if s.cases[0] != base {
        return bad("cases[0]", tr!("engine-shard-first-case", base = base));
    }
    if s.weather_years == 0 || s.weather_years > 1000 {
        return bad(
            "weather_years",
            tr!(
                "engine-shard-one-to",
                max = whole(1000),
                got = s.weather_years.to_string()
            ),
        );
    }
    if s.targets.is_empty() || s.targets.len() > 200 {
        return bad(
            "targets",
            tr!(
                "engine-shard-targets-count",
                got = whole(s.targets.len() as u64)
            ),
        );
    }
    for (k, t) in s.targets.iter().enumerate() {
        if !(0.0..=1.0).contains(t) {
            return bad(
                &format!("targets[{k}]"),
                tr!("engine-shard-share", got = local_number(t.to_string())),
            );
        }
        if k > 0 && *t <= s.targets[k - 1] {
            return bad(
                &format!("targets[{k}]"),
                tr!(
                    "engine-shard-targets-rise",
                    previous = local_number(s.targets[k - 1].to_string()),
                    got = local_number(t.to_string())
                ),
            );
        }
    }
    let (years, per_case) = (s.weather_years as usize, s.targets.len());
    let total = s.cases.len() * years * per_case;
    if s.jobs_total != total || total > MAX_STUDY_JOBS {
        return bad(
            "jobs_total",
            tr!(
                "engine-shard-jobs-total",
                cases = s.cases.len().to_string(),
                years = years.to_string(),
                targets = per_case.to_string(),
                total = total.to_string(),
                max = whole(MAX_STUDY_JOBS as u64),
                got = s.jobs_total.to_string()
            ),
        );
    }
    let expected = jobs_in_shard(total, s.shard, s.shards);
    if s.results.len() != expected {
        return bad(
            "results",
            tr!(
                "engine-shard-results-count",
                shard = s.shard.to_string(),
                shards = s.shards.to_string(),
                total = whole(total as u64),
                expected = whole(expected as u64),
                got = whole(s.results.len() as u64)
            ),
        );
    }
    let mut previous: Option<usize> = None;
    for (k, r) in s.results.iter().enumerate() {
        let at = |f: &str| format!("results[{k}].{f}");
        let j = &r.job;
        if j.index >= total || j.index % s.shards as usize != (s.shard - 1) as usize {
            return bad(
                &at("job.index"),
                tr!(
                    "engine-shard-job-not-in-shard",
                    job = j.index.to_string(),
                    shard = s.shard.to_string(),
                    shards = s.shards.to_string(),
                    first = (s.shard - 1).to_string(),
                    total = total.to_string()
                ),
            );
        }
        if previous.is_some_and(|p| j.index <= p) {
            return bad(
                &at("job.index"),
                tr!("engine-shard-job-order", job = j.index.to_string()),
            );
        }
        previous = Some(j.index);
        let case = &s.cases[j.index / (years * per_case)];
        let year = (j.index / per_case) % years + 1;
        let target = s.targets[j.index % per_case];
        if j.case != *case {
            return bad(
                &at("job.case"),
                tr!(
                    "engine-shard-job-case",
                    job = j.index.to_string(),
                    case = case.as_str(),
                    got = crate::text::shorten(&j.case)
                ),
            );
        }
        if j.weather_year as usize != year {
            return bad(
                &at("job.weather_year"),
                tr!(
                    "engine-shard-job-year",
                    job = j.index.to_string(),
                    year = year.to_string(),
                    got = j.weather_year.to_string()
                ),
            );
        }
        if j.target.to_bits() != target.to_bits() {
            return bad(
                &at("job.target"),
                tr!(
                    "engine-shard-job-target",
                    job = j.index.to_string(),
                    target = local_number(target.to_string()),
                    got = local_number(j.target.to_string())
                ),
            );
        }
        check_text(name, &at("weather"), &r.weather, 1000)?;
        for (f, v) in [
            ("renewable_fraction", r.renewable_fraction),
            ("cfe_score", r.cfe_score),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return bad(
                    &at(f),
                    tr!("engine-shard-share", got = local_number(v.to_string())),
                );
            }
        }
        if r.cfe_score < r.renewable_fraction - 1e-9 {
            return bad(
                &at("cfe_score"),
                tr!(
                    "engine-shard-cfe-below-rf",
                    cfe = local_number(r.cfe_score.to_string()),
                    rf = local_number(r.renewable_fraction.to_string())
                ),
            );
        }
        // The CFE score is at least the renewable fraction: whichever share the target
        // constrains, a job that meets it has a CFE score at the target or above.
        if r.feasible && r.cfe_score < j.target - 1e-6 {
            return bad(
                &at("feasible"),
                tr!(
                    "engine-shard-feasible",
                    job = j.index.to_string(),
                    target = local_number(j.target.to_string()),
                    cfe = local_number(r.cfe_score.to_string())
                ),
            );
        }
        if !(r.annualized_cost_usd.is_finite()
            && (0.0..=MAX_ANNUAL_COST_USD).contains(&r.annualized_cost_usd))
        {
            return bad(
                &at("annualized_cost_usd"),
                tr!(
                    "engine-shard-cost",
                    max = crate::text::figure(MAX_ANNUAL_COST_USD),
                    got = crate::text::figure(r.annualized_cost_usd)
                ),
            );
        }
        if let Some(l) = r.lcoe_usd_per_mwh
            && !(l.is_finite() && (0.0..=MAX_ANNUAL_COST_USD).contains(&l))
        {
            return bad(
                &at("lcoe_usd_per_mwh"),
                tr!(
                    "engine-shard-lcoe",
                    max = crate::text::figure(MAX_ANNUAL_COST_USD),
                    got = crate::text::figure(l)
                ),
            );
        }
        if r.evaluations == 0 {
            return bad(&at("evaluations"), tr!("engine-shard-evaluations"));
        }
        for (var, v) in r.capacities.entries() {
            let f = var.key;
            if !(0.0..=crate::scenario::MAX_CAPACITY).contains(&v) {
                return bad(
                    &at(&format!("capacities.{f}")),
                    tr!(
                        "engine-shard-capacity",
                        max = local_number(crate::scenario::MAX_CAPACITY.to_string()),
                        got = local_number(v.to_string())
                    ),
                );
            }
        }
        if !(r.wall_s.is_finite() && (0.0..=MAX_JOB_WALL_S).contains(&r.wall_s)) {
            return bad(
                &at("wall_s"),
                tr!(
                    "engine-shard-wall",
                    max = local_number(MAX_JOB_WALL_S.to_string()),
                    got = crate::text::figure(r.wall_s)
                ),
            );
        }
    }
    if results_sha256(&s.results) != s.results_sha256 {
        return bad("results_sha256", tr!("engine-shard-results-tampered"));
    }
    Ok(())
}

/// A text field of a shard: at most `max` characters and no control characters.
pub(crate) fn check_text(name: &str, field: &str, text: &str, max: usize) -> Result<(), String> {
    if text.chars().count() > max {
        return Err(tr!(
            "engine-shard-text-too-long",
            name = name,
            field = field,
            max = whole(max as u64)
        ));
    }
    if let Some(c) = crate::text::first_unsafe_char(text, false) {
        return Err(tr!(
            "engine-shard-text-control",
            name = name,
            field = field,
            character = crate::text::describe_char(c)
        ));
    }
    Ok(())
}

/// "1/8, 2/8 ... and 99,997 more": at most [`MAX_LISTED`] items, the rest counted.
pub(crate) fn capped_list(items: impl Iterator<Item = String>, total: usize) -> String {
    let shown: Vec<String> = items.take(MAX_LISTED).collect();
    if total > MAX_LISTED {
        tr!(
            "engine-list-and-more",
            items = shown.join(", "),
            more = group_thousands(total - MAX_LISTED)
        )
    } else {
        shown.join(", ")
    }
}

/// 99997 -> "99,997" (in French "99 997", with a narrow no-break space).
pub(crate) fn group_thousands(n: usize) -> String {
    if dakhla_i18n::current() != dakhla_i18n::Lang::En {
        return whole(n as u64);
    }
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Combine shard files into the study's results, in job order. Each shard is checked
/// ([`check_shard`]); the set must come from one study, hold every shard once and agree on the
/// study's definition. Fails with a message naming the shard and the field.
pub fn merge(shards: &[(String, ShardFile)]) -> Result<Vec<JobResult>, String> {
    let mut m = Merger::default();
    for (name, s) in shards {
        m.add(name, s.clone())?;
    }
    m.finish()
}

/// The shards of one study put together one at a time ([`Merger::add`]), keeping only what the
/// merged table needs: memory follows the study's jobs, not the number of shard files.
#[derive(Debug, Default)]
pub struct Merger {
    /// The first shard's header (its results moved out) and file name.
    first: Option<(String, ShardFile)>,
    /// Shard number -> the file that gave it.
    seen: std::collections::BTreeMap<u32, String>,
    results: Vec<JobResult>,
}

impl Merger {
    /// Check one shard (see [`check_shard`]) against the first one given, and keep its results.
    pub fn add(&mut self, name: &str, mut s: ShardFile) -> Result<(), String> {
        check_shard(name, &s)?;
        if let Some((first_name, first)) = &self.first {
            same_study(name, &s, first_name, first)?;
        }
        if let Some(prev) = self.seen.insert(s.shard, name.to_owned()) {
            return Err(tr!(
                "engine-shard-given-twice",
                name = name,
                shard = s.shard.to_string(),
                shards = s.shards.to_string(),
                previous = prev
            ));
        }
        self.results.append(&mut s.results);
        if self.first.is_none() {
            self.first = Some((name.to_owned(), s));
        }
        Ok(())
    }

    /// The first shard's header (study id, scenario name...), once a shard was added.
    pub fn header(&self) -> Option<&ShardFile> {
        self.first.as_ref().map(|(_, s)| s)
    }

    /// The study's results in job order, when every shard was given.
    pub fn finish(self) -> Result<Vec<JobResult>, String> {
        let Some((_, first)) = &self.first else {
            return Err(tr!("engine-shard-none-given"));
        };
        every_shard_given(&self.seen, first.shards, "optimize")?;
        let mut all = self.results;
        all.sort_by_key(|r| r.job.index);
        if all.len() != first.jobs_total || all.iter().enumerate().any(|(k, r)| r.job.index != k) {
            return Err(tr!(
                "engine-shard-results-total",
                results = whole(all.len() as u64),
                jobs = whole(first.jobs_total as u64)
            ));
        }
        Ok(all)
    }
}

/// Whether every shard 1..=`shards` is in `seen`; else the missing ones, named (at most
/// [`MAX_LISTED`]) with the `command` that writes them.
pub(crate) fn every_shard_given(
    seen: &std::collections::BTreeMap<u32, String>,
    shards: u32,
    command: &str,
) -> Result<(), String> {
    let missing = (1..=shards).filter(|i| !seen.contains_key(i));
    let count = missing.clone().count();
    if count == 0 {
        return Ok(());
    }
    Err(tr!(
        "engine-shard-missing",
        missing = group_thousands(count),
        shards = group_thousands(shards as usize),
        list = capped_list(missing.map(|i| format!("{i}/{shards}")), count),
        command = command,
        n = shards.to_string()
    ))
}

/// Whether shard `s` (file `name`) is of the same study as `first`.
fn same_study(
    name: &str,
    s: &ShardFile,
    first_name: &str,
    first: &ShardFile,
) -> Result<(), String> {
    let differs = |field: &str, theirs: String, ours: String| {
        Err(tr!(
            "engine-shard-differs",
            name = name,
            field = field,
            theirs = theirs,
            first = first_name,
            ours = ours
        ))
    };
    if s.study_sha256 != first.study_sha256 {
        return differs(
            "study_sha256",
            tr!("engine-shard-study-id", id = short(&s.study_sha256)),
            tr!("engine-shard-study-id", id = short(&first.study_sha256)),
        );
    }
    if s.shards != first.shards {
        return differs(
            "shards",
            tr!("engine-shard-n-shards", count = s.shards.to_string()),
            format!("{}", first.shards),
        );
    }
    if s.program_version != first.program_version {
        return differs(
            "program_version",
            tr!("engine-shard-version", version = s.program_version.as_str()),
            first.program_version.clone(),
        );
    }
    if s.scenario_name != first.scenario_name {
        return differs(
            "scenario_name",
            format!("\"{}\"", crate::text::shorten(&s.scenario_name)),
            format!("\"{}\"", crate::text::shorten(&first.scenario_name)),
        );
    }
    let (theirs, ours) = (s.money(), first.money());
    if theirs.currency != ours.currency || theirs.per_usd.to_bits() != ours.per_usd.to_bits() {
        let words = |m: &Money| {
            format!(
                "{} ({} {}/USD, {})",
                m.currency.code(),
                local_number(m.per_usd.to_string()),
                m.currency.code(),
                crate::text::shorten(&m.as_of)
            )
        };
        return differs("currency", words(&theirs), words(&ours));
    }
    if s.cases != first.cases
        || s.weather_years != first.weather_years
        || s.targets != first.targets
    {
        return differs(
            "cases, weather_years, targets",
            tr!("engine-shard-another-definition"),
            tr!("engine-shard-a-different-one"),
        );
    }
    Ok(())
}

fn short(sha: &str) -> &str {
    crate::text::prefix_chars(sha, 12)
}

/// Columns of the merged study CSV (`merge --csv`): the job, its figures, one column per
/// decision variable. Money in US dollars; [`study_columns_in`] adds the study's currency.
pub fn study_columns() -> Vec<&'static str> {
    [
        "job",
        "case",
        "weather_year",
        "weather",
        "target",
        "feasible",
        "renewable_fraction",
        "cfe_score",
    ]
    .into_iter()
    .chain(STUDY_MONEY_COLUMNS)
    .chain(super::DECISION_VARS.iter().map(|v| v.key))
    .collect()
}

/// The columns of the merged study CSV of a study counting in `money`'s currency: exactly
/// [`study_columns`] in US dollars; in another currency `annualized_cost_mad` and
/// `lcoe_mad_per_mwh` (for MAD) after `lcoe_usd_per_mwh`.
pub fn study_columns_in(money: &Money) -> Vec<String> {
    with_currency_columns(study_columns(), &STUDY_MONEY_COLUMNS, money)
}

/// Write merged study results as CSV ([`study_columns_in`]), money in US dollars and, for a
/// study counting in another currency (its shards' [`ShardFile::money`]), in that currency too.
pub fn write_study_csv<W: std::io::Write>(
    rows: &[JobResult],
    money: &Money,
    out: W,
) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(study_columns_in(money))?;
    for r in rows {
        let costs = |m: &dyn Fn(f64) -> f64| {
            [
                format!("{:.0}", m(r.annualized_cost_usd)),
                r.lcoe_usd_per_mwh
                    .map_or(String::new(), |v| format!("{:.3}", m(v))),
            ]
        };
        let in_currency = (money.currency != Currency::Usd).then(|| costs(&|v| money.from_usd(v)));
        let fixed = [
            r.job.index.to_string(),
            r.job.case.clone(),
            r.job.weather_year.to_string(),
            r.weather.clone(),
            r.job.target.to_string(),
            r.feasible.to_string(),
            r.renewable_fraction.to_string(),
            r.cfe_score.to_string(),
        ];
        w.write_record(
            fixed
                .into_iter()
                .chain(costs(&|v| v))
                .chain(in_currency.into_iter().flatten())
                .chain(r.capacities.entries().map(|(_, x)| format!("{x:.3}"))),
        )?;
    }
    w.flush()?;
    Ok(())
}
