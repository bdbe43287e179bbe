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
cli-pareto-extra = extra M USD/yr per point
cli-pareto-solar = solar MWdc
cli-pareto-wind = wind MW
cli-pareto-battery = battery MWh/MW
cli-pareto-backup = backup MW
cli-pareto-unreachable = not reachable within the bounds (closest shown)
cli-pareto-point = Pareto point { $point }: target { $target }: { $cost } M USD/yr in { $seconds } s
cli-pareto-point-not-met = Pareto point { $point }: target { $target }: { $cost } M USD/yr (not met) in { $seconds } s

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
cli-reliability-step = reliability step { $step }: { $change }: { $cost } M USD/yr, LOLE { $lole } h/yr, EUE { $eue } MWh/yr
cli-reliability-step-met = reliability step { $step }: { $change }: { $cost } M USD/yr, LOLE { $lole } h/yr, EUE { $eue } MWh/yr (met)
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
cli-job-done = job { $job } ({ $case } / year { $year } / target { $target }): { $cost } M USD/yr in { $seconds } s
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
