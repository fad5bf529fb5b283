//! Layer 8 of ARCHITECTURE.md's table: the charts, drawn by plotters on the
//! SVG backend natively and the canvas in the browser. (See
//! `crates/councils/lib.rs` for why the modules live in `src/`.)

// The layers below, under the names the code uses.
pub use sfpc_display::*;

#[path = "../../src/charts/mod.rs"]
pub mod charts;
