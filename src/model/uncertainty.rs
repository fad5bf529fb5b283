//! How sure is the answer? Randomised quasi-Monte Carlo simulation, tornado
//! and break-even risk.
//!
//! # Method
//! - Every parameter with a range is drawn independently, once per draw (one
//!   draw holds for every year of the appraisal), from a Beta-PERT
//!   distribution: min = low, mode = value, max = high, shape λ = 4, so
//!   X = low + (high − low) × Beta(α, β) with α = 1 + λ(value − low)/(high − low)
//!   and β = 1 + λ(high − value)/(high − low); its mean is
//!   (low + 4 × value + high) / 6. A parameter with low = value = high is fixed.
//! - Draws are randomised quasi-Monte Carlo ([`crate::sampling`]): each
//!   draw is a point of an Owen-scrambled Sobol sequence, one coordinate a
//!   ranged parameter, turned into the parameter by the Beta-PERT's
//!   tabulated inverse CDF. Each point is uniform, so every estimate is
//!   unbiased; the points fill the space evenly, so the estimates settle far
//!   faster than independent draws' (the benchmark prints both).
//! - Each draw is appraised by exactly the code of the central case
//!   ([`appraisal::year_rows_into`]), so with every range collapsed each
//!   percentile equals the deterministic result.
//! - Draws run in chunks of [`CHUNK_DRAWS`] ([`draws::run_chunk`]), each from
//!   its own index of the sequence, and each chunk's draws are put at their
//!   place in draw order ([`gathered`]), so the results are the same bits
//!   however many workers ran the chunks, natively and in WebAssembly (`libm` throughout, no OS entropy: the seed scrambles).
//! - P(council NPV > 0) by conditional Monte Carlo: council NPV is linear in
//!   each effect, NPV = A + B × e, so given the other draws the probability is
//!   the effect's exact PERT tail beyond −A/B. It is conditioned on the
//!   council effect with the widest tornado swing, which removes the
//!   indicator's noise ([`draws`]).
//! - The fan chart's percentiles come from the first [`FAN_SAMPLE_DRAWS`]
//!   draws; every other figure uses every draw.
//! - Tornado: council NPV with one ranged parameter at its low and then its
//!   high, the others at their values, sorted by swing; parameters that do
//!   not move council NPV (a cashable share, a stream left out) are left out.
//! - Break-even risk: the probability that the headline effect, drawn from its
//!   range, exceeds its break-even value with everything else at its value:
//!   the PERT's tail, exactly.

pub mod draws;
pub mod gathered;
pub mod packed;
#[cfg(test)]
mod tests;

pub use crate::decision::{quantiles, Decision};
use crate::registry::{Field, ProgrammeId};
pub use crate::sampling::{pert_mean, Method};
use crate::scenario::Scenario;
use draws::{ChunkDraws, Setup};
use gathered::{fits, ChunkView, Gathered};

pub const MIN_DRAWS: u32 = 1_000;
/// The most draws a run may ask for.
pub const MAX_DRAWS: u32 = 1_000_000;
pub const DEFAULT_DRAWS: u32 = 100_000;
pub const DEFAULT_SEED: u64 = 20_190_401;
/// How steady the figures must be at the default draws (issue 13's budget,
/// checked by `bash scripts/bench.sh` over 20 seeds of the default
/// scenario): the seed-to-seed standard deviation of P(council NPV > 0), in
/// percentage points, and of median council NPV, in per cent of its P10 to
/// P90 range.
pub const STEADY_PROBABILITY_POINTS: f64 = 0.1;
pub const STEADY_MEDIAN_PERCENT: f64 = 0.1;
/// Largest seed: JavaScript numbers hold integers exactly up to 2^53 − 1.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// Draws kept for the fan chart's percentiles.
pub(crate) const FAN_SAMPLE_DRAWS: usize = 50_000;
pub const HISTOGRAM_BINS: usize = 30;
/// Draws in a chunk: the unit of work a worker takes. Results do not depend
/// on how the chunks are shared out.
pub const CHUNK_DRAWS: u32 = 2_048;
/// Draws in a run's preview: its first chunks, summarised while the rest
/// run (a page shows them as provisional). A chunk's draws depend only on
/// the seed and where the chunk starts, so the preview is the same bits as
/// a run of this many draws with the same seed.
pub const PREVIEW_DRAWS: u32 = 4 * CHUNK_DRAWS;
/// How far the preview's figures may move on the way to the full run's,
/// the page's promise for its provisional figures: P(council NPV > 0) in
/// percentage points, and median council NPV in per cent of its P10 to P90
/// range. Checked against the full run for 10 seeds of the default
/// scenario, each model, in `tests/it/uncertainty_preview.rs`: the largest
/// moves found were 0.07 points and 0.40%.
pub const PREVIEW_MOVE_PROBABILITY_POINTS: f64 = 0.25;
pub const PREVIEW_MOVE_MEDIAN_PERCENT: f64 = 1.0;

