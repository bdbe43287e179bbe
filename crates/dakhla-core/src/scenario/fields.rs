//! The field registry: one table of every scenario input, in the style of NREL ssc's variable
//! tables and PyPSA's component attributes.
//!
//! Each [`FieldSpec`] says, for one leaf of [`Scenario`](super::Scenario):
//! - its path as `--set` and error messages write it, with `[]` for list items
//!   (`solar_plants[].dc_ac_ratio`);
//! - its label, unit and help, which the GUI editor shows as the row label, the unit suffix and
//!   the tooltip, and which `describe fields` and the export's input tables print;
//! - its plausible range, which validation checks (`Checker::field` in `validate.rs`), with the
//!   words the message puts in brackets;
//! - its default, which the scenario's `Default` impls and serde defaults read from here.
//!
//! A field of one enum variant only (`mounting.gcr` of fixed racks and of trackers) may have
//! one spec per variant; [`spec_in`] looks up the variant's own spec first, then the general one.
//! Tests walk the `Scenario` type and fail when a leaf has no spec (`tests::every_leaf_...`) or
//! no GUI editor (the planner's `gui` tests), and when a spec names no leaf.

use super::validate::{
    MAX_BATTERY_MWH, MAX_CAPACITY, MAX_CHILLER_COP, MAX_LIST_LEN, MAX_NAME_CHARS, MAX_NOTE_CHARS,
    MAX_PATH_CHARS, MAX_PLANT_MWDC, MAX_PUE, MAX_RACKS_PER_GROUP, MAX_TURBINES_PER_FARM,
    MAX_UNIT_MW, MIN_BACKUP_EFFICIENCY, MIN_CHILLER_COP, MIN_FACILITY_CAP_MW, MIN_KW_PER_RACK,
    MIN_LIFETIME_YEARS, MIN_ROUND_TRIP_EFF, MIN_TURBINE_RATED_KW,
};
use std::borrow::Cow;

/// What kind of value a field holds, and what validation allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldKind {
    /// A real number within `[min, max]` (`min` itself excluded when `min_exclusive`);
    /// `allowed` is what validation's message says in brackets ("MWdc", "percent; 10-20
    /// typical").
    Number {
        min: f64,
        max: f64,
        min_exclusive: bool,
        allowed: &'static str,
    },
    /// A whole number within `[min, max]`.
    Integer { min: i64, max: i64 },
    /// Free text of at most `max_chars` characters; `multi_line` allows line ends and tabs.
    Text { max_chars: usize, multi_line: bool },
    /// On or off.
    Bool,
    /// One of the named choices: (RON variant name or allowed value of a number, words).
    Choice {
        options: &'static [(&'static str, &'static str)],
    },
    /// A list of items (each item's fields are under `path[]`), at most `max_len` long.
    List { max_len: usize },
    /// A list of (x, y) points, such as a power curve.
    Points { max_len: usize },
}

/// How the GUI shows a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shown {
    /// As stored, in [`FieldSpec::unit`].
    Stored,
    /// Multiplied by `factor`, in `unit` (a fraction as a percentage: 100, "%").
    Scaled { factor: f64, unit: &'static str },
}

/// The value a field takes when the file leaves it out (or a new list item starts with).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldDefault {
    /// The file must give it.
    Required,
    /// Left out means "not set" (an optional target or bound).
    NotSet,
    Number(f64),
    Integer(i64),
    Text(&'static str),
    Bool(bool),
    /// A RON variant name.
    Choice(&'static str),
    /// An empty list.
    Empty,
    /// The file must give it; a new entry (and a migrated older file) starts from this typical
    /// value of its variant (a gas turbine's forced outage rate).
    Typical(f64),
}

/// Who edits a field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Editor {
    /// The planner, through a GUI editor drawn with this spec.
    Gui,
    /// The program; the reason says when it writes the value.
    Automatic(&'static str),
}

/// One scenario input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldSpec {
    /// Path with `[]` for list items: `datacenter.rack_groups[].kw_per_rack`.
    pub path: &'static str,
    /// Only for this enum variant of the value that holds the field ("" = any).
    pub variant: &'static str,
    /// Row label in the GUI and the export ("Power per rack").
    pub label: &'static str,
    /// Unit of the stored value ("MWdc", "fraction", "" for a pure number).
    pub unit: &'static str,
    /// What the field means, typical values and their sources (the GUI tooltip).
    pub help: &'static str,
    pub kind: FieldKind,
    /// How the GUI shows a number.
    pub shown: Shown,
    pub default: FieldDefault,
    /// `Some` when the field may be left unset (`Option` in the scenario).
    pub optional: bool,
    pub editor: Editor,
}

impl FieldSpec {
    /// The id of this field's messages in the catalogs (`locales/*/fields.ftl`):
    /// `field-datacenter-rack_groups-kw_per_rack`, with `--Variant` for a variant's field.
    /// Its value is the label; attributes `.help` and `.choice-<option>`.
    pub fn message_id(&self) -> String {
        let mut id = String::from("field-");
        for c in self.path.chars() {
            match c {
                '.' => id.push('-'),
                '[' | ']' => {}
                c => id.push(c),
            }
        }
        if !self.variant.is_empty() {
            id.push_str("--");
            id.push_str(self.variant);
        }
        id
    }

    /// The label in the current language (the registry's English when there is no
    /// translation).
    pub fn label_text(&self) -> Cow<'static, str> {
        translated(&self.message_id(), self.label)
    }

    /// The help in the current language.
    pub fn help_text(&self) -> Cow<'static, str> {
        translated(&format!("{}.help", self.message_id()), self.help)
    }

    /// The words of choice `option` ("Free", "Fixed") in the current language.
    pub fn choice_text(&self, option: &str) -> Cow<'static, str> {
        match self.kind {
            FieldKind::Choice { options } => match options.iter().find(|o| o.0 == option) {
                Some(o) => translated(
                    &format!("{}.{}", self.message_id(), choice_attribute(o.0)),
                    o.1,
                ),
                None => Cow::Owned(option.to_owned()),
            },
            _ => Cow::Owned(option.to_owned()),
        }
    }

    /// The unit the GUI and the export show the value in.
    pub fn shown_unit(&self) -> &'static str {
        match self.shown {
            Shown::Stored => self.unit,
            Shown::Scaled { unit, .. } => unit,
        }
    }

    /// The factor from the stored value to the shown one.
    pub fn shown_factor(&self) -> f64 {
        match self.shown {
            Shown::Stored => 1.0,
            Shown::Scaled { factor, .. } => factor,
        }
    }

    /// The default as a number, for numeric fields.
    pub fn default_number(&self) -> Option<f64> {
        match self.default {
            FieldDefault::Number(v) | FieldDefault::Typical(v) => Some(v),
            FieldDefault::Integer(v) => Some(v as f64),
            _ => None,
        }
    }

    const fn percent(self) -> Self {
        self.scaled(100.0, "%")
    }
    const fn scaled(self, factor: f64, unit: &'static str) -> Self {
        FieldSpec {
            shown: Shown::Scaled { factor, unit },
            ..self
        }
    }
    const fn above(self) -> Self {
        let kind = match self.kind {
            FieldKind::Number {
                min, max, allowed, ..
            } => FieldKind::Number {
                min,
                max,
                min_exclusive: true,
                allowed,
            },
            k => k,
        };
        FieldSpec { kind, ..self }
    }
    const fn dflt(self, v: f64) -> Self {
        FieldSpec {
            default: FieldDefault::Number(v),
            ..self
        }
    }
    const fn typical(self, v: f64) -> Self {
        FieldSpec {
            default: FieldDefault::Typical(v),
            ..self
        }
    }
    const fn dflt_int(self, v: i64) -> Self {
        FieldSpec {
            default: FieldDefault::Integer(v),
            ..self
        }
    }
    const fn dflt_choice(self, v: &'static str) -> Self {
        FieldSpec {
            default: FieldDefault::Choice(v),
            ..self
        }
    }
    const fn dflt_text(self, v: &'static str) -> Self {
        FieldSpec {
            default: FieldDefault::Text(v),
            ..self
        }
    }
    const fn optional(self) -> Self {
        FieldSpec {
            optional: true,
            default: FieldDefault::NotSet,
            ..self
        }
    }
    const fn of(self, variant: &'static str) -> Self {
        FieldSpec { variant, ..self }
    }
    const fn automatic(self, why: &'static str) -> Self {
        FieldSpec {
            editor: Editor::Automatic(why),
            ..self
        }
    }
}

/// The smallest inverter or battery power block reliability runs count [MW]: a 10 kW string
/// inverter (a smaller size would make millions of units of a utility plant).
const MIN_POWER_BLOCK_MW: f64 = 0.01;

const fn base(
    path: &'static str,
    label: &'static str,
    unit: &'static str,
    kind: FieldKind,
    help: &'static str,
) -> FieldSpec {
    FieldSpec {
        path,
        variant: "",
        label,
        unit,
        help,
        kind,
        shown: Shown::Stored,
        default: FieldDefault::Required,
        optional: false,
        editor: Editor::Gui,
    }
}

#[allow(clippy::too_many_arguments)]
const fn num(
    path: &'static str,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    allowed: &'static str,
    help: &'static str,
) -> FieldSpec {
    base(
        path,
        label,
        unit,
        FieldKind::Number {
            min,
            max,
            min_exclusive: false,
            allowed,
        },
        help,
    )
}

const fn int(
    path: &'static str,
    label: &'static str,
    unit: &'static str,
    min: i64,
    max: i64,
    help: &'static str,
) -> FieldSpec {
    base(path, label, unit, FieldKind::Integer { min, max }, help)
}

const fn text(
    path: &'static str,
    label: &'static str,
    max_chars: usize,
    help: &'static str,
) -> FieldSpec {
    base(
        path,
        label,
        "",
        FieldKind::Text {
            max_chars,
            multi_line: false,
        },
        help,
    )
    .dflt_text("")
}

const fn note(
    path: &'static str,
    label: &'static str,
    max_chars: usize,
    help: &'static str,
) -> FieldSpec {
    base(
        path,
        label,
        "",
        FieldKind::Text {
            max_chars,
            multi_line: true,
        },
        help,
    )
    .dflt_text("")
}

/// A name that must not be empty.
const fn name(path: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec {
        default: FieldDefault::Required,
        ..text(path, label, MAX_NAME_CHARS, help)
    }
}

const fn choice(
    path: &'static str,
    label: &'static str,
    options: &'static [(&'static str, &'static str)],
    help: &'static str,
) -> FieldSpec {
    base(path, label, "", FieldKind::Choice { options }, help)
}

const fn list(path: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec {
        default: FieldDefault::Empty,
        ..base(
            path,
            label,
            "",
            FieldKind::List {
                max_len: MAX_LIST_LEN,
            },
            help,
        )
    }
}

/// One cost line of `economics`: capex, fixed O&M and lifetime.
macro_rules! cost_line {
    ($key:literal, $label:literal, $capex_key:literal, $unit:literal, $allowed:literal,
     $life_allowed:literal, $help:literal, $capex:expr, $om:expr, $life:expr) => {
        [
            num(
                concat!("economics.", $key, ".", $capex_key),
                concat!($label, " capex"),
                $unit,
                0.0,
                100_000.0,
                $allowed,
                concat!($help, " Overnight capital cost."),
            )
            .dflt($capex),
            num(
                concat!("economics.", $key, ".fixed_om_pct_per_year"),
                concat!($label, " fixed O&M"),
                "%/yr",
                0.0,
                100.0,
                "percent of capex per year",
                concat!(
                    $help,
                    " Fixed O&M as a share of capex per year; typical 1-3 %/yr."
                ),
            )
            .dflt($om),
            num(
                concat!("economics.", $key, ".lifetime_years"),
                concat!($label, " lifetime"),
                "yr",
                MIN_LIFETIME_YEARS,
                100.0,
                $life_allowed,
                concat!(
                    $help,
                    " Economic life; capital is annualized over it with the capital recovery \
                     factor."
                ),
            )
            .dflt($life),
        ]
    };
}

/// How the optimizer may size one technology: the mode and the bounds of `Between`.
macro_rules! sizing {
    ($key:literal, $label:literal, $unit:literal, $help:literal) => {
        [
            choice(
                concat!("optimizer.", $key),
                $label,
                &[("Free", "Free"), ("Fixed", "Fixed"), ("Between", "Between")],
                $help,
            )
            .dflt_choice("Free"),
            num(
                concat!("optimizer.", $key, ".min"),
                concat!($label, " min"),
                $unit,
                0.0,
                MAX_CAPACITY,
                $unit,
                "Lowest value the optimizer may choose.",
            ),
            num(
                concat!("optimizer.", $key, ".max"),
                concat!($label, " max"),
                $unit,
                0.0,
                MAX_CAPACITY,
                $unit,
                "Highest value the optimizer may choose.",
            ),
        ]
    };
}

const SCENARIO: [FieldSpec; 6] = [
    int(
        "schema_version",
        "Schema version",
        "",
        1,
        super::SCHEMA_VERSION as i64,
        "File format version; files of an older version are migrated when opened.",
    )
    .automatic("written by the program on every save (migrate upgrades older files)"),
    text(
        "meta.name",
        "Scenario name",
        MAX_NAME_CHARS,
        "Shown in the title bar, reports and comparisons; up to 200 characters.",
    ),
    text(
        "meta.description",
        "Description",
        MAX_NOTE_CHARS,
        "One line on what this case is, e.g. \"500 MW cap; 600 MWdc PV + 396 MW wind\".",
    ),
    text("meta.author", "Author", MAX_NAME_CHARS, "Who made it."),
    text("meta.team", "Team", MAX_NAME_CHARS, "Which team owns it."),
    note(
        "meta.notes",
        "Notes",
        MAX_NOTE_CHARS,
        "Free notes: assumptions, sources, open questions.",
    ),
];

