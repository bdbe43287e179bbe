# dakhla-planner: English catalog of messages the engine builds about weather files, studies and sizing.
# Every message here is also in locales/fr/engine.ftl, with the same placeholders (a test checks).

## Weather quantities (names in messages)
engine-quantity-ghi = global horizontal irradiance
engine-quantity-dni = direct normal irradiance
engine-quantity-dhi = diffuse horizontal irradiance
engine-quantity-temp-air = dry-bulb temperature
engine-quantity-wind-speed = wind speed
engine-quantity-pressure = station pressure
engine-quantity-relative-humidity = relative humidity
engine-quantity-dew-point = dew-point temperature
engine-quantity-latitude = latitude
engine-quantity-longitude = longitude
engine-quantity-elevation = elevation
engine-quantity-time-zone = time zone

## Durations (a time step, a gap)
engine-duration-hour = 1 hour
engine-duration-hours = { $hours } hours
engine-duration-min = { $minutes } min
engine-duration-s = { $seconds } s

## Where a weather series comes from (for a person; results and shard files keep the English)
engine-source-synthetic = synthetic { $site } climate, seed { $seed }, year { $year }
engine-source-epw = EPW file { $file }, data stamped as year { $year }
engine-source-csv = CSV file { $file }, { $steps } steps of { $step } from { $start }
engine-source-means-over = { $source } (means over { $minutes } min)
engine-source-humidity-estimated = { $source } (humidity estimated from the daily lowest temperature)
engine-source-humidity-estimated-steps = { $source } (humidity estimated for { $steps } steps)
engine-source-split-into = { $source } (split into { $minutes } min steps)
engine-source-interannual = { $source } (its own year-to-year variation)

## Weather files: any format
engine-weather-cannot-read = { $file }: cannot read the weather file: { $reason }
engine-weather-file-problem = { $file }: { $message }
engine-weather-is-not-a-file = it is { $kind }, not a weather file
engine-weather-too-large = the file is { $size }; a year of weather at 1-minute steps is about 80 MB (at most { $max } are read): is this the right file?
engine-weather-line-too-long = this line is { $length } characters long; a weather data row is about 100 (at most { $max } are read): is this a weather file?
engine-weather-unknown-extension = files ending in .{ $extension } are not a supported weather format
engine-weather-no-extension = the file name has no extension, so its weather format is unknown
engine-weather-use-epw-or-csv = { $what }; use an EnergyPlus weather file (.epw) or a CSV weather file (.csv with columns timestamp, ghi, dni, dhi, temp_air, wind_speed)

