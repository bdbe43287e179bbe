# dakhla-planner: English catalog of the window and the command line.
# Every message here is also in locales/fr/app.ftl, with the same placeholders (a test checks).
# Figures come in already written for the language ({ $value }), units stay as SI writes them.

## Used by the catalog's own tests.
test-files = { $count ->
    [one] { $count } file
   *[other] { $count } files
}

## Language
lang-menu = Language
    .tooltip = The language of the window, its charts and its exported reports. Kept between runs.
lang-from-system = From the system ({ $lang })
    .tooltip = The language of the locale (LC_ALL, LC_MESSAGES or LANG)

## Menus
menu-file = File
menu-edit = Edit
menu-view = View
menu-new-tab = New tab
    .tooltip = A new tab on the built-in Dakhla reference scenario
menu-open = Open…
menu-open-recent = Open recent
    .none = (none yet)
menu-save = Save
menu-save-as = Save As…
menu-close-tab = Close tab
menu-export = Export report…
    .tooltip = Every chart as PNG and SVG, the hourly CSV, the KPI JSON and a one-page HTML report, into a folder you pick
menu-export-to = Export report to { $folder }
    .tooltip = Into { $path }
menu-builtin-browser = Use the built-in file browser
    .tooltip = Open, Save As and Export with the program's own browser instead of the desktop's dialog (it also opens by itself when no desktop dialog answers)
menu-quit = Quit
menu-undo = Undo
menu-undo-what = Undo: { $what }
menu-redo = Redo
menu-redo-what = Redo: { $what }
menu-compare = Compare open scenarios
    .tooltip = KPIs, input differences and overlaid charts of every tab
menu-editors = Editors panel
    .tooltip = Hide the editors to give the results the whole width
theme-light = Light
theme-dark = Dark

## Command line
cli-error = error
cli-note = note

## Values and KPI cards
value-na = n/a
kpi-target-line = target { $operator } { $target }: { $met ->
        [yes] MET
       *[no] NOT MET
    }
kpi-target-years-line = P50 { $p50 } · P90 { $p90 } · target { $operator } { $target } met in { $met_years } of { $years } years: { $met ->
        [yes] MET at P90
       *[no] NOT MET at P90
    }

## Editor panels (the side bar's tabs)
panel-site = Site & weather
panel-load = IT load
panel-cooling = Cooling & PUE
panel-solar = Solar
panel-wind = Wind
panel-storage = Storage
panel-backup = Backup
panel-reliability = Reliability
panel-economics = Economics
panel-targets = Targets
panel-optimize = Optimizer

## Main view
view-changes-against = Changes are against { $what }.
view-pin-baseline = Pin these results as the baseline
    .tooltip = Count the cards' changes from these results on (by default they count from the file as opened or last saved)
view-tables = Tables: energy by month, costs of the year
view-computing = Computing weather, sun and generation…
view-values-to-fix = { $count } value(s) need fixing (see the flagged fields); the results below are from the last valid inputs.
view-simulation-failed = Simulation failed: { $error }
view-note = Note: { $note }
view-no-results = No results yet.
view-energy-balance = Energy balance
view-start-day = start day
view-heat-map = Heat map
view-show-editors = Show the editors (Ctrl+B)
view-hide-editors = Hide the editors (Ctrl+B): the results take the whole width
window-day = Day
window-week = Week
window-month = Month
window-year = Year
heat-backup = Backup use
heat-unmet = Unmet load
heat-curtailed = Curtailment
supply = Supply
supply-pv = PV { $mwdc } MWdc
supply-wind = wind { $mw } MW ({ $turbines } turbines)
supply-battery = battery { $mwh } MWh / { $mw } MW{ $hours }
supply-no-backup = no backup
supply-backup = backup: { $units }
card-lole = LOLE under failures
    .tooltip = Loss-of-load expectation: hours per year with load not served when machines fail and are repaired, the mean over the reliability run's sampled years (Reliability panel).
card-eue = EUE under failures
    .tooltip = Expected unserved energy: energy per year the campus needed and did not get when machines fail and are repaired, the mean over the reliability run's sampled years (Reliability panel).
