//! Resource adequacy of a whole campus by sequential Monte Carlo (as NREL's PRAS assesses
//! adequacy, here with the campus's own dispatch): each draw samples every unit's failures and
//! repairs over the year (see [`super::units`]), then runs the year hour by hour without
//! foresight, and counts the hours and energy the facility load was not served.
//!
//! What fails, per draw:
//! - each backup entry's `unit_count` identical units (two-state chains from the entry's forced
//!   outage rate and repair time); a unit that was not running must start, and a start fails
//!   with the entry's `start_failure_prob`, after which the next available unit is tried (a
//!   unit whose start failed may be tried again the next hour);
//! - the battery's power-conversion blocks: the charge and discharge power follow the share of
//!   blocks in service;
//! - wind turbines and PV inverters: the output follows the share of capacity in service,
//!   divided by its long-run mean, so that the year's mean output stays that of the simulation
//!   (whose losses already include availability) and only the timing of outages is drawn.
//!
//! The dispatch is the simulation's, with what it knows of the future set by the scenario's
//! `simulation.dispatch` ([`DispatchMode`]): renewables serve the load, surplus charges the
//! battery, a deficit draws the battery down to the reserve planned for later deficits above the
//! backup (the whole year ahead with perfect foresight, the next hours with a rolling forecast,
//! none when greedy), then the backup in merit order; what is left is unmet. The reserve is
//! planned on the weather (taken as forecast exactly) and the full backup fleet: failures are
//! never foreseen. Each hour the controller knows which units are in service now.
//!
//! Each (draw, weather year) pair is one sampled year; LOLE, EUE, LOLP, events and the longest
//! event are estimated over them with their standard errors. Draw `k` of seed `s` is the same
//! whatever other draws run (one PCG-64 stream per draw and weather year).

use super::units::{Availability, Chain, Estimate, RepairableUnit};
use crate::model::battery::BatteryLimits;
use crate::scenario::{DispatchMode, Scenario};
use crate::sim::dispatch::{flows_keeping_reserve_mw, next_soc_keeping_reserve, reserves_mwh};
use crate::sim::{Engine, SimError};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// Unmet power below this is float noise, not a loss of load [MW] (as the simulation's).
const LOSS_TOLERANCE_MW: f64 = 1e-6;

/// What the Monte Carlo runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdequacyOptions {
    /// Failure draws per weather year.
    pub draws: u32,
    /// Weather years (synthetic years from the scenario's seed; a weather file repeats).
    pub years: u32,
    pub seed: u64,
}

/// Groups of identical repairable units whose available share scales a series.
#[derive(Clone, Debug)]
struct Fleet {
    /// Each kind of unit and how many there are (a plant's inverters, a farm's turbines).
    units: Vec<(RepairableUnit, usize)>,
    /// Capacity of all units [MW].
    total_mw: f64,
    /// Long-run mean of the available share [-].
    mean_share: f64,
}

impl Fleet {
    /// `count` units of `unit_mw` each, with a forced outage rate and a repair time.
    fn new(count: usize, unit_mw: f64, forced_outage_rate: f64, mttr_h: f64) -> Fleet {
        let u = RepairableUnit::from_outage_rate(unit_mw, forced_outage_rate, mttr_h);
        Fleet {
            units: if count > 0 {
                vec![(u, count)]
            } else {
                Vec::new()
            },
            total_mw: unit_mw * count as f64,
            mean_share: 1.0 - u.forced_outage_rate(),
        }
    }

    fn extend(&mut self, other: Fleet) {
        let mean_mw = self.mean_share * self.total_mw + other.mean_share * other.total_mw;
        self.total_mw += other.total_mw;
        self.units.extend(other.units);
        self.mean_share = if self.total_mw > 0.0 {
            mean_mw / self.total_mw
        } else {
            1.0
        };
    }
}

/// One backup entry as the Monte Carlo sees it, in merit order.
#[derive(Clone, Debug)]
struct BackupFleet {
    unit: RepairableUnit,
    count: usize,
    start_failure_prob: f64,
    /// A grid link: the survival curve asks whether the campus rides through its outages.
    grid: bool,
}

/// The campus's failing parts, built once from the scenario.
#[derive(Clone, Debug)]
pub struct FailureModel {
    solar: Fleet,
    wind: Fleet,
    pcs: Fleet,
    backup: Vec<BackupFleet>,
}

impl FailureModel {
    /// How many units each draw samples (the cost of a draw grows with it).
    pub fn unit_count(&self) -> u64 {
        let fleet = |f: &Fleet| f.units.iter().map(|(_, n)| *n as u64).sum::<u64>();
        fleet(&self.solar)
            + fleet(&self.wind)
            + fleet(&self.pcs)
            + self.backup.iter().map(|b| b.count as u64).sum::<u64>()
    }

    /// The same campus with nothing failing (every unit always in service, every start
    /// good): what the dispatch without foresight loses on its own.
    pub fn without_failures(&self) -> FailureModel {
        let sure = |f: &Fleet| Fleet {
            units: f
                .units
                .iter()
                .map(|(u, n)| {
                    (
                        RepairableUnit {
                            mttf_h: f64::INFINITY,
                            ..*u
                        },
                        *n,
                    )
                })
                .collect(),
            total_mw: f.total_mw,
            mean_share: 1.0,
        };
        FailureModel {
            solar: sure(&self.solar),
            wind: sure(&self.wind),
            pcs: sure(&self.pcs),
            backup: self
                .backup
                .iter()
                .map(|b| BackupFleet {
                    unit: RepairableUnit {
                        mttf_h: f64::INFINITY,
                        ..b.unit
                    },
                    start_failure_prob: 0.0,
                    ..b.clone()
                })
                .collect(),
        }
    }

    /// Whether the campus has a grid link (the survival curve applies).
    pub fn has_grid_link(&self) -> bool {
        self.backup.iter().any(|b| b.grid)
    }

