//! Named sets of effect values, so that a finance lead sees how much of the
//! answer rests on which evidence is believed.
//!
//! A set gives one value for each benefit stream's effect (the parameter the
//! stream's saving is linear in, [`StreamSpec::effect`]). Every value is a
//! point of the registry's range for that parameter (its low end, its
//! central value or its high end), or zero, so the sets add no figure of
//! their own: each figure keeps the registry's source, price year and grade,
//! and the set says why it takes that point. The tests pin the figures each
//! set gives, and that each set's figures are of its grade.
//!
//! - **The innovators' published claims**: the figures the councils that
//!   designed the models reported (the seeds' 60%, 45% and the like), each
//!   graded *reported* or, where the innovator cites an evaluation,
//!   *measured*; where an innovator claims nothing for a saving, the
//!   default.
//! - **Independent and trial evidence**: only *measured* figures, from
//!   independent evaluations and the FGC randomised trial; a saving no one
//!   has measured counts zero here, and the set says so.
//! - **Cautious**: the low end of every range.

use crate::appraisal::appraise_programme;
use crate::estimate::Estimate;
use crate::prices::PriceYear;
use crate::registry::{Field, Grade, ProgrammeId, StreamKey, StreamSpec};
use crate::scenario::{ProgrammeInputs, Scenario};
use crate::uncertainty::{simulate, SimulationConfig};

/// An evidence set, in the order the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetKey {
    Claims,
    Independent,
    Cautious,
}

impl SetKey {
    pub const ALL: [SetKey; 3] = [SetKey::Claims, SetKey::Independent, SetKey::Cautious];

    pub fn key(self) -> &'static str {
        match self {
            SetKey::Claims => "claims",
            SetKey::Independent => "independent",
            SetKey::Cautious => "cautious",
        }
    }

    pub fn from_key(key: &str) -> Option<SetKey> {
        SetKey::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            SetKey::Claims => "The innovators' published claims",
            SetKey::Independent => "Independent and trial evidence",
            SetKey::Cautious => "Cautious",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            SetKey::Claims => "The figures the councils that designed the models reported: mostly before and after, with no comparison group. Where an innovator claims nothing for a saving, the calculator's default.",
            SetKey::Independent => "Only what independent evaluations and the family group conference randomised trial measured. A saving no one has measured counts zero here.",
            SetKey::Cautious => "The low end of every effect's range: what the case looks like if the evidence disappoints.",
        }
    }
}

pub use crate::registry::Point;

/// One set's value for one stream's effect, and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SetValue {
    pub stream: StreamKey,
    pub point: Point,
    pub why: &'static str,
}

const fn v(stream: StreamKey, point: Point, why: &'static str) -> SetValue {
    SetValue { stream, point, why }
}

use Point::{Central, High, Low, Zero};

const CAUTIOUS_WHY: &str = "The low end of the range";

/// The values a set declares for a programme's streams, in stream order,
/// from the registry beside them (`ProgrammeId::evidence`); none for the
/// cautious set, which is the low end of every range.
pub fn declared(set: SetKey, programme: ProgrammeId) -> Vec<SetValue> {
    let evidence = programme.evidence();
    let point = |key: StreamKey| {
        let e = evidence.iter().find(|e| e.stream == key)?;
        match set {
            SetKey::Claims => Some(e.claims),
            SetKey::Independent => Some(e.independent),
            SetKey::Cautious => None,
        }
    };
    programme
        .spec()
        .streams
        .iter()
        .filter_map(|s| point(s.key).map(|p| v(s.key, p.point, p.why)))
        .collect()
}

/// The set's value for each of a programme's streams, in stream order.
pub fn values(set: SetKey, programme: ProgrammeId) -> Vec<SetValue> {
    let streams = programme.spec().streams.iter();
    if set == SetKey::Cautious {
        return streams.map(|s| v(s.key, Low, CAUTIOUS_WHY)).collect();
    }
    declared(set, programme)
}

fn stream_spec(programme: ProgrammeId, stream: StreamKey) -> Option<&'static StreamSpec> {
    programme.spec().stream(stream)
}

