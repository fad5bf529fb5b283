//! The public JSON contracts: scenario formats 1 and 2 in ([`scenario`]),
//! results out ([`results`]), the simulation settings and the saved
//! scenarios. Used by the `sfpc` command, the page, permalinks and embedders.
//!
//! Input is read from a [`serde_json::Value`] by hand, field by field, rather
//! than by `#[derive(Deserialize)]`: that way validation reports every problem
//! at once, each with its JSON path (`programmes.no_wrong_door.ramp_up[2]`),
//! instead of stopping at the first. The domain types in [`crate::scenario`]
//! know nothing of JSON, so the formats stay stable while the model changes.

pub mod decision;
mod reader;
pub mod results;
pub mod scenario;

pub use crate::errors::{InputError, InputErrors};
pub use crate::registry::MAX_AMOUNT;
pub use decision::decide_to_json;
pub use results::{
    appraisal_core_json, appraisal_to_json, defaulted_paths, grades_json, programme_appraisal_json,
    programme_uncertainty_json, uncertainty_to_json,
};
pub use scenario::{
    council_figures_json, scenario_to_json, MAX_COUNCIL_NAME_CHARS, READABLE_SCHEMAS,
    SCHEMA_VERSION,
};

use crate::comparison::SavedScenario;
use crate::registry::ProgrammeId;
use crate::scenario::Scenario;
use crate::uncertainty::{SimulationConfig, MAX_DRAWS, MAX_SEED, MIN_DRAWS};
use reader::{describe, join, Reader};
use serde_json::Value;

/// Parses and validates a scenario from JSON text.
pub fn parse_scenario_json(text: &str) -> Result<Scenario, InputErrors> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        InputErrors(vec![InputError::new(
            "scenario",
            format!("is not valid JSON: {e}"),
        )])
    })?;
    parse_scenario(&value)
}

/// Validates a scenario (format 1 or 2) already decoded into JSON values.
pub fn parse_scenario(value: &Value) -> Result<Scenario, InputErrors> {
    let mut r = Reader::default();
    let scenario = r.scenario(value);
    match scenario {
        Some(s) if r.errors.is_empty() => Ok(s),
        _ => Err(InputErrors(r.errors)),
    }
}

/// Validates the simulation settings: draws a whole number from
/// [`MIN_DRAWS`] to [`MAX_DRAWS`], seed a whole number from 0 to [`MAX_SEED`].
/// Errors have the paths `simulation.draws` and `simulation.seed`.
pub fn simulation_config(draws: &Value, seed: &Value) -> Result<SimulationConfig, InputErrors> {
    let mut r = Reader::default();
    let whole = |v: &Value, lo: u64, hi: u64| {
        v.as_f64()
            .filter(|x| x.fract() == 0.0 && *x >= lo as f64 && *x <= hi as f64)
            .map(|x| x as u64)
    };
    let d = whole(draws, u64::from(MIN_DRAWS), u64::from(MAX_DRAWS));
    if d.is_none() {
        r.fail(
            "simulation.draws",
            format!(
                "must be a whole number from {MIN_DRAWS} to {MAX_DRAWS}, got {}",
                describe(draws)
            ),
        );
    }
    let s = whole(seed, 0, MAX_SEED);
    if s.is_none() {
        r.fail(
            "simulation.seed",
            format!(
                "must be a whole number from 0 to {MAX_SEED}, got {}",
                describe(seed)
            ),
        );
    }
    match (d, s) {
        (Some(draws), Some(seed)) => Ok(SimulationConfig {
            draws: draws as u32,
            seed,
        }),
        _ => Err(InputErrors(r.errors)),
    }
}

/// A threshold of council NPV in pounds (the page's and `sfpc decide
/// --threshold`'s), checked: a finite amount within ± [`MAX_AMOUNT`], at
/// path `decide.threshold_gbp`.
pub fn threshold_gbp(text: &str) -> Result<f64, InputErrors> {
    let value: Value = serde_json::from_str(text.trim()).unwrap_or_else(|_| text.into());
    match value.as_f64() {
        Some(x) if x.abs() <= MAX_AMOUNT => Ok(x),
        _ => {
            let mut r = Reader::default();
            r.fail(
                "decide.threshold_gbp",
                format!(
                    "must be an amount in pounds from -{MAX_AMOUNT} to {MAX_AMOUNT}, got {}",
                    describe(&value)
                ),
            );
            Err(InputErrors(r.errors))
        }
    }
}

/// Longest label of a saved scenario: its slot, ": " and its name.
pub const MAX_LABEL_CHARS: usize = 60;

/// What a slot's label adds to its name.
const LABEL_SEPARATOR: &str = ": ";

/// Longest name a user can give a saved scenario, so that its label fits.
pub const MAX_SAVED_NAME_CHARS: usize = MAX_LABEL_CHARS - 1 - LABEL_SEPARATOR.len();

/// A saved scenario's label: "A", or "A: Leeds, cautious".
pub fn saved_label(slot: &str, name: &str) -> String {
    if name.is_empty() {
        slot.to_owned()
    } else {
        format!("{slot}{LABEL_SEPARATOR}{name}")
    }
}

/// Reads the saved scenarios to compare: a list of
/// `{ "label": text, "programme": key, "scenario": scenario format 1 or 2 }`.
/// A scenario's own errors come back under `saved[i].scenario`.
pub fn parse_saved_scenarios(value: &Value) -> Result<Vec<SavedScenario>, InputErrors> {
    let mut r = Reader::default();
    let Some(items) = value.as_array() else {
        r.fail("saved", format!("must be a list, got {}", describe(value)));
        return Err(InputErrors(r.errors));
    };
    let saved: Vec<Option<SavedScenario>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| saved_scenario(&mut r, item, &format!("saved[{i}]")))
        .collect();
    match saved.into_iter().collect::<Option<Vec<_>>>() {
        Some(saved) if r.errors.is_empty() => Ok(saved),
        _ => Err(InputErrors(r.errors)),
    }
}

fn saved_scenario(r: &mut Reader, value: &Value, path: &str) -> Option<SavedScenario> {
    let map = r.object(value, path, &["label", "programme", "scenario"], &[])?;
    let label = r.text(map, path, "label", (1, MAX_LABEL_CHARS));
    let programme = r
        .text(map, path, "programme", (0, usize::MAX))
        .and_then(|key| {
            let found = ProgrammeId::from_key(key);
            if found.is_none() {
                let keys: Vec<&str> = ProgrammeId::ALL.iter().map(|p| p.key()).collect();
                r.fail(
                    &join(path, "programme"),
                    format!("must be one of {}, got {key:?}", keys.join(", ")),
                );
            }
            found
        });
    let scenario = r.required(map, path, "scenario").and_then(|v| {
        parse_scenario(v)
            .map_err(|e| {
                for error in e.0 {
                    let inner = if error.path == "scenario" {
                        String::new()
                    } else {
                        format!(".{}", error.path)
                    };
                    r.fail(&format!("{path}.scenario{inner}"), error.message);
                }
            })
            .ok()
    });
    Some(SavedScenario {
        label: label?.to_owned(),
        programme: programme?,
        scenario: scenario?,
    })
}
