//! Panel: cost assumptions. Discount rate and analysis period, a table of capital cost, fixed
//! O&M and lifetime per technology, the carbon price; and the cost lines of the last run.

use super::PanelContext;
use crate::gui::widgets as w;
use crate::scenario::money::{self, CostBasis, Currency};
use crate::scenario::{CapacityCost, Scenario, fields};
use egui::{DragValue, Grid, Ui};

const P: &str = "economics";

/// Edit the economics.
pub fn ui(ui: &mut Ui, s: &mut Scenario, ctx: &PanelContext) {
    money_choices(ui, s, ctx);
    let e = &mut s.economics;
    w::number(ui, &mut e.discount_rate, &format!("{P}.discount_rate"), ctx);
    w::integer(
        ui,
        &mut e.analysis_years,
        &format!("{P}.analysis_years"),
        ctx,
    );
    w::number(
        ui,
        &mut e.carbon_price_per_t,
        &format!("{P}.carbon_price_per_t"),
        ctx,
    );
    w::number(ui, &mut e.water_per_m3, &format!("{P}.water_per_m3"), ctx);

    w::section(ui, &dakhla_i18n::tr!("section-capital-and-fixed-costs"));

    let mut messages: Vec<(String, String)> = Vec::new();
    ui.push_id("cost_table", |ui| {
        Grid::new("costs")
            .num_columns(4)
            .striped(true)
            .spacing([6.0, 3.0])
            .show(ui, |ui| {
                for id in [
                    "money-col-technology",
                    "money-col-capex",
                    "money-col-fixed-om",
                    "money-col-lifetime",
                ] {
                    ui.weak(dakhla_i18n::tr!(id));
                }
                ui.end_row();
                let rows: [(&str, &mut CapacityCost); 6] = [
                    ("solar_per_kwac", &mut e.solar_per_kwac),
                    ("wind_per_kw", &mut e.wind_per_kw),
                    ("battery_power_per_kw", &mut e.battery_power_per_kw),
                    ("gas_turbine_per_kw", &mut e.gas_turbine_per_kw),
                    ("diesel_genset_per_kw", &mut e.diesel_genset_per_kw),
                    ("grid_link_per_kw", &mut e.grid_link_per_kw),
                ];
                for (key, c) in rows {
                    let p = format!("{P}.{key}");
                    row_label(ui, &format!("{p}.capex_per_kw"));
                    cell(
                        ui,
                        &mut c.capex_per_kw,
                        &format!("{p}.capex_per_kw"),
                        ctx,
                        &mut messages,
                    );
                    cell(
                        ui,
                        &mut c.fixed_om_pct_per_year,
                        &format!("{p}.fixed_om_pct_per_year"),
                        ctx,
                        &mut messages,
                    );
                    cell(
                        ui,
                        &mut c.lifetime_years,
                        &format!("{p}.lifetime_years"),
                        ctx,
                        &mut messages,
                    );
                    ui.end_row();
                }
                let b = &mut e.battery_energy_per_kwh;
                let p = format!("{P}.battery_energy_per_kwh");
                row_label(ui, &format!("{p}.capex_per_kwh"));
                cell(
                    ui,
                    &mut b.capex_per_kwh,
                    &format!("{p}.capex_per_kwh"),
                    ctx,
                    &mut messages,
                );
                cell(
                    ui,
                    &mut b.fixed_om_pct_per_year,
                    &format!("{p}.fixed_om_pct_per_year"),
                    ctx,
                    &mut messages,
                );
                cell(
                    ui,
                    &mut b.lifetime_years,
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

/// The technology of a cost line, named as its capex cell's label says ("Solar PV capex").
fn row_label(ui: &mut Ui, capex_path: &str) {
    if let Some(spec) = fields::spec(capex_path) {
        // The capex label without its word for capex: "Solar PV capex", "CAPEX solaire PV".
        let label = spec.label_text();
        let tech = label
            .trim_end_matches(" capex")
            .trim_start_matches("CAPEX ");
        let mut chars = tech.chars();
        let tech: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        ui.label(tech).on_hover_text(spec.help_text());
    }
}

/// The currency, its exchange rates and the cost set. Changing the currency converts every
/// cost at the scenario's rates, choosing a set writes its figures: each is one edit (one undo
/// step), never a silent change of what a number means.
fn money_choices(ui: &mut Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::section(ui, &dakhla_i18n::tr!("money-section"));
    let mut currency = s.economics.currency;
    let words: Vec<(Currency, _)> = Currency::ALL
        .into_iter()
        .map(|c| (c, fields::choice_word(&format!("{P}.currency"), c.code())))
        .collect();
    w::enum_choice(ui, &mut currency, &words, &format!("{P}.currency"), ctx);
    if currency != s.economics.currency {
        match money::convert_costs(s, currency) {
            Ok(converted) => *s = converted,
            Err(e) => {
                ui.colored_label(ctx.palette.bad, e);
            }
        }
    }
    let r = &mut s.economics.exchange_rates;
    w::text(ui, &mut r.as_of, &format!("{P}.exchange_rates.as_of"), ctx);
    w::number(
        ui,
        &mut r.mad_per_usd,
        &format!("{P}.exchange_rates.mad_per_usd"),
        ctx,
    );
    w::number(
        ui,
        &mut r.eur_per_usd,
        &format!("{P}.exchange_rates.eur_per_usd"),
        ctx,
    );
    w::text(
        ui,
        &mut r.source,
        &format!("{P}.exchange_rates.source"),
        ctx,
    );
    let mut basis = s.economics.cost_basis;
    let words: Vec<(CostBasis, _)> = CostBasis::ALL
        .into_iter()
        .map(|b| (b, fields::choice_word(&format!("{P}.cost_basis"), b.name())))
        .collect();
    w::enum_choice(ui, &mut basis, &words, &format!("{P}.cost_basis"), ctx);
    if basis != s.economics.cost_basis {
        match money::apply_cost_set(s, basis) {
            Ok(applied) => *s = applied,
            Err(e) => {
                ui.colored_label(ctx.palette.bad, e);
            }
        }
    }
    let edited = money::edited_figures(s);
    if !edited.is_empty() {
        w::note(
            ui,
            &dakhla_i18n::tr!("money-edited-figures", count = edited.len()),
            ctx,
        );
    }
}

/// One numeric cell of the cost table, labelled and explained by its registry spec (for
/// tooltips and accessibility); its issue (if any) is outlined and collected into `messages`.
fn cell(
    ui: &mut Ui,
    value: &mut f64,
    path: &str,
    ctx: &PanelContext,
    messages: &mut Vec<(String, String)>,
) {
    let spec = w::editor_spec(path, "");
    let speed = (value.abs() * 0.005).max(0.01);
    let r = ui
        .push_id(path, |ui| {
            w::committed_in(
                ui,
                DragValue::new(value)
                    .clamp_existing_to_range(false)
                    .speed(speed)
                    .max_decimals(3)
                    .suffix(format!(" {}", ctx.currency.unit(spec.unit))),
                spec.unit,
                false,
                false,
            )
        })
        .inner
        .on_hover_text(format!("{}. {}", spec.label_text(), spec.help_text()));
    let name = spec.label_text();
    if let Some(msg) = w::issue(ctx, path) {
        w::outline_bad(ui, &r, ctx);
        messages.push((name.into_owned(), msg.to_owned()));
    }
}

/// The cost lines of the last run, in the scenario's currency, and its headline cost KPIs (from
/// the KPI registry, as the cards show them).
fn costs(ui: &mut Ui, ctx: &PanelContext) {
    use dakhla_i18n::tr;
    let Some(r) = ctx.results else {
        w::note(ui, &tr!("money-costs-after-first-run"), ctx);
        return;
    };
    let c = &r.costs;
    if c.lines.is_empty() {
        return;
    }
    let m = &r.kpis.money;
    let money = |v: f64| crate::text::money(v, m);
    w::section(ui, &tr!("section-costs-of-the-last-run"));
    Grid::new("cost_lines")
        .num_columns(4)
        .striped(true)
        .spacing([8.0, 2.0])
        .show(ui, |ui| {
            for id in [
                "money-col-item",
                "money-col-size",
                "money-col-capex",
                "money-col-per-year",
            ] {
                ui.weak(tr!(id));
            }
            ui.end_row();
            for line in &c.lines {
                ui.label(&line.item);
                ui.label(format!(
                    "{} {}",
                    dakhla_i18n::number(line.capacity, 0),
                    line.capacity_unit
                ));
                ui.label(money(line.capex_usd));
                ui.label(money(line.annual_usd())).on_hover_text(tr!(
                    "money-line-breakdown",
                    capital = money(line.annualized_capex_usd),
                    fixed = money(line.fixed_om_usd_per_year),
                    fuel = money(line.fuel_usd_per_year),
                    variable = money(line.variable_om_usd_per_year),
                    carbon = money(line.carbon_usd_per_year)
                ));
                ui.end_row();
            }
        });
    for key in [
        "capex_usd",
        "annualized_cost_usd",
        "net_present_cost_usd",
        "lcoe_usd_per_mwh",
    ] {
        if let Some(spec) = crate::sim::kpi_registry::kpi(key) {
            w::readout(
                ui,
                &spec.label_text(),
                spec.format(&r.kpis),
                &spec.help_text(),
            );
        }
    }
}
