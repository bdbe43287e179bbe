//! Weather series (hourly or sub-hourly, UTC) and where they come from: the built-in seeded
//! Dakhla climate (`synthetic`), EnergyPlus EPW files (`epw`) and CSV files (`csv`, the format
//! is documented there). [`read_weather_file`] picks the reader from the file extension.
//!
//! Also here: [`file_sha256`] (to record which weather file a result came from) and
//! [`distance_km`] (to warn when a weather file's site is far from the scenario's site).

pub mod csv;
pub mod epw;
mod error;
pub mod ranges;
pub mod resample;
pub mod synthetic;

use dakhla_i18n::tr;
use std::path::Path;

pub use error::WeatherError;

pub use crate::calendar::{
    MONTH_NAMES, civil_from_days, days_from_civil, format_utc, is_leap_year,
};

/// Largest weather file that is read [bytes]. A year at 1-minute steps is about 80 MB as EPW;
/// refusing larger files unread keeps memory bounded.
pub const MAX_WEATHER_FILE_BYTES: u64 = 256_000_000;
/// Longest line of a weather file that is read [bytes] (a data row is about 100 characters).
pub const MAX_WEATHER_LINE_BYTES: usize = 65_536;
/// Most data rows of a weather file: two years at 1-minute steps (more than a century of
/// hourly data).
pub const MAX_WEATHER_ROWS: usize = 2 * 366 * 24 * 60;

/// Read a weather file's bytes as text (spreadsheet and EPW exports are sometimes Latin-1; the
/// numbers and names that matter are ASCII either way). A file larger than
/// [`MAX_WEATHER_FILE_BYTES`] is refused before it is read.
pub(crate) fn read_text_lossy(
    path: &std::path::Path,
) -> Result<(String, String, String), WeatherError> {
    use crate::files::InputError;
    let file = crate::text::path_text(path);
    let bytes = crate::files::read_input(path, MAX_WEATHER_FILE_BYTES).map_err(|e| match e {
        InputError::TooLarge(bytes) => match check_weather_size(&file, bytes) {
            Err(e) => e,
            Ok(()) => WeatherError::Read {
                file: file.clone(),
                reason: InputError::TooLarge(bytes).to_string(),
            },
        },
        InputError::NotAFile(kind) => WeatherError::Read {
            file: file.clone(),
            reason: tr!(
                "engine-weather-is-not-a-file",
                kind = crate::files::kind_text(kind)
            ),
        },
        other => WeatherError::Read {
            file: file.clone(),
            reason: other.to_string(),
        },
    })?;
    let sha = crate::hash::sha256_hex(&bytes);
    Ok((String::from_utf8_lossy(&bytes).into_owned(), file, sha))
}

/// Refuse weather data of more than [`MAX_WEATHER_FILE_BYTES`].
pub(crate) fn check_weather_size(file: &str, bytes: u64) -> Result<(), WeatherError> {
    if bytes <= MAX_WEATHER_FILE_BYTES {
        return Ok(());
    }
    Err(WeatherError::Format {
        file: file.to_string(),
        message: tr!(
            "engine-weather-too-large",
            size = crate::text::megabytes(bytes),
            max = crate::text::megabytes(MAX_WEATHER_FILE_BYTES)
        ),
    })
}

/// Refuse a line longer than [`MAX_WEATHER_LINE_BYTES`], naming it.
pub(crate) fn check_line_lengths(file: &str, text: &str) -> Result<(), WeatherError> {
    match text.lines().position(|l| l.len() > MAX_WEATHER_LINE_BYTES) {
        None => Ok(()),
        Some(i) => Err(WeatherError::Invalid {
            file: file.to_string(),
            line: i + 1,
            message: tr!(
                "engine-weather-line-too-long",
                length =
                    crate::text::whole(text.lines().nth(i).map_or(0, |l| l.chars().count()) as u64),
                max = crate::text::whole(MAX_WEATHER_LINE_BYTES as u64)
            ),
        }),
    }
}

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
    /// Relative humidity at 2 m [%], 0 to 100: read from the file (its relative humidity, or
    /// its dew point at the step's temperature) or, where the file has none, estimated from
    /// the day's lowest temperature ([`humidity_series`]; `source` then says for how many
    /// steps).
    pub relative_humidity_pct: Vec<f64>,
    /// Height above ground of the wind speed measurement [m].
    pub wind_height_m: f64,
    /// Where the data come from, in words (e.g. "synthetic Dakhla climate, seed 7, year 2027").
    pub source: String,
    /// SHA-256 of the weather file's bytes as read, for data read from a file: provenance names
    /// the weather by its content, and the bytes hashed are the bytes used.
    pub file_sha256: Option<String>,
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

