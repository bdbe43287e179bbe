//! The sizing problem as the optimizer sees it: per-unit availability, load, annualized unit
//! costs, bounds and the target, and the evaluation of one mix by the same greedy dispatch the
//! simulation uses.
//!
//! For fixed capacities, the dispatch that charges the battery from every renewable surplus and
//! discharges it into every deficit minimizes the energy left for backup and unmet load (a
//! single store whose charging is free: delaying a discharge can only spill more later). So the
//! renewable and CFE shares a mix reaches here are those of the perfect-foresight dispatch of the
//! equivalent linear program; the backup capacity is the largest remaining deficit (less the
//! unmet energy the target allows).

use crate::model::battery::{BatteryLimits, fmax, fmin};
use crate::scenario::{BackupKind, Scenario, Sizing};
use crate::sim::SizingProfiles;
use crate::sim::economics::capital_recovery_factor;
use serde::{Deserialize, Serialize};

/// Annualized cost of one unit of each capacity, and of backup energy: what the optimizer
/// minimizes, in a form anyone can put in their own linear program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitCosts {
    /// Capital recovery + fixed O&M of 1 MWdc of the solar mix [USD/MWdc/yr].
    pub solar_usd_per_mwdc_year: f64,
    /// Capital recovery + fixed O&M of 1 MW of wind [USD/MW/yr].
    pub wind_usd_per_mw_year: f64,
    /// Capital recovery + fixed O&M of 1 MWh of battery energy [USD/MWh/yr].
    pub battery_energy_usd_per_mwh_year: f64,
    /// Capital recovery + fixed O&M of 1 MW of battery power [USD/MW/yr].
    pub battery_power_usd_per_mw_year: f64,
    /// Capital recovery + fixed O&M of 1 MW of backup [USD/MW/yr].
    pub backup_usd_per_mw_year: f64,
    /// Fuel, variable O&M and carbon price of 1 MWh of backup output [USD/MWh].
    pub backup_fuel_usd_per_mwh: f64,
}

/// Which share the target constrains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetKind {
    /// Renewable fraction: (solar + wind used directly + battery) / facility energy.
    #[serde(rename = "min_renewable_fraction")]
    RenewableFraction,
    /// 24/7 carbon-free score: as the renewable fraction, plus backup times its clean share.
    #[serde(rename = "min_cfe")]
    Cfe,
}

impl TargetKind {
    /// The name used in JSON and CSV (`min_renewable_fraction`, `min_cfe`).
    pub fn key(self) -> &'static str {
        match self {
            TargetKind::RenewableFraction => "min_renewable_fraction",
            TargetKind::Cfe => "min_cfe",
        }
    }
}

/// One capacity mix. Units are in the names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mix {
    pub solar_mwdc: f64,
    pub wind_mw: f64,
    pub battery_energy_mwh: f64,
    pub battery_power_mw: f64,
    pub backup_mw: f64,
}

/// Bounds of one decision variable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
}

impl Bounds {
    /// A variable the optimizer may not move.
    pub fn fixed(v: f64) -> Self {
        Self { min: v, max: v }
    }

    /// True when the variable cannot move.
    pub fn is_fixed(&self) -> bool {
        self.max.is_finite() && self.max - self.min <= 1e-9 * self.max.abs().max(1.0)
    }

    /// `v` moved into the bounds.
    pub fn clamp(&self, v: f64) -> f64 {
        v.max(self.min).min(self.max)
    }
}

/// A whole sizing problem. Built from a scenario by [`Problem::from_scenario`]; every field is
/// public so that tests and other tools can build one by hand.
#[derive(Clone, Debug)]
pub struct Problem {
    /// Step length [h].
    pub step_h: f64,
    pub load_mw: Vec<f64>,
    pub solar_mw_per_mwdc: Vec<f64>,
    pub wind_mw_per_mw: Vec<f64>,
    pub unit_costs: UnitCosts,
    pub round_trip_eff: f64,
    pub soc_min_frac: f64,
    pub soc_max_frac: f64,
    pub initial_soc_frac: f64,
    pub self_discharge_frac_per_day: f64,
    pub solar: Bounds,
    pub wind: Bounds,
    pub battery_energy: Bounds,
    pub battery_power: Bounds,
    /// Backup capacity bounds; the value itself follows from the residual deficit.
    pub backup: Bounds,
    /// The share constrained and its lowest value [-].
    pub target: TargetKind,
    pub target_value: f64,
    /// Largest unserved energy allowed over the run [MWh].
    pub max_unmet_mwh: f64,
    /// Clean share of backup output (a grid link's) [-].
    pub backup_carbon_free_frac: f64,
    /// Wind is built in whole turbines of this size [MW] (0: any size).
    pub turbine_mw: f64,
    /// The scenario's own capacities (a starting point).
    pub start: Mix,
}

