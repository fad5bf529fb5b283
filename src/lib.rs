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

// The layers of ARCHITECTURE.md, each a package of its own (`crates/`), so
// that the compiler holds them: a package names only those below it. Each
// is re-exported under the name the code uses (`crate::display` reads the
// same in any package).
#[cfg(not(target_arch = "wasm32"))]
pub use sfpc_charts::charts;
#[cfg(not(target_arch = "wasm32"))]
pub use sfpc_councils::councils;
#[cfg(not(target_arch = "wasm32"))]
pub use sfpc_display::{comparison, display, errors, reproduction};
#[cfg(not(target_arch = "wasm32"))]
pub use sfpc_format::{evidence, export, format};
#[cfg(not(target_arch = "wasm32"))]
pub use sfpc_workbook::workbook;

// WebAssembly compiles the same files as modules of this one package: the
// optimiser inlines across packages less well, and as packages the first
// view's module was 0.9 KB larger gzipped, over its 150 KiB budget. Every
// native build (the tests, clippy, the command) compiles them as packages
// and holds the layers; `tests/it/architecture.rs` checks that both lists
// name the same modules.
#[cfg(target_arch = "wasm32")]
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod comparison;
#[cfg(target_arch = "wasm32")]
pub mod councils;
#[cfg(target_arch = "wasm32")]
pub mod display;
#[cfg(target_arch = "wasm32")]
pub mod errors;
#[cfg(target_arch = "wasm32")]
pub mod evidence;
#[cfg(target_arch = "wasm32")]
pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod reproduction;
#[cfg(all(target_arch = "wasm32", feature = "web-workbook"))]
pub mod workbook;

pub mod audit;
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
