//! Step-by-step dispatch: renewables serve the facility; surplus charges the battery and the
//! rest is curtailed; a deficit draws the battery, then backup units in merit order up to their
//! capacity, and the rest is unmet.
//!
//! Every step closes exactly:
//! `solar + wind + discharge + backup + unmet = facility load + charge + curtailment`.
//!
//! 24/7 carbon-free accounting (Google, "24/7 by 2030: Realizing a Carbon-free Future", 2021
//! methodology): per step, clean supply to the load = renewables used directly + battery
//! discharge x clean share of the stored energy + backup x its carbon-free share, capped at the
//! load. Energy out of the battery counts as clean only in the proportion it was charged from
//! clean supply; this dispatch charges the battery only from solar and wind surplus (never from
//! backup), so all of its discharge is clean.

use crate::model::battery::{BatteryLimits, fmax, fmin};

/// A backup unit as the dispatch sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BackupDispatch {
    /// Largest output [MW].
    pub capacity_mw: f64,
    /// Carbon-free share of its output [-].
    pub carbon_free_frac: f64,
}

/// Hourly (per-step) dispatch results. Powers are means over the step [MW]; SoC at step end.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DispatchSeries {
    pub battery_charge_mw: Vec<f64>,
    pub battery_discharge_mw: Vec<f64>,
    pub battery_soc_mwh: Vec<f64>,
    pub backup_mw: Vec<f64>,
    pub curtailed_mw: Vec<f64>,
    pub unmet_mw: Vec<f64>,
}

/// Sums over the run, gathered in the same pass as the dispatch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DispatchTotals {
    pub load_mwh: f64,
    pub solar_mwh: f64,
    pub wind_mwh: f64,
    pub renewable_direct_mwh: f64,
    pub charge_mwh: f64,
    pub discharge_mwh: f64,
    /// Discharged energy that was charged from clean supply [MWh].
    pub discharge_clean_mwh: f64,
    pub curtailed_mwh: f64,
    pub unmet_mwh: f64,
    /// Steps with unmet load, times the step length [h].
    pub loss_of_load_hours: f64,
    /// Clean supply to the load, each step capped at the load [MWh].
    pub clean_served_mwh: f64,
    /// Energy from each backup unit [MWh], in the order given.
    pub backup_unit_mwh: Vec<f64>,
    pub backup_mwh: f64,
    pub peak_load_mw: f64,
    pub peak_backup_mw: f64,
    pub peak_unmet_mw: f64,
}

/// Unmet power below this is treated as met (numerical noise) [MW].
pub const UNMET_TOLERANCE_MW: f64 = 1e-6;