const SITE: [FieldSpec; 18] = [
    name(
        "site.name",
        "Site name",
        "Name of the place, e.g. \"Dakhla, Morocco\".",
    ),
    num(
        "site.latitude_deg",
        "Latitude",
        "°",
        -90.0,
        90.0,
        "degrees, north positive",
        "Degrees north (south negative), -90 to 90. Dakhla: 23.72.",
    ),
    num(
        "site.longitude_deg",
        "Longitude",
        "°",
        -180.0,
        180.0,
        "degrees, east positive; Dakhla is about -15.9",
        "Degrees east (west negative), -180 to 180. Dakhla: -15.93.",
    ),
    num(
        "site.elevation_m",
        "Elevation",
        "m",
        -500.0,
        9000.0,
        "metres above sea level",
        "Ground elevation above sea level; sets the air density for wind and sun. Dakhla: about \
         10 m.",
    ),
    num(
        "site.utc_offset_h",
        "UTC offset",
        "h",
        -12.0,
        14.0,
        "hours from UTC",
        "Local legal time minus UTC, -12 to +14 h: rack groups' hourly profiles and build-out \
         months, and the charts' clock, follow it. Morocco: +1 most of the year. The physics \
         runs in UTC, and exported files stay in UTC.",
    ),
    num(
        "site.ramadan_utc_offset_h",
        "UTC offset in Ramadan",
        "h",
        -12.0,
        14.0,
        "hours from UTC during Ramadan",
        "Morocco sets its clocks back to UTC+0 for Ramadan (decree 2-18-855 of 2018). On: the \
         legal time is this offset in Morocco's Ramadan weeks (dates of the IANA tz database, \
         zone Africa/Casablanca, to 2087), so load profiles follow the clocks people keep then. \
         Off: the UTC offset above all year.",
    )
    .optional(),
    choice(
        "weather",
        "Weather source",
        &[
            ("Synthetic", "Built-in Dakhla climate"),
            ("Epw", "Weather file (EPW)"),
            ("Csv", "Weather file (CSV)"),
        ],
        "Built-in: a seeded synthetic year from Dakhla's monthly statistics (same seed, same year \
         on every machine); valid near Dakhla only. EPW: an EnergyPlus weather file for any site \
         (8,760 hourly rows). CSV: columns timestamp, ghi, dni, dhi, temp_air, wind_speed, \
         optional pressure.",
    ),
    int(
        "weather.seed",
        "Weather seed",
        "",
        0,
        i64::MAX,
        "Random seed of the synthetic year: the same seed gives the same weather on every \
         machine; change it to see another plausible year.",
    )
    .of("Synthetic"),
    int(
        "weather.year",
        "Weather year",
        "",
        1900,
        2200,
        "Calendar year of the generated time axis, 1900-2200. Usually the simulation year.",
    )
    .of("Synthetic"),
    FieldSpec {
        default: FieldDefault::Required,
        ..text(
            "weather.path",
            "Weather file",
            MAX_PATH_CHARS,
            "Path of the EPW or CSV weather file, relative to the scenario file's folder (or \
             absolute). The sun is computed for the file's own location.",
        )
    },
    base(
        "weather.sha256",
        "Weather file SHA-256",
        "",
        FieldKind::Text {
            max_chars: 64,
            multi_line: false,
        },
        "SHA-256 of the weather file when it was chosen; a different file on disk is reported.",
    )
    .optional()
    .automatic("recorded by the program when a weather file is chosen"),
    int(
        "simulation.year",
        "Simulation year",
        "",
        1900,
        2200,
        "Operating year of the run. EPW data (typical years of mixed years) are stamped with it; \
         synthetic weather uses its own year. 1900-2200.",
    )
    .dflt_int(2029),
    base(
        "simulation.timestep_min",
        "Time step",
        "min",
        FieldKind::Choice {
            options: &[
                ("60", "60 min (hourly)"),
                ("30", "30 min"),
                ("15", "15 min"),
                ("10", "10 min"),
                ("5", "5 min"),
            ],
        },
        "Length of a simulation step. Only hourly steps are supported in this version.",
    )
    .dflt_int(60),
    choice(
        "simulation.dispatch",
        "Battery dispatch",
        &[
            (
                "PerfectForesight",
                "Perfect foresight (as the optimizer sizes)",
            ),
            ("Forecast", "Rolling forecast"),
            ("Greedy", "Greedy (present only)"),
        ],
        "What the dispatch knows of the future when it decides how much energy the battery keeps \
         for later deficits that the backup cannot cover. Perfect foresight knows the whole year, \
         as the optimizer and a capacity-expansion LP do; a rolling forecast plans from the next \
         hours only, as a real energy-management system; greedy keeps no reserve. The reliability \
         run uses the same mode and never foresees failures.",
    )
    .dflt_choice("PerfectForesight"),
    int(
        "simulation.dispatch.horizon_h",
        "Forecast horizon",
        "h",
        1,
        crate::scenario::MAX_FORECAST_HORIZON_H as i64,
        "Hours of net load (renewables minus load) the rolling forecast sees, taken as exact. \
         Assumption: 24 h, the day-ahead horizon of the energy-management systems of \
         hybrid plants; 1-168 h.",
    )
    .typical(24.0),
    num(
        "datacenter.facility_power_cap_mw",
        "Power cap",
        "MW",
        MIN_FACILITY_CAP_MW,
        20_000.0,
        "MW",
        "The campus power limit. Dakhla: 500 MW. Large AI campuses: 100-1,000 MW.",
    ),
    choice(
        "datacenter.cap_applies_to",
        "Cap applies to",
        &[
            ("Facility", "Facility power (IT × PUE)"),
            ("It", "IT power only"),
        ],
        "Whether the cap limits the whole facility (IT × PUE on the design day) or the IT racks \
         alone. Public sources on Dakhla disagree which the 500 MW means; results show both.",
    )
    .dflt_choice("Facility"),
    list(
        "datacenter.rack_groups",
        "Rack groups",
        "Groups of identical racks, each coming online at one time.",
    ),
];

const LOAD: [FieldSpec; 13] = [
    name(
        "datacenter.rack_groups[].name",
        "Name",
        "A name unique among the rack groups, e.g. \"AI hall A\".",
    ),
    int(
        "datacenter.rack_groups[].count",
        "Racks",
        "racks",
        0,
        MAX_RACKS_PER_GROUP as i64,
        "Number of identical racks in the group. A 500 MW campus holds thousands of AI racks or \
         tens of thousands of air-cooled ones.",
    ),
    num(
        "datacenter.rack_groups[].kw_per_rack",
        "Power per rack",
        "kW",
        MIN_KW_PER_RACK,
        1000.0,
        "kW per rack; air-cooled 8-15, liquid-cooled AI about 120",
        "Design power of one rack. Air-cooled 8-15 kW; liquid-cooled AI (GB200/GB300 NVL72) \
         about 120 kW; next generations 190-230 kW.",
    ),
    num(
        "datacenter.rack_groups[].utilization",
        "Utilization",
        "fraction",
        0.0,
        1.0,
        "fraction of the rack's design power, 0 to 1",
        "Mean share of the design power drawn, 0-100 %. AI training 80-90 %; cloud and hosting \
         40-70 %.",
    )
    .percent(),
    choice(
        "datacenter.rack_groups[].profile",
        "Daily profile",
        &[("Flat", "Flat"), ("Hourly", "Hourly (24 factors)")],
        "Flat: every hour draws utilization × design power. Hourly: 24 factors by local hour \
         multiply the utilization; each at most 1 / utilization.",
    )
    .dflt_choice("Flat"),
    num(
        "datacenter.rack_groups[].profile[]",
        "Hourly factor",
        "",
        0.0,
        10.0,
        "factor multiplying the utilization",
        "Factor multiplying the utilization in one local hour (24 of them, hours 0 to 23); at \
         most 1 / utilization.",
    )
    .of("Hourly"),
    int(
        "datacenter.rack_groups[].online_from.year",
        "Online from",
        "",
        1900,
        2200,
        "Phased construction: the calendar year from which the group draws power. Off: the \
         group runs the whole simulated year.",
    )
    .optional(),
    int(
        "datacenter.rack_groups[].online_from.month",
        "Online from month",
        "",
        1,
        12,
        "Phased construction: the month (1 = January) from which the group draws power. A group \
         that comes online after the simulated year draws nothing in this run.",
    )
    .optional(),
    num(
        "datacenter.rack_groups[].flexibility.share_frac",
        "Flexible share",
        "fraction",
        0.0,
        1.0,
        "fraction of the group's IT energy, 0 to 1",
        "Flexible compute: the share of the group's IT energy (batch jobs, AI training) that may \
         run earlier or later within each window to follow the sun and the wind. The energy of \
         the window stays the same; the group never draws more than its racks' design power nor \
         less than its inflexible part. Google shifts its flexible batch work within the day \
         (Radovanovic et al. 2023); training clusters have cut power 25 % for 3 h without \
         breaking service levels (Emerald AI 2025). Off: none moves.",
    )
    .percent()
    .optional(),
    choice(
        "datacenter.rack_groups[].flexibility.window_h",
        "Shift window",
        &[
            ("24", "24 h (the local day)"),
            ("48", "48 h (two days)"),
            ("168", "168 h (a week)"),
        ],
        "The flexible energy moves within windows of this length, aligned to local midnight: \
         24 h is the local calendar day; 48 and 168 h are counted from the run's first local \
         midnight. Longer windows ride over cloudy or calm days but delay work longer.",
    )
    .optional(),
    num(
        "datacenter.rack_groups[].flexibility.ramp_frac_per_h",
        "Ramp limit",
        "fraction/h",
        0.0,
        1.0,
        "fraction of the group's design power per hour, above 0 and at most 1",
        "Largest change of the group's IT power from one hour to the next, as a share of its \
         design power, when the flexible work moves (a daily profile that changes faster is \
         kept). Assumption: large training jobs checkpoint and resume in minutes, so 1 (any \
         change) is typical; a lower value keeps the cooling plant steadier. Off: no limit.",
    )
    .above()
    .scaled(100.0, "%/h")
    .optional(),
    choice(
        "datacenter.cooling",
        "Cooling model",
        &[("Fixed", "Fixed PUE"), ("WeatherDriven", "Weather-driven")],
        "Fixed: one PUE for every hour. Weather-driven: the PUE follows the outdoor dry-bulb \
         temperature hour by hour (free cooling, partial economizer, chillers).",
    ),
    num(
        "datacenter.cooling.pue",
        "PUE",
        "",
        1.0,
        MAX_PUE,
        "PUE, 1.0 is no overhead",
        "Power usage effectiveness: facility power over IT power, every hour. Google fleet 1.10, \
         new large sites 1.2-1.3, industry average about 1.55.",
    )
    .of("Fixed"),
];

const HEAT_REJECTION: [FieldSpec; 12] = [
    choice(
        "datacenter.heat_rejection",
        "Heat rejection",
        &[
            ("DryCoolers", "Dry coolers"),
            ("AdiabaticPads", "Adiabatic pads"),
            ("CoolingTower", "Cooling towers"),
            ("Seawater", "Seawater"),
        ],
        "Where the heat goes. Dry coolers (air-side economizer, or warm-water liquid cooling): \
         no water. Adiabatic pads: dry coolers whose air is cooled towards the wet bulb on hot \
         hours, spending water. Cooling towers: evaporative, the PUE follows the wet bulb, \
         1.2-2.0 L of water per kWh of IT energy. Seawater: plate heat exchangers on the sea, \
         no fresh water. The weather-driven PUE model reads the temperature the heat is \
         rejected at instead of the dry bulb.",
    )
    .dflt_choice("DryCoolers"),
    num(
        "datacenter.heat_rejection.wet_above_c",
        "Pads wet above",
        "°C",
        -50.0,
        60.0,
        "C",
        "The pads are wetted when the outdoor dry bulb is above this; below it the dry coolers \
         work dry. Assumption: 24 °C, a few degrees under the economizer's limit, so that the \
         pads extend free cooling into the hot hours.",
    )
    .dflt(24.0)
    .of("AdiabaticPads"),
    num(
        "datacenter.heat_rejection.effectiveness",
        "Pad effectiveness",
        "fraction",
        0.0,
        1.0,
        "fraction 0 to 1",
        "Saturation effectiveness of the pads: how far they cool the air from the dry bulb \
         towards the wet bulb. Rigid media 0.75-0.90 (ASHRAE Handbook HVAC Systems and \
         Equipment 2020, ch. 41).",
    )
    .dflt(0.85)
    .percent()
    .of("AdiabaticPads"),
    num(
        "datacenter.heat_rejection.air_temp_rise_k",
        "Air temperature rise",
        "K",
        1.0,
        40.0,
        "K",
        "Temperature rise of the air across the dry-cooler coils: it sets the air flow per MW, \
         and so the water the pads evaporate. Assumption: 10 K, the middle of the 8-12 K dry \
         coolers are selected for.",
    )
    .dflt(10.0)
    .of("AdiabaticPads"),
    num(
        "datacenter.heat_rejection.cycles_of_concentration",
        "Cycles of concentration",
        "",
        1.5,
        50.0,
        "at least 1.5",
        "How many times the dissolved solids concentrate in the pad water before it is bled \
         off: blowdown = evaporation / (cycles - 1). Assumption: 3, pads scale more easily than \
         tower fill.",
    )
    .dflt(3.0)
    .of("AdiabaticPads"),
    num(
        "datacenter.heat_rejection.approach_k",
        "Approach to the wet bulb",
        "K",
        0.5,
        20.0,
        "K",
        "Cold-water temperature above the wet bulb. 3-6 K at design (ASHRAE Handbook HVAC \
         Systems and Equipment 2020, ch. 40).",
    )
    .dflt(4.0)
    .of("CoolingTower"),
    num(
        "datacenter.heat_rejection.latent_frac",
        "Latent share of the heat",
        "fraction",
        0.0,
        1.0,
        "fraction 0 to 1",
        "Share of the heat the towers reject by evaporating water (the rest warms the air): \
         about 0.85 (Perry's Chemical Engineers' Handbook, 8th ed., sec. 12).",
    )
    .dflt(0.85)
    .percent()
    .of("CoolingTower"),
    num(
        "datacenter.heat_rejection.cycles_of_concentration",
        "Cycles of concentration",
        "",
        1.5,
        50.0,
        "at least 1.5",
        "How many times the dissolved solids concentrate in the tower water before it is bled \
         off: blowdown = evaporation / (cycles - 1). 3-6 on fresh water; desalinated make-up, \
         low in solids, allows the upper end. Assumption: 5.",
    )
    .dflt(5.0)
    .of("CoolingTower"),
    num(
        "datacenter.heat_rejection.drift_frac",
        "Drift",
        "fraction",
        0.0,
        0.01,
        "fraction of the circulating water",
        "Droplets carried away, as a share of the circulating water: 0.0005-0.001 % with \
         modern drift eliminators (Cooling Technology Institute, ATC-140).",
    )
    .dflt(0.00001)
    .percent()
    .of("CoolingTower"),
    num(
        "datacenter.heat_rejection.range_k",
        "Range",
        "K",
        1.0,
        20.0,
        "K",
        "Temperature drop of the water across the towers: it sets the circulating flow, and so \
         the drift. 5-6 K typical (ASHRAE Handbook HVAC Systems and Equipment 2020, ch. 40).",
    )
    .dflt(5.5)
    .of("CoolingTower"),
    num(
        "datacenter.heat_rejection.sea_temp_c",
        "Sea temperature",
        "°C",
        -2.0,
        35.0,
        "C",
        "Sea surface temperature at the intake, taken as constant over the year. Dakhla, on the \
         cool Canary Current: about 20 °C (October, meteoatlas.pl); assumption for the year, \
         18-22 °C.",
    )
    .dflt(20.0)
    .of("Seawater"),
    num(
        "datacenter.heat_rejection.approach_k",
        "Exchanger approach",
        "K",
        0.5,
        20.0,
        "K",
        "Facility water above the sea's temperature across the plate heat exchangers. \
         Assumption: 2 K (plate exchangers are sized for 1-3 K).",
    )
    .dflt(2.0)
    .of("Seawater"),
];

