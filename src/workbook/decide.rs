//! The Decide sheet: adopt or not, from the calculator's simulation, as
//! values (the workbook does not simulate): the expected losses, EVPI, what
//! each figure is worth knowing first (EVPPI, with its method), whether to
//! wait for the model's trial, the chance of clearing each amount and of
//! paying back within each number of years, and the method.

use super::style::{Sheet, Written};
use crate::display::{
    acceptability_thresholds, decision_method, decision_words, item_label, method_label,
    value_words,
};
use crate::uncertainty::Uncertainty;
use crate::value_of_information::ProgrammeValue;

pub const SHEET: &str = "Decide";

/// Money figures of the choice, each with its label.
fn choice_rows(p: &crate::uncertainty::ProgrammeUncertainty) -> [(&'static str, f64); 5] {
    let d = &p.decision;
    [
        (
            "Expected council net present value (mean of the draws)",
            d.expected_council_npv_gbp,
        ),
        (
            "Expected loss if you adopt: E[max(−X, 0)]",
            d.expected_loss_adopt_gbp,
        ),
        (
            "Expected loss if you do not adopt: E[max(X, 0)]",
            d.expected_loss_not_adopt_gbp,
        ),
        ("Expected value of perfect information (EVPI)", d.evpi_gbp),
        ("The better choice's margin", d.margin_gbp()),
    ]
}

pub fn write(s: &mut Sheet, u: &Uncertainty, values: &[ProgrammeValue]) -> Written {
    let f = s.f;
    s.text(
        0,
        0,
        "Decide now or wait: from the calculator's simulation; not recomputed by this workbook (values, not formulas)",
        &f.title,
    )?;
    let settings = format!(
        "{} simulated futures, seed {}: `sfpc decide` gives the same figures for the same scenario, draws and seed.",
        u.config.draws, u.config.seed
    );
    s.text(1, 0, &settings, &f.note)?;
    let mut row = 3;
    for p in &u.programmes {
        let Some(v) = values.iter().find(|v| v.programme == p.programme) else {
            continue;
        };
        let words = decision_words(p);
        let value = value_words(v, p.decision.evpi_gbp);
        s.text(row, 0, p.programme.name(), &f.bold)?;
        row += 1;
        for (label, x) in choice_rows(p) {
            s.text(row, 0, label, &f.plain)?;
            s.number(row, 1, x, &f.money)?;
            row += 1;
        }
        for line in [&words.verdict, &value.waiting, &value.evppi_summary] {
            s.text(row, 0, line, &f.plain)?;
            row += 1;
        }
        let w = &v.waiting;
        for (label, x) in [
            (
                "What the trial could be worth, at most (EVPPI of its effects)",
                w.evppi.value_gbp,
            ),
            (
                "A year's delay: expected council net saving forgone",
                w.delay_cost_gbp,
            ),
            ("Value of waiting for the trial", w.value_gbp()),
        ] {
            s.text(row, 0, label, &f.plain)?;
            s.number(row, 1, x, &f.money)?;
            row += 1;
        }
        s.wrapped(row, 0, &value.waiting_assumptions, 110.0)?;
        row += 2;
        s.headings(
            row,
            &["Known before deciding", "Worth up to (EVPPI)", "Method"],
        )?;
        row += 1;
        for e in std::iter::once(&w.evppi)
            .chain(&v.groups)
            .chain(&v.parameters)
        {
            s.text(row, 0, &item_label(p.programme, e, w), &f.plain)?;
            s.number(row, 1, e.value_gbp, &f.money)?;
            s.text(row, 2, &method_label(e.method), &f.plain)?;
            row += 1;
        }
        row += 1;
        s.headings(row, &["Council net present value above", "Chance"])?;
        row += 1;
        let thresholds = acceptability_thresholds(&p.decision);
        for (t, chance) in thresholds.iter().zip(p.decision.chances_above(&thresholds)) {
            s.number(row, 0, *t, &f.money)?;
            s.number(row, 1, chance, &f.fraction)?;
            row += 1;
        }
        row += 1;
        s.headings(row, &["Pays back within (years)", "Chance"])?;
        row += 1;
        for (y, &chance) in p.decision.payback_within.iter().enumerate() {
            s.number(row, 0, (y + 1) as f64, &f.whole)?;
            s.number(row, 1, chance, &f.fraction)?;
            row += 1;
        }
        row += 1;
    }
    s.text(row, 0, "Method", &f.bold)?;
    row += 1;
    for line in decision_method() {
        s.wrapped(row, 0, &line, 110.0)?;
        row += 1;
    }
    s.widths(&[70.0, 18.0, 34.0])
}
