//! One editor per group of fields, as a planner thinks of them. Each panel edits the draft
//! scenario in place; the app compares the draft with the document after the panel ran and
//! records the change (undo, dirty, re-simulation) in one place.

pub mod backup;
pub mod cooling;
pub mod economics;
pub mod load;
pub mod optimize;
pub mod reliability;
pub mod site;
pub mod solar;
pub mod storage;
pub mod targets;
pub mod wind;

use crate::gui::theme::Palette;
use crate::scenario::Scenario;
use crate::sim::Results;
use std::collections::BTreeMap;
use std::path::Path;

/// What a panel may read besides the scenario it edits.
pub struct PanelContext<'a> {
    /// Validation errors of the draft, by field path (`battery.energy_mwh`, ...).
    pub issues: &'a BTreeMap<String, String>,
    /// Results of the last valid scenario (None before the first run).
    pub results: Option<&'a Results>,
    pub palette: &'a Palette,
    /// Folder of the scenario file (for relative weather paths).
    pub base_dir: &'a Path,
    /// The scenario before the last edit (the top of the undo history), to tell what the
    /// planner just changed.
    pub previous: Option<&'a crate::scenario::Scenario>,
    /// The currency money is shown in (the draft's `economics.currency`).
    pub currency: crate::scenario::money::Currency,
}

/// The panels, in the order of the side bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PanelKind {
    #[default]
    Site,
    Load,
    Cooling,
    Solar,
    Wind,
    Storage,
    Backup,
    Reliability,
    Economics,
    Targets,
    Optimize,
}

impl PanelKind {
    /// All panels in side-bar order.
    pub const ALL: [PanelKind; 11] = [
        PanelKind::Site,
        PanelKind::Load,
        PanelKind::Cooling,
        PanelKind::Solar,
        PanelKind::Wind,
        PanelKind::Storage,
        PanelKind::Backup,
        PanelKind::Reliability,
        PanelKind::Economics,
        PanelKind::Targets,
        PanelKind::Optimize,
    ];

    /// Title shown on the tab.
    pub fn title(self) -> String {
        dakhla_i18n::tr(match self {
            PanelKind::Site => "panel-site",
            PanelKind::Load => "panel-load",
            PanelKind::Cooling => "panel-cooling",
            PanelKind::Solar => "panel-solar",
            PanelKind::Wind => "panel-wind",
            PanelKind::Storage => "panel-storage",
            PanelKind::Backup => "panel-backup",
            PanelKind::Reliability => "panel-reliability",
            PanelKind::Economics => "panel-economics",
            PanelKind::Targets => "panel-targets",
            PanelKind::Optimize => "panel-optimize",
        })
    }

    /// Field-path prefixes edited by this panel (to badge tabs that hold errors).
    pub fn path_prefixes(self) -> &'static [&'static str] {
        match self {
            PanelKind::Site => &["meta", "site", "weather", "simulation"],
            PanelKind::Load => &[
                "datacenter.facility_power_cap_mw",
                "datacenter.cap_applies_to",
                "datacenter.rack_groups",
            ],
            PanelKind::Cooling => &[
                "datacenter.cooling",
                "datacenter.heat_rejection",
                "datacenter.water_supply",
            ],
            PanelKind::Solar => &["solar_plants"],
            PanelKind::Wind => &["wind_farms"],
            PanelKind::Storage => &["battery"],
            PanelKind::Backup => &["backup"],
            // Failure data of the units of the panels above: see `holds`.
            PanelKind::Reliability => &["backup", "wind_farms", "solar_plants", "battery"],
            PanelKind::Economics => &["economics"],
            PanelKind::Targets => &["targets"],
            PanelKind::Optimize => &["optimizer"],
        }
    }
}

impl PanelKind {
    /// Whether the field at `path` (an issue's path) is edited in this panel: failure data in
    /// Reliability, everything else in the panel of its prefix.
    pub fn holds(self, path: &str) -> bool {
        let failure = crate::scenario::fields::is_failure_data(path);
        (self == PanelKind::Reliability) == failure
            && self.path_prefixes().iter().any(|pre| path.starts_with(pre))
    }
}

