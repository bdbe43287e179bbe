//! Reliability studies over many machines: the sampled years of a run (`draws` x `years`,
//! numbered year by year, draws within: sample `k` is weather year `k / draws`, draw
//! `k % draws`) split into shards (`reliability --shard i/n` runs the samples whose number
//! modulo n is i-1) that `merge` puts back together. Every sample is deterministic (one random
//! stream per draw and weather year), so the merged statistics are those of the run in one
//! process, to the last bit.
//!
//! A shard file travels between machines and is not trusted: [`check_shard`] checks every field
//! (the study's definition, each sample's number and physical range, the results' SHA-256),
//! and [`Merger`] that the shards are of one study, each given once, none missing.

use super::adequacy::{
    AdequacyOptions, EVENT_BINS, EVENT_DURATION_BINS_H, FailureModel, ForesightComparison,
    SURVIVAL_DURATIONS_H, SampledYear, YearProfiles, sample_set,
};
use crate::optimize::study::{MAX_SHARDS, check_text, every_shard_given, format_tag, parse_tagged};
use crate::scenario::{DispatchMode, Scenario};
use crate::text::{local_number, whole};
use dakhla_i18n::tr;
use serde::{Deserialize, Serialize};
use std::sync::atomic::AtomicBool;

/// The format tag of reliability shard files.
pub const RELIABILITY_SHARD_FORMAT: &str = "dakhla-planner reliability shard";
/// Most sampled years (draws x weather years) one study may ask for: about a minute of work
/// in one process, and what its shards hold together.
pub const MAX_STUDY_SAMPLES: u64 = 2_000_000;
/// Most draws per weather year.
pub const MAX_DRAWS: u32 = 1_000_000;
/// Most weather years.
pub const MAX_YEARS: u32 = 1000;
/// Largest reliability shard file that is read [bytes]: a sample is about 250 bytes of JSON, so
/// this holds a whole study of [`MAX_STUDY_SAMPLES`] in one shard.
pub const MAX_SHARD_FILE_BYTES: u64 = 600_000_000;
/// Largest yearly energy a sample can hold [MWh/yr]: the largest campus validation allows
/// (20 GW) for a whole year, with room.
const MAX_ENERGY_MWH: f64 = 1e9;
/// Longest a shard can have run [s].
const MAX_WALL_S: f64 = 1e7;

/// Most unit-years (failing units x sampled years) one run samples: a few minutes of work.
/// Larger runs are refused in words before any work (or, in a report, left out with a note).
pub const MAX_UNIT_YEARS: u64 = 100_000_000;

/// Failing units x sampled years of a run of `s` with `options` (what its time follows).
pub fn unit_years(s: &Scenario, options: &AdequacyOptions) -> u64 {
    FailureModel::of(s)
        .unit_count()
        .saturating_mul(u64::from(options.draws) * u64::from(options.years))
}

/// One sampled year of a study, numbered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleResult {
    /// The sample's number in the study: weather year x draws + draw.
    pub sample: u64,
    /// Weather year (0-based) and draw of the sample.
    pub weather_year: u32,
    pub draw: u64,
    pub loss_of_load_h: f64,
    pub unserved_mwh: f64,
    pub events: f64,
    pub longest_event_h: f64,
    pub backup_mwh: f64,
    /// Shares of start hours ridden through a grid outage of each duration of
    /// [`SURVIVAL_DURATIONS_H`]; empty without a grid link.
    pub survival: Vec<f64>,
    /// Events per year in each duration bin of [`EVENT_DURATION_BINS_H`].
    pub events_by_duration: [f64; EVENT_BINS],
}

impl SampleResult {
    fn of(sample: u64, draws: u32, y: SampledYear) -> Self {
        SampleResult {
            sample,
            weather_year: (sample / u64::from(draws.max(1))) as u32,
            draw: sample % u64::from(draws.max(1)),
            loss_of_load_h: y.loss_of_load_h,
            unserved_mwh: y.unserved_mwh,
            events: y.events,
            longest_event_h: y.longest_event_h,
            backup_mwh: y.backup_mwh,
            survival: y.survival,
            events_by_duration: y.events_by_duration,
        }
    }