/// Run the dispatch. `backup` must be in merit order (first used first). Series in `out` are
/// resized to the load's length and overwritten, so a caller can reuse their allocations.
#[allow(clippy::too_many_arguments)]
pub fn dispatch(
    solar_mw: &[f64],
    wind_mw: &[f64],
    load_mw: &[f64],
    step_h: f64,
    battery: &BatteryLimits,
    initial_soc_mwh: f64,
    backup: &[BackupDispatch],
    out: &mut DispatchSeries,
) -> DispatchTotals {
    let n = load_mw.len().min(solar_mw.len()).min(wind_mw.len());
    for v in [
        &mut out.battery_charge_mw,
        &mut out.battery_discharge_mw,
        &mut out.battery_soc_mwh,
        &mut out.backup_mw,
        &mut out.curtailed_mw,
        &mut out.unmet_mw,
    ] {
        // Every element is overwritten below: only a new length needs the zero fill.
        if v.len() != n {
            v.clear();
            v.resize(n, 0.0);
        }
    }
    let mut t = DispatchTotals {
        backup_unit_mwh: vec![0.0; backup.len()],
        ..DispatchTotals::default()
    };
    let has_battery = battery.power_mw > 0.0 && battery.soc_max_mwh > battery.soc_min_mwh;
    let mut soc = initial_soc_mwh;
    // Clean share of the stored energy. Energy in the battery at the start is taken as clean
    // (it came from the same plants). This dispatch charges only from solar and wind surplus, so
    // the share stays 1.
    let soc_clean_frac = 1.0;

    let mut sum_charge = 0.0;
    let mut sum_discharge = 0.0;
    let mut sum_unmet = 0.0;
    let mut sum_backup = 0.0;
    let mut sum_direct = 0.0;
    let mut sum_clean = 0.0;
    let mut sum_load = 0.0;
    let mut sum_solar = 0.0;
    let mut sum_wind = 0.0;
    let mut lol_steps = 0u32;
    let mut peak_load: f64 = 0.0;
    let mut peak_backup: f64 = 0.0;
    let mut peak_unmet: f64 = 0.0;

    let DispatchSeries {
        battery_charge_mw,
        battery_discharge_mw,
        battery_soc_mwh,
        backup_mw,
        curtailed_mw,
        unmet_mw,
    } = out;

    // Index loops over slices cut to `n`: the compiler drops the bounds checks.
    let (solar_mw, wind_mw, load_mw) = (&solar_mw[..n], &wind_mw[..n], &load_mw[..n]);
    let (charge_mw, discharge_mw, soc_mwh) = (
        &mut battery_charge_mw[..n],
        &mut battery_discharge_mw[..n],
        &mut battery_soc_mwh[..n],
    );
    let (backup_mw, curtailed_mw, unmet_mw) = (
        &mut backup_mw[..n],
        &mut curtailed_mw[..n],
        &mut unmet_mw[..n],
    );

    // Pass 1: the battery, the only state carried from step to step. A tight loop bound by the
    // latency of the state-of-charge chain; the sums ride along in the idle units.
    if has_battery {
        // The chain alone: only the state of charge is carried.
        for i in 0..n {
            let net = solar_mw[i] + wind_mw[i] - load_mw[i];
            soc = battery.next_soc(
                soc,
                battery.requested_delta_mwh(fmax(net, 0.0), fmax(-net, 0.0)),
            );
            soc_mwh[i] = soc;
        }
        // The flows follow from consecutive states; no chain, so this loop runs wide.
        let mut before = initial_soc_mwh;
        for i in 0..n {
            let net = solar_mw[i] + wind_mw[i] - load_mw[i];
            let (c, d) = battery.flows_mw(before, soc_mwh[i], fmax(net, 0.0), fmax(-net, 0.0));
            before = soc_mwh[i];
            charge_mw[i] = c;
            discharge_mw[i] = d;
            sum_charge += c;
            sum_discharge += d;
        }
    } else {
        charge_mw.fill(0.0);
        discharge_mw.fill(0.0);
        soc_mwh.fill(soc);
    }

    // Pass 2: everything else; no state from step to step. Backup units run in merit order, so
    // the step's total backup is min(deficit, total capacity) and each unit's share follows
    // from the total after the loop.
    let backup_cap_total: f64 = backup.iter().map(|b| b.capacity_mw).sum();
    let first_cf = backup.first().map_or(0.0, |b| b.carbon_free_frac);
    let uniform_cf = backup.iter().all(|b| b.carbon_free_frac == first_cf);
    let all_backup_fossil = uniform_cf && first_cf == 0.0;
    for i in 0..n {
        let (solar, wind, load) = (solar_mw[i], wind_mw[i], load_mw[i]);
        let (charge, discharge) = (charge_mw[i], discharge_mw[i]);
        let supply = solar + wind;
        let direct = fmin(supply, load);
        let curtail = supply - direct - charge;
        let deficit = fmax(load - direct - discharge, 0.0);
        let backup_used = fmin(deficit, backup_cap_total);
        let unmet = deficit - backup_used;
        if unmet > UNMET_TOLERANCE_MW {
            lol_steps += 1;
        }
        if !all_backup_fossil {
            let clean_backup = if uniform_cf {
                backup_used * first_cf
            } else {
                clean_share_of_backup(backup, backup_used)
            };
            sum_clean += fmin(direct + discharge * soc_clean_frac + clean_backup, load);
        }
        sum_load += load;
        sum_solar += solar;
        sum_wind += wind;
        sum_direct += direct;
        sum_backup += backup_used;
        sum_unmet += unmet;
        peak_load = fmax(peak_load, load);
        peak_backup = fmax(peak_backup, backup_used);
        peak_unmet = fmax(peak_unmet, unmet);
        backup_mw[i] = backup_used;
        curtailed_mw[i] = curtail;
        unmet_mw[i] = unmet;
    }
    if all_backup_fossil {
        sum_clean = sum_direct + sum_discharge * soc_clean_frac;
    }
    let sum_curtail = sum_solar + sum_wind - sum_direct - sum_charge;
    if backup.len() == 1 {
        t.backup_unit_mwh[0] = sum_backup;
    } else {
        let mut before = 0.0;
        for (b, total) in backup.iter().zip(t.backup_unit_mwh.iter_mut()) {
            *total = unit_share_sum(backup_mw, before, b.capacity_mw);
            before += b.capacity_mw;
        }
    }
    t.load_mwh = sum_load * step_h;
    t.solar_mwh = sum_solar * step_h;
    t.wind_mwh = sum_wind * step_h;
    t.renewable_direct_mwh = sum_direct * step_h;
    t.charge_mwh = sum_charge * step_h;
    t.discharge_mwh = sum_discharge * step_h;
    t.discharge_clean_mwh = sum_discharge * soc_clean_frac * step_h;
    t.curtailed_mwh = sum_curtail * step_h;
    t.unmet_mwh = sum_unmet * step_h;
    t.backup_mwh = sum_backup * step_h;
    t.clean_served_mwh = sum_clean * step_h;
    t.loss_of_load_hours = lol_steps as f64 * step_h;
    for e in &mut t.backup_unit_mwh {
        *e *= step_h;
    }
    t.peak_load_mw = peak_load;
    t.peak_backup_mw = peak_backup;
    t.peak_unmet_mw = peak_unmet;
    t
}

