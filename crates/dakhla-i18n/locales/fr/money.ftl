# dakhla-planner : catalogue français des devises, taux de change et jeux de coûts.
# Mêmes messages et mêmes paramètres que locales/en/money.ftl (un test le vérifie).

money-converted = coûts convertis de { $from } en { $to } à { $rate } { $to } pour 1 { $from } (taux de change du { $as_of }, { $source }) : { $count } valeurs
money-basis-applied = jeu de coûts { $basis } appliqué : { $count } valeurs, en { $currency }
money-unchanged = coûts déjà en { $currency } : rien à convertir
money-in-currency = Montants en { $currency } ({ $rate } { $currency }/USD, { $as_of }) ; le JSON garde les dollars US.
money-rates-line = { $rate } { $currency } pour 1 USD, { $as_of }
money-written = { $file } : coûts modifiés, fichier écrit avec ses commentaires
money-section = Devise et jeu de coûts
money-edited-figures = { $count ->
    [one] 1 valeur diffère du jeu de coûts (modifiée à la main).
   *[other] { $count } valeurs diffèrent du jeu de coûts (modifiées à la main).
}
money-set-usd-name = les coûts de ce scénario sont en { $currency }, et `{ $old }` est le nom en dollars US du schéma 3 : réglez `{ $new }` en { $currency }
money-migration-3-to-4 = le schéma 3 est devenu le { $to } : les coûts sont dans la devise déclarée du scénario, `economics.currency: USD` pour ce fichier (aux taux de change du { $as_of }), et les champs de coûts ont perdu `usd` de leur nom (`capex_usd_per_kw` devient `capex_per_kw`, …) ; { $basis } ; les résultats ne changent pas
money-migration-basis-atb = ses valeurs sont celles du jeu NREL ATB 2024, d'où `cost_basis: NrelAtb2024`
money-migration-basis-custom = { $count } de ses valeurs diffèrent du jeu NREL ATB 2024, d'où `cost_basis: Custom`
money-bad-date = doit être une date écrite AAAA-MM-JJ (le jour où les taux ont été relevés), reçu « { $got } »
money-source-what = la source des taux de change
money-scale-bn = Md
money-costs-after-first-run = Coûts : affichés après le premier calcul valide.
money-col-item = Poste
money-col-size = Taille
money-col-capex = Investissement
money-col-per-year = Par an
money-col-technology = Technologie
money-col-fixed-om = E&M fixes
money-col-lifetime = Durée de vie
money-line-breakdown = Capital annualisé { $capital }, E&M fixes { $fixed }, combustible { $fuel }, E&M variables { $variable }, carbone { $carbon }
money-report-basis = Coûts : le jeu de coûts { $name }. { $description } La source de chaque valeur, ou le raisonnement d'une hypothèse, se trouve dans assets/cost-sets/ ; { $edited ->
    [0] le scénario reprend les valeurs du jeu.
    [one] une valeur a été modifiée depuis (elle figure sous Entrées).
   *[other] { $edited } valeurs ont été modifiées depuis (elles figurent sous Entrées).
} Facteurs d'émission du GIEC 2006 (gaz 0,202, diesel 0,267 t CO2/MWh_th).
money-report-basis-custom = Coûts : les valeurs propres du planificateur (base de coûts Personnalisée), listées sous Entrées. Facteurs d'émission du GIEC 2006 (gaz 0,202, diesel 0,267 t CO2/MWh_th).
money-report-currency = Les montants sont en { $currency } ({ $rate } { $currency } pour 1 dollar US, taux du { $as_of } : { $source }) ; le JSON garde les dollars US.
