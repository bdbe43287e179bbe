//! Water of a datacenter's heat rejection, hour by hour: what evaporative cooling spends to save
//! electricity, and the electricity desalinating it costs.
//!
//! Every technology rejects the heat of the IT load, its fans and (when the chillers run) their
//! compressors to a heat sink; what differs is the sink's temperature, which sets the PUE
//! ([`heat_sink_temp_c`] feeds `model::cooling`), and the water it evaporates:
//!
//! ```text
//! tower:      E = f_lat Q / h_fg              evaporation (latent share of the heat)
//!             B = E / (C - 1)                 blowdown, C the cycles of concentration
//!             D = d Q / (rho c_w dT_range)    drift, d of the circulating water
//! adiabatic:  T_pad = T_db - eps (T_db - T_wb)                   pad outlet air (direct
//!             E = Q eps (T_db - T_wb) / (dT_air h_fg)            evaporative cooling) and the
//!             B = E / (C - 1)                                    water it evaporates
//! dry cooler, liquid cooling with dry coolers, seawater: no fresh water
//! ```
//! with `Q` the heat rejected, `h_fg` the latent heat of vaporization at the air temperature
//! (`model::psychrometrics`), `dT_air` the temperature rise of the air across the dry-cooler
//! coil. The site's water use effectiveness is then `WUE = water / IT energy`, and
//! 1 m3/MWh is 1 L/kWh (The Green Grid's unit).
//!
//! # References
//! - The Green Grid (2011). Water Usage Effectiveness (WUE): a Green Grid data center
//!   sustainability metric. White Paper 35 (WUE = annual site water / IT energy, L/kWh).
//! - Perry's Chemical Engineers' Handbook, 8th ed. (2008), sec. 12 "Psychrometry, evaporative
//!   cooling and solids drying": cooling-tower make-up = evaporation + blowdown + drift,
//!   blowdown = evaporation / (cycles - 1), evaporation about 0.85 of the heat as latent heat.
//! - Cooling Technology Institute (2020). CTI Code ATC-140, drift of modern eliminators
//!   0.0005-0.001 % of the circulating water.
//! - ASHRAE Handbook HVAC Systems and Equipment (2020), ch. 41 "Evaporative air coolers":
//!   direct evaporative saturation effectiveness 0.70-0.95 (rigid media pads 0.75-0.90).
//! - ASHRAE Handbook HVAC Systems and Equipment (2020), ch. 40 "Cooling towers": approach to
//!   the wet bulb 3-6 K at design, range 5-6 K typical.

use crate::model::psychrometrics::latent_heat_of_vaporization_j_per_kg;

/// Density of liquid water [kg/m3] (about 998 at 20 C; 1000 keeps the units plain, 0.2 %).
pub const WATER_DENSITY_KG_M3: f64 = 1000.0;
/// Specific heat of liquid water [J/(kg K)] (4182 at 20 C, IAPWS-95).
pub const WATER_SPECIFIC_HEAT_J_KG_K: f64 = 4182.0;
/// Specific heat of moist air at constant pressure [J/(kg K)] (1006 dry air, ASHRAE 2017 ch. 1
/// eq. 30, plus the vapour's share at about 10 g/kg: 1006 + 0.010 x 1860 = 1025).
pub const MOIST_AIR_SPECIFIC_HEAT_J_KG_K: f64 = 1025.0;
/// Joules in one MWh.
const J_PER_MWH: f64 = 3.6e9;

/// The parts of the water a technology draws over a step [m3].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WaterUse {
    /// Evaporated into the air.
    pub evaporation_m3: f64,
    /// Bled off to keep the dissolved solids below their limit.
    pub blowdown_m3: f64,
    /// Carried away as droplets.
    pub drift_m3: f64,
}

impl WaterUse {
    /// Make-up water: everything the site has to supply [m3].
    pub fn total_m3(&self) -> f64 {
        self.evaporation_m3 + self.blowdown_m3 + self.drift_m3
    }
}

