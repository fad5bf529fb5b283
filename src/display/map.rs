//! The hex map in words: each band's sign and range (the legend), each
//! council's label (what hover and keyboard focus announce), and the text
//! summary beside the map.

use super::{gbp, gbp_compact, percent, years};
use crate::councils::map::{MapCell, MapMeasure, MapView};
use crate::scenario::FigureKind;

/// The measure's name, as the map's picker and summary say it.
pub fn map_measure_label(m: MapMeasure) -> &'static str {
    match m {
        MapMeasure::CouncilNpv => super::COUNCIL_NPV.label,
        MapMeasure::CashableNpv => super::CASHABLE_NPV.label,
        MapMeasure::ChanceBetterOff => "Chance the council is better off",
        MapMeasure::Payback => super::PAYBACK.label,
    }
}

/// The sign each hexagon carries, so that no band is told by colour alone:
/// money −3 to +3 about zero, chances and years 1 to 5, × for no payback
/// in the period, ? for no figure.
pub fn map_glyph(view: &MapView, band: Option<usize>) -> &'static str {
    const MONEY: [&str; 6] = ["−3", "−2", "−1", "+1", "+2", "+3"];
    const STEPS: [&str; 6] = ["1", "2", "3", "4", "5", "×"];
    match band {
        None => "?",
        Some(b) if view.measure.diverging() => MONEY.get(b).copied().unwrap_or("?"),
        Some(b) => STEPS.get(b).copied().unwrap_or("?"),
    }
}

fn value_text(m: MapMeasure, x: f64) -> String {
    match m {
        MapMeasure::CouncilNpv | MapMeasure::CashableNpv => gbp_compact(x),
        MapMeasure::ChanceBetterOff => percent(x),
        MapMeasure::Payback => years(x),
    }
}

/// Each band's range in words, in band order: the legend.
pub fn map_legend(view: &MapView) -> Vec<String> {
    let b = &view.scale.breaks;
    let m = view.measure;
    let mut out = Vec::new();
    for band in 0..=b.len() {
        let text = match (band.checked_sub(1).map(|i| b[i]), b.get(band)) {
            (None, Some(hi)) => format!("{} or less", value_text(m, *hi)),
            (Some(lo), None) => format!("more than {}", value_text(m, lo)),
            (Some(lo), Some(hi)) => format!("{} to {}", value_text(m, lo), value_text(m, *hi)),
            (None, None) => String::new(),
        };
        out.push(format!("{}: {text}", map_glyph(view, Some(band))));
    }
    if m == MapMeasure::Payback {
        out.push("×: no payback within the period".into());
    }
    out
}

/// What a council's hexagon announces on hover and keyboard focus.
pub fn map_cell_label(view: &MapView, cell: &MapCell) -> String {
    let figure = match (cell.value, view.measure) {
        (Some(x), MapMeasure::CouncilNpv | MapMeasure::CashableNpv) => gbp(x),
        (Some(x), m) => value_text(m, x),
        (None, MapMeasure::Payback) => "no payback within the period".into(),
        (None, _) => "not simulated".into(),
    };
    let kinds: Vec<String> = FigureKind::ALL
        .iter()
        .zip(cell.kinds)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {}", k.label()))
        .collect();
    format!(
        "{}: {} {}, band {}. Figures: {}.",
        cell.council.name,
        super::lowercase_first(map_measure_label(view.measure)),
        figure,
        map_glyph(view, cell.band),
        kinds.join(", ")
    )
}

/// The text beside the map: how many councils gain (or pay back, or are
/// likely better off), and where most of them are.
pub fn map_summary(view: &MapView) -> String {
    let name = view.programme.name();
    let total = view.cells.len();
    let (test, what): (fn(f64) -> bool, &str) = match view.measure {
        MapMeasure::CouncilNpv => (|x| x > 0.0, "is better off for the council"),
        MapMeasure::CashableNpv => (|x| x > 0.0, "saves the council more cash than it costs"),
        MapMeasure::ChanceBetterOff => (
            |x| x > 0.5,
            "is more likely than not to leave the council better off",
        ),
        MapMeasure::Payback => (|_| true, "pays back for the council within the period"),
    };
    let hits: Vec<&MapCell> = view
        .cells
        .iter()
        .filter(|c| c.value.is_some_and(test))
        .collect();
    if view.measure == MapMeasure::ChanceBetterOff && view.cells.iter().all(|c| c.value.is_none()) {
        return format!("{name}: the chance each council is better off needs the simulation: add it above the table.");
    }
    let mut regions: Vec<(&str, usize)> = Vec::new();
    for c in &hits {
        match regions.iter_mut().find(|(r, _)| *r == c.council.region) {
            Some((_, n)) => *n += 1,
            None => regions.push((c.council.region, 1)),
        }
    }
    regions.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let most: Vec<String> = regions
        .iter()
        .take(2)
        .map(|(r, n)| format!("{r} ({n})"))
        .collect();
    let where_ = if most.is_empty() {
        String::new()
    } else {
        format!(", most of them in {}", most.join(" and "))
    };
    format!(
        "{name} {what} in {} of {total} councils{where_}.",
        hits.len()
    )
}
