//! Flexible compute: part of a rack group's IT energy (batch jobs, AI training checkpoints)
//! moves between the hours of a window to follow the renewable supply.
//!
//! The model, for one group with flexible share `f` and windows of `W` hours aligned to local
//! midnight (W = 24: the local calendar day; 48 and 168 counted from the run's first local
//! midnight):
//! - the group's IT power at a step splits into an inflexible part `(1 - f) x base` and a
//!   flexible part `x`, whose base is `f x base`;
//! - in each window, the flexible energy is conserved: `sum x = sum f x base`;
//! - `0 <= x <= nameplate - (1 - f) x base`: the group never draws more than its racks' design
//!   power (count x kW per rack) nor less than its inflexible part; before the group comes
//!   online its nameplate is zero, so nothing moves there;
//! - optionally, a ramp limit: the group's IT power changes by at most `ramp` per step, or by
//!   the base load's own change where that is larger (a daily profile is never made infeasible);
//! - the facility power at a step is `(inflexible IT + x) x PUE(t)`: the PUE follows the shifted
//!   load hour by hour.
//!
//! The shift is valley filling (water filling): with `r(t) = a(t) + PUE(t) x(t)` the residual
//! facility load (load minus renewable supply, `a` the rest of it), the flexible energy goes to
//! the steps where `r` is lowest, levelling it: `x(t) = clamp((lambda - a(t)) / PUE(t), lo, hi)`
//! with the level `lambda` such that the window's energy is conserved. This is the minimizer of
//! `sum r(t)^2 / (2 PUE(t))`; with a constant PUE it minimizes every convex function of the
//! residual load at once (Gan, Topcu & Low 2013): the least deficit energy (backup fuel and
//! unserved energy), the smallest peak deficit (backup capacity) and the least curtailment. It
//! is the least-cost shift for the window given its supply, and it is unique and deterministic.
//! With a PUE that varies within the window, levelling in facility MW is not the least-cost
//! shift: where a window runs in deficit anyway, the same IT energy draws less facility energy
//! (so less backup fuel, a higher CFE) in its hours of low PUE. With perfect foresight a second
//! pass moves that work (`FlexiblePlan::run_at_low_pue`) from the highest-PUE deficit hours to
//! the lowest, as a least-cost allocation with a linear deficit cost would, within two limits
//! that keep what valley filling gives the rest of the system: no hour rises above the run's
//! peak residual minus the battery's power (the backup capacity stays enough), and no hour
//! falls below the battery's power (the battery, discharging at most that, still empties). The
//! LP comparison (`tests/reference/lp_optimum.py`, Dakhla's weather-driven PUE) measured the
//! gap at the optimum with 40 % of the AI halls' work flexible: 0.65 % with valley filling
//! alone, 0.12 % with the second pass; 0.43 % -> 0.21 % at 20 %. (Levelling the marginal cost
//! `PUE x residual` instead was tried and did worse, 1.0 %; moving deficit work without the
//! battery floor too: 0.2 % worse than valley filling at 90 % CFE with a 75 MW battery, whose
//! nights it left too thin to empty.)
//!
//! Groups with the same windows and no ramp limit are levelled as one pool and split back
//! ([`FlexiblePlan`]); pools of different windows are levelled in turn (block coordinate
//! descent, Gauss-Seidel sweeps until none moves), each against the load of the others.
//!
//! # References
//! - Gan, L., Topcu, U., Low, S. H. (2013). Optimal decentralized protocol for electric vehicle
//!   charging. IEEE Trans. Power Systems 28(2), 940-951 (valley filling, its optimality for any
//!   convex cost of the aggregate load).
//! - Radovanovic, A. et al. (2023). Carbon-aware computing for datacenters. IEEE Trans. Power
//!   Systems 38(2), 1270-1280 (Google's daily windows of flexible compute, conserved daily).
//! - Riepin, I., Brown, T., Zavala, V. M. (2025). Spatio-temporal load shifting for truly clean
//!   computing. Advances in Applied Energy 17 (flexible datacentre load in 24/7 CFE sizing).

use crate::model::battery::{fmax, fmin};

/// One flexible rack group on the run's steps.
#[derive(Clone, Debug, PartialEq)]
pub struct FlexibleGroup {
    /// Share of the group's IT energy that may move [-].
    pub share_frac: f64,
    /// Window of each step: steps with the same index form one window; indices only grow.
    pub window_of_step: Vec<u32>,
    /// The group's IT power before shifting [MW].
    pub base_it_mw: Vec<f64>,
    /// The group's design IT power at each step, 0 before it comes online [MW].
    pub nameplate_mw: Vec<f64>,
    /// Largest change of the group's IT power from one step to the next [MW] (None: free).
    pub ramp_mw_per_step: Option<f64>,
    /// The steps of each window, in order (from `window_of_step`, see [`window_ranges`]).
    pub windows: Vec<std::ops::Range<usize>>,
}

impl FlexibleGroup {
    /// Flexible part before shifting at step `i` [MW].
    #[inline]
    pub fn flexible_base_mw(&self, i: usize) -> f64 {
        self.share_frac * self.base_it_mw[i]
    }

    /// Inflexible part at step `i` [MW].
    #[inline]
    pub fn inflexible_mw(&self, i: usize) -> f64 {
        self.base_it_mw[i] - self.flexible_base_mw(i)
    }

    /// Highest flexible power at step `i`: nameplate minus the inflexible part [MW].
    #[inline]
    pub fn flexible_max_mw(&self, i: usize) -> f64 {
        (self.nameplate_mw[i] - self.inflexible_mw(i)).max(self.flexible_base_mw(i))
    }

    /// The steps of each window as ranges, in order.
    pub fn windows(&self) -> &[std::ops::Range<usize>] {
        &self.windows
    }
}

