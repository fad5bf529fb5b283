//! What the page read from a field's text, in words, beside the field
//! (issue 25): a bare number read as a percentage, a list's figures, a
//! range widened to take in its value. The page works out what it read
//! (`www/field-readings.js`); the words are the engine's.

use super::{figure_input_text, gbp};

/// A figure in a reading: money to the pound ("£1,234"), the rest as the
/// form shows them ("20%", "3.254").
fn figure(kind: &str, x: f64) -> String {
    if kind == "money" {
        gbp(x)
    } else {
        figure_input_text(kind, x)
    }
}

/// The reading of a field of `kind` (the defaults table's): `list`, the
/// figures a list was read as; `read_as`, the figure a bare number was read
/// as (a percentage); `widened`, the range that now takes in the value.
/// Empty when there is nothing to say.
pub fn field_reading(
    kind: &str,
    list: Option<&[f64]>,
    read_as: Option<f64>,
    widened: Option<(f64, f64)>,
) -> String {
    let mut notes = Vec::new();
    if let Some(values) = list {
        let words: Vec<String> = values.iter().map(|&x| figure(kind, x)).collect();
        let plural = if values.len() == 1 { "" } else { "s" };
        notes.push(format!(
            "Read as {} figure{plural}: {}.",
            values.len(),
            words.join("; ")
        ));
    }
    if let Some(x) = read_as {
        notes.push(format!("Read as {}.", figure(kind, x)));
    }
    if let Some((low, high)) = widened {
        notes.push(format!(
            "Outside the range you had, so the range now runs from {} to {} for the uncertainty analysis.",
            figure(kind, low),
            figure(kind, high)
        ));
    }
    notes.join(" ")
}
