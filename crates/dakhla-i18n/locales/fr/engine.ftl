# dakhla-planner : catalogue français (messages du moteur : fichiers météo, études, dimensionnement).
# Mêmes messages et mêmes paramètres que locales/en/engine.ftl (un test le vérifie).

## Grandeurs météo (noms dans les messages)
engine-quantity-ghi = rayonnement global horizontal (GHI)
engine-quantity-dni = rayonnement direct normal (DNI)
engine-quantity-dhi = rayonnement diffus horizontal (DHI)
engine-quantity-temp-air = température sèche de l'air
engine-quantity-wind-speed = vitesse du vent
engine-quantity-pressure = pression atmosphérique à la station
engine-quantity-relative-humidity = humidité relative
engine-quantity-dew-point = température du point de rosée
engine-quantity-latitude = latitude
engine-quantity-longitude = longitude
engine-quantity-elevation = altitude
engine-quantity-time-zone = fuseau horaire

## Durées (un pas de temps, une lacune)
engine-duration-hour = 1 heure
engine-duration-hours = { $hours } heures
engine-duration-min = { $minutes } min
engine-duration-s = { $seconds } s

## Provenance d'une série météo (pour le lecteur ; résultats et fragments gardent l'anglais)
engine-source-synthetic = climat synthétique de { $site }, graine { $seed }, année { $year }
engine-source-epw = fichier EPW { $file }, données datées de l'année { $year }
engine-source-csv = fichier CSV { $file }, { $steps } pas de { $step } à partir du { $start }
engine-source-means-over = { $source } (moyennes sur { $minutes } min)
engine-source-humidity-estimated = { $source } (humidité estimée à partir de la température minimale du jour)
engine-source-humidity-estimated-steps = { $source } (humidité estimée sur { $steps } pas)
engine-source-split-into = { $source } (découpé en pas de { $minutes } min)
engine-source-interannual = { $source } (avec sa propre variabilité interannuelle)

## Fichiers météo : tous formats
engine-weather-cannot-read = { $file } : impossible de lire le fichier météo : { $reason }
engine-weather-file-problem = { $file } : { $message }
engine-weather-is-not-a-file = c'est { $kind }, pas un fichier météo
engine-weather-too-large = le fichier fait { $size } ; une année de météo au pas d'une minute fait environ 80 Mo (au plus { $max } sont lus) : est-ce le bon fichier ?
engine-weather-line-too-long = cette ligne fait { $length } caractères ; une ligne de données météo en fait une centaine (au plus { $max } sont lus) : est-ce bien un fichier météo ?
engine-weather-unknown-extension = les fichiers en .{ $extension } ne sont pas un format météo pris en charge
engine-weather-no-extension = le nom du fichier n'a pas d'extension : son format météo est inconnu
engine-weather-use-epw-or-csv = { $what } ; utilisez un fichier météo EnergyPlus (.epw) ou un fichier météo CSV (.csv avec les colonnes timestamp, ghi, dni, dhi, temp_air, wind_speed)

