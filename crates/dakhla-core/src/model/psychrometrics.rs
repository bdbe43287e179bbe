//! Psychrometrics of moist air in SI units: saturation vapour pressure, dew point, humidity
//! ratio, wet bulb, enthalpy and the latent heat of vaporization, for the water and cooling
//! models (evaporation follows the heat rejected; the wet bulb bounds what evaporative cooling
//! can reach).
//!
//! The equations are those of ASHRAE Handbook Fundamentals 2017, ch. 1, solved the way
//! PsychroLib does (the saturation curve split at the triple point, Newton on its logarithm for
//! the dew point, bisection for the wet bulb, humidity ratios floored at 1e-7 kg/kg). The wet
//! bulb and dew point match PsychroLib 2.5.0 over a year of hourly weather within a few 1e-4 C
//! (`tests/reference/psychrolib_wet_bulb.py`, `crates/dakhla-core/tests/psychrometrics.rs`).
//!
//! ```text
//! ln p_ws = C1/T + C2 + C3 T + C4 T^2 + C5 T^3 + C6 T^4 + C7 ln T     T <= 273.16 K (ice, eq. 5)
//! ln p_ws = C8/T + C9 + C10 T + C11 T^2 + C12 T^3 + C13 ln T          T >  273.16 K (water, eq. 6)
//! W   = 0.621945 p_w / (p - p_w)                                       (eq. 20)
//! h   = 1.006 t + W (2501 + 1.86 t)            [kJ/kg dry air]        (eq. 30)
//! W   = ((2501 - 2.326 t*) W_s* - 1.006 (t - t*)) / (2501 + 1.86 t - 4.186 t*)   t* >= 0 (eq. 33)
//! W   = ((2830 - 0.24 t*) W_s* - 1.006 (t - t*)) / (2830 + 1.86 t - 2.1 t*)      t* <  0 (eq. 35)
//! ```
//!
//! Every function is pure and total: inputs outside the physical ranges are clamped (documented
//! per function), NaN in gives NaN out, and the iterations are bounded.
//!
//! # References
//! - ASHRAE (2017). Handbook - Fundamentals, ch. 1 Psychrometrics (SI), eqs. 5, 6, 20, 22, 30,
//!   33 and 35 (numbered as PsychroLib cites them); the Hyland-Wexler (1983) saturation
//!   pressure formulations.
//! - Meyer, D. and Thevenard, D. (2019). PsychroLib: a library of psychrometric functions to
//!   calculate thermodynamic properties of air. J. Open Source Software 4(33), 1137.
//!   (`GetSatVapPres`, `GetTDewPointFromVapPres`, `GetHumRatioFromVapPres`,
//!   `GetTWetBulbFromHumRatio`, `GetHumRatioFromTWetBulb`, `GetMoistAirEnthalpy`.)
//! - Wagner, W. and Pruss, A. (2002). The IAPWS Formulation 1995 for the Thermodynamic
//!   Properties of Ordinary Water Substance. J. Phys. Chem. Ref. Data 31(2), 387-535 (the
//!   latent heat fit).

