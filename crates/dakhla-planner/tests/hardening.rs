//! Files and inputs that can hurt no one: the binary run as a careless or a hostile user would,
//! class by class (issue 13). Every test here failed on the program before these fixes.
//!
//! `DAKHLA_PLANNER_BIN` runs the tests against another build of the binary (to show which fail
//! on an older one); by default they run against this build.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = match std::env::var_os("DAKHLA_PLANNER_BIN") {
        Some(b) => Command::new(b),
        None => Command::new(env!("CARGO_BIN_EXE_dakhla-planner")),
    };
    // The English these tests read, whatever the locale of the machine running them.
    c.env("LC_ALL", "C");
    c
}

fn repo(p: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(p)
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit code 2 (bad input) with no panic, and the message (standard error) for checks.
#[track_caller]
fn refused(o: &Output) -> String {
    let e = err(o);
    assert_eq!(o.status.code(), Some(2), "expected exit 2:\n{e}{}", out(o));
    assert!(!e.contains("panicked"), "{e}");
    e
}

#[track_caller]
fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "expected success:\n{}{}",
        err(o),
        out(o)
    );
    out(o)
}

fn reference_text() -> String {
    std::fs::read_to_string(repo("scenarios/dakhla-500mw.ron")).expect("reference scenario")
}

/// A folder holding `s.ron` (the reference scenario reading `weather.csv`) and `weather.csv`
/// (the reference year's weather as a CSV weather file).
fn scenario_with_csv_weather(dir: &Path) -> PathBuf {
    let o = run_in(
        dir,
        &[
            "simulate",
            repo("scenarios/dakhla-500mw.ron").to_str().unwrap(),
            "--hourly",
            "h.csv",
        ],
    );
    ok(&o);
    let hourly = std::fs::read_to_string(dir.join("h.csv")).unwrap();
    std::fs::remove_file(dir.join("h.csv")).unwrap();
    std::fs::write(
        dir.join("weather.csv"),
        format!("# latitude: 23.72\n# longitude: -15.93\n{hourly}"),
    )
    .unwrap();
    let text = reference_text().replace(
        "weather: Synthetic(seed: 2029, year: 2029)",
        "weather: Csv(path: \"weather.csv\")",
    );
    assert!(text.contains("Csv(path"));
    let s = dir.join("s.ron");
    std::fs::write(&s, text).unwrap();
    s
}

/// A small study's two shard files in `dir` (2 Pareto targets, 2 shards), named a.json, b.json.
fn two_shards(dir: &Path) {
    let text = reference_text()
        .replace("pareto_points: 20", "pareto_points: 2")
        .replace("pareto_from: 0.70", "pareto_from: 0.80");
    std::fs::write(dir.join("small.ron"), &text).unwrap();
    for (i, f) in [(1, "a.json"), (2, "b.json")] {
        let o = run_in(
            dir,
            &[
                "optimize",
                "small.ron",
                "--pareto",
                "x",
                "--shard",
                &format!("{i}/2"),
                "--out",
                f,
                "--set",
                "optimizer.sensitivities=[]",
            ],
        );
        ok(&o);
    }
}

fn sha256_file(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

// ---------------------------------------------------------------------------------------------
// 1. No panic on any input

#[test]
fn every_subcommand_survives_non_ascii_long_and_control_character_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let weird = [
        "é".repeat(300),
        "日本語\u{1b}[31m\r\u{202e}".to_owned(),
        "x".repeat(5000),
        "\u{7}\u{0}".replace('\0', ""),
    ];
    for (k, w) in weird.iter().enumerate() {
        let name = format!("{k}-{}.ron", w.chars().take(60).collect::<String>());
        let f = d.join(&name);
        std::fs::write(
            &f,
            reference_text().replace("Dakhla 500 MW reference campus", w),
        )
        .unwrap();
        let f = f.to_str().unwrap();
        let (name_set, path_set, index_set) = (
            format!("meta.name={w}"),
            format!("{w}=1"),
            format!("wind_farms[{w}].turbine_count=1"),
        );
        let runs: Vec<Vec<&str>> = vec![
            vec!["check", f],
            vec!["simulate", f],
            vec!["simulate", f, "--json"],
            vec!["compare", f, f],
            vec!["migrate", f, "--out", "m.ron"],
            vec!["export", f, "--out", "exp"],
            vec!["optimize", f, "--shard", w, "--out", "s.json"],
            vec!["simulate", "--set", w],
            vec!["simulate", "--set", &name_set],
            vec!["simulate", "--set", &path_set],
            vec!["simulate", "--set", &index_set],
            vec!["merge", f],
            vec!["simulate", "--weather", f],
        ];
        for args in runs {
            let o = run_in(d, &args);
            let e = err(&o);
            assert!(
                matches!(o.status.code(), Some(0) | Some(2)),
                "{args:?}: exit {:?}\n{e}",
                o.status.code()
            );
            assert!(!e.contains("panicked"), "{args:?}: {e}");
            // Nothing reaches the terminal raw.
            for stream in [&o.stdout, &o.stderr] {
                assert!(
                    !stream.contains(&0x1b) && !stream.contains(&b'\r'),
                    "{args:?}: a raw control character was printed"
                );
            }
        }
    }
}

