//! One invalid input per validation rule, each with the message it must give.

use crate::support::{in_format, scenario};
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
/// No Wrong Door's stream keys, in the registry's order, as the error lists
/// them: "residential_weeks, care_entries, police, …".
fn nwd_streams() -> String {
    let streams = sfpc::registry::ProgrammeId::NoWrongDoor.spec().streams;
    let keys: Vec<&str> = streams.iter().map(|s| s.key.key()).collect();
    assert!(keys.starts_with(&["residential_weeks", "care_entries", "police", "nhs"]));
    keys.join(", ")
}

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
            vec![format!("{NWD}.residential_time_reduction: must be between 0 and 1 (0% to 100%), got 1.4")],
        ),
        (
            "negative fraction",
            nwd_with("deadweight", json!(-0.1)),
            vec![format!("{NWD}.deadweight: must be between 0 and 1 (0% to 100%), got -0.1")],
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
            vec![format!("{NWD}.ramp_up[1]: must be between 0 and 1 (0% to 100%), got 1.2")],
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
            "care years past 18",
            nwd_with("care_years", json!(19)),
            vec![format!("{NWD}.care_years: must be from 0 to 18 years (a child leaves care by 18), got 19")],
        ),
        (
            "placement shares that do not add up to 1",
            {
                let mut s = nwd_with("placement_share_residential", json!(0.35));
                s["programmes"]["no_wrong_door"]["placement_share_kinship_other"] = json!(0.1);
                s
            },
            vec![format!("{NWD}.placement_share_kinship_other: the four placement shares must add up to 1, got 0.95 (0.2 + 0.3 + 0.35 + 0.1)")],
        ),
        (
            "a placement share given a range",
            nwd_with("placement_share_residential", json!({ "value": 0.4, "low": 0.3, "high": 0.5 })),
            vec![format!("{NWD}.placement_share_residential: must be a number, got an object")],
        ),
        (
            "a stream that is not the programme's",
            nwd_with("excluded_streams", json!(["police", "cp_plans", "police"])),
            vec![
                format!("{NWD}.excluded_streams[1]: must be one of {}, got text \"cp_plans\"", nwd_streams()),
                format!("{NWD}.excluded_streams[2]: lists \"police\" twice"),
            ],
        ),
        (
            "a staff line with a negative FTE and no role",
            nwd_with("staff", json!([{ "role": "Key worker", "fte": 2, "cost_per_fte_gbp": 42000 }, { "fte": -1, "cost_per_fte_gbp": 42000 }])),
            vec![
                format!("{NWD}.staff[1].role: is required"),
                format!("{NWD}.staff[1].fte: must not be negative, got -1"),
            ],
        ),
    ];
    for (description, value, expected) in cases {
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        check(description, value, &expected);
    }
}

#[test]
fn unknown_fields_are_errors_in_both_formats() {
    // Format 1: its own fields only, listed.
    let mut s = format1("no_wrong_door");
    s["programmes"]["no_wrong_door"]["residental_cost_per_week_gbp"] = json!(6000);
    check(
        "a typo in format 1",
        s,
        &[&format!("{NWD}.residental_cost_per_week_gbp: is not a known field (expected one of: enabled, young_people_in_residential, residential_time_reduction, alternative_cost_per_week_gbp, residential_cost_per_week_gbp, setup_cost_gbp, running_cost_per_year_gbp, grant_by_year_gbp, ramp_up, deadweight, optimism_bias)")],
    );
    // A format-2 field in a format-1 file says which format it needs.
    let mut s = format1("no_wrong_door");
    s["programmes"]["no_wrong_door"]["care_years"] = json!(2);
    s["programmes"]["no_wrong_door"]["excluded_streams"] = json!([]);
    check(
        "a later field in format 1",
        s,
        &[
            &format!("{NWD}.care_years: was added in scenario format 2: set \"schema\": 2 to use it"),
            &format!("{NWD}.excluded_streams: was added in scenario format 2: set \"schema\": 2 to use it"),
        ],
    );
    // Format 2: a typo is an error, never a default.
    let e = errors(&nwd_with("care_year", json!(2)));
    assert_eq!(e.len(), 1);
    assert!(
        e[0].starts_with(&format!("{NWD}.care_year: is not a known field (expected one of: enabled, young_people_in_residential,")),
        "{}",
        e[0]
    );
}

/// The format-1 scenario of one programme: format 1's fields only.
fn format1(programme: &str) -> Value {
    let id = sfpc::registry::ProgrammeId::from_key(programme).unwrap();
    let mut s = in_format(scenario(programme, 5, 0.035, json!({})), 1);
    let fields = s["programmes"][programme].as_object_mut().unwrap();
    fields.retain(|k, _| {
        k == "enabled"
            || id
                .spec()
                .params
                .iter()
                .any(|p| p.field.key() == k && p.since == 1)
    });
    s
}

