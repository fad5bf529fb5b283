//! Green Book appraisal of a programme's benefit streams and costs.
//!
//! # Formula
//! For each year t = 0 .. horizon−1 (year 0 is the first year, as in the Green
//! Book tables):
//!
//! - effect multiplier m_t = ramp_up[t] (last entry repeats) × (1 − deadweight) × (1 − optimism_bias)
//! - a yearly-saving stream: saving_t = m_t × effect × £ per unit of effect
//! - an entries-to-care stream: avoided_k = m_k × entries a year × reduction;
//!   each avoided entry saves a year's cost of care (less the support the
//!   child gets instead) for `care_years` years from the point s of year k
//!   at which it would have started: saving_t = annual × Σ_{k ≤ t} avoided_k ×
//!   (the part of [k + s, k + s + care_years] in year t). Formats 1 to 3 take
//!   s = 0, the start of the year; format 4 the Green Book's mid-year
//!   convention, s = ½, as entries happen all through a year (see
//!   [`crate::scenario::Conventions`]). What falls after the horizon is
//!   reported, not counted.
//! - benefits_t = Σ savings of the council's streams; partner_benefits_t =
//!   Σ of everyone else's; cashable_t = Σ cashable share × council saving
//! - costs_t = (setup (year 0 only) + running cost + staff + ramp_up[t] ×
//!   volume cost) × (1 + optimism bias on costs)
//! - grant_t = grant_by_year[t] (0 past the list's end)
//! - council_net_t = benefits_t − costs_t + grant_t
//! - discount factor DF_t = 1 / (1 + r)^t
//!
//! and over the horizon:
//!
//! - council NPV = Σ DF_t × council_net_t
//! - council cashable NPV = Σ DF_t × (cashable_t − costs_t + grant_t)
//! - public-sector NPV = Σ DF_t × (benefits_t + partner_benefits_t − costs_t); the
//!   grant is a transfer inside the public sector, so it nets out
//! - BCR = PV(benefits + partner benefits) / PV(costs) (HM Treasury Green Book)
//! - council ROI = (PV(benefits) − PV(costs − grant)) / PV(costs − grant)
//! - council NPV without the grant = council NPV − PV(grant)
//! - payback: see [`payback_years`] (format 4: on DF_t × council_net_t);
//!   break-even of each effect: see [`break_even`]
//!
//! Every function here takes validated input and cannot fail; where a ratio has
//! no meaning (no costs, no net cost to the council) it says so with `None` or
//! a variant, never with NaN or infinity.

use crate::programmes::{flows, Central, Flows, StreamFlow, StreamShape};
use crate::registry::{Field, Payer, ProgrammeId, StreamKey};
use crate::scenario::{AppraisalSettings, ProgrammeInputs, Scenario};

/// One year of a programme's appraisal, in pounds at the scenario's price year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    /// 0 is the first year.
    pub year: u32,
    pub effect_multiplier: f64,
    /// The council's savings, all its streams.
    pub benefits_gbp: f64,
    /// Everyone else's savings (police, NHS, …).
    pub partner_benefits_gbp: f64,
    /// The share of the council's savings a budget line can actually lose.
    pub cashable_benefits_gbp: f64,
    pub costs_gbp: f64,
    pub grant_gbp: f64,
    pub council_net_gbp: f64,
    pub discount_factor: f64,
    pub cumulative_council_net_gbp: f64,
    pub cumulative_discounted_council_net_gbp: f64,
}

