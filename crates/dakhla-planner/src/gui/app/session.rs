//! One tab's state: a [`Session`] holds the document and everything computed from it (the
//! validation, the results and the engine that made them, the background jobs and the view's
//! own position). Sessions never read one another; the app owns them in tab order.
//!
//! Every edit goes through [`Session::apply_edit`]: it records history (a slider drag is one
//! undo step), marks the document dirty, validates, and re-simulates before the charts of the
//! same frame are drawn. Re-simulations that recompute the weather or the sun run on the
//! session's `dakhla-sim` worker with a progress bar; capacity edits (about 0.1 ms) run inline.

use super::Document;
use super::jobs::{SimDone, WeatherYears};
use crate::gui::panels::optimize::{JobKind, OptimizePanel, Pick};
use crate::gui::panels::reliability::ReliabilityPanel;
use crate::gui::worker::{Worker, take_finished};
use crate::scenario::{Scenario, WeatherSource};
use crate::sim::{Engine, Results};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// One open scenario (a tab) with what is computed from it.
pub struct Session {
    pub doc: Document,
    /// Validation errors of the current scenario, by field path.
    pub issues: BTreeMap<String, String>,
    /// Advice that does not stop a run (`Scenario::warnings_at`), shown above the results.
    pub warnings: Vec<String>,
    /// The weather source and folder whose file fingerprint was last checked, and the result.
    fingerprint_checked: Option<(WeatherSource, PathBuf, Vec<String>)>,
    /// Results of the last valid scenario.
    pub results: Option<Results>,
    /// The scenario `results` were computed from.
    pub results_of: Option<Scenario>,
    /// Why the last simulation failed (e.g. an unreadable weather file).
    pub sim_error: Option<String>,
    /// Wall time of the last simulation [ms].
    pub last_sim_ms: f64,
    /// This tab's engine: its caches (weather, sun, generation) belong to this scenario, so
    /// switching tabs never recomputes them and a tab's background run never waits for another.
    engine: Arc<Mutex<Engine>>,
    /// A re-simulation running on the `dakhla-sim` worker.
    sim: Option<Worker<SimDone>>,
    /// A heavy run requested while another was running.
    queued: Option<Scenario>,
    /// First day shown in the energy-balance chart.
    pub window_start_day: usize,
    /// Weather-years (P50 / P90) runs.
    pub years: WeatherYears,
    /// Optimizations and Pareto fronts (kept until replaced).
    pub optimize: OptimizePanel,
    /// Reliability runs under failures (LOLE, EUE; kept until replaced).
    pub reliability: ReliabilityPanel,
}

impl Session {
    /// A session on `doc`, validated and (when valid) simulated; a simulation that needs the
    /// weather runs on the worker unless `blocking`.
    pub fn new(doc: Document, blocking: bool) -> Self {
        let mut s = Self {
            doc,
            issues: BTreeMap::new(),
            warnings: Vec::new(),
            fingerprint_checked: None,
            results: None,
            results_of: None,
            sim_error: None,
            last_sim_ms: 0.0,
            engine: Arc::new(Mutex::new(Engine::new())),
            sim: None,
            queued: None,
            window_start_day: 0,
            years: WeatherYears::default(),
            optimize: OptimizePanel::default(),
            reliability: ReliabilityPanel::default(),
        };
        s.resimulate(blocking);
        s
    }

    /// The one place an edit enters: history, dirty flag, validation, re-simulation.
    pub fn apply_edit(&mut self, edited: Scenario, continuing: bool) {
        self.doc.edit(edited, continuing);
        self.resimulate(false);
    }

    /// Whether the inputs changed since `results` were computed (invalid values, or a run
    /// pending).
    pub fn is_stale(&self) -> bool {
        self.results_of.as_ref() != Some(&self.doc.scenario)
    }

