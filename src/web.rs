//! The WebAssembly boundary: the only module that knows about JavaScript.
//!
//! Each export decodes, calls the model, then encodes or draws. None panics:
//! every failure becomes a returned error (a list of `{ path, message }` for
//! bad input, or a message), and a panic hook reports anything unforeseen to
//! the console.

use crate::appraisal::{Appraisal, ProgrammeAppraisal};
use crate::canvas::MeasuredCanvas;
use crate::charts::{self, ChartScale};
use crate::display::{
    chart_summaries, comparison_summary, headlines, payer_table, stream_readings, streams_table,
};
use crate::format::{
    appraisal_to_json, parse_scenario, simulation_config, uncertainty_to_json, InputError,
    InputErrors,
};
use crate::scenario::Scenario;
use crate::uncertainty::{ProgrammeUncertainty, Simulation, Uncertainty};
use plotters::prelude::IntoDrawingArea;
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

/// A probability as a percentage ("82%", "under 1%"), as the summaries say it.
#[wasm_bindgen(js_name = formatProbability)]
pub fn format_probability(p: f64) -> String {
    crate::display::probability(p)
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

/// The default scenario, in scenario format 2.
#[wasm_bindgen(js_name = defaultScenario)]
pub fn default_scenario() -> Result<JsValue, JsValue> {
    to_js(&crate::evidence::default_scenario_json())
}

/// The defaults table: every parameter of the registry with its group, shape,
/// range, unit, price year, basis and source, in form order.
#[wasm_bindgen(js_name = defaultsTable)]
pub fn defaults_table() -> Result<JsValue, JsValue> {
    to_js(&crate::evidence::defaults_table_json())
}

/// Each programme's benefit streams: label, who benefits, the effect and
/// cashable parameters, and why each adds to the others.
#[wasm_bindgen]
pub fn streams() -> Result<JsValue, JsValue> {
    to_js(&crate::evidence::streams_json())
}

/// The simulation's default draws and seed (`uncertainty::DEFAULT_DRAWS`,
/// `DEFAULT_SEED`), so the page does not copy them.
#[wasm_bindgen(js_name = simulationDefaults)]
pub fn simulation_defaults() -> Result<JsValue, JsValue> {
    to_js(&serde_json::json!({
        "draws": crate::uncertainty::DEFAULT_DRAWS,
        "seed": crate::uncertainty::DEFAULT_SEED,
        "min_draws": crate::uncertainty::MIN_DRAWS,
        "max_draws": crate::uncertainty::MAX_DRAWS,
    }))
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

fn errors_to_js(errors: &InputErrors) -> JsValue {
    to_js(&errors.0).unwrap_or_else(|e| e)
}

/// Reads a JS value as JSON; on failure, the one error to report.
fn read_json(value: JsValue, path: &str) -> Result<serde_json::Value, InputErrors> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        InputErrors(vec![InputError {
            path: path.into(),
            message: format!("could not be read: {e}"),
        }])
    })
}

fn read_scenario(scenario: JsValue) -> Result<Scenario, InputErrors> {
    parse_scenario(&read_json(scenario, "scenario")?)
}

/// Validates a scenario (a JS object, as `JSON.parse` gives from a file or a
/// link; format 1 or 2) and returns it in format 2, or throws every
/// `{ path, message }`. The
/// page parses the text itself: the browser's JSON parser costs nothing to
/// download, serde_json's text parser would.
#[wasm_bindgen(js_name = normaliseScenario)]
pub fn normalise_scenario(scenario: JsValue) -> Result<JsValue, JsValue> {
    let scenario = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    to_js(&crate::format::scenario_to_json(&scenario))
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
    /// words added: `headlines`, chart `summaries`, `stream_readings` (each
    /// stream's total and break-even), and the `streams_table` and
    /// `payer_table` as display text.
    pub fn result(&self) -> Result<JsValue, JsValue> {
        let mut json = appraisal_to_json(&self.scenario, &self.appraisal);
        let horizon = self.scenario.appraisal.horizon_years;
        for a in &self.appraisal.programmes {
            let p = &mut json["programmes"][a.programme.key()];
            p["headlines"] = json_of(&headlines(a, horizon))?;
            p["summaries"] = json_of(&chart_summaries(a, horizon))?;
            p["stream_readings"] = json_of(&stream_readings(a, horizon))?;
            p["streams_table"] = json_of(&streams_table(a))?;
            p["payer_table"] = json_of(&payer_table(a))?;
        }
        json["comparison_summary"] = comparison_summary(&self.appraisal).into();
        json["context"] = crate::display::appraisal_context(&self.scenario).into();
        to_js(&json)
    }

    /// The yearly results as CSV (UTF-8 with BOM), as `sfpc report` writes it.
    pub fn csv(&self) -> String {
        crate::export::yearly_results_csv(&self.scenario, &self.appraisal)
    }

    /// The validated scenario in format 2, as `sfpc evaluate` reads it.
    pub fn scenario(&self) -> Result<JsValue, JsValue> {
        to_js(&crate::format::scenario_to_json(&self.scenario))
    }

    /// The audit pack (`audit::audit_files`) as a stored ZIP archive: the
    /// scenario, results, yearly CSV, defaults with their sources and a
    /// README naming the engine version.
    #[wasm_bindgen(js_name = auditPack)]
    pub fn audit_pack(&self) -> Vec<u8> {
        self.pack(None)
    }

    /// The audit pack with a finished uncertainty analysis of these figures:
    /// its results, seed and draws.
    #[wasm_bindgen(js_name = auditPackWithUncertainty)]
    pub fn audit_pack_with_uncertainty(&self, uncertainty: &UncertaintyReport) -> Vec<u8> {
        self.pack(Some(&uncertainty.uncertainty))
    }

    fn pack(&self, uncertainty: Option<&Uncertainty>) -> Vec<u8> {
        let files = crate::audit::audit_files(&self.scenario, &self.appraisal, uncertainty);
        crate::audit::zip(&files)
    }

    fn programme(&self, key: &str) -> Result<&ProgrammeAppraisal, JsValue> {
        find_programme(&self.appraisal.programmes, |a| a.programme, key)
    }
}

