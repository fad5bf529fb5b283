//! Invariants that hold for every valid scenario.

use crate::support::{evaluate_one, neutral_common, own_fields, scenario};
use proptest::prelude::*;
use serde_json::{json, Value};
use sfpc::appraisal::{CouncilRoi, ProgrammeAppraisal};

const PROGRAMMES: [&str; 3] = ["family_valued", "family_safeguarding", "no_wrong_door"];

/// Each programme's headline effect and cohort size fields.
fn effect_and_cohort(programme: &str) -> (&'static str, &'static str) {
    match programme {
        "family_valued" => ("saving_per_family_gbp", "families_per_year"),
        "family_safeguarding" => ("cp_plan_reduction", "children_on_cp_plans"),
        _ => ("residential_time_reduction", "young_people_in_residential"),
    }
}

fn is_fraction(field: &str) -> bool {
    field.contains("reduction") || field == "deadweight" || field == "optimism_bias"
}

/// Amounts from nothing to the largest accepted, weighted to ordinary sizes.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![4 => 0.0..1e7, 1 => 0.0..=1e12, 1 => Just(0.0)]
}

fn fraction() -> impl Strategy<Value = f64> {
    prop_oneof![4 => 0.0..=1.0, 1 => Just(0.0), 1 => Just(1.0)]
}

/// A valid programme: every field random, some as ranges.
fn any_programme_fields(programme: &'static str) -> impl Strategy<Value = Value> {
    let mut fields = neutral_common();
    for (k, v) in own_fields(programme).as_object().unwrap() {
        fields[k] = v.clone();
    }
    let numeric: Vec<String> = fields
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| v.is_number())
        .map(|(k, _)| k.clone())
        .collect();
    let values: Vec<BoxedStrategy<Value>> = numeric
        .iter()
        .map(|k| {
            let base = if is_fraction(k) {
                fraction().boxed()
            } else {
                amount().boxed()
            };
            (base, any::<bool>())
                .prop_map(|(x, ranged)| {
                    if ranged {
                        json!({ "value": x, "low": x * 0.5, "high": x })
                    } else {
                        json!(x)
                    }
                })
                .boxed()
        })
        .collect();
    let lists = (
        prop::collection::vec(amount(), 0..8),
        prop::collection::vec(fraction(), 1..8),
    );
    (values, lists).prop_map(move |(values, (grant, ramp))| {
        let mut f = fields.clone();
        for (k, v) in numeric.iter().zip(values) {
            f[k] = v;
        }
        f["grant_by_year_gbp"] = json!(grant);
        f["ramp_up"] = json!(ramp);
        f
    })
}

fn any_scenario() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(PROGRAMMES.to_vec()),
        1u32..=30,
        0.0..=1.0f64,
    )
        .prop_flat_map(|(programme, horizon, rate)| {
            any_programme_fields(programme).prop_map(move |fields| {
                json!({
                    "schema": 1, "council": "Property council", "price_year": "2024-25",
                    "appraisal": { "horizon_years": horizon, "discount_rate": rate },
                    "programmes": { programme: fields }
                })
            })
        })
}

