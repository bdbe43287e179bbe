//! Panel: least-cost sizing. Which capacities the optimizer may change and within which
//! bounds, the target it must meet (edited in Targets), the Pareto front's range; then the runs:
//! one optimization at the scenario's target, or the Pareto front of cost against the
//! carbon-free share, each on a named worker thread (`dakhla-opt`) with a progress bar, the best
//! mix so far and Cancel. A finished optimum can be applied to the scenario, and any point of the
//! front loaded into it (from the chart or the table), each as one undoable edit.
//!
//! The settings are part of the scenario (`optimizer`), so editing them goes through the same
//! undoable edit path as every other field ([`settings`]); the runs and their results are state
//! of the app ([`OptimizePanel`]).

use super::{PanelContext, PanelKind};
use crate::gui::chart_widget;
use crate::gui::widgets::{self as w, ListOp};
use crate::gui::worker::{Handle, Poll, Worker};
use crate::optimize::study::{ParetoPoint, pareto, scenario_pareto_targets};
use crate::optimize::{
    Control, Evaluation, Mix, Problem, Progress, SearchOptions, TargetKind, apply_mix_with,
    capacities_of, optimize_scenario,
};
use crate::scenario::{Scenario, SensitivityCase, Sizing, Targets, fields};
use crate::sim::kpis::Kpis;
use crate::sim::{Engine, SizingProfiles};
use std::path::{Path, PathBuf};
use std::time::Instant;

// ---------------------------------------------------------------------------------------------
// Settings (part of the scenario)

/// How a variable may be sized, without the bounds (for the combo box).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Free,
    Fixed,
    Between,
}

