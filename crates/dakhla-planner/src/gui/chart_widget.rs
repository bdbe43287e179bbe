//! Charts as egui widgets: a `report::charts` chart painted through [`EguiBackend`], with a
//! vertical hover line and a tooltip giving the values under the mouse, with units.
//!
//! A chart that fails to draw shows its message in place of the plot; a chart scrolled out of
//! view is not drawn at all.

use crate::gui::plot_backend::EguiBackend;
use crate::gui::theme::Palette;
use crate::optimize::TargetKind;
use crate::optimize::study::ParetoPoint;
use crate::reliability::adequacy::{DurationBin, SurvivalPoint};
use crate::reliability::sizing::SizingStep;
use crate::report::charts::{self, ChartFrame, HeatQuantity};
use crate::scenario::{Battery, Cooling};
use crate::sim::Results;
use crate::sim::kpis::Money;
use crate::sim::years::{Spread, YearResult};
use dakhla_i18n::tr;
use egui::{Color32, Sense, Stroke, pos2, vec2};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use std::collections::BTreeMap;
use std::ops::Range;

/// What [`chart`] hands back: the widget response, where the plot is (`None` when the chart was
/// not drawn: off screen or failed) and the data coordinates under the mouse.
pub struct ChartResponse {
    pub response: egui::Response,
    pub frame: Option<ChartFrame>,
    /// Data x under the mouse, when it is over the plot.
    pub hover_x: Option<f64>,
    /// Data y under the mouse, when it is over the plot.
    pub hover_y: Option<f64>,
}

/// Allocate the full available width times `height`, paint the chart `draw` makes into it and
/// report where the mouse is in data coordinates. An error from `draw` is shown as text.
pub fn chart(
    ui: &mut egui::Ui,
    height: f32,
    draw: impl FnOnce(&DrawingArea<EguiBackend<'_>, Shift>) -> Result<ChartFrame, String>,
) -> ChartResponse {
    chart_sensing(ui, height, Sense::hover(), draw)
}

/// [`chart`] that senses `sense` (clicks, for charts whose points can be picked).
pub fn chart_sensing(
    ui: &mut egui::Ui,
    height: f32,
    sense: Sense,
    draw: impl FnOnce(&DrawingArea<EguiBackend<'_>, Shift>) -> Result<ChartFrame, String>,
) -> ChartResponse {
    let width = ui.available_width().max(1.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height.max(1.0)), sense);
    let mut out = ChartResponse {
        response,
        frame: None,
        hover_x: None,
        hover_y: None,
    };
    if !ui.is_rect_visible(rect) {
        return out;
    }
    let painter = ui.painter_at(rect);
    let result = {
        let area = EguiBackend::new(&painter, rect).into_drawing_area();
        draw(&area)
        // The area (and with it the backend) drops here and hands its shapes to the painter.
    };
    match result {
        Ok(frame) => {
            if let Some(p) = out.response.hover_pos() {
                let (px, py) = ((p.x - rect.min.x) as f64, (p.y - rect.min.y) as f64);
                out.hover_x = frame.x_at(px);
                out.hover_y = frame.y_at(py);
            }
            out.frame = Some(frame);
        }
        Err(message) => {
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                tr!("chart-not-drawn", message = message),
                egui::FontId::proportional(13.0),
                ui.visuals().error_fg_color,
            );
        }
    }
    out
}

fn color(c: plotters::style::RGBColor) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// `v` with `decimals` decimals for a hover text: as `format!` writes it in English, the
/// current language's way otherwise ("1 234,5").
fn fig(v: f64, decimals: usize) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => format!("{v:.decimals$}"),
        _ => dakhla_i18n::number(v, decimals),
    }
}

/// A power as [`crate::text::power_mw`] writes it ("1234 MW", "383.7 MW", "0 MW"), with the
/// current language's figures.
fn power(mw: f64) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => crate::text::power_mw(mw),
        _ if mw == 0.0 => "0 MW".to_owned(),
        _ => format!("{} MW", fig(mw, if mw.abs() >= 1000.0 { 0 } else { 1 })),
    }
}

/// Draw the vertical hover line at data x and show `text` as a tooltip at the pointer.
fn hover(
    ui: &egui::Ui,
    palette: &Palette,
    cr: ChartResponse,
    x: f64,
    text: String,
) -> egui::Response {
    if let Some(f) = &cr.frame {
        let rect = cr.response.rect;
        let px = rect.min.x + f.px_of_x(x) as f32;
        let top = rect.min.y + f.plot_top_px as f32;
        let bottom = rect.min.y + f.plot_bottom_px as f32;
        ui.painter_at(rect).line_segment(
            [pos2(px, top), pos2(px, bottom)],
            Stroke::new(1.0, color(palette.chart.highlight)),
        );
    }
    cr.response.on_hover_text_at_pointer(text)
}

