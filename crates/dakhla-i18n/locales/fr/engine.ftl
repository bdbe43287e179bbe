# dakhla-planner : catalogue français (messages du moteur : fichiers météo, études, dimensionnement).
# Mêmes messages et mêmes paramètres que locales/en/engine.ftl (un test le vérifie).
