//! The campus's flexible compute in a run: the rack groups' flexible parts on the run's steps
//! and windows, shifted against the renewable supply before the battery and backup act
//! ([`crate::model::flexibility`] has the model).

use crate::model::flexibility::{
    self, FlexibleGroup, FlexiblePlan, Foresight, LevelScratch, PueTables,
};
use crate::model::load::{self, RackGroupLoad};
use crate::scenario::{DispatchMode, Scenario};
use crate::weather::Weather;
use std::sync::Arc;

/// The flexible part of a campus's load on a run's steps, ready to shift against any supply.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlexibleLoad {
    /// The groups that have flexible work, in scenario order.
    pub groups: Vec<FlexibleGroup>,
    /// Index in `datacenter.rack_groups` of each of `groups`.
    pub group_index: Vec<usize>,
    /// Facility load without any flexible part: (IT load - flexible parts) x PUE [MW].
    pub inflexible_facility_mw: Vec<f64>,
    /// The window each step belongs to, as the `shift_window` column gives it: the first
    /// flexible group's, else the local day's.
    pub shift_window: Arc<Vec<u32>>,
    /// Flexible parts summed over groups before shifting [MW].
    pub flexible_base_mw: Arc<Vec<f64>>,
    /// Highest flexible power, summed over groups [MW].
    pub flexible_max_mw: Arc<Vec<f64>>,
    /// The groups made ready to level (pools).
    pub plan: FlexiblePlan,
}

impl FlexibleLoad {
    /// The campus's flexible load for the weather `w`, with `it_mw` and `pue` the load model's
    /// series. Groups without flexibility (or with a share of 0) are left out.
    pub fn of(s: &Scenario, w: &Weather, pue: &[f64], it_mw: &[f64]) -> Self {
        let n = w.len();
        let local_day = |i: usize| {
            let mid = w.time_unix_s(i) + w.step_s / 2;
            (mid + s.site.legal_offset_s(mid)).div_euclid(86_400)
        };
        let series = |g: &RackGroupLoad| {
            load::it_load_series_legal_mw(
                std::slice::from_ref(g),
                w.start_unix_s,
                w.step_s,
                n,
                |t| s.site.legal_offset_s(t),
            )
        };
        let step_h = w.step_h();
        let mut groups = Vec::new();
        let mut group_index = Vec::new();
        for (k, g) in s.datacenter.rack_groups.iter().enumerate() {
            let Some(f) = g.flexibility.filter(|f| f.share_frac > 0.0) else {
                continue;
            };
            let model = g.load_model();
            let nameplate = series(&RackGroupLoad {
                utilization: 1.0,
                hourly_factors: [1.0; 24],
                ..model.clone()
            });
            let window_of_step = flexibility::window_of_steps(n, f.window_h, local_day);
            groups.push(FlexibleGroup {
                share_frac: f.share_frac,
                windows: flexibility::window_ranges(&window_of_step),
                window_of_step,
                base_it_mw: series(&model),
                ramp_mw_per_step: f.ramp_frac_per_h.map(|r| r * model.design_it_mw() * step_h),
                nameplate_mw: nameplate,
            });
            group_index.push(k);
        }
        let shift_window = match groups.first() {
            Some(g) => g.window_of_step.clone(),
            None => flexibility::window_of_steps(n, 24, local_day),
        };
        let flexible_base: Vec<f64> = (0..n)
            .map(|i| groups.iter().map(|g| g.flexible_base_mw(i)).sum())
            .collect();
        let flexible_max: Vec<f64> = (0..n)
            .map(|i| groups.iter().map(|g| g.flexible_max_mw(i)).sum())
            .collect();
        let inflexible_facility_mw = (0..n.min(pue.len()).min(it_mw.len()))
            .map(|i| (it_mw[i] - flexible_base[i]).max(0.0) * pue[i])
            .collect();
        Self {
            plan: FlexiblePlan::new(&groups),
            groups,
            group_index,
            inflexible_facility_mw,
            shift_window: Arc::new(shift_window),
            flexible_base_mw: Arc::new(flexible_base),
            flexible_max_mw: Arc::new(flexible_max),
        }
    }

