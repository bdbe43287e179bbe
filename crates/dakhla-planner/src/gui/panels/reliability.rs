//! Panel: failure data for reliability runs, in IEEE Std 762 terms. Each backup entry is
//! `unit_count` identical units that fail and are repaired one by one (N+k), and fail to start
//! with a probability; turbines, inverters and the battery's power blocks fail and are repaired
//! likewise. Every default comes from the field registry with its source (the tooltips).
//!
//! The simulation and the optimizer do not draw failures; these figures feed the reliability
//! runs (LOLE, EUE, survival of grid outages).
//!
//! The run itself ([`ReliabilityPanel`]): the Monte Carlo of `reliability::study::assess` on
//! the tab's `dakhla-reliability` worker, with its draws, weather years and seed kept by the tab
//! (not in the scenario file), progress and Cancel; the finished run is kept with the scenario
//! it was computed for and shown in the results area ([`results_section`]) and on the KPI
//! cards, greyed once the inputs change.

use super::PanelContext;
use crate::gui::chart_widget;
use crate::gui::theme::Palette;
use crate::gui::widgets as w;
use crate::gui::worker::{Handle, Worker, take_finished};
use crate::reliability::AdequacyOptions;
use crate::reliability::study::{Assessment, MAX_STUDY_SAMPLES};
use crate::report::export as rx;
use crate::scenario::{BackupKind, Scenario};
use dakhla_i18n::tr;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Failure draws per weather year a run from the window may ask for.
pub const DRAWS_RANGE: std::ops::RangeInclusive<u32> = 1..=100_000;
/// Weather years a run from the window may ask for.
pub const YEARS_RANGE: std::ops::RangeInclusive<u32> = 1..=100;

/// A finished reliability run with the inputs it was computed for.
#[derive(Clone, Debug)]
pub struct ReliabilityRun {
    pub scenario: Scenario,
    pub base_dir: PathBuf,
    pub assessment: Assessment,
    /// Wall time of the run [s].
    pub seconds: f64,
}

/// How a run ended.
enum RunEnd {
    Done(Box<ReliabilityRun>),
    Cancelled { done: usize, total: usize },
    Failed(String),
}

/// What the panel asks the app to do (applied after the frame, as commands).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// Start a run on the tab's current scenario.
    Run,
    /// Stop the run in progress.
    Cancel,
}

/// A tab's reliability runs: the options of the next run, the last finished run and the one
/// in progress (dropping it, as closing the tab does, stops it at its next sample).
pub struct ReliabilityPanel {
    /// Failure draws per weather year.
    pub draws: u32,
    /// Weather years (synthetic years from the scenario's seed).
    pub years: u32,
    /// Seed of the failure draws.
    pub seed: u64,
    /// The last finished run (kept when a later run is cancelled or fails).
    pub run: Option<ReliabilityRun>,
    job: Option<Worker<RunEnd, (usize, usize)>>,
    /// The scenario the run in progress is of.
    running_on: Option<Scenario>,
    /// Sampled years the run in progress asked for.
    total: usize,
    /// Why the last run did not finish (cancelled, failed), until the next one starts.
    pub message: Option<String>,
}

impl Default for ReliabilityPanel {
    fn default() -> Self {
        Self {
            draws: 1000,
            years: 1,
            seed: 1,
            run: None,
            job: None,
            running_on: None,
            total: 0,
            message: None,
        }
    }
}

/// The whole Monte Carlo of `scenario` on the worker: progress in sampled years (done, total).
fn work(
    scenario: Scenario,
    base: PathBuf,
    options: AdequacyOptions,
    h: &Handle<(usize, usize)>,
) -> RunEnd {
    let t0 = Instant::now();
    let total = options.draws as usize * options.years as usize;
    h.report(|p| *p = (0, total));
    let assessed = crate::reliability::study::assess(
        &scenario,
        &base,
        &options,
        h.cancel_flag(),
        |done, total| h.report(|p| *p = (done, total)),
    );
    match assessed {
        Ok(a) if a.complete => RunEnd::Done(Box::new(ReliabilityRun {
            scenario,
            base_dir: base,
            assessment: a,
            seconds: t0.elapsed().as_secs_f64(),
        })),
        Ok(a) => RunEnd::Cancelled {
            done: a.stats.samples,
            total,
        },
        Err(e) => RunEnd::Failed(e.to_string()),
    }
}

