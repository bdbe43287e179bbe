//! Schema versions of the scenario file and the migration of older files.
//!
//! Every file carries `schema_version`. A file of an older version is read with that version's
//! types and converted step by step to the current one; each step says, per field, what changed
//! and why, so the planner who opens a colleague's old file knows what the program did. A file
//! newer than this program is refused with a clear message (see `io`).
//!
//! The migrated *text* keeps the planner's comments and layout: each step edits only the fields
//! it changes, and the edited text is parsed again and must give exactly the migrated scenario.
//! Where that fails (unusual formatting), the file is written in the canonical layout instead and
//! the notes say that comments were not kept.
//!
//! # Versions
//! - **1** (first release): a rack group comes online at `online_from_month`, a month (1..=12)
//!   of the simulated year.
//! - **2**: `online_from: Some((year: 2027, month: 3))`, a calendar month, or `None` for the
//!   whole simulated year, so that a build-out can run over several years (2026-2030 at
//!   Dakhla). A schema 1 month m > 1 becomes that month of the simulated year; month 1 becomes
//!   `None`. Results are unchanged.
//! - **3**: failure data for reliability runs. Each backup entry gets `unit_count` (identical
//!   units sharing `capacity_mw`), `forced_outage_rate`, `mean_time_to_repair_h` and
//!   `start_failure_prob`; wind farms get turbine outages, solar plants inverter outages and the
//!   battery power-block outages (size, forced outage rate, repair time). A schema 2 file gets
//!   the registry's defaults of each kind, written into the file with a note for each entry;
//!   a capacity is split into units of the kind's typical size. Simulation and optimization
//!   results are unchanged (they do not draw failures).
//! - **4**: money in the scenario's currency. `economics.currency` (USD, EUR or MAD),
//!   `economics.exchange_rates` (with their date and source) and `economics.cost_basis` (the
//!   cost set the figures come from); the cost fields lose the `usd` of their names
//!   (`capex_usd_per_kw` becomes `capex_per_kw`, `fuel_cost_usd_per_mwh_th` becomes
//!   `fuel_cost_per_mwh_th`, ...), since their unit is now the stated currency. A schema 3
//!   file is in US dollars: it gets `currency: USD`,
//!   the default rates, and the cost basis `NrelAtb2024` when its figures are that set's
//!   (else `Custom`). Results are unchanged.

use super::io::{
    LoadError, Problem, blank_comments_and_strings, find_key, locate, locate_in, parse_as,
};
use super::{
    BackupKind, CapBasis, Cooling, DailyProfile, Economics, Meta, Mounting, OptimizerSettings,
    SCHEMA_VERSION, Scenario, Simulation, Site, Targets, TranspositionModel, TurbineChoice,
    WeatherSource, YearMonth,
};
use serde::{Deserialize, Serialize};

/// What changed when an older file was brought to the current schema.
#[derive(Clone, Debug, PartialEq)]
pub struct Migration {
    /// The schema version the file was written in.
    pub from_version: u32,
    /// One note per changed field, located in the original file where possible.
    pub notes: Vec<Problem>,
    /// Whether the migrated text keeps the file's comments and layout (else it is written in the
    /// program's canonical layout).
    pub comments_kept: bool,
}

impl Migration {
    /// A one-line summary for a status bar or the head of a report.
    pub fn summary(&self) -> String {
        dakhla_i18n::tr!(
            "core-migration-summary",
            from = self.from_version.to_string(),
            to = SCHEMA_VERSION.to_string(),
            changes = self.notes.len()
        )
    }
}

/// A scenario read from text of any supported schema version.
#[derive(Clone, Debug, PartialEq)]
pub struct Upgraded {
    pub scenario: Scenario,
    /// The file's text in the current schema: the input itself when it was current.
    pub text: String,
    /// `None` when the file was already in the current schema.
    pub migration: Option<Migration>,
}

/// A cost figure added to the current schema after files were written in it
/// (`economics.water_per_m3`): a file without it means its cost set's figure, in its currency,
/// not the registry's US-dollar default. Filled from the scenario's cost set (NREL ATB 2024
/// for `Custom`), converted to its currency.
pub(crate) fn fill_figures_added_since(scenario: &mut Scenario, text: &str) {
    const WATER: &str = "economics.water_per_m3";
    if locate(text, WATER).is_none()
        && let Some(v) = super::money::set_figure(&scenario.economics, WATER)
    {
        scenario.economics.water_per_m3 = v;
    }
}

/// The `schema_version` written in the text, if it can be read as a plain number.
pub(crate) fn written_version(text: &str) -> Option<u32> {
    let code = blank_comments_and_strings(text);
    let at = find_key(&code, "schema_version", 0)?;
    let rest = code[at + "schema_version".len()..].trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    digits.parse().ok()
}

