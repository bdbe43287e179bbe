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

/// A battery reduced to the numbers the dispatch needs, for one step length.
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
        let eta = round_trip_eff.max(0.0).sqrt();
        Self {
            soc_min_mwh: energy_mwh * soc_min_frac,
            soc_max_mwh: energy_mwh * soc_max_frac,
            power_mw,
            eta_charge: eta,
            eta_discharge: eta,
            self_discharge_per_step: 1.0 - (1.0 - self_discharge_frac_per_day).powf(step_h / 24.0),
        }
    }

    /// Usable energy between the SoC bounds [MWh].
    pub fn usable_mwh(&self) -> f64 {
        (self.soc_max_mwh - self.soc_min_mwh).max(0.0)
    }

    /// Stored energy after one step of rest: self-discharge, stopped at the lower bound.
    #[inline]
    pub fn rest(&self, soc_mwh: f64) -> f64 {
        let loss =
            (soc_mwh * self.self_discharge_per_step).min((soc_mwh - self.soc_min_mwh).max(0.0));
        soc_mwh - loss
    }

    /// Charge with up to `offered_mw` for `step_h` hours. Returns (grid-side charge power [MW],
    /// new stored energy [MWh]).
    #[inline]
    pub fn charge(&self, soc_mwh: f64, offered_mw: f64, step_h: f64) -> (f64, f64) {
        let room_mw = ((self.soc_max_mwh - soc_mwh) / (self.eta_charge * step_h)).max(0.0);
        let p = offered_mw.min(self.power_mw).min(room_mw).max(0.0);
        (
            p,
            (soc_mwh + p * self.eta_charge * step_h).min(self.soc_max_mwh),
        )
    }

    /// Discharge up to `requested_mw` for `step_h` hours. Returns (grid-side discharge power
    /// [MW], new stored energy [MWh]).
    #[inline]
    pub fn discharge(&self, soc_mwh: f64, requested_mw: f64, step_h: f64) -> (f64, f64) {
        let avail_mw = ((soc_mwh - self.soc_min_mwh) * self.eta_discharge / step_h).max(0.0);
        let p = requested_mw.min(self.power_mw).min(avail_mw).max(0.0);
        if p <= 0.0 {
            return (0.0, soc_mwh);
        }
        (
            p,
            (soc_mwh - p / self.eta_discharge * step_h).max(self.soc_min_mwh),
        )
    }
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
        let (p_in, soc) = b.charge(50.0, 10.0, 1.0);
        assert_eq!(p_in, 10.0);
        let (p_out, soc2) = b.discharge(soc, 100.0, 1.0);
        // Energy put in at the grid side comes back as 84.5 % of it if drained to the start SoC.
        let back = p_out.min((soc - 50.0) * b.eta_discharge);
        assert!((back / p_in - 0.845).abs() < 1e-12);
        assert!(soc2 >= b.soc_min_mwh);
    }

    #[test]
    fn power_and_energy_limits_hold() {
        let b = lfp();
        assert_eq!(b.charge(50.0, 1000.0, 1.0).0, 25.0);
        let (p, soc) = b.charge(94.0, 1000.0, 1.0);
        assert!((soc - 95.0).abs() < 1e-12);
        assert!((p - 1.0 / b.eta_charge).abs() < 1e-12);
        let (p, soc) = b.discharge(6.0, 1000.0, 1.0);
        assert!((soc - 5.0).abs() < 1e-12);
        assert!((p - b.eta_discharge).abs() < 1e-12);
        assert_eq!(b.discharge(5.0, 10.0, 1.0), (0.0, 5.0));
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
