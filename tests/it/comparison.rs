//! Saved scenarios A, B and C side by side.

use crate::support::scenario;
use serde_json::{json, Value};
use sfpc::comparison::compare;
use sfpc::display::{scenario_comparison_summary, scenario_comparison_table};
use sfpc::format::parse_saved_scenarios;

/// Family Valued, one year, no discounting, no costs: council NPV is
/// 100 families × the saving per family.
fn saved(label: &str, saving_per_family_gbp: f64) -> Value {
    json!({
        "label": label,
        "programme": "family_valued",
        "scenario": scenario("family_valued", 1, 0.0, json!({ "saving_per_family_gbp": saving_per_family_gbp })),
    })
}

fn row<'t>(table: &'t sfpc::display::TextTable, measure: &str) -> &'t [String] {
    table
        .rows
        .iter()
        .find(|r| r[0] == measure)
        .unwrap_or_else(|| panic!("no row {measure}"))
}

#[test]
fn the_table_gives_each_figure_and_its_difference_from_a() {
    let input = json!([
        saved("A: published", 755.0),
        saved("B: ours", 1000.0),
        saved("C: cautious", 500.0)
    ]);
    let compared = compare(&parse_saved_scenarios(&input).unwrap()).unwrap();
    let table = scenario_comparison_table(&compared);
    assert_eq!(
        table.headings,
        [
            "Measure",
            "A: published",
            "B: ours",
            "C: cautious",
            "B: ours − A: published",
            "C: cautious − A: published"
        ]
    );
    // 100 × £755 = £75,500; 100 × £1,000 = £100,000; 100 × £500 = £50,000.
    assert_eq!(
        row(&table, "Council net present value"),
        [
            "Council net present value",
            "£75,500",
            "£100,000",
            "£50,000",
            "+£24,500",
            "-£25,500"
        ]
    );
    assert_eq!(row(&table, "Model")[1..4], ["Family Valued"; 3]);
    assert_eq!(row(&table, "Model")[4..], ["", ""]);
    assert_eq!(
        row(&table, "Benefit-cost ratio")[1..],
        ["n/a", "n/a", "n/a", "n/a", "n/a"],
        "no costs, so no ratio"
    );
    let summary = scenario_comparison_summary(&compared);
    assert!(
        summary.contains("A: published (Family Valued): £75,500 after 1 year,"),
        "{summary}"
    );
}

#[test]
fn payback_differences_are_in_years() {
    // Set-up £150,000 in year 1 against £75,500 or £100,000 a year. A ends
    // year 1 at -£74,500 and pays back at 1 + 74,500 / 75,500 = 1.99 years;
    // B ends it at -£50,000 and pays back at 1 + 50,000 / 100,000 = 1.5.
    let with_setup = |label: &str, saving: f64| {
        let mut s = saved(label, saving);
        s["scenario"] = scenario(
            "family_valued",
            3,
            0.0,
            json!({ "saving_per_family_gbp": saving, "setup_cost_gbp": 150000 }),
        );
        s
    };
    let input = json!([with_setup("A", 755.0), with_setup("B", 1000.0)]);
    let compared = compare(&parse_saved_scenarios(&input).unwrap()).unwrap();
    let table = scenario_comparison_table(&compared);
    assert_eq!(
        row(&table, "Payback")[1..],
        ["2.0 years", "1.5 years", "-0.5 years"]
    );
}

#[test]
fn bad_saved_scenarios_say_where() {
    let errors = |input: Value| {
        parse_saved_scenarios(&input)
            .and_then(|s| compare(&s))
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| format!("{}: {}", e.path, e.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(errors(json!({})), ["saved: must be a list, got an object"]);
    assert_eq!(
        errors(json!([])),
        ["saved: must hold 1 to 3 scenarios, got 0"]
    );
    let four = json!([
        saved("A", 1.0),
        saved("B", 1.0),
        saved("C", 1.0),
        saved("D", 1.0)
    ]);
    assert_eq!(errors(four), ["saved: must hold 1 to 3 scenarios, got 4"]);

    let mut bad = saved("", 755.0);
    bad["programme"] = json!("family_feud");
    bad["scenario"]["appraisal"]["discount_rate"] = json!(2);
    assert_eq!(
        errors(json!([saved("A", 755.0), bad])),
        [
            "saved[1].label: must be 1 to 60 characters, got 0",
            "saved[1].programme: must be one of family_valued, family_safeguarding, no_wrong_door, got \"family_feud\"",
            "saved[1].scenario.appraisal.discount_rate: must be between 0 and 1 (0% to 100%), got 2",
        ]
    );

    let mut off = saved("A", 755.0);
    off["scenario"]["programmes"]["family_valued"]["enabled"] = json!(false);
    assert_eq!(
        errors(json!([off])),
        ["saved[0].programme: Family Valued is switched off in this scenario"]
    );
}
