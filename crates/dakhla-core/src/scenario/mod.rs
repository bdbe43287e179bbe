//! The saved scenario: everything a planner sets, with units in field names.
//!
//! A scenario is a RON file (`scenarios/*.ron`). [`load`](io::load) parses it, reports syntax
//! and type errors as `file:line:col: field.path: message`, then [`Scenario::validate`] checks
//! every value and names the field path of each problem in a planner's words.
//! [`save`](io::save) writes atomically (temporary file in the same folder, then rename).

pub mod fields;
mod io;
pub mod layout;
pub mod migrate;
pub mod money;
mod overrides;
mod parse_errors;
mod validate;

pub use io::base_dir;
pub use io::{
    LoadError, MAX_NESTING, MAX_SCENARIO_FILE_BYTES, Problem, from_ron_str, load, load_upgraded,
    rebase_weather_path, relative_path, save, to_ron_string, upgrade_str,
};
pub use migrate::{Migration, Upgraded};
pub use overrides::{
    MAX_OVERRIDE_LEN, MAX_PATH_PARTS, MAX_VALUE_NESTING, apply_override, apply_overrides,
};
pub use validate::{
    HOURLY_PROFILE_LEN, Issue, MAX_BACKUP_UNITS, MAX_BATTERY_MWH, MAX_CAPACITY, MAX_LIST_LEN,
    MAX_PLANT_MWDC, MAX_TURBINES_PER_FARM, MAX_UNIT_MW, MIN_BATTERY_SIDE, SUPPORTED_TIMESTEPS_MIN,
};

use serde::{Deserialize, Serialize};

/// Schema version written by this program. Files of an older version are migrated on load.
pub const SCHEMA_VERSION: u32 = 4;

/// The built-in reference scenario: the 500 MW Dakhla campus (`scenarios/dakhla-500mw.ron`).
pub const DAKHLA_REFERENCE_RON: &str = include_str!("../../../../scenarios/dakhla-500mw.ron");

/// The same campus costed in US dollars on NREL ATB 2024 (`scenarios/dakhla-500mw-usd.ron`),
/// kept for comparison with US cost tables and for the tests whose figures are in dollars.
pub const DAKHLA_REFERENCE_USD_RON: &str =
    include_str!("../../../../scenarios/dakhla-500mw-usd.ron");

/// A whole planning case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// File format version (this program writes [`SCHEMA_VERSION`]).
    pub schema_version: u32,
    #[serde(default)]
    pub meta: Meta,
    pub site: Site,
    pub weather: WeatherSource,
    #[serde(default)]
    pub simulation: Simulation,
    pub datacenter: Datacenter,
    #[serde(default)]
    pub solar_plants: Vec<SolarPlant>,
    #[serde(default)]
    pub wind_farms: Vec<WindFarm>,
    #[serde(default)]
    pub battery: Battery,
    #[serde(default)]
    pub backup: Vec<BackupUnit>,
    #[serde(default)]
    pub economics: Economics,
    #[serde(default)]
    pub targets: Targets,
    /// What the least-cost sizing may change, and the Pareto study (`optimize`).
    #[serde(default)]
    pub optimizer: OptimizerSettings,
}

/// Who made the scenario and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    pub name: String,
    pub description: String,
    pub author: String,
    pub team: String,
    pub notes: String,
}

/// Where the campus is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub name: String,
    /// Latitude, north positive [deg].
    pub latitude_deg: f64,
    /// Longitude, east positive [deg] (Dakhla is about -15.9).
    pub longitude_deg: f64,
    /// Ground elevation above sea level [m].
    pub elevation_m: f64,
    /// Local legal time minus UTC [h] (Morocco: +1 most of the year). The physics runs in UTC;
    /// the legal time places the rack groups' hourly profiles and build-out months, and the
    /// charts' clock. Exports stay in UTC.
    pub utc_offset_h: f64,
    /// Legal time minus UTC during Morocco's Ramadan periods [h] (Morocco: 0, its clocks go
    /// back an hour; dates of the IANA tz database, `calendar::MOROCCO_RAMADAN_UTC`). `None`:
    /// `utc_offset_h` all year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ramadan_utc_offset_h: Option<f64>,
}

impl Site {
    /// Legal time minus UTC at the instant `unix_s` (UTC) [s].
    pub fn legal_offset_s(&self, unix_s: i64) -> i64 {
        (self.legal_offset_h(unix_s) * 3600.0).round() as i64
    }

    /// Legal time minus UTC at the instant `unix_s` (UTC) [h].
    pub fn legal_offset_h(&self, unix_s: i64) -> f64 {
        legal_offset_h(self.utc_offset_h, self.ramadan_utc_offset_h, unix_s)
    }
}

/// Legal time minus UTC at `unix_s` [h] of a site `utc_offset_h` from UTC that keeps
/// `ramadan_utc_offset_h` in Morocco's Ramadan periods (see [`Site::ramadan_utc_offset_h`]).
pub fn legal_offset_h(utc_offset_h: f64, ramadan_utc_offset_h: Option<f64>, unix_s: i64) -> f64 {
    match ramadan_utc_offset_h {
        Some(r) if crate::calendar::in_morocco_ramadan(unix_s) => r,
        _ => utc_offset_h,
    }
}

/// Where the hourly weather comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum WeatherSource {
    /// The built-in Dakhla climate: a deterministic seeded year (PCG) built from monthly
    /// statistics in `assets/dakhla_climate.ron`.
    Synthetic {
        /// Random seed; the same seed gives the same year on every machine.
        seed: u64,
        /// Calendar year of the generated time axis.
        year: i32,
    },
    /// An EnergyPlus weather file (hourly or sub-hourly), path relative to the scenario file's
    /// folder. The sun is computed for the file's own location.
    Epw {
        path: String,
        /// SHA-256 of the file when it was chosen; a different file on disk is reported.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sha256: Option<String>,
    },
    /// A weather CSV (columns timestamp, ghi, dni, dhi, temp_air, wind_speed, optional
    /// pressure; see `weather::csv`), path relative to the scenario file's folder.
    Csv {
        path: String,
        /// SHA-256 of the file when it was chosen.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sha256: Option<String>,
    },
}

impl WeatherSource {
    /// The weather file's path as written in the scenario, for file sources.
    pub fn file_path(&self) -> Option<&str> {
        match self {
            WeatherSource::Synthetic { .. } => None,
            WeatherSource::Epw { path, .. } | WeatherSource::Csv { path, .. } => Some(path),
        }
    }

    /// The SHA-256 recorded for the weather file, if any.
    pub fn recorded_sha256(&self) -> Option<&str> {
        match self {
            WeatherSource::Synthetic { .. } => None,
            WeatherSource::Epw { sha256, .. } | WeatherSource::Csv { sha256, .. } => {
                sha256.as_deref()
            }
        }
    }

    /// A file source for `path`, CSV when it ends in `.csv`, EPW otherwise.
    pub fn file(path: String, sha256: Option<String>) -> Self {
        if path.to_ascii_lowercase().ends_with(".csv") {
            WeatherSource::Csv { path, sha256 }
        } else {
            WeatherSource::Epw { path, sha256 }
        }
    }
}

/// Time settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Simulation {
    /// Operating year [calendar year]; EPW data (often a typical year of mixed years) are stamped
    /// with it. Synthetic weather uses its own `year`.
    pub year: i32,
    /// Time step [min]. 60 for now.
    pub timestep_min: u32,
    /// What the dispatch knows of the future when it decides the battery (see
    /// [`DispatchMode`]). Files without it keep the perfect foresight they were made with.
    pub dispatch: DispatchMode,
}

