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
