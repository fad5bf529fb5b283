//! The value of information's own tests: the closed form against the
//! hand integral, EVPI bounding every group and a group its members, every
//! parameter together worth the EVPI, the exact mean the simulation's, the
//! regression estimator and nested Monte Carlo against the exact figures,
//! the trial's worth against a year's delay, and the figures packed for a
//! worker. (Those that read a scenario from JSON are the integration
//! tests', `tests/it/decide.rs`.)

use super::*;
use crate::defaults::default_scenario_model;
use crate::programmes::{flows, Pick};
use crate::registry::{Field, ProgrammeId};
use crate::sampling::{Method, Sampler};
use crate::scenario::{Estimate, Scenario};
use crate::uncertainty::{simulate, SimulationConfig};

const DEFAULT: SimulationConfig = SimulationConfig {
    draws: 100_000,
    seed: 20_190_401,
};

/// One parameter fixed, the rest drawn.
struct FixOne {
    field: Field,
    value: f64,
    rest: Sampler,
}

impl Pick for FixOne {
    fn pick(&mut self, field: Field, e: Estimate) -> f64 {
        if field == self.field {
            self.value
        } else {
            self.rest.pick(field, e)
        }
    }
}

fn value_of(values: &[ProgrammeValue], id: ProgrammeId) -> &ProgrammeValue {
    values
        .iter()
        .find(|v| v.programme == id)
        .expect("the programme")
}

#[test]
fn the_linear_case_in_closed_form_matches_the_hand_integral() {
    // Y ~ Beta(3, 3) (PERT(0, 0.5, 1)), g = 2Y − 1: E[max(g, 0)] =
    // ∫ from ½ to 1 of (2y − 1) 30 y²(1 − y)² dy = 5/32, and E[g] = 0.
    assert!((linear_gain(-1.0, 1.0, (3.0, 3.0)) - 5.0 / 32.0).abs() < 1e-12);
    // Falling: g = 1 − 2Y, the same by symmetry.
    assert!((linear_gain(1.0, -1.0, (3.0, 3.0)) - 5.0 / 32.0).abs() < 1e-12);
    // Y ~ Beta(2, 4) (PERT(0, 0.25, 1)), g = 4Y − 1: E[max(g, 0)] =
    // ∫ from ¼ to 1 of (4y − 1) 20 y (1 − y)³ dy = 243/512 and E[g] = 1/3,
    // so EVPPI = 243/512 − 1/3 = 217/1536.
    assert!((linear_gain(-1.0, 3.0, (2.0, 4.0)) - 217.0 / 1536.0).abs() < 1e-12);
    // No sign change: nothing to learn, exactly.
    assert_eq!(linear_gain(1.0, 3.0, (2.0, 4.0)), 0.0);
    assert_eq!(linear_gain(-1.0, -3.0, (2.0, 4.0)), 0.0);
}

/// The default scenario's values and its simulation.
fn defaults() -> (
    Scenario,
    Vec<ProgrammeValue>,
    crate::uncertainty::Uncertainty,
) {
    let s = default_scenario_model();
    let v = value_of_information(&s, DEFAULT);
    let u = simulate(&s, DEFAULT);
    (s, v, u)
}

#[test]
fn evpi_bounds_every_group_and_a_group_bounds_its_members() {
    let (_, values, u) = defaults();
    for (v, p) in values.iter().zip(&u.programmes) {
        let evpi = p.decision.evpi_gbp;
        // The group's figure is a mean over 8,192 of the draws: allow its
        // sampling error, 1% of EVPI.
        let slack = 0.01 * evpi + 1.0;
        for g in v.groups.iter().chain([&v.waiting.evppi]) {
            assert!(g.value_gbp >= 0.0);
            assert!(
                g.value_gbp <= evpi + slack,
                "{:?}: {} > EVPI {evpi}",
                g.item,
                g.value_gbp
            );
            for member in v
                .parameters
                .iter()
                .filter(|e| g.fields.contains(&e.fields[0]))
            {
                assert!(
                    member.value_gbp <= g.value_gbp + slack,
                    "{:?} in {:?}: {} > {}",
                    member.item,
                    g.item,
                    member.value_gbp,
                    g.value_gbp
                );
            }
        }
        for e in &v.parameters {
            assert!(e.value_gbp >= 0.0 && e.value_gbp <= evpi + slack);
        }
    }
}

#[test]
fn every_parameter_together_is_worth_the_evpi() {
    // Over the same draws (a run no longer than the groups' draws), the
    // group of every ranged parameter gives each draw's own NPV back.
    let s = default_scenario_model();
    let config = SimulationConfig {
        draws: 4_096,
        seed: 5,
    };
    let u = simulate(&s, config);
    for (inputs, p) in s.enabled().zip(&u.programmes) {
        let all = ranged_order(inputs);
        let e = group_evppi(inputs, &s.appraisal, config, all);
        let evpi = p.decision.evpi_gbp;
        assert!(
            (e.value_gbp - evpi).abs() <= 1e-9 * evpi.abs().max(1.0),
            "{:?}: {} against EVPI {evpi}",
            p.programme,
            e.value_gbp
        );
    }
}

