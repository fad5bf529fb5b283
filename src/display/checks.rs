//! The published results and the calculator's figures side by side, as the
//! README's markdown and the page's HTML (both checked against the engine
//! by the tests, so they never drift from it).

use super::{count, gbp, gbp_compact, percent};
use crate::reproduction::{Check, Quantity};

fn figure(quantity: Quantity, x: f64) -> String {
    match quantity {
        Quantity::Pounds => gbp(x),
        Quantity::Children => format!("{} children", count(x.round() as u32)),
        Quantity::Share => percent(x),
    }
}

/// A check's text with each `{name}` its figure in words (money short,
/// counts whole).
fn filled(c: &Check, text: &str) -> String {
    c.figures
        .iter()
        .fold(text.to_owned(), |out, (name, x, quantity)| {
            let words = match quantity {
                Quantity::Pounds => gbp_compact(*x),
                Quantity::Children => count(x.round() as u32),
                Quantity::Share => percent(*x),
            };
            out.replace(&format!("{{{name}}}"), &words)
        })
}

fn difference(c: &Check) -> String {
    let d = c.difference() * 100.0;
    if d.abs() < 0.05 {
        "none".into()
    } else {
        format!("{d:+.1}%")
    }
}

/// One row's cells: model, result, published (source, grade), calculator,
/// difference (tolerance), why.
fn cells(c: &Check) -> [String; 6] {
    let prices = c
        .price_year
        .map_or(String::new(), |y| format!(", {y} prices"));
    [
        c.programme.name().to_owned(),
        c.what.to_owned(),
        format!(
            "{} ({}; {}{prices})",
            figure(c.quantity, c.published),
            c.source,
            c.grade.label()
        ),
        format!(
            "{} ({})",
            figure(c.quantity, c.calculator),
            filled(c, c.inputs)
        ),
        if c.tolerance < 1e-6 {
            format!("{} (tested: the same)", difference(c))
        } else {
            format!(
                "{} (tested to within {})",
                difference(c),
                percent(c.tolerance)
            )
        },
        filled(c, c.explanation),
    ]
}

const HEADINGS: [&str; 6] = [
    "Model",
    "Published result",
    "Published figure (source; grade)",
    "Calculator, same inputs",
    "Difference",
    "Why",
];

fn escape_markdown(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The README's table.
pub fn checks_markdown(checks: &[Check]) -> String {
    let mut out = format!("| {} |\n", HEADINGS.join(" | "));
    out.push_str(&format!("|{}\n", " --- |".repeat(HEADINGS.len())));
    for c in checks {
        let row: Vec<String> = cells(c).iter().map(|t| escape_markdown(t)).collect();
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The page's table: a caption, column headings and one row a check.
pub fn checks_html(checks: &[Check]) -> String {
    let mut out = String::from(
        "<table class=\"table checks-table\">\n<caption>Published results beside the calculator's figures on the same inputs</caption>\n<thead><tr>",
    );
    for h in HEADINGS {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for c in checks {
        let [model, rest @ ..] = cells(c);
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>",
            escape_html(&model)
        ));
        for cell in rest {
            out.push_str(&format!("<td>{}</td>", escape_html(&cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>");
    out
}
