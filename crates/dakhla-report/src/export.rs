//! Export of one simulated scenario to a folder: every chart as PNG and SVG, the hourly CSV,
//! the KPI JSON and a self-contained one-page HTML report (inputs, KPIs, charts, assumptions
//! and sources). The command line (`dakhla-planner export`) and the GUI's Export menu both call
//! [`export_all`].
//!
//! Layout of the folder (names relative to it, see [`ExportSummary::files`]):
//!
//! ```text
//! charts/<chart>.png   1600 x 900 px (the chart drawn at 800 x 450 and scaled 2x, so text
//! charts/<chart>.svg   keeps print size); SVG 800 x 450 user units
//! kpis.json            the document of `simulate --json`, with `provenance`
//! hourly.csv           the hourly results (`sim::series::HOURLY_COLUMNS`)
//! report.html          one file, charts inline as SVG, no scripts, no external resources
//! ```
//!
//! With a reliability run ([`Assessment`], see [`assess_for_report`]) the report has a
//! "Reliability under failures" section (LOLE, EUE, events, the survival of grid outages, the
//! dispatch modes without failures) and charts/ holds its charts (`reliability-*`).
//!
//! Every file is written through a temporary file in its own folder and renamed over the
//! target, so a reader never sees half a file. The output holds no date or clock reading: the
//! same inputs give byte-identical files.

use super::charts::{self, ChartFrame, ChartTheme, HeatQuantity};
use super::{fig, pct};
use crate::scenario::{Scenario, TurbineChoice};
use crate::sim::Results;
use crate::weather::{Weather, civil_from_days, days_from_civil, format_utc};
use dakhla_core::reliability::AdequacyOptions;
use dakhla_core::reliability::adequacy::{DurationBin, SurvivalPoint};
pub use dakhla_core::reliability::study::Assessment;
use dakhla_i18n::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{FontDesc, TextStyle};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// File name of the HTML report.
pub const REPORT_HTML: &str = "report.html";
/// File name of the KPI JSON.
pub const KPIS_JSON: &str = "kpis.json";
/// File name of the hourly CSV.
pub const HOURLY_CSV: &str = "hourly.csv";
/// Sub-folder of the chart files.
pub const CHARTS_DIR: &str = "charts";
/// Size a chart is laid out at [px]: the SVG's user units; text keeps its size relative to
/// the chart, so the same chart reads at about 7-10 pt when printed across an A4 page.
pub const CHART_SIZE_PX: (u32, u32) = (800, 450);
/// The PNG is the chart drawn at [`CHART_SIZE_PX`] times this (1600 x 900 px).
pub const PNG_SCALE: u32 = 2;

/// The reliability run of a report: 1000 failure draws of one weather year, seed 1 (about a
/// second for the reference campus; the standard error of LOLE is shown with it).
pub const REPORT_RELIABILITY: AdequacyOptions = AdequacyOptions {
    draws: 1000,
    years: 1,
    seed: 1,
};

/// The reliability run a report shows ([`REPORT_RELIABILITY`]) of `s`; `cancel` stops it (the
/// result is then incomplete).
pub fn assess_for_report(
    s: &Scenario,
    base_dir: &Path,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<Assessment, crate::sim::SimError> {
    dakhla_core::reliability::study::assess(s, base_dir, &REPORT_RELIABILITY, cancel, |_, _| {})
}

/// Targets of each front in the report's flexible compute section: the scenario's Pareto range
/// in this many points (fewer than a full front: four fronts are sized for the report).
pub const REPORT_FLEXIBILITY_POINTS: u32 = 6;

/// The report's flexible compute section for `s`: `None` when no rack group declares
/// flexibility; else one Pareto front per share of [`FLEXIBILITY_FRONT_SHARES`] over the
/// scenario's Pareto range ([`REPORT_FLEXIBILITY_POINTS`] targets). `on_point` sees (front,
/// point index, point) as they come.
///
/// [`FLEXIBILITY_FRONT_SHARES`]: dakhla_core::optimize::study::FLEXIBILITY_FRONT_SHARES
pub fn flexibility_for_report(
    s: &Scenario,
    base_dir: &Path,
    cancel: &std::sync::atomic::AtomicBool,
    on_point: impl FnMut(usize, usize, &dakhla_core::optimize::study::ParetoPoint),
) -> Result<Option<FlexibilityReport>, dakhla_core::optimize::ProblemError> {
    use dakhla_core::optimize::{self, study};
    if !s
        .datacenter
        .rack_groups
        .iter()
        .any(|g| g.flexibility.is_some())
    {
        return Ok(None);
    }
    let Some((target, _)) = optimize::target_of(&s.targets) else {
        return Ok(None);
    };
    let o = &s.optimizer;
    let targets = study::pareto_targets(o.pareto_from, o.pareto_to, REPORT_FLEXIBILITY_POINTS);
    let control = optimize::Control {
        cancel,
        progress: &|_| {},
    };
    let fronts = study::flexibility_fronts(
        &mut crate::sim::Engine::new(),
        s,
        base_dir,
        &study::FLEXIBILITY_FRONT_SHARES,
        &targets,
        &optimize::SearchOptions::default(),
        &control,
        on_point,
    )?;
    Ok(Some(FlexibilityReport { target, fronts }))
}

/// What [`export_all`] wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportSummary {
    /// The folder written to.
    pub out_dir: PathBuf,
    /// Files written, relative to `out_dir`, in the order written (report.html last).
    pub files: Vec<PathBuf>,
}

impl ExportSummary {
    /// Full path of the HTML report.
    pub fn report_path(&self) -> PathBuf {
        self.out_dir.join(REPORT_HTML)
    }
}

/// Why an export stopped. Messages name the file or folder and say what went wrong in a
/// planner's words (in the current language), e.g. "cannot write
/// out/charts/energy-balance-year.png: permission denied".
#[derive(Debug)]
pub enum ExportError {
    Folder {
        path: PathBuf,
        error: io::Error,
    },
    Write {
        path: PathBuf,
        error: io::Error,
    },
    Chart {
        path: PathBuf,
        message: String,
    },
    /// One of the export's files is an input of the run (the scenario or its weather file).
    Input {
        out_dir: PathBuf,
        path: PathBuf,
        role: String,
    },
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ExportError::Folder { path, error } => tr!(
                "report-error-folder",
                path = path.display().to_string(),
                error = plain(error)
            ),
            ExportError::Write { path, error } => tr!(
                "report-error-write",
                path = path.display().to_string(),
                error = plain(error)
            ),
            ExportError::Chart { path, message } => tr!(
                "report-error-chart",
                path = path.display().to_string(),
                message = message.as_str()
            ),
            ExportError::Input {
                out_dir,
                path,
                role,
            } => tr!(
                "report-error-input",
                folder = out_dir.display().to_string(),
                path = path.display().to_string(),
                role = role.as_str()
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ExportError {}

/// An IO error in words, without the OS error number.
fn plain(e: &io::Error) -> String {
    let id = match e.kind() {
        io::ErrorKind::PermissionDenied => "report-io-permission-denied",
        io::ErrorKind::NotFound => "report-io-not-found",
        io::ErrorKind::AlreadyExists => "report-io-already-exists",
        io::ErrorKind::NotADirectory => "report-io-not-a-directory",
        io::ErrorKind::IsADirectory => "report-io-is-a-directory",
        io::ErrorKind::StorageFull => "report-io-storage-full",
        io::ErrorKind::ReadOnlyFilesystem => "report-io-read-only",
        _ => return e.to_string(),
    };
    tr!(id)
}

fn write_error(path: &Path, error: io::Error) -> ExportError {
    ExportError::Write {
        path: path.to_path_buf(),
        error,
    }
}

/// Write `path` safely (see [`crate::files`]): `write` creates a temporary file in the same
/// folder (given by its path, with the target's extension, so that writers choosing the format
/// by extension work), which then replaces `path` atomically. On failure the temporary file is
/// removed and `path` is left as it was.
fn write_atomic(
    path: &Path,
    write: impl FnOnce(&Path) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    refuse_non_regular(path)?;
    let mut inner = None;
    let result = crate::files::write_file_via_path(path, |tmp| {
        write(tmp).map_err(|e| {
            inner = Some(e);
            io::Error::other("export")
        })
    });
    match (result, inner) {
        (_, Some(e)) => Err(e),
        (Err(e), None) => Err(write_error(path, e)),
        (Ok(()), None) => Ok(()),
    }
}

/// Inside the export folder the names are the export's own: a symbolic link, device, pipe or
/// folder in place of one of its files is refused (never followed or written through).
fn refuse_non_regular(path: &Path) -> Result<(), ExportError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.is_file() => Err(write_error(
            path,
            io::Error::other(tr!(
                "report-error-not-regular",
                kind = crate::files::kind_of(&m)
            )),
        )),
        _ => Ok(()),
    }
}

// ------------------------------------------------------------------------------------------
// Charts
// ------------------------------------------------------------------------------------------

/// One chart of the export.
enum ChartKind {
    Balance(Range<usize>),
    Soc,
    Monthly,
    Heat(HeatQuantity),
    NetLoad,
    Pue,
    PueWue(Vec<dakhla_core::sim::CoolingChoice>),
    PowerCurve {
        title: String,
        curve: Vec<(f64, f64)>,
    },
    Survival(Vec<SurvivalPoint>),
    EventDurations(Vec<DurationBin>),
    FlexibilityFronts(FlexibilityReport),
}

/// The report's "What flexible compute is worth" section: one Pareto front per flexible share
/// ([`dakhla_core::optimize::study::flexibility_fronts`]).
#[derive(Clone, Debug, PartialEq)]
pub struct FlexibilityReport {
    /// The share the fronts constrain.
    pub target: dakhla_core::optimize::TargetKind,
    pub fronts: Vec<dakhla_core::optimize::study::FlexibilityFront>,
}

struct ChartJob {
    /// File stem under charts/.
    stem: String,
    /// Caption in the HTML report.
    caption: String,
    kind: ChartKind,
}

impl ChartJob {
    /// Shown in the reliability section rather than with the charts of the year.
    fn is_reliability(&self) -> bool {
        matches!(
            self.kind,
            ChartKind::Survival(_) | ChartKind::EventDurations(_)
        )
    }

    /// Shown in the flexible compute section.
    fn is_flexibility(&self) -> bool {
        matches!(self.kind, ChartKind::FlexibilityFronts(_))
    }
}

/// The charts of an export, in report order: those of the simulated year, the fronts of
/// flexible compute when given, then those of the reliability run when there is one.
fn chart_jobs(
    s: &Scenario,
    r: &Results,
    reliability: Option<&Assessment>,
    flexibility: Option<&FlexibilityReport>,
) -> Vec<ChartJob> {
    let mut jobs = year_chart_jobs(s, r);
    if let Some(f) = flexibility {
        jobs.push(ChartJob {
            stem: "flexibility-fronts".into(),
            caption: tr!("report-caption-flexibility-fronts"),
            kind: ChartKind::FlexibilityFronts(f.clone()),
        });
    }
    let Some(a) = reliability else {
        return jobs;
    };
    if let Some(curve) = &a.stats.survival {
        jobs.push(ChartJob {
            stem: "reliability-survival".into(),
            caption: tr!("report-caption-survival"),
            kind: ChartKind::Survival(curve.clone()),
        });
    }
    jobs.push(ChartJob {
        stem: "reliability-event-durations".into(),
        caption: tr!("report-caption-event-durations"),
        kind: ChartKind::EventDurations(a.stats.event_durations.clone()),
    });
    jobs
}

