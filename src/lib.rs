//! The SFPC cost-benefit calculator: what adopting one of the three
//! *Strengthening Families, Protecting Children* models would cost and save an
//! English council, appraised by the HM Treasury Green Book method.
//!
//! Data flows one way: JSON scenario → [`format`] (validation, with a path for
//! every error, driven by the parameter [`registry`]) → [`scenario::Scenario`]
//! → [`programmes`] (each model's benefit streams and costs) → [`appraisal`]
//! (discounting and summary measures) → [`format`] (result JSON) or
//! [`display`] (rounded figures and words). The [`registry`] declares every
//! parameter once, with its default and source; [`evidence`] shows them.
//! See `ARCHITECTURE.md`.
//!
//! The model does no I/O and knows nothing of the browser: only `web` (built
//! for `wasm32` alone) touches JavaScript.

pub use sfpc_model::{
    appraisal, decision, defaults, estimate, evidence_sets, prices, programmes, registry, sampling,
    scenario, uncertainty, value_of_information,
};

pub mod audit;
pub mod charts;
pub mod comparison;
pub mod councils;
pub mod display;
pub mod errors;
pub mod evidence;
pub mod export;
pub mod format;
pub mod reproduction;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(any(not(target_arch = "wasm32"), feature = "web-workbook"))]
pub mod workbook;

/// Validates a scenario and appraises it: the one call most users need.
pub fn evaluate(
    value: &serde_json::Value,
) -> Result<(scenario::Scenario, appraisal::Appraisal), format::InputErrors> {
    let scenario = format::parse_scenario(value)?;
    let appraisal = appraisal::appraise(&scenario);
    Ok((scenario, appraisal))
}