impl ReliabilityPanel {
    /// The options of the next run, clamped to what the window allows (draws x years at most
    /// [`MAX_STUDY_SAMPLES`]).
    pub fn options(&self) -> AdequacyOptions {
        let draws = self.draws.clamp(*DRAWS_RANGE.start(), *DRAWS_RANGE.end());
        let most_years = (MAX_STUDY_SAMPLES / u64::from(draws)).max(1) as u32;
        let years = self
            .years
            .clamp(*YEARS_RANGE.start(), *YEARS_RANGE.end())
            .min(most_years);
        AdequacyOptions {
            draws,
            years,
            seed: self.seed,
        }
    }

    /// Start a run of `scenario` with [`Self::options`] on the `dakhla-reliability` worker.
    /// False when a run is already going or the thread cannot start.
    pub fn start(&mut self, scenario: Scenario, base: PathBuf) -> bool {
        if self.job.is_some() {
            return false;
        }
        let options = self.options();
        let of = scenario.clone();
        match Worker::spawn("dakhla-reliability", move |h| {
            work(scenario, base, options, h)
        }) {
            Ok(w) => {
                self.message = None;
                self.job = Some(w);
                self.running_on = Some(of);
                self.total = options.draws as usize * options.years as usize;
                true
            }
            Err(e) => {
                self.message = Some(e);
                false
            }
        }
    }

    /// Ask the run in progress to stop at its next sample (its samples are discarded).
    pub fn cancel(&self) {
        if let Some(w) = &self.job {
            w.cancel();
        }
    }

