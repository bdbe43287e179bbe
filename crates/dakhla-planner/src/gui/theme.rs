//! Colours, in one place: the egui visuals for light and dark mode and the chart palette; and
//! the clock the screen shows times in.

use crate::report::charts::{self, ChartTheme, Clock};
use egui::Color32;
use plotters::style::RGBColor;

/// The clock of times on screen: the site's legal time, named by its offset ("UTC+1"). Files
/// (exports) stay in UTC.
pub const SCREEN_CLOCK: Clock = Clock::SiteLegal;

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
}

/// Colours of the planner for one theme.
#[derive(Clone, Debug)]
pub struct Palette {
    pub good: Color32,
    pub bad: Color32,
    pub warn: Color32,
    pub muted: Color32,
    pub card_fill: Color32,
    pub chart: ChartTheme,
}

impl Palette {
    /// The palette of a theme.
    pub fn of(choice: ThemeChoice) -> Self {
        match choice {
            ThemeChoice::Light => Self {
                good: Color32::from_rgb(0x1b, 0x7f, 0x3b),
                bad: Color32::from_rgb(0xc0, 0x27, 0x2d),
                warn: Color32::from_rgb(0xb3, 0x6b, 0x00),
                muted: Color32::from_gray(110),
                card_fill: Color32::from_gray(245),
                chart: ChartTheme {
                    background: RGBColor(255, 255, 255),
                    text: RGBColor(30, 30, 30),
                    grid: RGBColor(225, 225, 225),
                    axis: RGBColor(120, 120, 120),
                    solar: RGBColor(0xf2, 0xb7, 0x05),
                    wind: RGBColor(0x2c, 0x7f, 0xb8),
                    battery: RGBColor(0x7b, 0x4f, 0xc9),
                    backup: RGBColor(0x8c, 0x56, 0x3c),
                    load: RGBColor(0x11, 0x11, 0x11),
                    curtailed: RGBColor(0xbd, 0xbd, 0xbd),
                    unmet: RGBColor(0xd7, 0x19, 0x1c),
                    soc: RGBColor(0x7b, 0x4f, 0xc9),
                    pue: RGBColor(0x00, 0x88, 0x7a),
                    highlight: RGBColor(0xd7, 0x19, 0x1c),
                    scenarios: charts::SCENARIO_COLOURS_LIGHT,
                    clock: SCREEN_CLOCK,
                    money: crate::sim::kpis::Money::default(),
                },
            },
            ThemeChoice::Dark => Self {
                good: Color32::from_rgb(0x5c, 0xd6, 0x7e),
                bad: Color32::from_rgb(0xff, 0x6b, 0x6b),
                warn: Color32::from_rgb(0xff, 0xb3, 0x47),
                muted: Color32::from_gray(160),
                card_fill: Color32::from_gray(38),
                chart: ChartTheme {
                    background: RGBColor(27, 27, 27),
                    text: RGBColor(220, 220, 220),
                    grid: RGBColor(55, 55, 55),
                    axis: RGBColor(150, 150, 150),
                    solar: RGBColor(0xf5, 0xc5, 0x18),
                    wind: RGBColor(0x4f, 0xa3, 0xe0),
                    battery: RGBColor(0xa4, 0x7e, 0xf0),
                    backup: RGBColor(0xc0, 0x84, 0x5f),
                    load: RGBColor(0xf0, 0xf0, 0xf0),
                    curtailed: RGBColor(0x70, 0x70, 0x70),
                    unmet: RGBColor(0xff, 0x4d, 0x4d),
                    soc: RGBColor(0xa4, 0x7e, 0xf0),
                    pue: RGBColor(0x26, 0xc6, 0xb0),
                    highlight: RGBColor(0xff, 0x4d, 0x4d),
                    scenarios: SCENARIO_COLOURS_DARK,
                    clock: SCREEN_CLOCK,
                    money: crate::sim::kpis::Money::default(),
                },
            },
        }
    }

    /// egui visuals of a theme.
    pub fn visuals(choice: ThemeChoice) -> egui::Visuals {
        match choice {
            ThemeChoice::Light => egui::Visuals::light(),
            ThemeChoice::Dark => egui::Visuals::dark(),
        }
    }
}

/// The Okabe & Ito palette of [`charts::SCENARIO_COLOURS_LIGHT`] for a dark background (light
/// grey instead of black, bright colours first).
pub const SCENARIO_COLOURS_DARK: [RGBColor; 8] = [
    RGBColor(0x56, 0xb4, 0xe9),
    RGBColor(0xe6, 0x9f, 0x00),
    RGBColor(0x00, 0x9e, 0x73),
    RGBColor(0xf0, 0xe4, 0x42),
    RGBColor(0xcc, 0x79, 0xa7),
    RGBColor(0xd5, 0x5e, 0x00),
    RGBColor(0xe0, 0xe0, 0xe0),
    RGBColor(0x00, 0x72, 0xb2),
];