    /// The units of `s`: inverters of every PV plant, turbines of every wind farm, battery
    /// power blocks and backup units (in the dispatch's merit order).
    pub fn of(s: &Scenario) -> FailureModel {
        let mut solar = Fleet::new(0, 0.0, 0.0, 1.0);
        for p in &s.solar_plants {
            let ac_mw = p.capacity_mwdc / p.dc_ac_ratio;
            // Validation keeps both finite and the size at least 10 kW; `as` saturates.
            let n = (ac_mw / p.inverter_unit_mw).ceil().max(1.0) as usize;
            solar.extend(Fleet::new(
                n,
                ac_mw / n as f64,
                p.inverter_forced_outage_rate,
                p.inverter_mean_time_to_repair_h,
            ));
        }
        let mut wind = Fleet::new(0, 0.0, 0.0, 1.0);
        for w in &s.wind_farms {
            wind.extend(Fleet::new(
                w.turbine_count as usize,
                w.turbine.rated_kw() / 1000.0,
                w.turbine_forced_outage_rate,
                w.turbine_mean_time_to_repair_h,
            ));
        }
        let b = &s.battery;
        let blocks = if b.power_mw > 0.0 {
            (b.power_mw / b.pcs_unit_mw).ceil().max(1.0) as usize
        } else {
            0
        };
        let pcs = Fleet::new(
            blocks,
            if blocks > 0 {
                b.power_mw / blocks as f64
            } else {
                0.0
            },
            b.pcs_forced_outage_rate,
            b.pcs_mean_time_to_repair_h,
        );
        // A unit that comes after the simulated year is not there (the profiles refuse one
        // that comes within it).
        let year = s.simulated_year();
        let backup = crate::sim::backup_merit_order(s)
            .into_iter()
            .filter(|&i| !s.backup[i].comes_after(year))
            .map(|i| {
                let u = &s.backup[i];
                BackupFleet {
                    unit: RepairableUnit::from_outage_rate(
                        u.unit_mw(),
                        u.forced_outage_rate,
                        u.mean_time_to_repair_h,
                    ),
                    count: u.unit_count.max(1) as usize,
                    start_failure_prob: u.start_failure_prob,
                    grid: u.kind == crate::scenario::BackupKind::GridImport,
                }
            })
            .collect();
        FailureModel {
            solar,
            wind,
            pcs,
            backup,
        }
    }
}

/// One weather year as the dispatch needs it: load and renewable output at full availability,
/// and the battery reserve its dispatch mode plans.
#[derive(Clone, Debug)]
pub struct YearProfiles {
    pub load_mw: Vec<f64>,
    pub solar_mw: Vec<f64>,
    pub wind_mw: Vec<f64>,
    pub step_h: f64,
    pub battery: BatteryLimits,
    pub initial_soc_mwh: f64,
    /// Capacity of all backup units [MW]: what the reserve is planned against.
    pub backup_mw: f64,
    /// What the dispatch knows of the future.
    pub dispatch: DispatchMode,
    /// The reserve planned for `dispatch` (see `sim::dispatch::reserves_mwh`): (what it pays to
    /// keep, what must be kept) at each step's end [MWh]; `None` when nothing is kept (greedy,
    /// or a backup that covers every deficit).
    plan: Option<(Vec<f64>, Vec<f64>)>,
    /// What the simulation's own dispatch (in `dispatch`, nothing failing) left unserved:
    /// (hours, MWh) over the run.
    pub simulated_unserved: (f64, f64),
}

impl YearProfiles {
    /// The profiles of `s` on its own weather, from a simulation, dispatched as
    /// `s.simulation.dispatch` says.
    pub fn simulate(engine: &mut Engine, s: &Scenario, base: &Path) -> Result<Self, SimError> {
        let r = engine.run(s, base)?;
        let from = crate::sim::backup_available_from_steps(s, &r.weather);
        if let Some(e) = crate::sim::unit_coming_within_run(
            s,
            &from,
            r.weather.len(),
            "engine-reliability-backup-mid-run",
        ) {
            return Err(SimError::Schedule(e));
        }
        let year = s.simulated_year();
        let step_h = r.weather.step_s as f64 / 3600.0;
        Ok(YearProfiles::new(
            r.facility_load_mw.to_vec(),
            r.solar_mw().to_vec(),
            r.wind_mw().to_vec(),
            step_h,
            s.battery.limits(step_h),
            s.battery.initial_soc_frac * s.battery.energy_mwh,
            s.backup
                .iter()
                .filter(|b| !b.comes_after(year))
                .map(|b| b.capacity_mw)
                .sum(),
            s.simulation.dispatch,
        )
        .with_simulated_unserved(r.kpis.loss_of_load_hours, r.kpis.unmet_energy_mwh))
    }

    /// Profiles from series, with the reserve `dispatch` plans on them.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        load_mw: Vec<f64>,
        solar_mw: Vec<f64>,
        wind_mw: Vec<f64>,
        step_h: f64,
        battery: BatteryLimits,
        initial_soc_mwh: f64,
        backup_mw: f64,
        dispatch: DispatchMode,
    ) -> Self {
        let mut p = YearProfiles {
            load_mw,
            solar_mw,
            wind_mw,
            step_h,
            battery,
            initial_soc_mwh,
            backup_mw,
            dispatch,
            plan: None,
            simulated_unserved: (0.0, 0.0),
        };
        p.plan = p.plan_for(dispatch);
        p
    }

    fn with_simulated_unserved(mut self, hours: f64, mwh: f64) -> Self {
        self.simulated_unserved = (hours, mwh);
        self
    }

    /// The same year dispatched in another mode.
    pub fn with_dispatch(&self, dispatch: DispatchMode) -> YearProfiles {
        YearProfiles {
            dispatch,
            plan: self.plan_for(dispatch),
            ..self.clone()
        }
    }

    fn plan_for(&self, dispatch: DispatchMode) -> Option<(Vec<f64>, Vec<f64>)> {
        let horizon = dispatch.horizon_steps(self.step_h);
        let net: Vec<f64> = self
            .load_mw
            .iter()
            .zip(self.solar_mw.iter().zip(&self.wind_mw))
            .map(|(l, (s, w))| s + w - l)
            .collect();
        let max_deficit = net.iter().fold(0.0_f64, |m, n| m.max(-n));
        let keeps = horizon != Some(0)
            && self.battery.is_usable()
            && max_deficit > self.backup_mw + LOSS_TOLERANCE_MW;
        keeps.then(|| reserves_mwh(&net, self.backup_mw, &self.battery, horizon))
    }

    /// Steps in a year (the LOLE of a shorter run is scaled to a year).
    fn year_factor(&self) -> f64 {
        let hours = self.load_mw.len() as f64 * self.step_h;
        if hours > 0.0 { 8760.0 / hours } else { 0.0 }
    }
}

/// The outcome of one sampled year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SampledYear {
    /// Hours with load not served [h/yr].
    pub loss_of_load_h: f64,
    /// Energy not served [MWh/yr].
    pub unserved_mwh: f64,
    /// Loss-of-load events (runs of consecutive steps with load not served) [1/yr].
    pub events: f64,
    /// Longest event [h].
    pub longest_event_h: f64,
    /// Backup energy [MWh/yr].
    pub backup_mwh: f64,
    /// With a grid link: for each of [`SURVIVAL_DURATIONS_H`], the share of start hours from
    /// which the campus rides through a grid outage that long (on-site units cold at its
    /// start, the battery as the year's dispatch left it).
    pub survival: Vec<f64>,
    /// Loss-of-load events by duration, one count per bin of [`EVENT_DURATION_BINS_H`]
    /// [1/yr].
    pub events_by_duration: [f64; EVENT_BINS],
}

