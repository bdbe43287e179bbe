"""Reference numbers for src/model/wind.rs and src/model/turbines.rs, computed with windpowerlib.

Run:  pip install windpowerlib scipy ambiance && python tests/reference/windpowerlib_wind.py
Tested with windpowerlib 0.2.2 (pandas 3.1, numpy 2).

What comes from windpowerlib:
  * hub-height wind speed      windpowerlib.wind_speed.hellman (power law) and logarithmic_profile
  * temperature at hub height  windpowerlib.temperature.linear_gradient (-0.0065 K/m)
  * air density at hub height  windpowerlib.density.ideal_gas (pressure -1/8 hPa per m, R = 287.058)
  * power curve                windpowerlib.power_output.power_curve (np.interp, 0 outside the table)
  * the E-141/4200 curve       windpowerlib's oedb turbine library (WindTurbine(turbine_type=...))
  * the whole chain            windpowerlib.ModelChain (hellman, linear_gradient, ideal_gas)
The ICAO standard atmosphere comes from the `ambiance` package (ICAO 1993); the Weibull
capacity factors integrate windpowerlib's power_curve against scipy's weibull_min.

The IEC 61400-12-1 density correction v * (rho / 1.225)^(1/3) is applied explicitly, because
windpowerlib's own `density_correction=True` uses Svenningsen's speed-dependent exponent
(1/3 below 7.5 m/s rising to 2/3 above 12.5 m/s); its result is printed for comparison only.
"""

import math

import numpy as np
import pandas as pd
from windpowerlib import ModelChain, WindTurbine
from windpowerlib import density, power_output, temperature, wind_speed

RHO_0 = 1.225
np.set_printoptions(legacy="1.25")  # print numpy scalars as plain numbers


def iec_corrected(v, rho):
    return v * (rho / RHO_0) ** (1.0 / 3.0)


turbine = WindTurbine(turbine_type="E-141/4200", hub_height=120.0)
curve = turbine.power_curve
ws_curve = curve["wind_speed"].to_numpy()
p_curve_w = curve["value"].to_numpy()
print("E-141/4200 curve from oedb (m/s, kW):")
print(", ".join(f"({w}, {p / 1000:g})" for w, p in zip(ws_curve, p_curve_w)))

print("\n# hub speed, power law (v_ref, h_ref, h, alpha) -> v [m/s]")
for v, h0, h, a in [(7.6, 10.0, 120.0, 0.12), (5.0, 10.0, 100.0, 1 / 7), (9.0, 50.0, 150.0, 0.2)]:
    print(f"({v}, {h0}, {h}, {a!r}) -> {wind_speed.hellman(v, h0, h, hellman_exponent=a)!r}")

print("\n# hub speed, log law (v_ref, h_ref, h, z0) -> v [m/s]")
for v, h0, h, z0 in [(7.6, 10.0, 120.0, 0.0002), (7.6, 10.0, 120.0, 0.03), (6.0, 10.0, 80.0, 0.1)]:
    print(f"({v}, {h0}, {h}, {z0}) -> "
          f"{wind_speed.logarithmic_profile(v, h0, h, z0, obstacle_height=0.0)!r}")

print("\n# temperature (T at 2 m [C], hub) -> T hub [C]; density ideal_gas (p at 0 m [Pa], T 2 m [C], hub) -> rho")
for p, t, h in [(101325.0, 15.0, 0.0), (101325.0, 20.0, 120.0), (100800.0, 24.0, 150.0), (95000.0, -5.0, 100.0)]:
    t_hub_k = temperature.linear_gradient(t + 273.15, 2.0, h)
    rho = density.ideal_gas(p, 0.0, h, t_hub_k)
    print(f"({p}, {t}, {h}) -> t_hub_c {t_hub_k - 273.15!r}  rho {rho!r}")

print("\n# density-corrected power (v hub [m/s], rho [kg/m3]) -> P [kW], E-141/4200")
for v, rho in [(3.5, 1.18), (7.0, 1.18), (9.3, 1.15), (11.0, 1.20), (12.6, 1.25), (24.9, 1.10), (6.0, 1.225)]:
    p_iec = power_output.power_curve(np.array([iec_corrected(v, rho)]), ws_curve, p_curve_w)[0] / 1000
    p_sv = power_output.power_curve(np.array([v]), ws_curve, p_curve_w, density=np.array([rho]),
                                    density_correction=True)[0] / 1000
    print(f"({v}, {rho}) -> IEC {p_iec!r} kW   (windpowerlib Svenningsen: {p_sv!r} kW)")

# A deterministic year, identical in the Rust test: 8784 hourly steps.
n = 8784
t = np.arange(n, dtype=float)
v10 = 7.6 + 2.5 * np.sin(2 * np.pi * t / 24.0) + 1.8 * np.sin(2 * np.pi * t / 8784.0) \
    + 2.2 * np.sin(2 * np.pi * t / 77.0)