    /// Whether a run is going.
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// (sampled years done, total) while a run is going.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.job
            .as_ref()
            .map(|w| (w.progress(|p| p.0).min(self.total), self.total))
    }

    /// Collect a finished run. True while one is going.
    pub fn poll(&mut self) -> bool {
        let Some(end) = take_finished(&mut self.job) else {
            return self.job.is_some();
        };
        self.running_on = None;
        match end {
            Ok(RunEnd::Done(run)) => self.run = Some(*run),
            Ok(RunEnd::Cancelled { done, total }) => {
                self.message = Some(tr!(
                    "panel-reliability-cancelled",
                    done = dakhla_i18n::number(done as f64, 0),
                    total = dakhla_i18n::number(total as f64, 0)
                ))
            }
            Ok(RunEnd::Failed(e)) => {
                self.message = Some(tr!("panel-reliability-failed", error = e))
            }
            Err(lost) => self.message = Some(tr!("panel-reliability-failed", error = lost)),
        }
        false
    }

    /// Were the kept results computed for these inputs?
    pub fn is_current(&self, scenario: &Scenario, base: &Path) -> bool {
        self.current(scenario, base).is_some()
    }

    /// The kept run when it was computed for these inputs.
    pub fn current(&self, scenario: &Scenario, base: &Path) -> Option<&ReliabilityRun> {
        self.run
            .as_ref()
            .filter(|r| &r.scenario == scenario && r.base_dir == base)
    }

    /// The panel: the run (options, Run / Cancel, progress, the headline of the last run),
    /// then the failure data of every unit (edits the draft `s`).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        s: &mut Scenario,
        ctx: &PanelContext,
    ) -> Option<Request> {
        let request = self.run_ui(ui, s, ctx);
        ui.separator();
        failure_data(ui, s, ctx);
        request
    }

    fn run_ui(&mut self, ui: &mut egui::Ui, s: &Scenario, ctx: &PanelContext) -> Option<Request> {
        let mut request = None;
        let valid = ctx.issues.is_empty();
        w::section(ui, &dakhla_i18n::tr!("section-reliability-run"));
        w::note(ui, &tr!("panel-reliability-run-note"), ctx);
        let idle = self.job.is_none();
        ui.add_enabled_ui(idle, |ui| {
            w::row(
                ui,
                &tr!("panel-reliability-draws"),
                &tr!("panel-reliability-draws.tooltip"),
                "reliability_run.draws",
                ctx,
                |ui| {
                    w::committed(
                        ui,
                        egui::DragValue::new(&mut self.draws)
                            .range(DRAWS_RANGE)
                            .speed(10.0),
                        "",
                        true,
                    )
                },
            );
            w::row(
                ui,
                &tr!("panel-reliability-years"),
                &tr!("panel-reliability-years.tooltip"),
                "reliability_run.years",
                ctx,
                |ui| {
                    w::committed(
                        ui,
                        egui::DragValue::new(&mut self.years)
                            .range(YEARS_RANGE)
                            .speed(0.1),
                        "",
                        true,
                    )
                },
            );
            w::row(
                ui,
                &tr!("panel-reliability-seed"),
                &tr!("panel-reliability-seed.tooltip"),
                "reliability_run.seed",
                ctx,
                |ui| {
                    w::committed(
                        ui,
                        egui::DragValue::new(&mut self.seed).speed(0.1),
                        "",
                        true,
                    )
                },
            );
        });
        let o = self.options();
        match self.progress() {
            Some((done, total)) => {
                let cancelling = self.job.as_ref().is_some_and(Worker::is_cancelled);
                ui.horizontal(|ui| {
                    let text = if done == 0 {
                        tr!("panel-reliability-simulating-weather")
                    } else {
                        tr!(
                            "panel-reliability-progress",
                            done = dakhla_i18n::number(done as f64, 0),
                            total = dakhla_i18n::number(total as f64, 0)
                        )
                    };
                    ui.add(
                        egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                            .desired_width((ui.available_width() - 100.0).max(80.0))
                            // Not animated: an animated bar repaints the window every frame, which on a
                            // software renderer took a core from the worker (a front ran in 3.0 s against
                            // 1.6 s); the bar moves with the job's progress, redrawn ten times a second.
                            .text(text),
                    );
                    let label = if cancelling {
                        tr!("panel-cancelling")
                    } else {
                        tr!("panel-cancel")
                    };
                    if ui
                        .add_enabled(!cancelling, egui::Button::new(label))
                        .on_hover_text(tr!("panel-reliability-cancel.tooltip"))
                        .clicked()
                    {
                        request = Some(Request::Cancel);
                    }
                });
                if self.running_on.as_ref().is_some_and(|r| r != s) {
                    ui.colored_label(ctx.palette.warn, tr!("panel-running-on-earlier"));
                }
            }
            None => {
                let again = self.run.is_some() && !self.is_current(s, ctx.base_dir);
                let label = if again {
                    tr!("panel-reliability-run-again")
                } else {
                    tr!("panel-reliability-run")
                };
                let samples = u64::from(o.draws) * u64::from(o.years);
                if ui
                    .add_enabled(valid, egui::Button::new(label))
                    .on_hover_text(tr!(
                        "panel-reliability-run.tooltip",
                        draws = dakhla_i18n::number(f64::from(o.draws), 0),
                        years = o.years,
                        samples = dakhla_i18n::number(samples as f64, 0),
                        seed = o.seed.to_string()
                    ))
                    .on_disabled_hover_text(tr!("panel-fix-flagged-first"))
                    .clicked()
                {
                    request = Some(Request::Run);
                }
            }
        }
        if let Some(m) = &self.message {
            ui.colored_label(ctx.palette.warn, m);
        }
        match &self.run {
            Some(run) => {
                let st = &run.assessment.stats;
                let text = tr!(
                    "panel-reliability-last-run",
                    lole = dakhla_i18n::number(st.lole_h_per_year.mean, 2),
                    lole_error = dakhla_i18n::number(st.lole_h_per_year.std_error, 2),
                    eue = dakhla_i18n::number(st.eue_mwh_per_year.mean, 1),
                    eue_error = dakhla_i18n::number(st.eue_mwh_per_year.std_error, 1),
                    samples = dakhla_i18n::number(st.samples as f64, 0),
                    seconds = dakhla_i18n::number(run.seconds, 1)
                );
                if self.is_current(s, ctx.base_dir) {
                    ui.add(egui::Label::new(text).wrap());
                } else {
                    ui.colored_label(ctx.palette.warn, tr!("panel-reliability-stale"));
                    w::note(ui, &text, ctx);
                }
            }
            None if idle => w::note(ui, &tr!("panel-reliability-no-run"), ctx),
            None => {}
        }
        request
    }
}

/// Edit the failure data of every unit.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    failure_data(ui, s, ctx);
}

