//! Compare scenarios side by side: which inputs differ (by field path) and how the KPIs move
//! against the first scenario, the baseline. The functions return data; [`compare_text`] and
//! [`compare_json`] render it for `dakhla-planner compare`, and the GUI's Compare view reads the
//! same [`InputDifference`] and [`KpiRow`] values.
//!
//! Field paths use the notation of validation errors and `--set` (see
//! `scenario::apply_override`): `battery.energy_mwh`, `wind_farms[0].turbine_count`, and a field
//! inside an enum variant is reached without the variant's name (`weather.seed`,
//! `solar_plants[0].mounting.gcr`). Fields are listed in the order the scenario file writes them;
//! `meta.*` (names and notes) comes last.

use crate::scenario::Scenario;
use crate::sim::Results;
use dakhla_i18n::tr;
use serde::ser::{self, Serialize};
use std::path::Path;

/// One input that is not the same in all compared scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct InputDifference {
    /// Field path, as `--set` and validation errors write it (`wind_farms[0].turbine_count`).
    pub path: String,
    /// The value in each scenario, in RON notation (`600.0`, `"Dakhla PV"`, `Some(0.85)`,
    /// `SingleAxis`); `None` when the field or list entry does not exist in that scenario (a
    /// third wind farm only in one of them, a field of another enum variant).
    pub values: Vec<Option<String>>,
}

impl InputDifference {
    /// True for `meta.*` (name, description, author, team, notes): descriptive, not physics.
    pub fn is_metadata(&self) -> bool {
        self.path == "meta" || self.path.starts_with("meta.")
    }
}

/// The inputs that differ between `scenarios`, one entry per field path, in the order of the
/// scenario file (`meta.*` last). Lists of structs (plants, rack groups, backup units) are
/// compared entry by entry by position; lists of plain values (an hourly profile, a power
/// curve) are one value. When an enum's variant differs and a variant has fields (mounting
/// `Fixed` or `SingleAxis`, cooling, weather source, optimizer `Between`), the enum's own path
/// is listed with the variant names, followed by the fields that differ below it. Empty when
/// the scenarios are equal (and for fewer than two scenarios).
pub fn input_differences(scenarios: &[&Scenario]) -> Vec<InputDifference> {
    if scenarios.len() < 2 {
        return Vec::new();
    }
    let trees: Vec<Node> = scenarios.iter().map(|s| to_node(*s)).collect();
    let nodes: Vec<Option<&Node>> = trees.iter().map(Some).collect();
    let mut out = Vec::new();
    diff("", &nodes, &mut out);
    // Stable: physics inputs first, metadata after, each in file order.
    out.sort_by_key(InputDifference::is_metadata);
    out
}

/// One KPI of every compared scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiRow {
    /// Group heading, in English (the JSON's `section`): `Capacities`, `Datacenter`, `Energy`
    /// or `Cost and carbon`. [`KpiRow::section_text`] is the heading a person reads.
    pub section: &'static str,
    /// The key of this KPI under "kpis" in `simulate --json`. Capacities are not KPIs there and
    /// have keys of their own: `solar_capacity_mwdc`, `wind_capacity_mw`, `battery_energy_mwh`,
    /// `battery_power_mw`, `backup_capacity_mw`.
    pub key: &'static str,
    /// Readable name with the unit, e.g. `Facility energy [GWh]`, in the current language (the
    /// JSON's `label` is the English, see [`english_label`]).
    pub label: String,
    /// Unit of `values`. It is chosen for reading and may be a multiple of the unit in `key`:
    /// energies in GWh (key `..._mwh`), money in millions of the first scenario's currency
    /// (`M MAD`), CO2 in kt, shares in % (0..100).
    pub unit: std::borrow::Cow<'static, str>,
    /// Digits after the decimal point worth showing.
    pub decimals: usize,
    /// One value per scenario, in `unit`; NaN where the KPI does not exist (LCOE when nothing
    /// is served, a capacity factor without that technology). Money of every scenario is in
    /// the first one's currency, at its rate, so that the columns compare.
    pub values: Vec<f64>,
    /// For money: the values in US dollars, what the JSON gives under its `_usd` keys whatever
    /// the scenarios' currencies. None for other rows.
    pub usd: Option<Vec<f64>>,
    /// The unit of the JSON's values, in English (`M USD/yr`, `racks`).
    pub json_unit: &'static str,
}

impl KpiRow {
    /// Each value minus the first scenario's, in `unit` (0 for the first; NaN where either is
    /// missing). For a share in % this is a difference in percentage points.
    pub fn delta_vs_first(&self) -> Vec<f64> {
        deltas(&self.values)
    }

    /// The values as the JSON gives them (money in US dollars) and their unit.
    pub fn json_values(&self) -> (&[f64], &str) {
        (self.usd.as_deref().unwrap_or(&self.values), self.json_unit)
    }

    /// Each value's change against the first scenario in percent of the first, where that
    /// means something: not for shares already in % (see [`delta_vs_first`](Self::delta_vs_first),
    /// in points) nor when the first is zero or missing.
    pub fn percent_vs_first(&self) -> Vec<Option<f64>> {
        let base = self.values.first().copied().unwrap_or(f64::NAN);
        self.values
            .iter()
            .map(|v| {
                (self.unit != "%" && base.is_finite() && base != 0.0 && v.is_finite())
                    .then(|| (v - base) / base.abs() * 100.0)
            })
            .collect()
    }

