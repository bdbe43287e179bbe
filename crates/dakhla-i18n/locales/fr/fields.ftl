# dakhla-planner : les champs de saisie du registre des champs, en français.
# Traduit locales/en/fields.ftl : chaque message et chaque attribut, dans le même ordre.
# Le fichier anglais est écrit à partir de crates/dakhla-core/src/scenario/fields.rs ; un test vérifie que les deux langues ont les mêmes messages.

field-schema_version = Version du schéma
    .help = Version du format de fichier ; les fichiers d'une version antérieure sont migrés à l'ouverture.

field-meta-name = Nom du scénario
    .help = Affiché dans la barre de titre, les rapports et les comparaisons ; 200 caractères au plus.

field-meta-description = Description
    .help = Une ligne sur ce qu'est ce cas, p. ex. "plafond 500 MW ; PV 600 MWdc + éolien 396 MW".

field-meta-author = Auteur
    .help = Qui l'a créé.

field-meta-team = Équipe
    .help = L'équipe à laquelle il appartient.

field-meta-notes = Notes
    .help = Notes libres : hypothèses, sources, questions ouvertes.

field-site-name = Nom du site
    .help = Nom du lieu, p. ex. "Dakhla, Maroc".

field-site-latitude_deg = Latitude
    .help = Degrés nord (sud négatif), de -90 à 90. Dakhla : 23,72.

field-site-longitude_deg = Longitude
    .help = Degrés est (ouest négatif), de -180 à 180. Dakhla : -15,93.

field-site-elevation_m = Altitude
    .help = Altitude du sol au-dessus du niveau de la mer ; détermine la masse volumique de l'air pour le vent et le soleil. Dakhla : environ 10 m.

field-site-utc_offset_h = Décalage UTC
    .help = Heure légale locale moins UTC, de -12 à +14 h : les profils horaires des groupes de baies, leurs mois de mise en service et l'horloge des graphiques la suivent. Maroc : +1 la plus grande partie de l'année. Les calculs physiques se font en UTC, et les fichiers exportés restent en UTC.

field-site-ramadan_utc_offset_h = Décalage UTC pendant le ramadan
    .help = Le Maroc recule ses horloges à UTC+0 pendant le ramadan (décret 2-18-855 de 2018). Activé : l'heure légale prend ce décalage pendant les semaines du ramadan au Maroc (dates de la base de fuseaux horaires IANA, zone Africa/Casablanca, jusqu'en 2087), pour que les profils de charge suivent les horaires que l'on tient alors. Désactivé : le décalage UTC ci-dessus toute l'année.

field-weather = Source météo
    .help = Intégrée : une année synthétique générée à partir d'une graine et des statistiques mensuelles de Dakhla (même graine, même année sur toutes les machines) ; valable uniquement près de Dakhla. EPW : un fichier météo EnergyPlus pour n'importe quel site (8 760 lignes horaires). CSV : colonnes timestamp, ghi, dni, dhi, temp_air, wind_speed, et pressure en option.
    .choice-Synthetic = Climat de Dakhla intégré
    .choice-Epw = Fichier météo (EPW)
    .choice-Csv = Fichier météo (CSV)

field-weather-seed--Synthetic = Graine météo
    .help = Graine aléatoire de l'année synthétique : la même graine donne la même météo sur toutes les machines ; changez-la pour voir une autre année plausible.

field-weather-year--Synthetic = Année météo
    .help = Année civile de l'axe temporel généré, de 1900 à 2200. En général l'année de simulation.

field-weather-path = Fichier météo
    .help = Chemin du fichier météo EPW ou CSV, relatif au dossier du fichier de scénario (ou absolu). La position du soleil est calculée pour l'emplacement propre au fichier.

field-weather-sha256 = SHA-256 du fichier météo
    .help = SHA-256 du fichier météo au moment où il a été choisi ; un fichier différent sur le disque est signalé.

field-simulation-year = Année de simulation
    .help = Année d'exploitation simulée. Les données EPW (années types composées d'années différentes) sont datées avec elle ; la météo synthétique utilise sa propre année. De 1900 à 2200.

field-simulation-timestep_min = Pas de temps
    .help = Durée d'un pas de simulation. Seuls les pas horaires sont pris en charge dans cette version.
    .choice-60 = 60 min (horaire)
    .choice-30 = 30 min
    .choice-15 = 15 min
    .choice-10 = 10 min
    .choice-5 = 5 min

field-simulation-dispatch = Pilotage de la batterie
    .help = Ce que le pilotage sait de l'avenir lorsqu'il décide combien d'énergie la batterie garde pour les déficits ultérieurs que les moyens de secours ne peuvent pas couvrir. La prévision parfaite connaît toute l'année, comme l'optimiseur et un modèle linéaire (LP) de planification des capacités ; la prévision glissante planifie sur les seules prochaines heures, comme un vrai système de gestion de l'énergie (EMS) ; le mode glouton ne garde aucune réserve. Le calcul de fiabilité utilise le même mode et ne prévoit jamais les défaillances.
    .choice-PerfectForesight = Prévision parfaite (comme le dimensionnement de l'optimiseur)
    .choice-Forecast = Prévision glissante
    .choice-Greedy = Glouton (présent seul)

field-simulation-dispatch-horizon_h = Horizon de prévision
    .help = Heures de charge nette (renouvelables moins charge) que voit la prévision glissante, supposées exactes. Hypothèse : 24 h, l'horizon J-1 des systèmes de gestion de l'énergie des centrales hybrides ; de 1 à 168 h.

field-datacenter-facility_power_cap_mw = Plafond de puissance
    .help = La limite de puissance du campus. Dakhla : 500 MW. Grands campus d'IA : 100 à 1 000 MW.

field-datacenter-cap_applies_to = Plafond appliqué à
    .help = Indique si le plafond limite l'ensemble du site (IT × PUE au jour de dimensionnement) ou les seules baies IT. Les sources publiques sur Dakhla divergent sur ce que désignent les 500 MW ; les résultats montrent les deux.
    .choice-Facility = Puissance du site (IT × PUE)
    .choice-It = Puissance IT seule

field-datacenter-rack_groups = Groupes de baies
    .help = Groupes de baies identiques, chacun mis en service en une seule fois.

field-datacenter-rack_groups-name = Nom
    .help = Un nom unique parmi les groupes de baies, p. ex. "Salle IA A".

field-datacenter-rack_groups-count = Baies
    .help = Nombre de baies identiques du groupe. Un campus de 500 MW compte des milliers de baies d'IA ou des dizaines de milliers de baies refroidies par air.

field-datacenter-rack_groups-kw_per_rack = Puissance par baie
    .help = Puissance de dimensionnement d'une baie. Refroidie par air : 8 à 15 kW ; IA à refroidissement liquide (GB200/GB300 NVL72) : environ 120 kW ; générations suivantes : 190 à 230 kW.

field-datacenter-rack_groups-utilization = Taux d'utilisation
    .help = Part moyenne de la puissance de dimensionnement consommée, de 0 à 100 %. Entraînement d'IA : 80 à 90 % ; cloud et hébergement : 40 à 70 %.

field-datacenter-rack_groups-profile = Profil journalier
    .help = Plat : chaque heure consomme taux d'utilisation × puissance de dimensionnement. Horaire : 24 facteurs, par heure locale, multiplient le taux d'utilisation ; chacun au plus 1 / taux d'utilisation.
    .choice-Flat = Plat
    .choice-Hourly = Horaire (24 facteurs)

field-datacenter-rack_groups-profile--Hourly = Facteur horaire
    .help = Facteur multipliant le taux d'utilisation pendant une heure locale (24 facteurs, heures 0 à 23) ; au plus 1 / taux d'utilisation.

field-datacenter-rack_groups-online_from-year = En service à partir de
    .help = Construction par phases : l'année civile à partir de laquelle le groupe consomme de la puissance. Désactivé : le groupe fonctionne toute l'année simulée.

field-datacenter-rack_groups-online_from-month = Mois de mise en service
    .help = Construction par phases : le mois (1 = janvier) à partir duquel le groupe consomme de la puissance. Un groupe mis en service après l'année simulée ne consomme rien dans ce calcul.

field-datacenter-rack_groups-flexibility-share_frac = Part flexible
    .help = Calcul flexible : la part de l'énergie IT du groupe (traitements par lots, entraînement d'IA) qui peut s'exécuter plus tôt ou plus tard dans chaque fenêtre pour suivre le soleil et le vent. L'énergie de la fenêtre reste la même ; le groupe ne consomme jamais plus que la puissance de dimensionnement de ses baies ni moins que sa part non flexible. Google déplace ses traitements par lots flexibles dans la journée (Radovanovic et al. 2023) ; des grappes d'entraînement ont réduit leur puissance de 25 % pendant 3 h sans manquer leurs niveaux de service (Emerald AI 2025). Désactivé : rien ne se déplace.

