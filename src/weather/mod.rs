//! Weather series (hourly, UTC) and where they come from: the built-in seeded Dakhla climate
//! (`synthetic`) and EnergyPlus EPW files (`epw`).

pub mod epw;
pub mod synthetic;

/// One year (or any span) of weather at a fixed time step, values are means over each step.
///
/// Step `i` covers `[start_unix_s + i*step_s, start_unix_s + (i+1)*step_s)` in UTC.
#[derive(Clone, Debug, PartialEq)]
pub struct Weather {
    /// Start of the first step, seconds since 1970-01-01T00:00:00 UTC.
    pub start_unix_s: i64,
    /// Length of one step [s] (3600 for hourly data).
    pub step_s: i64,
    /// Global horizontal irradiance [W/m2].
    pub ghi_w_m2: Vec<f64>,
    /// Direct normal irradiance [W/m2].
    pub dni_w_m2: Vec<f64>,
    /// Diffuse horizontal irradiance [W/m2].
    pub dhi_w_m2: Vec<f64>,
    /// Dry-bulb air temperature at 2 m [C].
    pub temp_air_c: Vec<f64>,
    /// Wind speed at `wind_height_m` [m/s].
    pub wind_speed_m_s: Vec<f64>,
    /// Station pressure [Pa].
    pub pressure_pa: Vec<f64>,
    /// Height above ground of the wind speed measurement [m].
    pub wind_height_m: f64,
    /// Where the data come from, in words (e.g. "synthetic Dakhla climate, seed 7, year 2027").
    pub source: String,
}

impl Weather {
    /// Number of steps.
    pub fn len(&self) -> usize {
        self.ghi_w_m2.len()
    }

    /// True when there are no steps.
    pub fn is_empty(&self) -> bool {
        self.ghi_w_m2.is_empty()
    }

    /// Step length [h].
    pub fn step_h(&self) -> f64 {
        self.step_s as f64 / 3600.0
    }

    /// Start of step `i`, seconds since the Unix epoch (UTC).
    pub fn time_unix_s(&self, i: usize) -> i64 {
        self.start_unix_s + i as i64 * self.step_s
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Civil date (year, month 1..=12, day 1..=31) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// True for leap years of the Gregorian calendar.
pub fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Format a Unix time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_utc(unix_s: i64) -> String {
    let days = unix_s.div_euclid(86_400);
    let secs = unix_s.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in [-1000, 0, 11_017, 20_000, 30_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(format_utc(1_700_000_000), "2023-11-14T22:13:20Z");
    }
}
