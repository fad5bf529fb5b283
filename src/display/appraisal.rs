//! An appraisal in words: the headline measures with plain readings, the
//! streams and who benefits, chart summaries, and the command's text table.

use super::{
    capitalise, gbp, lowercase_first, parameter_label, parameter_value, percent, years, TextTable,
};
use crate::appraisal::{Appraisal, CouncilRoi, ProgrammeAppraisal, StreamAppraisal, YearRow};
use crate::registry::{Field, Group, ProgrammeId, StreamKey, UnitKind};
use crate::scenario::Scenario;

/// "pays back in year 3 of 5"; years are counted from 1 for people.
pub fn payback_reading(payback_years: Option<f64>, horizon_years: u32) -> String {
    match payback_years {
        Some(p) if p <= 0.0 => "the council is never out of pocket".into(),
        Some(p) => {
            let year = (p.ceil() as u32).max(1);
            format!("pays back in year {year} of {horizon_years} ({p:.1} years)")
        }
        None => format!(
            "does not pay back within {}",
            years(f64::from(horizon_years))
        ),
    }
}

/// Payback in words with its warning: whether it is read off the
/// discounted position, and the years after it in which the council is out
/// of pocket again.
pub fn payback_text(a: &ProgrammeAppraisal, horizon_years: u32) -> String {
    let mut text = match a.payback_years {
        Some(p) if p <= 0.0 && !a.losses_after_payback.is_empty() => {
            "the council's cumulative position never falls below zero".into()
        }
        Some(p) if a.payback_discounted && p > 0.0 => {
            let year = (p.ceil() as u32).max(1);
            format!("pays back in year {year} of {horizon_years} ({p:.1} years, on the discounted position)")
        }
        other => payback_reading(other, horizon_years),
    };
    if !a.losses_after_payback.is_empty() {
        let years: Vec<String> = a
            .losses_after_payback
            .iter()
            .map(|(y, net)| format!("year {} ({})", y + 1, gbp(*net)))
            .collect();
        text.push_str(&format!(
            "; but it is out of pocket again in {}: that year's costs exceed its savings",
            super::list_in_words(&years)
        ));
    }
    text
}

/// One headline measure: its name, its figure rounded for display, and a
/// plain-English reading.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Headline {
    /// Stable key for the page: `council_npv`, `council_cashable_npv`,
    /// `public_npv`, `bcr`, `council_roi`, `payback`, `break_even`.
    pub key: &'static str,
    pub label: String,
    pub figure: String,
    pub reading: String,
}

pub(super) fn better_or_worse(npv: f64) -> &'static str {
    if npv >= 0.0 {
        "better off"
    } else {
        "worse off"
    }
}

/// A headline measure's card (`measures`): its key and name, with its figure.
/// (Inlined, so that the first view links only the key and the name: not
/// the definition and formula strings, which are the analysis module's and
/// the workbook's.)
#[inline(always)]
fn of_measure(measure: super::Measure, figure: String, reading: String) -> Headline {
    headline(measure.key, measure.label, figure, reading)
}

pub(super) fn headline(
    key: &'static str,
    label: impl Into<String>,
    figure: String,
    reading: String,
) -> Headline {
    Headline {
        key,
        label: label.into(),
        figure,
        reading,
    }
}

