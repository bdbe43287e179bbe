//! The chain from a scenario to results: weather -> sun -> generation per plant -> load ->
//! dispatch -> KPIs. [`Engine`] caches each stage by the inputs it depends on, so changing a
//! capacity re-runs only the dispatch and KPIs, and moving a plant re-runs only that plant.

pub mod dispatch;
pub mod economics;
pub mod flexible;
pub mod kpi_registry;
pub mod kpis;
pub mod series;
pub mod years;

use crate::model::{battery::BatteryLimits, load, pv, sun, wind};
use crate::scenario::{
    CapBasis, Cooling, HeatRejection, Scenario, SolarPlant, WeatherSource, WindFarm,
};
use crate::weather::{self, Weather};
use dispatch::{BackupDispatch, DispatchSeries, DispatchTotals};
use kpis::{Capacities, Kpis};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why a scenario could not be simulated.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// The scenario has invalid values (run `check` for the list).
    #[error("the scenario is not valid:\n{}", .0.iter().map(|i| format!("{}: {}", i.path, i.message)).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<crate::scenario::Issue>),
    /// The weather file could not be read.
    #[error("{0}")]
    Weather(#[from] weather::WeatherError),
    /// The weather's time step does not fit the run's.
    #[error("{0}")]
    Resample(String),
    /// A result came out infinite or not a number (inputs far outside the models' range).
    #[error("{0}")]
    NotFinite(String),
    /// The weather of a run that needs a whole year (a weather year of a multi-year run, a
    /// sizing) covers less.
    #[error("{0}")]
    NotAYear(String),
    /// A study that takes each backup unit to serve every step or none met one that comes
    /// within the run (`available_from`).
    #[error("{0}")]
    Schedule(String),
}

/// How a run is placed in the plant's life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// Years of operation before the simulated one (0 = first year): PV and battery degrade.
    pub operating_year: u32,
}

/// Per-plant result: the available energy before curtailment.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct PlantResult {
    pub kind: String,
    pub name: String,
    /// Nameplate [MWdc for solar, MW for wind].
    pub capacity_mw: f64,
    /// Available energy over the run [MWh].
    pub energy_mwh: f64,
    /// Energy over nameplate x hours [-].
    pub capacity_factor: f64,
}

/// Everything a run produces: series for charts and exports, totals and KPIs.
#[derive(Clone, Debug)]
pub struct Results {
    pub weather: Arc<Weather>,
    /// IT load of all rack groups after the flexible work has moved [MW].
    pub it_load_mw: Arc<Vec<f64>>,
    /// IT load before shifting [MW] (the same series when nothing is flexible).
    pub it_load_base_mw: Arc<Vec<f64>>,
    /// The flexible part of the load: bounds, base and windows (empty groups when none).
    pub flexible: Arc<flexible::FlexibleLoad>,
    pub pue: Arc<Vec<f64>>,
    /// Temperature the heat is rejected at, which the PUE model reads, at each step [C]: the
    /// dry bulb with dry coolers, the pads' outlet air, the wet bulb plus the towers'
    /// approach, or the sea plus the exchangers' approach.
    pub heat_sink_temp_c: Arc<Vec<f64>>,
    /// That temperature on the design day of the capacity check [C].
    pub design_heat_sink_temp_c: f64,
    /// Load on the campus supply per MW of IT at each step [-]: the PUE, with the campus
    /// desalination plant's electricity for the water of that step.
    pub load_per_it: Arc<Vec<f64>>,
    /// Load on the campus supply [MW]: the facility and the campus desalination plant.
    pub facility_load_mw: Arc<Vec<f64>>,
    /// Water the heat rejection draws at each step [m3].
    pub water_m3: Arc<Vec<f64>>,
    /// Electricity of the campus desalination plant at each step [MW] (part of
    /// `facility_load_mw`; none for bought water).
    pub desalination_mw: Arc<Vec<f64>>,
    /// Available output of each supply kind, in [`SUPPLY_KINDS`] order [MW].
    pub supply_mw: Vec<Vec<f64>>,
    pub dispatch: Arc<DispatchSeries>,
    pub totals: DispatchTotals,
    pub plants: Vec<PlantResult>,
    pub capacity: load::CapacityCheck,
    pub costs: economics::Costs,
    pub kpis: Kpis,
    /// What the planner should know about this run (e.g. a weather file far from the site).
    pub notes: Vec<String>,
    /// (latitude, longitude, elevation) the sun was computed for.
    pub weather_location: (f64, f64, f64),
    /// Offset of the site's legal time from UTC (the scenario's `site.utc_offset_h`) [h]. The
    /// series stay in UTC; charts for a person may show their times in this clock.
    pub utc_offset_h: f64,
    /// The legal offset during Morocco's Ramadan periods (the scenario's
    /// `site.ramadan_utc_offset_h`) [h]; `None`: `utc_offset_h` all year.
    pub ramadan_utc_offset_h: Option<f64>,
}

impl Results {
    /// Legal time minus UTC at the instant `unix_s` (UTC) [h]: the clock a person keeps at the
    /// site then.
    pub fn legal_offset_h_at(&self, unix_s: i64) -> f64 {
        crate::scenario::legal_offset_h(self.utc_offset_h, self.ramadan_utc_offset_h, unix_s)
    }
}

/// The supply components, in the order of [`Results::supply_mw`] and
/// [`DispatchTotals::supply_mwh`]: the key of each (its plants' `kind`). A new supply kind adds
/// its key here and its series in [`Engine::run_with`].
pub const SUPPLY_KINDS: [&str; 2] = ["solar", "wind"];
/// Index of solar in [`SUPPLY_KINDS`].
pub const SOLAR: usize = 0;
/// Index of wind in [`SUPPLY_KINDS`].
pub const WIND: usize = 1;

impl Results {
    /// Available solar output of all plants [MW].
    pub fn solar_mw(&self) -> &[f64] {
        &self.supply_mw[SOLAR]
    }

    /// Available wind output of all farms [MW].
    pub fn wind_mw(&self) -> &[f64] {
        &self.supply_mw[WIND]
    }
}

impl DispatchTotals {
    /// Available solar energy over the run [MWh].
    pub fn solar_mwh(&self) -> f64 {
        self.supply_mwh.get(SOLAR).copied().unwrap_or(0.0)
    }

    /// Available wind energy over the run [MWh].
    pub fn wind_mwh(&self) -> f64 {
        self.supply_mwh.get(WIND).copied().unwrap_or(0.0)
    }
}

/// What a sizing study needs from a scenario: per-unit availability and the load.
#[derive(Clone, Debug)]
pub struct SizingProfiles {
    pub weather: Arc<Weather>,
    /// Step length [h].
    pub step_h: f64,
    pub facility_load_mw: Arc<Vec<f64>>,
    /// AC output of one MWdc of the solar mix [MW/MWdc].
    pub solar_mw_per_mwdc: Vec<f64>,
    /// Net output of one MW of the wind mix [MW/MW].
    pub wind_mw_per_mw: Vec<f64>,
    /// AC capacity per DC capacity of the solar mix [MWac/MWdc].
    pub solar_mwac_per_mwdc: f64,
    /// Land per DC capacity of the solar mix [ha/MWdc].
    pub solar_land_ha_per_mwdc: f64,
    /// Share of each solar plant in the mix (scenario order) [-].
    pub solar_weights: Vec<f64>,
    /// Share of each wind farm in the mix's MW (scenario order) [-].
    pub wind_weights: Vec<f64>,
    /// Rated power of one turbine of each farm [MW].
    pub turbine_mw: Vec<f64>,
    /// Load per MW of IT at each step [-]: the PUE, with the campus desalination plant's share
    /// (`Results::load_per_it`).
    pub pue: Arc<Vec<f64>>,
    /// The flexible part of the load (no groups when nothing is flexible): `facility_load_mw`
    /// is the load before it moves.
    pub flexible: Arc<flexible::FlexibleLoad>,
}

