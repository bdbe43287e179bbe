//! The whole planner window driven headless with egui_kittest, as a planner would: find widgets
//! by label, edit values, and check that results and KPIs follow.

use dakhla_planner::gui::app::{PlannerApp, Settings};
use dakhla_planner::gui::panels::PanelKind;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(panel: PanelKind) -> Harness<'static, PlannerApp> {
    let settings = Settings {
        panel,
        ..Settings::default()
    };
    let app = PlannerApp::with_settings(settings);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_ui_state(|ui, app: &mut PlannerApp| app.frame(ui), app);
    settle(&mut h);
    h
}

/// Let background simulations finish and the window catch up.
fn settle(h: &mut Harness<'static, PlannerApp>) {
    h.state_mut().wait_for_simulation();
    h.run_steps(3);
}

fn type_into(h: &mut Harness<'static, PlannerApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run_steps(2);
    h.get_by_label(label).type_text(text);
    h.run_steps(2);
    h.key_press(Key::Enter);
    settle(h);
}

fn kpis(h: &Harness<'static, PlannerApp>) -> dakhla_planner::sim::kpis::Kpis {
    h.state()
        .session()
        .results
        .as_ref()
        .expect("results")
        .kpis
        .clone()
}

#[test]
fn raising_battery_energy_in_the_storage_panel_updates_kpis_and_ctrl_z_undoes_it() {
    let mut h = harness(PanelKind::Storage);
    let before = kpis(&h);
    assert!(h.query_by_label_contains("Renewable fraction").is_some());
    type_into(&mut h, "Battery energy", "3200");
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 3200.0);
    let after = kpis(&h);
    assert!(after.backup_energy_mwh < before.backup_energy_mwh);
    assert!(after.renewable_fraction > before.renewable_fraction);
    assert!(h.state().title().starts_with('●'), "{}", h.state().title());
    // Ctrl+Z restores the previous numbers exactly.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 1600.0);
    assert_eq!(kpis(&h), before);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    settle(&mut h);
    assert_eq!(kpis(&h), after);
}

#[test]
fn adding_a_rack_group_raises_the_it_load() {
    let mut h = harness(PanelKind::Load);
    let before = kpis(&h);
    h.get_by_label("Add rack group").click();
    settle(&mut h);
    let after = kpis(&h);
    assert_eq!(
        h.state()
            .session()
            .doc
            .scenario
            .datacenter
            .rack_groups
            .len(),
        4
    );
    assert!(after.racks_total > before.racks_total);
    assert!(after.it_energy_mwh > before.it_energy_mwh);
    assert!(after.peak_facility_mw > before.peak_facility_mw);
}

#[test]
fn switching_the_pue_model_to_fixed_changes_pue_everywhere() {
    let mut h = harness(PanelKind::Cooling);
    h.get_by_label("Cooling model").click();
    h.run_steps(2);
    h.get_by_label("Fixed PUE").click();
    settle(&mut h);
    let k = kpis(&h);
    assert!(
        (k.pue_mean - k.pue_peak).abs() < 1e-12,
        "a fixed PUE is flat"
    );
    assert!(matches!(
        h.state().session().doc.scenario.datacenter.cooling,
        dakhla_planner::scenario::Cooling::Fixed { .. }
    ));
}

#[test]
fn an_invalid_value_is_flagged_in_words_and_results_stay() {
    let mut h = harness(PanelKind::Storage);
    let before = kpis(&h);
    type_into(&mut h, "Round-trip efficiency", "150");
    assert!(
        h.state()
            .session()
            .issues
            .contains_key("battery.round_trip_eff")
    );
    assert!(h.query_by_label_contains("between 0.2 and 1").is_some());
    assert!(h.query_by_label_contains("value(s) need fixing").is_some());
    assert_eq!(kpis(&h), before, "the last valid results stay on screen");
}

#[test]
fn opening_a_broken_file_shows_the_error_and_keeps_the_work() {
    let mut h = harness(PanelKind::Storage);
    type_into(&mut h, "Battery energy", "2500");
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "(schema_version: 1, site: (name: 3))").unwrap();
    h.state_mut().open_now(&bad);
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("Could not open the scenario")
            .is_some()
    );
    assert!(h.query_by_label_contains("broken.ron:1:").is_some());
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 2500.0);
    h.get_by_label("OK").click();
    h.run_steps(2);
    assert!(h.state().notice.is_none());
}

