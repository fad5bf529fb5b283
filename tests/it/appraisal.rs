//! Hand-computed appraisals, with the arithmetic written out, and the Green
//! Book's published discount factors.

use crate::support::{assert_gbp, evaluate_one, scenario};
use serde_json::json;
use sfpc::appraisal::{payback_years, CouncilRoi};

#[test]
fn the_appraisal_discounts_by_the_green_book_factors() {
    // HM Treasury Green Book, discount factors at 3.5%, to 4 places; the
    // factors are those the appraisal itself puts on each year's row.
    let a = evaluate_one(&scenario("family_valued", 30, 0.035, json!({})));
    let cases = [
        (0, 1.0),
        (1, 0.9662),
        (5, 0.8420),
        (10, 0.7089),
        (20, 0.5026),
        (29, 0.3687),
    ];
    for (year, published) in cases {
        let df = a.years[year].discount_factor;
        assert!(
            (df - published).abs() < 5e-5,
            "year {year}: {df} vs {published}"
        );
    }
    // And the NPV is the rows' flows at those factors: 75,500 a year.
    let npv: f64 = a.years.iter().map(|y| y.discount_factor * 75_500.0).sum();
    assert_gbp(a.council_npv_gbp, npv);
}

#[test]
fn family_valued_by_hand() {
    // 100 families × £755 = £75,500 a year at full effect.
    // Ramp [0.5, 1], deadweight 0.2, optimism bias 0.1:
    //   m0 = 0.5 × 0.8 × 0.9 = 0.36, m1 = m2 = 0.72.
    //   benefits: 0.36 × 75,500 = 27,180; 0.72 × 75,500 = 54,360.
    // Costs: setup 10,000 in year 0, running 20,000, conferences £100 ×
    //   100 families × ramp: c0 = 10,000 + 20,000 + 5,000 = 35,000;
    //   c1 = c2 = 20,000 + 10,000 = 30,000.
    // Grant 30,000 in year 0 only.
    // Net: n0 = 27,180 − 35,000 + 30,000 = 22,180; n1 = n2 = 24,360.
    let s = scenario(
        "family_valued",
        3,
        0.035,
        json!({
            "cost_per_conference_gbp": 100, "setup_cost_gbp": 10000,
            "running_cost_per_year_gbp": 20000, "grant_by_year_gbp": [30000],
            "ramp_up": [0.5, 1], "deadweight": 0.2, "optimism_bias": 0.1
        }),
    );
    let a = evaluate_one(&s);
    let benefits: Vec<f64> = a.years.iter().map(|y| y.benefits_gbp).collect();
    let costs: Vec<f64> = a.years.iter().map(|y| y.costs_gbp).collect();
    let nets: Vec<f64> = a.years.iter().map(|y| y.council_net_gbp).collect();
    for (got, want) in benefits.iter().zip([27_180.0, 54_360.0, 54_360.0]) {
        assert_gbp(*got, want);
    }
    assert_eq!(costs, vec![35_000.0, 30_000.0, 30_000.0]);
    for (got, want) in nets.iter().zip([22_180.0, 24_360.0, 24_360.0]) {
        assert_gbp(*got, want);
    }
    // NPV = 22,180 + 24,360/1.035 + 24,360/1.035² = 68,456.55
    let npv = 22_180.0 + 24_360.0 / 1.035 + 24_360.0 / (1.035 * 1.035);
    assert_gbp(a.council_npv_gbp, npv);
    assert!((a.council_npv_gbp - 68_456.55).abs() < 0.01);
    // Public NPV leaves out the grant: 68,456.55 − 30,000 = 38,456.55
    assert_gbp(a.public_npv_gbp, npv - 30_000.0);
    // Cumulative: 22,180, 46,540, 70,900; never negative, so payback at 0.
    assert_gbp(a.years[2].cumulative_council_net_gbp, 70_900.0);
    assert_eq!(a.payback_years, Some(0.0));
}

