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
