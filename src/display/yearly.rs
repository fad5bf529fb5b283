//! The appraisal's data tables behind its charts, as display text: the page
//! writes them as they are (issue 15: one source for every heading and
//! caption about a number).

use super::{gbp, headlines, Headline, TextTable};
use crate::appraisal::{Appraisal, ProgrammeAppraisal};

/// "Year 1" for the model's year 0: the page and the workbook count from 1.
pub fn year_label(year: u32) -> String {
    format!("Year {}", year + 1)
}

/// What discounting does, in the method's words, at the scenario's rate:
/// "at 3.5% a year, £1 five years from now (year 6) counts as £0.84 today".
/// The factor is built as the appraisal builds it: one over the growth.
pub fn discounting_example(discount_rate: f64) -> String {
    const YEARS_AHEAD: u32 = 5;
    let growth = (0..YEARS_AHEAD).fold(1.0, |g, _| g * (1.0 + discount_rate));
    let factor = 1.0 / growth;
    format!(
        "at {} a year, £1 five years from now ({}) counts as £{factor:.2} today",
        super::percent(discount_rate),
        year_label(YEARS_AHEAD).to_ascii_lowercase()
    )
}

/// The titles of a programme's charts (1, 2 and 8), each with its name.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChartTitles {
    pub yearly_flows: String,
    pub cumulative_net: String,
    pub who_benefits: String,
}

pub fn chart_titles(a: &ProgrammeAppraisal) -> ChartTitles {
    use super::{programme_title, CUMULATIVE, FLOWS, WHO};
    let name = a.programme.name();
    ChartTitles {
        yearly_flows: programme_title(name, &FLOWS),
        cumulative_net: programme_title(name, &CUMULATIVE),
        who_benefits: programme_title(name, &WHO),
    }
}

/// Chart 1's data: each counted saving, the grant, the costs and the
/// council's net by year, not discounted.
pub fn flows_table(a: &ProgrammeAppraisal) -> TextTable {
    let spec = a.programme.spec();
    let counted: Vec<_> = a.streams.iter().filter(|s| s.included).collect();
    let mut headings = vec!["Year".to_owned()];
    headings.extend(
        counted
            .iter()
            .map(|s| spec.stream(s.stream).map_or("", |st| st.label).to_owned()),
    );
    headings.extend(["Grant", "Costs", "Council net"].map(String::from));
    let rows = a
        .years
        .iter()
        .enumerate()
        .map(|(t, y)| {
            let mut row = vec![year_label(y.year)];
            row.extend(counted.iter().map(|s| gbp(s.benefits_gbp[t])));
            row.extend([gbp(y.grant_gbp), gbp(y.costs_gbp), gbp(y.council_net_gbp)]);
            row
        })
        .collect();
    TextTable {
        caption: format!(
            "{}: each saving, the grant and the costs by year (not discounted)",
            a.programme.name()
        ),
        headings,
        rows,
    }
}

/// Chart 2's data: the council's running total, plain and discounted.
pub fn cumulative_table(a: &ProgrammeAppraisal) -> TextTable {
    TextTable {
        caption: format!(
            "{}: cumulative council net position at the end of each year",
            a.programme.name()
        ),
        headings: [
            "End of year",
            "Cumulative council net",
            "Discounted (net present value to date)",
        ]
        .map(String::from)
        .into(),
        rows: a
            .years
            .iter()
            .map(|y| {
                vec![
                    year_label(y.year),
                    gbp(y.cumulative_council_net_gbp),
                    gbp(y.cumulative_discounted_council_net_gbp),
                ]
            })
            .collect(),
    }
}

/// Each model's headline cards ([`headlines`]), with its name.
pub fn all_headlines(
    appraisal: &Appraisal,
    horizon_years: u32,
) -> Vec<(&'static str, Vec<Headline>)> {
    appraisal
        .programmes
        .iter()
        .map(|a| (a.programme.name(), headlines(a, horizon_years)))
        .collect()
}

/// Chart 3's data: each model's headline figures side by side, from the
/// cards already worked out ([`all_headlines`]: the page shows both).
pub fn headline_table(each: &[(&str, Vec<Headline>)]) -> TextTable {
    let mut headings = vec!["Model".to_owned()];
    if let Some((_, first)) = each.first() {
        headings.extend(first.iter().map(|h| h.label.clone()));
    }
    TextTable {
        caption: "Headline results for each model".into(),
        headings,
        rows: each
            .iter()
            .map(|(name, hs)| {
                std::iter::once((*name).to_owned())
                    .chain(hs.iter().map(|h| h.figure.clone()))
                    .collect()
            })
            .collect(),
    }
}