/// 0 C in kelvin.
const ZERO_CELSIUS_K: f64 = 273.15;
/// Triple point of water [C]: the boundary between the ice (eq. 5) and water (eq. 6) branches
/// of the saturation pressure. PsychroLib splits there, not at 0 C, so that the curve is
/// continuous and the dew-point Newton iteration converges around freezing.
const TRIPLE_POINT_C: f64 = 0.01;
/// Freezing point [C]: below it the wet-bulb surface is ice (eq. 35 instead of eq. 33).
const FREEZING_POINT_C: f64 = 0.0;
/// Ratio of the molar masses of water and dry air, 18.015268 / 28.966 (eq. 20).
const MOLAR_MASS_RATIO: f64 = 0.621_945;
/// Smallest humidity ratio [kg/kg], PsychroLib's `MIN_HUM_RATIO`: dry air (RH 0) still has a
/// finite dew point and wet bulb.
const MIN_HUMIDITY_RATIO: f64 = 1e-7;
/// Range of validity of eqs. 5 and 6 as PsychroLib enforces it [C]; temperatures are clamped
/// to it.
const TEMP_MIN_C: f64 = -100.0;
const TEMP_MAX_C: f64 = 200.0;
/// Total pressures are clamped to this range [Pa] in [`wet_bulb_c`]: far beyond any site's
/// weather (Everest's summit is about 33 kPa), and it keeps eq. 20 away from p <= 0.
const PRESSURE_MIN_PA: f64 = 10_000.0;
const PRESSURE_MAX_PA: f64 = 1_000_000.0;
/// Width of the wet-bulb bisection interval at which it stops [K]; PsychroLib uses 0.001 K.
const WET_BULB_TOLERANCE_K: f64 = 1e-4;
/// Last Newton step of the dew point [K]; PsychroLib uses 0.001 K (Newton converges
/// quadratically, so a tighter stop costs one iteration).
const DEW_POINT_TOLERANCE_K: f64 = 1e-9;
/// Bound on both iterations, PsychroLib's `MAX_ITER_COUNT`. The bisection needs about 22
/// halvings of the widest interval (300 K) to 1e-4 K; Newton 3 to 5 steps.
const MAX_ITERATIONS: usize = 100;

/// Natural log of the saturation vapour pressure [ln Pa], ASHRAE 2017 ch. 1 eq. 5 (over ice,
/// t <= 0.01 C) and eq. 6 (over liquid water), Hyland-Wexler coefficients, as PsychroLib's
/// `GetSatVapPres`. `temp_c` must already be clamped to the range of validity.
fn ln_saturation_vapour_pressure(temp_c: f64) -> f64 {
    let t = temp_c + ZERO_CELSIUS_K;
    if temp_c <= TRIPLE_POINT_C {
        -5.674_535_9e3 / t + 6.392_524_7 - 9.677_843e-3 * t
            + 6.221_570_1e-7 * t * t
            + 2.074_782_5e-9 * t * t * t
            - 9.484_024e-13 * t * t * t * t
            + 4.163_501_9 * libm::log(t)
    } else {
        -5.800_220_6e3 / t + 1.391_499_3 - 4.864_023_9e-2 * t + 4.176_476_8e-5 * t * t
            - 1.445_209_3e-8 * t * t * t
            + 6.545_967_3 * libm::log(t)
    }
}

/// Derivative of [`ln_saturation_vapour_pressure`] with respect to temperature [1/K]: eqs. 5
/// and 6 differentiated analytically, as PsychroLib's `dLnPws_`.
fn d_ln_saturation_vapour_pressure(temp_c: f64) -> f64 {
    let t = temp_c + ZERO_CELSIUS_K;
    if temp_c <= TRIPLE_POINT_C {
        5.674_535_9e3 / (t * t) - 9.677_843e-3
            + 2.0 * 6.221_570_1e-7 * t
            + 3.0 * 2.074_782_5e-9 * t * t
            - 4.0 * 9.484_024e-13 * t * t * t
            + 4.163_501_9 / t
    } else {
        5.800_220_6e3 / (t * t) - 4.864_023_9e-2 + 2.0 * 4.176_476_8e-5 * t
            - 3.0 * 1.445_209_3e-8 * t * t
            + 6.545_967_3 / t
    }
}

/// Saturation vapour pressure of water [Pa] at `temp_c`: over ice at and below the triple point
/// (0.01 C), over liquid water above it.
///
/// ASHRAE Handbook Fundamentals 2017 ch. 1 eq. 5 (ice, -100..0 C) and eq. 6 (water,
/// 0..200 C), the Hyland-Wexler (1983) formulations, with the branches split at the triple
/// point as in PsychroLib's `GetSatVapPres` (continuous there). 2 338.8 Pa at 20 C,
/// 101 418.7 Pa at 100 C. The temperature is clamped to the equations' range, -100..200 C.
pub fn saturation_vapour_pressure_pa(temp_c: f64) -> f64 {
    if temp_c.is_nan() {
        return f64::NAN;
    }
    libm::exp(ln_saturation_vapour_pressure(
        temp_c.clamp(TEMP_MIN_C, TEMP_MAX_C),
    ))
}

