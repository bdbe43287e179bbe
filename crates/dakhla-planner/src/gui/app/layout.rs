//! The window's layout: menu bar, side panel (the editors), central area (results, charts,
//! weather years), status bar and title.

use super::{Command, HeatChoice, PlannerApp, WindowKind};
use crate::gui::panels::optimize::{self, JobKind};
use crate::gui::panels::reliability::{self as reliability_panel, Request};
use crate::gui::panels::{self, PanelContext, PanelKind};
use crate::gui::theme::{Palette, ThemeChoice};
use crate::gui::{chart_widget, kpis_view};
use crate::report::charts::{self, HeatQuantity};
use dakhla_i18n::tr;

impl PlannerApp {
    /// The panels of the window: menu and tabs, status bar, editors, results.
    pub(super) fn layout(&mut self, ui: &mut egui::Ui) {
        let palette = Palette::of(self.settings.theme);
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar(ui);
            self.tab_bar(ui);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui, &palette));
        if self.settings.editors_open {
            egui::Panel::left("editor")
                .resizable(true)
                .default_size(440.0)
                .min_size(300.0)
                .show(ui, |ui| self.side_panel(ui, &palette));
        } else {
            egui::Panel::left("editor-folded")
                .resizable(false)
                .exact_size(30.0)
                .show(ui, |ui| {
                    let open = ui.button("»").on_hover_text(tr!("view-show-editors"));
                    ui.ctx()
                        .accesskit_node_builder(open.id, |n| n.set_label("Show the editors"));
                    if open.clicked() {
                        self.commands.push(Command::ToggleEditors);
                    }
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central(ui, &palette));
    }

    /// Title: scenario name, file name and an unsaved marker.
    pub fn title(&self) -> String {
        let dirty = if self.doc().is_dirty() { "● " } else { "" };
        let name = if self.doc().scenario.meta.name.is_empty() {
            String::new()
        } else {
            format!(" — {}", self.doc().scenario.meta.name)
        };
        format!(
            "{dirty}{}{name} — dakhla-planner",
            self.doc().display_name()
        )
    }

    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr!("menu-file"), |ui| {
                if ui
                    .add(egui::Button::new(tr!("menu-new-tab")).shortcut_text("Ctrl+N"))
                    .on_hover_text(tr!("menu-new-tab.tooltip"))
                    .clicked()
                {
                    self.commands.push(Command::New);
                }
                if ui
                    .add(egui::Button::new(tr!("menu-open")).shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    self.commands.push(Command::OpenDialog);
                }
                ui.menu_button(tr!("menu-open-recent"), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(tr!("menu-open-recent.none"));
                    }
                    for p in self.settings.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.commands.push(Command::Open(p));
                        }
                    }
                });
                ui.separator();
                if ui
                    .add(egui::Button::new(tr!("menu-save")).shortcut_text("Ctrl+S"))
                    .clicked()
                {
                    self.commands.push(Command::Save);
                }
                if ui
                    .add(egui::Button::new(tr!("menu-save-as")).shortcut_text("Ctrl+Shift+S"))
                    .clicked()
                {
                    self.commands.push(Command::SaveAsDialog);
                }
                if ui
                    .add(egui::Button::new(tr!("menu-close-tab")).shortcut_text("Ctrl+W"))
                    .clicked()
                {
                    self.commands.push(Command::CloseTab(self.active));
                }
                ui.separator();
                let exporting = self.export_job.is_some();
                if ui
                    .add_enabled(!exporting, egui::Button::new(tr!("menu-export")))
                    .on_hover_text(tr!("menu-export.tooltip"))
                    .clicked()
                {
                    self.commands.push(Command::ExportDialog);
                }
                let beside = self.default_export_dir();
                if ui
                    .add_enabled(
                        !exporting,
                        egui::Button::new(tr!(
                            "menu-export-to",
                            folder = beside
                                .file_name()
                                .map_or_else(String::new, |f| f.to_string_lossy().into_owned())
                        )),
                    )
                    .on_hover_text(tr!(
                        "menu-export-to.tooltip",
                        path = beside.display().to_string()
                    ))
                    .clicked()
                {
                    self.commands.push(Command::ExportTo(beside));
                }
                ui.separator();
                ui.checkbox(
                    &mut self.settings.builtin_file_browser,
                    tr!("menu-builtin-browser"),
                )
                .on_hover_text(tr!("menu-builtin-browser.tooltip"));
                ui.separator();
                if ui.button(tr!("menu-quit")).clicked() {
                    self.commands.push(Command::Quit);
                }
            });
            ui.menu_button(tr!("menu-edit"), |ui| {
                let undo = match self.doc().undo_label() {
                    Some(what) => tr!("menu-undo-what", what = what),
                    None => tr!("menu-undo"),
                };
                let redo = match self.doc().redo_label() {
                    Some(what) => tr!("menu-redo-what", what = what),
                    None => tr!("menu-redo"),
                };
                if ui
                    .add_enabled(
                        self.doc().can_undo(),
                        egui::Button::new(undo).shortcut_text("Ctrl+Z"),
                    )
                    .clicked()
                {
                    self.commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(
                        self.doc().can_redo(),
                        egui::Button::new(redo).shortcut_text("Ctrl+Y"),
                    )
                    .clicked()
                {
                    self.commands.push(Command::Redo);
                }
            });
            ui.menu_button(tr!("menu-view"), |ui| {
                if ui
                    .checkbox(&mut self.compare_open.clone(), tr!("menu-compare"))
                    .on_hover_text(tr!("menu-compare.tooltip"))
                    .clicked()
                {
                    self.commands.push(Command::ToggleCompare);
                }
                if ui
                    .add(
                        egui::Button::new(tr!("menu-editors"))
                            .selected(self.settings.editors_open)
                            .shortcut_text("Ctrl+B"),
                    )
                    .on_hover_text(tr!("menu-editors.tooltip"))
                    .clicked()
                {
                    self.commands.push(Command::ToggleEditors);
                }
                ui.separator();
                let mut theme = self.settings.theme;
                ui.radio_value(&mut theme, ThemeChoice::Light, tr!("theme-light"));
                ui.radio_value(&mut theme, ThemeChoice::Dark, tr!("theme-dark"));
                if theme != self.settings.theme {
                    self.commands.push(Command::SetTheme(theme));
                }
                ui.separator();
                ui.menu_button(tr!("lang-menu"), |ui| {
                    let mut choice = self.settings.language;
                    ui.radio_value(
                        &mut choice,
                        None,
                        tr!("lang-from-system", lang = dakhla_i18n::from_env().name()),
                    )
                    .on_hover_text(tr!("lang-from-system.tooltip"));
                    for l in dakhla_i18n::Lang::ALL {
                        ui.radio_value(&mut choice, Some(l), l.name());
                    }
                    if choice != self.settings.language {
                        self.commands.push(Command::SetLanguage(choice));
                    }
                })
                .response
                .on_hover_text(tr!("lang-menu.tooltip"));
            });
        });
    }

    pub(super) fn side_panel(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        let s = &mut self.sessions[self.active];
        ui.horizontal_wrapped(|ui| {
            let fold = ui.small_button("«").on_hover_text(tr!("view-hide-editors"));
            ui.ctx()
                .accesskit_node_builder(fold.id, |n| n.set_label("Hide the editors"));
            if fold.clicked() {
                self.commands.push(Command::ToggleEditors);
            }
            for kind in PanelKind::ALL {
                let errors = s.issues.keys().filter(|p| kind.holds(p)).count();
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
        let base = s.doc.base_dir();
        let mut draft = s.doc.scenario.clone();
        let mut action = None;
        let mut request = None;
        let mut panel_request = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            let ctx = PanelContext {
                previous: s.doc.previous(),
                issues: &s.issues,
                results: s.results.as_ref(),
                palette,
                base_dir: &base,
                currency: draft.economics.currency,
            };
            if self.settings.panel == PanelKind::Optimize {
                action = s.optimize.ui(ui, &mut draft, &ctx);
            } else if self.settings.panel == PanelKind::Reliability {
                request = s.reliability.ui(ui, &mut draft, &ctx);
            } else {
                panel_request = panels::show(self.settings.panel, ui, &mut draft, &ctx);
            }
        });
        if panel_request == Some(panels::PanelRequest::CompareCoolingChoices) {
            self.commands.push(Command::CompareCoolingChoices);
        }
        match action {
            Some(optimize::Action::Apply(pick)) => {
                self.commands.push(Command::ApplyOptimized(pick))
            }
            Some(optimize::Action::ShowPanel(kind)) => self.settings.panel = kind,
            None => {}
        }
        self.commands.extend(request.map(reliability_command));
        let pointer_down = ui.input(|i| i.pointer.any_down());
        if draft != s.doc.scenario {
            s.apply_edit(draft, pointer_down);
        } else if !pointer_down {
            s.doc.close_edit();
        }
    }

    pub(super) fn central(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        if self.compare_open {
            let mut view = std::mem::take(&mut self.compare);
            view.ui(ui, palette, &self.tab_views());
            self.compare = view;
            return;
        }
        let viewport_h = ui.available_height();
        let (settings, s) = (&mut self.settings, &mut self.sessions[self.active]);
        // One scroll for the whole results area: on a small screen the cards scroll away and
        // the charts keep their minimum height.
        let request = egui::ScrollArea::vertical()
            .id_salt("results")
            .show(ui, |ui| results_view(ui, palette, settings, s, viewport_h))
            .inner;
        self.commands.extend(request.map(reliability_command));
    }
}

