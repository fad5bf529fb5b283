//! What is it worth knowing before deciding? The expected value of partial
//! perfect information (EVPPI) of each ranged parameter, of each of the
//! form's groups of parameters, and of what a model's trial will measure,
//! for the council's choice between adopting (council NPV X) and not (0).
//!
//! # Method
//! EVPPI(θ) = E_θ[max(E[X | θ], 0)] − max(E[X], 0) (Brennan et al., *Med
//! Decis Making* 2007). Council NPV is multilinear in the independently
//! drawn parameters (each appears at most once in any product: effect ×
//! cohort × unit cost, Σ share × weekly cost, × (1 − deadweight)) with one
//! exception: the years a child would have spent in care, which enter
//! through the care-years convolution, piecewise linear in them
//! ([`crate::appraisal`]). So X = A(θ) + B(θ) × H(c), with A and B
//! multilinear in the other parameters θ, and H depending on the years c
//! and the appraisal's fixed settings only. Hence the conditional
//! expectation is the model itself, evaluated once:
//! E[X | θ_G] = X(θ_G, every other parameter at its mean, c at c̄), where
//! c̄ is the years' certainty equivalent, H(c̄) = E[H(c)], found by bisection
//! (H rises with c) on the mean over [`CARE_YEARS_NODES`] midpoints of the
//! years' PERT. Where c itself is in the group, it takes its own value.
//! - One parameter other than c: E[X | θ] = a + b × θ, and
//!   E[max(a + bθ, 0)] is exact from the Beta distribution's partial
//!   expectation, E[Y; Y > y] = α/(α+β) × (1 − I_y(α + 1, β)).
//! - c alone: the mean over the same midpoints (quadrature).
//! - A group: the mean over the simulation's first [`GROUP_DRAWS`] draws of
//!   the group's parameters (the same points, to the bit), each evaluated
//!   as above.
//!
//! The regression estimator of Strong, Oakley and Brennan (2014), fitted to
//! the simulation's own draws, is [`regression`]: an independent check of
//! these figures, with its standard error.

pub mod packed;
pub mod regression;
#[cfg(test)]
mod tests;

use crate::appraisal::{present_values, year_rows_into, Workspace};
use crate::programmes::{flows, flows_into, Flows, Pick, Picked};
use crate::registry::trials::{trial, Trial};
use crate::registry::{Field, Group, ProgrammeId, Shape};
use crate::sampling::beta::beta_cdf;
use crate::sampling::{pert_mean, pert_shapes, Pert};
use crate::scenario::{AppraisalSettings, Estimate, ProgrammeInputs, Scenario};
use crate::uncertainty::draws::Setup;
use crate::uncertainty::SimulationConfig;

/// Draws a group's EVPPI is averaged over (at most the run's).
pub const GROUP_DRAWS: u32 = 8_192;
/// Midpoints of the years in care's PERT for their certainty equivalent.
pub const CARE_YEARS_NODES: usize = 4_096;

/// What an EVPPI is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Parameter(Field),
    /// One of the form's groups (a stream's parameters, the cost of care,
    /// costs and delivery, the council's figures).
    Group(Group),
    /// What the programme's trial will measure.
    Trial,
}

/// How a figure was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The Beta distribution's partial expectation, exactly.
    ClosedForm,
    /// The mean over this many midpoints of the parameter's PERT.
    Quadrature { nodes: u32 },
    /// The mean over the simulation's first this many draws.
    Draws { draws: u32 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evppi {
    pub item: Item,
    /// The ranged parameters it conditions on, in registry order.
    pub fields: Vec<Field>,
    pub value_gbp: f64,
    pub method: Method,
}

/// Wait a year for the trial, or decide now?
#[derive(Clone, Debug, PartialEq)]
pub struct Waiting {
    pub trial: &'static Trial,
    /// EVPPI of the effects the trial measures: the most its answer could
    /// be worth (a trial measures with error, so it is worth less).
    pub evppi: Evppi,
    /// A year of the programme's expected council net saving forgone:
    /// max(E[X], 0) ÷ the appraisal's years (none if not adopting is the
    /// better choice now).
    pub delay_cost_gbp: f64,
}

impl Waiting {
    /// EVPPI of the trial's effects less the cost of a year's delay.
    pub fn value_gbp(&self) -> f64 {
        self.evppi.value_gbp - self.delay_cost_gbp
    }
}

/// A programme's value of information.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeValue {
    pub programme: ProgrammeId,
    /// E[X] from the model, exactly (every parameter at its mean, the years
    /// in care at their certainty equivalent).
    pub expected_council_npv_gbp: f64,
    /// c̄, where the years in care are ranged and counted.
    pub care_years_equivalent: Option<f64>,
    /// Each ranged parameter that moves council NPV, largest EVPPI first.
    pub parameters: Vec<Evppi>,
    /// Each of the form's groups with two or more such parameters, largest
    /// first.
    pub groups: Vec<Evppi>,
    pub waiting: Waiting,
}

