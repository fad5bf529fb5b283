//! Family Valued (Leeds): restorative practice and family group conferences.

use super::designs::{COSTING, QUASI, RCT};
use super::units::{count, FRACTION, GBP};
use super::{
    about, care, delivery, partners, prices, Basis, DefaultValue, Factor, Field, Grade, Grades,
    Group, ParamSpec, Payer, Point, ProgrammeId, ProgrammeSpec, Rule, ServiceSpec, SetPoint, Shape,
    Step, StreamEvidence, StreamKey, StreamKind, StreamSpec, Terms, NO_PRICE_YEAR,
};
use crate::estimate::Estimate;

const STREAMS: &[StreamSpec] = &[
    StreamSpec {
        key: StreamKey::FgcProcess,
        label: "Less time in the system (FGC process saving)",
        payer: Payer::CouncilChildrensServices,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[Field::FamiliesPerYear, Field::SavingPerFamily],
            per_unit: &[Factor::Field(Field::FamiliesPerYear)],
        }),
        effect: Field::SavingPerFamily,
        cashable: Field::FgcProcessCashable,
        since: 1,
        additional: "Social work time saved because families spend less time in the system. In its evaluation's words it 'does not include savings from outcomes', so children kept out of care are counted beside it.",
    },
    care::stream(
        "Children kept out of care (FGC at pre-proceedings)",
        "Placement costs of children who do not enter care. The FGC process saving counts social work time only and 'does not include savings from outcomes' (Mason et al. 2017), so the two do not overlap.",
    ),
    StreamSpec {
        key: StreamKey::CareProceedings,
        label: "Care proceedings not issued",
        payer: Payer::CouncilOther,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[
                Field::FamiliesAtPreProceedings,
                Field::ProceedingsRateWithout,
                Field::ProceedingsReduction,
                Field::CostPerProceedings,
            ],
            per_unit: &[
                Factor::Field(Field::FamiliesAtPreProceedings),
                Factor::Field(Field::ProceedingsRateWithout),
                Factor::Field(Field::CostPerProceedings),
            ],
        }),
        effect: Field::ProceedingsReduction,
        cashable: Field::CareProceedingsCashable,
        since: 2,
        additional: "The council's own costs of proceedings not issued: placements are in 'children kept out of care', other social work time in the process saving, the court's and legal aid's costs in the next stream. If your FGC saving already includes legal costs, leave this out.",
    },
    StreamSpec {
        key: StreamKey::CourtsLegalAid,
        label: "Courts and legal aid: proceedings not issued",
        payer: Payer::Other,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[
                Field::FamiliesAtPreProceedings,
                Field::ProceedingsRateWithout,
                Field::ProceedingsReduction,
                Field::CourtLegalAidCostPerProceedings,
            ],
            per_unit: &[
                Factor::Field(Field::FamiliesAtPreProceedings),
                Factor::Field(Field::ProceedingsRateWithout),
                Factor::Field(Field::ProceedingsReduction),
            ],
        }),
        effect: Field::CourtLegalAidCostPerProceedings,
        cashable: Field::CourtsLegalAidCashable,
        since: 4,
        additional: "A saving to the courts and the Legal Aid Agency, outside the council: public-sector figures only. The council's own costs are the stream above.",
    },
];

/// What the evidence sets take for each stream's effect, and why
/// (`crate::evidence_sets`; apart from the streams, so that the page's
/// first view, which has no evidence sets, carries none of it).
pub(crate) const EVIDENCE: &[StreamEvidence] = &[
    StreamEvidence {
        stream: StreamKey::FgcProcess,
        claims: SetPoint {
            point: Point::Central,
            why: "£755 a family: Leeds' evaluation (Mason et al., ICF for DfE, 2017), the Innovation Unit's headline",
        },
        independent: SetPoint {
            point: Point::Central,
            why: "£755 a family: Leeds' independent evaluation against business as usual (Mason et al., ICF for DfE, 2017)",
        },
    },
    StreamEvidence {
        stream: StreamKey::CareEntries,
        claims: SetPoint {
            point: Point::Central,
            why: "No figure is claimed for entries to care (Leeds reported falls in children looked after): the default, from the FGC trial",
        },
        independent: SetPoint {
            point: Point::Central,
            why: "19.2% fewer children in care within 12 months: the FGC randomised trial (Coram for Foundations, 2023)",
        },
    },
    StreamEvidence {
        stream: StreamKey::CareProceedings,
        claims: SetPoint {
            point: Point::Central,
            why: "No figure is claimed for care proceedings: the default, from the FGC trial",
        },
        independent: SetPoint {
            point: Point::Central,
            why: "18% fewer care proceedings: the FGC randomised trial (Coram, 2023)",
        },
    },
    StreamEvidence {
        stream: StreamKey::CourtsLegalAid,
        claims: SetPoint {
            point: Point::Central,
            why: "No figure is claimed: the default, a published costing",
        },
        independent: SetPoint {
            point: Point::Central,
            why: "The courts' and legal aid's cost of a case: Ministry of Justice and Masson 2010",
        },
    },
];

