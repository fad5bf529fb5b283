//! The uncertainty analysis in words: chart summaries for readers who cannot
//! see the charts, and the command's text table.

use super::{
    count, gbp, lowercase_first, parameter_label, parameter_value, probability, years, TextTable,
};

/// Text summaries of the uncertainty charts, for readers who cannot see them.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UncertaintySummaries {
    pub fan: String,
    pub histogram: String,
    pub tornado: String,
    pub break_even: String,
}

pub fn uncertainty_summaries(
    u: &crate::uncertainty::ProgrammeUncertainty,
    draws: u32,
    horizon_years: u32,
) -> UncertaintySummaries {
    let futures = format!("{} simulated futures", count(draws));
    let period = years(f64::from(horizon_years));
    let fan = match u.fan.last() {
        Some(end) => format!(
            "In {} of {futures} the council pays back within {period}. By the end of year {}, its cumulative net position is between {} and {} in 8 futures out of 10 (median {}).",
            probability(u.probability_payback_within_horizon),
            end.year + 1,
            gbp(end.p10_gbp),
            gbp(end.p90_gbp),
            gbp(end.p50_gbp)
        ),
        None => String::new(),
    };
    let npv = &u.council_npv_gbp;
    let histogram = format!(
        "The council's net present value is positive in {} of {futures}. Median {}; 9 futures in 10 lie between {} and {}.",
        probability(u.probability_council_npv_positive),
        gbp(npv.p50),
        gbp(npv.p5),
        gbp(npv.p95)
    );
    let tornado = match u.tornado.first() {
        Some(top) => format!(
            "The figure that matters most is {}: from {} to {} it moves the council's net present value from {} to {}.",
            lowercase_first(parameter_label(u.programme, top.parameter)),
            parameter_value(u.programme, top.parameter, top.low),
            parameter_value(u.programme, top.parameter, top.high),
            gbp(top.npv_at_low_gbp),
            gbp(top.npv_at_high_gbp)
        ),
        None => "No parameter has a range, so nothing varies.".into(),
    };
    let headline = u.programme.headline_stream().effect;
    let what = lowercase_first(parameter_label(u.programme, headline));
    let break_even = match (u.break_even.break_even_effect, u.break_even.probability_effect_exceeds) {
        (Some(be), _) if be <= 0.0 => format!(
            "The council breaks even with none of the {what}, the other figures held at their values: its other savings (and any grant) cover the costs."
        ),
        (Some(be), Some(p)) => format!(
            "The {what} exceeds its break-even value of {} in {} of {futures}, the other figures held at their values. That is the chance for this one effect; with every figure drawn, the chance of the council being better off is {}.",
            parameter_value(u.programme, headline, be),
            probability(p),
            probability(u.probability_council_npv_positive)
        ),
        _ => format!("The {what} makes no difference to the council's net present value here."),
    };
    UncertaintySummaries {
        fan,
        histogram,
        tornado,
        break_even,
    }
}

/// The uncertainty results as text, for the `sfpc` command.
pub fn uncertainty_table(u: &crate::uncertainty::Uncertainty) -> String {
    use std::fmt::Write;
    let mut out = format!(
        "{} draws, seed {}, Beta-PERT ranges\n",
        count(u.config.draws),
        u.config.seed
    );
    for p in &u.programmes {
        let s = uncertainty_summaries(p, u.config.draws, u.horizon_years);
        let _ = writeln!(out, "\n{}", p.programme.name());
        let _ = writeln!(
            out,
            "  {:<16} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}",
            "", "P5", "P10", "median", "P90", "P95", "mean"
        );
        for (name, q) in [
            ("council NPV", &p.council_npv_gbp),
            ("cashable NPV", &p.council_cashable_npv_gbp),
            ("public NPV", &p.public_npv_gbp),
        ] {
            let _ = writeln!(
                out,
                "  {name:<16} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}",
                gbp(q.p5),
                gbp(q.p10),
                gbp(q.p50),
                gbp(q.p90),
                gbp(q.p95),
                gbp(q.mean)
            );
        }
        for line in [s.histogram, s.fan, s.break_even, s.tornado] {
            let _ = writeln!(out, "  {line}");
        }
        let _ = writeln!(out, "  tornado (council NPV at low / high):");
        for t in &p.tornado {
            let _ = writeln!(
                out,
                "    {:<55} {:>14} {:>14}",
                parameter_label(p.programme, t.parameter),
                gbp(t.npv_at_low_gbp),
                gbp(t.npv_at_high_gbp)
            );
        }
    }
    out
}

