//! Saved scenarios side by side: up to three versions of the council's
//! figures (A, B, C), each appraised for the model it was saved with.
//!
//! A finance lead tries "our caseloads, optimistic" against "our caseloads,
//! cautious" before a budget board; the question is how far apart the answers
//! are, so the table gives each figure and its difference from A.

use crate::appraisal::{appraise, ProgrammeAppraisal};
use crate::errors::{InputError, InputErrors};
use crate::registry::ProgrammeId;
use crate::scenario::Scenario;

/// The page's slots for saved scenarios, in order; the first is the one the
/// others are compared with.
pub const SAVED_SLOTS: [&str; 3] = ["A", "B", "C"];

/// Most scenarios compared at once: one a slot.
pub const MAX_SAVED_SCENARIOS: usize = SAVED_SLOTS.len();

/// One saved scenario, as the page keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    /// The user's name for it ("A: cautious"), shown as text, never as markup.
    pub label: String,
    pub programme: ProgrammeId,
    pub scenario: Scenario,
}

/// One saved scenario's appraisal.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparedScenario {
    pub label: String,
    pub council: String,
    pub price_year: String,
    pub horizon_years: u32,
    pub discount_rate: f64,
    pub appraisal: ProgrammeAppraisal,
}

/// Appraises each saved scenario for its model. A model switched off in its
/// scenario is an error at `saved[i].programme`: there is nothing to compare.
pub fn compare(saved: &[SavedScenario]) -> Result<Vec<ComparedScenario>, InputErrors> {
    let mut errors = Vec::new();
    if saved.is_empty() || saved.len() > MAX_SAVED_SCENARIOS {
        errors.push(InputError {
            path: "saved".into(),
            message: format!(
                "must hold 1 to {MAX_SAVED_SCENARIOS} scenarios, got {}",
                saved.len()
            ),
        });
    }
    let mut compared = Vec::with_capacity(saved.len());
    for (i, s) in saved.iter().enumerate() {
        let found = appraise(&s.scenario)
            .programmes
            .into_iter()
            .find(|a| a.programme == s.programme);
        match found {
            Some(appraisal) => compared.push(ComparedScenario {
                label: s.label.clone(),
                council: s.scenario.council.clone(),
                price_year: s.scenario.price_year.to_string(),
                horizon_years: s.scenario.appraisal.horizon_years,
                discount_rate: s.scenario.appraisal.discount_rate,
                appraisal,
            }),
            None => errors.push(InputError {
                path: format!("saved[{i}].programme"),
                message: format!("{} is switched off in this scenario", s.programme.name()),
            }),
        }
    }
    if errors.is_empty() {
        Ok(compared)
    } else {
        Err(InputErrors(errors))
    }
}
