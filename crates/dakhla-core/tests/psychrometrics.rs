//! The wet bulb and dew point of `model::psychrometrics` against PsychroLib itself (Meyer and
//! Thevenard 2019, ASHRAE Handbook Fundamentals 2017 ch. 1), over a year of hourly weather:
//! 8760 rows of Dakhla-like and harsher conditions (-10..50 C, RH 2..100 %,
//! 85 000..104 000 Pa) in `tests/fixtures/psychrolib_wet_bulb.csv`, made by
//! `tests/reference/psychrolib_wet_bulb.py` (which says how to regenerate it).
//!
//! Issue 19 asks for the wet bulb within 0.2 C; following PsychroLib's algorithm, ours is within
//! its bisection tolerance (0.001 C), so the test holds it to 0.01 C. That includes the 16 rows
//! (dry bulb 1 to 12 C, dry air) whose wet bulb lies within about half a degree of freezing,
//! where ASHRAE's water and ice equations both have a root and the bisection picks one by its
//! path (see `wet_bulb_c`): taking the other root there would be off by up to 0.9 C.

use dakhla_core::model::psychrometrics::{
    dew_point_from_vapour_pressure_c, vapour_pressure_from_relative_humidity_pa, wet_bulb_c,
};
use std::path::Path;

const HEADER: &str = "temp_c,relative_humidity_pct,pressure_pa,wet_bulb_c,dew_point_c";
const MIN_ROWS: usize = 8000;
/// Issue 19's bar for the wet bulb [C].
const ISSUE_WET_BULB_C: f64 = 0.2;
/// What following PsychroLib's algorithm gives [C]: its bisection stops at 0.001 C.
const PSYCHROLIB_WET_BULB_C: f64 = 0.01;
const DEW_POINT_C: f64 = 0.05;

struct Row {
    line: usize,
    temp_c: f64,
    relative_humidity_pct: f64,
    pressure_pa: f64,
    wet_bulb_c: f64,
    dew_point_c: f64,
}

fn rows() -> Vec<Row> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/psychrolib_wet_bulb.csv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (regenerate with tests/reference/psychrolib_wet_bulb.py)",
            path.display()
        )
    });
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l.trim());
    assert_eq!(header, Some(HEADER), "{}: header", path.display());
    let rows: Vec<Row> = lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<f64> = l
                .split(',')
                .map(|x| {
                    x.trim()
                        .parse()
                        .unwrap_or_else(|e| panic!("line {}: {x:?}: {e}", i + 1))
                })
                .collect();
            assert_eq!(f.len(), 5, "line {}: {l:?}", i + 1);
            Row {
                line: i + 1,
                temp_c: f[0],
                relative_humidity_pct: f[1],
                pressure_pa: f[2],
                wet_bulb_c: f[3],
                dew_point_c: f[4],
            }
        })
        .collect();
    assert!(
        rows.len() >= MIN_ROWS,
        "{}: {} rows, expected a year of hours (at least {MIN_ROWS})",
        path.display(),
        rows.len()
    );
    rows
}

/// The largest absolute error and the row where it is.
fn worst(rows: &[Row], error: impl Fn(&Row) -> f64) -> (f64, &Row) {
    rows.iter()
        .map(|r| (error(r), r))
        .fold((0.0, &rows[0]), |a, b| if b.0 > a.0 { b } else { a })
}

#[test]
fn wet_bulb_matches_psychrolib_over_a_year() {
    let rows = rows();
    let error = |r: &Row| {
        (wet_bulb_c(r.temp_c, r.relative_humidity_pct, r.pressure_pa) - r.wet_bulb_c).abs()
    };
    for r in &rows {
        let e = error(r);
        assert!(
            e <= ISSUE_WET_BULB_C,
            "line {}: {} C {} % {} Pa: wet bulb off by {e} C (PsychroLib {})",
            r.line,
            r.temp_c,
            r.relative_humidity_pct,
            r.pressure_pa,
            r.wet_bulb_c
        );
    }
    let (max, r) = worst(&rows, error);
    println!(
        "wet bulb vs PsychroLib over {} rows: max abs error {max:.5} C (line {}: {} C {} % {} Pa)",
        rows.len(),
        r.line,
        r.temp_c,
        r.relative_humidity_pct,
        r.pressure_pa
    );
    assert!(
        max < PSYCHROLIB_WET_BULB_C,
        "max wet-bulb error {max} C at line {}",
        r.line
    );
}

#[test]
fn dew_point_matches_psychrolib_over_a_year() {
    let rows = rows();
    let error = |r: &Row| {
        let pw = vapour_pressure_from_relative_humidity_pa(r.temp_c, r.relative_humidity_pct);
        // PsychroLib's GetTDewPointFromVapPres caps the dew point at the dry bulb.
        (dew_point_from_vapour_pressure_c(pw).min(r.temp_c) - r.dew_point_c).abs()
    };
    let (max, r) = worst(&rows, error);
    println!(
        "dew point vs PsychroLib over {} rows: max abs error {max:.5} C (line {}: {} C {} %)",
        rows.len(),
        r.line,
        r.temp_c,
        r.relative_humidity_pct
    );
    assert!(
        max <= DEW_POINT_C,
        "line {}: {} C {} %: dew point off by {max} C (PsychroLib {})",
        r.line,
        r.temp_c,
        r.relative_humidity_pct,
        r.dew_point_c
    );
}
