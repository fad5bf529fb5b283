//! Draws of the ranged parameters: Beta-PERT by inverse transform
//! ([`beta`]) of Owen-scrambled Sobol points ([`sobol`]), randomised
//! quasi-Monte Carlo. A draw's i-th ranged parameter takes coordinate i of
//! the draw's point: a model picks its parameters in the same order every
//! draw (`crate::programmes`), and a fixed parameter takes no coordinate.
//!
//! Plain Monte Carlo ([`Uniforms::Random`]: the same inverse transform of
//! hashed, counter-based uniforms) is kept for comparison: the benchmark
//! prints how the two estimators' errors fall with draws.

pub mod beta;
pub mod sobol;
#[cfg(test)]
mod tests;

use crate::estimate::Estimate;
use crate::programmes::Pick;
use crate::registry::Field;
use beta::PertTable;
use sobol::{mix64, unit, SobolRun, DIMENSIONS};
use std::sync::Arc;

/// How the draws' uniforms are made, for the audit trail (results'
/// `simulation.generator`).
pub const GENERATOR: &str = "Owen-scrambled Sobol points (Joe and Kuo's direction numbers, Burley's hash scramble), one scrambled sequence per programme";

/// How a ranged parameter is drawn (results' `simulation.distribution`).
pub fn distribution() -> String {
    format!(
        "Beta-PERT, shape {PERT_SHAPE}, by inverse transform of a tabulated quantile function (at most {:e} from the exact CDF in probability), each ranged parameter its own dimension",
        beta::TABLE_ERROR_BOUND
    )
}

/// The PERT shape parameter: the standard value, weighting the mode 4 to 1.
pub(crate) const PERT_SHAPE: f64 = 4.0;

/// The mean of a Beta-PERT distribution.
pub fn pert_mean(e: Estimate) -> f64 {
    (e.low + 4.0 * e.value + e.high) / 6.0
}

/// The Beta shapes of PERT(low, value, high): α = 1 + λ(value − low)/(high − low),
/// β = 1 + λ(high − value)/(high − low), λ = [`PERT_SHAPE`].
pub(crate) fn pert_shapes(e: Estimate) -> (f64, f64) {
    let range = e.high - e.low;
    (
        1.0 + PERT_SHAPE * (e.value - e.low) / range,
        1.0 + PERT_SHAPE * (e.high - e.value) / range,
    )
}

/// A ranged parameter ready to sample: its estimate and its quantile table.
#[derive(Clone, Debug)]
pub struct Pert {
    pub estimate: Estimate,
    pub table: Arc<PertTable>,
}

impl Pert {
    /// `None` for a fixed estimate (low = high).
    pub fn new(e: Estimate) -> Option<Pert> {
        (e.high > e.low).then(|| {
            let (alpha, beta) = pert_shapes(e);
            Pert {
                estimate: e,
                table: beta::table(alpha, beta),
            }
        })
    }

    #[inline]
    pub fn quantile(&self, u: f64) -> f64 {
        let e = self.estimate;
        e.low + (e.high - e.low) * self.table.quantile(u)
    }

    /// P(X ≤ x) under the sampled distribution.
    pub(crate) fn cdf(&self, x: f64) -> f64 {
        let e = self.estimate;
        self.table.cdf((x - e.low) / (e.high - e.low))
    }
}

/// Where a draw's uniforms come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Owen-scrambled Sobol points: the calculator's.
    ScrambledSobol,
    /// Independent uniforms: plain Monte Carlo, for comparison.
    Random,
}

#[derive(Clone, Debug)]
enum Uniforms {
    Sobol(Box<SobolRun>),
    Random { n: u32 },
}

/// Draws parameters for one programme's run, draw after draw from any
/// starting index (a chunk), the same bits whatever the chunks.
#[derive(Clone, Debug)]
pub struct Sampler {
    uniforms: Uniforms,
    key: u64,
    /// The ranged parameters in the order a draw picks them, made on the
    /// first draw and checked on every pick.
    perts: Vec<Pert>,
    /// This draw's value of each of `perts`, worked out together when the
    /// draw begins (one tight loop, whose table reads overlap).
    values: Vec<f64>,
    next: usize,
    started: bool,
}

impl Sampler {
    /// The sampler of `seed`'s run for stream `stream` (a programme),
    /// positioned at draw `n`.
    pub fn new(method: Method, seed: u64, stream: usize, n: u32) -> Sampler {
        let key = mix64(seed ^ mix64(0x5f70_6300 + stream as u64));
        let uniforms = match method {
            Method::ScrambledSobol => Uniforms::Sobol(Box::new(SobolRun::new(key, n))),
            Method::Random => Uniforms::Random { n },
        };
        Sampler {
            uniforms,
            key,
            perts: Vec::new(),
            values: Vec::new(),
            next: 0,
            started: false,
        }
    }

    /// Starts the next draw (the first call, the draw the sampler was
    /// positioned at).
    pub fn begin_draw(&mut self) {
        self.step(false);
        for d in 0..self.perts.len() {
            let u = self.uniform(d);
            self.values.push(self.perts[d].quantile(u));
        }
    }

