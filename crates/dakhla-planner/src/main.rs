//! Command line of dakhla-planner. Without a subcommand it opens the GUI; subcommands run
//! headless. Exit codes: 0 ok, 2 bad input (file, value, usage), 1 internal error.

use anyhow::Context;
use clap::{Parser, Subcommand};
use dakhla_i18n::tr;
use dakhla_planner::files::RunFiles;
use dakhla_planner::optimize::SearchOptions;
use dakhla_planner::report;
use dakhla_planner::report::column_width;
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
    /// Language of the text output and the window: en or fr (default: the locale's, from
    /// LC_ALL, LC_MESSAGES or LANG). JSON keys, CSV columns and scenario fields stay English.
    #[arg(long, global = true, value_name = "en|fr", value_parser = ["en", "fr"])]
    lang: Option<String>,
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
        /// With a reliability target (targets.max_lole_h_per_year or max_eue_mwh_per_year):
        /// failure draws per weather year judging each design.
        #[arg(long, value_name = "N",
              default_value_t = dakhla_planner::reliability::sizing::DEFAULT_SIZING_DRAWS,
              value_parser = clap::value_parser!(u32).range(10..=100_000))]
        reliability_draws: u32,
        /// With a reliability target: weather years the target is judged over (at
        /// targets.reliability_percentile).
        #[arg(long, value_name = "N", default_value_t = 1,
              value_parser = clap::value_parser!(u32).range(1..=100))]
        reliability_years: u32,
        /// With a reliability target: write the sizing's path (each design's units, cost, LOLE
        /// and EUE: the front of cost against LOLE) to this CSV file.
        #[arg(long, value_name = "OUT.csv")]
        reliability_front: Option<PathBuf>,
    },
    /// Combine the result files of `optimize --shard` or `reliability --shard` runs into the
    /// study's results.
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
        /// Convert every cost of the scenario to this currency (USD, EUR or MAD) at the
        /// scenario's own exchange rates, and make it the scenario's currency.
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
        /// Write in every figure of a cost set (Morocco2025, NrelAtb2024, DanishEnergyAgency),
        /// converted to the scenario's currency; after --currency when both are given.
        #[arg(long, value_name = "SET")]
        cost_basis: Option<String>,
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
        /// Scenario files (.ron), two or more; the first is the baseline. With --cooling, one.
        #[arg(required = true, num_args = 1.., value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Print one JSON object instead of the side-by-side table.
        #[arg(long)]
        json: bool,
        /// Compare the cooling choices of one scenario: its own heat rejection first, then each
        /// other (dry coolers, adiabatic pads, cooling towers, seawater) at its registry
        /// defaults, on the same supply: cost, PUE, WUE, water and the load the supply serves.
        #[arg(long)]
        cooling: bool,
        /// With --cooling: size the supply for each choice with the optimizer first (what
        /// each needs to meet the targets at least cost), rather than keep the scenario's.
        #[arg(long, requires = "cooling")]
        optimize: bool,
    },
    /// Will the campus stay up? A sequential Monte Carlo of unit failures (backup units,
    /// turbines, inverters, battery power blocks; the scenario's failure data) over weather
    /// years, dispatched hour by hour as `--dispatch` or the scenario says (failures are never
    /// foreseen): LOLE, EUE, LOLP, loss-of-load events and the longest, each with its standard
    /// error, P50 and P90.
    Reliability {
        /// Scenario file (.ron). Without it, the built-in Dakhla reference scenario.
        file: Option<PathBuf>,
        /// Failure draws per weather year.
        #[arg(long, value_name = "N", default_value_t = 1000,
              value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        draws: u32,
        /// Weather years (synthetic years following the scenario's seed; a weather file is
        /// the same each year).
        #[arg(long, value_name = "N", default_value_t = 1,
              value_parser = clap::value_parser!(u32).range(1..=1000))]
        years: u32,
        /// Seed of the failure draws: the same seed gives the same result every time.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// Print one JSON object instead of the readable summary.
        #[arg(long)]
        json: bool,
        /// Also write every sampled year as CSV (sample, weather year, draw, loss of load,
        /// unserved energy, events, longest event, backup energy, survival shares).
        #[arg(long, value_name = "OUT.csv", conflicts_with = "shard")]
        csv: Option<PathBuf>,
        /// Run only the sampled years of shard i of n (those numbered i-1 modulo n, as Slurm
        /// array task ids count from 1) and write them to --out; `merge` combines the shards.
        #[arg(long, value_name = "i/n")]
        shard: Option<String>,
        /// Result file of --shard (default: reliability-shard-i-of-n.json).
        #[arg(long, value_name = "SHARD.json", requires = "shard")]
        out: Option<PathBuf>,
        /// What the dispatch knows of the future: perfect, greedy or forecast:H (H hours
        /// ahead). Default: the scenario's `simulation.dispatch`.
        #[arg(long, value_name = "MODE", value_parser = parse_dispatch_mode)]
        dispatch: Option<dakhla_planner::scenario::DispatchMode>,
        /// Override a field before running (repeatable), as for `simulate`.
        #[arg(long = "set", value_name = "PATH=VALUE")]
        set: Vec<String>,
    },
    /// Describe what the program reports and reads: `kpis` (every KPI: key, label, unit,
    /// which way is better, section, help), `fields` (every scenario input: path, label,
    /// unit, help, plausible range, default) or `hourly` (every column of `--hourly`).
    Describe {
        /// What to describe.
        what: Describable,
        /// Print JSON (a list of objects) instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// What `describe` describes.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Describable {
    /// Every KPI of a run (the `kpis` object of `simulate --json`).
    Kpis,
    /// Every input of a scenario file (the paths `--set` takes, `[]` for list items).
    Fields,
    /// Every column of `simulate --hourly` (name, unit, meaning).
    Hourly,
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
/// quietly instead of panicking as `print!` does. Control characters that came from a file (a
/// name, a path) are shown as escapes, never sent to the terminal raw.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($arg)*);
        let written = write!(
            std::io::stdout().lock(),
            "{}",
            dakhla_planner::text::terminal_safe(&text)
        );
        note_output_error(written);
    }};
}

/// The first error writing standard output other than a closed pipe (a full disk, say): the
/// run then ends with it instead of exiting 0 with its output lost.
static OUTPUT_ERROR: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn note_output_error(r: std::io::Result<()>) {
    if let Err(e) = r
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = OUTPUT_ERROR.set(dakhla_planner::files::in_words(e).to_string());
    }
}

/// [`out!`] with a line end.
macro_rules! outln {
    ($($arg:tt)*) => {{
        out!($($arg)*);
        out!("\n");
    }};
}

/// A line on standard error, made safe as [`out!`] does.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($arg)*);
        let _ = writeln!(
            std::io::stderr().lock(),
            "{}",
            dakhla_planner::text::terminal_safe(&text)
        );
    }};
}

/// Print a JSON document: control and direction characters inside its strings are escaped
/// (`\u001b`), so that the output is safe on a terminal and the same JSON value.
fn print_json(doc: &serde_json::Value) -> Result<(), Failure> {
    use std::io::Write as _;
    let text = serde_json::to_string_pretty(doc).context("formatting JSON")?;
    note_output_error(writeln!(
        std::io::stdout().lock(),
        "{}",
        dakhla_planner::text::json_safe(&text)
    ));
    Ok(())
}

