//! The uncertainty analysis: known answers, reproducibility, invariants.

use crate::support::{collapse, only_stream, scenario};
use serde_json::{json, Value};
use sfpc::format::{parse_scenario, simulation_config};
use sfpc::programmes::{flows, flows_into, Central, Flows, Pick, Picked};
use sfpc::registry::Field;
use sfpc::sampling::{Method, Sampler};
use sfpc::scenario::Estimate;
use sfpc::uncertainty::{
    pert_mean, quantiles, simulate, Simulation, SimulationConfig, Uncertainty,
};

fn config(draws: u32, seed: u64) -> SimulationConfig {
    SimulationConfig { draws, seed }
}

fn run(s: &Value, draws: u32, seed: u64) -> Uncertainty {
    let scenario = parse_scenario(s).unwrap_or_else(|e| panic!("{e}"));
    simulate(&scenario, config(draws, seed))
}

/// Mean and standard error of the mean.
fn mean_and_se(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, (var / n).sqrt())
}

#[test]
fn pert_mean_of_the_family_valued_saving() {
    // PERT(0, 755, 960): (0 + 4 × 755 + 960) / 6 = 3,980 / 6 = 663.33.
    let e = Estimate::ranged(0.0, 755.0, 960.0);
    assert_eq!(pert_mean(e), (0.0 + 4.0 * 755.0 + 960.0) / 6.0);
    assert!((pert_mean(e) - 663.333_333).abs() < 1e-6);
    let mut sampler = Sampler::new(Method::Random, 7, 0, 0);
    let draws: Vec<f64> = (0..200_000)
        .map(|_| {
            sampler.begin_draw();
            sampler.draw(e)
        })
        .collect();
    let (mean, se) = mean_and_se(&draws);
    assert!((mean - pert_mean(e)).abs() < 4.0 * se, "mean {mean} ± {se}");
    assert!(draws.iter().all(|&x| (0.0..=960.0).contains(&x)));
    // Mode near 755: more draws within £50 of it than within £50 of 400.
    let near = |c: f64| draws.iter().filter(|&&x| (x - c).abs() < 50.0).count();
    assert!(near(755.0) > near(400.0));
}

#[test]
fn simulated_benefit_streams_match_the_streams_at_parameter_means() {
    // Each stream is a product of independent draws, so its mean is the
    // stream evaluated at each parameter's PERT mean.
    let ranged = |lo: f64, v: f64, hi: f64| json!({ "low": lo, "value": v, "high": hi });
    let cases = [
        (
            "family_valued",
            json!({ "families_per_year": ranged(200.0, 400.0, 600.0), "saving_per_family_gbp": ranged(0.0, 755.0, 960.0), "deadweight": ranged(0.0, 0.1, 0.3) }),
        ),
        (
            "family_safeguarding",
            json!({ "children_on_cp_plans": ranged(250.0, 356.3, 500.0), "cp_plan_reduction": ranged(0.3, 0.6, 0.6), "cost_per_cp_plan_year_gbp": ranged(3000.0, 6000.0, 10000.0), "optimism_bias": ranged(0.0, 0.2, 0.4) }),
        ),
        (
            "no_wrong_door",
            json!({ "young_people_in_residential": ranged(10.0, 20.0, 40.0), "residential_time_reduction": ranged(0.25, 0.45, 0.5), "residential_cost_per_week_gbp": ranged(4153.0, 6120.0, 10000.0), "alternative_cost_per_week_gbp": ranged(396.0, 646.0, 820.0) }),
        ),
    ];
    // Children kept out of care, with whole care years (the clamp then does
    // not bend the mean): a product of independent draws too.
    let care = only_stream(
        "family_valued",
        "care_entries",
        3,
        0.035,
        json!({ "council_entries_to_care_per_year": ranged(150.0, 216.0, 300.0), "target_group_share": ranged(0.07, 0.151, 0.28), "care_entry_reduction": ranged(0.0, 0.192, 0.3),
                "care_years": 2, "residential_cost_per_week_gbp": ranged(4153.0, 6120.0, 10000.0),
                "in_house_foster_cost_per_week_gbp": ranged(396.0, 533.0, 646.0) }),
    );
    let cases = cases.map(|(programme, fields)| scenario(programme, 3, 0.035, fields));
    for s in cases.iter().chain([&care]) {
        let s = parse_scenario(s).unwrap();
        let inputs = s.enabled().next().unwrap();
        // The deterministic stream at the parameter means.
        struct Means;
        impl Pick for Means {
            fn pick(&mut self, _field: Field, e: Estimate) -> f64 {
                pert_mean(e)
            }
        }
        let at_means = sfpc::appraisal::year_rows(&flows(inputs, &mut Means), &s.appraisal);
        let mut sampler = Sampler::new(Method::Random, 11, 0, 0);
        let draws: Vec<f64> = (0..100_000)
            .map(|_| {
                sampler.begin_draw();
                sfpc::appraisal::year_rows(&flows(inputs, &mut sampler), &s.appraisal)[1]
                    .benefits_gbp
            })
            .collect();
        let (mean, se) = mean_and_se(&draws);
        let expected = at_means[1].benefits_gbp;
        assert!(
            (mean - expected).abs() < 4.0 * se,
            "{:?}: simulated {mean} ± {se}, expected {expected}",
            inputs.programme
        );
    }
}

