# dakhla-planner: English catalog of the editor panels, dialogs, file browser and compare view of the window.
# Every message here is also in locales/fr/panels.ftl, with the same placeholders (a test checks).

## Cooling & PUE panel
panel-cooling-design-pue = Design-day PUE
    .tooltip = PUE at the design temperature, used for the capacity check against the cap.
panel-cooling-mean-pue = Mean PUE
    .tooltip = Facility energy over IT energy over the simulated year.
panel-cooling-peak-pue = Peak PUE
    .tooltip = Highest hourly PUE of the simulated year.
panel-cooling-no-run = Yearly PUE figures: shown after the first valid run.
panel-cooling-curve-at-sink = With this heat rejection the PUE model reads the temperature the heat is rejected at, not the dry bulb: the pads' outlet air on hot hours, the wet bulb plus the towers' approach, or the sea plus the exchangers' approach. The bars count the last run's hours by that temperature; the line marks the design day's.
panel-cooling-wue = Water (WUE)
    .tooltip = Site water over IT energy for the simulated year (The Green Grid), and the water itself: cooling towers 1.2-2.0 L/kWh, adiabatic pads 0.1-0.4, dry coolers and seawater none.

panel-cooling-water-supply = Water supply
    .tooltip = The last run's peak day of water, the desalination plant's electricity (part of the facility energy, not of the PUE) and the year's water cost at economics.water_per_m3.

panel-cooling-compare-choices = Compare the cooling choices side by side
    .tooltip = Opens a copy of this scenario for each other heat rejection (at its registry defaults, same supply) in new tabs and shows the Compare view: cost, PUE, WUE, water and the load the supply serves. The copies are new, unsaved documents; close them when done.

## Shared by the panels
panel-fix-values-above = — (fix the values above)
panel-unnamed = (unnamed)
panel-copy-name = { $name } (copy)
panel-fix-flagged-first = Fix the flagged values first.
panel-running-on-earlier = Running on an earlier version of the inputs.
panel-cancel = Cancel
panel-cancelling = Cancelling…

## Storage panel
panel-storage-duration = Duration
    .tooltip = Hours of discharge at full power from full: energy / power. Utility batteries 2-4 h.
panel-storage-usable = Usable energy
    .tooltip = Energy between the minimum and maximum state of charge.
panel-storage-cycles = Cycles per year
    .tooltip = Discharged energy over the usable energy in the last run [full cycles]. LFP lasts about 4,000-6,000 cycles.
panel-storage-discharged = Discharged per year
    .tooltip = Energy the battery delivered in the last run.

## Targets panel
panel-targets-note = Tick a target to set it; each is reported as met or not after every run.
panel-targets-reliability-note = Judged by the reliability run (Reliability panel), not by the yearly simulation; `optimize` adds backup units and storage until they hold.
panel-targets-status = { $met ->
        [yes] Met
       *[no] Not met
    }: { $value } (target { $operator } { $target })

## Site & weather panel
panel-site-timestep-unsupported = { $minutes } min (not supported)
panel-site-weather-file = Weather file (EPW or CSV)
panel-site-browse = Browse…
    .tooltip = Pick an EnergyPlus (.epw) or CSV weather file
panel-site-weather-files = Weather files

## IT load panel
panel-load-cap-note = Facility: the racks at full power times the PUE of the design day must stay under the cap, so cooling and losses use part of it. IT: only the racks' own power counts, and the grid connection must carry IT × PUE. Public sources disagree which one Dakhla's 500 MW means.
panel-load-no-racks = No racks yet: the campus draws no IT power.
panel-load-add-group = Add rack group
    .tooltip = Add an air-cooled group of 1,000 racks of 10 kW at 60 % utilization
# The name of a rack group added with "Add rack group" (the planner can rename it).
panel-load-new-group-name = Air-cooled hall
panel-load-no-run = Capacity check: shown after the first valid run.
panel-load-all-fit = Racks: all { $racks } fit under the cap
panel-load-design-power = Design IT { $it } MW; facility { $facility } MW at design PUE { $pue }; cap { $cap } MW; headroom { $headroom } MW
# Stands for the group's name in the advice on the group that gives way ("remove 5 racks of this group (120 kW)").
panel-load-this-group = this group
panel-load-group-fits-once = All { $racks } racks fit once the flagged group gives way
panel-load-group-fits = All { $racks } racks fit under the cap; { $more } more of this kind would fit
panel-load-presets = Presets:
panel-load-preset-flat = Flat
    .tooltip = All 24 factors 1.0
