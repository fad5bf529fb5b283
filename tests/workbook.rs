#![cfg(not(target_arch = "wasm32"))]
//! The Excel workbook recomputes the appraisal: recalculated in a real
//! spreadsheet engine (LibreOffice, headless, through its UNO bridge:
//! `tests/workbook/recalc.py`), every Summary figure equals the engine's, for
//! the defaults and for varied scenarios, and again after an input cell is
//! changed in the workbook. The Summary's cells are formulas in the file's
//! XML, and a council's name that looks like a formula stays text.
//!
//! Needs LibreOffice Calc and Debian's python3 with `uno` (packages
//! libreoffice-calc-nogui and python3-uno), which `scripts/test.sh` installs.

use serde_json::{json, Value};
use sfpc::appraisal::{appraise, CouncilRoi, ProgrammeAppraisal};
use sfpc::evidence::{default_scenario_in, default_scenario_json};
use sfpc::format::parse_scenario;
use sfpc::prices::PriceYear;
use sfpc::scenario::Scenario;
use sfpc::workbook::summary::{FIRST_MODEL_ROW, HEADLINES};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Debian's python3, which has LibreOffice's `uno` module.
fn python() -> String {
    std::env::var("SFPC_UNO_PYTHON").unwrap_or_else(|_| "/usr/bin/python3".into())
}

fn scenario(edit: impl FnOnce(&mut Value)) -> Scenario {
    let mut s = default_scenario_json();
    edit(&mut s);
    parse_scenario(&s).expect("a valid scenario")
}

fn write_workbook(dir: &Path, name: &str, s: &Scenario) -> PathBuf {
    let bytes = sfpc::workbook::workbook(s, &appraise(s), None).expect("a workbook");
    let path = dir.join(format!("{name}.xlsx"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The scenarios the workbook is checked on.
fn varied() -> Vec<(&'static str, Scenario)> {
    vec![
        ("defaults", sfpc::evidence::default_scenario_model()),
        (
            "ten-years-undiscounted",
            scenario(|s| {
                s["appraisal"] = json!({ "horizon_years": 10, "discount_rate": 0.0 });
                s["programmes"]["no_wrong_door"]["enabled"] = json!(false);
            }),
        ),
        (
            "one-year",
            scenario(|s| s["appraisal"]["horizon_years"] = json!(1)),
        ),
        (
            "three-hubs-one-repurposed",
            scenario(|s| {
                let nwd = &mut s["programmes"]["no_wrong_door"];
                nwd["service_units"] = json!(3);
                nwd["repurposed_units"] = json!(1);
                s["programmes"]["family_safeguarding"]["service_units"] = json!(2);
            }),
        ),
        (
            "grant-funded",
            scenario(|s| {
                let fs = &mut s["programmes"]["family_safeguarding"];
                fs["grant_by_year_gbp"] = json!([5_000_000, 5_000_000, 5_000_000]);
                fs["running_cost_per_year_gbp"] = json!(900_000);
            }),
        ),
        (
            "thirty-years-staff-and-a-stream-left-out",
            scenario(|s| {
                s["appraisal"] = json!({ "horizon_years": 30, "discount_rate": 0.025 });
                let fv = &mut s["programmes"]["family_valued"];
                fv["staff"] = json!([
                    { "role": "FGC coordinator", "fte": 6.5, "cost_per_fte_gbp": 45_000 },
                    { "role": "=Manager", "fte": 1, "cost_per_fte_gbp": 60_000 }
                ]);
                fv["excluded_streams"] = json!(["care_proceedings"]);
                fv["care_years"] = json!({ "value": 7.5, "low": 1, "high": 9 });
                fv["ramp_up"] = json!([0.2, 0.6]);
            }),
        ),
        ("cautious-never-pays-back", {
            let mut s = sfpc::evidence::default_scenario_model();
            let year = s.price_year;
            for p in &mut s.programmes {
                sfpc::evidence_sets::apply(sfpc::evidence_sets::SetKey::Cautious, p, year);
            }
            s
        }),
        // A format-3 file keeps format 3's conventions (care from the start
        // of a year, undiscounted payback) in the workbook too.
        ("format-3-hertfordshire", {
            let text = std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/golden/format3/hertfordshire.json"
            ))
            .unwrap();
            sfpc::format::parse_scenario_json(&text).unwrap()
        }),
        ("darlington-2016-17", {
            let mut s = default_scenario_in(PriceYear::parse("2016-17").unwrap());
            sfpc::evidence::apply_council(&mut s, sfpc::councils::find("E06000005").unwrap());
            s
        }),
    ]
}

fn summary_job(file: &Path, programmes: usize) -> Value {
    json!({
        "file": file,
        "names": ["council_name"],
        "summary": { "sheet": "Summary", "first_row": FIRST_MODEL_ROW, "rows": programmes, "cols": HEADLINES.len() },
    })
}

fn recalculate(jobs: &[Value]) -> Vec<Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/workbook/recalc.py");
    let mut child = Command::new(python())
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{} could not run ({e}): install libreoffice-calc-nogui and python3-uno (scripts/test.sh does)", python()));
    let input = json!({ "jobs": jobs }).to_string();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "recalc.py failed: is LibreOffice installed (libreoffice-calc-nogui, python3-uno)?"
    );
    let answer: Value = serde_json::from_slice(&out.stdout).expect("recalc.py's JSON");
    answer["results"].as_array().unwrap().clone()
}