#[test]
fn with_every_range_collapsed_every_percentile_is_the_deterministic_result() {
    let s = sfpc::evidence::default_scenario_json();
    let collapsed = collapse(s.clone());
    let scenario = parse_scenario(&collapsed).unwrap();
    let central = sfpc::appraisal::appraise(&scenario);
    let u = simulate(&scenario, config(2_000, 5));
    for (a, p) in central.programmes.iter().zip(&u.programmes) {
        let q = p.council_npv_gbp;
        for x in [q.p5, q.p10, q.p50, q.p90, q.p95] {
            assert_eq!(x, a.council_npv_gbp, "{:?}", a.programme);
        }
        assert!((q.mean - a.council_npv_gbp).abs() <= 1e-9 * a.council_npv_gbp.abs());
        let r = p.public_npv_gbp;
        for x in [r.p5, r.p50, r.p95] {
            assert_eq!(x, a.public_npv_gbp);
        }
        for (f, y) in p.fan.iter().zip(&a.years) {
            assert_eq!(
                (f.p10_gbp, f.p50_gbp, f.p90_gbp),
                (
                    y.cumulative_council_net_gbp,
                    y.cumulative_council_net_gbp,
                    y.cumulative_council_net_gbp
                )
            );
        }
        let positive = if a.council_npv_gbp > 0.0 { 1.0 } else { 0.0 };
        assert_eq!(p.probability_council_npv_positive, positive);
        assert_eq!(
            p.probability_payback_within_horizon,
            if a.payback_years.is_some() { 1.0 } else { 0.0 }
        );
        assert!(p.tornado.is_empty());
    }
}

#[test]
fn same_seed_same_output_different_seed_different_output() {
    let s = sfpc::evidence::default_scenario_json();
    let a = run(&s, 5_000, 42);
    let b = run(&s, 5_000, 42);
    let c = run(&s, 5_000, 43);
    assert_eq!(a, b);
    assert_ne!(
        a.programmes[0].council_npv_gbp,
        c.programmes[0].council_npv_gbp
    );
}

#[test]
fn results_do_not_depend_on_step_sizes_or_on_the_other_programmes() {
    let s = sfpc::evidence::default_scenario();
    let scenario = s.unwrap();
    let whole = simulate(&scenario, config(3_000, 9));
    let mut stepped = Simulation::new(&scenario, config(3_000, 9));
    while !stepped.is_done() {
        stepped.step(701);
    }
    assert_eq!(stepped.finish(), whole);
    // No Wrong Door alone gives the same figures as alongside the others.
    let mut alone = sfpc::evidence::default_scenario_json();
    alone["programmes"]["family_valued"]["enabled"] = json!(false);
    alone["programmes"]["family_safeguarding"]["enabled"] = json!(false);
    let solo = run(&alone, 3_000, 9);
    assert_eq!(solo.programmes[0], whole.programmes[2]);
}

#[test]
fn tornado_swings_are_sorted_and_exact() {
    // Only the saving per family varies: NPV is linear in it, so the swing is
    // (960 − 0) × 100 families × Σ DF over 2 years.
    let s = scenario(
        "family_valued",
        2,
        0.035,
        json!({ "saving_per_family_gbp": { "low": 0, "value": 755, "high": 960 }, "running_cost_per_year_gbp": { "low": 0, "value": 10000, "high": 20000 } }),
    );
    let u = run(&s, 1_000, 1);
    let t = &u.programmes[0].tornado;
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].parameter, Field::SavingPerFamily);
    let df_sum = 1.0 + 1.0 / 1.035;
    assert!((t[0].swing_gbp() - 960.0 * 100.0 * df_sum).abs() < 1e-6);
    assert!((t[1].swing_gbp() - 20_000.0 * df_sum).abs() < 1e-6);
    assert!(t[0].swing_gbp() >= t[1].swing_gbp());
}