/// Step index under the mouse of a time chart over `window` (x is the step index).
fn hovered_step(x: Option<f64>, window: &Range<usize>) -> Option<usize> {
    let x = x?;
    if window.is_empty() || !x.is_finite() {
        return None;
    }
    let i = x.floor().max(0.0) as usize;
    Some(i.clamp(window.start, window.end - 1))
}

/// Energy balance over steps `window` with the flows of the hovered hour.
pub fn energy_balance(
    ui: &mut egui::Ui,
    palette: &Palette,
    r: &Results,
    window: Range<usize>,
    height: f32,
) -> egui::Response {
    let theme = &palette.chart;
    let w = window.clone();
    let cr = chart(ui, height, |area| charts::energy_balance(area, r, w, theme));
    let window = window.start..window.end.min(charts::series_len(r));
    match hovered_step(cr.hover_x, &window) {
        Some(i) => {
            let b = charts::balance_at(r, i);
            let battery = if b.charge_mw > b.discharge_mw {
                tr!("hover-battery-charging", power = power(b.charge_mw))
            } else {
                tr!("hover-battery", power = power(b.discharge_mw))
            };
            let mut text = tr!(
                "hover-balance",
                time = charts::format_hour_at(r.weather.time_unix_s(i), theme.clock.offset_h(r)),
                load = power(b.load_mw),
                solar = power(b.solar_mw),
                wind = power(b.wind_mw),
                battery = battery,
                backup = power(b.backup_mw),
                curtailed = power(b.curtailed_mw),
                unmet = power(b.unmet_mw),
            );
            // Surplus sold over a grid link, where the run exports.
            if b.exported_mw > 0.0 {
                text.push_str(&tr!("hover-exported", power = power(b.exported_mw)));
            }
            // Flexible compute: the load as planned, before the work moved.
            if !r.flexible.is_empty() {
                let planned = r.it_load_base_mw.get(i).copied().unwrap_or(0.0)
                    * r.load_per_it.get(i).copied().unwrap_or(1.0);
                text.push_str(&tr!("hover-load-before-shifting", power = power(planned)));
            }
            hover(ui, palette, cr, i as f64 + 0.5, text)
        }
        None => cr.response,
    }
}

/// Battery state of charge over steps `window`, with the usable window of `battery` as a band.
pub fn battery_soc(
    ui: &mut egui::Ui,
    palette: &Palette,
    r: &Results,
    window: Range<usize>,
    battery: Option<&Battery>,
    height: f32,
) -> egui::Response {
    let theme = &palette.chart;
    let w = window.clone();
    let cr = chart(ui, height, |area| {
        charts::battery_soc(area, r, w, battery, theme)
    });
    let window = window.start..window.end.min(charts::series_len(r));
    let Some(i) = hovered_step(cr.hover_x, &window) else {
        return cr.response;
    };
    // The site's clock, with its Ramadan hour when the run has one.
    let clock = theme.clock.offset_h(r);
    let share = |soc: f64| {
        battery
            .filter(|b| b.energy_mwh > 0.0)
            .map(|b| match dakhla_i18n::current() {
                dakhla_i18n::Lang::En => format!("{:.0} %", 100.0 * soc / b.energy_mwh),
                _ => dakhla_i18n::percent(soc / b.energy_mwh, 0),
            })
    };
    // A long window shows days as bands (see charts::soc_spans): the hovered band's figures.
    let plot_px = cr
        .frame
        .as_ref()
        .map_or(1, |f| (f.plot_right_px - f.plot_left_px).max(1) as usize);
    let span = charts::soc_spans(r, window.clone(), plot_px, theme)
        .and_then(|spans| spans.into_iter().find(|s| s.steps.contains(&i)));
    if let Some(s) = span {
        let t = |k: usize| r.weather.time_unix_s(k);
        let last = s.steps.end.saturating_sub(1).max(s.steps.start);
        let days = if charts::format_day_at(t(s.steps.start), clock)
            == charts::format_day_at(t(last), clock)
        {
            charts::format_day_at(t(s.steps.start), clock)
        } else {
            tr!(
                "hover-days",
                from = charts::format_day_at(t(s.steps.start), clock),
                to = charts::format_day_at(t(last), clock)
            )
        };
        let pct = |v: f64| share(v).map(|p| format!(" ({p})")).unwrap_or_default();
        let text = tr!(
            "hover-soc-span",
            days = days,
            clock = clock.name(),
            min = fig(s.min_mwh, 0),
            min_share = pct(s.min_mwh),
            max = fig(s.max_mwh, 0),
            max_share = pct(s.max_mwh),
            mean = fig(s.mean_mwh, 0),
            mean_share = pct(s.mean_mwh),
        );
        let mid = (s.steps.start + s.steps.end) as f64 / 2.0;
        return hover(ui, palette, cr, mid, text);
    }
    let soc = r.dispatch.battery().soc_mwh.get(i).copied().unwrap_or(0.0);
    let of = battery
        .filter(|b| b.energy_mwh > 0.0)
        .and_then(|b| {
            share(soc).map(|p| tr!("hover-soc-of", share = p, energy = fig(b.energy_mwh, 0)))
        })
        .unwrap_or_default();
    let text = tr!(
        "hover-soc",
        time = charts::format_hour_at(r.weather.time_unix_s(i), clock),
        soc = fig(soc, 1),
        of = of,
    );
    hover(ui, palette, cr, i as f64 + 1.0, text)
}