impl YearRow {
    /// The row's figures after the year, in field order: multiplier, benefits,
    /// partner benefits, cashable benefits, costs, grant, council net,
    /// discount factor, cumulative net, cumulative discounted net.
    pub fn figures(&self) -> [f64; 10] {
        [
            self.effect_multiplier,
            self.benefits_gbp,
            self.partner_benefits_gbp,
            self.cashable_benefits_gbp,
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
    pub cashable_benefits_gbp: f64,
    pub costs_gbp: f64,
    pub grant_gbp: f64,
    /// Σ DF_t × m_t: the discounted years of full effect delivered.
    pub effect_years: f64,
}

impl PresentValues {
    pub fn council_npv_gbp(&self) -> f64 {
        self.benefits_gbp - self.costs_gbp + self.grant_gbp
    }

    pub fn council_cashable_npv_gbp(&self) -> f64 {
        self.cashable_benefits_gbp - self.costs_gbp + self.grant_gbp
    }

    /// The council's NPV had it no grant: the grant is shown both ways.
    pub fn council_npv_without_grant_gbp(&self) -> f64 {
        self.benefits_gbp - self.costs_gbp
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

/// One stream's part of a programme's appraisal.
#[derive(Clone, Debug, PartialEq)]
pub struct StreamAppraisal {
    pub stream: StreamKey,
    pub payer: Payer,
    pub cashable_fraction: f64,
    /// `false` when the council chose not to count it: its figures are 0.
    pub included: bool,
    pub effect_field: Field,
    pub effect: f64,
    /// The saving in each year of the horizon.
    pub benefits_gbp: Vec<f64>,
    pub pv_gbp: f64,
    /// Savings after the appraisal period (children kept out of care whose
    /// care would have run on), undiscounted: not in any NPV.
    pub after_horizon_gbp: f64,
    /// The effect at which council NPV is zero, the rest held; `None` for a
    /// stream that is not the council's, or whose effect moves nothing.
    pub break_even_effect: Option<f64>,
    /// An entries-to-care stream's year of care for one child, from the
    /// placement mix (`None` for other streams, or when left out).
    pub annual_cost_of_care_gbp: Option<f64>,
}

/// A programme's appraisal: the yearly table and its summary measures.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeAppraisal {
    pub programme: ProgrammeId,
    pub years: Vec<YearRow>,
    /// Every stream of the programme, in its order, counted or not.
    pub streams: Vec<StreamAppraisal>,
    pub present_values: PresentValues,
    pub council_npv_gbp: f64,
    pub council_cashable_npv_gbp: f64,
    pub public_npv_gbp: f64,
    pub bcr: Option<f64>,
    pub council_roi: CouncilRoi,
    pub payback_years: Option<f64>,
    /// Whether payback is read off the discounted position (format 4).
    pub payback_discounted: bool,
    /// Years after payback in which the council is out of pocket (its net
    /// for the year below zero), with that year's net: the warning a
    /// payback figure needs.
    pub losses_after_payback: Vec<(u32, f64)>,
    /// The same flows over [`LONGER_VIEW_YEARS`], when the horizon is
    /// shorter: savings from children kept out of care come late.
    pub longer_view: Option<LongerView>,
    /// The headline stream's effect ([`ProgrammeId::headline_stream`]).
    pub headline_effect: f64,
    pub break_even_effect: Option<f64>,
}

/// The longer view's horizon: ten years, beside the five-year default.
pub const LONGER_VIEW_YEARS: u32 = 10;

/// A programme's measures over [`LONGER_VIEW_YEARS`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LongerView {
    pub horizon_years: u32,
    pub council_npv_gbp: f64,
    pub council_npv_without_grant_gbp: f64,
    pub council_cashable_npv_gbp: f64,
    pub public_npv_gbp: f64,
    pub payback_years: Option<f64>,
}

/// The flows appraised over ten years, when the horizon is shorter.
fn longer_view(flows: &Flows, settings: &AppraisalSettings) -> Option<LongerView> {
    if settings.horizon_years >= LONGER_VIEW_YEARS {
        return None;
    }
    let longer = AppraisalSettings {
        horizon_years: LONGER_VIEW_YEARS,
        ..*settings
    };
    let rows = year_rows(flows, &longer);
    let pv = present_values(&rows);
    Some(LongerView {
        horizon_years: LONGER_VIEW_YEARS,
        council_npv_gbp: pv.council_npv_gbp(),
        council_npv_without_grant_gbp: pv.council_npv_without_grant_gbp(),
        council_cashable_npv_gbp: pv.council_cashable_npv_gbp(),
        public_npv_gbp: pv.public_npv_gbp(),
        payback_years: council_payback(&rows, &longer),
    })
}

/// Payback under the scenario's conventions: on the discounted position
/// (format 4) or the undiscounted one (formats 1 to 3).
pub(crate) fn council_payback(rows: &[YearRow], settings: &AppraisalSettings) -> Option<f64> {
    if settings.conventions.discounted_payback() {
        payback_years(rows.iter().map(|r| r.discount_factor * r.council_net_gbp))
    } else {
        payback_years(rows.iter().map(|r| r.council_net_gbp))
    }
}

/// The years that start at or after payback whose council net is below
/// zero (none without a payback: the council never pays back).
fn losses_after(rows: &[YearRow], payback: Option<f64>) -> Vec<(u32, f64)> {
    let Some(payback) = payback else {
        return Vec::new();
    };
    rows.iter()
        .filter(|r| f64::from(r.year) >= payback && r.council_net_gbp < 0.0)
        .map(|r| (r.year, r.council_net_gbp))
        .collect()
}

impl ProgrammeAppraisal {
    /// Present value of benefits by who receives them, for each payer with a
    /// stream counted, in [`Payer::ALL`] order. The values add up to
    /// PV(benefits + partner benefits).
    pub fn pv_by_payer(&self) -> Vec<(Payer, f64)> {
        Payer::ALL
            .iter()
            .filter_map(|&payer| {
                let streams = self
                    .streams
                    .iter()
                    .filter(|s| s.included && s.payer == payer);
                let mut any = false;
                let pv = streams.fold(0.0, |sum, s| {
                    any = true;
                    sum + s.pv_gbp
                });
                any.then_some((payer, pv))
            })
            .collect()
    }

    pub fn stream(&self, key: StreamKey) -> Option<&StreamAppraisal> {
        self.streams.iter().find(|s| s.stream == key)
    }
}

/// The appraisal of every enabled programme in a scenario, in the order of
/// [`ProgrammeId::ALL`].
#[derive(Clone, Debug, PartialEq)]
pub struct Appraisal {
    pub programmes: Vec<ProgrammeAppraisal>,
}

/// Entry t of a ramp-up list, the last entry repeating past its end.
fn ramp_at(ramp_up_fraction: &[f64], year: u32) -> f64 {
    let index = (year as usize).min(ramp_up_fraction.len().saturating_sub(1));
    ramp_up_fraction.get(index).copied().unwrap_or(1.0)
}

/// Buffers an appraisal reuses, so the Monte Carlo simulation runs the same
/// code for every draw without allocating.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    multipliers: Vec<f64>,
    /// Stream-major: the saving of stream i in year t is at i × horizon + t.
    savings: Vec<f64>,
    pub rows: Vec<YearRow>,
    /// Each year's discount factor, for `discount_rate_bits` (a division a
    /// year, which every draw of a run would otherwise do again).
    discount_factors: Vec<f64>,
    discount_rate_bits: u64,
}

impl Workspace {
    /// 1 / (1 + r)^t for t = 0 … horizon − 1, each the same number the
    /// year loop worked out: (1 + r) multiplied in year by year, then one
    /// division.
    fn ensure_discount_factors(&mut self, settings: &AppraisalSettings) {
        let (bits, horizon) = (
            settings.discount_rate.to_bits(),
            settings.horizon_years as usize,
        );
        if self.discount_factors.len() != horizon || self.discount_rate_bits != bits {
            self.discount_factors.clear();
            let mut growth = 1.0;
            for _ in 0..horizon {
                self.discount_factors.push(1.0 / growth);
                growth *= 1.0 + settings.discount_rate;
            }
            self.discount_rate_bits = bits;
        }
    }
}

/// The years of care in year k + `years_since` of a child whose care would
/// have run `care_years` from the point `start` (0 to ½) of year k: the part
/// of [start, start + care_years] in [years_since, years_since + 1].
/// With `start` = 0: clamp(care_years − years_since, 0, 1).
#[inline]
fn care_in_year(care_years: f64, start: f64, years_since: f64) -> f64 {
    if years_since == 0.0 {
        care_years.min(1.0 - start).clamp(0.0, 1.0)
    } else {
        (care_years - (years_since - start)).clamp(0.0, 1.0)
    }
}

/// Yearly savings of an entries-to-care stream, into `out` (one per year):
/// saving_t = annual × Σ_{k ≤ t} m_k × entries × [`care_in_year`].
/// `entries` is the entries avoided a year at full effect; `start` when in
/// its year an entry would have started care.
fn care_savings(
    multipliers: &[f64],
    (entries, annual_cost_gbp): (f64, f64),
    (care_years, start): (f64, f64),
    out: &mut [f64],
) {
    // Entries avoided more than `care_years` (+ start) before t have left care.
    let reach = (care_years + start).ceil() as usize;
    for (t, saving) in out.iter_mut().enumerate() {
        let first = t.saturating_sub(reach);
        let mut child_years = 0.0;
        for (k, m) in multipliers[first..=t].iter().enumerate() {
            let years_since = (t - first - k) as f64;
            child_years += m * entries * care_in_year(care_years, start, years_since);
        }
        *saving = annual_cost_gbp * child_years;
    }
}

/// Savings of an entries-to-care stream after the horizon: each entry avoided
/// in year k has max(0, care_years − (horizon − k − start)) years of care left.
fn care_after_horizon(
    multipliers: &[f64],
    (entries, annual): (f64, f64),
    (care_years, start): (f64, f64),
) -> f64 {
    let horizon = multipliers.len();
    let child_years = multipliers.iter().enumerate().fold(0.0, |sum, (k, m)| {
        sum + m * entries * (care_years - ((horizon - k) as f64 - start)).max(0.0)
    });
    annual * child_years
}

/// A stream's saving in each year, into `out`; `start` as in [`care_savings`].
fn stream_savings(stream: &StreamFlow, multipliers: &[f64], start: f64, out: &mut [f64]) {
    match stream.shape {
        StreamShape::Yearly {
            gbp_per_unit_effect,
        } => {
            let full = stream.effect * gbp_per_unit_effect;
            for (saving, m) in out.iter_mut().zip(multipliers) {
                *saving = m * full;
            }
        }
        StreamShape::CareEntries {
            entries_per_year,
            annual_cost_gbp,
            care_years,
        } => care_savings(
            multipliers,
            (entries_per_year * stream.effect, annual_cost_gbp),
            (care_years, start),
            out,
        ),
    }
}

/// The yearly rows of a programme's appraisal.
pub fn year_rows(flows: &Flows, settings: &AppraisalSettings) -> Vec<YearRow> {
    let mut ws = Workspace::default();
    year_rows_into(flows, settings, &mut ws);
    ws.rows
}

/// Sums of the yearly-saving streams at full effect, by whose they are: the
/// year's total is m_t × this, as one product.
///
/// Streams with the same pounds per unit of effect (Family Safeguarding's
/// police and NHS savings, both per family worked with) are summed as
/// per unit × (e₁ + e₂), not e₁ × per unit + e₂ × per unit: format 1's
/// arithmetic, so that a format-1 scenario keeps its figures to the last digit.
#[derive(Clone, Copy)]
struct FullEffect {
    council: f64,
    partner: f64,
    cashable: f64,
}

fn full_effect(flows: &Flows) -> FullEffect {
    let streams = flows.streams();
    let per_unit_of = |s: &StreamFlow| match s.shape {
        StreamShape::Yearly {
            gbp_per_unit_effect,
        } => Some(gbp_per_unit_effect),
        StreamShape::CareEntries { .. } => None,
    };
    let mut cashable = -0.0;
    // The council's sum starts at −0 so that one stream's −0 stays −0, as in
    // format 1; partners' at +0, as format 1's "no partner saving" was.
    let (mut council, mut partner) = (-0.0, 0.0);
    // Each group of streams with the same pounds per unit (and payer) is
    // summed where its first stream is: Σ effects in stream order, times
    // the pounds. (No list of groups: a draw fills no array.)
    for (i, s) in streams.iter().enumerate() {
        let Some(per_unit) = per_unit_of(s) else {
            continue;
        };
        let is_council = s.payer.is_council();
        if is_council {
            cashable += s.cashable_fraction * (s.effect * per_unit);
        }
        let same = |t: &&StreamFlow| {
            per_unit_of(t).is_some_and(|p| p.to_bits() == per_unit.to_bits())
                && t.payer.is_council() == is_council
        };
        if streams[..i].iter().any(|t| same(&t)) {
            continue;
        }
        let effects = streams[i + 1..]
            .iter()
            .filter(same)
            .fold(s.effect, |sum, t| sum + t.effect);
        if is_council {
            council += effects * per_unit;
        } else {
            partner += per_unit * effects;
        }
    }
    FullEffect {
        council,
        partner,
        cashable,
    }
}

/// [`year_rows`] into buffers the caller reuses (`ws.rows` holds the result).
pub fn year_rows_into(flows: &Flows, settings: &AppraisalSettings, ws: &mut Workspace) {
    let horizon = settings.horizon_years as usize;
    let credited = (1.0 - flows.deadweight_fraction) * (1.0 - flows.optimism_bias_fraction);
    ws.multipliers.clear();
    ws.multipliers
        .extend((0..settings.horizon_years).map(|t| ramp_at(flows.ramp_up_fraction, t) * credited));
    let streams = flows.streams();
    let start = settings.conventions.entry_point_in_year();
    // Only entries-to-care streams' slots are written and read: the others
    // keep whatever they held (no clearing a draw).
    if ws.savings.len() < streams.len() * horizon {
        ws.savings.resize(streams.len() * horizon, 0.0);
    }
    for (i, s) in streams.iter().enumerate() {
        if matches!(s.shape, StreamShape::CareEntries { .. }) {
            let out = &mut ws.savings[i * horizon..(i + 1) * horizon];
            stream_savings(s, &ws.multipliers, start, out);
        }
    }
    let full = full_effect(flows);
    ws.rows.clear();
    let mut cumulative = 0.0;
    let mut cumulative_discounted = 0.0;
    ws.ensure_discount_factors(settings);
    for year in 0..settings.horizon_years {
        let t = year as usize;
        let discount_factor = ws.discount_factors[t];
        let ramp = ramp_at(flows.ramp_up_fraction, year);
        let effect_multiplier = ws.multipliers[t];
        let mut care = FullEffect {
            council: -0.0,
            partner: -0.0,
            cashable: -0.0,
        };
        for (i, s) in streams.iter().enumerate() {
            if matches!(s.shape, StreamShape::CareEntries { .. }) {
                let saving = ws.savings[i * horizon + t];
                if s.payer.is_council() {
                    care.council += saving;
                    care.cashable += s.cashable_fraction * saving;
                } else {
                    care.partner += saving;
                }
            }
        }
        let benefits_gbp = effect_multiplier * full.council + care.council;
        let setup = if year == 0 { flows.setup_cost_gbp } else { 0.0 };
        let costs_gbp =
            (setup + flows.running_cost_per_year_gbp + ramp * flows.volume_cost_per_year_gbp)
                * (1.0 + flows.cost_optimism_bias_fraction);
        let grant_gbp = flows.grant_by_year_gbp.get(t).copied().unwrap_or(0.0);
        let council_net_gbp = benefits_gbp - costs_gbp + grant_gbp;
        cumulative += council_net_gbp;
        cumulative_discounted += discount_factor * council_net_gbp;
        ws.rows.push(YearRow {
            year,
            effect_multiplier,
            benefits_gbp,
            partner_benefits_gbp: effect_multiplier * full.partner + care.partner,
            cashable_benefits_gbp: effect_multiplier * full.cashable + care.cashable,
            costs_gbp,
            grant_gbp,
            council_net_gbp,
            discount_factor,
            cumulative_council_net_gbp: cumulative,
            cumulative_discounted_council_net_gbp: cumulative_discounted,
        });
    }
}

/// The present value of one counted stream of `flows`, last appraised into
/// `ws` with [`year_rows_into`]: Σ DF_t × its saving in year t.
pub(crate) fn stream_present_value(
    flows: &Flows,
    ws: &Workspace,
    pv: &PresentValues,
    key: StreamKey,
) -> Option<f64> {
    let (i, s) = flows
        .streams()
        .iter()
        .enumerate()
        .find(|(_, s)| s.key == key)?;
    Some(match s.shape {
        StreamShape::Yearly {
            gbp_per_unit_effect,
        } => s.effect * gbp_per_unit_effect * pv.effect_years,
        StreamShape::CareEntries { .. } => {
            let horizon = ws.rows.len();
            let savings = ws.savings.get(i * horizon..(i + 1) * horizon)?;
            savings
                .iter()
                .zip(&ws.rows)
                .fold(0.0, |sum, (x, row)| sum + row.discount_factor * x)
        }
    })
}

/// Sums the rows' discounted flows.
pub fn present_values(rows: &[YearRow]) -> PresentValues {
    rows.iter().fold(PresentValues::default(), |pv, row| {
        let df = row.discount_factor;
        PresentValues {
            benefits_gbp: pv.benefits_gbp + df * row.benefits_gbp,
            partner_benefits_gbp: pv.partner_benefits_gbp + df * row.partner_benefits_gbp,
            cashable_benefits_gbp: pv.cashable_benefits_gbp + df * row.cashable_benefits_gbp,
            costs_gbp: pv.costs_gbp + df * row.costs_gbp,
            grant_gbp: pv.grant_gbp + df * row.grant_gbp,
            effect_years: pv.effect_years + df * row.effect_multiplier,
        }
    })
}

/// Years from the start of year 0 until the council has paid back for good:
/// the point after which the cumulative sum of `council_net_gbp` (each
/// year's net, discounted or not: see [`council_payback`]) is never below 0
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

/// The value of a council stream's effect at which council NPV is zero,
/// everything else held.
///
/// Council NPV is linear in each effect e: NPV(e) = (PV(benefits) − PV_i) +
/// e × U_i − PV(costs) + PV(grant), where PV_i is the stream's present value
/// and U_i its present value per unit of effect, so
/// e* = (PV(costs) − PV(grant) − (PV(benefits) − PV_i)) / U_i.
/// `None` when the effect does not move NPV (no cohort, or no effect
/// credited). The value may lie outside what is achievable (a reduction
/// above 1): the display says so; the number is still the honest answer.
pub fn break_even(pv: &PresentValues, stream_pv_gbp: f64, pv_per_unit_effect: f64) -> Option<f64> {
    let others = pv.benefits_gbp - stream_pv_gbp;
    ratio(pv.costs_gbp - pv.grant_gbp - others, pv_per_unit_effect)
}

/// `numerator / denominator` for a non-zero denominator, or `None` when the
/// quotient is not a finite number: a denominator of a fraction of a penny
/// (found by fuzzing: a saving per family of 5e-324 pounds) would otherwise
/// give an infinite break-even.
fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator != 0.0)
        .then(|| numerator / denominator)
        .filter(|r| r.is_finite())
}

