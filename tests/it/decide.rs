//! Decide now or wait: expected loss and EVPI against hand-worked figures,
//! and the value of information of scenarios read from JSON. (The value of
//! information's estimators, bounds and the trial's worth are the model's
//! own tests, `src/model/value_of_information/tests.rs`.)

use crate::support::{collapse, only_stream, scenario};
use serde_json::{json, Value};
use sfpc::decision::{Choice, Decision};
use sfpc::format::parse_scenario;
use sfpc::registry::{Field, ProgrammeId};
use sfpc::scenario::Scenario;
use sfpc::uncertainty::{simulate, SimulationConfig};
use sfpc::value_of_information::{value_of_information, Item, ProgrammeValue};

const DEFAULT: SimulationConfig = SimulationConfig {
    draws: 100_000,
    seed: 20_190_401,
};

fn parsed(v: &Value) -> Scenario {
    parse_scenario(v).unwrap_or_else(|e| panic!("{e}"))
}

fn value_of(values: &[ProgrammeValue], id: ProgrammeId) -> &ProgrammeValue {
    values
        .iter()
        .find(|v| v.programme == id)
        .expect("the programme")
}

#[test]
fn expected_losses_and_evpi_of_five_draws_by_hand() {
    // X = −2, −1, 1, 3, 5: E[max(−X, 0)] = 3/5, E[max(X, 0)] = 9/5,
    // E[X] = 6/5, so EVPI = 9/5 − 6/5 = 3/5: the smaller expected loss.
    let d = Decision::from_draws(vec![5.0, -1.0, 3.0, -2.0, 1.0], &[1, 2, 4]);
    assert_eq!(d.expected_loss_adopt_gbp, 3.0 / 5.0);
    assert_eq!(d.expected_loss_not_adopt_gbp, 9.0 / 5.0);
    assert!((d.evpi_gbp - 3.0 / 5.0).abs() < 1e-15);
    assert_eq!(d.better(), Choice::Adopt);
    assert!((d.margin_gbp() - 6.0 / 5.0).abs() < 1e-15);
    assert_eq!(d.share_losing, 2.0 / 5.0);
    assert!((d.mean_shortfall_gbp() - 1.5).abs() < 1e-15);
    assert!((d.mean_gain_gbp() - 3.0).abs() < 1e-15);
    assert_eq!(d.chance_above(0.0), 3.0 / 5.0);
    assert_eq!(d.chance_above(3.0), 1.0 / 5.0);
    assert_eq!(d.chance_above(-10.0), 1.0);
    assert_eq!(d.payback_within, vec![0.2, 0.4, 0.8]);
}

#[test]
fn evpi_is_exactly_zero_when_every_draw_makes_the_same_choice() {
    let all_gain = Decision::from_draws(vec![0.1, 2.0, 3.5e6], &[]);
    assert_eq!(all_gain.evpi_gbp, 0.0);
    let all_lose = Decision::from_draws(vec![-0.1, -2.0, -3.5e6], &[]);
    assert_eq!(all_lose.evpi_gbp, 0.0);
    assert_eq!(all_lose.better(), Choice::NotAdopt);
}

/// Family Safeguarding with child protection plans only, two ranged
/// figures: the reduction r ~ PERT(0, 0.3, 0.6) and the running cost
/// C ~ PERT(80,000, 180,000, 280,000); 100 children, £6,000 a plan, one
/// year undiscounted: X = 600,000 r − C, and E[X] = 180,000 − 180,000 = 0.
fn two_parameter_case() -> Scenario {
    parsed(&only_stream(
        "family_safeguarding",
        "cp_plans",
        1,
        0.0,
        json!({
            "children_on_cp_plans": 100, "cost_per_cp_plan_year_gbp": 6000,
            "cp_plan_reduction": { "low": 0, "value": 0.3, "high": 0.6 },
            "running_cost_per_year_gbp": { "low": 80000, "value": 180000, "high": 280000 },
            "cp_plans_cashable_fraction": 1
        }),
    ))
}

#[test]
fn a_two_parameter_linear_model_by_hand() {
    // E[C] = 180,000, so E[X | r] = 600,000 r − 180,000 = 180,000 (2Y − 1)
    // with Y = r / 0.6 ~ Beta(3, 3): EVPPI(r) = 180,000 × 5/32 = £28,125.
    // E[X | C] = 180,000 − C = 100,000 (1 − 2Y') with Y' ~ Beta(3, 3):
    // EVPPI(C) = 100,000 × 5/32 = £15,625.
    let s = two_parameter_case();
    let v = value_of_information(&s, DEFAULT);
    let fs = value_of(&v, ProgrammeId::FamilySafeguarding);
    assert!(
        fs.expected_council_npv_gbp.abs() < 1e-6,
        "E[X] = 0: {}",
        fs.expected_council_npv_gbp
    );
    let of = |f: Field| {
        fs.parameters
            .iter()
            .find(|e| e.item == Item::Parameter(f))
            .map(|e| e.value_gbp)
            .expect("the parameter")
    };
    assert!((of(Field::CpPlanReduction) - 28_125.0).abs() < 1e-6);
    assert!((of(Field::RunningCost) - 15_625.0).abs() < 1e-6);
    // Both together: E[max(X, 0)] − 0, by the draws' mean; EVPI the same.
    let u = simulate(&s, DEFAULT);
    let evpi = u.programmes[0].decision.evpi_gbp;
    assert!(
        evpi > 28_125.0,
        "knowing the cost too is worth more: {evpi}"
    );
}

#[test]
fn collapsed_ranges_are_worth_nothing_to_learn() {
    let s = parsed(&collapse(scenario("no_wrong_door", 5, 0.035, json!({}))));
    let u = simulate(
        &s,
        SimulationConfig {
            draws: 2_048,
            seed: 1,
        },
    );
    let v = value_of_information(
        &s,
        SimulationConfig {
            draws: 2_048,
            seed: 1,
        },
    );
    assert_eq!(u.programmes[0].decision.evpi_gbp, 0.0);
    assert!(v[0].parameters.is_empty() && v[0].groups.is_empty());
    assert_eq!(v[0].waiting.evppi.value_gbp, 0.0);
}

#[test]
fn chances_above_count_the_draws_in_one_pass() {
    // Thresholds in any order, repeated, and equal to draws: each chance is
    // the share of draws strictly above it.
    let draws: Vec<f64> = (0..1000)
        .map(|i| ((i * 7919) % 1000) as f64 - 400.0)
        .collect();
    let d = Decision::from_draws(draws.clone(), &[]);
    let thresholds = [-500.0, -400.0, 0.0, 0.5, 599.0, 600.0, 12.0, 0.0];
    for (t, p) in thresholds.iter().zip(d.chances_above(&thresholds)) {
        let count = draws.iter().filter(|&&x| x > *t).count();
        assert_eq!(p, count as f64 / 1000.0, "{t}");
    }
    // The quantiles the curve and the table span: type 7, as R's.
    assert_eq!(d.npv_quantiles_gbp[0], -400.0 + 0.01 * 999.0);
    assert_eq!(d.npv_quantiles_gbp[5], -400.0 + 0.99 * 999.0);
}