/// The result for the programme with scenario key `key`, or why there is none.
fn find_programme<'r, T>(
    results: &'r [T],
    id: fn(&T) -> crate::registry::ProgrammeId,
    key: &str,
) -> Result<&'r T, JsValue> {
    results
        .iter()
        .find(|r| id(r).key() == key)
        .ok_or_else(|| JsValue::from_str(&format!("programme {key:?} is not in this result")))
}

fn canvas_area(
    canvas: HtmlCanvasElement,
) -> Result<plotters::drawing::DrawingArea<MeasuredCanvas, plotters::coord::Shift>, JsValue> {
    MeasuredCanvas::new(canvas)
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

/// A chart drawn from one result onto a canvas.
type CanvasChart<T> = fn(
    &plotters::drawing::DrawingArea<MeasuredCanvas, plotters::coord::Shift>,
    &T,
    ChartScale,
) -> Result<(), charts::ChartError>;

/// Draws `chart` of `result` (or reports why there is no such result).
fn draw_on<T: ?Sized>(
    chart: CanvasChart<T>,
    canvas: HtmlCanvasElement,
    result: Result<&T, JsValue>,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    let result = result?;
    drawn(chart(
        &canvas_area(canvas)?,
        result,
        scale(device_pixel_ratio),
    ))
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
    draw_on(
        charts::draw_yearly_flows,
        canvas,
        report.programme(programme),
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
    draw_on(
        charts::draw_cumulative_net,
        canvas,
        report.programme(programme),
        device_pixel_ratio,
    )
}

/// Chart 8 for one programme: discounted savings by who receives them.
#[wasm_bindgen(js_name = drawWhoBenefits)]
pub fn draw_who_benefits(
    canvas: HtmlCanvasElement,
    report: &Report,
    programme: &str,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    draw_on(
        charts::draw_who_benefits,
        canvas,
        report.programme(programme),
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
    draw_on(
        charts::draw_comparison,
        canvas,
        Ok(&report.appraisal),
        device_pixel_ratio,
    )
}

/// A Monte Carlo run the page steps through between frames, and drops (frees)
/// when the input changes: that is how a newer input cancels an older run.
#[wasm_bindgen]
pub struct SimulationRun {
    simulation: Option<Simulation>,
    scenario: Scenario,
    draws: u32,
}

/// Starts a simulation of a scenario. On bad input, throws every
/// `{ path, message }`, the settings' paths being `simulation.draws` and
/// `simulation.seed`.
#[wasm_bindgen(js_name = startSimulation)]
pub fn start_simulation(
    scenario: JsValue,
    draws: JsValue,
    seed: JsValue,
) -> Result<SimulationRun, JsValue> {
    let scenario = read_scenario(scenario);
    let config = read_json(draws, "simulation.draws").and_then(|draws| {
        let seed = read_json(seed, "simulation.seed")?;
        simulation_config(&draws, &seed)
    });
    let (scenario, config) = match (scenario, config) {
        (Ok(s), Ok(c)) => (s, c),
        (s, c) => {
            let mut errors = s.err().map(|e| e.0).unwrap_or_default();
            errors.extend(c.err().map(|e| e.0).unwrap_or_default());
            return Err(errors_to_js(&InputErrors(errors)));
        }
    };
    Ok(SimulationRun {
        simulation: Some(Simulation::new(&scenario, config)),
        scenario,
        draws: config.draws,
    })
}

#[wasm_bindgen]
impl SimulationRun {
    /// Runs up to `max_draws` more draws; returns how many are done.
    pub fn step(&mut self, max_draws: u32) -> u32 {
        self.simulation
            .as_mut()
            .map_or(self.draws, |s| s.step(max_draws))
    }

    #[wasm_bindgen(getter)]
    pub fn draws(&self) -> u32 {
        self.draws
    }

    /// Summarises the run (running any draws left). Only once.
    pub fn finish(&mut self) -> Result<UncertaintyReport, JsValue> {
        let simulation = self
            .simulation
            .take()
            .ok_or_else(|| JsValue::from_str("this simulation has already finished"))?;
        Ok(UncertaintyReport {
            uncertainty: simulation.finish(),
            scenario: self.scenario.clone(),
        })
    }
}

/// A finished uncertainty analysis, kept on the Rust side for drawing.
#[wasm_bindgen]
pub struct UncertaintyReport {
    scenario: Scenario,
    uncertainty: Uncertainty,
}

#[wasm_bindgen]
impl UncertaintyReport {
    /// The result as `sfpc simulate` prints it, with each programme's
    /// `summaries` and each tornado row's `label` and display values added.
    pub fn result(&self) -> Result<JsValue, JsValue> {
        let u = &self.uncertainty;
        let mut json = uncertainty_to_json(&self.scenario, u);
        for p in &u.programmes {
            let entry = &mut json["programmes"][p.programme.key()];
            let summaries =
                crate::display::uncertainty_summaries(p, u.config.draws, u.horizon_years);
            entry["summaries"] = json_of(&summaries)?;
            for (row, bar) in entry["tornado"]
                .as_array_mut()
                .into_iter()
                .flatten()
                .zip(&p.tornado)
            {
                let (programme, field) = (p.programme, bar.parameter);
                row["label"] = crate::display::parameter_label(programme, field).into();
                row["low_display"] =
                    crate::display::parameter_value(programme, field, bar.low).into();
                row["high_display"] =
                    crate::display::parameter_value(programme, field, bar.high).into();
            }
        }
        to_js(&json)
    }

    fn programme(&self, key: &str) -> Result<&ProgrammeUncertainty, JsValue> {
        find_programme(&self.uncertainty.programmes, |p| p.programme, key)
    }
}

/// Chart 4: the fan of cumulative council net (P10 to P90, median).
#[wasm_bindgen(js_name = drawFan)]
pub fn draw_fan(
    canvas: HtmlCanvasElement,
    report: &UncertaintyReport,
    programme: &str,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    draw_on(
        charts::draw_fan,
        canvas,
        report.programme(programme),
        device_pixel_ratio,
    )
}

/// Chart 5: the histogram of council NPV, £0 marked.
#[wasm_bindgen(js_name = drawNpvHistogram)]
pub fn draw_npv_histogram(
    canvas: HtmlCanvasElement,
    report: &UncertaintyReport,
    programme: &str,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    draw_on(
        charts::draw_npv_histogram,
        canvas,
        report.programme(programme),
        device_pixel_ratio,
    )
}

/// Chart 6: the tornado of council NPV swings.
#[wasm_bindgen(js_name = drawTornado)]
pub fn draw_tornado(
    canvas: HtmlCanvasElement,
    report: &UncertaintyReport,
    programme: &str,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    draw_on(
        charts::draw_tornado,
        canvas,
        report.programme(programme),
        device_pixel_ratio,
    )
}

/// Saved scenarios (A, B, C), each appraised for its own model.
#[wasm_bindgen]
pub struct ScenarioComparison {
    compared: Vec<crate::comparison::ComparedScenario>,
}

/// Compares saved scenarios: a JS list of `{ label, programme, scenario }`.
/// On bad input, throws every `{ path, message }` (`saved[1].scenario.…`).
#[wasm_bindgen(js_name = compareScenarios)]
pub fn compare_scenarios(saved: JsValue) -> Result<ScenarioComparison, JsValue> {
    let saved = read_json(saved, "saved")
        .and_then(|v| crate::format::parse_saved_scenarios(&v))
        .and_then(|s| crate::comparison::compare(&s))
        .map_err(|e| errors_to_js(&e))?;
    Ok(ScenarioComparison { compared: saved })
}

#[wasm_bindgen]
impl ScenarioComparison {
    /// `{ table: { headings, rows }, summary }`, every figure as display text.
    pub fn result(&self) -> Result<JsValue, JsValue> {
        to_js(&serde_json::json!({
            "table": json_of(&crate::display::scenario_comparison_table(&self.compared))?,
            "summary": crate::display::scenario_comparison_summary(&self.compared),
        }))
    }
}

/// Chart 7: the saved scenarios' cumulative council net, overlaid.
#[wasm_bindgen(js_name = drawScenarioComparison)]
pub fn draw_scenario_comparison(
    canvas: HtmlCanvasElement,
    comparison: &ScenarioComparison,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    draw_on(
        charts::draw_scenario_comparison,
        canvas,
        Ok(&comparison.compared[..]),
        device_pixel_ratio,
    )
}
