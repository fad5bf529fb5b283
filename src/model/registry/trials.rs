//! The adopters' randomised trials, which report in 2025 to 2027: what each
//! will measure, so the calculator can say whether waiting for its answer is
//! worth a year's delay. Source: `shared/evidence.md`, "Status of the
//! adopters' evaluations" (What Works for Children's Social Care, now
//! Foundations, project pages and protocols).

use super::{Field, ProgrammeId};

/// A trial of a model in adopting councils.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trial {
    pub programme: ProgrammeId,
    /// What the trial is called, as its funder names it.
    pub name: &'static str,
    /// Its design and size, as published.
    pub design: &'static str,
    /// When it reports, as published.
    pub reports: &'static str,
    pub source: &'static str,
    /// The effects its outcomes measure: "likelihood of becoming looked
    /// after" is every trial's primary outcome; a model's own headline
    /// effect beside it.
    pub measures: &'static [Field],
}

const TRIALS: [Trial; 3] = [
    Trial {
        programme: ProgrammeId::FamilyValued,
        name: "Family Valued adopter trial",
        design: "5 councils, about 78,000 children; primary outcome the likelihood of becoming looked after",
        reports: "final report due 2027",
        source: "Foundations, Family Valued trial page and protocol",
        measures: &[Field::CareEntryReduction],
    },
    Trial {
        programme: ProgrammeId::FamilySafeguarding,
        name: "Family Safeguarding adopter trial",
        design: "stepped-wedge cluster randomised trial in 5 councils, about 51,000 children",
        reports: "estimated completion October 2025, not yet published",
        source: "What Works for Children's Social Care, Family Safeguarding Model trial evaluation page",
        measures: &[Field::CareEntryReduction, Field::CpPlanReduction],
    },
    Trial {
        programme: ProgrammeId::NoWrongDoor,
        name: "No Wrong Door adopter trial",
        design: "5 councils, about 18,000 young people",
        reports: "estimated completion April 2024, not yet published",
        source: "What Works for Children's Social Care, No Wrong Door Model trial evaluation page",
        measures: &[Field::CareEntryReduction, Field::ResidentialTimeReduction],
    },
];

/// The trial of `programme`.
pub fn trial(programme: ProgrammeId) -> &'static Trial {
    let i = ProgrammeId::ALL
        .iter()
        .position(|&p| p == programme)
        .unwrap_or(0);
    &TRIALS[i]
}
