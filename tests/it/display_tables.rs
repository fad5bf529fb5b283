//! The tables, cards and sentences the page shows come from `display`, with
//! hand-computed figures (issue 15: one source for each heading and caption).

use crate::support::{collapse, evaluate, only_stream};
use serde_json::json;
use sfpc::display;
use sfpc::format::{parse_saved_scenarios, saved_label, MAX_LABEL_CHARS, MAX_SAVED_NAME_CHARS};

/// Family Valued's FGC saving alone: 100 families × £755 a year, no costs.
fn fgc_only() -> serde_json::Value {
    let fields = json!({ "families_per_year": 100, "saving_per_family_gbp": 755, "cost_per_conference_gbp": 0 });
    collapse(only_stream("family_valued", "fgc_process", 3, 0.0, fields))
}

#[test]
fn discounting_example_counts_years_as_the_page_does() {
    // 1 / 1.035^5 = 0.84197: five years ahead is the page's year 6.
    assert_eq!(
        display::discounting_example(0.035),
        "at 3.5% a year, £1 five years from now (year 6) counts as £0.84 today"
    );
    assert_eq!(
        display::discounting_example(0.0),
        "at 0% a year, £1 five years from now (year 6) counts as £1.00 today"
    );
}

#[test]
fn flows_and_cumulative_tables_carry_the_yearly_figures() {
    let appraisal = evaluate(&fgc_only());
    let a = &appraisal.programmes[0];
    let flows = display::flows_table(a);
    assert_eq!(
        flows.caption,
        "Family Valued: each saving, the grant and the costs by year (not discounted)"
    );
    assert_eq!(
        flows.headings,
        [
            "Year",
            "Less time in the system (FGC process saving)",
            "Grant",
            "Costs",
            "Council net"
        ]
    );
    assert_eq!(flows.rows.len(), 3);
    assert_eq!(flows.rows[0], ["Year 1", "£75,500", "£0", "£0", "£75,500"]);
    let cumulative = display::cumulative_table(a);
    assert_eq!(cumulative.rows[2], ["Year 3", "£226,500", "£226,500"]);
}

#[test]
fn headline_table_has_a_row_per_model_and_the_cards_labels() {
    let appraisal = evaluate(&fgc_only());
    let t = display::headline_table(&display::all_headlines(&appraisal, 3));
    let cards = display::headlines(&appraisal.programmes[0], 3);
    assert_eq!(t.headings[0], "Model");
    assert_eq!(
        t.headings[1..],
        cards.iter().map(|h| h.label.clone()).collect::<Vec<_>>()[..]
    );
    assert_eq!(t.rows.len(), appraisal.programmes.len());
    assert_eq!(t.rows[0][1], "£226,500");
}

#[test]
fn uncertainty_cards_and_tables_with_no_ranges_give_the_deterministic_figures() {
    let scenario = sfpc::format::parse_scenario(&fgc_only()).unwrap();
    let config = sfpc::uncertainty::SimulationConfig {
        draws: 1000,
        seed: 7,
    };
    let u = sfpc::uncertainty::simulate(&scenario, config);
    let p = &u.programmes[0];
    let summaries = display::uncertainty_summaries(p, 1000, 3);
    let cards = display::uncertainty_headlines(p, 3);
    assert_eq!(cards.len(), 3);
    assert!(summaries.break_even.starts_with("The "));
    assert_eq!(
        display::central_and_median(p),
        "The central figure (£226,500, every figure at its most likely value) and the median of the simulated futures (£226,500) agree."
    );
    assert_eq!(cards[0].figure, "100%");
    assert_eq!(cards[1].label, "Chance of paying back within 3 years");
    assert_eq!(cards[2].figure, "£226,500 to £226,500");
    let t = display::percentile_table(p, 1000);
    assert_eq!(
        t.caption,
        "Family Valued: net present value across 1,000 simulated futures"
    );
    assert_eq!(
        t.headings,
        ["", "P5", "P10", "Median", "P90", "P95", "Mean"]
    );
    assert_eq!(
        t.rows[0],
        [
            "Council net present value",
            "£226,500",
            "£226,500",
            "£226,500",
            "£226,500",
            "£226,500",
            "£226,500"
        ]
    );
    let chances = display::compared_chances_table(&u);
    assert_eq!(chances.headings[2], "Chance of paying back within 3 years");
    assert_eq!(chances.rows[0][0], "Family Valued");
    assert!(display::simulation_record(&u.config).starts_with("1,000 simulated futures, seed 7. "));
}