#[test]
fn a_multi_byte_study_id_never_splits_a_character() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    two_shards(d);
    for f in ["a.json", "b.json"] {
        let text = std::fs::read_to_string(d.join(f)).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v["study_sha256"] = "aééééééé".into();
        std::fs::write(d.join(f), v.to_string()).unwrap();
    }
    let e = refused(&run_in(d, &["merge", "a.json", "b.json"]));
    assert!(e.contains("a.json: study_sha256:"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// 2. Bounded memory and time

#[test]
fn shard_files_are_size_capped_and_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("huge.json");
    std::fs::File::create(&f)
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    let e = refused(&run_in(dir.path(), &["merge", "huge.json"]));
    assert!(
        e.contains("huge.json: the file is 200.0 MB; a shard result file is at most 128 MB"),
        "{e}"
    );
}

#[test]
fn missing_shards_are_listed_with_a_cap() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    two_shards(d);
    // Shard 5 of 100,000 of a study of 2 jobs (no job of its own), as a script might write it.
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("a.json")).unwrap()).unwrap();
    v["shard"] = 5.into();
    v["shards"] = 100_000.into();
    v["results"] = serde_json::json!([]);
    v["results_sha256"] = {
        use sha2::Digest;
        sha2::Sha256::digest(b"[]")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
            .into()
    };
    std::fs::write(d.join("one.json"), v.to_string()).unwrap();
    let e = refused(&run_in(d, &["merge", "one.json"]));
    assert!(
        e.starts_with("99,999 of 100,000 shards missing: 1/100000, 2/100000,")
            && e.contains("... and 99,989 more"),
        "{e}"
    );
    assert!(e.len() < 400, "{} bytes", e.len());
    // The program itself never splits a study in more shards than it has jobs.
    let e = refused(&run_in(
        d,
        &[
            "optimize",
            "small.ron",
            "--shard",
            "5/100000",
            "--set",
            "optimizer.sensitivities=[]",
        ],
    ));
    assert!(
        e.contains("the study has 1 job(s), so at most 1 shards have work"),
        "{e}"
    );
}

