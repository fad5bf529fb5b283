//! A council's scenario as the model sees it: validated values, money in pounds
//! at one price year. Only `sfpc::format` builds these from user input, and it
//! checks every invariant stated here, so the model can take them as given.

use crate::programmes::{FamilySafeguarding, FamilyValued, NoWrongDoor};
use std::fmt;

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

/// A UK financial year, April to March, written `2024-25`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceYear {
    pub start_year: u16,
}

impl PriceYear {
    /// Parses `YYYY-YY`, where the second part is the year after the first.
    pub fn parse(text: &str) -> Option<PriceYear> {
        let (first, second) = text.split_once('-')?;
        if first.len() != 4 || second.len() != 2 {
            return None;
        }
        let start_year: u16 = first.parse().ok()?;
        let end_two_digits: u16 = second.parse().ok()?;
        ((start_year + 1) % 100 == end_two_digits && (1950..2100).contains(&start_year))
            .then_some(PriceYear { start_year })
    }
}

impl fmt::Display for PriceYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.start_year, (self.start_year + 1) % 100)
    }
}

/// How the appraisal discounts and how far ahead it looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AppraisalSettings {
    /// 1 to [`MAX_HORIZON_YEARS`].
    pub horizon_years: u32,
    /// Real rate a year, 0 to 1. The Green Book rate is 0.035 for years 0 to 30.
    pub discount_rate: f64,
}

/// The Green Book's 3.5% rate holds for years 0-30; past that it falls to 3.0%,
/// which this calculator does not model, so it stops at 30.
pub const MAX_HORIZON_YEARS: u32 = 30;

/// What it costs to run a programme, who pays, how fast it reaches full effect,
/// and how much of its measured effect to credit to it. Shared by all three models.
#[derive(Clone, Debug, PartialEq)]
pub struct Implementation {
    /// One-off, in year 0: recruitment, training, a hub's refurbishment.
    pub setup_cost_gbp: Estimate,
    pub running_cost_per_year_gbp: Estimate,
    /// DfE grant received in each year; 0 past the list's end.
    pub grant_by_year_gbp: Vec<f64>,
    /// Fraction of full effect reached in each year; the last entry repeats.
    /// Invariant: at least one entry, each 0 to 1.
    pub ramp_up_fraction: Vec<f64>,
    /// Share of the measured effect that would have happened anyway.
    pub deadweight_fraction: Estimate,
    /// Share of the effect written off because the evidence is optimistic
    /// (before-and-after figures from the councils that designed the models).
    pub optimism_bias_fraction: Estimate,
}

/// The three models a council may appraise; absent ones are `None`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Programmes {
    pub family_valued: Option<FamilyValued>,
    pub family_safeguarding: Option<FamilySafeguarding>,
    pub no_wrong_door: Option<NoWrongDoor>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub council: String,
    pub price_year: PriceYear,
    pub appraisal: AppraisalSettings,
    pub programmes: Programmes,
}
