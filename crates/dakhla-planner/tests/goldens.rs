//! Goldens: the outputs of `simulate`, `optimize`, `compare`, `export`, `migrate` and `check` on
//! every shipped scenario, recorded before the engine moved into a crate of its own (issue 14)
//! and checked byte for byte on every run since, so a refactoring cannot change a result, a label
//! or a digit without a test saying which output and where.
//!
//! Outputs up to 64 KiB are kept as files in `tests/goldens/` (so a change shows as a diff);
//! larger ones (hourly CSVs, charts, the report) by their SHA-256 in `tests/goldens/SHA256SUMS`.
//! The only masked text is the optimizer's wall time, which no input decides.
//!
//! A deliberate change of output: `DAKHLA_UPDATE_GOLDENS=1 cargo test --test goldens`, then
//! read the diff of `tests/goldens/` before committing it. A failure writes what this build
//! printed to `target/goldens-actual/` for `diff -r`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

const INLINE_MAX_BYTES: usize = 64 * 1024;

/// The repository root: the folder above this test that holds `scenarios/` (the test may live
/// in a crate of a workspace).
fn root() -> PathBuf {
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    while !dir.join("scenarios").is_dir() {
        assert!(dir.pop(), "no scenarios/ folder above the test");
    }
    dir
}

fn bin() -> Command {
    let mut c = match std::env::var_os("DAKHLA_PLANNER_BIN") {
        Some(b) => Command::new(b),
        None => Command::new(env!("CARGO_BIN_EXE_dakhla-planner")),
    };
    // The English these tests read, whatever the locale of the machine running them.
    c.env("LC_ALL", "C");
    c
}

fn scenarios() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .expect("scenarios/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "the shipped scenarios: {names:?}");
    names
}

/// Runs the binary from the repository root; returns standard output, standard error (each
/// labelled in the golden) and the exit code.
fn run(args: &[&str]) -> Vec<u8> {
    let o = bin()
        .current_dir(root())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    let mut all = format!(
        "$ dakhla-planner {}\nexit {:?}\n",
        args.join(" "),
        o.status.code()
    )
    .into_bytes();
    all.extend_from_slice(b"--- stdout\n");
    all.extend_from_slice(&o.stdout);
    all.extend_from_slice(b"--- stderr\n");
    all.extend_from_slice(&o.stderr);
    all
}

/// Replaces every number after `key` up to the next delimiter with `<masked>`.
fn mask_after(text: &str, key: &str, end: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(key) {
        out.push_str(&rest[..at + key.len()]);
        rest = &rest[at + key.len()..];
        let stop = rest.find(end).unwrap_or(rest.len());
        out.push_str("<masked>");
        rest = &rest[stop..];
    }
    out.push_str(rest);
    out
}

/// The optimizer's wall time is the one thing in its outputs that no input decides.
fn mask_wall_time(bytes: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8(bytes).expect("UTF-8 output");
    let text = mask_after(&text, "\"wall_s\": ", &[',', '\n', '}']);
    let text = mask_after(&text, "dispatch evaluations in ", &['\n']);
    text.into_bytes()
}

struct Goldens {
    dir: PathBuf,
    update: bool,
    sums: Mutex<BTreeMap<String, String>>,
}

use dakhla_planner::hash::sha256_hex;

