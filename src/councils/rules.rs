//! Where each of a programme's figures comes from once a council is picked:
//! declared once, here, for the engine, the page's notes, the batch and the
//! README's table ("Your council's figures").
//!
//! A figure is the council's own count, a count times a stated ratio
//! (*derived*), the council's own unit cost, or *national* (a published
//! figure or an assumption, the same for every council). No caseload or
//! cohort stays national once a council is picked.

use super::figures::{Cost, Measure, Reading};
use crate::registry::{Field, ProgrammeId};
use crate::scenario::FigureKind;

/// A ratio a council count is multiplied by, with where it comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ratio {
    pub numerator: f64,
    pub denominator: f64,
    /// "Hertfordshire's 940 families in its first year ÷ its 896 children
    /// on plans at 31 March 2015": what the two numbers are, and their sources.
    pub source: &'static str,
}

impl Ratio {
    pub fn value(&self) -> f64 {
        self.numerator / self.denominator
    }
}

/// Family Safeguarding's families worked with, per child on a plan:
/// Hertfordshire's first year.
pub const FAMILIES_PER_CHILD_ON_PLAN: Ratio = Ratio {
    numerator: 940.0,
    denominator: 896.0,
    source: "Hertfordshire worked with 940 families in the teams' first 12 months from March 2015 (Forrester et al. 2017), when it had 896 children on child protection plans at 31 March 2015 (DfE, children in need census, table D5)",
};

/// Family Valued's families holding an FGC a year, per child in need:
/// Leeds in 2016.
pub const FGC_FAMILIES_PER_CHILD_IN_NEED: Ratio = Ratio {
    numerator: 600.0,
    denominator: 5711.0,
    source: "Leeds held 600+ family group conferences in 2016 (innovationcsc.co.uk), when it had 5,711 children in need at 31 March 2016 (DfE, children in need census, table B1)",
};

/// Families at pre-proceedings offered an FGC a year, per child starting to
/// be looked after: the trial's families a council a year over England's
/// entries a council a year (both the registry's defaults, with their sums).
pub const PRE_PROCEEDINGS_PER_ENTRY: Ratio = Ratio {
    numerator: 42.0,
    denominator: 216.0,
    source: "the FGC trial's 42.0 families at pre-proceedings a council a year (1,471 families in 21 councils over about 20 months; Coram for Foundations, June 2023) over England's 216 children starting to be looked after a council a year (33,050 / 153, DfE 2024)",
};

/// No Wrong Door's young people worked with, per young person in a
/// children's home: a hub's 40 at a time, half of them looked after.
pub const WORKED_WITH_PER_RESIDENTIAL: Ratio = Ratio {
    numerator: 40.0,
    denominator: 20.0,
    source: "a hub works with around 40 young people at a time (seed 004), half of them looked after and in or near residential care (the example council's 20 of 40): 40 / 20",
};

/// Where the service-size rule is explained, for notes.
pub const CAPACITY_NOTE: &str = "Set-up and running costs are per team or hub.";

/// How one field is found for a council.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// The council's own count, latest year.
    Count(Measure),
    /// Children looked after at 31 March ÷ children ceasing in the year.
    CareLength,
    /// The council's own count × a stated ratio.
    Scaled(Measure, Ratio),
    /// The model's placement share, adjusted by the council's own mix
    /// against England's (foster placements, children's homes).
    PlacementShare,
    /// No Wrong Door's target share, adjusted by the council's share of
    /// children looked after aged 10 and over against England's.
    AdolescentShare,
    /// The council's own weekly unit cost.
    UnitCost(Cost),
    /// Teams or hubs: the cohort over what one serves, rounded up.
    ServiceUnits,
    /// A national figure or an assumption: the default stays.
    National,
}

impl Rule {
    pub fn kind(self) -> FigureKind {
        match self {
            Rule::Count(_) | Rule::CareLength => FigureKind::Own,
            Rule::Scaled(..)
            | Rule::PlacementShare
            | Rule::AdolescentShare
            | Rule::ServiceUnits => FigureKind::Derived,
            Rule::UnitCost(_) => FigureKind::UnitCost,
            Rule::National => FigureKind::National,
        }
    }
}