fn discounted(values: &[f64], rows: &[YearRow]) -> f64 {
    values
        .iter()
        .zip(rows)
        .fold(0.0, |pv, (x, row)| pv + row.discount_factor * x)
}

/// One counted stream's yearly savings, present values and break-even.
fn appraise_stream(
    s: &StreamFlow,
    (multipliers, start): (&[f64], f64),
    rows: &[YearRow],
    pv: &PresentValues,
) -> StreamAppraisal {
    let mut benefits = vec![0.0; rows.len()];
    stream_savings(s, multipliers, start, &mut benefits);
    let pv_gbp = discounted(&benefits, rows);
    let (after_horizon_gbp, pv_per_unit, annual_cost_of_care_gbp) = match s.shape {
        StreamShape::Yearly {
            gbp_per_unit_effect,
        } => (0.0, gbp_per_unit_effect * pv.effect_years, None),
        StreamShape::CareEntries {
            entries_per_year,
            annual_cost_gbp,
            care_years,
        } => {
            let mut per_unit = vec![0.0; rows.len()];
            let (entries, annual) = (entries_per_year, annual_cost_gbp);
            let care = (care_years, start);
            care_savings(multipliers, (entries, annual), care, &mut per_unit);
            let avoided = entries * s.effect;
            let after = care_after_horizon(multipliers, (avoided, annual), care);
            (after, discounted(&per_unit, rows), Some(annual))
        }
    };
    StreamAppraisal {
        stream: s.key,
        payer: s.payer,
        cashable_fraction: s.cashable_fraction,
        included: true,
        effect_field: s.effect_field,
        effect: s.effect,
        benefits_gbp: benefits,
        pv_gbp,
        after_horizon_gbp,
        break_even_effect: s
            .payer
            .is_council()
            .then(|| break_even(pv, pv_gbp, pv_per_unit))
            .flatten(),
        annual_cost_of_care_gbp,
    }
}