/// Every enabled programme's value of information, for `config`'s run.
pub fn value_of_information(scenario: &Scenario, config: SimulationConfig) -> Vec<ProgrammeValue> {
    scenario
        .enabled()
        .map(|inputs| {
            let setup = Setup::new(inputs, &scenario.appraisal);
            programme_value(&setup, inputs, &scenario.appraisal, config)
        })
        .collect()
}

/// The value of information of the programmes `u` simulated (of
/// `scenario`, or a scenario with those programmes alone: a programme's
/// figures depend only on its own inputs, the settings and the run).
pub fn for_simulated(
    scenario: &Scenario,
    u: &crate::uncertainty::Uncertainty,
) -> Vec<ProgrammeValue> {
    u.programmes
        .iter()
        .filter_map(|p| {
            let inputs = scenario.programme(p.programme)?;
            let setup = Setup::new(inputs, &scenario.appraisal);
            Some(programme_value(
                &setup,
                inputs,
                &scenario.appraisal,
                u.config,
            ))
        })
        .collect()
}

/// One programme's value of information.
pub(crate) fn programme_value(
    setup: &Setup,
    inputs: &ProgrammeInputs,
    settings: &AppraisalSettings,
    config: SimulationConfig,
) -> ProgrammeValue {
    let mut model = Model::new(inputs, settings);
    let care = model.care_years(inputs);
    model.care_years_equivalent = care.as_ref().map(|c| c.equivalent);
    let expected = model.npv(&[]);
    // Parameters that move council NPV, in registry order.
    let moving: Vec<Field> = inputs
        .programme
        .spec()
        .params
        .iter()
        .map(|p| p.field)
        .filter(|f| setup.tornado.iter().any(|b| b.parameter == *f))
        .collect();
    let mut parameters: Vec<Evppi> = moving
        .iter()
        .map(|&field| match &care {
            Some(c) if field == Field::CareYears => Evppi {
                item: Item::Parameter(field),
                fields: vec![field],
                value_gbp: mean_gain(&c.npv_at_nodes),
                method: Method::Quadrature {
                    nodes: CARE_YEARS_NODES as u32,
                },
            },
            _ => Evppi {
                item: Item::Parameter(field),
                fields: vec![field],
                value_gbp: model.linear_evppi(field, inputs.get(field)),
                method: Method::ClosedForm,
            },
        })
        .collect();
    let draws = GroupDraws::new(setup, inputs, config);
    let mut groups: Vec<Evppi> = inputs
        .programme
        .spec()
        .groups()
        .into_iter()
        .filter_map(|group| {
            let fields = in_group(inputs, &moving, group);
            (fields.len() > 1).then(|| draws.evppi(&mut model, Item::Group(group), fields))
        })
        .collect();
    let trial = trial(inputs.programme);
    let measured: Vec<Field> = trial
        .measures
        .iter()
        .copied()
        .filter(|f| moving.contains(f))
        .collect();
    let evppi = match measured.as_slice() {
        [one] => Evppi {
            item: Item::Trial,
            ..parameters
                .iter()
                .find(|e| e.fields == [*one])
                .cloned()
                .unwrap_or_else(|| draws.evppi(&mut model, Item::Trial, vec![*one]))
        },
        _ => draws.evppi(&mut model, Item::Trial, measured),
    };
    let waiting = Waiting {
        trial,
        evppi,
        delay_cost_gbp: expected.max(0.0) / f64::from(settings.horizon_years.max(1)),
    };
    let largest_first = |a: &Evppi, b: &Evppi| b.value_gbp.total_cmp(&a.value_gbp);
    parameters.sort_by(largest_first);
    groups.sort_by(largest_first);
    ProgrammeValue {
        programme: inputs.programme,
        expected_council_npv_gbp: expected,
        care_years_equivalent: care.map(|c| c.equivalent),
        parameters,
        groups,
        waiting,
    }
}

