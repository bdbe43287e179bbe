//! CSV weather files: a time series with one row per step, for measured data, satellite
//! exports (NSRDB, Solcast, PVGIS after renaming columns) and the planner's own
//! `simulate --hourly` output, which reads back unchanged.
//!
//! # Format
//! ```text
//! # latitude: 23.72
//! # longitude: -15.93
//! # elevation_m: 10
//! # wind_height_m: 10
//! timestamp,ghi,dni,dhi,temp_air,wind_speed,pressure_hpa
//! 2029-01-01T00:00:00Z,0,0,0,18.2,6.1,1013.2
//! 2029-01-01T01:00:00Z,0,0,0,17.9,6.4,1013.0
//! ```
//! * **Comment lines** starting with `#` may come before the header. `# key: value` (or
//!   `key = value`) lines set: `latitude` (deg, north positive), `longitude` (deg, east
//!   positive), `elevation_m` (m above sea level, default 0), `wind_height_m` (height of the
//!   wind measurement above ground, default 10 m as in EPW files) and `name` (site name, default
//!   the file name). Latitude and longitude come together or not at all; without them the file
//!   has no location. Other comment lines are free text. Blank lines are ignored.
//! * **Header row**: the first other line names the columns (one time column and one column per
//!   quantity; two columns for the same quantity are an error); names are matched ignoring case,
//!   surrounding spaces and a unit in brackets (`GHI [W/m2]`), with spaces and `-` read as `_`:
//!
//!   | quantity | accepted names | unit |
//!   |---|---|---|
//!   | time | `timestamp`, `timestamp_utc`, `time`, `datetime`, `date_time` | ISO 8601 |
//!   | global horizontal irradiance | `ghi`, `ghi_w_m2`, `global_horizontal` | W/m2 |
//!   | direct normal irradiance | `dni`, `dni_w_m2`, `direct_normal` | W/m2 |
//!   | diffuse horizontal irradiance | `dhi`, `dhi_w_m2`, `diffuse_horizontal` | W/m2 |
//!   | dry-bulb temperature | `temp_air`, `temp_air_c`, `temperature`, `tdry`, `dry_bulb` | C |
//!   | wind speed | `wind_speed`, `wind_speed_m_s`, `wspd` | m/s |
//!   | station pressure (optional) | `pressure`, `pressure_pa`, `pressure_hpa`, `pressure_mbar`, `pressure_kpa` | Pa, hPa, kPa |
//!   | relative humidity (optional) | `relative_humidity`, `relative_humidity_pct`, `rh`, `rel_hum` | % (a column that never exceeds 1 is refused: a fraction, not percent) |
//!   | dew-point temperature (optional) | `dew_point`, `dew_point_c`, `temp_dew`, `tdew`, `dewpoint` | C |
//!
//!   Other columns are ignored (the hourly output's load and dispatch columns, for instance).
//!   Pressure in hPa (= mbar) or kPa is converted to Pa: by the column name (`pressure_hpa`,
//!   `pressure_mbar`, `pressure [hPa]`, `pressure_kpa`) or, for a plain `pressure` column, by magnitude (a
//!   median of 300 to 1200 is hPa, 30 000 to 120 000 is Pa). Without a pressure column the
//!   standard-atmosphere pressure at `elevation_m` is used. Relative humidity comes from its
//!   column, else from the dew point at the step's temperature; without either (or over a gap
//!   longer than 6 hours) it is estimated from the day's lowest temperature taken as the dew
//!   point (FAO-56), and the weather's source says so.
//! * **Separator**: comma, semicolon or tab, whichever the header row uses most. With a
//!   semicolon or tab separator a decimal comma (`18,2`) is accepted. Cells may be quoted.
//! * **Timestamps**: ISO 8601 date and time, `2029-01-01T00:00:00Z`, `2029-01-01T00:00Z`,
//!   `2029-01-01 00:00`, `2029-01-01 00:00 UTC` or with an offset such as
//!   `2029-01-01T01:00:00+01:00` (also `+0100`, `+01`); seconds may carry zero fractions. **A timestamp
//!   without `Z` or an offset is UTC.** A timestamp with an offset is local time at that offset
//!   and is converted to UTC.
//! * **Time step**: regular, 60, 30, 15, 10, 5 or 1 minutes, detected from the first two rows.
//!   Every later row must follow by exactly one step: a duplicate, a step back or a skipped
//!   step is an error naming the line (keep a row with empty cells for a missing step).
//!   The series may start at any step and span any length (at least two rows); the
//!   timestamps are kept as written, the planner does not re-stamp the year.
//! * **Values** are means over the step *starting* at the timestamp (the row stamped 10:00 of
//!   hourly data covers 10:00 to 11:00 UTC). Files that stamp the end of the interval must be
//!   shifted by one step before use.
//! * **Missing values**: an empty cell, `NaN`, `NA`, `n/a` or `-9999` (any case, `-9999.0`). Gaps of up to 6 hours are
//!   filled by linear interpolation (at the start or end of the file by the nearest value);
//!   longer gaps are an error naming the column and the lines.
//! * **Plausible ranges**: irradiance 0 to 2000 W/m2 (small negative night readings down to
//!   -10 W/m2, a pyranometer offset, are read as 0), temperature -70 to 70 C, wind speed 0 to
//!   50 m/s, pressure 31 000 to 120 000 Pa, relative humidity 0 to 110 % (above 100 read as
//!   100), dew point -70 to 70 C. A value outside is an error naming the line.
//!
//! Every problem is reported as `file:line: what is wrong`; the reader never panics.

use crate::text::{local_number, shorten, whole};
use dakhla_i18n::tr;
use std::path::Path;

use crate::model::clearsky::standard_pressure_pa;
use crate::weather::ranges::{self, Plausible};
use crate::weather::{Gap, Weather, WeatherError, WeatherLocation, days_from_civil, fill_gaps};
use crate::weather::{MAX_WEATHER_ROWS, check_line_lengths, check_weather_size};
use crate::weather::{civil_from_days, format_utc};

/// Supported time steps [s], longest first.
const STEPS_S: [i64; 6] = [3600, 1800, 900, 600, 300, 60];
/// Longest gap filled by interpolation [s].
const MAX_GAP_S: i64 = 6 * 3600;
/// Default height of the wind measurement [m] (the EPW convention).
const DEFAULT_WIND_HEIGHT_M: f64 = 10.0;
/// The missing-value code.
const MISSING_CODE: f64 = -9999.0;
/// Irradiance readings from this value up to 0 are night-time sensor offsets, read as 0 [W/m2].
const IRRADIANCE_OFFSET_W_M2: f64 = -10.0;

/// The quantities read from a CSV file, in the order of [`QUANTITIES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quantity {
    Ghi,
    Dni,
    Dhi,
    TempAir,
    WindSpeed,
    Pressure,
    RelativeHumidity,
    DewPoint,
}

impl Quantity {
    /// Whether a file may leave the quantity out.
    fn optional(self) -> bool {
        matches!(
            self,
            Self::Pressure | Self::RelativeHumidity | Self::DewPoint
        )
    }
}

struct QuantitySpec {
    quantity: Quantity,
    /// Accepted column names (normalized: lower case, `_` for spaces).
    names: &'static [&'static str],
    /// Name, unit (after conversion) and plausible range (shared with the EPW reader).
    range: Plausible,
}

const TIME_NAMES: [&str; 5] = [
    "timestamp",
    "timestamp_utc",
    "time",
    "datetime",
    "date_time",
];

const QUANTITIES: [QuantitySpec; 8] = [
    QuantitySpec {
        quantity: Quantity::Ghi,
        names: &["ghi", "ghi_w_m2", "global_horizontal"],
        range: ranges::GHI,
    },
    QuantitySpec {
        quantity: Quantity::Dni,
        names: &["dni", "dni_w_m2", "direct_normal"],
        range: ranges::DNI,
    },
    QuantitySpec {
        quantity: Quantity::Dhi,
        names: &["dhi", "dhi_w_m2", "diffuse_horizontal"],
        range: ranges::DHI,
    },
    QuantitySpec {
        quantity: Quantity::TempAir,
        names: &["temp_air", "temp_air_c", "temperature", "tdry", "dry_bulb"],
        range: ranges::TEMP_AIR,
    },
    QuantitySpec {
        quantity: Quantity::WindSpeed,
        names: &["wind_speed", "wind_speed_m_s", "wspd"],
        range: ranges::WIND_SPEED,
    },
    QuantitySpec {
        quantity: Quantity::Pressure,
        names: &[
            "pressure",
            "pressure_pa",
            "pressure_hpa",
            "pressure_mbar",
            "pressure_kpa",
        ],
        range: ranges::PRESSURE,
    },
    QuantitySpec {
        quantity: Quantity::RelativeHumidity,
        names: &[
            "relative_humidity",
            "relative_humidity_pct",
            "rh",
            "rel_hum",
        ],
        range: ranges::RELATIVE_HUMIDITY,
    },
    QuantitySpec {
        quantity: Quantity::DewPoint,
        names: &["dew_point", "dew_point_c", "temp_dew", "tdew", "dewpoint"],
        range: ranges::DEW_POINT,
    },
];

