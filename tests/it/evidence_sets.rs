//! Evidence sets: each set gives the published figure it names for every
//! stream's effect, applying a set gives a valid scenario that is recognised
//! as that set, and the side-by-side is the appraisal of each.

use sfpc::evidence::{default_price_year, default_scenario_model};
use sfpc::evidence_sets::{self, EffectsUsed, Point, SetKey};
use sfpc::prices::PriceYear;
use sfpc::registry::{Field, ProgrammeId};
use sfpc::scenario::ProgrammeInputs;

fn figures(set: SetKey, programme: ProgrammeId) -> Vec<(Field, f64)> {
    let year = default_price_year();
    evidence_sets::values(set, programme)
        .iter()
        .map(|v| evidence_sets::figure(programme, v, year).unwrap())
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

#[test]
fn the_claims_and_independent_sets_name_a_figure_for_every_stream_once() {
    for programme in ProgrammeId::ALL {
        let streams: Vec<_> = programme.spec().streams.iter().map(|s| s.key).collect();
        for set in [SetKey::Claims, SetKey::Independent] {
            let declared: Vec<_> = evidence_sets::declared(set, programme)
                .iter()
                .map(|v| v.stream)
                .collect();
            let mut sorted = declared.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), declared.len(), "{set:?} {programme:?} twice");
            for s in &streams {
                assert!(declared.contains(s), "{set:?} {programme:?} lacks {s:?}");
            }
            assert_eq!(declared.len(), streams.len(), "{set:?} {programme:?}");
        }
        assert_eq!(
            evidence_sets::values(SetKey::Cautious, programme).len(),
            streams.len()
        );
    }
}

#[test]
fn each_set_gives_the_published_figures() {
    use Field::*;
    // The restating factor of the FGC saving's 2016-17 prices into 2024-25.
    let fgc = 755.0 * 100.0 / 76.0754;
    // The police and NHS savings are in 2015-16 prices (the registry's, for Forrester et al. 2017).
    let from_2015_16 = |f: f64| f * 100.0 / 74.5804;
    // The courts' and legal aid's cost of a case is in 2017-18 prices.
    let courts = 36_600.0 * 100.0 / 77.0388;
    let expect = [
        (
            SetKey::Claims,
            ProgrammeId::FamilyValued,
            vec![
                (SavingPerFamily, fgc),
                (CareEntryReduction, 0.192),
                (ProceedingsReduction, 0.18),
                (CourtLegalAidCostPerProceedings, courts),
            ],
        ),
        (
            SetKey::Claims,
            ProgrammeId::FamilySafeguarding,
            vec![
                (CpPlanReduction, 0.6),
                (CareEntryReduction, 0.3),
                (PoliceSavingPerFamily, from_2015_16(114.0)),
                (NhsSavingPerFamily, from_2015_16(213.0)),
            ],
        ),
        (
            SetKey::Claims,
            ProgrammeId::NoWrongDoor,
            vec![
                (ResidentialTimeReduction, 0.45),
                (CareEntryReduction, 0.2),
                (ArrestReduction, 0.38),
                (AeAttendanceReduction, 0.57),
                (MissingEpisodeReduction, 0.5),
            ],
        ),
        (
            SetKey::Independent,
            ProgrammeId::FamilyValued,
            vec![
                (SavingPerFamily, fgc),
                (CareEntryReduction, 0.192),
                (ProceedingsReduction, 0.18),
                (CourtLegalAidCostPerProceedings, courts),
            ],
        ),
        (
            SetKey::Independent,
            ProgrammeId::FamilySafeguarding,
            vec![
                (CpPlanReduction, 0.3),
                (CareEntryReduction, 0.3),
                (PoliceSavingPerFamily, from_2015_16(114.0)),
                (NhsSavingPerFamily, from_2015_16(213.0)),
            ],
        ),
        (
            SetKey::Independent,
            ProgrammeId::NoWrongDoor,
            vec![
                (ResidentialTimeReduction, 0.0),
                (CareEntryReduction, 0.0),
                (ArrestReduction, 0.0),
                (AeAttendanceReduction, 0.0),
                (MissingEpisodeReduction, 0.0),
            ],
        ),
        (
            SetKey::Cautious,
            ProgrammeId::FamilyValued,
            vec![
                (SavingPerFamily, 0.0),
                (CareEntryReduction, 0.0),
                (ProceedingsReduction, 0.0),
                (CourtLegalAidCostPerProceedings, 18_300.0 * 100.0 / 77.0388),
            ],
        ),
        (
            SetKey::Cautious,
            ProgrammeId::FamilySafeguarding,
            vec![
                (CpPlanReduction, 0.15),
                (CareEntryReduction, 0.0),
                (PoliceSavingPerFamily, 0.0),
                (NhsSavingPerFamily, 0.0),
            ],
        ),
        (
            SetKey::Cautious,
            ProgrammeId::NoWrongDoor,
            vec![
                (ResidentialTimeReduction, 0.0),
                (CareEntryReduction, 0.0),
                (ArrestReduction, 0.0),
                (AeAttendanceReduction, 0.0),
                (MissingEpisodeReduction, 0.0),
            ],
        ),
    ];
    for (set, programme, want) in expect {
        let got = figures(set, programme);
        assert_eq!(got.len(), want.len(), "{set:?} {programme:?}");
        for ((field, x), (want_field, want_x)) in got.iter().zip(&want) {
            assert_eq!(field, want_field, "{set:?} {programme:?}");
            assert!(
                close(*x, *want_x),
                "{set:?} {programme:?} {field:?}: {x} != {want_x}"
            );
        }
    }
}

