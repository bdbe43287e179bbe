//! Sizing to a reliability target: the fewest backup units and battery power blocks that bring
//! the campus's LOLE and EUE under unit failures to `targets.max_lole_h_per_year` and
//! `targets.max_eue_mwh_per_year`, at the level `targets.reliability_percentile` over weather
//! years.
//!
//! The least-cost optimizer sizes with perfect machines: its backup is the least capacity that
//! serves the load when nothing fails (N). Failures need more (N + k). From a design (the
//! optimizer's answer, or any scenario) this search:
//! 1. builds every backup entry in whole units of its own unit size (`capacity_mw /
//!    unit_count` as the scenario has it), rounding up;
//! 2. while a target is not met, adds the step that buys the most reliability per dollar of
//!    annualized cost: one more unit of a backup entry, or one more power block of the battery
//!    (`pcs_unit_mw`, with energy at the battery's duration) - so backup and storage are sized
//!    together;
//! 3. once met, removes units and blocks, dearest first, while the targets (and every target of
//!    the yearly simulation) still hold.
//!
//! Every candidate is judged by the same sequential Monte Carlo ([`super::adequacy`]) with the
//! same seed (common random numbers: two designs differ by their capacities, not by their
//! luck), so a unit added never looks worse by chance. The path of steps is the cost-against-LOLE
//! front of the design: each step's cost and LOLE are kept.
//!
//! Greedy marginal steps are exact for one kind of unit (LOLE falls as units are added, so the
//! first count that meets the target is the fewest; checked against the capacity outage table
//! in the tests), and a heuristic when several kinds compete.

use super::adequacy::{AdequacyOptions, FailureModel, SampledYear, YearProfiles, sample_years};
use crate::scenario::{Scenario, Sizing};
use crate::sim::{Engine, SimError};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// Most steps the search takes (each adds a unit or a block).
const MAX_STEPS: usize = 400;

/// Failure draws per weather year judging each design, unless asked otherwise (`optimize
/// --reliability-draws`, the window's Optimize): 200 draws put the reference campus's LOLE
/// near 0.1 h/yr within about a fifth of itself (standard error), and the search stays
/// within seconds.
pub const DEFAULT_SIZING_DRAWS: u32 = 200;

/// The reliability of a design at the target's level.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct LevelReliability {
    /// Each weather year's expected LOLE over the draws, at the percentile [h/yr].
    pub lole_h_per_year: f64,
    /// Each weather year's expected EUE, at the percentile [MWh/yr].
    pub eue_mwh_per_year: f64,
    /// Mean over every sampled year [h/yr].
    pub lole_mean_h_per_year: f64,
}

/// One design on the search's path.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SizingStep {
    /// What changed from the step before ("start", "+1 Gas turbines (50 MW)", ...).
    pub change: String,
    /// Units of each backup entry, in the scenario's order.
    pub backup_units: Vec<u32>,
    pub backup_mw: f64,
    pub battery_energy_mwh: f64,
    pub battery_power_mw: f64,
    pub annualized_cost_usd: f64,
    pub reliability: LevelReliability,
    /// Whether the reliability targets hold.
    pub met: bool,
}

impl SizingStep {
    /// [`Self::change`] in the current language, for a person (see [`change_in_words`]).
    pub fn change_text(&self) -> String {
        change_in_words(&self.change)
    }
}

