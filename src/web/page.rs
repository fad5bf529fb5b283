//! The page's first view (feature `web-page`, `pkg/sfpc.js`): the defaults
//! and the form's data, validation, the appraisal with its words, and the
//! charts drawn from it (`charts`, `drawChart`).

use super::{
    draw_on, errors_to_js, find_programme, json_of, read_price_year, read_scenario, to_js,
    CanvasChart,
};
use crate::appraisal::{Appraisal, ProgrammeAppraisal};
use crate::charts;
use crate::display::{
    chart_summaries, comparison_summary, group_readings, payer_table, streams_table, COMPARISON,
    CUMULATIVE, FLOWS, WHO,
};
use crate::format::appraisal_core_json;
use crate::scenario::Scenario;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The default scenario, in scenario format 2, in a price year's prices
/// (`2024-25`; the default year when not given). An unknown year throws
/// `[{ path: "price_year", message }]` with the years known.
#[wasm_bindgen(js_name = defaultScenario)]
pub fn default_scenario(price_year: Option<String>) -> Result<JsValue, JsValue> {
    let year = read_price_year(price_year)?;
    to_js(&crate::format::scenario_to_json(
        &crate::evidence::default_scenario_in(year),
    ))
}

/// The defaults table: every parameter of the registry with its group, shape,
/// range, unit, basis and source, in form order; its figure as published,
/// with its price year, and restated in `price_year`'s prices.
#[wasm_bindgen(js_name = defaultsTable)]
pub fn defaults_table(price_year: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&crate::evidence::defaults_table_json(read_price_year(
        price_year,
    )?))
}

/// Each programme's benefit streams: label, who benefits, the effect and
/// cashable parameters, and why each adds to the others.
#[wasm_bindgen]
pub fn streams() -> Result<JsValue, JsValue> {
    to_js(&crate::evidence::streams_json())
}

/// The simulation's default draws and seed (`uncertainty::DEFAULT_DRAWS`,
/// `DEFAULT_SEED`), the draws field's hint (which states the limits; the
/// engine enforces them), the every-council page's draws, and the
/// steadiness budget (the benchmark reads it), so no script copies them.
#[wasm_bindgen(js_name = simulationDefaults)]
pub fn simulation_defaults() -> Result<JsValue, JsValue> {
    to_js(&serde_json::json!({
        "draws": crate::uncertainty::DEFAULT_DRAWS,
        "seed": crate::uncertainty::DEFAULT_SEED,
        "comparison_draws": crate::evidence_sets::COMPARISON_DRAWS,
        "draws_hint": crate::display::draws_hint(),
        "steady_probability_points": crate::uncertainty::STEADY_PROBABILITY_POINTS,
        "steady_median_percent": crate::uncertainty::STEADY_MEDIAN_PERCENT,
    }))
}

/// The limits of the form the page builds, declared in the engine: a
/// programme's `max_staff_lines`. (The saved scenarios' are in the analysis
/// module, `savedScenarioLimits`; the draws' are stated in `simulationDefaults`'s
/// hint and enforced by the engine.)
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsValue> {
    to_js(&serde_json::json!({ "max_staff_lines": crate::registry::MAX_STAFF_LINES }))
}

/// The engine version, for the page footer and exports.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    crate::display::ENGINE_VERSION.to_owned()
}

/// Validates a scenario (a JS object, as `JSON.parse` gives from a file or a
/// link; format 1 or 2) and returns it in format 2, or throws every
/// `{ path, message }`. The page parses the text itself: the browser's JSON
/// parser costs nothing to download, serde_json's text parser would.
#[wasm_bindgen(js_name = normaliseScenario)]
pub fn normalise_scenario(scenario: JsValue) -> Result<JsValue, JsValue> {
    let scenario = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    to_js(&crate::format::scenario_to_json(&scenario))
}

/// A validated scenario and its appraisal, kept on the Rust side so that
/// charts are drawn without passing the result back across the boundary.
#[wasm_bindgen]
pub struct Report {
    scenario: Scenario,
    appraisal: Appraisal,
}

/// Validates and appraises a scenario (a JS object in scenario format 1 or 2).
/// On bad input, throws the array of every `{ path, message }`.
#[wasm_bindgen]
pub fn evaluate(scenario: JsValue) -> Result<Report, JsValue> {
    let scenario = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    let appraisal = crate::appraisal::appraise(&scenario);
    Ok(Report {
        scenario,
        appraisal,
    })
}

