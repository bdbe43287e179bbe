# dakhla-planner : catalogue français (the editor panels, dialogs, file browser and compare view of the window).
# Mêmes messages et mêmes paramètres que locales/en/panels.ftl (un test le vérifie).

## Panneau Refroidissement et PUE
panel-cooling-design-pue = PUE du jour de dimensionnement
    .tooltip = PUE à la température de dimensionnement, retenu pour vérifier la capacité face au plafond.
panel-cooling-mean-pue = PUE moyen
    .tooltip = Énergie du site rapportée à l'énergie IT sur l'année simulée.
panel-cooling-peak-pue = PUE de pointe
    .tooltip = PUE horaire le plus élevé de l'année simulée.
panel-cooling-no-run = Valeurs annuelles du PUE : affichées après le premier calcul valide.
panel-cooling-curve-at-sink = Avec cette évacuation de la chaleur, le modèle de PUE lit la température à laquelle la chaleur est évacuée, non la température sèche : l'air en sortie des pads aux heures chaudes, la température humide plus l'approche des tours, ou la mer plus l'approche des échangeurs. Les barres comptent les heures de la dernière simulation par cette température ; le trait marque celle du jour de dimensionnement.
panel-cooling-wue = Eau (WUE)
    .tooltip = Eau du site sur énergie IT pour l'année simulée (The Green Grid), et l'eau elle-même : tours de refroidissement 1,2 à 2,0 L/kWh, pads adiabatiques 0,1 à 0,4, aéroréfrigérants secs et eau de mer aucune.

panel-cooling-water-supply = Approvisionnement en eau
    .tooltip = Le jour de pointe d'eau de la dernière simulation, l'électricité de l'usine de dessalement (comprise dans l'énergie du site, pas dans le PUE) et le coût de l'eau de l'année à economics.water_per_m3.

panel-cooling-compare-choices = Comparer les choix de refroidissement côte à côte
    .tooltip = Ouvre une copie de ce scénario pour chaque autre évacuation de la chaleur (aux valeurs par défaut du registre, même approvisionnement) dans de nouveaux onglets et affiche la vue Comparer : coût, PUE, WUE, eau et charge servie par l'approvisionnement. Les copies sont de nouveaux documents non enregistrés ; fermez-les une fois terminé.

## Commun aux panneaux
panel-fix-values-above = — (corrigez les valeurs ci-dessus)
panel-unnamed = (sans nom)
panel-copy-name = { $name } (copie)
panel-fix-flagged-first = Corrigez d'abord les valeurs signalées.
panel-running-on-earlier = Calcul en cours sur une version antérieure des entrées.
panel-cancel = Annuler
panel-cancelling = Annulation…

## Panneau Stockage
panel-storage-duration = Autonomie
    .tooltip = Heures de décharge à pleine puissance depuis la pleine charge : énergie / puissance. Batteries de réseau : 2 à 4 h.
panel-storage-usable = Énergie utile
    .tooltip = Énergie comprise entre les états de charge minimal et maximal.
panel-storage-cycles = Cycles par an
    .tooltip = Énergie déchargée rapportée à l'énergie utile lors du dernier calcul [cycles complets]. Une batterie LFP tient environ 4 000 à 6 000 cycles.
panel-storage-discharged = Énergie déchargée par an
    .tooltip = Énergie fournie par la batterie lors du dernier calcul.

## Panneau Objectifs
panel-targets-note = Cochez un objectif pour le fixer ; chacun est déclaré atteint ou non après chaque calcul.
panel-targets-reliability-note = Évalués par l'étude de fiabilité (panneau Fiabilité), non par la simulation annuelle ; `optimize` ajoute des moyens de secours et du stockage jusqu'à ce qu'ils soient tenus.
panel-targets-status = { $met ->
        [yes] Atteint
       *[no] Non atteint
    } : { $value } (objectif { $operator } { $target })

## Panneau Site et météo
panel-site-timestep-unsupported = { $minutes } min (non pris en charge)
panel-site-weather-file = Fichier météo (EPW ou CSV)
panel-site-browse = Parcourir…
    .tooltip = Choisir un fichier météo EnergyPlus (.epw) ou CSV
panel-site-weather-files = Fichiers météo

