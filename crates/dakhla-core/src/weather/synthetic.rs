//! The built-in seeded synthetic weather year: hourly GHI/DNI/DHI, temperature, wind,
//! pressure and humidity whose monthly statistics reproduce a site's climate (for Dakhla:
//! `assets/dakhla_climate.ron`, compiled into the binary).
//!
//! # Model
//! * **Sun and clear sky**: sun positions at mid-step from [`crate::model::sun::sun_series`];
//!   clear-sky irradiance from the Ineichen-Perez model with the monthly Linke turbidity
//!   (smoothly interpolated between mid-months).
//! * **Clearness**: each local solar day gets a clear-sky index `1 - D`, where the deficit `D`
//!   is exponential (mostly clear days, a tail of hazy, dusty or cloudy ones; floored at
//!   `clearness_min`) and is driven by a day-to-day Gaussian AR(1) process mapped through the
//!   normal CDF; hour-to-hour fluctuations proportional to the day's deficit are added (AR(1)).
//!   GHI = clear-sky GHI x index, never above 1.05 x clear sky (so never above the
//!   extraterrestrial irradiance). DNI and DHI come from GHI with Erbs et al. (1982), so
//!   `GHI = DNI cos(zenith) + DHI` holds every hour.
//! * **Temperature**: daily minimum at sunrise and maximum at `temp_max_hour_solar`, joined by
//!   half-cosines; the monthly normals are interpolated smoothly between mid-months, plus a
//!   day-to-day AR(1) anomaly (interpolated between local noons so there are no jumps).
//! * **Wind**: an hourly Gaussian AR(1) process plus a deterministic diurnal component, mapped
//!   through the normal CDF to the month's Weibull distribution (seasonal means interpolated
//!   between mid-months).
//! * **Pressure**: standard atmosphere at the site elevation plus a small daily AR(1) anomaly.
//! * **Humidity**: the dew point is each local day's lowest temperature less 2 C (the FAO-56
//!   estimate for arid climates, Allen et al. 1998, ch. 3 eq. 48 and Annex 6; see
//!   [`crate::weather::estimated_relative_humidity_pct`]), so the relative humidity is highest
//!   at dawn and lowest in the afternoon. Assumption, for want of a published monthly humidity
//!   series for Dakhla station: checked against what regional climatologies show (about 72 %
//!   in October at Dakhla, meteoatlas.pl; 74 % a year at Laayoune, weatherandclimate.com); the
//!   test pins the yearly mean between 65 and 80 %.
//! * **Moment matching**: the monthly mean GHI, mean wind speed and mean daily minimum and
//!   maximum temperature of the generated year are brought onto the statistics (GHI by
//!   scaling each hour's distance to the 1.05 x clear-sky ceiling; wind and temperature by
//!   adjusting the interpolation control points, so the seasonal curves stay smooth).
//!
//! Daily minimum and maximum temperatures are taken over *local days*: UTC shifted by the
//! whole number of hours nearest to `longitude / 15`, complete days only (see
//! [`local_day_offset_h`]).
//!
//! # Determinism
//! Every random number comes from a PCG-64 generator (`rand_pcg::Pcg64`, Lcg128Xsl64) seeded
//! from `seed`, one stream per process (daily clearness, hourly clearness, temperature, wind,
//! pressure), so that changing one process does not reshuffle the others. All transcendental
//! functions are `libm`'s, never the platform's. The sun positions come from
//! `model::sun`; they are bit-identical across machines only if that module uses `libm` too.

use std::f64::consts::{PI, SQRT_2};
use std::sync::OnceLock;

use rand_core::Rng;
use rand_pcg::Pcg64;
use serde::{Deserialize, Serialize};

use crate::model::clearsky::{
    absolute_airmass, ineichen_perez_clearsky, relative_airmass_kasten_young_1989,
    standard_pressure_pa,
};
use crate::model::decomposition::erbs;
use crate::model::sun::{SunSeries, sun_series};
use crate::weather::{Weather, civil_from_days, days_from_civil, is_leap_year};

/// Monthly climate statistics that drive the synthetic year. Monthly arrays start in January.
///
/// The figures and their sources for Dakhla are in `assets/dakhla_climate.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClimateStats {
    /// Short site name used in the weather's `source` text.
    pub site: String,
    /// Monthly mean daily global horizontal irradiation [kWh/m2/day].
    pub ghi_kwh_m2_day: [f64; 12],
    /// Monthly Linke turbidity at air mass 2 [-].
    pub linke_turbidity: [f64; 12],
    /// Monthly mean daily minimum air temperature [C].
    pub temp_min_c: [f64; 12],
    /// Monthly mean daily maximum air temperature [C].
    pub temp_max_c: [f64; 12],
    /// Local solar time of the daily maximum temperature [h].
    pub temp_max_hour_solar: f64,
    /// Standard deviation of the day-to-day temperature anomaly [C].
    pub temp_anomaly_std_c: f64,
    /// Lag-1 (day) autocorrelation of the temperature anomaly [-].
    pub temp_anomaly_persistence: f64,
    /// Monthly mean wind speed at `wind_height_m` [m/s].
    pub wind_mean_m_s: [f64; 12],
    /// Monthly Weibull shape parameter of hourly wind speeds [-].
    pub wind_weibull_k: [f64; 12],
    /// Height above ground of the wind statistics [m].
    pub wind_height_m: f64,
    /// Relative amplitude of the diurnal cycle of the mean wind speed [-] (0.15 = +-15 %).
    pub wind_diurnal_amplitude_frac: f64,
    /// Local solar time of the diurnal wind maximum [h].
    pub wind_diurnal_peak_hour_solar: f64,
    /// Lag-1 (hour) autocorrelation of the Gaussian process behind the wind speed [-].
    pub wind_hourly_autocorrelation: f64,
    /// Lag-1 (day) autocorrelation of the Gaussian process behind the daily clearness [-].
    pub clearness_daily_persistence: f64,
    /// Lowest daily clear-sky index [-].
    pub clearness_min: f64,
    /// Standard deviation of hourly clear-sky index fluctuations relative to the day's
    /// deficit (1 - daily index) [-].
    pub clearness_hourly_variability: f64,
    /// Lag-1 (hour) autocorrelation of the hourly clearness fluctuations [-].
    pub clearness_hourly_autocorrelation: f64,
    /// Standard deviation of the daily station pressure anomaly [Pa].
    pub pressure_anomaly_std_pa: f64,
    /// Lag-1 (day) autocorrelation of the pressure anomaly [-].
    pub pressure_anomaly_persistence: f64,
}

