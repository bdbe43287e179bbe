//! Step-by-step dispatch: renewables (any list of supply components) serve the facility;
//! surplus charges the battery and the rest is curtailed; a deficit draws the battery, then
//! backup units in merit order up to their capacity, and the rest is unmet.
//!
//! The stores are a list ([`StoreDispatch`]): the first (the scenario's battery) runs the rule
//! below; each later one dispatches greedily on what the stores before it left. With one store
//! the result is that of the single-store rule bit for bit.
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
//! `solar + wind + discharge + backup + unmet = facility load + charge + export + curtailment`.
//!
//! Export: renewable surplus that the stores cannot take goes out through the units that can
//! export (a grid link) up to their export capacity before the rest is curtailed. A unit may
//! serve only from a given step on (a line being built): its capacity, and its export, count
//! from then, and the battery's reserve plans with the capacity of each step.
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
    /// Largest export of surplus through it [MW] (a grid link; 0 for the others).
    pub export_mw: f64,
    /// First step in which it serves (and exports); 0 = the whole run, the run's length or
    /// more = never (a line still being built).
    pub available_from_step: usize,
}

impl BackupDispatch {
    /// A unit that serves the whole run and exports nothing.
    pub fn always(capacity_mw: f64, carbon_free_frac: f64) -> Self {
        Self {
            capacity_mw,
            carbon_free_frac,
            export_mw: 0.0,
            available_from_step: 0,
        }
    }

    /// Whether it serves at step `i`.
    #[inline(always)]
    pub fn serves_at(&self, i: usize) -> bool {
        i >= self.available_from_step
    }
}

/// A store as the dispatch sees it: its limits for the run's step and what it holds at the
/// start. Any kind of store (a battery, a long-duration store) reduces to these; its own module
/// converts its parameters (see `Scenario::stores`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StoreDispatch {
    /// Which store, for messages and columns (the scenario's field, e.g. `battery`).
    pub key: &'static str,
    pub limits: BatteryLimits,
    /// Stored energy at the start of the run [MWh].
    pub initial_soc_mwh: f64,
}

/// Per-step flows of one store. Powers are means over the step [MW]; SoC at step end [MWh].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoreSeries {
    /// The store's key ([`StoreDispatch::key`]).
    pub key: &'static str,
    pub charge_mw: Vec<f64>,
    pub discharge_mw: Vec<f64>,
    pub soc_mwh: Vec<f64>,
    /// Backup output that charged this store (included in `backup_mw` and `charge_mw`) [MW].
    pub from_backup_mw: Vec<f64>,
}

/// Give each series `n` elements. The dispatch overwrites every element, so only a new length
/// needs the zero fill (a reused buffer keeps its allocation and skips it).
fn fit_len<'a>(series: impl IntoIterator<Item = &'a mut Vec<f64>>, n: usize) {
    for v in series {
        if v.len() != n {
            v.clear();
            v.resize(n, 0.0);
        }
    }
}

impl StoreSeries {
    fn resize(&mut self, n: usize) {
        fit_len(
            [
                &mut self.charge_mw,
                &mut self.discharge_mw,
                &mut self.soc_mwh,
                &mut self.from_backup_mw,
            ],
            n,
        );
    }
}

/// Hourly (per-step) dispatch results. Powers are means over the step [MW]; SoC at step end.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DispatchSeries {
    /// One per store, in the order the dispatch was given them; the scenario's battery first.
    pub stores: Vec<StoreSeries>,
    /// Available renewable supply, all supply components summed [MW].
    pub supply_mw: Vec<f64>,
    pub backup_mw: Vec<f64>,
    /// Renewable surplus neither used, stored nor exported [MW].
    pub curtailed_mw: Vec<f64>,
    pub unmet_mw: Vec<f64>,
    /// Surplus exported through the backup units that can (a grid link) [MW].
    pub exported_mw: Vec<f64>,
}

/// What [`DispatchSeries::battery`] returns before any dispatch.
static NO_STORE: StoreSeries = StoreSeries {
    key: "",
    charge_mw: Vec::new(),
    discharge_mw: Vec::new(),
    soc_mwh: Vec::new(),
    from_backup_mw: Vec::new(),
};

impl DispatchSeries {
    /// The scenario's battery: the first store (empty series before any dispatch).
    pub fn battery(&self) -> &StoreSeries {
        self.stores.first().unwrap_or(&NO_STORE)
    }

    /// Power into all stores at step `i` [MW].
    pub fn charge_mw_at(&self, i: usize) -> f64 {
        self.stores.iter().map(|s| s.charge_mw[i]).sum()
    }

    /// Power out of all stores at step `i` [MW].
    pub fn discharge_mw_at(&self, i: usize) -> f64 {
        self.stores.iter().map(|s| s.discharge_mw[i]).sum()
    }

    /// Steps that every series holds.
    pub fn len(&self) -> usize {
        self.stores
            .iter()
            .flat_map(|s| [s.charge_mw.len(), s.discharge_mw.len(), s.soc_mwh.len()])
            .chain([
                self.backup_mw.len(),
                self.curtailed_mw.len(),
                self.unmet_mw.len(),
            ])
            .min()
            .unwrap_or(0)
    }

    /// True when the series hold no step.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The store of key `key` (empty series if the run had none).
    pub fn store(&self, key: &str) -> &StoreSeries {
        self.stores
            .iter()
            .find(|s| s.key == key)
            .unwrap_or(&NO_STORE)
    }
}

/// Sums of one store over the run [MWh].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoreTotals {
    pub charge_mwh: f64,
    pub discharge_mwh: f64,
    /// Backup energy that charged this store (part of its charge) [MWh].
    pub from_backup_mwh: f64,
}