/// The command of a reliability panel's request.
fn reliability_command(r: Request) -> Command {
    match r {
        Request::Run => Command::RunReliability,
        Request::Cancel => Command::CancelReliability,
    }
}

/// The smallest height of the energy-balance chart [px] (readable at 1280×720).
const MIN_BALANCE_CHART_PX: f32 = 280.0;

/// The active tab's results: messages, supply, cards, tables, reliability under failures,
/// charts and weather years. `viewport_h` is the visible height of the results area [px].
/// Returns what the reliability section asks for (Run again).
fn results_view(
    ui: &mut egui::Ui,
    palette: &Palette,
    settings: &mut super::Settings,
    s: &mut super::Session,
    viewport_h: f32,
) -> Option<Request> {
    if let Some(running) = s.simulating() {
        ui.horizontal(|ui| {
            ui.add(
                egui::ProgressBar::new((running.as_secs_f32() / 0.05).min(0.95))
                    .animate(true)
                    .desired_width(240.0)
                    .text(tr!("view-computing")),
            );
        });
    }
    if !s.issues.is_empty() {
        ui.colored_label(
            palette.bad,
            tr!("view-values-to-fix", count = s.issues.len()),
        );
    }
    if let Some(e) = &s.sim_error {
        ui.colored_label(
            palette.bad,
            tr!("view-simulation-failed", error = e.to_string()),
        );
    }
    for w in s
        .warnings
        .iter()
        .chain(s.results.iter().flat_map(|r| r.notes.iter()))
    {
        ui.colored_label(palette.warn, tr!("view-note", note = w.to_string()));
    }
    let Some(r) = &s.results else {
        ui.label(tr!("view-no-results"));
        return None;
    };
    kpis_view::supply_line(ui, &s.doc.scenario);
    let baseline = s.doc.baseline.as_ref();
    // A weather-years run of these very inputs judges the target cards at P90.
    let years: Vec<&crate::sim::kpis::Kpis> = s
        .years
        .run
        .as_ref()
        .filter(|y| y.scenario == s.doc.scenario)
        .map(|y| y.years.iter().map(|y| &y.kpis).collect())
        .unwrap_or_default();
    let base = s.doc.base_dir();
    // The last reliability run on the cards, marked stale once the inputs changed.
    let reliability = s.reliability.run.as_ref().map(|run| {
        (
            &run.assessment,
            s.reliability.is_current(&s.doc.scenario, &base),
            &s.doc.scenario.targets,
        )
    });
    if kpis_view::cards(
        ui,
        palette,
        r,
        baseline.map(|(k, what)| (k, what.as_str())),
        &years,
        reliability,
    ) {
        let now = crate::weather::format_utc(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64),
        );
        s.doc.baseline = Some((r.kpis.clone(), tr!("baseline-pinned", time = now)));
    }
    kpis_view::tables(ui, r);
    let request = reliability_panel::results_section(
        ui,
        palette,
        &s.reliability,
        &s.doc.scenario,
        &base,
        s.issues.is_empty(),
    );
    ui.separator();
    let n = r.weather.len();
    // Days are the site's: windows open at its midnight, as the charts' time axes read.
    let offset_h = crate::gui::theme::SCREEN_CLOCK.offset_h(r);
    let days = charts::local_day_count(&r.weather, n, offset_h);
    {
        ui.horizontal(|ui| {
            ui.strong(tr!("view-energy-balance"));
            for (kind, label) in [
                (WindowKind::Day, tr!("window-day")),
                (WindowKind::Week, tr!("window-week")),
                (WindowKind::Month, tr!("window-month")),
                (WindowKind::Year, tr!("window-year")),
            ] {
                ui.selectable_value(&mut settings.window, kind, label);
            }
            let span = settings.window.days().min(days);
            let max_start = days.saturating_sub(span);
            s.window_start_day = s.window_start_day.min(max_start);
            if max_start > 0 {
                ui.add(
                    egui::Slider::new(&mut s.window_start_day, 0..=max_start)
                        .text(tr!("view-start-day"))
                        .custom_formatter(|d, _| {
                            let w =
                                charts::local_day_window(&r.weather, n, d as usize, 1, offset_h);
                            charts::format_day_at(r.weather.time_unix_s(w.start), offset_h)
                        }),
                );
            }
        });
        let span = settings.window.days().min(days);
        let window = charts::local_day_window(&r.weather, n, s.window_start_day, span, offset_h);
        let (start, end) = (window.start, window.end);
        let tall = (viewport_h * 0.5).clamp(MIN_BALANCE_CHART_PX, 420.0);
        chart_widget::energy_balance(ui, palette, r, start..end, tall);
        chart_widget::battery_soc(
            ui,
            palette,
            r,
            start..end,
            Some(&s.doc.scenario.battery),
            160.0,
        );
        ui.columns(2, |cols| {
            chart_widget::monthly_energy(&mut cols[0], palette, r, 260.0);
            chart_widget::net_load_duration(&mut cols[1], palette, r, 260.0);
        });
        ui.horizontal(|ui| {
            ui.strong(tr!("view-heat-map"));
            ui.selectable_value(&mut settings.heat, HeatChoice::Backup, tr!("heat-backup"));
            ui.selectable_value(&mut settings.heat, HeatChoice::Unmet, tr!("heat-unmet"));
            ui.selectable_value(
                &mut settings.heat,
                HeatChoice::Curtailed,
                tr!("heat-curtailed"),
            );
        });
        let q = match settings.heat {
            HeatChoice::Unmet => HeatQuantity::Unmet,
            HeatChoice::Backup => HeatQuantity::Backup,
            HeatChoice::Curtailed => HeatQuantity::Curtailed,
        };
        chart_widget::heatmap(ui, palette, r, q, 260.0);
        ui.separator();
        s.years.ui(
            ui,
            palette,
            &mut settings.weather_years,
            &s.doc.scenario,
            &base,
            s.issues.is_empty(),
        );
    }
    request
}

