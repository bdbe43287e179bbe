# dakhla-planner : les indicateurs (KPI) du registre des indicateurs, en français.
# Traduit locales/en/kpis.ftl : chaque message et chaque attribut, dans le même ordre.
# Le fichier anglais est écrit à partir de crates/dakhla-core/src/sim/kpi_registry.rs ; un test vérifie que les deux langues ont les mêmes messages.

kpi-section-datacenter = Centre de données
kpi-section-energy = Énergie
kpi-section-cost_and_carbon = Coût et carbone

kpi-racks_total = Baies prévues
    .help = Baies de tous les groupes en service pendant l'année simulée.

kpi-racks_fit_under_cap = Baies tenant sous le plafond
    .help = Baies dont la puissance du site au jour de dimensionnement (puissance nominale × PUE de dimensionnement) tient sous le plafond de puissance du site, les groupes étant pris dans l'ordre.

kpi-peak_it_mw = Puissance IT de pointe
    .help = Puissance IT horaire la plus élevée de l'année.

kpi-facility_power_cap_mw = Plafond de puissance du site
    .help = Limite de puissance du site imposée par le réseau ou la conception du campus (datacenter.facility_power_cap_mw).

kpi-peak_facility_mw = Puissance de pointe du site
    .help = Puissance horaire du site la plus élevée de l'année (IT × PUE).

kpi-pue_design = PUE à la température de dimensionnement
    .help = PUE à la température du jour de dimensionnement, utilisé pour vérifier que les baies tiennent sous le plafond de puissance du site.

kpi-pue_mean = PUE, moyenne pondérée par l'énergie
    .help = Énergie du site divisée par l'énergie IT sur l'année (le PUE annuel de The Green Grid).

kpi-pue_peak = PUE, heure la plus élevée
    .help = Le PUE horaire le plus élevé de l'année, aux heures les plus chaudes.

kpi-it_energy_mwh = Énergie IT
    .help = Énergie consommée par les équipements informatiques sur l'année : baies en service × kW par baie × taux d'utilisation, heure par heure.

kpi-facility_energy_mwh = Énergie du site
    .help = Énergie consommée par l'ensemble du campus (IT × PUE, heure par heure, et l'électricité de l'usine de dessalement du campus) : la charge que l'approvisionnement doit desservir.

kpi-solar_energy_mwh = Solaire disponible
    .help = Énergie AC que les centrales solaires pourraient fournir sur l'année, avant écrêtement.

kpi-wind_energy_mwh = Éolien disponible
    .help = Énergie nette que les parcs éoliens pourraient fournir sur l'année (après pertes de sillage et autres pertes), avant écrêtement.

kpi-solar_capacity_factor_dc = Facteur de charge solaire (DC)
    .help = Énergie solaire disponible divisée par la puissance nominale DC × le nombre d'heures de l'année.

kpi-solar_capacity_factor_ac = Facteur de charge solaire (AC)
    .help = Énergie solaire disponible divisée par la puissance nominale AC × le nombre d'heures de l'année.

kpi-wind_capacity_factor = Facteur de charge éolien (net)
    .help = Énergie éolienne nette divisée par la puissance nominale × le nombre d'heures de l'année.

kpi-curtailed_energy_mwh = Énergie écrêtée
    .help = Énergie solaire et éolienne disponible mais ni consommée ni stockée.

kpi-exported_energy_mwh = Énergie exportée
    .help = Excédent solaire et éolien vendu par une liaison au réseau (moyens de secours dotés d'une capacité d'export) au lieu d'être écrêté.

kpi-battery_charge_mwh = Énergie chargée dans la batterie
    .help = Énergie injectée dans la batterie sur l'année (avant pertes).

kpi-battery_discharge_mwh = Énergie déchargée de la batterie
    .help = Énergie que la batterie a fournie au campus sur l'année.

kpi-battery_cycles = Cycles complets de la batterie
    .help = Énergie déchargée divisée par la capacité utile : cycles complets équivalents sur l'année.

kpi-backup_energy_mwh = Énergie de secours
    .help = Énergie fournie par les moyens de secours (turbines à combustion, groupes électrogènes, liaison au réseau) sur l'année.

kpi-peak_backup_mw = Puissance de secours de pointe
    .help = Puissance de secours horaire la plus élevée de l'année.

kpi-unmet_energy_mwh = Énergie non desservie
    .help = Énergie du site que ni les renouvelables, ni la batterie, ni les moyens de secours n'ont pu desservir.

