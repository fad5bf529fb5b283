//! The hex map of England's councils: one equal hexagon a council (Open
//! Innovations' 2020 cartogram brought up to today's councils by
//! `scripts/councils.py`, `hexmap.rs`), and each council's figure for a
//! model put into a band of the map's scale. The chart draws it
//! (`charts::draw_council_map`), the display words it.

use super::{Council, CouncilResult};
use crate::registry::ProgrammeId;
use crate::scenario::FigureKind;

/// A council's cell of the odd-r hex grid: odd rows are shifted half a
/// hexagon east; rows rise northwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hex {
    pub code: &'static str,
    pub q: i16,
    pub r: i16,
}

pub use super::hexmap::HEXES;

/// √3 / 2: a pointy-top hexagon's row spacing over its width.
const ROW_SPACING: f64 = 0.866_025_403_784_438_6;

/// 1 / √3: a pointy-top hexagon's radius (centre to corner) over its width.
pub const HEX_RADIUS: f64 = 0.577_350_269_189_625_8;

impl Hex {
    /// Its centre in hexagon widths from the grid's west and north edges
    /// (x east, y south), the first column's centre at x = 0.5.
    pub fn centre(&self) -> (f64, f64) {
        let (_, max_r) = grid_rows();
        let odd = f64::from(self.r.rem_euclid(2));
        let x = f64::from(self.q - grid_first_column()) + 0.5 + odd / 2.0;
        let y = f64::from(max_r - self.r) * ROW_SPACING + HEX_RADIUS;
        (x, y)
    }
}

fn grid_first_column() -> i16 {
    HEXES.iter().map(|h| h.q).min().unwrap_or(0)
}

fn grid_rows() -> (i16, i16) {
    let min = HEXES.iter().map(|h| h.r).min().unwrap_or(0);
    let max = HEXES.iter().map(|h| h.r).max().unwrap_or(0);
    (min, max)
}

/// The grid's size in hexagon widths (east-west, north-south).
pub fn grid_size() -> (f64, f64) {
    let columns = HEXES.iter().map(|h| h.q).max().unwrap_or(0) - grid_first_column();
    let (min_r, max_r) = grid_rows();
    let width = f64::from(columns) + 1.5;
    let height = f64::from(max_r - min_r) * ROW_SPACING + 2.0 * HEX_RADIUS;
    (width, height)
}

/// The hexagon of a council, by its code.
pub fn hex_of(code: &str) -> Option<&'static Hex> {
    HEXES.iter().find(|h| h.code == code)
}

/// What the map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapMeasure {
    CouncilNpv,
    CashableNpv,
    ChanceBetterOff,
    Payback,
}

impl MapMeasure {
    pub const ALL: [MapMeasure; 4] = [
        MapMeasure::CouncilNpv,
        MapMeasure::CashableNpv,
        MapMeasure::ChanceBetterOff,
        MapMeasure::Payback,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MapMeasure::CouncilNpv => "council_npv",
            MapMeasure::CashableNpv => "cashable_npv",
            MapMeasure::ChanceBetterOff => "chance_better_off",
            MapMeasure::Payback => "payback",
        }
    }

    pub fn from_key(key: &str) -> Option<MapMeasure> {
        MapMeasure::ALL.into_iter().find(|m| m.key() == key)
    }

    /// Money diverges about zero; chances and years run one way.
    pub fn diverging(self) -> bool {
        matches!(self, MapMeasure::CouncilNpv | MapMeasure::CashableNpv)
    }

    /// A council's figure, if it has one (a chance needs a simulation; a
    /// payback may not come within the period).
    pub fn of(self, r: &CouncilResult) -> Option<f64> {
        match self {
            MapMeasure::CouncilNpv => Some(r.council_npv_gbp),
            MapMeasure::CashableNpv => Some(r.council_cashable_npv_gbp),
            MapMeasure::ChanceBetterOff => r.probability_council_npv_positive,
            MapMeasure::Payback => r.payback_years,
        }
    }
}

/// The map's scale: the breaks between bands, ascending. Band `i` holds the
/// values above break `i - 1` and up to break `i`; the first and last bands
/// are open. A payback map has one more band, for no payback in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub measure: MapMeasure,
    pub breaks: Vec<f64>,
}

impl Scale {
    /// Bands with figures, plus the payback map's "not within the period".
    pub fn bands(&self) -> usize {
        self.breaks.len() + 1 + usize::from(self.measure == MapMeasure::Payback)
    }

    /// The band of a council's figure: how many breaks it is above. A
    /// payback not within the period is the last band; a chance not
    /// simulated has none.
    pub fn band(&self, value: Option<f64>) -> Option<usize> {
        match value {
            Some(v) => Some(self.breaks.iter().filter(|b| v > **b).count()),
            None if self.measure == MapMeasure::Payback => Some(self.breaks.len() + 1),
            None => None,
        }
    }
}

/// 1, 2, 2.5 or 5 × a power of ten, at least `x`.
fn nice(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || !x.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= x)
        .unwrap_or(10.0 * power)
}

/// The scale for a measure's figures: money in six bands about zero (steps
/// of a round third of the largest figure either side); chances in fifths;
/// payback by 1, 2, 3 and 5 years.
pub fn scale_for(measure: MapMeasure, values: &[f64]) -> Scale {
    let breaks = match measure {
        MapMeasure::CouncilNpv | MapMeasure::CashableNpv => {
            let largest = values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
            let step = nice(largest / 3.0);
            vec![-2.0 * step, -step, 0.0, step, 2.0 * step]
        }
        MapMeasure::ChanceBetterOff => vec![0.2, 0.4, 0.6, 0.8],
        MapMeasure::Payback => vec![1.0, 2.0, 3.0, 5.0],
    };
    Scale { measure, breaks }
}

/// One council on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapCell {
    pub council: &'static Council,
    pub hex: &'static Hex,
    pub value: Option<f64>,
    pub band: Option<usize>,
    /// How many of the council's figures are of each kind, in
    /// [`FigureKind::ALL`]'s order.
    pub kinds: [usize; 4],
}

/// A model's map: each council's cell, figure and band, and the scale.
#[derive(Clone, Debug, PartialEq)]
pub struct MapView {
    pub programme: ProgrammeId,
    pub measure: MapMeasure,
    pub scale: Scale,
    /// In the order a keyboard moves through them: north to south, then
    /// west to east.
    pub cells: Vec<MapCell>,
}

/// The map of one model's results across councils.
pub fn map_view(rows: &[CouncilResult], programme: ProgrammeId, measure: MapMeasure) -> MapView {
    let rows: Vec<&CouncilResult> = rows.iter().filter(|r| r.programme == programme).collect();
    let values: Vec<f64> = rows.iter().filter_map(|r| measure.of(r)).collect();
    let scale = scale_for(measure, &values);
    let mut cells: Vec<MapCell> = rows
        .iter()
        .filter_map(|r| {
            let hex = hex_of(r.council.code)?;
            let value = measure.of(r);
            let mut kinds = [0; 4];
            for p in &r.prefills {
                if let Some(i) = FigureKind::ALL.iter().position(|k| *k == p.kind) {
                    kinds[i] += 1;
                }
            }
            Some(MapCell {
                council: r.council,
                hex,
                value,
                band: scale.band(value),
                kinds,
            })
        })
        .collect();
    cells.sort_by_key(|c| (-c.hex.r, c.hex.q));
    MapView {
        programme,
        measure,
        scale,
        cells,
    }
}
