//! The uncertainty analysis in words: chart summaries for readers who cannot
//! see the charts, and the command's text table.

use super::{count, gbp, lowercase_first, parameter_label, parameter_value, probability, years};

/// Text summaries of the uncertainty charts, for readers who cannot see them.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
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
            "The council breaks even with none of the {what}, the other figures held at their values: its other savings and the grant cover the costs."
        ),
        (Some(be), Some(p)) => format!(
            "The {what} exceeds its break-even value of {} in {} of {futures}, the other figures held at their values.",
            parameter_value(u.programme, headline, be),
            probability(p)
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

/// The hint of the page's draws field, from the engine's limits.
pub fn draws_hint() -> String {
    use crate::uncertainty::{MAX_DRAWS, MIN_DRAWS};
    format!(
        "How many draws, from {} to {}.",
        crate::display::count(MIN_DRAWS),
        crate::display::count(MAX_DRAWS)
    )
}