impl ClimateStats {
    /// Check the statistics; the error lists every problem in a planner's words, naming the
    /// field (and month) at fault.
    pub fn validate(&self) -> Result<(), String> {
        let mut problems = Vec::new();
        let month_name = |m: usize| MONTH_NAMES[m];
        for m in 0..12 {
            let checks = [
                ("ghi_kwh_m2_day", self.ghi_kwh_m2_day[m], 0.0, 12.0),
                ("linke_turbidity", self.linke_turbidity[m], 1.0, 10.0),
                ("temp_min_c", self.temp_min_c[m], -60.0, 50.0),
                ("temp_max_c", self.temp_max_c[m], -50.0, 60.0),
                ("wind_mean_m_s", self.wind_mean_m_s[m], 0.1, 30.0),
                ("wind_weibull_k", self.wind_weibull_k[m], 1.0, 10.0),
            ];
            for (name, value, lo, hi) in checks {
                if !(lo..=hi).contains(&value) {
                    problems.push(format!(
                        "{name}[{m}] ({}): {value} is outside {lo}..{hi}",
                        month_name(m)
                    ));
                }
            }
            if self.temp_min_c[m] >= self.temp_max_c[m] {
                problems.push(format!(
                    "temp_min_c[{m}] ({}): the mean daily minimum {} C is not below the maximum {} C",
                    month_name(m),
                    self.temp_min_c[m],
                    self.temp_max_c[m]
                ));
            }
        }
        let scalars = [
            ("temp_max_hour_solar", self.temp_max_hour_solar, 10.0, 18.0),
            ("temp_anomaly_std_c", self.temp_anomaly_std_c, 0.0, 10.0),
            (
                "temp_anomaly_persistence",
                self.temp_anomaly_persistence,
                0.0,
                0.99,
            ),
            ("wind_height_m", self.wind_height_m, 1.0, 300.0),
            (
                "wind_diurnal_amplitude_frac",
                self.wind_diurnal_amplitude_frac,
                0.0,
                0.5,
            ),
            (
                "wind_diurnal_peak_hour_solar",
                self.wind_diurnal_peak_hour_solar,
                0.0,
                24.0,
            ),
            (
                "wind_hourly_autocorrelation",
                self.wind_hourly_autocorrelation,
                0.0,
                0.999,
            ),
            (
                "clearness_daily_persistence",
                self.clearness_daily_persistence,
                0.0,
                0.99,
            ),
            ("clearness_min", self.clearness_min, 0.01, 0.9),
            (
                "clearness_hourly_variability",
                self.clearness_hourly_variability,
                0.0,
                2.0,
            ),
            (
                "clearness_hourly_autocorrelation",
                self.clearness_hourly_autocorrelation,
                0.0,
                0.99,
            ),
            (
                "pressure_anomaly_std_pa",
                self.pressure_anomaly_std_pa,
                0.0,
                5000.0,
            ),
            (
                "pressure_anomaly_persistence",
                self.pressure_anomaly_persistence,
                0.0,
                0.99,
            ),
        ];
        for (name, value, lo, hi) in scalars {
            if !(lo..=hi).contains(&value) {
                problems.push(format!("{name}: {value} is outside {lo}..{hi}"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }
}

use super::MONTH_NAMES;

/// Parse climate statistics from RON text (the format of `assets/dakhla_climate.ron`) and
/// validate them. The error says where and what is wrong.
pub fn parse_climate_stats(text: &str) -> Result<ClimateStats, String> {
    let stats: ClimateStats = ron::from_str(text).map_err(|e| e.to_string())?;
    stats.validate()?;
    Ok(stats)
}

/// The built-in Dakhla climate statistics (`assets/dakhla_climate.ron`, compiled into the
/// binary), parsed once.
pub fn dakhla_climate() -> &'static ClimateStats {
    static STATS: OnceLock<ClimateStats> = OnceLock::new();
    STATS.get_or_init(|| {
        // The asset is a constant of the build, not user input; the unit tests parse it.
        #[allow(clippy::expect_used)]
        parse_climate_stats(include_str!("../../../../assets/dakhla_climate.ron"))
            .expect("assets/dakhla_climate.ron is valid (checked by the unit tests)")
    })
}

/// Hours added to UTC to get the *local day* used for daily minimum/maximum temperature
/// statistics: the whole number of hours nearest to `longitude_deg / 15` (-1 h at Dakhla).
pub fn local_day_offset_h(longitude_deg: f64) -> i64 {
    libm::round(longitude_deg / 15.0) as i64
}

/// Generate an hourly synthetic weather year from climate statistics.
///
/// Steps are hourly from `year`-01-01T00:00 UTC: 8760 (8784 in leap years). The same `stats`,
/// `seed`, `year` and site give the same values, bit for bit. Wind is at
/// `stats.wind_height_m`; `source` reads e.g. "synthetic Dakhla climate, seed 7, year 2027".
///
/// * `latitude_deg`, `longitude_deg`: site [deg], north and east positive.
/// * `elevation_m`: site elevation above sea level [m].
///
/// The sun positions (usually the largest cost) are computed here with
/// [`crate::model::sun::sun_series`]; use [`generate_synthetic_year_with_sun`] to reuse a
/// cached series.
///
/// # References
/// See the module documentation; models: Ineichen & Perez (2002) clear sky, Erbs et al. (1982)
/// decomposition, Weibull wind speeds through a Gaussian copula (e.g. Brown, Katz & Murphy
/// 1984, "Time series models to simulate and forecast wind speed and wind power", J. Climate
/// Appl. Meteor. 23, 1184-1195).
pub fn generate_synthetic_year(
    stats: &ClimateStats,
    seed: u64,
    year: i32,
    latitude_deg: f64,
    longitude_deg: f64,
    elevation_m: f64,
) -> Weather {
    let start_unix_s = year_start_unix_s(year);
    let n = hours_in_year(year);
    let sun = sun_series(
        start_unix_s,
        3600,
        n,
        latitude_deg,
        longitude_deg,
        elevation_m,
    );
    generate_synthetic_year_with_sun(
        stats,
        seed,
        year,
        latitude_deg,
        longitude_deg,
        elevation_m,
        &sun,
    )
}

/// [`generate_synthetic_year`] with precomputed sun positions: `sun` must hold the hourly
/// series from `year`-01-01T00:00 UTC for this site (as `sun_series(start, 3600, n, ...)`).
/// If it is shorter than the year, the missing hours are treated as night.
pub fn generate_synthetic_year_with_sun(
    stats: &ClimateStats,
    seed: u64,
    year: i32,
    latitude_deg: f64,
    longitude_deg: f64,
    elevation_m: f64,
    sun: &SunSeries,
) -> Weather {
    let cal = Calendar::new(year, longitude_deg);
    let n = cal.n_hours;
    let mut rngs = Streams::new(seed);

    // --- Solar time of every hour and day geometry -------------------------------------
    let solar = SolarClock::new(&cal, latitude_deg, longitude_deg, stats.temp_max_hour_solar);

    // --- Irradiance -------------------------------------------------------------------
    let irradiance = generate_irradiance(stats, &cal, &solar, sun, elevation_m, &mut rngs);

    // --- Temperature, wind, pressure --------------------------------------------------
    let temp_air_c = generate_temperature(stats, &cal, &solar, &mut rngs.temperature);
    let wind_speed_m_s = generate_wind(stats, &cal, &solar, &mut rngs.wind);
    let pressure_pa = generate_pressure(stats, &cal, &solar, elevation_m, &mut rngs.pressure);
    // Humidity follows the temperature (no random stream of its own, so the other processes
    // stay as they were): the dew point is each local day's lowest temperature (FAO-56, see
    // `estimated_relative_humidity_pct`).
    let relative_humidity_pct = synthetic_relative_humidity_pct(&cal, &temp_air_c);

    debug_assert_eq!(irradiance.ghi.len(), n);
    Weather {
        file_sha256: None,
        start_unix_s: cal.start_unix_s,
        step_s: 3600,
        ghi_w_m2: irradiance.ghi,
        dni_w_m2: irradiance.dni,
        dhi_w_m2: irradiance.dhi,
        temp_air_c,
        wind_speed_m_s,
        pressure_pa,
        relative_humidity_pct,
        wind_height_m: stats.wind_height_m,
        source: format!("synthetic {} climate, seed {seed}, year {year}", stats.site),
    }
}

/// FAO-56's dew-point depression below the daily minimum for arid and semi-arid climates
/// (Allen et al. 1998, Annex 6: 2 to 3 C; Dakhla is Köppen BWh) [C]. With 2 C the synthetic
/// Dakhla year's relative humidity averages about 72 %, the October figure regional
/// climatologies give for Dakhla (meteoatlas.pl) and near Laayoune's 74 % a year
/// (weatherandclimate.com); with 0 it would be 82 %.
const SYNTHETIC_DEW_POINT_DEPRESSION_C: f64 = 2.0;

/// Relative humidity [%] of the synthetic year: the dew point is the lowest temperature of
/// each local day less [`SYNTHETIC_DEW_POINT_DEPRESSION_C`], the FAO-56 estimate
/// ([`crate::weather::estimated_relative_humidity_pct`], with local days instead of blocks
/// from the first hour).
fn synthetic_relative_humidity_pct(cal: &Calendar, temp_air_c: &[f64]) -> Vec<f64> {
    let day = |i: usize| (i as i64 + cal.local_offset_h).div_euclid(24);
    let first = day(0);
    let mut lowest: Vec<f64> = Vec::new();
    for (i, &t) in temp_air_c.iter().enumerate() {
        let d = (day(i) - first) as usize;
        if d >= lowest.len() {
            lowest.resize(d + 1, f64::INFINITY);
        }
        lowest[d] = lowest[d].min(t);
    }
    temp_air_c
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let dew = (lowest[(day(i) - first) as usize] - SYNTHETIC_DEW_POINT_DEPRESSION_C).min(t);
            crate::model::psychrometrics::relative_humidity_from_dew_point_pct(t, dew)
                .clamp(0.0, 100.0)
        })
        .collect()
}

// ======================================================================================
// Calendar and solar clock
// ======================================================================================

fn year_start_unix_s(year: i32) -> i64 {
    days_from_civil(year as i64, 1, 1) * 86_400
}

fn hours_in_year(year: i32) -> usize {
    if is_leap_year(year as i64) {
        8784
    } else {
        8760
    }
}

/// Month lengths, mid-month positions and the month of every hour of one year.
struct Calendar {
    start_unix_s: i64,
    n_days: usize,
    n_hours: usize,
    /// Month (0..12) of each hour, by UTC date.
    month_of_hour: Vec<u8>,
    /// Days in each month.
    days_in_month: [f64; 12],
    /// Mid-month positions [days since Jan 1 00:00].
    mid_month_day: [f64; 12],
    /// Hours added to UTC for local days (temperature statistics).
    local_offset_h: i64,
}

impl Calendar {
    fn new(year: i32, longitude_deg: f64) -> Self {
        let start_days = days_from_civil(year as i64, 1, 1);
        let n_hours = hours_in_year(year);
        let n_days = n_hours / 24;
        let mut days_in_month = [0.0; 12];
        let mut month_of_hour = Vec::with_capacity(n_hours);
        for d in 0..n_days as i64 {
            let (_, m, _) = civil_from_days(start_days + d);
            let mi = (m as usize).saturating_sub(1).min(11);
            days_in_month[mi] += 1.0;
            month_of_hour.extend(std::iter::repeat_n(mi as u8, 24));
        }
        let mut mid_month_day = [0.0; 12];
        let mut cum = 0.0;
        for m in 0..12 {
            mid_month_day[m] = cum + days_in_month[m] / 2.0;
            cum += days_in_month[m];
        }
        Calendar {
            start_unix_s: start_days * 86_400,
            n_days,
            n_hours,
            month_of_hour,
            days_in_month,
            mid_month_day,
            local_offset_h: local_day_offset_h(longitude_deg),
        }
    }