/// Poll the optimization until it ends (panics after `timeout_s`), then let the window catch up.
fn wait_for_optimization(h: &mut Harness<'static, PlannerApp>, timeout_s: u64) {
    let t0 = std::time::Instant::now();
    while h.state_mut().session_mut().optimize.poll() {
        assert!(
            t0.elapsed().as_secs() < timeout_s,
            "optimization still going after {timeout_s} s"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    settle(h);
}

#[test]
fn the_optimize_panel_edits_its_settings_runs_and_applies_the_optimum_as_one_undo_step() {
    use dakhla_planner::scenario::Sizing;
    use egui::accesskit::Role;
    let mut h = harness(PanelKind::Optimize);
    // The target comes from the Targets panel (the reference asks for 85 % CFE, and 85 %
    // renewable, which the CFE target implies); the buttons are there.
    assert!(
        h.query_by_label_contains("24/7 CFE score at least 85.0 %; no unserved energy")
            .is_some()
    );
    let mut s = h.state().session().doc.scenario.clone();
    s.targets.min_cfe_score = None;
    h.state_mut().apply_edit(s, false);
    settle(&mut h);
    assert!(
        h.query_by_label_contains("renewable fraction at least 85.0 %")
            .is_some()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(h.query_by_label("Edit in Targets").is_some());
    assert!(
        h.query_by_role_and_label(Role::Button, "Pareto front")
            .is_some()
    );
    // A sizing choice is a scenario edit like any other: undoable.
    h.get_by_label("Wind capacity").click();
    h.run_steps(2);
    h.get_by_label("Between").click();
    settle(&mut h);
    assert!(matches!(
        h.state().session().doc.scenario.optimizer.wind_mw,
        Sizing::Between { min: 0.0, .. }
    ));
    assert!(h.query_by_label("Wind capacity max").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(
        h.state().session().doc.scenario.optimizer.wind_mw,
        Sizing::Free
    );
    assert!(h.query_by_label("Wind capacity max").is_none());

    // Run: progress (or the result, on a fast machine), then the optimum.
    let before = h.state().session().doc.scenario.clone();
    h.get_by_role_and_label(Role::Button, "Optimize").click();
    h.run_steps(2);
    assert!(
        h.state().session().optimize.progress().is_some()
            || h.state().session().optimize.optimum.is_some(),
        "the run started"
    );
    wait_for_optimization(&mut h, 120);
    assert!(h.query_by_label("Least-cost mix").is_some());
    assert!(h.query_by_label_contains("Meets the target").is_some());
    assert!(h.query_by_label_contains("earlier version").is_none());
    // What applying would change is listed; the diesel gensets go to 0 MW unless kept.
    assert!(h.query_by_label("Applying changes:").is_some());
    assert!(
        h.query_by_label_contains("Diesel gensets: capacity 100 to 0 MW")
            .is_some()
    );
    h.get_by_label("Keep the other backup units").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("Diesel gensets: capacity")
            .is_none()
    );
    h.get_by_label("Keep the other backup units").click();
    h.run_steps(3);
    assert!(!h.state().session().optimize.keep_other_backup.get());
    h.get_by_label("Apply this mix").click();
    settle(&mut h);
    let applied = h.state().session().doc.scenario.clone();
    assert_eq!(applied.backup[1].capacity_mw, 0.0);
    assert_ne!(applied, before, "the mix is loaded");
    assert!(h.query_by_label("Applied").is_some());
    assert!(h.query_by_label_contains("earlier version").is_none());
    // One Ctrl+Z restores the previous capacities.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().session().doc.scenario, before);
    assert!(h.query_by_label("Apply this mix").is_some());
}

fn repo(p: &str) -> std::path::PathBuf {
    std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(p)
}

#[test]
fn several_scenarios_open_as_tabs_and_the_compare_view_shows_them_side_by_side() {
    let mut h = harness(PanelKind::Storage);
    for f in [
        "scenarios/dakhla-500mw.ron",
        "scenarios/dakhla-wind-heavy.ron",
        "scenarios/dakhla-solar-storage.ron",
    ] {
        h.state_mut().open_now(&repo(f));
        settle(&mut h);
    }
    assert_eq!(h.state().tab_count(), 3);
    // Each tab keeps its own scenario: switching by clicking the tab.
    h.get_by_label("dakhla-wind-heavy.ron").click();
    settle(&mut h);
    assert_eq!(
        h.state().session().doc.scenario.meta.name,
        "Dakhla 500 MW campus - wind-heavy"
    );
    // Edit the wind-heavy tab; the others are untouched.
    type_into(&mut h, "Battery energy", "777");
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 777.0);
    h.get_by_label("Compare (3)").click();
    settle(&mut h);
    assert!(h.state().compare_open);
    assert!(
        h.query_by_label_contains("Compare 3 open scenarios")
            .is_some()
    );
    assert!(h.query_by_label_contains("Inputs that differ").is_some());
    // The edited value is among the input differences, in --set notation.
    assert!(h.query_by_label("battery.energy_mwh").is_some());
    assert!(h.query_by_label("777.0").is_some());
    // KPI rows name their unit; the columns are the three files (tab bar and table).
    assert!(h.query_by_label_contains("Renewable fraction").is_some());
    assert!(h.query_all_by_label("dakhla-solar-storage.ron").count() >= 2);
    // Back to a tab (the first node of that name is the tab; the others are table columns).
    h.query_all_by_label("dakhla-500mw.ron")
        .next()
        .expect("the tab")
        .click();
    settle(&mut h);
    assert!(!h.state().compare_open);
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 1600.0);
    assert_eq!(
        h.state().tab_views()[1].doc.scenario.battery.energy_mwh,
        777.0
    );
}

#[test]
fn the_export_command_writes_the_report_of_the_active_scenario() {
    let mut h = harness(PanelKind::Storage);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    h.state_mut()
        .command(dakhla_planner::gui::app::Command::ExportTo(out.clone()));
    h.run_steps(2);
    let t0 = std::time::Instant::now();
    while h.state_mut().poll_export() {
        assert!(t0.elapsed().as_secs() < 120, "export still running");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_steps(2);
    assert!(h.query_by_label_contains("Report exported").is_some());
    for f in ["report.html", "kpis.json", "hourly.csv"] {
        assert!(out.join(f).is_file(), "{f}");
    }
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("Dakhla 500 MW reference campus"));
    // No reliability run in the tab: the report runs its own (1000 draws, seed 1).
    assert!(html.contains("<h2 id=\"reliability\">Reliability under failures</h2>"));
    assert!(html.contains("1000 failure draws x 1 weather year (seed 1), 1000 sampled years"));
    assert!(out.join("charts/reliability-event-durations.svg").is_file());
}

#[test]
fn a_typed_number_commits_on_enter_as_one_undo_step_named_in_words() {
    let mut h = harness(PanelKind::Storage);
    let before = kpis(&h);
    h.get_by_label("Battery energy").click();
    h.run_steps(2);
    h.get_by_label("Battery energy").type_text("1800");
    settle(&mut h);
    // While typing nothing is applied: the fragments "1", "18", "180" never reach the results.
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 1600.0);
    assert!(!h.state().session().doc.can_undo());
    assert_eq!(kpis(&h), before);
    h.key_press(Key::Enter);
    settle(&mut h);
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 1800.0);
    assert_eq!(
        h.state().session().doc.undo_label().as_deref(),
        Some("battery energy 1600 to 1800 MWh")
    );
    // One step: a single Ctrl+Z goes back to the file's value, and nothing is left to undo.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 1600.0);
    assert!(!h.state().session().doc.can_undo());
    assert!(
        h.query_by_label_contains("Undone: battery energy 1600 to 1800 MWh")
            .is_some()
    );
    assert_eq!(
        h.state().session().doc.redo_label().as_deref(),
        Some("battery energy 1600 to 1800 MWh")
    );
}