/// What the dispatch knows of the coming weather and load when it decides how much energy the
/// battery keeps for later (renewables, the battery and the backup in merit order are dispatched
/// the same way in every mode).
///
/// - `PerfectForesight`: the whole run is known, as in a capacity-expansion LP (and as the
///   optimizer sizes): the battery keeps exactly the reserve the run's later deficits above the
///   backup need (the backward pass of `sim::dispatch::backup_reserve_mwh`).
/// - `Forecast { horizon_h }`: a rolling horizon, as a real energy-management system runs it:
///   each hour the reserve is planned from the next `horizon_h` hours of net load only (the
///   forecast is taken as exact within the horizon; failures are never foreseen).
/// - `Greedy`: the present only: surplus charges, a deficit draws the battery first, then the
///   backup; no reserve is kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum DispatchMode {
    #[default]
    PerfectForesight,
    Forecast {
        /// Forecast horizon [h], 1..=168.
        horizon_h: u32,
    },
    Greedy,
}

/// The longest forecast horizon of [`DispatchMode::Forecast`] [h] (a week; the rolling plan
/// costs horizon x steps).
pub const MAX_FORECAST_HORIZON_H: u32 = 168;

impl DispatchMode {
    /// The mode's RON name, for messages and JSON.
    pub fn label(&self) -> String {
        match self {
            DispatchMode::PerfectForesight => "PerfectForesight".to_owned(),
            DispatchMode::Forecast { horizon_h } => format!("Forecast(horizon_h: {horizon_h})"),
            DispatchMode::Greedy => "Greedy".to_owned(),
        }
    }

    /// The mode in words: "with perfect foresight of the weather", "on a rolling 24 h forecast
    /// of the weather", "without foresight (greedy)".
    pub fn words(&self) -> String {
        match self {
            DispatchMode::PerfectForesight => "with perfect foresight of the weather".to_owned(),
            DispatchMode::Forecast { horizon_h } => {
                format!("on a rolling {horizon_h} h forecast of the weather")
            }
            DispatchMode::Greedy => "without foresight (greedy)".to_owned(),
        }
    }

    /// A mode as a person types it: `perfect` (or `PerfectForesight`), `greedy`, or
    /// `forecast:H` (or `Forecast(horizon_h: H)`) with H in 1..=168 hours.
    pub fn parse(text: &str) -> Result<DispatchMode, String> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
        let horizon = compact
            .strip_prefix("forecast:")
            .or_else(|| compact.strip_prefix("forecast="))
            .or_else(|| {
                compact
                    .strip_prefix("forecast(horizon_h:")
                    .and_then(|r| r.strip_suffix(')'))
            })
            .map(|h| h.strip_suffix('h').unwrap_or(h));
        match (compact.as_str(), horizon) {
            ("perfect" | "perfectforesight" | "perfect-foresight", _) => {
                Ok(DispatchMode::PerfectForesight)
            }
            ("greedy", _) => Ok(DispatchMode::Greedy),
            (_, Some(h)) => match h.parse::<u32>() {
                Ok(h) if (1..=MAX_FORECAST_HORIZON_H).contains(&h) => {
                    Ok(DispatchMode::Forecast { horizon_h: h })
                }
                _ => Err(format!(
                    "the forecast horizon must be 1 to {MAX_FORECAST_HORIZON_H} whole hours, got \"{}\"",
                    crate::text::terminal_safe(&crate::text::shorten(h))
                )),
            },
            _ => Err(format!(
                "\"{}\" is not a dispatch mode: give perfect, greedy or forecast:H (H hours \
                 ahead, 1 to {MAX_FORECAST_HORIZON_H})",
                crate::text::terminal_safe(&crate::text::shorten(t))
            )),
        }
    }

    /// Steps of foresight for a step of `step_h` hours: `None` for the whole run, `Some(0)`
    /// for none.
    pub fn horizon_steps(&self, step_h: f64) -> Option<usize> {
        match self {
            DispatchMode::PerfectForesight => None,
            DispatchMode::Forecast { horizon_h } => {
                Some((f64::from(*horizon_h) / step_h).round().max(1.0) as usize)
            }
            DispatchMode::Greedy => Some(0),
        }
    }
}

impl Default for Simulation {
    fn default() -> Self {
        Self {
            year: fields::default_integer("simulation.year") as i32,
            timestep_min: fields::default_integer("simulation.timestep_min") as u32,
            dispatch: DispatchMode::default(),
        }
    }
}

/// The IT load and its overhead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Datacenter {
    /// Power cap of the campus [MW] (500 at Dakhla).
    pub facility_power_cap_mw: f64,
    /// Whether the cap limits the facility power (IT x PUE) or the IT power alone. Public sources
    /// on Dakhla disagree which the 500 MW means; results always show both.
    #[serde(default)]
    pub cap_applies_to: CapBasis,
    pub rack_groups: Vec<RackGroup>,
    pub cooling: Cooling,
    /// Where the heat goes: dry coolers (no water), adiabatic pads, evaporative cooling towers
    /// or seawater. It sets the temperature the weather-driven PUE sees and the water the site
    /// draws (`model::water`). Files without it keep dry coolers, what they meant.
    #[serde(default, skip_serializing_if = "HeatRejection::is_dry_coolers")]
    pub heat_rejection: HeatRejection,
    /// Where the water the heat rejection draws comes from: the campus's own desalination
    /// plant, whose electricity joins the campus load, or water bought under a yearly
    /// allocation. Files without it keep the default plant (no water is drawn with dry coolers
    /// or seawater, so nothing changes for them).
    #[serde(default, skip_serializing_if = "WaterSupply::is_default")]
    pub water_supply: WaterSupply,
}

/// Where the campus's water comes from (`datacenter.water_supply`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum WaterSupply {
    /// A seawater reverse-osmosis plant of the campus, run on the campus's own supply: its
    /// electricity is campus load, its other costs are `economics.water_per_m3`.
    Desalination(Desalination),
    /// Water bought from the public network (at Dakhla, the desalination plant's output) at
    /// `economics.water_per_m3`, up to a yearly allocation; its electricity is the utility's.
    Allocation(WaterAllocation),
}

impl Default for WaterSupply {
    fn default() -> Self {
        WaterSupply::Desalination(Desalination::default())
    }
}

impl WaterSupply {
    /// True for the default (the campus's own plant at its default figures), which files need
    /// not write.
    pub fn is_default(&self) -> bool {
        *self == WaterSupply::default()
    }

    /// The variant's name as in the file (`Desalination`).
    pub fn variant(&self) -> &'static str {
        match self {
            WaterSupply::Desalination(_) => "Desalination",
            WaterSupply::Allocation(_) => "Allocation",
        }
    }

    /// Campus electricity per cubic metre of water [kWh/m3]: the plant's for its own
    /// desalination, none for bought water.
    pub fn campus_kwh_per_m3(&self) -> f64 {
        match self {
            WaterSupply::Desalination(d) => d.energy_kwh_per_m3,
            WaterSupply::Allocation(_) => 0.0,
        }
    }
}

/// The campus's own seawater reverse-osmosis plant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Desalination {
    /// Electricity per cubic metre of fresh water, intake and pumping included [kWh/m3].
    pub energy_kwh_per_m3: f64,
    /// Most water the plant makes in a day [m3/day]; 0: sized to the campus's peak day.
    #[serde(skip_serializing_if = "is_zero")]
    pub capacity_m3_per_day: f64,
}

impl Default for Desalination {
    fn default() -> Self {
        let d = |f: &str| variant_default(&format!("datacenter.water_supply.{f}"), "Desalination");
        Self {
            energy_kwh_per_m3: d("energy_kwh_per_m3"),
            capacity_m3_per_day: d("capacity_m3_per_day"),
        }
    }
}

/// Water bought under a yearly allocation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WaterAllocation {
    /// Most water the campus may draw in a year [m3/yr].
    pub max_m3_per_yr: f64,
}

