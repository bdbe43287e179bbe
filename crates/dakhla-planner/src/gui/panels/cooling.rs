//! Panel: cooling and electrical overhead. A fixed PUE or the weather-driven model (economizer,
//! chillers, fans, UPS, distribution, lighting), its PUE curve against outdoor temperature, and
//! the design-day, mean and peak PUE of the last run.

use super::{PanelContext, PanelRequest};
use crate::gui::chart_widget;
use crate::gui::widgets as w;
use crate::scenario::{
    Cooling, Desalination, HeatRejection, Scenario, WaterAllocation, WaterSupply,
    WeatherDrivenCooling, fields,
};
use crate::sim::CoolingChoice;
use dakhla_i18n::tr;
use std::sync::Arc;

const P: &str = "datacenter.cooling";

/// Edit the cooling model. Returns the request of the "Compare side by side" button.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) -> Option<PanelRequest> {
    let cooling = &mut s.datacenter.cooling;
    let mut weather_driven = matches!(cooling, Cooling::WeatherDriven(_));
    let before = weather_driven;
    w::enum_choice(
        ui,
        &mut weather_driven,
        &[
            (false, fields::choice_word(P, "Fixed")),
            (true, fields::choice_word(P, "WeatherDriven")),
        ],
        P,
        ctx,
    );
    if weather_driven != before {
        *cooling = if weather_driven {
            Cooling::WeatherDriven(WeatherDrivenCooling::default())
        } else {
            Cooling::Fixed { pue: 1.2 }
        };
    }
    match cooling {
        Cooling::Fixed { pue } => {
            w::number(ui, pue, &format!("{P}.pue"), ctx);
        }
        Cooling::WeatherDriven(c) => weather_driven_fields(ui, c, ctx),
    }
    heat_rejection_fields(ui, &mut s.datacenter.heat_rejection, ctx);
    water_supply_fields(ui, &mut s.datacenter.water_supply, ctx);
    let cooling = &s.datacenter.cooling;

    // With dry coolers the PUE model reads the outdoor dry bulb; with another heat rejection,
    // the temperature the heat leaves at (pad outlet, wet bulb or sea plus approach), whose
    // hours the last run gives.
    let dry = s.datacenter.heat_rejection.is_dry_coolers();
    w::section(
        ui,
        &dakhla_i18n::tr!(if dry {
            "section-pue-against-outdoor-temperature"
        } else {
            "section-pue-against-heat-sink-temperature"
        }),
    );
    let sink = ctx
        .results
        .filter(|_| !dry)
        .map(|r| (r.heat_sink_temp_c.as_slice(), r.design_heat_sink_temp_c));
    match sink {
        Some((temps, design)) => {
            chart_widget::pue_curve(ui, ctx.palette, cooling, Some(temps), Some(design))
        }
        None => chart_widget::pue_curve(
            ui,
            ctx.palette,
            cooling,
            ctx.results.map(|r| r.weather.temp_air_c.as_slice()),
            None,
        ),
    }
    if !dry && matches!(cooling, Cooling::WeatherDriven(_)) {
        w::note(ui, &tr!("panel-cooling-curve-at-sink"), ctx);
    }
    match ctx.results {
        Some(r) => {
            w::readout(
                ui,
                &tr!("panel-cooling-design-pue"),
                dakhla_i18n::number(r.kpis.pue_design, 3),
                &tr!("panel-cooling-design-pue.tooltip"),
            );
            w::readout(
                ui,
                &tr!("panel-cooling-mean-pue"),
                dakhla_i18n::number(r.kpis.pue_mean, 3),
                &tr!("panel-cooling-mean-pue.tooltip"),
            );
            w::readout(
                ui,
                &tr!("panel-cooling-peak-pue"),
                dakhla_i18n::number(r.kpis.pue_peak, 3),
                &tr!("panel-cooling-peak-pue.tooltip"),
            );
        }
        None => w::note(ui, &tr!("panel-cooling-no-run"), ctx),
    }
    cooling_choices(ui, s, ctx)
}