/// The charts of the simulated year, in report order.
fn year_chart_jobs(s: &Scenario, r: &Results) -> Vec<ChartJob> {
    let n = charts::series_len(r);
    let job = |stem: &str, caption: &str, kind| ChartJob {
        stem: stem.to_owned(),
        caption: tr!(caption),
        kind,
    };
    let mut jobs = vec![job(
        "energy-balance-year",
        "report-caption-balance-year",
        ChartKind::Balance(0..n),
    )];
    // A week in mid-winter and one in mid-summer, hour by hour (seasons by hemisphere).
    let (winter, summer) = if s.site.latitude_deg < 0.0 {
        (7, 1)
    } else {
        (1, 7)
    };
    for (season, month) in [("winter", winter), ("summer", summer)] {
        if let Some(w) = week_from_15th(&r.weather, n, month) {
            let caption = tr!(
                if season == "winter" {
                    "report-caption-week-winter"
                } else {
                    "report-caption-week-summer"
                },
                month = charts::month_name_shown(month)
            );
            jobs.push(ChartJob {
                stem: format!("energy-balance-{season}-week"),
                caption,
                kind: ChartKind::Balance(w),
            });
        }
    }
    jobs.extend([
        job("battery-soc", "report-caption-soc", ChartKind::Soc),
        job(
            "monthly-energy",
            "report-caption-monthly",
            ChartKind::Monthly,
        ),
        job(
            "heatmap-unmet",
            "report-caption-heat-unmet",
            ChartKind::Heat(HeatQuantity::Unmet),
        ),
        job(
            "heatmap-backup",
            "report-caption-heat-backup",
            ChartKind::Heat(HeatQuantity::Backup),
        ),
        job(
            "heatmap-curtailed",
            "report-caption-heat-curtailed",
            ChartKind::Heat(HeatQuantity::Curtailed),
        ),
        job(
            "net-load-duration",
            "report-caption-net-load",
            ChartKind::NetLoad,
        ),
        job("pue-vs-temperature", "report-caption-pue", ChartKind::Pue),
        job(
            "pue-vs-wue",
            "report-caption-pue-wue",
            ChartKind::PueWue(dakhla_core::sim::cooling_choices(s, &r.weather)),
        ),
    ]);
    for (i, f) in s.wind_farms.iter().enumerate() {
        let curve = f.turbine.power_curve();
        if curve.is_empty() {
            continue;
        }
        let slug = slug(&f.name);
        let stem = if slug.is_empty() {
            format!("power-curve-{}", i + 1)
        } else {
            format!("power-curve-{}-{slug}", i + 1)
        };
        jobs.push(ChartJob {
            stem,
            caption: tr!("report-caption-power-curve", farm = f.name.as_str()),
            kind: ChartKind::PowerCurve {
                title: format!("{} ({})", turbine_name(&f.turbine), f.name),
                curve,
            },
        });
    }
    jobs
}

/// Seven days from 00:00 UTC on the 15th of `month` of the run's first year, when the run
/// holds them.
fn week_from_15th(w: &Weather, n: usize, month: u32) -> Option<Range<usize>> {
    let step_s = w.step_s.max(1);
    let (year, _, _) = civil_from_days(w.start_unix_s.div_euclid(86_400));
    let t = days_from_civil(year, month, 15) * 86_400;
    if t < w.start_unix_s {
        return None;
    }
    let start = ((t - w.start_unix_s) + step_s - 1) / step_s;
    let len = 7 * 86_400 / step_s;
    let start = usize::try_from(start).ok()?;
    let end = start.checked_add(usize::try_from(len).ok()?)?;
    (end <= n).then_some(start..end)
}

/// Lower-case ASCII letters and digits of `name`, other runs as one '-', at most 40 chars.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn turbine_name(t: &TurbineChoice) -> String {
    match t {
        TurbineChoice::Library { name } => name.clone(),
        TurbineChoice::Custom { name, .. } => tr!("report-turbine-custom", name = name.as_str()),
    }
}

/// Draw one chart of the export on any backend, in the print theme.
fn draw<DB: DrawingBackend>(
    kind: &ChartKind,
    area: &DrawingArea<DB, Shift>,
    s: &Scenario,
    r: &Results,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    match kind {
        ChartKind::Balance(w) => charts::energy_balance(area, r, w.clone(), theme),
        ChartKind::Soc => {
            charts::battery_soc(area, r, 0..charts::series_len(r), Some(&s.battery), theme)
        }
        ChartKind::Monthly => charts::monthly_energy(area, r, theme),
        ChartKind::Heat(q) => charts::heatmap(area, r, *q, theme),
        ChartKind::NetLoad => charts::net_load_duration(area, r, theme),
        // With dry coolers the PUE model reads the dry bulb; otherwise the temperature the
        // heat is rejected at.
        ChartKind::Pue if s.datacenter.heat_rejection.is_dry_coolers() => {
            charts::pue_vs_temperature(
                area,
                &s.datacenter.cooling,
                Some(&r.weather.temp_air_c),
                theme,
            )
        }
        ChartKind::Pue => charts::pue_vs_heat_sink_temperature(
            area,
            &s.datacenter.cooling,
            &r.heat_sink_temp_c,
            r.design_heat_sink_temp_c,
            theme,
        ),
        ChartKind::PueWue(choices) => charts::pue_vs_wue_chart(area, choices, theme),
        ChartKind::PowerCurve { title, curve } => charts::power_curve(area, title, curve, theme),
        ChartKind::Survival(points) => charts::survival_chart(area, points, theme),
        ChartKind::EventDurations(bins) => charts::event_duration_chart(area, bins, theme),
        ChartKind::FlexibilityFronts(f) => charts::pareto_by_flexibility_chart(
            area,
            &f.fronts,
            f.target,
            &theme.with_money(dakhla_core::sim::kpis::Money::of(&s.economics)),
        ),
    }
}

/// The chart as SVG text.
fn render_svg(
    job: &ChartJob,
    s: &Scenario,
    r: &Results,
    path: &Path,
) -> Result<String, ExportError> {
    let chart_error = |message: String| ExportError::Chart {
        path: path.to_path_buf(),
        message,
    };
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, CHART_SIZE_PX).into_drawing_area();
        draw(&job.kind, &area, s, r, &ChartTheme::print()).map_err(chart_error)?;
        area.present().map_err(|e| chart_error(e.to_string()))?;
    }
    // Control characters are not allowed in XML: shown as escapes in the text they came with.
    Ok(crate::text::terminal_safe(&svg).into_owned())
}

/// Write the chart as PNG, drawn at [`CHART_SIZE_PX`] and scaled by [`PNG_SCALE`].
fn write_png(job: &ChartJob, s: &Scenario, r: &Results, path: &Path) -> Result<(), ExportError> {
    write_atomic(path, |tmp| {
        let (w, h) = CHART_SIZE_PX;
        let backend = Scaled {
            inner: BitMapBackend::new(tmp, (w * PNG_SCALE, h * PNG_SCALE)),
            k: PNG_SCALE as i32,
        };
        let area = backend.into_drawing_area();
        draw(&job.kind, &area, s, r, &ChartTheme::print()).map_err(|message| {
            ExportError::Chart {
                path: path.to_path_buf(),
                message,
            }
        })?;
        area.present()
            .map_err(|e| write_error(path, io::Error::other(e.to_string())))
    })
}

/// A drawing backend that lays a chart out at 1/k of the inner backend's size and draws it k
/// times larger: text, lines and gaps keep their proportions, at k times the resolution.
struct Scaled<DB> {
    inner: DB,
    k: i32,
}

/// A backend style with a given colour and stroke width.
struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

impl<DB: DrawingBackend> Scaled<DB> {
    fn at(&self, p: BackendCoord) -> BackendCoord {
        (p.0 * self.k, p.1 * self.k)
    }

    /// The far corner of pixel `p`.
    fn end(&self, p: BackendCoord) -> BackendCoord {
        (p.0 * self.k + self.k - 1, p.1 * self.k + self.k - 1)
    }

    fn stroke<S: BackendStyle>(&self, style: &S) -> Stroke {
        Stroke {
            color: style.color(),
            width: style.stroke_width() * self.k as u32,
        }
    }
}

impl<DB: DrawingBackend> DrawingBackend for Scaled<DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        let (w, h) = self.inner.get_size();
        (w / self.k as u32, h / self.k as u32)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (a, b) = (self.at(point), self.end(point));
        self.inner.draw_rect(a, b, &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let st = self.stroke(style);
        let (a, b) = (self.at(from), self.at(to));
        self.inner.draw_line(a, b, &st)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let st = self.stroke(style);
        let (a, b) = (self.at(upper_left), self.end(bottom_right));
        self.inner.draw_rect(a, b, &st, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let st = self.stroke(style);
        let k = self.k;
        self.inner
            .draw_path(path.into_iter().map(|p| (p.0 * k, p.1 * k)), &st)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let st = self.stroke(style);
        let c = self.at(center);
        self.inner.draw_circle(c, radius * self.k as u32, &st, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let k = self.k;
        self.inner
            .fill_polygon(vert.into_iter().map(|p| (p.0 * k, p.1 * k)), &style.color())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let font = FontDesc::new(style.family(), style.size() * self.k as f64, style.style())
            .transform(style.transform());
        let scaled = TextStyle {
            font,
            color: style.color(),
            pos: style.anchor(),
        };
        let p = self.at(pos);
        self.inner.draw_text(text, &scaled, p)
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // Laid out at the unscaled size.
        self.inner.estimate_text_size(text, style)
    }
}

// ------------------------------------------------------------------------------------------
// The export
// ------------------------------------------------------------------------------------------

/// Name of the file in an export folder that holds the lock of the export writing there and
/// the list of the files the last export wrote (so that a chart a new export no longer draws is
/// removed, and the folder never mixes two exports).
pub const EXPORT_MANIFEST: &str = ".dakhla-export";

/// Check, before anything is computed, that `out_dir` can hold an export: a folder, or a path
/// where one can be created. A file is refused in words.
pub fn check_export_folder(out_dir: &Path) -> Result<(), ExportError> {
    match std::fs::metadata(out_dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(m) => Err(ExportError::Folder {
            path: out_dir.to_path_buf(),
            error: io::Error::other(tr!(
                "report-error-not-a-folder",
                kind = crate::files::kind_of(&m)
            )),
        }),
        Err(_) => {
            // Not there yet: its nearest existing parent must be a folder.
            let mut p = out_dir.parent();
            while let Some(d) = p {
                if d.as_os_str().is_empty() {
                    break;
                }
                if let Ok(m) = std::fs::metadata(d) {
                    if m.is_dir() {
                        break;
                    }
                    return Err(ExportError::Folder {
                        path: out_dir.to_path_buf(),
                        error: io::Error::other(tr!(
                            "report-error-parent-not-a-folder",
                            path = d.display().to_string(),
                            kind = crate::files::kind_of(&m)
                        )),
                    });
                }
                p = d.parent();
            }
            Ok(())
        }
    }
}

/// The files [`export_all`] writes for this scenario, these results and this reliability run,
/// relative to the export folder, in the order written.
pub fn planned_files(
    s: &Scenario,
    r: &Results,
    reliability: Option<&Assessment>,
    flexibility: Option<&FlexibilityReport>,
) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for job in chart_jobs(s, r, reliability, flexibility) {
        files.push(Path::new(CHARTS_DIR).join(format!("{}.svg", job.stem)));
        files.push(Path::new(CHARTS_DIR).join(format!("{}.png", job.stem)));
    }
    files.push(PathBuf::from(KPIS_JSON));
    files.push(PathBuf::from(HOURLY_CSV));
    files.push(PathBuf::from(REPORT_HTML));
    files
}

