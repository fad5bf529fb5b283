//! Every English council's published statistics (DfE, children looked after),
//! and what they set in a scenario: a council's own figures where the
//! statistics give them, the defaults elsewhere, each said.
//!
//! The table (`table.rs`) is generated from the DfE file beside it by
//! `scripts/councils.py`; see this folder's README. DfE's symbols `c`, `x`
//! and `z` are kept as [`Stat`] variants and never read as zero.

#[rustfmt::skip]
mod table;

pub use table::{COUNCILS, ENGLAND, FIRST_YEAR, YEARS};

use crate::appraisal::appraise_programme;
use crate::registry::{Field, ProgrammeId};
use crate::scenario::{Estimate, Scenario};

/// Which statistics these are, for the scenario and the audit trail.
pub const RELEASE: &str = "DfE, Children looked after in England including adoptions: 2024 release (years to 31 March 2020 to 2024), 2023 release (2019)";

/// The attribution the Open Government Licence asks for.
pub const LICENCE: &str = "Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education, Children looked after in England including adoptions, 2023 and 2024 releases)";

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
}

impl Stat {
    pub fn count(self) -> Option<u32> {
        match self {
            Stat::Count(n) => Some(n),
            _ => None,
        }
    }

    /// DfE's symbol: `c`, `x` or `z` (empty for a count).
    pub fn symbol(self) -> &'static str {
        match self {
            Stat::Count(_) => "",
            Stat::Suppressed => "c",
            Stat::NotAvailable => "x",
            Stat::NotApplicable => "z",
        }
    }
}

/// One year of a council's statistics (the year ending 31 March).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearStats {
    pub under_18: Stat,
    /// Children looked after at 31 March.
    pub looked_after: Stat,
    /// Children starting to be looked after in the year.
    pub started: Stat,
    /// Children ceasing to be looked after in the year.
    pub ceased: Stat,
}

/// A year the file has no row for: the council did not exist.
const NOT_PUBLISHED: YearStats = YearStats {
    under_18: Stat::NotApplicable,
    looked_after: Stat::NotApplicable,
    started: Stat::NotApplicable,
    ceased: Stat::NotApplicable,
};

/// A council and its statistics, [`FIRST_YEAR`] onwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Council {
    /// DfE's new LA code, such as `E06000005`.
    pub code: &'static str,
    pub old_code: &'static str,
    pub name: &'static str,
    pub region: &'static str,
    pub years: [YearStats; YEARS],
}

/// The last year of the table (year ending 31 March).
pub const LATEST_YEAR: u16 = FIRST_YEAR + YEARS as u16 - 1;

impl Council {
    pub fn latest(&self) -> &YearStats {
        &self.years[YEARS - 1]
    }

    /// The year ending 31 March `year`, if the table has it.
    pub fn year(&self, year: u16) -> Option<&YearStats> {
        let i = usize::from(year.checked_sub(FIRST_YEAR)?);
        self.years.get(i)
    }

    /// Whether the council exists in the latest year (a council since
    /// merged, such as Cumbria, does not).
    pub fn is_current(&self) -> bool {
        self.latest().looked_after != Stat::NotApplicable
    }
}

/// The councils of the latest year, by name: the ones a user can pick.
pub fn current() -> impl Iterator<Item = &'static Council> {
    COUNCILS.iter().filter(|c| c.is_current())
}

/// The council with this code (`E06000005`) or name (`Darlington`), either
/// in any case.
pub fn find(code_or_name: &str) -> Option<&'static Council> {
    let wanted = code_or_name.trim();
    current().find(|c| c.code.eq_ignore_ascii_case(wanted) || c.name.eq_ignore_ascii_case(wanted))
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

/// What one statistic did to one field of the scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Prefill {
    pub programme: ProgrammeId,
    pub field: Field,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Set from the latest year, its range from the years before.
    Set { value: Estimate, from: Derivation },
    /// The latest figure is not published: the default stays.
    Kept { why: Stat },
    /// Published, but no length of care follows (no child ceased to be
    /// looked after, or the ratio exceeds 18 years): the default stays.
    NoLength,
}

/// How a figure comes from the statistics.
#[derive(Clone, Debug, PartialEq)]
pub enum Derivation {
    /// Children starting to be looked after, each year of the table.
    Started { by_year: [Stat; YEARS] },
    /// Children looked after at 31 March / children ceasing in the year.
    CareLength { looked_after: u32, ceased: u32 },
}

/// Programmes whose years in care are the average length of a care episode:
/// No Wrong Door's adolescents leave care sooner, so its stay an assumption.
const CARE_YEARS_FROM_STATISTICS: [ProgrammeId; 2] =
    [ProgrammeId::FamilyValued, ProgrammeId::FamilySafeguarding];

/// A council's figure each year, where published.
fn each_year(council: &Council, stat: fn(&YearStats) -> Option<f64>) -> Vec<f64> {
    council.years.iter().filter_map(stat).collect()
}