#[derive(Clone, PartialEq)]
struct WeatherKey {
    source: WeatherSource,
    resolved: Option<PathBuf>,
    modified: Option<std::time::SystemTime>,
    year: i32,
    timestep_min: u32,
    site: (f64, f64, f64),
}

/// The weather of a run, where the sun is computed for it, and what the user should know.
struct LoadedWeather {
    weather: Arc<Weather>,
    /// (latitude, longitude, elevation) of the weather: the file's own, else the site's.
    location: (f64, f64, f64),
    notes: Vec<String>,
}

/// A weather file farther than this from the site is reported [km].
pub const WEATHER_SITE_WARNING_KM: f64 = 50.0;

#[derive(Clone, PartialEq)]
struct SunKey {
    start: i64,
    step: i64,
    n: usize,
    site: (f64, f64, f64),
}

#[derive(Clone, PartialEq)]
struct LoadKey {
    datacenter: crate::scenario::Datacenter,
    utc_offset_h: f64,
    ramadan_utc_offset_h: Option<f64>,
}

/// Output of one unit of capacity (1 MWdc of PV, one turbine) per step [MW], and its sum.
struct UnitProfile {
    series: Vec<f64>,
    sum: f64,
}

impl UnitProfile {
    fn new(series: Vec<f64>) -> Self {
        let sum = series.iter().sum();
        Self { series, sum }
    }
}

/// A wind farm design (count and name blanked) and the site elevation bits.
type WindKey = (WindFarm, u64);

struct LoadSeries {
    it_mw: Arc<Vec<f64>>,
    pue: Arc<Vec<f64>>,
    /// The temperature the PUE model reads at each step [C], and on the design day.
    heat_sink_temp_c: Arc<Vec<f64>>,
    design_heat_sink_temp_c: f64,
    /// Load on the campus supply per MW of IT: the PUE times (1 + the desalination plant's
    /// electricity per MWh of heat) [-].
    load_per_it: Arc<Vec<f64>>,
    facility_mw: Arc<Vec<f64>>,
    it_energy_mwh: f64,
    pue_peak: f64,
    peak_it_mw: f64,
    capacity: load::CapacityCheck,
    flexible: Arc<flexible::FlexibleLoad>,
    /// Water the heat rejection draws per MWh of load on the campus supply at each step
    /// [m3/MWh] (`HeatRejection::water_m3_per_mwh` per MWh of heat, over the load per MWh of
    /// heat: the models are linear in the heat, so the water of a step is this times its load,
    /// after flexible work has moved).
    water_m3_per_mwh: Arc<Vec<f64>>,
}

impl LoadSeries {
    /// The water of each step [m3] when the campus supply serves `load_mw` (the load as
    /// modelled, or after flexible work has moved).
    fn water_m3(&self, load_mw: &[f64], step_h: f64) -> Vec<f64> {
        load_mw
            .iter()
            .zip(self.water_m3_per_mwh.iter())
            .map(|(f, k)| f * step_h * k)
            .collect()
    }
}

/// The simulation with its stage caches. Keep one per open scenario.
#[derive(Default)]
pub struct Engine {
    weather: Option<(WeatherKey, Arc<LoadedWeather>)>,
    sun: Option<(SunKey, Arc<sun::SunSeries>)>,
    /// Per-MWdc AC profiles keyed by the plant design (capacity and name blanked).
    solar: Vec<(SolarPlant, Arc<UnitProfile>)>,
    /// Per-turbine net profiles keyed by the farm design (count and name blanked) and elevation.
    wind: Vec<(WindKey, Arc<UnitProfile>)>,
    load: Option<(LoadKey, Arc<LoadSeries>)>,
    /// Dispatch buffers, reused when the previous results have been dropped.
    scratch: Arc<DispatchSeries>,
    /// Draw each synthetic year's monthly means around the climatology (multi-year runs).
    interannual: bool,
}

impl Engine {
    /// A new engine with empty caches.
    pub fn new() -> Self {
        Self::default()
    }

    /// An engine whose synthetic years vary from year to year around the Dakhla climatology
    /// (see `weather::synthetic::climate_of_year`), for P50/P90 runs. A single-year run uses the
    /// climatology itself.
    pub fn with_interannual_variation() -> Self {
        Self {
            interannual: true,
            ..Self::default()
        }
    }

    /// Simulate `scenario`; `base_dir` resolves relative weather paths (the scenario's folder).
    pub fn run(&mut self, scenario: &Scenario, base_dir: &Path) -> Result<Results, SimError> {
        self.run_with(scenario, base_dir, RunOptions::default())
    }