/// The failure data of every unit.
fn failure_data(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::section(ui, &dakhla_i18n::tr!("section-failure-data"));
    w::note(ui, &tr!("panel-reliability-failure-note"), ctx);
    w::section(ui, &dakhla_i18n::tr!("section-backup-units"));
    if s.backup.is_empty() {
        w::note(ui, &tr!("panel-reliability-no-backup"), ctx);
    }
    for (i, u) in s.backup.iter_mut().enumerate() {
        let path = format!("backup[{i}]");
        let f = |field: &str| format!("{path}.{field}");
        let variant = u.kind.name();
        let title = format!("{} — {} MW", u.name, super::shortest(u.capacity_mw));
        w::item(ui, &path, &title, ctx, |ui| {
            if u.kind != BackupKind::GridImport {
                w::integer(ui, &mut u.unit_count, &f("unit_count"), ctx);
            }
            w::number_in(
                ui,
                &mut u.forced_outage_rate,
                &f("forced_outage_rate"),
                variant,
                ctx,
            );
            w::number_in(
                ui,
                &mut u.mean_time_to_repair_h,
                &f("mean_time_to_repair_h"),
                variant,
                ctx,
            );
            if u.kind != BackupKind::GridImport {
                w::number_in(
                    ui,
                    &mut u.start_failure_prob,
                    &f("start_failure_prob"),
                    variant,
                    ctx,
                );
            }
            // Derived figures, never from flagged values.
            let flagged = [
                "capacity_mw",
                "unit_count",
                "forced_outage_rate",
                "mean_time_to_repair_h",
            ]
            .iter()
            .any(|x| w::issue(ctx, &f(x)).is_some());
            if flagged {
                w::readout(
                    ui,
                    &tr!("panel-reliability-per-unit"),
                    tr!("panel-fix-values-above"),
                    "",
                );
            } else if u.kind == BackupKind::GridImport {
                w::readout(
                    ui,
                    &tr!("panel-reliability-outages"),
                    dakhla_i18n::number(u.outages_per_year(), 1),
                    &tr!("panel-reliability-outages.tooltip"),
                );
            } else {
                w::readout(
                    ui,
                    &tr!("panel-reliability-per-unit"),
                    tr!(
                        "panel-reliability-per-unit-value",
                        mw = super::figure((u.unit_mw() * 100.0).round() / 100.0),
                        outages = dakhla_i18n::number(u.outages_per_year(), 1)
                    ),
                    &tr!("panel-reliability-per-unit.tooltip"),
                );
            }
        });
    }
    w::section(ui, &dakhla_i18n::tr!("section-wind-turbines"));
    for (i, farm) in s.wind_farms.iter_mut().enumerate() {
        let path = format!("wind_farms[{i}]");
        let title = tr!(
            "panel-reliability-farm-title",
            name = farm.name.as_str(),
            turbines = farm.turbine_count
        );
        w::item(ui, &path, &title, ctx, |ui| {
            w::number(
                ui,
                &mut farm.turbine_forced_outage_rate,
                &format!("{path}.turbine_forced_outage_rate"),
                ctx,
            );
            w::number(
                ui,
                &mut farm.turbine_mean_time_to_repair_h,
                &format!("{path}.turbine_mean_time_to_repair_h"),
                ctx,
            );
        });
    }
    w::section(ui, &dakhla_i18n::tr!("section-solar-inverters"));
    for (i, plant) in s.solar_plants.iter_mut().enumerate() {
        let path = format!("solar_plants[{i}]");
        let title = format!(
            "{} — {} MWdc",
            plant.name,
            super::shortest(plant.capacity_mwdc)
        );
        w::item(ui, &path, &title, ctx, |ui| {
            w::number(
                ui,
                &mut plant.inverter_unit_mw,
                &format!("{path}.inverter_unit_mw"),
                ctx,
            );
            w::number(
                ui,
                &mut plant.inverter_forced_outage_rate,
                &format!("{path}.inverter_forced_outage_rate"),
                ctx,
            );
            w::number(
                ui,
                &mut plant.inverter_mean_time_to_repair_h,
                &format!("{path}.inverter_mean_time_to_repair_h"),
                ctx,
            );
        });
    }
    w::section(ui, &dakhla_i18n::tr!("section-battery-power-conversion"));
    let b = &mut s.battery;
    w::number(ui, &mut b.pcs_unit_mw, "battery.pcs_unit_mw", ctx);
    w::number(
        ui,
        &mut b.pcs_forced_outage_rate,
        "battery.pcs_forced_outage_rate",
        ctx,
    );
    w::number(
        ui,
        &mut b.pcs_mean_time_to_repair_h,
        "battery.pcs_mean_time_to_repair_h",
        ctx,
    );
}

