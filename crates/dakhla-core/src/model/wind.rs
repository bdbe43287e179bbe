//! Wind: speed at hub height, air at hub height, and the electrical output of one turbine.
//!
//! The chain for one time step, as [`wind_turbine_net_mw`] runs it:
//!
//! ```text
//! wind speed at the anemometer  --power law-->            speed at hub height
//! temperature (2 m), pressure (ground) --gradients-->     air density at hub height
//! speed, density --IEC 61400-12-1-->                       density-corrected speed
//! corrected speed --power curve (1.225 kg/m3)-->           gross kW  --losses-->  net MW
//! ```
//!
//! Every function here is pure and works on plain numbers; units are in the names.
//!
//! # References
//! - IEC 61400-12-1:2017, *Power performance measurements of electricity producing wind
//!   turbines*, clause 9.1 (normalisation of wind speed to a reference air density for
//!   pitch-regulated turbines).
//! - windpowerlib documentation and source (oemof, v0.2.2): `wind_speed.hellman`,
//!   `wind_speed.logarithmic_profile`, `temperature.linear_gradient`, `density.ideal_gas`,
//!   `power_output.power_curve`. The tests below reproduce its numbers
//!   (`tests/reference/windpowerlib_wind.py`).
//! - Hellmann, G. (1915): "Über die Bewegung der Luft in den untersten Schichten der
//!   Atmosphäre", Meteorologische Zeitschrift 32 (power law of the wind profile).
//! - ICAO Doc 7488/3 (1993), *Manual of the ICAO Standard Atmosphere*.

/// Air density at which power curves are published [kg/m3] (IEC 61400-12-1 reference).
pub const STANDARD_AIR_DENSITY_KG_M3: f64 = 1.225;

/// Specific gas constant of dry air [J/(kg K)], as windpowerlib's `ideal_gas`.
pub const DRY_AIR_GAS_CONSTANT_J_KG_K: f64 = 287.058;

/// Temperature gradient with height [K/m] (windpowerlib `linear_gradient`, standard atmosphere).
pub const TEMPERATURE_GRADIENT_K_M: f64 = -0.0065;

/// Pressure gradient with height [Pa/m]: -1/8 hPa per metre (windpowerlib `barometric` and
/// `ideal_gas`, after Deutscher Wetterdienst).
pub const PRESSURE_GRADIENT_PA_M: f64 = -12.5;

/// Height above ground at which weather files give the air temperature [m].
pub const TEMPERATURE_MEASUREMENT_HEIGHT_M: f64 = 2.0;

/// Height above ground at which weather files give the station pressure [m].
pub const PRESSURE_MEASUREMENT_HEIGHT_M: f64 = 0.0;

/// Highest wind speed a power curve may tabulate [m/s].
pub const MAX_CURVE_WIND_SPEED_M_S: f64 = 40.0;

/// Highest power a power curve may tabulate [kW]: well above today's largest turbines; a
/// larger number is almost always a curve given in W instead of kW.
pub const MAX_CURVE_POWER_KW: f64 = 30_000.0;

const ZERO_CELSIUS_K: f64 = 273.15;

// ICAO standard atmosphere, troposphere (ICAO Doc 7488/3).
const ISA_SEA_LEVEL_PRESSURE_PA: f64 = 101_325.0;
const ISA_SEA_LEVEL_TEMPERATURE_K: f64 = 288.15;
const ISA_LAPSE_RATE_K_M: f64 = 0.0065;
const ISA_GRAVITY_M_S2: f64 = 9.80665;
const ISA_GAS_CONSTANT_J_KG_K: f64 = 287.052_87;
const ISA_EARTH_RADIUS_M: f64 = 6_356_766.0;

/// Wind speed at height `h_m` from a speed measured at `h_ref_m`, by the power law
/// v = v_ref (h / h_ref)^alpha [m/s].
///
/// `shear_exponent` (alpha) is about 1/7 over open land and 0.10-0.14 over open sea-side
/// desert. Heights must be positive.
///
/// # References
/// - Hellmann (1915); windpowerlib `wind_speed.hellman` (same formula).
pub fn power_law_wind_speed_m_s(
    v_ref_m_s: f64,
    h_ref_m: f64,
    h_m: f64,
    shear_exponent: f64,
) -> f64 {
    v_ref_m_s * (h_m / h_ref_m).powf(shear_exponent)
}