#[test]
fn each_set_holds_only_figures_of_its_grade() {
    use sfpc::registry::Grade;
    for programme in ProgrammeId::ALL {
        // Independent and trial evidence: measured figures, or zero where
        // nothing has been measured.
        for v in evidence_sets::values(SetKey::Independent, programme) {
            let grade = evidence_sets::grade(programme, &v);
            assert!(
                v.point == Point::Zero || grade.is_some_and(Grade::is_measured),
                "{programme:?} {:?}: {grade:?}",
                v.stream
            );
            if v.point == Point::Zero {
                assert!(v.why.contains("zero"), "{programme:?} {:?}", v.stream);
            }
        }
        // The claims: reported figures, or measured ones an innovator cites;
        // an assumed figure only as the default, where nothing is claimed.
        for v in evidence_sets::values(SetKey::Claims, programme) {
            let grade = evidence_sets::grade(programme, &v);
            assert!(
                grade != Some(Grade::Assumed) || v.point == Point::Central,
                "{programme:?} {:?}",
                v.stream
            );
            if grade == Some(Grade::Assumed) {
                assert!(v.why.contains("default"), "{programme:?} {:?}", v.stream);
            }
        }
    }
}

#[test]
fn every_default_is_graded_and_every_measured_figure_names_its_design() {
    for (programme, row) in sfpc::evidence::all_params() {
        let g = row.grades;
        for grade in [g.low, g.value, g.high] {
            if let Some(design) = grade.design() {
                assert!(design.len() > 5, "{programme:?} {:?}", row.field);
            }
        }
        // An assumption's value is graded assumed, and a measured value is
        // not our assumption.
        if row.basis == sfpc::registry::Basis::Assumption {
            assert!(!g.value.is_measured(), "{programme:?} {:?}", row.field);
        }
    }
    // The default scenario rests on measured evidence where there is some:
    // every effect whose range has a measured point takes a measured value,
    // but for Family Safeguarding's children kept out of care, whose
    // measured figure is an upper one ("up to 30%").
    for programme in ProgrammeId::ALL {
        for s in programme.spec().streams {
            let row = programme.spec().param(s.effect).unwrap();
            let g = row.grades;
            let some_measured = [g.low, g.value, g.high].iter().any(|g| g.is_measured());
            let upper_only = programme == ProgrammeId::FamilySafeguarding
                && s.effect == Field::CareEntryReduction;
            if some_measured && !upper_only {
                assert!(g.value.is_measured(), "{programme:?} {:?}", s.key);
            }
        }
    }
}

#[test]
fn a_money_figure_is_restated_into_the_scenario_year() {
    let v = evidence_sets::values(SetKey::Claims, ProgrammeId::FamilyValued)[0];
    assert_eq!(v.point, Point::Central);
    let in_2016 = PriceYear::parse("2016-17").unwrap();
    let (_, x) = evidence_sets::figure(ProgrammeId::FamilyValued, &v, in_2016).unwrap();
    assert_eq!(x, 755.0);
}

