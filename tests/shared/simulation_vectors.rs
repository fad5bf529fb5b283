// Test vectors shared by the native tests (tests/it/uncertainty.rs) and the
// browser tests (tests/web.rs): the default scenario simulated with 2,000
// draws from seed 7 must give these exact bits on every platform.
// Regenerate them only when the method changes on purpose.

/// (programme key, bits of the mean council NPV, bits of its median).
const SIMULATION_VECTORS: [(&str, u64, u64); 3] = [
    ("family_valued", 0xc146_e3bb_ff44_ba55, 0xc147_8862_1a03_5cc4),
    ("family_safeguarding", 0x410c_8cdf_dc5e_b1a7, 0x4105_2914_8837_4f38),
    ("no_wrong_door", 0xc130_2641_5e3f_53e4, 0xc136_737e_5173_7460),
];

fn check_simulation_vectors() {
    let scenario = sfpc::evidence::default_scenario().expect("the defaults are valid");
    let config = sfpc::uncertainty::SimulationConfig { draws: 2_000, seed: 7 };
    let u = sfpc::uncertainty::simulate(&scenario, config);
    for ((key, mean_bits, median_bits), p) in SIMULATION_VECTORS.iter().zip(&u.programmes) {
        assert_eq!(p.programme.key(), *key);
        let npv = p.council_npv_gbp;
        assert_eq!(npv.mean.to_bits(), *mean_bits, "{key}: mean {}", npv.mean);
        assert_eq!(npv.p50.to_bits(), *median_bits, "{key}: median {}", npv.p50);
    }
}