/// The headline measures of a programme, in display order, as a finance
/// lead would say them.
pub fn headlines(a: &ProgrammeAppraisal, horizon_years: u32) -> Vec<Headline> {
    let period = years(f64::from(horizon_years));
    let mut council_npv = format!(
        "the council is {} {} over {period}, in today's money",
        gbp(a.council_npv_gbp.abs()),
        better_or_worse(a.council_npv_gbp)
    );
    let grant = a.present_values.grant_gbp;
    if grant > 0.0 {
        council_npv.push_str(&format!(
            "; without the grant of {}, {}",
            gbp(grant),
            gbp(a.present_values.council_npv_without_grant_gbp())
        ));
    } else {
        council_npv.push_str(" (no grant counted)");
    }
    if let Some(v) = a.longer_view {
        council_npv.push_str(&format!(
            "; over {}, {}",
            years(f64::from(v.horizon_years)),
            gbp(v.council_npv_gbp)
        ));
    }
    let cashable = format!(
        "counting only savings a budget line can actually lose, the council is {} {}",
        gbp(a.council_cashable_npv_gbp.abs()),
        better_or_worse(a.council_cashable_npv_gbp)
    );
    let public_npv = format!(
        "the public sector as a whole is {} {}, counting police and NHS savings and leaving out the grant",
        gbp(a.public_npv_gbp.abs()),
        better_or_worse(a.public_npv_gbp)
    );
    let (bcr_figure, bcr) = match a.bcr {
        Some(r) => (
            format!("{r:.2}"),
            format!("every £1 spent returns £{r:.2} in public-sector savings"),
        ),
        None => (
            "n/a".into(),
            "no costs entered, so there is no ratio".into(),
        ),
    };
    let (roi_figure, roi) = match a.council_roi {
        CouncilRoi::Ratio(r) => (
            percent(r),
            format!(
                "each £1 of the council's own money returns £{:.2} in savings",
                r + 1.0
            ),
        ),
        CouncilRoi::FullyGrantFunded => (
            "grant-funded".into(),
            "fully grant-funded: the grant covers the council's costs".into(),
        ),
    };
    let payback_figure = a
        .payback_years
        .map_or("not within the period".into(), |p| format!("{p:.1} years"));
    let headline_effect = a.programme.headline_stream().effect;
    let break_even_figure = break_even_figure(a.programme, headline_effect, a.break_even_effect);
    vec![
        of_measure(super::COUNCIL_NPV, gbp(a.council_npv_gbp), council_npv),
        of_measure(
            super::CASHABLE_NPV,
            gbp(a.council_cashable_npv_gbp),
            cashable,
        ),
        of_measure(super::PUBLIC_NPV, gbp(a.public_npv_gbp), public_npv),
        of_measure(super::BCR, bcr_figure, bcr),
        of_measure(super::COUNCIL_ROI, roi_figure, roi),
        of_measure(
            super::PAYBACK,
            payback_figure,
            payback_text(a, horizon_years),
        ),
        headline(
            "break_even",
            "Break-even effect",
            break_even_figure,
            break_even_reading(a.programme, a.headline_effect, a.break_even_effect),
        ),
    ]
}

/// A break-even effect as a figure: "n/a" when the effect moves nothing,
/// "none needed" when the council breaks even without it.
fn break_even_figure(programme: ProgrammeId, field: Field, break_even: Option<f64>) -> String {
    match break_even {
        None => "n/a".into(),
        Some(be) if be <= 0.0 => "none needed".into(),
        Some(be) => parameter_value(programme, field, be),
    }
}

/// What a stream's break-even means, in a sentence.
fn break_even_reading(programme: ProgrammeId, effect: f64, break_even: Option<f64>) -> String {
    let field = programme.headline_stream().effect;
    break_even_sentence(programme, field, effect, break_even)
}

fn break_even_sentence(
    programme: ProgrammeId,
    field: Field,
    effect: f64,
    break_even: Option<f64>,
) -> String {
    let what = format!("the {}", lowercase_first(parameter_label(programme, field)));
    let Some(be) = break_even else {
        return format!(
            "{what} makes no difference to the council here, so there is no break-even value"
        );
    };
    let now = parameter_value(programme, field, effect);
    if be <= 0.0 {
        return format!("the council breaks even with none of this effect (its other savings, and any grant, cover the costs); the scenario assumes {now}");
    }
    let kind = programme.spec().param(field).map(|p| p.unit.kind);
    let note = if kind == Some(UnitKind::Fraction) && be > 1.0 {
        ", which is not achievable"
    } else {
        ""
    };
    format!(
        "breaks even if {what} is at least {}{note}; the scenario assumes {now}",
        parameter_value(programme, field, be)
    )
}

