//! The window's language: the View > Language menu switches every translated text at once and
//! the choice is kept with the settings. Alone in its test binary: the language is process-wide,
//! and other tests read the English labels.

use dakhla_i18n::Lang;
use dakhla_planner::gui::app::{PlannerApp, Settings};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn the_language_menu_switches_the_window_to_french_and_the_choice_is_kept() {
    dakhla_i18n::set(Lang::En);
    let app = PlannerApp::with_settings(Settings::default());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut PlannerApp| app.frame(ui), app);
    h.state_mut().wait_for_simulation();
    h.run_steps(3);
    assert!(h.query_by_label("File").is_some());
    // View > Language > Français, as a person clicks it.
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Language").hover();
    h.run_steps(3);
    h.get_by_label("Français").click();
    h.run_steps(3);
    assert_eq!(h.state().settings.language, Some(Lang::Fr));
    assert_eq!(dakhla_i18n::current(), Lang::Fr);
    assert!(
        h.query_by_label("Fichier").is_some(),
        "the menu bar speaks French"
    );
    assert!(h.query_by_label("Affichage").is_some());
    assert!(h.query_by_label("File").is_none());
    // The tab bar and its untitled tab too.
    assert!(h.query_by_label("Comparer (1)").is_some());
    assert!(h.query_by_label("Compare (1)").is_none());
    assert!(
        h.query_by_label("sans titre (référence Dakhla intégrée)")
            .is_some()
    );
    assert!(
        h.query_by_label("Fermer sans titre (référence Dakhla intégrée)")
            .is_some()
    );
    // Numbers in the fields are written and read the French way: "0,630" is 0.63 there (in
    // English "0,630" could be 630 and is refused with both readings).
    use dakhla_planner::gui::widgets::parse_typed_number;
    assert_eq!(parse_typed_number("0,630", "t/MWh", false), Ok(0.63));
    assert_eq!(
        parse_typed_number("1\u{202f}234,5 MW", "MW", false),
        Ok(1234.5)
    );
    assert!(parse_typed_number("1.234,5", "MW", false).is_err());
    assert_eq!(
        dakhla_planner::text::local_number("1234.5".to_owned()),
        "1\u{202f}234,5"
    );
    dakhla_i18n::set(Lang::En);
    assert!(parse_typed_number("0,630", "t/MWh", false).is_err());
    dakhla_i18n::set(Lang::Fr);
    // Kept between runs: the settings carry it, and a new window speaks it.
    let saved = serde_json::to_string(&h.state().settings).expect("settings serialize");
    let back: Settings = serde_json::from_str(&saved).expect("settings read back");
    assert_eq!(back.language, Some(Lang::Fr));
    // Settings saved before the language existed read as "the locale's".
    let old: Settings = serde_json::from_str(r#"{"weather_years": 20}"#).expect("old settings");
    assert_eq!(old.language, None);
    dakhla_i18n::set(Lang::En);
}
