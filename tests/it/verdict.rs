//! The verdict (issue 25): the sentence a board paper quotes, its figure and
//! what it depends on, checked against hand-worked wording and the appraisal.

use sfpc::appraisal::appraise;
use sfpc::display::{gbp_compact, verdict_sentence, verdicts, Chances};
use sfpc::evidence::default_scenario;

#[test]
fn the_sentence_says_likely_only_when_the_central_figure_and_the_draws_agree() {
    assert_eq!(
        verdict_sentence(-1_200_000.0, Some(0.31), "10 years", "without the grant"),
        "Over 10 years the council is likely to be £1.2m worse off without the grant (chance of being better off: 31%)."
    );
    assert_eq!(
        verdict_sentence(235_225.0, Some(0.48), "5 years", "with the grant"),
        "Over 5 years the council could end up better or worse off with the grant: £235k better off on the central estimate, with a 48% chance of being better off."
    );
    assert_eq!(
        verdict_sentence(3_074_234.0, Some(0.6), "5 years", "with the grant"),
        "Over 5 years the council is likely to be £3.1m better off with the grant (chance of being better off: 60%)."
    );
    assert_eq!(
        verdict_sentence(-50_000.0, None, "5 years", "with no grant"),
        "On the central estimate, over 5 years the council is £50k worse off with no grant."
    );
    // A negative central figure with most futures better off is not "likely worse off".
    assert!(
        verdict_sentence(-50_000.0, Some(0.7), "5 years", "with the grant")
            .contains("could end up")
    );
}

#[test]
fn each_model_has_a_verdict_with_and_without_its_grant_and_a_switch_of_period() {
    let mut scenario = default_scenario().expect("the defaults are valid");
    for a in &appraise(&scenario).programmes {
        // The defaults count no grant: one reading, saying so.
        let v = verdicts(a, 5, None);
        assert_eq!(v.readings.len(), 1);
        assert_eq!(v.readings[0].figure, gbp_compact(a.council_npv_gbp));
        assert!(
            v.readings[0].sentence.contains("with no grant"),
            "{}",
            v.readings[0].sentence
        );
        assert_eq!(v.readings[0].basis, "No DfE grant entered · over 5 years");
    }
    for p in &mut scenario.programmes {
        p.grant_by_year_gbp = vec![1_000_000.0];
    }
    for a in &appraise(&scenario).programmes {
        let v = verdicts(
            a,
            5,
            Some(Chances {
                with_grant: 0.7,
                without_grant: 0.2,
            }),
        );
        let keys: Vec<&str> = v.readings.iter().map(|r| r.key).collect();
        assert_eq!(keys, ["with_grant", "without_grant"], "{:?}", a.programme);
        assert_eq!(v.readings[0].figure, gbp_compact(a.council_npv_gbp));
        // A grant of £1m in year 1 is worth £1m in today's money (year 1 is not discounted).
        let without = a.council_npv_gbp - 1_000_000.0;
        assert_eq!(v.readings[1].figure, gbp_compact(without));
        assert!(v.readings[1].sentence.contains("without the grant"));
        assert_eq!(
            v.readings[0].basis,
            "Counts the DfE grant (£1,000,000 in today's money) · over 5 years"
        );
        assert_eq!(
            (v.other_horizon_years, v.other_horizon_label.as_str()),
            (10, "See it over 10 years")
        );
        assert_eq!(verdicts(a, 10, None).other_horizon_years, 5);
    }
}

#[test]
fn downloads_are_named_for_the_council_the_model_and_the_day() {
    use sfpc::display::download_name;
    assert_eq!(
        download_name("Leeds", "family_safeguarding", "2026-12-04", "", "xlsx"),
        "leeds-family-safeguarding-2026-12-04.xlsx"
    );
    assert_eq!(
        download_name(
            "Example council (assumed caseloads and costs)",
            "compare",
            "2026-12-04",
            "audit pack",
            "zip"
        ),
        "example-council-assumed-caseloads-and-2026-12-04-audit-pack.zip"
            .replace("2026", "compare-2026")
    );
    assert_eq!(
        download_name(
            "Kingston upon Hull, City of",
            "no_wrong_door",
            "2026-12-04",
            "yearly results",
            "csv"
        ),
        "kingston-upon-hull-city-of-no-wrong-door-2026-12-04-yearly-results.csv"
    );
    assert_eq!(download_name("", "", "", "", "json"), "sfpc.json");
    assert_eq!(
        download_name("St. Helens / Ælfric", "x", "", "", "json"),
        "st-helens-lfric-x.json"
    );
}

#[test]
fn figures_are_shown_in_the_form_as_a_finance_lead_reads_them() {
    use sfpc::display::figure_input_text;
    assert_eq!(figure_input_text("fraction", 0.035), "3.5%");
    assert_eq!(figure_input_text("fraction", 0.6), "60%");
    assert_eq!(figure_input_text("fraction", 0.36000000000000004), "36%");
    assert_eq!(figure_input_text("fraction", 0.123456789), "12.3457%");
    assert_eq!(figure_input_text("fraction", 0.0), "0%");
    assert_eq!(figure_input_text("fraction", 1.0), "100%");
    assert_eq!(figure_input_text("years", 3.254201680672269), "3.254");
    assert_eq!(figure_input_text("count", 356.3), "356.3");
    assert_eq!(figure_input_text("count", 216.0), "216");
    assert_eq!(figure_input_text("money", 992.4364512), "992.44");
}

#[test]
fn a_fields_reading_in_words() {
    use sfpc::display::field_reading;
    assert_eq!(
        field_reading("fraction", None, Some(0.6), None),
        "Read as 60%."
    );
    assert_eq!(
        field_reading("fraction", Some(&[0.5, 1.0]), None, None),
        "Read as 2 figures: 50%; 100%."
    );
    assert_eq!(
        field_reading("money", Some(&[1_000_000.0]), None, None),
        "Read as 1 figure: £1,000,000."
    );
    assert_eq!(
        field_reading("money", None, None, Some((989_195.51, 2_000_000.0))),
        "Outside the range you had, so the range now runs from £989,196 to £2,000,000 for the uncertainty analysis."
    );
    assert_eq!(
        field_reading("fraction", None, Some(0.3), Some((0.3, 0.6))),
        "Read as 30%. Outside the range you had, so the range now runs from 30% to 60% for the uncertainty analysis."
    );
    assert_eq!(field_reading("count", None, None, None), "");
}
