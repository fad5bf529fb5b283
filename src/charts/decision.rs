//! Charts of the decision: what each figure is worth knowing before
//! deciding (10, EVPPI, largest first) and the chance the council's net
//! present value clears each amount (11, the acceptability curve).

use super::*;
use crate::uncertainty::ProgrammeUncertainty;
use crate::value_of_information::{Item, ProgrammeValue};

/// The most bars chart 10 shows (its table has every one).
pub const EVPPI_ROWS: usize = 10;

/// Chart 10: EVPPI of the trial's effects (hatched), each group (outline)
/// and each figure (solid), largest first; only those worth anything.
pub fn draw_evppi<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    v: &ProgrammeValue,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let plot = legend_row(
        area,
        &[
            ("One figure (solid)", Mark::Filled(BLUE)),
            ("A group of figures (outline)", Mark::Outline(BLUE)),
            (
                "What the trial will measure (hatched)",
                Mark::Pattern(VERMILLION, Fill::Diagonal),
            ),
        ],
        s,
    )?;
    let all = crate::display::evppi_bars(v);
    if all.is_empty() {
        plot.draw(&Text::new(
            crate::display::NOTHING_WORTH_KNOWING,
            (s.px(12.0) as i32, s.px(24.0) as i32),
            s.font(14.0),
        ))?;
        return Ok(());
    }
    let bars = &all[..all.len().min(EVPPI_ROWS)];
    let top = bars.first().map_or(1.0, |b| b.value_gbp).max(1.0);
    let rows = bars.len().max(1) as f64;
    let x_desc = "Worth knowing before deciding, up to (EVPPI)";
    let mut chart = bar_rows(&plot, 0.0..top * 1.08, rows, x_desc, s)?;
    let thick = s.px(2.0);
    for (i, bar) in bars.iter().enumerate() {
        let y = rows - 1.0 - i as f64;
        let label = crate::display::item_label(v.programme, bar, &v.waiting);
        row_label(&mut chart, (0.0, y), &label, s)?;
        let (y0, y1) = (y + 0.1, y + 0.5);
        match bar.item {
            Item::Parameter(_) => {
                chart.draw_series([Rectangle::new(
                    [(0.0, y0), (bar.value_gbp, y1)],
                    BLUE.filled(),
                )])?;
            }
            Item::Group(_) => {
                chart.draw_series([Rectangle::new(
                    [(0.0, y0), (bar.value_gbp, y1)],
                    BLUE.stroke_width(thick),
                )])?;
            }
            Item::Trial => {
                let corners = [
                    chart.backend_coord(&(0.0, y0)),
                    chart.backend_coord(&(bar.value_gbp, y1)),
                ];
                fill_rect(area, corners, VERMILLION, Fill::Diagonal, s)?;
                chart.draw_series([Rectangle::new(
                    [(0.0, y0), (bar.value_gbp, y1)],
                    VERMILLION.stroke_width(thick),
                )])?;
            }
        }
    }
    Ok(())
}

/// Chart 11: the chance the council's net present value is above each
/// amount, £0 marked.
pub fn draw_acceptability<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    u: &ProgrammeUncertainty,
    s: ChartScale,
) -> Result<(), ChartError> {
    area.fill(&WHITE)?;
    let plot = legend_row(
        area,
        &[
            (
                "Chance the council's net present value is above the amount (line)",
                Mark::Line(BLUE),
            ),
            ("£0, breaking even (thin upright line)", Mark::Line(INK)),
        ],
        s,
    )?;
    let curve = u.decision.acceptability(101);
    let (lo, hi) = curve.iter().fold((0.0_f64, 0.0_f64), |(lo, hi), &(t, _)| {
        (lo.min(t), hi.max(t))
    });
    let pad = (hi - lo).max(1.0) * 0.05;
    let mut chart = ChartBuilder::on(&plot)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(48.0))
        .y_label_area_size(s.px(56.0))
        .build_cartesian_2d((lo - pad)..(hi + pad), 0.0..1.0)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|v| gbp_compact(*v))
        .y_label_formatter(&|p| crate::display::percent(*p))
        .x_desc("Amount of council net present value")
        .label_style(s.font(13.0))
        .axis_desc_style(s.font(13.0))
        .draw()?;
    chart.draw_series(std::iter::once(PathElement::new(
        [(0.0, 0.0), (0.0, 1.0)],
        INK.stroke_width(s.px(1.0)),
    )))?;
    chart.draw_series(LineSeries::new(curve, BLUE.stroke_width(s.px(2.5))))?;
    Ok(())
}
