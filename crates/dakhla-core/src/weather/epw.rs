//! EnergyPlus weather (EPW) files: the hourly typical-year files planners download for a site
//! (climate.onebuilding.org, EnergyPlus weather library, PVGIS, Meteonorm exports).
//!
//! Layout: 8 header lines (`LOCATION`, `DESIGN CONDITIONS`, `TYPICAL/EXTREME PERIODS`,
//! `GROUND TEMPERATURES`, `HOLIDAYS/DAYLIGHT SAVINGS`, `COMMENTS 1`, `COMMENTS 2`,
//! `DATA PERIODS`), then one row of 35 comma-separated fields per record: year, month, day,
//! hour (1-24), minute, data-source flags, then the values. We read dry-bulb temperature
//! (field 6, C), dew point (7, C), relative humidity (8, %), station pressure (9, Pa), global,
//! direct normal and diffuse horizontal irradiance (13, 14, 15, Wh/m2 over the hour = mean
//! W/m2) and wind speed (21, m/s at 10 m). Relative humidity missing in a row comes from its
//! dew point; where both are missing for longer than a gap is filled, the humidity is estimated
//! from the day's lowest temperature and the weather's source says so.
//!
//! # Time
//! Row `h` of a day is the interval *ending* at hour `h` local standard time (the header's
//! time zone, no daylight saving). The series is converted to UTC interval starts. Typical
//! years mix data from different years, so the rows are stamped with the caller's `year`:
//! * 8760 rows (no Feb 29) need a non-leap `year`; 8784 rows need a leap `year`. A mismatch
//!   is an error that says which year to choose. We do not drop or invent Feb 29, because
//!   either would shift or fabricate a day of data without the planner noticing.
//! * Rows must run in order from January 1 hour 1; the month, day and hour fields are checked.
//! * Sub-hourly files (`DATA PERIODS` with N records per hour, N dividing 60: 2, 4, 6, 12, 60
//!   give steps of 30, 15, 10, 5, 1 minutes) have N x 8760 (or 8784) rows, N with each value
//!   of the hour field.
//!   EnergyPlus writes the minute at the *end* of each interval (15, 30, 45, 60 for 15-minute
//!   data); some converters write the start (0, 15, 30, 45). The first row tells which; every
//!   row's minute is then checked. Either way record k of hour h covers minutes
//!   `[k, k+1) x 60/N` after `h-1` o'clock. For hourly files the minute field is ignored (0 and
//!   60 are both common).
//!
//! # Missing values
//! EPW missing-value codes (9999 for irradiance, 99.9 dry bulb, 999999 pressure, 999 wind) and
//! empty fields are filled by linear interpolation over gaps of up to 6 hours; longer gaps are
//! an error naming the variable and the lines. Gaps touching the start or end of the file are
//! bridged across the year boundary (a typical year repeats).
//!
//! # References
//! U.S. DOE, EnergyPlus "Auxiliary Programs", chapter "Weather Converter Program", section
//! "EnergyPlus Weather File (EPW) Data Dictionary" (field order, units, missing codes, valid
//! ranges).

use crate::text::{local_number, shorten, whole};
use dakhla_i18n::tr;
use std::path::Path;

use crate::weather::ranges::{self, Plausible};
use crate::weather::{
    Gap, Weather, WeatherError, check_line_lengths, check_weather_size, civil_from_days,
    days_from_civil, fill_gaps, is_leap_year,
};

/// The site described by an EPW file's `LOCATION` header line.
#[derive(Clone, Debug, PartialEq)]
pub struct EpwLocation {
    /// City or station name.
    pub city: String,
    /// Country code or name as written in the file.
    pub country: String,
    /// Latitude [deg], north positive.
    pub latitude_deg: f64,
    /// Longitude [deg], east positive.
    pub longitude_deg: f64,
    /// Time zone of the data: hours from UTC of local standard time [h].
    pub utc_offset_h: f64,
    /// Elevation above sea level [m].
    pub elevation_m: f64,
}

/// Number of EPW header lines before the data.
const HEADER_LINES: usize = 8;
/// Fields in an EPW data row.
const FIELDS_PER_ROW: usize = 35;
/// Longest gap filled by interpolation [h].
const MAX_GAP_H: usize = 6;

/// Read an EPW file and stamp its data with `year` (see the module documentation).
/// Wind speed is at 10 m (EPW convention).
pub fn read_epw(path: &Path, year: i32) -> Result<(Weather, EpwLocation), WeatherError> {
    let (text, file, sha) = super::read_text_lossy(path)?;
    let (mut w, loc) = parse_epw(&text, &file, year)?;
    w.file_sha256 = Some(sha);
    Ok((w, loc))
}

