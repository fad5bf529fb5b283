//! The draws of one programme: its setup (the central case, the tornado,
//! the effect the probability is conditioned on), and a chunk of draws.

use super::{BreakEvenRisk, SimulationConfig, TornadoBar, FAN_SAMPLE_DRAWS};
use crate::appraisal::{self, present_values, stream_present_value, year_rows_into, Workspace};
use crate::programmes::{flows, flows_into, ranged_parameters, Flows, Pick, Picked};
use crate::registry::{Field, ProgrammeId, StreamKey};
use crate::sampling::{Method, Pert, Sampler};
use crate::scenario::{AppraisalSettings, Estimate, ProgrammeInputs};

/// Every parameter at its value but one, at its low or its high.
struct Swing {
    field: Field,
    high: bool,
}

impl Pick for Swing {
    fn pick(&mut self, field: Field, e: Estimate) -> f64 {
        match (field == self.field, self.high) {
            (false, _) => e.value,
            (true, false) => e.low,
            (true, true) => e.high,
        }
    }
}

fn council_npv(
    inputs: &ProgrammeInputs,
    settings: &AppraisalSettings,
    pick: &mut impl Pick,
) -> f64 {
    let rows = appraisal::year_rows(&flows(inputs, pick), settings);
    present_values(&rows).council_npv_gbp()
}

/// Every ranged parameter that moves council NPV, swung from low to high,
/// widest swing first.
fn tornado(inputs: &ProgrammeInputs, settings: &AppraisalSettings) -> Vec<TornadoBar> {
    let mut bars: Vec<TornadoBar> = ranged_parameters(inputs)
        .into_iter()
        .map(|(field, e)| TornadoBar {
            parameter: field,
            low: e.low,
            high: e.high,
            npv_at_low_gbp: council_npv(inputs, settings, &mut Swing { field, high: false }),
            npv_at_high_gbp: council_npv(inputs, settings, &mut Swing { field, high: true }),
        })
        .filter(|bar| bar.swing_gbp() != 0.0)
        .collect();
    bars.sort_by(|a, b| b.swing_gbp().total_cmp(&a.swing_gbp()));
    bars
}

/// The effect P(NPV > 0) is conditioned on: a council stream's, ranged.
#[derive(Clone, Debug)]
struct Conditional {
    stream: StreamKey,
    field: Field,
    estimate: Estimate,
}

/// What drawing needs beyond the setup: each ranged parameter's quantile
/// table, in pick order, and the conditioned effect's. Built by the first
/// chunk drawn, not by the setup: the page's run only takes chunks in from
/// its workers, and building tables (milliseconds each) on the page would
/// cost a keystroke that time.
#[derive(Clone, Debug)]
struct Tables {
    perts: Vec<Pert>,
    conditional: Option<Pert>,
}

/// What a programme's draws need, worked out once.
#[derive(Clone, Debug)]
pub struct Setup {
    pub programme: ProgrammeId,
    /// The programme's stream for the sampler (its place in `ProgrammeId::ALL`).
    stream: usize,
    pub central_council_npv: f64,
    central_break_even: Option<f64>,
    pub tornado: Vec<TornadoBar>,
    conditional: Option<Conditional>,
    /// The headline effect's estimate, for the break-even risk.
    headline: Estimate,
    /// The tables drawing needs, once a chunk is drawn.
    tables: std::sync::OnceLock<Tables>,
}

impl Setup {
    pub fn new(inputs: &ProgrammeInputs, settings: &AppraisalSettings) -> Setup {
        let central = appraisal::appraise_programme(inputs, settings);
        let tornado = tornado(inputs, settings);
        let spec = inputs.programme.spec();
        // The council effect with the widest swing: conditioning on it
        // removes the most of the indicator's noise.
        let conditional = tornado.iter().find_map(|bar| {
            let stream = spec.streams.iter().find(|s| {
                s.effect == bar.parameter && s.payer.is_council() && inputs.includes(s.key)
            })?;
            let estimate = inputs.get(bar.parameter);
            (estimate.high > estimate.low).then_some(Conditional {
                stream: stream.key,
                field: bar.parameter,
                estimate,
            })
        });
        Setup {
            programme: inputs.programme,
            stream: ProgrammeId::ALL
                .iter()
                .position(|&p| p == inputs.programme)
                .unwrap_or(0),
            central_council_npv: central.council_npv_gbp,
            central_break_even: central.break_even_effect,
            tornado,
            conditional,
            headline: inputs.get(spec.streams[0].effect),
            tables: std::sync::OnceLock::new(),
        }
    }

    /// The quantile tables of `inputs`' ranged parameters (the inputs this
    /// setup was made from), built once.
    fn tables(&self, inputs: &ProgrammeInputs) -> &Tables {
        self.tables.get_or_init(|| {
            let mut first = Sampler::new(Method::Random, 0, 0, 0);
            first.begin_draw();
            flows(inputs, &mut first);
            Tables {
                perts: first.perts().to_vec(),
                conditional: self
                    .conditional
                    .as_ref()
                    .and_then(|c| Pert::new(c.estimate)),
            }
        })
    }

    /// Each ranged parameter's values in the first `len` draws of
    /// `config`'s run (of `inputs`, this setup's), dimension by dimension
    /// (`out[d * len + i]`): the very numbers those draws took.
    pub(crate) fn first_values(
        &self,
        inputs: &ProgrammeInputs,
        config: SimulationConfig,
        len: usize,
    ) -> Vec<f64> {
        let tables = self.tables(inputs);
        let sampler = Sampler::new(Method::ScrambledSobol, config.seed, self.stream, 0)
            .with_perts(tables.perts.clone());
        let mut out = Vec::new();
        sampler.values_ahead(len, &mut out);
        out
    }

