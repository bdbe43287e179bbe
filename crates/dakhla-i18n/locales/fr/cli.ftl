# dakhla-planner: cli (fr). Every message is in both languages with the same placeholders (a test checks).
# La sortie texte de la ligne de commande (pas le JSON, le CSV ni les fichiers de scénario, qui sont
# des contrats). Les nombres arrivent déjà écrits à la française ; les unités restent telles
# quelles. Le texte de l'utilisateur (noms de fichiers, de scénarios) arrive tel quel. Les
# largeurs de colonnes restent dans le code.

## Commun
cli-unnamed-scenario = (scénario sans nom)
cli-builtin = intégré
cli-builtin-scenario = scénario intégré
cli-warning = avertissement : { $path } : { $message }
cli-warning-note = avertissement : { $message }
cli-and = et
cli-internal-error = erreur interne : { $error }
cli-cannot-write-output = impossible d'écrire la sortie : { $error }
cli-cannot-write = impossible d'écrire { $file }
cli-cannot-write-file = impossible d'écrire { $file } : { $error }
cli-cannot-read-file = { $file } : impossible de lire le fichier : { $error }
cli-no-window = impossible d'ouvrir la fenêtre du planificateur : { $error }. Sur une machine sans écran, utilisez `dakhla-planner simulate [FILE]` ou `dakhla-planner check FILE...`
cli-note-migrate = remarque : { $file } : { $summary } ; `dakhla-planner migrate { $file }` met le fichier à jour
cli-note-layout-not-kept = remarque : { $file } : la mise en forme du fichier n'a pas pu être conservée ; il est écrit dans la mise en forme du programme, sans ses commentaires
cli-note-optimizer-override = remarque : --set { $set } : la section optimizer sert à `optimize` ; elle ne change pas ce que calcule `{ $command }`

## Ce qu'est un chemin, quand ce n'est pas le fichier attendu
cli-kind-folder = un dossier
cli-kind-file = un fichier
cli-kind-symlink = un lien symbolique
cli-kind-block-device = un périphérique bloc
cli-kind-char-device = un périphérique caractère
cli-kind-named-pipe = un tube nommé
cli-kind-socket = une socket
cli-kind-not-regular = autre chose qu'un fichier ordinaire

## Les modes de pilotage en mots
cli-dispatch-perfect = avec une prévision parfaite de la météo
cli-dispatch-forecast = sur une prévision glissante de la météo à { $hours } h
cli-dispatch-greedy = sans prévision (glouton)

## simulate : le résumé
cli-summary-weather = météo : { $source } ({ $steps } pas de { $minutes } min)
cli-summary-it-design = Puissance IT nominale (plaque)
cli-summary-facility-design = Site au PUE du jour de dimensionnement
cli-summary-facility-design-value = { $design } MW pour un plafond de { $cap } MW, marge { $headroom } MW
cli-summary-targets = Objectifs
cli-summary-target = { $value } (objectif { $operator } { $target }) : { $met ->
        [yes] ATTEINT
       *[no] NON ATTEINT
    }

## simulate --years
cli-years-intro = { $years } années météo sur la durée d'exploitation (le PV et la batterie se dégradent d'année en année)
cli-years-year = année
cli-years-calendar = an civil
cli-years-weather = météo
cli-years-kpi = Indicateur
cli-years-worst = pire année
cli-years-p90-note = P90 : la valeur atteinte dans 90 % des années (du mauvais côté de la médiane).

