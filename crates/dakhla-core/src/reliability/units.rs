//! Sequential Monte Carlo of unit availability.
//!
//! Each unit is a two-state (up, forced outage) Markov chain in discrete time: in each step of
//! `step_h` hours an up unit fails with probability `step_h / MTTF` and a failed unit is
//! repaired with probability `step_h / MTTR`, so up and down times are geometric with means MTTF
//! and MTTR, and the long-run share of time on outage is MTTR / (MTTF + MTTR), the unit's forced
//! outage rate (IEEE Std 762). This is how NREL's PRAS samples generator availability
//! (Stephen et al., "PRAS: Probabilistic Resource Adequacy Suite", NREL/TP-5C00-79698, 2021).
//! Each chain starts from its steady state, so every hour of every draw has the COPT's
//! marginal probabilities and a unit-only Monte Carlo converges to the COPT.
//!
//! Sojourns are drawn whole (inverse transform of the geometric law), so a draw costs one random
//! number per outage or repair, not one per hour.

use crate::sim::years::percentile_sorted;
use crate::weather::synthetic::pcg64_for;
use rand_core::Rng;
use rand_pcg::Pcg64;

/// A repairable unit: its capacity and mean times to failure and to repair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RepairableUnit {
    pub capacity_mw: f64,
    /// Mean time to failure [h] (infinite: never fails).
    pub mttf_h: f64,
    /// Mean time to repair [h].
    pub mttr_h: f64,
}

impl RepairableUnit {
    /// The unit with forced outage rate `forced_outage_rate` and repair time `mttr_h`: its MTTF
    /// is MTTR (1 - FOR) / FOR.
    pub fn from_outage_rate(capacity_mw: f64, forced_outage_rate: f64, mttr_h: f64) -> Self {
        let mttf_h = if forced_outage_rate > 0.0 {
            mttr_h * (1.0 - forced_outage_rate) / forced_outage_rate
        } else {
            f64::INFINITY
        };
        RepairableUnit {
            capacity_mw,
            mttf_h,
            mttr_h,
        }
    }

    /// Long-run share of time on forced outage: MTTR / (MTTF + MTTR).
    pub fn forced_outage_rate(&self) -> f64 {
        if self.mttf_h.is_infinite() {
            0.0
        } else {
            self.mttr_h / (self.mttf_h + self.mttr_h)
        }
    }
}

/// Draws of unit availability. Draw `k` of seed `s` is the same whatever other draws run
/// (each draw has its own PCG-64 stream), so shards of a study add up to the whole.
pub struct Availability {
    rng: Pcg64,
}

/// A unit's two-state chain at a step length: the probabilities of failing and of being
/// repaired in a step, the steady state, and what the sojourn sampler needs, computed once
/// for a fleet of identical units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chain {
    p_fail: f64,
    p_repair: f64,
    p_up: f64,
    inv_fail: f64,
    inv_repair: f64,
}

impl Chain {
    /// The chain of `unit` with steps of `step_h` hours.
    pub fn of(unit: &RepairableUnit, step_h: f64) -> Chain {
        let p_fail = if unit.mttf_h.is_finite() && unit.mttf_h > 0.0 {
            (step_h / unit.mttf_h).min(1.0)
        } else if unit.mttf_h <= 0.0 {
            1.0
        } else {
            0.0
        };
        let p_repair = if unit.mttr_h > 0.0 {
            (step_h / unit.mttr_h).min(1.0)
        } else {
            1.0
        };
        // Steady state of the discrete chain.
        let p_up = if p_fail + p_repair > 0.0 {
            p_repair / (p_fail + p_repair)
        } else {
            1.0
        };
        Chain {
            p_fail,
            p_repair,
            p_up,
            inv_fail: inv_log_stay(p_fail),
            inv_repair: inv_log_stay(p_repair),
        }
    }
}

/// `1 / ln(1 - p)` for a probability `p` of leaving a state per step (0 when it never or
/// always leaves: [`Availability::sojourn_steps`] does not use it then).
fn inv_log_stay(p: f64) -> f64 {
    if p > 0.0 && p < 1.0 {
        1.0 / (-p).ln_1p()
    } else {
        0.0
    }
}

impl Availability {
    /// The generator of draw `draw` of `seed`.
    pub fn new(seed: u64, draw: u64) -> Self {
        Availability {
            rng: pcg64_for(seed, draw),
        }
    }

