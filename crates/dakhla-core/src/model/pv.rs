//! Photovoltaic plant output, the PVWatts way: plane-of-array irradiance on a fixed or
//! single-axis-tracking array (with backtracking, or with row-to-row beam shading without it),
//! row-to-row shading of the sky diffuse and the ground-reflected light (and of the beam on
//! fixed rows), the glass-cover incidence angle modifier on the beam, the sky diffuse and the
//! ground light, Faiman cell temperature, PVWatts DC power with system losses, and the PVWatts
//! inverter curve with clipping.
//!
//! Conventions: angles in degrees, azimuths east of north (180 = facing south), power per MW of
//! DC nameplate. Trigonometry comes from `libm` so that results are bit-identical on every
//! platform.

use crate::model::irradiance::{
    IamPhysical, PVWATTS_GLASS_EXTINCTION_PER_M, PVWATTS_GLASS_REFRACTIVE_INDEX,
    PVWATTS_GLASS_THICKNESS_M, RowGeometry, ground_reflected_effective_aoi_deg,
    poa_components_from_geometry, sky_diffuse_effective_aoi_deg,
};
use crate::model::sun::SunSeries;

pub use crate::model::irradiance::Transposition;

/// Reference inverter efficiency of the PVWatts inverter curve [-] (Dobos 2014).
pub const PVWATTS_ETA_INV_REF: f64 = 0.9637;
/// Faiman constant heat transfer coefficient, pvlib default [W/(m2 K)].
pub const FAIMAN_U0_DEFAULT: f64 = 25.0;
/// Faiman wind-dependent heat transfer coefficient, pvlib default [W/(m2 K) / (m/s)].
pub const FAIMAN_U1_DEFAULT: f64 = 6.84;

/// How the modules are mounted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PvMounting {
    /// Fixed tilt [deg from horizontal] and azimuth [deg east of north, 180 = south], in rows
    /// of ground coverage ratio `gcr` (slant height / row pitch) [-]; `gcr` at or below 0 means
    /// a single row, with no row-to-row shading.
    Fixed {
        tilt_deg: f64,
        azimuth_deg: f64,
        gcr: f64,
    },
    /// Single-axis tracker on a horizontal axis pointing `axis_azimuth_deg` (0 or 180 = a
    /// north-south axis, tracking east to west), rotation limited to +-`max_angle_deg`, ground
    /// coverage ratio `gcr` (module width / row pitch). With `backtrack` the rows turn back at
    /// low sun to avoid shading each other; without, the shaded fraction of the beam is lost.
    SingleAxis {
        axis_azimuth_deg: f64,
        max_angle_deg: f64,
        gcr: f64,
        backtrack: bool,
    },
}

/// PVWatts system parameters of a plant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PvSystemParams {
    /// Mounting and tracking.
    pub mounting: PvMounting,
    /// DC nameplate over AC (inverter) rating [-].
    pub dc_ac_ratio: f64,
    /// PVWatts system losses applied to DC power [%] (PVWatts default 14.08).
    pub losses_pct: f64,
    /// Temperature coefficient of DC power [1/C], e.g. -0.0037 (PVWatts standard module).
    pub gamma_pdc_per_c: f64,
    /// Nominal inverter efficiency [%] (PVWatts default 96).
    pub inverter_eff_pct: f64,
    /// Ground reflectance [-].
    pub albedo: f64,
    /// Sky-diffuse transposition model.
    pub transposition: Transposition,
    /// Faiman constant heat transfer coefficient [W/(m2 K)] (25).
    pub faiman_u0: f64,
    /// Faiman wind heat transfer coefficient [W/(m2 K) / (m/s)] (6.84).
    pub faiman_u1: f64,
}

/// Orientation of a single-axis tracker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrackerAngles {
    /// Rotation about the axis [deg], right-handed about the axis direction: for an axis
    /// pointing south (azimuth 180), positive turns the modules to face west.
    pub tracker_theta_deg: f64,
    /// Module tilt from horizontal [deg].
    pub surface_tilt_deg: f64,
    /// Module azimuth east of north [deg], 0..360.
    pub surface_azimuth_deg: f64,
}

/// Single-axis tracker rotation with optional backtracking, as pvlib `tracking.singleaxis`
/// (true-tracking angle from the projected solar zenith; backtracking of Lorenzo et al. 2011,
/// eq. 14 of Anderson & Mikofski 2020 on level ground; rotation clipped to +-`max_angle_deg`).
///
/// * `apparent_zenith_deg`, `solar_azimuth_deg`: sun position [deg], azimuth east of north.
/// * `axis_tilt_deg`: tilt of the axis [deg] (0 = horizontal); `axis_azimuth_deg`: direction of
///   the axis [deg east of north].
/// * `gcr`: ground coverage ratio [-]; used only with `backtrack`.
///
/// Returns `None` when the sun is below the horizon (apparent zenith > 90 deg), where pvlib
/// returns NaN.
///
/// # References
/// Lorenzo, E., Narvarte, L. and Munoz, J. (2011). Tracking and back-tracking. Progress in
/// Photovoltaics 19(6), 747-753. Anderson, K. and Mikofski, M. (2020). Slope-Aware
/// Backtracking for Single-Axis Trackers. NREL/TP-5K00-76626.
#[allow(clippy::too_many_arguments)]
pub fn single_axis_tracker_angles(
    apparent_zenith_deg: f64,
    solar_azimuth_deg: f64,
    axis_tilt_deg: f64,
    axis_azimuth_deg: f64,
    max_angle_deg: f64,
    gcr: f64,
    backtrack: bool,
) -> Option<TrackerAngles> {
    if apparent_zenith_deg.is_nan() || apparent_zenith_deg > 90.0 {
        return None;
    }
    let sun = sun_vector(apparent_zenith_deg, solar_azimuth_deg);
    let axis = TrackerAxis::new(axis_tilt_deg, axis_azimuth_deg, max_angle_deg);
    let (sin_r, cos_r) = axis.rotation_sin_cos(sun, gcr, backtrack);
    let theta_deg = libm::atan2(sin_r, cos_r).to_degrees();
    let normal = axis.normal_from_sin_cos(sin_r, cos_r);
    let surface_tilt_deg =
        libm::acos((cos_r * libm::cos(axis_tilt_deg.to_radians())).clamp(-1.0, 1.0)).to_degrees();
    let azimuth = if surface_tilt_deg == 0.0 {
        axis_azimuth_deg - 90.0
    } else {
        libm::atan2(normal[0], normal[1]).to_degrees()
    };
    Some(TrackerAngles {
        tracker_theta_deg: theta_deg,
        surface_tilt_deg,
        surface_azimuth_deg: azimuth.rem_euclid(360.0),
    })
}

/// Fraction of a tracker row's width in the shade of the next row [-], 0..1, for rows on
/// level ground with the axis at the module plane, as pvlib `shading.shaded_fraction1d` with
/// `collector_width = 1`, `pitch = 1 / gcr`, both rows at `rotation_deg`:
/// 1 - cos(theta_s) / (gcr |cos(rotation - theta_s)|), theta_s the projected solar zenith.
///
/// # References
/// Anderson, K. S. and Jensen, A. R. (2024). Shaded fraction and backtracking in single-axis
/// trackers on rolling terrain. J. Renewable Sustainable Energy 16(2), 023504, eq. 12.
pub fn shaded_fraction_1d(
    solar_zenith_deg: f64,
    solar_azimuth_deg: f64,
    axis_azimuth_deg: f64,
    rotation_deg: f64,
    gcr: f64,
) -> f64 {
    let sun = sun_vector(solar_zenith_deg, solar_azimuth_deg);
    let axis = TrackerAxis::new(0.0, axis_azimuth_deg, 180.0);
    let (sx, sz) = axis.project(sun);
    let (sin_r, cos_r) = libm::sincos(rotation_deg.to_radians());
    shaded_fraction_from_projection(sx, sz, sin_r, cos_r, gcr)
}

