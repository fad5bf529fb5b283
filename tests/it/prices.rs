//! One price year: the HM Treasury deflator table, and every default
//! restated into the scenario's price year; a user's own figure is not.

use serde_json::json;
use sfpc::evidence::{default_scenario_in, default_scenario_json};
use sfpc::format::{parse_scenario, scenario_to_json};
use sfpc::prices::{restating_factor, PriceYear, DEFLATORS};
use sfpc::registry::{Field, ProgrammeId};

fn year(text: &str) -> PriceYear {
    PriceYear::parse(text).expect("a financial year")
}

#[test]
fn the_table_is_the_treasury_file_it_was_read_from() {
    let csv = include_str!("../../src/model/data/hmt_gdp_deflators_2024_25_base.csv");
    let rows: Vec<&str> = csv.lines().skip(1).filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), DEFLATORS.len());
    for (row, d) in rows.iter().zip(DEFLATORS) {
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[0], d.year.to_string());
        assert_eq!(cells[1].parse::<f64>().unwrap(), d.index, "{}", cells[0]);
        assert_eq!(cells[2] == "OBR forecast", d.forecast, "{}", cells[0]);
    }
}

#[test]
fn a_2016_17_figure_in_2024_25_prices_is_multiplied_by_100_over_76_0754() {
    let k = restating_factor(year("2016-17"), year("2024-25")).unwrap();
    assert_eq!(k, 100.0 / 76.0754);
    assert!((k - 1.3145).abs() < 5e-5, "the evidence file's 1.3145");
    // 2013-14 by 1.3692 and 2023-24 by 1.0405 (the evidence file).
    let k = |from: &str| restating_factor(year(from), year("2024-25")).unwrap();
    assert!((k("2013-14") - 1.3692).abs() < 5e-5);
    assert!((k("2023-24") - 1.0405).abs() < 5e-5);
    assert_eq!(restating_factor(year("2030-31"), year("2024-25")), None);
}

#[test]
fn defaults_are_restated_into_the_scenarios_price_year() {
    // £755 per family is in 2016-17 prices: £992.44 in 2024-25's.
    let saving = |price_year: &str| {
        let s = default_scenario_in(year(price_year));
        s.programme(ProgrammeId::FamilyValued)
            .unwrap()
            .get(Field::SavingPerFamily)
    };
    let published = saving("2016-17");
    assert_eq!(
        (published.low, published.value, published.high),
        (0.0, 755.0, 960.0)
    );
    let restated = saving("2024-25");
    assert_eq!(restated.value, 755.0 * (100.0 / 76.0754));
    assert_eq!(restated.high, 960.0 * (100.0 / 76.0754));
    assert!((restated.value - 992.44).abs() < 0.005);
    // Counts and shares are not prices.
    let s = default_scenario_in(year("2019-20"));
    let fv = s.programme(ProgrammeId::FamilyValued).unwrap();
    assert_eq!(fv.get(Field::FamiliesPerYear).value, 400.0);
    // No grant by default: the SFPC grant ran from 2019 to 2025.
    for p in default_scenario_in(year("2024-25")).programmes {
        assert!(p.grant_by_year_gbp.is_empty(), "{:?}", p.programme);
    }
    // The default scenario is in 2024-25 prices.
    assert_eq!(default_scenario_json()["price_year"], "2024-25");
}

#[test]
fn a_users_own_figure_is_not_restated_but_a_defaulted_one_is() {
    let mut s = default_scenario_json();
    s["price_year"] = json!("2019-20");
    // The user's figure stays as entered, in the scenario's prices.
    s["programmes"]["family_valued"]["saving_per_family_gbp"] = json!(800);
    // A later field left out takes its default, restated into 2019-20.
    let fields = s["programmes"]["no_wrong_door"].as_object_mut().unwrap();
    fields.remove("cost_per_arrest_gbp");
    let parsed = parse_scenario(&s).unwrap();
    let fv = parsed.programme(ProgrammeId::FamilyValued).unwrap();
    assert_eq!(fv.get(Field::SavingPerFamily).value, 800.0);
    let nwd = parsed.programme(ProgrammeId::NoWrongDoor).unwrap();
    let arrest = nwd.get(Field::CostPerArrest);
    // £470 in 2022-23 prices × 80.8738 / 91.2996.
    assert_eq!(arrest.value, 470.0 * (80.8738 / 91.2996));
    // Written out, it is explicit, and reads back the same.
    assert_eq!(
        parse_scenario(&scenario_to_json(&parsed))
            .unwrap()
            .programmes,
        parsed.programmes
    );
}

#[test]
fn an_unknown_price_year_is_an_error_listing_the_known_ones() {
    const KNOWN: &str = "must be a year the HM Treasury deflators cover (2013-14, 2014-15, 2015-16, 2016-17, 2017-18, 2018-19, 2019-20, 2020-21, 2021-22, 2022-23, 2023-24, 2024-25, 2025-26, 2026-27), got \"2030-31\"";
    // A default left out of a file must be restated into its year.
    let mut s = default_scenario_json();
    s["price_year"] = json!("2030-31");
    let fields = s["programmes"]["no_wrong_door"].as_object_mut().unwrap();
    fields.remove("cost_per_arrest_gbp");
    let e = parse_scenario(&s).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("price_year: {KNOWN}: the figures this file leaves out, such as programmes.no_wrong_door.cost_per_arrest_gbp, take their defaults restated into it")
    );
    // So must the defaults the command prints.
    assert_eq!(
        sfpc::prices::check_price_year("2030-31").unwrap_err(),
        KNOWN
    );
    // A file that gives every figure needs no restating, so it keeps its
    // year: a format-1 file (any financial year) moves to format 2 with the
    // same figures.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/format1/defaults.json"
    ))
    .unwrap();
    let mut old: serde_json::Value = serde_json::from_str(&text).unwrap();
    old["price_year"] = json!("2030-31");
    let read = parse_scenario(&old).unwrap();
    let migrated = parse_scenario(&scenario_to_json(&read)).unwrap();
    assert_eq!(migrated.price_year.to_string(), "2030-31");
    assert_eq!(
        sfpc::appraisal::appraise(&migrated),
        sfpc::appraisal::appraise(&read)
    );
}

#[test]
fn restated_money_is_shown_to_the_penny_for_editing() {
    use sfpc::display::money_input_text;
    assert_eq!(money_input_text(755.0 * 100.0 / 76.0754), "992.44");
    assert_eq!(money_input_text(755.0), "755");
    assert_eq!(money_input_text(100.0), "100");
    assert_eq!(money_input_text(1_841_909.931_697_4), "1841909.93");
    assert_eq!(money_input_text(0.004), "0");
    assert_eq!(money_input_text(-0.004), "0");
    assert_eq!(money_input_text(12.5), "12.5");
}
