//! Money: the currency a scenario's costs are written in, the exchange rates that tie it to the
//! US dollar, and the regional cost sets its figures start from.
//!
//! - Every cost field of a scenario (capex, fuel, tariffs, carbon price) is in
//!   `economics.currency`; the field registry writes its unit with the generic currency sign
//!   (`¤/kW`, see [`CURRENCY_SIGN`]) and views put the code in its place (`MAD/kW`).
//! - The engine computes in US dollars: each cost is multiplied by
//!   [`Economics::usd_per_unit`](super::Economics::usd_per_unit) where it is read (exactly 1 for
//!   a USD scenario, so its results never move). The JSON keeps its `_usd` keys; views show
//!   money in the scenario's currency ([`Money`]).
//! - Converting a scenario to another currency is one explicit action ([`convert_costs`]:
//!   `migrate --currency MAD`, the window's Economics panel): a number never silently changes
//!   meaning.
//! - A cost set ([`CostBasis`], figures and sources in `assets/cost-sets/*.ron`) fills every
//!   cost field at once ([`apply_cost_set`]), converted with the scenario's own rates.

use super::{BackupKind, Scenario, fields};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The sign the field registry writes where a unit is "the scenario's currency" (`¤/kW`).
pub const CURRENCY_SIGN: char = '¤';

/// A currency a scenario can count in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    /// US dollar.
    #[default]
    #[serde(rename = "USD")]
    Usd,
    /// Euro.
    #[serde(rename = "EUR")]
    Eur,
    /// Moroccan dirham.
    #[serde(rename = "MAD")]
    Mad,
}

impl Currency {
    /// Every currency, in the order menus show them.
    pub const ALL: [Currency; 3] = [Currency::Usd, Currency::Eur, Currency::Mad];

    /// ISO 4217 code, as files and views write it: "MAD".
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Mad => "MAD",
        }
    }

    /// The code in lower case, as JSON keys and CSV headers write it (`lcoe_mad_per_mwh`).
    pub fn key(self) -> &'static str {
        match self {
            Currency::Usd => "usd",
            Currency::Eur => "eur",
            Currency::Mad => "mad",
        }
    }

    /// The currency of an ISO code, in any case ("mad", "MAD").
    pub fn parse(code: &str) -> Result<Currency, String> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
            .ok_or_else(|| {
                format!(
                    "`{}` is not a currency this program knows; use USD, EUR or MAD",
                    crate::text::shorten(code)
                )
            })
    }

    /// `unit` with the currency sign replaced by this currency's code ("¤/kW" -> "MAD/kW").
    pub fn unit(self, unit: &str) -> String {
        unit.replace(CURRENCY_SIGN, self.code())
    }

    /// A key or column name with `usd` replaced by this currency's key
    /// (`lcoe_usd_per_mwh` -> `lcoe_mad_per_mwh`).
    pub fn rekey(self, key: &str) -> String {
        rekey(key, self.key())
    }
}

/// `key` with its `usd` word (between underscores or at an end) replaced by `with`.
fn rekey(key: &str, with: &str) -> String {
    key.split('_')
        .map(|w| if w == "usd" { with } else { w })
        .collect::<Vec<_>>()
        .join("_")
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Units of each currency per US dollar on a date. Rates move: a scenario states its own, with
/// their date and source, and every view of money in another currency names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExchangeRates {
    /// The day the rates were taken, ISO 8601 (`2025-08-04`).
    pub as_of: String,
    /// Euros per US dollar.
    pub eur_per_usd: f64,
    /// Moroccan dirhams per US dollar.
    pub mad_per_usd: f64,
    /// Where the rates come from.
    pub source: String,
}

impl Default for ExchangeRates {
    fn default() -> Self {
        Self {
            as_of: fields::default_text("economics.exchange_rates.as_of").to_owned(),
            eur_per_usd: fields::default_number("economics.exchange_rates.eur_per_usd"),
            mad_per_usd: fields::default_number("economics.exchange_rates.mad_per_usd"),
            source: fields::default_text("economics.exchange_rates.source").to_owned(),
        }
    }
}

impl ExchangeRates {
    /// The rates' date as the current language writes dates ("04/08/2025" in French); the
    /// text as written when it is not a YYYY-MM-DD date.
    pub fn as_of_text(&self) -> String {
        let s = self.as_of.as_str();
        let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
        match (s.len() == 10, num(0..4), num(5..7), num(8..10)) {
            (true, Some(y), Some(m), Some(d)) => dakhla_i18n::date(i64::from(y), m, d),
            _ => crate::text::shorten(s).to_string(),
        }
    }

