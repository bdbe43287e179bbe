//! Crash recovery of unsaved work.
//!
//! While a scenario has unsaved changes, the app writes a copy of it (invalid values included)
//! to a recovery folder a few seconds after each change, atomically. Saving, closing the tab or
//! going back to the saved state removes the copy; a clean exit removes the whole session. Each
//! running session holds an exclusive lock on its own lock file, so at the next start the
//! copies of sessions whose lock can be taken are orphans of a crash (or a killed process), and
//! are offered back; a second window running at the same time keeps its copies to itself.

use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Wait after the last change before a copy is written [s]: a drag is not written 60 times a
/// second, and a crash loses at most this much.
pub const AUTOSAVE_AFTER_S: f64 = 2.0;

/// What a recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct DraftFile {
    /// The scenario file the draft belongs to (None: never saved).
    original_path: Option<PathBuf>,
    /// When the copy was written [s since 1970, UTC].
    written_unix_s: u64,
    scenario: Scenario,
    /// The scenario as the document's file would be written: its comments and layout kept
    /// (older copies have none).
    #[serde(default)]
    text: Option<String>,
}

/// Unsaved work found after a crash.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The recovery file.
    pub file: PathBuf,
    pub original_path: Option<PathBuf>,
    pub written_unix_s: u64,
    pub scenario: Scenario,
    /// The scenario in its file's layout with its comments, when the copy has it.
    pub text: Option<String>,
}

impl Draft {
    /// "name of the file (or the scenario), written at ..." for the recovery dialog.
    pub fn describe(&self) -> String {
        let name = match &self.original_path {
            Some(p) => p.display().to_string(),
            None if self.scenario.meta.name.is_empty() => {
                dakhla_i18n::tr!("draft-unsaved-scenario")
            }
            None => dakhla_i18n::tr!("draft-never-saved", name = self.scenario.meta.name.as_str()),
        };
        let t = self.written_unix_s as i64;
        let when = match dakhla_i18n::current() {
            dakhla_i18n::Lang::En => crate::weather::format_utc(t),
            _ => {
                let (y, m, d) = crate::weather::civil_from_days(t.div_euclid(86_400));
                let s = t.rem_euclid(86_400);
                format!(
                    "{} {:02}:{:02} UTC",
                    dakhla_i18n::date(y, m, d),
                    s / 3600,
                    (s % 3600) / 60
                )
            }
        };
        dakhla_i18n::tr!("draft-kept-at", name = name, time = when)
    }
}

/// This session's recovery folder and lock.
pub struct Recovery {
    dir: PathBuf,
    session: String,
    lock_path: PathBuf,
    /// Held for the life of the session (released by the OS if the process dies).
    _lock: File,
}