/// Number of event-duration bins.
pub const EVENT_BINS: usize = 7;

/// Lower bounds of the event-duration bins [h]: 1, 2, 3-4, 5-8, 9-24, 25-72, more than 72.
pub const EVENT_DURATION_BINS_H: [f64; EVENT_BINS] = [1.0, 2.0, 3.0, 5.0, 9.0, 25.0, 73.0];

/// The bin of an event of `hours`.
pub fn event_bin(hours: f64) -> usize {
    EVENT_DURATION_BINS_H
        .iter()
        .rposition(|from| hours >= *from - 1e-9)
        .unwrap_or(0)
}

/// Grid-outage durations of the survival curve [h] (as REopt reports it).
pub const SURVIVAL_DURATIONS_H: [f64; 5] = [1.0, 4.0, 12.0, 24.0, 72.0];

/// Scratch buffers of a draw, reused between draws.
#[derive(Default)]
struct Scratch {
    solar: Vec<f64>,
    wind: Vec<f64>,
    pcs: Vec<f64>,
    backup_up: Vec<Vec<u32>>,
    /// Changes of the units in service of one backup entry; all zero between uses.
    delta: Vec<i32>,
    /// Changes of the capacity in service of the solar, wind and battery fleets [MW]; all zero
    /// between uses.
    fdelta: [Vec<f64>; 3],
    /// Stored energy at the start of each step [MWh].
    soc_before: Vec<f64>,
    /// Load each step leaves for the backup [MW].
    short_mw: Vec<f64>,
}

/// A fleet's sampled changes of capacity in service: `delta` [MW] (all zero on entry; left
/// holding the draw's changes) and how the running sum becomes the available share: `base +
/// running sum x scale` (1 and 0 without a fleet; 0 and 1 / (capacity x long-run mean share)
/// when `mean_preserving`, else 1 / capacity).
fn fleet_deltas(
    a: &mut Availability,
    fleet: &Fleet,
    step_h: f64,
    n: usize,
    mean_preserving: bool,
    delta: &mut Vec<f64>,
) -> (f64, f64) {
    delta.resize(n, 0.0);
    if fleet.units.is_empty() || fleet.total_mw <= 0.0 {
        return (1.0, 0.0);
    }
    for (u, count) in &fleet.units {
        let chain = Chain::of(u, step_h);
        for _ in 0..*count {
            a.add_in_service_chain(&chain, u.capacity_mw, delta);
        }
    }
    let scale = if mean_preserving && fleet.mean_share > 0.0 {
        1.0 / (fleet.total_mw * fleet.mean_share)
    } else {
        1.0 / fleet.total_mw
    };
    (0.0, scale)
}

/// The available share at each step from a fleet's changes ([`fleet_deltas`]) into `out`;
/// clears `delta` as it reads it (no separate pass over memory).
fn shares_from_deltas(delta: &mut [f64], (base, scale): (f64, f64), out: &mut Vec<f64>) {
    let n = delta.len();
    out.resize(n, 0.0);
    let mut in_service = 0.0;
    for (o, d) in out[..n].iter_mut().zip(delta.iter_mut()) {
        in_service += *d;
        *d = 0.0;
        // The running sum of whole capacities: round-off cannot make a share negative.
        *o = (base + in_service * scale).max(0.0);
    }
}

/// The greedy battery's year (see `Sampled::greedy_battery_pass`) straight from the solar,
/// wind and battery fleets' changes ([`fleet_deltas`]), summed as it goes and cleared: the
/// load each step leaves for the backup into `short_mw`. The same figures as storing the
/// shares first ([`shares_from_deltas`]), without the passes over memory.
fn greedy_battery_pass_fused(
    p: &YearProfiles,
    mut soc: f64,
    fleets: [(&mut [f64], (f64, f64)); 3],
    short_mw: &mut Vec<f64>,
) {
    let n = p.load_mw.len();
    short_mw.resize(n, 0.0);
    let [(ds, (bs, ss)), (dw, (bw, sw)), (dp, (bp, sp))] = fleets;
    let (ds, dw, dp) = (&mut ds[..n], &mut dw[..n], &mut dp[..n]);
    let (load, solar, wind) = (&p.load_mw[..n], &p.solar_mw[..n], &p.wind_mw[..n]);
    let (mut is, mut iw, mut ip) = (0.0, 0.0, 0.0);
    for (t, short) in short_mw[..n].iter_mut().enumerate() {
        is += ds[t];
        iw += dw[t];
        ip += dp[t];
        ds[t] = 0.0;
        dw[t] = 0.0;
        dp[t] = 0.0;
        let (s_share, w_share) = ((bs + is * ss).max(0.0), (bw + iw * sw).max(0.0));
        let net = solar[t] * s_share + wind[t] * w_share - load[t];
        let mut limits = p.battery;
        limits.power_mw *= (bp + ip * sp).max(0.0);
        let (surplus, deficit) = if net > 0.0 { (net, 0.0) } else { (0.0, -net) };
        let (_, discharge, new_soc) = limits.step(soc, surplus, deficit);
        soc = new_soc;
        *short = (deficit - discharge).max(0.0);
    }
}

/// Draws one after another on the same buffers, as a run draws them (allocated at the first
/// draw): `draw` is what one failure draw of a year costs inside a run.
pub struct Sampler<'a> {
    model: &'a FailureModel,
    scratch: Scratch,
}

impl<'a> Sampler<'a> {
    pub fn new(model: &'a FailureModel) -> Self {
        Self {
            model,
            scratch: Scratch::default(),
        }
    }

    /// Draw `draw` of `seed` for weather year `year` of `p` (the same figures as in any run).
    pub fn draw(&mut self, p: &YearProfiles, seed: u64, year: u32, draw: u64) -> SampledYear {
        sample_year(self.model, p, seed, year, draw, &mut self.scratch)
    }
}