/// EVPPI of any set of `fields` by the group method: the mean over the
/// run's first [`GROUP_DRAWS`] draws (for checks: every parameter together
/// gives the EVPI of those draws).
pub fn group_evppi(
    inputs: &ProgrammeInputs,
    settings: &AppraisalSettings,
    config: SimulationConfig,
    fields: Vec<Field>,
) -> Evppi {
    let setup = Setup::new(inputs, settings);
    let mut model = Model::new(inputs, settings);
    model.care_years_equivalent = model.care_years(inputs).map(|c| c.equivalent);
    GroupDraws::new(&setup, inputs, config).evppi(&mut model, Item::Trial, fields)
}

/// The ranged parameters of `group` that move council NPV.
fn in_group(inputs: &ProgrammeInputs, moving: &[Field], group: Group) -> Vec<Field> {
    inputs
        .programme
        .spec()
        .params
        .iter()
        .filter(|p| p.group == group && p.shape == Shape::Ranged && moving.contains(&p.field))
        .map(|p| p.field)
        .collect()
}

/// E[max(v, 0)] − max(E[v], 0) over equally weighted values: 0 exactly
/// when they all share a sign.
fn mean_gain(values: &[f64]) -> f64 {
    let n = values.len().max(1) as f64;
    let (sum, positive) = values
        .iter()
        .fold((0.0, 0.0), |(s, p), &v| (s + v, p + v.max(0.0)));
    positive / n - (sum / n).max(0.0)
}

/// Every parameter at its mean but those fixed, and the years in care at
/// their certainty equivalent (unless fixed).
struct AtMeans<'a> {
    fixed: &'a [(Field, f64)],
    care_years: Option<f64>,
}

impl Pick for AtMeans<'_> {
    fn pick(&mut self, field: Field, e: Estimate) -> f64 {
        if let Some(&(_, v)) = self.fixed.iter().find(|(f, _)| *f == field) {
            return v;
        }
        match self.care_years {
            Some(c) if field == Field::CareYears && !e.is_fixed() => c,
            _ if e.is_fixed() => e.value,
            _ => pert_mean(e),
        }
    }
}

/// The years in care's certainty equivalent, and council NPV at each
/// midpoint of their PERT (the others at their means).
struct CareYears {
    equivalent: f64,
    npv_at_nodes: Vec<f64>,
}

/// Council NPV evaluated again and again with one workspace.
struct Model<'a> {
    inputs: &'a ProgrammeInputs,
    settings: &'a AppraisalSettings,
    flows: Flows<'a>,
    picked: Picked,
    ws: Workspace,
    care_years_equivalent: Option<f64>,
}