/// Write every chart, the KPI JSON, the hourly CSV and the HTML report into `out_dir` (created
/// when missing). `scenario_file` is shown in the report (by its file name: the same inputs
/// give the same files wherever they are); `base_dir` resolves the weather file for the
/// provenance; `reliability`, when given, is the report's "Reliability under failures" section
/// (see [`assess_for_report`]); `flexibility`, when given, its "What flexible compute is worth"
/// section.
///
/// An export never leaves a folder that mixes two exports: it holds the folder's lock
/// ([`EXPORT_MANIFEST`]) while it works, writes every file into a hidden staging folder first
/// (an export that fails part-way leaves the folder as it was), then moves them into place and
/// removes the files of the previous export that it does not write itself (only files an export
/// wrote, never a planner's own, never an input of the run). A symbolic link, device or named
/// pipe found in place of one of its files is refused, never written through.
pub fn export_all(
    s: &Scenario,
    scenario_file: Option<&Path>,
    base_dir: &Path,
    r: &Results,
    reliability: Option<&Assessment>,
    flexibility: Option<&FlexibilityReport>,
    out_dir: &Path,
) -> Result<ExportSummary, ExportError> {
    charts::ensure_font();
    check_export_folder(out_dir)?;
    // No file the export writes may be an input of the run (the scenario, or its weather file
    // kept in the export folder under one of the export's names), whatever path names it.
    let mut inputs = crate::files::RunFiles::new();
    if let Some(f) = scenario_file {
        inputs.input(tr!("report-role-scenario"), f);
    }
    if let Some(p) = s.weather.file_path() {
        inputs.input(tr!("report-role-weather-file"), &base_dir.join(p));
    }
    let planned = planned_files(s, r, reliability, flexibility);
    for rel in &planned {
        let path = out_dir.join(rel);
        if let Some(role) = inputs.input_role(&path) {
            return Err(ExportError::Input {
                out_dir: out_dir.to_path_buf(),
                path,
                role: role.to_owned(),
            });
        }
    }
    std::fs::create_dir_all(out_dir).map_err(|error| ExportError::Folder {
        path: out_dir.to_path_buf(),
        error,
    })?;
    let mut lock = lock_export_folder(out_dir)?;
    // Staging folders of exports that were killed (none is in use: the lock is ours).
    if let Ok(entries) = std::fs::read_dir(out_dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(STAGING_PREFIX)
                && e.file_type().is_ok_and(|t| t.is_dir())
            {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let charts_dir = out_dir.join(CHARTS_DIR);
    match std::fs::symlink_metadata(&charts_dir) {
        Ok(m) if m.is_dir() => {}
        Ok(m) => {
            return Err(ExportError::Folder {
                path: charts_dir,
                error: io::Error::other(tr!(
                    "report-error-charts-not-a-folder",
                    kind = crate::files::kind_of(&m)
                )),
            });
        }
        Err(_) => std::fs::create_dir(&charts_dir).map_err(|error| ExportError::Folder {
            path: charts_dir.clone(),
            error,
        })?,
    }
    for rel in &planned {
        refuse_non_regular(&out_dir.join(rel))?;
    }
    let staging = tempfile::Builder::new()
        .prefix(STAGING_PREFIX)
        .tempdir_in(out_dir)
        .map_err(|error| ExportError::Folder {
            path: out_dir.to_path_buf(),
            error: crate::files::in_words(error),
        })?;
    let stage = staging.path();
    std::fs::create_dir(stage.join(CHARTS_DIR)).map_err(|error| ExportError::Folder {
        path: out_dir.to_path_buf(),
        error: crate::files::in_words(error),
    })?;
    let mut files = Vec::new();
    let mut figures = Vec::new();
    for job in chart_jobs(s, r, reliability, flexibility) {
        let svg_rel = Path::new(CHARTS_DIR).join(format!("{}.svg", job.stem));
        let png_rel = Path::new(CHARTS_DIR).join(format!("{}.png", job.stem));
        let svg = render_svg(&job, s, r, &out_dir.join(&svg_rel))?;
        write_staged(stage, out_dir, &svg_rel, svg.as_bytes())?;
        files.push(svg_rel);
        write_png(&job, s, r, &stage.join(&png_rel)).map_err(|e| restaged(e, stage, out_dir))?;
        files.push(png_rel);
        figures.push(Figure {
            reliability: job.is_reliability(),
            flexibility: job.is_flexibility(),
            stem: job.stem,
            caption: job.caption,
            svg,
        });
    }
    // Provenance from the folder the engine resolved the weather from (the same as
    // json_document's when the scenario has a file).
    let provenance = super::provenance(s, Some(base_dir), r);
    let shown_file = scenario_file.map(|f| f.file_name().map_or(f, Path::new));
    let mut doc = super::json_document(s, shown_file, r);
    doc["provenance"] = provenance.clone();
    let json = serde_json::to_string_pretty(&doc)
        .map_err(|e| write_error(&out_dir.join(KPIS_JSON), io::Error::other(e)))?;
    // As `simulate --json` prints it: direction and control characters escaped.
    let json = crate::text::json_safe(&json);
    write_staged(
        stage,
        out_dir,
        Path::new(KPIS_JSON),
        format!("{json}\n").as_bytes(),
    )?;
    files.push(PathBuf::from(KPIS_JSON));
    let mut csv = Vec::new();
    super::write_hourly_csv(r, &mut csv).map_err(|e| write_error(&out_dir.join(HOURLY_CSV), e))?;
    write_staged(stage, out_dir, Path::new(HOURLY_CSV), &csv)?;
    files.push(PathBuf::from(HOURLY_CSV));
    let html = report_html(
        s,
        shown_file,
        base_dir,
        r,
        reliability,
        flexibility,
        &provenance,
        &figures,
    );
    write_staged(stage, out_dir, Path::new(REPORT_HTML), html.as_bytes())?;
    files.push(PathBuf::from(REPORT_HTML));
    // Everything is written: into place, each file replaced at once.
    for rel in &files {
        let (from, to) = (stage.join(rel), out_dir.join(rel));
        refuse_non_regular(&to)?;
        if let Ok(m) = std::fs::metadata(&to) {
            let _ = std::fs::set_permissions(&from, permissions_without_special_bits(&m));
        }
        std::fs::rename(&from, &to).map_err(|e| write_error(&to, crate::files::in_words(e)))?;
    }
    finish_export(out_dir, &mut lock, &files, &inputs)?;
    drop(staging);
    Ok(ExportSummary {
        out_dir: out_dir.to_path_buf(),
        files,
    })
}

/// Prefix of the hidden folder an export stages its files in.
const STAGING_PREFIX: &str = ".dakhla-export-staging-";

/// The permissions of a replaced file, without setuid, setgid or sticky bits.
fn permissions_without_special_bits(m: &std::fs::Metadata) -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(m.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        m.permissions()
    }
}

/// Write `bytes` as `rel` in the staging folder; errors name the file in the export folder.
fn write_staged(stage: &Path, out_dir: &Path, rel: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::files::write_file(&stage.join(rel), |f| io::Write::write_all(f, bytes))
        .map_err(|e| write_error(&out_dir.join(rel), e))
}

/// An error about a staged file, told about the export folder's file of that name.
fn restaged(e: ExportError, stage: &Path, out_dir: &Path) -> ExportError {
    let moved = |p: PathBuf| {
        p.strip_prefix(stage)
            .map_or_else(|_| p.clone(), |rel| out_dir.join(rel))
    };
    match e {
        ExportError::Write { path, error } => ExportError::Write {
            path: moved(path),
            error,
        },
        ExportError::Chart { path, message } => ExportError::Chart {
            path: moved(path),
            message,
        },
        other => other,
    }
}

/// How long an export waits for another one writing into the same folder.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(120);

/// Open and lock the folder's [`EXPORT_MANIFEST`], waiting while another export writes there.
/// The file is never followed through a symbolic link.
fn lock_export_folder(out_dir: &Path) -> Result<std::fs::File, ExportError> {
    let path = out_dir.join(EXPORT_MANIFEST);
    let err = |error: io::Error| ExportError::Write {
        path: path.clone(),
        error,
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(
            (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32,
        );
    }
    let f = options.open(&path).map_err(|e| {
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            err(io::Error::other(tr!("report-error-lock-symlink")))
        } else {
            err(e)
        }
    })?;
    let meta = f.metadata().map_err(err)?;
    if !meta.is_file() {
        return Err(err(io::Error::other(tr!(
            "report-error-lock-not-a-file",
            kind = crate::files::kind_of(&meta)
        ))));
    }
    // Another export into this folder finishes within seconds; one that holds the lock for
    // minutes is stuck (stopped in a debugger, say): say so rather than wait forever.
    let waited = std::time::Instant::now();
    loop {
        match f.try_lock() {
            Ok(()) => return Ok(f),
            Err(std::fs::TryLockError::WouldBlock) => {
                if waited.elapsed() > LOCK_WAIT {
                    return Err(err(io::Error::other(tr!(
                        "report-error-lock-busy",
                        seconds = LOCK_WAIT.as_secs().to_string()
                    ))));
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(err(e)),
        }
    }
}

/// Whether `rel` (as listed in a manifest) is a name an export writes: the fixed files, or a
/// chart under `charts/`. Anything else in a manifest is ignored, never removed.
fn is_export_name(rel: &str) -> bool {
    if [KPIS_JSON, HOURLY_CSV, REPORT_HTML].contains(&rel) {
        return true;
    }
    let Some(name) = rel.strip_prefix("charts/") else {
        return false;
    };
    let Some(stem) = name
        .strip_suffix(".svg")
        .or_else(|| name.strip_suffix(".png"))
    else {
        return false;
    };
    !stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Remove the files of the previous export that this one did not write (regular files with an
/// export's names only), then record this export's files, still holding the lock.
fn finish_export(
    out_dir: &Path,
    lock: &mut std::fs::File,
    files: &[PathBuf],
    inputs: &crate::files::RunFiles,
) -> Result<(), ExportError> {
    use std::io::{Read, Seek, Write};
    let manifest = out_dir.join(EXPORT_MANIFEST);
    let err = |error: io::Error| ExportError::Write {
        path: manifest.clone(),
        error,
    };
    let written: Vec<String> = files
        .iter()
        .map(|f| f.to_string_lossy().replace('\\', "/"))
        .collect();
    let mut previous = String::new();
    let _ = (&mut *lock).take(1_000_000).read_to_string(&mut previous);
    for rel in previous.lines().map(str::trim) {
        if !is_export_name(rel) || written.iter().any(|w| w == rel) {
            continue;
        }
        let path = out_dir.join(rel);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file())
            && inputs.input_role(&path).is_none()
        {
            let _ = std::fs::remove_file(&path);
        }
    }
    let mut text = String::from(
        "# Files of the last dakhla-planner export into this folder (and its lock while one \
         writes here).\n",
    );
    for w in &written {
        text.push_str(w);
        text.push('\n');
    }
    lock.set_len(0).map_err(err)?;
    lock.seek(std::io::SeekFrom::Start(0)).map_err(err)?;
    lock.write_all(text.as_bytes()).map_err(err)?;
    lock.sync_all().map_err(err)
}

// ------------------------------------------------------------------------------------------
// HTML report
// ------------------------------------------------------------------------------------------

struct Figure {
    /// Shown in the reliability section.
    reliability: bool,
    /// Shown in the flexible compute section.
    flexibility: bool,
    stem: String,
    caption: String,
    svg: String,
}

/// Text made safe for HTML element content and quoted attribute values. Control and
/// text-direction characters (not allowed in XML, invisible or misleading in a page) are shown
/// as visible escapes such as `\u{1b}`.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if crate::text::is_unsafe_char(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

use escape_html as esc;

/// Builds the HTML body; every text given to it is escaped here.
struct Html(String);

impl Html {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn h2(&mut self, id: &str, title: &str) {
        self.0
            .push_str(&format!("<h2 id=\"{id}\">{}</h2>\n", esc(title)));
    }

    fn h3(&mut self, title: &str) {
        self.0.push_str(&format!("<h3>{}</h3>\n", esc(title)));
    }

    fn p(&mut self, class: &str, text: &str) {
        if class.is_empty() {
            self.0.push_str(&format!("<p>{}</p>\n", esc(text)));
        } else {
            self.0
                .push_str(&format!("<p class=\"{class}\">{}</p>\n", esc(text)));
        }
    }

    /// Two-column table of label and value.
    fn kv(&mut self, rows: &[(String, String)]) {
        self.0.push_str("<table class=\"kv\">\n");
        for (k, v) in rows {
            self.0.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
                esc(k),
                esc(v)
            ));
        }
        self.0.push_str("</table>\n");
    }

    /// Table with a header row; cells holding a number (with an optional unit of a few letters
    /// or %) are right-aligned.
    fn table(&mut self, head: &[&str], rows: &[Vec<String>]) {
        self.0.push_str("<table class=\"grid\">\n<thead><tr>");
        for h in head {
            self.0
                .push_str(&format!("<th scope=\"col\">{}</th>", esc(h)));
        }
        self.0.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.0.push_str("<tr>");
            for c in row {
                let class = if is_number(c) { " class=\"n\"" } else { "" };
                self.0.push_str(&format!("<td{class}>{}</td>", esc(c)));
            }
            self.0.push_str("</tr>\n");
        }
        self.0.push_str("</tbody>\n</table>\n");
    }
}

/// "1300", "-0.0034", "85.0 %", "1605 USD/kWac": a number, then at most one word. In French
/// the number may group thousands and have a decimal comma ("1 605,5", "85,0 %").
fn is_number(cell: &str) -> bool {
    if dakhla_i18n::current() == dakhla_i18n::Lang::En {
        let mut parts = cell.split(' ');
        return parts.next().is_some_and(|n| n.parse::<f64>().is_ok()) && parts.count() <= 1;
    }
    let cell = cell.replace('\u{a0}', " ");
    let mut parts = cell.split(' ');
    parts.next().is_some_and(|n| {
        n.replace(dakhla_i18n::NARROW_NBSP, "")
            .replacen(',', ".", 1)
            .parse::<f64>()
            .is_ok()
    }) && parts.count() <= 1
}

const CSS: &str = "
:root { color-scheme: light; }
body { font-family: \"Segoe UI\", \"Helvetica Neue\", Arial, \"Liberation Sans\", sans-serif;
  color: #111; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem 2rem;
  font-size: 10.5pt; line-height: 1.4; }
h1 { font-size: 20pt; margin: 0 0 0.3rem 0; }
h2 { font-size: 14pt; margin: 1.6rem 0 0.5rem 0; border-bottom: 1px solid #999;
  padding-bottom: 0.15rem; }
h3 { font-size: 11.5pt; margin: 1rem 0 0.35rem 0; }
p { margin: 0.3rem 0; }
.lead { font-size: 11.5pt; }
.small, figcaption, .note { font-size: 9pt; color: #333; }
table { border-collapse: collapse; margin: 0.3rem 0 0.6rem 0; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: 0.15rem 0.45rem; vertical-align: top; text-align: left; }
thead th { background: #eee; }
table.kv { width: 100%; max-width: 42rem; }
table.kv th { background: #f4f4f4; font-weight: normal; width: 45%; }
table.grid { width: 100%; }
td.n { text-align: right; white-space: nowrap; }
td { overflow-wrap: anywhere; }
.mono { font-family: \"DejaVu Sans Mono\", Consolas, \"Courier New\", monospace; font-size: 8.5pt;
  word-break: break-all; }
.met { color: #0a6b2d; font-weight: bold; }
.notmet { color: #b3121a; font-weight: bold; }
.headline { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.6rem 0; }
.headline div { border: 1px solid #bbb; padding: 0.3rem 0.6rem; min-width: 9rem; }
.headline b { display: block; font-size: 13pt; }
figure.chart { margin: 0.8rem 0 1.2rem 0; }
figure.chart svg { display: block; width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { margin-top: 0.25rem; }
ul.warnings li { color: #8a4b00; }
footer { margin-top: 2rem; font-size: 8.5pt; color: #555; border-top: 1px solid #ccc;
  padding-top: 0.3rem; }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h2#charts, h2#inputs { break-before: page; page-break-before: always; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure.chart, table, .headline, .block { break-inside: avoid; page-break-inside: avoid; }
  figure.chart svg { border: none; }
}
";

/// An input's figure as the file writes it ("1.225"), with a decimal comma in French.
fn f(v: f64) -> String {
    let n = super::num(v);
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => n,
        _ => n.replacen('.', ",", 1),
    }
}

/// An energy in GWh with one decimal ("12.5 GWh", "12,5 GWh" in French).
fn gwh(mwh: f64) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => crate::text::gwh(mwh),
        _ => format!("{} GWh", fig(mwh / 1000.0, 1)),
    }
}

/// A time as the report writes it: "2029-01-01T00:00:00Z" (ISO 8601) in English, "01/01/2029
/// 00:00 UTC" in French.
fn utc_shown(unix_s: i64) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => format_utc(unix_s),
        _ => {
            let (y, m, d) = civil_from_days(unix_s.div_euclid(86_400));
            let secs = unix_s.rem_euclid(86_400);
            format!(
                "{} {:02}:{:02} UTC",
                dakhla_i18n::date(y, m, d),
                secs / 3600,
                (secs % 3600) / 60
            )
        }
    }
}

fn or_dash(v: Option<String>) -> String {
    v.unwrap_or_else(|| "-".into())
}

/// The whole report.
#[allow(clippy::too_many_arguments)]
fn report_html(
    s: &Scenario,
    file: Option<&Path>,
    base_dir: &Path,
    r: &Results,
    reliability: Option<&Assessment>,
    flexibility: Option<&FlexibilityReport>,
    provenance: &serde_json::Value,
    figures: &[Figure],
) -> String {
    let unnamed = tr!("report-unnamed-scenario");
    let name = if s.meta.name.is_empty() {
        unnamed.as_str()
    } else {
        &s.meta.name
    };
    let version = env!("CARGO_PKG_VERSION");
    let mut h = Html(String::new());
    h.raw(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"dakhla-planner {version}\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        dakhla_i18n::current().code(),
        esc(&tr!("report-title", name = name))
    ));
    header(&mut h, s, name);
    provenance_block(&mut h, s, file, provenance);
    kpis_block(&mut h, s, base_dir, r, reliability);
    if let Some(a) = reliability {
        reliability_block(&mut h, a, figures);
    } else {
        // Said, never silently left out.
        h.raw("<section class=\"block\">\n");
        h.h2("reliability", &tr!("report-reliability"));
        h.p("note", &tr!("report-reliability-not-computed"));
        h.raw("</section>\n");
    }
    if let Some(f) = flexibility {
        flexibility_block(&mut h, s, f, figures);
    }
    charts_block(&mut h, figures);
    inputs_block(&mut h, s, r);
    assumptions_block(&mut h, s);
    h.raw(&format!(
        "<footer>{}</footer>\n</body>\n</html>\n",
        esc(&tr!("report-footer", version = version))
    ));
    h.0
}

fn header(h: &mut Html, s: &Scenario, name: &str) {
    h.raw("<header>\n");
    h.raw(&format!("<h1>{}</h1>\n", esc(name)));
    if !s.meta.description.is_empty() {
        h.p("lead", &s.meta.description);
    }
    let mut who = Vec::new();
    if !s.meta.author.is_empty() {
        who.push(tr!("report-author", name = s.meta.author.as_str()));
    }
    if !s.meta.team.is_empty() {
        who.push(tr!("report-team", name = s.meta.team.as_str()));
    }
    if !who.is_empty() {
        h.p("small", &who.join("  |  "));
    }
    if !s.meta.notes.is_empty() {
        h.p("small", &tr!("report-notes", notes = s.meta.notes.as_str()));
    }
    h.raw("</header>\n");
}

fn provenance_block(h: &mut Html, s: &Scenario, file: Option<&Path>, p: &serde_json::Value) {
    let text = |k: &str| p[k].as_str().unwrap_or("-").to_owned();
    h.raw("<section class=\"block\">\n");
    h.h2("provenance", &tr!("report-provenance"));
    let file_name = file.and_then(|f| f.file_name()).map_or_else(
        || tr!("report-not-saved"),
        |n| n.to_string_lossy().into_owned(),
    );
    let weather_of = if text("weather_sha256_of") == "file" {
        tr!("report-weather-file-sha")
    } else {
        tr!("report-weather-series-sha")
    };
    h.raw("<table class=\"kv\">\n");
    // (label, value, whether the value is a hash: shown in a monospaced font)
    let rows = [
        (
            tr!("report-program"),
            format!("dakhla-planner {}", text("program_version")),
            false,
        ),
        (tr!("report-scenario-file"), file_name, false),
        (
            tr!("report-schema-version"),
            s.schema_version.to_string(),
            false,
        ),
        (tr!("report-scenario-sha"), text("scenario_sha256"), true),
        (weather_of, text("weather_sha256"), true),
        (
            tr!("report-weather-source"),
            crate::weather::source_in_words(&text("weather_source")),
            false,
        ),
    ];
    for (k, v, hash) in rows {
        let class = if hash { " class=\"mono\"" } else { "" };
        h.raw(&format!(
            "<tr><th scope=\"row\">{}</th><td{class}>{}</td></tr>\n",
            esc(&k),
            esc(&v)
        ));
    }
    h.raw("</table>\n");
    h.p("note", &tr!("report-provenance-note"));
    h.raw("</section>\n");
}

fn kpis_block(
    h: &mut Html,
    s: &Scenario,
    base_dir: &Path,
    r: &Results,
    reliability: Option<&Assessment>,
) {
    let k = &r.kpis;
    let c = &r.capacity;
    h.h2("kpis", &tr!("report-key-results"));
    // Headline figures.
    let targets = if k.targets.is_empty() {
        (tr!("report-targets-none"), "")
    } else if k.all_targets_met {
        (tr!("report-targets-all-met"), "met")
    } else {
        let n = k.targets.iter().filter(|t| !t.met).count();
        (
            tr!(
                "report-targets-not-met",
                failed = n,
                total = k.targets.len()
            ),
            "notmet",
        )
    };
    // Headline figures: the registry's headline KPIs (the GUI's cards), then the targets.
    h.raw("<div class=\"headline\">\n");
    let cards = crate::sim::kpi_registry::cards(k);
    let under_failures = reliability.map(|a| {
        let [lole, eue] = reliability_headline(a);
        [(lole.0, lole.1, ""), (eue.0, eue.1, "")]
    });
    let headline = cards
        .iter()
        .map(|c| (c.title.to_string(), c.value.clone(), ""))
        .chain(under_failures.into_iter().flatten())
        .chain([(tr!("report-targets"), targets.0.clone(), targets.1)]);
    for (label, value, class) in headline {
        let cls = if class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{class}\"")
        };
        h.raw(&format!(
            "<div>{}<b{cls}>{}</b></div>\n",
            esc(&label),
            esc(&value)
        ));
    }
    h.raw("</div>\n");
    h.p(
        "small",
        &tr!(
            "report-weather-line",
            source = crate::weather::source_in_words(&r.weather.source),
            steps = super::count(r.weather.len()),
            minutes = super::count((r.weather.step_s / 60) as usize),
            start = utc_shown(r.weather.start_unix_s)
        ),
    );
    // Every KPI of the registry, section by section, with the design-day capacity check first.
    use crate::sim::kpi_registry::{Section, in_section};
    for (i, section) in Section::ALL.into_iter().enumerate() {
        h.raw(if i == 0 {
            "<div class=\"block\">\n"
        } else {
            "</div>\n<div class=\"block\">\n"
        });
        h.h3(&section.label_text());
        let mut rows: Vec<(String, String)> = Vec::new();
        if section == Section::Datacenter {
            rows.extend(super::design_rows_text(c));
        }
        for spec in in_section(section) {
            let label = if spec.key == "net_present_cost_usd" {
                tr!(
                    "report-kpi-over-years",
                    label = spec.label_text(),
                    years = super::count(s.economics.analysis_years as usize)
                )
            } else {
                spec.label_text().into_owned()
            };
            rows.push((label, spec.format(k)));
        }
        h.kv(&rows);
    }
    h.raw("</div>\n");
    if !k.targets.is_empty() {
        h.raw("<div class=\"block\">\n");
        h.h3(&tr!("report-targets"));
        h.raw(&format!(
            "<table class=\"grid\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            esc(&tr!("report-target-kpi")),
            esc(&tr!("report-target-value")),
            esc(&tr!("report-target-target")),
            esc(&tr!("report-target-verdict"))
        ));
        for t in &k.targets {
            let f = t.formatted();
            let (verdict, class) = if t.met {
                (tr!("report-target-met"), "met")
            } else {
                (tr!("report-target-not-met"), "notmet")
            };
            let verdict = esc(&verdict);
            h.raw(&format!(
                "<tr><td>{}</td><td>{}</td><td>{} {}</td><td class=\"{class}\">{verdict}</td></tr>\n",
                esc(&f.label),
                esc(&f.value),
                esc(f.operator),
                esc(&f.target)
            ));
        }
        h.raw("</tbody>\n</table>\n</div>\n");
    }
    let warnings: Vec<String> = s
        .warnings_at(Some(base_dir))
        .iter()
        .map(|w| format!("{}: {}", w.path, w.message))
        .chain(r.notes.iter().cloned())
        .collect();
    if !warnings.is_empty() {
        h.h3(&tr!("report-warnings"));
        h.raw("<ul class=\"warnings\">\n");
        for w in &warnings {
            h.raw(&format!("<li>{}</li>\n", esc(w)));
        }
        h.raw("</ul>\n");
    }
}

