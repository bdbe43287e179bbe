//! Key figures of a simulated year.

use super::dispatch::DispatchTotals;
use super::economics::Costs;
use crate::model::load::CapacityCheck;
use crate::scenario::Targets;
use serde::Serialize;

/// One target and whether the design meets it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetStatus {
    /// The KPI it applies to, e.g. `renewable_fraction`.
    pub kpi: String,
    /// `min` or `max`.
    pub kind: String,
    pub target: f64,
    pub value: f64,
    pub met: bool,
}

/// The KPIs of one run. Field names are a contract with scripts reading `simulate --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Kpis {
    pub it_energy_mwh: f64,
    pub facility_energy_mwh: f64,
    /// Energy-weighted mean PUE: facility energy / IT energy [-].
    pub pue_mean: f64,
    /// Highest hourly PUE [-].
    pub pue_peak: f64,
    /// PUE at the design temperature used for the capacity check [-].
    pub pue_design: f64,
    pub peak_it_mw: f64,
    pub peak_facility_mw: f64,
    pub facility_power_cap_mw: f64,
    /// Available solar energy before curtailment [MWh].
    pub solar_energy_mwh: f64,
    /// Available wind energy before curtailment [MWh].
    pub wind_energy_mwh: f64,
    /// Available solar energy over DC nameplate x hours [-] (null without solar).
    pub solar_capacity_factor_dc: Option<f64>,
    /// Available solar energy over AC rating x hours [-].
    pub solar_capacity_factor_ac: Option<f64>,
    /// Net wind energy over rated power x hours [-].
    pub wind_capacity_factor: Option<f64>,
    /// Renewable surplus neither used, stored nor exported [MWh].
    pub curtailed_energy_mwh: f64,
    /// Surplus exported over a grid link [MWh].
    pub exported_energy_mwh: f64,
    pub battery_charge_mwh: f64,
    pub battery_discharge_mwh: f64,
    /// Discharged energy over the usable capacity [full cycles].
    pub battery_cycles: f64,
    pub backup_energy_mwh: f64,
    pub peak_backup_mw: f64,
    pub unmet_energy_mwh: f64,
    pub loss_of_load_hours: f64,
    /// Share of the facility energy served by solar and wind, directly or via the battery [-].
    pub renewable_fraction: f64,
    /// 24/7 carbon-free energy score [-].
    pub cfe_score: f64,
    pub capex_usd: f64,
    pub opex_usd_per_year: f64,
    /// Annualized capital and opex, net of export revenue [USD/yr].
    pub annualized_cost_usd: f64,
    pub net_present_cost_usd: f64,
    /// Revenue from exported surplus [USD/yr] (taken off the annualized cost and the LCOE).
    pub export_revenue_usd_per_year: f64,
    /// Annualized cost over the facility energy served [USD/MWh] (null if nothing is served).
    pub lcoe_usd_per_mwh: Option<f64>,
    pub co2_tonnes: f64,
    /// CO2 per MWh of facility energy served [kg/MWh].
    pub co2_intensity_kg_per_mwh: Option<f64>,
    pub racks_total: u64,
    pub racks_fit_under_cap: u64,
    /// Land for the solar plants [ha].
    pub solar_land_ha: f64,
    /// Flexible IT energy moved to other hours of its window [MWh] (0 without flexibility).
    pub flexible_energy_shifted_mwh: f64,
    /// Energy-weighted mean distance the flexible energy moved [h].
    pub flexible_shift_mean_h: f64,
    /// Longest distance any flexible energy moved [h].
    pub flexible_shift_max_h: f64,
    /// Water the heat rejection draws over the run [m3] (0 with dry coolers or seawater).
    pub water_m3: f64,
    /// Water use effectiveness: site water over IT energy [L/kWh] (The Green Grid).
    pub wue_l_per_kwh: f64,
    /// Most water drawn in one day [m3/day] (local days of the run's steps; what a water supply
    /// must deliver).
    pub peak_water_m3_per_day: f64,
    /// Electricity of the campus desalination plant [MWh] (part of the facility energy; none
    /// for bought water).
    pub desalination_energy_mwh: f64,
    /// Yearly cost of the water at `economics.water_per_m3` [USD/yr] (in the operating and
    /// annualized costs, not in the LCOE).
    pub water_cost_usd_per_year: f64,
    pub targets: Vec<TargetStatus>,
    /// True when every target set in the scenario is met (true when none is set).
    pub all_targets_met: bool,
    /// The currency money is shown in (the scenario's); the `_usd` fields stay in US dollars.
    /// Not in the `kpis` JSON object: `currency` and `kpis_in_currency` sit beside it.
    #[serde(skip)]
    pub money: Money,
}

/// The currency a run's money is shown in: the scenario's, with the rate it was converted at.
#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    pub currency: crate::scenario::money::Currency,
    /// Units of `currency` per US dollar.
    pub per_usd: f64,
    /// The day of the rate (`2025-08-04`).
    pub as_of: String,
}

impl Default for Money {
    fn default() -> Self {
        Self {
            currency: crate::scenario::money::Currency::Usd,
            per_usd: 1.0,
            as_of: String::new(),
        }
    }
}

impl Money {
    /// The scenario's currency and rate.
    pub fn of(e: &crate::scenario::Economics) -> Self {
        Self {
            currency: e.currency,
            per_usd: e.per_usd(),
            as_of: e.exchange_rates.as_of.clone(),
        }
    }