    /// The sampled year, for the statistics.
    pub fn sampled_year(&self) -> SampledYear {
        SampledYear {
            loss_of_load_h: self.loss_of_load_h,
            unserved_mwh: self.unserved_mwh,
            events: self.events,
            longest_event_h: self.longest_event_h,
            backup_mwh: self.backup_mwh,
            survival: self.survival.clone(),
            events_by_duration: self.events_by_duration,
        }
    }
}

/// Fingerprint of a reliability study: the scenario's canonical content (its failure data and
/// dispatch mode included), the draws, weather years and seed. Shards of one study share it.
pub fn study_sha256(s: &Scenario, o: &AdequacyOptions) -> String {
    let scenario = crate::scenario::to_ron_string(s).unwrap_or_default();
    let definition = format!("reliability {} {} {}", o.draws, o.years, o.seed);
    crate::hash::sha256_hex_of_parts([scenario.as_bytes(), definition.as_bytes()])
}

/// The result file of one shard of a reliability study.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReliabilityShard {
    /// Always `dakhla-planner reliability shard`.
    pub format: String,
    pub program_version: String,
    pub study_sha256: String,
    pub scenario_name: String,
    /// The dispatch mode, as the scenario writes it.
    pub dispatch: String,
    pub shard: u32,
    pub shards: u32,
    pub draws: u32,
    pub years: u32,
    pub seed: u64,
    /// draws x years.
    pub samples_total: u64,
    /// Whether the campus has a grid link (each sample then has a survival curve).
    pub grid_link: bool,
    /// The dispatch modes compared with nothing failing (the same in every shard).
    pub without_failures: ForesightComparison,
    /// Time this shard took [s].
    pub wall_s: f64,
    pub results: Vec<SampleResult>,
    /// SHA-256 of `results` as compact JSON: a value changed after the shard was written is
    /// caught.
    pub results_sha256: String,
}

/// SHA-256 of results as compact JSON.
pub fn results_sha256(results: &[SampleResult]) -> String {
    let text = serde_json::to_string(results).unwrap_or_default();
    crate::hash::sha256_hex(text.as_bytes())
}

/// Number of samples of shard `i` of `n` in a study of `total`.
pub fn samples_in_shard(total: u64, i: u32, n: u32) -> u64 {
    let first = u64::from(i.saturating_sub(1));
    if n == 0 || first >= total {
        0
    } else {
        (total - first).div_ceil(u64::from(n))
    }
}

/// Run shard `shard` of `shards` of the study of `s` (`shard 1 of 1`: the whole study):
/// every sample whose number modulo `shards` is `shard - 1`. `progress(done, total)` after
/// each; stops early when `cancel` is set (the shard is then incomplete and `merge` says so).
#[allow(clippy::too_many_arguments)]
pub fn run_shard(
    s: &Scenario,
    model: &FailureModel,
    years: &[YearProfiles],
    options: &AdequacyOptions,
    shard: u32,
    shards: u32,
    cancel: &AtomicBool,
    progress: impl FnMut(usize, usize),
) -> ReliabilityShard {
    let t0 = std::time::Instant::now();
    let n = u64::from(shards.max(1));
    let mine = u64::from(shard.saturating_sub(1));
    let sampled = sample_set(
        model,
        years,
        options.draws,
        options.seed,
        |k| k % n == mine,
        cancel,
        progress,
    );
    let results: Vec<SampleResult> = sampled
        .into_iter()
        .map(|(k, y)| SampleResult::of(k, options.draws, y))
        .collect();
    ReliabilityShard {
        format: RELIABILITY_SHARD_FORMAT.into(),
        program_version: env!("CARGO_PKG_VERSION").into(),
        study_sha256: study_sha256(s, options),
        scenario_name: s.meta.name.clone(),
        dispatch: s.simulation.dispatch.label(),
        shard,
        shards,
        draws: options.draws,
        years: options.years,
        seed: options.seed,
        samples_total: u64::from(options.draws) * u64::from(options.years),
        grid_link: model.has_grid_link(),
        without_failures: ForesightComparison::of(model, years),
        wall_s: t0.elapsed().as_secs_f64(),
        results_sha256: results_sha256(&results),
        results,
    }
}

