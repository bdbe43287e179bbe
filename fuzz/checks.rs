//! What each fuzz target checks, shared by the targets in `fuzz/fuzz_targets/` (nightly,
//! cargo-fuzz) and by `tests/fuzz_regressions.rs` (stable, CI), which replays the inputs kept in
//! `tests/fixtures/fuzz/<target>/`. Every function takes the raw input bytes and panics only
//! when the library breaks a promise: a panic inside the library, an empty error message, a
//! weather series whose columns differ in length or hold a non-finite value, a scenario that
//! does not read back equal after being written, a shard message of unbounded length, or a
//! writer that replaces a folder, a pipe or a link, or leaves a setuid bit.

use dakhla_core::scenario::{self, Scenario};
use dakhla_core::weather::Weather;

/// Scenario text (any schema version) -> parse, migrate, validate; a scenario that loads must
/// be written and read back unchanged.
pub fn scenario_load(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match scenario::upgrade_str(&text, "fuzz.ron") {
        Ok(upgraded) => {
            assert_round_trip(&upgraded.scenario);
            // The migrated text is current and reads back as the same scenario.
            if upgraded.migration.is_some() {
                let again = scenario::from_ron_str(&upgraded.text, "fuzz-migrated.ron")
                    .expect("the migrated text of a valid scenario loads");
                assert_eq!(
                    again, upgraded.scenario,
                    "migrated text reads back unchanged"
                );
            }
            let _ = upgraded.scenario.warnings();
        }
        Err(e) => assert_message(&e.to_string()),
    }
}

/// EPW text -> weather. The year stamped on the data is 2028 (leap) for inputs of even length
/// and 2029 otherwise, so that both calendar paths are reached.
pub fn epw_read(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let year = if data.len().is_multiple_of(2) {
        2028
    } else {
        2029
    };
    match dakhla_core::weather::epw::parse_epw(&text, "fuzz.epw", year) {
        Ok((weather, _location)) => assert_weather(&weather),
        Err(e) => assert_message(&e.to_string()),
    }
}

/// CSV text -> weather.
pub fn csv_read(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match dakhla_core::weather::csv::parse_weather_csv(&text, "fuzz.csv") {
        Ok((weather, _location)) => assert_weather(&weather),
        Err(e) => assert_message(&e.to_string()),
    }
}

/// Lines of `path=value` applied in turn with `apply_override` to the reference scenario (an
/// assignment that fails leaves the scenario as it was); the result must round-trip.
pub fn set_override(data: &[u8]) {
    static REFERENCE: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    let text = String::from_utf8_lossy(data);
    let mut s = REFERENCE.get_or_init(Scenario::dakhla_reference).clone();
    for line in text.lines().take(64) {
        match scenario::apply_override(&s, line) {
            Ok(next) => s = next,
            Err(message) => assert_message(&message),
        }
    }
    assert_round_trip(&s);
}

/// Shard result file bytes -> read, check, merge alone. A message says something, in at most a
/// few lines whatever the file holds; a shard that merges alone is a whole study whose rows are
/// every job once.
pub fn shard_merge(data: &[u8]) {
    use dakhla_core::optimize::study;
    let shard = match study::parse_shard_text(data, "fuzz.json") {
        Ok(s) => s,
        Err(m) => return assert_bounded_message(&m),
    };
    let checked = study::check_shard("fuzz.json", &shard);
    if let Err(m) = &checked {
        assert_bounded_message(m);
    }
    match study::merge(&[("fuzz.json".to_owned(), shard.clone())]) {
        Ok(rows) => {
            assert!(checked.is_ok(), "a merged shard passed its checks");
            assert_eq!(rows.len(), shard.jobs_total, "every job once");
            assert!(rows.iter().enumerate().all(|(k, r)| r.job.index == k));
        }
        Err(m) => assert_bounded_message(&m),
    }
}