#[test]
fn histogram_counts_every_draw() {
    let u = run(&sfpc::evidence::default_scenario_json(), 4_000, 3);
    for p in &u.programmes {
        assert_eq!(p.histogram.iter().map(|b| b.count).sum::<u32>(), 4_000);
        assert_eq!(p.histogram.len(), sfpc::uncertainty::HISTOGRAM_BINS);
        assert!(
            p.council_npv_gbp.p5 <= p.council_npv_gbp.p50
                && p.council_npv_gbp.p50 <= p.council_npv_gbp.p95
        );
    }
}

#[test]
fn break_even_risk_is_the_effect_distributions_tail_beyond_break_even() {
    // Family Safeguarding with only the reduction ranged, PERT(0.3, 0.6, 0.6).
    // Break-even reduction = 100,000 / 600,000 = 1/6 < 0.3, so every draw clears it.
    let s = scenario(
        "family_safeguarding",
        2,
        0.035,
        json!({ "running_cost_per_year_gbp": 100000, "cp_plan_reduction": { "low": 0.3, "value": 0.6, "high": 0.6 } }),
    );
    let u = run(&s, 2_000, 4);
    let b = u.programmes[0].break_even;
    assert!((b.break_even_effect.unwrap() - 1.0 / 6.0).abs() < 1e-12);
    assert_eq!(b.probability_effect_exceeds, Some(1.0));
    // Costs of £270,000 a year: break-even 270,000 / 600,000 = 0.45.
    // PERT(0.3, 0.6, 0.6) is 0.3 + 0.3 × Beta(5, 1), whose CDF is x^5, so
    // P(reduction > 0.45) = P(Beta > 0.5) = 1 − 0.5^5 = 0.96875.
    let s = scenario(
        "family_safeguarding",
        2,
        0.035,
        json!({ "running_cost_per_year_gbp": 270000, "cp_plan_reduction": { "low": 0.3, "value": 0.6, "high": 0.6 } }),
    );
    // Worked out from the effect's distribution, not counted from draws, so
    // exact to the quantile table's error bound whatever the draws.
    let p = run(&s, 1_000, 4).programmes[0]
        .break_even
        .probability_effect_exceeds
        .unwrap();
    let expected: f64 = 1.0 - 0.5f64.powi(5);
    let bound = sfpc::sampling::beta::TABLE_ERROR_BOUND;
    assert!((p - expected).abs() <= bound, "{p} vs {expected}");
}

#[test]
fn simulation_settings_are_validated_with_paths() {
    let check = |draws: Value, seed: Value, expected: &[&str]| {
        let e = simulation_config(&draws, &seed).unwrap_err();
        let lines: Vec<String> = e.0.iter().map(ToString::to_string).collect();
        assert_eq!(lines, expected);
    };
    check(
        json!(0),
        json!(1),
        &["simulation.draws: must be a whole number from 1000 to 1000000, got 0"],
    );
    check(
        json!(1_000_001),
        json!(1),
        &["simulation.draws: must be a whole number from 1000 to 1000000, got 1000001"],
    );
    check(
        json!(5000),
        json!(-1),
        &["simulation.seed: must be a whole number from 0 to 9007199254740991, got -1"],
    );
    check(
        json!("many"),
        json!(1.5),
        &[
            "simulation.draws: must be a whole number from 1000 to 1000000, got text \"many\"",
            "simulation.seed: must be a whole number from 0 to 9007199254740991, got 1.5",
        ],
    );
    assert_eq!(
        simulation_config(&json!(1000), &json!(0)),
        Ok(config(1000, 0))
    );
}

#[test]
fn invalid_ranges_are_reported_with_paths() {
    let s = scenario(
        "no_wrong_door",
        5,
        0.035,
        json!({ "residential_time_reduction": { "low": 0.5, "value": 0.45, "high": 0.6 } }),
    );
    let e = parse_scenario(&s).unwrap_err();
    assert_eq!(e.to_string(), "programmes.no_wrong_door.residential_time_reduction.low: must not be above value (0.45), got 0.5");
}

/// Type 7 from a full sort, the textbook way.
fn sorted_quantile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let next = sorted[(lo + 1).min(sorted.len() - 1)];
    sorted[lo] + (h - lo as f64) * (next - sorted[lo])
}

