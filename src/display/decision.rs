//! Decide now or wait, in words: the expected-loss cards, the verdict, the
//! trial's worth, what is worth knowing (chart 10's summary and table), the
//! chance of clearing a threshold (chart 11's), and the method.

use super::{count, gbp, lowercase_first, parameter_label, percent, probability, years, TextTable};
use crate::decision::{Choice, Decision};
use crate::registry::ProgrammeId;
use crate::uncertainty::ProgrammeUncertainty;
use crate::value_of_information::{
    Evppi, Item, Method, ProgrammeValue, Waiting, CARE_YEARS_NODES, GROUP_DRAWS,
};

/// A figure with its heading and what it means (the page's headline
/// cards' shape).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Card {
    pub key: &'static str,
    pub label: String,
    pub figure: String,
    pub reading: String,
}

/// The choice from the draws alone, in words.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DecisionWords {
    pub cards: Vec<Card>,
    pub verdict: String,
    pub acceptability_summary: String,
    pub acceptability_table: TextTable,
    pub payback_table: TextTable,
}

/// What is worth knowing, in words.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ValueWords {
    pub waiting: String,
    pub waiting_assumptions: String,
    pub evppi_summary: String,
    pub evppi_table: TextTable,
}

fn futures(d: &Decision) -> String {
    format!("{} simulated futures", count(d.draws() as u32))
}

/// The cards and verdict of a programme's draws.
pub fn decision_words(u: &ProgrammeUncertainty) -> DecisionWords {
    let d = &u.decision;
    let of = futures(d);
    let share_gaining = 1.0 - d.share_losing;
    let adopt = Card {
        key: "loss-adopt",
        label: "Expected loss if you adopt".into(),
        figure: gbp(d.expected_loss_adopt_gbp),
        reading: if d.share_losing > 0.0 {
            format!(
                "If you adopt, the average shortfall in the futures where it does not pay is {}; it does not pay in {} of {of}.",
                gbp(d.mean_shortfall_gbp()),
                probability(d.share_losing)
            )
        } else {
            format!("Adopting pays in every one of {of}.")
        },
    };
    let not_adopt = Card {
        key: "loss-not-adopt",
        label: "Expected loss if you do not adopt".into(),
        figure: gbp(d.expected_loss_not_adopt_gbp),
        reading: if share_gaining > 0.0 && d.expected_loss_not_adopt_gbp > 0.0 {
            format!(
                "If you do not adopt, the average gain forgone in the futures where adopting would have paid is {}; it would have paid in {} of {of}.",
                gbp(d.mean_gain_gbp()),
                probability(share_gaining)
            )
        } else {
            format!("Adopting would have paid in none of {of}.")
        },
    };
    let evpi = Card {
        key: "evpi",
        label: "Expected value of perfect information".into(),
        figure: gbp(d.evpi_gbp),
        reading: "The most that knowing every figure before deciding could be worth to the council: the smaller of the two expected losses.".into(),
    };
    let verdict = match (d.better(), d.margin_gbp() == 0.0) {
        (_, true) => "The two choices have the same expected loss.".into(),
        (Choice::Adopt, _) => format!(
            "Adopting has the smaller expected loss, by {}.",
            gbp(d.margin_gbp())
        ),
        (Choice::NotAdopt, _) => format!(
            "Not adopting has the smaller expected loss, by {}.",
            gbp(d.margin_gbp())
        ),
    };
    DecisionWords {
        cards: vec![adopt, not_adopt, evpi],
        verdict,
        acceptability_summary: acceptability_summary(u),
        acceptability_table: acceptability_table(u),
        payback_table: payback_table(u),
    }
}

/// A round step that splits `range` into about eight: 1, 2 or 5 × 10^k.
fn nice_step(range: f64) -> f64 {
    let rough = range / 8.0;
    if rough.is_nan() || rough <= 0.0 || !rough.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= rough)
        .unwrap_or(10.0 * power)
}

/// Round thresholds across the middle 90% of the draws, and £0.
pub fn acceptability_thresholds(d: &Decision) -> Vec<f64> {
    let [_, lo, _, _, hi, _] = d.npv_quantiles_gbp;
    let step = nice_step(hi - lo);
    let (first, last) = ((lo / step).ceil() as i64, (hi / step).floor() as i64);
    let mut out: Vec<f64> = (first..=last).map(|k| k as f64 * step).collect();
    if !out.contains(&0.0) {
        out.push(0.0);
        out.sort_by(f64::total_cmp);
    }
    out
}