/// Partial pressure of water vapour [Pa] in air at `temp_c` and `relative_humidity_pct`:
/// p_w = RH p_ws(t), ASHRAE 2017 ch. 1 eqs. 12 and 22 as PsychroLib's `GetVapPresFromRelHum`
/// (relative humidity as the ratio of vapour pressures). The humidity is clamped to 0..100 %.
pub fn vapour_pressure_from_relative_humidity_pa(temp_c: f64, relative_humidity_pct: f64) -> f64 {
    if temp_c.is_nan() || relative_humidity_pct.is_nan() {
        return f64::NAN;
    }
    relative_humidity_pct.clamp(0.0, 100.0) / 100.0 * saturation_vapour_pressure_pa(temp_c)
}

/// Dew point [C] of air holding water vapour at `vapour_pressure_pa`: the temperature at which
/// the saturation pressure (eqs. 5 and 6, [`saturation_vapour_pressure_pa`]) equals it, so a
/// frost point below 0.01 C.
///
/// PsychroLib's `GetTDewPointFromVapPres`: eqs. 5 and 6 inverted by Newton iterations on
/// ln p_ws(t), a smooth function, rather than ASHRAE's regressions (eqs. 37 and 38 of the 2017
/// edition), which are less accurate and narrower. Every step is bounded to -100..200 C and the
/// iterations to 100; this one starts from the Magnus formula (Alduchov and Eskridge 1996)
/// instead of the dry bulb, and stops at a step of 1e-9 K instead of 0.001 K (3 to 5 steps).
/// Vapour pressures outside p_ws(-100 C)..p_ws(200 C) (0 included) give those bounds.
pub fn dew_point_from_vapour_pressure_c(vapour_pressure_pa: f64) -> f64 {
    if vapour_pressure_pa.is_nan() {
        return f64::NAN;
    }
    let lowest = saturation_vapour_pressure_pa(TEMP_MIN_C);
    let highest = saturation_vapour_pressure_pa(TEMP_MAX_C);
    let ln_vapour_pressure = libm::log(vapour_pressure_pa.clamp(lowest, highest));
    // First guess: Magnus over water, 6.1094 exp(17.625 t / (t + 243.04)) hPa, inverted.
    let gamma = ln_vapour_pressure - libm::log(610.94);
    let mut dew_point_c = (243.04 * gamma / (17.625 - gamma)).clamp(TEMP_MIN_C, TEMP_MAX_C);
    for _ in 0..MAX_ITERATIONS {
        let step = (ln_saturation_vapour_pressure(dew_point_c) - ln_vapour_pressure)
            / d_ln_saturation_vapour_pressure(dew_point_c);
        let next = (dew_point_c - step).clamp(TEMP_MIN_C, TEMP_MAX_C);
        let converged = (next - dew_point_c).abs() <= DEW_POINT_TOLERANCE_K;
        dew_point_c = next;
        if converged {
            break;
        }
    }
    dew_point_c
}

/// Relative humidity [%] of air at `temp_c` whose dew point is `dew_point_c`:
/// RH = p_ws(t_d) / p_ws(t), ASHRAE 2017 ch. 1 eq. 22 with eqs. 5 and 6, as PsychroLib's
/// `GetRelHumFromTDewPoint`. A dew point above the dry bulb (which PsychroLib refuses) counts
/// as the dry bulb: 100 %.
pub fn relative_humidity_from_dew_point_pct(temp_c: f64, dew_point_c: f64) -> f64 {
    if temp_c.is_nan() || dew_point_c.is_nan() {
        return f64::NAN;
    }
    100.0 * saturation_vapour_pressure_pa(dew_point_c.min(temp_c))
        / saturation_vapour_pressure_pa(temp_c)
}

