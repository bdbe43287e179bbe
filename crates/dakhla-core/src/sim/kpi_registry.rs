//! The KPI registry: one definition of every key figure of a run (key, label, unit, scale and
//! format, which direction is better, section, help, whether it varies with the weather, and how
//! to read it from [`Kpis`]).
//!
//! Every view of the KPIs is generated from [`KPIS`]: the text summary, `compare`, the export
//! report, the multi-year distribution, the GUI cards and `dakhla-planner describe kpis`. The
//! JSON (`simulate --json`) is [`Kpis`] serialized, whose bytes are a contract; a test holds
//! every numeric field of it to exactly one entry here. A new KPI is a field of [`Kpis`] and one
//! entry here.
//!
//! Keys are the JSON keys of `simulate --json` (`kpis.<key>`), a contract with scripts.

use super::kpis::Kpis;
use serde::Serialize;

/// Which way a KPI is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// More is better (renewable fraction, CFE score).
    Higher,
    /// Less is better (cost, emissions, unmet load).
    Lower,
    /// Neither: a size or a flow that describes the design (racks planned, battery throughput).
    Neither,
}

/// The group a KPI is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Racks, IT and facility power and energy, PUE.
    Datacenter,
    /// Where the energy comes from: solar, wind, battery, backup, unmet load, shares.
    Energy,
    /// Capex, opex, annualized and net present cost, cost of energy, CO2.
    CostAndCarbon,
}

impl Better {
    /// The word scripts read (`better` in `describe kpis --json`).
    pub fn key(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
            Better::Neither => "neither",
        }
    }
}

impl Section {
    /// Every section, in the order views show them.
    pub const ALL: [Section; 3] = [Section::Datacenter, Section::Energy, Section::CostAndCarbon];

    /// Heading a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Section::Datacenter => "Datacenter",
            Section::Energy => "Energy",
            Section::CostAndCarbon => "Cost and carbon",
        }
    }

    /// The catalogs' id of the heading: `kpi-section-datacenter`.
    pub fn message_id(self) -> String {
        let key = match self {
            Section::Datacenter => "datacenter",
            Section::Energy => "energy",
            Section::CostAndCarbon => "cost_and_carbon",
        };
        format!("kpi-section-{key}")
    }

    /// The heading in the current language.
    pub fn label_text(self) -> std::borrow::Cow<'static, str> {
        crate::scenario::fields::translated(&self.message_id(), self.label())
    }
}

/// One KPI.
#[derive(Clone, Copy, Debug)]
pub struct KpiSpec {
    /// JSON key (`kpis.<key>` in `simulate --json`), a contract with scripts.
    pub key: &'static str,
    /// What a person reads, without the unit ("Renewable fraction").
    pub label: &'static str,
    /// Unit of the shown value (after `scale`): "GWh", "%", "M USD/yr"; "-" for a ratio.
    pub unit: &'static str,
    /// Shown value = stored value × scale (MWh → GWh is 1e-3, a fraction → % is 100).
    pub scale: f64,
    /// Digits after the decimal point when shown.
    pub decimals: usize,
    /// Which way is better.
    pub better: Better,
    /// Where it is shown.
    pub section: Section,
    /// One or two sentences for a tooltip or a report: what it is and how it is computed.
    pub help: &'static str,
    /// Whether it changes from one weather year to the next (and so has a P50/P90 over years).
    pub weather_dependent: bool,
    /// The stored value (in the unit of the key: MWh, USD, a fraction); `None` where it does
    /// not exist (a capacity factor without the plant, LCOE with nothing served).
    pub get: fn(&Kpis) -> Option<f64>,
    /// A headline KPI gets a card on the GUI's main view and in the report's headline.
    pub card: Option<Card>,
}

/// How a headline KPI is shown on its card: its label, value and help, a target's status when
/// the scenario sets one on it, and the line below the value.
#[derive(Clone, Copy, Debug)]
pub struct Card {
    /// Another KPI shown under the value (its label and value), as context.
    pub detail: Option<&'static str>,
    /// Whether the value is within a physical limit, when no target is set on it (the racks
    /// fit under the cap, the peak under the cap, no load unmet): the card is marked good or
    /// bad by it.
    pub within_limit: Option<fn(&Kpis) -> bool>,
    /// The card is shown only for runs where this holds (or its baseline's), e.g. shifted
    /// energy only with flexible compute; `None`: always.
    pub only_when: Option<fn(&Kpis) -> bool>,
}

impl Card {
    const PLAIN: Card = Card {
        detail: None,
        within_limit: None,
        only_when: None,
    };
    const fn with_detail(key: &'static str) -> Card {
        Card {
            detail: Some(key),
            within_limit: None,
            only_when: None,
        }
    }
}

impl KpiSpec {
    /// The stored value, `None` where the KPI does not exist for this run.
    pub fn value(&self, k: &Kpis) -> Option<f64> {
        (self.get)(k)
    }

    /// The shown value (stored × scale), money in the run's currency.
    pub fn shown(&self, k: &Kpis) -> Option<f64> {
        self.shown_in(k, &k.money)
    }

    /// The shown value with money in `money`'s currency.
    pub fn shown_in(&self, k: &Kpis, money: &super::kpis::Money) -> Option<f64> {
        self.value(k).map(|v| {
            if self.is_money() {
                money.from_usd(v) * self.scale
            } else {
                v * self.scale
            }
        })
    }

    /// Whether the KPI is money (its key has the word `usd`: stored in US dollars, shown in the
    /// scenario's currency).
    pub fn is_money(&self) -> bool {
        self.key.split('_').any(|w| w == "usd")
    }