    /// Units of `currency` per US dollar (1 for USD).
    pub fn per_usd(&self, currency: Currency) -> f64 {
        match currency {
            Currency::Usd => 1.0,
            Currency::Eur => self.eur_per_usd,
            Currency::Mad => self.mad_per_usd,
        }
    }
}

/// The cost set a scenario's figures were taken from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CostBasis {
    /// Moroccan tenders and projects: wind, PV, batteries, gas, the grid tariff
    /// (`assets/cost-sets/morocco-2025.ron`, each figure with its source).
    Morocco2025,
    /// NREL Annual Technology Baseline 2024 (moderate, 2025) for solar, wind and batteries;
    /// the Danish Energy Agency for gas turbines and diesel engines. US costs. The default of
    /// a file that names no basis (every file before schema 4).
    #[default]
    NrelAtb2024,
    /// The Danish Energy Agency's technology catalogues, every technology. European costs.
    DanishEnergyAgency,
    /// The planner's own figures.
    Custom,
}

impl CostBasis {
    /// Every basis, in the order menus show them.
    pub const ALL: [CostBasis; 4] = [
        CostBasis::Morocco2025,
        CostBasis::NrelAtb2024,
        CostBasis::DanishEnergyAgency,
        CostBasis::Custom,
    ];

    /// The variant name, as in the scenario file.
    pub fn name(self) -> &'static str {
        match self {
            CostBasis::NrelAtb2024 => "NrelAtb2024",
            CostBasis::DanishEnergyAgency => "DanishEnergyAgency",
            CostBasis::Morocco2025 => "Morocco2025",
            CostBasis::Custom => "Custom",
        }
    }

    /// The set's figures and sources (`None` for `Custom`).
    pub fn set(self) -> Option<&'static CostSet> {
        let sets = cost_sets();
        match self {
            CostBasis::NrelAtb2024 => sets.first(),
            CostBasis::DanishEnergyAgency => sets.get(1),
            CostBasis::Morocco2025 => sets.get(2),
            CostBasis::Custom => None,
        }
    }
}

/// One figure of a cost set: the scenario field it fills, its value and currency, and where it
/// comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostFigure {
    /// The field's path in the registry (`economics.wind_per_kw.capex_per_kw`); for a backup
    /// entry, `backup[Kind].field` (`backup[GridImport].fuel_cost_per_mwh_th`) fills every
    /// entry of that kind.
    pub field: String,
    pub value: f64,
    /// The currency of `value` for a money field (converted with the scenario's rates);
    /// `None` for a share or a life.
    #[serde(default)]
    pub currency: Option<Currency>,
    /// The source, or `Assumption: ...` with the reasoning where none could be found.
    pub source: String,
}

impl CostFigure {
    /// Whether the figure is an assumption rather than a sourced value.
    pub fn is_assumption(&self) -> bool {
        self.source.trim_start().starts_with("Assumption")
    }
}

/// A documented set of cost figures (`assets/cost-sets/*.ron`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostSet {
    pub basis: CostBasis,
    /// What a person reads ("Morocco 2025").
    pub name: String,
    /// What the set is and how its figures were chosen.
    pub description: String,
    pub figures: Vec<CostFigure>,
}

/// The shipped cost sets, in [`CostBasis`] order (ATB, DEA, Morocco).
pub fn cost_sets() -> &'static [CostSet] {
    static SETS: std::sync::OnceLock<Vec<CostSet>> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        [
            include_str!("../../../../assets/cost-sets/nrel-atb-2024.ron"),
            include_str!("../../../../assets/cost-sets/danish-energy-agency.ron"),
            include_str!("../../../../assets/cost-sets/morocco-2025.ron"),
        ]
        .iter()
        // The sets are part of the program; their test parses each one.
        .filter_map(|text| ron::from_str(text).ok())
        .collect()
    })
}

/// The registry's money fields: those whose unit is in the scenario's currency, each path once
/// (a field with a spec per variant, such as a backup's fuel cost, is one field).
pub fn money_fields() -> impl Iterator<Item = &'static fields::FieldSpec> {
    let mut seen = std::collections::HashSet::new();
    fields::all().filter(move |f| f.unit.contains(CURRENCY_SIGN) && seen.insert(f.path))
}

