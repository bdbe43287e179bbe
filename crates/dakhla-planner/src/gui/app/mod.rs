//! The planner app, split by concern as rerun's viewer is:
//!
//! - [`session`]: one [`Session`] per tab (document, validation, results, engine, background
//!   jobs, view position); every edit enters through [`Session::apply_edit`];
//! - [`document`]: the scenario, its file and text, undo history;
//! - [`commands`]: typed commands queued during the frame and applied after it;
//! - [`files`]: open, save (comments kept), export, recent files, recovery copies;
//! - [`jobs`]: what a tab runs on its [`crate::gui::worker::Worker`]s (re-simulation, weather
//!   years; the optimizer's and the reliability runs are in their panels);
//! - [`dialogs`]: notices and questions;
//! - [`layout`]: menu, side panel, results area, status bar;
//! - [`tabs`]: opening, switching and closing tabs.
//!
//! This module holds what belongs to the window: the settings kept between runs, the sessions
//! and the frame.

mod commands;
mod dialogs;
mod document;
mod files;
mod jobs;
mod layout;
mod session;
mod tabs;
#[cfg(test)]
mod tests;

pub use commands::Command;
use commands::Pending;
pub use dialogs::Notice;
pub use document::Document;
pub use jobs::{WeatherYears, YearsRun};
pub use session::Session;
pub use tabs::TabView;

use crate::gui::panels::PanelKind;
use crate::gui::panels::optimize::{JobKind, Pick};
use crate::gui::theme::{Palette, ThemeChoice};
use crate::scenario::Scenario;
use std::path::PathBuf;
use std::time::Instant;

/// Most recent files kept in the File menu.
pub const MAX_RECENT: usize = 10;

/// Settings kept between runs (eframe persistence).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    pub recent: Vec<PathBuf>,
    pub panel: PanelKind,
    pub window: WindowKind,
    pub heat: HeatChoice,
    /// Years of a weather-years (P50 / P90) run, in [`WEATHER_YEARS_RANGE`].
    pub weather_years: u32,
    /// Open, Save As and Export use the built-in file browser instead of the desktop's dialog.
    pub builtin_file_browser: bool,
    /// The editors' side panel is shown (hidden, the results take the whole width: small
    /// screens).
    pub editors_open: bool,
    /// The language chosen in the Language menu; None: the locale's (LC_ALL, LC_MESSAGES,
    /// LANG).
    pub language: Option<dakhla_i18n::Lang>,
}

/// Years a weather-years run may ask for.
pub const WEATHER_YEARS_RANGE: std::ops::RangeInclusive<u32> = 2..=200;

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::Light,
            recent: Vec::new(),
            panel: PanelKind::Load,
            window: WindowKind::Week,
            heat: HeatChoice::Backup,
            weather_years: 20,
            builtin_file_browser: false,
            editors_open: true,
            language: None,
        }
    }
}

/// Span of the energy-balance chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WindowKind {
    Day,
    Week,
    Month,
    Year,
}

impl WindowKind {
    /// Length in days (a year shows everything).
    pub fn days(self) -> usize {
        match self {
            WindowKind::Day => 1,
            WindowKind::Week => 7,
            WindowKind::Month => 30,
            WindowKind::Year => 366,
        }
    }
}

/// Quantity of the heat map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum HeatChoice {
    Unmet,
    Backup,
    Curtailed,
}

/// The eframe application: the open sessions (one per tab) and what belongs to the window.
pub struct PlannerApp {
    pub settings: Settings,
    /// Open tabs in order, never empty.
    sessions: Vec<Session>,
    /// Index of the active tab in `sessions`.
    active: usize,
    /// Shown in a dialog until dismissed.
    pub notice: Option<Notice>,
    commands: Vec<Command>,
    pending: Option<Pending>,
    allow_close: bool,
    last_title: String,
    /// The last frame's own work (simulation, charts, layout) [ms], for the status bar.
    pub frame_ms: f64,
    /// The last undo or redo in words, and when, for the status bar.
    pub last_action: Option<(String, Instant)>,
    /// The built-in file browser, while it is open.
    pub browser: Option<crate::gui::file_browser::FileBrowser>,
    first_frame_done: bool,
    /// The central area shows the Compare view of all tabs instead of the active tab's results.
    pub compare_open: bool,
    compare: crate::gui::compare_view::CompareView,
    /// A report export running on the `dakhla-export` worker.
    export_job: Option<files::ExportJob>,
    /// Copies of unsaved work for crash recovery (None: off, as in tests unless enabled).
    recovery: Option<crate::gui::recovery::Recovery>,
    /// Unsaved work of a crashed session, offered in a dialog until answered.
    pub drafts_offered: Vec<crate::gui::recovery::Draft>,
    /// Saving would overwrite a file that changed on disk since it was opened: asked first.
    pub overwrite_question: Option<PathBuf>,
}

