//! End-to-end tests of the `dakhla-planner` binary: what a planner's script sees.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    // The English these tests read, whatever the locale of the machine running them.
    let mut c = Command::new(env!("CARGO_BIN_EXE_dakhla-planner"));
    c.env("LC_ALL", "C");
    c
}

fn repo(p: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(p)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const KPI_NAMES: [&str; 23] = [
    "it_energy_mwh",
    "facility_energy_mwh",
    "pue_mean",
    "pue_peak",
    "peak_facility_mw",
    "solar_energy_mwh",
    "wind_energy_mwh",
    "curtailed_energy_mwh",
    "battery_discharge_mwh",
    "battery_cycles",
    "backup_energy_mwh",
    "unmet_energy_mwh",
    "loss_of_load_hours",
    "renewable_fraction",
    "cfe_score",
    "capex_usd",
    "opex_usd_per_year",
    "annualized_cost_usd",
    "lcoe_usd_per_mwh",
    "co2_tonnes",
    "racks_total",
    "racks_fit_under_cap",
    "targets",
];

#[test]
fn simulate_json_holds_every_kpi_named_in_the_contract() {
    let file = repo("scenarios/dakhla-500mw.ron");
    let o = run(&["simulate", file.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
    let k = &v["kpis"];
    for name in KPI_NAMES {
        assert!(!k[name].is_null(), "kpis.{name} missing in {k}");
    }
    let rf = k["renewable_fraction"].as_f64().unwrap();
    let cfe = k["cfe_score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&rf) && (0.0..=1.0).contains(&cfe));
    assert!(
        cfe <= rf + 1e-9,
        "without clean backup CFE cannot exceed the renewable share"
    );
    assert_eq!(v["plants"].as_array().unwrap().len(), 2);
}

#[test]
fn simulate_prints_a_readable_summary_and_the_builtin_runs_without_a_file() {
    let o = run(&["simulate"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    // Every KPI of the registry, under its label, with its value and unit.
    let json = run(&["simulate", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    // The built-in reference counts in dirhams: money reads as `kpis_in_currency` holds it.
    let mad = dakhla_planner::scenario::money::Currency::Mad;
    for k in dakhla_planner::sim::kpi_registry::KPIS {
        let value = if k.is_money() {
            doc["kpis_in_currency"][mad.rekey(k.key)].as_f64()
        } else {
            doc["kpis"][k.key].as_f64()
        };
        let shown = match value {
            Some(v) => dakhla_planner::sim::kpi_registry::with_unit(
                &dakhla_planner::sim::kpi_registry::fixed(v * k.scale, k.decimals),
                &k.unit_in(mad),
            ),
            None => "n/a".to_owned(),
        };
        let line = format!("  {:<36} {shown}\n", k.label);
        assert!(s.contains(&line), "summary lacks {line:?}:\n{s}");
    }
    // The built-in scenario is the reference file: the same numbers.
    let f = run(&[
        "simulate",
        repo("scenarios/dakhla-500mw.ron").to_str().unwrap(),
    ]);
    let body = |t: &str| t.lines().skip(2).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&s), body(&stdout(&f)));
}

#[test]
fn hourly_csv_has_the_contract_columns_and_closes_the_balance_row_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hourly.csv");
    let o = run(&[
        "simulate",
        repo("scenarios/dakhla-500mw.ron").to_str().unwrap(),
        "--hourly",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "timestamp_utc,ghi_w_m2,dni_w_m2,dhi_w_m2,temp_air_c,wind_speed_m_s,it_load_mw,pue,\
         facility_load_mw,solar_mw,wind_mw,battery_charge_mw,battery_discharge_mw,\
         battery_soc_mwh,backup_mw,curtailed_mw,unmet_mw,backup_to_battery_mw,exported_mw,utc_offset_h,\
         it_load_base_mw,flexible_it_base_mw,flexible_it_max_mw,flexible_it_min_mw,shift_window,\
         relative_humidity_pct,pressure_pa,wet_bulb_c,water_m3,desalination_mw"
    );
    let rows: Vec<Vec<f64>> = lines
        .map(|l| {
            l.split(',')
                .skip(1)
                .map(|x| x.parse::<f64>().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 8760);
    assert!(text.contains("\n2029-01-01T00:00:00Z,"));
    for (i, r) in rows.iter().enumerate() {
        // columns after the timestamp: 0 ghi .. 5 it, 6 pue, 7 facility, 8 solar, 9 wind,
        // 10 charge, 11 discharge, 12 soc, 13 backup, 14 curtailed, 15 unmet
        let lhs = r[8] + r[9] + r[11] + r[13] + r[15];
        let rhs = r[7] + r[10] + r[14];
        assert!(
            (lhs - rhs).abs() < 1e-6 * rhs.max(1.0),
            "row {i}: {lhs} vs {rhs}"
        );
        assert!(
            (r[7] - r[5] * r[6]).abs() < 1e-6 * r[7].max(1.0),
            "row {i}: facility = IT x PUE"
        );
        // 24 relative humidity, 25 pressure, 26 wet bulb: the wet bulb lies between the dew
        // point and the dry bulb (3), equal to it only when saturated.
        let (t, rh, p, wb) = (r[3], r[24], r[25], r[26]);
        assert!(
            (0.0..=100.0).contains(&rh) && (90_000.0..110_000.0).contains(&p),
            "row {i}"
        );
        assert!(
            wb <= t + 1e-6 && wb > t - 15.0,
            "row {i}: wet bulb {wb} at {t} C, {rh} %"
        );
        if rh >= 99.999 {
            assert!(
                (wb - t).abs() < 0.01,
                "row {i}: saturated air's wet bulb is its dry bulb"
            );
        }
    }
    let mean = |k: usize| rows.iter().map(|r| r[k]).sum::<f64>() / rows.len() as f64;
    assert!(
        (65.0..80.0).contains(&mean(24)),
        "Dakhla's humidity: {}",
        mean(24)
    );
    assert!(
        mean(26) < mean(3) - 1.0,
        "the wet bulb is below the dry bulb on average"
    );
}

#[test]
fn check_accepts_every_shipped_scenario() {
    let mut args = vec!["check".to_owned()];
    for e in std::fs::read_dir(repo("scenarios")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "ron") {
            args.push(p.display().to_string());
        }
    }
    assert!(args.len() >= 4, "the reference and at least two variations");
    let o = bin().args(&args).output().unwrap();
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn reference_text() -> String {
    std::fs::read_to_string(repo("scenarios/dakhla-500mw.ron")).unwrap()
}

#[test]
fn check_reports_file_line_col_and_field_path_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.ron", &reference_text());
    // A type error: a string where a number belongs.
    let bad_type = write(
        dir.path(),
        "bad_type.ron",
        &reference_text().replace("energy_mwh: 1600.0", "energy_mwh: \"lots\""),
    );
    let o = run(&["check", good.to_str().unwrap(), bad_type.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    let line = out.lines().next().unwrap();
    let expected_line = reference_text()
        .lines()
        .position(|l| l.contains("energy_mwh: 1600.0"))
        .unwrap()
        + 1;
    assert!(
        line.starts_with(&format!("{}:{expected_line}:", bad_type.display())),
        "{line}"
    );
    assert!(line.contains("battery.energy_mwh"), "{line}");
}

#[test]
fn bad_values_are_named_by_field_path_in_planner_words() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "capacity_mwdc: 600.0",
            "capacity_mwdc: -5.0",
            "solar_plants[0].capacity_mwdc",
            "must be between 0 and",
        ),
        (
            "round_trip_eff: 0.845",
            "round_trip_eff: 1.2",
            "battery.round_trip_eff",
            "between 0.2 and 1",
        ),
        (
            "utilization: 0.6",
            "utilization: NaN",
            "datacenter.rack_groups[2].utilization",
            "must be between 0 and 1 (fraction of the rack's design power, 0 to 1), got NaN",
        ),
        (
            "count: 1300",
            "count: 50000000",
            "datacenter.rack_groups[0].count",
            "not plausible",
        ),
        (
            "name: \"Dakhla North wind\"",
            "name: \"  \"",
            "wind_farms[0].name",
            "needs a name",
        ),
        (
            "turbine: Library(name: \"2023NREL_Bespoke_6MW_170\")",
            "turbine: Library(name: \"V999\")",
            "wind_farms[0].turbine.name",
            "no turbine named",
        ),
        (
            "weather: Synthetic(seed: 2029, year: 2029)",
            "weather: Epw(path: \"missing.epw\")",
            "weather.path",
            "does not exist",
        ),
        (
            "soc_max_frac: 0.95",
            "soc_max_frac: 0.95, colour: 3",
            "battery",
            "unknown field `colour`",
        ),
        (
            "shear_exponent: 0.11",
            "shear_exponnt: 0.11",
            "wind_farms[0]",
            "did you mean `shear_exponent`",
        ),
    ];
    for (from, to, path, words) in cases {
        let text = reference_text().replacen(from, to, 1);
        assert!(text != reference_text(), "case {from} did not apply");
        let f = write(dir.path(), "case.ron", &text);
        let o = run(&["check", f.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{from} -> {to}");
        let out = stdout(&o);
        assert!(
            out.contains(path) && out.contains(words),
            "{from} -> {to}: {out}"
        );
        assert!(out.starts_with(&format!("{}:", f.display())), "{out}");
        // simulate refuses the same file with the same words, exit 2, no panic.
        let s = run(&["simulate", f.to_str().unwrap()]);
        assert_eq!(s.status.code(), Some(2));
        assert!(stderr(&s).contains(words), "{}", stderr(&s));
    }
}

#[test]
fn unreadable_and_garbage_files_are_bad_input_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    let o = run(&["simulate", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
    let truncated = write(dir.path(), "cut.ron", &reference_text()[..2000]);
    let o = run(&["check", truncated.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let binary = dir.path().join("bin.ron");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let o = run(&["check", binary.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn gui_without_a_display_says_what_to_do_instead() {
    let o = bin()
        .env("DISPLAY", "")
        .env("WAYLAND_DISPLAY", "")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot open the planner window"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("simulate"));
    assert!(!stderr(&o).contains("panicked"));
    let o = run(&["simulate", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
}

fn sim_json(args: &[&str]) -> serde_json::Value {
    let o = run(args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("JSON")
}

#[test]
fn fifteen_minute_steps_differ_from_hourly_only_where_physics_says() {
    let dir = tempfile::tempdir().unwrap();
    let q15 = write(
        dir.path(),
        "q15.ron",
        &reference_text().replace("timestep_min: 60", "timestep_min: 15"),
    );
    let csv = dir.path().join("q15.csv");
    let a = sim_json(&[
        "simulate",
        repo("scenarios/dakhla-500mw.ron").to_str().unwrap(),
        "--json",
    ]);
    let b = sim_json(&[
        "simulate",
        q15.to_str().unwrap(),
        "--json",
        "--hourly",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(b["weather"]["steps"], 35_040);
    assert_eq!(b["weather"]["step_min"], 15);
    let (ka, kb) = (&a["kpis"], &b["kpis"]);
    let rel = |k: &str| kb[k].as_f64().unwrap() / ka[k].as_f64().unwrap() - 1.0;
    // Same load and the same wind: held through each hour.
    assert!(rel("facility_energy_mwh").abs() < 1e-9);
    assert!(rel("wind_energy_mwh").abs() < 1e-9);
    // PV moves a little (the sun within the hour); storage and backup follow.
    assert!(
        rel("solar_energy_mwh").abs() < 0.005,
        "{}",
        rel("solar_energy_mwh")
    );
    assert!(rel("backup_energy_mwh").abs() < 0.02);
    let rows = std::fs::read_to_string(&csv).unwrap().lines().count();
    assert_eq!(rows, 35_041);
}

#[test]
fn weather_override_reads_a_csv_and_years_report_a_distribution() {
    let dir = tempfile::tempdir().unwrap();
    // The hourly output of one run is a valid weather CSV for another.
    let hourly = dir.path().join("year.csv");
    let o = run(&["simulate", "--hourly", hourly.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let a = sim_json(&["simulate", "--json"]);
    let b = sim_json(&["simulate", "--json", "--weather", hourly.to_str().unwrap()]);
    let (sa, sb) = (
        a["kpis"]["solar_energy_mwh"].as_f64().unwrap(),
        b["kpis"]["solar_energy_mwh"].as_f64().unwrap(),
    );
    assert!((sa / sb - 1.0).abs() < 1e-6, "{sa} vs {sb}");
    assert!(
        b["weather"]["source"]
            .as_str()
            .unwrap()
            .contains("year.csv")
    );

    let y = sim_json(&["simulate", "--json", "--years", "5"]);
    assert_eq!(y["years"].as_array().unwrap().len(), 5);
    for k in [
        "renewable_fraction",
        "cfe_score",
        "loss_of_load_hours",
        "backup_energy_mwh",
    ] {
        let d = &y["distribution"][k];
        for f in ["p50", "p90", "worst"] {
            assert!(d[f].is_number(), "distribution.{k}.{f}: {d}");
        }
    }
    let rf = &y["distribution"]["renewable_fraction"];
    assert!(rf["worst"].as_f64() <= rf["p90"].as_f64() && rf["p90"].as_f64() <= rf["p50"].as_f64());
    // A folder of weather files: one year each.
    let folder = dir.path().join("years");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(&hourly, folder.join("a.csv")).unwrap();
    std::fs::copy(&hourly, folder.join("b.csv")).unwrap();
    let f = sim_json(&["simulate", "--json", "--weather", folder.to_str().unwrap()]);
    assert_eq!(f["years"].as_array().unwrap().len(), 2);
    // Year 2 degrades: less PV from the same weather.
    let pv = |i: usize| f["years"][i]["kpis"]["solar_energy_mwh"].as_f64().unwrap();
    assert!(pv(1) < pv(0));
}

#[test]
fn a_changed_weather_file_is_reported_not_silent() {
    let dir = tempfile::tempdir().unwrap();
    let weather = dir.path().join("site.csv");
    let o = run(&["simulate", "--hourly", weather.to_str().unwrap()]);
    assert!(o.status.success());
    let text = reference_text().replace(
        "weather: Synthetic(seed: 2029, year: 2029)",
        "weather: Csv(path: \"site.csv\", sha256: Some(\"0000000000000000000000000000000000000000000000000000000000000000\"))",
    );
    let f = write(dir.path(), "with-hash.ron", &text);
    let o = run(&["check", f.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "a warning does not fail the check"
    );
    assert!(
        stdout(&o).contains("weather.sha256") && stdout(&o).contains("not the one"),
        "{}",
        stdout(&o)
    );
    // A garbage weather file is bad input with its line, not a crash.
    std::fs::write(&weather, "timestamp,ghi\n2029-01-01T00:00:00Z,abc\n").unwrap();
    let o = run(&["simulate", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("site.csv:"), "{}", stderr(&o));
}

#[test]
fn provenance_fingerprints_the_inputs_not_the_file_layout() {
    let dir = tempfile::tempdir().unwrap();
    let text = reference_text();
    let a = write(dir.path(), "a.ron", &text);
    let commented = write(
        dir.path(),
        "b.ron",
        &format!("// another team's note\n{text}"),
    );
    let changed = write(
        dir.path(),
        "c.ron",
        &text.replace("energy_mwh: 1600.0", "energy_mwh: 1700.0"),
    );
    let prov =
        |f: &Path| sim_json(&["simulate", f.to_str().unwrap(), "--json"])["provenance"].clone();
    let (pa, pb, pc) = (prov(&a), prov(&commented), prov(&changed));
    assert_eq!(pa["program_version"], env!("CARGO_PKG_VERSION"));
    let sha = pa["scenario_sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);
    assert_eq!(pa, pb, "a comment does not change what is computed");
    assert_ne!(pa["scenario_sha256"], pc["scenario_sha256"]);
    assert_eq!(pa["weather_sha256"], pc["weather_sha256"]);
    assert_eq!(pa["weather_sha256"].as_str().unwrap().len(), 64);
    assert_eq!(pa["weather_sha256_of"], "series");
}

#[test]
fn set_overrides_any_field_and_is_validated_like_the_file() {
    let file = repo("scenarios/dakhla-500mw.ron");
    let f = file.to_str().unwrap();
    let base = sim_json(&["simulate", f, "--json"]);
    let more = sim_json(&[
        "simulate",
        f,
        "--json",
        "--set",
        "battery.energy_mwh=4000",
        "--set",
        "wind_farms[0].turbine_count=120",
    ]);
    assert!(
        more["kpis"]["renewable_fraction"].as_f64().unwrap()
            > base["kpis"]["renewable_fraction"].as_f64().unwrap()
    );
    assert_eq!(more["plants"][1]["turbine_count"], 120);
    assert_ne!(
        more["provenance"]["scenario_sha256"],
        base["provenance"]["scenario_sha256"]
    );
    let o = run(&["simulate", f, "--set", "battery.round_trip_eff=1.2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "--set battery.round_trip_eff=1.2: battery.round_trip_eff: must be between 0.2 and 1"
        ),
        "{}",
        stderr(&o)
    );
    let o = run(&["simulate", f, "--set", "battery.energy_mwhh=1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `energy_mwh`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn compare_lists_input_and_kpi_differences_of_any_number_of_files() {
    let files = [
        "scenarios/dakhla-500mw.ron",
        "scenarios/dakhla-wind-heavy.ron",
        "scenarios/dakhla-solar-storage.ron",
    ]
    .map(repo);
    let args: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    let o = run(&[&["compare"], &args[..], &["--json"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
    let scenarios = v["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 3);
    for (s, f) in scenarios.iter().zip(&args) {
        assert_eq!(s["file"], *f);
        let sha = s["provenance"]["scenario_sha256"].as_str().unwrap();
        assert!(
            sha.len() == 64 && sha.chars().all(|c| c.is_ascii_hexdigit()),
            "{sha}"
        );
    }
    let inputs = v["input_differences"].as_array().unwrap();
    assert!(!inputs.is_empty());
    assert!(inputs.iter().any(|d| {
        let p = d["path"].as_str().unwrap();
        p.starts_with("solar_plants") || p.starts_with("wind_farms")
    }));
    for d in inputs {
        assert_eq!(d["values"].as_array().unwrap().len(), 3, "{d}");
    }
    let kpis = v["kpis"].as_array().unwrap();
    assert!(!kpis.is_empty());
    for k in kpis {
        assert_eq!(k["values"].as_array().unwrap().len(), 3, "{k}");
        assert_eq!(k["delta_vs_first"].as_array().unwrap().len(), 3, "{k}");
        assert!(k["key"].is_string() && k["label"].is_string() && k["unit"].is_string());
    }
    assert!(kpis.iter().any(|k| k["key"] == "cfe_score"));

    let o = run(&[&["compare"], &args[..]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for name in [
        "dakhla-500mw.ron",
        "dakhla-wind-heavy.ron",
        "dakhla-solar-storage.ron",
    ] {
        assert!(text.contains(name), "{text}");
    }
    assert!(text.contains("Inputs that differ"), "{text}");
    assert!(text.contains("wind_farms[0].turbine_count"), "{text}");
}

#[test]
fn compare_names_a_missing_file_and_finds_no_difference_in_a_file_with_itself() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    let reference = repo("scenarios/dakhla-500mw.ron");
    let r = reference.to_str().unwrap();
    let o = run(&["compare", r, missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.ron"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));

    let o = run(&["compare", r, r]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("no input differences"),
        "{}",
        stdout(&o)
    );
    let o = run(&["compare", r, r, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["input_differences"].as_array().unwrap().len(), 0);
    for k in v["kpis"].as_array().unwrap() {
        for d in k["delta_vs_first"].as_array().unwrap() {
            assert!(d.is_null() || d.as_f64() == Some(0.0), "{k}");
        }
    }
}

/// Issue 19: `compare FILE --cooling` runs the scenario with each heat rejection, its own
/// first; `--optimize` sizes the supply of each; money in the JSON stays in US dollars under
/// its `_usd` keys, the text in the scenario's currency.
#[test]
fn compare_cooling_sets_the_heat_rejection_choices_side_by_side() {
    let reference = repo("scenarios/dakhla-500mw.ron");
    let r = reference.to_str().unwrap();
    let o = run(&["compare", r, "--cooling"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for column in [
        "Dry coolers (the scenario's)",
        "Adiabatic pads",
        "Cooling towers",
        "Seawater",
    ] {
        assert!(text.contains(column), "{column}: {text}");
    }
    assert!(text.contains("Annualized cost [M MAD/yr]"), "{text}");
    let o = run(&["compare", r, "--cooling", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let row = |key: &str| {
        v["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["key"] == key)
            .unwrap_or_else(|| panic!("{key}"))
            .clone()
    };
    let wue: Vec<f64> = row("wue_l_per_kwh")["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    assert_eq!(wue[0], 0.0, "dry coolers");
    assert!(wue[1] > 0.05 && wue[1] < 0.4, "pads {wue:?}");
    assert!(wue[2] > 1.2 && wue[2] < 2.0, "towers {wue:?}");
    assert_eq!(wue[3], 0.0, "seawater");
    let cost = row("annualized_cost_usd");
    assert_eq!(cost["unit"], "M USD/yr");
    let dry_usd = cost["values"][0].as_f64().unwrap();
    assert!((150.0..175.0).contains(&dry_usd), "{dry_usd} M USD/yr");
    // The same supply in each column; with --optimize, each its own.
    assert_eq!(v["input_differences"].as_array().unwrap().len(), 1);
    let o = run(&["compare", r, "--cooling", "--optimize", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paths: Vec<&str> = v["input_differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"datacenter.heat_rejection"), "{paths:?}");
    assert!(paths.len() > 1, "the supply differs: {paths:?}");
    // Careless use: one file without --cooling, two with it, --optimize alone.
    let o = run(&["compare", r]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--cooling"), "{}", stderr(&o));
    let o = run(&["compare", r, r, "--cooling"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("one file"), "{}", stderr(&o));
    let o = run(&["compare", r, r, "--optimize"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn export_writes_the_report_data_and_every_chart_as_png_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export");
    let file = repo("scenarios/dakhla-500mw.ron");
    let o = run(&[
        "export",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let listed: Vec<String> = stdout(&o).lines().map(|l| l.replace('\\', "/")).collect();
    for name in ["report.html", "kpis.json", "hourly.csv"] {
        assert!(
            listed.iter().any(|l| l == name),
            "{name} not listed: {listed:?}"
        );
        assert!(
            std::fs::metadata(out.join(name)).unwrap().len() > 0,
            "{name}"
        );
    }
    let charts: Vec<&String> = listed.iter().filter(|l| l.starts_with("charts/")).collect();
    assert!(charts.len() >= 2 * 8, "{listed:?}");
    for stem in ["energy-balance-year", "monthly-energy", "net-load-duration"] {
        for ext in ["png", "svg"] {
            let rel = format!("charts/{stem}.{ext}");
            assert!(listed.contains(&rel), "{rel} not listed");
        }
    }
    for rel in &charts {
        let bytes = std::fs::read(out.join(rel.as_str())).unwrap();
        if rel.ends_with(".png") {
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{rel}");
        } else {
            assert!(bytes.starts_with(b"<svg"), "{rel}");
        }
    }
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("kpis.json")).unwrap()).unwrap();
    let sha = v["provenance"]["scenario_sha256"].as_str().unwrap();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("Dakhla 500 MW reference campus") && html.contains(sha));
}

#[test]
fn export_and_compare_in_french_read_french_and_keep_their_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport");
    let file = repo("scenarios/dakhla-500mw.ron");
    let f = file.to_str().unwrap();
    let o = run(&["--lang", "fr", "export", f, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains("<html lang=\"fr\">"),
        "the page says it is French"
    );
    for heading in [
        "<h2 id=\"provenance\">Traçabilité</h2>",
        "<h2 id=\"kpis\">Résultats clés</h2>",
        "<h2 id=\"reliability\">Fiabilité avec défaillances</h2>",
        "<h2 id=\"charts\">Graphiques</h2>",
        "<h2 id=\"inputs\">Entrées</h2>",
        "<h2 id=\"assumptions\">Hypothèses et sources</h2>",
    ] {
        assert!(html.contains(heading), "no {heading}");
    }
    assert!(html.contains("rapport dakhla-planner</title>"));
    // Figures the French way (narrow no-break space between thousands, decimal comma); the
    // scenario's own words and the references stay as written.
    assert!(
        html.contains("8\u{202f}760 pas de 60 min"),
        "steps of the run"
    );
    assert!(html.contains("h/an</b>"), "LOLE per year");
    assert!(html.contains("Dakhla 500 MW reference campus"));
    assert!(html.contains("Reda, I. and Andreas, A. (2004)"));
    for english in [
        "Key results",
        "Assumptions and sources",
        "Reliability under failures",
    ] {
        assert!(!html.contains(english), "{english} left in English");
    }
    // The data files are contracts: the same in every language.
    let en_out = dir.path().join("report");
    let o = run(&["export", f, "--out", en_out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for name in ["hourly.csv", "kpis.json"] {
        assert!(
            std::fs::read(out.join(name)).unwrap() == std::fs::read(en_out.join(name)).unwrap(),
            "{name} differs between languages"
        );
    }
    // The compare table reads French; its JSON is the English one.
    let other = repo("scenarios/dakhla-wind-heavy.ron");
    let g = other.to_str().unwrap();
    let o = run(&["--lang", "fr", "compare", f, g]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for french in [
        "Comparaison de 2 scénarios",
        "Entrées qui diffèrent",
        "Indicateurs",
        "Capacités",
        "Taux de renouvelable [%]",
        "identique",
        "pts",
    ] {
        assert!(text.contains(french), "no {french:?} in\n{text}");
    }
    assert!(
        text.contains("wind_farms[0].turbine_count"),
        "field paths stay"
    );
    let json = |lang: &str| {
        let o = run(&["--lang", lang, "compare", f, g, "--json"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let mut v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        for s in v["scenarios"].as_array_mut().unwrap() {
            if let Some(p) = s["provenance"].as_object_mut() {
                p.remove("wall_ms");
            }
        }
        v
    };
    assert_eq!(json("fr"), json("en"));
}

#[test]
fn export_of_a_missing_file_or_into_an_unwritable_folder_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&[
        "export",
        "missing.ron",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.ron"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
    // A plain file where the folder should go.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let file = repo("scenarios/dakhla-500mw.ron");
    let o = run(&[
        "export",
        file.to_str().unwrap(),
        "--out",
        blocker.join("out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("not-a-folder"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}

fn simulate_json(file: &Path) -> serde_json::Value {
    let o = run(&["simulate", file.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

#[test]
fn migrate_brings_a_schema_1_file_to_the_current_schema_and_is_a_fixed_point() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    std::fs::copy(repo("tests/fixtures/schema/v1-dakhla-500mw.ron"), &old).unwrap();
    let new = dir.path().join("new.ron");
    let o = run(&[
        "migrate",
        old.to_str().unwrap(),
        "--out",
        new.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("schema version 1 -> 4"), "{out}");
    assert!(
        out.contains("old.ron:53:17: datacenter.rack_groups[1].online_from_month: 7 became"),
        "{out}"
    );
    let text = std::fs::read_to_string(&new).unwrap();
    assert!(text.contains("schema_version: 4,"));
    assert!(
        out.contains("old.ron:132:5: backup[0]: 400 MW became 8 units of 50 MW"),
        "{out}"
    );
    assert!(text.contains("unit_count: 8,"));
    assert!(
        text.contains("// NVIDIA GB200/GB300 NVL72-class racks"),
        "comments kept"
    );
    // Opening the old file tells the user, and computes exactly what the migrated file does:
    // the same canonical scenario (provenance) and the same KPIs.
    let o = run(&["simulate", old.to_str().unwrap(), "--json"]);
    assert!(
        stderr(&o).contains("written in schema version 1"),
        "{}",
        stderr(&o)
    );
    let (a, b) = (simulate_json(&old), simulate_json(&new));
    assert_eq!(a["kpis"], b["kpis"]);
    assert_eq!(
        a["provenance"]["scenario_sha256"],
        b["provenance"]["scenario_sha256"]
    );
    // Migrating the migrated file, in place, changes nothing.
    let before = std::fs::read(&new).unwrap();
    let o = run(&["migrate", new.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("already schema version 4"),
        "{}",
        stdout(&o)
    );
    assert_eq!(std::fs::read(&new).unwrap(), before);
}

#[test]
fn migrate_leaves_every_shipped_scenario_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(repo("scenarios")).unwrap() {
        let f = e.unwrap().path();
        let out = dir.path().join(f.file_name().unwrap());
        let o = run(&[
            "migrate",
            f.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(std::fs::read(&f).unwrap(), std::fs::read(&out).unwrap());
    }
}

#[test]
fn a_file_from_a_newer_program_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("future.ron");
    let text = std::fs::read_to_string(repo("scenarios/dakhla-500mw.ron"))
        .unwrap()
        .replace(
            "schema_version: 4,",
            "schema_version: 7, quantum_cooling: true,",
        );
    std::fs::write(&f, text).unwrap();
    for cmd in ["simulate", "migrate", "check"] {
        let o = run(&[cmd, f.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        let msg = stdout(&o) + &stderr(&o);
        assert!(
            msg.contains(
                "future.ron:11:5: schema_version: this file uses schema version 7 but this program reads versions up to 4"
            ),
            "{cmd}: {msg}"
        );
    }
}

/// `describe kpis --json` lists every KPI of `simulate --json`, each once, with the contract
/// keys, and every label it gives is the one `compare` shows.
#[test]
fn describe_kpis_lists_every_kpi_of_simulate_with_its_label_and_unit() {
    let o = run(&["describe", "kpis", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let sim = run(&["simulate", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&sim.stdout).unwrap();
    let kpis = doc["kpis"].as_object().unwrap();
    let numeric: Vec<&String> = kpis
        .iter()
        .filter(|(_, v)| v.is_number() || v.is_null())
        .map(|(k, _)| k)
        .collect();
    assert_eq!(list.len(), numeric.len(), "one entry per numeric KPI");
    let reference = repo("scenarios/dakhla-500mw.ron");
    let compare = stdout(&run(&[
        "compare",
        reference.to_str().unwrap(),
        reference.to_str().unwrap(),
    ]));
    for e in &list {
        for key in ["key", "label", "unit", "better", "section", "help"] {
            assert!(e[key].is_string(), "{key} in {e}");
        }
        let key = e["key"].as_str().unwrap();
        assert!(kpis.contains_key(key), "{key} is a key of simulate --json");
        assert!(
            ["higher", "lower", "neither"].contains(&e["better"].as_str().unwrap()),
            "{e}"
        );
        let label = e["label"].as_str().unwrap();
        assert!(compare.contains(label), "compare shows {label}");
    }
    assert!(
        list.iter().any(|e| e["key"] == "net_present_cost_usd"),
        "net present cost is described"
    );
}

#[test]
fn describe_fields_lists_every_input_and_validation_checks_each_number_against_it() {
    let o = run(&["describe", "fields", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(list.len() > 120, "{} fields", list.len());
    for e in &list {
        for key in ["path", "label", "unit", "help", "kind", "editor"] {
            assert!(e[key].is_string(), "{key} in {e}");
        }
        assert!(
            e.get("default").is_some() && e.get("required").is_some(),
            "{e}"
        );
    }
    let table = stdout(&run(&["describe", "fields"]));
    assert_eq!(table.lines().count(), list.len() + 1, "one row per field");
    // The range validation holds is the one the registry prints: a value above it, set on the
    // reference scenario, is refused with the registry's range and words. (Fields of a variant
    // the reference does not use are left out: `--set` cannot reach them.)
    let reference = std::fs::read_to_string(repo("scenarios/dakhla-500mw.ron")).unwrap();
    let mut checked = 0;
    for e in list.iter().filter(|e| e["kind"] == "number") {
        let variant = e["variant"].as_str().unwrap_or("");
        if !variant.is_empty() && !reference.contains(&format!("{variant}(")) {
            continue;
        }
        // The first rack group's profile is flat (its hourly factors are checked in core).
        if e["path"] == "datacenter.rack_groups[].profile[]" {
            continue;
        }
        // Variant-specific specs of a field another variant holds (a grid link's tariff).
        if e["path"] == "backup[].fuel_cost_per_mwh_th" && !variant.is_empty()
            || e["path"] == "backup[].emission_factor_t_per_mwh_th" && !variant.is_empty()
        {
            continue;
        }
        let path = e["path"].as_str().unwrap().replace("[]", "[0]");
        let min = e["min"].as_f64().unwrap();
        let (value, expected) = match e["max"].as_f64() {
            Some(max) => (
                max + (max - min).max(1.0),
                format!(
                    "must be between {} and {} ({})",
                    fmt(min),
                    fmt(max),
                    e["allowed"].as_str().unwrap()
                ),
            ),
            None => (
                min - 1.0,
                format!(
                    "must be {} or more ({})",
                    fmt(min),
                    e["allowed"].as_str().unwrap()
                ),
            ),
        };
        // A sizing's bounds exist in its Between variant only: set the whole sizing.
        let set = match path
            .strip_prefix("optimizer.")
            .and_then(|p| p.rsplit_once('.'))
        {
            Some((sizing, "min")) => format!("optimizer.{sizing}=Between(min: {value}, max: 1)"),
            // Flexibility is not set in the reference: set it whole.
            _ if path.ends_with("flexibility.share_frac") => format!(
                "{}=Some((share_frac: {value}, window_h: 24))",
                path.trim_end_matches(".share_frac")
            ),
            _ if path.ends_with("flexibility.ramp_frac_per_h") => format!(
                "{}=Some((share_frac: 0.2, window_h: 24, ramp_frac_per_h: {value}))",
                path.trim_end_matches(".ramp_frac_per_h")
            ),
            Some((sizing, "max")) => format!("optimizer.{sizing}=Between(min: 0, max: {value})"),
            _ => format!("{path}={value}"),
        };
        let o = run(&["simulate", "--set", &set]);
        assert_eq!(o.status.code(), Some(2), "--set {set}: {}", stderr(&o));
        let err = stderr(&o);
        // Money is in the built-in reference's currency, dirhams ("¤ per kW" reads "MAD per kW").
        let expected = expected.replace('¤', "MAD");
        assert!(
            err.contains(&format!("{path}: {expected}")),
            "--set {set}: expected \"{path}: {expected}\" in:\n{err}"
        );
        checked += 1;
    }
    assert!(checked > 80, "{checked} numbers checked");
}

/// A number as the program's messages write it (no trailing ".0").
fn fmt(v: f64) -> String {
    dakhla_planner::text::number(v)
}

#[test]
fn describe_hourly_lists_the_columns_of_simulate_hourly_in_order() {
    let o = run(&["describe", "hourly", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = list.iter().map(|e| e["name"].as_str().unwrap()).collect();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("h.csv");
    let sim = run(&["simulate", "--hourly", csv.to_str().unwrap()]);
    assert!(sim.status.success(), "{}", stderr(&sim));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().next().unwrap(), names.join(","));
    for e in &list {
        assert!(e["help"].as_str().is_some_and(|h| !h.is_empty()), "{e}");
    }
}

#[test]
fn reliability_reports_lole_and_eue_with_their_errors_and_a_seed_repeats_exactly() {
    let f = repo("scenarios/dakhla-500mw.ron");
    let args = [
        "reliability",
        f.to_str().unwrap(),
        "--draws",
        "200",
        "--seed",
        "7",
        "--json",
    ];
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    for key in [
        "lole_h_per_year",
        "eue_mwh_per_year",
        "lolp",
        "events_per_year",
        "longest_event_h",
    ] {
        for stat in ["mean", "std_error", "p50", "p90"] {
            let v = doc[key][stat].as_f64();
            assert!(
                v.is_some_and(|v| v.is_finite() && v >= 0.0),
                "{key}.{stat}: {v:?}"
            );
        }
    }
    assert_eq!(doc["draws"], 200);
    assert_eq!(doc["years"], 1);
    assert_eq!(doc["seed"], 7);
    assert_eq!(doc["samples"], 200);
    // The design's loss without failures, with and without foresight: the reference loses
    // nothing with the simulation's perfect foresight.
    assert_eq!(
        doc["without_failures"]["perfect_foresight_lole_h_per_year"],
        0.0
    );
    assert!(
        doc["without_failures"]["greedy_lole_h_per_year"]
            .as_f64()
            .is_some()
    );
    // LOLP is LOLE over the hours of a year.
    let lole = doc["lole_h_per_year"]["mean"].as_f64().unwrap();
    let lolp = doc["lolp"]["mean"].as_f64().unwrap();
    assert!((lolp * 8760.0 - lole).abs() < 1e-9);
    // The same seed gives the same numbers; another seed other draws.
    let again: serde_json::Value = serde_json::from_slice(&run(&args).stdout).unwrap();
    assert_eq!(again["lole_h_per_year"], doc["lole_h_per_year"]);
    assert_eq!(
        again["backup_energy_mwh_per_year"],
        doc["backup_energy_mwh_per_year"]
    );
    let mut other = args.to_vec();
    other[5] = "8";
    let other: serde_json::Value = serde_json::from_slice(&run(&other).stdout).unwrap();
    assert_ne!(
        other["backup_energy_mwh_per_year"],
        doc["backup_energy_mwh_per_year"]
    );
    // The readable summary names every statistic with its unit.
    let o = run(&["reliability", f.to_str().unwrap(), "--draws", "50"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for word in [
        "LOLE",
        "h/yr",
        "EUE",
        "MWh/yr",
        "LOLP",
        "Longest event",
        "50 failure draws",
    ] {
        assert!(text.contains(word), "{word}: {text}");
    }
    // Nonsense is refused in words with exit 2.
    for bad in [
        vec!["reliability", "--draws", "0"],
        vec!["reliability", "--draws", "1000000", "--years", "1000"],
        vec!["reliability", "--seed", "-1"],
    ] {
        let o = run(&bad);
        assert_eq!(o.status.code(), Some(2), "{bad:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
    let o = run(&["reliability", "--draws", "1000000", "--years", "1000"]);
    assert!(stderr(&o).contains("sampled years"), "{}", stderr(&o));
    // A plant of 10 kW inverters is millions of units: refused before any work, in words.
    let o = run(&[
        "reliability",
        "--draws",
        "100000",
        "--set",
        "solar_plants[0].inverter_unit_mw=0.01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("failing units"), "{}", stderr(&o));
    // No grid link, no survival curve; with one, the chance of riding through outages of 1 to
    // 72 h, falling with the duration.
    assert!(doc["survival"].is_null());
    let g = repo("scenarios/dakhla-grid-link.ron");
    let o = run(&[
        "reliability",
        g.to_str().unwrap(),
        "--draws",
        "20",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let curve = doc["survival"].as_array().expect("a curve");
    let hours: Vec<f64> = curve
        .iter()
        .map(|p| p["duration_h"].as_f64().unwrap())
        .collect();
    assert_eq!(hours, [1.0, 4.0, 12.0, 24.0, 72.0]);
    let p: Vec<f64> = curve
        .iter()
        .map(|p| p["probability"]["mean"].as_f64().unwrap())
        .collect();
    assert!(p.windows(2).all(|w| w[0] >= w[1]), "{p:?}");
    assert!(p.iter().all(|x| (0.0..=1.0).contains(x)), "{p:?}");
    assert!(curve[0]["probability"]["p90"].as_f64().unwrap() <= p[0]);
}

#[test]
fn a_reliability_study_in_shards_merges_to_the_run_in_one_process() {
    let dir = tempfile::tempdir().unwrap();
    let g = repo("scenarios/dakhla-grid-link.ron");
    let g = g.to_str().unwrap();
    let study = ["--draws", "15", "--years", "2", "--seed", "4"];
    let mut shards = Vec::new();
    for i in 1..=3 {
        let out = dir.path().join(format!("s{i}.json"));
        let mut args = vec!["reliability", g];
        args.extend(study);
        let shard = format!("{i}/3");
        args.extend(["--shard", shard.as_str(), "--out", out.to_str().unwrap()]);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("shard {i}/3: 10 of 30")),
            "{}",
            stderr(&o)
        );
        shards.push(out);
    }
    let merged_csv = dir.path().join("merged.csv");
    let mut args = vec!["merge"];
    // In any order.
    for s in shards.iter().rev() {
        args.push(s.to_str().unwrap());
    }
    args.extend(["--csv", merged_csv.to_str().unwrap(), "--json"]);
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut merged: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let one_csv = dir.path().join("one.csv");
    let mut args = vec!["reliability", g];
    args.extend(study);
    args.extend(["--csv", one_csv.to_str().unwrap(), "--json"]);
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut one: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    // Every figure the same, to the last bit; only the time differs.
    for d in [&mut merged, &mut one] {
        d.as_object_mut().unwrap().remove("wall_s");
    }
    assert_eq!(merged, one);
    assert_eq!(merged["samples"], 30);
    assert_eq!(
        std::fs::read(&merged_csv).unwrap(),
        std::fs::read(&one_csv).unwrap()
    );
    // A shard changed after it was written, a missing one: named, exit 2, nothing written.
    let text = std::fs::read_to_string(&shards[1]).unwrap();
    let tampered = dir.path().join("t.json");
    let changed = text.replacen("\"events\": 0.0", "\"events\": 0.5", 1);
    assert_ne!(changed, text);
    std::fs::write(&tampered, changed).unwrap();
    let o = run(&[
        "merge",
        shards[0].to_str().unwrap(),
        tampered.to_str().unwrap(),
        shards[2].to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("t.json: results"), "{}", stderr(&o));
    let o = run(&["merge", shards[0].to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("2 of 3 shards missing"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn reliability_runs_in_each_dispatch_mode_and_compares_them_without_failures() {
    let f = repo("scenarios/dakhla-cfe95.ron");
    let f = f.to_str().unwrap();
    let lole = |mode: &str| {
        let o = run(&[
            "reliability",
            f,
            "--draws",
            "30",
            "--dispatch",
            mode,
            "--json",
        ]);
        assert!(o.status.success(), "{mode}: {}", stderr(&o));
        let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        (d["lole_h_per_year"]["mean"].as_f64().unwrap(), d)
    };
    let (perfect, d) = lole("perfect");
    let (forecast, f24) = lole("forecast:24");
    let (greedy, _) = lole("greedy");
    assert_eq!(d["dispatch"], "PerfectForesight");
    assert_eq!(f24["dispatch"], "Forecast(horizon_h: 24)");
    assert!(
        perfect < forecast && forecast < greedy,
        "{perfect} {forecast} {greedy}"
    );
    // Without failures: perfect foresight loses nothing, a 24 h forecast a little, greedy most.
    let modes = d["without_failures"]["modes"].as_array().expect("modes");
    let names: Vec<&str> = modes
        .iter()
        .map(|m| m["dispatch"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["PerfectForesight", "Forecast(horizon_h: 24)", "Greedy"]
    );
    let sure: Vec<f64> = modes
        .iter()
        .map(|m| m["lole_h_per_year"].as_f64().unwrap())
        .collect();
    assert_eq!(sure[0], 0.0);
    assert!(sure[1] > 0.0 && sure[2] > sure[1], "{sure:?}");
    assert!(modes[2]["backup_energy_mwh_per_year"].as_f64().unwrap() > 0.0);
    // The scenario field says the same as the flag.
    let o = run(&[
        "reliability",
        f,
        "--draws",
        "30",
        "--set",
        "simulation.dispatch=Greedy",
        "--json",
    ]);
    let by_field: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        by_field["lole_h_per_year"]["mean"].as_f64().unwrap(),
        greedy
    );
    // The optimizer sizes with perfect foresight: a mix dispatched greedily that then misses
    // its targets is said so, with exit 2, never reported as met.
    let o = run(&["optimize", f, "--set", "simulation.dispatch=Greedy"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("sizes with perfect foresight")
            && stderr(&o).contains("misses: unmet_energy_mwh"),
        "{}",
        stderr(&o)
    );
    for bad in ["soon", "forecast:0", "forecast:169"] {
        let o = run(&["reliability", f, "--draws", "2", "--dispatch", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("--dispatch"), "{}", stderr(&o));
    }
}

#[test]
fn optimize_sizes_backup_in_whole_units_to_a_lole_target_and_saves_them() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("sized.ron");
    let front = dir.path().join("front.csv");
    let o = run(&[
        "optimize",
        repo("scenarios/dakhla-500mw.ron").to_str().unwrap(),
        "--set",
        "targets.max_lole_h_per_year=5",
        "--reliability-draws",
        "40",
        "--json",
        "--save",
        saved.to_str().unwrap(),
        "--reliability-front",
        front.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("reliability step 1: start"),
        "{}",
        stderr(&o)
    );
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let r = &d["reliability_sizing"];
    assert_eq!(r["met"], true);
    assert!(r["lole_h_per_year"].as_f64().unwrap() <= 5.0);
    let steps = r["steps"].as_array().unwrap();
    // The optimizer's mix alone (perfect machines) misses the target; units were added.
    assert!(!steps[0]["met"].as_bool().unwrap(), "{}", steps[0]);
    assert!(steps.len() >= 2);
    let first_cost = steps[0]["annualized_cost_usd"].as_f64().unwrap();
    let last_cost = steps.last().unwrap()["annualized_cost_usd"]
        .as_f64()
        .unwrap();
    assert!(last_cost > first_cost);
    // Whole units of the file's own sizes (gas turbines 50 MW, gensets 2.5 MW) are saved.
    let s = dakhla_planner::scenario::load(&saved).expect("the saved file opens");
    for b in &s.backup {
        let unit = b.capacity_mw / f64::from(b.unit_count);
        assert!(
            b.capacity_mw == 0.0 || [50.0, 2.5].iter().any(|u| (unit - u).abs() < 1e-9),
            "{}: {} MW in {} units",
            b.name,
            b.capacity_mw,
            b.unit_count
        );
    }
    let units: Vec<u64> = r["backup_units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(units.len(), s.backup.len());
    // The front of cost against LOLE: one row per step, cost rising as LOLE falls.
    let csv = std::fs::read_to_string(&front).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("step,change,met,annualized_cost_usd,lole_h_per_year,eue_mwh_per_year")
    );
    assert_eq!(lines.count(), steps.len());
    // Without a reliability target the front is refused in words.
    let o = run(&["optimize", "--reliability-front", front.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("needs a reliability target"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn lang_is_taken_by_every_subcommand_and_never_changes_the_json() {
    let file = repo("scenarios/dakhla-500mw.ron");
    let f = file.to_str().unwrap();
    let en = run(&["simulate", f, "--json", "--lang", "en"]);
    assert!(en.status.success(), "{}", stderr(&en));
    // French from the flag and from the locale: the JSON keys and values are contracts.
    let fr = run(&["--lang=fr", "simulate", f, "--json"]);
    assert!(fr.status.success(), "{}", stderr(&fr));
    let from_locale = bin()
        .args(["simulate", f, "--json"])
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("runs");
    assert!(from_locale.status.success(), "{}", stderr(&from_locale));
    let strip = |o: &Output| {
        let mut v: serde_json::Value = serde_json::from_str(&stdout(o)).expect("JSON");
        // The wall time differs from run to run.
        if let Some(p) = v.get_mut("provenance").and_then(|p| p.as_object_mut()) {
            p.remove("wall_ms");
            p.remove("run_at");
        }
        v
    };
    assert_eq!(strip(&en), strip(&fr));
    assert_eq!(strip(&en), strip(&from_locale));
    for sub in [
        &["check", f][..],
        &["describe", "fields"],
        &["reliability", f, "--draws", "10"],
    ] {
        let mut args = sub.to_vec();
        args.extend(["--lang", "fr"]);
        let o = run(&args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
    // A language the program does not speak: a usage error naming the choices, exit 2.
    let o = run(&["simulate", f, "--lang", "de"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("--lang") && e.contains("en") && e.contains("fr"),
        "{e}"
    );
}

#[test]
fn help_reads_french_with_lang_fr_or_a_french_locale_and_english_otherwise() {
    // English: clap's words and the doc comments, as always.
    let en = run(&["--help"]);
    assert_eq!(en.status.code(), Some(0));
    let text = stdout(&en);
    for words in [
        "Usage: dakhla-planner",
        "Commands:",
        "Options:",
        "Print help",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    // French, from the flag (before or after the subcommand) and from the locale.
    let from_locale = bin()
        .args(["simulate", "--help"])
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("runs");
    for (o, words) in [
        (
            run(&["--lang", "fr", "--help"]),
            &[
                "Utilisation : dakhla-planner [OPTIONS] [FILES]... [COMMAND]",
                "Commandes :",
                "Arguments :",
                "Options :",
                "Simuler un scénario sur une année et afficher ses indicateurs",
                "[valeurs possibles : en, fr]",
                "Afficher la version",
                "Codes de sortie : 0 succès",
            ][..],
        ),
        (
            run(&["--lang=fr", "simulate", "--help"]),
            &[
                "Utilisation : dakhla-planner simulate [OPTIONS] [FILE]",
                "Écrire aussi les résultats horaires dans ce fichier CSV",
                "Afficher l'aide",
            ],
        ),
        (
            from_locale,
            &["Écrire aussi les résultats horaires dans ce fichier CSV"],
        ),
        (
            run(&["reliability", "-h", "--lang", "fr"]),
            &["Tirages de pannes par année météo [par défaut : 1000]"],
        ),
        (
            run(&["--lang", "fr", "describe", "--help"]),
            &[
                "Valeurs possibles :",
                "Chaque colonne de `simulate --hourly` (nom, unité, signification)",
                "Afficher l'aide (un résumé avec '-h')",
            ],
        ),
        (
            run(&["--lang", "fr", "help", "merge"]),
            &["Réunir les fichiers de résultats"],
        ),
    ] {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let text = stdout(&o);
        for words in words {
            assert!(text.contains(words), "{words}: {text}");
        }
        for english in [
            "Usage:",
            "Options:",
            "Print help",
            "possible values",
            "default:",
        ] {
            assert!(!text.contains(english), "{english}: {text}");
        }
    }
}

#[test]
fn a_broken_weather_file_is_refused_in_french_with_exit_2() {
    let scenario = repo("tests/malformed/weather-file-bad-cell.ron");
    let o = run(&["--lang", "fr", "simulate", scenario.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains(
            "weather-non-number.csv:4: température sèche de l'air : 'hot' dans la colonne \
             'temp_air' n'est pas un nombre (laissez la cellule vide, ou écrivez NaN ou -9999, \
             pour une valeur manquante)"
        ),
        "{e}"
    );
    let epw = repo("tests/malformed/weather-bad-header.epw");
    let o = run(&[
        "simulate",
        "--weather",
        epw.to_str().unwrap(),
        "--lang",
        "fr",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains(
            "weather-bad-header.epw:1: la première ligne devrait commencer par LOCATION : ce \
             fichier ne ressemble pas à un fichier météo EnergyPlus (EPW)"
        ),
        "{e}"
    );
    // The same file in English reads as it always did.
    let o = run(&["simulate", "--weather", epw.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the first line should start with LOCATION"),
        "{}",
        stderr(&o)
    );
}

/// Issue 17: money in the scenario's currency must never move a US dollar key. The schema 3
/// reference as it shipped (USD, before currencies existed) and its schema 4 USD copy give
/// exactly the KPIs and cost lines recorded from the program before currencies; the MAD
/// reference keeps its `_usd` keys in dollars and adds `currency` and `kpis_in_currency`.
#[test]
fn an_unchanged_usd_scenario_keeps_every_usd_key_and_a_mad_one_adds_its_currency() {
    let recorded: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo("tests/fixtures/currency/schema3-reference-usd.json"))
            .expect("the fixture reads"),
    )
    .expect("the fixture parses");
    for file in [
        "tests/fixtures/currency/schema3-reference.ron",
        "scenarios/dakhla-500mw-usd.ron",
    ] {
        let path = repo(file);
        let o = run(&["simulate", path.to_str().unwrap(), "--json"]);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        // Every recorded key keeps its value; the only keys added since are the grid link's
        // export, the flexible compute's shift and the water of heat rejection, zero without
        // them (the reference has dry coolers).
        let (kpis, then) = (
            doc["kpis"].as_object().expect("an object"),
            recorded["kpis"].as_object().expect("an object"),
        );
        for (key, value) in then {
            assert_eq!(kpis.get(key), Some(value), "{file}: kpis.{key} moved");
        }
        for key in kpis.keys().filter(|k| !then.contains_key(*k)) {
            assert!(
                [
                    "exported_energy_mwh",
                    "export_revenue_usd_per_year",
                    "flexible_energy_shifted_mwh",
                    "flexible_shift_mean_h",
                    "flexible_shift_max_h",
                    "water_m3",
                    "wue_l_per_kwh",
                    "peak_water_m3_per_day",
                    "desalination_energy_mwh",
                    "water_cost_usd_per_year",
                ]
                .contains(&key.as_str()),
                "{file}: new key kpis.{key}"
            );
            assert_eq!(kpis[key], 0.0, "{file}: kpis.{key}");
        }
        assert_eq!(
            doc["costs"], recorded["costs"],
            "{file}: the cost lines moved"
        );
        assert_eq!(doc["currency"]["code"], "USD");
        assert_eq!(doc["currency"]["per_usd"], 1.0);
        assert!(doc.get("kpis_in_currency").is_none(), "{file}");
    }
    let mad = run(&[
        "simulate",
        repo("scenarios/dakhla-500mw.ron").to_str().unwrap(),
        "--json",
    ]);
    assert!(mad.status.success(), "{}", stderr(&mad));
    let doc: serde_json::Value = serde_json::from_slice(&mad.stdout).expect("JSON");
    assert_eq!(doc["currency"]["code"], "MAD");
    let rate = doc["currency"]["per_usd"].as_f64().unwrap();
    assert_eq!(doc["currency"]["as_of"], "2025-08-04");
    let usd = doc["kpis"]["lcoe_usd_per_mwh"].as_f64().unwrap();
    let in_mad = doc["kpis_in_currency"]["lcoe_mad_per_mwh"]
        .as_f64()
        .unwrap();
    assert!((in_mad - usd * rate).abs() < 1e-9 * in_mad);
    assert!(doc["kpis_in_currency"]["capex_mad"].as_f64().unwrap() > 1e9);
    // The text reads in dirhams.
    let text = stdout(&run(&[
        "simulate",
        repo("scenarios/dakhla-500mw.ron").to_str().unwrap(),
    ]));
    assert!(text.contains(" MAD/MWh"), "{text}");
    assert!(text.contains(" M MAD"), "{text}");
    assert!(!text.contains("USD/MWh"), "{text}");
}

/// `migrate --currency` converts every cost at the file's own rates, keeps its comments and
/// never changes a result in US dollars; a typo writes nothing.
#[test]
fn migrate_currency_converts_costs_keeps_comments_and_results() {
    let dir = std::env::temp_dir().join(format!("dakhla-currency-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let usd = dir.join("usd.ron");
    std::fs::copy(repo("scenarios/dakhla-500mw-usd.ron"), &usd).unwrap();
    let before = std::fs::read_to_string(&usd).unwrap();
    let bad = run(&["migrate", usd.to_str().unwrap(), "--currency", "GBP"]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(stderr(&bad).contains("USD, EUR or MAD"), "{}", stderr(&bad));
    assert_eq!(std::fs::read_to_string(&usd).unwrap(), before);
    let mad = dir.join("mad.ron");
    let o = run(&[
        "migrate",
        usd.to_str().unwrap(),
        "--currency",
        "mad",
        "--out",
        mad.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("costs converted from USD to MAD"),
        "{}",
        stdout(&o)
    );
    let text = std::fs::read_to_string(&mad).unwrap();
    assert!(text.contains("currency: MAD"));
    assert!(text.contains("capex_per_kw: 14766.0"), "1605 USD x 9.2");
    assert!(text.contains("// NREL ATB 2024"), "comments are kept");
    let json = |p: &Path| -> serde_json::Value {
        let o = run(&["simulate", p.to_str().unwrap(), "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let (a, b) = (json(&usd), json(&mad));
    let close = |x: &serde_json::Value, y: &serde_json::Value| {
        let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
        (x - y).abs() <= 1e-9 * x.abs().max(1.0)
    };
    for key in ["capex_usd", "annualized_cost_usd", "lcoe_usd_per_mwh"] {
        assert!(close(&a["kpis"][key], &b["kpis"][key]), "{key}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
