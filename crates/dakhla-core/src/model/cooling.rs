//! Cooling and electrical overhead: PUE hour by hour from the outdoor dry-bulb temperature.
//!
//! The facility draws, per unit of IT power: fans (air handlers, CDUs), the heat-rejection plant
//! (economizer pumps and dry-cooler fans when the outdoor air is cool enough, chillers when it is
//! not, a blend in between), UPS losses, transformer/distribution losses, lighting and misc.
//!
//! ```text
//! PUE(T) = 1 + f_fan + (1 - m(T)) f_econ + m(T) (1 + f_fan) / COP(T)
//!            + (1/eta_ups - 1) + f_dist + f_misc
//! m(T)   = 0 below T_free, 1 above T_mech, linear between  (partial economizer)
//! COP(T) = max(COP_min, COP_rated - dCOP/dT (T - T_rated))   (chiller, hotter = worse)
//! ```
//! The chillers reject the IT heat plus the fan heat.
//!
//! # References
//! - The Green Grid (2012). PUE: A Comprehensive Examination of the Metric. White Paper 49.
//! - ASHRAE TC 9.9 (2021). Thermal Guidelines for Data Processing Environments, 5th ed.
//!   (economizer hours from the outdoor dry bulb against the supply-air set point).
//! - DOE-2 / EnergyPlus chiller EIR(T) curves (the chiller's input power rises with the
//!   condenser-side temperature); here linearized as a COP slope per degree.
//! - Barroso, Hölzle, Ranganathan (2019). The Datacenter as a Computer, 3rd ed., ch. 5-6 (loss
//!   breakdown: UPS, distribution, cooling).

/// Parameters of [`pue_weather_driven`]; the scenario's `WeatherDrivenCooling` converts to
/// them (`Cooling::pue_model`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeatherDrivenPue {
    /// Below this dry-bulb temperature all heat leaves through the economizer [C].
    pub free_cooling_below_c: f64,
    /// Above this dry-bulb temperature all heat goes through the chillers [C].
    pub mechanical_above_c: f64,
    /// Pumps and dry-cooler fans in free-cooling mode [fraction of IT power].
    pub economizer_power_frac: f64,
    /// Chiller COP at `chiller_cop_rated_temp_c` [-].
    pub chiller_cop_rated: f64,
    /// Outdoor temperature at which `chiller_cop_rated` holds [C].
    pub chiller_cop_rated_temp_c: f64,
    /// Drop of chiller COP per degree hotter [1/C].
    pub chiller_cop_drop_per_c: f64,
    /// Lowest chiller COP [-].
    pub chiller_cop_min: f64,
    /// Air-handler / CDU fans [fraction of IT power].
    pub fan_power_frac: f64,
    /// UPS efficiency [-].
    pub ups_efficiency: f64,
    /// Transformer and distribution losses [fraction of IT power].
    pub distribution_loss_frac: f64,
    /// Lighting, offices, security and misc [fraction of IT power].
    pub lighting_misc_frac: f64,
}

/// How the PUE of a campus is found hour by hour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PueModel {
    /// The same PUE every hour [-].
    Fixed(f64),
    /// From the outdoor dry-bulb temperature ([`pue_weather_driven`]).
    WeatherDriven(WeatherDrivenPue),
}

impl PueModel {
    /// PUE at outdoor dry-bulb `temp_c` [-].
    pub fn pue_at(&self, temp_c: f64) -> f64 {
        match self {
            PueModel::Fixed(pue) => *pue,
            PueModel::WeatherDriven(p) => pue_weather_driven(temp_c, p),
        }
    }
}