    /// The group heading in the current language ("Capacities", "Capacités").
    pub fn section_text(&self) -> String {
        use dakhla_core::sim::kpi_registry::Section;
        match Section::ALL.into_iter().find(|s| s.label() == self.section) {
            Some(s) => s.label_text().into_owned(),
            None if self.section == CAPACITIES => tr!("compare-section-capacities"),
            None => self.section.to_owned(),
        }
    }

    /// A value as text with this row's decimals (`-` for a missing value), without the unit,
    /// as the current language writes figures ("1234.5", "1 234,5").
    pub fn format_value(&self, v: f64) -> String {
        if v.is_finite() {
            shown(v, self.decimals)
        } else {
            "-".to_owned()
        }
    }

    /// The change of scenario `i` against the first as text: `+12.3 %`, `+1.5 pts` for shares,
    /// or the difference in `unit` when the first is zero; `same` when the values are equal;
    /// empty for the first scenario and where a value is missing.
    pub fn format_delta(&self, i: usize) -> String {
        if i == 0 || i >= self.values.len() {
            return String::new();
        }
        let d = self.delta_vs_first()[i];
        if !d.is_finite() {
            return String::new();
        }
        if d == 0.0 {
            return tr!("compare-same");
        }
        if self.unit == "%" {
            return tr!("compare-points", value = signed(d, 1));
        }
        match self.percent_vs_first()[i] {
            Some(p) => format!("{} %", signed(p, 1)),
            None => format!("{} {}", signed(d, self.decimals), self.unit),
        }
    }
}

use dakhla_core::sim::kpi_registry::fixed;

/// Each value minus the first (NaN where either is missing).
fn deltas(values: &[f64]) -> Vec<f64> {
    let base = values.first().copied().unwrap_or(f64::NAN);
    values.iter().map(|v| v - base).collect()
}

/// `v` with `decimals` decimals for a person: [`fixed`] in English (as the table always read),
/// the current language's way otherwise ("1 234,5").
fn shown(v: f64, decimals: usize) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => fixed(v, decimals),
        _ => dakhla_i18n::number(v, decimals),
    }
}

/// [`shown`] with a sign (`+0.0` for no change).
fn signed(v: f64, decimals: usize) -> String {
    let t = shown(v, decimals);
    if t.starts_with('-') {
        t
    } else {
        format!("+{t}")
    }
}

/// The section of the capacities (inputs, shown before the KPIs).
const CAPACITIES: &str = "Capacities";

/// What is built, shown before the KPIs: (key, English label, its message, unit).
const CAPACITY_ROWS: [(&str, &str, &str, &str); 5] = [
    (
        "solar_capacity_mwdc",
        "Solar PV",
        "compare-cap-solar",
        "MWdc",
    ),
    ("wind_capacity_mw", "Wind", "compare-cap-wind", "MW"),
    (
        "battery_energy_mwh",
        "Battery energy",
        "compare-cap-battery-energy",
        "MWh",
    ),
    (
        "battery_power_mw",
        "Battery power",
        "compare-cap-battery-power",
        "MW",
    ),
    ("backup_capacity_mw", "Backup", "compare-cap-backup", "MW"),
];

/// The English label of row `key` with its unit, as the JSON gives it whatever the language
/// (`Facility energy [GWh]`); None for a key that is neither a capacity nor a KPI.
pub fn english_label(key: &str) -> Option<String> {
    if let Some((_, label, _, unit)) = CAPACITY_ROWS.iter().find(|c| c.0 == key) {
        return Some(format!("{label} [{unit}]"));
    }
    let k = dakhla_core::sim::kpi_registry::kpi(key)?;
    Some(if matches!(k.unit, "racks" | "cycles" | "-") {
        k.label.to_owned()
    } else {
        format!("{} [{}]", k.label, k.unit)
    })
}

/// The KPIs planners compare, for each (scenario, results) pair: what is built (capacities),
/// then every KPI of the registry ([`dakhla_core::sim::kpi_registry::KPIS`]) section by section.
/// Values are scaled for reading (see [`KpiRow::unit`]); money is in the first scenario's
/// currency for every column.
pub fn kpi_table(results: &[(&Scenario, &Results)]) -> Vec<KpiRow> {
    let money = results
        .first()
        .map(|(_, r)| r.kpis.money.clone())
        .unwrap_or_default();
    kpi_table_in(results, &money)
}

/// [`kpi_table`] with money in `money`'s currency: rows of several runs added one run at a
/// time (`compare` keeps no more than one run's series) stay in one currency.
pub fn kpi_table_in(
    results: &[(&Scenario, &Results)],
    money: &dakhla_core::sim::kpis::Money,
) -> Vec<KpiRow> {
    use dakhla_core::sim::kpi_registry::{Section, in_section};
    type Get = fn(&Scenario, &Results) -> f64;
    // What is built: inputs, not KPIs, shown first because every KPI follows from them (in
    // the order of CAPACITY_ROWS).
    let capacities: [Get; 5] = [
        |s, _| s.solar_plants.iter().map(|p| p.capacity_mwdc).sum(),
        |_, r| {
            r.plants
                .iter()
                .filter(|p| p.kind == "wind")
                .map(|p| p.capacity_mw)
                .sum()
        },
        |s, _| s.battery.energy_mwh,
        |s, _| s.battery.power_mw,
        |s, _| s.backup.iter().map(|b| b.capacity_mw).sum(),
    ];
    let mut rows: Vec<KpiRow> = CAPACITY_ROWS
        .iter()
        .zip(capacities)
        .map(|(&(key, _, message, unit), get)| KpiRow {
            section: CAPACITIES,
            key,
            label: tr!(message),
            unit: unit.into(),
            decimals: 0,
            values: results.iter().map(|(s, r)| get(s, r)).collect(),
            usd: None,
            json_unit: unit,
        })
        .collect();
    for section in Section::ALL {
        rows.extend(in_section(section).map(|k| {
            let usd = dakhla_core::sim::kpis::Money::default();
            KpiRow {
                section: section.label(),
                key: k.key,
                label: k.label_with_unit_in(money.currency),
                unit: k.unit_in(money.currency),
                decimals: k.decimals,
                values: results
                    .iter()
                    .map(|(_, r)| k.shown_in(&r.kpis, money).unwrap_or(f64::NAN))
                    .collect(),
                usd: k.is_money().then(|| {
                    results
                        .iter()
                        .map(|(_, r)| k.shown_in(&r.kpis, &usd).unwrap_or(f64::NAN))
                        .collect()
                }),
                json_unit: k.unit,
            }
        }));
    }
    rows
}