    /// The unit shown in `currency` ("M MAD/yr" for "M USD/yr").
    pub fn unit_in(
        &self,
        currency: crate::scenario::money::Currency,
    ) -> std::borrow::Cow<'static, str> {
        let unit = if self.is_money() && currency != crate::scenario::money::Currency::Usd {
            std::borrow::Cow::Owned(self.unit.replace("USD", currency.code()))
        } else {
            std::borrow::Cow::Borrowed(self.unit)
        };
        unit_words(unit)
    }

    /// The shown value as text with its decimals ("91.4"), "n/a" where it does not exist.
    pub fn format_number(&self, k: &Kpis) -> String {
        match self.shown(k) {
            Some(v) => fixed(v, self.decimals),
            None => "n/a".to_owned(),
        }
    }

    /// The shown value with its unit ("91.4 %", "1.154", "8300 racks"), money in the run's
    /// currency.
    pub fn format(&self, k: &Kpis) -> String {
        match self.shown(k) {
            Some(v) => with_unit(
                &number_text(v, self.decimals),
                &self.unit_in(k.money.currency),
            ),
            None => dakhla_i18n::tr!("value-na"),
        }
    }

    /// The label with its unit in brackets ("Curtailed [GWh]"); a count names its unit already
    /// ("Racks planned") and a ratio has none. In the current language, money in US dollars.
    pub fn label_with_unit(&self) -> String {
        self.label_with_unit_in(crate::scenario::money::Currency::Usd)
    }

    /// [`label_with_unit`](Self::label_with_unit) with money in `currency` ("Capex [M MAD]").
    pub fn label_with_unit_in(&self, currency: crate::scenario::money::Currency) -> String {
        if matches!(self.unit, "racks" | "cycles" | "-") {
            self.label_text().into_owned()
        } else {
            format!("{} [{}]", self.label_text(), self.unit_in(currency))
        }
    }

    /// The catalogs' id of this KPI's messages (`locales/*/kpis.ftl`): `kpi-cfe_score`; its
    /// value is the label, `.help` the help.
    pub fn message_id(&self) -> String {
        format!("kpi-{}", self.key)
    }

    /// The label in the current language.
    pub fn label_text(&self) -> std::borrow::Cow<'static, str> {
        crate::scenario::fields::translated(&self.message_id(), self.label)
    }

    /// The help in the current language.
    pub fn help_text(&self) -> std::borrow::Cow<'static, str> {
        crate::scenario::fields::translated(&format!("{}.help", self.message_id()), self.help)
    }

    /// Whether a shown change of `delta` is an improvement (`None` when neither way is).
    pub fn is_improvement(&self, delta: f64) -> Option<bool> {
        match self.better {
            Better::Higher => Some(delta > 0.0),
            Better::Lower => Some(delta < 0.0),
            Better::Neither => None,
        }
    }
}

/// A target as a person reads it: the KPI's label, `>=` or `<=`, the value and the target in
/// the KPI's unit and format ("91.4 %", "0.0 MWh").
#[derive(Clone, Debug, PartialEq)]
pub struct FormattedTarget {
    pub label: std::borrow::Cow<'static, str>,
    pub operator: &'static str,
    pub value: String,
    pub target: String,
}

impl super::kpis::TargetStatus {
    /// This target in the words and format of its KPI (the KPI key itself if the registry has
    /// no such KPI, which a test rules out for every target a scenario can set).
    pub fn formatted(&self) -> FormattedTarget {
        let spec = kpi(&self.kpi);
        let show = |v: f64| match spec {
            Some(k) => with_unit(&number_text(v * k.scale, k.decimals), k.unit),
            None => crate::text::number(v),
        };
        FormattedTarget {
            label: spec.map_or(std::borrow::Cow::Borrowed("target"), |k| k.label_text()),
            operator: if self.kind == "min" { ">=" } else { "<=" },
            value: show(self.value),
            target: show(self.target),
        }
    }
}

/// A card as shown: title, value, the line below it, good (true), bad (false) or neither, and
/// the help for its tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownCard {
    /// The KPI's key.
    pub key: &'static str,
    pub title: std::borrow::Cow<'static, str>,
    pub value: String,
    pub detail: String,
    pub status: Option<bool>,
    pub help: std::borrow::Cow<'static, str>,
    /// The change against a baseline run in the card's unit and decimals ("+12.3 GWh"), when
    /// one is given and the shown value differs.
    pub delta: Option<String>,
    /// Whether that change is an improvement (`None`: neither way is better).
    pub delta_better: Option<bool>,
}

/// The cards of the headline KPIs of a run, in registry order. A target set on a KPI decides
/// its card's status and is written below the value ("target >= 85.0 %: MET").
pub fn cards(k: &Kpis) -> Vec<ShownCard> {
    cards_against(k, None)
}

