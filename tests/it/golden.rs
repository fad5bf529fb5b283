//! Scenario format 1 is a public contract: the golden files in
//! `tests/golden/format1/` (written by the last format-1 engine) must give
//! every field they gave, to the last bit, read as they are and after
//! `sfpc migrate`. See that folder's README.

use serde_json::Value;
use sfpc::format::{parse_scenario_json, scenario_to_json};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/format1");
const DIR_2: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/format2");
const FILES_2: [&str; 3] = ["defaults", "darlington-cautious", "edited"];
const DIR_3: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/format3");
const FILES_3: [&str; 3] = ["defaults", "hertfordshire", "sparse"];
const FILES: [&str; 4] = [
    "defaults",
    "grant-funded",
    "ten-years-fractional",
    "thirty-years",
];

fn read(name: &str) -> String {
    read_in(DIR, name)
}

fn read_in(dir: &str, name: &str) -> String {
    std::fs::read_to_string(format!("{dir}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every field of `old` is in `new` with the same value: numbers compared by
/// their bits (so −0 and 0 differ), lists by length and entry. The header's
/// version fields are left out: they name the engine, not the figures.
fn differences(old: &Value, new: &Value, path: &str, out: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(o), Value::Object(n)) => {
            for (k, v) in o {
                if path.is_empty() && (k == "schema" || k == "engine_version") {
                    continue;
                }
                match n.get(k) {
                    Some(w) => differences(v, w, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Array(o), Value::Array(n)) if o.len() == n.len() => {
            for (i, (v, w)) in o.iter().zip(n).enumerate() {
                differences(v, w, &format!("{path}[{i}]"), out);
            }
        }
        (Value::Number(o), Value::Number(n)) => {
            let bits = |x: &serde_json::Number| x.as_f64().map(f64::to_bits);
            if bits(o) != bits(n) || o.is_f64() != n.is_f64() {
                out.push(format!("{path}: {o} became {n}"));
            }
        }
        (o, n) if o == n => {}
        (o, n) => out.push(format!("{path}: {o} became {n}")),
    }
}

#[track_caller]
fn assert_same(old: &Value, new: &Value, what: &str) {
    let mut out = Vec::new();
    differences(old, new, "", &mut out);
    assert!(
        out.is_empty(),
        "{what}: {} differences, first {:#?}",
        out.len(),
        &out[..out.len().min(5)]
    );
}

/// The results of a golden file without format 4's streams. (The results
/// list every stream of a programme, counted or not; a file older than
/// format 4, or migrated from one, counts none of format 4's, and they are
/// checked to count nothing.)
fn evaluate(text: &str) -> Value {
    let scenario = parse_scenario_json(text).expect("a valid golden file");
    let appraisal = sfpc::appraisal::appraise(&scenario);
    let mut result = sfpc::format::appraisal_to_json(&scenario, &appraisal);
    let schema = 3;
    if scenario.appraisal.conventions == sfpc::scenario::Conventions::Format3 {
        for (key, programme) in result["programmes"].as_object_mut().unwrap() {
            let id = sfpc::registry::ProgrammeId::from_key(key).unwrap();
            let streams = programme["streams"].as_array_mut().unwrap();
            streams.retain(|s| {
                let spec = id
                    .spec()
                    .streams
                    .iter()
                    .find(|t| t.key.key() == s["key"])
                    .unwrap();
                let later = u64::from(spec.since) > schema;
                assert!(!later || (s["included"] == false && s["pv_gbp"] == 0.0));
                !later
            });
        }
    }
    result
}

#[test]
fn format_1_files_keep_every_figure_to_the_last_bit() {
    for name in FILES {
        let old: Value = serde_json::from_str(&read(&format!("{name}.result.json"))).unwrap();
        let scenario = read(&format!("{name}.json"));
        assert_same(&old, &evaluate(&scenario), name);
        // Migrated to the current format: the same figures, and nothing left defaulted.
        let migrated = scenario_to_json(&parse_scenario_json(&scenario).unwrap());
        assert_eq!(migrated["schema"], sfpc::format::SCHEMA_VERSION);
        assert_eq!(migrated["conventions"], "format_3");
        let again = evaluate(&migrated.to_string());
        assert_same(&old, &again, &format!("{name}, migrated"));
        assert_eq!(again["defaulted_fields"], serde_json::json!([]), "{name}");
    }
}

#[test]
fn format_1_files_leave_out_every_later_stream_and_say_what_was_defaulted() {
    let result = evaluate(&read("defaults.json"));
    for id in sfpc::registry::ProgrammeId::ALL {
        let streams = result["programmes"][id.key()]["streams"]
            .as_array()
            .unwrap();
        for (spec, s) in id.spec().streams.iter().zip(streams) {
            assert_eq!(s["key"], spec.key.key());
            assert_eq!(s["included"], spec.since == 1, "{id:?}: {}", s["key"]);
        }
    }
    let defaulted = result["defaulted_fields"].as_array().unwrap();
    assert!(defaulted.contains(&Value::from(
        "programmes.family_valued.care_entry_reduction"
    )));
    assert!(!defaulted.contains(&Value::from(
        "programmes.family_valued.saving_per_family_gbp"
    )));
}

/// A simulated figure (percentile, mean, probability) from the last
/// format-1 engine (2,000 plain Monte Carlo draws) and today's (scrambled
/// Sobol, engine 0.3.0): estimates of one quantity, so they agree within the
/// old run's sampling error, not to the bit. The worst gap, as a share of the
/// old P5 to P95 range (probabilities: in points), is returned.
fn simulated_gap(old: &Value, new: &Value, key: &str, range: f64) -> f64 {
    let old = old[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} in the golden file"));
    let new = new[key].as_f64().unwrap_or_else(|| panic!("{key} today"));
    (new - old).abs() / range
}

#[test]
fn format_1_files_simulate_as_before_to_within_sampling_error() {
    // Deterministic parts (the central case, break-even, the tornado) are
    // exact; the estimates differ by less than the old 2,000 draws' error:
    // a percentile by at most 6% of the P5 to P95 range (about four of the
    // old run's standard errors), a probability by at most 4.5 points (four
    // standard errors of a share of 2,000 at one half).
    for name in ["defaults", "ten-years-fractional"] {
        let old: Value = serde_json::from_str(&read(&format!("{name}.simulation.json"))).unwrap();
        let scenario = parse_scenario_json(&read(&format!("{name}.json"))).unwrap();
        let config = sfpc::uncertainty::SimulationConfig {
            draws: 2000,
            seed: 7,
        };
        let u = sfpc::uncertainty::simulate(&scenario, config);
        let new = sfpc::format::uncertainty_to_json(&scenario, &u);
        for (key, o) in old["programmes"].as_object().unwrap() {
            let n = &new["programmes"][key];
            let at = format!("{name}: {key}");
            for exact in ["name", "central_council_npv_gbp", "fan_draws"] {
                assert_same(&o[exact], &n[exact], &format!("{at}.{exact}"));
            }
            for exact in ["headline_effect_parameter", "break_even_effect"] {
                assert_same(
                    &o["break_even"][exact],
                    &n["break_even"][exact],
                    &format!("{at}.break_even.{exact}"),
                );
            }
            // The tornado now leaves out parameters with no swing (a
            // cashable share, a stream left out); the rest are as they were.
            let mut bars = o["tornado"].as_array().unwrap().clone();
            bars.retain(|b| b["npv_at_low_gbp"] != b["npv_at_high_gbp"]);
            assert_same(&Value::from(bars), &n["tornado"], &format!("{at}.tornado"));
            for npv in ["council_npv_gbp", "public_npv_gbp"] {
                let (o, n) = (&o[npv], &n[npv]);
                let range = (o["p95"].as_f64().unwrap() - o["p5"].as_f64().unwrap()).max(1.0);
                for p in ["p5", "p10", "p50", "p90", "p95", "mean"] {
                    let gap = simulated_gap(o, n, p, range);
                    assert!(
                        gap <= 0.06,
                        "{at}.{npv}.{p}: {:.1}% of the range",
                        gap * 100.0
                    );
                }
            }
            for p in [
                "probability_council_npv_positive",
                "probability_payback_within_horizon",
            ] {
                let gap = simulated_gap(o, n, p, 1.0);
                assert!(gap <= 0.045, "{at}.{p}: {:.1} points", gap * 100.0);
            }
            let gap = simulated_gap(
                &o["break_even"],
                &n["break_even"],
                "probability_effect_exceeds",
                1.0,
            );
            assert!(gap <= 0.045, "{at}.break_even: {:.1} points", gap * 100.0);
        }
    }
}

/// A golden file of format `schema` in `dir`: every figure of its result
/// today and after `sfpc migrate`, which writes format 4 with format 3's
/// conventions. Returns the scenario, read.
fn keeps_every_figure(dir: &str, name: &str, schema: u32) -> sfpc::scenario::Scenario {
    let mut old: Value =
        serde_json::from_str(&read_in(dir, &format!("{name}.result.json"))).unwrap();
    let scenario = read_in(dir, &format!("{name}.json"));
    assert_eq!(
        serde_json::from_str::<Value>(&scenario).unwrap()["schema"],
        schema
    );
    let new = evaluate(&scenario);
    only_later_fields_added(&mut old, &new, schema, name);
    assert_same(&old, &new, name);
    let parsed = parse_scenario_json(&scenario).unwrap();
    let migrated = scenario_to_json(&parsed);
    assert_eq!(migrated["schema"], sfpc::format::SCHEMA_VERSION);
    assert_eq!(migrated["conventions"], "format_3");
    let again = evaluate(&migrated.to_string());
    old["defaulted_fields"] = serde_json::json!([]);
    assert_same(&old, &again, &format!("{name}, migrated"));
    parsed
}

#[test]
fn format_2_files_keep_every_figure_to_the_last_bit() {
    // Written by the last format-2 engine (see tests/golden/format2/README.md):
    // a format-2 file has one team or hub and none repurposed, so every
    // figure stays; only the list of fields it leaves out grows by later
    // formats' fields.
    for name in FILES_2 {
        keeps_every_figure(DIR_2, name, 2);
    }
}

/// The fields a file leaves out grow only by those later formats added:
/// checks so, and makes `old`'s list the new one's.
fn only_later_fields_added(old: &mut Value, new: &Value, schema: u32, name: &str) {
    let was = old["defaulted_fields"].as_array().unwrap().clone();
    for f in new["defaulted_fields"].as_array().unwrap() {
        if was.contains(f) {
            continue;
        }
        let path = f.as_str().unwrap();
        let (programme, field) = path
            .strip_prefix("programmes.")
            .and_then(|p| p.split_once('.'))
            .unwrap();
        let id = sfpc::registry::ProgrammeId::from_key(programme).unwrap();
        let field = sfpc::registry::Field::from_key(field).unwrap();
        let since = id.spec().param(field).unwrap().since;
        assert!(
            since > schema,
            "{name}: {path} (format {since}) newly defaulted"
        );
    }
    old["defaulted_fields"] = new["defaulted_fields"].clone();
}

#[test]
fn format_3_files_keep_every_figure_and_every_draw_to_the_last_bit() {
    // Written by the last format-3 engine (see tests/golden/format3/README.md).
    // Format 4 changed defaults a format-3 file may leave out (`sparse`
    // leaves out all it may), added fields and streams and the Green Book's
    // conventions: a format-3 file has none of them, so every figure stays,
    // and so does every draw of the simulation.
    for name in FILES_3 {
        let parsed = keeps_every_figure(DIR_3, name, 3);
        let config = sfpc::uncertainty::SimulationConfig {
            draws: 2000,
            seed: 7,
        };
        let simulated = sfpc::format::uncertainty_to_json(
            &parsed,
            &sfpc::uncertainty::simulate(&parsed, config),
        );
        let old_simulated: Value =
            serde_json::from_str(&read_in(DIR_3, &format!("{name}.simulation.json"))).unwrap();
        assert_same(&old_simulated, &simulated, &format!("{name}, simulated"));
    }
}