/// `v` as Rust's `{}` writes it (the shortest digits that read back: "0.1", "2.5", "1200") in
/// English; the same digits with a decimal comma and grouped thousands in French ("1 200,5").
pub(crate) fn shortest(v: f64) -> String {
    let plain = v.to_string();
    if dakhla_i18n::current() == dakhla_i18n::Lang::En || !v.is_finite() {
        return plain;
    }
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len());
    dakhla_i18n::number(v, decimals)
}

/// A number as a planner reads it, as `crate::text::number` writes it in English (whole
/// numbers without decimals, very large and very small ones in exponent form), in the current
/// language.
pub(crate) fn figure(v: f64) -> String {
    if v == v.trunc() && v.abs() < 1e15 {
        dakhla_i18n::number(v, 0)
    } else if v != 0.0 && (v.abs() < 1e-4 || v.abs() >= 1e15) {
        let e = format!("{v:e}");
        match dakhla_i18n::current() {
            dakhla_i18n::Lang::En => e,
            _ => e.replace('.', ","),
        }
    } else {
        shortest(v)
    }
}

/// An energy with the unit that suits its size, as `crate::text::energy_mwh` writes it in
/// English ("1.20 TWh", "3.4 GWh", "12.5 MWh"), in the current language.
pub(crate) fn energy(mwh: f64) -> String {
    let a = mwh.abs();
    if a >= 1e6 {
        format!("{} TWh", dakhla_i18n::number(mwh / 1e6, 2))
    } else if a >= 1e3 {
        format!("{} GWh", dakhla_i18n::number(mwh / 1e3, 1))
    } else {
        format!("{} MWh", dakhla_i18n::number(mwh, 1))
    }
}

/// A share as a percentage with one decimal ("84.5 %"), in the current language.
pub(crate) fn percent(share: f64) -> String {
    dakhla_i18n::percent(share, 1)
}

/// What a panel asks the app to do, beyond editing the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelRequest {
    /// Open a copy of the scenario for each other heat-rejection choice and compare them.
    CompareCoolingChoices,
}

/// Show the editor of `kind` for the draft scenario `s`. For Optimize this is its settings
/// only; the app shows the runs with [`optimize::OptimizePanel::ui`].
pub fn show(
    kind: PanelKind,
    ui: &mut egui::Ui,
    s: &mut Scenario,
    ctx: &PanelContext,
) -> Option<PanelRequest> {
    if kind == PanelKind::Cooling {
        return cooling::ui(ui, s, ctx);
    }
    match kind {
        PanelKind::Site => site::ui(ui, s, ctx),
        PanelKind::Load => load::ui(ui, s, ctx),
        PanelKind::Cooling => {}
        PanelKind::Solar => solar::ui(ui, s, ctx),
        PanelKind::Wind => wind::ui(ui, s, ctx),
        PanelKind::Storage => storage::ui(ui, s, ctx),
        PanelKind::Backup => backup::ui(ui, s, ctx),
        PanelKind::Reliability => reliability::ui(ui, s, ctx),
        PanelKind::Economics => economics::ui(ui, s, ctx),
        PanelKind::Targets => targets::ui(ui, s, ctx),
        PanelKind::Optimize => {
            optimize::settings(ui, s, ctx);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_figures_read_as_the_engine_writes_them() {
        // English is the language of the tests (nothing here sets another). A figure that
        // rounds to zero reads "0", never "-0".
        for v in [
            0.0, 0.1, 2.5, 12.345, 999.95, 1000.0, 1234.5, 999_999.0, 1.2e6, 3.0e-7, 2.0e15,
        ] {
            for v in if v == 0.0 { vec![v] } else { vec![v, -v] } {
                assert_eq!(super::figure(v), crate::text::number(v), "{v}");
                assert_eq!(super::shortest(v), v.to_string(), "{v}");
                if v.abs() >= 0.05 {
                    assert_eq!(super::energy(v), crate::text::energy_mwh(v), "{v}");
                }
                let share = v.abs() / 1e3;
                assert_eq!(super::percent(share), crate::text::percent(share), "{v}");
            }
        }
    }
}
