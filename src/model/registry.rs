//! The parameter registry: every figure a scenario holds, declared once.
//!
//! Each parameter is a typed key ([`Field`]) with one [`ParamSpec`]: label,
//! unit, validation rule, shape (a ranged number, a plain number, a list),
//! default (value, range, price year, basis, source) and the group it is
//! shown in, usually the benefit stream it belongs to. Each programme is a
//! list of benefit streams ([`StreamSpec`]): who benefits, which parameter is
//! its effect and which its cashable share. Everything else is derived from
//! these tables: the scenario format's reader and writer (`sfpc::format`),
//! the defaults table and the form, the tornado's labels, the display's
//! units, and the test builders. The arithmetic of each stream is in
//! [`crate::programmes`].
//!
//! Adding a stream: its [`StreamKey`] and fields below, its rows in the
//! programme's table (`registry/<programme>.rs`), one call in that
//! programme's flows, and a hand-computed test.

/// The national picture the placement-mix assumptions start from, as a
/// literal so that each programme's source can `concat!` it.
macro_rules! mix_context {
    () => {
        "In England three-quarters of children looked after are fostered (52,050 of 69,540 in March 2015, DfE SFR 34/2015) and a fifth live in children's homes (16,150 of 83,630 in March 2024, NAO and DfE)"
    };
}

mod care;
mod delivery;
mod family_safeguarding;
mod family_valued;
mod format3;
mod no_wrong_door;
mod partners;
pub mod trials;

use crate::estimate::Estimate;
use crate::prices::{restating_factor, PriceYear};
pub(crate) use format3::default_before_format_4;

/// The three SFPC models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProgrammeId {
    FamilyValued,
    FamilySafeguarding,
    NoWrongDoor,
}

impl ProgrammeId {
    pub const ALL: [ProgrammeId; 3] = [
        ProgrammeId::FamilyValued,
        ProgrammeId::FamilySafeguarding,
        ProgrammeId::NoWrongDoor,
    ];

    /// The key in the scenario format (`programmes.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            ProgrammeId::FamilyValued => "family_valued",
            ProgrammeId::FamilySafeguarding => "family_safeguarding",
            ProgrammeId::NoWrongDoor => "no_wrong_door",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ProgrammeId::FamilyValued => "Family Valued",
            ProgrammeId::FamilySafeguarding => "Family Safeguarding",
            ProgrammeId::NoWrongDoor => "No Wrong Door",
        }
    }

    /// The innovator council whose results the defaults start from.
    pub fn innovator(self) -> &'static str {
        match self {
            ProgrammeId::FamilyValued => "Leeds",
            ProgrammeId::FamilySafeguarding => "Hertfordshire",
            ProgrammeId::NoWrongDoor => "North Yorkshire",
        }
    }

    pub fn from_key(key: &str) -> Option<ProgrammeId> {
        ProgrammeId::ALL.into_iter().find(|p| p.key() == key)
    }

    /// What the evidence sets take for each of its streams' effects.
    pub fn evidence(self) -> &'static [StreamEvidence] {
        match self {
            ProgrammeId::FamilyValued => family_valued::EVIDENCE,
            ProgrammeId::FamilySafeguarding => family_safeguarding::EVIDENCE,
            ProgrammeId::NoWrongDoor => no_wrong_door::EVIDENCE,
        }
    }

    /// The programme's streams and parameters.
    pub fn spec(self) -> &'static ProgrammeSpec {
        match self {
            ProgrammeId::FamilyValued => &FAMILY_VALUED,
            ProgrammeId::FamilySafeguarding => &FAMILY_SAFEGUARDING,
            ProgrammeId::NoWrongDoor => &NO_WRONG_DOOR,
        }
    }

    /// How the programme's service is sized for a council. (Apart from
    /// [`ProgrammeSpec`], so that the page's first module, which sizes no
    /// service, does not carry it.)
    pub fn service(self) -> &'static ServiceSpec {
        match self {
            ProgrammeId::FamilyValued => &FAMILY_VALUED_SERVICE,
            ProgrammeId::FamilySafeguarding => &FAMILY_SAFEGUARDING_SERVICE,
            ProgrammeId::NoWrongDoor => &NO_WRONG_DOOR_SERVICE,
        }
    }

    /// The stream whose effect the programme is known by (format 1's only
    /// stream): the break-even headline and the break-even risk use it.
    pub fn headline_stream(self) -> &'static StreamSpec {
        &self.spec().streams[0]
    }
}

// Statics, not the tables' consts: a static has one address, so its text
// is in the WebAssembly module once. A const is copied into each crate that
// inlines a function using it (`spec` is small enough to be inlined across
// crates), which put every programme's text in the first view twice.
/// The newest scenario format that added a parameter or a stream. The
/// format this build writes is at least this (`format::SCHEMA_VERSION`), so
/// a parameter or stream declared with a new format's number makes that
/// format, and files of every earlier format leave it out.
pub const NEWEST_SINCE: u32 = newest_since();

const fn newest_since() -> u32 {
    let programmes = [
        &family_valued::SPEC,
        &family_safeguarding::SPEC,
        &no_wrong_door::SPEC,
    ];
    let mut newest = newest_param_since(APPRAISAL_PARAMS, 1);
    let mut i = 0;
    while i < programmes.len() {
        newest = newest_param_since(programmes[i].params, newest);
        newest = newest_stream_since(programmes[i].streams, newest);
        i += 1;
    }
    newest
}

const fn newest_stream_since(streams: &[StreamSpec], mut newest: u32) -> u32 {
    let mut i = 0;
    while i < streams.len() {
        if streams[i].since > newest {
            newest = streams[i].since;
        }
        i += 1;
    }
    newest
}

const fn newest_param_since(params: &[ParamSpec], mut newest: u32) -> u32 {
    let mut i = 0;
    while i < params.len() {
        if params[i].since > newest {
            newest = params[i].since;
        }
        i += 1;
    }
    newest
}

static FAMILY_VALUED: ProgrammeSpec = family_valued::SPEC;
static FAMILY_SAFEGUARDING: ProgrammeSpec = family_safeguarding::SPEC;
static NO_WRONG_DOOR: ProgrammeSpec = no_wrong_door::SPEC;
static FAMILY_VALUED_SERVICE: ServiceSpec = family_valued::SERVICE;
static FAMILY_SAFEGUARDING_SERVICE: ServiceSpec = family_safeguarding::SERVICE;
static NO_WRONG_DOOR_SERVICE: ServiceSpec = no_wrong_door::SERVICE;