/// How many draws, from which seed. Build it with
/// `sfpc::format::simulation_config`, which checks the limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SimulationConfig {
    pub draws: u32,
    pub seed: u64,
}

impl SimulationConfig {
    /// The number of chunks of the run.
    pub fn chunks(&self) -> u32 {
        self.draws.div_ceil(CHUNK_DRAWS)
    }

    /// The draws of chunk `c`: [start, end).
    pub(crate) fn chunk_range(&self, c: u32) -> (u32, u32) {
        let start = c.saturating_mul(CHUNK_DRAWS).min(self.draws);
        (start, start.saturating_add(CHUNK_DRAWS).min(self.draws))
    }
}

/// Every parameter at its value but one, at its low or its high.
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
    /// P(effect > break-even) under the effect's PERT, exactly (its CDF).
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
    /// By conditional Monte Carlo on [`Self::conditioned_on`] where there is
    /// one: the mean over draws of P(NPV > 0 | the other parameters).
    pub probability_council_npv_positive: f64,
    /// The effect the probability above is conditioned on.
    pub conditioned_on: Option<Field>,
    pub probability_payback_within_horizon: f64,
    pub fan: Vec<FanYear>,
    /// How many draws the fan's percentiles come from.
    pub fan_draws: u32,
    pub histogram: Vec<HistogramBin>,
    pub tornado: Vec<TornadoBar>,
    pub break_even: BreakEvenRisk,
    /// Adopt or not: expected losses, EVPI, chances over thresholds.
    pub decision: Decision,
}

/// The uncertainty analysis of every enabled programme.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    pub config: SimulationConfig,
    pub horizon_years: u32,
    pub programmes: Vec<ProgrammeUncertainty>,
}

/// A simulation that runs chunk by chunk, here (`step`) or elsewhere (a
/// worker runs [`Simulation::run_chunk`] on its own copy and the chunks come
/// back through [`Simulation::insert`]), so a page can draw meanwhile and
/// drop it when the input changes. The result does not depend on the step
/// sizes, on who ran which chunk or in what order.
#[derive(Clone)]
pub struct Simulation {
    scenario: Scenario,
    config: SimulationConfig,
    setups: Vec<Setup>,
    /// Whether each chunk is in.
    arrived: Vec<bool>,
    /// Each enabled programme's draws so far, in draw order.
    gathered: Vec<Gathered>,
    draws_done: u32,
    /// The first [`PREVIEW_DRAWS`] draws again, as a run of their own: a
    /// run of at least four times as many draws has one.
    preview: Option<Box<Simulation>>,
}

impl Simulation {
    pub fn new(scenario: &Scenario, config: SimulationConfig) -> Simulation {
        let setups: Vec<Setup> = scenario
            .enabled()
            .map(|inputs| Setup::new(inputs, &scenario.appraisal))
            .collect();
        let preview = (config.draws >= 4 * PREVIEW_DRAWS).then(|| {
            let config = SimulationConfig {
                draws: PREVIEW_DRAWS,
                ..config
            };
            Box::new(Simulation::new(scenario, config))
        });
        Simulation {
            arrived: vec![false; config.chunks() as usize],
            gathered: vec![Gathered::default(); setups.len()],
            scenario: scenario.clone(),
            config,
            setups,
            draws_done: 0,
            preview,
        }
    }

    pub fn config(&self) -> SimulationConfig {
        self.config
    }

    /// Chunk `c`'s draws of every enabled programme, in programme order.
    pub fn run_chunk(&self, c: u32) -> Vec<ChunkDraws> {
        self.setups
            .iter()
            .zip(self.scenario.enabled())
            .map(|(setup, inputs)| {
                draws::run_chunk(setup, inputs, &self.scenario.appraisal, self.config, c)
            })
            .collect()
    }

    /// Takes chunk `c`'s draws (one view a programme), run elsewhere. An
    /// error (nothing taken) if `c` is out of range, already in, or not the
    /// shape this run's chunk has.
    pub fn insert(&mut self, c: u32, draws: &[ChunkView]) -> Result<(), String> {
        let (start, end) = self.config.chunk_range(c);
        let arrived = self
            .arrived
            .get_mut(c as usize)
            .ok_or_else(|| format!("chunk {c} is beyond this run's {}", self.config.chunks()))?;
        if *arrived {
            return Err(format!("chunk {c} is already in"));
        }
        let years = self.scenario.appraisal.horizon_years as usize;
        if draws.len() != self.setups.len() || !draws.iter().all(|d| fits(d, start, end, years)) {
            return Err(format!(
                "chunk {c} has the wrong number of programmes or draws"
            ));
        }
        if let Some(preview) = self.preview.as_mut().filter(|p| c < p.config.chunks()) {
            preview.insert(c, draws)?;
        }
        *arrived = true;
        for (gathered, view) in self.gathered.iter_mut().zip(draws) {
            gathered.put(self.config, c, view);
        }
        self.draws_done += end - start;
        Ok(())
    }

