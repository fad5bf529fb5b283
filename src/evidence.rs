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
//! Price years: each default is given in the price year of its source. They
//! are *not* restated in the scenario's price year yet; the page shows each
//! row's price year so that a user can see which figures are older. See the
//! README's "Known limits".

use crate::errors::InputErrors;
use crate::format::{parse_scenario, scenario_to_json};
use crate::registry::{DefaultValue, Group, ParamSpec, ProgrammeId, Shape, APPRAISAL_PARAMS};
use crate::scenario::{AppraisalSettings, PriceYear, ProgrammeInputs, Scenario};
use serde_json::{json, Value};

pub use crate::registry::{Basis, DEFAULT_PRICE_YEAR};

/// The name the default scenario carries, so no one mistakes it for a real council.
pub const EXAMPLE_COUNCIL: &str = "Example council (assumed caseloads and costs)";

/// Every parameter with its programme (`None` for the appraisal settings),
/// in form order: the appraisal settings, then each programme's table.
pub fn all_params() -> impl Iterator<Item = (Option<ProgrammeId>, &'static ParamSpec)> {
    let settings = APPRAISAL_PARAMS.iter().map(|p| (None, p));
    let programmes = ProgrammeId::ALL
        .into_iter()
        .flat_map(|id| id.spec().params.iter().map(move |p| (Some(id), p)));
    settings.chain(programmes)
}

/// The JSON path of a parameter: `appraisal.discount_rate`,
/// `programmes.no_wrong_door.residential_time_reduction`.
pub fn path_of(programme: Option<ProgrammeId>, spec: &ParamSpec) -> String {
    match programme {
        None => format!("appraisal.{}", spec.field.key()),
        Some(id) => format!("programmes.{}.{}", id.key(), spec.field.key()),
    }
}

/// The row for a scenario path, if the registry has one.
pub fn default_for(path: &str) -> Option<&'static ParamSpec> {
    all_params()
        .find(|(programme, spec)| path_of(*programme, spec) == path)
        .map(|(_, spec)| spec)
}

/// The default scenario: all three programmes at their registry defaults,
/// for the example council.
pub fn default_scenario_model() -> Scenario {
    let setting = |i: usize| match APPRAISAL_PARAMS[i].default {
        DefaultValue::Number(e) => e.value,
        DefaultValue::List(_) => 0.0,
    };
    Scenario {
        council: EXAMPLE_COUNCIL.into(),
        price_year: PriceYear::parse(DEFAULT_PRICE_YEAR).unwrap_or(PriceYear { start_year: 2024 }),
        appraisal: AppraisalSettings {
            horizon_years: setting(0) as u32,
            discount_rate: setting(1),
        },
        programmes: ProgrammeId::ALL.map(ProgrammeInputs::from_defaults).into(),
        defaulted: Vec::new(),
    }
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

/// One row of the defaults table as JSON.
fn row_json(programme: Option<ProgrammeId>, spec: &ParamSpec) -> Value {
    let (value, low, high) = match spec.default {
        DefaultValue::Number(e) => (json!(e.value), json!(e.low), json!(e.high)),
        DefaultValue::List(items) => (json!(items), Value::Null, Value::Null),
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
        "hint": spec.hint,
        "shape": shape_key(spec.shape),
        "value": value,
        "low": low,
        "high": high,
        "price_year": spec.price_year,
        "basis": spec.basis.label(),
        "source": spec.source,
        "since": spec.since,
    })
}

/// The defaults table as JSON rows, for the page and the audit pack.
pub fn defaults_table_json() -> Value {
    Value::Array(all_params().map(|(p, spec)| row_json(p, spec)).collect())
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