impl Goldens {
    fn new() -> Self {
        let dir = root().join("tests/goldens");
        let sums = std::fs::read_to_string(dir.join("SHA256SUMS"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_once("  "))
            .map(|(h, n)| (n.to_owned(), h.to_owned()))
            .collect();
        Goldens {
            dir,
            update: std::env::var_os("DAKHLA_UPDATE_GOLDENS").is_some(),
            sums: Mutex::new(sums),
        }
    }

    /// Checks one output against its golden (or records it); returns a failure description.
    fn check(&self, name: &str, bytes: &[u8]) -> Option<String> {
        let inline = bytes.len() <= INLINE_MAX_BYTES;
        let file = self.dir.join(name);
        if self.update {
            if inline {
                std::fs::create_dir_all(file.parent().expect("a folder")).expect("goldens/");
                std::fs::write(&file, bytes).expect("write a golden");
                self.sums.lock().expect("sums").remove(name);
            } else {
                let _ = std::fs::remove_file(&file);
                self.sums
                    .lock()
                    .expect("sums")
                    .insert(name.to_owned(), sha256_hex(bytes));
            }
            return None;
        }
        let same = if inline {
            std::fs::read(&file).ok().as_deref() == Some(bytes)
        } else {
            self.sums.lock().expect("sums").get(name) == Some(&sha256_hex(bytes))
        };
        if same {
            return None;
        }
        let actual = root().join("target/goldens-actual").join(name);
        std::fs::create_dir_all(actual.parent().expect("a folder")).expect("target/");
        std::fs::write(&actual, bytes).expect("write the actual output");
        Some(format!(
            "{name}: differs from its golden (this build's output: {})",
            actual.display()
        ))
    }

    fn finish(&self, failures: Vec<String>) {
        if self.update {
            let sums = self.sums.lock().expect("sums");
            // Each test updates its own entries; merge with what is on disk now.
            let path = self.dir.join("SHA256SUMS");
            let mut all: BTreeMap<String, String> = std::fs::read_to_string(&path)
                .unwrap_or_default()
                .lines()
                .filter_map(|l| l.split_once("  "))
                .map(|(h, n)| (n.to_owned(), h.to_owned()))
                .collect();
            for (n, h) in sums.iter() {
                all.insert(n.clone(), h.clone());
            }
            // An output now small enough to be kept inline is no longer hashed: its old line
            // (written by this or another test) goes.
            all.retain(|n, _| !self.dir.join(n).is_file());
            let text: String = all.iter().map(|(n, h)| format!("{h}  {n}\n")).collect();
            std::fs::create_dir_all(&self.dir).expect("goldens/");
            std::fs::write(path, text).expect("write SHA256SUMS");
            return;
        }
        assert!(
            failures.is_empty(),
            "{} output(s) changed:\n{}\n(a deliberate change: DAKHLA_UPDATE_GOLDENS=1 cargo test --test goldens)",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// SHA256SUMS is rewritten by whichever test finishes last; tests that update run one at a time.
static UPDATE_LOCK: Mutex<()> = Mutex::new(());

fn stem(name: &str) -> &str {
    name.trim_end_matches(".ron")
}

#[test]
fn simulate_outputs_are_unchanged() {
    let _one = UPDATE_LOCK.lock();
    let g = Goldens::new();
    let mut failures = Vec::new();
    for s in scenarios() {
        let path = format!("scenarios/{s}");
        let cases: [(&str, Vec<&str>); 3] = [
            ("txt", vec!["simulate", &path]),
            ("json", vec!["simulate", &path, "--json"]),
            ("hourly.csv", vec!["simulate", &path, "--hourly", "-"]),
        ];
        for (ext, args) in cases {
            let name = format!("simulate/{}.{ext}", stem(&s));
            failures.extend(g.check(&name, &run(&args)));
        }
    }
    // The multi-year distribution of the reference campus, text and JSON.
    let path = "scenarios/dakhla-500mw.ron";
    for (ext, args) in [
        ("txt", vec!["simulate", path, "--years", "3"]),
        ("json", vec!["simulate", path, "--years", "3", "--json"]),
    ] {
        let name = format!("simulate/dakhla-500mw.years3.{ext}");
        failures.extend(g.check(&name, &run(&args)));
    }
    // The built-in scenario, with an override.
    let name = "simulate/built-in.set.txt";
    failures.extend(g.check(
        name,
        &run(&["simulate", "--set", "battery.energy_mwh=4000"]),
    ));
    g.finish(failures);
}

#[test]
fn optimize_outputs_are_unchanged() {
    let _one = UPDATE_LOCK.lock();
    let g = Goldens::new();
    let mut failures = Vec::new();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    for s in scenarios() {
        let path = format!("scenarios/{s}");
        let name = format!("optimize/{}.txt", stem(&s));
        failures.extend(g.check(&name, &mask_wall_time(run(&["optimize", &path]))));
        let saved = tmp.path().join(&s);
        let saved_arg = saved.to_str().expect("a UTF-8 temporary path");
        let json = run(&["optimize", &path, "--json", "--save", saved_arg]);
        let json = String::from_utf8(mask_wall_time(json))
            .expect("UTF-8")
            .replace(saved_arg, "<saved>");
        let name = format!("optimize/{}.json", stem(&s));
        failures.extend(g.check(&name, json.as_bytes()));
        let name = format!("optimize/{}.saved.ron", stem(&s));
        let bytes = std::fs::read(&saved).unwrap_or_default();
        failures.extend(g.check(&name, &bytes));
    }
    g.finish(failures);
}

#[test]
fn compare_and_check_outputs_are_unchanged() {
    let _one = UPDATE_LOCK.lock();
    let g = Goldens::new();
    let mut failures = Vec::new();
    let paths: Vec<String> = scenarios()
        .iter()
        .map(|s| format!("scenarios/{s}"))
        .collect();
    let mut args: Vec<&str> = vec!["compare"];
    args.extend(paths.iter().map(String::as_str));
    failures.extend(g.check("compare/all.txt", &run(&args)));
    args.push("--json");
    failures.extend(g.check("compare/all.json", &run(&args)));
    let mut args: Vec<&str> = vec!["check"];
    args.extend(paths.iter().map(String::as_str));
    failures.extend(g.check("check/all.txt", &run(&args)));
    g.finish(failures);
}

#[test]
fn export_outputs_are_unchanged() {
    let _one = UPDATE_LOCK.lock();
    let g = Goldens::new();
    let mut failures = Vec::new();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    for s in ["dakhla-500mw.ron", "dakhla-wind-heavy.ron"] {
        let out = tmp.path().join(stem(s));
        let out_arg = out.to_str().expect("a UTF-8 temporary path");
        let printed = run(&["export", &format!("scenarios/{s}"), "--out", out_arg]);
        let printed = String::from_utf8(printed)
            .expect("UTF-8")
            .replace(out_arg, "<out>");
        let name = format!("export/{}/stdout.txt", stem(s));
        failures.extend(g.check(&name, printed.as_bytes()));
        let mut files = Vec::new();
        collect_files(&out, &mut files);
        files.sort();
        let listing: String = files
            .iter()
            .map(|f| format!("{}\n", f.strip_prefix(&out).expect("inside").display()))
            .collect();
        let name = format!("export/{}/files.txt", stem(s));
        failures.extend(g.check(&name, listing.as_bytes()));
        for f in files {
            let rel = f.strip_prefix(&out).expect("inside").display().to_string();
            if rel == ".dakhla-export" {
                continue; // the lock file's manifest is checked through the listing
            }
            let name = format!("export/{}/{rel}", stem(s));
            failures.extend(g.check(&name, &std::fs::read(&f).expect("an exported file")));
        }
    }
    g.finish(failures);
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("a folder") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            collect_files(&p, files);
        } else {
            files.push(p);
        }
    }
}

#[test]
fn migrate_outputs_are_unchanged() {
    let _one = UPDATE_LOCK.lock();
    let g = Goldens::new();
    let mut failures = Vec::new();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let fixtures = root().join("tests/fixtures/schema");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("tests/fixtures/schema")
        .map(|e| e.expect("entry").path())
        .collect();
    inputs.extend(scenarios().iter().map(|s| root().join("scenarios").join(s)));
    inputs.sort();
    for input in inputs {
        let file = input
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let out = tmp.path().join(&file);
        let out_arg = out.to_str().expect("a UTF-8 temporary path");
        let in_arg = input.to_str().expect("a UTF-8 path");
        let printed = String::from_utf8(run(&["migrate", in_arg, "--out", out_arg]))
            .expect("UTF-8")
            .replace(out_arg, "<out>")
            .replace(in_arg, "<in>");
        let name = format!("migrate/{}.txt", stem(&file));
        failures.extend(g.check(&name, printed.as_bytes()));
        let name = format!("migrate/{}.migrated.ron", stem(&file));
        failures.extend(g.check(&name, &std::fs::read(&out).unwrap_or_default()));
    }
    g.finish(failures);
}

#[test]
fn masking_hides_only_the_wall_time() {
    let text = "{\n  \"wall_s\": 1.80435,\n  \"cost\": 2.5\n}\n  search  14943 dispatch evaluations in 2.07 s\n";
    let masked = String::from_utf8(mask_wall_time(text.as_bytes().to_vec())).expect("UTF-8");
    assert_eq!(
        masked,
        "{\n  \"wall_s\": <masked>,\n  \"cost\": 2.5\n}\n  search  14943 dispatch evaluations in <masked>\n"
    );
}
