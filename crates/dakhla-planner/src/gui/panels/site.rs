//! Panel: who made the scenario (meta), where the campus is (site), where the weather comes from
//! (the built-in seeded Dakhla climate or an EPW file picked with "Browse…"), and the time
//! settings.

use super::PanelContext;
use crate::gui::widgets as w;
use crate::scenario::{DispatchMode, Scenario, WeatherSource, fields};
use dakhla_i18n::tr;
use std::path::{Component, Path, PathBuf};

/// Edit meta, site, weather and simulation settings.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::section(ui, &dakhla_i18n::tr!("section-scenario"));
    let m = &mut s.meta;
    w::text(ui, &mut m.name, "meta.name", ctx);
    w::text(ui, &mut m.description, "meta.description", ctx);
    w::text(ui, &mut m.author, "meta.author", ctx);
    w::text(ui, &mut m.team, "meta.team", ctx);
    w::multiline(ui, &mut m.notes, "meta.notes", ctx);

    w::section(ui, &dakhla_i18n::tr!("section-site"));
    let site = &mut s.site;
    w::text(ui, &mut site.name, "site.name", ctx);
    w::number(ui, &mut site.latitude_deg, "site.latitude_deg", ctx);
    w::number(ui, &mut site.longitude_deg, "site.longitude_deg", ctx);
    w::number(ui, &mut site.elevation_m, "site.elevation_m", ctx);
    w::number(ui, &mut site.utc_offset_h, "site.utc_offset_h", ctx);
    w::optional_number(
        ui,
        &mut site.ramadan_utc_offset_h,
        // Morocco's clocks go back to UTC+0 for Ramadan.
        site.utc_offset_h - 1.0,
        "site.ramadan_utc_offset_h",
        ctx,
    );

    w::section(ui, &dakhla_i18n::tr!("section-weather"));
    weather(ui, s, ctx);

    w::section(ui, &dakhla_i18n::tr!("section-simulation"));
    w::integer(ui, &mut s.simulation.year, "simulation.year", ctx);
    let mut options: Vec<(u32, String)> = vec![(
        60,
        fields::choice_word("simulation.timestep_min", "60").into_owned(),
    )];
    if s.simulation.timestep_min != 60 {
        options.push((
            s.simulation.timestep_min,
            tr!(
                "panel-site-timestep-unsupported",
                minutes = s.simulation.timestep_min
            ),
        ));
    }
    let options: Vec<(u32, &str)> = options.iter().map(|(v, t)| (*v, t.as_str())).collect();
    w::enum_choice(
        ui,
        &mut s.simulation.timestep_min,
        &options,
        "simulation.timestep_min",
        ctx,
    );
    dispatch_mode(ui, s, ctx);
}

/// The battery dispatch's foresight: the mode, and the horizon of a rolling forecast (its
/// last value is remembered while another mode is chosen).
fn dispatch_mode(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    const PATH: &str = "simulation.dispatch";
    let memory_id = ui.make_persistent_id("forecast_horizon_memory");
    let default_h = fields::spec("simulation.dispatch.horizon_h")
        .and_then(|f| f.default_number())
        .map_or(24, |h| h as u32);
    let remembered: u32 = ui.data(|d| d.get_temp(memory_id)).unwrap_or(default_h);
    let word = |v| fields::choice_word(PATH, v);
    let horizon = match s.simulation.dispatch {
        DispatchMode::Forecast { horizon_h } => horizon_h,
        _ => remembered,
    };
    w::enum_choice(
        ui,
        &mut s.simulation.dispatch,
        &[
            (DispatchMode::PerfectForesight, word("PerfectForesight")),
            (
                DispatchMode::Forecast { horizon_h: horizon },
                word("Forecast"),
            ),
            (DispatchMode::Greedy, word("Greedy")),
        ],
        PATH,
        ctx,
    );
    if let DispatchMode::Forecast { horizon_h } = &mut s.simulation.dispatch {
        ui.indent(PATH, |ui| {
            w::integer(ui, horizon_h, "simulation.dispatch.horizon_h", ctx);
        });
        let h = *horizon_h;
        ui.data_mut(|d| d.insert_temp(memory_id, h));
    }
}

