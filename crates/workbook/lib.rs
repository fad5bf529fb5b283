//! Layer 8 of ARCHITECTURE.md's table: the appraisal as an Excel workbook
//! of live formulas. (See `crates/councils/lib.rs` for why the modules live
//! in `src/`.)

// The layers below, under the names the code uses.
pub use sfpc_display::*;

#[path = "../../src/workbook/mod.rs"]
pub mod workbook;