/// Carbon-free power of `backup_mw` spread over the units in merit order [MW].
fn clean_share_of_backup(backup: &[BackupDispatch], backup_mw: f64) -> f64 {
    let mut left = backup_mw;
    let mut clean = 0.0;
    for b in backup {
        let u = fmin(left, b.capacity_mw);
        clean += u * b.carbon_free_frac;
        left -= u;
    }
    clean
}

/// Energy of one backup unit [MW summed over steps]: its share of each step's total backup,
/// given the capacity of the units before it in merit order. Four accumulators so that the adds
/// do not wait on each other.
fn unit_share_sum(total_backup_mw: &[f64], before_mw: f64, capacity_mw: f64) -> f64 {
    let share = |x: f64| fmin(fmax(x - before_mw, 0.0), capacity_mw);
    let (mut a, mut b, mut c, mut d) = (0.0, 0.0, 0.0, 0.0);
    let chunks = total_backup_mw.chunks_exact(4);
    let tail: f64 = chunks.remainder().iter().map(|&x| share(x)).sum();
    for q in chunks {
        a += share(q[0]);
        b += share(q[1]);
        c += share(q[2]);
        d += share(q[3]);
    }
    (a + b) + (c + d) + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn battery() -> BatteryLimits {
        BatteryLimits::new(100.0, 50.0, 0.81, 0.0, 1.0, 0.0, 1.0)
    }

    #[test]
    fn surplus_charges_then_curtails_and_deficit_discharges_then_backup_then_unmet() {
        // Step 0: 150 MW of sun, 50 MW load: 50 MW charge limit, 50 MW curtailed.
        // Step 1: nothing, 100 MW load: battery 45 MWh x 0.9 = 40.5 MW, backup 30 MW,
        // 29.5 MW unmet.
        let solar = [150.0, 0.0];
        let wind = [0.0, 0.0];
        let load = [50.0, 100.0];
        let mut out = DispatchSeries::default();
        let b = battery();
        let backup = [BackupDispatch {
            capacity_mw: 30.0,
            carbon_free_frac: 0.0,
        }];
        let t = dispatch(&solar, &wind, &load, 1.0, &b, 0.0, &backup, &mut out);
        assert_eq!(out.battery_charge_mw[0], 50.0);
        assert_eq!(out.curtailed_mw[0], 50.0);
        assert!((out.battery_soc_mwh[0] - 45.0).abs() < 1e-12); // 50 x sqrt(0.81)
        assert!((out.battery_discharge_mw[1] - 40.5).abs() < 1e-12);
        assert_eq!(out.backup_mw[1], 30.0);
        assert!((out.unmet_mw[1] - 29.5).abs() < 1e-12);
        assert_eq!(t.loss_of_load_hours, 1.0);
        // CFE: step 0 all clean (50), step 1 the battery's 40.5 (charged from the sun).
        assert!((t.clean_served_mwh - 90.5).abs() < 1e-9);
        for i in 0..2 {
            let lhs = solar[i]
                + wind[i]
                + out.battery_discharge_mw[i]
                + out.backup_mw[i]
                + out.unmet_mw[i];
            let rhs = load[i] + out.battery_charge_mw[i] + out.curtailed_mw[i];
            assert!((lhs - rhs).abs() < 1e-9);
        }
    }

    #[test]
    fn backup_units_run_in_the_given_order_and_clean_share_counts() {
        let backup = [
            BackupDispatch {
                capacity_mw: 10.0,
                carbon_free_frac: 0.5,
            },
            BackupDispatch {
                capacity_mw: 100.0,
                carbon_free_frac: 0.0,
            },
        ];
        let mut out = DispatchSeries::default();
        let none = BatteryLimits::new(0.0, 0.0, 0.9, 0.0, 1.0, 0.0, 1.0);
        let t = dispatch(&[0.0], &[20.0], &[50.0], 1.0, &none, 0.0, &backup, &mut out);
        assert_eq!(t.backup_unit_mwh, vec![10.0, 20.0]);
        assert!((t.clean_served_mwh - 25.0).abs() < 1e-12);
        assert_eq!(t.unmet_mwh, 0.0);
    }
}