/// What one mix achieves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub mix: Mix,
    /// Annualized cost of the mix [USD/yr].
    pub annualized_cost_usd: f64,
    pub renewable_fraction: f64,
    pub cfe_score: f64,
    pub backup_mwh: f64,
    pub unmet_mwh: f64,
    /// How far the mix misses the target and the unmet limit (0 when it meets them) [-].
    pub violation: f64,
}

impl Evaluation {
    /// True when the mix meets the target and the unmet limit.
    pub fn feasible(&self) -> bool {
        self.violation <= 0.0
    }

    /// True when `self` is a better answer than `other`: feasible before infeasible, then the
    /// smaller violation, then the lower cost.
    pub fn better_than(&self, other: &Evaluation) -> bool {
        match (self.feasible(), other.feasible()) {
            (true, false) => true,
            (false, true) => false,
            (false, false) => self.violation < other.violation,
            (true, true) => self.annualized_cost_usd < other.annualized_cost_usd,
        }
    }
}

/// Why a scenario cannot be optimized.
#[derive(Debug, thiserror::Error)]
pub enum ProblemError {
    #[error(transparent)]
    Sim(#[from] crate::sim::SimError),
    #[error("{0}")]
    Setup(String),
}

/// Annualized cost of 1 kW (or kWh) of a capacity cost line, per MW (or MWh) [USD/yr].
fn annual_per_mw(capex_usd_per_kw: f64, fixed_om_pct: f64, lifetime_years: f64, rate: f64) -> f64 {
    1000.0
        * capex_usd_per_kw
        * (capital_recovery_factor(rate, lifetime_years) + fixed_om_pct / 100.0)
}

impl Problem {
    /// Build the problem of `scenario` from its profiles (see
    /// [`Engine::sizing_profiles`](crate::sim::Engine::sizing_profiles)).
    pub fn from_scenario(s: &Scenario, p: &SizingProfiles) -> Result<Problem, ProblemError> {
        let e = &s.economics;
        let r = e.discount_rate;
        let peak_load = p.facility_load_mw.iter().cloned().fold(0.0, f64::max);
        if peak_load <= 0.0 {
            return Err(ProblemError::Setup(
                "the facility draws no power in this scenario (no racks online): there is nothing \
                 to size"
                    .into(),
            ));
        }
        let solar_cost = annual_per_mw(
            e.solar_per_kwac.capex_usd_per_kw,
            e.solar_per_kwac.fixed_om_pct_per_year,
            e.solar_per_kwac.lifetime_years,
            r,
        ) * p.solar_mwac_per_mwdc;
        let wind_cost = annual_per_mw(
            e.wind_per_kw.capex_usd_per_kw,
            e.wind_per_kw.fixed_om_pct_per_year,
            e.wind_per_kw.lifetime_years,
            r,
        );
        let be = &e.battery_energy_per_kwh;
        let energy_cost =
            annual_per_mw(be.capex_usd_per_kwh, be.fixed_om_pct_per_year, be.lifetime_years, r);
        let bp = &e.battery_power_per_kw;
        let power_cost =
            annual_per_mw(bp.capex_usd_per_kw, bp.fixed_om_pct_per_year, bp.lifetime_years, r);
        let order = crate::sim::backup_merit_order(s);
        let primary = order.first().map(|&i| &s.backup[i]);
        let (backup_cost, fuel_cost, backup_cf) = match primary {
            Some(u) => {
                let c = match u.kind {
                    BackupKind::GasTurbine => &e.gas_turbine_per_kw,
                    BackupKind::DieselGenset => &e.diesel_genset_per_kw,
                    BackupKind::GridImport => &e.grid_link_per_kw,
                };
                (
                    annual_per_mw(
                        c.capex_usd_per_kw,
                        c.fixed_om_pct_per_year,
                        c.lifetime_years,
                        r,
                    ),
                    (u.fuel_cost_usd_per_mwh_th
                        + u.emission_factor_t_per_mwh_th * e.carbon_price_usd_per_t)
                        / u.efficiency
                        + u.variable_om_usd_per_mwh,
                    u.carbon_free_frac,
                )
            }
            None => (0.0, 0.0, 0.0),
        };

        let current = Mix {
            solar_mwdc: s.solar_plants.iter().map(|p| p.capacity_mwdc).sum(),
            wind_mw: s
                .wind_farms
                .iter()
                .zip(&p.turbine_mw)
                .map(|(f, t)| f.turbine_count as f64 * t)
                .sum(),
            battery_energy_mwh: s.battery.energy_mwh,
            battery_power_mw: s.battery.power_mw,
            backup_mw: s.backup.iter().map(|u| u.capacity_mw).sum(),
        };
        let o = &s.optimizer;
        let bounds = |sizing: Sizing, current: f64, auto_max: f64, exists: bool| {
            if !exists {
                return Bounds::fixed(0.0);
            }
            match sizing {
                Sizing::Fixed => Bounds::fixed(current),
                Sizing::Free => Bounds {
                    min: 0.0,
                    max: auto_max.max(current),
                },
                Sizing::Between { min, max } => Bounds { min, max },
            }
        };
        let mut solar = bounds(
            o.solar_mwdc,
            current.solar_mwdc,
            8.0 * peak_load,
            !s.solar_plants.is_empty(),
        );
        if let Some(land) = o.max_solar_land_ha
            && p.solar_land_ha_per_mwdc > 0.0
        {
            let cap = land / p.solar_land_ha_per_mwdc;
            solar.max = solar.max.min(cap);
            solar.min = solar.min.min(solar.max);
        }
        let has_wind = p.turbine_mw.iter().any(|t| *t > 0.0);
        let wind = bounds(o.wind_mw, current.wind_mw, 4.0 * peak_load, has_wind);
        let battery_energy = bounds(
            o.battery_energy_mwh,
            current.battery_energy_mwh,
            24.0 * peak_load,
            true,
        );
        let battery_power = bounds(
            o.battery_power_mw,
            current.battery_power_mw,
            1.5 * peak_load,
            true,
        );
        let backup = bounds(o.backup_mw, current.backup_mw, f64::INFINITY, primary.is_some());

        let t = &s.targets;
        let (target, target_value) = match (t.min_renewable_fraction, t.min_cfe_score) {
            (Some(rf), Some(cfe)) if cfe >= rf => (TargetKind::Cfe, cfe),
            (Some(rf), _) => (TargetKind::RenewableFraction, rf),
            (None, Some(cfe)) => (TargetKind::Cfe, cfe),
            (None, None) => (TargetKind::RenewableFraction, 0.0),
        };
        // One farm design: whole turbines of its size. Several: capacities scale together and
        // are rounded per farm when written back.
        let turbine_mw = if p.turbine_mw.len() == 1 {
            p.turbine_mw[0]
        } else {
            0.0
        };
        Ok(Problem {
            step_h: p.step_h,
            load_mw: p.facility_load_mw.as_ref().clone(),
            solar_mw_per_mwdc: p.solar_mw_per_mwdc.clone(),
            wind_mw_per_mw: p.wind_mw_per_mw.clone(),
            unit_costs: UnitCosts {
                solar_usd_per_mwdc_year: solar_cost,
                wind_usd_per_mw_year: wind_cost,
                battery_energy_usd_per_mwh_year: energy_cost,
                battery_power_usd_per_mw_year: power_cost,
                backup_usd_per_mw_year: backup_cost,
                backup_fuel_usd_per_mwh: fuel_cost,
            },
            round_trip_eff: s.battery.round_trip_eff,
            soc_min_frac: s.battery.soc_min_frac,
            soc_max_frac: s.battery.soc_max_frac,
            initial_soc_frac: s.battery.initial_soc_frac,
            self_discharge_frac_per_day: s.battery.self_discharge_frac_per_day,
            solar,
            wind,
            battery_energy,
            battery_power,
            backup,
            target,
            target_value,
            max_unmet_mwh: t.max_unmet_energy_mwh.unwrap_or(0.0),
            backup_carbon_free_frac: backup_cf,
            turbine_mw,
            start: current,
        })
    }