/// Asserts one recalculated Summary row equals the engine's appraisal.
fn assert_row(what: &str, row: &[Value], a: &ProgrammeAppraisal) {
    assert_eq!(row[0]["text"], a.programme.name(), "{what}");
    let money = [
        a.council_npv_gbp,
        a.council_cashable_npv_gbp,
        a.public_npv_gbp,
    ];
    for (i, want) in money.iter().enumerate() {
        let got = row[1 + i]["value"]
            .as_f64()
            .unwrap_or_else(|| panic!("{what}: {} is {}", HEADLINES[i], row[1 + i]));
        assert!(
            (got - want).abs() < 0.005,
            "{what} {}: {} against {want}",
            HEADLINES[i],
            got
        );
    }
    let close = |cell: &Value, want: f64, label: &str| {
        let got = cell["value"]
            .as_f64()
            .unwrap_or_else(|| panic!("{what}: {label} is {cell}"));
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{what} {label}: {got} against {want}"
        );
    };
    match a.bcr {
        Some(b) => close(&row[4], b, "BCR"),
        None => assert_eq!(row[4]["text"], "no costs", "{what}"),
    }
    match a.council_roi {
        CouncilRoi::Ratio(r) => close(&row[5], r, "ROI"),
        CouncilRoi::FullyGrantFunded => assert_eq!(row[5]["text"], "fully grant-funded", "{what}"),
    }
    match a.payback_years {
        Some(p) => close(&row[6], p, "payback"),
        None => assert_eq!(row[6]["text"], "not within the period", "{what}"),
    }
}

fn assert_summary(what: &str, answer: &Value, expected: &Scenario) {
    assert_eq!(
        answer["opened"], true,
        "{what}: LibreOffice could not open it"
    );
    assert_eq!(answer["errors"], json!([]), "{what}: formula errors");
    let rows = answer["summary"].as_array().unwrap();
    let appraisal = appraise(expected);
    assert_eq!(rows.len(), appraisal.programmes.len());
    for (row, a) in rows.iter().zip(&appraisal.programmes) {
        assert_row(what, row.as_array().unwrap(), a);
    }
}

