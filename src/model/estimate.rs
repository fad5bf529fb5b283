//! A figure with the range it could plausibly take: the value type of every
//! ranged parameter, in the registry's defaults and in a council's scenario.

/// A parameter's central value and the range it could plausibly take.
///
/// The appraisal uses `value`; the range is there for the uncertainty analysis.
/// Invariant: all three finite, `low <= value <= high`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub low: f64,
    pub value: f64,
    pub high: f64,
}

impl Estimate {
    /// A value with no range: the user (or the source) is sure of it.
    pub const fn fixed(value: f64) -> Self {
        Estimate {
            low: value,
            value,
            high: value,
        }
    }

    pub const fn ranged(low: f64, value: f64, high: f64) -> Self {
        Estimate { low, value, high }
    }

    pub fn is_fixed(&self) -> bool {
        self.low == self.value && self.value == self.high
    }
}