/// Parse the text of an EPW file; `file_name` is used in error messages and the weather's
/// `source`. Never panics.
pub fn parse_epw(
    text: &str,
    file_name: &str,
    year: i32,
) -> Result<(Weather, EpwLocation), WeatherError> {
    let err = |line: usize, message: String| WeatherError::Invalid {
        file: file_name.to_string(),
        line,
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_weather_size(file_name, text.len() as u64)?;
    check_line_lengths(file_name, text)?;
    // Lines are counted before any is stored, so that memory follows the rows a year has, not
    // the rows the file claims.
    let line_count = text.lines().count();
    let header: Vec<&str> = text.lines().take(HEADER_LINES).collect();

    if header.len() < HEADER_LINES {
        return Err(err(
            header.len().max(1),
            tr!(
                "engine-epw-too-few-header-lines",
                lines = header.len().to_string(),
                header = HEADER_LINES.to_string()
            ),
        ));
    }
    let location = parse_location(header[0]).map_err(|m| err(1, m))?;
    let records_per_hour =
        parse_data_periods(header[HEADER_LINES - 1]).map_err(|m| err(HEADER_LINES, m))?;

    // Data rows follow the header; trailing blank lines are ignored (line 8, DATA PERIODS, is
    // not blank, so they never reach the header).
    let trailing_blank = text
        .lines()
        .rev()
        .take_while(|l| l.trim().is_empty())
        .count();
    let n = line_count - HEADER_LINES - trailing_blank.min(line_count - HEADER_LINES);

    let rows_per_day = 24 * records_per_hour;
    let leap_file = n == 366 * rows_per_day;
    if n != 365 * rows_per_day && !leap_file {
        let (line, what) = if n < 365 * rows_per_day {
            (
                line_count.max(HEADER_LINES + 1),
                tr!("engine-epw-ends-early"),
            )
        } else {
            (
                HEADER_LINES + 365 * rows_per_day + 1,
                tr!("engine-epw-past-one-year"),
            )
        };
        return Err(err(
            line,
            tr!(
                "engine-epw-row-count",
                what = what,
                rows = whole(n as u64),
                year_rows = whole(365 * rows_per_day as u64),
                leap_rows = whole(366 * rows_per_day as u64)
            ),
        ));
    }
    let leap_year = is_leap_year(year as i64);
    if leap_file && !leap_year {
        return Err(err(
            HEADER_LINES + 1,
            tr!(
                "engine-epw-leap-file",
                rows = whole(n as u64),
                year = year.to_string(),
                example = next_year_matching(year, true).to_string()
            ),
        ));
    }
    if !leap_file && leap_year {
        return Err(err(
            HEADER_LINES + 1,
            tr!(
                "engine-epw-leap-year",
                rows = whole(n as u64),
                year = year.to_string(),
                example = next_year_matching(year, false).to_string(),
                leap_rows = whole(366 * rows_per_day as u64)
            ),
        ));
    }

    // Data rows with their 1-based line numbers (at most a leap year of 1-minute rows).
    let data: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .skip(HEADER_LINES)
        .take(n)
        .map(|(i, l)| (i + 1, l))
        .collect();

    let start_day = days_from_civil(year as i64, 1, 1);
    let step_min = 60 / records_per_hour;
    // Minute of record k (0-based) within its hour, by the convention of the first row.
    let minute_convention: Option<fn(usize, usize) -> usize> = if records_per_hour == 1 {
        None
    } else {
        let first = data
            .first()
            .and_then(|(_, l)| l.split(',').nth(4))
            .unwrap_or("");
        match parse_int(first) {
            Some(m) if m == step_min as i64 => Some(|k, step| (k + 1) * step),
            Some(0) => Some(|k, step| k * step),
            _ => {
                return Err(err(
                    HEADER_LINES + 1,
                    tr!(
                        "engine-epw-first-minute",
                        found = shorten(first.trim()),
                        per_hour = records_per_hour.to_string(),
                        step = step_min.to_string()
                    ),
                ));
            }
        }
    };
    let mut columns: [Vec<Option<f64>>; 6] = std::array::from_fn(|_| Vec::with_capacity(n));
    // Humidity is read apart: a file may give it as relative humidity or dew point, or not at
    // all (see `humidity_series`).
    let mut humidity: [Vec<Option<f64>>; 2] = std::array::from_fn(|_| Vec::with_capacity(n));
    for (row, (line_no, line)) in data.iter().enumerate() {
        let line_no = *line_no;
        // At most one field past a row's 35 is kept (a trailing comma); more are only counted.
        let mut fields: Vec<&str> = line.split(',').take(FIELDS_PER_ROW + 2).collect();
        if fields.len() == FIELDS_PER_ROW + 1 && fields.last().is_some_and(|f| f.trim().is_empty())
        {
            fields.pop(); // trailing comma
        }
        if fields.len() != FIELDS_PER_ROW {
            let count = line.split(',').count();
            let id = if line.trim().is_empty() {
                "engine-epw-field-count-empty-line"
            } else {
                "engine-epw-field-count"
            };
            return Err(err(
                line_no,
                tr!(
                    id,
                    count = whole(count as u64),
                    fields = FIELDS_PER_ROW.to_string()
                ),
            ));
        }
        // Date check: rows must run from January 1 hour 1, record by record.
        let (_, month, day) = civil_from_days(start_day + (row / rows_per_day) as i64);
        let hour = (row / records_per_hour) % 24 + 1;
        let found = (
            parse_int(fields[1]),
            parse_int(fields[2]),
            parse_int(fields[3]),
        );
        if found != (Some(month as i64), Some(day as i64), Some(hour as i64)) {
            return Err(err(
                line_no,
                tr!(
                    "engine-epw-expected-date",
                    month = month.to_string(),
                    day = day.to_string(),
                    hour = hour.to_string(),
                    found_month = shorten(fields[1].trim()),
                    found_day = shorten(fields[2].trim()),
                    found_hour = shorten(fields[3].trim())
                ),
            ));
        }
        if let Some(minute_of) = minute_convention {
            let expected = minute_of(row % records_per_hour, step_min);
            let found = shorten(fields[4].trim());
            if parse_int(&found) != Some(expected as i64) {
                return Err(err(
                    line_no,
                    tr!(
                        "engine-epw-expected-minute",
                        expected = expected.to_string(),
                        record = (row % records_per_hour + 1).to_string(),
                        per_hour = records_per_hour.to_string(),
                        hour = hour.to_string(),
                        found = found
                    ),
                ));
            }
        }
        for (column, var) in columns.iter_mut().zip(VARIABLES.iter()) {
            let value = parse_value(fields[var.field], var).map_err(|m| err(line_no, m))?;
            column.push(value);
        }
        for (column, var) in humidity.iter_mut().zip(HUMIDITY.iter()) {
            let value = parse_value(fields[var.field], var).map_err(|m| err(line_no, m))?;
            column.push(value);
        }
    }

    let line_of = |row: usize| data.get(row).map_or(HEADER_LINES + 1, |(l, _)| *l);
    let max_gap_rows = MAX_GAP_H * records_per_hour;
    let mut filled: Vec<Vec<f64>> = Vec::with_capacity(VARIABLES.len());
    for (column, var) in columns.iter().zip(VARIABLES.iter()) {
        let values = fill_gaps(column, max_gap_rows, true).map_err(|gap| match gap {
            Gap::AllMissing => err(
                HEADER_LINES + 1,
                tr!("engine-epw-missing-everywhere", quantity = var.range.name()),
            ),
            Gap::TooLong { first_row, rows } => err(
                line_of(first_row),
                tr!(
                    "engine-epw-gap-too-long",
                    quantity = var.range.name(),
                    hours = fmt_hours(rows, records_per_hour),
                    first = line_of(first_row).to_string(),
                    last = line_of((first_row + rows - 1) % n).to_string(),
                    max = MAX_GAP_H.to_string()
                ),
            ),
        })?;
        filled.push(values);
    }
    let mut filled = filled.into_iter();
    let mut next = || filled.next().unwrap_or_default();
    let temp_air_c = next();
    let pressure_pa = next();
    let ghi_w_m2 = next();
    let dni_w_m2 = next();
    let dhi_w_m2 = next();
    let wind_speed_m_s = next();
    let [relative_humidity, dew_point] = humidity;
    let (relative_humidity_pct, estimated) = crate::weather::humidity_series(
        &relative_humidity,
        &dew_point,
        &temp_air_c,
        24 * records_per_hour,
        max_gap_rows,
    );

    let step_s = 3600 / records_per_hour as i64;
    let offset_s = libm::round(location.utc_offset_h * 3600.0) as i64;
    let weather = Weather {
        file_sha256: None,
        start_unix_s: start_day * 86_400 - offset_s,
        step_s,
        ghi_w_m2,
        dni_w_m2,
        dhi_w_m2,
        temp_air_c,
        wind_speed_m_s,
        pressure_pa,
        relative_humidity_pct,
        wind_height_m: 10.0,
        source: format!(
            "EPW file {file_name} ({}, {}), data stamped as year {year}{}",
            location.city,
            location.country,
            crate::weather::humidity_note(estimated, n)
        ),
    };
    Ok((weather, location))
}

/// A variable read from the data rows.
struct Variable {
    /// Field index in the row.
    field: usize,
    /// Name, unit and plausible range (shared with the CSV reader).
    range: Plausible,
    /// This field's own missing code in the EPW data dictionary (EnergyPlus Auxiliary
    /// Programs, "Weather Converter", data field descriptions): only this exact value means
    /// "missing"; another field's code, or any other value out of range, is an error.
    missing_code: f64,
}

/// Order: temperature, pressure, GHI, DNI, DHI, wind (as `columns` in `parse_epw`).
const VARIABLES: [Variable; 6] = [
    Variable {
        field: 6,
        range: ranges::TEMP_AIR,
        missing_code: 99.9,
    },
    Variable {
        field: 9,
        range: ranges::PRESSURE,
        missing_code: 999_999.0,
    },
    Variable {
        field: 13,
        range: ranges::GHI,
        missing_code: 9999.0,
    },
    Variable {
        field: 14,
        range: ranges::DNI,
        missing_code: 9999.0,
    },
    Variable {
        field: 15,
        range: ranges::DHI,
        missing_code: 9999.0,
    },
    Variable {
        field: 21,
        range: ranges::WIND_SPEED,
        missing_code: 999.0,
    },
];

/// Relative humidity (field 8, %) and dew point (field 7, C), in that order: where a row has no
/// relative humidity its dew point gives it; gaps either way are filled as
/// [`crate::weather::humidity_series`] says.
const HUMIDITY: [Variable; 2] = [
    Variable {
        field: 8,
        range: ranges::RELATIVE_HUMIDITY,
        missing_code: 999.0,
    },
    Variable {
        field: 7,
        range: ranges::DEW_POINT,
        missing_code: 99.9,
    },
];

/// `Ok(None)` for a missing value (code or empty field).
fn parse_value(raw: &str, var: &Variable) -> Result<Option<f64>, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value: f64 = text.parse().map_err(|_| {
        tr!(
            "engine-epw-not-a-number",
            quantity = var.range.name(),
            value = shorten(text)
        )
    })?;
    if !value.is_finite() {
        return Err(tr!(
            "engine-epw-not-finite",
            quantity = var.range.name(),
            value = shorten(text)
        ));
    }
    if value == var.missing_code {
        return Ok(None);
    }
    if value < var.range.min || value > var.range.max {
        return Err(tr!(
            "engine-epw-out-of-range",
            quantity = var.range.name(),
            value = local_number(value.to_string()),
            unit = var.range.unit,
            min = local_number(var.range.min.to_string()),
            max = local_number(var.range.max.to_string()),
            code = var.missing_code.to_string()
        ));
    }
    Ok(Some(value))
}

