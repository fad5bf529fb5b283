//! The WebAssembly boundary: the only module that knows about JavaScript.
//!
//! Each export decodes, calls the model, then encodes or draws. None panics:
//! every failure becomes a returned error (a list of `{ path, message }` for
//! bad input, or a message), and a panic hook reports anything unforeseen to
//! the console.

use crate::appraisal::{Appraisal, ProgrammeAppraisal};
use crate::charts::{self, ChartScale};
use crate::display::{chart_summaries, comparison_summary, headlines};
use crate::format::{appraisal_to_json, parse_scenario, InputError};
use crate::scenario::Scenario;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Plain JS objects and arrays (not `Map`s), as JSON would give.
fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

fn json_of(value: &impl Serialize) -> Result<serde_json::Value, JsValue> {
    serde_json::to_value(value).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Pounds to the nearest pound, en-GB (`display::gbp`): the page's one money
/// format, so table cells match the command line's.
#[wasm_bindgen(js_name = formatGbp)]
pub fn format_gbp(x: f64) -> String {
    crate::display::gbp(x)
}

/// The default scenario, in scenario format 1.
#[wasm_bindgen(js_name = defaultScenario)]
pub fn default_scenario() -> Result<JsValue, JsValue> {
    to_js(&crate::evidence::default_scenario_json())
}

/// The defaults table: every default with its range, unit, price year, basis
/// and source.
#[wasm_bindgen(js_name = defaultsTable)]
pub fn defaults_table() -> Result<JsValue, JsValue> {
    to_js(&crate::evidence::defaults_table_json())
}

/// The engine version, for the page footer and exports.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A validated scenario and its appraisal, kept on the Rust side so that
/// charts are drawn without passing the result back across the boundary.
#[wasm_bindgen]
pub struct Report {
    scenario: Scenario,
    appraisal: Appraisal,
}

/// Validates and appraises a scenario (a JS object in scenario format 1).
/// On bad input, throws the array of every `{ path, message }`.
#[wasm_bindgen]
pub fn evaluate(scenario: JsValue) -> Result<Report, JsValue> {
    let value: serde_json::Value = serde_wasm_bindgen::from_value(scenario).map_err(|e| {
        let error = InputError {
            path: "scenario".into(),
            message: format!("could not be read: {e}"),
        };
        to_js(&[error]).unwrap_or_else(|e| e)
    })?;
    let scenario =
        parse_scenario(&value).map_err(|errors| to_js(&errors.0).unwrap_or_else(|e| e))?;
    let appraisal = crate::appraisal::appraise(&scenario);
    Ok(Report {
        scenario,
        appraisal,
    })
}

#[wasm_bindgen]
impl Report {
    /// The result, as `sfpc evaluate` prints it, with each programme's
    /// plain-English `readings` added.
    pub fn result(&self) -> Result<JsValue, JsValue> {
        let mut json = appraisal_to_json(&self.scenario, &self.appraisal);
        let horizon = self.scenario.appraisal.horizon_years;
        for a in &self.appraisal.programmes {
            let p = &mut json["programmes"][a.programme.key()];
            p["headlines"] = json_of(&headlines(a, horizon))?;
            p["summaries"] = json_of(&chart_summaries(a, horizon))?;
        }
        json["comparison_summary"] = comparison_summary(&self.appraisal).into();
        to_js(&json)
    }

    fn programme(&self, key: &str) -> Result<&ProgrammeAppraisal, JsValue> {
        self.appraisal
            .programmes
            .iter()
            .find(|a| a.programme.key() == key)
            .ok_or_else(|| JsValue::from_str(&format!("programme {key:?} is not in this result")))
    }
}

fn canvas_area(
    canvas: HtmlCanvasElement,
) -> Result<plotters::drawing::DrawingArea<CanvasBackend, plotters::coord::Shift>, JsValue> {
    CanvasBackend::with_canvas_object(canvas)
        .map(IntoDrawingArea::into_drawing_area)
        .ok_or_else(|| JsValue::from_str("the canvas has no 2D drawing context"))
}

fn drawn(result: Result<(), charts::ChartError>) -> Result<(), JsValue> {
    result.map_err(|e| JsValue::from_str(&e.to_string()))
}

fn scale(device_pixel_ratio: f64) -> ChartScale {
    let ratio = if device_pixel_ratio.is_finite() && device_pixel_ratio > 0.0 {
        device_pixel_ratio
    } else {
        1.0
    };
    ChartScale {
        device_pixel_ratio: ratio,
    }
}

type ProgrammeChart = fn(
    &plotters::drawing::DrawingArea<CanvasBackend, plotters::coord::Shift>,
    &ProgrammeAppraisal,
    ChartScale,
) -> Result<(), charts::ChartError>;

fn draw_programme(
    chart: ProgrammeChart,
    canvas: HtmlCanvasElement,
    report: &Report,
    programme: &str,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    let a = report.programme(programme)?;
    drawn(chart(&canvas_area(canvas)?, a, scale(device_pixel_ratio)))
}

/// Chart 1 for one programme: savings, grant and costs by year. The canvas's
/// pixel size should already be its CSS size × `device_pixel_ratio`.
#[wasm_bindgen(js_name = drawYearlyFlows)]
pub fn draw_yearly_flows(
    canvas: HtmlCanvasElement,
    report: &Report,
    programme: &str,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    draw_programme(
        charts::draw_yearly_flows,
        canvas,
        report,
        programme,
        device_pixel_ratio,
    )
}

/// Chart 2 for one programme: cumulative council net, payback marked.
#[wasm_bindgen(js_name = drawCumulativeNet)]
pub fn draw_cumulative_net(
    canvas: HtmlCanvasElement,
    report: &Report,
    programme: &str,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    draw_programme(
        charts::draw_cumulative_net,
        canvas,
        report,
        programme,
        device_pixel_ratio,
    )
}

/// Chart 3: every enabled programme side by side.
#[wasm_bindgen(js_name = drawComparison)]
pub fn draw_comparison(
    canvas: HtmlCanvasElement,
    report: &Report,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    drawn(charts::draw_comparison(
        &canvas_area(canvas)?,
        &report.appraisal,
        scale(device_pixel_ratio),
    ))
}