#[test]
fn an_applied_set_is_valid_and_recognised_and_the_defaults_are_named() {
    let year = default_price_year();
    for programme in ProgrammeId::ALL {
        for set in SetKey::ALL {
            let mut inputs = ProgrammeInputs::from_defaults(programme, year);
            // A range narrower than the set's figure is widened to hold it.
            let effect = programme.spec().streams[0].effect;
            let e = inputs.get(effect);
            inputs.set(effect, sfpc::estimate::Estimate::fixed(e.high));
            let changes = evidence_sets::apply(set, &mut inputs, year);
            assert_eq!(changes.len(), programme.spec().streams.len());
            for c in &changes {
                let e = c.estimate;
                assert!(
                    e.low <= e.value && e.value <= e.high,
                    "{set:?} {:?}",
                    c.field
                );
            }
            let used = evidence_sets::matching(&inputs, year);
            assert!(used.contains(&set), "{set:?} {programme:?}: {used:?}");
            let mut scenario = default_scenario_model();
            scenario.programmes = vec![inputs];
            let json = sfpc::format::scenario_to_json(&scenario);
            assert!(
                sfpc::format::parse_scenario(&json).is_ok(),
                "{set:?} {programme:?}"
            );
        }
    }
    let defaults = |p| ProgrammeInputs::from_defaults(p, year);
    assert_eq!(
        evidence_sets::effects_used(&defaults(ProgrammeId::FamilySafeguarding), year),
        EffectsUsed::Defaults
    );
    assert_eq!(
        evidence_sets::effects_used(&defaults(ProgrammeId::FamilyValued), year),
        EffectsUsed::Sets(vec![SetKey::Claims, SetKey::Independent])
    );
    assert_eq!(
        evidence_sets::effects_used(&defaults(ProgrammeId::NoWrongDoor), year),
        EffectsUsed::Defaults
    );
    let mut own = defaults(ProgrammeId::NoWrongDoor);
    own.set(Field::ArrestReduction, sfpc::estimate::Estimate::fixed(0.1));
    assert_eq!(
        evidence_sets::effects_used(&own, year),
        EffectsUsed::OwnFigures
    );
}

#[test]
fn the_side_by_side_appraises_each_set_with_one_seed() {
    let scenario = default_scenario_model();
    let appraisal = sfpc::appraisal::appraise(&scenario);
    for programme in ProgrammeId::ALL {
        let rows = evidence_sets::compare(&scenario, programme, 7).unwrap();
        let sets: Vec<_> = rows.iter().map(|r| r.set).collect();
        assert_eq!(
            sets,
            [
                None,
                Some(SetKey::Claims),
                Some(SetKey::Independent),
                Some(SetKey::Cautious)
            ]
        );
        let find = |a: &sfpc::appraisal::Appraisal| {
            a.programmes
                .iter()
                .find(|p| p.programme == programme)
                .unwrap()
                .council_npv_gbp
        };
        let a = appraisal
            .programmes
            .iter()
            .find(|p| p.programme == programme)
            .unwrap();
        assert_eq!(rows[0].council_npv_gbp, a.council_npv_gbp);
        assert_eq!(rows[0].council_cashable_npv_gbp, a.council_cashable_npv_gbp);
        // Each set's row is the appraisal of the scenario with the set applied.
        for row in &rows[1..] {
            let mut s = scenario.clone();
            let inputs = s
                .programmes
                .iter_mut()
                .find(|p| p.programme == programme)
                .unwrap();
            evidence_sets::apply(row.set.unwrap(), inputs, s.price_year);
            assert_eq!(row.council_npv_gbp, find(&sfpc::appraisal::appraise(&s)));
        }
        // Savings rise with every effect, so the low ends give the least.
        let cautious = rows[3].council_npv_gbp;
        assert!(
            rows.iter().all(|r| cautious <= r.council_npv_gbp + 1e-6),
            "{programme:?}"
        );
        for r in &rows {
            assert!((0.0..=1.0).contains(&r.probability_council_npv_positive));
        }
        assert_eq!(
            rows,
            evidence_sets::compare(&scenario, programme, 7).unwrap()
        );
    }
}

#[test]
fn the_side_by_side_in_words() {
    let scenario = default_scenario_model();
    let rows = evidence_sets::compare(&scenario, ProgrammeId::FamilySafeguarding, 7).unwrap();
    let table = sfpc::display::evidence_comparison_table(&rows);
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.rows[0][0], "Your figures");
    assert_eq!(table.rows[3][0], "Cautious");
    let summary =
        sfpc::display::evidence_comparison_summary(ProgrammeId::FamilySafeguarding, &rows);
    assert!(
        summary.starts_with("Family Safeguarding: council net present value from "),
        "{summary}"
    );
    assert!(summary.contains("(Cautious)"), "{summary}");
}
