#![cfg(not(target_arch = "wasm32"))]
//! The one integration test crate (matklad, "How to Test"): each module tests
//! one part of the public contract.

mod appraisal;
mod architecture;
mod audit;
mod charts;
mod cli;
mod comparison;
mod conventions;
mod councils;
mod decide;
mod defaults;
mod display_tables;
mod evidence_sets;
mod export;
mod golden;
mod map;
mod prices;
mod properties;
mod reproduction;
mod sampling;
mod streams;
mod support;
mod uncertainty;
mod uncertainty_preview;
mod validation;
mod verdict;