/// Call `f` on every value at `path` (registry form: `[]` for every item of a list; `[Kind]`
/// for the backup entries of that kind) in `v`.
fn visit_numbers(v: &mut Value, path: &str, f: &mut dyn FnMut(&mut Value)) {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let (name, selector) = match head.split_once('[') {
        Some((n, s)) => (n, Some(s.trim_end_matches(']'))),
        None => (head, None),
    };
    let Some(child) = v.get_mut(name) else {
        return;
    };
    let mut go = |x: &mut Value| match rest {
        Some(r) => visit_numbers(x, r, f),
        None => f(x),
    };
    match selector {
        None => go(child),
        Some(sel) => {
            if let Value::Array(items) = child {
                for item in items {
                    let kind_ok =
                        sel.is_empty() || item.get("kind").and_then(Value::as_str) == Some(sel);
                    if kind_ok {
                        go(item);
                    }
                }
            }
        }
    }
}

fn scenario_value(s: &Scenario) -> Result<Value, String> {
    serde_json::to_value(s).map_err(|e| format!("cannot read the scenario's costs: {e}"))
}

fn scenario_from(v: Value) -> Result<Scenario, String> {
    serde_json::from_value(v).map_err(|e| format!("cannot write the scenario's costs: {e}"))
}

/// `scenario` with every cost converted to `to` at its own exchange rates and
/// `economics.currency` set to `to`. Shares, lives and rates are untouched; the results, in US
/// dollars, are the same up to rounding in the last digit.
pub fn convert_costs(scenario: &Scenario, to: Currency) -> Result<Scenario, String> {
    let rates = &scenario.economics.exchange_rates;
    let from = scenario.economics.currency;
    if from == to {
        return Ok(scenario.clone());
    }
    let (a, b) = (rates.per_usd(from), rates.per_usd(to));
    if !(a.is_finite() && a > 0.0 && b.is_finite() && b > 0.0) {
        return Err(format!(
            "cannot convert {from} to {to}: the exchange rates must be positive numbers \
             (economics.exchange_rates)"
        ));
    }
    let factor = b / a;
    let mut v = scenario_value(scenario)?;
    let mut finite = true;
    for spec in money_fields() {
        visit_numbers(&mut v, spec.path, &mut |x| {
            if let Some(n) = x.as_f64() {
                let m = round_money(n * factor);
                finite &= m.is_finite();
                *x = Value::from(m);
            }
        });
    }
    if !finite {
        return Err(format!(
            "cannot convert {from} to {to}: a cost would not be a finite number at these \
             exchange rates (economics.exchange_rates)"
        ));
    }
    let mut out = scenario_from(v)?;
    out.economics.currency = to;
    Ok(out)
}

/// A converted cost, rounded to 6 significant digits: an exchange rate is known to 3 or 4, and
/// a file should read `13797` rather than `13797.599999999999`.
pub fn round_money(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = 6 - 1 - v.abs().log10().floor() as i32;
    let p = 10f64.powi(digits.clamp(-12, 12));
    (v * p).round() / p
}

/// What applying a cost set did: (field, old value, new value) per changed number.
pub type SetChanges = Vec<(String, f64, f64)>;

/// `scenario` with every figure of `basis`'s set written in, money converted to the scenario's
/// currency at its rates, and `economics.cost_basis` set. `Custom` changes only the basis.
pub fn apply_cost_set(scenario: &Scenario, basis: CostBasis) -> Result<Scenario, String> {
    let Some(set) = basis.set() else {
        let mut out = scenario.clone();
        out.economics.cost_basis = basis;
        return Ok(out);
    };
    let rates = &scenario.economics.exchange_rates;
    let to = rates.per_usd(scenario.economics.currency);
    let mut v = scenario_value(scenario)?;
    for fig in &set.figures {
        let value = match fig.currency {
            Some(c) => round_money(fig.value / rates.per_usd(c) * to),
            None => fig.value,
        };
        visit_numbers(&mut v, &fig.field, &mut |x| *x = Value::from(value));
    }
    let mut out = scenario_from(v)?;
    out.economics.cost_basis = basis;
    Ok(out)
}

