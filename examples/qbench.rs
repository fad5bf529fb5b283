use sfpc::uncertainty::{Simulation, SimulationConfig};
use std::time::Instant;
fn main() {
    let mut json = sfpc::evidence::default_scenario_json();
    json["programmes"]["family_valued"]["enabled"] = false.into();
    json["programmes"]["no_wrong_door"]["enabled"] = false.into();
    let scenario = sfpc::format::parse_scenario(&json).unwrap();
    for _ in 0..4 {
        let mut sim = Simulation::new(
            &scenario,
            SimulationConfig {
                draws: 1_000_000,
                seed: 3,
            },
        );
        sim.step(1_000_000);
        let t = Instant::now();
        std::hint::black_box(sim.finish());
        println!("finish {:?}", t.elapsed());
    }
}