/// Wind speed at height `h_m` from a speed measured at `h_ref_m`, by the logarithmic
/// profile of a neutral surface layer, v = v_ref ln(h / z0) / ln(h_ref / z0) [m/s].
///
/// `roughness_length_m` (z0) is about 0.0002 m over open sea, 0.03 m over open flat land.
/// Heights must exceed z0. No obstacle (displacement) height.
///
/// # References
/// - windpowerlib `wind_speed.logarithmic_profile` with `obstacle_height = 0`.
pub fn log_law_wind_speed_m_s(
    v_ref_m_s: f64,
    h_ref_m: f64,
    h_m: f64,
    roughness_length_m: f64,
) -> f64 {
    v_ref_m_s * (h_m / roughness_length_m).ln() / (h_ref_m / roughness_length_m).ln()
}

/// Air pressure of the ICAO standard atmosphere at a geometric elevation above sea level
/// [Pa]: 101,325 Pa at sea level, 89,876 Pa at 1,000 m. Valid in the troposphere (below
/// 11 km).
///
/// # References
/// - ICAO Doc 7488/3 (1993): p = p0 (1 - L H / T0)^(g0 / (R L)) with H the geopotential
///   height, p0 = 101,325 Pa, T0 = 288.15 K, L = 0.0065 K/m, R = 287.05287 J/(kg K).
pub fn barometric_pressure_pa(elevation_m: f64) -> f64 {
    let geopotential_m = ISA_EARTH_RADIUS_M * elevation_m / (ISA_EARTH_RADIUS_M + elevation_m);
    let exponent = ISA_GRAVITY_M_S2 / (ISA_GAS_CONSTANT_J_KG_K * ISA_LAPSE_RATE_K_M);
    ISA_SEA_LEVEL_PRESSURE_PA
        * (1.0 - ISA_LAPSE_RATE_K_M * geopotential_m / ISA_SEA_LEVEL_TEMPERATURE_K).powf(exponent)
}

/// Air temperature of the ICAO standard atmosphere at a geometric elevation [C]
/// (15 C at sea level, falling 6.5 K per km).
///
/// # References
/// - ICAO Doc 7488/3 (1993).
pub fn standard_temperature_c(elevation_m: f64) -> f64 {
    let geopotential_m = ISA_EARTH_RADIUS_M * elevation_m / (ISA_EARTH_RADIUS_M + elevation_m);
    ISA_SEA_LEVEL_TEMPERATURE_K - ISA_LAPSE_RATE_K_M * geopotential_m - ZERO_CELSIUS_K
}

/// Pressure at height `to_m` from a pressure at `from_m`, falling 1/8 hPa per metre [Pa].
///
/// # References
/// - windpowerlib `density.barometric` / `density.ideal_gas` (pressure gradient of
///   -1/8 hPa/m).
pub fn pressure_at_height_pa(pressure_pa: f64, from_m: f64, to_m: f64) -> f64 {
    pressure_pa + PRESSURE_GRADIENT_PA_M * (to_m - from_m)
}

/// Temperature at height `to_m` from a temperature at `from_m`, falling 6.5 K per km [C].
///
/// # References
/// - windpowerlib `temperature.linear_gradient`.
pub fn temperature_at_height_c(temp_c: f64, from_m: f64, to_m: f64) -> f64 {
    temp_c + TEMPERATURE_GRADIENT_K_M * (to_m - from_m)
}

/// Density of dry air from pressure and temperature by the ideal gas law,
/// rho = p / (R T) [kg/m3].
///
/// # References
/// - windpowerlib `density.ideal_gas` (R = 287.058 J/(kg K)).
pub fn air_density_kg_m3(pressure_pa: f64, temp_c: f64) -> f64 {
    pressure_pa / (DRY_AIR_GAS_CONSTANT_J_KG_K * (temp_c + ZERO_CELSIUS_K))
}

/// Wind speed normalised to the standard air density, v (rho / 1.225)^(1/3) [m/s]: the speed
/// at which a power curve published at 1.225 kg/m3 gives the power of a pitch-regulated
/// turbine in air of density `density_kg_m3`.
///
/// # References
/// - IEC 61400-12-1:2017, clause 9.1, normalisation for turbines with active power control.
///   (windpowerlib's `density_correction=True` instead uses Svenningsen's speed-dependent
///   exponent, 1/3 up to 7.5 m/s rising to 2/3 from 12.5 m/s.)
pub fn iec_61400_12_1_density_corrected_speed_m_s(v_m_s: f64, density_kg_m3: f64) -> f64 {
    v_m_s * (density_kg_m3 / STANDARD_AIR_DENSITY_KG_M3).cbrt()
}

