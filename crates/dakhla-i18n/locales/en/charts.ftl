# dakhla-planner: charts (en). Every message is in both languages with the same placeholders (a test checks).
# The words of the charts (crates/dakhla-report/src/charts.rs), on screen and in exported PNG and SVG
# files. English reproduces the charts' text as it always read (tests compare SVG text and goldens).
# Figures arrive already written ({ $value }); units stay SI symbols.

## Shared

chart-drawing-failed = chart drawing failed: { $error }
chart-no-data = no data
chart-facility-load = facility load
chart-facility-load-before-shifting = facility load before flexible work moved
# The time axis of a chart with no data: { $zone } is the clock ("UTC", "UTC+1").
chart-time-axis = time ({ $zone })
# The time axis of a window: { $from } and { $to } are dates as the language writes them.
chart-time-window = time ({ $zone }), { $from } to { $to }
# A clock that keeps another offset in Ramadan (the site's legal time in Morocco): { $clock } is
# its offset the rest of the year ("UTC+1"), { $ramadan } its offset in Ramadan ("UTC+0").
chart-clock-ramadan = { $clock }, { $ramadan } in Ramadan
chart-annualized-cost-axis = annualized cost [{ $unit }]
# A percentage written on a chart ({ $value } already written with its decimals).
chart-percent = { $value } %

## Month abbreviations (tick labels: "Jan", "2 Jan", "Jan 2029")

chart-month-jan = Jan
chart-month-feb = Feb
chart-month-mar = Mar
chart-month-apr = Apr
chart-month-may = May
chart-month-jun = Jun
chart-month-jul = Jul
chart-month-aug = Aug
chart-month-sep = Sep
chart-month-oct = Oct
chart-month-nov = Nov
chart-month-dec = Dec

## Layers of the energy balance and monthly energy charts

chart-layer-solar-used = solar used
chart-layer-wind-used = wind used
chart-layer-discharge = battery discharge
chart-layer-backup = backup
chart-layer-unmet = unmet
chart-layer-charge = battery charge
chart-layer-exported = exported
chart-layer-curtailed = curtailed

## Energy balance

chart-balance-title = Energy balance [MW]
chart-balance-power-axis = power [MW]
# { $time } is chart-time-window; { $days } and { $hours } the length of a column's group.
chart-balance-means-days = { $time }; means per { $days } d, thin lines: load min and max
chart-balance-means-hours = { $time }; means per { $hours } h, thin lines: load min and max

## Battery state of charge

chart-soc-title = Battery state of charge [MWh]
chart-soc-stored-axis = stored [MWh]
chart-soc-line = state of charge
chart-soc-mean-daily = daily mean
chart-soc-mean-per = per { $days } d mean
chart-soc-range-daily = daily min–max
chart-soc-range-per = per { $days } d min–max
chart-soc-usable = usable window { $low }-{ $high } MWh
chart-soc-usable-dashed = usable window { $low }-{ $high } MWh (dashed)
chart-soc-no-battery = no battery in this scenario

## Monthly energy

chart-monthly-title = Monthly energy by source [GWh]
chart-monthly-energy-axis = energy [GWh]
chart-monthly-month-axis = month ({ $zone })

## Heat maps

chart-heat-unmet = unmet load
chart-heat-backup = backup output
chart-heat-curtailed = curtailed renewables
chart-heat-unmet-title = Unmet load by day and hour [MW]
chart-heat-backup-title = Backup output by day and hour [MW]
chart-heat-curtailed-title = Curtailed renewables by day and hour [MW]
chart-heat-unmet-none = no unmet load in this run
chart-heat-backup-none = no backup output in this run
chart-heat-curtailed-none = no curtailed renewables in this run
chart-heat-day-axis = day ({ $zone })
chart-heat-hour-axis = hour of day ({ $zone })

## Net load duration

