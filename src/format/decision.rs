//! `sfpc decide`'s JSON: each programme's expected losses, EVPI, chances
//! over thresholds, EVPPI of each figure and group (with its method, and
//! the regression check where asked) and whether to wait for its trial.
//! Unrounded; the words are `display`'s.

use super::results::result_header;
use crate::decision::Decision;
use crate::registry::Field;
use crate::scenario::Scenario;
use crate::uncertainty::Uncertainty;
use crate::value_of_information::regression::Estimate;
use crate::value_of_information::{Evppi, Item, Method, ProgrammeValue};
use serde_json::{json, Map, Value};

/// Regression estimates by programme and field, where asked for.
pub type RegressionCheck = [(crate::registry::ProgrammeId, Vec<(Field, Estimate)>)];

fn method_json(m: Method) -> Value {
    match m {
        Method::ClosedForm => json!({ "kind": "closed_form" }),
        Method::Quadrature { nodes } => json!({ "kind": "quadrature", "nodes": nodes }),
        Method::Draws { draws } => json!({ "kind": "draws", "draws": draws }),
    }
}

fn evppi_json(e: &Evppi, regression: Option<&Estimate>) -> Value {
    let (kind, key) = match e.item {
        Item::Parameter(f) => ("parameter", f.key()),
        Item::Group(g) => ("group", g.key()),
        Item::Trial => ("trial", "trial"),
    };
    let mut v = json!({
        "kind": kind,
        "key": key,
        "fields": e.fields.iter().map(|f| f.key()).collect::<Vec<_>>(),
        "evppi_gbp": e.value_gbp,
        "method": method_json(e.method),
    });
    if let Some(r) = regression {
        v["regression_check"] =
            json!({ "evppi_gbp": r.value_gbp, "standard_error_gbp": r.standard_error_gbp });
    }
    v
}

/// The draws' part: expected losses, EVPI, chances.
pub fn decision_json(d: &Decision, thresholds: &[f64]) -> Value {
    json!({
        "expected_council_npv_gbp": d.expected_council_npv_gbp,
        "expected_loss_adopt_gbp": d.expected_loss_adopt_gbp,
        "expected_loss_not_adopt_gbp": d.expected_loss_not_adopt_gbp,
        "better_choice": match d.better() {
            crate::decision::Choice::Adopt => "adopt",
            crate::decision::Choice::NotAdopt => "not_adopt",
        },
        "margin_gbp": d.margin_gbp(),
        "share_of_draws_losing": d.share_losing,
        "mean_shortfall_gbp": d.mean_shortfall_gbp(),
        "mean_gain_gbp": d.mean_gain_gbp(),
        "evpi_gbp": d.evpi_gbp,
        "acceptability": thresholds.iter().zip(d.chances_above(thresholds)).map(|(&t, p)| json!({
            "threshold_gbp": t, "probability_above": p,
        })).collect::<Vec<_>>(),
        "payback_within": d.payback_within.iter().enumerate().map(|(y, &p)| json!({
            "years": y + 1, "probability": p,
        })).collect::<Vec<_>>(),
    })
}

/// The value of information's part.
pub fn value_json(v: &ProgrammeValue, regression: Option<&[(Field, Estimate)]>) -> Value {
    let check = |e: &Evppi| match (e.item, regression) {
        (Item::Parameter(f), Some(r)) => r.iter().find(|(g, _)| *g == f).map(|(_, est)| est),
        _ => None,
    };
    let w = &v.waiting;
    json!({
        "expected_council_npv_exact_gbp": v.expected_council_npv_gbp,
        "care_years_certainty_equivalent": v.care_years_equivalent,
        "evppi_parameters": v.parameters.iter().map(|e| evppi_json(e, check(e))).collect::<Vec<_>>(),
        "evppi_groups": v.groups.iter().map(|e| evppi_json(e, None)).collect::<Vec<_>>(),
        "waiting": {
            "trial": w.trial.name,
            "design": w.trial.design,
            "reports": w.trial.reports,
            "source": w.trial.source,
            "evppi": evppi_json(&w.evppi, None),
            "delay_cost_gbp": w.delay_cost_gbp,
            "value_of_waiting_gbp": w.value_gbp(),
            "worth_waiting": w.value_gbp() > 0.0,
        },
    })
}

/// The whole of `sfpc decide`'s result; `extra_thresholds` are the user's
/// (`--threshold`), beside the round ones.
pub fn decide_to_json(
    scenario: &Scenario,
    u: &Uncertainty,
    values: &[ProgrammeValue],
    regression: Option<&RegressionCheck>,
    extra_thresholds: &[f64],
) -> Value {
    let mut result = result_header(scenario);
    result.insert(
        "simulation".into(),
        json!({ "draws": u.config.draws, "seed": u.config.seed }),
    );
    result.insert("method".into(), json!(crate::display::decision_method()));
    let programmes: Map<String, Value> = u
        .programmes
        .iter()
        .zip(values)
        .map(|(p, v)| {
            let mut thresholds = crate::display::acceptability_thresholds(&p.decision);
            thresholds.extend(extra_thresholds);
            thresholds.sort_by(f64::total_cmp);
            thresholds.dedup();
            let mut entry = decision_json(&p.decision, &thresholds);
            let checked = regression
                .and_then(|r| r.iter().find(|(id, _)| *id == p.programme))
                .map(|(_, r)| r.as_slice());
            if let (Value::Object(e), Value::Object(more)) = (&mut entry, value_json(v, checked)) {
                e.extend(more);
                e.insert("name".into(), p.programme.name().into());
            }
            (p.programme.key().to_owned(), entry)
        })
        .collect();
    result.insert("programmes".into(), Value::Object(programmes));
    Value::Object(result)
}