    pub fn conditioned_on(&self) -> Option<Field> {
        self.conditional.as_ref().map(|c| c.field)
    }

    /// P(headline effect > its break-even), from the effect's PERT exactly.
    pub(crate) fn break_even_risk(&self) -> BreakEvenRisk {
        let probability = self
            .central_break_even
            .map(|be| match Pert::new(self.headline) {
                Some(pert) => 1.0 - pert.cdf(be),
                None => f64::from(u8::from(self.headline.value > be)),
            });
        BreakEvenRisk {
            break_even_effect: self.central_break_even,
            probability_effect_exceeds: probability,
        }
    }
}

/// One chunk's draws of one programme, in draw order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChunkDraws {
    pub council_npv: Vec<f64>,
    pub council_cashable_npv: Vec<f64>,
    pub public_npv: Vec<f64>,
    /// Draws whose council pays back within the period.
    pub paid_back: u32,
    /// `paid_back_by_year[y]`: draws whose council pays back within y + 1 years.
    pub paid_back_by_year: Vec<u32>,
    /// Σ over the chunk's draws of P(council NPV > 0 | the other draws).
    pub positive_probability_sum: f64,
    /// `fan[year][draw]`: cumulative council net, for the draws among the first
    /// [`FAN_SAMPLE_DRAWS`].
    pub fan: Vec<Vec<f64>>,
}

/// P(council NPV > 0) given every draw but the conditioned effect's:
/// NPV = A + B × e with B its stream's present value per unit of effect, so
/// NPV > 0 when e > −A/B (B > 0) or e < −A/B (B < 0). The indicator where
/// the effect is not in this draw's flows or does not move NPV.
fn positive_probability(
    c: Option<(&Conditional, &Pert)>,
    flows: &Flows,
    ws: &Workspace,
    pv: &appraisal::PresentValues,
    npv: f64,
) -> f64 {
    let indicator = f64::from(u8::from(npv > 0.0));
    let Some((c, pert)) = c else { return indicator };
    let Some(effect) = flows.stream(c.stream).map(|s| s.effect) else {
        return indicator;
    };
    let Some(stream_pv) = stream_present_value(flows, ws, pv, c.stream) else {
        return indicator;
    };
    if effect == 0.0 {
        return indicator;
    }
    let per_unit = stream_pv / effect;
    if per_unit == 0.0 || !per_unit.is_finite() {
        return indicator;
    }
    let threshold = (stream_pv - npv) / per_unit;
    let below = pert.cdf(threshold);
    if per_unit > 0.0 {
        1.0 - below
    } else {
        below
    }
}

/// Chunk `c` of a programme's run: its draws, from the run's point `start`.
pub fn run_chunk(
    setup: &Setup,
    inputs: &ProgrammeInputs,
    settings: &AppraisalSettings,
    config: SimulationConfig,
    c: u32,
) -> ChunkDraws {
    run_chunk_with(Method::ScrambledSobol, setup, inputs, settings, config, c)
}

/// [`run_chunk`] with a choice of uniforms (plain Monte Carlo, for comparison).
pub fn run_chunk_with(
    method: Method,
    setup: &Setup,
    inputs: &ProgrammeInputs,
    settings: &AppraisalSettings,
    config: SimulationConfig,
    c: u32,
) -> ChunkDraws {
    let (start, end) = config.chunk_range(c);
    let len = (end - start) as usize;
    let tables = setup.tables(inputs);
    let conditional = setup.conditional.as_ref().zip(tables.conditional.as_ref());
    let mut sampler =
        Sampler::new(method, config.seed, setup.stream, start).with_perts(tables.perts.clone());
    let mut ws = Workspace::default();
    let years = settings.horizon_years as usize;
    let fan_len = (FAN_SAMPLE_DRAWS.min(end as usize)).saturating_sub(start as usize);
    let mut out = ChunkDraws {
        council_npv: Vec::with_capacity(len),
        council_cashable_npv: Vec::with_capacity(len),
        public_npv: Vec::with_capacity(len),
        fan: vec![Vec::with_capacity(fan_len); if fan_len > 0 { years } else { 0 }],
        paid_back_by_year: vec![0; years],
        ..ChunkDraws::default()
    };
    let mut ahead = Vec::new();
    sampler.values_ahead(len, &mut ahead);
    let (mut flows, mut picked) = (Flows::empty(inputs), Picked::default());
    for i in 0..len {
        sampler.begin_draw_from(&ahead, len, i);
        flows_into(inputs, &mut sampler, &mut picked, &mut flows);
        year_rows_into(&flows, settings, &mut ws);
        let pv = present_values(&ws.rows);
        let npv = pv.council_npv_gbp();
        out.council_npv.push(npv);
        out.council_cashable_npv.push(pv.council_cashable_npv_gbp());
        out.public_npv.push(pv.public_npv_gbp());
        if let Some(payback) = appraisal::council_payback(&ws.rows, settings) {
            out.paid_back += 1;
            for (y, count) in out.paid_back_by_year.iter_mut().enumerate() {
                *count += u32::from(payback <= (y + 1) as f64);
            }
        }
        out.positive_probability_sum += positive_probability(conditional, &flows, &ws, &pv, npv);
        if i < fan_len {
            for (year, row) in out.fan.iter_mut().zip(&ws.rows) {
                year.push(row.cumulative_council_net_gbp);
            }
        }
    }
    out
}