/// [`shaded_fraction_1d`] from the sun vector projected on the plane normal to the axis
/// (`sx`, `sz`, not necessarily normalized) and the sine and cosine of the rotation.
fn shaded_fraction_from_projection(sx: f64, sz: f64, sin_r: f64, cos_r: f64, gcr: f64) -> f64 {
    let norm = (sx * sx + sz * sz).sqrt();
    if !is_positive(norm) || !is_positive(gcr) {
        return 0.0;
    }
    // cos(theta_s) and cos(rotation - theta_s) with theta_s = atan2(sx, sz).
    let cos_s = sz / norm;
    let cos_diff = ((cos_r * sz + sin_r * sx) / norm).abs();
    let f = 1.0 - cos_s / (gcr * cos_diff);
    if f.is_finite() {
        f.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Cell temperature by the Faiman model [C]: T_air + POA / (u0 + u1 wind), as pvlib
/// `temperature.faiman`.
///
/// * `poa_global_w_m2`: plane-of-array irradiance [W/m2].
/// * `wind_speed_m_s`: wind speed [m/s]; negative values count as 0.
/// * `u0`, `u1`: heat transfer coefficients, pvlib defaults [`FAIMAN_U0_DEFAULT`] and
///   [`FAIMAN_U1_DEFAULT`]. A total below 1 W/(m2 K) counts as 1 to keep the result finite.
///
/// # References
/// Faiman, D. (2008). Assessing the outdoor operating temperature of photovoltaic modules.
/// Progress in Photovoltaics 16(4), 307-315. IEC 61853-2 (2016).
pub fn faiman_cell_temp_c(
    poa_global_w_m2: f64,
    temp_air_c: f64,
    wind_speed_m_s: f64,
    u0: f64,
    u1: f64,
) -> f64 {
    let loss = (u0 + u1 * wind_speed_m_s.max(0.0)).max(1.0);
    temp_air_c + poa_global_w_m2 / loss
}

/// PVWatts DC power [MW]: Pdc0 G/1000 (1 + gamma (T_cell - 25)), as pvlib
/// `pvsystem.pvwatts_dc`.
///
/// * `poa_transmitted_w_m2`: irradiance reaching the cells (after the cover IAM) [W/m2].
/// * `temp_cell_c`: cell temperature [C]; `pdc0_mw`: DC nameplate [MW] at 1000 W/m2, 25 C.
/// * `gamma_pdc_per_c`: power temperature coefficient [1/C], e.g. -0.0037.
///
/// # References
/// Dobos, A. P. (2014). PVWatts Version 5 Manual, NREL/TP-6A20-62641, section 6.
pub fn pvwatts_dc_mw(
    poa_transmitted_w_m2: f64,
    temp_cell_c: f64,
    pdc0_mw: f64,
    gamma_pdc_per_c: f64,
) -> f64 {
    pdc0_mw * poa_transmitted_w_m2 * 0.001 * (1.0 + gamma_pdc_per_c * (temp_cell_c - 25.0))
}

/// PVWatts inverter [MW AC], as pvlib `inverter.pvwatts`: efficiency
/// eta = eta_nom / eta_ref (-0.0162 z - 0.0059 / z + 0.9858) with z = Pdc / Pdc0, output
/// clipped to Pac0 = eta_nom Pdc0 and floored at 0.
///
/// * `pdc_mw`: DC input [MW].
/// * `pdc0_inverter_mw`: DC input rating of the inverter [MW] (= Pac0 / eta_nom).
/// * `eta_inv_nom`: nominal efficiency [-] (PVWatts 0.96); `eta_inv_ref`: reference efficiency
///   of the curve [-] ([`PVWATTS_ETA_INV_REF`]).
///
/// # References
/// Dobos, A. P. (2014). PVWatts Version 5 Manual, NREL/TP-6A20-62641, section 10.
pub fn pvwatts_inverter_mw(
    pdc_mw: f64,
    pdc0_inverter_mw: f64,
    eta_inv_nom: f64,
    eta_inv_ref: f64,
) -> f64 {
    if !is_positive(pdc_mw) || !is_positive(pdc0_inverter_mw) || !is_positive(eta_inv_ref) {
        return 0.0;
    }
    let pac0 = eta_inv_nom * pdc0_inverter_mw;
    let zeta = pdc_mw / pdc0_inverter_mw;
    let eta = eta_inv_nom / eta_inv_ref * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
    let ac = (eta * pdc_mw).min(pac0).max(0.0);
    if ac.is_finite() { ac } else { 0.0 }
}

/// Per-step results of the PVWatts chain, per MW of DC nameplate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PvwattsSeries {
    /// Plane-of-array irradiance after row shading, before the cover IAM [W/m2].
    pub poa_global_w_m2: Vec<f64>,
    /// Irradiance reaching the cells: each of beam, sky diffuse and ground times its cover
    /// IAM [W/m2].
    pub poa_transmitted_w_m2: Vec<f64>,
    /// Faiman cell temperature [C].
    pub temp_cell_c: Vec<f64>,
    /// DC power after system losses [MW/MWdc].
    pub dc_mw_per_mwdc: Vec<f64>,
    /// AC power [MW/MWdc].
    pub ac_mw_per_mwdc: Vec<f64>,
}

/// AC output per MWdc of nameplate [MW/MWdc], one value per step.
///
/// The PVWatts chain of [`pvwatts_series_per_mwdc`], keeping only the AC power.
pub fn pvwatts_ac_mw_per_mwdc(
    ghi_w_m2: &[f64],
    dni_w_m2: &[f64],
    dhi_w_m2: &[f64],
    temp_air_c: &[f64],
    wind_speed_m_s: &[f64],
    sun: &SunSeries,
    params: &PvSystemParams,
) -> Vec<f64> {
    let mut ac = Vec::with_capacity(sun.len());
    pvwatts_chain(
        ghi_w_m2,
        dni_w_m2,
        dhi_w_m2,
        temp_air_c,
        wind_speed_m_s,
        sun,
        params,
        |step| ac.push(step.ac),
    );
    ac
}

/// The PVWatts chain per MWdc of nameplate, step by step, with its intermediate series.
///
/// Per step: the module orientation (fixed, or [`single_axis_tracker_angles`] on a horizontal
/// axis); beam, sky-diffuse (Perez 1990 or isotropic) and ground-reflected irradiance on the
/// plane ([`poa_components`](crate::model::irradiance::poa_components)); row-to-row shading
/// for rows with a ground coverage ratio (SAM's self-shading model, as PVWatts v8 applies it):
/// the beam times 1 - the shaded fraction (trackers without backtracking,
/// [`shaded_fraction_1d`], and fixed rows), the sky diffuse times the rows' sky view factor
/// ratio ([`RowGeometry::sky_diffuse_factor`]) and the ground-reflected light from the ground
/// between the rows ([`RowGeometry::ground_reflected_w_m2`]); the PVWatts glass IAM
/// ([`iam_physical_pvwatts`](crate::model::irradiance::iam_physical_pvwatts)) on the beam at
/// its angle of incidence and on the sky diffuse and ground light at the Brandemuehl-Beckman
/// effective angles ([`iam_diffuse_pvwatts`](crate::model::irradiance::iam_diffuse_pvwatts)),
/// as PVWatts v8's cover model (De Soto et al. 2006); Faiman cell temperature from the POA
/// before the IAM (as pvlib's ModelChain); PVWatts DC power times (1 - losses); the PVWatts
/// inverter with Pac0 = 1 / `dc_ac_ratio` MW per MWdc.
///
/// The sun positions (apparent zenith, azimuth, extraterrestrial DNI) come from `sun`; steps
/// with the sun at or below the horizon give 0. The output has as many steps as the shortest
/// input; non-finite weather values count as 0 irradiance, 25 C and no wind, and the output
/// is finite for any input.
///
/// # References
/// Dobos, A. P. (2014). PVWatts Version 5 Manual, NREL/TP-6A20-62641. Holmgren, W. F., Hansen,
/// C. W. and Mikofski, M. A. (2018). pvlib python. JOSS 3(29), 884 (the reference chain in
/// tests/reference/pvlib_solar.py). Gilman, P. et al. (2018). SAM Photovoltaic Model Technical
/// Reference Update, NREL/TP-6A20-67399 (self-shading and cover models); NREL ssc
/// cmod_pvwattsv8.cpp, lib_pvshade.cpp and lib_pv_incidence_modifier.cpp (PVWatts v8).
pub fn pvwatts_series_per_mwdc(
    ghi_w_m2: &[f64],
    dni_w_m2: &[f64],
    dhi_w_m2: &[f64],
    temp_air_c: &[f64],
    wind_speed_m_s: &[f64],
    sun: &SunSeries,
    params: &PvSystemParams,
) -> PvwattsSeries {
    let mut out = PvwattsSeries::default();
    pvwatts_chain(
        ghi_w_m2,
        dni_w_m2,
        dhi_w_m2,
        temp_air_c,
        wind_speed_m_s,
        sun,
        params,
        |s| {
            out.poa_global_w_m2.push(s.poa_global);
            out.poa_transmitted_w_m2.push(s.poa_transmitted);
            out.temp_cell_c.push(s.temp_cell);
            out.dc_mw_per_mwdc.push(s.dc);
            out.ac_mw_per_mwdc.push(s.ac);
        },
    );
    out
}

/// One step of the chain.
struct ChainStep {
    poa_global: f64,
    poa_transmitted: f64,
    temp_cell: f64,
    dc: f64,
    ac: f64,
}

/// Orientation source of the chain, resolved once per series.
enum Orientation {
    Fixed {
        normal: [f64; 3],
        rows: RowGeometry,
        /// Sky-diffuse row shading factor and cover IAMs of the sky diffuse and ground light.
        sky_factor: f64,
        iam_sky: f64,
        iam_ground: f64,
    },
    Tracker {
        axis: TrackerAxis,
        gcr: f64,
        backtrack: bool,
        rows: RowGeometry,
    },
}

/// Cover IAMs of the sky diffuse and the ground-reflected light at the Brandemuehl-Beckman
/// effective angles, from the cosine of the surface tilt.
fn diffuse_iams(glass: &IamPhysical, cos_tilt: f64) -> (f64, f64) {
    diffuse_iams_at(glass, libm::acos(cos_tilt.clamp(-1.0, 1.0)).to_degrees())
}

/// Steps of [`diffuse_iams_tabulated`] per degree of tilt.
const DIFFUSE_IAM_STEPS_PER_DEG: f64 = 4.0;

/// [`diffuse_iams`] of the PVWatts glass, interpolated linearly in a table every 0.25 deg of
/// tilt (0..180, built once per process), for trackers whose tilt changes every step; within
/// 4e-5 of the exact values.
fn diffuse_iams_tabulated(cos_tilt: f64) -> (f64, f64) {
    static TABLE: std::sync::OnceLock<Vec<(f64, f64)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let glass = IamPhysical::new(
            PVWATTS_GLASS_REFRACTIVE_INDEX,
            PVWATTS_GLASS_EXTINCTION_PER_M,
            PVWATTS_GLASS_THICKNESS_M,
        );
        let n = (180.0 * DIFFUSE_IAM_STEPS_PER_DEG) as usize;
        (0..=n)
            .map(|k| diffuse_iams_at(&glass, k as f64 / DIFFUSE_IAM_STEPS_PER_DEG))
            .collect()
    });
    let tilt_deg = libm::acos(cos_tilt.clamp(-1.0, 1.0)).to_degrees();
    let x = (tilt_deg * DIFFUSE_IAM_STEPS_PER_DEG).clamp(0.0, (table.len() - 1) as f64);
    let k = (x as usize).min(table.len() - 2);
    let f = x - k as f64;
    let ((s0, g0), (s1, g1)) = (table[k], table[k + 1]);
    (s0 + (s1 - s0) * f, g0 + (g1 - g0) * f)
}

