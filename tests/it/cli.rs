//! The `sfpc` command as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sfpc(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sfpc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sfpc runs");
    let written = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes());
    let output = child.wait_with_output().expect("sfpc finishes");
    // A command that stops before reading all its input closes the pipe:
    // the test's checks of what it printed say why.
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn defaults_piped_into_evaluate_appraises_all_three_programmes() {
    let defaults = sfpc(&["defaults"], "");
    assert!(defaults.status.success());
    let out = sfpc(&["evaluate", "-"], &text(&defaults.stdout));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON result");
    for key in ["family_valued", "family_safeguarding", "no_wrong_door"] {
        let p = &result["programmes"][key];
        assert!(p["council_npv_gbp"].is_f64(), "{key}: {p}");
        assert_eq!(p["years"].as_array().map(Vec::len), Some(5), "{key}");
    }
    // Unrounded: the engine's own figure, to the last bit.
    let scenario = sfpc::evidence::default_scenario().expect("defaults are valid");
    let appraisal = sfpc::appraisal::appraise(&scenario);
    assert_eq!(
        result["programmes"]["no_wrong_door"]["council_npv_gbp"].as_f64(),
        Some(appraisal.programmes[2].council_npv_gbp)
    );
}

#[test]
fn table_format_is_readable() {
    let defaults = text(&sfpc(&["defaults"], "").stdout);
    let out = sfpc(&["evaluate", "--format", "table"], &defaults);
    assert!(out.status.success());
    let table = text(&out.stdout);
    for heading in [
        "Family Valued",
        "Family Safeguarding",
        "No Wrong Door",
        "Council net present value",
        "Payback",
        "Break-even effect",
    ] {
        assert!(table.contains(heading), "missing {heading}:\n{table}");
    }
}

