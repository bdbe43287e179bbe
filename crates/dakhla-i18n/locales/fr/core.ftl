# dakhla-planner : catalogue français (messages the engine builds: file and parse errors, validation, migration notes).
# Mêmes messages et mêmes paramètres que locales/en/core.ftl (un test le vérifie).

## Caractères et tailles dans les messages (text.rs)
core-char-escape = échappement, ouvre les séquences de commande du terminal
core-char-carriage-return = retour chariot
core-char-line-end = fin de ligne
core-char-tab = tabulation
core-char-null = caractère nul
core-char-delete = caractère de suppression
core-char-direction = commande invisible du sens d'écriture
core-char-separator = séparateur de ligne ou de paragraphe
core-char-zero-width = caractère invisible de largeur nulle
core-char-not-text = pas un caractère de texte
core-char-control = caractère de commande
core-megabytes = { $size } Mo

## Fichiers lus et écrits (files.rs)
core-kind-folder = un dossier
core-kind-file = un fichier
core-kind-symlink = un lien symbolique
core-kind-block-device = un périphérique bloc
core-kind-char-device = un périphérique caractère
core-kind-named-pipe = un tube nommé
core-kind-socket = une socket
core-kind-not-regular = autre chose qu'un fichier ordinaire
core-kind-empty-pipe = un tube nommé dans lequel aucun programme n'a écrit
core-role-scenario = le scénario
core-role-weather-file = le fichier météo
core-role-shard = le fichier de fragment { $number } de cette fusion
core-output-empty-name = le nom de fichier est vide
core-output-ends-with-separator = il se termine par un séparateur de chemin et désigne donc un dossier ; indiquez un nom de fichier
core-output-read-only = il est en lecture seule (ses droits interdisent de l'écrire) ; rendez-le accessible en écriture ou indiquez un autre nom de fichier
core-output-is-folder = c'est un dossier, pas un fichier ; indiquez un nom de fichier (par exemple dans ce dossier)
core-output-not-regular = c'est { $kind } ; les sorties vont dans des fichiers ordinaires (ou vers un périphérique caractère comme /dev/null, ou un tube nommé qu'un programme lit)
core-output-no-file-name = il ne se termine pas par un nom de fichier
core-output-folder-is-not-folder = { $folder } est { $kind }, pas un dossier
core-output-folder-missing = le dossier { $folder } n'existe pas
core-output-pipe-without-reader = c'est un tube nommé qu'aucun programme ne lit ; lancez d'abord le lecteur
core-output-cannot-write = { $role } { $path } : impossible d'écrire à cet emplacement : { $error }
core-output-is-input = { $role } { $path } : c'est { $input } de cette exécution ; l'écrire le détruirait. Indiquez un autre nom de fichier
core-output-is-input-by-another-name = { $role } { $path } : c'est { $input } de cette exécution ({ $input_path } désigne le même fichier) ; l'écrire le détruirait. Indiquez un autre nom de fichier
core-output-twice = { $role } { $path } : { $other } { $other_path } écrit le même fichier ; donnez à chaque sortie son propre nom
core-input-not-a-file = c'est { $kind }, pas un fichier
core-input-too-large = il fait { $size }
core-input-empty-pipe = c'est un tube nommé dans lequel aucun programme n'a écrit
core-io-permission-denied = permission refusée
core-io-not-found = le dossier n'existe pas
core-io-disk-full = le disque est plein
core-io-read-only-disk = le disque est en lecture seule
core-io-quota = le quota disque est épuisé
core-io-not-a-directory = une partie du chemin est un fichier, pas un dossier
core-io-is-a-directory = c'est un dossier, pas un fichier
core-io-crosses-devices = le fichier est sur un autre disque que celui qu'indique son dossier
core-io-link-loop = il passe par une boucle de liens symboliques

