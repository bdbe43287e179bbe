//! The planner app: the document (scenario, file, undo history), the commands that change it,
//! files (new, open, save, recent, drag and drop), persistence, and the frame layout.
//!
//! Every edit goes through [`PlannerApp::apply_edit`]: it records history (a slider drag is one
//! undo step), marks the document dirty, validates, and re-simulates before the charts of the
//! same frame are drawn. Re-simulations that recompute the weather or the sun run on a named
//! worker thread (`dakhla-sim`) with a progress bar; capacity edits (about 0.1 ms) run inline.
//! Weather-years runs (`dakhla-years`) and optimizations (`dakhla-opt`) run on their own threads
//! on a clone of the scenario; loading an optimized mix is one edit like any other.

mod tabs;
pub use tabs::{Tab, TabView};

use crate::gui::file_browser::{FileBrowser, Outcome as BrowserOutcome, Purpose};
use crate::gui::panels::optimize::{self, JobKind, OptimizePanel, Pick};
use crate::gui::panels::{self, PanelContext, PanelKind};
use crate::gui::theme::{Palette, ThemeChoice};
use crate::gui::{chart_widget, kpis_view};
use crate::report::charts::HeatQuantity;
use crate::scenario::{self, Scenario};
use crate::sim::years::{Spread, YearResult};
use crate::sim::{Engine, Results};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
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

/// The open scenario and its file.
#[derive(Clone, Debug)]
pub struct Document {
    /// What the user is editing (may hold invalid values: they are flagged, never lost).
    pub scenario: Scenario,
    /// The file, once saved or opened.
    pub path: Option<PathBuf>,
    /// The scenario as last saved or opened, to tell whether there are unsaved changes.
    pub saved: Scenario,
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    /// True while a drag (or other pointer-held edit) continues the last undo step.
    edit_open: bool,
    /// Unique in this process: names the document's recovery copy.
    pub id: u64,
    /// Counts changes (edits, undo, redo), to tell when the recovery copy is behind.
    revision: u64,
    /// When the last change happened.
    changed_at: Option<Instant>,
    /// The revision the recovery copy holds (None: no copy on disk).
    draft_revision: Option<u64>,
    /// SHA-256 of the file as opened or last saved, to notice another program's change.
    pub disk_sha256: Option<String>,
    /// The text the scenario was opened from or last saved as (the built-in reference's for a
    /// new document): saving edits it in place, so the author's comments and layout stay
    /// ([`scenario::layout`]).
    pub text: Option<String>,
    /// The KPIs every card's change is counted against, and what they are ("the file as
    /// opened", "pinned at 10:42"): by default the results of the file as opened or saved.
    pub baseline: Option<(crate::sim::kpis::Kpis, String)>,
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
        }
    }

    /// A new document on the built-in Dakhla reference, with its commented text.
    pub fn reference() -> Self {
        let mut doc = Self::new(Scenario::dakhla_reference(), None);
        doc.text = Some(scenario::DAKHLA_REFERENCE_RON.to_owned());
        doc
    }

    fn touched(&mut self) {
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
            None => "untitled (built-in Dakhla reference)".to_owned(),
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
}

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
    /// Load an optimization result's mix into the scenario (one undoable edit).
    ApplyOptimized(Pick),
}

/// An action waiting for the user's answer about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    /// Close the active tab.
    CloseTab,
    /// Quit; the tabs already answered for (saved or discarded) are listed.
    Quit(Vec<usize>),
}

/// A message shown in a dialog until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

struct Job {
    started: Instant,
    rx: Receiver<(Scenario, Result<Results, String>, f64)>,
}

/// A weather-years run in progress on the `dakhla-years` thread. Dropping it (the app closes)
/// asks the thread to stop after the year it is on.
struct YearsJob {
    total: usize,
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    rx: Receiver<YearsEnd>,
}

impl Drop for YearsJob {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// How a weather-years run ended.
enum YearsEnd {
    Done(Box<YearsRun>),
    Cancelled { done: usize, total: usize },
    Failed(String),
}

/// The results of a weather-years run with the inputs they were computed for.
#[derive(Clone, Debug)]
pub struct YearsRun {
    pub scenario: Scenario,
    pub base_dir: PathBuf,
    /// One per operating year, in order.
    pub years: Vec<YearResult>,
    /// `sim::years::distribution(&years)`.
    pub dist: BTreeMap<String, Spread>,
    /// Wall time of the run [s].
    pub seconds: f64,
}

/// Simulate `n` weather years of `scenario` (year k as operating year k, on an engine with
/// interannual variation), one at a time so that `cancel` stops the run between years;
/// `done` counts finished years.
fn run_weather_years(
    scenario: Scenario,
    base: PathBuf,
    n: u32,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> YearsEnd {
    let t0 = Instant::now();
    let mut engine = Engine::with_interannual_variation();
    let weathers = crate::sim::years::synthetic_years(&scenario, n);
    let mut years = Vec::with_capacity(weathers.len());
    for (k, w) in weathers.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return YearsEnd::Cancelled {
                done: k,
                total: weathers.len(),
            };
        }
        match crate::sim::years::run_year(&mut engine, &scenario, &base, w, k as u32) {
            Ok(y) => years.push(y),
            Err(e) => return YearsEnd::Failed(format!("operating year {}: {e}", k + 1)),
        }
        done.store(k + 1, Ordering::Relaxed);
    }
    let dist = crate::sim::years::distribution(&years);
    YearsEnd::Done(Box::new(YearsRun {
        scenario,
        base_dir: base,
        years,
        dist,
        seconds: t0.elapsed().as_secs_f64(),
    }))
}

/// The "Weather years (P50 / P90)" section: the last finished run and the one in progress.
#[derive(Default)]
pub struct WeatherYears {
    /// The last finished run (kept when a later run is cancelled or fails).
    pub run: Option<YearsRun>,
    job: Option<YearsJob>,
    /// Why the last run did not finish (cancelled, failed), until the next one starts.
    pub message: Option<String>,
}

impl WeatherYears {
    /// Start a run of `n` years (clamped to [`WEATHER_YEARS_RANGE`]) of `scenario` on the
    /// `dakhla-years` thread. False when a run is already going or the thread cannot start.
    pub fn start(&mut self, scenario: Scenario, base: PathBuf, n: u32) -> bool {
        if self.job.is_some() {
            return false;
        }
        let n = n.clamp(*WEATHER_YEARS_RANGE.start(), *WEATHER_YEARS_RANGE.end());
        let (tx, rx) = channel();
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (d, c) = (done.clone(), cancel.clone());
        let spawned = std::thread::Builder::new()
            .name("dakhla-years".into())
            .spawn(move || {
                let _ = tx.send(run_weather_years(scenario, base, n, &d, &c));
            });
        match spawned {
            Ok(_) => {
                self.message = None;
                self.job = Some(YearsJob {
                    total: n as usize,
                    done,
                    cancel,
                    rx,
                });
                true
            }
            Err(e) => {
                self.message = Some(format!("cannot start the weather-years thread: {e}"));
                false
            }
        }
    }

    /// Ask the running job to stop after the year it is on.
    pub fn cancel(&self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// (finished years, years asked for) while a run is going.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.job
            .as_ref()
            .map(|j| (j.done.load(Ordering::Relaxed).min(j.total), j.total))
    }

    /// Collect a finished run. True while one is going.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else {
            return false;
        };
        let end = match job.rx.try_recv() {
            Ok(end) => end,
            Err(std::sync::mpsc::TryRecvError::Empty) => return true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                YearsEnd::Failed("the weather-years run stopped unexpectedly".into())
            }
        };
        self.job = None;
        match end {
            YearsEnd::Done(run) => self.run = Some(*run),
            YearsEnd::Cancelled { done, total } => {
                self.message = Some(format!("Cancelled after {done} of {total} years."))
            }
            YearsEnd::Failed(e) => self.message = Some(format!("The run failed: {e}")),
        }
        false
    }

    /// Were the kept results computed for these inputs?
    pub fn is_current(&self, scenario: &Scenario, base: &Path) -> bool {
        self.run
            .as_ref()
            .is_some_and(|r| &r.scenario == scenario && r.base_dir == base)
    }

    /// The section: years, Run / Cancel, progress, then the chart and the table of the kept
    /// results (greyed when the inputs changed since).
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        palette: &Palette,
        n_years: &mut u32,
        scenario: &Scenario,
        base: &Path,
        valid: bool,
    ) {
        let current = self.is_current(scenario, base);
        ui.horizontal(|ui| {
            ui.strong("Weather years (P50 / P90)");
            ui.add(
                egui::DragValue::new(n_years)
                    .range(WEATHER_YEARS_RANGE)
                    .suffix(" years"),
            )
            .on_hover_text(
                "Operating years to simulate, each with its own synthetic weather year; \
                 PV and battery degrade from one year to the next.",
            );
            if let Some((done, total)) = self.progress() {
                let cancelling = self
                    .job
                    .as_ref()
                    .is_some_and(|j| j.cancel.load(Ordering::Relaxed));
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                        .desired_width(220.0)
                        .animate(true)
                        .text(format!("year {} of {total}", (done + 1).min(total))),
                );
                let label = if cancelling {
                    "Cancelling…"
                } else {
                    "Cancel"
                };
                if ui
                    .add_enabled(!cancelling, egui::Button::new(label))
                    .on_hover_text("Stop after the year being simulated")
                    .clicked()
                {
                    self.cancel();
                }
            } else {
                let label = if self.run.is_some() && !current {
                    "Run again"
                } else {
                    "Run"
                };
                let button = ui
                    .add_enabled(valid, egui::Button::new(label))
                    .on_disabled_hover_text("Fix the flagged values first.");
                if button.clicked() {
                    self.start(scenario.clone(), base.to_path_buf(), *n_years);
                }
            }
        });
        if let Some(m) = &self.message {
            ui.colored_label(palette.warn, m);
        }
        let Some(run) = &self.run else {
            ui.weak(
                "Run to see how the renewable fraction, the CFE score and the backup energy \
                 vary from one weather year to the next.",
            );
            return;
        };
        ui.scope(|ui| {
            if !current {
                ui.colored_label(
                    palette.warn,
                    "Computed for an earlier version of the inputs; Run again to update.",
                );
                ui.multiply_opacity(0.45);
            }
            ui.label(format!(
                "{} operating years in {:.1} s. P90: the value reached or bettered in 90 % of \
                 the years.",
                run.years.len(),
                run.seconds
            ));
            chart_widget::weather_years(ui, palette, &run.years, &run.dist, 300.0);
            years_table(ui, &run.dist);
        });
    }
}

