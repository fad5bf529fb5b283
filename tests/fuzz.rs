#![cfg(not(target_arch = "wasm32"))]
//! Fuzzing the input path (scenario formats 1 and 2: the corpus holds both):
//! scenario parser, validation, appraisal, benefit streams, words,
//! charts, the simulation and saved-scenario comparison, with inputs made by
//! mutating the corpus in `tests/fuzz/corpus/` (structure-aware: numbers
//! swapped for extremes, fields dropped, added or retyped, ranges inverted,
//! lists stretched; and byte-level damage to the JSON text).
//!
//! cargo-fuzz needs a nightly compiler, which this machine cannot fetch, so
//! this is a time-boxed random search on the stable one. Every case must end
//! in a result whose figures are all finite, or in errors that each name a
//! field: never a panic, a hang or a NaN. A failing input is written to
//! `target/fuzz-failures/` to be added to the corpus with its regression test.
//!
//! `SFPC_FUZZ_SECONDS` sets the time (default 5; the test command runs 35);
//! `SFPC_FUZZ_SEED` the seed (default: the time, printed); `SFPC_FUZZ_WORKERS`
//! how many searches run at once (default: one a core), the seed, seed + 1, …;
//! `SFPC_FUZZ_SAVE=1` adds valid inputs with new features to the corpus.

use plotters::prelude::{IntoDrawingArea, SVGBackend};
use rand_xoshiro::rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde_json::{json, Value};
use sfpc::charts::{self, ChartScale};
use std::collections::BTreeSet;
use std::io::Write;
use std::time::{Duration, Instant};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz/corpus");
/// Longest a case may take before it counts as a hang (debug build, charts
/// and a simulation included).
const HANG: Duration = Duration::from_secs(10);

const EXTREMES: [f64; 22] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    0.999_999,
    1.000_001,
    2.5,
    30.0,
    31.0,
    1e3,
    1e6,
    1e12,
    1.000_001e12,
    1e15,
    1e300,
    -1e300,
    5e-324,
    1.797e308,
    4_294_967_296.0,
    9_007_199_254_740_993.0,
    0.035,
];

struct Fuzzer {
    rng: Xoshiro256PlusPlus,
}

impl Fuzzer {
    fn below(&mut self, n: usize) -> usize {
        (self.rng.next_u64() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn number(&mut self) -> Value {
        let x = if self.chance(3) {
            f64::from_bits(self.rng.next_u64())
        } else {
            EXTREMES[self.below(EXTREMES.len())]
        };
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }

    fn text(&mut self) -> Value {
        let texts = [
            "",
            "2024-25",
            "1999-00",
            "2024-26",
            "<script>alert(1)</script>",
            "=SUM(A1)",
            "£€ünï",
            "\u{0}\u{202e}",
        ];
        if self.chance(6) {
            return Value::String("x".repeat(self.below(400)));
        }
        Value::String(texts[self.below(texts.len())].into())
    }

    fn replacement(&mut self) -> Value {
        match self.below(10) {
            0..=3 => self.number(),
            4 => self.text(),
            5 => Value::Null,
            6 => Value::Bool(self.chance(2)),
            7 => {
                let n = [0, 1, 2, 30, 31, 200][self.below(6)];
                Value::Array((0..n).map(|_| self.number()).collect())
            }
            8 => json!({ "value": self.number(), "low": self.number(), "high": self.number() }),
            _ => json!({}),
        }
    }

    /// One mutation at a random place in the value.
    fn mutate(&mut self, v: &mut Value, depth: usize) {
        let descend = depth < 6 && !self.chance(4);
        match v {
            Value::Object(map) if descend && !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                let key = keys[self.below(keys.len())].clone();
                match self.below(12) {
                    0 => {
                        map.remove(&key);
                    }
                    1 => {
                        map.insert(format!("unknown_{}", self.below(3)), self.replacement());
                    }
                    _ => self.mutate(map.get_mut(&key).expect("key"), depth + 1),
                }
            }
            Value::Array(items) if descend && !items.is_empty() => match self.below(8) {
                0 => items.truncate(self.below(items.len())),
                1 => {
                    let extra = items[0].clone();
                    items.extend(std::iter::repeat_n(extra, 1 + self.below(30)));
                }
                _ => {
                    let i = self.below(items.len());
                    self.mutate(&mut items[i], depth + 1);
                }
            },
            Value::Number(_) if self.chance(3) => {
                // A range around the number, sometimes inverted.
                *v = json!({ "value": v.clone(), "low": self.number(), "high": self.number() });
            }
            _ => *v = self.replacement(),
        }
    }
}

/// Nothing a person reads may say NaN or infinity.
fn words_ok(text: &str) -> bool {
    !text.contains("NaN") && !text.contains("inf")
}

fn svg<F>(draw: F) -> Result<(), String>
where
    F: FnOnce(
        &plotters::drawing::DrawingArea<SVGBackend, plotters::coord::Shift>,
    ) -> Result<(), charts::ChartError>,
{
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (640, 360)).into_drawing_area();
        draw(&area).map_err(|e| e.to_string())?;
        area.present().map_err(|e| e.to_string())?;
    }
    if words_ok(&out) {
        Ok(())
    } else {
        Err("a chart says NaN or inf".into())
    }
}

