//! Plausible ranges of the weather quantities and of a station's location: one table shared by
//! every reader (EPW, CSV), so a value one reader accepts the other accepts too, and messages
//! name a quantity in the same words.
//!
//! Limits follow the EnergyPlus Weather Converter's data dictionary for EPW files (EnergyPlus
//! Auxiliary Programs, "Weather Data Dictionary": dry-bulb and dew point -70..70 C, relative
//! humidity 0..110 %, station pressure 31,000..120,000 Pa, wind speed 0..40 m/s, elevation
//! from -1000 m); irradiance up to
//! 2000 W/m2, above any measured hourly value at the surface (the solar constant is 1361 W/m2,
//! Kopp & Lean 2011, and cloud enhancement rarely passes 1600 W/m2 even for minutes).
//! Hourly EPW irradiance is in Wh/m2, numerically the hour's mean W/m2.

/// A quantity's name in messages, its unit and its plausible range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plausible {
    /// Name in English ("global horizontal irradiance"); messages use [`Plausible::name`].
    pub label: &'static str,
    /// Catalog id of the name in messages (`engine-quantity-ghi`).
    pub id: &'static str,
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

    /// Name in messages, in the current language ("global horizontal irradiance",
    /// "rayonnement global horizontal (GHI)").
    pub fn name(&self) -> String {
        dakhla_i18n::tr(self.id)
    }
}

pub const GHI: Plausible = Plausible {
    label: "global horizontal irradiance",
    id: "engine-quantity-ghi",
    unit: "W/m2",
    min: 0.0,
    max: 2000.0,
};
pub const DNI: Plausible = Plausible {
    label: "direct normal irradiance",
    id: "engine-quantity-dni",
    unit: "W/m2",
    min: 0.0,
    max: 2000.0,
};
pub const DHI: Plausible = Plausible {
    label: "diffuse horizontal irradiance",
    id: "engine-quantity-dhi",
    unit: "W/m2",
    min: 0.0,
    max: 2000.0,
};
pub const TEMP_AIR: Plausible = Plausible {
    label: "dry-bulb temperature",
    id: "engine-quantity-temp-air",
    unit: "C",
    min: -70.0,
    max: 70.0,
};
pub const WIND_SPEED: Plausible = Plausible {
    label: "wind speed",
    id: "engine-quantity-wind-speed",
    unit: "m/s",
    min: 0.0,
    max: 40.0,
};
pub const PRESSURE: Plausible = Plausible {
    label: "station pressure",
    id: "engine-quantity-pressure",
    unit: "Pa",
    min: 31_000.0,
    max: 120_000.0,
};
/// Relative humidity: the EPW data dictionary allows 0 to 110 % (supersaturation in fog and
/// sensor error); readers take values above 100 % as 100 %.
pub const RELATIVE_HUMIDITY: Plausible = Plausible {
    label: "relative humidity",
    id: "engine-quantity-relative-humidity",
    unit: "%",
    min: 0.0,
    max: 110.0,
};
/// Dew-point temperature: the EPW data dictionary's -70 to 70 C.
pub const DEW_POINT: Plausible = Plausible {
    label: "dew-point temperature",
    id: "engine-quantity-dew-point",
    unit: "C",
    min: -70.0,
    max: 70.0,
};
pub const LATITUDE: Plausible = Plausible {
    label: "latitude",
    id: "engine-quantity-latitude",
    unit: "deg",
    min: -90.0,
    max: 90.0,
};
pub const LONGITUDE: Plausible = Plausible {
    label: "longitude",
    id: "engine-quantity-longitude",
    unit: "deg",
    min: -180.0,
    max: 180.0,
};
pub const ELEVATION: Plausible = Plausible {
    label: "elevation",
    id: "engine-quantity-elevation",
    unit: "m",
    min: -1000.0,
    max: 9000.0,
};