/// Declares an enum of keys with the text each has in the scenario format.
macro_rules! keys {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            pub const COUNT: usize = $name::ALL.len();

            /// The key in the scenario and result formats.
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|k| k.key() == key)
            }

            /// Position in [`Self::ALL`], for tables indexed by key.
            pub const fn index(self) -> usize {
                self as usize
            }
        }
    };
}

keys! {
    /// A field of the scenario format: a programme parameter, or an appraisal
    /// setting. The same field in two programmes (`families_per_year`) has a
    /// row in each programme's table, with that programme's meaning.
    Field {
        HorizonYears => "horizon_years",
        DiscountRate => "discount_rate",
        // Family Valued: the FGC process saving.
        FamiliesPerYear => "families_per_year",
        SavingPerFamily => "saving_per_family_gbp",
        FgcProcessCashable => "fgc_process_cashable_fraction",
        CostPerConference => "cost_per_conference_gbp",
        // Family Safeguarding: child protection plans.
        ChildrenOnCpPlans => "children_on_cp_plans",
        CpPlanReduction => "cp_plan_reduction",
        CostPerCpPlanYear => "cost_per_cp_plan_year_gbp",
        CpPlansCashable => "cp_plans_cashable_fraction",
        // Family Safeguarding: police and NHS, per family worked with.
        PoliceSavingPerFamily => "police_saving_per_family_gbp",
        NhsSavingPerFamily => "nhs_saving_per_family_gbp",
        // No Wrong Door: time in residential placements.
        YoungPeopleInResidential => "young_people_in_residential",
        ResidentialTimeReduction => "residential_time_reduction",
        AlternativeCostPerWeek => "alternative_cost_per_week_gbp",
        ResidentialWeeksCashable => "residential_weeks_cashable_fraction",
        // No Wrong Door: police (arrests) and NHS (A&E).
        YoungPeopleWorkedWith => "young_people_worked_with",
        ArrestsPerYoungPerson => "arrests_per_young_person_per_year",
        ArrestReduction => "arrest_reduction",
        CostPerArrest => "cost_per_arrest_gbp",
        AeAttendancesPerYoungPerson => "ae_attendances_per_young_person_per_year",
        AeAttendanceReduction => "ae_attendance_reduction",
        CostPerAeAttendance => "cost_per_ae_attendance_gbp",
        // Partner streams' cashable shares (both partner programmes).
        PoliceCashable => "police_cashable_fraction",
        NhsCashable => "nhs_cashable_fraction",
        // Family Valued: care proceedings avoided.
        FamiliesAtPreProceedings => "families_at_pre_proceedings_per_year",
        ProceedingsRateWithout => "proceedings_rate_without_fgc",
        ProceedingsReduction => "proceedings_reduction",
        CostPerProceedings => "cost_per_care_proceedings_gbp",
        CareProceedingsCashable => "care_proceedings_cashable_fraction",
        // Entries to care avoided (every programme).
        CouncilEntriesToCare => "council_entries_to_care_per_year",
        TargetGroupShare => "target_group_share",
        CareEntryReduction => "care_entry_reduction",
        CareYears => "care_years",
        CareEntriesCashable => "care_entries_cashable_fraction",
        // The cost of a child in care: the placement mix.
        ShareInHouseFoster => "placement_share_in_house_foster",
        ShareAgencyFoster => "placement_share_agency_foster",
        ShareResidential => "placement_share_residential",
        ShareKinshipOther => "placement_share_kinship_other",
        InHouseFosterCostPerWeek => "in_house_foster_cost_per_week_gbp",
        AgencyFosterCostPerWeek => "agency_foster_cost_per_week_gbp",
        ResidentialCostPerWeek => "residential_cost_per_week_gbp",
        KinshipOtherCostPerWeek => "kinship_other_cost_per_week_gbp",
        // Costs and delivery (every programme).
        SetupCost => "setup_cost_gbp",
        RunningCost => "running_cost_per_year_gbp",
        Staff => "staff",
        GrantByYear => "grant_by_year_gbp",
        RampUp => "ramp_up",
        Deadweight => "deadweight",
        OptimismBias => "optimism_bias",
        // The size of the service (format 3): whole teams or hubs, and how
        // many of them are existing provision repurposed.
        ServiceUnits => "service_units",
        RepurposedUnits => "repurposed_units",
        // What each child gets instead (format 4): the offsets a stream's
        // saving is net of.
        CinCaseWorkCostPerYear => "child_in_need_case_work_cost_per_year_gbp",
        EdgeOfCareCostPerYear => "edge_of_care_support_cost_per_year_gbp",
        // Optimism bias on costs (format 4).
        CostOptimismBias => "cost_optimism_bias",
        // Family Valued: courts' and legal aid's costs of proceedings not
        // issued (format 4).
        CourtLegalAidCostPerProceedings => "court_and_legal_aid_cost_per_care_proceedings_gbp",
        CourtsLegalAidCashable => "courts_legal_aid_cashable_fraction",
        // No Wrong Door: missing-person investigations (format 4).
        MissingEpisodesPerYoungPerson => "missing_episodes_per_young_person_per_year",
        MissingEpisodeReduction => "missing_episode_reduction",
        CostPerMissingInvestigation => "cost_per_missing_person_investigation_gbp",
    }
}

keys! {
    /// A benefit stream: one route by which a programme saves money.
    StreamKey {
        FgcProcess => "fgc_process",
        CpPlans => "cp_plans",
        ResidentialWeeks => "residential_weeks",
        CareEntries => "care_entries",
        CareProceedings => "care_proceedings",
        Police => "police",
        Nhs => "nhs",
        CourtsLegalAid => "courts_legal_aid",
        MissingEpisodes => "missing_episodes",
    }
}

keys! {
    /// Who a stream's saving falls to.
    Payer {
        CouncilChildrensServices => "council_childrens_services",
        CouncilOther => "council_other",
        Police => "police",
        Nhs => "nhs",
        Schools => "schools",
        Other => "other",
    }
}

