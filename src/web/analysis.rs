//! What the page loads after its first view (feature `web-analysis`,
//! `pkg/sfpc_analysis.js`): the uncertainty analysis and its charts (4-6),
//! saved scenarios compared (chart 7), and the yearly CSV (the workbook and
//! the audit pack are `web::workbook`'s). Scenarios come in as JS objects,
//! as the page holds them; appraising one again here takes microseconds.

use super::{
    appraised, draw_on, errors_to_js, find_programme, json_of, read_json, read_scenario, to_js,
};
use crate::charts;
use crate::display;
use crate::errors::InputErrors;
use crate::format::{simulation_config, uncertainty_to_json};
use crate::scenario::Scenario;
use crate::uncertainty::{ProgrammeUncertainty, Simulation, SimulationConfig, Uncertainty};
use crate::value_of_information::{packed as value_packed, value_of_information, ProgrammeValue};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// A Monte Carlo run the page steps through between frames, and drops (frees)
/// when the input changes: that is how a newer input cancels an older run.
#[wasm_bindgen]
pub struct SimulationRun {
    simulation: Option<Simulation>,
    scenario: Scenario,
    config: SimulationConfig,
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
    let (scenario, config) = read_run(scenario, draws, seed)?;
    Ok(SimulationRun {
        simulation: Some(Simulation::new(&scenario, config)),
        scenario,
        config,
    })
}

/// What a worker holds (`simulation-worker.js`): the simulation
/// `startSimulation` would start, whose chunks it runs batch by batch.
#[wasm_bindgen]
pub struct ChunkRunner {
    simulation: Simulation,
    scenario: Scenario,
}

#[wasm_bindgen]
impl ChunkRunner {
    #[wasm_bindgen(constructor)]
    pub fn new(scenario: JsValue, draws: JsValue, seed: JsValue) -> Result<ChunkRunner, JsValue> {
        let (scenario, config) = read_run(scenario, draws, seed)?;
        Ok(ChunkRunner {
            simulation: Simulation::new(&scenario, config),
            scenario,
        })
    }

    /// Chunks `from` to `to` (exclusive), packed (`uncertainty::packed`)
    /// for `SimulationRun.insertChunks`.
    pub fn run(&self, from: u32, to: u32) -> Vec<f64> {
        self.simulation.run_packed(from, to)
    }

    /// The value of information of the run's scenario, packed
    /// (`value_of_information::packed`) for `UncertaintyReport.setValueOfInformation`.
    #[wasm_bindgen(js_name = valueOfInformation)]
    pub fn value_of_information(&self) -> Vec<f64> {
        let values = value_of_information(&self.scenario, self.simulation.config());
        value_packed::pack(&values)
    }
}

/// The scenario and settings of a run, or every `{ path, message }`.
fn read_run(
    scenario: JsValue,
    draws: JsValue,
    seed: JsValue,
) -> Result<(Scenario, crate::uncertainty::SimulationConfig), JsValue> {
    let scenario = read_scenario(scenario);
    let config = read_json(draws, "simulation.draws").and_then(|draws| {
        let seed = read_json(seed, "simulation.seed")?;
        simulation_config(&draws, &seed)
    });
    match (scenario, config) {
        (Ok(s), Ok(c)) => Ok((s, c)),
        (s, c) => {
            let mut errors = s.err().map(|e| e.0).unwrap_or_default();
            errors.extend(c.err().map(|e| e.0).unwrap_or_default());
            Err(errors_to_js(&InputErrors(errors)))
        }
    }
}

#[wasm_bindgen]
impl SimulationRun {
    /// Runs up to `max_draws` more draws; returns how many are done.
    pub fn step(&mut self, max_draws: u32) -> u32 {
        self.simulation
            .as_mut()
            .map_or(self.config.draws, |s| s.step(max_draws))
    }

    #[wasm_bindgen(getter)]
    pub fn draws(&self) -> u32 {
        self.config.draws
    }