/// Parse scenario text of any supported version, migrating an older one. Syntax and type
/// errors are reported against the file's own version; validation happens after migration.
pub(crate) fn upgrade(text: &str, file: &str) -> Result<Upgraded, LoadError> {
    let (from_version, v2, v2_text, mut notes, mut comments_kept) = match written_version(text) {
        Some(3) => return upgrade_v3(text, file),
        Some(1) => {
            let old: v1::Scenario = parse_as(text, file)?;
            let (v2, notes) = v1_to_v2(old, text);
            let (v2_text, kept) = match edit_v1_text(text, &v2) {
                Some(t) => (t, true),
                None => (canonical(&v2, file)?, false),
            };
            (1, v2, v2_text, notes, kept)
        }
        Some(2) => {
            let v2: v2::Scenario = parse_as(text, file)?;
            (2, v2, text.to_owned(), Vec::new(), true)
        }
        _ => {
            // Current, newer or unreadable versions: the current parser reports what is wrong.
            let mut scenario: Scenario = parse_as(text, file)?;
            fill_figures_added_since(&mut scenario, text);
            return Ok(Upgraded {
                scenario,
                text: text.to_owned(),
                migration: None,
            });
        }
    };
    let v2_canonical = canonical(&v2, file)?;
    let (v3, notes_3) = v2_to_v3(v2, &v2_text);
    notes.extend(notes_3);
    let (scenario, notes_4) = v3_to_v4(v3, &v2_text);
    notes.extend(notes_4);
    let text = match super::layout::keep_layout_from(
        &rename_money_keys(&v2_text),
        &rename_money_keys(&v2_canonical),
        &scenario,
    ) {
        Some(t) if comments_kept => t,
        _ => {
            comments_kept = false;
            super::to_ron_string(&scenario).map_err(|e| cannot_write(file, e))?
        }
    };
    Ok(Upgraded {
        scenario,
        text,
        migration: Some(Migration {
            from_version,
            notes,
            comments_kept,
        }),
    })
}

fn cannot_write(file: &str, e: ron::Error) -> LoadError {
    LoadError::Parse {
        file: file.to_owned(),
        problem: Problem {
            path: String::new(),
            message: dakhla_i18n::tr!("core-migration-cannot-write", error = e.to_string()),
            position: None,
        },
    }
}

/// A schema 2 scenario in the canonical layout (what the migration's text edit compares with).
fn canonical(v2: &v2::Scenario, file: &str) -> Result<String, LoadError> {
    super::io::canonical_ron(v2).map_err(|e| cannot_write(file, e))
}

/// Migration notes located in the file's text, at most.
const MAX_LOCATED_NOTES: usize = 100;

/// Schema 1 -> 2: `online_from_month` (a month of the simulated year) becomes `online_from`
/// (a calendar month, or `None` for month 1).
fn v1_to_v2(old: v1::Scenario, text: &str) -> (v2::Scenario, Vec<Problem>) {
    let year = match old.weather {
        WeatherSource::Synthetic { year, .. } => year,
        _ => old.simulation.year,
    };
    let mut notes = vec![Problem {
        path: "schema_version".into(),
        message: dakhla_i18n::tr!("core-migration-1-to-2"),
        position: locate(text, "schema_version"),
    }];
    // Locating a note costs a pass over the text: the first notes get a position, enough for
    // any real build-out (a file with more groups than allowed is refused by validation).
    let code = blank_comments_and_strings(text);
    let rack_groups = old
        .datacenter
        .rack_groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let online_from = (g.online_from_month != 1).then_some(YearMonth {
                year,
                month: g.online_from_month,
            });
            let old_path = format!("datacenter.rack_groups[{i}].online_from_month");
            let message = match online_from {
                Some(ym) => dakhla_i18n::tr!(
                    "core-migration-online-month",
                    old = g.online_from_month.to_string(),
                    year = ym.year.to_string(),
                    month = ym.month.to_string(),
                    simulated = year.to_string()
                ),
                None => dakhla_i18n::tr!(
                    "core-migration-online-whole-year",
                    old = g.online_from_month.to_string()
                ),
            };
            notes.push(Problem {
                position: (i < MAX_LOCATED_NOTES)
                    .then(|| locate_in(text, &code, &old_path))
                    .flatten(),
                path: old_path,
                message,
            });
            super::RackGroup {
                name: g.name,
                count: g.count,
                kw_per_rack: g.kw_per_rack,
                utilization: g.utilization,
                profile: g.profile,
                online_from,
                flexibility: None,
            }
        })
        .collect();
    let scenario = v2::Scenario {
        schema_version: 2,
        meta: old.meta,
        site: old.site,
        weather: old.weather,
        simulation: old.simulation,
        datacenter: super::Datacenter {
            facility_power_cap_mw: old.datacenter.facility_power_cap_mw,
            cap_applies_to: old.datacenter.cap_applies_to,
            rack_groups,
            cooling: old.datacenter.cooling,
            heat_rejection: super::HeatRejection::DryCoolers,
            water_supply: super::WaterSupply::default(),
        },
        solar_plants: old.solar_plants,
        wind_farms: old.wind_farms,
        battery: old.battery,
        backup: old.backup,
        economics: old.economics,
        targets: old.targets,
        optimizer: old.optimizer,
    };
    (scenario, notes)
}

/// A number with up to two decimals and no trailing zeros, for the notes ("50", "0.18"; "0,18"
/// in French).
fn short(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    crate::text::local_number(if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    })
}

/// A fraction as a percentage with up to two decimals, for the notes ("3.6").
fn pct(v: f64) -> String {
    short(v * 100.0)
}

