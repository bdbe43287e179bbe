//! The capacity outage probability table (COPT) of independent two-state units, built by
//! recursive convolution (Billinton & Allan, *Reliability Evaluation of Power Systems*, 2nd ed.,
//! 1996, section 2.3.2), and the LOLP, LOLE and EUE of a load against it (sections 2.4 and 2.7).
//!
//! Capacities sit on a grid of `step_mw`: every unit's capacity must be a whole number of steps
//! (1 MW for the IEEE RTS), so the table is exact, not rounded.

use crate::text::{local_number, whole};
use dakhla_i18n::tr;
use std::fmt;

/// A unit as the COPT sees it: its capacity and its forced outage rate (the probability of
/// finding it on forced outage at a random hour; IEEE Std 762: FOH / (SH + FOH)).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutageUnit {
    pub capacity_mw: f64,
    pub forced_outage_rate: f64,
}

/// Why a table cannot be built.
#[derive(Clone, Debug, PartialEq)]
pub enum CoptError {
    /// The grid step is not a positive finite number of MW.
    Step(f64),
    /// Unit `index` has a capacity that is negative, not finite, or not a whole number of steps.
    Capacity { index: usize, capacity_mw: f64 },
    /// Unit `index` has a forced outage rate outside [0, 1].
    Rate { index: usize, rate: f64 },
    /// The table would have more than `COPT_MAX_STATES` rows.
    TooLarge { states: f64 },
}

impl fmt::Display for CoptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoptError::Step(s) => {
                f.write_str(&tr!("engine-copt-step", step = local_number(s.to_string())))
            }
            CoptError::Capacity { index, capacity_mw } => f.write_str(&tr!(
                "engine-copt-capacity",
                unit = (index + 1).to_string(),
                capacity = local_number(capacity_mw.to_string())
            )),
            CoptError::Rate { index, rate } => f.write_str(&tr!(
                "engine-copt-rate",
                unit = (index + 1).to_string(),
                rate = local_number(rate.to_string())
            )),
            CoptError::TooLarge { states } => f.write_str(&tr!(
                "engine-copt-too-large",
                states = local_number(format!("{states:.0}")),
                max = whole(COPT_MAX_STATES as u64)
            )),
        }
    }
}

impl std::error::Error for CoptError {}

/// Most rows a table may have (10 GW at 1 kW steps; 80 MB of probabilities).
pub const COPT_MAX_STATES: usize = 10_000_000;

/// The probability of each capacity on outage, on a grid of `step_mw`.
#[derive(Clone, Debug)]
pub struct Copt {
    step_mw: f64,
    /// Number of steps installed (the sum of the units' capacities).
    installed_steps: usize,
    /// `p[k]`: probability that exactly `k` steps are on outage.
    p: Vec<f64>,
    /// `tail[k]`: probability that `k` steps or more are on outage (`tail[len] = 0`).
    tail: Vec<f64>,
    /// `tail_k[k]`: sum over `j >= k` of `j * p[j]`, for the expected shortfall.
    tail_k: Vec<f64>,
}

