//! Invariants that hold for every valid scenario, with scenarios generated
//! from the registry: every field of a programme drawn by its rule and shape.

use crate::support::{evaluate_one, registry_defaults, scenario};
use proptest::prelude::*;
use serde_json::{json, Value};
use sfpc::appraisal::{CouncilRoi, ProgrammeAppraisal};
use sfpc::registry::{Field, ProgrammeId, Rule, Shape};

/// Amounts from nothing to the largest accepted, weighted to ordinary sizes.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![4 => 0.0..1e7, 1 => 0.0..=1e12, 1 => Just(0.0)]
}

fn fraction() -> impl Strategy<Value = f64> {
    prop_oneof![4 => 0.0..=1.0, 1 => Just(0.0), 1 => Just(1.0)]
}

fn by_rule(rule: Rule) -> BoxedStrategy<f64> {
    match rule {
        Rule::Fraction => fraction().boxed(),
        Rule::CareYears => prop_oneof![0.0..=18.0, Just(2.5), Just(0.0)].boxed(),
        _ => amount().boxed(),
    }
}

/// A value for a ranged field: sometimes a range around it.
fn ranged(rule: Rule) -> BoxedStrategy<Value> {
    (by_rule(rule), any::<bool>())
        .prop_map(|(x, ranged)| {
            if ranged {
                json!({ "value": x, "low": x * 0.5, "high": x })
            } else {
                json!(x)
            }
        })
        .boxed()
}

const SHARES: [Field; 4] = [
    Field::ShareInHouseFoster,
    Field::ShareAgencyFoster,
    Field::ShareResidential,
    Field::ShareKinshipOther,
];

/// The service's size: whole numbers, drawn apart.
const UNITS: [Field; 2] = [Field::ServiceUnits, Field::RepurposedUnits];

/// A valid programme: every numeric field random by its rule, placement
/// shares that add up to 1, some streams left out, some staff.
fn any_programme_fields(id: ProgrammeId) -> impl Strategy<Value = Value> {
    let spec = id.spec();
    let numeric: Vec<(Field, Rule)> = spec
        .params
        .iter()
        .filter(|p| {
            p.shape == Shape::Ranged
                || (p.shape == Shape::Plain
                    && !SHARES.contains(&p.field)
                    && !UNITS.contains(&p.field))
        })
        .map(|p| (p.field, p.rule))
        .collect();
    let values: Vec<BoxedStrategy<Value>> = numeric.iter().map(|&(_, rule)| ranged(rule)).collect();
    let streams: Vec<&'static str> = spec.streams.iter().map(|s| s.key.key()).collect();
    let lists = (
        prop::collection::vec(amount(), 0..8),
        prop::collection::vec(fraction(), 1..8),
        prop::collection::vec(0.01..1.0f64, 4),
        prop::collection::vec(any::<bool>(), streams.len()),
        prop::collection::vec((0.0..20.0f64, 0.0..1e5f64), 0..3),
        (1u32..=4, 0u32..=4),
    );
    (values, lists).prop_map(move |(values, (grant, ramp, shares, excluded, staff, units))| {
        let mut f = registry_defaults(id.key());
        for (&(field, _), v) in numeric.iter().zip(values) {
            f[field.key()] = v;
        }
        let total: f64 = shares.iter().sum();
        for (field, share) in SHARES.iter().zip(&shares) {
            f[field.key()] = json!(share / total);
        }
        f["service_units"] = json!(units.0);
        f["repurposed_units"] = json!(units.1.min(units.0));
        f["grant_by_year_gbp"] = json!(grant);
        f["ramp_up"] = json!(ramp);
        let out: Vec<&str> = streams.iter().zip(&excluded).filter(|(_, &x)| x).map(|(s, _)| *s).collect();
        f["excluded_streams"] = json!(out);
        let lines: Vec<Value> = staff
            .iter()
            .map(|(fte, cost)| json!({ "role": "Social worker", "fte": fte, "cost_per_fte_gbp": cost }))
            .collect();
        f["staff"] = json!(lines);
        f
    })
}

