//! The SFPC cost-benefit calculator: what adopting one of the three
//! *Strengthening Families, Protecting Children* models would cost and save an
//! English council, appraised by the HM Treasury Green Book method.
//!
//! Data flows one way: JSON scenario → [`format`] (validation, with a path for
//! every error) → [`scenario::Scenario`] → [`programmes`] (each model's cash
//! flows) → [`appraisal`] (discounting and summary measures) → [`format`]
//! (result JSON) or [`display`] (rounded figures and words). [`evidence`] holds
//! every default figure and its source. See `ARCHITECTURE.md`.
//!
//! The model does no I/O and knows nothing of the browser: only `web` (built
//! for `wasm32` alone) touches JavaScript.

pub use sfpc_model::{appraisal, programmes, scenario, uncertainty};

pub mod audit;
#[cfg(target_arch = "wasm32")]
mod canvas;
pub mod charts;
pub mod comparison;
pub mod display;
pub mod evidence;
pub mod export;
pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// Validates a scenario and appraises it: the one call most users need.
pub fn evaluate(
    value: &serde_json::Value,
) -> Result<(scenario::Scenario, appraisal::Appraisal), format::InputErrors> {
    let scenario = format::parse_scenario(value)?;
    let appraisal = appraisal::appraise(&scenario);
    Ok((scenario, appraisal))
}
