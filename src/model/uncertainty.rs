//! How sure is the answer? Monte Carlo simulation, tornado and break-even risk.
//!
//! # Method
//! - Every parameter with a range is drawn independently, once per draw (one
//!   draw holds for every year of the appraisal), from a Beta-PERT
//!   distribution: min = low, mode = value, max = high, shape λ = 4, so
//!   X = low + (high − low) × Beta(α, β) with α = 1 + λ(value − low)/(high − low)
//!   and β = 1 + λ(high − value)/(high − low); its mean is
//!   (low + 4 × value + high) / 6. A parameter with low = value = high is fixed.
//! - Each draw is appraised by exactly the code of the central case
//!   ([`appraisal::year_rows_into`]), so with every range collapsed each
//!   percentile equals the deterministic result.
//! - Reproducible: Xoshiro256++ seeded from the user's seed, one stream per
//!   programme (the seeded generator jumped 2^128 steps per programme index),
//!   so a programme's results do not depend on which others are enabled.
//!   Logarithms come from `libm` and square roots are exactly rounded, so the
//!   same scenario, seed and draws give the same bits natively and in
//!   WebAssembly. Beta draws are two gamma draws (Marsaglia and Tsang, 2000),
//!   whose normals come from the ziggurat method (Marsaglia and Tsang, 2000,
//!   in Doornik's 2005 ZIGNOR form), which needs a logarithm only in the
//!   rare tail and wedge cases.
//! - The fan chart's percentiles come from the first [`FAN_SAMPLE_DRAWS`]
//!   draws (a random sample like any other, the draws being independent);
//!   every other figure uses every draw.
//! - Tornado: council NPV with one ranged parameter at its low and then its
//!   high, the others at their values, sorted by swing; parameters that do
//!   not move council NPV (a cashable share, a stream left out) are left out.
//! - Break-even risk: the probability that the headline effect, drawn from its
//!   range, exceeds its break-even value with everything else at its value.

use crate::appraisal::{self, present_values, year_rows_into, Workspace};
use crate::programmes::{flows, ranged_parameters, Pick};
use crate::registry::{Field, ProgrammeId};
use crate::scenario::{AppraisalSettings, Estimate, ProgrammeInputs, Scenario};
use rand_xoshiro::rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The PERT shape parameter: the standard value, weighting the mode 4 to 1.
pub const PERT_SHAPE: f64 = 4.0;
pub const MIN_DRAWS: u32 = 1_000;
/// The most draws a run may ask for: 1,000,000 takes well under a second.
pub const MAX_DRAWS: u32 = 1_000_000;
pub const DEFAULT_DRAWS: u32 = 10_000;
pub const DEFAULT_SEED: u64 = 20_190_401;
/// Largest seed: JavaScript numbers hold integers exactly up to 2^53 − 1.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// Draws kept for the fan chart's percentiles.
pub const FAN_SAMPLE_DRAWS: usize = 50_000;
pub const HISTOGRAM_BINS: usize = 30;

/// How many draws, from which seed. Build it with
/// `sfpc::format::simulation_config`, which checks the limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SimulationConfig {
    pub draws: u32,
    pub seed: u64,
}

/// The mean of a Beta-PERT distribution.
pub fn pert_mean(e: Estimate) -> f64 {
    (e.low + 4.0 * e.value + e.high) / 6.0
}

/// Draws parameter values: a seeded Xoshiro256++ generator and the
/// distributions built on it.
pub struct Sampler {
    rng: Xoshiro256PlusPlus,
    ziggurat: &'static Ziggurat,
    /// The PERT shapes of the parameters in the order a draw picks them,
    /// worked out once: a model picks its parameters in the same order every
    /// draw, so the n-th pick of a draw is the n-th parameter.
    shapes: Vec<PertShape>,
    next_shape: usize,
}

