//! The WebAssembly boundary, both its modules (features `web-page` and
//! `web-analysis`), in headless Chromium (wasm-bindgen-test-runner with
//! chromedriver; see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use sfpc::web::page::{default_scenario, draw_chart, evaluate, Report};
use sfpc::web::{analysis, workbook};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn to_js(value: &Value) -> JsValue {
    use serde::Serialize;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("serialisable")
}

fn from_js(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).expect("plain JSON")
}

fn default_report() -> Report {
    evaluate(default_scenario(None).expect("defaults"))
        .unwrap_or_else(|e| panic!("defaults invalid: {e:?}"))
}

#[wasm_bindgen_test]
fn scenario_round_trip_matches_the_native_engine() {
    let result = from_js(default_report().result(None).expect("result"));
    let scenario = sfpc::evidence::default_scenario().expect("defaults");
    let native = sfpc::appraisal::appraise(&scenario);
    for a in &native.programmes {
        let p = &result["programmes"][a.programme.key()];
        // Same bits in the browser as natively.
        assert_eq!(
            p["council_npv_gbp"].as_f64(),
            Some(a.council_npv_gbp),
            "{}",
            a.programme.key()
        );
        assert_eq!(p["headlines"].as_array().map(Vec::len), Some(7));
        // The words for each stream come with the figures.
        let readings = p["group_readings"].as_array().expect("group readings");
        assert_eq!(readings.len(), a.programme.spec().groups().len());
        assert_eq!(
            p["streams_table"]["rows"].as_array().map(Vec::len),
            Some(a.streams.len())
        );
    }
}

/// The page asks for the words and tables of the model in view only; every
/// model keeps its figures and headlines (the comparison uses them).
#[wasm_bindgen_test]
fn a_result_for_one_view_words_only_that_model() {
    let all = from_js(default_report().result(None).expect("result"));
    let one = from_js(
        default_report()
            .result(Some("no_wrong_door".into()))
            .expect("result"),
    );
    for key in ["family_valued", "family_safeguarding", "no_wrong_door"] {
        let (a, o) = (&all["programmes"][key], &one["programmes"][key]);
        assert_eq!(a["council_npv_gbp"], o["council_npv_gbp"]);
        assert_eq!(a["headlines"], o["headlines"]);
        let detailed = key == "no_wrong_door";
        assert_eq!(o["streams_table"] == a["streams_table"], detailed, "{key}");
        assert_eq!(o["group_readings"].is_null(), !detailed, "{key}");
    }
    assert_eq!(all["headline_table"], one["headline_table"]);
}

/// A run's provisional figures are a run of its first 8,192 draws, and say so.
#[wasm_bindgen_test]
fn a_run_shows_its_first_draws_as_provisional() {
    let s = to_js(&sfpc::evidence::default_scenario_json());
    let (draws, seed) = (JsValue::from(100_000), JsValue::from(7));
    let runner = analysis::ChunkRunner::new(s.clone(), draws.clone(), seed.clone())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut run = analysis::start_simulation(s.clone(), draws, seed.clone())
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(run.preview_chunks(), 4);
    run.insert_chunks(&runner.run(1, 4)).expect("fits");
    assert!(run.provisional().is_none(), "chunk 0 is still out");
    run.insert_chunks(&runner.run(0, 1)).expect("fits");
    let mut provisional = from_js(run.provisional().expect("in").result().expect("result"));
    let note = provisional["provisional"].take();
    assert!(
        note.as_str().is_some_and(
            |n| n.starts_with("Provisional: the first 8,192 of 100,000 simulated futures.")
        ),
        "{note}"
    );
    let mut short = analysis::start_simulation(s, JsValue::from(8_192), seed)
        .unwrap_or_else(|e| panic!("{e:?}"));
    short.step(8_192);
    let mut alone = from_js(short.finish().expect("finished").result().expect("result"));
    assert!(
        alone["provisional"].take().is_null(),
        "a finished run is not provisional"
    );
    assert_eq!(provisional, alone);
}

#[wasm_bindgen_test]
fn invalid_scenario_gives_path_qualified_errors() {
    let mut s = sfpc::evidence::default_scenario_json();
    s["programmes"]["no_wrong_door"]["residential_time_reduction"]["value"] = json!(1.4);
    s["appraisal"]["horizon_years"] = json!(31);
    let errors = match evaluate(to_js(&s)) {
        Ok(_) => panic!("expected errors"),
        Err(e) => from_js(e),
    };
    assert_eq!(
        errors,
        json!([
            { "path": "appraisal.horizon_years", "message": "must be a whole number from 1 to 30, got 31" },
            // An invalid value is not also compared with its range.
            { "path": "programmes.no_wrong_door.residential_time_reduction.value", "message": "must be between 0 and 1 (0% to 100%), got 1.4" },
        ])
    );
}

