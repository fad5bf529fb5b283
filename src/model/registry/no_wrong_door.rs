//! No Wrong Door (North Yorkshire): a hub and outreach for adolescents.

use super::designs::COSTING;
use super::units::{count, FRACTION, GBP, GBP_PER_CHILD_WEEK};
use super::{
    about, care, delivery, partners, prices, Basis, DefaultValue, Factor, Field, Grade, Grades,
    Group, ParamSpec, Payer, Point, ProgrammeId, ProgrammeSpec, Rule, ServiceSpec, SetPoint, Shape,
    Step, StreamEvidence, StreamKey, StreamKind, StreamSpec, Terms, NO_PRICE_YEAR,
};
use crate::estimate::Estimate;

const STREAMS: &[StreamSpec] = &[
    StreamSpec {
        key: StreamKey::ResidentialWeeks,
        label: "Less time in residential placements",
        payer: Payer::CouncilChildrensServices,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[
                Field::YoungPeopleInResidential,
                Field::ResidentialTimeReduction,
                Field::ResidentialCostPerWeek,
                Field::AlternativeCostPerWeek,
            ],
            per_unit: &[
                Factor::Field(Field::YoungPeopleInResidential),
                Factor::WeeksPerYear,
                Factor::Less(Field::ResidentialCostPerWeek, Field::AlternativeCostPerWeek),
            ],
        }),
        effect: Field::ResidentialTimeReduction,
        cashable: Field::ResidentialWeeksCashable,
        since: 1,
        additional: "Young people already looked after, who move from residential to family placements sooner. Young people kept out of care altogether are in their own stream.",
    },
    care::stream(
        "Adolescents kept out of care",
        "Adolescents who are not looked after and would have entered care. The residential stream counts only young people already looked after, so no young person is in both.",
    ),
    StreamSpec {
        key: StreamKey::Police,
        label: "Police: fewer arrests",
        payer: Payer::Police,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[
                Field::YoungPeopleWorkedWith,
                Field::ArrestsPerYoungPerson,
                Field::ArrestReduction,
                Field::CostPerArrest,
            ],
            per_unit: &[
                Factor::Field(Field::YoungPeopleWorkedWith),
                Factor::Field(Field::ArrestsPerYoungPerson),
                Factor::Field(Field::CostPerArrest),
            ],
        }),
        effect: Field::ArrestReduction,
        cashable: Field::PoliceCashable,
        since: 2,
        additional: "A saving to the police, outside the council: no council stream counts arrests.",
    },
    StreamSpec {
        key: StreamKey::Nhs,
        label: "NHS: fewer A&E visits",
        payer: Payer::Nhs,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[
                Field::YoungPeopleWorkedWith,
                Field::AeAttendancesPerYoungPerson,
                Field::AeAttendanceReduction,
                Field::CostPerAeAttendance,
            ],
            per_unit: &[
                Factor::Field(Field::YoungPeopleWorkedWith),
                Factor::Field(Field::AeAttendancesPerYoungPerson),
                Factor::Field(Field::CostPerAeAttendance),
            ],
        }),
        effect: Field::AeAttendanceReduction,
        cashable: Field::NhsCashable,
        since: 2,
        additional: "A saving to the NHS, outside the council: no other stream counts A&E visits.",
    },
    StreamSpec {
        key: StreamKey::MissingEpisodes,
        label: "Police: fewer missing-person investigations",
        payer: Payer::Police,
        kind: StreamKind::YearlySaving(Terms {
            picks: &[
                Field::YoungPeopleWorkedWith,
                Field::MissingEpisodesPerYoungPerson,
                Field::MissingEpisodeReduction,
                Field::CostPerMissingInvestigation,
            ],
            per_unit: &[
                Factor::Field(Field::YoungPeopleWorkedWith),
                Factor::Field(Field::MissingEpisodesPerYoungPerson),
                Factor::Field(Field::CostPerMissingInvestigation),
            ],
        }),
        effect: Field::MissingEpisodeReduction,
        cashable: Field::PoliceCashable,
        since: 4,
        additional: "A saving to the police. Going missing is not an offence, so these are not among the arrests above.",
    },
];

