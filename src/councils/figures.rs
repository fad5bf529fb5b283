//! Reading one of a council's statistics: its latest published year, with a
//! range from its own years; where that year is not published, the stated
//! fallback (the council's latest earlier year, else its region's rate), so
//! that a DfE symbol is never read as zero.

use super::{
    current, Council, Stat, UnitCosts, YearStats, ENGLAND, FIRST_FINANCE_YEAR, FIRST_YEAR,
};
use crate::prices::{restating_factor, PriceYear};

/// A statistic the engine reads, with the table it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Under18,
    LookedAfter,
    Started,
    Ceased,
    CpPlans,
    CpStarts,
    InNeed,
    Placed,
    Fostered,
    ChildrensHomes,
    Aged10To15,
    Aged16AndOver,
}

impl Measure {
    pub fn of(self, y: &YearStats) -> Stat {
        match self {
            Measure::Under18 => y.under_18,
            Measure::LookedAfter => y.looked_after,
            Measure::Started => y.started,
            Measure::Ceased => y.ceased,
            Measure::CpPlans => y.cp_plans,
            Measure::CpStarts => y.cp_starts,
            Measure::InNeed => y.in_need,
            Measure::Placed => y.placed,
            Measure::Fostered => y.fostered,
            Measure::ChildrensHomes => y.childrens_homes,
            Measure::Aged10To15 => y.aged_10_to_15,
            Measure::Aged16AndOver => y.aged_16_and_over,
        }
    }

    /// What is counted, in words: "children on a child protection plan".
    pub fn label(self) -> &'static str {
        match self {
            Measure::Under18 => "children under 18 (population estimate)",
            Measure::LookedAfter => "children looked after",
            Measure::Started => "children starting to be looked after",
            Measure::Ceased => "children ceasing to be looked after",
            Measure::CpPlans => "children on a child protection plan",
            Measure::CpStarts => "child protection plans starting",
            Measure::InNeed => "children in need",
            Measure::Placed => "children looked after (placements table)",
            Measure::Fostered => "children looked after in foster placements",
            Measure::ChildrensHomes => "children looked after in secure homes and children's homes",
            Measure::Aged10To15 => "children looked after aged 10 to 15",
            Measure::Aged16AndOver => "children looked after aged 16 and over",
        }
    }

    /// When a year's figure is counted: "at 31 March 2025" for a count on
    /// the day, "in the year to 31 March 2024" for a count over the year.
    pub fn when(self, year: u16) -> String {
        match self {
            Measure::Started | Measure::Ceased | Measure::CpStarts => {
                format!("in the year to 31 March {year}")
            }
            Measure::Under18 => format!("mid-{}", year - 1),
            _ => format!("at 31 March {year}"),
        }
    }

    /// The DfE table and release it comes from.
    pub fn table(self) -> &'static str {
        match self {
            Measure::Under18 | Measure::LookedAfter | Measure::Started | Measure::Ceased => {
                "DfE, Children looked after in England, LA table 'CLA number and rate per 10,000 children' (2024 release)"
            }
            Measure::CpPlans => "DfE, Characteristics of children in need, table D5 (CPP_At31; 2025 release)",
            Measure::CpStarts => "DfE, Characteristics of children in need, table D3 (CPP_start; 2025 release)",
            Measure::InNeed => "DfE, Characteristics of children in need, table B1 (At31_episodes; 2025 release)",
            Measure::Placed
            | Measure::Fostered
            | Measure::ChildrensHomes
            | Measure::Aged10To15
            | Measure::Aged16AndOver => {
                "DfE, Children looked after in England, placements and ages by LA (2025 release)"
            }
        }
    }

    /// The latest year the engine's release of this table covers.
    pub fn latest_year(self) -> u16 {
        let covered = |y: &&YearStats| self.of(y) != Stat::NotInRelease;
        let years = ENGLAND.years.iter().filter(covered).count();
        let first_covered = ENGLAND.years.iter().position(|y| covered(&y)).unwrap_or(0);
        FIRST_YEAR + (first_covered + years) as u16 - 1
    }
}

/// How a figure was found where the latest year was not published.
#[derive(Clone, Debug, PartialEq)]
pub enum Fallback {
    /// The latest year is published.
    None,
    /// Not published (`why`) in the latest year: the council's latest
    /// earlier year.
    EarlierYear { why: Stat, latest_year: u16 },
    /// Not published in any year the engine holds (`why` in the latest):
    /// the region's rate (`region_total` over `region_base`, the same in
    /// councils of the region that publish both), times the council's own
    /// base figure.
    Region {
        why: Stat,
        region: &'static str,
        region_total: f64,
        region_base: f64,
        base: f64,
        base_measure: Measure,
    },
    /// A unit cost not published (`why` in the latest year) in any year:
    /// the median of the other councils of its region that year.
    RegionMedian {
        why: Stat,
        region: &'static str,
        councils: usize,
    },
}

/// One figure of a council's, found.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub value: f64,
    /// The fewest and most of the council's own published years (the value
    /// alone where it came from the region).
    pub low: f64,
    pub high: f64,
    /// The year the value is for (ending 31 March; for unit costs, the
    /// financial year starting in it).
    pub year: u16,
    pub fallback: Fallback,
}

impl Reading {
    fn with_range(value: f64, year: u16, published: &[f64], fallback: Fallback) -> Reading {
        Reading {
            value,
            low: published.iter().copied().fold(value, f64::min),
            high: published.iter().copied().fold(value, f64::max),
            year,
            fallback,
        }
    }
}