/// A whole reliability run of a scenario, as the window and the report show it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Assessment {
    pub stats: super::AdequacyStats,
    /// The dispatch modes compared with nothing failing.
    pub without_failures: ForesightComparison,
    pub draws: u32,
    pub years: u32,
    pub seed: u64,
    /// The dispatch mode, as the scenario writes it.
    pub dispatch: String,
    /// Whether the run finished (a cancelled run holds the samples done so far).
    pub complete: bool,
}

/// Run the reliability Monte Carlo of `s` in one process: `progress(done, total)` after each
/// sampled year; `cancel` stops it (the statistics are then of the samples done).
pub fn assess(
    s: &Scenario,
    base_dir: &std::path::Path,
    options: &AdequacyOptions,
    cancel: &AtomicBool,
    progress: impl FnMut(usize, usize),
) -> Result<Assessment, crate::sim::SimError> {
    let years = super::adequacy::year_profiles(s, base_dir, options.years)?;
    let model = FailureModel::of(s);
    let run = run_shard(s, &model, &years, options, 1, 1, cancel, progress);
    let sampled: Vec<SampledYear> = run.results.iter().map(SampleResult::sampled_year).collect();
    Ok(Assessment {
        stats: super::AdequacyStats::of(&sampled),
        complete: run.results.len() as u64 == run.samples_total,
        without_failures: run.without_failures,
        draws: options.draws,
        years: options.years,
        seed: options.seed,
        dispatch: run.dispatch,
    })
}

/// Whether `bytes` are a reliability shard file (by its `format` tag alone).
pub fn is_reliability_shard(bytes: &[u8]) -> bool {
    format_tag(bytes).as_deref() == Some(RELIABILITY_SHARD_FORMAT)
}

/// Parse the bytes of a reliability shard file; messages start with `name`.
pub fn parse_shard_text(bytes: &[u8], name: &str) -> Result<ReliabilityShard, String> {
    parse_tagged(
        bytes,
        name,
        RELIABILITY_SHARD_FORMAT,
        "dakhla-planner reliability --shard",
    )
}

