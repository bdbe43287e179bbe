//! KPI cards: the figures a planner reads first, with targets plainly marked met or not.

use crate::gui::theme::Palette;
use crate::scenario::Scenario;
use crate::sim::Results;
use egui::RichText;

/// One KPI card's content.
struct Card {
    title: &'static str,
    value: String,
    detail: String,
    status: Option<bool>,
    help: &'static str,
}

impl Card {
    fn new(
        title: &'static str,
        value: String,
        detail: String,
        status: Option<bool>,
        help: &'static str,
    ) -> Self {
        Self {
            title,
            value,
            detail,
            status,
            help,
        }
    }
}

const CARD_WIDTH: f32 = 168.0;

fn card(ui: &mut egui::Ui, palette: &Palette, c: Card) {
    let Card {
        title,
        value,
        detail,
        status,
        help,
    } = c;
    let stroke_color = match status {
        Some(true) => palette.good,
        Some(false) => palette.bad,
        None => ui.visuals().widgets.noninteractive.bg_stroke.color,
    };
    egui::Frame::new()
        .fill(palette.card_fill)
        .stroke(egui::Stroke::new(
            if status.is_some() { 2.0 } else { 1.0 },
            stroke_color,
        ))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(CARD_WIDTH - 24.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(title).small().color(palette.muted));
                let mut v = RichText::new(value).size(18.0).strong();
                if let Some(ok) = status {
                    v = v.color(if ok { palette.good } else { palette.bad });
                }
                ui.label(v);
                ui.label(RichText::new(detail).small());
            });
        })
        .response
        .on_hover_text(help);
}

fn target_status(r: &Results, kpi: &str) -> Option<(bool, String)> {
    r.kpis.targets.iter().find(|t| t.kpi == kpi).map(|t| {
        let word = if t.met { "MET" } else { "NOT MET" };
        let target = if t.kind == "min" {
            format!("target ≥ {:.1} %", t.target * 100.0)
        } else {
            format!("target ≤ {:.0} MWh", t.target)
        };
        (t.met, format!("{target}: {word}"))
    })
}

/// The KPI cards of a run.
pub fn cards(ui: &mut egui::Ui, palette: &Palette, r: &Results, s: &Scenario) {
    let k = &r.kpis;
    let c = &r.capacity;
    let mut cards: Vec<Card> = Vec::new();
    {
        let fits = k.racks_fit_under_cap >= k.racks_total;
        cards.push(Card::new(
            "Racks planned / fit under cap",
            format!("{} / {}", k.racks_total, k.racks_fit_under_cap),
            format!("design {:.0} MW vs cap {:.0} MW", c.facility_design_mw, c.cap_mw),
            Some(fits),
            "All racks at nameplate power times the design-day PUE, against the facility power cap; groups are filled in list order.",
        ));
        cards.push(Card::new(
            "Peak facility power",
            format!("{:.1} MW", k.peak_facility_mw),
            format!(
                "cap {:.0} MW · peak IT {:.1} MW",
                k.facility_power_cap_mw, k.peak_it_mw
            ),
            Some(k.peak_facility_mw <= k.facility_power_cap_mw),
            "Highest hourly facility power (IT x PUE) of the simulated year.",
        ));
        cards.push(Card::new(
            "PUE mean / peak",
            format!("{:.3} / {:.3}", k.pue_mean, k.pue_peak),
            format!("design day {:.3}", k.pue_design),
            None,
            "Energy-weighted mean and hourly peak of facility / IT power.",
        ));
        let rf = target_status(r, "renewable_fraction");
        cards.push(Card::new(
            "Renewable fraction",
            format!("{:.1} %", k.renewable_fraction * 100.0),
            rf.as_ref().map_or("no target".into(), |t| t.1.clone()),
            rf.map(|t| t.0),
            "Share of the facility energy served by solar and wind, directly or through the battery.",
        ));
        let cfe = target_status(r, "cfe_score");
        cards.push(Card::new(
            "24/7 CFE score",
            format!("{:.1} %", k.cfe_score * 100.0),
            cfe.as_ref().map_or("no target".into(), |t| t.1.clone()),
            cfe.map(|t| t.0),
            "Hour by hour share of the load met by carbon-free supply, load-weighted (Google 24/7 CFE).",
        ));
        cards.push(Card::new(
            "Curtailment",
            format!("{:.0} GWh", k.curtailed_energy_mwh / 1000.0),
            format!(
                "{:.1} % of available",
                100.0 * k.curtailed_energy_mwh / (k.solar_energy_mwh + k.wind_energy_mwh).max(1e-9)
            ),
            None,
            "Solar and wind energy that neither the load nor the battery could take.",
        ));
        let unmet = target_status(r, "unmet_energy_mwh");
        cards.push(Card::new(
            "Unmet load",
            format!("{:.0} h", k.loss_of_load_hours),
            format!(
                "{:.1} MWh{}",
                k.unmet_energy_mwh,
                unmet
                    .as_ref()
                    .map_or(String::new(), |t| format!(" · {}", t.1))
            ),
            Some(unmet.map_or(k.unmet_energy_mwh <= 0.0, |t| t.0)),
            "Hours and energy that neither renewables, battery nor backup could serve.",
        ));
        cards.push(Card::new(
            "CAPEX",
            format!("{:.0} M USD", k.capex_usd / 1e6),
            format!("annualized {:.0} M USD/yr", k.annualized_cost_usd / 1e6),
            None,
            "Overnight capital cost of supply, storage and backup.",
        ));
        cards.push(Card::new(
            "LCOE",
            k.lcoe_usd_per_mwh
                .map_or("-".into(), |v| format!("{v:.1} USD/MWh")),
            format!("discount rate {:.1} %", s.economics.discount_rate * 100.0),
            None,
            "Annualized cost over the facility energy served.",
        ));
        cards.push(Card::new(
            "CO2",
            format!("{:.0} kt", k.co2_tonnes / 1000.0),
            k.co2_intensity_kg_per_mwh
                .map_or("-".into(), |v| format!("{v:.0} kg/MWh")),
            None,
            "Emissions of the backup units over the year.",
        ));
    }
    let per_row = ((ui.available_width() + 8.0) / (CARD_WIDTH + 8.0))
        .floor()
        .max(1.0) as usize;
    let mut cards = cards.into_iter().peekable();
    while cards.peek().is_some() {
        ui.horizontal(|ui| {
            for c in cards.by_ref().take(per_row) {
                card(ui, palette, c);
            }
        });
    }
}