/// Monthly energy by source with the hovered month's totals.
pub fn monthly_energy(
    ui: &mut egui::Ui,
    palette: &Palette,
    r: &Results,
    height: f32,
) -> egui::Response {
    let theme = &palette.chart;
    let cr = chart(ui, height, |area| charts::monthly_energy(area, r, theme));
    let Some(x) = cr.hover_x else {
        return cr.response;
    };
    let clock = theme.clock.offset_h(r);
    let months = charts::monthly_totals(r, clock);
    let k = x.round().max(0.0) as usize;
    match months.get(k) {
        Some(m) => {
            let g = |v: f64| format!("{} GWh", fig(v / 1000.0, 2));
            let layers: Vec<String> = charts::BALANCE_LAYERS
                .iter()
                .zip(m.layers_mwh)
                .map(|(l, v)| format!("{} {}", l.label(), g(v)))
                .collect();
            // A month the run covers only in part (its first or last hours away from UTC), by
            // the month's length on the clock (an hour less or more where it changes).
            let part = if m.duration_h + 1e-6 < charts::month_duration_h(m.year, m.month, clock) {
                tr!("hover-month-part", hours = fig(m.duration_h, 0))
            } else {
                String::new()
            };
            let text = tr!(
                "hover-month",
                month = charts::month_name_shown(m.month),
                year = m.year.to_string(),
                clock = theme.clock.name(r),
                part = part,
                load = g(m.load_mwh),
                layers = layers.join(", ")
            );
            hover(ui, palette, cr, k as f64, text)
        }
        None => cr.response,
    }
}

/// Day-by-hour heat map of `quantity` with the hovered hour's value.
pub fn heatmap(
    ui: &mut egui::Ui,
    palette: &Palette,
    r: &Results,
    quantity: HeatQuantity,
    height: f32,
) -> egui::Response {
    let theme = &palette.chart;
    let cr = chart(ui, height, |area| charts::heatmap(area, r, quantity, theme));
    let (Some(x), Some(y)) = (cr.hover_x, cr.hover_y) else {
        return cr.response;
    };
    let day = x.floor().max(0.0) as i64;
    let hour = (y.floor().clamp(0.0, 23.0)) as i64;
    // The site's clock, with its Ramadan hour when the run has one: a cell the clock skips is
    // empty (no tooltip), one it repeats holds the mean of its two steps.
    let clock = theme.clock.offset_h(r);
    // The cell as drawn: the grid is one pass over the run, cheap enough while hovering.
    let n = charts::series_len(r);
    let (days, cells) = charts::day_hour_grid(&r.weather, &quantity.series(r)[..n], clock);
    let cell = usize::try_from(day)
        .ok()
        .filter(|d| *d < days)
        .and_then(|d| cells.get(d * 24 + hour as usize).copied().flatten());
    let Some(mean_mw) = cell else {
        return cr.response;
    };
    let t = charts::heat_cell_unix_s(&r.weather, day, hour, clock);
    let text = tr!(
        "hover-heat",
        time = charts::format_hour_at(t, clock),
        quantity = quantity.label_shown(),
        power = power(mean_mw)
    );
    hover(ui, palette, cr, day as f64 + 0.5, text)
}

/// Net load duration curve with the hovered rank's value.
pub fn net_load_duration(
    ui: &mut egui::Ui,
    palette: &Palette,
    r: &Results,
    height: f32,
) -> egui::Response {
    let theme = &palette.chart;
    let cr = chart(ui, height, |area| charts::net_load_duration(area, r, theme));
    let Some(x) = cr.hover_x else {
        return cr.response;
    };
    let step_h = r.weather.step_h();
    if step_h <= 0.0 {
        return cr.response;
    }
    let sorted = charts::net_load_sorted(r);
    let k = (x / step_h).floor().max(0.0) as usize;
    match sorted.get(k) {
        Some(v) => {
            let what = if *v > 0.0 {
                tr!("hover-deficit")
            } else {
                tr!("hover-surplus")
            };
            let text = tr!(
                "hover-net-load",
                hours = fig((k + 1) as f64 * step_h, 0),
                total = fig(sorted.len() as f64 * step_h, 0),
                power = power(*v),
                what = what,
            );
            hover(ui, palette, cr, x, text)
        }
        None => cr.response,
    }
}

