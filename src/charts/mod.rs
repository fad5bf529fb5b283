//! Charts of an appraisal, drawn by plotters onto any backend: the HTML canvas
//! in the browser, SVG natively (tests, and reports).
//!
//! Charts take results, never inputs. Colours are the Okabe-Ito palette, safe
//! for colour-blind readers, and no series is told apart by colour alone: bars
//! differ in position and fill (solid, hatched, outlined, below the axis),
//! lines in marker and dash, and every bar chart labels its values. Each chart
//! has a data table and a text summary beside it on the page.
//!
//! - this file: what every chart shares (scale, axes, legend, fills);
//! - [`appraisal`]: charts 1-3 and 8 (yearly flows by stream, cumulative net,
//!   the programmes side by side, who benefits);
//! - [`uncertainty`]: charts 4-6 (fan, histogram, tornado);
//! - [`scenarios`]: chart 7 (saved scenarios overlaid).

mod appraisal;
mod decision;
mod map;
mod scenarios;
mod uncertainty;

pub use appraisal::{draw_comparison, draw_cumulative_net, draw_who_benefits, draw_yearly_flows};
pub use decision::{draw_acceptability, draw_evppi, EVPPI_ROWS};
pub use map::{
    band_colour_hex, council_map_svg, draw_council_map, height_for as map_height_for,
    layout as map_layout,
};
pub use scenarios::draw_scenario_comparison;
pub use uncertainty::{draw_fan, draw_npv_histogram, draw_tornado, TORNADO_ROWS};

use crate::display::gbp_compact;
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
/// Okabe-Ito reddish purple: a third stream.
const PURPLE: RGBColor = RGBColor(204, 121, 167);

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
    // As many money labels as fit the height, a label every 2.4 lines at most.
    let (_, plot_height) = plot.dim_in_pixel();
    let y_labels =
        (f64::from(plot_height) / (f64::from(s.px(13.0)) * 2.4)).clamp(2.0, 10.0) as usize;
    let mut mesh = chart.configure_mesh();
    mesh.light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .y_labels(y_labels)
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

/// A chart of labelled horizontal bars, one a row (row 0 at the top: draw
/// row i at y = rows − 1 − i), money along the bottom: the tornado's and
/// what is worth knowing first.
fn bar_rows<'a, DB: DrawingBackend + 'a>(
    plot: &'a DrawingArea<DB, Shift>,
    x: std::ops::Range<f64>,
    rows: f64,
    x_desc: &str,
    s: ChartScale,
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut chart = ChartBuilder::on(plot)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(48.0))
        .y_label_area_size(s.px(8.0))
        .build_cartesian_2d(x, 0.0..rows)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(6)
        .y_labels(0)
        .x_label_formatter(&|v| gbp_compact(*v))
        .x_desc(x_desc)
        .label_style(s.font(13.0))
        .axis_desc_style(s.font(13.0))
        .draw()?;
    Ok(chart)
}

/// A bar row's label, above its bar, from `x0`.
fn row_label<'a, DB: DrawingBackend + 'a>(
    chart: &mut Chart<'a, DB>,
    (x0, y): (f64, f64),
    label: &str,
    s: ChartScale,
) -> DrawResult<DB> {
    chart.draw_series(std::iter::once(
        EmptyElement::at((x0, y + 0.97))
            + Text::new(
                label.to_owned(),
                (s.px(4.0) as i32, 0),
                s.font(12.0).pos(Pos::new(HPos::Left, VPos::Top)),
            ),
    ))?;
    Ok(())
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

/// How a bar is filled: each benefit stream has its own, so that streams
/// differ in more than colour (and survive a black-and-white printout).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fill {
    Solid,
    Diagonal,
    Horizontal,
    Vertical,
    Crosshatch,
}

impl Fill {
    /// The fill in words, for legends and summaries.
    fn words(self) -> &'static str {
        match self {
            Fill::Solid => "solid",
            Fill::Diagonal => "diagonal lines",
            Fill::Horizontal => "horizontal lines",
            Fill::Vertical => "vertical lines",
            Fill::Crosshatch => "crosshatched",
        }
    }
}

