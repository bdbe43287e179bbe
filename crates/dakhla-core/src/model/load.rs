//! IT load of rack groups and the capacity check against the campus power cap.
//!
//! IT power of a group at a step = count x kW per rack x utilization x profile factor of the
//! local hour, from the month the group comes online. Facility power = IT x PUE.
//!
//! The capacity check follows electrical design practice: every rack is counted at its design
//! (nameplate) power, and the facility overhead at the design-day PUE (hottest design
//! temperature), so the cap holds even when all racks draw their full power on a hot day.
//!
//! # References
//! - Uptime Institute (2024). Global Data Center Survey (rack densities).
//! - The Green Grid (2012). PUE: A Comprehensive Examination of the Metric (facility = IT x PUE).

/// One rack group reduced to plain numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct RackGroupLoad {
    /// Number of racks.
    pub count: u32,
    /// Design power of one rack [kW].
    pub kw_per_rack: f64,
    /// Mean fraction of design power drawn [-].
    pub utilization: f64,
    /// Factor for each local hour 0..23 multiplying the utilization [-].
    pub hourly_factors: [f64; 24],
    /// First calendar month (local time) in which the group draws power, as months since
    /// January of year 0 (`year * 12 + month - 1`); `None` = always.
    pub online_from_month_index: Option<i64>,
}

impl RackGroupLoad {
    /// Design (nameplate) IT power of the whole group [MW].
    pub fn design_it_mw(&self) -> f64 {
        self.count as f64 * self.kw_per_rack / 1000.0
    }

    /// IT power of the group at a local hour of a calendar month (months since January of
    /// year 0), zero before it comes online [MW].
    pub fn it_mw(&self, local_hour: usize, month_index: i64) -> f64 {
        if self
            .online_from_month_index
            .is_some_and(|from| month_index < from)
        {
            return 0.0;
        }
        self.count as f64
            * self.kw_per_rack
            * self.utilization
            * self.hourly_factors[local_hour % 24]
            / 1000.0
    }
}

/// IT power [MW] of all groups for `n` steps of `step_s` seconds from `start_unix_s` (UTC),
/// evaluated at the middle of each step in local time (`utc_offset_h`).
pub fn it_load_series_mw(
    groups: &[RackGroupLoad],
    start_unix_s: i64,
    step_s: i64,
    n: usize,
    utc_offset_h: f64,
) -> Vec<f64> {
    let offset_s = (utc_offset_h * 3600.0).round() as i64;
    it_load_series_legal_mw(groups, start_unix_s, step_s, n, |_| offset_s)
}

/// [`it_load_series_mw`] on a legal time whose offset from UTC changes (Morocco's Ramadan
/// hour): `legal_offset_s(t)` is legal time minus UTC at the instant `t` [s]. A step is placed
/// by the clock at its middle.
pub fn it_load_series_legal_mw(
    groups: &[RackGroupLoad],
    start_unix_s: i64,
    step_s: i64,
    n: usize,
    legal_offset_s: impl Fn(i64) -> i64,
) -> Vec<f64> {
    let mut out = Vec::with_capacity(n);
    let mut cached_day = i64::MIN;
    let mut month_index = 0;
    for i in 0..n {
        let mid = start_unix_s + i as i64 * step_s + step_s / 2;
        let local = mid + legal_offset_s(mid);
        let day = local.div_euclid(86_400);
        if day != cached_day {
            cached_day = day;
            let (year, month, _) = crate::weather::civil_from_days(day);
            month_index = year * 12 + month as i64 - 1;
        }
        let hour = (local.rem_euclid(86_400) / 3600) as usize;
        out.push(groups.iter().map(|g| g.it_mw(hour, month_index)).sum());
    }
    out
}