card-target-at-most = {" "}· target ≤ { $target } { $unit }
card-target-at-most-years = {" "}· target ≤ { $target } { $unit } (over years: optimize)
card-stale = stale — inputs changed since

## Status bar
status-not-saved = not saved yet
status-unsaved = unsaved changes
status-valid = inputs valid
status-invalid = { $count } invalid value(s)
status-capacity = 1 capacity problem
    .tooltip = The racks need { $need } MW at the design-day PUE, more than the { $cap } MW cap: the Load panel says what would make them fit.
status-optimizing = optimizing
status-pareto = Pareto front
status-reliability = reliability: { $done } of { $total } sampled years ({ $percent })
status-exporting = exporting the report… { $seconds } s
status-timing = simulation { $simulation } ms · frame { $frame } ms
    .tooltip = Time of the last re-simulation and of this program's own work per frame (not counting drawing on screen).

## Section headings of the editor panels
section-backup-units = Backup units
section-battery = Battery
section-battery-power-conversion = Battery power conversion
section-capital-and-fixed-costs = Capital and fixed costs
section-chillers = Chillers
section-costs-of-the-last-run = Costs of the last run
section-derived = Derived
section-economizer = Economizer
section-heat-rejection = Heat rejection
section-cooling-choices = Cooling choices: PUE against water
section-water-supply = Water supply
section-failure-data = Failure data
section-least-cost-mix = Least-cost mix
section-other-overheads = Other overheads
section-pareto-front-found = Pareto front found
section-pareto-front-range = Pareto front range
section-power-cap = Power cap
section-pue-against-outdoor-temperature = PUE against outdoor temperature
section-pue-against-heat-sink-temperature = PUE against the heat-rejection temperature
section-rack-groups = Rack groups
section-reliability-run = Reliability run
section-reliability-under-unit-failures = Reliability under unit failures
section-run = Run
section-scenario = Scenario
section-simulation = Simulation
section-site = Site
section-solar-inverters = Solar inverters
section-target = Target
section-weather = Weather
section-what-the-optimizer-may-change = What the optimizer may change
section-wind-turbines = Wind turbines

## What the cards' changes count from (said in "Changes are against …")
baseline-file-opened = the file as opened
baseline-scenario-started = the scenario as started
baseline-pinned = the results pinned at { $time }

## Documents and tabs (gui/app/document.rs, tabs.rs)
doc-untitled = untitled (built-in Dakhla reference)
# The file name Save As proposes for a scenario never saved.
doc-untitled-name = untitled
doc-cooling-copy = { $name }, { $choice }
tab-close = Close { $name }
tab-compare = Compare ({ $count })
    .tooltip = KPIs side by side, the inputs that differ and overlaid charts of every open scenario (open more with File > Open)

## Commands (gui/app/commands.rs)
dialog-filter-scenario = dakhla-planner scenario
dialog-export-into = Export the report into
action-undone = Undone: { $what }
action-redone = Redone: { $what }
notice-not-a-scenario = Not a scenario file
    .body = { $path } is not a .ron scenario file; drop a file saved by dakhla-planner.

## Dialogs (gui/app/dialogs.rs)
button-ok = OK
button-cancel = Cancel
recover-title = Recover unsaved work?
recover-intro = dakhla-planner did not close normally last time. It kept a copy of the scenarios that had unsaved changes:
recover-outro = Recover opens each as a tab with unsaved changes; nothing is written to your files until you save.
recover-button = Recover
recover-discard = Discard the copies
overwrite-title = The file changed on disk
overwrite-body = { $path } was changed by another program (or a colleague) since you opened it. Saving now would replace those changes with yours.
overwrite-button = Overwrite it
overwrite-save-as = Save As…
unsaved-title = Unsaved changes
unsaved-body = { $name } has changes that are not saved. Save them first?
unsaved-save = Save
unsaved-discard = Discard changes

## Files: open, save, export, recovery (gui/app/files.rs, gui/recovery.rs)
recovery-off = Crash recovery is off
    .body = { $folder }: { $error }. Your work is not copied for recovery; save often.
opened-old-schema = Opened a schema { $version } file
    .body = { $path }: { $summary }.

        { $notes }

        Save to write the file in the current schema (or run `dakhla-planner migrate`, which keeps its comments).
