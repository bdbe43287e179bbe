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
section-failure-data = Failure data
section-least-cost-mix = Least-cost mix
section-other-overheads = Other overheads
section-pareto-front-found = Pareto front found
section-pareto-front-range = Pareto front range
section-power-cap = Power cap
section-pue-against-outdoor-temperature = PUE against outdoor temperature
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
