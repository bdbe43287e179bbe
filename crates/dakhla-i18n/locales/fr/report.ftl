# dakhla-planner : catalogue français (the HTML report and the compare table).
# Mêmes messages et mêmes paramètres que locales/en/report.ftl (un test le vérifie).

## Le rapport HTML : la page (crates/dakhla-report/src/export.rs). Le code échappe le texte
## pour le HTML ; les nombres arrivent déjà écrits à la française ({ $value }).

report-unnamed-scenario = (scénario sans nom)
report-title = { $name } - rapport dakhla-planner
report-footer = Écrit par dakhla-planner { $version }. Le même scénario, la même météo et la même version du programme redonnent ce fichier octet pour octet.
report-author = Auteur : { $name }
report-team = Équipe : { $name }
report-notes = Notes : { $notes }

## Traçabilité

report-provenance = Traçabilité
report-program = Programme
report-scenario-file = Fichier du scénario
report-not-saved = (non enregistré dans un fichier)
report-schema-version = Version du schéma du scénario
report-scenario-sha = SHA-256 du scénario (texte canonique)
report-weather-file-sha = SHA-256 du fichier météo
report-weather-series-sha = SHA-256 de la série météo
report-weather-source = Source météo
report-provenance-note = Deux équipes qui voient la même version du programme et les deux mêmes valeurs SHA-256 ont calculé la même chose. L'empreinte du scénario porte sur le scénario tel que ce programme l'écrit (les commentaires et la mise en forme du fichier ne comptent pas ; les valeurs imposées avec --set, si).

## Résultats clés

report-key-results = Résultats clés
report-targets = Objectifs
report-targets-none = aucun objectif fixé
report-targets-all-met = tous atteints
report-targets-not-met = { $failed ->
        [one] { $failed } sur { $total } non atteint
       *[other] { $failed } sur { $total } non atteints
    }
report-weather-line = Météo : { $source } ({ $steps } pas de { $minutes } min à partir du { $start }).
report-kpi-over-years = { $label } ({ $years } ans)
report-target-kpi = Indicateur
report-target-value = valeur
report-target-target = objectif
report-target-verdict = verdict
report-target-met = ATTEINT
report-target-not-met = NON ATTEINT
report-warnings = Avertissements

## Fiabilité avec défaillances

report-reliability = Fiabilité avec défaillances
report-reliability-not-computed = Non calculée pour ce rapport : le campus compte trop d'unités sujettes aux pannes pour le calcul du rapport (1 000 tirages de défaillances). Lancez `dakhla-planner reliability` avec moins de tirages, ou le calcul du panneau Fiabilité, puis exportez depuis la fenêtre.
report-flexibility = Ce que vaut le calcul flexible
report-flexibility-note = La production et le stockage au moindre coût ont été redimensionnés avec 0, 10, 20 et 30 % de l'énergie des groupes de baies flexibles libre de se déplacer dans ses fenêtres, à chaque objectif du front de Pareto. Les coûts sont annualisés ; un tiret signale un objectif inatteignable dans les bornes de l'optimiseur.
report-flexibility-target = objectif
report-flexibility-share-cost = { $share } % flexible [M { $currency }/an]
report-flexibility-saved-per-point = économie par point de flexibilité [M { $currency }/an]
report-caption-flexibility-fronts = Coût annualisé minimal selon la part décarbonée pour chaque part de travail flexible : l'écart entre les courbes est ce que la flexibilité fait économiser.
report-lole-headline = LOLE avec défaillances
report-eue-headline = EUE avec défaillances
report-unit-h-per-year = h/an
report-unit-mwh-per-year = MWh/an
report-unit-events-per-year = événements/an
report-dispatch-perfect = une prévision parfaite de la météo
report-dispatch-forecast = une prévision glissante de la météo à { $hours } h
report-dispatch-greedy = aucune prévision (pilotage glouton)
report-rel-lole = LOLE (espérance de durée de défaillance)
    .help = Nombre d'heures par an attendu pendant lesquelles la charge du campus n'est pas entièrement desservie.