/// The ranges of equal consecutive window indices.
pub fn window_ranges(window_of_step: &[u32]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=window_of_step.len() {
        if i == window_of_step.len() || window_of_step[i] != window_of_step[start] {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// The window of each step for windows of `window_h` hours aligned to local midnight, counted
/// from the run's first local day. `local_day_of_step(i)` is the local calendar day (days since
/// 1970-01-01 in legal time) of step `i`, dated at its middle; `window_h` is a multiple of 24.
pub fn window_of_steps(
    n: usize,
    window_h: u32,
    local_day_of_step: impl Fn(usize) -> i64,
) -> Vec<u32> {
    let days = i64::from((window_h / 24).max(1));
    let first = if n > 0 { local_day_of_step(0) } else { 0 };
    (0..n)
        .map(|i| (local_day_of_step(i) - first).div_euclid(days).max(0) as u32)
        .collect()
}

/// Reusable buffers of [`level_window`].
#[derive(Clone, Debug, Default)]
pub struct LevelScratch {
    lo: Vec<f64>,
    a: Vec<f64>,
    out: Vec<f64>,
    residual: Vec<f64>,
    /// The tables of the PUE last levelled with [`FlexiblePlan::level`].
    tables: PueTables,
    /// The level of each window last time (by pool and window), where the next search starts.
    levels: Vec<f64>,
}

/// What levelling a plan's pools needs of a PUE series alone, made once for it
/// ([`FlexiblePlan::pue_tables`]): a sizing search shifts the same load against thousands of
/// supplies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PueTables {
    pue: Vec<f64>,
    inv_pue: Vec<f64>,
    /// For each pool, the steps of each window (indices within it) in order of PUE.
    order: Vec<Vec<u32>>,
}

impl PueTables {
    /// The PUE series the tables were made for [-].
    pub fn pue(&self) -> &[f64] {
        &self.pue
    }
}

/// Valley filling of one window: the `x` (one per step, in MW) with `lo <= x <= hi`,
/// `sum x = energy` (MW x steps) that levels `a + pue x`. `a` is the residual facility load
/// without this flexible part (load minus supply) [MW]. Writes `x` into `out`.
///
/// The level is found by Newton steps on the piecewise-linear energy of the level, kept within
/// a bracket (bisection when a step leaves it): exact in a few passes over the window. `guess`
/// is where to start (the level of a similar window: a sizing search levels the same windows
/// against slightly different supplies); returns the level found.
pub fn level_window(
    a: &[f64],
    pue: &[f64],
    lo: &[f64],
    hi: &[f64],
    energy: f64,
    out: &mut [f64],
    guess: Option<f64>,
) -> f64 {
    let inv: Vec<f64> = pue.iter().map(|p| 1.0 / p).collect();
    level_window_inv(a, pue, &inv, lo, hi, energy, out, guess)
}

/// [`level_window`] with `1 / pue` given (`inv_pue`).
#[allow(clippy::too_many_arguments)]
pub fn level_window_inv(
    a: &[f64],
    pue: &[f64],
    inv_pue: &[f64],
    lo: &[f64],
    hi: &[f64],
    energy: f64,
    out: &mut [f64],
    guess: Option<f64>,
) -> f64 {
    let sums = (lo.iter().sum(), hi.iter().sum());
    level_window_summed(a, pue, inv_pue, (lo, hi), sums, energy, out, guess)
}

/// One window's residual load, PUE, 1 / PUE and bounds, as [`level_window_inv`] takes them.
type WindowSeries<'a> = (&'a [f64], &'a [f64], &'a [f64], &'a [f64], &'a [f64]);

/// [`level_window_inv`] with the sums of the bounds given (`sums`: of `lo` and of `hi`).
#[allow(clippy::too_many_arguments)]
fn level_window_summed(
    a: &[f64],
    pue: &[f64],
    inv_pue: &[f64],
    (lo, hi): (&[f64], &[f64]),
    (sum_lo, sum_hi): (f64, f64),
    energy: f64,
    out: &mut [f64],
    guess: Option<f64>,
) -> f64 {
    let m = a.len();
    debug_assert!(pue.len() == m && lo.len() == m && hi.len() == m && out.len() == m);
    if energy <= sum_lo {
        out.copy_from_slice(lo);
        return f64::NAN;
    }
    if energy >= sum_hi {
        out.copy_from_slice(hi);
        return f64::NAN;
    }
    // Each pass over the window places the energy at a level into `out` and measures it, so
    // that the pass that finds the level has written the answer (this runs for every window of
    // every supply a sizing search tries: passes are its cost).
    // With `BRACKET`, the pass also measures the levels at which each step starts and stops
    // taking energy, which bracket the answer (the first pass from a guess).
    // (Bounds, loads and PUE are finite: the one-instruction min and max give what f64's do.)
    #[inline(always)]
    fn pass<const BRACKET: bool>(
        level: f64,
        (a, pue, inv_pue, lo, hi): WindowSeries,
        out: &mut [f64],
    ) -> (f64, f64, f64, f64) {
        // Energy placed at `level` and the slope d(energy)/d(level).
        let (mut e, mut slope) = (0.0, 0.0);
        let (mut l_lo, mut l_hi) = (f64::INFINITY, f64::NEG_INFINITY);
        // Branch-free: steps change state from one call to the next, so branches mispredict.
        for t in 0..out.len() {
            if BRACKET {
                l_lo = fmin(l_lo, a[t] + pue[t] * lo[t]);
                l_hi = fmax(l_hi, a[t] + pue[t] * hi[t]);
            }
            let raw = (level - a[t]) * inv_pue[t];
            let x = fmin(fmax(raw, lo[t]), hi[t]);
            out[t] = x;
            e += x;
            slope += if raw > lo[t] && raw < hi[t] {
                inv_pue[t]
            } else {
                0.0
            };
        }
        (e, slope, l_lo, l_hi)
    }
    let window = (&a[..m], &pue[..m], &inv_pue[..m], &lo[..m], &hi[..m]);
    let (a, pue, inv_pue, lo, hi) = window;
    let out = &mut out[..m];
    let fill = |level: f64, out: &mut [f64]| {
        let (e, slope, ..) = pass::<false>(level, window, out);
        (e, slope)
    };
    let fill_and_bracket = |level: f64, out: &mut [f64]| pass::<true>(level, window, out);
    // Start from the guess, else the level that spreads the energy as if no bound were reached.
    let (mut level, mut l_lo, mut l_hi, mut placed, mut slope);
    match guess.filter(|g| g.is_finite()) {
        Some(g) => {
            (placed, slope, l_lo, l_hi) = fill_and_bracket(g, out);
            level = g.clamp(l_lo, l_hi);
            if level != g {
                (placed, slope) = fill(level, out);
            }
        }
        None => {
            (l_lo, l_hi) = (f64::INFINITY, f64::NEG_INFINITY);
            let (mut inv_sum, mut a_over) = (0.0, 0.0);
            for t in 0..m {
                l_lo = fmin(l_lo, a[t] + pue[t] * lo[t]);
                l_hi = fmax(l_hi, a[t] + pue[t] * hi[t]);
                inv_sum += inv_pue[t];
                a_over += a[t] * inv_pue[t];
            }
            level = ((energy + a_over) / inv_sum).clamp(l_lo, l_hi);
            (placed, slope) = fill(level, out);
        }
    }
    let tol = 1e-12 * energy.abs().max(sum_hi.abs()).max(1.0);
    for _ in 0..200 {
        let gap = energy - placed;
        if gap.abs() <= tol {
            break;
        }
        if gap > 0.0 {
            l_lo = level;
        } else {
            l_hi = level;
        }
        let newton = if slope > 0.0 {
            level + gap / slope
        } else {
            f64::NAN
        };
        level = if newton > l_lo && newton < l_hi {
            newton
        } else {
            0.5 * (l_lo + l_hi)
        };
        (placed, slope) = fill(level, out);
        if l_hi - l_lo <= 1e-12 * l_hi.abs().max(1.0) {
            break;
        }
    }
    // The last rounding goes to the steps strictly inside their bounds, so the energy closes.
    let gap = energy - placed;
    if gap.abs() > 1e-14 * energy.abs().max(1.0) {
        let has_room = |t: usize, out: &[f64]| {
            if gap > 0.0 {
                out[t] < hi[t]
            } else {
                out[t] > lo[t]
            }
        };
        let mut free = (0..m).filter(|&t| has_room(t, out)).count();
        let mut left = gap;
        for t in 0..m {
            if free == 0 {
                break;
            }
            if !has_room(t, out) {
                continue;
            }
            let share = left / free as f64;
            let v = (out[t] + share).clamp(lo[t], hi[t]);
            left -= v - out[t];
            out[t] = v;
            free -= 1;
        }
    }
    level
}

/// Enforce a ramp limit on one window's flexible part by moving energy between neighbouring
/// steps, keeping the window's energy and the bounds: a step whose IT power (`fixed + x`) jumps
/// by more than allowed from its neighbour gives or takes the difference, which the steps
/// beyond absorb. `before` is the IT power of the step before the window, if any (the ramp
/// holds across windows). Repeated forward and backward until every step holds (at most `4 m`
/// sweeps); the levelled profile is kept wherever the ramp allows.
pub fn limit_ramp(
    fixed: &[f64],
    lo: &[f64],
    hi: &[f64],
    ramp: &[f64],
    before: Option<f64>,
    x: &mut [f64],
) {
    let m = x.len();
    if m < 2 && before.is_none() {
        return;
    }
    let first = if before.is_some() { 0 } else { 1 };
    for _ in 0..4 * m {
        let mut moved = false;
        // Forward: each step within `ramp[t]` of the one before (the step before the window,
        // `before`, is already decided); the excess goes to the next.
        for t in first..m {
            let prev = match (t, before) {
                (0, Some(b)) => b,
                _ => fixed[t - 1] + x[t - 1],
            };
            let now = fixed[t] + x[t];
            let target = now.clamp(prev - ramp[t], prev + ramp[t]);
            if (target - now).abs() > 1e-9 {
                // The energy taken (given) here is given (taken) back to the later steps.
                moved |= move_to(x, lo, hi, t, target - now, t + 1..m);
            }
        }
        // Backward: the same from the end, the excess to the earlier steps.
        for t in (0..m - 1).rev() {
            let next = fixed[t + 1] + x[t + 1];
            let now = fixed[t] + x[t];
            let target = now.clamp(next - ramp[t + 1], next + ramp[t + 1]);
            if (target - now).abs() > 1e-9 {
                moved |= move_to(x, lo, hi, t, target - now, (0..t).rev());
            }
        }
        if !moved {
            break;
        }
    }
}

/// Change `x[t]` by `change` (within its bounds), the energy balanced by the steps `others` in
/// their order (each within its bounds); as much as they can absorb is applied. Returns whether
/// anything moved.
fn move_to(
    x: &mut [f64],
    lo: &[f64],
    hi: &[f64],
    t: usize,
    change: f64,
    others: impl Iterator<Item = usize>,
) -> bool {
    let delta = (x[t] + change).clamp(lo[t], hi[t]) - x[t];
    let mut rest = -delta;
    for u in others {
        if rest.abs() <= 1e-12 {
            break;
        }
        let v = (x[u] + rest).clamp(lo[u], hi[u]);
        rest -= v - x[u];
        x[u] = v;
    }
    let applied = delta + rest;
    x[t] += applied;
    applied.abs() > 1e-12
}

/// What the planner sees of a forecast when flexible work is scheduled: the residual load of
/// the steps within the horizon is known; beyond it, the forecast repeats the latest known
/// value at the same time of day (24-hour persistence, the reference forecast of solar and
/// wind studies).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Foresight {
    /// The whole window is known when it starts (as the optimizer and an LP plan).
    Perfect,
    /// At each step the next `steps` steps (the present included) are known.
    Horizon { steps: usize, steps_per_day: usize },
}

