//! What a tab runs in the background, each on a [`Worker`]: the re-simulation's result type,
//! and the weather-years (P50 / P90) runs with their section of the results view.

use super::WEATHER_YEARS_RANGE;
use crate::gui::chart_widget;
use crate::gui::theme::Palette;
use crate::gui::worker::{Worker, take_finished};
use crate::scenario::Scenario;
use crate::sim::kpi_registry;
use crate::sim::years::{Spread, YearResult};
use crate::sim::{Engine, Results};
use dakhla_i18n::tr;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A finished re-simulation: the inputs, the outcome and its wall time [ms].
pub struct SimDone {
    pub scenario: Scenario,
    pub result: Result<Results, String>,
    pub ms: f64,
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
/// interannual variation), one at a time so that a cancel stops the run between years; the
/// progress counts finished years.
fn run_weather_years(
    scenario: Scenario,
    base: PathBuf,
    n: u32,
    handle: &crate::gui::worker::Handle<usize>,
) -> YearsEnd {
    let t0 = Instant::now();
    let mut engine = Engine::with_interannual_variation();
    let weathers = crate::sim::years::synthetic_years(&scenario, n);
    let mut years = Vec::with_capacity(weathers.len());
    for (k, w) in weathers.iter().enumerate() {
        if handle.cancelled() {
            return YearsEnd::Cancelled {
                done: k,
                total: weathers.len(),
            };
        }
        match crate::sim::years::run_year(&mut engine, &scenario, &base, w, k as u32) {
            Ok(y) => years.push(y),
            Err(e) => {
                return YearsEnd::Failed(tr!(
                    "years-failed-year",
                    year = (k + 1).to_string(),
                    error = e.to_string()
                ));
            }
        }
        handle.report(|done| *done = k + 1);
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

/// The "Weather years (P50 / P90)" section: the last finished run and the one in progress
/// (on the `dakhla-years` worker; dropping it, as closing the tab does, stops it after the
/// year it is on).
#[derive(Default)]
pub struct WeatherYears {
    /// The last finished run (kept when a later run is cancelled or fails).
    pub run: Option<YearsRun>,
    job: Option<Worker<YearsEnd, usize>>,
    /// Years the run in progress asked for.
    total: usize,
    /// Why the last run did not finish (cancelled, failed), until the next one starts.
    pub message: Option<String>,
}

impl WeatherYears {
    /// Start a run of `n` years (clamped to [`WEATHER_YEARS_RANGE`]) of `scenario` on the
    /// `dakhla-years` worker. False when a run is already going or the thread cannot start.
    pub fn start(&mut self, scenario: Scenario, base: PathBuf, n: u32) -> bool {
        if self.job.is_some() {
            return false;
        }
        let n = n.clamp(*WEATHER_YEARS_RANGE.start(), *WEATHER_YEARS_RANGE.end());
        match Worker::spawn("dakhla-years", move |h| {
            run_weather_years(scenario, base, n, h)
        }) {
            Ok(w) => {
                self.message = None;
                self.job = Some(w);
                self.total = n as usize;
                true
            }
            Err(e) => {
                self.message = Some(e);
                false
            }
        }
    }

    /// Ask the running job to stop after the year it is on.
    pub fn cancel(&self) {
        if let Some(w) = &self.job {
            w.cancel();
        }
    }

    /// (finished years, years asked for) while a run is going.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.job
            .as_ref()
            .map(|w| (w.progress(|d| *d).min(self.total), self.total))
    }

    /// Collect a finished run. True while one is going.
    pub fn poll(&mut self) -> bool {
        let Some(end) = take_finished(&mut self.job) else {
            return self.job.is_some();
        };
        match end {
            Ok(YearsEnd::Done(run)) => self.run = Some(*run),
            Ok(YearsEnd::Cancelled { done, total }) => {
                self.message = Some(tr!(
                    "years-cancelled",
                    done = done.to_string(),
                    total = total.to_string()
                ))
            }
            Ok(YearsEnd::Failed(e)) => self.message = Some(tr!("job-failed", error = e)),
            Err(lost) => self.message = Some(tr!("job-failed", error = lost)),
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
    pub fn ui(
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
            ui.strong(tr!("years-title"));
            ui.add(
                egui::DragValue::new(n_years)
                    .range(WEATHER_YEARS_RANGE)
                    .suffix(tr!("years-suffix")),
            )
            .on_hover_text(tr!("years-count-help"));
            if let Some((done, total)) = self.progress() {
                let cancelling = self.job.as_ref().is_some_and(Worker::is_cancelled);
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                        .desired_width(220.0)
                        // Not animated: an animated bar repaints the window every frame, which on a
                        // software renderer took a core from the worker (a front ran in 3.0 s against
                        // 1.6 s); the bar moves with the job's progress, redrawn ten times a second.
                        .text(tr!(
                            "years-progress",
                            year = (done + 1).min(total).to_string(),
                            total = total.to_string()
                        )),
                );
                let label = if cancelling {
                    tr!("job-cancelling")
                } else {
                    tr!("job-cancel")
                };
                if ui
                    .add_enabled(!cancelling, egui::Button::new(label))
                    .on_hover_text(tr!("years-cancel-help"))
                    .clicked()
                {
                    self.cancel();
                }
            } else {
                let label = if self.run.is_some() && !current {
                    tr!("job-run-again")
                } else {
                    tr!("job-run")
                };
                let button = ui
                    .add_enabled(valid, egui::Button::new(label))
                    .on_disabled_hover_text(tr!("job-fix-first"));
                if button.clicked() {
                    self.start(scenario.clone(), base.to_path_buf(), *n_years);
                }
            }
        });
        if let Some(m) = &self.message {
            ui.colored_label(palette.warn, m);
        }
        let Some(run) = &self.run else {
            ui.weak(tr!("years-hint"));
            return;
        };
        ui.scope(|ui| {
            if !current {
                ui.colored_label(palette.warn, tr!("years-stale"));
                ui.multiply_opacity(0.45);
            }
            ui.label(tr!(
                "years-summary",
                years = run.years.len().to_string(),
                seconds = dakhla_i18n::number(run.seconds, 1)
            ));
            chart_widget::weather_years(ui, palette, &run.years, &run.dist, 300.0);
            years_table(ui, &run.dist);
        });
    }
}

/// The KPIs the weather-years table shows (their label, unit and scale come from the KPI
/// registry).
const YEARS_TABLE_KPIS: [&str; 4] = [
    "renewable_fraction",
    "cfe_score",
    "loss_of_load_hours",
    "backup_energy_mwh",
];

/// P50 / P90 / worst of the KPIs that depend on the weather, with units.
fn years_table(ui: &mut egui::Ui, dist: &BTreeMap<String, Spread>) {
    egui::Grid::new("weather-years-table")
        .num_columns(5)
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for h in [
                String::new(),
                tr!("years-col-unit"),
                "P50".to_owned(),
                "P90".to_owned(),
                tr!("years-col-worst"),
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for spec in YEARS_TABLE_KPIS.iter().filter_map(|k| kpi_registry::kpi(k)) {
                ui.label(spec.label_text());
                ui.label(spec.unit);
                match dist.get(spec.key) {
                    Some(s) => {
                        for v in [s.p50, s.p90, s.worst] {
                            ui.label(if v.is_finite() {
                                kpi_registry::number_text(v * spec.scale, spec.decimals)
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
