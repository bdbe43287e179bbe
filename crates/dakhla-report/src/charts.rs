//! Charts of results drawn with plotters on any `DrawingBackend`: the GUI's egui painter
//! (`gui::plot_backend`), PNG (`BitMapBackend`) and SVG (`SVGBackend`).
//!
//! Every chart takes a drawing area, the data and a [`ChartTheme`], fills the whole area (title,
//! legend, axes with units, plot) and returns a [`ChartFrame`] telling where the plot landed so
//! a caller can map the mouse back to data. Empty data or an empty window give an empty chart
//! with its title and a note, never a panic.
//!
//! Speed: series longer than the plot is wide are reduced per pixel column: lines to their
//! min/max envelope ([`min_max_decimate`], so no one-step spike disappears), stacked areas to
//! the column mean (energy-true), with hours of unmet load marked along the top edge. Fills are
//! drawn as axis-aligned rectangles (convex pieces, which is all egui can fill).
//!
//! Supply split: renewables used directly = min(solar + wind, facility load), shared between
//! solar and wind in proportion to their available output in that step.
//!
//! Languages: every word a chart draws comes from the `chart-*` messages of dakhla-i18n
//! (`locales/<lang>/charts.ftl`) in the current language, and figures (ticks, value labels)
//! and dates are written as that language writes them ([`fig`], [`dakhla_i18n::date`]).
//! English reads exactly as it always did. Names that files use as
//! contracts (column headers, `BalanceLayer::name`, [`HeatQuantity::label`], [`month_name`],
//! [`duration_bin_label`], [`sig3`]) stay English; their `*_shown`/`label()` siblings are for
//! people.

use crate::scenario::{Battery, Cooling};
use crate::sim::Results;
use crate::weather::{Weather, civil_from_days};
use dakhla_core::optimize::TargetKind;
use dakhla_core::optimize::study::ParetoPoint;
use dakhla_core::reliability::adequacy::{DurationBin, SurvivalPoint};
use dakhla_core::reliability::sizing::{SizingStep, front_of_steps};
use dakhla_i18n::tr;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::prelude::*;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::ops::Range;

/// Colours and clock of a chart. The GUI builds one per theme (`gui::theme`), in the site's
/// legal time; `print()` is for files, in UTC.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartTheme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    pub solar: RGBColor,
    pub wind: RGBColor,
    pub battery: RGBColor,
    pub backup: RGBColor,
    pub load: RGBColor,
    pub curtailed: RGBColor,
    pub unmet: RGBColor,
    pub soc: RGBColor,
    pub pue: RGBColor,
    pub highlight: RGBColor,
    /// One colour per scenario when several are drawn on one chart (Compare view), in order;
    /// cycled beyond eight.
    pub scenarios: [RGBColor; 8],
    /// The clock of time labels, month bins and heat-map hours: UTC for files, the site's
    /// legal time on screen.
    pub clock: Clock,
    /// The currency cost axes are drawn in (the scenario's; US dollars by default). Costs are
    /// given in US dollars and converted here.
    pub money: dakhla_core::sim::kpis::Money,
}

impl ChartTheme {
    /// This theme with cost axes in `money` (the scenario's currency).
    pub fn with_money(&self, money: dakhla_core::sim::kpis::Money) -> Self {
        Self {
            money,
            ..self.clone()
        }
    }

    /// A cost [USD/yr] in millions of the theme's currency, as the cost axes plot it.
    pub fn cost_m(&self, usd: f64) -> f64 {
        self.money.from_usd(usd) / 1e6
    }
}

/// The clock a chart shows times in. The series stay in UTC either way; a clock shifts only
/// what a person reads (tick labels, month and day bins, hours of day) and names itself on
/// the axis ("time (UTC)", "time (UTC+1)", "time (UTC+1, UTC+0 in Ramadan)").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Clock {
    /// UTC, labelled "UTC": files and print (exports stay in UTC and say so).
    #[default]
    Utc,
    /// The site's legal time, labelled with its offset ("UTC+1", "UTC-3:30", "UTC+0"): the
    /// screen. UTC plus [`Results::utc_offset_h`], and instant by instant
    /// [`Results::ramadan_utc_offset_h`] in Morocco's Ramadan periods when the run has one
    /// ([`Results::legal_offset_h_at`]), named then "UTC+1, UTC+0 in Ramadan".
    SiteLegal,
}

impl Clock {
    /// Offset of this clock from UTC in the run `r`: a [`LegalClock`], fixed (UTC: 0; the
    /// site's legal time without a Ramadan offset: [`Results::utc_offset_h`]) or changing in
    /// Morocco's Ramadan periods. Every helper that reads times on a clock ([`monthly_totals`],
    /// [`day_hour_grid`], [`format_hour_at`], [`local_day_window`]...) takes it, as it takes
    /// a fixed offset in hours (`f64`).
    pub fn offset_h(self, r: &Results) -> LegalClock {
        match self {
            Self::Utc => LegalClock::UTC,
            Self::SiteLegal => LegalClock::of_run(r),
        }
    }

    /// Name of this clock in the run `r` for labels: "UTC", or the site's offset ("UTC+1"),
    /// with its Ramadan offset when it has one ("UTC+1, UTC+0 in Ramadan", [`LegalClock::name`]).
    pub fn name(self, r: &Results) -> String {
        match self {
            Self::Utc => "UTC".to_owned(),
            Self::SiteLegal => LegalClock::of_run(r).name(),
        }
    }

    fn zone(self, r: &Results) -> Zone {
        Zone {
            clock: self.offset_h(r),
            name: self.name(r),
        }
    }
}

/// A clock resolved for one run: its offsets and its name.
#[derive(Clone, Debug, PartialEq)]
struct Zone {
    /// Local time minus UTC, instant by instant.
    clock: LegalClock,
    /// "UTC", "UTC+1", "UTC+1, UTC+0 in Ramadan".
    name: String,
}

/// The offset from UTC of a clock in one run, to the minute: one fixed offset all along, or
/// the site's legal time, which keeps another offset in Morocco's Ramadan periods
/// ([`dakhla_core::calendar::MOROCCO_RAMADAN_UTC`]: from UTC+1 back to UTC+0 in Morocco).
///
/// A clock that changes repeats an hour when it goes back (two steps of the run read the same
/// local hour: 02:00 twice on 14 January 2029 at the site) and skips one when it goes forward
/// (no step reads 02:00 on 18 February 2029). Sums by month or day put each step in the month
/// or day its start reads on the clock; heat-map cells average the steps that read their hour
/// (so a repeated hour is the mean of its two steps, a skipped one an empty cell).
///
/// A fixed offset in hours converts into one (`LegalClock::from(1.0)`), and reads exactly as
/// the fixed offsets always did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LegalClock {
    /// Local time minus UTC outside Ramadan, or all year [s].
    base_s: i64,
    /// Local time minus UTC in Morocco's Ramadan periods [s]; `None`: the base all year (also
    /// when the Ramadan offset is the base one).
    ramadan_s: Option<i64>,
}

impl LegalClock {
    /// UTC itself.
    pub const UTC: Self = Self {
        base_s: 0,
        ramadan_s: None,
    };

    /// A clock `offset_h` hours from UTC all along (rounded to the minute; not a number: 0).
    pub fn fixed(offset_h: f64) -> Self {
        Self {
            base_s: offset_s(offset_h),
            ramadan_s: None,
        }
    }

    /// The legal time of a site `utc_offset_h` hours from UTC that keeps
    /// `ramadan_utc_offset_h` in Morocco's Ramadan periods (`None`: the base offset all year).
    pub fn site(utc_offset_h: f64, ramadan_utc_offset_h: Option<f64>) -> Self {
        let base_s = offset_s(utc_offset_h);
        Self {
            base_s,
            ramadan_s: ramadan_utc_offset_h.map(offset_s).filter(|&r| r != base_s),
        }
    }

    /// The site's legal time in the run `r` ([`Results::legal_offset_h_at`]).
    pub fn of_run(r: &Results) -> Self {
        Self::site(fin(r.utc_offset_h), r.ramadan_utc_offset_h)
    }

    /// Whether the offset never changes.
    pub fn is_fixed(self) -> bool {
        self.ramadan_s.is_none()
    }

    /// The offset outside Ramadan (all year for a fixed clock) [h].
    pub fn base_h(self) -> f64 {
        self.base_s as f64 / 3600.0
    }

    /// The offset in Morocco's Ramadan periods, when it differs from the base one [h].
    pub fn ramadan_h(self) -> Option<f64> {
        self.ramadan_s.map(|s| s as f64 / 3600.0)
    }

    /// Local time minus UTC at the instant `unix_s` (UTC) [s].
    pub fn offset_s_at(self, unix_s: i64) -> i64 {
        match self.ramadan_s {
            Some(r) if dakhla_core::calendar::in_morocco_ramadan(unix_s) => r,
            _ => self.base_s,
        }
    }

    /// Local time minus UTC at the instant `unix_s` (UTC) [h].
    pub fn offset_h_at(self, unix_s: i64) -> f64 {
        self.offset_s_at(unix_s) as f64 / 3600.0
    }

    /// The time the clock reads at the instant `unix_s` (UTC), as seconds since 1970-01-01
    /// 00:00 of that clock.
    pub fn local_s(self, unix_s: i64) -> i64 {
        unix_s.saturating_add(self.offset_s_at(unix_s))
    }

    /// The instants (UTC) at which the clock reads `local_s`, earliest first: one, two in the
    /// hour a clock going back repeats, none in the hour a clock going forward skips.
    fn instants(self, local_s: i64) -> impl Iterator<Item = i64> {
        let base = local_s.saturating_sub(self.base_s);
        let other = self.ramadan_s.map(|r| local_s.saturating_sub(r));
        let (a, b) = match other {
            Some(o) if o < base => (Some(o), Some(base)),
            Some(o) => (Some(base), Some(o)),
            None => (Some(base), None),
        };
        [a, b]
            .into_iter()
            .flatten()
            .filter(move |&t| self.local_s(t) == local_s)
    }

    /// The first instant (UTC) at which the clock reads `local_s`, or, when it skips that
    /// time, the instant it jumps over it (the first it reads later). Fixed: `local_s` minus
    /// the offset.
    pub fn utc_at(self, local_s: i64) -> i64 {
        if let Some(t) = self.instants(local_s).next() {
            return t;
        }
        // Skipped: between the two readings, one before `local_s` and one after, the clock
        // jumps forward once (its periods are weeks long); find the jump.
        let a = local_s.saturating_sub(self.base_s);
        let b = self.ramadan_s.map_or(a, |r| local_s.saturating_sub(r));
        let (mut lo, mut hi) = (a.min(b), a.max(b));
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.local_s(mid) > local_s {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }

    /// The clock's name for labels: its offset ("UTC+1"), and when it changes its Ramadan one
    /// as well ("UTC+1, UTC+0 in Ramadan", `chart-clock-ramadan`).
    pub fn name(self) -> String {
        let base = offset_name(self.base_s);
        match self.ramadan_s {
            None => base,
            Some(r) => tr!(
                "chart-clock-ramadan",
                clock = base,
                ramadan = offset_name(r)
            ),
        }
    }

    /// The first and last days of this clock (days since 1970-01-01 there) that the first `n`
    /// (at least one) steps of `w` start in.
    fn day_span(self, w: &Weather, n: usize) -> (i64, i64) {
        let day = |i: usize| self.local_s(w.time_unix_s(i)).div_euclid(86_400);
        let last = n.clamp(1, w.len().max(1)) - 1;
        if self.is_fixed() {
            return (day(0), day(last));
        }
        // A clock going back may read an earlier day than the step before it did.
        (0..=last).fold((i64::MAX, i64::MIN), |(lo, hi), i| {
            let d = day(i);
            (lo.min(d), hi.max(d))
        })
    }
}

impl From<f64> for LegalClock {
    /// A clock `offset_h` hours from UTC all along ([`LegalClock::fixed`]).
    fn from(offset_h: f64) -> Self {
        Self::fixed(offset_h)
    }
}

/// An offset [h] in whole seconds, rounded to the minute; not a number counts as 0 and the
/// offset is kept within a day either way.
fn offset_s(offset_h: f64) -> i64 {
    let minutes = if offset_h.is_finite() {
        (offset_h * 60.0).round().clamp(-1440.0, 1440.0) as i64
    } else {
        0
    };
    minutes * 60
}

impl ChartTheme {
    /// Colours for files (PNG, SVG) and print: white paper, dark text, saturated series that
    /// stay apart in greyscale (solar light, wind dark, battery mid).
    pub fn print() -> Self {
        Self {
            background: RGBColor(255, 255, 255),
            text: RGBColor(0, 0, 0),
            grid: RGBColor(222, 222, 222),
            axis: RGBColor(80, 80, 80),
            solar: RGBColor(0xf2, 0xb1, 0x00),
            wind: RGBColor(0x1f, 0x5f, 0xa8),
            battery: RGBColor(0x7b, 0x4f, 0xc9),
            backup: RGBColor(0x8c, 0x56, 0x3c),
            load: RGBColor(0, 0, 0),
            curtailed: RGBColor(0xc8, 0xc8, 0xc8),
            unmet: RGBColor(0xd7, 0x19, 0x1c),
            soc: RGBColor(0x6a, 0x3d, 0x9a),
            pue: RGBColor(0x00, 0x79, 0x6b),
            highlight: RGBColor(0xd7, 0x19, 0x1c),
            scenarios: SCENARIO_COLOURS_LIGHT,
            clock: Clock::Utc,
            money: dakhla_core::sim::kpis::Money::default(),
        }
    }
}

/// Okabe & Ito (2008) colour-blind-safe qualitative palette, ordered for a light background
/// (yellow last: it is faint on white).
pub const SCENARIO_COLOURS_LIGHT: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xd5, 0x5e, 0x00),
    RGBColor(0x00, 0x9e, 0x73),
    RGBColor(0xe6, 0x9f, 0x00),
    RGBColor(0xcc, 0x79, 0xa7),
    RGBColor(0x56, 0xb4, 0xe9),
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0xf0, 0xe4, 0x42),
];

/// Where the plot of a drawn chart is, in backend pixels from the drawing area's origin, and
/// the data range it shows (`x_min` at the left edge, `y_min` at the bottom edge).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartFrame {
    pub plot_left_px: i32,
    pub plot_right_px: i32,
    pub plot_top_px: i32,
    pub plot_bottom_px: i32,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
}

impl ChartFrame {
    /// Data x at a horizontal pixel position, `None` outside the plot.
    pub fn x_at(&self, px: f64) -> Option<f64> {
        let (l, r) = (self.plot_left_px as f64, self.plot_right_px as f64);
        if r <= l || px < l || px > r {
            return None;
        }
        Some(self.x_min + (px - l) / (r - l) * (self.x_max - self.x_min))
    }

    /// Data y at a vertical pixel position, `None` outside the plot.
    pub fn y_at(&self, py: f64) -> Option<f64> {
        let (t, b) = (self.plot_top_px as f64, self.plot_bottom_px as f64);
        if b <= t || py < t || py > b {
            return None;
        }
        Some(self.y_min + (b - py) / (b - t) * (self.y_max - self.y_min))
    }

    /// Horizontal pixel position of data x.
    pub fn px_of_x(&self, x: f64) -> f64 {
        let (l, r) = (self.plot_left_px as f64, self.plot_right_px as f64);
        let span = self.x_max - self.x_min;
        if span == 0.0 {
            return l;
        }
        l + (x - self.x_min) / span * (r - l)
    }

    /// Vertical pixel position of data y.
    pub fn px_of_y(&self, y: f64) -> f64 {
        let (t, b) = (self.plot_top_px as f64, self.plot_bottom_px as f64);
        let span = self.y_max - self.y_min;
        if span == 0.0 {
            return b;
        }
        b - (y - self.y_min) / span * (b - t)
    }
}

/// Which series a [`heatmap`] shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeatQuantity {
    Unmet,
    Backup,
    Curtailed,
}

impl HeatQuantity {
    /// Name in words, in English (stable: code and files may use it).
    pub fn label(self) -> &'static str {
        match self {
            Self::Unmet => "unmet load",
            Self::Backup => "backup output",
            Self::Curtailed => "curtailed renewables",
        }
    }

    /// Name in words in the current language ("unmet load", "charge non desservie"), for text
    /// a person reads.
    pub fn label_shown(self) -> String {
        tr!(self.message(
            "chart-heat-unmet",
            "chart-heat-backup",
            "chart-heat-curtailed"
        ))
    }

    /// The heat map's title in the current language: "Unmet load by day and hour [MW]".
    fn title(self) -> String {
        tr!(self.message(
            "chart-heat-unmet-title",
            "chart-heat-backup-title",
            "chart-heat-curtailed-title"
        ))
    }

    /// The note of a heat map with nothing to show: "no unmet load in this run".
    fn none_note(self) -> String {
        tr!(self.message(
            "chart-heat-unmet-none",
            "chart-heat-backup-none",
            "chart-heat-curtailed-none"
        ))
    }

    fn message(
        self,
        unmet: &'static str,
        backup: &'static str,
        curtailed: &'static str,
    ) -> &'static str {
        match self {
            Self::Unmet => unmet,
            Self::Backup => backup,
            Self::Curtailed => curtailed,
        }
    }

    /// The series of this quantity [MW].
    pub fn series(self, r: &Results) -> &[f64] {
        match self {
            Self::Unmet => &r.dispatch.unmet_mw,
            Self::Backup => &r.dispatch.backup_mw,
            Self::Curtailed => &r.dispatch.curtailed_mw,
        }
    }
}

/// Font family name the charts use; [`ensure_font`] registers egui's bundled font under it.
pub const FONT: &str = "sans-serif";

/// Register the bundled font with plotters (once per process). Every chart calls it.
pub fn ensure_font() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let bytes = epaint_default_fonts::UBUNTU_LIGHT;
        // A font that fails to parse leaves text undrawn (plotters then reports an error that
        // the chart shows), it is not worth a panic.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, bytes);
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, bytes);
    });
}

// ------------------------------------------------------------------------------------------
// Data helpers
// ------------------------------------------------------------------------------------------

/// Reduce `values` to at most `columns` groups of consecutive values and keep each group's
/// minimum and maximum (NaN ignored), so a line drawn through them loses no spike. Returns
/// `(x0 + index of the group's first value, min, max)`; groups of only NaN are left out. When
/// there are no more values than columns each value is its own group.
pub fn min_max_decimate(values: &[f64], x0: usize, columns: usize) -> Vec<(usize, f64, f64)> {
    let n = values.len();
    if n == 0 || columns == 0 {
        return Vec::new();
    }
    let groups = n.min(columns);
    let mut out = Vec::with_capacity(groups);
    for g in 0..groups {
        let (a, b) = (g * n / groups, (g + 1) * n / groups);
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for &v in &values[a..b] {
            if !v.is_nan() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
        if lo <= hi {
            out.push((x0 + a, lo, hi));
        }
    }
    out
}

#[inline]
fn fin(v: f64) -> f64 {
    if v.is_finite() { v } else { 0.0 }
}

/// Steps that every series of `r` has (they agree unless something upstream went wrong).
pub fn series_len(r: &Results) -> usize {
    let d = &r.dispatch;
    [r.weather.len(), r.facility_load_mw.len(), d.len()]
        .into_iter()
        .chain(r.supply_mw.iter().map(Vec::len))
        .min()
        .unwrap_or(0)
}

/// Power flows of one step [MW], split for the energy-balance stack.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BalanceStep {
    /// Facility load [MW].
    pub load_mw: f64,
    /// Available solar and wind output [MW].
    pub solar_mw: f64,
    pub wind_mw: f64,
    /// Solar and wind serving the load directly (proportional split) [MW].
    pub solar_used_mw: f64,
    pub wind_used_mw: f64,
    pub discharge_mw: f64,
    pub charge_mw: f64,
    pub backup_mw: f64,
    /// Surplus exported over a grid link [MW].
    pub exported_mw: f64,
    pub curtailed_mw: f64,
    pub unmet_mw: f64,
}

/// One layer of the energy-balance and monthly-energy charts.
pub struct BalanceLayer {
    /// Short key (`curtailed`), for code that picks one layer.
    pub key: &'static str,
    /// Legend and hover text in English ("solar used"); stable, files use it as a column
    /// name. [`BalanceLayer::label`] is the name in the current language.
    pub name: &'static str,
    /// The message of its name in the current language (`chart-layer-solar-used`).
    pub message: &'static str,
    /// Its colour in a theme.
    pub color: fn(&ChartTheme) -> RGBColor,
    /// Its power in a step [MW].
    pub power_mw: fn(&BalanceStep) -> f64,
}

/// Number of layers of the balance charts.
pub const N_LAYERS: usize = BALANCE_LAYERS.len();

/// The layers of the balance charts, from the bottom: what serves the load (solar used, wind
/// used, discharge, backup, unmet: up to the load), then charging, export and curtailment above
/// it. The
/// one list the charts, their legends, the monthly totals and the GUI's hover text follow; a
/// new supply or store kind adds its layers here.
pub const BALANCE_LAYERS: [BalanceLayer; 8] = [
    BalanceLayer {
        key: "solar_used",
        name: "solar used",
        message: "chart-layer-solar-used",
        color: |t| t.solar,
        power_mw: |b| b.solar_used_mw,
    },
    BalanceLayer {
        key: "wind_used",
        name: "wind used",
        message: "chart-layer-wind-used",
        color: |t| t.wind,
        power_mw: |b| b.wind_used_mw,
    },
    BalanceLayer {
        key: "discharge",
        name: "battery discharge",
        message: "chart-layer-discharge",
        color: |t| t.battery,
        power_mw: |b| b.discharge_mw,
    },
    BalanceLayer {
        key: "backup",
        name: "backup",
        message: "chart-layer-backup",
        color: |t| t.backup,
        power_mw: |b| b.backup_mw,
    },
    BalanceLayer {
        key: "unmet",
        name: "unmet",
        message: "chart-layer-unmet",
        color: |t| t.unmet,
        power_mw: |b| b.unmet_mw,
    },
    BalanceLayer {
        key: "charge",
        name: "battery charge",
        message: "chart-layer-charge",
        color: |t| tint(t, t.battery, 0.35),
        power_mw: |b| b.charge_mw,
    },
    BalanceLayer {
        key: "exported",
        name: "exported",
        message: "chart-layer-exported",
        // Teal: surplus that leaves over the line, apart from the grey of curtailment and the
        // battery's tints, on paper and on screen alike.
        color: |_| RGBColor(0x2a, 0x9d, 0x8f),
        power_mw: |b| b.exported_mw,
    },
    BalanceLayer {
        key: "curtailed",
        name: "curtailed",
        message: "chart-layer-curtailed",
        color: |t| t.curtailed,
        power_mw: |b| b.curtailed_mw,
    },
];

impl BalanceLayer {
    /// Legend and hover text in the current language ("solar used", "solaire utilisé").
    pub fn label(&self) -> String {
        tr!(self.message)
    }
}

impl BalanceStep {
    /// The power of each layer of [`BALANCE_LAYERS`], in its order.
    pub fn layers(&self) -> [f64; N_LAYERS] {
        std::array::from_fn(|k| (BALANCE_LAYERS[k].power_mw)(self))
    }
}

/// Colours and legend names (in the current language) of the balance layers in `theme`.
fn layer_styles(theme: &ChartTheme) -> ([RGBAColor; N_LAYERS], [String; N_LAYERS]) {
    (
        std::array::from_fn(|k| (BALANCE_LAYERS[k].color)(theme).to_rgba()),
        std::array::from_fn(|k| BALANCE_LAYERS[k].label()),
    )
}

/// The flows of step `i` (zeros past the end; NaN read as 0).
pub fn balance_at(r: &Results, i: usize) -> BalanceStep {
    if i >= series_len(r) {
        return BalanceStep::default();
    }
    let d = &r.dispatch;
    let load = fin(r.facility_load_mw[i]).max(0.0);
    let solar = fin(r.solar_mw()[i]).max(0.0);
    let wind = fin(r.wind_mw()[i]).max(0.0);
    let ren = solar + wind;
    let used = ren.min(load);
    let (solar_used, wind_used) = if ren > 0.0 {
        (used * solar / ren, used * wind / ren)
    } else {
        (0.0, 0.0)
    };
    BalanceStep {
        load_mw: load,
        solar_mw: solar,
        wind_mw: wind,
        solar_used_mw: solar_used,
        wind_used_mw: wind_used,
        discharge_mw: fin(d.discharge_mw_at(i)).max(0.0),
        charge_mw: fin(d.charge_mw_at(i)).max(0.0),
        backup_mw: fin(d.backup_mw[i]).max(0.0),
        exported_mw: fin(d.exported_mw.get(i).copied().unwrap_or(0.0)).max(0.0),
        curtailed_mw: fin(d.curtailed_mw[i]).max(0.0),
        // Below the dispatch's tolerance an "unmet" power is rounding (1e-13 MW), not a
        // legend entry or an hour marked unserved.
        unmet_mw: {
            let u = fin(d.unmet_mw[i]).max(0.0);
            if u > dakhla_core::sim::dispatch::UNMET_TOLERANCE_MW {
                u
            } else {
                0.0
            }
        },
    }
}