/// How pressure values of a column convert to Pa.
#[derive(Clone, Copy, Debug, PartialEq)]
enum PressureUnit {
    /// Multiply by this factor.
    Factor(f64),
    /// Decide from the median of the values.
    ByMagnitude,
}

/// A column found in the header.
struct Column {
    /// 0-based index in the row.
    index: usize,
    /// Name as written in the file (for messages).
    written: String,
}

/// Read a CSV weather file (see the module documentation for the format).
pub fn read_weather_csv(path: &Path) -> Result<(Weather, Option<WeatherLocation>), WeatherError> {
    let (text, file, sha) = super::read_text_lossy(path)?;
    let default_name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (mut w, loc) = parse_csv_text(&text, &file, &default_name)?;
    w.file_sha256 = Some(sha);
    Ok((w, loc))
}

/// Parse the text of a CSV weather file; `file_name` is used in error messages, the weather's
/// `source` and as the site name when the file gives none. Never panics.
pub fn parse_weather_csv(
    text: &str,
    file_name: &str,
) -> Result<(Weather, Option<WeatherLocation>), WeatherError> {
    parse_csv_text(text, file_name, file_name)
}

/// `# key: value` settings from the comment lines before the header.
#[derive(Default)]
struct Metadata {
    latitude_deg: Option<(usize, f64)>,
    longitude_deg: Option<(usize, f64)>,
    elevation_m: Option<(usize, f64)>,
    wind_height_m: Option<(usize, f64)>,
    name: Option<(usize, String)>,
}

fn parse_csv_text(
    text: &str,
    file_name: &str,
    default_name: &str,
) -> Result<(Weather, Option<WeatherLocation>), WeatherError> {
    let err = |line: usize, message: String| WeatherError::Invalid {
        file: file_name.to_string(),
        line,
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_weather_size(file_name, text.len() as u64)?;
    check_line_lengths(file_name, text)?;

    // --- Comment lines and the header line -------------------------------------------------
    let mut meta = Metadata::default();
    let mut header: Option<(usize, usize, &str)> = None; // (line number, byte offset, text)
    let mut offset = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            offset += raw.len();
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            parse_comment(comment, line_no, &mut meta).map_err(|m| err(line_no, m))?;
            offset += raw.len();
            continue;
        }
        header = Some((line_no, offset, line));
        break;
    }
    let Some((header_line, header_offset, header_text)) = header else {
        return Err(err(
            text.lines().count().max(1),
            tr!("engine-csv-no-header"),
        ));
    };
    let location = location_from(&meta, default_name).map_err(|(l, m)| err(l, m))?;
    let elevation_m = meta.elevation_m.map_or(0.0, |(_, e)| e);
    let wind_height_m = meta.wind_height_m.map_or(DEFAULT_WIND_HEIGHT_M, |(_, h)| h);

    let separator = detect_separator(header_text)
        .ok_or_else(|| err(header_line, tr!("engine-csv-single-column")))?;

    // --- Records --------------------------------------------------------------------------
    let body = text.get(header_offset..).unwrap_or("");
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(::csv::Trim::All)
        .from_reader(body.as_bytes());
    let mut records = reader.records();
    let line_of = |pos: Option<&::csv::Position>, fallback: usize| {
        pos.map_or(fallback, |p| header_line + p.line() as usize - 1)
    };

    let header_record = match records.next() {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            return Err(err(
                header_line,
                tr!("engine-csv-header-unreadable", error = e.to_string()),
            ));
        }
        None => {
            return Err(err(header_line, tr!("engine-csv-no-header-row")));
        }
    };
    let (time_column, columns, pressure_unit) =
        map_columns(&header_record).map_err(|m| err(header_line, m))?;
    let needed = columns
        .iter()
        .flatten()
        .map(|c| c.index)
        .chain([time_column.index])
        .max()
        .unwrap_or(0)
        + 1;
    let decimal_comma = separator != b',';

    let mut times: Vec<i64> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut values: [Vec<Option<f64>>; 8] = std::array::from_fn(|_| Vec::new());
    let mut last_line = header_line;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = line_of(e.position(), last_line + 1);
                return Err(err(
                    line,
                    tr!("engine-csv-line-unreadable", error = e.to_string()),
                ));
            }
        };
        let line_no = line_of(record.position(), last_line + 1);
        last_line = line_no;
        if record.iter().all(str::is_empty) {
            continue; // a line of separators only, as spreadsheets leave at the end
        }
        if record.len() < needed {
            return Err(err(
                line_no,
                tr!(
                    "engine-csv-too-few-values",
                    values = whole(record.len() as u64),
                    columns = whole(header_record.len() as u64)
                ),
            ));
        }
        if record.len() > header_record.len()
            && record
                .iter()
                .skip(header_record.len())
                .any(|c| !c.is_empty())
        {
            return Err(err(
                line_no,
                tr!(
                    "engine-csv-too-many-values",
                    values = whole(record.len() as u64),
                    columns = whole(header_record.len() as u64)
                ),
            ));
        }
        if times.len() == MAX_WEATHER_ROWS {
            return Err(err(
                line_no,
                tr!(
                    "engine-csv-too-many-rows",
                    max = whole(MAX_WEATHER_ROWS as u64)
                ),
            ));
        }
        let stamp = record.get(time_column.index).unwrap_or("");
        let t = parse_timestamp(stamp).map_err(|m| err(line_no, m))?;
        times.push(t);
        lines.push(line_no);
        for (spec, (column, out)) in QUANTITIES.iter().zip(columns.iter().zip(values.iter_mut())) {
            let Some(column) = column else { continue };
            let raw = record.get(column.index).unwrap_or("");
            let value = parse_cell(raw, decimal_comma).map_err(|()| {
                err(
                    line_no,
                    tr!(
                        "engine-csv-not-a-number",
                        quantity = spec.range.name(),
                        value = shorten(raw),
                        column = column.written.as_str()
                    ),
                )
            })?;
            out.push(value);
        }
    }
    let n = times.len();
    if n < 2 {
        return Err(err(
            last_line.max(header_line),
            tr!("engine-csv-too-few-rows", rows = whole(n as u64)),
        ));
    }

    // --- Time step --------------------------------------------------------------------------
    let step_s = times[1] - times[0];
    if step_s <= 0 || !STEPS_S.contains(&step_s) {
        let line = lines[0].to_string();
        let what = if step_s == 0 {
            tr!("engine-csv-same-time", line = line)
        } else if step_s < 0 {
            tr!("engine-csv-earlier", line = line)
        } else {
            tr!(
                "engine-csv-step-is",
                line = line,
                step = duration_text(step_s)
            )
        };
        return Err(err(
            lines[1],
            tr!(
                "engine-csv-irregular-step",
                what = what,
                first = format_utc(times[0]),
                second = format_utc(times[1])
            ),
        ));
    }
    for i in 2..n {
        let expected = times[0] + i as i64 * step_s;
        if times[i] == expected {
            continue;
        }
        let (prev_line, prev) = (lines[i - 1], times[i - 1]);
        let what = if times[i] == prev {
            tr!(
                "engine-csv-duplicate",
                time = format_utc(prev),
                line = prev_line.to_string()
            )
        } else if times[i] < prev {
            tr!(
                "engine-csv-time-goes-back",
                time = format_utc(times[i]),
                previous = format_utc(prev),
                line = prev_line.to_string()
            )
        } else {
            tr!(
                "engine-csv-missing-step",
                expected = format_utc(expected),
                step = duration_text(step_s),
                line = prev_line.to_string(),
                found = format_utc(times[i])
            )
        };
        return Err(err(lines[i], what));
    }

    // --- Values: pressure unit, ranges, gaps -------------------------------------------------
    let max_gap_rows = (MAX_GAP_S / step_s) as usize;
    let mut series: [Vec<f64>; 6] = std::array::from_fn(|_| Vec::new());
    let mut humidity: [Vec<Option<f64>>; 2] = [Vec::new(), Vec::new()];
    for (k, spec) in QUANTITIES.iter().enumerate() {
        let Some(column) = &columns[k] else { continue };
        let mut column_values = std::mem::take(&mut values[k]);
        if spec.quantity == Quantity::Pressure {
            let factor = pressure_factor(pressure_unit, &column_values, &column.written)
                .map_err(|m| err(header_line, m))?;
            for v in column_values.iter_mut().flatten() {
                *v *= factor;
            }
        }
        for (row, v) in column_values.iter_mut().enumerate() {
            let Some(value) = *v else { continue };
            let is_irradiance =
                matches!(spec.quantity, Quantity::Ghi | Quantity::Dni | Quantity::Dhi);
            if is_irradiance && (IRRADIANCE_OFFSET_W_M2..0.0).contains(&value) {
                *v = Some(0.0);
            } else if !(spec.range.min..=spec.range.max).contains(&value) {
                return Err(err(
                    lines[row],
                    tr!(
                        "engine-csv-out-of-range",
                        quantity = spec.range.name(),
                        value = local_number(value.to_string()),
                        unit = spec.range.unit,
                        column = column.written.as_str(),
                        min = local_number(spec.range.min.to_string()),
                        max = local_number(spec.range.max.to_string())
                    ),
                ));
            }
        }
        if spec.quantity == Quantity::RelativeHumidity
            && let Some(max) = column_values.iter().flatten().copied().reduce(f64::max)
            && max <= 1.0
            && max > 0.0
        {
            // No real year stays at or below 1 % humidity: the column is a fraction 0-1.
            return Err(err(
                header_line,
                tr!(
                    "engine-csv-humidity-fraction",
                    column = column.written.as_str()
                ),
            ));
        }
        if let Some(h) = k.checked_sub(series.len()) {
            // Humidity: gaps and a missing column are filled as `humidity_series` says.
            humidity[h] = column_values;
            continue;
        }
        let filled = fill_gaps(&column_values, max_gap_rows, false).map_err(|gap| match gap {
            Gap::AllMissing => err(
                lines[0],
                tr!(
                    "engine-csv-column-empty",
                    column = column.written.as_str(),
                    quantity = spec.range.name()
                ),
            ),
            Gap::TooLong { first_row, rows } => {
                let last_row = (first_row + rows - 1).min(n - 1);
                err(
                    lines[first_row.min(n - 1)],
                    tr!(
                        "engine-csv-gap-too-long",
                        column = column.written.as_str(),
                        quantity = spec.range.name(),
                        duration = duration_text(rows as i64 * step_s),
                        first = lines[first_row.min(n - 1)].to_string(),
                        last = lines[last_row].to_string()
                    ),
                )
            }
        })?;
        series[k] = filled;
    }
    let [
        ghi_w_m2,
        dni_w_m2,
        dhi_w_m2,
        temp_air_c,
        wind_speed_m_s,
        pressure_pa,
    ] = series;
    let pressure_pa = if columns[5].is_some() {
        pressure_pa
    } else {
        vec![standard_pressure_pa(elevation_m); n]
    };
    let [relative_humidity, dew_point] = humidity;
    let (relative_humidity_pct, estimated) = crate::weather::humidity_series(
        &relative_humidity,
        &dew_point,
        &temp_air_c,
        (86_400 / step_s) as usize,
        max_gap_rows,
    );

    let weather = Weather {
        file_sha256: None,
        start_unix_s: times[0],
        step_s,
        ghi_w_m2,
        dni_w_m2,
        dhi_w_m2,
        temp_air_c,
        wind_speed_m_s,
        pressure_pa,
        relative_humidity_pct,
        wind_height_m,
        source: format!(
            "CSV file {file_name}, {n} steps of {} from {}{}",
            fmt_duration(step_s),
            format_utc(times[0]),
            crate::weather::humidity_note(estimated, n)
        ),
    };
    Ok((weather, location))
}

