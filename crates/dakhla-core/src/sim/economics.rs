//! Costs: overnight capital, fixed O&M, fuel, variable O&M and carbon, annualized with the
//! capital recovery factor of each technology's own lifetime (equivalent annual cost), which
//! also covers replacements within the analysis period.
//!
//! # References
//! - Short, W., Packey, D. J., Holt, T. (1995). A Manual for the Economic Evaluation of Energy
//!   Efficiency and Renewable Energy Technologies. NREL/TP-462-5173 (CRF, levelized cost).
//! - NREL Annual Technology Baseline 2024 (cost defaults, via PyPSA technology-data).

use crate::scenario::{CapacityCost, Economics, Scenario};
use serde::Serialize;

/// Capital recovery factor: the share of an investment to pay each year over `years` at
/// `rate` [-]. Tends to 1/years as the rate tends to 0.
pub fn capital_recovery_factor(rate: f64, years: f64) -> f64 {
    if years <= 0.0 {
        return 0.0;
    }
    if rate == 0.0 {
        return 1.0 / years;
    }
    // (1 + r)^n - 1 through expm1 and ln_1p, exact also for rates close to 0 (where the plain
    // formula loses every digit to cancellation).
    let ln_g = years * libm::log1p(rate);
    rate * libm::exp(ln_g) / libm::expm1(ln_g)
}

/// Present value of 1 USD a year for `years` at `rate` (annuity factor) [-].
pub fn annuity_factor(rate: f64, years: f64) -> f64 {
    if rate == 0.0 {
        return years;
    }
    -libm::expm1(-years * libm::log1p(rate)) / rate
}

/// Whether a battery of `energy_mwh` and `power_mw` is built (and paid for): it needs both.
pub fn battery_is_built(energy_mwh: f64, power_mw: f64) -> bool {
    let min = crate::scenario::MIN_BATTERY_SIDE;
    energy_mwh >= min && power_mw >= min
}

/// Cost of one technology line.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CostLine {
    pub item: String,
    pub capacity: f64,
    pub capacity_unit: String,
    pub capex_usd: f64,
    pub annualized_capex_usd: f64,
    pub fixed_om_usd_per_year: f64,
    pub fuel_usd_per_year: f64,
    pub variable_om_usd_per_year: f64,
    pub carbon_usd_per_year: f64,
    /// Revenue from exported surplus [USD/yr] (a grid link that exports; absent when 0).
    #[serde(default, skip_serializing_if = "crate::scenario::is_zero")]
    pub export_revenue_usd_per_year: f64,
}

impl CostLine {
    /// Yearly cost of the line, net of its export revenue [USD/yr].
    pub fn annual_usd(&self) -> f64 {
        self.annualized_capex_usd
            + self.fixed_om_usd_per_year
            + self.fuel_usd_per_year
            + self.variable_om_usd_per_year
            + self.carbon_usd_per_year
            - self.export_revenue_usd_per_year
    }
}

fn capacity_line(
    item: &str,
    kw: f64,
    unit: &str,
    capacity: f64,
    c: &CapacityCost,
    rate: f64,
    usd_per_unit: f64,
) -> CostLine {
    let capex = kw * c.capex_per_kw * usd_per_unit;
    CostLine {
        item: item.to_owned(),
        capacity,
        capacity_unit: unit.to_owned(),
        capex_usd: capex,
        annualized_capex_usd: capex * capital_recovery_factor(rate, c.lifetime_years),
        fixed_om_usd_per_year: capex * c.fixed_om_pct_per_year / 100.0,
        ..CostLine::default()
    }
}

/// The cost breakdown of a scenario for one simulated year.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Costs {
    pub lines: Vec<CostLine>,
    pub capex_usd: f64,
    /// Fixed O&M + fuel + variable O&M + carbon - export revenue [USD/yr].
    pub opex_usd_per_year: f64,
    /// Annualized capital + opex (net of export revenue) [USD/yr].
    pub annualized_cost_usd: f64,
    /// Revenue from exported surplus [USD/yr] (absent when 0).
    #[serde(default, skip_serializing_if = "crate::scenario::is_zero")]
    pub export_revenue_usd_per_year: f64,
    /// Net present cost over `economics.analysis_years` [USD].
    pub net_present_cost_usd: f64,
    /// CO2 from backup [t/yr].
    pub co2_tonnes: f64,
}

