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

#[cfg(test)]
mod tests {
    use super::Estimate;

    #[test]
    fn fixed_only_when_all_three_agree() {
        assert!(Estimate::fixed(3.0).is_fixed());
        assert_eq!(Estimate::fixed(3.0), Estimate::ranged(3.0, 3.0, 3.0));
        assert!(!Estimate::ranged(2.0, 3.0, 3.0).is_fixed());
        assert!(!Estimate::ranged(3.0, 3.0, 4.0).is_fixed());
        assert!(!Estimate::ranged(3.0, 2.0, 3.0).is_fixed());
        let e = Estimate::ranged(1.0, 2.0, 5.0);
        assert_eq!((e.low, e.value, e.high), (1.0, 2.0, 5.0));
    }
}