## Weather files: EPW
engine-epw-too-few-header-lines = the file ends after { $lines } line(s); an EPW file has { $header } header lines (LOCATION ... DATA PERIODS) followed by the hourly data
engine-epw-ends-early = the file ends early
engine-epw-past-one-year = the file continues past one year
engine-epw-row-count = { $what }: it has { $rows } data rows, but a year of EPW data has { $year_rows } rows ({ $leap_rows } with February 29)
engine-epw-leap-file = the file has { $rows } rows, a leap year with February 29, but the requested year { $year } is not a leap year; choose a leap year (e.g. { $example })
engine-epw-leap-year = the file has { $rows } rows, a year without February 29, but the requested year { $year } is a leap year; choose a non-leap year (e.g. { $example }) or a file with { $leap_rows } rows
engine-epw-first-minute = the minute field of the first row is '{ $found }'; with { $per_hour } records per hour (DATA PERIODS) it should be { $step } (the end of the first { $step }-minute interval) or 0 (its start)
engine-epw-field-count = this data row has { $count } fields; an EPW data row has { $fields } (year, month, day, hour, minute, flags, then the values)
engine-epw-field-count-empty-line = this data row has { $count } fields (an empty line inside the data); an EPW data row has { $fields } (year, month, day, hour, minute, flags, then the values)
engine-epw-expected-date = expected month { $month }, day { $day }, hour { $hour } here (rows run in time order from January 1 hour 1), found month '{ $found_month }', day '{ $found_day }', hour '{ $found_hour }'
engine-epw-expected-minute = expected minute { $expected } here (record { $record } of { $per_hour } in hour { $hour }, following the first row's convention), found minute '{ $found }'
engine-epw-missing-everywhere = { $quantity } is missing in every row
engine-epw-gap-too-long = { $quantity } is missing for { $hours } consecutive hours (lines { $first } to { $last }); at most { $max } hours can be filled by interpolation
engine-epw-not-a-number = { $quantity } '{ $value }' is not a number
engine-epw-not-finite = { $quantity } '{ $value }' is not a finite number
engine-epw-out-of-range = { $quantity } { $value } { $unit } is outside the plausible range { $min } to { $max } { $unit } (the EPW code for a missing { $quantity } is { $code })
engine-epw-location-missing = the LOCATION line has no { $quantity }
engine-epw-location-not-a-number = { $quantity } '{ $value }' in the LOCATION line is not a number
engine-epw-location-out-of-range = { $quantity } { $value } { $unit } in the LOCATION line is outside { $min } to { $max } { $unit }
engine-epw-no-location = the first line should start with LOCATION: this does not look like an EnergyPlus weather (EPW) file
engine-epw-no-data-periods = line { $line } should be the DATA PERIODS header (an EPW file has { $line } header lines before the data)
engine-epw-data-periods = the file has { $periods } data periods; only files with one period covering the whole year are supported
engine-epw-records-per-hour = { $per_hour } records per hour in DATA PERIODS is not supported (use 1, 2, 3, 4, 6, 12, ... records per hour)

## Weather files: CSV
engine-csv-no-header = the file has no header row: a CSV weather file starts with a row of column names such as timestamp,ghi,dni,dhi,temp_air,wind_speed
engine-csv-single-column = the first row that is not a comment has a single column, so this does not look like a CSV weather file: its header row names the columns separated by commas or semicolons, e.g. timestamp,ghi,dni,dhi,temp_air,wind_speed
engine-csv-header-unreadable = cannot read the header row as CSV: { $error }
engine-csv-no-header-row = the file has no header row
engine-csv-line-unreadable = cannot read this line as CSV: { $error }
engine-csv-too-few-values = this row has { $values } value(s) but the header row has { $columns } columns
engine-csv-too-many-values = this row has { $values } values but the header row names only { $columns } columns
engine-csv-too-many-rows = the file has more than { $max } data rows (two years at 1-minute steps); split it into files of one year each (a --weather folder runs each file as one year)
engine-csv-not-a-number = { $quantity } '{ $value }' in column '{ $column }' is not a number (write an empty cell, NaN or -9999 for a missing value)
engine-csv-too-few-rows = the file has { $rows } data row(s); at least two are needed to tell the time step
engine-csv-same-time = this row has the same time as line { $line }
engine-csv-earlier = this row is earlier than line { $line }
engine-csv-step-is = the time step from line { $line } to this row is { $step }
engine-csv-irregular-step = { $what } ({ $first } then { $second }); the rows must advance by a regular step of 60, 30, 15, 10, 5 or 1 minutes
engine-csv-duplicate = duplicate timestamp: { $time } is also on line { $line }
engine-csv-time-goes-back = the time goes back: { $time } comes after { $previous } on line { $line }
engine-csv-missing-step = expected { $expected } (one step of { $step } after line { $line }), found { $found }; every step needs a row (leave the cells empty where values are missing)
engine-csv-out-of-range = { $quantity } { $value } { $unit } in column '{ $column }' is outside the plausible range { $min } to { $max } { $unit }
engine-csv-column-empty = column '{ $column }' ({ $quantity }) has no value in any row
engine-csv-gap-too-long = column '{ $column }' ({ $quantity }) is missing for { $duration } (lines { $first } to { $last }); at most 6 hours can be filled by interpolation
engine-csv-comment-not-a-number = { $name } '{ $value }' in the header comments is not a number
engine-csv-comment-out-of-range = { $name } { $value } { $unit } in the header comments is outside { $min } to { $max } { $unit }
engine-csv-given-twice = { $name } is given twice (first on line { $line })
engine-csv-latitude-without-longitude = the latitude is given but not the longitude; add a '# longitude: ...' line or remove the latitude
engine-csv-longitude-without-latitude = the longitude is given but not the latitude; add a '# latitude: ...' line or remove the longitude
engine-csv-two-time-columns = columns '{ $first }' and '{ $second }' both look like the time column; keep one
engine-csv-two-columns = columns '{ $first }' and '{ $second }' are both { $quantity }; keep one
engine-csv-pressure-unit = the pressure unit '{ $unit }' of column '{ $column }' is not supported; use Pa or hPa (mbar)
engine-csv-two-pressure-units = column '{ $column }' gives two different pressure units
engine-csv-not-weather = this does not look like a CSV weather file: none of its { $columns } column names is a weather column (a time column such as timestamp, then ghi, dni, dhi, temp_air, wind_speed)
engine-csv-no-time-column = no time column: name one of { $names }{ $unknown }
engine-csv-missing-columns = missing column(s): { $columns }{ $unknown }
engine-csv-not-recognised = ; not recognised: { $names }
engine-csv-not-recognised-more = ; not recognised: { $names } and { $more } more
engine-csv-column-separator = ;{ " " }
engine-csv-pressure-magnitude = cannot tell the unit of pressure column '{ $column }' from its values (median { $median }); name the column pressure_pa or pressure_hpa
engine-csv-humidity-fraction = relative humidity column '{ $column }' never exceeds 1: it looks like a fraction from 0 to 1; write it in percent (0 to 100)
engine-csv-no-timestamp = this row has no timestamp
engine-csv-bad-timestamp = timestamp '{ $value }' { $why }; write an ISO 8601 date and time such as 2029-01-01T00:00:00Z or 2029-01-01 00:00 (UTC unless an offset like +01:00 is given)
engine-timestamp-no-date = does not start with a date YYYY-MM-DD
engine-timestamp-no-time = has no time of day after the date
engine-timestamp-no-hhmm = has no time of day HH:MM after the date
engine-timestamp-bad-seconds = has malformed seconds
engine-timestamp-fractions = has fractions of a second
engine-timestamp-dot-without-digits = has a '.' after the seconds without digits
engine-timestamp-bad-date = is not a valid calendar date
engine-timestamp-time-out-of-range = has a time of day out of range (00:00:00 to 23:59:59)
engine-timestamp-trailing-text = has unexpected text after the time
engine-timestamp-bad-offset = has a malformed UTC offset (use +01:00, -0330 or Z)
engine-timestamp-offset-too-large = has a UTC offset beyond 14 hours

## Changing the time step of weather data
engine-resample-positive = time steps must be positive
engine-resample-not-multiple = a { $step } min step cannot be made from { $data } min data (it must be a whole multiple)
engine-resample-not-divisor = { $data } min data cannot be split into { $step } min steps (it must divide evenly)

## Least-cost sizing
engine-optimize-what-least-cost-sizing = a least-cost sizing
engine-optimize-no-load = the facility draws no power in this scenario (no racks online): there is nothing to size

## Studies and their shard files (optimize --shard, reliability --shard, merge)
engine-study-too-large = the study has { $jobs } jobs ({ $cases } cost case(s) x { $years } weather year(s) x { $targets } target(s)); at most { $max } are run in one study: fewer years (--years), Pareto points (optimizer.pareto_points) or sensitivity cases
engine-study-too-many = too many
engine-shard-argument = --shard must look like i/n with 1 <= i <= n <= { $max } (e.g. 3/10 for the third of ten), got `{ $value }`
engine-shard-not-a-file = { $name }: this is { $kind }, not a shard result file (.json)
engine-shard-too-large = { $name }: the file is { $size } MB; a shard result file is at most { $max } MB (about 600 bytes a job): is this the right file?
engine-shard-cannot-read = { $name }: cannot read the file: { $error }
engine-shard-not-shard = { $name }: not a shard result file of `{ $producer }` ({ $why })
engine-shard-why-not-utf8 = it is not UTF-8 text
engine-shard-why-json-list = it is a JSON list, not an object
engine-shard-why-not-json = it is not JSON
engine-shard-why-not-object = it is not a JSON object
engine-shard-why-no-format = it has no "format": "{ $format }"
engine-shard-the-file = the file
engine-shard-must-be-format = must be "{ $format }"
engine-shard-must-be-sha = must be the study's SHA-256, 64 lower-case hexadecimal digits
engine-shard-dispatch = must be PerfectForesight, Greedy or Forecast(horizon_h: H)
engine-shard-one-to = must be 1 to { $max }, got { $got }
engine-shard-one-to-shards = must be 1 to shards ({ $shards }), got { $got }
engine-shard-cases-count = must list 1 to { $max } cost cases, got { $got }
engine-shard-case-needs-name = a cost case needs a name
engine-shard-case-twice = "{ $case }" is listed twice; cost cases have names of their own
engine-shard-first-case = a study's first cost case is "{ $base }" (the scenario's own costs)
engine-shard-targets-count = must list 1 to 200 targets, got { $got }
engine-shard-share = must be a share between 0 and 1, got { $got }
engine-shard-targets-rise = must be above the previous target ({ $previous }): a study's targets rise, got { $got }
engine-shard-jobs-total = must be cases x weather_years x targets = { $cases } x { $years } x { $targets } = { $total } (at most { $max }), got { $got }
engine-shard-results-count = shard { $shard }/{ $shards } of a study of { $total } jobs holds { $expected } job results, got { $got } (a shard cut short, or jobs added?)
engine-shard-job-not-in-shard = job { $job } is not one of shard { $shard }/{ $shards }'s jobs (those numbered { $first } + { $shards } x k, below { $total })
engine-shard-job-order = job { $job } is listed twice or out of order
engine-shard-job-case = job { $job } is cost case "{ $case }" in this study, got "{ $got }"
engine-shard-job-year = job { $job } is weather year { $year } in this study, got { $got }
engine-shard-job-target = job { $job } has target { $target } in this study, got { $got }
engine-shard-cfe-below-rf = { $cfe } is below the renewable fraction { $rf }: the carbon-free share counts every renewable MWh and more
engine-shard-feasible = job { $job } is marked as meeting its target { $target }, but its CFE score is { $cfe }
engine-shard-cost = must be a cost between 0 and { $max } USD/yr, got { $got }
engine-shard-lcoe = must be between 0 and { $max } USD/MWh, got { $got }
engine-shard-evaluations = an optimization evaluates at least one mix, got 0
engine-shard-capacity = must be a capacity between 0 and { $max }, got { $got }
engine-shard-wall = must be between 0 and { $max } s, got { $got }
engine-shard-rate = must be the currency's units per US dollar, above 0 and at most { $max }, got { $got }
engine-shard-rate-usd = must be 1 for US dollars, got { $got }
engine-shard-results-tampered = does not match the results: a value was changed after the shard was written (re-run this shard)
engine-shard-field-problem = { $name }: { $field }: { $what }
engine-shard-text-too-long = { $name }: { $field }: longer than { $max } characters
engine-shard-text-control = { $name }: { $field }: holds the character { $character }; a shard's text has no control characters
engine-list-and-more = { $items } ... and { $more } more
engine-shard-given-twice = { $name }: shard: shard { $shard }/{ $shards } is given twice (also { $previous })
engine-shard-none-given = no shard files given
engine-shard-results-total = the shards hold { $results } results for a study of { $jobs } jobs
engine-shard-missing = { $missing } of { $shards } shards missing: { $list } (run `{ $command } --shard i/{ $n }` for each)
engine-shard-differs = { $name }: { $field }: { $theirs }, but { $first } has { $ours }: the shards are not of one study
engine-shard-study-id = study { $id }
engine-shard-n-shards = { $count } shards
engine-shard-version = version { $version }
engine-shard-another-definition = another study definition
engine-shard-a-different-one = a different one