    /// Whether a re-simulation is running on the worker.
    pub fn simulating(&self) -> Option<std::time::Duration> {
        self.sim.as_ref().map(Worker::elapsed)
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
        if !self.is_stale() {
            return;
        }
        let scenario = self.doc.scenario.clone();
        let heavy = match self.engine.try_lock() {
            Ok(engine) => engine.needs_weather_or_sun(&scenario, &base),
            Err(_) => true,
        };
        if blocking || (!heavy && self.sim.is_none()) {
            let t0 = Instant::now();
            let result = run_on(&self.engine, &scenario, &base);
            self.finish(scenario, result, t0.elapsed().as_secs_f64() * 1e3);
        } else if self.sim.is_some() {
            self.queued = Some(scenario);
        } else {
            self.spawn_simulation(scenario, base);
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

    fn spawn_simulation(&mut self, scenario: Scenario, base: PathBuf) {
        let engine = self.engine.clone();
        let spawned = Worker::spawn("dakhla-sim", move |_| {
            let t0 = Instant::now();
            let result = run_on(&engine, &scenario, &base);
            SimDone {
                scenario,
                result,
                ms: t0.elapsed().as_secs_f64() * 1e3,
            }
        });
        match spawned {
            Ok(w) => self.sim = Some(w),
            Err(e) => self.sim_error = Some(e),
        }
    }

    fn finish(&mut self, scenario: Scenario, result: Result<Results, String>, ms: f64) {
        self.last_sim_ms = ms;
        match result {
            Ok(r) => {
                // The first results of the file as it is on disk are what edits compare with.
                if self.doc.baseline.is_none() && scenario == self.doc.saved {
                    let what = if self.doc.path.is_some() {
                        dakhla_i18n::tr!("baseline-file-opened")
                    } else {
                        dakhla_i18n::tr!("baseline-scenario-started")
                    };
                    self.doc.baseline = Some((r.kpis.clone(), what));
                }
                self.results = Some(r);
                self.results_of = Some(scenario);
                self.sim_error = None;
            }
            Err(e) => self.sim_error = Some(e),
        }
    }

    /// Collect a finished re-simulation; start the queued one. True while one runs.
    pub fn poll_simulation(&mut self) -> bool {
        match take_finished(&mut self.sim) {
            // Only show results of what is still the current scenario.
            Some(Ok(done)) if done.scenario == self.doc.scenario => {
                self.finish(done.scenario, done.result, done.ms)
            }
            Some(Ok(_)) | None => {}
            Some(Err(lost)) => self.sim_error = Some(lost),
        }
        if self.sim.is_none() {
            if let Some(s) = self.queued.take() {
                if s == self.doc.scenario {
                    let base = self.doc.base_dir();
                    self.spawn_simulation(s, base);
                }
            } else if self.is_stale() && self.issues.is_empty() {
                self.resimulate(false);
            }
        }
        self.sim.is_some()
    }

    /// Collect whatever this session's workers finished. True while any of them runs.
    pub fn poll(&mut self) -> bool {
        let sim = self.poll_simulation();
        let years = self.years.poll();
        let optimize = self.optimize.poll();
        let reliability = self.reliability.poll();
        sim | years | optimize | reliability
    }

    /// Wait for the re-simulation in flight (tests, export, headless use).
    pub fn wait_for_simulation(&mut self) {
        while self.poll_simulation() {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
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

    /// Start a reliability run of the current scenario with the tab's draws, weather years and
    /// seed on the `dakhla-reliability` worker. False when the scenario has invalid values or a
    /// run is already going.
    pub fn start_reliability(&mut self) -> bool {
        if !self.issues.is_empty() {
            return false;
        }
        let base = self.doc.base_dir();
        self.reliability.start(self.doc.scenario.clone(), base)
    }

    /// The finished reliability run of the current inputs, if there is one.
    pub fn current_reliability(&self) -> Option<&crate::reliability::study::Assessment> {
        self.reliability
            .current(&self.doc.scenario, &self.doc.base_dir())
            .map(|r| &r.assessment)
    }

    /// Start an optimization (`JobKind::Optimize`) or a Pareto front of the current scenario on
    /// the `dakhla-opt` worker. False when the scenario has invalid values or a run is going.
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
}

/// Run `scenario` on `engine`; a poisoned engine (an earlier run panicked) is an error, not a
/// panic of the window.
fn run_on(engine: &Mutex<Engine>, scenario: &Scenario, base: &Path) -> Result<Results, String> {
    match engine.lock() {
        Ok(mut e) => e.run(scenario, base).map_err(|e| e.to_string()),
        Err(_) => Err(dakhla_i18n::tr!("engine-failed")),
    }
}