#[test]
fn a_study_too_large_is_refused_before_any_job_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let cases: String = (0..1000)
        .map(|k| format!("(name: \"case {k}\", battery_capex_factor: 0.9),\n"))
        .collect();
    let text = reference_text().replace("pareto_points: 20", "pareto_points: 200");
    let at = text.find("sensitivities: [").unwrap();
    let end = at + text[at..].find("],").unwrap();
    let text = format!(
        "{}sensitivities: [\n{cases}]{}",
        &text[..at],
        &text[end + 1..]
    );
    std::fs::write(dir.path().join("big.ron"), text).unwrap();
    let e = refused(&run_in(
        dir.path(),
        &[
            "optimize", "big.ron", "--pareto", "x", "--years", "1000", "--shard", "1/100000",
        ],
    ));
    assert!(
        e.contains("the study has 200200000 jobs (1001 cost case(s) x 1000 weather year(s) x 200 target(s)); at most 100000"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Outputs never destroy inputs or the system

#[test]
fn an_output_that_is_an_input_is_refused_whatever_path_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let s = scenario_with_csv_weather(d);
    std::fs::create_dir(d.join("sub")).unwrap();
    let abs = s.to_str().unwrap().to_owned();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("s.ron", d.join("link.ron")).unwrap();
        std::fs::hard_link(&s, d.join("hard.ron")).unwrap();
        std::fs::hard_link(d.join("weather.csv"), d.join("w-hard.csv")).unwrap();
    }
    let before = sha256_file(&s);
    let weather_before = sha256_file(&d.join("weather.csv"));
    let mut spellings = vec!["s.ron", "./s.ron", "sub/../s.ron", abs.as_str()];
    if cfg!(unix) {
        spellings.extend(["link.ron", "hard.ron"]);
    }
    for out in spellings {
        for args in [
            vec!["simulate", "s.ron", "--hourly", out],
            vec!["optimize", "s.ron", "--save", out],
            vec!["optimize", "s.ron", "--pareto", out],
            vec!["optimize", "s.ron", "--shard", "1/4", "--out", out],
        ] {
            let e = refused(&run_in(d, &args));
            assert!(
                e.contains("this is the scenario of this run"),
                "{args:?}: {e}"
            );
        }
    }
    let mut weather_spellings = vec!["weather.csv", "./weather.csv"];
    if cfg!(unix) {
        weather_spellings.push("w-hard.csv");
    }
    for out in weather_spellings {
        let e = refused(&run_in(d, &["simulate", "s.ron", "--hourly", out]));
        assert!(e.contains("this is the weather file of this run"), "{e}");
        let e = refused(&run_in(d, &["migrate", "s.ron", "--out", out]));
        assert!(e.contains("this is the weather file of this run"), "{e}");
    }
    // An export folder holding the weather under one of the export's names.
    std::fs::create_dir(d.join("exp")).unwrap();
    std::fs::copy(d.join("weather.csv"), d.join("exp/hourly.csv")).unwrap();
    let text = std::fs::read_to_string(&s)
        .unwrap()
        .replace("\"weather.csv\"", "\"exp/hourly.csv\"");
    std::fs::write(d.join("t.ron"), text).unwrap();
    let e = refused(&run_in(d, &["export", "t.ron", "--out", "exp"]));
    assert!(e.contains("which is the weather file of this run"), "{e}");
    assert_eq!(sha256_file(&s), before, "the scenario is untouched");
    assert_eq!(sha256_file(&d.join("weather.csv")), weather_before);
    // Two outputs of one run naming one file.
    let e = refused(&run_in(
        d,
        &[
            "optimize",
            "s.ron",
            "--hourly",
            "x.csv",
            "--pareto",
            "sub/../x.csv",
        ],
    ));
    assert!(e.contains("--hourly x.csv writes the same file"), "{e}");
}

#[test]
fn merge_refuses_to_write_over_its_own_shards_or_read_one_twice() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    two_shards(d);
    let a = sha256_file(&d.join("a.json"));
    let e = refused(&run_in(
        d,
        &["merge", "a.json", "b.json", "--csv", "./a.json"],
    ));
    assert!(e.contains("this is shard file 1 of this merge"), "{e}");
    assert_eq!(sha256_file(&d.join("a.json")), a);
    #[cfg(unix)]
    std::fs::hard_link(d.join("a.json"), d.join("a2.json")).unwrap();
    #[cfg(unix)]
    {
        let e = refused(&run_in(d, &["merge", "a.json", "a2.json", "b.json"]));
        assert!(e.contains("a2.json: the same file is given twice"), "{e}");
    }
    let o = run_in(d, &["merge", "a.json", "b.json", "--csv", "study.csv"]);
    assert!(ok(&o).contains("2 jobs from 2 shards"));
}