fn all_finite(a: &ProgrammeAppraisal) -> bool {
    let rows = a
        .years
        .iter()
        .all(|y| y.figures().iter().all(|x| x.is_finite()));
    let roi = match a.council_roi {
        CouncilRoi::Ratio(r) => r.is_finite(),
        CouncilRoi::FullyGrantFunded => true,
    };
    rows && roi
        && a.council_npv_gbp.is_finite()
        && a.public_npv_gbp.is_finite()
        && a.bcr.is_none_or(f64::is_finite)
        && a.payback_years.is_none_or(f64::is_finite)
        && a.break_even_effect.is_none_or(f64::is_finite)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_valid_scenario_gives_finite_results(s in any_scenario()) {
        let a = evaluate_one(&s);
        prop_assert!(all_finite(&a), "{a:#?}");
        prop_assert_eq!(a.years.len() as u64, s["appraisal"]["horizon_years"].as_u64().unwrap());
    }

    #[test]
    fn zero_effect_gives_zero_benefits(s in any_scenario()) {
        let mut s = s;
        let (programme, _) = s["programmes"].as_object().unwrap().iter().next().map(|(k, v)| (k.clone(), v.clone())).unwrap();
        let (effect, _) = effect_and_cohort(&programme);
        s["programmes"][&programme][effect] = json!(0);
        let a = evaluate_one(&s);
        prop_assert!(a.years.iter().all(|y| y.benefits_gbp == 0.0));
    }

    #[test]
    fn more_discounting_never_raises_npv_of_positive_future_flows(
        families in 0.0..1e5f64,
        saving in 0.0..1e4f64,
        setup in 0.0..1e7f64,
        grant in prop::collection::vec(0.0..1e6f64, 0..6),
        ramp in prop::collection::vec(0.0..=1.0f64, 1..6),
        horizon in 1u32..=30,
        (low_rate, high_rate) in (0.0..=1.0f64, 0.0..=1.0f64).prop_map(|(a, b)| (a.min(b), a.max(b))),
    ) {
        // No running or conference costs: every year after year 0 nets
        // benefits + grant >= 0, so a higher rate can only shrink their value.
        let fields = json!({
            "families_per_year": families, "saving_per_family_gbp": saving,
            "setup_cost_gbp": setup, "grant_by_year_gbp": grant, "ramp_up": ramp
        });
        let low = evaluate_one(&scenario("family_valued", horizon, low_rate, fields.clone()));
        let high = evaluate_one(&scenario("family_valued", horizon, high_rate, fields));
        prop_assert!(low.years.iter().skip(1).all(|y| y.council_net_gbp >= 0.0));
        let tolerance = 1e-9 * low.council_npv_gbp.abs().max(1.0);
        prop_assert!(high.council_npv_gbp <= low.council_npv_gbp + tolerance,
            "rate {low_rate} gives {}, rate {high_rate} gives {}", low.council_npv_gbp, high.council_npv_gbp);
    }

    #[test]
    fn benefits_scale_linearly_with_the_cohort(s in any_scenario(), k in 0.0..10.0f64) {
        let programme = s["programmes"].as_object().unwrap().keys().next().unwrap().clone();
        let (_, cohort) = effect_and_cohort(&programme);
        let mut base = s.clone();
        base["programmes"][&programme][cohort] = json!(100.0);
        let mut scaled = s;
        scaled["programmes"][&programme][cohort] = json!(100.0 * k);
        let a = evaluate_one(&base);
        let b = evaluate_one(&scaled);
        for (x, y) in a.years.iter().zip(&b.years) {
            let expected = x.benefits_gbp * k;
            prop_assert!((y.benefits_gbp - expected).abs() <= 1e-9 * expected.abs().max(1.0),
                "year {}: {} × {k} != {}", x.year, x.benefits_gbp, y.benefits_gbp);
        }
    }
}

/// The corners the hardening issue names: every count and cost at 1e12 over
/// 30 years at a zero discount rate, and every figure zero. Both appraise and
/// simulate to finite figures.
#[test]
fn extreme_scenarios_give_finite_results() {
    for name in ["huge.json", "all-zero.json"] {
        let path = format!("{}/tests/fuzz/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let scenario = sfpc::format::parse_scenario_json(&text).expect("valid");
        let appraisal = sfpc::appraisal::appraise(&scenario);
        assert_eq!(appraisal.programmes.len(), 3, "{name}");
        for a in &appraisal.programmes {
            let figures = a.years.iter().flat_map(|y| y.figures());
            let measures = [a.council_npv_gbp, a.public_npv_gbp];
            assert!(figures.chain(measures).all(f64::is_finite), "{name}");
            assert!(
                a.bcr
                    .into_iter()
                    .chain(a.break_even_effect)
                    .all(f64::is_finite),
                "{name}"
            );
        }
        let config = sfpc::uncertainty::SimulationConfig {
            draws: 1000,
            seed: 3,
        };
        let u = sfpc::uncertainty::simulate(&scenario, config);
        for p in &u.programmes {
            let q = &p.council_npv_gbp;
            assert!(
                [q.p5, q.p50, q.p95, q.mean].iter().all(|x| x.is_finite()),
                "{name}"
            );
        }
    }
}
