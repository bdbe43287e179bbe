//! The document: a scenario, its file, the text it was read from and its undo history.

use crate::scenario::{self, Scenario};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The open scenario and its file.
#[derive(Clone, Debug)]
pub struct Document {
    /// What the user is editing (may hold invalid values: they are flagged, never lost).
    pub scenario: Scenario,
    /// The file, once saved or opened.
    pub path: Option<PathBuf>,
    /// The scenario as last saved or opened, to tell whether there are unsaved changes.
    pub saved: Scenario,
    pub(super) undo: Vec<Scenario>,
    pub(super) redo: Vec<Scenario>,
    /// True while a drag (or other pointer-held edit) continues the last undo step.
    edit_open: bool,
    /// Unique in this process: names the document's recovery copy.
    pub id: u64,
    /// Counts changes (edits, undo, redo), to tell when the recovery copy is behind.
    pub(super) revision: u64,
    /// When the last change happened.
    pub(super) changed_at: Option<Instant>,
    /// The revision the recovery copy holds (None: no copy on disk).
    pub(super) draft_revision: Option<u64>,
    /// SHA-256 of the file as opened or last saved, to notice another program's change.
    pub disk_sha256: Option<String>,
    /// The text the scenario was opened from or last saved as (the built-in reference's for a
    /// new document): saving edits it in place, so the author's comments and layout stay
    /// ([`scenario::layout`]).
    pub text: Option<String>,
    /// The KPIs every card's change is counted against, and what they are ("the file as
    /// opened", "pinned at 10:42"): by default the results of the file as opened or saved.
    pub baseline: Option<(crate::sim::kpis::Kpis, String)>,
    /// The tab's name until the document is saved ("dakhla-500mw.ron, Cooling towers" for a
    /// copy made by Compare cooling choices); None: "Untitled".
    pub title: Option<String>,
}

/// Ids of documents (see [`Document::id`]).
static NEXT_DOCUMENT_ID: AtomicUsize = AtomicUsize::new(1);

impl Document {
    /// A document on `scenario`, saved as `path` (None: never saved).
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        Self {
            saved: scenario.clone(),
            scenario,
            path,
            undo: Vec::new(),
            redo: Vec::new(),
            edit_open: false,
            id: NEXT_DOCUMENT_ID.fetch_add(1, Ordering::Relaxed) as u64,
            revision: 0,
            changed_at: None,
            draft_revision: None,
            disk_sha256: None,
            text: None,
            baseline: None,
            title: None,
        }
    }

    /// A new document on the built-in Dakhla reference, with its commented text.
    pub fn reference() -> Self {
        let mut doc = Self::new(Scenario::dakhla_reference(), None);
        doc.text = Some(scenario::DAKHLA_REFERENCE_RON.to_owned());
        doc
    }

    pub(super) fn touched(&mut self) {
        self.revision += 1;
        self.changed_at = Some(Instant::now());
    }

    /// Unsaved changes?
    pub fn is_dirty(&self) -> bool {
        self.scenario != self.saved || self.path.is_none() && !self.undo.is_empty()
    }

    /// Folder that relative paths in the scenario refer to.
    pub fn base_dir(&self) -> PathBuf {
        match &self.path {
            Some(p) => scenario::base_dir(p),
            None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        }
    }

    /// File name for the title bar.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => self
                .title
                .clone()
                .unwrap_or_else(|| dakhla_i18n::tr!("doc-untitled")),
        }
    }

    /// Replace the scenario by an edited one. `continuing` merges the edit into the previous
    /// undo step (a drag in progress).
    pub fn edit(&mut self, edited: Scenario, continuing: bool) {
        if edited == self.scenario {
            return;
        }
        if !(continuing && self.edit_open) {
            self.undo.push(self.scenario.clone());
            if self.undo.len() > 500 {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.edit_open = continuing;
        self.scenario = edited;
        self.touched();
    }

    /// Close the open edit group (the pointer was released).
    pub fn close_edit(&mut self) {
        self.edit_open = false;
    }

    /// Step back; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.edit_open = false;
        match self.undo.pop() {
            Some(prev) => {
                self.redo.push(std::mem::replace(&mut self.scenario, prev));
                self.touched();
                true
            }
            None => false,
        }
    }

    /// Step forward again; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.edit_open = false;
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(&mut self.scenario, next));
                self.touched();
                true
            }
            None => false,
        }
    }

    /// The scenario before the last edit (what Undo would bring back).
    pub fn previous(&self) -> Option<&Scenario> {
        self.undo.last()
    }

    /// What Undo would take back, in words ("battery energy 1600 to 800 MWh").
    pub fn undo_label(&self) -> Option<String> {
        scenario::fields::describe_change(self.undo.last()?, &self.scenario)
    }

    /// What Redo would do again, in words.
    pub fn redo_label(&self) -> Option<String> {
        scenario::fields::describe_change(&self.scenario, self.redo.last()?)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Record that the document was written to `path` as `text`. `rebased` is the scenario
    /// with its relative weather path rewritten from folder `from` to `to` (the undo history is
    /// rewritten the same way, so that undo keeps meaning the same file). True when the
    /// document's file changed (Save As elsewhere).
    pub fn mark_saved(
        &mut self,
        path: &Path,
        text: String,
        rebased: Scenario,
        from: &Path,
        to: &Path,
    ) -> bool {
        self.text = Some(text);
        if rebased != self.scenario {
            self.scenario = rebased;
            for s in self.undo.iter_mut().chain(self.redo.iter_mut()) {
                scenario::rebase_weather_path(s, from, to);
            }
        }
        let moved = self.path.as_deref() != Some(path);
        self.path = Some(path.to_path_buf());
        self.saved = self.scenario.clone();
        self.disk_sha256 = crate::weather::file_sha256(path).ok();
        moved
    }
}
