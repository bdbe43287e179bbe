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
        // The heat is the facility's (IT x PUE); the load adds the desalination plant, which
        // makes that water at 3 kWh/m3.
        let heat = tower.it_load_mw[i] * tower.pue[i] * step_h;
        let want = water::cooling_tower_water(heat, tower.weather.temp_air_c[i], &t.model());
        assert!(
            (tower.water_m3[i] - want.total_m3()).abs() <= 1e-9 * want.total_m3().max(1e-9),
            "hour {i}"
        );
        let desal_mw = want.total_m3() * 3.0 / 1000.0 / step_h;
        assert!(
            (tower.desalination_mw[i] - desal_mw).abs() <= 1e-9,
            "hour {i}"
        );
        assert!(
            (tower.facility_load_mw[i] - heat / step_h - desal_mw).abs() <= 1e-9,
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

/// The campus's own desalination plant (the default water supply) makes the towers' water on
/// the campus's electricity and is paid per cubic metre; bought water under an allocation
/// draws no campus electricity; both say when the supply is too small.
#[test]
fn desalination_joins_the_load_and_the_water_is_paid_for_and_checked_against_the_supply() {
    use dakhla_core::scenario::{Desalination, WaterAllocation, WaterSupply};
    let mut s = reference();
    s.datacenter.heat_rejection = HeatRejection::CoolingTower(CoolingTower::default());
    let own = Engine::new().run(&s, root()).expect("simulates");
    let k = &own.kpis;
    let step_h = own.weather.step_h();
    // 3 kWh of campus electricity per m3 (the registry's default), hour by hour and in the
    // year; the PUE stays the facility's.
    assert!((k.desalination_energy_mwh - k.water_m3 * 3.0 / 1000.0).abs() < 1e-6);
    let desal_mwh: f64 = own.desalination_mw.iter().sum::<f64>() * step_h;
    assert!((desal_mwh - k.desalination_energy_mwh).abs() < 1e-6);
    let it_x_pue: f64 = own
        .it_load_mw
        .iter()
        .zip(own.pue.iter())
        .map(|(i, p)| i * p * step_h)
        .sum();
    assert!((k.facility_energy_mwh - it_x_pue - desal_mwh).abs() < 1e-6 * it_x_pue);
    assert!((k.pue_mean - it_x_pue / k.it_energy_mwh).abs() < 1e-9);
    // The water is paid at economics.water_per_m3 (5.2 MAD/m3 of the Morocco 2025 set) in the
    // annualized cost and the opex; the LCOE prices energy only.
    let e = &s.economics;
    assert_eq!(e.water_per_m3, 5.2, "filled from the scenario's cost set");
    let usd = k.water_m3 * e.water_per_m3 * e.usd_per_unit();
    assert!((k.water_cost_usd_per_year - usd).abs() < 1e-6 * usd);
    let line = own
        .costs
        .lines
        .iter()
        .find(|l| l.item == "water")
        .expect("a water line");
    assert!((line.annual_usd() - usd).abs() < 1e-6 * usd);
    let sum: f64 = own.costs.lines.iter().map(|l| l.annual_usd()).sum();
    assert!((k.annualized_cost_usd - sum).abs() < 1e-6 * sum);
    let served = k.facility_energy_mwh - k.unmet_energy_mwh;
    let lcoe = (k.annualized_cost_usd - usd) / served;
    assert!((k.lcoe_usd_per_mwh.unwrap() - lcoe).abs() < 1e-6 * lcoe);
    // No limit by default: no water status, no note.
    assert!(!k.targets.iter().any(|t| t.kpi.contains("water")));
    assert!(!own.notes.iter().any(|n| n.starts_with("water")));

    // A plant smaller than the peak day: reported not met, with the days short.
    let cap = (k.peak_water_m3_per_day * 0.8).round();
    s.datacenter.water_supply = WaterSupply::Desalination(Desalination {
        capacity_m3_per_day: cap,
        ..Desalination::default()
    });
    let small = Engine::new().run(&s, root()).expect("simulates");
    let t = small
        .kpis
        .targets
        .iter()
        .find(|t| t.kpi == "peak_water_m3_per_day")
        .expect("the plant is checked");
    assert!(!t.met && t.target == cap, "{t:?}");
    assert!(!small.kpis.all_targets_met);
    assert!(
        small
            .notes
            .iter()
            .any(|n| n.starts_with("water:") && n.contains("days")),
        "{:?}",
        small.notes
    );

    // Bought water: none of the campus's electricity; over the allocation, said so.
    s.datacenter.water_supply = WaterSupply::Allocation(WaterAllocation {
        max_m3_per_yr: 1_000_000.0,
    });
    let bought = Engine::new().run(&s, root()).expect("simulates");
    assert_eq!(bought.kpis.desalination_energy_mwh, 0.0);
    assert!(bought.desalination_mw.iter().all(|v| *v == 0.0));
    assert!((bought.kpis.facility_energy_mwh - it_x_pue).abs() < 1e-6 * it_x_pue);
    assert!((bought.kpis.water_m3 - k.water_m3).abs() < 1e-6 * k.water_m3);
    let t = bought
        .kpis
        .targets
        .iter()
        .find(|t| t.kpi == "water_m3")
        .expect("the allocation is checked");
    assert!(!t.met && t.value > 3.0e6, "{t:?}");
    assert!(bought.notes.iter().any(|n| n.contains("allocation")));
    // Dry coolers draw nothing: no cost, no desalination, the allocation met.
    s.datacenter.heat_rejection = HeatRejection::DryCoolers;
    let dry = Engine::new().run(&s, root()).expect("simulates");
    assert_eq!(dry.kpis.water_cost_usd_per_year, 0.0);
    assert!(
        dry.kpis
            .targets
            .iter()
            .all(|t| t.kpi != "water_m3" || t.met)
    );
}

/// The PUE-against-WUE chart's figures (the load stage alone, no dispatch) are those of full
/// runs with each heat rejection, the scenario's own one marked.
#[test]
fn each_cooling_choice_gives_the_pue_and_water_of_a_full_run_with_it() {
    let s = reference();
    let r = Engine::new().run(&s, root()).expect("simulates");
    let choices = dakhla_core::sim::cooling_choices(&s, &r.weather);
    let variants: Vec<&str> = choices.iter().map(|c| c.heat_rejection.variant()).collect();
    assert_eq!(
        variants,
        ["DryCoolers", "AdiabaticPads", "CoolingTower", "Seawater"]
    );
    assert_eq!(
        choices.iter().filter(|c| c.is_scenario).count(),
        1,
        "one is the scenario's"
    );
    assert!(choices[0].is_scenario);
    for c in &choices {
        let full = with(c.heat_rejection.clone());
        let k = &full.kpis;
        let name = c.heat_rejection.variant();
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(close(c.pue_mean, k.pue_mean), "{name}");
        assert!(close(c.pue_peak, k.pue_peak), "{name}");
        assert!(close(c.water_m3, k.water_m3), "{name}");
        assert!(close(c.wue_l_per_kwh, k.wue_l_per_kwh), "{name}");
        assert!(
            close(c.peak_water_m3_per_day, k.peak_water_m3_per_day),
            "{name}"
        );
        assert!(
            close(c.desalination_energy_mwh, k.desalination_energy_mwh),
            "{name}"
        );
        assert!(
            close(c.facility_energy_mwh, k.facility_energy_mwh),
            "{name}"
        );
        assert!(close(c.peak_facility_mw, k.peak_facility_mw), "{name}");
    }
    // A scenario with towers of its own keeps its parameters in the comparison.
    let mut towers = reference();
    let own = HeatRejection::CoolingTower(CoolingTower {
        approach_k: 6.0,
        ..CoolingTower::default()
    });
    towers.datacenter.heat_rejection = own.clone();
    let choices = dakhla_core::sim::cooling_choices(&towers, &r.weather);
    assert!(choices[2].is_scenario && choices[2].heat_rejection == own);
    assert!(!choices[0].is_scenario);
}