/// The modes with the field registry's words for a sizing at `path`.
fn modes(path: &str) -> [(Mode, &'static str); 3] {
    let word = |name: &'static str| fields::choice_word(path, name);
    [
        (Mode::Free, word("Free")),
        (Mode::Fixed, word("Fixed")),
        (Mode::Between, word("Between")),
    ]
}

/// A round upper bound at or above `v` (two significant digits), at least 10.
fn round_up(v: f64) -> f64 {
    if !v.is_finite() || v <= 10.0 {
        return 10.0;
    }
    let mag = 10f64.powf(v.log10().floor() - 1.0);
    (v / mag).ceil() * mag
}

pub use crate::optimize::target_of;

/// The target in words.
fn target_text(t: &Targets) -> String {
    let share = match target_of(t) {
        Some((kind, v)) => format!("{} at least {}", kind.share_name(), crate::text::percent(v)),
        None => "no share target set: the cheapest mix that serves the load".to_owned(),
    };
    let unmet = match t.max_unmet_energy_mwh {
        Some(v) if v > 0.0 => format!("at most {v:.1} MWh unserved per year"),
        _ => "no unserved energy".to_owned(),
    };
    format!("{share}; {unmet}")
}

/// Edit the optimizer settings of the draft scenario (what the optimizer may change, the
/// solar land limit and the Pareto front's range) and show the target.
pub fn settings(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) -> Option<Action> {
    let mut action = None;
    w::note(
        ui,
        "Finds the cheapest mix (annualized capital, fixed O&M and fuel) that meets the target, \
         by an hourly dispatch of every candidate mix.",
        ctx,
    );
    w::section(ui, "Target");
    ui.horizontal_wrapped(|ui| {
        ui.label(target_text(&s.targets));
        if ui
            .link("Edit in Targets")
            .on_hover_text("The target is the scenario's own, set in the Targets panel.")
            .clicked()
        {
            action = Some(Action::ShowPanel(PanelKind::Targets));
        }
    });
    if s.targets.has_reliability_target() {
        // Said, never silently ignored: the window's run sizes for perfect machines.
        w::status(
            ui,
            "The LOLE / EUE targets are not sized here: this run sizes for perfect machines. \
             `dakhla-planner optimize FILE` adds backup units and battery blocks until they hold \
             under failures (and --reliability-front writes the cost-against-LOLE front); the \
             Reliability panel's run checks a design.",
            false,
            ctx,
        );
    }

    w::section(ui, "What the optimizer may change");
    let now = capacities_of(s);
    w::note(
        ui,
        &format!(
            "Scenario now: solar {:.0} MWdc, wind {:.0} MW, battery {:.0} MWh / {:.0} MW, \
             backup {:.0} MW.",
            now.solar_mwdc,
            now.wind_mw,
            now.battery_energy_mwh,
            now.battery_power_mw,
            now.backup_mw
        ),
        ctx,
    );
    let peak = ctx.results.map(|r| r.kpis.peak_facility_mw);
    for (v, current) in now.entries() {
        let path = format!("optimizer.{}", v.key);
        let sizing = (v.sizing_mut)(&mut s.optimizer);
        let mut mode = match sizing {
            Sizing::Free => Mode::Free,
            Sizing::Fixed => Mode::Fixed,
            Sizing::Between { .. } => Mode::Between,
        };
        let before = mode;
        let unit = v.unit;
        let help = format!(
            "{} Fixed: keep the scenario's {current:.0} {unit}. Between: any value in the bounds \
             below.",
            fields::spec(&path).map_or("", |f| f.help),
        );
        w::enum_choice_explained(ui, &mut mode, &modes(&path), &help, &path, ctx);
        if mode != before {
            *sizing = match mode {
                Mode::Free => Sizing::Free,
                Mode::Fixed => Sizing::Fixed,
                Mode::Between => {
                    let auto = v
                        .free_peak_factor
                        .zip(peak)
                        .map_or(2.0 * current, |(f, p)| f * p);
                    Sizing::Between {
                        min: 0.0,
                        max: round_up(auto.max(current)),
                    }
                }
            };
        }
        if let Sizing::Between { min, max } = sizing {
            ui.indent(&path, |ui| {
                w::number(ui, min, &format!("{path}.min"), ctx);
                w::number(ui, max, &format!("{path}.max"), ctx);
            });
        }
    }
    let land_now: f64 = s
        .solar_plants
        .iter()
        .map(|p| p.capacity_mwdc * p.land_use_ha_per_mwdc)
        .sum();
    w::optional_number(
        ui,
        &mut s.optimizer.max_solar_land_ha,
        round_up(land_now),
        "optimizer.max_solar_land_ha",
        ctx,
    );

    w::section(ui, "Pareto front range");
    w::note(
        ui,
        "The least cost of each target from the lowest to the highest share, spaced so that the \
         costly last percents get most points. The share is the target's (renewable fraction, \
         or CFE when that is the target).",
        ctx,
    );
    let o = &mut s.optimizer;
    w::number(ui, &mut o.pareto_from, "optimizer.pareto_from", ctx);
    w::number(ui, &mut o.pareto_to, "optimizer.pareto_to", ctx);
    w::integer(ui, &mut o.pareto_points, "optimizer.pareto_points", ctx);

    // Closed at first: the cost cases matter to studies (`optimize --shard`), not to the runs
    // below.
    let title = format!("Cost cases of a study ({})", o.sensitivities.len());
    let open = w::recording().then_some(true);
    egui::CollapsingHeader::new(title)
        .id_salt("cost_cases")
        .open(open)
        .show(ui, |ui| cost_cases(ui, &mut o.sensitivities, ctx));
    action
}

const CASES: &str = "optimizer.sensitivities";

/// The cost cases a study (`optimize --shard`) runs besides the base case, as a list.
fn cost_cases(ui: &mut egui::Ui, cases: &mut Vec<SensitivityCase>, ctx: &PanelContext) {
    w::note(ui, fields::spec(CASES).map_or("", |f| f.help), ctx);
    w::issue_line(ui, CASES, ctx);
    let len = cases.len();
    let mut op: Option<ListOp> = None;
    for (i, case) in cases.iter_mut().enumerate() {
        let path = format!("{CASES}[{i}]");
        let title = if case.name.trim().is_empty() {
            "(unnamed)".to_owned()
        } else {
            case.name.clone()
        };
        w::item(ui, &path, &title, ctx, |ui| {
            let f = |field: &str| format!("{path}.{field}");
            w::text(ui, &mut case.name, &f("name"), ctx);
            w::number(
                ui,
                &mut case.solar_capex_factor,
                &f("solar_capex_factor"),
                ctx,
            );
            w::number(
                ui,
                &mut case.wind_capex_factor,
                &f("wind_capex_factor"),
                ctx,
            );
            w::number(
                ui,
                &mut case.battery_capex_factor,
                &f("battery_capex_factor"),
                ctx,
            );
            w::number(
                ui,
                &mut case.backup_fuel_factor,
                &f("backup_fuel_factor"),
                ctx,
            );
            w::item_buttons(ui, i, len, true, &mut op);
        });
    }
    w::apply_list_op(ui, cases, CASES, op, |c, all| SensitivityCase {
        name: w::unique_name(
            &format!("{} (copy)", c.name),
            all.iter().map(|c| c.name.as_str()),
        ),
        ..c.clone()
    });
    if cases.is_empty() {
        w::note(
            ui,
            "No cost cases: a study runs the scenario's costs only.",
            ctx,
        );
    }
    if ui
        .button("Add cost case")
        .on_hover_text("Add a case with every multiplier 1 (the scenario's costs); then change one")
        .clicked()
    {
        let name = w::unique_name("cheaper solar", cases.iter().map(|c| c.name.as_str()));
        w::push_item(
            ui,
            cases,
            CASES,
            SensitivityCase {
                name,
                ..SensitivityCase::default()
            },
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Runs

/// What the panel asks the app to do (applied after the frame).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Load a result's mix into the scenario (one undoable edit).
    Apply(Pick),
    /// Switch the side bar to another panel.
    ShowPanel(PanelKind),
}

/// Which result's mix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pick {
    /// The last single optimization.
    Optimum,
    /// Point `k` of the last Pareto front.
    Pareto(usize),
}

/// The inputs of a finished run and what the optimizer needs to turn its mixes back into a
/// scenario.
#[derive(Clone, Debug)]
pub struct Run<T> {
    /// The scenario the run was computed for.
    pub scenario: Scenario,
    pub base_dir: PathBuf,
    pub problem: Problem,
    pub profiles: SizingProfiles,
    pub data: T,
    /// Scenarios made from this run's mixes while its inputs were current: the document
    /// holding one of them is still "these inputs" (only the capacities moved).
    applied: Vec<(Pick, Scenario)>,
}

impl<T> Run<T> {
    fn new(
        scenario: Scenario,
        base_dir: PathBuf,
        problem: Problem,
        profiles: SizingProfiles,
        data: T,
    ) -> Self {
        Self {
            scenario,
            base_dir,
            problem,
            profiles,
            data,
            applied: Vec::new(),
        }
    }

    /// Were the results computed for these inputs (the scenario itself, or it with one of this
    /// run's mixes loaded)?
    pub fn is_current(&self, scenario: &Scenario, base: &Path) -> bool {
        self.base_dir == base
            && (&self.scenario == scenario || self.applied.iter().any(|(_, s)| s == scenario))
    }

    /// The pick whose mix the scenario holds.
    pub fn loaded(&self, scenario: &Scenario) -> Option<Pick> {
        self.applied
            .iter()
            .find(|(_, s)| s == scenario)
            .map(|(p, _)| *p)
    }
}

/// One optimization at the scenario's target, checked by the full simulation.
#[derive(Clone, Debug)]
pub struct Optimum {
    /// The answer of the search (cost and shares of its dispatch).
    pub best: Evaluation,
    /// Capacities as built (wind in whole turbines).
    pub capacities: Mix,
    /// Turbines per wind farm as built.
    pub turbines: Vec<u32>,
    /// KPIs of the full simulation of the built mix.
    pub kpis: Kpis,
    pub evaluations: u64,
    /// Wall time of the search [s].
    pub wall_s: f64,
    /// Stopped by Cancel: the best mix found so far, not the optimum.
    pub cancelled: bool,
}

/// A Pareto front, maybe cut short by Cancel.
#[derive(Clone, Debug)]
pub struct Front {
    pub points: Vec<ParetoPoint>,
    /// Targets asked for.
    pub total: usize,
    /// Wall time of the whole front [s].
    pub wall_s: f64,
}

/// What a job computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    Optimize,
    Pareto,
}

/// What the worker reports while it runs.
#[derive(Clone, Debug, Default)]
struct Live {
    /// Share of the current optimization done [0..1].
    fraction: f64,
    evaluations: u64,
    best: Option<Evaluation>,
    /// Finished points of a front.
    points: Vec<ParetoPoint>,
    /// True once the profiles are computed and the search runs.
    searching: bool,
}

/// A run in progress on the `dakhla-opt` worker (dropping it, as a new run or closing the tab
/// does, asks the thread to stop at its next check).
struct Job {
    kind: JobKind,
    scenario: Scenario,
    /// Targets of a front (1 for an optimization).
    total: usize,
    worker: Worker<End, Live>,
}

/// How a run ended.
enum End {
    Optimum(Box<Run<Optimum>>),
    Front(Box<Run<Front>>),
    Failed(String),
}

/// Where a running job is.
#[derive(Clone, Debug)]
pub struct JobProgress {
    pub kind: JobKind,
    /// Share of the whole run done [0..1].
    pub fraction: f64,
    pub evaluations: u64,
    pub best: Option<Evaluation>,
    /// Points of a front done, and asked for.
    pub points_done: usize,
    pub total: usize,
    pub searching: bool,
    pub seconds: f64,
    /// Points of a front found so far.
    pub points: Vec<ParetoPoint>,
    /// The share the front constrains.
    pub target: TargetKind,
}

/// The work of the `dakhla-opt` thread: profiles of `scenario` on a fresh engine, then the
/// optimization or the front.
fn work(kind: JobKind, scenario: Scenario, base: PathBuf, live: &Handle<Live>) -> End {
    let mut engine = Engine::new();
    let progress = |p: Progress| {
        live.report(|l| {
            l.fraction = p.fraction;
            l.evaluations = p.evaluations;
            l.best = Some(p.best);
            l.searching = true;
        })
    };
    let control = Control {
        cancel: live.cancel_flag(),
        progress: &progress,
    };
    let options = SearchOptions::default();
    match kind {
        JobKind::Optimize => {
            match optimize_scenario(&mut engine, &scenario, &base, &options, &control) {
                Ok(o) => {
                    let optimum = Optimum {
                        best: o.outcome.best,
                        capacities: capacities_of(&o.scenario),
                        turbines: o
                            .scenario
                            .wind_farms
                            .iter()
                            .map(|f| f.turbine_count)
                            .collect(),
                        kpis: o.results.kpis,
                        evaluations: o.outcome.evaluations,
                        wall_s: o.wall_s,
                        cancelled: o.outcome.cancelled,
                    };
                    End::Optimum(Box::new(Run::new(
                        scenario, base, o.problem, o.profiles, optimum,
                    )))
                }
                Err(e) => End::Failed(e.to_string()),
            }
        }
        JobKind::Pareto => {
            let prepared = engine
                .sizing_profiles(&scenario, &base)
                .map_err(|e| e.to_string())
                .and_then(|p| {
                    Problem::from_scenario(&scenario, &p)
                        .map(|problem| (p, problem))
                        .map_err(|e| e.to_string())
                });
            let (profiles, problem) = match prepared {
                Ok(x) => x,
                Err(e) => return End::Failed(e),
            };
            live.report(|l| l.searching = true);
            let targets = scenario_pareto_targets(&scenario.optimizer);
            let t0 = Instant::now();
            let points = pareto(&problem, &targets, &options, &control, |_, p| {
                live.report(|l| {
                    l.points.push(p.clone());
                    l.fraction = 0.0;
                })
            });
            let front = Front {
                points,
                total: targets.len(),
                wall_s: t0.elapsed().as_secs_f64(),
            };
            End::Front(Box::new(Run::new(scenario, base, problem, profiles, front)))
        }
    }
}

/// What applying a pick changes (pick, keep-other-backup option, scenario, the changes).
type ChangesFor = (Pick, bool, Scenario, Vec<String>);

/// The Optimize panel's runs: the last optimum, the last front, and the run in progress.
#[derive(Default)]
pub struct OptimizePanel {
    /// The last finished optimization (kept when a later one fails).
    pub optimum: Option<Run<Optimum>>,
    /// The last Pareto front (kept when a later one fails or is cancelled before its first
    /// point).
    pub front: Option<Run<Front>>,
    job: Option<Job>,
    /// Why the last run did not finish (cancelled, failed), until the next one starts.
    pub message: Option<String>,
    /// Applying a mix keeps the backup units other than the first in merit order (else they
    /// are set to zero and the first takes the mix's backup). A cell: the result views that
    /// offer it draw from `&self`.
    pub keep_other_backup: std::cell::Cell<bool>,
    /// What applying would change, for the pick, the option and the scenario it was worked out
    /// for: the list is drawn every frame, the comparison of two scenarios' fields is not.
    /// Emptied when a run ends.
    changes_cache: std::cell::RefCell<Option<ChangesFor>>,
}

impl OptimizePanel {
    /// Start a run of `kind` on `scenario` on the `dakhla-opt` thread. False when a run is
    /// already going or the thread cannot start.
    pub fn start(&mut self, kind: JobKind, scenario: Scenario, base: PathBuf) -> bool {
        if self.job.is_some() {
            return false;
        }
        let total = match kind {
            JobKind::Optimize => 1,
            JobKind::Pareto => scenario_pareto_targets(&scenario.optimizer).len(),
        };
        let s = scenario.clone();
        match Worker::spawn("dakhla-opt", move |live| work(kind, s, base, live)) {
            Ok(worker) => {
                self.message = None;
                self.job = Some(Job {
                    kind,
                    scenario,
                    total,
                    worker,
                });
                true
            }
            Err(e) => {
                self.message = Some(e);
                false
            }
        }
    }

    /// Ask the run in progress to stop (it keeps the best mix or the points found so far).
    pub fn cancel(&self) {
        if let Some(j) = &self.job {
            j.worker.cancel();
        }
    }

    /// Where the run in progress is (None when idle).
    pub fn progress(&self) -> Option<JobProgress> {
        let j = self.job.as_ref()?;
        j.worker.progress(|l| {
            let done = l.points.len();
            let fraction = match j.kind {
                JobKind::Optimize => l.fraction,
                JobKind::Pareto => (done as f64 + l.fraction.min(0.999)) / j.total.max(1) as f64,
            };
            Some(JobProgress {
                kind: j.kind,
                fraction: fraction.clamp(0.0, 1.0),
                evaluations: l.evaluations,
                best: l.best,
                points_done: done,
                total: j.total,
                searching: l.searching,
                seconds: j.worker.elapsed().as_secs_f64(),
                points: l.points.clone(),
                target: target_of(&j.scenario.targets)
                    .map_or(TargetKind::RenewableFraction, |t| t.0),
            })
        })
    }

    /// Collect a finished run. True while one runs.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else {
            return false;
        };
        let end = match job.worker.poll() {
            Poll::Running => return true,
            Poll::Done(end) => end,
            Poll::Lost(e) => End::Failed(e),
        };
        self.job = None;
        match end {
            End::Optimum(run) => {
                if run.data.cancelled {
                    self.message = Some(
                        "Cancelled: below is the best mix found so far, not the optimum.".into(),
                    );
                }
                self.optimum = Some(*run);
                self.changes_cache.take();
            }
            End::Front(run) => {
                let (done, total) = (run.data.points.len(), run.data.total);
                if done < total {
                    self.message = Some(format!("Cancelled after {done} of {total} points."));
                }
                if done > 0 {
                    self.front = Some(*run);
                    self.changes_cache.take();
                }
            }
            End::Failed(e) => self.message = Some(format!("The optimization failed: {e}")),
        }
        false
    }

    /// The scenario `doc` with the mix of `pick` loaded (None when there is no such result).
    /// Only capacities change, so every result that was current for `doc` stays current for
    /// the new scenario.
    pub fn scenario_for(&mut self, pick: Pick, doc: &Scenario, base: &Path) -> Option<Scenario> {
        let out = self.preview(pick, doc)?;
        fn remember<T>(
            run: Option<&mut Run<T>>,
            pick: Pick,
            out: &Scenario,
            doc: &Scenario,
            base: &Path,
        ) {
            if let Some(run) = run
                && run.is_current(doc, base)
            {
                run.applied.retain(|(p, _)| *p != pick);
                run.applied.push((pick, out.clone()));
            }
        }
        remember(self.optimum.as_mut(), pick, &out, doc, base);
        remember(self.front.as_mut(), pick, &out, doc, base);
        Some(out)
    }

    /// The whole panel: settings (edits the draft `s`), then the runs and their results.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        s: &mut Scenario,
        ctx: &PanelContext,
    ) -> Option<Action> {
        let mut action = settings(ui, s, ctx);
        ui.separator();
        if let Some(a) = self.runs_ui(ui, s, ctx) {
            action = Some(a);
        }
        action
    }

    /// Buttons, progress and the results.
    fn runs_ui(&mut self, ui: &mut egui::Ui, s: &Scenario, ctx: &PanelContext) -> Option<Action> {
        let mut action = None;
        let valid = ctx.issues.is_empty();
        w::section(ui, "Run");
        match self.progress() {
            Some(p) => self.progress_ui(ui, &p, s, ctx),
            None => {
                ui.horizontal(|ui| {
                    let n = scenario_pareto_targets(&s.optimizer).len();
                    if ui
                        .add_enabled(valid, egui::Button::new("Optimize"))
                        .on_hover_text(
                            "Find the least-cost mix that meets the target (a few seconds).",
                        )
                        .on_disabled_hover_text("Fix the flagged values first.")
                        .clicked()
                    {
                        self.start(JobKind::Optimize, s.clone(), ctx.base_dir.to_path_buf());
                    }
                    if ui
                        .add_enabled(valid, egui::Button::new("Pareto front"))
                        .on_hover_text(format!(
                            "Optimize at {n} targets from {} to {} (a few seconds each).",
                            crate::text::percent(s.optimizer.pareto_from),
                            crate::text::percent(s.optimizer.pareto_to)
                        ))
                        .on_disabled_hover_text("Fix the flagged values first.")
                        .clicked()
                    {
                        self.start(JobKind::Pareto, s.clone(), ctx.base_dir.to_path_buf());
                    }
                });
            }
        }
        if let Some(m) = &self.message {
            ui.colored_label(ctx.palette.warn, m);
        }
        if let Some(a) = self.optimum_ui(ui, s, ctx) {
            action = Some(a);
        }
        if let Some(a) = self.front_ui(ui, s, ctx) {
            action = Some(a);
        }
        if self.optimum.is_none() && self.front.is_none() && self.job.is_none() {
            w::note(
                ui,
                "Optimize finds the cheapest mix at the scenario's target; Pareto front shows how \
                 the cost rises with the share. Either result can be loaded into the scenario \
                 (Ctrl+Z undoes it).",
                ctx,
            );
        }
        action
    }

    fn progress_ui(&self, ui: &mut egui::Ui, p: &JobProgress, s: &Scenario, ctx: &PanelContext) {
        let cancelling = self.job.as_ref().is_some_and(|j| j.worker.is_cancelled());
        ui.horizontal(|ui| {
            let text = if !p.searching {
                "computing weather and profiles...".to_owned()
            } else {
                match p.kind {
                    JobKind::Optimize => format!("{} mixes tried", p.evaluations),
                    JobKind::Pareto => {
                        format!("point {} of {}", (p.points_done + 1).min(p.total), p.total)
                    }
                }
            };
            ui.add(
                egui::ProgressBar::new(p.fraction as f32)
                    .desired_width(ui.available_width() - 90.0)
                    .animate(true)
                    .text(text),
            );
            let label = if cancelling {
                "Cancelling..."
            } else {
                "Cancel"
            };
            if ui
                .add_enabled(!cancelling, egui::Button::new(label))
                .on_hover_text("Stop; keeps the best mix (or the points) found so far.")
                .clicked()
            {
                self.cancel();
            }
        });
        if let Some(j) = &self.job
            && &j.scenario != s
        {
            ui.colored_label(
                ctx.palette.warn,
                "Running on an earlier version of the inputs.",
            );
        }
        if let Some(b) = &p.best {
            let meets = if b.feasible() {
                "meets the target"
            } else {
                "does not meet the target yet"
            };
            let what = match p.kind {
                JobKind::Optimize => "Best so far",
                JobKind::Pareto => "Best so far at this target",
            };
            ui.add(
                egui::Label::new(format!(
                    "{what}: {:.1} M USD/yr, RF {}, CFE {} ({meets})",
                    b.annualized_cost_usd / 1e6,
                    crate::text::percent(b.renewable_fraction),
                    crate::text::percent(b.cfe_score)
                ))
                .wrap(),
            )
            .on_hover_text(
                "The cheapest mix found so far that meets the target (or the closest to it).",
            );
            ui.add(egui::Label::new(mix_text(&b.mix)).wrap())
                .on_hover_text(
                    "Capacities of the best mix so far (wind not yet rounded to whole turbines).",
                );
        }
        if p.kind == JobKind::Pareto && !p.points.is_empty() {
            // The points found so far; they can be loaded once the front is done.
            chart_widget::pareto(ui, ctx.palette, &p.points, p.target, None, None, 300.0);
        }
        ui.weak(format!("{:.1} s elapsed", p.seconds));
    }

    /// The last optimum, with Apply.
    /// `doc` as applying the mix of `pick` would make it (nothing is changed).
    pub fn preview(&self, pick: Pick, doc: &Scenario) -> Option<Scenario> {
        let keep = self.keep_other_backup.get();
        Some(match pick {
            Pick::Optimum => {
                let run = self.optimum.as_ref()?;
                apply_mix_with(doc, &run.problem, &run.profiles, &run.data.best.mix, keep)
            }
            Pick::Pareto(k) => {
                let run = self.front.as_ref()?;
                let mix = run.data.points.get(k)?.mix;
                apply_mix_with(doc, &run.problem, &run.profiles, &mix, keep)
            }
        })
    }

    /// What applying `pick` would change, a line per field, and the option to keep the other
    /// backup units.
    fn apply_changes_ui(&self, ui: &mut egui::Ui, pick: Pick, s: &Scenario, ctx: &PanelContext) {
        if s.backup.len() > 1 {
            let mut keep = self.keep_other_backup.get();
            if ui
                .checkbox(&mut keep, "Keep the other backup units")
                .on_hover_text(
                    "Leave every backup unit but the first in merit order as it is; the first \
                     takes the rest of the mix's backup capacity. Otherwise the first takes it \
                     all and the others are set to 0 MW.",
                )
                .changed()
            {
                self.keep_other_backup.set(keep);
            }
        }
        let keep = self.keep_other_backup.get();
        let cached = self
            .changes_cache
            .borrow()
            .as_ref()
            .filter(|(p, k, sc, _)| *p == pick && *k == keep && sc == s)
            .map(|c| c.3.clone());
        let changes = match cached {
            Some(c) => c,
            None => {
                let Some(after) = self.preview(pick, s) else {
                    return;
                };
                let c = fields::changes(s, &after);
                *self.changes_cache.borrow_mut() = Some((pick, keep, s.clone(), c.clone()));
                c
            }
        };
        if changes.is_empty() {
            return;
        }
        ui.label(egui::RichText::new("Applying changes:").small());
        for c in &changes {
            ui.label(
                egui::RichText::new(format!("  {c}"))
                    .small()
                    .color(ctx.palette.muted),
            );
        }
    }

    fn optimum_ui(&self, ui: &mut egui::Ui, s: &Scenario, ctx: &PanelContext) -> Option<Action> {
        let run = self.optimum.as_ref()?;
        let mut action = None;
        let current = run.is_current(s, ctx.base_dir);
        let loaded = run.loaded(s) == Some(Pick::Optimum);
        w::section(ui, "Least-cost mix");
        ui.scope(|ui| {
            if !current {
                ui.colored_label(
                    ctx.palette.warn,
                    "Computed for an earlier version of the inputs; Optimize again to update.",
                );
                ui.multiply_opacity(0.6);
            }
            let o = &run.data;
            let c = &o.capacities;
            let k = &o.kpis;
            let (kind, target) = (run.problem.target, run.problem.target_value);
            if o.best.feasible() {
                w::status(
                    ui,
                    format!(
                        "Meets the target ({} at least {}).",
                        kind.share_name(),
                        crate::text::percent(target)
                    ),
                    true,
                    ctx,
                );
            } else {
                w::status(
                    ui,
                    format!(
                        "Cannot meet the target ({} at least {}) within the bounds; this is the \
                         closest mix.",
                        kind.share_name(),
                        crate::text::percent(target)
                    ),
                    false,
                    ctx,
                );
            }
            let turbines: u32 = o.turbines.iter().sum();
            w::readout(
                ui,
                "Solar DC built",
                format!("{:.0} MWdc", c.solar_mwdc),
                "All plants together.",
            );
            w::readout(
                ui,
                "Wind built",
                format!("{:.0} MW ({turbines} turbines)", c.wind_mw),
                "All farms together, in whole turbines.",
            );
            let hours = if c.battery_power_mw > 0.0 {
                format!(", {:.1} h", c.battery_energy_mwh / c.battery_power_mw)
            } else {
                String::new()
            };
            w::readout(
                ui,
                "Battery built",
                format!(
                    "{:.0} MWh / {:.0} MW{hours}",
                    c.battery_energy_mwh, c.battery_power_mw
                ),
                "Energy / power, and the hours at full power.",
            );
            w::readout(
                ui,
                "Backup built",
                format!("{:.0} MW", c.backup_mw),
                "Built as the unit that runs first in merit order.",
            );
            w::readout(
                ui,
                "Annualized cost",
                format!("{:.1} M USD/yr", k.annualized_cost_usd / 1e6),
                "Capital recovery, fixed O&M and fuel of the built mix per year, from the full \
                 simulation.",
            );
            if let Some(l) = k.lcoe_usd_per_mwh {
                w::readout(
                    ui,
                    "LCOE",
                    format!("{l:.1} USD/MWh"),
                    "Annualized cost over the facility energy.",
                );
            }
            w::readout(
                ui,
                "Renewable fraction",
                crate::text::percent(k.renewable_fraction),
                "From the full simulation of the built mix.",
            );
            w::readout(
                ui,
                "CFE score",
                crate::text::percent(k.cfe_score),
                "From the full simulation of the built mix.",
            );
            w::readout(
                ui,
                "Search",
                format!("{} mixes in {:.1} s", o.evaluations, o.wall_s),
                "Hourly dispatches the search ran, and its wall time.",
            );
            ui.horizontal(|ui| {
                let label = if loaded { "Applied" } else { "Apply this mix" };
                if ui
                    .add_enabled(!loaded, egui::Button::new(label))
                    .on_hover_text(
                        "Set the scenario's capacities to this mix (one edit: Ctrl+Z undoes it).",
                    )
                    .on_disabled_hover_text("The scenario holds this mix.")
                    .clicked()
                {
                    action = Some(Action::Apply(Pick::Optimum));
                }
            });
            if !loaded {
                self.apply_changes_ui(ui, Pick::Optimum, s, ctx);
            }
        });
        action
    }

    /// The last front: chart and table; a click on a point or a row's Load loads its mix.
    fn front_ui(&self, ui: &mut egui::Ui, s: &Scenario, ctx: &PanelContext) -> Option<Action> {
        let run = self.front.as_ref()?;
        let mut action = None;
        let current = run.is_current(s, ctx.base_dir);
        let loaded = match run.loaded(s) {
            Some(Pick::Pareto(k)) => Some(k),
            _ => None,
        };
        let kind = run.problem.target;
        w::section(ui, "Pareto front found");
        ui.scope(|ui| {
            if !current {
                ui.colored_label(
                    ctx.palette.warn,
                    "Computed for an earlier version of the inputs; run the front again to \
                     update.",
                );
                ui.multiply_opacity(0.6);
            }
            let f = &run.data;
            ui.weak(format!(
                "{} of {} targets in {:.1} s. Click a point (or Load in the table) to load its \
                 mix into the scenario.",
                f.points.len(),
                f.total,
                f.wall_s
            ));
            let now = ctx.results.filter(|_| current).map(|r| {
                let share = match kind {
                    TargetKind::RenewableFraction => r.kpis.renewable_fraction,
                    TargetKind::Cfe => r.kpis.cfe_score,
                };
                (share, r.kpis.annualized_cost_usd)
            });
            let pick = chart_widget::pareto(ui, ctx.palette, &f.points, kind, now, loaded, 300.0);
            if let Some(k) = pick.clicked() {
                action = Some(Action::Apply(Pick::Pareto(k)));
            }
            if let Some(k) = front_table(ui, f, kind, loaded, ctx) {
                action = Some(Action::Apply(Pick::Pareto(k)));
            }
        });
        action
    }
}

