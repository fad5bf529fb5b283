//! Turning results into words and rounded figures: the only place numbers are
//! rounded. The model keeps full precision; totals are summed unrounded.

use crate::appraisal::{CouncilRoi, ProgrammeAppraisal};
use crate::comparison::ComparedScenario;
use crate::programmes::ProgrammeId;
use crate::scenario::Scenario;

/// Groups the digits of a whole number in threes: 1234567 -> "1,234,567".
fn group_thousands(whole: u64) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn sign(x: f64) -> &'static str {
    if x < 0.0 {
        "-"
    } else {
        ""
    }
}

/// Pounds to the nearest pound, en-GB: "£1,234,567", "-£12,000".
pub fn gbp(x: f64) -> String {
    let rounded = x.abs().round();
    let sign = if rounded == 0.0 { "" } else { sign(x) };
    format!("{sign}£{}", group_thousands(rounded as u64))
}

/// Pounds in short form for chart axes and tight spaces: "£1.2m", "£450k", "£950".
pub fn gbp_compact(x: f64) -> String {
    let a = x.abs();
    let (scaled, suffix) = if a >= 999_500_000.0 {
        (a / 1e9, "bn")
    } else if a >= 999_500.0 {
        (a / 1e6, "m")
    } else if a >= 1_000.0 {
        (a / 1e3, "k")
    } else {
        return gbp(x);
    };
    let text = if scaled >= 100.0 {
        format!("{scaled:.0}")
    } else {
        let t = format!("{scaled:.1}");
        t.strip_suffix(".0").map(str::to_owned).unwrap_or(t)
    };
    format!("{}£{text}{suffix}", sign(x))
}

/// A fraction as a percentage: 0.6 -> "60%", 0.175 -> "17.5%".
pub fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    let t = format!("{p:.1}");
    format!("{}%", t.strip_suffix(".0").unwrap_or(&t))
}

/// The headline effect in its own unit.
pub fn effect(programme: ProgrammeId, value: f64) -> String {
    match programme {
        ProgrammeId::FamilyValued => gbp(value),
        _ => percent(value),
    }
}

/// "pays back in year 3 of 5"; years are counted from 1 for people.
pub fn payback_reading(payback_years: Option<f64>, horizon_years: u32) -> String {
    match payback_years {
        Some(p) if p <= 0.0 => "the council is never out of pocket".into(),
        Some(p) => {
            let year = (p.ceil() as u32).max(1);
            format!("pays back in year {year} of {horizon_years} ({p:.1} years)")
        }
        None => format!("does not pay back within {horizon_years} years"),
    }
}

/// One headline measure: its name, its figure rounded for display, and a
/// plain-English reading.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Headline {
    /// Stable key for the page: `council_npv`, `public_npv`, `bcr`,
    /// `council_roi`, `payback`, `break_even`.
    pub key: &'static str,
    pub label: &'static str,
    pub figure: String,
    pub reading: String,
}

fn better_or_worse(npv: f64) -> &'static str {
    if npv >= 0.0 {
        "better off"
    } else {
        "worse off"
    }
}

fn headline(key: &'static str, label: &'static str, figure: String, reading: String) -> Headline {
    Headline {
        key,
        label,
        figure,
        reading,
    }
}

/// The six headline measures of a programme, in display order, as a finance
/// lead would say them.
pub fn headlines(a: &ProgrammeAppraisal, horizon_years: u32) -> Vec<Headline> {
    let council_npv = format!(
        "the council is {} {} over {horizon_years} years, in today's money",
        gbp(a.council_npv_gbp.abs()),
        better_or_worse(a.council_npv_gbp)
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
    let break_even_figure = a
        .break_even_effect
        .map_or("n/a".into(), |e| effect(a.programme, e));
    vec![
        headline(
            "council_npv",
            "Council net present value",
            gbp(a.council_npv_gbp),
            council_npv,
        ),
        headline(
            "public_npv",
            "Public-sector net present value",
            gbp(a.public_npv_gbp),
            public_npv,
        ),
        headline("bcr", "Benefit-cost ratio", bcr_figure, bcr),
        headline(
            "council_roi",
            "Council return on investment",
            roi_figure,
            roi,
        ),
        headline(
            "payback",
            "Payback",
            payback_figure,
            payback_reading(a.payback_years, horizon_years),
        ),
        headline(
            "break_even",
            "Break-even effect",
            break_even_figure,
            break_even_reading(a),
        ),
    ]
}

/// Text summaries of a programme's two charts, for readers who cannot see them.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ChartSummaries {
    pub yearly_flows: String,
    pub cumulative_net: String,
}