    /// Simulate `scenario` as operating year `options.operating_year` of its life: PV output
    /// and battery capacity are reduced by their yearly degradation, compounded.
    pub fn run_with(
        &mut self,
        scenario: &Scenario,
        base_dir: &Path,
        options: RunOptions,
    ) -> Result<Results, SimError> {
        let age = options.operating_year as f64;
        let issues = scenario.validate(Some(base_dir));
        if !issues.is_empty() {
            return Err(SimError::Invalid(issues));
        }
        let loaded = self.weather(scenario, base_dir)?;
        let weather = loaded.weather.clone();
        let sun = self.sun(loaded.location, &weather);
        let n = weather.len();
        let step_h = weather.step_h();
        let period_h = n as f64 * step_h;

        // Generation: cached per-unit profiles times capacities.
        let mut solar_mw = vec![0.0; n];
        let mut plants = Vec::new();
        let mut solar_mwdc = 0.0;
        let mut solar_mwac = 0.0;
        let mut solar_land_ha = 0.0;
        for p in &scenario.solar_plants {
            let profile = self.solar_profile(p, &weather, &sun);
            let cap = p.capacity_mwdc * (1.0 - p.degradation_pct_per_year / 100.0).powf(age);
            for (acc, v) in solar_mw.iter_mut().zip(profile.series.iter()) {
                *acc += v * cap;
            }
            let e = profile.sum * cap;
            solar_mwdc += p.capacity_mwdc;
            solar_mwac += p.capacity_mwdc / p.dc_ac_ratio;
            solar_land_ha += p.capacity_mwdc * p.land_use_ha_per_mwdc;
            plants.push(PlantResult {
                kind: "solar".into(),
                name: p.name.clone(),
                capacity_mw: p.capacity_mwdc,
                energy_mwh: e * step_h,
                capacity_factor: if p.capacity_mwdc > 0.0 {
                    e * step_h / (p.capacity_mwdc * period_h)
                } else {
                    0.0
                },
            });
        }
        let mut wind_mw = vec![0.0; n];
        let mut wind_rated = Vec::new();
        for f in &scenario.wind_farms {
            let rated_mw = f.turbine.rated_kw() / 1000.0 * f.turbine_count as f64;
            let profile = self.wind_profile(f, scenario.site.elevation_m, &weather);
            let count = f.turbine_count as f64;
            for (acc, v) in wind_mw.iter_mut().zip(profile.series.iter()) {
                *acc += v * count;
            }
            let e = profile.sum * count;
            wind_rated.push(rated_mw);
            plants.push(PlantResult {
                kind: "wind".into(),
                name: f.name.clone(),
                capacity_mw: rated_mw,
                energy_mwh: e * step_h,
                capacity_factor: if rated_mw > 0.0 {
                    e * step_h / (rated_mw * period_h)
                } else {
                    0.0
                },
            });
        }
        let load = self.load(scenario, &weather);
        // Flexible work moves towards the supply before the battery and backup act.
        let shifted = (!load.flexible.is_empty()).then(|| {
            flexible::shift_for_run(
                &load.flexible,
                &[&solar_mw, &wind_mw],
                &load.it_mw,
                &load.load_per_it,
                flexible::foresight_of(scenario, step_h),
                scenario.battery.discharge_power_mw(),
                step_h,
            )
        });
        let (it_mw, facility_mw) = match &shifted {
            Some(s) => (s.it_mw.clone(), s.facility_mw.clone()),
            None => (load.it_mw.clone(), load.facility_mw.clone()),
        };

        if Arc::get_mut(&mut self.scratch).is_none() {
            self.scratch = Arc::default();
        }
        let buffers = Arc::make_mut(&mut self.scratch);
        let fade = (1.0 - scenario.battery.capacity_fade_pct_per_year / 100.0).powf(age);
        let supply_mw = vec![solar_mw, wind_mw];
        let available_from = backup_available_from_steps(scenario, &weather);
        let (totals, battery) = run_dispatch_scheduled(
            scenario,
            &[&supply_mw[SOLAR], &supply_mw[WIND]],
            &facility_mw,
            step_h,
            fade,
            &available_from,
            buffers,
        );
        let served_share: Vec<f64> = available_from
            .iter()
            .map(|&k| {
                if n > 0 {
                    (n - k.min(n)) as f64 / n as f64
                } else {
                    1.0
                }
            })
            .collect();
        let mut costs = economics::costs_scheduled(
            scenario,
            &wind_rated,
            &economics::BackupYear {
                unit_mwh: &totals.backup_unit_mwh,
                exported_unit_mwh: &totals.exported_unit_mwh,
                served_share: &served_share,
            },
            period_h,
        );
        let caps = Capacities {
            solar_mwdc,
            solar_mwac,
            wind_mw: wind_rated.iter().sum(),
            battery_usable_mwh: battery.usable_mwh(),
            solar_land_ha,
        };
        let mut kpis = kpis::kpis(
            &totals,
            load.it_energy_mwh,
            load.pue_peak,
            match &shifted {
                Some(s) => s.it_mw.iter().cloned().fold(0.0, f64::max),
                None => load.peak_it_mw,
            },
            period_h,
            &caps,
            &costs,
            &load.capacity,
            &scenario.targets,
        );
        kpis.money = kpis::Money::of(&scenario.economics);
        if let Some(s) = &shifted {
            kpis.flexible_energy_shifted_mwh = s.shifted_mwh;
            kpis.flexible_shift_mean_h = s.mean_shift_h;
            kpis.flexible_shift_max_h = s.largest_shift_h;
        }
        let water_m3 = load.water_m3(&facility_mw, step_h);
        let kwh_per_m3 = scenario.datacenter.water_supply.campus_kwh_per_m3();
        let desalination_mw: Vec<f64> = water_m3
            .iter()
            .map(|m3| m3 * kwh_per_m3 / 1000.0 / step_h)
            .collect();
        // A campus that draws no water (dry coolers, seawater) has no day to sum: the local day
        // of every step made this the costliest part of a re-run after a capacity edit.
        let daily_water_m3 = if water_m3.iter().any(|&v| v > 0.0) {
            per_local_day(&water_m3, &weather, |t| scenario.site.legal_offset_s(t))
        } else {
            Vec::new()
        };
        let water = water_kpis(
            scenario,
            &mut kpis,
            &mut costs,
            &water_m3,
            &daily_water_m3,
            period_h,
        );
        let mut notes = run_notes(scenario, &weather, &load.capacity, &loaded.notes);
        notes.extend(grid_notes(scenario, &available_from, n, &totals));
        notes.extend(water);
        check_finite(&kpis)?;
        Ok(Results {
            weather,
            it_load_mw: it_mw,
            it_load_base_mw: load.it_mw.clone(),
            flexible: load.flexible.clone(),
            pue: load.pue.clone(),
            heat_sink_temp_c: load.heat_sink_temp_c.clone(),
            design_heat_sink_temp_c: load.design_heat_sink_temp_c,
            load_per_it: load.load_per_it.clone(),
            facility_load_mw: facility_mw,
            water_m3: Arc::new(water_m3),
            desalination_mw: Arc::new(desalination_mw),
            supply_mw,
            dispatch: self.scratch.clone(),
            totals,
            plants,
            capacity: load.capacity.clone(),
            costs,
            kpis,
            notes,
            weather_location: loaded.location,
            utc_offset_h: scenario.site.utc_offset_h,
            ramadan_utc_offset_h: scenario.site.ramadan_utc_offset_h,
        })
    }

    /// The availability profiles and load a sizing study works on: the output of one MWdc of
    /// the scenario's solar mix and one MW of its wind mix per step, and the facility load
    /// (first operating year). Plants are weighted by their capacity in the scenario (equally
    /// when all are at zero).
    pub fn sizing_profiles(
        &mut self,
        scenario: &Scenario,
        base_dir: &Path,
    ) -> Result<SizingProfiles, SimError> {
        let issues = scenario.validate(Some(base_dir));
        if !issues.is_empty() {
            return Err(SimError::Invalid(issues));
        }
        let loaded = self.weather(scenario, base_dir)?;
        let weather = loaded.weather.clone();
        let sun = self.sun(loaded.location, &weather);
        let n = weather.len();
        let weights = |caps: Vec<f64>| -> Vec<f64> {
            let total: f64 = caps.iter().sum();
            if total > 0.0 {
                caps.iter().map(|c| c / total).collect()
            } else {
                vec![1.0 / caps.len().max(1) as f64; caps.len()]
            }
        };
        let solar_weights = weights(
            scenario
                .solar_plants
                .iter()
                .map(|p| p.capacity_mwdc)
                .collect(),
        );
        let mut solar = vec![0.0; n];
        let (mut mwac_per_mwdc, mut land_ha_per_mwdc) = (0.0, 0.0);
        for (p, wgt) in scenario.solar_plants.iter().zip(&solar_weights) {
            let profile = self.solar_profile(p, &weather, &sun);
            for (acc, v) in solar.iter_mut().zip(profile.series.iter()) {
                *acc += v * wgt;
            }
            mwac_per_mwdc += wgt / p.dc_ac_ratio;
            land_ha_per_mwdc += wgt * p.land_use_ha_per_mwdc;
        }
        let rated: Vec<f64> = scenario
            .wind_farms
            .iter()
            .map(|f| f.turbine.rated_kw() / 1000.0)
            .collect();
        let wind_weights = weights(
            scenario
                .wind_farms
                .iter()
                .zip(&rated)
                .map(|(f, r)| r * f.turbine_count as f64)
                .collect(),
        );
        let mut wind = vec![0.0; n];
        for ((f, wgt), r) in scenario.wind_farms.iter().zip(&wind_weights).zip(&rated) {
            if *r <= 0.0 {
                continue;
            }
            let profile = self.wind_profile(f, scenario.site.elevation_m, &weather);
            for (acc, v) in wind.iter_mut().zip(profile.series.iter()) {
                *acc += v * wgt / r;
            }
        }
        let load = self.load(scenario, &weather);
        Ok(SizingProfiles {
            step_h: weather.step_h(),
            weather,
            facility_load_mw: load.facility_mw.clone(),
            solar_mw_per_mwdc: solar,
            wind_mw_per_mw: wind,
            solar_mwac_per_mwdc: mwac_per_mwdc,
            solar_land_ha_per_mwdc: land_ha_per_mwdc,
            solar_weights,
            wind_weights,
            turbine_mw: rated,
            pue: load.load_per_it.clone(),
            flexible: load.flexible.clone(),
        })
    }

