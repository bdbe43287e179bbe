# dakhla-planner: charts (fr). Every message is in both languages with the same placeholders (a test checks).
# Les mots des graphiques (crates/dakhla-report/src/charts.rs), à l'écran et dans les fichiers PNG et SVG
# exportés. Les nombres arrivent déjà écrits à la française ({ $value }) ; les unités restent celles du SI.
# Espace insécable (U+00A0) avant « % » et entre un nombre et son unité quand ils se suivent dans le message.

## Commun

chart-drawing-failed = le tracé du graphique a échoué : { $error }
chart-no-data = aucune donnée
chart-facility-load = charge du site
chart-facility-load-before-shifting = charge du site avant report du travail flexible
chart-time-axis = temps ({ $zone })
chart-time-window = temps ({ $zone }), du { $from } au { $to }
# Une heure qui change pendant le ramadan (l'heure légale du Maroc) : { $clock } est son décalage
# le reste de l'année (« UTC+1 »), { $ramadan } son décalage pendant le ramadan (« UTC+0 »).
chart-clock-ramadan = { $clock }, { $ramadan } pendant le ramadan
chart-annualized-cost-axis = coût annualisé [{ $unit }]
chart-percent = { $value } %

## Mois abrégés

chart-month-jan = janv.
chart-month-feb = févr.
chart-month-mar = mars
chart-month-apr = avr.
chart-month-may = mai
chart-month-jun = juin
chart-month-jul = juil.
chart-month-aug = août
chart-month-sep = sept.
chart-month-oct = oct.
chart-month-nov = nov.
chart-month-dec = déc.

## Couches du bilan énergétique et de l'énergie mensuelle

chart-layer-solar-used = solaire utilisé
chart-layer-wind-used = éolien utilisé
chart-layer-discharge = décharge batterie
chart-layer-backup = secours
chart-layer-unmet = non desservi
chart-layer-charge = charge batterie
chart-layer-exported = exporté
chart-layer-curtailed = écrêté

## Bilan énergétique

chart-balance-title = Bilan énergétique [MW]
chart-balance-power-axis = puissance [MW]
chart-balance-means-days = { $time } ; moyennes par { $days } j, traits fins : charge min et max
chart-balance-means-hours = { $time } ; moyennes par { $hours } h, traits fins : charge min et max

## État de charge de la batterie

chart-soc-title = État de charge de la batterie [MWh]
chart-soc-stored-axis = stock [MWh]
chart-soc-line = état de charge
chart-soc-mean-daily = moyenne journalière
chart-soc-mean-per = moyenne par { $days } j
chart-soc-range-daily = min–max journalier
chart-soc-range-per = min–max par { $days } j
chart-soc-usable = plage utile { $low }-{ $high } MWh
chart-soc-usable-dashed = plage utile { $low }-{ $high } MWh (pointillés)
chart-soc-no-battery = pas de batterie dans ce scénario

## Énergie mensuelle

chart-monthly-title = Énergie mensuelle par source [GWh]
chart-monthly-energy-axis = énergie [GWh]
chart-monthly-month-axis = mois ({ $zone })

## Cartes de chaleur

chart-heat-unmet = charge non desservie
chart-heat-backup = production de secours
chart-heat-curtailed = production renouvelable écrêtée
chart-heat-unmet-title = Charge non desservie par jour et par heure [MW]
chart-heat-backup-title = Production de secours par jour et par heure [MW]
chart-heat-curtailed-title = Production renouvelable écrêtée par jour et par heure [MW]
chart-heat-unmet-none = aucune charge non desservie dans cette simulation
chart-heat-backup-none = aucune production de secours dans cette simulation
chart-heat-curtailed-none = aucune production renouvelable écrêtée dans cette simulation
chart-heat-day-axis = jour ({ $zone })
chart-heat-hour-axis = heure du jour ({ $zone })

## Monotone de charge nette

chart-net-title = Monotone de charge nette (charge - solaire - éolien) [MW]
chart-net-hours-axis = heures de la simulation, classées par charge nette [h]
chart-net-load-axis = charge nette [MW]
chart-net-load = charge nette
chart-net-deficit = déficit { $hours } h (batterie, secours, non desservi)
chart-net-surplus = excédent { $hours } h (charge, écrêtement)

## Comparaison

