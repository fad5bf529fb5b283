//! Charts of one appraisal: the yearly flows by stream (1), the cumulative
//! net position (2), the programmes side by side (3), who benefits (8).

use super::*;
use crate::appraisal::{Appraisal, ProgrammeAppraisal, StreamAppraisal};
use crate::programmes::MAX_STREAMS;

/// How each stream of a programme is drawn, by its place in the programme's
/// list, so that a stream looks the same in every year and view.
const STREAM_STYLES: [(RGBColor, Fill); MAX_STREAMS] = [
    (BLUE, Fill::Solid),
    (GREEN, Fill::Diagonal),
    (PURPLE, Fill::Horizontal),
    (INK, Fill::Vertical),
    (BLUE, Fill::Crosshatch),
    (GREEN, Fill::Horizontal),
];

/// The streams to draw: counted, and not zero in every year.
fn drawn_streams(a: &ProgrammeAppraisal) -> Vec<(usize, &StreamAppraisal)> {
    a.streams
        .iter()
        .enumerate()
        .filter(|(_, st)| st.included && st.benefits_gbp.iter().any(|&v| v != 0.0))
        .collect()
}

/// Each year's stream savings stacked from 0: positive ones up, negative
/// ones down, as (stream, year, from, to).
fn stacked(a: &ProgrammeAppraisal) -> Vec<(usize, usize, f64, f64)> {
    let mut up = vec![0.0; a.years.len()];
    let mut down = vec![0.0; a.years.len()];
    let mut segments = Vec::new();
    for (i, st) in drawn_streams(a) {
        for (t, &v) in st.benefits_gbp.iter().enumerate() {
            let base = if v >= 0.0 { &mut up[t] } else { &mut down[t] };
            segments.push((i, t, *base, *base + v));
            *base += v;
        }
    }
    segments
}

/// Chart 1: each year's savings stacked by stream (the council's and its
/// partners'), the grant and the costs, with the council's net.
pub fn draw_yearly_flows<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: &ProgrammeAppraisal,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let spec = a.programme.spec();
    let labels: Vec<(String, Mark)> = drawn_streams(a)
        .into_iter()
        .map(|(i, st)| {
            let (colour, fill) = STREAM_STYLES[i % MAX_STREAMS];
            let label = spec.stream(st.stream).map_or("", |x| x.label);
            (
                format!("{label} ({})", fill.words()),
                Mark::Pattern(colour, fill),
            )
        })
        .collect();
    let mut legend: Vec<(&str, Mark)> = labels.iter().map(|(l, m)| (l.as_str(), *m)).collect();
    legend.extend([
        ("Grant (outline)", Mark::Outline(ORANGE)),
        ("Costs (below the line)", Mark::Filled(VERMILLION)),
        ("Council net (line, crosses)", Mark::Line(INK)),
    ]);
    let plot = legend_row(area, &legend, s)?;
    let n = a.years.len() as f64;
    let segments = stacked(a);
    let values = a
        .years
        .iter()
        .flat_map(|y| [y.grant_gbp, -y.costs_gbp, y.council_net_gbp])
        .chain(segments.iter().map(|&(_, _, _, to)| to));
    let x = XAxis {
        range: -0.5..n - 0.5,
        labels: a.years.len().min(15) + 1,
        format: &year_label,
        title: "Year",
        grid: false,
    };
    let mut chart = money_chart(&plot, x, value_range(values), s)?;
    let w = 0.26;
    let thick = s.px(2.0);
    {
        let pixel = to_pixels(&plot, &chart);
        for &(i, t, from, to) in &segments {
            let (colour, fill) = STREAM_STYLES[i % MAX_STREAMS];
            let x = t as f64;
            let corners = [pixel(x - 1.5 * w, from), pixel(x - 0.5 * w, to)];
            fill_rect(&plot, corners, colour, fill, s)?;
        }
    }
    chart.draw_series(a.years.iter().map(|y| {
        let x = y.year as f64;
        bar(
            x - 0.5 * w,
            x + 0.5 * w,
            y.grant_gbp,
            ORANGE.stroke_width(thick),
        )
    }))?;
    chart.draw_series(a.years.iter().map(|y| {
        let x = y.year as f64;
        bar(x + 0.5 * w, x + 1.5 * w, -y.costs_gbp, VERMILLION.filled())
    }))?;
    let net: Vec<(f64, f64)> = a
        .years
        .iter()
        .map(|y| (y.year as f64, y.council_net_gbp))
        .collect();
    chart.draw_series(LineSeries::new(net.clone(), INK.stroke_width(thick)))?;
    chart.draw_series(
        net.iter()
            .map(|&p| Cross::new(p, s.px(5.0), INK.stroke_width(thick))),
    )?;
    zero_line(&mut chart, -0.5, n - 0.5, s)?;
    Ok(())
}

