//! Commands: what the user asked for (menus, shortcuts, buttons, dropped files), queued during
//! the frame and applied after it, and the questions about unsaved changes they may raise.

use super::{Document, Notice, PlannerApp};
use crate::gui::file_browser::Purpose;
use crate::gui::panels::optimize::Pick;
use crate::gui::theme::{Palette, ThemeChoice};
use dakhla_i18n::tr;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;
use std::time::Instant;

/// What the user asked for, applied after the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A new tab on the built-in Dakhla scenario.
    New,
    /// Open a file in a new tab (or switch to it when already open).
    OpenDialog,
    Open(PathBuf),
    /// Make tab `i` the active one.
    SwitchTab(usize),
    /// Close tab `i` (asking first when it has unsaved changes).
    CloseTab(usize),
    /// Show or hide the Compare view of all open tabs.
    ToggleCompare,
    /// Show or hide the editors' side panel.
    ToggleEditors,
    /// Save over a file that changed on disk since it was opened (the user said so).
    SaveOverwriting(PathBuf),
    /// Export the active scenario's report (charts, CSV, JSON, HTML) to a folder picked in a
    /// dialog.
    ExportDialog,
    /// Export the report into this folder.
    ExportTo(PathBuf),
    Save,
    SaveAsDialog,
    SaveAs(PathBuf),
    Undo,
    Redo,
    Quit,
    SetTheme(ThemeChoice),
    /// Speak this language (None: the locale's) from the next frame on; kept between runs.
    SetLanguage(Option<dakhla_i18n::Lang>),
    /// Load an optimization result's mix into the scenario (one undoable edit).
    ApplyOptimized(Pick),
    /// Start a reliability run of the active tab (its draws, weather years and seed).
    RunReliability,
    /// Stop the active tab's reliability run.
    CancelReliability,
    /// Open a copy of the active scenario for each other heat-rejection choice (at its
    /// registry defaults) in new tabs, and show the Compare view.
    CompareCoolingChoices,
}

/// An action waiting for the user's answer about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Pending {
    /// Close the active tab.
    CloseTab,
    /// Quit; the tabs already answered for (saved or discarded) are listed.
    Quit(Vec<usize>),
}

impl PlannerApp {
    /// A tab for each heat-rejection choice the active scenario does not use, each a copy of
    /// it (its file's text kept, so Save As keeps the comments) with that choice at its
    /// registry defaults, then the Compare view: the active tab first, as the baseline.
    pub(super) fn compare_cooling_choices(&mut self) {
        let doc = self.doc().clone();
        let own = doc.scenario.datacenter.heat_rejection.clone();
        let name = doc.display_name();
        let first = self.active;
        for h in crate::scenario::HeatRejection::choices_with(&own) {
            if h == own {
                continue;
            }
            let word =
                crate::scenario::fields::choice_word("datacenter.heat_rejection", h.variant());
            let mut s = doc.scenario.clone();
            s.datacenter.heat_rejection = h;
            let mut copy = Document::new(s, None);
            copy.text = doc.text.clone();
            copy.title = Some(dakhla_i18n::tr!(
                "doc-cooling-copy",
                name = name.as_str(),
                choice = word.as_ref()
            ));
            self.push_tab(copy);
        }
        self.switch_tab(first);
        self.compare_open = true;
    }

    pub(super) fn new_now(&mut self) {
        self.compare_open = false;
        self.push_tab(Document::reference());
    }

    /// Close tab `i`, asking first when it has unsaved changes.
    pub(super) fn close_tab(&mut self, i: usize, ctx: Option<&egui::Context>) {
        self.switch_tab(i);
        if self.doc().is_dirty() {
            self.pending = Some(Pending::CloseTab);
        } else {
            self.do_pending(Pending::CloseTab, ctx);
        }
    }