/// The headline figures of a reliability run: (label, value with its unit) of LOLE and EUE, in
/// the current language.
pub fn reliability_headline(a: &Assessment) -> [(String, String); 2] {
    let st = &a.stats;
    [
        (
            tr!("report-lole-headline"),
            format!(
                "{} {}",
                fig(st.lole_h_per_year.mean, 2),
                tr!("report-unit-h-per-year")
            ),
        ),
        (
            tr!("report-eue-headline"),
            format!(
                "{} {}",
                fig(st.eue_mwh_per_year.mean, 1),
                tr!("report-unit-mwh-per-year")
            ),
        ),
    ]
}

/// A dispatch mode (as the scenario writes it) in words, in the current language.
pub fn dispatch_in_words(label: &str) -> String {
    use crate::scenario::DispatchMode;
    match DispatchMode::parse(label) {
        Ok(DispatchMode::PerfectForesight) => tr!("report-dispatch-perfect"),
        Ok(DispatchMode::Forecast { horizon_h }) => {
            tr!(
                "report-dispatch-forecast",
                hours = super::count(horizon_h as usize)
            )
        }
        Ok(DispatchMode::Greedy) => tr!("report-dispatch-greedy"),
        Err(_) => label.to_owned(),
    }
}

/// One row of the reliability figures: what, and its mean, standard error, P50 and P90, each
/// with its unit and `decimals` (words and figures in the current language).
pub struct ReliabilityRow {
    pub label: String,
    pub help: String,
    pub unit: String,
    pub mean: String,
    pub std_error: String,
    pub p50: String,
    pub p90: String,
}

