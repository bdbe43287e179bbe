//! Step-by-step dispatch: renewables serve the facility; surplus charges the battery and the
//! rest is curtailed; a deficit draws the battery, then backup units in merit order up to their
//! capacity, and the rest is unmet.
//!
//! When the backup cannot cover the largest deficit on its own, the battery keeps a reserve: the
//! energy that the coming deficits above the backup capacity will need (a backward pass over the
//! run, [`backup_reserve_mwh`]; perfect foresight, as in a capacity-expansion LP). Above the
//! reserve it discharges into every deficit. When surplus alone cannot refill it in time, spare
//! backup capacity charges the battery up to the reserve, just in time (HOMER's "cycle
//! charging", limited to what the reserve needs). So the dispatch serves all it can with the
//! least backup energy. With enough backup the reserve is the SoC floor and the dispatch is the
//! plain greedy one.
//!
//! Energy the backup puts into the battery is not renewable: the renewable fraction and the CFE
//! score subtract it (at its input, as the equivalent linear program counts backup output).
//!
//! Every step closes exactly:
//! `solar + wind + discharge + backup + unmet = facility load + charge + curtailment`.
//!
//! 24/7 carbon-free accounting (Google, "24/7 by 2030: Realizing a Carbon-free Future", 2021
//! methodology): per step, clean supply to the load = renewables used directly + battery
//! discharge x clean share of the stored energy + backup x its carbon-free share, capped at the
//! load. Energy out of the battery counts as clean only in the proportion it was charged from
//! clean supply: backup energy put into the battery (only when the reserve needs it, see below)
//! is taken off the clean discharge.

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
    /// Backup output that charged the battery (included in `backup_mw` and
    /// `battery_charge_mw`) [MW].
    pub backup_to_battery_mw: Vec<f64>,
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
    /// Backup energy that charged the battery (part of `backup_mwh`) [MWh].
    pub backup_to_battery_mwh: f64,
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

