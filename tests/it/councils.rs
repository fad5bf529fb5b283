//! Councils' statistics: the embedded table is the DfE files (read here
//! independently, both ways), the generator reproduces it, a council's
//! figures fill the scenario by the stated rules (hand-computed for
//! Hertfordshire, Leeds, North Yorkshire, Rutland and the Isles of Scilly,
//! each against the CSV row it comes from), DfE's symbols never count as
//! zero, councils that changed are found, and the batch covers them all.

use sfpc::councils::{self, Council, Fallback, How, Lookup, Measure, Stat, ENGLAND, YEARS};
use sfpc::registry::{Field, ProgrammeId};
use sfpc::scenario::{FigureKind, PriceYear, Scenario};
use std::collections::{HashMap, HashSet};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/councils/data/");

/// A CSV file as rows of named cells (quotes honoured: council names hold commas).
fn csv(name: &str) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(format!("{DATA}{name}")).expect(name);
    let mut lines = text.lines().filter(|l| !l.is_empty());
    let header = split(lines.next().expect("a header"));
    lines
        .map(|l| header.iter().cloned().zip(split(l)).collect())
        .collect()
}

fn split(line: &str) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    for ch in line.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

fn stat(text: &str) -> Stat {
    match text.trim() {
        "c" => Stat::Suppressed,
        "x" => Stat::NotAvailable,
        "z" => Stat::NotApplicable,
        "u" => Stat::LowReliability,
        "k" => Stat::BelowHalf,
        "-" => Stat::Missing,
        n => Stat::Count(n.parse::<f64>().expect("a count") as u32),
    }
}

/// The council a row's code belongs to: its own code or another of its codes.
fn by_code(code: &str) -> &'static Council {
    if code == ENGLAND.code {
        return &ENGLAND;
    }
    let all = councils::all();
    all.iter()
        .find(|c| c.code == code)
        .or_else(|| all.iter().find(|c| c.other_codes.contains(&code)))
        .unwrap_or_else(|| panic!("{code} is embedded"))
}

const CLA: &str = "dfe_children_looked_after_by_la_2019_2024.csv";

/// Every (council, year, field) the files give, with its figure.
fn from_files() -> HashMap<(&'static str, u16, &'static str), Stat> {
    let mut out = HashMap::new();
    let mut put = |c: &'static Council, year: u16, field: &'static str, s: Stat| {
        assert!(
            out.insert((c.code, year, field), s).is_none(),
            "{} {year} {field} twice",
            c.code
        );
    };
    for r in csv(CLA) {
        let c = by_code(&r["la_code"]);
        let year: u16 = r["year_ending_31_march"].parse().unwrap();
        put(c, year, "under_18", stat(&r["children_under_18"]));
        put(c, year, "looked_after", stat(&r["looked_after_31_march"]));
        put(c, year, "started", stat(&r["started_in_year"]));
        put(c, year, "ceased", stat(&r["ceased_in_year"]));
    }
    let cin = [
        (
            "d5_cpps_at31march_by_duration_2013_to_2025.csv",
            "CPP_At31",
            "cp_plans",
        ),
        (
            "d3_cpps_subsequent_plan_2013_to_2025.csv",
            "CPP_start",
            "cp_starts",
        ),
        (
            "b1_children_in_need_2013_to_2025.csv",
            "At31_episodes",
            "in_need",
        ),
    ];
    for (file, column, field) in cin {
        for r in csv(file) {
            let year: u16 = r["time_period"].parse().unwrap();
            if r["geographic_level"] == "Regional" || year < 2019 {
                continue;
            }
            let code = if r["geographic_level"] == "National" {
                ENGLAND.code
            } else {
                &r["new_la_code"]
            };
            put(by_code(code), year, field, stat(&r[column]));
        }
    }
    let placements = [
        ("Placement", "Total", "placed"),
        ("Placement", "Foster placements", "fostered"),
        (
            "Placement",
            "Secure homes and children's homes",
            "childrens_homes",
        ),
        ("Age group", "10 to 15 years", "aged_10_to_15"),
        ("Age group", "16 years and over", "aged_16_and_over"),
    ];
    for r in csv("cla_placement_and_age_by_la_2020_2025.csv") {
        let Some((_, _, field)) = placements
            .iter()
            .find(|(g, ch, _)| r["cla_group"] == *g && r["characteristic"] == *ch)
        else {
            continue;
        };
        if r["geographic_level"] == "Regional" {
            continue;
        }
        let code = if r["geographic_level"] == "National" {
            ENGLAND.code
        } else {
            &r["new_la_code"]
        };
        put(
            by_code(code),
            r["time_period"].parse().unwrap(),
            field,
            stat(&r["cla_31_march_number"]),
        );
    }
    out
}

