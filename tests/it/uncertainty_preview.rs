//! The provisional figures a page shows while a run goes on: the preview
//! of a run is its first `PREVIEW_DRAWS` draws, the same bits as a run of
//! that many draws, and its figures move no further than the page says on
//! the way to the full run's.

use sfpc::evidence::default_scenario;
use sfpc::uncertainty::{
    simulate, Simulation, SimulationConfig, CHUNK_DRAWS, DEFAULT_DRAWS, DEFAULT_SEED,
    PREVIEW_DRAWS, PREVIEW_MOVE_MEDIAN_PERCENT, PREVIEW_MOVE_PROBABILITY_POINTS,
};

fn config(draws: u32, seed: u64) -> SimulationConfig {
    SimulationConfig { draws, seed }
}

#[test]
fn the_preview_is_a_run_of_its_own_draws_whatever_order_the_chunks_come_in() {
    let scenario = default_scenario().expect("the defaults are valid");
    let mut run = Simulation::new(&scenario, config(DEFAULT_DRAWS, DEFAULT_SEED));
    assert!(
        run.preview().is_none(),
        "no preview before its draws are in"
    );
    // The chunks of the preview's last half first, then a later chunk, then
    // the first half: the preview is there once its own chunks are.
    let worker = run.clone();
    let chunks_in_preview = PREVIEW_DRAWS / CHUNK_DRAWS;
    assert_eq!(chunks_in_preview, 4);
    run.insert_packed(&worker.run_packed(2, 4)).expect("fits");
    run.insert_packed(&worker.run_packed(9, 10)).expect("fits");
    assert!(run.preview().is_none(), "chunks 0 and 1 are still out");
    run.insert_packed(&worker.run_packed(0, 2)).expect("fits");
    let preview = run.preview().expect("its four chunks are in");
    assert_eq!(
        preview,
        simulate(&scenario, config(PREVIEW_DRAWS, DEFAULT_SEED))
    );
    assert_eq!(preview.config.draws, 8_192);
    // The full run is untouched by its preview.
    assert_eq!(
        run.finish(),
        simulate(&scenario, config(DEFAULT_DRAWS, DEFAULT_SEED))
    );
}

#[test]
fn a_short_run_has_no_preview() {
    let scenario = default_scenario().expect("the defaults are valid");
    let mut run = Simulation::new(&scenario, config(4 * PREVIEW_DRAWS - 1, 1));
    run.step(u32::MAX);
    assert!(run.preview().is_none());
    let mut run = Simulation::new(&scenario, config(4 * PREVIEW_DRAWS, 1));
    run.step(PREVIEW_DRAWS);
    assert!(
        run.preview().is_some(),
        "a run four times the preview has one"
    );
}

/// The page's promise: from the preview to the full run, P(council NPV > 0)
/// moves by at most PREVIEW_MOVE_PROBABILITY_POINTS and the median by at
/// most PREVIEW_MOVE_MEDIAN_PERCENT of the full run's P10 to P90 range,
/// for 10 seeds of the default scenario, each model (the largest moves
/// found: 0.07 points and 0.40%).
#[test]
fn the_preview_moves_no_further_than_the_page_says() {
    let scenario = default_scenario().expect("the defaults are valid");
    let (mut points, mut percent) = (0.0_f64, 0.0_f64);
    for seed in 1..=10 {
        let mut run = Simulation::new(&scenario, config(DEFAULT_DRAWS, seed));
        run.step(PREVIEW_DRAWS);
        let preview = run.preview().expect("a default run has a preview");
        let full = run.finish();
        for (early, late) in preview.programmes.iter().zip(&full.programmes) {
            let moved = 100.0
                * (early.probability_council_npv_positive - late.probability_council_npv_positive);
            points = points.max(moved.abs());
            let range = late.council_npv_gbp.p90 - late.council_npv_gbp.p10;
            let median = early.council_npv_gbp.p50 - late.council_npv_gbp.p50;
            percent = percent.max(100.0 * median.abs() / range);
        }
    }
    println!("largest moves over 10 seeds: {points:.3} points, {percent:.3}% of P10 to P90");
    assert!(points <= PREVIEW_MOVE_PROBABILITY_POINTS, "{points} points");
    assert!(percent <= PREVIEW_MOVE_MEDIAN_PERCENT, "{percent}%");
    // The promise is not slack: the largest move is at least a fifth of it.
    assert!(
        points >= PREVIEW_MOVE_PROBABILITY_POINTS / 5.0,
        "{points} points"
    );
    assert!(percent >= PREVIEW_MOVE_MEDIAN_PERCENT / 5.0, "{percent}%");
}