/// Appraises one programme's inputs at their central values.
pub fn appraise_programme(
    inputs: &ProgrammeInputs,
    settings: &AppraisalSettings,
) -> ProgrammeAppraisal {
    let flows = flows(inputs, &mut Central);
    let mut ws = Workspace::default();
    year_rows_into(&flows, settings, &mut ws);
    let pv = present_values(&ws.rows);
    let start = settings.conventions.entry_point_in_year();
    let spec = inputs.programme.spec();
    let streams: Vec<StreamAppraisal> = spec
        .streams
        .iter()
        .map(|stream| match flows.stream(stream.key) {
            Some(s) => appraise_stream(s, (&ws.multipliers, start), &ws.rows, &pv),
            None => StreamAppraisal {
                stream: stream.key,
                payer: stream.payer,
                cashable_fraction: inputs.get(stream.cashable).value,
                included: false,
                effect_field: stream.effect,
                effect: inputs.get(stream.effect).value,
                benefits_gbp: vec![0.0; ws.rows.len()],
                pv_gbp: 0.0,
                after_horizon_gbp: 0.0,
                break_even_effect: None,
                annual_cost_of_care_gbp: None,
            },
        })
        .collect();
    let headline = spec.streams[0].key;
    let headline_stream = streams.iter().find(|s| s.stream == headline);
    let payback = council_payback(&ws.rows, settings);
    ProgrammeAppraisal {
        programme: inputs.programme,
        losses_after_payback: losses_after(&ws.rows, payback),
        payback_years: payback,
        payback_discounted: settings.conventions.discounted_payback(),
        longer_view: longer_view(&flows, settings),
        headline_effect: inputs.get(spec.streams[0].effect).value,
        break_even_effect: headline_stream.and_then(|s| s.break_even_effect),
        streams,
        years: ws.rows,
        council_npv_gbp: pv.council_npv_gbp(),
        council_cashable_npv_gbp: pv.council_cashable_npv_gbp(),
        public_npv_gbp: pv.public_npv_gbp(),
        bcr: pv.bcr(),
        council_roi: pv.council_roi(),
        present_values: pv,
    }
}