/// Schema 2 -> 3: the failure data of reliability runs, at the registry's defaults of each
/// kind, with one note per entry that received them.
fn v2_to_v3(old: v2::Scenario, text: &str) -> (v3::Scenario, Vec<Problem>) {
    let mut notes = vec![Problem {
        path: "schema_version".into(),
        message: dakhla_i18n::tr!("core-migration-2-to-3", to = "3"),
        position: locate(text, "schema_version"),
    }];
    let code = blank_comments_and_strings(text);
    let mut note = |path: String, message: String, k: usize| {
        notes.push(Problem {
            position: (k < MAX_LOCATED_NOTES)
                .then(|| locate_in(text, &code, &path))
                .flatten(),
            path,
            message,
        });
    };
    let backup = old
        .backup
        .into_iter()
        .enumerate()
        .map(|(i, u)| {
            let d = u.kind.failure_defaults();
            let unit_count = u.kind.typical_unit_count(u.capacity_mw);
            let split = if u.kind == BackupKind::GridImport {
                dakhla_i18n::tr!("core-migration-grid-link")
            } else {
                dakhla_i18n::tr!(
                    "core-migration-units",
                    count = unit_count,
                    size = short(u.capacity_mw / unit_count as f64)
                )
            };
            note(
                format!("backup[{i}]"),
                dakhla_i18n::tr!(
                    "core-migration-backup",
                    capacity = short(u.capacity_mw),
                    split = split,
                    outage = pct(d.forced_outage_rate),
                    repair = short(d.mean_time_to_repair_h),
                    start = pct(d.start_failure_prob)
                ),
                i,
            );
            v3::BackupUnit {
                name: u.name,
                kind: u.kind,
                capacity_mw: u.capacity_mw,
                efficiency: u.efficiency,
                fuel_cost_usd_per_mwh_th: u.fuel_cost_usd_per_mwh_th,
                variable_om_usd_per_mwh: u.variable_om_usd_per_mwh,
                emission_factor_t_per_mwh_th: u.emission_factor_t_per_mwh_th,
                carbon_free_frac: u.carbon_free_frac,
                unit_count,
                forced_outage_rate: d.forced_outage_rate,
                mean_time_to_repair_h: d.mean_time_to_repair_h,
                start_failure_prob: d.start_failure_prob,
            }
        })
        .collect();
    let dflt = super::fields::default_number;
    let wind_farms = old
        .wind_farms
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let farm = super::WindFarm {
                name: w.name,
                turbine: w.turbine,
                turbine_count: w.turbine_count,
                hub_height_m: w.hub_height_m,
                measurement_height_m: w.measurement_height_m,
                shear_exponent: w.shear_exponent,
                losses_pct: w.losses_pct,
                turbine_forced_outage_rate: dflt("wind_farms[].turbine_forced_outage_rate"),
                turbine_mean_time_to_repair_h: dflt("wind_farms[].turbine_mean_time_to_repair_h"),
            };
            note(
                format!("wind_farms[{i}]"),
                dakhla_i18n::tr!(
                    "core-migration-turbines",
                    outage = pct(farm.turbine_forced_outage_rate),
                    repair = short(farm.turbine_mean_time_to_repair_h)
                ),
                i,
            );
            farm
        })
        .collect();
    let solar_plants = old
        .solar_plants
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let plant = super::SolarPlant {
                name: p.name,
                capacity_mwdc: p.capacity_mwdc,
                dc_ac_ratio: p.dc_ac_ratio,
                mounting: p.mounting,
                losses_pct: p.losses_pct,
                gamma_pdc_per_c: p.gamma_pdc_per_c,
                inverter_eff_pct: p.inverter_eff_pct,
                albedo: p.albedo,
                degradation_pct_per_year: p.degradation_pct_per_year,
                land_use_ha_per_mwdc: p.land_use_ha_per_mwdc,
                transposition: p.transposition,
                inverter_unit_mw: dflt("solar_plants[].inverter_unit_mw"),
                inverter_forced_outage_rate: dflt("solar_plants[].inverter_forced_outage_rate"),
                inverter_mean_time_to_repair_h: dflt(
                    "solar_plants[].inverter_mean_time_to_repair_h",
                ),
            };
            note(
                format!("solar_plants[{i}]"),
                dakhla_i18n::tr!(
                    "core-migration-inverters",
                    size = short(plant.inverter_unit_mw),
                    outage = pct(plant.inverter_forced_outage_rate),
                    repair = short(plant.inverter_mean_time_to_repair_h)
                ),
                i,
            );
            plant
        })
        .collect();
    let b = old.battery;
    let battery = super::Battery {
        energy_mwh: b.energy_mwh,
        power_mw: b.power_mw,
        round_trip_eff: b.round_trip_eff,
        soc_min_frac: b.soc_min_frac,
        soc_max_frac: b.soc_max_frac,
        initial_soc_frac: b.initial_soc_frac,
        self_discharge_frac_per_day: b.self_discharge_frac_per_day,
        capacity_fade_pct_per_year: b.capacity_fade_pct_per_year,
        ..super::Battery::default()
    };
    if battery.energy_mwh > 0.0 || battery.power_mw > 0.0 {
        note(
            "battery".into(),
            dakhla_i18n::tr!(
                "core-migration-battery",
                size = short(battery.pcs_unit_mw),
                outage = pct(battery.pcs_forced_outage_rate),
                repair = short(battery.pcs_mean_time_to_repair_h)
            ),
            0,
        );
    }
    let scenario = v3::Scenario {
        schema_version: 3,
        meta: old.meta,
        site: old.site,
        weather: old.weather,
        simulation: old.simulation,
        datacenter: old.datacenter,
        solar_plants,
        wind_farms,
        battery,
        backup,
        economics: old.economics,
        targets: old.targets,
        optimizer: old.optimizer,
    };
    (scenario, notes)
}

