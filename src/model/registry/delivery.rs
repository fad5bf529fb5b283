//! Rows every programme has: what it costs, the grant, how fast it reaches
//! full effect, and how much of its measured effect to credit to it. Each
//! programme's table calls these with its own figures and sources.

use super::designs::GUIDANCE;
use super::units::{FRACTION, GBP, GBP_A_YEAR, GBP_EACH_YEAR, POSTS, RAMP, UNITS};
use super::{
    Basis, DefaultValue, Field, Grade, Grades, Group, ParamSpec, Rule, Shape, SourcePrices,
    NO_PRICE_YEAR, TODAYS_PRICES,
};
use crate::estimate::Estimate;

/// A ranged delivery figure in pounds: the template the others change.
const MONEY: ParamSpec = ParamSpec {
    field: Field::SetupCost,
    group: Group::Delivery,
    label: "",
    unit: GBP,
    hint: "",
    rule: Rule::Amount,
    shape: Shape::Ranged,
    default: DefaultValue::Number(Estimate::fixed(0.0)),
    price_year: TODAYS_PRICES,
    basis: Basis::Assumption,
    grades: Grades::ASSUMED,
    source: "",
    since: 1,
};

/// One-off cost in year 0: an assumption for every model.
pub const fn setup_cost(value: Estimate, hint: &'static str, source: &'static str) -> ParamSpec {
    ParamSpec {
        label: "Set-up cost a team or hub (year 0)",
        hint,
        default: DefaultValue::Number(value),
        source,
        ..MONEY
    }
}

/// Running costs besides the staff lines, derived from an adopter's grant.
pub const fn running_cost(
    value: Estimate,
    prices: SourcePrices,
    hint: &'static str,
    source: &'static str,
) -> ParamSpec {
    ParamSpec {
        field: Field::RunningCost,
        label: "Running cost a team or hub a year (besides staff listed)",
        unit: GBP_A_YEAR,
        hint,
        default: DefaultValue::Number(value),
        price_year: prices,
        basis: Basis::Derived,
        grades: Grades::of(Grade::Assumed, Grade::Reported, Grade::Assumed),
        source,
        ..MONEY
    }
}

/// Posts the programme adds, each a role, its full-time equivalents and a
/// year's cost of one; none by default, as the running cost covers them.
pub(crate) const STAFF: ParamSpec = ParamSpec {
    field: Field::Staff,
    label: "Staff",
    unit: POSTS,
    hint: "Posts the model adds, if you would rather list them than include them in the running cost: the role, full-time equivalents and the cost of one FTE a year (salary with on-costs).",
    shape: Shape::Staff,
    default: DefaultValue::List(&[]),
    source: "Assumption: none listed; the running cost above includes the posts the adopters' grants paid for. Coventry's grant paid for 36 FTE posts at about £46,700 a post a year (derived: £4,204,141 / 2.5 years / 36)",
    since: 2,
    ..MONEY
};

/// The DfE grant in each year, from year 0: none by default (format 4),
/// as the SFPC grant was a 2019 to 2025 programme. `adopters` says what an
/// adopter had, for a council with a grant to compare.
pub const fn grant(prices: SourcePrices, source: &'static str) -> ParamSpec {
    ParamSpec {
        field: Field::GrantByYear,
        label: "DfE grant by year",
        unit: GBP_EACH_YEAR,
        hint: "A grant received in each year, from year 0. None by default: the SFPC grant ran from 2019 to 2025.",
        shape: Shape::List { min_len: 0 },
        default: DefaultValue::List(&[]),
        price_year: prices,
        basis: Basis::Assumption,
        source,
        ..MONEY
    }
}

/// How fast the programme reaches full effect: an assumption for every model.
pub const fn ramp_up(values: &'static [f64], source: &'static str) -> ParamSpec {
    ParamSpec {
        field: Field::RampUp,
        label: "Ramp-up",
        unit: RAMP,
        hint:
            "Share of full effect reached in each year; the last entry carries on to later years.",
        rule: Rule::Fraction,
        shape: Shape::List { min_len: 1 },
        default: DefaultValue::List(values),
        price_year: NO_PRICE_YEAR,
        source,
        ..MONEY
    }
}