impl Payer {
    pub fn label(self) -> &'static str {
        match self {
            Payer::CouncilChildrensServices => "Council: children's services",
            Payer::CouncilOther => "Council: other services",
            Payer::Police => "Police",
            Payer::Nhs => "NHS",
            Payer::Schools => "Schools",
            Payer::Other => "Other public bodies",
        }
    }

    /// The payer within a sentence: "a saving to the police".
    pub fn in_sentence(self) -> &'static str {
        match self {
            Payer::CouncilChildrensServices => "the council's children's services",
            Payer::CouncilOther => "the council's other services",
            Payer::Police => "the police",
            Payer::Nhs => "the NHS",
            Payer::Schools => "schools",
            Payer::Other => "other public bodies",
        }
    }

    /// Savings the council itself makes: they count in the council's NPV.
    pub fn is_council(self) -> bool {
        matches!(self, Payer::CouncilChildrensServices | Payer::CouncilOther)
    }
}

/// How a stream's yearly saving follows from its parameters
/// (`crate::programmes` evaluates it, `crate::appraisal` makes the years).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamKind {
    /// saving_t = m_t × effect × pounds per unit of effect a year, the
    /// latter by its [`Terms`].
    YearlySaving(Terms),
    /// avoided_t = m_t × entries a year × reduction; each avoided entry saves
    /// a year's cost of care for `care_years` years.
    EntriesToCareAvoided,
}

/// A factor of a yearly stream's pounds per unit of effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Factor {
    /// A parameter's value.
    Field(Field),
    /// One parameter less another: a unit cost less what the child gets
    /// instead.
    Less(Field, Field),
    /// 365/7 weeks a year: a weekly cost made yearly
    /// (`crate::programmes::WEEKS_PER_YEAR`).
    WeeksPerYear,
}

/// A yearly stream's arithmetic, declared once: its saving a year at full
/// effect is the stream's `effect` × the product of `per_unit`, multiplied
/// left to right. `picks` is the order its parameters are drawn in (format
/// 1's first, so that an old scenario draws as it always has; a test checks
/// it names each parameter of the product once). The model evaluates it
/// (`crate::programmes`), the workbook writes it as a formula over its
/// Inputs sheet, and the benchmark as Squiggle ([`Terms::render`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terms {
    pub picks: &'static [Field],
    pub per_unit: &'static [Factor],
}

impl Terms {
    /// `effect*(a*b*(c-d))` in another language's words: `name` writes a
    /// parameter, `weeks_per_year` the constant 365/7.
    pub fn render(
        &self,
        effect: Field,
        name: impl Fn(Field) -> String,
        weeks_per_year: &str,
    ) -> String {
        let factors: Vec<String> = self
            .per_unit
            .iter()
            .map(|factor| match *factor {
                Factor::Field(f) => name(f),
                Factor::Less(a, b) => format!("({}-{})", name(a), name(b)),
                Factor::WeeksPerYear => weeks_per_year.to_owned(),
            })
            .collect();
        format!("{}*({})", name(effect), factors.join("*"))
    }

    /// Every parameter the product reads (not the effect), in product order.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        self.per_unit.iter().flat_map(|factor| match *factor {
            Factor::Field(f) => vec![f],
            Factor::Less(a, b) => vec![a, b],
            Factor::WeeksPerYear => vec![],
        })
    }
}

/// What a programme works out, in the order it picks its parameters (a
/// stream's terms, its service's costs, its volume cost): the order a
/// format-1 scenario was drawn in, kept so that it draws as it always has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A stream (when the scenario includes it): its [`StreamKind`].
    Stream(StreamKey),
    /// A cost a year for each unit of volume (Family Valued's conferences):
    /// `count × unit_cost`.
    VolumeCost { count: Field, unit_cost: Field },
    /// Set-up and running costs, deadweight and optimism bias
    /// (`crate::programmes`' delivery).
    Delivery,
}

/// One benefit stream of a programme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StreamSpec {
    pub key: StreamKey,
    pub label: &'static str,
    pub payer: Payer,
    pub kind: StreamKind,
    /// The parameter the stream's saving is linear in: its break-even is
    /// solved for, and it carries the published effect.
    pub effect: Field,
    /// The share of the saving a budget line can actually lose.
    pub cashable: Field,
    /// The scenario format that introduced it: a format-1 scenario leaves out
    /// every stream added later, so that it keeps its figures.
    pub since: u32,
    /// Why this stream adds to the programme's others without counting the
    /// same pound twice.
    pub additional: &'static str,
}

/// Which point of the effect's range an evidence set takes, or zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Point {
    Low,
    Central,
    High,
    /// No one has measured the effect: it counts nothing.
    Zero,
}

/// An evidence set's figure for a stream's effect, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetPoint {
    pub point: Point,
    pub why: &'static str,
}

/// What the evidence sets take for a stream's effect (`crate::evidence_sets`):
/// the innovators' claims, and independent evaluations and trials. Declared
/// in the programme's registry file beside its streams, in a table of its
/// own so that the page's first view, which has no evidence sets, carries
/// none of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreamEvidence {
    pub stream: StreamKey,
    pub claims: SetPoint,
    pub independent: SetPoint,
}

/// Where a parameter is shown and what its group's total is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// The appraisal settings.
    Appraisal,
    Stream(StreamKey),
    /// The placement mix that gives a year's cost of a child in care.
    CostOfCare,
    /// Costs, grant, ramp-up, deadweight and optimism bias.
    Delivery,
}

impl Group {
    /// A stable key for the page and the defaults table.
    pub fn key(self) -> &'static str {
        match self {
            Group::Appraisal => "appraisal",
            Group::Stream(s) => s.key(),
            Group::CostOfCare => "cost_of_care",
            Group::Delivery => "delivery",
        }
    }
}

/// How a value is displayed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// Pounds: "£6,120".
    Money,
    /// A share or reduction, 0 to 1, shown as a percentage: "45%".
    Fraction,
    /// People, families, plans or events: "356.3".
    Count,
    /// A length of time: "2.5 years".
    Years,
}

/// What a number must satisfy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Counts and money: 0 to [`MAX_AMOUNT`].
    Amount,
    /// Shares and reductions: 0 to 1.
    Fraction,
    /// How long a child would have stayed in care: 0 to [`MAX_CARE_YEARS`].
    CareYears,
    /// The appraisal period: a whole number of years, 1 to [`MAX_HORIZON_YEARS`].
    HorizonYears,
    /// Teams or hubs: a whole number, 1 to [`MAX_SERVICE_UNITS`].
    ServiceUnits,
    /// Teams or hubs repurposed from existing provision: a whole number, 0
    /// to [`MAX_SERVICE_UNITS`] (and at most the service's units, checked
    /// by the format).
    RepurposedUnits,
}

