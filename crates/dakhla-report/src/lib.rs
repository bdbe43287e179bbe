//! # dakhla-report
//!
//! Outputs of dakhla-planner for people and scripts: the readable KPI summary, the JSON
//! document, the hourly CSV, charts drawn with plotters on any `DrawingBackend` (the GUI's
//! painter, PNG, SVG) and the export folder with its HTML report.
//!
//! Depends on the engine (`dakhla-core`) and on plotters; never on a GUI toolkit (egui, eframe,
//! winit, rfd), which the crate graph enforces and CI checks with `cargo tree`.
#![forbid(unsafe_code)]

// The engine's modules, named as they are inside the engine.
use dakhla_core::{files, scenario, sim, text, weather};

pub mod charts;
pub mod compare;
pub mod export;
pub mod optimize;
pub mod tables;

use crate::scenario::Scenario;
use crate::sim::Results;
use crate::weather::format_utc;
use dakhla_i18n::tr;
use std::io::Write;
use std::path::Path;

/// Column names of the hourly CSV, a contract with planners' scripts: the timestamp, then
/// the columns of the engine's table ([`sim::series::HOURLY_COLUMNS`]).
pub fn hourly_columns() -> Vec<&'static str> {
    sim::series::column_names()
}

/// Write the hourly CSV (one row per step, means over the step; SoC at the step's end).
pub fn write_hourly_csv<W: Write>(r: &Results, out: W) -> std::io::Result<()> {
    write_hourly_csv_with(r, &[], out)
}

/// [`write_hourly_csv`] with more columns after the standard ones: (name, one value per step).
pub fn write_hourly_csv_with<W: Write>(
    r: &Results,
    extra: &[(&str, &[f64])],
    out: W,
) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(out);
    write!(w, "{}", hourly_columns().join(","))?;
    for (name, _) in extra {
        write!(w, ",{name}")?;
    }
    writeln!(w)?;
    let wx = &r.weather;
    for i in 0..wx.len() {
        write!(w, "{}", format_utc(wx.time_unix_s(i)))?;
        for c in &sim::series::HOURLY_COLUMNS {
            write!(w, ",{}", num((c.value)(r, i)))?;
        }
        for (_, values) in extra {
            write!(w, ",{}", num(values.get(i).copied().unwrap_or(f64::NAN)))?;
        }
        writeln!(w)?;
    }
    w.flush()
}

/// Shortest text that reads back to the same f64 (Rust's `Display` is round-trip exact), so a
/// script re-adding the columns finds the balance closes; "0" for zero of either sign. Also the
/// inputs of the export report, shown exactly as in the file.
pub(crate) fn num(v: f64) -> String {
    if v == 0.0 {
        "0".to_owned()
    } else {
        format!("{v}")
    }
}

/// Where a result came from, so two teams can confirm they computed the same thing:
/// `program_version`; `scenario_sha256`, the SHA-256 of the scenario's canonical text (as this
/// program writes it: comments and layout of the file do not count; a weather file counts by its
/// content, not its path, see [`provenance_form`]); `weather_sha256`, the
/// SHA-256 of the weather file for file sources, else of the generated series
/// ([`Weather::data_sha256`](crate::weather::Weather::data_sha256)); and `weather_source`.
pub fn provenance(s: &Scenario, base_dir: Option<&Path>, r: &Results) -> serde_json::Value {
    // The weather file by its content: the bytes the run read (else the file on disk now).
    let file_sha = r.weather.file_sha256.clone().or_else(|| {
        s.weather.file_path().and_then(|p| {
            let path = base_dir.map_or_else(|| Path::new(p).to_path_buf(), |b| b.join(p));
            crate::weather::file_sha256(&path).ok()
        })
    });
    let scenario_sha256 = crate::scenario::to_ron_string(&provenance_form(s, file_sha.as_deref()))
        .map(|t| dakhla_core::hash::sha256_hex(t.as_bytes()))
        .ok();
    let (weather_sha256, of) = match file_sha {
        Some(h) => (h, "file"),
        None => (r.weather.data_sha256(), "series"),
    };
    serde_json::json!({
        "program_version": env!("CARGO_PKG_VERSION"),
        "scenario_sha256": scenario_sha256,
        "weather_sha256": weather_sha256,
        "weather_sha256_of": of,
        "weather_source": place_free_source(s, r),
    })
}