/// A sizing step's `change` in the current language: "start: backup in whole units", "+1 unit
/// of Gas turbines (50 MW)", "-1 battery block (25 MW, 100 MWh)" read "départ : secours en
/// unités entières", "+1 unité de Gas turbines (50 MW)", "-1 bloc batterie (25 MW, 100 MWh)"
/// in French. The change is kept in English in the step itself: it is a value of the sizing's
/// JSON and CSV, which read the same in every language. Other text is returned as it is.
pub fn change_in_words(change: &str) -> String {
    use crate::text::local_number;
    use dakhla_i18n::tr;
    if dakhla_i18n::current() == dakhla_i18n::Lang::En {
        return change.to_owned();
    }
    if change == START {
        return tr!("engine-sizing-start");
    }
    let (sign, rest) = match change.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => match change.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => return change.to_owned(),
        },
    };
    if let Some(rest) = rest.strip_prefix("1 unit of ")
        && let Some((name, size)) = rest.rsplit_once(" (")
        && let Some(mw) = size.strip_suffix(" MW)")
    {
        return tr!(
            "engine-sizing-unit",
            sign = sign,
            name = name,
            mw = local_number(mw.to_owned())
        );
    }
    if let Some(size) = rest.strip_prefix("1 battery block (")
        && let Some(size) = size.strip_suffix(" MWh)")
        && let Some((mw, mwh)) = size.split_once(" MW, ")
    {
        return tr!(
            "engine-sizing-block",
            sign = sign,
            mw = local_number(mw.to_owned()),
            mwh = local_number(mwh.to_owned())
        );
    }
    change.to_owned()
}

/// The first step's change.
const START: &str = "start: backup in whole units";

/// The answer of the search.
#[derive(Clone, Debug)]
pub struct ReliabilitySizing {
    /// The design that meets the targets with the fewest units (or the last tried when none
    /// within the bounds does).
    pub scenario: Scenario,
    /// Every design tried along the way, in order (the cost-against-LOLE front).
    pub steps: Vec<SizingStep>,
    /// The final design's figures.
    pub last: SizingStep,
    pub met: bool,
    /// True when the run was cancelled.
    pub cancelled: bool,
}

/// The value at percentile `p` (nearest rank) of `v`, counted from the low side.
pub fn percentile(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let rank = ((p * s.len() as f64).ceil() as usize).clamp(1, s.len());
    s[rank - 1]
}

/// Search state: the weather years' load and renewables (the same for every candidate), the
/// engine for costs.
struct Judge<'a> {
    base_years: Vec<YearProfiles>,
    options: AdequacyOptions,
    engine: Engine,
    base_dir: &'a Path,
    percentile: f64,
    max_lole: Option<f64>,
    max_eue: Option<f64>,
    cancel: &'a AtomicBool,
}

impl Judge<'_> {
    fn reliability(&self, c: &Scenario) -> LevelReliability {
        let model = FailureModel::of(c);
        let years: Vec<YearProfiles> = self
            .base_years
            .iter()
            .map(|y| {
                YearProfiles::new(
                    y.load_mw.clone(),
                    y.solar_mw.clone(),
                    y.wind_mw.clone(),
                    y.step_h,
                    c.battery.limits(y.step_h),
                    c.battery.initial_soc_frac * c.battery.energy_mwh,
                    c.backup.iter().map(|b| b.capacity_mw).sum(),
                    c.simulation.dispatch,
                )
            })
            .collect();
        let draws = u64::from(self.options.draws.max(1));
        let s = sample_years(
            &model,
            &years,
            0..draws,
            self.options.seed,
            self.cancel,
            |_, _| {},
        );
        let per_year = |f: fn(&SampledYear) -> f64| -> Vec<f64> {
            s.chunks(draws as usize)
                .map(|c| c.iter().map(f).sum::<f64>() / c.len().max(1) as f64)
                .collect()
        };
        let lole = per_year(|y| y.loss_of_load_h);
        let eue = per_year(|y| y.unserved_mwh);
        LevelReliability {
            lole_h_per_year: percentile(&lole, self.percentile),
            eue_mwh_per_year: percentile(&eue, self.percentile),
            lole_mean_h_per_year: s.iter().map(|y| y.loss_of_load_h).sum::<f64>()
                / s.len().max(1) as f64,
        }
    }

    /// How far the design is from the targets: 0 when met.
    fn violation(&self, r: &LevelReliability) -> f64 {
        let over =
            |v: f64, t: Option<f64>, scale: f64| t.map_or(0.0, |t| (v - t).max(0.0) / t.max(scale));
        over(r.lole_h_per_year, self.max_lole, 0.1) + over(r.eue_mwh_per_year, self.max_eue, 1.0)
    }

    /// The design `c` judged: its step, and whether its yearly simulation meets the scenario's
    /// own targets (from the same run).
    fn step(&mut self, c: &Scenario, change: String) -> Result<(SizingStep, bool), SimError> {
        let kpis = &self.engine.run(c, self.base_dir)?.kpis;
        let (cost, simulation_met) = (kpis.annualized_cost_usd, kpis.all_targets_met);
        let reliability = self.reliability(c);
        let step = SizingStep {
            change,
            backup_units: c
                .backup
                .iter()
                .map(|b| if b.capacity_mw > 0.0 { b.unit_count } else { 0 })
                .collect(),
            backup_mw: c.backup.iter().map(|b| b.capacity_mw).sum(),
            battery_energy_mwh: c.battery.energy_mwh,
            battery_power_mw: c.battery.power_mw,
            annualized_cost_usd: cost,
            met: self.violation(&reliability) == 0.0,
            reliability,
        };
        Ok((step, simulation_met))
    }

    /// The best of `moves` from the design `current` (with `counts` units): each allowed one
    /// judged, `score` saying how good it is (`None`: not a candidate). Returns the design, its
    /// units and its step.
    #[allow(clippy::type_complexity)]
    fn best_move(
        &mut self,
        current: &Scenario,
        counts: &[u32],
        moves: &[Move],
        unit_mw: &[f64],
        max_backup_mw: f64,
        score: impl Fn(&Self, &SizingStep, bool) -> Option<f64>,
    ) -> Result<Option<(Scenario, Vec<u32>, SizingStep)>, SimError> {
        let mut best: Option<(f64, Scenario, Vec<u32>, SizingStep)> = None;
        for m in moves {
            let Some((c, n, change)) = apply(current, counts, *m, unit_mw, max_backup_mw) else {
                continue;
            };
            let (st, simulation_met) = self.step(&c, change)?;
            if let Some(v) = score(self, &st, simulation_met)
                && best.as_ref().is_none_or(|(b, ..)| v > *b)
            {
                best = Some((v, c, n, st));
            }
        }
        Ok(best.map(|(_, c, n, st)| (c, n, st)))
    }
}

