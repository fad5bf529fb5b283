//! Files a finance lead takes away: the yearly results as CSV, for Excel.
//!
//! The CSV is UTF-8 with a byte-order mark (so Excel reads "£" and names
//! correctly), comma-separated, CRLF line ends (RFC 4180). Numbers are
//! written unrounded, exactly as the engine holds them. Text cells that begin
//! with `=`, `+`, `-`, `@`, a tab or a carriage return are prefixed with an
//! apostrophe, so a spreadsheet shows them as text and never runs them as a
//! formula (OWASP's advice on CSV injection). Only text cells need it: the
//! numbers are the engine's own, and a negative number must stay a number.

use crate::appraisal::Appraisal;
use crate::scenario::Scenario;

/// Excel reads a file as UTF-8 when it starts with this.
pub const BYTE_ORDER_MARK: &str = "\u{feff}";

/// A text cell, safe to open in a spreadsheet and quoted where CSV needs it.
pub fn text_cell(text: &str) -> String {
    let risky = text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A number cell: the shortest text that reads back as the same `f64`.
pub fn number_cell(x: f64) -> String {
    format!("{x}")
}

/// `x` rounded to `digits` decimal places (negative: to tens, hundreds…),
/// as the nearest `f64`, whose shortest text is the rounded decimal; `x`
/// itself where the scaling leaves the finite numbers (a figure near the
/// ends of the `f64` range, which no rounding would shorten anyway).
fn round_to(x: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits.abs());
    let rounded = if digits >= 0 {
        (x * scale).round() / scale
    } else {
        (x / scale).round() * scale
    };
    if rounded.is_finite() {
        rounded
    } else {
        x
    }
}

/// A money cell of a results CSV: to the penny (the JSON keeps every digit).
pub fn money_cell(x: f64) -> String {
    number_cell(round_to(x, 2) + 0.0)
}

/// A share, factor or multiplier cell of a results CSV: to 6 significant
/// figures, so 0.36000000000000004 reads 0.36.
pub fn fraction_cell(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return number_cell(x + 0.0);
    }
    let magnitude = x.abs().log10().floor() as i32;
    number_cell(round_to(x, 5 - magnitude) + 0.0)
}

/// A results cell for a column: money where its heading says GBP, else a fraction.
fn results_cell(heading: &str, x: f64) -> String {
    if heading.ends_with("(GBP)") {
        money_cell(x)
    } else {
        fraction_cell(x)
    }
}

const YEARLY_COLUMNS: [&str; 15] = [
    "Council",
    "Price year",
    "Programme",
    "Year (1 = first year)",
    "Green Book year",
    "Effect multiplier",
    "Savings to the council (GBP)",
    "Savings to others: police, NHS (GBP)",
    "Cashable savings to the council (GBP)",
    "Costs (GBP)",
    "Grant (GBP)",
    "Council net (GBP)",
    "Discount factor",
    "Cumulative council net (GBP)",
    "Cumulative discounted council net (GBP)",
];

/// The yearly results of every appraised programme, one row a programme-year.
pub fn yearly_results_csv(scenario: &Scenario, appraisal: &Appraisal) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    let header: Vec<String> = YEARLY_COLUMNS.iter().map(|c| text_cell(c)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    let council = text_cell(&scenario.council);
    let price_year = text_cell(&scenario.price_year.to_string());
    for a in &appraisal.programmes {
        let programme = text_cell(a.programme.name());
        for y in &a.years {
            let mut row = vec![
                council.clone(),
                price_year.clone(),
                programme.clone(),
                (y.year + 1).to_string(),
                y.year.to_string(),
            ];
            let headings = YEARLY_COLUMNS[5..].iter();
            row.extend(headings.zip(y.figures()).map(|(h, x)| results_cell(h, x)));
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

const STREAM_COLUMNS: [&str; 10] = [
    "Council",
    "Price year",
    "Programme",
    "Saving",
    "Who benefits",
    "Cashable share",
    "Counted",
    "Year (1 = first year)",
    "Green Book year",
    "Saving (GBP)",
];

/// Each benefit stream's saving in each year, one row a programme-stream-year.
pub fn yearly_streams_csv(scenario: &Scenario, appraisal: &Appraisal) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    let header: Vec<String> = STREAM_COLUMNS.iter().map(|c| text_cell(c)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    let council = text_cell(&scenario.council);
    let price_year = text_cell(&scenario.price_year.to_string());
    for a in &appraisal.programmes {
        let spec = a.programme.spec();
        for s in &a.streams {
            let label = spec.stream(s.stream).map_or("", |st| st.label);
            for (year, saving) in s.benefits_gbp.iter().enumerate() {
                let row = [
                    council.clone(),
                    price_year.clone(),
                    text_cell(a.programme.name()),
                    text_cell(label),
                    text_cell(s.payer.label()),
                    fraction_cell(s.cashable_fraction),
                    (if s.included { "yes" } else { "no" }).to_owned(),
                    (year + 1).to_string(),
                    year.to_string(),
                    money_cell(*saving),
                ];
                out.push_str(&row.join(","));
                out.push_str("\r\n");
            }
        }
    }
    out
}

const COUNCIL_COLUMNS: [&str; 16] = [
    "Council code",
    "Council",
    "Region",
    "Model",
    "Council NPV (GBP)",
    "Council NPV without the DfE grant (GBP)",
    "Council cashable NPV (GBP)",
    "Public-sector NPV (GBP)",
    crate::display::BCR.label,
    crate::display::PAYBACK.sheet_heading,
    "Chance council NPV is above zero",
    "Teams or hubs",
    "Warnings",
    "Each figure's kind (the council's own, derived, the council's unit cost, national)",
    "Effects",
    // Added by issue 23: last, so that each earlier column keeps its place.
    "Expected value of perfect information (GBP)",
];

/// An optional number: blank when there is none (no ratio, no payback,
/// not simulated).
fn optional_cell(x: Option<f64>) -> String {
    x.map_or_else(String::new, number_cell)
}

/// Every council's headline figures for each model, one row each, as
/// `sfpc batch` writes them.
pub fn council_results_csv(rows: &[crate::councils::CouncilResult]) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    let header: Vec<String> = COUNCIL_COLUMNS.iter().map(|c| text_cell(c)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for r in rows {
        let row = [
            text_cell(r.council.code),
            text_cell(r.council.name),
            text_cell(r.council.region),
            text_cell(r.programme.name()),
            number_cell(r.council_npv_gbp),
            number_cell(r.council_npv_without_grant_gbp),
            number_cell(r.council_cashable_npv_gbp),
            number_cell(r.public_npv_gbp),
            optional_cell(r.bcr),
            optional_cell(r.payback_years),
            optional_cell(r.probability_council_npv_positive),
            number_cell(r.service_units),
            text_cell(&crate::display::warnings_text(r)),
            text_cell(&crate::display::kinds_text(r).join("; ")),
            text_cell(&crate::display::effects_text(
                &r.effects,
                r.effects_at_defaults,
            )),
            optional_cell(r.evpi_gbp),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
