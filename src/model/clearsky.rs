//! Clear-sky irradiance and the atmospheric quantities it rests on.

/// Relative optical air mass, Kasten & Young (1989), from the apparent (refraction-corrected)
/// zenith angle [deg]. Returns `f64::NAN` when the sun is below the horizon (zenith > 90 deg).
///
/// # References
/// Kasten, F. and Young, A. T. (1989). Revised optical air mass tables and approximation
/// formula. Applied Optics 28(22), 4735-4738.
pub fn relative_airmass_kasten_young_1989(apparent_zenith_deg: f64) -> f64 {
    if !(0.0..=90.0).contains(&apparent_zenith_deg) {
        return f64::NAN;
    }
    1.0 / (apparent_zenith_deg.to_radians().cos()
        + 0.50572 * (96.07995 - apparent_zenith_deg).powf(-1.6364))
}

/// Absolute (pressure-corrected) air mass from the relative air mass and pressure [Pa].
pub fn absolute_airmass(relative_airmass: f64, pressure_pa: f64) -> f64 {
    relative_airmass * pressure_pa / 101_325.0
}

/// Extraterrestrial normal irradiance [W/m2] on day of year 1..=366, Spencer (1971) Fourier
/// series of the Earth-Sun distance with a solar constant of 1366.1 W/m2.
///
/// # References
/// Spencer, J. W. (1971). Fourier series representation of the position of the sun. Search 2(5),
/// 172. Solar constant: Gueymard (2004), as used by pvlib `get_extra_radiation`.
pub fn extraterrestrial_normal_w_m2(day_of_year: f64) -> f64 {
    let b = 2.0 * std::f64::consts::PI * (day_of_year - 1.0) / 365.0;
    let rover_r0_sqrd = 1.00011
        + 0.034221 * b.cos()
        + 0.00128 * b.sin()
        + 0.000719 * (2.0 * b).cos()
        + 0.000077 * (2.0 * b).sin();
    1366.1 * rover_r0_sqrd
}
