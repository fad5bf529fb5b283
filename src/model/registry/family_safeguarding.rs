//! Family Safeguarding (Hertfordshire): multidisciplinary teams with adult
//! specialists.

use super::designs::{EVALUATION, OFFICIAL_STATISTICS};
use super::units::{count, FRACTION, GBP_PER_CHILD_YEAR, GBP_PER_FAMILY_YEAR};
use super::{
    about, care, delivery, partners, prices, Basis, DefaultValue, Factor, Field, Grade, Grades,
    Group, ParamSpec, Payer, Point, ProgrammeId, ProgrammeSpec, Rule, ServiceSpec, SetPoint, Shape,
    Step, StreamEvidence, StreamKey, StreamKind, StreamSpec, Terms, NO_PRICE_YEAR,
};
use crate::estimate::Estimate;

const STREAMS: &[StreamSpec] = &[
    StreamSpec {
        key: StreamKey::CpPlans,
        label: "Fewer children on child protection plans",
        payer: Payer::CouncilChildrensServices,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[
                Field::ChildrenOnCpPlans,
                Field::CpPlanReduction,
                Field::CostPerCpPlanYear,
                Field::CinCaseWorkCostPerYear,
            ],
            per_unit: &[
                Factor::Field(Field::ChildrenOnCpPlans),
                Factor::Less(Field::CostPerCpPlanYear, Field::CinCaseWorkCostPerYear),
            ],
        }),
        effect: Field::CpPlanReduction,
        cashable: Field::CpPlansCashable,
        since: 1,
        additional: "Case work and conferences for fewer plans, less the child-in-need case work a child kept off a plan still gets. Hertfordshire's £2.6m in children's services savings in its first year (Forrester et al. 2017) is a check on this route and the next, not added to them.",
    },
    care::stream(
        "Children kept out of care",
        "Placement costs of children who do not become looked after. The plans stream counts case work, not placements, so a child kept off a plan and out of care saves in both without the same cost counted twice.",
    ),
    StreamSpec {
        key: StreamKey::Police,
        label: "Police: fewer domestic-abuse call-outs",
        payer: Payer::Police,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[Field::FamiliesPerYear, Field::PoliceSavingPerFamily],
            per_unit: &[Factor::Field(Field::FamiliesPerYear)],
        }),
        effect: Field::PoliceSavingPerFamily,
        cashable: Field::PoliceCashable,
        since: 1,
        additional: "Fewer police call-outs to domestic abuse: the police's saving, outside the council, so it counts in the public-sector figures only.",
    },
    StreamSpec {
        key: StreamKey::Nhs,
        label: "NHS: fewer emergency visits",
        payer: Payer::Nhs,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[Field::FamiliesPerYear, Field::NhsSavingPerFamily],
            per_unit: &[Factor::Field(Field::FamiliesPerYear)],
        }),
        effect: Field::NhsSavingPerFamily,
        cashable: Field::NhsCashable,
        since: 1,
        additional: "Fewer adult A&E visits and emergency admissions: the NHS's saving, outside the council, and not the police call-outs above.",
    },
];

/// What the evidence sets take for each stream's effect, and why
/// (`crate::evidence_sets`; apart from the streams, so that the page's
/// first view, which has no evidence sets, carries none of it).
pub(crate) const EVIDENCE: &[StreamEvidence] = &[
    StreamEvidence {
        stream: StreamKey::CpPlans,
        claims: SetPoint {
            point: Point::High,
            why: "60% fewer children on plans: the Innovation Unit's headline, over five years",
        },
        independent: SetPoint {
            point: Point::Central,
            why: "30% fewer children on plans: the first independent evaluation (Forrester et al. 2017)",
        },
    },
    StreamEvidence {
        stream: StreamKey::CareEntries,
        claims: SetPoint {
            point: Point::High,
            why: "'Up to 30%' fewer children becoming looked after: wave 2's evaluation as Hertfordshire summarised it (2020)",
        },
        independent: SetPoint {
            point: Point::High,
            why: "Up to 30% fewer children becoming looked after, significant in 4 of 5 councils (York Consulting, 2020): the measured figure, an upper one, as no average was published",
        },
    },
    StreamEvidence {
        stream: StreamKey::Police,
        claims: SetPoint {
            point: Point::Central,
            why: "£114 a family: Hertfordshire's first evaluation (Forrester et al. 2017)",
        },
        independent: SetPoint {
            point: Point::Central,
            why: "£114 a family: the first independent evaluation (Forrester et al. 2017)",
        },
    },
    StreamEvidence {
        stream: StreamKey::Nhs,
        claims: SetPoint {
            point: Point::Central,
            why: "£213 a family: Hertfordshire's first evaluation (Forrester et al. 2017)",
        },
        independent: SetPoint {
            point: Point::Central,
            why: "£213 a family: the first independent evaluation (Forrester et al. 2017)",
        },
    },
];

