//! Panel: cost assumptions. Discount rate and analysis period, a table of capital cost, fixed
//! O&M and lifetime per technology, the carbon price; and the cost lines of the last run.

use super::PanelContext;
use crate::gui::widgets as w;
use crate::scenario::{CapacityCost, Scenario};
use egui::{DragValue, Grid, Ui};

const P: &str = "economics";

/// Edit the economics.
pub fn ui(ui: &mut Ui, s: &mut Scenario, ctx: &PanelContext) {
    let e = &mut s.economics;
    w::fraction_percent(
        ui,
        "Discount rate",
        &mut e.discount_rate,
        "Real discount rate per year used to annualize capital. Typical 5-10 %; 7 % default.",
        &format!("{P}.discount_rate"),
        ctx,
    );
    w::integer(
        ui,
        "Analysis period",
        &mut e.analysis_years,
        "years",
        "Period of the net present cost. Typical 20-30 years.",
        &format!("{P}.analysis_years"),
        ctx,
    );
    w::number(
        ui,
        "Carbon price",
        &mut e.carbon_price_usd_per_t,
        "USD/t",
        "Price applied to backup CO2 emissions. 0 if none; EU ETS about 60-100 USD/t.",
        &format!("{P}.carbon_price_usd_per_t"),
        ctx,
    );

    w::section(ui, "Capital and fixed costs");
    w::note(
        ui,
        "Defaults: NREL ATB 2024 (moderate, 2025, US$2022) for PV, wind and batteries; Danish \
         Energy Agency for engines and turbines (1.08 USD/EUR).",
        ctx,
    );
    let mut messages: Vec<(String, String)> = Vec::new();
    ui.push_id("cost_table", |ui| {
        Grid::new("costs")
            .num_columns(4)
            .striped(true)
            .spacing([6.0, 3.0])
            .show(ui, |ui| {
                ui.weak("Technology");
                ui.weak("Capex");
                ui.weak("Fixed O&M");
                ui.weak("Lifetime");
                ui.end_row();
                let rows: [(&str, &str, &mut CapacityCost, &str); 6] = [
                    (
                        "Solar PV",
                        "solar_per_kwac",
                        &mut e.solar_per_kwac,
                        "USD/kWac",
                    ),
                    ("Wind", "wind_per_kw", &mut e.wind_per_kw, "USD/kW"),
                    (
                        "Battery power",
                        "battery_power_per_kw",
                        &mut e.battery_power_per_kw,
                        "USD/kW",
                    ),
                    (
                        "Gas turbines",
                        "gas_turbine_per_kw",
                        &mut e.gas_turbine_per_kw,
                        "USD/kW",
                    ),
                    (
                        "Diesel gensets",
                        "diesel_genset_per_kw",
                        &mut e.diesel_genset_per_kw,
                        "USD/kW",
                    ),
                    (
                        "Grid link",
                        "grid_link_per_kw",
                        &mut e.grid_link_per_kw,
                        "USD/kW",
                    ),
                ];
                for (label, key, c, unit) in rows {
                    let p = format!("{P}.{key}");
                    ui.label(label).on_hover_text(row_help(key));
                    cell(
                        ui,
                        &mut c.capex_usd_per_kw,
                        unit,
                        &format!("{label} capex"),
                        &format!("{p}.capex_usd_per_kw"),
                        ctx,
                        &mut messages,
                    );
                    cell(
                        ui,
                        &mut c.fixed_om_pct_per_year,
                        "%/yr",
                        &format!("{label} fixed O&M"),
                        &format!("{p}.fixed_om_pct_per_year"),
                        ctx,
                        &mut messages,
                    );
                    cell(
                        ui,
                        &mut c.lifetime_years,
                        "yr",
                        &format!("{label} lifetime"),
                        &format!("{p}.lifetime_years"),
                        ctx,
                        &mut messages,
                    );
                    ui.end_row();
                }
                let b = &mut e.battery_energy_per_kwh;
                let p = format!("{P}.battery_energy_per_kwh");
                ui.label("Battery energy")
                    .on_hover_text(row_help("battery_energy_per_kwh"));
                cell(
                    ui,
                    &mut b.capex_usd_per_kwh,
                    "USD/kWh",
                    "Battery energy capex",
                    &format!("{p}.capex_usd_per_kwh"),
                    ctx,
                    &mut messages,
                );
                cell(
                    ui,
                    &mut b.fixed_om_pct_per_year,
                    "%/yr",
                    "Battery energy fixed O&M",
                    &format!("{p}.fixed_om_pct_per_year"),
                    ctx,
                    &mut messages,
                );
                cell(
                    ui,
                    &mut b.lifetime_years,
                    "yr",
                    "Battery energy lifetime",
                    &format!("{p}.lifetime_years"),
                    ctx,
                    &mut messages,
                );
                ui.end_row();
            });
    });
    for (what, msg) in &messages {
        w::issue_message(ui, &format!("{what}: {msg}"), ctx);
    }

    costs(ui, ctx);
}