field-datacenter-rack_groups-flexibility-window_h = Fenêtre de report
    .help = L'énergie flexible se déplace dans des fenêtres de cette durée, alignées sur minuit local : 24 h est le jour civil local ; 48 et 168 h se comptent à partir du premier minuit local du calcul. Des fenêtres plus longues passent les jours nuageux ou sans vent mais retardent le travail plus longtemps.
    .choice-24 = 24 h (le jour local)
    .choice-48 = 48 h (deux jours)
    .choice-168 = 168 h (une semaine)

field-datacenter-rack_groups-flexibility-ramp_frac_per_h = Limite de rampe
    .help = Plus grande variation de la puissance IT du groupe d'une heure à la suivante, en part de sa puissance de dimensionnement, quand le travail flexible se déplace (un profil journalier qui varie plus vite est conservé). Hypothèse : les grands entraînements enregistrent leur état et reprennent en quelques minutes, d'où 1 (toute variation) comme valeur typique ; une valeur plus basse garde l'installation de refroidissement plus stable. Désactivé : pas de limite.

field-datacenter-cooling = Modèle de refroidissement
    .help = Fixe : un seul PUE pour toutes les heures. Selon la météo : le PUE suit heure par heure la température sèche extérieure (free cooling, économiseur partiel, groupes froids).
    .choice-Fixed = PUE fixe
    .choice-WeatherDriven = Selon la météo

field-datacenter-cooling-pue--Fixed = PUE
    .help = Indicateur d'efficacité énergétique (PUE) : puissance du site divisée par la puissance IT, à chaque heure. Flotte de Google : 1,10 ; grands sites récents : 1,2 à 1,3 ; moyenne du secteur : environ 1,55.

field-datacenter-cooling-free_cooling_below_c--WeatherDriven = Free cooling en dessous de
    .help = En dessous de cette température sèche extérieure, toute la chaleur est évacuée par l'économiseur. Typiquement 18 à 24 °C (le refroidissement liquide à eau chaude permet d'aller jusqu'à environ 30 °C).

field-datacenter-cooling-mechanical_above_c--WeatherDriven = Froid mécanique au-dessus de
    .help = Au-dessus de cette température, toute la chaleur passe par les groupes froids ; entre les deux seuils, la part des groupes froids croît linéairement. Typiquement 26 à 32 °C ; au moins le seuil de free cooling.

field-datacenter-cooling-economizer_power_frac--WeatherDriven = Puissance de l'économiseur
    .help = Pompes et ventilateurs des aéroréfrigérants secs (dry coolers) en mode free cooling, en part de la puissance IT. Typiquement 1 à 3 %.

field-datacenter-cooling-chiller_cop_rated--WeatherDriven = COP des groupes froids
    .help = Coefficient de performance (chaleur évacuée divisée par l'électricité consommée) à la température nominale. Groupes froids à condensation par air : 3 à 5 ; à condensation par eau : 5 à 7.

field-datacenter-cooling-chiller_cop_rated_temp_c--WeatherDriven = COP nominal à
    .help = Température extérieure à laquelle s'applique le COP nominal. Typiquement 25 à 35 °C.

field-datacenter-cooling-chiller_cop_drop_per_c--WeatherDriven = Baisse du COP
    .help = COP perdu par degré au-dessus de la température nominale. Typiquement 0,05 à 0,15 par °C.

field-datacenter-cooling-chiller_cop_min--WeatherDriven = COP minimal
    .help = COP le plus bas atteint par les groupes froids aux heures les plus chaudes ; au plus le COP nominal. Typiquement 1,5 à 3.

field-datacenter-cooling-fan_power_frac--WeatherDriven = Puissance des ventilateurs
    .help = Centrales de traitement d'air et unités de distribution du liquide de refroidissement (CDU), en part de la puissance IT. Typiquement 2 à 5 %.

field-datacenter-cooling-ups_efficiency--WeatherDriven = Rendement des ASI
    .help = Rendement des alimentations sans interruption (ASI). Mode éco : 98 à 99 % ; double conversion : 94 à 97 %.

field-datacenter-cooling-distribution_loss_frac--WeatherDriven = Pertes de distribution
    .help = Pertes des transformateurs et de la distribution, en part de la puissance IT. Typiquement 1 à 3 %.

field-datacenter-cooling-lighting_misc_frac--WeatherDriven = Éclairage et divers
    .help = Éclairage, bureaux, sûreté et autres charges, en part de la puissance IT. Typiquement 0,5 à 2 %.

field-datacenter-cooling-design_temp_c--WeatherDriven = Température de dimensionnement
    .help = Température extérieure du jour de dimensionnement pour la vérification de capacité : les baies doivent tenir sous le plafond un tel jour. Dakhla : environ 35 °C les jours chauds de vent du désert.

field-datacenter-heat_rejection = Évacuation de la chaleur
    .help = Où part la chaleur. Aéroréfrigérants secs (économiseur côté air, ou refroidissement liquide à eau chaude) : pas d'eau. Pads adiabatiques : aéroréfrigérants dont l'air est refroidi vers la température humide aux heures chaudes, au prix d'eau. Tours de refroidissement : évaporatives, le PUE suit la température humide, 1,2 à 2,0 L d'eau par kWh d'énergie IT. Eau de mer : échangeurs à plaques sur la mer, sans eau douce. Le modèle de PUE selon la météo lit la température à laquelle la chaleur est évacuée au lieu de la température sèche.
    .choice-DryCoolers = Aéroréfrigérants secs
    .choice-AdiabaticPads = Pads adiabatiques
    .choice-CoolingTower = Tours de refroidissement
    .choice-Seawater = Eau de mer

field-datacenter-heat_rejection-wet_above_c--AdiabaticPads = Pads mouillés au-dessus de
    .help = Les pads sont mouillés quand la température sèche extérieure dépasse ce seuil ; en dessous, les aéroréfrigérants fonctionnent à sec. Hypothèse : 24 °C, quelques degrés sous la limite de l'économiseur, pour que les pads prolongent le free cooling aux heures chaudes.

field-datacenter-heat_rejection-effectiveness--AdiabaticPads = Efficacité des pads
    .help = Efficacité de saturation des pads : jusqu'où ils refroidissent l'air de la température sèche vers la température humide. Média rigide 0,75 à 0,90 (ASHRAE Handbook HVAC Systems and Equipment 2020, ch. 41).

field-datacenter-heat_rejection-air_temp_rise_k--AdiabaticPads = Échauffement de l'air
    .help = Échauffement de l'air à travers les batteries des aéroréfrigérants : il fixe le débit d'air par MW, donc l'eau que les pads évaporent. Hypothèse : 10 K, le milieu des 8 à 12 K pour lesquels on choisit les aéroréfrigérants.

field-datacenter-heat_rejection-cycles_of_concentration--AdiabaticPads = Cycles de concentration
    .help = Combien de fois les sels dissous se concentrent dans l'eau des pads avant la purge : purge = évaporation / (cycles - 1). Hypothèse : 3, les pads s'entartrent plus facilement que le garnissage d'une tour.

field-datacenter-heat_rejection-approach_k--CoolingTower = Approche de la température humide
    .help = Température de l'eau froide au-dessus de la température humide. 3 à 6 K au point de dimensionnement (ASHRAE Handbook HVAC Systems and Equipment 2020, ch. 40).

field-datacenter-heat_rejection-latent_frac--CoolingTower = Part latente de la chaleur
    .help = Part de la chaleur que les tours évacuent en évaporant de l'eau (le reste réchauffe l'air) : environ 0,85 (Perry's Chemical Engineers' Handbook, 8e éd., sec. 12).

