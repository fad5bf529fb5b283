//! Charts of an appraisal, drawn by plotters onto any backend: the HTML canvas
//! in the browser, SVG natively (tests, and reports).
//!
//! Charts take results, never inputs. Colours are the Okabe-Ito palette, safe
//! for colour-blind readers, and no series is told apart by colour alone: bars
//! differ in position and fill (solid, outlined, below the axis), lines in
//! marker and dash, and every bar chart labels its values. Each chart has a
//! data table beside it on the page.

use crate::appraisal::{Appraisal, ProgrammeAppraisal};
use crate::comparison::ComparedScenario;
use crate::display::gbp_compact;
use crate::uncertainty::{FanYear, ProgrammeUncertainty};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const INK: RGBColor = RGBColor(11, 12, 12);
const GRID: RGBColor = RGBColor(216, 216, 216);
/// Okabe-Ito blue: savings, council NPV.
const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Okabe-Ito orange: grant.
const ORANGE: RGBColor = RGBColor(230, 159, 0);
/// Okabe-Ito vermillion: costs.
const VERMILLION: RGBColor = RGBColor(213, 94, 0);
/// The fan's band: Okabe-Ito sky blue, light enough for text on it.
const BAND: RGBColor = RGBColor(182, 219, 242);
/// Okabe-Ito bluish green: public-sector NPV.
const GREEN: RGBColor = RGBColor(0, 158, 115);

/// Drawing failed in the backend (a missing canvas context, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart could not be drawn: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

/// A chart with money against years (or programmes), both axes `f64`.
type Chart<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Every chart returns `ChartError`; plotters' errors convert with `?`.
impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// Sizes in CSS pixels, multiplied by the device pixel ratio so that text and
/// lines are as big on a HiDPI canvas as on a plain one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartScale {
    pub device_pixel_ratio: f64,
}

impl ChartScale {
    pub const PLAIN: ChartScale = ChartScale {
        device_pixel_ratio: 1.0,
    };

    fn px(self, css_px: f64) -> u32 {
        (css_px * self.device_pixel_ratio).round().max(1.0) as u32
    }

    fn font(self, css_px: f64) -> TextStyle<'static> {
        // The enum, not the text "sans-serif": plotters lowercases font
        // names, which would pull Unicode case tables into the download.
        (FontFamily::SansSerif, self.px(css_px) as f64)
            .into_font()
            .color(&INK)
    }
}

/// The value range to plot, always including 0, padded by a tenth.
fn value_range(values: impl IntoIterator<Item = f64>) -> std::ops::Range<f64> {
    let (lo, hi) = values
        .into_iter()
        .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = (hi - lo).max(1.0) * 0.1;
    (lo - if lo < 0.0 { pad } else { 0.0 })..(hi + pad)
}

/// The x axis of a money chart.
struct XAxis<'f> {
    range: std::ops::Range<f64>,
    /// How many labels at most; 0 for none.
    labels: usize,
    format: &'f dyn Fn(&f64) -> String,
    title: &'f str,
    /// Vertical grid lines (for time running continuously, not for bars).
    grid: bool,
}

/// A chart with pounds up the side: the mesh, axes and labels every chart here shares.
fn money_chart<'a, DB: DrawingBackend + 'a>(
    plot: &'a DrawingArea<DB, Shift>,
    x: XAxis,
    y: std::ops::Range<f64>,
    s: ChartScale,
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut chart = ChartBuilder::on(plot)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(48.0))
        .y_label_area_size(s.px(64.0))
        .build_cartesian_2d(x.range, y)?;
    let mut mesh = chart.configure_mesh();
    mesh.light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(x.labels)
        .x_label_formatter(x.format)
        .y_label_formatter(&|v| gbp_compact(*v))
        .x_desc(x.title)
        .label_style(s.font(13.0))
        .axis_desc_style(s.font(13.0));
    if !x.grid {
        mesh.disable_x_mesh();
    }
    mesh.draw()?;
    Ok(chart)
}

/// Points of a running total over time: (0, 0) at the start, then the value at
/// the end of each year (year index t ends at t + 1).
fn from_start<T>(items: &[T], year: fn(&T) -> u32, value: impl Fn(&T) -> f64) -> Vec<(f64, f64)> {
    std::iter::once((0.0, 0.0))
        .chain(items.iter().map(|i| (f64::from(year(i)) + 1.0, value(i))))
        .collect()
}

/// A thick line with a circle at each point.
fn line_with_circles<'a, DB: DrawingBackend + 'a>(
    chart: &mut Chart<'a, DB>,
    points: &[(f64, f64)],
    s: ChartScale,
) -> DrawResult<DB> {
    chart.draw_series(LineSeries::new(
        points.to_vec(),
        BLUE.stroke_width(s.px(2.5)),
    ))?;
    chart.draw_series(
        points
            .iter()
            .map(|&p| Circle::new(p, s.px(4.0), BLUE.filled())),
    )?;
    Ok(())
}

