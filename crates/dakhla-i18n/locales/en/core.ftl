# dakhla-planner: English catalog of messages the engine builds: file and parse errors, validation, migration notes.
# Every message here is also in locales/fr/core.ftl, with the same placeholders (a test checks).

## Characters and sizes in messages (text.rs)
core-char-escape = escape, starts terminal control sequences
core-char-carriage-return = carriage return
core-char-line-end = line end
core-char-tab = tab
core-char-null = null
core-char-delete = delete
core-char-direction = invisible text-direction control
core-char-separator = line or paragraph separator
core-char-zero-width = invisible zero-width character
core-char-not-text = not a character of text
core-char-control = control character
# $size: a figure with one decimal.
core-megabytes = { $size } MB

## Files read and written (files.rs)
core-kind-folder = a folder
core-kind-file = a file
core-kind-symlink = a symbolic link
core-kind-block-device = a block device
core-kind-char-device = a character device
core-kind-named-pipe = a named pipe
core-kind-socket = a socket
core-kind-not-regular = not a regular file
core-kind-empty-pipe = a named pipe that no program wrote into
core-role-scenario = the scenario
core-role-weather-file = the weather file
core-role-shard = shard file { $number } of this merge
core-output-empty-name = the file name is empty
core-output-ends-with-separator = it ends with a path separator, so it names a folder; give a file name
core-output-read-only = it is read-only (its permissions forbid writing it); make it writable, or give another file name
core-output-is-folder = it is a folder, not a file; give a file name (e.g. inside that folder)
core-output-not-regular = it is { $kind }; outputs go to regular files (or to a character device such as /dev/null, or a named pipe that a program reads)
core-output-no-file-name = it does not end in a file name
core-output-folder-is-not-folder = { $folder } is { $kind }, not a folder
core-output-folder-missing = the folder { $folder } does not exist
core-output-pipe-without-reader = it is a named pipe that no program is reading; start the reader first
# $role: the option that names the output (--hourly); $error: why it cannot be written.
core-output-cannot-write = { $role } { $path }: cannot write there: { $error }
# $input: the role of the input ("the scenario").
core-output-is-input = { $role } { $path }: this is { $input } of this run; writing there would destroy it. Give another file name
core-output-is-input-by-another-name = { $role } { $path }: this is { $input } of this run ({ $input_path } names the same file); writing there would destroy it. Give another file name
core-output-twice = { $role } { $path }: { $other } { $other_path } writes the same file; give each output its own name
core-input-not-a-file = it is { $kind }, not a file
core-input-too-large = it is { $size }
core-input-empty-pipe = it is a named pipe and no program wrote into it
core-io-permission-denied = permission denied
core-io-not-found = the folder does not exist
core-io-disk-full = the disk is full
core-io-read-only-disk = the disk is read-only
core-io-quota = the disk quota is used up
core-io-not-a-directory = part of the path is a file, not a folder
core-io-is-a-directory = it is a folder, not a file
core-io-crosses-devices = the file is on another disk than its folder says
core-io-link-loop = it leads through a loop of symbolic links

## Reading a scenario file (scenario/io.rs)
# $file: the file as given; $error: why it cannot be read.
core-cannot-read-file = { $file }: cannot read the file: { $error }
# $kind: what the path is ("a folder").
core-not-a-scenario-file = { $file }: this is { $kind }, not a scenario file (.ron)
# $size, $max: sizes with their unit ("40.0 MB").
core-scenario-too-large = { $file }: the file is { $size }; a scenario file is a few kilobytes (at most { $max } are read): is this the right file?
core-not-utf8 = this character is not UTF-8 text; a scenario file is plain text: save it as UTF-8
core-schema-newer = this file uses schema version { $version } but this program reads versions up to { $current }; open it with a newer dakhla-planner
core-schema-unknown = schema version must be 1 to { $current }, got { $version }
core-file-empty = the file is empty; a scenario file starts with `(` and holds schema_version, site, weather, datacenter...
core-file-only-comments = the file holds only comments; a scenario file starts with `(` and holds schema_version, site, weather, datacenter...
# $why: core-not-a-scenario-binary or core-not-a-scenario-start.
core-not-a-scenario = this is not a scenario file ({ $why }); a scenario file is RON text that starts with `(` (after any comments) and holds schema_version, site, weather, datacenter...
core-not-a-scenario-binary = it holds binary data
core-not-a-scenario-start = it does not start with `(`
core-file-cut-off = the file ends too early; it looks cut off (a bracket or parenthesis is not closed)