pub fn chart_summaries(a: &ProgrammeAppraisal, horizon_years: u32) -> ChartSummaries {
    let total = |f: fn(&crate::appraisal::YearRow) -> f64| a.years.iter().map(f).sum::<f64>();
    let yearly_flows = format!(
        "Over {horizon_years} years, before discounting, the council spends {}, receives {} in grant and saves {}: a net {} of {}.",
        gbp(total(|y| y.costs_gbp)),
        gbp(total(|y| y.grant_gbp)),
        gbp(total(|y| y.benefits_gbp)),
        if total(|y| y.council_net_gbp) >= 0.0 { "gain" } else { "loss" },
        gbp(total(|y| y.council_net_gbp).abs()),
    );
    let lowest = a.years.iter().min_by(|x, y| {
        x.cumulative_council_net_gbp
            .total_cmp(&y.cumulative_council_net_gbp)
    });
    let end = a.years.last().map_or(0.0, |y| y.cumulative_council_net_gbp);
    let low_point = match lowest {
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
    let mut cumulative_net = low_point;
    let payback = payback_reading(a.payback_years, horizon_years);
    cumulative_net.push_str(&capitalise(&payback));
    cumulative_net.push('.');
    ChartSummaries {
        yearly_flows,
        cumulative_net,
    }
}

/// A sentence comparing the programmes' council NPVs.
pub fn comparison_summary(appraisal: &crate::appraisal::Appraisal) -> String {
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

/// The text with its first letter changed by `change`. ASCII only: our
/// labels are, and Unicode case tables would add kilobytes to the download.
fn first_letter(text: &str, change: fn(&char) -> char) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| std::iter::once(change(&c)).chain(chars).collect())
        .unwrap_or_default()
}

/// "Saving per family holding an FGC" -> "saving per family holding an FGC".
fn lowercase_first(text: &str) -> String {
    first_letter(text, char::to_ascii_lowercase)
}

fn capitalise(text: &str) -> String {
    first_letter(text, char::to_ascii_uppercase)
}

fn break_even_reading(a: &ProgrammeAppraisal) -> String {
    let id = a.programme;
    let what = match id {
        ProgrammeId::FamilyValued => "the saving per family",
        ProgrammeId::FamilySafeguarding => "the reduction in children on plans",
        ProgrammeId::NoWrongDoor => "the reduction in residential time",
    };
    let Some(be) = a.break_even_effect else {
        return format!("{what} makes no difference here, so there is no break-even value");
    };
    let now = effect(id, a.headline_effect);
    if be <= 0.0 {
        return format!("the council breaks even with no effect at all (the grant covers the costs); the scenario assumes {now}");
    }
    let unreachable = id != ProgrammeId::FamilyValued && be > 1.0;
    let note = if unreachable {
        ", which is not achievable"
    } else {
        ""
    };
    format!(
        "breaks even if {what} is at least {}{note}; the scenario assumes {now}",
        effect(id, be)
    )
}

/// What was appraised, as the heading of every result: "Leeds: 5-year
/// appraisal at 3.5% a year, 2024-25 prices".
pub fn appraisal_context(scenario: &Scenario) -> String {
    format!(
        "{}: {}-year appraisal at {} a year, {} prices",
        scenario.council,
        scenario.appraisal.horizon_years,
        percent(scenario.appraisal.discount_rate),
        scenario.price_year
    )
}