/// How steady the simulated figures are between seeds at `draws`: the
/// benchmark's measure (`bash scripts/bench.sh`: 20 seeds of the default
/// scenario, each model; tests/benches/RESULTS.md) and its budget, issue 13.
pub fn steadiness(draws: u32) -> String {
    use crate::uncertainty::{DEFAULT_DRAWS, STEADY_MEDIAN_PERCENT, STEADY_PROBABILITY_POINTS};
    if draws >= DEFAULT_DRAWS {
        format!(
            "Steady between seeds: at {} draws or more, the chance the council is better off moves by under ±{STEADY_PROBABILITY_POINTS} points and the median by under {STEADY_MEDIAN_PERCENT}% of its P10 to P90 range (measured over 20 seeds of the default figures).",
            crate::display::count(DEFAULT_DRAWS)
        )
    } else {
        format!(
            "Fewer draws than the default {}: the figures move more from seed to seed.",
            crate::display::count(DEFAULT_DRAWS)
        )
    }
}

/// What the page says of a run's provisional figures (its first draws,
/// shown while the rest run): how far they may move, the model's promise
/// (`uncertainty::PREVIEW_MOVE_*`).
pub fn provisional_note(preview_draws: u32, draws: u32) -> String {
    use crate::uncertainty::{PREVIEW_MOVE_MEDIAN_PERCENT, PREVIEW_MOVE_PROBABILITY_POINTS};
    format!(
        "Provisional: the first {} of {} simulated futures. As the rest come in, the chance the council is better off may move by up to ±{PREVIEW_MOVE_PROBABILITY_POINTS} points and the median by up to {PREVIEW_MOVE_MEDIAN_PERCENT}% of its P10 to P90 range.",
        crate::display::count(preview_draws),
        crate::display::count(draws)
    )
}

/// The hint of the page's draws field, from the engine's limits.
pub fn draws_hint() -> String {
    use crate::uncertainty::{MAX_DRAWS, MIN_DRAWS};
    format!(
        "How many draws, from {} to {}.",
        crate::display::count(MIN_DRAWS),
        crate::display::count(MAX_DRAWS)
    )
}

/// A probability, or "n/a" where there is none (no break-even to clear).
fn chance(p: Option<f64>) -> String {
    p.map_or_else(|| "n/a".into(), probability)
}

/// The headline cards of one model's uncertainty analysis, as the page
/// shows them. The chance that the headline effect clears its break-even is
/// not a card (issue 25: beside the chance of being better off it read as a
/// second, contradicting chance); the tornado's summary says it, explained.
pub fn uncertainty_headlines(
    u: &crate::uncertainty::ProgrammeUncertainty,
    horizon_years: u32,
) -> Vec<super::Headline> {
    use super::appraisal::headline;
    let npv = &u.council_npv_gbp;
    vec![
        headline(
            "p-positive",
            "Chance the council is better off",
            probability(u.probability_council_npv_positive),
            "share of simulated futures with council net present value above £0".into(),
        ),
        headline(
            "p-payback",
            format!(
                "Chance of paying back within {}",
                years(f64::from(horizon_years))
            ),
            probability(u.probability_payback_within_horizon),
            "share of simulated futures in which the council pays back".into(),
        ),
        headline(
            "npv-range",
            "Council net present value, 9 futures in 10",
            format!("{} to {}", gbp(npv.p5), gbp(npv.p95)),
            format!("median {}", gbp(npv.p50)),
        ),
    ]
}

/// Why the central figure and the simulated median differ, in one sentence
/// (issue 25: "+£235k beside a simulated median of −£59,761 with nothing
/// reconciling them"). Within 5% of the central figure (or £10,000) they
/// are said to agree.
pub fn central_and_median(u: &crate::uncertainty::ProgrammeUncertainty) -> String {
    let central = u.central_council_npv_gbp;
    let median = u.council_npv_gbp.p50;
    let gap = median - central;
    if gap.abs() <= (0.05 * central.abs()).max(10_000.0) {
        return format!(
            "The central figure ({}, every figure at its most likely value) and the median of the simulated futures ({}) agree.",
            gbp(central),
            gbp(median)
        );
    }
    let (lower, worse, better) = if gap < 0.0 {
        ("lower", "worse", "better")
    } else {
        ("higher", "better", "worse")
    };
    format!(
        "The central figure ({}) takes every figure at its most likely value; the median of the simulated futures ({}) is {lower} because, taken together, the figures' ranges reach further towards {worse} outcomes than towards {better} ones.",
        gbp(central),
        gbp(median)
    )
}

/// The columns of a table of percentiles (the page's, the workbook's).
pub const PERCENTILE_HEADINGS: [&str; 6] = ["P5", "P10", "Median", "P90", "P95", "Mean"];

fn percentile_row(label: &str, q: &crate::uncertainty::Percentiles) -> Vec<String> {
    std::iter::once(label.to_owned())
        .chain([q.p5, q.p10, q.p50, q.p90, q.p95, q.mean].map(gbp))
        .collect()
}

fn percentile_headings(first: &str) -> Vec<String> {
    std::iter::once(first)
        .chain(PERCENTILE_HEADINGS)
        .map(String::from)
        .collect()
}

