# dakhla-planner : catalogue français de la fenêtre et de la ligne de commande.
# Chaque message de locales/en/app.ftl est ici, avec les mêmes paramètres (un test le vérifie).
# Les nombres arrivent déjà écrits à la française ({ $value }) ; les unités restent celles du SI.

## Pour les tests du catalogue.
test-files = { $count ->
    [one] { $count } fichier
   *[other] { $count } fichiers
}

## Langue
lang-menu = Langue
    .tooltip = La langue de la fenêtre, de ses graphiques et des rapports exportés. Conservée d'une session à l'autre.
lang-from-system = Celle du système ({ $lang })
    .tooltip = La langue des paramètres régionaux (LC_ALL, LC_MESSAGES ou LANG)

## Menus
menu-file = Fichier
menu-edit = Édition
menu-view = Affichage
menu-new-tab = Nouvel onglet
    .tooltip = Un nouvel onglet sur le scénario de référence de Dakhla intégré
menu-open = Ouvrir…
menu-open-recent = Ouvrir un fichier récent
    .none = (aucun pour l'instant)
menu-save = Enregistrer
menu-save-as = Enregistrer sous…
menu-close-tab = Fermer l'onglet
menu-export = Exporter le rapport…
    .tooltip = Chaque graphique en PNG et SVG, le CSV horaire, les indicateurs en JSON et un rapport HTML d'une page, dans un dossier de votre choix
menu-export-to = Exporter le rapport dans { $folder }
    .tooltip = Dans { $path }
menu-builtin-browser = Utiliser le navigateur de fichiers intégré
    .tooltip = Ouvrir, Enregistrer sous et Exporter avec le navigateur du programme plutôt que la boîte de dialogue du bureau (il s'ouvre aussi de lui-même quand aucune boîte de dialogue du bureau ne répond)
menu-quit = Quitter
menu-undo = Annuler
menu-undo-what = Annuler : { $what }
menu-redo = Rétablir
menu-redo-what = Rétablir : { $what }
menu-compare = Comparer les scénarios ouverts
    .tooltip = Indicateurs, différences d'entrées et graphiques superposés de chaque onglet
menu-editors = Panneau des éditeurs
    .tooltip = Masquer les éditeurs pour laisser toute la largeur aux résultats
theme-light = Clair
theme-dark = Sombre

## Ligne de commande
cli-error = erreur
cli-note = remarque

## Valeurs et cartes d'indicateurs
value-na = s.o.
kpi-target-line = objectif { $operator } { $target } : { $met ->
        [yes] ATTEINT
       *[no] NON ATTEINT
    }
kpi-target-years-line = P50 { $p50 } · P90 { $p90 } · objectif { $operator } { $target } atteint { $met_years } années sur { $years } : { $met ->
        [yes] ATTEINT au P90
       *[no] NON ATTEINT au P90
    }

## Panneaux d'édition (les onglets de la barre latérale)
panel-site = Site et météo
panel-load = Charge IT
panel-cooling = Refroidissement et PUE
panel-solar = Solaire
panel-wind = Éolien
panel-storage = Stockage
panel-backup = Secours
panel-reliability = Fiabilité
panel-economics = Économie
panel-targets = Objectifs
panel-optimize = Optimiseur