    /// Catmull-Rom interpolation weights between mid-month control points (cyclic over the
    /// year) at `day` days since Jan 1 00:00 (may lie slightly outside the year).
    fn seasonal_weights(&self, day: f64) -> SeasonalWeights {
        let n = self.n_days as f64;
        // Find segment (m, m+1) with mid(m) <= day < mid(m+1), cyclically.
        let mut m: i64 = -1;
        for k in 0..12 {
            if self.mid_month_day[k] <= day {
                m = k as i64;
            }
        }
        let (left, right) = if m < 0 {
            (self.mid_month_day[11] - n, self.mid_month_day[0])
        } else if m == 11 {
            (self.mid_month_day[11], self.mid_month_day[0] + n)
        } else {
            (
                self.mid_month_day[m as usize],
                self.mid_month_day[m as usize + 1],
            )
        };
        let t = ((day - left) / (right - left)).clamp(0.0, 1.0);
        let idx = |k: i64| k.rem_euclid(12) as usize;
        let t2 = t * t;
        let t3 = t2 * t;
        SeasonalWeights {
            idx: [idx(m - 1), idx(m), idx(m + 1), idx(m + 2)],
            w: [
                0.5 * (-t3 + 2.0 * t2 - t),
                0.5 * (3.0 * t3 - 5.0 * t2 + 2.0),
                0.5 * (-3.0 * t3 + 4.0 * t2 + t),
                0.5 * (t3 - t2),
            ],
        }
    }

    /// Index of the local day (0-based from the year's first local day that starts inside the
    /// series) of hour `i`, or `None` for hours of incomplete local days.
    fn local_day_of_hour(&self, i: usize) -> Option<usize> {
        let shifted = i as i64 + self.local_offset_h;
        // Local day j covers shifted hours [24 j, 24 j + 24); it is complete when all of its
        // hours lie in 0..n_hours.
        let j = shifted.div_euclid(24);
        let first = 24 * j - self.local_offset_h;
        let last = first + 23;
        if first < 0 || last >= self.n_hours as i64 {
            return None;
        }
        Some(j as usize)
    }
}

#[derive(Clone, Copy)]
struct SeasonalWeights {
    idx: [usize; 4],
    w: [f64; 4],
}

impl SeasonalWeights {
    fn apply(&self, control: &[f64; 12]) -> f64 {
        self.w[0] * control[self.idx[0]]
            + self.w[1] * control[self.idx[1]]
            + self.w[2] * control[self.idx[2]]
            + self.w[3] * control[self.idx[3]]
    }
}

/// Local solar time of each hour and sunrise of each solar day.
struct SolarClock {
    /// Solar day index of each hour (offset by `DAY_OFFSET`).
    day_of_hour: Vec<usize>,
    /// Local solar time of the middle of each hour [h], 0..24.
    hour_solar: Vec<f64>,
    /// Sunrise of each solar day [h solar time], index offset by `DAY_OFFSET`.
    sunrise_h: Vec<f64>,
    /// Hour of the daily temperature maximum [h solar time].
    temp_max_h: f64,
    /// Number of solar days stored (with margins).
    n_days: usize,
}

/// Solar days are stored from day -DAY_OFFSET (before Jan 1) on.
const DAY_OFFSET: usize = 2;

impl SolarClock {
    fn new(cal: &Calendar, latitude_deg: f64, longitude_deg: f64, temp_max_hour: f64) -> Self {
        let n_days = cal.n_days + 2 * DAY_OFFSET;
        let lat = latitude_deg.to_radians();
        let mut sunrise_h = Vec::with_capacity(n_days);
        let temp_max_h = temp_max_hour.clamp(10.0, 18.0);
        for k in 0..n_days {
            let day_of_year = k as f64 - DAY_OFFSET as f64 + 1.0;
            let decl = declination_rad(day_of_year);
            let cos_ws = (-libm::tan(lat) * libm::tan(decl)).clamp(-1.0, 1.0);
            let ws_h = libm::acos(cos_ws).to_degrees() / 15.0;
            // Keep at least 2 h between sunrise and the maximum (polar edge cases).
            sunrise_h.push((12.0 - ws_h).min(temp_max_h - 2.0));
        }
        let mut day_of_hour = Vec::with_capacity(cal.n_hours);
        let mut hour_solar = Vec::with_capacity(cal.n_hours);
        // Equation of time once per UTC day (it changes by under 30 s a day).
        let eot_h: Vec<f64> = (0..cal.n_days)
            .map(|d| equation_of_time_min(d as f64 + 1.5) / 60.0)
            .collect();
        for i in 0..cal.n_hours {
            let eot = eot_h.get(i / 24).copied().unwrap_or(0.0);
            let s = i as f64 + 0.5 + longitude_deg / 15.0 + eot;
            let d = libm::floor(s / 24.0);
            let k = (d as i64 + DAY_OFFSET as i64).clamp(1, n_days as i64 - 2) as usize;
            day_of_hour.push(k);
            hour_solar.push(s - 24.0 * d);
        }
        SolarClock {
            day_of_hour,
            hour_solar,
            sunrise_h,
            temp_max_h,
            n_days,
        }
    }

    /// Position in days since Jan 1 00:00 (solar) of hour `h` of stored solar day `k`.
    fn day_position(k: usize, h: f64) -> f64 {
        k as f64 - DAY_OFFSET as f64 + h / 24.0
    }
}

/// Solar declination [rad], Spencer (1971).
fn declination_rad(day_of_year: f64) -> f64 {
    let b = 2.0 * PI * (day_of_year - 1.0) / 365.0;
    0.006918 - 0.399912 * libm::cos(b) + 0.070257 * libm::sin(b) - 0.006758 * libm::cos(2.0 * b)
        + 0.000907 * libm::sin(2.0 * b)
        - 0.002697 * libm::cos(3.0 * b)
        + 0.00148 * libm::sin(3.0 * b)
}

/// Equation of time [min], Spencer (1971).
fn equation_of_time_min(day_of_year: f64) -> f64 {
    let b = 2.0 * PI * (day_of_year - 1.0) / 365.0;
    229.18
        * (0.000075 + 0.001868 * libm::cos(b)
            - 0.032077 * libm::sin(b)
            - 0.014615 * libm::cos(2.0 * b)
            - 0.040849 * libm::sin(2.0 * b))
}

// ======================================================================================
// Random streams
// ======================================================================================

/// One PCG-64 generator per process, each seeded from (seed, stream id).
struct Streams {
    clearness_daily: Gauss,
    clearness_hourly: Gauss,
    temperature: Gauss,
    wind: Gauss,
    pressure: Gauss,
}

impl Streams {
    fn new(seed: u64) -> Self {
        Streams {
            clearness_daily: Gauss::new(seed, 1),
            clearness_hourly: Gauss::new(seed, 2),
            temperature: Gauss::new(seed, 3),
            wind: Gauss::new(seed, 4),
            pressure: Gauss::new(seed, 5),
        }
    }
}

/// Year-to-year variability of the climate, for multi-year runs (P50/P90). A single synthetic
/// year reproduces the monthly statistics of the asset (the climatology); a *weather year* of a
/// multi-year run first draws its own monthly means around them:
/// mean_m = climatology_m x (1 + a + e_m) for GHI and wind, + (a + e_m) for temperatures, with an
/// annual anomaly a and independent monthly anomalies e_m, both Gaussian.
///
/// The spreads are assumptions from the literature for arid and trade-wind sites, not Dakhla
/// measurements: GHI year-to-year about 2-4 % (Gueymard & Wilcox 2011, Solar Energy 85,
/// "Assessment of spatial and temporal variability in the US solar resource"); annual mean wind
/// about 4-6 % (Pryor, Shepherd & Barthelmie 2018, "Interannual variability of wind climates and
/// wind turbine annual energy production", Wind Energy Science 3); temperature about 0.5 C.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InterannualSpread {
    pub ghi_annual_frac: f64,
    pub ghi_monthly_frac: f64,
    pub wind_annual_frac: f64,
    pub wind_monthly_frac: f64,
    pub temp_annual_c: f64,
    pub temp_monthly_c: f64,
}