/// One comment line (without the `#`) at `line`: a known `key: value` sets `meta`, anything
/// else is free text.
fn parse_comment(comment: &str, line: usize, meta: &mut Metadata) -> Result<(), String> {
    let Some(split) = comment.find([':', '=']) else {
        return Ok(());
    };
    let key = normalize_name(comment.get(..split).unwrap_or(""));
    let value = comment.get(split + 1..).unwrap_or("").trim();
    let number = |name: String, min: f64, max: f64, unit: &str| -> Result<f64, String> {
        let v: f64 = value.parse().map_err(|_| {
            tr!(
                "engine-csv-comment-not-a-number",
                name = name.as_str(),
                value = shorten(value)
            )
        })?;
        if !(min..=max).contains(&v) {
            return Err(tr!(
                "engine-csv-comment-out-of-range",
                name = name.as_str(),
                value = local_number(v.to_string()),
                unit = unit,
                min = local_number(min.to_string()),
                max = local_number(max.to_string())
            ));
        }
        Ok(v)
    };
    let set = |slot: &mut Option<(usize, f64)>, v: f64, name: &str| -> Result<(), String> {
        if let Some((first, _)) = slot {
            return Err(tr!(
                "engine-csv-given-twice",
                name = name,
                line = first.to_string()
            ));
        }
        *slot = Some((line, v));
        Ok(())
    };
    match key.as_str() {
        "latitude" | "latitude_deg" | "lat" => {
            let r = ranges::LATITUDE;
            let v = number(r.name(), r.min, r.max, r.unit)?;
            set(&mut meta.latitude_deg, v, "latitude")
        }
        "longitude" | "longitude_deg" | "lon" => {
            let r = ranges::LONGITUDE;
            let v = number(r.name(), r.min, r.max, r.unit)?;
            set(&mut meta.longitude_deg, v, "longitude")
        }
        "elevation_m" | "elevation" => {
            let r = ranges::ELEVATION;
            let v = number(r.name(), r.min, r.max, r.unit)?;
            set(&mut meta.elevation_m, v, "elevation")
        }
        "wind_height_m" => {
            let v = number("wind_height_m".to_owned(), 1.0, 300.0, "m")?;
            set(&mut meta.wind_height_m, v, "wind_height_m")
        }
        "name" | "site" => {
            if let Some((first, _)) = &meta.name {
                return Err(tr!(
                    "engine-csv-given-twice",
                    name = "name",
                    line = first.to_string()
                ));
            }
            meta.name = Some((line, value.to_string()));
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The location given by the comments: latitude and longitude together, or none.
fn location_from(
    meta: &Metadata,
    default_name: &str,
) -> Result<Option<WeatherLocation>, (usize, String)> {
    match (meta.latitude_deg, meta.longitude_deg) {
        (Some((_, latitude_deg)), Some((_, longitude_deg))) => Ok(Some(WeatherLocation {
            latitude_deg,
            longitude_deg,
            elevation_m: meta.elevation_m.map_or(0.0, |(_, e)| e),
            // A name from the file: control characters shown as escapes, never carried raw.
            name: crate::text::escaped(&crate::text::shorten_to(
                &meta
                    .name
                    .as_ref()
                    .map_or_else(|| default_name.to_string(), |(_, n)| n.clone()),
                200,
            )),
        })),
        (Some((line, _)), None) => Err((line, tr!("engine-csv-latitude-without-longitude"))),
        (None, Some((line, _))) => Err((line, tr!("engine-csv-longitude-without-latitude"))),
        (None, None) => Ok(None),
    }
}

/// The separator the header row uses most (outside quotes): comma, semicolon or tab.
fn detect_separator(header: &str) -> Option<u8> {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (sep, count) in counts.iter_mut() {
                if b == *sep {
                    *count += 1;
                }
            }
        }
    }
    // Ties go to the earlier entry (comma).
    let mut best = counts[0];
    for c in counts.iter().skip(1) {
        if c.1 > best.1 {
            best = *c;
        }
    }
    (best.1 > 0).then_some(best.0)
}

/// Lower case, unit in brackets removed, spaces and `-` as `_`: `"GHI [W/m2]"` -> `"ghi"`.
fn normalize_name(name: &str) -> String {
    let base = name.split(['[', '(']).next().unwrap_or("");
    let mut out = String::new();
    for c in base.trim().chars() {
        let c = if c == ' ' || c == '-' {
            '_'
        } else {
            c.to_ascii_lowercase()
        };
        if !(c == '_' && out.ends_with('_')) {
            out.push(c);
        }
    }
    out.trim_matches('_').to_string()
}

/// The unit in brackets of a column name, lower case: `"Pressure (hPa)"` -> `Some("hpa")`.
fn bracket_unit(name: &str) -> Option<String> {
    let start = name.find(['[', '('])?;
    let inner = name.get(start + 1..)?;
    let inner = inner.split([']', ')']).next().unwrap_or(inner);
    Some(inner.trim().to_ascii_lowercase())
}

type ColumnMap = (Column, [Option<Column>; 8], PressureUnit);

/// Find the time column and the quantity columns in the header row.
fn map_columns(header: &::csv::StringRecord) -> Result<ColumnMap, String> {
    let mut time: Option<Column> = None;
    let mut columns: [Option<Column>; 8] = std::array::from_fn(|_| None);
    let mut pressure_unit = PressureUnit::ByMagnitude;
    for (index, written) in header.iter().enumerate() {
        let name = normalize_name(written);
        if name.is_empty() {
            continue;
        }
        let column = Column {
            index,
            written: written.to_string(),
        };
        if TIME_NAMES.contains(&name.as_str()) {
            if let Some(first) = &time {
                return Err(tr!(
                    "engine-csv-two-time-columns",
                    first = first.written.as_str(),
                    second = written
                ));
            }
            time = Some(column);
            continue;
        }
        let Some(k) = QUANTITIES
            .iter()
            .position(|q| q.names.contains(&name.as_str()))
        else {
            continue; // another column, ignored
        };
        if let Some(first) = &columns[k] {
            return Err(tr!(
                "engine-csv-two-columns",
                first = first.written.as_str(),
                second = written,
                quantity = QUANTITIES[k].range.name()
            ));
        }
        if QUANTITIES[k].quantity == Quantity::Pressure {
            let by_name = match name.as_str() {
                "pressure_pa" => Some(1.0),
                "pressure_hpa" | "pressure_mbar" => Some(100.0),
                "pressure_kpa" => Some(1000.0),
                _ => None,
            };
            let by_unit = match bracket_unit(written).as_deref() {
                None => None,
                Some("pa") => Some(1.0),
                Some("hpa" | "mbar" | "mb") => Some(100.0),
                Some("kpa") => Some(1000.0),
                Some(other) => {
                    return Err(tr!(
                        "engine-csv-pressure-unit",
                        unit = other,
                        column = written
                    ));
                }
            };
            pressure_unit = match (by_name, by_unit) {
                (Some(a), Some(b)) if a != b => {
                    return Err(tr!("engine-csv-two-pressure-units", column = written));
                }
                (Some(f), _) | (None, Some(f)) => PressureUnit::Factor(f),
                (None, None) => PressureUnit::ByMagnitude,
            };
        }
        columns[k] = Some(column);
    }
    if time.is_none() && columns.iter().all(Option::is_none) {
        // Not a weather file at all: its header row is not shown.
        return Err(tr!(
            "engine-csv-not-weather",
            columns = whole(header.len() as u64)
        ));
    }
    let Some(time) = time else {
        return Err(tr!(
            "engine-csv-no-time-column",
            names = TIME_NAMES.join(", "),
            unknown = unknown_columns(header)
        ));
    };
    let missing: Vec<String> = QUANTITIES
        .iter()
        .zip(columns.iter())
        .filter(|(q, c)| c.is_none() && !q.quantity.optional())
        .map(|(q, _)| format!("{} ({})", q.range.name(), q.names.join(" | ")))
        .collect();
    if !missing.is_empty() {
        return Err(tr!(
            "engine-csv-missing-columns",
            columns = missing.join(&tr!("engine-csv-column-separator")),
            unknown = unknown_columns(header)
        ));
    }
    Ok((time, columns, pressure_unit))
}

/// The columns of `header` that are not weather columns (the offending names, shortened, at
/// most 5), for a message: "; not recognised: 'tmp_air'".
fn unknown_columns(header: &::csv::StringRecord) -> String {
    let unknown: Vec<&str> = header
        .iter()
        .filter(|n| {
            let name = normalize_name(n);
            !name.is_empty()
                && !TIME_NAMES.contains(&name.as_str())
                && !QUANTITIES.iter().any(|q| q.names.contains(&name.as_str()))
        })
        .collect();
    if unknown.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = unknown
        .iter()
        .take(5)
        .map(|n| format!("'{}'", shorten(n)))
        .collect();
    if unknown.len() > 5 {
        tr!(
            "engine-csv-not-recognised-more",
            names = shown.join(", "),
            more = whole(unknown.len() as u64 - 5)
        )
    } else {
        tr!("engine-csv-not-recognised", names = shown.join(", "))
    }
}

/// Factor from the column's unit to Pa.
fn pressure_factor(
    unit: PressureUnit,
    values: &[Option<f64>],
    written: &str,
) -> Result<f64, String> {
    if let PressureUnit::Factor(f) = unit {
        return Ok(f);
    }
    let mut valid: Vec<f64> = values.iter().flatten().copied().collect();
    if valid.is_empty() {
        return Ok(1.0); // reported as an empty column later
    }
    valid.sort_by(f64::total_cmp);
    let median = valid[valid.len() / 2];
    if (300.0..=1200.0).contains(&median) {
        Ok(100.0)
    } else if (30_000.0..=120_000.0).contains(&median) {
        Ok(1.0)
    } else {
        Err(tr!(
            "engine-csv-pressure-magnitude",
            column = written,
            median = local_number(median.to_string())
        ))
    }
}

/// `Ok(None)` for a missing value; `Err(())` when the cell is not a number.
fn parse_cell(raw: &str, decimal_comma: bool) -> Result<Option<f64>, ()> {
    let text = raw.trim();
    if text.is_empty()
        || text.eq_ignore_ascii_case("nan")
        || text.eq_ignore_ascii_case("na")
        || text.eq_ignore_ascii_case("n/a")
    {
        return Ok(None);
    }
    let converted;
    let text = if decimal_comma && text.contains(',') && !text.contains('.') {
        converted = text.replacen(',', ".", 1);
        converted.as_str()
    } else {
        text
    };
    let value: f64 = text.parse().map_err(|_| ())?;
    if !value.is_finite() {
        return Err(());
    }
    if value == MISSING_CODE {
        return Ok(None);
    }
    Ok(Some(value))
}

/// Seconds since the Unix epoch (UTC) of an ISO 8601 date and time (see the module docs).
fn parse_timestamp(raw: &str) -> Result<i64, String> {
    let s = raw.trim();
    let bad = |why: &str| {
        tr!(
            "engine-csv-bad-timestamp",
            value = shorten(s),
            why = tr!(why)
        )
    };
    if s.is_empty() {
        return Err(tr!("engine-csv-no-timestamp"));
    }
    let b = s.as_bytes();
    let digits = |at: usize, n: usize| -> Option<i64> {
        let part = b.get(at..at + n)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0, |acc, d| acc * 10 + i64::from(d - b'0')))
    };
    let byte = |at: usize| b.get(at).copied();
    let (Some(year), Some(b'-'), Some(month), Some(b'-'), Some(day)) =
        (digits(0, 4), byte(4), digits(5, 2), byte(7), digits(8, 2))
    else {
        return Err(bad("engine-timestamp-no-date"));
    };
    if !matches!(byte(10), Some(b'T' | b't' | b' ')) {
        return Err(bad("engine-timestamp-no-time"));
    }
    let (Some(hour), Some(b':'), Some(minute)) = (digits(11, 2), byte(13), digits(14, 2)) else {
        return Err(bad("engine-timestamp-no-hhmm"));
    };
    let mut pos = 16;
    let mut second = 0;
    if byte(pos) == Some(b':') {
        second = digits(pos + 1, 2).ok_or_else(|| bad("engine-timestamp-bad-seconds"))?;
        pos += 3;
        if byte(pos) == Some(b'.') {
            pos += 1;
            let start = pos;
            while byte(pos).is_some_and(|c| c.is_ascii_digit()) {
                if byte(pos) != Some(b'0') {
                    return Err(bad("engine-timestamp-fractions"));
                }
                pos += 1;
            }
            if pos == start {
                return Err(bad("engine-timestamp-dot-without-digits"));
            }
        }
    }
    let valid_date = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && civil_from_days(days_from_civil(year, month as u32, day as u32))
            == (year, month as u32, day as u32);
    if !valid_date {
        return Err(bad("engine-timestamp-bad-date"));
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err(bad("engine-timestamp-time-out-of-range"));
    }
    let rest = s.get(pos..).unwrap_or("").trim_start();
    let offset_s = match rest {
        "" | "Z" | "z" | "UTC" | "utc" => 0,
        _ => {
            let r = rest.as_bytes();
            let sign = match r.first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return Err(bad("engine-timestamp-trailing-text")),
            };
            let two = |at: usize| -> Option<i64> {
                let part = r.get(at..at + 2)?;
                part.iter()
                    .all(u8::is_ascii_digit)
                    .then(|| part.iter().fold(0, |acc, d| acc * 10 + i64::from(d - b'0')))
            };
            let (oh, om) = match r.len() {
                3 => (two(1), Some(0)),
                5 => (two(1), two(3)),
                6 if r.get(3) == Some(&b':') => (two(1), two(4)),
                _ => (None, None),
            };
            let (Some(oh), Some(om)) = (oh, om) else {
                return Err(bad("engine-timestamp-bad-offset"));
            };
            if oh > 14 || om > 59 {
                return Err(bad("engine-timestamp-offset-too-large"));
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    Ok(days_from_civil(year, month as u32, day as u32) * 86_400
        + hour * 3600
        + minute * 60
        + second
        - offset_s)
}

/// A step or a gap in the current language: "1 hour", "15 min", "6.25 hours", "90 s" in
/// English ("1 heure", "6,25 heures" in French).
fn duration_text(seconds: i64) -> String {
    if seconds == 3600 {
        tr!("engine-duration-hour")
    } else if seconds % 3600 == 0 {
        tr!(
            "engine-duration-hours",
            hours = whole((seconds / 3600).unsigned_abs())
        )
    } else if seconds > 3600 && seconds % 60 == 0 {
        tr!(
            "engine-duration-hours",
            hours = local_number((seconds as f64 / 3600.0).to_string())
        )
    } else if seconds % 60 == 0 {
        tr!(
            "engine-duration-min",
            minutes = local_number((seconds / 60).to_string())
        )
    } else {
        tr!(
            "engine-duration-s",
            seconds = local_number(seconds.to_string())
        )
    }
}

/// [`fmt_duration`]'s English words ("15 min") in the current language, for a `source` shown
/// to a person; other text as it is.
pub(crate) fn duration_in_words(english: &str) -> String {
    let seconds = if english == "1 hour" {
        Some(3600.0)
    } else if let Some(h) = english.strip_suffix(" hours") {
        h.parse::<f64>().ok().map(|h| h * 3600.0)
    } else if let Some(m) = english.strip_suffix(" min") {
        m.parse::<f64>().ok().map(|m| m * 60.0)
    } else if let Some(s) = english.strip_suffix(" s") {
        s.parse::<f64>().ok()
    } else {
        None
    };
    match seconds {
        Some(s) if s.fract() == 0.0 && s.abs() < 1e12 => duration_text(s as i64),
        _ => english.to_owned(),
    }
}

/// "1 hour", "15 min", "6.25 hours", "90 s" (in English: the weather's `source`, which results
/// and shard files record).
fn fmt_duration(seconds: i64) -> String {
    if seconds == 3600 {
        "1 hour".to_string()
    } else if seconds % 3600 == 0 {
        format!("{} hours", seconds / 3600)
    } else if seconds > 3600 && seconds % 60 == 0 {
        format!("{} hours", seconds as f64 / 3600.0)
    } else if seconds % 60 == 0 {
        format!("{} min", seconds / 60)
    } else {
        format!("{seconds} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> (Weather, Option<WeatherLocation>) {
        match parse_weather_csv(text, "w.csv") {
            Ok(r) => r,
            Err(e) => panic!("expected success, got: {e}"),
        }
    }

    fn message(text: &str) -> String {
        match parse_weather_csv(text, "w.csv") {
            Ok(_) => panic!("expected an error for:\n{text}"),
            Err(e) => e.to_string(),
        }
    }

    /// Hourly rows from 2029-01-01T00:00Z: `rows` lines of the six required columns with
    /// GHI = 10 * hour, DNI = 5 * hour, DHI = hour, temperature 20 + hour / 4, wind 5.
    fn hourly(rows: usize) -> String {
        let mut s = String::from("timestamp,ghi,dni,dhi,temp_air,wind_speed\n");
        for h in 0..rows {
            s.push_str(&format!(
                "{},{},{},{},{},5\n",
                format_utc(EPOCH_2029 + h as i64 * 3600),
                10 * h,
                5 * h,
                h,
                20.0 + h as f64 / 4.0
            ));
        }
        s
    }

    /// 2029-01-01T00:00:00Z in Unix seconds (Python: `calendar.timegm((2029, 1, 1, 0, 0, 0))`).
    const EPOCH_2029: i64 = 1_861_920_000;

    #[test]
    fn humidity_comes_from_its_column_else_the_dew_point_else_the_estimate() {
        let head = "timestamp,ghi,dni,dhi,temp_air,wind_speed,RH [%],dew_point\n";
        let rows = [
            "2029-01-01T00:00:00Z,0,0,0,20,5,80,",
            "2029-01-01T01:00:00Z,0,0,0,20,5,,10",
            "2029-01-01T02:00:00Z,0,0,0,20,5,104,",
            "2029-01-01T03:00:00Z,0,0,0,20,5,,",
            "2029-01-01T04:00:00Z,0,0,0,20,5,60,",
        ];
        let (w, _) = ok(&format!("{head}{}\n", rows.join("\n")));
        let rh = &w.relative_humidity_pct;
        assert_eq!(rh[0], 80.0);
        // Dew point 10 C at 20 C: 1228 / 2339 Pa = 52.5 % (ASHRAE saturation pressures).
        assert!((rh[1] - 52.5).abs() < 0.1, "{rh:?}");
        assert_eq!(rh[2], 100.0, "above 100 % reads as 100 %");
        assert!(
            (rh[3] - 80.0).abs() < 1e-9,
            "a one-hour gap interpolates: {rh:?}"
        );
        assert_eq!(rh[4], 60.0);
        assert!(!w.source.contains("humidity"), "{}", w.source);
        // Out of range: the line and the quantity are named.
        let bad = format!(
            "{head}{}\n{}\n",
            rows[0], "2029-01-01T01:00:00Z,0,0,0,20,5,120,"
        );
        let msg = message(&bad);
        assert!(
            msg.starts_with("w.csv:3:") && msg.contains("relative humidity"),
            "{msg}"
        );
        // A gap longer than 6 hours takes the estimate for those steps, and the source says
        // how many.
        let mut long = String::from(head);
        for h in 0..24 {
            let rh = if (4..14).contains(&h) {
                String::new()
            } else {
                "70".into()
            };
            let t = 15.0 + f64::from(h % 12);
            long.push_str(&format!("2029-01-01T{h:02}:00:00Z,0,0,0,{t},5,{rh},\n"));
        }
        let (w, _) = ok(&long);
        assert!(
            w.source.ends_with("(humidity estimated for 10 steps)"),
            "{}",
            w.source
        );
        // Humidity written as a fraction (0.8 for 80 %) is refused, not read as 0.8 %.
        let fraction = format!(
            "{head}2029-01-01T00:00:00Z,0,0,0,20,5,0.8,\n2029-01-01T01:00:00Z,0,0,0,20,5,0.75,\n"
        );
        let msg = message(&fraction);
        assert!(
            msg.starts_with("w.csv:1:") && msg.contains("fraction"),
            "{msg}"
        );
        assert!(
            w.relative_humidity_pct
                .iter()
                .all(|v| (0.0..=100.0).contains(v))
        );
    }

    #[test]
    fn reads_the_documented_example() {
        let text = "# Dakhla met mast, cleaned 2029-02\n\
            # latitude: 23.72\n\
            # longitude: -15.93\n\
            # elevation_m: 10\n\
            # wind_height_m: 40\n\
            # name: Dakhla mast\n\
            timestamp,ghi,dni,dhi,temp_air,wind_speed,pressure_hpa\n\
            2029-01-01T00:00:00Z,0,0,0,18.2,6.1,1013.2\n\
            2029-01-01T01:00:00Z,0,0,0,17.9,6.4,1013.0\n";
        let (w, loc) = ok(text);
        assert_eq!(w.start_unix_s, EPOCH_2029);
        assert_eq!(w.step_s, 3600);
        assert_eq!(w.len(), 2);
        assert_eq!(w.temp_air_c, vec![18.2, 17.9]);
        assert_eq!(w.wind_speed_m_s, vec![6.1, 6.4]);
        assert!((w.pressure_pa[0] - 101_320.0).abs() < 1e-6);
        assert!((w.pressure_pa[1] - 101_300.0).abs() < 1e-6);
        assert_eq!(w.wind_height_m, 40.0);
        // No humidity column: the dew point is the day's lowest temperature (FAO-56), so the
        // coolest hour is saturated, and the source says so.
        assert_eq!(
            w.source,
            "CSV file w.csv, 2 steps of 1 hour from 2029-01-01T00:00:00Z (humidity estimated \
             from the daily lowest temperature)"
        );
        assert_eq!(w.relative_humidity_pct[1], 100.0);
        assert!(
            (w.relative_humidity_pct[0] - 98.1).abs() < 0.1,
            "{:?}",
            w.relative_humidity_pct
        );
        assert_eq!(
            loc,
            Some(WeatherLocation {
                latitude_deg: 23.72,
                longitude_deg: -15.93,
                elevation_m: 10.0,
                name: "Dakhla mast".into(),
            })
        );
    }

    #[test]
    fn hourly_output_of_simulate_reads_back() {
        // The columns of `simulate --hourly` this reader relies on (sim::series::HOURLY_COLUMNS
        // starts with them; a test of the report crate holds it to that).
        // Hand-written in the writer's style: `format_utc` stamps, shortest f64 text, 0 as "0".
        let text = "timestamp_utc,ghi_w_m2,dni_w_m2,dhi_w_m2,temp_air_c,wind_speed_m_s,\
            it_load_mw,pue,facility_load_mw,solar_mw,wind_mw,battery_charge_mw,\
            battery_discharge_mw,battery_soc_mwh,backup_mw,curtailed_mw,unmet_mw\n\
            2027-06-01T10:00:00Z,812.5,655.25,170.125,24.75,7.5,400,1.21,484,310.2,120.1,0,0,900,53.7,0,0\n\
            2027-06-01T11:00:00Z,901,702.5,180,25.5,7.25,400,1.22,488,330,118,0,0,900,40,0,0\n\
            2027-06-01T12:00:00Z,930.0000000000001,715,185.5,26,6.875,400,1.23,492,340,110,0,0,900,42,0,0\n";
        let (w, loc) = ok(text);
        assert_eq!(loc, None);
        // Python: calendar.timegm((2027, 6, 1, 10, 0, 0)).
        assert_eq!(w.start_unix_s, 1_811_844_000);
        assert_eq!(w.step_s, 3600);
        assert_eq!(w.ghi_w_m2, vec![812.5, 901.0, 930.0000000000001]);
        assert_eq!(w.dni_w_m2, vec![655.25, 702.5, 715.0]);
        assert_eq!(w.dhi_w_m2, vec![170.125, 180.0, 185.5]);
        assert_eq!(w.temp_air_c, vec![24.75, 25.5, 26.0]);
        assert_eq!(w.wind_speed_m_s, vec![7.5, 7.25, 6.875]);
        assert_eq!(w.wind_height_m, 10.0);
        // No pressure column, no elevation: standard atmosphere at sea level, 101 325 Pa.
        for p in &w.pressure_pa {
            assert!((p - 101_325.0).abs() < 0.01, "{p}");
        }
    }

    #[test]
    fn written_weather_round_trips_exactly() {
        // A series written the way `report::write_hourly_csv` writes it (Display of f64 is
        // shortest round-trip text) reads back bit for bit.
        let ghi = [0.0, 0.1 + 0.2, 1.0 / 3.0, 1234.5678901234];
        let mut text =
            String::from("timestamp_utc,ghi_w_m2,dni_w_m2,dhi_w_m2,temp_air_c,wind_speed_m_s\n");
        for (i, g) in ghi.iter().enumerate() {
            text.push_str(&format!(
                "{},{g},{g},{g},{},{}\n",
                format_utc(EPOCH_2029 + 900 * i as i64),
                -3.0 - g / 1000.0,
                g / 100.0
            ));
        }
        let (w, _) = ok(&text);
        assert_eq!(w.step_s, 900);
        assert_eq!(w.ghi_w_m2, ghi.to_vec());
        assert_eq!(w.dhi_w_m2, ghi.to_vec());
        let temps: Vec<f64> = ghi.iter().map(|g| -3.0 - g / 1000.0).collect();
        assert_eq!(w.temp_air_c, temps);
    }

    #[test]
    fn column_aliases_separators_and_quoting() {
        let expected = ok(&hourly(3)).0;
        let variants = [
            // Other names, any case, units in brackets, extra columns in between.
            "Time,GHI [W/m2],Global_Horizontal_x,DNI (W/m2),DHI,Temperature [C],WSPD [m/s]\n\
             2029-01-01 00:00,0,99,0,0,20,5\n\
             2029-01-01 01:00,10,99,5,1,20.25,5\n\
             2029-01-01 02:00,20,99,10,2,20.5,5\n",
            // Semicolons with decimal commas, CRLF, a byte-order mark, trailing separator.
            "\u{feff}DateTime;global_horizontal;direct_normal;diffuse_horizontal;Tdry;wind speed;\r\n\
             2029-01-01T00:00;0;0;0;20;5;\r\n\
             2029-01-01T01:00;10;5;1;20,25;5;\r\n\
             2029-01-01T02:00;20;10;2;20,5;5;\r\n\
             ;;;;;;\r\n",
            // Tabs, quoted cells, spaces around values, dry_bulb and date_time names.
            "date_time\tghi_w_m2\tdni_w_m2\tdhi_w_m2\tdry_bulb\twind_speed_m_s\n\
             \"2029-01-01T00:00:00Z\"\t 0 \t0\t0\t\"20\"\t5\n\
             2029-01-01T00:00:00+00:00\t10\t5\t1\t20.25\t5\n",
        ];
        let (w, _) = ok(variants[0]);
        assert_eq!(
            w,
            Weather {
                file_sha256: None,
                source: w.source.clone(),
                ..expected.clone()
            }
        );
        let (w, _) = ok(variants[1]);
        assert_eq!(
            w,
            Weather {
                file_sha256: None,
                source: w.source.clone(),
                ..expected.clone()
            }
        );
        // The third variant repeats a timestamp (same instant written with an offset).
        let msg = message(variants[2]);
        assert!(
            msg.starts_with("w.csv:3: duplicate timestamp")
                || msg.starts_with("w.csv:3: this row has the same time"),
            "{msg}"
        );
    }

    #[test]
    fn timestamps_in_iso_8601() {
        for (text, unix) in [
            ("2029-01-01T00:00:00Z", EPOCH_2029),
            ("2029-01-01T00:00Z", EPOCH_2029),
            ("2029-01-01 00:00", EPOCH_2029),
            ("2029-01-01t00:00:00z", EPOCH_2029),
            ("2029-01-01T00:00:00.000Z", EPOCH_2029),
            ("2029-01-01 00:00 UTC", EPOCH_2029),
            // Python: datetime(2029,1,1,1,0,tzinfo=timezone(timedelta(hours=1))).timestamp()
            ("2029-01-01T01:00:00+01:00", EPOCH_2029),
            ("2029-01-01T01:00+0100", EPOCH_2029),
            ("2029-01-01T01:00+01", EPOCH_2029),
            // ... and timezone(-timedelta(hours=3, minutes=30)): 1_861_932_600.
            ("2029-01-01T00:00:00-03:30", 1_861_932_600),
            // calendar.timegm((2028, 2, 29, 13, 45, 0))
            ("2028-02-29T13:45:00Z", 1_835_444_700),
        ] {
            assert_eq!(parse_timestamp(text), Ok(unix), "{text}");
        }
        for (text, why) in [
            ("01/01/2029 00:00", "does not start with a date"),
            ("2029-01-01", "no time of day"),
            ("2029-02-29 00:00", "not a valid calendar date"),
            ("2029-13-01 00:00", "not a valid calendar date"),
            ("2029-01-01 24:00", "out of range"),
            ("2029-01-01 00:00:00.5", "fractions of a second"),
            ("2029-01-01 00:00 CET", "unexpected text"),
            ("2029-01-01 00:00+1", "malformed UTC offset"),
            ("2029-01-01 00:00+15:00", "beyond 14 hours"),
            ("2029-01-01 0:00", "no time of day"),
            ("2029-01-01T00:0é", "no time of day"),
            ("é", "does not start with a date"),
        ] {
            let msg = parse_timestamp(text).unwrap_err();
            assert!(msg.contains(why), "{text}: {msg}");
        }
        assert_eq!(parse_timestamp(""), Err("this row has no timestamp".into()));
    }

    #[test]
    fn steps_are_detected_and_must_be_regular() {
        let six = hourly(6);
        for minutes in [60, 30, 15, 10, 5, 1] {
            let mut text = String::from("time,ghi,dni,dhi,temp_air,wind_speed\n");
            for i in 0..5 {
                let t = EPOCH_2029 + 1800 + i * minutes * 60;
                text.push_str(&format!("{},1,2,3,4,5\n", format_utc(t)));
            }
            let (w, _) = ok(&text);
            assert_eq!(w.step_s, minutes * 60);
            assert_eq!(w.start_unix_s, EPOCH_2029 + 1800);
            assert_eq!(w.len(), 5);
        }
        let msg = message(&hourly(3).replace("01:00:00Z", "00:20:00Z"));
        assert!(
            msg.starts_with("w.csv:3: the time step from line 2 to this row is 20 min"),
            "{msg}"
        );
        assert!(msg.contains("60, 30, 15, 10, 5 or 1 minutes"), "{msg}");
        // Duplicate: line 5 repeats line 4.
        let mut lines: Vec<&str> = six.lines().collect::<Vec<_>>();
        let dup = lines[3].to_string();
        lines[4] = &dup;
        let msg = message(&lines.join("\n"));
        assert_eq!(
            msg,
            "w.csv:5: duplicate timestamp: 2029-01-01T02:00:00Z is also on line 4"
        );
        // A skipped hour: line 5 (03:00) removed.
        let mut lines: Vec<&str> = six.lines().collect();
        lines.remove(4);
        let msg = message(&lines.join("\n"));
        assert!(
            msg.starts_with(
                "w.csv:5: expected 2029-01-01T03:00:00Z (one step of 1 hour after line 4), \
                 found 2029-01-01T04:00:00Z"
            ),
            "{msg}"
        );
        // Going back in time.
        let mut lines: Vec<&str> = six.lines().collect();
        lines.swap(4, 5);
        let msg = message(&lines.join("\n"));
        assert!(
            msg.starts_with("w.csv:5: expected 2029-01-01T03:00:00Z"),
            "{msg}"
        );
        let msg = message(&lines[..3].join("\n").replace("01:00:00Z", "00:00:00Z"));
        assert!(
            msg.starts_with("w.csv:3: this row has the same time as line 2"),
            "{msg}"
        );
        let msg = message(&six.replace("T03:00:00Z", "T01:00:00Z"));
        assert_eq!(
            msg,
            "w.csv:5: the time goes back: 2029-01-01T01:00:00Z comes after \
             2029-01-01T02:00:00Z on line 4"
        );
        let msg = message(&hourly(1));
        assert!(
            msg.starts_with("w.csv:2: the file has 1 data row(s)"),
            "{msg}"
        );
    }

    #[test]
    fn missing_values_are_interpolated_up_to_six_hours() {
        let text = hourly(20)
            .replace(",30,15,3,20.75,5", ",,NaN,-9999,nan,")
            .replace(",40,20,4,21,5", ",-9999.0,,NA,,")
            .replace(",190,95,19,24.75,5", ",,95,19,24.75,5");
        let (w, _) = ok(&text);
        assert_eq!(&w.ghi_w_m2[2..6], &[20.0, 30.0, 40.0, 50.0]);
        assert_eq!(&w.dni_w_m2[2..6], &[10.0, 15.0, 20.0, 25.0]);
        assert_eq!(&w.dhi_w_m2[2..6], &[2.0, 3.0, 4.0, 5.0]);
        assert_eq!(&w.temp_air_c[2..6], &[20.5, 20.75, 21.0, 21.25]);
        assert_eq!(w.wind_speed_m_s, vec![5.0; 20]);
        // The last value missing: the nearest one is held.
        assert_eq!(w.ghi_w_m2[19], 180.0);

        // Six missing hours are filled, seven are an error naming column and lines.
        let gap = |hours: usize| {
            let mut lines: Vec<String> = hourly(20).lines().map(str::to_string).collect();
            for line in lines.iter_mut().skip(4).take(hours) {
                let mut cells: Vec<&str> = line.split(',').collect();
                cells[3] = "";
                *line = cells.join(",");
            }
            lines.join("\n")
        };
        assert!(parse_weather_csv(&gap(6), "w.csv").is_ok());
        assert_eq!(
            message(&gap(7)),
            "w.csv:5: column 'dhi' (diffuse horizontal irradiance) is missing for 7 hours \
             (lines 5 to 11); at most 6 hours can be filled by interpolation"
        );
        let text = hourly(3).replace(",5\n", ",\n");
        assert_eq!(
            message(&text),
            "w.csv:2: column 'wind_speed' (wind speed) has no value in any row"
        );
        // On 5-minute data the limit is still 6 hours (72 steps).
        let mut text = String::from("time,ghi,dni,dhi,temp_air,wind_speed\n");
        for i in 0..200 {
            let wind = if (10..83).contains(&i) { "" } else { "4" };
            text.push_str(&format!(
                "{},0,0,0,10,{wind}\n",
                format_utc(EPOCH_2029 + i * 300)
            ));
        }
        assert!(
            message(&text).starts_with(
                "w.csv:12: column 'wind_speed' (wind speed) is missing for 6.083333333333333 \
                 hours (lines 12 to 84)"
            ),
            "{}",
            message(&text)
        );
    }

    #[test]
    fn pressure_units() {
        let with = |name: &str, values: [&str; 2]| {
            format!(
                "timestamp,ghi,dni,dhi,temp_air,wind_speed,{name}\n\
                 2029-01-01T00:00Z,0,0,0,18,6,{}\n2029-01-01T01:00Z,0,0,0,18,6,{}\n",
                values[0], values[1]
            )
        };
        let read = |name: &str, values: [&str; 2]| ok(&with(name, values)).0.pressure_pa;
        let hpa = vec![101_320.0, 101_300.0];
        let close = |a: Vec<f64>, b: &[f64]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-6);
        assert!(close(read("pressure_hpa", ["1013.2", "1013"]), &hpa));
        assert!(close(read("Pressure_mbar", ["1013.2", "1013"]), &hpa));
        assert!(close(read("Pressure [hPa]", ["1013.2", "1013"]), &hpa));
        assert!(close(read("pressure", ["1013.2", "1013"]), &hpa)); // by magnitude
        assert!(close(read("pressure", ["101320", "101300"]), &hpa));
        assert!(close(read("pressure_pa", ["101320", "101300"]), &hpa));
        assert!(close(read("pressure (kPa)", ["101.32", "101.3"]), &hpa));
        let msg = message(&with("pressure", ["5", "5"]));
        assert!(
            msg.starts_with("w.csv:1: cannot tell the unit of pressure column 'pressure'"),
            "{msg}"
        );
        let msg = message(&with("pressure [atm]", ["1", "1"]));
        assert!(msg.contains("pressure unit 'atm'"), "{msg}");
        let msg = message(&with("pressure_hpa", ["101320", "101300"]));
        assert!(
            msg.starts_with(
                "w.csv:2: station pressure 10132000 Pa in column 'pressure_hpa' is outside"
            ),
            "{msg}"
        );
        // Without a column: standard atmosphere at the elevation (pvlib alt2pres(10) =
        // 101204.93 Pa).
        let text = format!("# elevation_m: 10\n{}", hourly(2));
        let (w, loc) = ok(&text);
        assert_eq!(loc, None);
        assert!(
            (w.pressure_pa[0] - 101_204.93).abs() < 0.01,
            "{}",
            w.pressure_pa[0]
        );
    }

    #[test]
    fn header_comments() {
        let (_, loc) = ok(&format!(
            "#latitude=23.72\n#  Longitude : -15.93\n# source: measured\n\n{}",
            hourly(2)
        ));
        let loc = loc.unwrap();
        assert_eq!(
            (loc.latitude_deg, loc.longitude_deg, loc.elevation_m),
            (23.72, -15.93, 0.0)
        );
        assert_eq!(loc.name, "w.csv");
        let msg = message(&format!("# latitude: 23.72\n{}", hourly(2)));
        assert!(
            msg.starts_with("w.csv:1: the latitude is given but not the longitude"),
            "{msg}"
        );
        let msg = message(&format!("# note\n# longitude: 200\n{}", hourly(2)));
        assert_eq!(
            msg,
            "w.csv:2: longitude 200 deg in the header comments is outside -180 to 180 deg"
        );
        let msg = message(&format!("# wind_height_m: ten\n{}", hourly(2)));
        assert_eq!(
            msg,
            "w.csv:1: wind_height_m 'ten' in the header comments is not a number"
        );
        let msg = message(&format!("# lat: 1\n# latitude: 2\n{}", hourly(2)));
        assert_eq!(msg, "w.csv:2: latitude is given twice (first on line 1)");
    }

    #[test]
    fn header_problems_are_explained() {
        let msg = message("");
        assert!(
            msg.starts_with("w.csv:1: the file has no header row"),
            "{msg}"
        );
        let msg = message("# only a comment\n");
        assert!(
            msg.starts_with("w.csv:1: the file has no header row"),
            "{msg}"
        );
        // The header row of a file that is not a weather file is never shown.
        let msg = message("timestamp ghi dni\n");
        assert_eq!(
            msg,
            "w.csv:1: the first row that is not a comment has a single column, so this does not \
             look like a CSV weather file: its header row names the columns separated by commas \
             or semicolons, e.g. timestamp,ghi,dni,dhi,temp_air,wind_speed"
        );
        let msg = message("user,password,api_key\nadmin,hunter2,SECRETKEY\n");
        assert_eq!(
            msg,
            "w.csv:1: this does not look like a CSV weather file: none of its 3 column names is \
             a weather column (a time column such as timestamp, then ghi, dni, dhi, temp_air, \
             wind_speed)"
        );
        // In a weather file, the offending names are shown, and only those.
        let msg = message(&hourly(2).replace("timestamp", "when"));
        assert_eq!(
            msg,
            "w.csv:1: no time column: name one of timestamp, timestamp_utc, time, datetime, \
             date_time; not recognised: 'when'"
        );
        let msg = message(&hourly(2).replace(",dhi,", ",diffuse,"));
        assert_eq!(
            msg,
            "w.csv:1: missing column(s): diffuse horizontal irradiance (dhi | dhi_w_m2 | \
             diffuse_horizontal); not recognised: 'diffuse'"
        );
        let msg = message(&hourly(2).replace(",wind_speed", ",wind_speed,WSPD"));
        assert_eq!(
            msg,
            "w.csv:1: columns 'wind_speed' and 'WSPD' are both wind speed; keep one"
        );
        let msg = message(&hourly(2).replace("timestamp,", "timestamp,time,"));
        assert!(msg.contains("both look like the time column"), "{msg}");
    }

    #[test]
    fn row_problems_name_the_line() {
        let msg = message(&hourly(4).replace(",20,10,2,20.5,5", ",20,10"));
        assert_eq!(
            msg,
            "w.csv:4: this row has 3 value(s) but the header row has 6 columns"
        );
        let msg = message(&hourly(4).replace(",20,10,2,20.5,5", ",20,10,2,20.5,5,7"));
        assert_eq!(
            msg,
            "w.csv:4: this row has 7 values but the header row names only 6 columns"
        );
        let msg = message(&hourly(4).replace(",20.5,", ",warm,"));
        assert_eq!(
            msg,
            "w.csv:4: dry-bulb temperature 'warm' in column 'temp_air' is not a number (write an \
             empty cell, NaN or -9999 for a missing value)"
        );
        let msg = message(&hourly(4).replace(",20.5,", ",1e999,"));
        assert!(
            msg.starts_with("w.csv:4: dry-bulb temperature '1e999'"),
            "{msg}"
        );
        let msg = message(&hourly(4).replace(",20.5,5", ",20.5,-3"));
        assert_eq!(
            msg,
            "w.csv:4: wind speed -3 m/s in column 'wind_speed' is outside the plausible range \
             0 to 40 m/s"
        );
        let msg = message(&hourly(4).replace(",20,10,2,", ",2500,10,2,"));
        assert!(
            msg.starts_with("w.csv:4: global horizontal irradiance 2500 W/m2"),
            "{msg}"
        );
        // Small negative night readings are a sensor offset: read as 0.
        let (w, _) = ok(&hourly(4).replace(",0,0,0,20,", ",-2.5,-0.1,-10,20,"));
        assert_eq!(
            (w.ghi_w_m2[0], w.dni_w_m2[0], w.dhi_w_m2[0]),
            (0.0, 0.0, 0.0)
        );
        let msg = message(&hourly(4).replace(",0,0,0,20,", ",-11,0,0,20,"));
        assert!(
            msg.starts_with("w.csv:2: global horizontal irradiance -11 W/m2"),
            "{msg}"
        );
        let msg = message(&hourly(4).replace("2029-01-01T02:00:00Z", "1.1.2029 02:00"));
        assert!(
            msg.starts_with("w.csv:4: timestamp '1.1.2029 02:00' does not start"),
            "{msg}"
        );
        // Comment and blank lines between rows keep the line numbers right.
        let text = hourly(4).replacen("\n2029-01-01T01", "\n# a note\n\n2029-01-01T01", 1);
        let msg = message(&text.replace(",20.5,", ",warm,"));
        assert!(
            msg.starts_with("w.csv:6: dry-bulb temperature 'warm'"),
            "{msg}"
        );
        // An unterminated quote.
        let msg = message(&hourly(4).replace(",20.5,", ",\"20.5,"));
        assert!(msg.starts_with("w.csv:4: "), "{msg}");
    }

    /// A small deterministic generator (64-bit LCG, Knuth MMIX constants) for corruptions.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, bound: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % bound.max(1) as u64) as usize
        }
    }

    /// The reader returns (never panics) and errors say `w.csv:<line>: ...` with a line that
    /// exists (or one past the end).
    fn check(text: &str) {
        if let Err(e) = parse_weather_csv(text, "w.csv") {
            let msg = e.to_string();
            let rest = msg
                .strip_prefix("w.csv:")
                .unwrap_or_else(|| panic!("{msg}"));
            let line: usize = rest
                .split(':')
                .next()
                .and_then(|l| l.parse().ok())
                .unwrap_or_else(|| panic!("no line number: {msg}"));
            let lines = text.lines().count().max(1);
            assert!(
                line >= 1 && line <= lines + 1,
                "line {line} of {lines}: {msg}"
            );
            assert!(rest.len() > 4, "{msg}");
        }
    }

    #[test]
    fn never_panics_on_corrupted_files() {
        let base = format!(
            "# latitude: 23.72\n# longitude: -15.93\n# elevation_m: 10\n{}",
            hourly(8)
                .replace(",wind_speed\n", ",wind_speed,pressure\n")
                .replace(",5\n", ",5,1013\n")
        );
        check(&base);
        assert!(parse_weather_csv(&base, "w.csv").is_ok());
        // Every truncation.
        for cut in 0..=base.len() {
            if let Some(prefix) = base.get(..cut) {
                check(prefix);
            }
        }
        // Every character replaced by each of several troublemakers.
        let junk = [
            "", ",", ";", "\t", "\"", "#", "\n", "-", "9", "x", "é", "\r", " ", "NaN",
        ];
        let chars: Vec<(usize, char)> = base.char_indices().collect();
        for &(i, c) in &chars {
            for j in junk {
                let mut t = String::with_capacity(base.len() + 4);
                t.push_str(&base[..i]);
                t.push_str(j);
                t.push_str(&base[i + c.len_utf8()..]);
                check(&t);
            }
        }
        // Lines deleted, duplicated and swapped.
        let lines: Vec<&str> = base.lines().collect();
        for i in 0..lines.len() {
            let mut l = lines.clone();
            l.remove(i);
            check(&l.join("\n"));
            let mut l = lines.clone();
            l.insert(i, lines[i]);
            check(&l.join("\n"));
            if i + 1 < lines.len() {
                let mut l = lines.clone();
                l.swap(i, i + 1);
                check(&l.join("\n"));
            }
        }
        // Random multi-byte damage (deterministic).
        let mut rng = Lcg(7);
        let bytes = base.as_bytes();
        for _ in 0..2000 {
            let mut b = bytes.to_vec();
            for _ in 0..1 + rng.next(6) {
                let at = rng.next(b.len());
                b[at] = rng.next(256) as u8;
            }
            check(&String::from_utf8_lossy(&b));
        }
        for garbage in [
            "",
            "\n\n\n",
            "\u{feff}",
            "#",
            ",",
            ";;;;\n;;;;",
            "timestamp,ghi,dni,dhi,temp_air,wind_speed",
            "timestamp,ghi,dni,dhi,temp_air,wind_speed\n\"",
            "timestamp,ghi,dni,dhi,temp_air,wind_speed\n9999-12-31T23:00Z,0,0,0,0,0\n9999-12-31T23:59Z,0,0,0,0,0",
            "timestamp,ghi,dni,dhi,temp_air,wind_speed\n0000-01-01T00:00Z,0,0,0,0,0\n0000-01-01T01:00Z,0,0,0,0,0",
            "timestamp,ghi,dni,dhi,temp_air,wind_speed,pressure\n2029-01-01T00:00Z,0,0,0,0,0,\n2029-01-01T01:00Z,0,0,0,0,0,",
            "\0\0\0,\0\0",
        ] {
            check(garbage);
        }
    }

    #[test]
    fn read_from_disk_names_the_site_after_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dakhla_mast.csv");
        std::fs::write(
            &path,
            format!("# latitude: 23.7\n# longitude: -15.9\n{}", hourly(3)),
        )
        .unwrap();
        let (w, loc) = read_weather_csv(&path).unwrap();
        assert_eq!(w.len(), 3);
        assert_eq!(loc.unwrap().name, "dakhla_mast");
        assert!(w.source.contains("dakhla_mast.csv"));
        let missing = dir.path().join("nope.csv");
        let msg = read_weather_csv(&missing).unwrap_err().to_string();
        assert!(
            msg.contains("nope.csv: cannot read the weather file"),
            "{msg}"
        );
    }
}