/// Largest count or amount accepted: well past any council's figures, and far
/// enough below `f64::MAX` that no product in the model can overflow.
pub const MAX_AMOUNT: f64 = 1e12;

/// A child looked after leaves care by 18, so no entry avoided can save more.
pub const MAX_CARE_YEARS: f64 = 18.0;

/// The Green Book's 3.5% rate holds for years 0-30; past that it falls to 3.0%,
/// which this calculator does not model, so it stops at 30.
pub const MAX_HORIZON_YEARS: u32 = 30;

/// Most teams or hubs a service may have: England's largest council would
/// need about 30 No Wrong Door hubs by the sizing rule.
pub(crate) const MAX_SERVICE_UNITS: u32 = 100;

/// Most staff lines a programme may list.
pub const MAX_STAFF_LINES: usize = 50;

/// Longest staff role.
pub const MAX_ROLE_CHARS: usize = 100;

/// The placement shares must add up to 1 within this (0.33 + 0.33 + 0.34 is
/// not exactly 1 in binary).
pub const SHARE_SUM_TOLERANCE: f64 = 1e-6;

impl Rule {
    /// The value if it satisfies the rule, else what is wrong, in words.
    pub fn check(self, x: f64) -> Result<f64, String> {
        match self {
            Rule::Amount if x < 0.0 => Err(format!("must not be negative, got {x}")),
            Rule::Amount if x > MAX_AMOUNT => {
                Err(format!("must be at most 1000000000000 (1e12), got {x}"))
            }
            Rule::Fraction if !(0.0..=1.0).contains(&x) => {
                Err(format!("must be between 0 and 1 (0% to 100%), got {x}"))
            }
            Rule::CareYears if !(0.0..=MAX_CARE_YEARS).contains(&x) => Err(format!(
                "must be from 0 to {MAX_CARE_YEARS} years (a child leaves care by 18), got {x}"
            )),
            Rule::HorizonYears
                if x.fract() != 0.0 || !(1.0..=f64::from(MAX_HORIZON_YEARS)).contains(&x) =>
            {
                Err(format!(
                    "must be a whole number from 1 to {MAX_HORIZON_YEARS}, got {x}"
                ))
            }
            Rule::ServiceUnits
                if x.fract() != 0.0 || !(1.0..=f64::from(MAX_SERVICE_UNITS)).contains(&x) =>
            {
                Err(format!(
                    "must be a whole number from 1 to {MAX_SERVICE_UNITS}, got {x}"
                ))
            }
            Rule::RepurposedUnits
                if x.fract() != 0.0 || !(0.0..=f64::from(MAX_SERVICE_UNITS)).contains(&x) =>
            {
                Err(format!(
                    "must be a whole number from 0 to {MAX_SERVICE_UNITS}, got {x}"
                ))
            }
            _ => Ok(x),
        }
    }
}

/// The form a field's value takes in a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A number, or `{ "value", "low", "high" }` for the uncertainty analysis.
    Ranged,
    /// A number only (settings, placement shares).
    Plain,
    /// A list of numbers, one a year from year 0, at least this many.
    List { min_len: usize },
    /// A list of `{ "role", "fte", "cost_per_fte_gbp" }`.
    Staff,
}

/// How a default was arrived at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Stated by the source.
    Sourced,
    /// Worked out from sourced figures; the sum is in the source.
    Derived,
    /// Ours, for the user to replace.
    Assumption,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Sourced => "sourced",
            Basis::Derived => "derived",
            Basis::Assumption => "assumption",
        }
    }
}

/// How strong the evidence behind a figure is: the one grade each figure
/// carries, shown beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    /// Measured: by an independent evaluation or trial, by official
    /// statistics or by a published costing. The text names the design
    /// ("randomised trial", "official statistics").
    Measured(&'static str),
    /// Reported: an innovator's or a council's own figure (before and after,
    /// with no comparison group), or a figure quoted second-hand.
    Reported,
    /// Assumed: ours, for the user to replace.
    Assumed,
}

impl Grade {
    pub fn label(self) -> &'static str {
        match self {
            Grade::Measured(_) => "measured",
            Grade::Reported => "reported",
            Grade::Assumed => "assumed",
        }
    }

    /// The design of a measured figure.
    pub fn design(self) -> Option<&'static str> {
        match self {
            Grade::Measured(design) => Some(design),
            _ => None,
        }
    }

    pub fn is_measured(self) -> bool {
        matches!(self, Grade::Measured(_))
    }
}

/// Designs a measured figure can have, named once.
pub mod designs {
    pub const OFFICIAL_STATISTICS: &str = "official statistics (DfE)";
    pub const RCT: &str = "randomised trial";
    pub(crate) const COSTING: &str = "published costing";
    pub const EVALUATION: &str = "independent evaluation";
    pub const QUASI: &str = "independent evaluation against a comparison group";
    pub(crate) const GUIDANCE: &str = "HM Treasury guidance, from past projects' outturns";
    pub(crate) const GREEN_BOOK: &str = "HM Treasury Green Book: the government's rate";
}

/// The grade of each point of a default: its low end, its value, its high
/// end. The evidence sets take these points, so each set's figures carry
/// their grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grades {
    pub low: Grade,
    pub value: Grade,
    pub high: Grade,
}

impl Grades {
    pub(crate) const ASSUMED: Grades = Grades::all(Grade::Assumed);

    pub const fn all(grade: Grade) -> Grades {
        Grades {
            low: grade,
            value: grade,
            high: grade,
        }
    }

    pub const fn of(low: Grade, value: Grade, high: Grade) -> Grades {
        Grades { low, value, high }
    }

    /// The value measured, its ends assumed: a count or cost with an
    /// assumed range.
    pub const fn measured(design: &'static str) -> Grades {
        Grades::of(Grade::Assumed, Grade::Measured(design), Grade::Assumed)
    }
}

/// A default's value: one number with its range, or one number a year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DefaultValue {
    Number(Estimate),
    List(&'static [f64]),
}

/// A default's unit: its words, and how values in it are displayed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub text: &'static str,
    pub kind: UnitKind,
    /// The words the form uses, where it shows values otherwise than files
    /// hold them: shares as percentages ("percentage (0% to 100%)").
    pub form_text: &'static str,
}