/// Chart 2: the council's cumulative net position over time, undiscounted and
/// discounted, with the payback point marked. Time runs in years from the
/// start of year 0, each year's flow spread over it, as payback is defined.
pub fn draw_cumulative_net<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: &ProgrammeAppraisal,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let n = a.years.len() as f64;
    let year = |y: &crate::appraisal::YearRow| y.year;
    let cumulative = from_start(&a.years, year, |y| y.cumulative_council_net_gbp);
    let discounted = from_start(&a.years, year, |y| y.cumulative_discounted_council_net_gbp);
    let values = cumulative.iter().chain(&discounted).map(|p| p.1);
    let plot = legend_row(
        area,
        &[
            ("Cumulative council net (solid, circles)", Mark::Line(BLUE)),
            ("Discounted: NPV to date (dashed)", Mark::Dashed(INK)),
        ],
        s,
    )?;
    let x = XAxis {
        range: 0.0..n,
        labels: a.years.len().min(15) + 1,
        format: &|x| crate::display::whole(*x),
        title: "Years from the start",
        grid: true,
    };
    let range = value_range(values);
    // The payback label goes under the zero line where there is room below
    // it, else above it: near the bottom it would print over the years.
    let room_below = -range.start > 0.35 * (range.end - range.start);
    let mut chart = money_chart(&plot, x, range, s)?;
    zero_line(&mut chart, 0.0, n, s)?;
    line_with_circles(&mut chart, &cumulative, s)?;
    chart.draw_series(DashedLineSeries::new(
        discounted,
        s.px(6.0),
        s.px(4.0),
        INK.stroke_width(s.px(1.5)),
    ))?;
    if let Some(p) = a.payback_years {
        let label = format!("Pays back: {}", crate::display::years(p));
        chart.draw_series(std::iter::once(
            EmptyElement::at((p, 0.0))
                + payback_marker(s)
                + Text::new(
                    label,
                    (0, if room_below { 1 } else { -1 } * s.px(12.0) as i32),
                    s.font(13.0).pos(Pos::new(
                        if p > n / 2.0 { HPos::Right } else { HPos::Left },
                        if room_below { VPos::Top } else { VPos::Bottom },
                    )),
                ),
        ))?;
    }
    Ok(())
}

/// One series of the comparison's bars: which NPV, how drawn, and where in
/// the programme's slot (in bar widths from its centre).
struct NpvBars {
    colour: RGBColor,
    filled: bool,
    value: fn(&ProgrammeAppraisal) -> f64,
    offset: f64,
}

/// Chart 3: the programmes side by side: council and public-sector NPV.
pub fn draw_comparison<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    appraisal: &Appraisal,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let programmes = &appraisal.programmes;
    let n = programmes.len().max(1) as f64;
    let values = programmes
        .iter()
        .flat_map(|p| [p.council_npv_gbp, p.public_npv_gbp]);
    let names: Vec<&'static str> = programmes.iter().map(|p| p.programme.name()).collect();
    let plot = legend_row(
        area,
        &[
            ("Council NPV (solid)", Mark::Filled(BLUE)),
            ("Public-sector NPV (outline)", Mark::Outline(GREEN)),
        ],
        s,
    )?;
    let (mut chart, bottom) = category_chart(&plot, n, values, s)?;
    let w = 0.35;
    let thick = s.px(3.0);
    let series = [
        NpvBars {
            colour: BLUE,
            filled: true,
            value: |p| p.council_npv_gbp,
            offset: -1.0,
        },
        NpvBars {
            colour: GREEN,
            filled: false,
            value: |p| p.public_npv_gbp,
            offset: 0.0,
        },
    ];
    for NpvBars {
        colour,
        filled,
        value,
        offset,
    } in series
    {
        let style = if filled {
            colour.filled()
        } else {
            colour.stroke_width(thick)
        };
        chart.draw_series(programmes.iter().enumerate().map(|(i, p)| {
            let x0 = i as f64 + offset * w;
            bar(x0, x0 + w, value(p), style)
        }))?;
        let labels = programmes.iter().enumerate();
        let at = |(i, p): (usize, &ProgrammeAppraisal)| (i as f64 + (offset + 0.5) * w, value(p));
        value_labels(&mut chart, labels.map(at), s)?;
    }
    zero_line(&mut chart, -0.5, n - 0.5, s)?;
    programme_labels(&plot, &chart, &names, bottom, s)?;
    Ok(())
}