field-datacenter-heat_rejection-cycles_of_concentration--CoolingTower = Cycles de concentration
    .help = Combien de fois les sels dissous se concentrent dans l'eau de la tour avant la purge : purge = évaporation / (cycles - 1). 3 à 6 sur eau douce ; un appoint dessalé, pauvre en sels, permet le haut de la plage. Hypothèse : 5.

field-datacenter-heat_rejection-drift_frac--CoolingTower = Primage
    .help = Gouttelettes entraînées, en part de l'eau en circulation : 0,0005 à 0,001 % avec des séparateurs de gouttes modernes (Cooling Technology Institute, ATC-140).

field-datacenter-heat_rejection-range_k--CoolingTower = Écart de température
    .help = Refroidissement de l'eau à travers les tours : il fixe le débit en circulation, donc le primage. 5 à 6 K typiquement (ASHRAE Handbook HVAC Systems and Equipment 2020, ch. 40).

field-datacenter-heat_rejection-sea_temp_c--Seawater = Température de la mer
    .help = Température de surface de la mer à la prise d'eau, supposée constante sur l'année. Dakhla, sur le courant froid des Canaries : environ 20 °C (octobre, meteoatlas.pl) ; hypothèse pour l'année, 18 à 22 °C.

field-datacenter-heat_rejection-approach_k--Seawater = Approche de l'échangeur
    .help = Eau de l'installation au-dessus de la température de la mer à travers les échangeurs à plaques. Hypothèse : 2 K (les échangeurs à plaques sont dimensionnés pour 1 à 3 K).

field-datacenter-water_supply = Approvisionnement en eau
    .help = D'où vient l'eau de l'évacuation de la chaleur. Usine de dessalement propre : osmose inverse d'eau de mer alimentée par le campus, dont l'électricité est donc une charge du campus. Achetée : eau du réseau public (à Dakhla, la production de l'usine de dessalement) dans la limite d'une allocation annuelle ; son électricité est celle du distributeur. Dans les deux cas, un mètre cube coûte economics.water_per_m3. Aucune eau n'est prélevée avec des aéroréfrigérants secs ou l'eau de mer.
    .choice-Desalination = Usine de dessalement propre
    .choice-Allocation = Achetée, sous allocation

field-datacenter-water_supply-energy_kwh_per_m3--Desalination = Énergie du dessalement
    .help = Électricité par mètre cube d'eau douce, prise d'eau et pompage jusqu'au campus compris. L'osmose inverse d'eau de mer demande 2 à 4 kWh/m³, les meilleures usines 2,0 à 2,8, pour un plancher thermodynamique d'environ 1. Hypothèse : 3,0 kWh/m³.

field-datacenter-water_supply-capacity_m3_per_day--Desalination = Capacité de dessalement
    .help = Le plus d'eau que l'usine produit en un jour. Une simulation dont le jour de pointe demande davantage le signale, avec les jours manquants. 0 : l'usine est dimensionnée sur le jour de pointe du campus (le résultat Eau, jour de pointe).

field-datacenter-water_supply-max_m3_per_yr--Allocation = Allocation annuelle
    .help = Le plus d'eau que le campus peut prélever en un an ; une simulation qui en demande plus le signale. Hypothèse : 1 850 000 m³, 5 % des 37 millions de m³ par an de l'usine de dessalement de Dakhla (37 Mm³ : maghress.com 2025) ; à 500 MW d'IT, un WUE de 0,3 à 0,4 L/kWh prélève 1,3 à 1,75 Mm³.

field-solar_plants = Centrales solaires
    .help = Centrales solaires photovoltaïques (chaîne de calcul PVWatts v8).

field-solar_plants-name = Nom
    .help = Un nom unique parmi les centrales solaires.

field-solar_plants-capacity_mwdc = Puissance DC
    .help = Puissance crête DC des modules. Centrales au sol de grande taille : 50 à 2 000 MWdc ; référence de Dakhla : 600 MWdc.

field-solar_plants-dc_ac_ratio = Ratio DC/AC
    .help = Puissance crête DC divisée par la puissance nominale AC des onduleurs. Typiquement 1,1 à 1,5 ; au-delà de 1, les onduleurs écrêtent la pointe de midi.

field-solar_plants-mounting = Structure
    .help = Structures fixes inclinées, ou suiveurs mono-axe horizontaux orientés nord-sud qui suivent le soleil d'est en ouest (la norme pour les centrales PV de grande taille aux basses latitudes).
    .choice-Fixed = Inclinaison fixe
    .choice-SingleAxis = Suiveurs mono-axe

field-solar_plants-mounting-tilt_deg--Fixed = Inclinaison
    .help = Inclinaison des modules par rapport à l'horizontale. Proche de la latitude pour maximiser l'énergie annuelle (Dakhla : environ 20 à 24°) ; de 0 à 90°.

field-solar_plants-mounting-azimuth_deg--Fixed = Azimut
    .help = Direction vers laquelle les modules sont orientés, dans le sens horaire depuis le nord : 180° = sud (hémisphère nord), 0° = nord.

field-solar_plants-mounting-gcr--Fixed = Taux d'occupation du sol (GCR)
    .help = Longueur inclinée des modules divisée par l'entraxe des rangées. Centrales de grande taille : 0,3 à 0,5 ; 0 pour une seule rangée (pas d'ombrage entre rangées).