const WATER_SUPPLY: [FieldSpec; 4] = [
    choice(
        "datacenter.water_supply",
        "Water supply",
        &[
            ("Desalination", "Own desalination plant"),
            ("Allocation", "Bought, under an allocation"),
        ],
        "Where the water of the heat rejection comes from. Own desalination plant: seawater \
         reverse osmosis run on the campus's supply, so its electricity is campus load. \
         Bought: water from the public network (at Dakhla, the desalination plant's output) up \
         to a yearly allocation; its electricity is the utility's. Either way a cubic metre \
         costs economics.water_per_m3. No water is drawn with dry coolers or seawater cooling.",
    )
    .dflt_choice("Desalination"),
    num(
        "datacenter.water_supply.energy_kwh_per_m3",
        "Desalination energy",
        "kWh/m³",
        0.0,
        20.0,
        "kWh per m³",
        "Electricity per cubic metre of fresh water, intake and pumping to the campus included. \
         Seawater reverse osmosis takes 2-4 kWh/m³, the best plants 2.0-2.8, against a \
         thermodynamic floor of about 1. Assumption: 3.0 kWh/m³.",
    )
    .dflt(3.0)
    .of("Desalination"),
    num(
        "datacenter.water_supply.capacity_m3_per_day",
        "Desalination capacity",
        "m³/day",
        0.0,
        10_000_000.0,
        "m³ per day, 0 to size it to the peak day",
        "Most water the plant makes in a day. A run whose peak day needs more says so, with the \
         days short. 0: the plant is sized to the campus's peak day (the Peak water per day \
         result).",
    )
    .dflt(0.0)
    .of("Desalination"),
    num(
        "datacenter.water_supply.max_m3_per_yr",
        "Yearly allocation",
        "m³/yr",
        0.0,
        1_000_000_000.0,
        "m³ per year",
        "Most water the campus may draw in a year; a run that needs more says so. Assumption: \
         1,850,000 m³, 5 % of the Dakhla desalination plant's 37 million m³ a year (37 Mm³: \
         maghress.com 2025); at 500 MW of IT a WUE of 0.3-0.4 L/kWh draws 1.3-1.75 Mm³.",
    )
    .dflt(1_850_000.0)
    .above()
    .of("Allocation"),
];

const COOLING: [FieldSpec; 12] = [
    num(
        "datacenter.cooling.free_cooling_below_c",
        "Free cooling below",
        "°C",
        -50.0,
        60.0,
        "C",
        "Below this outdoor dry-bulb temperature all heat leaves through the economizer. Typical \
         18-24 °C (warm-water liquid cooling allows up to about 30 °C).",
    )
    .dflt(20.0)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.mechanical_above_c",
        "Mechanical above",
        "°C",
        -50.0,
        60.0,
        "C",
        "Above this temperature all heat goes through the chillers; between the two thresholds \
         the chiller share rises linearly. Typical 26-32 °C; at least the free-cooling \
         threshold.",
    )
    .dflt(28.0)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.economizer_power_frac",
        "Economizer power",
        "fraction of IT",
        0.0,
        0.5,
        "fraction of IT power",
        "Pumps and dry-cooler fans in free-cooling mode, as a share of IT power. Typical 1-3 %.",
    )
    .percent()
    .dflt(0.02)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.chiller_cop_rated",
        "Chiller COP",
        "",
        1.0,
        MAX_CHILLER_COP,
        "coefficient of performance; air-cooled chillers about 3-5",
        "Coefficient of performance (heat removed over electricity) at the rating temperature. \
         Air-cooled chillers 3-5, water-cooled 5-7.",
    )
    .dflt(4.5)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.chiller_cop_rated_temp_c",
        "COP rated at",
        "°C",
        -50.0,
        60.0,
        "C",
        "Outdoor temperature at which the rated COP holds. Typical 25-35 °C.",
    )
    .dflt(25.0)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.chiller_cop_drop_per_c",
        "COP drop",
        "/°C",
        0.0,
        2.0,
        "COP lost per degree C",
        "COP lost per degree hotter than the rating temperature. Typical 0.05-0.15 per °C.",
    )
    .dflt(0.10)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.chiller_cop_min",
        "Minimum COP",
        "",
        MIN_CHILLER_COP,
        MAX_CHILLER_COP,
        "coefficient of performance on the hottest hours; about 2",
        "Lowest COP the chillers reach on the hottest hours; at most the rated COP. Typical 1.5-3.",
    )
    .dflt(2.0)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.fan_power_frac",
        "Fan power",
        "fraction of IT",
        0.0,
        0.5,
        "fraction of IT power",
        "Air handlers and coolant distribution units, as a share of IT power. Typical 2-5 %.",
    )
    .percent()
    .dflt(0.035)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.ups_efficiency",
        "UPS efficiency",
        "fraction",
        0.5,
        1.0,
        "fraction; eco-mode 0.98-0.99",
        "Uninterruptible power supply efficiency. Eco-mode 98-99 %, double conversion 94-97 %.",
    )
    .above()
    .percent()
    .dflt(0.975)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.distribution_loss_frac",
        "Distribution losses",
        "fraction of IT",
        0.0,
        0.5,
        "fraction of IT power",
        "Transformer and distribution losses, as a share of IT power. Typical 1-3 %.",
    )
    .percent()
    .dflt(0.015)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.lighting_misc_frac",
        "Lighting & misc",
        "fraction of IT",
        0.0,
        0.5,
        "fraction of IT power",
        "Lighting, offices, security and other loads, as a share of IT power. Typical 0.5-2 %.",
    )
    .percent()
    .dflt(0.01)
    .of("WeatherDriven"),
    num(
        "datacenter.cooling.design_temp_c",
        "Design temperature",
        "°C",
        -50.0,
        60.0,
        "outdoor design temperature in C",
        "Outdoor temperature of the design day for the capacity check: the racks must fit under \
         the cap on such a day. Dakhla: about 35 °C on hot desert-wind days.",
    )
    .dflt(35.0)
    .of("WeatherDriven"),
];

const SOLAR: [FieldSpec; 21] = [
    list(
        "solar_plants",
        "Solar plants",
        "Solar PV plants (PVWatts v8 chain).",
    ),
    name(
        "solar_plants[].name",
        "Name",
        "A name unique among the solar plants.",
    ),
    num(
        "solar_plants[].capacity_mwdc",
        "DC capacity",
        "MWdc",
        0.0,
        MAX_PLANT_MWDC,
        "MWdc",
        "DC nameplate of the modules. Utility plants 50-2,000 MWdc; Dakhla reference 600 MWdc.",
    ),
    num(
        "solar_plants[].dc_ac_ratio",
        "DC/AC ratio",
        "",
        0.5,
        3.0,
        "DC over AC rating; 1.1-1.5 typical",
        "DC nameplate over inverter AC rating. Typical 1.1-1.5; above 1 the inverters clip the \
         midday peak.",
    )
    .dflt(1.3),
    choice(
        "solar_plants[].mounting",
        "Mounting",
        &[
            ("Fixed", "Fixed tilt"),
            ("SingleAxis", "Single-axis trackers"),
        ],
        "Fixed-tilt racks, or horizontal north-south single-axis trackers that follow the sun \
         east to west (the standard for utility PV at low latitude).",
    ),
    num(
        "solar_plants[].mounting.tilt_deg",
        "Tilt",
        "°",
        0.0,
        90.0,
        "degrees from horizontal",
        "Module tilt from horizontal. Near the latitude for most yearly energy (Dakhla about \
         20-24°); 0-90°.",
    )
    .of("Fixed"),
    num(
        "solar_plants[].mounting.azimuth_deg",
        "Azimuth",
        "°",
        0.0,
        360.0,
        "degrees, 180 = facing south",
        "Direction the modules face, clockwise from north: 180° = south (northern hemisphere), \
         0° = north.",
    )
    .of("Fixed"),
    num(
        "solar_plants[].mounting.gcr",
        "Ground coverage ratio",
        "",
        0.0,
        0.95,
        "ground coverage ratio; 0.3-0.5 typical, 0 for a single row",
        "Module slant height over row pitch. Utility plants 0.3-0.5; 0 for a single row (no \
         row-to-row shading).",
    )
    .dflt(0.4)
    .of("Fixed"),
    num(
        "solar_plants[].mounting.max_angle_deg",
        "Max rotation",
        "°",
        0.0,
        90.0,
        "degrees; 45-60 typical",
        "Largest tracker rotation either side of horizontal. Typical 45-60°.",
    )
    .above()
    .of("SingleAxis"),
    num(
        "solar_plants[].mounting.gcr",
        "Ground coverage ratio",
        "",
        0.0,
        0.95,
        "ground coverage ratio; 0.3-0.5 typical",
        "Module row width over row pitch. Typical 0.3-0.5: higher packs more modules per hectare \
         but shades more at low sun.",
    )
    .above()
    .of("SingleAxis"),
    base(
        "solar_plants[].mounting.backtrack",
        "Backtracking",
        "",
        FieldKind::Bool,
        "Rotate the trackers back toward flat at low sun so rows do not shade each other. \
         Usually on.",
    )
    .of("SingleAxis"),
    num(
        "solar_plants[].losses_pct",
        "System losses",
        "%",
        0.0,
        99.0,
        "percent; PVWatts default 14.08",
        "PVWatts system losses: soiling, wiring, mismatch, availability... Default 14.08 %; add \
         1-3 points for dusty desert soiling.",
    )
    .dflt(14.08),
    num(
        "solar_plants[].gamma_pdc_per_c",
        "Temperature coefficient",
        "1/°C",
        -0.02,
        0.0,
        "per degree C; about -0.0037 for crystalline silicon",
        "Power change per degree of cell temperature. Standard modules -0.37 %/°C, premium \
         -0.35 %/°C, thin film -0.20 %/°C.",
    )
    .scaled(100.0, "%/°C")
    .dflt(-0.0037),
    num(
        "solar_plants[].inverter_eff_pct",
        "Inverter efficiency",
        "%",
        50.0,
        100.0,
        "percent; 96-99 typical",
        "Nominal inverter efficiency. PVWatts default 96 %; modern central inverters 98-99 %.",
    )
    .above()
    .dflt(96.0),
    num(
        "solar_plants[].albedo",
        "Albedo",
        "",
        0.0,
        1.0,
        "ground reflectance; sand 0.25-0.4",
        "Ground reflectance, 0-1. Desert sand 0.25-0.4; grass 0.2; fresh snow 0.8.",
    )
    .dflt(0.3),
    num(
        "solar_plants[].degradation_pct_per_year",
        "Degradation",
        "%/yr",
        0.0,
        10.0,
        "percent per year; 0.5 typical",
        "Yearly output loss from module ageing. Typical 0.5 %/yr (Jordan & Kurtz 2013).",
    )
    .dflt(0.5),
    num(
        "solar_plants[].land_use_ha_per_mwdc",
        "Land use",
        "ha/MWdc",
        0.0,
        100.0,
        "hectares per MWdc; 1.5-3 typical",
        "Land needed per MWdc. Fixed tilt 1-2, single-axis trackers 1.5-3 ha/MWdc.",
    )
    .dflt(2.0),
    choice(
        "solar_plants[].transposition",
        "Sky model",
        &[("Perez1990", "Perez 1990"), ("Isotropic", "Isotropic")],
        "How diffuse sky light is transposed to the module plane. Perez 1990 is the SAM and \
         PVsyst default; isotropic (Liu & Jordan) is simpler and slightly pessimistic on tilted \
         planes.",
    )
    .dflt_choice("Perez1990"),
    num(
        "solar_plants[].inverter_unit_mw",
        "Inverter size",
        "MW",
        MIN_POWER_BLOCK_MW,
        MAX_UNIT_MW,
        "MW of AC per inverter",
        "AC rating of one inverter: reliability runs fail and repair the plant's inverters one by \
         one (the AC rating over this size, rounded up, is the count). Assumption: 4 MW, the \
         central inverters of utility plants being 2.5-4.6 MVA (SMA Sunny Central 4600 UP).",
    )
    .dflt(4.0),
    num(
        "solar_plants[].inverter_forced_outage_rate",
        "Inverter forced outage rate",
        "fraction",
        0.0,
        1.0,
        "fraction of time on forced outage",
        "Share of time an inverter is on forced outage (IEEE Std 762 FOR). 2 %: REopt's backup \
         reliability default of 98 % PV operational availability (NREL REopt ERP). PVWatts' \
         3 % availability loss already lowers the mean output; reliability runs place the \
         outages in time without lowering that mean again.",
    )
    .percent()
    .dflt(0.02),
    num(
        "solar_plants[].inverter_mean_time_to_repair_h",
        "Inverter repair time",
        "h",
        0.0,
        8760.0,
        "hours",
        "Mean time to repair an inverter. Assumption: 72 h, three days to bring a spare to a \
         remote desert site.",
    )
    .above()
    .dflt(72.0),
];