/// What the evidence sets take for each stream's effect, and why
/// (`crate::evidence_sets`; apart from the streams, so that the page's
/// first view, which has no evidence sets, carries none of it).
pub(crate) const EVIDENCE: &[StreamEvidence] = &[
    StreamEvidence {
        stream: StreamKey::ResidentialWeeks,
        claims: SetPoint {
            point: Point::High,
            why: "45% less time in residential placements: the Innovation Unit's headline",
        },
        independent: SetPoint {
            point: Point::Zero,
            why: "No one has measured it (the 45% and 'halved' are North Yorkshire's own before-and-after figures; the adopters' trial has not reported): zero",
        },
    },
    StreamEvidence {
        stream: StreamKey::CareEntries,
        claims: SetPoint {
            point: Point::Central,
            why: "North Yorkshire's 86% of young people staying out of care has no comparison group, so gives no reduction: the default assumption",
        },
        independent: SetPoint {
            point: Point::Zero,
            why: "No impact estimate published; the adopters' trial has not reported: zero",
        },
    },
    StreamEvidence {
        stream: StreamKey::Police,
        claims: SetPoint {
            point: Point::High,
            why: "38% fewer arrests: DfE press release, 2019",
        },
        independent: SetPoint {
            point: Point::Zero,
            why: "The 38% is before and after, with no comparison group: zero",
        },
    },
    StreamEvidence {
        stream: StreamKey::Nhs,
        claims: SetPoint {
            point: Point::High,
            why: "57% fewer A&E visits: DfE press release, 2019",
        },
        independent: SetPoint {
            point: Point::Zero,
            why: "The 57% is before and after, with no comparison group: zero",
        },
    },
    StreamEvidence {
        stream: StreamKey::MissingEpisodes,
        claims: SetPoint {
            point: Point::High,
            why: "Missing-from-home incidents from 503 to 253, about half: DfE summary, 2017",
        },
        independent: SetPoint {
            point: Point::Zero,
            why: "The fall from 503 to 253 is before and after, with no comparison group: zero",
        },
    },
];