/// Costs and emissions of `scenario` given the yearly energy of each backup unit [MWh]
/// (same order as `scenario.backup`) and the length of the simulated period [h] (energy-based
/// items are scaled to a year of 8760 h).
pub fn costs(
    scenario: &Scenario,
    wind_rated_mw: &[f64],
    backup_unit_mwh: &[f64],
    period_h: f64,
) -> Costs {
    let ones = vec![1.0; scenario.backup.len()];
    costs_scheduled(
        scenario,
        wind_rated_mw,
        &BackupYear {
            unit_mwh: backup_unit_mwh,
            exported_unit_mwh: &[],
            served_share: &ones,
        },
        period_h,
    )
}

/// What each backup unit did in the run (scenario order).
pub struct BackupYear<'a> {
    /// Energy it delivered [MWh].
    pub unit_mwh: &'a [f64],
    /// Surplus exported through it [MWh] (empty: none).
    pub exported_unit_mwh: &'a [f64],
    /// Share of the run in which it was available (`available_from`) [-]: its capital and
    /// fixed costs count for that share, as payments start when it is commissioned.
    pub served_share: &'a [f64],
}

/// [`costs`] with the backup's export and availability ([`BackupYear`]).
pub fn costs_scheduled(
    scenario: &Scenario,
    wind_rated_mw: &[f64],
    backup: &BackupYear,
    period_h: f64,
) -> Costs {
    let backup_unit_mwh = backup.unit_mwh;
    let e: &Economics = &scenario.economics;
    let r = e.discount_rate;
    // Costs are written in the scenario's currency; the breakdown is in US dollars (exactly the
    // written figures for a USD scenario).
    let usd = e.usd_per_unit();
    let year_scale = if period_h > 0.0 {
        8760.0 / period_h
    } else {
        0.0
    };
    let mut lines = Vec::new();
    for p in &scenario.solar_plants {
        let mwac = p.capacity_mwdc / p.dc_ac_ratio;
        lines.push(capacity_line(
            &format!("solar: {}", p.name),
            mwac * 1000.0,
            "MWac",
            mwac,
            &e.solar_per_kwac,
            r,
            usd,
        ));
    }
    for (w, mw) in scenario.wind_farms.iter().zip(wind_rated_mw) {
        lines.push(capacity_line(
            &format!("wind: {}", w.name),
            mw * 1000.0,
            "MW",
            *mw,
            &e.wind_per_kw,
            r,
            usd,
        ));
    }
    let b = &scenario.battery;
    // A battery needs both energy and power to work: one without the other is not built (the
    // scenario warns about it), so it costs nothing.
    if battery_is_built(b.energy_mwh, b.power_mw) {
        lines.push(capacity_line(
            "battery power",
            b.power_mw * 1000.0,
            "MW",
            b.power_mw,
            &e.battery_power_per_kw,
            r,
            usd,
        ));
        let be = &e.battery_energy_per_kwh;
        let capex = b.energy_mwh * 1000.0 * be.capex_per_kwh * usd;
        lines.push(CostLine {
            item: "battery energy".into(),
            capacity: b.energy_mwh,
            capacity_unit: "MWh".into(),
            capex_usd: capex,
            annualized_capex_usd: capex * capital_recovery_factor(r, be.lifetime_years),
            fixed_om_usd_per_year: capex * be.fixed_om_pct_per_year / 100.0,
            ..CostLine::default()
        });
    }
    let mut co2 = 0.0;
    for (k, (u, mwh)) in scenario.backup.iter().zip(backup_unit_mwh).enumerate() {
        let cost = e.backup_cost(u.kind);
        let mut line = capacity_line(
            &format!("backup: {}", u.name),
            u.capacity_mw * 1000.0,
            "MW",
            u.capacity_mw,
            cost,
            r,
            usd,
        );
        let share = backup.served_share.get(k).copied().unwrap_or(1.0);
        if share <= 0.0 {
            // Comes after the run: not built yet, nothing to pay in it.
            line.capex_usd = 0.0;
            line.annualized_capex_usd = 0.0;
            line.fixed_om_usd_per_year = 0.0;
        } else if share < 1.0 {
            // Commissioned within the run: built in it (its overnight capital counts), its
            // yearly charges from commissioning on.
            line.annualized_capex_usd *= share;
            line.fixed_om_usd_per_year *= share;
        }
        let exported = backup.exported_unit_mwh.get(k).copied().unwrap_or(0.0);
        line.export_revenue_usd_per_year = exported * year_scale * u.export_price_per_mwh * usd;
        let mwh_year = mwh * year_scale;
        let fuel_mwh_th = mwh_year / u.efficiency;
        let t = fuel_mwh_th * u.emission_factor_t_per_mwh_th;
        co2 += t;
        line.fuel_usd_per_year = fuel_mwh_th * u.fuel_cost_per_mwh_th * usd;
        line.variable_om_usd_per_year = mwh_year * u.variable_om_per_mwh * usd;
        line.carbon_usd_per_year = t * e.carbon_price_per_t * usd;
        lines.push(line);
    }
    let capex_usd = lines.iter().map(|l| l.capex_usd).sum();
    let opex_usd_per_year = lines
        .iter()
        .map(|l| {
            l.fixed_om_usd_per_year
                + l.fuel_usd_per_year
                + l.variable_om_usd_per_year
                + l.carbon_usd_per_year
                - l.export_revenue_usd_per_year
        })
        .sum();
    let annualized_cost_usd: f64 = lines.iter().map(CostLine::annual_usd).sum();
    Costs {
        export_revenue_usd_per_year: lines.iter().map(|l| l.export_revenue_usd_per_year).sum(),
        capex_usd,
        opex_usd_per_year,
        annualized_cost_usd,
        net_present_cost_usd: annualized_cost_usd * annuity_factor(r, e.analysis_years as f64),
        co2_tonnes: co2,
        lines,
    }
}

