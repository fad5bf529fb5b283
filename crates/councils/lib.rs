//! Layer 1 of ARCHITECTURE.md's table: every council's DfE statistics and
//! the rules that set a council's figures in a scenario.
//!
//! The modules live in `src/`; each package's root re-exports the layers
//! below it under the names the whole code uses (`crate::scenario`,
//! `crate::display`), so a module reads the same in any package, and the
//! compiler refuses a path to a layer above: that package is not a
//! dependency.

pub use sfpc_model::{
    appraisal, decision, defaults, estimate, evidence_sets, prices, programmes, registry, sampling,
    scenario, uncertainty, value_of_information,
};

#[path = "../../src/councils/mod.rs"]
pub mod councils;
