//! Adequacy of supply: will the campus stay up when machines fail?
//!
//! Vocabulary is that of IEEE Std 762-2006 ("Definitions for Use in Reporting Electric Generating
//! Unit Reliability, Availability, and Productivity") and the NERC GADS Data Reporting
//! Instructions, Appendix F: a unit's forced outage rate (FOR) is the share of time it is on
//! forced outage, MTTF and MTTR its mean times to failure and to repair; LOLP is the probability
//! that the available capacity falls short of the load, LOLE [h/yr] the expected hours of the
//! year in which it does, and EUE (EENS) [MWh/yr] the expected energy not served.
//!
//! - [`copt`]: the capacity outage probability table, exact for systems of independent
//!   two-state units (Billinton & Allan, *Reliability Evaluation of Power Systems*, 2nd ed.,
//!   1996, ch. 2), and LOLE and EUE of an hourly load against it;
//! - [`adequacy`]: the whole campus by sequential Monte Carlo (failures, weather years, the
//!   dispatch in its mode); [`study`]: such a run split into shards and merged;
//! - [`units`]: sequential Monte Carlo of unit availability, each unit a two-state Markov chain
//!   with geometric up and down times of means MTTF and MTTR (as NREL's PRAS samples them), for
//!   the studies where time matters (storage, repair, events).
//!
//! Validation: the IEEE Reliability Test System (RTS-79) reproduces its published LOLE of
//! 9.394 h/yr and EENS of 1,176 MWh/yr from the COPT, and the Monte Carlo converges to the COPT
//! (`tests/reliability_rts.rs`, data in `tests/fixtures/ieee-rts-79.json`).

pub mod adequacy;
pub mod copt;
pub mod sizing;
pub mod study;
pub mod units;

pub use adequacy::{
    AdequacyOptions, AdequacyStats, DurationBin, FailureModel, ForesightComparison, SampledYear,
    YearProfiles,
};
pub use copt::{Copt, CoptError, OutageUnit};
pub use units::{Availability, Estimate, RepairableUnit, unit_only_draws};
