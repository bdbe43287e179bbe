//! What each fuzz target checks, shared by the targets in `fuzz/fuzz_targets/` (nightly,
//! cargo-fuzz) and by `tests/fuzz_regressions.rs` (stable, CI), which replays the inputs kept in
//! `tests/fixtures/fuzz/<target>/`. Every function takes the raw input bytes and panics only
//! when the library breaks a promise: a panic inside the library, an empty error message, a
//! weather series whose columns differ in length or hold a non-finite value, or a scenario that
//! does not read back equal after being written.

use dakhla_planner::scenario::{self, Scenario};
use dakhla_planner::weather::Weather;

/// Scenario text (any schema version) -> parse, migrate, validate; a scenario that loads must
/// be written and read back unchanged.
pub fn scenario_load(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match scenario::upgrade_str(&text, "fuzz.ron") {
        Ok(upgraded) => {
            assert_round_trip(&upgraded.scenario);
            // The migrated text is current and reads back as the same scenario.
            if upgraded.migration.is_some() {
                let again = scenario::from_ron_str(&upgraded.text, "fuzz-migrated.ron")
                    .expect("the migrated text of a valid scenario loads");
                assert_eq!(
                    again, upgraded.scenario,
                    "migrated text reads back unchanged"
                );
            }
            let _ = upgraded.scenario.warnings();
        }
        Err(e) => assert_message(&e.to_string()),
    }
}

/// EPW text -> weather. The year stamped on the data is 2028 (leap) for inputs of even length
/// and 2029 otherwise, so that both calendar paths are reached.
pub fn epw_read(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let year = if data.len().is_multiple_of(2) {
        2028
    } else {
        2029
    };
    match dakhla_planner::weather::epw::parse_epw(&text, "fuzz.epw", year) {
        Ok((weather, _location)) => assert_weather(&weather),
        Err(e) => assert_message(&e.to_string()),
    }
}

/// CSV text -> weather.
pub fn csv_read(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match dakhla_planner::weather::csv::parse_weather_csv(&text, "fuzz.csv") {
        Ok((weather, _location)) => assert_weather(&weather),
        Err(e) => assert_message(&e.to_string()),
    }
}

/// Lines of `path=value` applied in turn with `apply_override` to the reference scenario (an
/// assignment that fails leaves the scenario as it was); the result must round-trip.
pub fn set_override(data: &[u8]) {
    static REFERENCE: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    let text = String::from_utf8_lossy(data);
    let mut s = REFERENCE.get_or_init(Scenario::dakhla_reference).clone();
    for line in text.lines().take(64) {
        match scenario::apply_override(&s, line) {
            Ok(next) => s = next,
            Err(message) => assert_message(&message),
        }
    }
    assert_round_trip(&s);
}

fn assert_round_trip(s: &Scenario) {
    let text = scenario::to_ron_string(s).expect("a valid scenario can be written");
    match scenario::from_ron_str(&text, "fuzz-written.ron") {
        Ok(back) => assert_eq!(
            &back, s,
            "the written scenario reads back unchanged:\n{text}"
        ),
        Err(e) => panic!("the written scenario does not load again: {e}\n{text}"),
    }
}

fn assert_message(message: &str) {
    assert!(
        !message.trim().is_empty(),
        "an error must say what is wrong"
    );
}

fn assert_weather(w: &Weather) {
    let n = w.len();
    assert!(n > 0, "a weather series that loads has steps");
    assert!(w.step_s > 0, "time step must be positive");
    for series in [
        &w.ghi_w_m2,
        &w.dni_w_m2,
        &w.dhi_w_m2,
        &w.temp_air_c,
        &w.wind_speed_m_s,
        &w.pressure_pa,
    ] {
        assert_eq!(
            series.len(),
            n,
            "every weather series has one value per step"
        );
        assert!(
            series.iter().all(|v| v.is_finite()),
            "weather values are finite"
        );
    }
}