/// One parameter: everything the calculator knows about it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    pub field: Field,
    pub group: Group,
    pub label: &'static str,
    pub unit: Unit,
    /// What the user should enter here, in a sentence.
    pub hint: &'static str,
    pub rule: Rule,
    pub shape: Shape,
    pub default: DefaultValue,
    /// The price year of the default's source (none for counts and shares).
    pub price_year: SourcePrices,
    pub basis: Basis,
    /// How strong the evidence is for each point of the default.
    pub grades: Grades,
    /// Short citation, with the arithmetic for derived values.
    pub source: &'static str,
    /// The scenario format that introduced it: fields added after format 1
    /// may be left out of a file, and take this default.
    pub since: u32,
}

impl ParamSpec {
    /// The default as an estimate, as published (lists: none).
    pub fn default_estimate(&self) -> Option<Estimate> {
        match self.default {
            DefaultValue::Number(e) => Some(e),
            DefaultValue::List(_) => None,
        }
    }

    /// What the default is multiplied by to restate it in `to`'s prices:
    /// index(to) / index(source year) for money with a known source year,
    /// else 1 (a count, a share, or a year the deflator table lacks).
    pub fn restating(&self, to: PriceYear) -> f64 {
        match (self.unit.kind, self.price_year.year()) {
            (UnitKind::Money, Some(from)) => restating_factor(from, to).unwrap_or(1.0),
            _ => 1.0,
        }
    }

    /// The default estimate restated in `to`'s prices.
    pub fn default_estimate_in(&self, to: PriceYear) -> Option<Estimate> {
        let k = self.restating(to);
        self.default_estimate()
            .map(|e| Estimate::ranged(e.low * k, e.value * k, e.high * k))
    }
}

/// The price year a default's source gives its money in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourcePrices {
    /// A count, a share or a length of time.
    NotMoney,
    /// The source states the year.
    Year(PriceYear),
    /// The source does not say; this is the year it most likely means
    /// (the year of the grant, or of the publication).
    About(PriceYear),
}

impl SourcePrices {
    pub fn year(self) -> Option<PriceYear> {
        match self {
            SourcePrices::NotMoney => None,
            SourcePrices::Year(y) | SourcePrices::About(y) => Some(y),
        }
    }

    /// "2016-17", "c. 2021-22" or "n/a", as the sources table shows it.
    pub fn text(self) -> String {
        match self {
            SourcePrices::NotMoney => "n/a".into(),
            SourcePrices::Year(y) => y.to_string(),
            SourcePrices::About(y) => format!("c. {y}"),
        }
    }
}

/// Money in a stated year's prices.
pub const fn prices(start_year: u16) -> SourcePrices {
    SourcePrices::Year(PriceYear::starting(start_year))
}

/// Money whose source does not state its year; `start_year` is the likeliest.
pub const fn about(start_year: u16) -> SourcePrices {
    SourcePrices::About(PriceYear::starting(start_year))
}

/// How a programme's service is sized: it runs in whole units (teams,
/// hubs), each serving up to `capacity` of its cohort, each with the
/// programme's set-up and running cost. A council's statistics give the
/// cohort; the units are the cohort over the capacity, rounded up, at least
/// one. The example council's figures are one unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ServiceSpec {
    /// One unit, in words: "hub".
    pub unit: &'static str,
    /// Several: "hubs".
    pub units: &'static str,
    /// The figure one unit serves up to `capacity` of.
    pub cohort: Field,
    pub capacity: f64,
    pub basis: Basis,
    /// Where the capacity comes from.
    pub source: &'static str,
}

impl ServiceSpec {
    /// Units needed for a cohort: ⌈cohort / capacity⌉, at least 1 (a council
    /// that adopts runs at least one), at most [`MAX_SERVICE_UNITS`].
    pub fn units_for(&self, cohort: f64) -> u32 {
        let units = (cohort / self.capacity).ceil();
        if units.is_finite() && units >= 1.0 {
            (units as u32).min(MAX_SERVICE_UNITS)
        } else {
            1
        }
    }
}

/// A programme: its streams, in the order they are shown and picked, and
/// every parameter, in form order.
#[derive(Debug)]
pub struct ProgrammeSpec {
    pub id: ProgrammeId,
    pub streams: &'static [StreamSpec],
    pub params: &'static [ParamSpec],
    /// What the model works out, in picking order.
    pub steps: &'static [Step],
}

impl ProgrammeSpec {
    pub fn param(&self, field: Field) -> Option<&'static ParamSpec> {
        self.params.iter().find(|p| p.field == field)
    }

    pub fn stream(&self, key: StreamKey) -> Option<&'static StreamSpec> {
        self.streams.iter().find(|s| s.key == key)
    }

    /// The group's heading: the stream's label, or the group's own.
    pub fn group_label(&self, group: Group) -> &'static str {
        match group {
            Group::Appraisal => "Your council and the appraisal",
            Group::Stream(key) => self.stream(key).map_or("Savings", |s| s.label),
            Group::CostOfCare => "Cost of a child in care",
            Group::Delivery => "Costs, grant and delivery",
        }
    }

    /// The groups in form order, each once.
    pub fn groups(&self) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for p in self.params {
            if !groups.contains(&p.group) {
                groups.push(p.group);
            }
        }
        groups
    }
}

/// The appraisal settings, shared by every programme.
pub static APPRAISAL_PARAMS: &[ParamSpec] = &[
    ParamSpec {
        field: Field::HorizonYears,
        group: Group::Appraisal,
        label: "Appraisal period",
        unit: units::YEARS,
        hint: "How many years to count costs and savings over (1 to 30).",
        rule: Rule::HorizonYears,
        shape: Shape::Plain,
        default: DefaultValue::Number(Estimate::fixed(5.0)),
        price_year: NO_PRICE_YEAR,
        basis: Basis::Assumption,
        grades: Grades::ASSUMED,
        source: "Assumption: the length of the SFPC programme, £84m over 5 years (DfE guide, April 2019)",
        since: 1,
    },
    ParamSpec {
        field: Field::DiscountRate,
        group: Group::Appraisal,
        label: "Discount rate",
        unit: units::share("fraction a year, real", "percentage a year, real"),
        hint: "The Green Book rate is 3.5% (0.035) a year for years 0 to 30.",
        rule: Rule::Fraction,
        shape: Shape::Plain,
        default: DefaultValue::Number(Estimate::fixed(0.035)),
        price_year: NO_PRICE_YEAR,
        basis: Basis::Sourced,
        grades: Grades::all(Grade::Measured(designs::GREEN_BOOK)),
        source: "HM Treasury Green Book: 3.5% a year, real, years 0-30",
        since: 1,
    },
];