field-solar_plants-mounting-max_angle_deg--SingleAxis = Rotation maximale
    .help = Plus grande rotation du suiveur de part et d'autre de l'horizontale. Typiquement 45 à 60°.

field-solar_plants-mounting-gcr--SingleAxis = Taux d'occupation du sol (GCR)
    .help = Largeur des rangées de modules divisée par l'entraxe des rangées. Typiquement 0,3 à 0,5 : une valeur plus élevée place plus de modules par hectare mais ombrage davantage quand le soleil est bas.

field-solar_plants-mounting-backtrack--SingleAxis = Rétro-suivi (backtracking)
    .help = Ramener les suiveurs vers l'horizontale quand le soleil est bas pour que les rangées ne s'ombragent pas entre elles. Généralement activé.

field-solar_plants-losses_pct = Pertes du système
    .help = Pertes du système selon PVWatts : encrassement, câblage, dispersion (mismatch), disponibilité… 14,08 % par défaut ; ajouter 1 à 3 points pour l'encrassement par la poussière en milieu désertique.

field-solar_plants-gamma_pdc_per_c = Coefficient de température
    .help = Variation de puissance par degré de température de cellule. Modules standard : -0,37 %/°C ; haut de gamme : -0,35 %/°C ; couches minces : -0,20 %/°C.

field-solar_plants-inverter_eff_pct = Rendement des onduleurs
    .help = Rendement nominal des onduleurs. Valeur par défaut de PVWatts : 96 % ; onduleurs centraux modernes : 98 à 99 %.

field-solar_plants-albedo = Albédo
    .help = Réflectance du sol, de 0 à 1. Sable du désert : 0,25 à 0,4 ; herbe : 0,2 ; neige fraîche : 0,8.

field-solar_plants-degradation_pct_per_year = Dégradation
    .help = Perte annuelle de production due au vieillissement des modules. Typiquement 0,5 %/an (Jordan & Kurtz 2013).

field-solar_plants-land_use_ha_per_mwdc = Emprise au sol
    .help = Surface nécessaire par MWdc. Inclinaison fixe : 1 à 2 ha/MWdc ; suiveurs mono-axe : 1,5 à 3 ha/MWdc.

field-solar_plants-transposition = Modèle de ciel
    .help = Manière dont le rayonnement diffus du ciel est transposé sur le plan des modules. Perez 1990 est le modèle par défaut de SAM et de PVsyst ; le modèle isotrope (Liu & Jordan) est plus simple et légèrement pessimiste sur les plans inclinés.
    .choice-Perez1990 = Perez 1990
    .choice-Isotropic = Isotrope

field-solar_plants-inverter_unit_mw = Taille d'un onduleur
    .help = Puissance nominale AC d'un onduleur : les calculs de fiabilité font tomber en panne et réparent les onduleurs de la centrale un par un (leur nombre est la puissance AC divisée par cette taille, arrondie à l'entier supérieur). Hypothèse : 4 MW, les onduleurs centraux des grandes centrales faisant 2,5 à 4,6 MVA (SMA Sunny Central 4600 UP).

field-solar_plants-inverter_forced_outage_rate = Taux d'indisponibilité fortuite des onduleurs
    .help = Part du temps pendant laquelle un onduleur est en indisponibilité fortuite (FOR selon IEEE Std 762). 2 % : la valeur par défaut de REopt pour la fiabilité du secours, 98 % de disponibilité opérationnelle du PV (NREL REopt ERP). La perte de disponibilité de 3 % de PVWatts abaisse déjà la production moyenne ; les calculs de fiabilité placent les indisponibilités dans le temps sans abaisser cette moyenne une seconde fois.

field-solar_plants-inverter_mean_time_to_repair_h = Durée de réparation des onduleurs
    .help = Durée moyenne de réparation d'un onduleur. Hypothèse : 72 h, trois jours pour acheminer une pièce de rechange sur un site désertique isolé.

field-wind_farms = Parcs éoliens
    .help = Parcs éoliens composés d'éoliennes identiques.

field-wind_farms-name = Nom
    .help = Un nom unique parmi les parcs éoliens.

field-wind_farms-turbine = Éolienne
    .help = Une éolienne de la bibliothèque intégrée (NREL turbine-models et autres), ou Personnalisée… pour saisir une courbe de puissance. Éoliennes terrestres modernes : 4 à 7 MW, rotors de 150 à 175 m.
    .choice-Library = De la bibliothèque
    .choice-Custom = Courbe de puissance personnalisée

field-wind_farms-turbine-name--Library = Éolienne de la bibliothèque
    .help = Une éolienne de la bibliothèque intégrée (assets/turbines.ron), désignée par son nom ; `describe` et la liste de l'interface graphique les affichent.

field-wind_farms-turbine-name--Custom = Nom de l'éolienne
    .help = Nom de l'éolienne personnalisée (pour les rapports).

field-wind_farms-turbine-rated_kw--Custom = Puissance nominale
    .help = Puissance nominale d'une éolienne. Éoliennes terrestres modernes : 4 000 à 7 000 kW.

field-wind_farms-turbine-rotor_diameter_m--Custom = Diamètre du rotor
    .help = Diamètre du rotor. Éoliennes terrestres modernes : 150 à 175 m.

field-wind_farms-turbine-power_curve_kw--Custom = Courbe de puissance
    .help = Puissance d'une éolienne [kW] en fonction de la vitesse du vent à hauteur du moyeu [m/s] pour une masse volumique de l'air de 1,225 kg/m3 : vitesses croissantes, au plus la puissance nominale, dans la limite de Betz du rotor.

field-wind_farms-turbine_count = Éoliennes
    .help = Nombre d'éoliennes identiques. Tarfaya : 131 × 2,3 MW ; un parc de 400 MW en éoliennes de 6 MW en compte environ 66.

field-wind_farms-hub_height_m = Hauteur du moyeu
    .help = Hauteur du centre du rotor au-dessus du sol. Éoliennes modernes : 100 à 170 m.

field-wind_farms-measurement_height_m = Hauteur de mesure
    .help = Hauteur à laquelle est donnée la vitesse du vent dans les données météo : 10 m pour les fichiers EPW et le climat intégré.

field-wind_farms-shear_exponent = Exposant de cisaillement
    .help = Exposant de la loi de puissance qui extrapole la vitesse du vent de la hauteur de mesure à celle du moyeu : v_hub = v_ref (h_hub / h_ref)^α. Désert côtier dégagé : 0,10 à 0,14 ; terrain rugueux : 0,2 à 0,3.

field-wind_farms-losses_pct = Pertes
    .help = Pertes de sillage, de disponibilité, électriques et autres. Typiquement 10 à 20 %.

field-wind_farms-turbine_forced_outage_rate = Taux d'indisponibilité fortuite des éoliennes
    .help = Part du temps pendant laquelle une éolienne est en indisponibilité fortuite (FOR selon IEEE Std 762). Hypothèse : 3 %, soit la disponibilité en temps de 97 % que garantissent couramment les contrats de maintenance des éoliennes terrestres. Les pertes ci-dessus abaissent déjà la production moyenne ; les calculs de fiabilité placent les indisponibilités dans le temps sans abaisser cette moyenne une seconde fois.

