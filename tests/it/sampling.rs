//! The sampling behind the uncertainty analysis with whole scenarios: every
//! model's picks within the Sobol points' dimensions, and the estimators'
//! bias and error against plain Monte Carlo (figures, not argument: issue
//! 13). The Beta CDF, the quantile table and the Sobol points on their own
//! are the model's tests (`src/model/sampling/tests.rs`).

use crate::support::scenario;
use serde_json::json;
use sfpc::programmes::{flows, Pick};
use sfpc::registry::{Field, ProgrammeId, Shape};
use sfpc::sampling::sobol::DIMENSIONS;
use sfpc::sampling::{pert_mean, Method, Pert, Sampler};
use sfpc::scenario::Estimate;
use sfpc::uncertainty::draws::{run_chunk, run_chunk_with, Setup};
use sfpc::uncertainty::SimulationConfig;

#[test]
fn no_model_picks_more_parameters_than_the_points_have_dimensions() {
    // Counts every ranged pick of a draw (an upper bound on the dimensions
    // taken: a field two streams share is picked once), and the registry's
    // ranged fields.
    struct Count(usize);
    impl Pick for Count {
        fn pick(&mut self, _: Field, e: Estimate) -> f64 {
            // A fixed figure takes no dimension (`Sampler::draw`).
            self.0 += usize::from(e.high > e.low);
            e.value
        }
    }
    let scenario = sfpc::evidence::default_scenario().unwrap();
    for inputs in &scenario.programmes {
        let mut count = Count(0);
        flows(inputs, &mut count);
        assert!(
            count.0 <= DIMENSIONS,
            "{:?}: {} picks",
            inputs.programme,
            count.0
        );
    }
    for programme in ProgrammeId::ALL {
        let ranged = programme
            .spec()
            .params
            .iter()
            .filter(|p| p.shape == Shape::Ranged)
            .count();
        assert!(
            ranged <= DIMENSIONS,
            "{programme:?}: {ranged} ranged fields"
        );
    }
}

/// Family Safeguarding with format 1's streams, four ranged parameters
/// (each stream a product of independent draws, so its mean is the stream at
/// the parameters' PERT means) and a running cost that leaves the council's
/// NPV near £0 (so P(NPV > 0) is far from 0 and 1).
fn family_safeguarding() -> (sfpc::scenario::Scenario, usize) {
    let ranged = |lo: f64, v: f64, hi: f64| json!({ "low": lo, "value": v, "high": hi });
    let s = scenario(
        "family_safeguarding",
        3,
        0.035,
        json!({ "children_on_cp_plans": ranged(250.0, 356.3, 500.0), "cp_plan_reduction": ranged(0.3, 0.6, 0.6),
                "cost_per_cp_plan_year_gbp": ranged(3000.0, 6000.0, 10000.0), "optimism_bias": ranged(0.0, 0.2, 0.4),
                "running_cost_per_year_gbp": ranged(600_000.0, 800_000.0, 1_200_000.0) }),
    );
    (sfpc::format::parse_scenario(&s).unwrap(), 0)
}

/// The mean of year 1's benefits over `draws` draws from seed `seed`.
fn mean_benefits(method: Method, seed: u64, draws: u32) -> f64 {
    let (s, i) = family_safeguarding();
    let inputs = &s.programmes[i];
    let mut sampler = Sampler::new(method, seed, 1, 0);
    let mut sum = 0.0;
    for _ in 0..draws {
        sampler.begin_draw();
        sum +=
            sfpc::appraisal::year_rows(&flows(inputs, &mut sampler), &s.appraisal)[1].benefits_gbp;
    }
    sum / f64::from(draws)
}

fn mean_and_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    (
        mean,
        (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt(),
    )
}

#[test]
fn scrambled_sobol_is_unbiased_at_small_draw_counts() {
    // Year 1's benefits: each stream a product of independent draws, so its
    // mean is the stream at the parameters' PERT means. 400 seeds of 16 draws.
    struct Means;
    impl Pick for Means {
        fn pick(&mut self, _: Field, e: Estimate) -> f64 {
            pert_mean(e)
        }
    }
    let (s, i) = family_safeguarding();
    let expected = sfpc::appraisal::year_rows(&flows(&s.programmes[i], &mut Means), &s.appraisal)
        [1]
    .benefits_gbp;
    let estimates: Vec<f64> = (0..400)
        .map(|seed| mean_benefits(Method::ScrambledSobol, seed, 16))
        .collect();
    let (mean, sd) = mean_and_sd(&estimates);
    let se = sd / 20.0;
    assert!(
        (mean - expected).abs() < 4.0 * se,
        "{mean} ± {se} vs {expected}"
    );
}