    /// Facility energy over the run [MWh].
    pub fn load_mwh(&self) -> f64 {
        self.load_mw.iter().sum::<f64>() * self.step_h
    }

    /// Largest facility load [MW].
    pub fn peak_load_mw(&self) -> f64 {
        self.load_mw.iter().cloned().fold(0.0, f64::max)
    }

    /// Runs per year: energy-based costs are scaled from the run to a year of 8760 h.
    fn year_scale(&self) -> f64 {
        let period_h = self.load_mw.len() as f64 * self.step_h;
        if period_h > 0.0 {
            8760.0 / period_h
        } else {
            0.0
        }
    }

    /// Annualized cost of a mix with `backup_mwh` of backup output over the run [USD/yr].
    pub fn annualized_cost(&self, m: &Mix, backup_mwh: f64) -> f64 {
        let c = &self.unit_costs;
        c.solar_usd_per_mwdc_year * m.solar_mwdc
            + c.wind_usd_per_mw_year * m.wind_mw
            + c.battery_energy_usd_per_mwh_year * m.battery_energy_mwh
            + c.battery_power_usd_per_mw_year * m.battery_power_mw
            + c.backup_usd_per_mw_year * m.backup_mw
            + c.backup_fuel_usd_per_mwh * backup_mwh * self.year_scale()
    }