/// Remembered values of the source not currently chosen, so switching back restores them.
#[derive(Clone, Debug, Default)]
struct Remembered {
    synthetic: Option<(u64, i32)>,
    epw: Option<String>,
}

fn weather(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    let memory_id = ui.make_persistent_id("weather_source_memory");
    let mut memory: Remembered = ui.data(|d| d.get_temp(memory_id)).unwrap_or_default();
    let mut is_epw = s.weather.file_path().is_some();
    let before = is_epw;
    w::enum_choice(
        ui,
        &mut is_epw,
        &[
            (false, fields::choice_word("weather", "Synthetic")),
            (
                true,
                std::borrow::Cow::Owned(tr!("panel-site-weather-file")),
            ),
        ],
        "weather",
        ctx,
    );
    if is_epw != before {
        match &s.weather {
            WeatherSource::Synthetic { seed, year } => memory.synthetic = Some((*seed, *year)),
            WeatherSource::Epw { path, .. } | WeatherSource::Csv { path, .. } => {
                memory.epw = Some(path.clone())
            }
        }
        s.weather = if is_epw {
            WeatherSource::file(memory.epw.clone().unwrap_or_default(), None)
        } else {
            let (seed, year) = memory.synthetic.unwrap_or((2029, s.simulation.year));
            WeatherSource::Synthetic { seed, year }
        };
        ui.data_mut(|d| d.insert_temp(memory_id, memory));
    }
    match &mut s.weather {
        WeatherSource::Synthetic { seed, year } => {
            w::integer(ui, seed, "weather.seed", ctx);
            w::integer(ui, year, "weather.year", ctx);
        }
        WeatherSource::Epw { path, sha256 } | WeatherSource::Csv { path, sha256 } => {
            let before = path.clone();
            w::text(ui, path, "weather.path", ctx);
            let mut picked = None;
            if ui
                .button(tr!("panel-site-browse"))
                .on_hover_text(tr!("panel-site-browse.tooltip"))
                .clicked()
                && let Some(file) = rfd::FileDialog::new()
                    .add_filter(tr!("panel-site-weather-files"), &["epw", "csv"])
                    .set_directory(ctx.base_dir)
                    .pick_file()
            {
                picked = Some(relative_path(&file, ctx.base_dir));
            }
            if let Some(p) = picked {
                *path = p;
            }
            if *path != before {
                // Record the fingerprint of the chosen file, so another team opening the
                // scenario learns when their copy differs.
                *sha256 = crate::weather::file_sha256(&ctx.base_dir.join(path.as_str())).ok();
            }
            if let Some(h) = sha256.as_deref() {
                w::note(ui, &format!("SHA-256 {}…", &h[..h.len().min(16)]), ctx);
            }
        }
    }
    // EPW or CSV by the file's extension.
    if let Some(p) = s.weather.file_path()
        && s.weather
            != WeatherSource::file(p.to_owned(), s.weather.recorded_sha256().map(str::to_owned))
    {
        s.weather =
            WeatherSource::file(p.to_owned(), s.weather.recorded_sha256().map(str::to_owned));
    }
}

/// `file` relative to `base_dir` with `/` separators when it lies inside it, else as given.
fn relative_path(file: &Path, base_dir: &Path) -> String {
    let stripped: Option<PathBuf> = file
        .strip_prefix(base_dir)
        .ok()
        .map(Path::to_path_buf)
        .or_else(|| {
            let f = file.canonicalize().ok()?;
            let b = base_dir.canonicalize().ok()?;
            f.strip_prefix(&b).ok().map(Path::to_path_buf)
        });
    match stripped {
        Some(rel) if !rel.as_os_str().is_empty() => rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/"),
        _ => file.to_string_lossy().into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::relative_path;
    use std::path::Path;

    #[test]
    fn weather_file_inside_the_scenario_folder_is_stored_relative() {
        let base = Path::new("/data/scenarios");
        assert_eq!(
            relative_path(&base.join("weather").join("dakhla.epw"), base),
            "weather/dakhla.epw"
        );
        assert_eq!(
            relative_path(Path::new("/elsewhere/x.epw"), base),
            "/elsewhere/x.epw"
        );
    }
}
