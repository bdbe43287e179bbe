//! Decomposition of global horizontal irradiance (GHI) into its direct normal (DNI) and diffuse
//! horizontal (DHI) parts, for weather sources that give only GHI (or whose parts must be made
//! consistent with a changed GHI, as in the synthetic year).
//!
//! Pure arithmetic on plain numbers; no transcendental functions, so results are identical on
//! every machine.

/// Result of splitting GHI into DNI and DHI.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GhiSplit {
    /// Direct normal irradiance [W/m2].
    pub dni_w_m2: f64,
    /// Diffuse horizontal irradiance [W/m2].
    pub dhi_w_m2: f64,
    /// Clearness index kt = GHI / (extraterrestrial normal * cos(zenith)) [-], limited to 0..=1.
    pub kt: f64,
}

/// Smallest cos(zenith) used when computing the clearness index near the horizon (pvlib
/// default, zenith 86.273 deg).
pub const ERBS_MIN_COS_ZENITH: f64 = 0.065;

/// Largest zenith [deg] for which DNI is computed; above it all of GHI is diffuse (pvlib
/// default).
pub const ERBS_MAX_ZENITH_DEG: f64 = 87.0;

/// Clearness index [-]: GHI over the extraterrestrial irradiance on a horizontal plane, with
/// cos(zenith) held at or above `min_cos_zenith` and the result limited to
/// `0..=max_clearness_index`, as pvlib `irradiance.clearness_index`.
///
/// * `ghi_w_m2`: global horizontal irradiance [W/m2].
/// * `zenith_deg`: true (not refraction-corrected) solar zenith [deg].
/// * `dni_extra_w_m2`: extraterrestrial normal irradiance [W/m2].
///
/// # References
/// Maxwell, E. L. (1987). A quasi-physical model for converting hourly global horizontal to
/// direct normal insolation. SERI/TR-215-3087, Solar Energy Research Institute, Golden, CO.
pub fn clearness_index(
    ghi_w_m2: f64,
    zenith_deg: f64,
    dni_extra_w_m2: f64,
    min_cos_zenith: f64,
    max_clearness_index: f64,
) -> f64 {
    let cos_zenith = cos_deg(zenith_deg);
    // Written like numpy's maximum/minimum so that NaN inputs give a NaN index.
    let horizontal_extra = dni_extra_w_m2 * nan_max(cos_zenith, min_cos_zenith);
    let kt = ghi_w_m2 / horizontal_extra;
    nan_min(nan_max(kt, 0.0), max_clearness_index)
}

/// Erbs et al. (1982) diffuse fraction DHI/GHI [-] from the clearness index kt [-]:
/// `1 - 0.09 kt` up to 0.22, a quartic up to 0.8, 0.165 above.
///
/// # References
/// Erbs, D. G., Klein, S. A. and Duffie, J. A. (1982). Estimation of the diffuse radiation
/// fraction for hourly, daily and monthly-average global radiation. Solar Energy 28(4),
/// 293-302, eq. 1.
pub fn erbs_diffuse_fraction(kt: f64) -> f64 {
    if kt > 0.22 && kt <= 0.8 {
        0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * kt * kt * kt + 12.336 * kt * kt * kt * kt
    } else if kt > 0.8 {
        0.165
    } else {
        1.0 - 0.09 * kt
    }
}

/// Split GHI into DNI and DHI with the Erbs diffuse fraction and pvlib's default guards
/// (`min_cos_zenith` 0.065, `max_zenith` 87 deg); see [`erbs_with_limits`].
///
/// # References
/// Erbs, D. G., Klein, S. A. and Duffie, J. A. (1982). Solar Energy 28(4), 293-302.
/// pvlib-python `pvlib.irradiance.erbs` (v0.16), the reference the tests compare with.
pub fn erbs(ghi_w_m2: f64, zenith_deg: f64, dni_extra_w_m2: f64) -> GhiSplit {
    erbs_with_limits(
        ghi_w_m2,
        zenith_deg,
        dni_extra_w_m2,
        ERBS_MIN_COS_ZENITH,
        ERBS_MAX_ZENITH_DEG,
    )
}

/// Split GHI [W/m2] into DNI and DHI [W/m2] with the Erbs et al. (1982) diffuse fraction, as
/// pvlib `irradiance.erbs`:
///
/// * kt from [`clearness_index`] with `min_cos_zenith` and a maximum of 1;
/// * DHI = DF(kt) * GHI, DNI = (GHI - DHI) / cos(zenith);
/// * when zenith > `max_zenith_deg`, GHI < 0 or DNI < 0: DNI = 0 and DHI = GHI,
///
/// so that closure `GHI = DNI cos(zenith) + DHI` holds for every finite input.
///
/// * `zenith_deg`: true (not refraction-corrected) solar zenith [deg].
/// * `dni_extra_w_m2`: extraterrestrial normal irradiance [W/m2] (pvlib computes it with
///   `get_extra_radiation`, Spencer 1971, as `clearsky::extraterrestrial_normal_w_m2`).
///
/// # References
/// Erbs, D. G., Klein, S. A. and Duffie, J. A. (1982). Estimation of the diffuse radiation
/// fraction for hourly, daily and monthly-average global radiation. Solar Energy 28(4),
/// 293-302.
/// pvlib-python `pvlib.irradiance.erbs` (v0.16).
pub fn erbs_with_limits(
    ghi_w_m2: f64,
    zenith_deg: f64,
    dni_extra_w_m2: f64,
    min_cos_zenith: f64,
    max_zenith_deg: f64,
) -> GhiSplit {
    let kt = clearness_index(ghi_w_m2, zenith_deg, dni_extra_w_m2, min_cos_zenith, 1.0);
    let diffuse_fraction = erbs_diffuse_fraction(kt);
    let dhi = diffuse_fraction * ghi_w_m2;
    let dni = (ghi_w_m2 - dhi) / cos_deg(zenith_deg);
    let bad = zenith_deg > max_zenith_deg || ghi_w_m2 < 0.0 || dni < 0.0;
    if bad {
        GhiSplit {
            dni_w_m2: 0.0,
            dhi_w_m2: ghi_w_m2,
            kt,
        }
    } else {
        GhiSplit {
            dni_w_m2: dni,
            dhi_w_m2: dhi,
            kt,
        }
    }
}