/// A change the search can make.
#[derive(Clone, Copy, Debug)]
enum Move {
    /// One unit more (+1) or less (-1) of backup entry `i`.
    Unit(usize, i32),
    /// One battery power block more or less.
    Block(i32),
}

/// The units of each backup entry of `units_of` (its `capacity_mw / unit_count`) [MW]; for an
/// entry with no capacity, its kind's typical unit (50 MW gas turbines, 2.5 MW gensets; see
/// `BackupKind::failure_defaults`), and 0 for a grid link with none (one unit of whatever
/// size: left as it is).
pub fn unit_sizes_mw(units_of: &Scenario) -> Vec<f64> {
    units_of
        .backup
        .iter()
        .map(|b| {
            let own = b.unit_mw();
            if own.is_finite() && own > 0.0 {
                own
            } else {
                let typical = b.kind.failure_defaults().unit_mw;
                if typical.is_finite() { typical } else { 0.0 }
            }
        })
        .collect()
}

/// Whole units of `unit_mw` that hold each backup entry of `s` (rounded up; 0 for an entry
/// with no capacity).
fn whole_units(s: &Scenario, unit_mw: &[f64]) -> Vec<u32> {
    s.backup
        .iter()
        .zip(unit_mw)
        .map(|(b, u)| {
            if *u > 0.0 && b.capacity_mw > 0.0 {
                (b.capacity_mw / u - 1e-9).ceil().max(1.0) as u32
            } else if *u <= 0.0 {
                // Left as it is (see `with_units`).
                b.unit_count
            } else {
                0
            }
        })
        .collect()
}

/// `s` with `counts[i]` units of `unit_mw[i]` in backup entry `i` (an entry with none keeps
/// one unit's worth of failure data at no capacity; an entry without a unit size is left as
/// it is).
fn with_units(s: &Scenario, counts: &[u32], unit_mw: &[f64]) -> Scenario {
    let mut c = s.clone();
    for ((b, n), u) in c.backup.iter_mut().zip(counts).zip(unit_mw) {
        if *u <= 0.0 {
            continue;
        }
        b.unit_count = (*n).max(1);
        b.capacity_mw = f64::from(*n) * u;
    }
    c
}