    /// True when running `scenario` would recompute the weather or the sun position (the slow
    /// stages, several ms): the GUI runs such edits on a worker thread.
    pub fn needs_weather_or_sun(&self, s: &Scenario, base_dir: &Path) -> bool {
        let Some((key, w)) = &self.weather else {
            return true;
        };
        if *key != weather_key(s, base_dir) {
            return true;
        }
        match &self.sun {
            Some((k, _)) => *k != sun_key(w.location, &w.weather),
            None => true,
        }
    }

    fn weather(&mut self, s: &Scenario, base_dir: &Path) -> Result<Arc<LoadedWeather>, SimError> {
        let key = weather_key(s, base_dir);
        if let Some((k, w)) = &self.weather
            && *k == key
        {
            return Ok(w.clone());
        }
        let site = (
            s.site.latitude_deg,
            s.site.longitude_deg,
            s.site.elevation_m,
        );
        let mut notes = Vec::new();
        let (raw, location) = match (&s.weather, &key.resolved) {
            (WeatherSource::Synthetic { seed, year }, _) => {
                let climatology = weather::synthetic::dakhla_climate();
                let varied;
                let stats = if self.interannual {
                    varied = weather::synthetic::climate_of_year(
                        climatology,
                        *seed,
                        &weather::synthetic::DAKHLA_INTERANNUAL,
                    );
                    &varied
                } else {
                    climatology
                };
                let mut w = weather::synthetic::generate_synthetic_year(
                    stats, *seed, *year, site.0, site.1, site.2,
                );
                if self.interannual {
                    w.source.push_str(" (its own year-to-year variation)");
                }
                (w, site)
            }
            (_, Some(path)) => {
                let (mut w, loc) = weather::read_weather_file(path, s.simulation.year)?;
                // Described by the path as the scenario writes it (relative to its folder), not
                // as resolved from the folder the program runs in: the same inputs give the
                // same text wherever they are run from.
                if let Some(written) = s.weather.file_path() {
                    w.source = w.source.replacen(&path.display().to_string(), written, 1);
                }
                match loc {
                    Some(l) => {
                        let d =
                            weather::distance_km(site.0, site.1, l.latitude_deg, l.longitude_deg);
                        if d > WEATHER_SITE_WARNING_KM {
                            notes.push(format!(
                                "weather: the weather file is for {} ({:.2}, {:.2}), {:.0} km from the site; \
                                 the sun is computed for the file's location",
                                if l.name.is_empty() { "its own site" } else { &l.name },
                                l.latitude_deg,
                                l.longitude_deg,
                                d
                            ));
                        }
                        (w, (l.latitude_deg, l.longitude_deg, l.elevation_m))
                    }
                    None => (w, site),
                }
            }
            (_, None) => (empty_weather(), site),
        };
        let target_s = i64::from(s.simulation.timestep_min) * 60;
        let w = if raw.step_s == target_s || raw.is_empty() {
            raw
        } else {
            let n_fine = (raw.len() as i64 * raw.step_s / target_s.max(1)).max(0) as usize;
            // The resampling needs the sun at the fine steps, which is also the sun the run
            // needs: the cached one is reused when only the weather changed (a new seed or file).
            let fine_sun = (target_s < raw.step_s).then(|| {
                self.sun_for(SunKey {
                    start: raw.start_unix_s,
                    step: target_s,
                    n: n_fine,
                    site: location,
                })
            });
            weather::resample::resample(&raw, target_s, fine_sun.as_deref())
                .map_err(|e| SimError::Resample(format!("{}: {e}", raw.source)))?
        };
        let loaded = Arc::new(LoadedWeather {
            weather: Arc::new(w),
            location,
            notes,
        });
        // Generation and load depend on the weather (the sun position does not).
        self.solar.clear();
        self.wind.clear();
        self.load = None;
        self.weather = Some((key, loaded.clone()));
        Ok(loaded)
    }

    fn sun(&mut self, location: (f64, f64, f64), w: &Weather) -> Arc<sun::SunSeries> {
        self.sun_for(sun_key(location, w))
    }

    /// The sun position for `key`, from the cache when it matches.
    fn sun_for(&mut self, key: SunKey) -> Arc<sun::SunSeries> {
        if let Some((k, v)) = &self.sun
            && *k == key
        {
            return v.clone();
        }
        let (lat, lon, elevation) = key.site;
        let v = Arc::new(sun::sun_series(
            key.start, key.step, key.n, lat, lon, elevation,
        ));
        // Generation depends on the sun: drop plant caches when it changes.
        self.solar.clear();
        self.sun = Some((key, v.clone()));
        v
    }

    fn solar_profile(
        &mut self,
        p: &SolarPlant,
        w: &Weather,
        sun: &sun::SunSeries,
    ) -> Arc<UnitProfile> {
        let mut key = p.clone();
        key.capacity_mwdc = 0.0;
        key.name.clear();
        key.degradation_pct_per_year = 0.0;
        key.land_use_ha_per_mwdc = 0.0;
        if let Some((_, v)) = self.solar.iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let params = p.pv_params();
        let v = Arc::new(UnitProfile::new(pv::pvwatts_ac_mw_per_mwdc(
            &w.ghi_w_m2,
            &w.dni_w_m2,
            &w.dhi_w_m2,
            &w.temp_air_c,
            &w.wind_speed_m_s,
            sun,
            &params,
        )));
        self.solar.push((key, v.clone()));
        if self.solar.len() > 64 {
            self.solar.remove(0);
        }
        v
    }

    fn wind_profile(&mut self, f: &WindFarm, elevation_m: f64, w: &Weather) -> Arc<UnitProfile> {
        let mut farm = f.clone();
        farm.turbine_count = 0;
        farm.name.clear();
        let key = (farm, elevation_m.to_bits());
        if let Some((_, v)) = self.wind.iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let curve = f.turbine.power_curve();
        let params = wind::WindFarmParams {
            hub_height_m: f.hub_height_m,
            measurement_height_m: f.measurement_height_m,
            shear_exponent: f.shear_exponent,
            losses_pct: f.losses_pct,
            site_elevation_m: elevation_m,
        };
        let v = Arc::new(UnitProfile::new(wind::wind_turbine_net_mw(
            &w.wind_speed_m_s,
            &w.temp_air_c,
            &w.pressure_pa,
            &curve,
            &params,
        )));
        self.wind.push((key, v.clone()));
        if self.wind.len() > 64 {
            self.wind.remove(0);
        }
        v
    }

    fn load(&mut self, s: &Scenario, w: &Weather) -> Arc<LoadSeries> {
        let key = LoadKey {
            datacenter: s.datacenter.clone(),
            utc_offset_h: s.site.utc_offset_h,
            ramadan_utc_offset_h: s.site.ramadan_utc_offset_h,
        };
        if let Some((k, v)) = &self.load
            && *k == key
        {
            return v.clone();
        }
        let v = Arc::new(compute_load(s, w, None));
        self.load = Some((key, v.clone()));
        v
    }
}