fn any_scenario() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(ProgrammeId::ALL.to_vec()),
        1u32..=30,
        0.0..=1.0f64,
    )
        .prop_flat_map(|(id, horizon, rate)| {
            any_programme_fields(id).prop_map(move |fields| {
                json!({
                    "schema": sfpc::format::SCHEMA_VERSION, "council": "Property council", "price_year": "2024-25",
                    "appraisal": { "horizon_years": horizon, "discount_rate": rate },
                    "programmes": { id.key(): fields }
                })
            })
        })
}

fn all_finite(a: &ProgrammeAppraisal) -> bool {
    let rows = a
        .years
        .iter()
        .all(|y| y.figures().iter().all(|x| x.is_finite()));
    let streams = a.streams.iter().all(|s| {
        s.benefits_gbp.iter().all(|x| x.is_finite())
            && s.pv_gbp.is_finite()
            && s.after_horizon_gbp.is_finite()
            && s.break_even_effect.is_none_or(f64::is_finite)
    });
    let roi = match a.council_roi {
        CouncilRoi::Ratio(r) => r.is_finite(),
        CouncilRoi::FullyGrantFunded => true,
    };
    rows && streams
        && roi
        && a.council_npv_gbp.is_finite()
        && a.council_cashable_npv_gbp.is_finite()
        && a.public_npv_gbp.is_finite()
        && a.bcr.is_none_or(f64::is_finite)
        && a.payback_years.is_none_or(f64::is_finite)
        && a.break_even_effect.is_none_or(f64::is_finite)
}

/// `x` and `y` agree to 1e-9 of the larger figure involved.
fn close(x: f64, y: f64, scale: f64) -> bool {
    (x - y).abs() <= 1e-9 * scale.abs().max(x.abs()).max(y.abs()).max(1.0)
}