/// A row of the child-protection-plan stream: the template.
const PLANS: ParamSpec = ParamSpec {
    field: Field::ChildrenOnCpPlans,
    group: Group::Stream(StreamKey::CpPlans),
    label: "",
    unit: count("children"),
    hint: "",
    rule: Rule::Amount,
    shape: Shape::Ranged,
    default: DefaultValue::Number(Estimate::fixed(0.0)),
    price_year: NO_PRICE_YEAR,
    basis: Basis::Derived,
    grades: Grades::ASSUMED,
    source: "",
    since: 1,
};

const PARAMS: &[ParamSpec] = &[
    ParamSpec {
        label: "Children on child protection plans (average at any time)",
        hint: "Your council's average number of children on a child protection plan.",
        default: DefaultValue::Number(Estimate::ranged(250.0, 356.3, 500.0)),
        grades: Grades::measured(OFFICIAL_STATISTICS),
        source: "DfE: 62,300 plans ended in England in 2024-25, lasting about 10.5 months: 62,300 × 10.5/12 / 153 councils = 356.3. Range: assumption",
        ..PLANS
    },
    ParamSpec {
        field: Field::CpPlanReduction,
        label: "Reduction in children on child protection plans",
        unit: FRACTION,
        hint: "The first independent evaluation found 0.30 (30%) over 15 months; the innovator reports 0.60 over five years.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.15, 0.3, 0.6)),
        basis: Basis::Sourced,
        grades: Grades::of(Grade::Assumed, Grade::Measured(EVALUATION), Grade::Reported),
        source: "0.30: first independent evaluation, Forrester et al. 2017, Hertfordshire, March 2015 to June 2016. 0.60: the Innovation Unit's, over five years (reported). Also: up to 0.46 in wave 2 (Rodger et al. 2020). Low 0.15: assumption, half the measured",
        ..PLANS
    },
    ParamSpec {
        field: Field::CostPerCpPlanYear,
        label: "Cost of a child protection plan for a year",
        unit: GBP_PER_CHILD_YEAR,
        hint: "Case work and conferences for one child for a year: please enter your own figure.",
        default: DefaultValue::Number(Estimate::ranged(3_000.0, 6_000.0, 10_000.0)),
        price_year: prices(2013),
        basis: Basis::Assumption,
        source: "Assumption: no published figure. Built up from social worker time at £55 an hour of client-related work (GMCA Unit Cost Database, 2013-14) for visits, core groups and conferences (~110 hours a year)",
        ..PLANS
    },
    ParamSpec {
        field: Field::CinCaseWorkCostPerYear,
        label: "Case work a child kept off a plan still gets, a year",
        unit: GBP_PER_CHILD_YEAR,
        hint: "A child kept off a plan usually stays a child in need: the saving is the plan's cost less this.",
        default: DefaultValue::Number(Estimate::ranged(0.0, 1_650.0, 3_025.0)),
        price_year: prices(2013),
        basis: Basis::Assumption,
        source: "Assumption: visits half as often as on a plan, no conferences or core groups: 30 of the plan's ~110 hours × £55 (GMCA, 2013-14) = 1,650. High: 55 hours. Low 0: the case closes",
        since: 4,
        ..PLANS
    },
    ParamSpec {
        field: Field::CpPlansCashable,
        label: "Cashable share of this saving",
        unit: FRACTION,
        hint: "The share a budget line can actually lose. Time freed in a salaried team is capacity, not cash, until posts go.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.0, 0.25, 0.5)),
        basis: Basis::Assumption,
        source: "Assumption: the saving is social work time, and time freed in a salaried team is capacity, not cash, until posts are removed (evidence file); a quarter is taken as cash, through fewer agency social workers. Range: none to half",
        since: 2,
        ..PLANS
    },
    care::COUNCIL_ENTRIES,
    care::target_share(
        "Entries to care within the teams' reach: all but unaccompanied asylum-seeking children, whom the teams do not work with.",
        Estimate::ranged(0.8, 1.0, 1.0),
        (Basis::Assumption, Grades::ASSUMED),
        "Assumption: every entry is within the teams' reach, as they work across child protection and children in need. Low 0.8: assumption, for a council with many unaccompanied asylum-seeking children (not in the evidence file)",
    ),
    care::reduction(
        "Reduction in children becoming looked after",
        "Wave 2's evaluation found 'up to 30%' fewer, significant in 4 of 5 councils: an upper figure; the default is half.",
        Estimate::ranged(0.0, 0.15, 0.3),
        (
            Basis::Assumption,
            Grades::of(Grade::Assumed, Grade::Assumed, Grade::Measured(EVALUATION)),
        ),
        "0.30: 'up to 30%', Rodger, Allan and Elliott (York Consulting) 2020, wave 2's five councils; significant in 4 of 5 (Community Care, 11 Nov 2020): an upper figure. Central 0.15: assumption, half of it, as no average was published. 0: assumption of no effect",
    ),
    care::care_years(
        Estimate::ranged(1.0, 2.49, 2.53),
        (Basis::Derived, care::EPISODE_GRADES),
        "2.49: children looked after at 31 March / children ceasing (or starting) in the year, England 2024 and 2025 (DfE); 2.37 to 2.53 across those years. Low 1.0: assumption that some entries are delayed rather than avoided",
    ),
    care::EDGE_OF_CARE,
    care::CASHABLE,
    care::share(
        Field::ShareInHouseFoster,
        "Share placed with in-house foster carers",
        0.45,
        concat!("Assumption for children of all ages entering care. ", mix_context!()),
    ),
    care::share(
        Field::ShareAgencyFoster,
        "Share placed with agency foster carers",
        0.25,
        "Assumption. The national picture is under the in-house foster share.",
    ),
    care::share(
        Field::ShareResidential,
        "Share placed in residential care",
        0.1,
        "Assumption: below the fifth of all children looked after, as children entering care are younger than those already in it. The national picture is under the in-house foster share.",
    ),
    care::share(
        Field::ShareKinshipOther,
        "Share placed with kin, with parents or otherwise",
        0.2,
        "Assumption: the rest. The national picture is under the in-house foster share.",
    ),
    care::IN_HOUSE_FOSTER,
    care::AGENCY_FOSTER,
    care::residential(2),
    care::KINSHIP_OTHER,
    ParamSpec {
        field: Field::FamiliesPerYear,
        group: Group::Stream(StreamKey::Police),
        label: "Families worked with each year",
        unit: count("families a year"),
        hint: "Families your Family Safeguarding teams would work with in a year. Police and NHS savings are per family worked with.",
        default: DefaultValue::Number(Estimate::ranged(300.0, 500.0, 940.0)),
        basis: Basis::Assumption,
        source: "Assumption: about half of Hertfordshire's 940 families in its first 12 months (Forrester et al. 2017), for a mid-sized council",
        ..PLANS
    },
    ParamSpec {
        field: Field::PoliceSavingPerFamily,
        group: Group::Stream(StreamKey::Police),
        label: "Police saving per family",
        unit: GBP_PER_FAMILY_YEAR,
        hint: "A saving to the police, not the council: counted in the public-sector figures only.",
        default: DefaultValue::Number(Estimate::ranged(0.0, 114.0, 114.0)),
        price_year: prices(2015),
        grades: FORRESTER_GRADES,
        source: "Forrester et al. 2017: £107k to police in year 1 across 940 families: 107,000 / 940 = 114. Low: assumption of no saving",
        ..PLANS
    },
    partners::cashable(Field::PoliceCashable, StreamKey::Police),
    ParamSpec {
        field: Field::NhsSavingPerFamily,
        group: Group::Stream(StreamKey::Nhs),
        label: "NHS saving per family",
        unit: GBP_PER_FAMILY_YEAR,
        hint: "A saving to the NHS, not the council: counted in the public-sector figures only. Per family worked with (above).",
        default: DefaultValue::Number(Estimate::ranged(0.0, 213.0, 213.0)),
        price_year: prices(2015),
        grades: FORRESTER_GRADES,
        source: "Forrester et al. 2017: £200k to the NHS in year 1 across 940 families: 200,000 / 940 = 213. Low: assumption of no saving",
        ..PLANS
    },
    partners::cashable(Field::NhsCashable, StreamKey::Nhs),
    delivery::setup_cost(
        Estimate::ranged(100_000.0, 250_000.0, 500_000.0),
        "One-off: recruiting adult specialists, motivational interviewing training, systems.",
        "Assumption: no published set-up cost",
    ),
    delivery::running_cost(
        Estimate::ranged(800_000.0, 1_160_000.0, 1_500_000.0),
        about(2019),
        "The adult specialists and other extra posts in the teams, each year.",
        "Hertfordshire's round 2 grant, £11.6m across 5 councils (innovationcsc.co.uk; CYP Now): 11,600,000 / 5 = 2,320,000 a council, over 2 years (assumption) = 1,160,000 a year, in cash of about 2019-20, when wave 2 ran. Range: assumption",
    ),
    delivery::service_units(
        "Teams of adult specialists",
        "Teams you would run, each at the costs above: one for up to 500 families a year.",
    ),
    delivery::repurposed_units("Of which existing teams repurposed"),
    delivery::STAFF,
    delivery::grant(
        about(2019),
        "Assumption: none, as the SFPC grant ran from 2019 to 2025 (DfE guide, April 2019). Wave 2's councils had £2,320,000 each (as above), over about 2 years",
    ),
    delivery::ramp_up(
        &[0.5, 1.0],
        "Assumption, after Hertfordshire: annual savings exceeded costs within two years (York Consulting, 2020)",
    ),
    delivery::DEADWEIGHT,
    delivery::OPTIMISM_BIAS,
    delivery::COST_OPTIMISM_BIAS,
];

