//! The Summary sheet: the scenario's settings and, for each model, the
//! headline figures as formulas over the Years sheet's present values, with
//! the calculator's plain-English readings beside them as text.

use super::style::{result_name, Sheet, Written};
use crate::appraisal::Appraisal;
use crate::display::{headlines, MeasureFormat};
use crate::scenario::Scenario;

pub const SHEET: &str = "Summary";

/// How many headline columns the sheet has: one a headline measure.
const COLUMNS: usize = crate::display::HEADLINE_MEASURES.len();

/// The headline columns' headings: the headline measures' (`display::measures`).
pub const HEADLINES: [&str; COLUMNS] = {
    let mut headings = [""; COLUMNS];
    let mut i = 0;
    while i < COLUMNS {
        headings[i] = crate::display::HEADLINE_MEASURES[i].sheet_heading;
        i += 1;
    }
    headings
};

/// The headline formulas for a programme, in [`HEADLINES`] order: each
/// measure's definition over the model's names on the Years sheet.
pub fn formulas(programme: crate::registry::ProgrammeId) -> [String; COLUMNS] {
    crate::display::HEADLINE_MEASURES.map(|m| m.formula_with(|what| result_name(programme, what)))
}

/// The row and column of a programme's headline on the sheet (for tests).
pub const FIRST_MODEL_ROW: u32 = 8;

pub fn write(s: &mut Sheet, scenario: &Scenario, appraisal: &Appraisal) -> Written {
    let f = s.f;
    s.text(0, 0, "SFPC cost-benefit appraisal", &f.title)?;
    let settings = [
        ("Council", scenario.council.clone()),
        ("Price year", scenario.price_year.to_string()),
        (
            "Appraisal period",
            format!("{} years", scenario.appraisal.horizon_years),
        ),
        (
            "Discount rate",
            format!(
                "{} a year",
                crate::display::percent(scenario.appraisal.discount_rate)
            ),
        ),
        (
            "Made by",
            format!(
                "SFPC cost-benefit calculator, engine {}",
                crate::display::ENGINE_VERSION
            ),
        ),
    ];
    for (row, (label, value)) in (1u32..).zip(settings) {
        s.text(row, 0, label, &f.bold)?;
        s.text(row, 1, &value, &f.plain)?;
    }
    s.text(6, 0, "Every figure below is a formula over the Years and Inputs sheets: change an input and it follows.", &f.note)?;
    let mut headings = vec!["Model"];
    headings.extend(HEADLINES);
    s.headings(FIRST_MODEL_ROW - 1, &headings)?;
    let mut row = FIRST_MODEL_ROW;
    for a in &appraisal.programmes {
        s.text(row, 0, a.programme.name(), &f.bold)?;
        let measures = crate::display::HEADLINE_MEASURES;
        for ((col, formula), m) in (1u16..).zip(formulas(a.programme)).zip(measures) {
            let format = match m.format {
                MeasureFormat::Money => &f.money_bold,
                MeasureFormat::Ratio => &f.ratio,
                MeasureFormat::Fraction => &f.fraction,
                MeasureFormat::Years => &f.years,
            };
            s.formula(row, col, &formula, format)?;
        }
        row += 1;
    }
    row += 1;
    s.text(row, 0, "What the figures mean (the calculator's words, for the figures as they were when the workbook was made)", &f.bold)?;
    row += 1;
    for a in &appraisal.programmes {
        s.text(row, 0, a.programme.name(), &f.bold)?;
        row += 1;
        let verdicts = crate::display::verdicts(a, scenario.appraisal.horizon_years, None);
        for v in &verdicts.readings {
            s.text(row, 0, "Verdict", &f.plain)?;
            s.text(row, 1, &v.figure, &f.plain)?;
            s.text(row, 2, &v.sentence, &f.plain)?;
            row += 1;
        }
        for h in headlines(a, scenario.appraisal.horizon_years) {
            s.text(row, 0, &h.label, &f.plain)?;
            s.text(row, 1, &h.figure, &f.plain)?;
            s.text(row, 2, &h.reading, &f.plain)?;
            row += 1;
        }
    }
    s.widths(&[36.0, 20.0, 20.0, 20.0, 16.0, 18.0, 24.0])?;
    s.ws.set_row_height(FIRST_MODEL_ROW - 1, 45)?;
    s.ws.set_freeze_panes(FIRST_MODEL_ROW, 1)?;
    s.ws.set_landscape().set_print_fit_to_pages(1, 0);
    Ok(())
}