/// PUE against outdoor dry-bulb temperature for a cooling model, with the weather year's
/// hourly temperatures marked when given.
pub fn pue_curve(
    ui: &mut egui::Ui,
    palette: &Palette,
    cooling: &Cooling,
    hourly_temp_c: Option<&[f64]>,
    design_sink_c: Option<f64>,
) {
    let theme = &palette.chart;
    // `design_sink_c`: the hours are heat-sink temperatures (not dry coolers), this the
    // design day's.
    let cr = chart(ui, 220.0, |area| match (design_sink_c, hourly_temp_c) {
        (Some(d), Some(temps)) => {
            charts::pue_vs_heat_sink_temperature(area, cooling, temps, d, theme)
        }
        _ => charts::pue_vs_temperature(area, cooling, hourly_temp_c, theme),
    });
    if let Some(t) = cr.hover_x {
        let hours = hourly_temp_c
            .map(|ts| {
                let n = ts.iter().filter(|v| v.floor() == t.floor()).count();
                tr!(
                    "hover-pue-hours",
                    count = fig(n as f64, 0),
                    from = fig(t.floor(), 0),
                    to = fig(t.floor() + 1.0, 0)
                )
            })
            .unwrap_or_default();
        let text = tr!(
            "hover-pue",
            temperature = fig(t, 1),
            pue = fig(charts::pue_at(cooling, t), 3),
            hours = hours
        );
        hover(ui, palette, cr, t, text);
    }
}

/// PUE against WUE of each heat-rejection choice ([`crate::sim::cooling_choices`]).
pub fn pue_wue(ui: &mut egui::Ui, palette: &Palette, choices: &[crate::sim::CoolingChoice]) {
    let theme = &palette.chart;
    chart(ui, 240.0, |area| {
        charts::pue_vs_wue_chart(area, choices, theme)
    });
}

/// A turbine power curve, (m/s, kW) at 1.225 kg/m3.
pub fn power_curve(ui: &mut egui::Ui, palette: &Palette, name: &str, curve: &[(f64, f64)]) {
    let theme = &palette.chart;
    let cr = chart(ui, 220.0, |area| {
        charts::power_curve(area, name, curve, theme)
    });
    if let Some(v) = cr.hover_x
        && let Some(p) = interpolate(curve, v)
    {
        let text = tr!("hover-power-curve", speed = fig(v, 1), power = fig(p, 0));
        hover(ui, palette, cr, v, text);
    }
}

/// Renewable fraction and CFE per operating year with their P50 / P90 lines, and the backup
/// energy per year below, with the hovered year's KPIs and weather.
pub fn weather_years(
    ui: &mut egui::Ui,
    palette: &Palette,
    years: &[YearResult],
    dist: &BTreeMap<String, Spread>,
    height: f32,
) -> egui::Response {
    let theme = &palette.chart;
    let cr = chart(ui, height, |area| {
        charts::weather_years(area, years, dist, theme)
    });
    let Some(x) = cr.hover_x else {
        return cr.response;
    };
    // Year i of the slice is drawn at x = i + 1.
    let i = (x.round() - 1.0).max(0.0) as usize;
    match years.get(i) {
        Some(y) => {
            let k = &y.kpis;
            let text = tr!(
                "hover-year",
                year = (y.operating_year + 1).to_string(),
                weather = y.weather.as_str(),
                rf = fig(100.0 * k.renewable_fraction, 1),
                cfe = fig(100.0 * k.cfe_score, 1),
                backup = fig(k.backup_energy_mwh / 1000.0, 1),
                hours = fig(k.loss_of_load_hours, 0),
                unmet = fig(k.unmet_energy_mwh, 1),
            );
            hover(ui, palette, cr, (i + 1) as f64, text)
        }
        None => cr.response,
    }
}

/// The chance of riding through a grid outage by its length (see [`charts::survival_chart`]),
/// with the hovered length's figures.
pub fn survival(
    ui: &mut egui::Ui,
    palette: &Palette,
    points: &[SurvivalPoint],
    height: f32,
) -> egui::Response {
    let theme = &palette.chart;
    let cr = chart(ui, height, |area| {
        charts::survival_chart(area, points, theme)
    });
    let Some(x) = cr.hover_x else {
        return cr.response;
    };
    let k = x.round().max(0.0) as usize;
    match points.get(k) {
        Some(p) => {
            let e = &p.probability;
            let text = tr!(
                "hover-survival",
                hours = fig(p.duration_h, 0),
                mean = fig(100.0 * e.mean, 1),
                error = fig(100.0 * e.std_error, 2),
                p90 = fig(100.0 * e.p90, 1)
            );
            hover(ui, palette, cr, k as f64, text)
        }
        None => cr.response,
    }
}

