# dakhla-planner : catalogue français (the editor panels, dialogs, file browser and compare view of the window).
# Mêmes messages et mêmes paramètres que locales/en/panels.ftl (un test le vérifie).