#[test]
fn the_workbook_recomputes_the_appraisal_in_libreoffice() {
    let dir = std::env::temp_dir().join(format!("sfpc-workbook-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenarios = varied();
    let mut jobs: Vec<Value> = scenarios
        .iter()
        .map(|(name, s)| summary_job(&write_workbook(&dir, name, s), s.enabled().count()))
        .collect();
    // Inputs changed in the workbook: an effect size, the price year (every
    // untouched default restated through the Prices sheet), a staff line.
    let defaults = dir.join("defaults.xlsx");
    let mut changed = Vec::new();
    let mut job = summary_job(&defaults, 3);
    job["set"] = json!({ "FS_cp_plan_reduction": 0.45 });
    changed.push((
        job,
        scenario(|s| {
            s["programmes"]["family_safeguarding"]["cp_plan_reduction"]["value"] = json!(0.45)
        }),
    ));
    let mut job = summary_job(&defaults, 3);
    job["set"] = json!({ "price_year": "2019-20" });
    changed.push((
        job,
        default_scenario_in(PriceYear::parse("2019-20").unwrap()),
    ));
    let mut job = summary_job(
        &dir.join("thirty-years-staff-and-a-stream-left-out.xlsx"),
        3,
    );
    job["set"] = json!({ "FV_staff_1_fte": 3 });
    let mut with_staff = scenarios[5].1.clone();
    with_staff.programmes[0].staff[0].fte = 3.0;
    changed.push((job, with_staff));
    // A council's name that looks like a formula.
    let named = |council: &str| scenario(|s| s["council"] = json!(council));
    let tricky = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1"];
    for (i, council) in tricky.iter().enumerate() {
        let path = write_workbook(&dir, &format!("named-{i}"), &named(council));
        jobs.push(summary_job(&path, 3));
    }
    jobs.extend(changed.iter().map(|(job, _)| job.clone()));

    let answers = recalculate(&jobs);
    for ((name, s), answer) in scenarios.iter().zip(&answers) {
        assert_summary(name, answer, s);
    }
    for (i, council) in tricky.iter().enumerate() {
        let answer = &answers[scenarios.len() + i];
        assert_summary(council, answer, &named(council));
        let cell = &answer["names"]["council_name"];
        assert_eq!(
            (cell["type"].as_str(), cell["string"].as_str()),
            (Some("TEXT"), Some(*council))
        );
    }
    for (i, (job, expected)) in changed.iter().enumerate() {
        let answer = &answers[scenarios.len() + tricky.len() + i];
        assert_summary(&job["set"].to_string(), answer, expected);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The files of an .xlsx, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap_or_default();
            (f.name().map(|n| n.to_string()).unwrap_or_default(), text)
        })
        .collect()
}

#[test]
fn the_summary_holds_formulas_and_the_file_has_no_macros_or_links() {
    let s = scenario(|s| s["council"] = json!("=HYPERLINK(\"http://x\",\"y\")"));
    let bytes = sfpc::workbook::workbook(&s, &appraise(&s), None).unwrap();
    let files = unzip(&bytes);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("vbaProject") || n.contains("externalLink")),
        "{names:?}"
    );
    let sheet = |i: usize| {
        &files
            .iter()
            .find(|(n, _)| n == &format!("xl/worksheets/sheet{i}.xml"))
            .unwrap()
            .1
    };
    // Summary (sheet 1): each model's six headlines are formulas.
    let summary = sheet(1);
    for row in FIRST_MODEL_ROW + 1..FIRST_MODEL_ROW + 4 {
        for col in ['B', 'C', 'D', 'E', 'F', 'G'] {
            let start = summary
                .find(&format!("<c r=\"{col}{row}\""))
                .unwrap_or_else(|| panic!("{col}{row} missing"));
            let end = start + summary[start..].find("</c>").unwrap();
            assert!(
                summary[start..end].contains("<f>"),
                "{col}{row} is not a formula: {}",
                &summary[start..end]
            );
        }
    }
    // The council's name is a string wherever it stands, never a formula.
    for (name, xml) in files
        .iter()
        .filter(|(n, _)| n.starts_with("xl/worksheets/"))
    {
        assert!(
            !xml.contains("<f>HYPERLINK"),
            "{name} has the name as a formula"
        );
    }
    let strings = &files
        .iter()
        .find(|(n, _)| n == "xl/sharedStrings.xml")
        .unwrap()
        .1;
    assert!(
        strings.contains("<t>=HYPERLINK(\"http://x\",\"y\")</t>"),
        "{strings}"
    );
    // Issue 25: the verdict in the engine's words, and the payback in words
    // right-aligned in a wider column, apart from the percentage beside it.
    assert!(strings.contains("<t>Verdict</t>"), "{strings}");
    assert!(strings.contains("over 5 years the council is"), "{strings}");
    let styles = &files.iter().find(|(n, _)| n == "xl/styles.xml").unwrap().1;
    assert!(styles.contains("horizontal=\"right\""), "{styles}");
    assert!(summary.contains("width=\"24.7109375\""), "{summary}");
    // Formulas carry no cached result, so spreadsheets compute them on opening.
    for (name, xml) in files
        .iter()
        .filter(|(n, _)| n.starts_with("xl/worksheets/"))
    {
        for (at, _) in xml.match_indices("</f><v>") {
            assert!(
                xml[at + 7..].starts_with("</v>"),
                "{name}: a cached result at {at}"
            );
        }
    }
    let workbook_xml = &files
        .iter()
        .find(|(n, _)| n == "xl/workbook.xml")
        .unwrap()
        .1;
    assert!(
        workbook_xml.contains("<definedName name=\"FS_cp_plan_reduction\">Inputs!$C$"),
        "{workbook_xml}"
    );
}