field-wind_farms-turbine_mean_time_to_repair_h = Durée de réparation des éoliennes
    .help = Durée moyenne de réparation d'une éolienne. Hypothèse : 72 h ; la plupart des défauts sont réparés en une journée, les rares remplacements de composants majeurs (multiplicateur, pale) prennent des semaines et déterminent la moyenne.

field-battery-energy_mwh = Énergie de la batterie
    .help = Capacité énergétique nominale de la batterie. 0 signifie pas de batterie. Blocs LFP de grande taille : 2 à 4 h de leur puissance ; la référence de Dakhla compte 1 600 MWh (4 h x 400 MW).

field-battery-power_mw = Puissance de la batterie
    .help = Puissance des onduleurs, la même en charge et en décharge. Typiquement de énergie / 2 à énergie / 4.

field-battery-round_trip_eff = Rendement aller-retour
    .help = Énergie restituée divisée par l'énergie absorbée, côté AC. LFP : environ 84,5 % (Viswanathan et al. 2022, PNNL-33283) ; typiquement 80 à 90 %.

field-battery-soc_min_frac = État de charge minimal
    .help = Charge la plus basse autorisée par le contrôleur, en part de l'énergie nominale. Typiquement 5 à 10 %.

field-battery-soc_max_frac = État de charge maximal
    .help = Charge la plus haute autorisée par le contrôleur, en part de l'énergie nominale. Typiquement 90 à 100 %.

field-battery-initial_soc_frac = État de charge initial
    .help = Charge à la première heure de l'année, entre le minimum et le maximum. Typiquement 50 %.

field-battery-self_discharge_frac_per_day = Autodécharge
    .help = Énergie stockée perdue par jour au repos. LFP : environ 0,05 %/jour (hypothèse : les fiches techniques des fabricants indiquent 1 à 3 % par mois).

field-battery-capacity_fade_pct_per_year = Perte de capacité
    .help = Capacité utile perdue par année d'exploitation ; les calculs pluriannuels conservent (1 - perte)^k de l'énergie la k-ième année d'exploitation. LFP : environ 1,5 à 2,5 %/an (NREL ATB 2024 suppose que la batterie est remise à sa capacité nominale au cours de sa durée de vie de 15 ans).

field-battery-pcs_unit_mw = Taille d'un bloc de conversion
    .help = Puissance d'un bloc de conversion de puissance (onduleur et transformateur) : les calculs de fiabilité font tomber en panne et réparent les blocs un par un. Hypothèse : 4 MW, la taille des skids PCS conteneurisés des batteries de grande taille (2,5 à 5 MW).

field-battery-pcs_forced_outage_rate = Taux d'indisponibilité fortuite des blocs de conversion
    .help = Part du temps pendant laquelle un bloc de conversion de puissance est en indisponibilité fortuite. 3 % : la valeur par défaut de REopt pour la fiabilité du secours, 97 % de disponibilité opérationnelle de la batterie (NREL REopt ERP).

field-battery-pcs_mean_time_to_repair_h = Durée de réparation des blocs de conversion
    .help = Durée moyenne de réparation d'un bloc de conversion de puissance. Hypothèse : 48 h avec pièces de rechange sur site.

field-backup = Moyens de secours
    .help = Sources de secours pilotables, appelées après la batterie, par coût de fonctionnement croissant.

field-backup-name = Nom
    .help = Un nom unique parmi les moyens de secours.

field-backup-kind = Type
    .help = Nature du moyen de secours ; détermine sa ligne de coûts dans le panneau Économie. Le changer renseigne le rendement, le prix du combustible et les émissions typiques de ce type (OCGT 40,5 %, 34 USD/MWh_th, 0,202 t/MWh_th ; diesel 35 %, 46,4 USD/MWh_th, 0,267 t/MWh_th ; réseau 100 %, tarif, environ 0,6 t/MWh).
    .choice-GasTurbine = Turbine à combustion (OCGT)
    .choice-DieselGenset = Groupe électrogène diesel
    .choice-GridImport = Import depuis le réseau

field-backup-capacity_mw = Puissance
    .help = Puissance maximale du groupe (ou capacité d'import de la liaison). Pour couvrir tout le campus sans renouvelables, elle doit égaler la charge de pointe du site.

field-backup-efficiency = Rendement
    .help = Production électrique divisée par l'apport de chaleur du combustible. OCGT : 35 à 41 % ; groupes électrogènes diesel : 33 à 40 % ; liaison au réseau : 100 %.

field-backup-fuel_cost_per_mwh_th = Coût du combustible
    .help = Prix du combustible par MWh thermique. Le GNL à 10 USD/MMBtu revient à 34 USD/MWh_th ; diesel : environ 45 à 70 USD/MWh_th.

field-backup-fuel_cost_per_mwh_th--GridImport = Tarif d'import
    .help = Prix de l'électricité importée. Tarifs industriels : environ 80 à 150 USD/MWh.

field-backup-variable_om_per_mwh = O&M variable
    .help = Coût de fonctionnement par MWh électrique hors combustible. OCGT : environ 5 ; diesel : environ 8 à 9 ; réseau : 0.

field-backup-emission_factor_t_per_mwh_th = Facteur d'émission
    .help = CO2 par MWh thermique de combustible : gaz naturel 0,202 ; diesel 0,267 (GIEC 2006).

field-backup-emission_factor_t_per_mwh_th--GridImport = Facteur d'émission
    .help = CO2 par MWh importé : réseaux à forte part fossile 0,5 à 0,8.

field-backup-carbon_free_frac = Part décarbonée
    .help = Part de la production comptée comme décarbonée (un réseau dont le mix comprend des renouvelables). 0 % pour le gaz et le diesel.

field-backup-unit_count = Groupes
    .help = Groupes identiques qui se partagent la puissance à parts égales ; les calculs de fiabilité font tomber en panne et réparent chacun d'eux, si bien que N+1 correspond à un groupe de plus que ce que demande la charge. Un fichier de schéma 2 reçoit des turbines à combustion aérodérivées de 50 MW (classe GE LM6000), des groupes électrogènes diesel de 2,5 MW et un groupe par liaison au réseau (hypothèses).

field-backup-forced_outage_rate = Taux d'indisponibilité fortuite
    .help = Part du temps pendant laquelle un groupe est en indisponibilité fortuite (FOR selon IEEE Std 762 = heures d'indisponibilité fortuite divisées par la somme des heures de service et des heures d'indisponibilité fortuite).

field-backup-forced_outage_rate--GasTurbine = Taux d'indisponibilité fortuite
    .help = Part du temps pendant laquelle une turbine à combustion est en indisponibilité fortuite (IEEE Std 762). Hypothèse : 5 %, la moitié des 10 % des turbines à combustion des années 1970 du IEEE Reliability Test System (RTS-79), les turbines aérodérivées actuelles tombant moins souvent en panne.

field-backup-forced_outage_rate--DieselGenset = Taux d'indisponibilité fortuite
    .help = Part du temps pendant laquelle un groupe électrogène diesel est en indisponibilité fortuite. 3,6 % : une défaillance toutes les 637 heures de fonctionnement (probabilité de défaillance en fonctionnement de 0,00157 par heure, valeur par défaut de REopt ERP tirée de Marqusee, Ericson & Jenket, Applied Energy 285, 2021) et la réparation de 24 h ci-dessous.

field-backup-forced_outage_rate--GridImport = Part d'indisponibilité
    .help = Part du temps pendant laquelle la liaison au réseau est coupée : coupures par an x durée moyenne / 8 760. Hypothèse : 0,2 %, soit environ deux coupures de 8 h par an, pour une ligne 400 kV unique en antenne au bout d'un réseau sud saturé.

field-backup-mean_time_to_repair_h = Durée de réparation
    .help = Durée moyenne de réparation d'un groupe après une indisponibilité fortuite.

field-backup-mean_time_to_repair_h--GasTurbine = Durée de réparation
    .help = Durée moyenne de réparation d'une turbine à combustion : 50 h, le MTTR des turbines à combustion de l'IEEE RTS-79.

field-backup-mean_time_to_repair_h--DieselGenset = Durée de réparation
    .help = Durée moyenne de réparation d'un groupe électrogène diesel. Hypothèse : 24 h avec pièces et technicien sur site.

field-backup-mean_time_to_repair_h--GridImport = Durée moyenne de coupure
    .help = Durée moyenne d'une coupure du réseau. Hypothèse : 8 h pour un défaut de ligne localisé et éliminé en une journée de travail.

field-backup-start_failure_prob = Échec au démarrage
    .help = Probabilité qu'un démarrage échoue ; le groupe suivant est alors sollicité (la fiabilité au démarrage de NERC GADS en est le complément).

field-backup-start_failure_prob--GasTurbine = Échec au démarrage
    .help = Probabilité qu'une turbine à combustion ne démarre pas. Hypothèse : 1 %, l'ancienne valeur par défaut de REopt pour les groupes (0,94 %), arrondie.

field-backup-start_failure_prob--DieselGenset = Échec au démarrage
    .help = Probabilité qu'un groupe électrogène diesel ne démarre pas : 0,66 %, valeur par défaut de REopt ERP tirée de Marqusee, Ericson & Jenket (Applied Energy 285, 2021).

field-backup-start_failure_prob--GridImport = Échec au démarrage
    .help = Une liaison au réseau n'a pas de démarrage : 0.

field-backup-export_capacity_mw = Capacité d'export
    .help = Export maximal d'excédent par la liaison (liaison au réseau seulement). La production solaire et éolienne que la batterie ne peut pas absorber est exportée jusqu'à cette valeur avant d'être écrêtée. 0 : pas d'export. La loi marocaine 13-09 modifiée par la loi 58-15 permet à un producteur renouvelable de vendre son excédent au réseau, au plus 20 % de sa production annuelle (climate-laws.org) ; une simulation au-delà de cette part le signale.

field-backup-export_price_per_mwh = Prix d'export
    .help = Prix payé pour l'excédent exporté ; la recette est déduite du coût annualisé et du LCOE. Le jeu de coûts en donne une valeur avec sa source (Maroc 2025 : une hypothèse, l'ANRE n'ayant pas publié de tarif d'excédent au titre de la loi 82-21).