#[test]
fn bad_input_exits_2_with_path_qualified_errors() {
    let defaults = text(&sfpc(&["defaults"], "").stdout);
    let bad = defaults.replacen("\"value\": 0.225", "\"value\": 1.4", 1);
    assert_ne!(
        bad, defaults,
        "the default reduction should be written as 0.225"
    );
    let out = sfpc(&["evaluate", "-"], &bad);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("programmes.no_wrong_door.residential_time_reduction.value: must be between 0 and 1 (0% to 100%), got 1.4"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn truncated_input_exits_2() {
    let out = sfpc(&["evaluate"], "{ \"schema\": 1, ");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("scenario: is not valid JSON"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(sfpc(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(
        sfpc(&["evaluate", "--format", "xml"], "").status.code(),
        Some(2)
    );
    let missing = sfpc(&["evaluate", "/no/such/file.json"], "");
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("cannot read /no/such/file.json"));
}

#[test]
fn simulate_prints_reproducible_uncertainty_results() {
    let defaults = text(&sfpc(&["defaults"], "").stdout);
    let args = ["simulate", "-", "--draws", "2000", "--seed", "77"];
    let out = sfpc(&args, &defaults);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(result["simulation"]["draws"], 2000);
    assert_eq!(result["simulation"]["seed"], 77);
    let fs = &result["programmes"]["family_safeguarding"];
    let p = fs["probability_council_npv_positive"]
        .as_f64()
        .expect("a probability");
    assert!((0.0..=1.0).contains(&p));
    assert_eq!(fs["fan"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        out.stdout,
        sfpc(&args, &defaults).stdout,
        "same seed, same output"
    );
    let table = sfpc(
        &["simulate", "--format", "table", "--draws", "1000"],
        &defaults,
    );
    assert!(text(&table.stdout).contains("simulated futures"));
}

#[test]
fn simulate_rejects_bad_settings_with_exit_2() {
    let defaults = text(&sfpc(&["defaults"], "").stdout);
    let out = sfpc(&["simulate", "--draws", "0"], &defaults);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        "simulation.draws: must be a whole number from 1000 to 1000000, got 0"
    );
}

#[test]
fn report_writes_the_csv_charts_and_json() {
    let dir = std::env::temp_dir().join(format!("sfpc-report-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let defaults = text(&sfpc(&["defaults"], "").stdout);
    let out_dir = dir.to_string_lossy().into_owned();
    let out = sfpc(
        &["report", "-", "--out", &out_dir, "--draws", "1000"],
        &defaults,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(dir.join("yearly-results.csv")).expect("CSV written");
    let scenario = sfpc::evidence::default_scenario().expect("defaults");
    let appraisal = sfpc::appraisal::appraise(&scenario);
    assert_eq!(csv, sfpc::export::yearly_results_csv(&scenario, &appraisal));
    for key in ["family_valued", "family_safeguarding", "no_wrong_door"] {
        for chart in [
            "yearly-flows",
            "cumulative-net",
            "fan",
            "npv-histogram",
            "tornado",
            "acceptability",
            "evppi",
        ] {
            let svg = std::fs::read_to_string(dir.join(format!("{key}-{chart}.svg")))
                .expect("SVG written");
            assert!(svg.starts_with("<svg"), "{key}-{chart}");
        }
    }
    let results: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("results.json")).unwrap()).unwrap();
    assert_eq!(
        results["programmes"]["no_wrong_door"]["council_npv_gbp"].as_f64(),
        Some(appraisal.programmes[2].council_npv_gbp)
    );
    // The pack holds exactly the loose files, as the page's download does.
    let pack = std::fs::read(dir.join("audit-pack.zip")).expect("pack written");
    for name in [
        "README.txt",
        "scenario.json",
        "results.json",
        "defaults.csv",
        "evidence-sets.csv",
        "appraisal.xlsx",
        "uncertainty.json",
        "decide.json",
        "decide.txt",
    ] {
        let loose = std::fs::read(dir.join(name)).expect("file written");
        let found = pack.windows(loose.len()).any(|w| w == loose.as_slice());
        assert!(found, "{name} is stored in the pack");
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        sfpc(&["report", "-"], &defaults).status.code(),
        Some(2),
        "--out is required"
    );
}

#[test]
fn migrate_prints_the_current_format_with_the_same_figures() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/format1");
    let old = std::fs::read_to_string(format!("{dir}/grant-funded.json")).unwrap();
    let out = sfpc(&["migrate", "-"], &old);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let migrated: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(migrated["schema"], sfpc::format::SCHEMA_VERSION);
    assert_eq!(migrated["conventions"], "format_3");
    // The streams format 1 did not have are listed as left out.
    assert_eq!(
        migrated["programmes"]["family_valued"]["excluded_streams"],
        serde_json::json!(["care_entries", "care_proceedings", "courts_legal_aid"])
    );
    let before = sfpc(&["evaluate", "-"], &old);
    let after = sfpc(&["evaluate", "-"], &text(&out.stdout));
    let figures = |o: &Output| {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["programmes"].clone()
    };
    assert_eq!(figures(&before), figures(&after));
    // It says what the Green Book's conventions would change.
    let said = text(&out.stderr);
    assert!(said.contains("\"conventions\": \"format_3\""), "{said}");
    assert!(said.contains("these figures would change:"), "{said}");
    assert!(said.contains("  Family Valued: council NPV "), "{said}");
    // Migrating twice changes nothing.
    assert_eq!(sfpc(&["migrate"], &text(&out.stdout)).stdout, out.stdout);
    // Bad input: every error with its path, exit 2.
    let bad = old.replacen("\"horizon_years\": 3", "\"horizon_years\": 0", 1);
    let failed = sfpc(&["migrate"], &bad);
    assert_eq!(failed.status.code(), Some(2));
    assert!(text(&failed.stderr).starts_with("appraisal.horizon_years: must be a whole number"));
}

#[test]
fn defaults_are_format_4_and_the_table_lists_streams() {
    let defaults: serde_json::Value =
        serde_json::from_slice(&sfpc(&["defaults"], "").stdout).expect("JSON");
    assert_eq!(defaults["schema"], sfpc::format::SCHEMA_VERSION);
    assert_eq!(defaults["conventions"], "green_book");
    let out = sfpc(&["evaluate", "--format", "table"], &defaults.to_string());
    let table = text(&out.stdout);
    for words in [
        "Children kept out of care",
        "Police: fewer arrests",
        "Council cashable net present value",
        "After the period (not counted)",
    ] {
        assert!(table.contains(words), "missing {words}:\n{table}");
    }
}

fn json_of(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn defaults_for_a_council_carry_its_statistics_code_and_release() {
    let s = json_of(&sfpc(&["defaults", "--council", "E06000005"], ""));
    assert_eq!(s["council"], "Darlington");
    assert_eq!(s["council_code"], "E06000005");
    assert_eq!(s["statistics_release"], sfpc::councils::RELEASE);
    let fv = &s["programmes"]["family_valued"];
    // Darlington, year to 31 March 2024: 119 starts (82 to 141 over 2019-2024).
    assert_eq!(fv["council_entries_to_care_per_year"]["value"], 119.0);
    assert_eq!(fv["council_entries_to_care_per_year"]["low"], 82.0);
    assert_eq!(fv["council_entries_to_care_per_year"]["high"], 141.0);
    // 299 looked after at 31 March / 137 ceasing in the year.
    assert_eq!(fv["care_years"]["value"], 299.0 / 137.0);
    // The name finds it too, in any case.
    let by_name = json_of(&sfpc(&["defaults", "--council", "darlington"], ""));
    assert_eq!(by_name, s);
}

#[test]
fn an_unknown_council_is_exit_2_with_the_nearest_names() {
    let out = sfpc(&["defaults", "--council", "Darlingtn"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("council: \"Darlingtn\" is not a council in the DfE table"),
        "{err}"
    );
    assert!(err.contains("\n  E06000005 Darlington"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 6, "{err}");
}

#[test]
fn defaults_in_a_price_year_are_restated_and_an_unknown_year_is_exit_2() {
    let s = json_of(&sfpc(&["defaults", "--price-year", "2016-17"], ""));
    assert_eq!(s["price_year"], "2016-17");
    // The FGC saving was published in 2016-17 prices: as published.
    assert_eq!(
        s["programmes"]["family_valued"]["saving_per_family_gbp"]["value"],
        755.0
    );
    let out = sfpc(&["defaults", "--price-year", "2030-31"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("2013-14, 2014-15") && err.contains("2026-27), got \"2030-31\""),
        "{err}"
    );
}

#[test]
fn defaults_with_an_evidence_set_are_named_as_that_set() {
    let s = sfpc(&["defaults", "--evidence-set", "independent"], "");
    assert!(s.status.success(), "{}", text(&s.stderr));
    let table = sfpc(&["evaluate", "-", "--format", "table"], &text(&s.stdout));
    let table = text(&table.stdout);
    assert!(
        table.contains("Family Safeguarding\nVerdict: ")
            && table
                .contains(".\nEffects: evidence set: independent and trial evidence\nEvidence: "),
        "{table}"
    );
    let bad = sfpc(&["defaults", "--evidence-set", "hopeful"], "");
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        text(&bad.stderr).trim_end(),
        "evidence set: must be one of claims, independent, cautious, got \"hopeful\""
    );
}

#[test]
fn batch_writes_every_council_and_a_row_is_evaluate_of_that_councils_scenario() {
    let dir = std::env::temp_dir().join(format!("sfpc-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("councils.csv");
    let out_arg = out_path.to_str().unwrap();
    let template = text(&sfpc(&["defaults"], "").stdout);
    let out = sfpc(
        &[
            "batch", "-", "--out", out_arg, "--draws", "1000", "--seed", "7",
        ],
        &template,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(&out_path).unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 153 * 3);
    let codes: std::collections::BTreeSet<&str> = lines[1..].iter().map(|l| &l[..9]).collect();
    assert_eq!(codes.len(), 153);
    // Darlington's Family Safeguarding row against `sfpc evaluate` of
    // `sfpc defaults --council E06000005`.
    let row: Vec<&str> = lines
        .iter()
        .find(|l| l.starts_with("E06000005,Darlington,North East,Family Safeguarding,"))
        .unwrap()
        .split(',')
        .collect();
    let scenario = text(&sfpc(&["defaults", "--council", "E06000005"], "").stdout);
    let result = json_of(&sfpc(&["evaluate", "-"], &scenario));
    let fs = &result["programmes"]["family_safeguarding"];
    let number = |i: usize| row[i].parse::<f64>().unwrap();
    assert_eq!(number(4), fs["council_npv_gbp"].as_f64().unwrap());
    let grant = fs["pv_grant_gbp"].as_f64().unwrap();
    assert_eq!(number(5), fs["council_npv_gbp"].as_f64().unwrap() - grant);
    assert_eq!(number(6), fs["council_cashable_npv_gbp"].as_f64().unwrap());
    assert_eq!(number(7), fs["public_npv_gbp"].as_f64().unwrap());
    assert!((0.0..=1.0).contains(&number(10)));
    // Its EVPI: `sfpc decide`'s for Darlington's own scenario, same draws.
    let decided = json_of(&sfpc(
        &["decide", "-", "--draws", "1000", "--seed", "7"],
        &scenario,
    ));
    let evpi = decided["programmes"]["family_safeguarding"]["evpi_gbp"].as_f64();
    assert_eq!(row.last().and_then(|c| c.parse::<f64>().ok()), evpi);
    // Darlington's 92 children on plans ÷ 896 × 940 = 96.5 families: one team.
    assert_eq!(number(11), 1.0);
    // A line a model on standard output: how many councils gain, with and
    // without the grant, the median and the range.
    let summary = text(&out.stdout);
    assert_eq!(summary.lines().count(), 3, "{summary}");
    assert!(
        summary.starts_with("Family Valued: council NPV above zero in "),
        "{summary}"
    );
    assert_eq!(
        summary
            .matches("expected value of perfect information summed over the councils £")
            .count(),
        3,
        "{summary}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn decide_prints_the_choice_its_evppis_and_the_trial_verdict() {
    let defaults = text(&sfpc(&["defaults"], "").stdout);
    let out = sfpc(
        &[
            "decide",
            "-",
            "--draws",
            "4096",
            "--seed",
            "3",
            "--threshold",
            "1000000",
            "--check",
        ],
        &defaults,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let result = json_of(&out);
    let scenario = sfpc::evidence::default_scenario().expect("defaults are valid");
    let config = sfpc::uncertainty::SimulationConfig {
        draws: 4096,
        seed: 3,
    };
    let u = sfpc::uncertainty::simulate(&scenario, config);
    for p in &u.programmes {
        let entry = &result["programmes"][p.programme.key()];
        // The engine's own figures, to the last bit.
        assert_eq!(entry["evpi_gbp"].as_f64(), Some(p.decision.evpi_gbp));
        assert_eq!(
            entry["expected_loss_adopt_gbp"].as_f64(),
            Some(p.decision.expected_loss_adopt_gbp)
        );
        let thresholds = entry["acceptability"].as_array().expect("acceptability");
        let asked = thresholds
            .iter()
            .find(|t| t["threshold_gbp"] == 1_000_000.0)
            .expect("the asked threshold");
        assert_eq!(
            asked["probability_above"].as_f64(),
            Some(p.decision.chance_above(1e6))
        );
        let parameters = entry["evppi_parameters"].as_array().expect("EVPPIs");
        assert!(parameters.iter().all(|e| e["method"]["kind"].is_string()));
        assert!(
            parameters
                .iter()
                .all(|e| e["regression_check"]["standard_error_gbp"].is_f64()),
            "--check adds the regression estimate beside each: {entry}"
        );
        assert!(entry["waiting"]["worth_waiting"].is_boolean());
    }
    let table = sfpc(
        &["decide", "--draws", "2048", "--format", "table"],
        &defaults,
    );
    let table = text(&table.stdout);
    for words in [
        "Expected loss if you adopt",
        "Waiting",
        "Known before deciding",
        "Method:",
    ] {
        assert!(table.contains(words), "{words} in:\n{table}");
    }
}

#[test]
fn decide_rejects_a_bad_threshold_with_its_path() {
    let defaults = text(&sfpc(&["defaults"], "").stdout);
    let out = sfpc(&["decide", "--threshold", "lots"], &defaults);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("decide.threshold_gbp") && err.contains("\"lots\""),
        "{err}"
    );
}