#[test]
fn format_1_fields_stay_required_and_later_ones_default() {
    let mut s = format1("family_valued");
    s["programmes"]["family_valued"]
        .as_object_mut()
        .unwrap()
        .remove("saving_per_family_gbp");
    check(
        "missing in format 1",
        s,
        &["programmes.family_valued.saving_per_family_gbp: is required"],
    );
    // In format 2, a later field left out takes its default, and says so.
    let mut s = scenario("family_valued", 5, 0.035, json!({}));
    let fields = s["programmes"]["family_valued"].as_object_mut().unwrap();
    fields.remove("care_years");
    fields.remove("staff");
    let parsed = parse_scenario(&s).unwrap();
    let result = sfpc::format::appraisal_to_json(&parsed, &sfpc::appraisal::appraise(&parsed));
    assert_eq!(
        result["defaulted_fields"],
        json!([
            "programmes.family_valued.care_years",
            "programmes.family_valued.staff"
        ])
    );
    assert_eq!(
        parsed.programmes[0]
            .get(sfpc::registry::Field::CareYears)
            .value,
        2.49
    );
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
        &["appraisal.discount_rate: must be between 0 and 1 (0% to 100%), got 3.5"],
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

    // The current format is the registry's newest (`format::SCHEMA_VERSION`):
    // one past it is a future format.
    let newest = sfpc::format::SCHEMA_VERSION;
    let mut s = scenario("family_valued", 5, 0.035, json!({}));
    s["schema"] = json!(newest + 1);
    s["programmes"]["family_valued"]["new_field_of_the_next_format"] = json!(1);
    let future = format!(
        "schema: is version {}, newer than this calculator reads ({newest}); use a newer calculator",
        newest + 1
    );
    check("future schema: only the version is reported", s, &[&future]);

    let mut s = scenario("family_valued", 5, 0.035, json!({}));
    s["schema"] = json!("2");
    let readable: Vec<String> = (1..=newest).map(|v| v.to_string()).collect();
    let as_text = format!(
        "schema: must be one of {}, got text \"2\"",
        readable.join(", ")
    );
    check("schema as text", s, &[&as_text]);

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
fn format_3_fields_are_checked_with_their_paths() {
    check(
        "teams or hubs are whole, at least one",
        nwd_with("service_units", json!(1.5)),
        &[&format!(
            "{NWD}.service_units: must be a whole number from 1 to 100, got 1.5"
        )],
    );
    check(
        "no service at all",
        nwd_with("service_units", json!(0)),
        &[&format!(
            "{NWD}.service_units: must be a whole number from 1 to 100, got 0"
        )],
    );
    let mut s = nwd_with("service_units", json!(2));
    s["programmes"]["no_wrong_door"]["repurposed_units"] = json!(3);
    check(
        "no more repurposed than there are",
        s,
        &[&format!("{NWD}.repurposed_units: must not be more than the service's 2 units (service_units), got 3")],
    );
    // A format-2 file that names format 3's fields says which format it needs.
    let mut s = in_format(nwd_with("service_units", json!(2)), 3);
    s["schema"] = json!(2);
    check(
        "format 3's fields in format 2",
        s,
        &[
            &format!("{NWD}.service_units: was added in scenario format 3: set \"schema\": 3 to use it"),
            &format!("{NWD}.repurposed_units: was added in scenario format 3: set \"schema\": 3 to use it"),
        ],
    );
    let mut s = in_format(scenario("no_wrong_door", 5, 0.035, json!({})), 3);
    s["schema"] = json!(2);
    s["council_figures"] = json!([]);
    check(
        "format 3's council_figures in format 2",
        s,
        &[
            "council_figures: was added in scenario format 3: set \"schema\": 3 to use it",
            &format!("{NWD}.service_units: was added in scenario format 3: set \"schema\": 3 to use it"),
            &format!("{NWD}.repurposed_units: was added in scenario format 3: set \"schema\": 3 to use it"),
        ],
    );
    // Where a council figure came from: a programme's field, one of four kinds.
    let mut s = scenario("no_wrong_door", 5, 0.035, json!({}));
    s["council_figures"] = json!([
        { "path": "programmes.no_wrong_door.service_units", "kind": "derived", "source": "ok" },
        { "path": "programmes.no_wrong_door.saving_per_family_gbp", "kind": "own", "source": "" },
        { "path": "programmes.no_wrong_door.service_units", "kind": "guessed", "source": "" },
        { "path": "programmes.no_wrong_door.service_units", "kind": "own" }
    ]);
    check(
        "council figures",
        s,
        &[
            "council_figures[1].path: must be a programme's field such as \"programmes.no_wrong_door.service_units\", got \"programmes.no_wrong_door.saving_per_family_gbp\"",
            "council_figures[2].kind: must be one of own, derived, unit_cost, national, got \"guessed\"",
            "council_figures[3].source: is required",
        ],
    );
}

#[test]
fn an_unknown_top_level_field_is_named_by_its_own_path() {
    let mut s = scenario("no_wrong_door", 5, 0.035, json!({}));
    s["councl"] = json!("x");
    let e = errors(&s);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("councl: is not a known field (expected one of: schema, council,"),
        "{e:?}"
    );
}

#[test]
fn conventions_are_checked_with_their_path() {
    // Format 4: one of the two, by its key.
    let mut s = scenario("no_wrong_door", 5, 0.035, json!({}));
    s["conventions"] = json!("mid_year");
    check(
        "unknown conventions",
        s,
        &["conventions: must be one of green_book, format_3, got \"mid_year\""],
    );
    // An older file cannot name them: it keeps format 3's.
    let mut s = in_format(scenario("no_wrong_door", 5, 0.035, json!({})), 3);
    s["conventions"] = json!("green_book");
    check(
        "conventions in format 3",
        s,
        &["conventions: was added in scenario format 4: set \"schema\": 4 to use it"],
    );
    // Format 4's offsets follow their rule like any amount.
    check(
        "a negative offset",
        nwd_with("edge_of_care_support_cost_per_year_gbp", json!(-1)),
        &[&format!(
            "{NWD}.edge_of_care_support_cost_per_year_gbp: must not be negative, got -1"
        )],
    );
}
