//! Format 4's conventions and figures, by hand: mid-year timing of entries
//! avoided, the offsets (what each child gets instead), optimism bias on
//! costs, payback on the discounted position and its warning, the ten-year
//! view, and no grant by default.

use crate::support::{assert_gbp, evaluate_one, only_stream, scenario};
use serde_json::{json, Value};
use sfpc::registry::StreamKey;

/// Family Valued counting only children kept out of care: 100 entries a
/// year × all in the target group × half avoided = 50 a year, 2 years of
/// care each, at £700 a week (£36,500 a year), less `offset` a year.
fn care(conventions: &str, offset: f64) -> Value {
    let mut s = only_stream(
        "family_valued",
        "care_entries",
        3,
        0.0,
        json!({
            "placement_share_in_house_foster": 1, "placement_share_agency_foster": 0,
            "placement_share_residential": 0, "placement_share_kinship_other": 0,
            "in_house_foster_cost_per_week_gbp": 700,
            "council_entries_to_care_per_year": 100, "target_group_share": 1,
            "care_entry_reduction": 0.5, "care_years": 2,
            "edge_of_care_support_cost_per_year_gbp": offset
        }),
    );
    s["conventions"] = json!(conventions);
    s
}

#[test]
fn mid_year_timing_saves_half_a_year_of_care_in_the_year_an_entry_is_avoided() {
    // 50 entries avoided a year, 2 years each:
    //                    start of year (format 3)   mid-year (format 4)
    //   year 0           50 child-years             25 (half a year each)
    //   year 1           100                        75 (25 + 50)
    //   year 2           100                        100 (25 + 50 + 25)
    //   after year 2     50 (year 2's second year)  100 (half of year 1's, 1½ of year 2's)
    // 300 child-years either way: the convention moves care later, it adds none.
    let cases = [
        ("format_3", [50.0, 100.0, 100.0], 50.0),
        ("green_book", [25.0, 75.0, 100.0], 100.0),
    ];
    for (conventions, child_years, after) in cases {
        let a = evaluate_one(&care(conventions, 0.0));
        let s = a.stream(StreamKey::CareEntries).unwrap();
        for (got, want) in s.benefits_gbp.iter().zip(child_years) {
            assert_gbp(*got, want * 36_500.0);
        }
        assert_gbp(s.after_horizon_gbp, after * 36_500.0);
    }
    // In the first two years the mid-year convention counts a quarter less
    // care: (25 + 75) / (50 + 100) = 2/3 in those years.
    let early = |c: &str| {
        let a = evaluate_one(&care(c, 0.0));
        a.years[0].benefits_gbp + a.years[1].benefits_gbp
    };
    assert_gbp(early("green_book") / early("format_3"), 2.0 / 3.0);
}

#[test]
fn an_entry_avoided_saves_care_less_the_support_the_child_gets_at_home() {
    // £36,500 a year of care less £8,640 of child-in-need support = £27,860
    // for each child-year: year 0 at mid-year, 25 × £27,860 = £696,500.
    let a = evaluate_one(&care("green_book", 8_640.0));
    let s = a.stream(StreamKey::CareEntries).unwrap();
    assert_gbp(s.annual_cost_of_care_gbp.unwrap(), 27_860.0);
    assert_gbp(s.benefits_gbp[0], 696_500.0);
}

#[test]
fn a_plan_avoided_saves_its_cost_less_the_case_work_that_goes_on() {
    // 100 children on plans × 50% fewer × (£6,000 − £1,650) = £217,500 a year.
    let s = scenario(
        "family_safeguarding",
        1,
        0.0,
        json!({ "excluded_streams": ["care_entries", "police", "nhs"],
                "child_in_need_case_work_cost_per_year_gbp": 1_650 }),
    );
    let a = evaluate_one(&s);
    assert_gbp(
        a.stream(StreamKey::CpPlans).unwrap().benefits_gbp[0],
        217_500.0,
    );
}

#[test]
fn optimism_bias_on_costs_raises_every_cost_by_its_share() {
    // Set-up £100,000 in year 0 and running £50,000 a year, +41%:
    // £211,500 in year 0 and £70,500 after.
    let s = scenario(
        "no_wrong_door",
        2,
        0.0,
        json!({ "setup_cost_gbp": 100_000, "running_cost_per_year_gbp": 50_000,
                "cost_optimism_bias": 0.41 }),
    );
    let a = evaluate_one(&s);
    assert_gbp(a.years[0].costs_gbp, 211_500.0);
    assert_gbp(a.years[1].costs_gbp, 70_500.0);
}

/// Family Valued's process saving alone: £100 set-up in year 0, then £60 a
/// year (one family, ramp-up 0 then 1), at 10%.
fn payback_case(conventions: &str, grant: Value, running: f64) -> Value {
    let mut s = scenario(
        "family_valued",
        3,
        0.1,
        json!({ "excluded_streams": ["care_entries", "care_proceedings", "courts_legal_aid"],
                "families_per_year": 1, "saving_per_family_gbp": 60, "ramp_up": [0, 1],
                "setup_cost_gbp": 100, "running_cost_per_year_gbp": running,
                "grant_by_year_gbp": grant }),
    );
    s["conventions"] = json!(conventions);
    s
}

