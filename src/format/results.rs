//! The result format: what `sfpc evaluate` and `sfpc simulate` print, the
//! page reads and the audit pack stores. Unrounded: only displays round.
//! Every field of format 1's results is kept; later fields are added.

use super::scenario::SCHEMA_VERSION;
use crate::appraisal::{Appraisal, CouncilRoi, ProgrammeAppraisal, StreamAppraisal, YearRow};
use crate::registry::ProgrammeId;
use crate::scenario::Scenario;
use crate::uncertainty::{Percentiles, ProgrammeUncertainty, Uncertainty};
use serde_json::{json, Map, Value};

fn year_json(row: &YearRow) -> Value {
    json!({
        "year": row.year,
        "effect_multiplier": row.effect_multiplier,
        "benefits_gbp": row.benefits_gbp,
        "partner_benefits_gbp": row.partner_benefits_gbp,
        "costs_gbp": row.costs_gbp,
        "grant_gbp": row.grant_gbp,
        "council_net_gbp": row.council_net_gbp,
        "discount_factor": row.discount_factor,
        "cumulative_council_net_gbp": row.cumulative_council_net_gbp,
        "cumulative_discounted_council_net_gbp": row.cumulative_discounted_council_net_gbp,
        "cashable_benefits_gbp": row.cashable_benefits_gbp,
    })
}

fn stream_json(programme: ProgrammeId, s: &StreamAppraisal) -> Value {
    let label = programme
        .spec()
        .stream(s.stream)
        .map_or("", |spec| spec.label);
    json!({
        "key": s.stream.key(),
        "label": label,
        "payer": s.payer.key(),
        "cashable_fraction": s.cashable_fraction,
        "included": s.included,
        "effect_parameter": s.effect_field.key(),
        "effect": s.effect,
        "benefits_gbp": s.benefits_gbp,
        "pv_gbp": s.pv_gbp,
        "after_horizon_gbp": s.after_horizon_gbp,
        "break_even_effect": s.break_even_effect,
    })
}

/// A programme's result. `council_roi` is a number, or the text
/// `"fully_grant_funded"`; `bcr` is null when there are no costs;
/// `payback_years` is null when the council has not paid back within the
/// horizon; a break-even effect is null when the effect does not move the
/// council's NPV. `pv_by_payer_gbp` adds up to PV(benefits + partner benefits).
pub fn programme_appraisal_json(a: &ProgrammeAppraisal) -> Value {
    let pv = &a.present_values;
    let by_payer: Map<String, Value> = a
        .pv_by_payer()
        .into_iter()
        .map(|(payer, pv)| (payer.key().to_owned(), json!(pv)))
        .collect();
    let break_evens: Map<String, Value> = a
        .streams
        .iter()
        .map(|s| (s.effect_field.key().to_owned(), json!(s.break_even_effect)))
        .collect();
    json!({
        "name": a.programme.name(),
        "innovator": a.programme.innovator(),
        "council_npv_gbp": a.council_npv_gbp,
        "public_npv_gbp": a.public_npv_gbp,
        "bcr": a.bcr,
        "council_roi": match a.council_roi {
            CouncilRoi::Ratio(r) => json!(r),
            CouncilRoi::FullyGrantFunded => json!("fully_grant_funded"),
        },
        "payback_years": a.payback_years,
        "payback_discounted": a.payback_discounted,
        "losses_after_payback": a.losses_after_payback.iter().map(|(year, net)| json!({
            "year": year, "council_net_gbp": net,
        })).collect::<Vec<_>>(),
        "council_npv_without_grant_gbp": pv.council_npv_without_grant_gbp(),
        "longer_view": a.longer_view.map(|v| json!({
            "horizon_years": v.horizon_years,
            "council_npv_gbp": v.council_npv_gbp,
            "council_npv_without_grant_gbp": v.council_npv_without_grant_gbp,
            "council_cashable_npv_gbp": v.council_cashable_npv_gbp,
            "public_npv_gbp": v.public_npv_gbp,
            "payback_years": v.payback_years,
        })),
        "headline_effect_parameter": a.programme.headline_stream().effect.key(),
        "headline_effect": a.headline_effect,
        "break_even_effect": a.break_even_effect,
        "pv_benefits_gbp": pv.benefits_gbp,
        "pv_partner_benefits_gbp": pv.partner_benefits_gbp,
        "pv_costs_gbp": pv.costs_gbp,
        "pv_grant_gbp": pv.grant_gbp,
        "years": a.years.iter().map(year_json).collect::<Vec<_>>(),
        "council_cashable_npv_gbp": a.council_cashable_npv_gbp,
        "pv_cashable_benefits_gbp": pv.cashable_benefits_gbp,
        "pv_by_payer_gbp": by_payer,
        "break_even_effects": break_evens,
        "streams": a.streams.iter().map(|s| stream_json(a.programme, s)).collect::<Vec<_>>(),
    })
}

