//! Saved scenarios A, B and C side by side, as a finance lead reads a
//! variance column.

use super::{gbp, payback_reading, percent, years, TextTable};
use crate::appraisal::ProgrammeAppraisal;
use crate::comparison::ComparedScenario;

/// How the difference from scenario A is shown, for one measure.
#[derive(Clone, Copy)]
enum Difference {
    /// Text (a name, a year): no difference column.
    None,
    Money(fn(&ProgrammeAppraisal) -> f64),
    Ratio(fn(&ProgrammeAppraisal) -> Option<f64>),
    Years(fn(&ProgrammeAppraisal) -> Option<f64>),
}

type Figure = fn(&ComparedScenario) -> String;

/// "+£1,200", "-£300", "£0".
fn signed_gbp(x: f64) -> String {
    let text = gbp(x);
    if text.starts_with('-') || text == "£0" {
        text
    } else {
        format!("+{text}")
    }
}

impl Difference {
    fn between(self, a: &ProgrammeAppraisal, b: &ProgrammeAppraisal) -> String {
        let both = |f: fn(&ProgrammeAppraisal) -> Option<f64>| f(a).zip(f(b)).map(|(x, y)| y - x);
        match self {
            Difference::None => String::new(),
            Difference::Money(f) => signed_gbp(f(b) - f(a)),
            Difference::Ratio(f) => both(f).map_or("n/a".into(), |d| format!("{d:+.2}")),
            Difference::Years(f) => both(f).map_or("n/a".into(), |d| format!("{d:+.1} years")),
        }
    }
}

fn payback_figure(years: Option<f64>) -> String {
    years.map_or("not within the period".into(), |p| format!("{p:.1} years"))
}

/// The measures compared, in order: label, figure, how to difference it.
fn compared_measures() -> [(&'static str, Figure, Difference); 13] {
    [
        (
            "Model",
            |c| c.appraisal.programme.name().into(),
            Difference::None,
        ),
        ("Council", |c| c.council.clone(), Difference::None),
        ("Price year", |c| c.price_year.clone(), Difference::None),
        (
            "Appraisal period",
            |c| years(f64::from(c.horizon_years)),
            Difference::None,
        ),
        (
            "Discount rate",
            |c| percent(c.discount_rate),
            Difference::None,
        ),
        (
            super::COUNCIL_NPV.label,
            |c| gbp(c.appraisal.council_npv_gbp),
            Difference::Money(|a| a.council_npv_gbp),
        ),
        (
            super::CASHABLE_NPV.label,
            |c| gbp(c.appraisal.council_cashable_npv_gbp),
            Difference::Money(|a| a.council_cashable_npv_gbp),
        ),
        (
            super::PUBLIC_NPV.label,
            |c| gbp(c.appraisal.public_npv_gbp),
            Difference::Money(|a| a.public_npv_gbp),
        ),
        (
            "Discounted savings to the council",
            |c| gbp(c.appraisal.present_values.benefits_gbp),
            Difference::Money(|a| a.present_values.benefits_gbp),
        ),
        (
            "Discounted costs",
            |c| gbp(c.appraisal.present_values.costs_gbp),
            Difference::Money(|a| a.present_values.costs_gbp),
        ),
        (
            "Discounted grant",
            |c| gbp(c.appraisal.present_values.grant_gbp),
            Difference::Money(|a| a.present_values.grant_gbp),
        ),
        (
            super::BCR.label,
            |c| c.appraisal.bcr.map_or("n/a".into(), |r| format!("{r:.2}")),
            Difference::Ratio(|a| a.bcr),
        ),
        (
            super::PAYBACK.label,
            |c| payback_figure(c.appraisal.payback_years),
            Difference::Years(|a| a.payback_years),
        ),
    ]
}

/// The saved scenarios panel's hint, saying how many there may be.
pub fn saved_scenarios_hint() -> String {
    const WORDS: [&str; 10] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let n = crate::comparison::SAVED_SLOTS.len();
    format!(
        "Save up to {} versions of your figures, then compare them side by side under the results. They are kept in this browser only.",
        WORDS.get(n).map_or_else(|| n.to_string(), |w| (*w).to_owned())
    )
}

/// The saved scenarios side by side, with each one's difference from the
/// first (A), as a finance lead reads a variance column.
pub fn scenario_comparison_table(compared: &[ComparedScenario]) -> TextTable {
    let first = compared.first();
    let mut headings = vec!["Measure".to_owned()];
    headings.extend(compared.iter().map(|c| c.label.clone()));
    if let Some(a) = first {
        headings.extend(
            compared[1..]
                .iter()
                .map(|c| format!("{} − {}", c.label, a.label)),
        );
    }
    let rows = compared_measures()
        .into_iter()
        .map(|(label, figure, difference)| {
            let mut row = vec![label.to_owned()];
            row.extend(compared.iter().map(figure));
            if let Some(a) = first {
                row.extend(
                    compared[1..]
                        .iter()
                        .map(|c| difference.between(&a.appraisal, &c.appraisal)),
                );
            }
            row
        })
        .collect();
    TextTable {
        caption: "Saved scenarios, and each one's difference from A".into(),
        headings,
        rows,
    }
}

/// What the overlaid chart shows, for readers who cannot see it.
pub fn scenario_comparison_summary(compared: &[ComparedScenario]) -> String {
    let each: Vec<String> = compared
        .iter()
        .map(|c| {
            let end = c
                .appraisal
                .years
                .last()
                .map_or(0.0, |y| y.cumulative_council_net_gbp);
            format!(
                "{} ({}): {} after {}, {}",
                c.label,
                c.appraisal.programme.name(),
                gbp(end),
                years(f64::from(c.horizon_years)),
                payback_reading(c.appraisal.payback_years, c.horizon_years)
            )
        })
        .collect();
    format!(
        "Cumulative council net position at the end of each scenario's period. {}.",
        each.join("; ")
    )
}