## Fichiers météo : EPW
engine-epw-too-few-header-lines = le fichier s'arrête après { $lines } ligne(s) ; un fichier EPW a { $header } lignes d'en-tête (LOCATION ... DATA PERIODS) suivies des données horaires
engine-epw-ends-early = le fichier s'arrête trop tôt
engine-epw-past-one-year = le fichier dépasse une année
engine-epw-row-count = { $what } : il a { $rows } lignes de données, mais une année de données EPW en compte { $year_rows } ({ $leap_rows } avec le 29 février)
engine-epw-leap-file = le fichier a { $rows } lignes, soit une année bissextile avec le 29 février, mais l'année demandée, { $year }, n'est pas bissextile ; choisissez une année bissextile (par ex. { $example })
engine-epw-leap-year = le fichier a { $rows } lignes, soit une année sans 29 février, mais l'année demandée, { $year }, est bissextile ; choisissez une année non bissextile (par ex. { $example }) ou un fichier de { $leap_rows } lignes
engine-epw-first-minute = le champ minute de la première ligne vaut '{ $found }' ; avec { $per_hour } enregistrements par heure (DATA PERIODS), il devrait valoir { $step } (la fin du premier intervalle de { $step } minutes) ou 0 (son début)
engine-epw-field-count = cette ligne de données a { $count } champs ; une ligne de données EPW en a { $fields } (année, mois, jour, heure, minute, indicateurs, puis les valeurs)
engine-epw-field-count-empty-line = cette ligne de données a { $count } champs (une ligne vide au milieu des données) ; une ligne de données EPW en a { $fields } (année, mois, jour, heure, minute, indicateurs, puis les valeurs)
engine-epw-expected-date = mois { $month }, jour { $day }, heure { $hour } attendus ici (les lignes se suivent dans l'ordre chronologique depuis le 1er janvier, heure 1), trouvé mois '{ $found_month }', jour '{ $found_day }', heure '{ $found_hour }'
engine-epw-expected-minute = minute { $expected } attendue ici (enregistrement { $record } sur { $per_hour } de l'heure { $hour }, selon la convention de la première ligne), trouvé minute '{ $found }'
engine-epw-missing-everywhere = { $quantity } : valeur manquante sur toutes les lignes
engine-epw-gap-too-long = { $quantity } : valeur manquante pendant { $hours } heures consécutives (lignes { $first } à { $last }) ; au plus { $max } heures peuvent être comblées par interpolation
engine-epw-not-a-number = { $quantity } : '{ $value }' n'est pas un nombre
engine-epw-not-finite = { $quantity } : '{ $value }' n'est pas un nombre fini
engine-epw-out-of-range = { $quantity } : { $value } { $unit } est hors de la plage plausible de { $min } à { $max } { $unit } (le code EPW d'une valeur manquante pour ce champ est { $code })
engine-epw-location-missing = valeur absente de la ligne LOCATION : { $quantity }
engine-epw-location-not-a-number = { $quantity } : '{ $value }' dans la ligne LOCATION n'est pas un nombre
engine-epw-location-out-of-range = { $quantity } : { $value } { $unit } dans la ligne LOCATION est hors de l'intervalle { $min } à { $max } { $unit }
engine-epw-no-location = la première ligne devrait commencer par LOCATION : ce fichier ne ressemble pas à un fichier météo EnergyPlus (EPW)
engine-epw-no-data-periods = la ligne { $line } devrait être l'en-tête DATA PERIODS (un fichier EPW a { $line } lignes d'en-tête avant les données)
engine-epw-data-periods = le fichier a { $periods } périodes de données ; seuls les fichiers à une seule période couvrant toute l'année sont pris en charge
engine-epw-records-per-hour = { $per_hour } enregistrements par heure dans DATA PERIODS : ce n'est pas pris en charge (utilisez 1, 2, 3, 4, 6, 12, ... enregistrements par heure)

## Fichiers météo : CSV
engine-csv-no-header = le fichier n'a pas de ligne d'en-tête : un fichier météo CSV commence par une ligne de noms de colonnes comme timestamp,ghi,dni,dhi,temp_air,wind_speed
engine-csv-single-column = la première ligne qui n'est pas un commentaire n'a qu'une colonne : ce fichier ne ressemble donc pas à un fichier météo CSV, dont la ligne d'en-tête nomme les colonnes séparées par des virgules ou des points-virgules, par ex. timestamp,ghi,dni,dhi,temp_air,wind_speed
engine-csv-header-unreadable = impossible de lire la ligne d'en-tête comme du CSV : { $error }
engine-csv-no-header-row = le fichier n'a pas de ligne d'en-tête
engine-csv-line-unreadable = impossible de lire cette ligne comme du CSV : { $error }
engine-csv-too-few-values = cette ligne a { $values } valeur(s) mais la ligne d'en-tête a { $columns } colonnes
engine-csv-too-many-values = cette ligne a { $values } valeurs mais la ligne d'en-tête ne nomme que { $columns } colonnes
engine-csv-too-many-rows = le fichier a plus de { $max } lignes de données (deux ans au pas d'une minute) ; découpez-le en fichiers d'un an chacun (un dossier --weather traite chaque fichier comme une année)
engine-csv-not-a-number = { $quantity } : '{ $value }' dans la colonne '{ $column }' n'est pas un nombre (laissez la cellule vide, ou écrivez NaN ou -9999, pour une valeur manquante)
engine-csv-too-few-rows = le fichier a { $rows } ligne(s) de données ; il en faut au moins deux pour déterminer le pas de temps
engine-csv-same-time = cette ligne a la même heure que la ligne { $line }
engine-csv-earlier = cette ligne est antérieure à la ligne { $line }
engine-csv-step-is = le pas de temps de la ligne { $line } à celle-ci est de { $step }
engine-csv-irregular-step = { $what } ({ $first } puis { $second }) ; les lignes doivent avancer d'un pas régulier de 60, 30, 15, 10, 5 ou 1 minute(s)
engine-csv-duplicate = horodatage en double : { $time } figure aussi à la ligne { $line }
engine-csv-time-goes-back = le temps recule : { $time } vient après { $previous } à la ligne { $line }
engine-csv-missing-step = { $expected } attendu (un pas de { $step } après la ligne { $line }), trouvé { $found } ; chaque pas de temps doit avoir sa ligne (laissez les cellules vides là où des valeurs manquent)
engine-csv-out-of-range = { $quantity } : { $value } { $unit } dans la colonne '{ $column }' est hors de la plage plausible de { $min } à { $max } { $unit }
engine-csv-column-empty = la colonne '{ $column }' ({ $quantity }) n'a de valeur sur aucune ligne
engine-csv-gap-too-long = la colonne '{ $column }' ({ $quantity }) est vide pendant { $duration } (lignes { $first } à { $last }) ; au plus 6 heures peuvent être comblées par interpolation
engine-csv-comment-not-a-number = { $name } : '{ $value }' dans les commentaires d'en-tête n'est pas un nombre
engine-csv-comment-out-of-range = { $name } : { $value } { $unit } dans les commentaires d'en-tête est hors de l'intervalle { $min } à { $max } { $unit }
engine-csv-given-twice = { $name } est donné deux fois (d'abord à la ligne { $line })
engine-csv-latitude-without-longitude = la latitude est donnée mais pas la longitude ; ajoutez une ligne '# longitude: ...' ou retirez la latitude
engine-csv-longitude-without-latitude = la longitude est donnée mais pas la latitude ; ajoutez une ligne '# latitude: ...' ou retirez la longitude
engine-csv-two-time-columns = les colonnes '{ $first }' et '{ $second }' ressemblent toutes deux à la colonne de temps ; n'en gardez qu'une
engine-csv-two-columns = les colonnes '{ $first }' et '{ $second }' donnent toutes deux la même grandeur ({ $quantity }) ; n'en gardez qu'une
engine-csv-pressure-unit = l'unité de pression '{ $unit }' de la colonne '{ $column }' n'est pas prise en charge ; utilisez Pa ou hPa (mbar)
engine-csv-two-pressure-units = la colonne '{ $column }' indique deux unités de pression différentes
engine-csv-not-weather = ce fichier ne ressemble pas à un fichier météo CSV : aucun de ses { $columns } noms de colonnes n'est une colonne météo (une colonne de temps comme timestamp, puis ghi, dni, dhi, temp_air, wind_speed)
engine-csv-no-time-column = pas de colonne de temps ; nommez-en une parmi { $names }{ $unknown }
engine-csv-missing-columns = colonne(s) manquante(s) : { $columns }{ $unknown }
engine-csv-not-recognised = { " " }; non reconnue(s) : { $names }
engine-csv-not-recognised-more = { " " }; non reconnue(s) : { $names } et { $more } autre(s)
engine-csv-column-separator = { " " };{ " " }
engine-csv-pressure-magnitude = impossible de déterminer l'unité de la colonne de pression '{ $column }' d'après ses valeurs (médiane { $median }) ; nommez la colonne pressure_pa ou pressure_hpa
engine-csv-humidity-fraction = la colonne d'humidité relative '{ $column }' ne dépasse jamais 1 : elle semble être une fraction de 0 à 1 ; écrivez-la en pourcentage (0 à 100)
engine-csv-no-timestamp = cette ligne n'a pas d'horodatage
engine-csv-bad-timestamp = l'horodatage '{ $value }' { $why } ; écrivez une date et une heure ISO 8601 comme 2029-01-01T00:00:00Z ou 2029-01-01 00:00 (UTC sauf si un décalage comme +01:00 est indiqué)
engine-timestamp-no-date = ne commence pas par une date AAAA-MM-JJ
engine-timestamp-no-time = n'a pas d'heure après la date
engine-timestamp-no-hhmm = n'a pas d'heure HH:MM après la date
engine-timestamp-bad-seconds = a des secondes mal écrites
engine-timestamp-fractions = a des fractions de seconde
engine-timestamp-dot-without-digits = a un '.' après les secondes, sans chiffres
engine-timestamp-bad-date = n'est pas une date valide du calendrier
engine-timestamp-time-out-of-range = a une heure hors plage (00:00:00 à 23:59:59)
engine-timestamp-trailing-text = a un texte inattendu après l'heure
engine-timestamp-bad-offset = a un décalage UTC mal écrit (utilisez +01:00, -0330 ou Z)
engine-timestamp-offset-too-large = a un décalage UTC de plus de 14 heures

## Changer le pas de temps des données météo
engine-resample-positive = les pas de temps doivent être positifs
engine-resample-not-multiple = un pas de { $step } min ne peut pas être construit à partir de données au pas de { $data } min (il doit en être un multiple entier)
engine-resample-not-divisor = des données au pas de { $data } min ne peuvent pas être découpées en pas de { $step } min (il doit les diviser exactement)

## Dimensionnement au moindre coût
engine-optimize-what-least-cost-sizing = un dimensionnement au moindre coût
engine-optimize-no-load = le site ne consomme aucune puissance dans ce scénario (aucune baie en service) : il n'y a rien à dimensionner

## Études et fichiers de fragments (optimize --shard, reliability --shard, merge)
engine-study-too-large = l'étude compte { $jobs } tâches ({ $cases } cas de coût x { $years } année(s) météo x { $targets } objectif(s)) ; une étude en exécute au plus { $max } : réduisez les années (--years), les points de Pareto (optimizer.pareto_points) ou les cas de sensibilité
engine-study-too-many = trop de
engine-shard-argument = --shard doit être de la forme i/n avec 1 <= i <= n <= { $max } (par ex. 3/10 pour le troisième de dix), reçu `{ $value }`
engine-shard-not-a-file = { $name } : c'est { $kind }, pas un fichier de résultats de fragment (.json)
engine-shard-too-large = { $name } : le fichier fait { $size } Mo ; un fichier de résultats de fragment fait au plus { $max } Mo (environ 600 octets par tâche) : est-ce le bon fichier ?
engine-shard-cannot-read = { $name } : impossible de lire le fichier : { $error }
engine-shard-not-shard = { $name } : ce n'est pas un fichier de résultats de fragment de `{ $producer }` ({ $why })
engine-shard-why-not-utf8 = ce n'est pas du texte UTF-8
engine-shard-why-json-list = c'est une liste JSON, pas un objet
engine-shard-why-not-json = ce n'est pas du JSON
engine-shard-why-not-object = ce n'est pas un objet JSON
engine-shard-why-no-format = il n'a pas de "format": "{ $format }"
engine-shard-the-file = le fichier
engine-shard-must-be-format = doit valoir "{ $format }"
engine-shard-must-be-sha = doit être le SHA-256 de l'étude, 64 chiffres hexadécimaux en minuscules
engine-shard-dispatch = doit valoir PerfectForesight, Greedy ou Forecast(horizon_h: H)
engine-shard-one-to = doit être compris entre 1 et { $max }, reçu { $got }
engine-shard-one-to-shards = doit être compris entre 1 et shards ({ $shards }), reçu { $got }
engine-shard-cases-count = doit lister de 1 à { $max } cas de coût, reçu { $got }
engine-shard-case-needs-name = un cas de coût doit avoir un nom
engine-shard-case-twice = "{ $case }" figure deux fois ; chaque cas de coût a son propre nom
engine-shard-first-case = le premier cas de coût d'une étude est "{ $base }" (les coûts propres du scénario)
engine-shard-targets-count = doit lister de 1 à 200 objectifs, reçu { $got }
engine-shard-share = doit être une part comprise entre 0 et 1, reçu { $got }
engine-shard-targets-rise = doit dépasser l'objectif précédent ({ $previous }) : les objectifs d'une étude vont croissant, reçu { $got }
engine-shard-jobs-total = doit valoir cases x weather_years x targets = { $cases } x { $years } x { $targets } = { $total } (au plus { $max }), reçu { $got }
engine-shard-results-count = le fragment { $shard }/{ $shards } d'une étude de { $total } tâches contient { $expected } résultats de tâches, reçu { $got } (fragment tronqué, ou tâches ajoutées ?)
engine-shard-job-not-in-shard = la tâche { $job } n'appartient pas au fragment { $shard }/{ $shards } (dont les tâches sont numérotées { $first } + { $shards } x k, en dessous de { $total })
engine-shard-job-order = la tâche { $job } figure deux fois ou n'est pas dans l'ordre
engine-shard-job-case = la tâche { $job } correspond au cas de coût "{ $case }" dans cette étude, reçu "{ $got }"
engine-shard-job-year = la tâche { $job } correspond à l'année météo { $year } dans cette étude, reçu { $got }
engine-shard-job-target = la tâche { $job } a l'objectif { $target } dans cette étude, reçu { $got }
engine-shard-cfe-below-rf = { $cfe } est inférieur à la fraction renouvelable { $rf } : la part décarbonée compte chaque MWh renouvelable, et davantage
engine-shard-feasible = la tâche { $job } est marquée comme atteignant son objectif { $target }, mais son score CFE est de { $cfe }
engine-shard-cost = doit être un coût compris entre 0 et { $max } USD/yr, reçu { $got }
engine-shard-lcoe = doit être compris entre 0 et { $max } USD/MWh, reçu { $got }
engine-shard-evaluations = une optimisation évalue au moins un mix, reçu 0
engine-shard-capacity = doit être une capacité comprise entre 0 et { $max }, reçu { $got }
engine-shard-wall = doit être compris entre 0 et { $max } s, reçu { $got }
engine-shard-rate = doit être le nombre d'unités de la devise pour un dollar US, supérieur à 0 et au plus { $max }, reçu { $got }
engine-shard-rate-usd = doit être 1 pour le dollar US, reçu { $got }
engine-shard-results-tampered = ne correspond pas aux résultats : une valeur a été modifiée après l'écriture du fragment (relancez ce fragment)
engine-shard-field-problem = { $name } : { $field } : { $what }
engine-shard-text-too-long = { $name } : { $field } : plus de { $max } caractères
engine-shard-text-control = { $name } : { $field } : contient le caractère { $character } ; le texte d'un fragment n'a pas de caractères de contrôle
engine-list-and-more = { $items } ... et { $more } de plus
engine-shard-given-twice = { $name } : shard : le fragment { $shard }/{ $shards } est donné deux fois (aussi { $previous })
engine-shard-none-given = aucun fichier de fragment donné
engine-shard-results-total = les fragments contiennent { $results } résultats pour une étude de { $jobs } tâches
engine-shard-missing = { $missing } fragment(s) manquant(s) sur { $shards } : { $list } (lancez `{ $command } --shard i/{ $n }` pour chacun)
engine-shard-differs = { $name } : { $field } : { $theirs }, mais { $first } a { $ours } : les fragments ne sont pas d'une même étude
engine-shard-study-id = étude { $id }
engine-shard-n-shards = { $count } fragments
engine-shard-version = version { $version }
engine-shard-another-definition = une autre définition d'étude
engine-shard-a-different-one = une définition différente

## Fichiers de fragments des études de fiabilité
engine-shard-samples-total = doit valoir draws x years = { $draws } x { $years } = { $total } (au plus { $max }), reçu { $got }
engine-shard-more-shards-than-samples = une étude de { $total } échantillons a au plus { $total } fragments, reçu { $got }
engine-shard-wall-seconds = doit être compris entre 0 et { $max } secondes, reçu { $got }
engine-shard-samples-count = le fragment { $shard }/{ $shards } d'une étude de { $total } échantillons contient { $expected } années tirées, reçu { $got } (fragment tronqué, ou échantillons ajoutés ?)
engine-shard-sample-not-in-shard = l'échantillon { $sample } n'appartient pas au fragment { $shard }/{ $shards } (dont les échantillons sont numérotés { $first } + { $shards } x k, en dessous de { $total })
engine-shard-sample-order = l'échantillon { $sample } figure deux fois ou n'est pas dans l'ordre
engine-shard-sample-year = l'échantillon { $sample } correspond à l'année météo { $year }, tirage { $draw } de cette étude, reçu année { $got_year }, tirage { $got_draw }
engine-shard-zero-to-unit = doit être compris entre 0 et { $max } { $unit }, reçu { $got }
engine-unit-per-year = par an
engine-shard-events-without-loss = { $events } événements pour { $hours } h de défaillance : l'un ne va pas sans l'autre
engine-shard-events-by-duration = les événements par durée totalisent { $binned }, mais events vaut { $events }
engine-shard-survival-count = doit contenir { $expected } parts ({ $why }), reçu { $got }
engine-shard-survival-grid-link = une par durée de coupure, le campus a un raccordement au réseau
engine-shard-survival-no-grid-link = pas de raccordement au réseau
engine-shard-survival-rises = tenir une coupure plus longue ne peut pas être plus probable que tenir une plus courte ({ $share } après { $previous })
engine-shard-results-sha-mismatch = les résultats ne correspondent pas à leur SHA-256 : une valeur a été modifiée après l'écriture du fragment
engine-shard-modes-count = doit comparer 3 modes de pilotage, reçu { $got }
engine-shard-zero-to = doit être compris entre 0 et { $max }, reçu { $got }
engine-shard-modes-repeat = doit reprendre les valeurs de modes[0] et modes[2]
engine-shard-samples-held = les fragments contiennent { $results } années tirées pour une étude de { $samples }
engine-shard-differs-from = { $name } : { $field } : diffère de { $first } : les fragments ne sont pas d'une même étude

## Tables de probabilité des capacités indisponibles (COPT)
engine-copt-step = le pas de capacité doit être supérieur à 0 MW, pas { $step }
engine-copt-capacity = unité { $unit } : la capacité de { $capacity } MW n'est pas un nombre entier de pas de capacité, positif ou nul
engine-copt-rate = unité { $unit } : le taux d'indisponibilité fortuite { $rate } est hors de l'intervalle 0 à 1
engine-copt-too-large = la table des indisponibilités aurait { $states } lignes, plus de { $max } : prenez un pas de capacité plus grossier

## Dimensionnement à un objectif de fiabilité : ce que chaque étape a changé
engine-sizing-start = départ : secours en unités entières
engine-sizing-unit = { $sign }1 unité de { $name } ({ $mw } MW)
engine-sizing-block = { $sign }1 bloc batterie ({ $mw } MW, { $mwh } MWh)

# Grid link: availability dates and exports.
engine-backup-after-run = { $path } : « { $name } » est disponible à partir de { $month }, après cette simulation : il ne fournit rien et ne coûte rien ici
engine-backup-part-run = { $path } : « { $name } » est disponible à partir de { $month }, soit { $pct } % de cette simulation ; ses coûts annuels de capital et fixes comptent pour cette part
engine-export-over-law = export : { $pct } % de la production solaire et éolienne est exportée, plus que les { $limit } % de sa production annuelle que la loi marocaine (13-09 modifiée par 58-15) permet à un producteur renouvelable de vendre ; réduisez la capacité d'export ou convenez d'un autre débouché
engine-optimize-backup-mid-run = { $path } : « { $name } » est disponible à partir de { $month }, pendant la simulation : le dimensionnement suppose que chaque moyen de secours sert à chaque pas ou à aucun ; optimisez une année où il sert toute l'année (simulation.year), ou dimensionnez sans la date
engine-optimize-export-prices = { $path } : les liaisons qui exportent doivent avoir un même prix d'export pour le dimensionnement (celle-ci diffère de { $first }) ; fixez le même prix, ou exportez par une seule liaison
engine-reliability-backup-mid-run = { $path } : « { $name } » est disponible à partir de { $month }, pendant la simulation : l'étude d'adéquation suppose que chaque moyen de secours sert à chaque pas ou à aucun ; évaluez une année où il sert toute l'année (simulation.year), ou sans la date
engine-desalination-short = eau : les { $capacity } m³/jour de l'usine de dessalement manquent { $days } jours de l'année (jour de pointe { $peak } m³, { $short } m³ manquants au total) ; agrandissez l'usine (datacenter.water_supply.capacity_m3_per_day), ajoutez des réservoirs ou choisissez un refroidissement plus sec
engine-water-allocation-short = eau : le campus a besoin de { $need } m³ par an, plus que son allocation de { $allocation } m³ (datacenter.water_supply.max_m3_per_yr) ; négociez une allocation plus grande, construisez une usine de dessalement ou choisissez un refroidissement plus sec
