# dakhla-planner: cli (en). Every message is in both languages with the same placeholders (a test checks).
# The command line's text output (not JSON, CSV or scenario files, which are contracts). Figures
# come in already written for the language; units stay as they are. User text (file names,
# scenario names) comes in as it is. Column widths stay in the code.

## Shared
cli-unnamed-scenario = (unnamed scenario)
cli-builtin = built-in
cli-builtin-scenario = built-in scenario
cli-warning = warning: { $path }: { $message }
cli-warning-note = warning: { $message }
cli-and = and
cli-internal-error = internal error: { $error }
cli-cannot-write-output = cannot write the output: { $error }
cli-cannot-write = cannot write { $file }
cli-cannot-write-file = cannot write { $file }: { $error }
cli-cannot-read-file = { $file }: cannot read the file: { $error }
cli-no-window = cannot open the planner window: { $error }. On a machine without a display, use `dakhla-planner simulate [FILE]` or `dakhla-planner check FILE...`
cli-note-migrate = note: { $file }: { $summary }; `dakhla-planner migrate { $file }` updates the file
cli-note-layout-not-kept = note: { $file }: the file's layout could not be kept; it is written in the program's layout, without its comments
cli-note-optimizer-override = note: --set { $set }: the optimizer section is used by `optimize`; it does not change what `{ $command }` computes

## What a path is, when it is not the file expected
cli-kind-folder = a folder
cli-kind-file = a file
cli-kind-symlink = a symbolic link
cli-kind-block-device = a block device
cli-kind-char-device = a character device
cli-kind-named-pipe = a named pipe
cli-kind-socket = a socket
cli-kind-not-regular = not a regular file

## Dispatch modes in words
cli-dispatch-perfect = with perfect foresight of the weather
cli-dispatch-forecast = on a rolling { $hours } h forecast of the weather
cli-dispatch-greedy = without foresight (greedy)

## simulate: the summary
cli-summary-weather = weather: { $source } ({ $steps } steps of { $minutes } min)
cli-summary-it-design = IT design (nameplate)
cli-summary-facility-design = Facility design at design-day PUE
cli-summary-facility-design-value = { $design } MW vs cap { $cap } MW, headroom { $headroom } MW
cli-summary-targets = Targets
cli-summary-target = { $value } (target { $operator } { $target }): { $met ->
        [yes] MET
       *[no] NOT MET
    }

## simulate --years
cli-years-intro = { $years } weather years over the operating life (PV and battery degrade year by year)
cli-years-year = year
cli-years-calendar = calendar
cli-years-weather = weather
cli-years-kpi = KPI
cli-years-worst = worst
cli-years-p90-note = P90: the value reached in 90 % of years (the bad side of the median).