/// The run's weather description with a weather file named by its file name alone (no folder):
/// provenance names inputs, not places.
fn place_free_source(s: &Scenario, r: &Results) -> String {
    match s.weather.file_path() {
        Some(p) => {
            let name = Path::new(p)
                .file_name()
                .map_or_else(|| p.to_owned(), |n| n.to_string_lossy().into_owned());
            r.weather.source.replacen(p, &name, 1)
        }
        None => r.weather.source.clone(),
    }
}

/// The scenario as provenance fingerprints it: a weather file is named by its content
/// (`sha256:<hex>` in place of the path, the recorded `sha256` dropped), so that two teams with
/// the same inputs in different folders get the same `scenario_sha256`.
pub fn provenance_form(s: &Scenario, weather_file_sha256: Option<&str>) -> Scenario {
    let mut c = s.clone();
    if let Some(h) = weather_file_sha256 {
        match &mut c.weather {
            crate::scenario::WeatherSource::Epw { path, sha256 }
            | crate::scenario::WeatherSource::Csv { path, sha256 } => {
                *path = format!("sha256:{h}");
                *sha256 = None;
            }
            crate::scenario::WeatherSource::Synthetic { .. } => {}
        }
    }
    c
}

/// The JSON document of `simulate --json`.
pub fn json_document(s: &Scenario, file: Option<&Path>, r: &Results) -> serde_json::Value {
    let plants: Vec<serde_json::Value> = s
        .solar_plants
        .iter()
        .map(|p| {
            let (tracking, tilt, az, gcr, max_angle, backtrack) = match p.mounting {
                crate::scenario::Mounting::Fixed {
                    tilt_deg,
                    azimuth_deg,
                    gcr,
                } => (
                    "fixed",
                    Some(tilt_deg),
                    Some(azimuth_deg),
                    Some(gcr),
                    None,
                    None,
                ),
                crate::scenario::Mounting::SingleAxis {
                    max_angle_deg,
                    gcr,
                    backtrack,
                } => (
                    "single_axis",
                    None,
                    Some(180.0),
                    Some(gcr),
                    Some(max_angle_deg),
                    Some(backtrack),
                ),
            };
            let res = r
                .plants
                .iter()
                .find(|x| x.kind == "solar" && x.name == p.name);
            serde_json::json!({
                "kind": "solar",
                "name": p.name,
                "capacity_mwdc": p.capacity_mwdc,
                "dc_ac_ratio": p.dc_ac_ratio,
                "tracking": tracking,
                "tilt_deg": tilt,
                "azimuth_deg": az,
                "gcr": gcr,
                "max_angle_deg": max_angle,
                "backtrack": backtrack,
                "losses_pct": p.losses_pct,
                "gamma_pdc_per_c": p.gamma_pdc_per_c,
                "inverter_eff_pct": p.inverter_eff_pct,
                "albedo": p.albedo,
                "energy_mwh": res.map(|x| x.energy_mwh),
                "capacity_factor": res.map(|x| x.capacity_factor),
            })
        })
        .chain(s.wind_farms.iter().map(|f| {
            let res = r
                .plants
                .iter()
                .find(|x| x.kind == "wind" && x.name == f.name);
            let curve = f.turbine.power_curve();
            let turbine_name = match &f.turbine {
                crate::scenario::TurbineChoice::Library { name } => name.clone(),
                crate::scenario::TurbineChoice::Custom { name, .. } => name.clone(),
            };
            serde_json::json!({
                "kind": "wind",
                "name": f.name,
                "turbine": turbine_name,
                "turbine_rated_kw": f.turbine.rated_kw(),
                "turbine_count": f.turbine_count,
                "capacity_mw": res.map(|x| x.capacity_mw),
                "hub_height_m": f.hub_height_m,
                "measurement_height_m": f.measurement_height_m,
                "shear_exponent": f.shear_exponent,
                "losses_pct": f.losses_pct,
                "power_curve": curve.iter().map(|(v, p)| [*v, *p]).collect::<Vec<_>>(),
                "energy_mwh": res.map(|x| x.energy_mwh),
                "capacity_factor": res.map(|x| x.capacity_factor),
            })
        }))
        .collect();
    let (currency, kpis_in_currency) = crate::sim::kpi_registry::currency_json(&r.kpis);
    let mut doc = serde_json::json!({
        "program": "dakhla-planner",
        "program_version": env!("CARGO_PKG_VERSION"),
        "provenance": provenance(s, file.map(crate::scenario::base_dir).as_deref(), r),
        "scenario": {
            "name": s.meta.name,
            "file": file.map(|f| f.display().to_string()),
            "schema_version": s.schema_version,
        },
        "weather": {
            "source": r.weather.source,
            "steps": r.weather.len(),
            "step_min": r.weather.step_s / 60,
            "start_utc": format_utc(r.weather.start_unix_s),
        },
        "kpis": r.kpis,
        "capacity_check": r.capacity,
        "rack_groups": s.datacenter.rack_groups.iter().enumerate().map(|(i, g)| serde_json::json!({
            "name": g.name,
            "count": g.count,
            "kw_per_rack": g.kw_per_rack,
            "racks_fit_under_cap": r.capacity.group_racks_fit.get(i),
            "additional_racks_fit": r.capacity.group_additional_racks_fit.get(i),
        })).collect::<Vec<_>>(),
        "plants": plants,
        "costs": r.costs,
        "warnings": s
            .warnings_at(file.map(crate::scenario::base_dir).as_deref())
            .iter()
            .map(|w| format!("{}: {}", w.path, w.message))
            .chain(r.notes.iter().cloned())
            .collect::<Vec<_>>(),
    });
    add_currency(&mut doc, currency, kpis_in_currency);
    doc
}

