//! The engine's messages about weather files, studies and sizing in French (`engine.ftl`):
//! weather file errors, the description of where weather comes from, shard and merge checks,
//! sizing steps. Figures are written the French way (decimal comma, thousands grouped by a
//! narrow no-break space); file names, column names, JSON field names and user text stay as
//! they are.
//!
//! The language is process-wide: every test of this binary speaks French (the English messages
//! are checked, byte for byte, by the unit tests and the malformed-file corpus).

use dakhla_core::optimize::study;
use dakhla_core::reliability::Copt;
use dakhla_core::reliability::sizing::change_in_words;
use dakhla_core::weather::{csv::parse_weather_csv, epw::parse_epw, source_in_words};
use dakhla_i18n::{Lang, NARROW_NBSP};

fn french() {
    dakhla_i18n::set(Lang::Fr);
}

fn csv_error(text: &str) -> String {
    parse_weather_csv(text, "w.csv").unwrap_err().to_string()
}

const HEADER: &str = "timestamp,ghi,dni,dhi,temp_air,wind_speed\n";

#[test]
fn csv_weather_errors_are_in_french_and_keep_column_names() {
    french();
    let e = csv_error(&format!(
        "{HEADER}2029-01-01T00:00Z,0,0,0,18,6\n2029-01-01T01:00Z,0,0,0,chaud,6\n"
    ));
    assert_eq!(
        e,
        "w.csv:3: température sèche de l'air : 'chaud' dans la colonne 'temp_air' n'est pas un \
         nombre (laissez la cellule vide, ou écrivez NaN ou -9999, pour une valeur manquante)"
    );
    let e = csv_error(&format!(
        "{HEADER}2029-01-01T00:00Z,2500.5,0,0,18,6\n2029-01-01T01:00Z,0,0,0,17,6\n"
    ));
    assert_eq!(
        e,
        format!(
            "w.csv:2: rayonnement global horizontal (GHI) : 2{NARROW_NBSP}500,5 W/m2 dans la colonne 'ghi' est \
             hors de la plage plausible de 0 à 2{NARROW_NBSP}000 W/m2"
        )
    );
    let e = csv_error(&format!(
        "{HEADER}2029-01-01T00:00Z,0,0,0,18,6\n2029-01-01T01:00Z,0,0,0,18,6\n\
         2029-01-01T03:00Z,0,0,0,18,6\n"
    ));
    assert!(
        e.starts_with(
            "w.csv:4: 2029-01-01T02:00:00Z attendu (un pas de 1 heure après la ligne 3), trouvé \
             2029-01-01T03:00:00Z ; chaque pas de temps doit avoir sa ligne"
        ),
        "{e}"
    );
    let e = csv_error("timestamp,ghi,dni,temp_air,wind_speed,tmp\n2029-01-01T00:00Z,0,0,0,18,6\n");
    assert_eq!(
        e,
        "w.csv:1: colonne(s) manquante(s) : rayonnement diffus horizontal (DHI) (dhi | dhi_w_m2 \
         | diffuse_horizontal) ; non reconnue(s) : 'tmp'"
    );
    let e = csv_error(&format!("{HEADER}2029-13-01T00:00Z,0,0,0,18,6\n"));
    assert!(
        e.starts_with(
            "w.csv:2: l'horodatage '2029-13-01T00:00Z' n'est pas une date valide du calendrier ; \
             écrivez une date et une heure ISO 8601"
        ),
        "{e}"
    );
}

#[test]
fn epw_weather_errors_are_in_french() {
    french();
    let e = parse_epw("DESIGN CONDITIONS\n", "w.epw", 2027)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "w.epw:1: le fichier s'arrête après 1 ligne(s) ; un fichier EPW a 8 lignes d'en-tête \
         (LOCATION ... DATA PERIODS) suivies des données horaires"
    );
    let header = "LOCATION,Dakhla,-,MAR,SRC,600960,123.4,-15.9,0.0,10\nA\nB\nC\nD\nE\nF\n\
                  DATA PERIODS,1,1,Data,Sunday,1/1,12/31\n";
    let e = parse_epw(header, "w.epw", 2027).unwrap_err().to_string();
    assert_eq!(
        e,
        "w.epw:1: latitude : 123,4 deg dans la ligne LOCATION est hors de l'intervalle -90 à 90 \
         deg"
    );
}