/// Chart 11's data: the chance council NPV is above each threshold.
pub fn acceptability_table(u: &ProgrammeUncertainty) -> TextTable {
    let d = &u.decision;
    TextTable {
        caption: format!(
            "{}: chance the council's net present value is above each amount ({})",
            u.programme.name(),
            futures(d)
        ),
        headings: ["Council net present value above", "Chance"]
            .map(String::from)
            .into(),
        rows: {
            let thresholds = acceptability_thresholds(d);
            let chances = d.chances_above(&thresholds);
            thresholds
                .into_iter()
                .zip(chances)
                .map(|(t, p)| vec![gbp(t), probability(p)])
                .collect()
        },
    }
}

/// The chance the council pays back within each number of years.
pub fn payback_table(u: &ProgrammeUncertainty) -> TextTable {
    let d = &u.decision;
    TextTable {
        caption: format!(
            "{}: chance the council pays back within each number of years ({})",
            u.programme.name(),
            futures(d)
        ),
        headings: ["Pays back within", "Chance"].map(String::from).into(),
        rows: d
            .payback_within
            .iter()
            .enumerate()
            .map(|(y, &p)| vec![years((y + 1) as f64), probability(p)])
            .collect(),
    }
}

/// Chart 11's summary.
pub fn acceptability_summary(u: &ProgrammeUncertainty) -> String {
    let d = &u.decision;
    let [_, _, p25, p75, _, _] = d.npv_quantiles_gbp;
    format!(
        "The council's net present value is above £0 in {} of {}. It is above {} in 3 futures out of 4, and above {} in 1 out of 4.",
        probability(d.chance_above(0.0)),
        futures(d),
        gbp(p25),
        gbp(p75)
    )
}

/// The chance above a threshold the user set, in words.
pub fn threshold_sentence(u: &ProgrammeUncertainty, threshold_gbp: f64) -> String {
    format!(
        "The council's net present value is above {} in {} of {}.",
        gbp(threshold_gbp),
        probability(u.decision.chance_above(threshold_gbp)),
        futures(&u.decision)
    )
}

/// What an EVPPI is of, in words.
pub fn item_label(programme: ProgrammeId, e: &Evppi, waiting: &Waiting) -> String {
    match e.item {
        Item::Parameter(field) => parameter_label(programme, field).into(),
        Item::Group(group) => format!("All of: {}", programme.spec().group_label(group)),
        Item::Trial => format!("What the {} will measure", waiting.trial.name),
    }
}

/// How an EVPPI was found, in words.
pub fn method_label(method: Method) -> String {
    match method {
        Method::ClosedForm => "exact (Beta partial expectation)".into(),
        Method::Quadrature { nodes } => format!("quadrature over {} points", count(nodes)),
        Method::Draws { draws } => format!("mean over {} draws", count(draws)),
    }
}

/// What chart 10 says when no figure alone could change the choice.
pub const NOTHING_WORTH_KNOWING: &str =
    "No figure alone could change the better choice: nothing here is worth knowing first.";

/// Chart 10's bars, largest first: the trial, the groups, the parameters.
pub fn evppi_bars(v: &ProgrammeValue) -> Vec<&Evppi> {
    let mut bars: Vec<&Evppi> = std::iter::once(&v.waiting.evppi)
        .chain(&v.groups)
        .chain(&v.parameters)
        .filter(|e| e.value_gbp > 0.0)
        .collect();
    bars.sort_by(|a, b| b.value_gbp.total_cmp(&a.value_gbp));
    bars
}

/// The words of a programme's value of information, beside its EVPI.
pub fn value_words(v: &ProgrammeValue, evpi_gbp: f64) -> ValueWords {
    let p = v.programme;
    let w = &v.waiting;
    let evppi_table = TextTable {
        caption: format!(
            "{}: what knowing each figure before deciding is worth (expected value of partial perfect information)",
            p.name()
        ),
        headings: ["Known before deciding", "Worth up to", "Share of perfect information", "Method"]
            .map(String::from)
            .into(),
        rows: std::iter::once(&w.evppi)
            .chain(&v.groups)
            .chain(&v.parameters)
            .map(|e| {
                vec![
                    item_label(p, e, w),
                    gbp(e.value_gbp),
                    if evpi_gbp > 0.0 { percent(e.value_gbp / evpi_gbp) } else { "–".into() },
                    method_label(e.method),
                ]
            })
            .collect(),
    };
    let bars: Vec<String> = v
        .parameters
        .iter()
        .filter(|e| e.value_gbp > 0.0)
        .take(3)
        .map(|e| {
            format!(
                "{} ({})",
                lowercase_first(&item_label(p, e, w)),
                gbp(e.value_gbp)
            )
        })
        .collect();
    let evppi_summary = if evpi_gbp <= 0.0 {
        "Every simulated future points to the same choice, so no figure is worth knowing better before deciding.".into()
    } else if bars.is_empty() {
        format!(
            "Knowing every figure before deciding would be worth up to {}, but no figure alone could change the better choice.",
            gbp(evpi_gbp)
        )
    } else {
        format!(
            "Knowing every figure before deciding would be worth up to {}. The figures most worth knowing: {}.",
            gbp(evpi_gbp),
            bars.join("; ")
        )
    };
    ValueWords {
        waiting: waiting_sentence(w),
        waiting_assumptions: waiting_assumptions(w),
        evppi_summary,
        evppi_table,
    }
}