impl Default for WaterAllocation {
    fn default() -> Self {
        Self {
            max_m3_per_yr: variant_default("datacenter.water_supply.max_m3_per_yr", "Allocation"),
        }
    }
}

/// How the campus rejects its heat (`datacenter.heat_rejection`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum HeatRejection {
    /// Dry coolers (air-side economizer, or warm-water liquid cooling): no water; the PUE sees
    /// the outdoor dry bulb.
    #[default]
    DryCoolers,
    /// Dry coolers behind wetted pads that cool the air towards the wet bulb on hot hours.
    AdiabaticPads(AdiabaticPads),
    /// Evaporative cooling towers: the PUE sees the wet bulb plus the approach; the towers
    /// evaporate, bleed and drift water.
    CoolingTower(CoolingTower),
    /// Seawater through plate heat exchangers: no fresh water.
    Seawater(SeawaterCooling),
}

impl HeatRejection {
    /// True for the default (dry coolers), which files need not write.
    pub fn is_dry_coolers(&self) -> bool {
        matches!(self, HeatRejection::DryCoolers)
    }

    /// The variant's name as in the file (`CoolingTower`).
    pub fn variant(&self) -> &'static str {
        match self {
            HeatRejection::DryCoolers => "DryCoolers",
            HeatRejection::AdiabaticPads(_) => "AdiabaticPads",
            HeatRejection::CoolingTower(_) => "CoolingTower",
            HeatRejection::Seawater(_) => "Seawater",
        }
    }

    /// The variant named `variant` (as in the file) at its registry defaults.
    pub fn default_of(variant: &str) -> Option<HeatRejection> {
        Some(match variant {
            "DryCoolers" => HeatRejection::DryCoolers,
            "AdiabaticPads" => HeatRejection::AdiabaticPads(AdiabaticPads::default()),
            "CoolingTower" => HeatRejection::CoolingTower(CoolingTower::default()),
            "Seawater" => HeatRejection::Seawater(SeawaterCooling::default()),
            _ => return None,
        })
    }

    /// Every heat-rejection choice in the registry's order, `own` in its variant's place and
    /// the others at their registry defaults: what a comparison of cooling choices runs.
    pub fn choices_with(own: &HeatRejection) -> Vec<HeatRejection> {
        let options = match fields::spec("datacenter.heat_rejection").map(|f| f.kind) {
            Some(fields::FieldKind::Choice { options }) => options,
            _ => &[],
        };
        options
            .iter()
            .filter_map(|(v, _)| {
                if *v == own.variant() {
                    Some(own.clone())
                } else {
                    HeatRejection::default_of(v)
                }
            })
            .collect()
    }

    /// The heat sink as the water model sees it.
    pub fn heat_sink(&self) -> crate::model::water::HeatSink {
        use crate::model::water::HeatSink;
        match self {
            HeatRejection::DryCoolers => HeatSink::DryAir,
            HeatRejection::AdiabaticPads(p) => HeatSink::Adiabatic(p.model()),
            HeatRejection::CoolingTower(t) => HeatSink::CoolingTower {
                approach_k: t.approach_k,
            },
            HeatRejection::Seawater(w) => HeatSink::Seawater {
                sea_temp_c: w.sea_temp_c,
                approach_k: w.approach_k,
            },
        }
    }

    /// Water drawn per MWh of heat rejected at dry bulb `dry_bulb_c` and wet bulb `wet_bulb_c`
    /// [m3/MWh] (the models are linear in the heat).
    pub fn water_m3_per_mwh(&self, dry_bulb_c: f64, wet_bulb_c: f64) -> f64 {
        use crate::model::water;
        match self {
            HeatRejection::DryCoolers | HeatRejection::Seawater(_) => 0.0,
            HeatRejection::AdiabaticPads(p) => {
                water::adiabatic_water(1.0, dry_bulb_c, wet_bulb_c, &p.model()).total_m3()
            }
            HeatRejection::CoolingTower(t) => {
                water::cooling_tower_water(1.0, dry_bulb_c, &t.model()).total_m3()
            }
        }
    }
}

/// The number default of `path` in `variant` (the field registry holds every default).
fn variant_default(path: &str, variant: &str) -> f64 {
    fields::spec_in(path, variant)
        .and_then(fields::FieldSpec::default_number)
        .unwrap_or(f64::NAN)
}

/// Adiabatic pads in front of dry coolers (`model::water::adiabatic_water`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdiabaticPads {
    /// The pads are wetted when the dry bulb is above this [C].
    pub wet_above_c: f64,
    /// Saturation effectiveness of the pads [-].
    pub effectiveness: f64,
    /// Temperature rise of the air across the dry-cooler coils [K].
    pub air_temp_rise_k: f64,
    /// Cycles of concentration of the pad water [-].
    pub cycles_of_concentration: f64,
}

impl Default for AdiabaticPads {
    fn default() -> Self {
        let d =
            |f: &str| variant_default(&format!("datacenter.heat_rejection.{f}"), "AdiabaticPads");
        Self {
            wet_above_c: d("wet_above_c"),
            effectiveness: d("effectiveness"),
            air_temp_rise_k: d("air_temp_rise_k"),
            cycles_of_concentration: d("cycles_of_concentration"),
        }
    }
}

impl AdiabaticPads {
    /// The model's own parameter type.
    pub fn model(&self) -> crate::model::water::AdiabaticWater {
        crate::model::water::AdiabaticWater {
            wet_above_c: self.wet_above_c,
            effectiveness: self.effectiveness,
            air_temp_rise_k: self.air_temp_rise_k,
            cycles_of_concentration: self.cycles_of_concentration,
        }
    }
}

/// Evaporative cooling towers (`model::water::cooling_tower_water`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CoolingTower {
    /// Cold-water temperature above the wet bulb [K].
    pub approach_k: f64,
    /// Share of the heat leaving as latent heat [-].
    pub latent_frac: f64,
    /// Cycles of concentration [-].
    pub cycles_of_concentration: f64,
    /// Drift, as a share of the circulating water [-].
    pub drift_frac: f64,
    /// Temperature drop of the water across the towers [K].
    pub range_k: f64,
}

impl Default for CoolingTower {
    fn default() -> Self {
        let d =
            |f: &str| variant_default(&format!("datacenter.heat_rejection.{f}"), "CoolingTower");
        Self {
            approach_k: d("approach_k"),
            latent_frac: d("latent_frac"),
            cycles_of_concentration: d("cycles_of_concentration"),
            drift_frac: d("drift_frac"),
            range_k: d("range_k"),
        }
    }
}

impl CoolingTower {
    /// The model's own parameter type.
    pub fn model(&self) -> crate::model::water::CoolingTowerWater {
        crate::model::water::CoolingTowerWater {
            latent_frac: self.latent_frac,
            cycles_of_concentration: self.cycles_of_concentration,
            drift_frac: self.drift_frac,
            range_k: self.range_k,
        }
    }
}

/// Seawater cooling through plate heat exchangers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SeawaterCooling {
    /// Sea surface temperature at the intake [C].
    pub sea_temp_c: f64,
    /// Facility water above the sea's temperature [K].
    pub approach_k: f64,
}

impl Default for SeawaterCooling {
    fn default() -> Self {
        let d = |f: &str| variant_default(&format!("datacenter.heat_rejection.{f}"), "Seawater");
        Self {
            sea_temp_c: d("sea_temp_c"),
            approach_k: d("approach_k"),
        }
    }
}

/// What the power cap limits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CapBasis {
    /// Facility power: IT x PUE at the design-day temperature.
    #[default]
    Facility,
    /// IT power only.
    It,
}