    /// `usd` US dollars in this currency (exactly `usd` for USD).
    pub fn from_usd(&self, usd: f64) -> f64 {
        match self.currency {
            crate::scenario::money::Currency::Usd => usd,
            _ => usd * self.per_usd,
        }
    }

    /// `currency: {code, per_usd, as_of}` of the JSON outputs.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "code": self.currency.code(),
            "per_usd": self.per_usd,
            "as_of": self.as_of,
        })
    }
}

/// Capacities needed to express KPIs relative to size.
pub struct Capacities {
    pub solar_mwdc: f64,
    pub solar_mwac: f64,
    pub wind_mw: f64,
    pub battery_usable_mwh: f64,
    pub solar_land_ha: f64,
}

/// Assemble the KPIs.
#[allow(clippy::too_many_arguments)]
pub fn kpis(
    t: &DispatchTotals,
    it_energy_mwh: f64,
    pue_peak: f64,
    peak_it_mw: f64,
    period_h: f64,
    caps: &Capacities,
    costs: &Costs,
    cap: &CapacityCheck,
    targets: &Targets,
) -> Kpis {
    let ratio = |a: f64, b: f64| if b > 0.0 { Some(a / b) } else { None };
    let load = t.load_mwh;
    let served = load - t.unmet_mwh;
    let renewable_fraction = if load > 0.0 {
        ((t.renewable_direct_mwh + t.discharge_clean_mwh) / load).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let cfe_score = if load > 0.0 {
        (t.clean_served_mwh / load).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let pue_mean = if it_energy_mwh > 0.0 {
        load / it_energy_mwh
    } else {
        cap.design_pue.max(1.0)
    };
    let mut k = Kpis {
        it_energy_mwh,
        facility_energy_mwh: load,
        pue_mean,
        pue_peak,
        pue_design: cap.design_pue,
        peak_it_mw,
        peak_facility_mw: t.peak_load_mw,
        facility_power_cap_mw: cap.cap_mw,
        solar_energy_mwh: t.solar_mwh(),
        wind_energy_mwh: t.wind_mwh(),
        solar_capacity_factor_dc: ratio(t.solar_mwh(), caps.solar_mwdc * period_h),
        solar_capacity_factor_ac: ratio(t.solar_mwh(), caps.solar_mwac * period_h),
        wind_capacity_factor: ratio(t.wind_mwh(), caps.wind_mw * period_h),
        curtailed_energy_mwh: t.curtailed_mwh,
        exported_energy_mwh: t.exported_mwh,
        battery_charge_mwh: t.charge_mwh,
        battery_discharge_mwh: t.discharge_mwh,
        battery_cycles: ratio(t.discharge_mwh, caps.battery_usable_mwh).unwrap_or(0.0),
        backup_energy_mwh: t.backup_mwh,
        peak_backup_mw: t.peak_backup_mw,
        unmet_energy_mwh: t.unmet_mwh,
        loss_of_load_hours: t.loss_of_load_hours,
        renewable_fraction,
        cfe_score,
        capex_usd: costs.capex_usd,
        opex_usd_per_year: costs.opex_usd_per_year,
        annualized_cost_usd: costs.annualized_cost_usd,
        net_present_cost_usd: costs.net_present_cost_usd,
        export_revenue_usd_per_year: costs.export_revenue_usd_per_year,
        lcoe_usd_per_mwh: ratio(
            costs.annualized_cost_usd,
            served * 8760.0 / period_h.max(1e-9),
        ),
        co2_tonnes: costs.co2_tonnes,
        co2_intensity_kg_per_mwh: ratio(
            costs.co2_tonnes * 1000.0,
            served * 8760.0 / period_h.max(1e-9),
        ),
        racks_total: cap.racks_total,
        racks_fit_under_cap: cap.racks_fit_under_cap,
        solar_land_ha: caps.solar_land_ha,
        flexible_energy_shifted_mwh: 0.0,
        flexible_shift_mean_h: 0.0,
        flexible_shift_max_h: 0.0,
        water_m3: 0.0,
        wue_l_per_kwh: 0.0,
        peak_water_m3_per_day: 0.0,
        desalination_energy_mwh: 0.0,
        water_cost_usd_per_year: 0.0,
        targets: Vec::new(),
        all_targets_met: true,
        money: Money::default(),
    };
    if let Some(v) = targets.min_renewable_fraction {
        k.targets
            .push(status("renewable_fraction", "min", v, k.renewable_fraction));
    }
    if let Some(v) = targets.min_cfe_score {
        k.targets.push(status("cfe_score", "min", v, k.cfe_score));
    }
    if let Some(v) = targets.max_unmet_energy_mwh {
        k.targets
            .push(status("unmet_energy_mwh", "max", v, k.unmet_energy_mwh));
    }
    k.all_targets_met = k.targets.iter().all(|t| t.met);
    k
}

/// The status of `kpi` against a `min` or `max` target.
pub fn status(kpi: &str, kind: &str, target: f64, value: f64) -> TargetStatus {
    let met = if kind == "min" {
        value >= target - 1e-9
    } else {
        value <= target + 1e-9
    };
    TargetStatus {
        kpi: kpi.into(),
        kind: kind.into(),
        target,
        value,
        met,
    }
}