    /// Uniform in the open interval (0, 1), from the draw's stream.
    pub fn uniform(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Steps until the chain leaves its state, when it leaves with probability `p` per step
    /// (geometric on 1, 2, ...; `usize::MAX` when it never leaves). `inv_log_stay` is
    /// `1 / ln(1 - p)` (see [`inv_log_stay`]), computed once per unit.
    fn sojourn_steps(&mut self, p: f64, inv_log_stay: f64) -> usize {
        if p >= 1.0 {
            1
        } else if p <= 0.0 {
            usize::MAX
        } else {
            let d = self.uniform().ln() * inv_log_stay;
            if d >= usize::MAX as f64 {
                usize::MAX
            } else {
                // ceil without a call into libm (x86-64's baseline has no rounding
                // instruction): d is positive.
                let whole = d as usize;
                (whole + usize::from(d > whole as f64)).max(1)
            }
        }
    }

    /// Walk `unit`'s chain over `n` steps of `step_h` hours: `segment(start, end, up)` for each
    /// stay in one state, in order, covering `0..n`.
    fn walk(
        &mut self,
        unit: &RepairableUnit,
        step_h: f64,
        n: usize,
        segment: impl FnMut(usize, usize, bool),
    ) {
        self.walk_chain(&Chain::of(unit, step_h), n, segment)
    }

    /// [`walk`](Self::walk) with the chain's constants computed once ([`Chain::of`]).
    fn walk_chain(&mut self, c: &Chain, n: usize, mut segment: impl FnMut(usize, usize, bool)) {
        let mut state = self.uniform() < c.p_up;
        let mut t = 0;
        while t < n {
            let d = if state {
                self.sojourn_steps(c.p_fail, c.inv_fail)
            } else {
                self.sojourn_steps(c.p_repair, c.inv_repair)
            };
            let end = t.saturating_add(d).min(n);
            segment(t, end, state);
            t = end;
            state = !state;
        }
    }

    /// [`add_in_service`](Self::add_in_service) for a unit whose chain is `c`.
    pub fn add_in_service_chain(&mut self, c: &Chain, weight: f64, delta: &mut [f64]) {
        let n = delta.len();
        self.walk_chain(c, n, |a, b, on| {
            if on {
                delta[a] += weight;
                if b < n {
                    delta[b] -= weight;
                }
            }
        });
    }

    /// [`add_units_in_service`](Self::add_units_in_service) for a unit whose chain is `c`.
    pub fn add_units_in_service_chain(&mut self, c: &Chain, delta: &mut [i32]) {
        let n = delta.len();
        self.walk_chain(c, n, |a, b, on| {
            if on {
                delta[a] += 1;
                if b < n {
                    delta[b] -= 1;
                }
            }
        });
    }

    /// Sample `unit`'s states over `up.len()` steps of `step_h` hours into `up` (true: in
    /// service).
    pub fn sample_unit(&mut self, unit: &RepairableUnit, step_h: f64, up: &mut [bool]) {
        let n = up.len();
        self.walk(unit, step_h, n, |a, b, on| up[a..b].fill(on));
    }

    /// [`add_in_service`](Self::add_in_service) counting units: +1 where `unit` comes into
    /// service, -1 where it goes out; the running sum is the number of units in service.
    pub fn add_units_in_service(&mut self, unit: &RepairableUnit, step_h: f64, delta: &mut [i32]) {
        let n = delta.len();
        self.walk(unit, step_h, n, |a, b, on| {
            if on {
                delta[a] += 1;
                if b < n {
                    delta[b] -= 1;
                }
            }
        });
    }

    /// Add `weight` to `delta` where `unit` comes into service and take it off where it goes
    /// out, over `delta.len()` steps: the running sum of `delta` is then the weight in service
    /// at each step. A draw costs one entry per outage, not one per step, so fleets of
    /// hundreds of units sum in one pass.
    pub fn add_in_service(
        &mut self,
        unit: &RepairableUnit,
        step_h: f64,
        weight: f64,
        delta: &mut [f64],
    ) {
        let n = delta.len();
        self.walk(unit, step_h, n, |a, b, on| {
            if on {
                delta[a] += weight;
                if b < n {
                    delta[b] -= weight;
                }
            }
        });
    }

    /// Add the capacity of every unit in service to `available_mw`, step by step (a draw of the
    /// available capacity of the fleet; `scratch` is reused between units).
    pub fn add_available_mw(
        &mut self,
        units: &[RepairableUnit],
        step_h: f64,
        available_mw: &mut [f64],
        scratch: &mut Vec<bool>,
    ) {
        scratch.resize(available_mw.len(), true);
        for u in units {
            self.sample_unit(u, step_h, scratch);
            for (a, &on) in available_mw.iter_mut().zip(scratch.iter()) {
                if on {
                    *a += u.capacity_mw;
                }
            }
        }
    }
}

/// A statistic over Monte Carlo draws: its mean, the standard error of the mean, and the median
/// and P90 of the draws. P90 is taken on the bad side, as everywhere in the program: for a
/// shortfall (LOLE, EUE) the value 90 % of draws stay at or below ([`Estimate::of_draws`]), for
/// a chance of riding through the value 90 % of draws reach or exceed
/// ([`Estimate::of_draws_higher_better`]).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Estimate {
    pub mean: f64,
    pub std_error: f64,
    pub p50: f64,
    pub p90: f64,
}