/// The figures of a reliability run as rows (the GUI's table and the report's): LOLE, EUE,
/// LOLP, events per year, longest event, backup energy.
pub fn reliability_rows(a: &Assessment) -> Vec<ReliabilityRow> {
    use dakhla_core::reliability::Estimate;
    let st = &a.stats;
    let row = |id: &str, e: &Estimate, scale: f64, unit: String, dec: usize| {
        let v = |x: f64| {
            if x.is_finite() {
                let x = x * scale;
                let x = if x.abs() < 0.5 * 10f64.powi(-(dec as i32)) {
                    0.0
                } else {
                    x
                };
                fig(x, dec)
            } else {
                "-".to_owned()
            }
        };
        ReliabilityRow {
            label: tr!(id),
            help: tr!(&format!("{id}.help")),
            unit,
            mean: v(e.mean),
            std_error: v(e.std_error),
            p50: v(e.p50),
            p90: v(e.p90),
        }
    };
    vec![
        row(
            "report-rel-lole",
            &st.lole_h_per_year,
            1.0,
            tr!("report-unit-h-per-year"),
            2,
        ),
        row(
            "report-rel-eue",
            &st.eue_mwh_per_year,
            1.0,
            tr!("report-unit-mwh-per-year"),
            1,
        ),
        row("report-rel-lolp", &st.lolp, 100.0, "%".to_owned(), 4),
        row(
            "report-rel-events",
            &st.events_per_year,
            1.0,
            tr!("report-unit-events-per-year"),
            2,
        ),
        row(
            "report-rel-longest",
            &st.longest_event_h,
            1.0,
            "h".to_owned(),
            1,
        ),
        row(
            "report-rel-backup",
            &st.backup_energy_mwh_per_year,
            1.0,
            tr!("report-unit-mwh-per-year"),
            0,
        ),
    ]
}

/// The sentence that says what a reliability run is of: draws, weather years, seed, dispatch.
pub fn reliability_basis(a: &Assessment) -> String {
    let mut t = tr!(
        "report-rel-basis",
        draws = a.draws,
        draws_shown = super::count(a.draws as usize),
        years = a.years,
        years_shown = super::count(a.years as usize),
        seed = a.seed.to_string(),
        samples = super::count(a.stats.samples),
        dispatch = dispatch_in_words(&a.dispatch),
        mode = a.dispatch.as_str()
    );
    if !a.complete {
        t.push_str(&tr!(
            "report-rel-stopped",
            samples = super::count(a.stats.samples)
        ));
    }
    t
}

fn reliability_block(h: &mut Html, a: &Assessment, figures: &[Figure]) {
    let st = &a.stats;
    h.raw("<section class=\"block\">\n");
    h.h2("reliability", &tr!("report-reliability"));
    h.p("", &reliability_basis(a));
    h.p("note", &tr!("report-rel-note"));
    let rows: Vec<Vec<String>> = reliability_rows(a)
        .into_iter()
        .map(|r| {
            let u = |v: &str| format!("{v} {}", r.unit);
            vec![
                r.label.clone(),
                u(&r.mean),
                u(&r.std_error),
                u(&r.p50),
                u(&r.p90),
            ]
        })
        .collect();
    let (mean, std_error) = (tr!("report-col-mean"), tr!("report-col-std-error"));
    h.table(&["", &mean, &std_error, "P50", "P90"], &rows);
    h.raw("</section>\n");
    let figure = |h: &mut Html, stem: &str| {
        if let Some(fig) = figures.iter().find(|f| f.reliability && f.stem == stem) {
            figure_html(h, fig);
        }
    };
    if let Some(curve) = &st.survival {
        h.raw("<div class=\"block\">\n");
        h.h3(&tr!("report-rel-survival"));
        let rows: Vec<Vec<String>> = curve
            .iter()
            .map(|p| {
                vec![
                    format!("{} h", fig(p.duration_h, 0)),
                    pct(p.probability.mean, 1),
                    pct(p.probability.std_error, 2),
                    pct(p.probability.p90, 1),
                ]
            })
            .collect();
        let head = [
            tr!("report-col-grid-outage"),
            tr!("report-col-chance"),
            tr!("report-col-std-error"),
            "P90".to_owned(),
        ];
        h.table(&head.each_ref().map(String::as_str), &rows);
        h.raw("</div>\n");
        figure(h, "reliability-survival");
    }
    h.raw("<div class=\"block\">\n");
    h.h3(&tr!("report-rel-events-by-duration"));
    let mut head: Vec<String> = vec![tr!("report-col-duration")];
    head.extend(
        st.event_durations
            .iter()
            .map(charts::duration_bin_label_shown),
    );
    let mut row = vec![tr!("report-row-events-per-year")];
    row.extend(
        st.event_durations
            .iter()
            .map(|b| charts::sig3_shown(b.events_per_year)),
    );
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    h.table(&head, &[row]);
    h.raw("</div>\n");
    figure(h, "reliability-event-durations");
    h.raw("<div class=\"block\">\n");
    h.h3(&tr!("report-rel-without-failures"));
    let (h_yr, mwh_yr) = (
        tr!("report-unit-h-per-year"),
        tr!("report-unit-mwh-per-year"),
    );
    let rows: Vec<Vec<String>> = a
        .without_failures
        .modes
        .iter()
        .map(|m| {
            let mine = if m.dispatch == a.dispatch {
                tr!("report-this-scenarios")
            } else {
                String::new()
            };
            vec![
                format!("{}{mine}", dispatch_in_words(&m.dispatch)),
                format!("{} {h_yr}", fig(m.lole_h_per_year, 2)),
                format!("{} {mwh_yr}", fig(m.eue_mwh_per_year, 1)),
                format!("{} {mwh_yr}", fig(m.backup_energy_mwh_per_year, 0)),
            ]
        })
        .collect();
    let head = [
        tr!("report-col-dispatch"),
        tr!("report-col-lole"),
        tr!("report-col-eue"),
        tr!("report-col-backup-energy"),
    ];
    h.table(&head.each_ref().map(String::as_str), &rows);
    h.p("note", &tr!("report-rel-without-failures-note"));
    h.raw("</div>\n");
}

