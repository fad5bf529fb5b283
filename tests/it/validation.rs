//! One invalid input per validation rule, each with the message it must give.

use crate::support::scenario;
use serde_json::{json, Value};
use sfpc::format::{parse_scenario, parse_scenario_json};

/// Valid No Wrong Door scenario with `field` set to `value`.
fn nwd_with(field: &str, value: Value) -> Value {
    let mut s = scenario("no_wrong_door", 5, 0.035, json!({}));
    s["programmes"]["no_wrong_door"][field] = value;
    s
}

/// The error lines for an invalid scenario.
fn errors(value: &Value) -> Vec<String> {
    match parse_scenario(value) {
        Ok(_) => panic!("expected errors for {value}"),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

#[track_caller]
fn check(description: &str, value: Value, expected: &[&str]) {
    assert_eq!(errors(&value), expected, "{description}");
}

const NWD: &str = "programmes.no_wrong_door";

#[test]
fn each_rule_gives_its_path_and_message() {
    let cases: Vec<(&str, Value, Vec<String>)> = vec![
        (
            "fraction above 1",
            nwd_with("residential_time_reduction", json!(1.4)),
            vec![format!("{NWD}.residential_time_reduction: must be between 0 and 1, got 1.4")],
        ),
        (
            "negative fraction",
            nwd_with("deadweight", json!(-0.1)),
            vec![format!("{NWD}.deadweight: must be between 0 and 1, got -0.1")],
        ),
        (
            "negative count",
            nwd_with("young_people_in_residential", json!(-3)),
            vec![format!("{NWD}.young_people_in_residential: must not be negative, got -3")],
        ),
        (
            "negative cost",
            nwd_with("residential_cost_per_week_gbp", json!(-6000)),
            vec![format!("{NWD}.residential_cost_per_week_gbp: must not be negative, got -6000")],
        ),
        (
            "amount too large to be real",
            nwd_with("setup_cost_gbp", json!(2e12)),
            vec![format!("{NWD}.setup_cost_gbp: must be at most 1000000000000 (1e12), got 2000000000000")],
        ),
        (
            "low above value",
            nwd_with("residential_cost_per_week_gbp", json!({ "value": 6000, "low": 7000, "high": 9000 })),
            vec![format!("{NWD}.residential_cost_per_week_gbp.low: must not be above value (6000), got 7000")],
        ),
        (
            "high below value",
            nwd_with("residential_time_reduction", json!({ "value": 0.45, "low": 0.2, "high": 0.3 })),
            vec![format!("{NWD}.residential_time_reduction.high: must not be below value (0.45), got 0.3")],
        ),
        (
            "range missing a bound",
            nwd_with("residential_time_reduction", json!({ "value": 0.45, "low": 0.2 })),
            vec![format!("{NWD}.residential_time_reduction.high: is required")],
        ),
        (
            "wrong type: text for a number",
            nwd_with("young_people_in_residential", json!("twenty")),
            vec![format!("{NWD}.young_people_in_residential: must be a number, got text \"twenty\"")],
        ),
        (
            "wrong type: null (how NaN arrives from JavaScript)",
            nwd_with("alternative_cost_per_week_gbp", Value::Null),
            vec![format!("{NWD}.alternative_cost_per_week_gbp: must be a number, got null")],
        ),
        (
            "wrong type: enabled is not a boolean",
            nwd_with("enabled", json!("yes")),
            vec![format!("{NWD}.enabled: must be true or false, got text \"yes\"")],
        ),
        (
            "ramp-up entry above 1",
            nwd_with("ramp_up", json!([0.5, 1.2])),
            vec![format!("{NWD}.ramp_up[1]: must be between 0 and 1, got 1.2")],
        ),
        (
            "empty ramp-up",
            nwd_with("ramp_up", json!([])),
            vec![format!("{NWD}.ramp_up: must have 1 to 30 entries, got 0")],
        ),
        (
            "grant not a list",
            nwd_with("grant_by_year_gbp", json!(5000)),
            vec![format!("{NWD}.grant_by_year_gbp: must be a list of numbers, got 5000")],
        ),
        (
            "negative grant",
            nwd_with("grant_by_year_gbp", json!([100, -5])),
            vec![format!("{NWD}.grant_by_year_gbp[1]: must not be negative, got -5")],
        ),
        (
            "unknown field (a typo)",
            nwd_with("residental_cost_per_week_gbp", json!(6000)),
            vec![format!("{NWD}.residental_cost_per_week_gbp: is not a known field (expected one of: young_people_in_residential, residential_time_reduction, residential_cost_per_week_gbp, alternative_cost_per_week_gbp, enabled, setup_cost_gbp, running_cost_per_year_gbp, grant_by_year_gbp, ramp_up, deadweight, optimism_bias)")],
        ),
    ];
    for (description, value, expected) in cases {
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        check(description, value, &expected);
    }
}

#[test]
fn appraisal_settings_are_checked() {
    let horizon = |h: Value| {
        let mut s = scenario("family_valued", 5, 0.035, json!({}));
        s["appraisal"]["horizon_years"] = h;
        s
    };
    check(
        "horizon 0",
        horizon(json!(0)),
        &["appraisal.horizon_years: must be a whole number from 1 to 30, got 0"],
    );
    check(
        "horizon 31",
        horizon(json!(31)),
        &["appraisal.horizon_years: must be a whole number from 1 to 30, got 31"],
    );
    check(
        "horizon 2.5",
        horizon(json!(2.5)),
        &["appraisal.horizon_years: must be a whole number from 1 to 30, got 2.5"],
    );
    let mut s = scenario("family_valued", 5, 0.035, json!({}));
    s["appraisal"]["discount_rate"] = json!(3.5);
    check(
        "rate as a percentage",
        s,
        &["appraisal.discount_rate: must be between 0 and 1, got 3.5"],
    );
}

#[test]
fn document_level_problems() {
    let mut s = scenario("family_valued", 5, 0.035, json!({}));
    s["price_year"] = json!("2024/25");
    check(
        "price year",
        s,
        &["price_year: must be a financial year such as \"2024-25\", got \"2024/25\""],
    );

    let mut s = scenario("family_valued", 5, 0.035, json!({}));
    s["programmes"]["family_valueed"] = json!({});
    check(
        "unknown programme",
        s,
        &["programmes.family_valueed: is not a known field (expected one of: family_valued, family_safeguarding, no_wrong_door)"],
    );

    let mut s = scenario("family_valued", 5, 0.035, json!({}));
    s["schema"] = json!(2);
    s["programmes"]["family_valued"]["new_field_of_v2"] = json!(1);
    check(
        "future schema: only the version is reported",
        s,
        &["schema: is version 2, newer than this calculator reads (1); use a newer calculator"],
    );

    check(
        "not an object",
        json!([1, 2]),
        &["scenario: must be an object, got a list"],
    );
}

#[test]
fn truncated_json_is_reported_not_panicked_on() {
    let text = r#"{ "schema": 1, "council": "x", "appraisal": { "horizon_years": 5"#;
    let e = parse_scenario_json(text).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].path, "scenario");
    assert!(
        e.0[0]
            .message
            .starts_with("is not valid JSON: EOF while parsing"),
        "{}",
        e.0[0].message
    );
}

