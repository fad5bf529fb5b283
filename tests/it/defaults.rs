//! The defaults table: complete, valid and honest about its sources.

use sfpc::evidence::{default_scenario, default_scenario_json, Basis, DefaultValue, DEFAULTS};
use sfpc::format::{parse_scenario, scenario_to_json};
use sfpc::scenario::Estimate;

#[test]
fn default_scenario_is_valid_and_round_trips() {
    let scenario = default_scenario().unwrap_or_else(|e| panic!("defaults table is invalid:\n{e}"));
    assert_eq!(parse_scenario(&scenario_to_json(&scenario)), Ok(scenario));
}

#[test]
fn every_default_has_a_source_and_a_sane_range() {
    for row in DEFAULTS {
        assert!(
            !row.source.is_empty() && !row.label.is_empty() && !row.hint.is_empty(),
            "{}",
            row.path
        );
        assert!(!row.price_year.is_empty(), "{}", row.path);
        if let DefaultValue::Number(Estimate { low, value, high }) = row.value {
            assert!(low <= value && value <= high, "{}", row.path);
        }
        if row.basis == Basis::Assumption {
            assert!(
                row.source.to_lowercase().contains("assumption"),
                "{} must say it is an assumption",
                row.path
            );
        }
    }
}

#[test]
fn every_numeric_scenario_field_comes_from_the_table() {
    // Walk the default scenario: every number must sit at a path the table has.
    fn walk(value: &serde_json::Value, path: &str, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) if !map.contains_key("value") => {
                for (k, v) in map {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(v, &p, found);
                }
            }
            serde_json::Value::Object(_)
            | serde_json::Value::Number(_)
            | serde_json::Value::Array(_) => found.push(path.to_owned()),
            _ => {}
        }
    }
    let mut paths = Vec::new();
    walk(&default_scenario_json(), "", &mut paths);
    paths.retain(|p| p != "schema");
    for p in &paths {
        assert!(
            sfpc::evidence::default_for(p).is_some(),
            "{p} has no row in the defaults table"
        );
    }
    assert_eq!(paths.len(), DEFAULTS.len());
}

#[test]
fn headline_figures_match_the_published_ones() {
    let value = |path: &str| match sfpc::evidence::default_for(path).map(|r| r.value) {
        Some(DefaultValue::Number(e)) => e.value,
        other => panic!("{path}: {other:?}"),
    };
    assert_eq!(
        value("programmes.family_valued.saving_per_family_gbp"),
        755.0
    );
    assert_eq!(
        value("programmes.family_safeguarding.cp_plan_reduction"),
        0.6
    );
    assert_eq!(
        value("programmes.no_wrong_door.residential_time_reduction"),
        0.45
    );
    assert_eq!(value("appraisal.discount_rate"), 0.035);
}