/// P50 / P90 / worst of the KPIs that depend on the weather, with units.
fn years_table(ui: &mut egui::Ui, dist: &BTreeMap<String, Spread>) {
    let rows: [(&str, &str, &str, f64, usize); 4] = [
        ("renewable_fraction", "Renewable fraction", "%", 100.0, 1),
        ("cfe_score", "CFE score (24/7)", "%", 100.0, 1),
        ("loss_of_load_hours", "Loss of load", "h", 1.0, 0),
        ("backup_energy_mwh", "Backup energy", "GWh", 1e-3, 2),
    ];
    egui::Grid::new("weather-years-table")
        .num_columns(5)
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for h in ["", "unit", "P50", "P90", "worst"] {
                ui.strong(h);
            }
            ui.end_row();
            for (key, name, unit, scale, dec) in rows {
                ui.label(name);
                ui.label(unit);
                match dist.get(key) {
                    Some(s) => {
                        for v in [s.p50, s.p90, s.worst] {
                            ui.label(if v.is_finite() {
                                format!("{:.dec$}", v * scale)
                            } else {
                                "-".to_owned()
                            });
                        }
                    }
                    None => {
                        for _ in 0..3 {
                            ui.label("-");
                        }
                    }
                }
                ui.end_row();
            }
        });
}

/// A modal question: `title`, `body`, one button per answer. Returns the index of the answer
/// clicked; closing the dialog (Escape, a click outside) answers the last one (Cancel).
fn ask(ctx: &egui::Context, id: &str, title: &str, body: &str, answers: &[&str]) -> Option<usize> {
    let mut answer = None;
    let m = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(title);
        ui.label(body);
        ui.horizontal(|ui| {
            for (i, a) in answers.iter().enumerate() {
                if ui.button(*a).clicked() {
                    answer = Some(i);
                }
            }
        });
    });
    if m.should_close() && answer.is_none() {
        answer = answers.len().checked_sub(1);
    }
    answer
}

