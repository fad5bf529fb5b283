//! The evidence sets for the page (feature `web-analysis`): each set's
//! figures, the side-by-side for the current figures, and what choosing a
//! set changes.

use super::{errors_to_js, read_scenario, to_js, Change};
use crate::display::{
    effects_used_text, evidence_comparison_summary, evidence_comparison_table, set_texts,
};
use crate::evidence_sets::{self, SetKey};
use crate::registry::ProgrammeId;
use crate::scenario::Scenario;
use serde_json::json;
use wasm_bindgen::prelude::*;

fn programme_of<'s>(
    scenario: &'s Scenario,
    key: &str,
) -> Result<&'s crate::scenario::ProgrammeInputs, JsValue> {
    ProgrammeId::from_key(key)
        .and_then(|id| scenario.programme(id))
        .ok_or_else(|| JsValue::from_str(&format!("programme {key:?} is not in this scenario")))
}

/// A programme's evidence sets for a scenario (a JS object): `{ sets, used,
/// table, summary }`, the sets' figures in the scenario's prices, and the
/// programme as entered and under each set, simulated with `seed`. Given
/// `your_chance` (the page's own analysis of these figures), the row of the
/// figures as entered shows that chance, so the page has one chance of
/// being better off for a scenario, not two from different draws.
#[wasm_bindgen(js_name = evidenceSets)]
pub fn evidence_sets(
    scenario: JsValue,
    programme: &str,
    seed: f64,
    your_chance: Option<f64>,
) -> Result<JsValue, JsValue> {
    let scenario = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    let inputs = programme_of(&scenario, programme)?;
    let id = inputs.programme;
    let seed =
        crate::format::simulation_config(&crate::uncertainty::MIN_DRAWS.into(), &seed.into())
            .map_err(|e| errors_to_js(&e))?
            .seed;
    let mut outcomes = evidence_sets::compare(&scenario, id, seed).unwrap_or_default();
    if let (Some(yours), Some(p)) = (outcomes.first_mut(), your_chance) {
        yours.probability_council_npv_positive = p;
    }
    to_js(&json!({
        "sets": set_texts(id, scenario.price_year),
        "used": effects_used_text(inputs, scenario.price_year),
        "table": evidence_comparison_table(&outcomes),
        "summary": evidence_comparison_summary(id, &outcomes),
    }))
}

/// What choosing a set changes in a programme: `[{ path, value, low, high }]`,
/// each range widened where the set's figure falls outside it.
#[wasm_bindgen(js_name = evidenceSetChanges)]
pub fn evidence_set_changes(
    scenario: JsValue,
    programme: &str,
    set: &str,
) -> Result<JsValue, JsValue> {
    let scenario = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    let mut inputs = programme_of(&scenario, programme)?.clone();
    let set = SetKey::from_key(set)
        .ok_or_else(|| JsValue::from_str(&format!("{set:?} is not an evidence set")))?;
    let changes: Vec<Change> = evidence_sets::apply(set, &mut inputs, scenario.price_year)
        .into_iter()
        .map(|c| Change::new(inputs.programme, c.field, c.estimate))
        .collect();
    to_js(&changes)
}