/// Add the run's water, `water_m3` over `period_h` hours, at `economics.water_per_m3` to
/// `costs` as a line of its own (the year's cubic metres as its capacity); returns its yearly
/// cost [USD/yr]. Nothing is added when no water is drawn.
pub fn add_water(costs: &mut Costs, scenario: &Scenario, water_m3: f64, period_h: f64) -> f64 {
    if water_m3 <= 0.0 || period_h <= 0.0 {
        return 0.0;
    }
    let e = &scenario.economics;
    let year_m3 = water_m3 * 8760.0 / period_h;
    let usd = year_m3 * e.water_per_m3 * e.usd_per_unit();
    costs.lines.push(CostLine {
        item: "water".into(),
        capacity: year_m3,
        capacity_unit: "m3/yr".into(),
        variable_om_usd_per_year: usd,
        ..CostLine::default()
    });
    costs.opex_usd_per_year += usd;
    costs.annualized_cost_usd += usd;
    costs.net_present_cost_usd += usd * annuity_factor(e.discount_rate, e.analysis_years as f64);
    usd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crf_matches_textbook_values() {
        // Short et al. (1995): CRF(7 %, 30 yr) = 0.080586; CRF(10 %, 10 yr) = 0.162745.
        assert!((capital_recovery_factor(0.07, 30.0) - 0.080586).abs() < 1e-6);
        assert!((capital_recovery_factor(0.10, 10.0) - 0.162745).abs() < 1e-6);
        assert!((capital_recovery_factor(0.0, 20.0) - 0.05).abs() < 1e-12);
        // Annuity factor is the reciprocal of the CRF.
        assert!(
            (annuity_factor(0.07, 30.0) * capital_recovery_factor(0.07, 30.0) - 1.0).abs() < 1e-12
        );
    }

    #[test]
    fn tiny_rates_tend_smoothly_to_the_zero_rate_values() {
        // CRF(r, n) = 1/n + r (n + 1) / (2 n) + O(r^2) near r = 0: no dip from cancellation.
        for r in [1e-15, 1e-12, 1e-9, 1e-6] {
            let crf = capital_recovery_factor(r, 20.0);
            let series = 1.0 / 20.0 + r * 21.0 / 40.0;
            assert!((crf - series).abs() < 1e-11, "{r}: {crf} vs {series}");
            assert!(crf >= 0.05, "never below the zero-rate value");
            assert!((annuity_factor(r, 20.0) * crf - 1.0).abs() < 1e-12);
        }
    }
}