fn weather_key(s: &Scenario, base_dir: &Path) -> WeatherKey {
    let resolved = s.weather.file_path().map(|p| base_dir.join(p));
    // A weather file edited on disk is read again.
    let modified = resolved
        .as_ref()
        .and_then(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    WeatherKey {
        source: s.weather.clone(),
        resolved,
        modified,
        year: s.simulation.year,
        timestep_min: s.simulation.timestep_min,
        site: (
            s.site.latitude_deg,
            s.site.longitude_deg,
            s.site.elevation_m,
        ),
    }
}

fn sun_key(location: (f64, f64, f64), w: &Weather) -> SunKey {
    SunKey {
        start: w.start_unix_s,
        step: w.step_s,
        n: w.len(),
        site: location,
    }
}

/// The load stage of a run: IT, PUE, water and flexibility. `wet_bulb_c`: the weather's wet
/// bulb when already known (it depends on the weather alone), else computed where the heat
/// rejection needs it.
fn compute_load(s: &Scenario, w: &Weather, wet_bulb_c: Option<&[f64]>) -> LoadSeries {
    let dc = &s.datacenter;
    let groups: Vec<load::RackGroupLoad> = dc
        .rack_groups
        .iter()
        .map(crate::scenario::RackGroup::load_model)
        .collect();
    let it = load::it_load_series_legal_mw(&groups, w.start_unix_s, w.step_s, w.len(), |t| {
        s.site.legal_offset_s(t)
    });
    let model = dc.cooling.pue_model();
    // The PUE model reads the temperature the heat is rejected at: the dry bulb for dry
    // coolers, the pad outlet, the wet bulb plus the towers' approach, or the sea.
    let sink = dc.heat_rejection.heat_sink();
    // The wet bulb (a bisection an hour) only where the sink evaporates water.
    let needs_wet_bulb = matches!(
        dc.heat_rejection,
        HeatRejection::AdiabaticPads(_) | HeatRejection::CoolingTower(_)
    );
    let computed;
    let wet_bulb: &[f64] = match (needs_wet_bulb, wet_bulb_c) {
        (false, _) => &[],
        (true, Some(known)) => known,
        (true, None) => {
            computed = wet_bulb_series_c(w);
            &computed
        }
    };
    let wet_bulb_at = |i: usize| wet_bulb.get(i).copied().unwrap_or(w.temp_air_c[i]);
    let sink_temp_c: Vec<f64> = (0..w.len())
        .map(|i| crate::model::water::heat_sink_temp_c(&sink, w.temp_air_c[i], wet_bulb_at(i)))
        .collect();
    let pue: Vec<f64> = sink_temp_c.iter().map(|t| model.pue_at(*t)).collect();
    // A fixed PUE has no design temperature: it is the same at any. An evaporative sink's
    // design point takes the year's highest wet bulb with the design dry bulb.
    let design_temp_c = match &dc.cooling {
        Cooling::WeatherDriven(p) => p.design_temp_c,
        Cooling::Fixed { .. } => 0.0,
    };
    let design_wet_bulb_c = wet_bulb
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max)
        .min(design_temp_c);
    let design_heat_sink_temp_c = crate::model::water::heat_sink_temp_c(
        &sink,
        design_temp_c,
        if design_wet_bulb_c.is_finite() {
            design_wet_bulb_c
        } else {
            design_temp_c
        },
    );
    let design_pue = model.pue_at(design_heat_sink_temp_c);
    // All the facility's electricity ends as heat the plant rejects (a little more than the
    // IT heat, fans and compressors: UPS and transformer losses are rejected by the same plant).
    // The campus desalination plant makes that water with `kwh_per_m3` of campus electricity
    // a cubic metre: per MWh of heat, 1 + water x kwh_per_m3 / 1000 MWh of load.
    let kwh_per_m3 = dc.water_supply.campus_kwh_per_m3();
    let (load_per_it, water_m3_per_mwh): (Vec<f64>, Vec<f64>) = (0..w.len())
        .map(|i| {
            let per_heat = dc
                .heat_rejection
                .water_m3_per_mwh(w.temp_air_c[i], wet_bulb_at(i));
            let load_per_heat = 1.0 + per_heat * kwh_per_m3 / 1000.0;
            (pue[i] * load_per_heat, per_heat / load_per_heat)
        })
        .unzip();
    let facility: Vec<f64> = it.iter().zip(&load_per_it).map(|(i, p)| i * p).collect();
    let step_h = w.step_h();
    let cap_pue = match dc.cap_applies_to {
        CapBasis::Facility => design_pue,
        CapBasis::It => 1.0,
    };
    let mut capacity = load::capacity_check(&groups, cap_pue, dc.facility_power_cap_mw);
    capacity.design_pue = design_pue;
    capacity.facility_design_mw = capacity.it_design_mw * design_pue;
    let flexible = Arc::new(flexible::FlexibleLoad::of(s, w, &load_per_it, &it));
    LoadSeries {
        flexible,
        it_energy_mwh: it.iter().sum::<f64>() * step_h,
        pue_peak: pue.iter().cloned().fold(f64::MIN, f64::max).max(1.0),
        peak_it_mw: it.iter().cloned().fold(0.0, f64::max),
        it_mw: Arc::new(it),
        pue: Arc::new(pue),
        heat_sink_temp_c: Arc::new(sink_temp_c),
        design_heat_sink_temp_c,
        load_per_it: Arc::new(load_per_it),
        facility_mw: Arc::new(facility),
        capacity,
        water_m3_per_mwh: Arc::new(water_m3_per_mwh),
    }
}

/// One way of rejecting the heat, on a scenario's weather and load (flexible work where it was
/// planned): its PUE and its water. What the PUE-against-WUE chart shows for each choice.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CoolingChoice {
    /// The scenario's own heat rejection, or another at its registry defaults.
    pub heat_rejection: HeatRejection,
    /// Whether it is the scenario's own.
    pub is_scenario: bool,
    /// Facility over IT energy [-].
    pub pue_mean: f64,
    /// Highest hourly PUE [-].
    pub pue_peak: f64,
    /// Water over the run [m3].
    pub water_m3: f64,
    /// Water over IT energy [L/kWh].
    pub wue_l_per_kwh: f64,
    /// Most water in one local day [m3/day].
    pub peak_water_m3_per_day: f64,
    /// Electricity of the campus desalination plant [MWh].
    pub desalination_energy_mwh: f64,
    /// Load on the campus supply: the facility and the desalination plant [MWh].
    pub facility_energy_mwh: f64,
    /// Largest load on the campus supply [MW].
    pub peak_facility_mw: f64,
}

/// Each heat-rejection choice ([`HeatRejection::choices_with`]) on `s`'s load and the weather
/// `w`: the load stage of a run for each, without the dispatch (milliseconds).
pub fn cooling_choices(s: &Scenario, w: &Weather) -> Vec<CoolingChoice> {
    let step_h = w.step_h();
    // Once for the choices that evaporate water.
    let wet_bulb = wet_bulb_series_c(w);
    HeatRejection::choices_with(&s.datacenter.heat_rejection)
        .into_iter()
        .map(|h| {
            let mut one = s.clone();
            one.datacenter.heat_rejection = h.clone();
            let load = compute_load(&one, w, Some(&wet_bulb));
            let it_mwh = load.it_energy_mwh;
            let water = load.water_m3(&load.facility_mw, step_h);
            let water_m3: f64 = water.iter().sum();
            let desalination_energy_mwh =
                water_m3 * one.datacenter.water_supply.campus_kwh_per_m3() / 1000.0;
            let facility_energy_mwh = load.facility_mw.iter().sum::<f64>() * step_h;
            CoolingChoice {
                is_scenario: h == s.datacenter.heat_rejection,
                heat_rejection: h,
                pue_mean: facility_pue(facility_energy_mwh, desalination_energy_mwh, it_mwh)
                    .unwrap_or(load.capacity.design_pue),
                pue_peak: load.pue_peak,
                wue_l_per_kwh: crate::model::water::wue_l_per_kwh(water_m3, it_mwh),
                peak_water_m3_per_day: per_local_day(&water, w, |t| s.site.legal_offset_s(t))
                    .into_iter()
                    .fold(0.0, f64::max),
                water_m3,
                desalination_energy_mwh,
                facility_energy_mwh,
                peak_facility_mw: load.facility_mw.iter().copied().fold(0.0, f64::max),
            }
        })
        .collect()
}

