//! Green Book appraisal of a programme's yearly cash flows.
//!
//! # Formula
//! For each year t = 0 .. horizon−1 (year 0 is the first year, as in the Green
//! Book tables):
//!
//! - effect multiplier m_t = ramp_up[t] (last entry repeats) × (1 − deadweight) × (1 − optimism_bias)
//! - benefits_t = m_t × headline effect × council £ per unit of effect
//! - partner_benefits_t = m_t × partner saving a year (Family Safeguarding: police and NHS)
//! - costs_t = setup (year 0 only) + running cost + ramp_up[t] × volume cost
//! - grant_t = grant_by_year[t] (0 past the list's end)
//! - council_net_t = benefits_t − costs_t + grant_t
//! - discount factor DF_t = 1 / (1 + r)^t
//!
//! and over the horizon:
//!
//! - council NPV = Σ DF_t × council_net_t
//! - public-sector NPV = Σ DF_t × (benefits_t + partner_benefits_t − costs_t); the
//!   grant is a transfer inside the public sector, so it nets out
//! - BCR = PV(benefits + partner benefits) / PV(costs) (HM Treasury Green Book)
//! - council ROI = (PV(benefits) − PV(costs − grant)) / PV(costs − grant)
//! - payback: see [`payback_years`]; break-even effect: see [`break_even_effect`]
//!
//! Every function here takes validated input and cannot fail; where a ratio has
//! no meaning (no costs, no net cost to the council) it says so with `None` or
//! a variant, never with NaN or infinity.

use crate::programmes::{Central, Flows, ProgrammeId, SavingsModel};
use crate::scenario::{AppraisalSettings, Scenario};

/// One year of a programme's appraisal, in pounds at the scenario's price year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    /// 0 is the first year.
    pub year: u32,
    pub effect_multiplier: f64,
    pub benefits_gbp: f64,
    pub partner_benefits_gbp: f64,
    pub costs_gbp: f64,
    pub grant_gbp: f64,
    pub council_net_gbp: f64,
    pub discount_factor: f64,
    pub cumulative_council_net_gbp: f64,
    pub cumulative_discounted_council_net_gbp: f64,
}

impl YearRow {
    /// The row's figures after the year, in field order: multiplier, benefits,
    /// partner benefits, costs, grant, council net, discount factor,
    /// cumulative net, cumulative discounted net.
    pub fn figures(&self) -> [f64; 9] {
        [
            self.effect_multiplier,
            self.benefits_gbp,
            self.partner_benefits_gbp,
            self.costs_gbp,
            self.grant_gbp,
            self.council_net_gbp,
            self.discount_factor,
            self.cumulative_council_net_gbp,
            self.cumulative_discounted_council_net_gbp,
        ]
    }
}

/// Council return on investment, or why there is none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CouncilRoi {
    /// (PV(benefits) − PV(costs − grant)) / PV(costs − grant).
    Ratio(f64),
    /// The grant covers the council's whole cost in present-value terms, so
    /// the council invests nothing of its own and a ratio would be meaningless.
    FullyGrantFunded,
}

/// Present values over the horizon, in pounds.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct PresentValues {
    pub benefits_gbp: f64,
    pub partner_benefits_gbp: f64,
    pub costs_gbp: f64,
    pub grant_gbp: f64,
    /// Σ DF_t × m_t: the discounted years of full effect delivered.
    pub effect_years: f64,
}

impl PresentValues {
    pub fn council_npv_gbp(&self) -> f64 {
        self.benefits_gbp - self.costs_gbp + self.grant_gbp
    }

    pub fn public_npv_gbp(&self) -> f64 {
        self.benefits_gbp + self.partner_benefits_gbp - self.costs_gbp
    }

    /// `None` when there are no costs to divide by.
    pub fn bcr(&self) -> Option<f64> {
        ratio(
            self.benefits_gbp + self.partner_benefits_gbp,
            self.costs_gbp,
        )
    }