/// The cost fields schema 4 renamed: (schema 3 name, schema 4 name).
pub const RENAMED_MONEY_FIELDS: [(&str, &str); 5] = [
    ("capex_usd_per_kw", "capex_per_kw"),
    ("capex_usd_per_kwh", "capex_per_kwh"),
    ("carbon_price_usd_per_t", "carbon_price_per_t"),
    ("fuel_cost_usd_per_mwh_th", "fuel_cost_per_mwh_th"),
    ("variable_om_usd_per_mwh", "variable_om_per_mwh"),
];

/// `text` with the cost fields' schema 3 names written as schema 4 names, as keys only
/// (comments and strings that mention them are left as written).
fn rename_money_keys(text: &str) -> String {
    let code = blank_comments_and_strings(text);
    let mut at: Vec<(usize, &str, &str)> = Vec::new();
    for (old, new) in RENAMED_MONEY_FIELDS {
        let mut from = 0;
        while let Some(k) = find_key(&code, old, from) {
            at.push((k, old, new));
            from = k + old.len();
        }
    }
    at.sort_by_key(|a| a.0);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (k, old, new) in at {
        out.push_str(&text[last..k]);
        out.push_str(new);
        last = k + old.len();
    }
    out.push_str(&text[last..]);
    out
}

/// A schema 3 file: read with its own types, brought to the current schema.
fn upgrade_v3(text: &str, file: &str) -> Result<Upgraded, LoadError> {
    let v3: v3::Scenario = parse_as(text, file)?;
    let v3_canonical = super::io::canonical_ron(&v3).map_err(|e| cannot_write(file, e))?;
    let (scenario, notes) = v3_to_v4(v3, text);
    let (text, comments_kept) = match super::layout::keep_layout_from(
        &rename_money_keys(text),
        &rename_money_keys(&v3_canonical),
        &scenario,
    ) {
        Some(t) => (t, true),
        None => (
            super::to_ron_string(&scenario).map_err(|e| cannot_write(file, e))?,
            false,
        ),
    };
    Ok(Upgraded {
        scenario,
        text,
        migration: Some(Migration {
            from_version: 3,
            notes,
            comments_kept,
        }),
    })
}

/// Schema 3 -> 4: costs in a stated currency (US dollars for every older file), cost fields
/// without `usd` in their names, and the cost basis.
fn v3_to_v4(old: v3::Scenario, text: &str) -> (Scenario, Vec<Problem>) {
    let e = old.economics;
    let cost = |c: v3::CapacityCost| super::CapacityCost {
        capex_per_kw: c.capex_usd_per_kw,
        fixed_om_pct_per_year: c.fixed_om_pct_per_year,
        lifetime_years: c.lifetime_years,
    };
    let economics = Economics {
        currency: super::money::Currency::Usd,
        exchange_rates: super::money::ExchangeRates::default(),
        cost_basis: super::money::CostBasis::NrelAtb2024,
        discount_rate: e.discount_rate,
        analysis_years: e.analysis_years,
        solar_per_kwac: cost(e.solar_per_kwac),
        wind_per_kw: cost(e.wind_per_kw),
        battery_power_per_kw: cost(e.battery_power_per_kw),
        battery_energy_per_kwh: super::EnergyCost {
            capex_per_kwh: e.battery_energy_per_kwh.capex_usd_per_kwh,
            fixed_om_pct_per_year: e.battery_energy_per_kwh.fixed_om_pct_per_year,
            lifetime_years: e.battery_energy_per_kwh.lifetime_years,
        },
        gas_turbine_per_kw: cost(e.gas_turbine_per_kw),
        diesel_genset_per_kw: cost(e.diesel_genset_per_kw),
        grid_link_per_kw: cost(e.grid_link_per_kw),
        carbon_price_per_t: e.carbon_price_usd_per_t,
        // Not in schema 3: the default, NREL ATB 2024's figure in US dollars as the file.
        water_per_m3: super::fields::default_number("economics.water_per_m3"),
    };
    let backup = old
        .backup
        .into_iter()
        .map(|u| super::BackupUnit {
            name: u.name,
            kind: u.kind,
            capacity_mw: u.capacity_mw,
            efficiency: u.efficiency,
            fuel_cost_per_mwh_th: u.fuel_cost_usd_per_mwh_th,
            variable_om_per_mwh: u.variable_om_usd_per_mwh,
            emission_factor_t_per_mwh_th: u.emission_factor_t_per_mwh_th,
            carbon_free_frac: u.carbon_free_frac,
            unit_count: u.unit_count,
            forced_outage_rate: u.forced_outage_rate,
            mean_time_to_repair_h: u.mean_time_to_repair_h,
            start_failure_prob: u.start_failure_prob,
            export_capacity_mw: 0.0,
            export_price_per_mwh: 0.0,
            available_from: None,
        })
        .collect();
    let mut scenario = Scenario {
        schema_version: SCHEMA_VERSION,
        meta: old.meta,
        site: old.site,
        weather: old.weather,
        simulation: old.simulation,
        datacenter: old.datacenter,
        solar_plants: old.solar_plants,
        wind_farms: old.wind_farms,
        battery: old.battery,
        backup,
        economics,
        targets: old.targets,
        optimizer: old.optimizer,
    };
    let edited = super::money::edited_figures(&scenario);
    if !edited.is_empty() {
        scenario.economics.cost_basis = super::money::CostBasis::Custom;
    }
    let basis = if edited.is_empty() {
        dakhla_i18n::tr!("money-migration-basis-atb")
    } else {
        dakhla_i18n::tr!("money-migration-basis-custom", count = edited.len())
    };
    let notes = vec![Problem {
        path: "schema_version".into(),
        message: dakhla_i18n::tr!(
            "money-migration-3-to-4",
            to = SCHEMA_VERSION.to_string(),
            as_of = scenario.economics.exchange_rates.as_of_text(),
            basis = basis
        ),
        position: locate(text, "schema_version"),
    }];
    (scenario, notes)
}