report-rel-eue = EUE (espérance d'énergie non servie)
    .help = Énergie attendue par an dont le campus avait besoin et qu'il n'a pas reçue.
report-rel-lolp = LOLP (probabilité de défaillance)
    .help = Probabilité qu'une heure prise au hasard connaisse une défaillance : LOLE / 8 760 h.
report-rel-events = Événements de défaillance
    .help = Suites d'heures consécutives avec défaillance, par an.
report-rel-longest = Plus long événement
    .help = La plus longue suite d'heures avec défaillance de l'année.
report-rel-backup = Énergie de secours
    .help = Énergie fournie par an par les moyens de secours, leurs pannes étant tirées au sort.
report-rel-basis = Monte-Carlo séquentiel des pannes et réparations des machines : { $draws ->
        [one] { $draws_shown } tirage de défaillances
       *[other] { $draws_shown } tirages de défaillances
    } x { $years ->
        [one] { $years_shown } année météo
       *[other] { $years_shown } années météo
    } (graine { $seed }), { $samples } années échantillonnées, pilotées avec { $dispatch } ({ $mode }).
report-rel-stopped = {" "}Le calcul a été arrêté avant la fin : les chiffres portent sur les { $samples } années échantillonnées déjà calculées.
report-rel-note = Les groupes de secours, les éoliennes, les onduleurs PV et les blocs de puissance de la batterie tombent en panne et sont réparés selon les taux d'indisponibilité fortuite et les durées de réparation saisis (IEEE Std 762) ; un groupe de secours peut échouer au démarrage. ± est l'erreur type de la moyenne ; le P90 est pris du mauvais côté : le déficit que 90 % des années échantillonnées ne dépassent pas.
report-col-mean = moyenne
report-col-std-error = ± erreur type
report-rel-survival = Tenue lors d'une perte de la liaison au réseau
report-col-grid-outage = coupure du réseau
report-col-chance = probabilité de tenir
report-rel-events-by-duration = Événements de défaillance par durée
report-col-duration = durée [h]
report-row-events-per-year = événements par an
report-rel-without-failures = Sans défaillances : ce que le pilotage sait de l'avenir
report-this-scenarios = {" "}(pilotage de ce scénario)
report-col-dispatch = pilotage
report-col-lole = LOLE
report-col-eue = EUE
report-col-backup-energy = énergie de secours
report-rel-without-failures-note = Chaque année météo est pilotée une fois avec toutes les machines disponibles : les écarts entre les lignes mesurent ce que vaut la connaissance de l'avenir pour cette conception (l'optimiseur dimensionne avec une prévision parfaite) ; les chiffres ci-dessus y ajoutent les défaillances.

## Graphiques et légendes

report-charts = Graphiques
report-charts-note = Les heures sont en UTC. Les mêmes graphiques se trouvent dans le dossier charts/ à côté de ce fichier, en PNG (1 600 x 900 px) et en SVG.
report-caption-balance-year = Bilan énergétique sur toute la simulation : production empilée jusqu'à la charge du site (moyennes journalières ; traits fins : minimum et maximum journaliers de la charge), charge de la batterie et écrêtement au-dessus. Les jours avec charge non desservie sont marqués en rouge le long du bord supérieur.
report-caption-week-winter = Bilan énergétique heure par heure sur une semaine d'hiver (à partir du 15 { $month }) : comment la batterie et le secours assurent les nuits et les heures sans vent ou nuageuses.
report-caption-week-summer = Bilan énergétique heure par heure sur une semaine d'été (à partir du 15 { $month }) : comment la batterie et le secours assurent les nuits et les heures sans vent ou nuageuses.
report-caption-soc = État de charge de la batterie sur la simulation, jour par jour (UTC) : la bande va de la charge la plus basse à la plus haute de chaque jour, la ligne est la moyenne journalière ; les tirets bornent la plage utile que conserve le contrôleur.
report-caption-monthly = Énergie desservant la charge par source et par mois civil (UTC), avec la charge de la batterie et l'écrêtement empilés au-dessus ; la barre noire est la consommation du site.
report-caption-heat-unmet = Charge non desservie par jour (x) et par heure UTC (y) : quand la production ne suffit pas.
report-caption-heat-backup = Production de secours par jour et par heure UTC : quand tourne le secours au gaz, au diesel ou par le réseau.
report-caption-heat-curtailed = Production renouvelable écrêtée par jour et par heure UTC : l'excédent ni consommé ni stocké.
report-caption-net-load = Charge nette (charge du site moins le solaire et l'éolien disponibles) de chaque heure, triée de la plus forte à la plus faible : au-dessus de zéro, la batterie, le secours ou la charge non desservie doivent la couvrir ; en dessous, c'est un excédent.
report-caption-pue = PUE du modèle de refroidissement en fonction de la température sèche extérieure, avec la température de dimensionnement de la vérification de capacité et les heures de l'année météo par degré.
report-caption-pue-wue = Chaque façon d'évacuer la chaleur sur la charge et la météo de ce scénario : le PUE moyen de l'année en fonction de son WUE (eau du site sur énergie IT), avec un trait jusqu'au PUE de l'heure la plus haute. Les aéroréfrigérants secs et l'eau de mer ne prélèvent pas d'eau ; les pads adiabatiques et les tours de refroidissement échangent de l'eau contre un PUE plus bas aux heures chaudes. Calculé aux valeurs par défaut du registre de chaque choix (le choix du scénario avec ses propres paramètres).
report-caption-power-curve = Courbe de puissance de l'éolienne du parc éolien « { $farm } » à 1,225 kg/m3, avant les pertes du parc et la correction de masse volumique de l'air.
report-caption-survival = Probabilité de tenir lors d'une perte de la liaison au réseau commençant à n'importe quelle heure de l'année, selon la durée de la coupure : les groupes sur site démarrent à froid et peuvent échouer au démarrage, la batterie contient ce que le pilotage y a laissé. La ligne est la moyenne sur les années échantillonnées, les tirets le P90 (atteint dans 90 % d'entre elles).
report-caption-event-durations = Événements de défaillance par an selon leur durée, en moyenne sur les années échantillonnées : une suite d'heures consécutives où la charge n'est pas desservie compte pour un événement.
report-turbine-custom = { $name } (personnalisée)