## simulate : fichiers météo et années
cli-cannot-read-folder = { $folder } : impossible de lire le dossier : { $error }
cli-folder-no-weather = { $folder } : le dossier ne contient aucun fichier météo (.epw ou .csv)
cli-weather-not-a-file = { $file } : c'est { $kind }, pas un fichier météo (.epw ou .csv)
cli-weather-missing = { $file } : le fichier météo n'existe pas
cli-weather-unreachable = { $file } : le fichier météo est inaccessible : { $error }
cli-weather-path-not-utf8 = { $file } : le chemin n'est pas du texte UTF-8, qu'un scénario ne peut pas enregistrer ; renommez le fichier ou son dossier
cli-hourly-with-years = --hourly écrit les résultats horaires d'une seule simulation ; il ne peut pas être combiné avec { $what } (une simulation sur plusieurs années météo, chacune avec ses propres résultats) : simulez une année à la fois (--weather FILE, ou la météo du scénario) pour obtenir ses résultats horaires
cli-a-weather-folder = un dossier météo
cli-years-more-than-files = --years { $years } : le dossier { $folder } contient { $files } fichier(s) météo, un par année ; demandez au plus { $files } années ou ajoutez des fichiers
cli-too-many-weather-files = { $folder } : le dossier contient { $files } fichiers météo, une année chacun ; au plus { $max } années sont simulées à la fois (--years N simule les N premières)
cli-note-same-weather-each-year = remarque : le fichier météo { $file } sert pour chacune des { $years } années : elles ne diffèrent que par la dégradation et le déploiement progressif, pas par la météo (un dossier de fichiers météo donne une année par fichier)

## optimize : le résumé
cli-share-renewable-fraction = taux de renouvelable
cli-share-cfe = score CFE 24/7
cli-opt-title = { $name } : mix au moindre coût
cli-opt-target = objectif : { $share } >= { $value }, énergie non desservie <= { $unmet } MWh
cli-opt-not-met = NON ATTEINT : aucun mix dans les bornes n'atteint l'objectif ; le plus proche est ci-dessous.
cli-opt-solar = solaire
cli-opt-wind = éolien
cli-opt-battery = batterie
cli-opt-backup = secours
cli-opt-annualized-cost = coût annualisé
cli-opt-cost-of-energy = coût de l'énergie (LCOE)
cli-opt-renewable-fraction = taux de renouvelable
cli-opt-cfe = score CFE 24/7
cli-opt-backup-energy = énergie de secours
cli-opt-curtailed = écrêtement
cli-opt-co2 = CO2
cli-opt-search = recherche
cli-opt-turbines = { $count ->
        [one] { $count } éolienne
       *[other] { $count } éoliennes
    }
cli-opt-search-value = { $evaluations } évaluations du pilotage en { $seconds } s

## optimize : le front de Pareto
cli-pareto-title = Front de Pareto : coût en fonction du { $share }
cli-pareto-target = objectif
cli-pareto-reached = atteint
cli-pareto-extra = surcoût M { $currency }/yr par point
cli-pareto-solar = solaire MWdc
cli-pareto-wind = éolien MW
cli-pareto-battery = batterie MWh/MW
cli-pareto-backup = secours MW
cli-pareto-unreachable = hors d'atteinte dans les bornes (le plus proche est montré)
cli-pareto-point = Point de Pareto { $point } : objectif { $target } : { $cost } M { $currency }/yr en { $seconds } s
cli-export-flexibility-point = calcul flexible, { $share } du travail : point de Pareto { $point }, objectif { $target } : { $cost } M { $currency }/an
cli-export-flexibility-failed = { $file } : les fronts du calcul flexible pour le rapport n'ont pas pu être calculés : { $error }
cli-pareto-point-not-met = Point de Pareto { $point } : objectif { $target } : { $cost } M { $currency }/yr (non atteint) en { $seconds } s

## optimize : options, remarques et verdicts
cli-step-tolerance-range = --step-tolerance doit être supérieur à 1e-7 et inférieur à 0.5 (une part de la plage de chaque capacité ; 0.001 par défaut), reçu { $value }
cli-shard-cannot-combine = { $flags } ne peut pas être combiné avec --shard : un fragment écrit les résultats de ses tâches dans --out ; `merge` combine les fragments (--csv ou --json)
cli-reliability-front-needs-target = --reliability-front demande un objectif de fiabilité : définissez targets.max_lole_h_per_year ou targets.max_eue_mwh_per_year (dans le fichier ou avec --set)
cli-sizing-too-large = { $scenario } : --reliability-draws { $draws } x --reliability-years { $years } pour { $units } unités sujettes aux pannes, c'est plus qu'une étude de fiabilité n'en traite ({ $max } unités-années), et le dimensionnement juge de nombreuses conceptions : demandez-en moins
cli-missed-target = { $kpi } { $value } (objectif { $kind ->
        [min] au moins
       *[max] au plus
    } { $target })