/// The fields every programme's care stream and placement mix share.
const CARE: [(Field, Rule); 10] = [
    (Field::CouncilEntriesToCare, Rule::Count(Measure::Started)),
    (Field::ShareInHouseFoster, Rule::PlacementShare),
    (Field::ShareAgencyFoster, Rule::PlacementShare),
    (Field::ShareResidential, Rule::PlacementShare),
    (Field::ShareKinshipOther, Rule::PlacementShare),
    (
        Field::InHouseFosterCostPerWeek,
        Rule::UnitCost(Cost::Fostering),
    ),
    (
        Field::AgencyFosterCostPerWeek,
        Rule::UnitCost(Cost::Fostering),
    ),
    (
        Field::ResidentialCostPerWeek,
        Rule::UnitCost(Cost::Residential),
    ),
    (Field::KinshipOtherCostPerWeek, Rule::National),
    (Field::ServiceUnits, Rule::ServiceUnits),
];

const FAMILY_VALUED: &[(Field, Rule)] = &[
    (
        Field::FamiliesPerYear,
        Rule::Scaled(Measure::InNeed, FGC_FAMILIES_PER_CHILD_IN_NEED),
    ),
    (
        Field::FamiliesAtPreProceedings,
        Rule::Scaled(Measure::Started, PRE_PROCEEDINGS_PER_ENTRY),
    ),
    (Field::CareYears, Rule::CareLength),
];

const FAMILY_SAFEGUARDING: &[(Field, Rule)] = &[
    (Field::ChildrenOnCpPlans, Rule::Count(Measure::CpPlans)),
    (
        Field::FamiliesPerYear,
        Rule::Scaled(Measure::CpPlans, FAMILIES_PER_CHILD_ON_PLAN),
    ),
    (Field::CareYears, Rule::CareLength),
];

const NO_WRONG_DOOR: &[(Field, Rule)] = &[
    (
        Field::YoungPeopleInResidential,
        Rule::Count(Measure::ChildrensHomes),
    ),
    (
        Field::YoungPeopleWorkedWith,
        Rule::Scaled(Measure::ChildrensHomes, WORKED_WITH_PER_RESIDENTIAL),
    ),
    (Field::TargetGroupShare, Rule::AdolescentShare),
    (
        Field::AlternativeCostPerWeek,
        Rule::UnitCost(Cost::Fostering),
    ),
];

/// Every field of a programme with the rule that finds it for a council,
/// in the registry's order: fields no rule names are national. The service
/// units come last, as they follow the cohort.
pub fn rules(programme: ProgrammeId) -> Vec<(Field, Rule)> {
    let own: &[(Field, Rule)] = match programme {
        ProgrammeId::FamilyValued => FAMILY_VALUED,
        ProgrammeId::FamilySafeguarding => FAMILY_SAFEGUARDING,
        ProgrammeId::NoWrongDoor => NO_WRONG_DOOR,
    };
    let named = |field: Field| {
        own.iter()
            .chain(CARE.iter())
            .find(|(f, _)| *f == field)
            .map(|(_, r)| *r)
    };
    let mut out: Vec<(Field, Rule)> = programme
        .spec()
        .params
        .iter()
        .filter(|p| p.field != Field::ServiceUnits)
        .map(|p| (p.field, named(p.field).unwrap_or(Rule::National)))
        .collect();
    out.push((Field::ServiceUnits, Rule::ServiceUnits));
    out
}

/// How a council's figure was found, for its note.
#[derive(Clone, Debug, PartialEq)]
pub enum How {
    Count {
        measure: Measure,
        reading: Reading,
    },
    CareLength {
        looked_after: u32,
        ceased: u32,
        year: u16,
    },
    Scaled {
        measure: Measure,
        reading: Reading,
        ratio: Ratio,
    },
    /// The model's default share × the council's share ÷ England's.
    Relative {
        measure: Measure,
        default_share: f64,
        council_share: f64,
        england_share: f64,
        year: u16,
        /// The region whose share stands in for the council's, which never
        /// published this part.
        region: Option<&'static str>,
    },
    /// The placement mix's shares were scaled down to add up to 1.
    Rescaled {
        measure: Measure,
        council_share: f64,
        england_share: f64,
        year: u16,
        region: Option<&'static str>,
    },
    UnitCost {
        cost: Cost,
        reading: Reading,
    },
    ServiceUnits {
        cohort_field: Field,
        cohort: f64,
        capacity: f64,
    },
    /// A national figure, the same for every council.
    National,
    /// The statistics give nothing usable (`measure` not published in any
    /// form, or no child looked after): the default stays, said plainly.
    Unavailable {
        measure: Measure,
    },
    /// The council had no child looked after (placements table, `year`):
    /// its own mix is unknown, so the model's default stays.
    NoneLookedAfter {
        year: u16,
    },
    /// No length of care follows (no child ceased to be looked after, or
    /// it would exceed 18 years): the default stays.
    NoLength,
}