/// The price year of figures that are not money.
pub(crate) const NO_PRICE_YEAR: SourcePrices = SourcePrices::NotMoney;

/// Our own assumptions about money are in the default scenario's prices.
pub(crate) const TODAYS_PRICES: SourcePrices = prices(2024);

/// The price year the default scenario is in; every default is restated
/// into the scenario's price year.
pub const DEFAULT_PRICE_YEAR: &str = "2024-25";

/// Units the registry's tables use.
pub mod units {
    use super::{Unit, UnitKind};

    const fn unit(text: &'static str, kind: UnitKind) -> Unit {
        Unit {
            text,
            kind,
            form_text: text,
        }
    }

    /// A share, 0 to 1 in files; `form_text` its words as the form shows
    /// it, a percentage.
    pub const fn share(text: &'static str, form_text: &'static str) -> Unit {
        Unit {
            text,
            kind: UnitKind::Fraction,
            form_text,
        }
    }

    pub const GBP: Unit = unit("£", UnitKind::Money);
    pub(crate) const GBP_A_YEAR: Unit = unit("£ a year", UnitKind::Money);
    pub(crate) const GBP_EACH_YEAR: Unit = unit("£ in each year", UnitKind::Money);
    pub(crate) const GBP_PER_CHILD_WEEK: Unit = unit("£ per child a week", UnitKind::Money);
    pub(crate) const GBP_PER_CHILD_YEAR: Unit = unit("£ per child a year", UnitKind::Money);
    pub(crate) const GBP_PER_FAMILY_YEAR: Unit = unit("£ per family a year", UnitKind::Money);
    pub const FRACTION: Unit = share("fraction (0 to 1)", "percentage (0% to 100%)");
    pub(crate) const RAMP: Unit = share(
        "fraction of full effect, by year",
        "percentage of full effect, by year",
    );
    pub const YEARS: Unit = unit("years", UnitKind::Years);
    pub(crate) const POSTS: Unit = unit("posts (role, FTE, £ per FTE a year)", UnitKind::Money);
    pub const UNITS: Unit = unit("teams or hubs", UnitKind::Count);