/// Power from a power curve at one wind speed [kW]: linear interpolation between the
/// (wind speed [m/s], power [kW]) points of `curve`, tabulated at 1.225 kg/m3. Below the
/// first point and above the last one (cut-out) the turbine gives 0 kW; no extrapolation.
///
/// The curve must pass [`validate_power_curve`]; an empty curve gives 0 kW.
///
/// # References
/// - windpowerlib `power_output.power_curve` (`np.interp(..., left=0, right=0)`).
pub fn power_curve_kw(curve: &[(f64, f64)], v_m_s: f64) -> f64 {
    let (Some(&(v_first, _)), Some(&(v_last, p_last))) = (curve.first(), curve.last()) else {
        return 0.0;
    };
    // Also false for NaN.
    if !(v_m_s >= v_first && v_m_s <= v_last) {
        return 0.0;
    }
    if v_m_s == v_last {
        return p_last;
    }
    // First point strictly above v: 1..len-1 because v_first <= v < v_last.
    let upper = curve.partition_point(|&(v, _)| v <= v_m_s);
    match (curve.get(upper.wrapping_sub(1)), curve.get(upper)) {
        (Some(&(v0, p0)), Some(&(v1, p1))) => p0 + (p1 - p0) * (v_m_s - v0) / (v1 - v0),
        _ => 0.0,
    }
}

/// Checks a power curve before it is used: at least 3 points, finite numbers, wind speeds
/// strictly increasing within 0-40 m/s, power between 0 and 30,000 kW, and some point above
/// 0 kW. The error names the first offending point (counted from 1) in a planner's words.
///
/// # References
/// - IEC 61400-12-1:2017 (a measured power curve is a table of bins of increasing wind
///   speed, each with its mean power).
pub fn validate_power_curve(curve: &[(f64, f64)]) -> Result<(), String> {
    if curve.len() < 3 {
        return Err(format!(
            "a power curve needs at least 3 points (wind speed in m/s, power in kW); this one has {}",
            curve.len()
        ));
    }
    let mut previous_m_s = f64::NEG_INFINITY;
    for (index, &(v_m_s, p_kw)) in curve.iter().enumerate() {
        let point = index + 1;
        if !v_m_s.is_finite() || !p_kw.is_finite() {
            return Err(format!(
                "point {point}: wind speed and power must both be numbers (got {} m/s, {} kW)",
                crate::text::number(v_m_s),
                crate::text::number(p_kw)
            ));
        }
        let at = format!("point {point} ({} m/s)", speed_text(v_m_s));
        if !(0.0..=MAX_CURVE_WIND_SPEED_M_S).contains(&v_m_s) {
            return Err(format!(
                "{at}: wind speeds must lie between 0 and {MAX_CURVE_WIND_SPEED_M_S:.0} m/s"
            ));
        }
        if v_m_s <= previous_m_s {
            return Err(format!(
                "{at}: speeds must increase from one point to the next"
            ));
        }
        if p_kw < 0.0 {
            return Err(format!(
                "{at}: power cannot be negative ({} kW)",
                crate::text::number(p_kw)
            ));
        }
        if v_m_s < MIN_CUT_IN_M_S && p_kw > 0.0 {
            return Err(format!(
                "{at}: a turbine produces nothing below its cut-in speed (2-4 m/s), so the power \
                 below {MIN_CUT_IN_M_S:.0} m/s must be 0 kW, got {} kW",
                crate::text::number(p_kw)
            ));
        }
        if p_kw > MAX_CURVE_POWER_KW {
            return Err(format!(
                "{at}: {p_kw:.0} kW is more than the 30,000 kW the planner accepts for one \
                 turbine; is the curve in W instead of kW?"
            ));
        }
        previous_m_s = v_m_s;
    }
    if !curve.iter().any(|&(_, p_kw)| p_kw > 0.0) {
        return Err(
            "the power curve is 0 kW at every wind speed: a turbine must produce power \
                    somewhere on its curve"
                .to_string(),
        );
    }
    Ok(())
}

/// Lowest cut-in speed of a power curve [m/s]: below it a curve must give 0 kW.
pub const MIN_CUT_IN_M_S: f64 = 1.0;

/// A wind speed as a planner would write it: "12.0", "3.25" (an absurd one as "5e-324").
fn speed_text(v_m_s: f64) -> String {
    if v_m_s.fract() == 0.0 && v_m_s.abs() < 1e15 {
        format!("{v_m_s:.1}")
    } else {
        crate::text::number(v_m_s)
    }
}