/// One model's net present values across the simulated futures.
pub fn percentile_table(u: &crate::uncertainty::ProgrammeUncertainty, draws: u32) -> TextTable {
    TextTable {
        caption: format!(
            "{}: net present value across {} simulated futures",
            u.programme.name(),
            count(draws)
        ),
        headings: percentile_headings(""),
        rows: vec![
            percentile_row(super::COUNCIL_NPV.label, &u.council_npv_gbp),
            percentile_row(super::CASHABLE_NPV.label, &u.council_cashable_npv_gbp),
            percentile_row(super::PUBLIC_NPV.label, &u.public_npv_gbp),
        ],
    }
}

/// Chart 4's data: the fan of the council's running total.
pub fn fan_table(u: &crate::uncertainty::ProgrammeUncertainty) -> TextTable {
    TextTable {
        caption: format!(
            "{}: cumulative council net position across simulated futures (from {} of them)",
            u.programme.name(),
            count(u.fan_draws)
        ),
        headings: [
            "End of year",
            "P10 (1 in 10 futures below)",
            "Median",
            "P90 (1 in 10 futures above)",
        ]
        .map(String::from)
        .into(),
        rows: u
            .fan
            .iter()
            .map(|f| {
                vec![
                    super::year_label(f.year),
                    gbp(f.p10_gbp),
                    gbp(f.p50_gbp),
                    gbp(f.p90_gbp),
                ]
            })
            .collect(),
    }
}

/// Chart 5's data: the futures counted by council net present value.
pub fn histogram_table(u: &crate::uncertainty::ProgrammeUncertainty) -> TextTable {
    TextTable {
        caption: format!(
            "{}: simulated futures by council net present value",
            u.programme.name()
        ),
        headings: ["From", "To", "Futures"].map(String::from).into(),
        rows: u
            .histogram
            .iter()
            .map(|b| vec![gbp(b.from_gbp), gbp(b.to_gbp), count(b.count)])
            .collect(),
    }
}

/// Chart 6's data: council net present value with each figure at its ends.
pub fn tornado_table(u: &crate::uncertainty::ProgrammeUncertainty) -> TextTable {
    let p = u.programme;
    TextTable {
        caption: format!(
            "{}: council net present value with each figure at its low and its high",
            p.name()
        ),
        headings: [
            "Figure",
            "Low",
            "High",
            "Net present value at low",
            "Net present value at high",
        ]
        .map(String::from)
        .into(),
        rows: u
            .tornado
            .iter()
            .map(|t| {
                vec![
                    parameter_label(p, t.parameter).to_owned(),
                    parameter_value(p, t.parameter, t.low),
                    parameter_value(p, t.parameter, t.high),
                    gbp(t.npv_at_low_gbp),
                    gbp(t.npv_at_high_gbp),
                ]
            })
            .collect(),
    }
}

/// The compare view: each model's council net present value across futures.
pub fn compared_percentile_table(u: &crate::uncertainty::Uncertainty) -> TextTable {
    TextTable {
        caption: "Council net present value across simulated futures, each model".into(),
        headings: percentile_headings("Model"),
        rows: u
            .programmes
            .iter()
            .map(|p| percentile_row(p.programme.name(), &p.council_npv_gbp))
            .collect(),
    }
}

/// The compare view: how sure each model's case is.
pub fn compared_chances_table(u: &crate::uncertainty::Uncertainty) -> TextTable {
    TextTable {
        caption: "How sure: each model".into(),
        headings: vec![
            "Model".into(),
            "Chance the council is better off".into(),
            format!(
                "Chance of paying back within {}",
                years(f64::from(u.horizon_years))
            ),
            "Chance the effect clears break-even".into(),
        ],
        rows: u
            .programmes
            .iter()
            .map(|p| {
                vec![
                    p.programme.name().to_owned(),
                    probability(p.probability_council_npv_positive),
                    probability(p.probability_payback_within_horizon),
                    chance(p.break_even.probability_effect_exceeds),
                ]
            })
            .collect(),
    }
}

/// What ran, for the record under the analysis: draws, seed, steadiness,
/// the distribution and the generator.
/// The method in plain English, for the footnote under the analysis (its
/// technical names are in [`simulation_record`], under "How this is worked
/// out").
pub fn simulation_plain(config: &crate::uncertainty::SimulationConfig) -> String {
    format!(
        "How this is worked out, in short: each of {} simulated futures picks every figure that has a range at random between its low and its high, most often near its value, and works out the appraisal again; the chances and ranges above count those futures. The same seed gives the same results.",
        count(config.draws)
    )
}

pub fn simulation_record(config: &crate::uncertainty::SimulationConfig) -> String {
    format!(
        "{} simulated futures, seed {}. {} {}; generator {}.",
        count(config.draws),
        config.seed,
        steadiness(config.draws),
        crate::sampling::distribution(),
        crate::sampling::GENERATOR
    )
}
