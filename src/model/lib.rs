//! The calculator's model, with no I/O and no knowledge of JSON or the
//! browser: the parameter [`registry`] (every figure's key, rule, default and
//! source), validated [`scenario`] types, the three [`programmes`] as benefit
//! streams, the Green Book [`appraisal`] and the Monte Carlo [`uncertainty`]
//! analysis.
//!
//! The `sfpc` crate re-exports these modules under the same names; it owns
//! the input format, the words, the charts and the WebAssembly boundary.
//!
//! Modules depend one way: `estimate`, `prices` ← `registry` ← `scenario` ←
//! `programmes` ← `appraisal` ← `sampling` ← `decision` ← `uncertainty` ← `value_of_information`,
//! `evidence_sets`; `defaults` (the default scenario) over `scenario`.

pub mod appraisal;
pub mod decision;
pub mod defaults;
pub mod estimate;
pub mod evidence_sets;
pub mod prices;
pub mod programmes;
pub mod registry;
pub mod sampling;
pub mod scenario;
pub mod uncertainty;
pub mod value_of_information;