/// Bytes describe a small folder (files, some setuid; folders; symbolic links, relative,
/// absolute and dangling; named pipes) and an output path in it; the program's writer writes
/// there. Whatever the tree: no panic, no wait, a folder, pipe or link found in the tree keeps
/// its kind, and a file written holds exactly what was written and no setuid or setgid bit.
pub fn writer(data: &[u8]) {
    use std::io::Write;
    use std::sync::atomic::{AtomicU64, Ordering};
    static RUN: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "dakhla-fuzz-writer-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("s")).expect("a temporary folder");
    const NAMES: [&str; 6] = ["a", "b", "s/c", "s/d", "e.csv", "s"];
    let mut bytes = data.iter().copied();
    let mut made = Vec::new();
    for _ in 0..6 {
        let (Some(kind), Some(arg)) = (bytes.next(), bytes.next()) else {
            break;
        };
        let name = NAMES[usize::from(arg) % (NAMES.len() - 1)];
        let path = dir.join(name);
        if std::fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        let other = NAMES[usize::from(arg / 8) % NAMES.len()];
        let _ = match kind % 6 {
            0 => std::fs::write(&path, b"old").and_then(|()| set_mode(&path, arg)),
            1 => std::fs::create_dir(&path),
            2 => symlink(
                Path::new(other)
                    .file_name()
                    .map_or(other.as_ref(), Path::new),
                &path,
            ),
            3 => symlink(&dir.join(other), &path),
            4 => make_fifo(&path),
            _ => symlink(Path::new("missing/nowhere"), &path),
        };
        made.push(path);
    }
    let kinds: Vec<(PathBuf, Option<std::fs::FileType>)> = made
        .iter()
        .map(|p| {
            (
                p.clone(),
                std::fs::symlink_metadata(p).ok().map(|m| m.file_type()),
            )
        })
        .collect();
    let target = match bytes.next() {
        Some(b) => dir
            .join(NAMES[usize::from(b) % NAMES.len()])
            .join(match b / 64 {
                0 => "",
                1 => "x",
                _ => "",
            }),
        None => dir.join("a"),
    };
    let result = dakhla_core::files::write_file(&target, |f| f.write_all(b"new"));
    for (p, kind) in &kinds {
        let now = std::fs::symlink_metadata(p).ok().map(|m| m.file_type());
        if let Some(k) = kind
            && !k.is_file()
        {
            assert_eq!(
                now.map(|n| (n.is_dir(), n.is_symlink())),
                Some((k.is_dir(), k.is_symlink())),
                "{} keeps its kind",
                p.display()
            );
        }
    }
    match result {
        Ok(()) => {
            if let Ok(m) = std::fs::metadata(&target)
                && m.is_file()
            {
                assert_eq!(std::fs::read(&target).unwrap_or_default(), b"new");
                assert_eq!(special_bits(&m), 0, "no setuid or setgid bit");
            }
        }
        Err(e) => assert_message(&e.to_string()),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

use std::path::{Path, PathBuf};

#[cfg(unix)]
fn set_mode(p: &Path, arg: u8) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if arg.is_multiple_of(2) { 0o6755 } else { 0o644 };
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u8) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn special_bits(m: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o7000
}

#[cfg(not(unix))]
fn special_bits(_: &std::fs::Metadata) -> u32 {
    0
}

#[cfg(unix)]
fn symlink(to: &Path, at: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(to, at)
}

#[cfg(not(unix))]
fn symlink(_: &Path, _: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn make_fifo(p: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, FileType, Mode, mknodat};
    mknodat(CWD, p, FileType::Fifo, Mode::from_raw_mode(0o644), 0).map_err(Into::into)
}

#[cfg(not(unix))]
fn make_fifo(_: &Path) -> std::io::Result<()> {
    Ok(())
}

fn assert_bounded_message(message: &str) {
    assert_message(message);
    assert!(
        message.len() < 4096,
        "a message stays short ({} bytes)",
        message.len()
    );
}

fn assert_round_trip(s: &Scenario) {
    let text = scenario::to_ron_string(s).expect("a valid scenario can be written");
    match scenario::from_ron_str(&text, "fuzz-written.ron") {
        Ok(back) => assert_eq!(
            &back, s,
            "the written scenario reads back unchanged:\n{text}"
        ),
        Err(e) => panic!("the written scenario does not load again: {e}\n{text}"),
    }
}

fn assert_message(message: &str) {
    assert!(
        !message.trim().is_empty(),
        "an error must say what is wrong"
    );
}

fn assert_weather(w: &Weather) {
    let n = w.len();
    assert!(n > 0, "a weather series that loads has steps");
    assert!(w.step_s > 0, "time step must be positive");
    for series in [
        &w.ghi_w_m2,
        &w.dni_w_m2,
        &w.dhi_w_m2,
        &w.temp_air_c,
        &w.wind_speed_m_s,
        &w.pressure_pa,
    ] {
        assert_eq!(
            series.len(),
            n,
            "every weather series has one value per step"
        );
        assert!(
            series.iter().all(|v| v.is_finite()),
            "weather values are finite"
        );
    }
}
