//! Hostile input, replayed: every file in `tests/fixtures/fuzz/<target>/` (inputs the fuzzers in
//! `fuzz/` found, minimized, and hand-made nasty ones: deep nesting, absurd counts, multi-byte
//! characters at error positions, truncated files) goes through the same checks as the fuzz
//! target of that name (`fuzz/checks.rs`): no panic, an error that says something, and for a
//! scenario that loads, a round trip through the saved text.

#[path = "../../../fuzz/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Run `check` on every input of `target`, then report all that failed at once.
fn replay(target: &str, check: fn(&[u8])) {
    let files = inputs(target);
    assert!(
        files.len() >= 2,
        "tests/fixtures/fuzz/{target}/ should keep at least two inputs"
    );
    let failed: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let data = std::fs::read(f).unwrap();
            std::panic::catch_unwind(|| check(&data))
                .err()
                .map(|_| f.display().to_string())
        })
        .collect();
    assert!(failed.is_empty(), "failed on: {failed:#?}");
}

#[test]
fn scenario_load_inputs() {
    replay("scenario_load", checks::scenario_load);
}

#[test]
fn epw_read_inputs() {
    replay("epw_read", checks::epw_read);
}

#[test]
fn csv_read_inputs() {
    replay("csv_read", checks::csv_read);
}

#[test]
fn set_override_inputs() {
    replay("set_override", checks::set_override);
}

#[test]
fn shard_merge_inputs() {
    replay("shard_merge", checks::shard_merge);
}

#[test]
fn writer_inputs() {
    replay("writer", checks::writer);
}
