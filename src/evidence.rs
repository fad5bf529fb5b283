//! Every default the calculator starts from, with its range, unit, price year,
//! source and how sure we are of it: one table, shown to users as it stands.
//!
//! Figures come from `shared/evidence.md` (the team's evidence file, which
//! cites each source). **Sourced** values are stated by the source,
//! **derived** values are sums on sourced figures (the sum is in the source
//! column), and **assumptions** are ours, sized for a mid-sized adopting
//! council, for the user to replace with their own figures.
//!
//! Price years: each default is given in the price year of its source. They
//! are *not* uprated to the scenario's price year, because no deflator series
//! is in the evidence file yet; the page shows each row's price year so that a
//! user can see which figures are older. See the README's "Known limits".

use crate::format::{parse_scenario, InputErrors};
use crate::scenario::{Estimate, Scenario};
use serde_json::{json, Map, Value};

/// How a default was arrived at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Sourced,
    Derived,
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

/// A default's value: one number with its range, or one number a year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DefaultValue {
    Number(Estimate),
    List(&'static [f64]),
}

/// One row of the defaults table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DefaultParameter {
    /// JSON path in scenario format 1.
    pub path: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    /// What the user should enter here, in a sentence.
    pub hint: &'static str,
    pub value: DefaultValue,
    pub price_year: &'static str,
    pub basis: Basis,
    /// Short citation, with the arithmetic for derived values.
    pub source: &'static str,
}

/// The scenario's price year. Defaults from earlier years are not uprated to it
/// (see the module documentation).
pub const DEFAULT_PRICE_YEAR: &str = "2024-25";

/// The name the default scenario carries, so no one mistakes it for a real council.
pub const EXAMPLE_COUNCIL: &str = "Example council (assumed caseloads and costs)";

const fn num(low: f64, value: f64, high: f64) -> DefaultValue {
    DefaultValue::Number(Estimate::ranged(low, value, high))
}

const fn fixed(value: f64) -> DefaultValue {
    DefaultValue::Number(Estimate::fixed(value))
}

const GBP: &str = "£";
const FRACTION: &str = "fraction (0 to 1)";
const CASH: &str = "cash, year not stated";
const NONE: &str = "n/a";

const RAMP_HINT: &str =
    "Share of full effect reached in each year; the last entry carries on to later years.";

/// Deadweight: the same assumption for every model.
const fn deadweight(path: &'static str) -> DefaultParameter {
    DefaultParameter {
        path,
        label: "Deadweight",
        unit: FRACTION,
        hint: "Share of the measured effect that would have happened anyway, without the programme.",
        value: num(0.0, 0.1, 0.3),
        price_year: NONE,
        basis: Basis::Assumption,
        source: "Assumption: the innovators' results are before-and-after figures, not trials, so some of the change would have happened anyway; no published value",
    }
}

/// Optimism bias: the same assumption for every model.
const fn optimism_bias(path: &'static str) -> DefaultParameter {
    DefaultParameter {
        path,
        label: "Optimism bias",
        unit: FRACTION,
        hint: "Share of the effect written off because the evidence may be optimistic for your council.",
        value: num(0.0, 0.2, 0.4),
        price_year: NONE,
        basis: Basis::Assumption,
        source: "Assumption, after HM Treasury's 2014 local-partnerships CBA guidance, which adjusts for optimism by confidence in the data; no published value for these models",
    }
}

