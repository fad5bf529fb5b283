//! Councils' statistics for the page (feature `web-analysis`): the picker's
//! list, what picking a council sets, and the every-council table of
//! `councils.html`, which `sfpc batch` writes as CSV.

use super::{errors_to_js, read_scenario, to_js, Change};
use crate::councils;
use crate::display::council_reading;
use serde_json::json;
use wasm_bindgen::prelude::*;

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
/// warnings } }`. The figures come from the statistics alone, not from the
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
    let prefills = councils::apply(&mut scenario, council);
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
    let template = read_scenario(scenario).map_err(|e| errors_to_js(&e))?;
    let config = match draws {
        None => None,
        Some(draws) => {
            let seed = seed.map_or(crate::uncertainty::DEFAULT_SEED as f64, |s| s);
            let config = crate::format::simulation_config(&draws.into(), &seed.into());
            Some(config.map_err(|e| errors_to_js(&e))?)
        }
    };
    let mut all: Vec<_> = councils::current().collect();
    all.sort_by_key(|c| c.name);
    let rows: Vec<_> = all
        .get(from.min(all.len())..to.min(all.len()))
        .unwrap_or_default()
        .iter()
        .flat_map(|c| councils::appraise_council(&template, c, config))
        .map(|r| crate::display::council_row(&r))
        .collect();
    to_js(&rows)
}