#[test]
fn family_safeguarding_by_hand() {
    // 100 children × 0.5 reduction × £6,000 = £300,000 a year to the council.
    // Partner: 50 families × (£100 police + £200 NHS) = £15,000 a year.
    // Running cost £100,000; no grant; 2 years at 3.5%.
    let a = evaluate_one(&scenario(
        "family_safeguarding",
        2,
        0.035,
        json!({ "running_cost_per_year_gbp": 100000 }),
    ));
    let df_sum = 1.0 + 1.0 / 1.035;
    // Council NPV = 200,000 × (1 + 1/1.035) = 393,236.71
    assert_gbp(a.council_npv_gbp, 200_000.0 * df_sum);
    assert!((a.council_npv_gbp - 393_236.71).abs() < 0.01);
    // Public NPV = (300,000 + 15,000 − 100,000) × (1 + 1/1.035)
    assert_gbp(a.public_npv_gbp, 215_000.0 * df_sum);
    // Same flows every year, so ratios are of yearly flows:
    // BCR = 315,000 / 100,000 = 3.15; ROI = (300,000 − 100,000) / 100,000 = 2.
    assert!((a.bcr.unwrap() - 3.15).abs() < 1e-12);
    match a.council_roi {
        CouncilRoi::Ratio(r) => assert!((r - 2.0).abs() < 1e-12, "{r}"),
        other => panic!("expected a ratio, got {other:?}"),
    }
    // Break-even reduction: 100,000 / (100 × 6,000) = 1/6.
    assert!((a.break_even_effect.unwrap() - 1.0 / 6.0).abs() < 1e-12);
}

#[test]
fn no_wrong_door_by_hand() {
    // 10 young people × 365/7 weeks × 0.45 × (£6,000 − £600) = £1,267,071.43.
    // Setup £50,000; one year.
    let a = evaluate_one(&scenario(
        "no_wrong_door",
        1,
        0.035,
        json!({ "setup_cost_gbp": 50000 }),
    ));
    let benefit: f64 = 10.0 * 365.0 / 7.0 * 0.45 * 5_400.0;
    assert!((benefit - 1_267_071.43).abs() < 0.01);
    assert_gbp(a.years[0].benefits_gbp, benefit);
    assert_gbp(a.council_npv_gbp, benefit - 50_000.0);
    // Break-even: 50,000 / (10 × 365/7 × 5,400) = 0.0177574...
    let be: f64 = 50_000.0 / (10.0 * 365.0 / 7.0 * 5_400.0);
    assert!((a.break_even_effect.unwrap() - be).abs() < 1e-12);
    assert!((be - 0.017_757_4).abs() < 1e-7);
}

#[test]
fn payback_is_interpolated_within_the_year() {
    // Cumulative −300k, −100k, then +250k in year 2: 2 + 100/250 = 2.4.
    assert_eq!(payback_years([-300_000.0, 200_000.0, 250_000.0]), Some(2.4));
    // Year 1 runs from t = 1 to t = 2: reached exactly at its end.
    assert_eq!(payback_years([-100.0, 100.0]), Some(2.0));
    // Never negative: paid back from the start.
    assert_eq!(payback_years([10.0, 0.0]), Some(0.0));
    // Still negative at the end: none.
    assert_eq!(payback_years([-100.0, 50.0]), None);
    // Back below zero after paying back: payback is the last crossing.
    assert_eq!(payback_years([-100.0, 200.0, -150.0, 100.0]), Some(3.5));
    assert_eq!(payback_years([-100.0, 200.0, -150.0]), None);
}

#[test]
fn payback_through_a_scenario() {
    // Setup £300k, benefit £75,500 a year (100 × £755): cumulative
    // −224,500, −149,000, −73,500, +2,000 → 3 + 73,500/75,500 = 3.9735.
    let a = evaluate_one(&scenario(
        "family_valued",
        5,
        0.035,
        json!({ "setup_cost_gbp": 300000 }),
    ));
    let expected = 3.0 + 73_500.0 / 75_500.0;
    assert!((a.payback_years.unwrap() - expected).abs() < 1e-12);
    let short = evaluate_one(&scenario(
        "family_valued",
        3,
        0.035,
        json!({ "setup_cost_gbp": 300000 }),
    ));
    assert_eq!(short.payback_years, None);
}

#[test]
fn council_npv_is_zero_at_the_break_even_effect() {
    let cases = [
        ("family_valued", "saving_per_family_gbp"),
        ("family_safeguarding", "cp_plan_reduction"),
        ("no_wrong_door", "residential_time_reduction"),
    ];
    let costs = json!({
        "setup_cost_gbp": 123456, "running_cost_per_year_gbp": 54321,
        "grant_by_year_gbp": [20000, 10000], "ramp_up": [0.3, 0.8, 1],
        "deadweight": 0.15, "optimism_bias": 0.25
    });
    for (programme, effect) in cases {
        let a = evaluate_one(&scenario(programme, 5, 0.035, costs.clone()));
        let be = a.break_even_effect.expect("effect moves NPV");
        let mut at_break_even = costs.clone();
        at_break_even[effect] = json!(be);
        let b = evaluate_one(&scenario(programme, 5, 0.035, at_break_even));
        assert!(
            b.council_npv_gbp.abs() < 1e-6,
            "{programme}: NPV {} at break-even {be}",
            b.council_npv_gbp
        );
    }
}

