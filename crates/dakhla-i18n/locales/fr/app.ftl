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
section-heat-rejection = Évacuation de la chaleur
section-cooling-choices = Choix de refroidissement : PUE contre eau
section-water-supply = Approvisionnement en eau
section-failure-data = Données de défaillance
section-least-cost-mix = Mix au moindre coût
section-other-overheads = Autres consommations annexes
section-pareto-front-found = Front de Pareto obtenu
section-pareto-front-range = Plage du front de Pareto
section-power-cap = Plafond de puissance
section-pue-against-outdoor-temperature = PUE selon la température extérieure
section-pue-against-heat-sink-temperature = PUE selon la température d'évacuation de la chaleur
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

## Documents et onglets (gui/app/document.rs, tabs.rs)
doc-untitled = sans titre (référence Dakhla intégrée)
# Le nom de fichier que propose Enregistrer sous pour un scénario jamais enregistré.
doc-untitled-name = sans-titre
doc-cooling-copy = { $name }, { $choice }
tab-close = Fermer { $name }
tab-compare = Comparer ({ $count })
    .tooltip = Indicateurs côte à côte, entrées qui diffèrent et graphiques superposés de tous les scénarios ouverts (ouvrez-en d'autres avec Fichier > Ouvrir)

## Commandes (gui/app/commands.rs)
dialog-filter-scenario = scénario dakhla-planner
dialog-export-into = Exporter le rapport dans
action-undone = Annulé : { $what }
action-redone = Rétabli : { $what }
notice-not-a-scenario = Pas un fichier de scénario
    .body = { $path } n'est pas un fichier de scénario .ron ; déposez un fichier enregistré par dakhla-planner.

## Boîtes de dialogue (gui/app/dialogs.rs)
button-ok = OK
button-cancel = Annuler
recover-title = Récupérer le travail non enregistré ?
recover-intro = dakhla-planner ne s'est pas fermé normalement la dernière fois. Il a gardé une copie des scénarios qui avaient des modifications non enregistrées :
recover-outro = Récupérer ouvre chacun dans un onglet avec ses modifications non enregistrées ; rien n'est écrit dans vos fichiers tant que vous n'enregistrez pas.
recover-button = Récupérer
recover-discard = Supprimer les copies
overwrite-title = Le fichier a changé sur le disque
overwrite-body = { $path } a été modifié par un autre programme (ou un collègue) depuis que vous l'avez ouvert. Enregistrer maintenant remplacerait ces modifications par les vôtres.
overwrite-button = L'écraser
overwrite-save-as = Enregistrer sous…
unsaved-title = Modifications non enregistrées
unsaved-body = { $name } a des modifications qui ne sont pas enregistrées. Les enregistrer d'abord ?
unsaved-save = Enregistrer
unsaved-discard = Abandonner les modifications

## Fichiers : ouvrir, enregistrer, exporter, récupération (gui/app/files.rs, gui/recovery.rs)
recovery-off = La récupération après plantage est désactivée
    .body = { $folder } : { $error }. Votre travail n'est pas copié pour être récupéré ; enregistrez souvent.
opened-old-schema = Fichier au schéma { $version } ouvert
    .body = { $path } : { $summary }.

        { $notes }

        Enregistrez pour écrire le fichier au schéma actuel (ou lancez `dakhla-planner migrate`, qui garde ses commentaires).
open-failed = Impossible d'ouvrir le scénario
    .body = { $error }

        Le scénario sur lequel vous travailliez n'a pas changé.
export-fix-first = Corrigez ces valeurs avant d'exporter
export-reliability-failed = le calcul de fiabilité du rapport a échoué : { $error }
export-flexibility-failed = les fronts du calcul flexible du rapport ont échoué : { $error }
export-stopped = l'export a été arrêté
export-failed = Impossible d'exporter
    .body = { $error }

        Votre scénario n'a pas changé.
export-done = Rapport exporté
    .body = { $count } fichiers dans { $folder } :

        { $files }

        Ouvrez { $report } dans un navigateur pour voir le rapport d'une page.
save-fix-first = Corrigez ces valeurs avant d'enregistrer
save-failed = Impossible d'enregistrer
save-still-open = { $error }

    Vos modifications restent ouvertes ici.
save-path-still-open = { $path } : { $error }

    Vos modifications restent ouvertes ici.
save-cannot-write-text = impossible d'écrire le scénario en texte : { $error }

    Vos modifications restent ouvertes ici.
save-comments-lost = Enregistré sans les commentaires du fichier
    .body = { $path } : la mise en forme du fichier n'a pas pu être conservée ; il a été écrit dans la mise en forme du programme et ses commentaires ont disparu. Toutes les valeurs y sont.
role-weather-file = le fichier météo
role-save-as = Enregistrer sous
no-desktop-dialog = Aucune boîte de dialogue de fichiers du bureau n'a répondu (pas de portail ?) : le navigateur intégré s'est ouvert
draft-unsaved-scenario = un scénario non enregistré
draft-never-saved = « { $name } » (jamais enregistré)
draft-kept-at = { $name }, dernière modification gardée le { $time }

## Calculs en arrière-plan (gui/app/jobs.rs, session.rs, gui/worker.rs)
years-title = Années météo (P50 / P90)
years-suffix = {" "}ans
years-count-help = Années d'exploitation à simuler, chacune avec sa propre année météo synthétique ; le PV et la batterie se dégradent d'une année à l'autre.
years-progress = année { $year } sur { $total }
job-cancelling = Arrêt en cours…
job-cancel = Arrêter
years-cancel-help = S'arrêter après l'année en cours de simulation
job-run-again = Relancer
job-run = Lancer
job-fix-first = Corrigez d'abord les valeurs signalées.
years-hint = Lancez le calcul pour voir comment le taux de renouvelable, le score CFE et l'énergie de secours varient d'une année météo à l'autre.
years-stale = Calculé pour une version antérieure des entrées ; relancez pour mettre à jour.
years-summary = { $years } années d'exploitation en { $seconds } s. P90 : la valeur atteinte ou dépassée dans 90 % des années.
years-col-unit = unité
years-col-worst = pire année
years-failed-year = année d'exploitation { $year } : { $error }
years-cancelled = Arrêté après { $done } années sur { $total }.
job-failed = Le calcul a échoué : { $error }
engine-failed = le moteur de simulation a échoué plus tôt ; redémarrez le programme
worker-cannot-start = impossible de démarrer le fil { $name } : { $error }
worker-lost = la tâche { $name } s'est arrêtée de façon inattendue

## Vue Comparer (gui/compare_view.rs)
compare-view-title = Comparer les { $count } scénarios ouverts
compare-view-open-more = Ouvrez d'autres scénarios (Fichier > Ouvrir, Fichier > Nouvel onglet, ou déposez des fichiers .ron sur la fenêtre) pour les voir côte à côte.
compare-view-against = Les écarts sont comptés par rapport au premier onglet, { $name }. Cliquez sur un onglet ci-dessus pour le modifier.
compare-view-stale = { $name } : ses entrées ont changé depuis ses résultats (valeurs invalides ou calcul en cours) ; les colonnes montrent ses derniers résultats valides.
compare-view-missing = { $name } : pas encore de résultats (corrigez ses valeurs signalées) ; non comparé.
compare-view-field = champ
compare-view-no-input-differs = Aucune entrée ne diffère.
compare-view-missing-note = - : le champ ou l'élément de liste n'existe pas dans ce scénario.
compare-view-month-axis = mois ({ $clock })
compare-view-month-axis-mixed = mois (heure légale de chaque site)
compare-view-net-load-title = Monotone de charge nette (charge - solaire - éolien) [MW]
compare-view-net-load-hours = heures de l'année, triées par charge nette [h]
compare-view-net-load-axis = charge nette [MW]
compare-view-backup-title = Énergie de secours par mois [GWh]
compare-view-backup-axis = secours [GWh]
compare-view-curtailed-title = Énergie écrêtée par mois [GWh]
compare-view-curtailed-axis = écrêtement [GWh]

## Navigateur de fichiers intégré (gui/file_browser.rs)
browser-open-title = Ouvrir un scénario
browser-save-title = Enregistrer le scénario sous
browser-export-title = Exporter le rapport dans ce dossier
browser-no-name = saisissez ou choisissez un nom de fichier
browser-no-slash = un nom de fichier ne contient pas de / ; passez par le dossier parent
browser-not-a-file = { $name } n'est pas un fichier de ce dossier
browser-up = Dossier parent
    .tooltip = Le dossier au-dessus de celui-ci
browser-no-folders = Aucun sous-dossier.
browser-nothing-here = Aucun sous-dossier ni fichier de scénario (.ron) ici.
browser-file-name = Nom du fichier
browser-open = Ouvrir
browser-save = Enregistrer
browser-export-here = Exporter ici

## Textes au survol des graphiques (gui/chart_widget.rs) ; les nombres arrivent écrits
chart-not-drawn = graphique non tracé : { $message }
hover-battery-charging = batterie en charge { $power }
hover-battery = batterie { $power }
hover-balance = { $time } — charge { $load }, solaire { $solar }, éolien { $wind }, { $battery }, secours { $backup }, écrêté { $curtailed }, non desservi { $unmet }
hover-exported = , exporté { $power }
hover-load-before-shifting = , charge avant report du travail flexible { $power }
hover-days = du { $from } au { $to }
hover-soc-span = { $days } ({ $clock }) — état de charge de { $min } MWh{ $min_share } à { $max } MWh{ $max_share }, moyenne { $mean } MWh{ $mean_share }
hover-soc-of = {" "}({ $share } de { $energy } MWh)
hover-soc = { $time } — état de charge { $soc } MWh{ $of } en fin d'heure
hover-month-part = , dont { $hours } h dans la simulation
hover-month = { $month } { $year } ({ $clock }{ $part }) — charge { $load }, { $layers }
hover-heat = { $time } — { $quantity } { $power }
hover-deficit = déficit
hover-surplus = excédent
hover-net-load = { $hours } h sur { $total } h ont une charge nette d'au moins { $power } ({ $what })
hover-pue-hours = , { $count } h de l'année entre { $from } et { $to } °C
hover-pue = { $temperature } °C — PUE { $pue }{ $hours }
hover-power-curve = { $speed } m/s — { $power } kW
hover-year = Année d'exploitation { $year } ({ $weather }) — taux de renouvelable { $rf } %, CFE { $cfe } %, secours { $backup } GWh, défaillance { $hours } h, non desservi { $unmet } MWh
hover-survival = Coupure du réseau de { $hours } h commençant à n'importe quelle heure — tenue { $mean } % (± { $error } %) du temps en moyenne ; P90 { $p90 } %
hover-events = Événements de { $bin } h : { $count } par an (moyenne sur les années échantillonnées)
hover-sizing-step = { $step }. { $change }
    { $cost } M { $currency }/an, LOLE { $lole } h/an, EUE { $eue } MWh/an{ $met }
    secours { $backup } MW{ $units }, batterie { $energy } MWh / { $power } MW
hover-sizing-met = {" "}- atteint l'objectif
hover-sizing-units = {" "}(unités { $units })
hover-pareto-click = { $point }
    Cliquez pour charger ce mix dans le scénario (Ctrl+Z l'annule).
pareto-least-cost = mix au moindre coût
pareto-unreachable = objectif hors d'atteinte dans les bornes ; mix le plus proche
pareto-extra = , +{ $cost } M { $currency }/an par point de part
pareto-point = Objectif { $share } { $target } % : { $reach }
    taux de renouvelable { $rf } %, CFE { $cfe } %
    { $cost } M { $currency }/an, LCOE { $lcoe } { $currency }/MWh{ $extra }
    solaire { $solar } MWc, éolien { $wind } MW, batterie { $energy } MWh / { $power } MW, secours { $backup } MW

## Éditeurs de champs (gui/widgets.rs)
number-type-one = saisissez un nombre
number-ambiguous-comma = « { $text } » : une virgule peut ici être une virgule décimale ou un séparateur de milliers ; saisissez { $first } ou { $second }
number-not-a-number = « { $text } » n'est pas un nombre
number-not-finite = « { $text } » n'est pas un nombre fini
number-not-whole = « { $text } » : un nombre entier est attendu
number-not-applied = Non appliqué : le champ garde sa dernière valeur valide.
number-not-applied-because = { $message }. Non appliqué : le champ garde sa dernière valeur valide.
field-not-set = non défini
field-value = { $label } (valeur)
field-year = { $label } (année)
field-month = { $label } (mois)
choice-other = (autre)
month-invalid = le mois enregistré { $month } n'est pas un mois
month-not-a-month = (pas un mois)
field-whole-year = toute l'année simulée
item-duplicate = Dupliquer
    .tooltip = Ajouter une copie de cet élément juste après
item-remove = Supprimer
    .tooltip = Supprimer cet élément (Ctrl+Z l'annule)
item-move-up = Monter
    .tooltip = Monter cet élément d'une place
item-move-down = Descendre
    .tooltip = Descendre cet élément d'une place
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

# Results tables under the cards.
app-table-monthly-title = Énergie par mois ({ $clock }) [MWh]
app-table-costs-title = Coûts de l'année par poste
app-copy-tsv = Copier en TSV
    .tooltip = Copier le tableau, séparé par des tabulations : collez-le dans un tableur