const WIND: [FieldSpec; 15] = [
    list(
        "wind_farms",
        "Wind farms",
        "Wind farms of identical turbines.",
    ),
    name(
        "wind_farms[].name",
        "Name",
        "A name unique among the wind farms.",
    ),
    choice(
        "wind_farms[].turbine",
        "Turbine",
        &[
            ("Library", "From the library"),
            ("Custom", "Custom power curve"),
        ],
        "A turbine of the built-in library (NREL turbine-models and others), or Custom… to enter \
         a power curve. Modern onshore turbines: 4-7 MW, 150-175 m rotors.",
    ),
    base(
        "wind_farms[].turbine.name",
        "Library turbine",
        "",
        FieldKind::Text {
            max_chars: MAX_NAME_CHARS,
            multi_line: false,
        },
        "A turbine of the built-in library (assets/turbines.ron), by name; `describe` and the \
         GUI's list show them.",
    )
    .of("Library"),
    name(
        "wind_farms[].turbine.name",
        "Turbine name",
        "Name of the custom turbine (for reports).",
    )
    .of("Custom"),
    num(
        "wind_farms[].turbine.rated_kw",
        "Rated power",
        "kW",
        MIN_TURBINE_RATED_KW,
        30_000.0,
        "kW; utility turbines 2,000-15,000",
        "Rated power of one turbine. Modern onshore 4,000-7,000 kW.",
    )
    .of("Custom"),
    num(
        "wind_farms[].turbine.rotor_diameter_m",
        "Rotor diameter",
        "m",
        1.0,
        350.0,
        "m",
        "Rotor diameter. Modern onshore 150-175 m.",
    )
    .of("Custom"),
    base(
        "wind_farms[].turbine.power_curve_kw[]",
        "Power curve",
        "m/s, kW",
        FieldKind::Points {
            max_len: MAX_LIST_LEN,
        },
        "Power of one turbine [kW] against hub-height wind speed [m/s] at air density 1.225 \
         kg/m3: rising speeds, at most the rated power, within the Betz limit of the rotor.",
    )
    .of("Custom"),
    int(
        "wind_farms[].turbine_count",
        "Turbines",
        "",
        0,
        MAX_TURBINES_PER_FARM as i64,
        "Number of identical turbines. Tarfaya: 131 × 2.3 MW; a 400 MW farm of 6 MW turbines \
         needs about 66.",
    ),
    num(
        "wind_farms[].hub_height_m",
        "Hub height",
        "m",
        10.0,
        300.0,
        "metres; 100-170 for modern turbines",
        "Height of the rotor centre above ground. Modern turbines 100-170 m.",
    ),
    num(
        "wind_farms[].measurement_height_m",
        "Measurement height",
        "m",
        1.0,
        300.0,
        "metres; 10 for EPW and the built-in climate",
        "Height of the wind speed in the weather data: 10 m for EPW files and the built-in \
         climate.",
    )
    .dflt(10.0),
    num(
        "wind_farms[].shear_exponent",
        "Shear exponent",
        "",
        0.0,
        0.6,
        "power-law exponent; 0.10-0.14 over open coastal desert",
        "Power-law exponent scaling the wind speed from the measurement height to the hub: v_hub \
         = v_ref (h_hub / h_ref)^α. Open coastal desert 0.10-0.14; rough land 0.2-0.3.",
    ),
    num(
        "wind_farms[].losses_pct",
        "Losses",
        "%",
        0.0,
        99.0,
        "percent; 10-20 typical",
        "Wake, availability, electrical and other losses. Typical 10-20 %.",
    ),
    num(
        "wind_farms[].turbine_forced_outage_rate",
        "Turbine forced outage rate",
        "fraction",
        0.0,
        1.0,
        "fraction of time on forced outage",
        "Share of time a turbine is on forced outage (IEEE Std 762 FOR). Assumption: 3 %, the \
         97 % time-based availability that onshore turbine service contracts commonly \
         guarantee. The losses above already lower the mean output; reliability runs place the \
         outages in time without lowering that mean again.",
    )
    .percent()
    .dflt(0.03),
    num(
        "wind_farms[].turbine_mean_time_to_repair_h",
        "Turbine repair time",
        "h",
        0.0,
        8760.0,
        "hours",
        "Mean time to repair a turbine. Assumption: 72 h; most faults are fixed in a day, the \
         rare major component exchanges (gearbox, blade) take weeks and set the mean.",
    )
    .above()
    .dflt(72.0),
];

const STORAGE: [FieldSpec; 11] = [
    num(
        "battery.energy_mwh",
        "Battery energy",
        "MWh",
        0.0,
        MAX_BATTERY_MWH,
        "MWh",
        "Nameplate energy of the battery. 0 means no battery. Utility LFP blocks: 2-4 h of their \
         power; the Dakhla reference has 1,600 MWh (4 h x 400 MW).",
    )
    .dflt(0.0),
    num(
        "battery.power_mw",
        "Battery power",
        "MW",
        0.0,
        MAX_UNIT_MW,
        "MW",
        "Inverter power, the same for charge and discharge. Typically energy / 2 to energy / 4.",
    )
    .dflt(0.0),
    num(
        "battery.round_trip_eff",
        "Round-trip efficiency",
        "fraction",
        MIN_ROUND_TRIP_EFF,
        1.0,
        "fraction; LFP about 0.845, hydrogen about 0.35",
        "AC-to-AC energy out over energy in. LFP about 84.5 % (Viswanathan et al. 2022, \
         PNNL-33283); typical 80-90 %.",
    )
    .percent()
    .dflt(0.845),
    num(
        "battery.soc_min_frac",
        "Minimum state of charge",
        "fraction",
        0.0,
        1.0,
        "fraction of energy_mwh",
        "Lowest charge the controller allows, as a share of the nameplate energy. Typical 5-10 %.",
    )
    .percent()
    .dflt(0.05),
    num(
        "battery.soc_max_frac",
        "Maximum state of charge",
        "fraction",
        0.0,
        1.0,
        "fraction of energy_mwh",
        "Highest charge the controller allows, as a share of the nameplate energy. Typical \
         90-100 %.",
    )
    .percent()
    .dflt(0.95),
    num(
        "battery.initial_soc_frac",
        "Initial state of charge",
        "fraction",
        0.0,
        1.0,
        "fraction of energy_mwh",
        "Charge at the first hour of the year, between the minimum and maximum. Typical 50 %.",
    )
    .percent()
    .dflt(0.5),
    num(
        "battery.self_discharge_frac_per_day",
        "Self-discharge",
        "fraction/day",
        0.0,
        0.5,
        "fraction of stored energy per day; LFP about 0.0005",
        "Stored energy lost per day at rest. LFP about 0.05 %/day (assumption: manufacturers' \
         data sheets give 1-3 % per month).",
    )
    .scaled(100.0, "%/day")
    .dflt(0.0005),
    num(
        "battery.capacity_fade_pct_per_year",
        "Capacity fade",
        "%/yr",
        0.0,
        20.0,
        "percent of capacity per year; LFP about 2",
        "Usable capacity lost per year of operation; multi-year runs keep (1 - fade)^k of the \
         energy in operating year k. LFP about 1.5-2.5 %/yr (NREL ATB 2024 assumes the battery \
         is rebuilt to nameplate over its 15-year life).",
    )
    .dflt(2.0),
    num(
        "battery.pcs_unit_mw",
        "Power block size",
        "MW",
        MIN_POWER_BLOCK_MW,
        MAX_UNIT_MW,
        "MW per power-conversion block",
        "Power of one power-conversion block (inverter and transformer): reliability runs fail \
         and repair the blocks one by one. Assumption: 4 MW, the size of containerized PCS \
         skids for utility batteries (2.5-5 MW).",
    )
    .dflt(4.0),
    num(
        "battery.pcs_forced_outage_rate",
        "Power block forced outage rate",
        "fraction",
        0.0,
        1.0,
        "fraction of time on forced outage",
        "Share of time a power-conversion block is on forced outage. 3 %: REopt's backup \
         reliability default of 97 % battery operational availability (NREL REopt ERP).",
    )
    .percent()
    .dflt(0.03),
    num(
        "battery.pcs_mean_time_to_repair_h",
        "Power block repair time",
        "h",
        0.0,
        8760.0,
        "hours",
        "Mean time to repair a power-conversion block. Assumption: 48 h with spares on site.",
    )
    .above()
    .dflt(48.0),
];

const BACKUP: [FieldSpec; 28] = [
    list(
        "backup",
        "Backup units",
        "Dispatchable backup sources, used after the battery, cheapest running cost first.",
    ),
    name(
        "backup[].name",
        "Name",
        "A name unique among the backup units.",
    ),
    choice(
        "backup[].kind",
        "Kind",
        &[
            ("GasTurbine", "Gas turbine (OCGT)"),
            ("DieselGenset", "Diesel genset"),
            ("GridImport", "Grid import"),
        ],
        "What the unit is; selects its cost line in Economics. Changing it fills that kind's \
         typical efficiency, fuel price and emissions (OCGT 40.5 %, 34 USD/MWh_th, 0.202 \
         t/MWh_th; diesel 35 %, 46.4 USD/MWh_th, 0.267 t/MWh_th; grid 100 %, tariff, about 0.6 \
         t/MWh).",
    ),
    num(
        "backup[].capacity_mw",
        "Capacity",
        "MW",
        0.0,
        MAX_UNIT_MW,
        "MW",
        "Largest output of the unit (or import capacity of the link). To cover the whole campus \
         without renewables it must match the peak facility load.",
    ),
    num(
        "backup[].efficiency",
        "Efficiency",
        "fraction",
        MIN_BACKUP_EFFICIENCY,
        1.0,
        "electric output over fuel heat; OCGT 0.405, diesel 0.35, grid 1.0",
        "Electric output over fuel heat input. OCGT 35-41 %, diesel gensets 33-40 %, a grid \
         link 100 %.",
    )
    .percent(),
    num(
        "backup[].fuel_cost_per_mwh_th",
        "Fuel cost",
        "¤/MWh_th",
        0.0,
        10_000.0,
        "¤ per MWh of fuel heat",
        "Fuel price per MWh of fuel heat. LNG at 10 USD/MMBtu is 34 USD/MWh_th; diesel about \
         45-70 USD/MWh_th.",
    ),
    num(
        "backup[].fuel_cost_per_mwh_th",
        "Import tariff",
        "¤/MWh",
        0.0,
        10_000.0,
        "¤ per MWh imported",
        "Price of imported electricity. Industrial tariffs about 80-150 USD/MWh.",
    )
    .of("GridImport"),
    num(
        "backup[].variable_om_per_mwh",
        "Variable O&M",
        "¤/MWh",
        0.0,
        10_000.0,
        "¤ per MWh",
        "Running cost per MWh of electricity besides fuel. OCGT about 5, diesel about 8-9, grid \
         0.",
    )
    .dflt(0.0),
    num(
        "backup[].emission_factor_t_per_mwh_th",
        "Emission factor",
        "t/MWh_th",
        0.0,
        2.0,
        "t CO2 per MWh of fuel heat; gas 0.202, diesel 0.267",
        "CO2 per MWh of fuel heat: natural gas 0.202, diesel 0.267 (IPCC 2006).",
    ),
    num(
        "backup[].emission_factor_t_per_mwh_th",
        "Emission factor",
        "t/MWh",
        0.0,
        2.0,
        "t CO2 per MWh of fuel heat; gas 0.202, diesel 0.267",
        "CO2 per MWh imported: fossil-heavy grids 0.5-0.8.",
    )
    .of("GridImport"),
    num(
        "backup[].carbon_free_frac",
        "Carbon-free share",
        "fraction",
        0.0,
        1.0,
        "fraction",
        "Share of the output that counts as carbon-free (a grid with renewables in its mix). 0 % \
         for gas and diesel.",
    )
    .percent()
    .dflt(0.0),
    int(
        "backup[].unit_count",
        "Units",
        "",
        1,
        100_000,
        "Identical units that share the capacity equally; reliability runs fail and repair each \
         one, so N+1 is one unit more than the load needs. A file of schema 2 gets aeroderivative \
         gas turbines of 50 MW (GE LM6000 class), diesel gensets of 2.5 MW and one unit per grid \
         link (assumptions).",
    ),
    num(
        "backup[].forced_outage_rate",
        "Forced outage rate",
        "fraction",
        0.0,
        1.0,
        "fraction of time on forced outage",
        "Share of time a unit is on forced outage (IEEE Std 762 FOR = forced outage hours over \
         service plus forced outage hours).",
    )
    .percent(),
    num(
        "backup[].forced_outage_rate",
        "Forced outage rate",
        "fraction",
        0.0,
        1.0,
        "fraction of time on forced outage",
        "Share of time a gas turbine is on forced outage (IEEE Std 762). Assumption: 5 %, half \
         the 10 % of the IEEE Reliability Test System's 1970s combustion turbines (RTS-79), as \
         today's aeroderivatives fail less often.",
    )
    .percent()
    .of("GasTurbine")
    .typical(0.05),
    num(
        "backup[].forced_outage_rate",
        "Forced outage rate",
        "fraction",
        0.0,
        1.0,
        "fraction of time on forced outage",
        "Share of time a diesel genset is on forced outage. 3.6 %: a failure every 637 running \
         hours (failure-to-run probability 0.00157 per hour, REopt ERP default from Marqusee, \
         Ericson & Jenket, Applied Energy 285, 2021) and the 24 h repair below.",
    )
    .percent()
    .of("DieselGenset")
    .typical(0.036),
    num(
        "backup[].forced_outage_rate",
        "Outage share",
        "fraction",
        0.0,
        1.0,
        "fraction of time on forced outage",
        "Share of time the grid link is out: outages per year x mean duration / 8760. \
         Assumption: 0.2 %, about two outages a year of 8 h, for a single radial 400 kV line at \
         the end of a saturated southern network.",
    )
    .percent()
    .of("GridImport")
    .typical(0.002),
    num(
        "backup[].mean_time_to_repair_h",
        "Repair time",
        "h",
        0.0,
        8760.0,
        "hours",
        "Mean time to repair a unit after a forced outage.",
    )
    .above(),
    num(
        "backup[].mean_time_to_repair_h",
        "Repair time",
        "h",
        0.0,
        8760.0,
        "hours",
        "Mean time to repair a gas turbine: 50 h, the IEEE RTS-79 combustion turbines' MTTR.",
    )
    .above()
    .of("GasTurbine")
    .typical(50.0),
    num(
        "backup[].mean_time_to_repair_h",
        "Repair time",
        "h",
        0.0,
        8760.0,
        "hours",
        "Mean time to repair a diesel genset. Assumption: 24 h with parts and a technician on \
         site.",
    )
    .above()
    .of("DieselGenset")
    .typical(24.0),
    num(
        "backup[].mean_time_to_repair_h",
        "Mean outage duration",
        "h",
        0.0,
        8760.0,
        "hours",
        "Mean duration of a grid outage. Assumption: 8 h for a line fault found and cleared in a \
         working day.",
    )
    .above()
    .of("GridImport")
    .typical(8.0),
    num(
        "backup[].start_failure_prob",
        "Start failure",
        "fraction",
        0.0,
        1.0,
        "probability that a start fails",
        "Probability that a start fails; the next unit is tried (NERC GADS starting reliability \
         is its complement).",
    )
    .percent(),
    num(
        "backup[].start_failure_prob",
        "Start failure",
        "fraction",
        0.0,
        1.0,
        "probability that a start fails",
        "Probability that a gas turbine fails to start. Assumption: 1 %, REopt's earlier \
         generator default (0.94 %) rounded.",
    )
    .percent()
    .of("GasTurbine")
    .typical(0.01),
    num(
        "backup[].start_failure_prob",
        "Start failure",
        "fraction",
        0.0,
        1.0,
        "probability that a start fails",
        "Probability that a diesel genset fails to start: 0.66 %, REopt ERP default from \
         Marqusee, Ericson & Jenket (Applied Energy 285, 2021).",
    )
    .percent()
    .of("DieselGenset")
    .typical(0.0066),
    num(
        "backup[].start_failure_prob",
        "Start failure",
        "fraction",
        0.0,
        1.0,
        "probability that a start fails",
        "A grid link has no start: 0.",
    )
    .percent()
    .of("GridImport")
    .typical(0.0),
    num(
        "backup[].export_capacity_mw",
        "Export capacity",
        "MW",
        0.0,
        MAX_UNIT_MW,
        "MW of surplus the link may export",
        "Largest export of surplus over the link (a grid link only). Solar and wind output that \
         the battery cannot take is exported up to this before it is curtailed. 0: no export. \
         Morocco's law 13-09 as amended by law 58-15 lets a renewable producer sell its surplus \
         to the grid, at most 20 % of its yearly production (climate-laws.org); runs above that \
         share say so.",
    )
    .dflt(0.0),
    num(
        "backup[].export_price_per_mwh",
        "Export price",
        "¤/MWh",
        0.0,
        10_000.0,
        "¤ per MWh exported",
        "Price paid for exported surplus; the revenue is taken off the annualized cost and the \
         LCOE. The cost set gives a figure with its source (Morocco 2025: an assumption, as ANRE \
         has not published a surplus tariff under law 82-21).",
    )
    .dflt(0.0),
    int(
        "backup[].available_from.year",
        "Available from",
        "",
        1900,
        2200,
        "A line being built or a later phase: the calendar year from which the unit serves \
         (local time). Off: the unit serves the whole run. It costs nothing before then.",
    )
    .optional(),
    int(
        "backup[].available_from.month",
        "Available from month",
        "",
        1,
        12,
        "The month (1 = January) from which the unit serves. A unit available after the \
         simulated year serves nothing and costs nothing in this run.",
    )
    .optional(),
];