impl Copt {
    /// The table of `units` on a grid of `step_mw`.
    pub fn build(units: &[OutageUnit], step_mw: f64) -> Result<Copt, CoptError> {
        if !(step_mw.is_finite() && step_mw > 0.0) {
            return Err(CoptError::Step(step_mw));
        }
        let mut sizes = Vec::with_capacity(units.len());
        let mut total = 0.0_f64;
        for (index, u) in units.iter().enumerate() {
            let steps = u.capacity_mw / step_mw;
            let whole = steps.round();
            if !(u.capacity_mw.is_finite() && whole >= 0.0)
                || (steps - whole).abs() > 1e-9 * whole.max(1.0)
            {
                return Err(CoptError::Capacity {
                    index,
                    capacity_mw: u.capacity_mw,
                });
            }
            if !(0.0..=1.0).contains(&u.forced_outage_rate) {
                return Err(CoptError::Rate {
                    index,
                    rate: u.forced_outage_rate,
                });
            }
            total += whole;
            sizes.push((whole as usize, u.forced_outage_rate));
        }
        if total + 1.0 > COPT_MAX_STATES as f64 {
            return Err(CoptError::TooLarge {
                states: total + 1.0,
            });
        }
        let installed_steps = total as usize;
        // Add one unit at a time: P'(k) = (1 - q) P(k) + q P(k - c).
        let mut p = vec![0.0; installed_steps + 1];
        p[0] = 1.0;
        let mut reach = 0;
        for (c, q) in sizes {
            reach += c;
            for k in (0..=reach).rev() {
                let out = if k >= c { p[k - c] } else { 0.0 };
                p[k] = (1.0 - q) * p[k] + q * out;
            }
        }
        let mut tail = vec![0.0; installed_steps + 2];
        let mut tail_k = vec![0.0; installed_steps + 2];
        for k in (0..=installed_steps).rev() {
            tail[k] = tail[k + 1] + p[k];
            tail_k[k] = tail_k[k + 1] + k as f64 * p[k];
        }
        Ok(Copt {
            step_mw,
            installed_steps,
            p,
            tail,
            tail_k,
        })
    }

    /// The capacity installed [MW].
    pub fn installed_mw(&self) -> f64 {
        self.installed_steps as f64 * self.step_mw
    }

    /// The grid step [MW].
    pub fn step_mw(&self) -> f64 {
        self.step_mw
    }

    /// Probability that exactly `outage_mw` (a grid point) is on outage; 0 off the grid.
    pub fn probability_of_outage(&self, outage_mw: f64) -> f64 {
        let k = outage_mw / self.step_mw;
        if (k - k.round()).abs() > 1e-9 || k < -0.5 {
            return 0.0;
        }
        self.p.get(k.round() as usize).copied().unwrap_or(0.0)
    }

    /// The first outage state (in steps) in which the available capacity is below `load_mw`.
    fn first_short_state(&self, load_mw: f64) -> usize {
        // Short when installed - k * step < load, i.e. k > margin / step.
        let margin = self.installed_mw() - load_mw;
        if margin < 0.0 {
            return 0;
        }
        let k = (margin / self.step_mw).floor() as usize + 1;
        k.min(self.installed_steps + 1)
    }

    /// Loss-of-load probability: the probability that the available capacity is below
    /// `load_mw`.
    pub fn lolp(&self, load_mw: f64) -> f64 {
        self.tail[self.first_short_state(load_mw)]
    }

    /// Expected capacity short of `load_mw` [MW]: the sum over outage states of the probability
    /// times the shortfall.
    pub fn expected_shortfall_mw(&self, load_mw: f64) -> f64 {
        let k = self.first_short_state(load_mw);
        let margin = self.installed_mw() - load_mw;
        // Sum over j >= k of p_j (j * step - margin).
        (self.step_mw * self.tail_k[k] - margin * self.tail[k]).max(0.0)
    }