/// The design after move `m`, with the words for it; `None` when the move is not allowed.
fn apply(
    s: &Scenario,
    counts: &[u32],
    m: Move,
    unit_mw: &[f64],
    max_backup_mw: f64,
) -> Option<(Scenario, Vec<u32>, String)> {
    match m {
        Move::Unit(i, d) => {
            let n = i64::from(counts[i]) + i64::from(d);
            if n < 0 || n > i64::from(crate::scenario::MAX_BACKUP_UNITS) || unit_mw[i] <= 0.0 {
                return None;
            }
            let mut next = counts.to_vec();
            next[i] = n as u32;
            let total: f64 = next
                .iter()
                .zip(unit_mw)
                .map(|(n, u)| f64::from(*n) * u)
                .sum();
            if d > 0 && total > max_backup_mw + 1e-9 {
                return None;
            }
            let c = with_units(s, &next, unit_mw);
            let name = crate::text::shorten(&c.backup[i].name);
            let words = format!(
                "{}1 unit of {name} ({} MW)",
                if d > 0 { "+" } else { "-" },
                crate::text::number(unit_mw[i])
            );
            Some((c, next, words))
        }
        Move::Block(d) => {
            let mut c = s.clone();
            let b = &mut c.battery;
            let block = b.pcs_unit_mw;
            let duration_h = if b.power_mw > 0.0 && b.energy_mwh > 0.0 {
                b.energy_mwh / b.power_mw
            } else {
                4.0
            };
            let power = b.power_mw + f64::from(d) * block;
            if power < block - 1e-9 {
                return None;
            }
            b.power_mw = power;
            b.energy_mwh = (b.energy_mwh + f64::from(d) * block * duration_h).max(0.0);
            let words = format!(
                "{}1 battery block ({} MW, {:.0} MWh)",
                if d > 0 { "+" } else { "-" },
                crate::text::number(block),
                block * duration_h
            );
            Some((c, counts.to_vec(), words))
        }
    }
}

/// The reliability of the design `s` at `percentile` over weather years, judged as the sizing
/// judges each of its designs (the same draws for the same seed): for a front of designs drawn
/// against LOLE.
pub fn level_reliability(
    s: &Scenario,
    base_dir: &Path,
    options: &AdequacyOptions,
    percentile: f64,
    cancel: &AtomicBool,
) -> Result<LevelReliability, SimError> {
    let judge = Judge {
        base_years: super::adequacy::year_profiles(s, base_dir, options.years)?,
        options: *options,
        engine: Engine::new(),
        base_dir,
        percentile,
        max_lole: None,
        max_eue: None,
        cancel,
    };
    Ok(judge.reliability(s))
}