const ECONOMICS: [FieldSpec; 8] = [
    choice(
        "economics.currency",
        "Currency",
        &[
            ("USD", "US dollar (USD)"),
            ("EUR", "Euro (EUR)"),
            ("MAD", "Moroccan dirham (MAD)"),
        ],
        "The currency every cost of the scenario is written in, and its results shown in. \
         Changing it converts every cost at the exchange rates below (one undoable step; \
         `migrate --currency` on the command line). The JSON keeps its US dollar keys.",
    )
    .dflt_choice("USD"),
    text(
        "economics.exchange_rates.as_of",
        "Rates as of",
        10,
        "The day the exchange rates were taken (YYYY-MM-DD). Rates move: state the day of yours.",
    )
    .dflt_text("2025-08-04"),
    num(
        "economics.exchange_rates.eur_per_usd",
        "EUR per USD",
        "EUR/USD",
        0.0,
        1_000.0,
        "euros per US dollar",
        "Euros per US dollar. Default 0.868: 10.6 MAD/EUR over 9.2 MAD/USD, the Bank \
         Al-Maghrib rates of 2025-08-04 below (calc).",
    )
    .above()
    .dflt(0.868),
    num(
        "economics.exchange_rates.mad_per_usd",
        "MAD per USD",
        "MAD/USD",
        0.0,
        1_000.0,
        "dirhams per US dollar",
        "Moroccan dirhams per US dollar. Default 9.2: Bank Al-Maghrib banknote rates on \
         2025-08-04 were 8.83 buy / 10.26 sell (analkhabar.com); the reference rate sits \
         between them (about 9.2, estimate).",
    )
    .above()
    .dflt(9.2),
    text(
        "economics.exchange_rates.source",
        "Rates source",
        MAX_NAME_CHARS,
        "Where the exchange rates come from.",
    )
    .dflt_text(
        "Bank Al-Maghrib banknote rates of 2025-08-04 (analkhabar.com); reference rate \
         estimated between buy and sell",
    ),
    choice(
        "economics.cost_basis",
        "Cost basis",
        &[
            ("Morocco2025", "Morocco 2025"),
            ("NrelAtb2024", "NREL ATB 2024"),
            ("DanishEnergyAgency", "Danish Energy Agency"),
            ("Custom", "Custom"),
        ],
        "The cost set the figures come from: Morocco 2025 (Moroccan tenders and projects), NREL \
         ATB 2024 (US), the Danish Energy Agency (Europe), or your own. Choosing a set writes \
         its figures, converted to the scenario's currency; sources: assets/cost-sets/.",
    )
    .dflt_choice("NrelAtb2024"),
    num(
        "economics.discount_rate",
        "Discount rate",
        "fraction/yr",
        0.0,
        0.5,
        "fraction per year; 0.05-0.10 typical",
        "Real discount rate per year used to annualize capital. Typical 5-10 %; 7 % default \
         (assumption: NREL ATB's real WACC for utility projects is 5-7 %; a Moroccan project \
         pays a country premium).",
    )
    .percent()
    .dflt(0.07),
    int(
        "economics.analysis_years",
        "Analysis period",
        "years",
        1,
        100,
        "Period of the net present cost. Typical 20-30 years.",
    )
    .dflt_int(25),
];

const COST_SOLAR: [FieldSpec; 3] = cost_line!(
    "solar_per_kwac",
    "Solar PV",
    "capex_per_kw",
    "¤/kWac",
    "¤ per kW",
    "years; 20-30 for plants, 15 for batteries",
    "Utility PV per kW of inverter AC rating. NREL ATB 2024: 1,605 USD/kWac, 1.41 %/yr, 30 years.",
    1605.0,
    1.41,
    30.0
);
const COST_WIND: [FieldSpec; 3] = cost_line!(
    "wind_per_kw",
    "Wind",
    "capex_per_kw",
    "¤/kW",
    "¤ per kW",
    "years; 20-30 for plants, 15 for batteries",
    "Onshore wind per kW of turbine rating. NREL ATB 2024: 1,689 USD/kW, 1.99 %/yr, 30 years.",
    1689.0,
    1.99,
    30.0
);
const COST_BATTERY_POWER: [FieldSpec; 3] = cost_line!(
    "battery_power_per_kw",
    "Battery power",
    "capex_per_kw",
    "¤/kW",
    "¤ per kW",
    "years; 20-30 for plants, 15 for batteries",
    "Battery inverters and power conversion per kW. NREL ATB 2024: 497.7 USD/kW, 2.5 %/yr, 15 \
     years.",
    497.7,
    2.5,
    15.0
);
const COST_BATTERY_ENERGY: [FieldSpec; 3] = cost_line!(
    "battery_energy_per_kwh",
    "Battery energy",
    "capex_per_kwh",
    "¤/kWh",
    "¤ per kWh",
    "years; about 15 for LFP",
    "Battery cells and racks per kWh of nameplate. NREL ATB 2024: 375.6 USD/kWh, 2.5 %/yr, 15 \
     years.",
    375.6,
    2.5,
    15.0
);
const COST_GAS: [FieldSpec; 3] = cost_line!(
    "gas_turbine_per_kw",
    "Gas turbines",
    "capex_per_kw",
    "¤/kW",
    "¤ per kW",
    "years; 20-30 for plants, 15 for batteries",
    "Open-cycle gas turbines per kW. Danish Energy Agency: 594 EUR/kW = 642 USD/kW, 1.7 %/yr, 25 \
     years.",
    642.0,
    1.7,
    25.0
);
const COST_DIESEL: [FieldSpec; 3] = cost_line!(
    "diesel_genset_per_kw",
    "Diesel gensets",
    "capex_per_kw",
    "¤/kW",
    "¤ per kW",
    "years; 20-30 for plants, 15 for batteries",
    "Diesel engine gensets per kW. Danish Energy Agency: 458 EUR/kW = 495 USD/kW, 2 %/yr, 20 \
     years.",
    495.0,
    2.0,
    20.0
);
const COST_GRID: [FieldSpec; 3] = cost_line!(
    "grid_link_per_kw",
    "Grid link",
    "capex_per_kw",
    "¤/kW",
    "¤ per kW",
    "years; 20-30 for plants, 15 for batteries",
    "Grid connection (line and substation) per kW of import capacity. Assumption: about 300 \
     USD/kW, 1 %/yr, 40 years.",
    300.0,
    1.0,
    40.0
);

const CARBON_PRICE: [FieldSpec; 1] = [num(
    "economics.carbon_price_per_t",
    "Carbon price",
    "¤/t",
    0.0,
    10_000.0,
    "¤ per tonne CO2",
    "Price applied to backup CO2 emissions. 0 if none; EU ETS about 60-100 USD/t.",
)
.dflt(0.0)];

const WATER_PRICE: [FieldSpec; 1] = [num(
    "economics.water_per_m3",
    "Water",
    "¤/m³",
    0.0,
    1_000.0,
    "¤ per m³",
    "Cost of a cubic metre of water. With the campus's own desalination plant, its capital and \
     running costs without its electricity (the campus supplies that); with bought water, the \
     tariff. Assumption: 0.30 USD/m³: Gulf tenders of the 2020s sell seawater reverse-osmosis \
     water at about 0.37-0.49 USD/m³ all in (Hassyan 2023, Taweelah 2019), of which 3 kWh/m³ \
     of electricity at 40-60 USD/MWh is 0.12-0.18.",
)
.dflt(0.30)];

const TARGETS: [FieldSpec; 7] = [
    num(
        "targets.min_renewable_fraction",
        "Minimum renewable fraction",
        "fraction",
        0.0,
        1.0,
        "fraction 0 to 1",
        "Lowest acceptable share of the facility energy served by solar and wind, directly or \
         through the battery, 0-100 %. Ambitious campuses aim at 80-95 %.",
    )
    .percent()
    .optional(),
    num(
        "targets.min_cfe_score",
        "Minimum CFE score",
        "fraction",
        0.0,
        1.0,
        "fraction 0 to 1",
        "Lowest acceptable 24/7 carbon-free energy score: hour by hour, the share of consumption \
         met by carbon-free supply (Google's methodology), 0-100 %. Leaders reach 60-90 %.",
    )
    .percent()
    .optional(),
    num(
        "targets.max_unmet_energy_mwh",
        "Maximum unmet energy",
        "MWh",
        0.0,
        f64::MAX,
        "MWh per year",
        "Largest acceptable facility energy left unserved over the year. 0 for a datacenter that \
         must never shed load.",
    )
    .optional(),
    num(
        "targets.max_lole_h_per_year",
        "Maximum LOLE",
        "h/yr",
        0.0,
        8760.0,
        "h per year",
        "Largest acceptable loss-of-load expectation when units fail (the reliability run's \
         LOLE): hours per year with load not served. Power systems plan for 2.4 h/yr (\"one day \
         in ten years\", NERC); a Tier IV datacenter's 99.995 % availability is 0.4 h/yr. The \
         optimizer adds backup units and storage until it holds.",
    )
    .optional(),
    num(
        "targets.max_eue_mwh_per_year",
        "Maximum EUE",
        "MWh/yr",
        0.0,
        1e9,
        "MWh per year",
        "Largest acceptable expected energy not served when units fail (the reliability run's \
         EUE). The optimizer adds backup units and storage until it holds.",
    )
    .optional(),
    num(
        "targets.max_wue_l_per_kwh",
        "Maximum WUE",
        "L/kWh",
        0.0,
        100.0,
        "L per kWh of IT energy",
        "Largest acceptable water use effectiveness: site water over IT energy (The Green \
         Grid). Microsoft's fleet 0.30 L/kWh, Meta's 0.26; dry coolers 0-0.05, adiabatic pads \
         0.1-0.4, cooling towers 1.2-2.0. The heat rejection sets it, not the supply: it is \
         reported as met or not, and the optimizer does not change it.",
    )
    .optional(),
    num(
        "targets.reliability_percentile",
        "Reliability level",
        "fraction",
        0.5,
        1.0,
        "fraction 0.5 to 1",
        "Level over weather years at which the LOLE and EUE targets must hold: each weather \
         year's expected LOLE and EUE at this percentile (P50: the median year; P90: all but the \
         worst tenth of years). Assumption: P50, as resource-adequacy studies report the \
         expectation over weather years; lenders often ask for P90.",
    )
    .percent()
    .dflt(0.5),
];

const SIZING_SOLAR: [FieldSpec; 3] = sizing!(
    "solar_mwdc",
    "Solar DC",
    "MWdc",
    "Solar DC capacity of all plants, scaled together (their shares stay as in the scenario). \
     Free: 0 to 8 x the peak facility load."
);
const SIZING_WIND: [FieldSpec; 3] = sizing!(
    "wind_mw",
    "Wind capacity",
    "MW",
    "Wind capacity of all farms, scaled together and built in whole turbines. Free: 0 to 4 x the \
     peak facility load."
);
const SIZING_BATTERY_ENERGY: [FieldSpec; 3] = sizing!(
    "battery_energy_mwh",
    "Battery energy",
    "MWh",
    "Battery energy. Free: 0 to 24 h of the peak facility load."
);
const SIZING_BATTERY_POWER: [FieldSpec; 3] = sizing!(
    "battery_power_mw",
    "Battery power",
    "MW",
    "Battery power (charge and discharge). Free: 0 to 1.5 x the peak facility load."
);
const SIZING_BACKUP: [FieldSpec; 3] = sizing!(
    "backup_mw",
    "Backup capacity",
    "MW",
    "Backup capacity, built as the unit that runs first in merit order (the others set to \
     zero). Free: whatever the target and the unmet-energy limit need; it always follows from \
     the rest of the mix."
);