/// The latest value, with the range the years give it.
fn with_range(latest: f64, years: &[f64]) -> Estimate {
    let low = years.iter().copied().fold(latest, f64::min);
    let high = years.iter().copied().fold(latest, f64::max);
    Estimate::ranged(low, latest, high)
}

fn care_length(y: &YearStats) -> Option<f64> {
    let looked_after = y.looked_after.count()?;
    let ceased = y.ceased.count().filter(|&n| n > 0)?;
    Some(f64::from(looked_after) / f64::from(ceased)).filter(|&years| years <= 18.0)
}

/// Sets a council's name, code and statistics in a scenario: in every
/// programme, the children starting to be looked after (the latest year,
/// ranged over the years published); for Family Valued and Family
/// Safeguarding, the years in care (looked after at 31 March / ceasing).
/// A figure DfE did not publish for the latest year keeps its default.
pub fn apply(scenario: &mut Scenario, council: &Council) -> Vec<Prefill> {
    scenario.council = council.name.to_owned();
    scenario.council_code = Some(council.code.to_owned());
    scenario.statistics_release = Some(RELEASE.to_owned());
    let latest = council.latest();
    let mut prefills = Vec::new();
    for inputs in &mut scenario.programmes {
        let programme = inputs.programme;
        let mut record = |field: Field, outcome: Outcome| {
            if let Outcome::Set { value, .. } = &outcome {
                inputs.set(field, *value);
            }
            prefills.push(Prefill {
                programme,
                field,
                outcome,
            });
        };
        let started = match latest.started {
            Stat::Count(n) => {
                let years = each_year(council, |y| y.started.count().map(f64::from));
                let by_year = council.years.map(|y| y.started);
                Outcome::Set {
                    value: with_range(f64::from(n), &years),
                    from: Derivation::Started { by_year },
                }
            }
            why => Outcome::Kept { why },
        };
        record(Field::CouncilEntriesToCare, started);
        if CARE_YEARS_FROM_STATISTICS.contains(&programme) {
            let outcome = match (latest.looked_after, latest.ceased, care_length(latest)) {
                (Stat::Count(looked_after), Stat::Count(ceased), Some(years)) => Outcome::Set {
                    value: with_range(years, &each_year(council, care_length)),
                    from: Derivation::CareLength {
                        looked_after,
                        ceased,
                    },
                },
                (Stat::Count(_), Stat::Count(_), None) => Outcome::NoLength,
                (Stat::Count(_), why, _) | (why, _, _) => Outcome::Kept { why },
            };
            record(Field::CareYears, outcome);
        }
    }
    prefills
}

/// The headline figures of one programme for one council.
#[derive(Clone, Debug, PartialEq)]
pub struct CouncilResult {
    pub council: &'static Council,
    pub programme: ProgrammeId,
    pub council_npv_gbp: f64,
    pub council_cashable_npv_gbp: f64,
    pub public_npv_gbp: f64,
    pub bcr: Option<f64>,
    pub payback_years: Option<f64>,
    /// The chance the council's NPV is above zero, when simulated.
    pub probability_council_npv_positive: Option<f64>,
    /// Figures the council's statistics did not give, which kept their defaults.
    pub kept: Vec<Field>,
    /// Which figures the effects are: an evidence set, the defaults or own figures.
    pub effects: String,
}

/// Every enabled programme of `template` appraised with `council`'s
/// statistics (and simulated, with a configuration).
pub fn appraise_council(
    template: &Scenario,
    council: &'static Council,
    simulation: Option<crate::uncertainty::SimulationConfig>,
) -> Vec<CouncilResult> {
    let mut scenario = template.clone();
    let prefills = apply(&mut scenario, council);
    let simulated = simulation.map(|config| crate::uncertainty::simulate(&scenario, config));
    scenario
        .enabled()
        .map(|inputs| {
            let a = appraise_programme(inputs, &scenario.appraisal);
            let probability = simulated.as_ref().and_then(|u| {
                let p = u
                    .programmes
                    .iter()
                    .find(|p| p.programme == inputs.programme)?;
                Some(p.probability_council_npv_positive)
            });
            let kept = prefills
                .iter()
                .filter(|p| p.programme == inputs.programme)
                .filter(|p| !matches!(p.outcome, Outcome::Set { .. }))
                .map(|p| p.field)
                .collect();
            CouncilResult {
                council,
                programme: inputs.programme,
                council_npv_gbp: a.council_npv_gbp,
                council_cashable_npv_gbp: a.council_cashable_npv_gbp,
                public_npv_gbp: a.public_npv_gbp,
                bcr: a.bcr,
                payback_years: a.payback_years,
                probability_council_npv_positive: probability,
                kept,
                effects: crate::display::effects_used_text(inputs, scenario.price_year),
            }
        })
        .collect()
}