/// Sums over the run, gathered in the same pass as the dispatch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DispatchTotals {
    pub load_mwh: f64,
    /// Available energy of each supply component, in the order given (the scenario's:
    /// [`SUPPLY_KINDS`](super::SUPPLY_KINDS)) [MWh].
    pub supply_mwh: Vec<f64>,
    pub renewable_direct_mwh: f64,
    /// Energy into all stores [MWh].
    pub charge_mwh: f64,
    /// Energy out of all stores [MWh].
    pub discharge_mwh: f64,
    /// Discharged energy that was charged from clean supply [MWh].
    pub discharge_clean_mwh: f64,
    /// Backup energy that charged a store (part of `backup_mwh`) [MWh].
    pub backup_to_battery_mwh: f64,
    /// Each store's sums, in the order given.
    pub stores: Vec<StoreTotals>,
    pub curtailed_mwh: f64,
    /// Surplus exported [MWh] (not part of `curtailed_mwh`).
    pub exported_mwh: f64,
    /// Surplus exported through each backup unit [MWh] (filled by the scenario's dispatch,
    /// [`run_dispatch_scheduled`](super::run_dispatch_scheduled); empty here).
    pub exported_unit_mwh: Vec<f64>,
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
    reserve_with(net_mw, |_| backup_mw, battery, spare_backup_charges, out);
}

/// Both reserves of [`backup_reserve_mwh`] in one pass: counting on surplus alone into `keep`
/// (what it pays to hold) and on spare backup too into `need` (what must be held). The same
/// numbers as two calls; the two chains run side by side.
pub fn backup_reserves_mwh(
    net_mw: &[f64],
    backup_mw: f64,
    battery: &BatteryLimits,
    keep: &mut Vec<f64>,
    need: &mut Vec<f64>,
) {
    let n = net_mw.len();
    for out in [&mut *keep, &mut *need] {
        out.clear();
        out.resize(n, battery.soc_min_mwh);
    }
    let (rk, rn) = (
        ReserveStep::new(battery, false),
        ReserveStep::new(battery, true),
    );
    let (mut a, mut b) = (battery.soc_min_mwh, battery.soc_min_mwh);
    let (keep, need) = (&mut keep[..n], &mut need[..n]);
    for i in (1..n).rev() {
        a = rk.before(a, net_mw[i], backup_mw);
        b = rn.before(b, net_mw[i], backup_mw);
        keep[i - 1] = a;
        need[i - 1] = b;
    }
}

/// [`backup_reserve_mwh`] with the backup capacity of each step `backup_mw(i)`.
fn reserve_with(
    net_mw: &[f64],
    backup_mw: impl Fn(usize) -> f64,
    battery: &BatteryLimits,
    spare_backup_charges: bool,
    out: &mut Vec<f64>,
) {
    let n = net_mw.len();
    out.clear();
    out.resize(n, battery.soc_min_mwh);
    let r = ReserveStep::new(battery, spare_backup_charges);
    let mut need = battery.soc_min_mwh;
    let out = &mut out[..n];
    for i in (1..n).rev() {
        need = r.before(need, net_mw[i], backup_mw(i));
        out[i - 1] = need;
    }
}

/// [`backup_reserve_mwh`] planned on a rolling horizon: the reserve at the end of step `i`
/// counts only the deficits of the next `horizon_steps` steps (`i + 1 ..= i + horizon_steps`),
/// as an energy-management system that sees that far ahead plans it. With a horizon at least
/// the run's length it is [`backup_reserve_mwh`] exactly; with 0 it is the floor (no reserve).
/// Costs horizon x steps.
pub fn forecast_reserve_mwh(
    net_mw: &[f64],
    backup_mw: f64,
    battery: &BatteryLimits,
    spare_backup_charges: bool,
    horizon_steps: usize,
    out: &mut Vec<f64>,
) {
    forecast_reserve_with(
        net_mw,
        |_| backup_mw,
        battery,
        spare_backup_charges,
        horizon_steps,
        out,
    );
}

/// [`forecast_reserve_mwh`] with the backup capacity of each step `backup_mw(i)`.
fn forecast_reserve_with(
    net_mw: &[f64],
    backup_mw: impl Fn(usize) -> f64 + Copy,
    battery: &BatteryLimits,
    spare_backup_charges: bool,
    horizon_steps: usize,
    out: &mut Vec<f64>,
) {
    let n = net_mw.len();
    if horizon_steps >= n {
        return reserve_with(net_mw, backup_mw, battery, spare_backup_charges, out);
    }
    out.clear();
    out.resize(n, battery.soc_min_mwh);
    let r = ReserveStep::new(battery, spare_backup_charges);
    for (i, o) in out.iter_mut().enumerate() {
        let last = (i + horizon_steps).min(n - 1);
        let mut need = battery.soc_min_mwh;
        for j in (i + 1..=last).rev() {
            need = r.before(need, net_mw[j], backup_mw(j));
        }
        *o = need;
    }
}

/// One step of the reserve's backward pass: from the energy needed at a step's end to the
/// energy needed at its start.
struct ReserveStep {
    power_mw: f64,
    soc_min_mwh: f64,
    soc_max_mwh: f64,
    inv_keep: f64,
    into: f64,
    out_per_mw: f64,
    spare_factor: f64,
}

impl ReserveStep {
    fn new(battery: &BatteryLimits, spare_backup_charges: bool) -> Self {
        let keep = 1.0 - battery.self_discharge_per_step;
        ReserveStep {
            power_mw: battery.power_mw,
            soc_min_mwh: battery.soc_min_mwh,
            soc_max_mwh: battery.soc_max_mwh,
            inv_keep: if keep > 0.0 { 1.0 / keep } else { 1.0 },
            into: battery.eta_charge * battery.step_h,
            out_per_mw: battery.step_h / battery.eta_discharge,
            spare_factor: if spare_backup_charges { 1.0 } else { 0.0 },
        }
    }

    /// The energy needed at the start of a step with net power `net` (supply - load) and
    /// `backup_mw` of backup when `need` is needed at its end [MWh].
    #[inline(always)]
    fn before(&self, need: f64, net: f64, backup_mw: f64) -> f64 {
        // Energy the step can add (surplus and spare backup, charging) or must take (deficit
        // above the backup); one of the two terms is zero. Branch-free: the sign of net changes
        // often.
        let spare_backup = self.spare_factor * fmax(backup_mw - fmax(-net, 0.0), 0.0);
        let change = fmin(fmax(net, 0.0) + spare_backup, self.power_mw) * self.into
            - fmin(fmax(-net - backup_mw, 0.0), self.power_mw) * self.out_per_mw;
        fmin(
            fmax((need - change) * self.inv_keep, self.soc_min_mwh),
            self.soc_max_mwh,
        )
    }
}

