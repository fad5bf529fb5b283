//! The evidence sets in words: each set's figures with their reasons, the
//! side-by-side ("how much rests on the evidence"), and which set a
//! scenario's figures are.

use super::{gbp, parameter_label, parameter_value, probability, TextTable};
use crate::evidence_sets::{self, EffectsUsed, SetKey, SetOutcome, COMPARISON_DRAWS};
use crate::prices::PriceYear;
use crate::registry::ProgrammeId;
use crate::scenario::ProgrammeInputs;

/// One figure of a set, as the page lists it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetFigureText {
    /// The field's scenario path.
    pub path: String,
    pub label: &'static str,
    pub figure: String,
    pub why: &'static str,
}

/// A set for one programme: its name, description and figures.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetText {
    pub key: &'static str,
    pub label: &'static str,
    pub description: &'static str,
    pub figures: Vec<SetFigureText>,
}

/// Every set for a programme, with its figures in `price_year`'s prices.
pub fn set_texts(programme: ProgrammeId, price_year: PriceYear) -> Vec<SetText> {
    SetKey::ALL
        .into_iter()
        .map(|set| SetText {
            key: set.key(),
            label: set.label(),
            description: set.description(),
            figures: evidence_sets::values(set, programme)
                .iter()
                .filter_map(|v| {
                    let (field, x) = evidence_sets::figure(programme, v, price_year)?;
                    Some(SetFigureText {
                        path: format!("programmes.{}.{}", programme.key(), field.key()),
                        label: parameter_label(programme, field),
                        figure: parameter_value(programme, field, x),
                        why: v.why,
                    })
                })
                .collect(),
        })
        .collect()
}

/// Which figures a programme's effects are, in words: "Independent and trial
/// evidence", "the calculator's defaults" or "own figures".
pub fn effects_used_text(inputs: &ProgrammeInputs, price_year: PriceYear) -> String {
    let used = evidence_sets::effects_used(inputs, price_year);
    let at_defaults =
        matches!(used, EffectsUsed::Sets(_)) && evidence_sets::at_defaults(inputs, price_year);
    effects_text(&used, at_defaults)
}

/// The words for `used`, worked out already (as a council's batch row has
/// them): `at_defaults` when the effects are also the calculator's defaults.
pub fn effects_text(used: &EffectsUsed, at_defaults: bool) -> String {
    match used {
        EffectsUsed::Sets(sets) => {
            let names: Vec<String> = sets.iter().map(|s| s.label().to_lowercase()).collect();
            let default = if at_defaults {
                " (also the calculator's defaults)"
            } else {
                ""
            };
            match names.as_slice() {
                [one] => format!("evidence set: {one}{default}"),
                _ => format!(
                    "evidence sets: {}, which give the same figures for this model{default}",
                    names.join(" and ")
                ),
            }
        }
        EffectsUsed::Defaults => "the calculator's default effects".into(),
        EffectsUsed::OwnFigures => "own figures".into(),
    }
}

fn row_label(set: Option<SetKey>) -> String {
    set.map_or("Your figures".into(), |s| s.label().into())
}

/// The side-by-side as a table: one row for the figures as entered, one for
/// each set.
pub fn comparison_table(outcomes: &[SetOutcome]) -> TextTable {
    TextTable {
        caption: format!(
            "{} with your figures and under each evidence set. The chance with your figures is the analysis's above; under a set, its effects are taken as the set says and the other ranges drawn ({} futures).",
            super::COUNCIL_NPV.label,
            super::count(COMPARISON_DRAWS)
        ),
        headings: vec![
            "Effects".into(),
            super::COUNCIL_NPV.label.into(),
            super::CASHABLE_NPV.label.into(),
            "Chance the council is better off".into(),
        ],
        rows: outcomes
            .iter()
            .map(|o| {
                vec![
                    row_label(o.set),
                    gbp(o.council_npv_gbp),
                    gbp(o.council_cashable_npv_gbp),
                    probability(o.probability_council_npv_positive),
                ]
            })
            .collect(),
    }
}

/// The side-by-side in one paragraph: the spread of council NPV across the
/// sets, and where its sign turns.
pub fn comparison_summary(programme: ProgrammeId, outcomes: &[SetOutcome]) -> String {
    let sets: Vec<&SetOutcome> = outcomes.iter().filter(|o| o.set.is_some()).collect();
    let (Some(low), Some(high)) = (
        sets.iter()
            .min_by(|a, b| a.council_npv_gbp.total_cmp(&b.council_npv_gbp)),
        sets.iter()
            .max_by(|a, b| a.council_npv_gbp.total_cmp(&b.council_npv_gbp)),
    ) else {
        return String::new();
    };
    let positive: Vec<String> = sets
        .iter()
        .filter(|o| o.council_npv_gbp > 0.0)
        .map(|o| row_label(o.set))
        .collect();
    let sign = match positive.len() {
        0 => "The council is worse off under every set.".to_owned(),
        n if n == sets.len() => "The council is better off under every set.".to_owned(),
        _ => format!(
            "The council is better off only under: {}.",
            positive.join("; ")
        ),
    };
    format!(
        "{}: council net present value from {} ({}) to {} ({}), a spread of {}. {sign}",
        programme.name(),
        gbp(low.council_npv_gbp),
        row_label(low.set),
        gbp(high.council_npv_gbp),
        row_label(high.set),
        gbp(high.council_npv_gbp - low.council_npv_gbp),
    )
}
