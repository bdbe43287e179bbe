//! Files: open, save (keeping the file's comments), export, the recent list, file dialogs
//! (native or built-in) and crash-recovery copies.

use super::{Document, MAX_RECENT, Notice, PlannerApp};
use crate::gui::file_browser::{FileBrowser, Purpose};
use crate::gui::worker::{Worker, take_finished};
use crate::scenario::{self, Scenario};
use dakhla_i18n::tr;
use std::path::{Path, PathBuf};
use std::time::Instant;

impl PlannerApp {
    /// Keep copies of unsaved work in `dir` (crash recovery), and offer the work a crashed
    /// session left there.
    pub fn enable_recovery(&mut self, dir: &Path) {
        match crate::gui::recovery::Recovery::start(dir) {
            Ok(r) => {
                self.drafts_offered = r.orphans();
                self.recovery = Some(r);
            }
            Err(e) => {
                self.notice = Some(Notice {
                    title: tr!("recovery-off"),
                    body: tr!(
                        "recovery-off.body",
                        folder = dir.display().to_string(),
                        error = e.to_string()
                    ),
                })
            }
        }
    }

    /// Bring every tab's recovery copy up to date: written once its changes are
    /// `AUTOSAVE_AFTER_S` old (at once when `now`), removed when there is nothing unsaved.
    /// Returns how long until the next pending copy is due.
    pub fn autosave(&mut self, now: bool) -> Option<std::time::Duration> {
        let rec = self.recovery.as_ref()?;
        self.sessions
            .iter_mut()
            .filter_map(|s| autosave_document(rec, &mut s.doc, now))
            .min()
    }

    /// Forget the active document's recovery copy (it is being closed).
    pub(super) fn drop_draft(&mut self) {
        let i = self.active;
        let doc = &mut self.sessions[i].doc;
        if let (Some(rec), Some(_)) = (&self.recovery, doc.draft_revision.take()) {
            rec.remove(doc.id);
        }
    }

    /// Open the offered drafts as tabs with unsaved changes, then forget the copies (this
    /// session copies them again).
    pub fn recover_drafts(&mut self) {
        let drafts = std::mem::take(&mut self.drafts_offered);
        for d in &drafts {
            let mut doc = Document::new(d.scenario.clone(), d.original_path.clone());
            // The file as it is on disk (if any) is the saved state, so the recovered changes
            // show as unsaved and saving asks before overwriting a file changed since.
            doc.saved = d
                .original_path
                .as_deref()
                .and_then(|p| scenario::load(p).ok())
                .unwrap_or_else(Scenario::dakhla_reference);
            doc.disk_sha256 = d
                .original_path
                .as_deref()
                .and_then(|p| crate::weather::file_sha256(p).ok());
            // Saving edits the copy's text (comments kept), else the file's as it is on disk.
            doc.text = d.text.clone().or_else(|| {
                d.original_path
                    .as_deref()
                    .and_then(|p| scenario::load_upgraded(p).ok())
                    .map(|u| u.text)
            });
            doc.touched();
            self.open_in_tab(doc);
        }
        if let Some(rec) = &self.recovery {
            rec.forget(&drafts);
        }
    }

    /// Delete the offered drafts without opening them.
    pub fn discard_drafts(&mut self) {
        let drafts = std::mem::take(&mut self.drafts_offered);
        if let Some(rec) = &self.recovery {
            rec.forget(&drafts);
        }
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let p = path.to_path_buf();
        self.settings.recent.retain(|r| r != &p);
        self.settings.recent.insert(0, p);
        self.settings.recent.truncate(MAX_RECENT);
    }

    /// Open `path` now. A file that fails to load leaves the current scenario untouched and
    /// shows the error with its location.
    pub fn open_now(&mut self, path: &Path) {
        if let Some(i) = self.tab_of_path(path) {
            self.switch_tab(i);
            self.compare_open = false;
            return;
        }
        match scenario::load_upgraded(path) {
            Ok(u) => {
                if let Some(m) = &u.migration {
                    let notes: Vec<String> = m.notes.iter().map(ToString::to_string).collect();
                    self.notice = Some(Notice {
                        title: tr!("opened-old-schema", version = m.from_version.to_string()),
                        body: tr!(
                            "opened-old-schema.body",
                            path = path.display().to_string(),
                            summary = m.summary().to_string(),
                            notes = notes.join("\n")
                        ),
                    });
                }
                let mut doc = Document::new(u.scenario, Some(path.to_path_buf()));
                doc.disk_sha256 = crate::weather::file_sha256(path).ok();
                doc.text = Some(u.text);
                self.remember(path);
                self.compare_open = false;
                self.open_in_tab(doc);
            }
            Err(e) => {
                self.notice = Some(Notice {
                    title: tr!("open-failed"),
                    body: tr!("open-failed.body", error = e.to_string()),
                })
            }
        }
    }

