# dakhla-planner: English catalog of the HTML report and the compare table.
# Every message here is also in locales/fr/report.ftl, with the same placeholders (a test checks).

## The HTML report: the page (crates/dakhla-report/src/export.rs). Text is escaped for HTML by
## the code; figures arrive written ({ $value }).

report-unnamed-scenario = (unnamed scenario)
report-title = { $name } - dakhla-planner report
report-footer = Written by dakhla-planner { $version }. The same scenario, weather and program version give this file byte for byte.
report-author = Author: { $name }
report-team = Team: { $name }
report-notes = Notes: { $notes }

## Provenance

report-provenance = Provenance
report-program = Program
report-scenario-file = Scenario file
report-not-saved = (not saved to a file)
report-schema-version = Scenario schema version
report-scenario-sha = Scenario SHA-256 (canonical text)
report-weather-file-sha = SHA-256 of the weather file
report-weather-series-sha = SHA-256 of the weather series
report-weather-source = Weather source
report-provenance-note = Two teams that see the same program version and the same two SHA-256 values computed the same thing. The scenario hash is of the scenario as this program writes it (comments and layout of the file do not count; overrides given with --set do).

## Key results

report-key-results = Key results
report-targets = Targets
report-targets-none = no targets set
report-targets-all-met = all met
report-targets-not-met = { $failed } of { $total } not met
# { $start } is the first step's time (UTC).
report-weather-line = Weather: { $source } ({ $steps } steps of { $minutes } min from { $start }).
report-kpi-over-years = { $label } ({ $years } years)
report-target-kpi = KPI
report-target-value = value
report-target-target = target
report-target-verdict = verdict
report-target-met = MET
report-target-not-met = NOT MET
report-warnings = Warnings

## Reliability under failures

report-reliability = Reliability under failures
report-reliability-not-computed = Not computed for this report: the campus has too many failing units for the report's run (1000 failure draws). Run `dakhla-planner reliability` with fewer draws, or the Reliability panel's run, and export from the window.
report-flexibility = What flexible compute is worth
report-flexibility-note = The least-cost supply and storage were sized again with 0, 10, 20 and 30 % of the flexible rack groups' energy free to move within its windows, at each target of the Pareto front. Costs are annualized; a dash is a target that cannot be met within the optimizer's bounds.
report-flexibility-target = target
report-flexibility-share-cost = { $share } % flexible [M { $currency }/yr]
report-flexibility-saved-per-point = saved per point of flexibility [M { $currency }/yr]
report-caption-flexibility-fronts = Least annualized cost against the carbon-free share for each share of flexible work: the gap between the lines is what flexibility saves.
report-lole-headline = LOLE under failures
report-eue-headline = EUE under failures
report-unit-h-per-year = h/yr
report-unit-mwh-per-year = MWh/yr
report-unit-events-per-year = events/yr
report-dispatch-perfect = perfect foresight of the weather
report-dispatch-forecast = a rolling { $hours } h forecast of the weather
report-dispatch-greedy = no foresight (greedy)
report-rel-lole = LOLE (loss-of-load expectation)
    .help = Expected hours per year in which the campus load is not fully served.
report-rel-eue = EUE (expected unserved energy)
    .help = Expected energy per year that the campus needed and did not get.
report-rel-lolp = LOLP (loss-of-load probability)
    .help = Chance that a random hour has loss of load: LOLE / 8760 h.
report-rel-events = Loss-of-load events
    .help = Runs of consecutive hours with loss of load, per year.
report-rel-longest = Longest event
    .help = The year's longest run of hours with loss of load.
report-rel-backup = Backup energy
    .help = Energy the backup units deliver per year, with their failures drawn.
# { $draws } and { $years } choose the plural; { $draws_shown } and { $years_shown } are written.
report-rel-basis = Sequential Monte Carlo of machine failures and repairs: { $draws ->
        [one] { $draws_shown } failure draw
       *[other] { $draws_shown } failure draws
    } x { $years ->
        [one] { $years_shown } weather year
       *[other] { $years_shown } weather years
    } (seed { $seed }), { $samples } sampled years, dispatched with { $dispatch } ({ $mode }).