#[test]
fn the_exact_mean_is_the_simulations_mean() {
    // Multilinearity and the years in care's certainty equivalent: E[X]
    // from one evaluation of the model equals the mean of 100,000 draws to
    // within their error (0.1% of the P10 to P90 range here).
    let (_, values, u) = defaults();
    for (v, p) in values.iter().zip(&u.programmes) {
        let range = p.council_npv_gbp.p90 - p.council_npv_gbp.p10;
        let gap = (v.expected_council_npv_gbp - p.decision.expected_council_npv_gbp).abs();
        assert!(gap < 1e-3 * range, "{:?}: {gap} of {range}", p.programme);
    }
}

#[test]
fn the_exact_and_regression_estimators_agree_on_the_care_stream() {
    // No Wrong Door's default: the care stream's figures, the years in care
    // (found by quadrature) among them, against the regression estimator
    // on the simulation's own draws: within three of its standard errors.
    let (s, values, _) = defaults();
    let nwd = value_of(&values, ProgrammeId::NoWrongDoor);
    let checks = regression::check(&s, DEFAULT);
    let (_, checked) = checks
        .iter()
        .find(|(id, _)| *id == ProgrammeId::NoWrongDoor)
        .expect("No Wrong Door");
    let care = [
        Field::CareEntryReduction,
        Field::TargetGroupShare,
        Field::CouncilEntriesToCare,
        Field::CareYears,
        Field::ResidentialTimeReduction,
        Field::RunningCost,
    ];
    let mut compared = 0;
    for field in care {
        let exact = nwd
            .parameters
            .iter()
            .find(|e| e.item == Item::Parameter(field))
            .map(|e| e.value_gbp);
        let reg = checked.iter().find(|(f, _)| *f == field).map(|(_, r)| r);
        let (Some(exact), Some(reg)) = (exact, reg) else {
            continue;
        };
        compared += 1;
        assert!(
            (exact - reg.value_gbp).abs() <= 3.0 * reg.standard_error_gbp + 1.0,
            "{field:?}: exact {exact}, regression {} ± {}",
            reg.value_gbp,
            reg.standard_error_gbp
        );
    }
    assert!(compared >= 5, "compared {compared} figures");
    // The biggest is far from zero, so the agreement means something.
    assert!(nwd.parameters[0].value_gbp > 100_000.0);
}

#[test]
fn nested_monte_carlo_agrees_with_the_exact_figure() {
    // No Wrong Door's running cost, whose EVPPI the years in care (drawn in
    // the inner loop) bear on: 64 stratified values of the cost, 2,048
    // independent draws of the rest at each; E[max(mean, 0)] − max(E, 0),
    // within three standard errors (plus the inner mean's upward bias,
    // which is below one inner standard error).
    let s = default_scenario_model();
    let inputs = s
        .programme(ProgrammeId::NoWrongDoor)
        .expect("No Wrong Door");
    let field = Field::RunningCost;
    let e = inputs.get(field);
    let pert = crate::sampling::Pert::new(e).expect("ranged");
    let (outer, inner) = (64, 2_048);
    let mut means = Vec::new();
    let mut inner_var = 0.0;
    for j in 0..outer {
        let value = pert.quantile((j as f64 + 0.5) / outer as f64);
        let mut pick = FixOne {
            field,
            value,
            rest: Sampler::new(Method::Random, 1_000 + j as u64, 0, 0),
        };
        let xs: Vec<f64> = (0..inner)
            .map(|_| {
                pick.rest.begin_draw();
                let rows = crate::appraisal::year_rows(&flows(inputs, &mut pick), &s.appraisal);
                crate::appraisal::present_values(&rows).council_npv_gbp()
            })
            .collect();
        let mean = xs.iter().sum::<f64>() / inner as f64;
        inner_var += xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (inner - 1) as f64;
        means.push(mean);
    }
    inner_var /= outer as f64;
    let overall = means.iter().sum::<f64>() / outer as f64;
    let positive: Vec<f64> = means.iter().map(|m| m.max(0.0)).collect();
    let nested = positive.iter().sum::<f64>() / outer as f64 - overall.max(0.0);
    let p_mean = positive.iter().sum::<f64>() / outer as f64;
    let outer_var = positive.iter().map(|x| (x - p_mean).powi(2)).sum::<f64>() / (outer - 1) as f64;
    let se = (outer_var / outer as f64 + inner_var / (outer * inner) as f64).sqrt();
    let inner_se = (inner_var / inner as f64).sqrt();
    let v = value_of_information(&s, DEFAULT);
    let exact = value_of(&v, ProgrammeId::NoWrongDoor)
        .parameters
        .iter()
        .find(|e| e.item == Item::Parameter(field))
        .expect("running cost")
        .value_gbp;
    assert!(exact > 100_000.0, "a figure worth testing: {exact}");
    assert!(
        (nested - exact).abs() <= 3.0 * se + inner_se,
        "nested {nested} ± {se} (inner {inner_se}), exact {exact}"
    );
}