/// Water evaporated to reject `heat_rejected_mwh` [MWh] when `latent_frac` of it leaves as
/// latent heat, at air temperature `temp_c` (the latent heat of vaporization there) [m3]:
/// `E = f_lat Q / h_fg` (Perry's sec. 12; f_lat about 0.85 for a cooling tower, the rest leaves
/// as sensible heat of the air).
pub fn evaporation_m3(heat_rejected_mwh: f64, latent_frac: f64, temp_c: f64) -> f64 {
    let heat_j = heat_rejected_mwh.max(0.0) * J_PER_MWH;
    latent_frac.clamp(0.0, 1.0) * heat_j
        / latent_heat_of_vaporization_j_per_kg(temp_c)
        / WATER_DENSITY_KG_M3
}

/// Blowdown that holds the dissolved solids at `cycles` times the make-up's concentration
/// [m3]: `B = E / (C - 1)` (a mass balance on the solids: they enter with the make-up
/// `E + B` and leave with the blowdown at C times the make-up's concentration; drift, also
/// concentrated, is counted apart). At one cycle or below nothing concentrates and the
/// blowdown would be unbounded, so `cycles` is held at 1.5 or more.
pub fn blowdown_m3(evaporation_m3: f64, cycles: f64) -> f64 {
    evaporation_m3.max(0.0) / (cycles.max(1.5) - 1.0)
}

/// Water circulating through a cooling tower to carry `heat_rejected_mwh` [MWh] with a
/// temperature drop of `range_k` across the tower [m3]: `Q / (rho c_w dT)`.
pub fn circulating_water_m3(heat_rejected_mwh: f64, range_k: f64) -> f64 {
    heat_rejected_mwh.max(0.0) * J_PER_MWH
        / (WATER_DENSITY_KG_M3 * WATER_SPECIFIC_HEAT_J_KG_K * range_k.max(0.1))
}

/// Parameters of an evaporative cooling tower's water ([`cooling_tower_water`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoolingTowerWater {
    /// Share of the heat leaving as latent heat [-] (about 0.85, Perry's sec. 12).
    pub latent_frac: f64,
    /// Cycles of concentration [-] (3-6 on fresh water; desalinated make-up, low in solids,
    /// allows the upper end).
    pub cycles_of_concentration: f64,
    /// Drift, as a share of the circulating water [-] (CTI ATC-140: 0.000005-0.00001).
    pub drift_frac: f64,
    /// Temperature drop of the water across the tower [K] (5-6 K typical).
    pub range_k: f64,
}

/// Make-up water of an evaporative cooling tower rejecting `heat_rejected_mwh` [MWh] with the
/// outdoor air at `temp_c`: evaporation, blowdown and drift (module formula).
pub fn cooling_tower_water(heat_rejected_mwh: f64, temp_c: f64, p: &CoolingTowerWater) -> WaterUse {
    let evaporation = evaporation_m3(heat_rejected_mwh, p.latent_frac, temp_c);
    WaterUse {
        evaporation_m3: evaporation,
        blowdown_m3: blowdown_m3(evaporation, p.cycles_of_concentration),
        drift_m3: p.drift_frac.max(0.0) * circulating_water_m3(heat_rejected_mwh, p.range_k),
    }
}

/// Air leaving a direct evaporative pad [C]: `T_db - eps (T_db - T_wb)`, with the saturation
/// effectiveness `eps` in 0..=1 (ASHRAE HVAC Systems and Equipment ch. 41: 0.75-0.90 for rigid
/// media). Never below the wet bulb, never above the dry bulb.
pub fn evaporative_pad_outlet_c(dry_bulb_c: f64, wet_bulb_c: f64, effectiveness: f64) -> f64 {
    let depression = (dry_bulb_c - wet_bulb_c).max(0.0);
    dry_bulb_c - effectiveness.clamp(0.0, 1.0) * depression
}