field-backup-available_from-year = Disponible à partir de
    .help = Une ligne en construction ou une phase ultérieure : l'année civile à partir de laquelle le moyen sert (heure légale). Désactivé : il sert pendant toute la simulation. Il ne coûte rien avant.

field-backup-available_from-month = Mois de disponibilité
    .help = Le mois (1 = janvier) à partir duquel le moyen sert. Un moyen disponible après l'année simulée ne fournit rien et ne coûte rien dans cette simulation.

field-economics-currency = Devise
    .help = La devise dans laquelle sont écrits tous les coûts du scénario et affichés ses résultats. La changer convertit chaque coût aux taux de change ci-dessous (une seule étape annulable ; `migrate --currency` en ligne de commande). Le JSON garde ses clés en dollars US.
    .choice-USD = Dollar US (USD)
    .choice-EUR = Euro (EUR)
    .choice-MAD = Dirham marocain (MAD)

field-economics-exchange_rates-as_of = Taux au
    .help = Le jour où les taux de change ont été relevés (AAAA-MM-JJ). Les taux bougent : indiquez la date des vôtres.

field-economics-exchange_rates-eur_per_usd = EUR pour 1 USD
    .help = Euros pour un dollar US. Par défaut 0,868 : 10,6 MAD/EUR divisé par 9,2 MAD/USD, les taux de Bank Al-Maghrib du 04/08/2025 ci-dessous (calcul).

field-economics-exchange_rates-mad_per_usd = MAD pour 1 USD
    .help = Dirhams marocains pour un dollar US. Par défaut 9,2 : les cours des billets de Bank Al-Maghrib le 04/08/2025 étaient de 8,83 à l'achat et 10,26 à la vente (analkhabar.com) ; le cours de référence se situe entre les deux (environ 9,2, estimation).

field-economics-exchange_rates-source = Source des taux
    .help = D'où viennent les taux de change.