fn figure_html(h: &mut Html, fig: &Figure) {
    let svg = fig.svg.trim();
    let svg = svg.strip_prefix("<svg").unwrap_or(svg);
    h.raw(&format!(
        "<figure class=\"chart\" id=\"chart-{}\">\n<svg role=\"img\" aria-label=\"{}\"{svg}\n\
         <figcaption>{}</figcaption>\n</figure>\n",
        esc(&fig.stem),
        esc(&fig.stem),
        esc(&fig.caption)
    ));
}

/// What flexible compute is worth: the fronts' chart, and per target the least annualized cost
/// at each flexible share and what each point of flexibility saves against none.
fn flexibility_block(h: &mut Html, s: &Scenario, f: &FlexibilityReport, figures: &[Figure]) {
    let money = dakhla_core::sim::kpis::Money::of(&s.economics);
    let code = money.currency.code();
    h.raw("<section class=\"block\">\n");
    h.h2("flexibility", &tr!("report-flexibility"));
    h.p("", &tr!("report-flexibility-note"));
    for fig in figures.iter().filter(|f| f.flexibility) {
        figure_html(h, fig);
    }
    let mut head: Vec<String> = vec![tr!("report-flexibility-target")];
    for front in &f.fronts {
        head.push(tr!(
            "report-flexibility-share-cost",
            share = dakhla_i18n::number(100.0 * front.share_frac, 0),
            currency = code
        ));
    }
    head.push(tr!("report-flexibility-saved-per-point", currency = code));
    let targets: Vec<f64> = f
        .fronts
        .first()
        .map(|fr| fr.points.iter().map(|p| p.target).collect())
        .unwrap_or_default();
    let none = f.fronts.iter().find(|fr| fr.share_frac == 0.0);
    let most = f
        .fronts
        .iter()
        .filter(|fr| fr.share_frac > 0.0)
        .max_by(|a, b| a.share_frac.total_cmp(&b.share_frac));
    let cost_at = |fr: &dakhla_core::optimize::study::FlexibilityFront, k: usize| {
        fr.points
            .get(k)
            .filter(|p| p.feasible)
            .map(|p| money.from_usd(p.annualized_cost_usd))
    };
    let rows: Vec<Vec<String>> = targets
        .iter()
        .enumerate()
        .map(|(k, target)| {
            let mut row = vec![format!("{} %", dakhla_i18n::number(100.0 * target, 1))];
            for front in &f.fronts {
                row.push(or_dash(
                    cost_at(front, k).map(|c| dakhla_i18n::number(c / 1e6, 1)),
                ));
            }
            let saved = match (none, most) {
                (Some(n), Some(m)) => cost_at(n, k)
                    .zip(cost_at(m, k))
                    .map(|(a, b)| (a - b) / (100.0 * m.share_frac)),
                _ => None,
            };
            row.push(or_dash(saved.map(|v| dakhla_i18n::number(v / 1e6, 2))));
            row
        })
        .collect();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    h.table(&head, &rows);
    h.raw("</section>\n");
}

fn charts_block(h: &mut Html, figures: &[Figure]) {
    h.h2("charts", &tr!("report-charts"));
    h.p("small", &tr!("report-charts-note"));
    for fig in figures.iter().filter(|f| !f.reliability && !f.flexibility) {
        figure_html(h, fig);
    }
}

/// The sections of the report's inputs: the message of the title, and the path prefixes of the
/// fields in it (`meta` is the report's header; the schema version is the file's business).
/// The first is the site's, which also shows the weather data of the run.
const INPUT_SECTIONS: [(&str, &[&str]); 9] = [
    ("report-section-site", &["site.", "weather", "simulation."]),
    ("report-section-datacenter", &["datacenter."]),
    ("report-section-solar", &["solar_plants"]),
    ("report-section-wind", &["wind_farms"]),
    ("report-section-battery", &["battery."]),
    ("report-section-backup", &["backup"]),
    ("report-section-economics", &["economics."]),
    ("report-section-targets", &["targets."]),
    ("report-section-optimizer", &["optimizer."]),
];

/// Every input of the scenario, from the field registry: per section, the fields as label and
/// value (with the unit the planner edits it in), then each list as a table with one column
/// per item, with what the run made of each item below its fields.
fn inputs_block(h: &mut Html, s: &Scenario, r: &Results) {
    use crate::scenario::fields::{self, FieldKind};
    h.h2("inputs", &tr!("report-inputs"));
    let values = fields::values(s);
    for (k, (title, prefixes)) in INPUT_SECTIONS.iter().enumerate() {
        h.raw(if k == 0 {
            "<div class=\"block\">\n"
        } else {
            "</div>\n<div class=\"block\">\n"
        });
        h.h3(&tr!(title));
        let mine: Vec<&fields::FieldValue> = values
            .iter()
            .filter(|v| prefixes.iter().any(|p| v.path.starts_with(p)))
            .collect();
        // Fields outside lists.
        let mut rows: Vec<(String, String)> = mine
            .iter()
            .filter(|v| !v.path.contains('[') && !matches!(v.spec.kind, FieldKind::List { .. }))
            .map(|v| (v.spec.label_text().into_owned(), v.text()))
            .collect();
        if k == 0 {
            rows.push((
                tr!("report-weather-data"),
                crate::weather::source_in_words(&r.weather.source),
            ));
        }
        if !rows.is_empty() {
            h.kv(&rows);
        }
        // Lists: one table each, a column per item.
        let lists: Vec<&fields::FieldValue> = mine
            .iter()
            .copied()
            .filter(|v| matches!(v.spec.kind, FieldKind::List { .. }))
            .collect();
        for list in lists {
            let items = list.value.as_array().map_or(0, Vec::len);
            if lists_len_one_section(prefixes) > 1 || !rows.is_empty() {
                h.p(
                    "",
                    &tr!("report-list-label", label = list.spec.label_text()),
                );
            }
            if items == 0 {
                h.p("", &tr!("report-list-none"));
                continue;
            }
            list_table(h, &list.path, items, &mine, &results_rows(&list.path, s, r));
        }
    }
    h.raw("</div>\n");
}

/// How many lists a section holds, from its prefixes (a section that is one list needs no
/// caption above its table).
fn lists_len_one_section(prefixes: &[&str]) -> usize {
    crate::scenario::fields::all()
        .filter(|f| {
            matches!(f.kind, crate::scenario::fields::FieldKind::List { .. })
                && prefixes.iter().any(|p| f.path.starts_with(p))
        })
        .count()
}

/// The table of list `list` (`solar_plants`) with `items` items: a row per field of the items,
/// a column per item (headed by its name), "-" where an item's variant has no such field; then
/// `extra` rows (what the run made of each item).
fn list_table(
    h: &mut Html,
    list: &str,
    items: usize,
    values: &[&crate::scenario::fields::FieldValue],
    extra: &[(String, Vec<String>)],
) {
    let mut fields: Vec<String> = Vec::new();
    let mut cells: std::collections::BTreeMap<(String, usize), String> = Default::default();
    let mut labels: std::collections::BTreeMap<String, String> = Default::default();
    let mut names = vec![String::new(); items];
    for v in values {
        let Some(rest) = v.path.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
            continue;
        };
        let Some((index, field)) = rest.split_once("].") else {
            continue;
        };
        let Ok(i) = index.parse::<usize>() else {
            continue;
        };
        if i >= items {
            continue;
        }
        if field == "name" {
            names[i] = v.text();
            continue;
        }
        let key = field.to_owned();
        if !fields.contains(&key) {
            fields.push(key.clone());
        }
        labels
            .entry(key.clone())
            .or_insert_with(|| v.spec.label_text().into_owned());
        cells.insert((key, i), v.text());
    }
    let head: Vec<String> = std::iter::once(String::new())
        .chain(names.iter().cloned())
        .collect();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut rows: Vec<Vec<String>> = fields
        .iter()
        .map(|f| {
            std::iter::once(labels.get(f).cloned().unwrap_or_else(|| f.clone()))
                .chain((0..items).map(|i| {
                    cells
                        .get(&(f.clone(), i))
                        .cloned()
                        .unwrap_or_else(|| "-".into())
                }))
                .collect()
        })
        .collect();
    for (label, per_item) in extra {
        rows.push(
            std::iter::once(label.clone())
                .chain(per_item.iter().cloned())
                .collect(),
        );
    }
    h.table(&head, &rows);
}

/// What the run made of each item of a list: rows of (label, one cell per item).
fn results_rows(list: &str, s: &Scenario, r: &Results) -> Vec<(String, Vec<String>)> {
    match list {
        "datacenter.rack_groups" => {
            let fit = &r.capacity.group_racks_fit;
            vec![
                (
                    tr!("report-row-it-nameplate"),
                    s.datacenter
                        .rack_groups
                        .iter()
                        .map(|g| fig(g.count as f64 * g.kw_per_rack / 1000.0, 1))
                        .collect(),
                ),
                (
                    tr!("report-row-racks-fit"),
                    (0..s.datacenter.rack_groups.len())
                        .map(|i| or_dash(fit.get(i).map(|n| super::count(*n as usize))))
                        .collect(),
                ),
            ]
        }
        "solar_plants" => vec![(
            tr!("report-row-available"),
            s.solar_plants
                .iter()
                .map(|p| {
                    or_dash(
                        r.plants
                            .iter()
                            .find(|x| x.kind == "solar" && x.name == p.name)
                            .map(|x| gwh(x.energy_mwh)),
                    )
                })
                .collect(),
        )],
        "wind_farms" => vec![
            (
                tr!("report-row-turbine-rating"),
                s.wind_farms
                    .iter()
                    .map(|w| format!("{} kW", f(w.turbine.rated_kw())))
                    .collect(),
            ),
            (
                tr!("report-row-farm-capacity"),
                s.wind_farms
                    .iter()
                    .map(|w| {
                        format!(
                            "{} MW",
                            fig(w.turbine.rated_kw() * w.turbine_count as f64 / 1000.0, 0)
                        )
                    })
                    .collect(),
            ),
            (
                tr!("report-row-available"),
                s.wind_farms
                    .iter()
                    .map(|w| {
                        or_dash(
                            r.plants
                                .iter()
                                .find(|x| x.kind == "wind" && x.name == w.name)
                                .map(|x| gwh(x.energy_mwh)),
                        )
                    })
                    .collect(),
            ),
        ],
        _ => Vec::new(),
    }
}