/// Humidity ratio [kg water / kg dry air] of moist air at total pressure `pressure_pa` holding
/// water vapour at `vapour_pressure_pa`: W = 0.621945 p_w / (p - p_w), ASHRAE 2017 ch. 1
/// eq. 20, as PsychroLib's `GetHumRatioFromVapPres`, floored at 1e-7 kg/kg (its
/// `MIN_HUM_RATIO`). At or above the boiling point, where p_w >= p (PsychroLib's formula turns
/// negative there and is floored), there is no dry air left to hold the vapour: +infinity.
pub fn humidity_ratio_from_vapour_pressure(vapour_pressure_pa: f64, pressure_pa: f64) -> f64 {
    if vapour_pressure_pa.is_nan() || pressure_pa.is_nan() {
        return f64::NAN;
    }
    if vapour_pressure_pa >= pressure_pa {
        return f64::INFINITY;
    }
    (MOLAR_MASS_RATIO * vapour_pressure_pa / (pressure_pa - vapour_pressure_pa))
        .max(MIN_HUMIDITY_RATIO)
}

/// Vapour pressure [Pa] from a humidity ratio: eq. 20 solved for p_w, as PsychroLib's
/// `GetVapPresFromHumRatio` (humidity ratio floored at 1e-7).
fn vapour_pressure_from_humidity_ratio_pa(humidity_ratio: f64, pressure_pa: f64) -> f64 {
    let w = humidity_ratio.max(MIN_HUMIDITY_RATIO);
    if w.is_infinite() {
        return pressure_pa;
    }
    pressure_pa * w / (MOLAR_MASS_RATIO + w)
}

/// Humidity ratio [kg/kg] of air at `temp_c` that a wet surface at `wet_bulb_c` saturates
/// adiabatically: ASHRAE 2017 ch. 1 eq. 33 (water surface, t* >= 0 C) and eq. 35 (ice, below),
/// with W_s* the saturation humidity ratio at t*, as PsychroLib's `GetHumRatioFromTWetBulb`
/// (floored at 1e-7). Above the boiling point W_s* is infinite and so is the result.
fn humidity_ratio_from_wet_bulb(temp_c: f64, wet_bulb_c: f64, pressure_pa: f64) -> f64 {
    let saturated =
        humidity_ratio_from_vapour_pressure(saturation_vapour_pressure_pa(wet_bulb_c), pressure_pa);
    let w = if wet_bulb_c >= FREEZING_POINT_C {
        ((2501.0 - 2.326 * wet_bulb_c) * saturated - 1.006 * (temp_c - wet_bulb_c))
            / (2501.0 + 1.86 * temp_c - 4.186 * wet_bulb_c)
    } else {
        ((2830.0 - 0.24 * wet_bulb_c) * saturated - 1.006 * (temp_c - wet_bulb_c))
            / (2830.0 + 1.86 * temp_c - 2.1 * wet_bulb_c)
    };
    w.max(MIN_HUMIDITY_RATIO)
}