## simulate: weather files and years
cli-cannot-read-folder = { $folder }: cannot read the folder: { $error }
cli-folder-no-weather = { $folder }: the folder holds no weather files (.epw or .csv)
cli-weather-not-a-file = { $file }: this is { $kind }, not a weather file (.epw or .csv)
cli-weather-missing = { $file }: the weather file does not exist
cli-weather-unreachable = { $file }: the weather file cannot be reached: { $error }
cli-weather-path-not-utf8 = { $file }: the path is not UTF-8 text, which a scenario cannot record; rename the file or its folder
cli-hourly-with-years = --hourly writes the hourly results of one run; it cannot be combined with { $what } (a run of weather years, each with its own results): simulate one year at a time (--weather FILE, or the scenario's own weather) for its hourly results
cli-a-weather-folder = a weather folder
cli-years-more-than-files = --years { $years }: the folder { $folder } holds { $files } weather file(s), one per year; ask for at most { $files } years or add files
cli-too-many-weather-files = { $folder }: the folder holds { $files } weather files, one year each; at most { $max } years are run at once (--years N runs the first N)
cli-note-same-weather-each-year = note: the weather file { $file } is used for each of the { $years } years: they differ only by degradation and the build-out, not by weather (a folder of weather files gives one year each)

## optimize: the summary
cli-share-renewable-fraction = renewable fraction
cli-share-cfe = 24/7 CFE score
cli-opt-title = { $name }: least-cost mix
cli-opt-target = target: { $share } >= { $value }, unmet energy <= { $unmet } MWh
cli-opt-not-met = NOT MET: no mix within the bounds reaches the target; below is the closest.
cli-opt-solar = solar
cli-opt-wind = wind
cli-opt-battery = battery
cli-opt-backup = backup
cli-opt-annualized-cost = annualized cost
cli-opt-cost-of-energy = cost of energy
cli-opt-renewable-fraction = renewable fraction
cli-opt-cfe = 24/7 CFE score
cli-opt-backup-energy = backup energy
cli-opt-curtailed = curtailed
cli-opt-co2 = CO2
cli-opt-search = search
cli-opt-turbines = { $count } turbines
cli-opt-search-value = { $evaluations } dispatch evaluations in { $seconds } s

## optimize: the Pareto front
cli-pareto-title = Pareto front: cost against the { $share }
cli-pareto-target = target
cli-pareto-reached = reached
cli-pareto-extra = extra M { $currency }/yr per point
cli-pareto-solar = solar MWdc
cli-pareto-wind = wind MW
cli-pareto-battery = battery MWh/MW
cli-pareto-backup = backup MW
cli-pareto-unreachable = not reachable within the bounds (closest shown)
cli-pareto-point = Pareto point { $point }: target { $target }: { $cost } M { $currency }/yr in { $seconds } s
cli-export-flexibility-point = flexible compute, { $share } of the work: Pareto point { $point }, target { $target }: { $cost } M { $currency }/yr
cli-export-flexibility-failed = { $file }: the fronts of flexible compute for the report could not be computed: { $error }
cli-pareto-point-not-met = Pareto point { $point }: target { $target }: { $cost } M { $currency }/yr (not met) in { $seconds } s

## optimize: options, notes and verdicts
cli-step-tolerance-range = --step-tolerance must be more than 1e-7 and less than 0.5 (a share of each capacity's range; default 0.001), got { $value }
cli-shard-cannot-combine = { $flags } cannot be combined with --shard: a shard writes its jobs' results to --out; `merge` combines the shards (--csv or --json)
cli-reliability-front-needs-target = --reliability-front needs a reliability target: set targets.max_lole_h_per_year or targets.max_eue_mwh_per_year (in the file or with --set)
cli-sizing-too-large = { $scenario }: --reliability-draws { $draws } x --reliability-years { $years } of { $units } failing units is more than one reliability run does ({ $max } unit-years), and sizing judges many designs: ask for fewer
cli-missed-target = { $kpi } { $value } (target { $kind ->
        [min] at least
       *[max] at most
    } { $target })
cli-note-foresight-met = note: { $scenario }: the optimizer sizes with perfect foresight (as an LP); the mix is simulated with the scenario's dispatch, { $dispatch }, and meets every target
cli-note-foresight-missed = note: { $scenario }: the optimizer sizes with perfect foresight (as an LP); the mix is simulated with the scenario's dispatch, { $dispatch }, and then misses: { $missed }; size with a reliability target (targets.max_lole_h_per_year) to add backup for the lack of foresight
cli-reliability-target-not-met = { $scenario }: no design within the optimizer bounds meets the reliability target; widen the backup and battery bounds or relax the target
cli-optimize-target-not-met = { $scenario }: no mix within the optimizer bounds meets the target; widen the bounds (optimizer section) or lower the target

## optimize: sized to a reliability target
cli-reliability-step = reliability step { $step }: { $change }: { $cost } M { $currency }/yr, LOLE { $lole } h/yr, EUE { $eue } MWh/yr
cli-reliability-step-met = reliability step { $step }: { $change }: { $cost } M { $currency }/yr, LOLE { $lole } h/yr, EUE { $eue } MWh/yr (met)
cli-sized-want-lole = LOLE at most { $value } h/yr
cli-sized-want-eue = EUE at most { $value } MWh/yr
cli-sized-title = Sized to reliability ({ $want } at P{ $percentile } over { $years } { $years_count ->
        [one] weather year
       *[other] weather years
    }, { $draws } failure draws each, dispatch { $dispatch }): { $met ->
        [yes] met
       *[no] NOT met within the bounds
    }
cli-sized-backup-units = Backup units:
cli-sized-battery = battery { $energy } MWh / { $power } MW
cli-sized-path = Cost against LOLE along the way:
cli-sized-step = step
cli-sized-met = met

## optimize --shard
cli-note-shard-pareto = note: with --shard, --pareto makes the study a Pareto front; { $file } is not written by a shard (`merge --csv` writes the whole study)
cli-shard-years-weather-file = --years { $years }: the weather years of a study are synthetic years of the built-in climate (seeds following the scenario's), but { $scenario } uses a weather file, so every year would be the same; run one study per weather file instead
cli-shard-too-many-jobs = --shard { $shard }: the study has { $jobs } job(s), so at most { $jobs } shards have work (a shard with none would still have to be run and merged); split it in { $jobs } or fewer
cli-job-failed = { $scenario }: job { $job }: { $error }
cli-job-done = job { $job } ({ $case } / year { $year } / target { $target }): { $cost } M { $currency }/yr in { $seconds } s
cli-shard-written = shard { $shard }: { $written } of { $jobs } jobs written to { $file }

## reliability
cli-too-many-samples = --draws { $draws } x --years { $years } is { $samples } sampled years, more than { $max } in one study: ask for fewer
cli-reliability-shard-too-many = --shard { $shard }: the study has { $samples } sampled years (--draws x --years), so at most { $samples } shards have work; split it in { $samples } or fewer
cli-note-shard-json = note: with --shard, --json is not printed: the shard's results go to its file and `merge --json` prints the whole study's
cli-note-weather-file-years = note: { $scenario } uses a weather file, so its { $years } weather years are the same year; only the failure draws differ
cli-too-many-unit-years = { $units } failing units (backup units, turbines, inverters, battery power blocks) in each of { $samples } sampled years is more than one run does ({ $max } unit-years, a few minutes): ask for fewer --draws or --years, split the study with --shard, or use larger inverters and power blocks
cli-reliability-shard-written = shard { $shard }: { $written } of { $samples } sampled years written to { $file } in { $seconds } s
cli-rel-title = Reliability of { $scenario } ({ $source }): { $draws } { $draws_count ->
        [one] failure draw
       *[other] failure draws
    } x { $years } { $years_count ->
        [one] weather year
       *[other] weather years
    }, seed { $seed }, dispatch { $dispatch }
cli-rel-events = Loss-of-load events
cli-rel-longest = Longest event
cli-rel-backup-energy = Backup energy
cli-rel-survival = Riding through a grid outage starting at any hour (on-site units cold, the battery as the dispatch left it):
cli-rel-outage = { $hours } h outage
cli-rel-footnote = ({ $samples } sampled years in { $seconds } s; ± is the standard error of the mean; P90 is on the bad side: a shortfall 90 % of sampled years stay at or below, a chance of riding through 90 % of them reach)
cli-rel-without-failures = Without failures, by what the dispatch knows of the future (per year):
cli-rel-col-dispatch = dispatch
cli-rel-col-backup = backup MWh
cli-rel-gaps = The gaps are what knowing the future is worth to this design; the optimizer sizes with perfect foresight.

## merge
cli-no-shard-files = no shard files given
cli-merge-same-file = { $file }: the same file is given twice ({ $role }); give each shard once
cli-merge-not-a-shard-file = { $file }: this is { $kind }, not a shard result file (.json)
cli-merge-shard-too-large = { $file }: the file is { $size } MB; a reliability shard file is at most { $max } MB (about 250 bytes a sampled year): is this the right file?
cli-merge-source = { $shards } { $shards_count ->
        [one] shard
       *[other] shards
    } of study { $study }
cli-merge-header = { $jobs } jobs from { $shards } shards of study { $study }
cli-merge-job = job
cli-merge-year = year
cli-merge-target = target
cli-merge-met = met
cli-merge-not-met = NOT MET
cli-merge-solar = solar
cli-merge-wind = wind
cli-merge-battery = battery

## migrate
cli-migrate-current = { $file }: already schema version { $version }; nothing to change
cli-migrate-current-copied = { $file }: already schema version { $version }; copied to { $out }
cli-migrate-current-copied-unchanged = { $file }: already schema version { $version }; copied to { $out } unchanged
cli-migrate-done = { $file }: schema version { $from } -> { $to }, written to { $out }
cli-migrate-weather-rebased = weather.path: now "{ $path }", the same file seen from the new folder
cli-migrate-layout-not-kept = note: the file's layout could not be kept; it is written in the program's layout, without its comments

## export
cli-note-export-no-reliability = note: { $file }: the report has no reliability section: its { $units } failing units x { $draws } draws are more than one run does; run `reliability` with fewer --draws
cli-export-reliability-failed = { $file }: reliability: { $error }

## check
cli-check-note = { $file }: note: { $summary }
cli-check-warning = { $file }: warning: { $path }: { $message }
cli-check-weather-warning = { $file }: warning: weather.path: { $error }

## describe: the tables' headings
cli-describe-key = key
cli-describe-label = label
cli-describe-unit = unit
cli-describe-better = better
cli-describe-section = section
cli-describe-help = help
cli-describe-column = column
cli-describe-path = path
cli-describe-range = range
cli-describe-default = default

## --help: the program's commands and options (English as the doc comments in main.rs write
## it; a test checks). Ids: help-about, help-after, help-<argument>, help-<subcommand>,
## help-<subcommand>-<argument> (`_` read as `-`), help-<subcommand>-<argument>-<value>.
help-about = Size renewable-powered datacenters: hourly energy balance of racks, cooling, solar, wind, storage and backup. The command line and the desktop planner.
help-after =
    Without a subcommand the desktop planner opens (on FILE or the built-in Dakhla scenario).
    Exit codes: 0 ok, 2 bad input (unreadable or invalid file, bad option), 1 internal error
    (including: no display to open the window on).
help-files = Scenario files to open in the GUI, one tab each (default: the built-in Dakhla 500 MW campus)
help-lang = Language of the text output and the window: en or fr (default: the locale's, from LC_ALL, LC_MESSAGES or LANG). JSON keys, CSV columns and scenario fields stay English
help-simulate = Simulate a scenario for a year and print its KPIs
help-simulate-file = Scenario file (.ron). Without it, the built-in Dakhla reference scenario
help-simulate-json = Print one JSON object (KPIs under "kpis") instead of the readable summary
help-simulate-hourly = Also write the hourly results to this CSV file
help-simulate-years = Run N weather years (seeds following the scenario's, or the files of --weather DIR) over the operating life and report P50, P90 and worst year
help-simulate-weather = Use this weather file (.epw or .csv) instead of the scenario's; or a folder of them, one per year (implies a multi-year run)
help-simulate-set = Override a field before running, e.g. --set battery.energy_mwh=4000 or --set 'wind_farms[0].turbine_count=120' (repeatable; validated as if read from the file)
help-optimize = Find the least-cost mix (solar, wind, battery, backup) that meets the scenario's target; optionally the Pareto front of cost against the carbon-free share
help-optimize-file = Scenario file (.ron). Without it, the built-in Dakhla reference scenario
help-optimize-json = Print one JSON object instead of the readable summary
help-optimize-hourly = Write the hourly results of the optimum, with the availability profiles used (solar_mw_per_mwdc, wind_mw_per_mw), to this CSV file
help-optimize-save = Write the scenario with the optimal capacities to this file
help-optimize-pareto = Also compute the Pareto front (optimizer.pareto_from..pareto_to) and write it as CSV
help-optimize-shard = Run only slice i of n (1-based) of the study (Pareto targets x weather years x cost cases) and write its results to --out; combine the slices with `merge`
help-optimize-set = Override a field before optimizing (as for `simulate --set`; repeatable)
help-optimize-out = Result file of --shard (default: shard-i-of-n.json)
help-optimize-years = Weather years of a --shard study (synthetic seeds following the scenario's)
help-optimize-extra-starts = Search starts besides the scenario's own mix (best points of a coarse grid)
help-optimize-step-tolerance = The pattern search stops when its step falls below this share of each range
help-optimize-reliability-draws = With a reliability target (targets.max_lole_h_per_year or max_eue_mwh_per_year): failure draws per weather year judging each design
help-optimize-reliability-years = With a reliability target: weather years the target is judged over (at targets.reliability_percentile)
help-optimize-reliability-front = With a reliability target: write the sizing's path (each design's units, cost, LOLE and EUE: the front of cost against LOLE) to this CSV file
help-merge = Combine the result files of `optimize --shard` or `reliability --shard` runs into the study's results
help-merge-files = Shard result files (.json), all shards of one study
help-merge-csv = Write the combined results as CSV (one row per job)
help-merge-json = Print the combined results as JSON
help-migrate = Bring a scenario file to the current schema version, keeping its comments where possible; says what changed. A file already current is left byte for byte as it is
help-migrate-file = Scenario file (.ron) of any supported schema version
help-migrate-out = Write the migrated file here instead of rewriting FILE in place (atomically)
help-migrate-currency = Convert every cost of the scenario to this currency (USD, EUR or MAD) at the scenario's own exchange rates, and make it the scenario's currency
help-migrate-cost-basis = Write in every figure of a cost set (Morocco2025, NrelAtb2024, DanishEnergyAgency), converted to the scenario's currency; after --currency when both are given
help-export = Write every chart (PNG and SVG), the hourly CSV, the KPI JSON and a one-page HTML report (inputs, KPIs, charts, assumptions and sources) of a scenario into a folder
help-export-file = Scenario file (.ron)
help-export-out = Folder to write into (created when missing; files of the same names are replaced)
help-export-set = Override a field before running (as for `simulate --set`; repeatable)
help-check = Check scenario files: exit 0 when all are valid, 2 otherwise; one line per problem
help-check-files = Scenario files (.ron)
help-compare = Compare scenarios side by side: the inputs that differ (field path, value in each) and the KPIs, with each change against the first file. Differences are not an error (exit 0)
help-compare-files = Scenario files (.ron), two or more; the first is the baseline. With --cooling, one
help-compare-json = Print one JSON object instead of the side-by-side table
help-compare-cooling = Compare the cooling choices of one scenario: its own heat rejection first, then each other (dry coolers, adiabatic pads, cooling towers, seawater) at its registry defaults, on the same supply: cost, PUE, WUE, water and the load the supply serves
help-compare-optimize = With --cooling: size the supply for each choice with the optimizer first (what each needs to meet the targets at least cost), rather than keep the scenario's
help-reliability = Will the campus stay up? A sequential Monte Carlo of unit failures (backup units, turbines, inverters, battery power blocks; the scenario's failure data) over weather years, dispatched hour by hour as `--dispatch` or the scenario says (failures are never foreseen): LOLE, EUE, LOLP, loss-of-load events and the longest, each with its standard error, P50 and P90
help-reliability-file = Scenario file (.ron). Without it, the built-in Dakhla reference scenario
help-reliability-draws = Failure draws per weather year
help-reliability-years = Weather years (synthetic years following the scenario's seed; a weather file is the same each year)
help-reliability-seed = Seed of the failure draws: the same seed gives the same result every time
help-reliability-json = Print one JSON object instead of the readable summary
help-reliability-csv = Also write every sampled year as CSV (sample, weather year, draw, loss of load, unserved energy, events, longest event, backup energy, survival shares)
help-reliability-shard = Run only the sampled years of shard i of n (those numbered i-1 modulo n, as Slurm array task ids count from 1) and write them to --out; `merge` combines the shards
help-reliability-out = Result file of --shard (default: reliability-shard-i-of-n.json)
help-reliability-dispatch = What the dispatch knows of the future: perfect, greedy or forecast:H (H hours ahead). Default: the scenario's `simulation.dispatch`
help-reliability-set = Override a field before running (repeatable), as for `simulate`
help-describe = Describe what the program reports and reads: `kpis` (every KPI: key, label, unit, which way is better, section, help), `fields` (every scenario input: path, label, unit, help, plausible range, default) or `hourly` (every column of `--hourly`)
help-describe-what = What to describe
help-describe-what-kpis = Every KPI of a run (the `kpis` object of `simulate --json`)
help-describe-what-fields = Every input of a scenario file (the paths `--set` takes, `[]` for list items)
help-describe-what-hourly = Every column of `simulate --hourly` (name, unit, meaning)
help-describe-json = Print JSON (a list of objects) instead of a table

## --help: clap's own words (clap writes them itself in English; these replace them in
## other languages)
help-clap-usage = Usage:
help-clap-commands = Commands
help-clap-arguments = Arguments
help-clap-options = Options
help-clap-print-help = Print help
help-clap-print-help-more = Print help (see more with '--help')
help-clap-print-help-summary = Print help (see a summary with '-h')
help-clap-print-version = Print version
help-clap-help = Print this message or the help of the given subcommand(s)
help-clap-help-subcommands = Print help for the subcommand(s)
help-clap-default = [default: { $value }]
help-clap-possible-values = [possible values: { $values }]
help-clap-possible-values-heading = Possible values:
help-clap-value-colon = :
cli-compare-needs-two = compare needs two scenario files or more (the first is the baseline); to compare the cooling choices of one scenario, add --cooling
cli-compare-cooling-one-file = compare --cooling compares the heat-rejection choices of one scenario: give one file
cli-compare-cooling-own = { $choice } (the scenario's)