/// [`cards`] with each card's change against `baseline` (the run a planner pinned, or the file
/// as opened), counted on the shown values so that "+0.0" never appears.
pub fn cards_against(k: &Kpis, baseline: Option<&Kpis>) -> Vec<ShownCard> {
    KPIS.iter()
        .filter_map(|spec| spec.card.map(|c| (spec, c)))
        .filter(|(_, c)| {
            c.only_when
                .is_none_or(|shown| shown(k) || baseline.is_some_and(shown))
        })
        .map(|(spec, c)| {
            let target = k.targets.iter().find(|t| t.kpi == spec.key);
            let mut detail: Vec<String> = Vec::new();
            if let Some(other) = c.detail.and_then(kpi) {
                detail.push(format!("{} {}", other.label_text(), other.format(k)));
            }
            if let Some(t) = target {
                let f = t.formatted();
                detail.push(dakhla_i18n::tr!(
                    "kpi-target-line",
                    operator = f.operator,
                    target = f.target,
                    met = if t.met { "yes" } else { "no" }
                ));
            }
            let delta = baseline.and_then(|b| {
                let now: f64 = fixed(spec.shown(k)?, spec.decimals).parse().ok()?;
                // The baseline in this run's currency (it may have been run in another).
                let then: f64 = fixed(spec.shown_in(b, &k.money)?, spec.decimals)
                    .parse()
                    .ok()?;
                let d = now - then;
                let shown = number_text(d, spec.decimals);
                (shown
                    .trim_start_matches('-')
                    .chars()
                    .any(|c| c.is_ascii_digit() && c != '0'))
                .then(|| {
                    (
                        with_unit(
                            &format!("{}{shown}", if d > 0.0 { "+" } else { "" }),
                            &spec.unit_in(k.money.currency),
                        ),
                        d,
                    )
                })
            });
            ShownCard {
                key: spec.key,
                title: spec.label_text(),
                value: spec.format(k),
                delta_better: delta.as_ref().and_then(|(_, d)| spec.is_improvement(*d)),
                delta: delta.map(|(t, _)| t),
                detail: detail.join(" · "),
                status: target
                    .map(|t| t.met)
                    .or_else(|| c.within_limit.map(|ok| ok(k))),
                help: spec.help_text(),
            }
        })
        .collect()
}

/// Judge the target cards on the weather years when a multi-year run of the same inputs exists
/// (`years`: the KPIs of each year): the status is that of the P90 (the value met in 90 % of
/// years), and the line below says P50, P90 and in how many years the target was met, so the
/// headline never contradicts the years.
pub fn judge_on_years(cards: &mut [ShownCard], design: &Kpis, years: &[&Kpis]) {
    if years.is_empty() {
        return;
    }
    for card in cards.iter_mut() {
        let Some(t) = design.targets.iter().find(|t| t.kpi == card.key) else {
            continue;
        };
        let Some(spec) = kpi(card.key) else {
            continue;
        };
        let mut v: Vec<f64> = years.iter().filter_map(|k| spec.value(k)).collect();
        if v.is_empty() {
            continue;
        }
        v.sort_by(f64::total_cmp);
        let at_least = t.kind == "min";
        let p50 = crate::sim::years::percentile_sorted(&v, 0.5);
        let p90 = crate::sim::years::percentile_sorted(&v, if at_least { 0.10 } else { 0.90 });
        let met_years = years
            .iter()
            .filter(|k| k.targets.iter().any(|x| x.kpi == t.kpi && x.met))
            .count();
        let p90_met = if at_least {
            p90 >= t.target - 1e-12
        } else {
            p90 <= t.target + 1e-12
        };
        let show = |x: f64| with_unit(&number_text(x * spec.scale, spec.decimals), spec.unit);
        let f = t.formatted();
        card.status = Some(p90_met);
        card.detail = dakhla_i18n::tr!(
            "kpi-target-years-line",
            p50 = show(p50),
            p90 = show(p90),
            operator = f.operator,
            target = f.target,
            met_years = met_years,
            years = years.len(),
            met = if p90_met { "yes" } else { "no" }
        );
    }
}

/// `v` with `decimals` digits as the current language writes numbers ("1234.5", "1 234,5"),
/// never `-0`: for people. [`fixed`] is for text that is parsed back.
pub fn number_text(v: f64, decimals: usize) -> String {
    dakhla_i18n::number(v, decimals)
}

/// `v` with `decimals` digits, never `-0` (always with a decimal point: for text read back).
pub fn fixed(v: f64, decimals: usize) -> String {
    let t = format!("{v:.decimals$}");
    if t.starts_with('-') && t[1..].chars().all(|c| c == '0' || c == '.') {
        t[1..].to_owned()
    } else {
        t
    }
}

/// A number and its unit: "91.4 %", "1.154" (a ratio shows no unit), "8300 racks".
/// A unit in the current language: the words in it ("racks", "cycles", "/yr", "/day") from the
/// catalogs; symbols (GWh, %, MAD) stay as they are. English gives `unit` back unchanged.
pub fn unit_words(unit: std::borrow::Cow<'static, str>) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    if dakhla_i18n::current() == dakhla_i18n::Lang::En {
        return unit;
    }
    match unit.as_ref() {
        "racks" => Cow::Owned(dakhla_i18n::tr!("core-unit-racks")),
        "cycles" => Cow::Owned(dakhla_i18n::tr!("core-unit-cycles")),
        u => {
            if let Some(head) = u.strip_suffix("/yr") {
                Cow::Owned(format!("{head}{}", dakhla_i18n::tr!("core-unit-per-year")))
            } else if let Some(head) = u.strip_suffix("/day") {
                Cow::Owned(format!("{head}{}", dakhla_i18n::tr!("core-unit-per-day")))
            } else {
                unit
            }
        }
    }
}

pub fn with_unit(number: &str, unit: &str) -> String {
    match unit {
        "-" | "" => number.to_owned(),
        u => format!("{number} {u}"),
    }
}

/// The `currency` object of the JSON outputs and, for a currency other than USD, the
/// `kpis_in_currency` object: every money KPI with `usd` in its key replaced by the currency's
/// code (`lcoe_mad_per_mwh`, `capex_mad`) and its value converted.
pub fn currency_json(k: &Kpis) -> (serde_json::Value, Option<serde_json::Value>) {
    let c = k.money.currency;
    let in_currency = (c != crate::scenario::money::Currency::Usd).then(|| {
        KPIS.iter()
            .filter(|s| s.is_money())
            .map(|s| {
                (
                    c.rekey(s.key),
                    match s.value(k) {
                        Some(v) => serde_json::json!(k.money.from_usd(v)),
                        None => serde_json::Value::Null,
                    },
                )
            })
            .collect::<serde_json::Map<_, _>>()
            .into()
    });
    (k.money.to_json(), in_currency)
}