/// The council's published counts of a measure, with their years.
fn published(council: &Council, measure: Measure) -> Vec<(u16, f64)> {
    council
        .years
        .iter()
        .enumerate()
        .filter_map(|(i, y)| Some((FIRST_YEAR + i as u16, f64::from(measure.of(y).count()?))))
        .collect()
}

/// A measure for a council: its latest year; else its latest earlier
/// year; else the region's rate per `base` (children under 18, or children
/// looked after for a placement or an age) times its own `base`. `None`
/// where none of these exists.
pub fn read(council: &Council, measure: Measure) -> Option<Reading> {
    let latest = measure.latest_year();
    let years = published(council, measure);
    let counts: Vec<f64> = years.iter().map(|&(_, n)| n).collect();
    let why = council
        .year(latest)
        .map_or(Stat::NotAvailable, |y| measure.of(y));
    if let Stat::Count(n) = why {
        return Some(Reading::with_range(
            f64::from(n),
            latest,
            &counts,
            Fallback::None,
        ));
    }
    if let Some(&(year, n)) = years.last() {
        let fallback = Fallback::EarlierYear {
            why,
            latest_year: latest,
        };
        return Some(Reading::with_range(n, year, &counts, fallback));
    }
    region_rate(council, measure, latest, why)
}

/// The base a measure's regional rate is taken per.
fn base_of(measure: Measure) -> Measure {
    match measure {
        Measure::Fostered
        | Measure::ChildrensHomes
        | Measure::Aged10To15
        | Measure::Aged16AndOver => Measure::Placed,
        _ => Measure::Under18,
    }
}

fn region_rate(council: &Council, measure: Measure, year: u16, why: Stat) -> Option<Reading> {
    let base_measure = base_of(measure);
    let base = read_own(council, base_measure)?;
    let (mut total, mut region_base) = (0.0, 0.0);
    for other in current().filter(|c| c.region == council.region && c.code != council.code) {
        let (Some(n), Some(b)) = (
            other.year(year).and_then(|y| measure.of(y).count()),
            read_own(other, base_measure),
        ) else {
            continue;
        };
        total += f64::from(n);
        region_base += b;
    }
    if region_base <= 0.0 {
        return None;
    }
    let value = total / region_base * base;
    Some(Reading {
        value,
        low: value,
        high: value,
        year,
        fallback: Fallback::Region {
            why,
            region: council.region,
            region_total: total,
            region_base,
            base,
            base_measure,
        },
    })
}

/// The council's latest published count of a measure, with no fallback.
fn read_own(council: &Council, measure: Measure) -> Option<f64> {
    published(council, measure).last().map(|&(_, n)| n)
}

/// A weekly unit cost from the Interactive Tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cost {
    Residential,
    Fostering,
}

impl Cost {
    fn of(self, u: &UnitCosts) -> Stat {
        match self {
            Cost::Residential => u.residential_weekly_gbp,
            Cost::Fostering => u.fostering_weekly_gbp,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cost::Residential => "residential care, gross weekly unit cost",
            Cost::Fostering => "fostering, weekly unit cost (in-house and bought-in placements)",
        }
    }

    pub const TABLE: &'static str = "DfE, Local Authority Interactive Tool: section 251 outturn weekly unit costs (RescareFinance, FosteringFinance), rounded to £5";
}

/// The council's weekly unit cost in `price_year`'s prices: its latest
/// outturn year restated with the deflators, ranged over its years from
/// 2019-20 (each restated); else its latest earlier year; else the median
/// of its region's councils that year.
pub fn unit_cost(council: &Council, cost: Cost, price_year: PriceYear) -> Option<Reading> {
    let restate = |year: u16, gbp: u32| {
        restating_factor(PriceYear::starting(year), price_year).map(|k| f64::from(gbp) * k)
    };
    let years: Vec<(u16, u32)> = council
        .unit_costs
        .iter()
        .enumerate()
        .filter_map(|(i, u)| Some((FIRST_FINANCE_YEAR + i as u16, cost.of(u).count()?)))
        .collect();
    let latest = FIRST_FINANCE_YEAR + council.unit_costs.len() as u16 - 1;
    let recent: Vec<f64> = years
        .iter()
        .filter(|(y, _)| *y >= RANGE_FROM_FINANCE_YEAR)
        .filter_map(|&(y, gbp)| restate(y, gbp))
        .collect();
    let why = cost.of(&council.unit_costs[council.unit_costs.len() - 1]);
    if let Some(&(year, gbp)) = years.last() {
        let value = restate(year, gbp)?;
        let fallback = if year == latest {
            Fallback::None
        } else {
            Fallback::EarlierYear {
                why,
                latest_year: latest,
            }
        };
        return Some(Reading::with_range(value, year, &recent, fallback));
    }
    let i = council.unit_costs.len() - 1;
    let mut region: Vec<u32> = current()
        .filter(|c| c.region == council.region && c.code != council.code)
        .filter_map(|c| cost.of(&c.unit_costs[i]).count())
        .collect();
    region.sort_unstable();
    let median = match region.len() {
        0 => return None,
        n if n % 2 == 1 => f64::from(region[n / 2]),
        n => (f64::from(region[n / 2 - 1]) + f64::from(region[n / 2])) / 2.0,
    };
    let value = median * restating_factor(PriceYear::starting(latest), price_year)?;
    Some(Reading {
        value,
        low: value,
        high: value,
        year: latest,
        fallback: Fallback::RegionMedian {
            why,
            region: council.region,
            councils: region.len(),
        },
    })
}

/// Unit costs' ranges run over the council's years from 2019-20, the same
/// span as the children's statistics.
const RANGE_FROM_FINANCE_YEAR: u16 = 2019;
