//! Plausible ranges of the weather quantities and of a station's location: one table shared by
//! every reader (EPW, CSV), so a value one reader accepts the other accepts too, and messages
//! name a quantity in the same words.
//!
//! Limits follow the EnergyPlus Weather Converter's data dictionary for EPW files (EnergyPlus
//! Auxiliary Programs, "Weather Data Dictionary": dry-bulb -70..70 C, station pressure
//! 31,000..120,000 Pa, wind speed 0..40 m/s, elevation from -1000 m); irradiance up to
//! 2000 W/m2, above any measured hourly value at the surface (the solar constant is 1361 W/m2,
//! Kopp & Lean 2011, and cloud enhancement rarely passes 1600 W/m2 even for minutes).
//! Hourly EPW irradiance is in Wh/m2, numerically the hour's mean W/m2.

/// A quantity's name in messages, its unit and its plausible range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plausible {
    /// Name in messages ("global horizontal irradiance").
    pub label: &'static str,
    /// Unit in messages.
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
}

impl Plausible {
    /// Whether `v` lies in the range (NaN never does).
    pub fn contains(&self, v: f64) -> bool {
        (self.min..=self.max).contains(&v)
    }
}

pub const GHI: Plausible = Plausible {
    label: "global horizontal irradiance",
    unit: "W/m2",
    min: 0.0,
    max: 2000.0,
};
pub const DNI: Plausible = Plausible {
    label: "direct normal irradiance",
    unit: "W/m2",
    min: 0.0,
    max: 2000.0,
};
pub const DHI: Plausible = Plausible {
    label: "diffuse horizontal irradiance",
    unit: "W/m2",
    min: 0.0,
    max: 2000.0,
};
pub const TEMP_AIR: Plausible = Plausible {
    label: "dry-bulb temperature",
    unit: "C",
    min: -70.0,
    max: 70.0,
};
pub const WIND_SPEED: Plausible = Plausible {
    label: "wind speed",
    unit: "m/s",
    min: 0.0,
    max: 40.0,
};
pub const PRESSURE: Plausible = Plausible {
    label: "station pressure",
    unit: "Pa",
    min: 31_000.0,
    max: 120_000.0,
};
pub const LATITUDE: Plausible = Plausible {
    label: "latitude",
    unit: "deg",
    min: -90.0,
    max: 90.0,
};
pub const LONGITUDE: Plausible = Plausible {
    label: "longitude",
    unit: "deg",
    min: -180.0,
    max: 180.0,
};
pub const ELEVATION: Plausible = Plausible {
    label: "elevation",
    unit: "m",
    min: -1000.0,
    max: 9000.0,
};
