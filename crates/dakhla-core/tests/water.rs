//! Water and cooling technologies (issue 19) on the reference campus: each heat-rejection choice
//! gives the PUE and the water its model says, hour by hour, and the yearly figures add up.

use dakhla_core::model::{psychrometrics, water};
use dakhla_core::scenario::{
    self, AdiabaticPads, CoolingTower, HeatRejection, Scenario, SeawaterCooling,
};
use dakhla_core::sim::{Engine, Results};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn reference() -> Scenario {
    scenario::load(&root().join("scenarios/dakhla-500mw.ron")).expect("the shipped scenario loads")
}

fn with(h: HeatRejection) -> Results {
    let mut s = reference();
    s.datacenter.heat_rejection = h;
    Engine::new().run(&s, root()).expect("simulates")
}

fn wet_bulb(r: &Results, i: usize) -> f64 {
    let w = &r.weather;
    psychrometrics::wet_bulb_c(
        w.temp_air_c[i],
        w.relative_humidity_pct[i],
        w.pressure_pa[i],
    )
}

#[test]
fn the_reference_campus_reports_its_water_and_each_technology_its_own() {
    let dry = with(HeatRejection::DryCoolers);
    let tower = with(HeatRejection::CoolingTower(CoolingTower::default()));
    let pads = with(HeatRejection::AdiabaticPads(AdiabaticPads::default()));
    let sea = with(HeatRejection::Seawater(SeawaterCooling::default()));
    let step_h = dry.weather.step_h();
    let it_mwh = dry.kpis.it_energy_mwh;
    eprintln!("technology: PUE mean / peak, water m3, WUE L/kWh, peak m3/day");
    for (name, r) in [
        ("dry coolers", &dry),
        ("adiabatic pads", &pads),
        ("cooling towers", &tower),
        ("seawater", &sea),
    ] {
        let k = &r.kpis;
        eprintln!(
            "{name}: {:.3} / {:.3}, {:.0}, {:.3}, {:.0}",
            k.pue_mean, k.pue_peak, k.water_m3, k.wue_l_per_kwh, k.peak_water_m3_per_day
        );
        // The yearly water is the sum of the hours, WUE is it over the IT energy, and the
        // busiest day holds at least the mean day.
        let sum: f64 = r.water_m3.iter().sum();
        assert!((k.water_m3 - sum).abs() <= 1e-9 * sum.max(1.0), "{name}");
        assert!(
            (k.wue_l_per_kwh - k.water_m3 / it_mwh).abs() < 1e-12,
            "{name}"
        );
        assert!(
            k.peak_water_m3_per_day >= k.water_m3 / 366.0 - 1e-9,
            "{name}"
        );
        assert_eq!(
            r.kpis.it_energy_mwh, it_mwh,
            "{name}: the IT load is the same"
        );
    }
    // Dry coolers (the reference campus as shipped) and seawater draw no water.
    assert_eq!(dry.kpis.water_m3, 0.0);
    assert_eq!(dry.kpis.wue_l_per_kwh, 0.0);
    assert_eq!(sea.kpis.water_m3, 0.0);
    // Seawater at a constant 20 + 2 C: one PUE all year.
    assert!(sea.pue.iter().all(|p| (p - sea.pue[0]).abs() < 1e-12));

    // Cooling towers: every hour's water is the tower model on that hour's facility energy
    // (evaporation 0.85 Q / h_fg, blowdown at 5 cycles, drift 1e-5 of 5.5 K circulation), and
    // the PUE is the weather-driven model at the wet bulb plus the 4 K approach.
    let t = CoolingTower::default();
    let model = reference().datacenter.cooling.pue_model();
    for i in (0..tower.weather.len()).step_by(97) {
        let heat = tower.facility_load_mw[i] * step_h;
        let want = water::cooling_tower_water(heat, tower.weather.temp_air_c[i], &t.model());
        assert!(
            (tower.water_m3[i] - want.total_m3()).abs() <= 1e-9 * want.total_m3().max(1e-9),
            "hour {i}"
        );
        let sink = wet_bulb(&tower, i).min(tower.weather.temp_air_c[i]) + t.approach_k;
        assert!(
            (tower.pue[i] - model.pue_at(sink)).abs() < 1e-12,
            "hour {i}"
        );
    }
    // Open towers use 1.2-2.0 L/kWh (DOMAIN "Water and cooling"); adiabatic assist 0.1-0.4.
    assert!((1.2..=2.0).contains(&tower.kpis.wue_l_per_kwh));
    assert!((0.05..=0.4).contains(&pads.kpis.wue_l_per_kwh));
    // Pads cool the air on hot hours: a lower PUE than dry coolers, and the hottest hour gains
    // most.
    assert!(pads.kpis.pue_mean < dry.kpis.pue_mean);
    assert!(pads.kpis.pue_peak < dry.kpis.pue_peak - 0.05);
    // Pads are dry below their switch temperature.
    let p = AdiabaticPads::default();
    for (i, t) in pads.weather.temp_air_c.iter().enumerate() {
        if *t <= p.wet_above_c {
            assert_eq!(pads.water_m3[i], 0.0, "hour {i}");
        }
    }
}

#[test]
fn a_wue_target_is_reported_met_or_not() {
    let mut s = reference();
    s.targets.max_wue_l_per_kwh = Some(0.4);
    s.datacenter.heat_rejection = HeatRejection::CoolingTower(CoolingTower::default());
    let tower = Engine::new().run(&s, root()).expect("simulates");
    let t = tower
        .kpis
        .targets
        .iter()
        .find(|t| t.kpi == "wue_l_per_kwh")
        .expect("the target is reported");
    assert!(
        !t.met && t.kind == "max" && t.target == 0.4 && t.value > 1.2,
        "{t:?}"
    );
    assert!(!tower.kpis.all_targets_met);
    s.datacenter.heat_rejection = HeatRejection::AdiabaticPads(AdiabaticPads::default());
    let pads = Engine::new().run(&s, root()).expect("simulates");
    let t = pads
        .kpis
        .targets
        .iter()
        .find(|t| t.kpi == "wue_l_per_kwh")
        .unwrap();
    assert!(t.met, "{t:?}");
    // The file writes the target only when it is set.
    let text = scenario::to_ron_string(&reference()).expect("writes");
    assert!(!text.contains("max_wue"), "unset, not written");
}