/// [`diffuse_iams`] from the tilt [deg].
fn diffuse_iams_at(glass: &IamPhysical, tilt_deg: f64) -> (f64, f64) {
    (
        glass.iam_from_cos(libm::cos(
            sky_diffuse_effective_aoi_deg(tilt_deg).to_radians(),
        )),
        glass.iam_from_cos(libm::cos(
            ground_reflected_effective_aoi_deg(tilt_deg).to_radians(),
        )),
    )
}

#[allow(clippy::too_many_arguments)]
fn pvwatts_chain(
    ghi_w_m2: &[f64],
    dni_w_m2: &[f64],
    dhi_w_m2: &[f64],
    temp_air_c: &[f64],
    wind_speed_m_s: &[f64],
    sun: &SunSeries,
    params: &PvSystemParams,
    mut emit: impl FnMut(ChainStep),
) {
    let n = [
        ghi_w_m2.len(),
        dni_w_m2.len(),
        dhi_w_m2.len(),
        temp_air_c.len(),
        wind_speed_m_s.len(),
        sun.apparent_zenith_deg.len(),
        sun.azimuth_deg.len(),
        sun.dni_extra_w_m2.len(),
    ]
    .into_iter()
    .min()
    .unwrap_or(0);

    let glass = IamPhysical::new(
        PVWATTS_GLASS_REFRACTIVE_INDEX,
        PVWATTS_GLASS_EXTINCTION_PER_M,
        PVWATTS_GLASS_THICKNESS_M,
    );
    let orientation = match params.mounting {
        PvMounting::Fixed {
            tilt_deg,
            azimuth_deg,
            gcr,
        } => {
            let normal = sun_vector(tilt_deg, azimuth_deg);
            let rows = RowGeometry::new(gcr);
            let (iam_sky, iam_ground) = diffuse_iams(&glass, normal[2]);
            Orientation::Fixed {
                normal,
                rows,
                sky_factor: rows.sky_diffuse_factor(normal[2]),
                iam_sky,
                iam_ground,
            }
        }
        PvMounting::SingleAxis {
            axis_azimuth_deg,
            max_angle_deg,
            gcr,
            backtrack,
        } => Orientation::Tracker {
            axis: TrackerAxis::new(0.0, axis_azimuth_deg, max_angle_deg),
            gcr,
            backtrack,
            rows: RowGeometry::new(gcr),
        },
    };
    let finite_or = |x: f64, default: f64| if x.is_finite() { x } else { default };
    let dc_derate = finite_or(1.0 - params.losses_pct / 100.0, 1.0).max(0.0);
    let eta_nom = finite_or(params.inverter_eff_pct / 100.0, 0.96);
    let pac0 = if params.dc_ac_ratio > 0.0 && params.dc_ac_ratio.is_finite() {
        1.0 / params.dc_ac_ratio
    } else {
        1.0
    };
    let pdc0_inverter = if eta_nom > 0.0 { pac0 / eta_nom } else { 0.0 };
    let gamma = finite_or(params.gamma_pdc_per_c, 0.0);
    let (u0, u1) = (
        finite_or(params.faiman_u0, FAIMAN_U0_DEFAULT),
        finite_or(params.faiman_u1, FAIMAN_U1_DEFAULT),
    );

    for i in 0..n {
        let zenith = sun.apparent_zenith_deg[i];
        if zenith.is_nan() || zenith >= 90.0 {
            emit(ChainStep {
                poa_global: 0.0,
                poa_transmitted: 0.0,
                temp_cell: finite_or(temp_air_c[i], 25.0),
                dc: 0.0,
                ac: 0.0,
            });
            continue;
        }
        let s = sun_vector(zenith, sun.azimuth_deg[i]);
        let (normal, shaded, rows) = match &orientation {
            Orientation::Fixed { normal, rows, .. } => {
                // Fixed rows: the front row's shadow on this one, 1 - pitch cos(z) / cos(aoi)
                // (pvlib `shading.shaded_fraction1d` with the rows' axis along the rows).
                let cos_aoi = normal[0] * s[0] + normal[1] * s[1] + normal[2] * s[2];
                (
                    *normal,
                    fixed_row_shaded_fraction(cos_aoi, s[2], rows),
                    rows,
                )
            }
            Orientation::Tracker {
                axis,
                gcr,
                backtrack,
                rows,
            } => {
                let (sin_r, cos_r) = axis.rotation_sin_cos(s, *gcr, *backtrack);
                let shaded = if *backtrack {
                    0.0
                } else {
                    let (sx, sz) = axis.project(s);
                    shaded_fraction_from_projection(sx, sz, sin_r, cos_r, *gcr)
                };
                (axis.normal_from_sin_cos(sin_r, cos_r), shaded, rows)
            }
        };
        let cos_aoi = (normal[0] * s[0] + normal[1] * s[1] + normal[2] * s[2]).clamp(-1.0, 1.0);
        let cos_tilt = normal[2].clamp(-1.0, 1.0);
        let sin_tilt = (1.0 - cos_tilt * cos_tilt).sqrt();
        let poa = poa_components_from_geometry(
            zenith,
            s[2],
            cos_aoi,
            cos_tilt,
            sin_tilt,
            ghi_w_m2[i],
            dni_w_m2[i],
            dhi_w_m2[i],
            sun.dni_extra_w_m2[i],
            params.albedo,
            params.transposition,
        );
        let beam = poa.beam_w_m2 * (1.0 - shaded);
        let (sky_factor, iam_sky, iam_ground) = match &orientation {
            Orientation::Fixed {
                sky_factor,
                iam_sky,
                iam_ground,
                ..
            } => (*sky_factor, *iam_sky, *iam_ground),
            Orientation::Tracker { .. } => {
                let (iam_sky, iam_ground) = diffuse_iams_tabulated(cos_tilt);
                (rows.sky_diffuse_factor(cos_tilt), iam_sky, iam_ground)
            }
        };
        let sky = poa.sky_diffuse_w_m2 * sky_factor;
        let ground = if rows.is_single_row() {
            poa.ground_w_m2
        } else {
            rows.ground_reflected_w_m2(
                cos_tilt,
                cos_aoi,
                s[2],
                ghi_w_m2[i],
                dhi_w_m2[i],
                params.albedo,
            )
        };
        let poa_global = beam + sky + ground;
        let iam = glass.iam_from_cos(cos_aoi);
        let poa_transmitted = beam * iam + sky * iam_sky + ground * iam_ground;
        let temp_cell = faiman_cell_temp_c(
            poa_global,
            finite_or(temp_air_c[i], 25.0),
            finite_or(wind_speed_m_s[i], 0.0),
            u0,
            u1,
        );
        let dc = finite_or(
            pvwatts_dc_mw(poa_transmitted, temp_cell, 1.0, gamma) * dc_derate,
            0.0,
        );
        let ac = pvwatts_inverter_mw(dc, pdc0_inverter, eta_nom, PVWATTS_ETA_INV_REF);
        emit(ChainStep {
            poa_global: finite_or(poa_global, 0.0),
            poa_transmitted: finite_or(poa_transmitted, 0.0),
            temp_cell: finite_or(temp_cell, 25.0),
            dc,
            ac,
        });
    }
}