/// The fewest backup units and battery blocks that meet the scenario's reliability targets,
/// from the design `s` (see the module doc), building each backup entry in units of
/// `unit_mw` (see [`unit_sizes_mw`]: the sizes of the scenario the design came from, since the
/// optimizer's capacities need not be whole units). `progress(steps so far, the last step)`.
pub fn size_for_reliability(
    s: &Scenario,
    unit_mw: &[f64],
    base_dir: &Path,
    options: &AdequacyOptions,
    cancel: &AtomicBool,
    mut progress: impl FnMut(usize, &SizingStep),
) -> Result<ReliabilitySizing, SimError> {
    let t = &s.targets;
    let unit_mw: Vec<f64> = (0..s.backup.len())
        .map(|i| {
            unit_mw
                .get(i)
                .copied()
                .unwrap_or_else(|| s.backup[i].unit_mw())
        })
        .collect();
    let mut counts = whole_units(s, &unit_mw);
    let start = with_units(s, &counts, &unit_mw);
    let mut judge = Judge {
        base_years: super::adequacy::year_profiles(&start, base_dir, options.years)?,
        options: *options,
        engine: Engine::new(),
        base_dir,
        percentile: t.reliability_percentile,
        max_lole: t.max_lole_h_per_year,
        max_eue: t.max_eue_mwh_per_year,
        cancel,
    };
    let o = &s.optimizer;
    let backup_free = !matches!(o.backup_mw, Sizing::Fixed);
    let max_backup_mw = match o.backup_mw {
        Sizing::Between { max, .. } => max,
        _ => f64::INFINITY,
    };
    let battery_free = !matches!(o.battery_power_mw, Sizing::Fixed)
        && !matches!(o.battery_energy_mwh, Sizing::Fixed)
        && s.battery.pcs_unit_mw > 0.0;
    let mut moves: Vec<Move> = Vec::new();
    if backup_free {
        moves.extend((0..start.backup.len()).map(|i| Move::Unit(i, 1)));
    }
    if battery_free {
        moves.push(Move::Block(1));
    }

    let mut current = start;
    let (mut now, _) = judge.step(&current, START.into())?;
    let mut steps = vec![now.clone()];
    progress(steps.len(), &now);
    // Add what buys the most reliability per dollar until the targets hold.
    while !now.met && steps.len() < MAX_STEPS && !cancel.load(Ordering::Relaxed) {
        let (v_now, cost_now) = (judge.violation(&now.reliability), now.annualized_cost_usd);
        let best = judge.best_move(
            &current,
            &counts,
            &moves,
            &unit_mw,
            max_backup_mw,
            |j, st, _| {
                let gain = v_now - j.violation(&st.reliability);
                // A dollar at least: a free step is judged by its gain alone.
                Some(gain / (st.annualized_cost_usd - cost_now).max(1.0))
            },
        )?;
        let Some((c, n, st)) = best else { break };
        (current, counts, now) = (c, n, st);
        steps.push(now.clone());
        progress(steps.len(), &now);
    }
    // Then the fewest: remove, dearest saving first, while everything still holds.
    if now.met {
        let mut removals: Vec<Move> = Vec::new();
        if backup_free {
            removals.extend((0..current.backup.len()).map(|i| Move::Unit(i, -1)));
        }
        if battery_free {
            removals.push(Move::Block(-1));
        }
        while !cancel.load(Ordering::Relaxed) && steps.len() < MAX_STEPS {
            let cost_now = now.annualized_cost_usd;
            let best = judge.best_move(
                &current,
                &counts,
                &removals,
                &unit_mw,
                max_backup_mw,
                |_, st, sim| {
                    let saved = cost_now - st.annualized_cost_usd;
                    (st.met && sim && saved > 0.0).then_some(saved)
                },
            )?;
            let Some((c, n, st)) = best else { break };
            (current, counts, now) = (c, n, st);
            steps.push(now.clone());
            progress(steps.len(), &now);
        }
    }
    Ok(ReliabilitySizing {
        scenario: current,
        met: now.met,
        last: now,
        steps,
        cancelled: cancel.load(Ordering::Relaxed),
    })
}

/// Size the least-cost optimum's backup units and battery blocks to the scenario's reliability
/// targets ([`size_for_reliability`], units of the sizes `unit_mw` of the scenario the optimum
/// came from, see [`unit_sizes_mw`]), and make the sized design the optimum: its scenario, its
/// full simulation and its evaluation by the optimizer's problem. The command line's `optimize`
/// and the window's Optimize both run this.
pub fn size_optimum(
    engine: &mut Engine,
    opt: &mut crate::optimize::ScenarioOptimum,
    unit_mw: &[f64],
    base_dir: &Path,
    options: &AdequacyOptions,
    cancel: &AtomicBool,
    progress: impl FnMut(usize, &SizingStep),
) -> Result<ReliabilitySizing, SimError> {
    use crate::optimize::{Scratch, capacities_of};
    let r = size_for_reliability(&opt.scenario, unit_mw, base_dir, options, cancel, progress)?;
    opt.scenario = r.scenario.clone();
    opt.results = engine.run(&opt.scenario, base_dir)?;
    opt.outcome.best = opt
        .problem
        .evaluate(&capacities_of(&opt.scenario), &mut Scratch::default());
    Ok(r)
}