#[cfg(unix)]
#[test]
fn devices_and_named_pipes_are_written_through_or_refused_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let f = repo("scenarios/dakhla-500mw.ron");
    let f = f.to_str().unwrap();
    // A character device: written through.
    ok(&run_in(d, &["simulate", f, "--hourly", "/dev/null"]));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A named pipe without a reader: refused, still a pipe.
    let fifo = d.join("pipe.csv");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        return;
    }
    let e = refused(&run_in(d, &["simulate", f, "--hourly", "pipe.csv"]));
    assert!(e.contains("a named pipe that no program is reading"), "{e}");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // With a reader, the rows go through the pipe.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    std::thread::sleep(std::time::Duration::from_millis(200));
    ok(&run_in(d, &["simulate", f, "--hourly", "pipe.csv"]));
    let text = reader.join().unwrap();
    assert_eq!(text.lines().count(), 8761, "header and 8760 rows");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // A folder is named as one.
    std::fs::create_dir(d.join("out")).unwrap();
    let e = refused(&run_in(d, &["simulate", f, "--hourly", "out"]));
    assert!(e.contains("it is a folder, not a file"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_rewritten_file_never_gains_setuid_or_setgid_bits() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let f = repo("scenarios/dakhla-500mw.ron");
    std::fs::write(d.join("h.csv"), "old").unwrap();
    std::fs::set_permissions(d.join("h.csv"), std::fs::Permissions::from_mode(0o6755)).unwrap();
    ok(&run_in(
        d,
        &["simulate", f.to_str().unwrap(), "--hourly", "h.csv"],
    ));
    let mode = std::fs::metadata(d.join("h.csv"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o7777, 0o755);
}

#[cfg(unix)]
#[test]
fn a_symlinked_scenario_is_rewritten_at_its_target_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("team")).unwrap();
    let old = std::fs::read_to_string(repo("tests/fixtures/schema/v1-dakhla-500mw.ron")).unwrap();
    std::fs::write(d.join("team/real.ron"), old).unwrap();
    std::os::unix::fs::symlink("team/real.ron", d.join("link.ron")).unwrap();
    ok(&run_in(d, &["migrate", "link.ron"]));
    assert!(
        std::fs::symlink_metadata(d.join("link.ron"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let now = std::fs::read_to_string(d.join("team/real.ron")).unwrap();
    assert!(now.contains("schema_version: 4"), "the target was migrated");
    // optimize --save through a link writes the target as well.
    std::os::unix::fs::symlink("team/saved.ron", d.join("saved-link.ron")).unwrap();
    std::fs::write(d.join("team/saved.ron"), "").unwrap();
    let f = repo("scenarios/dakhla-cfe95.ron");
    ok(&run_in(
        d,
        &["optimize", f.to_str().unwrap(), "--save", "saved-link.ron"],
    ));
    assert!(
        std::fs::symlink_metadata(d.join("saved-link.ron"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(d.join("team/saved.ron"))
            .unwrap()
            .contains("schema_version")
    );
}

#[test]
fn two_exports_into_one_folder_never_leave_it_mixed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Two scenarios whose exports differ in name and in their charts' file names.
    for (file, name, farm) in [
        ("one.ron", "Export one", "North farm"),
        ("two.ron", "Export two", "South farm"),
    ] {
        let text = reference_text()
            .replace("Dakhla 500 MW reference campus", name)
            .replace("\"Dakhla North wind\"", &format!("\"{farm}\""));
        assert!(text.contains(farm), "the farm is renamed");
        std::fs::write(d.join(file), text).unwrap();
    }
    let check = |d: &Path| {
        let json = std::fs::read_to_string(d.join("out/kpis.json")).unwrap();
        let html = std::fs::read_to_string(d.join("out/report.html")).unwrap();
        let one = json.contains("Export one");
        assert_eq!(one, !json.contains("Export two"));
        assert_eq!(
            html.contains("Export one"),
            one,
            "report and KPIs of one export"
        );
        let charts: Vec<String> = std::fs::read_dir(d.join("out/charts"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("power-curve"))
            .collect();
        let farm = if one { "north" } else { "south" };
        assert!(
            !charts.is_empty() && charts.iter().all(|c| c.contains(farm)),
            "{charts:?}"
        );
    };
    // One after the other: the second leaves none of the first's charts.
    ok(&run_in(d, &["export", "one.ron", "--out", "out"]));
    ok(&run_in(d, &["export", "two.ron", "--out", "out"]));
    check(d);
    // At the same time, several rounds.
    for _ in 0..3 {
        let spawn = |f: &str| {
            bin()
                .current_dir(d)
                .args(["export", f, "--out", "out"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        };
        let (mut a, mut b) = (spawn("one.ron"), spawn("two.ron"));
        assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
        check(d);
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Shards are checked, not trusted

#[test]
fn a_tampered_or_inconsistent_shard_set_is_refused_naming_shard_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    two_shards(d);
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("a.json")).unwrap()).unwrap();
    let results_sha = |v: &serde_json::Value| {
        use sha2::Digest;
        let text = serde_json::to_string(&v["results"]).unwrap();
        sha2::Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    type Tamper = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(&str, Tamper, &str)> = vec![
        (
            "shard 0",
            Box::new(|v| v["shard"] = 0.into()),
            "t.json: shard: must be 1 to shards",
        ),
        (
            "shard > n",
            Box::new(|v| v["shard"] = 3.into()),
            "t.json: shard: must be 1 to shards",
        ),
        (
            "no shards",
            Box::new(|v| v["shards"] = 0.into()),
            "t.json: shards: must be 1 to",
        ),
        (
            "huge count",
            Box::new(|v| v["shards"] = 4294967295u64.into()),
            "t.json: shards: must be 1 to 100000",
        ),
        (
            "total",
            Box::new(|v| v["jobs_total"] = 3.into()),
            "t.json: jobs_total: must be cases x weather_years x targets",
        ),
        (
            "study id",
            Box::new(|v| v["study_sha256"] = "x".into()),
            "t.json: study_sha256: must be the study's SHA-256",
        ),
        (
            "format",
            Box::new(|v| v["format"] = "other".into()),
            "not a shard result file",
        ),
        (
            "cfe",
            Box::new(move |v| {
                v["results"][0]["cfe_score"] = 1.5.into();
                v["results_sha256"] = results_sha(v).into();
            }),
            "t.json: results[0].cfe_score: must be a share between 0 and 1, got 1.5",
        ),
        (
            "negative capacity",
            Box::new(move |v| {
                v["results"][0]["capacities"]["wind_mw"] = (-100.0).into();
                v["results_sha256"] = results_sha(v).into();
            }),
            "t.json: results[0].capacities.wind_mw: must be a capacity between 0 and 1000000",
        ),
        (
            "other shard's job",
            Box::new(move |v| {
                v["results"][0]["job"]["index"] = 1.into();
                v["results_sha256"] = results_sha(v).into();
            }),
            "t.json: results[0].job.index: job 1 is not one of shard 1/2's jobs",
        ),
        (
            "wrong target",
            Box::new(move |v| {
                v["results"][0]["job"]["target"] = 0.5.into();
                v["results_sha256"] = results_sha(v).into();
            }),
            "t.json: results[0].job.target: job 0 has target",
        ),
        (
            "changed cost",
            Box::new(|v| v["results"][0]["annualized_cost_usd"] = 1.0.into()),
            "t.json: results_sha256: does not match the results",
        ),
        (
            "control character",
            Box::new(|v| v["scenario_name"] = "a\u{1b}[2Jb".into()),
            "t.json: scenario_name: holds the character U+001B (escape",
        ),
        (
            "unknown field",
            Box::new(|v| v["extra"] = 1.into()),
            "unknown field `extra`",
        ),
        (
            "cut short",
            Box::new(move |v| {
                v["results"] = serde_json::json!([]);
                v["results_sha256"] = results_sha(v).into();
            }),
            "t.json: results: shard 1/2 of a study of 2 jobs holds 1 job results, got 0",
        ),
    ];
    for (what, tamper, expected) in cases {
        let mut t = a.clone();
        tamper(&mut t);
        std::fs::write(d.join("t.json"), serde_json::to_string_pretty(&t).unwrap()).unwrap();
        let e = refused(&run_in(d, &["merge", "t.json", "b.json"]));
        assert!(e.contains(expected), "{what}: {e}");
    }
    // A shard of another study.
    let mut other = a.clone();
    other["study_sha256"] = "0".repeat(64).into();
    std::fs::write(d.join("t.json"), other.to_string()).unwrap();
    let e = refused(&run_in(d, &["merge", "t.json", "b.json"]));
    assert!(
        e.contains("b.json: study_sha256:") && e.contains("not of one study"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Nothing from a file reaches a terminal raw

#[test]
fn control_characters_in_names_are_refused_and_escaped_where_shown() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (field, text) in [
        (
            "Dakhla 500 MW reference campus",
            "Campus\u{1b}]0;pwned\u{7}",
        ),
        ("\"AI hall A", "\"AI\u{202e}hall A"),
        ("\"Dakhla North wind\"", "\"wind\rfarm\""),
    ] {
        std::fs::write(d.join("e.ron"), reference_text().replace(field, text)).unwrap();
        let o = run_in(d, &["check", "e.ron"]);
        assert_eq!(o.status.code(), Some(2));
        let shown = out(&o);
        assert!(shown.contains("holds the character U+"), "{shown}");
        assert!(!o.stdout.contains(&0x1b) && !o.stdout.contains(&b'\r'));
        assert!(!shown.contains('\u{202e}'));
    }
    // A file name with an escape sequence is shown escaped.
    let evil = "x\u{1b}[31m.ron";
    std::fs::write(d.join(evil), reference_text()).unwrap();
    let o = run_in(d, &["migrate", evil]);
    assert!(ok(&o).contains("x\\u{1b}[31m.ron"), "{}", out(&o));
    // JSON strings keep no raw direction override.
    let text = reference_text().replace(
        "Dakhla 500 MW reference campus",
        "Dakhla\u{85}\u{7f} campus",
    );
    std::fs::write(d.join("c1.ron"), text).unwrap();
    let o = run_in(d, &["check", "c1.ron"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "C1 and DEL are control characters too"
    );
}

#[test]
fn a_weather_station_name_from_a_file_is_escaped_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let s = scenario_with_csv_weather(d);
    // The CSV's site name comment carries an escape sequence; the file's site is far from the
    // scenario's, so its name is shown in a note.
    let w = std::fs::read_to_string(d.join("weather.csv"))
        .unwrap()
        .replace("# latitude: 23.72", "# latitude: 33.72");
    std::fs::write(
        d.join("weather.csv"),
        format!("# site: Dakhla\u{1b}[2J<script>\n{w}"),
    )
    .unwrap();
    let s = s.to_str().unwrap();
    for args in [vec!["simulate", s], vec!["simulate", s, "--json"]] {
        let o = run_in(d, &args);
        let text = ok(&o);
        assert!(
            text.contains("Dakhla\\"),
            "{args:?}: the name is shown, escaped"
        );
        assert!(!o.stdout.contains(&0x1b), "{args:?}");
    }
    ok(&run_in(d, &["export", s, "--out", "exp"]));
    let html = std::fs::read_to_string(d.join("exp/report.html")).unwrap();
    assert!(
        html.contains("Dakhla\\u{1b}[2J&lt;script&gt;"),
        "shown, escaped"
    );
    assert!(!html.contains('\u{1b}') && !html.contains("<script>"));
}

// ---------------------------------------------------------------------------------------------
// 6. Errors say where, not what

#[test]
fn a_file_of_another_kind_is_never_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let secret = "root:x:0:0:SECRET-TOKEN-42:/root:/bin/bash\nAWS_SECRET_ACCESS_KEY=hunter2\n";
    for name in ["secret.ron", "secret.csv", "secret.json", "secret.epw"] {
        std::fs::write(d.join(name), secret).unwrap();
    }
    std::fs::write(
        d.join("creds.csv"),
        "user,password,api_key\nadmin,hunter2,SECRET-TOKEN-42\n",
    )
    .unwrap();
    for args in [
        vec!["check", "secret.ron"],
        vec!["simulate", "secret.ron"],
        vec!["simulate", "--weather", "secret.csv"],
        vec!["simulate", "--weather", "creds.csv"],
        vec!["simulate", "--weather", "secret.epw"],
        vec!["merge", "secret.json"],
        vec!["merge", "secret.ron"],
    ] {
        let o = run_in(d, &args);
        let all = format!("{}{}", out(&o), err(&o));
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        for word in ["SECRET-TOKEN-42", "hunter2", "root:x", "password"] {
            assert!(!all.contains(word), "{args:?} echoed {word}: {all}");
        }
    }
    // A folder where a file is expected, and a file where a folder is.
    std::fs::create_dir(d.join("folder.ron")).unwrap();
    let o = run_in(d, &["check", "folder.ron"]);
    assert!(out(&o).contains("folder.ron: this is a folder, not a scenario file"));
    let e = refused(&run_in(d, &["merge", "folder.ron"]));
    assert!(
        e.contains("this is a folder, not a shard result file"),
        "{e}"
    );
    let e = refused(&run_in(
        d,
        &["simulate", "--weather", "folder.ron", "--hourly", "x.csv"],
    ));
    assert!(e.contains("a weather folder"), "{e}");
    let e = refused(&run_in(
        d,
        &[
            "export",
            repo("scenarios/dakhla-500mw.ron").to_str().unwrap(),
            "--out",
            "secret.csv",
        ],
    ));
    assert!(e.contains("it is a file, not a folder"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// 7. Values are validated together and physically

#[test]
fn set_overrides_are_validated_together_whatever_their_order() {
    let f = repo("scenarios/dakhla-500mw.ron");
    let f = f.to_str().unwrap();
    let d = std::env::temp_dir();
    // Raising both state-of-charge limits above the old maximum works in either order.
    for order in [
        ["battery.soc_max_frac=0.99", "battery.soc_min_frac=0.9"],
        ["battery.soc_min_frac=0.9", "battery.soc_max_frac=0.99"],
    ] {
        let o = run_in(
            &d,
            &[
                "simulate",
                f,
                "--json",
                "--set",
                order[0],
                "--set",
                order[1],
                "--set",
                "battery.initial_soc_frac=0.97",
            ],
        );
        ok(&o);
    }
    for order in [
        [
            "datacenter.cooling.free_cooling_below_c=40",
            "datacenter.cooling.mechanical_above_c=45",
        ],
        [
            "datacenter.cooling.mechanical_above_c=45",
            "datacenter.cooling.free_cooling_below_c=40",
        ],
    ] {
        ok(&run_in(
            &d,
            &["simulate", f, "--set", order[0], "--set", order[1]],
        ));
    }
    // RON values as in the file.
    ok(&run_in(
        &d,
        &[
            "simulate",
            f,
            "--set",
            "datacenter.rack_groups[0].online_from=Some((year: 2029, month: 3))",
            "--set",
            "optimizer.wind_mw=Between(min: 0, max: 1000000)",
        ],
    ));
    let e = refused(&run_in(&d, &["simulate", f, "--set", "schema_version=1"]));
    assert!(e.contains("schema_version: cannot be set"), "{e}");
}

#[test]
fn values_that_would_make_results_infinite_are_refused_with_their_range() {
    let f = repo("scenarios/dakhla-500mw.ron");
    let f = f.to_str().unwrap();
    let d = std::env::temp_dir();
    for (set, words) in [
        (
            "economics.solar_per_kwac.lifetime_years=1e-300",
            "economics.solar_per_kwac.lifetime_years: must be between 1 and 100",
        ),
        (
            "backup[0].efficiency=1e-300",
            "backup[0].efficiency: must be between 0.1 and 1",
        ),
        (
            "datacenter.cooling.chiller_cop_min=5e-324",
            "datacenter.cooling.chiller_cop_min: must be between 0.5 and 15",
        ),
        (
            "datacenter.facility_power_cap_mw=1e-300",
            "must be between 0.1 and 20000 (MW), got 1e-300",
        ),
        (
            "backup[0].carbon_free_frac=1",
            "a unit whose output is all carbon-free emits no CO2",
        ),
    ] {
        let e = refused(&run_in(&d, &["simulate", f, "--set", set]));
        assert!(e.contains(words), "{set}: {e}");
    }
}

#[test]
fn a_battery_without_energy_warns_and_costs_nothing() {
    let f = repo("scenarios/dakhla-500mw.ron");
    let f = f.to_str().unwrap();
    let d = std::env::temp_dir();
    let json = |extra: &[&str]| {
        let mut args = vec!["simulate", f, "--json"];
        args.extend_from_slice(extra);
        let v: serde_json::Value = serde_json::from_str(&ok(&run_in(&d, &args))).unwrap();
        v
    };
    let power_only = json(&["--set", "battery.energy_mwh=0"]);
    let none = json(&[
        "--set",
        "battery.energy_mwh=0",
        "--set",
        "battery.power_mw=0",
    ]);
    assert_eq!(power_only["kpis"]["capex_usd"], none["kpis"]["capex_usd"]);
    let warnings = power_only["warnings"].to_string();
    assert!(
        warnings.contains("battery.energy_mwh: the battery has power (400 MW) but no energy"),
        "{warnings}"
    );
}

#[test]
fn weather_shorter_than_a_year_is_said_and_refused_where_a_year_is_needed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    scenario_with_csv_weather(d);
    let w = std::fs::read_to_string(d.join("weather.csv")).unwrap();
    let week: String = w
        .lines()
        .take(2 + 1 + 24 * 7)
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(d.join("week.csv"), week + "\n").unwrap();
    let f = repo("scenarios/dakhla-500mw.ron");
    let f = f.to_str().unwrap();
    let o = run_in(d, &["simulate", f, "--weather", "week.csv"]);
    let text = ok(&o);
    assert!(
        text.contains("the weather covers 7.0 days (2029-01-01 to 2029-01-07), less than a year"),
        "{text}"
    );
    std::fs::write(d.join("s.ron"), reference_text()).unwrap();
    let e = refused(&run_in(
        d,
        &[
            "optimize",
            "s.ron",
            "--set",
            "weather=Csv(path: \"week.csv\")",
        ],
    ));
    assert!(
        e.contains("not a whole year; a least-cost sizing needs a year of weather"),
        "{e}"
    );
    let e = refused(&run_in(
        d,
        &["simulate", f, "--weather", "week.csv", "--years", "2"],
    ));
    assert!(
        e.contains("a weather year of a multi-year run needs a year"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------------
// 8. No flag is silently ignored

#[test]
fn flags_that_cannot_apply_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let f = repo("scenarios/dakhla-500mw.ron");
    let f = f.to_str().unwrap();
    for (args, words) in [
        (
            vec!["simulate", f, "--years", "2", "--hourly", "h.csv"],
            "--hourly writes the hourly results of one run; it cannot be combined with --years",
        ),
        (
            vec!["optimize", f, "--shard", "1/2", "--json"],
            "--json cannot be combined with --shard",
        ),
        (
            vec![
                "optimize", f, "--shard", "1/2", "--hourly", "h.csv", "--save", "x.ron",
            ],
            "--hourly, --save cannot be combined with --shard",
        ),
    ] {
        let e = refused(&run_in(d, &args));
        assert!(e.contains(words), "{args:?}: {e}");
    }
    assert!(!d.join("h.csv").exists());
    // A weather folder of 2 files cannot give 5 years.
    std::fs::create_dir(d.join("w")).unwrap();
    scenario_with_csv_weather(&d.join("w"));
    std::fs::copy(d.join("w/weather.csv"), d.join("w/b.csv")).unwrap();
    std::fs::remove_file(d.join("w/s.ron")).unwrap();
    let e = refused(&run_in(
        d,
        &["simulate", f, "--weather", "w", "--years", "5"],
    ));
    assert!(e.contains("holds 2 weather file(s)"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// 9. Provenance names inputs, not places

#[test]
fn provenance_is_the_same_for_the_same_inputs_in_other_folders() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("a")).unwrap();
    std::fs::create_dir_all(d.join("b/deep")).unwrap();
    scenario_with_csv_weather(&d.join("a"));
    for f in ["s.ron", "weather.csv"] {
        std::fs::copy(d.join("a").join(f), d.join("b/deep").join(f)).unwrap();
    }
    // The same file named by an absolute path.
    let abs = std::fs::read_to_string(d.join("a/s.ron")).unwrap().replace(
        "\"weather.csv\"",
        &format!("\"{}\"", d.join("a/weather.csv").display()),
    );
    std::fs::write(d.join("abs.ron"), abs).unwrap();
    let prov = |cwd: &Path, f: &str| {
        let v: serde_json::Value =
            serde_json::from_str(&ok(&run_in(cwd, &["simulate", f, "--json"]))).unwrap();
        v["provenance"].to_string()
    };
    let first = prov(d, "a/s.ron");
    assert_eq!(prov(d, "b/deep/s.ron"), first);
    assert_eq!(prov(&d.join("b/deep"), "s.ron"), first);
    assert_eq!(prov(d, "abs.ron"), first);
}

#[test]
fn migrate_into_another_folder_rewrites_the_weather_path_and_keeps_comments() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    scenario_with_csv_weather(d);
    std::fs::create_dir_all(d.join("other/dir")).unwrap();
    let o = run_in(d, &["migrate", "s.ron", "--out", "other/dir/x.ron"]);
    assert!(
        ok(&o).contains("weather.path: now \"../../weather.csv\""),
        "{}",
        out(&o)
    );
    let text = std::fs::read_to_string(d.join("other/dir/x.ron")).unwrap();
    assert!(text.contains("Csv(path: \"../../weather.csv\")"), "{text}");
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .count()
    };
    assert_eq!(comments(&text), comments(&reference_text()));
    ok(&run_in(d, &["check", "other/dir/x.ron"]));
    let sha = |f: &str| {
        let v: serde_json::Value =
            serde_json::from_str(&ok(&run_in(d, &["simulate", f, "--json"]))).unwrap();
        v["provenance"]["scenario_sha256"].clone()
    };
    assert_eq!(sha("s.ron"), sha("other/dir/x.ron"));
}