/// A Beta-PERT distribution ready to sample: the Beta's two gamma shapes
/// with Marsaglia and Tsang's constants d = shape − 1/3, c = 1/√(9d).
#[derive(Clone, Copy, Debug, PartialEq)]
struct PertShape {
    estimate: Estimate,
    alpha: GammaShape,
    beta: GammaShape,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct GammaShape {
    d: f64,
    c: f64,
}

impl GammaShape {
    fn new(shape: f64) -> GammaShape {
        let d = shape - 1.0 / 3.0;
        GammaShape {
            d,
            c: 1.0 / (9.0 * d).sqrt(),
        }
    }
}

impl PertShape {
    fn new(e: Estimate) -> PertShape {
        let range = e.high - e.low;
        PertShape {
            estimate: e,
            alpha: GammaShape::new(1.0 + PERT_SHAPE * (e.value - e.low) / range),
            beta: GammaShape::new(1.0 + PERT_SHAPE * (e.high - e.value) / range),
        }
    }
}

/// Layers of the ziggurat, and its published constants for 128 layers: the
/// start of the tail R and the area V of each layer (Doornik 2005).
const ZIGGURAT_LAYERS: usize = 128;
const ZIGGURAT_R: f64 = 3.442_619_855_899;
const ZIGGURAT_V: f64 = 9.912_563_035_262_17e-3;

/// The ziggurat's layer edges x[i] and the ratios x[i+1] / x[i].
struct Ziggurat {
    x: [f64; ZIGGURAT_LAYERS + 1],
    ratio: [f64; ZIGGURAT_LAYERS],
}

impl Ziggurat {
    fn new() -> Ziggurat {
        let mut x = [0.0; ZIGGURAT_LAYERS + 1];
        let mut f = libm::exp(-0.5 * ZIGGURAT_R * ZIGGURAT_R);
        x[0] = ZIGGURAT_V / f;
        x[1] = ZIGGURAT_R;
        for i in 2..ZIGGURAT_LAYERS {
            x[i] = (-2.0 * libm::log(ZIGGURAT_V / x[i - 1] + f)).sqrt();
            f = libm::exp(-0.5 * x[i] * x[i]);
        }
        let mut ratio = [0.0; ZIGGURAT_LAYERS];
        for i in 0..ZIGGURAT_LAYERS {
            ratio[i] = x[i + 1] / x[i];
        }
        Ziggurat { x, ratio }
    }

    fn shared() -> &'static Ziggurat {
        static TABLE: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
        TABLE.get_or_init(Ziggurat::new)
    }
}

impl Sampler {
    /// The generator for `seed`, jumped to stream `stream` (2^128 draws apart).
    pub fn new(seed: u64, stream: usize) -> Sampler {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        for _ in 0..stream {
            rng.jump();
        }
        Sampler {
            rng,
            ziggurat: Ziggurat::shared(),
            shapes: Vec::new(),
            next_shape: 0,
        }
    }

    /// Marks the start of a draw: the next pick is the first parameter's.
    pub fn begin_draw(&mut self) {
        self.next_shape = 0;
    }

