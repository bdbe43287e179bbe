//! The hourly series of a run as one table: the columns of `simulate --hourly`, the export's
//! `hourly.csv` and `optimize --hourly`, each with its unit, meaning and accessor. A new supply
//! or store kind adds its series here (and its flows to [`DispatchSeries`](super::DispatchSeries)).
//!
//! The column names are a contract with planners' scripts: add columns, never rename one.

use super::Results;

/// The first column: the step's start as an ISO 8601 UTC timestamp.
pub const TIMESTAMP_COLUMN: &str = "timestamp_utc";

/// One numeric column of the hourly output.
pub struct HourlyColumn {
    /// Column name, with its unit (`battery_soc_mwh`).
    pub name: &'static str,
    /// Unit of the values.
    pub unit: &'static str,
    /// What a value is.
    pub help: &'static str,
    /// The value of step `i` (means over the step; the state of charge at its end).
    pub value: fn(&Results, usize) -> f64,
}

/// The numeric columns, in output order after [`TIMESTAMP_COLUMN`]. The weather comes first,
/// under the names the weather CSV reader takes, so that the output reads back as weather.
pub const HOURLY_COLUMNS: [HourlyColumn; 29] = [
    HourlyColumn {
        name: "ghi_w_m2",
        unit: "W/m2",
        help: "global horizontal irradiance",
        value: |r, i| r.weather.ghi_w_m2[i],
    },
    HourlyColumn {
        name: "dni_w_m2",
        unit: "W/m2",
        help: "direct normal irradiance",
        value: |r, i| r.weather.dni_w_m2[i],
    },
    HourlyColumn {
        name: "dhi_w_m2",
        unit: "W/m2",
        help: "diffuse horizontal irradiance",
        value: |r, i| r.weather.dhi_w_m2[i],
    },
    HourlyColumn {
        name: "temp_air_c",
        unit: "°C",
        help: "outdoor dry-bulb temperature",
        value: |r, i| r.weather.temp_air_c[i],
    },
    HourlyColumn {
        name: "wind_speed_m_s",
        unit: "m/s",
        help: "wind speed at the measurement height",
        value: |r, i| r.weather.wind_speed_m_s[i],
    },
    HourlyColumn {
        name: "it_load_mw",
        unit: "MW",
        help: "IT load of all rack groups (after flexible work has moved; see it_load_base_mw)",
        value: |r, i| r.it_load_mw[i],
    },
    HourlyColumn {
        name: "pue",
        unit: "",
        help: "power usage effectiveness: facility over IT power",
        value: |r, i| r.pue[i],
    },
    HourlyColumn {
        name: "facility_load_mw",
        unit: "MW",
        help: "load on the campus supply: IT load times PUE, and the campus desalination \
               plant",
        value: |r, i| r.facility_load_mw[i],
    },
    HourlyColumn {
        name: "solar_mw",
        unit: "MW",
        help: "available AC output of all solar plants",
        value: |r, i| r.solar_mw()[i],
    },
    HourlyColumn {
        name: "wind_mw",
        unit: "MW",
        help: "available output of all wind farms",
        value: |r, i| r.wind_mw()[i],
    },
    HourlyColumn {
        name: "battery_charge_mw",
        unit: "MW",
        help: "power into the battery (AC side)",
        value: |r, i| r.dispatch.battery().charge_mw[i],
    },
    HourlyColumn {
        name: "battery_discharge_mw",
        unit: "MW",
        help: "power out of the battery (AC side)",
        value: |r, i| r.dispatch.battery().discharge_mw[i],
    },
    HourlyColumn {
        name: "battery_soc_mwh",
        unit: "MWh",
        help: "energy stored at the end of the step",
        value: |r, i| r.dispatch.battery().soc_mwh[i],
    },
    HourlyColumn {
        name: "backup_mw",
        unit: "MW",
        help: "output of all backup units",
        value: |r, i| r.dispatch.backup_mw[i],
    },
    HourlyColumn {
        name: "curtailed_mw",
        unit: "MW",
        help: "renewable output neither used nor stored",
        value: |r, i| r.dispatch.curtailed_mw[i],
    },
    HourlyColumn {
        name: "unmet_mw",
        unit: "MW",
        help: "facility load left unserved",
        value: |r, i| r.dispatch.unmet_mw[i],
    },
    HourlyColumn {
        name: "backup_to_battery_mw",
        unit: "MW",
        help: "backup output that charged the battery (part of backup_mw and battery_charge_mw)",
        value: |r, i| r.dispatch.battery().from_backup_mw[i],
    },
    HourlyColumn {
        name: "exported_mw",
        unit: "MW",
        help: "surplus exported over a grid link (not part of curtailed_mw)",
        value: |r, i| r.dispatch.exported_mw[i],
    },
    HourlyColumn {
        name: "utc_offset_h",
        unit: "h",
        help: "the site's legal time minus UTC at timestamp_utc (rows stay in UTC; Morocco: 1, or \
               0 in Ramadan with site.ramadan_utc_offset_h)",
        value: |r, i| r.legal_offset_h_at(r.weather.time_unix_s(i)),
    },
    HourlyColumn {
        name: "it_load_base_mw",
        unit: "MW",
        help: "IT load of all rack groups before flexible work moves (equal to it_load_mw \
               without flexibility)",
        value: |r, i| r.it_load_base_mw[i],
    },
    HourlyColumn {
        name: "flexible_it_base_mw",
        unit: "MW",
        help: "flexible part of the IT load before shifting (share_frac x each flexible group's \
               load, summed)",
        value: |r, i| r.flexible.flexible_base_mw.get(i).copied().unwrap_or(0.0),
    },
    HourlyColumn {
        name: "flexible_it_max_mw",
        unit: "MW",
        help: "highest flexible IT power: each flexible group's design power minus its \
               inflexible part, summed",
        value: |r, i| r.flexible.flexible_max_mw.get(i).copied().unwrap_or(0.0),
    },
    HourlyColumn {
        name: "flexible_it_min_mw",
        unit: "MW",
        help: "lowest flexible IT power (0: a group never draws less than its inflexible part)",
        value: |_, _| 0.0,
    },
    HourlyColumn {
        name: "shift_window",
        unit: "",
        help: "index of the window the step belongs to (windows of the first flexible group, \
               else local days), from 0",
        value: |r, i| {
            r.flexible
                .shift_window
                .get(i)
                .map_or(0.0, |w| f64::from(*w))
        },
    },
    HourlyColumn {
        name: "relative_humidity_pct",
        unit: "%",
        help: "outdoor relative humidity (from the weather file, or estimated from the day's \
               lowest temperature where it has none: see the weather's source)",
        value: |r, i| {
            r.weather
                .relative_humidity_pct
                .get(i)
                .copied()
                .unwrap_or(f64::NAN)
        },
    },
    HourlyColumn {
        name: "pressure_pa",
        unit: "Pa",
        help: "station pressure",
        value: |r, i| r.weather.pressure_pa.get(i).copied().unwrap_or(f64::NAN),
    },
    HourlyColumn {
        name: "wet_bulb_c",
        unit: "°C",
        help: "outdoor (thermodynamic) wet-bulb temperature, by psychrometrics (ASHRAE \
               Handbook Fundamentals 2017, ch. 1, as PsychroLib)",
        value: |r, i| {
            let w = &r.weather;
            match (
                w.temp_air_c.get(i),
                w.relative_humidity_pct.get(i),
                w.pressure_pa.get(i),
            ) {
                (Some(&t), Some(&rh), Some(&p)) => {
                    crate::model::psychrometrics::wet_bulb_c(t, rh, p)
                }
                _ => f64::NAN,
            }
        },
    },
    HourlyColumn {
        name: "water_m3",
        unit: "m³",
        help: "water the heat rejection draws over the step (cooling towers: evaporation, \
               blowdown and drift; adiabatic pads: evaporation and bleed; 0 with dry coolers or \
               seawater)",
        value: |r, i| r.water_m3.get(i).copied().unwrap_or(0.0),
    },
    HourlyColumn {
        name: "desalination_mw",
        unit: "MW",
        help: "electricity of the campus's own desalination plant, making the step's water \
               (part of facility_load_mw; 0 for bought water or when no water is drawn)",
        value: |r, i| r.desalination_mw.get(i).copied().unwrap_or(0.0),
    },
];

/// Every column name, the timestamp first.
pub fn column_names() -> Vec<&'static str> {
    std::iter::once(TIMESTAMP_COLUMN)
        .chain(HOURLY_COLUMNS.iter().map(|c| c.name))
        .collect()
}
