//! The simulation's own tests: chunks, percentiles and the histogram by
//! hand, collapsed ranges giving the central case, and a run that gives the
//! same bits however its chunks are run. (Those that need a scenario read
//! from a file are the integration tests', `tests/it/uncertainty.rs`.)

use super::*;
use crate::appraisal::appraise;
use crate::defaults::default_scenario_model;
use crate::estimate::Estimate;

fn config(draws: u32, seed: u64) -> SimulationConfig {
    SimulationConfig { draws, seed }
}

#[test]
fn the_chunks_cover_the_draws_in_order() {
    let c = config(5000, 1);
    assert_eq!(c.chunks(), 3);
    assert_eq!(
        (0..4).map(|k| c.chunk_range(k)).collect::<Vec<_>>(),
        [(0, 2048), (2048, 4096), (4096, 5000), (5000, 5000)]
    );
    assert_eq!(config(4096, 1).chunks(), 2);
    assert_eq!(config(1, 1).chunk_range(0), (0, 1));
}

#[test]
fn percentiles_and_the_histogram_by_hand() {
    // 1 to 101: the mean 51, the median 51; P5 and P95 6 and 96 (the
    // quantile between order statistics, type 7, exact at these points).
    let mut values: Vec<f64> = (1..=101).rev().map(f64::from).collect();
    let p = percentiles(&mut values);
    assert_eq!(
        [p.p5, p.p10, p.p50, p.p90, p.p95, p.mean],
        [6.0, 11.0, 51.0, 91.0, 96.0, 51.0]
    );
    // 0 to 30 in 30 bins of 1: each bin one value, the last its two ends.
    let values: Vec<f64> = (0..=30).map(f64::from).collect();
    let bins = histogram(&values);
    assert_eq!(bins.len(), HISTOGRAM_BINS);
    assert_eq!(
        (bins[0].from_gbp, bins[0].to_gbp, bins[0].count),
        (0.0, 1.0, 1)
    );
    assert_eq!(
        (bins[12].from_gbp, bins[12].to_gbp, bins[12].count),
        (12.0, 13.0, 1)
    );
    assert_eq!(
        (bins[29].from_gbp, bins[29].to_gbp, bins[29].count),
        (29.0, 30.0, 2)
    );
    // One value: one bin; none: no bins.
    let one = histogram(&[7.0, 7.0]);
    assert_eq!(
        (one.len(), one[0].from_gbp, one[0].to_gbp, one[0].count),
        (1, 7.0, 7.0, 2)
    );
    assert!(histogram(&[]).is_empty());
}

/// The default scenario with every range closed at its value.
fn collapsed() -> Scenario {
    let mut s = default_scenario_model();
    for p in &mut s.programmes {
        for spec in p.programme.spec().params {
            let e = p.get(spec.field);
            p.set(spec.field, Estimate::fixed(e.value));
        }
    }
    s
}

#[test]
fn with_every_range_closed_every_draw_is_the_central_case() {
    let s = collapsed();
    let central = appraise(&s);
    let u = simulate(&s, config(3000, 9));
    assert_eq!(u.programmes.len(), central.programmes.len());
    for (p, a) in u.programmes.iter().zip(&central.programmes) {
        let npv = a.council_npv_gbp;
        let close = |x: f64| (x - npv).abs() <= 1e-6 * npv.abs().max(1.0);
        let q = p.council_npv_gbp;
        assert!(
            [q.p5, q.p10, q.p50, q.p90, q.p95, q.mean]
                .into_iter()
                .all(close),
            "{q:?} {npv}"
        );
        assert!(close(p.central_council_npv_gbp));
        assert_eq!(
            p.probability_council_npv_positive,
            if npv > 0.0 { 1.0 } else { 0.0 }
        );
        assert_eq!(p.histogram.iter().map(|b| b.count).sum::<u32>(), 3000);
        assert!(p.tornado.is_empty(), "no range, no swing");
    }
}