/// `currency` (always) and `kpis_in_currency` (a currency other than USD) next to `kpis` in a
/// JSON document; the `_usd` keys stay in US dollars.
pub fn add_currency(
    doc: &mut serde_json::Value,
    currency: serde_json::Value,
    kpis_in_currency: Option<serde_json::Value>,
) {
    if let Some(o) = doc.as_object_mut() {
        o.insert("currency".into(), currency);
        if let Some(k) = kpis_in_currency {
            o.insert("kpis_in_currency".into(), k);
        }
    }
}

/// The KPIs of the per-year table of `simulate --years` (every weather-dependent KPI is in the
/// P50/P90 table below it).
const YEAR_TABLE_KPIS: [&str; 5] = [
    "facility_energy_mwh",
    "renewable_fraction",
    "cfe_score",
    "loss_of_load_hours",
    "backup_energy_mwh",
];

/// `v` with `decimals` decimals, for a person: exactly `format!("{v:.decimals$}")` in English
/// (as the text summaries always read, byte for byte), the French way in French ("1 234,5").
pub(crate) fn fig(v: f64, decimals: usize) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => format!("{v:.decimals$}"),
        _ => dakhla_i18n::number(v, decimals),
    }
}

/// A count for a person: "8760" in English, "8 760" in French.
pub(crate) fn count(n: usize) -> String {
    fig(n as f64, 0)
}

/// A share as a percentage with its sign: "91.40 %" (English, as always written), "91,40 %"
/// (French, a no-break space before the sign).
pub(crate) fn pct(share: f64, decimals: usize) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => format!("{:.decimals$} %", share * 100.0),
        _ => dakhla_i18n::percent(share, decimals),
    }
}

/// The width of a text column: `english` (the width the English text has always had) in
/// English; in another language wide enough for its longest `words` too.
pub fn column_width<S: AsRef<str>>(english: usize, words: impl IntoIterator<Item = S>) -> usize {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => english,
        _ => words
            .into_iter()
            .map(|w| w.as_ref().chars().count())
            .fold(english, usize::max),
    }
}

/// The scenario's name, or the words for a scenario without one.
fn title_of(s: &Scenario) -> String {
    if s.meta.name.is_empty() {
        tr!("cli-unnamed-scenario")
    } else {
        s.meta.name.clone()
    }
}