/// A group of the form in words: its total, and what else a reader needs
/// beside it (a stream's break-even, or that it is someone else's saving).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GroupReading {
    /// The registry's group key: a stream's key, `cost_of_care` or `delivery`.
    pub key: &'static str,
    pub label: &'static str,
    /// "£1,234,567 over 5 years, discounted (90% cashable)", or why nothing.
    pub total: String,
    pub note: String,
}

fn stream_total(s: &StreamAppraisal, horizon_years: u32) -> String {
    if !s.included {
        return "not counted: you have left this saving out".into();
    }
    let period = years(f64::from(horizon_years));
    let mut text = format!(
        "{} over {period}, discounted ({} cashable)",
        gbp(s.pv_gbp),
        percent(s.cashable_fraction)
    );
    if s.after_horizon_gbp > 0.0 {
        text.push_str(&format!(
            "; a further {} after the period, not counted",
            gbp(s.after_horizon_gbp)
        ));
    }
    text
}

fn stream_note(a: &ProgrammeAppraisal, s: &StreamAppraisal) -> String {
    if !s.payer.is_council() {
        format!(
            "A saving to {}, outside the council: it counts in the public-sector figures only.",
            s.payer.in_sentence()
        )
    } else if s.included {
        capitalise(&break_even_sentence(
            a.programme,
            s.effect_field,
            s.effect,
            s.break_even_effect,
        )) + "."
    } else {
        String::new()
    }
}

/// Each group of the programme's form, in registry order, with its total.
pub fn group_readings(a: &ProgrammeAppraisal, horizon_years: u32) -> Vec<GroupReading> {
    let spec = a.programme.spec();
    let period = years(f64::from(horizon_years));
    spec.groups()
        .into_iter()
        .map(|group| {
            let label = spec.group_label(group);
            let (total, note) = match group {
                Group::Stream(key) => match a.stream(key) {
                    Some(s) => (stream_total(s, horizon_years), stream_note(a, s)),
                    None => (String::new(), String::new()),
                },
                Group::CostOfCare => {
                    let annual = a
                        .stream(StreamKey::CareEntries)
                        .and_then(|s| s.annual_cost_of_care_gbp);
                    match annual {
                        Some(x) => (
                            format!("{} a year for each child in care", gbp(x)),
                            String::new(),
                        ),
                        None => (
                            "not used: children kept out of care are left out".into(),
                            String::new(),
                        ),
                    }
                }
                Group::Delivery | Group::Appraisal => {
                    let pv = &a.present_values;
                    (
                        format!(
                            "costs {} and grant {} over {period}, discounted",
                            gbp(pv.costs_gbp),
                            gbp(pv.grant_gbp)
                        ),
                        String::new(),
                    )
                }
            };
            GroupReading {
                key: group.key(),
                label,
                total,
                note,
            }
        })
        .collect()
}

/// The streams side by side: who benefits, how much is cash, and what each
/// is worth over the period, for the page and the command.
pub fn streams_table(a: &ProgrammeAppraisal) -> TextTable {
    let spec = a.programme.spec();
    let rows = a
        .streams
        .iter()
        .map(|s| {
            let label = spec.stream(s.stream).map_or("", |st| st.label);
            let counted = |text: String| {
                if s.included {
                    text
                } else {
                    "not counted".into()
                }
            };
            vec![
                label.to_owned(),
                s.payer.label().to_owned(),
                percent(s.cashable_fraction),
                counted(gbp(s.pv_gbp)),
                counted(gbp(s.after_horizon_gbp)),
                break_even_figure(a.programme, s.effect_field, s.break_even_effect),
            ]
        })
        .collect();
    TextTable {
        caption: format!(
            "{}: each saving, who benefits and what it is worth",
            a.programme.name()
        ),
        headings: [
            "Saving",
            "Who benefits",
            "Cashable share",
            "Discounted saving",
            "After the period (not counted)",
            "Break-even effect",
        ]
        .map(String::from)
        .into(),
        rows,
    }
}