/// Check every field of one reliability shard file; the message names the shard (`name`) and
/// the field.
pub fn check_shard(name: &str, s: &ReliabilityShard) -> Result<(), String> {
    let bad = |field: &str, what: String| {
        Err(tr!(
            "engine-shard-field-problem",
            name = name,
            field = field,
            what = what
        ))
    };
    if s.format != RELIABILITY_SHARD_FORMAT {
        return bad(
            "format",
            tr!(
                "engine-shard-must-be-format",
                format = RELIABILITY_SHARD_FORMAT
            ),
        );
    }
    let is_sha = |t: &str| {
        t.len() == 64
            && t.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    };
    if !is_sha(&s.study_sha256) {
        return bad("study_sha256", tr!("engine-shard-must-be-sha"));
    }
    check_text(name, "program_version", &s.program_version, 64)?;
    check_text(name, "scenario_name", &s.scenario_name, 200)?;
    check_text(name, "dispatch", &s.dispatch, 64)?;
    match DispatchMode::parse(&s.dispatch) {
        Ok(m) if m.label() == s.dispatch => {}
        _ => {
            return bad("dispatch", tr!("engine-shard-dispatch"));
        }
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
    if s.draws == 0 || s.draws > MAX_DRAWS {
        return bad(
            "draws",
            tr!(
                "engine-shard-one-to",
                max = whole(MAX_DRAWS.into()),
                got = s.draws.to_string()
            ),
        );
    }
    if s.years == 0 || s.years > MAX_YEARS {
        return bad(
            "years",
            tr!(
                "engine-shard-one-to",
                max = whole(MAX_YEARS.into()),
                got = s.years.to_string()
            ),
        );
    }
    let total = u64::from(s.draws) * u64::from(s.years);
    if s.samples_total != total || total > MAX_STUDY_SAMPLES {
        return bad(
            "samples_total",
            tr!(
                "engine-shard-samples-total",
                draws = s.draws.to_string(),
                years = s.years.to_string(),
                total = total.to_string(),
                max = whole(MAX_STUDY_SAMPLES),
                got = s.samples_total.to_string()
            ),
        );
    }
    if u64::from(s.shards) > total {
        return bad(
            "shards",
            tr!(
                "engine-shard-more-shards-than-samples",
                total = whole(total),
                got = whole(s.shards.into())
            ),
        );
    }
    if !(s.wall_s.is_finite() && (0.0..=MAX_WALL_S).contains(&s.wall_s)) {
        return bad(
            "wall_s",
            tr!(
                "engine-shard-wall-seconds",
                max = local_number(MAX_WALL_S.to_string()),
                got = local_number(s.wall_s.to_string())
            ),
        );
    }
    check_comparison(name, &s.without_failures)?;
    let expected = samples_in_shard(total, s.shard, s.shards);
    if s.results.len() as u64 != expected {
        return bad(
            "results",
            tr!(
                "engine-shard-samples-count",
                shard = s.shard.to_string(),
                shards = s.shards.to_string(),
                total = whole(total),
                expected = whole(expected),
                got = whole(s.results.len() as u64)
            ),
        );
    }
    let mut previous: Option<u64> = None;
    let survival_len = if s.grid_link {
        SURVIVAL_DURATIONS_H.len()
    } else {
        0
    };
    for (k, r) in s.results.iter().enumerate() {
        let at = |f: &str| format!("results[{k}].{f}");
        if r.sample >= total || r.sample % u64::from(s.shards) != u64::from(s.shard - 1) {
            return bad(
                &at("sample"),
                tr!(
                    "engine-shard-sample-not-in-shard",
                    sample = r.sample.to_string(),
                    shard = s.shard.to_string(),
                    shards = s.shards.to_string(),
                    first = (s.shard - 1).to_string(),
                    total = total.to_string()
                ),
            );
        }
        if previous.is_some_and(|p| r.sample <= p) {
            return bad(
                &at("sample"),
                tr!("engine-shard-sample-order", sample = r.sample.to_string()),
            );
        }
        previous = Some(r.sample);
        let (year, draw) = (r.sample / u64::from(s.draws), r.sample % u64::from(s.draws));
        if u64::from(r.weather_year) != year || r.draw != draw {
            return bad(
                &at("weather_year"),
                tr!(
                    "engine-shard-sample-year",
                    sample = r.sample.to_string(),
                    year = year.to_string(),
                    draw = draw.to_string(),
                    got_year = r.weather_year.to_string(),
                    got_draw = r.draw.to_string()
                ),
            );
        }
        let range = |field: &str, v: f64, max: f64, unit: &str| {
            if v.is_finite() && (0.0..=max).contains(&v) {
                Ok(())
            } else {
                bad(
                    &at(field),
                    tr!(
                        "engine-shard-zero-to-unit",
                        max = crate::text::figure(max),
                        unit = match unit {
                            "per year" => tr!("engine-unit-per-year"),
                            other => other.to_owned(),
                        },
                        got = local_number(v.to_string())
                    ),
                )
            }
        };
        range("loss_of_load_h", r.loss_of_load_h, 8784.0, "h/yr")?;
        range("unserved_mwh", r.unserved_mwh, MAX_ENERGY_MWH, "MWh/yr")?;
        range("events", r.events, 8784.0, "per year")?;
        range("longest_event_h", r.longest_event_h, 8784.0, "h")?;
        range("backup_mwh", r.backup_mwh, MAX_ENERGY_MWH, "MWh/yr")?;
        if r.events > 0.0 && r.loss_of_load_h == 0.0 || r.events == 0.0 && r.loss_of_load_h > 0.0 {
            return bad(
                &at("events"),
                tr!(
                    "engine-shard-events-without-loss",
                    events = local_number(r.events.to_string()),
                    hours = local_number(r.loss_of_load_h.to_string())
                ),
            );
        }
        let mut binned = 0.0;
        for (j, e) in r.events_by_duration.iter().enumerate() {
            range(&format!("events_by_duration[{j}]"), *e, 8784.0, "per year")?;
            binned += e;
        }
        if (binned - r.events).abs() > 1e-6 * r.events.max(1.0) {
            return bad(
                &at("events_by_duration"),
                tr!(
                    "engine-shard-events-by-duration",
                    binned = local_number(binned.to_string()),
                    events = local_number(r.events.to_string())
                ),
            );
        }
        if r.survival.len() != survival_len {
            return bad(
                &at("survival"),
                tr!(
                    "engine-shard-survival-count",
                    expected = survival_len.to_string(),
                    why = if s.grid_link {
                        tr!("engine-shard-survival-grid-link")
                    } else {
                        tr!("engine-shard-survival-no-grid-link")
                    },
                    got = whole(r.survival.len() as u64)
                ),
            );
        }
        for (j, p) in r.survival.iter().enumerate() {
            if !(p.is_finite() && (0.0..=1.0).contains(p)) {
                return bad(
                    &at(&format!("survival[{j}]")),
                    tr!("engine-shard-share", got = local_number(p.to_string())),
                );
            }
            if j > 0 && *p > r.survival[j - 1] {
                return bad(
                    &at(&format!("survival[{j}]")),
                    tr!(
                        "engine-shard-survival-rises",
                        share = local_number(p.to_string()),
                        previous = local_number(r.survival[j - 1].to_string())
                    ),
                );
            }
        }
    }
    if results_sha256(&s.results) != s.results_sha256 {
        return bad("results_sha256", tr!("engine-shard-results-sha-mismatch"));
    }
    Ok(())
}

fn check_comparison(name: &str, c: &ForesightComparison) -> Result<(), String> {
    let bad = |field: String, what: String| {
        Err(tr!(
            "engine-shard-field-problem",
            name = name,
            field = format!("without_failures.{field}"),
            what = what
        ))
    };
    if c.modes.len() != 3 {
        return bad(
            "modes".into(),
            tr!(
                "engine-shard-modes-count",
                got = whole(c.modes.len() as u64)
            ),
        );
    }
    for (k, m) in c.modes.iter().enumerate() {
        check_text(
            name,
            &format!("without_failures.modes[{k}].dispatch"),
            &m.dispatch,
            64,
        )?;
        for (field, v, max) in [
            ("lole_h_per_year", m.lole_h_per_year, 8784.0),
            ("eue_mwh_per_year", m.eue_mwh_per_year, MAX_ENERGY_MWH),
            (
                "backup_energy_mwh_per_year",
                m.backup_energy_mwh_per_year,
                MAX_ENERGY_MWH,
            ),
        ] {
            if !(v.is_finite() && (0.0..=max).contains(&v)) {
                return bad(
                    format!("modes[{k}].{field}"),
                    tr!(
                        "engine-shard-zero-to",
                        max = crate::text::figure(max),
                        got = local_number(v.to_string())
                    ),
                );
            }
        }
    }
    let same = c.perfect_foresight_lole_h_per_year == c.modes[0].lole_h_per_year
        && c.perfect_foresight_eue_mwh_per_year == c.modes[0].eue_mwh_per_year
        && c.greedy_lole_h_per_year == c.modes[2].lole_h_per_year
        && c.greedy_eue_mwh_per_year == c.modes[2].eue_mwh_per_year;
    if !same {
        return bad(
            "perfect_foresight_*, greedy_*".into(),
            tr!("engine-shard-modes-repeat"),
        );
    }
    Ok(())
}

/// The shards of one reliability study put together one at a time.
#[derive(Debug, Default)]
pub struct Merger {
    first: Option<(String, ReliabilityShard)>,
    seen: std::collections::BTreeMap<u32, String>,
    results: Vec<SampleResult>,
    wall_s: f64,
}

impl Merger {
    /// Check one shard against the first one given, and keep its results.
    pub fn add(&mut self, name: &str, mut s: ReliabilityShard) -> Result<(), String> {
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
        self.wall_s += s.wall_s;
        if self.first.is_none() {
            self.first = Some((name.to_owned(), s));
        }
        Ok(())
    }

    /// The first shard's header, once a shard was added.
    pub fn header(&self) -> Option<&ReliabilityShard> {
        self.first.as_ref().map(|(_, s)| s)
    }

    /// The study's samples in order and the shards' total time [s], when every shard was given.
    pub fn finish(self) -> Result<(Vec<SampleResult>, f64), String> {
        let Some((_, first)) = &self.first else {
            return Err(tr!("engine-shard-none-given"));
        };
        every_shard_given(&self.seen, first.shards, "reliability")?;
        let mut all = self.results;
        all.sort_by_key(|r| r.sample);
        if all.len() as u64 != first.samples_total
            || all.iter().enumerate().any(|(k, r)| r.sample != k as u64)
        {
            return Err(tr!(
                "engine-shard-samples-held",
                results = whole(all.len() as u64),
                samples = whole(first.samples_total)
            ));
        }
        Ok((all, self.wall_s))
    }
}

/// Whether shard `s` (file `name`) is of the same study as `first`.
fn same_study(
    name: &str,
    s: &ReliabilityShard,
    first_name: &str,
    first: &ReliabilityShard,
) -> Result<(), String> {
    let differs = |field: &str| {
        Err(tr!(
            "engine-shard-differs-from",
            name = name,
            field = field,
            first = first_name
        ))
    };
    if s.study_sha256 != first.study_sha256 {
        return differs("study_sha256");
    }
    if s.shards != first.shards {
        return differs("shards");
    }
    if s.program_version != first.program_version {
        return differs("program_version");
    }
    if s.scenario_name != first.scenario_name {
        return differs("scenario_name");
    }
    if (s.draws, s.years, s.seed) != (first.draws, first.years, first.seed) {
        return differs("draws, years, seed");
    }
    if s.dispatch != first.dispatch || s.grid_link != first.grid_link {
        return differs("dispatch, grid_link");
    }
    if s.without_failures != first.without_failures {
        return differs("without_failures");
    }
    Ok(())
}

/// Columns of the per-sample CSV (`reliability --csv`, `merge --csv` of reliability shards).
pub fn sample_columns() -> Vec<String> {
    let mut c: Vec<String> = [
        "sample",
        "weather_year",
        "draw",
        "loss_of_load_h",
        "unserved_mwh",
        "events",
        "longest_event_h",
        "backup_mwh",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    c.extend(
        SURVIVAL_DURATIONS_H
            .iter()
            .map(|h| format!("survival_{h:.0}h")),
    );
    c.extend((0..EVENT_BINS).map(|k| {
        let from = EVENT_DURATION_BINS_H[k];
        match EVENT_DURATION_BINS_H.get(k + 1) {
            Some(next) if *next - 1.0 > from => format!("events_{from:.0}_to_{:.0}h", next - 1.0),
            Some(_) => format!("events_{from:.0}h"),
            None => format!("events_over_{:.0}h", from - 1.0),
        }
    }));
    c
}

/// Write the samples as CSV (survival columns empty without a grid link).
pub fn write_samples_csv<W: std::io::Write>(rows: &[SampleResult], out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(sample_columns())?;
    for r in rows {
        let mut rec = vec![
            r.sample.to_string(),
            r.weather_year.to_string(),
            r.draw.to_string(),
            r.loss_of_load_h.to_string(),
            r.unserved_mwh.to_string(),
            r.events.to_string(),
            r.longest_event_h.to_string(),
            r.backup_mwh.to_string(),
        ];
        for k in 0..SURVIVAL_DURATIONS_H.len() {
            rec.push(
                r.survival
                    .get(k)
                    .map_or_else(String::new, |p| p.to_string()),
            );
        }
        rec.extend(r.events_by_duration.iter().map(|e| e.to_string()));
        w.write_record(&rec)?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reliability::AdequacyStats;

    fn study() -> (Scenario, FailureModel, Vec<YearProfiles>, AdequacyOptions) {
        let mut s = Scenario::dakhla_reference();
        // A short year keeps the test quick: the reference campus's first two weeks.
        s.meta.name = "shard test".into();
        let base = std::path::Path::new(".");
        let mut years = super::super::adequacy::year_profiles(&s, base, 2).expect("simulates");
        for y in &mut years {
            let n = 24 * 14;
            *y = YearProfiles::new(
                y.load_mw[..n].to_vec(),
                y.solar_mw[..n].to_vec(),
                y.wind_mw[..n].to_vec(),
                y.step_h,
                y.battery,
                y.initial_soc_mwh,
                y.backup_mw,
                y.dispatch,
            );
        }
        let model = FailureModel::of(&s);
        let o = AdequacyOptions {
            draws: 7,
            years: 2,
            seed: 5,
        };
        (s, model, years, o)
    }

    #[test]
    fn shards_merge_to_the_run_in_one_process_to_the_last_bit() {
        let (s, model, years, o) = study();
        let never = AtomicBool::new(false);
        let whole = run_shard(&s, &model, &years, &o, 1, 1, &never, |_, _| {});
        let mut m = Merger::default();
        // Given in any order.
        for i in [3, 1, 2] {
            let shard = run_shard(&s, &model, &years, &o, i, 3, &never, |_, _| {});
            // Through the file format and back.
            let text = serde_json::to_string_pretty(&shard).unwrap();
            assert!(is_reliability_shard(text.as_bytes()));
            let back = parse_shard_text(text.as_bytes(), "s.json").expect("parses");
            m.add(&format!("s{i}.json"), back).expect("a good shard");
        }
        let (merged, _) = m.finish().expect("all shards");
        assert_eq!(merged, whole.results);
        let stats = |r: &[SampleResult]| {
            AdequacyStats::of(&r.iter().map(SampleResult::sampled_year).collect::<Vec<_>>())
        };
        assert_eq!(stats(&merged), stats(&whole.results));
        // The same samples as the plain run, in its order.
        let plain =
            super::super::adequacy::sample_years(&model, &years, 0..7, 5, &never, |_, _| {});
        assert_eq!(
            whole
                .results
                .iter()
                .map(SampleResult::sampled_year)
                .collect::<Vec<_>>(),
            plain
        );
    }

    #[test]
    fn a_tampered_missing_foreign_or_repeated_shard_is_named() {
        let (s, model, years, o) = study();
        let never = AtomicBool::new(false);
        let a = run_shard(&s, &model, &years, &o, 1, 2, &never, |_, _| {});
        let b = run_shard(&s, &model, &years, &o, 2, 2, &never, |_, _| {});
        let err = |shards: Vec<ReliabilityShard>| {
            let mut m = Merger::default();
            for (k, sh) in shards.into_iter().enumerate() {
                if let Err(e) = m.add(&format!("s{}.json", k + 1), sh) {
                    return e;
                }
            }
            m.finish().expect_err("refused")
        };
        // A value changed after writing.
        let mut t = b.clone();
        t.results[0].unserved_mwh += 1.0;
        let e = err(vec![a.clone(), t]);
        assert!(e.contains("s2.json: results_sha256"), "{e}");
        // A value out of its physical range, fingerprint recomputed.
        let mut t = b.clone();
        t.results[1].loss_of_load_h = -3.0;
        t.results_sha256 = results_sha256(&t.results);
        let e = err(vec![a.clone(), t]);
        assert!(
            e.contains("s2.json: results[1].loss_of_load_h: must be 0 to"),
            "{e}"
        );
        // A sample of the other shard.
        let mut t = b.clone();
        t.results[0].sample = 0;
        t.results_sha256 = results_sha256(&t.results);
        assert!(err(vec![a.clone(), t]).contains("results[0].sample"));
        // Missing, and given twice.
        assert!(err(vec![a.clone()]).contains("1 of 2 shards missing: 2/2"));
        assert!(err(vec![a.clone(), a.clone()]).contains("given twice"));
        // Another study: another seed.
        let other = AdequacyOptions { seed: 6, ..o };
        let c = run_shard(&s, &model, &years, &other, 2, 2, &never, |_, _| {});
        assert!(err(vec![a.clone(), c]).contains("not of one study"));
        // Not a reliability shard, without its content shown.
        let e = parse_shard_text(b"{\"format\": \"x\", \"secret\": 1}", "f.json").unwrap_err();
        assert!(
            e.contains("f.json: not a shard result file") && !e.contains("secret"),
            "{e}"
        );
        // A cancelled shard is short, and says so.
        let stop = AtomicBool::new(true);
        let short = run_shard(&s, &model, &years, &o, 2, 2, &stop, |_, _| {});
        assert!(err(vec![a, short]).contains("holds 7 sampled years, got 0"));
    }
}