fn held(y: &councils::YearStats, field: &str) -> Stat {
    match field {
        "under_18" => y.under_18,
        "looked_after" => y.looked_after,
        "started" => y.started,
        "ceased" => y.ceased,
        "cp_plans" => y.cp_plans,
        "cp_starts" => y.cp_starts,
        "in_need" => y.in_need,
        "placed" => y.placed,
        "fostered" => y.fostered,
        "childrens_homes" => y.childrens_homes,
        "aged_10_to_15" => y.aged_10_to_15,
        _ => y.aged_16_and_over,
    }
}

const FIELDS: [&str; 12] = [
    "under_18",
    "looked_after",
    "started",
    "ceased",
    "cp_plans",
    "cp_starts",
    "in_need",
    "placed",
    "fostered",
    "childrens_homes",
    "aged_10_to_15",
    "aged_16_and_over",
];

#[test]
fn the_embedded_table_is_exactly_the_dfe_files_both_ways() {
    let files = from_files();
    // Every figure the files give is held, as given.
    for (&(code, year, field), s) in &files {
        let c = by_code(code);
        let y = c.year(year).unwrap_or_else(|| panic!("{code} {year}"));
        assert_eq!(held(y, field), *s, "{code} {year} {field}");
    }
    // Nothing held that the files do not give: every other cell is a year
    // the release does not cover, or a council that did not exist then.
    let mut counts = 0;
    for c in councils::all().iter().chain([&ENGLAND]) {
        for (i, y) in c.years.iter().enumerate() {
            let year = councils::FIRST_YEAR + i as u16;
            for field in FIELDS {
                let s = held(y, field);
                if files.contains_key(&(c.code, year, field)) {
                    counts += usize::from(matches!(s, Stat::Count(_)));
                } else {
                    assert!(
                        matches!(s, Stat::NotInRelease | Stat::NotApplicable),
                        "{} {year} {field}: {s:?} is in no file",
                        c.code
                    );
                }
            }
        }
    }
    assert!(counts > 10_000, "{counts}");
    assert_eq!(councils::current().count(), 153, "councils of today");
}

#[test]
fn the_unit_costs_are_exactly_the_interactive_tools_both_ways() {
    let mut seen = HashSet::new();
    for r in csv("lait_csc_subset_long.csv") {
        let field = match r["Short Desc"].as_str() {
            "RescareFinance" => 0,
            "FosteringFinance" => 1,
            _ => continue,
        };
        let year: u16 = r["Years"][..4].parse().unwrap();
        let number = format!("{}", r["LA Number"].parse::<f64>().unwrap() as u32);
        let c = if r["LA and Regions"] == "England" {
            &ENGLAND
        } else {
            // Joined by the 3-digit number, to the council that holds it today.
            let mut with = councils::all().iter().filter(|c| c.old_code == number);
            let Some(c) = with
                .clone()
                .find(|c| c.is_current())
                .or_else(|| with.next())
            else {
                continue; // a region
            };
            c
        };
        let u = &c.unit_costs[usize::from(year - councils::FIRST_FINANCE_YEAR)];
        let held = [u.residential_weekly_gbp, u.fostering_weekly_gbp][field];
        assert_eq!(held, stat(&r["Values"]), "{} {year} {field}", c.name);
        assert!(
            seen.insert((c.code, year, field)),
            "{} {year} twice",
            c.name
        );
    }
    for c in councils::all().iter().chain([&ENGLAND]) {
        for (i, u) in c.unit_costs.iter().enumerate() {
            let year = councils::FIRST_FINANCE_YEAR + i as u16;
            for (field, s) in [u.residential_weekly_gbp, u.fostering_weekly_gbp]
                .into_iter()
                .enumerate()
            {
                if !seen.contains(&(c.code, year, field)) {
                    assert_eq!(s, Stat::Missing, "{} {year} {field} is in no row", c.name);
                }
            }
        }
    }
}