/// The eframe application.
pub struct PlannerApp {
    /// The active tab's scenario (the other tabs are parked in `tabs`).
    pub doc: Document,
    pub settings: Settings,
    /// Validation errors of the current scenario, by field path.
    pub issues: BTreeMap<String, String>,
    /// Advice that does not stop a run (`Scenario::warnings_at`), shown above the results.
    pub warnings: Vec<String>,
    /// The weather source and folder whose file fingerprint was last checked, and the result.
    fingerprint_checked: Option<(crate::scenario::WeatherSource, PathBuf, Vec<String>)>,
    /// Results of the last valid scenario.
    pub results: Option<Results>,
    /// The scenario `results` were computed from.
    pub results_of: Option<Scenario>,
    /// Why the last simulation failed (e.g. an unreadable weather file).
    pub sim_error: Option<String>,
    /// Wall time of the last simulation [ms].
    pub last_sim_ms: f64,
    /// Shown in a dialog until dismissed.
    pub notice: Option<Notice>,
    engine: Arc<Mutex<Engine>>,
    job: Option<Job>,
    /// A heavy run requested while another was running.
    queued: Option<Scenario>,
    commands: Vec<Command>,
    pending: Option<Pending>,
    allow_close: bool,
    last_title: String,
    /// First day shown in the energy-balance chart.
    pub window_start_day: usize,
    /// The last frame's own work (simulation, charts, layout) [ms], for the status bar.
    pub frame_ms: f64,
    /// The last undo or redo in words, and when, for the status bar.
    pub last_action: Option<(String, Instant)>,
    /// The built-in file browser, while it is open.
    pub browser: Option<crate::gui::file_browser::FileBrowser>,
    first_frame_done: bool,
    /// Weather-years (P50 / P90) runs.
    pub years: WeatherYears,
    /// Optimizations and Pareto fronts.
    pub optimize: OptimizePanel,
    /// Open tabs in order; the active one is `None` here (its state is in the fields above).
    tabs: Vec<Option<Tab>>,
    active: usize,
    /// The central area shows the Compare view of all tabs instead of the active tab's results.
    pub compare_open: bool,
    compare: crate::gui::compare_view::CompareView,
    /// A report export running on the `dakhla-export` thread.
    export_job: Option<Receiver<Result<crate::report::export::ExportSummary, String>>>,
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
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, "dakhla-planner-settings"))
            .unwrap_or_default();
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
        let mut app = Self {
            doc: Document::reference(),
            settings,
            issues: BTreeMap::new(),
            warnings: Vec::new(),
            fingerprint_checked: None,
            results: None,
            results_of: None,
            sim_error: None,
            last_sim_ms: 0.0,
            notice: None,
            engine: Arc::new(Mutex::new(Engine::new())),
            job: None,
            queued: None,
            commands: Vec::new(),
            pending: None,
            allow_close: false,
            last_title: String::new(),
            window_start_day: 0,
            frame_ms: 0.0,
            last_action: None,
            browser: None,
            first_frame_done: false,
            years: WeatherYears::default(),
            optimize: OptimizePanel::default(),
            tabs: vec![None],
            active: 0,
            compare_open: false,
            compare: Default::default(),
            export_job: None,
            recovery: None,
            drafts_offered: Vec::new(),
            overwrite_question: None,
        };
        app.resimulate(true);
        app
    }

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
                    title: "Crash recovery is off".into(),
                    body: format!(
                        "{}: {e}. Your work is not copied for recovery; save often.",
                        dir.display()
                    ),
                })
            }
        }
    }

    /// Bring the active document's recovery copy up to date: written once its changes are
    /// `AUTOSAVE_AFTER_S` old (at once when `now`), removed when there is nothing unsaved.
    /// Returns how long until a pending copy is due.
    pub fn autosave(&mut self, now: bool) -> Option<std::time::Duration> {
        let rec = self.recovery.as_ref()?;
        let doc = &mut self.doc;
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

    /// Forget the active document's recovery copy (it is being closed).
    fn drop_draft(&mut self) {
        if let (Some(rec), Some(_)) = (&self.recovery, self.doc.draft_revision.take()) {
            rec.remove(self.doc.id);
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
            if self.active_is_pristine() {
                self.doc = doc;
                self.results_of = None;
                self.resimulate(false);
            } else {
                self.push_tab(doc);
            }
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

    /// The one place an edit enters: history, dirty flag, validation, re-simulation.
    pub fn apply_edit(&mut self, edited: Scenario, continuing: bool) {
        self.doc.edit(edited, continuing);
        self.resimulate(false);
    }

    /// Queue a command (applied after the frame; tests may call [`Self::run_commands`]).
    pub fn command(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// Validate the current scenario and, when valid, simulate it. Runs inline when only cheap
    /// stages changed (or when `blocking`), otherwise on the worker thread.
    pub fn resimulate(&mut self, blocking: bool) {
        let base = self.doc.base_dir();
        self.issues = self
            .doc
            .scenario
            .validate(Some(&base))
            .into_iter()
            .map(|i| (i.path, i.message))
            .collect();
        self.refresh_warnings(&base);
        if !self.issues.is_empty() {
            return;
        }
        if self.results_of.as_ref() == Some(&self.doc.scenario) {
            return;
        }
        let scenario = self.doc.scenario.clone();
        let heavy = match self.engine.try_lock() {
            Ok(engine) => engine.needs_weather_or_sun(&scenario, &base),
            Err(_) => true,
        };
        if blocking || (!heavy && self.job.is_none()) {
            let t0 = Instant::now();
            let result = match self.engine.lock() {
                Ok(mut engine) => engine.run(&scenario, &base).map_err(|e| e.to_string()),
                Err(_) => Err("the simulation engine failed earlier; restart the program".into()),
            };
            self.finish(scenario, result, t0.elapsed().as_secs_f64() * 1e3);
        } else if self.job.is_some() {
            self.queued = Some(scenario);
        } else {
            self.spawn_job(scenario, base);
        }
    }

    /// Recompute the warnings; the weather file's SHA-256 is read again only when the weather
    /// source or the scenario's folder changed (not on every slider step).
    fn refresh_warnings(&mut self, base: &Path) {
        let s = &self.doc.scenario;
        let fingerprint = match &self.fingerprint_checked {
            Some((w, b, found)) if *w == s.weather && b == base => found.clone(),
            _ => {
                let found: Vec<String> = s
                    .warnings_at(Some(base))
                    .into_iter()
                    .filter(|w| w.path == "weather.sha256")
                    .map(|w| format!("{}: {}", w.path, w.message))
                    .collect();
                self.fingerprint_checked =
                    Some((s.weather.clone(), base.to_path_buf(), found.clone()));
                found
            }
        };
        self.warnings = s
            .warnings()
            .into_iter()
            .map(|w| format!("{}: {}", w.path, w.message))
            .chain(fingerprint)
            .collect();
    }

    fn spawn_job(&mut self, scenario: Scenario, base: PathBuf) {
        let (tx, rx): (Sender<_>, Receiver<_>) = channel();
        let engine = self.engine.clone();
        let spawned = std::thread::Builder::new()
            .name("dakhla-sim".into())
            .spawn(move || {
                let t0 = Instant::now();
                let result = match engine.lock() {
                    Ok(mut e) => e.run(&scenario, &base).map_err(|e| e.to_string()),
                    Err(_) => {
                        Err("the simulation engine failed earlier; restart the program".into())
                    }
                };
                let _ = tx.send((scenario, result, t0.elapsed().as_secs_f64() * 1e3));
            });
        match spawned {
            Ok(_) => {
                self.job = Some(Job {
                    started: Instant::now(),
                    rx,
                })
            }
            Err(e) => self.sim_error = Some(format!("cannot start the simulation thread: {e}")),
        }
    }

    fn finish(&mut self, scenario: Scenario, result: Result<Results, String>, ms: f64) {
        self.last_sim_ms = ms;
        match result {
            Ok(r) => {
                // The first results of the file as it is on disk are what edits compare with.
                if self.doc.baseline.is_none() && scenario == self.doc.saved {
                    let what = if self.doc.path.is_some() {
                        "the file as opened"
                    } else {
                        "the scenario as started"
                    };
                    self.doc.baseline = Some((r.kpis.clone(), what.to_owned()));
                }
                self.results = Some(r);
                self.results_of = Some(scenario);
                self.sim_error = None;
            }
            Err(e) => self.sim_error = Some(e),
        }
    }

    /// Collect a finished worker job; start the queued one. True while a job runs.
    pub fn poll_job(&mut self) -> bool {
        if let Some(job) = &self.job {
            match job.rx.try_recv() {
                Ok((s, r, ms)) => {
                    self.job = None;
                    // Only show results of what is still the current scenario.
                    if s == self.doc.scenario {
                        self.finish(s, r, ms);
                    }
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => return true,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.job = None;
                    self.sim_error = Some("the simulation stopped unexpectedly".into());
                }
            }
        }
        if self.job.is_none() {
            if let Some(s) = self.queued.take() {
                if s == self.doc.scenario {
                    let base = self.doc.base_dir();
                    self.spawn_job(s, base);
                }
            } else if self.results_of.as_ref() != Some(&self.doc.scenario) && self.issues.is_empty()
            {
                self.resimulate(false);
            }
        }
        self.job.is_some()
    }

    /// Start a weather-years run of `n` years on the current scenario. False when the
    /// scenario has invalid values or a run is already going.
    pub fn start_weather_years(&mut self, n: u32) -> bool {
        if !self.issues.is_empty() {
            return false;
        }
        let base = self.doc.base_dir();
        self.years.start(self.doc.scenario.clone(), base, n)
    }

    /// Start an optimization (`JobKind::Optimize`) or a Pareto front of the current scenario on
    /// the `dakhla-opt` thread. False when the scenario has invalid values or a run is going.
    pub fn start_optimization(&mut self, kind: JobKind) -> bool {
        if !self.issues.is_empty() {
            return false;
        }
        let base = self.doc.base_dir();
        self.optimize.start(kind, self.doc.scenario.clone(), base)
    }

    /// Load the mix of an optimization result into the scenario as one undoable edit. False
    /// when there is no such result.
    pub fn apply_optimized(&mut self, pick: Pick) -> bool {
        let base = self.doc.base_dir();
        match self.optimize.scenario_for(pick, &self.doc.scenario, &base) {
            Some(s) => {
                self.doc.close_edit();
                self.apply_edit(s, false);
                true
            }
            None => false,
        }
    }

    /// Wait for any background simulation (tests and headless use).
    pub fn wait_for_simulation(&mut self) {
        while self.poll_job() {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }

    // ---------------------------------------------------------------- files

    fn remember(&mut self, path: &Path) {
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
                        title: format!("Opened a schema {} file", m.from_version),
                        body: format!(
                            "{}: {}.\n\n{}\n\nSave to write the file in the current schema \
                             (or run `dakhla-planner migrate`, which keeps its comments).",
                            path.display(),
                            m.summary(),
                            notes.join("\n")
                        ),
                    });
                }
                let mut doc = Document::new(u.scenario, Some(path.to_path_buf()));
                doc.disk_sha256 = crate::weather::file_sha256(path).ok();
                doc.text = Some(u.text);
                self.remember(path);
                self.compare_open = false;
                if self.active_is_pristine() {
                    self.doc = doc;
                    self.results_of = None;
                    self.window_start_day = 0;
                    self.resimulate(false);
                } else {
                    self.push_tab(doc);
                }
            }
            Err(e) => {
                self.notice = Some(Notice {
                    title: "Could not open the scenario".into(),
                    body: format!("{e}\n\nThe scenario you were working on is unchanged."),
                })
            }
        }
    }

    /// The folder an export goes to by default: `<file name>-report` beside the scenario file
    /// (or in the current folder for an unsaved scenario).
    pub fn default_export_dir(&self) -> PathBuf {
        let stem = self
            .doc
            .path
            .as_deref()
            .and_then(Path::file_stem)
            .map_or_else(
                || "dakhla-scenario".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
        self.doc.base_dir().join(format!("{stem}-report"))
    }

    /// Export the active scenario's report into `dir` on the `dakhla-export` thread. Refused
    /// while values are invalid (the report would not match the inputs on screen). False when
    /// it did not start.
    pub fn start_export(&mut self, dir: PathBuf) -> bool {
        if self.export_job.is_some() {
            return false;
        }
        if !self.issues.is_empty() {
            self.notice = Some(Notice {
                title: "Fix these values before exporting".into(),
                body: self
                    .issues
                    .iter()
                    .map(|(p, m)| format!("{p}: {m}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            });
            return false;
        }
        self.wait_for_simulation();
        let (Some(results), Some(scenario)) = (self.results.clone(), self.results_of.clone())
        else {
            return false;
        };
        let file = self.doc.path.clone();
        let base = self.doc.base_dir();
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("dakhla-export".into())
            .spawn(move || {
                let done = crate::report::export::export_all(
                    &scenario,
                    file.as_deref(),
                    &base,
                    &results,
                    &dir,
                )
                .map_err(|e| e.to_string());
                let _ = tx.send(done);
            });
        match spawned {
            Ok(_) => {
                self.export_job = Some(rx);
                true
            }
            Err(e) => {
                self.notice = Some(Notice {
                    title: "Could not export".into(),
                    body: format!("cannot start the export thread: {e}"),
                });
                false
            }
        }
    }

    /// Collect a finished export and say where it went. True while one is running.
    pub fn poll_export(&mut self) -> bool {
        let Some(rx) = &self.export_job else {
            return false;
        };
        let done = match rx.try_recv() {
            Ok(done) => done,
            Err(std::sync::mpsc::TryRecvError::Empty) => return true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Err("the export stopped unexpectedly".to_owned())
            }
        };
        self.export_job = None;
        self.notice = Some(match done {
            Ok(summary) => Notice {
                title: "Report exported".into(),
                body: format!(
                    "{} files in {}:\n\n{}\n\nOpen {} in a browser for the one-page report.",
                    summary.files.len(),
                    summary.out_dir.display(),
                    summary
                        .files
                        .iter()
                        .map(|f| f.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    summary.report_path().display()
                ),
            },
            Err(e) => Notice {
                title: "Could not export".into(),
                body: format!("{e}\n\nYour scenario is unchanged."),
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
        self.doc.path.as_deref() == Some(path)
            && self.doc.disk_sha256.as_deref().is_some_and(|recorded| {
                crate::weather::file_sha256(path).is_ok_and(|now| now != recorded)
            })
    }

    /// Save to `path`; unless `overwrite`, ask first when the file changed on disk since it was
    /// opened.
    fn save_checked(&mut self, path: &Path, overwrite: bool) -> bool {
        if !overwrite && self.changed_on_disk(path) {
            self.overwrite_question = Some(path.to_path_buf());
            return false;
        }
        if !self.issues.is_empty() {
            self.notice = Some(Notice {
                title: "Fix these values before saving".into(),
                body: self
                    .issues
                    .iter()
                    .map(|(p, m)| format!("{p}: {m}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            });
            return false;
        }
        // Never over the weather file the scenario reads.
        if let Some(w) = self.doc.scenario.weather.file_path() {
            let mut inputs = crate::files::RunFiles::new();
            inputs.input("the weather file", &self.doc.base_dir().join(w));
            if let Err(e) = inputs.output("Save as", path) {
                self.notice = Some(Notice {
                    title: "Could not save".into(),
                    body: format!("{e}\n\nYour changes are still open here."),
                });
                return false;
            }
        }
        // Saved into another folder, a relative weather path is rewritten to name the same
        // file from there (in every undo step too, so that undo keeps meaning the same file).
        let from = self.doc.base_dir();
        let to = scenario::base_dir(path);
        let mut rebased = self.doc.scenario.clone();
        scenario::rebase_weather_path(&mut rebased, &from, &to);
        // Only the values that changed are edited in the file's text: comments and layout stay.
        let (text, kept) = match scenario::layout::text_keeping_layout(
            self.doc.text.as_deref(),
            &rebased,
        ) {
            Ok(t) => t,
            Err(e) => {
                self.notice = Some(Notice {
                    title: "Could not save".into(),
                    body: format!(
                        "cannot write the scenario as text: {e}\n\nYour changes are still open here."
                    ),
                });
                return false;
            }
        };
        match crate::files::write_file(path, |f| std::io::Write::write_all(f, text.as_bytes())) {
            Ok(()) => {
                if !kept {
                    self.notice = Some(Notice {
                        title: "Saved without the file's comments".into(),
                        body: format!(
                            "{}: the file's layout could not be kept, so it was written in the \
                             program's layout and its comments are gone. The values are all \
                             there.",
                            path.display()
                        ),
                    });
                }
                self.doc.text = Some(text);
                if rebased != self.doc.scenario {
                    self.doc.scenario = rebased;
                    for s in self.doc.undo.iter_mut().chain(self.doc.redo.iter_mut()) {
                        scenario::rebase_weather_path(s, &from, &to);
                    }
                }
                let moved = self.doc.path.as_deref() != Some(path);
                self.doc.path = Some(path.to_path_buf());
                self.doc.saved = self.doc.scenario.clone();
                self.doc.disk_sha256 = crate::weather::file_sha256(path).ok();
                self.autosave(false);
                self.remember(path);
                if moved {
                    // Relative weather paths now resolve from the new folder.
                    self.results_of = None;
                    self.resimulate(false);
                }
                true
            }
            Err(e) => {
                self.notice = Some(Notice {
                    title: "Could not save".into(),
                    body: format!(
                        "{}: {e}\n\nYour changes are still open here.",
                        path.display()
                    ),
                });
                false
            }
        }
    }

    fn new_now(&mut self) {
        self.compare_open = false;
        self.push_tab(Document::reference());
    }

    /// Close tab `i`, asking first when it has unsaved changes.
    fn close_tab(&mut self, i: usize, ctx: Option<&egui::Context>) {
        self.switch_tab(i);
        if self.doc.is_dirty() {
            self.pending = Some(Pending::CloseTab);
        } else {
            self.do_pending(Pending::CloseTab, ctx);
        }
    }

    /// Quit, asking about each tab with unsaved changes in turn (those in `answered` were
    /// saved or discarded already).
    fn quit(&mut self, answered: Vec<usize>, ctx: Option<&egui::Context>) {
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
    fn do_pending(&mut self, action: Pending, ctx: Option<&egui::Context>) {
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
                            .add_filter("dakhla-planner scenario", &["ron"])
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
                Command::SaveOverwriting(p) => {
                    self.save_checked(&p, true);
                }
                Command::ExportDialog => {
                    let dir = self.dialog_dir();
                    if let Some(dir) =
                        self.native_or_builtin(Purpose::ExportFolder, &dir, "", || {
                            rfd::FileDialog::new()
                                .set_title("Export the report into")
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
                Command::Save => match self.doc.path.clone() {
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
                    let what = self.doc.undo_label();
                    if self.doc.undo() {
                        self.last_action = what.map(|w| (format!("Undone: {w}"), Instant::now()));
                        self.resimulate(false);
                    }
                }
                Command::Redo => {
                    let what = self.doc.redo_label();
                    if self.doc.redo() {
                        self.last_action = what.map(|w| (format!("Redone: {w}"), Instant::now()));
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
                Command::ApplyOptimized(pick) => {
                    self.apply_optimized(pick);
                }
            }
        }
    }

    /// The folder file dialogs start in: the document's, else the working folder.
    fn dialog_dir(&self) -> PathBuf {
        self.doc
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
    fn native_or_builtin(
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
            self.last_action = Some((
                "No desktop file dialog answered (no portal?): the built-in browser opened".into(),
                Instant::now(),
            ));
        }
        self.browser = Some(FileBrowser::new(purpose, dir, name));
        None
    }

    fn save_as_dialog(&mut self) {
        let name = self
            .doc
            .display_name()
            .replace(" (built-in Dakhla reference)", "");
        let dir = self.dialog_dir();
        let picked = self.native_or_builtin(Purpose::SaveAs, &dir, &name, || {
            rfd::FileDialog::new()
                .add_filter("dakhla-planner scenario", &["ron"])
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

    /// Title: scenario name, file name and an unsaved marker.
    pub fn title(&self) -> String {
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        let name = if self.doc.scenario.meta.name.is_empty() {
            String::new()
        } else {
            format!(" — {}", self.doc.scenario.meta.name)
        };
        format!("{dirty}{}{name} — dakhla-planner", self.doc.display_name())
    }

    // ---------------------------------------------------------------- frame

    fn shortcuts(&mut self, ctx: &egui::Context) {
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

    fn dropped_files(&mut self, ctx: &egui::Context) {
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
                    title: "Not a scenario file".into(),
                    body: format!(
                        "{} is not a .ron scenario file; drop a file saved by dakhla-planner.",
                        p.display()
                    ),
                });
            }
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("New tab").shortcut_text("Ctrl+N"))
                    .on_hover_text("A new tab on the built-in Dakhla reference scenario")
                    .clicked()
                {
                    self.commands.push(Command::New);
                }
                if ui
                    .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    self.commands.push(Command::OpenDialog);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("(none yet)");
                    }
                    for p in self.settings.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.commands.push(Command::Open(p));
                        }
                    }
                });
                ui.separator();
                if ui
                    .add(egui::Button::new("Save").shortcut_text("Ctrl+S"))
                    .clicked()
                {
                    self.commands.push(Command::Save);
                }
                if ui
                    .add(egui::Button::new("Save As…").shortcut_text("Ctrl+Shift+S"))
                    .clicked()
                {
                    self.commands.push(Command::SaveAsDialog);
                }
                if ui
                    .add(egui::Button::new("Close tab").shortcut_text("Ctrl+W"))
                    .clicked()
                {
                    self.commands.push(Command::CloseTab(self.active));
                }
                ui.separator();
                let exporting = self.export_job.is_some();
                if ui
                    .add_enabled(!exporting, egui::Button::new("Export report…"))
                    .on_hover_text(
                        "Every chart as PNG and SVG, the hourly CSV, the KPI JSON and a one-page \
                         HTML report, into a folder you pick",
                    )
                    .clicked()
                {
                    self.commands.push(Command::ExportDialog);
                }
                let beside = self.default_export_dir();
                if ui
                    .add_enabled(
                        !exporting,
                        egui::Button::new(format!(
                            "Export report to {}",
                            beside
                                .file_name()
                                .map_or_else(String::new, |f| f.to_string_lossy().into_owned())
                        )),
                    )
                    .on_hover_text(format!("Into {}", beside.display()))
                    .clicked()
                {
                    self.commands.push(Command::ExportTo(beside));
                }
                ui.separator();
                ui.checkbox(
                    &mut self.settings.builtin_file_browser,
                    "Use the built-in file browser",
                )
                .on_hover_text(
                    "Open, Save As and Export with the program's own browser instead of the \
                     desktop's dialog (it also opens by itself when no desktop dialog answers)",
                );
                ui.separator();
                if ui.button("Quit").clicked() {
                    self.commands.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = match self.doc.undo_label() {
                    Some(what) => format!("Undo: {what}"),
                    None => "Undo".to_owned(),
                };
                let redo = match self.doc.redo_label() {
                    Some(what) => format!("Redo: {what}"),
                    None => "Redo".to_owned(),
                };
                if ui
                    .add_enabled(
                        self.doc.can_undo(),
                        egui::Button::new(undo).shortcut_text("Ctrl+Z"),
                    )
                    .clicked()
                {
                    self.commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(
                        self.doc.can_redo(),
                        egui::Button::new(redo).shortcut_text("Ctrl+Y"),
                    )
                    .clicked()
                {
                    self.commands.push(Command::Redo);
                }
            });
            ui.menu_button("View", |ui| {
                if ui
                    .checkbox(&mut self.compare_open.clone(), "Compare open scenarios")
                    .on_hover_text("KPIs, input differences and overlaid charts of every tab")
                    .clicked()
                {
                    self.commands.push(Command::ToggleCompare);
                }
                ui.separator();
                let mut theme = self.settings.theme;
                ui.radio_value(&mut theme, ThemeChoice::Light, "Light");
                ui.radio_value(&mut theme, ThemeChoice::Dark, "Dark");
                if theme != self.settings.theme {
                    self.commands.push(Command::SetTheme(theme));
                }
            });
        });
    }

    fn side_panel(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        ui.horizontal_wrapped(|ui| {
            for kind in PanelKind::ALL {
                let errors = self
                    .issues
                    .keys()
                    .filter(|p| kind.path_prefixes().iter().any(|pre| p.starts_with(pre)))
                    .count();
                let text = if errors > 0 {
                    egui::RichText::new(format!("{} (!{errors})", kind.title())).color(palette.bad)
                } else {
                    egui::RichText::new(kind.title())
                };
                if ui
                    .selectable_label(self.settings.panel == kind, text)
                    .clicked()
                {
                    self.settings.panel = kind;
                }
            }
        });
        ui.separator();
        let base = self.doc.base_dir();
        let mut draft = self.doc.scenario.clone();
        let mut action = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            let ctx = PanelContext {
                previous: self.doc.previous(),
                issues: &self.issues,
                results: self.results.as_ref(),
                palette,
                base_dir: &base,
            };
            if self.settings.panel == PanelKind::Optimize {
                action = self.optimize.ui(ui, &mut draft, &ctx);
            } else {
                panels::show(self.settings.panel, ui, &mut draft, &ctx);
            }
        });
        match action {
            Some(optimize::Action::Apply(pick)) => {
                self.commands.push(Command::ApplyOptimized(pick))
            }
            Some(optimize::Action::ShowPanel(kind)) => self.settings.panel = kind,
            None => {}
        }
        let pointer_down = ui.input(|i| i.pointer.any_down());
        if draft != self.doc.scenario {
            self.apply_edit(draft, pointer_down);
        } else if !pointer_down {
            self.doc.close_edit();
        }
    }

    fn central(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        if self.compare_open {
            let mut view = std::mem::take(&mut self.compare);
            view.ui(ui, palette, &self.tab_views());
            self.compare = view;
            return;
        }
        if let Some(job) = &self.job {
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new((job.started.elapsed().as_secs_f32() / 0.05).min(0.95))
                        .animate(true)
                        .desired_width(240.0)
                        .text("Computing weather, sun and generation…"),
                );
            });
        }
        if !self.issues.is_empty() {
            ui.colored_label(
                palette.bad,
                format!(
                    "{} value(s) need fixing (see the flagged fields); the results below are from the last valid inputs.",
                    self.issues.len()
                ),
            );
        }
        if let Some(e) = &self.sim_error {
            ui.colored_label(palette.bad, format!("Simulation failed: {e}"));
        }
        for w in self
            .warnings
            .iter()
            .chain(self.results.iter().flat_map(|r| r.notes.iter()))
        {
            ui.colored_label(palette.warn, format!("Note: {w}"));
        }
        let Some(r) = &self.results else {
            ui.label("No results yet.");
            return;
        };
        kpis_view::supply_line(ui, &self.doc.scenario);
        let baseline = self.doc.baseline.as_ref();
        // A weather-years run of these very inputs judges the target cards at P90.
        let years: Vec<&crate::sim::kpis::Kpis> = self
            .years
            .run
            .as_ref()
            .filter(|y| y.scenario == self.doc.scenario)
            .map(|y| y.years.iter().map(|y| &y.kpis).collect())
            .unwrap_or_default();
        if kpis_view::cards(
            ui,
            palette,
            r,
            baseline.map(|(k, what)| (k, what.as_str())),
            &years,
        ) {
            let now = crate::weather::format_utc(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64),
            );
            self.doc.baseline = Some((r.kpis.clone(), format!("the results pinned at {now}")));
        }
        kpis_view::tables(ui, r);
        ui.separator();
        let n = r.weather.len();
        let steps_per_day = (86_400 / r.weather.step_s.max(1)) as usize;
        let days = n.div_ceil(steps_per_day.max(1));
        let base = self.doc.base_dir();
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Energy balance");
                for (kind, label) in [
                    (WindowKind::Day, "Day"),
                    (WindowKind::Week, "Week"),
                    (WindowKind::Month, "Month"),
                    (WindowKind::Year, "Year"),
                ] {
                    ui.selectable_value(&mut self.settings.window, kind, label);
                }
                let span = self.settings.window.days().min(days);
                let max_start = days.saturating_sub(span);
                self.window_start_day = self.window_start_day.min(max_start);
                if max_start > 0 {
                    ui.add(
                        egui::Slider::new(&mut self.window_start_day, 0..=max_start)
                            .text("start day")
                            .custom_formatter(|d, _| {
                                let t = r.weather.start_unix_s + d as i64 * 86_400;
                                crate::weather::format_utc(t)[..10].to_owned()
                            }),
                    );
                }
            });
            let span = self.settings.window.days().min(days);
            let start = (self.window_start_day * steps_per_day).min(n);
            let end = (start + span * steps_per_day).min(n);
            let tall = (ui.available_height() * 0.42).clamp(220.0, 360.0);
            chart_widget::energy_balance(ui, palette, r, start..end, tall);
            chart_widget::battery_soc(
                ui,
                palette,
                r,
                start..end,
                Some(&self.doc.scenario.battery),
                160.0,
            );
            ui.columns(2, |cols| {
                chart_widget::monthly_energy(&mut cols[0], palette, r, 260.0);
                chart_widget::net_load_duration(&mut cols[1], palette, r, 260.0);
            });
            ui.horizontal(|ui| {
                ui.strong("Heat map");
                ui.selectable_value(&mut self.settings.heat, HeatChoice::Backup, "Backup use");
                ui.selectable_value(&mut self.settings.heat, HeatChoice::Unmet, "Unmet load");
                ui.selectable_value(
                    &mut self.settings.heat,
                    HeatChoice::Curtailed,
                    "Curtailment",
                );
            });
            let q = match self.settings.heat {
                HeatChoice::Unmet => HeatQuantity::Unmet,
                HeatChoice::Backup => HeatQuantity::Backup,
                HeatChoice::Curtailed => HeatQuantity::Curtailed,
            };
            chart_widget::heatmap(ui, palette, r, q, 260.0);
            ui.separator();
            self.years.ui(
                ui,
                palette,
                &mut self.settings.weather_years,
                &self.doc.scenario,
                &base,
                self.issues.is_empty(),
            );
        });
    }

    fn dialogs(&mut self, ctx: &egui::Context) {
        if let Some(b) = &mut self.browser {
            match b.ui(ctx) {
                BrowserOutcome::Open => {}
                BrowserOutcome::Cancelled => self.browser = None,
                BrowserOutcome::Chosen(p) => {
                    let purpose = b.purpose;
                    self.browser = None;
                    self.commands.push(match purpose {
                        Purpose::Open => Command::Open(p),
                        Purpose::SaveAs => Command::SaveAs(p),
                        Purpose::ExportFolder => Command::ExportTo(p),
                    });
                }
            }
        }
        if !self.drafts_offered.is_empty() {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("dakhla-recover")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading("Recover unsaved work?");
                ui.label(
                    "dakhla-planner did not close normally last time. It kept a copy of the \
                     scenarios that had unsaved changes:",
                );
                for d in &self.drafts_offered {
                    ui.label(format!("- {}", d.describe()));
                }
                ui.label(
                    "Recover opens each as a tab with unsaved changes; nothing is written to \
                     your files until you save.",
                );
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        answer = Some(true);
                    }
                    if ui.button("Discard the copies").clicked() {
                        answer = Some(false);
                    }
                });
            });
            match answer {
                Some(true) => self.recover_drafts(),
                Some(false) => self.discard_drafts(),
                None => {}
            }
        }
        if let Some(path) = self.overwrite_question.clone() {
            let answer = ask(
                ctx,
                "dakhla-overwrite",
                "The file changed on disk",
                &format!(
                    "{} was changed by another program (or a colleague) since you opened it. \
                     Saving now would replace those changes with yours.",
                    path.display()
                ),
                &["Overwrite it", "Save As…", "Cancel"],
            );
            if let Some(a) = answer {
                self.overwrite_question = None;
                match a {
                    0 => self.commands.push(Command::SaveOverwriting(path)),
                    1 => self.commands.push(Command::SaveAsDialog),
                    _ => {}
                }
            }
        }
        if let Some(n) = self.notice.clone() {
            let close = egui::Modal::new(egui::Id::unique("dakhla-notice")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading(&n.title);
                ui.label(&n.body);
                ui.add_space(8.0);
                ui.button("OK").clicked()
            });
            if close.inner || close.should_close() {
                self.notice = None;
            }
        }
        if let Some(p) = self.pending.clone() {
            let answer = ask(
                ctx,
                "dakhla-unsaved",
                "Unsaved changes",
                &format!(
                    "{} has changes that are not saved. Save them first?",
                    self.doc.display_name()
                ),
                &["Save", "Discard changes", "Cancel"],
            );
            match answer {
                Some(0) => {
                    self.pending = None;
                    let saved = match self.doc.path.clone() {
                        Some(path) => self.save_now(&path),
                        None => {
                            self.save_as_dialog();
                            !self.doc.is_dirty()
                        }
                    };
                    if saved {
                        self.do_pending(p, Some(ctx));
                    }
                }
                Some(1) => {
                    self.pending = None;
                    self.do_pending(p, Some(ctx));
                }
                Some(_) => self.pending = None,
                None => {}
            }
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        ui.horizontal(|ui| {
            let path = self
                .doc
                .path
                .as_ref()
                .map_or("not saved yet".to_owned(), |p| p.display().to_string());
            ui.label(path);
            if self.doc.is_dirty() {
                ui.colored_label(palette.warn, "unsaved changes");
            }
            ui.separator();
            if self.issues.is_empty() {
                ui.colored_label(palette.good, "inputs valid");
            } else {
                ui.colored_label(palette.bad, format!("{} invalid value(s)", self.issues.len()));
            }
            if let Some(r) = &self.results
                && r.capacity.headroom_mw < -1e-9
            {
                ui.separator();
                ui.colored_label(palette.bad, "1 capacity problem")
                    .on_hover_text(format!(
                        "The racks need {:.1} MW at the design-day PUE, more than the {} MW cap: \
                         the Load panel says what would make them fit.",
                        r.capacity.facility_design_mw, r.capacity.cap_mw
                    ));
            }
            if let Some((what, at)) = &self.last_action
                && at.elapsed().as_secs_f64() < 8.0
            {
                ui.separator();
                ui.label(what);
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(500));
            }
            if let Some(p) = self.optimize.progress() {
                ui.separator();
                let what = match p.kind {
                    JobKind::Optimize => "optimizing",
                    JobKind::Pareto => "Pareto front",
                };
                ui.label(format!("{what}: {:.0} %", 100.0 * p.fraction));
            }
            ui.separator();
            ui.label(format!(
                "simulation {:.1} ms · frame {:.1} ms",
                self.last_sim_ms, self.frame_ms
            ))
            .on_hover_text("Time of the last re-simulation and of this program's own work per frame (not counting drawing on screen).");
        });
    }

    /// One frame of the whole window (public so that tests and benchmarks can drive it).
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let t0 = Instant::now();
        let ctx = ui.ctx().clone();
        let running = self.poll_job();
        if running {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        if self.years.poll() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if self.optimize.poll() | self.poll_parked() | self.poll_export() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.shortcuts(&ctx);
        self.dropped_files(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.any_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.pending.is_none() {
                self.commands.push(Command::Quit);
            }
        }
        let palette = Palette::of(self.settings.theme);
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar(ui);
            self.tab_bar(ui);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui, &palette));
        egui::Panel::left("editor")
            .resizable(true)
            .default_size(440.0)
            .show(ui, |ui| self.side_panel(ui, &palette));
        egui::CentralPanel::default().show(ui, |ui| self.central(ui, &palette));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Cooling;

    fn app() -> PlannerApp {
        let mut a = PlannerApp::with_settings(Settings::default());
        a.wait_for_simulation();
        a
    }

    fn kpis(a: &PlannerApp) -> crate::sim::kpis::Kpis {
        a.results.as_ref().expect("results").kpis.clone()
    }

    #[test]
    fn raising_battery_energy_cuts_backup_and_undo_restores_the_numbers() {
        let mut a = app();
        let before = kpis(&a);
        let mut s = a.doc.scenario.clone();
        s.battery.energy_mwh *= 2.0;
        a.apply_edit(s, false);
        a.wait_for_simulation();
        let after = kpis(&a);
        assert!(after.backup_energy_mwh < before.backup_energy_mwh);
        assert!(after.renewable_fraction > before.renewable_fraction);
        assert!(after.capex_usd > before.capex_usd);
        assert!(a.doc.is_dirty());
        a.command(Command::Undo);
        a.run_commands(None);
        a.wait_for_simulation();
        assert_eq!(kpis(&a), before);
        a.command(Command::Redo);
        a.run_commands(None);
        a.wait_for_simulation();
        assert_eq!(kpis(&a), after);
    }

    #[test]
    fn a_drag_is_one_undo_step() {
        let mut a = app();
        let original = a.doc.scenario.clone();
        for mwh in [1700.0, 1800.0, 1900.0, 2000.0] {
            let mut s = a.doc.scenario.clone();
            s.battery.energy_mwh = mwh;
            a.apply_edit(s, true);
        }
        a.doc.close_edit();
        assert!(a.doc.undo());
        assert_eq!(a.doc.scenario, original);
        assert!(!a.doc.can_undo());
    }

    #[test]
    fn switching_to_a_fixed_pue_gives_that_pue_every_hour() {
        let mut a = app();
        let mut s = a.doc.scenario.clone();
        s.datacenter.cooling = Cooling::Fixed { pue: 1.3 };
        a.apply_edit(s, false);
        a.wait_for_simulation();
        let k = kpis(&a);
        assert!((k.pue_mean - 1.3).abs() < 1e-12 && (k.pue_peak - 1.3).abs() < 1e-12);
    }

    #[test]
    fn adding_a_rack_group_raises_it_load_and_invalid_values_keep_the_last_results() {
        let mut a = app();
        let before = kpis(&a);
        let mut s = a.doc.scenario.clone();
        let mut g = s.datacenter.rack_groups[2].clone();
        g.name = "More air-cooled racks".into();
        s.datacenter.rack_groups.push(g);
        a.apply_edit(s, false);
        a.wait_for_simulation();
        let grown = kpis(&a);
        assert!(grown.it_energy_mwh > before.it_energy_mwh);
        assert_eq!(grown.racks_total, before.racks_total + 6000);
        // An invalid value is flagged by path and does not replace the results.
        let mut s = a.doc.scenario.clone();
        s.battery.round_trip_eff = 1.5;
        a.apply_edit(s, false);
        assert!(a.issues.contains_key("battery.round_trip_eff"));
        assert_eq!(kpis(&a), grown);
        // Saving is refused with the reason, so a saved file always opens.
        let dir = tempfile::tempdir().unwrap();
        assert!(!a.save_now(&dir.path().join("x.ron")));
        assert!(
            a.notice
                .as_ref()
                .unwrap()
                .body
                .contains("battery.round_trip_eff")
        );
    }

    #[test]
    fn an_invalid_file_shows_the_error_and_keeps_the_scenario() {
        let mut a = app();
        let mut s = a.doc.scenario.clone();
        s.battery.energy_mwh = 1234.0;
        a.apply_edit(s, false);
        let edited = a.doc.scenario.clone();
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, "(schema_version: 1, site: (name: \"x\"").unwrap();
        a.open_now(&bad);
        let n = a.notice.clone().expect("an error is shown");
        assert!(n.body.contains("bad.ron:1:"), "{}", n.body);
        assert_eq!(a.doc.scenario, edited);
    }

    #[test]
    fn save_then_reopen_gives_identical_numbers_and_a_clean_title() {
        let mut a = app();
        let mut s = a.doc.scenario.clone();
        s.wind_farms[0].turbine_count = 80;
        a.apply_edit(s, false);
        a.wait_for_simulation();
        let k = kpis(&a);
        assert!(a.title().starts_with('●'));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.ron");
        a.command(Command::SaveAs(path.clone()));
        a.run_commands(None);
        a.wait_for_simulation();
        assert!(!a.doc.is_dirty());
        assert!(a.title().starts_with("case.ron"), "{}", a.title());
        assert_eq!(a.settings.recent.first(), Some(&path));
        let mut b = app();
        b.open_now(&path);
        b.wait_for_simulation();
        assert_eq!(kpis(&b), k);
    }

    #[test]
    fn saving_keeps_the_comments_and_layout_of_the_file() {
        let comments = |t: &str| -> Vec<String> {
            t.lines()
                .map(str::trim)
                .filter(|l| l.starts_with("//"))
                .map(str::to_owned)
                .collect()
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("team.ron");
        // A colleague's file: the reference's comments, a comment of its own and `1_300`.
        let original = scenario::DAKHLA_REFERENCE_RON
            .replace("count: 1300,", "count: 1_300, // agreed with ops, 2026-11")
            .replace(
                "    battery: (",
                "    // Storage: four hours, see the note of 3 Dec.\n    battery: (",
            );
        std::fs::write(&path, &original).unwrap();
        let mut a = app();
        a.open_now(&path);
        let mut s = a.doc.scenario.clone();
        s.battery.energy_mwh = 800.0;
        a.apply_edit(s, false);
        assert!(a.save_now(&path));
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(comments(&saved), comments(&original));
        assert!(saved.contains("count: 1_300, // agreed with ops, 2026-11"));
        // One line differs: the one edited.
        let diff: Vec<_> = original
            .lines()
            .zip(saved.lines())
            .filter(|(x, y)| x != y)
            .collect();
        assert_eq!(diff.len(), 1, "{diff:?}");
        assert!(
            diff[0].1.trim_start().starts_with("energy_mwh: 800.0"),
            "{diff:?}"
        );
        assert_eq!(original.lines().count(), saved.lines().count());
        // A new document saved as a file keeps the reference's comments.
        let mut b = app();
        let fresh = dir.path().join("fresh.ron");
        assert!(b.save_now(&fresh));
        assert_eq!(
            std::fs::read_to_string(&fresh).unwrap(),
            scenario::DAKHLA_REFERENCE_RON
        );
    }

    /// Poll the weather-years run until it ends (panics after `timeout_s`).
    fn wait_for_years(a: &mut PlannerApp, timeout_s: u64) {
        let t0 = Instant::now();
        while a.years.poll() {
            assert!(
                t0.elapsed().as_secs() < timeout_s,
                "weather-years run still going after {timeout_s} s: {:?}",
                a.years.progress()
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn a_three_year_weather_run_completes_with_three_years() {
        let mut a = app();
        assert_eq!(Settings::default().weather_years, 20);
        assert!(a.start_weather_years(3));
        // One run at a time.
        assert!(!a.start_weather_years(3));
        assert_eq!(a.years.progress().map(|p| p.1), Some(3));
        wait_for_years(&mut a, 300);
        assert_eq!(a.years.message, None);
        let run = a.years.run.as_ref().expect("results");
        assert_eq!(run.years.len(), 3);
        let ops: Vec<u32> = run.years.iter().map(|y| y.operating_year).collect();
        assert_eq!(ops, [0, 1, 2]);
        let rf = &run.dist["renewable_fraction"];
        assert!(rf.worst <= rf.p90 && rf.p90 <= rf.p50 && rf.p50 <= rf.best);
        let base = a.doc.base_dir();
        assert!(a.years.is_current(&a.doc.scenario, &base));
        // An edit afterwards makes them results of an earlier version of the inputs.
        let mut s = a.doc.scenario.clone();
        s.battery.energy_mwh *= 1.5;
        a.apply_edit(s, false);
        assert!(!a.years.is_current(&a.doc.scenario, &base));
        assert_eq!(a.years.run.as_ref().map(|r| r.years.len()), Some(3));
        // Invalid inputs cannot be run.
        let mut s = a.doc.scenario.clone();
        s.battery.round_trip_eff = 1.5;
        a.apply_edit(s, false);
        assert!(!a.start_weather_years(3));
    }

    #[test]
    fn the_weather_years_section_runs_from_its_button_and_greys_stale_results() {
        use egui_kittest::Harness;
        use egui_kittest::kittest::Queryable;
        let settings = Settings {
            weather_years: 3,
            ..Settings::default()
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(1500.0, 2400.0))
            .build_ui_state(
                |ui, app: &mut PlannerApp| app.frame(ui),
                PlannerApp::with_settings(settings),
            );
        h.state_mut().wait_for_simulation();
        h.run_steps(3);
        assert!(h.query_by_label("Weather years (P50 / P90)").is_some());
        h.get_by_label("Run").click();
        h.run_steps(2);
        assert!(h.state().years.progress().is_some() || h.state().years.run.is_some());
        wait_for_years(h.state_mut(), 300);
        h.run_steps(3);
        assert_eq!(h.state().years.run.as_ref().map(|r| r.years.len()), Some(3));
        assert!(h.query_by_label("P90").is_some());
        assert!(h.query_by_label_contains("earlier version").is_none());
        let mut s = h.state().doc.scenario.clone();
        s.battery.energy_mwh *= 1.5;
        h.state_mut().apply_edit(s, false);
        h.state_mut().wait_for_simulation();
        h.run_steps(3);
        assert!(h.query_by_label_contains("earlier version").is_some());
        assert!(h.query_by_label("Run again").is_some());
    }

    #[test]
    fn a_cancelled_weather_run_stops_early_and_keeps_the_last_results() {
        let mut a = app();
        assert!(a.start_weather_years(200));
        a.years.cancel();
        wait_for_years(&mut a, 300);
        assert!(a.years.run.is_none());
        let m = a.years.message.clone().expect("a note");
        assert!(m.starts_with("Cancelled after"), "{m}");
        assert!(m.ends_with("of 200 years."), "{m}");
    }

    /// Poll the optimization until it ends (panics after `timeout_s`).
    fn wait_for_optimization(a: &mut PlannerApp, timeout_s: u64) {
        let t0 = Instant::now();
        while a.optimize.poll() {
            assert!(
                t0.elapsed().as_secs() < timeout_s,
                "optimization still going after {timeout_s} s: {:?}",
                a.optimize.progress()
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn applying_the_optimum_or_a_pareto_point_is_one_undo_step() {
        use crate::optimize::capacities_of;
        let mut a = app();
        let base = a.doc.base_dir();
        assert!(!a.apply_optimized(Pick::Optimum), "nothing to apply yet");
        // A short front keeps the test quick.
        let mut s = a.doc.scenario.clone();
        s.optimizer.pareto_from = 0.6;
        s.optimizer.pareto_to = 0.8;
        s.optimizer.pareto_points = 2;
        a.apply_edit(s, false);
        let inputs = a.doc.scenario.clone();
        let steps = a.doc.undo.len();

        assert!(a.start_optimization(JobKind::Optimize));
        assert!(!a.start_optimization(JobKind::Pareto), "one run at a time");
        wait_for_optimization(&mut a, 120);
        assert_eq!(a.optimize.message, None);
        let built = a
            .optimize
            .optimum
            .as_ref()
            .expect("an optimum")
            .data
            .capacities;
        assert!(a.optimize.optimum.as_ref().unwrap().data.best.feasible());
        assert!(a.apply_optimized(Pick::Optimum));
        assert_eq!(a.doc.undo.len(), steps + 1, "one undo step");
        let applied = a.doc.scenario.clone();
        assert_ne!(applied, inputs);
        let caps = capacities_of(&applied);
        assert!(
            (caps.solar_mwdc - built.solar_mwdc).abs() < 1e-6,
            "{caps:?} {built:?}"
        );
        assert!((caps.wind_mw - built.wind_mw).abs() < 1e-6);
        assert!((caps.battery_energy_mwh - built.battery_energy_mwh).abs() < 1e-6);
        // The loaded mix still counts as the run's inputs.
        let run = a.optimize.optimum.as_ref().unwrap();
        assert!(run.is_current(&a.doc.scenario, &base));
        assert_eq!(run.loaded(&a.doc.scenario), Some(Pick::Optimum));
        // Applying again changes nothing and adds no step.
        assert!(a.apply_optimized(Pick::Optimum));
        assert_eq!(a.doc.undo.len(), steps + 1);
        a.command(Command::Undo);
        a.run_commands(None);
        assert_eq!(a.doc.scenario, inputs);
        a.command(Command::Redo);
        a.run_commands(None);
        assert_eq!(a.doc.scenario, applied);
        a.command(Command::Undo);
        a.run_commands(None);

        assert!(a.start_optimization(JobKind::Pareto));
        wait_for_optimization(&mut a, 120);
        assert_eq!(a.optimize.message, None);
        let front = a.optimize.front.as_ref().expect("a front");
        assert_eq!(front.data.points.len(), 2);
        assert!(
            front.data.points[1].annualized_cost_usd >= front.data.points[0].annualized_cost_usd
        );
        assert!(!a.apply_optimized(Pick::Pareto(7)), "no such point");
        assert!(a.apply_optimized(Pick::Pareto(0)));
        let first = a.doc.scenario.clone();
        assert!(a.apply_optimized(Pick::Pareto(1)));
        assert_eq!(a.doc.undo.len(), steps + 2, "one step per point loaded");
        let front = a.optimize.front.as_ref().unwrap();
        assert_eq!(front.loaded(&a.doc.scenario), Some(Pick::Pareto(1)));
        // Both results were computed on these inputs: loading a point keeps the optimum
        // current too (only capacities moved).
        let optimum = a.optimize.optimum.as_ref().unwrap();
        assert!(optimum.is_current(&a.doc.scenario, &base));
        assert_eq!(optimum.loaded(&a.doc.scenario), Some(Pick::Pareto(1)));
        a.command(Command::Undo);
        a.run_commands(None);
        assert_eq!(a.doc.scenario, first);
        let front = a.optimize.front.as_ref().unwrap();
        assert_eq!(front.loaded(&a.doc.scenario), Some(Pick::Pareto(0)));
        assert!(front.is_current(&a.doc.scenario, &base));
        a.command(Command::Undo);
        a.run_commands(None);
        assert_eq!(a.doc.scenario, inputs);

        // Another change of the inputs makes both results ones of an earlier version; they stay.
        let mut s = a.doc.scenario.clone();
        s.economics.discount_rate += 0.01;
        a.apply_edit(s, false);
        assert!(
            !a.optimize
                .front
                .as_ref()
                .unwrap()
                .is_current(&a.doc.scenario, &base)
        );
        assert!(
            !a.optimize
                .optimum
                .as_ref()
                .unwrap()
                .is_current(&a.doc.scenario, &base)
        );
        // Invalid inputs cannot be run.
        let mut s = a.doc.scenario.clone();
        s.optimizer.pareto_points = 1;
        a.apply_edit(s, false);
        assert!(!a.start_optimization(JobKind::Pareto));
    }

    #[test]
    fn a_cancelled_pareto_run_keeps_the_last_front_and_says_so() {
        let mut a = app();
        assert!(a.start_optimization(JobKind::Pareto));
        a.optimize.cancel();
        wait_for_optimization(&mut a, 120);
        assert!(a.optimize.front.is_none());
        let m = a.optimize.message.clone().expect("a note");
        assert!(m.starts_with("Cancelled after"), "{m}");
        assert!(m.ends_with("of 20 points."), "{m}");
    }

    #[test]
    fn new_opens_a_tab_and_closing_a_changed_tab_asks_first() {
        let mut a = app();
        let mut s = a.doc.scenario.clone();
        s.battery.power_mw = 450.0;
        a.apply_edit(s, false);
        a.command(Command::New);
        a.run_commands(None);
        assert_eq!(a.tab_count(), 2);
        assert_eq!(a.active_tab(), 1);
        assert_eq!(a.doc.scenario, Scenario::dakhla_reference());
        assert!(a.pending.is_none(), "a new tab loses nothing: no question");
        // The first tab kept its edit and its undo history.
        a.command(Command::SwitchTab(0));
        a.run_commands(None);
        assert_eq!(a.doc.scenario.battery.power_mw, 450.0);
        assert!(a.doc.can_undo());
        // Closing it asks; nothing is lost before the answer.
        a.command(Command::CloseTab(0));
        a.run_commands(None);
        assert_eq!(a.pending, Some(Pending::CloseTab));
        assert_eq!(a.tab_count(), 2);
        assert_eq!(a.doc.scenario.battery.power_mw, 450.0);
        // Discard: the user confirmed.
        let p = a.pending.take().unwrap();
        a.do_pending(p, None);
        assert_eq!(a.tab_count(), 1);
        assert_eq!(a.doc.scenario, Scenario::dakhla_reference());
        assert!(a.results.is_some());
    }

    #[test]
    fn quitting_asks_for_each_changed_tab_in_turn() {
        let mut a = app();
        for power in [450.0, 460.0] {
            let mut s = a.doc.scenario.clone();
            s.battery.power_mw = power;
            a.apply_edit(s, false);
            a.command(Command::New);
            a.run_commands(None);
        }
        // Tabs 0 and 1 changed, tab 2 untouched.
        a.command(Command::Quit);
        a.run_commands(None);
        assert_eq!(a.pending, Some(Pending::Quit(vec![])));
        assert_eq!(a.active_tab(), 0);
        let p = a.pending.take().unwrap();
        a.do_pending(p, None);
        assert_eq!(a.pending, Some(Pending::Quit(vec![0])));
        assert_eq!(a.active_tab(), 1);
        assert_eq!(a.doc.scenario.battery.power_mw, 460.0);
        let p = a.pending.take().unwrap();
        a.do_pending(p, None);
        assert!(a.pending.is_none());
        assert!(a.allow_close);
    }

    #[test]
    fn opening_a_file_fills_the_untouched_tab_then_new_tabs_and_reopening_switches() {
        let dir = tempfile::tempdir().unwrap();
        let one = dir.path().join("one.ron");
        let two = dir.path().join("two.ron");
        let mut s = Scenario::dakhla_reference();
        crate::scenario::save(&s, &one).unwrap();
        s.battery.energy_mwh = 999.0;
        crate::scenario::save(&s, &two).unwrap();
        let mut a = app();
        a.open_now(&one);
        assert_eq!(a.tab_count(), 1, "the untouched built-in tab is replaced");
        a.open_now(&two);
        assert_eq!(a.tab_count(), 2);
        assert_eq!(a.doc.scenario.battery.energy_mwh, 999.0);
        a.open_now(&one);
        assert_eq!(a.tab_count(), 2, "an open file is not opened twice");
        assert_eq!(a.active_tab(), 0);
        a.wait_for_simulation();
        let views = a.tab_views();
        assert_eq!(views.len(), 2);
        assert!(views.iter().all(|v| v.results.is_some() && !v.stale));
    }
}

#[cfg(test)]
mod safety_tests {
    use super::*;

    fn app() -> PlannerApp {
        let mut a = PlannerApp::with_settings(Settings::default());
        a.wait_for_simulation();
        a
    }

    fn edit_battery(a: &mut PlannerApp, mwh: f64) {
        let mut s = a.doc.scenario.clone();
        s.battery.energy_mwh = mwh;
        a.apply_edit(s, false);
    }

    #[test]
    fn unsaved_work_survives_a_crash_and_is_offered_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.ron");
        crate::scenario::save(&Scenario::dakhla_reference(), &file).unwrap();
        let recovery = dir.path().join("recovery");
        {
            let mut a = app();
            a.enable_recovery(&recovery);
            assert!(a.drafts_offered.is_empty());
            a.open_now(&file);
            edit_battery(&mut a, 2222.0);
            // Not yet: a copy is written a moment after the last change, not on every frame.
            assert!(a.autosave(false).is_some());
            // A second tab with its own unsaved (and invalid) change.
            a.command(Command::New);
            a.run_commands(None);
            edit_battery(&mut a, -5.0);
            a.autosave(true);
            // The process dies here: no clean exit.
        }
        let mut b = app();
        b.enable_recovery(&recovery);
        assert_eq!(b.drafts_offered.len(), 2, "{:?}", b.drafts_offered);
        b.recover_drafts();
        assert_eq!(b.tab_count(), 2);
        let views = b.tab_views();
        let plan = views
            .iter()
            .find(|v| v.doc.path.as_deref() == Some(file.as_path()))
            .expect("the file's tab");
        assert_eq!(plan.doc.scenario.battery.energy_mwh, 2222.0);
        assert!(plan.doc.is_dirty(), "recovered work is unsaved until saved");
        let other = views.iter().find(|v| v.doc.path.is_none()).unwrap();
        assert_eq!(other.doc.scenario.battery.energy_mwh, -5.0);
        // The old copies were taken over; b keeps copies of the recovered work as its own. If b
        // dies too, a third start offers the same work again, once.
        b.command(Command::SwitchTab(0));
        b.run_commands(None);
        b.autosave(true);
        drop(b);
        let mut c = app();
        c.enable_recovery(&recovery);
        let mut again: Vec<f64> = c
            .drafts_offered
            .iter()
            .map(|d| d.scenario.battery.energy_mwh)
            .collect();
        again.sort_by(f64::total_cmp);
        assert_eq!(again, vec![-5.0, 2222.0]);
    }

    #[test]
    fn saving_removes_the_copy_and_a_clean_exit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.ron");
        crate::scenario::save(&Scenario::dakhla_reference(), &file).unwrap();
        let recovery = dir.path().join("recovery");
        let mut a = app();
        a.enable_recovery(&recovery);
        a.open_now(&file);
        edit_battery(&mut a, 1234.0);
        a.autosave(true);
        let drafts = |d: &Path| {
            std::fs::read_dir(d)
                .unwrap()
                .filter(|e| {
                    e.as_ref()
                        .unwrap()
                        .path()
                        .extension()
                        .is_some_and(|x| x == "ron")
                })
                .count()
        };
        assert_eq!(drafts(&recovery), 1);
        assert!(a.save_now(&file));
        assert_eq!(drafts(&recovery), 0);
        edit_battery(&mut a, 1235.0);
        a.autosave(true);
        assert_eq!(drafts(&recovery), 1);
        if let Some(r) = &a.recovery {
            r.finish();
        }
        assert_eq!(std::fs::read_dir(&recovery).unwrap().count(), 0);
    }

    #[test]
    fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.ron");
        crate::scenario::save(&Scenario::dakhla_reference(), &file).unwrap();
        let mut a = app();
        a.open_now(&file);
        edit_battery(&mut a, 1111.0);
        // A colleague saves the same file meanwhile.
        let mut theirs = Scenario::dakhla_reference();
        theirs.wind_farms[0].turbine_count = 99;
        crate::scenario::save(&theirs, &file).unwrap();
        a.command(Command::Save);
        a.run_commands(None);
        assert_eq!(a.overwrite_question.as_deref(), Some(file.as_path()));
        assert_eq!(
            crate::scenario::load(&file).unwrap(),
            theirs,
            "their file is untouched until the user answers"
        );
        assert!(a.doc.is_dirty());
        // "Overwrite it".
        a.overwrite_question = None;
        a.command(Command::SaveOverwriting(file.clone()));
        a.run_commands(None);
        assert_eq!(
            crate::scenario::load(&file).unwrap().battery.energy_mwh,
            1111.0
        );
        assert!(!a.doc.is_dirty());
        // Saving again, with no change on disk since, does not ask.
        edit_battery(&mut a, 1112.0);
        a.command(Command::Save);
        a.run_commands(None);
        assert!(a.overwrite_question.is_none());
        assert_eq!(
            crate::scenario::load(&file).unwrap().battery.energy_mwh,
            1112.0
        );
    }
}

#[cfg(test)]
mod warning_tests {
    use super::*;

    #[test]
    fn scenario_warnings_are_shown_and_the_fingerprint_is_read_once_per_source() {
        let mut a = PlannerApp::with_settings(Settings::default());
        a.wait_for_simulation();
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        let mut s = a.doc.scenario.clone();
        s.battery.power_mw = 0.0;
        a.apply_edit(s, false);
        assert!(
            a.warnings.iter().any(|w| w.contains("battery.power_mw")),
            "{:?}",
            a.warnings
        );
        // A weather file whose recorded SHA-256 does not match is reported.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("w.csv"), "timestamp,ghi\n").unwrap();
        a.doc.path = Some(dir.path().join("case.ron"));
        let mut s = a.doc.scenario.clone();
        s.weather = crate::scenario::WeatherSource::Csv {
            path: "w.csv".into(),
            sha256: Some("00".repeat(32)),
        };
        a.apply_edit(s, false);
        assert!(
            a.warnings.iter().any(|w| w.contains("weather.sha256")),
            "{:?}",
            a.warnings
        );
    }
}