/// The spreads used for Dakhla (see [`InterannualSpread`]).
pub const DAKHLA_INTERANNUAL: InterannualSpread = InterannualSpread {
    ghi_annual_frac: 0.025,
    ghi_monthly_frac: 0.04,
    wind_annual_frac: 0.05,
    wind_monthly_frac: 0.08,
    temp_annual_c: 0.4,
    temp_monthly_c: 0.6,
};

/// The monthly statistics of one weather year drawn around the climatology (deterministic per
/// `seed`; its own random stream, so the hourly weather of the year is unchanged in kind).
pub fn climate_of_year(
    stats: &ClimateStats,
    seed: u64,
    spread: &InterannualSpread,
) -> ClimateStats {
    let mut g = Gauss::new(seed, 0x1A7E_A11A);
    let mut out = stats.clone();
    let ga = g.normal() * spread.ghi_annual_frac;
    let wa = g.normal() * spread.wind_annual_frac;
    let ta = g.normal() * spread.temp_annual_c;
    for m in 0..12 {
        let gm = (1.0 + ga + g.normal() * spread.ghi_monthly_frac).clamp(0.7, 1.3);
        let wm = (1.0 + wa + g.normal() * spread.wind_monthly_frac).clamp(0.5, 1.5);
        let tm = ta + g.normal() * spread.temp_monthly_c;
        out.ghi_kwh_m2_day[m] = stats.ghi_kwh_m2_day[m] * gm;
        out.wind_mean_m_s[m] = stats.wind_mean_m_s[m] * wm;
        out.temp_min_c[m] = stats.temp_min_c[m] + tm;
        out.temp_max_c[m] = stats.temp_max_c[m] + tm;
    }
    out
}

/// SplitMix64 step (Steele, Lea & Flood 2014), used only to spread seeds.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The PCG-64 generator of `(seed, stream)`: state and increment spread from both by SplitMix64,
/// so that neighbouring seeds and streams give unrelated sequences. The synthetic weather and
/// the reliability Monte Carlo (one stream per draw) both draw from it.
pub(crate) fn pcg64_for(seed: u64, stream: u64) -> Pcg64 {
    let a = splitmix64(seed ^ splitmix64(stream));
    let b = splitmix64(a ^ 0x5851_F42D_4C95_7F2D);
    let c = splitmix64(stream.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let state = ((a as u128) << 64) | b as u128;
    let increment = ((c as u128) << 64) | stream as u128;
    Pcg64::new(state, increment)
}

/// Standard normal numbers from a PCG-64 stream (Box-Muller with libm).
struct Gauss {
    rng: Pcg64,
    spare: Option<f64>,
}

impl Gauss {
    fn new(seed: u64, stream: u64) -> Self {
        Gauss {
            rng: pcg64_for(seed, stream),
            spare: None,
        }
    }

    /// Uniform in the open interval (0, 1).
    fn uniform(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let u1 = self.uniform();
        let u2 = self.uniform();
        let r = libm::sqrt(-2.0 * libm::log(u1));
        let theta = 2.0 * PI * u2;
        self.spare = Some(r * libm::sin(theta));
        r * libm::cos(theta)
    }

    /// `n` values of a stationary Gaussian AR(1) process with unit variance and lag-1
    /// correlation `rho`.
    fn ar1(&mut self, n: usize, rho: f64) -> Vec<f64> {
        let rho = rho.clamp(0.0, 0.999);
        let innovation = libm::sqrt(1.0 - rho * rho);
        let mut out = Vec::with_capacity(n);
        let mut x = self.normal();
        for _ in 0..n {
            out.push(x);
            x = rho * x + innovation * self.normal();
        }
        out
    }
}

/// Standard normal CDF.
fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / SQRT_2)
}

/// `-ln(1 - Phi(z))`, accurate in both tails: the unit-exponential quantile of a normal score.
fn exponential_score(z: f64) -> f64 {
    if z < 0.0 {
        -libm::log1p(-normal_cdf(z))
    } else {
        -libm::log(0.5 * libm::erfc(z / SQRT_2))
    }
}

// ======================================================================================
// Irradiance
// ======================================================================================

struct Irradiance {
    ghi: Vec<f64>,
    dni: Vec<f64>,
    dhi: Vec<f64>,
}

/// Ceiling of the hourly clear-sky index: mild over-irradiance on days clearer than the
/// monthly turbidity climatology, and well below the extraterrestrial irradiance
/// (Ineichen GHI <= 0.87 x extraterrestrial at sea level).
const CLEAR_SKY_INDEX_MAX: f64 = 1.05;

fn generate_irradiance(
    stats: &ClimateStats,
    cal: &Calendar,
    solar: &SolarClock,
    sun: &SunSeries,
    elevation_m: f64,
    rngs: &mut Streams,
) -> Irradiance {
    let n = cal.n_hours;
    let pressure_pa = standard_pressure_pa(elevation_m);

    // Clear sky, hour by hour.
    let mut clear = vec![0.0; n];
    for (i, cs) in clear.iter_mut().enumerate() {
        let (Some(&zen), Some(&extra)) =
            (sun.apparent_zenith_deg.get(i), sun.dni_extra_w_m2.get(i))
        else {
            continue;
        };
        if zen.is_nan() || zen >= 90.0 {
            continue;
        }
        let day = i as f64 / 24.0;
        let tl = cal
            .seasonal_weights(day)
            .apply(&stats.linke_turbidity)
            .max(1.0);
        let am = absolute_airmass(relative_airmass_kasten_young_1989(zen), pressure_pa);
        let g = ineichen_perez_clearsky(zen, am, tl, elevation_m, extra).ghi_w_m2;
        *cs = if g.is_finite() { g.max(0.0) } else { 0.0 };
    }

    // Monthly clear-sky sums and targets [Wh/m2].
    let mut clear_month = [0.0; 12];
    for (i, cs) in clear.iter().enumerate() {
        clear_month[cal.month_of_hour[i] as usize] += cs;
    }
    let target_month: [f64; 12] =
        std::array::from_fn(|m| stats.ghi_kwh_m2_day[m].max(0.0) * 1000.0 * cal.days_in_month[m]);
    // Mean daily deficit (1 - clear-sky index) per month.
    let mean_deficit: [f64; 12] = std::array::from_fn(|m| {
        if clear_month[m] > 0.0 {
            (1.0 - target_month[m] / clear_month[m]).clamp(0.005, 0.85)
        } else {
            0.1
        }
    });

    // Daily clear-sky index: exponential deficit driven by a Gaussian AR(1) over solar days.
    let kc_min = stats.clearness_min.clamp(0.01, 0.9);
    let daily_scores = rngs
        .clearness_daily
        .ar1(solar.n_days, stats.clearness_daily_persistence);
    let kc_day: Vec<f64> = daily_scores
        .iter()
        .enumerate()
        .map(|(k, &z)| {
            let day = (k as f64 - DAY_OFFSET as f64).clamp(0.0, cal.n_days as f64 - 1.0);
            let month = cal.month_of_hour[(day as usize * 24).min(n - 1)] as usize;
            (1.0 - mean_deficit[month] * exponential_score(z)).max(kc_min)
        })
        .collect();

    // Hourly fluctuations proportional to the day's deficit.
    let hourly = rngs
        .clearness_hourly
        .ar1(n, stats.clearness_hourly_autocorrelation);
    let sigma = stats.clearness_hourly_variability.clamp(0.0, 2.0);
    let kc_floor = 0.5 * kc_min;
    let mut kc: Vec<f64> = (0..n)
        .map(|i| {
            let d = kc_day[solar.day_of_hour[i]];
            (d + sigma * (1.0 - d) * hourly[i]).clamp(kc_floor, CLEAR_SKY_INDEX_MAX)
        })
        .collect();

    // Moment matching: per month, move every hour's index towards or away from the ceiling by
    // a common factor a: kc' = max - a (max - kc). Linear in a, so one solve is exact unless the
    // floor clips; a few passes settle the clipped hours.
    for _ in 0..4 {
        let mut sum_gap = [0.0; 12]; // sum of clear * (max - kc)
        for i in 0..n {
            let m = cal.month_of_hour[i] as usize;
            sum_gap[m] += clear[i] * (CLEAR_SKY_INDEX_MAX - kc[i]);
        }
        let factor: [f64; 12] = std::array::from_fn(|m| {
            let ceiling = CLEAR_SKY_INDEX_MAX * clear_month[m];
            if sum_gap[m] > 0.0 {
                // ceiling - a * gap = target
                ((ceiling - target_month[m]) / sum_gap[m]).max(0.0)
            } else {
                1.0
            }
        });
        let mut done = true;
        for i in 0..n {
            let a = factor[cal.month_of_hour[i] as usize];
            let new = CLEAR_SKY_INDEX_MAX - a * (CLEAR_SKY_INDEX_MAX - kc[i]);
            if new < kc_floor {
                done = false;
            }
            kc[i] = new.clamp(kc_floor, CLEAR_SKY_INDEX_MAX);
        }
        if done {
            break;
        }
    }

    // GHI and its split.
    let mut ghi = vec![0.0; n];
    let mut dni = vec![0.0; n];
    let mut dhi = vec![0.0; n];
    for i in 0..n {
        let g = clear[i] * kc[i];
        if g <= 0.0 {
            continue;
        }
        let zen = sun.zenith_deg.get(i).copied().unwrap_or(90.0);
        let extra = sun.dni_extra_w_m2.get(i).copied().unwrap_or(1361.0);
        let split = erbs(g, zen, extra);
        ghi[i] = g;
        dni[i] = split.dni_w_m2;
        dhi[i] = split.dhi_w_m2;
    }
    Irradiance { ghi, dni, dhi }
}