/// A group of identical racks that comes online at one time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RackGroup {
    pub name: String,
    /// Number of racks.
    pub count: u32,
    /// Design power of one rack [kW] (air-cooled 8-15, liquid-cooled AI about 120).
    pub kw_per_rack: f64,
    /// Mean fraction of the design power drawn, 0..1.
    pub utilization: f64,
    /// Daily shape multiplying the utilization, by hour of local time.
    #[serde(default)]
    pub profile: DailyProfile,
    /// Calendar month from which the group draws power, for a build-out in phases over several
    /// years; `None` = online for the whole simulated year. A group that comes online after the
    /// simulated year draws nothing in that run. (Schema 1 had `online_from_month`, a month of
    /// the simulated year; see `scenario::migrate`.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_from: Option<YearMonth>,
    /// Flexible compute: a share of the group's IT energy that may run earlier or later within
    /// a window (batch and training jobs); `None` = none moves. See `model::flexibility`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flexibility: Option<Flexibility>,
}

/// The flexible part of a rack group's work (`flexibility: Some((share_frac: 0.2, window_h:
/// 24))`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flexibility {
    /// Share of the group's IT energy that may move within each window, 0..1.
    pub share_frac: f64,
    /// Window length [h]: 24 (the local calendar day), 48 or 168 (a week), aligned to local
    /// midnight.
    pub window_h: u32,
    /// Largest change of the group's IT power from one hour to the next, as a share of its
    /// design power [1/h]; `None` = as fast as the supply asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ramp_frac_per_h: Option<f64>,
}

/// The window lengths a flexible rack group may use [h].
pub const FLEXIBILITY_WINDOWS_H: [u32; 3] = [24, 48, 168];

/// A calendar month, such as the month a build-out phase comes online.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearMonth {
    /// Calendar year, such as 2027.
    pub year: i32,
    /// Month, 1 = January .. 12 = December.
    pub month: u32,
}

impl YearMonth {
    /// Months since January of year 0, so that months compare and subtract as numbers.
    pub fn month_index(self) -> i64 {
        self.year as i64 * 12 + self.month as i64 - 1
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Daily load shape of a rack group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum DailyProfile {
    /// Constant: every hour draws `utilization` x design power.
    #[default]
    Flat,
    /// 24 factors (local hours 0..23), each 0..=1/utilization, multiplying the utilization.
    Hourly(Vec<f64>),
}

/// Cooling and electrical overhead model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Cooling {
    /// A constant PUE every hour.
    Fixed { pue: f64 },
    /// PUE from the outdoor dry-bulb temperature each hour (see `model::cooling`).
    WeatherDriven(WeatherDrivenCooling),
}

/// Parameters of the weather-driven PUE model (`model::cooling::pue_weather_driven`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WeatherDrivenCooling {
    /// Below this dry-bulb temperature all heat leaves through the economizer [C].
    pub free_cooling_below_c: f64,
    /// Above this dry-bulb temperature all heat goes through the chillers [C]; between the two
    /// thresholds the share rises linearly (partial economizer).
    pub mechanical_above_c: f64,
    /// Pumps and dry-cooler fans in free-cooling mode [fraction of IT power].
    pub economizer_power_frac: f64,
    /// Chiller coefficient of performance at `chiller_cop_rated_temp_c` [-].
    pub chiller_cop_rated: f64,
    /// Outdoor temperature at which `chiller_cop_rated` holds [C].
    pub chiller_cop_rated_temp_c: f64,
    /// Drop of chiller COP per degree hotter [1/C].
    pub chiller_cop_drop_per_c: f64,
    /// Lowest COP the chillers reach on the hottest hours [-].
    pub chiller_cop_min: f64,
    /// Air-handler / CDU fans [fraction of IT power].
    pub fan_power_frac: f64,
    /// UPS efficiency (eco-mode 0.98-0.99, double conversion 0.94-0.97) [-].
    pub ups_efficiency: f64,
    /// Transformer and distribution losses [fraction of IT power].
    pub distribution_loss_frac: f64,
    /// Lighting, offices, security and misc [fraction of IT power].
    pub lighting_misc_frac: f64,
    /// Outdoor design temperature for the capacity check [C].
    pub design_temp_c: f64,
}

impl Default for WeatherDrivenCooling {
    fn default() -> Self {
        Self {
            free_cooling_below_c: fields::default_number("datacenter.cooling.free_cooling_below_c"),
            mechanical_above_c: fields::default_number("datacenter.cooling.mechanical_above_c"),
            economizer_power_frac: fields::default_number(
                "datacenter.cooling.economizer_power_frac",
            ),
            chiller_cop_rated: fields::default_number("datacenter.cooling.chiller_cop_rated"),
            chiller_cop_rated_temp_c: fields::default_number(
                "datacenter.cooling.chiller_cop_rated_temp_c",
            ),
            chiller_cop_drop_per_c: fields::default_number(
                "datacenter.cooling.chiller_cop_drop_per_c",
            ),
            chiller_cop_min: fields::default_number("datacenter.cooling.chiller_cop_min"),
            fan_power_frac: fields::default_number("datacenter.cooling.fan_power_frac"),
            ups_efficiency: fields::default_number("datacenter.cooling.ups_efficiency"),
            distribution_loss_frac: fields::default_number(
                "datacenter.cooling.distribution_loss_frac",
            ),
            lighting_misc_frac: fields::default_number("datacenter.cooling.lighting_misc_frac"),
            design_temp_c: fields::default_number("datacenter.cooling.design_temp_c"),
        }
    }
}

impl Cooling {
    /// The PUE model this choice stands for (the model's own parameter type).
    pub fn pue_model(&self) -> crate::model::cooling::PueModel {
        match self {
            Cooling::Fixed { pue } => crate::model::cooling::PueModel::Fixed(*pue),
            Cooling::WeatherDriven(w) => {
                crate::model::cooling::PueModel::WeatherDriven(w.pue_model())
            }
        }
    }
}

impl WeatherDrivenCooling {
    /// The parameters of `model::cooling::pue_weather_driven` (all but the design temperature,
    /// which is where the capacity check evaluates it).
    pub fn pue_model(&self) -> crate::model::cooling::WeatherDrivenPue {
        crate::model::cooling::WeatherDrivenPue {
            free_cooling_below_c: self.free_cooling_below_c,
            mechanical_above_c: self.mechanical_above_c,
            economizer_power_frac: self.economizer_power_frac,
            chiller_cop_rated: self.chiller_cop_rated,
            chiller_cop_rated_temp_c: self.chiller_cop_rated_temp_c,
            chiller_cop_drop_per_c: self.chiller_cop_drop_per_c,
            chiller_cop_min: self.chiller_cop_min,
            fan_power_frac: self.fan_power_frac,
            ups_efficiency: self.ups_efficiency,
            distribution_loss_frac: self.distribution_loss_frac,
            lighting_misc_frac: self.lighting_misc_frac,
        }
    }
}

impl Battery {
    /// The power the battery can discharge at [MW]: 0 when it is not built (no energy or no
    /// power, see [`Battery::store`]).
    pub fn discharge_power_mw(&self) -> f64 {
        if self.energy_mwh > 0.0 && self.power_mw > 0.0 {
            self.power_mw
        } else {
            0.0
        }
    }

    /// The battery's limits for steps of `step_h` hours (the model's own parameter type).
    pub fn limits(&self, step_h: f64) -> crate::model::battery::BatteryLimits {
        crate::model::battery::BatteryLimits::new(
            self.energy_mwh,
            self.power_mw,
            self.round_trip_eff,
            self.soc_min_frac,
            self.soc_max_frac,
            self.self_discharge_frac_per_day,
            step_h,
        )
    }

    /// The battery as a store of the dispatch for steps of `step_h` hours, its energy scaled by
    /// `energy_factor` (capacity fade). A battery without energy or without power is not built:
    /// it neither dispatches nor is paid for.
    pub fn store(&self, step_h: f64, energy_factor: f64) -> crate::sim::dispatch::StoreDispatch {
        let mut aged = self.clone();
        if !crate::sim::economics::battery_is_built(aged.energy_mwh, aged.power_mw) {
            aged.energy_mwh = 0.0;
            aged.power_mw = 0.0;
        }
        aged.energy_mwh *= energy_factor;
        crate::sim::dispatch::StoreDispatch {
            key: "battery",
            limits: aged.limits(step_h),
            initial_soc_mwh: aged.energy_mwh * aged.initial_soc_frac,
        }
    }
}

