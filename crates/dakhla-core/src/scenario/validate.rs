//! Value checks: every problem names its field path and says what is allowed.

use super::fields::FieldKind;
use super::*;
use crate::model::turbines;
use crate::text::{figure, whole};
use dakhla_i18n::tr;
use std::borrow::Cow;
use std::path::Path;

/// A value the program cannot work with (errors) or should warn about (warnings).
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// Field path such as `battery.round_trip_eff`.
    pub path: String,
    /// What is wrong and what is allowed, in a planner's words.
    pub message: String,
}

struct Checker {
    issues: Vec<Issue>,
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue {
            path: path.into(),
            message: message.into(),
        });
    }

    /// `value` must be finite and within `[min, max]`; `what` describes the quantity with its
    /// unit, in the registry's English ("MWdc", "fraction 0 to 1"; see [`allowed_words`]).
    fn range(&mut self, path: &str, value: f64, min: f64, max: f64, what: &'static str) -> bool {
        if value.is_finite() && value >= min && value <= max {
            return true;
        }
        let got = if value.is_nan() {
            tr!("core-got-nan")
        } else if value.is_infinite() {
            tr!("core-got-infinite")
        } else {
            figure(value)
        };
        let allowed = allowed_words(what);
        let message = if max == f64::MAX {
            tr!(
                "core-must-be-at-least",
                min = figure(min),
                allowed = allowed,
                got = got
            )
        } else {
            tr!(
                "core-must-be-between",
                min = figure(min),
                max = figure(max),
                allowed = allowed,
                got = got
            )
        };
        self.push(path, message);
        false
    }

    /// A number against its spec in the field registry ([`super::fields`]): its plausible range
    /// and the words that say what is allowed. `path` may hold list indexes.
    fn field(&mut self, path: &str, value: f64) -> bool {
        self.field_in(path, "", value)
    }

    /// [`field`](Self::field) for a field whose range depends on the enum variant that holds it.
    fn field_in(&mut self, path: &str, variant: &str, value: f64) -> bool {
        self.number(super::fields::spec_in(path, variant), path, value)
    }

    /// A number at `path` against `spec` (looked up once for many values).
    fn number(
        &mut self,
        spec: Option<&'static super::fields::FieldSpec>,
        path: &str,
        value: f64,
    ) -> bool {
        match spec.map(|f| f.kind) {
            Some(FieldKind::Number {
                min,
                max,
                min_exclusive,
                allowed,
            }) => {
                if min_exclusive {
                    self.above(path, value, min, max, allowed)
                } else {
                    self.range(path, value, min, max, allowed)
                }
            }
            _ => {
                // A defect of the registry, which its tests catch: check finiteness at least.
                debug_assert!(false, "no number spec for {path}");
                self.range(path, value, f64::MIN, f64::MAX, "a number")
            }
        }
    }

    /// Like [`range`](Self::range) but the lower bound itself is not allowed.
    fn above(
        &mut self,
        path: &str,
        value: f64,
        min_excl: f64,
        max: f64,
        what: &'static str,
    ) -> bool {
        if !self.range(path, value, min_excl, max, what) {
            return false;
        }
        if value <= min_excl {
            self.push(
                path,
                tr!(
                    "core-must-be-above",
                    min = figure(min_excl),
                    max = figure(max),
                    allowed = allowed_words(what),
                    got = figure(value)
                ),
            );
            return false;
        }
        true
    }

    /// A name: `what` is the catalog id of the thing named (`core-thing-site`), whose `.name`
    /// attribute says "the site name".
    fn name(&mut self, path: &str, name: &str, what: &str) {
        if name.trim().is_empty() {
            self.push(path, tr!("core-needs-name", thing = tr!(what)));
        } else {
            self.text(
                path,
                name,
                MAX_NAME_CHARS,
                false,
                &tr!(&format!("{what}.name")),
            );
        }
    }

    /// Free text (a name, a note): at most `max` characters, and no control or invisible
    /// text-direction characters, which would garble a terminal, a report or a CSV file
    /// (line ends and tabs are allowed where `multi_line`).
    fn text(&mut self, path: &str, text: &str, max: usize, multi_line: bool, what: &str) {
        let n = text.chars().count();
        if n > max {
            self.push(
                path,
                tr!(
                    "core-text-too-long",
                    what = what,
                    length = whole(n as u64),
                    max = whole(max as u64)
                ),
            );
        } else if let Some(ch) = crate::text::first_unsafe_char(text, multi_line) {
            let id = if multi_line {
                "core-text-unsafe-char"
            } else {
                "core-name-unsafe-char"
            };
            self.push(
                path,
                tr!(id, what = what, char = crate::text::describe_char(ch)),
            );
        }
    }

    /// A list may hold at most [`MAX_LIST_LEN`] entries; `what` is the catalog id of their name
    /// ("rack groups"). A longer list gets this one problem and its entries are not checked one
    /// by one (a file pasted twice over should not bury the planner under a message per entry).
    fn list_len(&mut self, path: &str, len: usize, what: &str) -> bool {
        if len > MAX_LIST_LEN {
            self.push(
                path,
                tr!(
                    "core-list-too-long",
                    max = whole(MAX_LIST_LEN as u64),
                    what = tr!(what),
                    count = whole(len as u64)
                ),
            );
            false
        } else {
            true
        }
    }

    fn unique<'a>(&mut self, list: &str, names: impl Iterator<Item = &'a str>) {
        let mut seen: Vec<&str> = Vec::new();
        for (i, n) in names.enumerate() {
            if !n.trim().is_empty() && seen.contains(&n) {
                self.push(
                    format!("{list}[{i}].name"),
                    tr!(
                        "core-name-taken",
                        name = crate::text::shorten(n),
                        list = list
                    ),
                );
            }
            seen.push(n);
        }
    }
}

/// Most identical units one backup entry may hold (the registry's range of `unit_count`).
pub const MAX_BACKUP_UNITS: u32 = 100_000;

/// What a number field allows, as validation's messages say it in brackets, in the current
/// language: the field registry's words ([`FieldKind::Number`]'s `allowed`, "MWdc", "fraction 0
/// to 1") in English, their translation in `core.ftl` (`core-allowed-...`, named after the
/// English words) in another language, else the English words.
pub(crate) fn allowed_words(english: &'static str) -> Cow<'static, str> {
    super::fields::translated(&allowed_id(english), english)
}

/// The catalog id of the words `english` of [`allowed_words`]: `core-allowed-` and the words in
/// lower case, each run of other characters than letters and digits written `-` ("MW of AC per
/// inverter": `core-allowed-mw-of-ac-per-inverter`).
/// Whether `s` is a calendar date written YYYY-MM-DD (1900-2200).
/// A calendar month of a date field (`online_from`, `available_from`) at `path`: month 1 to
/// 12, year 1900 to 2200.
fn check_year_month(c: &mut Checker, path: &str, ym: YearMonth) {
    if !(1..=12).contains(&ym.month) {
        c.push(
            format!("{path}.month"),
            tr!("core-month", got = ym.month.to_string()),
        );
    }
    if !(1900..=2200).contains(&ym.year) {
        c.push(
            format!("{path}.year"),
            tr!("core-online-year", got = ym.year.to_string()),
        );
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => {
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
                2 => 28,
                _ => 0,
            };
            (1900..=2200).contains(&y) && d >= 1 && d <= days
        }
        _ => false,
    }
}

