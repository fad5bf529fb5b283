//! Charts of the uncertainty analysis: the fan (4), the histogram of council
//! NPV (5) and the tornado (6).

use super::*;
use crate::uncertainty::{FanYear, ProgrammeUncertainty};

/// Chart 4: the fan of cumulative council net across simulated futures: the
/// middle 80% (P10 to P90) shaded, the median as a line.
pub fn draw_fan<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    u: &ProgrammeUncertainty,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let plot = legend_row(
        area,
        &[
            (
                "Middle 80% of futures, P10 to P90 (shaded)",
                Mark::Filled(BAND),
            ),
            ("Median (line, circles)", Mark::Line(BLUE)),
        ],
        s,
    )?;
    let n = u.fan.len() as f64;
    let year = |f: &FanYear| f.year;
    let low = from_start(&u.fan, year, |f| f.p10_gbp);
    let median = from_start(&u.fan, year, |f| f.p50_gbp);
    let high = from_start(&u.fan, year, |f| f.p90_gbp);
    let values = low.iter().chain(&high).map(|p| p.1);
    let x = XAxis {
        range: 0.0..n,
        labels: u.fan.len().min(15) + 1,
        format: &|x| crate::display::whole(*x),
        title: "Years from the start",
        grid: true,
    };
    let mut chart = money_chart(&plot, x, value_range(values), s)?;
    let band: Vec<(f64, f64)> = high.iter().chain(low.iter().rev()).copied().collect();
    chart.draw_series(std::iter::once(Polygon::new(band, BAND.filled())))?;
    let thin = s.px(1.0);
    for edge in [&low, &high] {
        chart.draw_series(LineSeries::new(
            edge.clone(),
            BLUE.mix(0.6).stroke_width(thin),
        ))?;
    }
    zero_line(&mut chart, 0.0, n, s)?;
    line_with_circles(&mut chart, &median, s)?;
    Ok(())
}

/// Chart 5: how council NPV is spread across simulated futures, £0 marked.
pub fn draw_npv_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    u: &ProgrammeUncertainty,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let plot = legend_row(
        area,
        &[
            ("Council NPV below £0 (outline)", Mark::Outline(VERMILLION)),
            ("£0 or above (solid)", Mark::Filled(BLUE)),
        ],
        s,
    )?;
    let first = u.histogram.first().map_or(-1.0, |b| b.from_gbp);
    let last = u.histogram.last().map_or(1.0, |b| b.to_gbp);
    let pad = ((last - first).abs()).max(1.0) * 0.05;
    let (lo, hi) = ((first - pad).min(0.0), (last + pad).max(0.0));
    let top = u
        .histogram
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(1)
        .max(1) as f64
        * 1.15;
    let mut chart = ChartBuilder::on(&plot)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(48.0))
        .y_label_area_size(s.px(64.0))
        .build_cartesian_2d(lo..hi, 0.0..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(6)
        .x_label_formatter(&|v| gbp_compact(*v))
        .y_label_formatter(&|v| crate::display::whole(*v))
        .x_desc(crate::display::COUNCIL_NPV.label)
        .y_desc("Futures")
        .label_style(s.font(13.0))
        .axis_desc_style(s.font(13.0))
        .draw()?;
    let thick = s.px(2.0);
    chart.draw_series(u.histogram.iter().map(|b| {
        // A bin straddling £0 is drawn as a gain if its middle is.
        let style = if (b.from_gbp + b.to_gbp) / 2.0 < 0.0 {
            VERMILLION.stroke_width(thick)
        } else {
            BLUE.filled()
        };
        Rectangle::new([(b.from_gbp, 0.0), (b.to_gbp, f64::from(b.count))], style)
    }))?;
    chart.draw_series(DashedLineSeries::new(
        [(0.0, 0.0), (0.0, top)],
        s.px(6.0),
        s.px(4.0),
        INK.stroke_width(s.px(2.0)),
    ))?;
    chart.draw_series(std::iter::once(
        EmptyElement::at((0.0, top))
            + Text::new(
                "£0",
                (s.px(4.0) as i32, s.px(2.0) as i32),
                s.font(13.0).pos(Pos::new(HPos::Left, VPos::Top)),
            ),
    ))?;
    Ok(())
}

/// The tornado shows this many parameters at most; its table shows them all.
pub const TORNADO_ROWS: usize = 8;

/// Chart 6: the tornado: council NPV as each ranged parameter moves from its
/// low to its high, the rest at their values; the widest swing on top. Each
/// parameter's name is written above its bar, so long names fit on a phone.
pub fn draw_tornado<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    u: &ProgrammeUncertainty,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let plot = legend_row(
        area,
        &[
            ("Parameter at its low (outline)", Mark::Outline(VERMILLION)),
            ("At its high (solid)", Mark::Filled(BLUE)),
        ],
        s,
    )?;
    let bars = &u.tornado[..u.tornado.len().min(TORNADO_ROWS)];
    let centre = u.central_council_npv_gbp;
    let values = bars
        .iter()
        .flat_map(|b| [b.npv_at_low_gbp, b.npv_at_high_gbp])
        .chain([centre]);
    let (lo, hi) = values.fold((centre, centre), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = (hi - lo).max(1.0) * 0.08;
    let rows = bars.len().max(1) as f64;
    let x = (lo - pad)..(hi + pad);
    let mut chart = bar_rows(&plot, x, rows, crate::display::COUNCIL_NPV.label, s)?;
    let thick = s.px(2.0);
    for (i, bar) in bars.iter().enumerate() {
        // Row 0 (the widest swing) at the top.
        let y = rows - 1.0 - i as f64;
        let label = crate::display::parameter_label(u.programme, bar.parameter);
        row_label(&mut chart, (lo - pad, y), label, s)?;
        let (y0, y1) = (y + 0.1, y + 0.5);
        chart.draw_series([
            Rectangle::new(
                [(centre, y0), (bar.npv_at_low_gbp, y1)],
                VERMILLION.stroke_width(thick),
            ),
            Rectangle::new([(centre, y0), (bar.npv_at_high_gbp, y1)], BLUE.filled()),
        ])?;
    }
    chart.draw_series(std::iter::once(PathElement::new(
        [(centre, 0.0), (centre, rows)],
        INK.stroke_width(s.px(1.5)),
    )))?;
    Ok(())
}
