//! Each yearly-saving stream's saving at full effect, as a formula over the
//! Inputs sheet's names: the same products as `crate::programmes` computes
//! (effect × pounds per unit of effect). The test command recalculates the
//! workbook in LibreOffice and checks it against the engine, so the two
//! cannot drift apart; a test checks every registry stream has a formula.

use super::style::name;
use crate::registry::{Field, ProgrammeId, StreamKey};

/// `effect × (product of the rest)`, each a defined name.
fn product(programme: ProgrammeId, effect: Field, per_unit: &[Field]) -> String {
    let n = |f: Field| name(Some(programme), f);
    let rest: Vec<String> = per_unit.iter().map(|&f| n(f)).collect();
    format!("{}*({})", n(effect), rest.join("*"))
}

/// The formula (without `=`) for a yearly stream's saving a year at full
/// effect; `None` for the entries-to-care stream (its own rows) or a stream
/// the workbook does not know.
pub fn full_effect(programme: ProgrammeId, stream: StreamKey) -> Option<String> {
    use Field::*;
    use ProgrammeId::*;
    use StreamKey::*;
    let formula = match (programme, stream) {
        (FamilyValued, FgcProcess) => product(programme, SavingPerFamily, &[FamiliesPerYear]),
        (FamilyValued, CareProceedings) => product(
            programme,
            ProceedingsReduction,
            &[
                FamiliesAtPreProceedings,
                ProceedingsRateWithout,
                CostPerProceedings,
            ],
        ),
        (FamilySafeguarding, CpPlans) => {
            let n = |f: Field| name(Some(programme), f);
            format!(
                "{}*({}*({}-{}))",
                n(CpPlanReduction),
                n(ChildrenOnCpPlans),
                n(CostPerCpPlanYear),
                n(CinCaseWorkCostPerYear)
            )
        }
        (FamilyValued, CourtsLegalAid) => product(
            programme,
            CourtLegalAidCostPerProceedings,
            &[
                FamiliesAtPreProceedings,
                ProceedingsRateWithout,
                ProceedingsReduction,
            ],
        ),
        (NoWrongDoor, MissingEpisodes) => product(
            programme,
            MissingEpisodeReduction,
            &[
                YoungPeopleWorkedWith,
                MissingEpisodesPerYoungPerson,
                CostPerMissingInvestigation,
            ],
        ),
        (FamilySafeguarding, Police) => {
            product(programme, PoliceSavingPerFamily, &[FamiliesPerYear])
        }
        (FamilySafeguarding, Nhs) => product(programme, NhsSavingPerFamily, &[FamiliesPerYear]),
        (NoWrongDoor, ResidentialWeeks) => {
            let n = |f: Field| name(Some(programme), f);
            format!(
                "{}*({}*(365/7)*({}-{}))",
                n(ResidentialTimeReduction),
                n(YoungPeopleInResidential),
                n(ResidentialCostPerWeek),
                n(AlternativeCostPerWeek)
            )
        }
        (NoWrongDoor, Police) => product(
            programme,
            ArrestReduction,
            &[YoungPeopleWorkedWith, ArrestsPerYoungPerson, CostPerArrest],
        ),
        (NoWrongDoor, Nhs) => product(
            programme,
            AeAttendanceReduction,
            &[
                YoungPeopleWorkedWith,
                AeAttendancesPerYoungPerson,
                CostPerAeAttendance,
            ],
        ),
        _ => return None,
    };
    Some(formula)
}