/// Both reserves of the module doc for a run with `horizon_steps` of foresight (`None`: the
/// whole run): (what it pays to keep, what must be kept) [MWh per step end].
pub fn reserves_mwh(
    net_mw: &[f64],
    backup_mw: f64,
    battery: &BatteryLimits,
    horizon_steps: Option<usize>,
) -> (Vec<f64>, Vec<f64>) {
    reserves_with(net_mw, |_| backup_mw, battery, horizon_steps)
}

/// [`reserves_mwh`] with the backup capacity of each step `backup_mw(i)`.
fn reserves_with(
    net_mw: &[f64],
    backup_mw: impl Fn(usize) -> f64 + Copy,
    battery: &BatteryLimits,
    horizon_steps: Option<usize>,
) -> (Vec<f64>, Vec<f64>) {
    let (mut keep, mut need) = (Vec::new(), Vec::new());
    let h = horizon_steps.unwrap_or(usize::MAX);
    forecast_reserve_with(net_mw, backup_mw, battery, false, h, &mut keep);
    forecast_reserve_with(net_mw, backup_mw, battery, true, h, &mut need);
    (keep, need)
}

/// Unmet power below this is treated as met (numerical noise) [MW].
pub const UNMET_TOLERANCE_MW: f64 = 1e-6;

/// Run the dispatch. `supply_mw` holds each supply component's available output (solar, wind,
/// ...), `stores` the stores in dispatch order and `backup` the units in merit order (first used
/// first). Series in `out` are resized to the load's length and overwritten, so a caller can
/// reuse their allocations.
///
/// Stores: the first keeps the backup reserve and may be charged from spare backup (see the
/// module doc); each later one then dispatches greedily on what the stores before it left
/// (residual surplus charges it, residual deficit draws it) before the backup runs. With one
/// store this is exactly the single-store dispatch (and the optimizer's, which the LP checks);
/// with more, give the shortest-duration store first, so that the long-duration store covers
/// what the daily store cannot.
pub fn dispatch(
    supply_mw: &[&[f64]],
    load_mw: &[f64],
    step_h: f64,
    stores: &[StoreDispatch],
    backup: &[BackupDispatch],
    out: &mut DispatchSeries,
) -> DispatchTotals {
    dispatch_with_foresight(supply_mw, load_mw, step_h, stores, backup, None, out)
}

/// [`dispatch`] with the first store's reserve planned from `horizon_steps` steps ahead
/// ([`forecast_reserve_mwh`]; `None`: the whole run, `Some(0)`: none, the greedy rule).
// Index loops over slices cut to `n` (the compiler drops the bounds checks), several series per
// index.
#[allow(clippy::needless_range_loop)]
pub fn dispatch_with_foresight(
    supply_mw: &[&[f64]],
    load_mw: &[f64],
    step_h: f64,
    stores: &[StoreDispatch],
    backup: &[BackupDispatch],
    horizon_steps: Option<usize>,
    out: &mut DispatchSeries,
) -> DispatchTotals {
    let n = supply_mw.iter().fold(load_mw.len(), |n, s| n.min(s.len()));
    // The core, monomorphised on whether anything can be exported (without, the step loop has
    // no export to compute or store) and on the capacity closures.
    macro_rules! core {
        ($exports:expr, $cap:expr, $export:expr) => {
            if $exports {
                dispatch_core::<true>(
                    supply_mw,
                    load_mw,
                    step_h,
                    stores,
                    backup,
                    horizon_steps,
                    out,
                    $cap,
                    $export,
                )
            } else {
                dispatch_core::<false>(
                    supply_mw,
                    load_mw,
                    step_h,
                    stores,
                    backup,
                    horizon_steps,
                    out,
                    $cap,
                    $export,
                )
            }
        };
    }
    if backup.iter().all(|b| b.available_from_step == 0) {
        // The usual case: the same backup and export capacity in every step.
        let cap: f64 = backup.iter().map(|b| b.capacity_mw).sum();
        let export: f64 = backup.iter().map(|b| b.export_mw).sum();
        core!(export > 0.0, |_| cap, |_| export)
    } else {
        // A unit that comes later (a line being built): the capacities of each step.
        let (mut cap, mut export) = (vec![0.0; n], vec![0.0; n]);
        for b in backup {
            for i in b.available_from_step.min(n)..n {
                cap[i] += b.capacity_mw;
                export[i] += b.export_mw;
            }
        }
        core!(export.iter().any(|&e| e > 0.0), |i| cap[i], |i| export[i])
    }
}