/// The result of checking the rack plan against the power cap.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CapacityCheck {
    /// The cap [MW].
    pub cap_mw: f64,
    /// PUE at the design temperature used for the check [-] (1 when the cap applies to IT).
    pub design_pue: f64,
    /// Nameplate IT power of all racks [MW].
    pub it_design_mw: f64,
    /// Facility power at nameplate IT and design PUE [MW].
    pub facility_design_mw: f64,
    /// Cap minus the planned design load on the cap's basis [MW] (negative: over the cap).
    pub headroom_mw: f64,
    /// All planned racks.
    pub racks_total: u64,
    /// Planned racks that fit under the cap, groups filled in list order.
    pub racks_fit_under_cap: u64,
    /// Per group: racks of that group that fit under the cap in list order.
    pub group_racks_fit: Vec<u64>,
    /// Per group: more racks of that kind that the remaining headroom could still take.
    pub group_additional_racks_fit: Vec<u64>,
}

/// What to do when the racks do not fit under the cap, in the terms of the group that should
/// give way (the one the planner changed, else the last one that has racks).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CapacityAdvice {
    /// Design load above the cap [MW].
    pub over_mw: f64,
    /// The group asked to give way (index into the groups).
    pub group: usize,
    /// Its racks to remove so that the rest fits (all of them when that is not enough).
    pub remove_racks: u64,
    /// Whether removing `remove_racks` is enough.
    pub removal_suffices: bool,
    /// The cap that would hold every rack [MW], rounded up to 0.1 MW.
    pub cap_needed_mw: f64,
    /// The design-day PUE at which every rack fits (cap on facility power only); `None` when
    /// the cap applies to IT or even a PUE of 1 would not do.
    pub design_pue_needed: Option<f64>,
}

impl CapacityCheck {
    /// Advice when the planned racks exceed the cap (`None` when they fit). `changed` is the
    /// group the planner changed last: it gives way first, so the group edited into the
    /// overload is the one flagged, whatever its place in the list.
    pub fn advice(
        &self,
        groups: &[RackGroupLoad],
        changed: Option<usize>,
    ) -> Option<CapacityAdvice> {
        let over_mw = -self.headroom_mw;
        if over_mw <= 1e-9 {
            return None;
        }
        let has_racks = |i: usize| {
            groups
                .get(i)
                .is_some_and(|g| g.count > 0 && g.kw_per_rack > 0.0)
        };
        let group = changed
            .filter(|&i| has_racks(i))
            .or_else(|| (0..groups.len()).rev().find(|&i| has_racks(i)))?;
        let g = &groups[group];
        let per_rack_mw = g.kw_per_rack / 1000.0 * self.design_pue;
        let need = (over_mw / per_rack_mw - 1e-9).ceil().max(1.0) as u64;
        let remove_racks = need.min(u64::from(g.count));
        let cap_needed_mw = (self.facility_design_mw * 10.0 - 1e-6).ceil() / 10.0;
        // The check runs at PUE 1 when the cap applies to IT: no PUE helps then.
        let design_pue_needed = (self.design_pue > 1.0 && self.it_design_mw > 0.0)
            .then(|| ((self.cap_mw / self.it_design_mw) * 100.0 + 1e-9).floor() / 100.0)
            .filter(|p| *p >= 1.0);
        Some(CapacityAdvice {
            over_mw,
            group,
            remove_racks,
            removal_suffices: need <= u64::from(g.count),
            cap_needed_mw,
            design_pue_needed,
        })
    }
}

impl CapacityAdvice {
    /// The advice in words, naming the group: "remove 384 racks of AI hall B (120 kW), or raise
    /// the cap to 564 MW, or bring the design-day PUE down to 1.23".
    pub fn text(&self, group_name: &str, kw_per_rack: f64) -> String {
        let kw = format!("{} kW", crate::text::number(kw_per_rack));
        // The rack size, unless the group's name already says it.
        let name = if group_name.contains(&kw) {
            group_name.to_owned()
        } else {
            format!("{group_name} ({kw})")
        };
        let mut ways = vec![if self.removal_suffices {
            format!("remove {} racks of {name}", self.remove_racks)
        } else {
            format!(
                "removing all {} racks of {name} is not enough",
                self.remove_racks
            )
        }];
        ways.push(format!(
            "raise the cap to {} MW",
            crate::text::number(self.cap_needed_mw)
        ));
        if let Some(p) = self.design_pue_needed {
            ways.push(format!("bring the design-day PUE down to {p:.2}"));
        }
        format!(
            "{:.1} MW over the cap: {}",
            self.over_mw,
            ways.join(", or ")
        )
    }
}

