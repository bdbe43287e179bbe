//! Command line of dakhla-planner. Without a subcommand it opens the GUI; subcommands run
//! headless. Exit codes: 0 ok, 2 bad input (file, value, usage), 1 internal error.

use anyhow::Context;
use clap::{Parser, Subcommand};
use dakhla_planner::optimize::SearchOptions;
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
    /// Scenario files to open in the GUI, one tab each (default: the built-in Dakhla 500 MW
    /// campus).
    files: Vec<PathBuf>,
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
        /// Override a field before running, e.g. --set battery.energy_mwh=4000 or
        /// --set 'wind_farms[0].turbine_count=120' (repeatable; validated as if read from the
        /// file).
        #[arg(long = "set", value_name = "PATH=VALUE")]
        set: Vec<String>,
    },
    /// Find the least-cost mix (solar, wind, battery, backup) that meets the scenario's target;
    /// optionally the Pareto front of cost against the carbon-free share.
    Optimize {
        /// Scenario file (.ron). Without it, the built-in Dakhla reference scenario.
        file: Option<PathBuf>,
        /// Print one JSON object instead of the readable summary.
        #[arg(long)]
        json: bool,
        /// Write the hourly results of the optimum, with the availability profiles used
        /// (solar_mw_per_mwdc, wind_mw_per_mw), to this CSV file.
        #[arg(long, value_name = "OUT.csv")]
        hourly: Option<PathBuf>,
        /// Write the scenario with the optimal capacities to this file.
        #[arg(long, value_name = "OUT.ron")]
        save: Option<PathBuf>,
        /// Also compute the Pareto front (optimizer.pareto_from..pareto_to) and write it as CSV.
        #[arg(long, value_name = "OUT.csv")]
        pareto: Option<PathBuf>,
        /// Run only slice i of n (1-based) of the study (Pareto targets x weather years x cost
        /// cases) and write its results to --out; combine the slices with `merge`.
        #[arg(long, value_name = "i/n")]
        shard: Option<String>,
        /// Override a field before optimizing (as for `simulate --set`; repeatable).
        #[arg(long = "set", value_name = "PATH=VALUE")]
        set: Vec<String>,
        /// Result file of --shard (default: shard-i-of-n.json).
        #[arg(long, value_name = "SHARD.json", requires = "shard")]
        out: Option<PathBuf>,
        /// Weather years of a --shard study (synthetic seeds following the scenario's).
        #[arg(long, value_name = "N", requires = "shard", value_parser = clap::value_parser!(u32).range(1..=1000))]
        years: Option<u32>,
        /// Search starts besides the scenario's own mix (best points of a coarse grid).
        #[arg(long, value_name = "N", default_value_t = SearchOptions::default().extra_starts as u32, value_parser = clap::value_parser!(u32).range(0..=20))]
        extra_starts: u32,
        /// The pattern search stops when its step falls below this share of each range.
        #[arg(long, value_name = "SHARE", default_value_t = SearchOptions::default().step_tolerance)]
        step_tolerance: f64,
    },
    /// Combine the result files of `optimize --shard` runs into the study's results.
    Merge {
        /// Shard result files (.json), all shards of one study.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write the combined results as CSV (one row per job).
        #[arg(long, value_name = "OUT.csv")]
        csv: Option<PathBuf>,
        /// Print the combined results as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Bring a scenario file to the current schema version, keeping its comments where possible;
    /// says what changed. A file already current is left byte for byte as it is.
    Migrate {
        /// Scenario file (.ron) of any supported schema version.
        file: PathBuf,
        /// Write the migrated file here instead of rewriting FILE in place (atomically).
        #[arg(long, value_name = "OUT.ron")]
        out: Option<PathBuf>,
    },
    /// Write every chart (PNG and SVG), the hourly CSV, the KPI JSON and a one-page HTML
    /// report (inputs, KPIs, charts, assumptions and sources) of a scenario into a folder.
    Export {
        /// Scenario file (.ron).
        file: PathBuf,
        /// Folder to write into (created when missing; files of the same names are replaced).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Override a field before running (as for `simulate --set`; repeatable).
        #[arg(long = "set", value_name = "PATH=VALUE")]
        set: Vec<String>,
    },
    /// Check scenario files: exit 0 when all are valid, 2 otherwise; one line per problem.
    Check {
        /// Scenario files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compare scenarios side by side: the inputs that differ (field path, value in each) and
    /// the KPIs, with each change against the first file. Differences are not an error (exit 0).
    Compare {
        /// Scenario files (.ron), two or more; the first is the baseline.
        #[arg(required = true, num_args = 2.., value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Print one JSON object instead of the side-by-side table.
        #[arg(long)]
        json: bool,
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

/// Print to standard output; a closed pipe (`dakhla-planner ... | head`) ends the output
/// quietly instead of panicking as `print!` does.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// [`out!`] with a line end.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    dakhla_planner::gui::PROCESS_START.get_or_init(std::time::Instant::now);
    let cli = Cli::parse();
    let result = match cli.command {
        None => gui(cli.files),
        Some(Command::Simulate {
            file,
            json,
            hourly,
            years,
            weather,
            set,
        }) => simulate_command(
            file.as_deref(),
            &set,
            json,
            hourly.as_deref(),
            years,
            weather.as_deref(),
        ),
        Some(Command::Optimize {
            file,
            json,
            hourly,
            save,
            pareto,
            shard,
            set,
            out,
            years,
            extra_starts,
            step_tolerance,
        }) => {
            let options = SearchOptions {
                extra_starts: extra_starts as usize,
                step_tolerance,
            };
            if !(step_tolerance > 1e-7 && step_tolerance < 0.5) {
                Err(Failure::BadInput(format!(
                    "--step-tolerance must be between 1e-7 and 0.5, got {step_tolerance}"
                )))
            } else {
                match shard {
                    Some(sh) => optimize_shard(
                        file.as_deref(),
                        &set,
                        &sh,
                        out,
                        years,
                        pareto.is_some(),
                        &options,
                    ),
                    None => optimize_command(
                        file.as_deref(),
                        &set,
                        json,
                        hourly.as_deref(),
                        save.as_deref(),
                        pareto.as_deref(),
                        &options,
                    ),
                }
            }
        }
        Some(Command::Merge { files, csv, json }) => merge_command(&files, csv.as_deref(), json),
        Some(Command::Migrate { file, out }) => migrate_command(&file, out.as_deref()),
        Some(Command::Export { file, out, set }) => export_command(&file, &out, &set),
        Some(Command::Check { files }) => check(&files),
        Some(Command::Compare { files, json }) => compare_command(&files, json),
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

fn gui(files: Vec<PathBuf>) -> Result<ExitCode, Failure> {
    dakhla_planner::gui::run_native(files).map_err(|e| {
        Failure::Internal(anyhow::anyhow!(
            "cannot open the planner window: {e}. On a machine without a display, use \
             `dakhla-planner simulate [FILE]` or `dakhla-planner check FILE...`"
        ))
    })?;
    Ok(ExitCode::SUCCESS)
}

fn load(path: &Path) -> Result<Scenario, Failure> {
    let upgraded = scenario::load_upgraded(path).map_err(|e| Failure::BadInput(e.to_string()))?;
    if let Some(m) = &upgraded.migration {
        eprintln!(
            "note: {}: {}; `dakhla-planner migrate {}` updates the file",
            path.display(),
            m.summary(),
            path.display()
        );
    }
    Ok(upgraded.scenario)
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
    set: &[String],
    json: bool,
    hourly: Option<&Path>,
    years: Option<u32>,
    weather: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let (mut s, base) = load_or_builtin(file)?;
    s = with_overrides(s, set)?;
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
    let results = engine.run(&s, &base).map_err(|e| run_failure(file, &e))?;
    if let Some(out) = hourly {
        write_atomic(out, |w| report::write_hourly_csv(&results, w))
            .with_context(|| format!("writing {}", out.display()))
            .map_err(|e| Failure::BadInput(format!("{e:#}")))?;
    }
    if json {
        let doc = report::json_document(&s, file, &results);
        let text = serde_json::to_string_pretty(&doc).context("formatting JSON")?;
        outln!("{text}");
    } else {
        out!("{}", report::summary_text(&s, &results));
    }
    Ok(ExitCode::SUCCESS)
}

/// The scenario with every `--set path=value` applied in order.
fn with_overrides(mut s: Scenario, set: &[String]) -> Result<Scenario, Failure> {
    for a in set {
        s = scenario::apply_override(&s, a).map_err(Failure::BadInput)?;
    }
    Ok(s)
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
    let runs = years::run_years(&mut engine, s, base, &weathers, |_, _| {})
        .map_err(|e| run_failure(file, &e))?;
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
        outln!("{text}");
    } else {
        out!("{}", report::years_text(s, &runs, &dist));
    }
    Ok(ExitCode::SUCCESS)
}

/// A run that could not start. A weather file's problem names that file and line, as the planner
/// wrote it where possible (relative to the current folder), not the scenario, which is not at
/// fault; any other problem is prefixed with the scenario.
fn run_failure(file: Option<&Path>, e: &dakhla_planner::sim::SimError) -> Failure {
    match e {
        dakhla_planner::sim::SimError::Weather(w) => {
            let text = w.to_string();
            let sep = std::path::MAIN_SEPARATOR;
            let cwd = std::env::current_dir()
                .map(|d| format!("{}{sep}", d.display()))
                .unwrap_or_default();
            let shown = [cwd, format!(".{sep}")]
                .iter()
                .find_map(|prefix| {
                    text.strip_prefix(prefix.as_str())
                        .filter(|_| !prefix.is_empty())
                })
                .unwrap_or(&text);
            Failure::BadInput(shown.to_owned())
        }
        _ => Failure::BadInput(format!("{}: {e}", scenario_label(file))),
    }
}

fn scenario_label(file: Option<&Path>) -> String {
    file.map_or("built-in scenario".to_owned(), |f| f.display().to_string())
}

fn no_cancel() -> std::sync::atomic::AtomicBool {
    std::sync::atomic::AtomicBool::new(false)
}

fn optimize_command(
    file: Option<&Path>,
    set: &[String],
    json: bool,
    hourly: Option<&Path>,
    save: Option<&Path>,
    pareto_csv: Option<&Path>,
    options: &SearchOptions,
) -> Result<ExitCode, Failure> {
    use dakhla_planner::optimize::{self, Control, study};
    let (s, base) = load_or_builtin(file)?;
    let s = with_overrides(s, set)?;
    let name = scenario_label(file);
    let cancel = no_cancel();
    let control = Control {
        cancel: &cancel,
        progress: &|_| {},
    };
    let mut engine = Engine::new();
    let opt = optimize::optimize_scenario(&mut engine, &s, &base, options, &control)
        .map_err(|e| Failure::BadInput(format!("{name}: {e}")))?;
    let front = match pareto_csv {
        Some(out) => {
            let targets = study::scenario_pareto_targets(&s.optimizer);
            let front = study::pareto(&opt.problem, &targets, options, &control, |_, _| {});
            write_atomic(out, |w| study::write_pareto_csv(&front, w))
                .with_context(|| format!("writing {}", out.display()))
                .map_err(|e| Failure::BadInput(format!("{e:#}")))?;
            Some(front)
        }
        None => None,
    };
    if let Some(out) = hourly {
        let extra: [(&str, &[f64]); 2] = [
            ("solar_mw_per_mwdc", &opt.profiles.solar_mw_per_mwdc),
            ("wind_mw_per_mw", &opt.profiles.wind_mw_per_mw),
        ];
        write_atomic(out, |w| {
            report::write_hourly_csv_with(&opt.results, &extra, w)
        })
        .with_context(|| format!("writing {}", out.display()))
        .map_err(|e| Failure::BadInput(format!("{e:#}")))?;
    }
    if let Some(out) = save {
        let mut saved = opt.scenario.clone();
        // A relative weather path must still resolve from the new file's folder.
        rebase_weather_path(&mut saved, &base, &scenario::base_dir(out));
        scenario::save(&saved, out).map_err(|e| Failure::BadInput(format!("{e}")))?;
    }
    if json {
        let doc = report::optimize::optimize_json(&s, file, &opt, front.as_deref());
        let text = serde_json::to_string_pretty(&doc).context("formatting JSON")?;
        outln!("{text}");
    } else {
        out!("{}", report::optimize::optimize_text(&s, &opt));
        if let Some(front) = &front {
            out!(
                "{}",
                report::optimize::pareto_text(opt.problem.target, front)
            );
        }
    }
    if !opt.outcome.best.feasible() {
        eprintln!(
            "{name}: no mix within the optimizer bounds meets the target; widen the bounds \
             (optimizer section) or lower the target"
        );
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// Make a relative weather-file path of `s` (relative to `from`) relative to `to` instead,
/// or absolute when the file is not below `to`.
fn rebase_weather_path(s: &mut Scenario, from: &Path, to: &Path) {
    let Some(p) = s.weather.file_path().map(PathBuf::from) else {
        return;
    };
    if p.is_absolute() {
        return;
    }
    let abs = std::path::absolute(from.join(&p)).unwrap_or_else(|_| from.join(&p));
    let to_abs = std::path::absolute(to).unwrap_or_else(|_| to.to_path_buf());
    let new = abs
        .strip_prefix(&to_abs)
        .map_or_else(|_| abs.clone(), Path::to_path_buf);
    let sha = s.weather.recorded_sha256().map(str::to_owned);
    s.weather = scenario::WeatherSource::file(new.display().to_string(), sha);
}

#[allow(clippy::too_many_arguments)]
fn optimize_shard(
    file: Option<&Path>,
    set: &[String],
    shard: &str,
    out: Option<PathBuf>,
    years: Option<u32>,
    pareto: bool,
    options: &SearchOptions,
) -> Result<ExitCode, Failure> {
    use dakhla_planner::optimize::{Control, Problem, study};
    let (i, n) = study::parse_shard(shard).map_err(Failure::BadInput)?;
    let (s, base) = load_or_builtin(file)?;
    let s = with_overrides(s, set)?;
    let name = scenario_label(file);
    let years = years.unwrap_or(1);
    let mut engine = if years > 1 {
        Engine::with_interannual_variation()
    } else {
        Engine::new()
    };
    // The scenario's own target (when the study is not a Pareto front).
    let profiles = engine
        .sizing_profiles(&s, &base)
        .map_err(|e| Failure::BadInput(format!("{name}: {e}")))?;
    let own = Problem::from_scenario(&s, &profiles)
        .map_err(|e| Failure::BadInput(format!("{name}: {e}")))?;
    let st = study::Study::of(&s, years, pareto, own.target_value);
    let jobs = st.jobs();
    let mine = study::shard_jobs(&jobs, i, n);
    let cancel = no_cancel();
    let control = Control {
        cancel: &cancel,
        progress: &|_| {},
    };
    let mut results = Vec::with_capacity(mine.len());
    for job in &mine {
        let r = study::run_job(&mut engine, &st, job, &base, options, &control)
            .map_err(|e| Failure::BadInput(format!("{name}: job {}: {e}", job.index)))?;
        eprintln!(
            "job {} ({} / year {} / target {:.2} %): {:.1} M USD/yr in {:.2} s",
            job.index,
            job.case,
            job.weather_year,
            job.target * 100.0,
            r.annualized_cost_usd / 1e6,
            r.wall_s
        );
        results.push(r);
    }
    let file_out = study::ShardFile {
        format: study::SHARD_FORMAT.into(),
        program_version: env!("CARGO_PKG_VERSION").into(),
        study_sha256: st.sha256(),
        scenario_name: s.meta.name.clone(),
        shard: i,
        shards: n,
        jobs_total: jobs.len(),
        results,
    };
    let out = out.unwrap_or_else(|| PathBuf::from(format!("shard-{i}-of-{n}.json")));
    let text = serde_json::to_string_pretty(&file_out).context("formatting JSON")?;
    write_atomic(&out, |w| {
        use std::io::Write;
        w.write_all(text.as_bytes())
    })
    .with_context(|| format!("writing {}", out.display()))
    .map_err(|e| Failure::BadInput(format!("{e:#}")))?;
    eprintln!(
        "shard {i}/{n}: {} of {} jobs written to {}",
        mine.len(),
        jobs.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn merge_command(files: &[PathBuf], csv: Option<&Path>, json: bool) -> Result<ExitCode, Failure> {
    use dakhla_planner::optimize::study;
    let mut shards = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f)
            .map_err(|e| Failure::BadInput(format!("{}: cannot read: {e}", f.display())))?;
        let shard: study::ShardFile = serde_json::from_str(&text).map_err(|e| {
            Failure::BadInput(format!(
                "{}: not a shard result file of `optimize --shard`: {e}",
                f.display()
            ))
        })?;
        shards.push((f.display().to_string(), shard));
    }
    let rows = study::merge(&shards).map_err(Failure::BadInput)?;
    if let Some(out) = csv {
        write_atomic(out, |w| {
            study::write_study_csv(&rows, w).map_err(std::io::Error::other)
        })
        .with_context(|| format!("writing {}", out.display()))
        .map_err(|e| Failure::BadInput(format!("{e:#}")))?;
    }
    if json {
        let doc = serde_json::json!({
            "program": "dakhla-planner",
            "program_version": env!("CARGO_PKG_VERSION"),
            "study_sha256": shards[0].1.study_sha256,
            "scenario_name": shards[0].1.scenario_name,
            "jobs": rows,
        });
        outln!(
            "{}",
            serde_json::to_string_pretty(&doc).context("formatting JSON")?
        );
    } else {
        outln!(
            "{} jobs from {} shards of study {}",
            rows.len(),
            shards.len(),
            &shards[0].1.study_sha256[..12.min(shards[0].1.study_sha256.len())]
        );
        for r in &rows {
            outln!(
                "  job {:>4}  {:<16} year {:>3}  target {:>6.2} %  {}  {:>8.1} M USD/yr  solar {:>6.0} MWdc  wind {:>5.0} MW  battery {:>6.0} MWh",
                r.job.index,
                r.job.case,
                r.job.weather_year,
                r.job.target * 100.0,
                if r.feasible { "met    " } else { "NOT MET" },
                r.annualized_cost_usd / 1e6,
                r.capacities.solar_mwdc,
                r.capacities.wind_mw,
                r.capacities.battery_energy_mwh
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn migrate_command(file: &Path, out: Option<&Path>) -> Result<ExitCode, Failure> {
    let upgraded = scenario::load_upgraded(file).map_err(|e| Failure::BadInput(e.to_string()))?;
    let target = out.unwrap_or(file);
    let Some(m) = &upgraded.migration else {
        if out.is_some_and(|o| !same_file(o, file)) {
            write_atomic(target, |f| {
                std::io::Write::write_all(f, upgraded.text.as_bytes())
            })
            .map_err(|e| Failure::BadInput(format!("{e:#}")))?;
            outln!(
                "{}: already schema version {}; copied unchanged to {}",
                file.display(),
                scenario::SCHEMA_VERSION,
                target.display()
            );
        } else {
            outln!(
                "{}: already schema version {}; nothing to change",
                file.display(),
                scenario::SCHEMA_VERSION
            );
        }
        return Ok(ExitCode::SUCCESS);
    };
    // A relative weather path must still resolve from the new file's folder; the file is then
    // written in the program's layout.
    let mut comments_kept = m.comments_kept;
    let mut text = upgraded.text.clone();
    if upgraded.scenario.weather.file_path().is_some() {
        let mut s = upgraded.scenario.clone();
        rebase_weather_path(
            &mut s,
            &scenario::base_dir(file),
            &scenario::base_dir(target),
        );
        if s != upgraded.scenario {
            text = scenario::to_ron_string(&s).map_err(|e| Failure::Internal(e.into()))?;
            comments_kept = false;
        }
    }
    write_atomic(target, |f| std::io::Write::write_all(f, text.as_bytes()))
        .map_err(|e| Failure::BadInput(format!("{e:#}")))?;
    outln!(
        "{}: schema version {} -> {}, written to {}",
        file.display(),
        m.from_version,
        scenario::SCHEMA_VERSION,
        target.display()
    );
    for n in &m.notes {
        outln!("  {}:{n}", file.display());
    }
    if !comments_kept {
        outln!(
            "  note: the file's layout could not be kept; it is written in the program's layout, without its comments"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether two paths name the same file (both canonicalize to the same path).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn compare_command(files: &[PathBuf], json: bool) -> Result<ExitCode, Failure> {
    use report::compare;
    let mut loaded = Vec::with_capacity(files.len());
    for f in files {
        loaded.push((load(f)?, scenario::base_dir(f)));
    }
    let mut engine = Engine::new();
    let mut results = Vec::with_capacity(files.len());
    for (f, (s, base)) in files.iter().zip(&loaded) {
        results.push(
            engine
                .run(s, base)
                .map_err(|e| Failure::BadInput(format!("{}: {e}", f.display())))?,
        );
    }
    let scenarios: Vec<&Scenario> = loaded.iter().map(|(s, _)| s).collect();
    let inputs = compare::input_differences(&scenarios);
    let pairs: Vec<(&Scenario, &dakhla_planner::sim::Results)> =
        scenarios.iter().copied().zip(&results).collect();
    let kpis = compare::kpi_table(&pairs);
    if json {
        let paths: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        let runs: Vec<compare::ComparedRun> = paths
            .iter()
            .zip(&loaded)
            .zip(&results)
            .map(|((file, (s, base)), r)| compare::ComparedRun {
                file,
                scenario: s,
                base_dir: Some(base),
                results: r,
            })
            .collect();
        let doc = compare::compare_json(&runs, &inputs, &kpis);
        let text = serde_json::to_string_pretty(&doc).context("formatting JSON")?;
        outln!("{text}");
    } else {
        out!(
            "{}",
            compare::compare_text(&column_names(files), &inputs, &kpis)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Column headers for files: the file names, or the paths as given where two names are alike.
fn column_names(files: &[PathBuf]) -> Vec<String> {
    let short: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name().map_or_else(
                || f.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let unique = short
        .iter()
        .enumerate()
        .all(|(i, n)| !short[..i].contains(n));
    if unique {
        short
    } else {
        files.iter().map(|f| f.display().to_string()).collect()
    }
}

fn export_command(file: &Path, out: &Path, set: &[String]) -> Result<ExitCode, Failure> {
    let s = with_overrides(load(file)?, set)?;
    let base = scenario::base_dir(file);
    let results = Engine::new()
        .run(&s, &base)
        .map_err(|e| Failure::BadInput(format!("{}: {e}", file.display())))?;
    let summary = report::export::export_all(&s, Some(file), &base, &results, out)
        .map_err(|e| Failure::BadInput(e.to_string()))?;
    for f in &summary.files {
        outln!("{}", f.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn check(files: &[PathBuf]) -> Result<ExitCode, Failure> {
    let mut ok = true;
    for f in files {
        match scenario::load_upgraded(f) {
            Ok(u) => {
                if let Some(m) = &u.migration {
                    outln!("{}: note: {}", f.display(), m.summary());
                    for n in &m.notes {
                        outln!("{}:{n}", f.display());
                    }
                }
                for w in u.scenario.warnings_at(Some(&scenario::base_dir(f))) {
                    outln!("{}: warning: {}: {}", f.display(), w.path, w.message);
                }
            }
            Err(e) => {
                ok = false;
                for line in e.lines() {
                    outln!("{line}");
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
    scenario::write_atomically(path, write)
        .with_context(|| format!("cannot write {}", path.display()))
}