## RON syntax and type errors (scenario/io.rs, scenario/parse_errors.rs)
# $found: the name in the file; $suggestion: the nearest allowed name; $allowed: the names allowed, comma-separated.
core-unknown-field-suggest = unknown field `{ $found }`; did you mean `{ $suggestion }`? Allowed here: { $allowed }
core-unknown-field = unknown field `{ $found }`; allowed here: { $allowed }
core-missing-field = the required field `{ $field }` is missing; add it (`{ $field }: ...,`)
core-unknown-choice = `{ $found }` is not one of the allowed choices: { $allowed }
core-duplicate-field = the field `{ $field }` appears twice; keep one
core-eof = the file ends too early; a bracket or parenthesis is probably not closed
core-integer-out-of-bounds = must be a whole number, 0 or more and not absurdly large
core-expected-integer = expected a whole number here (no decimal point)
core-expected-number = expected a number here
core-expected-string = expected text in double quotes here
core-expected-bool = expected true or false here
core-expected-comma = expected a comma between two entries (or a closing bracket)
core-expected-option = expected Some(value) or None here
core-trailing-text = unexpected text after the end of the scenario (it ends with the `)` that closes its first `(`); remove it or move it inside
core-struct-name = expected `(` here, got `{ $found }`: a block of fields starts with `(`, with no name before it
core-expected-colon = expected a colon between the field name and its value (`name: value`)
core-expected-block = expected `(` here: the fields of this entry go in parentheses, `(name: value, ...)`
core-expected-block-end = expected `)` here to close the block (or a comma before the next entry)
core-expected-list = expected a list in square brackets here, `[..., ...]`
core-expected-list-end = expected `]` here to close the list (or a comma before the next entry)
core-expected-name = expected a name here
# $got: the text found in the file.
core-expected-field-name = expected a field name here, got { $got }
core-string-not-closed = this text in double quotes is not closed; add the closing "
core-comment-not-closed = a comment opened with /* is not closed with */
core-unexpected-char = unexpected character `{ $char }` here
# $expected: the type as the reader names it, in English ("a string").
core-invalid-value = expected { $expected } here, got { $got }
core-wrong-length = expected { $expected } here, got { $count } value(s)
core-nesting = brackets and parentheses are nested deeper than { $max } levels here; a scenario nests about 6 levels deep, so a bracket is probably not closed or this is not a scenario file
# $token: a comma or closing bracket.
core-got-nothing-before = nothing before `{ $token }` (the value is missing)
core-quoted-bool = expected true or false here, got { $got }: write it without double quotes
core-quoted-integer = expected a whole number here, got { $got }: write it without double quotes
core-quoted-number = expected a number here, got { $got }: write it without double quotes
# $message: one of the messages above (core-expected-number...).
core-plain-got = { $message }, got { $got }
core-negative-integer = must be a whole number, 0 or more, got { $got }
core-integer-too-large = { $got } is too large for this whole number
# $name: the name without its quotes; $got: it as written, in quotes.
core-quoted-name = expected a name without double quotes here: write { $name } instead of { $got }
core-expected-name-got = expected a name here (a field name, or a choice such as GasTurbine), got { $got }
# RON writes numbers with a decimal point whatever the language: the examples stay as they are.
core-thousands-separator = { $written } is not a number: write numbers without thousands separators and with a decimal point (1600.5, not 1,600.5 or 1600,5)
core-expected-field-name-number = expected a field name here, got { $got }; numbers are written without thousands separators and with a decimal point (1600.5, not 1,600.5 or 1600,5)
# $name: a field of the scenario itself (weather); $parent: the block it was found in.
core-scenario-field-inside = unknown field `{ $name }` inside { $parent }; `{ $name }` belongs to the scenario itself, so the block before this line is probably not closed (a `)` or `]` is missing)
core-string-runs-on = the text in double quotes that starts here is not closed: its closing " is missing (the text runs on to line { $line })
core-decimal-for-integer = expected a whole number here (no decimal point), got { $got }
core-not-a-number = { $got } is not a number
core-comma-missing-before = a comma is missing at the end of this line, before `{ $name }` (each entry ends with a comma)
core-unit-after-number = expected a comma after the number, got { $got }; write the number alone (the unit is in the field name)
core-expected-comma-got = expected a comma between two entries (or a closing bracket) here, got { $got }