impl<'a> Model<'a> {
    fn new(inputs: &'a ProgrammeInputs, settings: &'a AppraisalSettings) -> Model<'a> {
        Model {
            inputs,
            settings,
            flows: Flows::empty(inputs),
            picked: Picked::default(),
            ws: Workspace::default(),
            care_years_equivalent: None,
        }
    }

    /// E[X | the fixed parameters' values].
    fn npv(&mut self, fixed: &[(Field, f64)]) -> f64 {
        let mut pick = AtMeans {
            fixed,
            care_years: self.care_years_equivalent,
        };
        flows_into(self.inputs, &mut pick, &mut self.picked, &mut self.flows);
        year_rows_into(&self.flows, self.settings, &mut self.ws);
        present_values(&self.ws.rows).council_npv_gbp()
    }

    /// The years in care's certainty equivalent, where they are ranged and
    /// the care stream counted.
    fn care_years(&mut self, inputs: &ProgrammeInputs) -> Option<CareYears> {
        let e = inputs.get(Field::CareYears);
        let counted = flows(
            inputs,
            &mut AtMeans {
                fixed: &[],
                care_years: None,
            },
        )
        .stream(crate::registry::StreamKey::CareEntries)
        .is_some();
        let pert = Pert::new(e).filter(|_| counted)?;
        let npv_at_nodes: Vec<f64> = (0..CARE_YEARS_NODES)
            .map(|j| {
                let u = (j as f64 + 0.5) / CARE_YEARS_NODES as f64;
                self.npv(&[(Field::CareYears, pert.quantile(u))])
            })
            .collect();
        let target = npv_at_nodes.iter().sum::<f64>() / CARE_YEARS_NODES as f64;
        let (mut lo, mut hi) = (e.low, e.high);
        let (at_lo, at_hi) = (
            self.npv(&[(Field::CareYears, lo)]),
            self.npv(&[(Field::CareYears, hi)]),
        );
        if at_lo == at_hi {
            return Some(CareYears {
                equivalent: pert_mean(e),
                npv_at_nodes,
            });
        }
        let rising = at_hi > at_lo;
        for _ in 0..100 {
            let mid = 0.5 * (lo + hi);
            if mid <= lo || mid >= hi {
                break;
            }
            let above = self.npv(&[(Field::CareYears, mid)]) > target;
            if above == rising {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(CareYears {
            equivalent: 0.5 * (lo + hi),
            npv_at_nodes,
        })
    }

    /// EVPPI of one parameter in which X is linear: E[X | θ] = a + bθ.
    fn linear_evppi(&mut self, field: Field, e: Estimate) -> f64 {
        if e.is_fixed() {
            return 0.0;
        }
        let at_low = self.npv(&[(field, e.low)]);
        let at_high = self.npv(&[(field, e.high)]);
        linear_gain(at_low, at_high, pert_shapes(e))
    }
}

/// E[max(g(Y), 0)] − max(E[g(Y)], 0) for g(y) = at_low + (at_high − at_low) y
/// and Y ~ Beta(α, β): exactly, from the Beta's partial expectation. 0
/// exactly when g keeps one sign on [0, 1].
pub fn linear_gain(at_low: f64, at_high: f64, (alpha, beta): (f64, f64)) -> f64 {
    if (at_low >= 0.0) == (at_high >= 0.0) {
        return 0.0;
    }
    let slope = at_high - at_low;
    let mean_y = alpha / (alpha + beta);
    let mean = at_low + slope * mean_y;
    let root = -at_low / slope;
    let below = beta_cdf(root, alpha, beta);
    let below_first_moment = mean_y * beta_cdf(root, alpha + 1.0, beta);
    let positive_part = if slope > 0.0 {
        at_low * (1.0 - below) + slope * (mean_y - below_first_moment)
    } else {
        at_low * below + slope * below_first_moment
    };
    positive_part - mean.max(0.0)
}

/// The values each ranged parameter took in the run's first draws.
struct GroupDraws {
    /// The ranged fields in the order a draw picks them (its dimensions).
    order: Vec<Field>,
    /// `values[d * len + i]`: dimension d's value in draw i.
    values: Vec<f64>,
    len: usize,
}

/// Lists the ranged fields a draw picks, in order.
struct Order(Vec<Field>);

impl Pick for Order {
    fn pick(&mut self, field: Field, e: Estimate) -> f64 {
        if !e.is_fixed() {
            self.0.push(field);
        }
        e.value
    }
}

/// The ranged fields of `inputs` in the order a draw picks them: the
/// sampler's dimensions.
pub fn ranged_order(inputs: &ProgrammeInputs) -> Vec<Field> {
    let mut order = Order(Vec::new());
    flows(inputs, &mut order);
    order.0
}

impl GroupDraws {
    fn new(setup: &Setup, inputs: &ProgrammeInputs, config: SimulationConfig) -> GroupDraws {
        let len = config.draws.min(GROUP_DRAWS) as usize;
        GroupDraws {
            values: setup.first_values(inputs, config, len),
            order: ranged_order(inputs),
            len,
        }
    }

    fn evppi(&self, model: &mut Model, item: Item, fields: Vec<Field>) -> Evppi {
        let dims: Vec<(Field, usize)> = fields
            .iter()
            .filter_map(|&f| Some((f, self.order.iter().position(|&o| o == f)?)))
            .collect();
        let mut fixed: Vec<(Field, f64)> = dims.iter().map(|&(f, _)| (f, 0.0)).collect();
        let npv: Vec<f64> = (0..self.len)
            .map(|i| {
                for (slot, &(_, d)) in fixed.iter_mut().zip(&dims) {
                    slot.1 = self.values[d * self.len + i];
                }
                model.npv(&fixed)
            })
            .collect();
        Evppi {
            item,
            fields,
            value_gbp: if dims.is_empty() {
                0.0
            } else {
                mean_gain(&npv)
            },
            method: Method::Draws {
                draws: self.len as u32,
            },
        }
    }
}