/// Geometry and losses of one wind farm's turbines, as [`wind_turbine_net_mw`] needs them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WindFarmParams {
    /// Hub height above ground [m].
    pub hub_height_m: f64,
    /// Height above ground of the wind speed series (anemometer; 10 m in most weather files) [m].
    pub measurement_height_m: f64,
    /// Power-law (Hellmann) shear exponent alpha [-]; about 0.10-0.14 over open sea-side desert.
    pub shear_exponent: f64,
    /// Losses from gross to net output: wakes, availability, electrical, curtailment [%], 0..100.
    pub losses_pct: f64,
    /// Site elevation above sea level [m]: gives the standard-atmosphere pressure and
    /// temperature used where a weather sample is missing.
    pub site_elevation_m: f64,
}

/// Net electrical output of ONE turbine for each time step [MW].
///
/// Per step: the wind speed (at `measurement_height_m`) is brought to hub height by the power
/// law; temperature (given at 2 m) and pressure (given at the ground) are brought to hub
/// height by windpowerlib's gradients; the air density at hub height follows from the ideal
/// gas law; the speed is density-corrected per IEC 61400-12-1 and looked up on `curve`
/// ((m/s, kW) at 1.225 kg/m3); the result is multiplied by (1 - losses_pct / 100).
///
/// Conventions, so that any finite input gives a finite, non-negative result:
/// - the output has the length of `wind_speed_m_s`; negative or NaN speeds count as calm;
/// - cut-out is decided on the actual hub-height speed (as a turbine controller does): above
///   the curve's last speed the turbine gives 0; at or below it the density-corrected speed
///   is looked up, capped at the last tabulated speed;
/// - a temperature or pressure sample that is missing (series shorter than the wind) or that
///   gives no positive finite density is replaced by the ICAO standard atmosphere at
///   `site_elevation_m`;
/// - `losses_pct` is clamped to 0..100 (a non-finite value counts as 0);
/// - an invalid curve (see [`validate_power_curve`]) or a geometry that gives no finite
///   non-negative shear factor (non-positive heights) gives 0 MW at every step: validate the
///   scenario first.
///
/// Cost: one `cbrt` and a constant-time table lookup per step (the shear factor is computed
/// once per series).
///
/// # References
/// - Hellmann (1915); IEC 61400-12-1:2017 clause 9.1; windpowerlib `ModelChain` with
///   `wind_speed_model="hellman"`, `temperature_model="linear_gradient"`,
///   `density_model="ideal_gas"`, `power_output_model="power_curve"`.
pub fn wind_turbine_net_mw(
    wind_speed_m_s: &[f64],
    temp_air_c: &[f64],
    pressure_pa: &[f64],
    curve: &[(f64, f64)],
    params: &WindFarmParams,
) -> Vec<f64> {
    let n = wind_speed_m_s.len();
    let Some(table) = CurveTable::new(curve) else {
        return vec![0.0; n];
    };
    let shear_factor = power_law_wind_speed_m_s(
        1.0,
        params.measurement_height_m,
        params.hub_height_m,
        params.shear_exponent,
    );
    if !(shear_factor.is_finite() && shear_factor >= 0.0) {
        return vec![0.0; n];
    }
    let loss_factor = if params.losses_pct.is_finite() {
        1.0 - (params.losses_pct / 100.0).clamp(0.0, 1.0)
    } else {
        1.0
    };
    // Everything per step is p_hub / (R T_hub) with fixed offsets; fold the constants.
    let hub_m = params.hub_height_m;
    let temp_offset_k =
        TEMPERATURE_GRADIENT_K_M * (hub_m - TEMPERATURE_MEASUREMENT_HEIGHT_M) + ZERO_CELSIUS_K;
    let pressure_offset_pa = PRESSURE_GRADIENT_PA_M * (hub_m - PRESSURE_MEASUREMENT_HEIGHT_M);
    let inv_r_rho0 = 1.0 / (DRY_AIR_GAS_CONSTANT_J_KG_K * STANDARD_AIR_DENSITY_KG_M3);
    let fallback_ratio = {
        let p = barometric_pressure_pa(params.site_elevation_m) + pressure_offset_pa;
        let t = standard_temperature_c(params.site_elevation_m) + temp_offset_k;
        let ratio = p / t * inv_r_rho0;
        if ratio.is_finite() && ratio > 0.0 {
            ratio
        } else {
            1.0
        }
    };
    let scale_mw = loss_factor / 1000.0;

    let mut out = Vec::with_capacity(n);
    for (i, &v_m_s) in wind_speed_m_s.iter().enumerate() {
        // `f64::max` returns the other operand for NaN: NaN and negative speeds become calm.
        let v_hub_m_s = v_m_s.max(0.0) * shear_factor;
        if v_hub_m_s > table.v_last_m_s {
            out.push(0.0); // cut out (also catches an infinite speed)
            continue;
        }
        let temp_k = temp_air_c.get(i).map_or(f64::NAN, |t| t + temp_offset_k);
        let pressure_hub_pa = pressure_pa
            .get(i)
            .map_or(f64::NAN, |p| p + pressure_offset_pa);
        // rho / 1.225, from the ideal gas law at hub height.
        let ratio = pressure_hub_pa / temp_k * inv_r_rho0;
        let ratio = if ratio.is_finite() && ratio > 0.0 {
            ratio
        } else {
            fallback_ratio
        };
        let v_corrected_m_s = (v_hub_m_s * ratio.cbrt()).min(table.v_last_m_s);
        out.push(table.power_kw(v_corrected_m_s) * scale_mw);
    }
    out
}