/// The steps of a sizing path that no other step beats on both cost and LOLE (at the target's
/// level): the cost-against-LOLE front, by falling LOLE. Indices into `steps`.
pub fn front_of_steps(steps: &[SizingStep]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..steps.len())
        .filter(|&k| {
            let s = &steps[k];
            s.annualized_cost_usd.is_finite() && s.reliability.lole_h_per_year.is_finite()
        })
        .collect();
    // Cheapest first; among equal costs the most reliable first.
    order.sort_by(|&a, &b| {
        let (x, y) = (&steps[a], &steps[b]);
        x.annualized_cost_usd
            .total_cmp(&y.annualized_cost_usd)
            .then(
                x.reliability
                    .lole_h_per_year
                    .total_cmp(&y.reliability.lole_h_per_year),
            )
    });
    let mut front = Vec::new();
    let mut best_lole = f64::INFINITY;
    for k in order {
        let l = steps[k].reliability.lole_h_per_year;
        if l < best_lole {
            best_lole = l;
            front.push(k);
        }
    }
    front
}

/// Write the sizing's steps as CSV: `step, change, met, annualized_cost_usd, lole_h_per_year,
/// eue_mwh_per_year, lole_mean_h_per_year, backup_mw, battery_energy_mwh, battery_power_mw`,
/// then one `units_<entry>` column per backup entry of `s` (the front of cost against LOLE).
pub fn write_steps_csv<W: std::io::Write>(
    steps: &[SizingStep],
    s: &Scenario,
    out: W,
) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut head: Vec<String> = [
        "step",
        "change",
        "met",
        "annualized_cost_usd",
        "lole_h_per_year",
        "eue_mwh_per_year",
        "lole_mean_h_per_year",
        "backup_mw",
        "battery_energy_mwh",
        "battery_power_mw",
    ]
    .iter()
    .map(|c| c.to_string())
    .collect();
    head.extend(
        s.backup
            .iter()
            .map(|b| format!("units_{}", crate::text::terminal_safe(&b.name))),
    );
    w.write_record(&head)?;
    for (k, st) in steps.iter().enumerate() {
        let mut rec = vec![
            k.to_string(),
            st.change.clone(),
            st.met.to_string(),
            st.annualized_cost_usd.to_string(),
            st.reliability.lole_h_per_year.to_string(),
            st.reliability.eue_mwh_per_year.to_string(),
            st.reliability.lole_mean_h_per_year.to_string(),
            st.backup_mw.to_string(),
            st.battery_energy_mwh.to_string(),
            st.battery_power_mw.to_string(),
        ];
        rec.extend(st.backup_units.iter().map(|u| u.to_string()));
        w.write_record(&rec)?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reliability::{Copt, OutageUnit};
    use crate::scenario::BackupKind;

    #[test]
    fn an_entry_with_no_capacity_in_the_file_is_built_in_its_kinds_typical_units() {
        let mut s = units_only(8);
        s.backup[0].capacity_mw = 0.0;
        assert_eq!(unit_sizes_mw(&s), vec![50.0]);
        // What the optimizer gave it (say 420 MW) is built as whole 50 MW units.
        s.backup[0].capacity_mw = 420.0;
        let units = [50.0];
        let counts = whole_units(&s, &units);
        assert_eq!(counts, vec![9]);
        assert_eq!(with_units(&s, &counts, &units).backup[0].capacity_mw, 450.0);
        // A grid link with none has no unit size: left as it is.
        let mut g = s.clone();
        g.backup[0].kind = BackupKind::GridImport;
        g.backup[0].capacity_mw = 0.0;
        assert_eq!(unit_sizes_mw(&g), vec![0.0]);
        g.backup[0].capacity_mw = 300.0;
        let kept = with_units(&g, &whole_units(&g, &[0.0]), &[0.0]);
        assert_eq!(kept.backup[0], g.backup[0]);
    }

    fn step(cost: f64, lole: f64) -> SizingStep {
        SizingStep {
            change: String::new(),
            backup_units: Vec::new(),
            backup_mw: 0.0,
            battery_energy_mwh: 0.0,
            battery_power_mw: 0.0,
            annualized_cost_usd: cost,
            reliability: LevelReliability {
                lole_h_per_year: lole,
                eue_mwh_per_year: 0.0,
                lole_mean_h_per_year: lole,
            },
            met: false,
        }
    }

    #[test]
    fn the_front_keeps_the_steps_no_other_beats_on_cost_and_lole() {
        // A path that adds (cost up, LOLE down), overshoots, then removes a unit (cheaper at
        // the same LOLE) - and one step that bought nothing.
        let steps = [
            step(100.0, 50.0),
            step(110.0, 5.0),
            step(120.0, 6.0), // dearer and worse than the one before: off the front
            step(130.0, 0.05),
            step(125.0, 0.05), // the removal: same LOLE, cheaper
            step(f64::NAN, 0.0),
        ];
        assert_eq!(front_of_steps(&steps), vec![0, 1, 4]);
        assert!(front_of_steps(&[]).is_empty());
    }

    #[test]
    fn the_percentile_counts_from_the_good_side_by_nearest_rank() {
        let v = [5.0, 1.0, 3.0, 2.0, 4.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 0.9), 5.0);
        assert_eq!(percentile(&v, 1.0), 5.0);
        assert_eq!(percentile(&[7.0], 0.9), 7.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    /// The reference campus's load served by gas turbines alone: no sun, no wind, no battery.
    fn units_only(count: u32) -> Scenario {
        let mut s = Scenario::dakhla_reference();
        s.solar_plants.clear();
        s.wind_farms.clear();
        s.battery.energy_mwh = 0.0;
        s.battery.power_mw = 0.0;
        s.targets = crate::scenario::Targets::default();
        let mut gt = s
            .backup
            .iter()
            .find(|b| b.kind == BackupKind::GasTurbine)
            .cloned()
            .expect("the reference has gas turbines");
        gt.unit_count = count;
        gt.capacity_mw = 50.0 * f64::from(count);
        gt.forced_outage_rate = 0.05;
        gt.mean_time_to_repair_h = 50.0;
        // The outage table knows no failed starts.
        gt.start_failure_prob = 0.0;
        s.backup = vec![gt];
        s
    }

    #[test]
    fn with_one_kind_of_unit_it_finds_the_fewest_units_the_outage_table_allows() {
        let s = units_only(12);
        let base = Path::new(".");
        let load = Engine::new()
            .run(&s, base)
            .expect("simulates")
            .facility_load_mw
            .to_vec();
        // The outage table's LOLE for each count; a target between two counts far apart, so
        // that the Monte Carlo's error cannot blur which count meets it.
        let lole = |n: usize| {
            let units = vec![
                OutageUnit {
                    capacity_mw: 50.0,
                    forced_outage_rate: 0.05,
                };
                n
            ];
            Copt::build(&units, 1.0)
                .expect("table")
                .lole_eue(&load, 1.0)
                .0
        };
        let peak = load.iter().cloned().fold(0.0, f64::max);
        let first = (peak / 50.0).ceil() as usize;
        let (fewest, target) = (first..first + 8)
            .find_map(|n| {
                let (a, b) = (lole(n), lole(n + 1));
                (b < 2.4 && a > 2.4).then(|| (n + 1, (a * b).sqrt()))
            })
            .expect("a count meets 2.4 h/yr");
        assert!(lole(fewest) < 0.5 * target && lole(fewest - 1) > 2.0 * target);
        let never = AtomicBool::new(false);
        let options = AdequacyOptions {
            draws: 300,
            years: 1,
            seed: 3,
        };
        // From below (the deterministic need) and from above (too many units).
        for start in [first as u32, fewest as u32 + 3] {
            let mut s = units_only(start);
            s.targets.max_lole_h_per_year = Some(target);
            let units = unit_sizes_mw(&s);
            let r =
                size_for_reliability(&s, &units, base, &options, &never, |_, _| {}).expect("sizes");
            assert!(r.met, "{:?}", r.last);
            assert_eq!(
                r.scenario.backup[0].unit_count as usize, fewest,
                "from {start}: {:?}",
                r.steps
            );
            assert_eq!(r.scenario.backup[0].capacity_mw, 50.0 * fewest as f64);
            // The path is a front: cost rises as LOLE falls while units are added.
            assert!(r.steps.len() >= 2);
        }
    }
}
