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
        Some(Command::Simulate { file, json, hourly }) => {
            simulate(file.as_deref(), json, hourly.as_deref())
        }
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

fn simulate(file: Option<&Path>, json: bool, hourly: Option<&Path>) -> Result<ExitCode, Failure> {
    let (s, base) = match file {
        Some(f) => (load(f)?, scenario::base_dir(f)),
        None => (Scenario::dakhla_reference(), PathBuf::from(".")),
    };
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

fn check(files: &[PathBuf]) -> Result<ExitCode, Failure> {
    let mut ok = true;
    for f in files {
        match scenario::load(f) {
            Ok(s) => {
                for w in s.warnings() {
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
