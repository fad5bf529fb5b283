//! Every English council's published statistics, and what they set in a
//! scenario: each figure that depends on the council is its own count, a
//! count times a stated ratio, its own unit cost, or a labelled national
//! figure (see `rules.rs` and the README's "Your council's figures").
//!
//! The table (`table.rs`) is generated from the DfE files in `data/` by
//! `scripts/councils.py`; see this folder's README. DfE's symbols (`c`, `x`,
//! `z`, `u`, `k`, and the Interactive Tool's `-`) are [`Stat`] variants and
//! never read as zero.

#[rustfmt::skip]
mod table;
#[rustfmt::skip]
mod hexmap;

mod apply;
mod batch;
mod figures;
pub mod map;
pub mod rules;

pub use apply::{apply_figures, Prefill};
pub use batch::{appraise_council, summarise, CouncilResult, ModelSummary};
pub use figures::{read as read_measure, unit_cost, Cost, Fallback, Measure, Reading};
pub use rules::{How, CAPACITY_NOTE};
pub use table::{ENGLAND, FINANCE_YEARS, FIRST_FINANCE_YEAR, FIRST_YEAR, YEARS};

use table::COUNCILS as ALL_COUNCILS;

/// Which statistics these are, for the scenario and the audit trail.
pub const RELEASE: &str = "DfE: Children looked after in England including adoptions (2024 release, years to 31 March 2020 to 2024; 2023 release, 2019; 2025 release, placements and ages 2021 to 2025); Characteristics of children in need (November 2025 release, 2013 to 2025); Local Authority Interactive Tool (section 251 outturn, 2016-17 to 2024-25)";

/// The attribution the Open Government Licence asks for.
pub const LICENCE: &str = "Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education: Children looked after in England including adoptions, 2023, 2024 and 2025 releases; Characteristics of children in need, 2025 release; Local Authority Interactive Tool)";

/// One published figure, or DfE's reason for not publishing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stat {
    Count(u32),
    /// `c`: suppressed to protect confidentiality (small numbers).
    Suppressed,
    /// `x`: not available.
    NotAvailable,
    /// `z`: not applicable (the council did not exist that year).
    NotApplicable,
    /// `u`: low reliability.
    LowReliability,
    /// `k`: a figure that rounds to zero but is not zero.
    BelowHalf,
    /// `-`: the Interactive Tool shows no figure (missing or suppressed).
    Missing,
    /// The release the engine holds does not cover this year.
    NotInRelease,
}

impl Stat {
    pub fn count(self) -> Option<u32> {
        match self {
            Stat::Count(n) => Some(n),
            _ => None,
        }
    }

    /// DfE's symbol: `c`, `x`, `z`, `u`, `k` or `-` (empty for a count, or a
    /// year not in the release).
    pub fn symbol(self) -> &'static str {
        match self {
            Stat::Count(_) | Stat::NotInRelease => "",
            Stat::Suppressed => "c",
            Stat::NotAvailable => "x",
            Stat::NotApplicable => "z",
            Stat::LowReliability => "u",
            Stat::BelowHalf => "k",
            Stat::Missing => "-",
        }
    }
}

/// One year of a council's statistics (the year ending 31 March).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearStats {
    /// Children looked after in England (CLA, 2019 to 2024).
    pub under_18: Stat,
    /// Children looked after at 31 March.
    pub looked_after: Stat,
    /// Children starting to be looked after in the year.
    pub started: Stat,
    /// Children ceasing to be looked after in the year.
    pub ceased: Stat,
    /// Children in need census (2013 to 2025; 2019 onwards held): children
    /// on a child protection plan at 31 March (`CPP_At31`).
    pub cp_plans: Stat,
    /// Plans starting in the year (`CPP_start`).
    pub cp_starts: Stat,
    /// Children in need at 31 March (`At31_episodes`).
    pub in_need: Stat,
    /// Placements and ages at 31 March (2020 to 2025): every child looked after.
    pub placed: Stat,
    pub fostered: Stat,
    /// Secure homes and children's homes.
    pub childrens_homes: Stat,
    pub aged_10_to_15: Stat,
    pub aged_16_and_over: Stat,
}

/// One financial year's weekly unit costs, in that year's cash (the
/// Interactive Tool's section 251 outturn, rounded to £5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitCosts {
    pub residential_weekly_gbp: Stat,
    pub fostering_weekly_gbp: Stat,
}