/// The defaults table. The default scenario is built from it, so a figure
/// changed here changes everywhere.
pub const DEFAULTS: &[DefaultParameter] = &[
    DefaultParameter {
        path: "appraisal.horizon_years",
        label: "Appraisal period",
        unit: "years",
        hint: "How many years to count costs and savings over (1 to 30).",
        value: fixed(5.0),
        price_year: NONE,
        basis: Basis::Assumption,
        source: "Assumption: the length of the SFPC programme, £84m over 5 years (DfE guide, April 2019)",
    },
    DefaultParameter {
        path: "appraisal.discount_rate",
        label: "Discount rate",
        unit: "fraction a year, real",
        hint: "The Green Book rate is 3.5% (0.035) a year for years 0 to 30.",
        value: fixed(0.035),
        price_year: NONE,
        basis: Basis::Sourced,
        source: "HM Treasury Green Book: 3.5% a year, real, years 0-30",
    },
    // ---- Family Valued ----
    DefaultParameter {
        path: "programmes.family_valued.families_per_year",
        label: "Families holding a family group conference each year",
        unit: "families a year",
        hint: "How many families a year your FGC service would hold a conference with.",
        value: num(200.0, 400.0, 600.0),
        price_year: NONE,
        basis: Basis::Assumption,
        source: "Assumption: two-thirds of Leeds' 600+ FGCs in 2016 (innovationcsc.co.uk), for a mid-sized council",
    },
    DefaultParameter {
        path: "programmes.family_valued.saving_per_family_gbp",
        label: "Saving per family holding an FGC",
        unit: GBP,
        hint: "Net saving against business-as-usual social work, from less time in the system.",
        value: num(0.0, 755.0, 960.0),
        price_year: "2016-17",
        basis: Basis::Sourced,
        source: "755: Leeds Family Valued evaluation, Mason et al., ICF for DfE, July 2017 (report 43), cited by the Innovation Unit. 960: Foundations/Coram FGC randomised trial, June 2023. 0: assumption of no effect",
    },
    DefaultParameter {
        path: "programmes.family_valued.cost_per_conference_gbp",
        label: "Extra cost per conference",
        unit: GBP,
        hint: "Leave at 0 if the saving above is net of the conference's cost; published costs are £1,455 to £2,043.",
        value: fixed(0.0),
        price_year: "2025",
        basis: Basis::Assumption,
        source: "Assumption: the £755 is taken as a net saving, so 0. If entering a gross saving: £1,455-£2,043 per conference (medRxiv 2025, 2025 prices)",
    },
    DefaultParameter {
        path: "programmes.family_valued.setup_cost_gbp",
        label: "Set-up cost (year 0)",
        unit: GBP,
        hint: "One-off: restorative practice training, recruitment, systems.",
        value: num(100_000.0, 250_000.0, 500_000.0),
        price_year: DEFAULT_PRICE_YEAR,
        basis: Basis::Assumption,
        source: "Assumption: no published set-up cost; Leeds trained 6,000+ practitioners (innovationcsc.co.uk)",
    },
    DefaultParameter {
        path: "programmes.family_valued.running_cost_per_year_gbp",
        label: "Running cost a year",
        unit: "£ a year",
        hint: "The FGC service and restorative practice posts, each year.",
        value: num(1_000_000.0, 1_681_656.4, 2_000_000.0),
        price_year: CASH,
        basis: Basis::Derived,
        source: "Coventry's adopter grant, £4,204,141 over 2.5 years for 36 FTE posts (council papers): 4,204,141 / 2.5 = 1,681,656.4 a year, taken as the service's running cost. Range: assumption",
    },
    DefaultParameter {
        path: "programmes.family_valued.grant_by_year_gbp",
        label: "DfE grant by year",
        unit: "£ in each year",
        hint: "The SFPC grant received in each year, from year 0.",
        value: DefaultValue::List(&[1_681_656.4, 1_681_656.4, 840_828.2]),
        price_year: CASH,
        basis: Basis::Derived,
        source: "Coventry's £4,204,141 over 2.5 years, spread evenly: 1,681,656.4 in years 0 and 1, 840,828.2 in year 2",
    },
    DefaultParameter {
        path: "programmes.family_valued.ramp_up",
        label: "Ramp-up",
        unit: "fraction of full effect, by year",
        hint: RAMP_HINT,
        value: DefaultValue::List(&[0.5, 0.75, 1.0]),
        price_year: NONE,
        basis: Basis::Assumption,
        source: "Assumption: a whole-system change reaches full effect in its third year",
    },
    deadweight("programmes.family_valued.deadweight"),
    optimism_bias("programmes.family_valued.optimism_bias"),
    // ---- Family Safeguarding ----
    DefaultParameter {
        path: "programmes.family_safeguarding.children_on_cp_plans",
        label: "Children on child protection plans (average at any time)",
        unit: "children",
        hint: "Your council's average number of children on a child protection plan.",
        value: num(250.0, 356.3, 500.0),
        price_year: NONE,
        basis: Basis::Derived,
        source: "DfE: 62,300 plans ended in England in 2024-25, lasting about 10.5 months: 62,300 × 10.5/12 / 153 councils = 356.3. Range: assumption",
    },
    DefaultParameter {
        path: "programmes.family_safeguarding.cp_plan_reduction",
        label: "Reduction in children on child protection plans",
        unit: FRACTION,
        hint: "Hertfordshire reported 0.60 (60%); its first evaluation found 0.30.",
        value: num(0.3, 0.6, 0.6),
        price_year: NONE,
        basis: Basis::Sourced,
        source: "0.60: Innovation Unit. 0.30: first evaluation, Forrester et al. 2017 (Community Care, 2017). Also published: 0.49, 0.55 over 30 months",
    },
    DefaultParameter {
        path: "programmes.family_safeguarding.cost_per_cp_plan_year_gbp",
        label: "Cost of a child protection plan for a year",
        unit: "£ per child a year",
        hint: "Case work and conferences for one child for a year: please enter your own figure.",
        value: num(3_000.0, 6_000.0, 10_000.0),
        price_year: "2013-14",
        basis: Basis::Assumption,
        source: "Assumption: no published figure. Built up from social worker time at £55 an hour of client-related work (GMCA Unit Cost Database, 2013-14) for visits, core groups and conferences (~110 hours a year)",
    },
    DefaultParameter {
        path: "programmes.family_safeguarding.families_per_year",
        label: "Families worked with each year",
        unit: "families a year",
        hint: "Families your Family Safeguarding teams would work with in a year.",
        value: num(300.0, 500.0, 940.0),
        price_year: NONE,
        basis: Basis::Assumption,
        source: "Assumption: about half of Hertfordshire's 940 families in its first 12 months (Forrester et al. 2017), for a mid-sized council",
    },
    DefaultParameter {
        path: "programmes.family_safeguarding.police_saving_per_family_gbp",
        label: "Police saving per family",
        unit: "£ per family a year",
        hint: "A saving to the police, not the council: counted in the public-sector figures only.",
        value: num(0.0, 114.0, 114.0),
        price_year: "2015-16",
        basis: Basis::Derived,
        source: "Forrester et al. 2017: £107k to police in year 1 across 940 families: 107,000 / 940 = 114. Low: assumption of no saving",
    },
    DefaultParameter {
        path: "programmes.family_safeguarding.nhs_saving_per_family_gbp",
        label: "NHS saving per family",
        unit: "£ per family a year",
        hint: "A saving to the NHS, not the council: counted in the public-sector figures only.",
        value: num(0.0, 213.0, 213.0),
        price_year: "2015-16",
        basis: Basis::Derived,
        source: "Forrester et al. 2017: £200k to the NHS in year 1 across 940 families: 200,000 / 940 = 213. Low: assumption of no saving",
    },
    DefaultParameter {
        path: "programmes.family_safeguarding.setup_cost_gbp",
        label: "Set-up cost (year 0)",
        unit: GBP,
        hint: "One-off: recruiting adult specialists, motivational interviewing training, systems.",
        value: num(100_000.0, 250_000.0, 500_000.0),
        price_year: DEFAULT_PRICE_YEAR,
        basis: Basis::Assumption,
        source: "Assumption: no published set-up cost",
    },
    DefaultParameter {
        path: "programmes.family_safeguarding.running_cost_per_year_gbp",
        label: "Running cost a year",
        unit: "£ a year",
        hint: "The adult specialists and other extra posts in the teams, each year.",
        value: num(800_000.0, 1_160_000.0, 1_500_000.0),
        price_year: CASH,
        basis: Basis::Derived,
        source: "Hertfordshire's round 2 grant, £11.6m across 5 councils (innovationcsc.co.uk; CYP Now): 11,600,000 / 5 = 2,320,000 a council, over 2 years (assumption) = 1,160,000 a year. Range: assumption",
    },
    DefaultParameter {
        path: "programmes.family_safeguarding.grant_by_year_gbp",
        label: "DfE grant by year",
        unit: "£ in each year",
        hint: "The SFPC grant received in each year, from year 0.",
        value: DefaultValue::List(&[1_160_000.0, 1_160_000.0]),
        price_year: CASH,
        basis: Basis::Derived,
        source: "£2,320,000 a council (as above) spread over 2 years (assumption)",
    },
    DefaultParameter {
        path: "programmes.family_safeguarding.ramp_up",
        label: "Ramp-up",
        unit: "fraction of full effect, by year",
        hint: RAMP_HINT,
        value: DefaultValue::List(&[0.5, 1.0]),
        price_year: NONE,
        basis: Basis::Assumption,
        source: "Assumption, after Hertfordshire: annual savings exceeded costs within two years (York Consulting, 2020)",
    },
    deadweight("programmes.family_safeguarding.deadweight"),
    optimism_bias("programmes.family_safeguarding.optimism_bias"),
    // ---- No Wrong Door ----
    DefaultParameter {
        path: "programmes.no_wrong_door.young_people_in_residential",
        label: "Young people in, or on the edge of, residential care",
        unit: "young people",
        hint: "Adolescents the hub would work with who are, or would otherwise be, in residential placements.",
        value: num(10.0, 20.0, 40.0),
        price_year: NONE,
        basis: Basis::Assumption,
        source: "Assumption: half of the ~40 young people a hub works with at a time (SFPC learning event, June 2022)",
    },
    DefaultParameter {
        path: "programmes.no_wrong_door.residential_time_reduction",
        label: "Reduction in time spent in residential placements",
        unit: FRACTION,
        hint: "North Yorkshire reported 0.45 (45%) less time in residential placements.",
        value: num(0.25, 0.45, 0.5),
        price_year: NONE,
        basis: Basis::Sourced,
        source: "0.45: Innovation Unit. 0.50: North Yorkshire County Council, residential use 'fallen by half' (2017). 0.25: assumption",
    },
    DefaultParameter {
        path: "programmes.no_wrong_door.residential_cost_per_week_gbp",
        label: "Residential placement, weekly cost",
        unit: "£ per child a week",
        hint: "What a children's home place costs your council a week.",
        value: num(4_153.0, 6_120.0, 10_000.0),
        price_year: "2023-24",
        basis: Basis::Derived,
        source: "NAO: £318,400 per children's home place in 2023-24 / 52 = 6,123, rounded to 6,120. Low: PSSRU independent sector (as quoted in 2023). High: LGA, ~1,500 placements at £10,000+ a week in 2022-23",
    },
    DefaultParameter {
        path: "programmes.no_wrong_door.alternative_cost_per_week_gbp",
        label: "Placement that replaces it, weekly cost",
        unit: "£ per child a week",
        hint: "Weekly cost of the placement a young person moves to instead (usually foster care).",
        value: num(396.0, 646.0, 820.0),
        price_year: "2016-17",
        basis: Basis::Sourced,
        source: "646: PSSRU Unit Costs 2017, foster care incl. allowances and social work. 396: council foster carer fee (LocalGov 2018). 820: CMA 2021, independent fostering agency average",
    },
    DefaultParameter {
        path: "programmes.no_wrong_door.setup_cost_gbp",
        label: "Set-up cost (year 0)",
        unit: GBP,
        hint: "One-off: the hub building, recruitment, training.",
        value: num(250_000.0, 500_000.0, 1_000_000.0),
        price_year: DEFAULT_PRICE_YEAR,
        basis: Basis::Assumption,
        source: "Assumption: no published set-up cost; a hub has 6 beds (4 + 2 emergency) (CYP Now)",
    },
    DefaultParameter {
        path: "programmes.no_wrong_door.running_cost_per_year_gbp",
        label: "Running cost a year",
        unit: "£ a year",
        hint: "The hub and its team (residential workers, portfolio leads, psychologist, speech and language therapist, police role).",
        value: num(2_000_000.0, 3_000_000.0, 3_500_000.0),
        price_year: CASH,
        basis: Basis::Derived,
        source: "Norfolk: £5m DfE + £4m council over 3 years (council papers): 9,000,000 / 3 = 3,000,000 a year. Range: assumption",
    },
    DefaultParameter {
        path: "programmes.no_wrong_door.grant_by_year_gbp",
        label: "DfE grant by year",
        unit: "£ in each year",
        hint: "The SFPC grant received in each year, from year 0.",
        value: DefaultValue::List(&[1_666_666.67, 1_666_666.67, 1_666_666.66]),
        price_year: CASH,
        basis: Basis::Derived,
        source: "Norfolk's £5m DfE grant over 3 years: 5,000,000 / 3 a year",
    },
    DefaultParameter {
        path: "programmes.no_wrong_door.ramp_up",
        label: "Ramp-up",
        unit: "fraction of full effect, by year",
        hint: RAMP_HINT,
        value: DefaultValue::List(&[0.5, 1.0]),
        price_year: NONE,
        basis: Basis::Assumption,
        source: "Assumption: the hub opens in year 0 and is full from year 1",
    },
    deadweight("programmes.no_wrong_door.deadweight"),
    optimism_bias("programmes.no_wrong_door.optimism_bias"),
];

