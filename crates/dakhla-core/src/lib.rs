//! # dakhla-core
//!
//! The engine of dakhla-planner, which sizes renewable-powered datacenters: the IT load of rack
//! groups under a facility power cap, cooling overhead (PUE) driven by the weather, solar PV,
//! wind farms, battery storage and backup, simulated hour by hour over a year, with KPIs for
//! energy, 24/7 carbon-free share, cost and carbon.
//!
//! Data flows one way:
//!
//! ```text
//! scenario file (RON) -> Scenario (validated)         scenario/
//! Scenario.weather    -> Weather (hourly, UTC)        weather/
//! Weather + plants    -> generation per plant [MW]    model/ (sun, irradiance, pv, wind)
//! Weather + racks     -> IT and facility load [MW]    model/ (load, cooling)
//! supply + load + storage + backup -> dispatch        sim/
//! Results + economics -> Kpis                         sim/kpis, sim/economics
//! ```
//!
//! Sizing runs in `optimize/` (least cost, Pareto fronts, studies sharded over machines);
//! adequacy under unit failures in `reliability/` (outage tables, sequential Monte Carlo);
//! `files` and `text` keep outputs and messages safe with any input.
//!
//! Inputs, outputs and technologies are described once, as data that every view reads:
//! - [`scenario::fields`]: every input (path, label, unit, help, range, default);
//! - [`sim::kpi_registry`]: every KPI (key, label, unit, format, direction, section, help);
//! - [`sim::series`]: every hourly column;
//! - [`optimize::DECISION_VARS`]: every capacity the optimizer sizes;
//! - [`sim::SUPPLY_KINDS`] and [`scenario::Scenario::stores`]: the supply and store components
//!   the dispatch runs over (lists, not named fields).
//!
//! No GUI, windowing, OpenGL or chart crate is in this crate's dependency tree (CI checks it
//! with `cargo tree`): charts and exports are in `dakhla-report`, the command line and the
//! window in `dakhla-planner`.
#![forbid(unsafe_code)]

pub mod calendar;
pub mod files;
pub mod hash;
pub mod model;
pub mod optimize;
pub mod reliability;
pub mod scenario;
pub mod sim;
pub mod text;
pub mod weather;