/// Forrester et al. 2017's first-year savings to partners, the low end
/// assumed.
const FORRESTER_GRADES: Grades = Grades::of(
    Grade::Assumed,
    Grade::Measured(EVALUATION),
    Grade::Measured(EVALUATION),
);

/// Family Safeguarding (Hertfordshire): multidisciplinary teams.
///
/// CP plans saving a year = children on plans × reduction × (cost of a plan
/// for a year − the child-in-need case work a child kept off a plan still
/// gets: format 4's offset, 0 before). Police and NHS a year = families worked with × saving per
/// family (£114 and £213, derived from Forrester et al. 2017's first-year
/// totals over 940 families). Children kept out of care: see
/// [`care::stream`].
///
/// Its `steps` are the order the model picks the parameters in; each
/// stream's terms are its arithmetic.
pub(crate) const SPEC: ProgrammeSpec = ProgrammeSpec {
    id: ProgrammeId::FamilySafeguarding,
    streams: STREAMS,
    params: PARAMS,
    steps: &[
        Step::Stream(StreamKey::CpPlans),
        Step::Stream(StreamKey::Police),
        Step::Stream(StreamKey::Nhs),
        Step::Delivery,
        Step::Stream(StreamKey::CareEntries),
    ],
};

/// How the service is sized: see [`ServiceSpec`].
pub(crate) const SERVICE: ServiceSpec = ServiceSpec {
    unit: "team",
    units: "teams",
    cohort: Field::FamiliesPerYear,
    capacity: 500.0,
    basis: Basis::Assumption,
    source: "Assumption: the running cost above (a wave-2 council's share of the grant) pays for adult specialists for the example council's 500 families a year, so one team serves up to 500; Hertfordshire worked with 940 families in its first year (Forrester et al. 2017)",
};