fn main() -> ExitCode {
    dakhla_planner::gui::PROCESS_START.get_or_init(std::time::Instant::now);
    // The language before the arguments are parsed, so that even a usage error speaks it.
    let lang_flag = lang_argument(std::env::args_os());
    dakhla_i18n::set(lang_flag.unwrap_or_else(dakhla_i18n::from_env));
    let parsed = command_line().try_get_matches().and_then(|mut m| {
        <Cli as clap::FromArgMatches>::from_arg_matches_mut(&mut m)
            .map_err(|e| e.format(&mut command_line()))
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // Usage errors quote the arguments: shown safely and shortened (a value of 100,000
            // characters is named by its start), exit 2 (help and version: 0).
            let text: String = e
                .render()
                .to_string()
                .split_inclusive(char::is_whitespace)
                .map(|word| {
                    if word.chars().count() > 200 {
                        dakhla_planner::text::shorten_to(word, 120)
                    } else {
                        word.to_owned()
                    }
                })
                .collect();
            if e.use_stderr() {
                errln!("{}", text.trim_end());
            } else {
                outln!("{}", text.trim_end());
            }
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let result = match cli.command {
        None => gui(cli.files, lang_flag),
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
            reliability_draws,
            reliability_years,
            reliability_front,
        }) => {
            let options = SearchOptions {
                extra_starts: extra_starts as usize,
                step_tolerance,
                ..SearchOptions::default()
            };
            if !(step_tolerance > 1e-7 && step_tolerance < 0.5) {
                Err(Failure::BadInput(tr!(
                    "cli-step-tolerance-range",
                    value = step_tolerance.to_string()
                )))
            } else {
                let ignored: Vec<&str> = [
                    ("--json", json),
                    ("--hourly", hourly.is_some()),
                    ("--save", save.is_some()),
                    ("--reliability-front", reliability_front.is_some()),
                ]
                .into_iter()
                .filter_map(|(flag, given)| given.then_some(flag))
                .collect();
                match shard {
                    Some(_) if !ignored.is_empty() => Err(Failure::BadInput(tr!(
                        "cli-shard-cannot-combine",
                        flags = ignored.join(", ")
                    ))),
                    Some(sh) => optimize_shard(
                        file.as_deref(),
                        &set,
                        &sh,
                        out,
                        years,
                        pareto.as_deref(),
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
                        dakhla_planner::reliability::AdequacyOptions {
                            draws: reliability_draws,
                            years: reliability_years,
                            seed: 1,
                        },
                        reliability_front.as_deref(),
                    ),
                }
            }
        }
        Some(Command::Merge { files, csv, json }) => merge_command(&files, csv.as_deref(), json),
        Some(Command::Migrate {
            file,
            out,
            currency,
            cost_basis,
        }) => migrate_command(
            &file,
            out.as_deref(),
            currency.as_deref(),
            cost_basis.as_deref(),
        ),
        Some(Command::Export { file, out, set }) => export_command(&file, &out, &set),
        Some(Command::Check { files }) => check(&files),
        Some(Command::Reliability {
            file,
            draws,
            years,
            seed,
            json,
            csv,
            shard,
            out,
            dispatch,
            set,
        }) => reliability_command(
            file.as_deref(),
            &set,
            dispatch,
            dakhla_planner::reliability::AdequacyOptions { draws, years, seed },
            ReliabilityOutputs {
                json,
                csv: csv.as_deref(),
                shard: shard.as_deref(),
                out,
            },
        ),
        Some(Command::Compare {
            files,
            json,
            cooling,
            optimize,
        }) => {
            if cooling {
                compare_cooling_command(&files, json, optimize)
            } else {
                compare_command(&files, json)
            }
        }
        Some(Command::Describe { what, json }) => describe_command(what, json),
    };
    // Output that could not be written (a full disk) is a failure, said on standard error.
    note_output_error(std::io::Write::flush(&mut std::io::stdout()));
    let result = match (result, OUTPUT_ERROR.get()) {
        (Ok(_), Some(e)) => Err(Failure::Internal(anyhow::anyhow!(
            "{}",
            tr!("cli-cannot-write-output", error = e.as_str())
        ))),
        (r, _) => r,
    };
    match result {
        Ok(code) => code,
        Err(Failure::BadInput(msg)) => {
            errln!("{msg}");
            ExitCode::from(2)
        }
        Err(Failure::Internal(e)) => {
            errln!("{}", tr!("cli-internal-error", error = format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

/// The value of `--lang X` or `--lang=X` anywhere in the arguments (before `--`), if it names a
/// language; clap checks it again and refuses a bad one.
fn lang_argument(args: impl Iterator<Item = std::ffi::OsString>) -> Option<dakhla_i18n::Lang> {
    let args: Vec<String> = args
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .take_while(|a| a != "--")
        .collect();
    args.iter().enumerate().find_map(|(k, a)| {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.get(k + 1)?.as_str(),
            Some(rest) => rest.strip_prefix('=')?,
            None => return None,
        };
        dakhla_i18n::Lang::parse(value).ok()
    })
}

/// The command line as clap parses it, with every text `--help` shows in the current language.
///
/// The texts of the program's own commands and options are catalog messages (cli.ftl), keyed by
/// subcommand and argument id: `help-about` and `help-after` (the program), `help-lang`
/// (a top-level argument), `help-simulate` (a subcommand's about), `help-simulate-hourly` (its
/// argument `hourly`; `_` in an id reads `-`), `help-describe-what-kpis` (a possible value), a
/// `.long` attribute for a long help. Their English is the doc comments' text, so English
/// `--help` reads as clap writes it from the doc comments (a test checks every one): a new
/// option needs only its catalog entries.
///
/// clap's own words (`Usage:`, the headings, `Print help`, `[default: ...]`, `[possible
/// values: ...]`) are `help-clap-*` messages: in English clap writes them itself; in another
/// language the help template, the headings and the texts of the flags clap adds are replaced,
/// and the default and possible values are written into the help texts.
fn command_line() -> clap::Command {
    use clap::CommandFactory;
    let english = dakhla_i18n::current() == dakhla_i18n::Lang::En;
    let mut cmd = help_texts(Cli::command(), None, &mut |id, _| tr!(id));
    // clap adds --help, --version and the `help` subcommand, and copies global options into the
    // subcommands, when it builds a command (as parsing does first): build now to give them
    // their words. Building is idempotent; parsing then builds nothing again.
    let _ = cmd.render_usage();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |mut sub| {
            let _ = sub.render_usage();
            clap_words(sub, english)
        });
    }
    clap_words(cmd, english)
}

/// `cmd` (the program when `sub` is None, else subcommand `sub`) with its about, its arguments'
/// help and its subcommands' texts replaced by `text(id, clap's text)` (see [`command_line`]
/// for the ids). Possible values' help is only passed to `text`, not replaced (see
/// [`possible_value_texts`]).
fn help_texts(
    mut cmd: clap::Command,
    sub: Option<&str>,
    text: &mut dyn FnMut(&str, String) -> String,
) -> clap::Command {
    let prefix = sub.map_or_else(|| "help".to_owned(), |s| format!("help-{s}"));
    let id_of = |name: &str| format!("{prefix}-{}", name.replace('_', "-"));
    let about_id = match sub {
        None => "help-about".to_owned(),
        Some(_) => prefix.clone(),
    };
    if let Some(about) = cmd.get_about().map(|a| a.to_string()) {
        cmd = cmd.about(text(&about_id, about));
    }
    if let Some(about) = cmd.get_long_about().map(|a| a.to_string()) {
        cmd = cmd.long_about(text(&format!("{about_id}.long"), about));
    }
    if let Some(after) = cmd.get_after_help().map(|a| a.to_string()) {
        cmd = cmd.after_help(text(&id_of("after"), after));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for arg in ids {
        let id = id_of(&arg);
        cmd = cmd.mut_arg(arg, |mut a| {
            if let Some(help) = a.get_help().map(|h| h.to_string()) {
                a = a.help(text(&id, help));
            }
            if let Some(help) = a.get_long_help().map(|h| h.to_string()) {
                a = a.long_help(text(&format!("{id}.long"), help));
            }
            for v in a.get_possible_values() {
                if let Some(help) = v.get_help() {
                    text(&value_id(&id, v.get_name()), help.to_string());
                }
            }
            a
        });
    }
    if sub.is_none() {
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect();
        for name in names {
            cmd = cmd.mut_subcommand(name.clone(), |c| help_texts(c, Some(&name), &mut *text));
        }
    }
    cmd
}

/// The catalog id of possible value `value` of the argument of id `arg_id`.
fn value_id(arg_id: &str, value: &str) -> String {
    format!("{arg_id}-{}", value.replace('_', "-"))
}

/// The possible values of argument `arg` (catalog id `id`) with their help in the current
/// language; `None` when none of them has help. clap keeps a value's help in the value parser,
/// which cannot be changed without changing the type parsed: [`clap_words`] writes these into
/// the argument's long help instead, outside English.
fn possible_value_texts(arg: &clap::Arg, id: &str) -> Option<Vec<(String, String)>> {
    let values = arg.get_possible_values();
    if !values
        .iter()
        .any(|v| v.get_help().is_some() && !v.is_hide_set())
    {
        return None;
    }
    Some(
        values
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| {
                let help = if v.get_help().is_some() {
                    tr!(&value_id(id, v.get_name()))
                } else {
                    String::new()
                };
                (v.get_name().to_owned(), help)
            })
            .collect(),
    )
}

/// A built command with clap's own words from the catalog: the texts of the flags and the
/// `help` subcommand clap added (English as clap writes them), and outside English the usage
/// heading, the headings, and the default and possible values written into the help texts.
fn clap_words(mut cmd: clap::Command, english: bool) -> clap::Command {
    let prefix = match cmd.get_name() {
        "dakhla-planner" => "help".to_owned(),
        name => format!("help-{name}"),
    };
    // The texts clap gives what it adds, in English: the catalog's words for them.
    let generated = |text: &str| -> Option<String> {
        let id = match text {
            "Print help" => "help-clap-print-help",
            "Print help (see more with '--help')" => "help-clap-print-help-more",
            "Print help (see a summary with '-h')" => "help-clap-print-help-summary",
            "Print version" => "help-clap-print-version",
            "Print help for the subcommand(s)" => "help-clap-help-subcommands",
            "Print this message or the help of the given subcommand(s)" => "help-clap-help",
            _ => return None,
        };
        Some(tr!(id))
    };
    if let Some(text) = cmd.get_about().map(|a| a.to_string())
        && let Some(words) = generated(&text)
    {
        cmd = cmd.about(words);
    }
    // clap takes headings as static text (without its `string` feature): a few words, once a
    // command, outside English.
    let headings: Option<(&'static str, &'static str, &'static str)> = (!english).then(|| {
        (
            tr!("help-clap-arguments").leak() as &str,
            tr!("help-clap-options").leak() as &str,
            tr!("help-clap-commands").leak() as &str,
        )
    });
    // Whether clap shows this command's help in its long form for --help.
    let long_help = cmd.get_arguments().any(|a| {
        a.get_long_help()
            .is_some_and(|h| generated(&h.to_string()).is_some())
    });
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for arg in ids {
        let id = format!("{prefix}-{}", arg.replace('_', "-"));
        cmd = cmd.mut_arg(arg, |mut a| {
            if let Some(words) = a.get_help().and_then(|h| generated(&h.to_string())) {
                a = a.help(words);
            }
            if let Some(words) = a.get_long_help().and_then(|h| generated(&h.to_string())) {
                a = a.long_help(words);
            }
            let Some((arguments, options, _)) = headings else {
                return a;
            };
            let heading = if a.is_positional() {
                arguments
            } else {
                options
            };
            a = a.help_heading(heading);
            // [default: ...] and [possible values: ...], as clap writes them after the help.
            let takes_value = a.get_num_args().is_some_and(|n| n.takes_values());
            let default = (takes_value
                && !a.is_hide_default_value_set()
                && !a.get_default_values().is_empty())
            .then(|| {
                let values: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                tr!("help-clap-default", value = values.join(" "))
            });
            let shown_values = !a.is_hide_possible_values_set();
            let names: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            let values = (shown_values && !names.is_empty())
                .then(|| tr!("help-clap-possible-values", values = names.join(", ")));
            let value_texts = possible_value_texts(&a, &id).filter(|_| shown_values);
            if default.is_none() && values.is_none() {
                return a;
            }
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            let long = a.get_long_help().map(|h| h.to_string());
            let join = |parts: &[Option<String>], sep: &str| {
                parts
                    .iter()
                    .flatten()
                    .filter(|p| !p.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            a = a.hide_default_value(true).hide_possible_values(true);
            a = a.help(join(
                &[Some(help.clone()), default.clone(), values.clone()],
                " ",
            ));
            if long_help {
                // The long form: the help; the possible values one a line with their help
                // (when they have help); then the others, a line each.
                let text = long.unwrap_or(help);
                let (block, specs) = match value_texts {
                    Some(texts) => {
                        let width = texts.iter().map(|(n, _)| n.chars().count()).max();
                        let lines: Vec<String> = texts
                            .iter()
                            .map(|(name, help)| {
                                let pad = width.unwrap_or(0) - name.chars().count();
                                let colon = tr!("help-clap-value-colon");
                                format!("- {name}{colon} {:pad$}{help}", "")
                            })
                            .collect();
                        let heading = tr!("help-clap-possible-values-heading");
                        (
                            Some(format!("{heading}\n{}", lines.join("\n"))),
                            vec![default],
                        )
                    }
                    None => (None, vec![default, values]),
                };
                let specs = join(&specs, "\n");
                a = a.long_help(join(&[Some(text), block, Some(specs)], "\n\n"));
            }
            a
        });
    }
    let Some((_, _, commands)) = headings else {
        return cmd;
    };
    let usage = *cmd.get_styles().get_usage();
    cmd.subcommand_help_heading(commands).help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{}{}{} {{usage}}\n\n{{all-args}}{{after-help}}",
        usage.render(),
        tr!("help-clap-usage"),
        usage.render_reset()
    ))
}

fn gui(files: Vec<PathBuf>, lang: Option<dakhla_i18n::Lang>) -> Result<ExitCode, Failure> {
    dakhla_planner::gui::run_native(files, lang).map_err(|e| {
        Failure::Internal(anyhow::anyhow!(
            "{}",
            tr!("cli-no-window", error = e.to_string())
        ))
    })?;
    Ok(ExitCode::SUCCESS)
}

/// A path as messages show it (control characters and line ends escaped).
fn shown(p: impl AsRef<Path>) -> String {
    dakhla_planner::text::path_text(p.as_ref())
}

fn bad(message: impl Into<String>) -> Failure {
    Failure::BadInput(message.into())
}

/// A figure with `decimals` decimals, for a person: exactly `format!("{v:.decimals$}")` in
/// English (as the output has always read, byte for byte), the French way in French
/// ("1 234,5").
fn fig(v: f64, decimals: usize) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => format!("{v:.decimals$}"),
        _ => dakhla_i18n::number(v, decimals),
    }
}

