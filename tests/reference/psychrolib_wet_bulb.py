"""Reference wet bulb and dew point for src/model/psychrometrics.rs, computed with PsychroLib.

Writes tests/fixtures/psychrolib_wet_bulb.csv, read by crates/dakhla-core/tests/psychrometrics.rs
(CI needs no Python: the fixture is committed). Regenerate from the repository root with:

    pip install psychrolib numpy
    python tests/reference/psychrolib_wet_bulb.py

Made with psychrolib 2.5.0 (numpy 2.4.6, Python 3.11). PsychroLib: Meyer & Thevenard (2019),
J. Open Source Software 4(33), 1137, implementing ASHRAE Handbook Fundamentals 2017 ch. 1 in SI:
    wet_bulb_c  = psychrolib.GetTWetBulbFromRelHum(T, RH / 100, p)   (eqs. 33 and 35, bisection)
    dew_point_c = psychrolib.GetTDewPointFromRelHum(T, RH / 100)     (eqs. 5 and 6, Newton)

Rows: one year of hourly weather, 8760 rows from a fixed seed. About three quarters are
Dakhla-like (coastal trade-wind desert: 15..30 C, RH 55..90 %, pressure about 101 300 Pa, with
seasonal and daily cycles); the rest are harsher draws over -10..50 C, RH 2..100 %,
85 000..104 000 Pa (inland heat, high sites, frost), plus fixed corner rows (RH 2 and 100 %,
the ice branch and the 0 / 0.01 C triple-point boundary). The inputs are rounded (temperature
and RH to 0.01, pressure to 1 Pa) before PsychroLib sees them, so the Rust test reads exactly
the inputs that made each output; outputs have 4 decimals.
"""

import csv
import importlib.metadata
from pathlib import Path

import numpy as np
import psychrolib

psychrolib.SetUnitSystem(psychrolib.SI)

HOURS = 8760
SEED = 19  # issue 19, water and cooling
OUT = Path(__file__).resolve().parents[1] / "fixtures" / "psychrolib_wet_bulb.csv"

rng = np.random.default_rng(SEED)
hour = np.arange(HOURS)
day = hour / 24.0
hour_of_day = hour % 24

# Dakhla-like: annual mean about 21 C, warmest in September, afternoon maximum; RH high at
# night and in summer (the cool Canary current), pressure near sea level.
season = np.cos(2 * np.pi * (day - 255) / 365.0)
daily = np.cos(2 * np.pi * (hour_of_day - 14) / 24.0)
temp = 21.5 + 3.0 * season + 3.0 * daily + rng.normal(0.0, 1.5, HOURS)
rh = 72.0 + 5.0 * season - 9.0 * daily + rng.normal(0.0, 6.0, HOURS)
pressure = 101_300.0 + 250.0 * np.cos(2 * np.pi * day / 365.0) + rng.normal(0.0, 300.0, HOURS)
temp = np.clip(temp, 15.0, 30.0)
rh = np.clip(rh, 55.0, 90.0)
pressure = np.clip(pressure, 100_300.0, 102_300.0)

# Harsher hours: a quarter of the year, uniform over the whole range.
harsh = rng.random(HOURS) < 0.25
n = int(harsh.sum())
temp[harsh] = rng.uniform(-10.0, 50.0, n)
rh[harsh] = rng.uniform(2.0, 100.0, n)
pressure[harsh] = rng.uniform(85_000.0, 104_000.0, n)

# Corners, at fixed hours spread over the year.
corners = [
    (t, r, p)
    for t in (-10.0, -5.0, -0.01, 0.0, 0.01, 0.02, 15.0, 30.0, 45.0, 50.0)
    for r in (2.0, 50.0, 100.0)
    for p in (85_000.0, 101_325.0, 104_000.0)
]
for k, (t, r, p) in enumerate(corners):
    i = 97 + k * (HOURS // len(corners))
    temp[i], rh[i], pressure[i] = t, r, p

OUT.parent.mkdir(parents=True, exist_ok=True)
with OUT.open("w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["temp_c", "relative_humidity_pct", "pressure_pa", "wet_bulb_c", "dew_point_c"])
    for t, r, p in zip(temp, rh, pressure):
        t, r, p = round(float(t), 2), round(float(r), 2), float(round(float(p)))
        wet_bulb = psychrolib.GetTWetBulbFromRelHum(t, r / 100.0, p)
        dew_point = psychrolib.GetTDewPointFromRelHum(t, r / 100.0)
        w.writerow([f"{t:.2f}", f"{r:.2f}", f"{p:.0f}", f"{wet_bulb:.4f}", f"{dew_point:.4f}"])

print(f"wrote {HOURS} rows to {OUT} with psychrolib {importlib.metadata.version('psychrolib')}")
print(f"harsh hours: {n}, corner rows: {len(corners)}")
