# dakhla-planner : catalogue français de la fenêtre et de la ligne de commande.
# Chaque message de locales/en/app.ftl est ici, avec les mêmes paramètres (un test le vérifie).
# Les nombres arrivent déjà écrits à la française ({ $value }) ; les unités restent celles du SI.

## Pour les tests du catalogue.
test-files = { $count ->
    [one] { $count } fichier
   *[other] { $count } fichiers
}

## Langue
lang-menu = Langue
    .tooltip = La langue de la fenêtre, de ses graphiques et des rapports exportés. Conservée d'une session à l'autre.
lang-from-system = Celle du système ({ $lang })
    .tooltip = La langue des paramètres régionaux (LC_ALL, LC_MESSAGES ou LANG)

## Menus
menu-file = Fichier
menu-edit = Édition
menu-view = Affichage
menu-new-tab = Nouvel onglet
    .tooltip = Un nouvel onglet sur le scénario de référence de Dakhla intégré
menu-open = Ouvrir…
menu-open-recent = Ouvrir un fichier récent
    .none = (aucun pour l'instant)
menu-save = Enregistrer
menu-save-as = Enregistrer sous…
menu-close-tab = Fermer l'onglet
menu-export = Exporter le rapport…
    .tooltip = Chaque graphique en PNG et SVG, le CSV horaire, les indicateurs en JSON et un rapport HTML d'une page, dans un dossier de votre choix
menu-export-to = Exporter le rapport dans { $folder }
    .tooltip = Dans { $path }
menu-builtin-browser = Utiliser le navigateur de fichiers intégré
    .tooltip = Ouvrir, Enregistrer sous et Exporter avec le navigateur du programme plutôt que la boîte de dialogue du bureau (il s'ouvre aussi de lui-même quand aucune boîte de dialogue du bureau ne répond)
menu-quit = Quitter
menu-undo = Annuler
menu-undo-what = Annuler : { $what }
menu-redo = Rétablir
menu-redo-what = Rétablir : { $what }
menu-compare = Comparer les scénarios ouverts
    .tooltip = Indicateurs, différences d'entrées et graphiques superposés de chaque onglet
menu-editors = Panneau des éditeurs
    .tooltip = Masquer les éditeurs pour laisser toute la largeur aux résultats
theme-light = Clair
theme-dark = Sombre

## Ligne de commande
cli-error = erreur
cli-note = remarque

## Valeurs et cartes d'indicateurs
value-na = s.o.
kpi-target-line = objectif { $operator } { $target } : { $met ->
        [yes] ATTEINT
       *[no] NON ATTEINT
    }
kpi-target-years-line = P50 { $p50 } · P90 { $p90 } · objectif { $operator } { $target } atteint { $met_years } années sur { $years } : { $met ->
        [yes] ATTEINT au P90
       *[no] NON ATTEINT au P90
    }

## Panneaux d'édition (les onglets de la barre latérale)
panel-site = Site et météo
panel-load = Charge IT
panel-cooling = Refroidissement et PUE
panel-solar = Solaire
panel-wind = Éolien
panel-storage = Stockage
panel-backup = Secours
panel-reliability = Fiabilité
panel-economics = Économie
panel-targets = Objectifs
panel-optimize = Optimiseur

## Vue principale
view-changes-against = Écarts comptés par rapport { $what }.
view-pin-baseline = Figer ces résultats comme référence
    .tooltip = Compter désormais les écarts des cartes à partir de ces résultats (par défaut, ils partent du fichier tel qu'ouvert ou enregistré)
view-tables = Tableaux : énergie par mois, coûts de l'année
view-computing = Calcul de la météo, du soleil et de la production…
view-values-to-fix = { $count ->
        [one] { $count } valeur à corriger (voir le champ signalé) ; les résultats ci-dessous sont ceux des dernières entrées valides.
       *[other] { $count } valeurs à corriger (voir les champs signalés) ; les résultats ci-dessous sont ceux des dernières entrées valides.
    }
view-simulation-failed = Échec de la simulation : { $error }
view-note = Remarque : { $note }
view-no-results = Pas encore de résultats.
view-energy-balance = Bilan énergétique
view-start-day = premier jour
view-heat-map = Carte de chaleur
view-show-editors = Afficher les éditeurs (Ctrl+B)
view-hide-editors = Masquer les éditeurs (Ctrl+B) : les résultats prennent toute la largeur
window-day = Jour
window-week = Semaine
window-month = Mois
window-year = Année
heat-backup = Recours au secours
heat-unmet = Charge non desservie
heat-curtailed = Écrêtement
supply = Production
supply-pv = PV { $mwdc } MWc
supply-wind = éolien { $mw } MW ({ $turbines } éoliennes)
supply-battery = batterie { $mwh } MWh / { $mw } MW{ $hours }
supply-no-backup = pas de secours
supply-backup = secours : { $units }
card-lole = LOLE avec défaillances
    .tooltip = Espérance de durée de défaillance : heures par an où la charge n'est pas desservie quand les machines tombent en panne et sont réparées, moyenne sur les années tirées de l'étude de fiabilité (panneau Fiabilité).
card-eue = EUE avec défaillances
    .tooltip = Espérance d'énergie non desservie : énergie par an dont le campus avait besoin et qu'il n'a pas reçue quand les machines tombent en panne et sont réparées, moyenne sur les années tirées de l'étude de fiabilité (panneau Fiabilité).
card-target-at-most = {" "}· objectif ≤ { $target } { $unit }
card-target-at-most-years = {" "}· objectif ≤ { $target } { $unit } (sur plusieurs années : optimize)
card-stale = périmé — les entrées ont changé depuis

## Barre d'état
status-not-saved = pas encore enregistré
status-unsaved = modifications non enregistrées
status-valid = entrées valides
status-invalid = { $count ->
        [one] { $count } valeur invalide
       *[other] { $count } valeurs invalides
    }
status-capacity = 1 problème de capacité
    .tooltip = Les baies demandent { $need } MW au PUE du jour de dimensionnement, plus que le plafond de { $cap } MW : le panneau Charge IT indique ce qui les ferait tenir.
status-optimizing = optimisation
status-pareto = front de Pareto
status-reliability = fiabilité : { $done } années tirées sur { $total } ({ $percent })
status-exporting = export du rapport… { $seconds } s
status-timing = simulation { $simulation } ms · image { $frame } ms
    .tooltip = Durée de la dernière simulation et du travail propre du programme par image (sans le tracé à l'écran).

## Titres de section des panneaux d'édition
section-backup-units = Moyens de secours
section-battery = Batterie
section-battery-power-conversion = Conversion de puissance de la batterie
section-capital-and-fixed-costs = Investissement et coûts fixes
section-chillers = Groupes froids
section-costs-of-the-last-run = Coûts du dernier calcul
section-derived = Valeurs dérivées
section-economizer = Économiseur (free cooling)
section-failure-data = Données de défaillance
section-least-cost-mix = Mix au moindre coût
section-other-overheads = Autres consommations annexes
section-pareto-front-found = Front de Pareto obtenu
section-pareto-front-range = Plage du front de Pareto
section-power-cap = Plafond de puissance
section-pue-against-outdoor-temperature = PUE selon la température extérieure
section-rack-groups = Groupes de baies
section-reliability-run = Étude de fiabilité
section-reliability-under-unit-failures = Fiabilité avec défaillances des unités
section-run = Calcul
section-scenario = Scénario
section-simulation = Simulation
section-site = Site
section-solar-inverters = Onduleurs solaires
section-target = Objectif
section-weather = Météo
section-what-the-optimizer-may-change = Ce que l'optimiseur peut modifier
section-wind-turbines = Éoliennes

## Ce à partir de quoi les cartes comptent leurs écarts (dans « Écarts comptés par rapport à … »)
baseline-file-opened = au fichier tel qu'ouvert
baseline-scenario-started = au scénario tel que démarré
baseline-pinned = aux résultats figés le { $time }