    /// Runs chunks not yet in, lowest first, until at least `max_draws` more
    /// draws are done (or all are); returns the number done so far.
    pub fn step(&mut self, max_draws: u32) -> u32 {
        let goal = self.draws_done.saturating_add(max_draws.max(1));
        for c in 0..self.config.chunks() {
            if self.draws_done >= goal {
                break;
            }
            if !self.arrived[c as usize] {
                let draws = self.run_chunk(c);
                let views: Vec<ChunkView> = draws.iter().map(ChunkDraws::view).collect();
                let taken = self.insert(c, &views);
                debug_assert!(taken.is_ok(), "a chunk run here fits: {taken:?}");
            }
        }
        self.draws_done
    }

    pub fn draws_done(&self) -> u32 {
        self.draws_done
    }

    /// Chunks `from` to `to` (exclusive, clipped to the run), run here and
    /// packed for the page ([`packed`]): what a worker does.
    pub fn run_packed(&self, from: u32, to: u32) -> Vec<f64> {
        let mut out = Vec::new();
        for c in from..to.min(self.config.chunks()) {
            packed::pack_chunk(c, &self.run_chunk(c), &mut out);
        }
        out
    }

    /// Takes packed chunks run elsewhere; returns the draws done so far.
    pub fn insert_packed(&mut self, data: &[f64]) -> Result<u32, String> {
        for (c, draws) in packed::unpack(data, self.setups.len())? {
            self.insert(c, &draws)?;
        }
        Ok(self.draws_done)
    }

    pub fn is_done(&self) -> bool {
        self.draws_done >= self.config.draws
    }

    /// The summary of the first [`PREVIEW_DRAWS`] draws, once they are all
    /// in (whatever else is): the same as [`simulate`] with that many draws
    /// and this seed. None for a run too short to have one.
    pub fn preview(&self) -> Option<Uncertainty> {
        let preview = self.preview.as_ref().filter(|p| p.is_done())?;
        Some(Simulation::clone(preview).finish())
    }

    /// The chunks the preview needs (the first ones), or 0 where there is none:
    /// a pool of workers runs these first.
    pub fn preview_chunks(&self) -> u32 {
        self.preview.as_ref().map_or(0, |p| p.config.chunks())
    }

    /// Runs whatever is left and summarises.
    pub fn finish(mut self) -> Uncertainty {
        self.step(self.config.draws);
        let settings = self.scenario.appraisal;
        let programmes = self
            .setups
            .iter()
            .zip(&mut self.gathered)
            .map(|(setup, gathered)| summarise(setup, gathered, settings.horizon_years))
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

/// A programme's figures from its draws (reordered: the quantiles are
/// found in place).
fn summarise(setup: &Setup, all: &mut Gathered, horizon_years: u32) -> ProgrammeUncertainty {
    let n = all.council_npv.len().max(1) as f64;
    let positive = all
        .positive_probability_sums
        .iter()
        .fold(0.0, |sum, p| sum + p);
    let histogram = histogram(&all.council_npv);
    let fan_draws = all.fan.first().map_or(0, Vec::len) as u32;
    let fan = (0..horizon_years)
        .map(|year| {
            let values = all
                .fan
                .get_mut(year as usize)
                .map_or(&mut [][..], |v| &mut v[..]);
            let [p10_gbp, p50_gbp, p90_gbp] = quantiles(values, [0.10, 0.50, 0.90]);
            FanYear {
                year,
                p10_gbp,
                p50_gbp,
                p90_gbp,
            }
        })
        .collect();
    ProgrammeUncertainty {
        programme: setup.programme,
        central_council_npv_gbp: setup.central_council_npv,
        council_npv_gbp: percentiles(&mut all.council_npv),
        // Last: it takes the draws (the summary is their last use).
        decision: Decision::from_draws(
            std::mem::take(&mut all.council_npv),
            &all.paid_back_by_year,
        ),
        council_cashable_npv_gbp: percentiles(&mut all.council_cashable_npv),
        public_npv_gbp: percentiles(&mut all.public_npv),
        probability_council_npv_positive: positive / n,
        conditioned_on: setup.conditioned_on(),
        probability_payback_within_horizon: f64::from(all.paid_back) / n,
        fan,
        fan_draws,
        histogram,
        tornado: setup.tornado.clone(),
        break_even: setup.break_even_risk(),
    }
}

fn percentiles(values: &mut [f64]) -> Percentiles {
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    let [p5, p10, p50, p90, p95] = quantiles(values, [0.05, 0.10, 0.50, 0.90, 0.95]);
    Percentiles {
        p5,
        p10,
        p50,
        p90,
        p95,
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