#[wasm_bindgen_test]
fn something_that_is_not_a_scenario_is_an_error_not_a_panic() {
    let errors = from_js(evaluate(JsValue::from_str("hello")).err().expect("error"));
    assert_eq!(errors[0]["path"], "scenario");
}

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("a canvas element");
    canvas.set_width(width);
    canvas.set_height(height);
    canvas
}

/// Pixels that are neither white nor transparent.
fn inked_pixels(canvas: &HtmlCanvasElement) -> usize {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .expect("2d context")
        .dyn_into()
        .expect("2d");
    let data = context
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .expect("pixels")
        .data();
    data.chunks(4)
        .filter(|p| p[3] > 0 && (p[0] < 250 || p[1] < 250 || p[2] < 250))
        .count()
}

#[wasm_bindgen_test]
fn charts_draw_into_a_canvas() {
    let report = default_report();
    // Every chart the result lists, drawn by its id (the comparison, of
    // every model, ignores the view).
    let result = from_js(report.result(None).expect("result"));
    let ids: Vec<&str> = result["charts"]
        .as_object()
        .expect("the charts drawn from the appraisals, by id")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(ids, ["flows", "cumulative", "who", "comparison"]);
    for (id, ratio) in ids.iter().zip([1.0, 2.0, 1.0, 1.0]) {
        let c = canvas(640, 320);
        draw_chart(id, c.clone(), &report, "family_safeguarding", ratio).expect("drawn");
        // A blank canvas has none; bars, lines, text and axes give thousands.
        assert!(
            inked_pixels(&c) > 2_000,
            "{id}: only {} inked pixels",
            inked_pixels(&c)
        );
    }
    let not_here = draw_chart("fan", canvas(100, 100), &report, "family_safeguarding", 1.0);
    assert!(not_here.is_err(), "the fan is the analysis module's");
}

#[wasm_bindgen_test]
fn unknown_programme_is_an_error() {
    let err = draw_chart(
        "flows",
        canvas(100, 100),
        &default_report(),
        "no_such_model",
        1.0,
    )
    .unwrap_err();
    assert!(err
        .as_string()
        .unwrap_or_default()
        .contains("no_such_model"));
}

include!("shared/simulation_vectors.rs");

#[wasm_bindgen_test]
fn the_same_seed_gives_the_same_bits_as_natively() {
    check_simulation_vectors();
}

#[wasm_bindgen_test]
fn uncertainty_charts_draw_into_a_canvas() {
    let mut s = sfpc::evidence::default_scenario_json();
    s["programmes"]["family_valued"]["enabled"] = json!(false);
    let mut run = analysis::start_simulation(to_js(&s), JsValue::from(5000), JsValue::from(1))
        .unwrap_or_else(|e| panic!("{e:?}"));
    // Steps go a chunk (2,048 draws) at a time.
    assert_eq!(run.chunks(), 3);
    assert_eq!(run.step(500), 2048);
    let report = run.finish().expect("finished");
    // The same draws run by a worker's runner, packed and inserted.
    let runner = analysis::ChunkRunner::new(to_js(&s), JsValue::from(5000), JsValue::from(1))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut inserted = analysis::start_simulation(to_js(&s), JsValue::from(5000), JsValue::from(1))
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(inserted.insert_chunks(&runner.run(2, 3)).ok(), Some(904));
    assert_eq!(inserted.insert_chunks(&runner.run(0, 2)).ok(), Some(5000));
    assert!(
        inserted.insert_chunks(&runner.run(1, 2)).is_err(),
        "a chunk goes in once"
    );
    let again = inserted.finish().expect("finished");
    assert_eq!(
        from_js(again.result().expect("result")),
        from_js(report.result().expect("result"))
    );
    assert!(run.finish().is_err(), "a run finishes once");
    // Every chart the analysis module lists as drawn from a simulation.
    let listed = from_js(analysis::charts().expect("charts"));
    let simulated: Vec<&String> = listed
        .as_object()
        .expect("charts by id")
        .iter()
        .filter(|(_, c)| c["source"] == "simulation")
        .map(|(id, _)| id)
        .collect();
    assert_eq!(simulated, ["fan", "histogram", "tornado", "acceptability"]);
    for id in simulated {
        let c = canvas(640, 360);
        analysis::draw_simulation_chart(id, c.clone(), &report, "no_wrong_door", 1.0)
            .expect("drawn");
        assert!(inked_pixels(&c) > 2_000, "{id}");
    }
    // What each figure is worth knowing: not until it has been worked out.
    let evppi =
        analysis::draw_simulation_chart("evppi", canvas(100, 100), &report, "no_wrong_door", 1.0);
    assert!(evppi.is_err());
    let result = from_js(report.result().expect("result"));
    assert_eq!(result["simulation"]["draws"], 5000);
    assert!(
        result["programmes"]["family_valued"].is_null(),
        "only enabled programmes are simulated"
    );
}

