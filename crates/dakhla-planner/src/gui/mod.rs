//! The desktop planner: an eframe app over the engine. Each open scenario is a tab (a document
//! with its own undo history and results); every edit goes through [`app::PlannerApp::apply_edit`], which records undo history, marks
//! the file dirty and re-simulates (only the stages whose inputs changed) before the charts of
//! the same frame are drawn.
//!
//! Layout: `app` (state, commands, files), `panels/` (one editor per group of fields),
//! `widgets` (field editors with units, tooltips and validation flags), `charts_view` and
//! `chart_widget` (plotters charts painted into egui through `plot_backend`), `kpis_view`,
//! `compare_view` (all tabs side by side),
//! `theme` (the only place colours are defined).

pub mod app;
pub mod chart_widget;
pub mod compare_view;
pub mod file_browser;
pub mod kpis_view;
pub mod panels;
pub mod plot_backend;
pub mod recovery;
pub mod theme;
pub mod widgets;
pub mod worker;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

/// When the program started, for the start-to-first-frame figure (printed to stderr when the
/// environment variable `DAKHLA_PLANNER_TIMING` is set).
pub static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Open the planner window on `files`, one tab each (or the built-in Dakhla scenario).
/// Open the window on `files`; `lang` (the command line's `--lang`) overrides the language
/// chosen in the window and the locale's for this run.
pub fn run_native(
    files: Vec<PathBuf>,
    lang: Option<dakhla_i18n::Lang>,
) -> Result<(), eframe::Error> {
    PROCESS_START.get_or_init(Instant::now);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("dakhla-planner")
            .with_inner_size([1500.0, 950.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "dakhla-planner",
        options,
        Box::new(move |cc| Ok(Box::new(app::PlannerApp::new(cc, files, lang)))),
    )
}