open-failed = Could not open the scenario
    .body = { $error }

        The scenario you were working on is unchanged.
export-fix-first = Fix these values before exporting
export-reliability-failed = the reliability run of the report failed: { $error }
export-flexibility-failed = the fronts of flexible compute for the report failed: { $error }
export-stopped = the export was stopped
export-failed = Could not export
    .body = { $error }

        Your scenario is unchanged.
export-done = Report exported
    .body = { $count } files in { $folder }:

        { $files }

        Open { $report } in a browser for the one-page report.
save-fix-first = Fix these values before saving
save-failed = Could not save
save-still-open = { $error }

    Your changes are still open here.
save-path-still-open = { $path }: { $error }

    Your changes are still open here.
save-cannot-write-text = cannot write the scenario as text: { $error }

    Your changes are still open here.
save-comments-lost = Saved without the file's comments
    .body = { $path }: the file's layout could not be kept, so it was written in the program's layout and its comments are gone. The values are all there.
role-weather-file = the weather file
role-save-as = Save as
no-desktop-dialog = No desktop file dialog answered (no portal?): the built-in browser opened
draft-unsaved-scenario = an unsaved scenario
draft-never-saved = "{ $name }" (never saved)
draft-kept-at = { $name }, last change kept at { $time }

## Background jobs (gui/app/jobs.rs, session.rs, gui/worker.rs)
years-title = Weather years (P50 / P90)
years-suffix = {" "}years
years-count-help = Operating years to simulate, each with its own synthetic weather year; PV and battery degrade from one year to the next.
years-progress = year { $year } of { $total }
job-cancelling = Cancelling…
job-cancel = Cancel
years-cancel-help = Stop after the year being simulated
job-run-again = Run again
job-run = Run
job-fix-first = Fix the flagged values first.
years-hint = Run to see how the renewable fraction, the CFE score and the backup energy vary from one weather year to the next.
years-stale = Computed for an earlier version of the inputs; Run again to update.
years-summary = { $years } operating years in { $seconds } s. P90: the value reached or bettered in 90 % of the years.
years-col-unit = unit
years-col-worst = worst
years-failed-year = operating year { $year }: { $error }
years-cancelled = Cancelled after { $done } of { $total } years.
job-failed = The run failed: { $error }
engine-failed = the simulation engine failed earlier; restart the program
worker-cannot-start = cannot start the { $name } thread: { $error }
worker-lost = the { $name } job stopped unexpectedly

