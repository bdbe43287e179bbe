//! The engine's messages about scenario files in French: parse errors, validation problems and
//! warnings, `--set` errors, migration notes and file errors come from `core.ftl`, with figures
//! written the French way (decimal comma, thousands grouped by a narrow no-break space) and
//! field paths, RON names and user text as they are.
//!
//! The language is process-wide: every test of this binary speaks French (the English messages
//! are checked, byte for byte, by the other tests and the malformed-file corpus).

use dakhla_core::scenario::{self, Scenario, apply_override, from_ron_str, upgrade_str};
use dakhla_i18n::{Lang, NARROW_NBSP};

fn french() {
    dakhla_i18n::set(Lang::Fr);
}

fn reference() -> String {
    scenario::DAKHLA_REFERENCE_RON.to_owned()
}

fn error(text: &str) -> String {
    from_ron_str(text, "s.ron").unwrap_err().to_string()
}

#[test]
fn parse_errors_are_in_french_and_keep_field_names() {
    french();
    let typo = reference().replacen("energy_mwh:", "enrgy_mwh:", 1);
    let e = error(&typo);
    assert!(
        e.contains("battery.enrgy_mwh: champ inconnu `enrgy_mwh` ; vouliez-vous dire `energy_mwh` ? Champs autorisés ici : energy_mwh, power_mw"),
        "{e}"
    );
    let e = error("");
    assert!(
        e.starts_with("s.ron:1:1: le fichier est vide ; un fichier de scénario commence par `(`"),
        "{e}"
    );
    let quoted = reference().replacen("kind: GasTurbine", "kind: \"GasTurbine\"", 1);
    let e = error(&quoted);
    assert!(
        e.contains(
            "nom sans guillemets attendu ici : écrivez GasTurbine au lieu de \"GasTurbine\""
        ),
        "{e}"
    );
    let e = error(&reference().replacen("energy_mwh: 1600.0", "energy_mwh: 1,600.0", 1));
    assert!(
        e.contains("1,600.0 n'est pas un nombre : écrivez les nombres sans séparateur de milliers"),
        "{e}"
    );
    let e = error(&reference().replacen("schema_version: 4", "schema_version: 9", 1));
    assert!(
        e.contains("ce fichier utilise la version 9 du schéma, mais ce programme lit les versions jusqu'à 4"),
        "{e}"
    );
}

#[test]
fn validation_problems_and_warnings_are_in_french_with_french_figures() {
    french();
    let mut s = Scenario::dakhla_reference();
    s.battery.round_trip_eff = 1.2;
    s.solar_plants[0].capacity_mwdc = -5.0;
    s.datacenter.rack_groups[0].name = "Salle\u{1b}A".into();
    let issues = s.validate(None);
    let find = |path: &str| {
        issues
            .iter()
            .find(|i| i.path == path)
            .map(|i| i.message.clone())
            .unwrap_or_else(|| panic!("{path}: {issues:?}"))
    };
    assert_eq!(
        find("battery.round_trip_eff"),
        "doit être compris entre 0,2 et 1 (fraction ; LFP environ 0,845, hydrogène environ 0,35), valeur : 1,2"
    );
    assert_eq!(
        find("solar_plants[0].capacity_mwdc"),
        format!("doit être compris entre 0 et 100{NARROW_NBSP}000 (MWdc), valeur : -5")
    );
    assert_eq!(
        find("datacenter.rack_groups[0].name"),
        "le nom d'un groupe de baies contient le caractère U+001B (échappement, ouvre les \
         séquences de commande du terminal) ; supprimez-le (un nom tient sur une seule ligne)"
    );
    let mut s = Scenario::dakhla_reference();
    s.battery.power_mw = 0.0;
    let w = s.warnings();
    assert!(
        w.iter().any(|i| i.path == "battery.power_mw"
            && i.message.starts_with(&format!(
                "la batterie a une énergie (1{NARROW_NBSP}600 MWh) mais aucune puissance"
            ))),
        "{w:?}"
    );
}

#[test]
fn set_overrides_and_migration_notes_are_in_french() {
    french();
    let s = Scenario::dakhla_reference();
    let e = apply_override(&s, "wind_farms[3].turbine_count=1").unwrap_err();
    assert_eq!(
        e,
        "--set wind_farms[3].turbine_count=1 : wind_farms[3].turbine_count : `wind_farms` \
         compte 1 entrée ; les positions commencent à 0"
    );
    let e = apply_override(&s, "battery.round_trip_eff=1.5").unwrap_err();
    assert!(
        e.starts_with(
            "--set battery.round_trip_eff=1.5 : battery.round_trip_eff : doit être compris entre 0,2 et 1"
        ),
        "{e}"
    );
    let v1 = include_str!("../../../tests/fixtures/schema/v1-dakhla-500mw.ron");
    let m = upgrade_str(v1, "v1.ron").unwrap().migration.unwrap();
    assert!(
        m.summary().starts_with(
            "écrit dans la version 1 du schéma et mis à jour vers la version 4 à l'ouverture"
        ) && m.summary().contains(" modifications) ;"),
        "{}",
        m.summary()
    );
    assert!(
        m.notes.iter().any(|n| n.path == "backup[1]"
            && n.message.contains("40 groupes de 2,5 MW")
            && n.message.contains("taux d'indisponibilité fortuite 3,6 %")),
        "{:?}",
        m.notes
    );
}

#[cfg(unix)]
#[test]
fn file_errors_are_in_french() {
    french();
    let dir = tempfile::tempdir().unwrap();
    let e = scenario::load(dir.path()).unwrap_err().to_string();
    assert!(
        e.ends_with(": c'est un dossier, pas un fichier de scénario (.ron)"),
        "{e}"
    );
    let input = dir.path().join("a.ron");
    std::fs::write(&input, "x").unwrap();
    let mut run = dakhla_core::files::RunFiles::new();
    run.input("the scenario", &input);
    let e = run.output("--hourly", &input).unwrap_err();
    assert!(
        e.ends_with(
            ": c'est le scénario de cette exécution ; l'écrire le détruirait. Indiquez un autre \
             nom de fichier"
        ),
        "{e}"
    );
    let e = run
        .output("--csv", &dir.path().join("nope/out.csv"))
        .unwrap_err();
    assert!(
        e.contains("impossible d'écrire à cet emplacement : le dossier "),
        "{e}"
    );
    assert!(e.ends_with(" n'existe pas"), "{e}");
    assert_eq!(dakhla_core::text::megabytes(40_000_000), "40,0 Mo");
}