/// [`dispatch_with_foresight`] with the total backup capacity `cap(i)` and export capacity
/// `export_cap(i)` of each step (closures, so that the constant case compiles to constants).
#[allow(clippy::too_many_arguments, clippy::needless_range_loop)]
fn dispatch_core<const EXPORTS: bool>(
    supply_mw: &[&[f64]],
    load_mw: &[f64],
    step_h: f64,
    stores: &[StoreDispatch],
    backup: &[BackupDispatch],
    horizon_steps: Option<usize>,
    out: &mut DispatchSeries,
    cap: impl Fn(usize) -> f64 + Copy,
    export_cap: impl Fn(usize) -> f64 + Copy,
) -> DispatchTotals {
    let n = supply_mw.iter().fold(load_mw.len(), |n, s| n.min(s.len()));
    out.stores.resize_with(stores.len(), StoreSeries::default);
    for (s, store) in out.stores.iter_mut().zip(stores) {
        s.key = store.key;
        s.resize(n);
    }
    fit_len(
        [
            &mut out.supply_mw,
            &mut out.backup_mw,
            &mut out.curtailed_mw,
            &mut out.unmet_mw,
            &mut out.exported_mw,
        ],
        n,
    );
    let mut t = DispatchTotals {
        backup_unit_mwh: vec![0.0; backup.len()],
        ..DispatchTotals::default()
    };
    // Clean share of the stored energy. Energy in a store at the start is taken as clean (it
    // came from the same plants). Stores charge only from solar and wind surplus, or from backup
    // that is taken off below, so the share stays 1.
    let soc_clean_frac = 1.0;

    let mut sum_unmet = 0.0;
    let mut sum_backup = 0.0;
    let mut sum_direct = 0.0;
    let mut sum_clean = 0.0;
    let mut sum_load = 0.0;
    let mut sum_curtail = 0.0;
    let mut sum_export = 0.0;
    let mut lol_steps = 0u32;
    let mut peak_load: f64 = 0.0;
    let mut peak_backup: f64 = 0.0;
    let mut peak_unmet: f64 = 0.0;

    let DispatchSeries {
        stores: store_series,
        supply_mw: total_supply_mw,
        backup_mw,
        curtailed_mw,
        unmet_mw,
        exported_mw,
    } = out;

    // The supply, summed over the components in the order given.
    let supply = &mut total_supply_mw[..n];
    supply.fill(0.0);
    for s in supply_mw {
        for (acc, v) in supply.iter_mut().zip(&s[..n]) {
            *acc += v;
        }
    }
    let supply = &*supply;
    let load_mw = &load_mw[..n];
    let (backup_mw, curtailed_mw, unmet_mw, exported_mw) = (
        &mut backup_mw[..n],
        &mut curtailed_mw[..n],
        &mut unmet_mw[..n],
        &mut exported_mw[..n],
    );
    if !EXPORTS {
        // Nothing can leave: no export in any step (a reused buffer may hold an earlier run's).
        exported_mw.fill(0.0);
    }

    // Pass 1: the stores, the only state carried from step to step.
    let mut store_sums = Vec::with_capacity(stores.len());
    for (k, (store, series)) in stores.iter().zip(store_series.iter_mut()).enumerate() {
        let sums = if k == 0 {
            dispatch_first_store(store, supply, load_mw, cap, horizon_steps, series)
        } else {
            // `backup_mw` (free until pass 2) holds the residual net power the stores before
            // this one left.
            dispatch_greedy_store(store, backup_mw, series)
        };
        store_sums.push(sums);
        if k + 1 < stores.len() {
            // What this store leaves for the next.
            if k == 0 {
                for i in 0..n {
                    backup_mw[i] = supply[i] - load_mw[i];
                }
            }
            for i in 0..n {
                backup_mw[i] +=
                    series.discharge_mw[i] - (series.charge_mw[i] - series.from_backup_mw[i]);
            }
        }
    }
    let mut sum_charge = 0.0;
    let mut sum_discharge = 0.0;
    let mut sum_to_battery = 0.0;
    for s in &store_sums {
        sum_charge += s.charge_mwh;
        sum_discharge += s.discharge_mwh;
        sum_to_battery += s.from_backup_mwh;
    }

    // The stores' flows per step: the one store's own series, or the sums over several.
    let summed;
    let (charge_mw, discharge_mw, to_battery_mw): (&[f64], &[f64], &[f64]) = match &store_series[..]
    {
        [one] => (&one.charge_mw, &one.discharge_mw, &one.from_backup_mw),
        many => {
            let mut c = vec![0.0; n];
            let mut d = vec![0.0; n];
            let mut b = vec![0.0; n];
            for s in many {
                for i in 0..n {
                    c[i] += s.charge_mw[i];
                    d[i] += s.discharge_mw[i];
                    b[i] += s.from_backup_mw[i];
                }
            }
            summed = (c, d, b);
            (&summed.0, &summed.1, &summed.2)
        }
    };
    let (charge_mw, discharge_mw, to_battery_mw) =
        (&charge_mw[..n], &discharge_mw[..n], &to_battery_mw[..n]);

    // Pass 2: everything else; no state from step to step. Backup units run in merit order, so
    // the step's total backup is min(deficit, total capacity) and each unit's share follows
    // from the total after the loop.
    let first_cf = backup.first().map_or(0.0, |b| b.carbon_free_frac);
    let uniform_cf = backup.iter().all(|b| b.carbon_free_frac == first_cf);
    let all_backup_fossil = uniform_cf && first_cf == 0.0;
    // The step, as a macro so that each loop below has it inline with its sums in registers.
    macro_rules! step {
        ($i:expr) => {{
            let i = $i;
            let (supply, load) = (supply[i], load_mw[i]);
            let (charge, discharge, to_battery) = (charge_mw[i], discharge_mw[i], to_battery_mw[i]);
            let direct = fmin(supply, load);
            // Not below zero: where nothing is curtailed the difference leaves rounding
            // (-1e-14 MW).
            let spill = fmax(supply - direct - (charge - to_battery), 0.0);
            // Surplus the stores cannot take is exported as far as the link allows.
            let (export, curtail) = if EXPORTS {
                let e = fmin(spill, export_cap(i));
                (e, spill - e)
            } else {
                (0.0, spill)
            };
            let deficit = fmax(load - direct - discharge, 0.0);
            let to_load = fmin(deficit, cap(i));
            let unmet = deficit - to_load;
            let backup_used = to_load + to_battery;
            if unmet > UNMET_TOLERANCE_MW {
                lol_steps += 1;
            }
            if !all_backup_fossil {
                let clean_backup = if uniform_cf {
                    to_load * first_cf
                } else {
                    clean_share_of_backup(backup, to_load, i)
                };
                sum_clean += fmin(direct + discharge * soc_clean_frac + clean_backup, load);
            }
            sum_load += load;
            sum_direct += direct;
            sum_curtail += curtail;
            if EXPORTS {
                sum_export += export;
                exported_mw[i] = export;
            }
            sum_backup += backup_used;
            sum_unmet += unmet;
            peak_load = fmax(peak_load, load);
            peak_backup = fmax(peak_backup, backup_used);
            peak_unmet = fmax(peak_unmet, unmet);
            backup_mw[i] = backup_used;
            curtailed_mw[i] = curtail;
            unmet_mw[i] = unmet;
        }};
    }
    // The supply components' sums ride along (the loop is bound by its other work; a separate
    // sum would wait on its own chain of adds). Summed in step order, each on its own.
    let mut kind_sums = vec![0.0; supply_mw.len()];
    match supply_mw {
        [a] => {
            let a = &a[..n];
            let mut sa = 0.0;
            for i in 0..n {
                step!(i);
                sa += a[i];
            }
            kind_sums[0] = sa;
        }
        [a, b] => {
            let (a, b) = (&a[..n], &b[..n]);
            let (mut sa, mut sb) = (0.0, 0.0);
            for i in 0..n {
                step!(i);
                sa += a[i];
                sb += b[i];
            }
            kind_sums[0] = sa;
            kind_sums[1] = sb;
        }
        many => {
            for i in 0..n {
                step!(i);
            }
            for (sum, s) in kind_sums.iter_mut().zip(many) {
                *sum = s[..n].iter().sum();
            }
        }
    }
    t.supply_mwh = kind_sums.iter().map(|s| s * step_h).collect();
    if all_backup_fossil {
        sum_clean = sum_direct + sum_discharge * soc_clean_frac;
    }
    // Backup energy stored came back as part of the discharge: it is not clean (counted at its
    // input, as the equivalent LP counts backup output). Exact for one kind of backup; with
    // several, at the first unit's clean share.
    let discharge_clean = fmax(sum_discharge * soc_clean_frac - sum_to_battery, 0.0);
    sum_clean -= sum_to_battery * (1.0 - first_cf);
    // Summed step by step, not as supply minus its uses: that difference of large sums leaves
    // rounding (a negative curtailment of -1e-7 MWh where nothing is curtailed).
    if backup.len() == 1 {
        t.backup_unit_mwh[0] = sum_backup;
    } else if backup.iter().any(|b| b.available_from_step > 0) {
        // Merit order among the units that serve at each step.
        for i in 0..n {
            let mut left = backup_mw[i];
            for (b, total) in backup.iter().zip(t.backup_unit_mwh.iter_mut()) {
                if b.serves_at(i) {
                    let u = fmin(left, b.capacity_mw);
                    *total += u;
                    left -= u;
                }
            }
        }
    } else {
        let mut before = 0.0;
        for (b, total) in backup.iter().zip(t.backup_unit_mwh.iter_mut()) {
            *total = unit_share_sum(backup_mw, before, b.capacity_mw);
            before += b.capacity_mw;
        }
    }
    t.load_mwh = sum_load * step_h;
    t.renewable_direct_mwh = sum_direct * step_h;
    t.charge_mwh = sum_charge * step_h;
    t.discharge_mwh = sum_discharge * step_h;
    t.discharge_clean_mwh = discharge_clean * step_h;
    t.backup_to_battery_mwh = sum_to_battery * step_h;
    t.stores = store_sums
        .iter()
        .map(|s| StoreTotals {
            charge_mwh: s.charge_mwh * step_h,
            discharge_mwh: s.discharge_mwh * step_h,
            from_backup_mwh: s.from_backup_mwh * step_h,
        })
        .collect();
    t.curtailed_mwh = sum_curtail * step_h;
    t.exported_mwh = sum_export * step_h;
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

/// The first store: the reserve-keeping dispatch of the module doc on the net power
/// `supply - load`. Returns its sums [MW over steps] (not yet times the step).
fn dispatch_first_store(
    store: &StoreDispatch,
    supply_mw: &[f64],
    load_mw: &[f64],
    cap: impl Fn(usize) -> f64 + Copy,
    horizon_steps: Option<usize>,
    series: &mut StoreSeries,
) -> StoreTotals {
    let n = load_mw.len();
    let battery = &store.limits;
    let initial_soc_mwh = store.initial_soc_mwh;
    let (supply_mw, load_mw) = (&supply_mw[..n], &load_mw[..n]);
    // Index loops over slices cut to `n`: the compiler drops the bounds checks.
    let (charge_mw, discharge_mw, soc_mwh, to_battery_mw) = (
        &mut series.charge_mw[..n],
        &mut series.discharge_mw[..n],
        &mut series.soc_mwh[..n],
        &mut series.from_backup_mw[..n],
    );
    to_battery_mw.fill(0.0);
    let mut sum_charge = 0.0;
    let mut sum_discharge = 0.0;
    let mut sum_to_battery = 0.0;
    let mut soc = initial_soc_mwh;
    if battery.is_usable() {
        // The plain greedy chain first, noting the largest deficit on the way (free: the loop
        // waits on the state-of-charge chain). Only the state of charge is carried.
        // The largest deficit beyond the backup of its step.
        let mut max_beyond: f64 = 0.0;
        for i in 0..n {
            let net = supply_mw[i] - load_mw[i];
            max_beyond = fmax(max_beyond, -net - cap(i));
            soc = battery.next_soc(
                soc,
                battery.requested_delta_mwh(fmax(net, 0.0), fmax(-net, 0.0)),
            );
            soc_mwh[i] = soc;
        }
        let keeps_reserve = max_beyond > UNMET_TOLERANCE_MW && horizon_steps != Some(0);
        if keeps_reserve {
            // `soc_mwh` holds the net power first, then the SoC.
            for i in 0..n {
                soc_mwh[i] = supply_mw[i] - load_mw[i];
            }
            let (keep, need) = reserves_with(soc_mwh, cap, battery, horizon_steps);
            let mut before = initial_soc_mwh;
            soc = initial_soc_mwh;
            for i in 0..n {
                let net = soc_mwh[i];
                soc = next_soc_keeping_reserve(battery, soc, net, cap(i), keep[i], need[i]);
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
                let net = supply_mw[i] - load_mw[i];
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
    StoreTotals {
        charge_mwh: sum_charge,
        discharge_mwh: sum_discharge,
        from_backup_mwh: sum_to_battery,
    }
}

/// A later store: greedy on the residual net power `net_mw` the stores before it left
/// (surplus charges, deficit draws). Returns its sums [MW over steps].
fn dispatch_greedy_store(
    store: &StoreDispatch,
    net_mw: &[f64],
    series: &mut StoreSeries,
) -> StoreTotals {
    let n = net_mw.len();
    let battery = &store.limits;
    let (charge_mw, discharge_mw, soc_mwh) = (
        &mut series.charge_mw[..n],
        &mut series.discharge_mw[..n],
        &mut series.soc_mwh[..n],
    );
    series.from_backup_mw[..n].fill(0.0);
    let (mut sum_charge, mut sum_discharge) = (0.0, 0.0);
    let mut soc = store.initial_soc_mwh;
    if !battery.is_usable() {
        charge_mw.fill(0.0);
        discharge_mw.fill(0.0);
        soc_mwh.fill(soc);
    } else {
        for i in 0..n {
            let net = net_mw[i];
            let (surplus, deficit) = (fmax(net, 0.0), fmax(-net, 0.0));
            let before = soc;
            soc = battery.next_soc(soc, battery.requested_delta_mwh(surplus, deficit));
            let (c, d) = battery.flows_mw(before, soc, surplus, deficit);
            soc_mwh[i] = soc;
            charge_mw[i] = c;
            discharge_mw[i] = d;
            sum_charge += c;
            sum_discharge += d;
        }
    }
    StoreTotals {
        charge_mwh: sum_charge,
        discharge_mwh: sum_discharge,
        from_backup_mwh: 0.0,
    }
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

/// Carbon-free power of `backup_mw` spread over the units that serve at step `i`, in merit
/// order [MW].
fn clean_share_of_backup(backup: &[BackupDispatch], backup_mw: f64, i: usize) -> f64 {
    let mut left = backup_mw;
    let mut clean = 0.0;
    for b in backup.iter().filter(|b| b.serves_at(i)) {
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

    fn one(limits: BatteryLimits) -> StoreDispatch {
        StoreDispatch {
            key: "battery",
            limits,
            initial_soc_mwh: 0.0,
        }
    }

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
        let backup = [BackupDispatch::always(30.0, 0.0)];
        let t = dispatch(&[&solar, &wind], &load, 1.0, &[one(b)], &backup, &mut out);
        assert_eq!(out.battery().charge_mw[0], 50.0);
        assert_eq!(out.curtailed_mw[0], 50.0);
        assert!((out.battery().soc_mwh[0] - 45.0).abs() < 1e-12); // 50 x sqrt(0.81)
        assert!((out.battery().discharge_mw[1] - 40.5).abs() < 1e-12);
        assert_eq!(out.backup_mw[1], 30.0);
        assert!((out.unmet_mw[1] - 29.5).abs() < 1e-12);
        assert_eq!(t.loss_of_load_hours, 1.0);
        // CFE: step 0 all clean (50), step 1 the battery's 40.5 (charged from the sun).
        assert!((t.clean_served_mwh - 90.5).abs() < 1e-9);
        for i in 0..2 {
            let lhs = solar[i]
                + wind[i]
                + out.battery().discharge_mw[i]
                + out.backup_mw[i]
                + out.unmet_mw[i];
            let rhs = load[i] + out.battery().charge_mw[i] + out.curtailed_mw[i];
            assert!((lhs - rhs).abs() < 1e-9);
        }
    }

    #[test]
    fn surplus_the_battery_cannot_take_is_exported_up_to_the_link_then_curtailed() {
        // As above, with a grid link that may export 30 MW: of step 0's 50 MW the battery
        // cannot take, 30 MW go out and 20 MW are curtailed. Step 1 is unchanged.
        let solar = [150.0, 0.0];
        let load = [50.0, 100.0];
        let mut out = DispatchSeries::default();
        let link = BackupDispatch {
            export_mw: 30.0,
            ..BackupDispatch::always(30.0, 0.0)
        };
        let t = dispatch(&[&solar], &load, 1.0, &[one(battery())], &[link], &mut out);
        assert_eq!(out.battery().charge_mw[0], 50.0);
        assert_eq!(out.exported_mw, [30.0, 0.0]);
        assert_eq!(out.curtailed_mw, [20.0, 0.0]);
        assert_eq!(t.exported_mwh, 30.0);
        assert_eq!(t.curtailed_mwh, 20.0);
        assert_eq!(out.backup_mw[1], 30.0);
        for i in 0..2 {
            let lhs = solar[i] + out.battery().discharge_mw[i] + out.backup_mw[i] + out.unmet_mw[i];
            let rhs =
                load[i] + out.battery().charge_mw[i] + out.exported_mw[i] + out.curtailed_mw[i];
            assert!((lhs - rhs).abs() < 1e-9, "step {i}: {lhs} vs {rhs}");
        }
    }

    #[test]
    fn a_unit_serves_and_exports_only_from_its_first_step() {
        // A 40 MW link from step 2 on, exporting 10 MW; gas turbines of 15 MW all along (after
        // the link in merit order). Steps 0-3: 50 MW deficits; step 4: 20 MW surplus.
        let solar = [0.0, 0.0, 0.0, 0.0, 70.0];
        let load = [50.0; 5];
        let link = BackupDispatch {
            export_mw: 10.0,
            available_from_step: 2,
            ..BackupDispatch::always(40.0, 0.5)
        };
        let gas = BackupDispatch::always(15.0, 0.0);
        let mut out = DispatchSeries::default();
        let none = BatteryLimits::new(0.0, 0.0, 0.81, 0.0, 1.0, 0.0, 1.0);
        let t = dispatch(&[&solar], &load, 1.0, &[one(none)], &[link, gas], &mut out);
        assert_eq!(out.backup_mw, [15.0, 15.0, 50.0, 50.0, 0.0]);
        assert_eq!(out.unmet_mw, [35.0, 35.0, 0.0, 0.0, 0.0]);
        // Steps 2-3: the link's 40 MW first, the gas turbines' 10 MW after.
        assert_eq!(t.backup_unit_mwh, [80.0, 50.0]);
        assert_eq!(out.exported_mw, [0.0, 0.0, 0.0, 0.0, 10.0]);
        assert_eq!(out.curtailed_mw[4], 10.0);
        // Clean: half the link's 80 MWh and the 50 MW of sun in step 4.
        assert!(
            (t.clean_served_mwh - 90.0).abs() < 1e-9,
            "{}",
            t.clean_served_mwh
        );
        // The same unit from step 0 (or a later step past the run) is the constant case.
        let never = BackupDispatch {
            available_from_step: 5,
            ..link
        };
        let t = dispatch(&[&solar], &load, 1.0, &[one(none)], &[never, gas], &mut out);
        assert_eq!(t.backup_unit_mwh, [0.0, 60.0]);
        assert_eq!(t.exported_mwh, 0.0);
    }

    #[test]
    fn the_reserve_plans_with_the_backup_of_each_step() {
        // The battery (90 MWh after two sunny hours, 50 MW) faces a 70 MW hour at the end. With
        // 20 MW of backup all along it keeps 50 / 0.9 = 55.6 MWh for the 50 MW beyond it: it
        // covers step 2 (22.2 MWh), only 12.2 MWh of step 3 (the backup the rest), and the end.
        // When the backup only arrives in the last step, steps 2-3 must draw the battery
        // (44.4 MWh), and 45.6 MWh x 0.9 = 41 MW is left for the end: 9 MW unserved.
        let solar = [150.0, 150.0, 0.0, 0.0, 0.0];
        let load = [50.0, 50.0, 20.0, 20.0, 70.0];
        let run = |from: usize| {
            let mut out = DispatchSeries::default();
            let unit = BackupDispatch {
                available_from_step: from,
                ..BackupDispatch::always(20.0, 0.0)
            };
            let t = dispatch(&[&solar], &load, 1.0, &[one(battery())], &[unit], &mut out);
            (t, out)
        };
        let (all, out) = run(0);
        assert!(all.unmet_mwh < 1e-9, "{}", all.unmet_mwh);
        let d = &out.battery().discharge_mw;
        assert!(
            (d[2] - 20.0).abs() < 1e-9 && (d[3] - 11.0).abs() < 1e-9,
            "{d:?}"
        );
        assert!((d[4] - 50.0).abs() < 1e-9, "{d:?}");
        let (late, out) = run(4);
        let d = &out.battery().discharge_mw;
        assert!(
            (d[2] - 20.0).abs() < 1e-9 && (d[3] - 20.0).abs() < 1e-9,
            "{d:?}"
        );
        assert_eq!(out.backup_mw[..4], [0.0; 4]);
        assert!((out.backup_mw[4] - 20.0).abs() < 1e-9);
        assert!((late.unmet_mwh - 9.0).abs() < 1e-9, "{}", late.unmet_mwh);
    }

    #[test]
    fn foresight_decides_whether_the_battery_keeps_energy_for_a_deficit_the_backup_cannot_cover() {
        // Two sunny hours fill the battery (90 MWh); four hours of 20 MW deficit the 20 MW
        // backup covers; then 60 MW, 40 above the backup (44.4 MWh from the battery).
        let solar = [150.0, 150.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let load = [50.0, 50.0, 20.0, 20.0, 20.0, 20.0, 60.0];
        let backup = [BackupDispatch::always(20.0, 0.0)];
        let run = |h: Option<usize>| {
            let mut out = DispatchSeries::default();
            let t = dispatch_with_foresight(
                &[&solar],
                &load,
                1.0,
                &[one(battery())],
                &backup,
                h,
                &mut out,
            );
            for i in 0..load.len() {
                let lhs =
                    solar[i] + out.battery().discharge_mw[i] + out.backup_mw[i] + out.unmet_mw[i];
                let rhs = load[i] + out.battery().charge_mw[i] + out.curtailed_mw[i];
                assert!((lhs - rhs).abs() < 1e-9, "{h:?} step {i}");
            }
            t
        };
        let perfect = run(None);
        assert_eq!(perfect.unmet_mwh, 0.0);
        assert_eq!(
            perfect,
            run(Some(7)),
            "a horizon as long as the run is perfect foresight"
        );
        // Seeing two hours ahead is enough here: the reserve is kept from hour 4 on.
        assert_eq!(run(Some(2)).unmet_mwh, 0.0);
        // One hour ahead sees the deficit too late; greedy not at all.
        let one_h = run(Some(1));
        let greedy = run(Some(0));
        assert!(one_h.unmet_mwh > 1.0, "{one_h:?}");
        assert!(greedy.unmet_mwh > one_h.unmet_mwh + 1.0, "{greedy:?}");
        // Greedy: 88.9 MWh went into the covered hours, 1.1 MWh (1.0 MW) is left for the last.
        assert!((greedy.unmet_mwh - 39.0).abs() < 1e-9, "{greedy:?}");
        assert_eq!(greedy.loss_of_load_hours, 1.0);
        // Greedy spends less backup: the battery served what the backup would have.
        assert!(greedy.backup_mwh < perfect.backup_mwh);
    }

    #[test]
    fn the_rolling_reserve_never_exceeds_the_whole_run_reserve_and_grows_with_the_horizon() {
        let net: Vec<f64> = (0..200)
            .map(|t| 80.0 * ((t as f64) * 0.37).sin() - 25.0)
            .collect();
        let b = battery();
        let mut whole = Vec::new();
        backup_reserve_mwh(&net, 10.0, &b, true, &mut whole);
        let mut last = vec![b.soc_min_mwh; net.len()];
        for h in [0, 1, 3, 12, 48, 199, 500] {
            let mut r = Vec::new();
            forecast_reserve_mwh(&net, 10.0, &b, true, h, &mut r);
            for i in 0..net.len() {
                assert!(r[i] <= whole[i] + 1e-9, "h {h} step {i}");
                assert!(r[i] + 1e-9 >= last[i], "h {h} step {i}");
            }
            last = r;
        }
        assert_eq!(last, whole);
    }

    #[test]
    fn backup_units_run_in_the_given_order_and_clean_share_counts() {
        let backup = [
            BackupDispatch::always(10.0, 0.5),
            BackupDispatch::always(100.0, 0.0),
        ];
        let mut out = DispatchSeries::default();
        let none = BatteryLimits::new(0.0, 0.0, 0.9, 0.0, 1.0, 0.0, 1.0);
        let t = dispatch(
            &[&[0.0], &[20.0]],
            &[50.0],
            1.0,
            &[one(none)],
            &backup,
            &mut out,
        );
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
        let backup = [BackupDispatch::always(50.0, 0.0)];
        let mut out = DispatchSeries::default();
        let t = dispatch(&[&solar, &wind], &load, 1.0, &[one(b)], &backup, &mut out);
        assert!(t.unmet_mwh < 1e-9, "{:?}", out);
        assert_eq!(out.battery().discharge_mw[2], 0.0);
        assert!((out.battery().discharge_mw[3] - 50.0).abs() < 1e-9);
        assert!((t.backup_to_battery_mwh - 30.0).abs() < 1e-9, "{t:?}");
        assert!(out.backup_mw.iter().all(|&x| x <= 50.0 + 1e-9));
        // Balance every step, backup-charging included.
        for i in 0..4 {
            let lhs = solar[i]
                + wind[i]
                + out.battery().discharge_mw[i]
                + out.backup_mw[i]
                + out.unmet_mw[i];
            let rhs = load[i] + out.battery().charge_mw[i] + out.curtailed_mw[i];
            assert!((lhs - rhs).abs() < 1e-9, "step {i}: {lhs} vs {rhs}");
        }
        // Clean supply: the 20 MWh of sun only (through the battery); the 30 MWh the backup
        // stored are not.
        assert!((t.renewable_direct_mwh + t.discharge_clean_mwh - 20.0).abs() < 1e-9);
        assert!((t.clean_served_mwh - 20.0).abs() < 1e-9);
        // The plain greedy dispatch, with enough backup, is unchanged.
        let big = [BackupDispatch::always(100.0, 0.0)];
        let t = dispatch(&[&solar, &wind], &load, 1.0, &[one(b)], &big, &mut out);
        assert!((out.battery().discharge_mw[2] - 20.0).abs() < 1e-9);
        assert_eq!(t.backup_to_battery_mwh, 0.0);
    }

    /// A small daily store and a large long-duration one over ten days of sun and night with a
    /// three-day lull: a made-up case where the balance and each store's rule can be checked.
    fn two_store_case() -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        let n = 240;
        let solar: Vec<f64> = (0..n)
            .map(|i| {
                let h = (i % 24) as f64;
                let lull = (96..168).contains(&i);
                if (6.0..18.0).contains(&h) && !lull {
                    250.0 * (std::f64::consts::PI * (h - 6.0) / 12.0).sin()
                } else {
                    0.0
                }
            })
            .collect();
        let wind: Vec<f64> = (0..n).map(|i| 20.0 + 10.0 * ((i % 7) as f64)).collect();
        let load = vec![100.0; n];
        (solar, wind, load)
    }

    #[test]
    fn a_second_store_takes_only_what_the_first_leaves_and_every_step_balances() {
        let (solar, wind, load) = two_store_case();
        let n = load.len();
        let daily = StoreDispatch {
            key: "battery",
            limits: BatteryLimits::new(400.0, 100.0, 0.85, 0.1, 1.0, 0.0, 1.0),
            initial_soc_mwh: 200.0,
        };
        let long = StoreDispatch {
            key: "long",
            // A long-duration store: 40 h at 50 MW, 40 % round trip, 1 %/day losses.
            limits: BatteryLimits::new(2000.0, 50.0, 0.4, 0.0, 1.0, 0.01, 1.0),
            initial_soc_mwh: 1000.0,
        };
        let backup = [BackupDispatch::always(20.0, 0.0)];
        let mut one = DispatchSeries::default();
        let alone = dispatch(&[&solar, &wind], &load, 1.0, &[daily], &backup, &mut one);
        let mut out = DispatchSeries::default();
        let t = dispatch(
            &[&solar, &wind],
            &load,
            1.0,
            &[daily, long],
            &backup,
            &mut out,
        );
        assert_eq!(out.stores.len(), 2);
        assert_eq!(out.store("long").key, "long");
        // The first store dispatches exactly as it does alone.
        assert_eq!(out.stores[0], one.stores[0]);
        let (b0, b1) = (&out.stores[0], &out.stores[1]);
        let mut worked = false;
        for i in 0..n {
            let net = solar[i] + wind[i] - load[i];
            // What the first store left: the second may charge from that surplus only, and
            // discharge into that deficit only.
            let left = net - (b0.charge_mw[i] - b0.from_backup_mw[i]) + b0.discharge_mw[i];
            assert!(b1.charge_mw[i] <= left.max(0.0) + 1e-9, "step {i}");
            assert!(b1.discharge_mw[i] <= (-left).max(0.0) + 1e-9, "step {i}");
            assert!(b1.charge_mw[i] <= 50.0 + 1e-9 && b1.discharge_mw[i] <= 50.0 + 1e-9);
            assert!((-1e-9..=2000.0 + 1e-9).contains(&b1.soc_mwh[i]));
            assert_eq!(b1.from_backup_mw[i], 0.0);
            worked |= b1.discharge_mw[i] > 1.0;
            let lhs =
                solar[i] + wind[i] + out.discharge_mw_at(i) + out.backup_mw[i] + out.unmet_mw[i];
            let rhs = load[i] + out.charge_mw_at(i) + out.curtailed_mw[i];
            assert!((lhs - rhs).abs() < 1e-9, "step {i}: {lhs} vs {rhs}");
        }
        assert!(worked, "the long store never discharged");
        // The long store serves load the daily one could not, and the totals add up.
        assert!(
            t.unmet_mwh < alone.unmet_mwh - 100.0,
            "{} vs {}",
            t.unmet_mwh,
            alone.unmet_mwh
        );
        assert_eq!(t.stores.len(), 2);
        let sum = |f: fn(&StoreTotals) -> f64| t.stores.iter().map(f).sum::<f64>();
        assert!((sum(|s| s.charge_mwh) - t.charge_mwh).abs() < 1e-6);
        assert!((sum(|s| s.discharge_mwh) - t.discharge_mwh).abs() < 1e-6);
        let supply: f64 = t.supply_mwh.iter().sum();
        assert!(
            (supply + t.discharge_mwh + t.backup_mwh + t.unmet_mwh
                - t.load_mwh
                - t.charge_mwh
                - t.curtailed_mwh)
                .abs()
                < 1e-6
        );
    }

    #[test]
    fn a_store_that_cannot_move_energy_changes_nothing() {
        let (solar, wind, load) = two_store_case();
        let b = BatteryLimits::new(400.0, 100.0, 0.85, 0.1, 1.0, 0.0, 1.0);
        let backup = [BackupDispatch::always(20.0, 0.0)];
        let none = StoreDispatch {
            key: "long",
            limits: BatteryLimits::new(0.0, 0.0, 0.4, 0.0, 1.0, 0.0, 1.0),
            initial_soc_mwh: 0.0,
        };
        let mut one = DispatchSeries::default();
        let a = dispatch(
            &[&solar, &wind],
            &load,
            1.0,
            &[one_store(b)],
            &backup,
            &mut one,
        );
        let mut two = DispatchSeries::default();
        let c = dispatch(
            &[&solar, &wind],
            &load,
            1.0,
            &[one_store(b), none],
            &backup,
            &mut two,
        );
        assert_eq!(one.stores[0], two.stores[0]);
        for (x, y) in [
            (&one.backup_mw, &two.backup_mw),
            (&one.curtailed_mw, &two.curtailed_mw),
            (&one.unmet_mw, &two.unmet_mw),
        ] {
            assert_eq!(x, y);
        }
        assert_eq!(two.stores[1].charge_mw.iter().sum::<f64>(), 0.0);
        assert_eq!((a.unmet_mwh, a.backup_mwh), (c.unmet_mwh, c.backup_mwh));
        assert_eq!(a.clean_served_mwh, c.clean_served_mwh);
    }

    fn one_store(limits: BatteryLimits) -> StoreDispatch {
        StoreDispatch {
            key: "battery",
            limits,
            initial_soc_mwh: 200.0,
        }
    }
}