## Entrées

report-inputs = Entrées
report-section-site = Site et météo
report-section-datacenter = Centre de données
report-section-solar = Centrales solaires
report-section-wind = Parcs éoliens
report-section-battery = Batterie
report-section-backup = Secours
report-section-economics = Économie
report-section-targets = Objectifs
report-section-optimizer = Optimiseur
report-weather-data = Données météo
report-list-label = { $label } :
report-list-none = Aucun.
report-row-it-nameplate = Puissance IT nominale [MW]
report-row-racks-fit = Baies tenant sous le plafond
report-row-available = Disponible (dernier calcul)
report-row-turbine-rating = Puissance nominale de l'éolienne
report-row-farm-capacity = Puissance du parc

## Hypothèses et sources (les références restent telles que publiées)

report-assumptions = Hypothèses et sources
report-col-stage = étape
report-col-model = modèle
report-col-reference = référence
report-model-solar-position = position du soleil
    .model = Algorithme de position solaire du NREL (SPA), topocentrique avec réfraction ; aux pas horaires, le milieu de la partie ensoleillée des heures de lever et de coucher du soleil, comme dans NREL SAM
report-model-clear-sky = ciel clair
    .model = Ineichen-Perez avec trouble de Linke mensuel
report-model-ghi-split = décomposition du GHI
    .model = fraction diffuse d'Erbs
report-model-plane-of-array = plan des modules
    .model = diffus du ciel de Perez 1990 (ou isotrope), réflexion du sol, IAM physique du verre
report-model-row-shading = ombrage entre rangées
    .model = masquage du diffus du ciel d'une rangée à l'autre, réflexion du sol depuis les bandes ensoleillées et ombragées, ombrage du rayonnement direct des rangées fixes
report-model-trackers = trackers
    .model = trackers à un axe avec backtracking
report-model-pv = PV
    .model = température de cellule de Faiman ; production DC PVWatts avec coefficient de température et pertes système ; courbe d'onduleur PVWatts avec écrêtage DC/AC (chaîne PVWatts v8)
report-model-wind = éolien
    .model = cisaillement en loi puissance jusqu'à la hauteur du moyeu, température et pression à la hauteur du moyeu, masse volumique de l'air par la loi des gaz parfaits, correction de la courbe de puissance selon la masse volumique, pertes
report-model-turbines = éoliennes
    .model = courbes de puissance de la bibliothèque intégrée, chacune reprise d'un fichier cité
report-model-it-load = charge IT
    .model = baies x kW par baie x taux d'utilisation x profil horaire (heure locale), par groupe de baies
report-model-pue = PUE
    .model = ventilateurs + économiseur (free cooling sous un seuil de température sèche, partiel entre les deux, groupes froids au-dessus avec un COP qui baisse avec la chaleur) + onduleurs (UPS) + distribution + éclairage
report-model-battery = batterie
    .model = limites de puissance et d'énergie, racine carrée du rendement aller-retour dans chaque sens, plage d'état de charge, autodécharge
report-model-dispatch = pilotage
    .model = glouton, pas à pas : les renouvelables desservent la charge, l'excédent charge la batterie, le reste est écrêté ; un déficit puise dans la batterie, puis dans le secours par ordre de mérite, et le reste n'est pas desservi. Quand le secours est inférieur au plus grand déficit, la batterie garde une réserve pour les déficits à venir (calculée à rebours sur la simulation : prévision parfaite) ; le secours disponible ne la recharge que si l'excédent ne peut pas la remplir à temps. Chaque pas est exactement équilibré