report-rel-stopped = {" "}The run was stopped early: the figures are of the { $samples } sampled years done.
report-rel-note = Backup units, wind turbines, PV inverters and the battery's power blocks fail and are repaired at the forced outage rates and repair times of the inputs (IEEE Std 762); a backup unit may fail to start. ± is the standard error of the mean; P90 is on the bad side: the shortfall that 90 % of sampled years stay at or below.
report-col-mean = mean
report-col-std-error = ± standard error
report-rel-survival = Riding through a loss of the grid link
report-col-grid-outage = grid outage
report-col-chance = chance of riding through
report-rel-events-by-duration = Loss-of-load events by duration
report-col-duration = duration [h]
report-row-events-per-year = events per year
report-rel-without-failures = Without failures: what the dispatch knows of the future
report-this-scenarios = {" "}(this scenario's)
report-col-dispatch = dispatch
report-col-lole = LOLE
report-col-eue = EUE
report-col-backup-energy = backup energy
report-rel-without-failures-note = Each weather year dispatched once with every machine available: the gaps between the rows are what knowing the future is worth to this design (the optimizer sizes with perfect foresight); the figures above add the failures.

## Charts and their captions

report-charts = Charts
report-charts-note = Times are UTC. The same charts are in the charts/ folder next to this file as PNG (1600 x 900 px) and SVG.
report-caption-balance-year = Energy balance over the whole run: supply stacked up to the facility load (means per day; thin lines: the load's daily minimum and maximum), battery charging and curtailment above it. Days with unmet load are marked red along the top edge.
# { $month } is the month's abbreviation ("Jan").
report-caption-week-winter = Energy balance hour by hour over a winter week (from 15 { $month }): how the battery and backup carry the nights and the calm or cloudy hours.
report-caption-week-summer = Energy balance hour by hour over a summer week (from 15 { $month }): how the battery and backup carry the nights and the calm or cloudy hours.
report-caption-soc = Battery state of charge over the run, day by day (UTC): the band spans each day's lowest to highest charge, the line is the daily mean; the dashed lines bound the usable window the controller keeps.
report-caption-monthly = Energy serving the load by source per calendar month (UTC), battery charging and curtailment stacked above; the black bar is the facility consumption.
report-caption-heat-unmet = Unmet load by day (x) and hour of day UTC (y): when the supply falls short.
report-caption-heat-backup = Backup output by day and hour of day UTC: when the gas, diesel or grid backup runs.
report-caption-heat-curtailed = Curtailed renewable output by day and hour of day UTC: surplus neither used nor stored.
report-caption-net-load = Net load (facility load minus available solar and wind) of every hour, sorted from the highest: above zero the battery, backup or unmet load must cover it, below zero is surplus.
report-caption-pue = PUE of the cooling model against the outdoor dry-bulb temperature, with the design temperature of the capacity check and the hours of the weather year per degree.
report-caption-pue-wue = Each way of rejecting the heat on this scenario's load and weather: the year's mean PUE against its WUE (site water over IT energy), with a line up to the highest hour's PUE. Dry coolers and seawater draw no water; adiabatic pads and cooling towers trade water for a lower PUE on hot hours. Computed at each choice's registry defaults (the scenario's own choice with its own parameters).
report-caption-power-curve = Power curve of the turbine of wind farm "{ $farm }" at 1.225 kg/m3, before the farm's losses and the air-density correction.
report-caption-survival = Chance of riding through a loss of the grid link starting at any hour of the year, by the outage's length: on-site units start cold and may fail to start, the battery holds what the dispatch left in it. The line is the mean over the sampled years, the dashed line the P90 (reached in 90 % of them).
report-caption-event-durations = Loss-of-load events per year by their duration, the mean over the sampled years: a run of consecutive hours with load not served is one event.
report-turbine-custom = { $name } (custom)

## Inputs

report-inputs = Inputs
report-section-site = Site and weather
report-section-datacenter = Datacenter
report-section-solar = Solar plants
report-section-wind = Wind farms
report-section-battery = Battery
report-section-backup = Backup
report-section-economics = Economics
report-section-targets = Targets
report-section-optimizer = Optimizer
report-weather-data = Weather data
report-list-label = { $label }:
report-list-none = None.
report-row-it-nameplate = IT nameplate [MW]
report-row-racks-fit = Racks fit under cap
report-row-available = Available (last run)
report-row-turbine-rating = Turbine rating
report-row-farm-capacity = Farm capacity

## Assumptions and sources (the references themselves stay as published)

report-assumptions = Assumptions and sources
report-col-stage = stage
report-col-model = model
report-col-reference = reference
report-model-solar-position = solar position
    .model = NREL Solar Position Algorithm (SPA), topocentric with refraction; hourly steps use the middle of the sunlit part of sunrise and sunset hours, as NREL SAM does
report-model-clear-sky = clear sky
    .model = Ineichen-Perez with monthly Linke turbidity
report-model-ghi-split = GHI split
    .model = Erbs diffuse fraction
report-model-plane-of-array = plane of array
    .model = Perez 1990 sky diffuse (or isotropic), ground reflection, physical glass IAM
report-model-row-shading = row shading
    .model = row-to-row masking of sky diffuse, ground reflection from sunlit and shaded strips, beam shading of fixed rows
report-model-trackers = trackers
    .model = single-axis trackers with backtracking
report-model-pv = PV
    .model = Faiman cell temperature; PVWatts DC with temperature coefficient and system losses; PVWatts inverter curve with DC/AC clipping (PVWatts v8 chain)
report-model-wind = wind
    .model = power-law shear to hub height, hub-height temperature and pressure, ideal-gas air density, density correction of the power curve, losses
report-model-turbines = turbines
    .model = power curves of the built-in library, each copied from a cited file
report-model-it-load = IT load
    .model = racks x kW per rack x utilization x hourly profile (local time), per rack group
report-model-pue = PUE
    .model = fans + economizer (free cooling below a dry-bulb threshold, partial between, chillers above with COP falling with heat) + UPS + distribution + lighting
report-model-battery = battery
    .model = power and energy limits, square root of the round trip each way, state-of-charge window, self-discharge
report-model-dispatch = dispatch
    .model = greedy, step by step: renewables serve the load, surplus charges the battery, the rest is curtailed; a deficit draws the battery, then backup in merit order, then is unmet. When the backup is smaller than the largest deficit the battery keeps a reserve for later deficits (computed backwards over the run: perfect foresight); spare backup charges it only when surplus cannot refill it in time. Every step closes exactly
report-model-cfe-economics = 24/7 CFE and economics
    .model = CFE: per hour min(load, clean supply) / load, load-weighted; battery output clean only in the share it was charged from clean supply. Costs: capital recovery factor per technology lifetime, fixed O&M, fuel, variable O&M, carbon price; LCOE = annualized cost / facility energy served
report-climate = The built-in Dakhla climate is a seeded synthetic year (PCG random streams) built from monthly statistics: GHI, Linke turbidity (SoDa/Remund 2003), 1991-2020 temperature normals and 10 m wind (Weibull). The same seed gives the same year on every machine.
report-time-and-balance = All times are UTC; every series is a mean over its step. The energy balance closes every step: solar + wind + battery discharge + backup + unmet = facility load + battery charge + curtailment.

## Why an export stopped ({ $path } and { $folder } are paths; { $kind } says what is in the way:
## "a file", "a symbolic link")

report-error-folder = cannot create the folder { $path }: { $error }
report-error-write = cannot write { $path }: { $error }
report-error-chart = cannot draw { $path }: { $message }
report-error-input = cannot export into { $folder }: the export writes { $path }, which is { $role } of this run; export to another folder
report-role-scenario = the scenario
report-role-weather-file = the weather file
report-io-permission-denied = permission denied
report-io-not-found = the folder does not exist
report-io-already-exists = a file of that name is in the way
report-io-not-a-directory = part of the path is a file, not a folder
report-io-is-a-directory = a folder of that name is in the way
report-io-storage-full = the disk is full
report-io-read-only = the disk is read-only
report-error-not-regular = it is { $kind }; the export writes a regular file of that name: remove it
report-error-not-a-folder = it is { $kind }, not a folder; the export writes several files into a folder
report-error-parent-not-a-folder = { $path } is { $kind }, not a folder
report-error-charts-not-a-folder = it is { $kind }; the export writes its charts into a folder of that name: remove it
report-error-lock-symlink = it is a symbolic link; the export keeps its lock and list of files there: remove it
report-error-lock-not-a-file = it is { $kind }; the export keeps its lock and list of files there: remove it
report-error-lock-busy = another dakhla-planner export has been writing into this folder for over { $seconds } s (it holds this file's lock); try again when it has finished

## The results tables (crates/dakhla-report/src/tables.rs): on screen, copied as TSV

report-table-month = month ({ $clock })
# A month of the table: { $year } and { $month } (two digits).
report-table-month-value = { $year }-{ $month }
report-table-facility-load = facility load [MWh]
report-table-layer = { $layer } [MWh]
report-table-total = total
report-table-item = item
report-table-capacity = capacity
report-table-unit = unit
report-table-capex = capex [USD]
report-table-annualized-capex = annualized capex [USD/yr]
report-table-fixed-om = fixed O&M [USD/yr]
report-table-fuel = fuel [USD/yr]
report-table-variable-om = variable O&M [USD/yr]
report-table-carbon = carbon [USD/yr]
report-table-total-usd = total [USD/yr]

## The compare table (`dakhla-planner compare`, crates/dakhla-report/src/compare.rs) and the
## window's Compare view. Its JSON stays in English.

compare-intro = Comparing { $count } scenarios; changes are against the first, { $first }.
compare-inputs-title = Inputs that differ ({ $count })
compare-no-input-differences = no input differences
compare-metadata = metadata:
compare-missing-note = (-: the field or list entry does not exist in that scenario)
# { $entries } lists the entries ("[3], [13]"), { $count } is how many the list holds.
compare-differs-at = differs at { $entries } of { $count } entries
compare-kpis = KPIs
compare-same = same
# A change of a share in percentage points ({ $value } with its sign).
compare-points = { $value } pts
compare-section-capacities = Capacities
compare-cap-solar = Solar PV [MWdc]
compare-cap-wind = Wind [MW]
compare-cap-battery-energy = Battery energy [MWh]
compare-cap-battery-power = Battery power [MW]
compare-cap-backup = Backup [MW]
