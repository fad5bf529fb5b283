//! The grade of each figure a scenario uses, and a line a model saying how
//! many of its savings rest on measured evidence. A figure takes the grade
//! of the registry point it equals (the default, or an end of its range, as
//! an evidence set sets it); a council's own statistics are measured; a
//! figure the user typed is theirs.

use crate::registry::{designs, Field, Grade};
use crate::scenario::{FigureKind, ProgrammeInputs, Scenario};
use serde::Serialize;

/// A figure's grade in words, for the page, the print and the results.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FigureGrade {
    pub path: String,
    /// `measured`, `reported`, `assumed` or `yours`.
    pub grade: &'static str,
    /// "measured: randomised trial", "reported", "your figure".
    pub text: String,
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The grade of the registry point `value` equals, if any.
fn point_grade(
    inputs: &ProgrammeInputs,
    field: Field,
    price_year: crate::prices::PriceYear,
) -> Option<Grade> {
    let spec = inputs.programme.spec().param(field)?;
    let e = spec.default_estimate_in(price_year)?;
    let value = inputs.get(field).value;
    [
        (e.value, spec.grades.value),
        (e.low, spec.grades.low),
        (e.high, spec.grades.high),
    ]
    .into_iter()
    .find(|(x, _)| same(*x, value))
    .map(|(_, g)| g)
}

/// The grade of one field of a programme in a scenario: `None` for a field
/// with no single figure (lists, staff).
pub fn figure_grade(scenario: &Scenario, inputs: &ProgrammeInputs, field: Field) -> Option<Grade> {
    let council = scenario
        .council_figures
        .iter()
        .find(|f| f.programme == inputs.programme && f.field == field);
    if let Some(f) = council {
        if f.kind != FigureKind::National {
            return Some(Grade::Measured(designs::OFFICIAL_STATISTICS));
        }
    }
    let spec = inputs.programme.spec().param(field)?;
    spec.default_estimate()?;
    point_grade(inputs, field, scenario.price_year)
}

/// A grade in words: "measured: randomised trial"; `None` is the user's.
pub fn grade_text(grade: Option<Grade>) -> (&'static str, String) {
    match grade {
        Some(g @ Grade::Measured(design)) => (g.label(), format!("{}: {design}", g.label())),
        Some(g) => (g.label(), g.label().to_owned()),
        None => ("yours", "your figure".to_owned()),
    }
}

/// Every numeric field's grade, for the page and the results.
pub fn figure_grades(scenario: &Scenario, inputs: &ProgrammeInputs) -> Vec<FigureGrade> {
    inputs
        .programme
        .spec()
        .params
        .iter()
        .filter(|p| p.default_estimate().is_some())
        .map(|p| {
            let (grade, text) = grade_text(figure_grade(scenario, inputs, p.field));
            FigureGrade {
                path: format!("programmes.{}.{}", inputs.programme.key(), p.field.key()),
                grade,
                text,
            }
        })
        .collect()
}

/// "2 of 4 savings rest on measured evidence; none has been measured for …":
/// a counted stream rests on measured evidence when its effect is measured.
pub fn evidence_summary(scenario: &Scenario, inputs: &ProgrammeInputs) -> String {
    let spec = inputs.programme.spec();
    let counted: Vec<_> = spec
        .streams
        .iter()
        .filter(|s| inputs.includes(s.key))
        .collect();
    let unmeasured: Vec<String> = counted
        .iter()
        .filter_map(|s| {
            let grade = figure_grade(scenario, inputs, s.effect);
            let (label, _) = grade_text(grade);
            let label = if label == "yours" {
                "your figure"
            } else {
                label
            };
            (!grade.is_some_and(Grade::is_measured)).then(|| format!("{} ({label})", s.label))
        })
        .collect();
    let measured = counted.len() - unmeasured.len();
    let savings = if counted.len() == 1 {
        "saving"
    } else {
        "savings"
    };
    let head = format!(
        "{measured} of {} {savings} rest on measured evidence",
        counted.len()
    );
    if unmeasured.is_empty() {
        return format!("{head}.");
    }
    format!("{head}; no measured effect for: {}.", unmeasured.join("; "))
}