/// The readable table of `simulate --years`: each year's headline KPIs, then the P50, P90 and
/// worst year of every KPI that varies with the weather (labels, units and formats from the
/// KPI registry).
pub fn years_text(
    s: &Scenario,
    years: &[crate::sim::years::YearResult],
    dist: &std::collections::BTreeMap<String, crate::sim::years::Spread>,
) -> String {
    use crate::sim::kpi_registry::{kpi, with_unit};
    let english = dakhla_i18n::current() == dakhla_i18n::Lang::En;
    let title = title_of(s);
    let mut o = format!(
        "{title}\n  {}\n\n",
        tr!("cli-years-intro", years = count(years.len()))
    );
    let columns: Vec<_> = YEAR_TABLE_KPIS.iter().filter_map(|key| kpi(key)).collect();
    let heads: Vec<String> = columns.iter().map(|k| k.label_with_unit()).collect();
    let widths: Vec<usize> = heads.iter().map(|h| h.chars().count().max(10)).collect();
    let (year_word, calendar_word) = (tr!("cli-years-year"), tr!("cli-years-calendar"));
    let year_w = column_width(4, [&year_word]);
    let calendar_w = column_width(8, [&calendar_word]);
    o.push_str(&format!(
        "  {year_word:>year_w$}  {calendar_word:>calendar_w$}"
    ));
    for (h, w) in heads.iter().zip(&widths) {
        o.push_str(&format!("  {h:>w$}"));
    }
    o.push_str(&format!("  {}\n", tr!("cli-years-weather")));
    let na = tr!("value-na");
    for y in years {
        o.push_str(&format!(
            "  {:>year_w$}  {:>calendar_w$}",
            y.operating_year + 1,
            y.calendar_year
        ));
        for (k, w) in columns.iter().zip(&widths) {
            let shown = if english {
                k.format_number(&y.kpis)
            } else {
                k.shown(&y.kpis).map_or_else(
                    || na.clone(),
                    |v| crate::sim::kpi_registry::number_text(v, k.decimals),
                )
            };
            o.push_str(&format!("  {shown:>w$}"));
        }
        o.push_str(&format!("  {}\n", y.weather));
    }
    let rows: Vec<_> = crate::sim::years::distribution_kpis()
        .filter_map(|k| dist.get(k.key).map(|sp| (k, sp)))
        .collect();
    let label_w = column_width(
        36,
        rows.iter()
            .map(|(k, _)| k.label_text())
            .chain([tr!("cli-years-kpi").into()]),
    );
    o.push_str(&format!(
        "\n  {:<label_w$} {:>14} {:>14} {:>14}\n",
        tr!("cli-years-kpi"),
        "P50",
        "P90",
        tr!("cli-years-worst")
    ));
    // The spreads hold US dollars; money is shown in the scenario's currency.
    let money = crate::sim::kpis::Money::of(&s.economics);
    for (k, sp) in rows {
        let f = |v: f64| {
            if v.is_finite() {
                let v = if k.is_money() { money.from_usd(v) } else { v };
                let n = if english {
                    crate::sim::kpi_registry::fixed(v * k.scale, k.decimals)
                } else {
                    crate::sim::kpi_registry::number_text(v * k.scale, k.decimals)
                };
                with_unit(&n, &k.unit_in(money.currency))
            } else if english {
                "n/a".to_owned()
            } else {
                na.clone()
            }
        };
        o.push_str(&format!(
            "  {:<label_w$} {:>14} {:>14} {:>14}\n",
            k.label_text(),
            f(sp.p50),
            f(sp.p90),
            f(sp.worst)
        ));
    }
    o.push_str(&format!("\n  {}\n", tr!("cli-years-p90-note")));
    o
}

fn row(o: &mut String, width: usize, label: &str, value: String) {
    o.push_str(&format!("  {label:<width$} {value}\n"));
}