/// Loss-of-load events per year by duration (see [`charts::event_duration_chart`]), with the
/// hovered bin's figure.
pub fn event_durations(
    ui: &mut egui::Ui,
    palette: &Palette,
    bins: &[DurationBin],
    height: f32,
) -> egui::Response {
    let theme = &palette.chart;
    let cr = chart(ui, height, |area| {
        charts::event_duration_chart(area, bins, theme)
    });
    let Some(x) = cr.hover_x else {
        return cr.response;
    };
    let k = x.round().max(0.0) as usize;
    match bins.get(k) {
        Some(b) => {
            let text = tr!(
                "hover-events",
                bin = charts::duration_bin_label_shown(b),
                count = charts::sig3_shown(b.events_per_year)
            );
            hover(ui, palette, cr, k as f64, text)
        }
        None => cr.response,
    }
}

/// The cost-against-LOLE front of a reliability sizing (see
/// [`charts::reliability_front_chart`]), with the hovered design's change and figures.
#[allow(clippy::too_many_arguments)]
pub fn reliability_front(
    ui: &mut egui::Ui,
    palette: &Palette,
    steps: &[SizingStep],
    max_lole_h_per_year: Option<f64>,
    chosen: Option<usize>,
    title: &str,
    money: &Money,
    height: f32,
) -> egui::Response {
    let theme = &palette.chart.with_money(money.clone());
    let cr = chart_sensing(ui, height, Sense::hover(), |area| {
        charts::reliability_front_chart(area, steps, max_lole_h_per_year, chosen, title, theme)
    });
    let rect = cr.response.rect;
    let (Some(frame), Some(pointer)) = (&cr.frame, cr.response.hover_pos()) else {
        return cr.response;
    };
    let axis = charts::LoleAxis::of(
        steps
            .iter()
            .map(|s| s.reliability.lole_h_per_year)
            .chain(max_lole_h_per_year),
    );
    let at = |s: &SizingStep| {
        let x = axis.x(s.reliability.lole_h_per_year);
        let y = theme.cost_m(s.annualized_cost_usd);
        (x.is_finite() && y.is_finite()).then(|| {
            pos2(
                rect.min.x + frame.px_of_x(x) as f32,
                rect.min.y + frame.px_of_y(y) as f32,
            )
        })
    };
    let hovered = steps
        .iter()
        .enumerate()
        .filter_map(|(i, s)| at(s).map(|q| (i, q, q.distance(pointer))))
        .filter(|(_, _, d)| *d <= PICK_RADIUS)
        .min_by(|a, b| a.2.total_cmp(&b.2));
    let Some((i, q, _)) = hovered else {
        return cr.response;
    };
    ui.painter_at(rect)
        .circle_stroke(q, 7.0, Stroke::new(2.0, color(palette.chart.highlight)));
    let s = &steps[i];
    let units: Vec<String> = s.backup_units.iter().map(|u| u.to_string()).collect();
    let text = tr!(
        "hover-sizing-step",
        step = (i + 1).to_string(),
        change = s.change.to_string(),
        cost = fig(theme.cost_m(s.annualized_cost_usd), 2),
        currency = money.currency.code(),
        lole = charts::sig3_shown(s.reliability.lole_h_per_year),
        eue = charts::sig3_shown(s.reliability.eue_mwh_per_year),
        met = if s.met {
            tr!("hover-sizing-met")
        } else {
            String::new()
        },
        backup = fig(s.backup_mw, 0),
        units = if units.is_empty() {
            String::new()
        } else {
            tr!("hover-sizing-units", units = units.join(" + "))
        },
        energy = fig(s.battery_energy_mwh, 0),
        power = fig(s.battery_power_mw, 0)
    );
    cr.response.on_hover_text_at_pointer(text)
}

/// What [`pareto`] hands back: the widget response and the point under the mouse.
pub struct PickResponse {
    pub response: egui::Response,
    /// Index of the point under the mouse (within [`PICK_RADIUS`] points of it).
    pub hovered: Option<usize>,
}

impl PickResponse {
    /// The point clicked this frame.
    pub fn clicked(&self) -> Option<usize> {
        self.hovered.filter(|_| self.response.clicked())
    }
}

/// How near the mouse must be to a chart point to pick it [points].
pub const PICK_RADIUS: f32 = 12.0;

