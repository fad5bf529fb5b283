//! The hex map: every council of today has one hexagon and no two share a
//! cell; each council's colour in the SVG is its figure's band; the scale's
//! bands hold every figure; the text summary counts what the table counts;
//! the audit pack carries a map a model, and the embeds' fallback images are
//! the default scenario's maps.

use sfpc::charts::{band_colour_hex, council_map_svg};
use sfpc::councils::map::{map_view, MapMeasure, HEXES};
use sfpc::councils::{self, CouncilResult};
use sfpc::registry::ProgrammeId;
use std::collections::HashSet;

fn rows() -> Vec<CouncilResult> {
    let template = sfpc::evidence::default_scenario_model();
    councils::current()
        .flat_map(|c| councils::appraise_council(&template, c, None))
        .collect()
}

#[test]
fn every_council_has_exactly_one_hexagon_and_no_two_share_a_cell() {
    let codes: HashSet<&str> = HEXES.iter().map(|h| h.code).collect();
    let current: HashSet<&str> = councils::current().map(|c| c.code).collect();
    assert_eq!(HEXES.len(), 153);
    assert_eq!(codes, current);
    let cells: HashSet<(i16, i16)> = HEXES.iter().map(|h| (h.q, h.r)).collect();
    assert_eq!(cells.len(), HEXES.len());
    // The councils made since 2020 are on it: the splits beside their
    // predecessor's cell (Cumbria's successors side by side).
    let cell = |code: &str| {
        let h = councils::map::hex_of(code).unwrap();
        (h.q, h.r)
    };
    assert_eq!(cell("E06000063"), (6, 14));
    assert_eq!(cell("E06000064"), (7, 14));
    assert_eq!(
        cell("E06000065"),
        (10, 13),
        "North Yorkshire keeps its hexagon"
    );
}

/// The fills of the SVG's hexagons (six-cornered polygons), in drawing order.
fn hexagon_fills(svg: &str) -> Vec<String> {
    svg.split("<polygon")
        .skip(1)
        .filter_map(|p| {
            let points = p.split("points=\"").nth(1)?.split('"').next()?;
            let corners = points.split_whitespace().count();
            let fill = p.split("fill=\"").nth(1)?.split('"').next()?;
            (corners == 6).then(|| fill.to_ascii_uppercase())
        })
        .collect()
}

#[test]
fn each_councils_colour_is_its_figures_band_and_the_bands_hold_every_figure() {
    let rows = rows();
    for programme in ProgrammeId::ALL {
        for measure in [
            MapMeasure::CouncilNpv,
            MapMeasure::CashableNpv,
            MapMeasure::Payback,
        ] {
            let view = map_view(&rows, programme, measure);
            assert_eq!(view.cells.len(), 153);
            let svg = council_map_svg(&view, (720, 820)).unwrap();
            let fills = hexagon_fills(&svg);
            assert_eq!(fills.len(), 153, "{programme:?} {measure:?}");
            for (cell, fill) in view.cells.iter().zip(&fills) {
                assert_eq!(
                    *fill,
                    band_colour_hex(&view, cell.band),
                    "{}",
                    cell.council.name
                );
                // The band's range holds the figure.
                let b = &view.scale.breaks;
                match (cell.value, cell.band) {
                    (Some(v), Some(band)) => {
                        assert!(
                            band == 0 || v > b[band - 1],
                            "{} {v} in band {band}",
                            cell.council.name
                        );
                        assert!(
                            band == b.len() || v <= b[band],
                            "{} {v} in band {band}",
                            cell.council.name
                        );
                    }
                    (None, Some(band)) => assert_eq!(band, b.len() + 1, "no payback: its own band"),
                    other => panic!("{other:?}"),
                }
            }
            // The legend names every band, and the title is the summary.
            assert_eq!(sfpc::display::map_legend(&view).len(), view.scale.bands());
            assert!(svg.contains(&format!(
                "<title>{}</title>",
                sfpc::display::map_summary(&view).replace('&', "&amp;")
            )));
        }
    }
}

