//! The defaults and their sources, as users see them: the default scenario
//! and the defaults table, both made from the parameter registry
//! ([`crate::registry`]), where every figure is declared once with its range,
//! unit, price year, basis and source.
//!
//! Figures come from `shared/evidence.md` (the team's evidence file, which
//! cites each source). **Sourced** values are stated by the source,
//! **derived** values are sums on sourced figures (the sum is in the source
//! column), and **assumptions** are ours, sized for a mid-sized adopting
//! council, for the user to replace with their own figures.
//!
//! Price years: each default is stored in the price year of its source and
//! restated into the scenario's price year with HM Treasury's GDP deflators
//! ([`crate::prices`]); the table shows the published figure, its year and
//! the restated figure.

use crate::councils::{Council, Prefill};
use crate::errors::InputErrors;
use crate::format::{parse_scenario, scenario_to_json};
use crate::registry::{DefaultValue, Group, ParamSpec, ProgrammeId, Shape, UnitKind};
use crate::scenario::{FigureSource, PriceYear, Scenario};
use serde_json::{json, Value};

pub use crate::defaults::{
    all_params, default_for, default_price_year, default_scenario_in, default_scenario_model,
    path_of, EXAMPLE_COUNCIL,
};
pub use crate::registry::{Basis, DEFAULT_PRICE_YEAR};

/// Sets a council's figures in `scenario` (`councils::apply_figures`) and
/// records where each came from, in words, in its `council_figures`: what
/// the page, the command and a saved scenario show beside each figure.
pub fn apply_council(scenario: &mut Scenario, council: &Council) -> Vec<Prefill> {
    let prefills = crate::councils::apply_figures(scenario, council);
    scenario.council_figures = prefills
        .iter()
        .map(|p| FigureSource {
            programme: p.programme,
            field: p.field,
            kind: p.kind,
            source: crate::display::figure_source(p),
        })
        .collect();
    prefills
}

/// The default scenario in format 2.
pub fn default_scenario_json() -> Value {
    scenario_to_json(&default_scenario_model())
}

/// The default scenario, validated like any user's. A test checks that it is
/// valid, so callers may treat an error here as a bug in the registry.
pub fn default_scenario() -> Result<Scenario, InputErrors> {
    parse_scenario(&default_scenario_json())
}

fn shape_key(shape: Shape) -> &'static str {
    match shape {
        Shape::Ranged => "ranged",
        Shape::Plain => "plain",
        Shape::List { .. } => "list",
        Shape::Staff => "staff",
    }
}

/// How the page shows and reads a figure: `money`, `fraction` (shown and
/// typed as a percentage), `count` or `years`.
fn kind_key(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Money => "money",
        UnitKind::Fraction => "fraction",
        UnitKind::Count => "count",
        UnitKind::Years => "years",
    }
}

/// One row of the defaults table as JSON: the figure as published, in its
/// source's price year, and restated in `price_year`'s (`value`, `low`, `high`).
fn row_json(programme: Option<ProgrammeId>, spec: &ParamSpec, price_year: PriceYear) -> Value {
    let k = spec.restating(price_year);
    let (published, value, low, high) = match spec.default {
        DefaultValue::Number(e) => (
            json!(e.value),
            json!(e.value * k),
            json!(e.low * k),
            json!(e.high * k),
        ),
        DefaultValue::List(items) => {
            let restated: Vec<f64> = items.iter().map(|x| x * k).collect();
            (json!(items), json!(restated), Value::Null, Value::Null)
        }
    };
    let group_label = match (programme, spec.group) {
        (Some(id), group) => id.spec().group_label(group),
        (None, _) => "Your council and the appraisal",
    };
    json!({
        "path": path_of(programme, spec),
        "programme": programme.map(ProgrammeId::key),
        "field": spec.field.key(),
        "group": spec.group.key(),
        "group_label": group_label,
        "stream": match spec.group { Group::Stream(s) => Some(s.key()), _ => None },
        "label": spec.label,
        "unit": spec.unit.text,
        "money": spec.unit.kind == UnitKind::Money,
        "kind": kind_key(spec.unit.kind),
        "form_unit": spec.unit.form_text,
        "hint": spec.hint,
        "shape": shape_key(spec.shape),
        "published_value": published,
        "value": value,
        "low": low,
        "high": high,
        "price_year": spec.price_year.text(),
        "restated": k != 1.0,
        "basis": spec.basis.label(),
        "grades": grades_json(spec),
        "source": spec.source,
        "since": spec.since,
    })
}

/// A default's grades, each `{ grade, text }`: "measured", "measured:
/// randomised trial". (The sources table, in the analysis module, says all
/// three in words.)
fn grades_json(spec: &ParamSpec) -> Value {
    let one = |g| {
        let (grade, text) = crate::display::grade_text(Some(g));
        json!({ "grade": grade, "text": text })
    };
    let g = spec.grades;
    json!({ "low": one(g.low), "value": one(g.value), "high": one(g.high) })
}

/// The defaults table as JSON rows, restated in `price_year`'s prices, for
/// the page and the audit pack.
pub fn defaults_table_json(price_year: PriceYear) -> Value {
    let rows = all_params().map(|(p, spec)| row_json(p, spec, price_year));
    Value::Array(rows.collect())
}

/// Each programme's benefit streams: who benefits, the effect and cashable
/// parameters, and why each adds to the others, for the page's groups.
pub fn streams_json() -> Value {
    let programmes: serde_json::Map<String, Value> = ProgrammeId::ALL
        .iter()
        .map(|id| {
            let streams: Vec<Value> = id
                .spec()
                .streams
                .iter()
                .map(|s| {
                    json!({
                        "key": s.key.key(),
                        "label": s.label,
                        "payer": s.payer.key(),
                        "payer_label": s.payer.label(),
                        "effect_parameter": s.effect.key(),
                        "cashable_parameter": s.cashable.key(),
                        "since": s.since,
                        "additional": s.additional,
                    })
                })
                .collect();
            (id.key().to_owned(), Value::Array(streams))
        })
        .collect();
    Value::Object(programmes)
}