fn parse_int(raw: &str) -> Option<i64> {
    raw.trim().parse().ok()
}

/// UTC offset of a station's standard time: UTC-12 to UTC+14 (the time zones in use).
const TIME_ZONE: Plausible = Plausible {
    label: "time zone",
    id: "engine-quantity-time-zone",
    unit: "h",
    min: -12.0,
    max: 14.0,
};

fn parse_number(raw: Option<&str>, range: &Plausible) -> Result<f64, String> {
    let Plausible { unit, min, max, .. } = *range;
    let text = raw.map(str::trim).unwrap_or("");
    if text.is_empty() {
        return Err(tr!("engine-epw-location-missing", quantity = range.name()));
    }
    let value: f64 = text.parse().map_err(|_| {
        tr!(
            "engine-epw-location-not-a-number",
            quantity = range.name(),
            value = shorten(text)
        )
    })?;
    if !(min..=max).contains(&value) {
        return Err(tr!(
            "engine-epw-location-out-of-range",
            quantity = range.name(),
            value = local_number(value.to_string()),
            unit = unit,
            min = local_number(min.to_string()),
            max = local_number(max.to_string())
        ));
    }
    Ok(value)
}

/// `LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,elevation`.
fn parse_location(line: &str) -> Result<EpwLocation, String> {
    let fields: Vec<&str> = line.split(',').collect();
    if !fields
        .first()
        .is_some_and(|f| f.trim().eq_ignore_ascii_case("LOCATION"))
    {
        return Err(tr!("engine-epw-no-location"));
    }
    let field = |i: usize| fields.get(i).copied();
    Ok(EpwLocation {
        // Names from the file: control characters shown as escapes, never carried raw into
        // messages, reports or shard files.
        city: crate::text::escaped(&crate::text::shorten_to(field(1).unwrap_or("").trim(), 200)),
        country: crate::text::escaped(&crate::text::shorten_to(field(3).unwrap_or("").trim(), 200)),
        latitude_deg: parse_number(field(6), &ranges::LATITUDE)?,
        longitude_deg: parse_number(field(7), &ranges::LONGITUDE)?,
        utc_offset_h: parse_number(field(8), &TIME_ZONE)?,
        elevation_m: parse_number(field(9), &ranges::ELEVATION)?,
    })
}

