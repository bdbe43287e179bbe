//! Changing the time step of a weather series.
//!
//! - To a coarser step (e.g. 1-minute or 15-minute data for an hourly run): means over each new
//!   step, which must hold a whole number of old steps.
//! - To a finer step (e.g. an hourly year for a 15-minute run), mean-preserving: temperature,
//!   wind and pressure keep their hour value in each sub-step (the energy of a wind turbine at a
//!   constant speed is then the same); the irradiance of each old step is spread over its
//!   sub-steps in proportion to the extraterrestrial horizontal irradiance (cos of the zenith at
//!   each sub-step), so the hour's GHI and DHI are kept exactly and the beam follows the sun:
//!   DNI stays about constant within the hour instead of appearing before sunrise. Closure
//!   GHI = DNI cos z + DHI holds in every sub-step.
//!
//! # References
//! Grantham, A. et al. (2017). Generating synthetic sequences of global horizontal irradiation
//! using a Markov process (mean-preserving disaggregation by clear-sky/extraterrestrial shape);
//! Hofmann, M., Seckmeyer, G. (2017). A new model for estimating the diffuse fraction of solar
//! irradiance for photovoltaic system simulations, Energies 10(2), 248 (sub-hourly shape).

use super::Weather;
use crate::model::sun::SunSeries;

/// Below this cos(zenith) the beam is treated as diffuse (the sun is at the horizon) [-].
const MIN_COS_ZENITH: f64 = 0.01;

/// Resample `w` to steps of `step_s` seconds. `sun_fine` must be the sun series of the new time
/// axis when refining (it is ignored when coarsening). Errors say what does not fit.
pub fn resample(w: &Weather, step_s: i64, sun_fine: Option<&SunSeries>) -> Result<Weather, String> {
    if step_s <= 0 || w.step_s <= 0 {
        return Err(dakhla_i18n::tr!("engine-resample-positive"));
    }
    if step_s == w.step_s {
        return Ok(w.clone());
    }
    if step_s > w.step_s {
        if step_s % w.step_s != 0 {
            return Err(dakhla_i18n::tr!(
                "engine-resample-not-multiple",
                step = (step_s / 60).to_string(),
                data = (w.step_s / 60).to_string()
            ));
        }
        return Ok(coarsen(w, (step_s / w.step_s) as usize, step_s));
    }
    if w.step_s % step_s != 0 {
        return Err(dakhla_i18n::tr!(
            "engine-resample-not-divisor",
            data = (w.step_s / 60).to_string(),
            step = (step_s / 60).to_string()
        ));
    }
    let k = (w.step_s / step_s) as usize;
    let sun = sun_fine.ok_or("the sun positions of the finer steps are needed")?;
    if sun.zenith_deg.len() != w.len() * k {
        return Err(format!(
            "internal: {} sun positions for {} fine steps",
            sun.zenith_deg.len(),
            w.len() * k
        ));
    }
    Ok(refine(w, k, step_s, sun))
}

fn coarsen(w: &Weather, k: usize, step_s: i64) -> Weather {
    let mean = |v: &[f64]| -> Vec<f64> {
        v.chunks_exact(k)
            .map(|c| c.iter().sum::<f64>() / k as f64)
            .collect()
    };
    Weather {
        file_sha256: w.file_sha256.clone(),
        start_unix_s: w.start_unix_s,
        step_s,
        ghi_w_m2: mean(&w.ghi_w_m2),
        dni_w_m2: mean(&w.dni_w_m2),
        dhi_w_m2: mean(&w.dhi_w_m2),
        temp_air_c: mean(&w.temp_air_c),
        wind_speed_m_s: mean(&w.wind_speed_m_s),
        pressure_pa: mean(&w.pressure_pa),
        relative_humidity_pct: mean(&w.relative_humidity_pct),
        wind_height_m: w.wind_height_m,
        source: format!("{} (means over {} min)", w.source, step_s / 60),
    }
}