/// The figures of the scenario's cost set that its file no longer holds (edited by hand):
/// (field, the set's value in the scenario's currency, the scenario's value). Empty for
/// `Custom` or a scenario that holds its set exactly.
pub fn edited_figures(scenario: &Scenario) -> Vec<(String, f64, f64)> {
    let Ok(reference) = apply_cost_set(scenario, scenario.economics.cost_basis) else {
        return Vec::new();
    };
    let (Ok(mut a), Ok(mut b)) = (scenario_value(&reference), scenario_value(scenario)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let Some(set) = scenario.economics.cost_basis.set() else {
        return out;
    };
    for fig in &set.figures {
        let mut want = Vec::new();
        let mut have = Vec::new();
        visit_numbers(&mut a, &fig.field, &mut |x| want.extend(x.as_f64()));
        visit_numbers(&mut b, &fig.field, &mut |x| have.extend(x.as_f64()));
        for (w, h) in want.iter().zip(&have) {
            // Converted money is rounded to 6 significant digits (`round_money`): a figure
            // that went through another currency and back is not an edit.
            if (w - h).abs() > 1e-5 * w.abs().max(1e-9) {
                out.push((fig.field.clone(), *w, *h));
            }
        }
    }
    out
}

/// The money figures of a backup kind (fuel or import tariff, variable O&M), as
/// (field name, value in the currency of `e` at its rates): from the scenario's cost set, or
/// NREL ATB 2024 for `Custom`. What a new entry of that kind starts with.
pub fn backup_kind_costs(e: &super::Economics, kind: BackupKind) -> Vec<(String, f64)> {
    let set = e.cost_basis.set().or_else(|| CostBasis::NrelAtb2024.set());
    let prefix = format!("backup[{}].", kind.name());
    let to = e.exchange_rates.per_usd(e.currency);
    set.map(|set| {
        set.figures
            .iter()
            .filter_map(|f| {
                let field = f.field.strip_prefix(&prefix)?;
                let v = match f.currency {
                    Some(c) => round_money(f.value / e.exchange_rates.per_usd(c) * to),
                    None => f.value,
                };
                Some((field.to_owned(), v))
            })
            .collect()
    })
    .unwrap_or_default()
}

/// The figure `field` of the scenario's cost set (NREL ATB 2024 for `Custom`) in the currency
/// of `e` at its rates.
pub fn set_figure(e: &super::Economics, field: &str) -> Option<f64> {
    let set = e
        .cost_basis
        .set()
        .or_else(|| CostBasis::NrelAtb2024.set())?;
    let f = set.figures.iter().find(|f| f.field == field)?;
    let to = e.exchange_rates.per_usd(e.currency);
    Some(match f.currency {
        Some(c) => round_money(f.value / e.exchange_rates.per_usd(c) * to),
        None => f.value,
    })
}

/// How many numbers of `scenario` are money (each backup entry's fuel cost counts once).
pub fn money_figure_count(scenario: &Scenario) -> usize {
    let Ok(mut v) = scenario_value(scenario) else {
        return 0;
    };
    let mut n = 0;
    for spec in money_fields() {
        visit_numbers(&mut v, spec.path, &mut |x| n += usize::from(x.is_number()));
    }
    n
}

/// The kinds of backup a cost set's `backup[Kind]` figures may name.
pub fn backup_kind_of(field: &str) -> Option<BackupKind> {
    let sel = field.strip_prefix("backup[")?.split(']').next()?;
    [
        BackupKind::GasTurbine,
        BackupKind::DieselGenset,
        BackupKind::GridImport,
    ]
    .into_iter()
    .find(|k| k.name() == sel)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference campus in US dollars on NREL ATB 2024.
    fn reference() -> Scenario {
        crate::scenario::from_ron_str(crate::scenario::DAKHLA_REFERENCE_USD_RON, "reference")
            .expect("the reference parses")
    }

    #[test]
    fn currencies_parse_in_any_case_and_rekey_only_the_usd_word() {
        assert_eq!(Currency::parse("mad"), Ok(Currency::Mad));
        assert_eq!(Currency::parse(" EUR "), Ok(Currency::Eur));
        assert!(
            Currency::parse("GBP")
                .unwrap_err()
                .contains("USD, EUR or MAD")
        );
        assert_eq!(Currency::Mad.rekey("lcoe_usd_per_mwh"), "lcoe_mad_per_mwh");
        assert_eq!(Currency::Mad.rekey("capex_usd"), "capex_mad");
        assert_eq!(Currency::Eur.rekey("usd_total"), "eur_total");
        assert_eq!(Currency::Mad.rekey("usdx_usd"), "usdx_mad");
        assert_eq!(Currency::Mad.unit("¤/kW"), "MAD/kW");
    }

    #[test]
    fn every_cost_set_parses_fills_every_money_field_and_names_a_source() {
        let sets = cost_sets();
        assert_eq!(sets.len(), 3, "a cost set failed to parse");
        for (set, basis) in sets.iter().zip([
            CostBasis::NrelAtb2024,
            CostBasis::DanishEnergyAgency,
            CostBasis::Morocco2025,
        ]) {
            assert_eq!(set.basis, basis, "{} is in the wrong place", set.name);
            for fig in &set.figures {
                assert!(
                    fig.source.trim().len() > 20,
                    "{}: {} has no source",
                    set.name,
                    fig.field
                );
                let registry_path = match backup_kind_of(&fig.field) {
                    Some(k) => fig.field.replace(&format!("[{}]", k.name()), "[]"),
                    None => fig.field.clone(),
                };
                let spec = fields::spec(&registry_path)
                    .unwrap_or_else(|| panic!("{}: {} is no field", set.name, fig.field));
                assert_eq!(
                    spec.unit.contains(CURRENCY_SIGN),
                    fig.currency.is_some(),
                    "{}: {} says a currency exactly when it is money",
                    set.name,
                    fig.field
                );
            }
            // Every economics money field is in every set.
            for spec in money_fields().filter(|f| f.path.starts_with("economics.")) {
                assert!(
                    set.figures.iter().any(|f| f.field == spec.path),
                    "{} lacks {}",
                    set.name,
                    spec.path
                );
            }
        }
    }

    #[test]
    fn applying_a_set_writes_its_figures_in_the_scenario_currency() {
        let mut s = reference();
        s.economics.currency = Currency::Mad;
        s.economics.exchange_rates.mad_per_usd = 10.0;
        let m = apply_cost_set(&s, CostBasis::Morocco2025).unwrap();
        assert_eq!(m.economics.cost_basis, CostBasis::Morocco2025);
        let set = CostBasis::Morocco2025.set().unwrap();
        let wind = set
            .figures
            .iter()
            .find(|f| f.field == "economics.wind_per_kw.capex_per_kw")
            .unwrap();
        let in_mad = wind.value / s.economics.exchange_rates.per_usd(wind.currency.unwrap()) * 10.0;
        assert!((m.economics.wind_per_kw.capex_per_kw - in_mad).abs() < 1e-6 * in_mad);
        assert!(edited_figures(&m).is_empty());
        let mut edited = m.clone();
        edited.economics.wind_per_kw.capex_per_kw += 1.0;
        assert_eq!(edited_figures(&edited).len(), 1);
    }

    #[test]
    fn converting_costs_scales_money_only_and_round_trips() {
        let s = reference();
        let mad = convert_costs(&s, Currency::Mad).unwrap();
        let r = s.economics.exchange_rates.mad_per_usd;
        assert_eq!(mad.economics.currency, Currency::Mad);
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-5 * b.abs().max(1e-9);
        assert!(close(
            mad.economics.solar_per_kwac.capex_per_kw,
            s.economics.solar_per_kwac.capex_per_kw * r
        ));
        assert!(close(
            mad.backup[0].fuel_cost_per_mwh_th,
            s.backup[0].fuel_cost_per_mwh_th * r
        ));
        // Shares, lives and the discount rate do not move.
        assert_eq!(
            mad.economics.solar_per_kwac.fixed_om_pct_per_year,
            s.economics.solar_per_kwac.fixed_om_pct_per_year
        );
        assert_eq!(mad.economics.discount_rate, s.economics.discount_rate);
        assert_eq!(mad.backup[0].efficiency, s.backup[0].efficiency);
        let back = convert_costs(&mad, Currency::Usd).unwrap();
        assert!(close(
            back.economics.wind_per_kw.capex_per_kw,
            s.economics.wind_per_kw.capex_per_kw
        ));
        let mut bad = s.clone();
        bad.economics.exchange_rates.mad_per_usd = 0.0;
        assert!(convert_costs(&bad, Currency::Mad).is_err());
    }

    #[test]
    fn money_rounds_to_six_significant_digits() {
        assert_eq!(round_money(13797.599999999999), 13797.6);
        assert_eq!(round_money(0.123456789), 0.123457);
        assert_eq!(round_money(-2.5e7), -2.5e7);
        assert_eq!(round_money(0.0), 0.0);
    }
}