fn only_programme(s: &Value) -> String {
    s["programmes"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone()
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
    fn streams_add_up_to_the_totals_and_payers_to_all_benefits(s in any_scenario()) {
        let a = evaluate_one(&s);
        for (t, y) in a.years.iter().enumerate() {
            let (mut council, mut partner, mut cashable) = (0.0, 0.0, 0.0);
            for st in &a.streams {
                let v = st.benefits_gbp[t];
                if st.payer.is_council() {
                    council += v;
                    cashable += st.cashable_fraction * v;
                } else {
                    partner += v;
                }
            }
            let scale = a.streams.iter().map(|st| st.benefits_gbp[t].abs()).sum::<f64>();
            prop_assert!(close(council, y.benefits_gbp, scale), "year {t}: {council} vs {}", y.benefits_gbp);
            prop_assert!(close(partner, y.partner_benefits_gbp, scale), "year {t}: {partner} vs {}", y.partner_benefits_gbp);
            prop_assert!(close(cashable, y.cashable_benefits_gbp, scale), "year {t}");
        }
        let pv = &a.present_values;
        let by_payer: f64 = a.pv_by_payer().iter().map(|(_, v)| v).sum();
        let scale = a.streams.iter().map(|st| st.pv_gbp.abs()).sum::<f64>();
        prop_assert!(close(by_payer, pv.benefits_gbp + pv.partner_benefits_gbp, scale));
        prop_assert!(a.streams.iter().all(|st| st.included || st.pv_gbp == 0.0));
    }

    #[test]
    fn council_npv_is_zero_at_each_effects_break_even(s in any_scenario()) {
        // NPV is linear in each effect, so setting one to its break-even value
        // (others held) gives NPV 0, to the rounding of the sums involved.
        let a = evaluate_one(&s);
        let programme = only_programme(&s);
        for st in a.streams.iter().filter(|st| st.included) {
            let Some(be) = st.break_even_effect else { continue };
            // Only where the break-even is a value the field may take.
            let id = ProgrammeId::from_key(&programme).unwrap();
            let rule = id.spec().param(st.effect_field).unwrap().rule;
            if rule.check(be).is_err() {
                continue;
            }
            let mut at = s.clone();
            at["programmes"][&programme][st.effect_field.key()] = json!(be);
            let b = evaluate_one(&at);
            let pv = &a.present_values;
            let scale = pv.benefits_gbp.abs() + pv.costs_gbp + pv.grant_gbp + st.pv_gbp.abs();
            prop_assert!(close(b.council_npv_gbp, 0.0, scale),
                "{:?}: NPV {} at break-even {be} (scale {scale})", st.stream, b.council_npv_gbp);
        }
    }

    #[test]
    fn zero_effect_gives_zero_savings_from_that_stream(s in any_scenario()) {
        let programme = only_programme(&s);
        let a = evaluate_one(&s);
        for st in &a.streams {
            let mut zero = s.clone();
            zero["programmes"][&programme][st.effect_field.key()] = json!(0);
            let b = evaluate_one(&zero);
            let after = b.stream(st.stream).unwrap();
            prop_assert!(after.benefits_gbp.iter().all(|&v| v == 0.0), "{:?}", st.stream);
            prop_assert_eq!(after.after_horizon_gbp, 0.0);
        }
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
            "setup_cost_gbp": setup, "grant_by_year_gbp": grant, "ramp_up": ramp,
            "excluded_streams": []
        });
        let low = evaluate_one(&scenario("family_valued", horizon, low_rate, fields.clone()));
        let high = evaluate_one(&scenario("family_valued", horizon, high_rate, fields));
        prop_assert!(low.years.iter().skip(1).all(|y| y.council_net_gbp >= 0.0));
        let tolerance = 1e-9 * low.council_npv_gbp.abs().max(1.0);
        prop_assert!(high.council_npv_gbp <= low.council_npv_gbp + tolerance,
            "rate {low_rate} gives {}, rate {high_rate} gives {}", low.council_npv_gbp, high.council_npv_gbp);
    }

    #[test]
    fn savings_scale_linearly_with_a_streams_cohort(s in any_scenario(), k in 0.0..10.0f64) {
        let programme = only_programme(&s);
        // Each programme's first stream and its cohort.
        let (cohort, stream) = match programme.as_str() {
            "family_valued" => ("families_per_year", "fgc_process"),
            "family_safeguarding" => ("children_on_cp_plans", "cp_plans"),
            _ => ("young_people_in_residential", "residential_weeks"),
        };
        let mut base = s.clone();
        base["programmes"][&programme][cohort] = json!(100.0);
        let mut scaled = s;
        scaled["programmes"][&programme][cohort] = json!(100.0 * k);
        let a = evaluate_one(&base);
        let b = evaluate_one(&scaled);
        let key = sfpc::registry::StreamKey::from_key(stream).unwrap();
        let (x, y) = (a.stream(key).unwrap(), b.stream(key).unwrap());
        for (t, (&u, &v)) in x.benefits_gbp.iter().zip(&y.benefits_gbp).enumerate() {
            let expected = u * k;
            prop_assert!((v - expected).abs() <= 1e-9 * expected.abs().max(1.0),
                "year {t}: {u} × {k} != {v}");
        }
    }
}

/// The corners the hardening issue names: every count and cost at 1e12 over
/// 30 years at a zero discount rate, and every figure zero. Both appraise and
/// simulate to finite figures.
#[test]
fn extreme_scenarios_give_finite_results() {
    for name in ["huge.json", "all-zero.json", "huge-2.json"] {
        let path = format!("{}/tests/fuzz/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let scenario = sfpc::format::parse_scenario_json(&text).expect("valid");
        let appraisal = sfpc::appraisal::appraise(&scenario);
        assert_eq!(appraisal.programmes.len(), 3, "{name}");
        for a in &appraisal.programmes {
            assert!(all_finite(a), "{name}: {a:#?}");
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
