//! Every council appraised with its own figures: the rows of `sfpc batch`
//! and the every-council page, and a summary line a model.

use super::{apply_figures, Council, Prefill};
use crate::appraisal::appraise_programme;
use crate::evidence_sets::{self, EffectsUsed};
use crate::registry::{Field, ProgrammeId};
use crate::scenario::Scenario;

/// The headline figures of one programme for one council.
#[derive(Clone, Debug, PartialEq)]
pub struct CouncilResult {
    pub council: &'static Council,
    pub programme: ProgrammeId,
    pub council_npv_gbp: f64,
    /// The council's NPV leaving out the DfE grant: what the council's own
    /// money gains or loses.
    pub council_npv_without_grant_gbp: f64,
    pub council_cashable_npv_gbp: f64,
    pub public_npv_gbp: f64,
    pub bcr: Option<f64>,
    pub payback_years: Option<f64>,
    /// The chance the council's NPV is above zero, when simulated.
    pub probability_council_npv_positive: Option<f64>,
    /// The council's EVPI (what knowing every figure before deciding is
    /// worth to it), when simulated.
    pub evpi_gbp: Option<f64>,
    /// The teams or hubs the council would run.
    pub service_units: f64,
    /// What the council's statistics set in this programme, field by field.
    pub prefills: Vec<Prefill>,
    /// Which figures the effects are: an evidence set, the defaults or own figures.
    pub effects: EffectsUsed,
    /// Whether a set's figures are also the calculator's defaults (false
    /// for the defaults or own figures: the words need it only beside sets).
    pub effects_at_defaults: bool,
}

impl CouncilResult {
    /// The figure a field was set to for this council (its value), if set.
    pub fn figure(&self, field: Field) -> Option<f64> {
        self.prefills
            .iter()
            .find(|p| p.field == field)
            .and_then(|p| p.value)
            .map(|v| v.value)
    }
}

/// Every enabled programme of `template` appraised with `council`'s
/// figures (and simulated, with a configuration).
pub fn appraise_council(
    template: &Scenario,
    council: &'static Council,
    simulation: Option<crate::uncertainty::SimulationConfig>,
) -> Vec<CouncilResult> {
    let mut scenario = template.clone();
    let prefills = apply_figures(&mut scenario, council);
    let simulated = simulation.map(|config| crate::uncertainty::simulate(&scenario, config));
    scenario
        .enabled()
        .map(|inputs| {
            let a = appraise_programme(inputs, &scenario.appraisal);
            let simulated = simulated.as_ref().and_then(|u| {
                u.programmes
                    .iter()
                    .find(|p| p.programme == inputs.programme)
            });
            // Whether they are also the defaults is worded only beside sets.
            let effects = evidence_sets::effects_used(inputs, scenario.price_year);
            CouncilResult {
                council,
                programme: inputs.programme,
                council_npv_gbp: a.council_npv_gbp,
                council_npv_without_grant_gbp: a.council_npv_gbp - a.present_values.grant_gbp,
                council_cashable_npv_gbp: a.council_cashable_npv_gbp,
                public_npv_gbp: a.public_npv_gbp,
                bcr: a.bcr,
                payback_years: a.payback_years,
                probability_council_npv_positive: simulated
                    .map(|p| p.probability_council_npv_positive),
                evpi_gbp: simulated.map(|p| p.decision.evpi_gbp),
                service_units: inputs.get(Field::ServiceUnits).value,
                prefills: prefills
                    .iter()
                    .filter(|p| p.programme == inputs.programme)
                    .cloned()
                    .collect(),
                effects_at_defaults: matches!(effects, EffectsUsed::Sets(_))
                    && evidence_sets::at_defaults(inputs, scenario.price_year),
                effects,
            }
        })
        .collect()
}

/// One model across every council: how many gain, and the spread.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelSummary {
    pub programme: ProgrammeId,
    pub councils: usize,
    /// Councils whose council NPV is above zero.
    pub positive: usize,
    /// Councils whose council NPV without the grant is above zero.
    pub positive_without_grant: usize,
    pub median_council_npv_gbp: f64,
    /// The lowest and highest council NPV, with their councils.
    pub lowest: (&'static str, f64),
    pub highest: (&'static str, f64),
    /// EVPI summed over the councils, when simulated: the most that
    /// settling every figure (what the trials measure among them) could be
    /// worth to all councils together.
    pub evpi_total_gbp: Option<f64>,
}

/// A summary a model, in [`ProgrammeId::ALL`]'s order, of the rows given.
pub fn summarise(rows: &[CouncilResult]) -> Vec<ModelSummary> {
    ProgrammeId::ALL
        .into_iter()
        .filter_map(|programme| {
            let mut npvs: Vec<(&'static str, f64)> = rows
                .iter()
                .filter(|r| r.programme == programme)
                .map(|r| (r.council.name, r.council_npv_gbp))
                .collect();
            npvs.sort_by(|a, b| a.1.total_cmp(&b.1));
            let n = npvs.len();
            let median = match n {
                0 => return None,
                n if n % 2 == 1 => npvs[n / 2].1,
                n => (npvs[n / 2 - 1].1 + npvs[n / 2].1) / 2.0,
            };
            Some(ModelSummary {
                programme,
                councils: n,
                positive: npvs.iter().filter(|(_, v)| *v > 0.0).count(),
                positive_without_grant: rows
                    .iter()
                    .filter(|r| r.programme == programme && r.council_npv_without_grant_gbp > 0.0)
                    .count(),
                median_council_npv_gbp: median,
                evpi_total_gbp: rows
                    .iter()
                    .filter(|r| r.programme == programme)
                    .map(|r| r.evpi_gbp)
                    .sum::<Option<f64>>(),
                lowest: npvs[0],
                highest: npvs[n - 1],
            })
        })
        .collect()
}