const OPTIMIZER: [FieldSpec; 11] = [
    num(
        "optimizer.max_solar_land_ha",
        "Max solar land",
        "ha",
        0.0,
        MAX_CAPACITY,
        "hectares",
        "Largest land the solar plants may take, at each plant's land use per MWdc; caps the \
         solar capacity.",
    )
    .optional(),
    num(
        "optimizer.pareto_from",
        "Pareto from",
        "fraction",
        0.0,
        1.0,
        "fraction 0 to 1",
        "Lowest target of the front, 0-100 %.",
    )
    .percent()
    .dflt(0.70),
    num(
        "optimizer.pareto_to",
        "Pareto to",
        "fraction",
        0.0,
        1.0,
        "fraction 0 to 1",
        "Highest target of the front, above the lowest, 0-100 %. 100 % is often unreachable or \
         very dear; 99.9 % shows the trend.",
    )
    .percent()
    .dflt(0.999),
    int(
        "optimizer.pareto_points",
        "Pareto points",
        "",
        2,
        200,
        "Targets on the front, 2-200. Each is one optimization (a few seconds each).",
    )
    .dflt_int(20),
    list(
        "optimizer.sensitivities",
        "Cost cases",
        "Cost cases a study (`optimize --shard`) runs besides the base case: multipliers of the \
         unit costs, to see how the least-cost mix moves.",
    ),
    name(
        "optimizer.sensitivities[].name",
        "Case name",
        "Names the case in the study's results; not \"base\", the study's own case.",
    )
    .dflt_text("base"),
    num(
        "optimizer.sensitivities[].solar_capex_factor",
        "Solar capex factor",
        "",
        0.0,
        100.0,
        "multiplier, 1 = unchanged",
        "Multiplies the solar capex (and so its fixed O&M); 1 = as in the economics.",
    )
    .dflt(1.0),
    num(
        "optimizer.sensitivities[].wind_capex_factor",
        "Wind capex factor",
        "",
        0.0,
        100.0,
        "multiplier, 1 = unchanged",
        "Multiplies the wind capex; 1 = as in the economics.",
    )
    .dflt(1.0),
    num(
        "optimizer.sensitivities[].battery_capex_factor",
        "Battery capex factor",
        "",
        0.0,
        100.0,
        "multiplier, 1 = unchanged",
        "Multiplies the battery energy and power capex; 1 = as in the economics.",
    )
    .dflt(1.0),
    num(
        "optimizer.sensitivities[].backup_fuel_factor",
        "Backup fuel factor",
        "",
        0.0,
        100.0,
        "multiplier, 1 = unchanged",
        "Multiplies the backup fuel cost; 1 = as in the economics.",
    )
    .dflt(1.0),
    num(
        "optimizer.sensitivities[].flexible_share_frac",
        "Flexible share",
        "fraction",
        0.0,
        1.0,
        "fraction of the flexible groups' IT energy, 0 to 1",
        "Flexible compute in this case: the share of the flexible rack groups' energy that may \
         move within their windows (every group, in local days, when none declares \
         flexibility). Cases at 0, 10, 20 and 30 % make flexibility a dimension of the study. \
         Off: as the scenario says.",
    )
    .percent()
    .optional(),
];

const GROUPS: [&[FieldSpec]; 27] = [
    &SCENARIO,
    &SITE,
    &LOAD,
    &COOLING,
    &HEAT_REJECTION,
    &WATER_SUPPLY,
    &SOLAR,
    &WIND,
    &STORAGE,
    &BACKUP,
    &ECONOMICS,
    &COST_SOLAR,
    &COST_WIND,
    &COST_BATTERY_POWER,
    &COST_BATTERY_ENERGY,
    &COST_GAS,
    &COST_DIESEL,
    &COST_GRID,
    &CARBON_PRICE,
    &WATER_PRICE,
    &TARGETS,
    &SIZING_SOLAR,
    &SIZING_WIND,
    &SIZING_BATTERY_ENERGY,
    &SIZING_BATTERY_POWER,
    &SIZING_BACKUP,
    &OPTIMIZER,
];

/// Every field spec, in the order of the scenario file.
pub fn all() -> impl Iterator<Item = &'static FieldSpec> {
    GROUPS.iter().flat_map(|g| g.iter())
}

/// The bytes of `path` as [`normalize`] writes it (list indexes dropped), without allocating.
fn normalized_bytes(path: &str) -> impl Iterator<Item = u8> + '_ {
    let mut in_index = false;
    path.bytes().filter(move |&b| match b {
        b'[' => {
            in_index = true;
            true
        }
        b']' => {
            in_index = false;
            true
        }
        _ => !in_index,
    })
}

/// FNV-1a of the normalized path: validation looks a spec up for every value it checks, so the
/// lookup neither allocates nor scans the table.
fn path_hash(path: &str) -> u64 {
    normalized_bytes(path).fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The specs by the hash of their path.
fn by_path() -> &'static std::collections::HashMap<u64, Vec<&'static FieldSpec>> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<u64, Vec<&'static FieldSpec>>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: std::collections::HashMap<u64, Vec<&'static FieldSpec>> =
            std::collections::HashMap::new();
        for f in all() {
            map.entry(path_hash(f.path)).or_default().push(f);
        }
        map
    })
}

/// `path` with every list index written `[]`: `solar_plants[2].gcr` -> `solar_plants[].gcr`.
pub fn normalize(path: &str) -> Cow<'_, str> {
    if !path.contains('[') {
        return Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for ch in path.chars() {
        match ch {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(ch),
        }
    }
    Cow::Owned(out)
}

/// The spec of `path` (list indexes allowed: `backup[0].capacity_mw`), the general one where a
/// field has one per variant.
pub fn spec(path: &str) -> Option<&'static FieldSpec> {
    spec_in(path, "")
}

/// The spec of `path` within the enum variant `variant` of the value that holds it: the
/// variant's own spec if it has one, else the general one.
pub fn spec_in(path: &str, variant: &str) -> Option<&'static FieldSpec> {
    let mut general = None;
    let mut first = None;
    // The 64-bit hash names the path: the table's paths have distinct hashes (a test holds
    // it), and another path meets one of them with odds of about 1 in 10^17.
    for f in by_path().get(&path_hash(path))?.iter().copied() {
        if !variant.is_empty() && f.variant == variant {
            return Some(f);
        }
        if f.variant.is_empty() && general.is_none() {
            general = Some(f);
        }
        first.get_or_insert(f);
    }
    general.or(first)
}

/// The words of choice `option` (a RON variant name) of the field at `path`, as the GUI's
/// combo boxes and the report show it; the name itself when the registry has no such choice.
pub fn choice_word(path: &str, option: &str) -> Cow<'static, str> {
    match spec(path) {
        Some(f) => f.choice_text(option),
        None => Cow::Owned(option.to_owned()),
    }
}

/// `english` (a registry's own words) in the current language: the catalog's message `id`, or
/// `english` itself in English or where the language has no such message.
pub fn translated(id: &str, english: &'static str) -> Cow<'static, str> {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => Cow::Borrowed(english),
        lang => dakhla_i18n::get(lang, id).map_or(Cow::Borrowed(english), Cow::Owned),
    }
}

/// The catalog attribute of a choice: `choice-Free`, `choice-0_5` (characters a Fluent name
/// cannot hold become `_`).
fn choice_attribute(option: &str) -> String {
    let safe: String = option
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("choice-{safe}")
}

/// The English catalog of the field registry (`locales/en/fields.ftl`): every field's label,
/// help and choices, in registry order. The registry is the English; this file is what
/// translators translate, kept equal to the registry by a test.
pub fn english_catalog() -> String {
    let mut out = String::from(
        "# dakhla-planner: the inputs of the field registry, in English.\n\
         # Written from crates/dakhla-core/src/scenario/fields.rs (the registry is the English):\n\
         # DAKHLA_UPDATE_GOLDENS=1 cargo test -p dakhla-core --lib english_catalogs rewrites it.\n\
         # locales/fr/fields.ftl translates every message and attribute.\n",
    );
    for f in all() {
        out.push('\n');
        out.push_str(&format!(
            "{} = {}\n",
            f.message_id(),
            dakhla_i18n::escape(f.label)
        ));
        if !f.help.trim().is_empty() {
            out.push_str(&format!("    .help = {}\n", dakhla_i18n::escape(f.help)));
        }
        if let FieldKind::Choice { options } = f.kind {
            for (value, words) in options {
                out.push_str(&format!(
                    "    .{} = {}\n",
                    choice_attribute(value),
                    dakhla_i18n::escape(words)
                ));
            }
        }
    }
    out
}

/// Whether the field at `path` is failure data for reliability runs (unit counts and sizes,
/// forced outage rates, repair times, start failures): the Reliability panel edits them.
pub fn is_failure_data(path: &str) -> bool {
    let name = path.rsplit('.').next().unwrap_or(path);
    name == "unit_count"
        || name.ends_with("forced_outage_rate")
        || name.ends_with("mean_time_to_repair_h")
        || name.ends_with("start_failure_prob")
        || name.ends_with("_unit_mw")
}

/// The default of a numeric field, for the scenario's `Default` impls and serde defaults.
/// A path that is not in the table (a defect the tests catch) gives NaN, which validation
/// reports, rather than a crash.
pub fn default_number(path: &str) -> f64 {
    spec(path)
        .and_then(FieldSpec::default_number)
        .unwrap_or(f64::NAN)
}

/// The default of a text field ("" when it is missing).
pub fn default_text(path: &str) -> &'static str {
    match spec(path).map(|f| f.default) {
        Some(FieldDefault::Text(v)) => v,
        _ => "",
    }
}

/// [`default_number`] as a whole number (0 when it is missing).
pub fn default_integer(path: &str) -> i64 {
    match spec(path).map(|f| f.default) {
        Some(FieldDefault::Integer(v)) => v,
        _ => 0,
    }
}

impl FieldSpec {
    /// The spec as `describe fields --json` prints it.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{Value, json};
        let mut o = json!({
            "path": self.path,
            "variant": if self.variant.is_empty() { Value::Null } else { json!(self.variant) },
            "label": self.label,
            "unit": self.unit,
            "help": self.help,
            "optional": self.optional,
            "shown_unit": self.shown_unit(),
            "shown_factor": self.shown_factor(),
        });
        let m = o.as_object_mut().expect("an object");
        let (kind, extra) = match self.kind {
            FieldKind::Number {
                min,
                max,
                min_exclusive,
                allowed,
            } => (
                "number",
                json!({
                    "min": min,
                    // f64::MAX: no upper limit.
                    "max": if max == f64::MAX { Value::Null } else { json!(max) },
                    "min_exclusive": min_exclusive,
                    "allowed": allowed,
                }),
            ),
            FieldKind::Integer { min, max } => ("integer", json!({"min": min, "max": max})),
            FieldKind::Text {
                max_chars,
                multi_line,
            } => (
                "text",
                json!({"max_chars": max_chars, "multi_line": multi_line}),
            ),
            FieldKind::Bool => ("bool", json!({})),
            FieldKind::Choice { options } => (
                "choice",
                json!({
                    "options": options.iter().map(|o| o.0).collect::<Vec<_>>(),
                    "option_labels": options.iter().map(|o| o.1).collect::<Vec<_>>(),
                }),
            ),
            FieldKind::List { max_len } => ("list", json!({ "max_len": max_len })),
            FieldKind::Points { max_len } => ("points", json!({ "max_len": max_len })),
        };
        m.insert("kind".into(), json!(kind));
        if let Some(extra) = extra.as_object() {
            m.extend(extra.clone());
        }
        let (required, default) = match self.default {
            FieldDefault::Required => (true, Value::Null),
            FieldDefault::Typical(v) => (true, json!(v)),
            FieldDefault::NotSet => (false, Value::Null),
            FieldDefault::Number(v) => (false, json!(v)),
            FieldDefault::Integer(v) => (false, json!(v)),
            FieldDefault::Text(t) => (false, json!(t)),
            FieldDefault::Bool(b) => (false, json!(b)),
            FieldDefault::Choice(c) => (false, json!(c)),
            FieldDefault::Empty => (false, json!([])),
        };
        m.insert("required".into(), json!(required));
        m.insert("default".into(), default);
        let (editor, reason) = match self.editor {
            Editor::Gui => ("gui", Value::Null),
            Editor::Automatic(why) => ("automatic", json!(why)),
        };
        m.insert("editor".into(), json!(editor));
        m.insert("automatic_reason".into(), reason);
        o
    }

    /// The plausible range in words, for tables: "0.5 to 3", "more than 0 to 90", "0 or more".
    pub fn range_text(&self) -> String {
        use crate::text::number;
        match self.kind {
            FieldKind::Number {
                min,
                max,
                min_exclusive,
                ..
            } => {
                let lo = if min_exclusive {
                    format!("more than {}", number(min))
                } else {
                    number(min)
                };
                if max == f64::MAX {
                    format!("{lo} or more")
                } else {
                    format!("{lo} to {}", number(max))
                }
            }
            FieldKind::Integer { min, max } if max == i64::MAX => format!("{min} or more"),
            FieldKind::Integer { min, max } => format!("{min} to {max}"),
            FieldKind::Text { max_chars, .. } => format!("up to {max_chars} characters"),
            FieldKind::Bool => "true or false".into(),
            FieldKind::Choice { options } => {
                options.iter().map(|o| o.0).collect::<Vec<_>>().join(" | ")
            }
            FieldKind::List { max_len } | FieldKind::Points { max_len } => {
                format!("up to {max_len} items")
            }
        }
    }

    /// The default in words, for tables ("required", "not set", "1.3", "Perez1990").
    pub fn default_text(&self) -> String {
        match self.default {
            FieldDefault::Required => "required".into(),
            FieldDefault::Typical(v) => format!("required (typical {})", crate::text::number(v)),
            FieldDefault::NotSet => "not set".into(),
            FieldDefault::Number(v) => crate::text::number(v),
            FieldDefault::Integer(v) => v.to_string(),
            FieldDefault::Text(t) => format!("\"{t}\""),
            FieldDefault::Bool(b) => b.to_string(),
            FieldDefault::Choice(c) => c.into(),
            FieldDefault::Empty => "[]".into(),
        }
    }
}

/// The value of one field in a scenario, as [`values`] finds it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldValue {
    pub spec: &'static FieldSpec,
    /// The concrete path, with list indexes (`backup[1].capacity_mw`); a list of numbers or
    /// points is one value, at `profile[]` or `power_curve_kw[]`.
    pub path: String,
    /// The value as the scenario's JSON holds it; a choice is its variant name, an unset
    /// optional value is null.
    pub value: serde_json::Value,
    /// The scenario's currency: a money unit (`¤/kW`) is shown in it.
    pub currency: super::money::Currency,
}