/// A council and its statistics, [`FIRST_YEAR`] onwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Council {
    /// The code DfE's latest tables use, such as `E06000005`.
    pub code: &'static str,
    pub old_code: &'static str,
    pub name: &'static str,
    pub region: &'static str,
    /// Other codes for the same council: North Yorkshire's E10000023 (to
    /// 2022), Barnsley's and Sheffield's 2025 ONS codes.
    pub other_codes: &'static [&'static str],
    /// For a council since split: the councils that replaced it.
    pub successors: &'static [&'static str],
    pub years: [YearStats; YEARS],
    /// Financial years from [`FIRST_FINANCE_YEAR`].
    pub unit_costs: [UnitCosts; FINANCE_YEARS],
}

/// The last year of the table (year ending 31 March).
pub const LATEST_YEAR: u16 = FIRST_YEAR + YEARS as u16 - 1;

impl Council {
    /// The year ending 31 March `year`, if the table has it.
    pub fn year(&self, year: u16) -> Option<&YearStats> {
        let i = usize::from(year.checked_sub(FIRST_YEAR)?);
        self.years.get(i)
    }

    /// Whether the council exists today: it has figures in the latest
    /// children in need census (a council since merged or split, such as
    /// Cumbria, does not).
    pub fn is_current(&self) -> bool {
        self.successors.is_empty() && self.years[YEARS - 1].cp_plans != Stat::NotApplicable
    }
}

/// Every council the tables hold, current or not.
pub fn all() -> &'static [Council] {
    ALL_COUNCILS
}

/// The councils of today, by name: the ones a user can pick.
pub fn current() -> impl Iterator<Item = &'static Council> {
    ALL_COUNCILS.iter().filter(|c| c.is_current())
}

/// The council with this code (`E06000005`), an earlier or later code of
/// the same council (`E10000023`, North Yorkshire), or name (`Darlington`),
/// in any case.
pub fn find(code_or_name: &str) -> Option<&'static Council> {
    match lookup(code_or_name) {
        Lookup::Found { council, .. } => Some(council),
        Lookup::Split { .. } | Lookup::Unknown => None,
    }
}

/// What a code or name finds.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    /// Today's council; `via` is the other code it was found by, if any.
    Found {
        council: &'static Council,
        via: Option<&'static str>,
    },
    /// A council since split: its successors.
    Split {
        former: &'static Council,
        successors: Vec<&'static Council>,
    },
    Unknown,
}

/// Finds a council by code, other code or name (see [`find`]); a split
/// council's code gives its successors.
pub fn lookup(code_or_name: &str) -> Lookup {
    let wanted = code_or_name.trim();
    let same = |a: &str| a.eq_ignore_ascii_case(wanted);
    if let Some(council) = current().find(|c| same(c.code) || same(c.name)) {
        return Lookup::Found { council, via: None };
    }
    for council in current() {
        if let Some(code) = council.other_codes.iter().find(|code| same(code)) {
            return Lookup::Found {
                council,
                via: Some(code),
            };
        }
    }
    let former = ALL_COUNCILS
        .iter()
        .find(|c| !c.successors.is_empty() && (same(c.code) || same(c.name)));
    if let Some(former) = former {
        let successors = former
            .successors
            .iter()
            .filter_map(|code| current().find(|c| c.code == *code))
            .collect();
        return Lookup::Split { former, successors };
    }
    Lookup::Unknown
}

/// Edit distance between two short texts, ASCII case folded.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<u8> = a.bytes().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<u8> = b.bytes().map(|c| c.to_ascii_lowercase()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(x != y))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The councils whose code or name is nearest `query`, nearest first: names
/// that contain it first, then by edit distance.
pub fn nearest(query: &str, n: usize) -> Vec<&'static Council> {
    let q = query.trim().to_ascii_lowercase();
    let mut scored: Vec<(usize, &Council)> = current()
        .map(|c| {
            let contains = !q.is_empty() && c.name.to_ascii_lowercase().contains(&q);
            let d = distance(&q, c.code).min(distance(&q, c.name));
            (if contains { 0 } else { d + 1 }, c)
        })
        .collect();
    scored.sort_by_key(|&(d, c)| (d, c.name));
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}
