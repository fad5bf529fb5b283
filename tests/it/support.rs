//! Builders for test scenarios, derived from the registry: a complete, valid
//! format-4 scenario with one programme, every field at its registry default,
//! then neutral costs, the test's figures and its overrides. The builders
//! keep format 3's conventions (a whole year of care saved in the year an
//! entry is avoided; undiscounted payback), which the hand-computed tests
//! were worked in; the Green Book's have tests of their own.

use serde_json::{json, Value};
use sfpc::appraisal::{Appraisal, ProgrammeAppraisal};
use sfpc::registry::ProgrammeId;

/// Common fields set so they do nothing: no costs, no grant, full effect from
/// year 0, no deadweight or optimism bias.
pub fn neutral_common() -> Value {
    json!({
        "enabled": true,
        "setup_cost_gbp": 0, "running_cost_per_year_gbp": 0, "staff": [],
        "grant_by_year_gbp": [], "ramp_up": [1],
        "deadweight": 0, "optimism_bias": 0, "cost_optimism_bias": 0
    })
}

/// Format 4's offsets set to nothing: each stream's gross saving.
pub fn no_offsets(programme: &str) -> Value {
    match programme {
        "family_safeguarding" => json!({
            "child_in_need_case_work_cost_per_year_gbp": 0,
            "edge_of_care_support_cost_per_year_gbp": 0
        }),
        _ => json!({ "edge_of_care_support_cost_per_year_gbp": 0 }),
    }
}

/// Round test figures for format 1's streams.
pub fn own_fields(programme: &str) -> Value {
    match programme {
        "family_valued" => json!({
            "families_per_year": 100, "saving_per_family_gbp": 755, "cost_per_conference_gbp": 0
        }),
        "family_safeguarding" => json!({
            "children_on_cp_plans": 100, "cp_plan_reduction": 0.5, "cost_per_cp_plan_year_gbp": 6000,
            "families_per_year": 50, "police_saving_per_family_gbp": 100, "nhs_saving_per_family_gbp": 200
        }),
        "no_wrong_door" => json!({
            "young_people_in_residential": 10, "residential_time_reduction": 0.45,
            "residential_cost_per_week_gbp": 6000, "alternative_cost_per_week_gbp": 600
        }),
        other => panic!("unknown programme {other}"),
    }
}

pub fn merge(base: &mut Value, overrides: &Value) {
    if let (Some(base), Some(overrides)) = (base.as_object_mut(), overrides.as_object()) {
        for (k, v) in overrides {
            base.insert(k.clone(), v.clone());
        }
    }
}

/// The programme's fields at their registry defaults, as format 2 writes them.
pub fn registry_defaults(programme: &str) -> Value {
    sfpc::evidence::default_scenario_json()["programmes"][programme].clone()
}

/// The programme's streams added since format 1.
pub fn later_streams(programme: &str) -> Vec<&'static str> {
    let id = ProgrammeId::from_key(programme).expect("a programme");
    let streams = id.spec().streams.iter();
    streams
        .filter(|s| s.since > 1)
        .map(|s| s.key.key())
        .collect()
}

fn document(programme: &str, horizon_years: u32, discount_rate: f64, fields: Value) -> Value {
    json!({
        "schema": sfpc::format::SCHEMA_VERSION, "council": "Test council", "price_year": "2024-25",
        "conventions": "format_3",
        "appraisal": { "horizon_years": horizon_years, "discount_rate": discount_rate },
        "programmes": { programme: fields }
    })
}

/// A format-2 scenario with only `programme` and only format 1's streams
/// counted: registry defaults, neutral common fields, the programme's test
/// figures, then `overrides`.
pub fn scenario(
    programme: &str,
    horizon_years: u32,
    discount_rate: f64,
    overrides: Value,
) -> Value {
    let mut fields = registry_defaults(programme);
    merge(&mut fields, &neutral_common());
    merge(&mut fields, &no_offsets(programme));
    merge(&mut fields, &own_fields(programme));
    fields["excluded_streams"] = json!(later_streams(programme));
    merge(&mut fields, &overrides);
    document(programme, horizon_years, discount_rate, fields)
}

/// A format-2 scenario with only `programme` counting only `stream`: registry
/// defaults, neutral common fields, then `overrides`.
pub fn only_stream(
    programme: &str,
    stream: &str,
    horizon_years: u32,
    discount_rate: f64,
    overrides: Value,
) -> Value {
    let id = ProgrammeId::from_key(programme).expect("a programme");
    let others: Vec<&str> = id
        .spec()
        .streams
        .iter()
        .map(|s| s.key.key())
        .filter(|&k| k != stream)
        .collect();
    let mut fields = registry_defaults(programme);
    merge(&mut fields, &neutral_common());
    merge(&mut fields, &no_offsets(programme));
    fields["excluded_streams"] = json!(others);
    merge(&mut fields, &overrides);
    document(programme, horizon_years, discount_rate, fields)
}

/// A scenario made a file of an older `schema`: format 4's top-level
/// `conventions` and every field and stream added after `schema` removed.
pub fn in_format(mut s: Value, schema: u32) -> Value {
    s["schema"] = json!(schema);
    if schema < 4 {
        s.as_object_mut().unwrap().remove("conventions");
    }
    let programmes = s["programmes"].as_object_mut().unwrap();
    for (key, fields) in programmes.iter_mut() {
        let id = ProgrammeId::from_key(key).expect("a programme");
        let fields = fields.as_object_mut().unwrap();
        fields.retain(|k, _| {
            id.spec()
                .params
                .iter()
                .find(|p| p.field.key() == k)
                .is_none_or(|p| p.since <= schema)
        });
        if let Some(Value::Array(excluded)) = fields.get_mut("excluded_streams") {
            excluded.retain(|k| {
                id.spec()
                    .streams
                    .iter()
                    .any(|st| st.key.key() == k && st.since <= schema)
            });
        }
    }
    s
}

pub fn evaluate(value: &Value) -> Appraisal {
    match sfpc::evaluate(value) {
        Ok((_, appraisal)) => appraisal,
        Err(errors) => panic!("scenario should be valid, got:\n{errors}"),
    }
}

/// The one programme's appraisal of a one-programme scenario.
pub fn evaluate_one(value: &Value) -> ProgrammeAppraisal {
    let mut appraisal = evaluate(value);
    assert_eq!(appraisal.programmes.len(), 1);
    appraisal.programmes.remove(0)
}

/// Asserts two money amounts agree to a millionth of a pound.
#[track_caller]
pub fn assert_gbp(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-6 * expected.abs().max(1.0),
        "expected £{expected}, got £{actual}"
    );
}

/// Every `{ value, low, high }` replaced by its value, so that every draw of
/// a simulation is the central case.
pub fn collapse(v: Value) -> Value {
    match v {
        Value::Object(map) if map.contains_key("low") => map["value"].clone(),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, collapse(v))).collect())
        }
        other => other,
    }
}