impl Estimate {
    /// The estimate of a shortfall from one value per draw (NaN everywhere without draws).
    pub fn of_draws(values: &[f64]) -> Estimate {
        Self::with_p90_at(values, 0.9)
    }

    /// The estimate of a quantity where more is better (P90 is the 10th percentile).
    pub fn of_draws_higher_better(values: &[f64]) -> Estimate {
        Self::with_p90_at(values, 0.1)
    }

    fn with_p90_at(values: &[f64], q90: f64) -> Estimate {
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let var = if values.len() > 1 {
            values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)
        } else {
            0.0
        };
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        Estimate {
            mean,
            std_error: (var / n).sqrt(),
            p50: percentile_sorted(&sorted, 0.5),
            p90: percentile_sorted(&sorted, q90),
        }
    }
}

/// LOLE [h] and EUE [MWh] over `load_mw` of each of `draws` draws of the fleet `units` alone
/// (no storage, no renewables): the sequential Monte Carlo counterpart of the COPT.
pub fn unit_only_draws(
    units: &[RepairableUnit],
    load_mw: &[f64],
    step_h: f64,
    draws: std::ops::Range<u64>,
    seed: u64,
) -> Vec<(f64, f64)> {
    let mut available = vec![0.0; load_mw.len()];
    let mut scratch = Vec::new();
    draws
        .map(|k| {
            available.fill(0.0);
            Availability::new(seed, k).add_available_mw(
                units,
                step_h,
                &mut available,
                &mut scratch,
            );
            load_mw
                .iter()
                .zip(&available)
                .filter(|(l, a)| a < l)
                .fold((0.0, 0.0), |(h, e), (l, a)| {
                    (h + step_h, e + (l - a) * step_h)
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_down_its_forced_outage_rate_of_the_time_in_spells_of_its_mttr() {
        let u = RepairableUnit {
            capacity_mw: 100.0,
            mttf_h: 450.0,
            mttr_h: 50.0,
        };
        assert!((u.forced_outage_rate() - 0.1).abs() < 1e-12);
        let n = 2_000_000;
        let mut up = vec![true; n];
        Availability::new(7, 0).sample_unit(&u, 1.0, &mut up);
        let down = up.iter().filter(|s| !**s).count() as f64 / n as f64;
        assert!((down - 0.1).abs() < 0.005, "share down {down}");
        // Mean length of the outage spells.
        let spells = up.windows(2).filter(|w| w[0] && !w[1]).count() as f64;
        let mean_spell = down * n as f64 / spells;
        assert!(
            (mean_spell - 50.0).abs() < 2.5,
            "mean outage {mean_spell} h"
        );
    }

    #[test]
    fn draws_are_reproducible_and_independent_of_each_other() {
        let u = [RepairableUnit::from_outage_rate(50.0, 0.05, 40.0)];
        let load = vec![40.0; 8760];
        let all = unit_only_draws(&u, &load, 1.0, 0..10, 42);
        let again = unit_only_draws(&u, &load, 1.0, 0..10, 42);
        assert_eq!(all, again);
        // Draws 5..10 alone are the same as in the whole run (shards add up).
        assert_eq!(
            unit_only_draws(&u, &load, 1.0, 5..10, 42),
            all[5..].to_vec()
        );
        assert_ne!(unit_only_draws(&u, &load, 1.0, 0..10, 43), all);
    }

    #[test]
    fn a_unit_that_never_fails_is_always_up_and_one_always_down_never() {
        let mut up = vec![false; 100];
        let sure = RepairableUnit::from_outage_rate(10.0, 0.0, 10.0);
        Availability::new(1, 1).sample_unit(&sure, 1.0, &mut up);
        assert!(up.iter().all(|s| *s));
        let broken = RepairableUnit {
            capacity_mw: 10.0,
            mttf_h: 0.0,
            mttr_h: f64::INFINITY,
        };
        Availability::new(1, 1).sample_unit(&broken, 1.0, &mut up);
        assert!(up.iter().all(|s| !*s));
    }

    #[test]
    fn the_estimate_has_the_mean_its_standard_error_and_percentiles() {
        let e = Estimate::of_draws(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(e.mean, 2.5);
        assert!((e.std_error - (5.0_f64 / 3.0 / 4.0).sqrt()).abs() < 1e-12);
        assert_eq!(e.p50, 2.5);
        assert!((e.p90 - 3.7).abs() < 1e-12);
        let up = Estimate::of_draws_higher_better(&[1.0, 2.0, 3.0, 4.0]);
        assert!((up.p90 - 1.3).abs() < 1e-12);
        assert_eq!((up.mean, up.p50), (e.mean, e.p50));
    }
}