#[test]
fn payback_is_read_off_the_discounted_position_in_format_4() {
    // Nets −100, +60, +60. Undiscounted: −100, −40, +20: 2 + 40/60 years.
    // Discounted at 10%: −100, +54.55, +49.59; cumulative −100, −45.45,
    // +4.13: 2 + 45.45/49.59 years.
    let old = evaluate_one(&payback_case("format_3", json!([]), 0.0));
    assert!((old.payback_years.unwrap() - (2.0 + 40.0 / 60.0)).abs() < 1e-9);
    assert!(!old.payback_discounted);
    let new = evaluate_one(&payback_case("green_book", json!([]), 0.0));
    let (d1, d2) = (60.0 / 1.1, 60.0 / 1.21);
    let want = 2.0 + (100.0 - d1) / d2;
    assert!((new.payback_years.unwrap() - want).abs() < 1e-9);
    assert!(new.payback_discounted);
    let reading = sfpc::display::payback_text(&new, 3);
    assert_eq!(
        reading,
        "pays back in year 3 of 3 (2.9 years, on the discounted position)"
    );
}

#[test]
fn a_council_out_of_pocket_after_paying_back_is_warned() {
    // A grant of £300 in year 0 against £100 of set-up and £50 a year of
    // running costs, nothing saved: nets +£150 (300 − 100 − 50), −£50, −£50
    // at 0%. The position never falls below zero, yet years 2 and 3 lose
    // money.
    let mut s = payback_case("green_book", json!([300]), 50.0);
    s["appraisal"]["discount_rate"] = json!(0.0);
    s["programmes"]["family_valued"]["saving_per_family_gbp"] = json!(0);
    let a = evaluate_one(&s);
    assert_eq!(a.payback_years, Some(0.0));
    assert_eq!(a.losses_after_payback, vec![(1, -50.0), (2, -50.0)]);
    let reading = sfpc::display::payback_text(&a, 3);
    assert_eq!(
        reading,
        "the council's cumulative position never falls below zero; but it is out of pocket again in year 2 (-£50) and year 3 (-£50): that year's costs exceed its savings"
    );
}

#[test]
fn the_ten_year_view_is_the_same_flows_over_ten_years() {
    let five = evaluate_one(&care("green_book", 0.0));
    let view = five
        .longer_view
        .expect("a ten-year view beside three years");
    let mut s = care("green_book", 0.0);
    s["appraisal"]["horizon_years"] = json!(10);
    let ten = evaluate_one(&s);
    assert_eq!(view.horizon_years, 10);
    assert_eq!(view.council_npv_gbp, ten.council_npv_gbp);
    assert_eq!(view.public_npv_gbp, ten.public_npv_gbp);
    assert!(ten.longer_view.is_none(), "ten years needs no longer view");
    // Children kept out of care save after the first years: the longer view
    // counts the care that falls after three years.
    assert!(view.council_npv_gbp > five.council_npv_gbp);
}

#[test]
fn the_default_scenario_has_no_grant_and_shows_the_grant_both_ways() {
    let s = sfpc::evidence::default_scenario().unwrap();
    let a = sfpc::appraisal::appraise(&s);
    for p in &a.programmes {
        assert_eq!(p.present_values.grant_gbp, 0.0, "{:?}", p.programme);
        assert_eq!(
            p.present_values.council_npv_without_grant_gbp(),
            p.council_npv_gbp
        );
    }
    // With a grant, the results give the NPV with and without it.
    let (scenario, appraisal) =
        sfpc::evaluate(&payback_case("green_book", json!([50]), 0.0)).unwrap();
    let json = sfpc::format::appraisal_to_json(&scenario, &appraisal);
    let p = &json["programmes"]["family_valued"];
    let with = p["council_npv_gbp"].as_f64().unwrap();
    let without = p["council_npv_without_grant_gbp"].as_f64().unwrap();
    assert_gbp(with - without, 50.0);
}

#[test]
fn no_streams_net_saving_per_unit_exceeds_its_gross_saving_in_any_council() {
    // Every council's default scenario, with format 4's offsets and with
    // them set to nothing: each stream saves no more with them.
    let template = sfpc::evidence::default_scenario().unwrap();
    for council in sfpc::councils::current() {
        let mut net = template.clone();
        sfpc::councils::apply_figures(&mut net, council);
        let mut gross = net.clone();
        for p in &mut gross.programmes {
            for field in [
                sfpc::registry::Field::CinCaseWorkCostPerYear,
                sfpc::registry::Field::EdgeOfCareCostPerYear,
            ] {
                p.set(field, sfpc::estimate::Estimate::fixed(0.0));
            }
        }
        let (n, g) = (
            sfpc::appraisal::appraise(&net),
            sfpc::appraisal::appraise(&gross),
        );
        for (pn, pg) in n.programmes.iter().zip(&g.programmes) {
            for (sn, sg) in pn.streams.iter().zip(&pg.streams) {
                assert!(
                    sn.pv_gbp <= sg.pv_gbp + 1e-6,
                    "{}: {:?} {:?} saves more net ({}) than gross ({})",
                    council.name,
                    pn.programme,
                    sn.stream,
                    sn.pv_gbp,
                    sg.pv_gbp
                );
            }
        }
    }
}
