//! Battery energy storage: power and energy limits, charge and discharge efficiency, state of
//! charge bounds and self-discharge.
//!
//! The round-trip efficiency (AC to AC) is split evenly between charging and discharging:
//! eta_charge = eta_discharge = sqrt(round_trip_eff), as in NREL SAM's simple battery and HOMER.
//!
//! # References
//! - Viswanathan, V. et al. (2022). 2022 Grid Energy Storage Technology Cost and Performance
//!   Assessment. PNNL-33283 (LFP round trip 84.5 % AC-AC).
//! - HOMER Pro documentation, "Kinetic battery model" / "Idealized storage model" (SoC limits,
//!   power limits).

/// A battery reduced to the numbers the dispatch needs, for one step length. The per-step
/// factors are precomputed so that the dispatch's loop-carried chain (state of charge from one
/// step to the next) holds no division.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BatteryLimits {
    /// Lowest stored energy allowed [MWh].
    pub soc_min_mwh: f64,
    /// Highest stored energy allowed [MWh].
    pub soc_max_mwh: f64,
    /// Charge and discharge power limit at the grid side [MW].
    pub power_mw: f64,
    /// Charging efficiency [-].
    pub eta_charge: f64,
    /// Discharging efficiency [-].
    pub eta_discharge: f64,
    /// Fraction of the stored energy lost per step [-].
    pub self_discharge_per_step: f64,
    /// Step length [h].
    pub step_h: f64,
    /// Stored energy gained per MW of grid-side charging over one step [MWh/MW].
    stored_per_charge_mw: f64,
    /// Grid-side charge power that fills one MWh in one step [MW/MWh].
    charge_mw_per_stored: f64,
    /// Stored energy drawn per MW of grid-side discharge over one step [MWh/MW].
    stored_per_discharge_mw: f64,
    /// Grid-side discharge power one stored MWh yields in one step [MW/MWh].
    discharge_mw_per_stored: f64,
}

impl BatteryLimits {
    /// Build the limits from scenario-level figures for a step of `step_h` hours.
    pub fn new(
        energy_mwh: f64,
        power_mw: f64,
        round_trip_eff: f64,
        soc_min_frac: f64,
        soc_max_frac: f64,
        self_discharge_frac_per_day: f64,
        step_h: f64,
    ) -> Self {
        let eta = round_trip_eff.max(1e-9).sqrt();
        let step_h = step_h.max(1e-9);
        Self {
            soc_min_mwh: energy_mwh * soc_min_frac,
            soc_max_mwh: energy_mwh * soc_max_frac,
            power_mw,
            eta_charge: eta,
            eta_discharge: eta,
            self_discharge_per_step: 1.0 - (1.0 - self_discharge_frac_per_day).powf(step_h / 24.0),
            step_h,
            stored_per_charge_mw: eta * step_h,
            charge_mw_per_stored: 1.0 / (eta * step_h),
            stored_per_discharge_mw: step_h / eta,
            discharge_mw_per_stored: eta / step_h,
        }
    }

    /// True when the battery can move energy at all (some power and some usable window).
    pub fn is_usable(&self) -> bool {
        self.power_mw > 0.0 && self.soc_max_mwh > self.soc_min_mwh
    }

    /// Usable energy between the SoC bounds [MWh].
    pub fn usable_mwh(&self) -> f64 {
        (self.soc_max_mwh - self.soc_min_mwh).max(0.0)
    }

    /// Stored energy after one step of rest: self-discharge, stopped at the lower bound
    /// (`soc_mwh` is assumed at or above it, as the dispatch keeps it).
    #[inline]
    pub fn rest(&self, soc_mwh: f64) -> f64 {
        fmax(
            soc_mwh * (1.0 - self.self_discharge_per_step),
            fmin(self.soc_min_mwh, soc_mwh),
        )
    }

    /// Charge with up to `offered_mw` for one step. Returns (grid-side charge power [MW], new
    /// stored energy [MWh]).
    ///
    /// The new state of charge is computed first (one add and one min on the step-to-step
    /// chain, which bounds the dispatch's speed); the power follows from it.
    #[inline]
    pub fn charge(&self, soc_mwh: f64, offered_mw: f64) -> (f64, f64) {
        let offer = fmax(fmin(offered_mw, self.power_mw), 0.0);
        let new_soc = fmax(
            fmin(
                soc_mwh + offer * self.stored_per_charge_mw,
                self.soc_max_mwh,
            ),
            soc_mwh,
        );
        let p = fmin((new_soc - soc_mwh) * self.charge_mw_per_stored, offer);
        (p, new_soc)
    }

