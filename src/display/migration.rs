//! What `sfpc migrate` says a file would change if it took format 4's
//! conventions and new figures: the migrated file keeps its figures (it
//! says `"conventions": "format_3"` and has none of format 4's offsets or
//! streams), and this says what adopting them would do.

use super::{gbp, list_in_words};
use crate::appraisal::appraise_programme;
use crate::registry::ProgrammeId;
use crate::scenario::{Conventions, Scenario};

fn payback(p: Option<f64>) -> String {
    p.map_or("none in the period".into(), |p| format!("{p:.1} years"))
}

/// `None` for a scenario that already has the Green Book's conventions.
pub fn migration_note(scenario: &Scenario) -> Option<String> {
    if scenario.appraisal.conventions == Conventions::GreenBook {
        return None;
    }
    let green_book = crate::scenario::AppraisalSettings {
        conventions: Conventions::GreenBook,
        ..scenario.appraisal
    };
    let mut lines = vec![
        "This file keeps the figures it had: it is written with \"conventions\": \"format_3\" (a whole year of care saved in the year an entry is avoided; payback on the undiscounted position), and without format 4's offsets, optimism bias on costs and new streams.".to_owned(),
        "With \"conventions\": \"green_book\" (entries avoided at mid-year, the Green Book's convention; payback on the discounted position), these figures would change:".to_owned(),
    ];
    for inputs in scenario.enabled() {
        let kept = appraise_programme(inputs, &scenario.appraisal);
        let adopted = appraise_programme(inputs, &green_book);
        lines.push(format!(
            "  {}: council NPV {} -> {}; payback {} -> {}",
            inputs.programme.name(),
            gbp(kept.council_npv_gbp),
            gbp(adopted.council_npv_gbp),
            payback(kept.payback_years),
            payback(adopted.payback_years),
        ));
    }
    let new: Vec<String> = ProgrammeId::ALL
        .iter()
        .flat_map(|id| id.spec().params.iter().filter(|p| p.since == 4))
        .map(|p| p.field.key().to_owned())
        .fold(Vec::new(), |mut all, key| {
            if !all.contains(&key) {
                all.push(key);
            }
            all
        });
    lines.push(format!(
        "Format 4 also adds {}, set here to change nothing (0, and its new streams left out in excluded_streams): set them to count what each child gets instead, optimism bias on costs and the new savings.",
        list_in_words(&new)
    ));
    Some(lines.join("\n"))
}