impl FieldValue {
    /// The value in words with the unit the GUI shows it in ("84.5 %", "Perez1990", "not set",
    /// "24 values, 0.8 to 1.2").
    pub fn text(&self) -> String {
        use serde_json::Value;
        let unit = self.currency.unit(self.spec.shown_unit());
        let unit = unit.as_str();
        let with_unit = |v: f64| {
            let v = v * self.spec.shown_factor();
            // Scaling by 100 turns 0.845 into 84.49999999999999: keep 12 significant digits.
            let v = if v != 0.0 && v.is_finite() {
                let magnitude = 10f64.powi(11 - v.abs().log10().floor() as i32);
                (v * magnitude).round() / magnitude
            } else {
                v
            };
            let n = crate::text::number(v);
            if unit.is_empty() {
                n
            } else {
                format!("{n} {unit}")
            }
        };
        match &self.value {
            Value::Null => "not set".into(),
            Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
            Value::Number(n) => match self.spec.kind {
                FieldKind::Number { .. } => with_unit(n.as_f64().unwrap_or(f64::NAN)),
                FieldKind::Choice { options } => options
                    .iter()
                    .find(|o| o.0 == n.to_string())
                    .map_or_else(|| format!("{n} {unit}"), |o| o.1.to_owned()),
                _ if unit.is_empty() => n.to_string(),
                _ => format!("{n} {unit}"),
            },
            Value::String(t) => match self.spec.kind {
                FieldKind::Choice { options } => options
                    .iter()
                    .find(|o| o.0 == t)
                    .map_or_else(|| t.clone(), |o| o.1.to_owned()),
                _ => t.clone(),
            },
            Value::Array(items) => match self.spec.kind {
                FieldKind::Points { .. } => format!("{} points", items.len()),
                _ => {
                    let xs: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
                    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
                    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    if xs.is_empty() {
                        "none".into()
                    } else {
                        format!(
                            "{} values, {} to {}",
                            xs.len(),
                            with_unit(lo),
                            with_unit(hi)
                        )
                    }
                }
            },
            Value::Object(_) => String::new(),
        }
    }
}

/// The change from `old` to `new` in words, for Undo and Redo: "battery energy 1600 to 800 MWh"
/// for one field; "battery energy 1600 to 800 MWh and 2 more" for several; the list and its
/// length when items were added or removed ("rack groups: 3 to 2 items"); `None` when nothing
/// differs. ("to", not an arrow: the GUI's font has no arrow glyph.)
pub fn describe_change(old: &super::Scenario, new: &super::Scenario) -> Option<String> {
    if old == new {
        return None;
    }
    let (a, b) = (values(old), values(new));
    let item_count = |vs: &[FieldValue], list: &str| {
        vs.iter()
            .filter_map(|v| {
                v.path
                    .strip_prefix(list)?
                    .strip_prefix('[')?
                    .split(']')
                    .next()
            })
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    // A list whose length changed names itself.
    for spec in all() {
        if let Some(i) = spec.path.find("[]") {
            let list = &spec.path[..i];
            let (n, m) = (item_count(&a, list), item_count(&b, list));
            if n != m {
                let label = all()
                    .find(|s| s.path == list)
                    .map_or(list, |s| s.label)
                    .to_lowercase();
                return Some(format!(
                    "{label}: {n} to {m} item{}",
                    if m == 1 { "" } else { "s" }
                ));
            }
        }
    }
    let changes = changes(old, new);
    let Some(first) = changes.first() else {
        // A change the registry does not show (a variant's fields): the count is all there is.
        return Some("an edit".into());
    };
    Some(if changes.len() == 1 {
        first.clone()
    } else {
        format!("{first} and {} more", changes.len() - 1)
    })
}

/// Every field that differs between `old` and `new`, in registry order, in words: "battery
/// energy 1600 to 800 MWh", "diesel gensets: capacity 100 to 0 MW" (a list item is named by its
/// `name` when it has one). Fields of list items added or removed are not listed.
pub fn changes(old: &super::Scenario, new: &super::Scenario) -> Vec<String> {
    let (a, b) = (values(old), values(new));
    let old_by_path: std::collections::HashMap<&str, &FieldValue> =
        a.iter().map(|v| (v.path.as_str(), v)).collect();
    // The name of the list item a path is in (`backup[1].capacity_mw` -> "Diesel gensets").
    let item_name = |path: &str| -> Option<String> {
        let close = path.rfind(']')?;
        let name_path = format!("{}.name", &path[..=close]);
        b.iter()
            .find(|v| v.path == name_path)
            .and_then(|v| v.value.as_str().map(str::to_owned))
            .filter(|n| !n.trim().is_empty() && !path.ends_with(".name"))
    };
    b.iter()
        .filter_map(|v| {
            let o = old_by_path.get(v.path.as_str())?;
            if o.value == v.value {
                return None;
            }
            // A list's items are said field by field; the list itself only when entries come
            // or go.
            if matches!(v.spec.kind, FieldKind::List { .. }) {
                let len = |x: &serde_json::Value| x.as_array().map_or(0, Vec::len);
                let (n0, n1) = (len(&o.value), len(&v.value));
                return (n0 != n1)
                    .then(|| format!("{} {n0} to {n1} entries", v.spec.label.to_lowercase()));
            }
            let new_text = v.text();
            let old_text = o.text();
            let label = v.spec.label.to_lowercase();
            let label = match item_name(&v.path) {
                Some(item) => format!("{item}: {label}"),
                None => label,
            };
            let unit = format!(" {}", v.spec.shown_unit());
            Some(if unit.len() > 1 && old_text.ends_with(&unit) {
                format!("{label} {} to {new_text}", old_text.trim_end_matches(&unit))
            } else {
                format!("{label} {old_text} to {new_text}")
            })
        })
        .collect()
}

/// Every field of `s` that it holds, in registry order, list items expanded (`backup[0]...`,
/// `backup[1]...` for each field of the list's items, one field after the other). Fields of
/// enum variants `s` does not use are left out; each field appears with the spec of the
/// variant it is in (a grid link's tariff, a tracker's ground coverage ratio).
pub fn values(s: &super::Scenario) -> Vec<FieldValue> {
    let mut json = serde_json::to_value(s).unwrap_or_default();
    // A field the file leaves out at its default (`heat_rejection: DryCoolers`) still has a
    // value: shown, compared and described like any other.
    if let Some(dc) = json.get_mut("datacenter").and_then(|d| d.as_object_mut()) {
        for (name, default) in super::overrides::defaulted_fields() {
            dc.entry(name).or_insert(default);
        }
    }
    let mut out = Vec::new();
    for spec in all() {
        let parts: Vec<&str> = spec.path.split('.').collect();
        collect(&json, &parts, String::new(), "", spec, &mut out);
    }
    for v in &mut out {
        v.currency = s.economics.currency;
    }
    out
}

fn is_variant_layer<'a>(
    v: &'a serde_json::Value,
    key: &str,
) -> Option<(&'a str, &'a serde_json::Value)> {
    let obj = v.as_object()?;
    if obj.contains_key(key) || obj.len() != 1 {
        return None;
    }
    let (name, inner) = obj.iter().next()?;
    name.starts_with(|c: char| c.is_ascii_uppercase())
        .then_some((name.as_str(), inner))
}