/// Appraises every enabled programme of a validated scenario.
pub fn appraise(scenario: &Scenario) -> Appraisal {
    let programmes = scenario
        .enabled()
        .map(|inputs| appraise_programme(inputs, &scenario.appraisal))
        .collect();
    Appraisal { programmes }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pv(benefits: f64, partners: f64, cashable: f64, costs: f64, grant: f64) -> PresentValues {
        PresentValues {
            benefits_gbp: benefits,
            partner_benefits_gbp: partners,
            cashable_benefits_gbp: cashable,
            costs_gbp: costs,
            grant_gbp: grant,
            effect_years: 0.0,
        }
    }

    #[test]
    fn the_summary_measures_by_hand() {
        let p = pv(500.0, 200.0, 350.0, 400.0, 100.0);
        assert_eq!(p.council_npv_gbp(), 200.0); // 500 − 400 + 100
        assert_eq!(p.council_cashable_npv_gbp(), 50.0); // 350 − 400 + 100
        assert_eq!(p.council_npv_without_grant_gbp(), 100.0);
        assert_eq!(p.public_npv_gbp(), 300.0); // 500 + 200 − 400
        assert_eq!(p.bcr(), Some(700.0 / 400.0));
        // ROI on the council's own 300: (500 − 300) / 300.
        assert_eq!(p.council_roi(), CouncilRoi::Ratio(200.0 / 300.0));
        assert_eq!(
            pv(500.0, 0.0, 0.0, 400.0, 400.0).council_roi(),
            CouncilRoi::FullyGrantFunded
        );
        assert_eq!(
            pv(500.0, 0.0, 0.0, 400.0, 450.0).council_roi(),
            CouncilRoi::FullyGrantFunded
        );
        assert_eq!(pv(500.0, 0.0, 0.0, 0.0, 0.0).bcr(), None);
    }

    #[test]
    fn a_rows_figures_are_in_field_order() {
        let row = YearRow {
            year: 3,
            effect_multiplier: 1.0,
            benefits_gbp: 2.0,
            partner_benefits_gbp: 3.0,
            cashable_benefits_gbp: 4.0,
            costs_gbp: 5.0,
            grant_gbp: 6.0,
            council_net_gbp: 7.0,
            discount_factor: 8.0,
            cumulative_council_net_gbp: 9.0,
            cumulative_discounted_council_net_gbp: 10.0,
        };
        assert_eq!(
            row.figures(),
            [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]
        );
    }

    #[test]
    fn payback_is_the_last_crossing_spread_over_its_year() {
        // The doc's example: −£100k at the end of year 1, +£250k in year 2.
        assert_eq!(payback_years([-50.0, -50.0, 250.0]), Some(2.4));
        assert_eq!(payback_years([10.0, 20.0]), Some(0.0));
        assert_eq!(payback_years([-10.0, 5.0]), None);
        // Back above zero, below again, then above for good: the last crossing.
        assert_eq!(payback_years([-10.0, 20.0, -20.0, 20.0]), Some(3.5));
        // Exactly zero at a year's end counts as paid back.
        assert_eq!(payback_years([-10.0, 10.0]), Some(2.0));
        assert_eq!(payback_years([]), Some(0.0));
        // A year that ends at zero, after payback or from the start, moves nothing.
        assert_eq!(payback_years([-10.0, 10.0, 0.0]), Some(2.0));
        assert_eq!(payback_years([0.0, 0.0]), Some(0.0));
    }

    #[test]
    fn break_even_is_where_council_npv_crosses_zero() {
        // Costs 400, grant 100, other streams 150: this stream must give 150,
        // at 300 a unit of effect: 0.5.
        let p = pv(250.0, 0.0, 0.0, 400.0, 100.0);
        assert_eq!(break_even(&p, 100.0, 300.0), Some(0.5));
        assert_eq!(break_even(&p, 100.0, 0.0), None);
        assert_eq!(break_even(&p, 100.0, 5e-324), None);
        assert_eq!(ratio(1.0, -4.0), Some(-0.25));
    }

    #[test]
    fn care_in_each_year_from_its_start() {
        // 2.5 years of care from the start of year 0.
        let years: Vec<f64> = (0..4)
            .map(|k| care_in_year(2.5, 0.0, f64::from(k)))
            .collect();
        assert_eq!(years, [1.0, 1.0, 0.5, 0.0]);
        // From mid-year: half of year 0, then whole years, then what is left.
        let years: Vec<f64> = (0..4)
            .map(|k| care_in_year(2.5, 0.5, f64::from(k)))
            .collect();
        assert_eq!(years, [0.5, 1.0, 1.0, 0.0]);
        assert_eq!(care_in_year(0.25, 0.5, 0.0), 0.25);
        assert_eq!(care_in_year(0.25, 0.0, 1.0), 0.0);
    }

    #[test]
    fn care_savings_add_each_cohort_avoided() {
        // 2 entries avoided a year at full effect, £1,000 a child-year, 1.5
        // years of care from the start of the year; the effect ramps 0.5, 1, 1.
        let mut out = [0.0; 4];
        care_savings(&[0.5, 1.0, 1.0, 1.0], (2.0, 1000.0), (1.5, 0.0), &mut out);
        // Year 0: 1 child × 1 year. Year 1: 1 × 0.5 + 2 × 1. Then 2 × 0.5 + 2 × 1.
        assert_eq!(out, [1000.0, 2500.0, 3000.0, 3000.0]);
        // After a two-year horizon: year 0's cohort has 0 left, year 1's 0.5.
        let after = care_after_horizon(&[0.5, 1.0], (4.0, 1000.0), (1.5, 0.0));
        assert_eq!(after, 1000.0 * (4.0 * 0.5));
        let from_mid_year = care_after_horizon(&[1.0, 1.0], (1.0, 1000.0), (1.5, 0.5));
        // Year 0's entry: 1.5 − (2 − 0.5) = 0; year 1's: 1.5 − (1 − 0.5) = 1.
        assert_eq!(from_mid_year, 1000.0);
    }

    #[test]
    fn a_ramp_repeats_its_last_entry() {
        assert_eq!(ramp_at(&[0.2, 0.6, 1.0], 0), 0.2);
        assert_eq!(ramp_at(&[0.2, 0.6, 1.0], 1), 0.6);
        assert_eq!(ramp_at(&[0.2, 0.6, 0.9], 7), 0.9);
        assert_eq!(ramp_at(&[], 3), 1.0);
    }

    #[test]
    fn present_values_discount_each_row() {
        let row = |year: u32, df: f64, m: f64, b: f64, c: f64| YearRow {
            year,
            effect_multiplier: m,
            benefits_gbp: b,
            partner_benefits_gbp: 2.0 * b,
            cashable_benefits_gbp: 0.5 * b,
            costs_gbp: c,
            grant_gbp: 0.25 * c,
            council_net_gbp: b - 0.75 * c,
            discount_factor: df,
            cumulative_council_net_gbp: 0.0,
            cumulative_discounted_council_net_gbp: 0.0,
        };
        let rows = [row(0, 1.0, 0.5, 100.0, 40.0), row(1, 0.5, 1.0, 200.0, 80.0)];
        let p = present_values(&rows);
        assert_eq!(p.benefits_gbp, 200.0);
        assert_eq!(p.partner_benefits_gbp, 400.0);
        assert_eq!(p.cashable_benefits_gbp, 100.0);
        assert_eq!(p.costs_gbp, 80.0);
        assert_eq!(p.grant_gbp, 20.0);
        assert_eq!(p.effect_years, 1.0);
        assert_eq!(discounted(&[10.0, 10.0], &rows), 15.0);
        // Losses after payback: a year at or after it with a negative net.
        let mut late = rows.clone();
        late[1].council_net_gbp = -1.0;
        assert_eq!(losses_after(&late, Some(1.0)), vec![(1, -1.0)]);
        assert_eq!(losses_after(&late, Some(1.5)), vec![]);
        assert_eq!(losses_after(&late, None), vec![]);
        late[1].council_net_gbp = 0.0;
        assert_eq!(losses_after(&late, Some(1.0)), vec![]);
    }

    /// Family Safeguarding in round figures: 100 children on plans, half
    /// kept off at £3,000 a plan less £1,000 of case work; 100 families at
    /// £100 each to the police; £50,000 to set up, £60,000 a year; 20%
    /// deadweight; the effect ramps 50%, 100%; a £30,000 grant in year 0;
    /// then `extra`, with `excluded` left out.
    fn safeguarding(extra: &[(Field, f64)], excluded: &[StreamKey]) -> ProgrammeInputs {
        use crate::prices::PriceYear;
        use crate::scenario::Estimate;
        let id = ProgrammeId::FamilySafeguarding;
        let mut i = ProgrammeInputs::from_defaults(id, PriceYear::starting(2024));
        let cashable = id.spec().stream(StreamKey::CpPlans).unwrap().cashable;
        let base = [
            (Field::ChildrenOnCpPlans, 100.0),
            (Field::CpPlanReduction, 0.5),
            (Field::CostPerCpPlanYear, 3000.0),
            (Field::CinCaseWorkCostPerYear, 1000.0),
            (Field::FamiliesPerYear, 100.0),
            (Field::PoliceSavingPerFamily, 100.0),
            (Field::SetupCost, 50_000.0),
            (Field::RunningCost, 60_000.0),
            (Field::ServiceUnits, 1.0),
            (Field::RepurposedUnits, 0.0),
            (Field::Deadweight, 0.2),
            (Field::OptimismBias, 0.0),
            (Field::CostOptimismBias, 0.0),
            (cashable, 0.5),
        ];
        for &(field, x) in base.iter().chain(extra) {
            i.set(field, Estimate::fixed(x));
        }
        i.ramp_up_fraction = vec![0.5, 1.0];
        i.grant_by_year_gbp = vec![30_000.0];
        i.staff.clear();
        i.excluded_streams = excluded.to_vec();
        i
    }

    fn three_years(conventions: crate::scenario::Conventions) -> AppraisalSettings {
        AppraisalSettings {
            horizon_years: 3,
            discount_rate: 0.1,
            conventions,
        }
    }

    /// [`safeguarding`] with only its plans (council) and police (partner) streams.
    fn plans_and_police(conventions: crate::scenario::Conventions) -> ProgrammeAppraisal {
        let i = safeguarding(&[], &[StreamKey::Nhs, StreamKey::CareEntries]);
        appraise_programme(&i, &three_years(conventions))
    }

    #[test]
    fn a_programme_appraised_by_hand() {
        use crate::scenario::Conventions;
        let a = plans_and_police(Conventions::GreenBook);
        let column = |f: fn(&YearRow) -> f64| a.years.iter().map(f).collect::<Vec<f64>>();
        // Effect multipliers: ramp × (1 − deadweight).
        assert_eq!(column(|r| r.effect_multiplier), [0.4, 0.8, 0.8]);
        // Plans: 100 × 0.5 × £2,000 = £100,000 a year at full effect.
        assert_eq!(column(|r| r.benefits_gbp), [40_000.0, 80_000.0, 80_000.0]);
        assert_eq!(
            column(|r| r.partner_benefits_gbp),
            [4_000.0, 8_000.0, 8_000.0]
        );
        assert_eq!(
            column(|r| r.cashable_benefits_gbp),
            [20_000.0, 40_000.0, 40_000.0]
        );
        assert_eq!(column(|r| r.costs_gbp), [110_000.0, 60_000.0, 60_000.0]);
        assert_eq!(column(|r| r.grant_gbp), [30_000.0, 0.0, 0.0]);
        assert_eq!(
            column(|r| r.council_net_gbp),
            [-40_000.0, 20_000.0, 20_000.0]
        );
        assert_eq!(
            column(|r| r.cumulative_council_net_gbp),
            [-40_000.0, -20_000.0, 0.0]
        );
        let (d1, d2) = (1.0 / 1.1, 1.0 / (1.1 * 1.1));
        assert_eq!(column(|r| r.discount_factor), [1.0, d1, d2]);
        let discounted = -40_000.0 + d1 * 20_000.0;
        assert_eq!(a.years[1].cumulative_discounted_council_net_gbp, discounted);
        assert_eq!(a.years[2].year, 2);
        let pv_benefits = 40_000.0 + d1 * 80_000.0 + d2 * 80_000.0;
        let pv_costs = 110_000.0 + d1 * 60_000.0 + d2 * 60_000.0;
        assert!((a.council_npv_gbp - (pv_benefits - pv_costs + 30_000.0)).abs() < 1e-9);
        assert!((a.public_npv_gbp - (1.1 * pv_benefits - pv_costs)).abs() < 1e-9);
        assert!(
            (a.council_cashable_npv_gbp - (0.5 * pv_benefits - pv_costs + 30_000.0)).abs() < 1e-9
        );
        assert!((a.bcr.unwrap() - 1.1 * pv_benefits / pv_costs).abs() < 1e-12);
        assert_eq!(a.council_roi, a.present_values.council_roi());
        // Discounted, the council never pays back within three years; not
        // discounted (formats 1 to 3), it does at exactly three.
        assert_eq!((a.payback_years, a.payback_discounted), (None, true));
        let old = plans_and_police(Conventions::Format3);
        assert_eq!(
            (old.payback_years, old.payback_discounted),
            (Some(3.0), false)
        );
        assert_eq!(old.losses_after_payback, vec![]);
        // Over ten years it does, in its fourth year.
        let longer = a
            .longer_view
            .expect("a longer view of a three-year horizon");
        assert_eq!(longer.horizon_years, LONGER_VIEW_YEARS);
        assert!(longer.council_npv_gbp > a.council_npv_gbp);
        assert_eq!(
            longer.council_npv_without_grant_gbp,
            longer.council_npv_gbp - 30_000.0
        );
        assert!(longer.council_cashable_npv_gbp < longer.council_npv_gbp);
        assert!(longer.public_npv_gbp > longer.council_npv_without_grant_gbp);
        let payback = longer.payback_years.expect("paid back over ten years");
        assert!(payback > 3.0 && payback < 4.0, "{payback}");
        // The streams: plans counted, police a partner's, NHS and care left out.
        let plans = a.stream(StreamKey::CpPlans).unwrap();
        let effect_years = 0.4 + d1 * 0.8 + d2 * 0.8;
        assert!((plans.pv_gbp - 0.5 * 200_000.0 * effect_years).abs() < 1e-9);
        assert_eq!(plans.benefits_gbp, [40_000.0, 80_000.0, 80_000.0]);
        let break_even = (pv_costs - 30_000.0) / (200_000.0 * effect_years);
        assert!((plans.break_even_effect.unwrap() - break_even).abs() < 1e-12);
        assert_eq!(a.break_even_effect, plans.break_even_effect);
        assert_eq!(a.headline_effect, 0.5);
        let police = a.stream(StreamKey::Police).unwrap();
        assert!(police.included && police.break_even_effect.is_none());
        assert_eq!(police.benefits_gbp, [4_000.0, 8_000.0, 8_000.0]);
        let nhs = a.stream(StreamKey::Nhs).unwrap();
        assert!(!nhs.included && nhs.pv_gbp == 0.0 && nhs.benefits_gbp == [0.0; 3]);
        let payers = a.pv_by_payer();
        assert_eq!(payers.len(), 2);
        assert_eq!(
            payers.iter().map(|(_, pv)| pv).sum::<f64>(),
            plans.pv_gbp + police.pv_gbp
        );
        // Ten years or more has no longer view.
        assert!(appraise_programme(
            &ProgrammeInputs::from_defaults(
                ProgrammeId::NoWrongDoor,
                crate::prices::PriceYear::starting(2024)
            ),
            &AppraisalSettings {
                horizon_years: 10,
                discount_rate: 0.035,
                conventions: Conventions::GreenBook
            },
        )
        .longer_view
        .is_none());
    }

    #[test]
    fn a_workspace_reused_gives_the_rows_of_a_new_one() {
        use crate::scenario::Conventions;
        let i = safeguarding(&[], &[]);
        let f = flows(&i, &mut Central);
        let mut ws = Workspace::default();
        for (horizon_years, discount_rate) in [(3, 0.1), (5, 0.1), (5, 0.0), (3, 0.0), (3, 0.1)] {
            let s = AppraisalSettings {
                horizon_years,
                discount_rate,
                conventions: Conventions::GreenBook,
            };
            year_rows_into(&f, &s, &mut ws);
            assert_eq!(
                ws.rows,
                year_rows(&f, &s),
                "{horizon_years} years at {discount_rate}"
            );
        }
    }

    #[test]
    fn children_kept_out_of_care_by_hand() {
        use crate::scenario::Conventions;
        // 100 entries a year, half in the target group, 10% fewer: 5 a year
        // at full effect; a year of in-house foster care, £700 a week.
        let care = [
            (Field::CouncilEntriesToCare, 100.0),
            (Field::TargetGroupShare, 0.5),
            (Field::CareEntryReduction, 0.1),
            (Field::CareYears, 1.0),
            (Field::ShareInHouseFoster, 1.0),
            (Field::ShareAgencyFoster, 0.0),
            (Field::ShareResidential, 0.0),
            (Field::ShareKinshipOther, 0.0),
            (Field::InHouseFosterCostPerWeek, 700.0),
            (Field::EdgeOfCareCostPerYear, 0.0),
            (Field::CareEntriesCashable, 0.5),
        ];
        let excluded = [StreamKey::CpPlans, StreamKey::Police, StreamKey::Nhs];
        let i = safeguarding(&care, &excluded);
        let annual = 700.0 * crate::programmes::WEEKS_PER_YEAR;
        let mid_year = appraise_programme(&i, &three_years(Conventions::GreenBook));
        let stream = mid_year.stream(StreamKey::CareEntries).unwrap();
        assert_eq!(stream.annual_cost_of_care_gbp, Some(annual));
        // Half a year in the year avoided, half the next: 5 × (0.5 m_t + 0.5 m_t−1).
        let expected = [0.2, 0.6, 0.8].map(|m| 5.0 * m * annual);
        for (got, want) in stream.benefits_gbp.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{got} {want}");
        }
        for (row, want) in mid_year.years.iter().zip(expected) {
            assert!((row.benefits_gbp - want).abs() < 1e-9);
            assert!((row.cashable_benefits_gbp - 0.5 * want).abs() < 1e-9);
        }
        // Year 2's children have half a year of care left after the horizon.
        assert!((stream.after_horizon_gbp - 0.8 * 5.0 * 0.5 * annual).abs() < 1e-9);
        let start_of_year = appraise_programme(&i, &three_years(Conventions::Format3));
        let stream = start_of_year.stream(StreamKey::CareEntries).unwrap();
        let expected = [0.4, 0.8, 0.8].map(|m| 5.0 * m * annual);
        for (got, want) in stream.benefits_gbp.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{got} {want}");
        }
        assert_eq!(stream.after_horizon_gbp, 0.0);
        assert_eq!(stream.effect, 0.1);
        // After the plans' stream, with 25% optimism bias on benefits: full
        // effect × 0.8 × 0.75, ramped.
        let mut extra = care.to_vec();
        extra.push((Field::OptimismBias, 0.25));
        let both = safeguarding(&extra, &[StreamKey::Police, StreamKey::Nhs]);
        let a = appraise_programme(&both, &three_years(Conventions::Format3));
        let m = [0.5 * 0.6, 0.6, 0.6];
        let care_gbp = a
            .stream(StreamKey::CareEntries)
            .unwrap()
            .benefits_gbp
            .clone();
        for t in 0..3 {
            assert!((a.years[t].effect_multiplier - m[t]).abs() < 1e-15);
            assert!((care_gbp[t] - 5.0 * m[t] * annual).abs() < 1e-9);
            let plans = m[t] * 100_000.0;
            assert!((a.years[t].benefits_gbp - (plans + care_gbp[t])).abs() < 1e-9);
        }
    }

    #[test]
    fn streams_with_the_same_pounds_a_unit_are_summed_by_whose_they_are() {
        // Plans: 100 × (£2,000 − £1,000) = £100,000 a unit; police and NHS:
        // 100,000 families, the same pounds a unit.
        let extra = [
            (Field::CostPerCpPlanYear, 2000.0),
            (Field::FamiliesPerYear, 100_000.0),
            (Field::PoliceSavingPerFamily, 114.0),
            (Field::NhsSavingPerFamily, 213.0),
        ];
        let i = safeguarding(&extra, &[StreamKey::CareEntries]);
        let a = appraise_programme(&i, &three_years(crate::scenario::Conventions::GreenBook));
        let at_full = |f: fn(&YearRow) -> f64| f(&a.years[1]) / 0.8;
        assert_eq!(at_full(|r| r.benefits_gbp), 0.5 * 100_000.0);
        assert_eq!(
            at_full(|r| r.partner_benefits_gbp),
            100_000.0 * (114.0 + 213.0)
        );
        assert_eq!(at_full(|r| r.cashable_benefits_gbp), 0.5 * 0.5 * 100_000.0);
    }

    #[test]
    fn a_saving_of_minus_zero_stays_minus_zero_as_in_format_1() {
        // No plan avoided, where a plan costs less than the case work instead.
        let extra = [
            (Field::CpPlanReduction, 0.0),
            (Field::CostPerCpPlanYear, 500.0),
        ];
        let i = safeguarding(
            &extra,
            &[StreamKey::Police, StreamKey::Nhs, StreamKey::CareEntries],
        );
        let a = appraise_programme(&i, &three_years(crate::scenario::Conventions::GreenBook));
        for row in &a.years {
            assert!(row.benefits_gbp == 0.0 && row.benefits_gbp.is_sign_negative());
            assert!(row.cashable_benefits_gbp.is_sign_negative());
            assert!(row.partner_benefits_gbp.is_sign_positive());
        }
    }

    #[test]
    fn a_streams_present_value_from_the_workspace_is_its_appraisals() {
        use crate::scenario::Conventions;
        let extra = [(Field::NhsSavingPerFamily, 213.0), (Field::CareYears, 1.5)];
        let i = safeguarding(&extra, &[]);
        let settings = three_years(Conventions::GreenBook);
        let a = appraise_programme(&i, &settings);
        let f = flows(&i, &mut Central);
        let mut ws = Workspace::default();
        year_rows_into(&f, &settings, &mut ws);
        let pv = present_values(&ws.rows);
        assert_eq!(f.streams().len(), 4);
        for s in f.streams() {
            let want = a.stream(s.key).unwrap().pv_gbp;
            let got = stream_present_value(&f, &ws, &pv, s.key).unwrap();
            assert!(
                (got - want).abs() <= 1e-9 * want.abs(),
                "{:?}: {got} {want}",
                s.key
            );
            assert!(want > 0.0, "{:?}", s.key);
        }
        let fewer = safeguarding(&extra, &[StreamKey::Nhs]);
        let f = flows(&fewer, &mut Central);
        year_rows_into(&f, &settings, &mut ws);
        assert_eq!(stream_present_value(&f, &ws, &pv, StreamKey::Nhs), None);
    }

    #[test]
    fn each_council_stream_at_its_own_pounds_a_unit() {
        use crate::prices::PriceYear;
        use crate::scenario::{Conventions, Estimate};
        // Family Valued: 100 conferences at £755, and 40 families at
        // pre-proceedings, half taken to court at £1,000, a quarter fewer.
        let id = ProgrammeId::FamilyValued;
        let mut i = ProgrammeInputs::from_defaults(id, PriceYear::starting(2024));
        for (field, x) in [
            (Field::FamiliesPerYear, 100.0),
            (Field::SavingPerFamily, 755.0),
            (Field::FamiliesAtPreProceedings, 40.0),
            (Field::ProceedingsRateWithout, 0.5),
            (Field::ProceedingsReduction, 0.25),
            (Field::CostPerProceedings, 1000.0),
            (Field::Deadweight, 0.0),
            (Field::OptimismBias, 0.0),
            (Field::CostPerConference, 50.0),
            (Field::SetupCost, 1000.0),
            (Field::RunningCost, 2000.0),
            (Field::ServiceUnits, 1.0),
            (Field::RepurposedUnits, 0.0),
            (Field::CostOptimismBias, 0.5),
        ] {
            i.set(field, Estimate::fixed(x));
        }
        i.ramp_up_fraction = vec![1.0];
        i.staff.clear();
        i.excluded_streams = vec![StreamKey::CareEntries, StreamKey::CourtsLegalAid];
        let a = appraise_programme(&i, &three_years(Conventions::GreenBook));
        assert_eq!(a.years[0].benefits_gbp, 755.0 * 100.0 + 0.25 * 20_000.0);
        // Costs: set-up, running and 100 conferences at £50, plus half for
        // optimism bias on costs; conferences follow the ramp.
        assert_eq!(a.years[0].costs_gbp, (1000.0 + 2000.0 + 5000.0) * 1.5);
        assert_eq!(a.years[1].costs_gbp, (2000.0 + 5000.0) * 1.5);
        i.ramp_up_fraction = vec![0.5, 1.0];
        let a = appraise_programme(&i, &three_years(Conventions::GreenBook));
        assert_eq!(a.years[0].costs_gbp, (1000.0 + 2000.0 + 2500.0) * 1.5);
    }
}