/// The Pareto front (see [`charts::pareto_chart`]): hovering a point rings it and shows its
/// values, clicking it is reported by [`PickResponse::clicked`].
#[allow(clippy::too_many_arguments)]
pub fn pareto(
    ui: &mut egui::Ui,
    palette: &Palette,
    points: &[ParetoPoint],
    kind: TargetKind,
    current: Option<(f64, f64)>,
    selected: Option<usize>,
    money: &Money,
    height: f32,
) -> PickResponse {
    let theme = &palette.chart.with_money(money.clone());
    let cr = chart_sensing(ui, height, Sense::click(), |area| {
        charts::pareto_chart(area, points, kind, current, selected, theme)
    });
    let rect = cr.response.rect;
    let (Some(frame), Some(pointer)) = (&cr.frame, cr.response.hover_pos()) else {
        return PickResponse {
            response: cr.response,
            hovered: None,
        };
    };
    let at = |p: &ParetoPoint| {
        let x = 100.0 * charts::pareto_share(p, kind);
        let y = theme.cost_m(p.annualized_cost_usd);
        (x.is_finite() && y.is_finite()).then(|| {
            pos2(
                rect.min.x + frame.px_of_x(x) as f32,
                rect.min.y + frame.px_of_y(y) as f32,
            )
        })
    };
    let hovered = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| at(p).map(|q| (i, q, q.distance(pointer))))
        .filter(|(_, _, d)| *d <= PICK_RADIUS)
        .min_by(|a, b| a.2.total_cmp(&b.2));
    let Some((i, q, _)) = hovered else {
        return PickResponse {
            response: cr.response,
            hovered: None,
        };
    };
    ui.painter_at(rect)
        .circle_stroke(q, 7.0, Stroke::new(2.0, color(palette.chart.highlight)));
    ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    let text = tr!(
        "hover-pareto-click",
        point = pareto_point_text(&points[i], kind, money)
    );
    PickResponse {
        response: cr.response.on_hover_text_at_pointer(text),
        hovered: Some(i),
    }
}

/// A Pareto point in words: its target, what its mix reaches and costs, and the mix.
pub fn pareto_point_text(p: &ParetoPoint, kind: TargetKind, money: &Money) -> String {
    let m_of = |usd: f64| money.from_usd(usd) / 1e6;
    let code = money.currency.code();
    let reach = if p.feasible {
        tr!("pareto-least-cost")
    } else {
        tr!("pareto-unreachable")
    };
    let extra = p
        .extra_cost_usd_per_point
        .map(|v| tr!("pareto-extra", cost = fig(m_of(v), 2), currency = code))
        .unwrap_or_default();
    let m = &p.mix;
    tr!(
        "pareto-point",
        share = share_shown(kind),
        target = fig(100.0 * p.target, 1),
        reach = reach,
        rf = fig(100.0 * p.renewable_fraction, 1),
        cfe = fig(100.0 * p.cfe_score, 1),
        cost = fig(m_of(p.annualized_cost_usd), 1),
        lcoe = fig(money.from_usd(p.lcoe_usd_per_mwh), 1),
        currency = code,
        extra = extra,
        solar = fig(m.solar_mwdc, 0),
        wind = fig(m.wind_mw, 0),
        energy = fig(m.battery_energy_mwh, 0),
        power = fig(m.battery_power_mw, 0),
        backup = fig(m.backup_mw, 0),
    )
}

/// The share `kind` aims at, in a sentence and in the current language: "renewable fraction"
/// ([`TargetKind::share_name`]) in English, the KPI's label from the catalog otherwise, lower
/// case unless it opens with an acronym ("taux de renouvelable", "score CFE 24/7").
fn share_shown(kind: TargetKind) -> String {
    if dakhla_i18n::current() == dakhla_i18n::Lang::En {
        return kind.share_name();
    }
    let Some(spec) = crate::sim::kpi_registry::kpi(kind.kpi_key()) else {
        return kind.share_name();
    };
    let label = spec.label_text();
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(label[first.len_utf8()..].chars())
            .collect(),
        _ => label.into_owned(),
    }
}