/// The year index on an x axis of bars, labelled from 1 for people.
fn year_label(x: &f64) -> String {
    if (x - x.round()).abs() < 1e-6 && *x >= 0.0 {
        format!("{}", x.round() as i64 + 1)
    } else {
        String::new()
    }
}

fn bar(x0: f64, x1: f64, value: f64, style: ShapeStyle) -> Rectangle<(f64, f64)> {
    Rectangle::new([(x0, 0.0), (x1, value)], style)
}

/// How a series is drawn, for its legend entry.
#[derive(Clone, Copy)]
enum Mark {
    Filled(RGBColor),
    Outline(RGBColor),
    Line(RGBColor),
    Dashed(RGBColor),
    Dotted(RGBColor),
}

/// Draws the legend as rows above the plot, wrapping to the width, so it
/// never covers the data; returns the area left for the plot.
fn legend_row<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[(&str, Mark)],
    s: ChartScale,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let font = s.font(12.5);
    let (width, _) = area.dim_in_pixel();
    let (pad, swatch, gap, line) = (s.px(12.0), s.px(14.0), s.px(18.0), s.px(20.0));
    let mut placed = Vec::with_capacity(items.len());
    let (mut x, mut y) = (pad, s.px(6.0));
    for &(label, mark) in items {
        let (text_width, _) = area.estimate_text_size(label, &font)?;
        let item_width = swatch + s.px(6.0) + text_width;
        if x > pad && x + item_width > width.saturating_sub(pad) {
            x = pad;
            y += line;
        }
        placed.push((x as i32, (y + line / 2) as i32, label, mark));
        x += item_width + gap;
    }
    let (top, rest) = area.split_vertically(y + line + s.px(4.0));
    let (half, sw) = ((swatch / 2) as i32, swatch as i32);
    let thick = s.px(2.5);
    for (x, y, label, mark) in placed {
        let square = [(x, y - half), (x + sw, y + half)];
        match mark {
            Mark::Filled(c) => top.draw(&Rectangle::new(square, c.filled()))?,
            Mark::Outline(c) => top.draw(&Rectangle::new(square, c.stroke_width(thick)))?,
            Mark::Line(c) => top.draw(&PathElement::new(
                [(x, y), (x + sw, y)],
                c.stroke_width(thick),
            ))?,
            Mark::Dashed(c) => {
                let third = sw / 3;
                top.draw(&PathElement::new(
                    [(x, y), (x + third, y)],
                    c.stroke_width(thick),
                ))?;
                top.draw(&PathElement::new(
                    [(x + 2 * third, y), (x + sw, y)],
                    c.stroke_width(thick),
                ))?;
            }
            Mark::Dotted(c) => {
                let fifth = sw / 5;
                for k in [0, 2, 4] {
                    top.draw(&PathElement::new(
                        [(x + k * fifth, y), (x + (k + 1) * fifth, y)],
                        c.stroke_width(thick),
                    ))?;
                }
            }
        }
        let text_x = x + sw + s.px(6.0) as i32;
        top.draw(&Text::new(
            label,
            (text_x, y),
            font.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(rest)
}

/// Chart 1: savings, grant and costs in each year, with the council's net.
pub fn draw_yearly_flows<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: &ProgrammeAppraisal,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let plot = legend_row(
        area,
        &[
            ("Savings (solid)", Mark::Filled(BLUE)),
            ("Grant (outline)", Mark::Outline(ORANGE)),
            ("Costs (below the line)", Mark::Filled(VERMILLION)),
            ("Council net (line, crosses)", Mark::Line(INK)),
        ],
        s,
    )?;
    let n = a.years.len() as f64;
    let values = a
        .years
        .iter()
        .flat_map(|y| [y.benefits_gbp, y.grant_gbp, -y.costs_gbp, y.council_net_gbp]);
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
    chart.draw_series(a.years.iter().map(|y| {
        let x = y.year as f64;
        bar(x - 1.5 * w, x - 0.5 * w, y.benefits_gbp, BLUE.filled())
    }))?;
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

fn zero_line<'a, DB: DrawingBackend + 'a>(
    chart: &mut Chart<'a, DB>,
    x0: f64,
    x1: f64,
    s: ChartScale,
) -> DrawResult<DB> {
    chart.draw_series(std::iter::once(PathElement::new(
        [(x0, 0.0), (x1, 0.0)],
        INK.stroke_width(s.px(1.0)),
    )))?;
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
        format: &|x| format!("{x:.0}"),
        title: "Years from the start",
        grid: true,
    };
    let mut chart = money_chart(&plot, x, value_range(values), s)?;
    zero_line(&mut chart, 0.0, n, s)?;
    line_with_circles(&mut chart, &cumulative, s)?;
    chart.draw_series(DashedLineSeries::new(
        discounted,
        s.px(6.0),
        s.px(4.0),
        INK.stroke_width(s.px(1.5)),
    ))?;
    if let Some(p) = a.payback_years {
        let label = format!("Pays back: {p:.1} years");
        chart.draw_series(std::iter::once(
            EmptyElement::at((p, 0.0))
                + payback_marker(s)
                + Text::new(
                    label,
                    (0, s.px(12.0) as i32),
                    s.font(13.0).pos(Pos::new(
                        if p > n / 2.0 { HPos::Right } else { HPos::Left },
                        VPos::Top,
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

/// An upward triangle under the payback point, from pixel offsets: plotters'
/// `TriangleMarker` works its corners out with sine and cosine, which would
/// add kilobytes of trigonometry to the WebAssembly download.
fn payback_marker(s: ChartScale) -> Polygon<(i32, i32)> {
    let h = s.px(8.0) as i32;
    Polygon::new(vec![(0, 0), (h, 2 * h), (-h, 2 * h)], INK.filled())
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
    let mut range = value_range(values);
    // Room for the value labels above and below the bars.
    let span = range.end - range.start;
    range = (range.start - if range.start < 0.0 { span * 0.08 } else { 0.0 })
        ..(range.end + span * 0.08);
    let names: Vec<&'static str> = programmes.iter().map(|p| p.programme.name()).collect();
    let plot = legend_row(
        area,
        &[
            ("Council NPV (solid)", Mark::Filled(BLUE)),
            ("Public-sector NPV (outline)", Mark::Outline(GREEN)),
        ],
        s,
    )?;
    // No axis labels: `programme_labels` writes the names, wrapping them.
    let x = XAxis {
        range: -0.5..n - 0.5,
        labels: 0,
        format: &|_| String::new(),
        title: "",
        grid: false,
    };
    let mut chart = money_chart(&plot, x, range.clone(), s)?;
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
        chart.draw_series(programmes.iter().enumerate().map(|(i, p)| {
            let v = value(p);
            let anchor = if v >= 0.0 { VPos::Bottom } else { VPos::Top };
            let nudge = if v >= 0.0 {
                -(s.px(3.0) as i32)
            } else {
                s.px(3.0) as i32
            };
            EmptyElement::at((i as f64 + (offset + 0.5) * w, v))
                + Text::new(
                    gbp_compact(v),
                    (0, nudge),
                    s.font(12.0).pos(Pos::new(HPos::Center, anchor)),
                )
        }))?;
    }
    zero_line(&mut chart, -0.5, n - 0.5, s)?;
    programme_labels(&plot, &chart, &names, range.start, s)?;
    Ok(())
}

/// Names under the comparison's bars, broken onto two lines when a name is
/// wider than its slot (as on a phone), which plotters' axis labels cannot do.
fn programme_labels<'a, DB: DrawingBackend + 'a>(
    plot: &DrawingArea<DB, Shift>,
    chart: &Chart<'a, DB>,
    names: &[&str],
    bottom: f64,
    s: ChartScale,
) -> DrawResult<DB> {
    let font = s.font(13.0);
    let (base_x, base_y) = plot.get_base_pixel();
    let slot = plot.dim_in_pixel().0 / names.len().max(1) as u32;
    for (i, name) in names.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(i as f64, bottom));
        let (x, mut y) = (x - base_x, y - base_y + s.px(8.0) as i32);
        let (width, height) = plot.estimate_text_size(name, &font)?;
        let lines: Vec<String> = match name.rsplit_once(' ') {
            Some((first, last)) if width + s.px(8.0) > slot => vec![first.into(), last.into()],
            _ => vec![(*name).into()],
        };
        for line in lines {
            plot.draw(&Text::new(
                line,
                (x, y),
                font.pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
            y += height as i32 + s.px(2.0) as i32;
        }
    }
    Ok(())
}

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
        format: &|x| format!("{x:.0}"),
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
        .y_label_formatter(&|v| format!("{v:.0}"))
        .x_desc("Council net present value")
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
    let mut chart = ChartBuilder::on(&plot)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(48.0))
        .y_label_area_size(s.px(8.0))
        .build_cartesian_2d((lo - pad)..(hi + pad), 0.0..rows)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(6)
        .y_labels(0)
        .x_label_formatter(&|v| gbp_compact(*v))
        .x_desc("Council net present value")
        .label_style(s.font(13.0))
        .axis_desc_style(s.font(13.0))
        .draw()?;
    let thick = s.px(2.0);
    for (i, bar) in bars.iter().enumerate() {
        // Row 0 (the widest swing) at the top.
        let y = rows - 1.0 - i as f64;
        let label = crate::display::parameter_label(u.programme, bar.parameter);
        chart.draw_series(std::iter::once(
            EmptyElement::at((lo - pad, y + 0.97))
                + Text::new(
                    label,
                    (s.px(4.0) as i32, 0),
                    s.font(12.0).pos(Pos::new(HPos::Left, VPos::Top)),
                ),
        ))?;
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
        format: &|x| format!("{x:.0}"),
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