## Validation: values the program cannot work with, and warnings (scenario/validate.rs)
# Figures come in written for the language; units (MW, kW, C, ha) stay as they are.
# $allowed: what the field allows, in words (core-allowed-...); $got: the value found.
core-must-be-between = must be between { $min } and { $max } ({ $allowed }), got { $got }
core-must-be-at-least = must be { $min } or more ({ $allowed }), got { $got }
core-must-be-above = must be more than { $min } and at most { $max } ({ $allowed }), got { $got }
core-got-nan = NaN (not a number)
core-got-infinite = an infinite value
# $thing: core-thing-... ("a rack group").
core-needs-name = { $thing } needs a name; it is empty
# $what: core-text-... or a core-thing-... .name ("a rack group name").
core-text-too-long = { $what } is { $length } characters long; at most { $max }
# $char: the character as core-char-... describes it ("U+001B (escape, ...)").
core-name-unsafe-char = { $what } holds the character { $char }; remove it (a name is one line of text)
core-text-unsafe-char = { $what } holds the character { $char }; remove it
# $what: core-list-... ("rack groups").
core-list-too-long = at most { $max } { $what }, got { $count }; is part of the file repeated by mistake?
# $list: the list's field path (backup).
core-name-taken = the name "{ $name }" is already used earlier in { $list }; names must differ
core-thing-site = the site
    .name = the site name
core-thing-rack-group = a rack group
    .name = a rack group name
core-thing-solar-plant = a solar plant
    .name = a solar plant name
core-thing-wind-farm = a wind farm
    .name = a wind farm name
core-thing-custom-turbine = a custom turbine
    .name = a custom turbine name
core-thing-backup-unit = a backup unit
    .name = a backup unit name
core-thing-cost-case = a cost case
    .name = a cost case name