    /// The folder an export goes to by default: `<file name>-report` beside the scenario file
    /// (or in the current folder for an unsaved scenario).
    pub fn default_export_dir(&self) -> PathBuf {
        let doc = self.doc();
        let stem = doc.path.as_deref().and_then(Path::file_stem).map_or_else(
            || "dakhla-scenario".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        doc.base_dir().join(format!("{stem}-report"))
    }

    /// Export the active scenario's report into `dir` on the `dakhla-export` thread. Refused
    /// while values are invalid (the report would not match the inputs on screen). False when
    /// it did not start. The report's reliability section is the tab's reliability run when it
    /// is of these inputs, else the report's own run (1000 draws, computed on the thread).
    pub fn start_export(&mut self, dir: PathBuf) -> bool {
        if self.export_job.is_some() {
            return false;
        }
        let session = self.session_mut();
        if let Some(body) = issues_text(&session.issues) {
            self.notice = Some(Notice {
                title: tr!("export-fix-first"),
                body,
            });
            return false;
        }
        session.wait_for_simulation();
        let (Some(results), Some(scenario)) = (session.results.clone(), session.results_of.clone())
        else {
            return false;
        };
        let file = session.doc.path.clone();
        let base = session.doc.base_dir();
        let kept = session
            .reliability
            .current(&scenario, &base)
            .map(|run| run.assessment.clone());
        let spawned = Worker::spawn("dakhla-export", move |h: &crate::gui::worker::Handle<()>| {
            use crate::report::export;
            let reliability = match kept {
                Some(a) => a,
                None => export::assess_for_report(&scenario, &base, h.cancel_flag())
                    .map_err(|e| tr!("export-reliability-failed", error = e.to_string()))?,
            };
            if !reliability.complete {
                // The window is closing: no report with a run cut short.
                return Err(tr!("export-stopped"));
            }
            let flexibility =
                export::flexibility_for_report(&scenario, &base, h.cancel_flag(), |_, _, _| {})
                    .map_err(|e| tr!("export-flexibility-failed", error = e.to_string()))?;
            export::export_all(
                &scenario,
                file.as_deref(),
                &base,
                &results,
                Some(&reliability),
                flexibility.as_ref(),
                &dir,
            )
            .map_err(|e| e.to_string())
        });
        match spawned {
            Ok(w) => {
                self.export_job = Some(w);
                true
            }
            Err(e) => {
                self.notice = Some(Notice {
                    title: tr!("export-failed"),
                    body: e,
                });
                false
            }
        }
    }

    /// Collect a finished export and say where it went. True while one is running.
    pub fn poll_export(&mut self) -> bool {
        let Some(done) = take_finished(&mut self.export_job) else {
            return self.export_job.is_some();
        };
        let done = done.and_then(|d| d);
        self.notice = Some(match done {
            Ok(summary) => Notice {
                title: tr!("export-done"),
                body: tr!(
                    "export-done.body",
                    count = dakhla_i18n::number(summary.files.len() as f64, 0),
                    folder = summary.out_dir.display().to_string(),
                    files = summary
                        .files
                        .iter()
                        .map(|f| f.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    report = summary.report_path().display().to_string()
                ),
            },
            Err(e) => Notice {
                title: tr!("export-failed"),
                body: tr!("export-failed.body", error = e),
            },
        });
        false
    }

    /// Save to `path` (atomic). Refuses while values are invalid, so a saved file always opens.
    pub fn save_now(&mut self, path: &Path) -> bool {
        self.save_checked(path, false)
    }

    /// Whether `path` is the document's own file and changed on disk since it was opened or
    /// last saved (another program, a colleague on a shared drive, a sync client).
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        let doc = self.doc();
        doc.path.as_deref() == Some(path)
            && doc.disk_sha256.as_deref().is_some_and(|recorded| {
                crate::weather::file_sha256(path).is_ok_and(|now| now != recorded)
            })
    }

    /// Save to `path`; unless `overwrite`, ask first when the file changed on disk since it was
    /// opened.
    pub(super) fn save_checked(&mut self, path: &Path, overwrite: bool) -> bool {
        if !overwrite && self.changed_on_disk(path) {
            self.overwrite_question = Some(path.to_path_buf());
            return false;
        }
        if let Some(body) = issues_text(&self.session().issues) {
            self.notice = Some(Notice {
                title: tr!("save-fix-first"),
                body,
            });
            return false;
        }
        // Never over the weather file the scenario reads.
        let doc = self.doc();
        if let Some(w) = doc.scenario.weather.file_path() {
            let mut inputs = crate::files::RunFiles::new();
            inputs.input(tr!("role-weather-file"), &doc.base_dir().join(w));
            if let Err(e) = inputs.output(&tr!("role-save-as"), path) {
                self.notice = Some(Notice {
                    title: tr!("save-failed"),
                    body: tr!("save-still-open", error = e),
                });
                return false;
            }
        }
        // Saved into another folder, a relative weather path is rewritten to name the same
        // file from there (in every undo step too, so that undo keeps meaning the same file).
        let from = doc.base_dir();
        let to = scenario::base_dir(path);
        let mut rebased = doc.scenario.clone();
        scenario::rebase_weather_path(&mut rebased, &from, &to);
        // Only the values that changed are edited in the file's text: comments and layout stay.
        let (text, kept) =
            match scenario::layout::text_keeping_layout(doc.text.as_deref(), &rebased) {
                Ok(t) => t,
                Err(e) => {
                    self.notice = Some(Notice {
                        title: tr!("save-failed"),
                        body: tr!("save-cannot-write-text", error = e.to_string()),
                    });
                    return false;
                }
            };
        match crate::files::write_file(path, |f| std::io::Write::write_all(f, text.as_bytes())) {
            Ok(()) => {
                if !kept {
                    self.notice = Some(Notice {
                        title: tr!("save-comments-lost"),
                        body: tr!("save-comments-lost.body", path = path.display().to_string()),
                    });
                }
                let moved = self
                    .session_mut()
                    .doc
                    .mark_saved(path, text, rebased, &from, &to);
                self.autosave(false);
                self.remember(path);
                if moved {
                    // Relative weather paths now resolve from the new folder.
                    let session = self.session_mut();
                    session.results_of = None;
                    session.resimulate(false);
                }
                true
            }
            Err(e) => {
                self.notice = Some(Notice {
                    title: tr!("save-failed"),
                    body: tr!(
                        "save-path-still-open",
                        path = path.display().to_string(),
                        error = e.to_string()
                    ),
                });
                false
            }
        }
    }

    /// The folder file dialogs start in: the document's, else the working folder.
    pub(super) fn dialog_dir(&self) -> PathBuf {
        self.doc()
            .path
            .as_deref()
            .and_then(Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(
                || std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
                Path::to_path_buf,
            )
    }

    /// Ask the desktop's dialog (`native`), or open the built-in browser when the planner chose
    /// it or when the native dialog answered nothing faster than a person could (no portal):
    /// never nothing. `None` while the built-in browser is open (it sends its command later).
    pub(super) fn native_or_builtin(
        &mut self,
        purpose: Purpose,
        dir: &Path,
        name: &str,
        native: impl FnOnce() -> Option<PathBuf>,
    ) -> Option<PathBuf> {
        if !self.settings.builtin_file_browser {
            let t0 = Instant::now();
            if let Some(p) = native() {
                return Some(p);
            }
            if t0.elapsed().as_secs_f64() >= crate::gui::file_browser::NO_ANSWER_S {
                return None; // the planner cancelled
            }
            self.last_action = Some((tr!("no-desktop-dialog"), Instant::now()));
        }
        self.browser = Some(FileBrowser::new(purpose, dir, name));
        None
    }

    pub(super) fn save_as_dialog(&mut self) {
        let name = match self.doc().path {
            Some(_) => self.doc().display_name(),
            None => tr!("doc-untitled-name"),
        };
        let dir = self.dialog_dir();
        let picked = self.native_or_builtin(Purpose::SaveAs, &dir, &name, || {
            rfd::FileDialog::new()
                .add_filter(tr!("dialog-filter-scenario"), &["ron"])
                .set_file_name(&name)
                .set_directory(&dir)
                .save_file()
        });
        if let Some(mut p) = picked {
            if p.extension().is_none() {
                p.set_extension("ron");
            }
            self.save_now(&p);
        }
    }
}

/// Bring `doc`'s recovery copy up to date (see [`PlannerApp::autosave`]); how long until its
/// copy is due.
fn autosave_document(
    rec: &crate::gui::recovery::Recovery,
    doc: &mut Document,
    now: bool,
) -> Option<std::time::Duration> {
    if !doc.is_dirty() {
        if doc.draft_revision.take().is_some() {
            rec.remove(doc.id);
        }
        return None;
    }
    if doc.draft_revision == Some(doc.revision) {
        return None;
    }
    let wait = std::time::Duration::from_secs_f64(crate::gui::recovery::AUTOSAVE_AFTER_S);
    let age = doc.changed_at.map_or(wait, |t| t.elapsed());
    if now || age >= wait {
        // A failed copy is retried at the next change; the work itself is still open.
        if rec
            .write(
                doc.id,
                doc.path.as_deref(),
                &doc.scenario,
                doc.text.as_deref(),
            )
            .is_ok()
        {
            doc.draft_revision = Some(doc.revision);
        }
        None
    } else {
        Some(wait - age)
    }
}

/// The flagged values, one "path: message" per line; `None` when there are none.
fn issues_text(issues: &std::collections::BTreeMap<String, String>) -> Option<String> {
    (!issues.is_empty()).then(|| {
        issues
            .iter()
            .map(|(p, m)| format!("{p}: {m}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// A report export on the `dakhla-export` worker.
pub(super) type ExportJob = Worker<Result<crate::report::export::ExportSummary, String>>;