#[test]
fn a_run_gives_the_same_bits_however_its_chunks_are_run() {
    let s = default_scenario_model();
    let c = config(5000, 3);
    let whole = simulate(&s, c);
    // Stepped a few draws at a time.
    let mut stepped = Simulation::new(&s, c);
    let mut done = 0;
    while !stepped.is_done() {
        done = stepped.step(700);
        assert_eq!(done, stepped.draws_done());
    }
    assert_eq!(done, 5000);
    assert_eq!(stepped.finish(), whole);
    // Run elsewhere, packed, and put in last chunk first.
    let runner = Simulation::new(&s, c);
    let mut inserted = Simulation::new(&s, c);
    assert_eq!(inserted.insert_packed(&runner.run_packed(2, 3)), Ok(904));
    let first_two = runner.run_packed(0, 2);
    assert_eq!(inserted.insert_packed(&first_two), Ok(5000));
    assert!(
        inserted.insert_packed(&first_two).is_err(),
        "a chunk goes in once"
    );
    assert!(inserted
        .insert_packed(&first_two[..first_two.len() - 1])
        .is_err());
    assert!(inserted.is_done());
    assert_eq!(inserted.finish(), whole);
    // Another seed, other figures.
    assert_ne!(simulate(&s, config(5000, 4)), whole);
}

#[test]
fn a_preview_is_a_run_of_its_own_draws() {
    let s = default_scenario_model();
    let c = config(4 * PREVIEW_DRAWS, 5);
    let mut run = Simulation::new(&s, c);
    assert_eq!(run.preview_chunks(), PREVIEW_DRAWS / CHUNK_DRAWS);
    assert!(run.preview().is_none());
    run.step(PREVIEW_DRAWS);
    let preview = run.preview().expect("the first chunks are in");
    assert_eq!(preview, simulate(&s, config(PREVIEW_DRAWS, 5)));
    // A short run has none.
    assert_eq!(
        Simulation::new(&s, config(PREVIEW_DRAWS, 5)).preview_chunks(),
        0
    );
}

#[test]
fn the_tornado_is_sorted_by_swing_and_each_swing_is_its_ends_apart() {
    let u = simulate(&default_scenario_model(), config(2048, 1));
    for p in &u.programmes {
        assert!(!p.tornado.is_empty());
        assert!(p
            .tornado
            .windows(2)
            .all(|w| w[0].swing_gbp() >= w[1].swing_gbp()));
        let inputs = default_scenario_model();
        let inputs = inputs.programme(p.programme).expect("simulated");
        for bar in &p.tornado {
            assert!(bar.low < bar.high, "{bar:?}");
            // Each end is the appraisal with that one figure there.
            for (x, npv) in [
                (bar.low, bar.npv_at_low_gbp),
                (bar.high, bar.npv_at_high_gbp),
            ] {
                let mut s = default_scenario_model();
                let one = s.programmes.iter_mut().find(|q| q.programme == p.programme);
                one.expect("the programme")
                    .set(bar.parameter, Estimate::fixed(x));
                let a = appraise(&s);
                let at = a.programmes.iter().find(|q| q.programme == p.programme);
                assert_eq!(at.expect("appraised").council_npv_gbp, npv, "{bar:?}");
            }
            assert_eq!(inputs.get(bar.parameter).low, bar.low);
            assert_eq!(
                bar.swing_gbp(),
                (bar.npv_at_high_gbp - bar.npv_at_low_gbp).abs()
            );
        }
    }
}

#[test]
fn the_histogram_spans_the_values_from_their_least() {
    // 10, 12, … 70 in 30 bins of 2: each bin one value, the last two.
    let values: Vec<f64> = (0..=30).map(|i| 10.0 + 2.0 * f64::from(i)).collect();
    let bins = histogram(&values);
    assert_eq!(
        (bins[0].from_gbp, bins[0].to_gbp, bins[0].count),
        (10.0, 12.0, 1)
    );
    assert_eq!(
        (bins[7].from_gbp, bins[7].to_gbp, bins[7].count),
        (24.0, 26.0, 1)
    );
    assert_eq!(
        (bins[29].from_gbp, bins[29].to_gbp, bins[29].count),
        (68.0, 70.0, 2)
    );
    // The last bin ends at the largest value itself, where 30 widths from
    // the least would overshoot it by a rounding.
    let (lo, hi) = (-124_224.812_698_855_88, 371_587.932_870_753_4);
    assert_ne!(lo + 30.0 * ((hi - lo) / 30.0), hi);
    assert_eq!(histogram(&[lo, hi])[29].to_gbp, hi);
}

