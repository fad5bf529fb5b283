//! Chart 7: the saved scenarios' cumulative council net positions, overlaid.

use super::*;
use crate::comparison::ComparedScenario;

/// How each saved scenario's line is drawn: A solid with circles, B long
/// dashes with squares, C short dashes with crosses, so that they differ in
/// more than colour.
const SCENARIO_STYLES: [(&str, Mark); 3] = [
    ("solid, circles", Mark::Line(BLUE)),
    ("long dashes, squares", Mark::Dashed(VERMILLION)),
    ("short dashes, crosses", Mark::Dotted(GREEN)),
];

/// Chart 7: the saved scenarios' cumulative council net positions, overlaid.
pub fn draw_scenario_comparison<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    compared: &[ComparedScenario],
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let compared = &compared[..compared.len().min(SCENARIO_STYLES.len())];
    let labels: Vec<String> = compared
        .iter()
        .zip(SCENARIO_STYLES)
        .map(|(c, (how, _))| format!("{} ({how})", c.label))
        .collect();
    let legend: Vec<(&str, Mark)> = labels
        .iter()
        .zip(SCENARIO_STYLES)
        .map(|(l, (_, mark))| (l.as_str(), mark))
        .collect();
    let plot = legend_row(area, &legend, s)?;
    let year = |y: &crate::appraisal::YearRow| y.year;
    let lines: Vec<Vec<(f64, f64)>> = compared
        .iter()
        .map(|c| from_start(&c.appraisal.years, year, |y| y.cumulative_council_net_gbp))
        .collect();
    let n = compared
        .iter()
        .map(|c| c.appraisal.years.len())
        .max()
        .unwrap_or(1) as f64;
    let x = XAxis {
        range: 0.0..n,
        labels: (n as usize).min(15) + 1,
        format: &|x| crate::display::whole(*x),
        title: "Years from the start",
        grid: true,
    };
    let values = lines.iter().flatten().map(|p| p.1);
    let mut chart = money_chart(&plot, x, value_range(values), s)?;
    zero_line(&mut chart, 0.0, n, s)?;
    let (thick, mark) = (s.px(2.5), s.px(4.0) as i32);
    for (points, (_, style)) in lines.iter().zip(SCENARIO_STYLES) {
        match style {
            Mark::Dashed(c) => {
                chart.draw_series(DashedLineSeries::new(
                    points.clone(),
                    s.px(10.0),
                    s.px(5.0),
                    c.stroke_width(thick),
                ))?;
                chart.draw_series(points.iter().map(|&p| {
                    EmptyElement::at(p) + Rectangle::new([(-mark, -mark), (mark, mark)], c.filled())
                }))?;
            }
            Mark::Dotted(c) => {
                chart.draw_series(DashedLineSeries::new(
                    points.clone(),
                    s.px(4.0),
                    s.px(4.0),
                    c.stroke_width(thick),
                ))?;
                chart.draw_series(
                    points
                        .iter()
                        .map(|&p| Cross::new(p, mark + 1, c.stroke_width(s.px(2.0)))),
                )?;
            }
            _ => line_with_circles(&mut chart, points, s)?,
        }
    }
    Ok(())
}