#[test]
fn a_saved_name_of_the_longest_length_makes_a_label_the_format_accepts() {
    let name = "n".repeat(MAX_SAVED_NAME_CHARS);
    let label = saved_label("A", &name);
    assert_eq!(label.chars().count(), MAX_LABEL_CHARS);
    assert_eq!(saved_label("B", ""), "B");
    let saved = |label: &str| json!([{ "label": label, "programme": "family_valued", "scenario": fgc_only() }]);
    assert!(parse_saved_scenarios(&saved(&label)).is_ok());
    let longer = saved_label("A", &format!("{name}n"));
    assert!(parse_saved_scenarios(&saved(&longer)).is_err());
}

#[test]
fn sources_table_gives_each_default_as_published_and_restated() {
    use sfpc::prices::check_price_year;
    use sfpc::registry::ProgrammeId;
    let fgc = |t: &display::TextTable| {
        t.rows
            .iter()
            .find(|r| r[0] == "Saving per family holding an FGC")
            .cloned()
            .expect("the FGC row")
    };
    let in_2016 = display::sources_table(
        check_price_year("2016-17").unwrap(),
        &[ProgrammeId::FamilyValued],
    );
    assert_eq!(in_2016.headings[4], "Value in 2016-17 prices");
    assert_eq!(
        fgc(&in_2016)[1..5],
        ["Family Valued", "755", "2016-17", "the same"]
    );
    let year = check_price_year("2024-25").unwrap();
    let in_2024 = display::sources_table(year, &[ProgrammeId::FamilyValued]);
    let k = sfpc::prices::restating_factor(check_price_year("2016-17").unwrap(), year).unwrap();
    assert_eq!(fgc(&in_2024)[4], display::money_input_text(755.0 * k));
    assert!(in_2024
        .rows
        .iter()
        .all(|r| r[1] == "Family Valued" || r[1] == "Appraisal"));
    let all = display::sources_table(year, &ProgrammeId::ALL);
    assert!(all.rows.len() > in_2024.rows.len());
}

/// Each headline measure (`display::measures`) is a card under its key and
/// a figure of the result format under its result key, with the same
/// value: the card's figure is the result's, rounded.
#[test]
fn each_headline_measure_is_a_card_and_a_result_field() {
    let (scenario, appraisal) = sfpc::evaluate(&fgc_only()).unwrap();
    let json = sfpc::format::appraisal_to_json(&scenario, &appraisal);
    let a = &appraisal.programmes[0];
    let cards = display::headlines(a, scenario.appraisal.horizon_years);
    let result = &json["programmes"]["family_valued"];
    for m in display::HEADLINE_MEASURES {
        assert!(
            cards.iter().any(|c| c.key == m.key && c.label == m.label),
            "no card {}",
            m.key
        );
        assert!(
            result.get(m.result_key).is_some(),
            "no result field {}",
            m.result_key
        );
    }
    // 100 families × £755 = £75,500 a year, no costs: the council NPV card
    // reads the result's field.
    let npv = result[display::COUNCIL_NPV.result_key].as_f64().unwrap();
    let card = cards
        .iter()
        .find(|c| c.key == display::COUNCIL_NPV.key)
        .unwrap();
    assert_eq!(card.figure, display::gbp(npv));
}
