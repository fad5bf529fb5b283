//! The defaults and their sources as the page shows them: each figure as
//! published, in its source's price year, and restated in the scenario's
//! (money to the penny), with its range, unit, basis and source.

use super::{money_input_text, TextTable};
use crate::defaults::all_params;
use crate::prices::PriceYear;
use crate::registry::{DefaultValue, ProgrammeId, UnitKind};

/// The defaults of `programmes` (and the appraisal's), in `price_year`'s prices.
pub fn sources_table(price_year: PriceYear, programmes: &[ProgrammeId]) -> TextTable {
    let rows = all_params()
        .filter(|(p, _)| p.is_none_or(|p| programmes.contains(&p)))
        .map(|(programme, spec)| {
            let k = spec.restating(price_year);
            let money = spec.unit.kind == UnitKind::Money;
            let figure = |x: f64| {
                if money {
                    money_input_text(x)
                } else {
                    x.to_string()
                }
            };
            let figures = |xs: &[f64], k: f64| {
                xs.iter()
                    .map(|&x| figure(x * k))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (published, restated, range) = match spec.default {
                DefaultValue::Number(e) => (
                    figure(e.value),
                    figure(e.value * k),
                    if e.low == e.high {
                        String::new()
                    } else {
                        format!("{} to {}", figure(e.low * k), figure(e.high * k))
                    },
                ),
                DefaultValue::List(items) => {
                    (figures(items, 1.0), figures(items, k), String::new())
                }
            };
            vec![
                spec.label.to_owned(),
                programme.map_or("Appraisal", ProgrammeId::name).to_owned(),
                published,
                spec.price_year.text(),
                if k != 1.0 {
                    restated
                } else {
                    "the same".into()
                },
                range,
                spec.unit.text.to_owned(),
                spec.basis.label().to_owned(),
                grades_text(spec.grades),
                spec.source.to_owned(),
            ]
        })
        .collect();
    TextTable {
        caption: format!(
            "The defaults the calculator starts from, for the model shown, in {price_year} prices"
        ),
        headings: vec![
            "Parameter".into(),
            "Model".into(),
            "Published figure".into(),
            "Source's price year".into(),
            format!("Value in {price_year} prices"),
            "Range".into(),
            "Unit".into(),
            "Basis".into(),
            "Grade".into(),
            "Source".into(),
        ],
        rows,
    }
}

/// A default's grades in words: "measured: randomised trial", with its ends'
/// where they differ.
pub fn grades_text(g: crate::registry::Grades) -> String {
    let text = |g| super::grade_text(Some(g)).1;
    let value = text(g.value);
    if g.low == g.value && g.high == g.value {
        value
    } else {
        format!("{value} (low {}; high {})", text(g.low), text(g.high))
    }
}
