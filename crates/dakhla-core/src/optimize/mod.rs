//! Least-cost sizing: the cheapest solar / wind / battery / backup mix that meets the target.
//!
//! The method, chosen for speed and reliability on a year of steps:
//! - the dispatch is the simulation's: greedy, with a battery reserve for deficits above the
//!   backup capacity ([`Problem::evaluate`]), the least backup energy for given capacities;
//! - the backup is not searched: for each mix it is the least capacity that, with the battery
//!   keeping its reserve, serves the load ([`Problem::evaluate_sized`], a backward feasibility
//!   pass testing four capacities at once); at the end a golden-section search checks whether
//!   more backup would save more fuel than it costs;
//! - solar is optimized exactly along a line for every (wind, battery energy, battery power), on
//!   a quick estimate (the greedy dispatch without reserve, [`Problem::evaluate_greedy`]): the
//!   smallest solar that meets the target is found by secant steps from the neighbouring
//!   answer's solar on its slope (else a bracket grown around it), then the Illinois method on
//!   the signed margin to the target (the shares only grow with solar); Brent's method looks
//!   for a cheaper point above it when the cost falls there; the exact dispatch then moves it
//!   by what the battery's reserve cost the neighbour and closes on the target by secant steps
//!   on the same slope;
//! - the remaining three variables (wind, battery energy and power) are searched by a
//!   generalized pattern search (Torczon 1997) polled in parallel with rayon: the coordinate
//!   directions first, the pairwise diagonals when no coordinate improves; after a failed poll
//!   the quadratic fitted through the polled costs proposes its minimum (a search step,
//!   Custódio & Vicente 2007) and, when it is better, the step shrinks four times instead of
//!   twice; from the scenario's own mix and from the best points of a coarse grid, down to a
//!   step of 0.1 % of each range (a Pareto front's later points start from the previous answer
//!   with a sixteenth of each range);
//! - wind is then rounded to whole turbines and the battery re-polished.
//!
//! With the greedy dispatch the cost is, like the value function of the equivalent linear
//! program, close to convex in the capacities, so a local search from several starts finds the
//! global optimum; the comparison with the LP optimum (HiGHS) is kept in
//! `tests/reference/lp_optimum.py` and its fixtures.
//!
//! # References
//! - Torczon, V. (1997). On the convergence of pattern search algorithms. SIAM J. Optim. 7(1).
//! - Custódio, A. L., Vicente, L. N. (2007). Using sampling and simplex derivatives in pattern
//!   search methods. SIAM J. Optim. 18(2) (quadratic models as the search step).
//! - Dowell, M., Jarratt, P. (1971). A modified regula falsi method for computing the root of an
//!   equation. BIT 11 (the Illinois method).
//! - Kiefer, J. (1953). Sequential minimax search for a maximum. Proc. AMS 4 (golden section).
//! - Brent, R. P. (1973). Algorithms for Minimization without Derivatives, ch. 5 (parabolic
//!   interpolation safeguarded by golden section).
//! - Lambert, T., Gilman, P., Lilienthal, P. (2006). Micropower system modeling with HOMER
//!   (the grid-search approach this replaces).

pub mod problem;
pub mod study;

pub use problem::{
    Bounds, DECISION_VARS, DecisionVar, Evaluation, Mix, Problem, ProblemError, Scratch,
    TargetKind, UnitCosts, target_of,
};

use crate::scenario::Scenario;
use crate::sim::{Engine, Results, SizingProfiles};
use rayon::prelude::*;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// What a running optimization reports.
#[derive(Clone, Copy, Debug)]
pub struct Progress {
    /// Dispatch evaluations so far.
    pub evaluations: u64,
    /// Rough share of the work done [0..1].
    pub fraction: f64,
    /// Best mix so far.
    pub best: Evaluation,
}

/// Cancel flag and progress callback of a run.
pub struct Control<'a> {
    pub cancel: &'a AtomicBool,
    pub progress: &'a (dyn Fn(Progress) + Sync),
}

/// The answer of one optimization.
#[derive(Clone, Copy, Debug)]
pub struct Outcome {
    pub best: Evaluation,
    pub evaluations: u64,
    /// True when the run was cancelled (the best so far is returned).
    pub cancelled: bool,
}

/// Search settings.
#[derive(Clone, Copy, Debug)]
pub struct SearchOptions {
    /// Pattern search stops when the step is below this share of each range [-].
    pub step_tolerance: f64,
    /// Starting points besides the scenario's mix (best of a coarse grid).
    pub extra_starts: usize,
    /// The pattern search's first step, as a share of each range [-]: a quarter from afar,
    /// less from a good start (the previous point of a Pareto front).
    pub first_step: f64,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            step_tolerance: 1e-3,
            extra_starts: 1,
            first_step: 0.25,
        }
    }
}

/// The capacity a line search moves.
#[derive(Clone, Copy, Debug)]
enum Lever {
    Solar,
    Wind,
}

impl Lever {
    fn set(self, m: Mix, v: f64) -> Mix {
        match self {
            Lever::Solar => Mix { solar_mwdc: v, ..m },
            Lever::Wind => Mix { wind_mw: v, ..m },
        }
    }

    fn get(self, m: &Mix) -> f64 {
        match self {
            Lever::Solar => m.solar_mwdc,
            Lever::Wind => m.wind_mw,
        }
    }
}

struct Searcher<'a> {
    p: &'a Problem,
    evaluations: AtomicU64,
    cancel: &'a AtomicBool,
}

/// What a line search found, for a neighbour's to start from: the value and how much above the
/// quick estimate's answer the exact dispatch (the battery keeping its reserve) put it.
#[derive(Clone, Copy, Debug)]
struct LineHint {
    value: f64,
    reserve_offset: f64,
    /// The backup sized for it [MW].
    backup_mw: f64,
    /// How fast the quick estimate's margin over the target rose with the capacity there [per
    /// unit], when the value is the least that meets the target: a neighbour's line search
    /// starts with a secant step on it.
    slope: Option<f64>,
}

/// The least value that meets the target, as its evaluation and, when a root finder bracketed
/// it, the slopes there [per unit of the capacity] of the margin over the target and of the
/// cost [USD/yr].
type Root = (Evaluation, Option<f64>, Option<f64>);

/// A value of a line search's capacity and its evaluation.
type Probe = (f64, Evaluation);

/// The searched variables (wind, battery energy, battery power), scaled to [0, 1] of their
/// ranges. Solar is optimized along a line for each point, and backup sized for each mix.
type Point = [f64; DIMS];
const DIMS: usize = 3;