#[test]
fn escape_reverts_the_typing_and_tab_commits_it() {
    let mut h = harness(PanelKind::Storage);
    h.get_by_label("Battery energy").click();
    h.run_steps(2);
    h.get_by_label("Battery energy").type_text("999");
    h.run_steps(2);
    h.key_press(Key::Escape);
    settle(&mut h);
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 1600.0);
    assert!(!h.state().session().doc.can_undo());
    h.get_by_label("Battery power").click();
    h.run_steps(2);
    h.get_by_label("Battery power").type_text("350");
    h.run_steps(2);
    h.key_press(Key::Tab);
    settle(&mut h);
    assert_eq!(h.state().session().doc.scenario.battery.power_mw, 350.0);
}

#[test]
fn text_that_is_not_a_number_is_explained_next_to_the_field_and_not_applied() {
    let mut h = harness(PanelKind::Storage);
    let before = kpis(&h);
    type_into(&mut h, "Battery energy", "18OO");
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 1600.0);
    assert!(!h.state().session().doc.can_undo());
    assert!(h.query_by_label_contains("is not a number").is_some());
    assert_eq!(kpis(&h), before);
    // An ambiguous comma is refused with both readings; the next valid entry clears it.
    type_into(&mut h, "Battery energy", "1,800");
    assert!(h.query_by_label_contains("type 1800 or 1.800").is_some());
    type_into(&mut h, "Battery energy", "2 000");
    assert_eq!(h.state().session().doc.scenario.battery.energy_mwh, 2000.0);
    assert!(h.query_by_label_contains("is not a number").is_none());
    assert!(h.query_by_label_contains("type 1800").is_none());
}

