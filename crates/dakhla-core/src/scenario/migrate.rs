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

use super::io::{
    LoadError, Problem, blank_comments_and_strings, find_key, locate, locate_in, parse_as,
};
use super::{
    BackupUnit, Battery, CapBasis, Cooling, DailyProfile, Economics, Meta, OptimizerSettings,
    SCHEMA_VERSION, Scenario, Simulation, Site, SolarPlant, Targets, WeatherSource, WindFarm,
    YearMonth,
};
use serde::Deserialize;

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
        format!(
            "written in schema version {} and updated to version {SCHEMA_VERSION} on opening \
             ({} change{}); saving writes version {SCHEMA_VERSION}",
            self.from_version,
            self.notes.len(),
            if self.notes.len() == 1 { "" } else { "s" }
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
    match written_version(text) {
        Some(1) => {
            let old: v1::Scenario = parse_as(text, file)?;
            let (scenario, notes) = v1_to_v2(old, text);
            let (text, comments_kept) = match edit_v1_text(text, &scenario) {
                Some(t) => (t, true),
                None => (
                    super::to_ron_string(&scenario).map_err(|e| LoadError::Parse {
                        file: file.to_owned(),
                        problem: Problem {
                            path: String::new(),
                            message: format!("cannot write the migrated scenario: {e}"),
                            position: None,
                        },
                    })?,
                    false,
                ),
            };
            Ok(Upgraded {
                scenario,
                text,
                migration: Some(Migration {
                    from_version: 1,
                    notes,
                    comments_kept,
                }),
            })
        }
        _ => {
            // Current, newer or unreadable versions: the current parser reports what is wrong.
            let scenario: Scenario = parse_as(text, file)?;
            Ok(Upgraded {
                scenario,
                text: text.to_owned(),
                migration: None,
            })
        }
    }
}

/// Migration notes located in the file's text, at most.
const MAX_LOCATED_NOTES: usize = 100;

/// Schema 1 -> 2: `online_from_month` (a month of the simulated year) becomes `online_from`
/// (a calendar month, or `None` for month 1).
fn v1_to_v2(old: v1::Scenario, text: &str) -> (Scenario, Vec<Problem>) {
    let year = match old.weather {
        WeatherSource::Synthetic { year, .. } => year,
        _ => old.simulation.year,
    };
    let mut notes = vec![Problem {
        path: "schema_version".into(),
        message: format!(
            "schema version 1 became {SCHEMA_VERSION}: rack groups now come online in a \
             calendar month (year and month) instead of a month of the simulated year, so that a \
             build-out can span several years; results are unchanged"
        ),
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
                Some(ym) => format!(
                    "{} became `online_from: Some((year: {}, month: {}))`, that month of the \
                     simulated year {year}",
                    g.online_from_month, ym.year, ym.month
                ),
                None => format!(
                    "{} became `online_from: None` (online the whole year)",
                    g.online_from_month
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
            }
        })
        .collect();
    let scenario = Scenario {
        schema_version: SCHEMA_VERSION,
        meta: old.meta,
        site: old.site,
        weather: old.weather,
        simulation: old.simulation,
        datacenter: super::Datacenter {
            facility_power_cap_mw: old.datacenter.facility_power_cap_mw,
            cap_applies_to: old.datacenter.cap_applies_to,
            rack_groups,
            cooling: old.datacenter.cooling,
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

/// The schema 1 text with only the changed fields edited, or `None` when the edit does not
/// reproduce `migrated` exactly.
fn edit_v1_text(text: &str, migrated: &Scenario) -> Option<String> {
    let code = blank_comments_and_strings(text);
    // (start, end, replacement) in byte offsets, in file order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let version_at = find_key(&code, "schema_version", 0)?;
    let (v_start, v_end) = value_span(&code, version_at + "schema_version".len())?;
    edits.push((v_start, v_end, SCHEMA_VERSION.to_string()));
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
    // The edited text must parse as the current schema and give exactly the migrated scenario.
    let reparsed: Scenario = parse_as(&out, "").ok()?;
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
        // One note for the version and one per rack group, each located in the old file.
        assert_eq!(m.notes.len(), 4);
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
        // Only the changed lines differ; the comments are still there.
        let changed: Vec<(&str, &str)> = V1_REFERENCE
            .lines()
            .zip(u.text.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(changed.len(), 4, "{changed:?}");
        assert_eq!(V1_REFERENCE.lines().count(), u.text.lines().count());
        assert!(u.text.contains("// NVIDIA GB200/GB300 NVL72-class racks"));
        // The migrated text is current: reading it again changes nothing (fixed point).
        let again = super::super::upgrade_str(&u.text, "v2.ron").unwrap();
        assert!(again.migration.is_none());
        assert_eq!(again.text, u.text);
        assert_eq!(again.scenario, u.scenario);
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
        let newer = V1_REFERENCE.replace("schema_version: 1,", "schema_version: 3, hologram: 1,");
        let e = super::super::from_ron_str(&newer, "new.ron")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(
                "new.ron:10:5: schema_version: this file uses schema version 3 but this \
                        program reads versions up to 2"
            ),
            "{e}"
        );
        let zero = V1_REFERENCE.replace("schema_version: 1,", "schema_version: 0,");
        let e = super::super::from_ron_str(&zero, "z.ron")
            .unwrap_err()
            .to_string();
        assert!(e.contains("schema version must be 1 to 2, got 0"), "{e}");
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