/// The site a weather file describes (from an EPW `LOCATION` line or a CSV file's `#` header
/// comments).
#[derive(Clone, Debug, PartialEq)]
pub struct WeatherLocation {
    /// Latitude [deg], north positive.
    pub latitude_deg: f64,
    /// Longitude [deg], east positive.
    pub longitude_deg: f64,
    /// Elevation above sea level [m].
    pub elevation_m: f64,
    /// Station or site name, in words (may be empty).
    pub name: String,
}

impl From<&epw::EpwLocation> for WeatherLocation {
    /// Name is "city, country" (the country is left out when the file has none or "-").
    fn from(loc: &epw::EpwLocation) -> Self {
        let country = loc.country.trim();
        let name = if country.is_empty() || country == "-" {
            loc.city.clone()
        } else if loc.city.is_empty() {
            country.to_string()
        } else {
            format!("{}, {country}", loc.city)
        };
        WeatherLocation {
            latitude_deg: loc.latitude_deg,
            longitude_deg: loc.longitude_deg,
            elevation_m: loc.elevation_m,
            name,
        }
    }
}

/// Read a weather file, choosing the reader by extension (case-insensitive): `.epw` (EnergyPlus,
/// see [`epw`]) or `.csv` (see [`csv`]). Anything else is an error naming the two formats.
///
/// `year` stamps EPW data (typical years carry no real year, see [`epw::read_epw`]); CSV
/// timestamps are used as written and `year` is ignored for them.
pub fn read_weather_file(
    path: &Path,
    year: i32,
) -> Result<(Weather, Option<WeatherLocation>), WeatherError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("epw") => {
            epw::read_epw(path, year).map(|(w, loc)| (w, Some(WeatherLocation::from(&loc))))
        }
        Some("csv") => csv::read_weather_csv(path),
        other => {
            let what = match other {
                Some(e) => tr!("engine-weather-unknown-extension", extension = e),
                None => tr!("engine-weather-no-extension"),
            };
            Err(WeatherError::Format {
                file: path.display().to_string(),
                message: tr!("engine-weather-use-epw-or-csv", what = what),
            })
        }
    }
}

/// A weather series' `source` (which is kept in English: it is written into JSON results and
/// shard files, and names a study's weather) in the current language, for a person: "synthetic
/// Dakhla climate, seed 7, year 2027" reads "climat synthétique de Dakhla, graine 7, année
/// 2027" in French. The forms the readers and the engine write are recognised (with the notes
/// resampling and year-to-year variation add); any other text is returned as it is.
pub fn source_in_words(source: &str) -> String {
    if dakhla_i18n::current() == dakhla_i18n::Lang::En {
        return source.to_owned();
    }
    // Notes added after the description (the last added comes last).
    if let Some(base) =
        source.strip_suffix(" (humidity estimated from the daily lowest temperature)")
    {
        return tr!(
            "engine-source-humidity-estimated",
            source = source_in_words(base)
        );
    }
    if let Some((base, note)) = source.rsplit_once(" (humidity estimated for ")
        && let Some(steps) = note.strip_suffix(" steps)")
        && let Ok(steps) = steps.parse::<u64>()
    {
        return tr!(
            "engine-source-humidity-estimated-steps",
            source = source_in_words(base),
            steps = crate::text::whole(steps)
        );
    }
    if let Some(base) = source.strip_suffix(" (its own year-to-year variation)") {
        return tr!("engine-source-interannual", source = source_in_words(base));
    }
    if let Some((base, note)) = source.rsplit_once(" (means over ")
        && let Some(minutes) = note.strip_suffix(" min)")
        && minutes.bytes().all(|b| b.is_ascii_digit())
    {
        return tr!(
            "engine-source-means-over",
            source = source_in_words(base),
            minutes = minutes
        );
    }
    if let Some((base, note)) = source.rsplit_once(" (split into ")
        && let Some(minutes) = note.strip_suffix(" min steps)")
        && minutes.bytes().all(|b| b.is_ascii_digit())
    {
        return tr!(
            "engine-source-split-into",
            source = source_in_words(base),
            minutes = minutes
        );
    }
    if let Some(rest) = source.strip_prefix("synthetic ")
        && let Some((site, rest)) = rest.split_once(" climate, seed ")
        && let Some((seed, year)) = rest.split_once(", year ")
    {
        return tr!(
            "engine-source-synthetic",
            site = site,
            seed = seed,
            year = year
        );
    }
    if let Some(rest) = source.strip_prefix("EPW file ")
        && let Some((file, year)) = rest.rsplit_once(", data stamped as year ")
    {
        return tr!("engine-source-epw", file = file, year = year);
    }
    if let Some(rest) = source.strip_prefix("CSV file ")
        && let Some((rest, start)) = rest.rsplit_once(" from ")
        && let Some((file, rest)) = rest.rsplit_once(", ")
        && let Some((steps, step)) = rest.split_once(" steps of ")
        && let Ok(steps) = steps.parse::<u64>()
    {
        return tr!(
            "engine-source-csv",
            file = file,
            steps = crate::text::whole(steps),
            step = csv::duration_in_words(step),
            start = start
        );
    }
    source.to_owned()
}