## Panneau Charge IT
panel-load-cap-note = Site : les baies à pleine puissance multipliées par le PUE du jour de dimensionnement doivent rester sous le plafond, dont le refroidissement et les pertes prennent donc une part. IT : seule compte la puissance propre des baies, et le raccordement au réseau doit porter IT × PUE. Les sources publiques divergent sur le sens des 500 MW de Dakhla.
panel-load-no-racks = Aucune baie pour l'instant : le campus ne consomme aucune puissance IT.
panel-load-add-group = Ajouter un groupe de baies
    .tooltip = Ajouter un groupe de 1 000 baies de 10 kW refroidies par air, utilisées à 60 %
# Nom du groupe de baies ajouté par « Ajouter un groupe de baies » (le planificateur peut le renommer).
panel-load-new-group-name = Salle refroidie par air
panel-load-no-run = Vérification de capacité : affichée après le premier calcul valide.
panel-load-all-fit = Baies : les { $racks } tiennent toutes sous le plafond
panel-load-design-power = IT de dimensionnement { $it } MW ; site { $facility } MW au PUE de dimensionnement { $pue } ; plafond { $cap } MW ; marge { $headroom } MW
# Remplace le nom du groupe dans le conseil sur le groupe qui cède (« retirer 5 baies de ce groupe (120 kW) »).
panel-load-this-group = ce groupe
panel-load-group-fits-once = Les { $racks } baies tiennent toutes une fois que le groupe signalé cède
panel-load-group-fits = Les { $racks } baies tiennent toutes sous le plafond ; { $more } de plus de ce type y tiendraient
panel-load-presets = Préréglages :
panel-load-preset-flat = Plat
    .tooltip = Les 24 facteurs à 1,0
panel-load-preset-office = Journée de bureau
    .tooltip = Faible la nuit, élevé de 9 h à 17 h ; moyenne 1
panel-load-preset-ai = Entraînement IA
    .tooltip = Quasi constant, avec un bref creux entre 3 h et 4 h pour la sauvegarde des points de reprise ; moyenne 1
panel-load-make-24 = Ramener à 24 valeurs
    .tooltip = Compléter avec 1,0 ou couper aux heures 0 à 23