impl Scenario {
    /// The stores the dispatch runs, in its order (the battery, the shortest-duration store,
    /// first), for steps of `step_h` hours; `battery_energy_factor` is the battery's capacity
    /// fade. A new store kind adds its `store()` here.
    pub fn stores(
        &self,
        step_h: f64,
        battery_energy_factor: f64,
    ) -> Vec<crate::sim::dispatch::StoreDispatch> {
        vec![self.battery.store(step_h, battery_energy_factor)]
    }
}

impl RackGroup {
    /// The rack group as the load model sees it (the model's own parameter type).
    pub fn load_model(&self) -> crate::model::load::RackGroupLoad {
        let mut hourly_factors = [1.0; 24];
        if let DailyProfile::Hourly(f) = &self.profile {
            for (dst, src) in hourly_factors.iter_mut().zip(f) {
                *dst = *src;
            }
        }
        crate::model::load::RackGroupLoad {
            count: self.count,
            kw_per_rack: self.kw_per_rack,
            utilization: self.utilization,
            hourly_factors,
            online_from_month_index: self.online_from.map(|ym| ym.month_index()),
        }
    }
}

impl SolarPlant {
    /// The plant's PVWatts parameters (the model's own parameter type); trackers turn about a
    /// north-south axis, cells heat as Faiman's model with pvlib's coefficients.
    pub fn pv_params(&self) -> crate::model::pv::PvSystemParams {
        use crate::model::pv;
        pv::PvSystemParams {
            mounting: match self.mounting {
                Mounting::Fixed {
                    tilt_deg,
                    azimuth_deg,
                    gcr,
                } => pv::PvMounting::Fixed {
                    tilt_deg,
                    azimuth_deg,
                    gcr,
                },
                Mounting::SingleAxis {
                    max_angle_deg,
                    gcr,
                    backtrack,
                } => pv::PvMounting::SingleAxis {
                    axis_azimuth_deg: 180.0,
                    max_angle_deg,
                    gcr,
                    backtrack,
                },
            },
            dc_ac_ratio: self.dc_ac_ratio,
            losses_pct: self.losses_pct,
            gamma_pdc_per_c: self.gamma_pdc_per_c,
            inverter_eff_pct: self.inverter_eff_pct,
            albedo: self.albedo,
            transposition: match self.transposition {
                TranspositionModel::Perez1990 => pv::Transposition::Perez1990,
                TranspositionModel::Isotropic => pv::Transposition::Isotropic,
            },
            faiman_u0: pv::FAIMAN_U0_DEFAULT,
            faiman_u1: pv::FAIMAN_U1_DEFAULT,
        }
    }
}

impl TurbineChoice {
    /// The power curve, (m/s, kW) at 1.225 kg/m3 (empty for an unknown library name).
    pub fn power_curve(&self) -> Vec<(f64, f64)> {
        match self {
            TurbineChoice::Library { name } => crate::model::turbines::find_turbine(name)
                .map(|s| s.power_curve_kw.clone())
                .unwrap_or_default(),
            TurbineChoice::Custom { power_curve_kw, .. } => power_curve_kw.clone(),
        }
    }

    /// Rated power of one turbine [kW] (0 for an unknown library name).
    pub fn rated_kw(&self) -> f64 {
        match self {
            TurbineChoice::Library { name } => {
                crate::model::turbines::find_turbine(name).map_or(0.0, |s| s.rated_kw)
            }
            TurbineChoice::Custom { rated_kw, .. } => *rated_kw,
        }
    }
}

/// A solar PV plant (PVWatts v8 chain).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SolarPlant {
    pub name: String,
    /// DC nameplate [MWdc].
    pub capacity_mwdc: f64,
    /// DC nameplate over inverter AC rating [-] (1.1-1.5 typical).
    #[serde(default = "default_dc_ac_ratio")]
    pub dc_ac_ratio: f64,
    pub mounting: Mounting,
    /// PVWatts system losses: soiling, wiring, mismatch, availability... [%] (14.08 default).
    #[serde(default = "default_pv_losses_pct")]
    pub losses_pct: f64,
    /// Power temperature coefficient [1/C] (-0.0037 standard, -0.0035 premium, -0.0020 thin film).
    #[serde(default = "default_gamma")]
    pub gamma_pdc_per_c: f64,
    /// Nominal inverter efficiency [%] (PVWatts default 96).
    #[serde(default = "default_inverter_eff_pct")]
    pub inverter_eff_pct: f64,
    /// Ground reflectance [-] (desert sand 0.25-0.4).
    #[serde(default = "default_albedo")]
    pub albedo: f64,
    /// Yearly output loss from module ageing [%/yr] (0.5 typical, Jordan & Kurtz 2013).
    #[serde(default = "default_pv_degradation")]
    pub degradation_pct_per_year: f64,
    /// Land needed per MWdc [ha/MWdc].
    #[serde(default = "default_pv_land")]
    pub land_use_ha_per_mwdc: f64,
    /// Sky-diffuse transposition model.
    #[serde(default)]
    pub transposition: TranspositionModel,
    /// AC rating of one inverter [MW]: the plant's inverters are the units that fail (reliability
    /// runs; a central inverter is 2.5-4.6 MVA).
    #[serde(default = "default_inverter_unit_mw")]
    pub inverter_unit_mw: f64,
    /// Share of time an inverter is on forced outage [fraction] (IEEE Std 762 FOR).
    #[serde(default = "default_inverter_for")]
    pub inverter_forced_outage_rate: f64,
    /// Mean time to repair an inverter [h].
    #[serde(default = "default_inverter_mttr")]
    pub inverter_mean_time_to_repair_h: f64,
}

fn default_inverter_unit_mw() -> f64 {
    fields::default_number("solar_plants[].inverter_unit_mw")
}
fn default_inverter_for() -> f64 {
    fields::default_number("solar_plants[].inverter_forced_outage_rate")
}
fn default_inverter_mttr() -> f64 {
    fields::default_number("solar_plants[].inverter_mean_time_to_repair_h")
}

fn default_dc_ac_ratio() -> f64 {
    fields::default_number("solar_plants[].dc_ac_ratio")
}
fn default_pv_losses_pct() -> f64 {
    fields::default_number("solar_plants[].losses_pct")
}
fn default_gamma() -> f64 {
    fields::default_number("solar_plants[].gamma_pdc_per_c")
}
fn default_inverter_eff_pct() -> f64 {
    fields::default_number("solar_plants[].inverter_eff_pct")
}
fn default_albedo() -> f64 {
    fields::default_number("solar_plants[].albedo")
}
fn default_pv_degradation() -> f64 {
    fields::default_number("solar_plants[].degradation_pct_per_year")
}
fn default_pv_land() -> f64 {
    fields::default_number("solar_plants[].land_use_ha_per_mwdc")
}
fn default_fixed_gcr() -> f64 {
    fields::default_number("solar_plants[].mounting.gcr")
}

/// How the modules are mounted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Mounting {
    /// Fixed tilt; azimuth 180 = facing south.
    Fixed {
        tilt_deg: f64,
        azimuth_deg: f64,
        /// Ground coverage ratio of the rows: module slant height over row pitch [-]
        /// (0.3-0.5 for utility plants; 0 = a single row, no row-to-row shading).
        #[serde(default = "default_fixed_gcr")]
        gcr: f64,
    },
    /// Horizontal north-south single-axis trackers.
    SingleAxis {
        /// Largest rotation either side of horizontal [deg] (45-60 typical).
        max_angle_deg: f64,
        /// Ground coverage ratio: module row width over row pitch [-] (0.3-0.5).
        gcr: f64,
        /// Backtracking avoids row-to-row shading at low sun.
        backtrack: bool,
    },
}