/// A fixed-width text table of the appraisal, for the `sfpc` command.
pub fn appraisal_table(scenario: &Scenario, appraisal: &crate::appraisal::Appraisal) -> String {
    use std::fmt::Write;
    let horizon_years = scenario.appraisal.horizon_years;
    let mut out = appraisal_context(scenario);
    out.push('\n');
    for a in &appraisal.programmes {
        let _ = writeln!(out, "\n{}", a.programme.name());
        let _ = writeln!(
            out,
            "{:>5} {:>14} {:>14} {:>14} {:>14} {:>14} {:>16}",
            "year", "benefits", "partner", "costs", "grant", "council net", "cumulative net"
        );
        for y in &a.years {
            let _ = writeln!(
                out,
                "{:>5} {:>14} {:>14} {:>14} {:>14} {:>14} {:>16}",
                y.year + 1,
                gbp(y.benefits_gbp),
                gbp(y.partner_benefits_gbp),
                gbp(y.costs_gbp),
                gbp(y.grant_gbp),
                gbp(y.council_net_gbp),
                gbp(y.cumulative_council_net_gbp)
            );
        }
        for h in headlines(a, horizon_years) {
            let _ = writeln!(out, "  {:<31} {:>21}  {}", h.label, h.figure, h.reading);
        }
    }
    out
}

/// "82%": a probability as a whole percentage, never rounding a non-zero
/// chance to 0% or a non-certainty to 100%.
pub fn probability(p: f64) -> String {
    let pct = (p * 100.0).round();
    if p > 0.0 && pct == 0.0 {
        "under 1%".into()
    } else if p < 1.0 && pct == 100.0 {
        "over 99%".into()
    } else {
        format!("{pct:.0}%")
    }
}

/// A count with thousands separators: 10000 -> "10,000".
pub fn count(n: u32) -> String {
    group_thousands(u64::from(n))
}

/// The label of a programme parameter, from the defaults table.
pub fn parameter_label(programme: ProgrammeId, key: &str) -> String {
    let path = format!("programmes.{}.{key}", programme.key());
    crate::evidence::default_for(&path)
        .map_or_else(|| key.replace('_', " "), |row| row.label.to_owned())
}