#[test]
fn derived_values_are_not_computed_from_invalid_inputs() {
    let mut h = harness(PanelKind::Storage);
    assert!(h.query_by_label_contains("4.00 h").is_some());
    type_into(&mut h, "Battery power", "-5");
    assert!(h.state().session().issues.contains_key("battery.power_mw"));
    assert!(h.query_by_label_contains("4.00 h").is_none());
    assert!(h.query_by_label_contains("fix the values above").is_some());
}

#[test]
fn racks_over_the_cap_flag_the_group_that_was_changed_and_say_what_would_fit() {
    let mut h = harness(PanelKind::Load);
    assert!(
        h.query_by_label("Racks: all 8300 fit under the cap")
            .is_some()
    );
    // The first group (AI hall A, 120 kW racks) is raised past the cap; the air-cooled group
    // last in the list must not take the blame.
    h.get_by_label_contains("AI hall A (liquid-cooled, 120 kW) —")
        .click();
    h.run_steps(3);
    let racks = h.query_all_by_label("Racks").next().expect("a Racks field");
    racks.click();
    h.run_steps(2);
    h.query_all_by_label("Racks")
        .next()
        .unwrap()
        .type_text("1700");
    h.run_steps(2);
    h.key_press(Key::Enter);
    settle(&mut h);
    assert_eq!(
        h.state().session().doc.scenario.datacenter.rack_groups[0].count,
        1700
    );
    assert!(
        h.query_by_label_contains(
            "284 racks of AI hall A (liquid-cooled, 120 kW), or raise the cap to 547.1 MW, or bring \
             the design-day PUE down to 1.26"
        )
        .is_some()
    );
    assert!(h.query_by_label_contains("racks of this group").is_some());
    assert_eq!(
        h.query_all_by_label_contains("racks of this group").count(),
        1
    );
    assert!(h.query_by_label("1 capacity problem").is_some());
}

#[test]
fn kpi_cards_show_the_change_against_the_file_as_opened_until_a_new_baseline_is_pinned() {
    let mut h = harness(PanelKind::Storage);
    assert!(h.query_by_label_contains("Changes are against").is_some());
    assert!(
        h.query_by_label_contains("battery 1600 MWh / 400 MW, 4.0 h")
            .is_some()
    );
    type_into(&mut h, "Battery energy", "3200");
    // The supply line follows; the capex card shows what the edit added, in its own unit and
    // the scenario's currency: 1,600 MWh at 920 MAD/kWh (100 USD/kWh x 9.2 MAD/USD).
    assert!(
        h.query_by_label_contains("battery 3200 MWh / 400 MW, 8.0 h")
            .is_some()
    );
    assert!(h.query_by_label("+1472.0 M MAD").is_some());
    h.get_by_label("Pin these results as the baseline").click();
    settle(&mut h);
    assert!(h.query_by_label("+1472.0 M MAD").is_none());
    assert!(
        h.query_by_label_contains("against the results pinned at")
            .is_some()
    );
}

