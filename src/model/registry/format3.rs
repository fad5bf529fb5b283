//! What a format-1, 2 or 3 file's figures were: the defaults format 3 gave
//! the fields a file may leave out, where format 4 changed them, and the
//! values format 4's new fields take in an older file (values that change
//! nothing: no offset, no optimism bias on costs; its new streams are left
//! out). Read only for files older than format 4, so that each keeps its
//! figures to the last bit (the golden files in `tests/golden/` check it).

use super::{about, prices, Field, SourcePrices, NO_PRICE_YEAR, TODAYS_PRICES};
use crate::estimate::Estimate;

/// A field's value in a file older than format 4 that left it out, with
/// the price year it is in: `None` where it is today's default.
pub(crate) fn default_before_format_4(field: Field) -> Option<(Estimate, SourcePrices)> {
    let ranged = Estimate::ranged;
    let (estimate, prices) = match field {
        // Fixed shares: format 4 gave every cashable share a range.
        Field::CpPlansCashable | Field::FgcProcessCashable => {
            (Estimate::fixed(0.25), NO_PRICE_YEAR)
        }
        Field::ResidentialWeeksCashable | Field::CareEntriesCashable => {
            (Estimate::fixed(0.9), NO_PRICE_YEAR)
        }
        Field::CareProceedingsCashable => (Estimate::fixed(0.5), NO_PRICE_YEAR),
        // Ranges whose ends were in other years' prices.
        Field::InHouseFosterCostPerWeek => (ranged(396.0, 533.0, 646.0), about(2016)),
        Field::AgencyFosterCostPerWeek => (ranged(646.0, 820.0, 860.0), about(2020)),
        Field::ResidentialCostPerWeek => (ranged(4_153.0, 6_120.0, 10_000.0), prices(2023)),
        Field::KinshipOtherCostPerWeek => (ranged(100.0, 300.0, 533.0), TODAYS_PRICES),
        // The weakly sourced cost of proceedings, since built up by payer.
        Field::CostPerProceedings => (ranged(40_000.0, 120_000.0, 150_000.0), about(2025)),
        // No Wrong Door's reported effects, since halved.
        Field::ArrestReduction => (ranged(0.0, 0.38, 0.38), NO_PRICE_YEAR),
        Field::AeAttendanceReduction => (ranged(0.0, 0.57, 0.57), NO_PRICE_YEAR),
        // Format 4's fields: nothing netted off, no optimism bias on costs.
        Field::CinCaseWorkCostPerYear
        | Field::EdgeOfCareCostPerYear
        | Field::CostOptimismBias
        | Field::CourtLegalAidCostPerProceedings
        | Field::CourtsLegalAidCashable
        | Field::MissingEpisodesPerYoungPerson
        | Field::MissingEpisodeReduction
        | Field::CostPerMissingInvestigation => (Estimate::fixed(0.0), NO_PRICE_YEAR),
        _ => return None,
    };
    Some((estimate, prices))
}
