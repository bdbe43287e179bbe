# dakhla-planner : catalogue français (messages the engine builds: file and parse errors, validation, migration notes).
# Mêmes messages et mêmes paramètres que locales/en/core.ftl (un test le vérifie).