chart-net-title = Net load duration (load - solar - wind) [MW]
chart-net-hours-axis = hours of the run, sorted by net load [h]
chart-net-load-axis = net load [MW]
chart-net-load = net load
chart-net-deficit = deficit { $hours } h (battery, backup, unmet)
chart-net-surplus = surplus { $hours } h (charge, curtail)

## Compare view

chart-compare-empty = no scenario to show

## PUE

chart-pue-title = PUE against outdoor temperature
chart-pue-temperature-axis = outdoor dry-bulb temperature [°C]
chart-pue-axis = PUE [-]
chart-pue-not-a-number = PUE is not a number
chart-pue-line = PUE
chart-pue-design = design { $temperature } °C: PUE { $pue }
chart-pue-hours = hours per 1 °C (tallest { $hours } h)
chart-pue-sink-title = PUE against the temperature the heat is rejected at
chart-pue-sink-axis = heat-rejection temperature [°C]
chart-pue-wue-title = PUE against WUE by heat rejection
chart-pue-wue-wue-axis = WUE, site water over IT energy [L/kWh]
chart-pue-wue-own = { $choice } (this scenario)
chart-pue-wue-peak = dot: mean of the year; line up to the highest hour

## Power curve

chart-power-curve-title = Power curve
chart-power-curve-title-named = Power curve: { $name }
chart-power-curve-speed-axis = wind speed at hub height [m/s]
chart-power-curve-power-axis = power [kW]
chart-power-curve-empty = no power curve points

## Pareto front ({ $share } is the share's name in a sentence: "renewable fraction")

chart-pareto-title = Pareto front: least annualized cost against the { $share }
chart-pareto-share-axis = { $share } reached [%]
chart-pareto-empty = no Pareto points yet
chart-pareto-line = least-cost mix of each target
chart-pareto-unreachable = target not reachable within the bounds (hollow)
chart-pareto-current = scenario as it is
chart-pareto-selected = loaded in the scenario (ring)
chart-flex-fronts-title = What flexible compute is worth: least annualized cost against the { $share }
chart-flex-fronts-share = { $share } % of the work flexible

## Weather years

chart-years-title = Weather years: renewable fraction, CFE and backup per operating year
chart-years-year-axis = operating year (each with its own weather year)
chart-years-share-axis = share [%]
chart-years-empty = no weather years run yet
chart-years-rf = renewable fraction
chart-years-cfe = CFE score
chart-years-rf-spread = RF P50 { $p50 } %, P90 { $p90 } % (dashed)
chart-years-cfe-spread = CFE P50 { $p50 } %, P90 { $p90 } % (dashed)
chart-years-backup = backup energy
chart-years-backup-spread = backup P50 { $p50 } GWh, P90 { $p90 } GWh (dashed)
chart-years-backup-axis = backup [GWh]
chart-years-no-backup = no backup energy in any year

## Reliability under failures

chart-survival-title = Riding through a grid outage: chance by the outage's length
chart-survival-length-axis = length of the grid outage [h]
chart-survival-chance-axis = chance of riding through [%]
chart-survival-empty = no grid link: nothing to ride through
chart-survival-mean = mean over the sampled years
chart-survival-p90 = P90: reached in 90 % of sampled years (dashed)
chart-events-title = Loss-of-load events by duration [events/yr]
chart-events-duration-axis = duration of the event [h]
chart-events-per-year-axis = events per year
chart-events-empty = no events counted
chart-events-none = no loss of load in any sampled year
# The last duration bin: "over 72" (hours, the unit is on the axis).
chart-duration-over = over { $hours }

## Cost against LOLE

chart-lole-front-title = Cost against LOLE: the designs of the reliability sizing
chart-lole-axis = LOLE under failures at the target's level [h/yr, log scale]
chart-lole-empty = no designs judged yet
chart-lole-front = least cost at each LOLE (front)
chart-lole-others = other designs judged (hollow)
chart-lole-target = LOLE target (dashed)
chart-lole-chosen = the sized design (ring)