impl FlexiblePlan {
    /// Shift the flexible part of every group against the supply.
    ///
    /// - `inflexible_facility_mw[t]`: facility load without any group's flexible part [MW];
    /// - `supply_mw[t]`: renewable supply [MW];
    /// - `pue[t]`: PUE of each step [-];
    /// - `x`: one vector per group, the flexible part after shifting [MW] (written).
    ///
    /// See [`FlexiblePlan`] for how groups are pooled; each pool's power is then split back
    /// between its groups in proportion to their room, each group's energy kept exactly (capped
    /// proportional fitting).
    ///
    /// The plan of `groups` is made once ([`FlexiblePlan::new`]); a run keeps it with its load.
    #[allow(clippy::too_many_arguments)]
    pub fn shift_groups(
        &self,
        groups: &[FlexibleGroup],
        inflexible_facility_mw: &[f64],
        supply_mw: &[f64],
        pue: &[f64],
        foresight: Foresight,
        battery_power_mw: f64,
        x: &mut Vec<Vec<f64>>,
        scratch: &mut LevelScratch,
    ) {
        let plan = self;
        let mut pooled = Vec::new();
        plan.level(
            inflexible_facility_mw,
            supply_mw,
            pue,
            foresight,
            battery_power_mw,
            &mut pooled,
            scratch,
        );
        let n = inflexible_facility_mw.len();
        x.resize_with(groups.len(), Vec::new);
        for xg in x.iter_mut() {
            xg.clear();
            xg.resize(n, 0.0);
        }
        for (pool, power) in plan.pools.iter().zip(&pooled) {
            if let [g] = pool.members[..] {
                x[g].copy_from_slice(power);
                continue;
            }
            for w in &pool.windows {
                let mut parts: Vec<Vec<f64>> = pool
                    .members
                    .iter()
                    .map(|&g| {
                        w.clone()
                            .map(|i| {
                                let room = pool.hi[i];
                                if room > 0.0 {
                                    power[i] * groups[g].flexible_max_mw(i) / room
                                } else {
                                    0.0
                                }
                            })
                            .collect()
                    })
                    .collect();
                let caps: Vec<Vec<f64>> = pool
                    .members
                    .iter()
                    .map(|&g| w.clone().map(|i| groups[g].flexible_max_mw(i)).collect())
                    .collect();
                let energies: Vec<f64> = pool
                    .members
                    .iter()
                    .map(|&g| w.clone().map(|i| groups[g].flexible_base_mw(i)).sum())
                    .collect();
                fit_split(&mut parts, &caps, &energies, &power[w.clone()]);
                for (j, &g) in pool.members.iter().enumerate() {
                    x[g][w.clone()].copy_from_slice(&parts[j]);
                }
            }
        }
    }
}

/// The flexible groups of a run made ready to level against any supply: groups with the same
/// windows and no ramp limit form a pool, levelled as one (the sum of their bounds and
/// energies: batch work that any of the pool's racks may run); a group with a ramp limit is a
/// pool of its own. Pools of different windows are levelled in turn, each against the others,
/// until none moves (block coordinate descent, at most 8 sweeps). Everything that does not
/// depend on the supply is computed here once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlexiblePlan {
    pub pools: Vec<Pool>,
}

/// One pool of a [`FlexiblePlan`].
#[derive(Clone, Debug, PartialEq)]
pub struct Pool {
    /// Its groups (indices into the plan's groups).
    pub members: Vec<usize>,
    pub windows: Vec<std::ops::Range<usize>>,
    /// Flexible energy of each window [MW x steps].
    pub energy: Vec<f64>,
    /// Highest flexible power of each step, summed over the members [MW].
    pub hi: Vec<f64>,
    /// `hi` summed over each window [MW x steps].
    hi_sum: Vec<f64>,
    /// Flexible power before shifting, summed over the members [MW].
    pub base: Vec<f64>,
    /// For a group with a ramp limit: its inflexible part and the change allowed at each step.
    ramp: Option<(Vec<f64>, Vec<f64>)>,
}