/// A chart of `n` categories (programmes, payers) with pounds up the side,
/// room above and below the bars for their value labels, and no axis labels:
/// [`programme_labels`] writes the names under the bars, wrapping them.
/// Returns the chart and the bottom of its value range.
fn category_chart<'a, DB: DrawingBackend + 'a>(
    plot: &'a DrawingArea<DB, Shift>,
    n: f64,
    values: impl IntoIterator<Item = f64>,
    s: ChartScale,
) -> Result<(Chart<'a, DB>, f64), DrawingAreaErrorKind<DB::ErrorType>> {
    let range = value_range(values);
    let span = range.end - range.start;
    let bottom = range.start - if range.start < 0.0 { span * 0.08 } else { 0.0 };
    let x = XAxis {
        range: -0.5..n - 0.5,
        labels: 0,
        format: &|_| String::new(),
        title: "",
        grid: false,
    };
    let chart = money_chart(plot, x, bottom..(range.end + span * 0.08), s)?;
    Ok((chart, bottom))
}

/// Each bar's value, above it (or below, for a negative one).
fn value_labels<'a, DB: DrawingBackend + 'a>(
    chart: &mut Chart<'a, DB>,
    bars: impl Iterator<Item = (f64, f64)>,
    s: ChartScale,
) -> DrawResult<DB> {
    chart.draw_series(bars.map(|(x, v)| {
        let (anchor, nudge) = if v >= 0.0 {
            (VPos::Bottom, -(s.px(3.0) as i32))
        } else {
            (VPos::Top, s.px(3.0) as i32)
        };
        EmptyElement::at((x, v))
            + Text::new(
                gbp_compact(v),
                (0, nudge),
                s.font(12.0).pos(Pos::new(HPos::Center, anchor)),
            )
    }))?;
    Ok(())
}

/// Maps a chart's data coordinates to pixels of the area it was built on,
/// for drawing fills there ([`fill_rect`]).
fn to_pixels<'c, 'a: 'c, DB: DrawingBackend + 'a>(
    plot: &'c DrawingArea<DB, Shift>,
    chart: &'c Chart<'a, DB>,
) -> impl Fn(f64, f64) -> (i32, i32) + use<'c, 'a, DB> {
    let (base_x, base_y) = plot.get_base_pixel();
    move |x, y| {
        let (px, py) = chart.backend_coord(&(x, y));
        (px - base_x, py - base_y)
    }
}

/// Chart 8: who benefits: each payer's discounted savings over the period,
/// the council's solid and everyone else's hatched.
pub fn draw_who_benefits<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: &ProgrammeAppraisal,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let payers = a.pv_by_payer();
    let plot = legend_row(
        area,
        &[
            ("The council's savings (solid)", Mark::Filled(BLUE)),
            (
                "Other public bodies' (diagonal lines)",
                Mark::Pattern(GREEN, Fill::Diagonal),
            ),
        ],
        s,
    )?;
    let n = payers.len().max(1) as f64;
    let values = payers.iter().map(|(_, pv)| *pv);
    let (mut chart, bottom) = category_chart(&plot, n, values, s)?;
    {
        let pixel = to_pixels(&plot, &chart);
        for (i, (payer, pv)) in payers.iter().enumerate() {
            let (colour, fill) = if payer.is_council() {
                (BLUE, Fill::Solid)
            } else {
                (GREEN, Fill::Diagonal)
            };
            let x = i as f64;
            fill_rect(
                &plot,
                [pixel(x - 0.3, 0.0), pixel(x + 0.3, *pv)],
                colour,
                fill,
                s,
            )?;
        }
    }
    let labels = payers
        .iter()
        .enumerate()
        .map(|(i, (_, pv))| (i as f64, *pv));
    value_labels(&mut chart, labels, s)?;
    zero_line(&mut chart, -0.5, n - 0.5, s)?;
    let names: Vec<&str> = payers.iter().map(|(p, _)| p.label()).collect();
    programme_labels(&plot, &chart, &names, bottom, s)?;
    Ok(())
}
