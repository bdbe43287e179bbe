//! Panel: cooling and electrical overhead. A fixed PUE or the weather-driven model (economizer,
//! chillers, fans, UPS, distribution, lighting), its PUE curve against outdoor temperature, and
//! the design-day, mean and peak PUE of the last run.

use super::PanelContext;
use crate::gui::chart_widget;
use crate::gui::widgets as w;
use crate::scenario::{Cooling, Scenario, WeatherDrivenCooling, fields};
use dakhla_i18n::tr;

const P: &str = "datacenter.cooling";

/// Edit the cooling model.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
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

    w::section(
        ui,
        &dakhla_i18n::tr!("section-pue-against-outdoor-temperature"),
    );
    chart_widget::pue_curve(
        ui,
        ctx.palette,
        cooling,
        ctx.results.map(|r| r.weather.temp_air_c.as_slice()),
    );
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