#[wasm_bindgen_test]
fn bad_simulation_settings_give_path_qualified_errors() {
    let s = to_js(&sfpc::evidence::default_scenario_json());
    let errors = match analysis::start_simulation(s, JsValue::from(0), JsValue::from(-1)) {
        Ok(_) => panic!("expected errors"),
        Err(e) => from_js(e),
    };
    assert_eq!(errors[0]["path"], "simulation.draws");
    assert_eq!(errors[1]["path"], "simulation.seed");
}

/// The files of a stored ZIP (the audit pack), from its central directory.
fn stored_files(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([zip[i], zip[i + 1]]));
    let u32_at =
        |i: usize| u32::from_le_bytes([zip[i], zip[i + 1], zip[i + 2], zip[i + 3]]) as usize;
    let end = zip.len() - 22;
    let mut at = u32_at(end + 16);
    (0..u16_at(end + 10))
        .map(|_| {
            let (size, name_len, local) = (u32_at(at + 24), u16_at(at + 28), u32_at(at + 42));
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let data = local + 30 + u16_at(local + 26);
            at += 46 + name_len;
            (name, zip[data..data + size].to_vec())
        })
        .collect()
}

#[wasm_bindgen_test]
fn the_modules_write_the_downloads_the_command_writes() {
    let s = sfpc::evidence::default_scenario_json();
    let scenario = sfpc::evidence::default_scenario().expect("defaults");
    let appraisal = sfpc::appraisal::appraise(&scenario);
    let csv = analysis::yearly_results_csv(to_js(&s)).expect("CSV");
    assert_eq!(csv, sfpc::export::yearly_results_csv(&scenario, &appraisal));
    // The audit pack: every file the command writes; the workbook differs
    // only in its creation time.
    let pack = stored_files(&workbook::audit_pack(to_js(&s), JsValue::NULL, None).expect("pack"));
    let files = sfpc::audit::audit_files(&scenario, &appraisal, None);
    assert_eq!(pack.len(), files.len());
    for ((name, bytes), f) in pack.iter().zip(&files) {
        assert_eq!(name, &f.name);
        if name == sfpc::audit::WORKBOOK {
            assert!(bytes.starts_with(b"PK\x03\x04"), "an xlsx is a ZIP");
        } else {
            assert_eq!(bytes, &f.bytes, "{name}");
        }
    }
    // With the simulation the page ran: the same figures as natively.
    let simulation = json!({ "scenario": s, "draws": 1000, "seed": 7 });
    let pack =
        stored_files(&workbook::audit_pack(to_js(&s), to_js(&simulation), None).expect("pack"));
    let config = sfpc::uncertainty::SimulationConfig {
        draws: 1000,
        seed: 7,
    };
    let u = sfpc::uncertainty::simulate(&scenario, config);
    let expected = sfpc::audit::audit_files(&scenario, &appraisal, Some(&u));
    let uncertainty = |files: &[(String, Vec<u8>)]| {
        files
            .iter()
            .find(|(n, _)| n == "uncertainty.json")
            .map(|(_, b)| b.clone())
    };
    let native: Vec<(String, Vec<u8>)> = expected.into_iter().map(|f| (f.name, f.bytes)).collect();
    assert_eq!(uncertainty(&pack), uncertainty(&native));
    let xlsx = workbook::workbook(to_js(&s), JsValue::NULL).expect("workbook");
    assert!(xlsx.starts_with(b"PK\x03\x04") && xlsx.len() > 10_000);
    // Bad input is a list of path-qualified errors, not a panic.
    let mut bad = s.clone();
    bad["appraisal"]["horizon_years"] = json!(0);
    let errors = from_js(workbook::audit_pack(to_js(&bad), JsValue::NULL, None).unwrap_err());
    assert_eq!(errors[0]["path"], "appraisal.horizon_years");
}