panel-load-hour-help = Heure { $hour } (heure locale). { $help }
panel-load-mean-factor = Facteur moyen { $mean } (1,000 garde la moyenne du groupe à son taux d'utilisation)
panel-load-hour-issue = Heure { $hour } : { $issue }

## Panneau Solaire
panel-solar-none = Aucune centrale solaire.
panel-solar-add = Ajouter une centrale solaire
    .tooltip = Ajouter une centrale de 100 MWdc sur trackers mono-axe, avec les valeurs par défaut de PVWatts
# Nom de la centrale ajoutée par « Ajouter une centrale solaire » (le planificateur peut la renommer).
panel-solar-new-name = Centrale PV
panel-solar-all-plants = Toutes les centrales : { $energy } disponibles, facteur de charge { $dc } (DC) / { $ac } (AC), { $land } ha
panel-solar-ac-rating = Puissance AC
    .tooltip = Puissance AC des onduleurs : puissance DC / ratio DC/AC (la base du CAPEX solaire).
panel-solar-land = Emprise
    .tooltip = Puissance DC × emprise au sol.
panel-solar-energy = Énergie (dernier calcul)
    .tooltip = Énergie disponible de cette centrale sur la période simulée, avant écrêtement.
panel-solar-capacity-factor = Facteur de charge
    .tooltip = Énergie rapportée à la puissance DC nominale × heures. PV mono-axe au Sahara : environ 22 à 28 % (DC).

## Panneau Éolien
panel-wind-none = Aucun parc éolien.
panel-wind-add = Ajouter un parc éolien
    .tooltip = Ajouter un parc de 50 éoliennes de la bibliothèque, moyeux à 120 m
# Nom du parc ajouté par « Ajouter un parc éolien » (le planificateur peut le renommer).
panel-wind-new-name = Parc éolien
panel-wind-all-farms = Tous les parcs : { $energy } nets, facteur de charge { $cf }
# Nom d'une éolienne personnalisée dans les titres, et celui que prend la copie d'une éolienne de la bibliothèque rendue personnalisée.
panel-wind-custom-name = { $name } (personnalisée)
# Nom d'une éolienne personnalisée créée à partir d'une éolienne absente de la bibliothèque.
panel-wind-custom-turbine = Éolienne personnalisée
panel-wind-not-in-library = { $name } (absente de la bibliothèque)
panel-wind-custom-selected = Personnalisée : { $name }
panel-wind-library-entry = { $name } — { $rated } kW, rotor de { $rotor } m
panel-wind-library-source = { $manufacturer } ; source : { $source }
panel-wind-custom = Personnalisée…
    .tooltip = Saisir votre propre courbe de puissance, à partir de la courbe actuelle
panel-wind-turbine-note = { $manufacturer } : { $rated } kW nominaux, rotor de { $rotor } m
panel-wind-turbine-note-hubs = { $manufacturer } : { $rated } kW nominaux, rotor de { $rotor } m, hauteurs de moyeu { $hubs } m
panel-wind-curve = { $label } à 1,225 kg/m³
    .tooltip = { $help } La puissance est interpolée entre les lignes, nulle au-delà de la dernière ligne (vitesse de coupure).
panel-wind-speed = Vitesse du vent
panel-wind-power = Puissance
panel-wind-speed-row = Vitesse du vent, ligne { $row }
panel-wind-power-row = Puissance, ligne { $row }
panel-wind-remove-row = Supprimer la ligne { $row }
panel-wind-add-row = Ajouter une ligne
    .tooltip = Ajouter à la fin une ligne 1 m/s au-dessus de la dernière
panel-wind-farm-capacity = Puissance du parc
    .tooltip = Nombre d'éoliennes × puissance nominale d'une éolienne.
panel-wind-energy = Énergie (dernier calcul)
    .tooltip = Énergie nette de ce parc sur la période simulée, après pertes, avant écrêtement.
panel-wind-capacity-factor = Facteur de charge
    .tooltip = Énergie nette rapportée à la puissance nominale × heures. Les parcs voisins de Tarfaya et de Foum El Oued atteignent environ 45 % ; 40 à 60 % sont attendus pour des éoliennes modernes dans les alizés de Dakhla.

## Panneau Fiabilité : l'étude
panel-reliability-cancelled = Annulée après { $done } années tirées sur { $total } ; rien n'en a été conservé.
panel-reliability-failed = L'étude a échoué : { $error }
panel-reliability-run-note = Tire les défaillances ci-dessous sur de nombreuses années et compte les heures et l'énergie pendant lesquelles la charge du campus n'est pas desservie (LOLE, EUE). Les tirages, les années et la graine appartiennent à cet onglet, pas au fichier de scénario.
panel-reliability-draws = Tirages de pannes
    .tooltip = Années tirées de pannes et de réparations par année météo : 1 000 donnent la LOLE à quelques pour cent près pour la plupart des campus (le ± à côté de chaque valeur indique la précision).
panel-reliability-years = Années météo
    .tooltip = Années météo synthétiques issues de la graine du scénario, chacune avec tous les tirages (un fichier météo donne chaque fois la même année).
panel-reliability-seed = Graine
    .tooltip = Graine des tirages de pannes : la même graine donne les mêmes résultats au dernier chiffre près.
panel-reliability-simulating-weather = simulation des années météo…
panel-reliability-progress = { $done } années tirées sur { $total }
panel-reliability-cancel =
    .tooltip = Arrêter l'étude ; ses tirages sont abandonnés.
panel-reliability-run = Lancer l'étude de fiabilité
    .tooltip = { $draws } tirages de pannes x { $years } { $years ->
        [one] année météo
       *[other] années météo
    } = { $samples } années tirées, graine { $seed }, sur un fil d'exécution dédié ; la fenêtre reste utilisable.
panel-reliability-run-again = Relancer l'étude de fiabilité
panel-reliability-last-run = Dernière étude : LOLE { $lole } h/an (± { $lole_error }), EUE { $eue } MWh/an (± { $eue_error }) ; { $samples } années tirées en { $seconds } s. Tous les résultats figurent dans la zone des résultats, sous « Fiabilité avec défaillances ».
panel-reliability-stale = Périmée — les entrées ont changé depuis la dernière étude ; relancez-la pour mettre à jour.
panel-reliability-no-run = Pas encore d'étude : 1 000 tirages d'une année météo prennent environ une seconde pour le campus de référence (davantage avec une liaison au réseau : une coupure est essayée à chaque heure).

## Panneau Fiabilité : données de défaillance
panel-reliability-failure-note = Ce qui tombe en panne, et pour combien de temps. Taux d'indisponibilité fortuite : la part du temps où une unité est hors service (IEEE Std 762) ; durée de réparation : la durée moyenne d'une indisponibilité. La simulation annuelle et l'optimiseur supposent des machines parfaites ; les études de fiabilité tirent ces défaillances.
panel-reliability-no-backup = Aucun moyen de secours (ajoutez-en dans le panneau Secours).
panel-reliability-per-unit = Par unité
    .tooltip = Puissance divisée par le nombre d'unités ; taux d'indisponibilité fortuite x 8 760 h / durée de réparation.
panel-reliability-per-unit-value = { $mw } MW, { $outages } indisponibilités par an
panel-reliability-outages = Coupures par an
    .tooltip = Part d'indisponibilité x 8 760 h / durée moyenne de coupure.
panel-reliability-farm-title = { $name } — { $turbines } { $turbines ->
        [one] éolienne
       *[other] éoliennes
    }

## La fiabilité dans la zone des résultats
panel-reliability-results = Fiabilité avec défaillances
panel-reliability-results-progress = Étude de fiabilité : { $done } années tirées sur { $total } (Annuler dans le panneau Fiabilité).
panel-reliability-results-stale = Périmée — les entrées ont changé depuis cette étude : les valeurs ci-dessous sont celles d'une version antérieure des entrées.
# { $basis } : ce que l'étude a tiré (tirages, années météo, graine, pilotage), une phrase à part entière.
panel-reliability-basis = { $basis } Calcul effectué en { $seconds } s.
panel-reliability-error-note = ± est l'erreur type de la moyenne ; le P90 est du mauvais côté : le déficit que 90 % des années tirées ne dépassent pas.
panel-reliability-col-mean = moyenne
panel-reliability-col-error = ± erreur type
panel-reliability-col-unit = unité
panel-reliability-no-grid = Pas de liaison au réseau : aucune tenue face aux coupures du réseau à montrer (ajoutez un import réseau dans le panneau Secours).
panel-reliability-without-failures = Sans défaillances : ce que le pilotage sait de l'avenir
panel-reliability-col-dispatch = pilotage
panel-reliability-col-lole = LOLE [h/an]
panel-reliability-col-eue = EUE [MWh/an]
panel-reliability-col-backup = secours [MWh/an]
panel-reliability-this-scenarios = { $dispatch } (mode de ce scénario)
panel-reliability-gaps = Chaque année météo pilotée une fois avec toutes les machines disponibles : les écarts sont ce que vaut la connaissance de l'avenir pour cette conception ; les valeurs ci-dessus y ajoutent les défaillances.

## Panneau Optimiseur : l'objectif et les réglages
panel-optimize-share-at-least = { $share } d'au moins { $value }
panel-optimize-no-share-target = aucun objectif de part fixé : le mix le moins cher qui dessert la charge
panel-optimize-unmet-at-most = au plus { $value } MWh non desservis par an
panel-optimize-no-unmet = aucune énergie non desservie
panel-optimize-want-lole = LOLE d'au plus { $value } h/an
panel-optimize-want-eue = EUE d'au plus { $value } MWh/an
panel-optimize-both = { $first } et { $second }
panel-optimize-target = { $share } ; { $unmet }
panel-optimize-target-reliability = { $share } ; { $unmet } ; avec défaillances, { $reliability } (P{ $percentile } sur les années météo)
panel-optimize-note = Cherche le mix le moins cher (capital annualisé, O&M fixe et combustible) qui atteint l'objectif, par un pilotage horaire de chaque mix candidat.
panel-optimize-edit-targets = Modifier dans Objectifs
    .tooltip = L'objectif est celui du scénario, fixé dans le panneau Objectifs.
panel-optimize-reliability-note = Objectif de fiabilité fixé : après la recherche au moindre coût (qui dimensionne pour des machines parfaites), Optimiser ajoute des moyens de secours et des blocs de batterie jusqu'à ce que l'objectif de LOLE / EUE soit tenu avec défaillances, puis retire ce qui n'est pas nécessaire (N + k). Le front de Pareto dimensionne pour des machines parfaites.
panel-optimize-scenario-now = Scénario actuel : { $mix }.
# { $help } : l'aide propre du champ, une phrase ou plus.
panel-optimize-sizing-help = { $help } Fixe : garder les { $current } { $unit } du scénario. Entre deux bornes : toute valeur dans les bornes ci-dessous.
panel-optimize-pareto-note = Le moindre coût de chaque objectif, de la part la plus basse à la plus haute, avec des points resserrés là où les derniers pour cent coûtent cher. La part est celle de l'objectif (taux de renouvelable, ou CFE quand c'est l'objectif).
panel-optimize-cost-cases = Cas de coûts d'une étude ({ $count })
panel-optimize-no-cost-cases = Aucun cas de coûts : une étude ne calcule que les coûts du scénario.
panel-optimize-add-cost-case = Ajouter un cas de coûts
    .tooltip = Ajouter un cas où chaque multiplicateur vaut 1 (les coûts du scénario) ; modifiez-en ensuite un
# Nom du cas de coûts ajouté par « Ajouter un cas de coûts » (le planificateur peut le renommer).
panel-optimize-new-cost-case-name = solaire moins cher

## Panneau Optimiseur : remarques et messages des calculs
panel-optimize-points-cancelled = Annulé avant que chaque point ait été évalué avec défaillances.
panel-optimize-points-too-many = Les points ne sont pas évalués avec défaillances : { $draws } tirages x { $years } { $years ->
        [one] année météo
       *[other] années météo
    } pour les unités sujettes aux pannes d'un point, c'est plus qu'une étude de fiabilité n'en traite ; demandez-en moins.
panel-optimize-points-failed = Les points n'ont pas pu être évalués avec défaillances : { $error }
panel-optimize-not-sized-cancelled = Pas de dimensionnement pour l'objectif de fiabilité : la recherche a été annulée.
panel-optimize-not-sized-infeasible = Pas de dimensionnement pour l'objectif de fiabilité : le mix au moindre coût n'atteint pas l'objectif de part, il n'y a donc pas de conception à laquelle ajouter du secours.
panel-optimize-not-sized-too-many = Pas de dimensionnement pour l'objectif de fiabilité : { $draws } tirages x { $years } { $years ->
        [one] année météo
       *[other] années météo
    } pour { $units } unités sujettes aux pannes, c'est plus qu'une étude de fiabilité n'en traite ({ $max } unités-années), et le dimensionnement évalue de nombreuses conceptions ; demandez moins de tirages ou d'années.
