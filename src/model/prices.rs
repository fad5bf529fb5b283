//! One price year: financial years, and the HM Treasury GDP deflators that
//! restate a figure from one year's prices into another's.
//!
//! A default is stored in its source's price year; a scenario's defaults are
//! restated into its `price_year` as value × index(scenario year) /
//! index(source year). A figure the user enters is taken as already in the
//! scenario's price year.

use std::fmt;

/// A UK financial year, April to March, written `2024-25`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PriceYear {
    pub start_year: u16,
}

impl PriceYear {
    pub const fn starting(start_year: u16) -> PriceYear {
        PriceYear { start_year }
    }

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

    /// This year's GDP deflator (2024-25 = 100), if the table has it.
    pub fn deflator(self) -> Option<f64> {
        DEFLATORS.iter().find(|d| d.year == self).map(|d| d.index)
    }
}

impl fmt::Display for PriceYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.start_year, (self.start_year + 1) % 100)
    }
}

/// One year of the deflator table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Deflator {
    pub year: PriceYear,
    /// GDP deflator at market prices, 2024-25 = 100.
    pub index: f64,
    /// An OBR forecast rather than ONS outturn.
    pub forecast: bool,
}

const fn deflator(start_year: u16, index: f64, forecast: bool) -> Deflator {
    Deflator {
        year: PriceYear::starting(start_year),
        index,
        forecast,
    }
}

/// Where the table comes from: replace the table and this line together
/// when the Treasury publishes a new vintage (`data/` holds the copy it was
/// read from; a test checks the two agree).
pub const DEFLATOR_SOURCE: &str = "HM Treasury, GDP deflators at market prices, and money GDP, March 2026 (Quarterly National Accounts), rebased to 2024-25 = 100: ONS series L8GG outturn to 2024-25; OBR forecast (Spring Statement, 3 March 2026) from 2025-26";

/// The GDP deflators, 2013-14 to 2026-27.
pub const DEFLATORS: [Deflator; 14] = [
    deflator(2013, 73.0337, false),
    deflator(2014, 74.0662, false),
    deflator(2015, 74.5804, false),
    deflator(2016, 76.0754, false),
    deflator(2017, 77.0388, false),
    deflator(2018, 78.7948, false),
    deflator(2019, 80.8738, false),
    deflator(2020, 85.1002, false),
    deflator(2021, 85.3036, false),
    deflator(2022, 91.2996, false),
    deflator(2023, 96.1117, false),
    deflator(2024, 100.0, false),
    deflator(2025, 103.2388, true),
    deflator(2026, 105.3095, true),
];

/// The factor that restates `from`'s prices in `to`'s: index(to) / index(from),
/// or `None` when the table lacks either year.
pub fn restating_factor(from: PriceYear, to: PriceYear) -> Option<f64> {
    Some(to.deflator()? / from.deflator()?)
}

/// The years a scenario may be priced in, for error messages: "2013-14,
/// 2014-15, …, 2026-27".
pub(crate) fn known_years() -> String {
    let years: Vec<String> = DEFLATORS.iter().map(|d| d.year.to_string()).collect();
    years.join(", ")
}

/// Why `text` is not a price year a scenario may use, if it is not.
pub fn check_price_year(text: &str) -> Result<PriceYear, String> {
    match PriceYear::parse(text) {
        None => Err(format!(
            "must be a financial year such as \"2024-25\", got {text:?}"
        )),
        Some(y) if y.deflator().is_none() => Err(format!(
            "must be a year the HM Treasury deflators cover ({}), got {text:?}",
            known_years()
        )),
        Some(y) => Ok(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_price_year_is_a_financial_year_written_yyyy_yy() {
        assert_eq!(PriceYear::parse("2024-25"), Some(PriceYear::starting(2024)));
        assert_eq!(PriceYear::parse("1999-00"), Some(PriceYear::starting(1999)));
        assert_eq!(PriceYear::parse("1950-51"), Some(PriceYear::starting(1950)));
        assert_eq!(PriceYear::parse("2099-00"), Some(PriceYear::starting(2099)));
        for bad in [
            "2024-26",
            "2024-2025",
            "02024-25",
            "2024-025",
            "24-25",
            "2024",
            "2024/25",
            "1949-50",
            "2100-01",
            "x024-25",
            "",
        ] {
            assert_eq!(PriceYear::parse(bad), None, "{bad}");
        }
        assert_eq!(PriceYear::starting(1999).to_string(), "1999-00");
        assert_eq!(PriceYear::starting(2016).to_string(), "2016-17");
        assert_eq!(PriceYear::starting(2003).to_string(), "2003-04");
    }

    #[test]
    fn a_factor_is_the_ratio_of_the_two_years_deflators() {
        let (y16, y24) = (PriceYear::starting(2016), PriceYear::starting(2024));
        assert_eq!(y16.deflator(), Some(76.0754));
        assert_eq!(restating_factor(y16, y24), Some(100.0 / 76.0754));
        assert_eq!(restating_factor(y24, y16), Some(76.0754 / 100.0));
        assert_eq!(restating_factor(y24, y24), Some(1.0));
        assert_eq!(restating_factor(PriceYear::starting(2012), y24), None);
        assert_eq!(restating_factor(y24, PriceYear::starting(2027)), None);
        // The table runs a year at a time, outturn then forecast.
        for pair in DEFLATORS.windows(2) {
            assert_eq!(pair[1].year.start_year, pair[0].year.start_year + 1);
            assert!(pair[0].forecast <= pair[1].forecast);
        }
    }

    #[test]
    fn a_price_year_is_checked_against_the_table() {
        assert_eq!(check_price_year("2013-14"), Ok(PriceYear::starting(2013)));
        assert_eq!(check_price_year("2026-27"), Ok(PriceYear::starting(2026)));
        let unknown = check_price_year("2012-13").unwrap_err();
        assert_eq!(
            unknown,
            format!(
                "must be a year the HM Treasury deflators cover ({}), got \"2012-13\"",
                known_years()
            )
        );
        assert!(known_years().starts_with("2013-14, 2014-15, "));
        assert!(known_years().ends_with(", 2026-27"));
        assert_eq!(
            check_price_year("2024").unwrap_err(),
            "must be a financial year such as \"2024-25\", got \"2024\""
        );
    }
}