/// Energy of one calendar month of a clock [MWh] (see [`monthly_totals`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthTotals {
    pub year: i64,
    /// 1..=12.
    pub month: u32,
    /// Hours of the run in this month [h]: less than the month has at the ends of a run, e.g.
    /// the one hour of the next January that a UTC year ends with at UTC+1.
    pub duration_h: f64,
    pub load_mwh: f64,
    /// Energy of each layer of [`BALANCE_LAYERS`], in its order [MWh].
    pub layers_mwh: [f64; N_LAYERS],
}

impl MonthTotals {
    /// The energy of the layer `key` of [`BALANCE_LAYERS`] (0 for an unknown key) [MWh].
    pub fn layer_mwh(&self, key: &str) -> f64 {
        BALANCE_LAYERS
            .iter()
            .position(|l| l.key == key)
            .map_or(0.0, |k| self.layers_mwh[k])
    }
}

/// The run's span when its steps are exactly one calendar year of UTC: (start of the year,
/// its length) [s]. Such a run is read as a cycle by a clock away from UTC (see [`clock_time`]).
fn whole_utc_year(w: &Weather) -> Option<(i64, i64)> {
    let (year, month, day) = civil_from_days(w.start_unix_s.div_euclid(86_400));
    let start = crate::weather::days_from_civil(year, 1, 1) * 86_400;
    let len = (crate::weather::days_from_civil(year + 1, 1, 1) * 86_400) - start;
    let covered = (w.len() as i64).checked_mul(w.step_s)?;
    ((month, day) == (1, 1) && w.start_unix_s == start && covered == len).then_some((start, len))
}

/// Time on the clock `clock` of the step starting at `unix_s`, for sums by month, day and hour
/// of day. A run of one whole UTC year is a cycle: at UTC+1 its last step (00:00 on 1 January
/// of the next year there) stands for the same hour of its own year, which the run lacks, so
/// the months and days of the site's year are whole and there are twelve of them. (A clock
/// that changes reads each step at its own offset: at the site with its Ramadan hour, a run of
/// 2029 ends at 23:00 UTC+0 on 31 December and its first local hour, 00:00 on 1 January,
/// stays without a step.)
fn clock_time(unix_s: i64, clock: LegalClock, year: Option<(i64, i64)>) -> i64 {
    let t = clock.local_s(unix_s);
    match year {
        Some((start, len)) => start + (t - start).rem_euclid(len),
        None => t,
    }
}

/// Sums per calendar month of the clock `clock` (a [`LegalClock`], or a fixed offset from UTC
/// in hours: 0 for UTC months), in time order. A step belongs to the month its start falls in
/// on that clock. A run of one whole UTC year gives the twelve months of the site's year: the
/// hour or two it has of the next (UTC+1) or the previous (UTC-3) year stand for the same
/// hours of its own (see [`clock_time`]). Any other run may begin or end with part of a month
/// ([`MonthTotals::duration_h`]), and a month in which the clock changes has an hour more or
/// less than its days ([`month_duration_h`]). The months add up to the run either way.
pub fn monthly_totals(r: &Results, clock: impl Into<LegalClock>) -> Vec<MonthTotals> {
    let n = series_len(r);
    let w = &r.weather;
    let step_h = w.step_h();
    let clock = clock.into();
    let year = whole_utc_year(w);
    let mut out: Vec<MonthTotals> = Vec::new();
    for i in 0..n {
        let t = clock_time(w.time_unix_s(i), clock, year);
        let (y, m, _) = civil_from_days(t.div_euclid(86_400));
        // Steps come in time order, so the month is nearly always the last one.
        let k = match out.iter().rposition(|t| (t.year, t.month) == (y, m)) {
            Some(k) => k,
            None => {
                out.push(MonthTotals {
                    year: y,
                    month: m,
                    ..Default::default()
                });
                out.len() - 1
            }
        };
        let b = balance_at(r, i);
        let t = &mut out[k];
        t.duration_h += step_h;
        t.load_mwh += b.load_mw * step_h;
        for (acc, mw) in t.layers_mwh.iter_mut().zip(b.layers()) {
            *acc += mw * step_h;
        }
    }
    out.sort_by_key(|t| (t.year, t.month));
    out
}

/// Length of the calendar month `month` (1..=12) of `year` on the clock `clock` [h]: its days
/// times 24, an hour less or more when the clock goes forward or back in it (February 2029 at
/// the site with its Ramadan hour: 671 h). A month whose [`MonthTotals::duration_h`] is
/// shorter is only partly in the run.
pub fn month_duration_h(year: i64, month: u32, clock: impl Into<LegalClock>) -> f64 {
    let clock = clock.into();
    let month = month.clamp(1, 12);
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let start = crate::weather::days_from_civil(year, month, 1) * 86_400;
    let end = crate::weather::days_from_civil(ny, nm, 1) * 86_400;
    (clock.utc_at(end) - clock.utc_at(start)) as f64 / 3600.0
}

/// Net load (facility - solar - wind) of every step, sorted from the highest [MW].
pub fn net_load_sorted(r: &Results) -> Vec<f64> {
    let n = series_len(r);
    let mut v: Vec<f64> = (0..n)
        .map(|i| fin(r.facility_load_mw[i]) - fin(r.solar_mw()[i]) - fin(r.wind_mw()[i]))
        .collect();
    v.sort_by(|a, b| b.total_cmp(a));
    v
}

/// Mean of a quantity per (day, hour of day) cell on the clock `clock` (a [`LegalClock`] or a
/// fixed offset from UTC in hours): `cells[day * 24 + hour]`, `None` for cells without data.
/// Day 0 is that clock's day of the first step, or 1 January for a run of one whole UTC year,
/// whose days on any clock are the days of its year (see [`clock_time`]). Each step goes to
/// the cell of the date and hour its start reads on the clock, so where a clock changes (the
/// site's Ramadan hour) the hour it repeats holds the mean of its two steps and the hour it
/// skips is `None`. [`heat_cell_unix_s`] gives a cell's time.
pub fn day_hour_grid(
    w: &Weather,
    values: &[f64],
    clock: impl Into<LegalClock>,
) -> (usize, Vec<Option<f64>>) {
    let n = values.len().min(w.len());
    if n == 0 {
        return (0, Vec::new());
    }
    let clock = clock.into();
    let year = whole_utc_year(w);
    let (day0, days) = grid_days(w, n, clock);
    let mut sum = vec![0.0; days * 24];
    let mut count = vec![0u32; days * 24];
    for (i, &v) in values.iter().enumerate().take(n) {
        let t = clock_time(w.time_unix_s(i), clock, year);
        let d = (t.div_euclid(86_400) - day0) as usize;
        let h = (t.rem_euclid(86_400) / 3600) as usize;
        if let (Some(s), Some(c)) = (sum.get_mut(d * 24 + h), count.get_mut(d * 24 + h)) {
            *s += fin(v);
            *c += 1;
        }
    }
    let cells = sum
        .iter()
        .zip(&count)
        .map(|(s, &c)| (c > 0).then(|| s / c as f64))
        .collect();
    (days, cells)
}

/// The first day of a [`day_hour_grid`] of the first `n` steps of `w` on the clock `clock`
/// (days since 1970-01-01 on that clock), and the number of days (at least 1).
fn grid_days(w: &Weather, n: usize, clock: LegalClock) -> (i64, usize) {
    let (day0, last_day) = match whole_utc_year(w) {
        Some((start, len)) => (start / 86_400, (start + len) / 86_400 - 1),
        None => clock.day_span(w, n),
    };
    (day0, (last_day - day0 + 1).clamp(1, 366 * 200) as usize)
}

/// Start of the hour of the cell (`day`, `hour`) of a [`day_hour_grid`] of `w` on the clock
/// `clock`, as a Unix time (UTC) [s], for its label: format it with [`format_hour_at`] and the
/// same clock. (In a whole UTC year folded on the site's clock the cell's value may come from
/// the other end of the run: at UTC+1 the cell of 1 January, 00:00 holds the run's last step.)
/// Of an hour the clock repeats, the first of its two starts; of an hour it skips (an empty
/// cell), the instant it jumps over it ([`LegalClock::utc_at`]).
pub fn heat_cell_unix_s(w: &Weather, day: i64, hour: i64, clock: impl Into<LegalClock>) -> i64 {
    let clock = clock.into();
    let (day0, _) = grid_days(w, w.len(), clock);
    let day = day.clamp(-400 * 366, 400 * 366);
    clock.utc_at((day0 + day) * 86_400 + hour.clamp(0, 23) * 3600)
}

/// An offset from UTC as a clock's name, to the minute: `UTC+1`, `UTC-3:30`, `UTC+0`.
pub fn format_utc_offset(offset_h: f64) -> String {
    offset_name(offset_s(offset_h))
}

/// [`format_utc_offset`] of an offset in whole seconds (of minutes).
fn offset_name(offset_s: i64) -> String {
    let minutes = offset_s / 60;
    let sign = if minutes < 0 { '-' } else { '+' };
    let (h, m) = (minutes.abs() / 60, minutes.abs() % 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// Date and hour of a Unix time on the clock `clock` (a [`LegalClock`] or a fixed offset from
/// UTC in hours), with the offset in force then: `2029-03-14 14:00 UTC+1` for 13:00 UTC at
/// +1 h; at the site with its Ramadan hour, `2029-02-01 12:00 UTC+0` for 12:00 UTC that day.
pub fn format_hour_at(unix_s: i64, clock: impl Into<LegalClock>) -> String {
    let clock = clock.into();
    let local = clock.local_s(unix_s);
    let s = local.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02} {}",
        format_day_at(unix_s, clock),
        s / 3600,
        (s % 3600) / 60,
        offset_name(clock.offset_s_at(unix_s))
    )
}

/// Date of a Unix time on the clock `clock` (a [`LegalClock`] or a fixed offset from UTC in
/// hours), as the current language writes dates: `2029-03-15` for 23:30 UTC on the 14th at
/// +1 h (`15/03/2029` in French).
pub fn format_day_at(unix_s: i64, clock: impl Into<LegalClock>) -> String {
    let local = clock.into().local_s(unix_s);
    let (y, m, d) = civil_from_days(local.div_euclid(86_400));
    dakhla_i18n::date(y, m, d)
}

/// Calendar days of the clock `clock` (a [`LegalClock`] or a fixed offset from UTC in hours)
/// that the first `n` steps of `w` touch (366 for a UTC year at UTC+1: its last hour is the
/// next local day).
pub fn local_day_count(w: &Weather, n: usize, clock: impl Into<LegalClock>) -> usize {
    let n = n.min(w.len());
    if n == 0 {
        return 0;
    }
    let (first, last) = clock.into().day_span(w, n);
    (last - first + 1).max(1) as usize
}

/// Steps of the first `n` of `w` that start within `days` calendar days of the clock `clock`
/// (a [`LegalClock`] or a fixed offset from UTC in hours), from day `first_day` on (day 0:
/// that clock's day of the first step): the window of a day, week or month view that begins
/// at local midnight. Days beyond the run give an empty or shorter window.
pub fn local_day_window(
    w: &Weather,
    n: usize,
    first_day: usize,
    days: usize,
    clock: impl Into<LegalClock>,
) -> Range<usize> {
    let clock = clock.into();
    let n = n.min(w.len());
    let step_s = w.step_s.max(1);
    let (day0, _) = clock.day_span(w, n);
    let limit = local_day_count(w, n, clock) as i64 + 1;
    // The first step starting at or after the local midnight that opens `day`.
    let index_at = |day: i64| -> usize {
        let t = clock.utc_at((day0 + day.min(limit)) * 86_400);
        let k = (t - w.start_unix_s + step_s - 1).div_euclid(step_s);
        k.clamp(0, n as i64) as usize
    };
    let a = i64::try_from(first_day).unwrap_or(i64::MAX);
    let b = a.saturating_add(i64::try_from(days).unwrap_or(i64::MAX));
    index_at(a)..index_at(b)
}

/// Date and hour of a Unix time: `2029-03-14 13:00 UTC`.
pub fn format_hour_utc(unix_s: i64) -> String {
    let (y, m, d) = civil_from_days(unix_s.div_euclid(86_400));
    let s = unix_s.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        s / 3600,
        (s % 3600) / 60
    )
}

/// Three-letter month name of 1..=12, in English (stable: files and captions use it).
pub fn month_name(month: u32) -> &'static str {
    crate::weather::MONTH_NAMES
        .get((month as usize).wrapping_sub(1))
        .map_or("?", |m| &m[..3])
}

/// The month abbreviation of 1..=12 in the current language, for tick and hover labels:
/// [`month_name`] in English ("Jan"), "janv." in French.
pub fn month_name_shown(month: u32) -> String {
    const IDS: [&str; 12] = [
        "chart-month-jan",
        "chart-month-feb",
        "chart-month-mar",
        "chart-month-apr",
        "chart-month-may",
        "chart-month-jun",
        "chart-month-jul",
        "chart-month-aug",
        "chart-month-sep",
        "chart-month-oct",
        "chart-month-nov",
        "chart-month-dec",
    ];
    match IDS.get((month as usize).wrapping_sub(1)) {
        Some(id) => tr!(id),
        None => "?".to_owned(),
    }
}

// ------------------------------------------------------------------------------------------
// Axes
// ------------------------------------------------------------------------------------------

/// A linear axis with ticks chosen by the chart (dates, months, nice numbers).
#[derive(Clone, Debug)]
struct TickAxis {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl TickAxis {
    fn new(lo: f64, hi: f64, ticks: Vec<f64>) -> Self {
        let (lo, hi) = if lo.is_finite() && hi.is_finite() && hi > lo {
            (lo, hi)
        } else {
            (0.0, 1.0)
        };
        Self { lo, hi, ticks }
    }

    /// Ticks at round numbers, about `max_ticks` of them; returns the axis and the decimals
    /// the labels need.
    fn nice(lo: f64, hi: f64, max_ticks: usize) -> (Self, usize) {
        let axis = Self::new(lo, hi, Vec::new());
        let span = axis.hi - axis.lo;
        let raw = span / max_ticks.max(2) as f64;
        let mag = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|k| k * mag)
            .find(|s| *s >= raw)
            .unwrap_or(10.0 * mag);
        let first = (axis.lo / step).ceil() as i64;
        let last = (axis.hi / step + 1e-9).floor() as i64;
        let ticks = (first..=last.min(first + 1000))
            .map(|k| k as f64 * step)
            .collect();
        let decimals = if step >= 1.0 {
            0
        } else {
            (-step.log10().floor()).clamp(0.0, 6.0) as usize
                + usize::from(step * 10f64.powf(-step.log10().floor()) % 1.0 != 0.0)
        };
        (Self { ticks, ..axis }, decimals)
    }
}

impl Ranged for TickAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let f = ((value - self.lo) / (self.hi - self.lo)).clamp(-4.0, 5.0);
        let f = if f.is_nan() { 0.0 } else { f };
        limit.0 + (f * (limit.1 - limit.0) as f64).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        let max = hint.max_num_points();
        if max == 0 || self.ticks.is_empty() {
            return Vec::new();
        }
        let every = self.ticks.len().div_ceil(max);
        self.ticks.iter().step_by(every.max(1)).copied().collect()
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

impl ValueFormatter<f64> for TickAxis {
    fn format(value: &f64) -> String {
        format!("{value}")
    }
}

/// `v` with `decimals` decimals as the current language writes figures
/// ([`dakhla_i18n::number`]: "1234.5", "1 234,5"), with one change: French groups thousands
/// with a no-break space (U+00A0) here, not the narrow one (U+202F), because the font charts
/// are drawn with in files (Ubuntu Light, [`ensure_font`]) has no U+202F glyph and a PNG would
/// show a box in its place. English has no grouping, so it is unchanged.
fn fig(v: f64, decimals: usize) -> String {
    fig_in(dakhla_i18n::current(), v, decimals)
}

/// [`fig`] in `lang`.
fn fig_in(lang: dakhla_i18n::Lang, v: f64, decimals: usize) -> String {
    dakhla_i18n::number_in(lang, v, decimals).replace(dakhla_i18n::NARROW_NBSP, "\u{a0}")
}

/// Number label with `decimals` digits, as the current language writes figures ([`fig`]).
fn num_fmt(decimals: usize) -> impl Fn(&f64) -> String {
    move |v: &f64| {
        let v = if v.abs() < 1e-12 { 0.0 } else { *v };
        fig(v, decimals)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum TickMode {
    Hours,
    Days,
    Months,
}

/// A time axis over steps `window` of `w`: x is the step index (step `i` spans `[i, i+1)`).
/// Ticks fall on whole hours, midnights and month starts of the clock `zone`, and are labelled
/// in it. Where the clock changes, an hour it repeats has two ticks (both read "02:00") and an
/// hour it skips none.
struct TimeAxis {
    start_unix_s: i64,
    step_s: i64,
    /// The clock of the labels.
    clock: LegalClock,
    mode: TickMode,
}

impl TimeAxis {
    fn new(w: &Weather, window: &Range<usize>, max_ticks: usize, zone: &Zone) -> (TickAxis, Self) {
        let step_s = w.step_s.max(1);
        let clock = zone.clock;
        // The window's ends in UTC (u0, u1) and on the zone's clock (t0, t1). Ticks are chosen
        // among local times and kept when an instant the clock reads them at is in the window.
        let (u0, u1) = (w.time_unix_s(window.start), w.time_unix_s(window.end));
        let (t0, t1) = (clock.local_s(u0), clock.local_s(u1));
        // How far a changing clock may read before t0 or after t1 within the window [s].
        let spread = clock.ramadan_s.map_or(0, |r| (r - clock.base_s).abs());
        let in_window = |u: i64| u >= u0 && u <= u1;
        let span_h = (u1 - u0) as f64 / 3600.0;
        let max_ticks = max_ticks.max(2) as f64;
        let x_of = |u: i64| (u - w.start_unix_s) as f64 / step_s as f64;
        let mut ticks = Vec::new();
        let hours = [1i64, 2, 3, 6, 12, 24, 48, 96, 168];
        let mode = if let Some(&k) = hours.iter().find(|&&k| span_h / k as f64 <= max_ticks) {
            let every_s = k * 3600;
            let mut t = (t0 - spread).div_euclid(every_s) * every_s;
            if k >= 24 {
                t = (t0 - spread).div_euclid(86_400) * 86_400;
            }
            while t <= t1 + spread && ticks.len() < 1000 {
                if k < 24 {
                    // Every instant the clock reads t at: two in an hour it repeats.
                    ticks.extend(clock.instants(t).filter(|&u| in_window(u)).map(x_of));
                } else {
                    let u = clock.utc_at(t);
                    if in_window(u) {
                        ticks.push(x_of(u));
                    }
                }
                t += every_s;
            }
            if k < 24 {
                TickMode::Hours
            } else {
                TickMode::Days
            }
        } else {
            let months = (span_h / (24.0 * 30.44)).max(1.0);
            let every = [1u32, 2, 3, 6, 12]
                .into_iter()
                .find(|&k| months / k as f64 <= max_ticks)
                .unwrap_or(12);
            let (mut y, mut m, d) = civil_from_days(t0.div_euclid(86_400));
            // A window that opens on the first day of a month after its midnight (a UTC year
            // seen at UTC+1 opens at 01:00) still names its month at the left edge.
            let month_start = crate::weather::days_from_civil(y, m, 1) * 86_400;
            if d == 1 && t0 > month_start && (m - 1) % every == 0 {
                ticks.push(x_of(u0));
            }
            for _ in 0..2400 {
                let t = crate::weather::days_from_civil(y, m, 1) * 86_400;
                if t > t1 + spread {
                    break;
                }
                let u = clock.utc_at(t);
                if in_window(u) && (m - 1) % every == 0 {
                    ticks.push(x_of(u));
                }
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
            TickMode::Months
        };
        if !clock.is_fixed() {
            ticks.sort_by(f64::total_cmp);
            ticks.dedup();
        }
        let axis = TickAxis::new(window.start as f64, window.end as f64, ticks);
        (
            axis,
            Self {
                start_unix_s: w.start_unix_s,
                step_s,
                clock,
                mode,
            },
        )
    }

    fn label(&self, x: f64) -> String {
        let u = self.start_unix_s + (x * self.step_s as f64).round() as i64;
        let t = self.clock.local_s(u);
        let (_, m, d) = civil_from_days(t.div_euclid(86_400));
        let s = t.rem_euclid(86_400);
        match self.mode {
            TickMode::Hours if s != 0 => format!("{:02}:{:02}", s / 3600, (s % 3600) / 60),
            TickMode::Hours | TickMode::Days => format!("{d} {}", month_name_shown(m)),
            TickMode::Months => month_name_shown(m),
        }
    }
}

/// "time (UTC), 2029-03-14 to 2029-03-21": the clock and the days of the window in it.
fn time_desc(w: &Weather, window: &Range<usize>, zone: &Zone) -> String {
    let day = |t: i64| {
        let (y, m, d) = civil_from_days(zone.clock.local_s(t).div_euclid(86_400));
        dakhla_i18n::date(y, m, d)
    };
    let last = w.time_unix_s(window.end.max(window.start + 1) - 1);
    tr!(
        "chart-time-window",
        zone = zone.name.as_str(),
        from = day(w.time_unix_s(window.start)),
        to = day(last)
    )
}

/// "time (UTC)": the time axis of a chart without data.
fn time_axis_desc(zone: &Zone) -> String {
    tr!("chart-time-axis", zone = zone.name.as_str())
}

// ------------------------------------------------------------------------------------------
// Drawing helpers
// ------------------------------------------------------------------------------------------

fn err<E: std::fmt::Display>(e: E) -> String {
    tr!("chart-drawing-failed", error = e.to_string())
}

fn text_style(size: u32, color: &RGBColor) -> TextStyle<'static> {
    (FONT, size).into_font().color(color)
}

enum Swatch {
    Fill(RGBAColor),
    Line(RGBAColor),
}

struct LegendItem {
    label: String,
    swatch: Swatch,
}

fn fill_item(label: impl Into<String>, c: RGBAColor) -> LegendItem {
    LegendItem {
        label: label.into(),
        swatch: Swatch::Fill(c),
    }
}

fn line_item(label: impl Into<String>, c: RGBAColor) -> LegendItem {
    LegendItem {
        label: label.into(),
        swatch: Swatch::Line(c),
    }
}

const TITLE_PX: u32 = 16;
const LABEL_PX: u32 = 12;

/// Fill the area, draw the title and the legend rows, and return the area below them.
fn header<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    legend: &[LegendItem],
    theme: &ChartTheme,
) -> Result<DrawingArea<DB, Shift>, String> {
    area.fill(&theme.background).map_err(err)?;
    let (w, _) = area.dim_in_pixel();
    let title_style = text_style(TITLE_PX, &theme.text);
    area.draw_text(title, &title_style, (10, 6)).map_err(err)?;
    let label_style = text_style(LABEL_PX, &theme.text);
    let row_h = 17i32;
    let mut x = 10i32;
    let mut y = 6 + TITLE_PX as i32 + 6;
    let mut rows = 0;
    for item in legend {
        let (tw, _) = area
            .estimate_text_size(&item.label, &label_style)
            .map_err(err)?;
        let item_w = 18 + tw as i32 + 14;
        if x > 10 && x + item_w > w as i32 - 6 {
            x = 10;
            y += row_h;
            rows = 0;
        }
        rows = rows.max(1);
        let cy = y + 7;
        match &item.swatch {
            Swatch::Fill(c) => area
                .draw(&Rectangle::new([(x, cy - 5), (x + 12, cy + 5)], c.filled()))
                .map_err(err)?,
            Swatch::Line(c) => area
                .draw(&PathElement::new(
                    vec![(x, cy), (x + 12, cy)],
                    c.stroke_width(2),
                ))
                .map_err(err)?,
        }
        area.draw_text(
            &item.label,
            &label_style.pos(Pos::new(HPos::Left, VPos::Center)),
            (x + 18, cy),
        )
        .map_err(err)?;
        x += item_w;
    }
    let used = if legend.is_empty() {
        6 + TITLE_PX as i32 + 4
    } else {
        y + row_h * rows + 2
    };
    Ok(area.split_vertically(used).1)
}

type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<TickAxis, TickAxis>>;

fn build<'a, DB: DrawingBackend>(
    body: &'a DrawingArea<DB, Shift>,
    x: TickAxis,
    y: TickAxis,
) -> Result<Chart<'a, DB>, String> {
    ChartBuilder::on(body)
        .margin_top(4)
        .margin_right(18)
        .margin_left(4)
        .margin_bottom(2)
        .x_label_area_size(38)
        .y_label_area_size(62)
        .build_cartesian_2d(x, y)
        .map_err(err)
}