/// Shaded fraction of a fixed row by the row in front [-], 0..1, for rows on level ground:
/// 1 - pitch cos(zenith) / cos(aoi) (the shadow of a row is cos(aoi) / cos(zenith) slant
/// heights long across the rows), as pvlib `shading.shaded_fraction1d` with the axis along the
/// rows and the rotation equal to the tilt; 0 for a single row or the sun behind the modules.
fn fixed_row_shaded_fraction(cos_aoi: f64, cos_zenith: f64, rows: &RowGeometry) -> f64 {
    if rows.is_single_row() || !is_positive(cos_aoi) || !is_positive(cos_zenith) {
        return 0.0;
    }
    let f = 1.0 - rows.pitch() * cos_zenith / cos_aoi;
    if f.is_finite() {
        f.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// True for a number greater than 0 (false for NaN).
fn is_positive(x: f64) -> bool {
    x > 0.0
}

/// Unit vector (east, north, up) of a direction given by its zenith angle and azimuth east of
/// north [deg]; also the normal of a surface of that tilt and azimuth.
fn sun_vector(zenith_deg: f64, azimuth_deg: f64) -> [f64; 3] {
    let (sin_z, cos_z) = libm::sincos(zenith_deg.to_radians());
    let (sin_a, cos_a) = libm::sincos(azimuth_deg.to_radians());
    [sin_z * sin_a, sin_z * cos_a, cos_z]
}

/// A tracker axis, precomputed sines and cosines (pvlib's tracker frame: y along the axis,
/// x 90 deg clockwise from it, z up).
struct TrackerAxis {
    sin_az: f64,
    cos_az: f64,
    sin_tilt: f64,
    cos_tilt: f64,
    /// Sine and cosine of the rotation limit, 0..180 deg.
    sin_max: f64,
    cos_max: f64,
}

impl TrackerAxis {
    /// Axis of tilt and azimuth [deg], rotation limited to +-`max_angle_deg` (its absolute
    /// value, at most 180; a non-finite limit means none).
    fn new(axis_tilt_deg: f64, axis_azimuth_deg: f64, max_angle_deg: f64) -> Self {
        let (sin_az, cos_az) = libm::sincos(axis_azimuth_deg.to_radians());
        let (sin_tilt, cos_tilt) = libm::sincos(axis_tilt_deg.to_radians());
        let max = if max_angle_deg.is_finite() {
            max_angle_deg.abs().min(180.0)
        } else {
            180.0
        };
        let (sin_max, cos_max) = libm::sincos(max.to_radians());
        TrackerAxis {
            sin_az,
            cos_az,
            sin_tilt,
            cos_tilt,
            sin_max,
            cos_max,
        }
    }

    /// Sun vector projected on the plane normal to the axis, (x', z') of Anderson & Mikofski
    /// (2020) eq. 4; `atan2(x', z')` is the projected solar zenith angle.
    fn project(&self, s: [f64; 3]) -> (f64, f64) {
        let x = s[0] * self.cos_az - s[1] * self.sin_az;
        let z = s[0] * self.sin_az * self.sin_tilt
            + s[1] * self.sin_tilt * self.cos_az
            + s[2] * self.cos_tilt;
        (x, z)
    }

    /// Tracker rotation as (sin, cos): true tracking, backtracking (level ground), clipping to
    /// +-`max_angle_deg` of [`TrackerAxis::new`]. Works on sines and cosines throughout (no inverse trigonometry):
    /// omega = atan2(x', z'), theta = omega - sign(omega) acos(|cos omega| / gcr).
    fn rotation_sin_cos(&self, s: [f64; 3], gcr: f64, backtrack: bool) -> (f64, f64) {
        let (x, z) = self.project(s);
        let r = (x * x + z * z).sqrt();
        if !is_positive(r) || !r.is_finite() {
            return (0.0, 1.0);
        }
        let (sin_w, cos_w) = (x / r, z / r);
        let (mut sin_t, mut cos_t) = (sin_w, cos_w);
        if backtrack {
            // Lorenzo et al. (2011); Anderson & Mikofski (2020) eq. 14 with no cross-axis tilt:
            // rows 1/gcr apart cast no shade while |cos(omega)| / gcr >= 1.
            let temp = (cos_w / gcr).abs();
            if temp < 1.0 {
                // sign(omega) for omega = atan2(x, z) in (-180, 180].
                let sign = if x > 0.0 || (x == 0.0 && z < 0.0) {
                    1.0
                } else if x < 0.0 {
                    -1.0
                } else {
                    0.0
                };
                let sin_b = sign * (1.0 - temp * temp).sqrt();
                sin_t = sin_w * temp - cos_w * sin_b;
                cos_t = cos_w * temp + sin_w * sin_b;
            }
        }
        // Clip: |theta| > max  <=>  cos(theta) < cos(max) for max in [0, 180].
        if cos_t < self.cos_max {
            let sign = if sin_t < 0.0 { -1.0 } else { 1.0 };
            (sign * self.sin_max, self.cos_max)
        } else {
            (sin_t, cos_t)
        }
    }

    /// Unit normal of the modules at a rotation given by its sine and cosine (pvlib
    /// `tracking._unit_normal`).
    fn normal_from_sin_cos(&self, sin_r: f64, cos_r: f64) -> [f64; 3] {
        // R = Rz(-axis_azimuth) Rx(-axis_tilt) Ry(theta) applied to (0, 0, 1).
        let (c_a, s_a) = (self.cos_az, -self.sin_az);
        let (c_t, s_t) = (self.cos_tilt, -self.sin_tilt);
        [
            s_a * s_t * cos_r + c_a * sin_r,
            s_a * sin_r - c_a * s_t * cos_r,
            c_t * cos_r,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sun::sun_series;

    /// pvlib `tracking.singleaxis` (axis_tilt 0, max_angle 60, gcr 0.35) and, without
    /// backtracking, `shading.shaded_fraction1d` (collector_width 1, pitch 1/gcr);
    /// tests/reference/pvlib_solar.py, block "single_axis_matches_pvlib".
    #[test]
    fn single_axis_matches_pvlib() {
        // (app_zenith, sun_az, axis_az, backtrack, theta, surface_tilt, surface_az, aoi, shaded)
        #[allow(clippy::type_complexity)]
        const REF: [(f64, f64, f64, bool, f64, f64, f64, f64, f64); 44] = [
            (
                10.0,
                100.0,
                180.0,
                true,
                -9.851076116583906,
                9.8510761165839,
                90.0,
                1.7279410723506547,
                0.0,
            ),
            (
                30.0,
                110.0,
                180.0,
                true,
                -28.481238281339465,
                28.481238281339472,
                90.0,
                9.84655193983408,
                0.0,
            ),
            (
                60.0,
                95.0,
                180.0,
                true,
                -59.90532109416362,
                59.90532109416362,
                90.0,
                4.328750013155198,
                0.0,
            ),
            (
                80.0,
                80.0,
                180.0,
                true,
                -20.084420663995424,
                20.08442066399542,
                90.0,
                60.25520369083064,
                0.0,
            ),
            (
                85.0,
                250.0,
                180.0,
                true,
                10.039797846461298,
                10.039797846461292,
                270.0,
                75.58068408781442,
                0.0,
            ),
            (
                88.0,
                280.0,
                180.0,
                true,
                3.78027972954024,
                3.7802797295402124,
                270.0,
                84.27736478202894,
                0.0,
            ),
            (
                70.0,
                200.0,
                180.0,
                true,
                43.21917889371417,
                43.21917889371417,
                270.0,
                62.00910928221717,
                0.0,
            ),
            (
                45.0,
                240.0,
                180.0,
                true,
                40.89339464913089,
                40.89339464913089,
                270.0,
                20.704811054635414,
                0.0,
            ),
            (
                89.5,
                70.0,
                180.0,
                true,
                -0.9883183293589894,
                0.9883183293588728,
                90.0,
                88.57129865132556,
                0.0,
            ),
            (
                50.0,
                170.0,
                180.0,
                true,
                -11.692077213294425,
                11.692077213294414,
                90.0,
                48.97353862998449,
                0.0,
            ),
            (
                75.0,
                120.0,
                180.0,
                true,
                -40.42680905665569,
                40.4268090566557,
                90.0,
                42.31260748193272,
                0.0,
            ),
            (
                10.0,
                100.0,
                180.0,
                false,
                -9.851076116583906,
                9.8510761165839,
                90.0,
                1.7279410723506547,
                0.0,
            ),
            (
                30.0,
                110.0,
                180.0,
                false,
                -28.481238281339465,
                28.481238281339472,
                90.0,
                9.84655193983408,
                0.0,
            ),
            (
                60.0,
                95.0,
                180.0,
                false,
                -59.90532109416362,
                59.90532109416362,
                90.0,
                4.328750013155198,
                0.0,
            ),
            (
                80.0,
                80.0,
                180.0,
                false,
                -60.0,
                59.99999999999999,
                90.0,
                22.068454178565716,
                0.4646395005582765,
            ),
            (
                85.0,
                250.0,
                180.0,
                false,
                60.0,
                59.99999999999999,
                270.0,
                31.319848426181707,
                0.7085068646761181,
            ),
            (
                88.0,
                280.0,
                180.0,
                false,
                60.0,
                59.99999999999999,
                270.0,
                29.564740273279845,
                0.8853610109867652,
            ),
            (
                70.0,
                200.0,
                180.0,
                false,
                43.21917889371417,
                43.21917889371417,
                270.0,
                62.00910928221717,
                0.0,
            ),
            (
                45.0,
                240.0,
                180.0,
                false,
                40.89339464913089,
                40.89339464913089,
                270.0,
                20.704811054635414,
                0.0,
            ),
            (
                89.5,
                70.0,
                180.0,
                false,
                -60.0,
                59.99999999999999,
                90.0,
                35.101968442369625,
                0.9695244524470739,
            ),
            (
                50.0,
                170.0,
                180.0,
                false,
                -11.692077213294425,
                11.692077213294414,
                90.0,
                48.97353862998449,
                0.0,
            ),
            (
                75.0,
                120.0,
                180.0,
                false,
                -60.0,
                59.99999999999999,
                90.0,
                31.3666525394678,
                0.13394669427231864,
            ),
            (
                10.0,
                100.0,
                0.0,
                true,
                9.851076116583906,
                9.8510761165839,
                90.0,
                1.7279410723506547,
                0.0,
            ),
            (
                30.0,
                110.0,
                0.0,
                true,
                28.481238281339465,
                28.481238281339472,
                90.0,
                9.84655193983408,
                0.0,
            ),
            (
                60.0,
                95.0,
                0.0,
                true,
                59.90532109416362,
                59.90532109416362,
                90.0,
                4.328750013155198,
                0.0,
            ),
            (
                80.0,
                80.0,
                0.0,
                true,
                20.084420663995424,
                20.08442066399542,
                90.0,
                60.25520369083064,
                0.0,
            ),
            (
                85.0,
                250.0,
                0.0,
                true,
                -10.039797846461298,
                10.039797846461292,
                270.0,
                75.58068408781442,
                0.0,
            ),
            (
                88.0,
                280.0,
                0.0,
                true,
                -3.78027972954024,
                3.7802797295402124,
                270.0,
                84.27736478202894,
                0.0,
            ),
            (
                70.0,
                200.0,
                0.0,
                true,
                -43.219178893714165,
                43.219178893714165,
                270.0,
                62.00910928221715,
                0.0,
            ),
            (
                45.0,
                240.0,
                0.0,
                true,
                -40.89339464913089,
                40.89339464913089,
                270.0,
                20.704811054635414,
                0.0,
            ),
            (
                89.5,
                70.0,
                0.0,
                true,
                0.9883183293589894,
                0.9883183293588728,
                90.0,
                88.57129865132556,
                0.0,
            ),
            (
                50.0,
                170.0,
                0.0,
                true,
                11.69207721329443,
                11.692077213294445,
                90.0,
                48.97353862998449,
                0.0,
            ),
            (
                75.0,
                120.0,
                0.0,
                true,
                40.42680905665569,
                40.4268090566557,
                90.0,
                42.31260748193272,
                0.0,
            ),
            (
                10.0,
                100.0,
                0.0,
                false,
                9.851076116583906,
                9.8510761165839,
                90.0,
                1.7279410723506547,
                0.0,
            ),
            (
                30.0,
                110.0,
                0.0,
                false,
                28.481238281339465,
                28.481238281339472,
                90.0,
                9.84655193983408,
                0.0,
            ),
            (
                60.0,
                95.0,
                0.0,
                false,
                59.90532109416362,
                59.90532109416362,
                90.0,
                4.328750013155198,
                0.0,
            ),
            (
                80.0,
                80.0,
                0.0,
                false,
                60.0,
                59.99999999999999,
                90.0,
                22.068454178565716,
                0.4646395005582765,
            ),
            (
                85.0,
                250.0,
                0.0,
                false,
                -60.0,
                59.99999999999999,
                270.0,
                31.319848426181707,
                0.7085068646761181,
            ),
            (
                88.0,
                280.0,
                0.0,
                false,
                -60.0,
                59.99999999999999,
                270.0,
                29.564740273279845,
                0.8853610109867652,
            ),
            (
                70.0,
                200.0,
                0.0,
                false,
                -43.219178893714165,
                43.219178893714165,
                270.0,
                62.00910928221715,
                0.0,
            ),
            (
                45.0,
                240.0,
                0.0,
                false,
                -40.89339464913089,
                40.89339464913089,
                270.0,
                20.704811054635414,
                0.0,
            ),
            (
                89.5,
                70.0,
                0.0,
                false,
                60.0,
                59.99999999999999,
                90.0,
                35.101968442369625,
                0.9695244524470739,
            ),
            (
                50.0,
                170.0,
                0.0,
                false,
                11.69207721329443,
                11.692077213294445,
                90.0,
                48.97353862998449,
                0.0,
            ),
            (
                75.0,
                120.0,
                0.0,
                false,
                60.0,
                59.99999999999999,
                90.0,
                31.3666525394678,
                0.13394669427231864,
            ),
        ];
        for (zen, az, axis_az, backtrack, theta, tilt, saz, aoi, shaded) in REF {
            let Some(a) = single_axis_tracker_angles(zen, az, 0.0, axis_az, 60.0, 0.35, backtrack)
            else {
                panic!("sun above the horizon: {zen}");
            };
            let case = format!("{zen} {az} {axis_az} {backtrack}: {a:?}");
            assert!((a.tracker_theta_deg - theta).abs() < 1e-9, "{case}");
            assert!((a.surface_tilt_deg - tilt).abs() < 1e-9, "{case}");
            assert!((a.surface_azimuth_deg - saz).abs() < 1e-9, "{case}");
            let got_aoi = crate::model::irradiance::angle_of_incidence_deg(
                a.surface_tilt_deg,
                a.surface_azimuth_deg,
                zen,
                az,
            );
            assert!((got_aoi - aoi).abs() < 1e-6, "{case}: aoi {got_aoi}");
            if !backtrack {
                let got = shaded_fraction_1d(zen, az, axis_az, a.tracker_theta_deg, 0.35);
                assert!((got - shaded).abs() < 1e-9, "{case}: shaded {got}");
            }
        }
        assert!(single_axis_tracker_angles(90.5, 90.0, 0.0, 180.0, 60.0, 0.35, true).is_none());
    }

    /// pvlib `temperature.faiman` (u0 25, u1 6.84); tests/reference/pvlib_solar.py, block
    /// "faiman_matches_pvlib".
    #[test]
    fn faiman_matches_pvlib() {
        // (poa, temp_air, wind, temp_cell)
        const REF: [(f64, f64, f64, f64); 5] = [
            (1000.0, 25.0, 1.0, 56.4070351758794),
            (800.0, 30.0, 5.0, 43.513513513513516),
            (200.0, 10.0, 0.0, 18.0),
            (0.0, 18.0, 3.0, 18.0),
            (1100.0, 40.0, 12.0, 50.272693313410535),
        ];
        for (poa, ta, ws, tc) in REF {
            let got = faiman_cell_temp_c(poa, ta, ws, FAIMAN_U0_DEFAULT, FAIMAN_U1_DEFAULT);
            assert!((got - tc).abs() < 1e-12, "{poa} {ta} {ws}: {got}");
        }
    }

    /// pvlib `pvsystem.pvwatts_dc(g, t, 1, -0.0037)` and `inverter.pvwatts(pdc, (1/1.3)/0.96,
    /// 0.96)`; tests/reference/pvlib_solar.py, block "pvwatts_dc_and_inverter_match_pvlib".
    #[test]
    fn pvwatts_dc_and_inverter_match_pvlib() {
        // (poa_transmitted, temp_cell, dc, pdc_in, ac)
        const REF: [(f64, f64, f64, f64, f64); 7] = [
            (1000.0, 25.0, 1.0, 0.3, 0.28808253379842114),
            (800.0, 45.0, 0.7408, 0.5, 0.4812631674395958),
            (200.0, 20.0, 0.2037, 0.005, 0.00020015901124671828),
            (1100.0, 60.0, 0.9575500000000001, 0.9, 0.7692307692307692),
            (0.0, 20.0, 0.0, 0.0, 0.0),
            (500.0, 35.0, 0.4815, 0.76, 0.7299892499034332),
            (950.0, 50.0, 0.862125, 0.8, 0.76801312132566),
        ];
        for (g, tc, dc, pdc, ac) in REF {
            let got = pvwatts_dc_mw(g, tc, 1.0, -0.0037);
            assert!((got - dc).abs() < 1e-12, "{g} {tc}: {got}");
            let got = pvwatts_inverter_mw(pdc, (1.0 / 1.3) / 0.96, 0.96, PVWATTS_ETA_INV_REF);
            assert!((got - ac).abs() < 1e-12, "{pdc}: {got}");
        }
    }

    // tests/reference/pvlib_solar.py, block "pvwatts_chain_matches_pvlib": clear-sky weather
    // (pvlib Ineichen, Linke turbidity 3) and pvlib's PVWatts chain at Dakhla.
    const GHI_03: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        35.37222896958827,
        253.223752657223,
        495.4487723572968,
        701.4433460945045,
        852.9873083965103,
        938.6332165908194,
        952.1802510661265,
        892.6664034044454,
        764.3888475261408,
        576.8491811900967,
        345.2871603793974,
        98.92705755051486,
        1.4902897622720952,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const DNI_03: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        195.14264686479515,
        635.1744648030156,
        800.4597830359094,
        872.771357986361,
        908.3724060623489,
        924.4099485826521,
        926.733995706612,
        916.106455326183,
        888.8765496426009,
        833.4668303064219,
        714.7487134468597,
        393.7999109927722,
        14.084769852432531,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const DHI_03: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        17.21294410722481,
        56.22789216570092,
        77.30217829816218,
        91.13214505959547,
        100.29635172697067,
        105.2456850580785,
        106.0166950567783,
        102.60632253727022,
        95.01324084426244,
        83.02453882991227,
        65.26852727832505,
        33.89236145397085,
        1.1871549242664223,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const POA_FIXED_03: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        38.526852598621645,
        276.9388385509688,
        542.7604465606295,
        765.7515312064069,
        930.4690999252675,
        1023.2312014355745,
        1037.7822067261382,
        973.2159885449819,
        833.760348030751,
        629.3825207838378,
        377.23967480557263,
        107.16622778991162,
        1.1828546418418355,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const AC_FIXED_03: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.017899925835739967,
        0.19638171372286745,
        0.4174507277431975,
        0.5932562140248917,
        0.7153217098695918,
        0.7692307692307692,
        0.7692307692307692,
        0.7459872265252728,
        0.6444240789392528,
        0.48723395083507853,
        0.2802739809294932,
        0.06283925162751057,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const POA_TRACK_BT_03: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        81.62215874045243,
        661.0515904908841,
        901.3083218655471,
        948.3658600521051,
        961.4991095176649,
        958.9583987213819,
        957.3370353878794,
        961.7163832323342,
        956.9443495513256,
        920.3519315644885,
        809.5953309527185,
        244.716562250687,
        1.906299350933514,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const AC_TRACK_BT_03: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.05329373697374471,
        0.5193854996483852,
        0.69521191685627,
        0.7284919725003742,
        0.7374755690565958,
        0.73578996006926,
        0.7347100371592645,
        0.7376217935359818,
        0.7344177779008482,
        0.7089066706324513,
        0.629472229500815,
        0.1860964845203092,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const POA_TRACK_NOBT_03: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        119.3640572954295,
        662.5604793921485,
        901.3083218655471,
        948.3658600521051,
        961.4991095176649,
        958.9583987213819,
        957.3370353878794,
        961.7163832323342,
        956.9443495513256,
        920.3519315644885,
        809.5953309527185,
        272.0676217035318,
        6.664281452256883,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const AC_TRACK_NOBT_03: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.09302764554446828,
        0.5210046226125341,
        0.69521191685627,
        0.7284919725003742,
        0.7374755690565958,
        0.73578996006926,
        0.7347100371592645,
        0.7376217935359818,
        0.7344177779008482,
        0.7089066706324513,
        0.629472229500815,
        0.21729370582508797,
        0.0007348796015349509,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    // 2025-12-21
    const GHI_12: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        2.0156201133597507,
        91.46739294396227,
        294.76015762180214,
        473.1337774417288,
        601.9380534069453,
        669.997692992997,
        672.013036663581,
        607.8308327775513,
        482.43409839957746,
        306.57897241188965,
        103.2974192567109,
        3.2220348781112955,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const DNI_12: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        18.062452993157414,
        375.4829124309529,
        674.6386761413177,
        790.066089368048,
        842.3311363149016,
        863.880802267166,
        864.4692202462729,
        844.3358526105632,
        794.4777636429883,
        684.7160495656782,
        404.086993945724,
        26.80691521571515,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const DHI_12: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        1.5680915043353547,
        32.33697681900726,
        60.5307736689297,
        75.65435864904595,
        84.71191185410294,
        89.14509228841212,
        89.27350785145666,
        85.10375747614637,
        76.34585188450302,
        61.682310555218095,
        34.77008120454809,
        2.399917268778132,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const POA_FIXED_12: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        3.537720114452929,
        166.49569579424005,
        433.5237705660618,
        646.9283273420539,
        790.9466535679868,
        868.3972246686127,
        870.6829323255263,
        797.6747434113636,
        657.8147749881765,
        448.02971416025315,
        183.77296640219114,
        5.806669144067561,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const AC_FIXED_12: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.11660405022505861,
        0.3326164942045692,
        0.5031798646856669,
        0.613478928530029,
        0.6707872024108477,
        0.6724588151237859,
        0.6185089633479092,
        0.5116535060337667,
        0.3444282463988313,
        0.1301007326524465,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const POA_TRACK_BT_12: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        2.7377888704063365,
        225.27994420257798,
        641.4116047859807,
        703.5824121644915,
        697.9292096058324,
        684.7000949289647,
        683.977276836309,
        697.2444372825184,
        704.5616011782841,
        649.0089916720285,
        256.60664861273153,
        4.8050079163286865,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const AC_TRACK_BT_12: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.17000177917027767,
        0.5031508332621475,
        0.5474782439847696,
        0.5413548199966958,
        0.5303578670890124,
        0.5297920151217546,
        0.5407398683334426,
        0.5480736628967066,
        0.5087419523338818,
        0.19599784218175556,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const POA_TRACK_NOBT_12: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        8.219532956309234,
        246.27382917804889,
        641.4116047859807,
        703.5824121644915,
        697.9292096058324,
        684.7000949289647,
        683.977276836309,
        697.2444372825184,
        704.5616011782841,
        649.0089916720285,
        275.2206343481154,
        12.800181755530344,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];
    const AC_TRACK_NOBT_12: [f64; 24] = [
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.002007049803720073,
        0.19623115359129312,
        0.5031508332621475,
        0.5474782439847696,
        0.5413548199966958,
        0.5303578670890124,
        0.5297920151217546,
        0.5407398683334426,
        0.5480736628967066,
        0.5087419523338818,
        0.2194888140385014,
        0.005756349785372898,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
    ];

    /// The whole chain for a fixed plant (tilt 20, south, rows of gcr 0.4), a backtracking and a
    /// non-backtracking tracker (N-S axis, +-60 deg, gcr 0.35), with row-to-row shading and the
    /// cover IAM on beam, sky and ground light, against pvlib on two clear days
    /// at Dakhla (equinox and December solstice), with the sun from `sun_series`. The sunrise
    /// and sunset hours differ most (pvlib's SPA sunrise vs our root of the elevation, about a
    /// second apart): about 1e-5 MW/MWdc there, 1e-6 of the daily energy.
    #[test]
    fn pvwatts_chain_matches_pvlib() {
        let base = PvSystemParams {
            mounting: PvMounting::Fixed {
                tilt_deg: 20.0,
                azimuth_deg: 180.0,
                gcr: 0.4,
            },
            dc_ac_ratio: 1.3,
            losses_pct: 14.08,
            gamma_pdc_per_c: -0.0037,
            inverter_eff_pct: 96.0,
            albedo: 0.2,
            transposition: Transposition::Perez1990,
            faiman_u0: 25.0,
            faiman_u1: 6.84,
        };
        let tracker = |backtrack| PvMounting::SingleAxis {
            axis_azimuth_deg: 180.0,
            max_angle_deg: 60.0,
            gcr: 0.35,
            backtrack,
        };
        #[allow(clippy::type_complexity)]
        let days: [(
            i64,
            [&[f64; 24]; 3],
            [(PvMounting, &[f64; 24], &[f64; 24]); 3],
        ); 2] = [
            (
                1_742_428_800, // 2025-03-20T00:00:00Z
                [&GHI_03, &DNI_03, &DHI_03],
                [
                    (base.mounting, &POA_FIXED_03, &AC_FIXED_03),
                    (tracker(true), &POA_TRACK_BT_03, &AC_TRACK_BT_03),
                    (tracker(false), &POA_TRACK_NOBT_03, &AC_TRACK_NOBT_03),
                ],
            ),
            (
                1_766_275_200, // 2025-12-21T00:00:00Z
                [&GHI_12, &DNI_12, &DHI_12],
                [
                    (base.mounting, &POA_FIXED_12, &AC_FIXED_12),
                    (tracker(true), &POA_TRACK_BT_12, &AC_TRACK_BT_12),
                    (tracker(false), &POA_TRACK_NOBT_12, &AC_TRACK_NOBT_12),
                ],
            ),
        ];
        for (start, [ghi, dni, dhi], plants) in days {
            let sun = sun_series(start, 3600, 24, 23.7, -15.9, 10.0);
            let temp = [24.0; 24];
            let wind = [4.0; 24];
            for (mounting, poa_ref, ac_ref) in plants {
                let params = PvSystemParams { mounting, ..base };
                let out = pvwatts_series_per_mwdc(ghi, dni, dhi, &temp, &wind, &sun, &params);
                let ac = pvwatts_ac_mw_per_mwdc(ghi, dni, dhi, &temp, &wind, &sun, &params);
                assert_eq!(ac, out.ac_mw_per_mwdc);
                for h in 0..24 {
                    let case = format!("{start} {mounting:?} hour {h}");
                    assert!((out.poa_global_w_m2[h] - poa_ref[h]).abs() < 0.05, "{case}");
                    assert!(
                        (ac[h] - ac_ref[h]).abs() < 1e-4,
                        "{case}: {} vs {}",
                        ac[h],
                        ac_ref[h]
                    );
                }
                let (day, day_ref) = (ac.iter().sum::<f64>(), ac_ref.iter().sum::<f64>());
                assert!(
                    (day / day_ref - 1.0).abs() < 1e-4,
                    "{start} {mounting:?}: {day} vs {day_ref}"
                );
            }
        }
    }

    /// pvlib `shading.shaded_fraction1d` for fixed rows (axis along the rows, azimuth - 90,
    /// rotation = tilt); tests/reference/pvlib_solar.py, block
    /// "fixed_row_shading_matches_pvlib". A single row (gcr 0) is never shaded.
    #[test]
    fn fixed_row_shading_matches_pvlib() {
        // (zenith, sun_az, tilt, surface_az, gcr, shaded)
        const REF: [(f64, f64, f64, f64, f64, f64); 6] = [
            (60.0, 180.0, 22.0, 180.0, 0.4, 0.0),
            (80.0, 180.0, 30.0, 180.0, 0.6, 0.5497523208544437),
            (85.0, 160.0, 22.0, 180.0, 0.4, 0.495024405265565),
            (75.0, 200.0, 25.0, 180.0, 0.5, 0.16262698173626178),
            (88.0, 180.0, 10.0, 180.0, 0.3, 0.440475640318987),
            (70.0, 140.0, 40.0, 200.0, 0.7, 0.13370911002559738),
        ];
        for (zen, az, tilt, saz, gcr, shaded) in REF {
            let s = sun_vector(zen, az);
            let n = sun_vector(tilt, saz);
            let cos_aoi = n[0] * s[0] + n[1] * s[1] + n[2] * s[2];
            let got = fixed_row_shaded_fraction(cos_aoi, s[2], &RowGeometry::new(gcr));
            assert!(
                (got - shaded).abs() < 1e-12,
                "{zen} {az}: {got} vs {shaded}"
            );
            let single = fixed_row_shaded_fraction(cos_aoi, s[2], &RowGeometry::new(0.0));
            assert_eq!(single, 0.0);
        }
    }

    /// Speed of one plant-year (8760 hourly steps) for a fixed and a tracking plant with row
    /// shading; target under 1 ms in release:
    /// `cargo test --release --lib model::pv -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, run in release"]
    fn timing_one_year() {
        let n = 8760;
        let sun = sun_series(1_861_920_000, 3600, n, 23.7, -15.9, 10.0);
        let ghi: Vec<f64> = (0..n).map(|i| 600.0 + (i % 7) as f64).collect();
        let dni: Vec<f64> = (0..n).map(|i| 700.0 + (i % 5) as f64).collect();
        let dhi: Vec<f64> = (0..n).map(|i| 100.0 + (i % 3) as f64).collect();
        let (temp, wind) = (vec![25.0; n], vec![4.0; n]);
        for mounting in [
            PvMounting::Fixed {
                tilt_deg: 22.0,
                azimuth_deg: 180.0,
                gcr: 0.4,
            },
            PvMounting::SingleAxis {
                axis_azimuth_deg: 180.0,
                max_angle_deg: 55.0,
                gcr: 0.35,
                backtrack: true,
            },
        ] {
            let params = PvSystemParams {
                mounting,
                dc_ac_ratio: 1.3,
                losses_pct: 14.08,
                gamma_pdc_per_c: -0.0037,
                inverter_eff_pct: 96.0,
                albedo: 0.3,
                transposition: Transposition::Perez1990,
                faiman_u0: 25.0,
                faiman_u1: 6.84,
            };
            let runs = 200;
            let start = std::time::Instant::now();
            let mut total = 0.0;
            for _ in 0..runs {
                total += pvwatts_ac_mw_per_mwdc(&ghi, &dni, &dhi, &temp, &wind, &sun, &params)
                    .iter()
                    .sum::<f64>();
            }
            let per_year = start.elapsed() / runs;
            println!("{mounting:?}, 8760 steps: {per_year:?} per year ({total:.0})");
        }
    }

    /// The trackers' tabulated diffuse IAMs stay close to the exact ones.
    #[test]
    fn diffuse_iam_table_is_close() {
        let glass = IamPhysical::new(
            PVWATTS_GLASS_REFRACTIVE_INDEX,
            PVWATTS_GLASS_EXTINCTION_PER_M,
            PVWATTS_GLASS_THICKNESS_M,
        );
        for k in 0..=1800 {
            let tilt = k as f64 * 0.1 + 0.013;
            let c = libm::cos(tilt.to_radians());
            let (s0, g0) = diffuse_iams(&glass, c);
            let (s1, g1) = diffuse_iams_tabulated(c);
            assert!((s0 - s1).abs() < 5e-5 && (g0 - g1).abs() < 5e-5, "{tilt}");
        }
    }

    /// Night, odd weather and odd parameters give finite, non-negative power.
    #[test]
    fn finite_for_any_finite_input() {
        let sun = sun_series(1_742_428_800, 3600, 24, 23.7, -15.9, 10.0);
        let n = 24;
        let weird = [1e9, -50.0, 0.0, f64::NAN, 3000.0, -1e9];
        let col = |k: usize| -> Vec<f64> { (0..n).map(|i| weird[(i + k) % weird.len()]).collect() };
        for mounting in [
            PvMounting::Fixed {
                tilt_deg: 95.0,
                azimuth_deg: -30.0,
                gcr: 0.0,
            },
            PvMounting::Fixed {
                tilt_deg: 35.0,
                azimuth_deg: 170.0,
                gcr: 3.0,
            },
            PvMounting::Fixed {
                tilt_deg: 120.0,
                azimuth_deg: 10.0,
                gcr: 0.5,
            },
            PvMounting::SingleAxis {
                axis_azimuth_deg: 0.0,
                max_angle_deg: 1e6,
                gcr: 0.0,
                backtrack: true,
            },
            PvMounting::SingleAxis {
                axis_azimuth_deg: 45.0,
                max_angle_deg: 60.0,
                gcr: 5.0,
                backtrack: false,
            },
        ] {
            for (dc_ac_ratio, losses_pct, inverter_eff_pct) in
                [(0.0, 100.0, 0.0), (-1.0, -20.0, 150.0), (1.3, 14.08, 96.0)]
            {
                let params = PvSystemParams {
                    mounting,
                    dc_ac_ratio,
                    losses_pct,
                    gamma_pdc_per_c: -0.0037,
                    inverter_eff_pct,
                    albedo: 5.0,
                    transposition: Transposition::Perez1990,
                    faiman_u0: 0.0,
                    faiman_u1: 0.0,
                };
                let ac = pvwatts_ac_mw_per_mwdc(
                    &col(0),
                    &col(1),
                    &col(2),
                    &col(3),
                    &col(4),
                    &sun,
                    &params,
                );
                assert_eq!(ac.len(), n);
                assert!(
                    ac.iter().all(|v| v.is_finite() && *v >= 0.0),
                    "{params:?}: {ac:?}"
                );
            }
        }
        let params = PvSystemParams {
            mounting: PvMounting::Fixed {
                tilt_deg: 20.0,
                azimuth_deg: 180.0,
                gcr: 0.0,
            },
            dc_ac_ratio: 1.3,
            losses_pct: 14.08,
            gamma_pdc_per_c: -0.0037,
            inverter_eff_pct: 96.0,
            albedo: 0.2,
            transposition: Transposition::Isotropic,
            faiman_u0: 25.0,
            faiman_u1: 6.84,
        };
        // Shorter weather than sun: as many steps as the shortest input.
        let ac = pvwatts_ac_mw_per_mwdc(
            &[500.0; 5],
            &[800.0; 5],
            &[100.0; 5],
            &[20.0; 5],
            &[1.0; 5],
            &sun,
            &params,
        );
        assert_eq!(ac.len(), 5);
    }
}