// ======================================================================================
// Temperature
// ======================================================================================

/// How an hour's temperature is made from the daily extremes:
/// `T = tmin[min_day] + w * (tmax[max_day] - tmin[min_day])`.
#[derive(Clone, Copy)]
struct DiurnalShape {
    min_day: usize,
    max_day: usize,
    w: f64,
}

fn diurnal_shapes(solar: &SolarClock) -> Vec<DiurnalShape> {
    let hx = solar.temp_max_h;
    solar
        .day_of_hour
        .iter()
        .zip(&solar.hour_solar)
        .map(|(&k, &h)| {
            let sr = solar.sunrise_h[k];
            if h < sr {
                // Night before sunrise: falling from yesterday's maximum to today's minimum.
                let start = hx - 24.0;
                let len = sr - start;
                let w = 0.5 * (1.0 + libm::cos(PI * (h - start) / len));
                DiurnalShape {
                    min_day: k,
                    max_day: k - 1,
                    w,
                }
            } else if h < hx {
                let w = 0.5 * (1.0 - libm::cos(PI * (h - sr) / (hx - sr)));
                DiurnalShape {
                    min_day: k,
                    max_day: k,
                    w,
                }
            } else {
                let end = solar.sunrise_h[k + 1] + 24.0;
                let w = 0.5 * (1.0 + libm::cos(PI * (h - hx) / (end - hx)));
                DiurnalShape {
                    min_day: k + 1,
                    max_day: k,
                    w,
                }
            }
        })
        .collect()
}

/// Daily AR(1) anomaly interpolated linearly between solar noons, hour by hour.
fn interpolate_daily(solar: &SolarClock, daily: &[f64]) -> Vec<f64> {
    solar
        .day_of_hour
        .iter()
        .zip(&solar.hour_solar)
        .map(|(&k, &h)| {
            if h < 12.0 {
                let f = (h + 12.0) / 24.0;
                daily[k - 1] + f * (daily[k] - daily[k - 1])
            } else {
                let f = (h - 12.0) / 24.0;
                daily[k] + f * (daily[k + 1] - daily[k])
            }
        })
        .collect()
}

fn generate_temperature(
    stats: &ClimateStats,
    cal: &Calendar,
    solar: &SolarClock,
    rng: &mut Gauss,
) -> Vec<f64> {
    let n = cal.n_hours;
    let std_c = stats.temp_anomaly_std_c.clamp(0.0, 10.0);
    let anomaly: Vec<f64> = rng
        .ar1(solar.n_days, stats.temp_anomaly_persistence)
        .into_iter()
        .map(|z| std_c * z)
        .collect();
    // Seasonal positions of each day's minimum (sunrise) and maximum.
    let w_min: Vec<SeasonalWeights> = (0..solar.n_days)
        .map(|k| cal.seasonal_weights(SolarClock::day_position(k, solar.sunrise_h[k])))
        .collect();
    let w_max: Vec<SeasonalWeights> = (0..solar.n_days)
        .map(|k| cal.seasonal_weights(SolarClock::day_position(k, solar.temp_max_h)))
        .collect();
    let anomaly_at = |k: usize, h: f64| {
        // Same interpolation between solar noons as the hourly anomaly.
        let (a, b, f) = if h < 12.0 {
            (k.saturating_sub(1), k, (h + 12.0) / 24.0)
        } else {
            (k, (k + 1).min(solar.n_days - 1), (h - 12.0) / 24.0)
        };
        anomaly[a] + f * (anomaly[b] - anomaly[a])
    };
    let anomaly_min: Vec<f64> = (0..solar.n_days)
        .map(|k| anomaly_at(k, solar.sunrise_h[k]))
        .collect();
    let anomaly_max: Vec<f64> = (0..solar.n_days)
        .map(|k| anomaly_at(k, solar.temp_max_h))
        .collect();
    let shapes = diurnal_shapes(solar);

    let mut control_min = stats.temp_min_c;
    let mut control_max = stats.temp_max_c;
    let mut temp = vec![0.0; n];
    let mut tmin = vec![0.0; solar.n_days];
    let mut tmax = vec![0.0; solar.n_days];
    for iteration in 0..=TEMPERATURE_ITERATIONS {
        for k in 0..solar.n_days {
            tmin[k] = w_min[k].apply(&control_min) + anomaly_min[k];
            tmax[k] = w_max[k].apply(&control_max) + anomaly_max[k];
        }
        for (t, s) in temp.iter_mut().zip(&shapes) {
            let lo = tmin[s.min_day];
            *t = lo + s.w * (tmax[s.max_day] - lo);
        }
        if iteration == TEMPERATURE_ITERATIONS {
            break;
        }
        let (mean_min, mean_max) = monthly_mean_daily_min_max(cal, &temp);
        for m in 0..12 {
            if mean_min[m].is_finite() && mean_max[m].is_finite() {
                control_min[m] += stats.temp_min_c[m] - mean_min[m];
                control_max[m] += stats.temp_max_c[m] - mean_max[m];
            }
        }
    }
    temp
}

const TEMPERATURE_ITERATIONS: usize = 10;

/// Monthly means of the daily minimum and maximum of an hourly series over complete local
/// days (see [`Calendar::local_day_of_hour`]); a local day belongs to the month of its first
/// hour's local date. NaN for a month without a complete day.
fn monthly_mean_daily_min_max(cal: &Calendar, temp: &[f64]) -> ([f64; 12], [f64; 12]) {
    let mut sum_min = [0.0; 12];
    let mut sum_max = [0.0; 12];
    let mut count = [0.0; 12];
    let mut i = 0;
    while i < cal.n_hours {
        let Some(_) = cal.local_day_of_hour(i) else {
            i += 1;
            continue;
        };
        let day = &temp[i..(i + 24).min(temp.len())];
        let lo = day.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = day.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // Month of the local date of this day.
        let local_start_s = cal.start_unix_s + (i as i64 + cal.local_offset_h) * 3600;
        let (_, month, _) = civil_from_days(local_start_s.div_euclid(86_400));
        let m = (month as usize).saturating_sub(1).min(11);
        sum_min[m] += lo;
        sum_max[m] += hi;
        count[m] += 1.0;
        i += 24;
    }
    (
        std::array::from_fn(|m| sum_min[m] / count[m]),
        std::array::from_fn(|m| sum_max[m] / count[m]),
    )
}

// ======================================================================================
// Wind
// ======================================================================================

/// `E[Z v(Z)] / E[v(Z)]` for `v = F^-1_Weibull(Phi(Z))`, Z standard normal: by Stein's lemma the
/// mean change of `v` per unit shift of Z, relative to the mean. Depends on the shape `k` only.
fn weibull_normal_slope(k: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    // Trapezoid rule; the integrands are smooth and negligible beyond |z| = 7.
    let steps = 400;
    let (lo, hi) = (-7.0, 7.0);
    let dz = (hi - lo) / steps as f64;
    for j in 0..=steps {
        let z = lo + j as f64 * dz;
        let pdf = libm::exp(-0.5 * z * z);
        let v = libm::pow(exponential_score(z), 1.0 / k);
        num += z * v * pdf;
        den += v * pdf;
    }
    num / den
}