#[test]
fn nan_and_infinity_are_not_json() {
    for literal in ["NaN", "Infinity", "1e999"] {
        let text = serde_json::to_string(&nwd_with("deadweight", json!(0)))
            .unwrap()
            .replace("\"deadweight\":0", &format!("\"deadweight\":{literal}"));
        let e = parse_scenario_json(&text).unwrap_err();
        assert_eq!(e.0[0].path, "scenario", "{literal}");
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut s = nwd_with("residential_time_reduction", json!(1.4));
    s["programmes"]["no_wrong_door"]["young_people_in_residential"] = json!(-1);
    s["programmes"]["no_wrong_door"]["typo"] = json!(1);
    s["appraisal"]["horizon_years"] = json!(0);
    let lines = errors(&s);
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert!(lines
        .iter()
        .any(|l| l.starts_with("appraisal.horizon_years")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("programmes.no_wrong_door.typo")));
}

#[test]
fn missing_fields_are_required_not_defaulted() {
    let mut s = scenario("family_valued", 5, 0.035, json!({}));
    s["programmes"]["family_valued"]
        .as_object_mut()
        .unwrap()
        .remove("saving_per_family_gbp");
    check(
        "missing",
        s,
        &["programmes.family_valued.saving_per_family_gbp: is required"],
    );
}