/// Width of the plot [`build`] makes in an area `width_px` wide: the area less the y labels
/// and the side margins [px].
fn plot_px_of_width(width_px: u32) -> usize {
    (width_px as usize).saturating_sub(62 + 4 + 18).max(1)
}

/// Ticks that fit the body: (max x ticks, max y ticks).
fn tick_budget<DB: DrawingBackend>(body: &DrawingArea<DB, Shift>) -> (usize, usize) {
    let (w, h) = body.dim_in_pixel();
    (
        ((w.saturating_sub(90)) / 80).max(2) as usize,
        ((h.saturating_sub(50)) / 36).max(2) as usize,
    )
}

fn axes<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    theme: &ChartTheme,
    x_desc: &str,
    y_desc: &str,
    x_fmt: &dyn Fn(&f64) -> String,
    y_fmt: &dyn Fn(&f64) -> String,
) -> Result<(), String> {
    let nx = chart.x_range_ticks();
    let ny = chart.y_range_ticks();
    let label_style = text_style(LABEL_PX, &theme.text);
    // Every tick keeps its grid line; only labels that would run into each other are left out.
    let shown = x_labels_that_fit(chart, &label_style, x_fmt);
    let x_fit = |v: &f64| {
        if shown.contains(v) {
            x_fmt(v)
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .x_labels(nx)
        .y_labels(ny)
        .max_light_lines(0)
        .bold_line_style(theme.grid)
        .axis_style(theme.axis)
        .label_style(label_style)
        .axis_desc_style(text_style(13, &theme.text))
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_label_formatter(&x_fit)
        .y_label_formatter(y_fmt)
        .draw()
        .map_err(err)
}

/// Least gap between two x labels [px].
const LABEL_GAP_PX: i32 = 8;

/// The x ticks of `chart` whose labels are drawn: all of them when they fit side by side,
/// otherwise every k-th from the first, for the least k of 2, 3, 4, 6, 12 (then multiples of
/// 12: months stay in step with quarters and years) at which no two labels come closer than
/// [`LABEL_GAP_PX`]. Ticks with an empty label take no room.
fn x_labels_that_fit<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    style: &TextStyle<'_>,
    fmt: &dyn Fn(&f64) -> String,
) -> Vec<f64> {
    let spec = chart.as_coord_spec();
    let y = spec.y_spec().lo;
    let area = chart.plotting_area();
    // (value, pixel centre, label width) of each labelled tick, left to right.
    let labels: Vec<(f64, i32, i32)> = spec
        .x_spec()
        .ticks
        .iter()
        .filter_map(|&v| {
            let text = fmt(&v);
            if text.is_empty() {
                return None;
            }
            let w = area.estimate_text_size(&text, style).map_or(0, |(w, _)| w);
            Some((v, chart.backend_coord(&(v, y)).0, w as i32))
        })
        .collect();
    let fits = |k: usize| {
        let kept: Vec<&(f64, i32, i32)> = labels.iter().step_by(k).collect();
        kept.windows(2)
            .all(|p| (p[1].1 - p[0].1).abs() >= (p[0].2 + p[1].2) / 2 + LABEL_GAP_PX)
    };
    let k = [1, 2, 3, 4, 6]
        .into_iter()
        .chain((1..).map(|m| 12 * m))
        .take_while(|k| *k < labels.len().max(2))
        .find(|k| fits(*k))
        .unwrap_or(labels.len().max(1));
    labels.iter().step_by(k).map(|l| l.0).collect()
}

trait TickCount {
    fn x_range_ticks(&self) -> usize;
    fn y_range_ticks(&self) -> usize;
}

impl<DB: DrawingBackend> TickCount for Chart<'_, DB> {
    fn x_range_ticks(&self) -> usize {
        self.as_coord_spec().x_spec().ticks.len().max(1)
    }
    fn y_range_ticks(&self) -> usize {
        self.as_coord_spec().y_spec().ticks.len().max(1)
    }
}

fn frame_of<DB: DrawingBackend>(chart: &Chart<'_, DB>) -> ChartFrame {
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let spec = chart.as_coord_spec();
    ChartFrame {
        plot_left_px: xr.start,
        plot_right_px: xr.end,
        plot_top_px: yr.start,
        plot_bottom_px: yr.end,
        x_min: spec.x_spec().lo,
        x_max: spec.x_spec().hi,
        y_min: spec.y_spec().lo,
        y_max: spec.y_spec().hi,
    }
}

fn plot_width_px<DB: DrawingBackend>(chart: &Chart<'_, DB>) -> usize {
    let (xr, _) = chart.plotting_area().get_pixel_range();
    (xr.end - xr.start).max(1) as usize
}

/// A note centred in the plot (for "no data").
fn note<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    theme: &ChartTheme,
    text: &str,
) -> Result<(), String> {
    let area = chart.plotting_area().strip_coord_spec();
    let (w, h) = area.dim_in_pixel();
    area.draw_text(
        text,
        &text_style(14, &theme.axis).pos(Pos::new(HPos::Center, VPos::Center)),
        (w as i32 / 2, h as i32 / 2),
    )
    .map_err(err)
}

/// An empty chart with its title, axes and a note; the frame spans 0..1 on both axes.
fn empty_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    x_desc: &str,
    y_desc: &str,
    message: &str,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    let body = header(area, title, &[], theme)?;
    let mut chart = build(
        &body,
        TickAxis::new(0.0, 1.0, Vec::new()),
        TickAxis::new(0.0, 1.0, Vec::new()),
    )?;
    let blank = |_: &f64| String::new();
    axes(&mut chart, theme, x_desc, y_desc, &blank, &blank)?;
    note(&chart, theme, message)?;
    Ok(frame_of(&chart))
}

/// Clamp a window to the series.
fn clamp_window(window: Range<usize>, n: usize) -> Range<usize> {
    let end = window.end.min(n);
    window.start.min(end)..end
}

/// Top of the y axis for data up to `max` (with headroom; 1 when there is nothing).
fn y_top(max: f64) -> f64 {
    if max.is_finite() && max > 0.0 {
        max * 1.08
    } else {
        1.0
    }
}

/// Opaque mix of `c` over the theme background (`a` = 0 background, 1 colour): no alpha, so
/// files and print look like the screen.
fn tint(theme: &ChartTheme, c: RGBColor, a: f64) -> RGBColor {
    let bg = theme.background;
    let m = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * a.clamp(0.0, 1.0)).round() as u8;
    RGBColor(m(bg.0, c.0), m(bg.1, c.1), m(bg.2, c.2))
}

/// Draw `values[window]` as a 2 px line, step `i` at x = (i + x_offset) * x_scale. When there
/// are more values than pixel columns each column becomes a bar over its min..max (widened to
/// take in the previous column's last value, so the line stays connected and no spike is lost).
fn draw_line<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    values: &[f64],
    window: &Range<usize>,
    x_offset: f64,
    x_scale: f64,
    color: RGBColor,
) -> Result<(), String> {
    let w = &values[window.clone()];
    let columns = plot_width_px(chart);
    let x_of = |i: f64| (i + x_offset) * x_scale;
    if w.len() <= columns {
        let points: Vec<(f64, f64)> = w
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .map(|(k, v)| (x_of((window.start + k) as f64), *v))
            .collect();
        chart
            .draw_series([PathElement::new(points, color.stroke_width(2))])
            .map_err(err)?;
        return Ok(());
    }
    let (_, yr) = chart.plotting_area().get_pixel_range();
    let spec = chart.as_coord_spec().y_spec();
    let per_px = (spec.hi - spec.lo) / (yr.end - yr.start).max(1) as f64;
    let half = per_px; // a 2 px thick line
    let cols = min_max_decimate(w, window.start, columns);
    let style = color.filled();
    chart
        .draw_series(cols.iter().enumerate().map(|(k, &(i, mut lo, mut hi))| {
            if let Some(prev) = values.get(i.wrapping_sub(1)).filter(|v| v.is_finite())
                && i > window.start
            {
                lo = lo.min(*prev);
                hi = hi.max(*prev);
            }
            let next = cols.get(k + 1).map_or(window.end, |c| c.0);
            let (x0, x1) = (x_of(i as f64), x_of(next as f64));
            Rectangle::new([(x0, lo - half), (x1, hi + half)], style)
        }))
        .map_err(err)?;
    Ok(())
}

/// Steps of `window` grouped for drawing: one group per step when they fit in `columns`,
/// otherwise blocks of whole hours (2, 3, 4, 6) or days (1, 2, 4, 7) of the clock `zone`, the
/// shortest that fits and is at least `min_block_h` long; 8 and 12 h blocks are skipped
/// because they alias with the day.
fn time_groups(
    w: &Weather,
    window: &Range<usize>,
    columns: usize,
    zone: &Zone,
    min_block_h: i64,
) -> Vec<Range<usize>> {
    let len = window.len();
    if len <= columns.max(1) {
        return window.clone().map(|i| i..i + 1).collect();
    }
    let step_s = w.step_s.max(1);
    let need_s = (len as f64 / columns.max(1) as f64) * step_s as f64;
    let block_s = [2i64, 3, 4, 6, 24, 48, 96, 168]
        .into_iter()
        .filter(|h| *h >= min_block_h)
        .map(|h| h * 3600)
        .find(|b| *b as f64 >= need_s)
        .unwrap_or_else(|| ((need_s / 604_800.0).ceil() as i64).max(1) * 604_800);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut key = None;
    for i in window.clone() {
        let k = zone.clock.local_s(w.time_unix_s(i)).div_euclid(block_s);
        match out.last_mut() {
            Some(g) if key == Some(k) => g.end = i + 1,
            _ => {
                out.push(i..i + 1);
                key = Some(k);
            }
        }
    }
    out
}

// ------------------------------------------------------------------------------------------
// Charts
// ------------------------------------------------------------------------------------------

/// Stacked supply (solar used, wind used, battery discharge, backup, unmet up to the load)
/// against the facility load line, with battery charging and curtailment stacked above the load,
/// over steps `window`. Wider windows than the plot show per-column means (the load line shows
/// its min/max envelope); columns with unmet load are marked along the top edge.
pub fn energy_balance<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &Results,
    window: Range<usize>,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let n = series_len(r);
    let window = clamp_window(window, n);
    let title = tr!("chart-balance-title");
    let y_desc = tr!("chart-balance-power-axis");
    let y_desc = y_desc.as_str();
    let zone = theme.clock.zone(r);
    if window.is_empty() {
        let x_desc = time_axis_desc(&zone);
        return empty_chart(area, &title, &x_desc, y_desc, &tr!("chart-no-data"), theme);
    }
    let (colors, names) = layer_styles(theme);
    // Which layers carry anything, and the y range.
    let mut present = [false; N_LAYERS];
    let mut max_top = 0.0f64;
    let mut any_unmet = false;
    for i in window.clone() {
        let b = balance_at(r, i);
        let layers = b.layers();
        for (p, v) in present.iter_mut().zip(layers) {
            *p |= v > 0.0;
        }
        any_unmet |= b.unmet_mw > 0.0;
        max_top = max_top.max(layers.iter().sum::<f64>()).max(b.load_mw);
    }
    let mut legend: Vec<LegendItem> = names
        .iter()
        .zip(colors)
        .zip(present)
        .filter(|(_, p)| *p)
        .map(|((n, c), _)| fill_item(n.as_str(), c))
        .collect();
    legend.push(line_item(tr!("chart-facility-load"), theme.load.to_rgba()));
    // With flexible compute, the load as planned before the work moved, dashed.
    let flexible = !r.flexible.is_empty();
    let base_load_c = theme.load.mix(0.55);
    if flexible {
        legend.push(line_item(
            tr!("chart-facility-load-before-shifting"),
            base_load_c.to_rgba(),
        ));
        for i in window.clone() {
            max_top = max_top.max(base_facility_mw(r, i));
        }
    }
    let body = header(area, &title, &legend, theme)?;
    let (nx, ny) = tick_budget(&body);
    let (x_axis, time) = TimeAxis::new(&r.weather, &window, nx, &zone);
    let y_max = y_top(max_top);
    let (y_axis, dec) = TickAxis::nice(0.0, y_max, ny);
    let mut chart = build(&body, x_axis, y_axis)?;
    let groups = time_groups(&r.weather, &window, plot_width_px(&chart), &zone, 1);
    let grouped = groups.len() < window.len();
    let mut x_desc = time_desc(&r.weather, &window, &zone);
    if grouped {
        let hours = groups.iter().map(|g| g.len()).max().unwrap_or(1) as f64 * r.weather.step_h();
        x_desc = if hours >= 24.0 {
            tr!(
                "chart-balance-means-days",
                time = x_desc,
                days = fig(hours / 24.0, 0)
            )
        } else {
            tr!(
                "chart-balance-means-hours",
                time = x_desc,
                hours = fig(hours, 0)
            )
        };
    }
    let x_fmt = |x: &f64| time.label(*x);
    axes(&mut chart, theme, &x_desc, y_desc, &x_fmt, &num_fmt(dec))?;
    // Per group: x span, mean layers, load mean/min/max, and whether any step had unmet load.
    struct Col {
        x0: f64,
        x1: f64,
        layers: [f64; N_LAYERS],
        load: [f64; 3],
        base_load: f64,
        unmet: bool,
    }
    let cols: Vec<Col> = groups
        .iter()
        .map(|g| {
            let mut sum = [0.0; N_LAYERS];
            let mut unmet = false;
            let (mut load_sum, mut lo, mut hi) = (0.0, f64::INFINITY, f64::NEG_INFINITY);
            let mut base_sum = 0.0;
            for i in g.clone() {
                if flexible {
                    base_sum += base_facility_mw(r, i);
                }
                let b = balance_at(r, i);
                for (s, v) in sum.iter_mut().zip(b.layers()) {
                    *s += v;
                }
                unmet |= b.unmet_mw > 0.0;
                load_sum += b.load_mw;
                lo = lo.min(b.load_mw);
                hi = hi.max(b.load_mw);
            }
            let cnt = g.len().max(1) as f64;
            Col {
                x0: g.start as f64,
                x1: g.end as f64,
                layers: sum.map(|s| s / cnt),
                load: [load_sum / cnt, lo, hi],
                base_load: base_sum / cnt,
                unmet,
            }
        })
        .collect();
    for (layer, color) in colors.iter().enumerate() {
        if !present[layer] {
            continue;
        }
        let style = color.filled();
        chart
            .draw_series(cols.iter().filter_map(|c| {
                let v = &c.layers;
                let base: f64 = v[..layer].iter().sum();
                (v[layer] > 0.0)
                    .then(|| Rectangle::new([(c.x0, base), (c.x1, base + v[layer])], style))
            }))
            .map_err(err)?;
    }
    if any_unmet {
        let style = theme.unmet.filled();
        chart
            .draw_series(
                cols.iter()
                    .filter(|c| c.unmet)
                    .map(|c| Rectangle::new([(c.x0, y_max * 0.975), (c.x1, y_max)], style)),
            )
            .map_err(err)?;
    }
    // Load: a step line (of group means), with thin min and max lines when grouped.
    let step_line = |k: usize| -> Vec<(f64, f64)> {
        cols.iter()
            .flat_map(|c| [(c.x0, c.load[k]), (c.x1, c.load[k])])
            .collect()
    };
    if grouped {
        for k in [1, 2] {
            chart
                .draw_series([PathElement::new(step_line(k), theme.load.stroke_width(1))])
                .map_err(err)?;
        }
    }
    chart
        .draw_series([PathElement::new(step_line(0), theme.load.stroke_width(2))])
        .map_err(err)?;
    if flexible {
        let base_line: Vec<(f64, f64)> = cols
            .iter()
            .flat_map(|c| [(c.x0, c.base_load), (c.x1, c.base_load)])
            .collect();
        chart
            .draw_series([plotters::element::DashedPathElement::new(
                base_line,
                6,
                4,
                base_load_c.stroke_width(2),
            )])
            .map_err(err)?;
    }
    Ok(frame_of(&chart))
}

/// The facility load at step `i` before flexible work moved: IT load as planned x PUE [MW].
fn base_facility_mw(r: &Results, i: usize) -> f64 {
    let it = r.it_load_base_mw.get(i).copied().unwrap_or(0.0);
    fin(it * r.pue.get(i).copied().unwrap_or(1.0)).max(0.0)
}

/// A day (or a few) of state of charge, as the long views of [`battery_soc`] draw it.
#[derive(Clone, Debug, PartialEq)]
pub struct SocSpan {
    /// The steps whose end-of-step state of charge the span sums up.
    pub steps: Range<usize>,
    /// Lowest, mean and highest state of charge at the ends of those steps [MWh].
    pub min_mwh: f64,
    pub mean_mwh: f64,
    pub max_mwh: f64,
}

/// Narrower days than this [px] turn the hourly state-of-charge line into a solid band: the
/// battery cycles daily, so a year of hours in a thousand pixels is one stripe.
const SOC_MIN_DAY_PX: f64 = 8.0;

/// How [`battery_soc`] sums up `window` in a plot `plot_px` wide: `None` when it draws the
/// hourly line (a day is at least 8 px wide), else one span per day of the theme's clock (or
/// per 2, 4, 7 days when days do not fit one per pixel column), with the lowest, mean and
/// highest state of charge of each. The GUI uses it to say what the hovered band shows.
pub fn soc_spans(
    r: &Results,
    window: Range<usize>,
    plot_px: usize,
    theme: &ChartTheme,
) -> Option<Vec<SocSpan>> {
    let n = series_len(r).min(r.dispatch.battery().soc_mwh.len());
    let window = clamp_window(window, n);
    let step_s = r.weather.step_s.max(1) as f64;
    let days = window.len() as f64 * step_s / 86_400.0;
    if window.is_empty() || plot_px as f64 / days >= SOC_MIN_DAY_PX {
        return None;
    }
    let soc = &r.dispatch.battery().soc_mwh;
    let zone = theme.clock.zone(r);
    let spans = time_groups(&r.weather, &window, plot_px, &zone, 24)
        .into_iter()
        .filter_map(|g| {
            let (mut lo, mut hi, mut sum, mut count) =
                (f64::INFINITY, f64::NEG_INFINITY, 0.0, 0usize);
            for &v in soc[g.clone()].iter().filter(|v| v.is_finite()) {
                lo = lo.min(v);
                hi = hi.max(v);
                sum += v;
                count += 1;
            }
            (count > 0).then(|| SocSpan {
                steps: g,
                min_mwh: lo,
                mean_mwh: sum / count as f64,
                max_mwh: hi,
            })
        })
        .collect();
    Some(spans)
}

/// The legend of [`soc_spans`]: the mean line's and the min–max band's, by the days per
/// span ("daily mean", "per 2 d min–max").
fn span_legend(spans: &[SocSpan], step_h: f64) -> (String, String) {
    let days = spans.iter().map(|s| s.steps.len()).max().unwrap_or(1) as f64 * step_h / 24.0;
    if days <= 1.0 + 1e-9 {
        (tr!("chart-soc-mean-daily"), tr!("chart-soc-range-daily"))
    } else {
        let days = fig(days.round(), 0);
        (
            tr!("chart-soc-mean-per", days = days.as_str()),
            tr!("chart-soc-range-per", days = days.as_str()),
        )
    }
}

/// State of charge at the end of each step [MWh] over `window`, with the usable window of
/// `battery` (floor and ceiling) as a band when given. Where days are too narrow for the hourly
/// line (a year, a season) each day shows as its lowest-to-highest band with the daily mean as a
/// line ([`soc_spans`]).
pub fn battery_soc<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &Results,
    window: Range<usize>,
    battery: Option<&Battery>,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let n = series_len(r);
    let window = clamp_window(window, n);
    // Short: the chart is low, and a long vertical label runs into the legend.
    let title = tr!("chart-soc-title");
    let y_desc = tr!("chart-soc-stored-axis");
    let y_desc = y_desc.as_str();
    let zone = theme.clock.zone(r);
    if window.is_empty() {
        let x_desc = time_axis_desc(&zone);
        return empty_chart(area, &title, &x_desc, y_desc, &tr!("chart-no-data"), theme);
    }
    let soc = &r.dispatch.battery().soc_mwh[..n];
    let band = battery
        .map(|b| (b.energy_mwh * b.soc_min_frac, b.energy_mwh * b.soc_max_frac))
        .filter(|(lo, hi)| lo.is_finite() && hi.is_finite() && hi > lo);
    let soc_max = soc[window.clone()]
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    let cap = battery.map_or(0.0, |b| fin(b.energy_mwh));
    // The legend depends on whether days get summed up, which depends on the plot's width: the
    // plot is as wide as the area less the y labels and margins of `build`.
    let plot_px = plot_px_of_width(area.dim_in_pixel().0);
    let spans = soc_spans(r, window.clone(), plot_px, theme);
    let range_c = tint(theme, theme.soc, 0.35);
    let mut legend = match &spans {
        None => vec![line_item(tr!("chart-soc-line"), theme.soc.to_rgba())],
        Some(s) => {
            let (mean, range) = span_legend(s, r.weather.step_h());
            vec![
                line_item(mean, theme.soc.to_rgba()),
                fill_item(range, range_c.to_rgba()),
            ]
        }
    };
    // Under the hourly line the usable window is a pale band; under daily bands, whose gaps it
    // would show through as a second purple, only its limits, dashed.
    let window_c = tint(theme, theme.soc, 0.15);
    let limit_c = tint(theme, theme.soc, 0.6);
    if let Some((lo, hi)) = band {
        let (low, high) = (fig(lo, 0), fig(hi, 0));
        legend.push(match spans {
            None => fill_item(
                tr!("chart-soc-usable", low = low, high = high),
                window_c.to_rgba(),
            ),
            Some(_) => line_item(
                tr!("chart-soc-usable-dashed", low = low, high = high),
                limit_c.to_rgba(),
            ),
        });
    }
    let body = header(area, &title, &legend, theme)?;
    let (nx, ny) = tick_budget(&body);
    let (x_axis, time) = TimeAxis::new(&r.weather, &window, nx, &zone);
    let y_max = y_top(soc_max.max(cap));
    let (y_axis, dec) = TickAxis::nice(0.0, y_max, ny);
    let mut chart = build(&body, x_axis, y_axis)?;
    let x_fmt = |x: &f64| time.label(*x);
    axes(
        &mut chart,
        theme,
        &time_desc(&r.weather, &window, &zone),
        y_desc,
        &x_fmt,
        &num_fmt(dec),
    )?;
    let (x0, x1) = (window.start as f64, window.end as f64);
    if soc_max <= 0.0 && cap <= 0.0 {
        note(&chart, theme, &tr!("chart-soc-no-battery"))?;
    }
    match spans {
        None => {
            if let Some((lo, hi)) = band {
                chart
                    .draw_series([Rectangle::new([(x0, lo), (x1, hi)], window_c.filled())])
                    .map_err(err)?;
                for y in [lo, hi] {
                    chart
                        .draw_series([PathElement::new(
                            vec![(x0, y), (x1, y)],
                            limit_c.stroke_width(1),
                        )])
                        .map_err(err)?;
                }
            }
            // SoC is the value at the end of step i, drawn at x = i + 1.
            draw_line(&mut chart, soc, &window, 1.0, 1.0, theme.soc)?
        }
        Some(spans) => {
            // Each span over the day it sums up (its values are the ends of its steps, at
            // most one step later), at least a pixel high so a flat day shows.
            let (_, yr) = chart.plotting_area().get_pixel_range();
            let per_px = (y_max / (yr.end - yr.start).max(1) as f64).max(0.0);
            chart
                .draw_series(spans.iter().map(|s| {
                    let (a, b) = (s.steps.start as f64, s.steps.end as f64);
                    let (lo, hi) = (s.min_mwh - per_px / 2.0, s.max_mwh + per_px / 2.0);
                    Rectangle::new([(a, lo), (b, hi)], range_c.filled())
                }))
                .map_err(err)?;
            if let Some((lo, hi)) = band {
                for y in [lo, hi] {
                    chart
                        .draw_series([plotters::element::DashedPathElement::new(
                            vec![(x0, y), (x1, y)],
                            5,
                            4,
                            limit_c.stroke_width(1),
                        )])
                        .map_err(err)?;
                }
            }
            let mean: Vec<(f64, f64)> = spans
                .iter()
                .map(|s| ((s.steps.start + s.steps.end) as f64 / 2.0, s.mean_mwh))
                .collect();
            chart
                .draw_series([PathElement::new(mean, theme.soc.stroke_width(1))])
                .map_err(err)?;
        }
    }
    Ok(frame_of(&chart))
}