#[test]
fn with_weather_years_the_target_cards_say_p50_p90_and_in_how_many_years_they_are_met() {
    let mut h = harness(PanelKind::Targets);
    assert!(h.query_by_label_contains("of 3 years").is_none());
    assert!(h.state_mut().start_weather_years(3));
    let t0 = std::time::Instant::now();
    while h.state_mut().session_mut().years.poll() {
        assert!(t0.elapsed().as_secs() < 120, "weather years still running");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(3);
    // The three target cards (unmet energy, renewable fraction, 24/7 CFE) are judged on the
    // years.
    assert_eq!(h.query_all_by_label_contains("of 3 years:").count(), 3);
    assert_eq!(h.query_all_by_label_contains("at P90").count(), 3);
}

#[test]
fn the_built_in_file_browser_opens_and_saves_where_no_desktop_dialog_exists() {
    use dakhla_planner::gui::app::Command;
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo("scenarios/dakhla-cfe95.ron"),
        dir.path().join("cfe95.ron"),
    )
    .unwrap();
    std::fs::copy(
        repo("scenarios/dakhla-500mw.ron"),
        dir.path().join("first.ron"),
    )
    .unwrap();
    let mut h = harness(PanelKind::Storage);
    h.state_mut().settings.builtin_file_browser = true;
    // The browser starts in the folder of the document on screen.
    h.state_mut().open_now(&dir.path().join("first.ron"));
    settle(&mut h);
    h.state_mut().command(Command::OpenDialog);
    h.run_steps(3);
    assert!(h.query_by_label("Open a scenario").is_some());
    h.get_by_label("cfe95.ron").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "Open").click();
    settle(&mut h);
    assert!(h.state().browser.is_none());
    assert_eq!(
        h.state().session().doc.path.as_deref(),
        Some(dir.path().join("cfe95.ron").as_path())
    );
    // Save As through the browser writes the new file, comments kept.
    h.state_mut().command(Command::SaveAsDialog);
    h.run_steps(3);
    h.state_mut().browser.as_mut().unwrap().name = "copy".into();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "Save").click();
    settle(&mut h);
    let saved = std::fs::read_to_string(dir.path().join("copy.ron")).unwrap();
    assert_eq!(
        saved,
        std::fs::read_to_string(dir.path().join("cfe95.ron")).unwrap()
    );
}

#[test]
fn the_results_tables_open_under_the_cards_and_copy_as_tsv() {
    let mut h = harness(PanelKind::Storage);
    assert!(h.query_by_label("2029-01").is_none(), "folded by default");
    h.get_by_label("Tables: energy by month, costs of the year")
        .click();
    h.run_steps(3);
    assert!(h.query_by_label("2029-01").is_some());
    assert!(h.query_by_label("2029-12").is_some());
    assert!(h.query_by_label("Costs of the year by line").is_some());
    // Months of the site's legal time (Dakhla: UTC+1), named in the title and the header.
    assert!(h.query_by_label("Energy by month (UTC+1) [MWh]").is_some());
    assert_eq!(h.query_all_by_label("Copy as TSV").count(), 2);
    h.query_all_by_label("Copy as TSV").next().unwrap().click();
    h.run_steps(1);
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        });
    let tsv = copied.expect("copied to the clipboard");
    assert!(
        tsv.starts_with("month (UTC+1)\tfacility load [MWh]\t"),
        "{tsv}"
    );
    assert_eq!(tsv.lines().count(), 14);
}

