//! The malformed-file corpus (`tests/malformed/`): each file has one defect, named in its file
//! name, and this table holds the exact text a planner sees for it and the exit code (2, bad
//! input). A message changes only on purpose: update the table in the same commit.
//!
//! Scenario files run through `check FILE`, weather files through `simulate --weather FILE`,
//! shard result files through `merge FILE`, from inside the corpus folder so that the paths
//! printed are the short names used here. No message shows more of a file of another kind
//! (a password file, a credentials table, another JSON document) than its name.

use Run::{Check, Merge, Simulate, SimulateWeather};
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/malformed")
}

/// How a file of the corpus is read.
#[derive(Clone, Copy, Debug)]
enum Run {
    /// `dakhla-planner check FILE`
    Check,
    /// `dakhla-planner simulate FILE` (a scenario whose weather file is malformed).
    Simulate,
    /// `dakhla-planner simulate --weather FILE` (the built-in scenario on this weather).
    SimulateWeather,
    /// `dakhla-planner merge FILE` (a shard result file, alone).
    Merge,
}

struct Case {
    file: &'static str,
    run: Run,
    /// Every line printed (standard output, then standard error).
    expected: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        file: "bad-month.ron",
        run: Check,
        expected: &[
            "bad-month.ron:22:48: datacenter.rack_groups[0].online_from.month: must be a month 1 to 12 (January = 1), got 13",
        ],
    },
    Case {
        file: "comments-only.ron",
        run: Check,
        expected: &[
            "comments-only.ron:1:1: the file holds only comments; a scenario file starts with `(` and holds schema_version, site, weather, datacenter...",
        ],
    },
    Case {
        file: "duplicate-field.ron",
        run: Check,
        expected: &[
            "duplicate-field.ron:47:9: battery: the field `power_mw` appears twice; keep one",
        ],
    },
    Case {
        file: "duplicate-name.ron",
        run: Check,
        expected: &[
            "duplicate-name.ron:59:13: backup[1].name: the name \"Gas turbines\" is already used earlier in backup; names must differ",
        ],
    },
    Case {
        file: "empty.ron",
        run: Check,
        expected: &[
            "empty.ron:1:1: the file is empty; a scenario file starts with `(` and holds schema_version, site, weather, datacenter...",
        ],
    },
    Case {
        file: "inf-solar-capacity.ron",
        run: Check,
        expected: &[
            "inf-solar-capacity.ron:30:13: solar_plants[0].capacity_mwdc: must be between 0 and 100000 (MWdc), got an infinite value",
        ],
    },
    Case {
        file: "missing-required-field.ron",
        run: Check,
        expected: &[
            "missing-required-field.ron:41:9: wind_farms[0]: the required field `hub_height_m` is missing; add it (`hub_height_m: ...,`)",
        ],
    },
    Case {
        file: "missing-weather-file.ron",
        run: Check,
        expected: &[
            "missing-weather-file.ron:11:18: weather.path: the weather file no-such-weather.epw does not exist (paths are relative to the scenario file's folder)",
        ],
    },
    Case {
        file: "nan-battery-energy.ron",
        run: Check,
        expected: &[
            "nan-battery-energy.ron:45:9: battery.energy_mwh: must be between 0 and 1000000 (MWh), got NaN (not a number)",
        ],
    },
    Case {
        file: "negative-capacity.ron",
        run: Check,
        expected: &[
            "negative-capacity.ron:53:13: backup[0].capacity_mw: must be between 0 and 100000 (MW), got -400",
        ],
    },
    Case {
        file: "negative-turbine-count.ron",
        run: Check,
        expected: &[
            "negative-turbine-count.ron:38:28: wind_farms[0].turbine_count: must be a whole number, 0 or more, got -5",
        ],
    },
    Case {
        file: "newer-schema.ron",
        run: Check,
        expected: &[
            "newer-schema.ron:3:5: schema_version: this file uses schema version 5 but this program reads versions up to 4; open it with a newer dakhla-planner",
        ],
    },
    Case {
        file: "not-utf8.ron",
        run: Check,
        expected: &[
            "not-utf8.ron:5:30: this character is not UTF-8 text; a scenario file is plain text: save it as UTF-8",
        ],
    },
    Case {
        file: "out-of-range-latitude.ron",
        run: Check,
        expected: &[
            "out-of-range-latitude.ron:6:9: site.latitude_deg: must be between -90 and 90 (degrees, north positive), got 123.72",
        ],
    },
    Case {
        file: "out-of-range-profile.ron",
        run: Check,
        expected: &[
            "out-of-range-profile.ron:21:17: datacenter.rack_groups[0].profile[12]: hour 12: factor 1.3 x utilization 0.85 = 1.105 exceeds the rack's design power; factors must be at most 1/utilization = 1.176",
        ],
    },
    Case {
        file: "out-of-range-round-trip-eff.ron",
        run: Check,
        expected: &[
            "out-of-range-round-trip-eff.ron:47:9: battery.round_trip_eff: must be between 0.2 and 1 (fraction; LFP about 0.845, hydrogen about 0.35), got 1.2",
        ],
    },
    Case {
        file: "out-of-range-timestep.ron",
        run: Check,
        expected: &[
            "out-of-range-timestep.ron:12:30: simulation.timestep_min: must be one of 60, 30, 15, 10, 5 minutes, got 45",
        ],
    },
    Case {
        file: "soc-min-above-max.ron",
        run: Check,
        expected: &[
            "soc-min-above-max.ron:49:9: battery.soc_max_frac: must be at least 0.05 above soc_min_frac (0.9), got 0.2 (the battery works between them; typically 0.05 to 0.95)",
        ],
    },
    Case {
        file: "syntax-missing-colon.ron",
        run: Check,
        expected: &[
            "syntax-missing-colon.ron:39:25: wind_farms[0]: expected a colon between the field name and its value (`name: value`)",
        ],
    },
    Case {
        file: "syntax-missing-comma.ron",
        run: Check,
        expected: &[
            "syntax-missing-comma.ron:6:28: site.latitude_deg: a comma is missing at the end of this line, before `longitude_deg` (each entry ends with a comma)",
        ],
    },
    Case {
        file: "syntax-unclosed-paren.ron",
        run: Check,
        expected: &[
            "syntax-unclosed-paren.ron:10:5: site.weather: unknown field `weather` inside site; `weather` belongs to the scenario itself, so the block before this line is probably not closed (a `)` or `]` is missing)",
        ],
    },
    Case {
        file: "syntax-unclosed-string.ron",
        run: Check,
        expected: &[
            "syntax-unclosed-string.ron:29:19: solar_plants[0].name: the text in double quotes that starts here is not closed: its closing \" is missing (the text runs on to line 36)",
        ],
    },
    Case {
        file: "trailing-text.ron",
        run: Check,
        expected: &[
            "trailing-text.ron:60:1: unexpected text after the end of the scenario (it ends with the `)` that closes its first `(`); remove it or move it inside",
        ],
    },
    Case {
        file: "truncated.ron",
        run: Check,
        expected: &[
            "truncated.ron:39:13: wind_farms[0].hub_hei: the file ends too early; it looks cut off (a bracket or parenthesis is not closed)",
        ],
    },
    Case {
        file: "unknown-enum-variant.ron",
        run: Check,
        expected: &[
            "unknown-enum-variant.ron:52:19: backup[0].kind: `SteamTurbine` is not one of the allowed choices: GasTurbine, DieselGenset, GridImport",
        ],
    },
    Case {
        file: "unknown-field-typo.ron",
        run: Check,
        expected: &[
            "unknown-field-typo.ron:45:9: battery.enrgy_mwh: unknown field `enrgy_mwh`; did you mean `energy_mwh`? Allowed here: energy_mwh, power_mw, round_trip_eff, soc_min_frac, soc_max_frac, initial_soc_frac, self_discharge_frac_per_day, capacity_fade_pct_per_year",
        ],
    },
    Case {
        file: "unknown-field-in-choice.ron",
        run: Check,
        expected: &[
            "unknown-field-in-choice.ron:60:53: optimizer.solar_mwdc.max_mwdc: unknown field `max_mwdc`; allowed here: min, max",
        ],
    },
    Case {
        file: "unknown-turbine.ron",
        run: Check,
        expected: &[
            "unknown-turbine.ron:37:30: wind_farms[0].turbine.name: no turbine named \"V236-15.0MW\" in the library; choose one of: 2023NREL_Bespoke_6MW_170, E-141/4200, E-126/4200, N131/3600, SWT130/3600, S126/6150",
        ],
    },
    Case {
        file: "wrong-type-decimal-for-count.ron",
        run: Check,
        expected: &[
            "wrong-type-decimal-for-count.ron:38:28: wind_farms[0].turbine_count: expected a whole number here (no decimal point), got 66.5",
        ],
    },
    Case {
        file: "wrong-type-number-for-string.ron",
        run: Check,
        expected: &[
            "wrong-type-number-for-string.ron:5:15: site.name: expected text in double quotes here, got 42",
        ],
    },
    Case {
        file: "wrong-type-string-for-number.ron",
        run: Check,
        expected: &[
            "wrong-type-string-for-number.ron:45:21: battery.energy_mwh: expected a number here, got \"lots\"",
        ],
    },
    Case {
        file: "wrong-type-text-for-bool.ron",
        run: Check,
        expected: &[
            "wrong-type-text-for-bool.ron:31:77: solar_plants[0].mounting.backtrack: expected true or false here, got \"yes\"",
        ],
    },
    Case {
        file: "wrong-type-quoted-choice.ron",
        run: Check,
        expected: &[
            "wrong-type-quoted-choice.ron:52:19: backup[0].kind: expected a name without double quotes here: write GasTurbine instead of \"GasTurbine\"",
        ],
    },
    Case {
        file: "unit-after-number.ron",
        run: Check,
        expected: &[
            "unit-after-number.ron:30:34: solar_plants[0].capacity_mwdc: expected a comma after the number, got MW; write the number alone (the unit is in the field name)",
        ],
    },
    Case {
        file: "thousands-separator.ron",
        run: Check,
        expected: &[
            "thousands-separator.ron:45:21: battery.energy_mwh: 1,600.0 is not a number: write numbers without thousands separators and with a decimal point (1600.5, not 1,600.5 or 1600,5)",
        ],
    },
    Case {
        file: "letter-o-for-zero.ron",
        run: Check,
        expected: &[
            "letter-o-for-zero.ron:30:28: solar_plants[0].capacity_mwdc: 6O0.0 is not a number",
        ],
    },
    Case {
        file: "syntax-choice-without-fields.ron",
        run: Check,
        expected: &[
            "syntax-choice-without-fields.ron:11:23: weather: expected `(` here: the fields of this entry go in parentheses, `(name: value, ...)`",
        ],
    },
    Case {
        file: "weather-file-bad-cell.ron",
        run: Simulate,
        expected: &[
            "weather-non-number.csv:4: dry-bulb temperature 'hot' in column 'temp_air' is not a number (write an empty cell, NaN or -9999 for a missing value)",
        ],
    },
    Case {
        file: "weather-bad-header.epw",
        run: SimulateWeather,
        expected: &[
            "weather-bad-header.epw:1: the first line should start with LOCATION: this does not look like an EnergyPlus weather (EPW) file",
        ],
    },
    Case {
        file: "weather-bad-timestamp.csv",
        run: SimulateWeather,
        expected: &[
            "weather-bad-timestamp.csv:4: timestamp '01/01/2029 01:00' does not start with a date YYYY-MM-DD; write an ISO 8601 date and time such as 2029-01-01T00:00:00Z or 2029-01-01 00:00 (UTC unless an offset like +01:00 is given)",
        ],
    },
    Case {
        file: "weather-empty.csv",
        run: SimulateWeather,
        expected: &[
            "weather-empty.csv:1: the file has no header row: a CSV weather file starts with a row of column names such as timestamp,ghi,dni,dhi,temp_air,wind_speed",
        ],
    },
    Case {
        file: "weather-missing-time-column.csv",
        run: SimulateWeather,
        expected: &[
            "weather-missing-time-column.csv:2: no time column: name one of timestamp, timestamp_utc, time, datetime, date_time",
        ],
    },
    Case {
        file: "weather-non-number.csv",
        run: SimulateWeather,
        expected: &[
            "weather-non-number.csv:4: dry-bulb temperature 'hot' in column 'temp_air' is not a number (write an empty cell, NaN or -9999 for a missing value)",
        ],
    },
    Case {
        file: "weather-out-of-range.csv",
        run: SimulateWeather,
        expected: &[
            "weather-out-of-range.csv:4: wind speed 95 m/s in column 'wind_speed' is outside the plausible range 0 to 40 m/s",
        ],
    },
    Case {
        file: "weather-short-row.csv",
        run: SimulateWeather,
        expected: &[
            "weather-short-row.csv:4: this row has 5 value(s) but the header row has 6 columns",
        ],
    },
    Case {
        file: "weather-skipped-step.csv",
        run: SimulateWeather,
        expected: &[
            "weather-skipped-step.csv:5: expected 2029-01-01T02:00:00Z (one step of 1 hour after line 4), found 2029-01-01T03:00:00Z; every step needs a row (leave the cells empty where values are missing)",
        ],
    },
    Case {
        file: "weather-too-few-rows.epw",
        run: SimulateWeather,
        expected: &[
            "weather-too-few-rows.epw:11: the file ends early: it has 3 data rows, but a year of EPW data has 8760 rows (8784 with February 29)",
        ],
    },
    Case {
        file: "weather-wrong-columns.csv",
        run: SimulateWeather,
        expected: &[
            "weather-wrong-columns.csv:2: missing column(s): global horizontal irradiance (ghi | ghi_w_m2 | global_horizontal); direct normal irradiance (dni | dni_w_m2 | direct_normal); not recognised: 'global', 'direct'",
        ],
    },
    Case {
        file: "weather-wrong-extension.txt",
        run: SimulateWeather,
        expected: &[
            "weather-wrong-extension.txt: files ending in .txt are not a supported weather format; use an EnergyPlus weather file (.epw) or a CSV weather file (.csv with columns timestamp, ghi, dni, dhi, temp_air, wind_speed)",
        ],
    },
    Case {
        file: "lifetime-too-short.ron",
        run: Check,
        expected: &[
            "lifetime-too-short.ron:49:85: economics.wind_per_kw.lifetime_years: must be between 1 and 100 (years; 20-30 for plants, 15 for batteries), got 1e-300",
        ],
    },
    Case {
        file: "control-character-in-name.ron",
        run: Check,
        expected: &[
            "control-character-in-name.ron:17:17: datacenter.rack_groups[0].name: a rack group name holds the character U+001B (escape, starts terminal control sequences); remove it (a name is one line of text)",
        ],
    },
    Case {
        file: "direction-override-in-site-name.ron",
        run: Check,
        expected: &[
            "direction-override-in-site-name.ron:5:9: site.name: the site name holds the character U+202E (invisible text-direction control); remove it (a name is one line of text)",
        ],
    },
    Case {
        file: "carbon-free-unit-emits.ron",
        run: Check,
        expected: &[
            "carbon-free-unit-emits.ron:57:13: backup[0].carbon_free_frac: a unit whose output is all carbon-free emits no CO2, but emission_factor_t_per_mwh_th is 0.202: set one of them to match the other",
        ],
    },
    Case {
        file: "sensitivity-named-base.ron",
        run: Check,
        expected: &[
            "sensitivity-named-base.ron:60:26: optimizer.sensitivities[0].name: \"base\" is the name of the study's own case (the scenario's costs unchanged); give this case another name",
        ],
    },
    Case {
        file: "wind-bounds-without-whole-turbine.ron",
        run: Check,
        expected: &[
            "wind-bounds-without-whole-turbine.ron:60:9: optimizer.wind_mw: no whole number of 6 MW turbines gives between 7 and 11 MW (6 or 12 MW are the nearest): widen the range",
        ],
    },
    Case {
        file: "solar-land-too-small.ron",
        run: Check,
        expected: &[
            "solar-land-too-small.ron:61:9: optimizer.max_solar_land_ha: 10 ha is less than the 1200 ha that the least solar the optimizer may build (600 MWdc, optimizer.solar_mwdc) covers: raise it or lower the solar",
        ],
    },
    Case {
        file: "bound-above-what-fits.ron",
        run: Check,
        expected: &[
            "bound-above-what-fits.ron:60:35: optimizer.battery_power_mw.min: 200000 MW is more than the scenario can hold (100000 MW: 100,000 MW a unit); lower it",
        ],
    },
    Case {
        file: "pareto-span-too-small.ron",
        run: Check,
        expected: &[
            "pareto-span-too-small.ron:61:9: optimizer.pareto_to: must be at least 0.0001 above pareto_from (0.9999999999), got 0.99999999999",
        ],
    },
    Case {
        file: "turbine-power-at-zero-wind.ron",
        run: Check,
        expected: &[
            "turbine-power-at-zero-wind.ron:41:17: wind_farms[0].turbine.power_curve_kw: point 1 (0.0 m/s): a turbine produces nothing below its cut-in speed (2-4 m/s), so the power below 1 m/s must be 0 kW, got 6000 kW",
        ],
    },
    Case {
        file: "turbine-never-reaches-rating.ron",
        run: Check,
        expected: &[
            "turbine-never-reaches-rating.ron:41:17: wind_farms[0].turbine.power_curve_kw: the curve does not reach 90 % of the rated 30000 kW by 30 m/s; turbines reach their rating at 10-15 m/s and stop at about 25 m/s",
        ],
    },
    Case {
        file: "not-a-scenario-password-file.ron",
        run: Check,
        expected: &[
            "not-a-scenario-password-file.ron:1:1: this is not a scenario file (it does not start with `(`); a scenario file is RON text that starts with `(` (after any comments) and holds schema_version, site, weather, datacenter...",
        ],
    },
    Case {
        file: "binary-data.ron",
        run: Check,
        expected: &[
            "binary-data.ron:1:1: this is not a scenario file (it holds binary data); a scenario file is RON text that starts with `(` (after any comments) and holds schema_version, site, weather, datacenter...",
        ],
    },
    Case {
        file: "shard-absurd-count.json",
        run: Merge,
        expected: &["shard-absurd-count.json: shards: must be 1 to 100000, got 4294967295"],
    },
    Case {
        file: "shard-alone-of-two.json",
        run: Merge,
        expected: &["1 of 2 shards missing: 2/2 (run `optimize --shard i/2` for each)"],
    },
    Case {
        file: "shard-array.json",
        run: Merge,
        expected: &[
            "shard-array.json: not a shard result file of `dakhla-planner optimize --shard` (it is a JSON list, not an object)",
        ],
    },
    Case {
        file: "shard-changed-cost.json",
        run: Merge,
        expected: &[
            "shard-changed-cost.json: results_sha256: does not match the results: a value was changed after the shard was written (re-run this shard)",
        ],
    },
    Case {
        file: "shard-control-character.json",
        run: Merge,
        expected: &[
            "shard-control-character.json: results[0].job.case: job 0 is cost case \"base\" in this study, got \"base\\u{1b}[2J\"",
        ],
    },
    Case {
        file: "shard-job-of-another-shard.json",
        run: Merge,
        expected: &[
            "shard-job-of-another-shard.json: results[0].job.index: job 1 is not one of shard 1/2's jobs (those numbered 0 + 2 x k, below 2)",
        ],
    },
    Case {
        file: "shard-not-a-shard.json",
        run: Merge,
        expected: &[
            "shard-not-a-shard.json: not a shard result file of `dakhla-planner optimize --shard` (it has no \"format\": \"dakhla-planner shard\")",
        ],
    },
    Case {
        file: "shard-not-json.json",
        run: Merge,
        expected: &[
            "shard-not-json.json: not a shard result file of `dakhla-planner optimize --shard` (it is not JSON)",
        ],
    },
    Case {
        file: "shard-share-above-one.json",
        run: Merge,
        expected: &[
            "shard-share-above-one.json: results[0].cfe_score: must be a share between 0 and 1, got 1.5",
        ],
    },
    Case {
        file: "shard-study-id-not-hex.json",
        run: Merge,
        expected: &[
            "shard-study-id-not-hex.json: study_sha256: must be the study's SHA-256, 64 lower-case hexadecimal digits",
        ],
    },
    Case {
        file: "weather-not-weather-data.csv",
        run: SimulateWeather,
        expected: &[
            "weather-not-weather-data.csv:2: this does not look like a CSV weather file: none of its 3 column names is a weather column (a time column such as timestamp, then ghi, dni, dhi, temp_air, wind_speed)",
        ],
    },
    Case {
        file: "no-such-weather.csv",
        run: SimulateWeather,
        expected: &["no-such-weather.csv: the weather file does not exist"],
    },
];