    /// Dispatch the mix (solar, wind, battery; `mix.backup_mw` is ignored) and size the backup:
    /// the smallest capacity within its bounds that leaves at most the allowed unmet energy.
    /// `residual` is scratch space for the per-step deficit after the battery.
    pub fn evaluate(&self, mix: &Mix, residual: &mut Vec<f64>) -> Evaluation {
        let n = self
            .load_mw
            .len()
            .min(self.solar_mw_per_mwdc.len())
            .min(self.wind_mw_per_mw.len());
        residual.clear();
        residual.resize(n, 0.0);
        let (load, sol, win) = (
            &self.load_mw[..n],
            &self.solar_mw_per_mwdc[..n],
            &self.wind_mw_per_mw[..n],
        );
        let (s, w) = (mix.solar_mwdc, mix.wind_mw);
        let battery = BatteryLimits::new(
            mix.battery_energy_mwh,
            mix.battery_power_mw,
            self.round_trip_eff,
            self.soc_min_frac,
            self.soc_max_frac,
            self.self_discharge_frac_per_day,
            self.step_h,
        );
        let has_battery = battery.power_mw > 0.0 && battery.soc_max_mwh > battery.soc_min_mwh;
        let mut sum_r = 0.0;
        let mut max_r: f64 = 0.0;
        let res = &mut residual[..n];
        if has_battery {
            let mut soc = mix.battery_energy_mwh * self.initial_soc_frac;
            for i in 0..n {
                let net = s * sol[i] + w * win[i] - load[i];
                let deficit = fmax(-net, 0.0);
                let (_, discharge, next) = battery.step(soc, fmax(net, 0.0), deficit);
                soc = next;
                let r = fmax(deficit - discharge, 0.0);
                res[i] = r;
                sum_r += r;
                max_r = fmax(max_r, r);
            }
        } else {
            for i in 0..n {
                let r = fmax(load[i] - s * sol[i] - w * win[i], 0.0);
                res[i] = r;
                sum_r += r;
                max_r = fmax(max_r, r);
            }
        }
        let step_h = self.step_h;
        let unmet_at = |b: f64| -> f64 { res.iter().map(|&r| fmax(r - b, 0.0)).sum::<f64>() * step_h };
        // Smallest backup that keeps unmet energy within the limit.
        let need = if self.max_unmet_mwh <= 0.0 || max_r <= 0.0 {
            max_r
        } else if sum_r * step_h <= self.max_unmet_mwh {
            0.0
        } else {
            // unmet_at is convex and decreasing: bisection to 1e-6 of the peak.
            let (mut lo, mut hi) = (0.0, max_r);
            while hi - lo > 1e-6 * max_r.max(1.0) {
                let mid = 0.5 * (lo + hi);
                if unmet_at(mid) > self.max_unmet_mwh {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            hi
        };
        let backup_mw = self.backup.clamp(need);
        let unmet = if backup_mw >= max_r {
            0.0
        } else {
            unmet_at(backup_mw)
        };
        let residual_mwh = sum_r * step_h;
        let backup_mwh = fmax(residual_mwh - unmet, 0.0);
        let load_mwh = self.load_mwh();
        let rf = if load_mwh > 0.0 {
            1.0 - residual_mwh / load_mwh
        } else {
            1.0
        };
        let cfe = if load_mwh > 0.0 {
            1.0 - (backup_mwh * (1.0 - self.backup_carbon_free_frac) + unmet) / load_mwh
        } else {
            1.0
        };
        let share = match self.target {
            TargetKind::RenewableFraction => rf,
            TargetKind::Cfe => cfe,
        };
        let mut violation = fmax(self.target_value - share, 0.0);
        if unmet > self.max_unmet_mwh * (1.0 + 1e-9) + 1e-6 && load_mwh > 0.0 {
            violation += (unmet - self.max_unmet_mwh) / load_mwh;
        }
        let m = Mix {
            backup_mw,
            ..*mix
        };
        Evaluation {
            mix: m,
            annualized_cost_usd: self.annualized_cost(&m, backup_mwh),
            renewable_fraction: rf,
            cfe_score: cfe,
            backup_mwh,
            unmet_mwh: unmet,
            violation: fmin(violation, f64::MAX),
        }
    }
}