/// Share of the heat handled by the chillers (mechanical cooling) at dry-bulb `temp_c` [-]:
/// 0 at or below `free_cooling_below_c`, 1 at or above `mechanical_above_c`, linear between.
pub fn mechanical_cooling_fraction(
    temp_c: f64,
    free_cooling_below_c: f64,
    mechanical_above_c: f64,
) -> f64 {
    if temp_c <= free_cooling_below_c {
        0.0
    } else if temp_c >= mechanical_above_c {
        1.0
    } else {
        (temp_c - free_cooling_below_c) / (mechanical_above_c - free_cooling_below_c)
    }
}

/// Chiller coefficient of performance at outdoor dry-bulb `temp_c` [-], linear in temperature
/// and never below `cop_min` (DOE-2 EIR-fT shape, linearized).
pub fn chiller_cop(
    temp_c: f64,
    cop_rated: f64,
    cop_rated_temp_c: f64,
    cop_drop_per_c: f64,
    cop_min: f64,
) -> f64 {
    (cop_rated - cop_drop_per_c * (temp_c - cop_rated_temp_c))
        .clamp(cop_min, cop_rated.max(cop_min) * 2.0)
}

/// PUE at outdoor dry-bulb `temp_c` [-] (see the module formula).
pub fn pue_weather_driven(temp_c: f64, p: &WeatherDrivenPue) -> f64 {
    let m = mechanical_cooling_fraction(temp_c, p.free_cooling_below_c, p.mechanical_above_c);
    let cop = chiller_cop(
        temp_c,
        p.chiller_cop_rated,
        p.chiller_cop_rated_temp_c,
        p.chiller_cop_drop_per_c,
        p.chiller_cop_min,
    );
    1.0 + p.fan_power_frac
        + (1.0 - m) * p.economizer_power_frac
        + m * (1.0 + p.fan_power_frac) / cop
        + (1.0 / p.ups_efficiency - 1.0)
        + p.distribution_loss_frac
        + p.lighting_misc_frac
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> WeatherDrivenPue {
        WeatherDrivenPue {
            free_cooling_below_c: 20.0,
            mechanical_above_c: 28.0,
            economizer_power_frac: 0.02,
            chiller_cop_rated: 4.5,
            chiller_cop_rated_temp_c: 25.0,
            chiller_cop_drop_per_c: 0.1,
            chiller_cop_min: 2.0,
            fan_power_frac: 0.035,
            ups_efficiency: 0.975,
            distribution_loss_frac: 0.015,
            lighting_misc_frac: 0.01,
        }
    }

    #[test]
    fn free_cooling_pue_is_the_sum_of_fixed_overheads() {
        // 1 + fans 0.035 + economizer 0.02 + UPS (1/0.975 - 1 = 0.025641) + 0.015 + 0.01
        let pue = pue_weather_driven(12.0, &params());
        assert!((pue - 1.105641).abs() < 1e-6, "{pue}");
    }

    #[test]
    fn mechanical_pue_uses_the_hot_cop() {
        // At 35 C: COP = 4.5 - 0.1 * 10 = 3.5; chillers 1.035 / 3.5 = 0.295714
        let pue = pue_weather_driven(35.0, &params());
        let expected = 1.0 + 0.035 + 1.035 / 3.5 + 0.025641 + 0.015 + 0.01;
        assert!((pue - expected).abs() < 1e-5, "{pue} vs {expected}");
    }

    #[test]
    fn partial_economizer_blends_linearly_and_pue_rises_with_heat() {
        assert_eq!(mechanical_cooling_fraction(24.0, 20.0, 28.0), 0.5);
        assert_eq!(mechanical_cooling_fraction(19.0, 20.0, 28.0), 0.0);
        assert_eq!(mechanical_cooling_fraction(30.0, 20.0, 28.0), 1.0);
        let p = params();
        let mut last = 0.0;
        for t in -10..50 {
            let pue = pue_weather_driven(t as f64, &p);
            assert!(pue >= last - 1e-12, "PUE must not fall as it gets hotter");
            last = pue;
        }
        assert_eq!(chiller_cop(80.0, 4.5, 25.0, 0.1, 2.0), 2.0);
    }
}