fn row_help(key: &str) -> &'static str {
    match key {
        "solar_per_kwac" => {
            "Utility PV per kW of inverter AC rating. NREL ATB 2024: 1,605 USD/kWac, 1.41 %/yr, \
             30 years."
        }
        "wind_per_kw" => {
            "Onshore wind per kW of turbine rating. NREL ATB 2024: 1,689 USD/kW, 1.99 %/yr, \
             30 years."
        }
        "battery_power_per_kw" => {
            "Battery inverters and power conversion per kW. NREL ATB 2024: 497.7 USD/kW, \
             2.5 %/yr, 15 years."
        }
        "battery_energy_per_kwh" => {
            "Battery cells and racks per kWh of nameplate. NREL ATB 2024: 375.6 USD/kWh, \
             2.5 %/yr, 15 years."
        }
        "gas_turbine_per_kw" => {
            "Open-cycle gas turbines per kW. Danish Energy Agency: 594 EUR/kW = 642 USD/kW."
        }
        "diesel_genset_per_kw" => {
            "Diesel engine gensets per kW. Danish Energy Agency: 458 EUR/kW = 495 USD/kW."
        }
        "grid_link_per_kw" => {
            "Grid connection (line and substation) per kW of import capacity. Assumption: \
             about 300 USD/kW, 40 years."
        }
        _ => "",
    }
}

/// One numeric cell of the cost table, named `name` for tooltips and accessibility; its issue
/// (if any) is outlined and collected into `messages`.
fn cell(
    ui: &mut Ui,
    value: &mut f64,
    unit: &str,
    name: &str,
    path: &str,
    ctx: &PanelContext,
    messages: &mut Vec<(String, String)>,
) {
    let speed = (value.abs() * 0.005).max(0.01);
    let help = match unit {
        "%/yr" => "Fixed O&M as a share of capex per year; typical 1-3 %/yr.",
        "yr" => "Economic life; capital is annualized over it with the capital recovery factor.",
        _ => "Overnight capital cost.",
    };
    let r = ui
        .push_id(path, |ui| {
            ui.add(
                DragValue::new(value)
                    .clamp_existing_to_range(false)
                    .speed(speed)
                    .max_decimals(3)
                    .suffix(format!(" {unit}")),
            )
        })
        .inner
        .on_hover_text(format!("{name}. {help}"));
    if let Some(msg) = w::issue(ctx, path) {
        w::outline_bad(ui, &r, ctx);
        messages.push((name.to_owned(), msg.to_owned()));
    }
}

/// The cost lines of the last run.
fn costs(ui: &mut Ui, ctx: &PanelContext) {
    let Some(r) = ctx.results else {
        w::note(ui, "Costs: shown after the first valid run.", ctx);
        return;
    };
    let c = &r.costs;
    if c.lines.is_empty() {
        return;
    }
    w::section(ui, "Costs of the last run");
    Grid::new("cost_lines")
        .num_columns(4)
        .striped(true)
        .spacing([8.0, 2.0])
        .show(ui, |ui| {
            ui.weak("Item");
            ui.weak("Size");
            ui.weak("Capex");
            ui.weak("Per year");
            ui.end_row();
            for line in &c.lines {
                ui.label(&line.item);
                ui.label(format!("{:.0} {}", line.capacity, line.capacity_unit));
                ui.label(w::fmt_usd(line.capex_usd));
                ui.label(w::fmt_usd(line.annual_usd()))
                    .on_hover_text(format!(
                        "Annualized capital {}, fixed O&M {}, fuel {}, variable O&M {}, carbon {}",
                        w::fmt_usd(line.annualized_capex_usd),
                        w::fmt_usd(line.fixed_om_usd_per_year),
                        w::fmt_usd(line.fuel_usd_per_year),
                        w::fmt_usd(line.variable_om_usd_per_year),
                        w::fmt_usd(line.carbon_usd_per_year)
                    ));
                ui.end_row();
            }
        });
    w::readout(
        ui,
        "Capex",
        w::fmt_usd(c.capex_usd),
        "Overnight capital cost of all lines.",
    );
    w::readout(
        ui,
        "Annualized cost",
        format!("{}/yr", w::fmt_usd(c.annualized_cost_usd)),
        "Annualized capital plus yearly operating cost.",
    );
    w::readout(
        ui,
        "Net present cost",
        w::fmt_usd(c.net_present_cost_usd),
        "Capital plus discounted operating cost over the analysis period.",
    );
    if let Some(lcoe) = r.kpis.lcoe_usd_per_mwh {
        w::readout(
            ui,
            "Cost of energy",
            format!("{lcoe:.1} USD/MWh"),
            "Annualized cost over the facility energy served. Lazard 2025: utility solar 38-78, \
             onshore wind 37-86 USD/MWh (generation only).",
        );
    }
}