fn generate_wind(
    stats: &ClimateStats,
    cal: &Calendar,
    solar: &SolarClock,
    rng: &mut Gauss,
) -> Vec<f64> {
    let n = cal.n_hours;
    let noise = rng.ar1(n, stats.wind_hourly_autocorrelation);
    let k_month: [f64; 12] = std::array::from_fn(|m| stats.wind_weibull_k[m].clamp(1.0, 10.0));
    // Weight of the diurnal component in the Gaussian score, per month, so that the mean speed
    // swings by +-amplitude.
    let amplitude = stats.wind_diurnal_amplitude_frac.clamp(0.0, 0.5);
    let mut diurnal_weight = [0.0; 12];
    for m in 0..12 {
        // Months with the same shape share the (costly) quadrature.
        diurnal_weight[m] = match (0..m).find(|&j| k_month[j] == k_month[m]) {
            Some(j) => diurnal_weight[j],
            None => (amplitude / (SQRT_2 * weibull_normal_slope(k_month[m]))).clamp(0.0, 0.9),
        };
    }
    let constant_k = k_month.iter().all(|&k| k == k_month[0]);
    let constant_gamma = libm::tgamma(1.0 + 1.0 / k_month[0]);
    let peak = stats.wind_diurnal_peak_hour_solar;

    // Unit-mean speed of each hour: Weibull quantile of the score divided by the Weibull mean.
    let weights: Vec<SeasonalWeights> = (0..n)
        .map(|i| cal.seasonal_weights((i as f64 + 0.5) / 24.0))
        .collect();
    let unit: Vec<f64> = (0..n)
        .map(|i| {
            let (k, gamma) = if constant_k {
                (k_month[0], constant_gamma)
            } else {
                let k = weights[i].apply(&k_month).clamp(1.0, 10.0);
                (k, libm::tgamma(1.0 + 1.0 / k))
            };
            let a = diurnal_weight[cal.month_of_hour[i] as usize];
            let d = SQRT_2 * libm::cos(2.0 * PI * (solar.hour_solar[i] - peak) / 24.0);
            let z = a * d + libm::sqrt(1.0 - a * a) * noise[i];
            // exp(ln(x)/k) = x^(1/k), cheaper than libm's extra-precise pow.
            libm::exp(libm::log(exponential_score(z)) / k) / gamma
        })
        .collect();

    // Smooth seasonal mean from control points, adjusted until each month's mean matches.
    let target: [f64; 12] = std::array::from_fn(|m| stats.wind_mean_m_s[m].max(0.0));
    let mut control = target;
    let mut speed = vec![0.0; n];
    for iteration in 0..=WIND_ITERATIONS {
        for i in 0..n {
            speed[i] = weights[i].apply(&control).max(0.0) * unit[i];
        }
        let mut sum = [0.0; 12];
        let mut count = [0.0; 12];
        for (v, &m) in speed.iter().zip(&cal.month_of_hour) {
            let m = m as usize;
            sum[m] += v;
            count[m] += 1.0;
        }
        let ratio: [f64; 12] = std::array::from_fn(|m| {
            let mean = sum[m] / count[m];
            if mean > 0.0 { target[m] / mean } else { 1.0 }
        });
        if iteration == WIND_ITERATIONS {
            // Final exact touch (the remaining error is far below 0.1 %).
            for i in 0..n {
                speed[i] *= ratio[cal.month_of_hour[i] as usize];
            }
            break;
        }
        for m in 0..12 {
            control[m] *= ratio[m];
        }
    }
    speed
}

const WIND_ITERATIONS: usize = 10;

// ======================================================================================
// Pressure
// ======================================================================================

fn generate_pressure(
    stats: &ClimateStats,
    cal: &Calendar,
    solar: &SolarClock,
    elevation_m: f64,
    rng: &mut Gauss,
) -> Vec<f64> {
    let base = standard_pressure_pa(elevation_m);
    let std_pa = stats.pressure_anomaly_std_pa.clamp(0.0, 5000.0);
    let daily: Vec<f64> = rng
        .ar1(solar.n_days, stats.pressure_anomaly_persistence)
        .into_iter()
        .map(|z| std_pa * z)
        .collect();
    let hourly = interpolate_daily(solar, &daily);
    debug_assert_eq!(hourly.len(), cal.n_hours);
    hourly.into_iter().map(|a| base + a).collect()
}

#[cfg(test)]
mod interannual_tests {
    use super::*;

