//! The optimizer against the optimum of the equivalent linear program (HiGHS), kept as a fixture
//! by `tests/reference/lp_optimum.py`, and the `optimize` / `merge` command line.

use dakhla_planner::optimize::{self, Control, SearchOptions};
use dakhla_planner::scenario::{self, Scenario};
use dakhla_planner::sim::Engine;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;

fn repo(p: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(p)
}

/// A fixture key: a scenario path, optionally `@cfe<target>` or `@flex<share>` (that share of
/// each AI hall's energy flexible within local days, as `tests/reference/lp_optimum.py` writes
/// it).
fn scenario_of(key: &str) -> Scenario {
    // `@morocco`: the file's own cost set (Morocco 2025), in US dollars, not NREL ATB 2024.
    let own_costs = key.contains("@morocco");
    let key = key.replace("@morocco", "");
    let (path, cfe) = match key.split_once("@cfe") {
        Some((p, v)) => (p, Some(v.parse::<f64>().expect("a target after @cfe"))),
        None => (key.as_str(), None),
    };
    let (path, flex) = match path.split_once("@flex") {
        Some((p, v)) => (p, Some(v.parse::<f64>().expect("a share after @flex"))),
        None => (path, None),
    };
    let s = scenario::load(&repo(path)).expect("shipped scenario loads");
    // The LP fixture was solved at the costs the scenarios shipped with then: NREL ATB 2024 in
    // US dollars (the shipped files now count in dirhams on the Morocco 2025 set). Written back
    // exactly: the set's figures are the ones those files held.
    let usd = scenario::money::convert_costs(&s, scenario::money::Currency::Usd).unwrap();
    let mut s = if own_costs {
        usd
    } else {
        scenario::money::apply_cost_set(&usd, scenario::money::CostBasis::NrelAtb2024)
            .expect("the ATB set applies")
    };
    if let Some(v) = cfe {
        s.targets.min_cfe_score = Some(v);
    }
    if let Some(share) = flex {
        for g in &mut s.datacenter.rack_groups {
            if g.name.starts_with("AI hall") {
                g.flexibility = Some(scenario::Flexibility {
                    share_frac: share,
                    window_h: 24,
                    ramp_frac_per_h: None,
                });
            }
        }
    }
    s
}

#[test]
fn optimizer_is_within_half_a_percent_of_the_lp_optimum() {
    let text = std::fs::read_to_string(repo("tests/fixtures/lp_optimum.json")).unwrap();
    let fixture: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = fixture["scenarios"].as_object().expect("scenarios");
    assert!(
        cases.len() >= 5,
        "the fixture covers every shipped scenario and two targets"
    );
    let mut report = Vec::new();
    for (key, case) in cases {
        let s = scenario_of(key);
        let lp = case["lp_annualized_cost_usd"].as_f64().unwrap();
        let cancel = AtomicBool::new(false);
        let control = Control {
            cancel: &cancel,
            progress: &|_| {},
        };
        let mut engine = Engine::new();
        let opt = optimize::optimize_scenario(
            &mut engine,
            &s,
            &repo("scenarios"),
            &SearchOptions::default(),
            &control,
        )
        .unwrap();
        let ours = opt.results.kpis.annualized_cost_usd;
        let gap = ours / lp - 1.0;
        report.push(format!(
            "{key}: LP {lp:.0}, ours {ours:.0}, gap {:.3} %",
            gap * 100.0
        ));
        assert!(opt.outcome.best.feasible(), "{key}: infeasible");
        assert!(
            opt.results.kpis.all_targets_met,
            "{key}: targets not met in the simulation"
        );
        // Within 0.5 % above the LP optimum; never meaningfully below it (that would mean the
        // program's cost or dispatch differs from the LP's, i.e. a modelling error).
        assert!(gap <= 0.005, "{}", report.join("\n"));
        assert!(gap >= -1e-4, "{}", report.join("\n"));
    }
    eprintln!("{}", report.join("\n"));
}

