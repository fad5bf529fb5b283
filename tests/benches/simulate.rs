//! Benchmark of the Monte Carlo engine, natively: draws per second for the
//! Family Safeguarding 5-year model with the default PERT ranges and every
//! stream (the Squiggle comparison in `tests/e2e/bench.mjs` leaves out
//! children kept out of care, which its Squiggle model does not have), and
//! the time for 1,000,000 draws. Prints figures; asserts nothing.
//!
//!     cargo bench --bench simulate

use sfpc::uncertainty::{simulate, SimulationConfig};
use std::time::Instant;

fn family_safeguarding_only() -> sfpc::scenario::Scenario {
    let mut json = sfpc::evidence::default_scenario_json();
    json["programmes"]["family_valued"]["enabled"] = false.into();
    json["programmes"]["no_wrong_door"]["enabled"] = false.into();
    match sfpc::format::parse_scenario(&json) {
        Ok(s) => s,
        Err(e) => panic!("default scenario is invalid: {e}"),
    }
}

fn main() {
    let scenario = family_safeguarding_only();
    // Warm up, then take the best of five runs of each size.
    simulate(
        &scenario,
        SimulationConfig {
            draws: 100_000,
            seed: 1,
        },
    );
    let ranged = sfpc::programmes::ranged_parameters(&scenario.programmes[1]).len();
    println!("Family Safeguarding, 5 years, every stream, {ranged} ranged parameters (Beta-PERT), native:");
    for draws in [10_000u32, 100_000, 1_000_000] {
        let best = (0..5)
            .map(|run| {
                let start = Instant::now();
                let u = simulate(&scenario, SimulationConfig { draws, seed: run });
                std::hint::black_box(u);
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "  {draws:>9} draws: {:>9.2} ms  {:>12.0} draws/s",
            best * 1e3,
            f64::from(draws) / best
        );
    }
}