/// `DATA PERIODS,periods,records per hour,...`: returns the records per hour.
fn parse_data_periods(line: &str) -> Result<usize, String> {
    let fields: Vec<&str> = line.split(',').collect();
    if !fields
        .first()
        .is_some_and(|f| f.trim().eq_ignore_ascii_case("DATA PERIODS"))
    {
        return Err(tr!(
            "engine-epw-no-data-periods",
            line = HEADER_LINES.to_string()
        ));
    }
    let periods = fields.get(1).and_then(|f| parse_int(f)).unwrap_or(1);
    if periods != 1 {
        return Err(tr!(
            "engine-epw-data-periods",
            periods = periods.to_string()
        ));
    }
    let per_hour = fields.get(2).and_then(|f| parse_int(f)).unwrap_or(1);
    if !(1..=60).contains(&per_hour) || 60 % per_hour != 0 {
        return Err(tr!(
            "engine-epw-records-per-hour",
            per_hour = per_hour.to_string()
        ));
    }
    Ok(per_hour as usize)
}

fn fmt_hours(rows: usize, per_hour: usize) -> String {
    local_number(if rows.is_multiple_of(per_hour) {
        format!("{}", rows / per_hour)
    } else {
        format!("{:.2}", rows as f64 / per_hour as f64)
    })
}