/// Stacked bars per calendar month (of the theme's clock) of the energy serving the load by
/// source [GWh], with charging and curtailment above and the facility load marked by a bar.
pub fn monthly_energy<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &Results,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let months = monthly_totals(r, theme.clock.offset_h(r));
    let title = tr!("chart-monthly-title");
    let y_desc = tr!("chart-monthly-energy-axis");
    let y_desc = y_desc.as_str();
    let x_desc = tr!("chart-monthly-month-axis", zone = theme.clock.name(r));
    if months.is_empty() {
        return empty_chart(area, &title, &x_desc, y_desc, &tr!("chart-no-data"), theme);
    }
    let (colors, names) = layer_styles(theme);
    let layers = |m: &MonthTotals| m.layers_mwh.map(|v| v / 1000.0);
    let mut present = [false; N_LAYERS];
    let mut max_top = 0.0f64;
    for m in &months {
        let l = layers(m);
        for (p, v) in present.iter_mut().zip(l) {
            *p |= v > 0.0;
        }
        max_top = max_top.max(l.iter().sum()).max(m.load_mwh / 1000.0);
    }
    let mut legend: Vec<LegendItem> = names
        .iter()
        .zip(colors)
        .zip(present)
        .filter(|(_, p)| *p)
        .map(|((n, c), _)| fill_item(n.as_str(), c))
        .collect();
    legend.push(line_item(tr!("chart-facility-load"), theme.load.to_rgba()));
    let body = header(area, &title, &legend, theme)?;
    let (_, ny) = tick_budget(&body);
    let nm = months.len();
    let x_axis = TickAxis::new(-0.5, nm as f64 - 0.5, (0..nm).map(|i| i as f64).collect());
    let (y_axis, dec) = TickAxis::nice(0.0, y_top(max_top), ny);
    let mut chart = build(&body, x_axis, y_axis)?;
    let multi_year = months.first().map(|m| m.year) != months.last().map(|m| m.year);
    let x_fmt = |x: &f64| {
        let i = x.round();
        if i < 0.0 {
            return String::new();
        }
        months.get(i as usize).map_or(String::new(), |m| {
            if multi_year && (m.month == 1 || i == 0.0) {
                format!("{} {}", month_name_shown(m.month), m.year)
            } else {
                month_name_shown(m.month)
            }
        })
    };
    axes(&mut chart, theme, &x_desc, y_desc, &x_fmt, &num_fmt(dec))?;
    let half = 0.36;
    for (layer, color) in colors.iter().enumerate() {
        if !present[layer] {
            continue;
        }
        let style = color.filled();
        chart
            .draw_series(months.iter().enumerate().filter_map(|(i, m)| {
                let l = layers(m);
                let base: f64 = l[..layer].iter().sum();
                let x = i as f64;
                (l[layer] > 0.0)
                    .then(|| Rectangle::new([(x - half, base), (x + half, base + l[layer])], style))
            }))
            .map_err(err)?;
    }
    chart
        .draw_series(months.iter().enumerate().map(|(i, m)| {
            let x = i as f64;
            let y = m.load_mwh / 1000.0;
            PathElement::new(
                vec![(x - 0.46, y), (x + 0.46, y)],
                theme.load.stroke_width(3),
            )
        }))
        .map_err(err)?;
    Ok(frame_of(&chart))
}

/// Colour of a heat-map cell: background at 0, the full colour at `max`; any positive value
/// gets at least a visible tint.
fn heat_color(theme: &ChartTheme, hi: RGBColor, v: f64, max: f64) -> RGBColor {
    let t = if max > 0.0 {
        (0.12 + 0.88 * (v / max)).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let lerp = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
    let bg = theme.background;
    RGBColor(lerp(bg.0, hi.0), lerp(bg.1, hi.1), lerp(bg.2, hi.2))
}

/// Strongest colour of a heat map of `q`.
fn heat_hi(theme: &ChartTheme, q: HeatQuantity) -> RGBColor {
    match q {
        HeatQuantity::Unmet => theme.unmet,
        HeatQuantity::Backup => theme.backup,
        // Curtailment's own colour is a pale grey: darken it towards the text colour.
        HeatQuantity::Curtailed => {
            let (c, t) = (theme.curtailed, theme.text);
            let mid = |a: u8, b: u8| ((a as u16 + 2 * b as u16) / 3) as u8;
            RGBColor(mid(c.0, t.0), mid(c.1, t.1), mid(c.2, t.2))
        }
    }
}

/// Day of the run (x, day 0 = the first day) by hour of day (y, 0 at the bottom), both in the
/// theme's clock; cell colour = mean of `quantity` in that hour [MW], with a colour bar. On the
/// site's clock with its Ramadan hour ([`day_hour_grid`]) the hour the clock repeats shows the
/// mean of its two steps and the hour it skips stays blank.
pub fn heatmap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &Results,
    quantity: HeatQuantity,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let title = quantity.title();
    let zone = theme.clock.zone(r);
    let x_desc = tr!("chart-heat-day-axis", zone = zone.name.as_str());
    let y_desc = tr!("chart-heat-hour-axis", zone = zone.name.as_str());
    let n = series_len(r);
    let values = &quantity.series(r)[..n];
    let (days, cells) = day_hour_grid(&r.weather, values, zone.clock);
    if days == 0 {
        return empty_chart(area, &title, &x_desc, &y_desc, &tr!("chart-no-data"), theme);
    }
    let max = cells.iter().flatten().copied().fold(0.0f64, f64::max);
    let body = header(area, &title, &[], theme)?;
    let (bw, _) = body.dim_in_pixel();
    let bar_w = 84u32.min(bw / 3);
    let (main, bar) = body.split_horizontally(bw - bar_w);
    let (nx, _) = tick_budget(&main);
    // x ticks at month starts (or every few days for short runs); x is the day index.
    let (day0, _) = grid_days(&r.weather, n, zone.clock);
    let mut ticks = Vec::new();
    if days > 62 {
        let (y0, m0, _) = civil_from_days(day0);
        let (mut y, mut m) = (y0, m0);
        let every = (days as f64 / 30.44 / nx as f64).ceil().max(1.0) as u32;
        for k in 0..2400u32 {
            let d = crate::weather::days_from_civil(y, m, 1) - day0;
            if d >= days as i64 {
                break;
            }
            if d >= 0 && k % every == 0 {
                ticks.push(d as f64);
            }
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    } else {
        let every = days.div_ceil(nx).max(1);
        ticks = (0..days).step_by(every).map(|d| d as f64).collect();
    }
    let x_axis = TickAxis::new(0.0, days as f64, ticks);
    let y_axis = TickAxis::new(0.0, 24.0, vec![0.0, 6.0, 12.0, 18.0, 24.0]);
    let mut chart = build(&main, x_axis, y_axis)?;
    let x_fmt = |x: &f64| {
        let (_, m, d) = civil_from_days(day0 + x.round() as i64);
        if days > 62 {
            month_name_shown(m)
        } else {
            format!("{d} {}", month_name_shown(m))
        }
    };
    let y_fmt = |y: &f64| format!("{:02}:00", y.round() as i64);
    axes(&mut chart, theme, &x_desc, &y_desc, &x_fmt, &y_fmt)?;
    let hi = heat_hi(theme, quantity);
    if max > 0.0 {
        chart
            .draw_series(cells.iter().enumerate().filter_map(|(k, c)| {
                let v = (*c)?;
                if v <= 0.0 {
                    return None;
                }
                let (d, h) = ((k / 24) as f64, (k % 24) as f64);
                Some(Rectangle::new(
                    [(d, h), (d + 1.0, h + 1.0)],
                    heat_color(theme, hi, v, max).filled(),
                ))
            }))
            .map_err(err)?;
    } else {
        note(&chart, theme, &quantity.none_note())?;
    }
    // Colour bar: 0 at the bottom, the maximum at the top.
    let frame = frame_of(&chart);
    let (_, by) = bar.get_base_pixel();
    let (top, bottom) = (frame.plot_top_px - by, frame.plot_bottom_px - by);
    let (x0, x1) = (10, 24);
    let steps = 48;
    let h = (bottom - top).max(1);
    for s in 0..steps {
        let ya = bottom - h * s / steps;
        let yb = bottom - h * (s + 1) / steps;
        let v = max * (s as f64 + 0.5) / steps as f64;
        let c = if max > 0.0 {
            heat_color(theme, hi, v, max)
        } else {
            theme.background
        };
        bar.draw(&Rectangle::new([(x0, yb), (x1, ya)], c.filled()))
            .map_err(err)?;
    }
    bar.draw(&Rectangle::new(
        [(x0, top), (x1, bottom)],
        theme.axis.stroke_width(1),
    ))
    .map_err(err)?;
    let ls = text_style(LABEL_PX, &theme.text).pos(Pos::new(HPos::Left, VPos::Center));
    bar.draw_text(&fig(max, 1), &ls, (x1 + 4, top))
        .map_err(err)?;
    bar.draw_text("0", &ls, (x1 + 4, bottom)).map_err(err)?;
    bar.draw_text("MW", &ls, (x1 + 4, (top + bottom) / 2))
        .map_err(err)?;
    Ok(frame)
}

/// Net load (facility - solar - wind) of every step sorted from the highest, against hours:
/// above zero the battery, backup or unmet load must cover it, below zero is surplus.
pub fn net_load_duration<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &Results,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let title = tr!("chart-net-title");
    let x_desc = tr!("chart-net-hours-axis");
    let y_desc = tr!("chart-net-load-axis");
    let (x_desc, y_desc) = (x_desc.as_str(), y_desc.as_str());
    let sorted = net_load_sorted(r);
    if sorted.is_empty() {
        return empty_chart(area, &title, x_desc, y_desc, &tr!("chart-no-data"), theme);
    }
    let step_h = r.weather.step_h().max(1e-9);
    let deficit_h = sorted.iter().filter(|v| **v > 0.0).count() as f64 * step_h;
    let surplus_h = sorted.iter().filter(|v| **v < 0.0).count() as f64 * step_h;
    let legend = vec![
        line_item(tr!("chart-net-load"), theme.load.to_rgba()),
        fill_item(
            tr!("chart-net-deficit", hours = fig(deficit_h, 0)),
            tint(theme, theme.backup, 0.35).to_rgba(),
        ),
        fill_item(
            tr!("chart-net-surplus", hours = fig(surplus_h, 0)),
            tint(theme, theme.curtailed, 0.8).to_rgba(),
        ),
    ];
    let body = header(area, &title, &legend, theme)?;
    let (nx, ny) = tick_budget(&body);
    let total_h = sorted.len() as f64 * step_h;
    let (hi, lo) = (
        sorted.first().copied().unwrap_or(0.0),
        sorted.last().copied().unwrap_or(0.0),
    );
    let pad = ((hi - lo) * 0.06).max(1.0);
    let (y_axis, dec) = TickAxis::nice(lo.min(0.0) - pad, hi.max(0.0) + pad, ny);
    let (x_axis, xdec) = TickAxis::nice(0.0, total_h, nx);
    let mut chart = build(&body, x_axis, y_axis)?;
    axes(
        &mut chart,
        theme,
        x_desc,
        y_desc,
        &num_fmt(xdec),
        &num_fmt(dec),
    )?;
    let columns = plot_width_px(&chart);
    let dec_cols = min_max_decimate(&sorted, 0, columns);
    let pos = tint(theme, theme.backup, 0.35).filled();
    let neg = tint(theme, theme.curtailed, 0.8).filled();
    chart
        .draw_series(dec_cols.iter().enumerate().filter_map(|(k, &(i, lo, hi))| {
            let next = dec_cols.get(k + 1).map_or(sorted.len(), |c| c.0);
            let (x0, x1) = (i as f64 * step_h, next as f64 * step_h);
            if hi > 0.0 {
                Some(Rectangle::new([(x0, 0.0), (x1, hi)], pos))
            } else if lo < 0.0 {
                Some(Rectangle::new([(x0, lo), (x1, 0.0)], neg))
            } else {
                None
            }
        }))
        .map_err(err)?;
    draw_line(
        &mut chart,
        &sorted,
        &(0..sorted.len()),
        0.5,
        step_h,
        theme.load,
    )?;
    chart
        .draw_series([PathElement::new(
            vec![(0.0, 0.0), (total_h, 0.0)],
            theme.axis.stroke_width(1),
        )])
        .map_err(err)?;
    Ok(frame_of(&chart))
}

/// One scenario's line on a [`compare_lines`] chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioLine {
    pub name: String,
    /// Value k is drawn at `x0 + k * x_step`.
    pub values: Vec<f64>,
    pub x0: f64,
    pub x_step: f64,
}

/// Lines of several scenarios on one chart (the Compare view): one colour per scenario in the
/// order given, a legend naming each.
pub fn compare_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    x_desc: &str,
    y_desc: &str,
    lines: &[ScenarioLine],
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let finite = lines
        .iter()
        .flat_map(|l| l.values.iter())
        .filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(*v), hi.max(*v))
    });
    let drawable = |l: &&ScenarioLine| !l.values.is_empty() && l.x_step > 0.0;
    let x_lo = lines
        .iter()
        .filter(drawable)
        .map(|l| l.x0)
        .fold(f64::INFINITY, f64::min);
    let x_hi = lines
        .iter()
        .filter(drawable)
        .map(|l| l.x0 + (l.values.len() - 1) as f64 * l.x_step)
        .fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !x_lo.is_finite() {
        return empty_chart(
            area,
            title,
            x_desc,
            y_desc,
            &tr!("chart-compare-empty"),
            theme,
        );
    }
    let colour = |k: usize| theme.scenarios[k % theme.scenarios.len()];
    let legend: Vec<LegendItem> = lines
        .iter()
        .enumerate()
        .map(|(k, l)| line_item(l.name.clone(), colour(k).to_rgba()))
        .collect();
    let body = header(area, title, &legend, theme)?;
    let (nx, ny) = tick_budget(&body);
    let pad = ((hi - lo) * 0.06).max(1e-6);
    let (y_axis, dec) = TickAxis::nice(lo.min(0.0) - pad * f64::from(lo < 0.0), hi + pad, ny);
    let (x_axis, xdec) = TickAxis::nice(x_lo, x_hi.max(x_lo + 1e-9), nx);
    let mut chart = build(&body, x_axis, y_axis)?;
    axes(
        &mut chart,
        theme,
        x_desc,
        y_desc,
        &num_fmt(xdec),
        &num_fmt(dec),
    )?;
    for (k, l) in lines.iter().enumerate().filter(|(_, l)| drawable(l)) {
        draw_line(
            &mut chart,
            &l.values,
            &(0..l.values.len()),
            l.x0 / l.x_step,
            l.x_step,
            colour(k),
        )?;
    }
    Ok(frame_of(&chart))
}

/// PUE of a cooling model at a dry-bulb temperature.
pub fn pue_at(cooling: &Cooling, temp_c: f64) -> f64 {
    cooling.pue_model().pue_at(temp_c)
}

/// The PUE curve over -5..45 C (wider if the temperatures are), the design temperature of a
/// weather-driven model marked, and a histogram of the year's hours per 1 C bin along the
/// bottom when `hourly_temp_c` is given.
pub fn pue_vs_temperature<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cooling: &Cooling,
    hourly_temp_c: Option<&[f64]>,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    pue_chart(area, cooling, hourly_temp_c, None, theme)
}

/// [`pue_vs_temperature`] against the temperature the heat is rejected at (pads' outlet air,
/// wet bulb plus approach, sea plus approach: `Results::heat_sink_temp_c`), the design day's
/// at `design_sink_c`: what the PUE model reads when the heat rejection is not dry coolers.
pub fn pue_vs_heat_sink_temperature<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cooling: &Cooling,
    hourly_sink_c: &[f64],
    design_sink_c: f64,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    pue_chart(
        area,
        cooling,
        Some(hourly_sink_c),
        Some(design_sink_c),
        theme,
    )
}

/// The PUE chart against the dry bulb (`design_sink_c` None) or the heat-sink temperature.
fn pue_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cooling: &Cooling,
    hourly_temp_c: Option<&[f64]>,
    design_sink_c: Option<f64>,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let temps: Vec<f64> = hourly_temp_c
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|t| t.is_finite())
        .collect();
    let t_lo = temps
        .iter()
        .copied()
        .fold(-5.0f64, f64::min)
        .floor()
        .max(-80.0);
    let t_hi = temps
        .iter()
        .copied()
        .fold(45.0f64, f64::max)
        .ceil()
        .min(80.0);
    let samples = 240;
    let curve: Vec<(f64, f64)> = (0..=samples)
        .map(|k| {
            let t = t_lo + (t_hi - t_lo) * k as f64 / samples as f64;
            (t, pue_at(cooling, t))
        })
        .filter(|(_, p)| p.is_finite())
        .collect();
    let (title, x_desc) = match design_sink_c {
        None => (tr!("chart-pue-title"), tr!("chart-pue-temperature-axis")),
        Some(_) => (tr!("chart-pue-sink-title"), tr!("chart-pue-sink-axis")),
    };
    let y_desc = tr!("chart-pue-axis");
    let (x_desc, y_desc) = (x_desc.as_str(), y_desc.as_str());
    if curve.is_empty() {
        return empty_chart(
            area,
            &title,
            x_desc,
            y_desc,
            &tr!("chart-pue-not-a-number"),
            theme,
        );
    }
    let p_min = curve.iter().map(|c| c.1).fold(f64::INFINITY, f64::min);
    let p_max = curve.iter().map(|c| c.1).fold(f64::NEG_INFINITY, f64::max);
    let pad = ((p_max - p_min) * 0.12).max(0.05);
    let (y_lo, y_hi) = (p_min - pad * 2.5, p_max + pad);
    let design = match cooling {
        Cooling::WeatherDriven(p) => design_sink_c
            .or(Some(p.design_temp_c))
            .filter(|t| t.is_finite()),
        Cooling::Fixed { .. } => None,
    };
    let mut legend = vec![line_item(tr!("chart-pue-line"), theme.pue.to_rgba())];
    if let Some(t) = design {
        legend.push(line_item(
            tr!(
                "chart-pue-design",
                temperature = fig(t, 0),
                pue = fig(pue_at(cooling, t), 3)
            ),
            theme.highlight.to_rgba(),
        ));
    }
    // Histogram of hours per 1 C bin, scaled into the lower part of the plot.
    let bins = (t_hi - t_lo).round().max(1.0) as usize;
    let mut counts = vec![0usize; bins];
    for t in &temps {
        let b = ((t - t_lo).floor().max(0.0) as usize).min(bins - 1);
        counts[b] += 1;
    }
    let max_count = counts.iter().copied().max().unwrap_or(0);
    if max_count > 0 {
        legend.push(fill_item(
            tr!("chart-pue-hours", hours = fig(max_count as f64, 0)),
            tint(theme, theme.axis, 0.3).to_rgba(),
        ));
    }
    let body = header(area, &title, &legend, theme)?;
    let (nx, ny) = tick_budget(&body);
    let (x_axis, xdec) = TickAxis::nice(t_lo, t_hi, nx);
    let (y_axis, dec) = TickAxis::nice(y_lo, y_hi, ny);
    let y_bottom = y_axis.lo;
    let mut chart = build(&body, x_axis, y_axis)?;
    axes(
        &mut chart,
        theme,
        x_desc,
        y_desc,
        &num_fmt(xdec),
        &num_fmt(dec.max(2)),
    )?;
    if max_count > 0 {
        let h = (p_min - y_bottom) * 0.9;
        let style = tint(theme, theme.axis, 0.3).filled();
        chart
            .draw_series(
                counts
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0)
                    .map(|(b, c)| {
                        let x = t_lo + b as f64;
                        let top = y_bottom + h * (*c as f64 / max_count as f64);
                        Rectangle::new([(x + 0.05, y_bottom), (x + 0.95, top)], style)
                    }),
            )
            .map_err(err)?;
    }
    if let Some(t) = design {
        chart
            .draw_series([PathElement::new(
                vec![(t, y_bottom), (t, y_hi)],
                theme.highlight.stroke_width(1),
            )])
            .map_err(err)?;
    }
    chart
        .draw_series([PathElement::new(curve, theme.pue.stroke_width(2))])
        .map_err(err)?;
    Ok(frame_of(&chart))
}

/// PUE against WUE for each heat-rejection choice on the site's weather
/// ([`dakhla_core::sim::cooling_choices`]): a dot at the year's mean PUE and WUE, a line up to
/// the highest hour's PUE. The scenario's own choice is named so in the legend.
pub fn pue_vs_wue_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    choices: &[dakhla_core::sim::CoolingChoice],
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let title = tr!("chart-pue-wue-title");
    let x_desc = tr!("chart-pue-wue-wue-axis");
    let y_desc = tr!("chart-pue-axis");
    let shown: Vec<&dakhla_core::sim::CoolingChoice> = choices
        .iter()
        .filter(|c| c.pue_mean.is_finite() && c.pue_peak.is_finite() && c.wue_l_per_kwh.is_finite())
        .collect();
    if shown.is_empty() {
        return empty_chart(
            area,
            &title,
            &x_desc,
            &y_desc,
            &tr!("chart-pue-not-a-number"),
            theme,
        );
    }
    let color = |k: usize| theme.scenarios[k % theme.scenarios.len()];
    let mut legend: Vec<LegendItem> = shown
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let word = crate::scenario::fields::choice_word(
                "datacenter.heat_rejection",
                c.heat_rejection.variant(),
            );
            let label = if c.is_scenario {
                tr!("chart-pue-wue-own", choice = word.as_ref())
            } else {
                word.into_owned()
            };
            fill_item(label, color(k).to_rgba())
        })
        .collect();
    legend.push(line_item(tr!("chart-pue-wue-peak"), theme.axis.to_rgba()));
    let body = header(area, &title, &legend, theme)?;
    let (nx, ny) = tick_budget(&body);
    let w_hi = shown
        .iter()
        .map(|c| c.wue_l_per_kwh)
        .fold(0.0f64, f64::max)
        .max(0.25);
    let p_lo = shown
        .iter()
        .map(|c| c.pue_mean)
        .fold(f64::INFINITY, f64::min);
    let p_hi = shown
        .iter()
        .map(|c| c.pue_peak)
        .fold(f64::NEG_INFINITY, f64::max);
    let pad = ((p_hi - p_lo) * 0.1).max(0.01);
    let (x_axis, xdec) = TickAxis::nice(-0.05 * w_hi, w_hi * 1.1, nx);
    let (y_axis, dec) = TickAxis::nice(p_lo - pad, p_hi + pad, ny);
    let mut chart = build(&body, x_axis, y_axis)?;
    axes(
        &mut chart,
        theme,
        &x_desc,
        &y_desc,
        &num_fmt(xdec.max(1)),
        &num_fmt(dec.max(2)),
    )?;
    let label = text_style(LABEL_PX, &theme.text).pos(Pos::new(HPos::Left, VPos::Center));
    let below = text_style(LABEL_PX, &theme.text).pos(Pos::new(HPos::Center, VPos::Top));
    for (k, c) in shown.iter().enumerate() {
        let (x, mean, peak) = (c.wue_l_per_kwh, c.pue_mean, c.pue_peak);
        // Choices at the same WUE (dry coolers and seawater draw none) side by side, a few
        // pixels apart, so that neither hides the other; the numbers say where they are.
        let dx = 16
            * shown[..k]
                .iter()
                .filter(|o| (o.wue_l_per_kwh - x).abs() < 0.01 * w_hi)
                .count() as i32;
        let at = |y: f64| EmptyElement::at((x, y));
        // The mean's number to the right, or below the dot where the next choice sits there.
        let crowded = shown[k + 1..]
            .iter()
            .any(|o| (o.wue_l_per_kwh - x).abs() < 0.01 * w_hi);
        let mean_label = if crowded {
            Text::new(fig(mean, 3), (dx, 10), below.clone())
        } else {
            Text::new(fig(mean, 3), (dx + 10, 0), label.clone())
        };
        let (_, py_mean) = chart.backend_coord(&(x, mean));
        let (_, py_peak) = chart.backend_coord(&(x, peak));
        chart
            .draw_series([at(mean)
                + PathElement::new(
                    vec![(dx, 0), (dx, py_peak - py_mean)],
                    color(k).stroke_width(2),
                )
                + Circle::new((dx, 0), 6, color(k).filled())
                + Circle::new((dx, py_peak - py_mean), 4, color(k).stroke_width(2))
                + mean_label])
            .map_err(err)?;
        if peak - mean > 1e-6 {
            chart
                .draw_series([at(peak) + Text::new(fig(peak, 3), (dx + 8, 0), label.clone())])
                .map_err(err)?;
        }
    }
    Ok(frame_of(&chart))
}

