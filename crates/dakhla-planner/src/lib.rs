//! # dakhla-planner
//!
//! The application: the command line (`src/main.rs`) and the desktop planner (`gui`), on the
//! engine (`dakhla-core`) and the charts and exports (`dakhla-report`).
//!
//! The engine's modules and the report are re-exported under their own names, so the
//! application, its tests and its benches write `dakhla_planner::scenario`, `crate::sim`,
//! `crate::report` as one program.
#![forbid(unsafe_code)]

pub use dakhla_core::{files, hash, model, optimize, reliability, scenario, sim, text, weather};
pub use dakhla_report as report;

pub mod gui;
