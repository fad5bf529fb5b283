//! The CSV export: safe to open in a spreadsheet, and exactly the engine's numbers.

use crate::support::{evaluate, scenario};
use serde_json::json;
use sfpc::export::{text_cell, yearly_results_csv, BYTE_ORDER_MARK};

#[test]
fn text_cells_never_run_as_formulas_and_are_quoted_where_csv_needs_it() {
    let cases = [
        ("Leeds City Council", "Leeds City Council"),
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+44 113", "'+44 113"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tTab", "'\tTab"),
        ("Sefton, Council", "\"Sefton, Council\""),
        ("The \"best\" council", "\"The \"\"best\"\" council\""),
        (
            "=HYPERLINK(\"x\",\"y\")",
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"",
        ),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("", ""),
    ];
    for (text, expected) in cases {
        assert_eq!(text_cell(text), expected, "{text:?}");
    }
}

#[test]
fn yearly_results_csv_has_one_row_a_programme_year_to_the_penny() {
    let s = scenario("family_valued", 3, 0.035, json!({ "setup_cost_gbp": 1000 }));
    let mut s = s;
    s["council"] = json!("=SUM(A1), \"quoted\"");
    let parsed = sfpc::format::parse_scenario(&s).unwrap();
    let appraisal = evaluate(&s);
    let csv = yearly_results_csv(&parsed, &appraisal);
    assert!(csv.starts_with(BYTE_ORDER_MARK));
    let lines: Vec<&str> = csv
        .trim_start_matches(BYTE_ORDER_MARK)
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 1 + 3, "a header and 3 years");
    assert!(
        lines[1].starts_with("\"'=SUM(A1), \"\"quoted\"\"\",2024-25,Family Valued,1,0,"),
        "{}",
        lines[1]
    );
    // The last cell of each row is the engine's own figure to the penny
    // (issue 25: the CSV is for reading; the JSON keeps every digit).
    for (line, year) in lines[1..].iter().zip(&appraisal.programmes[0].years) {
        let last: f64 = line.rsplit(',').next().unwrap().parse().unwrap();
        let exact = year.cumulative_discounted_council_net_gbp;
        assert!((last - exact).abs() <= 0.005, "{last} against {exact}");
        assert_eq!(last, (exact * 100.0).round() / 100.0);
    }
    // Year 1 nets 75,500 − 1,000 = 74,500: written as a plain number.
    assert!(lines[1].contains(",74500,"), "{}", lines[1]);
}

#[test]
fn results_csv_cells_are_rounded_to_the_penny_or_six_significant_figures() {
    use sfpc::export::{fraction_cell, money_cell};
    assert_eq!(fraction_cell(0.36000000000000004), "0.36");
    assert_eq!(fraction_cell(0.9661835748792271), "0.966184");
    assert_eq!(fraction_cell(1.0), "1");
    assert_eq!(fraction_cell(0.0), "0");
    assert_eq!(fraction_cell(-0.0), "0");
    assert_eq!(fraction_cell(1234567.0), "1234570");
    assert_eq!(money_cell(228_401.238_999), "228401.24");
    assert_eq!(money_cell(-590_490.005_1), "-590490.01");
    assert_eq!(money_cell(0.001), "0");
    assert_eq!(money_cell(1_841_910.0), "1841910");
    // Near the ends of the f64 range the scaling would overflow: the figure
    // is written as it is, never as NaN or inf (the fuzzer found this).
    for x in [1e300, -1.7e308, f64::MAX] {
        assert_eq!(money_cell(x), sfpc::export::number_cell(x), "{x}");
    }
    assert_eq!(money_cell(1e-310), "0");
    for x in [1e300, -1.7e308, 1e-310, 5e-324, f64::MAX, f64::MIN_POSITIVE] {
        let f = fraction_cell(x);
        assert!(!f.contains("NaN") && !f.contains("inf"), "{x}: {f}");
    }
}