/// The schema 1 text with only the changed fields edited, or `None` when the edit does not
/// reproduce `migrated` exactly.
fn edit_v1_text(text: &str, migrated: &v2::Scenario) -> Option<String> {
    let code = blank_comments_and_strings(text);
    // (start, end, replacement) in byte offsets, in file order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let version_at = find_key(&code, "schema_version", 0)?;
    let (v_start, v_end) = value_span(&code, version_at + "schema_version".len())?;
    edits.push((v_start, v_end, "2".to_owned()));
    let mut from = 0;
    while let Some(at) = find_key(&code, "online_from_month", from) {
        let (start, end) = value_span(&code, at + "online_from_month".len())?;
        let month: u32 = code[start..end].parse().ok()?;
        let replacement = if month == 1 {
            "online_from: None".to_owned()
        } else {
            let year = migrated.simulated_year();
            format!("online_from: Some((year: {year}, month: {month}))")
        };
        edits.push((at, end, replacement));
        from = end;
    }
    let mut out = String::with_capacity(text.len() + 64 * edits.len());
    let mut last = 0;
    for (start, end, replacement) in edits {
        out.push_str(&text[last..start]);
        out.push_str(&replacement);
        last = end;
    }
    out.push_str(&text[last..]);
    // The edited text must parse as schema 2 and give exactly the migrated scenario.
    let reparsed: v2::Scenario = parse_as(&out, "").ok()?;
    (reparsed == *migrated).then_some(out)
}

/// Byte span of the plain integer value after a key ending at `key_end` (`: 12`).
fn value_span(code: &str, key_end: usize) -> Option<(usize, usize)> {
    let bytes = code.as_bytes();
    let mut k = key_end;
    while k < bytes.len() && bytes[k].is_ascii_whitespace() {
        k += 1;
    }
    if bytes.get(k) != Some(&b':') {
        return None;
    }
    k += 1;
    while k < bytes.len() && bytes[k].is_ascii_whitespace() {
        k += 1;
    }
    let start = k;
    while k < bytes.len() && bytes[k].is_ascii_digit() {
        k += 1;
    }
    (k > start).then_some((start, k))
}

/// The types of schema version 1 that differ from the current ones; all others are shared.
mod v1 {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Scenario {
        #[allow(dead_code)]
        pub schema_version: u32,
        #[serde(default)]
        pub meta: Meta,
        pub site: Site,
        pub weather: WeatherSource,
        #[serde(default)]
        pub simulation: Simulation,
        pub datacenter: Datacenter,
        #[serde(default)]
        pub solar_plants: Vec<v2::SolarPlant>,
        #[serde(default)]
        pub wind_farms: Vec<v2::WindFarm>,
        #[serde(default)]
        pub battery: v2::Battery,
        #[serde(default)]
        pub backup: Vec<v2::BackupUnit>,
        #[serde(default)]
        pub economics: v3::Economics,
        #[serde(default)]
        pub targets: Targets,
        #[serde(default)]
        pub optimizer: OptimizerSettings,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Datacenter {
        pub facility_power_cap_mw: f64,
        #[serde(default)]
        pub cap_applies_to: CapBasis,
        pub rack_groups: Vec<RackGroup>,
        pub cooling: Cooling,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RackGroup {
        pub name: String,
        pub count: u32,
        pub kw_per_rack: f64,
        pub utilization: f64,
        #[serde(default)]
        pub profile: DailyProfile,
        #[serde(default = "one")]
        pub online_from_month: u32,
    }

    fn one() -> u32 {
        1
    }
}

/// The types of schema version 2 that differ from the current ones (the parts that gained
/// failure data in schema 3); all others are shared.
mod v2 {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct Scenario {
        pub schema_version: u32,
        #[serde(default)]
        pub meta: Meta,
        pub site: Site,
        pub weather: WeatherSource,
        #[serde(default)]
        pub simulation: Simulation,
        pub datacenter: super::super::Datacenter,
        #[serde(default)]
        pub solar_plants: Vec<SolarPlant>,
        #[serde(default)]
        pub wind_farms: Vec<WindFarm>,
        #[serde(default)]
        pub battery: Battery,
        #[serde(default)]
        pub backup: Vec<BackupUnit>,
        #[serde(default)]
        pub economics: v3::Economics,
        #[serde(default)]
        pub targets: Targets,
        #[serde(default)]
        pub optimizer: OptimizerSettings,
    }

    impl Scenario {
        pub fn simulated_year(&self) -> i32 {
            match self.weather {
                WeatherSource::Synthetic { year, .. } => year,
                _ => self.simulation.year,
            }
        }
    }