/// Deadweight: each programme's, as its default effects were measured with
/// or without a comparison group.
pub const fn deadweight(value: Estimate, source: &'static str) -> ParamSpec {
    ParamSpec {
        field: Field::Deadweight,
        label: "Deadweight",
        unit: FRACTION,
        hint: "Share of the effect that would have happened anyway, without the programme. An effect measured against a comparison group has this netted out already.",
        rule: Rule::Fraction,
        default: DefaultValue::Number(value),
        price_year: NO_PRICE_YEAR,
        source,
        ..MONEY
    }
}

/// Deadweight where the default effects are before-and-after figures.
pub(crate) const DEADWEIGHT: ParamSpec = deadweight(
    Estimate::ranged(0.0, 0.1, 0.3),
    "Assumption: the default effects are before-and-after figures, not trials, so some of the change would have happened anyway; no published value",
);

/// Optimism bias on benefits: the same assumption for every model.
pub(crate) const OPTIMISM_BIAS: ParamSpec = ParamSpec {
    field: Field::OptimismBias,
    label: "Optimism bias on benefits",
    hint: "Share of the effect written off because the evidence may be optimistic for your council.",
    default: DefaultValue::Number(Estimate::ranged(0.0, 0.2, 0.4)),
    source: "Assumption, after HM Treasury's 2014 local-partnerships CBA guidance, which adjusts for optimism by confidence in the data; the Green Book gives no generic value for benefits",
    ..DEADWEIGHT
};

/// Optimism bias on costs (format 4): set-up, running and volume costs are
/// raised by this share, as the Green Book's supplementary guidance asks.
pub(crate) const COST_OPTIMISM_BIAS: ParamSpec = ParamSpec {
    field: Field::CostOptimismBias,
    label: "Optimism bias on costs",
    hint: "Share added to the costs, which appraisals tend to underestimate: HM Treasury's upper bound for services like these is 41%.",
    default: DefaultValue::Number(Estimate::ranged(0.0, 0.2, 0.41)),
    grades: Grades::of(
        Grade::Measured(GUIDANCE),
        Grade::Assumed,
        Grade::Measured(GUIDANCE),
    ),
    source: "HM Treasury, Supplementary Green Book guidance on optimism bias (Mott MacDonald): operating costs of outsourcing-type projects, 41% upper bound, 0% once risks are mitigated. Central 0.2: assumption, as the costs are adopters' actual grants",
    since: 4,
    ..DEADWEIGHT
};

/// How many teams or hubs the council runs (format 3): the example council
/// runs one; a council's statistics size it by the programme's
/// [`super::ServiceSpec`]. Set-up and running costs are per unit.
pub const fn service_units(label: &'static str, hint: &'static str) -> ParamSpec {
    ParamSpec {
        field: Field::ServiceUnits,
        label,
        unit: UNITS,
        hint,
        rule: Rule::ServiceUnits,
        shape: Shape::Plain,
        default: DefaultValue::Number(Estimate::fixed(1.0)),
        price_year: NO_PRICE_YEAR,
        basis: Basis::Assumption,
        grades: Grades::ASSUMED,
        source:
            "Assumption: one; a council's statistics size it (cohort ÷ what one serves, rounded up)",
        since: 3,
        ..MONEY
    }
}

/// Units made from provision the council already runs (North Yorkshire
/// turned its children's homes into hubs): their set-up and running costs
/// are already in the budget, so only the other units' costs are new.
pub const fn repurposed_units(label: &'static str) -> ParamSpec {
    ParamSpec {
        field: Field::RepurposedUnits,
        label,
        unit: UNITS,
        hint: "Units made from provision you already pay for: their costs are not new. Add any cost of converting them as a staff line.",
        rule: Rule::RepurposedUnits,
        shape: Shape::Plain,
        default: DefaultValue::Number(Estimate::fixed(0.0)),
        price_year: NO_PRICE_YEAR,
        basis: Basis::Assumption,
        source: "Assumption: none (North Yorkshire made hubs of its homes: Lushey et al. 2017)",
        since: 3,
        ..MONEY
    }
}