pub(crate) fn allowed_id(english: &str) -> String {
    let mut id = String::from("core-allowed");
    let mut dash = true;
    for c in english.chars() {
        if c.is_ascii_alphanumeric() {
            if dash {
                id.push('-');
                dash = false;
            }
            id.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    id
}

/// Time steps a run may use [min]; each divides an hour.
pub const SUPPORTED_TIMESTEPS_MIN: [u32; 5] = [60, 30, 15, 10, 5];

/// Largest sensible counts, to catch typos ("absurd counts") before they cost memory or time.
pub const MAX_RACKS_PER_GROUP: u32 = 1_000_000;
/// Largest sensible number of turbines in one farm.
pub const MAX_TURBINES_PER_FARM: u32 = 20_000;
/// Largest number of entries in any list (rack groups, plants, farms, backup units, points of a
/// custom power curve, sensitivity cases).
pub const MAX_LIST_LEN: usize = 1_000;
/// Factors of an hourly daily profile: one per local hour.
pub const HOURLY_PROFILE_LEN: usize = 24;
/// Shortest economic lifetime accepted [years]: a shorter one makes the capital recovery
/// factor explode (a lifetime of 1e-10 years gives a cost of 1e19 USD a year).
pub const MIN_LIFETIME_YEARS: f64 = 1.0;
/// Lowest backup efficiency accepted [-] (fuel cost and CO2 scale with its inverse).
pub const MIN_BACKUP_EFFICIENCY: f64 = 0.1;
/// Highest chiller COP accepted [-] (the best water-cooled chillers reach about 7-8).
pub const MAX_CHILLER_COP: f64 = 15.0;
/// Lowest chiller COP accepted [-] (cooling power scales with its inverse).
pub const MIN_CHILLER_COP: f64 = 0.5;
/// Lowest battery round-trip efficiency accepted [-].
pub const MIN_ROUND_TRIP_EFF: f64 = 0.2;
/// Smallest facility power cap [MW] (a 100 kW room).
pub const MIN_FACILITY_CAP_MW: f64 = 0.1;
/// Smallest rack design power [kW].
pub const MIN_KW_PER_RACK: f64 = 0.1;
/// Smallest custom turbine [kW].
pub const MIN_TURBINE_RATED_KW: f64 = 1.0;
/// A battery side smaller than this is "none" [MWh or MW]: a battery needs both energy and
/// power to work.
pub const MIN_BATTERY_SIDE: f64 = 1e-3;

/// Largest wind speed scale-up from the measurement height to the hub that passes without a
/// warning [-] (0.14 over 10 m to 170 m is 1.49).
pub const MAX_SHEAR_FACTOR: f64 = 2.0;

/// Smallest span of a Pareto front (a hundredth of a percentage point) [-].
pub const MIN_PARETO_SPAN: f64 = 1e-4;

/// Smallest utilization of racks in use [-] (a rack drawing less is not in use: write 0).
pub const MIN_UTILIZATION: f64 = 0.001;
/// Highest PUE accepted, fixed or at the hottest hour of weather-driven cooling [-].
pub const MAX_PUE: f64 = 3.0;
/// Hottest air a weather-driven cooling model is checked at [C] (the validation limit of
/// design temperatures).
const HOTTEST_C: f64 = 60.0;
/// Narrowest state-of-charge window of a battery [-].
pub const MIN_SOC_WINDOW: f64 = 0.05;

/// Highest wind speed by which a power curve must reach (90 % of) its rating [m/s].
pub const MAX_RATED_WIND_M_S: f64 = 30.0;

/// The most power the wind at `v_m_s` through a rotor of `diameter_m` can give [kW]: the Betz
/// limit, 16/27 of the kinetic power 0.5 rho A v^3, at the standard air density of power curves
/// (1.225 kg/m3). Betz, A. (1920), Das Maximum der theoretisch moeglichen Ausnuetzung des Windes
/// durch Windmotoren.
fn betz_limit_kw(v_m_s: f64, diameter_m: f64) -> f64 {
    let area_m2 = std::f64::consts::PI * diameter_m * diameter_m / 4.0;
    16.0 / 27.0 * 0.5 * 1.225 * area_m2 * v_m_s.powi(3) / 1000.0
}

/// Longest name (of the site, a rack group, a plant, a unit, a cost case) [characters].
pub const MAX_NAME_CHARS: usize = 200;
/// Longest free text of `meta` (description, notes) [characters].
pub const MAX_NOTE_CHARS: usize = 20_000;
/// Longest weather file path [characters].
pub const MAX_PATH_CHARS: usize = 4096;
/// Largest solar plant [MWdc].
pub const MAX_PLANT_MWDC: f64 = 100_000.0;
/// Largest battery energy [MWh].
pub const MAX_BATTERY_MWH: f64 = 1_000_000.0;
/// Largest battery power, and largest backup unit [MW].
pub const MAX_UNIT_MW: f64 = 100_000.0;
/// Largest capacity bound the optimizer accepts [MW, MWdc or MWh]; the search never goes past
/// what the scenario's fields hold (the constants above).
pub const MAX_CAPACITY: f64 = 1_000_000.0;

impl Scenario {
    /// Check every value. `base_dir` is the folder of the scenario file; when given, referenced
    /// weather files must exist. Returns an empty list for a valid scenario.
    pub fn validate(&self, base_dir: Option<&Path>) -> Vec<Issue> {
        let mut c = Checker { issues: Vec::new() };
        self.check_site_weather(&mut c, base_dir);
        self.check_datacenter(&mut c);
        self.check_solar(&mut c);
        self.check_wind(&mut c);
        self.check_battery_backup(&mut c);
        self.check_economics_targets(&mut c);
        self.check_optimizer(&mut c);
        // Money is in the scenario's currency: "(¤ per kW)" reads "(MAD per kW)".
        let code = self.economics.currency.code();
        for i in &mut c.issues {
            if i.message.contains(super::money::CURRENCY_SIGN) {
                i.message = i.message.replace(super::money::CURRENCY_SIGN, code);
            }
        }
        c.issues
    }

    /// Advice that does not stop a run (e.g. the built-in Dakhla climate used far from Dakhla).
    pub fn warnings(&self) -> Vec<Issue> {
        self.warnings_at(None)
    }

    /// [`warnings`](Self::warnings), plus those that need the scenario's folder: a weather file
    /// that differs from the one whose SHA-256 the scenario recorded.
    pub fn warnings_at(&self, base_dir: Option<&Path>) -> Vec<Issue> {
        let mut w = Vec::new();
        if let (Some(dir), Some(path), Some(recorded)) = (
            base_dir,
            self.weather.file_path(),
            self.weather.recorded_sha256(),
        ) && let Ok(actual) = crate::weather::file_sha256(&dir.join(path))
            && !actual.eq_ignore_ascii_case(recorded)
        {
            w.push(Issue {
                path: "weather.sha256".into(),
                message: tr!(
                    "core-weather-sha-differs",
                    path = path,
                    sha = recorded.chars().take(12).collect::<String>()
                ),
            });
        }
        if matches!(self.weather, WeatherSource::Synthetic { .. }) {
            let d_lat = (self.site.latitude_deg - 23.72).abs();
            let d_lon = (self.site.longitude_deg + 15.93).abs();
            if d_lat > 3.0 || d_lon > 3.0 {
                w.push(Issue {
                    path: "weather".into(),
                    message: tr!("core-synthetic-far-from-dakhla"),
                });
            }
        }
        let b = &self.battery;
        if b.energy_mwh > 0.0 && b.power_mw < MIN_BATTERY_SIDE {
            w.push(Issue {
                path: "battery.power_mw".into(),
                message: tr!("core-battery-no-power", energy = figure(b.energy_mwh)),
            });
        } else if b.power_mw > 0.0 && b.energy_mwh < MIN_BATTERY_SIDE {
            w.push(Issue {
                path: "battery.energy_mwh".into(),
                message: tr!("core-battery-no-energy", power = figure(b.power_mw)),
            });
        } else if b.energy_mwh >= MIN_BATTERY_SIDE && b.power_mw >= MIN_BATTERY_SIDE {
            let hours = b.energy_mwh / b.power_mw;
            if !(0.1..=1000.0).contains(&hours) {
                w.push(Issue {
                    path: "battery.power_mw".into(),
                    message: tr!(
                        "core-battery-hours",
                        energy = figure(b.energy_mwh),
                        power = figure(b.power_mw),
                        hours = figure(hours)
                    ),
                });
            }
        }
        let it_mean_kw: f64 = self
            .datacenter
            .rack_groups
            .iter()
            .map(|g| {
                let profile = match &g.profile {
                    DailyProfile::Flat => 1.0,
                    DailyProfile::Hourly(f) => f.iter().sum::<f64>() / f.len().max(1) as f64,
                };
                g.count as f64 * g.kw_per_rack * g.utilization * profile
            })
            .sum();
        if it_mean_kw < 1.0 {
            w.push(Issue {
                path: "datacenter.rack_groups".into(),
                message: tr!("core-no-load"),
            });
        }
        for (i, f) in self.wind_farms.iter().enumerate() {
            if f.measurement_height_m > 0.0 && f.hub_height_m > 0.0 {
                let factor = (f.hub_height_m / f.measurement_height_m).powf(f.shear_exponent);
                if factor > MAX_SHEAR_FACTOR {
                    w.push(Issue {
                        path: format!("wind_farms[{i}].shear_exponent"),
                        message: tr!(
                            "core-shear-extrapolation",
                            factor = dakhla_i18n::number(factor, 1),
                            measured = figure(f.measurement_height_m),
                            hub = figure(f.hub_height_m),
                            exponent = figure(f.shear_exponent),
                            limit = dakhla_i18n::number(MAX_SHEAR_FACTOR, 0)
                        ),
                    });
                }
            }
        }
        let year = self.simulated_year();
        // A CSV file's own timestamps set the year (known once it is read: the run says it).
        let year_known = !matches!(self.weather, WeatherSource::Csv { .. });
        for (i, g) in self.datacenter.rack_groups.iter().enumerate() {
            if let Some(ym) = g.online_from
                && year_known
                && ym.year > year
            {
                // The run is a UTC year: east of Greenwich its last hours are already the next
                // local year.
                let last_hours = (ym.year == year + 1 && ym.month == 1)
                    .then(|| self.site.utc_offset_h.ceil())
                    .filter(|h| *h > 0.0);
                w.push(Issue {
                    path: format!("datacenter.rack_groups[{i}].online_from"),
                    message: match last_hours {
                        Some(h) => tr!(
                            "core-online-after-year-last-hours",
                            name = crate::text::shorten(&g.name),
                            month = ym.to_string(),
                            year = year.to_string(),
                            hours = figure(h)
                        ),
                        None => tr!(
                            "core-online-after-year",
                            name = crate::text::shorten(&g.name),
                            month = ym.to_string(),
                            year = year.to_string()
                        ),
                    },
                });
            }
        }
        if let WeatherSource::Synthetic { year, .. } = self.weather
            && year != self.simulation.year
        {
            w.push(Issue {
                path: "simulation.year".into(),
                message: tr!(
                    "core-synthetic-year-differs",
                    weather_year = year.to_string(),
                    year = self.simulation.year.to_string()
                ),
            });
        }
        w
    }

    fn check_site_weather(&self, c: &mut Checker, base_dir: Option<&Path>) {
        let m = &self.meta;
        c.text(
            "meta.name",
            &m.name,
            MAX_NAME_CHARS,
            false,
            &tr!("core-text-scenario-name"),
        );
        c.text(
            "meta.author",
            &m.author,
            MAX_NAME_CHARS,
            false,
            &tr!("core-text-author"),
        );
        c.text(
            "meta.team",
            &m.team,
            MAX_NAME_CHARS,
            false,
            &tr!("core-text-team"),
        );
        c.text(
            "meta.description",
            &m.description,
            MAX_NOTE_CHARS,
            true,
            &tr!("core-text-description"),
        );
        c.text(
            "meta.notes",
            &m.notes,
            MAX_NOTE_CHARS,
            true,
            &tr!("core-text-notes"),
        );
        c.name("site.name", &self.site.name, "core-thing-site");
        c.field("site.latitude_deg", self.site.latitude_deg);
        c.field("site.longitude_deg", self.site.longitude_deg);
        c.field("site.elevation_m", self.site.elevation_m);
        c.field("site.utc_offset_h", self.site.utc_offset_h);
        if let Some(h) = self.site.ramadan_utc_offset_h {
            c.field("site.ramadan_utc_offset_h", h);
        }
        match &self.weather {
            WeatherSource::Synthetic { year, .. } => {
                if !(1900..=2200).contains(year) {
                    c.push(
                        "weather.year",
                        tr!("core-calendar-year", got = year.to_string()),
                    );
                }
            }
            WeatherSource::Epw { path, sha256 } | WeatherSource::Csv { path, sha256 } => {
                if let Some(h) = sha256
                    && (h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()))
                {
                    c.push(
                        "weather.sha256",
                        tr!("core-sha256-format", got = crate::text::shorten(h)),
                    );
                }
                let before = c.issues.len();
                c.text(
                    "weather.path",
                    path,
                    MAX_PATH_CHARS,
                    false,
                    &tr!("core-text-weather-path"),
                );
                if c.issues.len() > before {
                    // Not a path that can be looked up.
                } else if path.trim().is_empty() {
                    c.push("weather.path", tr!("core-weather-path-empty"));
                } else if let Some(dir) = base_dir {
                    let full = dir.join(path);
                    // A scenario in the current folder: the path as written.
                    let shown = if dir == Path::new(".") {
                        crate::text::path_text(Path::new(path))
                    } else {
                        crate::text::path_text(&full)
                    };
                    let problem = match std::fs::metadata(&full) {
                        Ok(m) if m.is_file() => None,
                        Ok(m) => Some(tr!(
                            "core-weather-path-not-a-file",
                            path = shown,
                            kind = crate::files::kind_text(crate::files::kind_of(&m))
                        )),
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                            Some(tr!("core-weather-file-missing", path = shown))
                        }
                        Err(e) => Some(tr!(
                            "core-weather-file-unreachable",
                            path = shown,
                            error = crate::files::in_words(e).to_string()
                        )),
                    };
                    if let Some(message) = problem {
                        c.push("weather.path", message);
                    }
                }
            }
        }
        if !(1900..=2200).contains(&self.simulation.year) {
            c.push(
                "simulation.year",
                tr!("core-calendar-year", got = self.simulation.year.to_string()),
            );
        }
        if !SUPPORTED_TIMESTEPS_MIN.contains(&self.simulation.timestep_min) {
            c.push(
                "simulation.timestep_min",
                tr!(
                    "core-timestep",
                    allowed = SUPPORTED_TIMESTEPS_MIN
                        .iter()
                        .map(|m| m.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    got = self.simulation.timestep_min.to_string()
                ),
            );
        }
        if let DispatchMode::Forecast { horizon_h } = self.simulation.dispatch
            && !(1..=MAX_FORECAST_HORIZON_H).contains(&horizon_h)
        {
            c.push(
                "simulation.dispatch.horizon_h",
                tr!(
                    "core-forecast-horizon",
                    max = MAX_FORECAST_HORIZON_H.to_string(),
                    got = whole(u64::from(horizon_h))
                ),
            );
        }
    }

    fn check_datacenter(&self, c: &mut Checker) {
        let dc = &self.datacenter;
        c.field("datacenter.facility_power_cap_mw", dc.facility_power_cap_mw);
        if !c.list_len(
            "datacenter.rack_groups",
            dc.rack_groups.len(),
            "core-list-rack-groups",
        ) {
            self.check_cooling(c);
            return;
        }
        c.unique(
            "datacenter.rack_groups",
            dc.rack_groups.iter().map(|g| g.name.as_str()),
        );
        for (i, g) in dc.rack_groups.iter().enumerate() {
            let p = format!("datacenter.rack_groups[{i}]");
            c.name(&format!("{p}.name"), &g.name, "core-thing-rack-group");
            if g.count > MAX_RACKS_PER_GROUP {
                c.push(
                    format!("{p}.count"),
                    tr!(
                        "core-racks-implausible",
                        count = whole(u64::from(g.count)),
                        max = whole(u64::from(MAX_RACKS_PER_GROUP))
                    ),
                );
            }
            c.field(&format!("{p}.kw_per_rack"), g.kw_per_rack);
            let mut util_ok = c.field(&format!("{p}.utilization"), g.utilization);
            if util_ok && g.utilization > 0.0 && g.utilization < MIN_UTILIZATION {
                c.push(
                    format!("{p}.utilization"),
                    tr!(
                        "core-utilization-too-small",
                        min = figure(MIN_UTILIZATION),
                        got = figure(g.utilization)
                    ),
                );
                util_ok = false;
            }
            if let Some(ym) = g.online_from {
                check_year_month(c, &format!("{p}.online_from"), ym);
            }
            if let Some(f) = &g.flexibility {
                c.field(&format!("{p}.flexibility.share_frac"), f.share_frac);
                if !super::FLEXIBILITY_WINDOWS_H.contains(&f.window_h) {
                    c.push(
                        format!("{p}.flexibility.window_h"),
                        tr!(
                            "core-flexibility-window",
                            allowed = super::FLEXIBILITY_WINDOWS_H
                                .iter()
                                .map(|h| h.to_string())
                                .collect::<Vec<_>>()
                                .join(", "),
                            got = f.window_h.to_string()
                        ),
                    );
                }
                if let Some(r) = f.ramp_frac_per_h {
                    c.field(&format!("{p}.flexibility.ramp_frac_per_h"), r);
                }
            }
            if let DailyProfile::Hourly(f) = &g.profile {
                if f.len() != HOURLY_PROFILE_LEN {
                    c.push(
                        format!("{p}.profile"),
                        tr!(
                            "core-hourly-profile-length",
                            needed = HOURLY_PROFILE_LEN.to_string(),
                            got = whole(f.len() as u64)
                        ),
                    );
                    continue;
                }
                // One lookup for the 24 factors.
                let factor = super::fields::spec_in("datacenter.rack_groups[].profile[]", "Hourly");
                for (h, v) in f.iter().enumerate() {
                    let hp = format!("{p}.profile[{h}]");
                    if !c.number(factor, &hp, *v) {
                        continue;
                    }
                    if util_ok && *v * g.utilization > 1.0 + 1e-9 {
                        c.push(
                            hp,
                            tr!(
                                "core-hourly-factor-too-high",
                                hour = h.to_string(),
                                factor = figure(*v),
                                utilization = figure(g.utilization),
                                product = dakhla_i18n::number(v * g.utilization, 3),
                                most = dakhla_i18n::number(1.0 / g.utilization, 3)
                            ),
                        );
                    }
                }
            }
        }
        self.check_cooling(c);
    }

    fn check_cooling(&self, c: &mut Checker) {
        let h = &self.datacenter.heat_rejection;
        let p = "datacenter.heat_rejection";
        let numbers: Vec<(&str, f64)> = match h {
            HeatRejection::DryCoolers => Vec::new(),
            HeatRejection::AdiabaticPads(a) => vec![
                ("wet_above_c", a.wet_above_c),
                ("effectiveness", a.effectiveness),
                ("air_temp_rise_k", a.air_temp_rise_k),
                ("cycles_of_concentration", a.cycles_of_concentration),
            ],
            HeatRejection::CoolingTower(t) => vec![
                ("approach_k", t.approach_k),
                ("latent_frac", t.latent_frac),
                ("cycles_of_concentration", t.cycles_of_concentration),
                ("drift_frac", t.drift_frac),
                ("range_k", t.range_k),
            ],
            HeatRejection::Seawater(w) => {
                vec![("sea_temp_c", w.sea_temp_c), ("approach_k", w.approach_k)]
            }
        };
        for (name, v) in numbers {
            c.field_in(&format!("{p}.{name}"), h.variant(), v);
        }
        let ws = &self.datacenter.water_supply;
        let p = "datacenter.water_supply";
        let numbers: Vec<(&str, f64)> = match ws {
            WaterSupply::Desalination(d) => vec![
                ("energy_kwh_per_m3", d.energy_kwh_per_m3),
                ("capacity_m3_per_day", d.capacity_m3_per_day),
            ],
            WaterSupply::Allocation(a) => vec![("max_m3_per_yr", a.max_m3_per_yr)],
        };
        for (name, v) in numbers {
            c.field_in(&format!("{p}.{name}"), ws.variant(), v);
        }
        match &self.datacenter.cooling {
            Cooling::Fixed { pue } => {
                c.field("datacenter.cooling.pue", *pue);
            }
            Cooling::WeatherDriven(w) => {
                let start = c.issues.len();
                let p = "datacenter.cooling";
                let t1 = c.field(&format!("{p}.free_cooling_below_c"), w.free_cooling_below_c);
                let t2 = c.field(&format!("{p}.mechanical_above_c"), w.mechanical_above_c);
                if t1 && t2 && w.mechanical_above_c < w.free_cooling_below_c {
                    c.push(
                        format!("{p}.mechanical_above_c"),
                        tr!(
                            "core-mechanical-below-free-cooling",
                            free = figure(w.free_cooling_below_c),
                            got = figure(w.mechanical_above_c)
                        ),
                    );
                }
                for (name, v) in [
                    ("economizer_power_frac", w.economizer_power_frac),
                    ("fan_power_frac", w.fan_power_frac),
                    ("distribution_loss_frac", w.distribution_loss_frac),
                    ("lighting_misc_frac", w.lighting_misc_frac),
                ] {
                    c.field(&format!("{p}.{name}"), v);
                }
                let r = c.field(&format!("{p}.chiller_cop_rated"), w.chiller_cop_rated);
                let m = c.field(&format!("{p}.chiller_cop_min"), w.chiller_cop_min);
                if r && m && w.chiller_cop_min > w.chiller_cop_rated {
                    c.push(
                        format!("{p}.chiller_cop_min"),
                        tr!("core-cop-min-above-rated"),
                    );
                }
                c.field(
                    &format!("{p}.chiller_cop_rated_temp_c"),
                    w.chiller_cop_rated_temp_c,
                );
                c.field(
                    &format!("{p}.chiller_cop_drop_per_c"),
                    w.chiller_cop_drop_per_c,
                );
                c.field(&format!("{p}.ups_efficiency"), w.ups_efficiency);
                c.field(&format!("{p}.design_temp_c"), w.design_temp_c);
                let hottest = crate::model::cooling::pue_weather_driven(HOTTEST_C, &w.pue_model());
                if start == c.issues.len() && (hottest.is_nan() || hottest > MAX_PUE) {
                    c.push(
                        p,
                        tr!(
                            "core-pue-too-high-when-hot",
                            pue = figure((hottest * 100.0).round() / 100.0),
                            hot = dakhla_i18n::number(HOTTEST_C, 0),
                            max = dakhla_i18n::number(MAX_PUE, 0)
                        ),
                    );
                }
            }
        }
    }

    fn check_solar(&self, c: &mut Checker) {
        if !c.list_len(
            "solar_plants",
            self.solar_plants.len(),
            "core-list-solar-plants",
        ) {
            return;
        }
        c.unique(
            "solar_plants",
            self.solar_plants.iter().map(|s| s.name.as_str()),
        );
        for (i, s) in self.solar_plants.iter().enumerate() {
            let p = format!("solar_plants[{i}]");
            c.name(&format!("{p}.name"), &s.name, "core-thing-solar-plant");
            c.field(&format!("{p}.capacity_mwdc"), s.capacity_mwdc);
            c.field(&format!("{p}.dc_ac_ratio"), s.dc_ac_ratio);
            match &s.mounting {
                Mounting::Fixed {
                    tilt_deg,
                    azimuth_deg,
                    gcr,
                } => {
                    c.field_in(&format!("{p}.mounting.gcr"), "Fixed", *gcr);
                    c.field(&format!("{p}.mounting.tilt_deg"), *tilt_deg);
                    c.field(&format!("{p}.mounting.azimuth_deg"), *azimuth_deg);
                }
                Mounting::SingleAxis {
                    max_angle_deg, gcr, ..
                } => {
                    c.field(&format!("{p}.mounting.max_angle_deg"), *max_angle_deg);
                    c.field_in(&format!("{p}.mounting.gcr"), "SingleAxis", *gcr);
                }
            }
            c.field(&format!("{p}.losses_pct"), s.losses_pct);
            c.field(&format!("{p}.gamma_pdc_per_c"), s.gamma_pdc_per_c);
            c.field(&format!("{p}.inverter_eff_pct"), s.inverter_eff_pct);
            c.field(&format!("{p}.albedo"), s.albedo);
            c.field(
                &format!("{p}.degradation_pct_per_year"),
                s.degradation_pct_per_year,
            );
            c.field(&format!("{p}.land_use_ha_per_mwdc"), s.land_use_ha_per_mwdc);
            c.field(&format!("{p}.inverter_unit_mw"), s.inverter_unit_mw);
            c.field(
                &format!("{p}.inverter_forced_outage_rate"),
                s.inverter_forced_outage_rate,
            );
            c.field(
                &format!("{p}.inverter_mean_time_to_repair_h"),
                s.inverter_mean_time_to_repair_h,
            );
        }
    }

    fn check_wind(&self, c: &mut Checker) {
        if !c.list_len("wind_farms", self.wind_farms.len(), "core-list-wind-farms") {
            return;
        }
        c.unique(
            "wind_farms",
            self.wind_farms.iter().map(|w| w.name.as_str()),
        );
        for (i, w) in self.wind_farms.iter().enumerate() {
            let p = format!("wind_farms[{i}]");
            c.name(&format!("{p}.name"), &w.name, "core-thing-wind-farm");
            match &w.turbine {
                TurbineChoice::Library { name } => {
                    if turbines::find_turbine(name).is_none() {
                        c.push(
                            format!("{p}.turbine.name"),
                            tr!(
                                "core-turbine-not-in-library",
                                name = crate::text::shorten(name),
                                names = turbines::turbine_names().join(", ")
                            ),
                        );
                    }
                }
                TurbineChoice::Custom {
                    name,
                    rated_kw,
                    rotor_diameter_m,
                    power_curve_kw,
                } => {
                    c.name(
                        &format!("{p}.turbine.name"),
                        name,
                        "core-thing-custom-turbine",
                    );
                    c.field(&format!("{p}.turbine.rated_kw"), *rated_kw);
                    c.field(&format!("{p}.turbine.rotor_diameter_m"), *rotor_diameter_m);
                    let curve = format!("{p}.turbine.power_curve_kw");
                    let checked = c
                        .list_len(&curve, power_curve_kw.len(), "core-list-curve-points")
                        .then(|| crate::model::wind::validate_power_curve(power_curve_kw));
                    if let Some(Err(msg)) = checked {
                        c.push(curve, msg);
                    } else if checked.is_some() && rated_kw.is_finite() {
                        let peak = power_curve_kw.iter().map(|p| p.1).fold(0.0, f64::max);
                        if peak > rated_kw * 1.05 {
                            c.push(
                                curve,
                                tr!(
                                    "core-curve-above-rating",
                                    peak = figure(peak),
                                    rated = figure(*rated_kw)
                                ),
                            );
                        } else if let Some((v, p_kw, most)) = power_curve_kw
                            .iter()
                            .map(|&(v, p)| (v, p, betz_limit_kw(v, *rotor_diameter_m)))
                            .find(|(_, p, most)| *p > most * 1.1)
                        {
                            c.push(
                                curve,
                                tr!(
                                    "core-curve-above-betz",
                                    power = figure(p_kw),
                                    speed = figure(v),
                                    diameter = figure(*rotor_diameter_m),
                                    limit = figure(if most >= 100.0 {
                                        most.round()
                                    } else {
                                        (most * 100.0).round() / 100.0
                                    })
                                ),
                            );
                        } else if !power_curve_kw
                            .iter()
                            .any(|&(v, p)| v <= MAX_RATED_WIND_M_S && p >= rated_kw * 0.9)
                        {
                            c.push(
                                curve,
                                tr!(
                                    "core-curve-late-rating",
                                    rated = figure(*rated_kw),
                                    speed = dakhla_i18n::number(MAX_RATED_WIND_M_S, 0)
                                ),
                            );
                        } else if peak < rated_kw * 0.9 {
                            // The farm is built (and paid for) by its rated power.
                            c.push(
                                curve,
                                tr!(
                                    "core-curve-below-rating",
                                    rated = figure(*rated_kw),
                                    peak = figure(peak)
                                ),
                            );
                        }
                    }
                }
            }
            if w.turbine_count > MAX_TURBINES_PER_FARM {
                c.push(
                    format!("{p}.turbine_count"),
                    tr!(
                        "core-turbines-implausible",
                        count = whole(u64::from(w.turbine_count)),
                        max = whole(u64::from(MAX_TURBINES_PER_FARM))
                    ),
                );
            }
            c.field(&format!("{p}.hub_height_m"), w.hub_height_m);
            c.field(&format!("{p}.measurement_height_m"), w.measurement_height_m);
            c.field(&format!("{p}.shear_exponent"), w.shear_exponent);
            c.field(&format!("{p}.losses_pct"), w.losses_pct);
            c.field(
                &format!("{p}.turbine_forced_outage_rate"),
                w.turbine_forced_outage_rate,
            );
            c.field(
                &format!("{p}.turbine_mean_time_to_repair_h"),
                w.turbine_mean_time_to_repair_h,
            );
        }
    }

    fn check_battery_backup(&self, c: &mut Checker) {
        let b = &self.battery;
        c.field("battery.energy_mwh", b.energy_mwh);
        c.field("battery.power_mw", b.power_mw);
        c.field("battery.round_trip_eff", b.round_trip_eff);
        let lo = c.field("battery.soc_min_frac", b.soc_min_frac);
        let hi = c.field("battery.soc_max_frac", b.soc_max_frac);
        if lo && hi && b.soc_max_frac - b.soc_min_frac < MIN_SOC_WINDOW * (1.0 - 1e-9) {
            c.push(
                "battery.soc_max_frac",
                tr!(
                    "core-soc-window",
                    window = figure(MIN_SOC_WINDOW),
                    min = figure(b.soc_min_frac),
                    got = figure(b.soc_max_frac)
                ),
            );
        }
        if c.field("battery.initial_soc_frac", b.initial_soc_frac)
            && lo
            && hi
            && b.soc_min_frac < b.soc_max_frac
            && (b.initial_soc_frac < b.soc_min_frac || b.initial_soc_frac > b.soc_max_frac)
        {
            c.push(
                "battery.initial_soc_frac",
                tr!(
                    "core-initial-soc",
                    min = figure(b.soc_min_frac),
                    max = figure(b.soc_max_frac),
                    got = figure(b.initial_soc_frac)
                ),
            );
        }
        c.field(
            "battery.self_discharge_frac_per_day",
            b.self_discharge_frac_per_day,
        );
        c.field(
            "battery.capacity_fade_pct_per_year",
            b.capacity_fade_pct_per_year,
        );
        c.field("battery.pcs_unit_mw", b.pcs_unit_mw);
        c.field("battery.pcs_forced_outage_rate", b.pcs_forced_outage_rate);
        c.field(
            "battery.pcs_mean_time_to_repair_h",
            b.pcs_mean_time_to_repair_h,
        );
        if !c.list_len("backup", self.backup.len(), "core-list-backup-units") {
            return;
        }
        c.unique("backup", self.backup.iter().map(|u| u.name.as_str()));
        for (i, u) in self.backup.iter().enumerate() {
            let p = format!("backup[{i}]");
            c.name(&format!("{p}.name"), &u.name, "core-thing-backup-unit");
            c.field(&format!("{p}.capacity_mw"), u.capacity_mw);
            c.field(&format!("{p}.efficiency"), u.efficiency);
            c.field(&format!("{p}.fuel_cost_per_mwh_th"), u.fuel_cost_per_mwh_th);
            c.field(&format!("{p}.variable_om_per_mwh"), u.variable_om_per_mwh);
            c.field(
                &format!("{p}.emission_factor_t_per_mwh_th"),
                u.emission_factor_t_per_mwh_th,
            );
            if !(1..=MAX_BACKUP_UNITS).contains(&u.unit_count) {
                c.push(
                    format!("{p}.unit_count"),
                    tr!(
                        "core-unit-count",
                        max = whole(u64::from(MAX_BACKUP_UNITS)),
                        got = whole(u64::from(u.unit_count))
                    ),
                );
            }
            let kind = u.kind.name();
            c.field_in(
                &format!("{p}.forced_outage_rate"),
                kind,
                u.forced_outage_rate,
            );
            c.field_in(
                &format!("{p}.mean_time_to_repair_h"),
                kind,
                u.mean_time_to_repair_h,
            );
            c.field_in(
                &format!("{p}.start_failure_prob"),
                kind,
                u.start_failure_prob,
            );
            let export_ok = c.field(&format!("{p}.export_capacity_mw"), u.export_capacity_mw);
            c.field(&format!("{p}.export_price_per_mwh"), u.export_price_per_mwh);
            if export_ok && u.export_capacity_mw > 0.0 && u.kind != BackupKind::GridImport {
                c.push(
                    format!("{p}.export_capacity_mw"),
                    tr!(
                        "core-export-not-grid",
                        kind = kind,
                        got = figure(u.export_capacity_mw)
                    ),
                );
            }
            if let Some(ym) = u.available_from {
                check_year_month(c, &format!("{p}.available_from"), ym);
            }
            let cf_ok = c.field(&format!("{p}.carbon_free_frac"), u.carbon_free_frac);
            if cf_ok && u.carbon_free_frac >= 1.0 && u.emission_factor_t_per_mwh_th > 0.0 {
                c.push(
                    format!("{p}.carbon_free_frac"),
                    tr!(
                        "core-carbon-free-emits",
                        factor = figure(u.emission_factor_t_per_mwh_th)
                    ),
                );
            }
        }
    }

    fn check_economics_targets(&self, c: &mut Checker) {
        let e = &self.economics;
        let r = &e.exchange_rates;
        c.field("economics.exchange_rates.eur_per_usd", r.eur_per_usd);
        c.field("economics.exchange_rates.mad_per_usd", r.mad_per_usd);
        if !is_iso_date(&r.as_of) {
            c.push(
                "economics.exchange_rates.as_of",
                tr!("money-bad-date", got = crate::text::shorten(&r.as_of)),
            );
        }
        c.text(
            "economics.exchange_rates.source",
            &r.source,
            MAX_NAME_CHARS,
            false,
            &tr!("money-source-what"),
        );
        c.field("economics.discount_rate", e.discount_rate);
        if !(1..=100).contains(&e.analysis_years) {
            c.push(
                "economics.analysis_years",
                tr!(
                    "core-analysis-years",
                    got = whole(u64::from(e.analysis_years))
                ),
            );
        }
        for (name, cost) in [
            ("solar_per_kwac", &e.solar_per_kwac),
            ("wind_per_kw", &e.wind_per_kw),
            ("battery_power_per_kw", &e.battery_power_per_kw),
            ("gas_turbine_per_kw", &e.gas_turbine_per_kw),
            ("diesel_genset_per_kw", &e.diesel_genset_per_kw),
            ("grid_link_per_kw", &e.grid_link_per_kw),
        ] {
            let p = format!("economics.{name}");
            c.field(&format!("{p}.capex_per_kw"), cost.capex_per_kw);
            c.field(
                &format!("{p}.fixed_om_pct_per_year"),
                cost.fixed_om_pct_per_year,
            );
            c.field(&format!("{p}.lifetime_years"), cost.lifetime_years);
        }
        let b = &e.battery_energy_per_kwh;
        c.field(
            "economics.battery_energy_per_kwh.capex_per_kwh",
            b.capex_per_kwh,
        );
        c.field(
            "economics.battery_energy_per_kwh.fixed_om_pct_per_year",
            b.fixed_om_pct_per_year,
        );
        c.field(
            "economics.battery_energy_per_kwh.lifetime_years",
            b.lifetime_years,
        );
        c.field("economics.carbon_price_per_t", e.carbon_price_per_t);
        c.field("economics.water_per_m3", e.water_per_m3);
        let t = &self.targets;
        if let Some(v) = t.min_renewable_fraction {
            c.field("targets.min_renewable_fraction", v);
        }
        if let Some(v) = t.min_cfe_score {
            c.field("targets.min_cfe_score", v);
        }
        if let Some(v) = t.max_unmet_energy_mwh {
            c.field("targets.max_unmet_energy_mwh", v);
        }
        if let Some(v) = t.max_lole_h_per_year {
            c.field("targets.max_lole_h_per_year", v);
        }
        if let Some(v) = t.max_eue_mwh_per_year {
            c.field("targets.max_eue_mwh_per_year", v);
        }
        if let Some(v) = t.max_wue_l_per_kwh {
            c.field("targets.max_wue_l_per_kwh", v);
        }
        c.field("targets.reliability_percentile", t.reliability_percentile);
    }

    fn check_optimizer(&self, c: &mut Checker) {
        let o = &self.optimizer;
        // What the scenario's fields can hold: a bound asking for more could never be built.
        let ratings_mw: Vec<f64> = self
            .wind_farms
            .iter()
            .map(|f| f.turbine.rated_kw() / 1000.0)
            .collect();
        let most = [
            MAX_PLANT_MWDC * self.solar_plants.len() as f64,
            ratings_mw.iter().sum::<f64>() * MAX_TURBINES_PER_FARM as f64,
            MAX_BATTERY_MWH,
            MAX_UNIT_MW,
            MAX_UNIT_MW,
        ];
        let mut ok = [false; 5];
        for (k, (name, sizing, unit)) in [
            ("solar_mwdc", o.solar_mwdc, "MWdc"),
            ("wind_mw", o.wind_mw, "MW"),
            ("battery_energy_mwh", o.battery_energy_mwh, "MWh"),
            ("battery_power_mw", o.battery_power_mw, "MW"),
            ("backup_mw", o.backup_mw, "MW"),
        ]
        .into_iter()
        .enumerate()
        {
            if let Sizing::Between { min, max } = sizing {
                let p = format!("optimizer.{name}");
                let ok_min = c.field(&format!("{p}.min"), min);
                let ok_max = c.field(&format!("{p}.max"), max);
                if ok_min && ok_max && min > max {
                    c.push(
                        p,
                        tr!(
                            "core-bounds-reversed",
                            min = figure(min),
                            max = figure(max),
                            unit = unit
                        ),
                    );
                } else if ok_min && ok_max && min > 0.0 && min > most[k] {
                    c.push(
                        format!("{p}.min"),
                        tr!(
                            "core-bound-above-what-fits",
                            min = figure(min),
                            most = figure(most[k]),
                            unit = unit,
                            why = tr!(match k {
                                0 => "core-most-solar",
                                1 => "core-most-wind",
                                2 => "core-most-battery",
                                _ => "core-most-unit",
                            })
                        ),
                    );
                } else {
                    ok[k] = ok_min && ok_max;
                }
            }
        }
        // Wind is built in whole turbines: with turbines of one size, the range must hold a whole
        // number of them.
        let one_size = ratings_mw.first().filter(|r| {
            ratings_mw
                .iter()
                .all(|x| (*x - **r).abs() <= 1e-9 * r.abs())
        });
        if let (Sizing::Between { min, max }, true, Some(rating)) = (o.wind_mw, ok[1], one_size)
            && *rating > 0.0
            && (min / rating).ceil() * rating > max * (1.0 + 1e-9) + 1e-9
        {
            c.push(
                "optimizer.wind_mw",
                tr!(
                    "core-wind-no-whole-turbines",
                    rating = figure(*rating),
                    min = figure(min),
                    max = figure(max),
                    below = figure((min / rating).floor() * rating),
                    above = figure((min / rating).ceil() * rating)
                ),
            );
        }
        if let Some(v) = o.max_solar_land_ha
            && c.field("optimizer.max_solar_land_ha", v)
        {
            // The least solar the optimizer must build has to fit on that land.
            let (mwdc, land): (f64, f64) = self
                .solar_plants
                .iter()
                .map(|p| (p.capacity_mwdc, p.capacity_mwdc * p.land_use_ha_per_mwdc))
                .fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
            let ha_per_mwdc = if mwdc > 0.0 {
                land / mwdc
            } else {
                self.solar_plants
                    .iter()
                    .map(|p| p.land_use_ha_per_mwdc)
                    .sum::<f64>()
                    / self.solar_plants.len().max(1) as f64
            };
            let least = match o.solar_mwdc {
                Sizing::Fixed => mwdc,
                Sizing::Between { min, .. } => min,
                Sizing::Free => 0.0,
            };
            if least * ha_per_mwdc > v * (1.0 + 1e-9) {
                c.push(
                    "optimizer.max_solar_land_ha",
                    tr!(
                        "core-solar-land-too-small",
                        land = figure(v),
                        needed = figure(least * ha_per_mwdc),
                        solar = figure(least)
                    ),
                );
            }
        }
        let from_ok = c.field("optimizer.pareto_from", o.pareto_from);
        let to_ok = c.field("optimizer.pareto_to", o.pareto_to);
        if from_ok && to_ok && o.pareto_to - o.pareto_from < MIN_PARETO_SPAN * (1.0 - 1e-9) {
            c.push(
                "optimizer.pareto_to",
                tr!(
                    "core-pareto-span",
                    span = figure(MIN_PARETO_SPAN),
                    from = figure(o.pareto_from),
                    got = figure(o.pareto_to)
                ),
            );
        }
        if !(2..=200).contains(&o.pareto_points) {
            c.push(
                "optimizer.pareto_points",
                tr!(
                    "core-pareto-points",
                    got = whole(u64::from(o.pareto_points))
                ),
            );
        }
        if !c.list_len(
            "optimizer.sensitivities",
            o.sensitivities.len(),
            "core-list-sensitivity-cases",
        ) {
            return;
        }
        c.unique(
            "optimizer.sensitivities",
            o.sensitivities.iter().map(|x| x.name.as_str()),
        );
        for (i, case) in o.sensitivities.iter().enumerate() {
            let p = format!("optimizer.sensitivities[{i}]");
            if case.name.trim().is_empty() {
                c.push(format!("{p}.name"), tr!("core-case-needs-name"));
            } else if case.name.trim() == SensitivityCase::default().name {
                c.push(
                    format!("{p}.name"),
                    tr!(
                        "core-case-base-name",
                        name = SensitivityCase::default().name
                    ),
                );
            } else {
                c.name(&format!("{p}.name"), &case.name, "core-thing-cost-case");
            }
            for (f, v) in [
                ("solar_capex_factor", case.solar_capex_factor),
                ("wind_capex_factor", case.wind_capex_factor),
                ("battery_capex_factor", case.battery_capex_factor),
                ("backup_fuel_factor", case.backup_fuel_factor),
            ] {
                c.field(&format!("{p}.{f}"), v);
            }
            if let Some(v) = case.flexible_share_frac {
                c.field(&format!("{p}.flexible_share_frac"), v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(s: &Scenario) -> Vec<String> {
        s.validate(None).into_iter().map(|i| i.path).collect()
    }

    fn messages(s: &Scenario) -> String {
        s.validate(None)
            .iter()
            .map(|i| format!("{}: {}", i.path, i.message))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_list_is_bounded_and_a_long_list_gets_one_problem() {
        let base = Scenario::dakhla_reference();
        assert_eq!(messages(&base), "");

        let mut s = base.clone();
        let case = SensitivityCase {
            name: String::new(), // would be a problem per entry
            ..SensitivityCase::default()
        };
        s.optimizer.sensitivities = vec![case; MAX_LIST_LEN + 1];
        assert_eq!(paths(&s), ["optimizer.sensitivities"]);
        assert!(
            messages(&s).contains("at most 1000 sensitivity cases, got 1001"),
            "{}",
            messages(&s)
        );

        let mut s = base.clone();
        let mut group = s.datacenter.rack_groups[0].clone();
        group.kw_per_rack = -1.0;
        s.datacenter.rack_groups = vec![group; 5000];
        assert_eq!(paths(&s), ["datacenter.rack_groups"]);
        assert!(messages(&s).contains("at most 1000 rack groups, got 5000"));

        let mut s = base.clone();
        let plant = s.solar_plants[0].clone();
        s.solar_plants = vec![plant; MAX_LIST_LEN + 1];
        assert_eq!(paths(&s), ["solar_plants"]);

        let mut s = base.clone();
        let farm = s.wind_farms[0].clone();
        s.wind_farms = vec![farm; MAX_LIST_LEN + 1];
        assert_eq!(paths(&s), ["wind_farms"]);

        let mut s = base.clone();
        s.backup = vec![s.backup[0].clone(); MAX_LIST_LEN + 1];
        assert_eq!(paths(&s), ["backup"]);

        let mut s = base.clone();
        s.wind_farms[0].turbine = TurbineChoice::Custom {
            name: "long curve".into(),
            rated_kw: 6000.0,
            rotor_diameter_m: 170.0,
            power_curve_kw: (0..=MAX_LIST_LEN).map(|k| (k as f64 * 0.03, 5.0)).collect(),
        };
        assert_eq!(paths(&s), ["wind_farms[0].turbine.power_curve_kw"]);
        assert!(
            messages(&s).contains("at most 1000 points in a power curve, got 1001"),
            "{}",
            messages(&s)
        );
    }

    #[test]
    fn an_hourly_profile_of_the_wrong_length_is_one_problem() {
        let mut s = Scenario::dakhla_reference();
        s.datacenter.rack_groups[0].profile = DailyProfile::Hourly(vec![-1.0; 100_000]);
        assert_eq!(paths(&s), ["datacenter.rack_groups[0].profile"]);
        assert!(
            messages(&s).contains("an hourly profile needs 24 factors (hours 0 to 23), got 100000"),
            "{}",
            messages(&s)
        );
    }

    #[test]
    fn a_recorded_weather_fingerprint_is_64_hex_digits() {
        let mut s = Scenario::dakhla_reference();
        s.weather = WeatherSource::Epw {
            path: "dakhla.epw".into(),
            sha256: Some("\u{e9}".repeat(13)),
        };
        assert_eq!(paths(&s), ["weather.sha256"]);
        assert!(messages(&s).contains("64 hexadecimal digits"));
        s.weather = WeatherSource::Epw {
            path: "dakhla.epw".into(),
            sha256: Some("aB".repeat(32)),
        };
        assert_eq!(messages(&s), "");
    }

    #[test]
    fn heat_rejection_parameters_are_checked_against_their_variant() {
        let mut s = Scenario::dakhla_reference();
        s.datacenter.heat_rejection = HeatRejection::CoolingTower(CoolingTower {
            cycles_of_concentration: 1.0,
            drift_frac: f64::NAN,
            ..CoolingTower::default()
        });
        let m = messages(&s);
        assert!(
            m.contains("datacenter.heat_rejection.cycles_of_concentration"),
            "{m}"
        );
        assert!(m.contains("datacenter.heat_rejection.drift_frac"), "{m}");
        s.datacenter.heat_rejection = HeatRejection::Seawater(SeawaterCooling {
            approach_k: -1.0,
            ..SeawaterCooling::default()
        });
        let m = messages(&s);
        assert!(m.contains("datacenter.heat_rejection.approach_k"), "{m}");
        for ok in [
            HeatRejection::DryCoolers,
            HeatRejection::AdiabaticPads(AdiabaticPads::default()),
            HeatRejection::CoolingTower(CoolingTower::default()),
            HeatRejection::Seawater(SeawaterCooling::default()),
        ] {
            s.datacenter.heat_rejection = ok;
            assert_eq!(messages(&s), "");
        }
    }

    #[test]
    fn what_every_number_field_allows_is_in_the_catalogs_word_for_word() {
        use dakhla_i18n::{Lang, get};
        let mut words: Vec<&str> = super::super::fields::all()
            .filter_map(|f| match f.kind {
                FieldKind::Number { allowed, .. } => Some(allowed),
                _ => None,
            })
            .collect();
        words.push("a number");
        let mut problems = Vec::new();
        let mut ids = std::collections::BTreeMap::new();
        for w in words {
            let id = allowed_id(w);
            if let Some(other) = ids.insert(id.clone(), w)
                && other != w
            {
                problems.push(format!("{id}: both \"{other}\" and \"{w}\""));
            }
            match get(Lang::En, &id) {
                Some(en) if en == w => {}
                other => problems.push(format!("en: {id} = {w} (is {other:?})")),
            }
            if get(Lang::Fr, &id).is_none() {
                problems.push(format!("fr: {id} is missing"));
            }
        }
        assert!(problems.is_empty(), "core.ftl:\n{}", problems.join("\n"));
        assert_eq!(
            allowed_id("fraction; LFP about 0.845, hydrogen about 0.35"),
            "core-allowed-fraction-lfp-about-0-845-hydrogen-about-0-35"
        );
    }

    #[test]
    fn a_multi_byte_fingerprint_warns_without_panicking() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("w.epw"), "LOCATION").unwrap();
        let mut s = Scenario::dakhla_reference();
        s.weather = WeatherSource::Epw {
            path: "w.epw".into(),
            sha256: Some("\u{e9}".repeat(13)),
        };
        let w = s.warnings_at(Some(dir.path()));
        assert!(
            w.iter()
                .any(|i| i.path == "weather.sha256"
                    && i.message.contains("\u{e9}".repeat(12).as_str())),
            "{w:?}"
        );
    }
}
