//! Rows of the "children kept out of care" stream, which every programme has,
//! and of the placement mix that prices a year of care. The weekly costs are
//! the same facts for every programme; the mix and the cohort are each
//! programme's own.

use super::designs::{COSTING, OFFICIAL_STATISTICS};
use super::units::{count, FRACTION, GBP_PER_CHILD_WEEK, YEARS};
use super::{
    about, prices, Basis, DefaultValue, Field, Grade, Grades, Group, ParamSpec, Rule, Shape,
    StreamKey, StreamKind, StreamSpec, NO_PRICE_YEAR, TODAYS_PRICES,
};
use crate::estimate::Estimate;
use crate::registry::Payer;

/// A row of the stream, added in format 2: the template the others change.
const STREAM_ROW: ParamSpec = ParamSpec {
    field: Field::CouncilEntriesToCare,
    group: Group::Stream(StreamKey::CareEntries),
    label: "",
    unit: count("children a year"),
    hint: "",
    rule: Rule::Amount,
    shape: Shape::Ranged,
    default: DefaultValue::Number(Estimate::fixed(0.0)),
    price_year: NO_PRICE_YEAR,
    basis: Basis::Assumption,
    grades: Grades::ASSUMED,
    source: "",
    since: 2,
};

/// The stream itself, with why it adds to the programme's other streams.
pub const fn stream(label: &'static str, additional: &'static str) -> StreamSpec {
    StreamSpec {
        key: StreamKey::CareEntries,
        label,
        payer: Payer::CouncilChildrensServices,
        kind: StreamKind::EntriesToCareAvoided,
        effect: Field::CareEntryReduction,
        cashable: Field::CareEntriesCashable,
        since: 2,
        additional,
    }
}

/// The council's children starting to be looked after in a year: the same
/// fact for every programme, which a council's DfE statistics give.
pub(crate) const COUNCIL_ENTRIES: ParamSpec = ParamSpec {
    label: "Children starting to be looked after each year (the whole council)",
    hint: "How many children your council takes into care in a year. Picking your council fills in its DfE figure.",
    default: DefaultValue::Number(Estimate::ranged(150.0, 216.0, 300.0)),
    basis: Basis::Derived,
    grades: Grades::measured(OFFICIAL_STATISTICS),
    source: "DfE, Children looked after in England: 33,050 children started to be looked after in England in the year to 31 March 2024, / 153 councils = 216. Range: assumption",
    ..STREAM_ROW
};

/// The share of those entries in the programme's target group, who would
/// enter care without it: entries avoided = council entries × share × reduction.
pub const fn target_share(
    hint: &'static str,
    value: Estimate,
    (basis, grades): (Basis, Grades),
    source: &'static str,
) -> ParamSpec {
    ParamSpec {
        field: Field::TargetGroupShare,
        label: "Share of those children in this model's target group",
        unit: FRACTION,
        hint,
        rule: Rule::Fraction,
        default: DefaultValue::Number(value),
        basis,
        grades,
        source,
        ..STREAM_ROW
    }
}

/// The share of those entries the programme avoids: the stream's effect.
pub const fn reduction(
    label: &'static str,
    hint: &'static str,
    value: Estimate,
    (basis, grades): (Basis, Grades),
    source: &'static str,
) -> ParamSpec {
    ParamSpec {
        field: Field::CareEntryReduction,
        label,
        unit: FRACTION,
        hint,
        rule: Rule::Fraction,
        default: DefaultValue::Number(value),
        basis,
        grades,
        source,
        ..STREAM_ROW
    }
}

/// How long each avoided entry would have stayed in care.
pub const fn care_years(
    value: Estimate,
    (basis, grades): (Basis, Grades),
    source: &'static str,
) -> ParamSpec {
    ParamSpec {
        field: Field::CareYears,
        label: "Years in care saved by each entry avoided",
        unit: YEARS,
        hint:
            "How long a child kept out of care would otherwise have stayed in care (0 to 18 years).",
        rule: Rule::CareYears,
        default: DefaultValue::Number(value),
        basis,
        grades,
        source,
        ..STREAM_ROW
    }
}

/// The length of a care episode: DfE's statistics, the low end assumed.
pub(crate) const EPISODE_GRADES: Grades = Grades::of(
    Grade::Assumed,
    Grade::Measured(OFFICIAL_STATISTICS),
    Grade::Measured(OFFICIAL_STATISTICS),
);

/// What a child kept out of care gets instead (format 4): the stream saves
/// care less this, a year, for the same years. The programme's own service
/// is in its costs, so this is the council's support besides it.
pub(crate) const EDGE_OF_CARE: ParamSpec = ParamSpec {
    field: Field::EdgeOfCareCostPerYear,
    label: "Support a child kept out of care still gets, a year",
    unit: super::units::GBP_PER_CHILD_YEAR,
    hint: "Child-in-need support, besides this model's service, for a child who stays at home. The saving is care less this.",
    default: DefaultValue::Number(Estimate::ranged(0.0, 8_640.0, 8_640.0)),
    price_year: prices(2018),
    basis: Basis::Sourced,
    grades: Grades::of(Grade::Assumed, Grade::Reported, Grade::Reported),
    source: "Child in need, basic case cost a year, 2018-19 (Home Office 2021, Table 10; second-hand), for each year the child would have been in care. Low 0: assumption, the case closes (the care cost counts placements only)",
    since: 4,
    ..STREAM_ROW
};