#[test]
fn where_weather_comes_from_reads_in_french_while_the_record_stays_english() {
    french();
    assert_eq!(
        source_in_words("synthetic Dakhla climate, seed 2029, year 2029"),
        "climat synthétique de Dakhla, graine 2029, année 2029"
    );
    assert_eq!(
        source_in_words(
            "EPW file data/dakhla.epw (Dakhla, MAR), data stamped as year 2027 (means over 60 min)"
        ),
        "fichier EPW data/dakhla.epw (Dakhla, MAR), données datées de l'année 2027 (moyennes \
         sur 60 min)"
    );
    assert_eq!(
        source_in_words("CSV file site, steps.csv, 8760 steps of 1 hour from 2029-01-01T00:00Z"),
        format!(
            "fichier CSV site, steps.csv, 8{NARROW_NBSP}760 pas de 1 heure à partir du \
             2029-01-01T00:00Z"
        )
    );
    assert_eq!(
        source_in_words(
            "synthetic Dakhla climate, seed 7, year 2027 (its own year-to-year variation)"
        ),
        "climat synthétique de Dakhla, graine 7, année 2027 (avec sa propre variabilité \
         interannuelle)"
    );
    assert_eq!(
        source_in_words("measured at the mast"),
        "measured at the mast"
    );
    // The record itself (results, shard files) is English whatever the language.
    let (w, _) = parse_weather_csv(
        &format!("{HEADER}2029-01-01T00:00Z,0,0,0,18,6\n2029-01-01T00:15Z,0,0,0,18,6\n"),
        "w.csv",
    )
    .unwrap();
    assert_eq!(
        w.source,
        "CSV file w.csv, 2 steps of 15 min from 2029-01-01T00:00:00Z (humidity estimated from \
         the daily lowest temperature)"
    );
    assert_eq!(
        source_in_words(&w.source),
        "fichier CSV w.csv, 2 pas de 15 min à partir du 2029-01-01T00:00:00Z (humidité estimée \
         à partir de la température minimale du jour)"
    );
    assert_eq!(
        source_in_words(
            "CSV file w.csv, 8760 steps of 1 hour from 2029-01-01T00:00:00Z (humidity estimated \
             for 12 steps)"
        ),
        "fichier CSV w.csv, 8\u{202f}760 pas de 1 heure à partir du 2029-01-01T00:00:00Z (humidité \
         estimée sur 12 pas)"
    );
}

#[test]
fn sizing_steps_read_in_french() {
    french();
    assert_eq!(
        change_in_words("start: backup in whole units"),
        "départ : secours en unités entières"
    );
    assert_eq!(
        change_in_words("+1 unit of Gas turbines (GT) (50 MW)"),
        "+1 unité de Gas turbines (GT) (50 MW)"
    );
    assert_eq!(
        change_in_words("-1 battery block (2.5 MW, 10 MWh)"),
        "-1 bloc batterie (2,5 MW, 10 MWh)"
    );
    assert_eq!(change_in_words("something else"), "something else");
}

#[test]
fn shard_and_study_messages_are_in_french() {
    french();
    assert_eq!(
        study::parse_shard("0/3").unwrap_err(),
        "--shard doit être de la forme i/n avec 1 <= i <= n <= 100000 (par ex. 3/10 pour le \
         troisième de dix), reçu `0/3`"
    );
    let e = study::parse_shard_text(b"[1, 2]", "s.json").unwrap_err();
    assert_eq!(
        e,
        "s.json : ce n'est pas un fichier de résultats de fragment de `dakhla-planner optimize \
         --shard` (c'est une liste JSON, pas un objet)"
    );
    let e = study::merge(&[]).unwrap_err();
    assert_eq!(e, "aucun fichier de fragment donné");
    let e = Copt::build(&[], 0.0).unwrap_err().to_string();
    assert_eq!(e, "le pas de capacité doit être supérieur à 0 MW, pas 0");
}