/// The "Reliability under failures" section of the results area: the figures with their
/// standard errors and P90, the survival of grid outages (with a grid link) and the events by
/// duration as charts, and the dispatch modes without failures; greyed and marked stale when
/// the inputs changed since the run. Nothing when there is no run and none going. Returns a
/// request (Run again).
pub fn results_section(
    ui: &mut egui::Ui,
    palette: &Palette,
    panel: &ReliabilityPanel,
    scenario: &Scenario,
    base: &Path,
    valid: bool,
) -> Option<Request> {
    if panel.run.is_none() && !panel.running() {
        return None;
    }
    let mut request = None;
    egui::CollapsingHeader::new(egui::RichText::new(tr!("panel-reliability-results")).strong())
        .id_salt("reliability results")
        .default_open(true)
        .show(ui, |ui| {
            if let Some((done, total)) = panel.progress() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr!(
                        "panel-reliability-results-progress",
                        done = dakhla_i18n::number(done as f64, 0),
                        total = dakhla_i18n::number(total as f64, 0)
                    ));
                });
            }
            let Some(run) = &panel.run else {
                return;
            };
            let current = panel.is_current(scenario, base);
            if !current {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(palette.warn, tr!("panel-reliability-results-stale"));
                    if !panel.running()
                        && ui
                            .add_enabled(
                                valid,
                                egui::Button::new(tr!("panel-reliability-run-again")),
                            )
                            .on_disabled_hover_text(tr!("panel-fix-flagged-first"))
                            .clicked()
                    {
                        request = Some(Request::Run);
                    }
                });
            }
            ui.scope(|ui| {
                if !current {
                    ui.multiply_opacity(0.45);
                }
                results_body(ui, palette, run);
            });
        });
    request
}

fn results_body(ui: &mut egui::Ui, palette: &Palette, run: &ReliabilityRun) {
    let a = &run.assessment;
    ui.add(
        egui::Label::new(tr!(
            "panel-reliability-basis",
            basis = rx::reliability_basis(a),
            seconds = dakhla_i18n::number(run.seconds, 1)
        ))
        .wrap(),
    );
    ui.label(
        egui::RichText::new(tr!("panel-reliability-error-note"))
            .small()
            .color(palette.muted),
    );
    egui::Grid::new("reliability-figures")
        .num_columns(6)
        .striped(true)
        .spacing([20.0, 4.0])
        .show(ui, |ui| {
            for h in [
                String::new(),
                tr!("panel-reliability-col-mean"),
                tr!("panel-reliability-col-error"),
                "P50".to_owned(),
                "P90".to_owned(),
                tr!("panel-reliability-col-unit"),
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for r in rx::reliability_rows(a) {
                ui.label(r.label).on_hover_text(r.help);
                for v in [&r.mean, &r.std_error, &r.p50, &r.p90] {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(v.as_str())
                    });
                }
                ui.label(r.unit);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    let st = &a.stats;
    match &st.survival {
        Some(curve) => {
            ui.columns(2, |cols| {
                chart_widget::survival(&mut cols[0], palette, curve, 260.0);
                chart_widget::event_durations(&mut cols[1], palette, &st.event_durations, 260.0);
            });
        }
        None => {
            ui.label(
                egui::RichText::new(tr!("panel-reliability-no-grid"))
                    .small()
                    .color(palette.muted),
            );
            chart_widget::event_durations(ui, palette, &st.event_durations, 240.0);
        }
    }
    ui.add_space(6.0);
    ui.strong(tr!("panel-reliability-without-failures"));
    egui::Grid::new("reliability-dispatch-modes")
        .num_columns(5)
        .striped(true)
        .spacing([20.0, 4.0])
        .show(ui, |ui| {
            // An empty last column: the right-aligned figures keep to their own columns.
            for h in [
                tr!("panel-reliability-col-dispatch"),
                tr!("panel-reliability-col-lole"),
                tr!("panel-reliability-col-eue"),
                tr!("panel-reliability-col-backup"),
                String::new(),
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for m in &a.without_failures.modes {
                let words = rx::dispatch_in_words(&m.dispatch);
                ui.label(if m.dispatch == a.dispatch {
                    tr!("panel-reliability-this-scenarios", dispatch = words)
                } else {
                    words
                });
                for v in [
                    dakhla_i18n::number(m.lole_h_per_year, 2),
                    dakhla_i18n::number(m.eue_mwh_per_year, 1),
                    dakhla_i18n::number(m.backup_energy_mwh_per_year, 0),
                ] {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(v)
                    });
                }
                ui.label("");
                ui.end_row();
            }
        });
    ui.label(
        egui::RichText::new(tr!("panel-reliability-gaps"))
            .small()
            .color(palette.muted),
    );
}