chart-compare-empty = aucun scénario à afficher

## PUE

chart-pue-title = PUE en fonction de la température extérieure
chart-pue-temperature-axis = température sèche extérieure [°C]
chart-pue-axis = PUE [-]
chart-pue-not-a-number = le PUE n'est pas un nombre
chart-pue-line = PUE
chart-pue-design = dimensionnement { $temperature } °C : PUE { $pue }
chart-pue-hours = heures par tranche de 1 °C (max. { $hours } h)
chart-pue-sink-title = PUE selon la température d'évacuation de la chaleur
chart-pue-sink-axis = température d'évacuation de la chaleur [°C]
chart-pue-wue-title = PUE selon le WUE, par évacuation de la chaleur
chart-pue-wue-wue-axis = WUE, eau du site sur énergie IT [L/kWh]
chart-pue-wue-own = { $choice } (ce scénario)
chart-pue-wue-peak = point : moyenne de l'année ; trait jusqu'à l'heure la plus haute

## Courbe de puissance

chart-power-curve-title = Courbe de puissance
chart-power-curve-title-named = Courbe de puissance : { $name }
chart-power-curve-speed-axis = vitesse du vent à hauteur de moyeu [m/s]
chart-power-curve-power-axis = puissance [kW]
chart-power-curve-empty = aucun point de courbe de puissance

## Front de Pareto ({ $share } : le nom de la part dans une phrase, « taux de renouvelable », « score CFE 24/7 »)

chart-pareto-title = Front de Pareto : coût annualisé minimal en fonction du { $share }
chart-pareto-share-axis = { $share } atteint [%]
chart-pareto-empty = pas encore de point de Pareto
chart-pareto-line = mix de moindre coût de chaque objectif
chart-pareto-unreachable = objectif inatteignable dans les bornes (cercles vides)
chart-pareto-current = scénario actuel
chart-pareto-selected = chargé dans le scénario (anneau)
chart-flex-fronts-title = Ce que vaut le calcul flexible : coût annualisé minimal selon le { $share }
chart-flex-fronts-share = { $share } % du travail flexible

## Années météo

chart-years-title = Années météo : taux de renouvelable, CFE et secours par année d'exploitation
chart-years-year-axis = année d'exploitation (chacune avec sa propre année météo)
chart-years-share-axis = part [%]
chart-years-empty = aucune année météo simulée pour l'instant
chart-years-rf = taux de renouvelable
chart-years-cfe = score CFE
chart-years-rf-spread = renouv. P50 { $p50 } %, P90 { $p90 } % (pointillés)
chart-years-cfe-spread = CFE P50 { $p50 } %, P90 { $p90 } % (pointillés)
chart-years-backup = énergie de secours
chart-years-backup-spread = secours P50 { $p50 } GWh, P90 { $p90 } GWh (pointillés)
chart-years-backup-axis = secours [GWh]
chart-years-no-backup = aucune énergie de secours, quelle que soit l'année

## Fiabilité avec défaillances

chart-survival-title = Survie à une coupure du réseau : probabilité selon la durée de la coupure
chart-survival-length-axis = durée de la coupure du réseau [h]
chart-survival-chance-axis = probabilité de survie [%]
chart-survival-empty = pas de liaison au réseau : aucune coupure à traverser
chart-survival-mean = moyenne sur les années tirées
chart-survival-p90 = P90 : atteint dans 90 % des années tirées (pointillés)
chart-events-title = Défaillances par durée [défaillances/an]
chart-events-duration-axis = durée de la défaillance [h]
chart-events-per-year-axis = défaillances par an
chart-events-empty = aucune défaillance comptée
chart-events-none = aucune défaillance sur les années tirées
chart-duration-over = plus de { $hours }

## Coût en fonction de la LOLE

chart-lole-front-title = Coût en fonction de la LOLE : les configurations du dimensionnement en fiabilité
chart-lole-axis = LOLE avec défaillances au niveau de l'objectif [h/yr, échelle log]
chart-lole-empty = aucune configuration évaluée pour l'instant
chart-lole-front = moindre coût à chaque LOLE (front)
chart-lole-others = autres configurations évaluées (cercles vides)
chart-lole-target = objectif de LOLE (pointillés)
chart-lole-chosen = la configuration retenue (anneau)
