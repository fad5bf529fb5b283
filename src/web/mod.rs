//! The WebAssembly boundary: the only module that knows about JavaScript.
//!
//! The crate is built into three modules, so that the page's first view
//! downloads only what it needs (scripts/build-web.sh):
//! - feature `web-page` ([`page`], `pkg/sfpc.js`): the defaults, validation,
//!   the appraisal with its words, and its charts;
//! - feature `web-analysis` ([`analysis`], [`councils`], [`evidence_sets`];
//!   `pkg/sfpc_analysis.js`), loaded after the first chart: the uncertainty
//!   analysis and its charts, saved scenarios compared, the yearly CSV, the
//!   councils' statistics and the evidence sets;
//! - feature `web-workbook` ([`workbook`], `pkg/sfpc_workbook.js`), loaded
//!   when asked for: the Excel workbook and the audit pack.
//!
//! Each export decodes, calls the model, then encodes or draws. None panics:
//! every failure becomes a returned error (a list of `{ path, message }` for
//! bad input, or a message), and a panic hook reports anything unforeseen to
//! the console. The helpers here are shared by the modules.

#[cfg(feature = "web-analysis")]
pub mod analysis;
mod canvas;
#[cfg(feature = "web-analysis")]
pub mod councils;
#[cfg(feature = "web-analysis")]
pub mod evidence_sets;
#[cfg(feature = "web-page")]
pub mod page;
#[cfg(feature = "web-workbook")]
pub mod workbook;

use crate::charts::{self, ChartScale};
use crate::errors::{InputError, InputErrors};
use crate::format::parse_scenario;
use crate::registry::ProgrammeId;
use crate::scenario::Scenario;
use canvas::MeasuredCanvas;
use plotters::prelude::IntoDrawingArea;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen]
extern "C" {
    /// The browser's own JSON parser.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &str) -> Result<JsValue, JsValue>;
}

/// Plain JS objects and arrays, as JSON gives: written as JSON text here and
/// read by the browser's `JSON.parse`, which builds a result full of strings
/// (the tables' cells) about twice as fast as creating each value across the
/// boundary. Numbers keep every bit: serde_json writes the shortest text
/// that reads back as the same f64.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    parse_json(&text)
}

pub fn json_of(value: &impl Serialize) -> Result<serde_json::Value, JsValue> {
    serde_json::to_value(value).map_err(|e| JsValue::from_str(&e.to_string()))
}

pub fn errors_to_js(errors: &InputErrors) -> JsValue {
    to_js(&errors.0).unwrap_or_else(|e| e)
}

/// Reads a JS value as JSON; on failure, the one error to report.
pub fn read_json(value: JsValue, path: &str) -> Result<serde_json::Value, InputErrors> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        InputErrors(vec![InputError::new(
            path,
            format!("could not be read: {e}"),
        )])
    })
}

/// A new value for one field of the form, as the page's texts take it.
#[derive(Serialize)]
pub struct Change {
    pub path: String,
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

impl Change {
    pub fn new(
        programme: ProgrammeId,
        field: crate::registry::Field,
        e: crate::estimate::Estimate,
    ) -> Change {
        Change {
            path: format!("programmes.{}.{}", programme.key(), field.key()),
            value: e.value,
            low: e.low,
            high: e.high,
        }
    }
}

/// A price year the deflators cover (the default year when none is given),
/// or the error the page shows at `price_year`.
pub fn read_price_year(text: Option<String>) -> Result<crate::prices::PriceYear, JsValue> {
    match text {
        None => Ok(crate::evidence::default_price_year()),
        Some(text) => crate::prices::check_price_year(&text)
            .map_err(|why| errors_to_js(&InputErrors(vec![InputError::new("price_year", why)]))),
    }
}

/// A scenario and its appraisal, for a download.
pub fn appraised(scenario: JsValue) -> Result<(Scenario, crate::appraisal::Appraisal), JsValue> {
    let scenario = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    let appraisal = crate::appraisal::appraise(&scenario);
    Ok((scenario, appraisal))
}

/// A scenario (a JS object, as `JSON.parse` gives: format 1 or 2), validated.
pub fn read_scenario(scenario: JsValue) -> Result<Scenario, InputErrors> {
    parse_scenario(&read_json(scenario, "scenario")?)
}

/// The result for the programme with scenario key `key`, or why there is none.
pub fn find_programme<'r, T>(
    results: &'r [T],
    id: fn(&T) -> ProgrammeId,
    key: &str,
) -> Result<&'r T, JsValue> {
    results
        .iter()
        .find(|r| id(r).key() == key)
        .ok_or_else(|| JsValue::from_str(&format!("programme {key:?} is not in this result")))
}

type CanvasArea = plotters::drawing::DrawingArea<MeasuredCanvas, plotters::coord::Shift>;

fn canvas_area(canvas: HtmlCanvasElement) -> Result<CanvasArea, JsValue> {
    MeasuredCanvas::new(canvas)
        .map(IntoDrawingArea::into_drawing_area)
        .ok_or_else(|| JsValue::from_str("the canvas has no 2D drawing context"))
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

/// A chart drawn from one result onto a canvas.
pub type CanvasChart<T> = fn(&CanvasArea, &T, ChartScale) -> Result<(), charts::ChartError>;

/// Draws `chart` of `result` (or reports why there is no such result). The
/// canvas's pixel size should already be its CSS size × `device_pixel_ratio`.
pub fn draw_on<T: ?Sized>(
    chart: CanvasChart<T>,
    canvas: HtmlCanvasElement,
    result: Result<&T, JsValue>,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    let result = result?;
    chart(&canvas_area(canvas)?, result, scale(device_pixel_ratio))
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// A count with thousands separators ("10,000").
#[wasm_bindgen(js_name = formatCount)]
pub fn format_count(n: u32) -> String {
    crate::display::count(n)
}

/// Pounds to the nearest pound, en-GB (`display::gbp`): the page's one money
/// format, so table cells match the command line's.
#[wasm_bindgen(js_name = formatGbp)]
pub fn format_gbp(x: f64) -> String {
    crate::display::gbp(x)
}

/// A figure as the form shows it for editing, by its kind
/// (`display::figure_input_text`): "3.5%", "992.44", "3.254".
#[wasm_bindgen(js_name = formatFigureInput)]
pub fn format_figure_input(kind: &str, x: f64) -> String {
    crate::display::figure_input_text(kind, x)
}
