//! Builders for test scenarios: a complete, valid scenario with one programme,
//! its fields overridden by the test.

use serde_json::{json, Value};
use sfpc::appraisal::{Appraisal, ProgrammeAppraisal};

/// Common fields set so they do nothing: no costs, no grant, full effect from
/// year 0, no deadweight or optimism bias.
pub fn neutral_common() -> Value {
    json!({
        "enabled": true,
        "setup_cost_gbp": 0, "running_cost_per_year_gbp": 0,
        "grant_by_year_gbp": [], "ramp_up": [1],
        "deadweight": 0, "optimism_bias": 0
    })
}

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

fn merge(base: &mut Value, overrides: &Value) {
    if let (Some(base), Some(overrides)) = (base.as_object_mut(), overrides.as_object()) {
        for (k, v) in overrides {
            base.insert(k.clone(), v.clone());
        }
    }
}

/// A scenario with only `programme`, its fields being the neutral common ones,
/// the programme's own test values, then `overrides`.
pub fn scenario(
    programme: &str,
    horizon_years: u32,
    discount_rate: f64,
    overrides: Value,
) -> Value {
    let mut fields = neutral_common();
    merge(&mut fields, &own_fields(programme));
    merge(&mut fields, &overrides);
    json!({
        "schema": 1, "council": "Test council", "price_year": "2024-25",
        "appraisal": { "horizon_years": horizon_years, "discount_rate": discount_rate },
        "programmes": { programme: fields }
    })
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
