//! The Prices sheet: HM Treasury's deflator table, and each money default
//! as published and restated into the scenario's price year by formulas
//! (value × index(scenario year) ÷ index(source year)). The Inputs sheet's
//! defaults the scenario left unchanged read their figures from here, so a
//! new price year typed on Inputs restates them, as on the page.

use super::style::{absolute, Sheet, Written, PRICE_YEAR};
use crate::prices::{PriceYear, DEFLATORS, DEFLATOR_SOURCE};
use crate::registry::{DefaultValue, ParamSpec, ProgrammeId, UnitKind};
use crate::scenario::Scenario;

pub const SHEET: &str = "Prices";
const FIRST_DEFLATOR_ROW: u32 = 2;
/// Where the restated defaults start: after the table and a gap.
const FIRST_ROW: u32 = FIRST_DEFLATOR_ROW + DEFLATORS.len() as u32 + 3;
const VALUE_COL: u16 = 8;

/// One restated default: a parameter (of a programme, or a setting), and
/// which entry of a list.
#[derive(Clone, Copy)]
pub struct PriceRow {
    pub programme: Option<ProgrammeId>,
    pub spec: &'static ParamSpec,
    pub entry: Option<usize>,
    /// The source's year, if the deflators cover it.
    pub from: PriceYear,
}

/// Every money default with a source year the table has, for the scenario's
/// programmes, in form order.
pub fn rows(scenario: &Scenario) -> Vec<PriceRow> {
    let programmes = scenario.enabled().map(|p| p.programme);
    let mut rows = Vec::new();
    for programme in programmes {
        for spec in programme.spec().params {
            let Some(from) = spec.price_year.year().filter(|y| y.deflator().is_some()) else {
                continue;
            };
            if spec.unit.kind != UnitKind::Money {
                continue;
            }
            let entries = match spec.default {
                DefaultValue::Number(_) => vec![None],
                DefaultValue::List(items) => (0..items.len()).map(Some).collect(),
            };
            for entry in entries {
                rows.push(PriceRow {
                    programme: Some(programme),
                    spec,
                    entry,
                    from,
                });
            }
        }
    }
    rows
}

/// The Prices cell holding a row's restated value (`end` 0, 1, 2: value,
/// low, high), for the Inputs sheet to read.
pub fn restated_cell(index: usize, end: u16) -> String {
    absolute(SHEET, FIRST_ROW + index as u32, VALUE_COL + end)
}

/// The published figure of a row: value, low, high.
fn published(row: &PriceRow) -> [f64; 3] {
    match (row.spec.default, row.entry) {
        (DefaultValue::Number(e), _) => [e.value, e.low, e.high],
        (DefaultValue::List(items), Some(i)) => {
            let x = items.get(i).copied().unwrap_or(0.0);
            [x, x, x]
        }
        (DefaultValue::List(_), None) => [0.0; 3],
    }
}

pub fn write(s: &mut Sheet, scenario: &Scenario) -> Written {
    let f = s.f;
    s.text(
        0,
        0,
        &format!("HM Treasury GDP deflators (2024-25 = 100): {DEFLATOR_SOURCE}"),
        &f.bold,
    )?;
    s.headings(1, &["Financial year", "Index", "Outturn or forecast"])?;
    for (i, d) in DEFLATORS.iter().enumerate() {
        let row = FIRST_DEFLATOR_ROW + i as u32;
        s.text(row, 0, &d.year.to_string(), &f.plain)?;
        s.number(row, 1, d.index, &f.factor)?;
        let kind = if d.forecast { "forecast" } else { "outturn" };
        s.text(row, 2, kind, &f.plain)?;
    }
    let last = FIRST_DEFLATOR_ROW + DEFLATORS.len() as u32 - 1;
    let title_row = FIRST_ROW - 2;
    s.text(title_row, 0, "Each money default as published, and restated: value × index(your price year) ÷ index(the source's year)", &f.bold)?;
    s.headings(
        FIRST_ROW - 1,
        &[
            "Parameter",
            "Model",
            "Published value",
            "Published low",
            "Published high",
            "Source's price year",
            "Year restated from",
            "Restating factor",
            "Value in your price year",
            "Low",
            "High",
        ],
    )?;
    let index_of = |cell: &str| {
        format!(
            "INDEX($B${first}:$B${last},MATCH({cell},$A${first}:$A${last},0))",
            first = FIRST_DEFLATOR_ROW + 1,
            last = last + 1
        )
    };
    for (i, r) in rows(scenario).iter().enumerate() {
        let row = FIRST_ROW + i as u32;
        let label = match r.entry {
            Some(n) => format!("{}: year {}", r.spec.label, n + 1),
            None => r.spec.label.to_owned(),
        };
        s.text(row, 0, &label, &f.plain)?;
        s.text(row, 1, r.programme.map_or("", ProgrammeId::name), &f.plain)?;
        for (col, x) in (2u16..).zip(published(r)) {
            s.number(row, col, x, &f.money)?;
        }
        s.text(row, 5, &r.spec.price_year.text(), &f.plain)?;
        s.text(row, 6, &r.from.to_string(), &f.plain)?;
        let factor = format!(
            "=IFERROR({}/{},\"year not covered\")",
            index_of(PRICE_YEAR),
            index_of(&format!("G{}", row + 1))
        );
        s.formula(row, 7, &factor, &f.factor)?;
        for end in 0..3u16 {
            let published = super::style::cell(row, 2 + end);
            let restated = format!("=IF(ISNUMBER(H{n}),{published}*H{n},\"\")", n = row + 1);
            s.formula(row, VALUE_COL + end, &restated, &f.money)?;
        }
    }
    s.widths(&[
        44.0, 20.0, 14.0, 14.0, 14.0, 14.0, 14.0, 12.0, 16.0, 14.0, 14.0,
    ])?;
    s.ws.set_freeze_panes(FIRST_ROW, 1)?;
    s.ws.set_landscape().set_print_fit_to_pages(1, 0);
    Ok(())
}