/// Exit code of bad input.
const BAD_INPUT: i32 = 2;

fn run(case: &Case) -> (Option<i32>, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dakhla-planner"));
    cmd.env("LC_ALL", "C").current_dir(corpus());
    match case.run {
        Run::Check => cmd.args(["check", case.file]),
        Run::Simulate => cmd.args(["simulate", case.file]),
        Run::SimulateWeather => cmd.args(["simulate", "--weather", case.file]),
        Run::Merge => cmd.args(["merge", case.file]),
    };
    let out = cmd.output().expect("the binary runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Stable whatever the checkout's folder: absolute corpus paths are shown relative.
    let dir = format!("{}{}", corpus().display(), std::path::MAIN_SEPARATOR);
    (out.status.code(), text.replace(&dir, ""))
}

#[test]
fn every_malformed_file_gets_its_exact_message_and_exit_code_2() {
    let mut failures = Vec::new();
    for case in CASES {
        let (code, actual) = run(case);
        let actual: Vec<&str> = actual.lines().collect();
        if code != Some(BAD_INPUT) || actual != case.expected {
            failures.push(format!(
                "{} ({:?}), exit code {code:?} (expected {BAD_INPUT})\n  expected:\n    {}\n  \
                 actual:\n    {}",
                case.file,
                case.run,
                case.expected.join("\n    "),
                actual.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} malformed files print another message:\n\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_corpus_base_is_valid_so_each_file_has_only_its_own_defect() {
    let out = Command::new(env!("CARGO_BIN_EXE_dakhla-planner"))
        .env("LC_ALL", "C")
        .current_dir(corpus())
        .args(["check", "valid-base.ron"])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success() && out.stdout.is_empty() && out.stderr.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_file_of_the_corpus_is_in_the_table() {
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(corpus()).expect("the corpus folder") {
        let name = entry.expect("a folder entry").file_name();
        let name = name.to_string_lossy();
        if name != "valid-base.ron" && !CASES.iter().any(|c| c.file == name) {
            missing.push(name.into_owned());
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "files of tests/malformed without an expected message: {missing:?}"
    );
}

#[test]
fn no_message_shows_the_content_of_a_file_of_another_kind() {
    // Files of the corpus that are not what they are given as hold a SECRET marker.
    for case in CASES {
        let text = std::fs::read(corpus().join(case.file)).unwrap_or_default();
        if !String::from_utf8_lossy(&text).contains("SECRET") {
            continue;
        }
        let (_, shown) = run(case);
        assert!(
            !shown.contains("SECRET") && !shown.contains("hunter2"),
            "{}: {shown}",
            case.file
        );
    }
}