/// Models and their references, as in README.md "Models" and the `# References` sections of
/// `src/model`, `src/sim` and the cost defaults of `scenario::Economics`: the message of the
/// stage (its `.model` attribute is the model in words), and the references as published.
const MODELS: [(&str, &str); 14] = [
    (
        "report-model-solar-position",
        "Reda, I. and Andreas, A. (2004), NREL/TP-560-34302",
    ),
    (
        "report-model-clear-sky",
        "Ineichen, P. and Perez, R. (2002), Solar Energy 73(3)",
    ),
    (
        "report-model-ghi-split",
        "Erbs, D. G., Klein, S. A. and Duffie, J. A. (1982), Solar Energy 28(4)",
    ),
    (
        "report-model-plane-of-array",
        "Perez, R. et al. (1990), Solar Energy 44(5); De Soto et al. (2006); Duffie and \
         Beckman (2013)",
    ),
    (
        "report-model-row-shading",
        "Passias and Kallback (1984); Marion et al. (2017); Gilman et al. (2018), \
         NREL/TP-6A20-67399 (PVWatts v8)",
    ),
    (
        "report-model-trackers",
        "Lorenzo et al. (2011); Anderson and Mikofski (2020), NREL/TP-5K00-76626",
    ),
    (
        "report-model-pv",
        "Faiman, D. (2008), Prog. Photovolt. 16(4); Dobos, A. P. (2014), PVWatts Version 5 \
         Manual, NREL/TP-6A20-62641",
    ),
    (
        "report-model-wind",
        "IEC 61400-12-1:2017; Hellmann (1915); windpowerlib",
    ),
    (
        "report-model-turbines",
        "NREL turbine-models; windpowerlib oedb turbine library",
    ),
    ("report-model-it-load", "Uptime Institute (2024)"),
    (
        "report-model-pue",
        "The Green Grid WP49 (2012); ASHRAE TC 9.9 (2021); DOE-2 / EnergyPlus chiller curves",
    ),
    (
        "report-model-battery",
        "Viswanathan, V. et al. (2022), PNNL-33283",
    ),
    (
        "report-model-dispatch",
        "HOMER load-following and cycle charging",
    ),
    (
        "report-model-cfe-economics",
        "Google 24/7 CFE methodology (2021); Short, Packey and Holt (1995), NREL/TP-462-5173",
    ),
];

