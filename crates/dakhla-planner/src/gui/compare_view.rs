//! The Compare view: every open tab side by side. The KPI table (changes against the first
//! tab), the inputs that differ (field paths as `--set` writes them) and charts with one line
//! per scenario. Any number of scenarios; the columns scroll sideways.
//!
//! The same tables as `dakhla-planner compare` (`report::compare`); what is derived from the
//! results is computed once per change of the compared scenarios, not every frame.

use crate::gui::app::TabView;
use crate::gui::chart_widget;
use crate::gui::theme::{Palette, SCREEN_CLOCK};
use crate::report::charts::{self, ScenarioLine};
use crate::report::compare::{self, InputDifference, KpiRow};
use crate::scenario::Scenario;
use crate::sim::kpis::Kpis;
use dakhla_i18n::tr;

/// What the view shows, kept between frames.
#[derive(Default)]
pub struct CompareView {
    /// The scenarios and KPIs the tables below were computed from, and the language of their
    /// words.
    key: Vec<(Scenario, Option<Kpis>)>,
    lang: Option<dakhla_i18n::Lang>,
    names: Vec<String>,
    kpis: Vec<KpiRow>,
    inputs: Vec<InputDifference>,
    net_load: Vec<ScenarioLine>,
    monthly_backup: Vec<ScenarioLine>,
    monthly_curtailed: Vec<ScenarioLine>,
    /// The x axis of the monthly charts, with the clock ("month (UTC+1)").
    month_axis: String,
    /// Tabs without results (never simulated: invalid from the start).
    missing: Vec<String>,
}