/// A row of the care-proceedings stream: the template.
const PROCEEDINGS: ParamSpec = ParamSpec {
    field: Field::FamiliesAtPreProceedings,
    group: Group::Stream(StreamKey::CareProceedings),
    since: 2,
    ..PROCESS
};

/// A row of the FGC process stream: the template.
const PROCESS: ParamSpec = ParamSpec {
    field: Field::FamiliesPerYear,
    group: Group::Stream(StreamKey::FgcProcess),
    label: "",
    unit: GBP,
    hint: "",
    rule: Rule::Amount,
    shape: Shape::Ranged,
    default: DefaultValue::Number(Estimate::fixed(0.0)),
    price_year: NO_PRICE_YEAR,
    basis: Basis::Assumption,
    grades: Grades::ASSUMED,
    source: "",
    since: 1,
};

const PARAMS: &[ParamSpec] = &[
    ParamSpec {
        label: "Families holding a family group conference each year",
        unit: count("families a year"),
        hint: "How many families a year your FGC service would hold a conference with. It also sets the number of conferences paid for.",
        default: DefaultValue::Number(Estimate::ranged(200.0, 400.0, 600.0)),
        source: "Assumption: two-thirds of Leeds' 600+ FGCs in 2016 (innovationcsc.co.uk), for a mid-sized council",
        ..PROCESS
    },
    ParamSpec {
        field: Field::SavingPerFamily,
        label: "Saving per family holding an FGC",
        hint: "Net saving against business-as-usual social work, from less time in the system.",
        default: DefaultValue::Number(Estimate::ranged(0.0, 755.0, 960.0)),
        price_year: prices(2016),
        basis: Basis::Sourced,
        grades: Grades::of(Grade::Assumed, Grade::Measured(QUASI), Grade::Measured(RCT)),
        source: "755: Leeds Family Valued evaluation, Mason et al., ICF for DfE, July 2017 (report 43), cited by the Innovation Unit. 960: Foundations/Coram FGC randomised trial, June 2023. 0: assumption of no effect",
        ..PROCESS
    },
    ParamSpec {
        field: Field::FgcProcessCashable,
        label: "Cashable share of this saving",
        unit: FRACTION,
        hint: "The share a budget line can actually lose. Time freed in a salaried team is capacity, not cash, until posts go.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.0, 0.25, 0.5)),
        source: "Assumption: the saving is social work time, and time freed in a salaried team is capacity, not cash, until posts are removed (evidence file); a quarter is taken as cash, through fewer agency social workers. Range: none to half",
        since: 2,
        ..PROCESS
    },
    care::COUNCIL_ENTRIES,
    care::target_share(
        "Children whose families would be offered an FGC at the pre-proceedings stage and who, without one, would enter care within the year, as a share of all the council's entries to care.",
        Estimate::ranged(0.07, 0.151, 0.28),
        (Basis::Derived, TRIAL_GRADES),
        "FGC trial (Coram for Foundations, June 2023): 2,548 children in 21 councils over about 20 months, 44.8% of them in care within 12 months without an FGC: 2,548 / 21 × 12/20 × 0.448 = 32.6 a council a year, / 216 entries a council a year in England = 0.151. Range: assumption (15 to 60 children)",
    ),
    care::reduction(
        "Reduction in children entering care",
        "Share of those entries an FGC prevents. The randomised trial found 36.2% in care within 12 months with an FGC referral against 44.8% without.",
        Estimate::ranged(0.0, 0.192, 0.3),
        (Basis::Derived, TRIAL_GRADES),
        "Randomised trial, Coram for Foundations, June 2023 (2,548 children, 21 councils): 8.6 points fewer, (44.8 − 36.2) / 44.8 = 0.192. At pre-proceedings only. Range: assumption (0 outside that setting; the trial's confidence interval is not in the evidence file)",
    ),
    care::care_years(
        Estimate::ranged(1.0, 2.49, 2.53),
        (Basis::Derived, care::EPISODE_GRADES),
        "2.49: children looked after at 31 March / children ceasing (or starting) in the year, England 2024 and 2025 (DfE); 2.37 to 2.53 across those years. Low 1.0: assumption that some entries are delayed rather than avoided (the trial followed children for 12 months)",
    ),
    care::EDGE_OF_CARE,
    care::CASHABLE,
    care::share(
        Field::ShareInHouseFoster,
        "Share placed with in-house foster carers",
        0.45,
        concat!("Assumption for children at pre-proceedings, mostly young, whose placements are mostly family ones. ", mix_context!()),
    ),
    care::share(
        Field::ShareAgencyFoster,
        "Share placed with agency foster carers",
        0.2,
        "Assumption. The national picture is under the in-house foster share.",
    ),
    care::share(
        Field::ShareResidential,
        "Share placed in residential care",
        0.05,
        "Assumption: few young children live in children's homes. The national picture is under the in-house foster share.",
    ),
    care::share(
        Field::ShareKinshipOther,
        "Share placed with kin, with parents or otherwise",
        0.3,
        "Assumption: the rest. The national picture is under the in-house foster share.",
    ),
    care::IN_HOUSE_FOSTER,
    care::AGENCY_FOSTER,
    care::residential(2),
    care::KINSHIP_OTHER,
    ParamSpec {
        label: "Families at pre-proceedings offered an FGC each year",
        unit: count("families a year"),
        hint: "Families in the pre-proceedings stage whom your FGC service would offer a conference in a year.",
        default: DefaultValue::Number(Estimate::ranged(20.0, 42.0, 70.0)),
        basis: Basis::Derived,
        grades: TRIAL_GRADES,
        source: "FGC trial (Coram for Foundations, June 2023): 1,471 families in 21 councils over about 20 months: 1,471 / 21 × 12/20 = 42.0 a council a year. Range: assumption",
        ..PROCEEDINGS
    },
    ParamSpec {
        field: Field::ProceedingsRateWithout,
        label: "Share of those families whose children would be taken to court",
        unit: FRACTION,
        hint: "How often care proceedings are issued for such families without an FGC; the trial found 72%.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::fixed(0.72)),
        basis: Basis::Sourced,
        grades: Grades::all(Grade::Measured(RCT)),
        source: "FGC trial (Coram, 13 June 2023): care proceedings issued for 72% without an FGC referral. Assumption: the rate holds per family",
        ..PROCEEDINGS
    },
    ParamSpec {
        field: Field::ProceedingsReduction,
        label: "Reduction in care proceedings issued",
        unit: FRACTION,
        hint: "Share of those proceedings an FGC prevents: the trial found 59% issued with an FGC referral against 72% without.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.0, 0.18, 0.3)),
        basis: Basis::Derived,
        grades: TRIAL_GRADES,
        source: "FGC trial (Coram, 13 June 2023): (72 − 59) / 72 = 0.18. Range: assumption (0 outside the trial's setting)",
        ..PROCEEDINGS
    },
    ParamSpec {
        field: Field::CostPerProceedings,
        label: "Cost to the council of one care proceedings case",
        unit: GBP,
        hint: "The council's own costs of one case: its lawyers, its share of experts and assessments, social work time for the proceedings. Please enter your legal services' figure.",
        default: DefaultValue::Number(Estimate::ranged(20_000.0, 45_000.0, 85_000.0)),
        price_year: about(2013),
        basis: Basis::Derived,
        grades: Grades::of(Grade::Assumed, Grade::Reported, Grade::Reported),
        source: "Built up by payer: a care case costs the public about £80,000 (FDAC business case, citing the Family Justice Review, 2011; taken as 2013-14), less legal aid, experts included, £30,800 (£200m for 6,500 cases, Masson 2010) and the court, £4,270 (MoJ, 2015-16): 44,930, about 45,000, the council's. Low: assumption. High: £120,000 c. 2025-26 (a weak, unreferenced blog) in 2013-14 prices",
        ..PROCEEDINGS
    },
    ParamSpec {
        field: Field::CourtLegalAidCostPerProceedings,
        group: Group::Stream(StreamKey::CourtsLegalAid),
        label: "Cost to the courts and legal aid of one case",
        unit: GBP,
        hint: "The court's cost of a case and legal aid for the parents and child: counted in the public-sector figures only.",
        default: DefaultValue::Number(Estimate::ranged(18_300.0, 36_600.0, 45_800.0)),
        price_year: prices(2017),
        basis: Basis::Derived,
        grades: Grades::of(Grade::Assumed, Grade::Measured(COSTING), Grade::Assumed),
        source: "Legal aid, experts included: £200m for 6,500 cases (Masson 2010) = 30,769 (taken as 2013-14) × 77.0388 / 73.0337 = 32,457 in 2017-18, plus the court's cost of a public law case, £4,180 (MoJ, 2017-18): about 36,600. Range: assumption",
        since: 4,
        ..PROCEEDINGS
    },
    ParamSpec {
        since: 4,
        ..partners::cashable(Field::CourtsLegalAidCashable, StreamKey::CourtsLegalAid)
    },
    ParamSpec {
        field: Field::CareProceedingsCashable,
        label: "Cashable share of this saving",
        unit: FRACTION,
        hint: "The share a budget line can actually lose: external counsel, experts and court fees are cash; in-house lawyers' time is not.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.25, 0.5, 0.75)),
        source: "Assumption: half the council's cost is bought in (counsel, experts, assessments), half is in-house time. Range: a quarter to three-quarters",
        ..PROCEEDINGS
    },
    ParamSpec {
        field: Field::CostPerConference,
        group: Group::Delivery,
        label: "Extra cost per conference",
        hint: "Leave at 0 if the saving above is net of the conference's cost; published costs are £1,455 to £2,043.",
        default: DefaultValue::Number(Estimate::fixed(0.0)),
        price_year: about(2024),
        source: "Assumption: the £755 is taken as a net saving, so 0. If entering a gross saving: £1,455-£2,043 per conference (medRxiv 2025, 2025 prices, taken as 2024-25)",
        ..PROCESS
    },
    delivery::setup_cost(
        Estimate::ranged(100_000.0, 250_000.0, 500_000.0),
        "One-off: restorative practice training, recruitment, systems.",
        "Assumption: no published set-up cost; Leeds trained 6,000+ practitioners (innovationcsc.co.uk)",
    ),
    delivery::running_cost(
        Estimate::ranged(1_000_000.0, 1_681_656.4, 2_000_000.0),
        about(2022),
        "The FGC service and restorative practice posts, each year.",
        "Coventry's adopter grant, £4,204,141 over 2.5 years for 36 FTE posts (council papers): 4,204,141 / 2.5 = 1,681,656.4 a year, taken as the service's running cost, in cash of about 2022-23 (the grant ran April 2021 to September 2023). Range: assumption",
    ),
    delivery::service_units(
        "FGC services",
        "FGC services you would run, each at the costs above: one for up to 400 families a year.",
    ),
    delivery::repurposed_units("Of which existing services repurposed"),
    delivery::STAFF,
    delivery::grant(
        about(2022),
        "Assumption: none, as the SFPC grant ran from 2019 to 2025 (DfE guide, April 2019). Coventry, an adopter, had £4,204,141 over 2.5 years",
    ),
    delivery::ramp_up(
        &[0.5, 0.75, 1.0],
        "Assumption: a whole-system change reaches full effect in its third year",
    ),
    delivery::deadweight(
        Estimate::ranged(0.0, 0.0, 0.1),
        "Assumption: 0, as the default effects were measured against families without an FGC, which nets out what would have happened anyway. High 0.1: for before-and-after figures",
    ),
    delivery::OPTIMISM_BIAS,
    delivery::COST_OPTIMISM_BIAS,
];