#[test]
fn at_1280_by_720_the_editors_fold_away_and_ctrl_b_brings_them_back() {
    let app = PlannerApp::with_settings(Settings::default());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui_state(|ui, app: &mut PlannerApp| app.frame(ui), app);
    settle(&mut h);
    assert!(h.query_by_label("Site & weather").is_some());
    h.get_by_label("Hide the editors").click();
    h.run_steps(2);
    assert!(!h.state().settings.editors_open);
    assert!(
        h.query_by_label("Site & weather").is_none(),
        "the editors are folded away"
    );
    assert!(h.query_by_label("Show the editors").is_some());
    // The results take the width: the KPI cards are still there.
    assert!(h.query_by_label_contains("Renewable fraction").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run_steps(2);
    assert!(h.state().settings.editors_open);
    assert!(h.query_by_label("Site & weather").is_some());
}

/// Poll the reliability run until it ends (panics after `timeout_s`), then let the window catch
/// up.
fn wait_for_reliability(h: &mut Harness<'static, PlannerApp>, timeout_s: u64) {
    let t0 = std::time::Instant::now();
    while h.state_mut().session_mut().reliability.poll() {
        assert!(
            t0.elapsed().as_secs() < timeout_s,
            "reliability run still going after {timeout_s} s"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    settle(h);
}

#[test]
fn the_reliability_panel_runs_puts_lole_and_eue_on_the_cards_greys_them_when_stale_and_exports_the_run()
 {
    let mut h = harness(PanelKind::Reliability);
    assert!(h.query_by_label("Run reliability").is_some());
    assert!(
        h.query_by_label("LOLE under failures").is_none(),
        "no run yet"
    );
    // The draws are the tab's, not the scenario's: no edit, nothing to save.
    type_into(&mut h, "Failure draws", "30");
    assert_eq!(h.state().session().reliability.draws, 30);
    assert!(!h.state().session().doc.is_dirty());
    h.get_by_label("Run reliability").click();
    h.run_steps(2);
    assert!(
        h.state().session().reliability.running() || h.state().session().reliability.run.is_some()
    );
    wait_for_reliability(&mut h, 300);
    let a = h
        .state()
        .session()
        .current_reliability()
        .cloned()
        .expect("a run of these inputs");
    assert_eq!(a.stats.samples, 30);
    let lole = a.stats.lole_h_per_year.mean;
    assert!(lole.is_finite() && lole >= 0.0);
    // The section in the results and the cards, with units.
    assert!(h.query_by_label("Reliability under failures").is_some());
    assert!(h.query_by_label("LOLE under failures").is_some());
    assert!(h.query_by_label("EUE under failures").is_some());
    let lole_text = format!("{lole:.2} h/yr");
    assert!(
        h.query_all_by_label(&lole_text).count() >= 1,
        "{lole_text} on the LOLE card"
    );
    assert!(
        h.query_by_label("LOLE (loss-of-load expectation)")
            .is_some()
    );
    assert!(
        h.query_by_label("Without failures: what the dispatch knows of the future")
            .is_some()
    );
    assert_eq!(h.query_all_by_label_contains("Stale").count(), 0);
    // An edit of the failure data: the run is of earlier inputs, kept, greyed and marked.
    let mut s = h.state().session().doc.scenario.clone();
    s.backup[0].forced_outage_rate *= 2.0;
    h.state_mut().apply_edit(s, false);
    settle(&mut h);
    assert!(
        h.query_all_by_label_contains("Stale — inputs changed since")
            .count()
            >= 2
    );
    assert_eq!(
        h.query_all_by_label("stale — inputs changed since").count(),
        2,
        "the LOLE and EUE cards say so"
    );
    assert!(h.query_all_by_label("Run reliability again").count() >= 1);
    // Undone, the run is current again, and the export's report shows it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.query_all_by_label_contains("Stale").count(), 0);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    h.state_mut()
        .command(dakhla_planner::gui::app::Command::ExportTo(out.clone()));
    h.run_steps(2);
    let t0 = std::time::Instant::now();
    while h.state_mut().poll_export() {
        assert!(t0.elapsed().as_secs() < 120, "export still running");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("<h2 id=\"reliability\">Reliability under failures</h2>"));
    assert!(html.contains("30 failure draws x 1 weather year (seed 1), 30 sampled years"));
    assert!(html.contains(&format!("LOLE under failures<b>{lole_text}</b>")));
}

#[test]
fn switching_the_currency_converts_every_cost_as_one_undo_step() {
    // The reference is costed in dirhams. Choosing US dollars converts every money figure at
    // the file's rate (9.2 MAD/USD), rounded to 6 significant digits, in one edit; one Ctrl+Z
    // brings back the dirhams and the same results.
    let mut h = harness(PanelKind::Economics);
    let before = kpis(&h);
    let doc = |h: &Harness<'static, PlannerApp>| h.state().session().doc.scenario.clone();
    let mad = doc(&h);
    assert_eq!(mad.economics.currency.code(), "MAD");
    h.get_by_label("Currency").click();
    h.run_steps(2);
    h.get_by_label("US dollar (USD)").click();
    settle(&mut h);
    let usd = doc(&h);
    assert_eq!(usd.economics.currency.code(), "USD");
    let wind = usd.economics.wind_per_kw.capex_per_kw;
    assert!((wind - 10_672.0 / 9.2).abs() < 1e-2, "{wind}");
    let fuel = usd.backup[0].fuel_cost_per_mwh_th;
    assert!((fuel - mad.backup[0].fuel_cost_per_mwh_th / 9.2).abs() < 1e-3 * fuel.max(1.0));
    // The same costs in another unit: the results in US dollars do not move (beyond the
    // rounding of the figures to 6 significant digits).
    let after = kpis(&h);
    assert!(
        (after.annualized_cost_usd - before.annualized_cost_usd).abs()
            < 1e-5 * before.annualized_cost_usd
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(doc(&h), mad, "one step back is the file as it was");
    assert!(!h.state().session().doc.can_undo());
    assert_eq!(kpis(&h), before);
}