/// Discounted savings by who receives them, with each one's share.
pub fn payer_table(a: &ProgrammeAppraisal) -> TextTable {
    let by_payer = a.pv_by_payer();
    let total: f64 = by_payer.iter().map(|(_, pv)| pv).sum();
    let rows = by_payer
        .iter()
        .map(|(payer, pv)| {
            let share = if total != 0.0 {
                percent(pv / total)
            } else {
                "n/a".into()
            };
            vec![payer.label().to_owned(), gbp(*pv), share]
        })
        .collect();
    TextTable {
        caption: format!(
            "{}: discounted savings by who receives them",
            a.programme.name()
        ),
        headings: ["Who benefits", "Discounted saving", "Share of all savings"]
            .map(String::from)
            .into(),
        rows,
    }
}

/// Text summaries of a programme's charts, for readers who cannot see them.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChartSummaries {
    pub yearly_flows: String,
    pub cumulative_net: String,
    pub who_benefits: String,
}

pub fn chart_summaries(a: &ProgrammeAppraisal, horizon_years: u32) -> ChartSummaries {
    let total = |f: fn(&YearRow) -> f64| a.years.iter().map(f).sum::<f64>();
    let period = years(f64::from(horizon_years));
    let biggest = a
        .streams
        .iter()
        .filter(|s| s.included)
        .max_by(|x, y| x.pv_gbp.total_cmp(&y.pv_gbp))
        .and_then(|s| a.programme.spec().stream(s.stream))
        .map_or(String::new(), |s| {
            format!(" The largest saving is {}.", lowercase_first(s.label))
        });
    let yearly_flows = format!(
        "Over {period}, before discounting, the council spends {}, receives {} in grant and saves {}: a net {} of {}. Others (police, NHS) save {}.{biggest}",
        gbp(total(|y| y.costs_gbp)),
        gbp(total(|y| y.grant_gbp)),
        gbp(total(|y| y.benefits_gbp)),
        if total(|y| y.council_net_gbp) >= 0.0 { "gain" } else { "loss" },
        gbp(total(|y| y.council_net_gbp).abs()),
        gbp(total(|y| y.partner_benefits_gbp)),
    );
    let lowest = a.years.iter().min_by(|x, y| {
        x.cumulative_council_net_gbp
            .total_cmp(&y.cumulative_council_net_gbp)
    });
    let end = a.years.last().map_or(0.0, |y| y.cumulative_council_net_gbp);
    let mut cumulative_net = match lowest {
        Some(y) if y.cumulative_council_net_gbp < 0.0 => format!(
            "The council's running total is lowest at {} at the end of year {}, and ends at {}. ",
            gbp(y.cumulative_council_net_gbp),
            y.year + 1,
            gbp(end)
        ),
        _ => format!(
            "The council's running total never falls below zero and ends at {}. ",
            gbp(end)
        ),
    };
    cumulative_net.push_str(&capitalise(&payback_reading(
        a.payback_years,
        horizon_years,
    )));
    cumulative_net.push('.');
    let shares: Vec<String> = a
        .pv_by_payer()
        .iter()
        .map(|(payer, pv)| format!("{} {}", payer.label(), gbp(*pv)))
        .collect();
    let who_benefits = if shares.is_empty() {
        "No saving is counted.".into()
    } else {
        format!(
            "Discounted savings over {period} by who receives them: {}.",
            shares.join("; ")
        )
    };
    ChartSummaries {
        yearly_flows,
        cumulative_net,
        who_benefits,
    }
}

