//! The downloads that need the workbook writer (feature `web-workbook`,
//! `pkg/sfpc_workbook.js`), loaded only when one is asked for: the Excel
//! workbook and the audit pack (which holds it).
//!
//! The page's simulation ran in the analysis module, whose results cannot
//! cross into this one; the same scenario, draws and seed give the same bits,
//! so the simulation is run again here when the page says it has finished.

use super::{appraised, errors_to_js, read_json};
use crate::format::{parse_scenario, simulation_config};
use crate::uncertainty::{simulate, Uncertainty};
use wasm_bindgen::prelude::*;

/// `{ scenario, draws, seed }` (the scenario simulated, perhaps one model of
/// the scenario appraised) as its simulation, or `null` for none.
fn simulated(value: JsValue) -> Result<Option<Uncertainty>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    let json = read_json(value, "simulation").map_err(|e| errors_to_js(&e))?;
    let scenario = parse_scenario(&json["scenario"]).map_err(|e| errors_to_js(&e))?;
    let config = simulation_config(&json["draws"], &json["seed"]).map_err(|e| errors_to_js(&e))?;
    Ok(Some(simulate(&scenario, config)))
}

/// The appraisal as an Excel workbook (`.xlsx` bytes) whose formulas
/// recompute it; `simulation` (or `null`) fills its Uncertainty sheet.
#[wasm_bindgen]
pub fn workbook(scenario: JsValue, simulation: JsValue) -> Result<Vec<u8>, JsValue> {
    let (scenario, appraisal) = appraised(scenario)?;
    let uncertainty = simulated(simulation)?;
    crate::workbook::workbook(&scenario, &appraisal, uncertainty.as_ref())
        .map_err(|e| JsValue::from_str(&e))
}

/// The audit pack (`audit::audit_files`) as a stored ZIP archive: the
/// scenario, results, yearly CSVs, defaults and evidence sets, the workbook,
/// a README, and the simulation's results when `simulation` is given. Each
/// file is dated `written` (the page's local time, "2026-12-04T10:30:15"),
/// or 1980-01-01 without it.
#[wasm_bindgen(js_name = auditPack)]
pub fn audit_pack(
    scenario: JsValue,
    simulation: JsValue,
    written: Option<String>,
) -> Result<Vec<u8>, JsValue> {
    let (scenario, appraisal) = appraised(scenario)?;
    let uncertainty = simulated(simulation)?;
    let files = crate::audit::audit_files(&scenario, &appraisal, uncertainty.as_ref());
    let when = match written {
        Some(text) => crate::audit::DosTime::parse(&text).ok_or_else(|| {
            JsValue::from_str(&format!("written: not a date and time, got {text:?}"))
        })?,
        None => crate::audit::DosTime::FIXED,
    };
    Ok(crate::audit::zip(&files, when))
}

/// A table as a one-sheet workbook (`workbook::table_workbook`), for the
/// every-council page's download: `rows` an array of arrays of numbers,
/// text and nulls, under `columns`.
#[wasm_bindgen(js_name = tableWorkbook)]
pub fn table_workbook(
    sheet_name: &str,
    columns: Vec<String>,
    rows: JsValue,
) -> Result<Vec<u8>, JsValue> {
    use crate::workbook::Cell;
    let json = read_json(rows, "rows").map_err(|e| errors_to_js(&e))?;
    let cell = |v: &serde_json::Value| match v {
        serde_json::Value::Number(n) => n.as_f64().map_or(Cell::Blank, Cell::Number),
        serde_json::Value::String(t) => Cell::Text(t.clone()),
        serde_json::Value::Null => Cell::Blank,
        other => Cell::Text(other.to_string()),
    };
    let rows: Vec<Vec<Cell>> = json
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    r.as_array()
                        .map(|c| c.iter().map(cell).collect())
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    crate::workbook::table_workbook(sheet_name, &columns, &rows).map_err(|e| JsValue::from_str(&e))
}