/// PUE against WUE of every heat-rejection choice on the last run's weather, and the button
/// that opens them side by side in the Compare view.
fn cooling_choices(ui: &mut egui::Ui, s: &Scenario, ctx: &PanelContext) -> Option<PanelRequest> {
    w::section(ui, &tr!("section-cooling-choices"));
    let r = ctx.results?;
    // The load stage of four runs: milliseconds in a release build, kept until the datacenter
    // or the weather changes.
    type Cached = (crate::scenario::Datacenter, usize, Arc<Vec<CoolingChoice>>);
    let id = egui::Id::unique("cooling-choices");
    let weather_key = Arc::as_ptr(&r.weather) as usize;
    let cached: Option<Cached> = ui.data(|d| d.get_temp(id));
    let choices = match cached {
        Some((dc, key, c)) if dc == s.datacenter && key == weather_key => c,
        _ => {
            let c = Arc::new(crate::sim::cooling_choices(s, &r.weather));
            ui.data_mut(|d| d.insert_temp(id, (s.datacenter.clone(), weather_key, c.clone())));
            c
        }
    };
    chart_widget::pue_wue(ui, ctx.palette, &choices);
    let clicked = ui
        .button(tr!("panel-cooling-compare-choices"))
        .on_hover_text(tr!("panel-cooling-compare-choices.tooltip"))
        .clicked();
    clicked.then_some(PanelRequest::CompareCoolingChoices)
}

/// The heat-rejection technology and its parameters.
fn heat_rejection_fields(ui: &mut egui::Ui, h: &mut HeatRejection, ctx: &PanelContext) {
    const H: &str = "datacenter.heat_rejection";
    w::section(ui, &tr!("section-heat-rejection"));
    let mut variant = h.variant();
    let before = variant;
    // The choices are the registry's (one list of the variants and their words).
    w::enum_choice(ui, &mut variant, &choices(H), H, ctx);
    if variant != before {
        *h = HeatRejection::default_of(variant).unwrap_or_default();
    }
    let path = |f: &str| format!("{H}.{f}");
    match h {
        HeatRejection::DryCoolers => {}
        HeatRejection::AdiabaticPads(p) => {
            let v = "AdiabaticPads";
            w::number_in(ui, &mut p.wet_above_c, &path("wet_above_c"), v, ctx);
            w::number_in(ui, &mut p.effectiveness, &path("effectiveness"), v, ctx);
            w::number_in(ui, &mut p.air_temp_rise_k, &path("air_temp_rise_k"), v, ctx);
            w::number_in(
                ui,
                &mut p.cycles_of_concentration,
                &path("cycles_of_concentration"),
                v,
                ctx,
            );
        }
        HeatRejection::CoolingTower(t) => {
            let v = "CoolingTower";
            w::number_in(ui, &mut t.approach_k, &path("approach_k"), v, ctx);
            w::number_in(ui, &mut t.latent_frac, &path("latent_frac"), v, ctx);
            w::number_in(
                ui,
                &mut t.cycles_of_concentration,
                &path("cycles_of_concentration"),
                v,
                ctx,
            );
            w::number_in(ui, &mut t.drift_frac, &path("drift_frac"), v, ctx);
            w::number_in(ui, &mut t.range_k, &path("range_k"), v, ctx);
        }
        HeatRejection::Seawater(sw) => {
            let v = "Seawater";
            w::number_in(ui, &mut sw.sea_temp_c, &path("sea_temp_c"), v, ctx);
            w::number_in(ui, &mut sw.approach_k, &path("approach_k"), v, ctx);
        }
    }
    if let Some(r) = ctx.results {
        w::readout(
            ui,
            &tr!("panel-cooling-wue"),
            format!(
                "{} L/kWh · {} m³",
                dakhla_i18n::number(r.kpis.wue_l_per_kwh, 2),
                dakhla_i18n::number(r.kpis.water_m3, 0)
            ),
            &tr!("panel-cooling-wue.tooltip"),
        );
    }
}