/// A parameter's value in its own unit: money, a fraction as a percentage, or a count.
pub fn parameter_value(key: &str, value: f64) -> String {
    if key.ends_with("_gbp") {
        gbp(value)
    } else if key.contains("reduction") || key == "deadweight" || key == "optimism_bias" {
        percent(value)
    } else {
        format!("{}", (value * 10.0).round() / 10.0)
    }
}

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
    let fan = match u.fan.last() {
        Some(end) => format!(
            "In {} of {futures} the council pays back within {horizon_years} years. By the end of year {}, its cumulative net position is between {} and {} in 8 futures out of 10 (median {}).",
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
            lowercase_first(&parameter_label(u.programme, top.parameter)),
            parameter_value(top.parameter, top.low),
            parameter_value(top.parameter, top.high),
            gbp(top.npv_at_low_gbp),
            gbp(top.npv_at_high_gbp)
        ),
        None => "No parameter has a range, so nothing varies.".into(),
    };
    let what = lowercase_first(&parameter_label(u.programme, u.programme.headline_effect()));
    let break_even = match (u.break_even.break_even_effect, u.break_even.probability_effect_exceeds) {
        (Some(be), Some(p)) => format!(
            "The {what} exceeds its break-even value of {} in {} of {futures}, the other figures held at their values.",
            effect(u.programme, be),
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

/// A table of display text, which the page writes into an HTML table as text.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct TextTable {
    pub headings: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// How the difference from scenario A is shown, for one measure.
#[derive(Clone, Copy)]
enum Difference {
    /// Text (a name, a year): no difference column.
    None,
    Money(fn(&ProgrammeAppraisal) -> f64),
    Ratio(fn(&ProgrammeAppraisal) -> Option<f64>),
    Years(fn(&ProgrammeAppraisal) -> Option<f64>),
}

type Figure = fn(&ComparedScenario) -> String;

/// "+£1,200", "-£300", "£0".
fn signed_gbp(x: f64) -> String {
    let text = gbp(x);
    if text.starts_with('-') || text == "£0" {
        text
    } else {
        format!("+{text}")
    }
}

impl Difference {
    fn between(self, a: &ProgrammeAppraisal, b: &ProgrammeAppraisal) -> String {
        let both = |f: fn(&ProgrammeAppraisal) -> Option<f64>| f(a).zip(f(b)).map(|(x, y)| y - x);
        match self {
            Difference::None => String::new(),
            Difference::Money(f) => signed_gbp(f(b) - f(a)),
            Difference::Ratio(f) => both(f).map_or("n/a".into(), |d| format!("{d:+.2}")),
            Difference::Years(f) => both(f).map_or("n/a".into(), |d| format!("{d:+.1} years")),
        }
    }
}

fn payback_figure(years: Option<f64>) -> String {
    years.map_or("not within the period".into(), |p| format!("{p:.1} years"))
}

/// The measures compared, in order: label, figure, how to difference it.
fn compared_measures() -> [(&'static str, Figure, Difference); 12] {
    [
        (
            "Model",
            |c| c.appraisal.programme.name().into(),
            Difference::None,
        ),
        ("Council", |c| c.council.clone(), Difference::None),
        ("Price year", |c| c.price_year.clone(), Difference::None),
        (
            "Appraisal period",
            |c| format!("{} years", c.horizon_years),
            Difference::None,
        ),
        (
            "Discount rate",
            |c| percent(c.discount_rate),
            Difference::None,
        ),
        (
            "Council net present value",
            |c| gbp(c.appraisal.council_npv_gbp),
            Difference::Money(|a| a.council_npv_gbp),
        ),
        (
            "Public-sector net present value",
            |c| gbp(c.appraisal.public_npv_gbp),
            Difference::Money(|a| a.public_npv_gbp),
        ),
        (
            "Discounted savings to the council",
            |c| gbp(c.appraisal.present_values.benefits_gbp),
            Difference::Money(|a| a.present_values.benefits_gbp),
        ),
        (
            "Discounted costs",
            |c| gbp(c.appraisal.present_values.costs_gbp),
            Difference::Money(|a| a.present_values.costs_gbp),
        ),
        (
            "Discounted grant",
            |c| gbp(c.appraisal.present_values.grant_gbp),
            Difference::Money(|a| a.present_values.grant_gbp),
        ),
        (
            "Benefit-cost ratio",
            |c| c.appraisal.bcr.map_or("n/a".into(), |r| format!("{r:.2}")),
            Difference::Ratio(|a| a.bcr),
        ),
        (
            "Payback",
            |c| payback_figure(c.appraisal.payback_years),
            Difference::Years(|a| a.payback_years),
        ),
    ]
}

/// The saved scenarios side by side, with each one's difference from the
/// first (A), as a finance lead reads a variance column.
pub fn scenario_comparison_table(compared: &[ComparedScenario]) -> TextTable {
    let first = compared.first();
    let mut headings = vec!["Measure".to_owned()];
    headings.extend(compared.iter().map(|c| c.label.clone()));
    if let Some(a) = first {
        headings.extend(
            compared[1..]
                .iter()
                .map(|c| format!("{} − {}", c.label, a.label)),
        );
    }
    let rows = compared_measures()
        .into_iter()
        .map(|(label, figure, difference)| {
            let mut row = vec![label.to_owned()];
            row.extend(compared.iter().map(figure));
            if let Some(a) = first {
                row.extend(
                    compared[1..]
                        .iter()
                        .map(|c| difference.between(&a.appraisal, &c.appraisal)),
                );
            }
            row
        })
        .collect();
    TextTable { headings, rows }
}

/// What the overlaid chart shows, for readers who cannot see it.
pub fn scenario_comparison_summary(compared: &[ComparedScenario]) -> String {
    let each: Vec<String> = compared
        .iter()
        .map(|c| {
            let end = c
                .appraisal
                .years
                .last()
                .map_or(0.0, |y| y.cumulative_council_net_gbp);
            format!(
                "{} ({}): {} after {} years, {}",
                c.label,
                c.appraisal.programme.name(),
                gbp(end),
                c.horizon_years,
                payback_reading(c.appraisal.payback_years, c.horizon_years)
            )
        })
        .collect();
    format!(
        "Cumulative council net position at the end of each scenario's period. {}.",
        each.join("; ")
    )
}