/// The English catalog of the KPI registry (`locales/en/kpis.ftl`): the sections' headings and
/// every KPI's label and help, in registry order (see `fields::english_catalog`).
pub fn english_catalog() -> String {
    let mut out = String::from(
        "# dakhla-planner: the KPIs of the KPI registry, in English.\n\
         # Written from crates/dakhla-core/src/sim/kpi_registry.rs (the registry is the English):\n\
         # DAKHLA_UPDATE_GOLDENS=1 cargo test -p dakhla-core --lib english_catalogs rewrites it.\n\
         # locales/fr/kpis.ftl translates every message and attribute.\n\n",
    );
    for s in Section::ALL {
        out.push_str(&format!(
            "{} = {}\n",
            s.message_id(),
            dakhla_i18n::escape(s.label())
        ));
    }
    for k in KPIS {
        out.push('\n');
        out.push_str(&format!(
            "{} = {}\n",
            k.message_id(),
            dakhla_i18n::escape(k.label)
        ));
        out.push_str(&format!("    .help = {}\n", dakhla_i18n::escape(k.help)));
    }
    out
}

/// The KPI of `key`, if there is one.
pub fn kpi(key: &str) -> Option<&'static KpiSpec> {
    KPIS.iter().find(|k| k.key == key)
}

/// The KPIs of a section, in registry order.
pub fn in_section(section: Section) -> impl Iterator<Item = &'static KpiSpec> {
    KPIS.iter().filter(move |k| k.section == section)
}

const GWH: f64 = 1e-3;
const PERCENT: f64 = 100.0;
const MILLION: f64 = 1e-6;

