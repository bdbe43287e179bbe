//! Physics, one file per stage: pure functions on plain numbers, named after the published
//! model, units in names, references in doc comments.

pub mod battery;
pub mod clearsky;
pub mod cooling;
pub mod decomposition;
pub mod flexibility;
pub mod irradiance;
pub mod load;
pub mod psychrometrics;
pub mod pv;
pub mod sun;
pub mod turbines;
pub mod water;
pub mod wind;