/// A turbine power curve: output [kW] against hub-height wind speed [m/s].
pub fn power_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    name: &str,
    curve: &[(f64, f64)],
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let title = if name.is_empty() {
        tr!("chart-power-curve-title")
    } else {
        tr!("chart-power-curve-title-named", name = name)
    };
    let x_desc = tr!("chart-power-curve-speed-axis");
    let y_desc = tr!("chart-power-curve-power-axis");
    let (x_desc, y_desc) = (x_desc.as_str(), y_desc.as_str());
    let points: Vec<(f64, f64)> = curve
        .iter()
        .copied()
        .filter(|(v, p)| v.is_finite() && p.is_finite())
        .collect();
    if points.is_empty() {
        return empty_chart(
            area,
            &title,
            x_desc,
            y_desc,
            &tr!("chart-power-curve-empty"),
            theme,
        );
    }
    let v_max = points.iter().map(|p| p.0).fold(0.0f64, f64::max);
    let p_max = points.iter().map(|p| p.1).fold(0.0f64, f64::max);
    let p_min = points.iter().map(|p| p.1).fold(0.0f64, f64::min);
    let body = header(area, &title, &[], theme)?;
    let (nx, ny) = tick_budget(&body);
    let (x_axis, xdec) = TickAxis::nice(0.0, (v_max + 1.0).max(1.0), nx);
    let (y_axis, dec) = TickAxis::nice(p_min, y_top(p_max), ny);
    let mut chart = build(&body, x_axis, y_axis)?;
    axes(
        &mut chart,
        theme,
        x_desc,
        y_desc,
        &num_fmt(xdec),
        &num_fmt(dec),
    )?;
    chart
        .draw_series([PathElement::new(points.clone(), theme.wind.stroke_width(2))])
        .map_err(err)?;
    chart
        .draw_series(
            points
                .iter()
                .map(|p| Circle::new(*p, 3, theme.wind.filled())),
        )
        .map_err(err)?;
    Ok(frame_of(&chart))
}

// ------------------------------------------------------------------------------------------
// Pareto front
// ------------------------------------------------------------------------------------------

/// The share a Pareto point of a front on `kind` is plotted at [-]: the one its target
/// constrains.
pub fn pareto_share(p: &ParetoPoint, kind: TargetKind) -> f64 {
    match kind {
        TargetKind::RenewableFraction => p.renewable_fraction,
        TargetKind::Cfe => p.cfe_score,
    }
}

/// The name of the share a front on `kind` is plotted at, in a sentence and in the current
/// language: [`TargetKind::share_name`] in English ("renewable fraction", "24/7 CFE score"),
/// otherwise the KPI's name from the language's KPI catalog, lower case unless it opens with an
/// acronym ("taux de renouvelable", "score CFE 24/7").
fn share_name_shown(kind: TargetKind) -> String {
    let lang = dakhla_i18n::current();
    if lang == dakhla_i18n::Lang::En {
        return kind.share_name();
    }
    match dakhla_i18n::get(lang, &format!("kpi-{}", kind.kpi_key())) {
        Some(label) => {
            let mut chars = label.chars();
            match (chars.next(), chars.next()) {
                (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
                    first
                        .to_lowercase()
                        .chain(label[first.len_utf8()..].chars())
                        .collect()
                }
                _ => label,
            }
        }
        None => kind.share_name(),
    }
}

/// The cost axis's name in the theme's currency: "annualized cost [M MAD/yr]".
fn cost_axis(theme: &ChartTheme) -> String {
    let unit = dakhla_core::sim::kpi_registry::unit_words(std::borrow::Cow::Owned(format!(
        "M {}/yr",
        theme.money.currency.code()
    )));
    tr!("chart-annualized-cost-axis", unit = unit.as_ref())
}

/// The plot of a cost-against-share chart (Pareto fronts): axes around `points` (share [%],
/// cost [M/yr]) with a margin, the share within 0..100 %.
fn share_cost_axes<'a, DB: DrawingBackend>(
    body: &'a DrawingArea<DB, Shift>,
    points: impl Iterator<Item = (f64, f64)>,
    theme: &ChartTheme,
    x_desc: &str,
    y_desc: &str,
) -> Result<Chart<'a, DB>, String> {
    let (nx, ny) = tick_budget(body);
    let (x_lo, x_hi, y_lo, y_hi) = points.fold(
        (
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ),
        |(a, b, c, d), (x, y)| (a.min(x), b.max(x), c.min(y), d.max(y)),
    );
    let x_pad = ((x_hi - x_lo) * 0.06).max(0.5);
    let y_pad = ((y_hi - y_lo) * 0.08).max(0.05 * y_hi.abs()).max(1e-3);
    let (x_axis, xdec) = TickAxis::nice((x_lo - x_pad).max(0.0), (x_hi + x_pad).min(100.5), nx);
    let (y_axis, dec) = TickAxis::nice((y_lo - y_pad).max(0.0), y_hi + y_pad, ny);
    let mut chart = build(body, x_axis, y_axis)?;
    axes(
        &mut chart,
        theme,
        x_desc,
        y_desc,
        &num_fmt(xdec),
        &num_fmt(dec),
    )?;
    Ok(chart)
}

/// The Pareto front of cost against the carbon-free share: the least annualized cost of each
/// target [M USD/yr] against the share its mix reaches [%], feasible points joined by a line,
/// points that cannot meet their target within the bounds as hollow circles. `current` marks
/// the scenario as it is (share [-], annualized cost [USD/yr]); `selected` rings one point.
///
/// The frame's x is the share in percent and its y the cost in millions of the theme's currency
/// a year ([`ChartTheme::cost_m`]), so a caller can find
/// the point under the mouse with [`ChartFrame::px_of_x`] and [`ChartFrame::px_of_y`].
pub fn pareto_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[ParetoPoint],
    kind: TargetKind,
    current: Option<(f64, f64)>,
    selected: Option<usize>,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let name = share_name_shown(kind);
    let title = tr!("chart-pareto-title", share = name.as_str());
    let x_desc = tr!("chart-pareto-share-axis", share = name.as_str());
    let y_desc = cost_axis(theme);
    let y_desc = y_desc.as_str();
    let xy = |p: &ParetoPoint| pareto_xy(p, kind, theme);
    let drawn: Vec<(usize, (f64, f64), bool)> = points
        .iter()
        .enumerate()
        .map(|(i, p)| (i, xy(p), p.feasible))
        .filter(|(_, v, _)| finite_xy(v))
        .collect();
    let current = current
        .map(|(s, c)| (100.0 * s, theme.cost_m(c)))
        .filter(finite_xy);
    if drawn.is_empty() {
        return empty_chart(
            area,
            &title,
            &x_desc,
            y_desc,
            &tr!("chart-pareto-empty"),
            theme,
        );
    }
    let (line_c, bad_c, now_c, sel_c) = (theme.wind, theme.unmet, theme.load, theme.highlight);
    let mut legend = vec![line_item(tr!("chart-pareto-line"), line_c.to_rgba())];
    if drawn.iter().any(|d| !d.2) {
        legend.push(line_item(tr!("chart-pareto-unreachable"), bad_c.to_rgba()));
    }
    if current.is_some() {
        legend.push(fill_item(tr!("chart-pareto-current"), now_c.to_rgba()));
    }
    if selected.is_some_and(|k| drawn.iter().any(|d| d.0 == k)) {
        legend.push(line_item(tr!("chart-pareto-selected"), sel_c.to_rgba()));
    }
    let body = header(area, &title, &legend, theme)?;
    let all = drawn.iter().map(|d| d.1).chain(current);
    let mut chart = share_cost_axes(&body, all, theme, &x_desc, y_desc)?;
    let front: Vec<((f64, f64), bool)> = drawn.iter().map(|&(_, p, ok)| (p, ok)).collect();
    draw_front(&mut chart, &front, line_c, 4, bad_c)?;
    if let Some(c) = current {
        chart
            .draw_series([EmptyElement::at(c) + Rectangle::new([(-5, -5), (5, 5)], now_c.filled())])
            .map_err(err)?;
    }
    if let Some(&(_, p, _)) = selected.and_then(|k| drawn.iter().find(|d| d.0 == k)) {
        chart
            .draw_series([Circle::new(p, 8, sel_c.stroke_width(2))])
            .map_err(err)?;
    }
    Ok(frame_of(&chart))
}

/// Pareto fronts of cost against the carbon-free share, one per flexible share of the work
/// (issue 18): what flexible compute is worth at each target. Each front is drawn in one of
/// the theme's scenario colours, feasible points joined, points that cannot meet their target
/// as hollow circles; the legend names the share ("0 % of the work flexible").
pub fn pareto_by_flexibility_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fronts: &[dakhla_core::optimize::study::FlexibilityFront],
    kind: TargetKind,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let name = share_name_shown(kind);
    let title = tr!("chart-flex-fronts-title", share = name.as_str());
    let x_desc = tr!("chart-pareto-share-axis", share = name.as_str());
    let y_desc = cost_axis(theme);
    let y_desc = y_desc.as_str();
    let xy = |p: &ParetoPoint| pareto_xy(p, kind, theme);
    let drawn: Vec<Vec<((f64, f64), bool)>> = fronts
        .iter()
        .map(|f| {
            f.points
                .iter()
                .map(|p| (xy(p), p.feasible))
                .filter(|(v, _)| finite_xy(v))
                .collect()
        })
        .collect();
    if drawn.iter().all(|d| d.is_empty()) {
        return empty_chart(
            area,
            &title,
            &x_desc,
            y_desc,
            &tr!("chart-pareto-empty"),
            theme,
        );
    }
    let color = |k: usize| theme.scenarios[k % theme.scenarios.len()];
    let mut legend: Vec<LegendItem> = fronts
        .iter()
        .enumerate()
        .map(|(k, f)| {
            line_item(
                tr!(
                    "chart-flex-fronts-share",
                    share = fig(100.0 * f.share_frac, 0)
                ),
                color(k).to_rgba(),
            )
        })
        .collect();
    if drawn.iter().flatten().any(|d| !d.1) {
        legend.push(line_item(
            tr!("chart-pareto-unreachable"),
            theme.unmet.to_rgba(),
        ));
    }
    let body = header(area, &title, &legend, theme)?;
    let all = drawn.iter().flatten().map(|d| d.0);
    let mut chart = share_cost_axes(&body, all, theme, &x_desc, y_desc)?;
    for (k, points) in drawn.iter().enumerate() {
        draw_front(&mut chart, points, color(k), 3, theme.unmet)?;
    }
    Ok(frame_of(&chart))
}

/// A Pareto point on the share-cost axes: the share in percent, the cost in millions of the
/// theme's currency.
fn pareto_xy(p: &ParetoPoint, kind: TargetKind, theme: &ChartTheme) -> (f64, f64) {
    (
        100.0 * pareto_share(p, kind),
        theme.cost_m(p.annualized_cost_usd),
    )
}

fn finite_xy((x, y): &(f64, f64)) -> bool {
    x.is_finite() && y.is_finite()
}

/// One front on the share-cost axes: the points that meet their target joined in share order,
/// each a dot of `radius` in `color`; a point that cannot meet its target a hollow circle in
/// `bad`.
fn draw_front<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    points: &[((f64, f64), bool)],
    color: RGBColor,
    radius: i32,
    bad: RGBColor,
) -> Result<(), String> {
    let mut line: Vec<(f64, f64)> = points.iter().filter(|d| d.1).map(|d| d.0).collect();
    line.sort_by(|a, b| a.0.total_cmp(&b.0));
    if line.len() > 1 {
        chart
            .draw_series([PathElement::new(line, color.stroke_width(2))])
            .map_err(err)?;
    }
    chart
        .draw_series(points.iter().map(|&(p, ok)| {
            if ok {
                Circle::new(p, radius, color.filled())
            } else {
                Circle::new(p, 4, bad.stroke_width(2))
            }
        }))
        .map_err(err)?;
    Ok(())
}

/// Operating years shown on the x axis of [`weather_years`]: year `i` of the slice is drawn at
/// x = i + 1, ticks at whole years, about `max_ticks` of them.
fn year_axis(n: usize, max_ticks: usize) -> TickAxis {
    let step = [1usize, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|s| n.div_ceil(*s) <= max_ticks.max(2))
        .unwrap_or(200);
    let ticks = (1..=n)
        .filter(|k| *k == 1 || k % step == 0)
        .map(|k| k as f64)
        .collect();
    TickAxis::new(0.5, n as f64 + 0.5, ticks)
}

/// Both panels of [`weather_years`] share the x axis, so they are built alike.
fn build_panel<'a, DB: DrawingBackend>(
    body: &'a DrawingArea<DB, Shift>,
    x: TickAxis,
    y: TickAxis,
    x_label_px: u32,
) -> Result<Chart<'a, DB>, String> {
    ChartBuilder::on(body)
        .margin_top(4)
        .margin_right(18)
        .margin_left(4)
        .margin_bottom(2)
        .x_label_area_size(x_label_px)
        .y_label_area_size(62)
        .build_cartesian_2d(x, y)
        .map_err(err)
}

/// A horizontal line at `y` across the x range of `chart`, solid or dashed.
fn level_line<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    y: f64,
    color: RGBColor,
    dashed: bool,
) -> Result<(), String> {
    if !y.is_finite() {
        return Ok(());
    }
    let (x0, x1) = {
        let s = chart.as_coord_spec().x_spec();
        (s.lo, s.hi)
    };
    if dashed {
        chart
            .draw_series([plotters::element::DashedPathElement::new(
                vec![(x0, y), (x1, y)],
                6,
                4,
                color.stroke_width(2),
            )])
            .map_err(err)?;
    } else {
        chart
            .draw_series([PathElement::new(
                vec![(x0, y), (x1, y)],
                color.stroke_width(2),
            )])
            .map_err(err)?;
    }
    Ok(())
}

/// Many weather years: the renewable fraction and the CFE score of each operating year as dots
/// [%] with their P50 (solid) and P90 (dashed) lines in the upper panel, and the backup energy
/// of each year as bars [GWh] with its P50 and P90 in the lower panel. `dist` is
/// `sim::years::distribution(years)`; KPIs missing from it get no lines.
///
/// The returned frame has the x axis both panels share and spans both panels vertically, on
/// the scale of the upper panel (pixels in the lower panel read as values below its axis).
pub fn weather_years<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    years: &[crate::sim::years::YearResult],
    dist: &std::collections::BTreeMap<String, crate::sim::years::Spread>,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let title = tr!("chart-years-title");
    let x_desc = tr!("chart-years-year-axis");
    let x_desc = x_desc.as_str();
    let share_desc = tr!("chart-years-share-axis");
    if years.is_empty() {
        return empty_chart(
            area,
            &title,
            x_desc,
            &share_desc,
            &tr!("chart-years-empty"),
            theme,
        );
    }
    let n = years.len();
    let pct = |v: f64| 100.0 * v;
    let rf: Vec<f64> = years
        .iter()
        .map(|y| pct(y.kpis.renewable_fraction))
        .collect();
    let cfe: Vec<f64> = years.iter().map(|y| pct(y.kpis.cfe_score)).collect();
    let backup: Vec<f64> = years
        .iter()
        .map(|y| y.kpis.backup_energy_mwh / 1000.0)
        .collect();
    let spread = |name: &str, scale: f64| {
        dist.get(name)
            .map(|s| (s.p50 * scale, s.p90 * scale))
            .filter(|(a, b)| a.is_finite() && b.is_finite())
    };
    let rf_p = spread("renewable_fraction", 100.0);
    let cfe_p = spread("cfe_score", 100.0);
    let backup_p = spread("backup_energy_mwh", 1e-3);

    let (rf_c, cfe_c, backup_c, line_c) = (theme.wind, theme.pue, theme.backup, theme.text);
    let mut legend = vec![
        fill_item(tr!("chart-years-rf"), rf_c.to_rgba()),
        fill_item(tr!("chart-years-cfe"), cfe_c.to_rgba()),
    ];
    let spread_label =
        |id: &str, (p50, p90): (f64, f64)| tr!(id, p50 = fig(p50, 1), p90 = fig(p90, 1));
    if let Some(p) = rf_p {
        legend.push(line_item(
            spread_label("chart-years-rf-spread", p),
            rf_c.to_rgba(),
        ));
    }
    if let Some(p) = cfe_p {
        legend.push(line_item(
            spread_label("chart-years-cfe-spread", p),
            cfe_c.to_rgba(),
        ));
    }
    legend.push(fill_item(tr!("chart-years-backup"), backup_c.to_rgba()));
    if let Some(p) = backup_p {
        legend.push(line_item(
            spread_label("chart-years-backup-spread", p),
            line_c.to_rgba(),
        ));
    }
    let body = header(area, &title, &legend, theme)?;
    let (_, h) = body.dim_in_pixel();
    let (upper, lower) = body.split_vertically((h as f64 * 0.58).round() as i32);
    let (nx, ny_upper) = tick_budget(&upper);
    let (_, ny_lower) = tick_budget(&lower);

    // Upper panel: shares [%], zoomed on the data (0..100 would flatten the spread).
    let finite = |v: &&f64| v.is_finite();
    let shares = rf
        .iter()
        .chain(&cfe)
        .chain(rf_p.iter().flat_map(|p| [&p.0, &p.1]))
        .chain(cfe_p.iter().flat_map(|p| [&p.0, &p.1]))
        .filter(finite);
    let (lo, hi) = shares.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(*v), b.max(*v))
    });
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (0.0, 100.0) };
    let pad = ((hi - lo) * 0.15).max(1.0);
    let (y_axis, dec) = TickAxis::nice((lo - pad).max(0.0), (hi + pad).min(100.0), ny_upper);
    let mut top = build_panel(&upper, year_axis(n, nx), y_axis, 8)?;
    let blank = |_: &f64| String::new();
    axes(&mut top, theme, "", &share_desc, &blank, &num_fmt(dec))?;
    if let Some((p50, p90)) = rf_p {
        level_line(&mut top, p50, rf_c, false)?;
        level_line(&mut top, p90, rf_c, true)?;
    }
    if let Some((p50, p90)) = cfe_p {
        level_line(&mut top, p50, cfe_c, false)?;
        level_line(&mut top, p90, cfe_c, true)?;
    }
    let radius = if n > 60 { 2 } else { 4 };
    for (values, color, dx) in [(&rf, rf_c, -0.12), (&cfe, cfe_c, 0.12)] {
        let dx = if n > 60 { 0.0 } else { dx };
        top.draw_series(
            values
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_finite())
                .map(|(i, v)| Circle::new(((i + 1) as f64 + dx, *v), radius, color.filled())),
        )
        .map_err(err)?;
    }
    let mut frame = frame_of(&top);

    // Lower panel: backup energy [GWh] from zero.
    let max_backup = backup
        .iter()
        .chain(backup_p.iter().flat_map(|p| [&p.0, &p.1]))
        .filter(finite)
        .fold(0.0f64, |a, v| a.max(*v));
    let (y_axis, dec) = TickAxis::nice(0.0, y_top(max_backup), ny_lower);
    let mut bottom = build_panel(&lower, year_axis(n, nx), y_axis, 38)?;
    let x_fmt = |x: &f64| fig(*x, 0);
    axes(
        &mut bottom,
        theme,
        x_desc,
        &tr!("chart-years-backup-axis"),
        &x_fmt,
        &num_fmt(dec),
    )?;
    let half = if n > 1 { 0.36 } else { 0.25 };
    bottom
        .draw_series(
            backup
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_finite() && **v > 0.0)
                .map(|(i, v)| {
                    let x = (i + 1) as f64;
                    Rectangle::new([(x - half, 0.0), (x + half, *v)], backup_c.filled())
                }),
        )
        .map_err(err)?;
    if let Some((p50, p90)) = backup_p {
        level_line(&mut bottom, p50, line_c, false)?;
        level_line(&mut bottom, p90, line_c, true)?;
    }
    if max_backup <= 0.0 {
        note(&bottom, theme, &tr!("chart-years-no-backup"))?;
    }

    // One frame over both panels, on the upper panel's scale.
    let lower_frame = frame_of(&bottom);
    let (t, b) = (frame.plot_top_px as f64, frame.plot_bottom_px as f64);
    if b > t {
        let per_px = (frame.y_max - frame.y_min) / (b - t);
        frame.y_min -= per_px * (lower_frame.plot_bottom_px as f64 - b);
        frame.plot_bottom_px = lower_frame.plot_bottom_px;
    }
    Ok(frame)
}

// ------------------------------------------------------------------------------------------
// Reliability under failures
// ------------------------------------------------------------------------------------------

/// A duration bin in words, without the unit: "1", "3-4", "over 72". In English always (file
/// headers use it); [`duration_bin_label_shown`] is in the current language.
pub fn duration_bin_label(b: &DurationBin) -> String {
    match b.to_h {
        Some(to) if to > b.from_h => format!("{:.0}-{to:.0}", b.from_h),
        Some(_) => format!("{:.0}", b.from_h),
        None => format!("over {:.0}", b.from_h - 1.0),
    }
}

/// [`duration_bin_label`] in the current language: "over 72" reads "plus de 72" in French.
pub fn duration_bin_label_shown(b: &DurationBin) -> String {
    let n = |v: f64| fig(v, 0);
    match b.to_h {
        Some(to) if to > b.from_h => format!("{}-{}", n(b.from_h), n(to)),
        Some(_) => n(b.from_h),
        None => tr!("chart-duration-over", hours = n(b.from_h - 1.0)),
    }
}

/// A small positive figure with three significant digits ("0.0312", "1.50", "12.0"), "0" for
/// zero.
pub fn sig3(v: f64) -> String {
    sig3_with(v, |v, decimals| format!("{v:.decimals$}"))
}

/// [`sig3`]'s rule ("-" for no number, "0" for zero, else three significant digits) with the
/// figure written by `write(v, decimals)`.
fn sig3_with(v: f64, write: impl Fn(f64, usize) -> String) -> String {
    if !v.is_finite() {
        return "-".to_owned();
    }
    if v == 0.0 {
        return "0".to_owned();
    }
    write(v, (2.0 - v.abs().log10().floor()).clamp(0.0, 6.0) as usize)
}

/// [`sig3`] as the current language writes figures in charts ("0,0312" in French, see [`fig`]),
/// for text a person reads; `sig3` stays as files write figures.
pub fn sig3_shown(v: f64) -> String {
    sig3_with(v, fig)
}

/// Categories 0..n on the x axis, one tick each.
fn category_axis(n: usize) -> TickAxis {
    TickAxis::new(-0.5, n as f64 - 0.5, (0..n).map(|i| i as f64).collect())
}

/// The label of category `x` of `labels` (none between categories).
fn category_label(labels: &[String]) -> impl Fn(&f64) -> String + '_ {
    move |x: &f64| {
        let i = x.round();
        if (x - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        labels.get(i as usize).cloned().unwrap_or_default()
    }
}