#[wasm_bindgen]
impl Report {
    /// The result, as `sfpc evaluate` prints it, with each programme's
    /// words added: `headlines`, chart `summaries`, `group_readings` (each
    /// form group's total, and a stream's break-even), and its tables as
    /// display text with their captions (`streams_table`, `payer_table`,
    /// `flows_table`, `cumulative_table`); the models' `headline_table`; and
    /// the `charts` drawn from it, `{ id: source }`.
    /// Given `view` (a programme's key), only that programme gets its
    /// words, groups and tables (the page shows one at a time, and a
    /// keystroke should not write what it does not show); every programme
    /// keeps its figures and headlines.
    pub fn result(&self, view: Option<String>) -> Result<JsValue, JsValue> {
        let mut json = appraisal_core_json(&self.scenario, &self.appraisal);
        let horizon = self.scenario.appraisal.horizon_years;
        let cards = crate::display::all_headlines(&self.appraisal, horizon);
        for (a, (_, headlines)) in self.appraisal.programmes.iter().zip(&cards) {
            let p = &mut json["programmes"][a.programme.key()];
            p["headlines"] = json_of(headlines)?;
            p["verdicts"] = json_of(&crate::display::verdicts(a, horizon, None))?;
            if view.as_deref().is_some_and(|key| key != a.programme.key()) {
                continue;
            }
            p["summaries"] = json_of(&chart_summaries(a, horizon))?;
            p["group_readings"] = json_of(&group_readings(a, horizon))?;
            p["streams_table"] = json_of(&streams_table(a))?;
            p["payer_table"] = json_of(&payer_table(a))?;
            p["titles"] = json_of(&crate::display::chart_titles(a))?;
            p["flows_table"] = json_of(&crate::display::flows_table(a))?;
            p["cumulative_table"] = json_of(&crate::display::cumulative_table(a))?;
        }
        json["discounting"] =
            crate::display::discounting_example(self.scenario.appraisal.discount_rate).into();
        json["headline_table"] = json_of(&crate::display::headline_table(&cards))?;
        json["comparison_title"] = crate::display::COMPARISON.title.into();
        // The charts drawn here (`drawChart`), by id, with what each is
        // drawn from: the page draws them before the analysis module, which
        // lists every chart, has loaded. (In the result, not an export of
        // its own: a list serialised apart cost the first view 0.6 KB.)
        for c in [FLOWS, CUMULATIVE, WHO, COMPARISON] {
            json["charts"][c.id] = c.source.key().into();
        }
        json["comparison_summary"] = comparison_summary(&self.appraisal).into();
        json["context"] = crate::display::appraisal_context(&self.scenario).into();
        to_js(&json)
    }

    /// The validated scenario in format 2, as `sfpc evaluate` reads it.
    pub fn scenario(&self) -> Result<JsValue, JsValue> {
        to_js(&crate::format::scenario_to_json(&self.scenario))
    }

    fn programme(&self, key: &str) -> Result<&ProgrammeAppraisal, JsValue> {
        find_programme(&self.appraisal.programmes, |a| a.programme, key)
    }
}

/// Draws chart `id` (one of the result's `charts`) of `report`: the model `view`'s
/// yearly flows, cumulative net or who benefits, or every model side by
/// side (which ignores `view`). Throws for another id or a model not in
/// the report.
#[wasm_bindgen(js_name = drawChart)]
pub fn draw_chart(
    id: &str,
    canvas: HtmlCanvasElement,
    report: &Report,
    view: &str,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    let one_model: CanvasChart<ProgrammeAppraisal> = if id == FLOWS.id {
        charts::draw_yearly_flows
    } else if id == CUMULATIVE.id {
        charts::draw_cumulative_net
    } else if id == WHO.id {
        charts::draw_who_benefits
    } else if id == COMPARISON.id {
        let all = Ok(&report.appraisal);
        return draw_on(charts::draw_comparison, canvas, all, device_pixel_ratio);
    } else {
        let why = format!("no chart \"{id}\" is drawn from an appraisal");
        return Err(JsValue::from_str(&why));
    };
    draw_on(
        one_model,
        canvas,
        report.programme(view),
        device_pixel_ratio,
    )
}