/// The first year after `year` (or `year` itself) that is / is not a leap year.
fn next_year_matching(year: i32, leap: bool) -> i64 {
    let year = year as i64;
    (year..year + 8)
        .find(|&y| is_leap_year(y) == leap)
        .unwrap_or(year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::weather::format_utc;

    const HEADER: &str = "DESIGN CONDITIONS,0\n\
        TYPICAL/EXTREME PERIODS,0\n\
        GROUND TEMPERATURES,0\n\
        HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\n\
        COMMENTS 1,synthetic test file\n\
        COMMENTS 2,written by the unit tests\n";

    fn location_line(tz: f64) -> String {
        format!("LOCATION,Dakhla,-,MAR,SRC-TMYx,600960,23.718,-15.932,{tz:.1},10.0")
    }

    /// Values of one record, in the units of the file.
    #[derive(Clone)]
    struct Rec {
        temp: String,
        pressure: String,
        ghi: String,
        dni: String,
        dhi: String,
        wind: String,
        dew: String,
        rh: String,
    }

    fn rec(row: usize) -> Rec {
        Rec {
            temp: format!("{}", 15.0 + (row % 24) as f64 * 0.25),
            pressure: format!("{}", 101_000 + row % 100),
            ghi: format!("{}", (row % 24) * 10),
            dni: format!("{}", (row % 24) * 5),
            dhi: format!("{}", row % 24),
            wind: format!("{:.1}", 5.0 + (row % 7) as f64),
            dew: "11.0".into(),
            rh: "70".into(),
        }
    }

    /// A complete EPW data row (35 fields) for record `row` of a file stamped `file_year`.
    fn row_text(row: usize, per_hour: usize, file_year: i64, r: &Rec) -> String {
        let day0 = days_from_civil(file_year, 1, 1);
        let (_, month, day) = civil_from_days(day0 + (row / (24 * per_hour)) as i64);
        let hour = (row / per_hour) % 24 + 1;
        let minute = ((row % per_hour) + 1) * 60 / per_hour;
        format!(
            "{file_year},{month},{day},{hour},{minute},?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9,\
             {},{},{},{},0,1415,350,{},{},{},999999,999999,999999,9999,20,{},5,3,20.0,77777,9,999999999,20,0.07,0,88,0.2,0.0,1.0",
            r.temp, r.dew, r.rh, r.pressure, r.ghi, r.dni, r.dhi, r.wind
        )
    }

    /// An EPW text with `rows` records; `edit(row, &mut rec)` may change any record.
    fn epw_text(
        rows: usize,
        per_hour: usize,
        tz: f64,
        file_year: i64,
        edit: impl Fn(usize, &mut Rec),
    ) -> String {
        let mut s = location_line(tz);
        s.push('\n');
        s.push_str(HEADER);
        s.push_str(&format!(
            "DATA PERIODS,1,{per_hour},Data,Friday, 1/ 1,12/31\n"
        ));
        for row in 0..rows {
            let mut r = rec(row);
            edit(row, &mut r);
            s.push_str(&row_text(row, per_hour, file_year, &r));
            s.push('\n');
        }
        s
    }

    #[test]
    fn humidity_from_the_relative_humidity_else_the_dew_point_else_estimated() {
        let read = |edit: fn(usize, &mut Rec)| {
            let text = epw_text(8760, 1, 0.0, 2005, edit);
            parse_epw(&text, "w.epw", 2029).unwrap().0
        };
        let w = read(|_, _| {});
        assert!(w.relative_humidity_pct.iter().all(|v| *v == 70.0));
        assert!(!w.source.contains("humidity"), "{}", w.source);
        // RH missing (999) where the dew point is given: the dew point's RH at that hour's
        // temperature (11 C dew point at 15 C: 1313 / 1706 Pa = 77.0 %).
        let w = read(|row, r| {
            if row % 24 == 0 {
                r.rh = "999".into();
            }
        });
        let rh = w.relative_humidity_pct[0];
        assert!((rh - 77.0).abs() < 0.1, "{rh}");
        assert_eq!(w.relative_humidity_pct[1], 70.0);
        // Neither anywhere: estimated from each day's lowest temperature, said in the source.
        let w = read(|_, r| {
            r.rh = "999".into();
            r.dew = "99.9".into();
        });
        assert!(
            w.source
                .ends_with("(humidity estimated from the daily lowest temperature)")
        );
        assert!(
            w.relative_humidity_pct
                .iter()
                .all(|v| (0.0..=100.0).contains(v))
        );
        assert_eq!(
            w.relative_humidity_pct[0], 100.0,
            "the coolest hour is saturated"
        );
    }

    fn good(rows: usize) -> String {
        epw_text(rows, 1, 0.0, 2005, |_, _| {})
    }

    fn message(result: Result<(Weather, EpwLocation), WeatherError>) -> String {
        match result {
            Ok(_) => panic!("expected an error"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn reads_a_typical_year() {
        let (w, loc) = parse_epw(&good(8760), "dakhla.epw", 2027).unwrap();
        assert_eq!(w.len(), 8760);
        assert_eq!(w.step_s, 3600);
        assert_eq!(format_utc(w.start_unix_s), "2027-01-01T00:00:00Z");
        assert_eq!(w.wind_height_m, 10.0);
        assert_eq!(
            w.source,
            "EPW file dakhla.epw (Dakhla, MAR), data stamped as year 2027"
        );
        assert_eq!(loc.city, "Dakhla");
        assert_eq!(loc.country, "MAR");
        assert_eq!(loc.latitude_deg, 23.718);
        assert_eq!(loc.longitude_deg, -15.932);
        assert_eq!(loc.utc_offset_h, 0.0);
        assert_eq!(loc.elevation_m, 10.0);
        // Row 13 (hour 14 of Jan 1): values as written by `rec`.
        assert_eq!(w.temp_air_c[13], 15.0 + 13.0 * 0.25);
        assert_eq!(w.pressure_pa[13], 101_013.0);
        assert_eq!(w.ghi_w_m2[13], 130.0);
        assert_eq!(w.dni_w_m2[13], 65.0);
        assert_eq!(w.dhi_w_m2[13], 13.0);
        assert_eq!(w.wind_speed_m_s[13], 5.0 + 6.0);
        assert_eq!(w.ghi_w_m2[8759], (8759 % 24 * 10) as f64);
    }

    #[test]
    fn time_zone_shifts_to_utc() {
        // Hour 1 at UTC+1 is 00:00-01:00 local = 23:00-00:00 UTC the day before.
        let text = epw_text(8760, 1, 1.0, 2005, |_, _| {});
        let (w, _) = parse_epw(&text, "x.epw", 2027).unwrap();
        assert_eq!(format_utc(w.start_unix_s), "2026-12-31T23:00:00Z");
        let text = epw_text(8760, 1, -5.0, 2005, |_, _| {});
        let (w, _) = parse_epw(&text, "x.epw", 2027).unwrap();
        assert_eq!(format_utc(w.start_unix_s), "2027-01-01T05:00:00Z");
    }

    #[test]
    fn leap_years_must_match_the_row_count() {
        let leap = epw_text(8784, 1, 0.0, 2004, |_, _| {});
        let (w, _) = parse_epw(&leap, "leap.epw", 2028).unwrap();
        assert_eq!(w.len(), 8784);
        let msg = message(parse_epw(&leap, "leap.epw", 2027));
        assert!(msg.starts_with("leap.epw:9: "), "{msg}");
        assert!(
            msg.contains("2027 is not a leap year") && msg.contains("2028"),
            "{msg}"
        );
        let msg = message(parse_epw(&good(8760), "w.epw", 2028));
        assert!(
            msg.contains("2028 is a leap year") && msg.contains("2029"),
            "{msg}"
        );
    }

    #[test]
    fn short_and_long_files_are_refused() {
        let msg = message(parse_epw(&good(100), "weather.epw", 2027));
        assert!(
            msg.starts_with("weather.epw:108: the file ends early"),
            "{msg}"
        );
        assert!(
            msg.contains("100 data rows") && msg.contains("8760"),
            "{msg}"
        );
        let msg = message(parse_epw(&good(8761), "weather.epw", 2027));
        assert!(
            msg.starts_with("weather.epw:8769: the file continues past one year"),
            "{msg}"
        );
        let msg = message(parse_epw("LOCATION,a,b,c,d,e,1,2,0,0\n", "w.epw", 2027));
        assert!(
            msg.starts_with("w.epw:1: the file ends after 1 line(s)"),
            "{msg}"
        );
    }

    #[test]
    fn wrong_field_count_names_the_line() {
        let mut text = good(8760);
        // Line 1207 is data row 1198; drop its last 5 fields.
        let lines: Vec<&str> = text.lines().collect();
        let cut: Vec<&str> = lines[1206].split(',').take(30).collect();
        let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        edited[1206] = cut.join(",");
        text = edited.join("\n");
        let msg = message(parse_epw(&text, "weather.epw", 2027));
        assert!(
            msg.starts_with("weather.epw:1207: this data row has 30 fields"),
            "{msg}"
        );
    }

    #[test]
    fn non_numeric_value_is_reported_in_planner_words() {
        let text = epw_text(8760, 1, 0.0, 2005, |row, r| {
            if row == 1198 {
                r.temp = "abc".into();
            }
        });
        let msg = message(parse_epw(&text, "weather.epw", 2027));
        assert_eq!(
            msg,
            "weather.epw:1207: dry-bulb temperature 'abc' is not a number"
        );
        let text = epw_text(8760, 1, 0.0, 2005, |row, r| {
            if row == 0 {
                r.ghi = "-20".into();
            }
        });
        let msg = message(parse_epw(&text, "weather.epw", 2027));
        assert!(
            msg.starts_with("weather.epw:9: global horizontal irradiance -20"),
            "{msg}"
        );
    }

    #[test]
    fn short_gaps_are_interpolated() {
        // GHI missing (9999) on rows 100..103: between 4*10=40 (row 100 -> hour 4 value) ...
        let text = epw_text(8760, 1, 0.0, 2005, |row, r| {
            if (101..=103).contains(&row) {
                r.ghi = "9999".into();
                r.temp = "99.9".into();
                r.wind = "999".into();
                r.pressure = "999999".into();
            }
            if row == 200 {
                r.dni = String::new(); // empty field = missing
            }
        });
        let (w, _) = parse_epw(&text, "w.epw", 2027).unwrap();
        // Row 100 is hour-of-day 4 (GHI 40), row 104 is hour-of-day 8 (GHI 80): linear between.
        assert_eq!(&w.ghi_w_m2[100..=104], &[40.0, 50.0, 60.0, 70.0, 80.0]);
        let t = |row: usize| 15.0 + (row % 24) as f64 * 0.25;
        for (k, row) in (101..=103).enumerate() {
            let f = (k + 1) as f64 / 4.0;
            assert!((w.temp_air_c[row] - (t(100) + f * (t(104) - t(100)))).abs() < 1e-12);
        }
        assert_eq!(
            w.dni_w_m2[200],
            0.5 * ((199 % 24 * 5) as f64 + (201 % 24 * 5) as f64)
        );
    }

    #[test]
    fn a_missing_code_means_missing_only_in_its_own_field() {
        // EnergyPlus data dictionary: 99.9 is a missing dry bulb, 9999 a missing irradiance,
        // 999 a missing wind speed, 999999 a missing pressure. Another field's code, or any
        // other out-of-range value, is an error naming the field, never read as "missing".
        for (edit, expected) in [
            (
                (|r: &mut Rec| r.temp = "9999".into()) as fn(&mut Rec),
                "w.epw:110: dry-bulb temperature 9999 C is outside the plausible range -70 to \
                 70 C (the EPW code for a missing dry-bulb temperature is 99.9)",
            ),
            (
                (|r: &mut Rec| r.temp = "100".into()) as fn(&mut Rec),
                "w.epw:110: dry-bulb temperature 100 C is outside",
            ),
            (
                (|r: &mut Rec| r.ghi = "12000".into()) as fn(&mut Rec),
                "w.epw:110: global horizontal irradiance 12000 W/m2 is outside",
            ),
            (
                (|r: &mut Rec| r.wind = "9999".into()) as fn(&mut Rec),
                "w.epw:110: wind speed 9999 m/s is outside the plausible range 0 to 40 m/s (the \
                 EPW code for a missing wind speed is 999)",
            ),
            (
                (|r: &mut Rec| r.pressure = "9999".into()) as fn(&mut Rec),
                "w.epw:110: station pressure 9999 Pa is outside",
            ),
        ] {
            let text = epw_text(8760, 1, 0.0, 2005, |row, r| {
                if row == 101 {
                    edit(r);
                }
            });
            let msg = message(parse_epw(&text, "w.epw", 2027));
            assert!(msg.starts_with(expected), "{msg}");
        }
    }

    #[test]
    fn gaps_wrap_around_the_year() {
        let text = epw_text(8760, 1, 0.0, 2005, |row, r| {
            if !(2..8758).contains(&row) {
                r.wind = "999".into();
            }
        });
        let (w, _) = parse_epw(&text, "w.epw", 2027).unwrap();
        // Valid neighbours: row 8757 (5 + 8757 % 7 = 8) and row 2 (5 + 2 = 7), 5 steps apart.
        let (a, b) = (5.0 + (8757 % 7) as f64, 7.0);
        assert!((w.wind_speed_m_s[8758] - (a + 0.2 * (b - a))).abs() < 1e-12);
        assert!((w.wind_speed_m_s[1] - (a + 0.8 * (b - a))).abs() < 1e-12);
    }

    #[test]
    fn long_gaps_are_an_error() {
        let text = epw_text(8760, 1, 0.0, 2005, |row, r| {
            if (1198..1205).contains(&row) {
                r.ghi = "9999".into();
            }
        });
        let msg = message(parse_epw(&text, "weather.epw", 2027));
        assert_eq!(
            msg,
            "weather.epw:1207: global horizontal irradiance is missing for 7 consecutive hours \
             (lines 1207 to 1213); at most 6 hours can be filled by interpolation"
        );
        let text = epw_text(8760, 1, 0.0, 2005, |_, r| r.wind = "999".into());
        let msg = message(parse_epw(&text, "weather.epw", 2027));
        assert_eq!(msg, "weather.epw:9: wind speed is missing in every row");
    }

    #[test]
    fn bad_headers_are_reported() {
        let text = good(8760).replacen("LOCATION", "LOCATON", 1);
        let msg = message(parse_epw(&text, "w.epw", 2027));
        assert!(
            msg.starts_with("w.epw:1: the first line should start with LOCATION"),
            "{msg}"
        );
        let text = good(8760).replacen("23.718", "north", 1);
        let msg = message(parse_epw(&text, "w.epw", 2027));
        assert_eq!(
            msg,
            "w.epw:1: latitude 'north' in the LOCATION line is not a number"
        );
        let text = good(8760).replacen(",0.0,10.0", ",25.0,10.0", 1);
        let msg = message(parse_epw(&text, "w.epw", 2027));
        assert!(msg.contains("time zone 25 h"), "{msg}");
        let text = good(8760).replacen("DATA PERIODS", "DATA", 1);
        let msg = message(parse_epw(&text, "w.epw", 2027));
        assert!(
            msg.starts_with("w.epw:8: line 8 should be the DATA PERIODS header"),
            "{msg}"
        );
    }

    #[test]
    fn rows_out_of_order_are_refused() {
        let mut lines: Vec<String> = good(8760).lines().map(str::to_string).collect();
        lines.swap(20, 21);
        let msg = message(parse_epw(&lines.join("\n"), "w.epw", 2027));
        assert!(
            msg.starts_with("w.epw:21: expected month 1, day 1, hour 13"),
            "{msg}"
        );
    }

    #[test]
    fn sub_hourly_files_and_crlf() {
        let text = epw_text(8760 * 4, 4, 0.0, 2005, |_, _| {}).replace('\n', "\r\n");
        let (w, _) = parse_epw(&text, "w.epw", 2027).unwrap();
        assert_eq!(w.step_s, 900);
        assert_eq!(w.len(), 8760 * 4);
    }

    /// Rewrite the minute field (index 4) of every data row: `minute(row)`.
    fn with_minutes(text: &str, minute: impl Fn(usize) -> String) -> String {
        let mut out = String::new();
        for (i, line) in text.lines().enumerate() {
            if i < HEADER_LINES {
                out.push_str(line);
            } else {
                let mut fields: Vec<String> = line.split(',').map(str::to_string).collect();
                fields[4] = minute(i - HEADER_LINES);
                out.push_str(&fields.join(","));
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn fifteen_minute_epw() {
        // EnergyPlus convention: hour 1 has minutes 15, 30, 45, 60 (interval ends).
        let text = epw_text(8760 * 4, 4, 1.0, 2005, |_, _| {});
        let (w, _) = parse_epw(&text, "w15.epw", 2027).unwrap();
        assert_eq!(w.step_s, 900);
        assert_eq!(w.len(), 35_040);
        // Hour 1 record 1 at UTC+1 covers 00:00-00:15 local = 23:00-23:15 UTC the day before.
        assert_eq!(format_utc(w.start_unix_s), "2026-12-31T23:00:00Z");
        assert_eq!(format_utc(w.time_unix_s(5)), "2027-01-01T00:15:00Z");
        // Records keep their order: record r holds the values `rec(r)` wrote.
        for r in [0, 1, 5, 97, 35_039] {
            assert_eq!(w.ghi_w_m2[r], ((r % 24) * 10) as f64);
            assert_eq!(w.wind_speed_m_s[r], 5.0 + (r % 7) as f64);
        }

        // Start-of-interval minutes (0, 15, 30, 45) give the same series.
        let start = with_minutes(&text, |row| ((row % 4) * 15).to_string());
        let (w_start, _) = parse_epw(&start, "w15.epw", 2027).unwrap();
        assert_eq!(w_start, w);

        // A minute out of step is reported at its line.
        let bad = with_minutes(&text, |row| {
            if row == 1000 {
                "40".into()
            } else {
                (((row % 4) + 1) * 15).to_string()
            }
        });
        let msg = message(parse_epw(&bad, "w15.epw", 2027));
        assert!(
            msg.starts_with("w15.epw:1009: expected minute 15 here (record 1 of 4 in hour 11"),
            "{msg}"
        );
        assert!(msg.contains("found minute '40'"), "{msg}");
        let bad = with_minutes(&text, |_| "7".into());
        let msg = message(parse_epw(&bad, "w15.epw", 2027));
        assert!(
            msg.starts_with("w15.epw:9: the minute field of the first row is '7'"),
            "{msg}"
        );

        // Gap limit in hours: 24 missing quarter hours (6 h) are filled, 25 are not.
        let gap = |len: usize| {
            epw_text(8760 * 4, 4, 0.0, 2005, move |row, r| {
                if (400..400 + len).contains(&row) {
                    r.ghi = "9999".into();
                }
            })
        };
        assert!(parse_epw(&gap(24), "w15.epw", 2027).is_ok());
        let msg = message(parse_epw(&gap(25), "w15.epw", 2027));
        assert!(
            msg.contains("missing for 6.25 consecutive hours (lines 409 to 433)"),
            "{msg}"
        );
        // A 15-minute leap year.
        let leap = epw_text(8784 * 4, 4, 0.0, 2004, |_, _| {});
        assert_eq!(parse_epw(&leap, "w.epw", 2028).unwrap().0.len(), 8784 * 4);
    }

    #[test]
    fn other_sub_hourly_steps() {
        for (per_hour, step_s) in [(2, 1800), (6, 600), (12, 300)] {
            let text = epw_text(8760 * per_hour, per_hour, 0.0, 2005, |_, _| {});
            let (w, _) = parse_epw(&text, "w.epw", 2027).unwrap();
            assert_eq!(w.step_s, step_s);
            assert_eq!(w.len(), 8760 * per_hour);
            assert_eq!(format_utc(w.time_unix_s(per_hour)), "2027-01-01T01:00:00Z");
        }
        let text = good(8760).replacen("DATA PERIODS,1,1", "DATA PERIODS,1,7", 1);
        let msg = message(parse_epw(&text, "w.epw", 2027));
        assert!(msg.starts_with("w.epw:8: 7 records per hour"), "{msg}");
    }

    #[test]
    fn never_panics_on_damaged_input() {
        let text = good(8760);
        let bytes = text.as_bytes();
        let mut cut = 0;
        while cut < bytes.len() {
            let damaged = String::from_utf8_lossy(&bytes[..cut]);
            assert!(parse_epw(&damaged, "w.epw", 2027).is_err());
            cut += 9973;
        }
        for garbage in [
            "",
            "\n\n\n\n\n\n\n\n\n",
            "LOCATION",
            ",,,,,,,,\n",
            "\u{feff}LOCATION,,,,",
        ] {
            assert!(parse_epw(garbage, "w.epw", 2027).is_err());
        }
        // Every field of one row replaced by junk in turn.
        let lines: Vec<&str> = text.lines().collect();
        for k in 0..FIELDS_PER_ROW {
            let mut fields: Vec<&str> = lines[500].split(',').collect();
            fields[k] = "1e999";
            let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            edited[500] = fields.join(",");
            let _ = parse_epw(&edited.join("\n"), "w.epw", 2027);
        }
        let _ = parse_epw(&text, "w.epw", i32::MAX);
        let _ = parse_epw(&text, "w.epw", i32::MIN);
    }

    #[test]
    fn read_epw_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dakhla.epw");
        std::fs::write(&path, good(8760)).unwrap();
        let (w, loc) = read_epw(&path, 2027).unwrap();
        assert_eq!(w.len(), 8760);
        assert_eq!(loc.city, "Dakhla");
        let missing = dir.path().join("nope.epw");
        let msg = read_epw(&missing, 2027).unwrap_err().to_string();
        assert!(
            msg.contains("nope.epw: cannot read the weather file"),
            "{msg}"
        );
    }
}