## Reliability studies' shard files
engine-shard-samples-total = must be draws x years = { $draws } x { $years } = { $total } (at most { $max }), got { $got }
engine-shard-more-shards-than-samples = a study of { $total } samples has at most { $total } shards, got { $got }
engine-shard-wall-seconds = must be 0 to { $max } seconds, got { $got }
engine-shard-samples-count = shard { $shard }/{ $shards } of a study of { $total } samples holds { $expected } sampled years, got { $got } (a shard cut short, or samples added?)
engine-shard-sample-not-in-shard = sample { $sample } is not one of shard { $shard }/{ $shards }'s (those numbered { $first } + { $shards } x k, below { $total })
engine-shard-sample-order = sample { $sample } is listed twice or out of order
engine-shard-sample-year = sample { $sample } is weather year { $year }, draw { $draw } of this study, got year { $got_year }, draw { $got_draw }
engine-shard-zero-to-unit = must be 0 to { $max } { $unit }, got { $got }
engine-unit-per-year = per year
engine-shard-events-without-loss = { $events } events with { $hours } h of loss of load: one without the other cannot be
engine-shard-events-by-duration = the events by duration add up to { $binned }, but events is { $events }
engine-shard-survival-count = must hold { $expected } shares ({ $why }), got { $got }
engine-shard-survival-grid-link = one per outage duration, the campus has a grid link
engine-shard-survival-no-grid-link = no grid link
engine-shard-survival-rises = riding through a longer outage cannot be likelier than a shorter one ({ $share } after { $previous })
engine-shard-results-sha-mismatch = the results do not match their SHA-256: a value was changed after the shard was written
engine-shard-modes-count = must compare 3 dispatch modes, got { $got }
engine-shard-zero-to = must be 0 to { $max }, got { $got }
engine-shard-modes-repeat = must repeat the figures of modes[0] and modes[2]
engine-shard-samples-held = the shards hold { $results } sampled years for a study of { $samples }
engine-shard-differs-from = { $name }: { $field }: differs from { $first }: the shards are not of one study