/// A row of the residential stream: the template.
const RESIDENTIAL: ParamSpec = ParamSpec {
    field: Field::YoungPeopleInResidential,
    group: Group::Stream(StreamKey::ResidentialWeeks),
    label: "",
    unit: count("young people"),
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

/// A row of the partner streams, added in format 2: the template.
const PARTNER: ParamSpec = ParamSpec {
    field: Field::YoungPeopleWorkedWith,
    group: Group::Stream(StreamKey::Police),
    since: 2,
    ..RESIDENTIAL
};

const PARAMS: &[ParamSpec] = &[
    ParamSpec {
        label: "Looked-after young people in, or on the edge of, residential care",
        hint: "Young people already looked after whom the hub would help out of, or away from, residential placements.",
        default: DefaultValue::Number(Estimate::ranged(10.0, 20.0, 40.0)),
        source: "Assumption: half of the ~40 young people a hub works with at a time (SFPC learning event, June 2022)",
        ..RESIDENTIAL
    },
    ParamSpec {
        field: Field::ResidentialTimeReduction,
        label: "Reduction in time spent in residential placements",
        unit: FRACTION,
        hint: "No measured effect: North Yorkshire reported 45% less, before and after; the default is half.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.0, 0.225, 0.45)),
        basis: Basis::Assumption,
        grades: CLAIM_HALVED,
        source: "No measured effect (the adopters' trial has not reported). 0.45: the Innovation Unit's (reported; no source found); NYCC: 'fallen by half' (2017). Central 0.225: assumption, half the reported, as Family Safeguarding's measured effect on plans was half its reported one. 0: no effect",
        ..RESIDENTIAL
    },
    ParamSpec {
        field: Field::AlternativeCostPerWeek,
        label: "Placement that replaces it, weekly cost",
        unit: GBP_PER_CHILD_WEEK,
        hint: "Weekly cost of the placement a young person moves to instead (usually foster care). The residential cost is under 'Cost of a child in care'.",
        default: DefaultValue::Number(Estimate::ranged(382.0, 646.0, 733.0)),
        price_year: prices(2016),
        basis: Basis::Sourced,
        grades: Grades::of(Grade::Reported, Grade::Measured(COSTING), Grade::Measured(COSTING)),
        source: "646: PSSRU Unit Costs 2017, foster care incl. allowances and social work. 382: council foster carer fee, £396 (LocalGov 2018) × 76.0754 / 78.7948. 733: CMA 2021, agency average, £820 (c. 2020-21) × 76.0754 / 85.1002",
        ..RESIDENTIAL
    },
    ParamSpec {
        field: Field::ResidentialWeeksCashable,
        label: "Cashable share of this saving",
        unit: FRACTION,
        hint: "The share a budget line can actually lose: residential weeks not bought, less what replaces them.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.75, 0.9, 1.0)),
        source: "Assumption: a placement not bought is a budget line cut (evidence file); a tenth is kept back for fixed costs. Range: a quarter to none",
        since: 2,
        ..RESIDENTIAL
    },
    care::COUNCIL_ENTRIES,
    care::target_share(
        "Adolescents not looked after, in the hub's reach, who without it would enter care within the year, as a share of all the council's entries to care.",
        Estimate::ranged(0.046, 0.093, 0.185),
        (Basis::Assumption, Grades::ASSUMED),
        "Assumption: a hub works with around 40 young people at a time (SFPC learning event, June 2022), half of them already looked after (the residential stream); of the young people on the edge of care it sees in a year, 20 would enter care without it: 20 / 216 entries a council a year in England = 0.093. Range: assumption (10 to 40)",
    ),
    care::reduction(
        "Reduction in adolescents entering care",
        "Share of those entries the hub prevents. North Yorkshire reported that 86% of young people referred stayed out of care, with no comparison group.",
        Estimate::ranged(0.0, 0.2, 0.4),
        (Basis::Assumption, Grades::ASSUMED),
        "Assumption: no impact estimate has been published. Claims: 86% of young people referred stay out of care (NYCC, 20 Sep 2017, before and after, no comparison group); North Yorkshire's looked-after population fell 18% in five years (NYCC via Harrogate News, 3 Oct 2019, self-reported)",
    ),
    care::care_years(
        Estimate::ranged(1.0, 2.0, 2.49),
        (Basis::Assumption, Grades::ASSUMED),
        "Assumption: adolescents entering care leave it by 18, so stay less than the 2.49 years of an average care episode (DfE, England 2024 and 2025, derived)",
    ),
    care::EDGE_OF_CARE,
    care::CASHABLE,
    care::share(
        Field::ShareInHouseFoster,
        "Share placed with in-house foster carers",
        0.2,
        concat!("Assumption for adolescents, who are placed in residential care more often than younger children. ", mix_context!()),
    ),
    care::share(
        Field::ShareAgencyFoster,
        "Share placed with agency foster carers",
        0.3,
        "Assumption. The national picture is under the in-house foster share.",
    ),
    care::share(
        Field::ShareResidential,
        "Share placed in residential care",
        0.4,
        "Assumption: twice the fifth of all children looked after who live in children's homes. The national picture is under the in-house foster share.",
    ),
    care::share(
        Field::ShareKinshipOther,
        "Share placed with kin, with parents or otherwise",
        0.1,
        "Assumption: the rest. The national picture is under the in-house foster share.",
    ),
    care::IN_HOUSE_FOSTER,
    care::AGENCY_FOSTER,
    care::residential(1),
    care::KINSHIP_OTHER,
    ParamSpec {
        label: "Young people the hub works with",
        hint: "Young people on the hub's books at any one time: the cohort for the police and NHS savings.",
        default: DefaultValue::Number(Estimate::ranged(20.0, 40.0, 60.0)),
        basis: Basis::Sourced,
        grades: Grades::of(Grade::Assumed, Grade::Reported, Grade::Assumed),
        source: "40: each hub works with around 40 young people at any one time (SFPC learning event, June 2022). Range: assumption",
        ..PARTNER
    },
    ParamSpec {
        field: Field::ArrestsPerYoungPerson,
        label: "Arrests a year per young person, without the hub",
        unit: count("arrests a year"),
        hint: "How often a young person in the hub's reach would be arrested in a year without it: ask your police partner.",
        default: DefaultValue::Number(Estimate::ranged(0.2, 0.5, 1.0)),
        source: "Assumption: no published rate for this group",
        ..PARTNER
    },
    ParamSpec {
        field: Field::ArrestReduction,
        label: "Reduction in arrests",
        unit: FRACTION,
        hint: "No measured effect: North Yorkshire reported 38% fewer in 18 months, before and after; the default is half.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.0, 0.19, 0.38)),
        basis: Basis::Assumption,
        grades: CLAIM_HALVED,
        source: "0.38: DfE press release, April 2019 (reported, before and after). Central 0.19: assumption, half of it. 0: no effect",
        ..PARTNER
    },
    ParamSpec {
        field: Field::CostPerArrest,
        label: "Police cost of an arrest (the response to the crime)",
        unit: GBP,
        hint: "No published cost per arrest was found: the default is the police response to a crime. Ask your police partner for one, custody included.",
        default: DefaultValue::Number(Estimate::ranged(270.0, 470.0, 1_260.0)),
        price_year: prices(2022),
        basis: Basis::Assumption,
        source: "Assumption: the police response to the crime an arrest is for (Home Office, Police costs methodology, Nov 2025, 2022-23): 470 (violence without injury); 270 (criminal damage) to 1,260 (violence with injury). Without custody, so likely low",
        ..PARTNER
    },
    partners::cashable(Field::PoliceCashable, StreamKey::Police),
    ParamSpec {
        field: Field::AeAttendancesPerYoungPerson,
        group: Group::Stream(StreamKey::Nhs),
        label: "A&E visits a year per young person, without the hub",
        unit: count("visits a year"),
        hint: "How often a young person in the hub's reach would attend A&E in a year without it. Per young person the hub works with (above).",
        default: DefaultValue::Number(Estimate::ranged(0.2, 0.5, 1.0)),
        source: "Assumption: no published rate for this group",
        ..PARTNER
    },
    ParamSpec {
        field: Field::AeAttendanceReduction,
        group: Group::Stream(StreamKey::Nhs),
        label: "Reduction in A&E visits",
        unit: FRACTION,
        hint: "No measured effect: North Yorkshire reported 57% fewer, before and after; the default is half.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.0, 0.285, 0.57)),
        basis: Basis::Assumption,
        grades: CLAIM_HALVED,
        source: "0.57: DfE press release 2019 (reported, before and after). Central 0.285: assumption, half of it. 0: no effect",
        ..PARTNER
    },
    ParamSpec {
        field: Field::CostPerAeAttendance,
        group: Group::Stream(StreamKey::Nhs),
        label: "NHS cost of an A&E visit",
        unit: GBP,
        hint: "What one A&E attendance costs the NHS.",
        default: DefaultValue::Number(Estimate::ranged(114.0, 114.0, 138.0)),
        price_year: prices(2013),
        basis: Basis::Sourced,
        grades: Grades::all(Grade::Measured(COSTING)),
        source: "NHS Reference Costs 2013-14 via NICE NG94: 114 (not admitted) to 138 (admitted)",
        ..PARTNER
    },
    partners::cashable(Field::NhsCashable, StreamKey::Nhs),
    ParamSpec {
        field: Field::MissingEpisodesPerYoungPerson,
        group: Group::Stream(StreamKey::MissingEpisodes),
        label: "Times missing a year per young person, without the hub",
        unit: count("episodes a year"),
        hint: "How often a young person the hub works with would be reported missing in a year without it: ask your police partner.",
        default: DefaultValue::Number(Estimate::ranged(0.5, 1.0, 2.0)),
        source: "Assumption: no published rate (North Yorkshire's 503 incidents a year, DfE 2017, give no number of young people)",
        since: 4,
        ..PARTNER
    },
    ParamSpec {
        field: Field::MissingEpisodeReduction,
        group: Group::Stream(StreamKey::MissingEpisodes),
        label: "Reduction in times missing",
        unit: FRACTION,
        hint: "No measured effect: North Yorkshire reported 503 falling to 253, before and after; the default is half.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(Estimate::ranged(0.0, 0.25, 0.5)),
        grades: CLAIM_HALVED,
        source: "0.50: (503 − 253) / 503 missing-from-home incidents (DfE, July 2017; reported). Central 0.25: assumption, half of it. 0: no effect",
        since: 4,
        ..PARTNER
    },
    ParamSpec {
        field: Field::CostPerMissingInvestigation,
        group: Group::Stream(StreamKey::MissingEpisodes),
        label: "Police cost of a missing-person investigation",
        unit: GBP,
        hint: "What the police spend on one medium-risk missing-person investigation.",
        default: DefaultValue::Number(Estimate::ranged(1_325.0, 1_870.0, 2_416.0)),
        price_year: about(2013),
        grades: Grades::of(Grade::Measured(COSTING), Grade::Assumed, Grade::Measured(COSTING)),
        source: "Shalev Greene and Pakes 2012: a medium-risk investigation, £1,325 to £2,416 (taken as 2013-14). Central: assumption, the middle",
        since: 4,
        ..PARTNER
    },
    delivery::setup_cost(
        Estimate::ranged(250_000.0, 500_000.0, 1_000_000.0),
        "One-off: the hub building, recruitment, training.",
        "Assumption: no published set-up cost; a hub has 6 beds (4 + 2 emergency) (CYP Now)",
    ),
    delivery::running_cost(
        Estimate::ranged(750_000.0, 957_350.0, 3_000_000.0),
        about(2022),
        "One hub and its team a year (manager, 2 deputies, 8.5 residential workers, 6 portfolio leads, psychologist, speech and language therapist, police role).",
        "A hub's 20.5 posts (seed 004; CYP Now) × £46,700 a post a year (Coventry's grant: 4,204,141 / 2.5 years / 36 posts, c. 2022-23) = 957,350. High: Norfolk's whole service, £9m over 3 years (council papers). Low: assumption",
    ),
    delivery::service_units(
        "Hubs",
        "Hubs you would run, each at the costs above: one for about 40 young people at a time.",
    ),
    delivery::repurposed_units("Of which existing homes repurposed"),
    delivery::STAFF,
    delivery::grant(
        about(2021),
        "Assumption: none, as the SFPC grant ran from 2019 to 2025 (DfE guide, April 2019). Norfolk, an adopter, had £5m from DfE over 3 years",
    ),
    delivery::ramp_up(
        &[0.5, 1.0],
        "Assumption: the hub opens in year 0 and is full from year 1",
    ),
    delivery::DEADWEIGHT,
    delivery::OPTIMISM_BIAS,
    delivery::COST_OPTIMISM_BIAS,
];

/// An effect no one has measured: the default half the innovator's
/// reported figure, which is the high end.
const CLAIM_HALVED: Grades = Grades::of(Grade::Assumed, Grade::Assumed, Grade::Reported);

/// No Wrong Door (North Yorkshire): a hub and outreach for adolescents.
///
/// Residential saving a year = young people × 365/7 weeks × reduction in
/// time in residential placements × (weekly residential cost − weekly cost
/// of the placement that replaces it). Police a year = young people the hub
/// works with × arrests a year each × reduction × cost of an arrest; NHS
/// likewise with A&E visits, and with missing-person investigations (format
/// 4). Adolescents kept out of care: see [`care::stream`].
///
/// Its `steps` are the order the model picks the parameters in; each
/// stream's terms are its arithmetic.
pub(crate) const SPEC: ProgrammeSpec = ProgrammeSpec {
    id: ProgrammeId::NoWrongDoor,
    streams: STREAMS,
    params: PARAMS,
    steps: &[
        Step::Stream(StreamKey::ResidentialWeeks),
        Step::Delivery,
        Step::Stream(StreamKey::CareEntries),
        Step::Stream(StreamKey::Police),
        Step::Stream(StreamKey::Nhs),
        Step::Stream(StreamKey::MissingEpisodes),
    ],
};

/// How the service is sized: see [`ServiceSpec`].
pub(crate) const SERVICE: ServiceSpec = ServiceSpec {
    unit: "hub",
    units: "hubs",
    cohort: Field::YoungPeopleWorkedWith,
    capacity: 40.0,
    basis: Basis::Sourced,
    source: "Each hub works with around 40 young people at any one time (SFPC learning event, June 2022, seed 004)",
};