/// Parameters of the adiabatic pads in front of dry coolers ([`adiabatic_water`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdiabaticWater {
    /// Pads wet only when the dry bulb is above this [C] (below it the dry coolers suffice).
    pub wet_above_c: f64,
    /// Saturation effectiveness of the pads [-].
    pub effectiveness: f64,
    /// Temperature rise of the air across the dry-cooler coil [K] (sets the air flow per MW).
    pub air_temp_rise_k: f64,
    /// Cycles of concentration of the pad water [-] (bleed-off keeps the pads from scaling).
    pub cycles_of_concentration: f64,
}

/// Water of adiabatic pads cooling the air of dry coolers that reject `heat_rejected_mwh`
/// [MWh] at dry bulb `dry_bulb_c` and wet bulb `wet_bulb_c`: the air flow that carries the heat
/// (`Q / (c_p dT_air)`) is cooled by `eps (T_db - T_wb)`, and that sensible heat evaporates its
/// own weight of water over the latent heat (module formula); plus the pads' bleed-off. Dry
/// below `wet_above_c`.
pub fn adiabatic_water(
    heat_rejected_mwh: f64,
    dry_bulb_c: f64,
    wet_bulb_c: f64,
    p: &AdiabaticWater,
) -> WaterUse {
    if dry_bulb_c <= p.wet_above_c || heat_rejected_mwh <= 0.0 {
        return WaterUse::default();
    }
    let air_kg = heat_rejected_mwh * J_PER_MWH
        / (MOIST_AIR_SPECIFIC_HEAT_J_KG_K * p.air_temp_rise_k.max(0.1));
    let cooling_k = dry_bulb_c - evaporative_pad_outlet_c(dry_bulb_c, wet_bulb_c, p.effectiveness);
    let evaporation = air_kg * MOIST_AIR_SPECIFIC_HEAT_J_KG_K * cooling_k
        / latent_heat_of_vaporization_j_per_kg(dry_bulb_c)
        / WATER_DENSITY_KG_M3;
    WaterUse {
        evaporation_m3: evaporation,
        blowdown_m3: blowdown_m3(evaporation, p.cycles_of_concentration),
        drift_m3: 0.0,
    }
}

/// The temperature a technology's heat rejection sees [C], which the PUE model takes in place
/// of the dry bulb: dry coolers the dry bulb; adiabatic pads the pad outlet when wet; a cooling
/// tower the wet bulb plus its approach; seawater the sea plus the exchanger's approach.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HeatSink {
    /// Dry coolers (air-side or water-side, air or liquid cooled): the outdoor dry bulb.
    DryAir,
    /// Dry coolers behind adiabatic pads: the pad outlet when they are wet.
    Adiabatic(AdiabaticWater),
    /// Evaporative cooling tower: the wet bulb plus `approach_k` (3-6 K, ASHRAE HVAC Systems
    /// and Equipment ch. 40).
    CoolingTower { approach_k: f64 },
    /// Seawater through plate heat exchangers: the sea's temperature plus `approach_k`.
    Seawater { sea_temp_c: f64, approach_k: f64 },
}

/// The heat-sink temperature of `sink` at dry bulb `dry_bulb_c` and wet bulb `wet_bulb_c` [C].
pub fn heat_sink_temp_c(sink: &HeatSink, dry_bulb_c: f64, wet_bulb_c: f64) -> f64 {
    match sink {
        HeatSink::DryAir => dry_bulb_c,
        HeatSink::Adiabatic(p) => {
            if dry_bulb_c > p.wet_above_c {
                evaporative_pad_outlet_c(dry_bulb_c, wet_bulb_c, p.effectiveness)
            } else {
                dry_bulb_c
            }
        }
        HeatSink::CoolingTower { approach_k } => wet_bulb_c.min(dry_bulb_c) + approach_k,
        HeatSink::Seawater {
            sea_temp_c,
            approach_k,
        } => sea_temp_c + approach_k,
    }
}