/// A placement not bought is a budget line cut, so most of this is cash.
pub(crate) const CASHABLE: ParamSpec = ParamSpec {
    field: Field::CareEntriesCashable,
    label: "Cashable share of these savings",
    unit: FRACTION,
    hint: "The share a budget line can actually lose: placements not bought. Fixed costs of in-house carers are not.",
    rule: Rule::Fraction,
    default: DefaultValue::Number(Estimate::ranged(0.75, 0.9, 1.0)),
    source: "Assumption: a placement not bought is a budget line cut (the usual reading in council finance, evidence file); a tenth is kept back for the fixed costs of in-house carers and placement teams. Range: a quarter to none kept back",
    ..STREAM_ROW
};

/// A placement share: plain fractions, which the reader checks add up to 1.
pub const fn share(
    field: Field,
    label: &'static str,
    value: f64,
    source: &'static str,
) -> ParamSpec {
    ParamSpec {
        field,
        group: Group::CostOfCare,
        label,
        unit: FRACTION,
        hint: "Share of children entering care from this programme's target group who would be placed this way; the four shares add up to 1.",
        rule: Rule::Fraction,
        shape: Shape::Plain,
        default: DefaultValue::Number(Estimate::fixed(value)),
        source,
        ..STREAM_ROW
    }
}

/// A weekly placement cost: the template.
const WEEKLY: ParamSpec = ParamSpec {
    field: Field::InHouseFosterCostPerWeek,
    group: Group::CostOfCare,
    label: "",
    unit: GBP_PER_CHILD_WEEK,
    hint: "",
    rule: Rule::Amount,
    shape: Shape::Ranged,
    default: DefaultValue::Number(Estimate::fixed(0.0)),
    price_year: NO_PRICE_YEAR,
    basis: Basis::Sourced,
    grades: Grades::ASSUMED,
    source: "",
    since: 2,
};

pub(crate) const IN_HOUSE_FOSTER: ParamSpec = ParamSpec {
    label: "In-house foster placement, weekly cost",
    hint: "What a placement with one of your own foster carers costs a week, allowances and support included.",
    default: DefaultValue::Number(Estimate::ranged(382.0, 533.0, 646.0)),
    price_year: about(2016),
    grades: Grades::of(Grade::Reported, Grade::Reported, Grade::Measured(COSTING)),
    source: "533: council foster care, DfE national data (£27,716 a year; CoramBAAF, c. 2016-17; second-hand). 382: council foster carer fee, £396 (LocalGov 2018) in 2016-17 prices (× 76.0754 / 78.7948). 646: PSSRU Unit Costs 2017, foster care with allowances, administration and social work (2016-17)",
    ..WEEKLY
};

pub(crate) const AGENCY_FOSTER: ParamSpec = ParamSpec {
    field: Field::AgencyFosterCostPerWeek,
    label: "Agency foster placement, weekly cost",
    hint: "What a placement bought from an independent fostering agency costs a week.",
    default: DefaultValue::Number(Estimate::ranged(723.0, 820.0, 860.0)),
    price_year: about(2020),
    grades: Grades::of(Grade::Measured(COSTING), Grade::Measured(COSTING), Grade::Reported),
    source: "820: CMA interim report, October 2021, independent fostering agency average (c. 2020-21). 860: derived, council foster care £533 + the £17,000 a year agency premium (CYP Now on an Impower report; contested) / 52. 723: PSSRU 2017 all-in foster care, £646 (2016-17) × 85.1002 / 76.0754, as the floor",
    ..WEEKLY
};

/// Residential care's weekly cost: also No Wrong Door's format-1 field, so
/// its `since` is that programme's.
pub const fn residential(since: u32) -> ParamSpec {
    ParamSpec {
        field: Field::ResidentialCostPerWeek,
        label: "Residential placement, weekly cost",
        hint: "What a children's home place costs your council a week.",
        default: DefaultValue::Number(Estimate::ranged(4_372.0, 6_120.0, 10_527.0)),
        price_year: prices(2023),
        basis: Basis::Derived,
        grades: Grades::of(Grade::Reported, Grade::Measured(COSTING), Grade::Reported),
        source: "NAO: £318,400 per children's home place in 2023-24 / 52 = 6,123, rounded to 6,120. Low: PSSRU independent sector, £4,153 (c. 2022-23), and high: LGA, ~1,500 placements at £10,000+ a week in 2022-23, each × 96.1117 / 91.2996",
        since,
        ..WEEKLY
    }
}

pub(crate) const KINSHIP_OTHER: ParamSpec = ParamSpec {
    field: Field::KinshipOtherCostPerWeek,
    label: "Kinship and other placements, weekly cost",
    hint: "Placements with family and friends, with parents, or in supported living: what they cost a week on average.",
    default: DefaultValue::Number(Estimate::ranged(100.0, 300.0, 701.0)),
    price_year: TODAYS_PRICES,
    basis: Basis::Assumption,
    grades: Grades::of(Grade::Assumed, Grade::Assumed, Grade::Reported),
    source: "Assumption: no published figure in the evidence file. Kinship carers' allowances are usually at or below fostering allowances, and placement with parents costs social work alone. High: council foster care, £533 a week (CoramBAAF, c. 2016-17) × 100 / 76.0754",
    ..WEEKLY
};
