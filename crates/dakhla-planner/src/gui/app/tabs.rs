//! Several scenarios open at once, as tabs.
//!
//! The active tab's state lives in the app's own fields, so every panel, command and test works
//! on "the" document as before; the other tabs are parked here, each with everything computed
//! from it (results, weather-years and optimizer runs, which keep going in the background), and
//! are swapped in when selected.

use super::{Document, OptimizePanel, PlannerApp, WeatherYears};
use crate::scenario::{Scenario, WeatherSource};
use crate::sim::Results;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A scenario in a tab that is not the active one.
pub struct Tab {
    pub doc: Document,
    pub issues: BTreeMap<String, String>,
    pub warnings: Vec<String>,
    fingerprint_checked: Option<(WeatherSource, PathBuf, Vec<String>)>,
    pub results: Option<Results>,
    pub results_of: Option<Scenario>,
    pub sim_error: Option<String>,
    last_sim_ms: f64,
    window_start_day: usize,
    years: WeatherYears,
    optimize: OptimizePanel,
}

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
        self.tabs.len()
    }

    /// Index of the active tab.
    pub fn active_tab(&self) -> usize {
        self.active
    }

    /// Every tab in order, the active one included.
    pub fn tab_views(&self) -> Vec<TabView<'_>> {
        self.tabs
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match t {
                None => (i == self.active).then(|| TabView {
                    doc: &self.doc,
                    results: self.results.as_ref(),
                    stale: self.results_of.as_ref() != Some(&self.doc.scenario),
                }),
                Some(t) => Some(TabView {
                    doc: &t.doc,
                    results: t.results.as_ref(),
                    stale: t.results_of.as_ref() != Some(&t.doc.scenario),
                }),
            })
            .collect()
    }

    /// Whether any open tab has unsaved changes.
    pub fn any_dirty(&self) -> bool {
        self.doc.is_dirty() || self.tabs.iter().flatten().any(|t| t.doc.is_dirty())
    }

    /// The first tab with unsaved changes other than those in `skip`.
    pub(super) fn first_dirty_tab(&self, skip: &[usize]) -> Option<usize> {
        (0..self.tabs.len()).find(|i| {
            !skip.contains(i)
                && match &self.tabs[*i] {
                    None => self.doc.is_dirty(),
                    Some(t) => t.doc.is_dirty(),
                }
        })
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
        (0..self.tabs.len()).find(|i| {
            let doc = match &self.tabs[*i] {
                None => &self.doc,
                Some(t) => &t.doc,
            };
            doc.path.as_deref().is_some_and(same)
        })
    }

    /// Make tab `i` the active one (its state swapped into the app's fields).
    pub fn switch_tab(&mut self, i: usize) {
        if i == self.active || i >= self.tabs.len() {
            return;
        }
        // Results in flight belong to the tab being left; so does an overdue recovery copy.
        self.wait_for_simulation();
        self.autosave(true);
        let Some(next) = self.tabs[i].take() else {
            return;
        };
        let parked = self.park(next);
        self.tabs[self.active] = Some(parked);
        self.active = i;
        self.queued = None;
        // A parked tab may have been edited by nothing else, but its weather file may have
        // changed on disk: validate and re-run only if its inputs differ from its results.
        self.resimulate(false);
    }

    /// Open `doc` in a new tab after the others and make it active.
    pub(super) fn push_tab(&mut self, doc: Document) {
        self.wait_for_simulation();
        self.autosave(true);
        let fresh = Tab::new(doc);
        let parked = self.park(fresh);
        self.tabs[self.active] = Some(parked);
        self.tabs.push(None);
        self.active = self.tabs.len() - 1;
        self.queued = None;
        self.resimulate(false);
    }

    /// Close the active tab without asking (the caller asked about unsaved changes). The last
    /// tab is replaced by the built-in scenario: the window always shows one.
    pub(super) fn close_active_tab(&mut self) {
        self.wait_for_simulation();
        self.drop_draft();
        if self.tabs.len() == 1 {
            let fresh = Tab::new(Document::reference());
            drop(self.park(fresh));
            self.resimulate(false);
            return;
        }
        let neighbour = if self.active + 1 < self.tabs.len() {
            self.active + 1
        } else {
            self.active - 1
        };
        let Some(next) = self.tabs[neighbour].take() else {
            return;
        };
        drop(self.park(next));
        self.tabs.remove(self.active);
        self.active = if neighbour > self.active {
            self.active
        } else {
            neighbour
        };
        self.tabs[self.active] = None;
        self.queued = None;
        self.resimulate(false);
    }

    /// Whether the active tab is the untouched built-in scenario (opening a file replaces it).
    pub(super) fn active_is_pristine(&self) -> bool {
        self.doc.path.is_none() && !self.doc.is_dirty() && !self.doc.can_undo()
    }

    /// Swap `incoming` into the app's fields and return the state it replaced.
    fn park(&mut self, incoming: Tab) -> Tab {
        Tab {
            doc: std::mem::replace(&mut self.doc, incoming.doc),
            issues: std::mem::replace(&mut self.issues, incoming.issues),
            warnings: std::mem::replace(&mut self.warnings, incoming.warnings),
            fingerprint_checked: std::mem::replace(
                &mut self.fingerprint_checked,
                incoming.fingerprint_checked,
            ),
            results: std::mem::replace(&mut self.results, incoming.results),
            results_of: std::mem::replace(&mut self.results_of, incoming.results_of),
            sim_error: std::mem::replace(&mut self.sim_error, incoming.sim_error),
            last_sim_ms: std::mem::replace(&mut self.last_sim_ms, incoming.last_sim_ms),
            window_start_day: std::mem::replace(
                &mut self.window_start_day,
                incoming.window_start_day,
            ),
            years: std::mem::replace(&mut self.years, incoming.years),
            optimize: std::mem::replace(&mut self.optimize, incoming.optimize),
        }
    }

    /// Poll the background runs of parked tabs so that their threads' results are collected.
    pub(super) fn poll_parked(&mut self) -> bool {
        let mut running = false;
        for t in self.tabs.iter_mut().flatten() {
            running |= t.years.poll();
            running |= t.optimize.poll();
        }
        running
    }
}

impl Tab {
    fn new(doc: Document) -> Self {
        Self {
            doc,
            issues: BTreeMap::new(),
            warnings: Vec::new(),
            fingerprint_checked: None,
            results: None,
            results_of: None,
            sim_error: None,
            last_sim_ms: 0.0,
            window_start_day: 0,
            years: WeatherYears::default(),
            optimize: OptimizePanel::default(),
        }
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
                        None => "not saved yet".to_owned(),
                    });
                if tab.clicked() {
                    command = Some(super::Command::SwitchTab(i));
                }
                let close = ui.small_button("×").on_hover_text(format!("Close {name}"));
                ui.ctx()
                    .accesskit_node_builder(close.id, |n| n.set_label(format!("Close {name}")));
                if close.clicked() {
                    command = Some(super::Command::CloseTab(i));
                }
                ui.separator();
            }
            let n = self.tabs.len();
            let label = egui::RichText::new(format!("Compare ({n})"));
            let label = if compare_open { label.strong() } else { label };
            if ui
                .selectable_label(compare_open, label)
                .on_hover_text(
                    "KPIs side by side, the inputs that differ and overlaid charts of every open \
                     scenario (open more with File > Open)",
                )
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