#[test]
fn scrambled_sobol_errs_far_less_than_plain_monte_carlo() {
    // 20 seeds of 4,096 draws each way: the spread between seeds.
    let spread = |method| {
        let xs: Vec<f64> = (0..20)
            .map(|seed| mean_benefits(method, seed, 4096))
            .collect();
        mean_and_sd(&xs).1
    };
    let (qmc, mc) = (spread(Method::ScrambledSobol), spread(Method::Random));
    assert!(qmc * 10.0 < mc, "scrambled Sobol {qmc}, plain {mc}");
}

#[test]
fn the_conditional_probability_agrees_with_counting_draws() {
    // Plain Monte Carlo draws, so counting is an unbiased estimate with a
    // known standard error; the conditional estimate is unbiased too.
    let (s, i) = family_safeguarding();
    let inputs = &s.programmes[i];
    let setup = Setup::new(inputs, &s.appraisal);
    assert!(setup.conditioned_on().is_some());
    let config = SimulationConfig {
        draws: 200_000,
        seed: 3,
    };
    let (mut counted, mut conditional, mut n) = (0.0, 0.0, 0.0);
    for c in 0..config.chunks() {
        let chunk = run_chunk_with(Method::Random, &setup, inputs, &s.appraisal, config, c);
        counted += chunk.council_npv.iter().filter(|&&x| x > 0.0).count() as f64;
        conditional += chunk.positive_probability_sum;
        n += chunk.council_npv.len() as f64;
    }
    let (p_count, p_cond) = (counted / n, conditional / n);
    let se = (p_count * (1.0 - p_count) / n).sqrt();
    assert!(
        p_count > 0.05 && p_count < 0.95,
        "{p_count}: a probability away from 0 and 1 tests more"
    );
    assert!(
        (p_count - p_cond).abs() < 4.0 * se,
        "counted {p_count}, conditional {p_cond} ± {se}"
    );
}

#[test]
fn chunks_are_the_same_whichever_runs_them_and_in_whatever_order() {
    let (s, i) = family_safeguarding();
    let inputs = &s.programmes[i];
    let setup = Setup::new(inputs, &s.appraisal);
    let config = SimulationConfig {
        draws: 10_000,
        seed: 8,
    };
    let forward: Vec<_> = (0..config.chunks())
        .map(|c| run_chunk(&setup, inputs, &s.appraisal, config, c))
        .collect();
    let mut backward: Vec<_> = (0..config.chunks())
        .rev()
        .map(|c| run_chunk(&setup, inputs, &s.appraisal, config, c))
        .collect();
    backward.reverse();
    assert_eq!(forward, backward);
}

/// Values worked out ahead, dimension by dimension, are the draw-by-draw
/// values to the bit: for Sobol points and plain Monte Carlo, from the
/// first draw and from the middle of a run, past the direction numbers'
/// dimensions (which fall back to hashed uniforms).
#[test]
fn values_worked_out_ahead_are_the_draw_by_draw_values() {
    let estimates: Vec<Estimate> = (0..DIMENSIONS + 3)
        .map(|d| Estimate {
            value: 10.0 + d as f64,
            low: 5.0,
            high: 20.0 + d as f64,
        })
        .collect();
    let perts: Vec<Pert> = estimates.iter().map(|&e| Pert::new(e).unwrap()).collect();
    for method in [Method::ScrambledSobol, Method::Random] {
        for (start, begun) in [(0, 0), (1000, 0), (4095, 3)] {
            let fresh = || Sampler::new(method, 42, 2, start).with_perts(perts.clone());
            let (mut one_by_one, mut ahead_sampler) = (fresh(), fresh());
            for _ in 0..begun {
                one_by_one.begin_draw();
                ahead_sampler.begin_draw();
            }
            let len = 300;
            let mut ahead = Vec::new();
            ahead_sampler.values_ahead(len, &mut ahead);
            for i in 0..len {
                one_by_one.begin_draw();
                ahead_sampler.begin_draw_from(&ahead, len, i);
                for &e in &estimates {
                    let (a, b) = (one_by_one.draw(e), ahead_sampler.draw(e));
                    assert_eq!(
                        a.to_bits(),
                        b.to_bits(),
                        "{method:?} from {start}+{begun}, draw {i}"
                    );
                }
            }
        }
    }
}