    /// Discharge up to `requested_mw` for one step. Returns (grid-side discharge power [MW],
    /// new stored energy [MWh]).
    #[inline]
    pub fn discharge(&self, soc_mwh: f64, requested_mw: f64) -> (f64, f64) {
        let request = fmax(fmin(requested_mw, self.power_mw), 0.0);
        let new_soc = fmin(
            fmax(
                soc_mwh - request * self.stored_per_discharge_mw,
                self.soc_min_mwh,
            ),
            soc_mwh,
        );
        let p = fmin((soc_mwh - new_soc) * self.discharge_mw_per_stored, request);
        (p, new_soc)
    }
}

impl BatteryLimits {
    /// One whole step: self-discharge, then charge from `surplus_mw` or discharge towards
    /// `deficit_mw` (one of them is zero). Returns (charge [MW], discharge [MW], new stored
    /// energy [MWh]).
    ///
    /// Same result as [`rest`](Self::rest) followed by [`charge`](Self::charge) or
    /// [`discharge`](Self::discharge), written so that the state of charge passes through only a
    /// multiply, an add and three min/max from one step to the next: this chain bounds the
    /// dispatch's speed (about 10 cycles a step).
    #[inline(always)]
    pub fn step(&self, soc_mwh: f64, surplus_mw: f64, deficit_mw: f64) -> (f64, f64, f64) {
        let offer = fmin(surplus_mw, self.power_mw);
        let request = fmin(deficit_mw, self.power_mw);
        let delta = offer * self.stored_per_charge_mw - request * self.stored_per_discharge_mw;
        // rest = max(soc x keep, floor) (self-discharge stops at the floor), then
        // new = clamp(rest + delta, floor, ceiling). Since max(max(x, m) + d, m) equals
        // max(x + d, m + max(d, 0)), the chain from soc to new is a multiply, an add, a max and
        // a min; the rest is off the chain.
        let kept = soc_mwh * (1.0 - self.self_discharge_per_step);
        let floor = self.soc_min_mwh + fmax(delta, 0.0);
        let new_soc = fmin(fmax(kept + delta, floor), self.soc_max_mwh);
        let rest = fmax(kept, self.soc_min_mwh);
        let charge = fmin(fmax(new_soc - rest, 0.0) * self.charge_mw_per_stored, offer);
        let discharge = fmin(
            fmax(rest - new_soc, 0.0) * self.discharge_mw_per_stored,
            request,
        );
        (charge, discharge, new_soc)
    }
}

impl BatteryLimits {
    /// Change of stored energy that charging from `surplus_mw` or discharging towards
    /// `deficit_mw` asks for over one step, before the SoC bounds [MWh] (one of the two inputs
    /// is zero).
    #[inline(always)]
    pub fn requested_delta_mwh(&self, surplus_mw: f64, deficit_mw: f64) -> f64 {
        fmin(surplus_mw, self.power_mw) * self.stored_per_charge_mw
            - fmin(deficit_mw, self.power_mw) * self.stored_per_discharge_mw
    }

    /// Stored energy after a step that asked for `delta_mwh` ([`requested_delta_mwh`]
    /// (Self::requested_delta_mwh)): self-discharge stopped at the floor, then the change,
    /// clamped to the SoC window. Same as [`step`](Self::step)'s new SoC; the chain from the
    /// old SoC is a multiply, an add, a max and a min.
    #[inline(always)]
    pub fn next_soc(&self, soc_mwh: f64, delta_mwh: f64) -> f64 {
        let floor = self.soc_min_mwh + fmax(delta_mwh, 0.0);
        fmin(
            fmax(
                soc_mwh * (1.0 - self.self_discharge_per_step) + delta_mwh,
                floor,
            ),
            self.soc_max_mwh,
        )
    }

    /// [`requested_delta_mwh`](Self::requested_delta_mwh) of a step whose net power (supply
    /// minus load) is `net_mw`, from one clamp of it: fewer instructions for the quick
    /// estimate's loop (the same number but for the last bit).
    #[inline(always)]
    pub fn requested_delta_of_net_mwh(&self, net_mw: f64) -> f64 {
        let x = fmin(fmax(net_mw, -self.power_mw), self.power_mw);
        x * self.stored_per_discharge_mw
            + fmax(x, 0.0) * (self.stored_per_charge_mw - self.stored_per_discharge_mw)
    }

    /// The deficit left of a step whose net power (supply minus load) is `net_mw` after the
    /// battery's discharge, its stored energy having changed by `stored_change_mwh` after
    /// self-discharge [MW]: what [`grid_flow_mw`](Self::grid_flow_mw) leaves unserved, computed
    /// from the discharge alone (a charging step leaves none).
    #[inline(always)]
    pub fn deficit_after_mw(&self, net_mw: f64, stored_change_mwh: f64) -> f64 {
        fmax(
            fmin(stored_change_mwh, 0.0) * self.discharge_mw_per_stored - net_mw,
            0.0,
        )
    }

