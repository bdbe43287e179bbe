//! Panel: who made the scenario (meta), where the campus is (site), where the weather comes from
//! (the built-in seeded Dakhla climate or an EPW file picked with "Browse…"), and the time
//! settings.

use super::PanelContext;
use crate::gui::widgets as w;
use crate::scenario::{Scenario, WeatherSource};
use std::path::{Component, Path, PathBuf};

/// Edit meta, site, weather and simulation settings.
pub fn ui(ui: &mut egui::Ui, s: &mut Scenario, ctx: &PanelContext) {
    w::section(ui, "Scenario");
    let m = &mut s.meta;
    w::text(
        ui,
        "Scenario name",
        &mut m.name,
        "Shown in the title bar, reports and comparisons; up to 200 characters.",
        "meta.name",
        ctx,
    );
    w::text(
        ui,
        "Description",
        &mut m.description,
        "One line on what this case is, e.g. \"500 MW cap; 600 MWdc PV + 396 MW wind\".",
        "meta.description",
        ctx,
    );
    w::text(
        ui,
        "Author",
        &mut m.author,
        "Who made it.",
        "meta.author",
        ctx,
    );
    w::text(
        ui,
        "Team",
        &mut m.team,
        "Which team owns it.",
        "meta.team",
        ctx,
    );
    w::multiline(
        ui,
        "Notes",
        &mut m.notes,
        "Free notes: assumptions, sources, open questions.",
        "meta.notes",
        ctx,
    );

    w::section(ui, "Site");
    let site = &mut s.site;
    w::text(
        ui,
        "Site name",
        &mut site.name,
        "Name of the place, e.g. \"Dakhla, Morocco\".",
        "site.name",
        ctx,
    );
    w::number(
        ui,
        "Latitude",
        &mut site.latitude_deg,
        "°",
        "Degrees north (south negative), -90 to 90. Dakhla: 23.72.",
        "site.latitude_deg",
        ctx,
    );
    w::number(
        ui,
        "Longitude",
        &mut site.longitude_deg,
        "°",
        "Degrees east (west negative), -180 to 180. Dakhla: -15.93.",
        "site.longitude_deg",
        ctx,
    );
    w::number(
        ui,
        "Elevation",
        &mut site.elevation_m,
        "m",
        "Ground elevation above sea level; sets the air density for wind and sun. Dakhla: about \
         10 m.",
        "site.elevation_m",
        ctx,
    );
    w::number(
        ui,
        "UTC offset",
        &mut site.utc_offset_h,
        "h",
        "Local legal time minus UTC, -12 to +14 h; used for daily load profiles and display. \
         Morocco: +1 most of the year. The physics runs in UTC.",
        "site.utc_offset_h",
        ctx,
    );

    w::section(ui, "Weather");
    weather(ui, s, ctx);

    w::section(ui, "Simulation");
    w::integer(
        ui,
        "Simulation year",
        &mut s.simulation.year,
        "",
        "Operating year of the run. EPW data (typical years of mixed years) are stamped with it; \
         synthetic weather uses its own year. 1900-2200.",
        "simulation.year",
        ctx,
    );
    let mut options: Vec<(u32, String)> = vec![(60, "60 min (hourly)".to_owned())];
    if s.simulation.timestep_min != 60 {
        options.push((
            s.simulation.timestep_min,
            format!("{} min (not supported)", s.simulation.timestep_min),
        ));
    }
    let options: Vec<(u32, &str)> = options.iter().map(|(v, t)| (*v, t.as_str())).collect();
    w::enum_choice(
        ui,
        "Time step",
        &mut s.simulation.timestep_min,
        &options,
        "Length of a simulation step. Only hourly steps are supported in this version.",
        "simulation.timestep_min",
        ctx,
    );
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
        "Weather source",
        &mut is_epw,
        &[
            (false, "Built-in Dakhla climate"),
            (true, "Weather file (EPW or CSV)"),
        ],
        "Built-in: a seeded synthetic year from Dakhla's monthly statistics (same seed, same \
         year on every machine); valid near Dakhla only. EPW: an EnergyPlus weather file for any \
         site (8,760 hourly rows).",
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
            w::integer(
                ui,
                "Weather seed",
                seed,
                "",
                "Random seed of the synthetic year: the same seed gives the same weather on every \
                 machine; change it to see another plausible year.",
                "weather.seed",
                ctx,
            );
            w::integer(
                ui,
                "Weather year",
                year,
                "",
                "Calendar year of the generated time axis, 1900-2200. Usually the simulation \
                 year.",
                "weather.year",
                ctx,
            );
        }
        WeatherSource::Epw { path, sha256 } | WeatherSource::Csv { path, sha256 } => {
            let before = path.clone();
            w::text(
                ui,
                "Weather file",
                path,
                "Path of the EPW or CSV weather file, relative to the scenario file's folder (or \
                 absolute). The sun is computed for the file's own location.",
                "weather.path",
                ctx,
            );
            let mut picked = None;
            if ui
                .button("Browse…")
                .on_hover_text("Pick an EnergyPlus (.epw) or CSV weather file")
                .clicked()
                && let Some(file) = rfd::FileDialog::new()
                    .add_filter("Weather files", &["epw", "csv"])
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