    fn dflt(path: &str) -> f64 {
        super::super::fields::default_number(path)
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct SolarPlant {
        pub name: String,
        pub capacity_mwdc: f64,
        #[serde(default = "dc_ac_ratio")]
        pub dc_ac_ratio: f64,
        pub mounting: Mounting,
        #[serde(default = "pv_losses")]
        pub losses_pct: f64,
        #[serde(default = "gamma")]
        pub gamma_pdc_per_c: f64,
        #[serde(default = "inverter_eff")]
        pub inverter_eff_pct: f64,
        #[serde(default = "albedo")]
        pub albedo: f64,
        #[serde(default = "pv_degradation")]
        pub degradation_pct_per_year: f64,
        #[serde(default = "pv_land")]
        pub land_use_ha_per_mwdc: f64,
        #[serde(default)]
        pub transposition: TranspositionModel,
    }

    fn dc_ac_ratio() -> f64 {
        dflt("solar_plants[].dc_ac_ratio")
    }
    fn pv_losses() -> f64 {
        dflt("solar_plants[].losses_pct")
    }
    fn gamma() -> f64 {
        dflt("solar_plants[].gamma_pdc_per_c")
    }
    fn inverter_eff() -> f64 {
        dflt("solar_plants[].inverter_eff_pct")
    }
    fn albedo() -> f64 {
        dflt("solar_plants[].albedo")
    }
    fn pv_degradation() -> f64 {
        dflt("solar_plants[].degradation_pct_per_year")
    }
    fn pv_land() -> f64 {
        dflt("solar_plants[].land_use_ha_per_mwdc")
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct WindFarm {
        pub name: String,
        pub turbine: TurbineChoice,
        pub turbine_count: u32,
        pub hub_height_m: f64,
        #[serde(default = "measurement_height")]
        pub measurement_height_m: f64,
        pub shear_exponent: f64,
        pub losses_pct: f64,
    }

    fn measurement_height() -> f64 {
        dflt("wind_farms[].measurement_height_m")
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(default, deny_unknown_fields)]
    pub struct Battery {
        pub energy_mwh: f64,
        pub power_mw: f64,
        pub round_trip_eff: f64,
        pub soc_min_frac: f64,
        pub soc_max_frac: f64,
        pub initial_soc_frac: f64,
        pub self_discharge_frac_per_day: f64,
        pub capacity_fade_pct_per_year: f64,
    }

    impl Default for Battery {
        fn default() -> Self {
            let b = super::super::Battery::default();
            Battery {
                energy_mwh: b.energy_mwh,
                power_mw: b.power_mw,
                round_trip_eff: b.round_trip_eff,
                soc_min_frac: b.soc_min_frac,
                soc_max_frac: b.soc_max_frac,
                initial_soc_frac: b.initial_soc_frac,
                self_discharge_frac_per_day: b.self_discharge_frac_per_day,
                capacity_fade_pct_per_year: b.capacity_fade_pct_per_year,
            }
        }
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct BackupUnit {
        pub name: String,
        pub kind: BackupKind,
        pub capacity_mw: f64,
        pub efficiency: f64,
        pub fuel_cost_usd_per_mwh_th: f64,
        #[serde(default)]
        pub variable_om_usd_per_mwh: f64,
        pub emission_factor_t_per_mwh_th: f64,
        #[serde(default)]
        pub carbon_free_frac: f64,
    }
}

/// The types of schema version 3 that differ from the current ones: the cost fields with `usd`
/// in their names, no currency, no grid export.
mod v3 {
    use super::*;
    use crate::scenario::{Battery, Datacenter, SolarPlant, WindFarm};

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct Scenario {
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
        #[serde(default)]
        pub optimizer: OptimizerSettings,
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct BackupUnit {
        pub name: String,
        pub kind: BackupKind,
        pub capacity_mw: f64,
        pub efficiency: f64,
        pub fuel_cost_usd_per_mwh_th: f64,
        #[serde(default)]
        pub variable_om_usd_per_mwh: f64,
        pub emission_factor_t_per_mwh_th: f64,
        #[serde(default)]
        pub carbon_free_frac: f64,
        pub unit_count: u32,
        pub forced_outage_rate: f64,
        pub mean_time_to_repair_h: f64,
        pub start_failure_prob: f64,
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct CapacityCost {
        pub capex_usd_per_kw: f64,
        pub fixed_om_pct_per_year: f64,
        pub lifetime_years: f64,
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct EnergyCost {
        pub capex_usd_per_kwh: f64,
        pub fixed_om_pct_per_year: f64,
        pub lifetime_years: f64,
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(default, deny_unknown_fields)]
    pub struct Economics {
        pub discount_rate: f64,
        pub analysis_years: u32,
        pub solar_per_kwac: CapacityCost,
        pub wind_per_kw: CapacityCost,
        pub battery_power_per_kw: CapacityCost,
        pub battery_energy_per_kwh: EnergyCost,
        pub gas_turbine_per_kw: CapacityCost,
        pub diesel_genset_per_kw: CapacityCost,
        pub grid_link_per_kw: CapacityCost,
        pub carbon_price_usd_per_t: f64,
    }

    impl From<&crate::scenario::CapacityCost> for CapacityCost {
        fn from(c: &crate::scenario::CapacityCost) -> Self {
            Self {
                capex_usd_per_kw: c.capex_per_kw,
                fixed_om_pct_per_year: c.fixed_om_pct_per_year,
                lifetime_years: c.lifetime_years,
            }
        }
    }

    /// Schema 3's defaults were the program's US defaults: today's defaults in US dollars.
    impl Default for Economics {
        fn default() -> Self {
            let e = super::Economics::default();
            Self {
                discount_rate: e.discount_rate,
                analysis_years: e.analysis_years,
                solar_per_kwac: (&e.solar_per_kwac).into(),
                wind_per_kw: (&e.wind_per_kw).into(),
                battery_power_per_kw: (&e.battery_power_per_kw).into(),
                battery_energy_per_kwh: EnergyCost {
                    capex_usd_per_kwh: e.battery_energy_per_kwh.capex_per_kwh,
                    fixed_om_pct_per_year: e.battery_energy_per_kwh.fixed_om_pct_per_year,
                    lifetime_years: e.battery_energy_per_kwh.lifetime_years,
                },
                gas_turbine_per_kw: (&e.gas_turbine_per_kw).into(),
                diesel_genset_per_kw: (&e.diesel_genset_per_kw).into(),
                grid_link_per_kw: (&e.grid_link_per_kw).into(),
                carbon_price_usd_per_t: e.carbon_price_per_t,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1_REFERENCE: &str =
        include_str!("../../../../tests/fixtures/schema/v1-dakhla-500mw.ron");

    #[test]
    fn schema_1_file_migrates_with_its_comments_and_says_what_changed() {
        let u = super::super::upgrade_str(V1_REFERENCE, "v1.ron").unwrap();
        let m = u.migration.as_ref().expect("a schema 1 file is migrated");
        assert_eq!(m.from_version, 1);
        assert!(m.comments_kept);
        // Schema 1 -> 2: one note for the version and one per rack group, each located in the
        // old file; 2 -> 3: one for the version, one per backup unit (2), wind farm, solar plant
        // and the battery; 3 -> 4: one for the version (costs in USD, fields renamed).
        assert_eq!(m.notes.len(), 11, "{:#?}", m.notes);
        assert!(m.notes[10].message.starts_with("schema version 3 became 4"));
        assert_eq!(
            u.scenario.economics.currency,
            super::super::money::Currency::Usd
        );
        assert_eq!(
            u.scenario.economics.cost_basis,
            super::super::money::CostBasis::NrelAtb2024
        );
        assert!(m.notes[4].message.starts_with("schema version 2 became 3"));
        assert_eq!(m.notes[5].path, "backup[0]");
        assert!(
            m.notes[5]
                .message
                .contains("became 8 units of 50 MW (an assumed typical size"),
            "{}",
            m.notes[5].message
        );
        assert_eq!(u.scenario.backup[0].unit_count, 8);
        assert_eq!(u.scenario.backup[1].unit_count, 40);
        assert_eq!(u.scenario.backup[0].forced_outage_rate, 0.05);
        assert_eq!(u.scenario.wind_farms[0].turbine_forced_outage_rate, 0.03);
        assert_eq!(m.notes[0].position, Some((10, 5)));
        assert_eq!(
            m.notes[2].path,
            "datacenter.rack_groups[1].online_from_month"
        );
        assert_eq!(m.notes[2].position, Some((53, 17)));
        assert!(m.notes[2].message.contains("year: 2029, month: 7"));
        let groups: Vec<_> = u
            .scenario
            .datacenter
            .rack_groups
            .iter()
            .map(|g| g.online_from)
            .collect();
        assert_eq!(
            groups,
            vec![
                None,
                Some(YearMonth {
                    year: 2029,
                    month: 7
                }),
                None
            ]
        );
        // Every line of the old file is still there in order, but the version and the three
        // rack groups' months (schema 2); schema 3 adds the failure data of the plants (3
        // solar, 2 wind, 3 battery and 4 for each of the 2 backup units); schema 4 renames the
        // cost fields of 12 lines and adds the currency, rates and cost basis (8 lines) and the
        // water price (1): the comments stay.
        let new_lines: Vec<&str> = u.text.lines().collect();
        let (mut at, mut kept) = (0, 0);
        for old in V1_REFERENCE.lines() {
            if let Some(k) = new_lines[at..].iter().position(|l| *l == old) {
                at += k + 1;
                kept += 1;
            }
        }
        let old_count = V1_REFERENCE.lines().count();
        assert_eq!(kept, old_count - 4 - 12);
        assert_eq!(u.text.lines().count(), old_count + 16 + 8 + 1);
        assert!(u.text.contains("capex_per_kw: 1605.0"));
        assert!(!u.text.contains("capex_usd_per_kw:"));
        assert!(u.text.contains("// NVIDIA GB200/GB300 NVL72-class racks"));
        assert!(u.text.contains("            unit_count: 8,\n"));
        // The migrated text is current: reading it again changes nothing (fixed point).
        let again = super::super::upgrade_str(&u.text, "v2.ron").unwrap();
        assert!(again.migration.is_none());
        assert_eq!(again.text, u.text);
        assert_eq!(again.scenario, u.scenario);
    }

    const V2_REFERENCE: &str =
        include_str!("../../../../tests/fixtures/schema/v2-dakhla-500mw.ron");

    #[test]
    fn schema_2_file_gets_failure_data_of_each_kind_with_a_note_each_and_keeps_its_words() {
        let u = super::super::upgrade_str(V2_REFERENCE, "v2.ron").unwrap();
        let m = u.migration.as_ref().expect("a schema 2 file is migrated");
        assert_eq!(m.from_version, 2);
        assert!(m.comments_kept);
        let paths: Vec<&str> = m.notes.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "schema_version",
                "backup[0]",
                "backup[1]",
                "wind_farms[0]",
                "solar_plants[0]",
                "battery",
                "schema_version"
            ]
        );
        assert!(
            m.notes[2]
                .message
                .starts_with("100 MW became 40 units of 2.5 MW"),
            "{}",
            m.notes[2].message
        );
        let gas = &u.scenario.backup[0];
        assert_eq!((gas.unit_count, gas.unit_mw()), (8, 50.0));
        assert_eq!(gas.mean_time_to_repair_h, 50.0);
        let diesel = &u.scenario.backup[1];
        assert_eq!(diesel.start_failure_prob, 0.0066);
        assert_eq!(u.scenario.battery.pcs_unit_mw, 4.0);
        // Every line is still there; the new fields are inserted beside their siblings.
        // Cost fields are renamed in schema 4.
        for line in V2_REFERENCE
            .lines()
            .filter(|l| !l.contains("schema_version"))
        {
            let renamed = rename_money_keys(line);
            assert!(u.text.contains(&renamed), "lost: {line}");
        }
        assert!(u.text.contains("    schema_version: 4,"));
        // A grid link is one unit out 0.2 % of the time, 8 h at a time.
        let grid = V2_REFERENCE.replacen("kind: DieselGenset", "kind: GridImport", 1);
        let g = super::super::upgrade_str(&grid, "g.ron").unwrap();
        let link = &g.scenario.backup[1];
        assert_eq!(link.unit_count, 1);
        assert_eq!(link.forced_outage_rate, 0.002);
        assert!((link.outages_per_year() - 2.19).abs() < 1e-12);
        assert!(
            g.migration.unwrap().notes[2]
                .message
                .starts_with("100 MW became one unit (the link)")
        );
        // Simulation results are the same before and after: failures are not drawn there.
        let mut e = crate::sim::Engine::new();
        let base = std::path::Path::new(".");
        let before = e.run(&u.scenario, base).expect("runs").kpis;
        let usd = super::super::from_ron_str(super::super::DAKHLA_REFERENCE_USD_RON, "usd")
            .expect("the USD reference parses");
        assert_eq!(before, e.run(&usd, base).expect("runs").kpis);
    }

    #[test]
    fn schema_1_phases_keep_their_energy_after_migration() {
        // Hand count from the file: AI hall A 1300 x 120 kW x 0.85 all year; AI hall B
        // 1000 x 120 kW x 0.85 from local July 1 (UTC+1: from the step of June 30 23:00 UTC to
        // the end, 184 days x 24 + 1 steps); cloud 6000 x 12 kW x 0.6 x the profile, each local
        // hour 365 times.
        let u = super::super::upgrade_str(V1_REFERENCE, "v1.ron").unwrap();
        let profile_sum = match &u.scenario.datacenter.rack_groups[2].profile {
            DailyProfile::Hourly(f) => f.iter().sum::<f64>(),
            DailyProfile::Flat => 24.0,
        };
        let expected_mwh =
            132.6 * 8760.0 + 102.0 * (184.0 * 24.0 + 1.0) + 43.2 * profile_sum * 365.0;
        let r = crate::sim::Engine::new()
            .run(&u.scenario, std::path::Path::new("."))
            .unwrap();
        let it_mwh: f64 = r.it_load_mw.iter().sum::<f64>() * r.weather.step_h();
        assert!(
            (it_mwh / expected_mwh - 1.0).abs() < 1e-12,
            "{it_mwh} vs {expected_mwh}"
        );
    }

    #[test]
    fn versions_are_read_from_the_text_outside_comments() {
        assert_eq!(
            written_version("// schema_version: 9\n(schema_version: 1, x: 2)"),
            Some(1)
        );
        assert_eq!(written_version("(schema_version : 12)"), Some(12));
        assert_eq!(written_version("(site: ())"), None);
        assert_eq!(written_version("(schema_version: \"2\")"), None);
    }

    #[test]
    fn newer_and_zero_versions_are_refused_before_fields_are_read() {
        let newer = V1_REFERENCE.replace("schema_version: 1,", "schema_version: 5, hologram: 1,");
        let e = super::super::from_ron_str(&newer, "new.ron")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(
                "new.ron:10:5: schema_version: this file uses schema version 5 but this \
                        program reads versions up to 4"
            ),
            "{e}"
        );
        let zero = V1_REFERENCE.replace("schema_version: 1,", "schema_version: 0,");
        let e = super::super::from_ron_str(&zero, "z.ron")
            .unwrap_err()
            .to_string();
        assert!(e.contains("schema version must be 1 to 4, got 0"), "{e}");
    }

    #[test]
    fn schema_1_errors_are_reported_in_schema_1_terms() {
        let typo = V1_REFERENCE.replacen("online_from_month: 7", "online_from_mnth: 7", 1);
        let e = super::super::from_ron_str(&typo, "v1.ron")
            .unwrap_err()
            .to_string();
        assert!(e.contains("v1.ron:53:17"), "{e}");
        assert!(e.contains("did you mean `online_from_month`?"), "{e}");
        // A schema 2 field in a schema 1 file is unknown there.
        let mixed = V1_REFERENCE.replacen(
            "online_from_month: 7",
            "online_from: Some((year: 2029, month: 7))",
            1,
        );
        let e = super::super::from_ron_str(&mixed, "v1.ron")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown field `online_from`"), "{e}");
    }
}