/// Thermodynamic wet-bulb temperature [C] of air at `temp_c`, `relative_humidity_pct` and total
/// pressure `pressure_pa`: the temperature t* at which water (ice below 0 C) evaporating into
/// the air saturates it adiabatically.
///
/// ASHRAE Handbook Fundamentals 2017 ch. 1 eq. 33 (eq. 35 over ice) solved for t*, by
/// PsychroLib's `GetTWetBulbFromRelHum` / `GetTWetBulbFromHumRatio`: the humidity ratio W from
/// eq. 20 (floored at 1e-7 kg/kg, so dry air has a finite wet bulb), then bisection between the
/// dew point and the dry bulb on the sign of W(t*) - W. Stops when the interval is narrower
/// than 1e-4 K (PsychroLib: 0.001 K), at most 100 halvings.
///
/// Near a wet bulb of 0 C the two equations disagree: at t* = 0 C, eq. 35 (ice, latent heat of
/// sublimation) gives a larger W than eq. 33 (water), so for cool dry air whose W lies between
/// the two (wet bulb within about 0.5 C of freezing) both an ice root below 0 C and a water
/// root above it satisfy ASHRAE's equations. The bisection returns whichever it reaches first,
/// as PsychroLib does (and so matches it), which makes the result jump by up to about 1 C there
/// and not monotone in humidity within that narrow band; everywhere else it increases with
/// humidity.
///
/// Inputs are clamped: temperature to -100..200 C, humidity to 0..100 %, pressure to
/// 10 kPa..1 MPa. When the vapour pressure reaches the total pressure (above the boiling point
/// at that pressure) the wet surface boils: the result is the boiling point (PsychroLib has no
/// answer there). NaN in any input gives NaN; no other input does.
pub fn wet_bulb_c(temp_c: f64, relative_humidity_pct: f64, pressure_pa: f64) -> f64 {
    if temp_c.is_nan() || relative_humidity_pct.is_nan() || pressure_pa.is_nan() {
        return f64::NAN;
    }
    let temp_c = temp_c.clamp(TEMP_MIN_C, TEMP_MAX_C);
    let pressure_pa = pressure_pa.clamp(PRESSURE_MIN_PA, PRESSURE_MAX_PA);
    let humidity_ratio = humidity_ratio_from_vapour_pressure(
        vapour_pressure_from_relative_humidity_pa(temp_c, relative_humidity_pct),
        pressure_pa,
    );
    let dew_point_c = dew_point_from_vapour_pressure_c(vapour_pressure_from_humidity_ratio_pa(
        humidity_ratio,
        pressure_pa,
    ))
    .min(temp_c);
    if humidity_ratio.is_infinite() {
        // Vapour at the total pressure: its dew point is the boiling point.
        return dew_point_c;
    }
    let (mut lower_c, mut upper_c) = (dew_point_c, temp_c);
    for _ in 0..MAX_ITERATIONS {
        if upper_c - lower_c <= WET_BULB_TOLERANCE_K {
            break;
        }
        let mid_c = 0.5 * (lower_c + upper_c);
        if humidity_ratio_from_wet_bulb(temp_c, mid_c, pressure_pa) > humidity_ratio {
            upper_c = mid_c;
        } else {
            lower_c = mid_c;
        }
    }
    0.5 * (lower_c + upper_c)
}

/// Specific enthalpy of moist air [J per kg of dry air] at `temp_c` with `humidity_ratio`
/// [kg/kg]: h = 1.006 t + W (2501 + 1.86 t) kJ/kg, ASHRAE 2017 ch. 1 eq. 30 (dry air plus
/// water vapour, zero at 0 C dry air and 0 C liquid water), as PsychroLib's
/// `GetMoistAirEnthalpy` (humidity ratio floored at 1e-7 kg/kg).
pub fn moist_air_enthalpy_j_per_kg(temp_c: f64, humidity_ratio: f64) -> f64 {
    if temp_c.is_nan() || humidity_ratio.is_nan() {
        return f64::NAN;
    }
    let w = humidity_ratio.max(MIN_HUMIDITY_RATIO);
    (1.006 * temp_c + w * (2501.0 + 1.86 * temp_c)) * 1000.0
}