/// Linear interpolation in a curve sorted by x; `None` outside it.
fn interpolate(curve: &[(f64, f64)], x: f64) -> Option<f64> {
    curve.windows(2).find_map(|w| {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        (x >= x0 && x <= x1).then(|| {
            if x1 > x0 {
                y0 + (y1 - y0) * (x - x0) / (x1 - x0)
            } else {
                y0
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::theme::ThemeChoice;
    use crate::scenario::Scenario;
    use crate::sim::Engine;
    use std::path::Path;

    fn results() -> Results {
        Engine::new()
            .run(&Scenario::dakhla_reference(), Path::new("."))
            .expect("reference runs")
    }

    fn input(pointer: Option<egui::Pos2>) -> egui::RawInput {
        let mut raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                vec2(1500.0, 950.0),
            )),
            ..Default::default()
        };
        if let Some(p) = pointer {
            raw.events.push(egui::Event::PointerMoved(p));
        }
        raw
    }

    #[test]
    fn result_charts_draw_and_hover_in_egui() {
        let r = results();
        let n = r.weather.len();
        let s = Scenario::dakhla_reference();
        let palette = Palette::of(ThemeChoice::Dark);
        let years: Vec<YearResult> = (0..4)
            .map(|k| YearResult {
                operating_year: k,
                calendar_year: 2029 + k as i32,
                weather: format!("synthetic seed {k}"),
                kpis: r.kpis.clone(),
            })
            .collect();
        let dist = crate::sim::years::distribution(&years);
        let front: Vec<ParetoPoint> = [(0.7, 2e8, true), (0.9, 3e8, true), (0.99, 5e8, false)]
            .into_iter()
            .map(|(share, cost, feasible)| ParetoPoint {
                target: share,
                feasible,
                renewable_fraction: share,
                cfe_score: share,
                annualized_cost_usd: cost,
                lcoe_usd_per_mwh: cost / 4e6,
                extra_cost_usd_per_point: None,
                mix: Default::default(),
                evaluations: 1,
                wall_s: 0.1,
            })
            .collect();
        assert!(
            pareto_point_text(&front[2], TargetKind::Cfe, &Money::default())
                .contains("not reachable")
        );
        // In the scenario's currency: dirhams, with no dollar left.
        let mad = Money {
            currency: crate::scenario::money::Currency::Mad,
            per_usd: 9.2,
            as_of: "2025-08-04".into(),
        };
        let in_mad = pareto_point_text(&front[2], TargetKind::Cfe, &mad);
        assert!(
            in_mad.contains("M MAD/yr") && !in_mad.contains("USD"),
            "{in_mad}"
        );
        let ctx = egui::Context::default();
        let mut shapes = 0;
        for pointer in [None, Some(pos2(700.0, 100.0)), Some(pos2(700.0, 100.0))] {
            let mut out = ctx.run_ui(input(pointer), |ui| {
                energy_balance(ui, &palette, &r, 0..n, 180.0);
                battery_soc(ui, &palette, &r, 0..168, Some(&s.battery), 150.0);
                monthly_energy(ui, &palette, &r, 150.0);
                heatmap(ui, &palette, &r, HeatQuantity::Curtailed, 150.0);
                net_load_duration(ui, &palette, &r, 150.0);
                pue_curve(
                    ui,
                    &palette,
                    &s.datacenter.cooling,
                    Some(&r.weather.temp_air_c),
                    None,
                );
                pue_curve(
                    ui,
                    &palette,
                    &s.datacenter.cooling,
                    Some(&r.heat_sink_temp_c),
                    Some(r.design_heat_sink_temp_c),
                );
                power_curve(ui, &palette, "x", &[(3.0, 0.0), (12.0, 3000.0)]);
                weather_years(ui, &palette, &years, &dist, 200.0);
                weather_years(ui, &palette, &[], &BTreeMap::new(), 100.0);
                pareto(
                    ui,
                    &palette,
                    &front,
                    TargetKind::Cfe,
                    Some((0.8, 3e8)),
                    Some(1),
                    &Money::default(),
                    200.0,
                );
                pareto(
                    ui,
                    &palette,
                    &[],
                    TargetKind::Cfe,
                    None,
                    None,
                    &Money::default(),
                    100.0,
                );
                // Empty data and an error do not panic.
                energy_balance(ui, &palette, &r, 10..10, 100.0);
                chart(ui, 50.0, |_| Err("broken".into()));
            });
            out.textures_delta.clear();
            shapes = out.shapes.len();
        }
        assert!(shapes > 50, "{shapes} shapes");
    }

    #[test]
    fn chart_reports_hover_in_data_coordinates() {
        let r = results();
        let palette = Palette::of(ThemeChoice::Light);
        let ctx = egui::Context::default();
        let mut got = None;
        for _ in 0..3 {
            let mut out = ctx.run_ui(input(Some(pos2(750.0, 150.0))), |ui| {
                let cr = chart(ui, 300.0, |area| {
                    charts::energy_balance(area, &r, 0..168, &palette.chart)
                });
                got = cr.hover_x.zip(cr.frame);
            });
            out.textures_delta.clear();
        }
        let (x, frame) = got.expect("hovered");
        assert!((0.0..168.0).contains(&x), "x {x}");
        assert!(frame.plot_left_px > 0 && frame.plot_right_px > frame.plot_left_px);
        assert_eq!(interpolate(&[(0.0, 0.0), (10.0, 100.0)], 2.5), Some(25.0));
        assert_eq!(interpolate(&[(0.0, 0.0), (10.0, 100.0)], 12.0), None);
    }

    #[test]
    fn a_click_on_a_pareto_point_picks_it() {
        let palette = Palette::of(ThemeChoice::Light);
        let front: Vec<ParetoPoint> = [(0.7, 2e8), (0.9, 3e8), (0.99, 5e8)]
            .into_iter()
            .map(|(share, cost)| ParetoPoint {
                target: share,
                feasible: true,
                renewable_fraction: share,
                cfe_score: share,
                annualized_cost_usd: cost,
                lcoe_usd_per_mwh: cost / 4e6,
                extra_cost_usd_per_point: None,
                mix: Default::default(),
                evaluations: 1,
                wall_s: 0.1,
            })
            .collect();
        let kind = TargetKind::RenewableFraction;
        let ctx = egui::Context::default();
        // Where the chart puts point 1.
        let mut at = None;
        for _ in 0..2 {
            let mut out = ctx.run_ui(input(None), |ui| {
                let cr = chart(ui, 300.0, |area| {
                    charts::pareto_chart(area, &front, kind, None, None, &palette.chart)
                });
                at = cr.frame.map(|f| {
                    let r = cr.response.rect;
                    pos2(
                        r.min.x + f.px_of_x(90.0) as f32,
                        r.min.y + f.px_of_y(300.0) as f32,
                    )
                });
            });
            out.textures_delta.clear();
        }
        let at = at.expect("drawn") + vec2(3.0, -2.0);
        let mut hovered = None;
        let mut clicked = None;
        let events = [
            vec![egui::Event::PointerMoved(at)],
            vec![egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: Default::default(),
            }],
            vec![egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: Default::default(),
            }],
        ];
        for ev in events {
            let mut raw = input(None);
            raw.events = ev;
            let mut out = ctx.run_ui(raw, |ui| {
                let p = pareto(
                    ui,
                    &palette,
                    &front,
                    kind,
                    None,
                    None,
                    &Money::default(),
                    300.0,
                );
                hovered = hovered.or(p.hovered);
                clicked = clicked.or(p.clicked());
            });
            out.textures_delta.clear();
        }
        assert_eq!(hovered, Some(1));
        assert_eq!(clicked, Some(1));
    }

    /// Cost of one full-year energy balance (8760 steps) painted into egui at 1500x300, the
    /// chart building plus tessellation. Run: cargo test --release --lib
    /// gui::chart_widget -- --ignored --nocapture
    #[test]
    #[ignore = "timing, run in release: cargo test --release --lib gui::chart_widget -- --ignored --nocapture"]
    fn timing_energy_balance_year() {
        let r = results();
        let n = r.weather.len();
        let palette = Palette::of(ThemeChoice::Light);
        let ctx = egui::Context::default();
        let s = Scenario::dakhla_reference();
        let frames = 30;
        let mut ui_ms = Vec::new();
        let mut tess_ms = Vec::new();
        for round in 0..2 {
            for _ in 0..frames {
                let t0 = std::time::Instant::now();
                let mut out = ctx.run_ui(input(Some(pos2(700.0, 100.0))), |ui| {
                    if round == 0 {
                        energy_balance(ui, &palette, &r, 0..n, 300.0);
                    } else {
                        energy_balance(ui, &palette, &r, 0..n, 180.0);
                        battery_soc(ui, &palette, &r, 0..n, Some(&s.battery), 180.0);
                        monthly_energy(ui, &palette, &r, 180.0);
                        heatmap(ui, &palette, &r, HeatQuantity::Backup, 180.0);
                        net_load_duration(ui, &palette, &r, 180.0);
                    }
                });
                let t1 = std::time::Instant::now();
                out.textures_delta.clear();
                let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
                let t2 = std::time::Instant::now();
                assert!(!prims.is_empty());
                ui_ms.push((t1 - t0).as_secs_f64() * 1e3);
                tess_ms.push((t2 - t1).as_secs_f64() * 1e3);
            }
            let med = |v: &mut Vec<f64>| {
                v.sort_by(f64::total_cmp);
                v[v.len() / 2]
            };
            let what = if round == 0 {
                "energy_balance, 8760 steps, 1500x300"
            } else {
                "five result charts, full year, 1500x950"
            };
            println!(
                "{what}: chart building + egui layout {:.2} ms, tessellation {:.2} ms (median of {frames})",
                med(&mut ui_ms),
                med(&mut tess_ms)
            );
            ui_ms.clear();
            tess_ms.clear();
        }
    }
}