    /// LOLE [h] and EUE [MWh] of an hourly (or `step_h`-hourly) load over its whole length:
    /// the sums of LOLP times the step and of the expected shortfall times the step.
    pub fn lole_eue(&self, load_mw: &[f64], step_h: f64) -> (f64, f64) {
        load_mw.iter().fold((0.0, 0.0), |(lole, eue), &l| {
            (
                lole + self.lolp(l) * step_h,
                eue + self.expected_shortfall_mw(l) * step_h,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(capacity_mw: f64, forced_outage_rate: f64) -> OutageUnit {
        OutageUnit {
            capacity_mw,
            forced_outage_rate,
        }
    }

    #[test]
    fn two_units_give_the_table_of_billinton_and_allan_by_hand() {
        // 2 x 25 MW, FOR 0.02 (Billinton & Allan, example of section 2.3): out 0 MW 0.9604,
        // 25 MW 0.0392, 50 MW 0.0004.
        let c = Copt::build(&[unit(25.0, 0.02), unit(25.0, 0.02)], 1.0).expect("table");
        assert_eq!(c.installed_mw(), 50.0);
        assert!((c.probability_of_outage(0.0) - 0.9604).abs() < 1e-12);
        assert!((c.probability_of_outage(25.0) - 0.0392).abs() < 1e-12);
        assert!((c.probability_of_outage(50.0) - 0.0004).abs() < 1e-12);
        assert_eq!(c.probability_of_outage(10.0), 0.0);
        // A 30 MW load is short when a unit or both are out; 25 MW only when both are.
        assert!((c.lolp(30.0) - 0.0396).abs() < 1e-12);
        assert!((c.lolp(25.0) - 0.0004).abs() < 1e-12);
        assert_eq!(c.lolp(0.0), 0.0);
        assert!((c.lolp(60.0) - 1.0).abs() < 1e-12);
        // Expected shortfall at 30 MW: 0.0392 x 5 + 0.0004 x 30.
        assert!((c.expected_shortfall_mw(30.0) - (0.0392 * 5.0 + 0.0004 * 30.0)).abs() < 1e-12);
        // Above the installed capacity every state is short, by at least the excess.
        assert!(
            (c.expected_shortfall_mw(60.0) - (10.0 + 0.0392 * 25.0 + 0.0004 * 50.0)).abs() < 1e-9
        );
        let (lole, eue) = c.lole_eue(&[30.0, 25.0, 10.0], 1.0);
        assert!((lole - (0.0396 + 0.0004 + 0.0004)).abs() < 1e-12);
        assert!(eue > 0.0);
    }

    #[test]
    fn the_table_equals_the_enumeration_of_every_state() {
        // Five units of unequal sizes: 2^5 states summed by brute force.
        let units = [
            unit(12.0, 0.02),
            unit(20.0, 0.10),
            unit(50.0, 0.01),
            unit(76.0, 0.02),
            unit(155.0, 0.04),
        ];
        let c = Copt::build(&units, 1.0).expect("table");
        let installed: f64 = units.iter().map(|u| u.capacity_mw).sum();
        for load in [0.0, 100.0, 200.0, 250.5, 290.0, 313.0, 320.0] {
            let (mut lolp, mut short) = (0.0, 0.0);
            for mask in 0u32..32 {
                let mut prob = 1.0;
                let mut out = 0.0;
                for (i, u) in units.iter().enumerate() {
                    if mask & (1 << i) != 0 {
                        prob *= u.forced_outage_rate;
                        out += u.capacity_mw;
                    } else {
                        prob *= 1.0 - u.forced_outage_rate;
                    }
                }
                let available = installed - out;
                if available < load {
                    lolp += prob;
                    short += prob * (load - available);
                }
            }
            assert!((c.lolp(load) - lolp).abs() < 1e-12, "LOLP at {load} MW");
            assert!(
                (c.expected_shortfall_mw(load) - short).abs() < 1e-9,
                "shortfall at {load} MW"
            );
        }
        let total: f64 = (0..=313).map(|k| c.probability_of_outage(k as f64)).sum();
        assert!((total - 1.0).abs() < 1e-12);
    }

    #[test]
    fn bad_units_are_refused_in_words() {
        assert_eq!(
            Copt::build(&[unit(12.5, 0.1)], 1.0).unwrap_err(),
            CoptError::Capacity {
                index: 0,
                capacity_mw: 12.5
            }
        );
        assert!(Copt::build(&[unit(12.5, 0.1)], 0.5).is_ok());
        let e = Copt::build(&[unit(10.0, 1.5)], 1.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unit 1: forced outage rate 1.5 is outside 0 to 1"
        );
        assert!(matches!(
            Copt::build(&[unit(1e9, 0.1)], 1.0),
            Err(CoptError::TooLarge { .. })
        ));
        assert!(matches!(Copt::build(&[], 0.0), Err(CoptError::Step(_))));
        assert!(matches!(
            Copt::build(&[unit(f64::NAN, 0.1)], 1.0),
            Err(CoptError::Capacity { .. })
        ));
    }
}