    /// Uniform on [0, 1), from the top 53 bits of `bits`.
    fn unit(bits: u64) -> f64 {
        (bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    fn uniform(&mut self) -> f64 {
        Self::unit(self.rng.next_u64())
    }

    /// Uniform on (0, 1): never 0, for logarithms.
    fn uniform_open(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
    }

    /// Standard normal by the ziggurat: the layer from the low 7 bits, the
    /// position from the top 53, which do not overlap.
    pub fn normal(&mut self) -> f64 {
        let z = self.ziggurat;
        loop {
            let bits = self.rng.next_u64();
            let u = 2.0 * Self::unit(bits) - 1.0;
            let i = (bits & (ZIGGURAT_LAYERS as u64 - 1)) as usize;
            if u.abs() < z.ratio[i] {
                return u * z.x[i];
            }
            if i == 0 {
                return self.normal_tail(u < 0.0);
            }
            let x = u * z.x[i];
            let f0 = libm::exp(-0.5 * (z.x[i] * z.x[i] - x * x));
            let f1 = libm::exp(-0.5 * (z.x[i + 1] * z.x[i + 1] - x * x));
            if f1 + self.uniform() * (f0 - f1) < 1.0 {
                return x;
            }
        }
    }

    /// Beyond R (Marsaglia's tail method).
    fn normal_tail(&mut self, negative: bool) -> f64 {
        loop {
            let x = libm::log(self.uniform_open()) / ZIGGURAT_R;
            let y = libm::log(self.uniform_open());
            if -2.0 * y >= x * x {
                return if negative {
                    x - ZIGGURAT_R
                } else {
                    ZIGGURAT_R - x
                };
            }
        }
    }

    /// Gamma(shape, 1) for shape >= 1 (PERT's shapes are 1 to 5), by
    /// Marsaglia and Tsang's squeeze-and-reject method.
    fn gamma(&mut self, GammaShape { d, c }: GammaShape) -> f64 {
        loop {
            let x = self.normal();
            let t = 1.0 + c * x;
            if t <= 0.0 {
                continue;
            }
            let v = t * t * t;
            let u = self.uniform();
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2 || libm::log(u) < 0.5 * x2 + d * (1.0 - v + libm::log(v))
            {
                return d * v;
            }
        }
    }

    /// The shape for the parameter picked now, from the cache when it holds
    /// this parameter (checked, so a changed estimate is never sampled from a
    /// stale shape).
    fn shape(&mut self, e: Estimate) -> PertShape {
        let i = self.next_shape;
        self.next_shape += 1;
        match self.shapes.get(i) {
            Some(shape) if shape.estimate == e => *shape,
            _ => {
                let shape = PertShape::new(e);
                self.shapes.truncate(i);
                self.shapes.push(shape);
                shape
            }
        }
    }

    /// A draw from Beta-PERT(low, value, high); the value itself when fixed.
    pub fn pert(&mut self, e: Estimate) -> f64 {
        let range = e.high - e.low;
        if range <= 0.0 {
            return e.value;
        }
        let shape = self.shape(e);
        let x = self.gamma(shape.alpha);
        let y = self.gamma(shape.beta);
        e.low + range * (x / (x + y))
    }
}

impl Pick for Sampler {
    fn pick(&mut self, _field: Field, estimate: Estimate) -> f64 {
        self.pert(estimate)
    }
}

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

/// Summary of a simulated quantity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percentiles {
    pub p5: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub p95: f64,
    pub mean: f64,
}

/// Cumulative council net at the end of a year across the simulated futures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FanYear {
    /// 0 is the first year.
    pub year: u32,
    pub p10_gbp: f64,
    pub p50_gbp: f64,
    pub p90_gbp: f64,
}

/// Draws with council NPV in [from, to); the last bin includes its top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HistogramBin {
    pub from_gbp: f64,
    pub to_gbp: f64,
    pub count: u32,
}

/// Council NPV with one parameter at each end of its range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TornadoBar {
    /// The parameter, within its programme.
    pub parameter: Field,
    pub low: f64,
    pub high: f64,
    pub npv_at_low_gbp: f64,
    pub npv_at_high_gbp: f64,
}

impl TornadoBar {
    pub fn swing_gbp(&self) -> f64 {
        (self.npv_at_high_gbp - self.npv_at_low_gbp).abs()
    }
}

/// The chance that the headline effect clears its break-even value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BreakEvenRisk {
    /// The break-even effect with every parameter at its value.
    pub break_even_effect: Option<f64>,
    /// Share of draws whose headline effect exceeds it.
    pub probability_effect_exceeds: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeUncertainty {
    pub programme: ProgrammeId,
    /// Council NPV with every parameter at its value: the tornado's centre.
    pub central_council_npv_gbp: f64,
    pub council_npv_gbp: Percentiles,
    pub council_cashable_npv_gbp: Percentiles,
    pub public_npv_gbp: Percentiles,
    pub probability_council_npv_positive: f64,
    pub probability_payback_within_horizon: f64,
    pub fan: Vec<FanYear>,
    /// How many draws the fan's percentiles come from.
    pub fan_draws: u32,
    pub histogram: Vec<HistogramBin>,
    pub tornado: Vec<TornadoBar>,
    pub break_even: BreakEvenRisk,
}