/// The chance of riding through a grid outage (the grid link lost, on-site units cold, the
/// battery as the dispatch left it) starting at any hour, for each outage length [%]: the mean
/// over the sampled years as a line with its figure at each point, and the P90 (reached in
/// 90 % of sampled years) dashed. x is the point's index (lengths are far apart: 1 to 72 h),
/// y the chance in percent.
pub fn survival_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[SurvivalPoint],
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let title = tr!("chart-survival-title");
    let x_desc = tr!("chart-survival-length-axis");
    let y_desc = tr!("chart-survival-chance-axis");
    let (x_desc, y_desc) = (x_desc.as_str(), y_desc.as_str());
    let shown: Vec<&SurvivalPoint> = points
        .iter()
        .filter(|p| p.duration_h.is_finite() && p.probability.mean.is_finite())
        .collect();
    if shown.is_empty() {
        return empty_chart(
            area,
            &title,
            x_desc,
            y_desc,
            &tr!("chart-survival-empty"),
            theme,
        );
    }
    let (mean_c, p90_c) = (theme.wind, theme.unmet);
    let legend = vec![
        line_item(tr!("chart-survival-mean"), mean_c.to_rgba()),
        line_item(tr!("chart-survival-p90"), p90_c.to_rgba()),
    ];
    let body = header(area, &title, &legend, theme)?;
    let (_, ny) = tick_budget(&body);
    let (y_axis, dec) = TickAxis::nice(0.0, 105.0, ny);
    let labels: Vec<String> = shown.iter().map(|p| fig(p.duration_h, 0)).collect();
    let mut chart = build(&body, category_axis(shown.len()), y_axis)?;
    let x_fmt = category_label(&labels);
    axes(&mut chart, theme, x_desc, y_desc, &x_fmt, &num_fmt(dec))?;
    let pct = |v: f64| 100.0 * v;
    let mean: Vec<(f64, f64)> = shown
        .iter()
        .enumerate()
        .map(|(i, p)| (i as f64, pct(p.probability.mean)))
        .collect();
    let p90: Vec<(f64, f64)> = shown
        .iter()
        .enumerate()
        .filter(|(_, p)| p.probability.p90.is_finite())
        .map(|(i, p)| (i as f64, pct(p.probability.p90)))
        .collect();
    if p90.len() > 1 {
        chart
            .draw_series([plotters::element::DashedPathElement::new(
                p90.clone(),
                6,
                4,
                p90_c.stroke_width(2),
            )])
            .map_err(err)?;
    }
    if mean.len() > 1 {
        chart
            .draw_series([PathElement::new(mean.clone(), mean_c.stroke_width(2))])
            .map_err(err)?;
    }
    chart
        .draw_series(mean.iter().map(|p| Circle::new(*p, 4, mean_c.filled())))
        .map_err(err)?;
    let label = text_style(LABEL_PX, &theme.text).pos(Pos::new(HPos::Center, VPos::Bottom));
    chart
        .draw_series(mean.iter().map(|&(x, y)| {
            let text = tr!("chart-percent", value = fig(y, 1));
            EmptyElement::at((x, y)) + Text::new(text, (0, -8), label.clone())
        }))
        .map_err(err)?;
    Ok(frame_of(&chart))
}

/// Loss-of-load events per year by their duration (the mean over the sampled years), one bar
/// per duration bin with its figure above it. x is the bin's index, y events per year.
pub fn event_duration_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bins: &[DurationBin],
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let x_desc = tr!("chart-events-duration-axis");
    let y_desc = tr!("chart-events-per-year-axis");
    let (x_desc, y_desc) = (x_desc.as_str(), y_desc.as_str());
    let title = tr!("chart-events-title");
    if bins.is_empty() {
        return empty_chart(
            area,
            &title,
            x_desc,
            y_desc,
            &tr!("chart-events-empty"),
            theme,
        );
    }
    let body = header(area, &title, &[], theme)?;
    let (_, ny) = tick_budget(&body);
    let max = bins
        .iter()
        .map(|b| b.events_per_year)
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    // Room above the tallest bar for its figure.
    let top = if max > 0.0 { max * 1.2 } else { 1.0 };
    let (y_axis, dec) = TickAxis::nice(0.0, top, ny);
    let labels: Vec<String> = bins.iter().map(duration_bin_label_shown).collect();
    let mut chart = build(&body, category_axis(bins.len()), y_axis)?;
    let x_fmt = category_label(&labels);
    axes(&mut chart, theme, x_desc, y_desc, &x_fmt, &num_fmt(dec))?;
    let half = 0.36;
    let bar = theme.unmet.filled();
    chart
        .draw_series(
            bins.iter()
                .enumerate()
                .filter(|(_, b)| b.events_per_year.is_finite() && b.events_per_year > 0.0)
                .map(|(i, b)| {
                    let x = i as f64;
                    Rectangle::new([(x - half, 0.0), (x + half, b.events_per_year)], bar)
                }),
        )
        .map_err(err)?;
    let label = text_style(LABEL_PX, &theme.text).pos(Pos::new(HPos::Center, VPos::Bottom));
    chart
        .draw_series(
            bins.iter()
                .enumerate()
                .filter(|(_, b)| b.events_per_year.is_finite())
                .map(|(i, b)| {
                    EmptyElement::at((i as f64, b.events_per_year))
                        + Text::new(sig3_shown(b.events_per_year), (0, -4), label.clone())
                }),
        )
        .map_err(err)?;
    if max <= 0.0 {
        note(&chart, theme, &tr!("chart-events-none"))?;
    }
    Ok(frame_of(&chart))
}

// ------------------------------------------------------------------------------------------
// Cost against LOLE
// ------------------------------------------------------------------------------------------

/// Title of the chart of a reliability sizing's designs, in English. Passed as the `title` of
/// [`reliability_front_chart`] it is drawn in the current language ([`lole_front_title`]).
pub const LOLE_FRONT_TITLE: &str = "Cost against LOLE: the designs of the reliability sizing";

/// [`LOLE_FRONT_TITLE`] in the current language.
pub fn lole_front_title() -> String {
    tr!("chart-lole-front-title")
}

/// The LOLE axis of [`reliability_front_chart`]: logarithmic (LOLE runs from hundreds of hours
/// to hundredths), from a power of ten below the least positive LOLE (one lower again when a
/// design has none: LOLE 0 is drawn there and labelled "0") to one above the largest.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoleAxis {
    /// Exponent of the axis's left end; a LOLE of 0 is drawn at it.
    pub lo_exp: f64,
    pub hi_exp: f64,
    /// True when some design has LOLE 0 (the left end reads "0").
    pub zero: bool,
}

impl LoleAxis {
    /// The axis for `lole` values [h/yr] (non-finite ones ignored) and a target, if any.
    pub fn of(lole: impl IntoIterator<Item = f64>) -> Self {
        let v: Vec<f64> = lole
            .into_iter()
            .filter(|x| x.is_finite() && *x >= 0.0)
            .collect();
        let zero = v.contains(&0.0);
        let pos = v.iter().copied().filter(|x| *x > 0.0);
        let (min, max) = pos.fold((f64::INFINITY, 0.0f64), |(a, b), x| (a.min(x), b.max(x)));
        let (lo, hi) = if min.is_finite() {
            (min.log10().floor(), max.log10().ceil())
        } else {
            (-1.0, 0.0)
        };
        let lo_exp = if zero { lo - 1.0 } else { lo };
        Self {
            lo_exp,
            hi_exp: hi.max(lo_exp + 1.0),
            zero,
        }
    }

    /// Where a LOLE [h/yr] is drawn on the chart's x (log10 of it; 0 at the left end).
    pub fn x(&self, lole: f64) -> f64 {
        if lole > 0.0 {
            lole.log10().max(self.lo_exp)
        } else {
            self.lo_exp
        }
    }

    fn tick_axis(&self) -> TickAxis {
        let ticks = (self.lo_exp as i64..=self.hi_exp as i64)
            .map(|e| e as f64)
            .collect();
        TickAxis::new(self.lo_exp - 0.15, self.hi_exp + 0.15, ticks)
    }

    fn label(&self, x: f64) -> String {
        let e = x.round();
        if (x - e).abs() > 1e-6 {
            return String::new();
        }
        if self.zero && e == self.lo_exp {
            return "0".to_owned();
        }
        let decimals = (-e).clamp(0.0, 9.0) as usize;
        fig(10f64.powf(e), decimals)
    }
}