    /// The chunks its provisional figures need (the first ones; 0 for a run
    /// without), which the workers run first.
    #[wasm_bindgen(getter, js_name = previewChunks)]
    pub fn preview_chunks(&self) -> u32 {
        self.simulation
            .as_ref()
            .map_or(0, Simulation::preview_chunks)
    }

    /// The run's chunks, for sharing among workers.
    #[wasm_bindgen(getter)]
    pub fn chunks(&self) -> u32 {
        self.simulation.as_ref().map_or(0, |s| s.config().chunks())
    }

    /// Takes chunks a worker ran (`runSimulationChunks`); returns how many
    /// draws are done.
    #[wasm_bindgen(js_name = insertChunks)]
    pub fn insert_chunks(&mut self, packed: &[f64]) -> Result<u32, JsValue> {
        let simulation = self
            .simulation
            .as_mut()
            .ok_or_else(|| JsValue::from_str("this simulation has already finished"))?;
        simulation
            .insert_packed(packed)
            .map_err(|e| JsValue::from_str(&e))
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
            value: None,
            preview_of: None,
        })
    }

    /// The run's first `PREVIEW_DRAWS` draws summarised, once they are in,
    /// for the page to show as provisional while the rest run (its
    /// `result()` says so in `provisional`); undefined before then, for a
    /// run too short to have a preview, or once finished.
    pub fn provisional(&self) -> Option<UncertaintyReport> {
        let simulation = self.simulation.as_ref()?;
        Some(UncertaintyReport {
            uncertainty: simulation.preview()?,
            scenario: self.scenario.clone(),
            value: None,
            preview_of: Some(self.config.draws),
        })
    }
}

/// A finished uncertainty analysis, kept on the Rust side for drawing.
#[wasm_bindgen]
pub struct UncertaintyReport {
    scenario: Scenario,
    uncertainty: Uncertainty,
    /// The value of information: from a worker after the draws
    /// (`setValueOfInformation`), or worked out here where there is none.
    value: Option<Vec<ProgrammeValue>>,
    /// For a run's provisional figures: the draws of the run they preview.
    preview_of: Option<u32>,
}