/// The uncertainty analysis of every enabled programme.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    pub config: SimulationConfig,
    pub horizon_years: u32,
    pub programmes: Vec<ProgrammeUncertainty>,
}

/// One programme's draws so far.
struct Run {
    programme: ProgrammeId,
    sampler: Sampler,
    central_council_npv: f64,
    central_break_even: Option<f64>,
    council_npv: Vec<f64>,
    council_cashable_npv: Vec<f64>,
    public_npv: Vec<f64>,
    paid_back: u32,
    effect_exceeds: u32,
    /// fan[year] holds the cumulative council net of the first draws.
    fan: Vec<Vec<f64>>,
    workspace: Workspace,
}

impl Run {
    fn new(
        inputs: &ProgrammeInputs,
        settings: &AppraisalSettings,
        config: SimulationConfig,
    ) -> Run {
        let central = appraisal::appraise_programme(inputs, settings);
        let stream = ProgrammeId::ALL
            .iter()
            .position(|&p| p == inputs.programme)
            .unwrap_or(0);
        let draws = config.draws as usize;
        let fan_draws = draws.min(FAN_SAMPLE_DRAWS);
        Run {
            programme: inputs.programme,
            sampler: Sampler::new(config.seed, stream),
            central_council_npv: central.council_npv_gbp,
            central_break_even: central.break_even_effect,
            council_npv: Vec::with_capacity(draws),
            council_cashable_npv: Vec::with_capacity(draws),
            public_npv: Vec::with_capacity(draws),
            paid_back: 0,
            effect_exceeds: 0,
            fan: vec![Vec::with_capacity(fan_draws); settings.horizon_years as usize],
            workspace: Workspace::default(),
        }
    }

    fn draw(&mut self, inputs: &ProgrammeInputs, settings: &AppraisalSettings) {
        self.sampler.begin_draw();
        let flows = flows(inputs, &mut self.sampler);
        year_rows_into(&flows, settings, &mut self.workspace);
        let rows = &self.workspace.rows;
        let pv = present_values(rows);
        self.council_npv.push(pv.council_npv_gbp());
        self.council_cashable_npv
            .push(pv.council_cashable_npv_gbp());
        self.public_npv.push(pv.public_npv_gbp());
        if appraisal::payback_years(rows.iter().map(|r| r.council_net_gbp)).is_some() {
            self.paid_back += 1;
        }
        let headline = flows.stream(inputs.programme.headline_stream().key);
        if let (Some(be), Some(s)) = (self.central_break_even, headline) {
            if s.effect > be {
                self.effect_exceeds += 1;
            }
        }
        if self.council_npv.len() <= FAN_SAMPLE_DRAWS {
            for (year, row) in self.fan.iter_mut().zip(rows) {
                year.push(row.cumulative_council_net_gbp);
            }
        }
    }

    fn finish(
        mut self,
        inputs: &ProgrammeInputs,
        settings: &AppraisalSettings,
    ) -> ProgrammeUncertainty {
        let n = self.council_npv.len().max(1) as f64;
        let positive = self.council_npv.iter().filter(|&&x| x > 0.0).count() as f64;
        let histogram = histogram(&self.council_npv);
        let fan_draws = self.fan.first().map_or(0, Vec::len) as u32;
        let fan = self
            .fan
            .iter_mut()
            .enumerate()
            .map(|(year, values)| FanYear {
                year: year as u32,
                p10_gbp: quantile(values, 0.10),
                p50_gbp: quantile(values, 0.50),
                p90_gbp: quantile(values, 0.90),
            })
            .collect();
        ProgrammeUncertainty {
            programme: self.programme,
            central_council_npv_gbp: self.central_council_npv,
            council_npv_gbp: percentiles(&mut self.council_npv),
            council_cashable_npv_gbp: percentiles(&mut self.council_cashable_npv),
            public_npv_gbp: percentiles(&mut self.public_npv),
            probability_council_npv_positive: positive / n,
            probability_payback_within_horizon: f64::from(self.paid_back) / n,
            fan,
            fan_draws,
            histogram,
            tornado: tornado(inputs, settings),
            break_even: BreakEvenRisk {
                break_even_effect: self.central_break_even,
                probability_effect_exceeds: self
                    .central_break_even
                    .map(|_| f64::from(self.effect_exceeds) / n),
            },
        }
    }
}