impl Searcher<'_> {
    fn eval(&self, mix: &Mix, scratch: &mut Scratch) -> Evaluation {
        self.evaluations.fetch_add(1, Ordering::Relaxed);
        self.p.evaluate_sized(mix, scratch)
    }

    fn mix_at(&self, x: &Point) -> Mix {
        let p = self.p;
        let at = |b: &Bounds, t: f64| b.min + (b.max - b.min) * t.clamp(0.0, 1.0);
        Mix {
            solar_mwdc: p.solar.min,
            wind_mw: at(&p.wind, x[0]),
            battery_energy_mwh: at(&p.battery_energy, x[1]),
            battery_power_mw: at(&p.battery_power, x[2]),
            backup_mw: 0.0,
        }
    }

    fn point_of(&self, m: &Mix) -> Point {
        let p = self.p;
        let t = |b: &Bounds, v: f64| {
            if b.is_fixed() {
                0.0
            } else {
                ((v - b.min) / (b.max - b.min)).clamp(0.0, 1.0)
            }
        };
        [
            t(&p.wind, m.wind_mw),
            t(&p.battery_energy, m.battery_energy_mwh),
            t(&p.battery_power, m.battery_power_mw),
        ]
    }

    /// The best supply for the other capacities of `mix`: solar along its line (see
    /// [`best_along`](Self::best_along), from the solar of a neighbouring answer `hint` when
    /// there is one); when no solar within its bounds meets the target, solar at its most and
    /// the least wind above the mix's that does.
    fn best_solar(&self, mix: Mix, hint: Option<LineHint>) -> (Evaluation, Option<LineHint>) {
        let (e, found) = self.best_along(Lever::Solar, mix, self.p.solar, hint);
        if e.feasible() || self.p.wind.is_fixed() || mix.wind_mw >= self.p.wind.max {
            return (e, found);
        }
        let at_most = Mix {
            solar_mwdc: self.p.solar.max,
            ..mix
        };
        let wind = Bounds {
            min: mix.wind_mw,
            max: self.p.wind.max,
        };
        let (w, _) = self.best_along(Lever::Wind, at_most, wind, None);
        if w.better_than(&e) {
            (w, None)
        } else {
            (e, found)
        }
    }

    /// How far an evaluation meets the target, signed: its share's margin over the target
    /// (and the other share's over its floor) when feasible, minus its violation when not. A
    /// root finder on it uses both sides of the bracket.
    fn margin(&self, e: &Evaluation) -> f64 {
        if !e.feasible() {
            return -e.violation;
        }
        let (share, other) = match self.p.target {
            TargetKind::RenewableFraction => (e.renewable_fraction, e.cfe_score),
            TargetKind::Cfe => (e.cfe_score, e.renewable_fraction),
        };
        let m = share - self.p.target_value;
        if self.p.other_min > 0.0 {
            m.min(other - self.p.other_min)
        } else {
            m
        }
    }

    /// The best value of one capacity (`lever`, within `b`) for the rest of `mix`: the least
    /// that meets the target, or a cheaper one above it. The line search runs on the quick
    /// greedy estimate ([`Problem::evaluate_greedy`]), from `hint` (a neighbour's answer) when
    /// given; the point found is then evaluated exactly, with the backup sized and the battery
    /// keeping its reserve, and the capacity raised if that costs the target a little (by
    /// what it cost the neighbour, to start with). Returns the evaluation and, when the line
    /// search found a value, the hint it gives a neighbour.
    fn best_along(
        &self,
        lever: Lever,
        mix: Mix,
        b: Bounds,
        hint: Option<LineHint>,
    ) -> (Evaluation, Option<LineHint>) {
        let mut scratch = Scratch::default();
        if let Some(h) = hint {
            scratch.set_backup_hint(h.backup_mw);
        }
        let with = |v: f64| lever.set(mix, v);
        if b.is_fixed() {
            return (self.eval(&with(b.min), &mut scratch), None);
        }
        // The quick estimate (greedy, no reserve) is exact when the backup can cover any
        // deficit; when its bounds keep it below the peak load, the battery's reserve decides
        // what is met, and only the exact dispatch can tell.
        let backup_capped = self.p.backup.max < self.p.peak_load_mw() * (1.0 - 1e-9);
        // The values a line search probed, remembered: the exact phase starts from the slope
        // at the line search's answer, which it evaluated already.
        let seen = std::cell::RefCell::new(Vec::<Probe>::new());
        let quick = |v: f64, scratch: &mut Scratch| {
            if let Some((_, e)) = seen.borrow().iter().find(|(u, _)| *u == v) {
                return *e;
            }
            self.evaluations.fetch_add(1, Ordering::Relaxed);
            let e = if backup_capped {
                self.p.evaluate_sized(&with(v), scratch)
            } else {
                self.p.evaluate_greedy(&with(v), scratch)
            };
            seen.borrow_mut().push((v, e));
            e
        };
        let line = self.line_search(
            lever,
            b,
            hint.map(|h| (h.value, h.slope)),
            &quick,
            &mut scratch,
        );
        let (s_star, line_slope) = match line {
            Ok(v) => v,
            // Nothing within the bounds meets the target.
            Err(top) => return (top, None),
        };
        let found = |e: Evaluation| {
            let v = lever.get(&e.mix);
            (
                e,
                Some(LineHint {
                    value: v,
                    reserve_offset: v - s_star,
                    backup_mw: e.mix.backup_mw,
                    slope: line_slope,
                }),
            )
        };
        let exact = |v: f64, scratch: &mut Scratch| self.eval(&with(v), scratch);
        let tol = 1e-4 * (b.max - b.min) + 1e-3;
        let offset = hint.map_or(0.0, |h| h.reserve_offset);
        // The reserve cost the neighbour `offset` of the capacity: start there, and step by the
        // quick estimate's slope (then the secant) to the target, half a tolerance past it.
        let (lo, first) = if offset > 0.5 * tol && s_star + offset < b.max {
            let h = 1e-3 * (b.max - b.min) + 1e-3;
            let slope = line_slope.unwrap_or_else(|| {
                let (q0, q1) = (quick(s_star, &mut scratch), quick(s_star + h, &mut scratch));
                (self.margin(&q1) - self.margin(&q0)) / h
            });
            let start = s_star + offset;
            match self.least_feasible_near(b, start, slope, s_star, &exact, &mut scratch) {
                Ok((e, ..)) => return found(e),
                Err(lo) => lo,
            }
        } else {
            let first = exact(s_star, &mut scratch);
            if first.feasible() {
                return found(first);
            }
            (s_star, first)
        };
        // Keeping the reserve cost a little of the share: raise the capacity by what the quick
        // estimate's slope says, with a margin; Illinois from there if still short.
        let h = 1e-3 * (b.max - b.min) + 1e-3;
        let share_at = |e: &Evaluation| match self.p.target {
            TargetKind::RenewableFraction => e.renewable_fraction,
            TargetKind::Cfe => e.cfe_score,
        };
        let slope = match line_slope {
            Some(slope) if lo == s_star => slope,
            _ => {
                let (q0, q1) = (quick(lo, &mut scratch), quick(lo + h, &mut scratch));
                (share_at(&q1) - share_at(&q0)) / h
            }
        };
        if slope > 0.0 {
            let s1 = (lo + 1.25 * first.violation / slope + h).min(b.max);
            let e1 = exact(s1, &mut scratch);
            if e1.feasible() {
                let (e, ..) = self.least_feasible(b, (lo, first), (s1, e1), &exact, &mut scratch);
                return found(e);
            }
        }
        let top = exact(b.max, &mut scratch);
        if !top.feasible() {
            return (if top.better_than(&first) { top } else { first }, None);
        }
        found(
            self.least_feasible(b, (lo, first), (b.max, top), &exact, &mut scratch)
                .0,
        )
    }

    /// The least value in `b` that meets the target, by secant steps from `start`, the share
    /// rising `slope` per unit there; `floor` is a value known not to meet it. `Err` with the
    /// highest value found short of the target when four steps do not bracket it.
    fn least_feasible_near(
        &self,
        b: Bounds,
        start: f64,
        mut slope: f64,
        floor: f64,
        at: &dyn Fn(f64, &mut Scratch) -> Evaluation,
        scratch: &mut Scratch,
    ) -> Result<Root, Probe> {
        let tol = 1e-4 * (b.max - b.min) + 1e-3;
        let mut p = start.clamp(b.min, b.max);
        let mut e = at(p, scratch);
        let (mut lo, mut hi): (Option<Probe>, Option<Probe>) = (None, None);
        for _ in 0..4 {
            if e.feasible() {
                hi = Some((p, e));
            } else {
                lo = Some((p, e));
            }
            match (lo, hi) {
                (Some(l), Some(h)) => return Ok(self.least_feasible(b, l, h, at, scratch)),
                (None, Some(h)) if h.0 <= b.min || h.0 <= floor + 0.5 * tol => {
                    return Ok((
                        h.1,
                        (slope > 0.0 && slope.is_finite()).then_some(slope),
                        None,
                    ));
                }
                _ => {}
            }
            if slope.is_nan() || slope <= 0.0 {
                break;
            }
            let g = self.margin(&e);
            let q = if e.feasible() {
                (p - g / slope - 0.5 * tol)
                    .min(p - tol)
                    .max(floor.max(b.min))
            } else {
                (p - g / slope + 0.5 * tol).max(p + tol).min(b.max)
            };
            if q == p {
                break;
            }
            let next = at(q, scratch);
            let s = (self.margin(&next) - g) / (q - p);
            if s > 0.0 && s.is_finite() {
                slope = s;
            }
            (p, e) = (q, next);
        }
        if let Some(h) = hi {
            // Stepping down never failed: from the floor.
            let f = at(floor, scratch);
            if f.feasible() {
                return Ok((f, None, None));
            }
            return Ok(self.least_feasible(b, (floor, f), h, at, scratch));
        }
        Err(lo.unwrap_or((p, e)))
    }

    /// The least value in (lo, hi] that meets the target, `hi` being feasible and `lo` not
    /// (their evaluations given); `b` the variable's bounds. Illinois (modified regula falsi,
    /// Dowell & Jarratt 1971) on the signed [`margin`](Self::margin), each probe kept half the
    /// tolerance inside the bracket so that it closes once the root is near.
    fn least_feasible(
        &self,
        b: Bounds,
        (mut lo, lo_eval): (f64, Evaluation),
        (mut hi, mut hi_eval): (f64, Evaluation),
        at: &dyn Fn(f64, &mut Scratch) -> Evaluation,
        scratch: &mut Scratch,
    ) -> Root {
        let tol = 1e-4 * (b.max - b.min) + 1e-3;
        let (mut g_lo, mut g_hi) = (self.margin(&lo_eval).min(0.0), self.margin(&hi_eval));
        // The margins as measured (Illinois halves the one kept), for the slope at the end.
        let (mut m_lo, mut m_hi) = (g_lo, g_hi);
        let mut cost_lo = lo_eval.annualized_cost_usd;
        let mut side = 0i8;
        while hi - lo > tol * (1.0 + 1e-9) {
            let mut s = hi - g_hi * (hi - lo) / (g_hi - g_lo);
            if !s.is_finite() {
                s = 0.5 * (lo + hi);
            }
            s = s.clamp(lo + 0.5 * tol, hi - 0.5 * tol);
            let e = at(s, scratch);
            let g = self.margin(&e);
            if e.feasible() {
                hi = s;
                hi_eval = e;
                g_hi = g;
                m_hi = g;
                if side == 1 {
                    g_lo *= 0.5;
                }
                side = 1;
            } else {
                lo = s;
                g_lo = g.min(0.0);
                m_lo = g_lo;
                cost_lo = e.annualized_cost_usd;
                if side == -1 {
                    g_hi *= 0.5;
                }
                side = -1;
            }
            if self.cancel.load(Ordering::Relaxed) {
                break;
            }
        }
        let slope = (m_hi - m_lo) / (hi - lo);
        let cost_slope = (hi_eval.annualized_cost_usd - cost_lo) / (hi - lo);
        (
            hi_eval,
            (slope > 0.0 && slope.is_finite()).then_some(slope),
            cost_slope.is_finite().then_some(cost_slope),
        )
    }

    /// The least value in `b` that meets the target by `at`: from `hint` (a neighbour's value
    /// and, when known, the margin's slope there), secant steps on that slope
    /// ([`least_feasible_near`](Self::least_feasible_near)); without a slope, or when they do
    /// not bracket it, a bracket grown from the value in steps of 1 % of the range (four times
    /// longer each time), else the whole range; then [`least_feasible`](Self::least_feasible).
    /// `Err` with the evaluation at the top when nothing in `b` meets it.
    fn least_feasible_in(
        &self,
        b: Bounds,
        hint: Option<(f64, Option<f64>)>,
        at: &dyn Fn(f64, &mut Scratch) -> Evaluation,
        scratch: &mut Scratch,
    ) -> Result<Root, Evaluation> {
        let mut hint = hint.map(|(h, slope)| (b.clamp(h), slope));
        // With the neighbour's slope: secant steps from its value, as for the exact dispatch.
        if let Some((h, Some(slope))) = hint {
            match self.least_feasible_near(b, h, slope, b.min, at, scratch) {
                Ok(root) => return Ok(root),
                Err((v, _)) => hint = Some((v, None)),
            }
        }
        let (lo, hi) = match hint.map(|(h, _)| h) {
            None => {
                let top = at(b.max, scratch);
                if !top.feasible() {
                    return Err(top);
                }
                let low = at(b.min, scratch);
                if low.feasible() {
                    return Ok((low, None, None));
                }
                ((b.min, low), (b.max, top))
            }
            Some(h) => {
                let mut d = 0.01 * (b.max - b.min);
                let e = at(h, scratch);
                if e.feasible() {
                    let mut hi = (h, e);
                    loop {
                        if hi.0 <= b.min {
                            return Ok((hi.1, None, None));
                        }
                        let v = (hi.0 - d).max(b.min);
                        let e = at(v, scratch);
                        if !e.feasible() {
                            break ((v, e), hi);
                        }
                        hi = (v, e);
                        d *= 4.0;
                    }
                } else {
                    let mut lo = (h, e);
                    loop {
                        if lo.0 >= b.max {
                            return Err(lo.1);
                        }
                        let v = (lo.0 + d).min(b.max);
                        let e = at(v, scratch);
                        if e.feasible() {
                            break (lo, (v, e));
                        }
                        lo = (v, e);
                        d *= 4.0;
                    }
                }
            }
        };
        Ok(self.least_feasible(b, lo, hi, at, scratch))
    }

    /// The value the quick estimate finds best, and the margin's slope there when it is a root:
    /// the least that meets the target, or a cheaper one above it (Brent's method; the cost is
    /// convex along the line, so none is looked for when it rises through the root's bracket).
    /// `Err` with the evaluation at the top when nothing in `b` meets the target.
    fn line_search(
        &self,
        lever: Lever,
        b: Bounds,
        hint: Option<(f64, Option<f64>)>,
        quick: &dyn Fn(f64, &mut Scratch) -> Evaluation,
        scratch: &mut Scratch,
    ) -> Result<(f64, Option<f64>), Evaluation> {
        let tol = 1e-4 * (b.max - b.min) + 1e-3;
        let (s_min_eval, slope, cost_slope) = self.least_feasible_in(b, hint, quick, scratch)?;
        // Is more solar cheaper (fuel saved worth more than the panels)? Not when the cost
        // rises through the root's bracket: the cost is convex along the line.
        let s0 = lever.get(&s_min_eval.mix);
        let h = 0.01 * (b.max - b.min);
        if s0 + h > b.max || cost_slope.is_some_and(|c| c > 0.0) {
            return Ok((s0, slope));
        }
        let next = quick(s0 + h, scratch);
        if !next.better_than(&s_min_eval) {
            return Ok((s0, slope));
        }
        let golden = brent_min((s0, b.max), tol, |v| quick(v, scratch), &|| {
            self.cancel.load(Ordering::Relaxed)
        });
        // A cheaper value above the least is no root: its slope means nothing to a neighbour.
        Ok([s_min_eval, next, golden]
            .into_iter()
            .reduce(better)
            .map_or((s0, slope), |e| {
                let v = lever.get(&e.mix);
                (v, if v == s0 { slope } else { None })
            }))
    }

    /// The best supply at `x`, its solar searched from `hint` (a neighbour's) when given.
    fn eval_point(&self, x: &Point, hint: Option<LineHint>) -> (Evaluation, Option<LineHint>) {
        self.best_solar(self.mix_at(x), hint)
    }

    /// Poll directions over the variables that can move: coordinates and pairwise diagonals.
    fn directions(&self) -> Vec<Point> {
        let free = [
            !self.p.wind.is_fixed(),
            !self.p.battery_energy.is_fixed(),
            !self.p.battery_power.is_fixed(),
        ];
        let mut dirs = Vec::new();
        for i in 0..DIMS {
            if !free[i] {
                continue;
            }
            for s in [1.0, -1.0] {
                let mut d = [0.0; DIMS];
                d[i] = s;
                dirs.push(d);
            }
            for j in (i + 1)..DIMS {
                if !free[j] {
                    continue;
                }
                for (si, sj) in [(1.0, 1.0), (-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0)] {
                    let mut d = [0.0; DIMS];
                    d[i] = si;
                    d[j] = sj;
                    dirs.push(d);
                }
            }
        }
        dirs
    }

    /// Pattern search from `x0` with first step `step`; returns the best evaluation and point.
    fn pattern_search(
        &self,
        x0: Point,
        e0: Evaluation,
        mut step: f64,
        tol: f64,
        report: &dyn Fn(&Evaluation),
    ) -> (Point, Evaluation) {
        let dirs = self.directions();
        let (mut x, mut best) = (x0, e0);
        let mut hint = Some(LineHint {
            value: e0.mix.solar_mwdc,
            reserve_offset: 0.0,
            backup_mw: e0.mix.backup_mw,
            slope: None,
        });
        if dirs.is_empty() {
            return (x, best);
        }
        let free_dims: Vec<usize> = (0..DIMS)
            .filter(|&k| dirs.iter().any(|d| d[k] != 0.0))
            .collect();
        // The coordinate directions are polled first, the diagonals only when no coordinate
        // improves: a failed poll still tries them all.
        while step >= tol && !self.cancel.load(Ordering::Relaxed) {
            let poll = |dirs: &mut dyn Iterator<Item = &Point>| {
                let trial: Vec<Point> = dirs
                    .map(|d| {
                        let mut y = x;
                        for k in 0..DIMS {
                            y[k] = (y[k] + step * d[k]).clamp(0.0, 1.0);
                        }
                        y
                    })
                    .filter(|y| *y != x)
                    .collect();
                trial
                    .par_iter()
                    .map(|y| {
                        let (e, h) = self.eval_point(y, hint);
                        ((*y, e), h)
                    })
                    .collect::<Vec<_>>()
            };
            let best_of = |polled: &[((Point, Evaluation), Option<LineHint>)]| {
                polled
                    .iter()
                    .copied()
                    .reduce(|a, b| if b.0.1.better_than(&a.0.1) { b } else { a })
            };
            let is_coordinate = |d: &&Point| d.iter().filter(|v| **v != 0.0).count() == 1;
            let mut polled = poll(&mut dirs.iter().filter(is_coordinate));
            let mut found = best_of(&polled);
            if !found.as_ref().is_some_and(|f| f.0.1.better_than(&best)) {
                polled.extend(poll(&mut dirs.iter().filter(|d| !is_coordinate(d))));
                found = best_of(&polled);
            }
            match found {
                Some(((y, e), h)) if e.better_than(&best) => {
                    x = y;
                    best = e;
                    hint = h.or(hint);
                    report(&best);
                }
                _ => {
                    // A failed poll surrounds the incumbent: the quadratic through the polled
                    // costs points at the minimum within the poll's reach (a search step,
                    // Custódio & Vicente 2007). When it is better, the step shrinks faster.
                    let samples: Vec<(Point, f64)> = std::iter::once((x, best))
                        .chain(polled.iter().map(|p| p.0))
                        .filter(|(_, e)| e.feasible())
                        .map(|(y, e)| (y, e.annualized_cost_usd))
                        .collect();
                    let model = (best.feasible() && samples.len() == polled.len() + 1)
                        .then(|| quadratic_model_min(&x, step, &samples, &free_dims))
                        .flatten()
                        .filter(|m| *m != x);
                    let improved = model.and_then(|m| {
                        let (e, h) = self.eval_point(&m, hint);
                        e.better_than(&best).then_some((m, e, h))
                    });
                    if let Some((m, e, h)) = improved {
                        x = m;
                        best = e;
                        hint = h.or(hint);
                        report(&best);
                        step *= 0.25;
                    } else {
                        step *= 0.5;
                    }
                }
            }
        }
        (x, best)
    }
}