/// Backup units in merit order: cheapest running cost (fuel / efficiency + variable O&M +
/// carbon) first, ties in file order. Returns indices into `scenario.backup`.
pub fn backup_merit_order(s: &Scenario) -> Vec<usize> {
    let cost = |i: usize| {
        let u = &s.backup[i];
        (u.fuel_cost_per_mwh_th + u.emission_factor_t_per_mwh_th * s.economics.carbon_price_per_t)
            / u.efficiency
            + u.variable_om_per_mwh
    };
    let mut order: Vec<usize> = (0..s.backup.len()).collect();
    order.sort_by(|a, b| cost(*a).total_cmp(&cost(*b)).then(a.cmp(b)));
    order
}

/// Dispatch the scenario's storage and backup against given supply series (one per
/// [`SUPPLY_KINDS`] entry, or any list of components) and load. Totals per backup unit come back
/// in the scenario's order; the limits are the battery's.
pub fn run_dispatch(
    s: &Scenario,
    supply_mw: &[&[f64]],
    facility_mw: &[f64],
    step_h: f64,
    out: &mut DispatchSeries,
) -> (DispatchTotals, BatteryLimits) {
    run_dispatch_aged(s, supply_mw, facility_mw, step_h, 1.0, out)
}

/// [`run_dispatch`] with the battery's energy scaled by `battery_energy_factor` (capacity fade).
pub fn run_dispatch_aged(
    s: &Scenario,
    supply_mw: &[&[f64]],
    facility_mw: &[f64],
    step_h: f64,
    battery_energy_factor: f64,
    out: &mut DispatchSeries,
) -> (DispatchTotals, BatteryLimits) {
    let always = vec![0; s.backup.len()];
    run_dispatch_scheduled(
        s,
        supply_mw,
        facility_mw,
        step_h,
        battery_energy_factor,
        &always,
        out,
    )
}

