//! Panel: cooling and electrical overhead. A fixed PUE or the weather-driven model (economizer,
//! chillers, fans, UPS, distribution, lighting), its PUE curve against outdoor temperature, and
//! the design-day, mean and peak PUE of the last run.

use super::PanelContext;
use crate::gui::chart_widget;
use crate::gui::widgets as w;
use crate::scenario::{Cooling, Scenario, WeatherDrivenCooling};

const P: &str = "datacenter.cooling";

/// Edit the cooling model.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    let cooling = &mut s.datacenter.cooling;
    let mut weather_driven = matches!(cooling, Cooling::WeatherDriven(_));
    let before = weather_driven;
    w::enum_choice(
        ui,
        "Cooling model",
        &mut weather_driven,
        &[(false, "Fixed PUE"), (true, "Weather-driven")],
        "Fixed: one PUE for every hour. Weather-driven: the PUE follows the outdoor dry-bulb \
         temperature hour by hour (free cooling, partial economizer, chillers).",
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
            w::number(
                ui,
                "PUE",
                pue,
                "",
                "Power usage effectiveness: facility power over IT power, every hour. Google \
                 fleet 1.10, new large sites 1.2-1.3, industry average about 1.55.",
                &format!("{P}.pue"),
                ctx,
            );
        }
        Cooling::WeatherDriven(c) => weather_driven_fields(ui, c, ctx),
    }

    w::section(ui, "PUE against outdoor temperature");
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
                "Design-day PUE",
                format!("{:.3}", r.kpis.pue_design),
                "PUE at the design temperature, used for the capacity check against the cap.",
            );
            w::readout(
                ui,
                "Mean PUE",
                format!("{:.3}", r.kpis.pue_mean),
                "Facility energy over IT energy over the simulated year.",
            );
            w::readout(
                ui,
                "Peak PUE",
                format!("{:.3}", r.kpis.pue_peak),
                "Highest hourly PUE of the simulated year.",
            );
        }
        None => w::note(
            ui,
            "Yearly PUE figures: shown after the first valid run.",
            ctx,
        ),
    }
}

fn weather_driven_fields(ui: &mut egui::Ui, c: &mut WeatherDrivenCooling, ctx: &PanelContext) {
    let path = |f: &str| format!("{P}.{f}");
    w::section(ui, "Economizer");
    w::number(
        ui,
        "Free cooling below",
        &mut c.free_cooling_below_c,
        "°C",
        "Below this outdoor dry-bulb temperature all heat leaves through the economizer. \
         Typical 18-24 °C (warm-water liquid cooling allows up to about 30 °C).",
        &path("free_cooling_below_c"),
        ctx,
    );
    w::number(
        ui,
        "Mechanical above",
        &mut c.mechanical_above_c,
        "°C",
        "Above this temperature all heat goes through the chillers; between the two thresholds \
         the chiller share rises linearly. Typical 26-32 °C; at least the free-cooling threshold.",
        &path("mechanical_above_c"),
        ctx,
    );
    w::fraction_percent(
        ui,
        "Economizer power",
        &mut c.economizer_power_frac,
        "Pumps and dry-cooler fans in free-cooling mode, as a share of IT power. Typical 1-3 %.",
        &path("economizer_power_frac"),
        ctx,
    );
    w::section(ui, "Chillers");
    w::number(
        ui,
        "Chiller COP",
        &mut c.chiller_cop_rated,
        "",
        "Coefficient of performance (heat removed over electricity) at the rating temperature. \
         Air-cooled chillers 3-5, water-cooled 5-7.",
        &path("chiller_cop_rated"),
        ctx,
    );
    w::number(
        ui,
        "COP rated at",
        &mut c.chiller_cop_rated_temp_c,
        "°C",
        "Outdoor temperature at which the rated COP holds. Typical 25-35 °C.",
        &path("chiller_cop_rated_temp_c"),
        ctx,
    );
    w::number(
        ui,
        "COP drop",
        &mut c.chiller_cop_drop_per_c,
        "/°C",
        "COP lost per degree hotter than the rating temperature. Typical 0.05-0.15 per °C.",
        &path("chiller_cop_drop_per_c"),
        ctx,
    );
    w::number(
        ui,
        "Minimum COP",
        &mut c.chiller_cop_min,
        "",
        "Lowest COP the chillers reach on the hottest hours; at most the rated COP. Typical 1.5-3.",
        &path("chiller_cop_min"),
        ctx,
    );
    w::section(ui, "Other overheads");
    w::fraction_percent(
        ui,
        "Fan power",
        &mut c.fan_power_frac,
        "Air handlers and coolant distribution units, as a share of IT power. Typical 2-5 %.",
        &path("fan_power_frac"),
        ctx,
    );
    w::fraction_percent(
        ui,
        "UPS efficiency",
        &mut c.ups_efficiency,
        "Uninterruptible power supply efficiency. Eco-mode 98-99 %, double conversion 94-97 %.",
        &path("ups_efficiency"),
        ctx,
    );
    w::fraction_percent(
        ui,
        "Distribution losses",
        &mut c.distribution_loss_frac,
        "Transformer and distribution losses, as a share of IT power. Typical 1-3 %.",
        &path("distribution_loss_frac"),
        ctx,
    );
    w::fraction_percent(
        ui,
        "Lighting & misc",
        &mut c.lighting_misc_frac,
        "Lighting, offices, security and other loads, as a share of IT power. Typical 0.5-2 %.",
        &path("lighting_misc_frac"),
        ctx,
    );
    w::number(
        ui,
        "Design temperature",
        &mut c.design_temp_c,
        "°C",
        "Outdoor temperature of the design day for the capacity check: the racks must fit under \
         the cap on such a day. Dakhla: about 35 °C on hot desert-wind days.",
        &path("design_temp_c"),
        ctx,
    );
}
