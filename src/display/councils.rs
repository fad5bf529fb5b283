//! A council's statistics in words: what they set in the scenario, field by
//! field, with the years before, and what they leave at its default.

use super::{count, gbp, probability, years};
use crate::councils::{Council, Derivation, Outcome, Prefill, Stat, FIRST_YEAR, LATEST_YEAR};

/// A note beside one field of the form.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct FieldNote {
    /// The field's scenario path.
    pub path: String,
    pub text: String,
}

/// A council's figures in words: a summary, and a note for each field set.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CouncilReading {
    pub summary: String,
    pub notes: Vec<FieldNote>,
}

/// A figure, or DfE's reason for not publishing it, in words.
fn stat(s: Stat) -> String {
    match s {
        Stat::Count(n) => count(n),
        Stat::Suppressed => "suppressed (c)".into(),
        Stat::NotAvailable => "not available (x)".into(),
        Stat::NotApplicable => "not applicable (z)".into(),
    }
}

fn note(p: &Prefill) -> String {
    let year = format!("DfE, year to 31 March {LATEST_YEAR}");
    match &p.outcome {
        Outcome::Set {
            from: Derivation::Started { by_year },
            ..
        } => {
            let (latest, before) = by_year.split_last().unwrap_or((&Stat::NotAvailable, &[]));
            let trend: Vec<String> = before
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}: {}", FIRST_YEAR + i as u16, stat(*s)))
                .collect();
            format!(
                "{year}: {} children started to be looked after ({}). Low and high are the fewest and most of those years.",
                stat(*latest),
                trend.join(" · ")
            )
        }
        Outcome::Set {
            value,
            from: Derivation::CareLength {
                looked_after,
                ceased,
            },
        } => format!(
            "{year}: {} looked after at 31 March / {} ceasing to be looked after in the year = {}. Low and high are the shortest and longest of {FIRST_YEAR} to {LATEST_YEAR}.",
            count(*looked_after),
            count(*ceased),
            years(value.value)
        ),
        Outcome::Kept { why } => format!("{year}: {}, so the default stays.", stat(*why)),
        Outcome::NoLength => format!(
            "{year}: no length of care follows (no child ceased to be looked after, or it would exceed 18 years), so the default stays."
        ),
    }
}

/// What picking `council` did, for the page and the command.
pub fn council_reading(council: &Council, prefills: &[Prefill]) -> CouncilReading {
    let notes = prefills
        .iter()
        .map(|p| FieldNote {
            path: format!("programmes.{}.{}", p.programme.key(), p.field.key()),
            text: note(p),
        })
        .collect();
    let latest = council.latest();
    let summary = format!(
        "{} ({}, {}): {} children looked after at 31 March {LATEST_YEAR}, {} starting to be looked after in the year. The children starting to be looked after and the years in care come from these statistics, each marked. DfE's table has no child protection plans, families, conferences or placements by council: those figures keep their defaults, for you to replace with your own.",
        council.name,
        council.code,
        if council.region.is_empty() { "England" } else { council.region },
        stat(latest.looked_after),
        stat(latest.started),
    );
    CouncilReading { summary, notes }
}

/// The every-council table's columns, as the page shows them.
pub const COUNCIL_TABLE_COLUMNS: [&str; 9] = [
    "Council",
    "Region",
    "Model",
    "Council net present value",
    "Cashable council net present value",
    "Public-sector net present value",
    "Benefit-cost ratio",
    "Payback",
    "Chance the council is better off",
];

/// One row of the every-council table: display text, and what each column
/// sorts by (a number, or the text; `null` sorts last).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CouncilRow {
    pub code: &'static str,
    pub programme: &'static str,
    pub cells: Vec<String>,
    pub sort: Vec<serde_json::Value>,
    /// Figures the statistics did not give, which kept their defaults.
    pub kept: Vec<&'static str>,
}

/// A council's result as a row of the every-council table.
pub fn council_row(r: &crate::councils::CouncilResult) -> CouncilRow {
    use serde_json::Value;
    let text = |s: &str| Value::from(s);
    let number = |x: Option<f64>| x.map_or(Value::Null, Value::from);
    let p = r.probability_council_npv_positive;
    CouncilRow {
        code: r.council.code,
        programme: r.programme.key(),
        cells: vec![
            r.council.name.into(),
            r.council.region.into(),
            r.programme.name().into(),
            gbp(r.council_npv_gbp),
            gbp(r.council_cashable_npv_gbp),
            gbp(r.public_npv_gbp),
            r.bcr.map_or("n/a".into(), |b| format!("{b:.2}")),
            r.payback_years
                .map_or("not within the period".into(), |y| format!("{y:.1} years")),
            p.map_or("not simulated".into(), probability),
        ],
        sort: vec![
            text(r.council.name),
            text(r.council.region),
            text(r.programme.name()),
            number(Some(r.council_npv_gbp)),
            number(Some(r.council_cashable_npv_gbp)),
            number(Some(r.public_npv_gbp)),
            number(r.bcr),
            number(r.payback_years),
            number(p),
        ],
        kept: r
            .kept
            .iter()
            .filter_map(|f| r.programme.spec().param(*f).map(|p| p.label))
            .collect(),
    }
}