panel-load-preset-office = Office day
    .tooltip = Low at night, high from 9 to 17 h; mean 1
panel-load-preset-ai = AI training
    .tooltip = Near-constant with a short checkpoint dip at 3-4 h; mean 1
panel-load-make-24 = Make 24 values
    .tooltip = Pad with 1.0 or cut to hours 0-23
panel-load-hour-help = Hour { $hour } (local time). { $help }
panel-load-mean-factor = Mean factor { $mean } (1.000 keeps the group's mean at its utilization)
panel-load-hour-issue = Hour { $hour }: { $issue }

## Solar panel
panel-solar-none = No solar plants.
panel-solar-add = Add solar plant
    .tooltip = Add a 100 MWdc single-axis tracker plant with PVWatts defaults
# The name of a plant added with "Add solar plant" (the planner can rename it).
panel-solar-new-name = PV plant
panel-solar-all-plants = All plants: { $energy } available, capacity factor { $dc } (DC) / { $ac } (AC), { $land } ha
panel-solar-ac-rating = AC rating
    .tooltip = Inverter AC rating: DC capacity / DC/AC ratio (the basis of the solar capex).
panel-solar-land = Land
    .tooltip = DC capacity × land use.
panel-solar-energy = Energy (last run)
    .tooltip = Available energy of this plant over the simulated period, before curtailment.
panel-solar-capacity-factor = Capacity factor
    .tooltip = Energy over DC nameplate × hours. Single-axis PV in the Sahara: about 22-28 % (DC).

## Wind panel
panel-wind-none = No wind farms.
panel-wind-add = Add wind farm
    .tooltip = Add a farm of 50 library turbines on 120 m hubs
# The name of a farm added with "Add wind farm" (the planner can rename it).
panel-wind-new-name = Wind farm
panel-wind-all-farms = All farms: { $energy } net, capacity factor { $cf }
# A custom turbine's name in titles, and the name a library turbine's copy gets when made custom.
panel-wind-custom-name = { $name } (custom)
# The name of a custom turbine made from a turbine the library does not have.
panel-wind-custom-turbine = Custom turbine
panel-wind-not-in-library = { $name } (not in the library)
panel-wind-custom-selected = Custom: { $name }
panel-wind-library-entry = { $name } — { $rated } kW, { $rotor } m rotor
panel-wind-library-source = { $manufacturer }; source: { $source }
panel-wind-custom = Custom…
    .tooltip = Enter your own power curve, starting from the current one
panel-wind-turbine-note = { $manufacturer }: { $rated } kW rated, { $rotor } m rotor
panel-wind-turbine-note-hubs = { $manufacturer }: { $rated } kW rated, { $rotor } m rotor, hub heights { $hubs } m
panel-wind-curve = { $label } at 1.225 kg/m³
    .tooltip = { $help } Output between rows is interpolated, zero above the last row (cut-out).
panel-wind-speed = Wind speed
panel-wind-power = Power
panel-wind-speed-row = Wind speed, row { $row }
panel-wind-power-row = Power, row { $row }
panel-wind-remove-row = Remove row { $row }
panel-wind-add-row = Add row
    .tooltip = Append a row 1 m/s above the last one
panel-wind-farm-capacity = Farm capacity
    .tooltip = Turbines × rated power of one turbine.
panel-wind-energy = Energy (last run)
    .tooltip = Net energy of this farm over the simulated period, after losses, before curtailment.
panel-wind-capacity-factor = Capacity factor
    .tooltip = Net energy over rated power × hours. Nearby Tarfaya and Foum El Oued reach about 45 %; 40-60 % is expected for modern turbines in Dakhla's trade winds.

## Reliability panel: the run
panel-reliability-cancelled = Cancelled after { $done } of { $total } sampled years; nothing was kept from it.
panel-reliability-failed = The run failed: { $error }
panel-reliability-run-note = Draws the failures below over many sampled years and counts the hours and energy the campus load is not served (LOLE, EUE). The draws, years and seed belong to this tab, not to the scenario file.
panel-reliability-draws = Failure draws
    .tooltip = Sampled years of failures and repairs per weather year: 1000 gives LOLE to a few percent for most campuses (the ± beside each figure says how closely).
panel-reliability-years = Weather years
    .tooltip = Synthetic weather years from the scenario's seed, each with every draw (a weather file gives the same year each time).
panel-reliability-seed = Seed
    .tooltip = Seed of the failure draws: the same seed gives the same figures to the last digit.
panel-reliability-simulating-weather = simulating the weather years…
panel-reliability-progress = { $done } of { $total } sampled years
panel-reliability-cancel =
    .tooltip = Stop the run; its samples are discarded.
panel-reliability-run = Run reliability
    .tooltip = { $draws } failure draws x { $years } weather years = { $samples } sampled years, seed { $seed }, on their own thread; the window stays usable.
panel-reliability-run-again = Run reliability again
panel-reliability-last-run = Last run: LOLE { $lole } h/yr (± { $lole_error }), EUE { $eue } MWh/yr (± { $eue_error }); { $samples } sampled years in { $seconds } s. All figures are in the results area, under "Reliability under failures".
panel-reliability-stale = Stale — inputs changed since the last run; run again to update.
panel-reliability-no-run = No run yet: 1000 draws of one weather year take about a second for the reference campus (longer with a grid link: each hour's outage is tried).

## Reliability panel: failure data
panel-reliability-failure-note = What fails and for how long. Forced outage rate: the share of time a unit is out (IEEE Std 762); repair time: the mean length of an outage. The yearly simulation and the optimizer assume perfect machines; reliability runs draw these failures.
panel-reliability-no-backup = No backup units (add them in the Backup panel).
panel-reliability-per-unit = Per unit
    .tooltip = Capacity over the number of units; forced outage rate x 8760 h / repair time.
panel-reliability-per-unit-value = { $mw } MW, { $outages } outages a year
panel-reliability-outages = Outages per year
    .tooltip = Outage share x 8760 h / mean outage duration.
panel-reliability-farm-title = { $name } — { $turbines } turbines

## Reliability in the results area
panel-reliability-results = Reliability under failures
panel-reliability-results-progress = Reliability run: { $done } of { $total } sampled years (Cancel in the Reliability panel).
panel-reliability-results-stale = Stale — inputs changed since this run: the figures below are of an earlier version of the inputs.
# { $basis }: what the run drew (draws, weather years, seed, dispatch), a sentence of its own.
panel-reliability-basis = { $basis } Computed in { $seconds } s.
panel-reliability-error-note = ± is the standard error of the mean; P90 is on the bad side: the shortfall 90 % of sampled years stay at or below.
panel-reliability-col-mean = mean
panel-reliability-col-error = ± std. error
panel-reliability-col-unit = unit
panel-reliability-no-grid = No grid link: no survival of grid outages to show (add a grid import in the Backup panel).
panel-reliability-without-failures = Without failures: what the dispatch knows of the future
panel-reliability-col-dispatch = dispatch
panel-reliability-col-lole = LOLE [h/yr]
panel-reliability-col-eue = EUE [MWh/yr]
panel-reliability-col-backup = backup [MWh/yr]
panel-reliability-this-scenarios = { $dispatch } (this scenario's)
panel-reliability-gaps = Each weather year dispatched once with every machine available: the gaps are what knowing the future is worth to this design; the figures above add the failures.

## Optimizer panel: the target and the settings
panel-optimize-share-at-least = { $share } at least { $value }
panel-optimize-no-share-target = no share target set: the cheapest mix that serves the load
panel-optimize-unmet-at-most = at most { $value } MWh unserved per year
panel-optimize-no-unmet = no unserved energy
panel-optimize-want-lole = LOLE at most { $value } h/yr
panel-optimize-want-eue = EUE at most { $value } MWh/yr
panel-optimize-both = { $first } and { $second }
panel-optimize-target = { $share }; { $unmet }
panel-optimize-target-reliability = { $share }; { $unmet }; under failures { $reliability } (P{ $percentile } over weather years)
panel-optimize-note = Finds the cheapest mix (annualized capital, fixed O&M and fuel) that meets the target, by an hourly dispatch of every candidate mix.
panel-optimize-edit-targets = Edit in Targets
    .tooltip = The target is the scenario's own, set in the Targets panel.
panel-optimize-reliability-note = Reliability target set: after the least-cost search (which sizes for perfect machines), Optimize adds backup units and battery blocks until the LOLE / EUE target holds under failures, then removes what is not needed (N + k). The Pareto front sizes for perfect machines.
panel-optimize-scenario-now = Scenario now: { $mix }.
# { $help }: the field's own help, a sentence or more.
panel-optimize-sizing-help = { $help } Fixed: keep the scenario's { $current } { $unit }. Between: any value in the bounds below.
panel-optimize-pareto-note = The least cost of each target from the lowest to the highest share, spaced so that the costly last percents get most points. The share is the target's (renewable fraction, or CFE when that is the target).
panel-optimize-cost-cases = Cost cases of a study ({ $count })
panel-optimize-no-cost-cases = No cost cases: a study runs the scenario's costs only.
panel-optimize-add-cost-case = Add cost case
    .tooltip = Add a case with every multiplier 1 (the scenario's costs); then change one
# The name of a cost case added with "Add cost case" (the planner can rename it).
panel-optimize-new-cost-case-name = cheaper solar

## Optimizer panel: notes and messages of the runs
panel-optimize-points-cancelled = Cancelled before every point was judged under failures.
panel-optimize-points-too-many = The points are not judged under failures: { $draws } draws x { $years } weather years of a point's failing units is more than one reliability run does; ask for fewer.
panel-optimize-points-failed = The points could not be judged under failures: { $error }
panel-optimize-not-sized-cancelled = Not sized to the reliability target: the search was cancelled.
panel-optimize-not-sized-infeasible = Not sized to the reliability target: the least-cost mix does not meet the share target, so there is no design to add backup to.
panel-optimize-not-sized-too-many = Not sized to the reliability target: { $draws } draws x { $years } weather years of { $units } failing units is more than one reliability run does ({ $max } unit-years), and the sizing judges many designs; ask for fewer draws or years.
panel-optimize-cancelled = Cancelled: below is the best mix found so far, not the optimum.
panel-optimize-sizing-cancelled = Cancelled while sizing to the reliability target: below is the last design judged, which does not meet it.
panel-optimize-front-cancelled = Cancelled after { $done } of { $total } points.
panel-optimize-failed = The optimization failed: { $error }

## Optimizer panel: the runs
panel-optimize-run = Optimize
    .tooltip = Find the least-cost mix that meets the target (a few seconds).
panel-optimize-pareto = Pareto front
    .tooltip = Optimize at { $count } targets from { $from } to { $to } (a few seconds each).
panel-optimize-no-run = Optimize finds the cheapest mix at the scenario's target; Pareto front shows how the cost rises with the share. Either result can be loaded into the scenario (Ctrl+Z undoes it).
panel-optimize-sizing-label = Reliability sizing:
# After the number of draws in its field ("200 draws").
panel-optimize-sizing-draws = draws
    .tooltip = Failure draws per weather year judging each design (as optimize --reliability-draws; 200 by default). More draws narrow the LOLE's standard error and take longer.
# After the number of weather years in its field ("1 weather yr").
panel-optimize-sizing-years = weather yr
    .tooltip = Weather years the target is judged over, at targets.reliability_percentile (as optimize --reliability-years).
panel-optimize-progress-sizing = sizing to reliability: design { $design }, LOLE { $lole } h/yr
panel-optimize-progress-profiles = computing weather and profiles...
panel-optimize-progress-mixes = { $mixes } mixes tried
panel-optimize-progress-point = point { $point } of { $total }
panel-optimize-cancelling = Cancelling...
panel-optimize-cancel =
    .tooltip = Stop; keeps the best mix (or the points) found so far.
panel-optimize-best = { $at_target ->
        [yes] Best so far at this target
       *[no] Best so far
    }: { $cost } M { $currency }/yr, RF { $rf }, CFE { $cfe } ({ $meets ->
        [yes] meets the target
       *[no] does not meet the target yet
    })
    .tooltip = The cheapest mix found so far that meets the target (or the closest to it).
panel-optimize-best-mix =
    .tooltip = Capacities of the best mix so far (wind not yet rounded to whole turbines).
panel-optimize-mix = solar { $solar } MWdc, wind { $wind } MW, battery { $energy } MWh / { $power } MW, backup { $backup } MW
panel-optimize-elapsed = { $seconds } s elapsed

## Optimizer panel: the least-cost mix
panel-optimize-keep-backup = Keep the other backup units
    .tooltip = Leave every backup unit but the first in merit order as it is; the first takes the rest of the mix's backup capacity. Otherwise the first takes it all and the others are set to 0 MW.
panel-optimize-applying = Applying changes:
panel-optimize-optimum-stale = Computed for an earlier version of the inputs; Optimize again to update.
panel-optimize-meets = Meets the target ({ $target }).
panel-optimize-cannot-meet = Cannot meet the target ({ $target }) within the bounds; this is the closest mix.
panel-optimize-solar-built = Solar DC built
    .tooltip = All plants together.
panel-optimize-wind-built = Wind built
    .tooltip = All farms together, in whole turbines.
panel-optimize-wind-built-value = { $mw } MW ({ $turbines } turbines)
panel-optimize-battery-built = Battery built
    .tooltip = Energy / power, and the hours at full power.
panel-optimize-backup-built = Backup built
    .tooltip = Built as the unit that runs first in merit order.
panel-optimize-annualized-cost = Annualized cost
    .tooltip = Capital recovery, fixed O&M and fuel of the built mix per year, from the full simulation.
panel-optimize-millions-per-year = { $value } M { $currency }/yr
panel-optimize-lcoe = LCOE
    .tooltip = Annualized cost over the facility energy.
panel-optimize-renewable-fraction = Renewable fraction
panel-optimize-cfe-score = CFE score
panel-optimize-from-full-simulation = From the full simulation of the built mix.
panel-optimize-search = Search
    .tooltip = Hourly dispatches the search ran, and its wall time.
panel-optimize-search-value = { $mixes } mixes in { $seconds } s
panel-optimize-apply = Apply this mix
    .tooltip = Set the scenario's capacities to this mix (one edit: Ctrl+Z undoes it).
panel-optimize-applied = Applied
    .tooltip = The scenario holds this mix.

## Optimizer panel: sized to a reliability target
# { $want }: the reliability targets ("LOLE at most 0.1 h/yr"); { $dispatch }: how the battery is dispatched ("with perfect foresight of the weather").
panel-optimize-sizing-level = { $want } at P{ $percentile } over { $years } { $years ->
        [one] weather year
       *[other] weather years
    }, { $draws } failure draws each, dispatched { $dispatch }
panel-optimize-sized = Sized to reliability: { $level }.
panel-optimize-sizing-cancelled-before = Reliability sizing cancelled before { $level } held.
panel-optimize-sizing-not-met = No design within the optimizer bounds meets { $level }; below is the last one tried. Widen the backup and battery bounds or relax the target.
panel-optimize-backup-units = Backup units
    .tooltip = Whole units of each backup entry's own unit size (capacity / unit count in the file).
panel-optimize-sized-lole = { $lole } h/yr (mean over the years { $mean } h/yr)
    .tooltip = Loss-of-load expectation of the sized design at the target's percentile over weather years (each year's expected value over the draws).
panel-optimize-sized-eue = EUE under failures
    .tooltip = Expected unserved energy at the target's percentile.
panel-optimize-sized-eue-value = { $eue } MWh/yr
panel-optimize-sizing = Sizing
    .tooltip = Each design judged by the same Monte Carlo with the same seed (common random numbers).
panel-optimize-sizing-value = { $designs } designs judged in { $seconds } s
panel-optimize-designs-judged = The { $designs } designs judged
panel-optimize-col-step = step
panel-optimize-col-cost = M { $currency }/yr
panel-optimize-col-lole = LOLE h/yr
    .tooltip = Under unit failures, at the reliability target's percentile.
panel-optimize-col-eue = EUE MWh/yr
panel-optimize-met = met

## Optimizer panel: the Pareto front
panel-optimize-front-stale = Computed for an earlier version of the inputs; run the front again to update.
panel-optimize-front-found = { $done } of { $total } targets in { $seconds } s. Click a point (or Load in the table) to load its mix into the scenario.
panel-optimize-draw-against = Draw against:
panel-optimize-against-lole = LOLE under failures
    .tooltip = Each point's mix judged under unit failures as the reliability sizing judges a design (its LOLE at the target's percentile). The points are sized for perfect machines: Optimize sizes one to the target.
panel-optimize-front-no-reliability = With a LOLE or EUE target (Targets), the front also judges each point under failures and can be drawn against LOLE.
panel-optimize-pareto-lole-title = Pareto front against LOLE: each target's least-cost mix under failures
# A point of the front drawn against LOLE ("renewable fraction target 85.0 %").
panel-optimize-front-change = { $share } target { $target }
panel-optimize-col-target = target
panel-optimize-col-reached = reached
panel-optimize-col-solar = solar MWdc
panel-optimize-col-wind = wind MW
panel-optimize-col-battery = battery MWh / MW
panel-optimize-col-backup = backup MW
panel-optimize-loaded = loaded
panel-optimize-load = Load
panel-optimize-unreachable = The bounds allow no mix that meets this target.

# Backup panel.
panel-backup-intro = Backup runs after the battery, cheapest running cost first. A 400 kV line has reached Dakhla since 2021, but the southern network is saturated: a grid link entry models it with its import capacity, its export of surplus and the month it becomes available.
panel-backup-none = No backup: hours that solar, wind and the battery cannot cover stay unserved.
panel-backup-add = Add backup unit
panel-backup-add-help = Add 100 MW of open-cycle gas turbines with typical figures
panel-backup-new-name = Backup unit
panel-backup-last-run = Last run: { $energy } from backup, peak { $peak } MW, { $co2 } t CO2