impl FlexiblePlan {
    /// The plan of `groups`.
    pub fn new(groups: &[FlexibleGroup]) -> Self {
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (k, g) in groups.iter().enumerate() {
            let joins = members.iter_mut().find(|p| {
                let h = &groups[p[0]];
                g.ramp_mw_per_step.is_none()
                    && h.ramp_mw_per_step.is_none()
                    && h.window_of_step == g.window_of_step
            });
            match joins {
                Some(p) => p.push(k),
                None => members.push(vec![k]),
            }
        }
        let pools = members
            .into_iter()
            .map(|members| {
                let first = &groups[members[0]];
                let n = first.base_it_mw.len();
                let hi: Vec<f64> = (0..n)
                    .map(|i| members.iter().map(|&g| groups[g].flexible_max_mw(i)).sum())
                    .collect();
                let base: Vec<f64> = (0..n)
                    .map(|i| members.iter().map(|&g| groups[g].flexible_base_mw(i)).sum())
                    .collect();
                let windows = first.windows.clone();
                let energy = windows
                    .iter()
                    .map(|w| base[w.clone()].iter().sum())
                    .collect();
                let ramp = first.ramp_mw_per_step.map(|r| {
                    let fixed = (0..n).map(|i| first.inflexible_mw(i)).collect();
                    let allowed = (0..n)
                        .map(|i| {
                            let before = first.base_it_mw[i.saturating_sub(1)];
                            r.max((first.base_it_mw[i] - before).abs())
                        })
                        .collect();
                    (fixed, allowed)
                });
                let hi_sum = windows.iter().map(|w| hi[w.clone()].iter().sum()).collect();
                Pool {
                    members,
                    windows,
                    energy,
                    hi,
                    hi_sum,
                    base,
                    ramp,
                }
            })
            .collect();
        Self { pools }
    }

    /// The tables of `pue` for levelling this plan's pools.
    pub fn pue_tables(&self, pue: &[f64]) -> PueTables {
        PueTables {
            pue: pue.to_vec(),
            inv_pue: pue.iter().map(|p| 1.0 / p).collect(),
            order: self
                .pools
                .iter()
                .map(|pool| {
                    pool.windows
                        .iter()
                        .flat_map(|w| pue_order(&pue[w.clone()]))
                        .collect()
                })
                .collect(),
        }
    }

    /// True when nothing is flexible.
    pub fn is_empty(&self) -> bool {
        self.pools.is_empty()
    }

    /// Level every pool against `supply_mw`: writes each pool's flexible power into
    /// `pooled[p]` [MW]. The facility load is then
    /// `inflexible_facility_mw + pue x (sum of the pools)`. `battery_power_mw` is the power the
    /// battery can discharge at (0 without one): it bounds the PUE pass
    /// ([`FlexiblePlan::run_at_low_pue`], perfect foresight only).
    #[allow(clippy::too_many_arguments)]
    pub fn level(
        &self,
        inflexible_facility_mw: &[f64],
        supply_mw: &[f64],
        pue: &[f64],
        foresight: Foresight,
        battery_power_mw: f64,
        pooled: &mut Vec<Vec<f64>>,
        scratch: &mut LevelScratch,
    ) {
        let n = inflexible_facility_mw.len();
        if scratch.tables.pue[..] != pue[..n] || scratch.tables.order.len() != self.pools.len() {
            scratch.tables = self.pue_tables(&pue[..n]);
        }
        let tables = std::mem::take(&mut scratch.tables);
        self.level_with(
            inflexible_facility_mw,
            supply_mw,
            &tables,
            foresight,
            battery_power_mw,
            pooled,
            scratch,
        );
        scratch.tables = tables;
    }

    /// [`level`](Self::level) with the PUE's tables made already (`tables`, from
    /// [`pue_tables`](Self::pue_tables) on this plan).
    #[allow(clippy::too_many_arguments)]
    pub fn level_with(
        &self,
        inflexible_facility_mw: &[f64],
        supply_mw: &[f64],
        tables: &PueTables,
        foresight: Foresight,
        battery_power_mw: f64,
        pooled: &mut Vec<Vec<f64>>,
        scratch: &mut LevelScratch,
    ) {
        let n = inflexible_facility_mw.len().min(tables.pue.len());
        let pue = &tables.pue[..];
        pooled.resize_with(self.pools.len(), Vec::new);
        for (pool, p) in self.pools.iter().zip(pooled.iter_mut()) {
            p.clear();
            p.extend_from_slice(&pool.base[..n]);
        }
        if self.pools.is_empty() || n == 0 {
            return;
        }
        // Residual of everything: inflexible + all flexible parts - supply.
        scratch.residual.clear();
        let (inflexible, supply, pue) = (&inflexible_facility_mw[..n], &supply_mw[..n], &pue[..n]);
        let rest = inflexible.iter().zip(supply).map(|(l, s)| l - s);
        extend_with_pooled(rest, pue, pooled, &mut scratch.residual);
        let sweeps = if self.pools.len() == 1 { 1 } else { 8 };
        let scale = if sweeps > 1 {
            inflexible.iter().fold(1.0f64, |m, v| m.max(v.abs()))
        } else {
            0.0
        };
        for _ in 0..sweeps {
            let mut largest_move = 0.0f64;
            let mut slot = 0;
            for (pool, power) in self.pools.iter().zip(pooled.iter_mut()) {
                for (k, w) in pool.windows.iter().enumerate() {
                    largest_move = largest_move.max(level_pool(
                        pool,
                        k,
                        w.clone(),
                        slot,
                        tables,
                        foresight,
                        power,
                        scratch,
                    ));
                    slot += 1;
                }
            }
            if largest_move <= 1e-9 * scale {
                break;
            }
        }
        if foresight == Foresight::Perfect {
            self.run_at_low_pue(tables, battery_power_mw, pooled, scratch);
        }
        for (pool, power) in self.pools.iter().zip(pooled.iter_mut()) {
            if let Some((fixed, allowed)) = &pool.ramp {
                hold_ramp(&pool.windows, &pool.base, fixed, allowed, power);
            }
        }
    }
}

/// `base[i] + pue[i] x (the pools' power at step i)` for each step of `base`, onto `out`: the
/// facility load of the flexible work over a base (the inflexible load, or it less the supply).
pub fn extend_with_pooled(
    base: impl Iterator<Item = f64>,
    pue: &[f64],
    pooled: &[Vec<f64>],
    out: &mut Vec<f64>,
) {
    match pooled {
        // One pool (groups with the same windows): no sum over pools at each step.
        [one] => out.extend(base.zip(pue).zip(one).map(|((b, p), x)| b + p * x)),
        _ => out.extend(
            base.zip(pue)
                .enumerate()
                .map(|(i, (b, p))| b + p * pooled.iter().map(|x| x[i]).sum::<f64>()),
        ),
    }
}