/// The side-by-side text of `dakhla-planner compare`: one column per scenario headed by
/// `names` (file names), the inputs that differ, then the KPIs with each change against the
/// first column.
pub fn compare_text(names: &[String], inputs: &[InputDifference], kpis: &[KpiRow]) -> String {
    let mut o = String::new();
    let Some(first) = names.first() else {
        return o;
    };
    o.push_str(&tr!(
        "compare-intro",
        count = super::count(names.len()),
        first = first.as_str()
    ));
    o.push_str("\n\n");
    inputs_text(&mut o, names, inputs);
    o.push('\n');
    kpis_text(&mut o, names, kpis);
    o
}

/// Longest value that still fits a column; longer ones go on lines of their own.
const MAX_CELL: usize = 32;

/// The width `text` takes in a column: its bytes in English (as the table always counted),
/// its characters in another language (accented words, U+202F in figures).
fn width(text: &str) -> usize {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => text.len(),
        _ => text.chars().count(),
    }
}

fn inputs_text(o: &mut String, names: &[String], inputs: &[InputDifference]) {
    let title = tr!("compare-inputs-title", count = super::count(inputs.len()));
    if inputs.is_empty() {
        o.push_str(&format!(
            "{title}\n  {}\n",
            tr!("compare-no-input-differences")
        ));
        return;
    }
    let cell = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_owned());
    let fits = |d: &InputDifference| d.values.iter().all(|v| width(&cell(v)) <= MAX_CELL);
    let path_w = inputs
        .iter()
        .filter(|d| fits(d))
        .map(|d| d.path.len() + 2)
        .chain([width(&title)])
        .max()
        .unwrap_or(0);
    let widths: Vec<usize> = (0..names.len())
        .map(|i| {
            inputs
                .iter()
                .filter(|d| fits(d))
                .filter_map(|d| d.values.get(i).map(|v| width(&cell(v))))
                .chain([width(&names[i])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut line = format!("{title:<path_w$}");
    for (n, w) in names.iter().zip(&widths) {
        line.push_str(&format!("   {n:<w$}"));
    }
    o.push_str(line.trim_end());
    o.push('\n');
    let name_w = names.iter().map(|n| width(n)).max().unwrap_or(0);
    let mut in_metadata = false;
    for d in inputs {
        if d.is_metadata() && !in_metadata {
            in_metadata = true;
            o.push_str(&format!("  {}\n", tr!("compare-metadata")));
        }
        if fits(d) {
            let mut line = format!("  {:<w$}", d.path, w = path_w - 2);
            for (i, w) in widths.iter().enumerate() {
                let v = d.values.get(i).map(cell).unwrap_or_default();
                line.push_str(&format!("   {v:<w$}"));
            }
            o.push_str(line.trim_end());
            o.push('\n');
        } else {
            o.push_str(&format!("  {}\n", d.path));
            for (i, n) in names.iter().enumerate() {
                let v = d.values.get(i).map(cell).unwrap_or_default();
                o.push_str(&format!("      {n:<name_w$}   {v}\n"));
            }
            if let Some(hint) = differing_entries(&d.values) {
                o.push_str(&format!("      {hint}\n"));
            }
        }
    }
    if inputs.iter().any(|d| d.values.iter().any(Option::is_none)) {
        o.push_str(&format!("  {}\n", tr!("compare-missing-note")));
    }
}

/// For long lists of the same length (an hourly profile, a power curve): which entries differ,
/// e.g. `differs at [13] of 24 entries`, so that one changed hour is easy to find.
fn differing_entries(values: &[Option<String>]) -> Option<String> {
    let lists: Vec<Vec<&str>> = values
        .iter()
        .flatten()
        .map(|v| v.split(", ").collect())
        .collect();
    let n = lists.first()?.len();
    if n < 4 || lists.iter().any(|l| l.len() != n) {
        return None;
    }
    let differ: Vec<String> = (0..n)
        .filter(|&i| lists.iter().any(|l| l[i] != lists[0][i]))
        .map(|i| format!("[{i}]"))
        .collect();
    if differ.is_empty() || differ.len() > 8 {
        return None;
    }
    Some(tr!(
        "compare-differs-at",
        entries = differ.join(", "),
        count = super::count(n)
    ))
}

fn kpis_text(o: &mut String, names: &[String], kpis: &[KpiRow]) {
    let title = tr!("compare-kpis");
    let label_w = kpis
        .iter()
        .map(|k| width(&k.label) + 2)
        .chain([width(&title)])
        .max()
        .unwrap_or(0);
    // Per column: width of the values and of the changes, then the whole cell.
    let n = names.len();
    let value_w: Vec<usize> = (0..n)
        .map(|i| {
            kpis.iter()
                .map(|k| k.values.get(i).map_or(1, |v| width(&k.format_value(*v))))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let delta_w: Vec<usize> = (0..n)
        .map(|i| {
            kpis.iter()
                .map(|k| width(&k.format_delta(i)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let cell_w: Vec<usize> = (0..n)
        .map(|i| {
            let inner = value_w[i] + if delta_w[i] > 0 { delta_w[i] + 2 } else { 0 };
            inner.max(width(&names[i]))
        })
        .collect();
    let mut line = format!("{title:<label_w$}");
    for (name, w) in names.iter().zip(&cell_w) {
        line.push_str(&format!("   {name:>w$}"));
    }
    o.push_str(line.trim_end());
    o.push('\n');
    let mut section = "";
    for k in kpis {
        if k.section != section {
            section = k.section;
            o.push_str(&format!("{}\n", k.section_text()));
        }
        let mut line = format!("  {:<w$}", k.label, w = label_w - 2);
        for i in 0..n {
            let v = k
                .values
                .get(i)
                .map_or("-".to_owned(), |v| k.format_value(*v));
            let cell = if delta_w[i] > 0 {
                format!(
                    "{v:>vw$}  {d:>dw$}",
                    vw = value_w[i],
                    d = k.format_delta(i),
                    dw = delta_w[i]
                )
            } else {
                v
            };
            line.push_str(&format!("   {cell:>w$}", w = cell_w[i]));
        }
        o.push_str(line.trim_end());
        o.push('\n');
    }
}

/// One compared scenario as the JSON document names it.
#[derive(Clone, Copy, Debug)]
pub struct ComparedRun<'a> {
    /// The file as given on the command line (or the tab's file in the GUI).
    pub file: &'a str,
    pub scenario: &'a Scenario,
    /// The folder relative weather paths resolve from (the scenario file's folder).
    pub base_dir: Option<&'a Path>,
    pub results: &'a Results,
}

/// What the comparison keeps of one run once it is simulated: the file, the scenario and its
/// provenance (the KPIs are in the [`KpiRow`]s), so that comparing many files does not hold
/// their hourly series.
#[derive(Clone, Copy, Debug)]
pub struct ComparedSummary<'a> {
    /// The file as given on the command line (or the tab's file in the GUI).
    pub file: &'a str,
    pub scenario: &'a Scenario,
    /// [`super::provenance`] of the run.
    pub provenance: &'a serde_json::Value,
}

/// The JSON document of `dakhla-planner compare --json`. Keys are a contract with scripts:
/// `scenarios` (`file`, `name`, `provenance` as in `simulate --json`), `input_differences`
/// (`path`, `values` with null where the field does not exist) and `kpis` (`key`, `label`,
/// `unit`, `values`, `delta_vs_first`; also `section` and `percent_vs_first`). Missing KPI
/// values are null.
pub fn compare_json(
    runs: &[ComparedRun<'_>],
    inputs: &[InputDifference],
    kpis: &[KpiRow],
) -> serde_json::Value {
    let provenances: Vec<serde_json::Value> = runs
        .iter()
        .map(|r| super::provenance(r.scenario, r.base_dir, r.results))
        .collect();
    let summaries: Vec<ComparedSummary<'_>> = runs
        .iter()
        .zip(&provenances)
        .map(|(r, p)| ComparedSummary {
            file: r.file,
            scenario: r.scenario,
            provenance: p,
        })
        .collect();
    compare_json_of(&summaries, inputs, kpis)
}

/// [`compare_json`] from the runs' summaries.
pub fn compare_json_of(
    runs: &[ComparedSummary<'_>],
    inputs: &[InputDifference],
    kpis: &[KpiRow],
) -> serde_json::Value {
    let num = |v: f64| {
        if v.is_finite() {
            serde_json::json!(v)
        } else {
            serde_json::Value::Null
        }
    };
    serde_json::json!({
        "program": "dakhla-planner",
        "program_version": env!("CARGO_PKG_VERSION"),
        "scenarios": runs.iter().map(|r| serde_json::json!({
            "file": r.file,
            "name": r.scenario.meta.name,
            "provenance": r.provenance,
        })).collect::<Vec<_>>(),
        "input_differences": inputs.iter().map(|d| serde_json::json!({
            "path": d.path,
            "values": d.values,
        })).collect::<Vec<_>>(),
        "kpis": kpis.iter().map(|k| {
            let (values, unit) = k.json_values();
            serde_json::json!({
                "section": k.section,
                "key": k.key,
                "label": english_label(k.key).unwrap_or_else(|| k.label.clone()),
                "unit": unit,
                "values": values.iter().map(|v| num(*v)).collect::<Vec<_>>(),
                "delta_vs_first": deltas(values).into_iter().map(num).collect::<Vec<_>>(),
                "percent_vs_first": k.percent_vs_first(),
            })
        }).collect::<Vec<_>>(),
    })
}

// ---------------------------------------------------------------------------------------------
// The scenario as a tree, in the order serde writes it.
//
// serde_json::Value (as `--set` uses) sorts object keys alphabetically in this build and cannot
// tell `Some(0.85)` from `0.85` nor the unit variant `Facility` from the text "Facility", so the
// scenario is serialized once more into this small tree that keeps all three.

/// A serialized value.
#[derive(Clone, Debug, PartialEq)]
enum Node {
    /// A number, bool, char or string, as RON writes it (`600.0`, `true`, `"Dakhla PV"`).
    Leaf(String),
    /// `()`, also the payload of a unit variant.
    Unit,
    None,
    Some(Box<Node>),
    /// A struct or map: (field, value) in serialization order.
    Struct(Vec<(String, Node)>),
    /// A list.
    Seq(Vec<Node>),
    /// A tuple (or tuple struct).
    Tuple(Vec<Node>),
    /// An enum variant with its payload (`Unit`, `Struct`, `Tuple` or a newtype's value).
    Variant(String, Box<Node>),
}

/// A field left out by `skip_serializing_if` (in the scenario, always an `Option` that is
/// `None`).
static SKIPPED: Node = Node::None;

impl Node {
    /// Compact RON text.
    fn ron(&self) -> String {
        let list = |items: &[Node]| items.iter().map(Node::ron).collect::<Vec<_>>().join(", ");
        let fields = |f: &[(String, Node)]| {
            f.iter()
                .map(|(k, v)| format!("{k}: {}", v.ron()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Node::Leaf(t) => t.clone(),
            Node::Unit => "()".to_owned(),
            Node::None => "None".to_owned(),
            Node::Some(x) => format!("Some({})", x.ron()),
            Node::Struct(f) => format!("({})", fields(f)),
            Node::Seq(items) => format!("[{}]", list(items)),
            Node::Tuple(items) => format!("({})", list(items)),
            Node::Variant(name, payload) => match &**payload {
                Node::Unit => name.clone(),
                Node::Struct(f) => format!("{name}({})", fields(f)),
                Node::Tuple(items) => format!("{name}({})", list(items)),
                other => format!("{name}({})", other.ron()),
            },
        }
    }

    /// True if it holds a struct (a list of these is compared entry by entry).
    fn has_fields(&self) -> bool {
        match self {
            Node::Struct(_) => true,
            Node::Variant(_, p) | Node::Some(p) => p.has_fields(),
            _ => false,
        }
    }
}

fn to_node<T: Serialize>(value: &T) -> Node {
    value
        .serialize(ToNode)
        .unwrap_or_else(|e| Node::Leaf(format!("<{e}>")))
}

fn child_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// One row with each value's whole compact RON text.
fn push_row(path: &str, nodes: &[Option<&Node>], out: &mut Vec<InputDifference>) {
    out.push(InputDifference {
        path: path.to_owned(),
        values: nodes.iter().map(|n| n.map(Node::ron)).collect(),
    });
}

/// Append the differences among `nodes` (one per scenario; `None` = does not exist there).
fn diff(path: &str, nodes: &[Option<&Node>], out: &mut Vec<InputDifference>) {
    let present: Vec<&Node> = nodes.iter().flatten().copied().collect();
    let Some(first) = present.first() else {
        return;
    };
    if present.len() == nodes.len() && present.iter().all(|n| n == first) {
        return;
    }
    if present.iter().all(|n| matches!(n, Node::Struct(_))) {
        let structs: Vec<TaggedFields> = nodes
            .iter()
            .map(|n| match n {
                Some(Node::Struct(f)) => Some(("", f.as_slice())),
                _ => None,
            })
            .collect();
        diff_fields(path, &structs, out);
        return;
    }
    if present.iter().all(|n| matches!(n, Node::Variant(..))) {
        let parts: Vec<Option<(&str, &Node)>> = nodes
            .iter()
            .map(|n| match n {
                Some(Node::Variant(name, payload)) => Some((name.as_str(), payload.as_ref())),
                _ => None,
            })
            .collect();
        // Variants with fields (and unit variants beside them): the variant, then the fields.
        let split = parts
            .iter()
            .flatten()
            .all(|(_, p)| matches!(p, Node::Struct(_) | Node::Unit))
            && parts
                .iter()
                .flatten()
                .any(|(_, p)| matches!(p, Node::Struct(f) if !f.is_empty()));
        if !split {
            push_row(path, nodes, out);
            return;
        }
        let first_name = parts.iter().flatten().map(|(name, _)| *name).next();
        if present.len() < nodes.len()
            || parts
                .iter()
                .flatten()
                .any(|(name, _)| Some(*name) != first_name)
        {
            out.push(InputDifference {
                path: path.to_owned(),
                values: parts
                    .iter()
                    .map(|p| p.map(|(name, _)| name.to_owned()))
                    .collect(),
            });
        }
        let structs: Vec<TaggedFields> = parts
            .iter()
            .map(|p| {
                p.map(|(name, payload)| match payload {
                    Node::Struct(f) => (name, f.as_slice()),
                    _ => (name, &[][..]),
                })
            })
            .collect();
        diff_fields(path, &structs, out);
        return;
    }
    if present.iter().all(|n| matches!(n, Node::Seq(_)))
        && present.iter().any(|n| match n {
            Node::Seq(items) => items.iter().any(Node::has_fields),
            _ => false,
        })
    {
        let len = present
            .iter()
            .map(|n| match n {
                Node::Seq(items) => items.len(),
                _ => 0,
            })
            .max()
            .unwrap_or(0);
        for i in 0..len {
            let children: Vec<Option<&Node>> = nodes
                .iter()
                .map(|n| match n {
                    Some(Node::Seq(items)) => items.get(i),
                    _ => None,
                })
                .collect();
            diff(&format!("{path}[{i}]"), &children, out);
        }
        return;
    }
    if present.len() == nodes.len()
        && present
            .iter()
            .all(|n| matches!(n, Node::Some(inner) if matches!(**inner, Node::Struct(_))))
    {
        let inner: Vec<Option<&Node>> = nodes
            .iter()
            .map(|n| match n {
                Some(Node::Some(x)) => Some(x.as_ref()),
                other => *other,
            })
            .collect();
        diff(path, &inner, out);
        return;
    }
    push_row(path, nodes, out);
}

/// The fields of a struct, tagged with its enum variant ("" for a plain struct); `None` where
/// the struct does not exist.
type TaggedFields<'a> = Option<(&'a str, &'a [(String, Node)])>;

/// [`diff`] of the fields of structs (each tagged with its enum variant, "" for a plain
/// struct). A field missing from a struct that others of the same variant have was skipped
/// when `None`; a field missing because the variant differs does not exist there.
fn diff_fields(path: &str, structs: &[TaggedFields], out: &mut Vec<InputDifference>) {
    let mut keys: Vec<&str> = Vec::new();
    for (_, fields) in structs.iter().flatten() {
        for (k, _) in fields.iter() {
            if !keys.contains(&k.as_str()) {
                keys.push(k);
            }
        }
    }
    for key in keys {
        let children: Vec<Option<&Node>> = structs
            .iter()
            .map(|s| {
                let (variant, fields) = s.as_ref()?;
                if let Some((_, v)) = fields.iter().find(|(k, _)| k == key) {
                    return Some(v);
                }
                let same_type_has_it = structs
                    .iter()
                    .flatten()
                    .any(|(other, f)| other == variant && f.iter().any(|(k, _)| k == key));
                same_type_has_it.then_some(&SKIPPED)
            })
            .collect();
        diff(&child_path(path, key), &children, out);
    }
}

/// Error of [`ToNode`] (a type whose `Serialize` fails; never for a scenario).
#[derive(Debug)]
struct NodeError(String);

impl std::fmt::Display for NodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NodeError {}

impl ser::Error for NodeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        NodeError(msg.to_string())
    }
}

/// A serde serializer that builds a [`Node`].
struct ToNode;

/// Builder of lists, tuples and tuple variants.
struct ListBuilder {
    items: Vec<Node>,
    tuple: bool,
    variant: Option<&'static str>,
}

/// Builder of structs, maps and struct variants.
struct FieldsBuilder {
    fields: Vec<(String, Node)>,
    variant: Option<&'static str>,
    key: Option<String>,
}

impl ListBuilder {
    fn done(self) -> Node {
        let node = if self.tuple {
            Node::Tuple(self.items)
        } else {
            Node::Seq(self.items)
        };
        match self.variant {
            Some(name) => Node::Variant(name.to_owned(), Box::new(node)),
            None => node,
        }
    }
}

impl FieldsBuilder {
    fn done(self) -> Node {
        let node = Node::Struct(self.fields);
        match self.variant {
            Some(name) => Node::Variant(name.to_owned(), Box::new(node)),
            None => node,
        }
    }
}

fn leaf(text: String) -> Result<Node, NodeError> {
    Ok(Node::Leaf(text))
}

impl ser::Serializer for ToNode {
    type Ok = Node;
    type Error = NodeError;
    type SerializeSeq = ListBuilder;
    type SerializeTuple = ListBuilder;
    type SerializeTupleStruct = ListBuilder;
    type SerializeTupleVariant = ListBuilder;
    type SerializeMap = FieldsBuilder;
    type SerializeStruct = FieldsBuilder;
    type SerializeStructVariant = FieldsBuilder;

    fn serialize_bool(self, v: bool) -> Result<Node, NodeError> {
        leaf(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<Node, NodeError> {
        leaf(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<Node, NodeError> {
        leaf(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<Node, NodeError> {
        leaf(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<Node, NodeError> {
        leaf(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<Node, NodeError> {
        leaf(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<Node, NodeError> {
        leaf(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<Node, NodeError> {
        leaf(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<Node, NodeError> {
        leaf(v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<Node, NodeError> {
        // Debug is the shortest text that reads back exactly, with a `.0` on whole numbers as
        // RON writes them.
        leaf(format!("{v:?}"))
    }
    fn serialize_f64(self, v: f64) -> Result<Node, NodeError> {
        leaf(format!("{v:?}"))
    }
    fn serialize_char(self, v: char) -> Result<Node, NodeError> {
        leaf(format!("{v:?}"))
    }
    fn serialize_str(self, v: &str) -> Result<Node, NodeError> {
        leaf(format!("{v:?}"))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Node, NodeError> {
        Ok(Node::Seq(
            v.iter().map(|b| Node::Leaf(b.to_string())).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Node, NodeError> {
        Ok(Node::None)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Node, NodeError> {
        Ok(Node::Some(Box::new(value.serialize(ToNode)?)))
    }
    fn serialize_unit(self) -> Result<Node, NodeError> {
        Ok(Node::Unit)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Node, NodeError> {
        Ok(Node::Unit)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Node, NodeError> {
        Ok(Node::Variant(variant.to_owned(), Box::new(Node::Unit)))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Node, NodeError> {
        value.serialize(ToNode)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Node, NodeError> {
        Ok(Node::Variant(
            variant.to_owned(),
            Box::new(value.serialize(ToNode)?),
        ))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<ListBuilder, NodeError> {
        Ok(ListBuilder {
            items: Vec::with_capacity(len.unwrap_or(0)),
            tuple: false,
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<ListBuilder, NodeError> {
        Ok(ListBuilder {
            items: Vec::with_capacity(len),
            tuple: true,
            variant: None,
        })
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<ListBuilder, NodeError> {
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<ListBuilder, NodeError> {
        Ok(ListBuilder {
            items: Vec::with_capacity(len),
            tuple: true,
            variant: Some(variant),
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<FieldsBuilder, NodeError> {
        Ok(FieldsBuilder {
            fields: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<FieldsBuilder, NodeError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<FieldsBuilder, NodeError> {
        Ok(FieldsBuilder {
            fields: Vec::with_capacity(len),
            variant: Some(variant),
            key: None,
        })
    }
}

impl ser::SerializeSeq for ListBuilder {
    type Ok = Node;
    type Error = NodeError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), NodeError> {
        self.items.push(value.serialize(ToNode)?);
        Ok(())
    }
    fn end(self) -> Result<Node, NodeError> {
        Ok(self.done())
    }
}

impl ser::SerializeTuple for ListBuilder {
    type Ok = Node;
    type Error = NodeError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), NodeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, NodeError> {
        Ok(self.done())
    }
}

impl ser::SerializeTupleStruct for ListBuilder {
    type Ok = Node;
    type Error = NodeError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), NodeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, NodeError> {
        Ok(self.done())
    }
}

impl ser::SerializeTupleVariant for ListBuilder {
    type Ok = Node;
    type Error = NodeError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), NodeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, NodeError> {
        Ok(self.done())
    }
}

impl ser::SerializeMap for FieldsBuilder {
    type Ok = Node;
    type Error = NodeError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), NodeError> {
        // A map key is a path segment: strings without their quotes.
        let text = match key.serialize(ToNode)? {
            Node::Leaf(t) => t.trim_matches('"').to_owned(),
            other => other.ron(),
        };
        self.key = Some(text);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), NodeError> {
        let key = self.key.take().unwrap_or_default();
        self.fields.push((key, value.serialize(ToNode)?));
        Ok(())
    }
    fn end(self) -> Result<Node, NodeError> {
        Ok(self.done())
    }
}

impl ser::SerializeStruct for FieldsBuilder {
    type Ok = Node;
    type Error = NodeError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NodeError> {
        self.fields.push((key.to_owned(), value.serialize(ToNode)?));
        Ok(())
    }
    fn end(self) -> Result<Node, NodeError> {
        Ok(self.done())
    }
}

impl ser::SerializeStructVariant for FieldsBuilder {
    type Ok = Node;
    type Error = NodeError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NodeError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<Node, NodeError> {
        Ok(self.done())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::apply_override;

    fn reference() -> Scenario {
        Scenario::dakhla_reference()
    }

    fn set(s: &Scenario, assignment: &str) -> Scenario {
        apply_override(s, assignment).unwrap()
    }

    fn find<'a>(d: &'a [InputDifference], path: &str) -> &'a InputDifference {
        d.iter()
            .find(|x| x.path == path)
            .unwrap_or_else(|| panic!("no {path} in {d:?}"))
    }

    fn some(t: &str) -> Option<String> {
        Some(t.to_owned())
    }

    #[test]
    fn two_changed_fields_give_exactly_their_paths_and_values() {
        let a = reference();
        let b = set(&a, "battery.energy_mwh=4000");
        let b = set(&b, "wind_farms[0].turbine_count=120");
        let d = input_differences(&[&a, &b]);
        let expected = vec![
            InputDifference {
                path: "wind_farms[0].turbine_count".into(),
                values: vec![
                    some(&a.wind_farms[0].turbine_count.to_string()),
                    some("120"),
                ],
            },
            InputDifference {
                path: "battery.energy_mwh".into(),
                values: vec![some(&format!("{:?}", a.battery.energy_mwh)), some("4000.0")],
            },
        ];
        // File order: wind_farms come before battery in the scenario.
        assert_eq!(d, expected);
    }

    #[test]
    fn identical_scenarios_have_no_differences() {
        let a = reference();
        assert!(input_differences(&[&a, &a.clone(), &a]).is_empty());
    }

    #[test]
    fn an_extra_list_entry_exists_in_one_scenario_only() {
        let a = reference();
        let mut b = a.clone();
        let mut extra = b.wind_farms[0].clone();
        extra.name = "Dakhla South wind".into();
        extra.turbine_count = 20;
        b.wind_farms.push(extra);
        let d = input_differences(&[&a, &b, &a]);
        let n = a.wind_farms.len();
        let name = find(&d, &format!("wind_farms[{n}].name"));
        assert_eq!(name.values, vec![None, some("\"Dakhla South wind\""), None]);
        let count = find(&d, &format!("wind_farms[{n}].turbine_count"));
        assert_eq!(count.values, vec![None, some("20"), None]);
        assert!(
            d.iter()
                .all(|x| x.path.starts_with(&format!("wind_farms[{n}]"))),
            "{d:?}"
        );
    }

    #[test]
    fn a_changed_enum_variant_is_listed_with_the_fields_below_it() {
        let a = reference();
        let b = set(
            &a,
            r#"solar_plants[0].mounting={"Fixed": {"tilt_deg": 20.0, "azimuth_deg": 180.0, "gcr": 0.4}}"#,
        );
        let d = input_differences(&[&a, &b]);
        let a_variant = match a.solar_plants[0].mounting {
            crate::scenario::Mounting::Fixed { .. } => "Fixed",
            crate::scenario::Mounting::SingleAxis { .. } => "SingleAxis",
        };
        assert_ne!(a_variant, "Fixed", "the reference uses trackers");
        let m = find(&d, "solar_plants[0].mounting");
        assert_eq!(m.values, vec![some(a_variant), some("Fixed")]);
        assert_eq!(
            d[0].path, "solar_plants[0].mounting",
            "the variant comes first"
        );
        let tilt = find(&d, "solar_plants[0].mounting.tilt_deg");
        assert_eq!(tilt.values, vec![None, some("20.0")]);
        let backtrack = find(&d, "solar_plants[0].mounting.backtrack");
        assert_eq!(backtrack.values[1], None);
        // Every path below the variant is one `--set` accepts on the scenario that has it.
        for x in &d {
            let (i, v) = x
                .values
                .iter()
                .enumerate()
                .find_map(|(i, v)| v.as_ref().map(|v| (i, v)))
                .unwrap();
            let s = if i == 0 { &a } else { &b };
            if x.path != "solar_plants[0].mounting" {
                apply_override(s, &format!("{}={v}", x.path)).unwrap();
            }
        }
    }

    #[test]
    fn a_weather_file_against_the_built_in_climate_shows_both_sides_fields() {
        let a = reference();
        let mut b = a.clone();
        b.weather = crate::scenario::WeatherSource::Epw {
            path: "weather/dakhla.epw".into(),
            sha256: None,
        };
        let mut c = b.clone();
        c.weather = crate::scenario::WeatherSource::Epw {
            path: "weather/dakhla.epw".into(),
            sha256: Some("ab".into()),
        };
        let d = input_differences(&[&a, &b, &c]);
        let paths: Vec<&str> = d.iter().map(|x| x.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "weather",
                "weather.seed",
                "weather.year",
                "weather.path",
                "weather.sha256"
            ]
        );
        assert_eq!(
            d[0].values,
            vec![some("Synthetic"), some("Epw"), some("Epw")]
        );
        assert_eq!(d[1].values[1], None);
        assert_eq!(
            d[4].values,
            vec![None, some("None"), some("Some(\"ab\")")],
            "a field left out of the file when None reads None, not absent"
        );
    }

    #[test]
    fn options_units_variants_and_strings_read_as_in_ron() {
        let a = reference();
        let b = set(&a, "targets.min_cfe_score=None");
        let b = set(&b, "datacenter.cap_applies_to=It");
        let b = set(&b, "site.name=\"Facility\"");
        let d = input_differences(&[&a, &b]);
        let cfe = find(&d, "targets.min_cfe_score");
        assert_eq!(
            cfe.values,
            vec![
                some(&format!("Some({:?})", a.targets.min_cfe_score.unwrap())),
                some("None")
            ]
        );
        assert_eq!(find(&d, "datacenter.cap_applies_to").values[1], some("It"));
        assert_eq!(find(&d, "site.name").values[1], some("\"Facility\""));
    }

    #[test]
    fn metadata_comes_last() {
        let a = reference();
        let b = set(&a, "meta.name=\"Team B\"");
        let b = set(&b, "battery.power_mw=123");
        let d = input_differences(&[&a, &b]);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].path, "battery.power_mw");
        assert_eq!(d[1].path, "meta.name");
        assert!(d[1].is_metadata());
    }

    #[test]
    fn kpi_deltas_of_identical_runs_are_zero() {
        let s = reference();
        let r = crate::sim::Engine::new()
            .run(&s, Path::new("."))
            .expect("the reference runs");
        let rows = kpi_table(&[(&s, &r), (&s, &r)]);
        assert!(rows.len() >= 20);
        for row in &rows {
            assert_eq!(row.values.len(), 2);
            let d = row.delta_vs_first();
            assert!(d[0] == 0.0 || d[0].is_nan(), "{row:?}");
            assert!(d[1] == 0.0 || row.values[0].is_nan(), "{row:?}");
            let shown = row.format_delta(1);
            assert!(shown == "same" || shown.is_empty(), "{row:?}");
        }
        // The JSON's labels (English whatever the language) are the English table's, money
        // in US dollars as the JSON's values (the table's are in the scenario's dirhams).
        for row in &rows {
            let label = match &row.usd {
                Some(usd) => {
                    let rate = r.kpis.money.per_usd;
                    for (v, d) in row.values.iter().zip(usd) {
                        assert!((v - d * rate).abs() <= 1e-9 * v.abs().max(1.0), "{row:?}");
                    }
                    row.label.replace("MAD", "USD")
                }
                None => row.label.clone(),
            };
            assert_eq!(english_label(row.key), Some(label), "{row:?}");
        }
        let rf = rows.iter().find(|k| k.key == "renewable_fraction").unwrap();
        assert_eq!(rf.values[0], r.kpis.renewable_fraction * 100.0);
        let text = compare_text(&["a.ron".into(), "b.ron".into()], &[], &rows);
        assert!(text.contains("no input differences"), "{text}");
        assert!(text.contains("same"), "{text}");
    }

    #[test]
    fn deltas_are_percent_or_points_against_the_first() {
        let row = KpiRow {
            section: "Energy",
            key: "backup_energy_mwh",
            label: "Backup energy [GWh]".into(),
            unit: "GWh".into(),
            decimals: 1,
            values: vec![200.0, 250.0, f64::NAN],
            usd: None,
            json_unit: "GWh",
        };
        assert_eq!(row.format_delta(1), "+25.0 %");
        assert_eq!(row.format_delta(2), "");
        let unchanged = KpiRow {
            values: vec![200.0, 200.0],
            ..row.clone()
        };
        assert_eq!(unchanged.format_delta(1), "same");
        let tiny = KpiRow {
            values: vec![200.0, 200.01],
            ..row.clone()
        };
        assert_eq!(tiny.format_delta(1), "+0.0 %");
        let share = KpiRow {
            unit: "%".into(),
            values: vec![80.0, 78.5],
            ..row.clone()
        };
        assert_eq!(share.format_delta(1), "-1.5 pts");
        let from_zero = KpiRow {
            values: vec![0.0, 3.3],
            ..row
        };
        assert_eq!(from_zero.format_delta(1), "+3.3 GWh");
    }
}