impl CompareView {
    /// Recompute the tables when the compared scenarios or their results changed.
    fn refresh(&mut self, tabs: &[TabView<'_>]) {
        let key: Vec<(Scenario, Option<Kpis>)> = tabs
            .iter()
            .map(|t| (t.doc.scenario.clone(), t.results.map(|r| r.kpis.clone())))
            .collect();
        let lang = Some(dakhla_i18n::current());
        if key == self.key && lang == self.lang && !self.names.is_empty() {
            return;
        }
        self.key = key;
        self.lang = lang;
        let with_results: Vec<(&TabView<'_>, &crate::sim::Results)> = tabs
            .iter()
            .filter_map(|t| t.results.map(|r| (t, r)))
            .collect();
        self.missing = tabs
            .iter()
            .filter(|t| t.results.is_none())
            .map(|t| t.doc.display_name())
            .collect();
        self.names = column_names(&with_results.iter().map(|(t, _)| *t).collect::<Vec<_>>());
        let pairs: Vec<(&Scenario, &crate::sim::Results)> = with_results
            .iter()
            .map(|(t, r)| (&t.doc.scenario, *r))
            .collect();
        self.kpis = compare::kpi_table(&pairs);
        let scenarios: Vec<&Scenario> = pairs.iter().map(|(s, _)| *s).collect();
        self.inputs = compare::input_differences(&scenarios);
        let line = |name: &str, values: Vec<f64>, x0: f64, x_step: f64| ScenarioLine {
            name: name.to_owned(),
            values,
            x0,
            x_step,
        };
        // Sorted steps against hours: the step length of each run (60 or 15 min...).
        self.net_load = with_results
            .iter()
            .zip(&self.names)
            .map(|((_, r), n)| {
                let step_h = r.weather.step_h();
                line(n, charts::net_load_sorted(r), step_h / 2.0, step_h)
            })
            .collect();
        // Months of each site's legal time, as on the rest of the screen; the axis names the
        // clock when the sites share one.
        let clocks: Vec<String> = with_results
            .iter()
            .map(|(_, r)| SCREEN_CLOCK.name(r))
            .collect();
        self.month_axis = match clocks.first() {
            Some(c) if clocks.iter().all(|o| o == c) => {
                tr!("compare-view-month-axis", clock = c.as_str())
            }
            _ => tr!("compare-view-month-axis-mixed"),
        };
        let monthly = |f: fn(&charts::MonthTotals) -> f64| -> Vec<ScenarioLine> {
            with_results
                .iter()
                .zip(&self.names)
                .map(|((_, r), n)| {
                    line(
                        n,
                        charts::monthly_totals(r, SCREEN_CLOCK.offset_h(r))
                            .iter()
                            .map(|m| f(m) / 1000.0)
                            .collect(),
                        1.0,
                        1.0,
                    )
                })
                .collect()
        };
        self.monthly_backup = monthly(|m| m.layer_mwh("backup"));
        self.monthly_curtailed = monthly(|m| m.layer_mwh("curtailed"));
    }

    /// Draw the view for `tabs` (in tab order; the first is the baseline).
    pub fn ui(&mut self, ui: &mut egui::Ui, palette: &Palette, tabs: &[TabView<'_>]) {
        self.refresh(tabs);
        ui.heading(tr!("compare-view-title", count = tabs.len().to_string()));
        if tabs.len() < 2 {
            ui.label(tr!("compare-view-open-more"));
        }
        if let Some(first) = self.names.first() {
            ui.label(tr!("compare-view-against", name = first.as_str()));
        }
        for t in tabs.iter().filter(|t| t.stale && t.results.is_some()) {
            ui.colored_label(
                palette.warn,
                tr!("compare-view-stale", name = t.doc.display_name()),
            );
        }
        for name in &self.missing {
            ui.colored_label(
                palette.bad,
                tr!("compare-view-missing", name = name.as_str()),
            );
        }
        // Tables scroll sideways on their own (any number of columns); charts fit the width.
        egui::ScrollArea::vertical()
            .id_salt("compare-scroll")
            .show(ui, |ui| {
                egui::ScrollArea::horizontal()
                    .id_salt("compare-kpis-scroll")
                    .show(ui, |ui| self.kpi_grid(ui, palette));
                ui.add_space(8.0);
                egui::ScrollArea::horizontal()
                    .id_salt("compare-inputs-scroll")
                    .show(ui, |ui| self.input_grid(ui));
                ui.add_space(8.0);
                self.charts(ui, palette);
            });
    }

    fn kpi_grid(&self, ui: &mut egui::Ui, palette: &Palette) {
        ui.strong(tr!("compare-kpis"));
        egui::Grid::new("compare-kpis")
            .striped(true)
            .spacing([18.0, 3.0])
            .show(ui, |ui| {
                ui.label("");
                for n in &self.names {
                    ui.strong(n);
                }
                ui.end_row();
                let mut section = "";
                for row in &self.kpis {
                    if row.section != section {
                        section = row.section;
                        ui.label(egui::RichText::new(row.section_text()).strong());
                        ui.end_row();
                    }
                    ui.label(&row.label).on_hover_text(row.key);
                    for (i, v) in row.values.iter().enumerate() {
                        let value = row.format_value(*v);
                        if i == 0 {
                            ui.label(value);
                        } else {
                            let delta = row.format_delta(i);
                            ui.horizontal(|ui| {
                                ui.label(value);
                                ui.label(egui::RichText::new(delta).color(palette.muted));
                            });
                        }
                    }
                    ui.end_row();
                }
            });
    }

    fn input_grid(&self, ui: &mut egui::Ui) {
        egui::CollapsingHeader::new(tr!(
            "compare-inputs-title",
            count = self.inputs.len().to_string()
        ))
        .id_salt("compare-inputs")
        .default_open(true)
        .show(ui, |ui| {
            if self.inputs.is_empty() {
                ui.label(tr!("compare-view-no-input-differs"));
                return;
            }
            egui::Grid::new("compare-input-grid")
                .striped(true)
                .spacing([18.0, 3.0])
                .show(ui, |ui| {
                    ui.strong(tr!("compare-view-field"));
                    for n in &self.names {
                        ui.strong(n);
                    }
                    ui.end_row();
                    for d in &self.inputs {
                        ui.monospace(&d.path);
                        for v in &d.values {
                            let text = v.as_deref().unwrap_or("-");
                            let short: String = text.chars().take(40).collect();
                            let cell = if short.len() < text.len() {
                                ui.label(format!("{short}..."))
                            } else {
                                ui.label(short)
                            };
                            cell.on_hover_text(text);
                        }
                        ui.end_row();
                    }
                });
            ui.weak(tr!("compare-view-missing-note"));
        });
    }

    fn charts(&self, ui: &mut egui::Ui, palette: &Palette) {
        let theme = &palette.chart;
        chart_widget::chart(ui, 280.0, |area| {
            charts::compare_lines(
                area,
                &tr!("compare-view-net-load-title"),
                &tr!("compare-view-net-load-hours"),
                &tr!("compare-view-net-load-axis"),
                &self.net_load,
                theme,
            )
        });
        ui.columns(2, |cols| {
            chart_widget::chart(&mut cols[0], 240.0, |area| {
                charts::compare_lines(
                    area,
                    &tr!("compare-view-backup-title"),
                    &self.month_axis,
                    &tr!("compare-view-backup-axis"),
                    &self.monthly_backup,
                    theme,
                )
            });
            chart_widget::chart(&mut cols[1], 240.0, |area| {
                charts::compare_lines(
                    area,
                    &tr!("compare-view-curtailed-title"),
                    &self.month_axis,
                    &tr!("compare-view-curtailed-axis"),
                    &self.monthly_curtailed,
                    theme,
                )
            });
        });
    }
}

/// Column headings: file names, or the scenario name for an unsaved tab; a number is added
/// where two would read the same.
fn column_names(tabs: &[&TabView<'_>]) -> Vec<String> {
    let base: Vec<String> = tabs.iter().map(|t| t.doc.display_name()).collect();
    base.iter()
        .enumerate()
        .map(|(i, n)| {
            if base.iter().filter(|m| *m == n).count() > 1 {
                format!("{n} ({})", i + 1)
            } else {
                n.clone()
            }
        })
        .collect()
}