/// The first step of the weather `w` in which each backup unit serves (scenario order): 0
/// without `available_from` or when it falls before the run, `w.len()` when after. Steps are
/// dated at their middle in the site's legal time, as rack groups come online.
pub fn backup_available_from_steps(s: &Scenario, w: &Weather) -> Vec<usize> {
    let n = w.len();
    let month_of_step = |i: usize| {
        let t = w.time_unix_s(i) + w.step_s / 2;
        let local = t + s.site.legal_offset_s(t);
        let (y, m, _) = weather::civil_from_days(local.div_euclid(86_400));
        y * 12 + m as i64 - 1
    };
    s.backup
        .iter()
        .map(|u| match u.available_from {
            // Months only grow along the run: the first step of the month or later.
            Some(ym) => {
                let (mut lo, mut hi) = (0, n);
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if month_of_step(mid) < ym.month_index() {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                lo
            }
            None => 0,
        })
        .collect()
}

/// For a study that takes each backup unit to serve every step of the run or none (sizing,
/// adequacy): the message, in the words of `message_id` (its placeholders `path`, `name` and
/// `month`), about the first unit that comes within a run of `n` steps, given the step each
/// unit serves from ([`backup_available_from_steps`]), if any.
pub fn unit_coming_within_run(
    s: &Scenario,
    from: &[usize],
    n: usize,
    message_id: &str,
) -> Option<String> {
    let (i, u) = s
        .backup
        .iter()
        .enumerate()
        .find(|(i, _)| from[*i] > 0 && from[*i] < n)?;
    Some(dakhla_i18n::tr!(
        message_id,
        path = format!("backup[{i}].available_from"),
        name = crate::text::shorten(&u.name),
        month = u.available_from.map(|m| m.to_string()).unwrap_or_default()
    ))
}

/// [`run_dispatch_aged`] with each backup unit serving from step `available_from[k]` (scenario
/// order; [`backup_available_from_steps`]). Surplus the battery cannot take is exported
/// through the units that export, the highest price first.
pub fn run_dispatch_scheduled(
    s: &Scenario,
    supply_mw: &[&[f64]],
    facility_mw: &[f64],
    step_h: f64,
    battery_energy_factor: f64,
    available_from: &[usize],
    out: &mut DispatchSeries,
) -> (DispatchTotals, BatteryLimits) {
    let stores = s.stores(step_h, battery_energy_factor);
    let order = backup_merit_order(s);
    let from = |i: usize| available_from.get(i).copied().unwrap_or(0);
    let backup: Vec<BackupDispatch> = order
        .iter()
        .map(|&i| BackupDispatch {
            capacity_mw: s.backup[i].capacity_mw,
            carbon_free_frac: s.backup[i].carbon_free_frac,
            export_mw: s.backup[i].export_capacity_mw,
            available_from_step: from(i),
        })
        .collect();
    let mut totals = dispatch::dispatch_with_foresight(
        supply_mw,
        facility_mw,
        step_h,
        &stores,
        &backup,
        s.simulation.dispatch.horizon_steps(step_h),
        out,
    );
    let mut per_unit = vec![0.0; s.backup.len()];
    for (k, &i) in order.iter().enumerate() {
        per_unit[i] = totals.backup_unit_mwh[k];
    }
    totals.backup_unit_mwh = per_unit;
    totals.exported_unit_mwh = vec![0.0; s.backup.len()];
    if totals.exported_mwh > 0.0 {
        // Each step's export goes to the best-paying link that serves then.
        let mut by_price: Vec<usize> = (0..s.backup.len())
            .filter(|&i| s.backup[i].export_capacity_mw > 0.0)
            .collect();
        by_price.sort_by(|&a, &b| {
            s.backup[b]
                .export_price_per_mwh
                .total_cmp(&s.backup[a].export_price_per_mwh)
                .then(a.cmp(&b))
        });
        for (i, &x) in out.exported_mw.iter().enumerate() {
            let mut left = x;
            for &k in &by_price {
                if i >= from(k) && left > 0.0 {
                    let take = left.min(s.backup[k].export_capacity_mw);
                    totals.exported_unit_mwh[k] += take * step_h;
                    left -= take;
                }
            }
        }
    }
    (totals, stores[0].limits)
}

/// What the planner should know about a run besides the scenario's own warnings: the weather's
/// notes, a weather period that is not one year (what it covers and what is scaled), a CSV
/// whose dates are of another year than `simulation.year`, and racks beyond the power cap.
fn run_notes(
    s: &Scenario,
    w: &Weather,
    capacity: &load::CapacityCheck,
    weather_notes: &[String],
) -> Vec<String> {
    let mut notes = weather_notes.to_vec();
    let period_h = w.len() as f64 * w.step_h();
    let day = |i: usize| {
        let (y, m, d) = weather::civil_from_days(w.time_unix_s(i).div_euclid(86_400));
        format!("{y}-{m:02}-{d:02}")
    };
    if !w.is_empty() && !(8760.0 - 0.5..=8784.0 + 0.5).contains(&period_h) {
        let days = period_h / 24.0;
        notes.push(format!(
            "weather: the weather covers {} ({} to {}), {} a year: energies, hours, shares and \
             capacity factors are those of this period; costs, LCOE and CO2 are per year (the \
             fuel and variable costs of the period scaled to 8760 h)",
            if days < 2.0 {
                format!("{period_h:.0} hours")
            } else {
                format!("{days:.1} days")
            },
            day(0),
            day(w.len() - 1),
            if period_h < 8760.0 {
                "less than"
            } else {
                "more than"
            }
        ));
    }
    if matches!(s.weather, WeatherSource::Csv { .. }) && !w.is_empty() {
        let (first_year, _, _) = weather::civil_from_days(w.time_unix_s(0).div_euclid(86_400));
        if first_year != i64::from(s.simulation.year) {
            notes.push(format!(
                "weather: the CSV weather's timestamps are of {first_year} while \
                 simulation.year is {}; a CSV file keeps its own dates (rack groups come online \
                 by them)",
                s.simulation.year
            ));
        }
        let (last_year, last_month, _) =
            weather::civil_from_days(w.time_unix_s(w.len() - 1).div_euclid(86_400));
        for (i, g) in s.datacenter.rack_groups.iter().enumerate() {
            if let Some(ym) = g.online_from
                && (i64::from(ym.year), ym.month) > (last_year, last_month)
            {
                notes.push(format!(
                    "datacenter.rack_groups[{i}].online_from: \"{}\" comes online in {ym}, after \
                     the weather's last day ({}): it draws no power in this run",
                    g.name,
                    day(w.len() - 1)
                ));
            }
        }
    }
    if capacity.racks_fit_under_cap < capacity.racks_total {
        let groups: Vec<_> = s
            .datacenter
            .rack_groups
            .iter()
            .map(crate::scenario::RackGroup::load_model)
            .collect();
        let advice = capacity
            .advice(&groups, None)
            .map_or_else(String::new, |a| {
                let g = &s.datacenter.rack_groups[a.group];
                format!("; {}", a.text(&g.name, g.kw_per_rack))
            });
        notes.push(format!(
            "datacenter.facility_power_cap_mw: the racks need {:.1} MW at nameplate, more than \
             the {} MW cap: {} of {} racks fit under it (all of them are simulated){advice}",
            capacity.facility_design_mw,
            capacity.cap_mw,
            capacity.racks_fit_under_cap,
            capacity.racks_total
        ));
    }
    notes
}

/// What the planner should know about the backup's dates and exports: a unit that serves only
/// part of the run or none of it, and exports beyond the share of production Moroccan law lets
/// a renewable producer sell.
fn grid_notes(s: &Scenario, available_from: &[usize], n: usize, t: &DispatchTotals) -> Vec<String> {
    use crate::text::figure;
    let mut notes = Vec::new();
    for (i, (u, &from)) in s.backup.iter().zip(available_from).enumerate() {
        let Some(ym) = u.available_from else { continue };
        let name = crate::text::shorten(&u.name);
        if from >= n {
            notes.push(dakhla_i18n::tr!(
                "engine-backup-after-run",
                path = format!("backup[{i}].available_from"),
                name = name,
                month = ym.to_string()
            ));
        } else if from > 0 {
            notes.push(dakhla_i18n::tr!(
                "engine-backup-part-run",
                path = format!("backup[{i}].available_from"),
                name = name,
                month = ym.to_string(),
                pct = dakhla_i18n::number(100.0 * (n - from) as f64 / n as f64, 1)
            ));
        }
    }
    let produced: f64 = t.supply_mwh.iter().sum();
    if t.exported_mwh > MAX_SURPLUS_SALE_FRAC * produced && produced > 0.0 {
        notes.push(dakhla_i18n::tr!(
            "engine-export-over-law",
            pct = dakhla_i18n::number(100.0 * t.exported_mwh / produced, 1),
            limit = figure(100.0 * MAX_SURPLUS_SALE_FRAC)
        ));
    }
    notes
}

/// The share of its yearly production a renewable producer may sell to Morocco's grid: law
/// 13-09 as amended by law 58-15 (2015) caps surplus sales at 20 % (climate-laws.org, "Law
/// 13-09 on renewable energy").
pub const MAX_SURPLUS_SALE_FRAC: f64 = 0.2;

/// Refuse weather that covers less than a year where a year is needed (`what` says for what):
/// a week counted as a year would make every annual figure wrong.
pub fn require_a_year(w: &Weather, what: &str) -> Result<(), SimError> {
    let period_h = w.len() as f64 * w.step_h();
    if period_h >= 8760.0 - 0.5 {
        return Ok(());
    }
    let (y, m, d) = weather::civil_from_days(w.time_unix_s(0).div_euclid(86_400));
    Err(SimError::NotAYear(format!(
        "{}: it covers {:.1} days from {y}-{m:02}-{d:02}, not a whole year; {what} needs a \
         year of weather (8760 hours, all seasons)",
        w.source,
        period_h / 24.0
    )))
}

/// Refuse results that are not finite numbers: validation keeps every input in a range where
/// they are, so this is a guard against a silent wrong answer, never the normal path.
fn check_finite(k: &Kpis) -> Result<(), SimError> {
    let named = [
        ("it_energy_mwh", k.it_energy_mwh),
        ("facility_energy_mwh", k.facility_energy_mwh),
        ("pue_mean", k.pue_mean),
        ("pue_peak", k.pue_peak),
        ("peak_facility_mw", k.peak_facility_mw),
        ("backup_energy_mwh", k.backup_energy_mwh),
        ("unmet_energy_mwh", k.unmet_energy_mwh),
        ("capex_usd", k.capex_usd),
        ("opex_usd_per_year", k.opex_usd_per_year),
        ("annualized_cost_usd", k.annualized_cost_usd),
        ("net_present_cost_usd", k.net_present_cost_usd),
        ("co2_tonnes", k.co2_tonnes),
    ];
    match named.iter().find(|(_, v)| !v.is_finite()) {
        Some((name, v)) => Err(SimError::NotFinite(format!(
            "{name} came out as {v}: the inputs lie outside what the models can compute; check \
             the values far from their typical ranges"
        ))),
        None => Ok(()),
    }
}

/// The largest sum of `values` over one local day (legal time, `legal_offset_s` of a UTC
/// instant) of the weather's steps.
fn per_local_day(values: &[f64], w: &Weather, legal_offset_s: impl Fn(i64) -> i64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut current: Option<(i64, f64)> = None;
    for (i, v) in values.iter().enumerate() {
        let t = w.start_unix_s + i as i64 * w.step_s;
        let day = (t + legal_offset_s(t)).div_euclid(86_400);
        current = match current {
            Some((d, sum)) if d == day => Some((d, sum + v)),
            Some((_, sum)) => {
                out.push(sum);
                Some((day, *v))
            }
            None => Some((day, *v)),
        };
    }
    out.extend(current.map(|(_, sum)| sum));
    out
}

/// The thermodynamic wet bulb of each step of `w` [C] (100 % and sea-level pressure where the
/// weather has none).
fn wet_bulb_series_c(w: &Weather) -> Vec<f64> {
    (0..w.len())
        .map(|i| {
            let (t, rh, p) = (
                w.temp_air_c[i],
                w.relative_humidity_pct.get(i).copied().unwrap_or(100.0),
                w.pressure_pa.get(i).copied().unwrap_or(101_325.0),
            );
            crate::model::psychrometrics::wet_bulb_c(t, rh, p)
        })
        .collect()
}

/// The mean PUE of a run whose load on the campus supply, `load_mwh`, holds `desalination_mwh`
/// of the campus desalination plant: the PUE is the facility's, the plant is not the
/// datacenter's. None without IT energy.
fn facility_pue(load_mwh: f64, desalination_mwh: f64, it_mwh: f64) -> Option<f64> {
    (it_mwh > 0.0).then(|| (load_mwh - desalination_mwh) / it_mwh)
}

/// The water KPIs, the water's cost (added to `costs` and the cost KPIs; not to the LCOE,
/// which prices energy) and the water targets of a run; returns its notes on the water supply
/// (a plant or an allocation too small). `daily_m3`: the water of each local day.
fn water_kpis(
    s: &Scenario,
    k: &mut Kpis,
    costs: &mut economics::Costs,
    water_m3: &[f64],
    daily_m3: &[f64],
    period_h: f64,
) -> Vec<String> {
    use crate::scenario::WaterSupply;
    let mut notes = Vec::new();
    k.water_m3 = water_m3.iter().sum();
    k.wue_l_per_kwh = crate::model::water::wue_l_per_kwh(k.water_m3, k.it_energy_mwh);
    k.peak_water_m3_per_day = daily_m3.iter().copied().fold(0.0, f64::max);
    let supply = &s.datacenter.water_supply;
    k.desalination_energy_mwh = k.water_m3 * supply.campus_kwh_per_m3() / 1000.0;
    if let Some(p) = facility_pue(
        k.facility_energy_mwh,
        k.desalination_energy_mwh,
        k.it_energy_mwh,
    ) {
        k.pue_mean = p;
    }
    let usd = economics::add_water(costs, s, k.water_m3, period_h);
    k.water_cost_usd_per_year = usd;
    k.opex_usd_per_year += usd;
    k.annualized_cost_usd += usd;
    k.net_present_cost_usd = costs.net_present_cost_usd;
    if let Some(v) = s.targets.max_wue_l_per_kwh {
        k.targets
            .push(kpis::status("wue_l_per_kwh", "max", v, k.wue_l_per_kwh));
    }
    let m3 = |v: f64| dakhla_i18n::number(v, 0);
    match supply {
        WaterSupply::Desalination(d) if d.capacity_m3_per_day > 0.0 => {
            k.targets.push(kpis::status(
                "peak_water_m3_per_day",
                "max",
                d.capacity_m3_per_day,
                k.peak_water_m3_per_day,
            ));
            let short: Vec<f64> = daily_m3
                .iter()
                .map(|v| v - d.capacity_m3_per_day)
                .filter(|v| *v > 1e-9)
                .collect();
            if !short.is_empty() {
                notes.push(dakhla_i18n::tr!(
                    "engine-desalination-short",
                    capacity = m3(d.capacity_m3_per_day),
                    days = short.len(),
                    peak = m3(k.peak_water_m3_per_day),
                    short = m3(short.iter().sum())
                ));
            }
        }
        WaterSupply::Allocation(a) => {
            let year_m3 = if period_h > 0.0 {
                k.water_m3 * 8760.0 / period_h
            } else {
                0.0
            };
            k.targets
                .push(kpis::status("water_m3", "max", a.max_m3_per_yr, year_m3));
            if year_m3 > a.max_m3_per_yr + 1e-9 {
                notes.push(dakhla_i18n::tr!(
                    "engine-water-allocation-short",
                    allocation = m3(a.max_m3_per_yr),
                    need = m3(year_m3)
                ));
            }
        }
        WaterSupply::Desalination(_) => {}
    }
    k.all_targets_met = k.targets.iter().all(|t| t.met);
    notes
}

fn empty_weather() -> Weather {
    Weather {
        file_sha256: None,
        start_unix_s: 0,
        step_s: 3600,
        ghi_w_m2: Vec::new(),
        dni_w_m2: Vec::new(),
        dhi_w_m2: Vec::new(),
        temp_air_c: Vec::new(),
        wind_speed_m_s: Vec::new(),
        pressure_pa: Vec::new(),
        relative_humidity_pct: Vec::new(),
        wind_height_m: 10.0,
        source: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::WeatherSource;

    /// The results carry the site's clock for charts that show legal time, while the series
    /// themselves stay in UTC: the offset changes no step's time.
    #[test]
    fn results_carry_the_site_utc_offset() {
        let mut s = Scenario::dakhla_reference();
        let dir = Path::new(".");
        let dakhla = Engine::new().run(&s, dir).unwrap();
        assert_eq!(dakhla.utc_offset_h, 1.0, "Morocco's legal time is UTC+1");
        s.site.utc_offset_h = -3.5;
        let other = Engine::new().run(&s, dir).unwrap();
        assert_eq!(other.utc_offset_h, -3.5);
        assert_eq!(other.weather.start_unix_s, dakhla.weather.start_unix_s);
    }

    #[test]
    fn in_ramadan_the_load_follows_the_clocks_moved_back_an_hour() {
        // The reference's cloud halls follow the working day by legal hour. With Morocco's
        // Ramadan time (UTC+0 from 2029-01-14 02:00 to 2029-02-18 02:00 UTC, and from
        // 2029-12-30 02:00 UTC), a UTC hour in those weeks is one legal hour earlier, so it
        // draws what the hour before drew with UTC+1 all year; elsewhere nothing moves.
        let mut s = Scenario::dakhla_reference();
        let dir = Path::new(".");
        let all_year = Engine::new().run(&s, dir).unwrap();
        s.site.ramadan_utc_offset_h = Some(0.0);
        let ramadan = Engine::new().run(&s, dir).unwrap();
        assert_eq!(
            ramadan.legal_offset_h_at(all_year.weather.start_unix_s),
            1.0
        );
        let w = &all_year.weather;
        let (mut moved, mut kept) = (0, 0);
        for i in 1..w.len() {
            let t = w.time_unix_s(i) + w.step_s / 2;
            let (a, r) = (all_year.it_load_mw[i], ramadan.it_load_mw[i]);
            if crate::calendar::in_morocco_ramadan(t) {
                assert_eq!(ramadan.legal_offset_h_at(t), 0.0);
                // Same weather, same groups: the hour before at UTC+1 is this hour at UTC+0.
                assert!((r - all_year.it_load_mw[i - 1]).abs() < 1e-9, "step {i}");
                moved += usize::from((r - a).abs() > 1e-9);
            } else {
                assert_eq!(r, a, "step {i}");
                kept += 1;
            }
        }
        // Five weeks in January and February and the last two days of December.
        assert!(moved > 500 && kept > 7000, "{moved} {kept}");
    }

    /// At 15 minutes the hourly weather is resampled with the sun at the fine steps; a new
    /// weather year must reuse that sun, not compute it again (the GUI's "new seed" edit and the
    /// `sun_cached_15min` benchmark), and give exactly what a fresh engine gives.
    #[test]
    fn the_fine_sun_is_reused_when_only_the_weather_changes() {
        let mut s = Scenario::dakhla_reference();
        s.simulation.timestep_min = 15;
        let dir = Path::new(".");
        let mut engine = Engine::new();
        engine.run(&s, dir).unwrap();
        let first = engine.sun.as_ref().map(|(_, v)| v.clone()).unwrap();
        assert_eq!(first.len(), 35_040);

        s.weather = WeatherSource::Synthetic {
            seed: 77,
            year: s.simulation.year,
        };
        assert!(engine.needs_weather_or_sun(&s, dir));
        let warm = engine.run(&s, dir).unwrap();
        let second = engine.sun.as_ref().map(|(_, v)| v.clone()).unwrap();
        assert!(Arc::ptr_eq(&first, &second), "the sun was computed again");

        let cold = Engine::new().run(&s, dir).unwrap();
        assert_eq!(warm.solar_mw(), cold.solar_mw());
        assert_eq!(warm.kpis.cfe_score.to_bits(), cold.kpis.cfe_score.to_bits());
    }
}