fn assumptions_block(h: &mut Html, s: &Scenario) {
    h.h2("assumptions", &tr!("report-assumptions"));
    let rows: Vec<Vec<String>> = MODELS
        .iter()
        .map(|(id, reference)| {
            vec![
                tr!(id),
                tr!(&format!("{id}.model")),
                (*reference).to_owned(),
            ]
        })
        .collect();
    let head = [
        tr!("report-col-stage"),
        tr!("report-col-model"),
        tr!("report-col-reference"),
    ];
    h.table(&head.each_ref().map(String::as_str), &rows);
    // Where the scenario's costs come from: its cost set (each figure's source is in the set's
    // file) or the planner's own figures, and the currency they are written in.
    let e = &s.economics;
    let basis = match e.cost_basis.set() {
        Some(set) => tr!(
            "money-report-basis",
            name =
                crate::scenario::fields::choice_word("economics.cost_basis", e.cost_basis.name()),
            description = set.description.as_str(),
            edited = crate::scenario::money::edited_figures(s).len()
        ),
        None => tr!("money-report-basis-custom"),
    };
    h.p("", &basis);
    h.p(
        "",
        &tr!(
            "money-report-currency",
            currency = e.currency.code(),
            rate = crate::text::figure(e.per_usd()),
            as_of = e.exchange_rates.as_of_text(),
            source = e.exchange_rates.source.as_str()
        ),
    );
    h.p("", &tr!("report-climate"));
    h.p("", &tr!("report-time-and-balance"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Engine;
    use std::sync::OnceLock;

    fn reference() -> &'static (Scenario, Results) {
        static R: OnceLock<(Scenario, Results)> = OnceLock::new();
        R.get_or_init(|| {
            let s = Scenario::dakhla_reference();
            let r = Engine::new()
                .run(&s, Path::new("."))
                .expect("reference scenario runs");
            (s, r)
        })
    }

    fn read(dir: &Path, rel: &str) -> Vec<u8> {
        std::fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// (width, height) from a PNG's IHDR chunk, after checking the signature.
    fn png_size(bytes: &[u8]) -> (u32, u32) {
        assert!(bytes.len() > 33, "too short for a PNG");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        assert_eq!(&bytes[12..16], b"IHDR", "first chunk is IHDR");
        let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        (be(&bytes[16..20]), be(&bytes[20..24]))
    }

    #[test]
    fn export_writes_every_file_and_valid_charts() {
        let (s, r) = reference();
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("new/out"); // created, with its parent
        let summary = export_all(s, None, Path::new("."), r, None, None, &out).expect("exports");
        assert_eq!(summary.out_dir, out);
        assert_eq!(summary.report_path(), out.join("report.html"));
        let names: Vec<String> = summary
            .files
            .iter()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect();
        // Charts of a plain export: year, winter and summer week, SoC, monthly, three heat
        // maps, duration, PUE and one power curve (one wind farm).
        let stems = [
            "energy-balance-year",
            "energy-balance-winter-week",
            "energy-balance-summer-week",
            "battery-soc",
            "monthly-energy",
            "heatmap-unmet",
            "heatmap-backup",
            "heatmap-curtailed",
            "net-load-duration",
            "pue-vs-temperature",
            "pue-vs-wue",
            "power-curve-1-dakhla-north-wind",
        ];
        let mut expected: Vec<String> = stems
            .iter()
            .flat_map(|s| [format!("charts/{s}.svg"), format!("charts/{s}.png")])
            .collect();
        expected.extend(["kpis.json", "hourly.csv", "report.html"].map(String::from));
        assert_eq!(names, expected);
        for rel in &names {
            let meta = std::fs::metadata(out.join(rel)).expect(rel);
            assert!(meta.len() > 100, "{rel} is nearly empty");
        }
        // No temporary files left behind.
        for d in [&out, &out.join("charts")] {
            for e in std::fs::read_dir(d).expect("dir") {
                let n = e.expect("entry").file_name().to_string_lossy().into_owned();
                assert!(!n.starts_with(".dakhla-export-"), "left over: {n}");
            }
        }
        // PNG: signature and the intended size.
        let (w, h) = CHART_SIZE_PX;
        for stem in stems {
            let png = read(&out, &format!("charts/{stem}.png"));
            assert_eq!(png_size(&png), (w * PNG_SCALE, h * PNG_SCALE), "{stem}");
        }
        // SVG: one document with its title and axis descriptions (units).
        let labels: [(&str, &[&str]); 6] = [
            (
                "energy-balance-year",
                &[
                    "Energy balance [MW]",
                    "power [MW]",
                    "time (UTC)",
                    "facility load",
                ],
            ),
            (
                "battery-soc",
                &[
                    "Battery state of charge [MWh]",
                    "stored [MWh]",
                    "usable window",
                    "time (UTC)",
                    "daily mean",
                    "daily min–max",
                ],
            ),
            (
                "monthly-energy",
                &[
                    "Monthly energy by source [GWh]",
                    "energy [GWh]",
                    "month (UTC)",
                ],
            ),
            (
                "heatmap-backup",
                &[
                    "Backup output by day and hour [MW]",
                    "day (UTC)",
                    "hour of day (UTC)",
                ],
            ),
            (
                "net-load-duration",
                &["Net load duration", "net load [MW]", "[h]"],
            ),
            (
                "pue-vs-temperature",
                &["PUE against outdoor temperature", "PUE [-]"],
            ),
        ];
        for (stem, texts) in labels {
            let svg = String::from_utf8(read(&out, &format!("charts/{stem}.svg"))).expect("utf-8");
            assert!(svg.trim_start().starts_with("<svg"), "{stem}");
            assert!(svg.trim_end().ends_with("</svg>"), "{stem}");
            assert_eq!(svg.matches("<svg").count(), 1, "{stem}");
            assert!(svg.contains("viewBox=\"0 0 800 450\""), "{stem}");
            for t in texts {
                assert!(svg.contains(t), "{stem}: no {t:?}");
            }
        }
        let curve = String::from_utf8(read(&out, "charts/power-curve-1-dakhla-north-wind.svg"))
            .expect("utf-8");
        assert!(curve.contains("Power curve: 2023NREL_Bespoke_6MW_170 (Dakhla North wind)"));
        assert!(curve.contains("wind speed at hub height [m/s]") && curve.contains("power [kW]"));
        // The hourly CSV: header and one row per step.
        let csv = String::from_utf8(read(&out, "hourly.csv")).expect("utf-8");
        assert_eq!(
            csv.lines().next(),
            Some(crate::hourly_columns().join(",").as_str())
        );
        assert_eq!(csv.lines().count(), r.weather.len() + 1);
        // The report: name, provenance equal to kpis.json's, one inline SVG per chart.
        let json: serde_json::Value =
            serde_json::from_slice(&read(&out, "kpis.json")).expect("kpis.json parses");
        let sha = json["provenance"]["scenario_sha256"]
            .as_str()
            .expect("scenario_sha256");
        assert_eq!(sha.len(), 64);
        let html = String::from_utf8(read(&out, "report.html")).expect("utf-8");
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<h1>Dakhla 500 MW reference campus</h1>"));
        assert!(html.contains(sha));
        assert!(
            html.contains(
                json["provenance"]["weather_sha256"]
                    .as_str()
                    .expect("weather sha")
            )
        );
        assert_eq!(html.matches("<figure class=\"chart\"").count(), stems.len());
        assert_eq!(html.matches("<svg ").count(), stems.len());
        assert_eq!(html.matches("</svg>").count(), stems.len());
        for stem in stems {
            assert!(html.contains(&format!("id=\"chart-{stem}\"")), "{stem}");
        }
        for section in [
            "Provenance",
            "Key results",
            "Charts",
            "Inputs",
            "Assumptions and sources",
        ] {
            assert!(html.contains(&format!("{section}</h2>")), "{section}");
        }
        for text in [
            "AI hall A (liquid-cooled, 120 kW)",
            "Perez",
            "PVWatts",
            "Faiman",
            "IEC 61400-12-1",
            // The reference's cost set, its sources' file and its currency.
            "Morocco 2025",
            "assets/cost-sets/",
            "Money is in MAD",
            "Danish Energy Agency",
            "24/7 CFE score",
            "LCOE",
        ] {
            assert!(
                html.contains(&esc(text)) || html.contains(text),
                "report lacks {text:?}"
            );
        }
        // Self-contained: no scripts, no external resources; the only URL is the SVG namespace.
        assert!(!html.contains("<script"));
        assert!(!html.contains("src=") && !html.contains("href=") && !html.contains("url("));
        let urls = html.matches("http").count();
        let ns = html.matches("\"http://www.w3.org/2000/svg\"").count();
        assert_eq!(urls, ns, "only the SVG namespace may name a URL");
        assert!(html.contains("@media print") && html.contains("page-break-inside: avoid"));
    }

    /// The report's reliability run of the reference campus (1000 draws, one weather year).
    fn reference_reliability() -> &'static Assessment {
        static A: OnceLock<Assessment> = OnceLock::new();
        A.get_or_init(|| {
            let never = std::sync::atomic::AtomicBool::new(false);
            assess_for_report(&reference().0, Path::new("."), &never).expect("assessed")
        })
    }

    #[test]
    fn the_reference_report_has_a_reliability_section_with_lole_and_eue() {
        let (s, r) = reference();
        let a = reference_reliability();
        assert!(a.complete);
        assert_eq!((a.draws, a.years, a.seed), (1000, 1, 1));
        assert_eq!(a.stats.samples, 1000);
        let lole = a.stats.lole_h_per_year.mean;
        let eue = a.stats.eue_mwh_per_year.mean;
        assert!(lole.is_finite() && lole >= 0.0, "{lole}");
        assert!(eue.is_finite() && eue >= 0.0, "{eue}");
        // Failures can only add to the loss of load of the dispatch with every machine up.
        assert!(lole + 1e-9 >= a.without_failures.modes[0].lole_h_per_year);
        assert!(a.stats.backup_energy_mwh_per_year.mean > 0.0);
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("out");
        let file = Path::new("scenarios/dakhla-500mw.ron");
        let summary =
            export_all(s, Some(file), Path::new("."), r, Some(a), None, &out).expect("exports");
        let names: Vec<String> = summary
            .files
            .iter()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect();
        // No grid link: no survival chart; the event durations in both formats.
        for rel in [
            "charts/reliability-event-durations.svg",
            "charts/reliability-event-durations.png",
        ] {
            assert!(names.iter().any(|n| n == rel), "{rel} not in {names:?}");
        }
        assert!(!names.iter().any(|n| n.contains("reliability-survival")));
        assert_eq!(
            names,
            planned_files(s, r, Some(a), None)
                .iter()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .collect::<Vec<_>>()
        );
        let png = read(&out, "charts/reliability-event-durations.png");
        assert_eq!(png_size(&png), (1600, 900));
        let html = String::from_utf8(read(&out, "report.html")).expect("UTF-8");
        assert!(html.contains("<h2 id=\"reliability\">Reliability under failures</h2>"));
        // The section comes after the key results and before the charts of the year.
        let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{needle}"));
        assert!(at("id=\"kpis\"") < at("id=\"reliability\""));
        assert!(at("id=\"reliability\"") < at("id=\"charts\""));
        assert!(at("id=\"chart-reliability-event-durations\"") < at("id=\"charts\""));
        // LOLE and EUE with their units, in the headline and in the table.
        let lole_text = format!("{lole:.2} h/yr");
        let eue_text = format!("{eue:.1} MWh/yr");
        assert!(html.contains(&format!("LOLE under failures<b>{lole_text}</b>")));
        assert!(html.contains(&format!("EUE under failures<b>{eue_text}</b>")));
        assert!(html.contains(&format!(
            "<td>LOLE (loss-of-load expectation)</td><td class=\"n\">{lole_text}</td>"
        )));
        assert!(html.contains(&format!(
            "<td>EUE (expected unserved energy)</td><td class=\"n\">{eue_text}</td>"
        )));
        // What the run is of.
        assert!(html.contains(
            "1000 failure draws x 1 weather year (seed 1), 1000 sampled years, dispatched with \
             perfect foresight of the weather (PerfectForesight)."
        ));
        // The three dispatch modes without failures, the scenario's marked.
        assert!(html.contains("<td>perfect foresight of the weather (this scenario&#39;s)</td>"));
        assert!(html.contains("<td>a rolling 24 h forecast of the weather</td>"));
        assert!(html.contains("<td>no foresight (greedy)</td>"));
        assert!(html.contains("<th scope=\"col\">over 72</th>"));
        // Without a run, no section and no reliability charts.
        let plain = planned_files(s, r, None, None);
        assert!(
            !plain
                .iter()
                .any(|p| p.to_string_lossy().contains("reliability"))
        );
    }

    #[test]
    fn a_grid_link_gets_the_survival_table_and_chart() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let s = crate::scenario::load(&root.join("scenarios/dakhla-grid-link.ron"))
            .expect("the grid-link scenario");
        let base = root.join("scenarios");
        let r = Engine::new().run(&s, &base).expect("runs");
        let never = std::sync::atomic::AtomicBool::new(false);
        let o = AdequacyOptions {
            draws: 4,
            years: 1,
            seed: 3,
        };
        let a = dakhla_core::reliability::study::assess(&s, &base, &o, &never, |_, _| {})
            .expect("assessed");
        let curve = a
            .stats
            .survival
            .as_ref()
            .expect("a grid link rides through");
        assert_eq!(curve.len(), 5);
        let jobs = chart_jobs(&s, &r, Some(&a), None);
        let stems: Vec<&str> = jobs
            .iter()
            .filter(|j| j.is_reliability())
            .map(|j| j.stem.as_str())
            .collect();
        assert_eq!(
            stems,
            ["reliability-survival", "reliability-event-durations"]
        );
        let figures: Vec<Figure> = jobs
            .iter()
            .filter(|j| j.is_reliability())
            .map(|j| Figure {
                reliability: true,
                flexibility: false,
                stem: j.stem.clone(),
                caption: j.caption.clone(),
                svg: render_svg(j, &s, &r, Path::new("x.svg")).expect("draws"),
            })
            .collect();
        let html = report_html(
            &s,
            None,
            &base,
            &r,
            Some(&a),
            None,
            &crate::provenance(&s, Some(&base), &r),
            &figures,
        );
        assert!(html.contains("<h3>Riding through a loss of the grid link</h3>"));
        let one_h = format!(
            "<td class=\"n\">1 h</td><td class=\"n\">{:.1} %</td>",
            100.0 * curve[0].probability.mean
        );
        assert!(html.contains(&one_h), "{one_h}");
        assert!(html.contains("<td class=\"n\">72 h</td>"));
        assert!(html.contains("id=\"chart-reliability-survival\""));
        assert!(html.contains("chance of riding through [%]"));
        assert!(html.contains("4 failure draws x 1 weather year (seed 3), 4 sampled years"));
    }

    /// Fronts made by hand: 0 % and 30 % flexible, two targets; the second target cannot be
    /// met without flexibility.
    fn hand_fronts() -> FlexibilityReport {
        use dakhla_core::optimize::study::{FlexibilityFront, ParetoPoint};
        let point = |target: f64, cost: f64, feasible: bool| ParetoPoint {
            target,
            feasible,
            renewable_fraction: target,
            cfe_score: target,
            annualized_cost_usd: cost,
            lcoe_usd_per_mwh: cost / 2.3e6,
            extra_cost_usd_per_point: None,
            mix: Default::default(),
            evaluations: 10,
            wall_s: 0.1,
        };
        FlexibilityReport {
            target: dakhla_core::optimize::TargetKind::Cfe,
            fronts: vec![
                FlexibilityFront {
                    share_frac: 0.0,
                    points: vec![point(0.9, 130e6, true), point(0.99, 200e6, false)],
                },
                FlexibilityFront {
                    share_frac: 0.3,
                    points: vec![point(0.9, 124e6, true), point(0.99, 180e6, true)],
                },
            ],
        }
    }

    #[test]
    fn the_report_shows_what_flexible_compute_is_worth() {
        let (s, r) = reference();
        let f = hand_fronts();
        let jobs = chart_jobs(s, r, None, Some(&f));
        let job = jobs
            .iter()
            .find(|j| j.is_flexibility())
            .expect("the fronts' chart");
        let svg = render_svg(job, s, r, Path::new("x.svg")).expect("draws");
        assert!(svg.contains("30 % of the work flexible"), "legend");
        let figures = vec![Figure {
            reliability: false,
            flexibility: true,
            stem: job.stem.clone(),
            caption: job.caption.clone(),
            svg,
        }];
        let html = report_html(
            s,
            None,
            Path::new("."),
            r,
            None,
            Some(&f),
            &crate::provenance(s, None, r),
            &figures,
        );
        assert!(html.contains("<h2 id=\"flexibility\">What flexible compute is worth</h2>"));
        assert!(html.contains("id=\"chart-flexibility-fronts\""));
        // In the scenario's dirhams (9.2 per dollar): 130 M USD = 1196.0 M MAD; 6 M USD saved
        // by 30 points = 0.2 M USD = 1.84 M MAD a point; the unmet target has no cost.
        assert!(html.contains("<td class=\"n\">1196.0</td>"), "{html}");
        assert!(html.contains("<td class=\"n\">1.84</td>"));
        assert!(html.contains(">-</td>"), "the target 0 % cannot meet");
        // Shown once: in its section, not again with the year's charts.
        assert_eq!(html.matches("id=\"chart-flexibility-fronts\"").count(), 1);
        // Without fronts, no section.
        let plain = report_html(
            s,
            None,
            Path::new("."),
            r,
            None,
            None,
            &crate::provenance(s, None, r),
            &[],
        );
        assert!(!plain.contains("id=\"flexibility\""));
    }

    #[test]
    fn user_text_is_escaped_in_the_report() {
        let (s, r) = reference();
        let mut s = s.clone();
        s.meta.name = "A <b>&\"x\"".into();
        s.meta.notes = "<script>alert(1)</script>".into();
        s.datacenter.rack_groups[0].name = "racks <&> 'q'".into();
        let html = report_html(
            &s,
            Some(Path::new("dir/my <file>.ron")),
            Path::new("."),
            r,
            None,
            None,
            &crate::provenance(&s, None, r),
            &[],
        );
        assert!(html.contains("<h1>A &lt;b&gt;&amp;&quot;x&quot;</h1>"));
        assert!(
            html.contains("<title>A &lt;b&gt;&amp;&quot;x&quot; - dakhla-planner report</title>")
        );
        assert!(!html.contains("<b>&"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("racks &lt;&amp;&gt; &#39;q&#39;"));
        assert!(html.contains("my &lt;file&gt;.ron"));
        assert_eq!(
            escape_html("a&b<c>d\"e'f"),
            "a&amp;b&lt;c&gt;d&quot;e&#39;f"
        );
    }

    #[test]
    fn exporting_twice_gives_identical_files() {
        let (s, r) = reference();
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        let file = Path::new("scenarios/dakhla-500mw.ron");
        let sa = export_all(s, Some(file), Path::new("."), r, None, None, &a).expect("first");
        let sb = export_all(s, Some(file), Path::new("."), r, None, None, &b).expect("second");
        assert_eq!(sa.files, sb.files);
        for rel in &sa.files {
            assert!(
                read(&a, &rel.to_string_lossy()) == read(&b, &rel.to_string_lossy()),
                "{} differs",
                rel.display()
            );
        }
        // Again into the same folder: files are replaced, not duplicated.
        let again = export_all(s, Some(file), Path::new("."), r, None, None, &a).expect("again");
        assert_eq!(again.files, sa.files);
        assert_eq!(
            std::fs::read_dir(a.join("charts")).expect("dir").count(),
            sa.files.len() - 3
        );
    }

    #[test]
    fn unwritable_folder_is_named_in_the_error() {
        let (s, r) = reference();
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("plain-file");
        std::fs::write(&blocker, "x").expect("write");
        let out = blocker.join("out");
        let e = export_all(s, None, Path::new("."), r, None, None, &out)
            .expect_err("cannot export under a file");
        let msg = e.to_string();
        assert!(msg.starts_with("cannot create the folder "), "{msg}");
        assert!(msg.contains("plain-file"), "{msg}");
        assert!(!msg.contains("os error"), "{msg}");
    }

    #[test]
    fn weeks_and_slugs() {
        let (_, r) = reference();
        let n = r.weather.len();
        let w = week_from_15th(&r.weather, n, 1).expect("January week");
        assert_eq!(w.len(), 168);
        assert_eq!(
            format_utc(r.weather.time_unix_s(w.start)).get(..10),
            Some("2029-01-15")
        );
        let w = week_from_15th(&r.weather, n, 7).expect("July week");
        assert_eq!(
            format_utc(r.weather.time_unix_s(w.start)).get(..10),
            Some("2029-07-15")
        );
        assert_eq!(week_from_15th(&r.weather, 100, 7), None);
        assert_eq!(slug("Dakhla North wind"), "dakhla-north-wind");
        assert_eq!(slug("  <A&B> 2 "), "a-b-2");
        assert_eq!(slug("***"), "");
    }
}