/// Sample one year: the failures of draw `draw` of `seed` for weather year `year`, then the
/// dispatch without foresight.
fn sample_year(
    model: &FailureModel,
    p: &YearProfiles,
    seed: u64,
    year: u32,
    draw: u64,
    scratch: &mut Scratch,
) -> SampledYear {
    let n = p.load_mw.len();
    // One stream per (weather year, draw): draws are independent of how a study is split.
    let mut a = Availability::new(seed ^ (u64::from(year) << 40), draw);
    let Scratch {
        solar,
        wind,
        pcs,
        backup_up,
        delta,
        fdelta,
        soc_before,
        short_mw,
    } = scratch;
    soc_before.clear();
    let [d_solar, d_wind, d_pcs] = fdelta;
    let solar_scale = fleet_deltas(&mut a, &model.solar, p.step_h, n, true, d_solar);
    let wind_scale = fleet_deltas(&mut a, &model.wind, p.step_h, n, true, d_wind);
    let pcs_scale = fleet_deltas(&mut a, &model.pcs, p.step_h, n, false, d_pcs);
    let survival_needed = model.has_grid_link();
    // Without a reserve plan and a survival curve, the battery's year runs first in one tight
    // loop that sums the fleets' changes as it goes (the shares are never stored); otherwise
    // the shares are stored for the step-by-step dispatch.
    let fused = p.plan.is_none() && !survival_needed;
    if fused {
        greedy_battery_pass_fused(
            p,
            p.initial_soc_mwh,
            [
                (d_solar.as_mut_slice(), solar_scale),
                (d_wind.as_mut_slice(), wind_scale),
                (d_pcs.as_mut_slice(), pcs_scale),
            ],
            short_mw,
        );
    } else {
        shares_from_deltas(d_solar, solar_scale, solar);
        shares_from_deltas(d_wind, wind_scale, wind);
        shares_from_deltas(d_pcs, pcs_scale, pcs);
    }
    backup_up.resize_with(model.backup.len(), Vec::new);
    delta.resize(n, 0);
    for (b, counts) in model.backup.iter().zip(backup_up.iter_mut()) {
        let chain = Chain::of(&b.unit, p.step_h);
        for _ in 0..b.count {
            a.add_units_in_service_chain(&chain, delta);
        }
        counts.resize(n, 0);
        let mut up = 0_i32;
        // The running sum clears `delta` as it reads it, for the next entry and draw.
        for (c, d) in counts[..n].iter_mut().zip(&mut delta[..n]) {
            up += *d;
            *d = 0;
            *c = up.max(0) as u32;
        }
    }
    let sampled = Sampled {
        solar,
        wind,
        pcs,
        backup_up,
    };
    let mut running = vec![0_u32; model.backup.len()];
    let mut soc = p.initial_soc_mwh;
    let mut out = SampledYear::default();
    let mut event_h = 0.0_f64;
    // Sums over steps [MW]; times the step at the end.
    let (mut backup_sum, mut unserved_sum) = (0.0, 0.0);
    let mut record = |backup_mw: f64, short: f64| {
        backup_sum += backup_mw;
        if short > LOSS_TOLERANCE_MW {
            out.loss_of_load_h += p.step_h;
            unserved_sum += short;
            if event_h == 0.0 {
                out.events += 1.0;
            }
            event_h += p.step_h;
            out.longest_event_h = out.longest_event_h.max(event_h);
        } else {
            if event_h > 0.0 {
                out.events_by_duration[event_bin(event_h)] += 1.0;
            }
            event_h = 0.0;
        }
    };
    if p.plan.is_none() {
        // Without a reserve plan the battery does not depend on the backup: its whole year
        // first, in a tight loop (the same figures, the random starts drawn in the same order).
        if !fused {
            sampled.greedy_battery_pass(p, soc, short_mw, Some(&mut *soc_before));
        }
        for (t, short) in short_mw.iter().enumerate() {
            let (backup_mw, left) =
                sampled.backup_step(model, t, *short, &mut running, &mut a, true);
            record(backup_mw, left);
        }
    } else {
        for t in 0..n {
            if survival_needed {
                soc_before.push(soc);
            }
            let (backup_mw, left) = sampled.step(model, p, t, &mut soc, &mut running, &mut a, true);
            record(backup_mw, left);
        }
    }
    out.backup_mwh = backup_sum * p.step_h;
    out.unserved_mwh = unserved_sum * p.step_h;
    if event_h > 0.0 {
        out.events_by_duration[event_bin(event_h)] += 1.0;
    }
    if survival_needed {
        out.survival = survival(model, p, &sampled, soc_before, &mut a);
    }
    let f = p.year_factor();
    out.loss_of_load_h *= f;
    out.unserved_mwh *= f;
    out.events *= f;
    out.backup_mwh *= f;
    for e in &mut out.events_by_duration {
        *e *= f;
    }
    out
}

/// What a draw sampled: each step's available share of solar, wind and battery power, and the
/// backup units in service.
struct Sampled<'a> {
    solar: &'a [f64],
    wind: &'a [f64],
    pcs: &'a [f64],
    backup_up: &'a [Vec<u32>],
}