#[wasm_bindgen]
impl UncertaintyReport {
    /// The result as `sfpc simulate` prints it, with the words added: each
    /// programme's `summaries`, `headlines` and tables (`percentile_table`,
    /// `fan_table`, `histogram_table`, `tornado_table`), each tornado row's
    /// `label` and display values; the compare view's `percentile_table` and
    /// `chances_table`; and the `record` of what ran.
    pub fn result(&self) -> Result<JsValue, JsValue> {
        let u = &self.uncertainty;
        let mut json = uncertainty_to_json(&self.scenario, u);
        let appraisal = crate::appraisal::appraise(&self.scenario);
        for p in &u.programmes {
            let entry = &mut json["programmes"][p.programme.key()];
            if let Some(a) = appraisal
                .programmes
                .iter()
                .find(|a| a.programme == p.programme)
            {
                let chances = display::Chances {
                    with_grant: p.probability_council_npv_positive,
                    without_grant: p.decision.chance_above(a.present_values.grant_gbp),
                };
                entry["verdicts"] = json_of(&display::verdicts(a, u.horizon_years, Some(chances)))?;
            }
            let summaries =
                crate::display::uncertainty_summaries(p, u.config.draws, u.horizon_years);
            let (draws, horizon) = (u.config.draws, u.horizon_years);
            entry["headlines"] = json_of(&display::uncertainty_headlines(p, horizon))?;
            entry["central_and_median"] = display::central_and_median(p).into();
            entry["summaries"] = json_of(&summaries)?;
            entry["percentile_table"] = json_of(&display::percentile_table(p, draws))?;
            entry["fan_table"] = json_of(&display::fan_table(p))?;
            entry["histogram_table"] = json_of(&display::histogram_table(p))?;
            entry["tornado_table"] = json_of(&display::tornado_table(p))?;
            entry["decision"] = json_of(&display::decision_words(p))?;
            if let Some(value) = self.value_words(p)? {
                entry["value"] = value;
            }
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
        json["percentile_table"] = json_of(&display::compared_percentile_table(u))?;
        json["chances_table"] = json_of(&display::compared_chances_table(u))?;
        json["record"] = display::simulation_record(&u.config).into();
        json["plain_method"] = display::simulation_plain(&u.config).into();
        if let Some(draws) = self.preview_of {
            json["provisional"] = display::provisional_note(u.config.draws, draws).into();
        }
        json["decide_method"] = json_of(&display::decision_method())?;
        to_js(&json)
    }

    /// Takes the value of information a worker worked out
    /// (`ChunkRunner.valueOfInformation`); returns each programme's words
    /// (`value` in `result()`), by key.
    #[wasm_bindgen(js_name = setValueOfInformation)]
    pub fn set_value_of_information(&mut self, packed: &[f64]) -> Result<JsValue, JsValue> {
        let programmes: Vec<_> = self
            .uncertainty
            .programmes
            .iter()
            .map(|p| p.programme)
            .collect();
        let values =
            value_packed::unpack(packed, &programmes).map_err(|e| JsValue::from_str(&e))?;
        self.value = Some(values);
        self.value_words_by_key()
    }

    /// Works the value of information out here (a page without workers);
    /// returns the words as `setValueOfInformation` does.
    #[wasm_bindgen(js_name = computeValueOfInformation)]
    pub fn compute_value_of_information(&mut self) -> Result<JsValue, JsValue> {
        self.value = Some(value_of_information(
            &self.scenario,
            self.uncertainty.config,
        ));
        self.value_words_by_key()
    }

    fn value_words(&self, p: &ProgrammeUncertainty) -> Result<Option<serde_json::Value>, JsValue> {
        let Some(v) = self
            .value
            .iter()
            .flatten()
            .find(|v| v.programme == p.programme)
        else {
            return Ok(None);
        };
        json_of(&display::value_words(v, p.decision.evpi_gbp)).map(Some)
    }

    fn value_words_by_key(&self) -> Result<JsValue, JsValue> {
        let mut map = serde_json::Map::new();
        for p in &self.uncertainty.programmes {
            if let Some(words) = self.value_words(p)? {
                map.insert(p.programme.key().into(), words);
            }
        }
        to_js(&serde_json::Value::Object(map))
    }

    /// `sfpc decide`'s JSON for this run: the figures unrounded, for the
    /// tests (the value of information worked out here if none came).
    #[wasm_bindgen(js_name = decideResult)]
    pub fn decide_result(&self) -> Result<JsValue, JsValue> {
        let computed;
        let values = match &self.value {
            Some(v) => v,
            None => {
                computed = value_of_information(&self.scenario, self.uncertainty.config);
                &computed
            }
        };
        let json =
            crate::format::decide_to_json(&self.scenario, &self.uncertainty, values, None, &[]);
        to_js(&json)
    }

    /// The chance council NPV is above `threshold` (pounds, as typed), in
    /// words; throws `[{ path: "decide.threshold_gbp", message }]` if it is
    /// not an amount.
    #[wasm_bindgen(js_name = chanceAbove)]
    pub fn chance_above(&self, programme: &str, threshold: &str) -> Result<String, JsValue> {
        let t = crate::format::threshold_gbp(threshold).map_err(|e| errors_to_js(&e))?;
        Ok(display::threshold_sentence(self.programme(programme)?, t))
    }

    fn programme(&self, key: &str) -> Result<&ProgrammeUncertainty, JsValue> {
        find_programme(&self.uncertainty.programmes, |p| p.programme, key)
    }

    fn value(&self, key: &str) -> Result<&ProgrammeValue, JsValue> {
        let values = self.value.as_deref().unwrap_or_default();
        find_programme(values, |v| v.programme, key)
    }
}

/// Draws chart `id` of the simulation for the model `view`: one of the
/// charts `charts()` says are drawn from the simulation or its value of
/// information (the fan, the histogram, the tornado, the chance of clearing
/// each amount, what each figure is worth knowing). Throws for another id,
/// a model not simulated or a value of information not yet worked out.
#[wasm_bindgen(js_name = drawSimulationChart)]
pub fn draw_simulation_chart(
    id: &str,
    canvas: HtmlCanvasElement,
    report: &UncertaintyReport,
    view: &str,
    device_pixel_ratio: f64,
) -> Result<(), JsValue> {
    let simulated: [(display::ChartSpec, super::CanvasChart<ProgrammeUncertainty>); 4] = [
        (display::FAN, charts::draw_fan),
        (display::HISTOGRAM, charts::draw_npv_histogram),
        (display::TORNADO, charts::draw_tornado),
        (display::ACCEPTABILITY, charts::draw_acceptability),
    ];
    match simulated.iter().find(|(c, _)| c.id == id) {
        Some((_, chart)) => draw_on(*chart, canvas, report.programme(view), device_pixel_ratio),
        None if id == display::EVPPI.id => draw_on(
            charts::draw_evppi,
            canvas,
            report.value(view),
            device_pixel_ratio,
        ),
        None => Err(JsValue::from_str(&format!(
            "no chart \"{id}\" is drawn from a simulation"
        ))),
    }
}

/// The defaults of `programmes` (keys) and the appraisal's, with their
/// sources, as the page's table: each as published, in its source's price
/// year, and restated in `price_year`'s prices. An unknown year throws
/// `[{ path: "price_year", message }]`.
#[wasm_bindgen(js_name = sourcesTable)]
pub fn sources_table(price_year: String, programmes: Vec<String>) -> Result<JsValue, JsValue> {
    let year = super::read_price_year(Some(price_year))?;
    let ids: Vec<_> = programmes
        .iter()
        .filter_map(|k| crate::registry::ProgrammeId::from_key(k))
        .collect();
    to_js(&display::sources_table(year, &ids))
}

/// A scenario's grades, by programme key: `evidence_summary` (how many of
/// its savings rest on measured evidence) and `figure_grades` (each
/// figure's grade: `{ path, grade, text }`). Throws the scenario's errors.
#[wasm_bindgen(js_name = figureGrades)]
pub fn figure_grades(scenario: JsValue) -> Result<JsValue, JsValue> {
    let scenario = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    to_js(&crate::format::grades_json(&scenario))
}

/// Each yearly stream's arithmetic (its registry terms) as an expression
/// over the scenario's field keys, `365/7` for weeks a year: `[{ key,
/// council, fields, expression }]`, `council` true when the council
/// benefits. The benchmark builds its Squiggle model from these, so the
/// model it compares against is the engine's own.
#[wasm_bindgen(js_name = streamFormulas)]
pub fn stream_formulas(programme: &str) -> Result<JsValue, JsValue> {
    use crate::registry::{ProgrammeId, StreamKind};
    let id = ProgrammeId::from_key(programme)
        .ok_or_else(|| JsValue::from_str(&format!("{programme:?} is not one of the models")))?;
    let rows: Vec<serde_json::Value> = id
        .spec()
        .streams
        .iter()
        .filter_map(|stream| match stream.kind {
            StreamKind::YearlySaving(terms) => Some(serde_json::json!({
                "key": stream.key.key(),
                "council": stream.payer.is_council(),
                "fields": terms.picks.iter().map(|f| f.key()).collect::<Vec<_>>(),
                "expression": terms.render(stream.effect, |f| f.key().to_owned(), "(365/7)"),
            })),
            StreamKind::EntriesToCareAvoided => None,
        })
        .collect();
    to_js(&rows)
}

/// The note under the price year when a new year restates `count` untouched
/// defaults (`display::restated_defaults_note`).
#[wasm_bindgen(js_name = restatedDefaultsNote)]
pub fn restated_defaults_note(count: usize, from_year: &str, to_year: &str) -> String {
    crate::display::restated_defaults_note(count, from_year, to_year)
}

/// What the live region says while the figures have `count` errors. (Here,
/// not in the first view's module: a sentence is worded once the page has
/// been typed in, by when this module has loaded.)
#[wasm_bindgen(js_name = figureProblems)]
pub fn figure_problems(count: usize) -> String {
    crate::display::figure_problems(count)
}

/// Every chart by id, `{ id: { title, caption, source } }`
/// (`display::CHARTS`): the page names each chart figure not yet named from
/// them once this module has loaded, and draws each from its source.
#[wasm_bindgen]
pub fn charts() -> Result<JsValue, JsValue> {
    let mut charts = serde_json::Map::new();
    for c in &display::CHARTS {
        let spec =
            serde_json::json!({ "title": c.title, "caption": c.caption, "source": c.source.key() });
        charts.insert(c.id.to_owned(), spec);
    }
    to_js(&serde_json::Value::Object(charts))
}

/// The method's glossary, `[[name, definition]]`: each headline measure
/// and the break-even effect (`display::measures`).
#[wasm_bindgen(js_name = measureGlossary)]
pub fn measure_glossary() -> Result<JsValue, JsValue> {
    to_js(&display::glossary())
}

/// The decision panel's threshold field's label (`display::measures`).
#[wasm_bindgen(js_name = thresholdLabel)]
pub fn threshold_label() -> String {
    display::threshold_label()
}

/// The council picker's count of councils matching what was typed.
#[wasm_bindgen(js_name = councilsMatching)]
pub fn councils_matching(count: usize) -> String {
    crate::display::councils_matching(count)
}

/// The every-council page's count of what its filters show.
#[wasm_bindgen(js_name = councilsShown)]
pub fn councils_shown(councils: usize, all: usize, rows: usize) -> String {
    crate::display::councils_shown(councils, all, rows)
}

/// Saved scenarios the browser kept that this version cannot read.
#[wasm_bindgen(js_name = unreadableSaved)]
pub fn unreadable_saved(count: usize) -> String {
    crate::display::unreadable_saved(count)
}

/// The saved scenarios' `slots` (the first is the one the others are
/// compared with), the longest name a user may give one (`max_name_chars`,
/// so that its label fits the format's limit), and the panel's `hint`.
#[wasm_bindgen(js_name = savedScenarioLimits)]
pub fn saved_scenario_limits() -> Result<JsValue, JsValue> {
    to_js(&serde_json::json!({
        "slots": crate::comparison::SAVED_SLOTS,
        "max_name_chars": crate::format::MAX_SAVED_NAME_CHARS,
        "hint": display::saved_scenarios_hint(),
    }))
}

/// A saved scenario's label ("A: Leeds, cautious"), as the comparison takes it.
#[wasm_bindgen(js_name = savedLabel)]
pub fn saved_label(slot: &str, name: &str) -> String {
    crate::format::saved_label(slot, name)
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
    let compared = Ok(&comparison.compared[..]);
    draw_on(
        charts::draw_scenario_comparison,
        canvas,
        compared,
        device_pixel_ratio,
    )
}

/// The yearly results of a scenario as CSV (UTF-8 with BOM), as `sfpc
/// report` writes it.
#[wasm_bindgen(js_name = yearlyResultsCsv)]
pub fn yearly_results_csv(scenario: JsValue) -> Result<String, JsValue> {
    let (scenario, appraisal) = appraised(scenario)?;
    Ok(crate::export::yearly_results_csv(&scenario, &appraisal))
}

/// A download's file name (`display::download_name`): council, model, date,
/// what it is. In the analysis module: the page's downloads and the
/// every-council page load it anyway, and the first view need not carry it.
#[wasm_bindgen(js_name = downloadName)]
pub fn download_name(council: &str, view: &str, date: &str, what: &str, ext: &str) -> String {
    crate::display::download_name(council, view, date, what, ext)
}

/// What the page read from a field, in words (`display::field_reading`):
/// `list` the figures a list was read as, `read_as` a bare number's
/// percentage, `low` and `high` a range widened to take in the value.
#[wasm_bindgen(js_name = fieldReading)]
pub fn field_reading(
    kind: &str,
    list: Option<Box<[f64]>>,
    read_as: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
) -> String {
    let widened = low.zip(high);
    crate::display::field_reading(kind, list.as_deref(), read_as, widened)
}