/// The design-day capacity check, shown before the Datacenter KPIs (summary and report): the
/// IT nameplate, and the facility design power against the cap.
pub(crate) fn design_rows(
    c: &dakhla_core::model::load::CapacityCheck,
) -> [(&'static str, String); 2] {
    [
        ("IT design (nameplate)", format!("{:.1} MW", c.it_design_mw)),
        (
            "Facility design at design-day PUE",
            format!(
                "{:.1} MW vs cap {:.0} MW, headroom {:.1} MW",
                c.facility_design_mw, c.cap_mw, c.headroom_mw
            ),
        ),
    ]
}

/// [`design_rows`] in the current language (the text summary and the report); English is
/// [`design_rows`] itself, byte for byte.
pub(crate) fn design_rows_text(
    c: &dakhla_core::model::load::CapacityCheck,
) -> [(String, String); 2] {
    if dakhla_i18n::current() == dakhla_i18n::Lang::En {
        return design_rows(c).map(|(label, value)| (label.to_owned(), value));
    }
    [
        (
            tr!("cli-summary-it-design"),
            format!("{} MW", fig(c.it_design_mw, 1)),
        ),
        (
            tr!("cli-summary-facility-design"),
            tr!(
                "cli-summary-facility-design-value",
                design = fig(c.facility_design_mw, 1),
                cap = fig(c.cap_mw, 0),
                headroom = fig(c.headroom_mw, 1)
            ),
        ),
    ]
}

/// The readable KPI summary printed by `simulate`: every KPI of the registry, section by
/// section, with the capacity check of the design day first.
pub fn summary_text(s: &Scenario, r: &Results) -> String {
    use crate::sim::kpi_registry::{KPIS, Section, in_section};
    let k = &r.kpis;
    let c = &r.capacity;
    let title = title_of(s);
    let mut o = format!(
        "{title}\n  {}\n",
        tr!(
            "cli-summary-weather",
            source = crate::weather::source_in_words(&r.weather.source),
            steps = count(r.weather.len()),
            minutes = count((r.weather.step_s / 60) as usize)
        )
    );
    let design = design_rows_text(c);
    let targets: Vec<_> = k.targets.iter().map(|t| (t, t.formatted())).collect();
    let width = column_width(
        36,
        design
            .iter()
            .map(|(l, _)| l.clone())
            .chain(KPIS.iter().map(|spec| spec.label_text().into_owned()))
            .chain(targets.iter().map(|(_, f)| f.label.to_string())),
    );
    for section in Section::ALL {
        o.push_str(&format!("\n{}\n", section.label_text()));
        if section == Section::Datacenter {
            for (label, value) in &design {
                row(&mut o, width, label, value.clone());
            }
        }
        for spec in in_section(section) {
            row(&mut o, width, &spec.label_text(), spec.format(k));
        }
    }
    if !targets.is_empty() {
        o.push_str(&format!("\n{}\n", tr!("cli-summary-targets")));
        for (t, f) in &targets {
            row(
                &mut o,
                width,
                &f.label,
                tr!(
                    "cli-summary-target",
                    value = f.value.as_str(),
                    operator = f.operator,
                    target = f.target.as_str(),
                    met = if t.met { "yes" } else { "no" }
                ),
            );
        }
    }
    for w in s.warnings() {
        o.push_str(&format!(
            "\n{}\n",
            tr!(
                "cli-warning",
                path = w.path.as_str(),
                message = w.message.as_str()
            )
        ));
    }
    for n in &r.notes {
        o.push_str(&format!(
            "\n{}\n",
            tr!("cli-warning-note", message = n.as_str())
        ));
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `simulate --hourly` output reads back as a weather CSV: its first columns are the ones
    /// the engine's CSV reader takes (the weather, under the reader's names).
    #[test]
    fn the_hourly_csv_reads_back_as_weather() {
        assert_eq!(
            &hourly_columns()[..6],
            &[
                "timestamp_utc",
                "ghi_w_m2",
                "dni_w_m2",
                "dhi_w_m2",
                "temp_air_c",
                "wind_speed_m_s"
            ]
        );
        let s = Scenario::dakhla_reference();
        let r = sim::Engine::new()
            .run(&s, Path::new("."))
            .expect("the reference runs");
        let mut bytes = Vec::new();
        write_hourly_csv(&r, &mut bytes).expect("written");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let (w, _) = weather::csv::parse_weather_csv(&text, "hourly.csv").expect("reads back");
        assert_eq!(w.ghi_w_m2.len(), r.weather.ghi_w_m2.len());
        assert_eq!(w.temp_air_c, r.weather.temp_air_c);
    }
}