/// The minimum of the quadratic fitted (least squares) to `samples` (point, cost) around
/// `center`, over the coordinates `free`, within one `step` of the centre in each of them and
/// within [0, 1]; `None` when the fit is not determined or not convex.
#[allow(clippy::needless_range_loop)] // matrix code reads best with its indices
fn quadratic_model_min(
    center: &Point,
    step: f64,
    samples: &[(Point, f64)],
    free: &[usize],
) -> Option<Point> {
    let d = free.len();
    let n = 1 + d + d * (d + 1) / 2;
    if d == 0 || samples.len() < n + 1 || step <= 0.0 {
        return None;
    }
    let f0 = samples[0].1;
    let scale = f0.abs().max(1.0);
    // Basis: 1, y_i, and y_i y_j (i < j) or y_i^2 / 2, so that the last are the Hessian.
    let basis = |p: &Point| {
        let y: Vec<f64> = free.iter().map(|&k| (p[k] - center[k]) / step).collect();
        let mut b = Vec::with_capacity(n);
        b.push(1.0);
        b.extend(y.iter().copied());
        for i in 0..d {
            for j in i..d {
                b.push(if i == j {
                    0.5 * y[i] * y[i]
                } else {
                    y[i] * y[j]
                });
            }
        }
        b
    };
    let mut ata = vec![vec![0.0; n]; n];
    let mut atf = vec![0.0; n];
    for (p, f) in samples {
        let b = basis(p);
        let v = (f - f0) / scale;
        for i in 0..n {
            atf[i] += b[i] * v;
            for j in 0..n {
                ata[i][j] += b[i] * b[j];
            }
        }
    }
    let c = solve_linear(ata, atf)?;
    let g: Vec<f64> = c[1..=d].to_vec();
    let mut h = vec![vec![0.0; d]; d];
    let mut k = 1 + d;
    for i in 0..d {
        for j in i..d {
            h[i][j] = c[k];
            h[j][i] = c[k];
            k += 1;
        }
    }
    // Convex: every leading minor positive (Sylvester), checked by Cholesky.
    let mut l = vec![vec![0.0; d]; d];
    for i in 0..d {
        for j in 0..=i {
            let s: f64 = (0..j).map(|m| l[i][m] * l[j][m]).sum();
            if i == j {
                let v = h[i][i] - s;
                if v <= 1e-12 {
                    return None;
                }
                l[i][i] = v.sqrt();
            } else {
                l[i][j] = (h[i][j] - s) / l[j][j];
            }
        }
    }
    let y = solve_linear(h, g.iter().map(|v| -v).collect())?;
    let mut m = *center;
    for (i, &k) in free.iter().enumerate() {
        m[k] = (center[k] + step * y[i].clamp(-1.0, 1.0)).clamp(0.0, 1.0);
    }
    Some(m)
}