/// Electricity that desalination draws to make `water_m3` [MWh]: seawater reverse osmosis at
/// `kwh_per_m3` (2-4 kWh/m3, the best plants 2.0-2.8; the thermodynamic floor about 1).
pub fn desalination_energy_mwh(water_m3: f64, kwh_per_m3: f64) -> f64 {
    water_m3.max(0.0) * kwh_per_m3.max(0.0) / 1000.0
}

/// Water use effectiveness [L/kWh]: site water over IT energy (The Green Grid WP 35); 1 m3 per
/// MWh is 1 L/kWh. Zero without IT energy.
pub fn wue_l_per_kwh(water_m3: f64, it_energy_mwh: f64) -> f64 {
    if it_energy_mwh > 0.0 {
        water_m3 / it_energy_mwh
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-12)
    }

    fn tower() -> CoolingTowerWater {
        CoolingTowerWater {
            latent_frac: 0.85,
            cycles_of_concentration: 4.0,
            drift_frac: 0.00001,
            range_k: 5.5,
        }
    }

    #[test]
    fn a_cooling_tower_by_hand() {
        // 1 MWh of heat at 20 C: h_fg = 2 501 000 - 2 369 x 20 = 2 453 620 J/kg.
        // Evaporation 0.85 x 3.6e9 / 2 453 620 = 1 247.2 kg = 1.2472 m3.
        // Blowdown at 4 cycles: 1.2472 / 3 = 0.4157 m3.
        // Circulation 3.6e9 / (1000 x 4182 x 5.5) = 156.51 m3, drift 1e-5 of it = 0.00157 m3.
        let w = cooling_tower_water(1.0, 20.0, &tower());
        assert!(close(
            w.evaporation_m3,
            0.85 * 3.6e9 / 2_453_620.0 / 1000.0,
            1e-12
        ));
        assert!(close(w.evaporation_m3, 1.2472, 1e-4), "{w:?}");
        assert!(close(w.blowdown_m3, w.evaporation_m3 / 3.0, 1e-12));
        assert!(close(
            w.drift_m3,
            3.6e9 / (1000.0 * 4182.0 * 5.5) * 1e-5,
            1e-12
        ));
        assert!(close(w.total_m3(), 1.6645, 1e-3), "{}", w.total_m3());
        // Per IT energy, with heat = IT x 1.2 (fans, compressors): 2.0 L/kWh, the top of the
        // open-tower range (1.2-2.0 L/kWh, DOMAIN "Water and cooling").
        let wue = wue_l_per_kwh(cooling_tower_water(1.2, 20.0, &tower()).total_m3(), 1.0);
        assert!((1.2..=2.1).contains(&wue), "{wue}");
        // Twice the heat, twice the water; no heat, no water.
        let twice = cooling_tower_water(2.0, 20.0, &tower());
        assert!(close(twice.total_m3(), 2.0 * w.total_m3(), 1e-12));
        assert_eq!(cooling_tower_water(0.0, 20.0, &tower()).total_m3(), 0.0);
        assert_eq!(cooling_tower_water(-1.0, 20.0, &tower()).total_m3(), 0.0);
    }

    #[test]
    fn blowdown_closes_the_solids_balance() {
        // Solids in = (E + B) c, out = B (C c): equal when B = E / (C - 1).
        for cycles in [2.0, 3.0, 5.0, 8.0] {
            let e = 10.0;
            let b = blowdown_m3(e, cycles);
            assert!(close((e + b) * 1.0, b * cycles, 1e-12), "{cycles}");
        }
        // At or below one cycle nothing would ever concentrate: held at 1.5.
        assert_eq!(blowdown_m3(1.0, 1.0), 2.0);
        assert_eq!(blowdown_m3(1.0, -3.0), 2.0);
    }

    #[test]
    fn adiabatic_pads_by_hand() {
        let p = AdiabaticWater {
            wet_above_c: 24.0,
            effectiveness: 0.8,
            air_temp_rise_k: 10.0,
            cycles_of_concentration: 3.0,
        };
        // 35 C dry bulb, 22 C wet bulb: the pads bring the air to 35 - 0.8 x 13 = 24.6 C.
        assert!(close(
            evaporative_pad_outlet_c(35.0, 22.0, 0.8),
            24.6,
            1e-12
        ));
        // 1 MWh with a 10 K air rise: 3.6e9 / (1025 x 10) = 351 220 kg of air, cooled 10.4 K:
        // 351 220 x 1025 x 10.4 = 3.744e9 J, over h_fg(35 C) = 2 418 085 J/kg = 1 548.3 kg.
        let w = adiabatic_water(1.0, 35.0, 22.0, &p);
        let h_fg = 2_501_000.0 - 2_369.0 * 35.0;
        assert!(close(
            w.evaporation_m3,
            3.6e9 * 10.4 / 10.0 / h_fg / 1000.0,
            1e-12
        ));
        assert!(close(w.evaporation_m3, 1.5483, 1e-4), "{w:?}");
        assert!(close(w.blowdown_m3, w.evaporation_m3 / 2.0, 1e-12));
        assert_eq!(w.drift_m3, 0.0);
        // Dry below the switch, and with saturated air nothing evaporates.
        assert_eq!(adiabatic_water(1.0, 24.0, 18.0, &p).total_m3(), 0.0);
        assert_eq!(adiabatic_water(1.0, 30.0, 30.0, &p).total_m3(), 0.0);
        // The pad outlet stays between the wet and the dry bulb.
        for eps in [-1.0, 0.0, 0.5, 1.0, 2.0] {
            let t = evaporative_pad_outlet_c(30.0, 20.0, eps);
            assert!((20.0..=30.0).contains(&t), "{eps} {t}");
        }
    }

    #[test]
    fn heat_sinks_by_hand() {
        let pads = AdiabaticWater {
            wet_above_c: 24.0,
            effectiveness: 0.8,
            air_temp_rise_k: 10.0,
            cycles_of_concentration: 3.0,
        };
        assert_eq!(heat_sink_temp_c(&HeatSink::DryAir, 30.0, 20.0), 30.0);
        assert!(close(
            heat_sink_temp_c(&HeatSink::Adiabatic(pads), 30.0, 20.0),
            22.0,
            1e-12
        ));
        assert_eq!(
            heat_sink_temp_c(&HeatSink::Adiabatic(pads), 20.0, 15.0),
            20.0
        );
        let tower = HeatSink::CoolingTower { approach_k: 4.0 };
        assert_eq!(heat_sink_temp_c(&tower, 30.0, 20.0), 24.0);
        let sea = HeatSink::Seawater {
            sea_temp_c: 19.0,
            approach_k: 2.0,
        };
        assert_eq!(heat_sink_temp_c(&sea, 40.0, 25.0), 21.0);
    }

    #[test]
    fn desalination_and_wue_by_hand() {
        // DOMAIN: 500 MW IT at WUE 0.3-0.4 L/kWh is 1.3-1.75 Mm3/yr; at 3 kWh/m3, 4-5 GWh/yr.
        let it_mwh = 500.0 * 8760.0;
        let water = 0.35 * it_mwh; // m3 at 0.35 L/kWh
        assert!(close(water, 1_533_000.0, 1e-12));
        assert!(close(wue_l_per_kwh(water, it_mwh), 0.35, 1e-12));
        assert!(close(desalination_energy_mwh(water, 3.0), 4599.0, 1e-12));
        assert_eq!(wue_l_per_kwh(10.0, 0.0), 0.0);
        assert_eq!(desalination_energy_mwh(-5.0, 3.0), 0.0);
    }
}
