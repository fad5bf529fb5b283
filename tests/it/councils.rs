//! Councils' statistics: the embedded table is the DfE file, its totals are
//! the published England figures, a council's figures fill the scenario
//! (and DfE's symbols never count as zero), and the batch covers them all.

use sfpc::councils::{self, Outcome, Stat, COUNCILS, ENGLAND, FIRST_YEAR, YEARS};
use sfpc::registry::{Field, ProgrammeId};

const CSV: &str = include_str!("../../src/councils/dfe_children_looked_after_by_la_2019_2024.csv");

fn stat(text: &str) -> Stat {
    match text {
        "c" => Stat::Suppressed,
        "x" => Stat::NotAvailable,
        "z" => Stat::NotApplicable,
        n => Stat::Count(n.parse().expect("a count")),
    }
}

#[test]
fn the_embedded_table_is_exactly_the_dfe_file() {
    // Regenerate with `python3 scripts/councils.py` when the file changes.
    let mut seen = 0;
    for line in CSV.lines().skip(1).filter(|l| !l.is_empty()) {
        // No field of this file holds a comma inside quotes but council names
        // do, so take the code from the front and the figures from the back.
        let cells: Vec<&str> = line.split(',').collect();
        let (code, figures) = (cells[0], &cells[cells.len() - 8..]);
        let year: u16 = figures[0].parse().unwrap();
        let council = if code == ENGLAND.code {
            &ENGLAND
        } else {
            COUNCILS
                .iter()
                .find(|c| c.code == code)
                .expect("every code is embedded")
        };
        let y = council.year(year).expect("every year is embedded");
        assert_eq!(y.under_18, stat(figures[1]), "{code} {year}");
        assert_eq!(y.looked_after, stat(figures[2]), "{code} {year}");
        assert_eq!(y.started, stat(figures[4]), "{code} {year}");
        assert_eq!(y.ceased, stat(figures[6]), "{code} {year}");
        seen += 1;
    }
    assert_eq!(seen, 937);
    assert_eq!((FIRST_YEAR, YEARS), (2019, 6));
    assert_eq!(COUNCILS.len(), 160, "councils of any year");
    assert_eq!(councils::current().count(), 153, "councils of 2024");
}

#[test]
fn the_councils_add_up_to_the_published_england_figures() {
    // DfE: 83,630 children looked after at 31 March 2024, 33,050 starting in
    // 2023-24 (the England rows, rounded to the nearest 10; the councils'
    // own figures are exact, so their sum differs by the rounding).
    let latest = ENGLAND.latest();
    assert_eq!(latest.looked_after, Stat::Count(83_630));
    assert_eq!(latest.started, Stat::Count(33_050));
    let sum = |f: fn(&councils::YearStats) -> Stat| -> u32 {
        councils::current()
            .filter_map(|c| f(c.latest()).count())
            .sum()
    };
    let looked_after = sum(|y| y.looked_after);
    let started = sum(|y| y.started);
    assert!(looked_after.abs_diff(83_630) <= 10, "{looked_after}");
    assert!(started.abs_diff(33_050) <= 10, "{started}");
}

#[test]
fn darlington_fills_in_its_own_figures() {
    // DfE 2024: Darlington, 299 looked after at 31 March, 119 starting, 137 ceasing.
    let darlington = councils::find("E06000005").unwrap();
    assert_eq!(darlington.name, "Darlington");
    assert_eq!(councils::find("darlington"), Some(darlington));
    let latest = darlington.latest();
    assert_eq!(
        (latest.looked_after, latest.started),
        (Stat::Count(299), Stat::Count(119))
    );
    let mut s = sfpc::evidence::default_scenario_model();
    let prefills = councils::apply(&mut s, darlington);
    assert_eq!(s.council, "Darlington");
    assert_eq!(s.council_code.as_deref(), Some("E06000005"));
    assert_eq!(s.statistics_release.as_deref(), Some(councils::RELEASE));
    for p in &s.programmes {
        let entries = p.get(Field::CouncilEntriesToCare);
        assert_eq!(entries.value, 119.0, "{:?}", p.programme);
        // The range is the fewest and most starts of 2019 to 2024.
        let years: Vec<f64> = darlington
            .years
            .iter()
            .filter_map(|y| y.started.count())
            .map(f64::from)
            .collect();
        assert_eq!(
            entries.low,
            years.iter().copied().fold(f64::INFINITY, f64::min)
        );
        assert_eq!(entries.high, years.iter().copied().fold(0.0, f64::max));
    }
    let fv = s.programme(ProgrammeId::FamilyValued).unwrap();
    assert_eq!(fv.get(Field::CareYears).value, 299.0 / 137.0);
    // No Wrong Door's adolescents keep their own assumption.
    let nwd = s.programme(ProgrammeId::NoWrongDoor).unwrap();
    assert_eq!(nwd.get(Field::CareYears).value, 2.0);
    assert_eq!(prefills.len(), 5);
    // Written out and read back, it is the same scenario, with its code.
    let json = sfpc::format::scenario_to_json(&s);
    assert_eq!(json["council_code"], "E06000005");
    assert_eq!(sfpc::format::parse_scenario(&json).unwrap(), s);
    // And the words say where each figure came from.
    let reading = sfpc::display::council_reading(darlington, &prefills);
    assert!(reading.summary.starts_with("Darlington (E06000005, North East): 299 children looked after at 31 March 2024, 119 starting"), "{}", reading.summary);
    let started = &reading.notes[0];
    assert_eq!(
        started.path,
        "programmes.family_valued.council_entries_to_care_per_year"
    );
    assert!(
        started.text.starts_with(
            "DfE, year to 31 March 2024: 119 children started to be looked after (2019: "
        ),
        "{}",
        started.text
    );
}