#[test]
fn with_every_range_closed_each_measure_and_payback_is_the_central_cases() {
    let s = collapsed();
    let central = appraise(&s);
    let u = simulate(&s, config(3000, 9));
    for (p, a) in u.programmes.iter().zip(&central.programmes) {
        for (q, x) in [
            (p.council_cashable_npv_gbp, a.council_cashable_npv_gbp),
            (p.public_npv_gbp, a.public_npv_gbp),
        ] {
            let close = |y: f64| (y - x).abs() <= 1e-6 * x.abs().max(1.0);
            assert!(
                [q.p5, q.p50, q.p95, q.mean].into_iter().all(close),
                "{q:?} {x}"
            );
        }
        let paid_back = a
            .payback_years
            .is_some_and(|y| y <= f64::from(s.appraisal.horizon_years));
        assert_eq!(
            p.probability_payback_within_horizon,
            f64::from(u8::from(paid_back))
        );
        assert_eq!(p.fan.len(), s.appraisal.horizon_years as usize);
        // A fixed effect clears its break-even or does not.
        let effect = s.programme(p.programme).expect("simulated");
        let value = effect.get(p.programme.headline_stream().effect).value;
        let be = a.break_even_effect.expect("a break-even");
        let clears = f64::from(u8::from(value > be));
        assert_eq!(p.break_even.probability_effect_exceeds, Some(clears));
    }
}

#[test]
fn the_break_even_risk_is_the_effects_tail_exactly_and_the_chance_the_draws() {
    let s = default_scenario_model();
    let central = appraise(&s);
    let u = simulate(&s, config(20_000, 2));
    for (p, a) in u.programmes.iter().zip(&central.programmes) {
        let inputs = s.programme(p.programme).expect("simulated");
        let headline = inputs.get(p.programme.headline_stream().effect);
        let be = a.break_even_effect.expect("a break-even");
        assert_eq!(p.break_even.break_even_effect, Some(be));
        let tail = 1.0
            - crate::sampling::Pert::new(headline)
                .expect("ranged")
                .cdf(be);
        assert_eq!(p.break_even.probability_effect_exceeds, Some(tail));
        // Conditioned on the effect, the chance is the share of draws above
        // £0 within their sampling error.
        let share = p.decision.chance_above(0.0);
        assert!(
            (p.probability_council_npv_positive - share).abs() < 0.02,
            "{p:?}"
        );
        assert!(p.conditioned_on.is_some());
    }
}

#[test]
fn a_chunk_of_another_run_or_damaged_is_refused() {
    let s = default_scenario_model();
    let mut three = Simulation::new(&s, config(5000, 3));
    // Chunk 3 of a four-chunk run: past this run's three.
    let four = Simulation::new(&s, config(8192, 3));
    assert!(three.insert_packed(&four.run_packed(3, 4)).is_err());
    // Chunk 2 of a run of 6,000 draws: 1,808 draws where 904 belong.
    let longer = Simulation::new(&s, config(6000, 3));
    assert!(three.insert_packed(&longer.run_packed(2, 3)).is_err());
    // A count that is not one.
    let mut packed = Simulation::new(&s, config(5000, 3)).run_packed(2, 3);
    packed[1] = 904.5;
    assert!(three.insert_packed(&packed).is_err());
    packed[1] = -904.0;
    assert!(three.insert_packed(&packed).is_err());
    // None went in: the right chunk still does.
    let right = Simulation::new(&s, config(5000, 3)).run_packed(2, 3);
    assert_eq!(three.insert_packed(&right), Ok(904));
}