/// A figure from the FGC randomised trial, its range assumed.
const TRIAL_GRADES: Grades = Grades::measured(RCT);

/// Family Valued (Leeds): restorative practice and family group conferences.
///
/// FGC process saving a year = families holding an FGC × saving per family
/// (£755, Mason et al., ICF for DfE, 2017: a net saving, so the extra cost
/// per conference defaults to 0). Children kept out of care: see
/// [`care::stream`], with the FGC trial's effect. Care proceedings
/// not issued a year = families at pre-proceedings × share taken to court ×
/// reduction × the council's cost of a case (the same trial: 72% against
/// 59%); the courts' and legal aid's saving likewise, with their cost of a
/// case (format 4).
///
/// Its `steps` are the order the model picks the parameters in; each
/// stream's terms are its arithmetic.
pub(crate) const SPEC: ProgrammeSpec = ProgrammeSpec {
    id: ProgrammeId::FamilyValued,
    streams: STREAMS,
    params: PARAMS,
    steps: &[
        Step::Stream(StreamKey::FgcProcess),
        Step::VolumeCost {
            count: Field::FamiliesPerYear,
            unit_cost: Field::CostPerConference,
        },
        Step::Delivery,
        Step::Stream(StreamKey::CareEntries),
        Step::Stream(StreamKey::CareProceedings),
        Step::Stream(StreamKey::CourtsLegalAid),
    ],
};

/// How the service is sized: see [`ServiceSpec`].
pub(crate) const SERVICE: ServiceSpec = ServiceSpec {
    unit: "FGC service",
    units: "FGC services",
    cohort: Field::FamiliesPerYear,
    capacity: 400.0,
    basis: Basis::Assumption,
    source: "Assumption: the running cost above (Coventry's grant, 36 posts) serves the example council's 400 families a year, so one service serves up to 400; Leeds held 600+ FGCs in 2016 (innovationcsc.co.uk)",
};