impl PlannerApp {
    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui, palette: &Palette) {
        let s = &self.sessions[self.active];
        ui.horizontal(|ui| {
            let path = s
                .doc
                .path
                .as_ref()
                .map_or_else(|| tr!("status-not-saved"), |p| p.display().to_string());
            ui.label(path);
            if s.doc.is_dirty() {
                ui.colored_label(palette.warn, tr!("status-unsaved"));
            }
            ui.separator();
            if s.issues.is_empty() {
                ui.colored_label(palette.good, tr!("status-valid"));
            } else {
                ui.colored_label(palette.bad, tr!("status-invalid", count = s.issues.len()));
            }
            if let Some(r) = &s.results
                && r.capacity.headroom_mw < -1e-9
            {
                ui.separator();
                ui.colored_label(palette.bad, tr!("status-capacity"))
                    .on_hover_text(tr!(
                        "status-capacity.tooltip",
                        need = dakhla_i18n::number(r.capacity.facility_design_mw, 1),
                        cap = crate::text::number(r.capacity.cap_mw)
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
            if let Some(p) = s.optimize.progress() {
                ui.separator();
                let what = match p.kind {
                    JobKind::Optimize => tr!("status-optimizing"),
                    JobKind::Pareto => tr!("status-pareto"),
                };
                ui.label(format!("{what}: {}", dakhla_i18n::percent(p.fraction, 0)));
            }
            if let Some((done, total)) = s.reliability.progress() {
                ui.separator();
                ui.spinner();
                ui.label(tr!(
                    "status-reliability",
                    done = done,
                    total = total,
                    percent = dakhla_i18n::percent(done as f64 / total.max(1) as f64, 0)
                ));
            }
            if let Some(elapsed) = self.export_job.as_ref().map(|w| w.elapsed()) {
                ui.separator();
                ui.spinner();
                ui.label(tr!(
                    "status-exporting",
                    seconds = dakhla_i18n::number(elapsed.as_secs_f64(), 0)
                ));
            }
            ui.separator();
            ui.label(tr!(
                "status-timing",
                simulation = dakhla_i18n::number(s.last_sim_ms, 1),
                frame = dakhla_i18n::number(self.frame_ms, 1)
            ))
            .on_hover_text(tr!("status-timing.tooltip"));
        });
    }
}