/// SHA-256 digest of a file's bytes as 64 lower-case hex digits (read in chunks).
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    crate::hash::sha256_hex_of_reader(crate::files::open_input(path)?)
}

impl Weather {
    /// SHA-256 of the series a run used (start, step, then every value of every series as
    /// little-endian f64): the same on every machine for the same weather.
    pub fn data_sha256(&self) -> String {
        let mut bytes = Vec::with_capacity(16 + 6 * 8 * self.len());
        bytes.extend_from_slice(&self.start_unix_s.to_le_bytes());
        bytes.extend_from_slice(&self.step_s.to_le_bytes());
        for series in [
            &self.ghi_w_m2,
            &self.dni_w_m2,
            &self.dhi_w_m2,
            &self.temp_air_c,
            &self.wind_speed_m_s,
            &self.pressure_pa,
            &self.relative_humidity_pct,
        ] {
            for v in series.iter() {
                bytes.extend_from_slice(&v.to_le_bytes());
            }
        }
        crate::hash::sha256_hex(&bytes)
    }
}

/// Relative humidity [%] where the dew point is the lowest temperature of each day less
/// `dew_point_depression_c`: the FAO-56 estimate for stations without humidity data (Allen,
/// Pereira, Raes & Smith 1998, FAO Irrigation and Drainage Paper 56, ch. 3 eq. 48 and Annex 6:
/// `Tdew = Tmin - Ko`, Ko = 0 where the air saturates at night, 2 to 3 C in arid and semi-arid
/// climates). Days are blocks of `steps_per_day` steps from the first step.
pub fn estimated_relative_humidity_pct(
    temp_air_c: &[f64],
    steps_per_day: usize,
    dew_point_depression_c: f64,
) -> Vec<f64> {
    let day = steps_per_day.max(1);
    temp_air_c
        .chunks(day)
        .flat_map(|d| {
            let dew = d.iter().copied().fold(f64::INFINITY, f64::min) - dew_point_depression_c;
            d.iter().map(move |&t| {
                crate::model::psychrometrics::relative_humidity_from_dew_point_pct(t, dew.min(t))
                    .clamp(0.0, 100.0)
            })
        })
        .collect()
}

/// The relative humidity [%] of a series from what a file gives at each step: its relative
/// humidity where present (above 100 % read as 100), else that of its dew point at the step's
/// temperature. Gaps of up to `max_gap_rows` steps are interpolated linearly (at the ends, the
/// nearest value); longer gaps, and a file without any humidity, take the FAO-56 estimate
/// ([`estimated_relative_humidity_pct`]) with the dew point at the day's lowest temperature
/// (Ko = 0: where the file's climate is unknown, the more humid reading, which makes
/// evaporative cooling look no better than it is). Returns the series and the number of steps
/// estimated.
pub fn humidity_series(
    rh_pct: &[Option<f64>],
    dew_point_c: &[Option<f64>],
    temp_air_c: &[f64],
    steps_per_day: usize,
    max_gap_rows: usize,
) -> (Vec<f64>, usize) {
    let n = temp_air_c.len();
    let known: Vec<Option<f64>> = (0..n)
        .map(|i| {
            let rh = rh_pct
                .get(i)
                .copied()
                .flatten()
                .map(|v| v.clamp(0.0, 100.0));
            rh.or_else(|| {
                dew_point_c.get(i).copied().flatten().map(|d| {
                    let t = temp_air_c[i];
                    crate::model::psychrometrics::relative_humidity_from_dew_point_pct(t, d.min(t))
                        .clamp(0.0, 100.0)
                })
            })
        })
        .collect();
    let mut out = vec![0.0; n];
    let mut estimate: Option<Vec<f64>> = None;
    let mut estimated = 0;
    let mut i = 0;
    while i < n {
        if let Some(v) = known[i] {
            out[i] = v;
            i += 1;
            continue;
        }
        let start = i;
        while i < n && known[i].is_none() {
            i += 1;
        }
        let (before, after) = (
            start.checked_sub(1).and_then(|k| known[k]),
            known.get(i).copied().flatten(),
        );
        if i - start <= max_gap_rows && (before.is_some() || after.is_some()) {
            let (a, b) = (
                before.or(after).unwrap_or(0.0),
                after.or(before).unwrap_or(0.0),
            );
            let span = (i - start + 1) as f64;
            for (k, slot) in out[start..i].iter_mut().enumerate() {
                *slot = a + (b - a) * (k + 1) as f64 / span;
            }
        } else {
            let e = estimate.get_or_insert_with(|| {
                estimated_relative_humidity_pct(temp_air_c, steps_per_day, 0.0)
            });
            out[start..i].copy_from_slice(&e[start..i]);
            estimated += i - start;
        }
    }
    (out, estimated)
}

