//! Every write is atomic: a writer killed at any moment leaves the old file or the new one,
//! never a torn one. The binary is started and killed (SIGKILL on Unix: no clean-up runs) at
//! spread-out moments of its run, over and over, and the target is checked byte for byte.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn bin() -> Command {
    // The English these tests read, whatever the locale of the machine running them.
    let mut c = Command::new(env!("CARGO_BIN_EXE_dakhla-planner"));
    c.env("LC_ALL", "C");
    c
}

fn repo(p: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(p)
}

/// Run `args` to completion once, returning how long it took.
fn run_once(args: &[&str]) -> Duration {
    let t0 = Instant::now();
    let o = bin().args(args).output().expect("the binary runs");
    assert!(o.status.success(), "{args:?}");
    t0.elapsed()
}

/// Start each of `versions` (the argument lists of writers of `target`) in turn, killing most
/// of them after a delay spread over the writer's run time, and check after each that `target`
/// is exactly one of the complete versions. Returns (killed before finishing, finished).
fn kill_repeatedly(target: &Path, versions: &[Vec<String>], rounds: usize) -> (usize, usize) {
    // The complete content each writer produces.
    let mut complete = Vec::new();
    let mut longest = Duration::ZERO;
    for v in versions {
        let args: Vec<&str> = v.iter().map(String::as_str).collect();
        longest = longest.max(run_once(&args));
        complete.push(std::fs::read(target).expect("written"));
    }
    assert!(
        complete.windows(2).all(|w| w[0] != w[1]),
        "the versions must differ"
    );
    let (mut killed, mut finished) = (0, 0);
    // A fixed linear congruential sequence: the same moments on every run.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..rounds {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let frac = (x >> 11) as f64 / (1u64 << 53) as f64;
        let delay = longest.mul_f64(frac * 1.1);
        let v = &versions[round % versions.len()];
        let mut child = bin()
            .args(v)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("starts");
        std::thread::sleep(delay);
        match child.try_wait().expect("status") {
            Some(_) => finished += 1,
            None => {
                child.kill().expect("killed");
                killed += 1;
            }
        }
        let _ = child.wait();
        let now = std::fs::read(target).expect("the target still exists");
        assert!(
            complete.contains(&now),
            "round {round}: after a kill at {delay:?}, {} is neither the old nor the new file \
             ({} bytes)",
            target.display(),
            now.len()
        );
    }
    (killed, finished)
}

#[test]
fn a_killed_writer_never_leaves_a_broken_hourly_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hourly.csv");
    let o = out.to_str().unwrap().to_owned();
    let reference = repo("scenarios/dakhla-500mw.ron").display().to_string();
    let versions: Vec<Vec<String>> = ["1600", "2400"]
        .iter()
        .map(|mwh| {
            vec![
                "simulate".into(),
                reference.clone(),
                "--set".into(),
                format!("battery.energy_mwh={mwh}"),
                "--hourly".into(),
                o.clone(),
            ]
        })
        .collect();
    let (killed, finished) = kill_repeatedly(&out, &versions, 40);
    eprintln!("hourly CSV: {killed} writers killed mid-run, {finished} finished");
    assert!(killed >= 10, "only {killed} writers were killed mid-run");
    assert!(finished >= 1 || killed == 40);
}

#[test]
fn a_killed_writer_never_leaves_a_broken_scenario_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("migrated.ron");
    let o = out.to_str().unwrap().to_owned();
    // Two different schema 1 files, each migrated over the same target.
    let v1 = repo("tests/fixtures/schema/v1-dakhla-500mw.ron");
    let other = dir.path().join("other-v1.ron");
    std::fs::write(
        &other,
        std::fs::read_to_string(&v1)
            .unwrap()
            .replace("energy_mwh: 1600.0", "energy_mwh: 2400.0"),
    )
    .unwrap();
    let versions: Vec<Vec<String>> = [v1, other]
        .iter()
        .map(|f| {
            vec![
                "migrate".into(),
                f.display().to_string(),
                "--out".into(),
                o.clone(),
            ]
        })
        .collect();
    let (killed, finished) = kill_repeatedly(&out, &versions, 30);
    eprintln!("scenario: {killed} writers killed mid-run, {finished} finished");
    assert!(killed >= 5, "only {killed} writers were killed mid-run");
}