/// The row for a scenario path, if the table has one.
pub fn default_for(path: &str) -> Option<&'static DefaultParameter> {
    DEFAULTS.iter().find(|row| row.path == path)
}

fn value_json(value: DefaultValue) -> Value {
    match value {
        DefaultValue::Number(e) if e.is_fixed() => json!(e.value),
        DefaultValue::Number(e) => json!({ "value": e.value, "low": e.low, "high": e.high }),
        DefaultValue::List(items) => json!(items),
    }
}

/// Sets `path` (dot-separated) in a JSON object tree, making objects on the way.
fn insert_at(root: &mut Map<String, Value>, path: &str, value: Value) {
    let mut map = root;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            map.insert(part.to_owned(), value);
            return;
        }
        let next = map
            .entry(part.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(next) = next else { return };
        map = next;
    }
}

/// The default scenario in format 1, built from [`DEFAULTS`]: all three
/// programmes enabled, for the example council.
pub fn default_scenario_json() -> Value {
    let mut root = Map::new();
    root.insert("schema".into(), json!(crate::format::SCHEMA_VERSION));
    root.insert("council".into(), json!(EXAMPLE_COUNCIL));
    root.insert("price_year".into(), json!(DEFAULT_PRICE_YEAR));
    root.insert("appraisal".into(), json!({}));
    for id in crate::programmes::ProgrammeId::ALL {
        insert_at(
            &mut root,
            &format!("programmes.{}.enabled", id.key()),
            json!(true),
        );
    }
    for row in DEFAULTS {
        insert_at(&mut root, row.path, value_json(row.value));
    }
    Value::Object(root)
}

/// The default scenario, validated like any user's. A test checks that it is
/// valid, so callers may treat an error here as a bug in this table.
pub fn default_scenario() -> Result<Scenario, InputErrors> {
    parse_scenario(&default_scenario_json())
}

/// The defaults table as JSON rows, for the page and the audit pack.
pub fn defaults_table_json() -> Value {
    let rows: Vec<Value> = DEFAULTS
        .iter()
        .map(|row| {
            let (low, high) = match row.value {
                DefaultValue::Number(e) => (json!(e.low), json!(e.high)),
                DefaultValue::List(_) => (Value::Null, Value::Null),
            };
            json!({
                "path": row.path,
                "label": row.label,
                "unit": row.unit,
                "hint": row.hint,
                "value": match row.value {
                    DefaultValue::Number(e) => json!(e.value),
                    DefaultValue::List(items) => json!(items),
                },
                "low": low,
                "high": high,
                "price_year": row.price_year,
                "basis": row.basis.label(),
                "source": row.source,
            })
        })
        .collect();
    Value::Array(rows)
}