fn bin() -> Command {
    // The English these tests read, whatever the locale of the machine running them.
    let mut c = Command::new(env!("CARGO_BIN_EXE_dakhla-planner"));
    c.env("LC_ALL", "C");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn optimize_json_csv_and_save_hold_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let hourly = dir.path().join("opt.csv");
    let saved = dir.path().join("opt.ron");
    let file = repo("scenarios/dakhla-500mw.ron");
    let o = run(&[
        "optimize",
        file.to_str().unwrap(),
        "--json",
        "--hourly",
        hourly.to_str().unwrap(),
        "--save",
        saved.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    for k in [
        "solar_mwdc",
        "wind_mw",
        "battery_energy_mwh",
        "battery_power_mw",
        "backup_mw",
    ] {
        assert!(
            v["capacities"][k].as_f64().unwrap() >= 0.0,
            "capacities.{k}"
        );
    }
    for k in [
        "annualized_cost_usd",
        "battery_round_trip_eff",
        "battery_soc_min_frac",
        "battery_soc_max_frac",
        "wall_s",
    ] {
        assert!(v[k].is_number(), "{k} missing");
    }
    assert!(v["evaluations"].as_u64().unwrap() > 100);
    assert_eq!(v["target"], "min_cfe");
    assert_eq!(
        v["provenance"]["scenario_sha256"].as_str().unwrap().len(),
        64
    );
    assert!(v["kpis"]["cfe_score"].as_f64().unwrap() >= 0.85 - 1e-9);
    for k in [
        "solar_usd_per_mwdc_year",
        "wind_usd_per_mw_year",
        "battery_energy_usd_per_mwh_year",
        "battery_power_usd_per_mw_year",
        "backup_usd_per_mw_year",
        "backup_fuel_usd_per_mwh",
    ] {
        assert!(v["unit_costs"][k].as_f64().unwrap() > 0.0, "unit_costs.{k}");
    }
    // The unit costs rebuild the annualized cost from the capacities and backup energy.
    let c = &v["capacities"];
    let u = &v["unit_costs"];
    let f = |x: &serde_json::Value| x.as_f64().unwrap();
    let rebuilt = f(&u["solar_usd_per_mwdc_year"]) * f(&c["solar_mwdc"])
        + f(&u["wind_usd_per_mw_year"]) * f(&c["wind_mw"])
        + f(&u["battery_energy_usd_per_mwh_year"]) * f(&c["battery_energy_mwh"])
        + f(&u["battery_power_usd_per_mw_year"]) * f(&c["battery_power_mw"])
        + f(&u["backup_usd_per_mw_year"]) * f(&c["backup_mw"])
        + f(&u["backup_fuel_usd_per_mwh"]) * f(&v["kpis"]["backup_energy_mwh"]);
    let cost = f(&v["annualized_cost_usd"]);
    assert!((rebuilt / cost - 1.0).abs() < 1e-9, "{rebuilt} vs {cost}");

    // Hourly CSV: the simulate columns plus the availability profiles, which rebuild the
    // solar and wind columns from the capacities.
    let csv = std::fs::read_to_string(&hourly).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |n: &str| {
        header
            .iter()
            .position(|h| *h == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    let (solar, wind, ps, pw) = (
        col("solar_mw"),
        col("wind_mw"),
        col("solar_mw_per_mwdc"),
        col("wind_mw_per_mw"),
    );
    col("facility_load_mw");
    let mut rows = 0;
    for line in lines {
        let r: Vec<f64> = line
            .split(',')
            .skip(1)
            .map(|x| x.parse().unwrap())
            .collect();
        let at = |i: usize| r[i - 1];
        assert!((at(solar) - at(ps) * f(&c["solar_mwdc"])).abs() < 1e-6);
        assert!((at(wind) - at(pw) * f(&c["wind_mw"])).abs() < 1e-6);
        rows += 1;
    }
    assert_eq!(rows, 8760);

    // --save writes a scenario that simulates to the optimum's KPIs.
    let o = run(&["simulate", saved.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let sim: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(sim["kpis"]["annualized_cost_usd"], v["annualized_cost_usd"]);
    assert_eq!(sim["kpis"]["all_targets_met"], true);
}

#[test]
fn pareto_csv_shards_and_merge_give_the_whole_study() {
    let dir = tempfile::tempdir().unwrap();
    // A small study: 3 targets x 2 cost cases (base + the file's sensitivity) x 1 year.
    let file = small_study(dir.path(), "scenarios/dakhla-500mw.ron");
    let f = file.to_str().unwrap();

    let pareto = dir.path().join("pareto.csv");
    let o = run(&["optimize", f, "--pareto", pareto.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("Pareto front"));
    let csv = std::fs::read_to_string(&pareto).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(
        lines[0].starts_with("target,feasible,renewable_fraction,cfe_score,annualized_cost_usd")
    );

    let mut outs = Vec::new();
    for i in 1..=2 {
        let out = dir.path().join(format!("s{i}.json"));
        let o = run(&[
            "optimize",
            f,
            "--pareto",
            "unused.csv",
            "--shard",
            &format!("{i}/2"),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        outs.push(out);
    }
    let merged = dir.path().join("study.csv");
    let o = run(&[
        "merge",
        outs[1].to_str().unwrap(),
        outs[0].to_str().unwrap(),
        "--csv",
        merged.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let csv = std::fs::read_to_string(&merged).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 1 + 6, "{csv}");
    assert!(rows[0].starts_with("job,case,weather_year,weather,target,feasible"));
    assert!(csv.contains("cheap storage"));
    // The study counts in dirhams (the file's currency, carried by its shards): the US dollar
    // columns as they are, the dirham ones after them, the listing in dirhams.
    assert!(
        rows[0].starts_with(
            "job,case,weather_year,weather,target,feasible,renewable_fraction,cfe_score,\
             annualized_cost_usd,lcoe_usd_per_mwh,annualized_cost_mad,lcoe_mad_per_mwh,solar_mwdc"
        ),
        "{}",
        rows[0]
    );
    let table = csv_table(&csv);
    for row in &table {
        assert_converted(
            &row["annualized_cost_usd"],
            &row["annualized_cost_mad"],
            9.2,
            0,
        );
        assert_converted(&row["lcoe_usd_per_mwh"], &row["lcoe_mad_per_mwh"], 9.2, 3);
    }
    let o = run(&[
        "merge",
        outs[0].to_str().unwrap(),
        outs[1].to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let listing = text(&o.stdout);
    assert!(listing.contains(" M MAD/yr "), "{listing}");
    assert!(!listing.contains("USD"), "{listing}");
    let o = run(&[
        "merge",
        outs[0].to_str().unwrap(),
        outs[1].to_str().unwrap(),
        "--json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(doc["currency"]["code"], "MAD");
    assert_eq!(doc["currency"]["per_usd"], 9.2);
    assert!(doc["jobs"][0]["annualized_cost_usd"].as_f64().unwrap() > 1e7);
    // A missing shard is named.
    let o = run(&["merge", outs[0].to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("shards missing: 2/2"),
        "{}",
        text(&o.stderr)
    );
    // A bad shard spec is bad input.
    let o = run(&["optimize", f, "--shard", "3/2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--shard must look like i/n"));
}

/// A CSV's rows by column name (quoted fields hold commas: the weather column).
fn csv_table(csv: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let fields = |line: &str| -> Vec<String> {
        let (mut out, mut field, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                ',' if !quoted => out.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        out.push(field);
        out
    };
    let mut lines = csv.lines();
    let head = fields(lines.next().unwrap());
    lines
        .map(|l| {
            let row = fields(l);
            assert_eq!(row.len(), head.len(), "{l}");
            head.iter().cloned().zip(row).collect()
        })
        .collect()
}

/// `in_currency` is `usd` x `rate`, both written with `decimals` decimals (the dollars rounded
/// first: within half a unit of each).
fn assert_converted(usd: &str, in_currency: &str, rate: f64, decimals: i32) {
    if usd.is_empty() {
        assert!(in_currency.is_empty(), "{usd} -> {in_currency}");
        return;
    }
    let (u, c): (f64, f64) = (usd.parse().unwrap(), in_currency.parse().unwrap());
    let half = 0.5 * 10f64.powi(-decimals);
    assert!(
        (c - u * rate).abs() <= half * (rate + 1.0),
        "{usd} USD x {rate} = {}, written {in_currency}",
        u * rate
    );
}

/// The small Pareto study of `scenario`: 3 points, the base cost case and one sensitivity.
fn small_study(dir: &Path, scenario: &str) -> PathBuf {
    let src = std::fs::read_to_string(repo(scenario)).unwrap();
    let small = src
        .replace("pareto_points: 20", "pareto_points: 3")
        .replace(
            "            (name: \"dear LNG\", backup_fuel_factor: 1.5),\n",
            "",
        );
    assert_ne!(small, src);
    let file = dir.join(Path::new(scenario).file_name().unwrap());
    std::fs::write(&file, small).unwrap();
    file
}

/// `optimize` shows money in the scenario's currency: the summary, the Pareto table and its
/// progress lines in dirhams for the MAD reference; the Pareto CSV keeps its US dollar columns
/// and adds the dirham ones (the dollars x the file's 9.2 MAD/USD); the JSON keeps its `_usd`
/// keys and adds `pareto_in_currency`. The USD copy reads as it always did.
#[test]
fn optimize_text_and_pareto_csv_count_in_the_scenarios_currency() {
    let dir = tempfile::tempdir().unwrap();
    for (scenario, code) in [
        ("scenarios/dakhla-500mw.ron", "MAD"),
        ("scenarios/dakhla-500mw-usd.ron", "USD"),
    ] {
        let file = small_study(dir.path(), scenario);
        let f = file.to_str().unwrap();
        let pareto = dir.path().join(format!("pareto-{code}.csv"));
        let o = run(&["optimize", f, "--pareto", pareto.to_str().unwrap()]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let out = text(&o.stdout);
        let err = text(&o.stderr);
        let other = if code == "MAD" { "USD" } else { "MAD" };
        for want in [
            format!(" M {code}/yr\n"),
            format!(" {code}/MWh\n"),
            format!("  M {code}/yr  {code}/MWh  extra M {code}/yr per point"),
        ] {
            assert!(out.contains(&want), "{code}: {want:?} in\n{out}");
        }
        assert!(!out.contains(other), "{code}: {other} in\n{out}");
        assert!(err.contains(&format!(" M {code}/yr in ")), "{err}");
        assert!(!err.contains(other), "{err}");
        let csv = std::fs::read_to_string(&pareto).unwrap();
        let head = csv.lines().next().unwrap();
        let usd_head = "target,feasible,renewable_fraction,cfe_score,annualized_cost_usd,\
                        lcoe_usd_per_mwh,extra_cost_usd_per_point,";
        let mix = "solar_mwdc,wind_mw,battery_energy_mwh,battery_power_mw,backup_mw,\
                   evaluations,wall_s";
        if code == "MAD" {
            assert_eq!(
                head,
                format!(
                    "{usd_head}annualized_cost_mad,lcoe_mad_per_mwh,extra_cost_mad_per_point,{mix}"
                )
            );
            let table = csv_table(&csv);
            assert_eq!(table.len(), 3);
            for row in &table {
                assert_converted(
                    &row["annualized_cost_usd"],
                    &row["annualized_cost_mad"],
                    9.2,
                    0,
                );
                assert_converted(&row["lcoe_usd_per_mwh"], &row["lcoe_mad_per_mwh"], 9.2, 3);
                assert_converted(
                    &row["extra_cost_usd_per_point"],
                    &row["extra_cost_mad_per_point"],
                    9.2,
                    0,
                );
            }
            assert!(!table[2]["extra_cost_mad_per_point"].is_empty());
        } else {
            assert_eq!(head, format!("{usd_head}{mix}"));
        }
        // The JSON: `_usd` keys in dollars, the points again in the currency.
        let o = run(&[
            "optimize",
            f,
            "--json",
            "--pareto",
            dir.path().join("unused.csv").to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(doc["currency"]["code"], code);
        let points = doc["pareto"].as_array().unwrap();
        if code == "MAD" {
            let in_mad = doc["pareto_in_currency"].as_array().unwrap();
            assert_eq!(in_mad.len(), points.len());
            for (p, m) in points.iter().zip(in_mad) {
                assert_eq!(p["target"], m["target"]);
                let usd = p["annualized_cost_usd"].as_f64().unwrap();
                let mad = m["annualized_cost_mad"].as_f64().unwrap();
                assert!((mad - usd * 9.2).abs() <= 1e-9 * mad, "{usd} -> {mad}");
                let usd = p["lcoe_usd_per_mwh"].as_f64().unwrap();
                let mad = m["lcoe_mad_per_mwh"].as_f64().unwrap();
                assert!((mad - usd * 9.2).abs() <= 1e-9 * mad, "{usd} -> {mad}");
                assert_eq!(
                    p["extra_cost_usd_per_point"].is_null(),
                    m["extra_cost_mad_per_point"].is_null()
                );
            }
        } else {
            assert!(doc.get("pareto_in_currency").is_none());
            assert!(doc.get("kpis_in_currency").is_none());
        }
    }
}

#[test]
fn an_unreachable_target_exits_2_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(repo("scenarios/dakhla-500mw.ron")).unwrap();
    let capped = src.replace("wind_mw: Free,", "wind_mw: Fixed,").replace(
        "solar_mwdc: Free,",
        "solar_mwdc: Between(min: 0.0, max: 50.0),",
    );
    let capped = capped.replace("turbine_count: 66,", "turbine_count: 10,");
    let file = dir.path().join("capped.ron");
    std::fs::write(&file, capped).unwrap();
    let o = run(&["optimize", file.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(v["feasible"], false);
    assert!(text(&o.stderr).contains("no mix within the optimizer bounds meets the target"));
}

/// Issue 13: bounds that contain the free optimum never change it, however wide (a search over
/// 0..1,000,000 MW is as fine as over the default range) or narrow (a backup range just above
/// the free optimum's backup, or pinned at it).
#[test]
fn bounds_that_contain_the_free_optimum_find_it() {
    use dakhla_planner::scenario::Sizing;
    let base = scenario_of("scenarios/dakhla-500mw.ron");
    let cost = |s: &Scenario| {
        let cancel = AtomicBool::new(false);
        let control = Control {
            cancel: &cancel,
            progress: &|_| {},
        };
        let opt = optimize::optimize_scenario(
            &mut Engine::new(),
            s,
            &repo("scenarios"),
            &SearchOptions::default(),
            &control,
        )
        .expect("optimizes");
        assert!(opt.outcome.best.feasible());
        (opt.outcome.best.annualized_cost_usd, opt.outcome.best.mix)
    };
    let (free, free_mix) = cost(&base);
    let wide = Sizing::Between {
        min: 0.0,
        max: 1_000_000.0,
    };
    let mut all_wide = base.clone();
    all_wide.optimizer.solar_mwdc = wide;
    all_wide.optimizer.wind_mw = wide;
    all_wide.optimizer.battery_energy_mwh = wide;
    all_wide.optimizer.battery_power_mw = wide;
    all_wide.optimizer.backup_mw = wide;
    let mut narrow = base.clone();
    narrow.optimizer.backup_mw = Sizing::Between {
        min: 0.0,
        max: (free_mix.backup_mw * 1.05).ceil(),
    };
    let mut pinned = base.clone();
    let b = (free_mix.backup_mw * 10.0).ceil() / 10.0;
    pinned.optimizer.backup_mw = Sizing::Between { min: b, max: b };
    for (what, s) in [
        ("every capacity 0..1e6", &all_wide),
        ("backup 0..5 % above the free optimum's", &narrow),
        ("backup pinned at the free optimum's", &pinned),
    ] {
        let (c, mix) = cost(s);
        assert!(
            c <= free * 1.001,
            "{what}: {:.4} M USD/yr against {:.4} free ({mix:?})",
            c / 1e6,
            free / 1e6
        );
    }
}