panel-optimize-cancelled = Annulé : ci-dessous, le meilleur mix trouvé jusque-là, pas l'optimum.
panel-optimize-sizing-cancelled = Annulé pendant le dimensionnement pour l'objectif de fiabilité : ci-dessous, la dernière conception évaluée, qui ne l'atteint pas.
panel-optimize-front-cancelled = Annulé après { $done } points sur { $total }.
panel-optimize-failed = L'optimisation a échoué : { $error }

## Panneau Optimiseur : les calculs
panel-optimize-run = Optimiser
    .tooltip = Trouver le mix au moindre coût qui atteint l'objectif (quelques secondes).
panel-optimize-pareto = Front de Pareto
    .tooltip = Optimiser pour { $count } objectifs de { $from } à { $to } (quelques secondes chacun).
panel-optimize-no-run = Optimiser trouve le mix le moins cher à l'objectif du scénario ; Front de Pareto montre comment le coût augmente avec la part. Chacun des deux résultats peut être chargé dans le scénario (Ctrl+Z l'annule).
panel-optimize-sizing-label = Dimensionnement de fiabilité :
# Après le nombre de tirages dans son champ (« 200 tirages »).
panel-optimize-sizing-draws = tirages
    .tooltip = Tirages de pannes par année météo pour évaluer chaque conception (comme optimize --reliability-draws ; 200 par défaut). Plus de tirages réduisent l'erreur type de la LOLE et prennent plus de temps.
