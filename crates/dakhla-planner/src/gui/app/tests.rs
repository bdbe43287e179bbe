mod editing {
    use super::super::*;
    #[allow(unused_imports)]
    use crate::gui::panels::optimize::{JobKind, Pick};
    use crate::scenario::Cooling;
    #[allow(unused_imports)]
    use crate::scenario::{self, Scenario};
    #[allow(unused_imports)]
    use std::path::{Path, PathBuf};
    #[allow(unused_imports)]
    use std::time::Instant;

    fn app() -> PlannerApp {
        let mut a = PlannerApp::with_settings(Settings::default());
        a.wait_for_simulation();
        a
    }

    fn kpis(a: &PlannerApp) -> crate::sim::kpis::Kpis {
        a.session().results.as_ref().expect("results").kpis.clone()
    }

    #[test]
    fn raising_battery_energy_cuts_backup_and_undo_restores_the_numbers() {
        let mut a = app();
        let before = kpis(&a);
        let mut s = a.session().doc.scenario.clone();
        s.battery.energy_mwh *= 2.0;
        a.apply_edit(s, false);
        a.wait_for_simulation();
        let after = kpis(&a);
        assert!(after.backup_energy_mwh < before.backup_energy_mwh);
        assert!(after.renewable_fraction > before.renewable_fraction);
        assert!(after.capex_usd > before.capex_usd);
        assert!(a.session().doc.is_dirty());
        a.command(Command::Undo);
        a.run_commands(None);
        a.wait_for_simulation();
        assert_eq!(kpis(&a), before);
        a.command(Command::Redo);
        a.run_commands(None);
        a.wait_for_simulation();
        assert_eq!(kpis(&a), after);
    }

    #[test]
    fn a_drag_is_one_undo_step() {
        let mut a = app();
        let original = a.session().doc.scenario.clone();
        for mwh in [1700.0, 1800.0, 1900.0, 2000.0] {
            let mut s = a.session().doc.scenario.clone();
            s.battery.energy_mwh = mwh;
            a.apply_edit(s, true);
        }
        a.session_mut().doc.close_edit();
        assert!(a.session_mut().doc.undo());
        assert_eq!(a.session().doc.scenario, original);
        assert!(!a.session().doc.can_undo());
    }

    #[test]
    fn switching_to_a_fixed_pue_gives_that_pue_every_hour() {
        let mut a = app();
        let mut s = a.session().doc.scenario.clone();
        s.datacenter.cooling = Cooling::Fixed { pue: 1.3 };
        a.apply_edit(s, false);
        a.wait_for_simulation();
        let k = kpis(&a);
        assert!((k.pue_mean - 1.3).abs() < 1e-12 && (k.pue_peak - 1.3).abs() < 1e-12);
    }

    #[test]
    fn adding_a_rack_group_raises_it_load_and_invalid_values_keep_the_last_results() {
        let mut a = app();
        let before = kpis(&a);
        let mut s = a.session().doc.scenario.clone();
        let mut g = s.datacenter.rack_groups[2].clone();
        g.name = "More air-cooled racks".into();
        s.datacenter.rack_groups.push(g);
        a.apply_edit(s, false);
        a.wait_for_simulation();
        let grown = kpis(&a);
        assert!(grown.it_energy_mwh > before.it_energy_mwh);
        assert_eq!(grown.racks_total, before.racks_total + 6000);
        // An invalid value is flagged by path and does not replace the results.
        let mut s = a.session().doc.scenario.clone();
        s.battery.round_trip_eff = 1.5;
        a.apply_edit(s, false);
        assert!(a.session().issues.contains_key("battery.round_trip_eff"));
        assert_eq!(kpis(&a), grown);
        // Saving is refused with the reason, so a saved file always opens.
        let dir = tempfile::tempdir().unwrap();
        assert!(!a.save_now(&dir.path().join("x.ron")));
        assert!(
            a.notice
                .as_ref()
                .unwrap()
                .body
                .contains("battery.round_trip_eff")
        );
    }

    #[test]
    fn an_invalid_file_shows_the_error_and_keeps_the_scenario() {
        let mut a = app();
        let mut s = a.session().doc.scenario.clone();
        s.battery.energy_mwh = 1234.0;
        a.apply_edit(s, false);
        let edited = a.session().doc.scenario.clone();
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, "(schema_version: 1, site: (name: \"x\"").unwrap();
        a.open_now(&bad);
        let n = a.notice.clone().expect("an error is shown");
        assert!(n.body.contains("bad.ron:1:"), "{}", n.body);
        assert_eq!(a.session().doc.scenario, edited);
    }

    #[test]
    fn save_then_reopen_gives_identical_numbers_and_a_clean_title() {
        let mut a = app();
        let mut s = a.session().doc.scenario.clone();
        s.wind_farms[0].turbine_count = 80;
        a.apply_edit(s, false);
        a.wait_for_simulation();
        let k = kpis(&a);
        assert!(a.title().starts_with('●'));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.ron");
        a.command(Command::SaveAs(path.clone()));
        a.run_commands(None);
        a.wait_for_simulation();
        assert!(!a.session().doc.is_dirty());
        assert!(a.title().starts_with("case.ron"), "{}", a.title());
        assert_eq!(a.settings.recent.first(), Some(&path));
        let mut b = app();
        b.open_now(&path);
        b.wait_for_simulation();
        assert_eq!(kpis(&b), k);
    }

    #[test]
    fn saving_keeps_the_comments_and_layout_of_the_file() {
        let comments = |t: &str| -> Vec<String> {
            t.lines()
                .map(str::trim)
                .filter(|l| l.starts_with("//"))
                .map(str::to_owned)
                .collect()
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("team.ron");
        // A colleague's file: the reference's comments, a comment of its own and `1_300`.
        let original = scenario::DAKHLA_REFERENCE_RON
            .replace("count: 1300,", "count: 1_300, // agreed with ops, 2026-11")
            .replace(
                "    battery: (",
                "    // Storage: four hours, see the note of 3 Dec.\n    battery: (",
            );
        std::fs::write(&path, &original).unwrap();
        let mut a = app();
        a.open_now(&path);
        let mut s = a.session().doc.scenario.clone();
        s.battery.energy_mwh = 800.0;
        a.apply_edit(s, false);
        assert!(a.save_now(&path));
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(comments(&saved), comments(&original));
        assert!(saved.contains("count: 1_300, // agreed with ops, 2026-11"));
        // One line differs: the one edited.
        let diff: Vec<_> = original
            .lines()
            .zip(saved.lines())
            .filter(|(x, y)| x != y)
            .collect();
        assert_eq!(diff.len(), 1, "{diff:?}");
        assert!(
            diff[0].1.trim_start().starts_with("energy_mwh: 800.0"),
            "{diff:?}"
        );
        assert_eq!(original.lines().count(), saved.lines().count());
        // A new document saved as a file keeps the reference's comments.
        let mut b = app();
        let fresh = dir.path().join("fresh.ron");
        assert!(b.save_now(&fresh));
        assert_eq!(
            std::fs::read_to_string(&fresh).unwrap(),
            scenario::DAKHLA_REFERENCE_RON
        );
    }

    /// Poll the weather-years run until it ends (panics after `timeout_s`).
    fn wait_for_years(a: &mut PlannerApp, timeout_s: u64) {
        let t0 = Instant::now();
        while a.session_mut().years.poll() {
            assert!(
                t0.elapsed().as_secs() < timeout_s,
                "weather-years run still going after {timeout_s} s: {:?}",
                a.session().years.progress()
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn a_tabs_run_goes_on_while_another_tab_is_shown_and_closing_the_tab_stops_it() {
        let mut a = app();
        assert!(a.start_weather_years(2));
        a.command(Command::New);
        a.run_commands(None);
        assert_eq!(a.active_tab(), 1);
        assert!(
            a.session().years.progress().is_none(),
            "the new tab runs nothing"
        );
        // The first tab's run finishes while the second is shown.
        let t0 = Instant::now();
        while a.sessions[0].years.progress().is_some() {
            a.poll_jobs();
            assert!(
                t0.elapsed().as_secs() < 300,
                "the hidden tab's run never ended"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        a.command(Command::SwitchTab(0));
        a.run_commands(None);
        let run = a
            .session()
            .years
            .run
            .as_ref()
            .expect("collected in the background");
        assert_eq!(run.years.len(), 2);
        // A run of a tab that closes is cancelled with it: its worker is dropped.
        assert!(a.start_weather_years(200));
        a.command(Command::CloseTab(0));
        a.run_commands(None);
        assert_eq!(a.tab_count(), 1);
        assert!(a.session().years.progress().is_none());
    }

    #[test]
    fn a_three_year_weather_run_completes_with_three_years() {
        let mut a = app();
        assert_eq!(Settings::default().weather_years, 20);
        assert!(a.start_weather_years(3));
        // One run at a time.
        assert!(!a.start_weather_years(3));
        assert_eq!(a.session().years.progress().map(|p| p.1), Some(3));
        wait_for_years(&mut a, 300);
        assert_eq!(a.session().years.message, None);
        let run = a.session().years.run.as_ref().expect("results");
        assert_eq!(run.years.len(), 3);
        let ops: Vec<u32> = run.years.iter().map(|y| y.operating_year).collect();
        assert_eq!(ops, [0, 1, 2]);
        let rf = &run.dist["renewable_fraction"];
        assert!(rf.worst <= rf.p90 && rf.p90 <= rf.p50 && rf.p50 <= rf.best);
        let base = a.session().doc.base_dir();
        assert!(
            a.session()
                .years
                .is_current(&a.session().doc.scenario, &base)
        );
        // An edit afterwards makes them results of an earlier version of the inputs.
        let mut s = a.session().doc.scenario.clone();
        s.battery.energy_mwh *= 1.5;
        a.apply_edit(s, false);
        assert!(
            !a.session()
                .years
                .is_current(&a.session().doc.scenario, &base)
        );
        assert_eq!(
            a.session().years.run.as_ref().map(|r| r.years.len()),
            Some(3)
        );
        // Invalid inputs cannot be run.
        let mut s = a.session().doc.scenario.clone();
        s.battery.round_trip_eff = 1.5;
        a.apply_edit(s, false);
        assert!(!a.start_weather_years(3));
    }

    #[test]
    fn the_weather_years_section_runs_from_its_button_and_greys_stale_results() {
        use egui_kittest::Harness;
        use egui_kittest::kittest::Queryable;
        let settings = Settings {
            weather_years: 3,
            ..Settings::default()
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(1500.0, 2400.0))
            .build_ui_state(
                |ui, app: &mut PlannerApp| app.frame(ui),
                PlannerApp::with_settings(settings),
            );
        h.state_mut().wait_for_simulation();
        h.run_steps(3);
        assert!(h.query_by_label("Weather years (P50 / P90)").is_some());
        h.get_by_label("Run").click();
        h.run_steps(2);
        assert!(
            h.state().session().years.progress().is_some()
                || h.state().session().years.run.is_some()
        );
        wait_for_years(h.state_mut(), 300);
        h.run_steps(3);
        assert_eq!(
            h.state()
                .session()
                .years
                .run
                .as_ref()
                .map(|r| r.years.len()),
            Some(3)
        );
        assert!(h.query_by_label("P90").is_some());
        assert!(h.query_by_label_contains("earlier version").is_none());
        let mut s = h.state().session().doc.scenario.clone();
        s.battery.energy_mwh *= 1.5;
        h.state_mut().apply_edit(s, false);
        h.state_mut().wait_for_simulation();
        h.run_steps(3);
        assert!(h.query_by_label_contains("earlier version").is_some());
        assert!(h.query_by_label("Run again").is_some());
    }

    #[test]
    fn a_cancelled_weather_run_stops_early_and_keeps_the_last_results() {
        let mut a = app();
        assert!(a.start_weather_years(200));
        a.session().years.cancel();
        wait_for_years(&mut a, 300);
        assert!(a.session().years.run.is_none());
        let m = a.session().years.message.clone().expect("a note");
        assert!(m.starts_with("Cancelled after"), "{m}");
        assert!(m.ends_with("of 200 years."), "{m}");
    }

    /// Poll the optimization until it ends (panics after `timeout_s`).
    fn wait_for_optimization(a: &mut PlannerApp, timeout_s: u64) {
        let t0 = Instant::now();
        while a.session_mut().optimize.poll() {
            assert!(
                t0.elapsed().as_secs() < timeout_s,
                "optimization still going after {timeout_s} s: {:?}",
                a.session().optimize.progress()
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn applying_the_optimum_or_a_pareto_point_is_one_undo_step() {
        use crate::optimize::capacities_of;
        let mut a = app();
        let base = a.session().doc.base_dir();
        assert!(!a.apply_optimized(Pick::Optimum), "nothing to apply yet");
        // A short front keeps the test quick.
        let mut s = a.session().doc.scenario.clone();
        s.optimizer.pareto_from = 0.6;
        s.optimizer.pareto_to = 0.8;
        s.optimizer.pareto_points = 2;
        a.apply_edit(s, false);
        let inputs = a.session().doc.scenario.clone();
        let steps = a.session().doc.undo.len();

        assert!(a.start_optimization(JobKind::Optimize));
        assert!(!a.start_optimization(JobKind::Pareto), "one run at a time");
        wait_for_optimization(&mut a, 120);
        assert_eq!(a.session().optimize.message, None);
        let built = a
            .session()
            .optimize
            .optimum
            .as_ref()
            .expect("an optimum")
            .data
            .capacities;
        assert!(
            a.session()
                .optimize
                .optimum
                .as_ref()
                .unwrap()
                .data
                .best
                .feasible()
        );
        assert!(a.apply_optimized(Pick::Optimum));
        assert_eq!(a.session().doc.undo.len(), steps + 1, "one undo step");
        let applied = a.session().doc.scenario.clone();
        assert_ne!(applied, inputs);
        let caps = capacities_of(&applied);
        assert!(
            (caps.solar_mwdc - built.solar_mwdc).abs() < 1e-6,
            "{caps:?} {built:?}"
        );
        assert!((caps.wind_mw - built.wind_mw).abs() < 1e-6);
        assert!((caps.battery_energy_mwh - built.battery_energy_mwh).abs() < 1e-6);
        // The loaded mix still counts as the run's inputs.
        let run = a.session().optimize.optimum.as_ref().unwrap();
        assert!(run.is_current(&a.session().doc.scenario, &base));
        assert_eq!(run.loaded(&a.session().doc.scenario), Some(Pick::Optimum));
        // Applying again changes nothing and adds no step.
        assert!(a.apply_optimized(Pick::Optimum));
        assert_eq!(a.session().doc.undo.len(), steps + 1);
        a.command(Command::Undo);
        a.run_commands(None);
        assert_eq!(a.session().doc.scenario, inputs);
        a.command(Command::Redo);
        a.run_commands(None);
        assert_eq!(a.session().doc.scenario, applied);
        a.command(Command::Undo);
        a.run_commands(None);

        assert!(a.start_optimization(JobKind::Pareto));
        wait_for_optimization(&mut a, 120);
        assert_eq!(a.session().optimize.message, None);
        let front = a.session().optimize.front.as_ref().expect("a front");
        assert_eq!(front.data.points.len(), 2);
        assert!(
            front.data.points[1].annualized_cost_usd >= front.data.points[0].annualized_cost_usd
        );
        assert!(!a.apply_optimized(Pick::Pareto(7)), "no such point");
        assert!(a.apply_optimized(Pick::Pareto(0)));
        let first = a.session().doc.scenario.clone();
        assert!(a.apply_optimized(Pick::Pareto(1)));
        assert_eq!(
            a.session().doc.undo.len(),
            steps + 2,
            "one step per point loaded"
        );
        let front = a.session().optimize.front.as_ref().unwrap();
        assert_eq!(
            front.loaded(&a.session().doc.scenario),
            Some(Pick::Pareto(1))
        );
        // Both results were computed on these inputs: loading a point keeps the optimum
        // current too (only capacities moved).
        let optimum = a.session().optimize.optimum.as_ref().unwrap();
        assert!(optimum.is_current(&a.session().doc.scenario, &base));
        assert_eq!(
            optimum.loaded(&a.session().doc.scenario),
            Some(Pick::Pareto(1))
        );
        a.command(Command::Undo);
        a.run_commands(None);
        assert_eq!(a.session().doc.scenario, first);
        let front = a.session().optimize.front.as_ref().unwrap();
        assert_eq!(
            front.loaded(&a.session().doc.scenario),
            Some(Pick::Pareto(0))
        );
        assert!(front.is_current(&a.session().doc.scenario, &base));
        a.command(Command::Undo);
        a.run_commands(None);
        assert_eq!(a.session().doc.scenario, inputs);

        // Another change of the inputs makes both results ones of an earlier version; they stay.
        let mut s = a.session().doc.scenario.clone();
        s.economics.discount_rate += 0.01;
        a.apply_edit(s, false);
        assert!(
            !a.session()
                .optimize
                .front
                .as_ref()
                .unwrap()
                .is_current(&a.session().doc.scenario, &base)
        );
        assert!(
            !a.session()
                .optimize
                .optimum
                .as_ref()
                .unwrap()
                .is_current(&a.session().doc.scenario, &base)
        );
        // Invalid inputs cannot be run.
        let mut s = a.session().doc.scenario.clone();
        s.optimizer.pareto_points = 1;
        a.apply_edit(s, false);
        assert!(!a.start_optimization(JobKind::Pareto));
    }

    #[test]
    fn optimize_with_a_lole_target_sizes_units_on_the_worker_and_applies_them_as_one_step() {
        use crate::optimize::capacities_of;
        let mut a = app();
        let mut s = a.session().doc.scenario.clone();
        s.targets.max_lole_h_per_year = Some(0.5);
        a.apply_edit(s, false);
        // Few draws keep the test quick; the sizing is checked against the outage table in the
        // core's tests.
        a.session_mut().optimize.sizing_draws = 20;
        let steps = a.session().doc.undo.len();
        assert!(a.start_optimization(JobKind::Optimize));
        wait_for_optimization(&mut a, 600);
        assert_eq!(a.session().optimize.message, None);
        let run = a.session().optimize.optimum.as_ref().expect("an optimum");
        assert_eq!(run.data.sizing_note, None);
        let z = run.data.sizing.as_ref().expect("sized to the LOLE target");
        assert_eq!(z.options.draws, 20);
        assert!(z.result.met, "{:?}", z.result.last);
        assert!(z.result.last.reliability.lole_h_per_year <= 0.5);
        assert!(
            z.result.steps.len() >= 2,
            "the path has the start and a step"
        );
        assert!(
            z.result.steps[0].reliability.lole_h_per_year > 0.5,
            "perfect-machine sizing misses the target under failures: {:?}",
            z.result.steps[0]
        );
        // What the panel shows is the sized design.
        assert_eq!(run.data.capacities, capacities_of(&z.result.scenario));
        let sized = z.result.scenario.clone();
        assert!(a.apply_optimized(Pick::Optimum));
        assert_eq!(a.session().doc.undo.len(), steps + 1, "one undo step");
        let applied = &a.session().doc.scenario;
        assert_eq!(applied.backup.len(), sized.backup.len());
        for (b, z) in applied.backup.iter().zip(&sized.backup) {
            assert_eq!((b.unit_count, b.capacity_mw), (z.unit_count, z.capacity_mw));
        }
        assert_eq!(applied.battery.power_mw, sized.battery.power_mw);
        assert_eq!(applied.battery.energy_mwh, sized.battery.energy_mwh);
        assert_eq!(capacities_of(applied), capacities_of(&sized));

        // The front judges each point under failures, as the sizing judges a design, so it can
        // be drawn against LOLE.
        a.command(Command::Undo);
        a.run_commands(None);
        let mut s = a.session().doc.scenario.clone();
        s.optimizer.pareto_from = 0.7;
        s.optimizer.pareto_to = 0.9;
        s.optimizer.pareto_points = 2;
        a.apply_edit(s, false);
        assert!(a.start_optimization(JobKind::Pareto));
        wait_for_optimization(&mut a, 600);
        let front = a.session().optimize.front.as_ref().expect("a front");
        assert_eq!(front.data.reliability_note, None);
        assert_eq!(front.data.reliability.len(), 2);
        let design = a
            .session()
            .optimize
            .preview(Pick::Pareto(1), &front.scenario)
            .expect("a point");
        let options = a.session().optimize.sizing_options();
        let never = std::sync::atomic::AtomicBool::new(false);
        let judged = crate::reliability::sizing::level_reliability(
            &design,
            &front.base_dir,
            &options,
            front.scenario.targets.reliability_percentile,
            &never,
        )
        .expect("judged");
        assert_eq!(front.data.reliability[1], judged);
        assert!(judged.lole_h_per_year.is_finite());
    }

    #[test]
    fn a_cancelled_pareto_run_keeps_the_last_front_and_says_so() {
        let mut a = app();
        assert!(a.start_optimization(JobKind::Pareto));
        a.session().optimize.cancel();
        wait_for_optimization(&mut a, 120);
        assert!(a.session().optimize.front.is_none());
        let m = a.session().optimize.message.clone().expect("a note");
        assert!(m.starts_with("Cancelled after"), "{m}");
        assert!(m.ends_with("of 20 points."), "{m}");
    }

    /// Poll the tabs' jobs until the active tab's reliability run ends (panics after
    /// `timeout_s`).
    fn wait_for_reliability(a: &mut PlannerApp, timeout_s: u64) {
        let t0 = Instant::now();
        while a.session_mut().reliability.poll() {
            assert!(
                t0.elapsed().as_secs() < timeout_s,
                "reliability run still going after {timeout_s} s: {:?}",
                a.session().reliability.progress()
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn a_reliability_run_keeps_its_figures_with_its_inputs_and_goes_stale_after_an_edit() {
        let mut a = app();
        let r = &mut a.session_mut().reliability;
        assert_eq!((r.draws, r.years, r.seed), (1000, 1, 1));
        (r.draws, r.years, r.seed) = (40, 2, 7);
        // Started as the panel's button does: a command applied after the frame.
        a.command(Command::RunReliability);
        a.run_commands(None);
        assert!(a.session().reliability.running());
        // One run at a time.
        assert!(!a.start_reliability());
        assert!(
            a.session()
                .reliability
                .progress()
                .is_some_and(|p| p.1 == 80)
        );
        wait_for_reliability(&mut a, 300);
        assert_eq!(a.session().reliability.message, None);
        let run = a
            .session()
            .reliability
            .run
            .as_ref()
            .expect("a finished run");
        let st = &run.assessment.stats;
        assert!(run.assessment.complete);
        assert_eq!((run.assessment.draws, run.assessment.years), (40, 2));
        assert_eq!(run.assessment.seed, 7);
        assert_eq!(st.samples, 40 * 2, "samples = draws x weather years");
        for e in [
            &st.lole_h_per_year,
            &st.eue_mwh_per_year,
            &st.events_per_year,
        ] {
            assert!(e.mean.is_finite() && e.mean >= 0.0, "{e:?}");
            assert!(e.std_error.is_finite() && e.std_error >= 0.0, "{e:?}");
        }
        // LOLE and LOLP are one figure in two units.
        assert!((st.lolp.mean * 8760.0 - st.lole_h_per_year.mean).abs() < 1e-9);
        assert!(st.backup_energy_mwh_per_year.mean > 0.0);
        assert_eq!(st.event_durations.len(), 7);
        // The reference campus has no grid link: no survival curve.
        assert!(st.survival.is_none());
        assert_eq!(run.assessment.without_failures.modes.len(), 3);
        assert_eq!(run.scenario, a.session().doc.scenario);
        let figures = run.assessment.clone();
        assert_eq!(a.session().current_reliability(), Some(&figures));
        // The same seed gives the same figures to the last digit.
        assert!(a.start_reliability());
        wait_for_reliability(&mut a, 300);
        assert_eq!(a.session().current_reliability(), Some(&figures));
        // An edit makes it a run of an earlier version of the inputs, kept and marked stale.
        let mut s = a.session().doc.scenario.clone();
        s.backup[0].forced_outage_rate *= 2.0;
        a.apply_edit(s, false);
        let base = a.session().doc.base_dir();
        assert!(
            !a.session()
                .reliability
                .is_current(&a.session().doc.scenario, &base)
        );
        assert_eq!(a.session().current_reliability(), None);
        assert_eq!(
            a.session().reliability.run.as_ref().map(|r| &r.assessment),
            Some(&figures)
        );
        // Undo brings the inputs back, and with them the run.
        a.command(Command::Undo);
        a.run_commands(None);
        assert_eq!(a.session().current_reliability(), Some(&figures));
        // Invalid inputs cannot be run.
        let mut s = a.session().doc.scenario.clone();
        s.battery.round_trip_eff = 1.5;
        a.apply_edit(s, false);
        assert!(!a.start_reliability());
    }

    #[test]
    fn cancel_stops_a_reliability_run_and_keeps_the_last_one() {
        let mut a = app();
        a.session_mut().reliability.draws = 20;
        assert!(a.start_reliability());
        wait_for_reliability(&mut a, 300);
        let kept = a.session().current_reliability().cloned().expect("a run");
        // A long run, cancelled as the panel's Cancel does: stopped well before its end.
        a.session_mut().reliability.draws = 100_000;
        assert!(a.start_reliability());
        let t0 = Instant::now();
        a.command(Command::CancelReliability);
        a.run_commands(None);
        wait_for_reliability(&mut a, 300);
        assert!(t0.elapsed().as_secs() < 120, "the cancel was not heard");
        let m = a.session().reliability.message.clone().expect("a note");
        assert!(m.starts_with("Cancelled after"), "{m}");
        assert!(m.contains("of 100000 sampled years"), "{m}");
        // Nothing of the cancelled run is kept: the last finished run stays.
        assert_eq!(a.session().current_reliability(), Some(&kept));
        // Closing the tab drops (and so cancels) a run in progress.
        assert!(a.start_reliability());
        a.command(Command::New);
        a.run_commands(None);
        assert!(
            !a.session().reliability.running(),
            "the new tab runs nothing"
        );
        a.command(Command::CloseTab(0));
        a.run_commands(None);
        assert_eq!(a.tab_count(), 1);
        assert!(!a.session().reliability.running());
    }

    #[test]
    fn new_opens_a_tab_and_closing_a_changed_tab_asks_first() {
        let mut a = app();
        let mut s = a.session().doc.scenario.clone();
        s.battery.power_mw = 450.0;
        a.apply_edit(s, false);
        a.command(Command::New);
        a.run_commands(None);
        assert_eq!(a.tab_count(), 2);
        assert_eq!(a.active_tab(), 1);
        assert_eq!(a.session().doc.scenario, Scenario::dakhla_reference());
        assert!(a.pending.is_none(), "a new tab loses nothing: no question");
        // The first tab kept its edit and its undo history.
        a.command(Command::SwitchTab(0));
        a.run_commands(None);
        assert_eq!(a.session().doc.scenario.battery.power_mw, 450.0);
        assert!(a.session().doc.can_undo());
        // Closing it asks; nothing is lost before the answer.
        a.command(Command::CloseTab(0));
        a.run_commands(None);
        assert_eq!(a.pending, Some(Pending::CloseTab));
        assert_eq!(a.tab_count(), 2);
        assert_eq!(a.session().doc.scenario.battery.power_mw, 450.0);
        // Discard: the user confirmed.
        let p = a.pending.take().unwrap();
        a.do_pending(p, None);
        assert_eq!(a.tab_count(), 1);
        assert_eq!(a.session().doc.scenario, Scenario::dakhla_reference());
        a.wait_for_simulation();
        assert!(a.session().results.is_some());
    }

    #[test]
    fn quitting_asks_for_each_changed_tab_in_turn() {
        let mut a = app();
        for power in [450.0, 460.0] {
            let mut s = a.session().doc.scenario.clone();
            s.battery.power_mw = power;
            a.apply_edit(s, false);
            a.command(Command::New);
            a.run_commands(None);
        }
        // Tabs 0 and 1 changed, tab 2 untouched.
        a.command(Command::Quit);
        a.run_commands(None);
        assert_eq!(a.pending, Some(Pending::Quit(vec![])));
        assert_eq!(a.active_tab(), 0);
        let p = a.pending.take().unwrap();
        a.do_pending(p, None);
        assert_eq!(a.pending, Some(Pending::Quit(vec![0])));
        assert_eq!(a.active_tab(), 1);
        assert_eq!(a.session().doc.scenario.battery.power_mw, 460.0);
        let p = a.pending.take().unwrap();
        a.do_pending(p, None);
        assert!(a.pending.is_none());
        assert!(a.allow_close);
    }

    #[test]
    fn opening_a_file_fills_the_untouched_tab_then_new_tabs_and_reopening_switches() {
        let dir = tempfile::tempdir().unwrap();
        let one = dir.path().join("one.ron");
        let two = dir.path().join("two.ron");
        let mut s = Scenario::dakhla_reference();
        crate::scenario::save(&s, &one).unwrap();
        s.battery.energy_mwh = 999.0;
        crate::scenario::save(&s, &two).unwrap();
        let mut a = app();
        a.open_now(&one);
        assert_eq!(a.tab_count(), 1, "the untouched built-in tab is replaced");
        a.open_now(&two);
        assert_eq!(a.tab_count(), 2);
        assert_eq!(a.session().doc.scenario.battery.energy_mwh, 999.0);
        a.open_now(&one);
        assert_eq!(a.tab_count(), 2, "an open file is not opened twice");
        assert_eq!(a.active_tab(), 0);
        // Every tab's engine works on its own worker; all finish.
        let t0 = Instant::now();
        while a.poll_jobs() {
            assert!(
                t0.elapsed().as_secs() < 120,
                "the tabs' simulations never ended"
            );
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let views = a.tab_views();
        assert_eq!(views.len(), 2);
        assert!(views.iter().all(|v| v.results.is_some() && !v.stale));
    }
}

mod safety_tests {
    use super::super::*;
    #[allow(unused_imports)]
    use crate::gui::panels::optimize::{JobKind, Pick};
    #[allow(unused_imports)]
    use crate::scenario::{self, Scenario};
    #[allow(unused_imports)]
    use std::path::{Path, PathBuf};
    #[allow(unused_imports)]
    use std::time::Instant;

    fn app() -> PlannerApp {
        let mut a = PlannerApp::with_settings(Settings::default());
        a.wait_for_simulation();
        a
    }

    fn edit_battery(a: &mut PlannerApp, mwh: f64) {
        let mut s = a.session().doc.scenario.clone();
        s.battery.energy_mwh = mwh;
        a.apply_edit(s, false);
    }

    #[test]
    fn unsaved_work_survives_a_crash_and_is_offered_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.ron");
        crate::scenario::save(&Scenario::dakhla_reference(), &file).unwrap();
        let recovery = dir.path().join("recovery");
        {
            let mut a = app();
            a.enable_recovery(&recovery);
            assert!(a.drafts_offered.is_empty());
            a.open_now(&file);
            edit_battery(&mut a, 2222.0);
            // Not yet: a copy is written a moment after the last change, not on every frame.
            assert!(a.autosave(false).is_some());
            // A second tab with its own unsaved (and invalid) change.
            a.command(Command::New);
            a.run_commands(None);
            edit_battery(&mut a, -5.0);
            a.autosave(true);
            // The process dies here: no clean exit.
        }
        let mut b = app();
        b.enable_recovery(&recovery);
        assert_eq!(b.drafts_offered.len(), 2, "{:?}", b.drafts_offered);
        b.recover_drafts();
        assert_eq!(b.tab_count(), 2);
        let views = b.tab_views();
        let plan = views
            .iter()
            .find(|v| v.doc.path.as_deref() == Some(file.as_path()))
            .expect("the file's tab");
        assert_eq!(plan.doc.scenario.battery.energy_mwh, 2222.0);
        assert!(plan.doc.is_dirty(), "recovered work is unsaved until saved");
        let other = views.iter().find(|v| v.doc.path.is_none()).unwrap();
        assert_eq!(other.doc.scenario.battery.energy_mwh, -5.0);
        // The old copies were taken over; b keeps copies of the recovered work as its own. If b
        // dies too, a third start offers the same work again, once.
        b.command(Command::SwitchTab(0));
        b.run_commands(None);
        b.autosave(true);
        drop(b);
        let mut c = app();
        c.enable_recovery(&recovery);
        let mut again: Vec<f64> = c
            .drafts_offered
            .iter()
            .map(|d| d.scenario.battery.energy_mwh)
            .collect();
        again.sort_by(f64::total_cmp);
        assert_eq!(again, vec![-5.0, 2222.0]);
    }

    #[test]
    fn saving_removes_the_copy_and_a_clean_exit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.ron");
        crate::scenario::save(&Scenario::dakhla_reference(), &file).unwrap();
        let recovery = dir.path().join("recovery");
        let mut a = app();
        a.enable_recovery(&recovery);
        a.open_now(&file);
        edit_battery(&mut a, 1234.0);
        a.autosave(true);
        let drafts = |d: &Path| {
            std::fs::read_dir(d)
                .unwrap()
                .filter(|e| {
                    e.as_ref()
                        .unwrap()
                        .path()
                        .extension()
                        .is_some_and(|x| x == "ron")
                })
                .count()
        };
        assert_eq!(drafts(&recovery), 1);
        assert!(a.save_now(&file));
        assert_eq!(drafts(&recovery), 0);
        edit_battery(&mut a, 1235.0);
        a.autosave(true);
        assert_eq!(drafts(&recovery), 1);
        if let Some(r) = &a.recovery {
            r.finish();
        }
        assert_eq!(std::fs::read_dir(&recovery).unwrap().count(), 0);
    }

    #[test]
    fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.ron");
        crate::scenario::save(&Scenario::dakhla_reference(), &file).unwrap();
        let mut a = app();
        a.open_now(&file);
        edit_battery(&mut a, 1111.0);
        // A colleague saves the same file meanwhile.
        let mut theirs = Scenario::dakhla_reference();
        theirs.wind_farms[0].turbine_count = 99;
        crate::scenario::save(&theirs, &file).unwrap();
        a.command(Command::Save);
        a.run_commands(None);
        assert_eq!(a.overwrite_question.as_deref(), Some(file.as_path()));
        assert_eq!(
            crate::scenario::load(&file).unwrap(),
            theirs,
            "their file is untouched until the user answers"
        );
        assert!(a.session().doc.is_dirty());
        // "Overwrite it".
        a.overwrite_question = None;
        a.command(Command::SaveOverwriting(file.clone()));
        a.run_commands(None);
        assert_eq!(
            crate::scenario::load(&file).unwrap().battery.energy_mwh,
            1111.0
        );
        assert!(!a.session().doc.is_dirty());
        // Saving again, with no change on disk since, does not ask.
        edit_battery(&mut a, 1112.0);
        a.command(Command::Save);
        a.run_commands(None);
        assert!(a.overwrite_question.is_none());
        assert_eq!(
            crate::scenario::load(&file).unwrap().battery.energy_mwh,
            1112.0
        );
    }
}

mod warning_tests {
    use super::super::*;
    #[allow(unused_imports)]
    use crate::gui::panels::optimize::{JobKind, Pick};
    #[allow(unused_imports)]
    use crate::scenario::{self, Scenario};
    #[allow(unused_imports)]
    use std::path::{Path, PathBuf};
    #[allow(unused_imports)]
    use std::time::Instant;

    #[test]
    fn scenario_warnings_are_shown_and_the_fingerprint_is_read_once_per_source() {
        let mut a = PlannerApp::with_settings(Settings::default());
        a.wait_for_simulation();
        assert!(
            a.session().warnings.is_empty(),
            "{:?}",
            a.session().warnings
        );
        let mut s = a.session().doc.scenario.clone();
        s.battery.power_mw = 0.0;
        a.apply_edit(s, false);
        assert!(
            a.session()
                .warnings
                .iter()
                .any(|w| w.contains("battery.power_mw")),
            "{:?}",
            a.session().warnings
        );
        // A weather file whose recorded SHA-256 does not match is reported.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("w.csv"), "timestamp,ghi\n").unwrap();
        a.session_mut().doc.path = Some(dir.path().join("case.ron"));
        let mut s = a.session().doc.scenario.clone();
        s.weather = crate::scenario::WeatherSource::Csv {
            path: "w.csv".into(),
            sha256: Some("00".repeat(32)),
        };
        a.apply_edit(s, false);
        assert!(
            a.session()
                .warnings
                .iter()
                .any(|w| w.contains("weather.sha256")),
            "{:?}",
            a.session().warnings
        );
    }
}