/// A count, for a person: "8300" in English, "8 300" in French.
fn count(n: u64) -> String {
    fig(n as f64, 0)
}

/// A share as a percentage with its sign: "91.40 %" in English, "91,40 %" in French.
fn pct(share: f64, decimals: usize) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => format!("{:.decimals$} %", share * 100.0),
        _ => dakhla_i18n::percent(share, decimals),
    }
}

/// The sign after a percentage in a table: " %" in English, a no-break space and "%" in
/// French.
fn percent_sign() -> &'static str {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => " %",
        _ => "\u{a0}%",
    }
}

/// A value written as the program writes it in English ("0.25", "1e-5"), with a decimal comma
/// in French.
fn decimal_comma(text: String) -> String {
    match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => text,
        _ => text.replace('.', ","),
    }
}

/// What a path is ("a folder", as `files::kind_of` says it) in the current language.
fn kind_words(kind: &str) -> String {
    let id = match kind {
        "a folder" => "cli-kind-folder",
        "a file" => "cli-kind-file",
        "a symbolic link" => "cli-kind-symlink",
        "a block device" => "cli-kind-block-device",
        "a character device" => "cli-kind-char-device",
        "a named pipe" => "cli-kind-named-pipe",
        "a socket" => "cli-kind-socket",
        "not a regular file" => "cli-kind-not-regular",
        _ => return kind.to_owned(),
    };
    tr!(id)
}

fn load(path: &Path) -> Result<Scenario, Failure> {
    Ok(load_noted(path)?.scenario)
}

/// The scenario of `path` with its text (in the current schema), noting a migration.
fn load_noted(path: &Path) -> Result<scenario::Upgraded, Failure> {
    let upgraded = scenario::load_upgraded(path).map_err(|e| bad(e.to_string()))?;
    if let Some(m) = &upgraded.migration {
        errln!(
            "{}",
            tr!(
                "cli-note-migrate",
                file = shown(path),
                summary = m.summary()
            )
        );
    }
    Ok(upgraded)
}

/// Weather files (.epw, .csv) of a folder, sorted by name.
fn weather_files_in(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        bad(tr!(
            "cli-cannot-read-folder",
            folder = shown(dir),
            error = e.to_string()
        ))
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
        return Err(bad(tr!("cli-folder-no-weather", folder = shown(dir))));
    }
    Ok(files)
}

/// The weather source of a `--weather` file, its path written relative to the scenario's folder
/// `base` where it can be (so that nothing of the folders around both, such as the working
/// folder's name, becomes part of the scenario).
fn weather_source_for(path: &Path, base: &Path) -> Result<scenario::WeatherSource, Failure> {
    let abs = std::path::absolute(path).map_err(|e| bad(format!("{}: {e}", shown(path))))?;
    match std::fs::metadata(&abs) {
        Ok(m) if m.is_file() => {}
        Ok(m) => {
            return Err(bad(tr!(
                "cli-weather-not-a-file",
                file = shown(path),
                kind = kind_words(dakhla_planner::files::kind_of(&m))
            )));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(bad(tr!("cli-weather-missing", file = shown(path))));
        }
        Err(e) => {
            return Err(bad(tr!(
                "cli-weather-unreachable",
                file = shown(path),
                error = dakhla_planner::files::in_words(e).to_string()
            )));
        }
    }
    let written = std::fs::canonicalize(&abs)
        .ok()
        .zip(std::fs::canonicalize(base).ok())
        .and_then(|(file, dir)| scenario::relative_path(&file, &dir))
        .unwrap_or_else(|| abs.clone());
    let Some(text) = written.to_str() else {
        return Err(bad(tr!("cli-weather-path-not-utf8", file = shown(path))));
    };
    Ok(scenario::WeatherSource::file(text.to_owned(), None))
}

/// Most weather years of one run (as `--years` allows).
const MAX_YEARS: usize = 1000;

/// Note the scenario file and the weather file it reads as inputs of the run.
fn note_inputs(run: &mut RunFiles, file: Option<&Path>, s: &Scenario, base: &Path) {
    if let Some(f) = file {
        run.input("the scenario", f);
    }
    if let Some(p) = s.weather.file_path() {
        run.input("the weather file", &base.join(p));
    }
}

fn simulate_command(
    file: Option<&Path>,
    set: &[String],
    json: bool,
    hourly: Option<&Path>,
    years: Option<u32>,
    weather: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let weather_dir = weather.filter(|w| w.is_dir());
    if hourly.is_some() && (years.is_some() || weather_dir.is_some()) {
        return Err(bad(tr!(
            "cli-hourly-with-years",
            what = if years.is_some() {
                "--years".to_owned()
            } else {
                tr!("cli-a-weather-folder")
            }
        )));
    }
    let (mut s, base) = load_or_builtin(file)?;
    s = with_overrides(s, set)?;
    note_optimizer_overrides(set, "simulate");
    let mut run = RunFiles::new();
    note_inputs(&mut run, file, &s, &base);
    match (weather_dir, weather) {
        (Some(dir), _) => {
            let mut files = weather_files_in(dir)?;
            if let Some(n) = years {
                if n as usize > files.len() {
                    return Err(bad(tr!(
                        "cli-years-more-than-files",
                        years = n.to_string(),
                        folder = shown(dir),
                        files = count(files.len() as u64)
                    )));
                }
                files.truncate(n as usize);
            }
            if files.len() > MAX_YEARS {
                return Err(bad(tr!(
                    "cli-too-many-weather-files",
                    folder = shown(dir),
                    files = count(files.len() as u64),
                    max = count(MAX_YEARS as u64)
                )));
            }
            let sources = files
                .iter()
                .map(|f| weather_source_for(f, &base))
                .collect::<Result<Vec<_>, _>>()?;
            simulate_years(&s, &base, file, json, sources)
        }
        (None, Some(w)) => {
            let src = weather_source_for(w, &base)?;
            run.input("the weather file", w);
            if let Some(out) = hourly {
                run.output("--hourly", out).map_err(bad)?;
            }
            match years {
                // One file, several years: the same weather ages year by year.
                Some(n) => {
                    if n > 1 {
                        errln!(
                            "{}",
                            tr!(
                                "cli-note-same-weather-each-year",
                                file = shown(w),
                                years = count(n.into())
                            )
                        );
                    }
                    simulate_years(&s, &base, file, json, vec![src; n as usize])
                }
                None => {
                    s.weather = src;
                    simulate(&s, &base, file, json, hourly)
                }
            }
        }
        (None, None) => {
            if let Some(out) = hourly {
                run.output("--hourly", out).map_err(bad)?;
            }
            match years {
                Some(n) => {
                    let sources = dakhla_planner::sim::years::synthetic_years(&s, n);
                    simulate_years(&s, &base, file, json, sources)
                }
                None => simulate(&s, &base, file, json, hourly),
            }
        }
    }
}

fn simulate(
    s: &Scenario,
    base: &Path,
    file: Option<&Path>,
    json: bool,
    hourly: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let mut engine = Engine::new();
    let results = engine.run(s, base).map_err(|e| run_failure(file, &e))?;
    if let Some(out) = hourly {
        write_atomic(out, |w| report::write_hourly_csv(&results, w))
            .map_err(|e| bad(format!("{e:#}")))?;
    }
    if json {
        print_json(&report::json_document(s, file, &results))?;
    } else {
        out!("{}", report::summary_text(s, &results));
    }
    Ok(ExitCode::SUCCESS)
}

/// `--dispatch` of `reliability`.
fn parse_dispatch_mode(text: &str) -> Result<dakhla_planner::scenario::DispatchMode, String> {
    dakhla_planner::scenario::DispatchMode::parse(text)
}

/// Where a reliability run's results go.
struct ReliabilityOutputs<'a> {
    json: bool,
    csv: Option<&'a Path>,
    shard: Option<&'a str>,
    out: Option<PathBuf>,
}