/// The registry's choices of the field at `path`, with their words.
fn choices(path: &str) -> Vec<(&'static str, String)> {
    match fields::spec(path).map(|f| &f.kind) {
        Some(fields::FieldKind::Choice { options }) => options
            .iter()
            .map(|(v, _)| (*v, fields::choice_word(path, v).to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Where the water comes from: the campus's own desalination plant or an allocation.
fn water_supply_fields(ui: &mut egui::Ui, ws: &mut WaterSupply, ctx: &PanelContext) {
    const W: &str = "datacenter.water_supply";
    w::section(ui, &tr!("section-water-supply"));
    let mut variant = ws.variant();
    let before = variant;
    w::enum_choice(ui, &mut variant, &choices(W), W, ctx);
    if variant != before {
        *ws = match variant {
            "Allocation" => WaterSupply::Allocation(WaterAllocation::default()),
            _ => WaterSupply::Desalination(Desalination::default()),
        };
    }
    let path = |f: &str| format!("{W}.{f}");
    match ws {
        WaterSupply::Desalination(d) => {
            let v = "Desalination";
            w::number_in(
                ui,
                &mut d.energy_kwh_per_m3,
                &path("energy_kwh_per_m3"),
                v,
                ctx,
            );
            w::number_in(
                ui,
                &mut d.capacity_m3_per_day,
                &path("capacity_m3_per_day"),
                v,
                ctx,
            );
        }
        WaterSupply::Allocation(a) => {
            w::number_in(
                ui,
                &mut a.max_m3_per_yr,
                &path("max_m3_per_yr"),
                "Allocation",
                ctx,
            );
        }
    }
    if let Some(r) = ctx.results
        && r.kpis.water_m3 > 0.0
    {
        w::readout(
            ui,
            &tr!("panel-cooling-water-supply"),
            [
                "peak_water_m3_per_day",
                "desalination_energy_mwh",
                "water_cost_usd_per_year",
            ]
            .iter()
            .filter_map(|key| crate::sim::kpi_registry::kpi(key))
            .map(|spec| spec.format(&r.kpis))
            .collect::<Vec<_>>()
            .join(" · "),
            &tr!("panel-cooling-water-supply.tooltip"),
        );
    }
}

fn weather_driven_fields(ui: &mut egui::Ui, c: &mut WeatherDrivenCooling, ctx: &PanelContext) {
    let path = |f: &str| format!("{P}.{f}");
    w::section(ui, &dakhla_i18n::tr!("section-economizer"));
    w::number(
        ui,
        &mut c.free_cooling_below_c,
        &path("free_cooling_below_c"),
        ctx,
    );
    w::number(
        ui,
        &mut c.mechanical_above_c,
        &path("mechanical_above_c"),
        ctx,
    );
    w::number(
        ui,
        &mut c.economizer_power_frac,
        &path("economizer_power_frac"),
        ctx,
    );
    w::section(ui, &dakhla_i18n::tr!("section-chillers"));
    w::number(
        ui,
        &mut c.chiller_cop_rated,
        &path("chiller_cop_rated"),
        ctx,
    );
    w::number(
        ui,
        &mut c.chiller_cop_rated_temp_c,
        &path("chiller_cop_rated_temp_c"),
        ctx,
    );
    w::number(
        ui,
        &mut c.chiller_cop_drop_per_c,
        &path("chiller_cop_drop_per_c"),
        ctx,
    );
    w::number(ui, &mut c.chiller_cop_min, &path("chiller_cop_min"), ctx);
    w::section(ui, &dakhla_i18n::tr!("section-other-overheads"));
    w::number(ui, &mut c.fan_power_frac, &path("fan_power_frac"), ctx);
    w::number(ui, &mut c.ups_efficiency, &path("ups_efficiency"), ctx);
    w::number(
        ui,
        &mut c.distribution_loss_frac,
        &path("distribution_loss_frac"),
        ctx,
    );
    w::number(
        ui,
        &mut c.lighting_misc_frac,
        &path("lighting_misc_frac"),
        ctx,
    );
    w::number(ui, &mut c.design_temp_c, &path("design_temp_c"), ctx);
}