fn cos_deg(angle_deg: f64) -> f64 {
    libm::cos(angle_deg.to_radians())
}

/// numpy `maximum`: NaN if either input is NaN.
fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

/// numpy `minimum`: NaN if either input is NaN.
fn nan_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.min(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows printed by tests/reference/pvlib_clearsky.py with pvlib 0.16.1 (`irradiance.erbs`
    /// with default limits; dni_extra from `get_extra_radiation(doy)`):
    /// (ghi_w_m2, zenith_deg, day_of_year, dni_extra_w_m2, dni_w_m2, dhi_w_m2, kt).
    const PVLIB_ERBS: [[f64; 7]; 12] = [
        [
            1000.0,
            10.0,
            172.0,
            1321.6235925714136,
            842.0543806360876,
            170.73831749168812,
            0.7683175584888605,
        ],
        [
            800.0,
            30.0,
            100.0,
            1360.7897915626618,
            665.8753647332919,
            223.33501838674044,
            0.6788413878697618,
        ],
        [
            500.0,
            40.0,
            15.0,
            1412.9849538570536,
            172.946179658375,
            367.5155401140454,
            0.4619324805154089,
        ],
        [
            300.0,
            60.0,
            200.0,
            1321.7686199481045,
            150.0102096635205,
            224.99489516823974,
            0.4539372405614813,
        ],
        [
            150.0,
            70.0,
            300.0,
            1383.6362028955045,
            28.160795341691788,
            140.36844074106975,
            0.3169696334243611,
        ],
        [
            50.0,
            20.0,
            250.0,
            1344.7699652012948,
            0.18947978551410466,
            49.8219472437643,
            0.03956727916348944,
        ],
        [
            20.0,
            86.5,
            80.0,
            1376.8923612194285,
            6.724309622638633,
            19.589490718157727,
            0.22346867217696206,
        ],
        [
            10.0,
            88.0,
            80.0,
            1376.8923612194285,
            0.0,
            10.0,
            0.11173433608848103,
        ],
        [100.0, 95.0, 80.0, 1376.8923612194285, 0.0, 100.0, 1.0],
        [0.0, 30.0, 80.0, 1376.8923612194285, 0.0, 0.0, 0.0],
        [-5.0, 30.0, 80.0, 1376.8923612194285, 0.0, -5.0, 0.0],
        [
            1200.0,
            5.0,
            1.0,
            1413.981805,
            1005.8274772184341,
            198.0,
            0.8519089855275874,
        ],
    ];

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn erbs_matches_pvlib() {
        for [ghi, zen, _doy, extra, dni, dhi, kt] in PVLIB_ERBS {
            let s = erbs(ghi, zen, extra);
            assert!(
                close(s.dni_w_m2, dni),
                "dni for ghi {ghi} zen {zen}: {s:?} vs {dni}"
            );
            assert!(
                close(s.dhi_w_m2, dhi),
                "dhi for ghi {ghi} zen {zen}: {s:?} vs {dhi}"
            );
            assert!(close(s.kt, kt), "kt for ghi {ghi} zen {zen}: {s:?} vs {kt}");
        }
    }

    #[test]
    fn erbs_closure_holds() {
        for [ghi, zen, _doy, extra, ..] in PVLIB_ERBS {
            let s = erbs(ghi, zen, extra);
            let cos_z = if zen > ERBS_MAX_ZENITH_DEG || s.dni_w_m2 == 0.0 {
                0.0
            } else {
                cos_deg(zen)
            };
            assert!((s.dni_w_m2 * cos_z + s.dhi_w_m2 - ghi).abs() < 1e-9);
        }
    }

    #[test]
    fn erbs_diffuse_fraction_published_breakpoints() {
        // Erbs et al. (1982) eq. 1: 1 - 0.09 kt below 0.22, 0.165 above 0.8.
        assert!(close(erbs_diffuse_fraction(0.0), 1.0));
        assert!(close(erbs_diffuse_fraction(0.2), 0.982));
        assert!(close(erbs_diffuse_fraction(0.9), 0.165));
        // The quartic meets the outer pieces closely at the breakpoints (published fit).
        assert!((erbs_diffuse_fraction(0.2200001) - (1.0 - 0.09 * 0.22)).abs() < 0.01);
        assert!((erbs_diffuse_fraction(0.8) - 0.165).abs() < 0.01);
    }

    #[test]
    fn nan_ghi_propagates() {
        let s = erbs(f64::NAN, 30.0, 1367.0);
        assert!(s.dni_w_m2.is_nan() && s.dhi_w_m2.is_nan());
    }
}