fn reliability_command(
    file: Option<&Path>,
    set: &[String],
    dispatch: Option<dakhla_planner::scenario::DispatchMode>,
    options: dakhla_planner::reliability::AdequacyOptions,
    outputs: ReliabilityOutputs,
) -> Result<ExitCode, Failure> {
    use dakhla_planner::optimize::study::parse_shard;
    use dakhla_planner::reliability::{FailureModel, adequacy, study};
    let samples = u64::from(options.draws) * u64::from(options.years);
    if samples > study::MAX_STUDY_SAMPLES {
        return Err(bad(tr!(
            "cli-too-many-samples",
            draws = options.draws.to_string(),
            years = options.years.to_string(),
            samples = count(samples),
            max = count(study::MAX_STUDY_SAMPLES)
        )));
    }
    let shard = outputs
        .shard
        .map(|t| parse_shard(t).map_err(Failure::BadInput))
        .transpose()?;
    if let Some((i, n)) = shard {
        if u64::from(n) > samples {
            return Err(bad(tr!(
                "cli-reliability-shard-too-many",
                shard = format!("{i}/{n}"),
                samples = count(samples)
            )));
        }
        if outputs.json {
            errln!("{}", tr!("cli-note-shard-json"));
        }
    }
    let (s, base) = load_or_builtin(file)?;
    let mut s = with_overrides(s, set)?;
    note_optimizer_overrides(set, "reliability");
    if let Some(mode) = dispatch {
        s.simulation.dispatch = mode;
    }
    if options.years > 1 && s.weather.file_path().is_some() {
        errln!(
            "{}",
            tr!(
                "cli-note-weather-file-years",
                scenario = scenario_label(file),
                years = count(options.years.into())
            )
        );
    }
    let mut run = RunFiles::new();
    note_inputs(&mut run, file, &s, &base);
    let out = shard.map(|(i, n)| {
        outputs
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from(format!("reliability-shard-{i}-of-{n}.json")))
    });
    if let Some(out) = &out {
        run.output("--out", out).map_err(bad)?;
    }
    if let Some(csv) = outputs.csv {
        run.output("--csv", csv).map_err(bad)?;
    }
    let t0 = std::time::Instant::now();
    let years =
        adequacy::year_profiles(&s, &base, options.years).map_err(|e| run_failure(file, &e))?;
    let model = FailureModel::of(&s);
    let mine = shard.map_or(samples, |(i, n)| study::samples_in_shard(samples, i, n));
    let unit_years = model.unit_count().saturating_mul(mine);
    if unit_years > study::MAX_UNIT_YEARS {
        return Err(bad(tr!(
            "cli-too-many-unit-years",
            units = count(model.unit_count()),
            samples = count(mine),
            max = count(study::MAX_UNIT_YEARS)
        )));
    }
    let never = no_cancel();
    let (i, n) = shard.unwrap_or((1, 1));
    let result = study::run_shard(&s, &model, &years, &options, i, n, &never, |_, _| {});
    if let Some(out) = &out {
        let text = serde_json::to_string_pretty(&result).context("formatting JSON")?;
        write_atomic(out, |w| {
            use std::io::Write;
            w.write_all(text.as_bytes())
        })
        .map_err(|e| bad(format!("{e:#}")))?;
        errln!(
            "{}",
            tr!(
                "cli-reliability-shard-written",
                shard = format!("{i}/{n}"),
                written = count(result.results.len() as u64),
                samples = count(samples),
                file = shown(out),
                seconds = fig(t0.elapsed().as_secs_f64(), 1)
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(csv) = outputs.csv {
        write_atomic(csv, |w| {
            study::write_samples_csv(&result.results, w).map_err(std::io::Error::other)
        })
        .map_err(|e| bad(format!("{e:#}")))?;
    }
    let wall_s = t0.elapsed().as_secs_f64();
    print_reliability(
        &result,
        &result.results,
        file.map_or_else(|| tr!("cli-builtin"), shown),
        wall_s,
        outputs.json,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The statistics of a reliability study (a whole run, or merged shards) as text or JSON.
fn print_reliability(
    header: &dakhla_planner::reliability::study::ReliabilityShard,
    samples: &[dakhla_planner::reliability::study::SampleResult],
    source: String,
    wall_s: f64,
    json: bool,
) -> Result<(), Failure> {
    use dakhla_planner::reliability::AdequacyStats;
    use dakhla_planner::reliability::study::SampleResult;
    let sampled: Vec<_> = samples.iter().map(SampleResult::sampled_year).collect();
    let stats = AdequacyStats::of(&sampled);
    let foresight = &header.without_failures;
    if json {
        let mut doc = serde_json::to_value(&stats).context("formatting JSON")?;
        if let Some(o) = doc.as_object_mut() {
            o.insert("draws".into(), header.draws.into());
            o.insert("years".into(), header.years.into());
            o.insert("seed".into(), header.seed.into());
            o.insert("dispatch".into(), header.dispatch.clone().into());
            o.insert(
                "without_failures".into(),
                serde_json::to_value(foresight).context("formatting JSON")?,
            );
            o.insert("scenario".into(), header.scenario_name.clone().into());
            o.insert("study_sha256".into(), header.study_sha256.clone().into());
            o.insert("wall_s".into(), wall_s.into());
        }
        print_json(&doc)?;
    } else {
        out!("{}", reliability_text(header, &source, &stats, wall_s));
        let backup_head = tr!("cli-rel-col-backup");
        let backup_w = column_width(14, [&backup_head]);
        outln!(
            "  {}\n    {:<28} {:>10} {:>12} {:>backup_w$}",
            tr!("cli-rel-without-failures"),
            tr!("cli-rel-col-dispatch"),
            "LOLE h",
            "EUE MWh",
            backup_head
        );
        for m in &foresight.modes {
            outln!(
                "    {:<28} {:>10} {:>12} {:>backup_w$}",
                m.dispatch,
                fig(m.lole_h_per_year, 1),
                fig(m.eue_mwh_per_year, 1),
                fig(m.backup_energy_mwh_per_year, 0)
            );
        }
        outln!("  {}", tr!("cli-rel-gaps"));
    }
    Ok(())
}

/// A dispatch mode (as the scenario writes it) in words, in the current language.
fn dispatch_words(label: &str) -> String {
    use dakhla_planner::scenario::DispatchMode;
    match DispatchMode::parse(label) {
        Ok(DispatchMode::PerfectForesight) => tr!("cli-dispatch-perfect"),
        Ok(DispatchMode::Forecast { horizon_h }) => {
            tr!("cli-dispatch-forecast", hours = horizon_h.to_string())
        }
        Ok(DispatchMode::Greedy) => tr!("cli-dispatch-greedy"),
        Err(_) => label.to_owned(),
    }
}

/// The readable summary of a reliability run.
fn reliability_text(
    h: &dakhla_planner::reliability::study::ReliabilityShard,
    source: &str,
    st: &dakhla_planner::reliability::AdequacyStats,
    wall_s: f64,
) -> String {
    use dakhla_planner::reliability::Estimate;
    let events = tr!("cli-rel-events");
    let longest = tr!("cli-rel-longest");
    let backup = tr!("cli-rel-backup-energy");
    let outages: Vec<String> = st
        .survival
        .iter()
        .flatten()
        .map(|p| format!("  {}", tr!("cli-rel-outage", hours = fig(p.duration_h, 0))))
        .collect();
    let width = column_width(22, [&events, &longest, &backup].into_iter().chain(&outages));
    let row = |label: &str, e: &Estimate, unit: &str, dec: usize| {
        format!(
            "  {label:<width$} {:>10} {unit:<7} ± {}   P50 {}   P90 {}\n",
            fig(e.mean, dec),
            fig(e.std_error, dec),
            fig(e.p50, dec),
            fig(e.p90, dec)
        )
    };
    let mut t = format!(
        "{}\n",
        tr!(
            "cli-rel-title",
            scenario = dakhla_planner::text::terminal_safe(&h.scenario_name).into_owned(),
            source = source,
            draws = count(h.draws.into()),
            draws_count = h.draws,
            years = count(h.years.into()),
            years_count = h.years,
            seed = h.seed.to_string(),
            dispatch = dispatch_words(&h.dispatch)
        )
    );
    t += &row("LOLE", &st.lole_h_per_year, "h/yr", 2);
    t += &row("EUE", &st.eue_mwh_per_year, "MWh/yr", 1);
    t += &row("LOLP", &st.lolp, "", 6);
    t += &row(&events, &st.events_per_year, "/yr", 2);
    t += &row(&longest, &st.longest_event_h, "h", 1);
    t += &row(&backup, &st.backup_energy_mwh_per_year, "MWh/yr", 0);
    if let Some(curve) = &st.survival {
        t += &format!("  {}\n", tr!("cli-rel-survival"));
        for (p, label) in curve.iter().zip(&outages) {
            t += &row(
                label,
                &Estimate {
                    mean: 100.0 * p.probability.mean,
                    std_error: 100.0 * p.probability.std_error,
                    p50: 100.0 * p.probability.p50,
                    p90: 100.0 * p.probability.p90,
                },
                "%",
                1,
            );
        }
    }
    t += &format!(
        "  {}\n",
        tr!(
            "cli-rel-footnote",
            samples = count(st.samples as u64),
            seconds = fig(wall_s, 1)
        )
    );
    t
}

/// Say so when an override sets an `optimizer.*` field for a command that does not optimize:
/// the value is valid but changes nothing here.
fn note_optimizer_overrides(set: &[String], command: &str) {
    for a in set {
        if a.trim_start().starts_with("optimizer.") || a.trim_start().starts_with("optimizer=") {
            errln!(
                "{}",
                tr!(
                    "cli-note-optimizer-override",
                    set = dakhla_planner::text::shorten_to(a, 120),
                    command = command
                )
            );
        }
    }
}

/// The scenario with every `--set path=value` applied, then validated once (their order does
/// not matter).
fn with_overrides(s: Scenario, set: &[String]) -> Result<Scenario, Failure> {
    scenario::apply_overrides(&s, set).map_err(Failure::BadInput)
}

/// [`load_or_builtin`] with the text the scenario was read from, the base that writing it back
/// edits so that its comments and layout stay.
fn load_or_builtin_text(file: Option<&Path>) -> Result<(Scenario, PathBuf, String), Failure> {
    Ok(match file {
        Some(f) => {
            let u = load_noted(f)?;
            (u.scenario, scenario::base_dir(f), u.text)
        }
        None => (
            Scenario::dakhla_reference(),
            PathBuf::from("."),
            scenario::DAKHLA_REFERENCE_RON.to_owned(),
        ),
    })
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
        print_json(&serde_json::json!({
            "program": "dakhla-planner",
            "program_version": env!("CARGO_PKG_VERSION"),
            "scenario": { "name": s.meta.name, "file": file.map(|f| f.display().to_string()) },
            "years_count": runs.len(),
            "percentile_method": "linear between order statistics (type 7); p90 is the value met in 90 % of years",
            "distribution": dist,
            "years": runs,
        }))?;
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
                .map(|d| format!("{}{sep}", shown(d)))
                .unwrap_or_default();
            let shown = [cwd, format!(".{sep}")]
                .iter()
                .find_map(|prefix| {
                    text.strip_prefix(prefix.as_str())
                        .filter(|_| !prefix.is_empty())
                })
                .unwrap_or(&text);
            bad(shown)
        }
        _ => bad(format!("{}: {e}", scenario_label(file))),
    }
}

fn scenario_label(file: Option<&Path>) -> String {
    file.map_or_else(|| tr!("cli-builtin-scenario"), |f| shown(f).to_string())
}

fn no_cancel() -> std::sync::atomic::AtomicBool {
    std::sync::atomic::AtomicBool::new(false)
}

#[allow(clippy::too_many_arguments)]
fn optimize_command(
    file: Option<&Path>,
    set: &[String],
    json: bool,
    hourly: Option<&Path>,
    save: Option<&Path>,
    pareto_csv: Option<&Path>,
    options: &SearchOptions,
    reliability: dakhla_planner::reliability::AdequacyOptions,
    reliability_front: Option<&Path>,
) -> Result<ExitCode, Failure> {
    use dakhla_planner::optimize::{self, Control, study};
    if reliability_front.is_some() && {
        let (s, _) = load_or_builtin(file)?;
        !with_overrides(s, set)?.targets.has_reliability_target()
    } {
        return Err(bad(tr!("cli-reliability-front-needs-target")));
    }
    let (s, base, original_text) = load_or_builtin_text(file)?;
    let s = with_overrides(s, set)?;
    let mut run = RunFiles::new();
    note_inputs(&mut run, file, &s, &base);
    for (role, out) in [
        ("--hourly", hourly),
        ("--save", save),
        ("--pareto", pareto_csv),
        ("--reliability-front", reliability_front),
    ] {
        if let Some(out) = out {
            run.output(role, out).map_err(bad)?;
        }
    }
    let name = scenario_label(file);
    let cancel = no_cancel();
    let control = Control {
        cancel: &cancel,
        progress: &|_| {},
    };
    // Each design the sizing judges is one reliability run: bounded as `reliability` is.
    if s.targets.has_reliability_target() {
        use dakhla_planner::reliability::study::{MAX_UNIT_YEARS, unit_years};
        if unit_years(&s, &reliability) > MAX_UNIT_YEARS {
            return Err(bad(tr!(
                "cli-sizing-too-large",
                scenario = name.as_str(),
                draws = reliability.draws.to_string(),
                years = reliability.years.to_string(),
                units = count(dakhla_planner::reliability::FailureModel::of(&s).unit_count()),
                max = count(MAX_UNIT_YEARS)
            )));
        }
    }
    let mut engine = Engine::new();
    let mut opt = optimize::optimize_scenario(&mut engine, &s, &base, options, &control)
        .map_err(|e| bad(format!("{name}: {e}")))?;
    // N + k: the least-cost mix sized for perfect machines, then units and battery blocks
    // added until the reliability targets hold under failures.
    let sized = if s.targets.has_reliability_target() && opt.outcome.best.feasible() {
        let units = dakhla_planner::reliability::sizing::unit_sizes_mw(&s);
        let r = reliability_sizing(&mut engine, &mut opt, &units, &base, &reliability, &cancel)
            .map_err(|e| run_failure(file, &e))?;
        if let Some(out) = reliability_front {
            write_atomic(out, |w| {
                dakhla_planner::reliability::sizing::write_steps_csv(&r.steps, &s, w)
                    .map_err(std::io::Error::other)
            })
            .map_err(|e| bad(format!("{e:#}")))?;
        }
        Some(r)
    } else {
        None
    };
    // Money in the scenario's currency (the run's); the engine's figures are in US dollars.
    let money = opt.results.kpis.money.clone();
    let front = match pareto_csv {
        Some(out) => {
            let targets = study::scenario_pareto_targets(&s.optimizer);
            let n = targets.len();
            let front = study::pareto(&opt.problem, &targets, options, &control, |k, p| {
                errln!(
                    "{}",
                    tr!(
                        if p.feasible {
                            "cli-pareto-point"
                        } else {
                            "cli-pareto-point-not-met"
                        },
                        point = format!("{}/{n}", k + 1),
                        target = pct(p.target, 2),
                        cost = fig(money.from_usd(p.annualized_cost_usd) / 1e6, 1),
                        currency = money.currency.code(),
                        seconds = fig(p.wall_s, 2)
                    )
                );
            });
            write_atomic(out, |w| study::write_pareto_csv(&front, &money, w))
                .map_err(|e| bad(format!("{e:#}")))?;
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
        .map_err(|e| bad(format!("{e:#}")))?;
    }
    if let Some(out) = save {
        let mut saved = opt.scenario.clone();
        // A relative weather path must still resolve from the new file's folder.
        scenario::rebase_weather_path(&mut saved, &base, &scenario::base_dir(out));
        // The file's comments and layout are kept; only the values that changed are edited.
        let (text, kept) = scenario::layout::text_keeping_layout(Some(&original_text), &saved)
            .map_err(|e| Failure::Internal(e.into()))?;
        write_atomic(out, |f| std::io::Write::write_all(f, text.as_bytes())).map_err(|e| {
            bad(tr!(
                "cli-cannot-write-file",
                file = shown(out),
                error = format!("{e:#}")
            ))
        })?;
        if !kept {
            errln!("{}", tr!("cli-note-layout-not-kept", file = shown(out)));
        }
    }
    if json {
        let mut doc = report::optimize::optimize_json(&s, file, &opt, front.as_deref());
        if let (Some(r), Some(o)) = (&sized, doc.as_object_mut()) {
            o.insert(
                "reliability_sizing".into(),
                serde_json::json!({
                    "met": r.met,
                    "max_lole_h_per_year": s.targets.max_lole_h_per_year,
                    "max_eue_mwh_per_year": s.targets.max_eue_mwh_per_year,
                    "reliability_percentile": s.targets.reliability_percentile,
                    "draws": reliability.draws,
                    "years": reliability.years,
                    "seed": reliability.seed,
                    "dispatch": s.simulation.dispatch.label(),
                    "backup_units": r.last.backup_units,
                    "lole_h_per_year": r.last.reliability.lole_h_per_year,
                    "eue_mwh_per_year": r.last.reliability.eue_mwh_per_year,
                    "steps": r.steps,
                }),
            );
        }
        print_json(&doc)?;
    } else {
        out!("{}", report::optimize::optimize_text(&s, &opt));
        if let Some(front) = &front {
            out!(
                "{}",
                report::optimize::pareto_text(opt.problem.target, front, &money)
            );
        }
        if let Some(r) = &sized {
            out!("{}", reliability_sizing_text(&s, r, &reliability));
        }
    }
    // The search sizes with perfect foresight (as an LP); the mix is simulated in the
    // scenario's own dispatch mode, which may not meet what the search met.
    let mode = s.simulation.dispatch;
    if mode != scenario::DispatchMode::PerfectForesight {
        let missed: Vec<String> = opt
            .results
            .kpis
            .targets
            .iter()
            .filter(|t| !t.met)
            .map(|t| {
                let shown = |v: f64| {
                    if v == 0.0 {
                        "0".to_owned()
                    } else if v.abs() >= 100.0 {
                        fig(v, 0)
                    } else {
                        fig(v, 4)
                    }
                };
                tr!(
                    "cli-missed-target",
                    kpi = t.kpi.as_str(),
                    value = shown(t.value),
                    kind = if t.kind == "min" { "min" } else { "max" },
                    target = shown(t.target)
                )
            })
            .collect();
        if missed.is_empty() {
            errln!(
                "{}",
                tr!(
                    "cli-note-foresight-met",
                    scenario = name.as_str(),
                    dispatch = mode.label()
                )
            );
        } else {
            errln!(
                "{}",
                tr!(
                    "cli-note-foresight-missed",
                    scenario = name.as_str(),
                    dispatch = mode.label(),
                    missed = missed.join(match dakhla_i18n::current() {
                        dakhla_i18n::Lang::En => "; ",
                        _ => " ; ",
                    })
                )
            );
        }
        if !missed.is_empty() {
            return Ok(ExitCode::from(2));
        }
    }
    if let Some(r) = &sized
        && !r.met
    {
        errln!(
            "{}",
            tr!("cli-reliability-target-not-met", scenario = name.as_str())
        );
        return Ok(ExitCode::from(2));
    }
    if !opt.outcome.best.feasible() {
        errln!(
            "{}",
            tr!("cli-optimize-target-not-met", scenario = name.as_str())
        );
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// Size the optimum to the scenario's reliability targets, each step said on stderr.
fn reliability_sizing(
    engine: &mut Engine,
    opt: &mut dakhla_planner::optimize::ScenarioOptimum,
    unit_mw: &[f64],
    base: &Path,
    options: &dakhla_planner::reliability::AdequacyOptions,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<dakhla_planner::reliability::sizing::ReliabilitySizing, dakhla_planner::sim::SimError> {
    let money = opt.results.kpis.money.clone();
    dakhla_planner::reliability::sizing::size_optimum(
        engine,
        opt,
        unit_mw,
        base,
        options,
        cancel,
        |k, st| {
            errln!(
                "{}",
                tr!(
                    if st.met {
                        "cli-reliability-step-met"
                    } else {
                        "cli-reliability-step"
                    },
                    step = k.to_string(),
                    change = st.change.as_str(),
                    cost = fig(money.from_usd(st.annualized_cost_usd) / 1e6, 1),
                    currency = money.currency.code(),
                    lole = fig(st.reliability.lole_h_per_year, 3),
                    eue = fig(st.reliability.eue_mwh_per_year, 1)
                )
            );
        },
    )
}

/// The reliability sizing's path (the cost-against-LOLE front) and answer, in words.
fn reliability_sizing_text(
    s: &Scenario,
    r: &dakhla_planner::reliability::sizing::ReliabilitySizing,
    o: &dakhla_planner::reliability::AdequacyOptions,
) -> String {
    let t = &s.targets;
    let money = dakhla_planner::sim::kpis::Money::of(&s.economics);
    let mut want = Vec::new();
    if let Some(v) = t.max_lole_h_per_year {
        want.push(tr!(
            "cli-sized-want-lole",
            value = decimal_comma(v.to_string())
        ));
    }
    if let Some(v) = t.max_eue_mwh_per_year {
        want.push(tr!(
            "cli-sized-want-eue",
            value = decimal_comma(v.to_string())
        ));
    }
    let mut text = format!(
        "\n{}\n",
        tr!(
            "cli-sized-title",
            want = want.join(&format!(" {} ", tr!("cli-and"))),
            percentile = fig(t.reliability_percentile * 100.0, 0),
            years = count(o.years.into()),
            years_count = o.years,
            draws = count(o.draws.into()),
            dispatch = dispatch_words(&s.simulation.dispatch.label()),
            met = if r.met { "yes" } else { "no" }
        )
    );
    text += &format!("  {} ", tr!("cli-sized-backup-units"));
    text += &r
        .scenario
        .backup
        .iter()
        .map(|b| {
            format!(
                "{} x {} MW {}",
                if b.capacity_mw > 0.0 { b.unit_count } else { 0 },
                decimal_comma(dakhla_planner::text::number(b.unit_mw())),
                dakhla_planner::text::terminal_safe(&b.name)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    // French puts a space before a semicolon.
    let semicolon = match dakhla_i18n::current() {
        dakhla_i18n::Lang::En => ";",
        _ => " ;",
    };
    text += &format!(
        "{semicolon} {}\n  {}\n    {:<44} {:>12} {:>12} {:>12}\n",
        tr!(
            "cli-sized-battery",
            energy = fig(r.scenario.battery.energy_mwh, 0),
            power = fig(r.scenario.battery.power_mw, 0)
        ),
        tr!("cli-sized-path"),
        tr!("cli-sized-step"),
        format!("M {}/yr", money.currency.code()),
        "LOLE h/yr",
        "EUE MWh/yr"
    );
    let met = format!("  {}", tr!("cli-sized-met"));
    for st in &r.steps {
        text += &format!(
            "    {:<44} {:>12} {:>12} {:>12}{}\n",
            dakhla_planner::text::shorten_to(&st.change, 44),
            fig(money.from_usd(st.annualized_cost_usd) / 1e6, 2),
            fig(st.reliability.lole_h_per_year, 3),
            fig(st.reliability.eue_mwh_per_year, 1),
            if st.met { met.as_str() } else { "" }
        );
    }
    text
}

#[allow(clippy::too_many_arguments)]
fn optimize_shard(
    file: Option<&Path>,
    set: &[String],
    shard: &str,
    out: Option<PathBuf>,
    years: Option<u32>,
    pareto_csv: Option<&Path>,
    options: &SearchOptions,
) -> Result<ExitCode, Failure> {
    use dakhla_planner::optimize::{Control, Problem, study};
    let pareto = pareto_csv.is_some();
    if let Some(p) = pareto_csv {
        errln!("{}", tr!("cli-note-shard-pareto", file = shown(p)));
    }
    let (i, n) = study::parse_shard(shard).map_err(Failure::BadInput)?;
    let (s, base) = load_or_builtin(file)?;
    let s = with_overrides(s, set)?;
    if years.is_some_and(|y| y > 1) && s.weather.file_path().is_some() {
        return Err(bad(tr!(
            "cli-shard-years-weather-file",
            years = years.unwrap_or(1).to_string(),
            scenario = scenario_label(file)
        )));
    }
    let out = out.unwrap_or_else(|| PathBuf::from(format!("shard-{i}-of-{n}.json")));
    let mut run = RunFiles::new();
    note_inputs(&mut run, file, &s, &base);
    run.output("--out", &out).map_err(bad)?;
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
        .map_err(|e| bad(format!("{name}: {e}")))?;
    let own = Problem::from_scenario(&s, &profiles).map_err(|e| bad(format!("{name}: {e}")))?;
    let st = study::Study::of(&s, years, pareto, own.target_value);
    let job_count = st.check_size().map_err(|e| bad(format!("{name}: {e}")))?;
    if n as usize > job_count {
        return Err(bad(tr!(
            "cli-shard-too-many-jobs",
            shard = format!("{i}/{n}"),
            jobs = count(job_count as u64)
        )));
    }
    let jobs = st.jobs();
    let mine = study::shard_jobs(&jobs, i, n);
    let cancel = no_cancel();
    let control = Control {
        cancel: &cancel,
        progress: &|_| {},
    };
    let money = dakhla_planner::sim::kpis::Money::of(&s.economics);
    let mut results = Vec::with_capacity(mine.len());
    for job in &mine {
        let r = study::run_job(&mut engine, &st, job, &base, options, &control).map_err(|e| {
            bad(tr!(
                "cli-job-failed",
                scenario = name.as_str(),
                job = job.index.to_string(),
                error = e.to_string()
            ))
        })?;
        errln!(
            "{}",
            tr!(
                "cli-job-done",
                job = job.index.to_string(),
                case = job.case.to_string(),
                year = job.weather_year.to_string(),
                target = pct(job.target, 2),
                cost = fig(money.from_usd(r.annualized_cost_usd) / 1e6, 1),
                currency = money.currency.code(),
                seconds = fig(r.wall_s, 2)
            )
        );
        results.push(r);
    }
    let file_out = study::ShardFile::new(&st, i, n, results);
    let text = serde_json::to_string_pretty(&file_out).context("formatting JSON")?;
    write_atomic(&out, |w| {
        use std::io::Write;
        w.write_all(text.as_bytes())
    })
    .map_err(|e| bad(format!("{e:#}")))?;
    errln!(
        "{}",
        tr!(
            "cli-shard-written",
            shard = format!("{i}/{n}"),
            written = count(mine.len() as u64),
            jobs = count(jobs.len() as u64),
            file = shown(out)
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// `merge` of `reliability --shard` files: the study's statistics as the run in one process
/// prints them (`--json` the same document), and every sampled year with `--csv`.
fn merge_reliability(
    files: &[PathBuf],
    csv: Option<&Path>,
    json: bool,
) -> Result<ExitCode, Failure> {
    use dakhla_planner::files::InputError;
    use dakhla_planner::reliability::study;
    let mut merger = study::Merger::default();
    for f in files {
        let name = shown(f);
        let bytes =
            dakhla_planner::files::read_input(f, study::MAX_SHARD_FILE_BYTES).map_err(|e| {
                bad(match e {
                    InputError::NotAFile(kind) => tr!(
                        "cli-merge-not-a-shard-file",
                        file = name.as_str(),
                        kind = kind_words(kind)
                    ),
                    InputError::TooLarge(bytes) => tr!(
                        "cli-merge-shard-too-large",
                        file = name.as_str(),
                        size = fig(bytes as f64 / 1e6, 1),
                        max = fig(study::MAX_SHARD_FILE_BYTES as f64 / 1e6, 0)
                    ),
                    other => tr!(
                        "cli-cannot-read-file",
                        file = name.as_str(),
                        error = other.to_string()
                    ),
                })
            })?;
        let shard = study::parse_shard_text(&bytes, &name).map_err(Failure::BadInput)?;
        merger.add(&name, shard).map_err(Failure::BadInput)?;
    }
    let header = merger
        .header()
        .cloned()
        .ok_or_else(|| bad(tr!("cli-no-shard-files")))?;
    let (samples, wall_s) = merger.finish().map_err(Failure::BadInput)?;
    if let Some(out) = csv {
        write_atomic(out, |w| {
            study::write_samples_csv(&samples, w).map_err(std::io::Error::other)
        })
        .map_err(|e| bad(format!("{e:#}")))?;
    }
    print_reliability(
        &header,
        &samples,
        tr!(
            "cli-merge-source",
            shards = count(files.len() as u64),
            shards_count = files.len(),
            study = dakhla_planner::text::prefix_chars(&header.study_sha256, 12)
        ),
        wall_s,
        json,
    )?;
    Ok(ExitCode::SUCCESS)
}

fn merge_command(files: &[PathBuf], csv: Option<&Path>, json: bool) -> Result<ExitCode, Failure> {
    use dakhla_planner::optimize::study;
    let mut run = RunFiles::new();
    for (k, f) in files.iter().enumerate() {
        if let Some(role) = run.input_role(f) {
            return Err(bad(tr!(
                "cli-merge-same-file",
                file = shown(f),
                role = role.to_string()
            )));
        }
        run.input(format!("shard file {} of this merge", k + 1), f);
    }
    if let Some(out) = csv {
        run.output("--csv", out).map_err(bad)?;
    }
    // Reliability shards by their format tag (the first file decides; each is then checked
    // as that kind).
    if let Some(first) = files.first()
        && let Ok(bytes) = dakhla_planner::files::read_input(
            first,
            dakhla_planner::reliability::study::MAX_SHARD_FILE_BYTES,
        )
        && dakhla_planner::reliability::study::is_reliability_shard(&bytes)
    {
        return merge_reliability(files, csv, json);
    }
    // Each shard is checked as soon as it is read and only its results are kept.
    let mut merger = study::Merger::default();
    for f in files {
        let name = shown(f);
        let shard = study::read_shard_file(f, &name).map_err(Failure::BadInput)?;
        merger.add(&name, shard).map_err(Failure::BadInput)?;
    }
    let first = merger
        .header()
        .cloned()
        .ok_or_else(|| bad(tr!("cli-no-shard-files")))?;
    let rows = merger.finish().map_err(Failure::BadInput)?;
    // The study's currency (its shards'): money shown in it, the `_usd` figures kept.
    let money = first.money();
    if let Some(out) = csv {
        write_atomic(out, |w| {
            study::write_study_csv(&rows, &money, w).map_err(std::io::Error::other)
        })
        .map_err(|e| bad(format!("{e:#}")))?;
    }
    if json {
        print_json(&serde_json::json!({
            "program": "dakhla-planner",
            "program_version": env!("CARGO_PKG_VERSION"),
            "study_sha256": first.study_sha256,
            "scenario_name": first.scenario_name,
            "currency": money.to_json(),
            "jobs": rows,
        }))?;
    } else {
        outln!(
            "{}",
            tr!(
                "cli-merge-header",
                jobs = count(rows.len() as u64),
                shards = count(files.len() as u64),
                study = dakhla_planner::text::prefix_chars(&first.study_sha256, 12)
            )
        );
        let [job, year, target, met, not_met, solar, wind, battery] = [
            "cli-merge-job",
            "cli-merge-year",
            "cli-merge-target",
            "cli-merge-met",
            "cli-merge-not-met",
            "cli-merge-solar",
            "cli-merge-wind",
            "cli-merge-battery",
        ]
        .map(|id| tr!(id));
        let verdict_w = met.chars().count().max(not_met.chars().count());
        let pct = percent_sign();
        let code = money.currency.code();
        for r in &rows {
            outln!(
                "  {job} {:>4}  {:<16} {year} {:>3}  {target} {:>6}{pct}  {:<verdict_w$}  {:>8} M {code}/yr  {solar} {:>6} MWdc  {wind} {:>5} MW  {battery} {:>6} MWh",
                r.job.index,
                r.job.case,
                r.job.weather_year,
                fig(r.job.target * 100.0, 2),
                if r.feasible { &met } else { &not_met },
                fig(money.from_usd(r.annualized_cost_usd) / 1e6, 1),
                fig(r.capacities.solar_mwdc, 0),
                fig(r.capacities.wind_mw, 0),
                fig(r.capacities.battery_energy_mwh, 0)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn migrate_command(
    file: &Path,
    out: Option<&Path>,
    currency: Option<&str>,
    cost_basis: Option<&str>,
) -> Result<ExitCode, Failure> {
    use scenario::money::{self, CostBasis, Currency};
    // The flags are read before any file is touched: a typo writes nothing.
    let currency = currency
        .map(Currency::parse)
        .transpose()
        .map_err(|e| bad(format!("--currency: {e}")))?;
    let cost_basis = cost_basis
        .map(|b| {
            CostBasis::ALL
                .into_iter()
                .find(|x| x.name().eq_ignore_ascii_case(b.trim()))
                .ok_or_else(|| {
                    bad(format!(
                        "--cost-basis: `{}` is not a cost set; use {}",
                        b.trim(),
                        CostBasis::ALL.map(CostBasis::name).join(", ")
                    ))
                })
        })
        .transpose()?;
    let mut upgraded = scenario::load_upgraded(file).map_err(|e| bad(e.to_string()))?;
    // Money changes are explicit edits of the scenario, written with its comments kept.
    let mut money_notes: Vec<String> = Vec::new();
    let mut edited = upgraded.scenario.clone();
    if let Some(c) = currency {
        let from = edited.economics.currency;
        if from == c {
            money_notes.push(tr!("money-unchanged", currency = c.code()));
        } else {
            let converted = money::convert_costs(&edited, c).map_err(bad)?;
            let r = &edited.economics.exchange_rates;
            let count = money::money_figure_count(&edited);
            money_notes.push(tr!(
                "money-converted",
                from = from.code(),
                to = c.code(),
                rate = dakhla_planner::text::figure(money::round_money(
                    r.per_usd(c) / r.per_usd(from)
                )),
                as_of = r.as_of_text(),
                source = r.source.as_str(),
                count = count
            ));
            edited = converted;
        }
    }
    if let Some(b) = cost_basis {
        let applied = money::apply_cost_set(&edited, b).map_err(bad)?;
        money_notes.push(tr!(
            "money-basis-applied",
            basis = b.name(),
            count = b.set().map_or(0, |s| s.figures.len()),
            currency = applied.economics.currency.code()
        ));
        edited = applied;
    }
    let money_changed = edited != upgraded.scenario;
    if money_changed {
        match scenario::layout::keep_layout(&upgraded.text, &edited) {
            Some(t) => upgraded.text = t,
            None => {
                upgraded.text =
                    scenario::to_ron_string(&edited).map_err(|e| Failure::Internal(e.into()))?;
                if let Some(m) = upgraded.migration.as_mut() {
                    m.comments_kept = false;
                }
            }
        }
        upgraded.scenario = edited;
    }
    // `--out` naming the file itself (by any path) is the same as rewriting it in place.
    let out = out.filter(|o| !same_file(o, file));
    if let Some(o) = out {
        let mut run = RunFiles::new();
        note_inputs(
            &mut run,
            Some(file),
            &upgraded.scenario,
            &scenario::base_dir(file),
        );
        run.output("--out", o).map_err(bad)?;
    }
    let target = out.unwrap_or(file);
    // A relative weather path must still resolve from the new file's folder: only that value
    // is edited, comments and layout are kept.
    let mut text = upgraded.text.clone();
    let mut comments_kept = upgraded.migration.as_ref().is_none_or(|m| m.comments_kept);
    let mut rebased = None;
    if out.is_some() && upgraded.scenario.weather.file_path().is_some() {
        let mut s = upgraded.scenario.clone();
        scenario::rebase_weather_path(
            &mut s,
            &scenario::base_dir(file),
            &scenario::base_dir(target),
        );
        if s != upgraded.scenario {
            rebased = s.weather.file_path().map(str::to_owned);
            match scenario::layout::keep_layout(&text, &s) {
                Some(edited) => text = edited,
                None => {
                    text = scenario::to_ron_string(&s).map_err(|e| Failure::Internal(e.into()))?;
                    comments_kept = false;
                }
            }
        }
    }
    for n in &money_notes {
        outln!("  {n}");
    }
    if upgraded.migration.is_none() && money_changed {
        write_atomic(target, |f| std::io::Write::write_all(f, text.as_bytes()))
            .map_err(|e| bad(format!("{e:#}")))?;
        outln!("{}", tr!("money-written", file = shown(target)));
        if !comments_kept {
            outln!("  {}", tr!("cli-migrate-layout-not-kept"));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(m) = &upgraded.migration else {
        match out {
            Some(o) => {
                write_atomic(o, |f| std::io::Write::write_all(f, text.as_bytes()))
                    .map_err(|e| bad(format!("{e:#}")))?;
                outln!(
                    "{}",
                    tr!(
                        if rebased.is_some() {
                            "cli-migrate-current-copied"
                        } else {
                            "cli-migrate-current-copied-unchanged"
                        },
                        file = shown(file),
                        version = scenario::SCHEMA_VERSION.to_string(),
                        out = shown(o)
                    )
                );
            }
            None => outln!(
                "{}",
                tr!(
                    "cli-migrate-current",
                    file = shown(file),
                    version = scenario::SCHEMA_VERSION.to_string()
                )
            ),
        }
        if let Some(p) = &rebased {
            outln!(
                "  {}",
                tr!("cli-migrate-weather-rebased", path = p.as_str())
            );
        }
        if !comments_kept {
            outln!("  {}", tr!("cli-migrate-layout-not-kept"));
        }
        return Ok(ExitCode::SUCCESS);
    };
    write_atomic(target, |f| std::io::Write::write_all(f, text.as_bytes()))
        .map_err(|e| bad(format!("{e:#}")))?;
    outln!(
        "{}",
        tr!(
            "cli-migrate-done",
            file = shown(file),
            from = m.from_version.to_string(),
            to = scenario::SCHEMA_VERSION.to_string(),
            out = shown(target)
        )
    );
    for n in &m.notes {
        outln!("  {}:{n}", shown(file));
    }
    if let Some(p) = &rebased {
        outln!(
            "  {}",
            tr!("cli-migrate-weather-rebased", path = p.as_str())
        );
    }
    if !comments_kept {
        outln!("  {}", tr!("cli-migrate-layout-not-kept"));
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether two paths name the same file (by identity).
fn same_file(a: &Path, b: &Path) -> bool {
    let mut run = RunFiles::new();
    run.input("x", b);
    run.input_role(a).is_some()
}

fn compare_command(files: &[PathBuf], json: bool) -> Result<ExitCode, Failure> {
    if files.len() < 2 {
        return Err(bad(tr!("cli-compare-needs-two")));
    }
    let mut loaded = Vec::with_capacity(files.len());
    for f in files {
        loaded.push((load(f)?, scenario::base_dir(f)));
    }
    let paths: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let runs = |engine: &mut Engine, i: usize, s: &Scenario, base: &Path| {
        engine
            .run(s, base)
            .map(|r| (None, r))
            .map_err(|e| bad(format!("{}: {e}", shown(&files[i]))))
    };
    compare_runs(&paths, &column_names(files), loaded, json, runs)
}

/// `compare FILE --cooling [--optimize]`: the scenario with each heat-rejection choice, its own
/// first (the baseline), the others at their registry defaults; with `optimize`, each with the
/// least-cost supply the optimizer sizes for it.
fn compare_cooling_command(
    files: &[PathBuf],
    json: bool,
    optimize: bool,
) -> Result<ExitCode, Failure> {
    let [file] = files else {
        return Err(bad(tr!("cli-compare-cooling-one-file")));
    };
    let s = load(file)?;
    let base = scenario::base_dir(file);
    let own = s.datacenter.heat_rejection.clone();
    let mut choices = scenario::HeatRejection::choices_with(&own);
    choices.sort_by_key(|h| *h != own);
    let word = |h: &scenario::HeatRejection| {
        scenario::fields::choice_word("datacenter.heat_rejection", h.variant()).into_owned()
    };
    let names: Vec<String> = choices
        .iter()
        .map(|h| {
            if *h == own {
                tr!("cli-compare-cooling-own", choice = word(h))
            } else {
                word(h)
            }
        })
        .collect();
    let loaded: Vec<(Scenario, PathBuf)> = choices
        .into_iter()
        .map(|h| {
            let mut one = s.clone();
            one.datacenter.heat_rejection = h;
            (one, base.clone())
        })
        .collect();
    let paths = vec![file.display().to_string(); loaded.len()];
    let name = shown(file).to_string();
    let cancel = no_cancel();
    let runs = |engine: &mut Engine, i: usize, one: &Scenario, base: &Path| {
        let fail = |e: String| bad(format!("{name} ({}): {e}", names[i]));
        if optimize {
            let control = dakhla_planner::optimize::Control {
                cancel: &cancel,
                progress: &|_| {},
            };
            let opt = dakhla_planner::optimize::optimize_scenario(
                engine,
                one,
                base,
                &SearchOptions::default(),
                &control,
            )
            .map_err(|e| fail(e.to_string()))?;
            Ok((Some(opt.scenario), opt.results))
        } else {
            engine
                .run(one, base)
                .map(|r| (None, r))
                .map_err(|e| fail(e.to_string()))
        }
    };
    compare_runs(&paths, &names, loaded, json, runs)
}

/// The side-by-side of scenarios run one after the other by `run` (which may replace a
/// scenario by the one it ran, an optimized supply), under `names`; `paths` for the JSON.
fn compare_runs(
    paths: &[String],
    names: &[String],
    mut loaded: Vec<(Scenario, PathBuf)>,
    json: bool,
    mut run: impl FnMut(
        &mut Engine,
        usize,
        &Scenario,
        &Path,
    ) -> Result<(Option<Scenario>, dakhla_planner::sim::Results), Failure>,
) -> Result<ExitCode, Failure> {
    use report::compare;
    // One run at a time, keeping only what the comparison shows (KPIs and provenance), not
    // every hourly series: memory stays flat however many files are compared.
    let mut engine = Engine::new();
    let mut kpis: Vec<compare::KpiRow> = Vec::new();
    let mut provenances = Vec::with_capacity(loaded.len());
    let mut money = None;
    for (i, (s, base)) in loaded.iter_mut().enumerate() {
        let (ran, r) = run(&mut engine, i, s, base)?;
        if let Some(ran) = ran {
            *s = ran;
        }
        // Money in the first scenario's currency in every column.
        let money = money.get_or_insert_with(|| r.kpis.money.clone());
        let rows = compare::kpi_table_in(&[(s, &r)], money);
        if kpis.is_empty() {
            kpis = rows;
        } else {
            for (all, one) in kpis.iter_mut().zip(rows) {
                all.values.extend(one.values);
                if let (Some(all), Some(one)) = (&mut all.usd, one.usd) {
                    all.extend(one);
                }
            }
        }
        if json {
            provenances.push(report::provenance(s, Some(base), &r));
        }
    }
    let scenarios: Vec<&Scenario> = loaded.iter().map(|(s, _)| s).collect();
    let inputs = compare::input_differences(&scenarios);
    if json {
        let runs: Vec<compare::ComparedSummary> = paths
            .iter()
            .zip(&loaded)
            .zip(&provenances)
            .map(|((file, (s, _)), p)| compare::ComparedSummary {
                file,
                scenario: s,
                provenance: p,
            })
            .collect();
        print_json(&compare::compare_json_of(&runs, &inputs, &kpis))?;
    } else {
        out!("{}", compare::compare_text(names, &inputs, &kpis));
    }
    Ok(ExitCode::SUCCESS)
}

/// Column headers for files: the file names, or the paths as given where two names are alike.
fn column_names(files: &[PathBuf]) -> Vec<String> {
    let short: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name().map_or_else(
                || shown(f).to_string(),
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
        files.iter().map(|f| shown(f).to_string()).collect()
    }
}

fn export_command(file: &Path, out: &Path, set: &[String]) -> Result<ExitCode, Failure> {
    let s = with_overrides(load(file)?, set)?;
    note_optimizer_overrides(set, "export");
    let base = scenario::base_dir(file);
    report::export::check_export_folder(out).map_err(|e| bad(e.to_string()))?;
    let results = Engine::new()
        .run(&s, &base)
        .map_err(|e| bad(format!("{}: {e}", shown(file))))?;
    // The report's reliability section: 1000 failure draws of one weather year, seed 1; left
    // out, with a note, for a campus of so many failing units that it would take hours.
    use dakhla_planner::reliability::study::{MAX_UNIT_YEARS, unit_years};
    let reliability = if unit_years(&s, &report::export::REPORT_RELIABILITY) > MAX_UNIT_YEARS {
        errln!(
            "{}",
            tr!(
                "cli-note-export-no-reliability",
                file = shown(file),
                units = count(dakhla_planner::reliability::FailureModel::of(&s).unit_count()),
                draws = count(report::export::REPORT_RELIABILITY.draws.into())
            )
        );
        None
    } else {
        Some(
            report::export::assess_for_report(&s, &base, &no_cancel()).map_err(|e| {
                bad(tr!(
                    "cli-export-reliability-failed",
                    file = shown(file),
                    error = e.to_string()
                ))
            })?,
        )
    };
    // The report's flexible compute section: the Pareto front at 0, 10, 20 and 30 % flexible,
    // when a rack group declares flexibility.
    let money = dakhla_planner::sim::kpis::Money::of(&s.economics);
    let flexibility = report::export::flexibility_for_report(&s, &base, &no_cancel(), |k, i, p| {
        let share = dakhla_planner::optimize::study::FLEXIBILITY_FRONT_SHARES
            .get(k)
            .copied()
            .unwrap_or(0.0);
        errln!(
            "{}",
            tr!(
                "cli-export-flexibility-point",
                share = pct(share, 0),
                point = format!("{}/{}", i + 1, report::export::REPORT_FLEXIBILITY_POINTS),
                target = pct(p.target, 2),
                cost = fig(money.from_usd(p.annualized_cost_usd) / 1e6, 1),
                currency = money.currency.code()
            )
        )
    })
    .map_err(|e| {
        bad(tr!(
            "cli-export-flexibility-failed",
            file = shown(file),
            error = e.to_string()
        ))
    })?;
    let summary = report::export::export_all(
        &s,
        Some(file),
        &base,
        &results,
        reliability.as_ref(),
        flexibility.as_ref(),
        out,
    )
    .map_err(|e| bad(e.to_string()))?;
    for f in &summary.files {
        outln!("{}", shown(f));
    }
    Ok(ExitCode::SUCCESS)
}

/// `describe kpis` and `describe fields`: the KPI and field registries, as a table or as JSON.
fn describe_command(what: Describable, json: bool) -> Result<ExitCode, Failure> {
    use dakhla_planner::sim::kpi_registry::KPIS;
    match what {
        Describable::Kpis => {
            if json {
                let list: Vec<serde_json::Value> = KPIS
                    .iter()
                    .map(|k| {
                        serde_json::json!({
                            "key": k.key,
                            "label": k.label,
                            "unit": k.unit,
                            "better": k.better.key(),
                            "section": k.section,
                            "section_label": k.section.label(),
                            "help": k.help,
                            "scale": k.scale,
                            "decimals": k.decimals,
                            "weather_dependent": k.weather_dependent,
                        })
                    })
                    .collect();
                print_json(&serde_json::Value::Array(list))?;
            } else {
                let [key, label, unit, better, section, help] = [
                    "cli-describe-key",
                    "cli-describe-label",
                    "cli-describe-unit",
                    "cli-describe-better",
                    "cli-describe-section",
                    "cli-describe-help",
                ]
                .map(|id| tr!(id));
                let label_w = column_width(
                    30,
                    KPIS.iter()
                        .map(|k| k.label_text().into_owned())
                        .chain([label.clone()]),
                );
                let unit_w = column_width(9, [&unit]);
                let better_w = column_width(7, [&better]);
                let section_w = column_width(
                    16,
                    KPIS.iter()
                        .map(|k| k.section.label_text().into_owned())
                        .chain([section.clone()]),
                );
                outln!(
                    "{key:<26} {label:<label_w$} {unit:<unit_w$} {better:<better_w$} {section:<section_w$} {help}"
                );
                for k in KPIS {
                    outln!(
                        "{:<26} {:<label_w$} {:<unit_w$} {:<better_w$} {:<section_w$} {}",
                        k.key,
                        k.label_text(),
                        k.unit,
                        k.better.key(),
                        k.section.label_text(),
                        k.help_text()
                    );
                }
            }
        }
        Describable::Hourly => {
            use dakhla_planner::sim::series::{HOURLY_COLUMNS, TIMESTAMP_COLUMN};
            let timestamp = (TIMESTAMP_COLUMN, "", "start of the step, ISO 8601, UTC");
            let rows = std::iter::once(timestamp)
                .chain(HOURLY_COLUMNS.iter().map(|c| (c.name, c.unit, c.help)));
            if json {
                let list: Vec<serde_json::Value> = rows
                    .map(|(name, unit, help)| {
                        serde_json::json!({"name": name, "unit": unit, "help": help})
                    })
                    .collect();
                print_json(&serde_json::Value::Array(list))?;
            } else {
                let [column, unit, help] = [
                    "cli-describe-column",
                    "cli-describe-unit",
                    "cli-describe-help",
                ]
                .map(|id| tr!(id));
                let unit_w = column_width(6, [&unit]);
                outln!("{column:<22} {unit:<unit_w$} {help}");
                for (name, unit, help) in rows {
                    outln!("{name:<22} {unit:<unit_w$} {help}");
                }
            }
        }
        Describable::Fields => {
            use dakhla_planner::scenario::fields;
            if json {
                let list: Vec<serde_json::Value> = fields::all().map(|f| f.to_json()).collect();
                print_json(&serde_json::Value::Array(list))?;
            } else {
                let [path, label, unit, range, default, help] = [
                    "cli-describe-path",
                    "cli-describe-label",
                    "cli-describe-unit",
                    "cli-describe-range",
                    "cli-describe-default",
                    "cli-describe-help",
                ]
                .map(|id| tr!(id));
                let label_w = column_width(
                    28,
                    fields::all()
                        .map(|f| f.label_text().into_owned())
                        .chain([label.clone()]),
                );
                let unit_w = column_width(11, [&unit]);
                let range_w = column_width(28, [&range]);
                let default_w = column_width(10, [&default]);
                outln!(
                    "{path:<58} {label:<label_w$} {unit:<unit_w$} {range:<range_w$} {default:<default_w$} {help}"
                );
                for f in fields::all() {
                    let path = if f.variant.is_empty() {
                        f.path.to_owned()
                    } else {
                        format!("{} ({})", f.path, f.variant)
                    };
                    outln!(
                        "{:<58} {:<label_w$} {:<unit_w$} {:<range_w$} {:<default_w$} {}",
                        path,
                        f.label_text(),
                        f.unit,
                        f.range_text(),
                        f.default_text(),
                        f.help_text()
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(files: &[PathBuf]) -> Result<ExitCode, Failure> {
    let mut ok = true;
    for f in files {
        match scenario::load_upgraded(f) {
            Ok(u) => {
                if let Some(m) = &u.migration {
                    outln!(
                        "{}",
                        tr!("cli-check-note", file = shown(f), summary = m.summary())
                    );
                    for n in &m.notes {
                        outln!("{}:{n}", shown(f));
                    }
                }
                let base = scenario::base_dir(f);
                for w in u.scenario.warnings_at(Some(&base)) {
                    outln!(
                        "{}",
                        tr!(
                            "cli-check-warning",
                            file = shown(f),
                            path = w.path.as_str(),
                            message = w.message.as_str()
                        )
                    );
                }
                // The weather file is read too: a scenario is only valid with weather it can
                // use.
                if let Some(p) = u.scenario.weather.file_path() {
                    match dakhla_planner::weather::read_weather_file(
                        &base.join(p),
                        u.scenario.simulation.year,
                    ) {
                        Err(e) => {
                            ok = false;
                            outln!("{}: weather.path: {e}", shown(f));
                        }
                        Ok((w, _)) => {
                            if let Err(e) = dakhla_planner::sim::require_a_year(
                                &w,
                                "`optimize` or a multi-year run",
                            ) {
                                outln!(
                                    "{}",
                                    tr!(
                                        "cli-check-weather-warning",
                                        file = shown(f),
                                        error = e.to_string()
                                    )
                                );
                            }
                        }
                    }
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

/// Write a file safely (see `dakhla_planner::files`); the error names the file.
fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    dakhla_planner::files::write_file(path, write)
        .with_context(|| tr!("cli-cannot-write", file = shown(path)))
}

#[cfg(test)]
mod help_tests {
    use super::*;
    use clap::CommandFactory;

    /// Every text clap writes from the program's doc comments and attributes, by catalog id.
    fn doc_texts() -> Vec<(String, String)> {
        let mut texts = Vec::new();
        help_texts(Cli::command(), None, &mut |id, english| {
            texts.push((id.to_owned(), english.clone()));
            english
        });
        texts
    }

    #[test]
    fn every_help_text_is_in_the_catalog_as_the_doc_comments_write_it() {
        let texts = doc_texts();
        assert!(texts.len() > 50, "{}", texts.len());
        let mut missing = Vec::new();
        for (id, english) in &texts {
            if dakhla_i18n::get(dakhla_i18n::Lang::En, id).as_deref() != Some(english.as_str()) {
                missing.push(format!("{id} = {english}"));
            } else if dakhla_i18n::get(dakhla_i18n::Lang::Fr, id).is_none() {
                missing.push(format!("{id}: no French"));
            }
        }
        assert!(
            missing.is_empty(),
            "cli.ftl (en) should read, as the doc comments do:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn english_help_is_what_clap_writes_from_the_doc_comments() {
        // The tests run in English (the language is never set here).
        let help = |cmd: clap::Command, args: &[&str]| {
            let e = cmd
                .try_get_matches_from(std::iter::once("dakhla-planner").chain(args.iter().copied()))
                .expect_err("help is shown as an error");
            e.render().to_string()
        };
        let names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect();
        let mut runs: Vec<Vec<&str>> = vec![vec!["--help"], vec!["-h"], vec!["--version"]];
        for name in &names {
            runs.extend([vec![name, "--help"], vec![name, "-h"], vec!["help", name]]);
        }
        runs.extend([
            vec!["help"],
            vec!["help", "help"],
            vec!["help", "bogus"],
            vec!["simulate", "--bogus"],
            vec!["describe"],
            vec!["describe", "bad"],
            vec!["reliability", "--draws", "0"],
        ]);
        for args in runs {
            assert_eq!(
                help(command_line(), &args),
                help(Cli::command(), &args),
                "{args:?}"
            );
        }
    }
}
