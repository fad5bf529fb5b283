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
fn yearly_results_csv_has_one_row_a_programme_year_with_exact_numbers() {
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
    // The last cell of each row reads back as the engine's own f64.
    for (line, year) in lines[1..].iter().zip(&appraisal.programmes[0].years) {
        let last: f64 = line.rsplit(',').next().unwrap().parse().unwrap();
        assert_eq!(last, year.cumulative_discounted_council_net_gbp);
    }
    // Year 1 nets 75,500 − 1,000 = 74,500: written as a plain number.
    assert!(lines[1].contains(",74500,"), "{}", lines[1]);
}