impl Recovery {
    /// Start a session in `dir` (created if missing): take this session's lock.
    pub fn start(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let session = format!("s{}-{now}", std::process::id());
        let lock_path = dir.join(format!("{session}.lock"));
        let lock = File::create(&lock_path)?;
        lock.try_lock().map_err(std::io::Error::other)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            session,
            lock_path,
            _lock: lock,
        })
    }

    fn draft_path(&self, doc_id: u64) -> PathBuf {
        self.dir.join(format!("{}-{doc_id}.ron", self.session))
    }

    /// Write (atomically) the unsaved scenario of document `doc_id`, with its text in the
    /// layout of `base_text` (the document's file), comments kept.
    pub fn write(
        &self,
        doc_id: u64,
        original_path: Option<&Path>,
        scenario: &Scenario,
        base_text: Option<&str>,
    ) -> std::io::Result<()> {
        let draft = DraftFile {
            original_path: original_path.map(Path::to_path_buf),
            written_unix_s: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            scenario: scenario.clone(),
            text: base_text.and_then(|t| crate::scenario::layout::keep_layout(t, scenario)),
        };
        let text = ron::ser::to_string_pretty(&draft, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        crate::files::write_file(&self.draft_path(doc_id), |f| {
            std::io::Write::write_all(f, text.as_bytes())
        })
    }

    /// Remove the copy of document `doc_id` (saved, closed or back to its saved state).
    pub fn remove(&self, doc_id: u64) {
        let _ = std::fs::remove_file(self.draft_path(doc_id));
    }

    /// Drafts left by sessions that are no longer running (their lock can be taken), oldest
    /// first. Files that cannot be read are skipped.
    pub fn orphans(&self) -> Vec<Draft> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut dead_sessions = Vec::new();
        let mut files = Vec::new();
        for e in entries.flatten() {
            let p = e.path();
            let Some(name) = p.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
                continue;
            };
            if name.starts_with(&self.session) {
                continue;
            }
            if let Some(session) = name.strip_suffix(".lock") {
                if File::options()
                    .write(true)
                    .open(&p)
                    .is_ok_and(|f| f.try_lock().is_ok())
                {
                    dead_sessions.push(session.to_owned());
                }
            } else if name.ends_with(".ron") {
                files.push((name, p));
            }
        }
        let mut drafts: Vec<Draft> = files
            .into_iter()
            .filter(|(name, _)| {
                // A draft without any lock file is an orphan too (the lock was removed).
                let session = name.rsplit_once('-').map_or("", |(s, _)| s);
                dead_sessions.iter().any(|d| d == session)
                    || !self.dir.join(format!("{session}.lock")).exists()
            })
            .filter_map(|(_, p)| {
                let text = std::fs::read_to_string(&p).ok()?;
                let d: DraftFile = ron::from_str(&text).ok()?;
                Some(Draft {
                    file: p,
                    original_path: d.original_path,
                    written_unix_s: d.written_unix_s,
                    scenario: d.scenario,
                    text: d.text,
                })
            })
            .collect();
        drafts.sort_by_key(|d| d.written_unix_s);
        drafts
    }

    /// Delete recovered or discarded drafts, and the lock files of sessions left without any.
    pub fn forget(&self, drafts: &[Draft]) {
        for d in drafts {
            let _ = std::fs::remove_file(&d.file);
        }
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let names: Vec<String> = entries
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .collect();
        for lock in names.iter().filter_map(|n| n.strip_suffix(".lock")) {
            let has_drafts = names
                .iter()
                .any(|n| n.ends_with(".ron") && n.starts_with(&format!("{lock}-")));
            let path = self.dir.join(format!("{lock}.lock"));
            if lock != self.session
                && !has_drafts
                && File::options()
                    .write(true)
                    .open(&path)
                    .is_ok_and(|f| f.try_lock().is_ok())
            {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    /// A clean exit: remove this session's drafts and lock.
    pub fn finish(&self) {
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            for e in entries.flatten() {
                if e.file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with(&format!("{}-", self.session)))
                {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_of_a_dead_session_are_offered_and_a_live_session_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Scenario::dakhla_reference();
        s.battery.energy_mwh = f64::NAN; // unsaved work may hold invalid values
        let crashed = Recovery::start(dir.path()).unwrap();
        crashed
            .write(
                7,
                Some(Path::new("/plans/a.ron")),
                &s,
                Some(crate::scenario::DAKHLA_REFERENCE_RON),
            )
            .unwrap();
        // A second document with a plain edit: its copy keeps the file's comments.
        let mut t = Scenario::dakhla_reference();
        t.battery.energy_mwh = 1234.0;
        crashed
            .write(8, None, &t, Some(crate::scenario::DAKHLA_REFERENCE_RON))
            .unwrap();
        let live = Recovery::start(dir.path()).unwrap();
        // The first session is still running (its lock is held): nothing to offer.
        assert!(live.orphans().is_empty());
        // It dies without a clean exit: the OS releases its lock.
        drop(crashed);
        let drafts = live.orphans();
        assert_eq!(drafts.len(), 2);
        let edited = drafts.iter().find(|d| d.original_path.is_none()).unwrap();
        let text = edited.text.as_deref().expect("the copy has its text");
        assert!(text.contains("energy_mwh: 1234.0,"));
        assert!(text.contains("// Dakhla peninsula, Atlantic coast of the Sahara."));
        let all = drafts.clone();
        let drafts: Vec<Draft> = drafts
            .into_iter()
            .filter(|d| d.original_path.is_some())
            .collect();
        // NaN cannot be written as a file's value: the copy keeps the scenario alone.
        assert_eq!(drafts[0].text, None);
        assert_eq!(
            drafts[0].original_path.as_deref(),
            Some(Path::new("/plans/a.ron"))
        );
        assert!(drafts[0].scenario.battery.energy_mwh.is_nan());
        assert!(
            drafts[0]
                .describe()
                .starts_with("/plans/a.ron, last change kept at ")
        );
        live.forget(&all);
        assert!(live.orphans().is_empty());
        // Only the live session's lock is left.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_clean_exit_and_a_saved_document_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let r = Recovery::start(dir.path()).unwrap();
        let s = Scenario::dakhla_reference();
        r.write(1, None, &s, None).unwrap();
        r.write(2, None, &s, None).unwrap();
        r.remove(1);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        r.finish();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