    /// The next `len` draws' values of each ranged parameter (from this
    /// draw on; the first draw if none has begun), dimension by dimension, in
    /// `out[d * len + i]`: the numbers [`Self::begin_draw`] would work out
    /// draw by draw, to the bit, but each table read in one tight loop.
    /// The sampler does not move; [`Self::begin_draw_from`] takes them.
    pub fn values_ahead(&self, len: usize, out: &mut Vec<f64>) {
        let first = self.draw_index().wrapping_add(u32::from(self.started));
        let mut column = Vec::with_capacity(len);
        out.clear();
        for (d, pert) in self.perts.iter().enumerate() {
            match &self.uniforms {
                Uniforms::Sobol(run) if d < DIMENSIONS => {
                    let mut run = run.clone();
                    run.resync();
                    if self.started {
                        run.advance();
                    }
                    run.column(d, len, &mut column);
                    out.extend(column.iter().map(|&x| pert.quantile(unit(x))));
                }
                _ => out.extend((0..len).map(|i| {
                    let n = first.wrapping_add(i as u32);
                    pert.quantile(self.hashed(n, d))
                })),
            }
        }
    }

    /// Starts the next draw, as [`Self::begin_draw`], taking its values
    /// from column `i` of [`Self::values_ahead`]'s `ahead` (of `len` draws).
    pub fn begin_draw_from(&mut self, ahead: &[f64], len: usize, i: usize) {
        // The values are worked out already: the point's coordinates are
        // only needed again if a pick misses (see `draw`).
        self.step(true);
        self.values
            .extend((0..self.perts.len()).map(|d| ahead[d * len + i]));
    }

    /// On to the next draw (the first call stays at the draw the sampler
    /// was positioned at), with no values yet; `skip_coordinates` leaves
    /// the Sobol point's coordinates to be worked out when read.
    fn step(&mut self, skip_coordinates: bool) {
        if self.started {
            match &mut self.uniforms {
                Uniforms::Sobol(run) if skip_coordinates => run.skip(),
                Uniforms::Sobol(run) => run.advance(),
                Uniforms::Random { n, .. } => *n += 1,
            }
        }
        self.started = true;
        self.next = 0;
        self.values.clear();
    }

    /// Starts with the ranged parameters a draw will pick, in order (a
    /// run's set-up learns them once, so each chunk need not look up its
    /// tables again); each pick still checks its estimate.
    pub fn with_perts(mut self, perts: Vec<Pert>) -> Sampler {
        self.perts = perts;
        self
    }

    /// The ranged parameters picked so far, in pick order.
    pub fn perts(&self) -> &[Pert] {
        &self.perts
    }

    /// The index of the current draw.
    pub(crate) fn draw_index(&self) -> u32 {
        match &self.uniforms {
            Uniforms::Sobol(run) => run.index(),
            Uniforms::Random { n, .. } => *n,
        }
    }

    /// The uniform on (0, 1) of coordinate `d` of the current draw.
    fn uniform(&self, d: usize) -> f64 {
        match &self.uniforms {
            Uniforms::Sobol(run) if d < DIMENSIONS => unit(run.scrambled(d)),
            Uniforms::Sobol(run) => self.hashed(run.index(), d),
            Uniforms::Random { n, .. } => self.hashed(*n, d),
        }
    }

    /// The hashed uniform of coordinate `d` of draw `n` (plain Monte Carlo,
    /// and dimensions beyond the direction numbers').
    fn hashed(&self, n: u32, d: usize) -> f64 {
        let bits = mix64(self.key ^ mix64((u64::from(n) << 8) ^ d as u64));
        unit((bits >> 32) as u32)
    }

    /// A draw from Beta-PERT(low, value, high); the value itself when fixed.
    /// The PERT of the d-th ranged pick is kept from draw to draw, and made
    /// again if its estimate changed, so a stale table is never sampled.
    #[inline]
    pub fn draw(&mut self, e: Estimate) -> f64 {
        // A fixed figure is itself (and never a ranged pick's estimate).
        let ranged = e.high > e.low;
        if !ranged {
            return e.value;
        }
        let d = self.next;
        if let (Some(p), Some(&x)) = (self.perts.get(d), self.values.get(d)) {
            if p.estimate == e {
                self.next += 1;
                return x;
            }
        }
        self.draw_new(e, d)
    }

    /// A ranged pick that is not the one expected at `d` (the first draw,
    /// or a changed estimate): its table is made (or found) and kept.
    #[cold]
    #[inline(never)]
    fn draw_new(&mut self, e: Estimate, d: usize) -> f64 {
        let Some(pert) = Pert::new(e) else {
            return e.value;
        };
        self.perts.truncate(d);
        self.values.truncate(d);
        if let Uniforms::Sobol(run) = &mut self.uniforms {
            run.resync();
        }
        let x = pert.quantile(self.uniform(d));
        self.perts.push(pert);
        self.values.push(x);
        self.next += 1;
        x
    }
}

impl Pick for Sampler {
    #[inline]
    fn pick(&mut self, _field: Field, estimate: Estimate) -> f64 {
        self.draw(estimate)
    }
}
