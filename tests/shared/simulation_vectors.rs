// Test vectors shared by the native tests (tests/it/uncertainty.rs) and the
// browser tests (tests/web.rs): the default scenario simulated with 2,000
// draws from seed 7 must give these exact bits on every platform.
// Regenerate them only when the method or the defaults change on purpose
// (last: No Wrong Door's running cost became one hub's, scenario format 3). Format-1 files keep their old
// draws: tests/it/golden.rs checks them against the last format-1 engine.

/// (programme key, bits of the mean council NPV, bits of its median).
const SIMULATION_VECTORS: [(&str, u64, u64); 3] = [
    ("family_valued", 0x40da_5c78_1aae_decb, 0xc0ed_913e_6338_8000),
    ("family_safeguarding", 0x4168_1e29_4c9e_410f, 0x4167_4229_97e4_be92),
    ("no_wrong_door", 0x4164_1590_334c_b777, 0x4163_3b25_333e_91d8),
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