/// A validated power curve prepared for fast lookups: the segment to start from is read off
/// a uniform grid of wind speeds, so each lookup costs a few comparisons whatever the number
/// of points, and gives exactly the linear interpolation of [`power_curve_kw`].
struct CurveTable {
    speeds_m_s: Vec<f64>,
    powers_kw: Vec<f64>,
    /// Slope of each segment [kW per m/s].
    slopes_kw_per_m_s: Vec<f64>,
    /// For each grid cell, the segment that holds the cell's lower edge.
    cell_segments: Vec<usize>,
    v_first_m_s: f64,
    v_last_m_s: f64,
    cells_per_m_s: f64,
}

impl CurveTable {
    /// Grid cells per m/s: 20 (0.05 m/s), finer than any published curve's spacing.
    const CELLS_PER_M_S: f64 = 20.0;

    /// `None` if the curve fails [`validate_power_curve`].
    fn new(curve: &[(f64, f64)]) -> Option<Self> {
        validate_power_curve(curve).ok()?;
        let speeds_m_s: Vec<f64> = curve.iter().map(|&(v, _)| v).collect();
        let powers_kw: Vec<f64> = curve.iter().map(|&(_, p)| p).collect();
        let slopes_kw_per_m_s: Vec<f64> = curve
            .windows(2)
            .map(|w| (w[1].1 - w[0].1) / (w[1].0 - w[0].0))
            .collect();
        let v_first_m_s = *speeds_m_s.first()?;
        let v_last_m_s = *speeds_m_s.last()?;
        let last_segment = slopes_kw_per_m_s.len() - 1;
        // Validated: 0 <= speeds <= 40 m/s, so at most 801 cells.
        let cell_count = ((v_last_m_s - v_first_m_s) * Self::CELLS_PER_M_S) as usize + 1;
        let mut cell_segments = Vec::with_capacity(cell_count);
        let mut segment = 0;
        for cell in 0..cell_count {
            let edge_m_s = v_first_m_s + cell as f64 / Self::CELLS_PER_M_S;
            while segment < last_segment && speeds_m_s[segment + 1] <= edge_m_s {
                segment += 1;
            }
            cell_segments.push(segment);
        }
        Some(Self {
            speeds_m_s,
            powers_kw,
            slopes_kw_per_m_s,
            cell_segments,
            v_first_m_s,
            v_last_m_s,
            cells_per_m_s: Self::CELLS_PER_M_S,
        })
    }