    /// Quit, asking about each tab with unsaved changes in turn (those in `answered` were
    /// saved or discarded already).
    pub(super) fn quit(&mut self, answered: Vec<usize>, ctx: Option<&egui::Context>) {
        match self.first_dirty_tab(&answered) {
            Some(i) => {
                self.switch_tab(i);
                self.compare_open = false;
                self.pending = Some(Pending::Quit(answered));
            }
            None => {
                self.allow_close = true;
                if let Some(ctx) = ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    /// Carry out `action` once the user answered for the active tab's unsaved changes.
    pub(super) fn do_pending(&mut self, action: Pending, ctx: Option<&egui::Context>) {
        match action {
            Pending::CloseTab => self.close_active_tab(),
            Pending::Quit(mut answered) => {
                answered.push(self.active);
                self.quit(answered, ctx);
            }
        }
    }

    /// Apply queued commands.
    pub fn run_commands(&mut self, ctx: Option<&egui::Context>) {
        for c in std::mem::take(&mut self.commands) {
            match c {
                Command::New => self.new_now(),
                Command::OpenDialog => {
                    let dir = self.dialog_dir();
                    if let Some(p) = self.native_or_builtin(Purpose::Open, &dir, "", || {
                        rfd::FileDialog::new()
                            .add_filter(tr!("dialog-filter-scenario"), &["ron"])
                            .set_directory(&dir)
                            .pick_file()
                    }) {
                        self.open_now(&p);
                    }
                }
                Command::Open(p) => self.open_now(&p),
                Command::SwitchTab(i) => {
                    self.switch_tab(i);
                    self.compare_open = false;
                }
                Command::CloseTab(i) => self.close_tab(i, ctx),
                Command::ToggleCompare => self.compare_open = !self.compare_open,
                Command::ToggleEditors => self.settings.editors_open = !self.settings.editors_open,
                Command::SaveOverwriting(p) => {
                    self.save_checked(&p, true);
                }
                Command::ExportDialog => {
                    let dir = self.dialog_dir();
                    if let Some(dir) =
                        self.native_or_builtin(Purpose::ExportFolder, &dir, "", || {
                            rfd::FileDialog::new()
                                .set_title(tr!("dialog-export-into"))
                                .set_directory(&dir)
                                .pick_folder()
                        })
                    {
                        self.start_export(dir);
                    }
                }
                Command::ExportTo(dir) => {
                    self.start_export(dir);
                }
                Command::Save => match self.doc().path.clone() {
                    Some(p) => {
                        self.save_now(&p);
                    }
                    None => self.save_as_dialog(),
                },
                Command::SaveAsDialog => self.save_as_dialog(),
                Command::SaveAs(p) => {
                    self.save_now(&p);
                }
                Command::Undo => {
                    let what = self.doc().undo_label();
                    if self.session_mut().doc.undo() {
                        self.last_action =
                            what.map(|w| (tr!("action-undone", what = w), Instant::now()));
                        self.resimulate(false);
                    }
                }
                Command::Redo => {
                    let what = self.doc().redo_label();
                    if self.session_mut().doc.redo() {
                        self.last_action =
                            what.map(|w| (tr!("action-redone", what = w), Instant::now()));
                        self.resimulate(false);
                    }
                }
                Command::Quit => self.quit(Vec::new(), ctx),
                Command::SetTheme(t) => {
                    self.settings.theme = t;
                    if let Some(ctx) = ctx {
                        ctx.set_visuals(Palette::visuals(t));
                    }
                }
                Command::SetLanguage(l) => {
                    self.settings.language = l;
                    dakhla_i18n::set(l.unwrap_or_else(dakhla_i18n::from_env));
                    if let Some(ctx) = ctx {
                        ctx.request_repaint();
                    }
                }
                Command::ApplyOptimized(pick) => {
                    self.apply_optimized(pick);
                }
                Command::RunReliability => {
                    self.start_reliability();
                }
                Command::CancelReliability => self.session().reliability.cancel(),
                Command::CompareCoolingChoices => self.compare_cooling_choices(),
            }
        }
    }

    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let cmd = Modifiers::COMMAND;
        let shift_cmd = Modifiers::COMMAND | Modifiers::SHIFT;
        let checks = [
            (
                KeyboardShortcut::new(shift_cmd, Key::S),
                Command::SaveAsDialog,
            ),
            (KeyboardShortcut::new(shift_cmd, Key::Z), Command::Redo),
            (KeyboardShortcut::new(cmd, Key::N), Command::New),
            (KeyboardShortcut::new(cmd, Key::O), Command::OpenDialog),
            (KeyboardShortcut::new(cmd, Key::S), Command::Save),
            (KeyboardShortcut::new(cmd, Key::Z), Command::Undo),
            (KeyboardShortcut::new(cmd, Key::Y), Command::Redo),
            (KeyboardShortcut::new(cmd, Key::B), Command::ToggleEditors),
            (
                KeyboardShortcut::new(cmd, Key::W),
                Command::CloseTab(self.active),
            ),
        ];
        for (shortcut, command) in checks {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
    }

    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
                self.commands.push(Command::Open(p));
            } else {
                self.notice = Some(Notice {
                    title: tr!("notice-not-a-scenario"),
                    body: tr!("notice-not-a-scenario.body", path = p.display().to_string()),
                });
            }
        }
    }
}