impl Sampled<'_> {
    /// One step of the dispatch at step `t`: renewables, then the battery (from `soc`, updated;
    /// down to the year's planned reserve, and charged from spare backup up to what must be
    /// kept), then the backup in merit order for the load and that charge; units in `running`
    /// keep running while in service, more are started as needed, each start failing with its
    /// probability (the next unit is then tried). The load is served before the battery charges.
    /// Grid links take part only when `grid_on`. Returns (backup output, load not served) [MW].
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn step(
        &self,
        model: &FailureModel,
        p: &YearProfiles,
        t: usize,
        soc: &mut f64,
        running: &mut [u32],
        a: &mut Availability,
        grid_on: bool,
    ) -> (f64, f64) {
        let supply = p.solar_mw[t] * self.solar[t] + p.wind_mw[t] * self.wind[t];
        let net = supply - p.load_mw[t];
        let mut limits = p.battery;
        limits.power_mw *= self.pcs[t];
        let (surplus, deficit) = if net > 0.0 { (net, 0.0) } else { (0.0, -net) };
        let before = *soc;
        let (discharge, to_battery) = match &p.plan {
            None => {
                let (_, discharge, new_soc) = limits.step(before, surplus, deficit);
                *soc = new_soc;
                (discharge, 0.0)
            }
            Some((keep, need)) => {
                // The controller knows which units are in service now.
                let available_mw: f64 = model
                    .backup
                    .iter()
                    .zip(self.backup_up)
                    .filter(|(b, _)| grid_on || !b.grid)
                    .map(|(b, up)| up[t] as f64 * b.unit.capacity_mw)
                    .sum();
                let new_soc =
                    next_soc_keeping_reserve(&limits, before, net, available_mw, keep[t], need[t]);
                let (_, discharge, from_backup) =
                    flows_keeping_reserve_mw(&limits, before, new_soc, net);
                *soc = new_soc;
                (discharge, from_backup)
            }
        };
        let short_load = (deficit - discharge).max(0.0);
        let (backup_mw, left) =
            self.backup_step(model, t, short_load + to_battery, running, a, grid_on);
        // The load first: what the backup could not give is taken off the battery's charge.
        let unserved = (left - to_battery).max(0.0);
        let charge_missed = left - unserved;
        if charge_missed > 0.0 {
            *soc = (*soc - charge_missed * limits.eta_charge * limits.step_h)
                .max(limits.soc_min_mwh.min(*soc));
        }
        (backup_mw, unserved)
    }

    /// The greedy battery over the whole year from `soc` (nothing kept in reserve, so the
    /// battery does not depend on the backup): the load each step leaves for the backup into
    /// `short_mw`, and with `soc_before` the stored energy at each step's start. The same
    /// figures as [`step`](Self::step) without a plan, in a tight loop.
    fn greedy_battery_pass(
        &self,
        p: &YearProfiles,
        mut soc: f64,
        short_mw: &mut Vec<f64>,
        mut soc_before: Option<&mut Vec<f64>>,
    ) {
        let n = p.load_mw.len();
        // Every step is written below: no clearing pass.
        short_mw.resize(n, 0.0);
        let (load, solar, wind) = (&p.load_mw[..n], &p.solar_mw[..n], &p.wind_mw[..n]);
        let (s_share, w_share, pcs) = (&self.solar[..n], &self.wind[..n], &self.pcs[..n]);
        for (t, short) in short_mw.iter_mut().enumerate() {
            if let Some(b) = soc_before.as_deref_mut() {
                b.push(soc);
            }
            let net = solar[t] * s_share[t] + wind[t] * w_share[t] - load[t];
            let mut limits = p.battery;
            limits.power_mw *= pcs[t];
            let (surplus, deficit) = if net > 0.0 { (net, 0.0) } else { (0.0, -net) };
            let (_, discharge, new_soc) = limits.step(soc, surplus, deficit);
            soc = new_soc;
            *short = (deficit - discharge).max(0.0);
        }
    }

    /// The backup at step `t` for `wanted_mw`: units in `running` keep running while in
    /// service, more are started as needed, each start failing with its probability (the next
    /// unit is then tried); grid links only when `grid_on`. Returns (backup output, what it
    /// could not give) [MW].
    #[inline(always)]
    fn backup_step(
        &self,
        model: &FailureModel,
        t: usize,
        wanted_mw: f64,
        running: &mut [u32],
        a: &mut Availability,
        grid_on: bool,
    ) -> (f64, f64) {
        let mut short = wanted_mw;
        if short <= 0.0 {
            // Nothing for the backup: every unit stops.
            running.fill(0);
            return (0.0, 0.0);
        }
        let mut backup_mw = 0.0;
        for (k, b) in model.backup.iter().enumerate() {
            if b.grid && !grid_on {
                continue;
            }
            let available = self.backup_up[k][t];
            let mut on = running[k].min(available);
            let need = if b.unit.capacity_mw > 0.0 && short > 0.0 {
                // ceil(short / unit - 1e-9) without a call into libm (x86-64's baseline has
                // no rounding instruction); `as` saturates.
                let q = short / b.unit.capacity_mw - 1e-9;
                let whole = q as u32;
                whole + u32::from(q > f64::from(whole))
            } else {
                0
            };
            let mut candidates = available - on;
            while on < need && candidates > 0 {
                candidates -= 1;
                if a.uniform() >= b.start_failure_prob {
                    on += 1;
                }
            }
            let on = on.min(need);
            let out_mw = (on as f64 * b.unit.capacity_mw).min(short);
            backup_mw += out_mw;
            short -= out_mw;
            running[k] = on;
        }
        (backup_mw, short)
    }
}

/// For each duration of [`SURVIVAL_DURATIONS_H`], the share of start hours from which the
/// campus serves its whole load through a grid outage that long: the grid link out, on-site
/// units cold (each must start, and may fail to), the battery as the year's dispatch left it,
/// the draw's own failures. The year wraps around at its end.
fn survival(
    model: &FailureModel,
    p: &YearProfiles,
    d: &Sampled,
    soc_before: &[f64],
    a: &mut Availability,
) -> Vec<f64> {
    let n = p.load_mw.len();
    let longest = SURVIVAL_DURATIONS_H[SURVIVAL_DURATIONS_H.len() - 1];
    let max_steps = ((longest / p.step_h).ceil() as usize).min(n);
    let mut survived_steps = Vec::with_capacity(n);
    let mut running = vec![0_u32; model.backup.len()];
    for (start, &soc_at_start) in soc_before.iter().enumerate().take(n) {
        running.fill(0);
        let mut soc = soc_at_start;
        let mut steps = 0;
        while steps < max_steps {
            let t = (start + steps) % n;
            let (_, short) = d.step(model, p, t, &mut soc, &mut running, a, false);
            if short > LOSS_TOLERANCE_MW {
                break;
            }
            steps += 1;
        }
        survived_steps.push(steps);
    }
    SURVIVAL_DURATIONS_H
        .iter()
        .map(|h| {
            let need = ((h / p.step_h).ceil() as usize).min(max_steps);
            survived_steps.iter().filter(|s| **s >= need).count() as f64 / n.max(1) as f64
        })
        .collect()
}

/// The sampled years of draws `draws` of every weather year in `years` (in that order: year
/// by year, draws within), calling `progress(done, total)` after each and stopping early when
/// `cancel` is set.
pub fn sample_years(
    model: &FailureModel,
    years: &[YearProfiles],
    draws: std::ops::Range<u64>,
    seed: u64,
    cancel: &AtomicBool,
    mut progress: impl FnMut(usize, usize),
) -> Vec<SampledYear> {
    let total = years.len() * (draws.end.saturating_sub(draws.start)) as usize;
    let mut out = Vec::with_capacity(total);
    let mut sampler = Sampler::new(model);
    for (y, p) in years.iter().enumerate() {
        for d in draws.clone() {
            if cancel.load(Ordering::Relaxed) {
                return out;
            }
            out.push(sampler.draw(p, seed, y as u32, d));
            progress(out.len(), total);
        }
    }
    out
}

/// The sampled years numbered `k` (weather year `k / draws`, draw `k % draws`) that `pick`
/// chooses, in that order, with their numbers; `progress(done, total)` after each, stopping
/// early when `cancel` is set. Sample `k` is the same whatever else runs.
pub fn sample_set(
    model: &FailureModel,
    years: &[YearProfiles],
    draws: u32,
    seed: u64,
    pick: impl Fn(u64) -> bool,
    cancel: &AtomicBool,
    mut progress: impl FnMut(usize, usize),
) -> Vec<(u64, SampledYear)> {
    let draws = u64::from(draws);
    let all = years.len() as u64 * draws;
    let total = (0..all).filter(|k| pick(*k)).count();
    let mut out = Vec::with_capacity(total);
    let mut sampler = Sampler::new(model);
    for (y, p) in years.iter().enumerate() {
        for d in 0..draws {
            let k = y as u64 * draws + d;
            if !pick(k) {
                continue;
            }
            if cancel.load(Ordering::Relaxed) {
                return out;
            }
            out.push((k, sampler.draw(p, seed, y as u32, d)));
            progress(out.len(), total);
        }
    }
    out
}