impl FlexiblePlan {
    /// After valley filling: where a window's work still runs in deficit, move it from the
    /// hours of high PUE to those of low PUE (the same IT energy then draws less facility
    /// energy, so less backup fuel and a higher CFE), as far as it can go without harm:
    /// - only deficit hours above the battery's power take part, and none is lowered below it:
    ///   below that, the battery serves the deficit hour by hour, and thinning it would leave
    ///   the battery unable to empty (levelled work keeps it discharging at full power);
    /// - no hour rises above the run's peak residual load minus the battery's power, so the
    ///   backup capacity the valley-filled load needs is enough.
    ///
    /// With a constant PUE nothing moves (the valley fill stays, the least-cost shift then).
    /// Pools with a ramp limit keep their valley fill. Perfect foresight only: the peak is
    /// the year's.
    fn run_at_low_pue(
        &self,
        tables: &PueTables,
        battery_power_mw: f64,
        pooled: &mut [Vec<f64>],
        scratch: &mut LevelScratch,
    ) {
        let floor = battery_power_mw.max(0.0);
        let peak = scratch
            .residual
            .iter()
            .fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        let cap = peak - floor;
        if cap <= floor {
            return;
        }
        let (pue, residual) = (&tables.pue, &mut scratch.residual);
        for ((pool, power), order) in self.pools.iter().zip(pooled.iter_mut()).zip(&tables.order) {
            if pool.ramp.is_some() {
                continue;
            }
            for w in &pool.windows {
                move_to_low_pue(
                    &pue[w.clone()],
                    &pool.hi[w.clone()],
                    floor,
                    cap,
                    &mut residual[w.clone()],
                    &mut power[w.clone()],
                    &order[w.clone()],
                );
            }
        }
    }
}

/// The steps of one window (indices within it) in order of rising PUE, ties in time order.
fn pue_order(pue: &[f64]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..pue.len() as u32).collect();
    order.sort_by(|&i, &j| pue[i as usize].total_cmp(&pue[j as usize]));
    order
}

/// One window of [`FlexiblePlan::run_at_low_pue`]: `x` is the window's flexible power [MW]
/// within `0..=hi`, `residual` the facility load minus supply [MW] (both updated). Work moves
/// from the highest-PUE to the lowest-PUE hours of those whose residual is above `floor`,
/// each giver down to `floor` at most and each taker up to `cap`, while the PUE falls.
/// `order` is the window's steps in order of PUE ([`pue_order`]).
fn move_to_low_pue(
    pue: &[f64],
    hi: &[f64],
    floor: f64,
    cap: f64,
    residual: &mut [f64],
    x: &mut [f64],
    order: &[u32],
) {
    if order.len() < 2 {
        return;
    }
    let (mut i, mut j) = (0, order.len() - 1);
    while i < j {
        let (to, from) = (order[i] as usize, order[j] as usize);
        if pue[from] <= pue[to] * (1.0 + 1e-9) {
            break;
        }
        // Only hours in deficit above the floor take part (takers only rise, givers stop at it).
        let room = if residual[to] > floor {
            (hi[to] - x[to]).min((cap - residual[to]) / pue[to])
        } else {
            0.0
        };
        if room <= 1e-12 {
            i += 1;
            continue;
        }
        let spare = if residual[from] > floor {
            x[from].min((residual[from] - floor) / pue[from])
        } else {
            0.0
        };
        if spare <= 1e-12 {
            j -= 1;
            continue;
        }
        let d = room.min(spare);
        x[to] += d;
        x[from] -= d;
        residual[to] += pue[to] * d;
        residual[from] -= pue[from] * d;
    }
}