fn finite(label: &str, xs: impl IntoIterator<Item = f64>) -> Result<(), String> {
    match xs.into_iter().find(|x| !x.is_finite()) {
        Some(x) => Err(format!("{label} is {x}")),
        None => Ok(()),
    }
}

/// Runs one input through everything it can reach. Returns its features
/// (each rule that failed where, or which programmes were appraised over how
/// long): an input with a feature not seen before joins the pool.
fn run_case(value: &Value, draw: bool, simulate_seed: Option<u64>) -> Result<Vec<String>, String> {
    let scenario = match sfpc::format::parse_scenario(value) {
        Err(errors) => {
            if errors.0.is_empty() {
                return Err("rejected with no error".into());
            }
            for e in &errors.0 {
                if e.path.is_empty() || e.message.is_empty() || !words_ok(&e.message) {
                    return Err(format!("unhelpful error {e:?}"));
                }
            }
            // Which rules failed where: paths without list indices, messages
            // without the value that was given.
            let shape: BTreeSet<String> = errors
                .0
                .iter()
                .map(|e| {
                    let path: String = e.path.chars().filter(|c| !c.is_ascii_digit()).collect();
                    let rule = e.message.split(", got").next().unwrap_or("");
                    let rule: String = rule.chars().filter(|c| !c.is_ascii_digit()).collect();
                    format!("{path}: {rule}")
                })
                .collect();
            return Ok(shape.into_iter().collect());
        }
        Ok(s) => s,
    };
    let appraisal = sfpc::appraisal::appraise(&scenario);
    let horizon = scenario.appraisal.horizon_years;
    for a in &appraisal.programmes {
        finite("yearly figures", a.years.iter().flat_map(|y| y.figures()))?;
        finite(
            "NPVs",
            [
                a.council_npv_gbp,
                a.council_cashable_npv_gbp,
                a.public_npv_gbp,
            ],
        )?;
        for st in &a.streams {
            let each = st.benefits_gbp.iter().copied();
            let totals = [st.pv_gbp, st.after_horizon_gbp];
            finite("streams", each.chain(totals).chain(st.break_even_effect))?;
        }
        finite("payers", a.pv_by_payer().into_iter().map(|(_, pv)| pv))?;
        finite(
            "ratios",
            a.bcr
                .into_iter()
                .chain(a.payback_years)
                .chain(a.break_even_effect),
        )?;
        let words = format!(
            "{:?}{:?}{:?}{:?}{:?}",
            sfpc::display::headlines(a, horizon),
            sfpc::display::chart_summaries(a, horizon),
            sfpc::display::group_readings(a, horizon),
            sfpc::display::streams_table(a),
            sfpc::display::payer_table(a),
        );
        if !words_ok(&words) {
            return Err(format!("words: {words}"));
        }
        if draw {
            svg(|area| charts::draw_yearly_flows(area, a, ChartScale::PLAIN))?;
            svg(|area| charts::draw_cumulative_net(area, a, ChartScale::PLAIN))?;
            svg(|area| charts::draw_who_benefits(area, a, ChartScale::PLAIN))?;
        }
    }
    let table = sfpc::display::appraisal_table(&scenario, &appraisal);
    let csv = sfpc::export::yearly_results_csv(&scenario, &appraisal)
        + &sfpc::export::yearly_streams_csv(&scenario, &appraisal);
    if !words_ok(&table) || !words_ok(&csv) {
        return Err("table or CSV says NaN or inf".into());
    }
    serde_json::to_string(&sfpc::format::appraisal_to_json(&scenario, &appraisal))
        .map_err(|e| e.to_string())?;
    if draw {
        svg(|area| charts::draw_comparison(area, &appraisal, ChartScale::PLAIN))?;
        let saved: Vec<Value> = appraisal
            .programmes
            .iter()
            .take(3)
            .map(|a| {
                json!({
                    "label": "A", "programme": a.programme.key(), "scenario": value,
                })
            })
            .collect();
        if !saved.is_empty() {
            let parsed = sfpc::format::parse_saved_scenarios(&Value::Array(saved))
                .map_err(|e| e.to_string())?;
            let compared = sfpc::comparison::compare(&parsed).map_err(|e| e.to_string())?;
            let words = format!(
                "{:?}{}",
                sfpc::display::scenario_comparison_table(&compared),
                sfpc::display::scenario_comparison_summary(&compared)
            );
            if !words_ok(&words) {
                return Err(format!("comparison words: {words}"));
            }
            svg(|area| charts::draw_scenario_comparison(area, &compared, ChartScale::PLAIN))?;
        }
    }
    if let Some(seed) = simulate_seed {
        let u = sfpc::uncertainty::simulate(
            &scenario,
            sfpc::uncertainty::SimulationConfig { draws: 1000, seed },
        );
        for p in &u.programmes {
            let q = [
                &p.council_npv_gbp,
                &p.council_cashable_npv_gbp,
                &p.public_npv_gbp,
            ];
            finite(
                "percentiles",
                q.iter()
                    .flat_map(|q| [q.p5, q.p10, q.p50, q.p90, q.p95, q.mean]),
            )?;
            finite(
                "probabilities",
                [
                    p.probability_council_npv_positive,
                    p.probability_payback_within_horizon,
                    p.break_even.probability_effect_exceeds.unwrap_or(0.0),
                ],
            )?;
            finite(
                "fan",
                p.fan.iter().flat_map(|f| [f.p10_gbp, f.p50_gbp, f.p90_gbp]),
            )?;
            finite(
                "histogram",
                p.histogram.iter().flat_map(|b| [b.from_gbp, b.to_gbp]),
            )?;
            finite(
                "tornado",
                p.tornado
                    .iter()
                    .flat_map(|t| [t.npv_at_low_gbp, t.npv_at_high_gbp]),
            )?;
            if draw {
                svg(|area| charts::draw_fan(area, p, ChartScale::PLAIN))?;
                svg(|area| charts::draw_npv_histogram(area, p, ChartScale::PLAIN))?;
                svg(|area| charts::draw_tornado(area, p, ChartScale::PLAIN))?;
            }
        }
        if !words_ok(&sfpc::display::uncertainty_table(&u)) {
            return Err("uncertainty table says NaN or inf".into());
        }
    }
    let enabled: Vec<&str> = appraisal
        .programmes
        .iter()
        .map(|a| a.programme.key())
        .collect();
    Ok(vec![format!("appraised {enabled:?} over {horizon} years")])
}