core-text-scenario-name = the scenario name
core-text-author = the author
core-text-team = the team
core-text-description = the description
core-text-notes = the notes
core-text-weather-path = the weather file's path
core-list-rack-groups = rack groups
core-list-solar-plants = solar plants
core-list-wind-farms = wind farms
core-list-curve-points = points in a power curve
core-list-backup-units = backup units
core-list-sensitivity-cases = sensitivity cases
# $path: the weather file as written; $sha: the first 12 digits of the recorded SHA-256.
core-weather-sha-differs = the weather file { $path } is not the one this scenario was made with (its SHA-256 differs from the recorded { $sha }...); results will differ from the original team's
core-synthetic-far-from-dakhla = the built-in climate is Dakhla's, but the site is more than 3 degrees away; use a weather file (Epw) for this site
core-battery-no-power = the battery has energy ({ $energy } MWh) but no power, so it never charges or discharges; it is not built (nor paid for)
core-battery-no-energy = the battery has power ({ $power } MW) but no energy, so it never charges or discharges; it is not built (nor paid for)
core-battery-hours = { $energy } MWh at { $power } MW is { $hours } hours of storage; batteries hold 1 to 8 hours (long-duration storage up to a few hundred): check both values
core-no-load = the datacenter draws (almost) no power: no racks, none in use, or profiles of zeros; there is no load to supply and nothing to size
core-shear-extrapolation = the power law multiplies the measured wind by { $factor } from { $measured } m to the { $hub } m hub (exponent { $exponent }); extrapolations beyond about { $limit }x are not reliable: check measurement_height_m and shear_exponent
# $name: the rack group's name; $month: the month it comes online (2030-01); $year: the simulated year.
core-online-after-year-last-hours = "{ $name }" comes online in { $month }, after the simulated year { $year }: it draws power only in the run's last { $hours } hour(s), already { $month } in local time (simulate a later year to see it)
core-online-after-year = "{ $name }" comes online in { $month }, after the simulated year { $year }: it draws no power in this run (simulate a later year to see it)
core-synthetic-year-differs = the synthetic weather year is { $weather_year } but simulation.year is { $year }; the weather's year sets the time axis
core-calendar-year = must be a calendar year between 1900 and 2200, got { $got }
core-sha256-format = must be the file's SHA-256, 64 hexadecimal digits (the GUI records it; `sha256sum` prints it), got "{ $got }"; or remove it
core-weather-path-empty = name the weather file (.epw or .csv, path relative to the scenario file)
core-weather-path-not-a-file = { $path } is { $kind }, not a weather file (.epw or .csv)
core-weather-file-missing = the weather file { $path } does not exist (paths are relative to the scenario file's folder)
core-weather-file-unreachable = the weather file { $path } cannot be reached: { $error }
# $allowed: the time steps, comma-separated.
core-timestep = must be one of { $allowed } minutes, got { $got }
core-flexibility-window = must be one of { $allowed } hours (the local day, two days or a week), got { $got }
core-forecast-horizon = must be 1 to { $max } hours (a week), got { $got }
core-racks-implausible = { $count } racks in one group is not plausible; at most { $max }
core-utilization-too-small = must be 0 (racks not in use) or between { $min } and 1 (fraction of the rack's design power), got { $got }
core-month = must be a month 1 to 12 (January = 1), got { $got }
core-online-year = must be a calendar year such as 2027 (1900 to 2200), got { $got }
core-export-not-grid = only a grid link (kind GridImport) exports surplus; a { $kind } cannot export { $got } MW: set 0
core-hourly-profile-length = an hourly profile needs { $needed } factors (hours 0 to 23), got { $got }
core-hourly-factor-too-high = hour { $hour }: factor { $factor } x utilization { $utilization } = { $product } exceeds the rack's design power; factors must be at most 1/utilization = { $most }
core-mechanical-below-free-cooling = must be at least free_cooling_below_c ({ $free } C), got { $got } C
core-cop-min-above-rated = must not exceed chiller_cop_rated
core-pue-too-high-when-hot = these values give a PUE of { $pue } at { $hot } C (chiller at its lowest COP), more than the { $max } a fixed PUE may have: raise chiller_cop_min or lower the fan and loss fractions
# $names: the library's turbines, comma-separated.
core-turbine-not-in-library = no turbine named "{ $name }" in the library; choose one of: { $names }
core-curve-above-rating = the curve reaches { $peak } kW, more than the rated { $rated } kW
core-curve-above-betz = { $power } kW at { $speed } m/s is more than the wind through a { $diameter } m rotor holds ({ $limit } kW at the Betz limit, 59 % of the wind's power): check the rotor diameter and the curve
core-curve-late-rating = the curve does not reach 90 % of the rated { $rated } kW by { $speed } m/s; turbines reach their rating at 10-15 m/s and stop at about 25 m/s
core-curve-below-rating = the curve never reaches the rated { $rated } kW (its highest point is { $peak } kW): give the curve of this turbine, or its rated power
core-turbines-implausible = { $count } turbines in one farm is not plausible; at most { $max }
core-soc-window = must be at least { $window } above soc_min_frac ({ $min }), got { $got } (the battery works between them; typically 0.05 to 0.95)
core-initial-soc = must lie between soc_min_frac ({ $min }) and soc_max_frac ({ $max }), got { $got }
core-unit-count = must be 1 to { $max } (identical units that share the capacity), got { $got }
core-carbon-free-emits = a unit whose output is all carbon-free emits no CO2, but emission_factor_t_per_mwh_th is { $factor }: set one of them to match the other
core-analysis-years = must be 1 to 100 years, got { $got }
# $unit: MWdc, MW or MWh.
core-bounds-reversed = the lower bound ({ $min }) is above the upper bound ({ $max }) { $unit }
# $why: core-most-...
core-bound-above-what-fits = { $min } { $unit } is more than the scenario can hold ({ $most } { $unit }: { $why }); lower it
core-most-solar = 100,000 MWdc a solar plant
core-most-wind = 20,000 turbines a wind farm
core-most-battery = 1,000,000 MWh of battery
core-most-unit = 100,000 MW a unit
core-wind-no-whole-turbines = no whole number of { $rating } MW turbines gives between { $min } and { $max } MW ({ $below } or { $above } MW are the nearest): widen the range
core-solar-land-too-small = { $land } ha is less than the { $needed } ha that the least solar the optimizer may build ({ $solar } MWdc, optimizer.solar_mwdc) covers: raise it or lower the solar
core-pareto-span = must be at least { $span } above pareto_from ({ $from }), got { $got }
core-pareto-points = must be 2 to 200 points, got { $got }
core-case-needs-name = needs a name (it labels the results)
core-case-base-name = "{ $name }" is the name of the study's own case (the scenario's costs unchanged); give this case another name

## What a number field allows, in the brackets of validation messages: the field registry's words
## (FieldKind::Number allowed, scenario/fields.rs), the id made from them (validate::allowed_id).
## A test keeps every registry phrase here, word for word.
core-allowed-degrees-north-positive = degrees, north positive
core-allowed-degrees-east-positive-dakhla-is-about-15-9 = degrees, east positive; Dakhla is about -15.9
core-allowed-metres-above-sea-level = metres above sea level
core-allowed-hours-from-utc = hours from UTC
core-allowed-hours-from-utc-during-ramadan = hours from UTC during Ramadan
core-allowed-mw = MW
core-allowed-kw-per-rack-air-cooled-8-15-liquid-cooled-ai-about-120 = kW per rack; air-cooled 8-15, liquid-cooled AI about 120
core-allowed-fraction-of-the-rack-s-design-power-0-to-1 = fraction of the rack's design power, 0 to 1
core-allowed-fraction-of-the-group-s-it-energy-0-to-1 = fraction of the group's IT energy, 0 to 1
core-allowed-fraction-of-the-flexible-groups-it-energy-0-to-1 = fraction of the flexible groups' IT energy, 0 to 1
core-allowed-fraction-of-the-group-s-design-power-per-hour-above-0-and-at-most-1 = fraction of the group's design power per hour, above 0 and at most 1
core-allowed-factor-multiplying-the-utilization = factor multiplying the utilization
core-allowed-pue-1-0-is-no-overhead = PUE, 1.0 is no overhead
core-allowed-c = C
core-allowed-fraction-of-it-power = fraction of IT power
core-allowed-coefficient-of-performance-air-cooled-chillers-about-3-5 = coefficient of performance; air-cooled chillers about 3-5
core-allowed-cop-lost-per-degree-c = COP lost per degree C
core-allowed-coefficient-of-performance-on-the-hottest-hours-about-2 = coefficient of performance on the hottest hours; about 2
core-allowed-fraction-eco-mode-0-98-0-99 = fraction; eco-mode 0.98-0.99
core-allowed-outdoor-design-temperature-in-c = outdoor design temperature in C
core-allowed-mwdc = MWdc
core-allowed-dc-over-ac-rating-1-1-1-5-typical = DC over AC rating; 1.1-1.5 typical
core-allowed-degrees-from-horizontal = degrees from horizontal
core-allowed-degrees-180-facing-south = degrees, 180 = facing south
core-allowed-ground-coverage-ratio-0-3-0-5-typical-0-for-a-single-row = ground coverage ratio; 0.3-0.5 typical, 0 for a single row
core-allowed-degrees-45-60-typical = degrees; 45-60 typical
core-allowed-ground-coverage-ratio-0-3-0-5-typical = ground coverage ratio; 0.3-0.5 typical
core-allowed-percent-pvwatts-default-14-08 = percent; PVWatts default 14.08
core-allowed-per-degree-c-about-0-0037-for-crystalline-silicon = per degree C; about -0.0037 for crystalline silicon
core-allowed-percent-96-99-typical = percent; 96-99 typical
core-allowed-ground-reflectance-sand-0-25-0-4 = ground reflectance; sand 0.25-0.4
core-allowed-percent-per-year-0-5-typical = percent per year; 0.5 typical
core-allowed-hectares-per-mwdc-1-5-3-typical = hectares per MWdc; 1.5-3 typical
core-allowed-mw-of-ac-per-inverter = MW of AC per inverter
core-allowed-mw-of-surplus-the-link-may-export = MW of surplus the link may export
core-allowed-per-mwh-exported = ¤ per MWh exported
core-allowed-fraction-of-time-on-forced-outage = fraction of time on forced outage
core-allowed-hours = hours
core-allowed-kw-utility-turbines-2-000-15-000 = kW; utility turbines 2,000-15,000
core-allowed-m = m
core-allowed-metres-100-170-for-modern-turbines = metres; 100-170 for modern turbines
core-allowed-metres-10-for-epw-and-the-built-in-climate = metres; 10 for EPW and the built-in climate
core-allowed-power-law-exponent-0-10-0-14-over-open-coastal-desert = power-law exponent; 0.10-0.14 over open coastal desert
core-allowed-percent-10-20-typical = percent; 10-20 typical
core-allowed-mwh = MWh
core-allowed-fraction-lfp-about-0-845-hydrogen-about-0-35 = fraction; LFP about 0.845, hydrogen about 0.35
core-allowed-fraction-of-energy-mwh = fraction of energy_mwh
core-allowed-fraction-of-stored-energy-per-day-lfp-about-0-0005 = fraction of stored energy per day; LFP about 0.0005
core-allowed-percent-of-capacity-per-year-lfp-about-2 = percent of capacity per year; LFP about 2
core-allowed-mw-per-power-conversion-block = MW per power-conversion block
core-allowed-electric-output-over-fuel-heat-ocgt-0-405-diesel-0-35-grid-1-0 = electric output over fuel heat; OCGT 0.405, diesel 0.35, grid 1.0
core-allowed-per-mwh-of-fuel-heat = ¤ per MWh of fuel heat
core-allowed-per-mwh = ¤ per MWh
core-allowed-per-mwh-imported = ¤ per MWh imported
core-allowed-t-co2-per-mwh-of-fuel-heat-gas-0-202-diesel-0-267 = t CO2 per MWh of fuel heat; gas 0.202, diesel 0.267
core-allowed-fraction = fraction
core-allowed-probability-that-a-start-fails = probability that a start fails
core-allowed-fraction-per-year-0-05-0-10-typical = fraction per year; 0.05-0.10 typical
core-allowed-per-kw = ¤ per kW
core-allowed-euros-per-us-dollar = euros per US dollar
core-allowed-dirhams-per-us-dollar = dirhams per US dollar
core-allowed-percent-of-capex-per-year = percent of capex per year
core-allowed-years-20-30-for-plants-15-for-batteries = years; 20-30 for plants, 15 for batteries
core-allowed-per-kwh = ¤ per kWh
core-allowed-years-about-15-for-lfp = years; about 15 for LFP
core-allowed-per-tonne-co2 = ¤ per tonne CO2
core-allowed-kwh-per-m = kWh per m³
core-allowed-m-per-day-0-to-size-it-to-the-peak-day = m³ per day, 0 to size it to the peak day
core-allowed-m-per-year = m³ per year
core-allowed-per-m = ¤ per m³
core-allowed-fraction-0-to-1 = fraction 0 to 1
core-allowed-mwh-per-year = MWh per year
core-allowed-h-per-year = h per year
core-allowed-fraction-0-5-to-1 = fraction 0.5 to 1
core-allowed-hectares = hectares
core-allowed-multiplier-1-unchanged = multiplier, 1 = unchanged
core-allowed-a-number = a number
core-allowed-k = K
core-allowed-at-least-1-5 = at least 1.5
core-allowed-fraction-of-the-circulating-water = fraction of the circulating water
core-allowed-l-per-kwh-of-it-energy = L per kWh of IT energy

## --set path=value overrides (scenario/overrides.rs)
# $path: the field path as typed; $example: another field path.
core-set-not-a-path = `{ $path }` is not a field path (e.g. { $example })
core-set-unclosed-bracket = `{ $path }`: a `[` without its `]`
core-set-not-a-position = `{ $path }`: `[{ $index }]` is not a list position
core-set-path-too-deep = `{ $path }` has more than { $max } parts; a field path is a few names deep (e.g. wind_farms[0].turbine.rated_kw)
# $assignment, $other: path=value as typed.
core-set-twice = --set { $assignment }: { $path } is also set by --set { $other }; set each field once
# $reason: why the value does not fit, in the reader's English words.
core-set-invalid-value = --set { $assignment }: { $path }: { $value } is not a valid value here: { $reason }
# $assignment: path=value as typed (several: joined by ", --set "); $problem: what is wrong.
core-set-field-problem = --set { $assignment }: { $path }: { $problem }
core-set-problem = --set { $assignment }: { $problem }
core-set-after-overrides = { $path }: { $problem } (after the --set overrides)
core-set-too-long = --set { $assignment }: the assignment is { $length } bytes long; an override is a path=value such as battery.energy_mwh=4000, at most { $max } bytes
core-set-no-equals = --set { $assignment }: expected path=value, e.g. battery.energy_mwh=4000
core-set-schema-version = cannot be set: it says which format the file is written in, not a planning value (`dakhla-planner migrate FILE` brings a file to the current version)
core-set-no-fields = `{ $path }` has no fields
core-set-optional-unset = `{ $field }` is not set here, so it has no parts to change: set it whole, as in { $path }={ $example }
core-set-unknown-field = unknown field `{ $found }`; Allowed here: { $allowed }
core-set-unknown-field-alone = unknown field `{ $found }`
core-set-not-a-list = `{ $path }` is not a list
core-set-no-such-position = `{ $path }` has { $count } { $count ->
        [one] entry
       *[other] entries
    }; positions start at 0
core-set-value-too-deep = the value's brackets are nested deeper than { $max } levels; a scenario's values nest a few levels deep

## Migration of older scenario files (scenario/migrate.rs)
# $from, $to: schema versions; $changes: the number of notes.
core-migration-summary = written in schema version { $from } and updated to version { $to } on opening ({ $changes } { $changes ->
        [one] change
       *[other] changes
    }); saving writes version { $to }
core-migration-cannot-write = cannot write the migrated scenario: { $error }
core-migration-1-to-2 = schema version 1 became 2: rack groups now come online in a calendar month (year and month) instead of a month of the simulated year, so that a build-out can span several years; results are unchanged
# $old: the schema 1 month; $simulated: the simulated year.
core-migration-online-month = { $old } became `online_from: Some((year: { $year }, month: { $month }))`, that month of the simulated year { $simulated }
core-migration-online-whole-year = { $old } became `online_from: None` (online the whole year)
core-migration-2-to-3 = schema version 2 became { $to }: backup units, turbines, inverters and battery power blocks gained failure data for reliability runs (the defaults of their kind, written into the file; their sources: `dakhla-planner describe fields`); simulation and optimization results are unchanged
core-migration-grid-link = one unit (the link)
core-migration-units = { $count } { $count ->
        [one] unit
       *[other] units
    } of { $size } MW (an assumed typical size; set unit_count to your design)
# $split: core-migration-grid-link or core-migration-units; $outage, $start: percentages.
core-migration-backup = { $capacity } MW became { $split }, forced outage rate { $outage } %, repair time { $repair } h, start failure { $start } %
core-migration-turbines = its turbines got a forced outage rate of { $outage } % and a repair time of { $repair } h
core-migration-inverters = its inverters got a size of { $size } MW, a forced outage rate of { $outage } % and a repair time of { $repair } h
core-migration-battery = its power conversion got blocks of { $size } MW, a forced outage rate of { $outage } % and a repair time of { $repair } h

# Words in KPI units (symbols such as GWh or MAD stay as they are).
core-unit-racks = racks
core-unit-cycles = cycles
core-unit-per-year = /yr
core-unit-per-day = /day