    pub const fn count(text: &'static str) -> Unit {
        unit(text, UnitKind::Count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stream's terms pick each parameter the saving reads (the effect and
    /// the product's), once each and no other; a programme's steps work out
    /// each of its streams once, and its delivery once.
    #[test]
    fn terms_pick_what_they_read_and_steps_cover_every_stream() {
        let mut yearly = 0;
        for programme in ProgrammeId::ALL {
            let spec = programme.spec();
            for stream in spec.streams {
                let StreamKind::YearlySaving(terms) = stream.kind else {
                    continue;
                };
                yearly += 1;
                let mut read: Vec<Field> = terms.fields().chain([stream.effect]).collect();
                let mut picked = terms.picks.to_vec();
                read.sort();
                read.dedup();
                picked.sort();
                assert_eq!(
                    picked.len(),
                    terms.picks.len(),
                    "{:?} picks a field twice",
                    stream.key
                );
                picked.dedup();
                assert_eq!(read, picked, "{programme:?} {:?}", stream.key);
                for &f in &read {
                    assert!(
                        spec.param(f).is_some(),
                        "{:?} is not a parameter of {programme:?}",
                        f
                    );
                }
            }
            let streams: Vec<StreamKey> = spec
                .steps
                .iter()
                .filter_map(|s| match s {
                    Step::Stream(k) => Some(*k),
                    _ => None,
                })
                .collect();
            let mut declared: Vec<StreamKey> = spec.streams.iter().map(|s| s.key).collect();
            let mut worked = streams.clone();
            declared.sort();
            worked.sort();
            assert_eq!(
                worked, declared,
                "{programme:?}: the steps work out each stream once"
            );
            let delivery = spec.steps.iter().filter(|s| **s == Step::Delivery).count();
            assert_eq!(delivery, 1, "{programme:?}");
        }
        assert!(yearly >= 10, "the walk found the yearly streams ({yearly})");
    }

    /// The newest format is the newest `since` declared: the courts' and
    /// legal aid's stream and missing-person investigations came in format 4.
    #[test]
    fn the_newest_format_is_the_newest_since_declared() {
        // Each part on its own (the parts agree on the registry as it is, so
        // only separately does each show it reads what it should).
        let fs = ProgrammeId::FamilySafeguarding.spec();
        assert_eq!(
            newest_stream_since(fs.streams, 1),
            2,
            "children kept out of care"
        );
        assert_eq!(newest_stream_since(fs.streams, 3), 3);
        assert_eq!(newest_stream_since(&[], 2), 2);
        assert_eq!(newest_param_since(fs.params, 1), 4);
        assert_eq!(newest_param_since(&fs.params[..1], 1), 1);
        assert_eq!(newest_param_since(&[], 3), 3);
        assert_eq!(NEWEST_SINCE, 4);
        let courts = ProgrammeId::FamilyValued
            .spec()
            .stream(StreamKey::CourtsLegalAid);
        assert_eq!(courts.map(|s| s.since), Some(NEWEST_SINCE));
    }

    /// Each programme's evidence table names each of its streams once, and
    /// no other.
    #[test]
    fn the_evidence_table_covers_each_stream_once() {
        for programme in ProgrammeId::ALL {
            let mut listed: Vec<StreamKey> =
                programme.evidence().iter().map(|e| e.stream).collect();
            let mut streams: Vec<StreamKey> =
                programme.spec().streams.iter().map(|s| s.key).collect();
            listed.sort();
            streams.sort();
            assert_eq!(listed, streams, "{programme:?}");
        }
    }

    /// The terms written out: the product left to right, a difference in
    /// brackets, the weeks constant as given.
    #[test]
    fn terms_render_their_product() {
        let terms = Terms {
            picks: &[],
            per_unit: &[
                Factor::Field(Field::YoungPeopleInResidential),
                Factor::WeeksPerYear,
                Factor::Less(Field::ResidentialCostPerWeek, Field::AlternativeCostPerWeek),
            ],
        };
        let text = terms.render(Field::ResidentialTimeReduction, |f| f.key().to_owned(), "W");
        assert_eq!(
            text,
            "residential_time_reduction*(young_people_in_residential*W*(residential_cost_per_week_gbp-alternative_cost_per_week_gbp))"
        );
    }

    #[test]
    fn programmes_by_key_name_and_innovator() {
        let keys: Vec<&str> = ProgrammeId::ALL.iter().map(|p| p.key()).collect();
        assert_eq!(
            keys,
            ["family_valued", "family_safeguarding", "no_wrong_door"]
        );
        let names: Vec<&str> = ProgrammeId::ALL.iter().map(|p| p.name()).collect();
        assert_eq!(
            names,
            ["Family Valued", "Family Safeguarding", "No Wrong Door"]
        );
        let innovators: Vec<&str> = ProgrammeId::ALL.iter().map(|p| p.innovator()).collect();
        assert_eq!(innovators, ["Leeds", "Hertfordshire", "North Yorkshire"]);
        for id in ProgrammeId::ALL {
            assert_eq!(ProgrammeId::from_key(id.key()), Some(id));
            assert_eq!(id.spec().id, id);
            assert_eq!(id.headline_stream().key, id.spec().streams[0].key);
        }
        assert_eq!(ProgrammeId::from_key("family valued"), None);
        let headlines: Vec<StreamKey> = ProgrammeId::ALL
            .iter()
            .map(|p| p.headline_stream().key)
            .collect();
        assert_eq!(
            headlines,
            [
                StreamKey::FgcProcess,
                StreamKey::CpPlans,
                StreamKey::ResidentialWeeks
            ]
        );
        let units: Vec<&str> = ProgrammeId::ALL.iter().map(|p| p.service().unit).collect();
        assert_eq!(units, ["FGC service", "team", "hub"]);
        assert_eq!(ProgrammeId::FamilySafeguarding.service().units, "teams");
    }

    #[test]
    fn keys_are_distinct_and_found_again() {
        for (i, f) in Field::ALL.iter().enumerate() {
            assert_eq!(Field::from_key(f.key()), Some(*f));
            assert_eq!(f.index(), i);
        }
        assert_eq!(Field::COUNT, Field::ALL.len());
        assert_eq!(Field::DiscountRate.key(), "discount_rate");
        assert_eq!(StreamKey::from_key("police"), Some(StreamKey::Police));
        assert_eq!(StreamKey::from_key("polic"), None);
        assert_eq!(Payer::from_key("nhs"), Some(Payer::Nhs));
        let labels: Vec<&str> = Payer::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(
            labels,
            [
                "Council: children's services",
                "Council: other services",
                "Police",
                "NHS",
                "Schools",
                "Other public bodies"
            ]
        );
        let in_sentence: Vec<&str> = Payer::ALL.iter().map(|p| p.in_sentence()).collect();
        assert_eq!(
            in_sentence,
            [
                "the council's children's services",
                "the council's other services",
                "the police",
                "the NHS",
                "schools",
                "other public bodies"
            ]
        );
        let council: Vec<bool> = Payer::ALL.iter().map(|p| p.is_council()).collect();
        assert_eq!(council, [true, true, false, false, false, false]);
        let groups = [
            Group::Appraisal,
            Group::Stream(StreamKey::Nhs),
            Group::CostOfCare,
            Group::Delivery,
        ];
        let keys: Vec<&str> = groups.iter().map(|g| g.key()).collect();
        assert_eq!(keys, ["appraisal", "nhs", "cost_of_care", "delivery"]);
    }

    #[test]
    fn each_rule_at_its_edges() {
        let ok = |rule: Rule, xs: &[f64]| {
            xs.iter()
                .for_each(|&x| assert_eq!(rule.check(x), Ok(x), "{rule:?} {x}"))
        };
        let bad = |rule: Rule, x: f64, why: &str| {
            assert_eq!(rule.check(x), Err(why.to_owned()), "{rule:?} {x}")
        };
        ok(Rule::Amount, &[0.0, 1.5, MAX_AMOUNT]);
        bad(Rule::Amount, -0.5, "must not be negative, got -0.5");
        bad(
            Rule::Amount,
            1.5e12,
            "must be at most 1000000000000 (1e12), got 1500000000000",
        );
        ok(Rule::Fraction, &[0.0, 0.5, 1.0]);
        bad(
            Rule::Fraction,
            1.5,
            "must be between 0 and 1 (0% to 100%), got 1.5",
        );
        bad(
            Rule::Fraction,
            -0.1,
            "must be between 0 and 1 (0% to 100%), got -0.1",
        );
        ok(Rule::CareYears, &[0.0, 2.5, 18.0]);
        bad(
            Rule::CareYears,
            18.5,
            "must be from 0 to 18 years (a child leaves care by 18), got 18.5",
        );
        bad(
            Rule::CareYears,
            -1.0,
            "must be from 0 to 18 years (a child leaves care by 18), got -1",
        );
        ok(Rule::HorizonYears, &[1.0, 30.0]);
        for x in [0.0, 31.0, 2.5] {
            bad(
                Rule::HorizonYears,
                x,
                &format!("must be a whole number from 1 to 30, got {x}"),
            );
        }
        ok(Rule::ServiceUnits, &[1.0, 100.0]);
        for x in [0.0, 101.0, 1.5] {
            bad(
                Rule::ServiceUnits,
                x,
                &format!("must be a whole number from 1 to 100, got {x}"),
            );
        }
        ok(Rule::RepurposedUnits, &[0.0, 100.0]);
        for x in [-1.0, 101.0, 0.5] {
            bad(
                Rule::RepurposedUnits,
                x,
                &format!("must be a whole number from 0 to 100, got {x}"),
            );
        }
    }

    #[test]
    fn grades_bases_and_source_years() {
        assert_eq!(Basis::Sourced.label(), "sourced");
        assert_eq!(Basis::Derived.label(), "derived");
        assert_eq!(Basis::Assumption.label(), "assumption");
        let m = Grade::Measured(designs::RCT);
        assert_eq!(
            (m.label(), m.design(), m.is_measured()),
            ("measured", Some("randomised trial"), true)
        );
        assert_eq!(
            (
                Grade::Reported.label(),
                Grade::Reported.design(),
                Grade::Reported.is_measured()
            ),
            ("reported", None, false)
        );
        assert_eq!(
            (Grade::Assumed.label(), Grade::Assumed.is_measured()),
            ("assumed", false)
        );
        assert_eq!(
            Grades::measured(designs::RCT),
            Grades {
                low: Grade::Assumed,
                value: m,
                high: Grade::Assumed
            }
        );
        assert_eq!(Grades::all(Grade::Reported).high, Grade::Reported);
        assert_eq!(
            Grades::ASSUMED,
            Grades::of(Grade::Assumed, Grade::Assumed, Grade::Assumed)
        );
        assert_eq!(prices(2016).year(), Some(PriceYear::starting(2016)));
        assert_eq!(prices(2016).text(), "2016-17");
        assert_eq!(about(2021).year(), Some(PriceYear::starting(2021)));
        assert_eq!(about(2021).text(), "c. 2021-22");
        assert_eq!(
            (NO_PRICE_YEAR.year(), NO_PRICE_YEAR.text()),
            (None, "n/a".to_owned())
        );
        assert_eq!(TODAYS_PRICES.text(), DEFAULT_PRICE_YEAR);
    }

    #[test]
    fn a_default_is_restated_only_when_it_is_money_of_a_known_year() {
        let fv = ProgrammeId::FamilyValued.spec();
        let saving = fv.param(Field::SavingPerFamily).unwrap();
        let y24 = PriceYear::starting(2024);
        let k = 100.0 / 76.0754;
        assert_eq!(saving.restating(y24), k);
        assert_eq!(
            saving.default_estimate(),
            Some(Estimate::ranged(0.0, 755.0, 960.0))
        );
        assert_eq!(
            saving.default_estimate_in(y24),
            Some(Estimate::ranged(0.0, 755.0 * k, 960.0 * k))
        );
        // Out of the table's years, as published.
        assert_eq!(saving.restating(PriceYear::starting(2050)), 1.0);
        let share = fv.param(Field::FgcProcessCashable).unwrap();
        assert_eq!(share.restating(PriceYear::starting(2013)), 1.0);
        // Every end of a range is restated, where a range starts above zero.
        let cost = ProgrammeId::ALL
            .iter()
            .flat_map(|id| id.spec().params)
            .find(|p| {
                p.unit.kind == UnitKind::Money && p.default_estimate().is_some_and(|e| e.low > 0.0)
            })
            .expect("a cost whose range starts above zero");
        let e = cost.default_estimate().unwrap();
        let k = cost.restating(y24);
        assert_ne!(k, 1.0, "{:?}", cost.field);
        assert_eq!(
            cost.default_estimate_in(y24),
            Some(Estimate::ranged(e.low * k, e.value * k, e.high * k))
        );
        let grant = fv.param(Field::GrantByYear).unwrap();
        assert_eq!(
            (grant.default_estimate(), grant.default_estimate_in(y24)),
            (None, None)
        );
    }

    #[test]
    fn a_service_is_sized_in_whole_units() {
        let hubs = ProgrammeId::NoWrongDoor.service();
        let c = hubs.capacity;
        assert_eq!(hubs.units_for(0.0), 1);
        assert_eq!(hubs.units_for(c), 1);
        assert_eq!(hubs.units_for(c + 0.5), 2);
        assert_eq!(hubs.units_for(2.0 * c), 2);
        assert_eq!(hubs.units_for(1e9), MAX_SERVICE_UNITS);
        assert_eq!(hubs.units_for(f64::NAN), 1);
        assert_eq!(ProgrammeId::FamilySafeguarding.service().capacity, 500.0);
    }

    #[test]
    fn groups_in_form_order_with_their_headings() {
        let fv = ProgrammeId::FamilyValued.spec();
        let groups = fv.groups();
        assert_eq!(groups[0], Group::Stream(StreamKey::FgcProcess));
        let mut unique = groups.clone();
        unique.dedup();
        assert_eq!(unique, groups);
        assert!(groups.contains(&Group::Delivery) && groups.contains(&Group::CostOfCare));
        assert_eq!(
            fv.group_label(Group::Appraisal),
            "Your council and the appraisal"
        );
        assert_eq!(fv.group_label(Group::CostOfCare), "Cost of a child in care");
        assert_eq!(fv.group_label(Group::Delivery), "Costs, grant and delivery");
        assert_eq!(
            fv.group_label(Group::Stream(StreamKey::FgcProcess)),
            fv.streams[0].label
        );
        assert_eq!(fv.group_label(Group::Stream(StreamKey::Police)), "Savings");
        assert_eq!(fv.stream(StreamKey::Police), None);
        assert_eq!(fv.param(Field::CpPlanReduction), None);
        assert_eq!(
            fv.param(Field::FamiliesPerYear).map(|p| p.field),
            Some(Field::FamiliesPerYear)
        );
    }

    #[test]
    fn every_row_is_whole() {
        for id in ProgrammeId::ALL {
            let spec = id.spec();
            // One label a group ("Cashable share of this saving" is in each stream's).
            let mut labels: Vec<(&str, &str)> = spec
                .params
                .iter()
                .map(|p| (p.group.key(), p.label))
                .collect();
            labels.sort_unstable();
            labels.dedup();
            assert_eq!(
                labels.len(),
                spec.params.len(),
                "{id:?}: one label twice in a group"
            );
            for p in spec.params.iter().chain(APPRAISAL_PARAMS) {
                assert!(
                    !p.label.is_empty() && !p.hint.is_empty() && !p.source.is_empty(),
                    "{id:?} {:?}",
                    p.field
                );
                assert!(p.since >= 1, "{:?}", p.field);
                let money = p.unit.kind == UnitKind::Money;
                if let Some(e) = p.default_estimate() {
                    assert!(e.low <= e.value && e.value <= e.high, "{:?}", p.field);
                    for x in [e.low, e.value, e.high] {
                        assert_eq!(p.rule.check(x), Ok(x), "{id:?} {:?}", p.field);
                    }
                    assert_eq!(money, p.price_year.year().is_some(), "{id:?} {:?}", p.field);
                }
                if p.basis == Basis::Assumption {
                    assert!(!p.grades.value.is_measured(), "{id:?} {:?}", p.field);
                }
            }
            for s in spec.streams {
                assert!(
                    spec.param(s.effect).is_some() && spec.param(s.cashable).is_some(),
                    "{:?}",
                    s.key
                );
                assert!(!s.label.is_empty() && !s.additional.is_empty());
            }
        }
    }
}
