//! Chart 9: the hex map of England's councils, one hexagon a council,
//! coloured by its band of the map's scale and marked with the band's
//! sign, so that no band is told by colour alone; the legend gives each
//! band's sign, colour and range. Colours: ColorBrewer's PuOr (diverging,
//! money about zero) and Blues (sequential), both safe for colour-blind
//! readers.

use super::{ChartError, ChartScale, INK};
use crate::councils::map::{grid_size, MapView, HEX_RADIUS};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Money: losses orange, gains purple, six bands about zero.
const DIVERGING: [RGBColor; 6] = [
    RGBColor(179, 88, 6),
    RGBColor(241, 163, 64),
    RGBColor(254, 224, 182),
    RGBColor(216, 218, 235),
    RGBColor(153, 142, 195),
    RGBColor(84, 39, 136),
];

/// Chances and years: light to dark blue.
const SEQUENTIAL: [RGBColor; 5] = [
    RGBColor(239, 243, 255),
    RGBColor(189, 215, 231),
    RGBColor(107, 174, 214),
    RGBColor(49, 130, 189),
    RGBColor(8, 81, 156),
];

/// No figure (not simulated), or no payback within the period.
const NONE: RGBColor = RGBColor(216, 216, 216);

/// The colour of a band of a view's scale.
pub fn band_colour(view: &MapView, band: Option<usize>) -> RGBColor {
    let Some(band) = band else { return NONE };
    if view.measure.diverging() {
        return DIVERGING.get(band).copied().unwrap_or(NONE);
    }
    let figures = view.scale.breaks.len() + 1;
    if band >= figures {
        return NONE;
    }
    // Sooner payback is better: darkest first.
    let i = if view.measure == crate::councils::map::MapMeasure::Payback {
        figures - 1 - band
    } else {
        band
    };
    SEQUENTIAL.get(i).copied().unwrap_or(NONE)
}

/// The colour as `#rrggbb`, as the SVG writes it and the tests read it.
pub fn band_colour_hex(view: &MapView, band: Option<usize>) -> String {
    let c = band_colour(view, band);
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Ink that reads on a fill: white on dark fills.
fn ink_on(fill: RGBColor) -> RGBColor {
    let luminance =
        0.2126 * f64::from(fill.0) + 0.7152 * f64::from(fill.1) + 0.0722 * f64::from(fill.2);
    if luminance < 110.0 {
        WHITE
    } else {
        INK
    }
}

/// Where each cell of a view is drawn on an area `width` × `height` CSS
/// pixels: its centre and radius, in the view's cell order. The page puts a
/// focusable control over each, so one layout serves the drawing and the
/// keyboard.
pub fn layout(view: &MapView, width: f64, height: f64) -> Vec<(f64, f64, f64)> {
    let (grid_w, grid_h) = grid_size();
    let map_h = (height - LEGEND_HEIGHT).max(1.0);
    let unit = (width / grid_w).min(map_h / grid_h);
    let left = (width - unit * grid_w) / 2.0;
    view.cells
        .iter()
        .map(|c| {
            let (x, y) = c.hex.centre();
            (left + x * unit, y * unit, unit * HEX_RADIUS)
        })
        .collect()
}

/// Room for the legend under the map, in CSS pixels.
const LEGEND_HEIGHT: f64 = 64.0;

/// The height, in CSS pixels, that fits the map and its legend at `width`.
pub fn height_for(width: f64) -> f64 {
    let (grid_w, grid_h) = grid_size();
    (width * grid_h / grid_w + LEGEND_HEIGHT).ceil()
}

fn hexagon(cx: f64, cy: f64, radius: f64) -> Vec<(i32, i32)> {
    (0..6)
        .map(|k| {
            let angle = std::f64::consts::PI / 3.0 * f64::from(k) + std::f64::consts::PI / 6.0;
            (
                (cx + radius * angle.cos()).round() as i32,
                (cy + radius * angle.sin()).round() as i32,
            )
        })
        .collect()
}

/// Draws the map and its legend; `legend` is each band's words (the
/// display's), in band order.
pub fn draw_council_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &MapView,
    legend: &[String],
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let k = s.device_pixel_ratio;
    let (width, height) = (f64::from(w) / k, f64::from(h) / k);
    let cells = layout(view, width, height);
    let glyph_size = cells.first().map_or(10.0, |c| (c.2 * 0.8).clamp(7.0, 13.0));
    for (cell, (cx, cy, radius)) in view.cells.iter().zip(&cells) {
        let fill = band_colour(view, cell.band);
        let ink = ink_on(fill);
        let points = hexagon(cx * k, cy * k, radius * k * 0.97);
        area.draw(&Polygon::new(points.clone(), fill.filled()))?;
        area.draw(&PathElement::new(
            points
                .iter()
                .copied()
                .chain(points.first().copied())
                .collect::<Vec<_>>(),
            WHITE.stroke_width(s.px(1.0)),
        ))?;
        let style = s
            .font(glyph_size)
            .color(&ink)
            .pos(Pos::new(HPos::Center, VPos::Center));
        area.draw_text(
            crate::display::map_glyph(view, cell.band),
            &style,
            ((cx * k) as i32, (cy * k) as i32),
        )?;
    }
    draw_legend(area, view, legend, width, height, s)?;
    Ok(())
}

/// The legend: a swatch a band, with its sign and its range.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &MapView,
    legend: &[String],
    width: f64,
    height: f64,
    s: ChartScale,
) -> Result<(), ChartError> {
    let k = s.device_pixel_ratio;
    let bands = view.scale.bands();
    let per_row = if width < 560.0 { 2 } else { 3 };
    let column = width / per_row as f64;
    let row_h = LEGEND_HEIGHT / bands.div_ceil(per_row).max(1) as f64;
    let top = height - LEGEND_HEIGHT;
    for (band, words) in legend.iter().enumerate().take(bands) {
        let x = column * (band % per_row) as f64 + 8.0;
        let y = top + row_h * (band / per_row) as f64 + row_h / 2.0;
        let fill = band_colour(view, Some(band));
        let ink = ink_on(fill);
        let size = (row_h * 0.8).min(18.0);
        let swatch = [
            ((x * k) as i32, ((y - size / 2.0) * k) as i32),
            (((x + size) * k) as i32, ((y + size / 2.0) * k) as i32),
        ];
        area.draw(&Rectangle::new(swatch, fill.filled()))?;
        area.draw(&Rectangle::new(swatch, INK.stroke_width(1)))?;
        let glyph = s
            .font(11.0)
            .color(&ink)
            .pos(Pos::new(HPos::Center, VPos::Center));
        let centre = (((x + size / 2.0) * k) as i32, (y * k) as i32);
        area.draw_text(crate::display::map_glyph(view, Some(band)), &glyph, centre)?;
        let text = s.font(12.0).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw_text(
            words,
            &text,
            (((x + size + 6.0) * k) as i32, (y * k) as i32),
        )?;
    }
    Ok(())
}

/// The map as an SVG document, `size` pixels, for the audit pack, `sfpc
/// report` and the embeds' script-free fallback.
pub fn council_map_svg(view: &MapView, size: (u32, u32)) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let legend = crate::display::map_legend(view);
        draw_council_map(&area, view, &legend, ChartScale::PLAIN)?;
        area.present()?;
    }
    // The summary as the document's title, for readers of the image alone.
    let title = crate::display::map_summary(view)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    if let Some(end) = out.find('>') {
        out.insert_str(end + 1, &format!("\n<title>{title}</title>"));
    }
    Ok(out)
}