    /// A council cost too small for the ratio to be a number (a fraction of a
    /// penny) counts as none: the grant covers it.
    pub fn council_roi(&self) -> CouncilRoi {
        let own_cost = self.costs_gbp - self.grant_gbp;
        match ratio(self.benefits_gbp - own_cost, own_cost) {
            Some(r) if own_cost > 0.0 => CouncilRoi::Ratio(r),
            _ => CouncilRoi::FullyGrantFunded,
        }
    }
}

/// A programme's appraisal: the yearly table and its summary measures.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeAppraisal {
    pub programme: ProgrammeId,
    pub years: Vec<YearRow>,
    pub present_values: PresentValues,
    pub council_npv_gbp: f64,
    pub public_npv_gbp: f64,
    pub bcr: Option<f64>,
    pub council_roi: CouncilRoi,
    pub payback_years: Option<f64>,
    /// The headline effect's value in the scenario.
    pub headline_effect: f64,
    pub break_even_effect: Option<f64>,
}

/// The appraisal of every enabled programme in a scenario, in the order of
/// [`ProgrammeId::ALL`].
#[derive(Clone, Debug, PartialEq)]
pub struct Appraisal {
    pub programmes: Vec<ProgrammeAppraisal>,
}

/// 1 / (1 + r)^t, by repeated multiplication: exactly rounded steps give the
/// same bits on every platform, natively and in WebAssembly.
pub fn discount_factor(rate: f64, year: u32) -> f64 {
    let mut growth = 1.0;
    for _ in 0..year {
        growth *= 1.0 + rate;
    }
    1.0 / growth
}

/// Entry t of a ramp-up list, the last entry repeating past its end.
fn ramp_at(ramp_up_fraction: &[f64], year: u32) -> f64 {
    let index = (year as usize).min(ramp_up_fraction.len().saturating_sub(1));
    ramp_up_fraction.get(index).copied().unwrap_or(1.0)
}

/// The yearly rows of a programme's appraisal.
pub fn year_rows(flows: &Flows, settings: &AppraisalSettings) -> Vec<YearRow> {
    let mut rows = Vec::with_capacity(settings.horizon_years as usize);
    year_rows_into(flows, settings, &mut rows);
    rows
}

/// [`year_rows`] into a buffer the caller reuses: the Monte Carlo simulation
/// runs this same code for every draw without allocating.
pub fn year_rows_into(flows: &Flows, settings: &AppraisalSettings, rows: &mut Vec<YearRow>) {
    rows.clear();
    let full_benefit_gbp = flows.headline_effect * flows.council_gbp_per_unit_effect;
    let credited = (1.0 - flows.deadweight_fraction) * (1.0 - flows.optimism_bias_fraction);
    let mut cumulative = 0.0;
    let mut cumulative_discounted = 0.0;
    let mut growth = 1.0;
    rows.extend((0..settings.horizon_years).map(|year| {
        let discount_factor = 1.0 / growth;
        growth *= 1.0 + settings.discount_rate;
        let ramp = ramp_at(flows.ramp_up_fraction, year);
        let effect_multiplier = ramp * credited;
        let setup = if year == 0 { flows.setup_cost_gbp } else { 0.0 };
        let benefits_gbp = effect_multiplier * full_benefit_gbp;
        let costs_gbp =
            setup + flows.running_cost_per_year_gbp + ramp * flows.volume_cost_per_year_gbp;
        let grant_gbp = flows
            .grant_by_year_gbp
            .get(year as usize)
            .copied()
            .unwrap_or(0.0);
        let council_net_gbp = benefits_gbp - costs_gbp + grant_gbp;
        cumulative += council_net_gbp;
        cumulative_discounted += discount_factor * council_net_gbp;
        YearRow {
            year,
            effect_multiplier,
            benefits_gbp,
            partner_benefits_gbp: effect_multiplier * flows.partner_benefit_per_year_gbp,
            costs_gbp,
            grant_gbp,
            council_net_gbp,
            discount_factor,
            cumulative_council_net_gbp: cumulative,
            cumulative_discounted_council_net_gbp: cumulative_discounted,
        }
    }));
}

