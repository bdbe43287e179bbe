//! Command line of dakhla-planner. Without a subcommand it opens the GUI; subcommands run
//! headless. Exit codes: 0 ok, 2 bad input (file, value, usage), 1 internal error.

use anyhow::Context;
use clap::{Parser, Subcommand};
use dakhla_planner::report;
use dakhla_planner::scenario::{self, Scenario};
use dakhla_planner::sim::Engine;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Size renewable-powered datacenters: racks, cooling, solar, wind, storage and backup,
/// simulated hour by hour.
#[derive(Parser, Debug)]
#[command(name = "dakhla-planner", version, about, long_about = None,
    after_help = "Without a subcommand the desktop planner opens (on FILE or the built-in Dakhla scenario).\nExit codes: 0 ok, 2 bad input (unreadable or invalid file, bad option), 1 internal error\n(including: no display to open the window on).")]
struct Cli {
    /// Scenario file to open in the GUI (default: the built-in Dakhla 500 MW campus).
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Simulate a scenario for a year and print its KPIs.
    Simulate {
        /// Scenario file (.ron). Without it, the built-in Dakhla reference scenario.
        file: Option<PathBuf>,
        /// Print one JSON object (KPIs under "kpis") instead of the readable summary.
        #[arg(long)]
        json: bool,
        /// Also write the hourly results to this CSV file.
        #[arg(long, value_name = "OUT.csv")]
        hourly: Option<PathBuf>,
        /// Run N weather years (seeds following the scenario's, or the files of --weather DIR)
        /// over the operating life and report P50, P90 and worst year.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
        years: Option<u32>,
        /// Use this weather file (.epw or .csv) instead of the scenario's; or a folder of them,
        /// one per year (implies a multi-year run).
        #[arg(long, value_name = "WEATHER_FILE|DIR")]
        weather: Option<PathBuf>,
    },
    /// Check scenario files: exit 0 when all are valid, 2 otherwise; one line per problem.
    Check {
        /// Scenario files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// A failure and the exit code it maps to.
enum Failure {
    BadInput(String),
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Internal(e)
    }
}

fn main() -> ExitCode {
    dakhla_planner::gui::PROCESS_START.get_or_init(std::time::Instant::now);
    let cli = Cli::parse();
    let result = match cli.command {
        None => gui(cli.file.as_deref()),
        Some(Command::Simulate {
            file,
            json,
            hourly,
            years,
            weather,
        }) => simulate_command(
            file.as_deref(),
            json,
            hourly.as_deref(),
            years,
            weather.as_deref(),
        ),
        Some(Command::Check { files }) => check(&files),
    };
    match result {
        Ok(code) => code,
        Err(Failure::BadInput(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
        Err(Failure::Internal(e)) => {
            eprintln!("internal error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn gui(file: Option<&Path>) -> Result<ExitCode, Failure> {
    dakhla_planner::gui::run_native(file.map(Path::to_path_buf)).map_err(|e| {
        Failure::Internal(anyhow::anyhow!(
            "cannot open the planner window: {e}. On a machine without a display, use \
             `dakhla-planner simulate [FILE]` or `dakhla-planner check FILE...`"
        ))
    })?;
    Ok(ExitCode::SUCCESS)
}

fn load(path: &Path) -> Result<Scenario, Failure> {
    scenario::load(path).map_err(|e| Failure::BadInput(e.to_string()))
}

/// Weather files (.epw, .csv) of a folder, sorted by name.
fn weather_files_in(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Failure::BadInput(format!("{}: cannot read the folder: {e}", dir.display()))
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| x.eq_ignore_ascii_case("epw") || x.eq_ignore_ascii_case("csv"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Failure::BadInput(format!(
            "{}: the folder holds no weather files (.epw or .csv)",
            dir.display()
        )));
    }
    Ok(files)
}

fn weather_source_for(path: &Path) -> Result<scenario::WeatherSource, Failure> {
    let abs = std::path::absolute(path)
        .map_err(|e| Failure::BadInput(format!("{}: {e}", path.display())))?;
    if !abs.is_file() {
        return Err(Failure::BadInput(format!(
            "{}: the weather file does not exist",
            path.display()
        )));
    }
    Ok(scenario::WeatherSource::file(
        abs.display().to_string(),
        None,
    ))
}

fn simulate_command(
    file: Option<&Path>,
    json: bool,
    hourly: Option<&Path>,
    years: Option<u32>,
    weather: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let (mut s, base) = load_or_builtin(file)?;
    match (weather, years) {
        (Some(w), _) if w.is_dir() => {
            let mut files = weather_files_in(w)?;
            if let Some(n) = years {
                files.truncate(n as usize);
            }
            let sources = files
                .iter()
                .map(|f| weather_source_for(f))
                .collect::<Result<Vec<_>, _>>()?;
            simulate_years(&s, &base, file, json, sources)
        }
        (Some(w), Some(n)) => {
            // One file, several years: the same weather ages year by year.
            let src = weather_source_for(w)?;
            simulate_years(&s, &base, file, json, vec![src; n as usize])
        }
        (Some(w), None) => {
            s.weather = weather_source_for(w)?;
            simulate(&s, &base, file, json, hourly)
        }
        (None, Some(n)) => {
            let sources = dakhla_planner::sim::years::synthetic_years(&s, n);
            simulate_years(&s, &base, file, json, sources)
        }
        (None, None) => simulate(&s, &base, file, json, hourly),
    }
}

fn simulate(
    s: &Scenario,
    base: &Path,
    file: Option<&Path>,
    json: bool,
    hourly: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let s = s.clone();
    let base = base.to_path_buf();
    let mut engine = Engine::new();
    let results = engine.run(&s, &base).map_err(|e| {
        let name = file.map_or("built-in scenario".to_owned(), |f| f.display().to_string());
        Failure::BadInput(format!("{name}: {e}"))
    })?;
    if let Some(out) = hourly {
        write_atomic(out, |w| report::write_hourly_csv(&results, w))
            .with_context(|| format!("writing {}", out.display()))
            .map_err(|e| Failure::BadInput(format!("{e:#}")))?;
    }
    if json {
        let doc = report::json_document(&s, file, &results);
        let text = serde_json::to_string_pretty(&doc).context("formatting JSON")?;
        println!("{text}");
    } else {
        print!("{}", report::summary_text(&s, &results));
    }
    Ok(ExitCode::SUCCESS)
}

fn load_or_builtin(file: Option<&Path>) -> Result<(Scenario, PathBuf), Failure> {
    Ok(match file {
        Some(f) => (load(f)?, scenario::base_dir(f)),
        None => (Scenario::dakhla_reference(), PathBuf::from(".")),
    })
}

fn simulate_years(
    s: &Scenario,
    base: &Path,
    file: Option<&Path>,
    json: bool,
    weathers: Vec<scenario::WeatherSource>,
) -> Result<ExitCode, Failure> {
    use dakhla_planner::sim::years;
    let mut engine = Engine::with_interannual_variation();
    let runs = years::run_years(&mut engine, s, base, &weathers, |_, _| {}).map_err(|e| {
        let name = file.map_or("built-in scenario".to_owned(), |f| f.display().to_string());
        Failure::BadInput(format!("{name}: {e}"))
    })?;
    let dist = years::distribution(&runs);
    if json {
        let doc = serde_json::json!({
            "program": "dakhla-planner",
            "program_version": env!("CARGO_PKG_VERSION"),
            "scenario": { "name": s.meta.name, "file": file.map(|f| f.display().to_string()) },
            "years_count": runs.len(),
            "percentile_method": "linear between order statistics (type 7); p90 is the value met in 90 % of years",
            "distribution": dist,
            "years": runs,
        });
        let text = serde_json::to_string_pretty(&doc).context("formatting JSON")?;
        println!("{text}");
    } else {
        print!("{}", report::years_text(s, &runs, &dist));
    }
    Ok(ExitCode::SUCCESS)
}

fn check(files: &[PathBuf]) -> Result<ExitCode, Failure> {
    let mut ok = true;
    for f in files {
        match scenario::load(f) {
            Ok(s) => {
                for w in s.warnings_at(Some(&scenario::base_dir(f))) {
                    println!("{}: warning: {}: {}", f.display(), w.path, w.message);
                }
            }
            Err(e) => {
                ok = false;
                for line in e.lines() {
                    println!("{line}");
                }
            }
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

/// Write through a temporary file in the target's folder, then rename over the target.
fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let dir = scenario::base_dir(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".dakhla-out-")
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