/// The stored energy the battery must hold at the end of each step so that every later deficit
/// above `backup_mw` can be covered, counting on surplus (and, with `spare_backup_charges`, on
/// spare backup capacity) to charge it in between, as far as the battery's power and size
/// allow [MWh]. `net_mw` is supply minus load per step. Written into `out` (resized to
/// `net_mw`'s length).
///
/// The dispatch keeps two: the reserve counting on spare backup is what must be held (below it
/// the load cannot be served); the one counting on surplus alone is what it pays to hold, since
/// energy discharged below it must later be replaced by backup through the battery's losses.
pub fn backup_reserve_mwh(
    net_mw: &[f64],
    backup_mw: f64,
    battery: &BatteryLimits,
    spare_backup_charges: bool,
    out: &mut Vec<f64>,
) {
    let n = net_mw.len();
    out.clear();
    out.resize(n, battery.soc_min_mwh);
    let keep = 1.0 - battery.self_discharge_per_step;
    let inv_keep = if keep > 0.0 { 1.0 / keep } else { 1.0 };
    let into = battery.eta_charge * battery.step_h;
    let out_per_mw = battery.step_h / battery.eta_discharge;
    let spare_factor = if spare_backup_charges { 1.0 } else { 0.0 };
    let mut need = battery.soc_min_mwh;
    let out = &mut out[..n];
    for i in (1..n).rev() {
        let net = net_mw[i];
        // Energy step i can add (surplus and spare backup, charging) or must take (deficit
        // above the backup); one of the two terms is zero. Branch-free: the sign of net changes
        // often.
        let spare_backup = spare_factor * fmax(backup_mw - fmax(-net, 0.0), 0.0);
        let change = fmin(fmax(net, 0.0) + spare_backup, battery.power_mw) * into
            - fmin(fmax(-net - backup_mw, 0.0), battery.power_mw) * out_per_mw;
        need = fmin(
            fmax((need - change) * inv_keep, battery.soc_min_mwh),
            battery.soc_max_mwh,
        );
        out[i - 1] = need;
    }
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
        &mut out.backup_to_battery_mw,
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
    let has_battery = battery.is_usable();
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
    let mut sum_curtail = 0.0;
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
        backup_to_battery_mw,
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
    let to_battery_mw = &mut backup_to_battery_mw[..n];
    to_battery_mw.fill(0.0);
    let mut sum_to_battery = 0.0;

    // Pass 1: the battery, the only state carried from step to step. A tight loop bound by the
    // latency of the state-of-charge chain; the sums ride along in the idle units.
    let backup_cap_total: f64 = backup.iter().map(|b| b.capacity_mw).sum();
    if has_battery {
        // The plain greedy chain first, noting the largest deficit on the way (free: the loop
        // waits on the state-of-charge chain). Only the state of charge is carried.
        let mut max_deficit: f64 = 0.0;
        for i in 0..n {
            let net = solar_mw[i] + wind_mw[i] - load_mw[i];
            max_deficit = fmax(max_deficit, -net);
            soc = battery.next_soc(
                soc,
                battery.requested_delta_mwh(fmax(net, 0.0), fmax(-net, 0.0)),
            );
            soc_mwh[i] = soc;
        }
        let keeps_reserve = max_deficit > backup_cap_total + UNMET_TOLERANCE_MW;
        if keeps_reserve {
            // `soc_mwh` holds the net power first, then the SoC.
            let (mut keep, mut need) = (Vec::new(), Vec::new());
            for i in 0..n {
                soc_mwh[i] = solar_mw[i] + wind_mw[i] - load_mw[i];
            }
            backup_reserve_mwh(soc_mwh, backup_cap_total, battery, false, &mut keep);
            backup_reserve_mwh(soc_mwh, backup_cap_total, battery, true, &mut need);
            let mut before = initial_soc_mwh;
            soc = initial_soc_mwh;
            for i in 0..n {
                let net = soc_mwh[i];
                soc =
                    next_soc_keeping_reserve(battery, soc, net, backup_cap_total, keep[i], need[i]);
                let (c, d, from_backup) = flows_keeping_reserve_mw(battery, before, soc, net);
                before = soc;
                soc_mwh[i] = soc;
                charge_mw[i] = c;
                discharge_mw[i] = d;
                to_battery_mw[i] = from_backup;
                sum_charge += c;
                sum_discharge += d;
                sum_to_battery += from_backup;
            }
        } else {
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
        }
    } else {
        charge_mw.fill(0.0);
        discharge_mw.fill(0.0);
        soc_mwh.fill(soc);
    }

    // Pass 2: everything else; no state from step to step. Backup units run in merit order, so
    // the step's total backup is min(deficit, total capacity) and each unit's share follows
    // from the total after the loop.
    let first_cf = backup.first().map_or(0.0, |b| b.carbon_free_frac);
    let uniform_cf = backup.iter().all(|b| b.carbon_free_frac == first_cf);
    let all_backup_fossil = uniform_cf && first_cf == 0.0;
    for i in 0..n {
        let (solar, wind, load) = (solar_mw[i], wind_mw[i], load_mw[i]);
        let (charge, discharge, to_battery) = (charge_mw[i], discharge_mw[i], to_battery_mw[i]);
        let supply = solar + wind;
        let direct = fmin(supply, load);
        // Not below zero: where nothing is curtailed the difference leaves rounding (-1e-14 MW).
        let curtail = fmax(supply - direct - (charge - to_battery), 0.0);
        let deficit = fmax(load - direct - discharge, 0.0);
        let to_load = fmin(deficit, backup_cap_total);
        let unmet = deficit - to_load;
        let backup_used = to_load + to_battery;
        if unmet > UNMET_TOLERANCE_MW {
            lol_steps += 1;
        }
        if !all_backup_fossil {
            let clean_backup = if uniform_cf {
                to_load * first_cf
            } else {
                clean_share_of_backup(backup, to_load)
            };
            sum_clean += fmin(direct + discharge * soc_clean_frac + clean_backup, load);
        }
        sum_load += load;
        sum_solar += solar;
        sum_wind += wind;
        sum_direct += direct;
        sum_curtail += curtail;
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
    // Backup energy stored in the battery came back as part of the discharge: it is not clean
    // (counted at its input, as the equivalent LP counts backup output). Exact for one kind of
    // backup; with several, at the first unit's clean share.
    let discharge_clean = fmax(sum_discharge * soc_clean_frac - sum_to_battery, 0.0);
    sum_clean -= sum_to_battery * (1.0 - first_cf);
    // Summed step by step, not as supply minus its uses: that difference of large sums leaves
    // rounding (a negative curtailment of -1e-7 MWh where nothing is curtailed).
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
    t.discharge_clean_mwh = discharge_clean * step_h;
    t.backup_to_battery_mwh = sum_to_battery * step_h;
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

/// Stored energy after a step with net power `net_mw` (supply - load) when the battery keeps
/// reserves for later deficits above `backup_mw` ([`backup_reserve_mwh`]): surplus charges as
/// much as it can; a deficit draws the battery down to `keep_mwh` (the reserve surplus alone
/// refills), and at least the part above the backup; if the battery is then below `need_mwh`
/// (the reserve without which later load goes unserved), spare backup charges it up to that.
///
/// Same as [`BatteryLimits::next_soc`] with the discharge request
/// `min(deficit, max(energy above the reserve, deficit - backup))`, rewritten so that the chain
/// from one step's SoC to the next is a multiply, a subtraction and a few min/max: with the
/// energy a step may take `a`, must take `m` (both negative when charging) and the floor,
/// `base = clamp(max(kept - a, min(keep, kept - m)), floor, ceiling)`, then the top-up
/// `max(base, min(need, base + spare backup charge))`.
#[inline(always)]
pub fn next_soc_keeping_reserve(
    battery: &BatteryLimits,
    soc_mwh: f64,
    net_mw: f64,
    backup_mw: f64,
    keep_mwh: f64,
    need_mwh: f64,
) -> f64 {
    let offer = fmin(fmax(net_mw, 0.0), battery.power_mw);
    let charge_in = offer * battery.eta_charge * battery.step_h;
    let deficit = fmax(-net_mw, 0.0);
    let per_mw_out = battery.step_h / battery.eta_discharge;
    let may_take = fmin(deficit, battery.power_mw) * per_mw_out - charge_in;
    let must_take = fmin(fmax(deficit - backup_mw, 0.0), battery.power_mw) * per_mw_out - charge_in;
    let floor = battery.soc_min_mwh + charge_in;
    let spare_in = fmin(battery.power_mw - offer, fmax(backup_mw - deficit, 0.0))
        * battery.eta_charge
        * battery.step_h;
    let kept = soc_mwh * (1.0 - battery.self_discharge_per_step);
    let base = fmin(
        fmax(
            fmax(kept - may_take, fmin(keep_mwh, kept - must_take)),
            floor,
        ),
        battery.soc_max_mwh,
    );
    fmax(base, fmin(need_mwh, base + spare_in))
}

/// Grid-side flows of a step of the reserve-keeping dispatch that went from `soc_before_mwh`
/// to `soc_after_mwh` with net power `net_mw`: (charge, discharge, the part of the charge that
/// came from backup) [MW].
#[inline(always)]
pub fn flows_keeping_reserve_mw(
    battery: &BatteryLimits,
    soc_before_mwh: f64,
    soc_after_mwh: f64,
    net_mw: f64,
) -> (f64, f64, f64) {
    let rest = fmax(
        soc_before_mwh * (1.0 - battery.self_discharge_per_step),
        battery.soc_min_mwh,
    );
    let offer = fmin(fmax(net_mw, 0.0), battery.power_mw);
    let charge = fmin(
        fmax(soc_after_mwh - rest, 0.0) / (battery.eta_charge * battery.step_h),
        battery.power_mw,
    );
    let discharge = fmin(
        fmax(rest - soc_after_mwh, 0.0) * battery.eta_discharge / battery.step_h,
        fmin(fmax(-net_mw, 0.0), battery.power_mw),
    );
    let from_backup = fmax(charge - offer, 0.0);
    (charge, discharge, from_backup)
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

    #[test]
    fn small_backup_makes_the_battery_keep_a_reserve_and_charge_from_spare_backup() {
        // Lossless 100 MWh / 100 MW battery starting empty, 50 MW of backup.
        // Step 0: 40 MW deficit (backup covers it; 10 MW spare).
        // Step 1: 20 MW surplus.
        // Step 2: 30 MW deficit (greedy would discharge here).
        // Step 3: 100 MW deficit: 50 above the backup, so the battery must hold 50 MWh.
        // Surplus gives 20 MWh and spare backup 10 + 20 = 30 MWh: exactly enough, and the
        // battery must not discharge at step 2.
        let solar = [0.0, 20.0, 0.0, 0.0];
        let wind = [0.0; 4];
        let load = [40.0, 0.0, 30.0, 100.0];
        let b = BatteryLimits::new(100.0, 100.0, 1.0, 0.0, 1.0, 0.0, 1.0);
        let backup = [BackupDispatch {
            capacity_mw: 50.0,
            carbon_free_frac: 0.0,
        }];
        let mut out = DispatchSeries::default();
        let t = dispatch(&solar, &wind, &load, 1.0, &b, 0.0, &backup, &mut out);
        assert!(t.unmet_mwh < 1e-9, "{:?}", out);
        assert_eq!(out.battery_discharge_mw[2], 0.0);
        assert!((out.battery_discharge_mw[3] - 50.0).abs() < 1e-9);
        assert!((t.backup_to_battery_mwh - 30.0).abs() < 1e-9, "{t:?}");
        assert!(out.backup_mw.iter().all(|&x| x <= 50.0 + 1e-9));
        // Balance every step, backup-charging included.
        for i in 0..4 {
            let lhs = solar[i]
                + wind[i]
                + out.battery_discharge_mw[i]
                + out.backup_mw[i]
                + out.unmet_mw[i];
            let rhs = load[i] + out.battery_charge_mw[i] + out.curtailed_mw[i];
            assert!((lhs - rhs).abs() < 1e-9, "step {i}: {lhs} vs {rhs}");
        }
        // Clean supply: the 20 MWh of sun only (through the battery); the 30 MWh the backup
        // stored are not.
        assert!((t.renewable_direct_mwh + t.discharge_clean_mwh - 20.0).abs() < 1e-9);
        assert!((t.clean_served_mwh - 20.0).abs() < 1e-9);
        // The plain greedy dispatch, with enough backup, is unchanged.
        let big = [BackupDispatch {
            capacity_mw: 100.0,
            carbon_free_frac: 0.0,
        }];
        let t = dispatch(&solar, &wind, &load, 1.0, &b, 0.0, &big, &mut out);
        assert!((out.battery_discharge_mw[2] - 20.0).abs() < 1e-9);
        assert_eq!(t.backup_to_battery_mwh, 0.0);
    }
}