    /// Power at `v_m_s` [kW]; 0 outside the table.
    fn power_kw(&self, v_m_s: f64) -> f64 {
        if !(v_m_s >= self.v_first_m_s && v_m_s <= self.v_last_m_s) {
            return 0.0;
        }
        let last_cell = self.cell_segments.len() - 1;
        let cell = (((v_m_s - self.v_first_m_s) * self.cells_per_m_s) as usize).min(last_cell);
        let last_segment = self.slopes_kw_per_m_s.len() - 1;
        let mut segment = self.cell_segments[cell];
        // Rounding at a cell edge can land one segment too far right.
        while segment > 0 && self.speeds_m_s[segment] > v_m_s {
            segment -= 1;
        }
        while segment < last_segment && self.speeds_m_s[segment + 1] <= v_m_s {
            segment += 1;
        }
        self.powers_kw[segment]
            + self.slopes_kw_per_m_s[segment] * (v_m_s - self.speeds_m_s[segment])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Enercon E-141/4200 as windpowerlib's oedb library holds it (1.225 kg/m3, kW):
    /// wind-python/windpowerlib, windpowerlib/data/oedb_power_curves.csv.
    const E141_KW: [(f64, f64); 25] = [
        (1.0, 0.0),
        (2.0, 22.0),
        (3.0, 104.0),
        (4.0, 260.0),
        (5.0, 523.0),
        (6.0, 920.0),
        (7.0, 1471.0),
        (8.0, 2151.0),
        (9.0, 2867.0),
        (10.0, 3481.0),
        (11.0, 3903.0),
        (12.0, 4119.0),
        (13.0, 4196.0),
        (14.0, 4200.0),
        (15.0, 4200.0),
        (16.0, 4200.0),
        (17.0, 4200.0),
        (18.0, 4200.0),
        (19.0, 4200.0),
        (20.0, 4200.0),
        (21.0, 4200.0),
        (22.0, 4200.0),
        (23.0, 4200.0),
        (24.0, 4200.0),
        (25.0, 4200.0),
    ];

    fn assert_close(actual: f64, expected: f64, rel_tol: f64, what: &str) {
        let err = (actual - expected).abs() / expected.abs().max(1e-12);
        assert!(
            err <= rel_tol,
            "{what}: got {actual}, reference {expected} (relative error {err:e})"
        );
    }

    // Reference numbers below: tests/reference/windpowerlib_wind.py, windpowerlib 0.2.2.

    #[test]
    fn power_law_matches_windpowerlib_hellman() {
        let cases = [
            ((7.6, 10.0, 120.0, 0.12), 10.24036276513771),
            ((5.0, 10.0, 100.0, 1.0 / 7.0), 6.947477471865689),
            ((9.0, 50.0, 150.0, 0.2), 11.211578456539657),
        ];
        for ((v, h0, h, a), expected) in cases {
            let got = power_law_wind_speed_m_s(v, h0, h, a);
            assert_close(got, expected, 1e-12, "power law");
        }
    }

    #[test]
    fn log_law_matches_windpowerlib_logarithmic_profile() {
        let cases = [
            ((7.6, 10.0, 120.0, 0.0002), 9.345441546209846),
            ((7.6, 10.0, 120.0, 0.03), 10.850959835190407),
            ((6.0, 10.0, 80.0, 0.1), 8.70926996097583),
        ];
        for ((v, h0, h, z0), expected) in cases {
            let got = log_law_wind_speed_m_s(v, h0, h, z0);
            assert_close(got, expected, 1e-12, "log law");
        }
    }

    #[test]
    fn hub_temperature_and_density_match_windpowerlib() {
        // (pressure at ground [Pa], temperature at 2 m [C], hub [m]) ->
        // (temperature at hub [C], density at hub [kg/m3]) from linear_gradient and ideal_gas.
        let cases = [
            (
                (101_325.0, 15.0, 0.0),
                (15.012999999999977, 1.2249228633323728),
            ),
            (
                (101_325.0, 20.0, 120.0),
                (19.233000000000004, 1.1893715511483502),
            ),
            (
                (100_800.0, 24.0, 150.0),
                (23.03800000000001, 1.1635068515374865),
            ),
            (
                (95_000.0, -5.0, 100.0),
                (-5.6370000000000005, 1.2208343209111423),
            ),
        ];
        for ((p, t, h), (t_hub_ref, rho_ref)) in cases {
            let t_hub = temperature_at_height_c(t, TEMPERATURE_MEASUREMENT_HEIGHT_M, h);
            let p_hub = pressure_at_height_pa(p, PRESSURE_MEASUREMENT_HEIGHT_M, h);
            assert!((t_hub - t_hub_ref).abs() < 1e-9, "{t_hub} vs {t_hub_ref}");
            assert_close(air_density_kg_m3(p_hub, t_hub), rho_ref, 1e-12, "density");
        }
    }

    #[test]
    fn standard_atmosphere_matches_icao_tables() {
        // ICAO standard atmosphere 1993 as computed by the `ambiance` package (1.3.1),
        // geometric heights.
        let cases = [
            (0.0, 101_325.0),
            (10.0, 101_204.92637521711),
            (500.0, 95_461.28549146843),
            (1000.0, 89_876.27760234232),
            (2000.0, 79_501.41106848906),
        ];
        for (h, expected) in cases {
            let got = barometric_pressure_pa(h);
            assert!(
                (got - expected).abs() < 0.5,
                "{h} m: {got} Pa vs {expected} Pa"
            );
        }
        assert!((standard_temperature_c(0.0) - 15.0).abs() < 1e-12);
    }

    #[test]
    fn iec_density_corrected_power_matches_reference() {
        // (hub speed [m/s], density [kg/m3]) -> power [kW] on the E-141/4200 curve, with
        // windpowerlib's power_curve at v (rho/1.225)^(1/3).
        let cases = [
            ((3.5, 1.18), 175.23070704206125),
            ((7.0, 1.18), 1423.1810202586635),
            ((9.3, 1.15), 2932.202696466379),
            ((11.0, 1.2), 3871.2044815893996),
            ((12.6, 1.25), 4171.7556042641945),
            ((24.9, 1.1), 4200.0),
            ((6.0, 1.225), 920.0),
        ];
        for ((v, rho), expected) in cases {
            let v_corr = iec_61400_12_1_density_corrected_speed_m_s(v, rho);
            assert_close(power_curve_kw(&E141_KW, v_corr), expected, 1e-12, "power");
        }
    }

    #[test]
    fn power_curve_is_zero_outside_the_table_and_exact_on_its_points() {
        assert_eq!(power_curve_kw(&E141_KW, 0.5), 0.0);
        assert_eq!(power_curve_kw(&E141_KW, 25.01), 0.0);
        assert_eq!(power_curve_kw(&E141_KW, f64::NAN), 0.0);
        assert_eq!(power_curve_kw(&E141_KW, 25.0), 4200.0);
        assert_eq!(power_curve_kw(&E141_KW, 1.0), 0.0);
        for &(v, p) in &E141_KW {
            assert_eq!(power_curve_kw(&E141_KW, v), p);
        }
        assert_eq!(power_curve_kw(&[], 5.0), 0.0);
    }

    #[test]
    fn lookup_table_agrees_with_plain_interpolation() {
        let uneven = [
            (3.0, 0.0),
            (3.33, 10.0),
            (3.34, 30.0),
            (7.777, 900.0),
            (25.0, 1000.0),
        ];
        for curve in [&E141_KW[..], &uneven[..]] {
            let table = CurveTable::new(curve).expect("valid curve");
            for step in 0..=30_000 {
                let v = step as f64 * 0.001;
                let a = table.power_kw(v);
                let b = power_curve_kw(curve, v);
                assert!(
                    (a - b).abs() < 1e-9,
                    "v = {v}: table {a}, interpolation {b}"
                );
            }
        }
    }

    /// The deterministic year of tests/reference/windpowerlib_wind.py: 8784 hourly steps.
    fn reference_year() -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        use std::f64::consts::PI;
        let n = 8784;
        let mut v10 = Vec::with_capacity(n);
        let mut t2 = Vec::with_capacity(n);
        let mut p0 = Vec::with_capacity(n);
        for i in 0..n {
            let t = i as f64;
            let v = 7.6
                + 2.5 * (2.0 * PI * t / 24.0).sin()
                + 1.8 * (2.0 * PI * t / 8784.0).sin()
                + 2.2 * (2.0 * PI * t / 77.0).sin();
            v10.push(v.max(0.0));
            t2.push(
                20.0 + 3.0 * (2.0 * PI * t / 24.0 + 1.0).sin()
                    + 3.0 * (2.0 * PI * t / 8784.0).sin(),
            );
            p0.push(101_300.0 + 600.0 * (2.0 * PI * t / 190.0).sin());
        }
        (v10, t2, p0)
    }