report-model-cfe-economics = CFE 24/7 et économie
    .model = CFE : par heure min(charge, production décarbonée) / charge, pondéré par la charge ; la décharge de la batterie n'est décarbonée que pour la part chargée depuis une production décarbonée. Coûts : facteur de récupération du capital selon la durée de vie de chaque technologie, exploitation et maintenance fixes, combustible, exploitation et maintenance variables, prix du carbone ; coût actualisé de l'électricité (LCOE) = coût annualisé / énergie desservie au site
report-climate = Le climat intégré de Dakhla est une année synthétique tirée d'une graine (flux aléatoires PCG), construite à partir de statistiques mensuelles : GHI, trouble de Linke (SoDa/Remund 2003), normales de température 1991-2020 et vent à 10 m (Weibull). La même graine donne la même année sur toutes les machines.
report-time-and-balance = Toutes les heures sont en UTC ; chaque série est une moyenne sur son pas. Le bilan énergétique est équilibré à chaque pas : solaire + éolien + décharge de la batterie + secours + non desservi = charge du site + charge de la batterie + écrêtement.

## Pourquoi un export s'est arrêté

report-error-folder = impossible de créer le dossier { $path } : { $error }
report-error-write = impossible d'écrire { $path } : { $error }
report-error-chart = impossible de tracer { $path } : { $message }
report-error-input = impossible d'exporter dans { $folder } : l'export écrit { $path }, qui est { $role } de cette simulation ; exportez dans un autre dossier
report-role-scenario = le scénario
report-role-weather-file = le fichier météo
report-io-permission-denied = permission refusée
report-io-not-found = le dossier n'existe pas
report-io-already-exists = un fichier de ce nom gêne
report-io-not-a-directory = une partie du chemin est un fichier, pas un dossier
report-io-is-a-directory = un dossier de ce nom gêne
report-io-storage-full = le disque est plein
report-io-read-only = le disque est en lecture seule
report-error-not-regular = c'est { $kind } ; l'export écrit un fichier ordinaire de ce nom : supprimez-le
report-error-not-a-folder = c'est { $kind }, pas un dossier ; l'export écrit plusieurs fichiers dans un dossier
report-error-parent-not-a-folder = { $path } est { $kind }, pas un dossier
report-error-charts-not-a-folder = c'est { $kind } ; l'export écrit ses graphiques dans un dossier de ce nom : supprimez-le
report-error-lock-symlink = c'est un lien symbolique ; l'export y garde son verrou et la liste de ses fichiers : supprimez-le
report-error-lock-not-a-file = c'est { $kind } ; l'export y garde son verrou et la liste de ses fichiers : supprimez-le
report-error-lock-busy = un autre export de dakhla-planner écrit dans ce dossier depuis plus de { $seconds } s (il détient le verrou de ce fichier) ; réessayez quand il aura fini

## Les tableaux de résultats (crates/dakhla-report/src/tables.rs) : à l'écran, copiés en TSV

report-table-month = mois ({ $clock })
report-table-month-value = { $month }/{ $year }
report-table-facility-load = charge du site [MWh]
report-table-layer = { $layer } [MWh]
report-table-total = total
report-table-item = poste
report-table-capacity = capacité
report-table-unit = unité
report-table-capex = investissement [USD]
report-table-annualized-capex = investissement annualisé [USD/an]
report-table-fixed-om = E&M fixes [USD/an]
report-table-fuel = combustible [USD/an]
report-table-variable-om = E&M variables [USD/an]
report-table-carbon = carbone [USD/an]
report-table-total-usd = total [USD/an]

## Le tableau de comparaison (`dakhla-planner compare`) et la vue Comparer de la fenêtre.
## Son JSON reste en anglais.

compare-intro = Comparaison de { $count } scénarios ; les écarts sont comptés par rapport au premier, { $first }.
compare-inputs-title = Entrées qui diffèrent ({ $count })
compare-no-input-differences = aucune entrée ne diffère
compare-metadata = métadonnées :
compare-missing-note = (- : le champ ou l'élément de liste n'existe pas dans ce scénario)
compare-differs-at = diffère aux positions { $entries } sur { $count }
compare-kpis = Indicateurs
compare-same = identique
compare-points = { $value } pts
compare-section-capacities = Capacités
compare-cap-solar = Solaire PV [MWc]
compare-cap-wind = Éolien [MW]
compare-cap-battery-energy = Énergie de la batterie [MWh]
compare-cap-battery-power = Puissance de la batterie [MW]
compare-cap-backup = Secours [MW]