#[test]
fn suppressed_figures_are_never_read_as_zero() {
    // A council whose latest starts are suppressed keeps the default, and
    // says why; we make one from a real council, as 2024 suppresses none.
    let mut council = *councils::find("E06000005").unwrap();
    council.years[YEARS - 1].started = Stat::Suppressed;
    let council: &'static councils::Council = Box::leak(Box::new(council));
    let mut s = sfpc::evidence::default_scenario_model();
    let default = s.programmes[0].get(Field::CouncilEntriesToCare);
    let prefills = councils::apply(&mut s, council);
    assert_eq!(s.programmes[0].get(Field::CouncilEntriesToCare), default);
    assert_eq!(
        prefills[0].outcome,
        Outcome::Kept {
            why: Stat::Suppressed
        }
    );
    let reading = sfpc::display::council_reading(council, &prefills);
    assert_eq!(
        reading.notes[0].text,
        "DfE, year to 31 March 2024: suppressed (c), so the default stays."
    );
    // The Isles of Scilly's 2020 figures are suppressed: its range skips them
    // (0 to 0, from the other years), and with no child ceasing to be looked
    // after, no length of care follows.
    let scilly = councils::find("Isles of Scilly").unwrap();
    assert_eq!(scilly.year(2020).unwrap().started, Stat::Suppressed);
    let mut s = sfpc::evidence::default_scenario_model();
    let prefills = councils::apply(&mut s, scilly);
    assert_eq!(
        s.programmes[0].get(Field::CouncilEntriesToCare),
        sfpc::scenario::Estimate::fixed(0.0)
    );
    assert_eq!(prefills[1].outcome, Outcome::NoLength);
}

#[test]
fn an_unknown_code_finds_the_nearest_names() {
    assert_eq!(councils::find("E06999999"), None);
    let near: Vec<&str> = councils::nearest("Darlingtn", 3)
        .iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(near[0], "Darlington");
    let near: Vec<&str> = councils::nearest("york", 5)
        .iter()
        .map(|c| c.name)
        .collect();
    assert!(
        near.contains(&"York") && near.contains(&"North Yorkshire"),
        "{near:?}"
    );
    // A council since merged is not offered.
    assert_eq!(councils::find("Cumbria"), None);
}

#[test]
fn every_council_is_appraised_and_a_row_is_the_councils_own_scenario() {
    let template = sfpc::evidence::default_scenario_model();
    let all: Vec<_> = councils::current()
        .flat_map(|c| councils::appraise_council(&template, c, None))
        .collect();
    assert_eq!(all.len(), 153 * 3);
    let darlington = all
        .iter()
        .find(|r| r.council.code == "E06000005" && r.programme == ProgrammeId::FamilySafeguarding)
        .unwrap();
    // The same figure as evaluating that council's own scenario.
    let mut s = sfpc::evidence::default_scenario_model();
    councils::apply(&mut s, councils::find("E06000005").unwrap());
    let a = sfpc::appraisal::appraise(&s);
    assert_eq!(darlington.council_npv_gbp, a.programmes[1].council_npv_gbp);
    assert_eq!(
        darlington.council_cashable_npv_gbp,
        a.programmes[1].council_cashable_npv_gbp
    );
    // The CSV has a header and a row each.
    let csv = sfpc::export::council_results_csv(&all);
    assert_eq!(csv.trim_end().split("\r\n").count(), 1 + 153 * 3);
    assert!(csv.contains("\r\nE06000005,Darlington,North East,Family Safeguarding,"));
}