#[test]
fn the_same_seed_gives_the_same_bits() {
    let s = default_scenario_model();
    let config = SimulationConfig {
        draws: 10_000,
        seed: 42,
    };
    assert_eq!(
        value_of_information(&s, config),
        value_of_information(&s, config)
    );
    let a = simulate(&s, config);
    let b = simulate(&s, config);
    for (a, b) in a.programmes.iter().zip(&b.programmes) {
        assert_eq!(a.decision, b.decision);
    }
}

#[test]
fn waiting_for_the_trial_weighs_its_worth_against_a_years_delay() {
    let (s, values, u) = defaults();
    for (v, p) in values.iter().zip(&u.programmes) {
        let w = &v.waiting;
        let measured: Vec<Field> = w.trial.measures.to_vec();
        assert!(w.evppi.fields.iter().all(|f| measured.contains(f)));
        // The delay costs a year of the expected council NPV, if adopting
        // is the better choice now.
        let expected = v.expected_council_npv_gbp;
        let years = f64::from(s.appraisal.horizon_years);
        assert!((w.delay_cost_gbp - expected.max(0.0) / years).abs() < 1e-9);
        assert!((w.value_gbp() - (w.evppi.value_gbp - w.delay_cost_gbp)).abs() < 1e-9);
        // Its answer cannot be worth more than knowing everything.
        assert!(w.evppi.value_gbp <= p.decision.evpi_gbp * 1.01 + 1.0);
    }
    // Family Safeguarding, on the defaults: adopting is better now, and a
    // year's delay forgoes more than the trial's answer could be worth.
    let fs = value_of(&values, ProgrammeId::FamilySafeguarding);
    assert!(fs.waiting.delay_cost_gbp > 0.0 && fs.waiting.value_gbp() < 0.0);
    // No Wrong Door: not adopting is better now, so waiting costs nothing.
    let nwd = value_of(&values, ProgrammeId::NoWrongDoor);
    assert_eq!(nwd.waiting.delay_cost_gbp, 0.0);
    assert!(nwd.waiting.evppi.value_gbp > 0.0);
}

#[test]
fn the_value_of_information_crosses_from_a_worker_unchanged() {
    // What a worker packs, the page unpacks to the same figures, the years
    // in care's certainty equivalent (or none) and each method included.
    let (s, values, _) = defaults();
    let ids: Vec<ProgrammeId> = s.enabled().map(|p| p.programme).collect();
    let packed = crate::value_of_information::packed::pack(&values);
    let back = crate::value_of_information::packed::unpack(&packed, &ids).expect("unpacks");
    assert_eq!(back, values);
    // Cut short, or with numbers left over, it is refused, not misread.
    let ids_of = |n: usize| &ids[..n];
    assert!(
        crate::value_of_information::packed::unpack(&packed[..packed.len() - 1], &ids).is_err()
    );
    assert!(crate::value_of_information::packed::unpack(&packed, ids_of(2)).is_err());
}

#[test]
fn each_programme_has_its_groups_its_care_years_and_its_figures_in_order() {
    let s = default_scenario_model();
    let config = SimulationConfig {
        draws: 8_192,
        seed: 3,
    };
    let values = value_of_information(&s, config);
    // The value of the programmes a run simulated is the scenario's.
    assert_eq!(for_simulated(&s, &simulate(&s, config)), values);
    for (v, inputs) in values.iter().zip(s.enabled()) {
        assert!(!v.groups.is_empty(), "{:?} has groups", v.programme);
        for g in &v.groups {
            assert!(
                matches!(g.item, Item::Group(_)) && g.fields.len() > 1,
                "{g:?}"
            );
        }
        for list in [&v.parameters, &v.groups] {
            assert!(list.windows(2).all(|w| w[0].value_gbp >= w[1].value_gbp));
        }
        // The years in care, where ranged, by quadrature at a certainty
        // equivalent inside their range.
        let care = inputs.get(Field::CareYears);
        let c = v.care_years_equivalent.expect("ranged years in care");
        assert!(care.low < c && c < care.high, "{c} in {care:?}");
        let by_nodes = v.parameters.iter().find(|e| e.fields == [Field::CareYears]);
        assert_eq!(
            by_nodes.map(|e| e.method),
            Some(super::Method::Quadrature {
                nodes: CARE_YEARS_NODES as u32
            })
        );
        // The trial's figure: its one measured effect's, or its group's.
        assert_eq!(v.waiting.evppi.item, Item::Trial);
        assert!(v.waiting.evppi.value_gbp >= 0.0);
    }
}
