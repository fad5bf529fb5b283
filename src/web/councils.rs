//! Councils' statistics for the page (feature `web-analysis`): the picker's
//! list, what picking a council sets, and the every-council table of
//! `councils.html`, which `sfpc batch` writes as CSV.

use super::{errors_to_js, read_scenario, to_js, Change};
use crate::councils;
use crate::display::council_reading;
use serde_json::json;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The councils a user can pick, by name: `[{ code, name, region }]`.
#[wasm_bindgen]
pub fn councils() -> Result<JsValue, JsValue> {
    let mut list: Vec<_> = councils::current()
        .map(|c| json!({ "code": c.code, "name": c.name, "region": c.region }))
        .collect();
    list.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    to_js(&list)
}

/// Where the page's data come from, for its footer and sources: the
/// deflators (with their vintage), the council statistics' release, and the
/// Open Government Licence attribution they need. (In this module, not the
/// first view's: the page shows them once it has loaded.)
#[wasm_bindgen]
pub fn provenance() -> Result<JsValue, JsValue> {
    to_js(&json!({
        "deflators": crate::prices::DEFLATOR_SOURCE,
        "statistics": councils::RELEASE,
        "licence": councils::LICENCE,
    }))
}

/// What picking a council sets, in `price_year`'s prices (the default
/// scenario's when none): `{ council, council_code, statistics_release,
/// changes: [{ path, value, low, high }], reading: { summary, notes,
/// warnings }, figures: [{ path, kind, source }] }` (the last as the
/// scenario's `council_figures`). The figures come from the statistics alone, not from the
/// scenario; `code` may be an earlier code of the same council.
#[wasm_bindgen(js_name = councilFigures)]
pub fn council_figures(code: &str, price_year: Option<String>) -> Result<JsValue, JsValue> {
    let council = councils::find(code)
        .ok_or_else(|| JsValue::from_str(&format!("{code:?} is not a council in the DfE table")))?;
    let mut scenario = match price_year.as_deref().map(crate::prices::check_price_year) {
        Some(Ok(year)) => crate::evidence::default_scenario_in(year),
        Some(Err(why)) => return Err(JsValue::from_str(&format!("price_year: {why}"))),
        None => crate::evidence::default_scenario_model(),
    };
    let prefills = crate::evidence::apply_council(&mut scenario, council);
    let changes: Vec<Change> = prefills
        .iter()
        .filter_map(|p| Some(Change::new(p.programme, p.field, p.value?)))
        .collect();
    to_js(&json!({
        "council": scenario.council,
        "council_code": scenario.council_code,
        "statistics_release": scenario.statistics_release,
        "changes": changes,
        "reading": council_reading(council, &prefills),
        "figures": crate::format::council_figures_json(&scenario.council_figures),
    }))
}

/// The every-council table's column headings, for `councilRows`' cells.
#[wasm_bindgen(js_name = councilColumns)]
pub fn council_columns() -> Result<JsValue, JsValue> {
    to_js(&crate::display::COUNCIL_TABLE_COLUMNS)
}

/// How many councils `councilRows` covers.
#[wasm_bindgen(js_name = councilCount)]
pub fn council_count() -> usize {
    councils::current().count()
}

/// Councils `from` to `to` (of `councilCount`, by name) appraised with the
/// scenario's assumptions and their own statistics, one row a council and
/// model; with `draws`, the chance each council's NPV is above zero.
#[wasm_bindgen(js_name = councilRows)]
pub fn council_rows(
    scenario: JsValue,
    from: usize,
    to: usize,
    draws: Option<u32>,
    seed: Option<f64>,
) -> Result<JsValue, JsValue> {
    let rows: Vec<_> = appraised_slice(scenario, from, to, draws, seed)?
        .iter()
        .map(crate::display::council_row)
        .collect();
    to_js(&rows)
}

/// Councils `from` to `to` (by name) appraised with the scenario as template.
fn appraised_slice(
    scenario: JsValue,
    from: usize,
    to: usize,
    draws: Option<u32>,
    seed: Option<f64>,
) -> Result<Vec<councils::CouncilResult>, JsValue> {
    let template = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    let config = simulation(draws, seed)?;
    let mut all: Vec<_> = councils::current().collect();
    all.sort_by_key(|c| c.name);
    Ok(all
        .get(from.min(all.len())..to.min(all.len()))
        .unwrap_or_default()
        .iter()
        .flat_map(|c| councils::appraise_council(&template, c, config))
        .collect())
}

/// Every council's results for the every-council page, kept on the Rust
/// side: its table's rows as they come in, and the hex map of any model and
/// measure drawn from them.
#[wasm_bindgen]
pub struct CouncilBook {
    results: Vec<councils::CouncilResult>,
}

impl Default for CouncilBook {
    fn default() -> Self {
        Self::new()
    }
}