    /// True when no group has flexible work.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The facility load after the flexible work has moved towards `supply_mw` (renewable
    /// output per step), with what the dispatch knows of the future (`foresight`), into
    /// `facility_mw`; `pooled` holds each pool's flexible power. `battery_power_mw`: the power
    /// the battery can discharge at (see [`FlexiblePlan::level`]); `pue` the tables of the PUE
    /// ([`FlexiblePlan::pue_tables`] on `self.plan`). (A sizing search needs only this;
    /// [`shift_for_run`] also splits the pools back into groups.)
    #[allow(clippy::too_many_arguments)]
    pub fn shift_facility(
        &self,
        supply_mw: &[f64],
        pue: &PueTables,
        foresight: Foresight,
        battery_power_mw: f64,
        pooled: &mut Vec<Vec<f64>>,
        facility_mw: &mut Vec<f64>,
        scratch: &mut LevelScratch,
    ) {
        self.plan.level_with(
            &self.inflexible_facility_mw,
            supply_mw,
            pue,
            foresight,
            battery_power_mw,
            pooled,
            scratch,
        );
        let n = self.inflexible_facility_mw.len().min(pue.pue().len());
        let pue = pue.pue();
        let inflexible = &self.inflexible_facility_mw[..n];
        facility_mw.clear();
        flexibility::extend_with_pooled(inflexible.iter().copied(), &pue[..n], pooled, facility_mw);
    }
}

/// What the flexible work knows of the supply when it is scheduled: the dispatch's own
/// foresight (perfect, a rolling forecast of `horizon_h`, or the present only when greedy).
pub fn foresight_of(s: &Scenario, step_h: f64) -> Foresight {
    let steps_per_day = (24.0 / step_h).round().max(1.0) as usize;
    match s.simulation.dispatch {
        DispatchMode::PerfectForesight => Foresight::Perfect,
        DispatchMode::Forecast { horizon_h } => Foresight::Horizon {
            steps: ((f64::from(horizon_h) / step_h).round() as usize).max(1),
            steps_per_day,
        },
        DispatchMode::Greedy => Foresight::Horizon {
            steps: 1,
            steps_per_day,
        },
    }
}

/// The load of a run after its flexible work has moved.
#[derive(Clone, Debug)]
pub struct ShiftedLoad {
    pub it_mw: Arc<Vec<f64>>,
    pub facility_mw: Arc<Vec<f64>>,
    /// Energy moved [MWh] and the mean and largest shift [h].
    pub shifted_mwh: f64,
    pub mean_shift_h: f64,
    pub largest_shift_h: f64,
}

/// Shift the campus's flexible load against the run's renewable supply (`supply_mw`, one
/// series per supply kind). `it_mw` is the IT load before shifting; `battery_power_mw` the
/// power the battery can discharge at (0 without one).
pub fn shift_for_run(
    flex: &FlexibleLoad,
    supply_mw: &[&[f64]],
    it_mw: &[f64],
    pue: &[f64],
    foresight: Foresight,
    battery_power_mw: f64,
    step_h: f64,
) -> ShiftedLoad {
    let n = it_mw.len();
    let supply: Vec<f64> = (0..n)
        .map(|i| {
            supply_mw
                .iter()
                .map(|s| s.get(i).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let mut x = Vec::new();
    flex.plan.shift_groups(
        &flex.groups,
        &flex.inflexible_facility_mw,
        &supply,
        pue,
        foresight,
        battery_power_mw,
        &mut x,
        &mut LevelScratch::default(),
    );
    let facility: Vec<f64> = (0..n)
        .map(|i| flex.inflexible_facility_mw[i] + pue[i] * x.iter().map(|g| g[i]).sum::<f64>())
        .collect();
    let shifted_sum: Vec<f64> = (0..n).map(|i| x.iter().map(|g| g[i]).sum()).collect();
    let it: Vec<f64> = (0..n)
        .map(|i| (it_mw[i] - flex.flexible_base_mw[i]).max(0.0) + shifted_sum[i])
        .collect();
    let (mut shifted_mwh, mut moved_h_mwh, mut largest) = (0.0, 0.0, 0.0f64);
    for (g, xg) in flex.groups.iter().zip(&x) {
        let base: Vec<f64> = (0..n).map(|i| g.flexible_base_mw(i)).collect();
        let (mwh, mean, max) = flexibility::shift_hours(&base, xg, g.windows(), step_h);
        shifted_mwh += mwh;
        moved_h_mwh += mean * mwh;
        largest = largest.max(max);
    }
    ShiftedLoad {
        it_mw: Arc::new(it),
        facility_mw: Arc::new(facility),
        shifted_mwh,
        mean_shift_h: if shifted_mwh > 0.0 {
            moved_h_mwh / shifted_mwh
        } else {
            0.0
        },
        largest_shift_h: largest,
    }
}