    #[test]
    fn weather_years_spread_around_the_climatology_and_repeat_per_seed() {
        let base = dakhla_climate();
        let years: Vec<ClimateStats> = (0..200)
            .map(|k| climate_of_year(base, k, &DAKHLA_INTERANNUAL))
            .collect();
        assert_eq!(climate_of_year(base, 7, &DAKHLA_INTERANNUAL), years[7]);
        let annual_ghi = |c: &ClimateStats| c.ghi_kwh_m2_day.iter().sum::<f64>();
        let base_ghi = annual_ghi(base);
        let ratios: Vec<f64> = years
            .iter()
            .map(|c| annual_ghi(c) / base_ghi - 1.0)
            .collect();
        let mean = ratios.iter().sum::<f64>() / ratios.len() as f64;
        let sd =
            (ratios.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / ratios.len() as f64).sqrt();
        // Annual spread: sqrt(0.025^2 + 0.04^2 / 12) = 0.0279.
        assert!(mean.abs() < 0.01, "{mean}");
        assert!((sd - 0.0279).abs() < 0.006, "{sd}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clearsky::extraterrestrial_normal_w_m2;

    const LAT: f64 = 23.7;
    const LON: f64 = -15.9;
    const ELEV: f64 = 10.0;

    /// Days per month of a year.
    fn month_days(year: i32) -> [f64; 12] {
        std::array::from_fn(|m| {
            f64::from(crate::calendar::days_in_month(
                i64::from(year),
                m as u32 + 1,
            ))
        })
    }

    /// Month (0..12) of each hour of a weather series, from its UTC time stamp.
    fn utc_month(w: &Weather, i: usize) -> usize {
        let (_, m, _) = civil_from_days(w.time_unix_s(i).div_euclid(86_400));
        m as usize - 1
    }

    fn monthly_means(w: &Weather, values: &[f64]) -> [f64; 12] {
        let mut sum = [0.0; 12];
        let mut count = [0.0; 12];
        for (i, v) in values.iter().enumerate() {
            let m = utc_month(w, i);
            sum[m] += v;
            count[m] += 1.0;
        }
        std::array::from_fn(|m| sum[m] / count[m])
    }

    /// Mean daily minimum and maximum per month over complete local days, local time being UTC
    /// plus the whole hours nearest to longitude/15 (written independently of the generator).
    fn monthly_daily_min_max(w: &Weather, longitude_deg: f64) -> ([f64; 12], [f64; 12]) {
        let offset_s = (longitude_deg / 15.0).round() as i64 * 3600;
        let mut days: std::collections::BTreeMap<i64, Vec<f64>> = Default::default();
        for (i, t) in w.temp_air_c.iter().enumerate() {
            let local_day = (w.time_unix_s(i) + offset_s).div_euclid(86_400);
            days.entry(local_day).or_default().push(*t);
        }
        let mut sums = [[0.0; 3]; 12];
        for (day, temps) in days {
            if temps.len() != 24 {
                continue;
            }
            let (_, m, _) = civil_from_days(day);
            let s = &mut sums[m as usize - 1];
            s[0] += temps.iter().copied().fold(f64::INFINITY, f64::min);
            s[1] += temps.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            s[2] += 1.0;
        }
        (
            std::array::from_fn(|m| sums[m][0] / sums[m][2]),
            std::array::from_fn(|m| sums[m][1] / sums[m][2]),
        )
    }

    fn lag1_autocorrelation(x: &[f64]) -> f64 {
        let n = x.len() as f64;
        let mean = x.iter().sum::<f64>() / n;
        let var: f64 = x.iter().map(|v| (v - mean) * (v - mean)).sum();
        let cov: f64 = x.windows(2).map(|p| (p[0] - mean) * (p[1] - mean)).sum();
        cov / var
    }

    /// Weibull shape from the coefficient of variation (method of moments, bisection).
    fn weibull_k_from_moments(x: &[f64]) -> f64 {
        let n = x.len() as f64;
        let mean = x.iter().sum::<f64>() / n;
        let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
        let cv = var.sqrt() / mean;
        let cv_of = |k: f64| {
            let g1 = libm::tgamma(1.0 + 1.0 / k);
            let g2 = libm::tgamma(1.0 + 2.0 / k);
            (g2 / (g1 * g1) - 1.0).sqrt()
        };
        let (mut lo, mut hi) = (0.5, 20.0);
        for _ in 0..100 {
            let mid = 0.5 * (lo + hi);
            if cv_of(mid) > cv { lo = mid } else { hi = mid }
        }
        0.5 * (lo + hi)
    }

    #[test]
    fn asset_parses_and_matches_domain_figures() {
        let s = dakhla_climate();
        assert_eq!(s.site, "Dakhla");
        assert!(s.validate().is_ok());
        // DOMAIN.md / Mendeley paper: annual mean GHI 5.54 kWh/m2/day, about 2,020 kWh/m2/yr.
        let days = month_days(2027);
        let annual_kwh: f64 = (0..12).map(|m| s.ghi_kwh_m2_day[m] * days[m]).sum();
        assert!(
            (annual_kwh / 365.0 - 5.54).abs() < 0.01,
            "{}",
            annual_kwh / 365.0
        );
        assert!((annual_kwh - 2020.0).abs() < 10.0);
        // Mendeley paper: 7.64 m/s at 10 m; Prospects paper: July 10.12 m/s, the windiest month.
        let annual_wind: f64 = (0..12).map(|m| s.wind_mean_m_s[m] * days[m]).sum::<f64>() / 365.0;
        assert!((annual_wind - 7.64).abs() < 0.02, "{annual_wind}");
        assert_eq!(s.wind_mean_m_s[6], 10.12);
        assert!(s.wind_mean_m_s.iter().all(|&v| v <= 10.12));
        assert_eq!(s.wind_height_m, 10.0);
        // climieviaggi.it 1991-2020 as quoted in DOMAIN.md.
        assert_eq!(
            s.temp_min_c,
            [
                15.0, 15.0, 16.0, 16.0, 17.0, 18.0, 19.0, 20.0, 20.0, 20.0, 18.0, 16.0
            ]
        );
        assert_eq!(
            s.temp_max_c,
            [
                22.0, 22.0, 23.0, 23.0, 23.0, 24.0, 25.0, 26.0, 27.0, 26.0, 25.0, 23.0
            ]
        );
    }

    #[test]
    fn parse_reports_bad_statistics() {
        let text = include_str!("../../../../assets/dakhla_climate.ron");
        assert!(parse_climate_stats(text).is_ok());
        let missing = text.replace("clearness_min: 0.15,", "");
        let err = parse_climate_stats(&missing).unwrap_err();
        assert!(err.contains("clearness_min"), "{err}");
        let swapped = text.replace("temp_min_c: (15.0, 15.0,", "temp_min_c: (25.0, 15.0,");
        let err = parse_climate_stats(&swapped).unwrap_err();
        assert!(err.contains("temp_min_c[0] (January)"), "{err}");
    }

    #[test]
    fn years_reproduce_the_monthly_statistics() {
        let stats = dakhla_climate();
        for (seed, year) in [(7, 2027), (1, 2028), (20_260_101, 2030), (99, 2024)] {
            let w = generate_synthetic_year(stats, seed, year, LAT, LON, ELEV);
            let expected_len = if is_leap_year(year as i64) {
                8784
            } else {
                8760
            };
            assert_eq!(w.len(), expected_len);
            assert_eq!(w.start_unix_s, days_from_civil(year as i64, 1, 1) * 86_400);
            assert_eq!(w.step_s, 3600);
            assert_eq!(w.wind_height_m, 10.0);
            assert_eq!(
                w.source,
                format!("synthetic Dakhla climate, seed {seed}, year {year}")
            );

            let ghi = monthly_means(&w, &w.ghi_w_m2);
            let wind = monthly_means(&w, &w.wind_speed_m_s);
            let (tmin, tmax) = monthly_daily_min_max(&w, LON);
            for m in 0..12 {
                let ghi_kwh_day = ghi[m] * 24.0 / 1000.0;
                let rel = ghi_kwh_day / stats.ghi_kwh_m2_day[m] - 1.0;
                assert!(
                    rel.abs() < 0.03,
                    "seed {seed} {year} month {m}: GHI {ghi_kwh_day}"
                );
                let rel = wind[m] / stats.wind_mean_m_s[m] - 1.0;
                assert!(
                    rel.abs() < 0.03,
                    "seed {seed} {year} month {m}: wind {}",
                    wind[m]
                );
                assert!(
                    (tmin[m] - stats.temp_min_c[m]).abs() < 0.5,
                    "seed {seed} {year} month {m}: daily min {}",
                    tmin[m]
                );
                assert!(
                    (tmax[m] - stats.temp_max_c[m]).abs() < 0.5,
                    "seed {seed} {year} month {m}: daily max {}",
                    tmax[m]
                );
            }
        }
    }

    #[test]
    fn same_seed_same_bytes_other_seed_differs() {
        let stats = dakhla_climate();
        let a = generate_synthetic_year(stats, 42, 2027, LAT, LON, ELEV);
        let b = generate_synthetic_year(stats, 42, 2027, LAT, LON, ELEV);
        let bits = |w: &Weather| -> Vec<u64> {
            [
                &w.ghi_w_m2,
                &w.dni_w_m2,
                &w.dhi_w_m2,
                &w.temp_air_c,
                &w.wind_speed_m_s,
                &w.pressure_pa,
            ]
            .iter()
            .flat_map(|v| v.iter().map(|x| x.to_bits()))
            .collect()
        };
        assert_eq!(bits(&a), bits(&b));
        let c = generate_synthetic_year(stats, 43, 2027, LAT, LON, ELEV);
        for (x, y) in [
            (&a.ghi_w_m2, &c.ghi_w_m2),
            (&a.temp_air_c, &c.temp_air_c),
            (&a.wind_speed_m_s, &c.wind_speed_m_s),
            (&a.pressure_pa, &c.pressure_pa),
        ] {
            let differing = x.iter().zip(y.iter()).filter(|(p, q)| p != q).count();
            assert!(differing > x.len() / 4, "only {differing} hours differ");
        }
    }

    #[test]
    fn processes_use_separate_streams() {
        // Changing the temperature statistics must not reshuffle wind or irradiance.
        let stats = dakhla_climate();
        let mut warmer = stats.clone();
        warmer.temp_anomaly_std_c = 2.0;
        warmer.temp_max_c[6] += 1.0;
        let a = generate_synthetic_year(stats, 5, 2027, LAT, LON, ELEV);
        let b = generate_synthetic_year(&warmer, 5, 2027, LAT, LON, ELEV);
        assert_eq!(a.wind_speed_m_s, b.wind_speed_m_s);
        assert_eq!(a.ghi_w_m2, b.ghi_w_m2);
        assert_eq!(a.pressure_pa, b.pressure_pa);
        assert_ne!(a.temp_air_c, b.temp_air_c);
    }

    #[test]
    fn irradiance_is_physical_every_hour() {
        let stats = dakhla_climate();
        for (seed, year) in [(3, 2027), (11, 2028)] {
            let w = generate_synthetic_year(stats, seed, year, LAT, LON, ELEV);
            let sun = sun_series(w.start_unix_s, 3600, w.len(), LAT, LON, ELEV);
            let lowest_tl = stats
                .linke_turbidity
                .iter()
                .copied()
                .fold(f64::INFINITY, f64::min);
            let p = standard_pressure_pa(ELEV);
            for i in 0..w.len() {
                let (g, b, d) = (w.ghi_w_m2[i], w.dni_w_m2[i], w.dhi_w_m2[i]);
                for v in [
                    g,
                    b,
                    d,
                    w.temp_air_c[i],
                    w.wind_speed_m_s[i],
                    w.pressure_pa[i],
                ] {
                    assert!(v.is_finite(), "hour {i}: {v}");
                }
                assert!(g >= 0.0 && b >= 0.0 && d >= 0.0, "hour {i}: {g} {b} {d}");
                let zen = sun.zenith_deg[i];
                let app = sun.apparent_zenith_deg[i];
                if app >= 90.0 {
                    assert_eq!(g, 0.0, "hour {i}: GHI at night");
                    continue;
                }
                // Closure: GHI = DNI cos(zenith) + DHI.
                let closure = b * zen.to_radians().cos() + d;
                assert!((closure - g).abs() < 1e-6, "hour {i}: {closure} vs {g}");
                // Never above the extraterrestrial irradiance; DNI below extraterrestrial normal.
                let extra = extraterrestrial_normal_w_m2(1.0 + i as f64 / 24.0);
                assert!(b <= extra, "hour {i}: DNI {b}");
                assert!(
                    g <= extra * app.to_radians().cos().max(0.0) + 1e-9,
                    "hour {i}: GHI {g}"
                );
                // At most 1.1 x the clearest Ineichen sky of the year.
                let am = absolute_airmass(relative_airmass_kasten_young_1989(app), p);
                let cs = ineichen_perez_clearsky(app, am, lowest_tl, ELEV, sun.dni_extra_w_m2[i]);
                assert!(
                    g <= 1.1 * cs.ghi_w_m2 + 1e-9,
                    "hour {i}: GHI {g} vs clear {}",
                    cs.ghi_w_m2
                );
            }
            assert!(w.wind_speed_m_s.iter().all(|&v| v >= 0.0));
        }
    }

    #[test]
    fn mostly_clear_days_with_some_hazy_or_cloudy_ones() {
        let stats = dakhla_climate();
        let w = generate_synthetic_year(stats, 8, 2027, LAT, LON, ELEV);
        let sun = sun_series(w.start_unix_s, 3600, w.len(), LAT, LON, ELEV);
        let p = standard_pressure_pa(ELEV);
        let (mut clear_days, mut dull_days) = (0, 0);
        for day in 0..365 {
            let (mut g, mut c) = (0.0, 0.0);
            for i in day * 24..day * 24 + 24 {
                let app = sun.apparent_zenith_deg[i];
                let am = absolute_airmass(relative_airmass_kasten_young_1989(app), p);
                let month = utc_month(&w, i);
                let tl = stats.linke_turbidity[month];
                c += ineichen_perez_clearsky(app, am, tl, ELEV, sun.dni_extra_w_m2[i])
                    .ghi_w_m2
                    .max(0.0);
                g += w.ghi_w_m2[i];
            }
            let index = g / c;
            if index > 0.85 {
                clear_days += 1;
            }
            if index < 0.6 {
                dull_days += 1;
            }
        }
        assert!(clear_days > 365 / 2, "{clear_days} clear days");
        assert!(
            (5..365 / 5).contains(&dull_days),
            "{dull_days} hazy/cloudy days"
        );
    }

    #[test]
    fn wind_is_persistent_weibull_and_peaks_in_the_afternoon() {
        let stats = dakhla_climate();
        for seed in [2, 17] {
            let w = generate_synthetic_year(stats, seed, 2027, LAT, LON, ELEV);
            let r = lag1_autocorrelation(&w.wind_speed_m_s);
            assert!(r > 0.8 && r < 0.99, "lag-1 autocorrelation {r}");
            let mut ks = Vec::new();
            for m in 0..12 {
                let month: Vec<f64> = (0..w.len())
                    .filter(|&i| utc_month(&w, i) == m)
                    .map(|i| w.wind_speed_m_s[i])
                    .collect();
                let k = weibull_k_from_moments(&month);
                // One month holds only ~40 independent samples (hourly correlation 0.9), so a
                // single month's fitted k scatters by about +-15 %; the 12-month mean is tight.
                assert!(
                    (k / stats.wind_weibull_k[m] - 1.0).abs() < 0.35,
                    "month {m}: k {k}"
                );
                ks.push(k);
            }
            let mean_k = ks.iter().sum::<f64>() / 12.0;
            let asset_k = stats.wind_weibull_k.iter().sum::<f64>() / 12.0;
            assert!(
                (mean_k / asset_k - 1.0).abs() < 0.1,
                "mean fitted k {mean_k}"
            );

            // Diurnal cycle: mean speed by UTC hour; solar time is about UTC - 1 h at Dakhla.
            let mut by_hour = [0.0; 24];
            for (i, v) in w.wind_speed_m_s.iter().enumerate() {
                by_hour[i % 24] += v / 365.0;
            }
            let peak_utc = (0..24)
                .max_by(|&a, &b| by_hour[a].total_cmp(&by_hour[b]))
                .unwrap_or(0) as f64;
            let peak_solar = peak_utc + 0.5 + LON / 15.0;
            assert!(
                (peak_solar - stats.wind_diurnal_peak_hour_solar).abs() <= 2.0,
                "{peak_solar}"
            );
            let mean = by_hour.iter().sum::<f64>() / 24.0;
            let swing = (by_hour.iter().copied().fold(0.0, f64::max) - mean) / mean;
            assert!(
                (swing - stats.wind_diurnal_amplitude_frac).abs() < 0.05,
                "diurnal swing {swing}"
            );
        }
    }

    #[test]
    fn temperature_peaks_mid_afternoon_and_bottoms_near_sunrise() {
        let stats = dakhla_climate();
        let w = generate_synthetic_year(stats, 4, 2027, LAT, LON, ELEV);
        let mut by_hour = [0.0; 24];
        for (i, t) in w.temp_air_c.iter().enumerate() {
            by_hour[i % 24] += t / 365.0;
        }
        let argmax = (0..24)
            .max_by(|&a, &b| by_hour[a].total_cmp(&by_hour[b]))
            .unwrap_or(0);
        let argmin = (0..24)
            .min_by(|&a, &b| by_hour[a].total_cmp(&by_hour[b]))
            .unwrap_or(0);
        let solar = |utc_h: usize| utc_h as f64 + 0.5 + LON / 15.0;
        assert!(
            (solar(argmax) - stats.temp_max_hour_solar).abs() <= 1.0,
            "max at {argmax} UTC"
        );
        // Sunrise at 23.7 N is between about 5.3 and 6.7 h solar time.
        assert!((5.0..=7.5).contains(&solar(argmin)), "min at {argmin} UTC");
        // Day-to-day steps stay small: no jumps at midnight.
        let max_step = w
            .temp_air_c
            .windows(2)
            .map(|p| (p[1] - p[0]).abs())
            .fold(0.0, f64::max);
        assert!(max_step < 3.0, "largest hourly step {max_step} C");
    }

    #[test]
    fn humidity_is_a_foggy_coast_s_and_follows_the_day() {
        let stats = dakhla_climate();
        let w = generate_synthetic_year(stats, 9, 2027, LAT, LON, ELEV);
        let rh = &w.relative_humidity_pct;
        assert_eq!(rh.len(), w.len());
        assert!(rh.iter().all(|v| (0.0..=100.0).contains(v)));
        let mean = rh.iter().sum::<f64>() / rh.len() as f64;
        let monthly = monthly_means(&w, rh);
        eprintln!("relative humidity: year {mean:.1} %, months {monthly:.1?}");
        // Regional climatologies: about 72 % in October at Dakhla, 74 % a year at Laayoune.
        assert!((65.0..=80.0).contains(&mean), "yearly mean {mean}");
        assert!(
            (60.0..=85.0).contains(&monthly[9]),
            "October {}",
            monthly[9]
        );
        // Most humid at dawn, driest in the afternoon.
        let at = |hour_utc: usize| {
            let v: Vec<f64> = rh.iter().skip(hour_utc).step_by(24).copied().collect();
            v.iter().sum::<f64>() / v.len() as f64
        };
        assert!(at(16) < at(6) - 10.0, "afternoon {} dawn {}", at(16), at(6));
        // The same weather every time for a seed: humidity follows the temperature only.
        let again = generate_synthetic_year(stats, 9, 2027, LAT, LON, ELEV);
        assert_eq!(&again.relative_humidity_pct, rh);
    }

    #[test]
    fn pressure_is_near_the_standard_atmosphere() {
        let stats = dakhla_climate();
        let w = generate_synthetic_year(stats, 9, 2027, LAT, LON, ELEV);
        let base = standard_pressure_pa(ELEV);
        let n = w.len() as f64;
        let mean = w.pressure_pa.iter().sum::<f64>() / n;
        let std = (w
            .pressure_pa
            .iter()
            .map(|p| (p - mean) * (p - mean))
            .sum::<f64>()
            / n)
            .sqrt();
        assert!(
            (mean - base).abs() < stats.pressure_anomaly_std_pa,
            "{mean}"
        );
        assert!(
            std > 0.3 * stats.pressure_anomaly_std_pa && std < 2.0 * stats.pressure_anomaly_std_pa
        );
    }

    /// Timing: `cargo test --release --lib weather::synthetic::tests::timing -- --ignored
    /// --nocapture`.
    #[test]
    #[ignore = "timing, run in release: cargo test --release --lib weather::synthetic -- --ignored --nocapture"]
    fn timing() {
        let stats = dakhla_climate();
        let runs = 20;
        let t0 = std::time::Instant::now();
        let mut sun = None;
        for _ in 0..runs {
            sun = Some(sun_series(
                year_start_unix_s(2027),
                3600,
                8760,
                LAT,
                LON,
                ELEV,
            ));
        }
        let t_sun = t0.elapsed().as_secs_f64() / runs as f64;
        let Some(sun) = sun else { return };
        let t1 = std::time::Instant::now();
        let mut total = 0.0;
        for seed in 0..runs {
            let w = generate_synthetic_year_with_sun(stats, seed, 2027, LAT, LON, ELEV, &sun);
            total += w.ghi_w_m2[4000];
        }
        let t_gen = t1.elapsed().as_secs_f64() / runs as f64;
        println!(
            "sun_series: {:.2} ms/year; generator without sun: {:.2} ms/year ({total})",
            t_sun * 1e3,
            t_gen * 1e3
        );
    }
}