/// The formulas are the registry's terms written out: every yearly stream
/// has one, and two are the products worked by hand (a difference, and a
/// weekly cost made yearly).
#[test]
fn every_yearly_stream_has_its_terms_as_a_formula() {
    use sfpc::registry::{ProgrammeId, StreamKey, StreamKind};
    for programme in ProgrammeId::ALL {
        for stream in programme.spec().streams {
            let formula = sfpc::workbook::streams::full_effect(programme, stream.key);
            match stream.kind {
                StreamKind::YearlySaving(_) => {
                    assert!(formula.is_some(), "{programme:?} {:?}", stream.key)
                }
                StreamKind::EntriesToCareAvoided => assert!(formula.is_none()),
            }
        }
    }
    let formula = |p, s| sfpc::workbook::streams::full_effect(p, s).unwrap();
    assert_eq!(
        formula(ProgrammeId::FamilySafeguarding, StreamKey::CpPlans),
        "FS_cp_plan_reduction*(FS_children_on_cp_plans*(FS_cost_per_cp_plan_year_gbp-FS_child_in_need_case_work_cost_per_year_gbp))"
    );
    assert_eq!(
        formula(ProgrammeId::NoWrongDoor, StreamKey::ResidentialWeeks),
        "NWD_residential_time_reduction*(NWD_young_people_in_residential*(365/7)*(NWD_residential_cost_per_week_gbp-NWD_alternative_cost_per_week_gbp))"
    );
}

#[test]
fn a_simulated_workbook_has_the_decide_sheet_with_the_engines_figures() {
    let s = scenario(|_| {});
    let config = sfpc::uncertainty::SimulationConfig {
        draws: 2_048,
        seed: 9,
    };
    let u = sfpc::uncertainty::simulate(&s, config);
    let bytes = sfpc::workbook::workbook(&s, &appraise(&s), Some(&u)).unwrap();
    let files = unzip(&bytes);
    let book = &files
        .iter()
        .find(|(n, _)| n == "xl/workbook.xml")
        .unwrap()
        .1;
    assert!(book.contains("name=\"Decide\""), "{book}");
    // Sheet 6 (after Uncertainty): each model's EVPI, unrounded, as a number.
    let decide = &files
        .iter()
        .find(|(n, _)| n == "xl/worksheets/sheet6.xml")
        .unwrap()
        .1;
    for p in &u.programmes {
        let evpi = format!("<v>{}</v>", p.decision.evpi_gbp);
        assert!(decide.contains(&evpi), "{:?}: {evpi}", p.programme);
    }
}