## Lecture d'un fichier de scénario (scenario/io.rs)
core-cannot-read-file = { $file } : impossible de lire le fichier : { $error }
core-not-a-scenario-file = { $file } : c'est { $kind }, pas un fichier de scénario (.ron)
core-scenario-too-large = { $file } : le fichier fait { $size } ; un fichier de scénario fait quelques kilo-octets (au plus { $max } sont lus) : est-ce le bon fichier ?
core-not-utf8 = ce caractère n'est pas du texte UTF-8 ; un fichier de scénario est du texte brut : enregistrez-le en UTF-8
core-schema-newer = ce fichier utilise la version { $version } du schéma, mais ce programme lit les versions jusqu'à { $current } ; ouvrez-le avec une version plus récente de dakhla-planner
core-schema-unknown = la version du schéma doit être comprise entre 1 et { $current }, valeur : { $version }
core-file-empty = le fichier est vide ; un fichier de scénario commence par `(` et contient schema_version, site, weather, datacenter...
core-file-only-comments = le fichier ne contient que des commentaires ; un fichier de scénario commence par `(` et contient schema_version, site, weather, datacenter...
core-not-a-scenario = ce n'est pas un fichier de scénario ({ $why }) ; un fichier de scénario est un texte RON qui commence par `(` (après d'éventuels commentaires) et contient schema_version, site, weather, datacenter...
core-not-a-scenario-binary = il contient des données binaires
core-not-a-scenario-start = il ne commence pas par `(`
core-file-cut-off = le fichier se termine trop tôt ; il semble tronqué (une parenthèse ou un crochet n'est pas fermé)

## Erreurs de syntaxe et de type RON (scenario/io.rs, scenario/parse_errors.rs)
core-unknown-field-suggest = champ inconnu `{ $found }` ; vouliez-vous dire `{ $suggestion }` ? Champs autorisés ici : { $allowed }
core-unknown-field = champ inconnu `{ $found }` ; champs autorisés ici : { $allowed }
core-missing-field = le champ obligatoire `{ $field }` est absent ; ajoutez-le (`{ $field }: ...,`)
core-unknown-choice = `{ $found }` ne fait pas partie des choix autorisés : { $allowed }
core-duplicate-field = le champ `{ $field }` apparaît deux fois ; n'en gardez qu'un
core-eof = le fichier se termine trop tôt ; une parenthèse ou un crochet n'est probablement pas fermé
core-integer-out-of-bounds = doit être un nombre entier, positif ou nul et d'une taille raisonnable
core-expected-integer = nombre entier attendu ici (sans point décimal)
core-expected-number = nombre attendu ici
core-expected-string = texte entre guillemets droits attendu ici
core-expected-bool = true ou false attendu ici
core-expected-comma = virgule attendue entre deux entrées (ou un crochet fermant)
core-expected-option = Some(valeur) ou None attendu ici
core-trailing-text = texte inattendu après la fin du scénario (il se termine par la `)` qui ferme sa première `(`) ; supprimez-le ou déplacez-le à l'intérieur
core-struct-name = `(` attendue ici, trouvé `{ $found }` : un bloc de champs commence par `(`, sans nom devant
core-expected-colon = deux-points attendus entre le nom du champ et sa valeur (`nom: valeur`)
core-expected-block = `(` attendue ici : les champs de cette entrée se placent entre parenthèses, `(nom: valeur, ...)`
core-expected-block-end = `)` attendue ici pour fermer le bloc (ou une virgule avant l'entrée suivante)
core-expected-list = liste entre crochets attendue ici, `[..., ...]`
core-expected-list-end = `]` attendu ici pour fermer la liste (ou une virgule avant l'entrée suivante)
core-expected-name = nom attendu ici
core-expected-field-name = nom de champ attendu ici, trouvé { $got }
core-string-not-closed = ce texte entre guillemets n'est pas fermé ; ajoutez le " fermant
core-comment-not-closed = un commentaire ouvert par /* n'est pas fermé par */
core-unexpected-char = caractère inattendu `{ $char }` ici
core-invalid-value = { $expected } attendu ici, trouvé { $got }
core-wrong-length = { $expected } attendu ici, { $count } valeur(s) trouvée(s)
core-nesting = les crochets et parenthèses sont imbriqués sur plus de { $max } niveaux ici ; un scénario s'imbrique sur environ 6 niveaux : un crochet n'est probablement pas fermé, ou ce n'est pas un fichier de scénario
core-got-nothing-before = rien avant `{ $token }` (la valeur manque)
core-quoted-bool = true ou false attendu ici, trouvé { $got } : écrivez-le sans guillemets
core-quoted-integer = nombre entier attendu ici, trouvé { $got } : écrivez-le sans guillemets
core-quoted-number = nombre attendu ici, trouvé { $got } : écrivez-le sans guillemets
core-plain-got = { $message }, trouvé { $got }
core-negative-integer = doit être un nombre entier positif ou nul, trouvé { $got }
core-integer-too-large = { $got } est trop grand pour ce nombre entier
core-quoted-name = nom sans guillemets attendu ici : écrivez { $name } au lieu de { $got }
core-expected-name-got = nom attendu ici (un nom de champ, ou un choix comme GasTurbine), trouvé { $got }
core-thousands-separator = { $written } n'est pas un nombre : écrivez les nombres sans séparateur de milliers et avec un point décimal (1600.5, et non 1,600.5 ni 1600,5)
core-expected-field-name-number = nom de champ attendu ici, trouvé { $got } ; les nombres s'écrivent sans séparateur de milliers et avec un point décimal (1600.5, et non 1,600.5 ni 1600,5)
core-scenario-field-inside = champ inconnu `{ $name }` dans { $parent } ; `{ $name }` appartient au scénario lui-même : le bloc avant cette ligne n'est probablement pas fermé (il manque une `)` ou un `]`)
core-string-runs-on = le texte entre guillemets qui commence ici n'est pas fermé : il manque son " fermant (le texte se poursuit jusqu'à la ligne { $line })
core-decimal-for-integer = nombre entier attendu ici (sans point décimal), trouvé { $got }
core-not-a-number = { $got } n'est pas un nombre
core-comma-missing-before = il manque une virgule à la fin de cette ligne, avant `{ $name }` (chaque entrée se termine par une virgule)
core-unit-after-number = virgule attendue après le nombre, trouvé { $got } ; écrivez le nombre seul (l'unité figure dans le nom du champ)
core-expected-comma-got = virgule attendue entre deux entrées (ou un crochet fermant) ici, trouvé { $got }

## Validation : valeurs inutilisables, et avertissements (scenario/validate.rs)
core-must-be-between = doit être compris entre { $min } et { $max } ({ $allowed }), valeur : { $got }
core-must-be-at-least = doit être supérieur ou égal à { $min } ({ $allowed }), valeur : { $got }
core-must-be-above = doit être strictement supérieur à { $min } et au plus égal à { $max } ({ $allowed }), valeur : { $got }
core-got-nan = NaN (pas un nombre)
core-got-infinite = infinie
core-needs-name = { $thing } doit avoir un nom ; il est vide
core-text-too-long = { $what } compte { $length } caractères ; { $max } au plus
core-name-unsafe-char = { $what } contient le caractère { $char } ; supprimez-le (un nom tient sur une seule ligne)
core-text-unsafe-char = { $what } contient le caractère { $char } ; supprimez-le
core-list-too-long = { $max } { $what } au plus, il y en a { $count } ; une partie du fichier est-elle répétée par erreur ?
core-name-taken = le nom "{ $name }" est déjà utilisé plus haut dans { $list } ; les noms doivent être différents
core-thing-site = le site
    .name = le nom du site
core-thing-rack-group = un groupe de baies
    .name = le nom d'un groupe de baies
core-thing-solar-plant = une centrale solaire
    .name = le nom d'une centrale solaire
core-thing-wind-farm = un parc éolien
    .name = le nom d'un parc éolien
core-thing-custom-turbine = une éolienne personnalisée
    .name = le nom d'une éolienne personnalisée
core-thing-backup-unit = un moyen de secours
    .name = le nom d'un moyen de secours
core-thing-cost-case = un cas de coûts
    .name = le nom d'un cas de coûts
core-text-scenario-name = le nom du scénario
core-text-author = l'auteur
core-text-team = l'équipe
core-text-description = la description
core-text-notes = les notes
core-text-weather-path = le chemin du fichier météo
core-list-rack-groups = groupes de baies
core-list-solar-plants = centrales solaires
core-list-wind-farms = parcs éoliens
core-list-curve-points = points dans une courbe de puissance
core-list-backup-units = moyens de secours
core-list-sensitivity-cases = cas de sensibilité
core-weather-sha-differs = le fichier météo { $path } n'est pas celui avec lequel ce scénario a été établi (son SHA-256 diffère de celui enregistré, { $sha }...) ; les résultats différeront de ceux de l'équipe d'origine
core-synthetic-far-from-dakhla = le climat intégré est celui de Dakhla, mais le site en est éloigné de plus de 3 degrés ; utilisez un fichier météo (Epw) pour ce site
core-battery-no-power = la batterie a une énergie ({ $energy } MWh) mais aucune puissance : elle ne se charge ni ne se décharge jamais ; elle n'est ni construite ni payée
core-battery-no-energy = la batterie a une puissance ({ $power } MW) mais aucune énergie : elle ne se charge ni ne se décharge jamais ; elle n'est ni construite ni payée
core-battery-hours = { $energy } MWh pour { $power } MW, soit { $hours } heures de stockage ; les batteries stockent de 1 à 8 heures (le stockage de longue durée jusqu'à quelques centaines) : vérifiez les deux valeurs
core-no-load = le datacenter ne consomme (presque) aucune puissance : pas de baies, aucune en service, ou des profils nuls ; il n'y a aucune charge à alimenter et rien à dimensionner
core-shear-extrapolation = la loi de puissance multiplie le vent mesuré par { $factor } de { $measured } m jusqu'au moyeu à { $hub } m (exposant { $exponent }) ; les extrapolations au-delà d'environ { $limit }x ne sont pas fiables : vérifiez measurement_height_m et shear_exponent
core-online-after-year-last-hours = "{ $name }" entre en service en { $month }, après l'année simulée { $year } : il ne consomme de la puissance que sur les dernières heures de la simulation ({ $hours } h), déjà en { $month } en heure locale (simulez une année plus tardive pour le voir)
core-online-after-year = "{ $name }" entre en service en { $month }, après l'année simulée { $year } : il ne consomme rien dans cette simulation (simulez une année plus tardive pour le voir)
core-synthetic-year-differs = l'année de la météo synthétique est { $weather_year }, mais simulation.year vaut { $year } ; c'est l'année de la météo qui fixe l'axe du temps
core-calendar-year = doit être une année civile comprise entre 1900 et 2200, valeur : { $got }
core-sha256-format = doit être le SHA-256 du fichier, 64 chiffres hexadécimaux (l'interface graphique l'enregistre ; `sha256sum` l'affiche), valeur : "{ $got }" ; ou supprimez-le
core-weather-path-empty = indiquez le fichier météo (.epw ou .csv, chemin relatif au fichier de scénario)
core-weather-path-not-a-file = { $path } est { $kind }, pas un fichier météo (.epw ou .csv)
core-weather-file-missing = le fichier météo { $path } n'existe pas (les chemins sont relatifs au dossier du fichier de scénario)
core-weather-file-unreachable = le fichier météo { $path } est inaccessible : { $error }
core-timestep = doit valoir l'une des durées { $allowed } minutes, valeur : { $got }
core-flexibility-window = doit valoir l'une des durées { $allowed } heures (le jour local, deux jours ou une semaine), valeur : { $got }
core-forecast-horizon = doit être compris entre 1 et { $max } heures (une semaine), valeur : { $got }
core-racks-implausible = { $count } baies dans un seul groupe, ce n'est pas plausible ; { $max } au plus
core-utilization-too-small = doit valoir 0 (baies hors service) ou être compris entre { $min } et 1 (fraction de la puissance de dimensionnement de la baie), valeur : { $got }
core-month = doit être un mois de 1 à 12 (janvier = 1), valeur : { $got }
core-online-year = doit être une année civile comme 2027 (1900 à 2200), valeur : { $got }
core-export-not-grid = seule une liaison au réseau (type GridImport) exporte l'excédent ; un { $kind } ne peut pas exporter { $got } MW : mettez 0
core-hourly-profile-length = un profil horaire demande { $needed } facteurs (heures 0 à 23), il y en a { $got }
core-hourly-factor-too-high = heure { $hour } : facteur { $factor } x taux d'utilisation { $utilization } = { $product }, au-delà de la puissance de dimensionnement de la baie ; les facteurs doivent valoir au plus 1/taux d'utilisation = { $most }
core-mechanical-below-free-cooling = doit être au moins égal à free_cooling_below_c ({ $free } C), valeur : { $got } C
core-cop-min-above-rated = ne doit pas dépasser chiller_cop_rated
core-pue-too-high-when-hot = ces valeurs donnent un PUE de { $pue } à { $hot } C (groupe froid à son COP le plus bas), au-delà des { $max } permis pour un PUE fixe : augmentez chiller_cop_min ou réduisez les fractions des ventilateurs et des pertes
core-turbine-not-in-library = aucune éolienne nommée "{ $name }" dans la bibliothèque ; choisissez l'une de : { $names }
core-curve-above-rating = la courbe atteint { $peak } kW, plus que la puissance nominale de { $rated } kW
core-curve-above-betz = { $power } kW à { $speed } m/s, c'est plus que ce que contient le vent qui traverse un rotor de { $diameter } m ({ $limit } kW à la limite de Betz, 59 % de la puissance du vent) : vérifiez le diamètre du rotor et la courbe
core-curve-late-rating = la courbe n'atteint pas 90 % de la puissance nominale de { $rated } kW avant { $speed } m/s ; les éoliennes atteignent leur puissance nominale vers 10 à 15 m/s et s'arrêtent vers 25 m/s
core-curve-below-rating = la courbe n'atteint jamais la puissance nominale de { $rated } kW (son point le plus haut est à { $peak } kW) : donnez la courbe de cette éolienne, ou sa puissance nominale
core-turbines-implausible = { $count } éoliennes dans un seul parc, ce n'est pas plausible ; { $max } au plus
core-soc-window = doit dépasser soc_min_frac ({ $min }) d'au moins { $window }, valeur : { $got } (la batterie fonctionne entre les deux ; typiquement de 0,05 à 0,95)
core-initial-soc = doit être compris entre soc_min_frac ({ $min }) et soc_max_frac ({ $max }), valeur : { $got }
core-unit-count = doit être compris entre 1 et { $max } (groupes identiques qui se partagent la puissance), valeur : { $got }
core-carbon-free-emits = un groupe dont toute la production est décarbonée n'émet pas de CO2, mais emission_factor_t_per_mwh_th vaut { $factor } : accordez l'un des deux avec l'autre
core-analysis-years = doit être compris entre 1 et 100 ans, valeur : { $got }
core-bounds-reversed = la borne inférieure ({ $min }) dépasse la borne supérieure ({ $max }) { $unit }
core-bound-above-what-fits = { $min } { $unit }, c'est plus que le scénario ne peut contenir ({ $most } { $unit } : { $why }) ; réduisez cette valeur
core-most-solar = 100 000 MWdc par centrale solaire
core-most-wind = 20 000 éoliennes par parc éolien
core-most-battery = 1 000 000 MWh de batterie
core-most-unit = 100 000 MW par groupe
core-wind-no-whole-turbines = aucun nombre entier d'éoliennes de { $rating } MW ne donne entre { $min } et { $max } MW ({ $below } ou { $above } MW sont les plus proches) : élargissez l'intervalle
core-solar-land-too-small = { $land } ha, c'est moins que les { $needed } ha qu'occupe le solaire minimal que l'optimiseur peut construire ({ $solar } MWdc, optimizer.solar_mwdc) : augmentez cette surface ou réduisez le solaire
core-pareto-span = doit dépasser pareto_from ({ $from }) d'au moins { $span }, valeur : { $got }
core-pareto-points = doit être compris entre 2 et 200 points, valeur : { $got }
core-case-needs-name = doit avoir un nom (il désigne les résultats)
core-case-base-name = "{ $name }" est le nom du cas propre à l'étude (les coûts du scénario inchangés) ; donnez un autre nom à ce cas

## Ce qu'autorise un champ numérique, entre parenthèses dans les messages de validation (mots du
## registre des champs, scenario/fields.rs).
core-allowed-degrees-north-positive = degrés, positif vers le nord
core-allowed-degrees-east-positive-dakhla-is-about-15-9 = degrés, positif vers l'est ; Dakhla : environ -15,9
core-allowed-metres-above-sea-level = mètres au-dessus du niveau de la mer
core-allowed-hours-from-utc = heures de décalage par rapport à UTC
core-allowed-hours-from-utc-during-ramadan = heures de décalage par rapport à UTC pendant le ramadan
core-allowed-mw = MW
core-allowed-kw-per-rack-air-cooled-8-15-liquid-cooled-ai-about-120 = kW par baie ; refroidie par air 8 à 15, IA à refroidissement liquide environ 120
core-allowed-fraction-of-the-rack-s-design-power-0-to-1 = fraction de la puissance de dimensionnement de la baie, de 0 à 1
core-allowed-fraction-of-the-group-s-it-energy-0-to-1 = fraction de l'énergie IT du groupe, de 0 à 1
core-allowed-fraction-of-the-flexible-groups-it-energy-0-to-1 = fraction de l'énergie IT des groupes flexibles, de 0 à 1
core-allowed-fraction-of-the-group-s-design-power-per-hour-above-0-and-at-most-1 = fraction de la puissance de dimensionnement du groupe par heure, au-dessus de 0 et au plus 1
core-allowed-factor-multiplying-the-utilization = facteur appliqué au taux d'utilisation
core-allowed-pue-1-0-is-no-overhead = PUE, 1,0 signifie aucune consommation annexe
core-allowed-c = C
core-allowed-fraction-of-it-power = fraction de la puissance IT
core-allowed-coefficient-of-performance-air-cooled-chillers-about-3-5 = coefficient de performance ; groupes froids à air environ 3 à 5
core-allowed-cop-lost-per-degree-c = COP perdu par degré C
core-allowed-coefficient-of-performance-on-the-hottest-hours-about-2 = coefficient de performance aux heures les plus chaudes ; environ 2
core-allowed-fraction-eco-mode-0-98-0-99 = fraction ; mode éco 0,98 à 0,99
core-allowed-outdoor-design-temperature-in-c = température extérieure de dimensionnement en C
core-allowed-mwdc = MWdc
core-allowed-dc-over-ac-rating-1-1-1-5-typical = puissance DC sur puissance AC ; typiquement 1,1 à 1,5
core-allowed-degrees-from-horizontal = degrés par rapport à l'horizontale
core-allowed-degrees-180-facing-south = degrés, 180 = orienté plein sud
core-allowed-ground-coverage-ratio-0-3-0-5-typical-0-for-a-single-row = taux d'occupation du sol ; typiquement 0,3 à 0,5, 0 pour une rangée unique
core-allowed-degrees-45-60-typical = degrés ; typiquement 45 à 60
core-allowed-ground-coverage-ratio-0-3-0-5-typical = taux d'occupation du sol ; typiquement 0,3 à 0,5
core-allowed-percent-pvwatts-default-14-08 = pour cent ; valeur par défaut de PVWatts 14,08
core-allowed-per-degree-c-about-0-0037-for-crystalline-silicon = par degré C ; environ -0,0037 pour le silicium cristallin
core-allowed-percent-96-99-typical = pour cent ; typiquement 96 à 99
core-allowed-ground-reflectance-sand-0-25-0-4 = réflectance du sol ; sable 0,25 à 0,4
core-allowed-percent-per-year-0-5-typical = pour cent par an ; typiquement 0,5
core-allowed-hectares-per-mwdc-1-5-3-typical = hectares par MWdc ; typiquement 1,5 à 3
core-allowed-mw-of-ac-per-inverter = MW AC par onduleur
core-allowed-mw-of-surplus-the-link-may-export = MW d'excédent que la liaison peut exporter
core-allowed-per-mwh-exported = ¤ par MWh exporté
core-allowed-fraction-of-time-on-forced-outage = fraction du temps en indisponibilité fortuite
core-allowed-hours = heures
core-allowed-kw-utility-turbines-2-000-15-000 = kW ; éoliennes de grande puissance 2 000 à 15 000
core-allowed-m = m
core-allowed-metres-100-170-for-modern-turbines = mètres ; 100 à 170 pour les éoliennes modernes
core-allowed-metres-10-for-epw-and-the-built-in-climate = mètres ; 10 pour les fichiers EPW et le climat intégré
core-allowed-power-law-exponent-0-10-0-14-over-open-coastal-desert = exposant de la loi de puissance ; 0,10 à 0,14 sur un désert côtier dégagé
core-allowed-percent-10-20-typical = pour cent ; typiquement 10 à 20
core-allowed-mwh = MWh
core-allowed-fraction-lfp-about-0-845-hydrogen-about-0-35 = fraction ; LFP environ 0,845, hydrogène environ 0,35
core-allowed-fraction-of-energy-mwh = fraction de energy_mwh
core-allowed-fraction-of-stored-energy-per-day-lfp-about-0-0005 = fraction de l'énergie stockée par jour ; LFP environ 0,0005
core-allowed-percent-of-capacity-per-year-lfp-about-2 = pour cent de la capacité par an ; LFP environ 2
core-allowed-mw-per-power-conversion-block = MW par bloc de conversion de puissance
core-allowed-electric-output-over-fuel-heat-ocgt-0-405-diesel-0-35-grid-1-0 = production électrique sur chaleur du combustible ; TAC 0,405, diesel 0,35, réseau 1,0
core-allowed-per-mwh-of-fuel-heat = ¤ par MWh de chaleur du combustible
core-allowed-per-mwh = ¤ par MWh
core-allowed-per-mwh-imported = ¤ par MWh importé
core-allowed-t-co2-per-mwh-of-fuel-heat-gas-0-202-diesel-0-267 = t CO2 par MWh de chaleur du combustible ; gaz 0,202, diesel 0,267
core-allowed-fraction = fraction
core-allowed-probability-that-a-start-fails = probabilité d'échec d'un démarrage
core-allowed-fraction-per-year-0-05-0-10-typical = fraction par an ; typiquement 0,05 à 0,10
core-allowed-per-kw = ¤ par kW
core-allowed-euros-per-us-dollar = euros pour un dollar US
core-allowed-dirhams-per-us-dollar = dirhams pour un dollar US
core-allowed-percent-of-capex-per-year = pour cent du CAPEX par an
core-allowed-years-20-30-for-plants-15-for-batteries = années ; 20 à 30 pour les centrales, 15 pour les batteries
core-allowed-per-kwh = ¤ par kWh
core-allowed-years-about-15-for-lfp = années ; environ 15 pour le LFP
core-allowed-per-tonne-co2 = ¤ par tonne de CO2
core-allowed-kwh-per-m = kWh par m³
core-allowed-m-per-day-0-to-size-it-to-the-peak-day = m³ par jour, 0 pour la dimensionner sur le jour de pointe
core-allowed-m-per-year = m³ par an
core-allowed-per-m = ¤ par m³
core-allowed-fraction-0-to-1 = fraction de 0 à 1
core-allowed-mwh-per-year = MWh par an
core-allowed-h-per-year = h par an
core-allowed-fraction-0-5-to-1 = fraction de 0,5 à 1
core-allowed-hectares = hectares
core-allowed-multiplier-1-unchanged = multiplicateur, 1 = inchangé
core-allowed-a-number = un nombre
core-allowed-k = K
core-allowed-at-least-1-5 = au moins 1,5
core-allowed-fraction-of-the-circulating-water = fraction de l'eau en circulation
core-allowed-l-per-kwh-of-it-energy = L par kWh d'énergie IT

## Surcharges --set chemin=valeur (scenario/overrides.rs)
core-set-not-a-path = `{ $path }` n'est pas un chemin de champ (p. ex. { $example })
core-set-unclosed-bracket = `{ $path }` : un `[` sans son `]`
core-set-not-a-position = `{ $path }` : `[{ $index }]` n'est pas une position dans une liste
core-set-path-too-deep = `{ $path }` compte plus de { $max } parties ; un chemin de champ n'a que quelques noms (p. ex. wind_farms[0].turbine.rated_kw)
core-set-twice = --set { $assignment } : { $path } est aussi fixé par --set { $other } ; fixez chaque champ une seule fois
core-set-invalid-value = --set { $assignment } : { $path } : { $value } n'est pas une valeur valable ici : { $reason }
core-set-field-problem = --set { $assignment } : { $path } : { $problem }
core-set-problem = --set { $assignment } : { $problem }
core-set-after-overrides = { $path } : { $problem } (après application des --set)
core-set-too-long = --set { $assignment } : l'affectation fait { $length } octets ; une surcharge est un chemin=valeur comme battery.energy_mwh=4000, de { $max } octets au plus
core-set-no-equals = --set { $assignment } : chemin=valeur attendu, p. ex. battery.energy_mwh=4000
core-set-schema-version = ne peut pas être modifié : il indique le format dans lequel le fichier est écrit, ce n'est pas une donnée de planification (`dakhla-planner migrate FILE` met un fichier à la version actuelle)
core-set-no-fields = `{ $path }` n'a pas de champs
core-set-optional-unset = `{ $field }` n'est pas défini ici, il n'a donc pas de partie à modifier : définissez-le entier, comme { $path }={ $example }
core-set-unknown-field = champ inconnu `{ $found }` ; champs autorisés ici : { $allowed }
core-set-unknown-field-alone = champ inconnu `{ $found }`
core-set-not-a-list = `{ $path }` n'est pas une liste
core-set-no-such-position = `{ $path }` compte { $count } { $count ->
        [one] entrée
       *[other] entrées
    } ; les positions commencent à 0
core-set-value-too-deep = les crochets de la valeur sont imbriqués sur plus de { $max } niveaux ; les valeurs d'un scénario n'ont que quelques niveaux

## Migration des fichiers de scénario plus anciens (scenario/migrate.rs)
core-migration-summary = écrit dans la version { $from } du schéma et mis à jour vers la version { $to } à l'ouverture ({ $changes } { $changes ->
        [one] modification
       *[other] modifications
    }) ; l'enregistrement écrit la version { $to }
core-migration-cannot-write = impossible d'écrire le scénario migré : { $error }
core-migration-1-to-2 = la version 1 du schéma est devenue la 2 : les groupes de baies entrent désormais en service lors d'un mois calendaire (année et mois) et non plus d'un mois de l'année simulée, pour qu'un déploiement puisse s'étaler sur plusieurs années ; les résultats sont inchangés
core-migration-online-month = { $old } est devenu `online_from: Some((year: { $year }, month: { $month }))`, ce mois de l'année simulée { $simulated }
core-migration-online-whole-year = { $old } est devenu `online_from: None` (en service toute l'année)
core-migration-2-to-3 = la version 2 du schéma est devenue la { $to } : les moyens de secours, les éoliennes, les onduleurs et les blocs de conversion de la batterie ont reçu des données de défaillance pour les calculs de fiabilité (les valeurs par défaut de leur type, écrites dans le fichier ; leurs sources : `dakhla-planner describe fields`) ; les résultats de simulation et d'optimisation sont inchangés
core-migration-grid-link = une seule unité (la liaison)
core-migration-units = { $count } { $count ->
        [one] groupe
       *[other] groupes
    } de { $size } MW (une taille typique supposée ; mettez unit_count à la valeur de votre conception)
core-migration-backup = { $capacity } MW sont devenus { $split }, taux d'indisponibilité fortuite { $outage } %, durée de réparation { $repair } h, échec au démarrage { $start } %
core-migration-turbines = ses éoliennes ont reçu un taux d'indisponibilité fortuite de { $outage } % et une durée de réparation de { $repair } h
core-migration-inverters = ses onduleurs ont reçu une taille de { $size } MW, un taux d'indisponibilité fortuite de { $outage } % et une durée de réparation de { $repair } h
core-migration-battery = sa conversion de puissance a reçu des blocs de { $size } MW, un taux d'indisponibilité fortuite de { $outage } % et une durée de réparation de { $repair } h

# Words in KPI units (symbols such as GWh or MAD stay as they are).
core-unit-racks = baies
core-unit-cycles = cycles
core-unit-per-year = /an
core-unit-per-day = /jour