    fn reference_params() -> WindFarmParams {
        WindFarmParams {
            hub_height_m: 120.0,
            measurement_height_m: 10.0,
            shear_exponent: 0.12,
            losses_pct: 0.0,
            site_elevation_m: 0.0,
        }
    }

    #[test]
    fn year_energy_matches_windpowerlib_modelchain() {
        let (v10, t2, p0) = reference_year();
        let mw = wind_turbine_net_mw(&v10, &t2, &p0, &E141_KW, &reference_params());
        assert_eq!(mw.len(), 8784);
        let energy_mwh: f64 = mw.iter().sum();
        // windpowerlib ModelChain (hellman 0.12, linear_gradient, ideal_gas) hub speed and
        // density, power_curve at the IEC-corrected speed: 25,918.344 MWh.
        assert_close(energy_mwh, 25_918.344_022_096_74, 1e-6, "annual energy");

        // Losses scale the output.
        let params = WindFarmParams {
            losses_pct: 12.0,
            ..reference_params()
        };
        let net_mwh: f64 = wind_turbine_net_mw(&v10, &t2, &p0, &E141_KW, &params)
            .iter()
            .sum();
        assert_close(net_mwh, 0.88 * 25_918.344_022_096_74, 1e-6, "net energy");
    }

    #[test]
    fn cut_out_follows_the_actual_hub_speed() {
        let params = WindFarmParams {
            measurement_height_m: 120.0,
            ..reference_params()
        };
        // Thin hot air: the corrected speed of 25.3 m/s would fall back on the table, but the
        // turbine has cut out on the real wind.
        let mw = wind_turbine_net_mw(&[25.3], &[45.0], &[95_000.0], &E141_KW, &params);
        assert_eq!(mw, vec![0.0]);
        // Cold dense air just below cut-out: still at rated power.
        let mw = wind_turbine_net_mw(&[24.9], &[-20.0], &[104_000.0], &E141_KW, &params);
        assert!((mw[0] - 4.2).abs() < 1e-9, "{mw:?}");
    }

