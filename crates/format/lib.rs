//! Layers 6 and 7 of ARCHITECTURE.md's table, with CSV from layer 8: the
//! JSON contracts, the defaults table and a council's figures with their
//! sources, and the CSV exports. (See `crates/councils/lib.rs` for why the
//! modules live in `src/`.)

// The layers below, under the names the code uses.
pub use sfpc_display::*;

#[path = "../../src/evidence.rs"]
pub mod evidence;
#[path = "../../src/export.rs"]
pub mod export;
#[path = "../../src/format/mod.rs"]
pub mod format;