# Après le nombre d'années météo dans son champ (« 1 an(s) météo »).
panel-optimize-sizing-years = an(s) météo
    .tooltip = Années météo sur lesquelles l'objectif est évalué, au niveau targets.reliability_percentile (comme optimize --reliability-years).
panel-optimize-progress-sizing = dimensionnement de fiabilité : conception { $design }, LOLE { $lole } h/an
panel-optimize-progress-profiles = calcul de la météo et des profils...
panel-optimize-progress-mixes = { $mixes } mix essayés
panel-optimize-progress-point = point { $point } sur { $total }
panel-optimize-cancelling = Annulation...
panel-optimize-cancel =
    .tooltip = Arrêter ; garde le meilleur mix (ou les points) trouvé jusque-là.
panel-optimize-best = { $at_target ->
        [yes] Meilleur mix jusqu'ici pour cet objectif
       *[no] Meilleur mix jusqu'ici
    } : { $cost } M { $currency }/an, renouvelable { $rf }, CFE { $cfe } ({ $meets ->
        [yes] atteint l'objectif
       *[no] n'atteint pas encore l'objectif
    })
    .tooltip = Le mix le moins cher trouvé jusqu'ici qui atteint l'objectif (ou le plus proche de l'atteindre).
panel-optimize-best-mix =
    .tooltip = Capacités du meilleur mix jusqu'ici (éolien pas encore arrondi à un nombre entier d'éoliennes).