/// LOLE, EUE, LOLP, events and the longest event over sampled years.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AdequacyStats {
    pub lole_h_per_year: Estimate,
    pub eue_mwh_per_year: Estimate,
    /// Probability of loss of load in a random hour: LOLE / 8760.
    pub lolp: Estimate,
    pub events_per_year: Estimate,
    pub longest_event_h: Estimate,
    pub backup_energy_mwh_per_year: Estimate,
    /// With a grid link: the probability of riding through a grid outage of each duration
    /// starting at any hour; `None` without one.
    pub survival: Option<Vec<SurvivalPoint>>,
    /// Loss-of-load events per year by duration (the mean over sampled years).
    pub event_durations: Vec<DurationBin>,
    /// Sampled years the statistics are over.
    pub samples: usize,
}

/// Loss of load and backup energy of each weather year's dispatch with nothing failing, by
/// how much it knows of the future: perfect foresight (as the optimizer sizes), a rolling
/// forecast and the greedy rule. The gaps are what foresight alone is worth to a design; the
/// Monte Carlo adds the failures. Means over the weather years, per year.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForesightComparison {
    pub perfect_foresight_lole_h_per_year: f64,
    pub perfect_foresight_eue_mwh_per_year: f64,
    pub greedy_lole_h_per_year: f64,
    pub greedy_eue_mwh_per_year: f64,
    /// Every mode compared: perfect foresight, the rolling forecast (the scenario's horizon,
    /// or 24 h when it uses another mode), greedy.
    pub modes: Vec<ModeOutcome>,
}

/// One dispatch mode's outcome with nothing failing.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModeOutcome {
    /// The mode, as the scenario writes it (`Forecast(horizon_h: 24)`).
    pub dispatch: String,
    pub lole_h_per_year: f64,
    pub eue_mwh_per_year: f64,
    pub backup_energy_mwh_per_year: f64,
}

/// The forecast horizon the comparison uses when the scenario runs another mode [h].
const COMPARED_HORIZON_H: u32 = 24;

impl ForesightComparison {
    /// The comparison over `years` (one run each: nothing is random without failures).
    pub fn of(model: &FailureModel, years: &[YearProfiles]) -> ForesightComparison {
        let sure = model.without_failures();
        let never = AtomicBool::new(false);
        let horizon_h = years
            .iter()
            .find_map(|y| match y.dispatch {
                DispatchMode::Forecast { horizon_h } => Some(horizon_h),
                _ => None,
            })
            .unwrap_or(COMPARED_HORIZON_H);
        let n = years.len().max(1) as f64;
        let modes: Vec<ModeOutcome> = [
            DispatchMode::PerfectForesight,
            DispatchMode::Forecast { horizon_h },
            DispatchMode::Greedy,
        ]
        .into_iter()
        .map(|mode| {
            let in_mode: Vec<YearProfiles> = years
                .iter()
                .map(|y| {
                    if y.dispatch == mode {
                        y.clone()
                    } else {
                        y.with_dispatch(mode)
                    }
                })
                .collect();
            let runs = sample_years(&sure, &in_mode, 0..1, 0, &never, |_, _| {});
            let mean = |f: fn(&SampledYear) -> f64| runs.iter().map(f).sum::<f64>() / n;
            ModeOutcome {
                dispatch: mode.label(),
                lole_h_per_year: mean(|r| r.loss_of_load_h),
                eue_mwh_per_year: mean(|r| r.unserved_mwh),
                backup_energy_mwh_per_year: mean(|r| r.backup_mwh),
            }
        })
        .collect();
        ForesightComparison {
            perfect_foresight_lole_h_per_year: modes[0].lole_h_per_year,
            perfect_foresight_eue_mwh_per_year: modes[0].eue_mwh_per_year,
            greedy_lole_h_per_year: modes[2].lole_h_per_year,
            greedy_eue_mwh_per_year: modes[2].eue_mwh_per_year,
            modes,
        }
    }
}

/// Events of one duration range.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DurationBin {
    /// Shortest event of the bin [h].
    pub from_h: f64,
    /// Longest event of the bin [h]; `None` for the last (open) bin.
    pub to_h: Option<f64>,
    /// Mean events per year of this duration.
    pub events_per_year: f64,
}

/// One point of the survival curve.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SurvivalPoint {
    pub duration_h: f64,
    pub probability: Estimate,
}

impl AdequacyStats {
    pub fn of(samples: &[SampledYear]) -> AdequacyStats {
        let of = |f: fn(&SampledYear) -> f64| {
            let v: Vec<f64> = samples.iter().map(f).collect();
            Estimate::of_draws(&v)
        };
        AdequacyStats {
            lole_h_per_year: of(|s| s.loss_of_load_h),
            eue_mwh_per_year: of(|s| s.unserved_mwh),
            lolp: of(|s| s.loss_of_load_h / 8760.0),
            events_per_year: of(|s| s.events),
            longest_event_h: of(|s| s.longest_event_h),
            backup_energy_mwh_per_year: of(|s| s.backup_mwh),
            survival: samples
                .first()
                .is_some_and(|s| !s.survival.is_empty())
                .then(|| {
                    SURVIVAL_DURATIONS_H
                        .iter()
                        .enumerate()
                        .map(|(i, h)| {
                            let v: Vec<f64> = samples
                                .iter()
                                .map(|s| s.survival.get(i).copied().unwrap_or(f64::NAN))
                                .collect();
                            SurvivalPoint {
                                duration_h: *h,
                                probability: Estimate::of_draws_higher_better(&v),
                            }
                        })
                        .collect()
                }),
            event_durations: (0..EVENT_BINS)
                .map(|k| DurationBin {
                    from_h: EVENT_DURATION_BINS_H[k],
                    to_h: EVENT_DURATION_BINS_H.get(k + 1).map(|next| next - 1.0),
                    events_per_year: samples.iter().map(|s| s.events_by_duration[k]).sum::<f64>()
                        / samples.len().max(1) as f64,
                })
                .collect(),
            samples: samples.len(),
        }
    }
}