/// The note a weather source carries when some of its humidity was estimated.
pub(crate) fn humidity_note(estimated: usize, steps: usize) -> String {
    if estimated == 0 {
        String::new()
    } else if estimated >= steps {
        " (humidity estimated from the daily lowest temperature)".into()
    } else {
        format!(" (humidity estimated for {estimated} steps)")
    }
}

/// Mean Earth radius used by [`distance_km`] [km] (IUGG mean radius R1, rounded).
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance between two points given in degrees (latitude north positive,
/// longitude east positive) [km], by the haversine formula on a sphere of radius
/// [`EARTH_RADIUS_KM`]. Error against the ellipsoid is below 0.5 %.
///
/// # References
/// R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 159 (1984).
pub fn distance_km(lat1_deg: f64, lon1_deg: f64, lat2_deg: f64, lon2_deg: f64) -> f64 {
    let (phi1, phi2) = (lat1_deg.to_radians(), lat2_deg.to_radians());
    let d_phi = phi2 - phi1;
    let d_lambda = (lon2_deg - lon1_deg).to_radians();
    let h = libm::sin(d_phi / 2.0).powi(2)
        + libm::cos(phi1) * libm::cos(phi2) * libm::sin(d_lambda / 2.0).powi(2);
    2.0 * EARTH_RADIUS_KM * libm::asin(h.clamp(0.0, 1.0).sqrt())
}

/// A run of missing values that cannot be filled (see [`fill_gaps`]).
#[derive(Debug, PartialEq)]
pub(crate) enum Gap {
    /// No value at all in the column.
    AllMissing,
    /// `rows` consecutive missing values from row `first_row` (0-based), more than allowed.
    TooLong { first_row: usize, rows: usize },
}

/// Fill runs of `None` by linear interpolation between the valid neighbours; runs longer than
/// `max_rows` are an error.
///
/// With `wrap_around` (typical years, which repeat) a run touching the start or end is
/// interpolated across the year boundary. Without it (a measured series), such a run holds the
/// nearest valid value, under the same length limit.
pub(crate) fn fill_gaps(
    column: &[Option<f64>],
    max_rows: usize,
    wrap_around: bool,
) -> Result<Vec<f64>, Gap> {
    let n = column.len();
    let Some(first_valid) = column.iter().position(Option::is_some) else {
        return Err(Gap::AllMissing);
    };
    let last_valid = column
        .iter()
        .rposition(Option::is_some)
        .unwrap_or(first_valid);
    let mut out: Vec<f64> = column.iter().map(|v| v.unwrap_or(0.0)).collect();
    let value = |i: usize| column[i].unwrap_or(0.0);

    if !wrap_around {
        if first_valid > max_rows {
            return Err(Gap::TooLong {
                first_row: 0,
                rows: first_valid,
            });
        }
        let trailing = n - 1 - last_valid;
        if trailing > max_rows {
            return Err(Gap::TooLong {
                first_row: last_valid + 1,
                rows: trailing,
            });
        }
        out[..first_valid].fill(value(first_valid));
        out[last_valid + 1..].fill(value(last_valid));
    }

    // Walk from the first valid value to the last (or once around the cycle).
    let span = if wrap_around {
        n
    } else {
        last_valid - first_valid
    };
    let mut previous = first_valid;
    for step in 1..=span {
        let i = (first_valid + step) % n;
        if column[i].is_none() {
            continue;
        }
        let gap = (i + n - previous) % n;
        let gap = if gap == 0 { n } else { gap };
        if gap > 1 {
            let missing = gap - 1;
            if missing > max_rows {
                return Err(Gap::TooLong {
                    first_row: (previous + 1) % n,
                    rows: missing,
                });
            }
            let (a, b) = (value(previous), value(i));
            for j in 1..gap {
                let f = j as f64 / gap as f64;
                out[(previous + j) % n] = a + f * (b - a);
            }
        }
        previous = i;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SHA-256 of 200 KiB of b'a', from Python's `hashlib.sha256(b"a" * 200 * 1024)`.
    const BIG_A_SHA256: &str = "4b4f0f46ac02d177dea0ab36a66a657840e2fb98b20bb27a688db4d8ea9cd22c";

    #[test]
    fn sha256_matches_the_fips_180_2_example() {
        // FIPS 180-2, Appendix B.1: SHA-256("abc"); the empty message digest is the well-known
        // e3b0c442... value.
        let dir = tempfile::tempdir().unwrap();
        let abc = dir.path().join("abc.txt");
        std::fs::write(&abc, b"abc").unwrap();
        assert_eq!(
            file_sha256(&abc).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, b"").unwrap();
        assert_eq!(
            file_sha256(&empty).unwrap(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        // Larger than one read buffer: 200 KiB of 'a' (digest from Python's hashlib).
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 200 * 1024]).unwrap();
        assert_eq!(file_sha256(&big).unwrap(), BIG_A_SHA256);
        assert!(file_sha256(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn haversine_distances() {
        // Dakhla (23.7221 N, 15.9347 W) to Laayoune (27.1536 N, 13.2033 W): 469.8695 km by an
        // independent haversine in Python's math module with R = 6371 km.
        let d = distance_km(23.7221, -15.9347, 27.1536, -13.2033);
        assert!((d - 469.8695).abs() < 1e-3, "{d}");
        assert_eq!(distance_km(23.7221, -15.9347, 27.1536, -13.2033), d);
        assert!((distance_km(27.1536, -13.2033, 23.7221, -15.9347) - d).abs() < 1e-9);
        assert_eq!(distance_km(10.0, 20.0, 10.0, 20.0), 0.0);
        // Half the circumference: pi * 6371 = 20015.0868 km (antipodes, poles).
        assert!((distance_km(0.0, 0.0, 0.0, 180.0) - 20_015.086_8).abs() < 1e-3);
        assert!((distance_km(90.0, 0.0, -90.0, 0.0) - 20_015.086_8).abs() < 1e-3);
        // Across the date line: 1 degree of longitude on the equator = 111.1949 km.
        assert!((distance_km(0.0, 179.5, 0.0, -179.5) - 111.1949).abs() < 1e-3);
    }

    #[test]
    fn epw_location_converts() {
        let loc = epw::EpwLocation {
            city: "Dakhla".into(),
            country: "MAR".into(),
            latitude_deg: 23.718,
            longitude_deg: -15.932,
            utc_offset_h: 0.0,
            elevation_m: 10.0,
        };
        let w = WeatherLocation::from(&loc);
        assert_eq!(
            w,
            WeatherLocation {
                latitude_deg: 23.718,
                longitude_deg: -15.932,
                elevation_m: 10.0,
                name: "Dakhla, MAR".into(),
            }
        );
        let no_country = epw::EpwLocation {
            country: "-".into(),
            ..loc
        };
        assert_eq!(WeatherLocation::from(&no_country).name, "Dakhla");
    }

    #[test]
    fn read_weather_file_picks_the_reader_by_extension() {
        let dir = tempfile::tempdir().unwrap();
        let csv_text = "# latitude: 23.72\n# longitude: -15.93\n\
            timestamp,ghi,dni,dhi,temp_air,wind_speed\n\
            2029-01-01T00:00Z,0,0,0,18,6\n2029-01-01T01:00Z,0,0,0,17.5,6.5\n";
        let path = dir.path().join("SITE.CSV");
        std::fs::write(&path, csv_text).unwrap();
        let (w, loc) = read_weather_file(&path, 2027).unwrap();
        assert_eq!(w.len(), 2);
        assert_eq!(w.temp_air_c, vec![18.0, 17.5]);
        assert_eq!(loc.map(|l| l.latitude_deg), Some(23.72));

        let epw_path = dir.path().join("site.Epw");
        std::fs::write(&epw_path, "LOCATION,Dakhla\n").unwrap();
        let msg = read_weather_file(&epw_path, 2027).unwrap_err().to_string();
        assert!(msg.contains("site.Epw:1:"), "{msg}");

        for name in ["site.txt", "site"] {
            let other = dir.path().join(name);
            std::fs::write(&other, csv_text).unwrap();
            let msg = read_weather_file(&other, 2027).unwrap_err().to_string();
            assert!(msg.contains(".epw") && msg.contains(".csv"), "{msg}");
            assert!(msg.starts_with(&other.display().to_string()), "{msg}");
        }
    }

    #[test]
    fn gap_filling_with_and_without_wrap_around() {
        let col = [None, Some(1.0), None, None, Some(4.0), None];
        // Measured series: interior gap linear, edges hold the nearest value.
        assert_eq!(
            fill_gaps(&col, 2, false).unwrap(),
            vec![1.0, 1.0, 2.0, 3.0, 4.0, 4.0]
        );
        // Typical year: rows 5 and 0 lie between 4.0 (row 4) and 1.0 (row 1), 3 steps apart.
        assert_eq!(
            fill_gaps(&col, 2, true).unwrap(),
            vec![2.0, 1.0, 2.0, 3.0, 4.0, 3.0]
        );
        assert_eq!(
            fill_gaps(&col, 1, false),
            Err(Gap::TooLong {
                first_row: 2,
                rows: 2
            })
        );
        let lead = [None, None, None, Some(1.0)];
        assert_eq!(
            fill_gaps(&lead, 2, false),
            Err(Gap::TooLong {
                first_row: 0,
                rows: 3
            })
        );
        let trail = [Some(1.0), None, None, None];
        assert_eq!(
            fill_gaps(&trail, 2, false),
            Err(Gap::TooLong {
                first_row: 1,
                rows: 3
            })
        );
        assert_eq!(fill_gaps(&[None, None], 5, false), Err(Gap::AllMissing));
        assert_eq!(fill_gaps(&[Some(2.0)], 0, true).unwrap(), vec![2.0]);
        assert_eq!(fill_gaps(&[Some(2.0)], 0, false).unwrap(), vec![2.0]);
    }

    #[test]
    fn weather_files_far_larger_than_a_year_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["huge.epw", "huge.csv"] {
            let path = dir.path().join(name);
            // A sparse file: 300 MB long without writing them.
            std::fs::File::create(&path)
                .unwrap()
                .set_len(300_000_000)
                .unwrap();
            let msg = read_weather_file(&path, 2027).unwrap_err().to_string();
            assert!(
                msg.ends_with(&format!(
                    "{name}: the file is 300.0 MB; a year of weather at 1-minute steps is about \
                     80 MB (at most 256.0 MB are read): is this the right file?"
                )),
                "{msg}"
            );
        }
    }

    #[test]
    fn a_line_longer_than_any_weather_row_is_refused_by_number() {
        let long = format!(
            "timestamp,ghi,dni,dhi,temp_air,wind_speed\n2029-01-01T00:00Z,0,0,0,18,6\n{}\n",
            ",".repeat(MAX_WEATHER_LINE_BYTES + 1)
        );
        let msg = csv::parse_weather_csv(&long, "w.csv")
            .unwrap_err()
            .to_string();
        assert_eq!(
            msg,
            "w.csv:3: this line is 65537 characters long; a weather data row is about 100 (at \
             most 65536 are read): is this a weather file?"
        );
        let epw = format!("LOCATION,x\n{}", ",".repeat(MAX_WEATHER_LINE_BYTES + 1));
        let msg = epw::parse_epw(&epw, "w.epw", 2027).unwrap_err().to_string();
        assert!(
            msg.starts_with("w.epw:2: this line is 65537 characters"),
            "{msg}"
        );
    }

    #[test]
    fn a_csv_longer_than_two_years_of_minutes_is_refused_at_the_first_extra_row() {
        let mut text = String::from("timestamp,ghi,dni,dhi,temp_air,wind_speed\n");
        text.push_str(&"2029-01-01T00:00Z,0,0,0,18,6\n".repeat(MAX_WEATHER_ROWS + 1));
        let msg = csv::parse_weather_csv(&text, "w.csv")
            .unwrap_err()
            .to_string();
        assert_eq!(
            msg,
            format!(
                "w.csv:{}: the file has more than 1054080 data rows (two years at 1-minute \
                 steps); split it into files of one year each (a --weather folder runs each \
                 file as one year)",
                MAX_WEATHER_ROWS + 2
            )
        );
    }
}