/// A simulation that runs in steps, so a page can draw between them and drop
/// it when the input changes. The result does not depend on the step sizes.
pub struct Simulation {
    scenario: Scenario,
    config: SimulationConfig,
    runs: Vec<Run>,
    done: u32,
}

impl Simulation {
    pub fn new(scenario: &Scenario, config: SimulationConfig) -> Simulation {
        let runs = scenario
            .enabled()
            .map(|inputs| Run::new(inputs, &scenario.appraisal, config))
            .collect();
        Simulation {
            scenario: scenario.clone(),
            config,
            runs,
            done: 0,
        }
    }

    /// Runs up to `max_draws` more draws; returns the number done so far.
    pub fn step(&mut self, max_draws: u32) -> u32 {
        let todo = max_draws.min(self.config.draws - self.done);
        let settings = &self.scenario.appraisal;
        for (run, inputs) in self.runs.iter_mut().zip(self.scenario.enabled()) {
            for _ in 0..todo {
                run.draw(inputs, settings);
            }
        }
        self.done += todo;
        self.done
    }

    pub fn draws_done(&self) -> u32 {
        self.done
    }

    pub fn is_done(&self) -> bool {
        self.done >= self.config.draws
    }

    /// Runs whatever is left and summarises.
    pub fn finish(mut self) -> Uncertainty {
        self.step(self.config.draws);
        let settings = self.scenario.appraisal;
        let programmes = self
            .runs
            .into_iter()
            .zip(self.scenario.enabled())
            .map(|(run, inputs)| run.finish(inputs, &settings))
            .collect();
        Uncertainty {
            config: self.config,
            horizon_years: settings.horizon_years,
            programmes,
        }
    }
}

/// Simulates a validated scenario in one go.
pub fn simulate(scenario: &Scenario, config: SimulationConfig) -> Uncertainty {
    Simulation::new(scenario, config).finish()
}

/// The p-quantile by linear interpolation between order statistics
/// (Hyndman and Fan's type 7, as in R and NumPy). Reorders `values`.
pub fn quantile(values: &mut [f64], p: f64) -> f64 {
    let n = values.len();
    if n == 0 {
        return 0.0;
    }
    let h = (n - 1) as f64 * p;
    let lo = h.floor() as usize;
    let (_, &mut below, above) = values.select_nth_unstable_by(lo, f64::total_cmp);
    let next = above
        .iter()
        .copied()
        .min_by(f64::total_cmp)
        .unwrap_or(below);
    below + (h - lo as f64) * (next - below)
}

fn percentiles(values: &mut [f64]) -> Percentiles {
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    Percentiles {
        p5: quantile(values, 0.05),
        p10: quantile(values, 0.10),
        p50: quantile(values, 0.50),
        p90: quantile(values, 0.90),
        p95: quantile(values, 0.95),
        mean,
    }
}

fn histogram(values: &[f64]) -> Vec<HistogramBin> {
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        });
    if values.is_empty() {
        return Vec::new();
    }
    if hi <= lo {
        let count = values.len() as u32;
        return vec![HistogramBin {
            from_gbp: lo,
            to_gbp: hi,
            count,
        }];
    }
    let width = (hi - lo) / HISTOGRAM_BINS as f64;
    let mut counts = [0u32; HISTOGRAM_BINS];
    for &x in values {
        let bin = (((x - lo) / width) as usize).min(HISTOGRAM_BINS - 1);
        counts[bin] += 1;
    }
    counts
        .iter()
        .enumerate()
        .map(|(i, &count)| HistogramBin {
            from_gbp: lo + i as f64 * width,
            to_gbp: if i + 1 == HISTOGRAM_BINS {
                hi
            } else {
                lo + (i + 1) as f64 * width
            },
            count,
        })
        .collect()
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
