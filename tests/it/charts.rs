//! The chart code drawn to SVG: the same functions the page draws to canvas.

use crate::support::{evaluate, scenario};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use serde_json::json;
use sfpc::charts::{draw_comparison, draw_cumulative_net, draw_yearly_flows, ChartScale};

fn svg(
    draw: impl FnOnce(&plotters::drawing::DrawingArea<SVGBackend, plotters::coord::Shift>),
) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (800, 400)).into_drawing_area();
        draw(&area);
        area.present().expect("SVG finishes");
    }
    out
}

#[test]
fn each_chart_draws_its_data() {
    // Setup £300k, grant £50k in year 0, £75,500 a year: cumulative −174,500,
    // −99,000, −23,500, +52,000, so payback at 3 + 23,500/75,500 = 3.31 years.
    let s = scenario(
        "family_valued",
        5,
        0.035,
        json!({ "setup_cost_gbp": 300000, "grant_by_year_gbp": [50000] }),
    );
    let appraisal = evaluate(&s);
    let a = &appraisal.programmes[0];
    assert!((a.payback_years.unwrap() - (3.0 + 23_500.0 / 75_500.0)).abs() < 1e-12);

    let flows = svg(|area| draw_yearly_flows(area, a, ChartScale::PLAIN).expect("flows drawn"));
    // Three bars a year (savings, grant, costs) plus the legend's swatches.
    assert!(flows.matches("<rect").count() >= 15, "{flows}");
    assert!(
        flows.contains("Less time in the system (FGC process saving) (solid)")
            && flows.contains("Costs (below the line)"),
        "{flows}"
    );

    let cumulative =
        svg(|area| draw_cumulative_net(area, a, ChartScale::PLAIN).expect("cumulative drawn"));
    assert!(cumulative.contains("Pays back: 3.3 years"), "{cumulative}");
    assert!(cumulative.contains("Years from the start"));

    let comparison =
        svg(|area| draw_comparison(area, &appraisal, ChartScale::PLAIN).expect("comparison drawn"));
    assert!(comparison.contains("Family Valued"));
    // The value label of the council NPV bar, in the display's compact form.
    assert!(
        comparison.contains(&sfpc::display::gbp_compact(a.council_npv_gbp)),
        "{comparison}"
    );
}

#[test]
fn no_payback_means_no_payback_marker() {
    let s = scenario("family_valued", 2, 0.035, json!({ "setup_cost_gbp": 1e6 }));
    let a = &evaluate(&s).programmes[0];
    assert_eq!(a.payback_years, None);
    let cumulative = svg(|area| draw_cumulative_net(area, a, ChartScale::PLAIN).expect("drawn"));
    assert!(!cumulative.contains("Pays back"));
}

#[test]
fn uncertainty_charts_draw_their_data() {
    use sfpc::charts::{draw_fan, draw_npv_histogram, draw_tornado};
    let scenario = sfpc::evidence::default_scenario().expect("defaults");
    let u = sfpc::uncertainty::simulate(
        &scenario,
        sfpc::uncertainty::SimulationConfig {
            draws: 2_000,
            seed: 1,
        },
    );
    let fv = &u.programmes[0];
    let fan = svg(|area| draw_fan(area, fv, ChartScale::PLAIN).expect("fan drawn"));
    assert!(
        fan.contains("Middle 80% of futures") && fan.contains("<polygon"),
        "{fan}"
    );
    let histogram =
        svg(|area| draw_npv_histogram(area, fv, ChartScale::PLAIN).expect("histogram drawn"));
    assert!(histogram.contains("£0"));
    assert!(histogram.matches("<rect").count() >= sfpc::uncertainty::HISTOGRAM_BINS);
    let tornado = svg(|area| draw_tornado(area, fv, ChartScale::PLAIN).expect("tornado drawn"));
    // The widest swing first: its label is in the chart.
    let top = sfpc::display::parameter_label(fv.programme, fv.tornado[0].parameter);
    assert!(tornado.contains(top), "{top} missing");
}

#[test]
fn saved_scenarios_are_overlaid_with_their_labels_and_styles() {
    let saved = |label: &str, saving: f64| {
        serde_json::json!({
            "label": label, "programme": "family_valued",
            "scenario": scenario("family_valued", 3, 0.0, json!({ "saving_per_family_gbp": saving })),
        })
    };
    let input = json!([saved("A", 755.0), saved("B <b>", 900.0), saved("C", 400.0)]);
    let compared =
        sfpc::comparison::compare(&sfpc::format::parse_saved_scenarios(&input).unwrap()).unwrap();
    let chart = svg(|area| {
        sfpc::charts::draw_scenario_comparison(area, &compared, ChartScale::PLAIN).expect("drawn")
    });
    assert!(chart.contains("A (solid, circles)"), "{chart}");
    assert!(
        chart.contains("B &lt;b&gt; (long dashes, squares)"),
        "escaped as text: {chart}"
    );
    assert!(chart.contains("C (short dashes, crosses)"));
    // One line each, with a marker at each of the 4 points (start and 3 years).
    assert!(chart.matches("<circle").count() >= 4);
    assert!(chart.matches("<rect").count() >= 4);
}

#[test]
fn streams_are_stacked_with_patterns_and_the_payers_charted() {
    // Family Safeguarding with every stream: four streams, four fills.
    let s = crate::support::only_stream(
        "family_safeguarding",
        "cp_plans",
        3,
        0.035,
        json!({ "excluded_streams": [] }),
    );
    let appraisal = evaluate(&s);
    let a = &appraisal.programmes[0];
    let flows = svg(|area| draw_yearly_flows(area, a, ChartScale::PLAIN).expect("flows drawn"));
    for legend in [
        "Fewer children on child protection plans (solid)",
        "Children kept out of care (diagonal lines)",
        "Police: fewer domestic-abuse call-outs (horizontal lines)",
        "NHS: fewer emergency visits (vertical lines)",
    ] {
        assert!(flows.contains(legend), "{legend} missing");
    }
    // Hatching is drawn as lines inside the bars: many more than the axes'.
    assert!(flows.matches("<polyline").count() > 100, "patterns drawn");
    let who = svg(|area| {
        sfpc::charts::draw_who_benefits(area, a, ChartScale::PLAIN).expect("who benefits drawn")
    });
    for payer in ["Police", "NHS"] {
        assert!(who.contains(payer), "{payer} missing: {who}");
    }
    // The council's bar is labelled with its discounted savings.
    let council = a.pv_by_payer()[0].1;
    assert!(who.contains(&sfpc::display::gbp_compact(council)), "{who}");
}