/// "solar 1200 MWdc, wind 600 MW, battery 1600 MWh / 400 MW, backup 300 MW".
fn mix_text(m: &Mix) -> String {
    format!(
        "solar {:.0} MWdc, wind {:.0} MW, battery {:.0} MWh / {:.0} MW, backup {:.0} MW",
        m.solar_mwdc, m.wind_mw, m.battery_energy_mwh, m.battery_power_mw, m.backup_mw
    )
}

/// The points of a front, one row each with Load; returns the row whose Load was clicked.
fn front_table(
    ui: &mut egui::Ui,
    f: &Front,
    kind: TargetKind,
    loaded: Option<usize>,
    ctx: &PanelContext,
) -> Option<usize> {
    let mut clicked = None;
    egui::ScrollArea::horizontal()
        .id_salt("pareto-table")
        .show(ui, |ui| {
            egui::Grid::new("pareto-table-grid")
                .num_columns(9)
                .striped(true)
                .spacing([12.0, 3.0])
                .show(ui, |ui| {
                    for h in [
                        "",
                        "target",
                        "reached",
                        "M USD/yr",
                        "USD/MWh",
                        "solar MWdc",
                        "wind MW",
                        "battery MWh / MW",
                        "backup MW",
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for (k, p) in f.points.iter().enumerate() {
                        if loaded == Some(k) {
                            ui.colored_label(ctx.palette.good, "loaded");
                        } else if ui
                            .small_button("Load")
                            .on_hover_text(chart_widget::pareto_point_text(p, kind))
                            .clicked()
                        {
                            clicked = Some(k);
                        }
                        ui.label(crate::text::percent(p.target));
                        let reached =
                            crate::text::percent(crate::report::charts::pareto_share(p, kind));
                        if p.feasible {
                            ui.label(reached);
                        } else {
                            ui.colored_label(ctx.palette.bad, reached)
                                .on_hover_text("The bounds allow no mix that meets this target.");
                        }
                        ui.label(format!("{:.1}", p.annualized_cost_usd / 1e6));
                        ui.label(format!("{:.1}", p.lcoe_usd_per_mwh));
                        let m = &p.mix;
                        ui.label(format!("{:.0}", m.solar_mwdc));
                        ui.label(format!("{:.0}", m.wind_mw));
                        ui.label(format!(
                            "{:.0} / {:.0}",
                            m.battery_energy_mwh, m.battery_power_mw
                        ));
                        ui.label(format!("{:.0}", m.backup_mw));
                        ui.end_row();
                    }
                });
        });
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_and_bounds_read_as_the_optimizer_uses_them() {
        let mut t = Targets::default();
        assert_eq!(target_of(&t), None);
        t.min_renewable_fraction = Some(0.8);
        assert_eq!(target_of(&t), Some((TargetKind::RenewableFraction, 0.8)));
        t.min_cfe_score = Some(0.9);
        assert_eq!(target_of(&t), Some((TargetKind::Cfe, 0.9)));
        t.min_cfe_score = Some(0.5);
        assert_eq!(target_of(&t), Some((TargetKind::RenewableFraction, 0.8)));
        assert!(target_text(&t).contains("renewable fraction at least 80.0 %"));
        assert_eq!(round_up(0.0), 10.0);
        assert_eq!(round_up(1234.0), 1300.0);
        assert_eq!(round_up(f64::NAN), 10.0);
    }
}