/// A map's programme and measure from their keys.
fn map_of(
    book: &CouncilBook,
    programme: &str,
    measure: &str,
) -> Result<councils::map::MapView, JsValue> {
    let programme = crate::registry::ProgrammeId::from_key(programme)
        .ok_or_else(|| JsValue::from_str(&format!("{programme:?} is not a model")))?;
    let measure = councils::map::MapMeasure::from_key(measure)
        .ok_or_else(|| JsValue::from_str(&format!("{measure:?} is not a map measure")))?;
    Ok(councils::map::map_view(&book.results, programme, measure))
}

#[wasm_bindgen]
impl CouncilBook {
    #[wasm_bindgen(constructor)]
    pub fn new() -> CouncilBook {
        CouncilBook {
            results: Vec::new(),
        }
    }

    /// Councils `from` to `to` appraised, as [`council_rows`]; kept for the map.
    pub fn add(
        &mut self,
        scenario: JsValue,
        from: usize,
        to: usize,
        draws: Option<u32>,
        seed: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let added = appraised_slice(scenario, from, to, draws, seed)?;
        let rows: Vec<_> = added.iter().map(crate::display::council_row).collect();
        self.results.extend(added);
        to_js(&rows)
    }

    /// The rows shown, `shown` being each one's "CODE programme", as `sfpc
    /// batch` writes them (`export::council_results_csv`): the page's CSV
    /// download, in the order shown.
    pub fn csv(&self, shown: Vec<String>) -> String {
        let by_key: std::collections::HashMap<String, &councils::CouncilResult> = self
            .results
            .iter()
            .map(|r| (format!("{} {}", r.council.code, r.programme.key()), r))
            .collect();
        let rows: Vec<councils::CouncilResult> = shown
            .iter()
            .filter_map(|key| by_key.get(key).map(|r| (*r).clone()))
            .collect();
        crate::export::council_results_csv(&rows)
    }

    /// The map of a model and measure on an area `width` × `height` CSS
    /// pixels: `{ summary, legend, measures: [{ key, label }], cells: [{ code,
    /// x, y, radius, label }] }`, the cells in keyboard order (north to
    /// south, west to east).
    #[wasm_bindgen(js_name = mapView)]
    pub fn map_view(
        &self,
        programme: &str,
        measure: &str,
        width: f64,
        height: f64,
    ) -> Result<JsValue, JsValue> {
        let view = map_of(self, programme, measure)?;
        let places = crate::charts::map_layout(&view, width, height);
        let cells: Vec<_> = view
            .cells
            .iter()
            .zip(places)
            .map(|(cell, (x, y, radius))| {
                json!({
                    "code": cell.council.code,
                    "x": x, "y": y, "radius": radius,
                    "label": crate::display::map_cell_label(&view, cell),
                })
            })
            .collect();
        let measures: Vec<_> = councils::map::MapMeasure::ALL
            .iter()
            .map(|m| json!({ "key": m.key(), "label": crate::display::map_measure_label(*m) }))
            .collect();
        to_js(&json!({
            "summary": crate::display::map_summary(&view),
            "legend": crate::display::map_legend(&view),
            "measures": measures,
            "cells": cells,
        }))
    }

    /// Draws the map of a model and measure onto a canvas whose pixel size
    /// is its CSS size × `device_pixel_ratio`.
    #[wasm_bindgen(js_name = drawMap)]
    pub fn draw_map(
        &self,
        canvas: HtmlCanvasElement,
        programme: &str,
        measure: &str,
        device_pixel_ratio: f64,
    ) -> Result<(), JsValue> {
        let view = map_of(self, programme, measure)?;
        let legend = crate::display::map_legend(&view);
        crate::charts::draw_council_map(
            &super::canvas_area(canvas)?,
            &view,
            &legend,
            super::scale(device_pixel_ratio),
        )
        .map_err(|e| JsValue::from_str(&e.to_string()))
    }
}

/// The height, in CSS pixels, that fits the map and its legend at `width`.
#[wasm_bindgen(js_name = mapHeightFor)]
pub fn map_height_for(width: f64) -> f64 {
    crate::charts::map_height_for(width)
}

/// The simulation a page's rows ask for, if any.
fn simulation(
    draws: Option<u32>,
    seed: Option<f64>,
) -> Result<Option<crate::uncertainty::SimulationConfig>, JsValue> {
    let Some(draws) = draws else { return Ok(None) };
    let seed = seed.map_or(crate::uncertainty::DEFAULT_SEED as f64, |s| s);
    let config = crate::format::simulation_config(&draws.into(), &seed.into());
    Ok(Some(config.map_err(|e| errors_to_js(&e))?))
}

/// The scenario with a council's figures set: what the map opens the
/// calculator with when a council is clicked.
#[wasm_bindgen(js_name = councilScenario)]
pub fn council_scenario(scenario: JsValue, code: &str) -> Result<JsValue, JsValue> {
    let mut scenario = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    let council = councils::find(code).ok_or_else(|| {
        JsValue::from_str(&format!("{code:?} is not a council in the DfE tables"))
    })?;
    crate::evidence::apply_council(&mut scenario, council);
    to_js(&crate::format::scenario_to_json(&scenario))
}