/// Check the rack plan against `cap_mw`. `design_pue` is the PUE on the design day; pass 1.0
/// when the cap limits IT power only.
pub fn capacity_check(groups: &[RackGroupLoad], design_pue: f64, cap_mw: f64) -> CapacityCheck {
    let it_design_mw: f64 = groups.iter().map(RackGroupLoad::design_it_mw).sum();
    let facility_design_mw = it_design_mw * design_pue;
    let mut remaining = cap_mw;
    let mut group_racks_fit = Vec::with_capacity(groups.len());
    for g in groups {
        let per_rack_mw = g.kw_per_rack / 1000.0 * design_pue;
        let fit = if per_rack_mw > 0.0 {
            ((remaining.max(0.0) / per_rack_mw + 1e-9).floor() as u64).min(g.count as u64)
        } else {
            g.count as u64
        };
        remaining -= fit as f64 * per_rack_mw;
        group_racks_fit.push(fit);
    }
    let headroom_mw = cap_mw - facility_design_mw;
    let group_additional_racks_fit = groups
        .iter()
        .map(|g| {
            let per_rack_mw = g.kw_per_rack / 1000.0 * design_pue;
            if headroom_mw > 0.0 && per_rack_mw > 0.0 {
                (headroom_mw / per_rack_mw + 1e-9).floor() as u64
            } else {
                0
            }
        })
        .collect();
    CapacityCheck {
        cap_mw,
        design_pue,
        it_design_mw,
        facility_design_mw,
        headroom_mw,
        racks_total: groups.iter().map(|g| g.count as u64).sum(),
        racks_fit_under_cap: group_racks_fit.iter().sum(),
        group_racks_fit,
        group_additional_racks_fit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(count: u32, kw: f64, util: f64, month: u32) -> RackGroupLoad {
        RackGroupLoad {
            count,
            kw_per_rack: kw,
            utilization: util,
            hourly_factors: [1.0; 24],
            online_from_month_index: Some(2027 * 12 + month as i64 - 1),
        }
    }

    #[test]
    fn it_power_is_count_times_kw_times_utilization_from_the_online_month() {
        let g = group(1000, 120.0, 0.8, 3);
        assert_eq!(g.it_mw(5, 2027 * 12 + 1), 0.0);
        assert!((g.it_mw(5, 2027 * 12 + 2) - 96.0).abs() < 1e-9);
        // A later year: online all year; an earlier year: off all year.
        let s_2028 = it_load_series_mw(
            std::slice::from_ref(&g),
            crate::weather::days_from_civil(2028, 1, 1) * 86_400,
            3600,
            24,
            0.0,
        );
        assert!(s_2028.iter().all(|v| (v - 96.0).abs() < 1e-9));
        let s_2026 = it_load_series_mw(
            std::slice::from_ref(&g),
            crate::weather::days_from_civil(2026, 12, 1) * 86_400,
            3600,
            24 * 31,
            0.0,
        );
        assert!(s_2026.iter().all(|v| *v == 0.0));
        // 2027-01-01 00:00 UTC; Feb 28 is day 58, March 1 day 59 (non-leap).
        let start = crate::weather::days_from_civil(2027, 1, 1) * 86_400;
        let s = it_load_series_mw(&[g], start, 3600, 8760, 0.0);
        assert_eq!(s[58 * 24 + 23], 0.0);
        assert!((s[59 * 24] - 96.0).abs() < 1e-9);
    }

    #[test]
    fn local_hour_profile_follows_utc_offset() {
        let mut g = group(10, 100.0, 0.5, 1);
        g.hourly_factors = [0.0; 24];
        g.hourly_factors[12] = 2.0; // only local noon
        let start = crate::weather::days_from_civil(2027, 6, 1) * 86_400;
        let s = it_load_series_mw(&[g], start, 3600, 24, 1.0);
        // local 12:00-13:00 at UTC+1 is 11:00-12:00 UTC
        assert!((s[11] - 1.0).abs() < 1e-12);
        assert_eq!(s.iter().filter(|v| **v > 0.0).count(), 1);
    }

    #[test]
    fn advice_flags_the_changed_group_in_its_own_racks_and_offers_cap_and_pue() {
        let group = |count: u32, kw: f64| RackGroupLoad {
            count,
            kw_per_rack: kw,
            utilization: 1.0,
            hourly_factors: [1.0; 24],
            online_from_month_index: None,
        };
        // 50 MW of 100 kW racks and 50 MW of 10 kW racks at PUE 1.2: 120 MW against 100.
        let groups = [group(500, 100.0), group(5000, 10.0)];
        let c = capacity_check(&groups, 1.2, 100.0);
        let a = c.advice(&groups, Some(0)).unwrap();
        assert!((a.over_mw - 20.0).abs() < 1e-9);
        assert_eq!(a.group, 0);
        // 20 MW / (0.1 MW x 1.2) = 166.7: 167 racks of the big kind, not a mix of kinds.
        assert_eq!(a.remove_racks, 167);
        assert!(a.removal_suffices);
        assert_eq!(a.cap_needed_mw, 120.0);
        assert_eq!(a.design_pue_needed, Some(1.0));
        assert_eq!(
            a.text("AI hall", 100.0),
            "20.0 MW over the cap: remove 167 racks of AI hall (100 kW), or raise the cap to 120 \
             MW, or bring the design-day PUE down to 1.00"
        );
        // Nothing changed: the last group gives way, in its own racks.
        let b = c.advice(&groups, None).unwrap();
        assert_eq!((b.group, b.remove_racks), (1, 1667));
        // Removing a whole small group is not enough.
        let small = [group(500, 100.0), group(10, 10.0)];
        let c = capacity_check(&small, 1.5, 50.0);
        let a = c.advice(&small, Some(1)).unwrap();
        assert!(!a.removal_suffices);
        assert!(
            a.text("small", 10.0)
                .contains("removing all 10 racks of small (10 kW) is not enough")
        );
        // On IT power, no PUE is offered; under the cap, no advice.
        let c = capacity_check(&groups, 1.0, 90.0);
        assert_eq!(c.advice(&groups, None).unwrap().design_pue_needed, None);
        assert!(
            capacity_check(&groups, 1.2, 130.0)
                .advice(&groups, None)
                .is_none()
        );
    }

    #[test]
    fn capacity_check_fills_groups_in_order_at_design_pue() {
        // 3000 AI racks x 120 kW = 360 MW IT; x 1.35 = 486 MW facility, under 500.
        // 10000 air racks x 12 kW = 120 MW IT; x 1.35 = 162 MW: only (500 - 486) / 0.0162 = 864 fit.
        let groups = [group(3000, 120.0, 0.9, 1), group(10_000, 12.0, 0.6, 1)];
        let c = capacity_check(&groups, 1.35, 500.0);
        assert_eq!(c.racks_total, 13_000);
        assert_eq!(c.group_racks_fit, vec![3000, 864]);
        assert_eq!(c.racks_fit_under_cap, 3864);
        assert!((c.facility_design_mw - 648.0).abs() < 1e-9);
        assert!(c.headroom_mw < 0.0);
        assert_eq!(c.group_additional_racks_fit, vec![0, 0]);
        let c2 = capacity_check(&groups[..1], 1.35, 500.0);
        // headroom 14 MW: 14 / 0.162 = 86 more AI racks
        assert_eq!(c2.group_additional_racks_fit, vec![86]);
    }
}