/// Make a ramp-limited group's flexible power `power` hold its ramp limit at every step, across
/// windows too: each window's power becomes `base + theta (power - base)`, a blend of the
/// shifted and the planned profile (which holds the limit, see [`FlexibleGroup`]); `theta` in
/// 0..=1 is the largest the window's own steps allow, then lowered, for each window boundary
/// that breaks the limit, on both sides together until it holds. Blends keep the window's
/// energy and bounds, so the result is feasible; the smoothing of [`limit_ramp`] before it
/// keeps `theta` near 1 where it can.
fn hold_ramp(
    windows: &[std::ops::Range<usize>],
    base: &[f64],
    fixed: &[f64],
    allowed: &[f64],
    power: &mut [f64],
) {
    // The change from step i-1 to i of the blended IT power is c + th_i d_i - th_j d_j with
    // c the planned change; the largest s in 0..=1 with |c + s v| <= r (|c| <= r).
    let largest = |c: f64, v: f64, r: f64| -> f64 {
        if v.abs() <= 1e-12 {
            return 1.0;
        }
        let bound = if v > 0.0 { r - c } else { -r - c };
        (bound / v).clamp(0.0, 1.0)
    };
    let delta = |i: usize, power: &[f64]| power[i] - base[i];
    let planned = |i: usize| (fixed[i] + base[i]) - (fixed[i - 1] + base[i - 1]);
    let mut theta: Vec<f64> = windows
        .iter()
        .map(|w| {
            (w.start + 1..w.end).fold(1.0f64, |th, i| {
                let v = delta(i, power) - delta(i - 1, power);
                th.min(largest(planned(i), v, allowed[i] + 1e-9))
            })
        })
        .collect();
    for _ in 0..windows.len().max(1) * 4 {
        let mut changed = false;
        for k in 1..windows.len() {
            let i = windows[k].start;
            let (a, b) = (theta[k - 1], theta[k]);
            let v = b * delta(i, power) - a * delta(i - 1, power);
            let s = largest(planned(i), v, allowed[i] + 1e-9);
            if s < 1.0 {
                theta[k - 1] = a * s;
                theta[k] = b * s;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (w, th) in windows.iter().zip(theta) {
        if th < 1.0 {
            for i in w.clone() {
                power[i] = base[i] + th * (power[i] - base[i]);
            }
        }
    }
}

/// Level window `k` (steps `w`) of `pool` against the residual in `scratch.residual`
/// (updated) and write its power into `power`; returns the largest change [MW].
#[allow(clippy::too_many_arguments)]
fn level_pool(
    pool: &Pool,
    k: usize,
    w: std::ops::Range<usize>,
    slot: usize,
    tables: &PueTables,
    foresight: Foresight,
    power: &mut [f64],
    scratch: &mut LevelScratch,
) -> f64 {
    let energy = pool.energy[k];
    if energy <= 0.0 {
        return 0.0;
    }
    let m = w.len();
    let LevelScratch {
        lo,
        a,
        out,
        residual,
        levels,
        ..
    } = scratch;
    // The window's slices taken once: the loops below then index nothing else.
    let (residual, power) = (&mut residual[w.clone()], &mut power[w.clone()]);
    let (p, inv_p) = (&tables.pue[w.clone()], &tables.inv_pue[w.clone()]);
    a.clear();
    a.extend(
        residual
            .iter()
            .zip(p)
            .zip(&*power)
            .map(|((r, p), x)| r - p * x),
    );
    lo.clear();
    lo.resize(m, 0.0);
    out.clear();
    out.resize(m, 0.0);
    let hi = &pool.hi[w.clone()];
    match foresight {
        Foresight::Perfect => {
            let guess = levels.get(slot).copied();
            // The bounds' sums: 0 below, and the pool's above.
            let sums = (0.0, pool.hi_sum[k]);
            let level = level_window_summed(a, p, inv_p, (lo, hi), sums, energy, out, guess);
            if slot >= levels.len() {
                levels.resize(slot + 1, f64::NAN);
            }
            levels[slot] = level;
        }
        Foresight::Horizon {
            steps,
            steps_per_day,
        } => plan_rolling(a, p, lo, hi, energy, steps, steps_per_day, out),
    }
    if let Some((fixed, allowed)) = &pool.ramp {
        limit_ramp(&fixed[w.clone()], lo, hi, &allowed[w.clone()], None, out);
    }
    // The largest change as a plain comparison, kept in a register (`f64::max` handles NaN
    // and made this loop the shift's slowest).
    let mut largest = 0.0f64;
    for (((x, r), p), o) in power.iter_mut().zip(residual.iter_mut()).zip(p).zip(&*out) {
        let d = o - *x;
        let size = d.abs();
        largest = if size > largest { size } else { largest };
        *r += p * d;
        *x = *o;
    }
    largest
}

/// Capped proportional fitting: adjust `parts[g][t]` (within `0..=caps[g][t]`) so that each
/// group's sum is `energies[g]` exactly and each step's sum comes as close to `totals[t]` as
/// the groups allow, moving each correction in proportion to the room left.
fn fit_split(parts: &mut [Vec<f64>], caps: &[Vec<f64>], energies: &[f64], totals: &[f64]) {
    let m = totals.len();
    let fix_rows = |parts: &mut [Vec<f64>]| {
        let mut worst = 0.0f64;
        for (g, row) in parts.iter_mut().enumerate() {
            let gap = energies[g] - row.iter().sum::<f64>();
            worst = worst.max(gap.abs());
            spread(row, &caps[g], gap);
        }
        worst
    };
    for _ in 0..50 {
        let worst = fix_rows(parts);
        // Columns: each step's parts to its total.
        let mut col_worst = 0.0f64;
        for t in 0..m {
            let gap = totals[t] - parts.iter().map(|r| r[t]).sum::<f64>();
            col_worst = col_worst.max(gap.abs());
            if gap.abs() <= 1e-12 {
                continue;
            }
            let room: f64 = parts
                .iter()
                .enumerate()
                .map(|(g, r)| if gap > 0.0 { caps[g][t] - r[t] } else { r[t] })
                .sum();
            if room <= 0.0 {
                continue;
            }
            let f = (gap.abs() / room).min(1.0);
            for (g, r) in parts.iter_mut().enumerate() {
                let d = if gap > 0.0 { caps[g][t] - r[t] } else { -r[t] };
                r[t] += d * f;
            }
        }
        if worst <= 1e-9 && col_worst <= 1e-9 {
            break;
        }
    }
    fix_rows(parts);
}

/// Add `gap` to `row` in proportion to each step's room (up to `caps` when adding, down to 0
/// when taking away).
fn spread(row: &mut [f64], caps: &[f64], gap: f64) {
    if gap.abs() <= 1e-12 {
        return;
    }
    let room: f64 = row
        .iter()
        .zip(caps)
        .map(|(v, c)| if gap > 0.0 { c - v } else { *v })
        .sum();
    if room <= 0.0 {
        return;
    }
    let f = (gap.abs() / room).min(1.0);
    for (v, c) in row.iter_mut().zip(caps) {
        let d = if gap > 0.0 { c - *v } else { -*v };
        *v += d * f;
    }
}

/// Rolling plan of one window on a forecast: at each step the remaining energy is levelled
/// over the rest of the window on what is known then (`horizon` steps from the present,
/// persistence beyond), and the present step's share is committed.
#[allow(clippy::too_many_arguments)]
fn plan_rolling(
    a: &[f64],
    pue: &[f64],
    lo: &[f64],
    hi: &[f64],
    energy: f64,
    horizon: usize,
    steps_per_day: usize,
    out: &mut [f64],
) {
    let m = a.len();
    if horizon >= m {
        level_window(a, pue, lo, hi, energy, out, None);
        return;
    }
    let spd = steps_per_day.max(1);
    let mut left = energy;
    let mut seen = vec![0.0; m];
    let mut plan = vec![0.0; m];
    for t in 0..m {
        // Known: t .. t + horizon (at least the present); beyond, the latest known value at
        // the same time of day, or the present one when no day has been seen yet.
        let known_end = (t + horizon.max(1)).min(m);
        for u in t..m {
            seen[u] = if u < known_end {
                a[u]
            } else {
                let mut v = u;
                while v >= known_end && v >= spd {
                    v -= spd;
                }
                if v < known_end { a[v] } else { a[t] }
            };
        }
        // The rest must still fit between the remaining bounds.
        let rest_lo: f64 = lo[t + 1..].iter().sum();
        let rest_hi: f64 = hi[t + 1..].iter().sum();
        level_window(
            &seen[t..],
            &pue[t..],
            &lo[t..],
            &hi[t..],
            left,
            &mut plan[t..],
            None,
        );
        let now = plan[t].clamp((left - rest_hi).max(lo[t]), (left - rest_lo).min(hi[t]));
        out[t] = now;
        left -= now;
    }
}

/// How much flexible energy moved and how far: the energy shifted [MWh] (what the shifted
/// profile holds above the base, summed over steps), and the mean and largest shift [h].
///
/// The shift of a window is measured by matching its energy before and after shifting in time
/// order (the earth mover's distance between the two profiles): the mean is the energy-weighted
/// mean distance, the largest the longest distance any energy moved.
pub fn shift_hours(
    base: &[f64],
    shifted: &[f64],
    windows: &[std::ops::Range<usize>],
    step_h: f64,
) -> (f64, f64, f64) {
    let (mut moved_x_h, mut largest) = (0.0, 0.0f64);
    for w in windows {
        // Cumulative energies: where they differ, energy crosses that step boundary.
        let (mut cb, mut cs) = (0.0, 0.0);
        for i in w.clone() {
            cb += base[i];
            cs += shifted[i];
            moved_x_h += (cb - cs).abs() * step_h * step_h;
        }
        largest = largest.max(largest_distance(&base[w.clone()], &shifted[w.clone()]) * step_h);
    }
    let shifted_mwh = windows
        .iter()
        .flat_map(|w| w.clone())
        .map(|i| (shifted[i] - base[i]).max(0.0))
        .sum::<f64>()
        * step_h;
    let mean = if shifted_mwh > 0.0 {
        moved_x_h / shifted_mwh
    } else {
        0.0
    };
    (shifted_mwh, mean, largest)
}

/// The longest distance [steps] over which energy moves when `from` is matched to `to` in time
/// order (both with the same total).
fn largest_distance(from: &[f64], to: &[f64]) -> f64 {
    let tol = 1e-9 * from.iter().sum::<f64>().max(1.0);
    let (mut i, mut j) = (0, 0);
    let (mut a, mut b) = (
        from.first().copied().unwrap_or(0.0),
        to.first().copied().unwrap_or(0.0),
    );
    let mut largest = 0.0f64;
    while i < from.len() && j < to.len() {
        let take = a.min(b);
        if take > tol {
            largest = largest.max((i as f64 - j as f64).abs());
        }
        a -= take;
        b -= take;
        if a <= tol {
            i += 1;
            a = from.get(i).copied().unwrap_or(0.0);
        }
        if b <= tol {
            j += 1;
            b = to.get(j).copied().unwrap_or(0.0);
        }
    }
    largest
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every group shifted with a plan made for the call.
    fn shift_groups(
        groups: &[FlexibleGroup],
        inflexible_facility_mw: &[f64],
        supply_mw: &[f64],
        pue: &[f64],
        foresight: Foresight,
        x: &mut Vec<Vec<f64>>,
        scratch: &mut LevelScratch,
    ) {
        FlexiblePlan::new(groups).shift_groups(
            groups,
            inflexible_facility_mw,
            supply_mw,
            pue,
            foresight,
            0.0,
            x,
            scratch,
        );
    }

    fn group(base: Vec<f64>, share: f64, nameplate: f64, window_steps: usize) -> FlexibleGroup {
        let n = base.len();
        let window_of_step: Vec<u32> = (0..n).map(|i| (i / window_steps) as u32).collect();
        FlexibleGroup {
            share_frac: share,
            windows: window_ranges(&window_of_step),
            window_of_step,
            nameplate_mw: vec![nameplate; n],
            base_it_mw: base,
            ramp_mw_per_step: None,
        }
    }

    #[test]
    fn windows_follow_local_days() {
        // Steps of an hour from 23:00 local on day 10: the first step is day 10, then day 11.
        let day = |i: usize| 10 + ((23 + i as i64) / 24);
        let w = window_of_steps(50, 24, day);
        assert_eq!(w[0], 0);
        assert_eq!(w[1], 1);
        assert_eq!(w[24], 1);
        assert_eq!(w[25], 2);
        let w48 = window_of_steps(50, 48, day);
        assert_eq!((w48[0], w48[1], w48[25], w48[49]), (0, 0, 1, 1));
        assert_eq!(window_ranges(&w), vec![0..1, 1..25, 25..49, 49..50]);
    }

    #[test]
    fn levelling_by_hand() {
        // Residual load 10, 0, 20, 5 MW, PUE 1, bounds 0..10, 12 MW-steps to place:
        // the level L with sum clamp(L - a) = 12: L = 9 gives 0 + 9 + 0 + 4 = 13; L = 8.5
        // gives 8.5 + 3.5 = 12.
        let a = [10.0, 0.0, 20.0, 5.0];
        let mut x = [0.0; 4];
        level_window(&a, &[1.0; 4], &[0.0; 4], &[10.0; 4], 12.0, &mut x, None);
        for (got, want) in x.iter().zip([0.0, 8.5, 0.0, 3.5]) {
            assert!((got - want).abs() < 1e-9, "{x:?}");
        }
        // Bounded at 6 MW: step 1 is full, the level rises to L = 10.5 (5.5 at step 3, 0.5 at
        // step 0): 6 + 5.5 + 0.5 = 12.
        level_window(&a, &[1.0; 4], &[0.0; 4], &[6.0; 4], 12.0, &mut x, None);
        let want = [0.5, 6.0, 0.0, 5.5];
        for (got, w) in x.iter().zip(want) {
            assert!((got - w).abs() < 1e-9, "{x:?}");
        }
    }

    #[test]
    fn the_pue_weights_the_level() {
        // Two steps, the same residual, PUE 1 and 2: the level r = a + pue x is common, so the
        // step with PUE 2 takes half as much IT power: x1 = 2 x2, x1 + x2 = 3.
        let mut x = [0.0; 2];
        level_window(
            &[0.0, 0.0],
            &[1.0, 2.0],
            &[0.0; 2],
            &[10.0; 2],
            3.0,
            &mut x,
            None,
        );
        assert!(
            (x[0] - 2.0).abs() < 1e-9 && (x[1] - 1.0).abs() < 1e-9,
            "{x:?}"
        );
    }

    #[test]
    fn deficit_work_moves_to_the_lowest_pue_by_hand() {
        // Three deficit hours at 100 MW, 20 MW of flexible IT each, PUE 1.4, 1.1, 1.2, racks
        // up to 50 MW. No battery, cap 130 MW: hour 0's work goes to hour 1 (20 MW: 1.1 x 20
        // = 22 MW more there, 28 less at hour 0), then hour 2's until hour 1 reaches the cap
        // ((130 - 122) / 1.1 = 7.27 MW). Facility energy 74 -> 67.27 MWh for the same 60.
        let pue = [1.4, 1.1, 1.2];
        let hi = [50.0; 3];
        let order = pue_order(&pue);
        let (mut r, mut x) = ([100.0; 3], [20.0; 3]);
        move_to_low_pue(&pue, &hi, 0.0, 130.0, &mut r, &mut x, &order);
        let moved = 8.0 / 1.1;
        let want = [0.0, 40.0 + moved, 20.0 - moved];
        for t in 0..3 {
            assert!((x[t] - want[t]).abs() < 1e-9, "{x:?}");
        }
        assert!(
            (r[1] - 130.0).abs() < 1e-9 && (r[0] - 72.0).abs() < 1e-9,
            "{r:?}"
        );
        let facility: f64 = (0..3).map(|t| pue[t] * x[t]).sum();
        assert!((facility - (68.0 - 0.1 * moved)).abs() < 1e-9, "{facility}");
        assert!((x.iter().sum::<f64>() - 60.0).abs() < 1e-9);
        // A battery of 80 MW: no hour falls below 80 MW, where it would discharge less.
        let (mut r, mut x) = ([100.0; 3], [20.0; 3]);
        move_to_low_pue(&pue, &hi, 80.0, 130.0, &mut r, &mut x, &order);
        assert!(
            (r[0] - 80.0).abs() < 1e-9 && (r[1] - 130.0).abs() < 1e-9,
            "{r:?}"
        );
        assert!(r[2] >= 80.0 && (x.iter().sum::<f64>() - 60.0).abs() < 1e-9);
        // An hour the battery covers (residual at or below its power) neither gives nor takes,
        // and a constant PUE moves nothing.
        let (mut r, mut x) = ([100.0, 60.0, 100.0], [20.0; 3]);
        move_to_low_pue(&pue, &hi, 80.0, 130.0, &mut r, &mut x, &order);
        assert_eq!(x[1], 20.0);
        assert!(x[2] > 20.0 && x[0] < 20.0);
        let (mut r, mut x) = ([100.0; 3], [20.0; 3]);
        move_to_low_pue(
            &[1.2; 3],
            &hi,
            0.0,
            130.0,
            &mut r,
            &mut x,
            &pue_order(&[1.2; 3]),
        );
        assert_eq!(x, [20.0; 3]);
    }

    #[test]
    fn energy_closes_in_every_window_and_bounds_hold() {
        // A day of sun (surplus at midday) and a flat 100 MW group, 30 % flexible, 120 MW racks.
        let n = 72;
        let base = vec![100.0; n];
        let g = group(base, 0.3, 120.0, 24);
        let supply: Vec<f64> = (0..n)
            .map(|i| {
                let h = (i % 24) as f64;
                (300.0 * (std::f64::consts::PI * (h - 6.0) / 12.0).sin()).max(0.0)
            })
            .collect();
        let pue = vec![1.2; n];
        let inflex: Vec<f64> = (0..n).map(|i| g.inflexible_mw(i) * pue[i]).collect();
        let mut x = Vec::new();
        shift_groups(
            std::slice::from_ref(&g),
            &inflex,
            &supply,
            &pue,
            Foresight::Perfect,
            &mut x,
            &mut LevelScratch::default(),
        );
        for w in g.windows() {
            let before: f64 = w.clone().map(|i| g.flexible_base_mw(i)).sum();
            let after: f64 = w.clone().map(|i| x[0][i]).sum();
            assert!(
                (before - after).abs() < 1e-9 * before,
                "{before} vs {after}"
            );
        }
        for (i, &v) in x[0].iter().enumerate() {
            assert!(v >= -1e-12 && v <= g.flexible_max_mw(i) + 1e-9);
            assert!(g.inflexible_mw(i) + v <= 120.0 + 1e-9);
        }
        // Midday takes the most, night the least.
        assert!(x[0][12] > x[0][0]);
        assert!(
            (x[0][12] - 50.0).abs() < 1e-9,
            "at full racks at noon: {}",
            x[0][12]
        );
    }

    #[test]
    fn levelling_minimizes_the_deficit_energy_with_a_constant_pue() {
        // Against every other feasible shift on a grid of small windows: none has less deficit.
        let a = [3.0, -2.0, 5.0, -1.0, 0.5];
        let (hi, energy) = ([2.0; 5], 4.0);
        let mut x = [0.0; 5];
        level_window(&a, &[1.0; 5], &[0.0; 5], &hi, energy, &mut x, None);
        let deficit = |x: &[f64]| a.iter().zip(x).map(|(a, x)| (a + x).max(0.0)).sum::<f64>();
        let peak = |x: &[f64]| a.iter().zip(x).map(|(a, x)| a + x).fold(f64::MIN, f64::max);
        let best = deficit(&x);
        // Enumerate placements on a 0.5 MW grid.
        let grid: Vec<f64> = (0..=4).map(|k| k as f64 * 0.5).collect();
        let mut checked = 0;
        for &x0 in &grid {
            for &x1 in &grid {
                for &x2 in &grid {
                    for &x3 in &grid {
                        let x4 = energy - x0 - x1 - x2 - x3;
                        if !(0.0..=2.0).contains(&x4) {
                            continue;
                        }
                        let y = [x0, x1, x2, x3, x4];
                        checked += 1;
                        assert!(deficit(&y) >= best - 1e-9, "{y:?} beats {x:?}");
                        assert!(peak(&y) >= peak(&x) - 1e-9, "{y:?} has a lower peak");
                    }
                }
            }
        }
        assert!(checked > 50);
    }

    #[test]
    fn two_groups_level_together() {
        let n = 24;
        let g1 = group(vec![50.0; n], 0.5, 60.0, 24);
        let g2 = group(vec![50.0; n], 0.5, 60.0, 24);
        let supply: Vec<f64> = (0..n)
            .map(|i| if (8..16).contains(&i) { 200.0 } else { 60.0 })
            .collect();
        let pue = vec![1.0; n];
        let inflex: Vec<f64> = (0..n)
            .map(|i| g1.inflexible_mw(i) + g2.inflexible_mw(i))
            .collect();
        let mut x = Vec::new();
        shift_groups(
            &[g1.clone(), g2.clone()],
            &inflex,
            &supply,
            &pue,
            Foresight::Perfect,
            &mut x,
            &mut LevelScratch::default(),
        );
        // Jointly: 50 MW-steps each of 24 x 25 = 600 per group; the 8 sunny hours take
        // 35 MW each (to nameplate), 280 MW-steps per group; the rest is spread evenly.
        for (a, b) in x[0][8..16].iter().zip(&x[1][8..16]) {
            assert!((a - 35.0).abs() < 1e-6 && (b - 35.0).abs() < 1e-6);
        }
        let night = (600.0 - 280.0) / 16.0;
        assert!((x[0][0] + x[1][0] - 2.0 * night).abs() < 1e-6, "{:?}", x);
    }

    #[test]
    fn ramp_limits_hold_and_keep_the_energy() {
        let n = 24;
        let mut g = group(vec![100.0; n], 0.4, 140.0, 24);
        g.ramp_mw_per_step = Some(10.0);
        let supply: Vec<f64> = (0..n)
            .map(|i| if (10..14).contains(&i) { 400.0 } else { 0.0 })
            .collect();
        let pue = vec![1.0; n];
        let inflex: Vec<f64> = (0..n).map(|i| g.inflexible_mw(i)).collect();
        let mut x = Vec::new();
        shift_groups(
            std::slice::from_ref(&g),
            &inflex,
            &supply,
            &pue,
            Foresight::Perfect,
            &mut x,
            &mut LevelScratch::default(),
        );
        let total: f64 = x[0].iter().sum();
        assert!((total - 40.0 * 24.0).abs() < 1e-6, "{total}");
        for i in 1..n {
            let d = (x[0][i] - x[0][i - 1]).abs();
            assert!(d <= 10.0 + 1e-6, "step {i}: {d} ({:?})", x[0]);
        }
        for v in &x[0] {
            assert!(*v >= -1e-9 && *v <= 80.0 + 1e-9);
        }
        // Still towards the sun.
        assert!(x[0][11] > x[0][0]);
    }

    #[test]
    fn a_forecast_with_the_whole_window_is_perfect_foresight_and_a_short_one_still_closes() {
        let n = 48;
        let g = group(vec![100.0; n], 0.3, 130.0, 24);
        let supply: Vec<f64> = (0..n)
            .map(|i| ((i % 24) as f64 - 6.0).max(0.0) * 20.0)
            .collect();
        let pue = vec![1.1; n];
        let inflex: Vec<f64> = (0..n).map(|i| g.inflexible_mw(i) * 1.1).collect();
        let run = |f: Foresight| {
            let mut x = Vec::new();
            shift_groups(
                std::slice::from_ref(&g),
                &inflex,
                &supply,
                &pue,
                f,
                &mut x,
                &mut LevelScratch::default(),
            );
            x.remove(0)
        };
        let perfect = run(Foresight::Perfect);
        let day = run(Foresight::Horizon {
            steps: 24,
            steps_per_day: 24,
        });
        assert_eq!(perfect, day);
        let short = run(Foresight::Horizon {
            steps: 3,
            steps_per_day: 24,
        });
        for w in [0..24, 24..48] {
            let e: f64 = short[w.clone()].iter().sum();
            assert!((e - 30.0 * 24.0).abs() < 1e-6, "{e}");
        }
        assert_ne!(short, perfect);
    }

    #[test]
    fn shift_hours_by_hand() {
        // 2 MWh moved 3 h later, 1 MWh stays: 2 MWh shifted, mean 3 h, largest 3 h.
        let base = [3.0, 0.0, 0.0, 0.0];
        let shifted = [1.0, 0.0, 0.0, 2.0];
        let whole = std::slice::from_ref(&(0..4));
        let (mwh, mean, largest) = shift_hours(&base, &shifted, whole, 1.0);
        assert!((mwh - 2.0).abs() < 1e-12);
        assert!((mean - 3.0).abs() < 1e-12, "{mean}");
        assert!((largest - 3.0).abs() < 1e-12);
    }
}