/// Every KPI, in the order views show them (section by section).
pub static KPIS: &[KpiSpec] = &[
    KpiSpec {
        key: "racks_total",
        label: "Racks planned",
        unit: "racks",
        scale: 1.0,
        decimals: 0,
        better: Better::Neither,
        section: Section::Datacenter,
        help: "Racks of every group online in the simulated year.",
        weather_dependent: false,
        get: |k| Some(k.racks_total as f64),
        card: None,
    },
    KpiSpec {
        key: "racks_fit_under_cap",
        label: "Racks that fit under the cap",
        unit: "racks",
        scale: 1.0,
        decimals: 0,
        better: Better::Higher,
        section: Section::Datacenter,
        help: "Racks whose design-day facility power (nameplate × design PUE) fits under the facility power cap, groups taken in order.",
        weather_dependent: false,
        get: |k| Some(k.racks_fit_under_cap as f64),
        card: Some(Card {
            detail: Some("racks_total"),
            within_limit: Some(|k| k.racks_fit_under_cap >= k.racks_total),
            only_when: None,
        }),
    },
    KpiSpec {
        key: "peak_it_mw",
        label: "Peak IT power",
        unit: "MW",
        scale: 1.0,
        decimals: 1,
        better: Better::Neither,
        section: Section::Datacenter,
        help: "Highest hourly IT power of the year.",
        weather_dependent: false,
        get: |k| Some(k.peak_it_mw),
        card: None,
    },
    KpiSpec {
        key: "facility_power_cap_mw",
        label: "Facility power cap",
        unit: "MW",
        scale: 1.0,
        decimals: 1,
        better: Better::Neither,
        section: Section::Datacenter,
        help: "The campus's grid or design limit on facility power (datacenter.facility_power_cap_mw).",
        weather_dependent: false,
        get: |k| Some(k.facility_power_cap_mw),
        card: None,
    },
    KpiSpec {
        key: "peak_facility_mw",
        label: "Peak facility power",
        unit: "MW",
        scale: 1.0,
        decimals: 1,
        better: Better::Lower,
        section: Section::Datacenter,
        help: "Highest hourly facility power of the year (IT × PUE).",
        weather_dependent: true,
        get: |k| Some(k.peak_facility_mw),
        card: Some(Card {
            detail: Some("facility_power_cap_mw"),
            within_limit: Some(|k| k.peak_facility_mw <= k.facility_power_cap_mw),
            only_when: None,
        }),
    },
    KpiSpec {
        key: "pue_design",
        label: "PUE at the design temperature",
        unit: "-",
        scale: 1.0,
        decimals: 3,
        better: Better::Lower,
        section: Section::Datacenter,
        help: "PUE at the design-day temperature, used to check that the racks fit under the facility power cap.",
        weather_dependent: false,
        get: |k| Some(k.pue_design),
        card: None,
    },
    KpiSpec {
        key: "pue_mean",
        label: "PUE, energy-weighted mean",
        unit: "-",
        scale: 1.0,
        decimals: 3,
        better: Better::Lower,
        section: Section::Datacenter,
        help: "Facility energy over IT energy for the year (The Green Grid's annual PUE).",
        weather_dependent: true,
        get: |k| Some(k.pue_mean),
        card: Some(Card::with_detail("pue_peak")),
    },
    KpiSpec {
        key: "pue_peak",
        label: "PUE, highest hour",
        unit: "-",
        scale: 1.0,
        decimals: 3,
        better: Better::Lower,
        section: Section::Datacenter,
        help: "The highest hourly PUE of the year, in the hottest hours.",
        weather_dependent: true,
        get: |k| Some(k.pue_peak),
        card: None,
    },
    KpiSpec {
        key: "it_energy_mwh",
        label: "IT energy",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Neither,
        section: Section::Datacenter,
        help: "Energy drawn by the IT equipment over the year: racks online × kW per rack × utilization, hour by hour.",
        weather_dependent: false,
        get: |k| Some(k.it_energy_mwh),
        card: None,
    },
    KpiSpec {
        key: "facility_energy_mwh",
        label: "Facility energy",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Lower,
        section: Section::Datacenter,
        help: "Energy drawn by the whole campus (IT × PUE, hour by hour, and the campus desalination plant's electricity): the load the supply must serve.",
        weather_dependent: true,
        get: |k| Some(k.facility_energy_mwh),
        card: None,
    },
    KpiSpec {
        key: "solar_energy_mwh",
        label: "Solar available",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Higher,
        section: Section::Energy,
        help: "AC energy the solar plants could deliver over the year, before curtailment.",
        weather_dependent: true,
        get: |k| Some(k.solar_energy_mwh),
        card: None,
    },
    KpiSpec {
        key: "wind_energy_mwh",
        label: "Wind available",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Higher,
        section: Section::Energy,
        help: "Net energy the wind farms could deliver over the year (after wake and other losses), before curtailment.",
        weather_dependent: true,
        get: |k| Some(k.wind_energy_mwh),
        card: None,
    },
    KpiSpec {
        key: "solar_capacity_factor_dc",
        label: "Solar capacity factor (DC)",
        unit: "%",
        scale: PERCENT,
        decimals: 1,
        better: Better::Higher,
        section: Section::Energy,
        help: "Available solar energy over DC nameplate × hours of the year.",
        weather_dependent: true,
        get: |k| k.solar_capacity_factor_dc,
        card: None,
    },
    KpiSpec {
        key: "solar_capacity_factor_ac",
        label: "Solar capacity factor (AC)",
        unit: "%",
        scale: PERCENT,
        decimals: 1,
        better: Better::Higher,
        section: Section::Energy,
        help: "Available solar energy over AC rating × hours of the year.",
        weather_dependent: true,
        get: |k| k.solar_capacity_factor_ac,
        card: None,
    },
    KpiSpec {
        key: "wind_capacity_factor",
        label: "Wind capacity factor (net)",
        unit: "%",
        scale: PERCENT,
        decimals: 1,
        better: Better::Higher,
        section: Section::Energy,
        help: "Net wind energy over rated power × hours of the year.",
        weather_dependent: true,
        get: |k| k.wind_capacity_factor,
        card: None,
    },
    KpiSpec {
        key: "curtailed_energy_mwh",
        label: "Curtailed",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Lower,
        section: Section::Energy,
        help: "Solar and wind energy available but neither used nor stored.",
        weather_dependent: true,
        get: |k| Some(k.curtailed_energy_mwh),
        card: Some(Card::PLAIN),
    },
    KpiSpec {
        key: "exported_energy_mwh",
        label: "Exported",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Neither,
        section: Section::Energy,
        help: "Solar and wind surplus sold over a grid link (backup entries with an export capacity) instead of being curtailed.",
        weather_dependent: true,
        get: |k| Some(k.exported_energy_mwh),
        card: None,
    },
    KpiSpec {
        key: "battery_charge_mwh",
        label: "Battery charged",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Neither,
        section: Section::Energy,
        help: "Energy put into the battery over the year (before losses).",
        weather_dependent: true,
        get: |k| Some(k.battery_charge_mwh),
        card: None,
    },
    KpiSpec {
        key: "battery_discharge_mwh",
        label: "Battery discharged",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Neither,
        section: Section::Energy,
        help: "Energy the battery delivered to the campus over the year.",
        weather_dependent: true,
        get: |k| Some(k.battery_discharge_mwh),
        card: None,
    },
    KpiSpec {
        key: "battery_cycles",
        label: "Battery full cycles",
        unit: "cycles",
        scale: 1.0,
        decimals: 0,
        better: Better::Neither,
        section: Section::Energy,
        help: "Energy discharged over the usable capacity: equivalent full cycles in the year.",
        weather_dependent: true,
        get: |k| Some(k.battery_cycles),
        card: None,
    },
    KpiSpec {
        key: "backup_energy_mwh",
        label: "Backup energy",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Lower,
        section: Section::Energy,
        help: "Energy from the backup (gas turbines, gensets, a grid link) over the year.",
        weather_dependent: true,
        get: |k| Some(k.backup_energy_mwh),
        card: None,
    },
    KpiSpec {
        key: "peak_backup_mw",
        label: "Peak backup power",
        unit: "MW",
        scale: 1.0,
        decimals: 1,
        better: Better::Lower,
        section: Section::Energy,
        help: "Highest hourly backup power of the year.",
        weather_dependent: true,
        get: |k| Some(k.peak_backup_mw),
        card: None,
    },
    KpiSpec {
        key: "unmet_energy_mwh",
        label: "Unmet energy",
        unit: "MWh",
        scale: 1.0,
        decimals: 1,
        better: Better::Lower,
        section: Section::Energy,
        help: "Facility energy that neither the renewables, the battery nor the backup could serve.",
        weather_dependent: true,
        get: |k| Some(k.unmet_energy_mwh),
        card: Some(Card {
            detail: Some("loss_of_load_hours"),
            within_limit: Some(|k| k.unmet_energy_mwh <= 0.0),
            only_when: None,
        }),
    },
    KpiSpec {
        key: "loss_of_load_hours",
        label: "Hours with unmet load",
        unit: "h",
        scale: 1.0,
        decimals: 0,
        better: Better::Lower,
        section: Section::Energy,
        help: "Hours of the year in which part of the facility load was not served.",
        weather_dependent: true,
        get: |k| Some(k.loss_of_load_hours),
        card: None,
    },
    KpiSpec {
        key: "renewable_fraction",
        label: "Renewable fraction",
        unit: "%",
        scale: PERCENT,
        decimals: 1,
        better: Better::Higher,
        section: Section::Energy,
        help: "Share of the facility energy served by solar and wind, directly or through the battery, over the year.",
        weather_dependent: true,
        get: |k| Some(k.renewable_fraction),
        card: Some(Card::PLAIN),
    },
    KpiSpec {
        key: "cfe_score",
        label: "24/7 CFE score",
        unit: "%",
        scale: PERCENT,
        decimals: 1,
        better: Better::Higher,
        section: Section::Energy,
        help: "Share of the facility energy matched hour by hour by carbon-free supply (Google's 24/7 CFE): the carbon-free share of backup counts, surplus in one hour never offsets another.",
        weather_dependent: true,
        get: |k| Some(k.cfe_score),
        card: Some(Card::PLAIN),
    },
    KpiSpec {
        key: "capex_usd",
        label: "Capex",
        unit: "M USD",
        scale: MILLION,
        decimals: 1,
        better: Better::Lower,
        section: Section::CostAndCarbon,
        help: "Overnight capital cost of the supply: solar, wind, battery and backup.",
        weather_dependent: false,
        get: |k| Some(k.capex_usd),
        card: Some(Card::with_detail("annualized_cost_usd")),
    },
    KpiSpec {
        key: "opex_usd_per_year",
        label: "Opex",
        unit: "M USD/yr",
        scale: MILLION,
        decimals: 1,
        better: Better::Lower,
        section: Section::CostAndCarbon,
        help: "Fixed and variable operation and maintenance plus fuel and grid energy and the water, less export revenue, for the simulated year.",
        weather_dependent: true,
        get: |k| Some(k.opex_usd_per_year),
        card: None,
    },
    KpiSpec {
        key: "annualized_cost_usd",
        label: "Annualized cost",
        unit: "M USD/yr",
        scale: MILLION,
        decimals: 1,
        better: Better::Lower,
        section: Section::CostAndCarbon,
        help: "Capex spread over each asset's life at the discount rate (capital recovery factor), plus opex, less export revenue: what the optimizer minimizes.",
        weather_dependent: true,
        get: |k| Some(k.annualized_cost_usd),
        card: None,
    },
    KpiSpec {
        key: "export_revenue_usd_per_year",
        label: "Export revenue",
        unit: "M USD/yr",
        scale: MILLION,
        decimals: 1,
        better: Better::Higher,
        section: Section::CostAndCarbon,
        help: "Exported surplus times its export price, for the simulated year; taken off the annualized cost and the LCOE.",
        weather_dependent: true,
        get: |k| Some(k.export_revenue_usd_per_year),
        card: None,
    },
    KpiSpec {
        key: "net_present_cost_usd",
        label: "Net present cost",
        unit: "M USD",
        scale: MILLION,
        decimals: 0,
        better: Better::Lower,
        section: Section::CostAndCarbon,
        help: "Annualized cost discounted over the project life: what the supply costs over its life, in today's money.",
        weather_dependent: true,
        get: |k| Some(k.net_present_cost_usd),
        card: Some(Card::PLAIN),
    },
    KpiSpec {
        key: "lcoe_usd_per_mwh",
        label: "Cost per MWh served (LCOE)",
        unit: "USD/MWh",
        scale: 1.0,
        decimals: 1,
        better: Better::Lower,
        section: Section::CostAndCarbon,
        help: "Annualized cost over the facility energy served.",
        weather_dependent: true,
        get: |k| k.lcoe_usd_per_mwh,
        card: Some(Card::PLAIN),
    },
    KpiSpec {
        key: "co2_tonnes",
        label: "CO2 emitted",
        unit: "kt",
        scale: 1e-3,
        decimals: 1,
        better: Better::Lower,
        section: Section::CostAndCarbon,
        help: "CO2 from the backup's fuel and the carbon-emitting share of grid imports over the year.",
        weather_dependent: true,
        get: |k| Some(k.co2_tonnes),
        card: Some(Card::with_detail("co2_intensity_kg_per_mwh")),
    },
    KpiSpec {
        key: "co2_intensity_kg_per_mwh",
        label: "CO2 per MWh served",
        unit: "kg/MWh",
        scale: 1.0,
        decimals: 1,
        better: Better::Lower,
        section: Section::CostAndCarbon,
        help: "CO2 emitted over the facility energy served.",
        weather_dependent: true,
        get: |k| k.co2_intensity_kg_per_mwh,
        card: None,
    },
    KpiSpec {
        key: "solar_land_ha",
        label: "Solar land",
        unit: "ha",
        scale: 1.0,
        decimals: 0,
        better: Better::Lower,
        section: Section::CostAndCarbon,
        help: "Land the solar plants take (DC capacity × land use per MWdc).",
        weather_dependent: false,
        get: |k| Some(k.solar_land_ha),
        card: None,
    },
    KpiSpec {
        key: "flexible_energy_shifted_mwh",
        label: "Flexible energy shifted",
        unit: "GWh",
        scale: GWH,
        decimals: 1,
        better: Better::Neither,
        section: Section::Datacenter,
        help: "IT energy of the flexible rack groups run at another hour of its window than planned, to follow the sun and the wind (the window's energy is unchanged).",
        weather_dependent: true,
        get: |k| Some(k.flexible_energy_shifted_mwh),
        card: Some(Card {
            detail: Some("flexible_shift_mean_h"),
            within_limit: None,
            only_when: Some(|k| k.flexible_energy_shifted_mwh > 0.0),
        }),
    },
    KpiSpec {
        key: "flexible_shift_mean_h",
        label: "Mean shift",
        unit: "h",
        scale: 1.0,
        decimals: 1,
        better: Better::Neither,
        section: Section::Datacenter,
        help: "How far the shifted flexible energy moved on average, weighted by energy (earlier or later).",
        weather_dependent: true,
        get: |k| Some(k.flexible_shift_mean_h),
        card: None,
    },
    KpiSpec {
        key: "flexible_shift_max_h",
        label: "Largest shift",
        unit: "h",
        scale: 1.0,
        decimals: 0,
        better: Better::Neither,
        section: Section::Datacenter,
        help: "The longest time any flexible energy moved from its planned hour.",
        weather_dependent: true,
        get: |k| Some(k.flexible_shift_max_h),
        card: None,
    },
    KpiSpec {
        key: "water_m3",
        label: "Water",
        unit: "m³",
        scale: 1.0,
        decimals: 0,
        better: Better::Lower,
        section: Section::Datacenter,
        help: "Water the heat rejection draws over the year: evaporation, blowdown and drift of cooling towers, or what adiabatic pads evaporate and bleed (none with dry coolers or seawater). At Dakhla it is desalinated.",
        weather_dependent: true,
        get: |k| Some(k.water_m3),
        card: Some(Card::with_detail("wue_l_per_kwh")),
    },
    KpiSpec {
        key: "wue_l_per_kwh",
        label: "WUE",
        unit: "L/kWh",
        scale: 1.0,
        decimals: 2,
        better: Better::Lower,
        section: Section::Datacenter,
        help: "Water use effectiveness: site water over IT energy (The Green Grid, White Paper 35). Dry coolers 0-0.05, adiabatic assist 0.10-0.40, evaporative towers 1.2-2.0 L/kWh.",
        weather_dependent: true,
        get: |k| Some(k.wue_l_per_kwh),
        card: None,
    },
    KpiSpec {
        key: "peak_water_m3_per_day",
        label: "Peak water per day",
        unit: "m³/day",
        scale: 1.0,
        decimals: 0,
        better: Better::Lower,
        section: Section::Datacenter,
        help: "The most water drawn in one local day of the year: what the water supply (a desalination plant's share) must deliver on the hottest day.",
        weather_dependent: true,
        get: |k| Some(k.peak_water_m3_per_day),
        card: None,
    },
    KpiSpec {
        key: "desalination_energy_mwh",
        label: "Desalination energy",
        unit: "MWh",
        scale: 1.0,
        decimals: 0,
        better: Better::Lower,
        section: Section::Datacenter,
        help: "Electricity the campus's own desalination plant draws to make the water (the water supply's kWh per m³): part of the facility energy, not of the PUE. None for bought water.",
        weather_dependent: true,
        get: |k| Some(k.desalination_energy_mwh),
        card: None,
    },
    KpiSpec {
        key: "water_cost_usd_per_year",
        label: "Water cost",
        unit: "M USD/yr",
        scale: MILLION,
        decimals: 2,
        better: Better::Lower,
        section: Section::CostAndCarbon,
        help: "The year's water at economics.water_per_m3: in the opex and the annualized cost, not in the LCOE, which prices energy.",
        weather_dependent: true,
        get: |k| Some(k.water_cost_usd_per_year),
        card: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use std::path::Path;

    #[test]
    fn target_cards_are_judged_at_p90_when_weather_years_exist() {
        let k = reference_kpis();
        let year = |cfe: f64| {
            let mut y = k.clone();
            y.cfe_score = cfe;
            for t in &mut y.targets {
                if t.kpi == "cfe_score" {
                    t.value = cfe;
                    t.met = cfe >= t.target;
                }
            }
            y
        };
        let ys = [year(0.90), year(0.80), year(0.92)];
        let refs: Vec<&Kpis> = ys.iter().collect();
        let mut cards = cards(&k);
        let before = cards.iter().find(|c| c.key == "cfe_score").unwrap().clone();
        assert_eq!(before.status, Some(true), "the design year meets 85 %");
        judge_on_years(&mut cards, &k, &refs);
        let c = cards.iter().find(|c| c.key == "cfe_score").unwrap();
        // P90 of 80, 90, 92 % (the 10th percentile) is 82 %: below the target.
        assert_eq!(c.status, Some(false));
        assert_eq!(
            c.detail,
            "P50 90.0 % · P90 82.0 % · target >= 85.0 % met in 2 of 3 years: NOT MET at P90"
        );
        // Cards without a target are left as they were.
        let capex = cards.iter().find(|c| c.key == "capex_usd").unwrap();
        assert_eq!(capex.status, None);
    }

    #[test]
    fn card_changes_are_counted_on_shown_values_with_their_direction() {
        let k = reference_kpis();
        assert!(
            cards_against(&k, Some(&k))
                .iter()
                .all(|c| c.delta.is_none())
        );
        let mut worse = k.clone();
        worse.capex_usd += 5.0e6;
        worse.co2_tonnes -= 1.0; // below the card's 0.1 kt: no change shown
        let cards = cards_against(&worse, Some(&k));
        let changed: Vec<_> = cards.iter().filter(|c| c.delta.is_some()).collect();
        assert!(!changed.is_empty());
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert_eq!(changed[0].delta.as_deref(), Some("+5.0 M USD"));
        assert!(
            cards
                .iter()
                .all(|c| c.title != "CO2 emitted" || c.delta.is_none())
        );
        // More cost is worse.
        assert!(
            changed.iter().all(|c| c.delta_better == Some(false)),
            "{changed:?}"
        );
    }

    fn reference_kpis() -> Kpis {
        // The reference in US dollars: the figures below are in dollars.
        let s = crate::scenario::from_ron_str(crate::scenario::DAKHLA_REFERENCE_USD_RON, "usd")
            .expect("the USD reference parses");
        crate::sim::Engine::new()
            .run(&s, Path::new("."))
            .expect("the reference runs")
            .kpis
    }

    /// The registry and the JSON of `Kpis` name the same figures, and each
    /// accessor reads its own field (a registry entry reading the wrong field fails here).
    #[test]
    fn every_numeric_field_of_kpis_has_one_entry_reading_it() {
        let k = reference_kpis();
        let json = serde_json::to_value(&k).expect("KPIs serialize");
        let fields: Vec<&str> = json
            .as_object()
            .expect("an object")
            .iter()
            .filter(|(_, v)| v.is_number() || v.is_null())
            .map(|(key, _)| key.as_str())
            .collect();
        let mut keys: Vec<&str> = KPIS.iter().map(|s| s.key).collect();
        let mut fields = fields;
        keys.sort_unstable();
        fields.sort_unstable();
        assert_eq!(keys, fields, "one entry for each numeric field of Kpis");
        for s in KPIS {
            let stored = json[s.key].as_f64();
            assert_eq!(s.value(&k), stored, "{} reads its own field", s.key);
        }
    }

    #[test]
    fn entries_are_complete_and_units_follow_the_key() {
        let mut seen = std::collections::BTreeSet::new();
        for s in KPIS {
            assert!(seen.insert(s.key), "{} twice", s.key);
            assert!(!s.label.is_empty() && !s.help.is_empty(), "{}", s.key);
            assert!(s.help.ends_with('.'), "{}: help is a sentence", s.key);
            assert!(s.scale > 0.0 && s.scale.is_finite(), "{}", s.key);
            // The shown unit agrees with the key's unit and the scale.
            let expected = if s.key.ends_with("_usd_per_mwh") {
                "USD/MWh"
            } else if s.key.ends_with("_kg_per_mwh") {
                "kg/MWh"
            } else if s.key.ends_with("_mwh") {
                if s.scale == GWH { "GWh" } else { "MWh" }
            } else if s.key.ends_with("_mw") {
                "MW"
            } else if s.key == "annualized_cost_usd" {
                "M USD/yr" // a cost per year, as its label says
            } else if s.key.ends_with("_usd") {
                "M USD"
            } else if s.key.ends_with("_usd_per_year") {
                "M USD/yr"
            } else if s.key.ends_with("_tonnes") {
                "kt"
            } else if s.key.ends_with("_ha") {
                "ha"
            } else if s.key.ends_with("_hours") {
                "h"
            } else {
                s.unit
            };
            assert_eq!(s.unit, expected, "{}", s.key);
            if s.unit == "%" {
                assert_eq!(s.scale, PERCENT, "{}", s.key);
            }
        }
    }

    #[test]
    fn cards_name_registry_kpis_and_show_targets() {
        for spec in KPIS {
            if let Some(d) = spec.card.and_then(|c| c.detail) {
                assert!(kpi(d).is_some(), "{}: detail {d} is a KPI", spec.key);
            }
        }
        let k = reference_kpis();
        let cards = cards(&k);
        let rf = cards
            .iter()
            .find(|c| c.title == "Renewable fraction")
            .expect("a card");
        // The reference sets a renewable-fraction target of 85 % and meets it.
        assert_eq!(rf.status, Some(true));
        assert!(rf.detail.contains("target >= 85.0 %: MET"), "{}", rf.detail);
        let npc = cards
            .iter()
            .find(|c| c.title == "Net present cost")
            .expect("net present cost has a card");
        assert_eq!(
            npc.value,
            kpi("net_present_cost_usd").expect("a KPI").format(&k)
        );
    }

    /// Every target a scenario can set names a KPI of the registry.
    #[test]
    fn every_target_is_a_kpi_of_the_registry() {
        let mut s = Scenario::dakhla_reference();
        s.targets.min_renewable_fraction = Some(0.5);
        s.targets.min_cfe_score = Some(0.5);
        s.targets.max_unmet_energy_mwh = Some(10.0);
        let k = crate::sim::Engine::new()
            .run(&s, Path::new("."))
            .expect("runs")
            .kpis;
        assert_eq!(k.targets.len(), 3);
        for t in &k.targets {
            let spec = kpi(&t.kpi).expect("a registry KPI");
            let f = t.formatted();
            assert_eq!(f.label, spec.label);
            assert_eq!(f.value, spec.format(&k));
        }
    }

    #[test]
    fn shown_values_follow_unit_and_decimals() {
        let k = reference_kpis();
        let rf = kpi("renewable_fraction").expect("in the registry");
        assert_eq!(
            rf.format(&k),
            format!("{:.1} %", k.renewable_fraction * 100.0)
        );
        let pue = kpi("pue_mean").expect("in the registry");
        assert_eq!(pue.format(&k), format!("{:.3}", k.pue_mean));
        assert_eq!(pue.label_with_unit(), "PUE, energy-weighted mean");
        let curtailed = kpi("curtailed_energy_mwh").expect("in the registry");
        assert_eq!(curtailed.label_with_unit(), "Curtailed [GWh]");
        assert_eq!(
            curtailed.format(&k),
            format!("{:.1} GWh", k.curtailed_energy_mwh / 1000.0)
        );
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(
            kpi("cfe_score").and_then(|s| s.is_improvement(0.01)),
            Some(true)
        );
        assert_eq!(
            kpi("co2_tonnes").and_then(|s| s.is_improvement(0.01)),
            Some(false)
        );
    }
}