/// Whether to wait a year for the trial.
pub fn waiting_sentence(w: &Waiting) -> String {
    let trial = w.trial.name;
    let worth = gbp(w.evppi.value_gbp);
    if w.evppi.value_gbp <= 0.0 {
        return format!(
            "Waiting for the {trial} is not worth it: whatever it finds within the ranges here, the better choice stays the same."
        );
    }
    if w.delay_cost_gbp <= 0.0 {
        return format!(
            "Not adopting is the better choice now, so waiting for the {trial} costs nothing here, and its answer could be worth up to {worth}."
        );
    }
    if w.value_gbp() > 0.0 {
        format!(
            "Waiting a year for the {trial} is worth up to about {}: its answer could be worth up to {worth}, against about {} of expected net saving a year's delay forgoes.",
            gbp(w.value_gbp()),
            gbp(w.delay_cost_gbp)
        )
    } else {
        format!(
            "Waiting a year for the {trial} is not worth it: a year's delay forgoes about {} of expected net saving, more than the most its answer could be worth ({worth}).",
            gbp(w.delay_cost_gbp)
        )
    }
}

/// What the waiting sentence assumes.
pub fn waiting_assumptions(w: &Waiting) -> String {
    format!(
        "The {} ({}; {}) is taken to settle the effects it measures exactly, so its worth is an upper bound (perfect information); a year's delay forgoes an average year of the programme's expected council net present value. No sample-size estimate (EVSI) is given: each trial randomises a handful of councils, and without their published design effects a figure from the number of children would overstate what the trial can tell.",
        w.trial.name, w.trial.design, w.trial.reports
    )
}

/// The method, line by line: the command's, the workbook's and the audit
/// pack's.
pub fn decision_method() -> Vec<String> {
    [
        "X is a draw of the council's net present value if it adopts; not adopting is £0.",
        "Expected loss of adopting = E[max(−X, 0)]; of not adopting = E[max(X, 0)], over every draw.",
        "EVPI = E[max(X, 0)] − max(E[X], 0): the smaller expected loss; 0 when every draw leads to the same choice.",
        "EVPPI(θ) = E_θ[max(E[X | θ], 0)] − max(E[X], 0). E[X | θ] is the model itself, with every other parameter at its mean and the years in care at their certainty equivalent: council NPV is multilinear in every parameter but the years in care, which enter piecewise linearly.",
        "Check: the regression estimator of Strong, Oakley and Brennan (2014), a linear spline on the simulation's draws, with its standard error (sfpc decide --check).",
        "Waiting for the trial: EVPPI of the effects it measures, less a year's delay (max(E[X], 0) ÷ the appraisal's years).",
    ]
    .map(String::from)
    .into_iter()
    .chain([format!(
        "One parameter: exact, from the Beta distribution's partial expectation. The years in care: quadrature over {} points of their PERT. A group or a trial's effects: the mean over the simulation's first {} draws.",
        count(CARE_YEARS_NODES as u32),
        count(GROUP_DRAWS)
    )])
    .collect()
}

/// `sfpc decide --format table`.
pub fn decide_table(u: &crate::uncertainty::Uncertainty, values: &[ProgrammeValue]) -> String {
    use std::fmt::Write;
    let mut out = format!(
        "{} draws, seed {}: decide now or wait\n",
        count(u.config.draws),
        u.config.seed
    );
    for (p, v) in u.programmes.iter().zip(values) {
        let words = decision_words(p);
        let value = value_words(v, p.decision.evpi_gbp);
        let _ = writeln!(out, "\n{}", p.programme.name());
        for card in &words.cards {
            let _ = writeln!(out, "  {}: {}. {}", card.label, card.figure, card.reading);
        }
        for line in [
            &words.verdict,
            &value.waiting,
            &value.evppi_summary,
            &words.acceptability_summary,
        ] {
            let _ = writeln!(out, "  {line}");
        }
        for table in [
            &value.evppi_table,
            &words.acceptability_table,
            &words.payback_table,
        ] {
            let _ = writeln!(out, "  {}", table.caption);
            super::appraisal::write_table(&mut out, table);
        }
        let _ = writeln!(out, "  {}", value.waiting_assumptions);
    }
    let _ = writeln!(out, "\nMethod:");
    for line in decision_method() {
        let _ = writeln!(out, "  {line}");
    }
    out
}