v10 = np.maximum(v10, 0.0)
t2_c = 20.0 + 3.0 * np.sin(2 * np.pi * t / 24.0 + 1.0) + 3.0 * np.sin(2 * np.pi * t / 8784.0)
p0 = 101300.0 + 600.0 * np.sin(2 * np.pi * t / 190.0)

weather = pd.DataFrame(
    np.column_stack([v10, t2_c + 273.15, p0, np.full(n, 0.0002)]),
    columns=pd.MultiIndex.from_tuples(
        [("wind_speed", 10), ("temperature", 2), ("pressure", 0), ("roughness_length", 0)]),
)
mc = ModelChain(turbine, wind_speed_model="hellman", hellman_exp=0.12,
                temperature_model="linear_gradient", density_model="ideal_gas",
                power_output_model="power_curve", density_correction=False)
v_hub = mc.wind_speed_hub(weather).to_numpy()
rho_hub = mc.density_hub(weather).to_numpy()
p_iec_w = power_output.power_curve(iec_corrected(v_hub, rho_hub), ws_curve, p_curve_w)
p_none_w = power_output.power_curve(v_hub, ws_curve, p_curve_w)
p_sv_w = power_output.power_curve(v_hub, ws_curve, p_curve_w, density=rho_hub, density_correction=True)
mc.run_model(weather)
print("\n# year of 8784 h, E-141/4200 at 120 m, alpha 0.12, no losses")
print(f"mean v_hub {v_hub.mean()!r} m/s, mean rho {rho_hub.mean()!r}")
print(f"energy IEC-corrected {p_iec_w.sum() / 1e6!r} MWh")
print(f"energy uncorrected   {p_none_w.sum() / 1e6!r} MWh  (ModelChain: {mc.power_output.sum() / 1e6!r})")
print(f"energy Svenningsen   {p_sv_w.sum() / 1e6!r} MWh")

print("\n# gross capacity factor on Weibull(k=3, mean 9.5 m/s) at hub, rho 1.225, trapezoid 0..40 m/s")
from scipy.stats import weibull_min  # noqa: E402

k = 3.0
c = 9.5 / math.gamma(1.0 + 1.0 / k)
vv = np.linspace(0.0, 40.0, 400001)
pdf = weibull_min.pdf(vv, k, scale=c)

# NREL/turbine-models Onshore/2023NREL_Bespoke_6MW_170.csv (not in windpowerlib's library).
NREL_6MW_170 = [
    (3.0, 0), (3.25, 181), (3.5, 229), (3.75, 294), (4.0, 377), (4.25, 473), (4.5, 581),
    (4.75, 698), (5.0, 822), (5.25, 952), (5.5, 1090), (5.75, 1241), (6.0, 1410), (6.25, 1598),
    (6.5, 1805), (6.75, 2027), (7.0, 2262), (7.25, 2509), (7.5, 2769), (7.75, 3050), (8.0, 3356),
    (8.25, 3687), (8.5, 4027), (8.75, 4355), (9.0, 4650), (9.25, 4897), (9.5, 5101), (9.75, 5275),
    (10.0, 5429), (10.25, 5571), (10.5, 5699), (10.75, 5806), (11.0, 5886), (11.25, 5934),
    (11.5, 5957), (11.75, 5966), (12.0, 5970), (12.25, 5976), (12.5, 5984), (12.75, 5992),
    (13.0, 5999), (13.25, 6000), (25.0, 6000),
]
curves = {"2023NREL_Bespoke_6MW_170": (np.array([w for w, _ in NREL_6MW_170]),
                                       np.array([p * 1000.0 for _, p in NREL_6MW_170]), 6000.0)}
for name, rated_kw in [("E-141/4200", 4200.0), ("E-126/4200", 4200.0), ("N131/3600", 3600.0),
                       ("SWT130/3600", 3600.0), ("S126/6150", 6150.0)]:
    pc = WindTurbine(turbine_type=name, hub_height=120.0).power_curve
    curves[name] = (pc["wind_speed"].to_numpy(), pc["value"].to_numpy(), rated_kw)
for name, (ws, pw, rated_kw) in curves.items():
    p_kw = power_output.power_curve(vv, ws, pw) / 1000.0
    cf = np.trapezoid(p_kw * pdf, vv) / rated_kw
    print(f"{name}: gross CF {cf!r}")

print("\n# ICAO standard atmosphere (ambiance), geometric elevation [m] -> pressure [Pa]")
from ambiance import Atmosphere  # noqa: E402

for h in [0.0, 10.0, 500.0, 1000.0, 2000.0]:
    print(f"{h} -> {float(Atmosphere(h).pressure[0])!r}")