/// The figure a set value gives, restated in `price_year`'s prices.
pub fn figure(
    programme: ProgrammeId,
    value: &SetValue,
    price_year: PriceYear,
) -> Option<(Field, f64)> {
    let field = stream_spec(programme, value.stream)?.effect;
    let e = programme
        .spec()
        .param(field)?
        .default_estimate_in(price_year)?;
    let x = match value.point {
        Low => e.low,
        Central => e.value,
        High => e.high,
        Zero => 0.0,
    };
    Some((field, x))
}

/// The grade of a set value's figure: the registry's grade of that point;
/// `None` for zero, which is no figure.
pub fn grade(programme: ProgrammeId, value: &SetValue) -> Option<Grade> {
    let field = stream_spec(programme, value.stream)?.effect;
    let grades = programme.spec().param(field)?.grades;
    match value.point {
        Low => Some(grades.low),
        Central => Some(grades.value),
        High => Some(grades.high),
        Zero => None,
    }
}

/// One field a set changes: its new estimate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub field: Field,
    pub estimate: Estimate,
}

/// Sets a programme's effects to a set's figures. Each keeps its range,
/// widened where the figure falls outside it, so that the result is valid.
pub fn apply(set: SetKey, inputs: &mut ProgrammeInputs, price_year: PriceYear) -> Vec<Change> {
    let programme = inputs.programme;
    values(set, programme)
        .iter()
        .filter_map(|v| figure(programme, v, price_year))
        .map(|(field, x)| {
            let e = inputs.get(field);
            let estimate = Estimate::ranged(e.low.min(x), x, e.high.max(x));
            inputs.set(field, estimate);
            Change { field, estimate }
        })
        .collect()
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The sets whose figures a programme's effects are, in the order of
/// [`SetKey::ALL`]: none when the user has entered figures of their own.
pub fn matching(inputs: &ProgrammeInputs, price_year: PriceYear) -> Vec<SetKey> {
    SetKey::ALL
        .into_iter()
        .filter(|&set| {
            values(set, inputs.programme)
                .iter()
                .filter(|v| inputs.includes(v.stream))
                .all(|v| {
                    figure(inputs.programme, v, price_year)
                        .is_some_and(|(field, x)| same(inputs.get(field).value, x))
                })
        })
        .collect()
}

/// Whether a programme's effects are all at their defaults.
pub fn at_defaults(inputs: &ProgrammeInputs, price_year: PriceYear) -> bool {
    let streams = inputs.programme.spec().streams.iter();
    streams.filter(|s| inputs.includes(s.key)).all(|s| {
        let default = inputs.programme.spec().param(s.effect);
        default
            .and_then(|p| p.default_estimate_in(price_year))
            .is_some_and(|e| same(inputs.get(s.effect).value, e.value))
    })
}

/// What the effects of a programme are: sets, the defaults, or the user's own.
#[derive(Clone, Debug, PartialEq)]
pub enum EffectsUsed {
    Sets(Vec<SetKey>),
    Defaults,
    OwnFigures,
}

pub fn effects_used(inputs: &ProgrammeInputs, price_year: PriceYear) -> EffectsUsed {
    let sets = matching(inputs, price_year);
    if !sets.is_empty() {
        EffectsUsed::Sets(sets)
    } else if at_defaults(inputs, price_year) {
        EffectsUsed::Defaults
    } else {
        EffectsUsed::OwnFigures
    }
}

/// One row of the side-by-side: a programme under one set (or as entered).
#[derive(Clone, Debug, PartialEq)]
pub struct SetOutcome {
    /// `None`: the figures as entered.
    pub set: Option<SetKey>,
    pub council_npv_gbp: f64,
    pub council_cashable_npv_gbp: f64,
    /// The chance the council's NPV is above zero, over `draws` futures.
    pub probability_council_npv_positive: f64,
}

/// Draws for each row of the side-by-side: enough for a probability to about
/// ±1 percentage point (the standard error of p = 0.5 over 2,000 draws is
/// 1.1 points), few enough to run on every change.
pub const COMPARISON_DRAWS: u32 = 2_000;

/// A programme of a validated scenario, as entered and under each set: its
/// council NPV, cashable council NPV and P(NPV > 0), under a set with its
/// effects fixed at the set's figures. Every row uses the same seed, so the
/// differences are the sets', not the draws'.
pub fn compare(scenario: &Scenario, programme: ProgrammeId, seed: u64) -> Option<Vec<SetOutcome>> {
    let inputs = scenario.programme(programme)?;
    let outcome = |set: Option<SetKey>| {
        let mut one = scenario.clone();
        one.programmes = vec![inputs.clone()];
        one.programmes[0].enabled = true;
        if let Some(set) = set {
            // The chance under a set takes its effects as the set says (the
            // other figures' ranges are still drawn): a set at the low end of
            // every range, drawn across the whole range, would be "cautious"
            // with most of its draws above its own figures.
            for change in apply(set, &mut one.programmes[0], scenario.price_year) {
                let fixed = Estimate::fixed(change.estimate.value);
                one.programmes[0].set(change.field, fixed);
            }
        }
        let a = appraise_programme(&one.programmes[0], &one.appraisal);
        let config = SimulationConfig {
            draws: COMPARISON_DRAWS,
            seed,
        };
        let u = simulate(&one, config);
        SetOutcome {
            set,
            council_npv_gbp: a.council_npv_gbp,
            council_cashable_npv_gbp: a.council_cashable_npv_gbp,
            probability_council_npv_positive: u.programmes[0].probability_council_npv_positive,
        }
    };
    let sets = SetKey::ALL.into_iter().map(Some);
    Some(std::iter::once(None).chain(sets).map(outcome).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Grade;
    use StreamKey::{FgcProcess, ResidentialWeeks};

    fn y24() -> PriceYear {
        PriceYear::starting(2024)
    }

    #[test]
    fn sets_by_their_keys_and_words() {
        let keys: Vec<&str> = SetKey::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys, ["claims", "independent", "cautious"]);
        for s in SetKey::ALL {
            assert_eq!(SetKey::from_key(s.key()), Some(s));
            assert!(s.description().ends_with('.'));
        }
        assert_eq!(SetKey::from_key("optimistic"), None);
        assert_eq!(SetKey::Claims.label(), "The innovators' published claims");
        assert_eq!(
            SetKey::Independent.label(),
            "Independent and trial evidence"
        );
        assert_eq!(SetKey::Cautious.label(), "Cautious");
        assert!(SetKey::Independent.description().contains("counts zero"));
        assert!(SetKey::Cautious.description().starts_with("The low end"));
        assert!(SetKey::Claims.description().contains("designed the models"));
    }

    #[test]
    fn each_set_gives_each_stream_a_point_of_its_range() {
        for id in ProgrammeId::ALL {
            let streams: Vec<StreamKey> = id.spec().streams.iter().map(|s| s.key).collect();
            for set in SetKey::ALL {
                let keys: Vec<StreamKey> = values(set, id).iter().map(|v| v.stream).collect();
                assert_eq!(keys, streams, "{set:?} {id:?}");
            }
            assert!(declared(SetKey::Cautious, id).is_empty());
            assert!(values(SetKey::Cautious, id)
                .iter()
                .all(|v| v.point == Point::Low && v.why == CAUTIOUS_WHY));
        }
        // No Wrong Door's residential time: claimed 45% (the high end), measured by no one.
        let nwd = ProgrammeId::NoWrongDoor;
        let claims = values(SetKey::Claims, nwd);
        let independent = values(SetKey::Independent, nwd);
        let field = nwd.spec().stream(ResidentialWeeks).unwrap().effect;
        let e = nwd
            .spec()
            .param(field)
            .unwrap()
            .default_estimate_in(y24())
            .unwrap();
        assert_eq!(figure(nwd, &claims[0], y24()), Some((field, e.high)));
        assert_eq!(figure(nwd, &independent[0], y24()), Some((field, 0.0)));
        let low = values(SetKey::Cautious, nwd)[0];
        assert_eq!(figure(nwd, &low, y24()), Some((field, e.low)));
        let grades = nwd.spec().param(field).unwrap().grades;
        assert_eq!(grade(nwd, &claims[0]), Some(grades.high));
        assert_eq!(grade(nwd, &low), Some(grades.low));
        assert_eq!(grade(nwd, &independent[0]), None);
        let fv = ProgrammeId::FamilyValued;
        let central = values(SetKey::Independent, fv)[0];
        let fgc = fv.spec().stream(FgcProcess).unwrap().effect;
        let e = fv
            .spec()
            .param(fgc)
            .unwrap()
            .default_estimate_in(y24())
            .unwrap();
        assert_eq!(figure(fv, &central, y24()), Some((fgc, e.value)));
        assert_eq!(
            grade(fv, &central),
            Some(fv.spec().param(fgc).unwrap().grades.value)
        );
        assert!(matches!(grade(fv, &central), Some(Grade::Measured(_))));
        // A stream another programme has is no figure here.
        assert_eq!(figure(fv, &claims[0], y24()), None);
        assert_eq!(grade(fv, &claims[0]), None);
    }

    #[test]
    fn applying_a_set_widens_a_range_it_falls_outside_and_is_recognised() {
        let id = ProgrammeId::NoWrongDoor;
        let mut inputs = ProgrammeInputs::from_defaults(id, y24());
        assert_eq!(effects_used(&inputs, y24()), EffectsUsed::Defaults);
        assert!(at_defaults(&inputs, y24()));
        let changes = apply(SetKey::Independent, &mut inputs, y24());
        assert_eq!(changes.len(), id.spec().streams.len());
        for c in &changes {
            assert_eq!(c.estimate.value, 0.0);
            assert_eq!(inputs.get(c.field), c.estimate);
            assert!(c.estimate.low <= 0.0 && c.estimate.high > 0.0);
        }
        // No Wrong Door's ranges start at zero: the cautious set's figures too.
        let both = [SetKey::Independent, SetKey::Cautious];
        assert_eq!(matching(&inputs, y24()), both);
        assert_eq!(effects_used(&inputs, y24()), EffectsUsed::Sets(both.into()));
        assert!(!at_defaults(&inputs, y24()));
        // A figure of one's own.
        let field = changes[0].field;
        inputs.set(field, Estimate::fixed(0.123));
        assert_eq!(effects_used(&inputs, y24()), EffectsUsed::OwnFigures);
        // Leaving that stream out, the rest are still the set's.
        inputs.excluded_streams.push(ResidentialWeeks);
        assert_eq!(matching(&inputs, y24()), both);
        assert!(same(1.0, 1.0 + 1e-10) && !same(1.0, 1.0 + 1e-8) && same(0.0, 1e-10));
        // Relative to the larger figure: £1m and a hundredth of a penny more.
        assert!(same(1e6, 1e6 + 1e-4) && !same(1e6, 1e6 + 1e-2));
    }

    #[test]
    fn the_side_by_side_has_the_figures_as_entered_then_each_set() {
        let scenario = crate::defaults::default_scenario_model();
        let id = ProgrammeId::FamilySafeguarding;
        let rows = compare(&scenario, id, 7).unwrap();
        let sets: Vec<Option<SetKey>> = rows.iter().map(|r| r.set).collect();
        assert_eq!(
            sets,
            [
                None,
                Some(SetKey::Claims),
                Some(SetKey::Independent),
                Some(SetKey::Cautious)
            ]
        );
        let entered = appraise_programme(scenario.programme(id).unwrap(), &scenario.appraisal);
        assert_eq!(rows[0].council_npv_gbp, entered.council_npv_gbp);
        assert_eq!(
            rows[0].council_cashable_npv_gbp,
            entered.council_cashable_npv_gbp
        );
        let mut claims = scenario.programme(id).unwrap().clone();
        apply(SetKey::Claims, &mut claims, scenario.price_year);
        assert_eq!(
            rows[1].council_npv_gbp,
            appraise_programme(&claims, &scenario.appraisal).council_npv_gbp
        );
        // The cautious set is the low end of every effect: the least NPV.
        assert!(rows[3].council_npv_gbp < rows[1].council_npv_gbp);
        assert!(
            rows[3].probability_council_npv_positive <= rows[1].probability_council_npv_positive
        );
        assert!(rows
            .iter()
            .all(|r| (0.0..=1.0).contains(&r.probability_council_npv_positive)));
        let mut none = scenario.clone();
        none.programmes.retain(|p| p.programme != id);
        assert!(compare(&none, id, 7).is_none());
    }
}