/// The profiles of `years` weather years of `s` (synthetic years from its seed, as the
/// weather-years run uses; a weather file gives the same year each time).
pub fn year_profiles(s: &Scenario, base: &Path, years: u32) -> Result<Vec<YearProfiles>, SimError> {
    let mut engine = if years > 1 {
        Engine::with_interannual_variation()
    } else {
        Engine::new()
    };
    crate::sim::years::synthetic_years(s, years.max(1))
        .into_iter()
        .map(|w| {
            let mut y = s.clone();
            y.weather = w;
            YearProfiles::simulate(&mut engine, &y, base)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reliability::{Copt, OutageUnit};

    fn flat(load: f64, n: usize) -> YearProfiles {
        YearProfiles::new(
            vec![load; n],
            vec![0.0; n],
            vec![0.0; n],
            1.0,
            BatteryLimits::new(0.0, 0.0, 0.9, 0.0, 1.0, 0.0, 1.0),
            0.0,
            0.0,
            DispatchMode::Greedy,
        )
    }

    fn units_only(count: usize, unit_mw: f64, for_: f64, mttr: f64) -> FailureModel {
        FailureModel {
            solar: Fleet::new(0, 0.0, 0.0, 1.0),
            wind: Fleet::new(0, 0.0, 0.0, 1.0),
            pcs: Fleet::new(0, 0.0, 0.0, 1.0),
            backup: vec![BackupFleet {
                unit: RepairableUnit::from_outage_rate(unit_mw, for_, mttr),
                count,
                start_failure_prob: 0.0,
                grid: false,
            }],
        }
    }

    #[test]
    fn units_alone_converge_to_the_outage_table() {
        // Five 50 MW units (FOR 5 %, 50 h) against 180 MW: short when two or more are out.
        let model = units_only(5, 50.0, 0.05, 50.0);
        let years = [flat(180.0, 8760)];
        let never = AtomicBool::new(false);
        let s = sample_years(&model, &years, 0..3000, 11, &never, |_, _| {});
        let stats = AdequacyStats::of(&s);
        let copt = Copt::build(
            &[OutageUnit {
                capacity_mw: 50.0,
                forced_outage_rate: 0.05,
            }; 5],
            1.0,
        )
        .expect("table");
        let (lole, eue) = copt.lole_eue(&years[0].load_mw, 1.0);
        let m = stats.lole_h_per_year;
        assert!((m.mean - lole).abs() < 3.0 * m.std_error, "{m:?} vs {lole}");
        let e = stats.eue_mwh_per_year;
        assert!((e.mean - eue).abs() < 3.0 * e.std_error, "{e:?} vs {eue}");
        assert!(stats.events_per_year.mean > 0.0);
        assert!(stats.longest_event_h.mean >= 1.0);
        // Every event is in one duration bin.
        let binned: f64 = stats
            .event_durations
            .iter()
            .map(|b| b.events_per_year)
            .sum();
        assert!((binned - stats.events_per_year.mean).abs() < 1e-9);
        let bins: Vec<usize> = [1.0, 2.0, 3.0, 4.0, 8.0, 9.0, 24.0, 25.0, 72.0, 73.0, 500.0]
            .iter()
            .map(|h| event_bin(*h))
            .collect();
        assert_eq!(bins, [0, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6]);
    }

    #[test]
    fn a_higher_outage_rate_longer_repairs_and_failed_starts_each_cost_reliability() {
        let never = AtomicBool::new(false);
        let stats = |m: &FailureModel, years: &[YearProfiles]| {
            AdequacyStats::of(&sample_years(m, years, 0..400, 3, &never, |_, _| {}))
        };
        let flat_year = [flat(180.0, 8760)];
        let base = stats(&units_only(5, 50.0, 0.05, 50.0), &flat_year);
        let worse = stats(&units_only(5, 50.0, 0.10, 50.0), &flat_year);
        assert!(worse.lole_h_per_year.mean > 2.0 * base.lole_h_per_year.mean);
        // The same share of time out in fewer, longer outages: longer events.
        let longer = stats(&units_only(5, 50.0, 0.05, 500.0), &flat_year);
        assert!(longer.longest_event_h.mean > base.longest_event_h.mean);
        // A load that stops every night makes the units start every morning: with half the
        // starts failing, mornings with too few units are lost.
        let mut daily = flat(0.0, 8760);
        for (t, l) in daily.load_mw.iter_mut().enumerate() {
            *l = if t % 24 >= 8 { 180.0 } else { 0.0 };
        }
        let daily = [daily];
        let sure = stats(&units_only(5, 50.0, 0.0, 50.0), &daily);
        assert_eq!(sure.lole_h_per_year.mean, 0.0, "no failures, no loss");
        let mut flaky = units_only(5, 50.0, 0.0, 50.0);
        flaky.backup[0].start_failure_prob = 0.5;
        let flaky = stats(&flaky, &daily);
        assert!(
            flaky.lole_h_per_year.mean > 10.0,
            "{:?}",
            flaky.lole_h_per_year
        );
        // Each failed morning is one event, and the units that did start keep running.
        assert!(flaky.longest_event_h.mean <= 16.0);
    }

    #[test]
    fn the_survival_curve_says_how_long_on_site_units_and_the_battery_ride_through_grid_outages() {
        let never = AtomicBool::new(false);
        let grid = BackupFleet {
            unit: RepairableUnit::from_outage_rate(300.0, 0.0, 8.0),
            count: 1,
            start_failure_prob: 0.0,
            grid: true,
        };
        let diesel = |count| BackupFleet {
            unit: RepairableUnit::from_outage_rate(50.0, 0.0, 24.0),
            count,
            start_failure_prob: 0.0,
            grid: false,
        };
        let mut model = units_only(0, 0.0, 0.0, 1.0);
        model.backup = vec![grid.clone()];
        // Nothing on site: no outage is ridden through.
        let curve = |m: &FailureModel, years: &[YearProfiles]| {
            let st = AdequacyStats::of(&sample_years(m, years, 0..5, 2, &never, |_, _| {}));
            st.survival
                .expect("a grid link gives a curve")
                .iter()
                .map(|p| p.probability.mean)
                .collect::<Vec<f64>>()
        };
        let year = [flat(100.0, 24 * 30)];
        assert_eq!(curve(&model, &year), vec![0.0; 5]);
        // Enough reliable units on site: every outage is ridden through.
        model.backup = vec![grid.clone(), diesel(2)];
        assert_eq!(curve(&model, &year), vec![1.0; 5]);
        // Solar from 06:00 to 18:00 charges a 400 MWh battery; at night the battery carries
        // about 3.8 h of the 100 MW load, then the grid. Outages starting by day are ridden
        // through for hours, at night only while the battery lasts; no start survives 72 h.
        let mut sunny = flat(100.0, 24 * 30);
        sunny.battery = BatteryLimits::new(400.0, 200.0, 0.9025, 0.0, 1.0, 0.0, 1.0);
        for (t, s) in sunny.solar_mw.iter_mut().enumerate() {
            *s = if (6..18).contains(&(t % 24)) {
                200.0
            } else {
                0.0
            };
        }
        model.backup = vec![grid];
        let c = curve(&model, &[sunny]);
        assert!(c.windows(2).all(|w| w[0] >= w[1]), "{c:?}");
        assert!(c[0] > 0.6 && c[0] < 1.0, "{c:?}");
        assert!(c[1] < c[0], "{c:?}");
        assert_eq!(c[4], 0.0, "{c:?}");
        // Without a grid link there is no curve.
        let none = AdequacyStats::of(&sample_years(
            &units_only(1, 50.0, 0.0, 1.0),
            &year,
            0..2,
            1,
            &never,
            |_, _| {},
        ));
        assert!(none.survival.is_none());
    }

    #[test]
    fn without_failures_nothing_is_random_and_only_foresight_is_compared() {
        let model = units_only(5, 50.0, 0.05, 50.0);
        let sure = model.without_failures();
        let never = AtomicBool::new(false);
        let years = [flat(240.0, 8760)];
        // 5 x 50 MW against 240 MW: never short when nothing fails, whatever the seed.
        let s = sample_years(&sure, &years, 0..3, 9, &never, |_, _| {});
        assert!(
            s.iter()
                .all(|y| y.loss_of_load_h == 0.0 && y.unserved_mwh == 0.0)
        );
        // 260 MW is short every hour with or without foresight (no battery to plan).
        let short = flat(260.0, 8760);
        let c = ForesightComparison::of(&model, &[short]);
        assert_eq!(c.greedy_lole_h_per_year, 8760.0);
        assert!((c.greedy_eue_mwh_per_year - 87_600.0).abs() < 1e-6);
        assert_eq!(c.perfect_foresight_lole_h_per_year, 8760.0);
    }

    #[test]
    fn the_dispatch_mode_decides_whether_the_battery_keeps_energy_for_what_the_backup_cannot_cover()
    {
        // A week of 7-hour cycles: two sunny hours fill the battery (90 MWh), four hours of
        // 20 MW the 20 MW unit covers, then 60 MW, 40 above the unit.
        let cycle_solar = [150.0, 150.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let cycle_load = [50.0, 50.0, 20.0, 20.0, 20.0, 20.0, 60.0];
        let n = 7 * 24;
        let year = |mode| {
            YearProfiles::new(
                (0..n).map(|t| cycle_load[t % 7]).collect(),
                (0..n).map(|t| cycle_solar[t % 7]).collect(),
                vec![0.0; n],
                1.0,
                BatteryLimits::new(100.0, 50.0, 0.81, 0.0, 1.0, 0.0, 1.0),
                0.0,
                20.0,
                mode,
            )
        };
        let never = AtomicBool::new(false);
        let sure = units_only(1, 20.0, 0.0, 10.0);
        let lole = |m: &FailureModel, mode| {
            let s = sample_years(m, &[year(mode)], 0..50, 4, &never, |_, _| {});
            AdequacyStats::of(&s).lole_h_per_year.mean
        };
        let per_cycle = 8760.0 / n as f64;
        assert!((lole(&sure, DispatchMode::Greedy) - 24.0 * per_cycle).abs() < 1e-9);
        assert_eq!(lole(&sure, DispatchMode::PerfectForesight), 0.0);
        assert_eq!(lole(&sure, DispatchMode::Forecast { horizon_h: 2 }), 0.0);
        // With the unit failing (never foreseen), the planned reserve still loses hours, but
        // fewer than greedy.
        let failing = units_only(1, 20.0, 0.1, 10.0);
        let greedy = lole(&failing, DispatchMode::Greedy);
        let planned = lole(&failing, DispatchMode::Forecast { horizon_h: 2 });
        assert!(planned > 0.0 && planned < greedy, "{planned} vs {greedy}");
    }

    #[test]
    fn a_unit_that_fails_to_start_leaves_the_battery_uncharged_before_the_load_unserved() {
        // 10 MW load, no sun, an empty battery and a reserve that wants 20 MWh for a 60 MW
        // hour at the end; one 40 MW unit. When the unit starts, it serves the load and
        // charges the battery with what is spare; when its start fails, both are missed.
        let n = 4;
        let mut y = YearProfiles::new(
            vec![10.0, 10.0, 10.0, 60.0],
            vec![0.0; n],
            vec![0.0; n],
            1.0,
            BatteryLimits::new(100.0, 50.0, 1.0, 0.0, 1.0, 0.0, 1.0),
            0.0,
            40.0,
            DispatchMode::PerfectForesight,
        );
        let never = AtomicBool::new(false);
        let sure = units_only(1, 40.0, 0.0, 10.0);
        let s = sample_years(&sure, std::slice::from_ref(&y), 0..1, 1, &never, |_, _| {});
        assert_eq!(s[0].unserved_mwh * n as f64 / 8760.0, 0.0, "{:?}", s[0]);
        // Every start fails: the load goes unserved and the battery stays empty (the charge
        // it planned from the unit is not counted as stored).
        let mut dud = units_only(1, 40.0, 0.0, 10.0);
        dud.backup[0].start_failure_prob = 1.0;
        y.initial_soc_mwh = 0.0;
        let s = sample_years(&dud, &[y], 0..1, 1, &never, |_, _| {});
        let unserved = s[0].unserved_mwh * n as f64 / 8760.0;
        assert!((unserved - 90.0).abs() < 1e-9, "{unserved}");
        assert_eq!(s[0].backup_mwh, 0.0);
    }

    #[test]
    fn a_cancelled_run_stops_and_progress_counts_every_sample() {
        let model = units_only(2, 50.0, 0.05, 50.0);
        let years = [flat(60.0, 100), flat(60.0, 100)];
        let mut seen = Vec::new();
        let never = AtomicBool::new(false);
        let s = sample_years(&model, &years, 0..3, 1, &never, |d, t| seen.push((d, t)));
        assert_eq!(s.len(), 6);
        assert_eq!(seen.last(), Some(&(6, 6)));
        let stop = AtomicBool::new(true);
        assert!(sample_years(&model, &years, 0..3, 1, &stop, |_, _| {}).is_empty());
        // Shards add up: draws 1..3 are the same alone as in the whole run.
        let part = sample_years(&model, &years[..1], 1..3, 1, &never, |_, _| {});
        assert_eq!(part, s[1..3].to_vec());
    }
}
