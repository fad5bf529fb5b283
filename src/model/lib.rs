//! The calculator's model, with no I/O and no knowledge of JSON or the
//! browser: validated [`scenario`] types, the three [`programmes`], the Green
//! Book [`appraisal`] and the Monte Carlo [`uncertainty`] analysis.
//!
//! The `sfpc` crate re-exports these modules under the same names; it owns
//! the input format, the defaults and their sources, the words, the charts
//! and the WebAssembly boundary.

pub mod appraisal;
pub mod programmes;
pub mod scenario;
pub mod uncertainty;