/// Byte-level damage to the JSON text: the text parser must report, not panic.
fn damaged_text(f: &mut Fuzzer, value: &Value) -> String {
    let mut bytes = serde_json::to_vec(value).unwrap_or_default();
    for _ in 0..1 + f.below(4) {
        if bytes.is_empty() {
            break;
        }
        let i = f.below(bytes.len());
        match f.below(3) {
            0 => bytes.truncate(i),
            1 => bytes[i] = f.rng.next_u64() as u8,
            _ => {
                bytes.remove(i);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn save_failure(input: &str, why: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let name = format!("failure-{}.json", sfpc::audit::crc32(input.as_bytes()));
    let _ = std::fs::write(dir.join(&name), input);
    eprintln!("fuzz failure ({why}); input saved as target/fuzz-failures/{name}");
}

fn corpus() -> Vec<(String, Value)> {
    let mut entries: Vec<_> = std::fs::read_dir(CORPUS)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    entries.sort();
    entries
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("corpus file");
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                serde_json::from_str(&text).expect("corpus file is JSON"),
            )
        })
        .collect()
}

/// What one worker's search found.
struct Search {
    seed: u64,
    cases: u64,
    features: usize,
    new_outcomes: usize,
    failures: Vec<String>,
}

#[test]
fn fuzz_the_input_path() {
    let seconds: u64 = env_number("SFPC_FUZZ_SECONDS").unwrap_or(5);
    let seed: u64 = env_number("SFPC_FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    // One search a core, each with its own seed (the first `seed`, then
    // `seed + 1`, …), so the time buys as many cases as a core each; a
    // failure names its worker's seed, which alone reproduces it
    // (`SFPC_FUZZ_SEED=that SFPC_FUZZ_WORKERS=1`).
    let workers: u64 = env_number("SFPC_FUZZ_WORKERS")
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get() as u64))
        .max(1);
    let save = std::env::var("SFPC_FUZZ_SAVE").is_ok_and(|v| v == "1");
    let pool = corpus();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    // Every corpus entry first, with charts and a simulation: the regressions.
    for (name, value) in &pool {
        let features =
            run_case(value, true, Some(1)).unwrap_or_else(|e| panic!("corpus {name}: {e}"));
        seen.extend(features);
    }
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let searches: Vec<Search> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|i| {
                let (pool, seen) = (pool.clone(), seen.clone());
                scope.spawn(move || search(seed.wrapping_add(i), deadline, save, pool, seen))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a fuzz worker panicked outside a case"))
            .collect()
    });
    let mut failures = Vec::new();
    for s in &searches {
        // Written past the test harness's capture, so every run's log has
        // its seeds, not only a failing one's.
        let _ = writeln!(
            std::io::stderr(),
            "fuzz: seed {}, {seconds} s, {} cases, {} features ({} inputs added to the pool), {} failures",
            s.seed, s.cases, s.features, s.new_outcomes, s.failures.len()
        );
        failures.extend(s.failures.iter().map(|f| format!("seed {}: {f}", s.seed)));
    }
    assert!(failures.is_empty(), "{failures:?}");
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|s| s.parse().ok())
}