fn collect(
    v: &serde_json::Value,
    parts: &[&str],
    path: String,
    variant: &str,
    spec: &'static FieldSpec,
    out: &mut Vec<FieldValue>,
) {
    use serde_json::Value;
    let Some((part, rest)) = parts.split_first() else {
        // A value inside a newtype variant (`{"Hourly": [..]}`) is the variant's.
        if !matches!(spec.kind, FieldKind::Choice { .. })
            && let Some((name, inner)) = is_variant_layer(v, "")
        {
            return collect(inner, parts, path, name, spec, out);
        }
        // The value itself: a choice is its variant's name.
        let value = match (spec.kind, v) {
            (FieldKind::Choice { .. }, Value::Object(obj)) if obj.len() == 1 => {
                Value::String(obj.keys().next().cloned().unwrap_or_default())
            }
            _ => v.clone(),
        };
        let chosen = spec_in(&path, variant).is_some_and(|f| std::ptr::eq(f, spec));
        if chosen && (spec.variant.is_empty() || spec.variant == variant) {
            out.push(FieldValue {
                spec,
                path,
                value,
                currency: super::money::Currency::Usd,
            });
        }
        return;
    };
    let (key, list) = match part.strip_suffix("[]") {
        Some(k) => (k, true),
        None => (*part, false),
    };
    // Pass through an enum layer (`{"SingleAxis": {..}}`): its name is the variant.
    let (v, variant) = match is_variant_layer(v, key) {
        Some((name, inner)) => (inner, name),
        None => (v, variant),
    };
    let Some(next) = v.get(key) else { return };
    let here = if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    };
    if !list {
        collect(next, rest, here, variant, spec, out);
    } else if rest.is_empty() {
        // A list of numbers or points: one value, at `list[]`.
        collect(next, rest, format!("{here}[]"), variant, spec, out);
    } else if let Some(items) = next.as_array() {
        for (i, item) in items.iter().enumerate() {
            // An item's `kind` (a backup unit's) is the variant of its fields.
            let kind = item.get("kind").and_then(Value::as_str).unwrap_or(variant);
            collect(item, rest, format!("{here}[{i}]"), kind, spec, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use serde_reflection::{
        ContainerFormat, Format, Registry, Tracer, TracerConfig, VariantFormat,
    };

    /// The English catalogs of the registries (`dakhla-i18n/locales/en/{fields,kpis}.ftl`) are
    /// written from the registries: what translators translate is what the program says.
    #[test]
    fn english_catalogs_are_the_registries() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../dakhla-i18n/locales/en");
        let shipped = dakhla_i18n::catalogs(dakhla_i18n::Lang::En);
        for (file, text) in [
            ("fields.ftl", english_catalog()),
            ("kpis.ftl", crate::sim::kpi_registry::english_catalog()),
        ] {
            if std::env::var_os("DAKHLA_UPDATE_GOLDENS").is_some() {
                std::fs::write(dir.join(file), &text).expect("catalog written");
                continue;
            }
            let now = shipped.iter().find(|(f, _)| *f == file).map(|(_, t)| *t);
            assert_eq!(
                now,
                Some(text.as_str()),
                "locales/en/{file} differs from the registry: DAKHLA_UPDATE_GOLDENS=1 cargo test \
                 -p dakhla-core --lib english_catalogs, then translate the change in locales/fr"
            );
        }
        // Every message reads back as the registry's English.
        for f in all() {
            assert_eq!(
                dakhla_i18n::get(dakhla_i18n::Lang::En, &f.message_id()).as_deref(),
                Some(f.label),
                "{}",
                f.path
            );
            if !f.help.trim().is_empty() {
                let help =
                    dakhla_i18n::get(dakhla_i18n::Lang::En, &format!("{}.help", f.message_id()));
                assert_eq!(
                    help.as_deref(),
                    Some(f.help.replace('\n', " ").as_str()),
                    "{}",
                    f.path
                );
            }
        }
    }

    #[test]
    fn a_change_is_described_with_the_label_and_both_values() {
        let a = Scenario::dakhla_reference();
        assert_eq!(describe_change(&a, &a), None);
        let mut b = a.clone();
        b.battery.energy_mwh = 800.0;
        assert_eq!(
            describe_change(&a, &b).as_deref(),
            Some("battery energy 1600 to 800 MWh")
        );
        b.battery.round_trip_eff = 0.9;
        b.site.latitude_deg = 24.0;
        assert_eq!(
            describe_change(&a, &b).as_deref(),
            Some("latitude 23.72 to 24 ° and 2 more")
        );
        let mut c = a.clone();
        c.datacenter.rack_groups.pop();
        let text = describe_change(&a, &c).unwrap();
        assert!(text.ends_with(": 3 to 2 items"), "{text}");
        // A field of a list item is said by itself, not as a change of the whole list.
        let mut d = a.clone();
        d.backup[1].unit_count += 1;
        assert_eq!(
            changes(&a, &d),
            vec!["Diesel gensets: units 40 to 41".to_owned()]
        );
        // A choice the file leaves out at its default is named like any other.
        let mut e = a.clone();
        e.datacenter.heat_rejection =
            super::super::HeatRejection::CoolingTower(super::super::CoolingTower::default());
        let text = describe_change(&a, &e).unwrap();
        assert!(
            text.starts_with("heat rejection Dry coolers to Cooling towers"),
            "{text}"
        );
    }

    /// One leaf of the `Scenario` type: its path (`[]` for list items), the enum variant that
    /// holds it ("" for none) and what it is.
    #[derive(Debug)]
    struct Leaf {
        path: String,
        variant: String,
        what: Traced,
    }

    #[derive(Debug, PartialEq)]
    enum Traced {
        Float,
        Integer,
        Text,
        Bool,
        /// An enum: its variant names.
        Enum(Vec<String>),
        /// A list of structs (its items' fields are leaves of their own).
        List,
        /// A list of tuples.
        Points,
    }

    fn traced_scenario() -> Registry {
        let mut tracer = Tracer::new(TracerConfig::default());
        tracer
            .trace_simple_type::<Scenario>()
            .expect("the Scenario type traces");
        // The tracer explores every variant of the enums it is given; one that is not listed
        // here makes `registry()` fail with its name (add it).
        use crate::scenario::*;
        tracer.trace_simple_type::<WeatherSource>().unwrap();
        tracer.trace_simple_type::<CapBasis>().unwrap();
        tracer.trace_simple_type::<DailyProfile>().unwrap();
        tracer.trace_simple_type::<Cooling>().unwrap();
        tracer.trace_simple_type::<HeatRejection>().unwrap();
        tracer.trace_simple_type::<WaterSupply>().unwrap();
        tracer.trace_simple_type::<Mounting>().unwrap();
        tracer.trace_simple_type::<TranspositionModel>().unwrap();
        tracer.trace_simple_type::<TurbineChoice>().unwrap();
        tracer.trace_simple_type::<BackupKind>().unwrap();
        tracer.trace_simple_type::<Sizing>().unwrap();
        tracer.trace_simple_type::<DispatchMode>().unwrap();
        tracer
            .trace_simple_type::<super::super::money::Currency>()
            .unwrap();
        tracer
            .trace_simple_type::<super::super::money::CostBasis>()
            .unwrap();
        tracer
            .registry()
            .expect("every enum variant is traced (list a new enum above)")
    }

    fn join(path: &str, field: &str) -> String {
        if path.is_empty() {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        }
    }

    /// Every leaf under `format` at `path`; `variant` is the enum variant whose own fields these
    /// are (it does not pass to deeper structs).
    fn walk(reg: &Registry, path: &str, variant: &str, format: &Format, out: &mut Vec<Leaf>) {
        let mut leaf = |what| {
            out.push(Leaf {
                path: path.to_owned(),
                variant: variant.to_owned(),
                what,
            })
        };
        match format {
            Format::TypeName(name) => match &reg[name] {
                ContainerFormat::Struct(fields) => {
                    for f in fields {
                        walk(reg, &join(path, &f.name), variant, &f.value, out);
                    }
                }
                ContainerFormat::Enum(variants) => {
                    leaf(Traced::Enum(
                        variants.values().map(|v| v.name.clone()).collect(),
                    ));
                    for v in variants.values() {
                        match &v.value {
                            VariantFormat::Unit => {}
                            VariantFormat::NewType(inner) => walk(reg, path, &v.name, inner, out),
                            VariantFormat::Struct(fields) => {
                                for f in fields {
                                    walk(reg, &join(path, &f.name), &v.name, &f.value, out);
                                }
                            }
                            other => panic!("{path}: variant {} is {other:?}", v.name),
                        }
                    }
                }
                other => panic!("{path}: {name} is {other:?}"),
            },
            Format::Option(inner) => walk(reg, path, variant, inner, out),
            Format::Seq(inner) => match inner.as_ref() {
                Format::TypeName(name) if matches!(reg[name], ContainerFormat::Struct(_)) => {
                    leaf(Traced::List);
                    walk(reg, &format!("{path}[]"), "", inner, out);
                }
                Format::Tuple(_) | Format::TupleArray { .. } => out.push(Leaf {
                    path: format!("{path}[]"),
                    variant: variant.to_owned(),
                    what: Traced::Points,
                }),
                _ => walk(reg, &format!("{path}[]"), variant, inner, out),
            },
            Format::F64 | Format::F32 => leaf(Traced::Float),
            Format::U8
            | Format::U16
            | Format::U32
            | Format::U64
            | Format::I8
            | Format::I16
            | Format::I32
            | Format::I64 => leaf(Traced::Integer),
            Format::Str => leaf(Traced::Text),
            Format::Bool => leaf(Traced::Bool),
            other => panic!("{path}: {other:?} is not a kind of input the registry knows"),
        }
    }

    fn leaves() -> Vec<Leaf> {
        let reg = traced_scenario();
        let mut out = Vec::new();
        walk(&reg, "", "", &Format::TypeName("Scenario".into()), &mut out);
        out
    }

    /// The spec a leaf must have: its variant's own, or a general one.
    fn spec_of(leaf: &Leaf) -> Option<&'static FieldSpec> {
        spec_in(&leaf.path, &leaf.variant)
            .filter(|f| f.variant.is_empty() || f.variant == leaf.variant)
    }

    #[test]
    fn every_leaf_of_the_scenario_type_has_a_spec_of_its_kind() {
        let leaves = leaves();
        assert!(leaves.len() > 120, "{} leaves", leaves.len());
        let mut missing = Vec::new();
        for leaf in &leaves {
            let Some(f) = spec_of(leaf) else {
                missing.push(format!("{} (variant {:?})", leaf.path, leaf.variant));
                continue;
            };
            let fits = match (&leaf.what, f.kind) {
                (Traced::Float, FieldKind::Number { .. }) => true,
                (Traced::Integer, FieldKind::Integer { .. }) => true,
                // A number with a few allowed values (the time step).
                (Traced::Integer, FieldKind::Choice { options }) => {
                    options.iter().all(|o| o.0.parse::<i64>().is_ok())
                }
                (Traced::Text, FieldKind::Text { .. }) => true,
                (Traced::Bool, FieldKind::Bool) => true,
                (Traced::Enum(variants), FieldKind::Choice { options }) => {
                    options.iter().map(|o| o.0.to_string()).collect::<Vec<_>>() == *variants
                }
                (Traced::List, FieldKind::List { .. }) => true,
                (Traced::Points, FieldKind::Points { .. }) => true,
                _ => false,
            };
            assert!(
                fits,
                "{}: the type is {:?}, the spec {:?}",
                leaf.path, leaf.what, f.kind
            );
            assert!(!f.label.is_empty() && !f.help.is_empty(), "{}", f.path);
            if let FieldKind::Number { min, max, .. } = f.kind {
                assert!(min < max, "{}: {min} .. {max}", f.path);
            }
        }
        assert!(
            missing.is_empty(),
            "leaves without a spec:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn every_spec_names_a_leaf_of_the_scenario_type() {
        let leaves = leaves();
        let variants: Vec<String> = {
            let reg = traced_scenario();
            reg.values()
                .filter_map(|c| match c {
                    ContainerFormat::Enum(v) => Some(v.values().map(|v| v.name.clone())),
                    _ => None,
                })
                .flatten()
                .collect()
        };
        for f in all() {
            assert!(
                leaves.iter().any(|l| l.path == f.path),
                "{} is not a field of the scenario",
                f.path
            );
            assert!(
                f.variant.is_empty() || variants.iter().any(|v| v == f.variant),
                "{}: no variant {}",
                f.path,
                f.variant
            );
            // No two specs for one path and variant.
            assert_eq!(
                all()
                    .filter(|g| g.path == f.path && g.variant == f.variant)
                    .count(),
                1,
                "{} ({}) is specified twice",
                f.path,
                f.variant
            );
        }
    }

    /// The value at a registry path in the JSON of a scenario: enum layers (`{"Fixed": {..}}`)
    /// are passed through, `[]` takes the first item.
    fn at<'a>(mut v: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
        for part in path.split('.') {
            let (key, item) = match part.strip_suffix("[]") {
                Some(k) => (k, true),
                None => (part, false),
            };
            if v.get(key).is_none()
                && let Some(obj) = v.as_object()
                && obj.len() == 1
                && obj
                    .keys()
                    .all(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
            {
                v = obj.values().next()?;
            }
            v = v.get(key)?;
            if item {
                v = v.get(0)?;
            }
        }
        Some(v)
    }

    #[test]
    fn the_registry_defaults_are_what_a_file_that_leaves_them_out_gets() {
        let ron = r#"(
            schema_version: 3,
            site: (name: "X", latitude_deg: 23.7, longitude_deg: -15.9, elevation_m: 10.0,
                   utc_offset_h: 1.0),
            weather: Synthetic(seed: 1, year: 2029),
            datacenter: (
                facility_power_cap_mw: 500.0,
                rack_groups: [(name: "g", count: 1, kw_per_rack: 10.0, utilization: 0.5)],
                cooling: WeatherDriven(()),
            ),
            solar_plants: [(name: "p", capacity_mwdc: 1.0,
                            mounting: Fixed(tilt_deg: 20.0, azimuth_deg: 180.0))],
            wind_farms: [(name: "w", turbine: Library(name: "x"), turbine_count: 1,
                          hub_height_m: 100.0, shear_exponent: 0.1, losses_pct: 10.0)],
            backup: [(name: "b", kind: GasTurbine, capacity_mw: 1.0, efficiency: 0.4,
                      fuel_cost_per_mwh_th: 30.0, emission_factor_t_per_mwh_th: 0.2,
                      unit_count: 1, forced_outage_rate: 0.05, mean_time_to_repair_h: 50.0,
                      start_failure_prob: 0.01)],
            optimizer: (sensitivities: [()]),
        )"#;
        let s: Scenario = ron::from_str(ron).expect("the minimal scenario parses");
        let json = serde_json::to_value(&s).unwrap();
        let mut checked = 0;
        for f in all() {
            let got = at(&json, f.path);
            if got.is_none()
                && (f.path.starts_with("datacenter.heat_rejection.")
                    || f.path.starts_with("datacenter.water_supply."))
            {
                continue; // a variant the file does not use: checked below
            }
            let ok = match f.default {
                FieldDefault::Required | FieldDefault::Typical(_) => continue,
                FieldDefault::NotSet => got.is_none_or(|v| v.is_null()),
                FieldDefault::Empty => {
                    // Lists given above hold one item; the others are empty.
                    got.and_then(|v| v.as_array()).is_some()
                }
                // A field written only when not 0 (`export_capacity_mw`) is absent at 0.
                FieldDefault::Number(x) => {
                    got.and_then(|v| v.as_f64()) == Some(x) || (x == 0.0 && got.is_none())
                }
                FieldDefault::Integer(x) => got.and_then(|v| v.as_i64()) == Some(x),
                FieldDefault::Text(t) => got.and_then(|v| v.as_str()) == Some(t),
                FieldDefault::Bool(b) => got.and_then(|v| v.as_bool()) == Some(b),
                // A choice written only when not its default (`heat_rejection`) is absent.
                FieldDefault::Choice(c) => {
                    got.is_some_and(|v| v.as_str() == Some(c) || v.get(c).is_some())
                        || (got.is_none()
                            && super::super::overrides::defaulted_fields().iter().any(
                                |(name, d)| {
                                    f.path.ends_with(name)
                                        && (d.as_str() == Some(c) || d.get(c).is_some())
                                },
                            ))
                }
            };
            assert!(
                ok,
                "{}: default {:?}, a file without it gets {got:?}",
                f.path, f.default
            );
            checked += 1;
        }
        assert!(checked > 50, "{checked}");
        // Each heat-rejection and water-supply variant written with `(())` gets the registry's
        // defaults (a number written only when not 0 is absent at 0).
        use super::super::{HeatRejection, WaterSupply};
        let json = |v: Result<serde_json::Value, serde_json::Error>| v.unwrap();
        let variant_of = |text: &str| -> String {
            match ron::from_str::<HeatRejection>(text) {
                Ok(h) => h.variant().to_owned(),
                Err(_) => ron::from_str::<WaterSupply>(text)
                    .unwrap()
                    .variant()
                    .to_owned(),
            }
        };
        for (variant, value) in [
            (
                "AdiabaticPads",
                json(serde_json::to_value(super::super::AdiabaticPads::default())),
            ),
            (
                "CoolingTower",
                json(serde_json::to_value(super::super::CoolingTower::default())),
            ),
            (
                "Seawater",
                json(serde_json::to_value(
                    super::super::SeawaterCooling::default(),
                )),
            ),
            (
                "Desalination",
                json(serde_json::to_value(super::super::Desalination::default())),
            ),
            (
                "Allocation",
                json(serde_json::to_value(
                    super::super::WaterAllocation::default(),
                )),
            ),
        ] {
            let specs: Vec<_> = all().filter(|f| f.variant == variant).collect();
            assert!(!specs.is_empty(), "{variant}");
            for f in specs {
                let name = f.path.rsplit('.').next().unwrap_or("");
                assert_eq!(
                    value.get(name).and_then(|v| v.as_f64()).or(Some(0.0)),
                    f.default_number(),
                    "{} of {variant}",
                    f.path
                );
            }
            assert_eq!(variant_of(&format!("{variant}(())")), variant);
        }
    }

    #[test]
    fn values_follow_the_variants_the_scenario_uses() {
        let s = crate::scenario::Scenario::dakhla_reference();
        let v = values(&s);
        let get = |p: &str| v.iter().find(|x| x.path == p).map(|x| x.text());
        assert_eq!(get("battery.round_trip_eff").as_deref(), Some("84.5 %"));
        assert_eq!(get("datacenter.cooling").as_deref(), Some("Weather-driven"));
        assert_eq!(
            get("datacenter.rack_groups[2].profile").as_deref(),
            Some("Hourly (24 factors)")
        );
        assert!(
            get("datacenter.rack_groups[2].profile[]").is_some_and(|t| t.starts_with("24 values"))
        );
        assert!(
            get("datacenter.cooling.pue").is_none(),
            "a fixed PUE is not in use"
        );
        assert!(get("solar_plants[0].capacity_mwdc").is_some());
        assert_eq!(
            get("solar_plants[0].mounting").as_deref(),
            Some("Single-axis trackers")
        );
        // One value per field and item, never two specs for one path.
        let mut paths: Vec<&str> = v.iter().map(|x| x.path.as_str()).collect();
        let n = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n);
        let mut grid = s.clone();
        grid.backup[0].kind = crate::scenario::BackupKind::GridImport;
        let v = values(&grid);
        let tariff = v
            .iter()
            .find(|x| x.path == "backup[0].fuel_cost_per_mwh_th")
            .unwrap();
        assert_eq!(tariff.spec.label, "Import tariff");
        assert_eq!(
            values(&s)
                .iter()
                .find(|x| x.path == "backup[0].fuel_cost_per_mwh_th")
                .unwrap()
                .spec
                .label,
            "Fuel cost"
        );
    }

    #[test]
    fn the_paths_of_the_table_have_distinct_hashes() {
        let mut seen: std::collections::HashMap<u64, &str> = Default::default();
        for f in all() {
            if let Some(other) = seen.insert(path_hash(f.path), f.path) {
                assert_eq!(other, f.path, "two paths share a hash");
            }
        }
    }

    #[test]
    fn paths_with_indexes_find_their_spec() {
        assert_eq!(
            normalize("solar_plants[12].mounting.gcr"),
            "solar_plants[].mounting.gcr"
        );
        assert_eq!(
            normalize("datacenter.rack_groups[0].profile[23]"),
            "datacenter.rack_groups[].profile[]"
        );
        let fixed = spec_in("solar_plants[3].mounting.gcr", "Fixed").unwrap();
        let tracker = spec_in("solar_plants[3].mounting.gcr", "SingleAxis").unwrap();
        assert!(matches!(
            fixed.kind,
            FieldKind::Number {
                min_exclusive: false,
                ..
            }
        ));
        assert!(matches!(
            tracker.kind,
            FieldKind::Number {
                min_exclusive: true,
                ..
            }
        ));
        assert_eq!(
            spec_in("backup[0].fuel_cost_per_mwh_th", "GridImport")
                .unwrap()
                .label,
            "Import tariff"
        );
        assert_eq!(
            spec("backup[0].fuel_cost_per_mwh_th").unwrap().label,
            "Fuel cost"
        );
        assert!(spec("battery.no_such_field").is_none());
        assert!(default_number("battery.no_such_field").is_nan());
    }
}