panel-optimize-mix = solaire { $solar } MWdc, éolien { $wind } MW, batterie { $energy } MWh / { $power } MW, secours { $backup } MW
panel-optimize-elapsed = { $seconds } s écoulées

## Panneau Optimiseur : le mix au moindre coût
panel-optimize-keep-backup = Garder les autres moyens de secours
    .tooltip = Laisser tels quels tous les moyens de secours sauf le premier dans l'ordre de préséance économique ; le premier prend le reste de la puissance de secours du mix. Sinon, le premier la prend toute et les autres sont mis à 0 MW.
panel-optimize-applying = Modifications à appliquer :
panel-optimize-optimum-stale = Calculé pour une version antérieure des entrées ; relancez Optimiser pour mettre à jour.
panel-optimize-meets = Atteint l'objectif ({ $target }).
panel-optimize-cannot-meet = Ne peut pas atteindre l'objectif ({ $target }) dans les bornes ; voici le mix le plus proche.
panel-optimize-solar-built = Solaire DC construit
    .tooltip = Toutes les centrales ensemble.
panel-optimize-wind-built = Éolien construit
    .tooltip = Tous les parcs ensemble, en nombre entier d'éoliennes.
panel-optimize-wind-built-value = { $mw } MW ({ $turbines } { $turbines ->
        [one] éolienne
       *[other] éoliennes
    })
panel-optimize-battery-built = Batterie construite
    .tooltip = Énergie / puissance, et les heures à pleine puissance.
panel-optimize-backup-built = Secours construit
    .tooltip = Construit comme le moyen appelé en premier dans l'ordre de préséance économique.
panel-optimize-annualized-cost = Coût annualisé
    .tooltip = Annuité du capital, O&M fixe et combustible du mix construit, par an, d'après la simulation complète.
panel-optimize-millions-per-year = { $value } M { $currency }/an
panel-optimize-lcoe = LCOE
    .tooltip = Coût annualisé rapporté à l'énergie du site.
panel-optimize-renewable-fraction = Taux de renouvelable
panel-optimize-cfe-score = Score CFE
panel-optimize-from-full-simulation = D'après la simulation complète du mix construit.
panel-optimize-search = Recherche
    .tooltip = Pilotages horaires effectués par la recherche, et sa durée réelle.