/// Sums the rows' discounted flows.
pub fn present_values(rows: &[YearRow]) -> PresentValues {
    rows.iter().fold(PresentValues::default(), |pv, row| {
        let df = row.discount_factor;
        PresentValues {
            benefits_gbp: pv.benefits_gbp + df * row.benefits_gbp,
            partner_benefits_gbp: pv.partner_benefits_gbp + df * row.partner_benefits_gbp,
            costs_gbp: pv.costs_gbp + df * row.costs_gbp,
            grant_gbp: pv.grant_gbp + df * row.grant_gbp,
            effect_years: pv.effect_years + df * row.effect_multiplier,
        }
    })
}

/// Years from the start of year 0 until the council has paid back for good:
/// the point after which cumulative undiscounted council net is never below 0
/// again within the horizon. Each year's flow is spread evenly over the year,
/// so cumulative −£100k at the end of year 1 and +£250k net in year 2 gives
/// 2 + 100/250 = 2.4.
///
/// `Some(0.0)` when the cumulative net is never negative; `None` when it is
/// still negative at the end of the horizon.
pub fn payback_years(council_net_gbp: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut cumulative = 0.0_f64;
    let mut payback = Some(0.0);
    for (year, net) in council_net_gbp.into_iter().enumerate() {
        let start = cumulative;
        cumulative += net;
        if cumulative < 0.0 {
            payback = None;
        } else if start < 0.0 {
            // start < 0 <= cumulative, so net > 0.
            payback = Some(year as f64 + (-start) / net);
        }
    }
    payback
}

/// The headline effect at which council NPV is zero, everything else held.
///
/// Council NPV is linear in the headline effect e:
/// NPV(e) = e × £ per unit × Σ DF_t m_t − PV(costs) + PV(grant), so
/// e* = (PV(costs) − PV(grant)) / (£ per unit × Σ DF_t m_t).
/// `None` when the effect does not move NPV (no cohort, or no effect credited).
/// The value may lie outside what is achievable (a reduction above 1): the
/// display says so; the number is still the honest answer.
pub fn break_even_effect(flows: &Flows, pv: &PresentValues) -> Option<f64> {
    let npv_per_unit_effect = flows.council_gbp_per_unit_effect * pv.effect_years;
    ratio(pv.costs_gbp - pv.grant_gbp, npv_per_unit_effect)
}

/// `numerator / denominator` for a positive (or, for break-even, non-zero)
/// denominator, or `None` when the quotient is not a finite number: a
/// denominator of a fraction of a penny (found by fuzzing: a saving per
/// family of 5e-324 pounds) would otherwise give an infinite break-even.
fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator != 0.0)
        .then(|| numerator / denominator)
        .filter(|r| r.is_finite())
}

/// Appraises cash flows over the settings' horizon.
pub fn appraise_flows(
    programme: ProgrammeId,
    flows: &Flows,
    settings: &AppraisalSettings,
) -> ProgrammeAppraisal {
    let years = year_rows(flows, settings);
    let pv = present_values(&years);
    ProgrammeAppraisal {
        programme,
        payback_years: payback_years(years.iter().map(|row| row.council_net_gbp)),
        years,
        council_npv_gbp: pv.council_npv_gbp(),
        public_npv_gbp: pv.public_npv_gbp(),
        bcr: pv.bcr(),
        council_roi: pv.council_roi(),
        headline_effect: flows.headline_effect,
        break_even_effect: break_even_effect(flows, &pv),
        present_values: pv,
    }
}

/// Appraises one model at its central values.
pub fn appraise_model(
    model: &impl SavingsModel,
    settings: &AppraisalSettings,
) -> ProgrammeAppraisal {
    appraise_flows(model.id(), &model.flows(&mut Central), settings)
}

/// Appraises every enabled programme of a validated scenario.
pub fn appraise(scenario: &Scenario) -> Appraisal {
    let programmes = scenario
        .programmes
        .enabled()
        .map(|model| appraise_model(&model, &scenario.appraisal))
        .collect();
    Appraisal { programmes }
}