field-economics-cost_basis = Base de coûts
    .help = Le jeu de coûts dont viennent les valeurs : Maroc 2025 (appels d'offres et projets marocains), NREL ATB 2024 (États-Unis), Agence danoise de l'énergie (Europe), ou les vôtres. Choisir un jeu écrit ses valeurs, converties dans la devise du scénario ; sources : assets/cost-sets/.
    .choice-Morocco2025 = Maroc 2025
    .choice-NrelAtb2024 = NREL ATB 2024
    .choice-DanishEnergyAgency = Agence danoise de l'énergie
    .choice-Custom = Personnalisée

field-economics-discount_rate = Taux d'actualisation
    .help = Taux d'actualisation réel annuel utilisé pour annualiser l'investissement. Typiquement 5 à 10 % ; 7 % par défaut (hypothèse : le WACC réel de NREL ATB pour les projets de grande taille est de 5 à 7 % ; un projet marocain paie une prime de risque pays).

field-economics-analysis_years = Période d'analyse
    .help = Période du coût actualisé net. Typiquement 20 à 30 ans.

field-economics-solar_per_kwac-capex_per_kw = CAPEX solaire PV
    .help = PV de grande taille, par kW de puissance nominale AC des onduleurs. NREL ATB 2024 : 1 605 USD/kWac, 1,41 %/an, 30 ans. Coût d'investissement overnight (hors frais financiers).

field-economics-solar_per_kwac-fixed_om_pct_per_year = O&M fixe solaire PV
    .help = PV de grande taille, par kW de puissance nominale AC des onduleurs. NREL ATB 2024 : 1 605 USD/kWac, 1,41 %/an, 30 ans. O&M fixe en part du CAPEX par an ; typiquement 1 à 3 %/an.

field-economics-solar_per_kwac-lifetime_years = Durée de vie solaire PV
    .help = PV de grande taille, par kW de puissance nominale AC des onduleurs. NREL ATB 2024 : 1 605 USD/kWac, 1,41 %/an, 30 ans. Durée de vie économique ; l'investissement est annualisé sur cette durée avec le facteur de recouvrement du capital.

field-economics-wind_per_kw-capex_per_kw = CAPEX éolien
    .help = Éolien terrestre, par kW de puissance nominale des éoliennes. NREL ATB 2024 : 1 689 USD/kW, 1,99 %/an, 30 ans. Coût d'investissement overnight (hors frais financiers).

field-economics-wind_per_kw-fixed_om_pct_per_year = O&M fixe éolien
    .help = Éolien terrestre, par kW de puissance nominale des éoliennes. NREL ATB 2024 : 1 689 USD/kW, 1,99 %/an, 30 ans. O&M fixe en part du CAPEX par an ; typiquement 1 à 3 %/an.

field-economics-wind_per_kw-lifetime_years = Durée de vie éolien
    .help = Éolien terrestre, par kW de puissance nominale des éoliennes. NREL ATB 2024 : 1 689 USD/kW, 1,99 %/an, 30 ans. Durée de vie économique ; l'investissement est annualisé sur cette durée avec le facteur de recouvrement du capital.

field-economics-battery_power_per_kw-capex_per_kw = CAPEX puissance batterie
    .help = Onduleurs et conversion de puissance de la batterie, par kW. NREL ATB 2024 : 497,7 USD/kW, 2,5 %/an, 15 ans. Coût d'investissement overnight (hors frais financiers).

field-economics-battery_power_per_kw-fixed_om_pct_per_year = O&M fixe puissance batterie
    .help = Onduleurs et conversion de puissance de la batterie, par kW. NREL ATB 2024 : 497,7 USD/kW, 2,5 %/an, 15 ans. O&M fixe en part du CAPEX par an ; typiquement 1 à 3 %/an.

field-economics-battery_power_per_kw-lifetime_years = Durée de vie puissance batterie
    .help = Onduleurs et conversion de puissance de la batterie, par kW. NREL ATB 2024 : 497,7 USD/kW, 2,5 %/an, 15 ans. Durée de vie économique ; l'investissement est annualisé sur cette durée avec le facteur de recouvrement du capital.

field-economics-battery_energy_per_kwh-capex_per_kwh = CAPEX énergie batterie
    .help = Cellules et racks de batterie, par kWh nominal. NREL ATB 2024 : 375,6 USD/kWh, 2,5 %/an, 15 ans. Coût d'investissement overnight (hors frais financiers).

field-economics-battery_energy_per_kwh-fixed_om_pct_per_year = O&M fixe énergie batterie
    .help = Cellules et racks de batterie, par kWh nominal. NREL ATB 2024 : 375,6 USD/kWh, 2,5 %/an, 15 ans. O&M fixe en part du CAPEX par an ; typiquement 1 à 3 %/an.

field-economics-battery_energy_per_kwh-lifetime_years = Durée de vie énergie batterie
    .help = Cellules et racks de batterie, par kWh nominal. NREL ATB 2024 : 375,6 USD/kWh, 2,5 %/an, 15 ans. Durée de vie économique ; l'investissement est annualisé sur cette durée avec le facteur de recouvrement du capital.

field-economics-gas_turbine_per_kw-capex_per_kw = CAPEX turbines à combustion
    .help = Turbines à combustion à cycle ouvert, par kW. Danish Energy Agency : 594 EUR/kW = 642 USD/kW, 1,7 %/an, 25 ans. Coût d'investissement overnight (hors frais financiers).

field-economics-gas_turbine_per_kw-fixed_om_pct_per_year = O&M fixe turbines à combustion
    .help = Turbines à combustion à cycle ouvert, par kW. Danish Energy Agency : 594 EUR/kW = 642 USD/kW, 1,7 %/an, 25 ans. O&M fixe en part du CAPEX par an ; typiquement 1 à 3 %/an.

field-economics-gas_turbine_per_kw-lifetime_years = Durée de vie turbines à combustion
    .help = Turbines à combustion à cycle ouvert, par kW. Danish Energy Agency : 594 EUR/kW = 642 USD/kW, 1,7 %/an, 25 ans. Durée de vie économique ; l'investissement est annualisé sur cette durée avec le facteur de recouvrement du capital.

field-economics-diesel_genset_per_kw-capex_per_kw = CAPEX groupes électrogènes diesel
    .help = Groupes électrogènes à moteur diesel, par kW. Danish Energy Agency : 458 EUR/kW = 495 USD/kW, 2 %/an, 20 ans. Coût d'investissement overnight (hors frais financiers).

field-economics-diesel_genset_per_kw-fixed_om_pct_per_year = O&M fixe groupes électrogènes diesel
    .help = Groupes électrogènes à moteur diesel, par kW. Danish Energy Agency : 458 EUR/kW = 495 USD/kW, 2 %/an, 20 ans. O&M fixe en part du CAPEX par an ; typiquement 1 à 3 %/an.

field-economics-diesel_genset_per_kw-lifetime_years = Durée de vie groupes électrogènes diesel
    .help = Groupes électrogènes à moteur diesel, par kW. Danish Energy Agency : 458 EUR/kW = 495 USD/kW, 2 %/an, 20 ans. Durée de vie économique ; l'investissement est annualisé sur cette durée avec le facteur de recouvrement du capital.

field-economics-grid_link_per_kw-capex_per_kw = CAPEX liaison au réseau
    .help = Raccordement au réseau (ligne et poste) par kW de capacité d'import. Hypothèse : environ 300 USD/kW, 1 %/an, 40 ans. Coût d'investissement overnight (hors frais financiers).

field-economics-grid_link_per_kw-fixed_om_pct_per_year = O&M fixe liaison au réseau
    .help = Raccordement au réseau (ligne et poste) par kW de capacité d'import. Hypothèse : environ 300 USD/kW, 1 %/an, 40 ans. O&M fixe en part du CAPEX par an ; typiquement 1 à 3 %/an.

field-economics-grid_link_per_kw-lifetime_years = Durée de vie liaison au réseau
    .help = Raccordement au réseau (ligne et poste) par kW de capacité d'import. Hypothèse : environ 300 USD/kW, 1 %/an, 40 ans. Durée de vie économique ; l'investissement est annualisé sur cette durée avec le facteur de recouvrement du capital.

field-economics-carbon_price_per_t = Prix du carbone
    .help = Prix appliqué aux émissions de CO2 des moyens de secours. 0 s'il n'y en a pas ; EU ETS : environ 60 à 100 USD/t.

field-economics-water_per_m3 = Eau
    .help = Coût d'un mètre cube d'eau. Avec l'usine de dessalement propre du campus, ses coûts d'investissement et d'exploitation hors électricité (le campus la fournit) ; avec de l'eau achetée, le tarif. Hypothèse : 0,30 USD/m³ : les appels d'offres du Golfe des années 2020 vendent l'eau d'osmose inverse à environ 0,37 à 0,49 USD/m³ tout compris (Hassyan 2023, Taweelah 2019), dont 3 kWh/m³ d'électricité à 40-60 USD/MWh font 0,12 à 0,18.

field-targets-min_renewable_fraction = Taux de renouvelable minimal
    .help = Part minimale acceptable de l'énergie du site desservie par le solaire et l'éolien, directement ou via la batterie, de 0 à 100 %. Les campus ambitieux visent 80 à 95 %.

field-targets-min_cfe_score = Score CFE minimal
    .help = Score minimal acceptable d'énergie décarbonée 24/7 : heure par heure, la part de la consommation couverte par un approvisionnement décarboné (méthode de Google), de 0 à 100 %. Les plus avancés atteignent 60 à 90 %.

field-targets-max_unmet_energy_mwh = Énergie non desservie maximale
    .help = Énergie du site non desservie la plus élevée acceptable sur l'année. 0 pour un centre de données qui ne doit jamais délester.

field-targets-max_lole_h_per_year = LOLE maximale
    .help = Espérance de durée de défaillance la plus élevée acceptable quand des groupes tombent en panne (la LOLE du calcul de fiabilité) : heures par an pendant lesquelles la charge n'est pas desservie. Les systèmes électriques se dimensionnent pour 2,4 h/an (« un jour en dix ans », NERC) ; la disponibilité de 99,995 % d'un centre de données Tier IV correspond à 0,4 h/an. L'optimiseur ajoute des groupes de secours et du stockage jusqu'à ce qu'elle soit respectée.

field-targets-max_eue_mwh_per_year = EUE maximale
    .help = Espérance d'énergie non desservie la plus élevée acceptable quand des groupes tombent en panne (l'EUE du calcul de fiabilité). L'optimiseur ajoute des groupes de secours et du stockage jusqu'à ce qu'elle soit respectée.