## Outage tables (capacity outage probability)
engine-copt-step = the capacity step must be above 0 MW, not { $step }
engine-copt-capacity = unit { $unit }: capacity { $capacity } MW is not a whole number of capacity steps at or above 0
engine-copt-rate = unit { $unit }: forced outage rate { $rate } is outside 0 to 1
engine-copt-too-large = the outage table would have { $states } rows, more than { $max }: use a coarser capacity step

## Sizing to a reliability target: what each step changed
engine-sizing-start = start: backup in whole units
engine-sizing-unit = { $sign }1 unit of { $name } ({ $mw } MW)
engine-sizing-block = { $sign }1 battery block ({ $mw } MW, { $mwh } MWh)

# Grid link: availability dates and exports.
engine-backup-after-run = { $path }: "{ $name }" serves from { $month }, after this run: it serves nothing and costs nothing in it
engine-backup-part-run = { $path }: "{ $name }" serves from { $month }, { $pct } % of this run; its yearly capital and fixed costs count for that share
engine-export-over-law = export: { $pct } % of the solar and wind production is exported, more than the { $limit } % of its yearly production that Moroccan law (13-09 as amended by 58-15) lets a renewable producer sell; lower the export capacity or agree another offtake
engine-optimize-backup-mid-run = { $path }: "{ $name }" serves from { $month }, within the run: sizing takes each backup unit to serve every step or none; optimize a year in which it serves throughout (simulation.year), or size without the date
engine-optimize-export-prices = { $path }: the links that export must share one export price for sizing (this one differs from { $first }); set the same price, or export through one link
engine-reliability-backup-mid-run = { $path }: "{ $name }" serves from { $month }, within the run: the adequacy study takes each backup unit to serve every step or none; assess a year in which it serves throughout (simulation.year), or without the date
engine-desalination-short = water: the desalination plant's { $capacity } m³/day is short on { $days } days of the year (peak day { $peak } m³, { $short } m³ missing in all); enlarge the plant (datacenter.water_supply.capacity_m3_per_day), add storage tanks or choose a drier heat rejection
engine-water-allocation-short = water: the campus needs { $need } m³ a year, more than its allocation of { $allocation } m³ (datacenter.water_supply.max_m3_per_yr); negotiate a larger allocation, build a desalination plant or choose a drier heat rejection
