//! The verdict: one figure and one sentence per model that a board paper
//! could quote, with what it depends on (the DfE grant and the appraisal
//! period) said beside it. It is the council's net present value, with and
//! without the grant, and, once the uncertainty analysis has run, the chance
//! of the council being better off from the same draws as the cards.

use super::appraisal::better_or_worse;
use super::{gbp, gbp_compact, probability, years};
use crate::appraisal::{ProgrammeAppraisal, LONGER_VIEW_YEARS};

/// How sure the sentence may sound: "likely" only when the central estimate
/// and at least this share of simulated futures agree (three in five: a
/// coin-toss-ish 48% or 55% reads as "could go either way").
pub const LIKELY_CHANCE: f64 = 0.6;

/// The appraisal period the defaults use (the registry's), offered as the
/// switch back from a longer one.
pub fn default_horizon_years() -> u32 {
    use crate::registry::{Field, APPRAISAL_PARAMS};
    APPRAISAL_PARAMS
        .iter()
        .find(|p| p.field == Field::HorizonYears)
        .and_then(|p| p.default_estimate())
        .map_or(LONGER_VIEW_YEARS / 2, |e| e.value as u32)
}

/// One reading of the verdict: counting the grant, or leaving it out.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Verdict {
    /// `with_grant` or `without_grant`.
    pub key: &'static str,
    /// The council's net present value on this reading, compact: "£3.1m".
    pub figure: String,
    /// The sentence to quote.
    pub sentence: String,
    /// What it depends on: "Counts the DfE grant (£1,200,000 in today's money); over 5 years".
    pub basis: String,
    /// The label of the button that shows the other reading, if there is one.
    pub switch_label: Option<&'static str>,
}

/// The verdicts of a programme (with the grant first; without it only where
/// there is a grant), and the appraisal period to offer instead.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Verdicts {
    pub readings: Vec<Verdict>,
    /// The other period a click switches to, and its button's label.
    pub other_horizon_years: u32,
    pub other_horizon_label: String,
}

/// The chances of being better off, with the grant and without it, from a
/// simulation of the same scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chances {
    pub with_grant: f64,
    pub without_grant: f64,
}

/// The sentence for one reading: how likely, how much, over how long.
pub fn verdict_sentence(npv_gbp: f64, chance: Option<f64>, period: &str, grant: &str) -> String {
    let amount = gbp_compact(npv_gbp.abs());
    let side = better_or_worse(npv_gbp);
    match chance {
        None => format!(
            "On the central estimate, over {period} the council is {amount} {side} {grant}."
        ),
        Some(p) if (npv_gbp >= 0.0 && p >= LIKELY_CHANCE) || (npv_gbp < 0.0 && p <= 1.0 - LIKELY_CHANCE) => format!(
            "Over {period} the council is likely to be {amount} {side} {grant} (chance of being better off: {}).",
            probability(p)
        ),
        Some(p) => format!(
            "Over {period} the council could end up better or worse off {grant}: {amount} {side} on the central estimate, with a {} chance of being better off.",
            probability(p)
        ),
    }
}

/// A programme's verdicts over `horizon_years`; `chances` once simulated.
pub fn verdicts(a: &ProgrammeAppraisal, horizon_years: u32, chances: Option<Chances>) -> Verdicts {
    let period = years(f64::from(horizon_years));
    let grant_gbp = a.present_values.grant_gbp;
    let mut readings = Vec::new();
    if grant_gbp > 0.0 {
        readings.push(Verdict {
            key: "with_grant",
            figure: gbp_compact(a.council_npv_gbp),
            sentence: verdict_sentence(
                a.council_npv_gbp,
                chances.map(|c| c.with_grant),
                &period,
                "with the grant",
            ),
            basis: format!(
                "Counts the DfE grant ({} in today's money) · over {period}",
                gbp(grant_gbp)
            ),
            switch_label: Some("Leave out the grant"),
        });
        let without = a.present_values.council_npv_without_grant_gbp();
        readings.push(Verdict {
            key: "without_grant",
            figure: gbp_compact(without),
            sentence: verdict_sentence(
                without,
                chances.map(|c| c.without_grant),
                &period,
                "without the grant",
            ),
            basis: format!(
                "Leaves out the DfE grant ({} in today's money) · over {period}",
                gbp(grant_gbp)
            ),
            switch_label: Some("Count the grant"),
        });
    } else {
        readings.push(Verdict {
            key: "without_grant",
            figure: gbp_compact(a.council_npv_gbp),
            sentence: verdict_sentence(
                a.council_npv_gbp,
                chances.map(|c| c.with_grant),
                &period,
                "with no grant",
            ),
            basis: format!("No DfE grant entered · over {period}"),
            switch_label: None,
        });
    }
    let default_years = default_horizon_years();
    let other = if horizon_years == default_years {
        LONGER_VIEW_YEARS
    } else {
        default_years
    };
    Verdicts {
        readings,
        other_horizon_years: other,
        other_horizon_label: format!("See it over {}", years(f64::from(other))),
    }
}