cli-note-foresight-met = remarque : { $scenario } : l'optimiseur dimensionne avec une prévision parfaite (comme un programme linéaire) ; le mix est simulé avec le pilotage du scénario, { $dispatch }, et atteint tous les objectifs
cli-note-foresight-missed = remarque : { $scenario } : l'optimiseur dimensionne avec une prévision parfaite (comme un programme linéaire) ; le mix est simulé avec le pilotage du scénario, { $dispatch }, et manque alors : { $missed } ; dimensionnez avec un objectif de fiabilité (targets.max_lole_h_per_year) pour ajouter le secours que demande l'absence de prévision
cli-reliability-target-not-met = { $scenario } : aucune conception dans les bornes de l'optimiseur n'atteint l'objectif de fiabilité ; élargissez les bornes du secours et de la batterie ou assouplissez l'objectif
cli-optimize-target-not-met = { $scenario } : aucun mix dans les bornes de l'optimiseur n'atteint l'objectif ; élargissez les bornes (section optimizer) ou abaissez l'objectif

## optimize : dimensionné pour un objectif de fiabilité
cli-reliability-step = étape de fiabilité { $step } : { $change } : { $cost } M { $currency }/yr, LOLE { $lole } h/yr, EUE { $eue } MWh/yr
cli-reliability-step-met = étape de fiabilité { $step } : { $change } : { $cost } M { $currency }/yr, LOLE { $lole } h/yr, EUE { $eue } MWh/yr (atteint)
cli-sized-want-lole = LOLE au plus { $value } h/yr
cli-sized-want-eue = EUE au plus { $value } MWh/yr
cli-sized-title = Dimensionné pour la fiabilité ({ $want } au P{ $percentile } sur { $years } { $years_count ->
        [one] année météo
       *[other] années météo
    }, { $draws } tirages de pannes chacune, pilotage { $dispatch }) : { $met ->
        [yes] atteint
       *[no] NON atteint dans les bornes
    }
cli-sized-backup-units = Groupes de secours :
cli-sized-battery = batterie { $energy } MWh / { $power } MW
cli-sized-path = Coût selon la LOLE, étape par étape :
cli-sized-step = étape
cli-sized-met = atteint