/// Sky-diffuse model for the plane of array.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TranspositionModel {
    /// Perez et al. 1990 (SAM and PVsyst default).
    #[default]
    Perez1990,
    /// Isotropic sky (Liu & Jordan).
    Isotropic,
}

/// A wind farm of identical turbines.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindFarm {
    pub name: String,
    pub turbine: TurbineChoice,
    pub turbine_count: u32,
    /// Hub height [m].
    pub hub_height_m: f64,
    /// Height of the wind speed in the weather data [m] (10 for EPW and the built-in climate).
    #[serde(default = "default_measurement_height")]
    pub measurement_height_m: f64,
    /// Power-law shear exponent [-] (0.10-0.14 over open coastal desert).
    pub shear_exponent: f64,
    /// Wake, availability, electrical and other losses [%] (10-20 typical).
    pub losses_pct: f64,
    /// Share of time a turbine is on forced outage [fraction] (IEEE Std 762 FOR).
    #[serde(default = "default_turbine_for")]
    pub turbine_forced_outage_rate: f64,
    /// Mean time to repair a turbine [h].
    #[serde(default = "default_turbine_mttr")]
    pub turbine_mean_time_to_repair_h: f64,
}

fn default_turbine_for() -> f64 {
    fields::default_number("wind_farms[].turbine_forced_outage_rate")
}
fn default_turbine_mttr() -> f64 {
    fields::default_number("wind_farms[].turbine_mean_time_to_repair_h")
}

fn default_measurement_height() -> f64 {
    fields::default_number("wind_farms[].measurement_height_m")
}

/// Which turbine a wind farm uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum TurbineChoice {
    /// A turbine from the built-in library (`assets/turbines.ron`), by name.
    Library { name: String },
    /// A power curve given in the file.
    Custom {
        name: String,
        /// Rated power [kW].
        rated_kw: f64,
        /// Rotor diameter [m].
        rotor_diameter_m: f64,
        /// (wind speed [m/s], power [kW]) at air density 1.225 kg/m3.
        power_curve_kw: Vec<(f64, f64)>,
    },
}

/// Battery energy storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Battery {
    /// Nameplate energy [MWh].
    pub energy_mwh: f64,
    /// Inverter power, charge and discharge [MW].
    pub power_mw: f64,
    /// AC-to-AC round-trip efficiency [-] (LFP 0.845, Viswanathan et al. 2022).
    pub round_trip_eff: f64,
    /// Lowest state of charge the controller allows [fraction of energy_mwh].
    pub soc_min_frac: f64,
    /// Highest state of charge the controller allows [fraction of energy_mwh].
    pub soc_max_frac: f64,
    /// State of charge at the first step [fraction of energy_mwh].
    pub initial_soc_frac: f64,
    /// Stored energy lost per day at rest [fraction/day].
    pub self_discharge_frac_per_day: f64,
    /// Usable capacity lost per year of operation [%/yr] (LFP about 1.5-2.5; used by
    /// multi-year runs: operating year k keeps (1 - fade)^k of the energy).
    pub capacity_fade_pct_per_year: f64,
    /// Power of one power-conversion block (inverter and transformer) [MW]: the units of the
    /// battery that fail in reliability runs.
    #[serde(default = "default_pcs_unit_mw")]
    pub pcs_unit_mw: f64,
    /// Share of time a power-conversion block is on forced outage [fraction].
    #[serde(default = "default_pcs_for")]
    pub pcs_forced_outage_rate: f64,
    /// Mean time to repair a power-conversion block [h].
    #[serde(default = "default_pcs_mttr")]
    pub pcs_mean_time_to_repair_h: f64,
}

fn default_pcs_unit_mw() -> f64 {
    fields::default_number("battery.pcs_unit_mw")
}
fn default_pcs_for() -> f64 {
    fields::default_number("battery.pcs_forced_outage_rate")
}
fn default_pcs_mttr() -> f64 {
    fields::default_number("battery.pcs_mean_time_to_repair_h")
}

impl Default for Battery {
    fn default() -> Self {
        Self {
            energy_mwh: fields::default_number("battery.energy_mwh"),
            power_mw: fields::default_number("battery.power_mw"),
            round_trip_eff: fields::default_number("battery.round_trip_eff"),
            soc_min_frac: fields::default_number("battery.soc_min_frac"),
            soc_max_frac: fields::default_number("battery.soc_max_frac"),
            initial_soc_frac: fields::default_number("battery.initial_soc_frac"),
            self_discharge_frac_per_day: fields::default_number(
                "battery.self_discharge_frac_per_day",
            ),
            capacity_fade_pct_per_year: fields::default_number(
                "battery.capacity_fade_pct_per_year",
            ),
            pcs_unit_mw: default_pcs_unit_mw(),
            pcs_forced_outage_rate: default_pcs_for(),
            pcs_mean_time_to_repair_h: default_pcs_mttr(),
        }
    }
}

/// A dispatchable backup source, used after the battery, cheapest running cost first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupUnit {
    pub name: String,
    pub kind: BackupKind,
    /// Largest output [MW].
    pub capacity_mw: f64,
    /// Electric output over fuel input [-] (OCGT 0.405, diesel 0.35; 1.0 for a grid link).
    pub efficiency: f64,
    /// Fuel price [economics.currency per MWh of fuel heat]; for a grid link the import tariff
    /// [currency/MWh].
    pub fuel_cost_per_mwh_th: f64,
    /// Variable O&M [currency per MWh of electricity].
    #[serde(default)]
    pub variable_om_per_mwh: f64,
    /// CO2 per unit of fuel heat [t/MWh_th] (gas 0.202, diesel 0.267); grid: t/MWh.
    pub emission_factor_t_per_mwh_th: f64,
    /// Share of the output that is carbon-free (a grid link with renewables in its mix) [-].
    #[serde(default)]
    pub carbon_free_frac: f64,
    /// Identical units that share `capacity_mw` equally (8 gas turbines of 50 MW for 400 MW);
    /// reliability runs fail and repair each one (N+k). 1 for a grid link.
    pub unit_count: u32,
    /// Share of time a unit is on forced outage [fraction] (IEEE Std 762 FOR). For a grid link:
    /// outages per year x mean outage duration / 8760.
    pub forced_outage_rate: f64,
    /// Mean time to repair a unit [h] (for a grid link, the mean outage duration).
    pub mean_time_to_repair_h: f64,
    /// Probability that a start fails [fraction]; the next unit is tried (NERC GADS starting
    /// reliability).
    pub start_failure_prob: f64,
    /// Largest export of surplus over the link [MW] (a grid link only; 0 = no export). Surplus
    /// that the battery cannot take is exported up to this before it is curtailed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub export_capacity_mw: f64,
    /// Price paid for exported energy [economics.currency per MWh]; the revenue is taken off
    /// the annualized cost.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub export_price_per_mwh: f64,
    /// First calendar month (local time) in which the unit serves (a line being built, a later
    /// phase); `None` = the whole run. It costs nothing before then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_from: Option<YearMonth>,
}

/// A field written only when it is not 0 (older files stay as they were; also the cost lines'
/// export revenue in the JSON).
pub(crate) fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

impl BackupUnit {
    /// Whether the unit comes only after the calendar year `year` (`available_from` in a later
    /// year): it is not there to serve, nor to size, in a run of that year.
    pub fn comes_after(&self, year: i32) -> bool {
        self.available_from.is_some_and(|ym| ym.year > year)
    }

    /// Power of one of its identical units [MW].
    pub fn unit_mw(&self) -> f64 {
        self.capacity_mw / self.unit_count.max(1) as f64
    }

