//! Solar position. PLACEHOLDER: a low-accuracy algorithm with the final signature; to be replaced
//! by the full NREL SPA (Reda & Andreas 2004).

/// Sun position seen from a site.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SolarPosition {
    /// Topocentric zenith angle corrected for refraction [deg].
    pub apparent_zenith_deg: f64,
    /// Topocentric zenith angle without refraction [deg].
    pub zenith_deg: f64,
    /// Topocentric azimuth, eastward from north [deg], 0..360.
    pub azimuth_deg: f64,
    /// Equation of time [min].
    pub equation_of_time_min: f64,
}

/// Sun position at `unix_s` (seconds since 1970-01-01T00:00:00 UTC).
#[allow(clippy::too_many_arguments)]
pub fn spa_position(
    unix_s: f64,
    latitude_deg: f64,
    longitude_deg: f64,
    _elevation_m: f64,
    _pressure_hpa: f64,
    _temp_air_c: f64,
    _delta_t_s: f64,
) -> SolarPosition {
    let days = unix_s / 86400.0;
    let doy = days.rem_euclid(365.2422);
    let g = 2.0 * std::f64::consts::PI / 365.0 * doy;
    let decl = 0.006918 - 0.399912 * g.cos() + 0.070257 * g.sin() - 0.006758 * (2.0 * g).cos()
        + 0.000907 * (2.0 * g).sin();
    let eot = 229.18
        * (0.000075 + 0.001868 * g.cos()
            - 0.032077 * g.sin()
            - 0.014615 * (2.0 * g).cos()
            - 0.040849 * (2.0 * g).sin());
    let minutes_utc = (unix_s.rem_euclid(86400.0)) / 60.0;
    let tst = minutes_utc + eot + 4.0 * longitude_deg;
    let ha = (tst / 4.0 - 180.0).to_radians();
    let lat = latitude_deg.to_radians();
    let cz = lat.sin() * decl.sin() + lat.cos() * decl.cos() * ha.cos();
    let z = cz.clamp(-1.0, 1.0).acos();
    let az = {
        let s = -ha.sin() * decl.cos() / z.sin().max(1e-9);
        let c = (decl.sin() - lat.sin() * cz) / (lat.cos() * z.sin()).max(1e-9);
        s.atan2(c).to_degrees().rem_euclid(360.0)
    };
    SolarPosition {
        apparent_zenith_deg: z.to_degrees(),
        zenith_deg: z.to_degrees(),
        azimuth_deg: az,
        equation_of_time_min: eot,
    }
}

/// Difference between terrestrial and universal time, Delta T [s], for a decimal year.
pub fn delta_t_s(_year: f64) -> f64 {
    69.0
}

/// Sun positions for a regular series of steps, taken at the middle of each step, plus the
/// extraterrestrial normal irradiance. Computed once per site and time axis and cached.
#[derive(Clone, Debug, PartialEq)]
pub struct SunSeries {
    /// Apparent (refraction-corrected) zenith [deg].
    pub apparent_zenith_deg: Vec<f64>,
    /// True zenith [deg].
    pub zenith_deg: Vec<f64>,
    /// Azimuth east of north [deg].
    pub azimuth_deg: Vec<f64>,
    /// Extraterrestrial normal irradiance [W/m2].
    pub dni_extra_w_m2: Vec<f64>,
}

/// Sun series for `n` steps of `step_s` seconds from `start_unix_s` (UTC).
pub fn sun_series(
    start_unix_s: i64,
    step_s: i64,
    n: usize,
    latitude_deg: f64,
    longitude_deg: f64,
    elevation_m: f64,
) -> SunSeries {
    let mut s = SunSeries {
        apparent_zenith_deg: Vec::with_capacity(n),
        zenith_deg: Vec::with_capacity(n),
        azimuth_deg: Vec::with_capacity(n),
        dni_extra_w_m2: Vec::with_capacity(n),
    };
    for i in 0..n {
        let t = start_unix_s as f64 + (i as f64 + 0.5) * step_s as f64;
        let p = spa_position(t, latitude_deg, longitude_deg, elevation_m, 1013.25, 20.0, 69.0);
        s.apparent_zenith_deg.push(p.apparent_zenith_deg);
        s.zenith_deg.push(p.zenith_deg);
        s.azimuth_deg.push(p.azimuth_deg);
        let doy = (t / 86400.0).rem_euclid(365.2422) + 1.0;
        s.dni_extra_w_m2.push(crate::model::clearsky::extraterrestrial_normal_w_m2(doy));
    }
    s
}