/// `a x = b` by Gaussian elimination with partial pivoting; `None` when `a` is singular.
#[allow(clippy::needless_range_loop)] // matrix code reads best with its indices
fn solve_linear(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    let norm = a.iter().flatten().fold(0.0, |m: f64, v| m.max(v.abs()));
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() <= 1e-12 * norm.max(1e-300) {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for r in (col + 1)..n {
            let f = a[r][col] / a[col][col];
            for c in col..n {
                a[r][c] -= f * a[col][c];
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s: f64 = ((r + 1)..n).map(|c| a[r][c] * x[c]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Find the least-cost mix of `problem`.
///
/// Bounds never change the answer when they contain it: when a `Between` bound narrows a
/// capacity ([`Problem::relaxed`]), the problem with every movable capacity free is solved
/// first, and its optimum is the answer when it lies within the bounds; otherwise the bounded
/// problem is solved from that optimum moved into the bounds. Each solve searches a window
/// ([`Problem::window`]) of each capacity's range first, widened while the answer reaches its
/// top, so a wide range (0 to 1,000,000 MW) is searched as finely as a narrow one.
pub fn optimize(problem: &Problem, options: &SearchOptions, control: &Control) -> Outcome {
    let Some(relaxed_bounds) = problem.relaxed else {
        return optimize_widening(problem, options, control, problem.start);
    };
    let mut relaxed = problem.clone();
    for (k, b) in relaxed_bounds.iter().enumerate() {
        *relaxed.bounds_mut(k) = *b;
    }
    relaxed.relaxed = None;
    let free = optimize_widening(&relaxed, options, control, problem.start);
    if free.cancelled || problem.contains(&free.best.mix) {
        return free;
    }
    let start = problem.clamp(&free.best.mix);
    let bounded = optimize_widening(problem, options, control, start);
    Outcome {
        evaluations: free.evaluations + bounded.evaluations,
        ..bounded
    }
}

/// Rounds of widening at most: each multiplies a window's width by [`WIDEN_FACTOR`], so ten
/// reach 4^10 (a million) times the first window.
const MAX_WIDENINGS: usize = 10;
/// How much a window grows when the answer reaches its top.
const WIDEN_FACTOR: f64 = 4.0;

/// [`optimize_in`] over windows of the bounds (see [`Problem::window`]), widened while the
/// answer reaches a window's top and the bounds allow more; from `start` (moved into the first
/// window).
fn optimize_widening(
    problem: &Problem,
    options: &SearchOptions,
    control: &Control,
    start: Mix,
) -> Outcome {
    // The backup is sized exactly for each mix, never searched: it keeps its whole range.
    const SEARCHED: [usize; 4] = [0, 1, 2, 3];
    let mut win = problem.clone();
    for k in SEARCHED {
        let b = problem.bounds(k);
        if !b.is_fixed() {
            win.bounds_mut(k).max = (b.min + problem.window.get(k)).min(b.max);
        }
    }
    win.start = win.clamp(&start);
    let mut evaluations = 0;
    let mut rounds = 0;
    loop {
        let o = optimize_in(&win, options, control);
        evaluations += o.evaluations;
        if o.cancelled || rounds >= MAX_WIDENINGS {
            return Outcome { evaluations, ..o };
        }
        let mut widened = false;
        for k in SEARCHED {
            let (w, full) = (win.bounds(k), problem.bounds(k));
            let v = o.best.mix.get(k);
            // Whole turbines can land a little above the window's top.
            let near_top = v >= w.max - 0.02 * (w.max - w.min).max(problem.turbine_mw);
            if !w.is_fixed() && near_top && w.max < full.max {
                let width = (w.max - w.min).max(problem.window.get(k));
                win.bounds_mut(k).max = (w.min + WIDEN_FACTOR * width).min(full.max);
                widened = true;
            }
        }
        if !widened {
            return Outcome { evaluations, ..o };
        }
        rounds += 1;
        win.start = win.clamp(&o.best.mix);
    }
}

/// The least-cost mix within the bounds of `problem`, from its start and a coarse grid.
fn optimize_in(problem: &Problem, options: &SearchOptions, control: &Control) -> Outcome {
    let s = Searcher {
        p: problem,
        evaluations: AtomicU64::new(0),
        cancel: control.cancel,
    };
    // Flexible work flattens the cost against the battery (the work, not the battery, takes
    // the day's surplus first), so a search can settle at no battery where a small one pays:
    // with flexible work the grid is finer near zero and more of its points are starts.
    let flexible = problem.flexible.is_some() && options.extra_starts > 0;
    let starts_total = 1 + if flexible {
        options.extra_starts.max(3)
    } else {
        options.extra_starts
    };
    let done_runs = AtomicU64::new(0);
    let best_so_far = std::sync::Mutex::new(None::<Evaluation>);
    let report = |e: &Evaluation| {
        let mut guard = best_so_far.lock().unwrap_or_else(|p| p.into_inner());
        let improved = guard.is_none_or(|b| e.better_than(&b));
        if improved {
            *guard = Some(*e);
        }
        let best = guard.unwrap_or(*e);
        drop(guard);
        let runs = done_runs.load(Ordering::Relaxed) as f64;
        (control.progress)(Progress {
            evaluations: s.evaluations.load(Ordering::Relaxed),
            fraction: ((runs + 0.5) / (starts_total as f64 + 1.0)).min(0.99),
            best,
        });
    };

    // Starting points: the scenario's own mix, and the best of a coarse grid.
    let own = s.point_of(&problem.start);
    let grid: Vec<Point> = {
        let ticks: &[f64] = if flexible {
            &[0.01, 0.05, 0.3, 0.6]
        } else {
            &[0.05, 0.3, 0.6]
        };
        let mut g = Vec::new();
        for &a in ticks {
            for &b in ticks {
                for &c in ticks {
                    g.push([a, b, c]);
                }
            }
        }
        g
    };
    let grid = if options.extra_starts > 0 {
        grid
    } else {
        Vec::new()
    };
    let mut seeds: Vec<(Point, Evaluation)> = std::iter::once(own)
        .chain(grid)
        .collect::<Vec<_>>()
        .par_iter()
        .map(|x| (*x, s.eval_point(x, None).0))
        .collect();
    let mut own_eval = seeds[0];
    // The start itself, as it is (its own solar): when it beats its line-searched neighbour it
    // is the incumbent, so the answer is never worse than the start (a good start, such as the
    // free optimum moved into narrow bounds, is kept).
    let start = problem.clamp(&problem.start);
    let start_exact = s.eval(&start, &mut Scratch::default());
    let whole_turbines = problem.turbine_mw <= 0.0
        || problem.wind.is_fixed()
        || ((start.wind_mw / problem.turbine_mw).round() * problem.turbine_mw - start.wind_mw)
            .abs()
            < 1e-6;
    if start_exact.better_than(&own_eval.1) {
        own_eval.1 = start_exact;
    }
    report(&own_eval.1);
    let mut rest: Vec<(Point, Evaluation)> = seeds.split_off(1);
    rest.sort_by(|a, b| {
        if a.1.better_than(&b.1) {
            std::cmp::Ordering::Less
        } else if b.1.better_than(&a.1) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    let mut starts = vec![own_eval];
    for cand in rest {
        if starts.len() >= starts_total {
            break;
        }
        if starts.iter().all(|(x, _)| x != &cand.0) {
            starts.push(cand);
        }
    }
    let results: Vec<(Point, Evaluation)> = starts
        .par_iter()
        .map(|(x, e)| {
            let r = s.pattern_search(*x, *e, options.first_step, options.step_tolerance, &report);
            done_runs.fetch_add(1, Ordering::Relaxed);
            r
        })
        .collect();
    let (mut x, mut best) = results.into_iter().reduce(better_point).unwrap_or(own_eval);

    // Whole turbines: try the counts on each side and re-polish the battery around each.
    if problem.turbine_mw > 0.0
        && !problem.wind.is_fixed()
        && !control.cancel.load(Ordering::Relaxed)
    {
        let t = problem.turbine_mw;
        let w = best.mix.wind_mw;
        let candidates = [(w / t).floor() * t, (w / t).ceil() * t];
        let polished: Vec<(Point, Evaluation)> = candidates
            .par_iter()
            .filter(|c| **c >= problem.wind.min - 1e-9 && **c <= problem.wind.max + 1e-9)
            .map(|c| {
                let fixed = Problem {
                    wind: Bounds::fixed(*c),
                    ..problem.clone()
                };
                let sub = Searcher {
                    p: &fixed,
                    evaluations: AtomicU64::new(0),
                    cancel: control.cancel,
                };
                let mut y = x;
                y[0] = 0.0;
                let hint = LineHint {
                    value: best.mix.solar_mwdc,
                    reserve_offset: 0.0,
                    backup_mw: best.mix.backup_mw,
                    slope: None,
                };
                let e0 = sub.eval_point(&y, Some(hint)).0;
                let r = sub.pattern_search(y, e0, 1.0 / 256.0, options.step_tolerance, &|_| {});
                s.evaluations
                    .fetch_add(sub.evaluations.load(Ordering::Relaxed), Ordering::Relaxed);
                r
            })
            .collect();
        if let Some((_, e)) = polished.into_iter().reduce(better_point)
            && (e.feasible() || !best.feasible())
        {
            best = e;
            x = s.point_of(&best.mix);
        }
    }
    let _ = x;
    if !problem.backup.is_fixed() && best.feasible() && !control.cancel.load(Ordering::Relaxed) {
        best = more_backup_if_cheaper(problem, best, &s.evaluations);
    }
    if whole_turbines {
        best = better(best, start_exact);
    }
    // The answer, in whole turbines, is the last word (it can cost a little more than the
    // continuous best reported before).
    (control.progress)(Progress {
        evaluations: s.evaluations.load(Ordering::Relaxed),
        fraction: 1.0,
        best,
    });
    Outcome {
        best,
        evaluations: s.evaluations.load(Ordering::Relaxed),
        cancelled: control.cancel.load(Ordering::Relaxed),
    }
}

/// Golden-section search of the backup between the least that serves the load and the largest
/// deficit (where the battery need keep no reserve), the rest of the mix fixed: more backup lets
/// the battery discharge earlier and can save fuel.
fn more_backup_if_cheaper(p: &Problem, best: Evaluation, count: &AtomicU64) -> Evaluation {
    let mut scratch = Scratch::default();
    let top_mw = p
        .load_mw
        .iter()
        .zip(&p.solar_mw_per_mwdc)
        .zip(&p.wind_mw_per_mw)
        .map(|((l, s), w)| l - s * best.mix.solar_mwdc - w * best.mix.wind_mw)
        .fold(0.0, f64::max)
        .min(p.backup.max);
    let lo_mw = best.mix.backup_mw;
    if top_mw <= lo_mw {
        return best;
    }
    let at = |b: f64| {
        count.fetch_add(1, Ordering::Relaxed);
        p.evaluate(
            &Mix {
                backup_mw: b,
                ..best.mix
            },
            &mut scratch,
        )
    };
    let golden = golden_section((lo_mw, top_mw), 1e-3 * (top_mw - lo_mw) + 1e-3, at, &|| {
        false
    });
    better(best, golden)
}

/// The better of two evaluations (the first on a tie).
fn better(a: Evaluation, b: Evaluation) -> Evaluation {
    if b.better_than(&a) { b } else { a }
}

/// The better of two searched points (the first on a tie).
fn better_point(a: (Point, Evaluation), b: (Point, Evaluation)) -> (Point, Evaluation) {
    if b.1.better_than(&a.1) { b } else { a }
}

/// Brent's minimization (Brent 1973, ch. 5; the `fmin` of Forsythe, Malcolm & Moler 1977) of
/// the cost of `at` over `range` down to `tol`: parabolic interpolation through the three best
/// points, golden section when a parabola's step is not trusted; for a cost convex along the
/// line it needs about half the evaluations of [`golden_section`]. Infeasible evaluations count
/// as dearer than any feasible one. Stops early when `stop` says so; returns the best seen.
fn brent_min(
    range: (f64, f64),
    tol: f64,
    mut at: impl FnMut(f64) -> Evaluation,
    stop: &dyn Fn() -> bool,
) -> Evaluation {
    let golden = 0.5 * (3.0 - 5f64.sqrt());
    let eps = f64::EPSILON.sqrt();
    let cost = |e: &Evaluation| {
        if e.feasible() {
            e.annualized_cost_usd
        } else {
            f64::MAX / 4.0
        }
    };
    let (mut a, mut b) = range;
    let mut x = a + golden * (b - a);
    let mut best = at(x);
    let mut fx = cost(&best);
    let (mut w, mut v, mut fw, mut fv) = (x, x, fx, fx);
    let (mut d, mut e) = (0.0f64, 0.0f64);
    loop {
        let xm = 0.5 * (a + b);
        let tol1 = eps * x.abs() + tol / 3.0;
        let tol2 = 2.0 * tol1;
        if (x - xm).abs() <= tol2 - 0.5 * (b - a) || stop() {
            break;
        }
        let mut use_golden = true;
        if e.abs() > tol1 {
            let r = (x - w) * (fx - fv);
            let mut q = (x - v) * (fx - fw);
            let mut p = (x - v) * q - (x - w) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            }
            q = q.abs();
            let e_before = e;
            if p.abs() < (0.5 * q * e_before).abs() && p > q * (a - x) && p < q * (b - x) {
                e = d;
                d = p / q;
                let u = x + d;
                if u - a < tol2 || b - u < tol2 {
                    d = tol1.copysign(xm - x);
                }
                use_golden = false;
            }
        }
        if use_golden {
            e = if x >= xm { a - x } else { b - x };
            d = golden * e;
        }
        let u = if d.abs() >= tol1 {
            x + d
        } else {
            x + tol1.copysign(d)
        };
        let eu = at(u);
        let fu = cost(&eu);
        if eu.better_than(&best) {
            best = eu;
        }
        if fu <= fx {
            if u >= x {
                a = x;
            } else {
                b = x;
            }
            (v, fv, w, fw, x, fx) = (w, fw, x, fx, u, fu);
        } else {
            if u < x {
                a = u;
            } else {
                b = u;
            }
            if fu <= fw || w == x {
                (v, fv, w, fw) = (w, fw, u, fu);
            } else if fu <= fv || v == x || v == w {
                (v, fv) = (u, fu);
            }
        }
    }
    best
}

/// Golden-section search (Kiefer 1953) of `at` over `range` down to `tol`, for a cost convex
/// along the line; stops early when `stop` says so. Returns the best of the last two probes.
fn golden_section(
    range: (f64, f64),
    tol: f64,
    mut at: impl FnMut(f64) -> Evaluation,
    stop: &dyn Fn() -> bool,
) -> Evaluation {
    let g = 0.5 * (5f64.sqrt() - 1.0);
    let (mut a, mut d) = range;
    let (mut c1, mut c2) = (d - g * (d - a), a + g * (d - a));
    let mut e1 = at(c1);
    let mut e2 = at(c2);
    while d - a > tol {
        if e1.better_than(&e2) {
            d = c2;
            c2 = c1;
            e2 = e1;
            c1 = d - g * (d - a);
            e1 = at(c1);
        } else {
            a = c1;
            c1 = c2;
            e1 = e2;
            c2 = a + g * (d - a);
            e2 = at(c2);
        }
        if stop() {
            break;
        }
    }
    better(e1, e2)
}

/// Capacities the optimizer writes are rounded up to this step [MW, MWdc or MWh]: 100 kW is
/// below any planner's precision and a file reads `198.4`, not `198.35442509596541`. Up, so
/// that a mix that meets its target still does; the KPIs reported are those of the rounded
/// scenario, so the file and the report agree.
pub const CAPACITY_STEP: f64 = 0.1;

/// `v` rounded up to [`CAPACITY_STEP`] (a hair of slack so that 198.4000000001 stays 198.4),
/// not above `max` (a user's bound, written as they wrote it).
pub fn round_capacity_up(v: f64, max: f64) -> f64 {
    let per = 1.0 / CAPACITY_STEP;
    let r = ((v * per) - 1e-6).ceil() / per;
    if r > max {
        max.max(v)
    } else {
        r.max(0.0) + 0.0
    }
}

/// The scenario with the capacities of `mix`: solar plants and wind farms scaled together
/// (whole turbines), the battery set, and backup built as the unit that runs first in merit
/// order (the others set to zero) unless backup was fixed. Capacities that change are rounded
/// up to [`CAPACITY_STEP`].
pub fn apply_mix(
    s: &Scenario,
    problem: &Problem,
    profiles: &SizingProfiles,
    mix: &Mix,
) -> Scenario {
    apply_mix_with(s, problem, profiles, mix, false)
}

/// [`apply_mix`], optionally keeping the backup units other than the first in merit order as
/// the scenario has them (`keep_other_backup`): the first unit then takes what the mix's
/// backup capacity leaves after them (none when they already hold it all), so the total is the
/// mix's.
pub fn apply_mix_with(
    s: &Scenario,
    problem: &Problem,
    profiles: &SizingProfiles,
    mix: &Mix,
    keep_other_backup: bool,
) -> Scenario {
    let mut out = s.clone();
    let now = capacities_of(s);
    let moved = |a: f64, b: f64| (a - b).abs() > 1e-9 * a.abs().max(b.abs()).max(1.0);
    if moved(now.solar_mwdc, mix.solar_mwdc) {
        let rounded: Vec<f64> = profiles
            .solar_weights
            .iter()
            .map(|w| round_capacity_up(mix.solar_mwdc * w, f64::INFINITY))
            .collect();
        // At the top of its bounds the mix is written as the bound gives it.
        let within = rounded.iter().sum::<f64>() <= problem.solar.max + 1e-9;
        for (p, (w, r)) in out
            .solar_plants
            .iter_mut()
            .zip(profiles.solar_weights.iter().zip(&rounded))
        {
            p.capacity_mwdc = if within { *r } else { mix.solar_mwdc * w };
        }
    }
    if moved(now.wind_mw, mix.wind_mw) {
        let farms: Vec<(usize, f64, f64)> = profiles
            .wind_weights
            .iter()
            .zip(&profiles.turbine_mw)
            .enumerate()
            .filter(|(_, (_, t))| **t > 0.0)
            .map(|(i, (w, t))| (i, *w, *t))
            .collect();
        // The nearest whole count of each farm...
        let mut counts: Vec<f64> = farms
            .iter()
            .map(|(_, w, t)| (mix.wind_mw * w / t).round().max(0.0))
            .collect();
        // ... then a turbine added or removed where it moves the farm least from its share,
        // until the total lies within the bounds (when some whole number of turbines does).
        let total = |c: &[f64]| c.iter().zip(&farms).map(|(n, f)| n * f.2).sum::<f64>();
        let (lo, hi) = (problem.wind.min - 1e-9, problem.wind.max + 1e-9);
        for _ in 0..(2 * crate::scenario::MAX_TURBINES_PER_FARM as usize) {
            let now = total(&counts);
            let step = if now < lo {
                1.0
            } else if now > hi {
                -1.0
            } else {
                break;
            };
            let pick = (0..farms.len())
                .filter(|&k| {
                    let next = now + step * farms[k].2;
                    (step > 0.0 && next <= hi) || (step < 0.0 && counts[k] > 0.0 && next >= lo)
                })
                .min_by(|&a, &b| {
                    let off = |k: usize| {
                        let share = mix.wind_mw * farms[k].1 / farms[k].2;
                        (counts[k] + step - share).abs() - (counts[k] - share).abs()
                    };
                    off(a).total_cmp(&off(b))
                });
            match pick {
                Some(k) => counts[k] += step,
                None => break,
            }
        }
        for ((i, _, _), n) in farms.iter().zip(&counts) {
            out.wind_farms[*i].turbine_count = *n as u32;
        }
    }
    // A battery needs both energy and power: one without the other is not built.
    let built =
        crate::sim::economics::battery_is_built(mix.battery_energy_mwh, mix.battery_power_mw);
    let round = |now: f64, v: f64, max: f64| {
        if moved(now, v) {
            round_capacity_up(v, max)
        } else {
            v
        }
    };
    let battery = |now: f64, v: f64, max: f64| if built { round(now, v, max) } else { 0.0 };
    out.battery.energy_mwh = battery(
        now.battery_energy_mwh,
        mix.battery_energy_mwh,
        problem.battery_energy.max,
    );
    out.battery.power_mw = battery(
        now.battery_power_mw,
        mix.battery_power_mw,
        problem.battery_power.max,
    );
    // Backup kept as it is when the optimizer could not change it; else built as the unit that
    // runs first.
    if !problem.backup.is_fixed() || moved(now.backup_mw, mix.backup_mw) {
        // A unit that comes after the run is left as it is (it was not sized).
        let year = s.simulated_year();
        let order: Vec<usize> = crate::sim::backup_merit_order(s)
            .into_iter()
            .filter(|&i| !s.backup[i].comes_after(year))
            .collect();
        let others: f64 = if keep_other_backup {
            order.iter().skip(1).map(|&i| s.backup[i].capacity_mw).sum()
        } else {
            0.0
        };
        for (k, &i) in order.iter().enumerate() {
            out.backup[i].capacity_mw = if k == 0 {
                let first = (mix.backup_mw - others).max(0.0);
                round(now.backup_mw - others, first, problem.backup.max)
            } else if keep_other_backup {
                s.backup[i].capacity_mw
            } else {
                0.0
            };
        }
    }
    out
}

/// One optimization of a scenario, checked by the full simulation.
#[derive(Clone, Debug)]
pub struct ScenarioOptimum {
    pub problem: Problem,
    pub profiles: SizingProfiles,
    pub outcome: Outcome,
    /// The scenario with the optimal capacities.
    pub scenario: Scenario,
    /// The full simulation of that scenario (its KPIs are the optimum's).
    pub results: Results,
    /// Wall time of the search [s].
    pub wall_s: f64,
}

/// The capacities the scenario really holds (after rounding to whole turbines); never -0.
pub fn capacities_of(s: &Scenario) -> Mix {
    let mut m = Mix::default();
    for (k, v) in DECISION_VARS.iter().enumerate() {
        // -0.0 + 0.0 is +0.0: a capacity reads "0", not "-0".
        m.set(k, (v.in_scenario)(s) + 0.0);
    }
    m
}

/// Build the problem of `scenario`, optimize it and simulate the answer.
pub fn optimize_scenario(
    engine: &mut Engine,
    scenario: &Scenario,
    base_dir: &Path,
    options: &SearchOptions,
    control: &Control,
) -> Result<ScenarioOptimum, ProblemError> {
    let profiles = engine.sizing_profiles(scenario, base_dir)?;
    let problem = Problem::from_scenario(scenario, &profiles)?;
    let t0 = std::time::Instant::now();
    let mut outcome = optimize(&problem, options, control);
    let wall_s = t0.elapsed().as_secs_f64();
    let out = apply_mix(scenario, &problem, &profiles, &outcome.best.mix);
    // The search's answer is the mix as written (rounded up to `CAPACITY_STEP`), so that its
    // cost and shares are those of the file and of the simulation below.
    let written = capacities_of(&out);
    if written != outcome.best.mix {
        outcome.best = problem.evaluate(&written, &mut Scratch::default());
    }
    let results = engine.run(&out, base_dir)?;
    Ok(ScenarioOptimum {
        problem,
        profiles,
        outcome,
        scenario: out,
        results,
        wall_s,
    })
}

#[cfg(test)]
mod tests;