/// Latent heat of vaporization of water [J/kg] at `temp_c`: 2 501 000 - 2 369 t.
///
/// A least-squares line through the IAPWS-95 saturation enthalpies h_g - h_f (Wagner and Pruss
/// 2002, evaluated with the `iapws` Python package 1.5.5) over 0..30 C, which gives
/// 2 500 894 - 2 369.1 t; rounded, it stays within 0.03 % of IAPWS-95 from 0 to 50 C
/// (2 453 620 against 2 453 519 J/kg at 20 C) and 0.05 % at 60 C. ASHRAE's own
/// 2501 - 2.326 t kJ/kg (eqs. 30 and 33: h_g - h_w with constant heat capacities) is 0.04 %
/// off at 20 C and 0.12 % at 50 C. Below 0 C it extrapolates to supercooled water.
pub fn latent_heat_of_vaporization_j_per_kg(temp_c: f64) -> f64 {
    2_501_000.0 - 2_369.0 * temp_c
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEA_LEVEL_PA: f64 = 101_325.0;

    fn relative_error(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs()
    }

    #[test]
    fn saturation_pressure_hand_values() {
        // ASHRAE 2017 ch. 1 table 3: 2.3392 kPa at 20 C, 101.418 kPa at 100 C (Hyland-Wexler).
        let at_20 = saturation_vapour_pressure_pa(20.0);
        assert!(relative_error(at_20, 2339.3) < 1e-3, "{at_20}");
        let at_100 = saturation_vapour_pressure_pa(100.0);
        assert!((at_100 - 101_418.0).abs() < 5.0, "{at_100}");
        // PsychroLib 2.5.0 GetSatVapPres, full precision.
        for (t, p) in [
            (-40.0, 12.845_249_304_105_623),
            (-10.0, 259.902_864_952_179_1),
            (0.0, 611.153_570_890_767_9),
            (0.01, 611.657_024_390_876_6),
            (0.02, 612.101_474_639_467_7),
            (25.0, 3_169.216_470_143_627_7),
            (60.0, 19_943.760_621_620_728),
        ] {
            let ours = saturation_vapour_pressure_pa(t);
            assert!(relative_error(ours, p) < 1e-12, "{t} C: {ours} vs {p}");
        }
    }

    #[test]
    fn saturation_pressure_is_continuous_at_the_triple_point() {
        let below = saturation_vapour_pressure_pa(TRIPLE_POINT_C);
        let above = saturation_vapour_pressure_pa(TRIPLE_POINT_C + 1e-9);
        assert!(relative_error(above, below) < 1e-4, "{below} {above}");
        // Ice below freezing holds less vapour than supercooled water would; both increase.
        let mut last = 0.0;
        for i in -1000..=2000 {
            let p = saturation_vapour_pressure_pa(f64::from(i) * 0.1);
            assert!(p > last, "{i}");
            last = p;
        }
    }

    #[test]
    fn saturation_pressure_clamps_and_keeps_nan() {
        assert_eq!(
            saturation_vapour_pressure_pa(-500.0),
            saturation_vapour_pressure_pa(-100.0)
        );
        assert_eq!(
            saturation_vapour_pressure_pa(f64::INFINITY),
            saturation_vapour_pressure_pa(200.0)
        );
        assert!(saturation_vapour_pressure_pa(f64::NAN).is_nan());
    }

    #[test]
    fn dew_point_round_trip() {
        for i in -90..=190 {
            let t = f64::from(i) + 0.37;
            let back = dew_point_from_vapour_pressure_c(saturation_vapour_pressure_pa(t));
            assert!((back - t).abs() < 1e-7, "{t} -> {back}");
        }
        for (t, rh) in [
            (25.0, 50.0),
            (-5.0, 80.0),
            (40.0, 10.0),
            (0.0, 100.0),
            (18.0, 3.0),
        ] {
            let dew =
                dew_point_from_vapour_pressure_c(vapour_pressure_from_relative_humidity_pa(t, rh));
            let rh_back = relative_humidity_from_dew_point_pct(t, dew);
            assert!((rh_back - rh).abs() < 1e-6, "{t} C {rh} %: {rh_back}");
        }
        // PsychroLib 2.5.0 GetTDewPointFromRelHum(25, 0.5) = 13.863973265964844.
        let dew =
            dew_point_from_vapour_pressure_c(vapour_pressure_from_relative_humidity_pa(25.0, 50.0));
        assert!((dew - 13.864).abs() < 1e-3, "{dew}");
    }

    #[test]
    fn dew_point_bounds() {
        assert_eq!(dew_point_from_vapour_pressure_c(0.0), -100.0);
        assert_eq!(dew_point_from_vapour_pressure_c(-5.0), -100.0);
        assert_eq!(dew_point_from_vapour_pressure_c(1e12), 200.0);
        assert!(dew_point_from_vapour_pressure_c(f64::NAN).is_nan());
        assert!((relative_humidity_from_dew_point_pct(20.0, 25.0) - 100.0).abs() < 1e-12);
    }

    #[test]
    fn humidity_ratio_eq_20() {
        // 25 C, 50 %: p_w = 1584.6 Pa, W = 0.621945 * 1584.6 / (101325 - 1584.6) = 0.009881.
        let pw = vapour_pressure_from_relative_humidity_pa(25.0, 50.0);
        let w = humidity_ratio_from_vapour_pressure(pw, SEA_LEVEL_PA);
        assert!(relative_error(w, 0.621_945 * pw / (SEA_LEVEL_PA - pw)) < 1e-15);
        assert!((w - 0.009_881).abs() < 2e-6, "{w}");
        assert_eq!(humidity_ratio_from_vapour_pressure(0.0, SEA_LEVEL_PA), 1e-7);
        assert_eq!(
            humidity_ratio_from_vapour_pressure(SEA_LEVEL_PA, SEA_LEVEL_PA),
            f64::INFINITY
        );
        assert!(humidity_ratio_from_vapour_pressure(f64::NAN, SEA_LEVEL_PA).is_nan());
    }

    #[test]
    fn wet_bulb_hand_values() {
        // PsychroLib 2.5.0 GetTWetBulbFromRelHum(25, 0.5, 101325) = 17.889432148552928; the
        // psychrometric chart reads 17.9 C.
        let wb = wet_bulb_c(25.0, 50.0, SEA_LEVEL_PA);
        assert!((wb - 17.889_43).abs() < 1e-3, "{wb}");
        // Over ice: GetTWetBulbFromRelHum(-5, 0.5, 101325) = -7.252245848667062.
        let wb = wet_bulb_c(-5.0, 50.0, SEA_LEVEL_PA);
        assert!((wb - -7.252_25).abs() < 1e-3, "{wb}");
        // Dry air, PsychroLib's MIN_HUM_RATIO: 8.271402506287291, -40.216718331111636,
        // 21.24925877958819.
        for (t, expected) in [(25.0, 8.271_40), (-40.0, -40.216_72), (60.0, 21.249_26)] {
            let wb = wet_bulb_c(t, 0.0, SEA_LEVEL_PA);
            assert!((wb - expected).abs() < 1e-3, "{t} C: {wb}");
        }
    }

    #[test]
    fn saturated_air_wet_bulb_is_dry_bulb() {
        for i in -40..=60 {
            let t = f64::from(i);
            for p in [85_000.0, SEA_LEVEL_PA, 104_000.0] {
                let wb = wet_bulb_c(t, 100.0, p);
                assert!((wb - t).abs() < 0.01, "{t} C {p} Pa: {wb}");
            }
        }
    }

    /// Whether ASHRAE's eqs. 33 and 35 both have a root for this air: W between eq. 33 and
    /// eq. 35 at t* = 0 C (see [`wet_bulb_c`]).
    fn ice_or_water(temp_c: f64, relative_humidity_pct: f64, pressure_pa: f64) -> bool {
        let w = humidity_ratio_from_vapour_pressure(
            vapour_pressure_from_relative_humidity_pa(temp_c, relative_humidity_pct),
            pressure_pa,
        );
        let water = humidity_ratio_from_wet_bulb(temp_c, 0.0, pressure_pa);
        let ice = humidity_ratio_from_wet_bulb(temp_c, -1e-12, pressure_pa);
        temp_c > 0.0 && water < w && w < ice
    }

    #[test]
    fn wet_bulb_is_finite_bounded_and_monotone_in_humidity() {
        let mut ambiguous = 0;
        for i in -40..=60 {
            let t = f64::from(i);
            for p in [85_000.0, SEA_LEVEL_PA, 104_000.0] {
                let mut last = f64::NEG_INFINITY;
                for rh in 0..=200 {
                    let rh = f64::from(rh) * 0.5;
                    let wb = wet_bulb_c(t, rh, p);
                    assert!(wb.is_finite(), "{t} C {rh} % {p} Pa");
                    assert!(wb <= t + 1e-4, "{t} C {rh} % {p} Pa: {wb}");
                    let dew = dew_point_from_vapour_pressure_c(
                        vapour_pressure_from_relative_humidity_pa(t, rh),
                    );
                    assert!(wb >= dew - 1e-4, "{t} C {rh} % {p} Pa: {wb} < dew {dew}");
                    if ice_or_water(t, rh, p) {
                        // Either root, as PsychroLib: within a degree of freezing.
                        ambiguous += 1;
                        assert!(wb.abs() < 1.0, "{t} C {rh} % {p} Pa: {wb}");
                        continue;
                    }
                    assert!(wb > last, "{t} C {rh} % {p} Pa: {wb} after {last}");
                    last = wb;
                }
            }
        }
        // The band is narrow: 238 of these 60 903 states (0.4 %), dry bulbs 1 to 12 C.
        assert!((1..500).contains(&ambiguous), "{ambiguous}");
    }

    #[test]
    fn wet_bulb_near_freezing_takes_psychrolib_root() {
        // GetTWetBulbFromRelHum(6, RH, 101325) for RH 0.25, 0.26, 0.265, 0.27, 0.28 (2.5.0):
        // both roots of eqs. 33 and 35 occur, in the same order as PsychroLib's bisection.
        for (rh, expected) in [
            (25.0, 0.123_434_501_064_976_5),
            (26.0, -0.208_587_953_263_292_6),
            (26.5, 0.251_523_206_815_566_7),
            (27.0, -0.122_133_818_181_201_52),
            (28.0, 0.379_108_790_760_823_6),
        ] {
            let wb = wet_bulb_c(6.0, rh, SEA_LEVEL_PA);
            assert!((wb - expected).abs() < 1e-3, "{rh} %: {wb} vs {expected}");
            // The root found satisfies its own branch of the equations.
            let w = humidity_ratio_from_vapour_pressure(
                vapour_pressure_from_relative_humidity_pa(6.0, rh),
                SEA_LEVEL_PA,
            );
            let w_at_root = humidity_ratio_from_wet_bulb(6.0, wb, SEA_LEVEL_PA);
            assert!((w_at_root - w).abs() < 1e-7, "{rh} %: {w_at_root} vs {w}");
        }
    }

    #[test]
    fn wet_bulb_is_total() {
        let nan = f64::NAN;
        assert!(wet_bulb_c(nan, 50.0, SEA_LEVEL_PA).is_nan());
        assert!(wet_bulb_c(25.0, nan, SEA_LEVEL_PA).is_nan());
        assert!(wet_bulb_c(25.0, 50.0, nan).is_nan());
        // Out of range: clamped, never NaN.
        assert_eq!(
            wet_bulb_c(25.0, 150.0, SEA_LEVEL_PA),
            wet_bulb_c(25.0, 100.0, SEA_LEVEL_PA)
        );
        assert_eq!(
            wet_bulb_c(25.0, -10.0, SEA_LEVEL_PA),
            wet_bulb_c(25.0, 0.0, SEA_LEVEL_PA)
        );
        let inf = f64::INFINITY;
        for t in [
            -inf, -300.0, -100.0, 0.0, 0.01, 99.0, 100.0, 150.0, 200.0, inf,
        ] {
            for rh in [-inf, 0.0, 50.0, 100.0, inf] {
                for p in [-inf, -1.0, 0.0, 50_000.0, SEA_LEVEL_PA, 1e7, inf] {
                    let wb = wet_bulb_c(t, rh, p);
                    assert!(wb.is_finite(), "{t} C {rh} % {p} Pa: {wb}");
                    assert!(wb <= t.clamp(-100.0, 200.0) + 1e-4, "{t} {rh} {p}: {wb}");
                }
            }
        }
        // Boiling: at 150 C and sea level the wet surface stays at or below 100 C.
        let boiling = wet_bulb_c(150.0, 100.0, SEA_LEVEL_PA);
        assert!(boiling <= 100.02, "{boiling}");
    }

    #[test]
    fn enthalpy_and_latent_heat() {
        // PsychroLib 2.5.0 GetMoistAirEnthalpy(25, 0.01) = 50625.0 J/kg.
        assert!((moist_air_enthalpy_j_per_kg(25.0, 0.01) - 50_625.0).abs() < 1e-9);
        assert!((moist_air_enthalpy_j_per_kg(0.0, 0.0) - 0.2501).abs() < 1e-9);
        // IAPWS-95: h_g - h_f = 2 453 519 J/kg at 20 C; DOMAIN.md's "about 2.45 MJ/kg".
        let l20 = latent_heat_of_vaporization_j_per_kg(20.0);
        assert!(relative_error(l20, 2_453_519.0) < 1e-4, "{l20}");
        assert!(relative_error(latent_heat_of_vaporization_j_per_kg(50.0), 2_381_947.0) < 3e-4);
    }
}