/// Draws a rectangle, given in the area's pixels, with a fill: solid, or an
/// outline with lines inside every 5 CSS pixels.
fn fill_rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    corners: [(i32, i32); 2],
    colour: RGBColor,
    fill: Fill,
    s: ChartScale,
) -> DrawResult<DB> {
    let [(ax, ay), (bx, by)] = corners;
    let (x0, x1, y0, y1) = (ax.min(bx), ax.max(bx), ay.min(by), ay.max(by));
    if fill == Fill::Solid {
        return area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.filled()));
    }
    let step = s.px(5.0).max(2) as usize;
    let line = colour.stroke_width(s.px(1.2));
    let mut segments: Vec<[(i32, i32); 2]> = Vec::new();
    if matches!(fill, Fill::Horizontal | Fill::Crosshatch) {
        segments.extend((y0..=y1).step_by(step).map(|y| [(x0, y), (x1, y)]));
    }
    if matches!(fill, Fill::Vertical | Fill::Crosshatch) {
        segments.extend((x0..=x1).step_by(step).map(|x| [(x, y0), (x, y1)]));
    }
    if fill == Fill::Diagonal {
        // Lines x + y = k, each clipped to the rectangle.
        segments.extend((x0 + y0..=x1 + y1).step_by(step).filter_map(|k| {
            let (from, to) = ((k - y1).max(x0), (k - y0).min(x1));
            (from <= to).then_some([(from, k - from), (to, k - to)])
        }));
    }
    for [a, b] in segments {
        area.draw(&PathElement::new([a, b], line))?;
    }
    area.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        colour.stroke_width(s.px(1.5)),
    ))
}

/// How a series is drawn, for its legend entry.
#[derive(Clone, Copy)]
enum Mark {
    Filled(RGBColor),
    Pattern(RGBColor, Fill),
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
    // A label wider than the chart (a phone's) wraps onto more lines.
    let room = width.saturating_sub(2 * pad + swatch + s.px(6.0)).max(1);
    let mut placed = Vec::with_capacity(items.len());
    let (mut x, mut y, mut row_height) = (pad, s.px(6.0), line);
    for &(label, mark) in items {
        let lines = wrap_words(area, label, &font, room)?;
        let mut text_width = 0;
        for l in &lines {
            text_width = text_width.max(area.estimate_text_size(l, &font)?.0);
        }
        let item_width = swatch + s.px(6.0) + text_width;
        if x > pad && x + item_width > width.saturating_sub(pad) {
            x = pad;
            y += row_height;
            row_height = line;
        }
        row_height = row_height.max(line * lines.len() as u32);
        placed.push((x as i32, (y + line / 2) as i32, lines, mark));
        x += item_width + gap;
    }
    let (top, rest) = area.split_vertically(y + row_height + s.px(4.0));
    let (half, sw) = ((swatch / 2) as i32, swatch as i32);
    let thick = s.px(2.5);
    for (x, y, label, mark) in placed {
        let square = [(x, y - half), (x + sw, y + half)];
        match mark {
            Mark::Filled(c) => top.draw(&Rectangle::new(square, c.filled()))?,
            Mark::Pattern(c, fill) => fill_rect(&top, square, c, fill, s)?,
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
        for (i, text) in (0i32..).zip(&label) {
            top.draw(&Text::new(
                text.as_str(),
                (text_x, y + i * line as i32),
                font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
    }
    Ok(rest)
}

/// `text` in lines no wider than `room` pixels, broken between words (a
/// word wider than the room has a line of its own).
fn wrap_words<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle,
    room: u32,
) -> Result<Vec<String>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        let joined = match lines.last() {
            Some(last) => format!("{last} {word}"),
            None => word.to_owned(),
        };
        if lines.is_empty() || area.estimate_text_size(&joined, font)?.0 <= room {
            match lines.last_mut() {
                Some(last) => *last = joined,
                None => lines.push(joined),
            }
        } else {
            lines.push(word.to_owned());
        }
    }
    Ok(lines)
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

/// An upward triangle under the payback point, from pixel offsets: plotters'
/// `TriangleMarker` works its corners out with sine and cosine, which would
/// add kilobytes of trigonometry to the WebAssembly download.
fn payback_marker(s: ChartScale) -> Polygon<(i32, i32)> {
    let h = s.px(8.0) as i32;
    Polygon::new(vec![(0, 0), (h, 2 * h), (-h, 2 * h)], INK.filled())
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
        let (_, height) = plot.estimate_text_size(name, &font)?;
        let lines = wrap_words(plot, name, &font, slot.saturating_sub(s.px(8.0)).max(1))?;
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