    #[test]
    fn odd_inputs_never_give_nan_or_negative_power() {
        let v = [-3.0, f64::NAN, 0.0, 8.0, 12.0, 1e300, 30.0, 8.0, 8.0, 8.0];
        let t = [20.0, 20.0, 20.0, -300.0, f64::NAN, 20.0, 20.0, 1e12];
        let p = [
            101_000.0,
            101_000.0,
            0.0,
            -5.0,
            101_000.0,
            1e300,
            f64::INFINITY,
        ];
        for losses_pct in [0.0, 150.0, -20.0, f64::NAN] {
            for (hub, meas) in [(120.0, 10.0), (0.0, 10.0), (120.0, 0.0), (-5.0, 10.0)] {
                let params = WindFarmParams {
                    hub_height_m: hub,
                    measurement_height_m: meas,
                    losses_pct,
                    ..reference_params()
                };
                let mw = wind_turbine_net_mw(&v, &t, &p, &E141_KW, &params);
                assert_eq!(mw.len(), v.len());
                for x in &mw {
                    assert!(
                        x.is_finite() && *x >= 0.0 && *x <= 4.2 + 1e-9,
                        "{mw:?} {params:?}"
                    );
                }
            }
        }
        // Calm and negative speeds give nothing; a missing weather sample uses the standard
        // atmosphere rather than failing.
        let params = reference_params();
        let mw = wind_turbine_net_mw(&v, &t, &p, &E141_KW, &params);
        assert_eq!(&mw[..3], &[0.0, 0.0, 0.0]);
        assert!(mw[8] > 0.0 && mw[9] > 0.0, "{mw:?}");
        // An invalid curve gives no power instead of garbage.
        let bad = [(3.0, 0.0), (2.0, 100.0), (25.0, 100.0)];
        assert_eq!(
            wind_turbine_net_mw(&[8.0], &[20.0], &[101_325.0], &bad, &params),
            vec![0.0]
        );
    }

    #[test]
    fn validation_names_the_offending_point() {
        // 10, 11, 12, 12 m/s: the fourth point repeats the third.
        let mut curve = E141_KW[9..].to_vec();
        curve[3].0 = 12.0;
        assert_eq!(
            validate_power_curve(&curve),
            Err("point 4 (12.0 m/s): speeds must increase from one point to the next".to_string())
        );
        assert!(validate_power_curve(&E141_KW).is_ok());
        let err = |c: &[(f64, f64)]| validate_power_curve(c).unwrap_err();
        assert!(err(&[(3.0, 0.0), (4.0, 10.0)]).contains("at least 3 points"));
        assert!(err(&[(3.0, 0.0), (4.0, f64::NAN), (5.0, 1.0)]).starts_with("point 2:"));
        assert!(err(&[(-1.0, 0.0), (4.0, 1.0), (5.0, 1.0)]).starts_with("point 1 (-1.0 m/s)"));
        assert!(err(&[(3.0, 0.0), (4.0, 1.0), (45.0, 1.0)]).contains("between 0 and 40 m/s"));
        assert!(err(&[(3.0, 0.0), (3.25, -1.0), (5.0, 1.0)]).starts_with("point 2 (3.25 m/s)"));
        assert!(err(&[(3.0, 0.0), (4.0, 1.0), (5.0, 4.2e6)]).contains("W instead of kW"));
        assert!(err(&[(3.0, 0.0), (4.0, 0.0), (5.0, 0.0)]).contains("0 kW at every wind speed"));
    }

    /// Speed of one year; run with
    /// `cargo test --release --lib model::wind -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, run in release"]
    fn timing_one_year() {
        let (v10, t2, p0) = reference_year();
        let params = reference_params();
        let runs = 200;
        let start = std::time::Instant::now();
        let mut total = 0.0;
        for _ in 0..runs {
            total += wind_turbine_net_mw(&v10, &t2, &p0, &E141_KW, &params)
                .iter()
                .sum::<f64>();
        }
        let per_year = start.elapsed() / runs;
        println!("wind_turbine_net_mw, 8784 steps: {per_year:?} per year ({total:.0})");
    }
}
