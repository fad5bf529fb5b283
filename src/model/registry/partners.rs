//! Rows partner-agency streams share: savings to the police and the NHS,
//! outside the council, counted in the public-sector figures only.

use super::units::FRACTION;
use super::{
    Basis, DefaultValue, Field, Grades, Group, ParamSpec, Rule, Shape, StreamKey, NO_PRICE_YEAR,
};
use crate::estimate::Estimate;

/// A partner stream's cashable share: not the council's, so it never enters
/// the council's cashable figure.
pub const fn cashable(field: Field, stream: StreamKey) -> ParamSpec {
    ParamSpec {
        field,
        group: Group::Stream(stream),
        label: "Cashable share of this saving",
        unit: FRACTION,
        hint: "The share the partner's budget could actually lose. It does not enter the council's figures.",
        rule: Rule::Fraction,
        shape: Shape::Ranged,
        default: DefaultValue::Number(Estimate::fixed(0.0)),
        price_year: NO_PRICE_YEAR,
        basis: Basis::Assumption,
        grades: Grades::ASSUMED,
        source: "Assumption: partner savings are officers' and clinicians' time, capacity rather than cash",
        since: 2,
    }
}