kpi-loss_of_load_hours = Heures de défaillance
    .help = Heures de l'année pendant lesquelles une partie de la charge du site n'a pas été desservie.

kpi-renewable_fraction = Taux de renouvelable
    .help = Part de l'énergie du site desservie par le solaire et l'éolien, directement ou via la batterie, sur l'année.

kpi-cfe_score = Score CFE 24/7
    .help = Part de l'énergie du site couverte heure par heure par un approvisionnement décarboné (méthode 24/7 CFE de Google) : la part décarbonée des moyens de secours compte, et l'excédent d'une heure ne compense jamais une autre heure.

kpi-capex_usd = CAPEX
    .help = Coût d'investissement overnight (hors frais financiers) de l'approvisionnement : solaire, éolien, batterie et moyens de secours.

kpi-opex_usd_per_year = OPEX
    .help = Exploitation et maintenance fixes et variables, plus le combustible, l'énergie achetée au réseau et l'eau, moins les recettes d'export, pour l'année simulée.

kpi-annualized_cost_usd = Coût annualisé
    .help = CAPEX réparti sur la durée de vie de chaque actif au taux d'actualisation (facteur de recouvrement du capital), plus l'OPEX, moins les recettes d'export : ce que l'optimiseur minimise.

kpi-export_revenue_usd_per_year = Recettes d'export
    .help = Excédent exporté multiplié par son prix d'export, pour l'année simulée ; déduites du coût annualisé et du LCOE.

kpi-net_present_cost_usd = Coût actualisé net
    .help = Coût annualisé actualisé sur la durée du projet : ce que coûte l'approvisionnement sur sa durée de vie, en valeur d'aujourd'hui.

kpi-lcoe_usd_per_mwh = Coût par MWh desservi (LCOE)
    .help = Coût annualisé divisé par l'énergie du site desservie.

kpi-co2_tonnes = CO2 émis
    .help = CO2 issu du combustible des moyens de secours et de la part carbonée des importations depuis le réseau sur l'année.

kpi-co2_intensity_kg_per_mwh = CO2 par MWh desservi
    .help = CO2 émis divisé par l'énergie du site desservie.

kpi-solar_land_ha = Emprise au sol solaire
    .help = Surface occupée par les centrales solaires (puissance DC × emprise au sol par MWdc).

kpi-flexible_energy_shifted_mwh = Énergie flexible reportée
    .help = Énergie IT des groupes de baies flexibles exécutée à une autre heure de sa fenêtre que prévu, pour suivre le soleil et le vent (l'énergie de la fenêtre ne change pas).

kpi-flexible_shift_mean_h = Report moyen
    .help = Distance moyenne, pondérée par l'énergie, dont l'énergie flexible reportée s'est déplacée (plus tôt ou plus tard).

kpi-flexible_shift_max_h = Plus grand report
    .help = La plus longue durée dont une énergie flexible s'est éloignée de son heure prévue.

kpi-water_m3 = Eau
    .help = Eau que l'évacuation de la chaleur prélève sur l'année : évaporation, purge et primage des tours de refroidissement, ou ce que les pads adiabatiques évaporent et purgent (rien avec des aéroréfrigérants secs ou l'eau de mer). À Dakhla, elle est dessalée.

kpi-wue_l_per_kwh = WUE
    .help = Efficacité d'utilisation de l'eau : eau du site sur énergie IT (The Green Grid, livre blanc 35). Aéroréfrigérants secs 0 à 0,05, assistance adiabatique 0,10 à 0,40, tours évaporatives 1,2 à 2,0 L/kWh.

kpi-peak_water_m3_per_day = Eau, jour de pointe
    .help = Le plus d'eau prélevé en un jour local de l'année : ce que l'approvisionnement en eau (la part d'une usine de dessalement) doit fournir le jour le plus chaud.

kpi-desalination_energy_mwh = Énergie du dessalement
    .help = Électricité que l'usine de dessalement propre du campus consomme pour produire l'eau (les kWh par m³ de l'approvisionnement) : comprise dans l'énergie du site, pas dans le PUE. Nulle pour l'eau achetée.

kpi-water_cost_usd_per_year = Coût de l'eau
    .help = L'eau de l'année à economics.water_per_m3 : comprise dans l'OPEX et le coût annualisé, pas dans le LCOE, qui est un prix de l'énergie.