/// Mutates inputs from `pool` until `deadline`, adding those that reach a
/// new outcome (a feature not in `seen`) to the pool.
fn search(
    seed: u64,
    deadline: Instant,
    save: bool,
    mut pool: Vec<(String, Value)>,
    mut seen: BTreeSet<String>,
) -> Search {
    let mut f = Fuzzer {
        rng: Xoshiro256PlusPlus::seed_from_u64(seed),
    };
    let (mut cases, mut new_outcomes) = (0u64, 0usize);
    let mut failures = Vec::new();
    while Instant::now() < deadline {
        cases += 1;
        let base = pool[f.below(pool.len())].1.clone();
        if f.chance(8) {
            let text = damaged_text(&mut f, &base);
            let result =
                std::panic::catch_unwind(|| sfpc::format::parse_scenario_json(&text).map(|_| ()));
            if result.is_err() {
                save_failure(&text, "panic in the text parser");
                failures.push("panic in the text parser".to_owned());
            }
            continue;
        }
        let mut value = base;
        for _ in 0..1 + f.below(3) {
            f.mutate(&mut value, 0);
        }
        let (draw, sim) = (f.chance(10), f.chance(10).then(|| f.rng.next_u64()));
        let started = Instant::now();
        let result = std::panic::catch_unwind(|| run_case(&value, draw, sim));
        let took = started.elapsed();
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        let features = match result {
            Ok(Ok(features)) if took < HANG => features,
            Ok(Ok(_)) => {
                save_failure(&text, "hang");
                failures.push(format!("took {took:?}"));
                continue;
            }
            Ok(Err(why)) => {
                save_failure(&text, &why);
                failures.push(why);
                continue;
            }
            Err(_) => {
                save_failure(&text, "panic");
                failures.push("panic".to_owned());
                continue;
            }
        };
        let appraised = features.iter().any(|x| x.starts_with("appraised"));
        let novel = features
            .into_iter()
            .fold(false, |novel, x| seen.insert(x) | novel);
        if novel {
            new_outcomes += 1;
            // Only scenarios that passed validation are kept: they reach the
            // model; inputs that fail it are found again in seconds.
            if save && appraised {
                let name = format!("found-{}.json", sfpc::audit::crc32(text.as_bytes()));
                let _ = std::fs::write(std::path::Path::new(CORPUS).join(&name), &text);
            }
            pool.push(("found".into(), value));
        }
    }
    Search {
        seed,
        cases,
        features: seen.len(),
        new_outcomes,
        failures,
    }
}