field-targets-max_wue_l_per_kwh = WUE maximal
    .help = Plus grande efficacité d'utilisation de l'eau acceptable : eau du site sur énergie IT (The Green Grid). Flotte de Microsoft 0,30 L/kWh, de Meta 0,26 ; aéroréfrigérants secs 0 à 0,05, pads adiabatiques 0,1 à 0,4, tours de refroidissement 1,2 à 2,0. L'évacuation de la chaleur la fixe, pas l'approvisionnement : elle est déclarée atteinte ou non, et l'optimiseur ne la change pas.

field-targets-reliability_percentile = Niveau de fiabilité
    .help = Niveau, sur l'ensemble des années météo, auquel les objectifs de LOLE et d'EUE doivent être respectés : la LOLE et l'EUE attendues de chaque année météo, prises à ce percentile (P50 : l'année médiane ; P90 : toutes les années sauf le dixième le plus défavorable). Hypothèse : P50, car les études d'adéquation offre-demande rapportent l'espérance sur les années météo ; les prêteurs demandent souvent le P90.

field-optimizer-solar_mwdc = Solaire DC
    .help = Puissance DC solaire de l'ensemble des centrales, mise à l'échelle globalement (leurs parts restent celles du scénario). Libre : de 0 à 8 x la charge de pointe du site.
    .choice-Free = Libre
    .choice-Fixed = Fixe
    .choice-Between = Entre deux bornes

field-optimizer-solar_mwdc-min = Solaire DC min.
    .help = Valeur la plus basse que l'optimiseur peut choisir.

field-optimizer-solar_mwdc-max = Solaire DC max.
    .help = Valeur la plus haute que l'optimiseur peut choisir.

field-optimizer-wind_mw = Puissance éolienne
    .help = Puissance éolienne de l'ensemble des parcs, mise à l'échelle globalement et construite en éoliennes entières. Libre : de 0 à 4 x la charge de pointe du site.
    .choice-Free = Libre
    .choice-Fixed = Fixe
    .choice-Between = Entre deux bornes

field-optimizer-wind_mw-min = Puissance éolienne min.
    .help = Valeur la plus basse que l'optimiseur peut choisir.

field-optimizer-wind_mw-max = Puissance éolienne max.
    .help = Valeur la plus haute que l'optimiseur peut choisir.

field-optimizer-battery_energy_mwh = Énergie de la batterie
    .help = Énergie de la batterie. Libre : de 0 à 24 h de la charge de pointe du site.
    .choice-Free = Libre
    .choice-Fixed = Fixe
    .choice-Between = Entre deux bornes

field-optimizer-battery_energy_mwh-min = Énergie de la batterie min.
    .help = Valeur la plus basse que l'optimiseur peut choisir.

field-optimizer-battery_energy_mwh-max = Énergie de la batterie max.
    .help = Valeur la plus haute que l'optimiseur peut choisir.

field-optimizer-battery_power_mw = Puissance de la batterie
    .help = Puissance de la batterie (charge et décharge). Libre : de 0 à 1,5 x la charge de pointe du site.
    .choice-Free = Libre
    .choice-Fixed = Fixe
    .choice-Between = Entre deux bornes

field-optimizer-battery_power_mw-min = Puissance de la batterie min.
    .help = Valeur la plus basse que l'optimiseur peut choisir.

field-optimizer-battery_power_mw-max = Puissance de la batterie max.
    .help = Valeur la plus haute que l'optimiseur peut choisir.

field-optimizer-backup_mw = Puissance de secours
    .help = Puissance de secours, construite sous la forme du groupe appelé en premier dans l'ordre de préséance économique (les autres mis à zéro). Libre : ce que demandent l'objectif et la limite d'énergie non desservie ; elle découle toujours du reste du mix.
    .choice-Free = Libre
    .choice-Fixed = Fixe
    .choice-Between = Entre deux bornes

field-optimizer-backup_mw-min = Puissance de secours min.
    .help = Valeur la plus basse que l'optimiseur peut choisir.

field-optimizer-backup_mw-max = Puissance de secours max.
    .help = Valeur la plus haute que l'optimiseur peut choisir.

field-optimizer-max_solar_land_ha = Emprise solaire max.
    .help = Surface maximale que peuvent occuper les centrales solaires, selon l'emprise au sol par MWdc de chaque centrale ; plafonne la puissance solaire.

field-optimizer-pareto_from = Pareto depuis
    .help = Objectif le plus bas du front, de 0 à 100 %.

field-optimizer-pareto_to = Pareto jusqu'à
    .help = Objectif le plus haut du front, supérieur au plus bas, de 0 à 100 %. 100 % est souvent inatteignable ou très coûteux ; 99,9 % montre la tendance.

field-optimizer-pareto_points = Points de Pareto
    .help = Objectifs sur le front, de 2 à 200. Chacun correspond à une optimisation (quelques secondes chacune).

field-optimizer-sensitivities = Variantes de coûts
    .help = Variantes de coûts qu'une étude (`optimize --shard`) calcule en plus du cas de base : des multiplicateurs des coûts unitaires, pour voir comment évolue le mix de moindre coût.

field-optimizer-sensitivities-name = Nom de la variante
    .help = Nomme la variante dans les résultats de l'étude ; pas "base", le cas propre de l'étude.

field-optimizer-sensitivities-solar_capex_factor = Facteur de CAPEX solaire
    .help = Multiplie le CAPEX solaire (et donc son O&M fixe) ; 1 = comme dans les paramètres économiques.

field-optimizer-sensitivities-wind_capex_factor = Facteur de CAPEX éolien
    .help = Multiplie le CAPEX éolien ; 1 = comme dans les paramètres économiques.

field-optimizer-sensitivities-battery_capex_factor = Facteur de CAPEX batterie
    .help = Multiplie le CAPEX énergie et puissance de la batterie ; 1 = comme dans les paramètres économiques.

field-optimizer-sensitivities-backup_fuel_factor = Facteur de combustible de secours
    .help = Multiplie le coût du combustible des moyens de secours ; 1 = comme dans les paramètres économiques.

field-optimizer-sensitivities-flexible_share_frac = Part flexible
    .help = Calcul flexible dans ce cas : la part de l'énergie des groupes de baies flexibles qui peut se déplacer dans leurs fenêtres (tous les groupes, par jours locaux, quand aucun ne déclare de flexibilité). Des cas à 0, 10, 20 et 30 % font de la flexibilité une dimension de l'étude. Désactivé : comme le dit le scénario.