#[test]
fn quantiles_found_together_are_the_sorted_values_quantiles_to_the_bit() {
    // Hand-computed: 1..=5, p10 = 1 + 0.4 × (2 − 1) = 1.4, median 3, p95 = 4.8.
    let mut five = [5.0, 3.0, 1.0, 4.0, 2.0];
    assert_eq!(quantiles(&mut five, [0.10, 0.50, 0.95]), [1.4, 3.0, 4.8]);
    // Sizes from 1 up, with ties (values on a coarse grid) and signs.
    let ps = [0.0, 0.05, 0.10, 0.5, 0.90, 0.95, 1.0];
    let mut state = 12_345u64;
    for n in [1usize, 2, 3, 7, 20, 101, 1_000, 4_099] {
        let values: Vec<f64> = (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                ((state >> 40) % 97) as f64 - 48.0 + if n % 2 == 0 { 0.25 } else { 0.0 }
            })
            .collect();
        let together = quantiles(&mut values.clone(), ps);
        for (p, q) in ps.iter().zip(together) {
            assert_eq!(
                q.to_bits(),
                sorted_quantile(&values, *p).to_bits(),
                "n = {n}, p = {p}"
            );
        }
    }
}

#[test]
fn flows_built_into_last_draws_flows_are_the_fresh_flows() {
    // A draw reuses one `Flows` and one pick cache; whatever they held
    // before (another programme's streams, Family Valued's conference
    // costs, other picks) must not show through. The defaults put no cost
    // on a conference, so this gives one: £400, which Family Valued's
    // flows carry as a volume cost the others do not have.
    let mut json = sfpc::evidence::default_scenario_json();
    json["programmes"]["family_valued"]["cost_per_conference_gbp"] = json!(400.0);
    let s = parse_scenario(&json).unwrap_or_else(|e| panic!("{e}"));
    assert!(flows(&s.programmes[0], &mut Central).volume_cost_per_year_gbp > 0.0);
    let settings = s.appraisal;
    for before in &s.programmes {
        for inputs in &s.programmes {
            let mut reused = Flows::empty(before);
            let mut picked = Picked::default();
            flows_into(before, &mut Central, &mut picked, &mut reused);
            flows_into(inputs, &mut Central, &mut picked, &mut reused);
            let fresh = flows(inputs, &mut Central);
            assert_eq!(
                reused.streams(),
                fresh.streams(),
                "{:?} after {:?}",
                inputs.programme,
                before.programme
            );
            assert_eq!(
                sfpc::appraisal::year_rows(&reused, &settings),
                sfpc::appraisal::year_rows(&fresh, &settings),
                "{:?} after {:?}",
                inputs.programme,
                before.programme
            );
        }
    }
}

#[test]
fn a_packed_chunk_of_the_wrong_shape_is_refused_not_taken() {
    let scenario = sfpc::evidence::default_scenario().expect("the defaults are valid");
    let worker = Simulation::new(&scenario, config(5_000, 1));
    let good = worker.run_packed(0, 1);
    // Chunk 0's first programme: [c, n, years, fan draws, paid back, Σ P, …];
    // one fan year fewer, its numbers cut out: readable, but not chunk 0.
    let (n, years, fan) = (good[1] as usize, good[2] as usize, good[3] as usize);
    let mut short = good.clone();
    short[2] = (years - 1) as f64;
    let last_fan_year = 6 + 3 * n + (years - 1) * fan;
    short.drain(last_fan_year..last_fan_year + fan);
    let mut page = Simulation::new(&scenario, config(5_000, 1));
    assert_eq!(
        page.insert_packed(&short),
        Err("chunk 0 has the wrong number of programmes or draws".to_string())
    );
    assert_eq!(page.draws_done(), 0, "nothing taken");
    // Cut short, or a count that is not one: an error too.
    assert!(page.insert_packed(&good[..good.len() - 1]).is_err());
    let mut not_a_count = good.clone();
    not_a_count[1] = 2.5;
    assert!(page.insert_packed(&not_a_count).is_err());
    assert_eq!(page.insert_packed(&good), Ok(2_048));
    assert_eq!(
        page.insert_packed(&good),
        Err("chunk 0 is already in".to_string())
    );
}

include!("../shared/simulation_vectors.rs");

#[test]
fn the_same_seed_gives_the_same_bits_as_in_the_browser() {
    check_simulation_vectors();
}