## Compare view (gui/compare_view.rs)
compare-view-title = Compare { $count } open scenarios
compare-view-open-more = Open more scenarios (File > Open, File > New tab, or drop .ron files on the window) to see them side by side.
compare-view-against = Changes are against the first tab, { $name }. Click a tab above to edit it.
compare-view-stale = { $name }: its inputs changed since its results (invalid values or a run in progress); the columns show its last valid results.
compare-view-missing = { $name }: no results yet (fix its flagged values); not compared.
compare-view-field = field
compare-view-no-input-differs = No input differs.
compare-view-missing-note = -: the field or list entry does not exist in that scenario.
compare-view-month-axis = month ({ $clock })
compare-view-month-axis-mixed = month (each site's legal time)
compare-view-net-load-title = Net load duration (load - solar - wind) [MW]
compare-view-net-load-hours = hours of the year, sorted by net load [h]
compare-view-net-load-axis = net load [MW]
compare-view-backup-title = Backup energy by month [GWh]
compare-view-backup-axis = backup [GWh]
compare-view-curtailed-title = Curtailed energy by month [GWh]
compare-view-curtailed-axis = curtailed [GWh]

## Built-in file browser (gui/file_browser.rs)
browser-open-title = Open a scenario
browser-save-title = Save the scenario as
browser-export-title = Export the report into this folder
browser-no-name = type or pick a file name
browser-no-slash = a file name has no / in it; go to the folder above
browser-not-a-file = { $name } is not a file in this folder
browser-up = Up
    .tooltip = The folder above this one
browser-no-folders = No sub-folders.
browser-nothing-here = No sub-folders or scenario files (.ron) here.
browser-file-name = File name
browser-open = Open
browser-save = Save
browser-export-here = Export here

## Chart hover texts (gui/chart_widget.rs); figures arrive written
chart-not-drawn = chart not drawn: { $message }
hover-battery-charging = battery charging { $power }
hover-battery = battery { $power }
hover-balance = { $time } — load { $load }, solar { $solar }, wind { $wind }, { $battery }, backup { $backup }, curtailed { $curtailed }, unmet { $unmet }
hover-exported = , exported { $power }
hover-load-before-shifting = , load before flexible work moved { $power }
hover-days = { $from } to { $to }
hover-soc-span = { $days } ({ $clock }) — state of charge from { $min } MWh{ $min_share } to { $max } MWh{ $max_share }, mean { $mean } MWh{ $mean_share }
hover-soc-of = {" "}({ $share } of { $energy } MWh)
hover-soc = { $time } — state of charge { $soc } MWh{ $of } at the end of the hour
hover-month-part = , { $hours } h of it in the run
hover-month = { $month } { $year } ({ $clock }{ $part }) — load { $load }, { $layers }
hover-heat = { $time } — { $quantity } { $power }
hover-deficit = deficit
hover-surplus = surplus
hover-net-load = { $hours } h of { $total } h have a net load of at least { $power } ({ $what })
hover-pue-hours = , { $count } h of the year at { $from }..{ $to } °C
hover-pue = { $temperature } °C — PUE { $pue }{ $hours }
hover-power-curve = { $speed } m/s — { $power } kW
hover-year = Operating year { $year } ({ $weather }) — renewable fraction { $rf } %, CFE { $cfe } %, backup { $backup } GWh, loss of load { $hours } h, unmet { $unmet } MWh
hover-survival = Grid outage of { $hours } h starting at any hour — ridden through { $mean } % (± { $error } %) of the time on average; P90 { $p90 } %
hover-events = Events of { $bin } h: { $count } per year (mean over the sampled years)
hover-sizing-step = { $step }. { $change }
    { $cost } M { $currency }/yr, LOLE { $lole } h/yr, EUE { $eue } MWh/yr{ $met }
    backup { $backup } MW{ $units }, battery { $energy } MWh / { $power } MW
hover-sizing-met = {" "}- meets the target
hover-sizing-units = {" "}(units { $units })
hover-pareto-click = { $point }
    Click to load this mix into the scenario (Ctrl+Z undoes it).
pareto-least-cost = least-cost mix
pareto-unreachable = target not reachable within the bounds; closest mix
pareto-extra = , +{ $cost } M { $currency }/yr per point of share
pareto-point = Target { $share } { $target } %: { $reach }
    renewable fraction { $rf } %, CFE { $cfe } %
    { $cost } M { $currency }/yr, LCOE { $lcoe } { $currency }/MWh{ $extra }
    solar { $solar } MWdc, wind { $wind } MW, battery { $energy } MWh / { $power } MW, backup { $backup } MW

## Field editors (gui/widgets.rs)
number-type-one = type a number
number-ambiguous-comma = “{ $text }”: a comma here could be a decimal point or a thousands separator; type { $first } or { $second }
number-not-a-number = “{ $text }” is not a number
number-not-finite = “{ $text }” is not a finite number
number-not-whole = “{ $text }”: a whole number is needed
number-not-applied = Not applied: the field keeps its last valid value.
number-not-applied-because = { $message }. Not applied: the field keeps its last valid value.
field-not-set = not set
field-value = { $label } value
field-year = { $label } year
field-month = { $label } month
choice-other = (other)
month-invalid = stored month { $month } is not a month
month-not-a-month = (not a month)
field-whole-year = the whole simulated year
item-duplicate = Duplicate
    .tooltip = Add a copy of this item after it
item-remove = Remove
    .tooltip = Delete this item (Ctrl+Z undoes)
item-move-up = Move up
    .tooltip = Move this item one place up
item-move-down = Move down
    .tooltip = Move this item one place down
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# Results tables under the cards.
app-table-monthly-title = Energy by month ({ $clock }) [MWh]
app-table-costs-title = Costs of the year by line
app-copy-tsv = Copy as TSV
    .tooltip = Copy the table, tab-separated: paste it into a spreadsheet