fn refine(w: &Weather, k: usize, step_s: i64, sun: &SunSeries) -> Weather {
    let n = w.len() * k;
    let hold =
        |v: &[f64]| -> Vec<f64> { v.iter().flat_map(|x| std::iter::repeat_n(*x, k)).collect() };
    let mut ghi = Vec::with_capacity(n);
    let mut dni = Vec::with_capacity(n);
    let mut dhi = Vec::with_capacity(n);
    for h in 0..w.len() {
        let cos: Vec<f64> = (0..k)
            .map(|q| sun.zenith_deg[h * k + q].to_radians().cos().max(0.0))
            .collect();
        let mean_cos = cos.iter().sum::<f64>() / k as f64;
        let (g, d) = (
            w.ghi_w_m2[h].max(0.0),
            w.dhi_w_m2[h].max(0.0).min(w.ghi_w_m2[h].max(0.0)),
        );
        for &c in &cos {
            let (gq, mut dq) = if mean_cos > 1e-6 {
                (g * c / mean_cos, d * c / mean_cos)
            } else {
                (g, d)
            };
            let beam_h = (gq - dq).max(0.0);
            let bq = if c > MIN_COS_ZENITH {
                beam_h / c
            } else {
                dq = gq;
                0.0
            };
            ghi.push(gq);
            dhi.push(dq);
            dni.push(bq);
        }
    }
    Weather {
        file_sha256: w.file_sha256.clone(),
        start_unix_s: w.start_unix_s,
        step_s,
        ghi_w_m2: ghi,
        dni_w_m2: dni,
        dhi_w_m2: dhi,
        temp_air_c: hold(&w.temp_air_c),
        wind_speed_m_s: hold(&w.wind_speed_m_s),
        pressure_pa: hold(&w.pressure_pa),
        relative_humidity_pct: hold(&w.relative_humidity_pct),
        wind_height_m: w.wind_height_m,
        source: format!("{} (split into {} min steps)", w.source, step_s / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sun::sun_series;

    fn hourly_day() -> Weather {
        let n = 48;
        let start = crate::weather::days_from_civil(2029, 6, 21) * 86_400;
        let sun = sun_series(start, 3600, n, 23.72, -15.93, 10.0);
        let ghi: Vec<f64> = sun
            .zenith_deg
            .iter()
            .map(|z| (900.0 * z.to_radians().cos()).max(0.0))
            .collect();
        let dhi: Vec<f64> = ghi.iter().map(|g| 0.2 * g).collect();
        let dni: Vec<f64> = ghi
            .iter()
            .zip(&sun.zenith_deg)
            .map(|(g, z)| {
                let c = z.to_radians().cos();
                if c > 0.01 { 0.8 * g / c } else { 0.0 }
            })
            .collect();
        Weather {
            file_sha256: None,
            start_unix_s: start,
            step_s: 3600,
            ghi_w_m2: ghi,
            dni_w_m2: dni,
            dhi_w_m2: dhi,
            temp_air_c: (0..n).map(|i| 20.0 + i as f64 * 0.1).collect(),
            wind_speed_m_s: (0..n).map(|i| 5.0 + (i % 5) as f64).collect(),
            pressure_pa: vec![101_000.0; n],
            relative_humidity_pct: vec![70.0; n],
            wind_height_m: 10.0,
            source: "test".into(),
        }
    }

    #[test]
    fn refining_keeps_every_hour_mean_and_closure() {
        let w = hourly_day();
        let sun = sun_series(w.start_unix_s, 900, w.len() * 4, 23.72, -15.93, 10.0);
        let f = resample(&w, 900, Some(&sun)).unwrap();
        assert_eq!(f.len(), w.len() * 4);
        for h in 0..w.len() {
            let m = |v: &[f64]| v[h * 4..h * 4 + 4].iter().sum::<f64>() / 4.0;
            assert!((m(&f.ghi_w_m2) - w.ghi_w_m2[h]).abs() < 1e-9, "hour {h}");
            // Diffuse is kept too, except where a sub-step's sun sits on the horizon: there its
            // beam is counted as diffuse.
            let horizon = (0..4).any(|q| {
                let c = sun.zenith_deg[h * 4 + q].to_radians().cos();
                c > 0.0 && c <= MIN_COS_ZENITH
            });
            if !horizon {
                assert!((m(&f.dhi_w_m2) - w.dhi_w_m2[h]).abs() < 1e-9, "hour {h}");
            }
            assert!((m(&f.temp_air_c) - w.temp_air_c[h]).abs() < 1e-12);
            assert!((m(&f.wind_speed_m_s) - w.wind_speed_m_s[h]).abs() < 1e-12);
        }
        for i in 0..f.len() {
            let c = sun.zenith_deg[i].to_radians().cos();
            let closure = f.dni_w_m2[i] * c.max(0.0) + f.dhi_w_m2[i];
            assert!((closure - f.ghi_w_m2[i]).abs() < 1e-6, "step {i}");
            if c <= 0.0 {
                assert_eq!(
                    f.ghi_w_m2[i], 0.0,
                    "no light with the sun below the horizon"
                );
            }
        }
        // Back to hourly gives the original series.
        let back = resample(&f, 3600, None).unwrap();
        for (a, b) in back.ghi_w_m2.iter().zip(&w.ghi_w_m2) {
            assert!((a - b).abs() < 1e-9);
        }
    }

    #[test]
    fn steps_that_do_not_divide_are_refused_in_words() {
        let w = hourly_day();
        let e = resample(&w, 7 * 60, None).unwrap_err();
        assert!(e.contains("must divide evenly"), "{e}");
        assert!(
            resample(&w, 900, None)
                .unwrap_err()
                .contains("sun positions")
        );
    }
}
