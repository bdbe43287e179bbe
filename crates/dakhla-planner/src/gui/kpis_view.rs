//! KPI cards: the figures a planner reads first, with targets plainly marked met or not.

use crate::gui::theme::Palette;
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

/// The KPI cards of a run: the headline KPIs of the registry (label, value, help, target).
pub fn cards(ui: &mut egui::Ui, palette: &Palette, r: &Results) {
    let cards: Vec<Card> = crate::sim::kpi_registry::cards(&r.kpis)
        .into_iter()
        .map(|c| Card::new(c.title, c.value, c.detail, c.status, c.help))
        .collect();
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