impl PlannerApp {
    /// Create the app, restoring persisted settings, on `files` (one tab each) or the built-in
    /// scenario.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        files: Vec<PathBuf>,
        lang: Option<dakhla_i18n::Lang>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, "dakhla-planner-settings"))
            .unwrap_or_default();
        // The command line's --lang for this run, else the window's choice, else the locale.
        dakhla_i18n::set(
            lang.or(settings.language)
                .unwrap_or_else(dakhla_i18n::from_env),
        );
        cc.egui_ctx.set_visuals(Palette::visuals(settings.theme));
        let mut app = Self::with_settings(settings);
        for f in files {
            app.open_now(&f);
        }
        let dir = std::env::var_os("DAKHLA_PLANNER_RECOVERY_DIR")
            .map(PathBuf::from)
            .or_else(|| eframe::storage_dir("dakhla-planner").map(|d| d.join("recovery")));
        if let Some(dir) = dir {
            app.enable_recovery(&dir);
        }
        app
    }

    /// The app on the built-in scenario with `settings` (tests use this directly).
    pub fn with_settings(settings: Settings) -> Self {
        Self {
            settings,
            sessions: vec![Session::new(Document::reference(), true)],
            active: 0,
            notice: None,
            commands: Vec::new(),
            pending: None,
            allow_close: false,
            last_title: String::new(),
            frame_ms: 0.0,
            last_action: None,
            browser: None,
            first_frame_done: false,
            compare_open: false,
            compare: Default::default(),
            export_job: None,
            recovery: None,
            drafts_offered: Vec::new(),
            overwrite_question: None,
        }
    }

    /// The active tab's session.
    pub fn session(&self) -> &Session {
        // `sessions` is never empty and `active` always indexes it (tabs.rs keeps both).
        &self.sessions[self.active.min(self.sessions.len() - 1)]
    }

    /// The active tab's session, to change.
    pub fn session_mut(&mut self) -> &mut Session {
        let i = self.active.min(self.sessions.len() - 1);
        &mut self.sessions[i]
    }

    /// The active tab's document.
    pub fn doc(&self) -> &Document {
        &self.session().doc
    }

    /// Apply an edit to the active tab (see [`Session::apply_edit`]).
    pub fn apply_edit(&mut self, edited: Scenario, continuing: bool) {
        self.session_mut().apply_edit(edited, continuing);
    }

    /// Validate and re-simulate the active tab (see [`Session::resimulate`]).
    pub fn resimulate(&mut self, blocking: bool) {
        self.session_mut().resimulate(blocking);
    }

    /// Start a weather-years run on the active tab (see [`Session::start_weather_years`]).
    pub fn start_weather_years(&mut self, n: u32) -> bool {
        self.session_mut().start_weather_years(n)
    }

    /// Start a reliability run on the active tab (see [`Session::start_reliability`]).
    pub fn start_reliability(&mut self) -> bool {
        self.session_mut().start_reliability()
    }

    /// Start an optimization or a Pareto front on the active tab.
    pub fn start_optimization(&mut self, kind: JobKind) -> bool {
        self.session_mut().start_optimization(kind)
    }

    /// Load an optimization result's mix into the active tab as one undoable edit.
    pub fn apply_optimized(&mut self, pick: Pick) -> bool {
        self.session_mut().apply_optimized(pick)
    }

    /// Wait for the active tab's re-simulation in flight (tests and headless use).
    pub fn wait_for_simulation(&mut self) {
        self.session_mut().wait_for_simulation();
    }

    /// Collect what every tab's workers and the export finished. True while any runs.
    pub fn poll_jobs(&mut self) -> bool {
        let mut running = false;
        for s in &mut self.sessions {
            running |= s.poll();
        }
        running | self.poll_export()
    }

    /// Queue a command (applied after the frame; tests may call [`Self::run_commands`]).
    pub fn command(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// One frame of the whole window (public so that tests and benchmarks can drive it).
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let t0 = Instant::now();
        let ctx = ui.ctx().clone();
        if self.poll_jobs() {
            // A re-simulation's progress moves quickly; other jobs (seconds long) report five
            // times a second: each frame takes CPU from the worker, a whole core on a software
            // renderer (the 20-point front of the reference campus: 2.2 s in the window at ten
            // frames a second, against 1.6 s on the command line).
            let every = if self.session().simulating().is_some() {
                30
            } else {
                200
            };
            ctx.request_repaint_after(std::time::Duration::from_millis(every));
        }
        self.shortcuts(&ctx);
        self.dropped_files(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.any_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.pending.is_none() {
                self.commands.push(Command::Quit);
            }
        }
        self.layout(ui);
        self.dialogs(&ctx);
        self.run_commands(Some(&ctx));
        if let Some(wait) = self.autosave(false) {
            ctx.request_repaint_after(wait);
        }
        let title = self.title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        self.frame_ms = t0.elapsed().as_secs_f64() * 1e3;
        if !self.first_frame_done {
            self.first_frame_done = true;
            if std::env::var_os("DAKHLA_PLANNER_TIMING").is_some()
                && let Some(start) = crate::gui::PROCESS_START.get()
            {
                eprintln!(
                    "first frame laid out {:.0} ms after start",
                    start.elapsed().as_secs_f64() * 1e3
                );
            }
        }
    }
}

impl eframe::App for PlannerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, "dakhla-planner-settings", &self.settings);
    }

    /// A clean exit (the user answered for every unsaved change): no recovery copies are kept.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(r) = &self.recovery {
            r.finish();
        }
    }
}
