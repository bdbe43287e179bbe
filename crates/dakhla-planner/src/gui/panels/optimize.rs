//! Panel: least-cost sizing. Which capacities the optimizer may change and within which
//! bounds, the target it must meet (edited in Targets), the Pareto front's range; then the runs:
//! one optimization at the scenario's target, or the Pareto front of cost against the
//! carbon-free share, each on a named worker thread (`dakhla-opt`) with a progress bar, the best
//! mix so far and Cancel. A finished optimum can be applied to the scenario, and any point of the
//! front loaded into it (from the chart or the table), each as one undoable edit.
//!
//! With a reliability target (`targets.max_lole_h_per_year` / `max_eue_mwh_per_year`), Optimize
//! goes on, on the same worker, to size the least-cost mix's backup units and battery blocks to
//! it under failures (`reliability::sizing::size_optimum`, as `optimize` does on the command
//! line, with the same default draws): its progress shows each design judged, and its result
//! the sized design and the front of cost against LOLE as a chart.
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
use crate::reliability::AdequacyOptions;
use crate::reliability::sizing::{
    DEFAULT_SIZING_DRAWS, LevelReliability, ReliabilitySizing, SizingStep,
};
use crate::scenario::{Scenario, SensitivityCase, Sizing, Targets, fields};
use crate::sim::kpis::{Kpis, Money};
use crate::sim::{Engine, SizingProfiles};
use dakhla_i18n::tr;
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
fn modes(path: &str) -> [(Mode, std::borrow::Cow<'static, str>); 3] {
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

/// "renewable fraction at least 85.0 %": a share target in words.
fn share_at_least(kind: TargetKind, value: f64) -> String {
    tr!(
        "panel-optimize-share-at-least",
        share = kind.share_name(),
        value = super::percent(value)
    )
}

/// The reliability targets of `t` in words ("LOLE at most 0.1 h/yr and EUE at most 50 MWh/yr"),
/// empty when it has none.
fn reliability_wanted(t: &Targets) -> String {
    let lole = t
        .max_lole_h_per_year
        .map(|v| tr!("panel-optimize-want-lole", value = super::shortest(v)));
    let eue = t
        .max_eue_mwh_per_year
        .map(|v| tr!("panel-optimize-want-eue", value = super::shortest(v)));
    match (lole, eue) {
        (Some(l), Some(e)) => tr!("panel-optimize-both", first = l, second = e),
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => String::new(),
    }
}

/// The target in words.
fn target_text(t: &Targets) -> String {
    let share = match target_of(t) {
        Some((kind, v)) => share_at_least(kind, v),
        None => tr!("panel-optimize-no-share-target"),
    };
    let unmet = match t.max_unmet_energy_mwh {
        Some(v) if v > 0.0 => tr!(
            "panel-optimize-unmet-at-most",
            value = dakhla_i18n::number(v, 1)
        ),
        _ => tr!("panel-optimize-no-unmet"),
    };
    let reliability = reliability_wanted(t);
    if reliability.is_empty() {
        tr!("panel-optimize-target", share = share, unmet = unmet)
    } else {
        tr!(
            "panel-optimize-target-reliability",
            share = share,
            unmet = unmet,
            reliability = reliability,
            percentile = dakhla_i18n::number(100.0 * t.reliability_percentile, 0)
        )
    }
}

/// Edit the optimizer settings of the draft scenario (what the optimizer may change, the
/// solar land limit and the Pareto front's range) and show the target.
pub fn settings(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) -> Option<Action> {
    let mut action = None;
    w::note(ui, &tr!("panel-optimize-note"), ctx);
    w::section(ui, &dakhla_i18n::tr!("section-target"));
    ui.horizontal_wrapped(|ui| {
        ui.label(target_text(&s.targets));
        if ui
            .link(tr!("panel-optimize-edit-targets"))
            .on_hover_text(tr!("panel-optimize-edit-targets.tooltip"))
            .clicked()
        {
            action = Some(Action::ShowPanel(PanelKind::Targets));
        }
    });
    if s.targets.has_reliability_target() {
        w::note(ui, &tr!("panel-optimize-reliability-note"), ctx);
    }

    w::section(
        ui,
        &dakhla_i18n::tr!("section-what-the-optimizer-may-change"),
    );
    let now = capacities_of(s);
    w::note(
        ui,
        &tr!("panel-optimize-scenario-now", mix = mix_text(&now)),
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
        let help = tr!(
            "panel-optimize-sizing-help",
            help = fields::spec(&path).map_or(std::borrow::Cow::Borrowed(""), |f| f.help_text()),
            current = dakhla_i18n::number(current, 0),
            unit = unit
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

    w::section(ui, &dakhla_i18n::tr!("section-pareto-front-range"));
    w::note(ui, &tr!("panel-optimize-pareto-note"), ctx);
    let o = &mut s.optimizer;
    w::number(ui, &mut o.pareto_from, "optimizer.pareto_from", ctx);
    w::number(ui, &mut o.pareto_to, "optimizer.pareto_to", ctx);
    w::integer(ui, &mut o.pareto_points, "optimizer.pareto_points", ctx);

    // Closed at first: the cost cases matter to studies (`optimize --shard`), not to the runs
    // below.
    let title = tr!("panel-optimize-cost-cases", count = o.sensitivities.len());
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
    w::note(
        ui,
        &fields::spec(CASES).map_or(std::borrow::Cow::Borrowed(""), |f| f.help_text()),
        ctx,
    );
    w::issue_line(ui, CASES, ctx);
    let len = cases.len();
    let mut op: Option<ListOp> = None;
    for (i, case) in cases.iter_mut().enumerate() {
        let path = format!("{CASES}[{i}]");
        let title = if case.name.trim().is_empty() {
            tr!("panel-unnamed")
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
            w::optional_number(
                ui,
                &mut case.flexible_share_frac,
                0.2,
                &f("flexible_share_frac"),
                ctx,
            );
            w::item_buttons(ui, i, len, true, &mut op);
        });
    }
    w::apply_list_op(ui, cases, CASES, op, |c, all| SensitivityCase {
        name: w::unique_name(
            &tr!("panel-copy-name", name = c.name.as_str()),
            all.iter().map(|c| c.name.as_str()),
        ),
        ..c.clone()
    });
    if cases.is_empty() {
        w::note(ui, &tr!("panel-optimize-no-cost-cases"), ctx);
    }
    if ui
        .button(tr!("panel-optimize-add-cost-case"))
        .on_hover_text(tr!("panel-optimize-add-cost-case.tooltip"))
        .clicked()
    {
        let name = w::unique_name(
            &tr!("panel-optimize-new-cost-case-name"),
            cases.iter().map(|c| c.name.as_str()),
        );
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
    /// The sizing to the scenario's reliability targets, when it has one and the least-cost
    /// mix met its share target (the capacities and KPIs above are then the sized design's).
    pub sizing: Option<SizedToReliability>,
    /// Why a scenario with a reliability target was not sized (said, never silent).
    pub sizing_note: Option<String>,
}

/// The reliability sizing of an optimum and how it was judged.
#[derive(Clone, Debug)]
pub struct SizedToReliability {
    pub result: ReliabilitySizing,
    pub options: AdequacyOptions,
    /// Wall time of the sizing [s].
    pub wall_s: f64,
}

/// A Pareto front, maybe cut short by Cancel.
#[derive(Clone, Debug)]
pub struct Front {
    pub points: Vec<ParetoPoint>,
    /// With a reliability target: each point's mix judged under failures (as the sizing judges
    /// a design), so the front can be drawn against LOLE. Empty otherwise.
    pub reliability: Vec<LevelReliability>,
    /// Why the points were not judged under failures although the scenario has a reliability
    /// target (too many failing units, cancelled).
    pub reliability_note: Option<String>,
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
    /// Designs the reliability sizing judged so far (it runs after the search).
    sizing: Vec<SizingStep>,
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
    /// Designs the reliability sizing judged so far (empty before it starts).
    pub sizing: Vec<SizingStep>,
    /// The LOLE target the sizing works to.
    pub max_lole_h_per_year: Option<f64>,
}

/// The work of the `dakhla-opt` thread: profiles of `scenario` on a fresh engine, then the
/// optimization (sized to the reliability targets with `reliability` when the scenario has
/// one) or the front.
fn work(
    kind: JobKind,
    scenario: Scenario,
    base: PathBuf,
    reliability: AdequacyOptions,
    live: &Handle<Live>,
) -> End {
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
                Ok(mut o) => {
                    let (sizing, sizing_note) = match size_to_reliability(
                        &mut engine,
                        &mut o,
                        &scenario,
                        &base,
                        reliability,
                        live,
                    ) {
                        Ok(x) => x,
                        Err(e) => return End::Failed(e),
                    };
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
                        sizing,
                        sizing_note,
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
            let (reliability, reliability_note) = judge_points(
                &scenario,
                &base,
                &problem,
                &profiles,
                &points,
                reliability,
                live,
            );
            let front = Front {
                points,
                reliability,
                reliability_note,
                total: targets.len(),
                wall_s: t0.elapsed().as_secs_f64(),
            };
            End::Front(Box::new(Run::new(scenario, base, problem, profiles, front)))
        }
    }
}

/// With a reliability target, each point of a front judged under failures (its LOLE and EUE at
/// the target's percentile), for the front drawn against LOLE; a note when they are not.
fn judge_points(
    scenario: &Scenario,
    base: &Path,
    problem: &Problem,
    profiles: &SizingProfiles,
    points: &[ParetoPoint],
    options: AdequacyOptions,
    live: &Handle<Live>,
) -> (Vec<LevelReliability>, Option<String>) {
    use crate::reliability::study::{MAX_UNIT_YEARS, unit_years};
    if !scenario.targets.has_reliability_target() || points.is_empty() {
        return (Vec::new(), None);
    }
    let mut out = Vec::with_capacity(points.len());
    for p in points {
        if live.cancelled() {
            return (Vec::new(), Some(tr!("panel-optimize-points-cancelled")));
        }
        let design = apply_mix_with(scenario, problem, profiles, &p.mix, false);
        if unit_years(&design, &options) > MAX_UNIT_YEARS {
            return (
                Vec::new(),
                Some(tr!(
                    "panel-optimize-points-too-many",
                    draws = dakhla_i18n::number(f64::from(options.draws), 0),
                    years = options.years
                )),
            );
        }
        match crate::reliability::sizing::level_reliability(
            &design,
            base,
            &options,
            scenario.targets.reliability_percentile,
            live.cancel_flag(),
        ) {
            Ok(r) => out.push(r),
            Err(e) => {
                return (
                    Vec::new(),
                    Some(tr!("panel-optimize-points-failed", error = e.to_string())),
                );
            }
        }
    }
    (out, None)
}

/// N + k: when `scenario` has a reliability target, size the optimum `o` to it (the sized
/// design becomes the optimum), each design judged reported to `live`. None with a note when
/// there is nothing to size or the sizing would take too long.
fn size_to_reliability(
    engine: &mut Engine,
    o: &mut crate::optimize::ScenarioOptimum,
    scenario: &Scenario,
    base: &Path,
    options: AdequacyOptions,
    live: &Handle<Live>,
) -> Result<(Option<SizedToReliability>, Option<String>), String> {
    use crate::reliability::study::{MAX_UNIT_YEARS, unit_years};
    if !scenario.targets.has_reliability_target() {
        return Ok((None, None));
    }
    if o.outcome.cancelled {
        return Ok((None, Some(tr!("panel-optimize-not-sized-cancelled"))));
    }
    if !o.outcome.best.feasible() {
        return Ok((None, Some(tr!("panel-optimize-not-sized-infeasible"))));
    }
    if unit_years(scenario, &options) > MAX_UNIT_YEARS {
        return Ok((
            None,
            Some(tr!(
                "panel-optimize-not-sized-too-many",
                draws = dakhla_i18n::number(f64::from(options.draws), 0),
                years = options.years,
                units = dakhla_i18n::number(
                    crate::reliability::FailureModel::of(scenario).unit_count() as f64,
                    0
                ),
                max = dakhla_i18n::number(MAX_UNIT_YEARS as f64, 0)
            )),
        ));
    }
    let units = crate::reliability::sizing::unit_sizes_mw(scenario);
    let t0 = Instant::now();
    let result = crate::reliability::sizing::size_optimum(
        engine,
        o,
        &units,
        base,
        &options,
        live.cancel_flag(),
        |_, st| live.report(|l| l.sizing.push(st.clone())),
    )
    .map_err(|e| e.to_string())?;
    Ok((
        Some(SizedToReliability {
            result,
            options,
            wall_s: t0.elapsed().as_secs_f64(),
        }),
        None,
    ))
}

/// What applying a pick changes (pick, keep-other-backup option, scenario, the changes).
type ChangesFor = (Pick, bool, Scenario, Vec<String>);

/// The Optimize panel's runs: the last optimum, the last front, and the run in progress.
pub struct OptimizePanel {
    /// Failure draws per weather year judging each design of a reliability sizing.
    pub sizing_draws: u32,
    /// Weather years a reliability target is judged over (at `targets.reliability_percentile`).
    pub sizing_years: u32,
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
    /// Draw the front against LOLE under failures instead of the share (when its points were
    /// judged under failures). A cell: the front view draws from `&self`.
    pub front_against_lole: std::cell::Cell<bool>,
}

impl Default for OptimizePanel {
    fn default() -> Self {
        Self {
            sizing_draws: DEFAULT_SIZING_DRAWS,
            sizing_years: 1,
            optimum: None,
            front: None,
            job: None,
            message: None,
            keep_other_backup: std::cell::Cell::new(false),
            changes_cache: std::cell::RefCell::new(None),
            front_against_lole: std::cell::Cell::new(false),
        }
    }
}

/// Draws per weather year a sizing from the window may ask for (as `optimize
/// --reliability-draws`).
pub const SIZING_DRAWS_RANGE: std::ops::RangeInclusive<u32> = 10..=100_000;
/// Weather years a sizing from the window may ask for (as `optimize --reliability-years`).
pub const SIZING_YEARS_RANGE: std::ops::RangeInclusive<u32> = 1..=100;

impl OptimizePanel {
    /// How the next reliability sizing judges a design (seed 1, as the command line).
    pub fn sizing_options(&self) -> AdequacyOptions {
        AdequacyOptions {
            draws: self
                .sizing_draws
                .clamp(*SIZING_DRAWS_RANGE.start(), *SIZING_DRAWS_RANGE.end()),
            years: self
                .sizing_years
                .clamp(*SIZING_YEARS_RANGE.start(), *SIZING_YEARS_RANGE.end()),
            seed: 1,
        }
    }

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
        let reliability = self.sizing_options();
        match Worker::spawn("dakhla-opt", move |live| {
            work(kind, s, base, reliability, live)
        }) {
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
                sizing: l.sizing.clone(),
                max_lole_h_per_year: j.scenario.targets.max_lole_h_per_year,
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
                    self.message = Some(tr!("panel-optimize-cancelled"));
                } else if run.data.sizing.as_ref().is_some_and(|z| z.result.cancelled) {
                    self.message = Some(tr!("panel-optimize-sizing-cancelled"));
                }
                self.optimum = Some(*run);
                self.changes_cache.take();
            }
            End::Front(run) => {
                let (done, total) = (run.data.points.len(), run.data.total);
                if done < total {
                    self.message = Some(tr!(
                        "panel-optimize-front-cancelled",
                        done = done,
                        total = total
                    ));
                }
                if done > 0 {
                    self.front = Some(*run);
                    self.changes_cache.take();
                }
            }
            End::Failed(e) => self.message = Some(tr!("panel-optimize-failed", error = e)),
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
        w::section(ui, &dakhla_i18n::tr!("section-run"));
        if s.targets.has_reliability_target() {
            self.sizing_options_ui(ui, ctx);
        }
        match self.progress() {
            Some(p) => self.progress_ui(ui, &p, s, ctx),
            None => {
                ui.horizontal(|ui| {
                    let n = scenario_pareto_targets(&s.optimizer).len();
                    if ui
                        .add_enabled(valid, egui::Button::new(tr!("panel-optimize-run")))
                        .on_hover_text(tr!("panel-optimize-run.tooltip"))
                        .on_disabled_hover_text(tr!("panel-fix-flagged-first"))
                        .clicked()
                    {
                        self.start(JobKind::Optimize, s.clone(), ctx.base_dir.to_path_buf());
                    }
                    if ui
                        .add_enabled(valid, egui::Button::new(tr!("panel-optimize-pareto")))
                        .on_hover_text(tr!(
                            "panel-optimize-pareto.tooltip",
                            count = n,
                            from = super::percent(s.optimizer.pareto_from),
                            to = super::percent(s.optimizer.pareto_to)
                        ))
                        .on_disabled_hover_text(tr!("panel-fix-flagged-first"))
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
            w::note(ui, &tr!("panel-optimize-no-run"), ctx);
        }
        action
    }

    /// The draws and weather years judging each design of a reliability sizing (the panel's,
    /// not the scenario's: how hard to look, not what is built).
    fn sizing_options_ui(&mut self, ui: &mut egui::Ui, ctx: &PanelContext) {
        let _ = ctx;
        ui.horizontal(|ui| {
            ui.label(tr!("panel-optimize-sizing-label"));
            ui.add(
                egui::DragValue::new(&mut self.sizing_draws)
                    .range(SIZING_DRAWS_RANGE)
                    .speed(10.0)
                    .suffix(format!(" {}", tr!("panel-optimize-sizing-draws"))),
            )
            .on_hover_text(tr!("panel-optimize-sizing-draws.tooltip"));
            ui.label("x");
            ui.add(
                egui::DragValue::new(&mut self.sizing_years)
                    .range(SIZING_YEARS_RANGE)
                    .speed(0.1)
                    .suffix(format!(" {}", tr!("panel-optimize-sizing-years"))),
            )
            .on_hover_text(tr!("panel-optimize-sizing-years.tooltip"));
        });
    }

    fn progress_ui(&self, ui: &mut egui::Ui, p: &JobProgress, s: &Scenario, ctx: &PanelContext) {
        let cancelling = self.job.as_ref().is_some_and(|j| j.worker.is_cancelled());
        ui.horizontal(|ui| {
            let text = if let Some(last) = p.sizing.last() {
                tr!(
                    "panel-optimize-progress-sizing",
                    design = p.sizing.len(),
                    lole = crate::report::charts::sig3_shown(last.reliability.lole_h_per_year)
                )
            } else if !p.searching {
                tr!("panel-optimize-progress-profiles")
            } else {
                match p.kind {
                    JobKind::Optimize => tr!(
                        "panel-optimize-progress-mixes",
                        mixes = dakhla_i18n::number(p.evaluations as f64, 0)
                    ),
                    JobKind::Pareto => tr!(
                        "panel-optimize-progress-point",
                        point = (p.points_done + 1).min(p.total),
                        total = p.total
                    ),
                }
            };
            ui.add(
                egui::ProgressBar::new(p.fraction as f32)
                    .desired_width(ui.available_width() - 90.0)
                    // Not animated: an animated bar repaints the window every frame, which on a
                    // software renderer took a core from the worker (a front ran in 3.0 s against
                    // 1.6 s); the bar moves with the job's progress, redrawn ten times a second.
                    .text(text),
            );
            let label = if cancelling {
                tr!("panel-optimize-cancelling")
            } else {
                tr!("panel-cancel")
            };
            if ui
                .add_enabled(!cancelling, egui::Button::new(label))
                .on_hover_text(tr!("panel-optimize-cancel.tooltip"))
                .clicked()
            {
                self.cancel();
            }
        });
        if let Some(j) = &self.job
            && &j.scenario != s
        {
            ui.colored_label(ctx.palette.warn, tr!("panel-running-on-earlier"));
        }
        if let Some(b) = &p.best {
            // In the currency of the scenario being run.
            let money = Money::of(&self.job.as_ref().map_or(s, |j| &j.scenario).economics);
            ui.add(
                egui::Label::new(tr!(
                    "panel-optimize-best",
                    at_target = if p.kind == JobKind::Pareto {
                        "yes"
                    } else {
                        "no"
                    },
                    cost = dakhla_i18n::number(money.from_usd(b.annualized_cost_usd) / 1e6, 1),
                    currency = money.currency.code(),
                    rf = super::percent(b.renewable_fraction),
                    cfe = super::percent(b.cfe_score),
                    meets = if b.feasible() { "yes" } else { "no" }
                ))
                .wrap(),
            )
            .on_hover_text(tr!("panel-optimize-best.tooltip"));
            ui.add(egui::Label::new(mix_text(&b.mix)).wrap())
                .on_hover_text(tr!("panel-optimize-best-mix.tooltip"));
        }
        // Costs in the currency of the scenario being run.
        let job_money = Money::of(&self.job.as_ref().map_or(s, |j| &j.scenario).economics);
        if !p.sizing.is_empty() {
            // The designs judged so far, as they come.
            chart_widget::reliability_front(
                ui,
                ctx.palette,
                &p.sizing,
                p.max_lole_h_per_year,
                None,
                crate::report::charts::LOLE_FRONT_TITLE,
                &job_money,
                260.0,
            );
        }
        if p.kind == JobKind::Pareto && !p.points.is_empty() {
            // The points found so far; they can be loaded once the front is done.
            chart_widget::pareto(
                ui,
                ctx.palette,
                &p.points,
                p.target,
                None,
                None,
                &job_money,
                300.0,
            );
        }
        ui.weak(tr!(
            "panel-optimize-elapsed",
            seconds = dakhla_i18n::number(p.seconds, 1)
        ));
    }

    /// The last optimum, with Apply.
    /// `doc` as applying the mix of `pick` would make it (nothing is changed).
    pub fn preview(&self, pick: Pick, doc: &Scenario) -> Option<Scenario> {
        let keep = self.keep_other_backup.get();
        Some(match pick {
            Pick::Optimum => {
                let run = self.optimum.as_ref()?;
                match &run.data.sizing {
                    Some(z) => with_sized_units(doc, run, &z.result.scenario),
                    None => {
                        apply_mix_with(doc, &run.problem, &run.profiles, &run.data.best.mix, keep)
                    }
                }
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
        let sized = pick == Pick::Optimum
            && self
                .optimum
                .as_ref()
                .is_some_and(|r| r.data.sizing.is_some());
        // A sized design sets every backup entry's units: nothing to keep.
        if s.backup.len() > 1 && !sized {
            let mut keep = self.keep_other_backup.get();
            if ui
                .checkbox(&mut keep, tr!("panel-optimize-keep-backup"))
                .on_hover_text(tr!("panel-optimize-keep-backup.tooltip"))
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
        ui.label(egui::RichText::new(tr!("panel-optimize-applying")).small());
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
        w::section(ui, &dakhla_i18n::tr!("section-least-cost-mix"));
        ui.scope(|ui| {
            if !current {
                ui.colored_label(ctx.palette.warn, tr!("panel-optimize-optimum-stale"));
                ui.multiply_opacity(0.6);
            }
            let o = &run.data;
            let c = &o.capacities;
            let k = &o.kpis;
            // Money in the currency of the scenario it was found for.
            let money = Money::of(&run.scenario.economics);
            let code = money.currency.code();
            let (kind, target) = (run.problem.target, run.problem.target_value);
            if o.best.feasible() {
                w::status(
                    ui,
                    tr!(
                        "panel-optimize-meets",
                        target = share_at_least(kind, target)
                    ),
                    true,
                    ctx,
                );
            } else {
                w::status(
                    ui,
                    tr!(
                        "panel-optimize-cannot-meet",
                        target = share_at_least(kind, target)
                    ),
                    false,
                    ctx,
                );
            }
            let turbines: u32 = o.turbines.iter().sum();
            w::readout(
                ui,
                &tr!("panel-optimize-solar-built"),
                format!("{} MWdc", dakhla_i18n::number(c.solar_mwdc, 0)),
                &tr!("panel-optimize-solar-built.tooltip"),
            );
            w::readout(
                ui,
                &tr!("panel-optimize-wind-built"),
                tr!(
                    "panel-optimize-wind-built-value",
                    mw = dakhla_i18n::number(c.wind_mw, 0),
                    turbines = turbines
                ),
                &tr!("panel-optimize-wind-built.tooltip"),
            );
            let hours = if c.battery_power_mw > 0.0 {
                format!(
                    ", {} h",
                    dakhla_i18n::number(c.battery_energy_mwh / c.battery_power_mw, 1)
                )
            } else {
                String::new()
            };
            w::readout(
                ui,
                &tr!("panel-optimize-battery-built"),
                format!(
                    "{} MWh / {} MW{hours}",
                    dakhla_i18n::number(c.battery_energy_mwh, 0),
                    dakhla_i18n::number(c.battery_power_mw, 0)
                ),
                &tr!("panel-optimize-battery-built.tooltip"),
            );
            w::readout(
                ui,
                &tr!("panel-optimize-backup-built"),
                format!("{} MW", dakhla_i18n::number(c.backup_mw, 0)),
                &tr!("panel-optimize-backup-built.tooltip"),
            );
            w::readout(
                ui,
                &tr!("panel-optimize-annualized-cost"),
                tr!(
                    "panel-optimize-millions-per-year",
                    value = dakhla_i18n::number(money.from_usd(k.annualized_cost_usd) / 1e6, 1),
                    currency = code
                ),
                &tr!("panel-optimize-annualized-cost.tooltip"),
            );
            if let Some(l) = k.lcoe_usd_per_mwh {
                w::readout(
                    ui,
                    &tr!("panel-optimize-lcoe"),
                    format!("{} {code}/MWh", dakhla_i18n::number(money.from_usd(l), 1)),
                    &tr!("panel-optimize-lcoe.tooltip"),
                );
            }
            w::readout(
                ui,
                &tr!("panel-optimize-renewable-fraction"),
                super::percent(k.renewable_fraction),
                &tr!("panel-optimize-from-full-simulation"),
            );
            w::readout(
                ui,
                &tr!("panel-optimize-cfe-score"),
                super::percent(k.cfe_score),
                &tr!("panel-optimize-from-full-simulation"),
            );
            w::readout(
                ui,
                &tr!("panel-optimize-search"),
                tr!(
                    "panel-optimize-search-value",
                    mixes = dakhla_i18n::number(o.evaluations as f64, 0),
                    seconds = dakhla_i18n::number(o.wall_s, 1)
                ),
                &tr!("panel-optimize-search.tooltip"),
            );
            if let Some(z) = &o.sizing {
                sizing_ui(ui, z, &run.scenario, ctx);
            }
            if let Some(n) = &o.sizing_note {
                w::status(ui, n, false, ctx);
            }
            ui.horizontal(|ui| {
                let label = if loaded {
                    tr!("panel-optimize-applied")
                } else {
                    tr!("panel-optimize-apply")
                };
                if ui
                    .add_enabled(!loaded, egui::Button::new(label))
                    .on_hover_text(tr!("panel-optimize-apply.tooltip"))
                    .on_disabled_hover_text(tr!("panel-optimize-applied.tooltip"))
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
        w::section(ui, &dakhla_i18n::tr!("section-pareto-front-found"));
        ui.scope(|ui| {
            if !current {
                ui.colored_label(ctx.palette.warn, tr!("panel-optimize-front-stale"));
                ui.multiply_opacity(0.6);
            }
            let f = &run.data;
            ui.weak(tr!(
                "panel-optimize-front-found",
                done = f.points.len(),
                total = f.total,
                seconds = dakhla_i18n::number(f.wall_s, 1)
            ));
            let now = ctx.results.filter(|_| current).map(|r| {
                let share = match kind {
                    TargetKind::RenewableFraction => r.kpis.renewable_fraction,
                    TargetKind::Cfe => r.kpis.cfe_score,
                };
                (share, r.kpis.annualized_cost_usd)
            });
            let judged = !f.reliability.is_empty() && f.reliability.len() == f.points.len();
            if let Some(n) = &f.reliability_note {
                w::status(ui, n, false, ctx);
            }
            if judged {
                let mut lole = self.front_against_lole.get();
                ui.horizontal(|ui| {
                    ui.label(tr!("panel-optimize-draw-against"));
                    ui.selectable_value(&mut lole, false, kind.share_name());
                    ui.selectable_value(&mut lole, true, tr!("panel-optimize-against-lole"))
                        .on_hover_text(tr!("panel-optimize-against-lole.tooltip"));
                });
                self.front_against_lole.set(lole);
            } else if !run.scenario.targets.has_reliability_target() {
                w::note(ui, &tr!("panel-optimize-front-no-reliability"), ctx);
            }
            if judged && self.front_against_lole.get() {
                let designs = front_designs(f, kind, &run.scenario.targets);
                chart_widget::reliability_front(
                    ui,
                    ctx.palette,
                    &designs,
                    run.scenario.targets.max_lole_h_per_year,
                    loaded,
                    &tr!("panel-optimize-pareto-lole-title"),
                    &Money::of(&run.scenario.economics),
                    300.0,
                );
            } else {
                let pick = chart_widget::pareto(
                    ui,
                    ctx.palette,
                    &f.points,
                    kind,
                    now,
                    loaded,
                    &Money::of(&run.scenario.economics),
                    300.0,
                );
                if let Some(k) = pick.clicked() {
                    action = Some(Action::Apply(Pick::Pareto(k)));
                }
            }
            let money = Money::of(&run.scenario.economics);
            if let Some(k) = front_table(ui, f, kind, loaded, &money, ctx) {
                action = Some(Action::Apply(Pick::Pareto(k)));
            }
        });
        action
    }
}

/// `doc` with the design a reliability sizing settled on: the optimum's mix, then every backup
/// entry's units and the battery's energy and power as sized (entries matched by position, as
/// the sizing kept the scenario's list).
fn with_sized_units(doc: &Scenario, run: &Run<Optimum>, sized: &Scenario) -> Scenario {
    let mut out = apply_mix_with(doc, &run.problem, &run.profiles, &run.data.best.mix, false);
    if out.backup.len() == sized.backup.len() {
        for (b, z) in out.backup.iter_mut().zip(&sized.backup) {
            b.capacity_mw = z.capacity_mw;
            b.unit_count = z.unit_count;
        }
    }
    out.battery.energy_mwh = sized.battery.energy_mwh;
    out.battery.power_mw = sized.battery.power_mw;
    out
}

/// The backup entries of `s` in units: "7 x 50 MW Gas turbines, 53 x 2.5 MW Gensets".
fn units_text(s: &Scenario) -> String {
    s.backup
        .iter()
        .map(|b| {
            format!(
                "{} x {} MW {}",
                if b.capacity_mw > 0.0 { b.unit_count } else { 0 },
                super::figure(b.unit_mw()),
                b.name
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The reliability sizing of an optimum: whether the target holds, the units, the chart of
/// cost against LOLE and the path of designs.
fn sizing_ui(ui: &mut egui::Ui, z: &SizedToReliability, s: &Scenario, ctx: &PanelContext) {
    let r = &z.result;
    let t = &s.targets;
    let level = tr!(
        "panel-optimize-sizing-level",
        want = reliability_wanted(t),
        percentile = dakhla_i18n::number(t.reliability_percentile * 100.0, 0),
        years = z.options.years,
        draws = dakhla_i18n::number(f64::from(z.options.draws), 0),
        dispatch = s.simulation.dispatch.words()
    );
    w::status(
        ui,
        if r.met {
            tr!("panel-optimize-sized", level = level)
        } else if r.cancelled {
            tr!("panel-optimize-sizing-cancelled-before", level = level)
        } else {
            tr!("panel-optimize-sizing-not-met", level = level)
        },
        r.met,
        ctx,
    );
    w::readout(
        ui,
        &tr!("panel-optimize-backup-units"),
        units_text(&r.scenario),
        &tr!("panel-optimize-backup-units.tooltip"),
    );
    let l = &r.last.reliability;
    w::readout(
        ui,
        &tr!("panel-optimize-against-lole"),
        tr!(
            "panel-optimize-sized-lole",
            lole = crate::report::charts::sig3_shown(l.lole_h_per_year),
            mean = crate::report::charts::sig3_shown(l.lole_mean_h_per_year)
        ),
        &tr!("panel-optimize-sized-lole.tooltip"),
    );
    w::readout(
        ui,
        &tr!("panel-optimize-sized-eue"),
        tr!(
            "panel-optimize-sized-eue-value",
            eue = crate::report::charts::sig3_shown(l.eue_mwh_per_year)
        ),
        &tr!("panel-optimize-sized-eue.tooltip"),
    );
    w::readout(
        ui,
        &tr!("panel-optimize-sizing"),
        tr!(
            "panel-optimize-sizing-value",
            designs = r.steps.len(),
            seconds = dakhla_i18n::number(z.wall_s, 1)
        ),
        &tr!("panel-optimize-sizing.tooltip"),
    );
    let chosen = r.steps.iter().rposition(|st| st == &r.last);
    chart_widget::reliability_front(
        ui,
        ctx.palette,
        &r.steps,
        t.max_lole_h_per_year,
        chosen,
        crate::report::charts::LOLE_FRONT_TITLE,
        &Money::of(&s.economics),
        280.0,
    );
    let open = w::recording().then_some(true);
    egui::CollapsingHeader::new(tr!(
        "panel-optimize-designs-judged",
        designs = r.steps.len()
    ))
    .id_salt("reliability-steps")
    .open(open)
    .show(ui, |ui| {
        steps_table(ui, &r.steps, &Money::of(&s.economics), ctx)
    });
}

/// The designs of a reliability sizing, one row each, money in `money`'s currency.
fn steps_table(ui: &mut egui::Ui, steps: &[SizingStep], money: &Money, ctx: &PanelContext) {
    egui::ScrollArea::both()
        .id_salt("reliability-steps-table")
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("reliability-steps-grid")
                .num_columns(5)
                .striped(true)
                .spacing([12.0, 3.0])
                .show(ui, |ui| {
                    for h in [
                        tr!("panel-optimize-col-step"),
                        tr!("panel-optimize-col-cost", currency = money.currency.code()),
                        tr!("panel-optimize-col-lole"),
                        tr!("panel-optimize-col-eue"),
                        String::new(),
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for st in steps {
                        ui.label(&st.change);
                        ui.label(dakhla_i18n::number(
                            money.from_usd(st.annualized_cost_usd) / 1e6,
                            2,
                        ));
                        ui.label(crate::report::charts::sig3_shown(
                            st.reliability.lole_h_per_year,
                        ));
                        ui.label(crate::report::charts::sig3_shown(
                            st.reliability.eue_mwh_per_year,
                        ));
                        if st.met {
                            ui.colored_label(ctx.palette.good, tr!("panel-optimize-met"));
                        } else {
                            ui.label("");
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The points of a front judged under failures, as designs to draw against LOLE.
fn front_designs(f: &Front, kind: TargetKind, t: &Targets) -> Vec<SizingStep> {
    f.points
        .iter()
        .zip(&f.reliability)
        .map(|(p, r)| SizingStep {
            change: tr!(
                "panel-optimize-front-change",
                share = kind.share_name(),
                target = super::percent(p.target)
            ),
            backup_units: Vec::new(),
            backup_mw: p.mix.backup_mw,
            battery_energy_mwh: p.mix.battery_energy_mwh,
            battery_power_mw: p.mix.battery_power_mw,
            annualized_cost_usd: p.annualized_cost_usd,
            reliability: *r,
            met: t.max_lole_h_per_year.is_none_or(|v| r.lole_h_per_year <= v)
                && t.max_eue_mwh_per_year
                    .is_none_or(|v| r.eue_mwh_per_year <= v),
        })
        .collect()
}

/// "solar 1200 MWdc, wind 600 MW, battery 1600 MWh / 400 MW, backup 300 MW".
fn mix_text(m: &Mix) -> String {
    let n = |v: f64| dakhla_i18n::number(v, 0);
    tr!(
        "panel-optimize-mix",
        solar = n(m.solar_mwdc),
        wind = n(m.wind_mw),
        energy = n(m.battery_energy_mwh),
        power = n(m.battery_power_mw),
        backup = n(m.backup_mw)
    )
}

/// The points of a front, one row each with Load, money in `money`'s currency; returns the row
/// whose Load was clicked.
fn front_table(
    ui: &mut egui::Ui,
    f: &Front,
    kind: TargetKind,
    loaded: Option<usize>,
    money: &Money,
    ctx: &PanelContext,
) -> Option<usize> {
    let code = money.currency.code();
    let mut clicked = None;
    egui::ScrollArea::horizontal()
        .id_salt("pareto-table")
        .show(ui, |ui| {
            let judged = !f.reliability.is_empty() && f.reliability.len() == f.points.len();
            egui::Grid::new("pareto-table-grid")
                .num_columns(if judged { 10 } else { 9 })
                .striped(true)
                .spacing([12.0, 3.0])
                .show(ui, |ui| {
                    for h in [
                        String::new(),
                        tr!("panel-optimize-col-target"),
                        tr!("panel-optimize-col-reached"),
                        tr!("panel-optimize-col-cost", currency = code),
                        format!("{code}/MWh"),
                        tr!("panel-optimize-col-solar"),
                        tr!("panel-optimize-col-wind"),
                        tr!("panel-optimize-col-battery"),
                        tr!("panel-optimize-col-backup"),
                    ] {
                        ui.strong(h);
                    }
                    if judged {
                        ui.strong(tr!("panel-optimize-col-lole"))
                            .on_hover_text(tr!("panel-optimize-col-lole.tooltip"));
                    }
                    ui.end_row();
                    for (k, p) in f.points.iter().enumerate() {
                        if loaded == Some(k) {
                            ui.colored_label(ctx.palette.good, tr!("panel-optimize-loaded"));
                        } else if ui
                            .small_button(tr!("panel-optimize-load"))
                            .on_hover_text(chart_widget::pareto_point_text(p, kind, money))
                            .clicked()
                        {
                            clicked = Some(k);
                        }
                        ui.label(super::percent(p.target));
                        let reached = super::percent(crate::report::charts::pareto_share(p, kind));
                        if p.feasible {
                            ui.label(reached);
                        } else {
                            ui.colored_label(ctx.palette.bad, reached)
                                .on_hover_text(tr!("panel-optimize-unreachable"));
                        }
                        let n = dakhla_i18n::number;
                        ui.label(n(money.from_usd(p.annualized_cost_usd) / 1e6, 1));
                        ui.label(n(money.from_usd(p.lcoe_usd_per_mwh), 1));
                        let m = &p.mix;
                        ui.label(n(m.solar_mwdc, 0));
                        ui.label(n(m.wind_mw, 0));
                        ui.label(format!(
                            "{} / {}",
                            n(m.battery_energy_mwh, 0),
                            n(m.battery_power_mw, 0)
                        ));
                        ui.label(n(m.backup_mw, 0));
                        if let Some(r) = f.reliability.get(k).filter(|_| judged) {
                            ui.label(crate::report::charts::sig3_shown(r.lole_h_per_year));
                        }
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
        t.max_lole_h_per_year = Some(0.1);
        assert!(
            target_text(&t)
                .ends_with("under failures LOLE at most 0.1 h/yr (P50 over weather years)"),
            "{}",
            target_text(&t)
        );
        assert_eq!(round_up(0.0), 10.0);
        assert_eq!(round_up(1234.0), 1300.0);
        assert_eq!(round_up(f64::NAN), 10.0);
    }
}