## optimize --shard
cli-note-shard-pareto = remarque : avec --shard, --pareto fait de l'étude un front de Pareto ; { $file } n'est pas écrit par un fragment (`merge --csv` écrit toute l'étude)
cli-shard-years-weather-file = --years { $years } : les années météo d'une étude sont des années synthétiques du climat intégré (graines à la suite de celle du scénario), mais { $scenario } utilise un fichier météo, donc toutes les années seraient identiques ; lancez plutôt une étude par fichier météo
cli-shard-too-many-jobs = --shard { $shard } : l'étude compte { $jobs } tâche(s), donc au plus { $jobs } fragments ont du travail (un fragment sans tâche devrait quand même être lancé et fusionné) ; découpez-la en { $jobs } fragments ou moins
cli-job-failed = { $scenario } : tâche { $job } : { $error }
cli-job-done = tâche { $job } ({ $case } / année { $year } / objectif { $target }) : { $cost } M { $currency }/yr en { $seconds } s
cli-shard-written = fragment { $shard } : { $written } des { $jobs } tâches écrites dans { $file }

## reliability
cli-too-many-samples = --draws { $draws } x --years { $years } font { $samples } années tirées, plus que les { $max } d'une étude : demandez-en moins
cli-reliability-shard-too-many = --shard { $shard } : l'étude compte { $samples } années tirées (--draws x --years), donc au plus { $samples } fragments ont du travail ; découpez-la en { $samples } fragments ou moins
cli-note-shard-json = remarque : avec --shard, --json n'est pas affiché : les résultats du fragment vont dans son fichier et `merge --json` affiche ceux de toute l'étude
cli-note-weather-file-years = remarque : { $scenario } utilise un fichier météo, donc ses { $years } années météo sont la même année ; seuls les tirages de pannes diffèrent
cli-too-many-unit-years = { $units } unités sujettes aux pannes (groupes de secours, éoliennes, onduleurs, blocs de puissance de la batterie) dans chacune des { $samples } années tirées, c'est plus qu'une simulation n'en traite ({ $max } unités-années, quelques minutes) : demandez moins de --draws ou de --years, découpez l'étude avec --shard, ou prenez des onduleurs et des blocs de puissance plus grands
cli-reliability-shard-written = fragment { $shard } : { $written } des { $samples } années tirées écrites dans { $file } en { $seconds } s
cli-rel-title = Fiabilité de { $scenario } ({ $source }) : { $draws } { $draws_count ->
        [one] tirage de pannes
       *[other] tirages de pannes
    } x { $years } { $years_count ->
        [one] année météo
       *[other] années météo
    }, graine { $seed }, pilotage { $dispatch }
cli-rel-events = Événements de défaillance
cli-rel-longest = Plus longue défaillance
cli-rel-backup-energy = Énergie de secours
cli-rel-survival = Tenue face à une coupure du réseau commençant à n'importe quelle heure (groupes sur site à froid, batterie telle que le pilotage l'a laissée) :
cli-rel-outage = Coupure de { $hours } h
cli-rel-footnote = ({ $samples } années tirées en { $seconds } s ; ± est l'erreur type de la moyenne ; le P90 est du mauvais côté : un déficit que 90 % des années tirées ne dépassent pas, une chance de tenir qu'atteignent 90 % d'entre elles)
cli-rel-without-failures = Sans pannes, selon ce que le pilotage sait de l'avenir (par an) :
cli-rel-col-dispatch = pilotage
cli-rel-col-backup = secours MWh
cli-rel-gaps = Les écarts sont ce que vaut la connaissance de l'avenir pour cette conception ; l'optimiseur dimensionne avec une prévision parfaite.

## merge
cli-no-shard-files = aucun fichier de fragment donné
cli-merge-same-file = { $file } : le même fichier est donné deux fois ({ $role }) ; donnez chaque fragment une seule fois
cli-merge-not-a-shard-file = { $file } : c'est { $kind }, pas un fichier de résultats de fragment (.json)
cli-merge-shard-too-large = { $file } : le fichier fait { $size } MB ; un fichier de fragment de fiabilité fait au plus { $max } MB (environ 250 octets par année tirée) : est-ce le bon fichier ?
cli-merge-source = { $shards } { $shards_count ->
        [one] fragment
       *[other] fragments
    } de l'étude { $study }
cli-merge-header = { $jobs } tâches de { $shards } fragments de l'étude { $study }
cli-merge-job = tâche
cli-merge-year = année
cli-merge-target = objectif
cli-merge-met = atteint
cli-merge-not-met = NON ATTEINT
cli-merge-solar = solaire
cli-merge-wind = éolien
cli-merge-battery = batterie

## migrate
cli-migrate-current = { $file } : déjà en version de schéma { $version } ; rien à changer
cli-migrate-current-copied = { $file } : déjà en version de schéma { $version } ; copié dans { $out }
cli-migrate-current-copied-unchanged = { $file } : déjà en version de schéma { $version } ; copié tel quel dans { $out }
cli-migrate-done = { $file } : version de schéma { $from } -> { $to }, écrit dans { $out }
cli-migrate-weather-rebased = weather.path : désormais "{ $path }", le même fichier vu depuis le nouveau dossier
cli-migrate-layout-not-kept = remarque : la mise en forme du fichier n'a pas pu être conservée ; il est écrit dans la mise en forme du programme, sans ses commentaires

## export
cli-note-export-no-reliability = remarque : { $file } : le rapport n'a pas de section fiabilité : ses { $units } unités sujettes aux pannes x { $draws } tirages dépassent ce qu'une simulation traite ; lancez `reliability` avec moins de --draws
cli-export-reliability-failed = { $file } : fiabilité : { $error }

## check
cli-check-note = { $file } : remarque : { $summary }
cli-check-warning = { $file } : avertissement : { $path } : { $message }
cli-check-weather-warning = { $file } : avertissement : weather.path : { $error }

## describe : les en-têtes des tableaux
cli-describe-key = clé
cli-describe-label = libellé
cli-describe-unit = unité
cli-describe-better = meilleur
cli-describe-section = section
cli-describe-help = aide
cli-describe-column = colonne
cli-describe-path = chemin
cli-describe-range = plage
cli-describe-default = défaut

## --help : les commandes et options du programme (l'anglais est celui des commentaires de
## documentation de main.rs ; un test le vérifie).
help-about = Dimensionner des datacenters alimentés en énergies renouvelables : bilan énergétique horaire des baies, du refroidissement, du solaire, de l'éolien, du stockage et du secours. La ligne de commande et le planificateur de bureau.
help-after =
    Sans sous-commande, le planificateur de bureau s'ouvre (sur FILE ou sur le scénario Dakhla intégré).
    Codes de sortie : 0 succès, 2 entrée invalide (fichier illisible ou invalide, option erronée), 1 erreur interne
    (y compris : pas d'écran sur lequel ouvrir la fenêtre).
help-files = Fichiers de scénario à ouvrir dans la fenêtre, un onglet chacun (par défaut : le campus Dakhla 500 MW intégré)
help-lang = Langue de la sortie texte et de la fenêtre : en ou fr (par défaut : celle de la locale, d'après LC_ALL, LC_MESSAGES ou LANG). Les clés JSON, les colonnes CSV et les champs des scénarios restent en anglais
help-simulate = Simuler un scénario sur une année et afficher ses indicateurs
help-simulate-file = Fichier de scénario (.ron). Sans lui, le scénario de référence Dakhla intégré
help-simulate-json = Afficher un objet JSON (indicateurs sous "kpis") au lieu du résumé lisible
help-simulate-hourly = Écrire aussi les résultats horaires dans ce fichier CSV
help-simulate-years = Simuler N années météo (graines à la suite de celle du scénario, ou les fichiers de --weather DIR) sur la durée d'exploitation et donner le P50, le P90 et la pire année
help-simulate-weather = Utiliser ce fichier météo (.epw ou .csv) au lieu de celui du scénario ; ou un dossier de fichiers météo, un par année (simulation pluriannuelle)
help-simulate-set = Modifier un champ avant la simulation, par ex. --set battery.energy_mwh=4000 ou --set 'wind_farms[0].turbine_count=120' (répétable ; validé comme s'il était lu dans le fichier)
help-optimize = Trouver le mix au moindre coût (solaire, éolien, batterie, secours) qui atteint l'objectif du scénario ; en option, le front de Pareto du coût en fonction de la part décarbonée
help-optimize-file = Fichier de scénario (.ron). Sans lui, le scénario de référence Dakhla intégré
help-optimize-json = Afficher un objet JSON au lieu du résumé lisible
help-optimize-hourly = Écrire les résultats horaires de l'optimum, avec les profils de disponibilité utilisés (solar_mw_per_mwdc, wind_mw_per_mw), dans ce fichier CSV
help-optimize-save = Écrire le scénario avec les capacités optimales dans ce fichier
help-optimize-pareto = Calculer aussi le front de Pareto (optimizer.pareto_from..pareto_to) et l'écrire en CSV
help-optimize-shard = N'exécuter que la tranche i sur n (numérotées à partir de 1) de l'étude (objectifs de Pareto x années météo x cas de coût) et écrire ses résultats dans --out ; `merge` réunit les tranches
help-optimize-set = Modifier un champ avant l'optimisation (comme pour `simulate --set` ; répétable)
help-optimize-out = Fichier de résultats de --shard (par défaut : shard-i-of-n.json)
help-optimize-years = Années météo d'une étude --shard (graines synthétiques à la suite de celle du scénario)
help-optimize-extra-starts = Points de départ de la recherche en plus du mix propre au scénario (meilleurs points d'une grille grossière)
help-optimize-step-tolerance = La recherche par motifs s'arrête quand son pas tombe sous cette part de chaque plage
help-optimize-reliability-draws = Avec un objectif de fiabilité (targets.max_lole_h_per_year ou max_eue_mwh_per_year) : tirages de pannes par année météo pour juger chaque configuration
help-optimize-reliability-years = Avec un objectif de fiabilité : années météo sur lesquelles l'objectif est jugé (au centile targets.reliability_percentile)
help-optimize-reliability-front = Avec un objectif de fiabilité : écrire le parcours du dimensionnement (unités, coût, LOLE et EUE de chaque configuration : le front du coût en fonction de la LOLE) dans ce fichier CSV
help-merge = Réunir les fichiers de résultats des exécutions `optimize --shard` ou `reliability --shard` en résultats de l'étude
help-merge-files = Fichiers de résultats des fragments (.json), tous les fragments d'une même étude
help-merge-csv = Écrire les résultats réunis en CSV (une ligne par tâche)
help-merge-json = Afficher les résultats réunis en JSON
help-migrate = Mettre un fichier de scénario à la version de schéma actuelle, en gardant ses commentaires si possible ; indique ce qui a changé. Un fichier déjà à jour est laissé tel quel, octet pour octet
help-migrate-file = Fichier de scénario (.ron) de n'importe quelle version de schéma prise en charge
help-migrate-out = Écrire le fichier migré ici au lieu de réécrire FILE sur place (de façon atomique)
help-migrate-currency = Convertir chaque coût du scénario dans cette devise (USD, EUR ou MAD) aux taux de change du scénario, et en faire la devise du scénario
help-migrate-cost-basis = Écrire toutes les valeurs d'un jeu de coûts (Morocco2025, NrelAtb2024, DanishEnergyAgency), converties dans la devise du scénario ; après --currency si les deux sont donnés
help-export = Écrire chaque graphique (PNG et SVG), le CSV horaire, le JSON des indicateurs et un rapport HTML d'une page (entrées, indicateurs, graphiques, hypothèses et sources) d'un scénario dans un dossier
help-export-file = Fichier de scénario (.ron)
help-export-out = Dossier où écrire (créé s'il manque ; les fichiers de même nom sont remplacés)
help-export-set = Modifier un champ avant la simulation (comme pour `simulate --set` ; répétable)
help-check = Vérifier des fichiers de scénario : code de sortie 0 si tous sont valides, 2 sinon ; une ligne par problème
help-check-files = Fichiers de scénario (.ron)
help-compare = Comparer des scénarios côte à côte : les entrées qui diffèrent (chemin du champ, valeur dans chacun) et les indicateurs, avec chaque écart par rapport au premier fichier. Des différences ne sont pas une erreur (code de sortie 0)
help-compare-files = Fichiers de scénario (.ron), deux ou plus ; le premier sert de référence. Avec --cooling, un seul
help-compare-json = Afficher un objet JSON au lieu du tableau côte à côte
help-compare-cooling = Comparer les choix de refroidissement d'un scénario : sa propre évacuation de la chaleur d'abord, puis chacune des autres (aéroréfrigérants secs, pads adiabatiques, tours de refroidissement, eau de mer) aux valeurs par défaut du registre, avec le même approvisionnement : coût, PUE, WUE, eau et charge que sert l'approvisionnement
help-compare-optimize = Avec --cooling : dimensionner d'abord l'approvisionnement de chaque choix avec l'optimiseur (ce qu'il faut à chacun pour atteindre les objectifs au moindre coût), au lieu de garder celui du scénario
help-reliability = Le campus tiendra-t-il ? Une simulation de Monte-Carlo séquentielle des pannes d'unités (groupes de secours, éoliennes, onduleurs, blocs de puissance de la batterie ; données de défaillance du scénario) sur des années météo, pilotée heure par heure selon `--dispatch` ou le scénario (les pannes ne sont jamais prévues) : LOLE, EUE, LOLP, événements de défaillance et le plus long, chacun avec son erreur type, son P50 et son P90
help-reliability-file = Fichier de scénario (.ron). Sans lui, le scénario de référence Dakhla intégré
help-reliability-draws = Tirages de pannes par année météo
help-reliability-years = Années météo (années synthétiques à la suite de la graine du scénario ; un fichier météo est le même chaque année)
help-reliability-seed = Graine des tirages de pannes : la même graine donne le même résultat à chaque fois
help-reliability-json = Afficher un objet JSON au lieu du résumé lisible
help-reliability-csv = Écrire aussi chaque année tirée en CSV (échantillon, année météo, tirage, défaillance, énergie non servie, événements, plus long événement, énergie de secours, parts de tenue)
help-reliability-shard = N'exécuter que les années tirées du fragment i sur n (celles numérotées i-1 modulo n, comme les identifiants de tâches de tableau Slurm comptent à partir de 1) et les écrire dans --out ; `merge` réunit les fragments
help-reliability-out = Fichier de résultats de --shard (par défaut : reliability-shard-i-of-n.json)
help-reliability-dispatch = Ce que le pilotage sait de l'avenir : perfect, greedy ou forecast:H (H heures à l'avance). Par défaut : `simulation.dispatch` du scénario
help-reliability-set = Modifier un champ avant la simulation (répétable), comme pour `simulate`
help-describe = Décrire ce que le programme produit et lit : `kpis` (chaque indicateur : clé, libellé, unité, sens favorable, section, aide), `fields` (chaque entrée de scénario : chemin, libellé, unité, aide, plage plausible, valeur par défaut) ou `hourly` (chaque colonne de `--hourly`)
help-describe-what = Ce qu'il faut décrire
help-describe-what-kpis = Chaque indicateur d'une simulation (l'objet `kpis` de `simulate --json`)
help-describe-what-fields = Chaque entrée d'un fichier de scénario (les chemins que prend `--set`, `[]` pour les éléments de liste)
help-describe-what-hourly = Chaque colonne de `simulate --hourly` (nom, unité, signification)
help-describe-json = Afficher du JSON (une liste d'objets) au lieu d'un tableau

## --help : les mots de clap (en anglais, clap les écrit lui-même). clap écrit « : » après un
## intitulé : l'espace qui le précède en français est dans l'intitulé.
help-clap-usage = Utilisation :
help-clap-commands = Commandes{ " " }
help-clap-arguments = Arguments{ " " }
help-clap-options = Options{ " " }
help-clap-print-help = Afficher l'aide
help-clap-print-help-more = Afficher l'aide (davantage avec '--help')
help-clap-print-help-summary = Afficher l'aide (un résumé avec '-h')
help-clap-print-version = Afficher la version
help-clap-help = Afficher ce message ou l'aide des sous-commandes indiquées
help-clap-help-subcommands = Afficher l'aide des sous-commandes indiquées
help-clap-default = [par défaut : { $value }]
help-clap-possible-values = [valeurs possibles : { $values }]
help-clap-possible-values-heading = Valeurs possibles :
help-clap-value-colon = { " " }:
cli-compare-needs-two = compare demande au moins deux fichiers de scénario (le premier sert de référence) ; pour comparer les choix de refroidissement d'un scénario, ajoutez --cooling
cli-compare-cooling-one-file = compare --cooling compare les choix d'évacuation de la chaleur d'un scénario : donnez un seul fichier
cli-compare-cooling-own = { $choice } (celui du scénario)