    /// Outages per year of a unit: hours on outage per year over the mean repair time.
    pub fn outages_per_year(&self) -> f64 {
        if self.mean_time_to_repair_h > 0.0 {
            self.forced_outage_rate * 8760.0 / self.mean_time_to_repair_h
        } else {
            0.0
        }
    }
}

/// The typical failure data of a kind of backup unit, from the field registry (sources there).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FailureDefaults {
    /// The size of one unit [MW] that a capacity is split into when the count is not given.
    pub unit_mw: f64,
    pub forced_outage_rate: f64,
    pub mean_time_to_repair_h: f64,
    pub start_failure_prob: f64,
}

impl BackupKind {
    /// The variant name, as in the scenario file and the field registry.
    pub fn name(self) -> &'static str {
        match self {
            BackupKind::GasTurbine => "GasTurbine",
            BackupKind::DieselGenset => "DieselGenset",
            BackupKind::GridImport => "GridImport",
        }
    }

    /// This kind's typical failure data (the registry's defaults of its variant).
    pub fn failure_defaults(self) -> FailureDefaults {
        let d = |field: &str| {
            fields::spec_in(&format!("backup[].{field}"), self.name())
                .and_then(fields::FieldSpec::default_number)
                .unwrap_or(f64::NAN)
        };
        // The size of one unit when a file gives only the total. Assumptions, by the machines
        // such campuses use: aeroderivative gas turbines of the GE LM6000 class (about 50 MW
        // each), datacenter diesel gensets of 2.5 MW (the largest common standby ratings), and
        // a grid link as one unit.
        let unit_mw = match self {
            BackupKind::GasTurbine => 50.0,
            BackupKind::DieselGenset => 2.5,
            BackupKind::GridImport => f64::INFINITY,
        };
        FailureDefaults {
            unit_mw,
            forced_outage_rate: d("forced_outage_rate"),
            mean_time_to_repair_h: d("mean_time_to_repair_h"),
            start_failure_prob: d("start_failure_prob"),
        }
    }

    /// The number of this kind's typical units in `capacity_mw` (at least 1).
    pub fn typical_unit_count(self, capacity_mw: f64) -> u32 {
        let per = self.failure_defaults().unit_mw;
        if per.is_finite() && per > 0.0 && capacity_mw.is_finite() {
            (capacity_mw / per).ceil().clamp(1.0, u32::MAX as f64) as u32
        } else {
            1
        }
    }
}

/// What a backup unit is; selects its cost line in [`Economics`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackupKind {
    GasTurbine,
    DieselGenset,
    GridImport,
}

impl Economics {
    /// The cost line of a backup kind: the one mapping from kind to cost, used by the
    /// economics and the optimizer alike.
    pub fn backup_cost(&self, kind: BackupKind) -> &CapacityCost {
        match kind {
            BackupKind::GasTurbine => &self.gas_turbine_per_kw,
            BackupKind::DieselGenset => &self.diesel_genset_per_kw,
            BackupKind::GridImport => &self.grid_link_per_kw,
        }
    }

    /// Units of the scenario's currency per US dollar (1 for USD).
    pub fn per_usd(&self) -> f64 {
        self.exchange_rates.per_usd(self.currency)
    }

    /// US dollars per unit of the scenario's currency: what every cost is multiplied by where
    /// the engine computes (its results are in US dollars; views show them in the currency).
    /// Exactly 1 for USD, so a USD scenario's figures are untouched.
    pub fn usd_per_unit(&self) -> f64 {
        match self.currency {
            money::Currency::Usd => 1.0,
            c => 1.0 / self.exchange_rates.per_usd(c),
        }
    }
}

/// Capital and fixed costs of one technology.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacityCost {
    /// Overnight capital cost [economics.currency per kW of the stated basis].
    pub capex_per_kw: f64,
    /// Fixed O&M [% of capex per year].
    pub fixed_om_pct_per_year: f64,
    /// Economic life [years]; annualized with the capital recovery factor.
    pub lifetime_years: f64,
}

impl CapacityCost {
    /// The registry's defaults of the cost line at `path` (`economics.wind_per_kw`).
    fn default_of(path: &str) -> Self {
        Self {
            capex_per_kw: fields::default_number(&format!("{path}.capex_per_kw")),
            fixed_om_pct_per_year: fields::default_number(&format!("{path}.fixed_om_pct_per_year")),
            lifetime_years: fields::default_number(&format!("{path}.lifetime_years")),
        }
    }
}

/// Capital and fixed costs of battery energy capacity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnergyCost {
    /// Overnight capital cost [economics.currency per kWh].
    pub capex_per_kwh: f64,
    /// Fixed O&M [% of capex per year].
    pub fixed_om_pct_per_year: f64,
    /// Economic life [years].
    pub lifetime_years: f64,
}

/// Cost assumptions, in `currency`. Defaults: NREL ATB 2024 (moderate, 2025, US$2022) via
/// PyPSA technology-data; Danish Energy Agency for engines and turbines (EUR converted at
/// 1.08 USD/EUR). Other sets: [`money::CostBasis`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Economics {
    /// The currency every cost of the scenario is written in (capex, O&M, fuel, tariffs,
    /// carbon price). Results are reported in it; the JSON also keeps US dollars.
    pub currency: money::Currency,
    /// Units of each currency per US dollar, and their date and source.
    pub exchange_rates: money::ExchangeRates,
    /// The cost set the figures were taken from (Morocco 2025, NREL ATB 2024, Danish Energy
    /// Agency), or `Custom`.
    pub cost_basis: money::CostBasis,
    /// Real discount rate [-].
    pub discount_rate: f64,
    /// Period for the net present cost [years].
    pub analysis_years: u32,
    /// Solar PV, per kW of inverter AC rating.
    pub solar_per_kwac: CapacityCost,
    /// Wind, per kW of turbine rating.
    pub wind_per_kw: CapacityCost,
    /// Battery power conversion, per kW.
    pub battery_power_per_kw: CapacityCost,
    /// Battery energy, per kWh of nameplate.
    pub battery_energy_per_kwh: EnergyCost,
    /// Open-cycle gas turbines, per kW.
    pub gas_turbine_per_kw: CapacityCost,
    /// Diesel engine gensets, per kW.
    pub diesel_genset_per_kw: CapacityCost,
    /// Grid connection (line, substation), per kW of import capacity.
    pub grid_link_per_kw: CapacityCost,
    /// Carbon price applied to backup emissions [currency/t CO2].
    pub carbon_price_per_t: f64,
    /// Cost of a cubic metre of water [currency/m3]: for the campus's own desalination plant,
    /// its capital and running costs without its electricity (the campus supplies that); for
    /// bought water, the tariff.
    pub water_per_m3: f64,
}

impl Default for Economics {
    fn default() -> Self {
        Self {
            currency: money::Currency::default(),
            exchange_rates: money::ExchangeRates::default(),
            cost_basis: money::CostBasis::default(),
            discount_rate: fields::default_number("economics.discount_rate"),
            analysis_years: fields::default_integer("economics.analysis_years") as u32,
            solar_per_kwac: CapacityCost::default_of("economics.solar_per_kwac"),
            wind_per_kw: CapacityCost::default_of("economics.wind_per_kw"),
            battery_power_per_kw: CapacityCost::default_of("economics.battery_power_per_kw"),
            battery_energy_per_kwh: EnergyCost {
                capex_per_kwh: fields::default_number(
                    "economics.battery_energy_per_kwh.capex_per_kwh",
                ),
                fixed_om_pct_per_year: fields::default_number(
                    "economics.battery_energy_per_kwh.fixed_om_pct_per_year",
                ),
                lifetime_years: fields::default_number(
                    "economics.battery_energy_per_kwh.lifetime_years",
                ),
            },
            gas_turbine_per_kw: CapacityCost::default_of("economics.gas_turbine_per_kw"),
            diesel_genset_per_kw: CapacityCost::default_of("economics.diesel_genset_per_kw"),
            grid_link_per_kw: CapacityCost::default_of("economics.grid_link_per_kw"),
            carbon_price_per_t: fields::default_number("economics.carbon_price_per_t"),
            water_per_m3: fields::default_number("economics.water_per_m3"),
        }
    }
}

