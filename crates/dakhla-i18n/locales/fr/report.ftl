# dakhla-planner : catalogue français (the HTML report and the compare table).
# Mêmes messages et mêmes paramètres que locales/en/report.ftl (un test le vérifie).