#[test]
fn the_generator_reproduces_the_table() {
    let out = std::process::Command::new("python3")
        .args(["scripts/councils.py", "--check"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 runs the generator");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A council's scenario, from the default scenario in 2024-25 prices.
fn picked(council: &'static Council) -> (Scenario, Vec<councils::Prefill>) {
    let mut s = sfpc::evidence::default_scenario_model();
    let prefills = sfpc::evidence::apply_council(&mut s, council);
    (s, prefills)
}

fn value(s: &Scenario, p: ProgrammeId, f: Field) -> f64 {
    s.programme(p).unwrap().get(f).value
}

/// A CSV figure: (file, code, year, column) by (code column, year column).
fn row(file: &str, code: &str, year: &str, column: &str) -> f64 {
    let (code_col, year_col) = if file == CLA {
        ("la_code", "year_ending_31_march")
    } else {
        ("new_la_code", "time_period")
    };
    let r = csv(file)
        .into_iter()
        .find(|r| r[code_col] == code && r[year_col] == year)
        .unwrap_or_else(|| panic!("{file} {code} {year}"));
    r[column].parse().unwrap()
}

fn lait(name: &str, measure: &str, year: &str) -> f64 {
    let r = csv("lait_csc_subset_long.csv")
        .into_iter()
        .find(|r| {
            r["LA and Regions"] == name
                && r["Short Desc"] == measure
                && r["Years"].starts_with(year)
        })
        .unwrap();
    r["Values"].parse().unwrap()
}

fn homes(code: &str, year: &str) -> f64 {
    let r = csv("cla_placement_and_age_by_la_2020_2025.csv")
        .into_iter()
        .find(|r| {
            r["new_la_code"] == code
                && r["time_period"] == year
                && r["characteristic"] == "Secure homes and children's homes"
        })
        .unwrap();
    r["cla_31_march_number"].parse().unwrap()
}

const D5: &str = "d5_cpps_at31march_by_duration_2013_to_2025.csv";
const B1: &str = "b1_children_in_need_2013_to_2025.csv";

#[test]
fn hertfordshire_by_hand() {
    let herts = councils::find("Hertfordshire").unwrap();
    let (s, prefills) = picked(herts);
    let fs = ProgrammeId::FamilySafeguarding;
    // D5: 614 children on plans at 31 March 2025.
    let plans = row(D5, "E10000015", "2025", "CPP_At31");
    assert_eq!(plans, 614.0);
    assert_eq!(value(&s, fs, Field::ChildrenOnCpPlans), plans);
    // Families: 614 × 940 / 896 (Hertfordshire's own first year; its 896
    // children on plans at 31 March 2015 are D5's).
    assert_eq!(row(D5, "E10000015", "2015", "CPP_At31"), 896.0);
    let families = plans * 940.0 / 896.0;
    assert_eq!(value(&s, fs, Field::FamiliesPerYear), families);
    // 644.1 families ÷ 500 a team = 2 teams.
    assert_eq!(value(&s, fs, Field::ServiceUnits), 2.0);
    // Its own residential and fostering unit costs, 2024-25 outturn, in
    // 2024-25 prices (no restating).
    let residential = lait("Hertfordshire", "RescareFinance", "2024-25");
    assert_eq!(value(&s, fs, Field::ResidentialCostPerWeek), residential);
    let fostering = lait("Hertfordshire", "FosteringFinance", "2024-25");
    assert_eq!(value(&s, fs, Field::InHouseFosterCostPerWeek), fostering);
    // Entries to care and years in care, CLA 2024.
    let started = row(CLA, "E10000015", "2024", "started_in_year");
    let looked_after = row(CLA, "E10000015", "2024", "looked_after_31_march");
    let ceased = row(CLA, "E10000015", "2024", "ceased_in_year");
    assert_eq!(value(&s, fs, Field::CouncilEntriesToCare), started);
    assert_eq!(value(&s, fs, Field::CareYears), looked_after / ceased);
    // Each figure says its kind.
    let kind = |f: Field| {
        prefills
            .iter()
            .find(|p| p.programme == fs && p.field == f)
            .unwrap()
            .kind
    };
    assert_eq!(kind(Field::ChildrenOnCpPlans), FigureKind::Own);
    assert_eq!(kind(Field::FamiliesPerYear), FigureKind::Derived);
    assert_eq!(kind(Field::ResidentialCostPerWeek), FigureKind::UnitCost);
    assert_eq!(kind(Field::CostPerCpPlanYear), FigureKind::National);
    // The scenario records them, and reads back the same.
    let json = sfpc::format::scenario_to_json(&s);
    assert_eq!(json["schema"], sfpc::format::SCHEMA_VERSION);
    let back = sfpc::format::parse_scenario(&json).unwrap();
    assert_eq!(back, s);
}

#[test]
fn leeds_by_hand() {
    let leeds = councils::find("E08000035").unwrap();
    let (s, _) = picked(leeds);
    let fv = ProgrammeId::FamilyValued;
    // B1: 5,775 children in need at 31 March 2025; Leeds's 600 FGCs in 2016
    // over its 5,711 children in need then.
    let in_need = row(B1, "E08000035", "2025", "At31_episodes");
    assert_eq!(row(B1, "E08000035", "2016", "At31_episodes"), 5711.0);
    let families = in_need * 600.0 / 5711.0;
    assert_eq!(value(&s, fv, Field::FamiliesPerYear), families);
    assert_eq!(
        value(&s, fv, Field::ServiceUnits),
        (families / 400.0).ceil()
    );
    let started = row(CLA, "E08000035", "2024", "started_in_year");
    assert_eq!(
        value(&s, fv, Field::FamiliesAtPreProceedings),
        started * 42.0 / 216.0
    );
}

#[test]
fn north_yorkshire_by_its_old_and_new_codes() {
    let Lookup::Found { council, via } = councils::lookup("E10000023") else {
        panic!("found");
    };
    assert_eq!((council.code, via), ("E06000065", Some("E10000023")));
    assert_eq!(councils::find("E06000065"), Some(council));
    // Its 2019 figures, filed under E10000023, are held under today's code.
    assert_eq!(
        council.year(2019).unwrap().cp_plans,
        Stat::Count(row(D5, "E10000023", "2019", "CPP_At31") as u32)
    );
    let (s, _) = picked(council);
    let nwd = ProgrammeId::NoWrongDoor;
    let in_homes = homes("E06000065", "2025");
    assert_eq!(value(&s, nwd, Field::YoungPeopleInResidential), in_homes);
    assert_eq!(value(&s, nwd, Field::YoungPeopleWorkedWith), in_homes * 2.0);
    assert_eq!(
        value(&s, nwd, Field::ServiceUnits),
        (in_homes * 2.0 / 40.0).ceil()
    );
    assert_eq!(
        value(&s, nwd, Field::AlternativeCostPerWeek),
        lait("North Yorkshire", "FosteringFinance", "2024-25")
    );
}

#[test]
fn councils_that_changed_are_found() {
    for (old, today) in [
        ("E10000027", "E06000066"),
        ("E08000038", "E08000016"),
        ("E08000039", "E08000019"),
    ] {
        assert_eq!(councils::find(old).map(|c| c.code), Some(today), "{old}");
    }
    // Buckinghamshire's pre-2020 code is in DfE's lookup, with the same number.
    assert_eq!(
        councils::find("E10000002").map(|c| c.name),
        Some("Buckinghamshire")
    );
    for (split, into) in [
        ("E10000006", ["Cumberland", "Westmorland and Furness"]),
        (
            "E10000021",
            ["North Northamptonshire", "West Northamptonshire"],
        ),
    ] {
        let Lookup::Split { successors, .. } = councils::lookup(split) else {
            panic!("{split} was split");
        };
        let names: Vec<&str> = successors.iter().map(|c| c.name).collect();
        assert_eq!(names, into);
    }
    // Cumberland did not exist before 2023: no figure, not a zero.
    let cumberland = councils::find("Cumberland").unwrap();
    assert_eq!(cumberland.year(2020).unwrap().cp_plans, Stat::NotApplicable);
    // The command accepts an old code with a note, and a split one with its successors.
    let bin = env!("CARGO_BIN_EXE_sfpc");
    let out = std::process::Command::new(bin)
        .args(["defaults", "--council", "E10000023"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("E10000023 is another code for North Yorkshire"));
    let out = std::process::Command::new(bin)
        .args(["defaults", "--council", "E10000006"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Cumberland"));
}

#[test]
fn rutland_by_hand() {
    let rutland = councils::find("Rutland").unwrap();
    let (s, prefills) = picked(rutland);
    let fs = ProgrammeId::FamilySafeguarding;
    assert_eq!(
        value(&s, fs, Field::ChildrenOnCpPlans),
        row(D5, "E06000017", "2025", "CPP_At31")
    );
    assert_eq!(value(&s, fs, Field::ChildrenOnCpPlans), 28.0);
    // One team, not the example council's service.
    assert_eq!(value(&s, fs, Field::ServiceUnits), 1.0);
    // Its children in children's homes are suppressed in every year: the
    // region's rate per child looked after, times its own 32, never zero.
    let nwd = prefills
        .iter()
        .find(|p| {
            p.programme == ProgrammeId::NoWrongDoor && p.field == Field::YoungPeopleInResidential
        })
        .unwrap();
    let How::Count { reading, .. } = &nwd.how else {
        panic!("a count")
    };
    let Fallback::Region {
        why,
        base,
        region_total,
        region_base,
        ..
    } = reading.fallback
    else {
        panic!("the region's rate: {:?}", reading.fallback)
    };
    assert_eq!((why, base), (Stat::Suppressed, 32.0));
    assert_eq!(reading.value, region_total / region_base * 32.0);
    assert!(reading.value > 0.0);
}

#[test]
fn the_isles_of_scilly_gain_nothing_from_children_it_does_not_have() {
    let scilly = councils::find("Isles of Scilly").unwrap();
    let (s, prefills) = picked(scilly);
    // No child started to be looked after in 2024 (CLA), so the stream of
    // children kept out of care saves nothing, with a warning; its 2025
    // plans are suppressed, so its 2024 figure (0) is used, and said.
    assert_eq!(row(CLA, "E06000053", "2024", "started_in_year"), 0.0);
    let a = sfpc::appraisal::appraise(&s);
    for p in &a.programmes {
        let care = p
            .streams
            .iter()
            .find(|st| st.stream == sfpc::registry::StreamKey::CareEntries)
            .unwrap();
        assert_eq!(care.pv_gbp, 0.0, "{:?}", p.programme);
    }
    let reading = sfpc::display::council_reading(scilly, &prefills);
    assert!(
        reading.warnings.iter().any(|w| w
            .contains("Children starting to be looked after each year (the whole council) is 0")),
        "{:?}",
        reading.warnings
    );
    let plans = prefills
        .iter()
        .find(|p| p.field == Field::ChildrenOnCpPlans)
        .unwrap();
    let How::Count { reading, .. } = &plans.how else {
        panic!()
    };
    assert_eq!(
        reading.fallback,
        Fallback::EarlierYear {
            why: Stat::Suppressed,
            latest_year: 2025
        }
    );
    assert_eq!(reading.year, 2024);
    // It would still run one team of each, so every model costs it money.
    for p in &a.programmes {
        assert!(
            p.council_npv_gbp < 0.0 || p.programme == ProgrammeId::NoWrongDoor,
            "{:?}",
            p.programme
        );
    }
}

#[test]
fn every_symbol_falls_back_and_is_never_zero() {
    let leeds = *councils::find("Leeds").unwrap();
    let symbols = [
        Stat::Suppressed,
        Stat::NotAvailable,
        Stat::NotApplicable,
        Stat::LowReliability,
        Stat::BelowHalf,
        Stat::Missing,
    ];
    for symbol in symbols {
        // The latest year not published: the latest earlier year.
        let mut c = leeds;
        c.years[YEARS - 1].cp_plans = symbol;
        let r = councils::read_measure(&c, Measure::CpPlans).unwrap();
        assert_eq!(
            r.fallback,
            Fallback::EarlierYear {
                why: symbol,
                latest_year: 2025
            }
        );
        assert_eq!(
            r.value,
            f64::from(leeds.years[YEARS - 2].cp_plans.count().unwrap())
        );
        // No year published: the region's rate, never zero.
        for y in &mut c.years {
            y.cp_plans = symbol;
        }
        let r = councils::read_measure(&c, Measure::CpPlans).unwrap();
        assert!(matches!(r.fallback, Fallback::Region { .. }), "{symbol:?}");
        assert!(r.value > 0.0);
        // Unit costs likewise: the earlier year, else the region's median.
        let mut c = leeds;
        let last = c.unit_costs.len() - 1;
        c.unit_costs[last].residential_weekly_gbp = symbol;
        let y = PriceYear::starting(2024);
        let r = councils::unit_cost(&c, councils::Cost::Residential, y).unwrap();
        assert!(matches!(r.fallback, Fallback::EarlierYear { .. }));
        for u in &mut c.unit_costs {
            u.residential_weekly_gbp = symbol;
        }
        let r = councils::unit_cost(&c, councils::Cost::Residential, y).unwrap();
        assert!(matches!(r.fallback, Fallback::RegionMedian { .. }));
        assert!(r.value > 0.0);
    }
}

#[test]
fn the_size_rule_at_its_boundary() {
    let service = ProgrammeId::FamilySafeguarding.service();
    assert_eq!(service.units_for(500.0), 1);
    assert_eq!(service.units_for(500.5), 2);
    assert_eq!(service.units_for(0.0), 1, "a council that adopts runs one");
    let hubs = ProgrammeId::NoWrongDoor.service();
    assert_eq!((hubs.units_for(40.0), hubs.units_for(41.0)), (1, 2));
}

#[test]
fn the_ratios_are_the_registrys_defaults() {
    // The pre-proceedings and hub ratios are the example council's defaults:
    // one point of the rule, declared in the registry.
    let default =
        |p: ProgrammeId, f: Field| p.spec().param(f).unwrap().default_estimate().unwrap().value;
    let r = councils::rules::PRE_PROCEEDINGS_PER_ENTRY;
    assert_eq!(
        r.numerator,
        default(ProgrammeId::FamilyValued, Field::FamiliesAtPreProceedings)
    );
    assert_eq!(
        r.denominator,
        default(ProgrammeId::FamilyValued, Field::CouncilEntriesToCare)
    );
    let r = councils::rules::WORKED_WITH_PER_RESIDENTIAL;
    assert_eq!(
        r.numerator,
        default(ProgrammeId::NoWrongDoor, Field::YoungPeopleWorkedWith)
    );
    assert_eq!(
        r.denominator,
        default(ProgrammeId::NoWrongDoor, Field::YoungPeopleInResidential)
    );
}

#[test]
fn doubling_every_caseload_doubles_the_savings_and_about_the_units() {
    let leeds = *councils::find("Leeds").unwrap();
    let mut doubled = leeds;
    for y in &mut doubled.years {
        for s in [
            &mut y.looked_after,
            &mut y.started,
            &mut y.ceased,
            &mut y.cp_plans,
            &mut y.cp_starts,
            &mut y.in_need,
            &mut y.placed,
            &mut y.fostered,
            &mut y.childrens_homes,
            &mut y.aged_10_to_15,
            &mut y.aged_16_and_over,
            &mut y.under_18,
        ] {
            if let Stat::Count(n) = *s {
                *s = Stat::Count(2 * n);
            }
        }
    }
    let doubled: &'static Council = Box::leak(Box::new(doubled));
    let (one, _) = picked(councils::find("Leeds").unwrap());
    let (two, _) = picked(doubled);
    let (a, b) = (
        sfpc::appraisal::appraise(&one),
        sfpc::appraisal::appraise(&two),
    );
    for (p, q) in a.programmes.iter().zip(&b.programmes) {
        let gross = |x: &sfpc::appraisal::ProgrammeAppraisal| {
            x.streams.iter().map(|s| s.pv_gbp).sum::<f64>()
        };
        let ratio = gross(q) / gross(p);
        assert!((ratio - 2.0).abs() < 1e-9, "{:?}: {ratio}", p.programme);
        let units = |s: &Scenario| value(s, p.programme, Field::ServiceUnits);
        let (u1, u2) = (units(&one), units(&two));
        assert!(
            u2 >= 2.0 * u1 - 1.0 && u2 <= 2.0 * u1,
            "{:?}: {u1} → {u2}",
            p.programme
        );
    }
}

#[test]
fn every_council_is_appraised_and_summarised() {
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
    let (s, _) = picked(councils::find("E06000005").unwrap());
    let a = sfpc::appraisal::appraise(&s);
    assert_eq!(darlington.council_npv_gbp, a.programmes[1].council_npv_gbp);
    // The summary counts what the rows say.
    let summary = councils::summarise(&all);
    assert_eq!(summary.len(), 3);
    for m in &summary {
        let rows: Vec<_> = all.iter().filter(|r| r.programme == m.programme).collect();
        assert_eq!(m.councils, 153);
        assert_eq!(
            m.positive,
            rows.iter().filter(|r| r.council_npv_gbp > 0.0).count()
        );
        let lowest = rows
            .iter()
            .map(|r| r.council_npv_gbp)
            .fold(f64::INFINITY, f64::min);
        assert_eq!(m.lowest.1, lowest);
        // Not every council gains: small councils run a whole team for few families.
        assert!(m.positive < 153, "{:?}", m.programme);
    }
    // The CSV has a header and a row each, with the units and each figure's kind.
    let csv = sfpc::export::council_results_csv(&all);
    assert_eq!(csv.trim_end().split("\r\n").count(), 1 + 153 * 3);
    assert!(
        csv.contains("Children on child protection plans (average at any time): the council's own")
    );
}

#[test]
fn the_readme_table_is_the_engines_rules() {
    // The README's "Your council's figures" tables are written by the engine
    // from the rules it applies: on a change, the expected text is written
    // to target/council-figures.md to paste in.
    let expected = sfpc::display::council_figures_markdown();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    if !readme.contains(&expected) {
        let out = concat!(env!("CARGO_MANIFEST_DIR"), "/target/council-figures.md");
        std::fs::write(out, &expected).unwrap();
        panic!("README.md's council figures tables differ from the engine's rules: see {out}");
    }
    // Every kind appears, and no caseload or cohort is national.
    for kind in [
        "the council's own",
        "derived",
        "the council's unit cost",
        "national",
    ] {
        assert!(expected.contains(&format!("| {kind} |")), "{kind}");
    }
    for (programme, field) in [
        (ProgrammeId::FamilySafeguarding, Field::ChildrenOnCpPlans),
        (ProgrammeId::FamilySafeguarding, Field::FamiliesPerYear),
        (ProgrammeId::FamilyValued, Field::FamiliesPerYear),
        (ProgrammeId::FamilyValued, Field::FamiliesAtPreProceedings),
        (ProgrammeId::NoWrongDoor, Field::YoungPeopleInResidential),
        (ProgrammeId::NoWrongDoor, Field::YoungPeopleWorkedWith),
    ] {
        let rule = councils::rules::rules(programme)
            .into_iter()
            .find(|(f, _)| *f == field)
            .unwrap()
            .1;
        assert_ne!(rule.kind(), FigureKind::National, "{programme:?} {field:?}");
    }
}

#[test]
fn every_councils_shares_are_shares_of_one_year() {
    // A part and a total from different years (or a part from the region)
    // once gave the City of London 306% of its children aged 10 and over.
    for council in councils::current() {
        let (s, prefills) = picked(council);
        for p in &prefills {
            if let How::Relative {
                council_share,
                england_share,
                ..
            }
            | How::Rescaled {
                council_share,
                england_share,
                ..
            } = p.how
            {
                assert!(
                    (0.0..=1.0).contains(&council_share),
                    "{} {:?}: {council_share}",
                    council.name,
                    p.field
                );
                assert!(
                    (0.0..=1.0).contains(&england_share),
                    "{} {:?}",
                    council.name,
                    p.field
                );
            }
        }
        for inputs in &s.programmes {
            let mix: f64 = [
                Field::ShareInHouseFoster,
                Field::ShareAgencyFoster,
                Field::ShareResidential,
                Field::ShareKinshipOther,
            ]
            .iter()
            .map(|f| inputs.get(*f).value)
            .sum();
            assert!(
                (mix - 1.0).abs() < 1e-9,
                "{} {:?}: {mix}",
                council.name,
                inputs.programme
            );
        }
    }
    // The City of London publishes no ages: its region's share stands in, and says so.
    let city = councils::find("City of London").unwrap();
    let (_, prefills) = picked(city);
    let target = prefills
        .iter()
        .find(|p| p.programme == ProgrammeId::NoWrongDoor && p.field == Field::TargetGroupShare)
        .unwrap();
    let How::Relative {
        region,
        council_share,
        ..
    } = target.how
    else {
        panic!("{:?}", target.how)
    };
    assert_eq!(region, Some("Inner London"));
    assert!(council_share < 1.0);
    assert!(sfpc::display::figure_source(target)
        .contains("the other councils of Inner London together"));
}