panel-optimize-search-value = { $mixes } mix en { $seconds } s
panel-optimize-apply = Appliquer ce mix
    .tooltip = Fixer les capacités du scénario à ce mix (une seule modification : Ctrl+Z l'annule).
panel-optimize-applied = Appliqué
    .tooltip = Le scénario contient ce mix.

## Panneau Optimiseur : dimensionné pour un objectif de fiabilité
# { $want } : les objectifs de fiabilité (« LOLE d'au plus 0,1 h/an ») ; { $dispatch } : le pilotage de la batterie (« avec une prévision parfaite de la météo »).
panel-optimize-sizing-level = { $want } au P{ $percentile } sur { $years } { $years ->
        [one] année météo
       *[other] années météo
    }, { $draws } tirages de pannes chacune, pilotage { $dispatch }
panel-optimize-sized = Dimensionné pour la fiabilité : { $level }.
panel-optimize-sizing-cancelled-before = Dimensionnement de fiabilité annulé avant que soit tenu : { $level }.
panel-optimize-sizing-not-met = Aucune conception dans les bornes de l'optimiseur n'atteint : { $level } ; ci-dessous, la dernière essayée. Élargissez les bornes du secours et de la batterie ou assouplissez l'objectif.
panel-optimize-backup-units = Moyens de secours
    .tooltip = Unités entières à la taille unitaire propre de chaque moyen de secours (puissance / nombre d'unités dans le fichier).
panel-optimize-sized-lole = { $lole } h/an (moyenne sur les années { $mean } h/an)
    .tooltip = Espérance de durée de défaillance de la conception dimensionnée, au niveau de l'objectif sur les années météo (pour chaque année, l'espérance sur les tirages).
panel-optimize-sized-eue = EUE avec défaillances
    .tooltip = Espérance d'énergie non desservie au niveau de l'objectif.
panel-optimize-sized-eue-value = { $eue } MWh/an
panel-optimize-sizing = Dimensionnement
    .tooltip = Chaque conception évaluée par le même Monte-Carlo avec la même graine (nombres aléatoires communs).
panel-optimize-sizing-value = { $designs } { $designs ->
        [one] conception évaluée
       *[other] conceptions évaluées
    } en { $seconds } s
panel-optimize-designs-judged = { $designs ->
        [one] La conception évaluée
       *[other] Les { $designs } conceptions évaluées
    }
panel-optimize-col-step = étape
panel-optimize-col-cost = M { $currency }/an
panel-optimize-col-lole = LOLE h/an
    .tooltip = Avec défaillances des unités, au niveau de l'objectif de fiabilité.
panel-optimize-col-eue = EUE MWh/an
panel-optimize-met = atteint

## Panneau Optimiseur : le front de Pareto
panel-optimize-front-stale = Calculé pour une version antérieure des entrées ; relancez le front pour mettre à jour.
panel-optimize-front-found = { $done } objectifs sur { $total } en { $seconds } s. Cliquez sur un point (ou sur Charger dans le tableau) pour charger son mix dans le scénario.
panel-optimize-draw-against = Tracer en fonction de :
panel-optimize-against-lole = LOLE avec défaillances
    .tooltip = Le mix de chaque point évalué avec défaillances des unités, comme le dimensionnement de fiabilité évalue une conception (sa LOLE au niveau de l'objectif). Les points sont dimensionnés pour des machines parfaites : Optimiser en dimensionne un pour l'objectif.
panel-optimize-front-no-reliability = Avec un objectif de LOLE ou d'EUE (Objectifs), le front évalue aussi chaque point avec défaillances et peut être tracé en fonction de la LOLE.
panel-optimize-pareto-lole-title = Front de Pareto selon la LOLE : le mix au moindre coût de chaque objectif, avec défaillances
# Un point du front tracé selon la LOLE (« taux de renouvelable objectif 85,0 % »).
panel-optimize-front-change = { $share } : objectif { $target }
panel-optimize-col-target = objectif
panel-optimize-col-reached = atteint
panel-optimize-col-solar = solaire MWdc
panel-optimize-col-wind = éolien MW
panel-optimize-col-battery = batterie MWh / MW
panel-optimize-col-backup = secours MW
panel-optimize-loaded = chargé
panel-optimize-load = Charger
panel-optimize-unreachable = Les bornes ne permettent aucun mix qui atteigne cet objectif.

# Backup panel.
panel-backup-intro = Les moyens de secours interviennent après la batterie, le moins cher à l'exploitation d'abord. Une ligne 400 kV dessert Dakhla depuis 2021, mais le réseau du Sud est saturé : une entrée « liaison au réseau » la représente avec sa capacité d'import, son export d'excédent et le mois où elle devient disponible.
panel-backup-none = Aucun moyen de secours : les heures que le solaire, l'éolien et la batterie ne couvrent pas restent non desservies.
panel-backup-add = Ajouter un moyen de secours
panel-backup-add-help = Ajouter 100 MW de turbines à combustion à cycle ouvert aux valeurs types
panel-backup-new-name = Moyen de secours
panel-backup-last-run = Dernière simulation : { $energy } fournis par les secours, pointe de { $peak } MW, { $co2 } t de CO2
