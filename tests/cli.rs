//! End-to-end tests of the `dakhla-planner` binary: what a planner's script sees.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dakhla-planner"))
}

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
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
    for label in [
        "racks planned / fit under cap",
        "PUE mean / peak",
        "24/7 CFE score",
        "LCOE",
    ] {
        assert!(s.contains(label), "summary lacks {label}:\n{s}");
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
         battery_soc_mwh,backup_mw,curtailed_mw,unmet_mw,backup_to_battery_mw"
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
    }
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
            "between 0 and 1",
        ),
        (
            "utilization: 0.6",
            "utilization: NaN",
            "datacenter.rack_groups[2].utilization",
            "must be a number",
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
            "--set battery.round_trip_eff=1.2: battery.round_trip_eff: must be between 0 and 1"
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