#[test]
fn money_diverges_about_zero_with_a_round_step() {
    let rows = rows();
    let view = map_view(
        &rows,
        ProgrammeId::FamilySafeguarding,
        MapMeasure::CouncilNpv,
    );
    let b = &view.scale.breaks;
    assert_eq!(b.len(), 5);
    assert_eq!(b[2], 0.0);
    assert_eq!(b[3], -b[1]);
    let largest = rows
        .iter()
        .filter(|r| r.programme == ProgrammeId::FamilySafeguarding)
        .map(|r| r.council_npv_gbp.abs())
        .fold(0.0, f64::max);
    assert!(
        b[4] * 1.5 >= largest,
        "the step is a third of the largest, rounded up"
    );
    // No band is told by colour alone: each band has its own sign.
    let glyphs: HashSet<&str> = (0..view.scale.bands())
        .map(|i| sfpc::display::map_glyph(&view, Some(i)))
        .collect();
    assert_eq!(glyphs.len(), view.scale.bands());
}

#[test]
fn the_summary_counts_what_the_table_counts() {
    let rows = rows();
    for programme in ProgrammeId::ALL {
        let view = map_view(&rows, programme, MapMeasure::CouncilNpv);
        let gaining = rows
            .iter()
            .filter(|r| r.programme == programme && r.council_npv_gbp > 0.0)
            .count();
        let summary = sfpc::display::map_summary(&view);
        assert!(
            summary.starts_with(&format!(
                "{} is better off for the council in {gaining} of 153 councils",
                programme.name()
            )),
            "{summary}"
        );
    }
    // Without a simulation there is no chance to map, and the summary says so.
    let view = map_view(
        &rows,
        ProgrammeId::FamilyValued,
        MapMeasure::ChanceBetterOff,
    );
    assert!(sfpc::display::map_summary(&view).contains("needs the simulation"));
    assert!(view.cells.iter().all(|c| c.band.is_none()));
}

#[test]
fn keyboard_order_is_north_to_south_then_west_to_east_and_each_cell_says_its_figure() {
    let rows = rows();
    let view = map_view(&rows, ProgrammeId::NoWrongDoor, MapMeasure::CouncilNpv);
    let order: Vec<(i16, i16)> = view.cells.iter().map(|c| (-c.hex.r, c.hex.q)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    let leeds = view
        .cells
        .iter()
        .find(|c| c.council.name == "Leeds")
        .unwrap();
    let label = sfpc::display::map_cell_label(&view, leeds);
    assert!(
        label.starts_with("Leeds: council net present value £"),
        "{label}"
    );
    assert!(
        label.contains("the council's own") && label.contains("derived"),
        "{label}"
    );
}

#[test]
fn the_audit_pack_has_a_map_a_model_and_the_fallback_images_are_the_defaults() {
    let scenario = sfpc::evidence::default_scenario_model();
    let maps = sfpc::audit::council_maps(&scenario);
    let names: Vec<&str> = maps.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "map-family-valued.svg",
            "map-family-safeguarding.svg",
            "map-no-wrong-door.svg"
        ]
    );
    let appraisal = sfpc::appraisal::appraise(&scenario);
    let pack = sfpc::audit::audit_files(&scenario, &appraisal, None);
    assert!(pack.iter().any(|f| f.name == "map-no-wrong-door.svg"));
    // www/map-*.svg, the embeds' script-free fallback, are these maps: on a
    // change, `sfpc report` writes them (see the README's embedding section).
    for f in &maps {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/").to_owned() + &f.name;
        let committed = std::fs::read(&path).unwrap_or_default();
        if committed != f.bytes {
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/target/").to_owned() + &f.name,
                &f.bytes,
            )
            .unwrap();
            panic!(
                "{path} is not the default scenario's map: the new one is in target/{}",
                f.name
            );
        }
    }
}