#[test]
fn grant_covering_all_costs_is_reported_as_fully_grant_funded() {
    let a = evaluate_one(&scenario(
        "family_valued",
        2,
        0.035,
        json!({ "running_cost_per_year_gbp": 50000, "grant_by_year_gbp": [50000, 50000] }),
    ));
    assert_eq!(a.council_roi, CouncilRoi::FullyGrantFunded);
    // Partly funded: PV(costs − grant) = 50,000/1.035 = 48,309.18;
    // ROI = (75,500 × 1.966184 − 48,309.18) / 48,309.18.
    let b = evaluate_one(&scenario(
        "family_valued",
        2,
        0.035,
        json!({ "running_cost_per_year_gbp": 50000, "grant_by_year_gbp": [50000] }),
    ));
    let own = 50_000.0 / 1.035;
    let benefits = 75_500.0 * (1.0 + 1.0 / 1.035);
    match b.council_roi {
        CouncilRoi::Ratio(r) => assert!((r - (benefits - own) / own).abs() < 1e-12),
        other => panic!("expected a ratio, got {other:?}"),
    }
}

#[test]
fn no_costs_gives_no_benefit_cost_ratio() {
    let a = evaluate_one(&scenario("family_valued", 3, 0.035, json!({})));
    assert_eq!(a.bcr, None);
    assert_eq!(a.council_roi, CouncilRoi::FullyGrantFunded);
}

#[test]
fn disabled_programmes_are_not_appraised() {
    let s = scenario("no_wrong_door", 3, 0.035, json!({ "enabled": false }));
    assert!(crate::support::evaluate(&s).programmes.is_empty());
}

#[test]
fn a_vanishing_effect_value_gives_no_break_even_rather_than_infinity() {
    // Found by fuzzing (tests/fuzz/corpus/regression-tiny-saving-*.json):
    // 5e-324 families a year, the smallest positive f64, made the break-even
    // saving per family (costs / families) infinite.
    let s = scenario(
        "family_valued",
        5,
        0.035,
        json!({ "families_per_year": 5e-324, "setup_cost_gbp": 300000 }),
    );
    let a = &evaluate_one(&s);
    assert_eq!(a.break_even_effect, None);
    assert_eq!(a.bcr, Some(a.present_values.benefits_gbp / 300000.0));
    assert!(a.bcr.unwrap().is_finite());
    // And with a cost of a fraction of a penny, no infinite ratios either.
    let s = scenario(
        "family_valued",
        5,
        0.035,
        json!({ "setup_cost_gbp": 5e-324 }),
    );
    let a = &evaluate_one(&s);
    assert_eq!(a.bcr, None);
    assert_eq!(a.council_roi, CouncilRoi::FullyGrantFunded);
}

#[test]
fn a_reused_workspace_gives_each_settings_their_own_discount_factors() {
    // The simulation reuses one workspace draw after draw, which keeps the
    // discount factors it worked out; new settings must work them out again.
    use sfpc::appraisal::{year_rows, year_rows_into, Workspace};
    use sfpc::programmes::{flows, Central};
    use sfpc::scenario::AppraisalSettings;
    let s = sfpc::evidence::default_scenario().expect("the defaults are valid");
    let f = flows(&s.programmes[0], &mut Central);
    let mut ws = Workspace::default();
    for (horizon_years, discount_rate) in [(5, 0.035), (5, 0.05), (8, 0.05), (3, 0.0), (5, 0.035)] {
        let settings = AppraisalSettings {
            horizon_years,
            discount_rate,
            ..s.appraisal
        };
        year_rows_into(&f, &settings, &mut ws);
        assert_eq!(
            ws.rows,
            year_rows(&f, &settings),
            "{horizon_years} years at {discount_rate}"
        );
    }
    // The last, 3.5%: year 2 at 1 / 1.035², by hand.
    assert_eq!(ws.rows[2].discount_factor, 1.0 / (1.035 * 1.035));
}