/// The fields every result starts with: what was appraised, with which engine.
pub(super) fn result_header(scenario: &Scenario) -> Map<String, Value> {
    let header = json!({
        "schema": SCHEMA_VERSION,
        "engine_version": crate::display::ENGINE_VERSION,
        "council": scenario.council,
        "price_year": scenario.price_year.to_string(),
        "horizon_years": scenario.appraisal.horizon_years,
        "discount_rate": scenario.appraisal.discount_rate,
        "conventions": scenario.appraisal.conventions.key(),
    });
    let mut map = match header {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    if !scenario.council_figures.is_empty() {
        let figures = super::scenario::council_figures_json(&scenario.council_figures);
        map.insert("council_figures".into(), figures);
    }
    map
}

/// The paths of the fields the input left out, which took their defaults.
pub fn defaulted_paths(scenario: &Scenario) -> Vec<String> {
    scenario
        .defaulted
        .iter()
        .map(|(programme, field)| format!("programmes.{}.{}", programme.key(), field.key()))
        .collect()
}

/// `{ "<programme key>": json, … }`, in the order given.
fn by_programme<T>(items: &[T], id: fn(&T) -> ProgrammeId, json: fn(&T) -> Value) -> Value {
    let map: Map<String, Value> = items
        .iter()
        .map(|item| (id(item).key().to_owned(), json(item)))
        .collect();
    Value::Object(map)
}

/// The whole result, unrounded: only displays round. Each programme has
/// its figures' grades (see [`grades_json`]).
pub fn appraisal_to_json(scenario: &Scenario, appraisal: &Appraisal) -> Value {
    let mut result = appraisal_core_json(scenario, appraisal);
    let grades = grades_json(scenario);
    for (key, p) in result["programmes"].as_object_mut().into_iter().flatten() {
        if let Some(Value::Object(graded)) = grades.get(key) {
            for (k, v) in graded {
                p[k] = v.clone();
            }
        }
    }
    result
}

/// Each enabled programme's `evidence_summary` (how many of its savings
/// rest on measured evidence) and `figure_grades` (each figure's grade),
/// by programme key. Apart from [`appraisal_core_json`] so that the page's
/// first view, which shows the defaults' grades, does not carry it.
pub fn grades_json(scenario: &Scenario) -> Value {
    let map: Map<String, Value> = scenario
        .enabled()
        .map(|inputs| {
            let graded = json!({
                "evidence_summary": crate::display::evidence_summary(scenario, inputs),
                "figure_grades": crate::display::figure_grades(scenario, inputs),
            });
            (inputs.programme.key().to_owned(), graded)
        })
        .collect();
    Value::Object(map)
}

/// The result without the grades: what the page's first view reads.
pub fn appraisal_core_json(scenario: &Scenario, appraisal: &Appraisal) -> Value {
    let mut result = result_header(scenario);
    let programmes = by_programme(
        &appraisal.programmes,
        |a| a.programme,
        programme_appraisal_json,
    );
    result.insert("programmes".into(), programmes);
    result.insert("defaulted_fields".into(), json!(defaulted_paths(scenario)));
    Value::Object(result)
}

fn percentiles_json(p: &Percentiles) -> Value {
    json!({ "p5": p.p5, "p10": p.p10, "p50": p.p50, "p90": p.p90, "p95": p.p95, "mean": p.mean })
}

/// A programme's uncertainty results, unrounded.
pub fn programme_uncertainty_json(u: &ProgrammeUncertainty) -> Value {
    json!({
        "name": u.programme.name(),
        "central_council_npv_gbp": u.central_council_npv_gbp,
        "council_npv_gbp": percentiles_json(&u.council_npv_gbp),
        "public_npv_gbp": percentiles_json(&u.public_npv_gbp),
        "probability_council_npv_positive": u.probability_council_npv_positive,
        "probability_conditioned_on": u.conditioned_on.map(|f| f.key()),
        "probability_payback_within_horizon": u.probability_payback_within_horizon,
        "break_even": {
            "headline_effect_parameter": u.programme.headline_stream().effect.key(),
            "break_even_effect": u.break_even.break_even_effect,
            "probability_effect_exceeds": u.break_even.probability_effect_exceeds,
        },
        "fan_draws": u.fan_draws,
        "fan": u.fan.iter().map(|f| json!({
            "year": f.year, "p10_gbp": f.p10_gbp, "p50_gbp": f.p50_gbp, "p90_gbp": f.p90_gbp,
        })).collect::<Vec<_>>(),
        "histogram": u.histogram.iter().map(|b| json!({
            "from_gbp": b.from_gbp, "to_gbp": b.to_gbp, "count": b.count,
        })).collect::<Vec<_>>(),
        "tornado": u.tornado.iter().map(|t| json!({
            "parameter": t.parameter.key(), "low": t.low, "high": t.high,
            "npv_at_low_gbp": t.npv_at_low_gbp, "npv_at_high_gbp": t.npv_at_high_gbp,
        })).collect::<Vec<_>>(),
        "council_cashable_npv_gbp": percentiles_json(&u.council_cashable_npv_gbp),
    })
}

/// The whole uncertainty result: the seed and draws, for the audit trail,
/// and each programme's figures.
pub fn uncertainty_to_json(scenario: &Scenario, u: &Uncertainty) -> Value {
    let programmes = by_programme(&u.programmes, |p| p.programme, programme_uncertainty_json);
    let mut result = result_header(scenario);
    result.insert(
        "simulation".into(),
        json!({
            "draws": u.config.draws,
            "seed": u.config.seed,
            "generator": crate::sampling::GENERATOR,
            "distribution": crate::sampling::distribution(),
            "chunk_draws": crate::uncertainty::CHUNK_DRAWS,
            "steadiness": crate::display::steadiness(u.config.draws),
        }),
    );
    result.insert("programmes".into(), programmes);
    Value::Object(result)
}