/// What the design must achieve; each is reported as met or not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Targets {
    /// Lowest acceptable share of the facility energy served by solar and wind (directly or
    /// through the battery) [-].
    pub min_renewable_fraction: Option<f64>,
    /// Lowest acceptable 24/7 carbon-free energy score [-].
    pub min_cfe_score: Option<f64>,
    /// Largest acceptable unserved energy over the year [MWh].
    pub max_unmet_energy_mwh: Option<f64>,
    /// Largest acceptable loss-of-load expectation under unit failures [h/yr] (the reliability
    /// run's LOLE; the optimizer adds backup units and storage until it holds).
    pub max_lole_h_per_year: Option<f64>,
    /// Largest acceptable expected unserved energy under unit failures [MWh/yr].
    pub max_eue_mwh_per_year: Option<f64>,
    /// Largest acceptable water use effectiveness [L/kWh] (site water over IT energy). Set by
    /// the heat rejection, not by the supply: reported as met or not, the optimizer does not
    /// change it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_wue_l_per_kwh: Option<f64>,
    /// Level over weather years at which the reliability targets must hold [-]: each weather
    /// year's expected LOLE and EUE (over the failure draws) at this percentile, counted from
    /// the good side (0.5: the median year; 0.9: all but the worst tenth).
    pub reliability_percentile: f64,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            min_renewable_fraction: None,
            min_cfe_score: None,
            max_unmet_energy_mwh: None,
            max_lole_h_per_year: None,
            max_eue_mwh_per_year: None,
            max_wue_l_per_kwh: None,
            reliability_percentile: fields::default_number("targets.reliability_percentile"),
        }
    }
}

impl Targets {
    /// Whether a reliability target (LOLE or EUE) is set.
    pub fn has_reliability_target(&self) -> bool {
        self.max_lole_h_per_year.is_some() || self.max_eue_mwh_per_year.is_some()
    }
}

impl Scenario {
    /// The calendar year of the simulated time axis: the synthetic weather's own year, or
    /// `simulation.year` with which weather files are stamped.
    pub fn simulated_year(&self) -> i32 {
        match self.weather {
            WeatherSource::Synthetic { year, .. } => year,
            _ => self.simulation.year,
        }
    }

    /// The built-in reference scenario (the 500 MW Dakhla campus).
    pub fn dakhla_reference() -> Scenario {
        // The file is compiled in and tested to parse; fall back to a minimal valid campus so
        // that a defect here can never crash the program.
        from_ron_str(DAKHLA_REFERENCE_RON, "dakhla-500mw.ron").unwrap_or_else(|_| Scenario {
            schema_version: SCHEMA_VERSION,
            meta: Meta {
                name: "Dakhla (fallback)".into(),
                ..Meta::default()
            },
            site: Site {
                name: "Dakhla".into(),
                latitude_deg: 23.72,
                longitude_deg: -15.93,
                elevation_m: 10.0,
                utc_offset_h: 1.0,
                ramadan_utc_offset_h: None,
            },
            weather: WeatherSource::Synthetic {
                seed: 1,
                year: 2029,
            },
            simulation: Simulation::default(),
            datacenter: Datacenter {
                facility_power_cap_mw: 500.0,
                cap_applies_to: CapBasis::Facility,
                rack_groups: Vec::new(),
                cooling: Cooling::WeatherDriven(WeatherDrivenCooling::default()),
                heat_rejection: HeatRejection::DryCoolers,
                water_supply: WaterSupply::default(),
            },
            solar_plants: Vec::new(),
            wind_farms: Vec::new(),
            battery: Battery::default(),
            backup: Vec::new(),
            economics: Economics::default(),
            targets: Targets::default(),
            optimizer: OptimizerSettings::default(),
        })
    }
}

/// How the optimizer may size one technology.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Sizing {
    /// From zero up to an automatic bound scaled on the peak facility load (solar 8x, wind 4x,
    /// battery energy 24 h and power 1.5x the peak; backup: whatever the target needs).
    #[default]
    Free,
    /// Keep the scenario's value.
    Fixed,
    /// Between two values, in the unit of the variable (MWdc, MW or MWh).
    Between { min: f64, max: f64 },
}

/// A named change of unit costs, to see how the least-cost mix moves (multipliers, 1 = as in
/// `economics`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SensitivityCase {
    pub name: String,
    /// Multiplies the solar capex (and so its fixed O&M) [-].
    pub solar_capex_factor: f64,
    /// Multiplies the wind capex [-].
    pub wind_capex_factor: f64,
    /// Multiplies the battery energy and power capex [-].
    pub battery_capex_factor: f64,
    /// Multiplies the backup fuel cost [-].
    pub backup_fuel_factor: f64,
    /// Flexible compute in this case: the share of the flexible rack groups' energy that may
    /// move (every group in local days when none declares flexibility); `None` = as the
    /// scenario says. A study of cases 0, 0.1, 0.2 ... varies flexibility as a dimension.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flexible_share_frac: Option<f64>,
}

impl Default for SensitivityCase {
    fn default() -> Self {
        Self {
            name: "base".into(),
            solar_capex_factor: fields::default_number(
                "optimizer.sensitivities[].solar_capex_factor",
            ),
            wind_capex_factor: fields::default_number(
                "optimizer.sensitivities[].wind_capex_factor",
            ),
            battery_capex_factor: fields::default_number(
                "optimizer.sensitivities[].battery_capex_factor",
            ),
            backup_fuel_factor: fields::default_number(
                "optimizer.sensitivities[].backup_fuel_factor",
            ),
            flexible_share_frac: None,
        }
    }
}

/// The least-cost sizing study: which capacities may change, within which bounds, and the
/// Pareto front of cost against the carbon-free share.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OptimizerSettings {
    /// Solar DC capacity (all plants scaled together) [MWdc].
    pub solar_mwdc: Sizing,
    /// Wind capacity (turbine counts of all farms scaled together) [MW].
    pub wind_mw: Sizing,
    /// Battery energy [MWh].
    pub battery_energy_mwh: Sizing,
    /// Battery power [MW].
    pub battery_power_mw: Sizing,
    /// Backup capacity, built as the backup unit that runs first in merit order [MW].
    pub backup_mw: Sizing,
    /// Largest land the solar plants may take [ha].
    pub max_solar_land_ha: Option<f64>,
    /// Lowest target of the Pareto front (renewable fraction or CFE score) [-].
    pub pareto_from: f64,
    /// Highest target of the Pareto front [-].
    pub pareto_to: f64,
    /// Points on the Pareto front, spaced evenly in the log of the fossil share so that the
    /// costly last percents get most points [-].
    pub pareto_points: u32,
    /// Cost cases a study (`optimize --shard`) runs besides the base case.
    pub sensitivities: Vec<SensitivityCase>,
}

impl Default for OptimizerSettings {
    fn default() -> Self {
        Self {
            solar_mwdc: Sizing::Free,
            wind_mw: Sizing::Free,
            battery_energy_mwh: Sizing::Free,
            battery_power_mw: Sizing::Free,
            backup_mw: Sizing::Free,
            max_solar_land_ha: None,
            pareto_from: fields::default_number("optimizer.pareto_from"),
            pareto_to: fields::default_number("optimizer.pareto_to"),
            pareto_points: fields::default_integer("optimizer.pareto_points") as u32,
            sensitivities: Vec::new(),
        }
    }
}