/// A sentence comparing the programmes' council NPVs.
pub fn comparison_summary(appraisal: &Appraisal) -> String {
    let by_npv = |x: &&ProgrammeAppraisal, y: &&ProgrammeAppraisal| {
        x.council_npv_gbp.total_cmp(&y.council_npv_gbp)
    };
    let best = appraisal.programmes.iter().max_by(by_npv);
    let worst = appraisal.programmes.iter().min_by(by_npv);
    match (best, worst) {
        (Some(b), Some(w)) if b.programme != w.programme => format!(
            "Highest council net present value: {} ({}). Lowest: {} ({}).",
            b.programme.name(),
            gbp(b.council_npv_gbp),
            w.programme.name(),
            gbp(w.council_npv_gbp)
        ),
        (Some(b), _) => format!(
            "{}: council net present value {}.",
            b.programme.name(),
            gbp(b.council_npv_gbp)
        ),
        _ => "No model is included.".into(),
    }
}

/// What was appraised, as the heading of every result: "Leeds: 5-year
/// appraisal at 3.5% a year, 2024-25 prices".
pub fn appraisal_context(scenario: &Scenario) -> String {
    let conventions = match scenario.appraisal.conventions {
        crate::scenario::Conventions::GreenBook => "",
        crate::scenario::Conventions::Format3 => {
            " (format 3's conventions, kept: care saved from the start of a year, payback undiscounted)"
        }
    };
    format!(
        "{}: {}-year appraisal at {} a year, {} prices{conventions}",
        scenario.council,
        scenario.appraisal.horizon_years,
        percent(scenario.appraisal.discount_rate),
        scenario.price_year
    )
}

/// A table as aligned text, each column as wide as its widest cell: the
/// command's tables.
pub(super) fn write_table(out: &mut String, table: &TextTable) {
    use std::fmt::Write;
    let widths: Vec<usize> = (0..table.headings.len())
        .map(|c| {
            let cells = table.rows.iter().filter_map(|r| r.get(c));
            let longest = cells.map(|s| s.chars().count()).max().unwrap_or(0);
            longest.max(table.headings[c].chars().count())
        })
        .collect();
    for row in std::iter::once(&table.headings).chain(&table.rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &w)| format!("{cell:<w$}"))
            .collect();
        let _ = writeln!(out, "  {}", cells.join("  ").trim_end());
    }
}

/// A fixed-width text table of the appraisal, for the `sfpc` command.
pub fn appraisal_table(scenario: &Scenario, appraisal: &Appraisal) -> String {
    use std::fmt::Write;
    let horizon_years = scenario.appraisal.horizon_years;
    let mut out = appraisal_context(scenario);
    out.push('\n');
    for a in &appraisal.programmes {
        let _ = writeln!(out, "\n{}", a.programme.name());
        for v in super::verdicts(a, horizon_years, None).readings {
            let _ = writeln!(out, "Verdict: {}", v.sentence);
        }
        if let Some(inputs) = scenario.programme(a.programme) {
            let used = super::effects_used_text(inputs, scenario.price_year);
            let _ = writeln!(out, "Effects: {used}");
            let graded = super::evidence_summary(scenario, inputs);
            let _ = writeln!(out, "Evidence: {graded}");
        }
        let _ = writeln!(
            out,
            "{:>5} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14} {:>16}",
            "year",
            "benefits",
            "cashable",
            "partner",
            "costs",
            "grant",
            "council net",
            "cumulative net"
        );
        for y in &a.years {
            let _ = writeln!(
                out,
                "{:>5} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14} {:>16}",
                y.year + 1,
                gbp(y.benefits_gbp),
                gbp(y.cashable_benefits_gbp),
                gbp(y.partner_benefits_gbp),
                gbp(y.costs_gbp),
                gbp(y.grant_gbp),
                gbp(y.council_net_gbp),
                gbp(y.cumulative_council_net_gbp)
            );
        }
        out.push('\n');
        write_table(&mut out, &streams_table(a));
        out.push('\n');
        for h in headlines(a, horizon_years) {
            let _ = writeln!(out, "  {:<34} {:>21}  {}", h.label, h.figure, h.reading);
        }
    }
    out
}