/// The cost-against-LOLE front of a reliability sizing (`reliability::sizing`): every design
/// the search judged as a hollow dot (annualized cost [M USD/yr] against LOLE [h/yr] at the
/// target's level, LOLE on a log scale, see [`LoleAxis`]), the designs no other beats on both
/// (`front_of_steps`) joined by a line, the LOLE target dashed, and `chosen` (the design the
/// search settled on) ringed.
///
/// The frame's x is [`LoleAxis::x`] of the LOLE and its y [`ChartTheme::cost_m`], so a caller can
/// find the design under the mouse. A `title` equal to [`LOLE_FRONT_TITLE`] is drawn in the
/// current language.
pub fn reliability_front_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    steps: &[SizingStep],
    max_lole_h_per_year: Option<f64>,
    chosen: Option<usize>,
    title: &str,
    theme: &ChartTheme,
) -> Result<ChartFrame, String> {
    ensure_font();
    let title = if title == LOLE_FRONT_TITLE {
        lole_front_title()
    } else {
        title.to_owned()
    };
    let title = title.as_str();
    let x_desc = tr!("chart-lole-axis");
    let y_desc = cost_axis(theme);
    let (x_desc, y_desc) = (x_desc.as_str(), y_desc.as_str());
    let lole = |s: &SizingStep| s.reliability.lole_h_per_year;
    let cost = |s: &SizingStep| theme.cost_m(s.annualized_cost_usd);
    let drawn: Vec<usize> = (0..steps.len())
        .filter(|&k| lole(&steps[k]).is_finite() && cost(&steps[k]).is_finite())
        .collect();
    if drawn.is_empty() {
        return empty_chart(area, title, x_desc, y_desc, &tr!("chart-lole-empty"), theme);
    }
    let target = max_lole_h_per_year.filter(|v| v.is_finite() && *v >= 0.0);
    let axis = LoleAxis::of(drawn.iter().map(|&k| lole(&steps[k])).chain(target));
    let xy = |k: usize| (axis.x(lole(&steps[k])), cost(&steps[k]));
    let (line_c, dot_c, target_c, sel_c) = (theme.wind, theme.axis, theme.text, theme.highlight);
    let mut legend = vec![
        line_item(tr!("chart-lole-front"), line_c.to_rgba()),
        line_item(tr!("chart-lole-others"), dot_c.to_rgba()),
    ];
    if target.is_some() {
        legend.push(line_item(tr!("chart-lole-target"), target_c.to_rgba()));
    }
    if chosen.is_some_and(|k| drawn.contains(&k)) {
        legend.push(line_item(tr!("chart-lole-chosen"), sel_c.to_rgba()));
    }
    let body = header(area, title, &legend, theme)?;
    let (_, ny) = tick_budget(&body);
    let (y_lo, y_hi) = drawn
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &k| {
            let y = cost(&steps[k]);
            (a.min(y), b.max(y))
        });
    let y_pad = ((y_hi - y_lo) * 0.08).max(0.01 * y_hi.abs()).max(1e-3);
    let (y_axis, dec) = TickAxis::nice((y_lo - y_pad).max(0.0), y_hi + y_pad, ny);
    let mut chart = build(&body, axis.tick_axis(), y_axis)?;
    let x_fmt = |x: &f64| axis.label(*x);
    axes(&mut chart, theme, x_desc, y_desc, &x_fmt, &num_fmt(dec))?;
    if let Some(v) = target {
        let x = axis.x(v);
        let (y0, y1) = {
            let s = chart.as_coord_spec().y_spec();
            (s.lo, s.hi)
        };
        chart
            .draw_series([plotters::element::DashedPathElement::new(
                vec![(x, y0), (x, y1)],
                6,
                4,
                target_c.stroke_width(2),
            )])
            .map_err(err)?;
    }
    chart
        .draw_series(
            drawn
                .iter()
                .map(|&k| Circle::new(xy(k), 3, dot_c.stroke_width(1))),
        )
        .map_err(err)?;
    let front: Vec<(f64, f64)> = front_of_steps(steps).into_iter().map(xy).collect();
    if front.len() > 1 {
        chart
            .draw_series([PathElement::new(front.clone(), line_c.stroke_width(2))])
            .map_err(err)?;
    }
    chart
        .draw_series(front.iter().map(|&p| Circle::new(p, 4, line_c.filled())))
        .map_err(err)?;
    if let Some(k) = chosen.filter(|k| drawn.contains(k)) {
        chart
            .draw_series([Circle::new(xy(k), 8, sel_c.stroke_width(2))])
            .map_err(err)?;
    }
    Ok(frame_of(&chart))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::sim::Engine;
    use std::path::Path;
    use std::sync::OnceLock;

    fn reference() -> &'static Results {
        static R: OnceLock<Results> = OnceLock::new();
        R.get_or_init(|| {
            Engine::new()
                .run(&Scenario::dakhla_reference(), Path::new("."))
                .expect("reference scenario runs")
        })
    }

    const W: u32 = 900;
    const H: u32 = 420;

    #[test]
    fn rounding_noise_is_not_unmet_load() {
        let mut r = reference().clone();
        let d = std::sync::Arc::make_mut(&mut r.dispatch);
        d.unmet_mw[5] = 1e-12;
        d.unmet_mw[6] = 0.5;
        assert_eq!(balance_at(&r, 5).unmet_mw, 0.0);
        assert_eq!(balance_at(&r, 6).unmet_mw, 0.5);
    }

    /// Render into an RGB buffer and return the number of distinct colours.
    fn png_colors(
        draw: impl Fn(&DrawingArea<BitMapBackend<'_>, Shift>) -> Result<ChartFrame, String>,
    ) -> (usize, ChartFrame) {
        let mut buf = vec![0u8; (W * H * 3) as usize];
        let frame;
        {
            let area = BitMapBackend::with_buffer(&mut buf, (W, H)).into_drawing_area();
            frame = draw(&area).expect("chart draws");
            area.present().expect("present");
        }
        let mut colors: Vec<[u8; 3]> = buf.chunks(3).map(|c| [c[0], c[1], c[2]]).collect();
        colors.sort_unstable();
        colors.dedup();
        (colors.len(), frame)
    }

    fn assert_drawn(name: &str, (colors, frame): (usize, ChartFrame)) {
        assert!(colors > 8, "{name}: only {colors} colours, looks blank");
        assert!(
            frame.plot_right_px > frame.plot_left_px + 100,
            "{name}: {frame:?}"
        );
        assert!(
            frame.plot_bottom_px > frame.plot_top_px + 50,
            "{name}: {frame:?}"
        );
        assert!(frame.x_max > frame.x_min, "{name}");
    }

    #[test]
    fn every_chart_renders_to_png() {
        let r = reference();
        let t = ChartTheme::print();
        let n = r.weather.len();
        assert_drawn("year", png_colors(|a| energy_balance(a, r, 0..n, &t)));
        assert_drawn("week", png_colors(|a| energy_balance(a, r, 2000..2168, &t)));
        assert_drawn("day", png_colors(|a| energy_balance(a, r, 2000..2024, &t)));
        assert_drawn(
            "soc",
            png_colors(|a| {
                battery_soc(a, r, 0..n, Some(&Scenario::dakhla_reference().battery), &t)
            }),
        );
        assert_drawn(
            "soc week",
            png_colors(|a| battery_soc(a, r, 100..268, None, &t)),
        );
        assert_drawn("monthly", png_colors(|a| monthly_energy(a, r, &t)));
        for q in [
            HeatQuantity::Unmet,
            HeatQuantity::Backup,
            HeatQuantity::Curtailed,
        ] {
            assert_drawn("heatmap", png_colors(|a| heatmap(a, r, q, &t)));
        }
        assert_drawn("duration", png_colors(|a| net_load_duration(a, r, &t)));
        let s = Scenario::dakhla_reference();
        assert_drawn(
            "pue",
            png_colors(|a| {
                pue_vs_temperature(a, &s.datacenter.cooling, Some(&r.weather.temp_air_c), &t)
            }),
        );
        assert_drawn(
            "pue fixed",
            png_colors(|a| pue_vs_temperature(a, &Cooling::Fixed { pue: 1.2 }, None, &t)),
        );
        let curve = [
            (0.0, 0.0),
            (3.0, 0.0),
            (4.0, 100.0),
            (12.0, 3000.0),
            (25.0, 3000.0),
        ];
        assert_drawn(
            "power curve",
            png_colors(|a| power_curve(a, "test 3 MW", &curve, &t)),
        );
    }

    /// Made-up years around the reference: the shares and backup vary from year to year.
    fn years(n: usize) -> Vec<crate::sim::years::YearResult> {
        let k = &reference().kpis;
        (0..n)
            .map(|i| {
                let mut kpis = k.clone();
                let f = ((i * 7919) % 13) as f64 / 13.0 - 0.5;
                kpis.renewable_fraction = (k.renewable_fraction + 0.04 * f).clamp(0.0, 1.0);
                kpis.cfe_score = (k.cfe_score + 0.05 * f).clamp(0.0, 1.0);
                kpis.backup_energy_mwh = (k.backup_energy_mwh * (1.0 - 2.0 * f)).max(0.0);
                crate::sim::years::YearResult {
                    operating_year: i as u32,
                    calendar_year: 2029 + i as i32,
                    weather: format!("synthetic seed {i}"),
                    kpis,
                }
            })
            .collect()
    }

    #[test]
    fn weather_years_renders_to_png() {
        use crate::sim::years::distribution;
        let t = ChartTheme::print();
        for n in [1, 3, 20, 200] {
            let y = years(n);
            let d = distribution(&y);
            let (colors, frame) = png_colors(|a| weather_years(a, &y, &d, &t));
            assert_drawn(&format!("weather years {n}"), (colors, frame.clone()));
            // x is the operating year counted from 1; the frame covers both panels.
            assert_eq!((frame.x_min, frame.x_max), (0.5, n as f64 + 0.5));
            assert!(frame.plot_bottom_px > (H as i32) / 2, "{frame:?}");
            // The upper panel's scale holds in the extended frame: the P50 line's pixel row
            // maps back to the P50.
            let p50 = 100.0 * d["renewable_fraction"].p50;
            assert!(frame.y_min < p50 && p50 < frame.y_max, "{frame:?}");
        }
        // No years, and years without a distribution, draw without panicking.
        let empty = std::collections::BTreeMap::new();
        assert_drawn(
            "weather years empty",
            png_colors(|a| weather_years(a, &[], &empty, &t)),
        );
        assert_drawn(
            "weather years no dist",
            png_colors(|a| weather_years(a, &years(5), &empty, &t)),
        );
        let mut svg = String::new();
        {
            let y = years(10);
            let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
            weather_years(&area, &y, &distribution(&y), &t).expect("draws");
            area.present().expect("present");
        }
        assert!(svg.contains("Weather years") && svg.contains("backup [GWh]"));
        assert!(svg.contains("RF P50"));
    }

    /// A made-up front: cost rising steeply towards 100 %, the last target unreachable.
    fn pareto_points(n: usize) -> Vec<ParetoPoint> {
        let targets = dakhla_core::optimize::study::pareto_targets(0.7, 0.999, n as u32);
        targets
            .iter()
            .enumerate()
            .map(|(k, &t)| {
                let feasible = k + 1 < n || n < 3;
                let share = if feasible { t } else { t - 0.01 };
                let cost = 200e6 + 40e6 / (1.0 - share).max(1e-3).sqrt();
                ParetoPoint {
                    target: t,
                    feasible,
                    renewable_fraction: share,
                    cfe_score: share - 0.02,
                    annualized_cost_usd: cost,
                    lcoe_usd_per_mwh: cost / 4.0e6,
                    extra_cost_usd_per_point: None,
                    mix: dakhla_core::optimize::Mix {
                        solar_mwdc: 1000.0 + 100.0 * k as f64,
                        ..Default::default()
                    },
                    evaluations: 100,
                    wall_s: 0.5,
                }
            })
            .collect()
    }

    #[test]
    fn pareto_chart_renders_to_png_and_svg_and_its_frame_finds_the_points() {
        let t = ChartTheme::print();
        for n in [1, 2, 5, 20] {
            let pts = pareto_points(n);
            for kind in [TargetKind::RenewableFraction, TargetKind::Cfe] {
                let (colors, frame) =
                    png_colors(|a| pareto_chart(a, &pts, kind, Some((0.8, 260e6)), Some(0), &t));
                assert_drawn(&format!("pareto {n} {kind:?}"), (colors, frame.clone()));
                // Every point lies inside the plot, in % and M USD/yr.
                for p in &pts {
                    let x = 100.0 * pareto_share(p, kind);
                    let y = p.annualized_cost_usd / 1e6;
                    assert!(frame.x_min <= x && x <= frame.x_max, "{x} {frame:?}");
                    assert!(frame.y_min <= y && y <= frame.y_max, "{y} {frame:?}");
                    let (px, py) = (frame.px_of_x(x), frame.px_of_y(y));
                    assert!(frame.plot_left_px as f64 <= px && px <= frame.plot_right_px as f64);
                    assert!(frame.plot_top_px as f64 <= py && py <= frame.plot_bottom_px as f64);
                }
            }
        }
        assert_drawn(
            "pareto empty",
            png_colors(|a| pareto_chart(a, &[], TargetKind::Cfe, None, None, &t)),
        );
        let mut nan = pareto_points(4);
        nan[1].annualized_cost_usd = f64::NAN;
        assert_drawn(
            "pareto nan",
            png_colors(|a| pareto_chart(a, &nan, TargetKind::Cfe, None, Some(1), &t)),
        );
        let mut svg = String::new();
        {
            let pts = pareto_points(6);
            let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
            pareto_chart(&area, &pts, TargetKind::RenewableFraction, None, None, &t)
                .expect("draws");
            area.present().expect("present");
        }
        assert!(svg.contains("Pareto front"));
        assert!(svg.contains("annualized cost [M USD/yr]"));
        assert!(svg.contains("renewable fraction reached [%]"));
        assert!(svg.contains("not reachable"));
    }

    #[test]
    fn energy_balance_renders_to_svg() {
        let r = reference();
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
            energy_balance(&area, r, 0..24 * 7, &ChartTheme::print()).expect("draws");
            area.present().expect("present");
        }
        assert!(svg.contains("<svg"));
        assert!(svg.contains("Energy balance"));
        assert!(svg.contains("facility load"));
        assert!(svg.matches("<rect").count() > 100);
    }

    #[test]
    fn empty_data_gives_titled_empty_charts() {
        let mut r = reference().clone();
        let t = ChartTheme::print();
        // Zero-length window.
        assert_drawn(
            "empty window",
            png_colors(|a| energy_balance(a, &r, 5..5, &t)),
        );
        assert_drawn(
            "window past end",
            png_colors(|a| battery_soc(a, &r, 9000..9999, None, &t)),
        );
        // Empty results and NaN values.
        r.supply_mw[dakhla_core::sim::SOLAR] = vec![f64::NAN; r.solar_mw().len()];
        assert_drawn("nan", png_colors(|a| energy_balance(a, &r, 0..500, &t)));
        assert_drawn("nan duration", png_colors(|a| net_load_duration(a, &r, &t)));
        r.supply_mw[dakhla_core::sim::SOLAR].clear();
        assert_drawn("empty", png_colors(|a| energy_balance(a, &r, 0..100, &t)));
        assert_drawn("empty monthly", png_colors(|a| monthly_energy(a, &r, &t)));
        assert_drawn(
            "empty heat",
            png_colors(|a| heatmap(a, &r, HeatQuantity::Unmet, &t)),
        );
        assert_drawn(
            "empty duration",
            png_colors(|a| net_load_duration(a, &r, &t)),
        );
        assert_drawn("empty curve", png_colors(|a| power_curve(a, "x", &[], &t)));
        // A tiny area does not panic either.
        let mut buf = vec![0u8; 3 * 20 * 10];
        let area = BitMapBackend::with_buffer(&mut buf, (20, 10)).into_drawing_area();
        let _ = energy_balance(&area, reference(), 0..100, &t);
        let _ = heatmap(&area, reference(), HeatQuantity::Curtailed, &t);
    }

    #[test]
    fn decimation_keeps_a_one_step_spike_and_is_bounded() {
        let mut v = vec![1.0; 8760];
        v[4321] = 500.0;
        v[77] = -20.0;
        let d = min_max_decimate(&v, 10, 300);
        assert!(d.len() <= 300);
        assert!(d.iter().any(|&(_, _, hi)| hi == 500.0));
        assert!(d.iter().any(|&(_, lo, _)| lo == -20.0));
        // The spike's group starts at or before it, with the offset applied.
        let (i, _, _) = d
            .iter()
            .copied()
            .find(|g| g.2 == 500.0)
            .expect("spike group");
        assert!(i <= 4321 + 10 && 4321 + 10 - i < 8760 / 300 + 1);
        // Short input keeps every value; NaN and empty input are safe.
        assert_eq!(
            min_max_decimate(&[1.0, 2.0], 0, 300),
            vec![(0, 1.0, 1.0), (1, 2.0, 2.0)]
        );
        assert_eq!(
            min_max_decimate(&[f64::NAN, 3.0], 0, 1),
            vec![(0, 3.0, 3.0)]
        );
        assert!(min_max_decimate(&[], 0, 300).is_empty());
        assert!(min_max_decimate(&v, 0, 0).is_empty());
        for cols in [1, 7, 299, 8759, 8760, 9000] {
            assert!(min_max_decimate(&v, 0, cols).len() <= cols);
        }
    }

    #[test]
    fn monthly_totals_add_up_to_the_year() {
        let r = reference();
        let m = monthly_totals(r, 0.0);
        assert_eq!(m.len(), 12);
        let load: f64 = m.iter().map(|t| t.load_mwh).sum();
        assert!((load - r.kpis.facility_energy_mwh).abs() < 1e-6 * load.max(1.0));
        // Supply serving the load closes the balance each month.
        for t in &m {
            let served: f64 = ["solar_used", "wind_used", "discharge", "backup", "unmet"]
                .iter()
                .map(|k| t.layer_mwh(k))
                .sum();
            assert!(
                (served - t.load_mwh).abs() < 1e-6 * t.load_mwh.max(1.0),
                "{t:?}"
            );
        }
    }

    #[test]
    fn frame_maps_pixels_back_to_data() {
        let f = ChartFrame {
            plot_left_px: 100,
            plot_right_px: 300,
            plot_top_px: 10,
            plot_bottom_px: 110,
            x_min: 0.0,
            x_max: 24.0,
            y_min: 0.0,
            y_max: 50.0,
        };
        assert_eq!(f.x_at(200.0), Some(12.0));
        assert_eq!(f.x_at(99.0), None);
        assert_eq!(f.y_at(60.0), Some(25.0));
        assert_eq!(f.px_of_x(6.0), 150.0);
        assert_eq!(f.px_of_y(25.0), 60.0);
        assert_eq!(f.y_at(f.px_of_y(10.0)), Some(10.0));
    }

    /// The reference results shown in the site's legal time (Dakhla: UTC+1).
    fn site_theme() -> ChartTheme {
        ChartTheme {
            clock: Clock::SiteLegal,
            money: dakhla_core::sim::kpis::Money::default(),
            ..ChartTheme::print()
        }
    }

    /// Unix time of a UTC date and time [s].
    fn utc(y: i64, mo: u32, d: u32, h: i64, mi: i64) -> i64 {
        crate::weather::days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60
    }

    #[test]
    fn times_read_in_the_site_clock_name_its_offset() {
        assert_eq!(format_utc_offset(1.0), "UTC+1");
        assert_eq!(format_utc_offset(-3.5), "UTC-3:30");
        assert_eq!(format_utc_offset(5.75), "UTC+5:45");
        assert_eq!(format_utc_offset(0.0), "UTC+0");
        assert_eq!(format_utc_offset(f64::NAN), "UTC+0");
        let t = utc(2029, 3, 14, 13, 0);
        assert_eq!(format_hour_at(t, 1.0), "2029-03-14 14:00 UTC+1");
        assert_eq!(format_hour_at(t, -3.5), "2029-03-14 09:30 UTC-3:30");
        assert_eq!(format_hour_at(t, 0.0), "2029-03-14 13:00 UTC+0");
        assert_eq!(format_hour_utc(t), "2029-03-14 13:00 UTC");
        // Half past eleven UTC on 31 January is already February at UTC+1.
        let late = utc(2029, 1, 31, 23, 30);
        assert_eq!(format_hour_at(late, 1.0), "2029-02-01 00:30 UTC+1");
        assert_eq!(format_day_at(late, 1.0), "2029-02-01");
        assert_eq!(format_day_at(late, 0.0), "2029-01-31");
        // A clock of the site names itself on the axes; the print clock says UTC.
        let r = reference();
        assert_eq!(r.utc_offset_h, 1.0);
        assert_eq!(r.ramadan_utc_offset_h, None);
        assert_eq!(
            (Clock::Utc.name(r), Clock::Utc.offset_h(r)),
            ("UTC".into(), LegalClock::fixed(0.0))
        );
        assert_eq!(
            (Clock::SiteLegal.name(r), Clock::SiteLegal.offset_h(r)),
            ("UTC+1".into(), LegalClock::fixed(1.0))
        );
        assert_eq!(ChartTheme::print().clock, Clock::Utc);
    }

    #[test]
    fn a_step_late_on_31_january_utc_is_february_in_site_time() {
        // Half-hour steps: the step 23:30-24:00 UTC on 31 January is step 30 * 48 + 47.
        let mut r = reference().clone();
        let mut w = (*r.weather).clone();
        w.step_s = 1800;
        r.weather = std::sync::Arc::new(w);
        let late = 30 * 48 + 47;
        assert_eq!(r.weather.time_unix_s(late), utc(2029, 1, 31, 23, 30));
        let load_mwh =
            |steps: Range<usize>| -> f64 { steps.map(|i| balance_at(&r, i).load_mw * 0.5).sum() };
        let in_utc = monthly_totals(&r, 0.0);
        let at_site = monthly_totals(&r, 1.0);
        assert_eq!((in_utc[0].month, at_site[0].month), (1, 1));
        // In UTC January ends with that step; at UTC+1 it and the one before are February's.
        assert_eq!(in_utc[0].duration_h, 31.0 * 24.0);
        assert_eq!(at_site[0].duration_h, 31.0 * 24.0 - 1.0);
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(close(in_utc[0].load_mwh, load_mwh(0..late + 1)));
        assert!(close(at_site[0].load_mwh, load_mwh(0..late - 1)));
        assert_eq!(at_site[1].month, 2);
        assert!(close(
            at_site[1].load_mwh,
            load_mwh(late - 1..late - 1 + 28 * 48)
        ));
    }

    #[test]
    fn months_in_site_time_still_add_up_to_the_year() {
        let r = reference();
        let n = series_len(r);
        let utc_months = monthly_totals(r, 0.0);
        let site = monthly_totals(r, 1.0);
        // The site's twelve months of 2029: February opens at 23:00 UTC on 31 January (step
        // 743), and January is whole, its first hour stood for by the run's last step (00:00
        // on 1 January 2030 at UTC+1).
        assert_eq!(utc_months.len(), 12);
        assert_eq!(site.len(), 12);
        let month_hours = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].map(|d| 24.0 * d as f64);
        for (k, m) in site.iter().enumerate() {
            assert_eq!((m.year, m.month), (2029, k as u32 + 1));
            assert_eq!(m.duration_h, month_hours[k], "{k}");
        }
        let load = |steps: &mut dyn Iterator<Item = usize>| -> f64 {
            steps.map(|i| balance_at(r, i).load_mw).sum()
        };
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(close(site[0].load_mwh, load(&mut (0..743).chain([n - 1]))));
        assert!(close(site[1].load_mwh, load(&mut (743..743 + 672))));
        assert!(close(utc_months[1].load_mwh, load(&mut (744..744 + 672))));
        // Every layer's months add up to the same year as in UTC.
        let sum =
            |m: &[MonthTotals], f: &dyn Fn(&MonthTotals) -> f64| -> f64 { m.iter().map(f).sum() };
        let year = r.kpis.facility_energy_mwh;
        let total = sum(&site, &|m| m.load_mwh);
        assert!((total - year).abs() < 1e-6 * year, "{total} {year}");
        for k in 0..N_LAYERS {
            let (a, b) = (
                sum(&site, &|m| m.layers_mwh[k]),
                sum(&utc_months, &|m| m.layers_mwh[k]),
            );
            assert!(
                (a - b).abs() <= 1e-6 * b.abs().max(1.0),
                "layer {k}: {a} {b}"
            );
        }
        // West of Greenwich the run's first steps (20:30 to 23:30 on 31 December 2028 at
        // UTC-3:30) stand for the end of the site's December 2029.
        let west = monthly_totals(r, -3.5);
        assert_eq!(west.len(), 12);
        assert_eq!((west[0].year, west[0].month), (2029, 1));
        assert_eq!(west[11].duration_h, 744.0);
        // A run that is not one whole UTC year is not folded: its site months are as many as
        // it touches (here a year shifted by a day: the first of the site's months is partial).
        let mut shifted = r.clone();
        let mut w = (*r.weather).clone();
        w.start_unix_s += 86_400;
        shifted.weather = std::sync::Arc::new(w);
        let months = monthly_totals(&shifted, 1.0);
        assert_eq!(months.len(), 13);
        assert_eq!(months[0].duration_h, 744.0 - 24.0 - 1.0);
        assert_eq!(
            (months[12].year, months[12].month, months[12].duration_h),
            (2030, 1, 25.0)
        );
    }

    #[test]
    fn the_heat_map_hours_move_by_the_site_offset() {
        let r = reference();
        let w = &r.weather;
        let values = &HeatQuantity::Curtailed.series(r)[..series_len(r)];
        let (days_utc, in_utc) = day_hour_grid(w, values, 0.0);
        let (days_site, at_site) = day_hour_grid(w, values, 1.0);
        assert_eq!((days_utc, days_site), (365, 365));
        // Every cell is one hour later at UTC+1: 00:00 UTC on 1 January is 01:00 there. The
        // site's first hour of the year is the run's last step (folded, see clock_time).
        let last = in_utc.len() - 1;
        assert_eq!(at_site[0], in_utc[last]);
        for k in 0..last {
            assert_eq!(at_site[k + 1], in_utc[k], "cell {k}");
        }
        // The cells' hours, for their labels: (day 0, 01:00) at UTC+1 is the first step's;
        // (day 40, 00:00) opens at 23:00 UTC on day 39.
        let label = |d, h, off| format_hour_at(heat_cell_unix_s(w, d, h, off), off);
        assert_eq!(heat_cell_unix_s(w, 0, 1, 1.0), w.start_unix_s);
        assert_eq!(label(0, 0, 1.0), "2029-01-01 00:00 UTC+1");
        assert_eq!(heat_cell_unix_s(w, 40, 0, 1.0), utc(2029, 2, 9, 23, 0));
        assert_eq!(heat_cell_unix_s(w, 40, 0, 0.0), utc(2029, 2, 10, 0, 0));
        // West of Greenwich the grid is the site's 2029 as well, to 31 December.
        let (days_west, west) = day_hour_grid(w, values, -3.5);
        assert_eq!(days_west, 365);
        assert_eq!(label(364, 20, -3.5), "2029-12-31 20:00 UTC-3:30");
        // That cell holds the step starting 00:00 UTC on 1 January (20:30 there, folded).
        assert_eq!(west[364 * 24 + 20], in_utc[0]);
        assert_eq!(west[364 * 24 + 19], in_utc[last]);
    }

    #[test]
    fn time_ticks_fall_on_the_site_clock_and_say_so() {
        let r = reference();
        let w = &r.weather;
        let utc_zone = Clock::Utc.zone(r);
        let site = Clock::SiteLegal.zone(r);
        // A day in 3 h ticks: at 00:00, 03:00 ... UTC; at UTC+1 on 03:00, 06:00 ... local,
        // which are the steps starting at 02:00, 05:00 ... UTC.
        let (axis, time) = TimeAxis::new(w, &(0..24), 10, &utc_zone);
        assert_eq!(&axis.ticks[..3], &[0.0, 3.0, 6.0]);
        assert_eq!(time.label(0.0), "1 Jan");
        assert_eq!(time.label(3.0), "03:00");
        let (axis, time) = TimeAxis::new(w, &(0..24), 10, &site);
        assert_eq!(&axis.ticks[..3], &[2.0, 5.0, 8.0]);
        assert_eq!(time.label(2.0), "03:00");
        assert_eq!(time.label(23.0), "2 Jan", "00:00 at UTC+1");
        // A year: month starts at local midnight (1 February 00:00 UTC+1 is step 743), and
        // January named at the left edge, which is 01:00 there.
        let (axis, time) = TimeAxis::new(w, &(0..w.len()), 24, &site);
        assert_eq!(&axis.ticks[..2], &[0.0, 743.0]);
        assert_eq!(
            (time.label(0.0), time.label(743.0)),
            ("Jan".into(), "Feb".into())
        );
        let (axis, _) = TimeAxis::new(w, &(0..w.len()), 24, &utc_zone);
        assert_eq!(&axis.ticks[..2], &[0.0, 744.0]);
        assert_eq!(
            time_desc(w, &(0..24), &site),
            "time (UTC+1), 2029-01-01 to 2029-01-02"
        );
        assert_eq!(
            time_desc(w, &(0..24), &utc_zone),
            "time (UTC), 2029-01-01 to 2029-01-01"
        );
        // The charts carry the clock's name on their axes.
        for (theme, name) in [(ChartTheme::print(), "UTC"), (site_theme(), "UTC+1")] {
            let svg = |draw: &dyn Fn(&DrawingArea<SVGBackend<'_>, Shift>)| {
                let mut svg = String::new();
                {
                    let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
                    draw(&area);
                    area.present().expect("present");
                }
                svg
            };
            let balance = svg(&|a| {
                energy_balance(a, r, 0..168, &theme).expect("draws");
            });
            assert!(balance.contains(&format!("time ({name}), ")), "{name}");
            let monthly = svg(&|a| {
                monthly_energy(a, r, &theme).expect("draws");
            });
            assert!(monthly.contains(&format!("month ({name})")), "{name}");
            let heat = svg(&|a| {
                heatmap(a, r, HeatQuantity::Backup, &theme).expect("draws");
            });
            assert!(heat.contains(&format!("hour of day ({name})")), "{name}");
            assert!(heat.contains(&format!("day ({name})")), "{name}");
        }
    }

    #[test]
    fn local_day_windows_open_at_the_site_midnight() {
        let r = reference();
        let w = &r.weather;
        let n = w.len();
        assert_eq!(local_day_count(w, n, 0.0), 365);
        assert_eq!(local_day_count(w, n, 1.0), 366);
        // UTC days are whole multiples of 24 steps.
        assert_eq!(local_day_window(w, n, 0, 7, 0.0), 0..168);
        assert_eq!(local_day_window(w, n, 14, 7, 0.0), 336..504);
        // At UTC+1 day 0 began an hour before the data (23:00 UTC), so it has 23 steps; day 14
        // opens at 23:00 UTC on the 14th.
        assert_eq!(local_day_window(w, n, 0, 1, 1.0), 0..23);
        assert_eq!(local_day_window(w, n, 14, 7, 1.0), 335..503);
        assert_eq!(w.time_unix_s(335), utc(2029, 1, 14, 23, 0));
        assert_eq!(format_day_at(w.time_unix_s(335), 1.0), "2029-01-15");
        // The whole run, and days past its end, are clamped to the steps there are.
        assert_eq!(local_day_window(w, n, 0, 366, 1.0), 0..n);
        assert_eq!(local_day_window(w, n, 365, 7, 1.0), n - 1..n);
        assert_eq!(local_day_window(w, n, usize::MAX, usize::MAX, 1.0), n..n);
        assert_eq!(local_day_window(w, 0, 0, 7, 1.0), 0..0);
        // West of Greenwich day 0 is 31 December, local: the steps starting 00:00 to 03:00 UTC
        // (20:30 to 23:30 there) are in it.
        assert_eq!(local_day_window(w, n, 0, 1, -3.5), 0..4);
        assert_eq!(local_day_window(w, n, 1, 1, -3.5), 4..28);
    }

    /// The reference run with Morocco's Ramadan hour: UTC+1, UTC+0 in Ramadan (in 2029 from
    /// 14 January 02:00 UTC to 18 February 02:00 UTC, and from 30 December 02:00 UTC on).
    fn ramadan_run() -> Results {
        let mut r = reference().clone();
        r.ramadan_utc_offset_h = Some(0.0);
        r
    }

    /// The reference run without a Ramadan offset, whatever the reference scenario says: the
    /// site's legal time is UTC+1 all year.
    fn without_ramadan() -> Results {
        let mut r = reference().clone();
        r.ramadan_utc_offset_h = None;
        r
    }

    /// The step of `w` starting at the Unix time `t`.
    fn step_at(w: &Weather, t: i64) -> usize {
        usize::try_from((t - w.start_unix_s) / w.step_s).expect("in the run")
    }

    #[test]
    fn the_site_clock_keeps_the_ramadan_hour() {
        let r = ramadan_run();
        let w = &r.weather;
        let clock = Clock::SiteLegal.offset_h(&r);
        assert!(!clock.is_fixed());
        assert_eq!((clock.base_h(), clock.ramadan_h()), (1.0, Some(0.0)));
        assert_eq!(Clock::Utc.offset_h(&r), LegalClock::UTC);
        // The engine's legal time, step by step.
        for i in 0..w.len() {
            let t = w.time_unix_s(i);
            assert_eq!(clock.offset_h_at(t), r.legal_offset_h_at(t), "step {i}");
        }
        // Its names: on the axes, in both languages; UTC stays UTC.
        assert_eq!(Clock::SiteLegal.name(&r), "UTC+1, UTC+0 in Ramadan");
        assert_eq!(Clock::Utc.name(&r), "UTC");
        let mut args = dakhla_i18n::Args::new();
        args.set("clock", dakhla_i18n::arg("UTC+1"));
        args.set("ramadan", dakhla_i18n::arg("UTC+0"));
        assert_eq!(
            dakhla_i18n::tr_in(dakhla_i18n::Lang::Fr, "chart-clock-ramadan", Some(&args)),
            "UTC+1, UTC+0 pendant le ramadan"
        );
        // Noon UTC reads noon in Ramadan, one o'clock outside it, with the offset in force.
        assert_eq!(
            format_hour_at(utc(2029, 2, 1, 12, 0), clock),
            "2029-02-01 12:00 UTC+0"
        );
        assert_eq!(
            format_hour_at(utc(2029, 3, 1, 12, 0), clock),
            "2029-03-01 13:00 UTC+1"
        );
        // The clock goes back at 02:00 UTC on 14 January (02:00 reads twice) and forward at
        // 02:00 UTC on 18 February (02:00 never reads).
        let read = |t| format_hour_at(t, clock);
        assert_eq!(read(utc(2029, 1, 14, 1, 0)), "2029-01-14 02:00 UTC+1");
        assert_eq!(read(utc(2029, 1, 14, 2, 0)), "2029-01-14 02:00 UTC+0");
        assert_eq!(read(utc(2029, 2, 18, 1, 0)), "2029-02-18 01:00 UTC+0");
        assert_eq!(read(utc(2029, 2, 18, 2, 0)), "2029-02-18 03:00 UTC+1");
        // Late on 31 December UTC is still 2029 at the site: Ramadan began on the 30th.
        let late = utc(2029, 12, 31, 23, 30);
        assert_eq!(read(late), "2029-12-31 23:30 UTC+0");
        assert_eq!(format_day_at(late, clock), "2029-12-31");
        assert_eq!(format_day_at(late, 1.0), "2030-01-01");
        // Back from the clock to UTC: the first of a repeated hour, the jump over a skipped one.
        let local = |y, mo, d, h| utc(y, mo, d, h, 0);
        assert_eq!(clock.utc_at(local(2029, 1, 14, 2)), utc(2029, 1, 14, 1, 0));
        assert_eq!(clock.utc_at(local(2029, 1, 14, 3)), utc(2029, 1, 14, 3, 0));
        assert_eq!(clock.utc_at(local(2029, 2, 18, 2)), utc(2029, 2, 18, 2, 0));
        assert_eq!(
            clock.utc_at(local(2029, 2, 18, 2) + 1800),
            utc(2029, 2, 18, 2, 0)
        );
        assert_eq!(clock.utc_at(local(2029, 2, 18, 3)), utc(2029, 2, 18, 2, 0));
        assert_eq!(clock.utc_at(local(2029, 3, 1, 13)), utc(2029, 3, 1, 12, 0));
        // Months an hour longer or shorter where the clock changes.
        let hours = |m| month_duration_h(2029, m, clock);
        assert_eq!(
            (hours(1), hours(2), hours(3), hours(12)),
            (745.0, 671.0, 744.0, 745.0)
        );
        assert_eq!(
            (
                month_duration_h(2029, 2, 1.0),
                month_duration_h(2029, 12, 0.0)
            ),
            (672.0, 744.0)
        );
        // A Ramadan offset equal to the base one is no change: the fixed clock and its name.
        let mut same = reference().clone();
        same.ramadan_utc_offset_h = Some(1.0);
        assert_eq!(Clock::SiteLegal.offset_h(&same), LegalClock::fixed(1.0));
        assert_eq!(Clock::SiteLegal.name(&same), "UTC+1");
    }

    #[test]
    fn the_heat_map_puts_each_step_at_its_legal_hour() {
        let r = ramadan_run();
        let w = &r.weather;
        let clock = Clock::SiteLegal.offset_h(&r);
        // Each step's value is its index: a cell tells which steps it holds.
        let values: Vec<f64> = (0..w.len()).map(|i| i as f64).collect();
        let (days, cells) = day_hour_grid(w, &values, clock);
        assert_eq!(days, 365);
        let day = |m, d| {
            crate::weather::days_from_civil(2029, m, d)
                - crate::weather::days_from_civil(2029, 1, 1)
        };
        let cell = |m, d, h: i64| cells[(day(m, d) * 24 + h) as usize];
        let step = |t| step_at(w, t) as f64;
        // 12:00 UTC is hour 12 in Ramadan, hour 13 outside it.
        assert_eq!(cell(2, 1, 12), Some(step(utc(2029, 2, 1, 12, 0))));
        assert_eq!(cell(3, 1, 13), Some(step(utc(2029, 3, 1, 12, 0))));
        assert_eq!(cell(3, 1, 12), Some(step(utc(2029, 3, 1, 11, 0))));
        // The hour the clock repeats holds the mean of its two steps; the hour it skips has
        // none; nor has the site's first hour of the year (the run ends at 23:00 UTC+0).
        let both = |m, d| (step(utc(2029, m, d, 1, 0)) + step(utc(2029, m, d, 2, 0))) / 2.0;
        assert_eq!(cell(1, 14, 2), Some(both(1, 14)));
        assert_eq!(cell(12, 30, 2), Some(both(12, 30)));
        assert_eq!(cell(2, 18, 2), None);
        assert_eq!(cell(2, 18, 3), Some(step(utc(2029, 2, 18, 2, 0))));
        assert_eq!(cell(1, 1, 0), None);
        assert_eq!(cell(12, 31, 23), Some(step(utc(2029, 12, 31, 23, 0))));
        assert_eq!(cells.iter().filter(|c| c.is_none()).count(), 2);
        // The cells' labels for the tooltip: the hour as the site read it.
        let label = |m, d, h| format_hour_at(heat_cell_unix_s(w, day(m, d), h, clock), clock);
        assert_eq!(label(2, 1, 12), "2029-02-01 12:00 UTC+0");
        assert_eq!(label(3, 1, 13), "2029-03-01 13:00 UTC+1");
        assert_eq!(label(1, 14, 2), "2029-01-14 02:00 UTC+1");
        assert_eq!(
            heat_cell_unix_s(w, day(2, 1), 12, clock),
            utc(2029, 2, 1, 12, 0)
        );
        // The chart draws, named by the clock.
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
            let theme = site_theme();
            heatmap(&area, &r, HeatQuantity::Curtailed, &theme).expect("draws");
            area.present().expect("present");
        }
        assert!(svg.contains("hour of day (UTC+1, UTC+0 in Ramadan)"));
        // Without a Ramadan offset the site's grid is the fixed UTC+1 one.
        let fixed = without_ramadan();
        let reference = &fixed;
        let curtailed = &HeatQuantity::Curtailed.series(reference)[..series_len(reference)];
        let site = Clock::SiteLegal.offset_h(reference);
        assert_eq!(
            day_hour_grid(w, curtailed, site),
            day_hour_grid(w, curtailed, 1.0)
        );
        for (d, h) in [(0, 0), (40, 0), (100, 13), (364, 23)] {
            assert_eq!(
                heat_cell_unix_s(w, d, h, site),
                heat_cell_unix_s(w, d, h, 1.0)
            );
        }
    }

    #[test]
    fn months_with_the_ramadan_hour_add_up_to_the_run() {
        let r = ramadan_run();
        let w = &r.weather;
        let clock = Clock::SiteLegal.offset_h(&r);
        let months = monthly_totals(&r, clock);
        assert_eq!(months.len(), 12);
        // January lacks its first hour (00:00 UTC+1 on 1 January is before the run), February
        // is an hour short (the clock goes forward), December an hour long (it goes back).
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (k, m) in months.iter().enumerate() {
            assert_eq!((m.year, m.month), (2029, k as u32 + 1));
            let expected = 24.0 * days[k] as f64
                + match k {
                    1 => -1.0,
                    11 => 1.0,
                    _ => 0.0,
                };
            assert_eq!(m.duration_h, expected, "{k}");
            // Whole by the clock's own month, save January's first hour.
            let whole = month_duration_h(m.year, m.month, clock);
            assert_eq!(m.duration_h + f64::from(k == 0), whole, "{k}");
        }
        // February opens at 00:00 UTC on 1 February (in Ramadan), step 744, and March at 23:00
        // UTC on 28 February.
        let load = |steps: Range<usize>| -> f64 { steps.map(|i| balance_at(&r, i).load_mw).sum() };
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert_eq!(step_at(w, utc(2029, 2, 1, 0, 0)), 744);
        assert!(close(months[0].load_mwh, load(0..744)));
        assert!(close(months[1].load_mwh, load(744..744 + 671)));
        assert!(close(months[11].load_mwh, load(w.len() - 745..w.len())));
        // The months add up to the run, layer by layer.
        let year = r.kpis.facility_energy_mwh;
        let total: f64 = months.iter().map(|m| m.load_mwh).sum();
        assert!((total - year).abs() < 1e-6 * year, "{total} {year}");
        let utc_months = monthly_totals(&r, Clock::Utc.offset_h(&r));
        for k in 0..N_LAYERS {
            let a: f64 = months.iter().map(|m| m.layers_mwh[k]).sum();
            let b: f64 = utc_months.iter().map(|m| m.layers_mwh[k]).sum();
            assert!(
                (a - b).abs() <= 1e-6 * b.abs().max(1.0),
                "layer {k}: {a} {b}"
            );
        }
        // UTC months do not move; without a Ramadan offset the site's are the fixed UTC+1 ones.
        assert_eq!(utc_months, monthly_totals(reference(), 0.0));
        let fixed = without_ramadan();
        let reference = &fixed;
        assert_eq!(
            monthly_totals(reference, Clock::SiteLegal.offset_h(reference)),
            monthly_totals(reference, 1.0)
        );
    }

    #[test]
    fn time_ticks_and_day_windows_follow_the_ramadan_hour() {
        let r = ramadan_run();
        let w = &r.weather;
        let n = w.len();
        let clock = Clock::SiteLegal.offset_h(&r);
        let zone = Clock::SiteLegal.zone(&r);
        assert_eq!(zone.clock, clock);
        // 14 January, hourly: 02:00 twice (steps 313 and 314, 01:00 and 02:00 UTC).
        let jan14 = step_at(w, utc(2029, 1, 14, 0, 0));
        let (axis, time) = TimeAxis::new(w, &(jan14..jan14 + 24), 30, &zone);
        let x = |i: usize| i as f64;
        assert_eq!(
            &axis.ticks[..4],
            &[x(jan14), x(jan14 + 1), x(jan14 + 2), x(jan14 + 3)]
        );
        let labels: Vec<String> = axis.ticks[..4].iter().map(|t| time.label(*t)).collect();
        assert_eq!(labels, ["01:00", "02:00", "02:00", "03:00"]);
        assert_eq!(time.label(x(jan14 + 24)), "15 Jan");
        assert_eq!(axis.ticks.len(), 25);
        // 18 February: 02:00 is skipped, 03:00 follows 01:00.
        let feb18 = step_at(w, utc(2029, 2, 18, 0, 0));
        let (axis, time) = TimeAxis::new(w, &(feb18..feb18 + 24), 30, &zone);
        let labels: Vec<String> = axis.ticks[..3].iter().map(|t| time.label(*t)).collect();
        assert_eq!(labels, ["18 Feb", "01:00", "03:00"]);
        assert_eq!(&axis.ticks[..3], &[x(feb18), x(feb18 + 1), x(feb18 + 2)]);
        // Every step of both windows (and their ends) starts a whole hour: one tick each.
        assert_eq!(axis.ticks.len(), 25);
        // A year: February opens at 00:00 UTC (in Ramadan), March at 23:00 UTC on 28 February.
        let (axis, time) = TimeAxis::new(w, &(0..n), 24, &zone);
        assert_eq!(&axis.ticks[..3], &[0.0, 744.0, 1415.0]);
        assert_eq!(time.label(744.0), "Feb");
        assert_eq!(
            time_desc(w, &(0..24), &zone),
            "time (UTC+1, UTC+0 in Ramadan), 2029-01-01 to 2029-01-02"
        );
        // Days of the site: 365 of them (the run ends at 23:00 UTC+0 on 31 December); 14
        // January has 25 hours, 18 February 23.
        assert_eq!(local_day_count(w, n, clock), 365);
        assert_eq!(local_day_window(w, n, 0, 1, clock), 0..23);
        assert_eq!(local_day_window(w, n, 13, 1, clock), jan14 - 1..jan14 + 24);
        assert_eq!(local_day_window(w, n, 48, 1, clock), feb18..feb18 + 23);
        assert_eq!(local_day_window(w, n, 364, 7, clock), n - 24..n);
        assert_eq!(format_day_at(w.time_unix_s(n - 1), clock), "2029-12-31");
        // The state of charge by day of the site.
        let theme = site_theme();
        let spans = soc_spans(&r, 0..n, 800, &theme).expect("a year is summed up");
        assert_eq!(spans.len(), 365);
        assert_eq!(spans[13].steps, jan14 - 1..jan14 + 24);
        assert_eq!(spans[364].steps, n - 24..n);
        // The charts draw and name the clock.
        let battery = Scenario::dakhla_reference().battery;
        let svg = |draw: &dyn Fn(&DrawingArea<SVGBackend<'_>, Shift>)| {
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
                draw(&area);
                area.present().expect("present");
            }
            svg
        };
        let balance = svg(&|a| {
            energy_balance(a, &r, jan14 - 24..jan14 + 48, &theme).expect("draws");
        });
        // From 01:00 UTC+1 on 13 January to 23:00 UTC+0 on the 15th.
        assert!(balance.contains("time (UTC+1, UTC+0 in Ramadan), 2029-01-13 to 2029-01-15"));
        let soc = svg(&|a| {
            battery_soc(a, &r, 0..n, Some(&battery), &theme).expect("draws");
        });
        assert!(soc.contains("time (UTC+1, UTC+0 in Ramadan)"));
        let monthly = svg(&|a| {
            monthly_energy(a, &r, &theme).expect("draws");
        });
        assert!(monthly.contains("month (UTC+1, UTC+0 in Ramadan)"));
        // In UTC (files and print) the Ramadan hour changes nothing.
        let print = ChartTheme::print();
        for window in [0..n, jan14..jan14 + 24] {
            assert_eq!(
                svg(&|a| {
                    energy_balance(a, &r, window.clone(), &print).expect("draws");
                }),
                svg(&|a| {
                    energy_balance(a, reference(), window.clone(), &print).expect("draws");
                })
            );
        }
        // Without a Ramadan offset the site's axes and windows are the fixed UTC+1 ones.
        let fixed_run = without_ramadan();
        let reference = &fixed_run;
        let site = Clock::SiteLegal.zone(reference);
        assert_eq!(
            site,
            Zone {
                clock: LegalClock::fixed(1.0),
                name: "UTC+1".into()
            }
        );
        for window in [0..24, jan14..jan14 + 24, 0..n] {
            let (a, _) = TimeAxis::new(w, &window, 24, &site);
            let fixed = Zone {
                clock: 1.0.into(),
                name: "UTC+1".into(),
            };
            let (b, _) = TimeAxis::new(w, &window, 24, &fixed);
            assert_eq!(a.ticks, b.ticks);
        }
        let fixed = Clock::SiteLegal.offset_h(reference);
        assert_eq!(local_day_count(w, n, fixed), local_day_count(w, n, 1.0));
        assert_eq!(
            local_day_window(w, n, 13, 7, fixed),
            local_day_window(w, n, 13, 7, 1.0)
        );
        assert_eq!(
            format_hour_at(utc(2029, 2, 1, 12, 0), fixed),
            "2029-02-01 13:00 UTC+1"
        );
    }

    #[test]
    fn a_long_window_shows_the_state_of_charge_as_daily_bands() {
        let r = reference();
        let n = r.weather.len();
        let battery = Scenario::dakhla_reference().battery;
        let soc = &r.dispatch.battery().soc_mwh;
        for theme in [ChartTheme::print(), site_theme()] {
            // A week keeps its hourly line; a year at 800 px (2 px a day) is summed up by day.
            assert_eq!(soc_spans(r, 0..168, 800, &theme), None);
            assert_eq!(soc_spans(r, 0..720, 900, &theme), None);
            let spans = soc_spans(r, 0..n, 800, &theme).expect("a year is summed up");
            let days = if theme.clock == Clock::Utc { 365 } else { 366 };
            assert_eq!(spans.len(), days);
            // The spans tile the year, each within its steps' lowest and highest value.
            assert_eq!(spans[0].steps.start, 0);
            assert_eq!(spans[days - 1].steps.end, n);
            for (a, b) in spans.iter().zip(&spans[1..]) {
                assert_eq!(a.steps.end, b.steps.start);
            }
            for s in &spans {
                let v = &soc[s.steps.clone()];
                let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
                let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                assert_eq!((s.min_mwh, s.max_mwh), (lo, hi));
                assert!(lo <= s.mean_mwh && s.mean_mwh <= hi);
            }
            // At UTC+1 the first day is the 23 steps to the site's midnight.
            if theme.clock == Clock::SiteLegal {
                assert_eq!(spans[0].steps, 0..23);
            }
            // Narrower still: a span per two days.
            let narrow = soc_spans(r, 0..n, 250, &theme).expect("summed up");
            assert!(
                narrow.len() <= 250 && narrow.len() >= 180,
                "{}",
                narrow.len()
            );
            // The chart says what it shows, and its plot is as wide as the spans assumed.
            for width in [500u32, 800, 1400] {
                let mut svg = String::new();
                let frame = {
                    let area = SVGBackend::with_string(&mut svg, (width, 300)).into_drawing_area();
                    let f = battery_soc(&area, r, 0..n, Some(&battery), &theme).expect("draws");
                    area.present().expect("present");
                    f
                };
                assert_eq!(
                    (frame.plot_right_px - frame.plot_left_px) as usize,
                    plot_px_of_width(width)
                );
                assert!(
                    svg.contains("daily mean") || svg.contains("mean per"),
                    "{width}"
                );
                assert!(svg.contains("min–max"));
            }
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
                battery_soc(&area, r, 0..168, Some(&battery), &theme).expect("draws");
                area.present().expect("present");
            }
            assert!(svg.contains("state of charge") && !svg.contains("daily mean"));
        }
    }

    /// (x, text) of the SVG text elements whose text is one of `names`.
    fn svg_labels(svg: &str, names: &[&str]) -> Vec<(f64, String)> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let x = t.split("x=\"").nth(1)?.split('"').next()?.parse().ok()?;
                let text = t.split('>').nth(1)?.split('<').next()?.trim().to_owned();
                names.contains(&text.as_str()).then_some((x, text))
            })
            .collect()
    }

    #[test]
    fn month_labels_leave_out_what_would_collide() {
        let r = reference();
        let t = ChartTheme::print();
        let names: Vec<&str> = (1..=12).map(month_name).collect();
        let labels_at = |width: u32| {
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (width, 300)).into_drawing_area();
                monthly_energy(&area, r, &t).expect("draws");
                area.present().expect("present");
            }
            svg_labels(&svg, &names)
        };
        // Wide: every month named, in order.
        let wide = labels_at(900);
        let texts: Vec<&str> = wide.iter().map(|l| l.1.as_str()).collect();
        assert_eq!(texts, names);
        // Narrow: every k-th month from January, no two closer than a label and a gap.
        for width in [200u32, 260, 330] {
            let narrow = labels_at(width);
            assert!(
                narrow.len() < 12 && narrow.len() >= 2,
                "{width}: {narrow:?}"
            );
            assert_eq!(narrow[0].1, "Jan");
            let k = 12 / narrow.len();
            for (i, (_, text)) in narrow.iter().enumerate() {
                assert_eq!(text, names[i * k], "{width}: {narrow:?}");
            }
            for p in narrow.windows(2) {
                assert!(
                    p[1].0 - p[0].0 >= 16.0 + LABEL_GAP_PX as f64,
                    "{width}: {p:?}"
                );
            }
        }
    }

    fn survival_points() -> Vec<SurvivalPoint> {
        use dakhla_core::reliability::Estimate;
        [
            (1.0, 0.938),
            (4.0, 0.899),
            (12.0, 0.814),
            (24.0, 0.723),
            (72.0, 0.542),
        ]
        .into_iter()
        .map(|(h, p)| SurvivalPoint {
            duration_h: h,
            probability: Estimate {
                mean: p,
                std_error: 0.0002,
                p50: p,
                p90: p - 0.01,
            },
        })
        .collect()
    }

    fn duration_bins(scale: f64) -> Vec<DurationBin> {
        let edges = dakhla_core::reliability::adequacy::EVENT_DURATION_BINS_H;
        (0..edges.len())
            .map(|k| DurationBin {
                from_h: edges[k],
                to_h: edges.get(k + 1).map(|n| n - 1.0),
                events_per_year: scale / (k + 1) as f64,
            })
            .collect()
    }

    #[test]
    fn reliability_charts_render_to_png_and_svg_with_their_units_and_bins() {
        let t = ChartTheme::print();
        let (colors, frame) = png_colors(|a| survival_chart(a, &survival_points(), &t));
        assert_drawn("survival", (colors, frame.clone()));
        // x is the point's index, y the chance in percent from 0.
        assert_eq!((frame.x_min, frame.x_max), (-0.5, 4.5));
        assert!(frame.y_min == 0.0 && frame.y_max >= 100.0, "{frame:?}");
        let (colors, frame) = png_colors(|a| event_duration_chart(a, &duration_bins(0.4), &t));
        assert_drawn("event durations", (colors, frame.clone()));
        assert_eq!((frame.x_min, frame.x_max), (-0.5, 6.5));
        assert!(frame.y_max >= 0.4, "{frame:?}");
        // No events at all, no grid link: titled charts that say so.
        assert_drawn(
            "no events",
            png_colors(|a| event_duration_chart(a, &duration_bins(0.0), &t)),
        );
        assert_drawn("no grid link", png_colors(|a| survival_chart(a, &[], &t)));
        fn svg(
            draw: impl Fn(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<ChartFrame, String>,
        ) -> String {
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
                draw(&area).expect("draws");
                area.present().expect("present");
            }
            svg
        }
        let s = svg(|a| survival_chart(a, &survival_points(), &t));
        assert!(s.contains("length of the grid outage [h]"), "{s}");
        assert!(s.contains("chance of riding through [%]"));
        assert!(s.contains("\n93.8 %\n") && s.contains("\n72\n"));
        let s = svg(|a| event_duration_chart(a, &duration_bins(0.4), &t));
        assert!(s.contains("events per year") && s.contains("[events/yr]"));
        for label in ["1", "3-4", "25-72", "over 72", "0.400"] {
            assert!(s.contains(&format!("\n{label}\n")), "{label} missing");
        }
        let s = svg(|a| event_duration_chart(a, &duration_bins(0.0), &t));
        assert!(s.contains("no loss of load in any sampled year"));
    }

    fn sizing_steps() -> Vec<SizingStep> {
        use dakhla_core::reliability::sizing::LevelReliability;
        let step = |change: &str, cost: f64, lole: f64, met: bool| SizingStep {
            change: change.into(),
            backup_units: vec![6],
            backup_mw: 300.0,
            battery_energy_mwh: 1600.0,
            battery_power_mw: 400.0,
            annualized_cost_usd: cost * 1e6,
            reliability: LevelReliability {
                lole_h_per_year: lole,
                eue_mwh_per_year: 10.0 * lole,
                lole_mean_h_per_year: lole,
            },
            met,
        };
        vec![
            step("start", 192.6, 35.0, false),
            step("+1 gas turbine", 195.1, 4.2, false),
            step("+1 genset", 195.4, 1.3, false),
            step("+1 genset", 195.7, 0.08, true),
            step("-1 battery block", 195.2, 0.08, true),
            step("+1 gas turbine", 198.0, 0.0, true),
        ]
    }

    #[test]
    fn the_cost_against_lole_front_draws_on_a_log_axis() {
        let t = ChartTheme::print();
        let steps = sizing_steps();
        let (colors, frame) = png_colors(|a| {
            reliability_front_chart(a, &steps, Some(0.1), Some(4), LOLE_FRONT_TITLE, &t)
        });
        assert_drawn("lole front", (colors, frame.clone()));
        // LOLE from 0 to 35 h/yr with a target of 0.1: 0 drawn a decade below 0.08's.
        let axis = LoleAxis::of(
            steps
                .iter()
                .map(|s| s.reliability.lole_h_per_year)
                .chain([0.1]),
        );
        assert_eq!(
            axis,
            LoleAxis {
                lo_exp: -3.0,
                hi_exp: 2.0,
                zero: true
            }
        );
        assert_eq!(axis.x(0.0), -3.0);
        assert!((axis.x(35.0) - 35f64.log10()).abs() < 1e-12);
        assert_eq!(axis.label(-3.0), "0");
        assert_eq!(axis.label(-1.0), "0.1");
        assert_eq!(axis.label(1.0), "10");
        assert_eq!(axis.label(0.5), "");
        assert!(frame.x_min < -3.0 && frame.x_max > 2.0);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
            reliability_front_chart(&area, &steps, Some(0.1), Some(4), LOLE_FRONT_TITLE, &t)
                .expect("draws");
            area.present().expect("present");
        }
        for text in [
            "log scale",
            "M USD/yr",
            "LOLE target",
            "the sized design",
            "\n0.01\n",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        // No designs: a titled chart that says so.
        assert_drawn(
            "no designs",
            png_colors(|a| reliability_front_chart(a, &[], None, None, LOLE_FRONT_TITLE, &t)),
        );
        // No positive LOLE at all: one decade below 1 is the axis.
        assert_eq!(
            LoleAxis::of([0.0]),
            LoleAxis {
                lo_exp: -2.0,
                hi_exp: 0.0,
                zero: true
            }
        );
    }

    #[test]
    fn chart_figures_group_thousands_with_a_glyph_the_chart_font_has() {
        use dakhla_i18n::Lang;
        assert_eq!(fig_in(Lang::En, 1520.0, 0), "1520");
        assert_eq!(fig_in(Lang::En, 93.75, 1), format!("{:.1}", 93.75));
        assert_eq!(fig_in(Lang::Fr, 1520.0, 0), "1\u{a0}520");
        assert_eq!(fig_in(Lang::Fr, -1234567.891, 2), "-1\u{a0}234\u{a0}567,89");
        assert_eq!(fig_in(Lang::Fr, 0.0312, 4), "0,0312");
    }

    #[test]
    fn duration_bins_and_small_figures_read_plainly() {
        let b = duration_bins(1.0);
        let labels: Vec<String> = b.iter().map(duration_bin_label).collect();
        assert_eq!(labels, ["1", "2", "3-4", "5-8", "9-24", "25-72", "over 72"]);
        assert_eq!(sig3(0.0), "0");
        assert_eq!(sig3(0.03121), "0.0312");
        assert_eq!(sig3(1.5), "1.50");
        assert_eq!(sig3(12.04), "12.0");
        assert_eq!(sig3(f64::NAN), "-");
    }

    type DrawFn<'a> =
        dyn Fn(&DrawingArea<BitMapBackend<'_>, Shift>) -> Result<ChartFrame, String> + 'a;

    /// Held by the tests that switch the process-wide language, so that the two PNG writers
    /// do not run in each other's language.
    static LANG_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

    /// Writes the charts as PNG files to target/charts for a look (cargo test -- --ignored).
    #[test]
    #[ignore = "writes PNGs to target/charts for a person to look at; asserts nothing a CI run needs"]
    fn write_pngs_for_inspection() {
        let _lang = LANG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        dakhla_i18n::set(dakhla_i18n::Lang::En);
        write_pngs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts"));
    }

    /// Writes the charts in French to target/charts/fr for a look. The language is
    /// process-wide: run this test alone (`cargo test -p dakhla-report --lib
    /// write_french_pngs_for_inspection -- --ignored`), not with `--include-ignored`, or the
    /// English tests running beside it may read French.
    #[test]
    #[ignore = "writes French PNGs to target/charts/fr; switches the process-wide language, so run it alone"]
    fn write_french_pngs_for_inspection() {
        let _lang = LANG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        dakhla_i18n::set(dakhla_i18n::Lang::Fr);
        write_pngs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts/fr"));
        dakhla_i18n::set(dakhla_i18n::Lang::En);
    }

    #[test]
    fn every_chart_message_is_in_the_catalog_and_used() {
        // The ids this file names ("chart-..." literals before its tests), against the
        // chart-* messages of the English catalog (the catalog test keeps French equal).
        let src = include_str!("charts.rs");
        let code = &src[..src.find("#[cfg(test)]").expect("tests")];
        let used: std::collections::BTreeSet<&str> = code
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|t| {
                t.starts_with("chart-")
                    && t[6..]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .collect();
        let en = dakhla_i18n::catalogs(dakhla_i18n::Lang::En)
            .into_iter()
            .find(|(f, _)| *f == "charts.ftl")
            .expect("charts.ftl")
            .1;
        let defined: std::collections::BTreeSet<&str> = en
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
            .filter(|id| id.starts_with("chart-"))
            .collect();
        let missing: Vec<_> = used.difference(&defined).collect();
        let unused: Vec<_> = defined.difference(&used).collect();
        assert!(missing.is_empty(), "not in charts.ftl: {missing:?}");
        assert!(unused.is_empty(), "in charts.ftl but not used: {unused:?}");
        for id in &used {
            assert!(dakhla_i18n::has(id), "{id}");
        }
    }

    fn write_pngs(dir: &Path) {
        let r = reference();
        let t = ChartTheme::print();
        let dir = dir.to_path_buf();
        std::fs::create_dir_all(&dir).expect("dir");
        let s = Scenario::dakhla_reference();
        let n = r.weather.len();
        let save = |name: &str, f: &DrawFn<'_>| {
            let path = dir.join(name);
            let area = BitMapBackend::new(&path, (1200, 420)).into_drawing_area();
            f(&area).expect("draws");
            area.present().expect("writes");
        };
        save("balance_year.png", &|a| energy_balance(a, r, 0..n, &t));
        save("balance_week.png", &|a| {
            energy_balance(a, r, 4000..4168, &t)
        });
        save("soc.png", &|a| {
            battery_soc(a, r, 0..n, Some(&s.battery), &t)
        });
        let site = site_theme();
        save("soc_site.png", &|a| {
            battery_soc(a, r, 0..n, Some(&s.battery), &site)
        });
        save("soc_week_site.png", &|a| {
            battery_soc(a, r, 4000..4168, Some(&s.battery), &site)
        });
        save("monthly_site.png", &|a| monthly_energy(a, r, &site));
        save("heat_backup_site.png", &|a| {
            heatmap(a, r, HeatQuantity::Backup, &site)
        });
        save("balance_year_site.png", &|a| {
            energy_balance(a, r, 0..n, &site)
        });
        save("monthly.png", &|a| monthly_energy(a, r, &t));
        save("heat_backup.png", &|a| {
            heatmap(a, r, HeatQuantity::Backup, &t)
        });
        save("heat_curtailed.png", &|a| {
            heatmap(a, r, HeatQuantity::Curtailed, &t)
        });
        save("duration.png", &|a| net_load_duration(a, r, &t));
        save("pue.png", &|a| {
            pue_vs_temperature(a, &s.datacenter.cooling, Some(&r.weather.temp_air_c), &t)
        });
        save("empty.png", &|a| energy_balance(a, r, 3..3, &t));
        let curve = [
            (0.0, 0.0),
            (3.0, 0.0),
            (4.0, 100.0),
            (12.0, 3000.0),
            (25.0, 3000.0),
        ];
        save("power_curve.png", &|a| {
            power_curve(a, "test 3 MW", &curve, &t)
        });
        let y = years(20);
        let d = crate::sim::years::distribution(&y);
        save("weather_years.png", &|a| weather_years(a, &y, &d, &t));
        save("survival.png", &|a| {
            survival_chart(a, &survival_points(), &t)
        });
        save("event_durations.png", &|a| {
            event_duration_chart(a, &duration_bins(0.4), &t)
        });
        let steps = sizing_steps();
        save("lole_front.png", &|a| {
            reliability_front_chart(a, &steps, Some(0.1), Some(4), LOLE_FRONT_TITLE, &t)
        });
        let p = pareto_points(20);
        save("pareto.png", &|a| {
            pareto_chart(
                a,
                &p,
                TargetKind::RenewableFraction,
                Some((0.8, 260e6)),
                Some(3),
                &t,
            )
        });
    }
}
