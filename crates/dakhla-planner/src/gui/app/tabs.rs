//! Several scenarios open at once, as tabs: one [`Session`] each, in order. Only the active
//! one is drawn; every session's background jobs keep running and are collected each frame.

use super::{Document, PlannerApp, Session};
use crate::sim::Results;
use dakhla_i18n::tr;
use std::path::Path;

/// What a tab shows in the tab bar and the Compare view.
pub struct TabView<'a> {
    pub doc: &'a Document,
    pub results: Option<&'a Results>,
    /// The inputs changed since `results` were computed (invalid values, or a run pending).
    pub stale: bool,
}

impl PlannerApp {
    /// Number of open tabs (at least one).
    pub fn tab_count(&self) -> usize {
        self.sessions.len()
    }

    /// Index of the active tab.
    pub fn active_tab(&self) -> usize {
        self.active
    }

    /// Every tab in order, the active one included.
    pub fn tab_views(&self) -> Vec<TabView<'_>> {
        self.sessions
            .iter()
            .map(|s| TabView {
                doc: &s.doc,
                results: s.results.as_ref(),
                stale: s.is_stale(),
            })
            .collect()
    }

    /// Whether any open tab has unsaved changes.
    pub fn any_dirty(&self) -> bool {
        self.sessions.iter().any(|s| s.doc.is_dirty())
    }

    /// The first tab with unsaved changes other than those in `skip`.
    pub(super) fn first_dirty_tab(&self, skip: &[usize]) -> Option<usize> {
        (0..self.sessions.len()).find(|i| !skip.contains(i) && self.sessions[*i].doc.is_dirty())
    }

    /// The tab holding `path`, if it is open.
    pub fn tab_of_path(&self, path: &Path) -> Option<usize> {
        let same = |p: &Path| {
            p == path
                || matches!(
                    (std::fs::canonicalize(p), std::fs::canonicalize(path)),
                    (Ok(a), Ok(b)) if a == b
                )
        };
        self.sessions
            .iter()
            .position(|s| s.doc.path.as_deref().is_some_and(same))
    }

    /// Make tab `i` the active one. Its results, runs and view are where it left them; its
    /// inputs are validated and re-run only if they differ from its results (its weather file
    /// may have changed on disk).
    pub fn switch_tab(&mut self, i: usize) {
        if i == self.active || i >= self.sessions.len() {
            return;
        }
        // An overdue recovery copy of the tab being left is written now.
        self.autosave(true);
        self.active = i;
        self.session_mut().resimulate(false);
    }

    /// Open `doc` in a new tab after the others and make it active.
    pub(super) fn push_tab(&mut self, doc: Document) {
        self.autosave(true);
        self.sessions.push(Session::new(doc, false));
        self.active = self.sessions.len() - 1;
    }

    /// Open `doc` in the active tab when that is the untouched built-in scenario, else in a
    /// new tab.
    pub(super) fn open_in_tab(&mut self, doc: Document) {
        if self.active_is_pristine() {
            *self.session_mut() = Session::new(doc, false);
        } else {
            self.push_tab(doc);
        }
    }

    /// Close the active tab without asking (the caller asked about unsaved changes); its
    /// background runs stop. The last tab is replaced by the built-in scenario: the window
    /// always shows one.
    pub(super) fn close_active_tab(&mut self) {
        self.drop_draft();
        if self.sessions.len() == 1 {
            self.sessions[0] = Session::new(Document::reference(), false);
            self.active = 0;
            return;
        }
        self.sessions.remove(self.active);
        // The neighbour to the right takes the place, else the one to the left.
        self.active = self.active.min(self.sessions.len() - 1);
        self.session_mut().resimulate(false);
    }

    /// Whether the active tab is the untouched built-in scenario (opening a file replaces it).
    pub(super) fn active_is_pristine(&self) -> bool {
        let doc = self.doc();
        doc.path.is_none() && !doc.is_dirty() && !doc.can_undo()
    }
}

impl PlannerApp {
    /// The row of tabs under the menu: one per scenario (file name, a dot when unsaved, a close
    /// button), then the Compare toggle.
    pub(super) fn tab_bar(&mut self, ui: &mut egui::Ui) {
        let mut command = None;
        ui.horizontal_wrapped(|ui| {
            let compare_open = self.compare_open;
            for (i, t) in self.tab_views().iter().enumerate() {
                let name = t.doc.display_name();
                let text = if t.doc.is_dirty() {
                    format!("* {name}")
                } else {
                    name.clone()
                };
                let selected = i == self.active && !compare_open;
                let tab = ui
                    .selectable_label(selected, text)
                    .on_hover_text(match &t.doc.path {
                        Some(p) => p.display().to_string(),
                        None => tr!("status-not-saved"),
                    });
                if tab.clicked() {
                    command = Some(super::Command::SwitchTab(i));
                }
                let close_label = tr!("tab-close", name = name.as_str());
                let close = ui.small_button("×").on_hover_text(close_label.as_str());
                ui.ctx()
                    .accesskit_node_builder(close.id, |n| n.set_label(close_label));
                if close.clicked() {
                    command = Some(super::Command::CloseTab(i));
                }
                ui.separator();
            }
            let n = self.sessions.len();
            let label = egui::RichText::new(tr!("tab-compare", count = n.to_string()));
            let label = if compare_open { label.strong() } else { label };
            if ui
                .selectable_label(compare_open, label)
                .on_hover_text(tr!("tab-compare.tooltip"))
                .clicked()
            {
                command = Some(super::Command::ToggleCompare);
            }
        });
        if let Some(c) = command {
            self.commands.push(c);
        }
    }
}
