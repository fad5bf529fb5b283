//! Layers 2 to 5 of ARCHITECTURE.md's table: input errors, saved
//! scenarios side by side, the published results reproduced, and the words
//! and rounded figures people read. (See `crates/councils/lib.rs` for why
//! the modules live in `src/`.)

// The layers below, under the names the code uses.
pub use sfpc_councils::*;

#[path = "../../src/comparison.rs"]
pub mod comparison;
#[path = "../../src/display/mod.rs"]
pub mod display;
#[path = "../../src/errors.rs"]
pub mod errors;
#[path = "../../src/reproduction.rs"]
pub mod reproduction;