#[wasm_bindgen_test]
fn defaults_come_in_any_covered_price_year_and_an_unknown_one_is_an_error() {
    let in_2016 = from_js(default_scenario(Some("2016-17".into())).expect("2016-17"));
    assert_eq!(
        in_2016["programmes"]["family_valued"]["saving_per_family_gbp"]["value"],
        755.0
    );
    let table = from_js(sfpc::web::page::defaults_table(Some("2016-17".into())).expect("table"));
    let row = table
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"] == "programmes.family_valued.saving_per_family_gbp")
        .unwrap();
    assert_eq!(
        (row["published_value"].as_f64(), row["value"].as_f64()),
        (Some(755.0), Some(755.0))
    );
    let errors = from_js(default_scenario(Some("2030-31".into())).expect_err("unknown year"));
    assert_eq!(errors[0]["path"], "price_year");
    assert!(errors[0]["message"].as_str().unwrap().contains("2026-27"));
}

#[wasm_bindgen_test]
fn a_council_sets_its_own_figures_and_every_council_has_a_row() {
    use sfpc::web::councils::{council_count, council_figures, council_rows, councils};
    let list = from_js(councils().expect("councils"));
    assert_eq!(list.as_array().map(Vec::len), Some(153));
    let darlington = from_js(council_figures("E06000005", None).expect("Darlington"));
    assert_eq!(darlington["council_code"], "E06000005");
    // Its unit costs restated into the price year asked for: 2024-25's
    // outturn in 2016-17 prices is less.
    let cost = |figures: &serde_json::Value| {
        figures["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["path"] == "programmes.family_valued.residential_cost_per_week_gbp")
            .unwrap()["value"]
            .as_f64()
            .unwrap()
    };
    let earlier =
        from_js(council_figures("E06000005", Some("2016-17".into())).expect("Darlington"));
    assert!(cost(&earlier) < cost(&darlington));
    // An earlier code of the same council finds it.
    let north_yorkshire = from_js(council_figures("E10000023", None).expect("North Yorkshire"));
    assert_eq!(north_yorkshire["council_code"], "E06000065");
    let entries = darlington["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == "programmes.family_valued.council_entries_to_care_per_year")
        .unwrap();
    assert_eq!(entries["value"], 119.0);
    assert!(council_figures("E06999999", None).is_err());
    assert_eq!(council_count(), 153);
    let s = to_js(&sfpc::evidence::default_scenario_json());
    let rows = from_js(council_rows(s, 0, 2, None, None).expect("rows"));
    assert_eq!(rows.as_array().map(Vec::len), Some(6));
}

#[wasm_bindgen_test]
fn evidence_sets_side_by_side_and_a_set_changes_the_effects() {
    use sfpc::web::evidence_sets::{evidence_set_changes, evidence_sets};
    let s = || to_js(&sfpc::evidence::default_scenario_json());
    let sets = from_js(evidence_sets(s(), "family_safeguarding", 7.0, None).expect("sets"));
    assert_eq!(sets["table"]["rows"].as_array().map(Vec::len), Some(4));
    // The page's own chance for the figures as entered replaces the row's (one chance a scenario).
    let with_yours =
        from_js(evidence_sets(s(), "family_safeguarding", 7.0, Some(0.31)).expect("sets"));
    assert_eq!(with_yours["table"]["rows"][0][3], "31%");
    assert_eq!(with_yours["table"]["rows"][1], sets["table"]["rows"][1]);
    assert_eq!(sets["used"], "the calculator's default effects");
    let changes =
        from_js(evidence_set_changes(s(), "family_safeguarding", "cautious").expect("changes"));
    let plans = changes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == "programmes.family_safeguarding.cp_plan_reduction")
        .unwrap();
    assert_eq!(plans["value"], 0.15);
    assert!(evidence_set_changes(s(), "family_safeguarding", "hopeful").is_err());
}

#[wasm_bindgen_test]
fn the_analysis_module_grades_each_figure_in_use() {
    let s = to_js(&sfpc::evidence::default_scenario_json());
    let grades = from_js(sfpc::web::analysis::figure_grades(s).expect("grades"));
    let fs = &grades["family_safeguarding"];
    assert_eq!(
        fs["evidence_summary"],
        "3 of 4 savings rest on measured evidence; no measured effect for: Children kept out of care (assumed)."
    );
    let plans = fs["figure_grades"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["path"] == "programmes.family_safeguarding.cp_plan_reduction")
        .unwrap();
    assert_eq!(plans["text"], "measured: independent evaluation");
}