    /// Grid-side charge power of a step whose stored energy rose by `stored_change_mwh` after
    /// self-discharge [MW] (0 when it fell): the charge of [`grid_flow_mw`](Self::grid_flow_mw).
    #[inline(always)]
    pub fn charge_of_change_mw(&self, stored_change_mwh: f64) -> f64 {
        fmax(stored_change_mwh, 0.0) * self.charge_mw_per_stored
    }

    /// Grid-side power into the battery of a step whose stored energy changed by
    /// `stored_change_mwh` after self-discharge (negative when discharging) [MW]: the charge
    /// or minus the discharge of [`flows_mw`](Self::flows_mw), without its clamp to the power
    /// asked for (equal to it but for rounding). Branch-free, for quick estimates.
    #[inline(always)]
    pub fn grid_flow_mw(&self, stored_change_mwh: f64) -> f64 {
        fmax(stored_change_mwh, 0.0) * self.charge_mw_per_stored
            + fmin(stored_change_mwh, 0.0) * self.discharge_mw_per_stored
    }

    /// Grid-side (charge, discharge) power of a step that went from `soc_before_mwh` to
    /// `soc_after_mwh` while offered `surplus_mw` or asked for `deficit_mw` [MW].
    #[inline(always)]
    pub fn flows_mw(
        &self,
        soc_before_mwh: f64,
        soc_after_mwh: f64,
        surplus_mw: f64,
        deficit_mw: f64,
    ) -> (f64, f64) {
        let rest = fmax(
            soc_before_mwh * (1.0 - self.self_discharge_per_step),
            self.soc_min_mwh,
        );
        let charge = fmin(
            fmax(soc_after_mwh - rest, 0.0) * self.charge_mw_per_stored,
            fmin(surplus_mw, self.power_mw),
        );
        let discharge = fmin(
            fmax(rest - soc_after_mwh, 0.0) * self.discharge_mw_per_stored,
            fmin(deficit_mw, self.power_mw),
        );
        (charge, discharge)
    }
}

/// Minimum of two finite numbers in one instruction (no NaN handling: inputs are validated).
/// Shared with the dispatch, whose speed rests on it.
#[inline(always)]
pub(crate) fn fmin(a: f64, b: f64) -> f64 {
    if a < b { a } else { b }
}

/// Maximum of two finite numbers in one instruction.
#[inline(always)]
pub(crate) fn fmax(a: f64, b: f64) -> f64 {
    if a > b { a } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lfp() -> BatteryLimits {
        // 100 MWh / 25 MW, 84.5 % round trip (PNNL 2022), 5-95 % SoC window, no self-discharge.
        BatteryLimits::new(100.0, 25.0, 0.845, 0.05, 0.95, 0.0, 1.0)
    }

    #[test]
    fn round_trip_returns_the_stated_efficiency() {
        let b = lfp();
        let (p_in, soc) = b.charge(50.0, 10.0);
        assert_eq!(p_in, 10.0);
        let (p_out, soc2) = b.discharge(soc, 100.0);
        // Energy put in at the grid side comes back as 84.5 % of it if drained to the start SoC.
        let back = p_out.min((soc - 50.0) * b.eta_discharge);
        assert!((back / p_in - 0.845).abs() < 1e-12);
        assert!(soc2 >= b.soc_min_mwh);
    }

    #[test]
    fn power_and_energy_limits_hold() {
        let b = lfp();
        assert_eq!(b.charge(50.0, 1000.0).0, 25.0);
        let (p, soc) = b.charge(94.0, 1000.0);
        assert!((soc - 95.0).abs() < 1e-12);
        assert!((p - 1.0 / b.eta_charge).abs() < 1e-12);
        let (p, soc) = b.discharge(6.0, 1000.0);
        assert!((soc - 5.0).abs() < 1e-12);
        assert!((p - b.eta_discharge).abs() < 1e-12);
        assert_eq!(b.discharge(5.0, 10.0), (0.0, 5.0));
    }

    #[test]
    fn self_discharge_compounds_per_day_and_stops_at_the_floor() {
        let b = BatteryLimits::new(100.0, 25.0, 0.9, 0.05, 0.95, 0.01, 1.0);
        let mut soc = 90.0;
        for _ in 0..24 {
            soc = b.rest(soc);
        }
        assert!((soc - 89.1).abs() < 1e-9, "{soc}");
        assert_eq!(b.rest(5.0), 5.0);
    }
}
