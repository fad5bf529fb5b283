//! The Beta distribution, exactly (its CDF, density and quantile) and as a
//! tabulated inverse CDF for sampling Beta-PERT by inverse transform.
//!
//! # The table and its error bound
//! A [`PertTable`] holds the exact quantiles x_i = F⁻¹(i/N) at N + 1 equally
//! spaced probabilities (N = [`TABLE_INTERVALS`]), each found by Newton's
//! method on the exact CDF to 1e-13. Between nodes the quantile is
//! interpolated linearly, except in the [`TAIL_INTERVALS`] at each end: there
//! the density vanishes as x^(α−1) or (1 − x)^(β−1), the quantile curves
//! too sharply for a straight line (linear interpolation alone errs by
//! 3.4e-5 in the second interval), so x^α (or (1 − x)^β) is interpolated
//! instead, which follows that power law exactly. Each interval holds
//! exactly its probability 1/N, so the sampled distribution only differs
//! from the Beta's within an interval. The error in probability,
//! |F(Q(u)) − u| for the exact CDF F and the table's quantile Q, is at most
//! [`TABLE_ERROR_BOUND`] (0.0004 percentage points) for every α, β of a PERT
//! (1 to 5, α + β = 6) and every u: `tests/it/sampling.rs` checks it against
//! the exact CDF at 200,001 points and deep in both tails for 21 shapes (the
//! worst, 3.65e-6, is in the first or last interval, for α or β near 2.2). The table's CDF ([`PertTable::cdf`]) is the
//! exact inverse of its quantile, so conditional probabilities computed with
//! it agree with the draws.

/// Intervals of the quantile table.
pub(crate) const TABLE_INTERVALS: usize = 2048;

/// Intervals at each end interpolated along the tail's power law.
pub(crate) const TAIL_INTERVALS: usize = 16;

/// Cells of [`PertTable::cdf`]'s index over [0, 1]: a PERT's density is at
/// most 5 (α = 5, β = 1), so a cell of 1/8192 holds at most
/// 2048 × 5 / 8192 = 1.25 of the table's intervals, and the index finds
/// the interval holding `x` in one or two steps rather than a binary
/// search's eleven.
pub(crate) const CDF_CELLS: usize = 8192;

/// The largest |F(Q(u)) − u| of a table (see the module's doc).
pub const TABLE_ERROR_BOUND: f64 = 4e-6;

/// ln B(a, b), from `libm`'s log-gamma: the same bits natively and in
/// WebAssembly.
pub(crate) fn ln_beta(a: f64, b: f64) -> f64 {
    libm::lgamma(a) + libm::lgamma(b) - libm::lgamma(a + b)
}

/// The continued fraction of the regularized incomplete beta (Numerical
/// Recipes, 3rd ed., 6.4), by the modified Lentz method.
fn beta_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..400 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = if d.abs() < TINY { TINY } else { d };
        c = 1.0 + aa / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        d = if d.abs() < TINY { TINY } else { d };
        c = 1.0 + aa / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    h
}

/// A Beta(a, b) with its ln B(a, b) worked out once: the quantile search
/// calls its CDF and density many times, and three log-gammas a call were
/// most of a table's cost.
#[derive(Clone, Copy, Debug)]
struct Beta {
    a: f64,
    b: f64,
    ln_b: f64,
}

impl Beta {
    fn new(a: f64, b: f64) -> Beta {
        Beta {
            a,
            b,
            ln_b: ln_beta(a, b),
        }
    }

    /// I_x(a, b) and the density at x, sharing ln x and ln(1 − x).
    fn cdf_pdf(self, x: f64) -> (f64, f64) {
        let Beta { a, b, ln_b } = self;
        if x <= 0.0 || x >= 1.0 {
            return (if x <= 0.0 { 0.0 } else { 1.0 }, 0.0);
        }
        let (ln_x, ln_1mx) = (libm::log(x), libm::log1p(-x));
        let front = libm::exp(a * ln_x + b * ln_1mx - ln_b);
        let cdf = if x < (a + 1.0) / (a + b + 2.0) {
            front * beta_fraction(x, a, b) / a
        } else {
            1.0 - front * beta_fraction(1.0 - x, b, a) / b
        };
        (cdf, libm::exp((a - 1.0) * ln_x + (b - 1.0) * ln_1mx - ln_b))
    }
}

/// The Beta(a, b) CDF: the regularized incomplete beta I_x(a, b).
pub(crate) fn beta_cdf(x: f64, a: f64, b: f64) -> f64 {
    Beta::new(a, b).cdf_pdf(x).0
}

impl Beta {
    /// The Beta(a, b) quantile, by Newton's method safeguarded by bisection,
    /// from a starting point inside (lo, hi), the bracket the answer lies in.
    fn quantile_in(self, u: f64, mut lo: f64, mut hi: f64, start: f64) -> f64 {
        let mut x = start.clamp(lo, hi);
        for _ in 0..100 {
            let (cdf, density) = self.cdf_pdf(x);
            let f = cdf - u;
            if f > 0.0 {
                hi = x;
            } else {
                lo = x;
            }
            let newton = x - f / density;
            let next = if density > 0.0 && newton > lo && newton < hi {
                newton
            } else {
                0.5 * (lo + hi)
            };
            if (next - x).abs() <= 1e-13 || hi - lo <= 1e-13 {
                return next;
            }
            x = next;
        }
        x
    }
}

/// A Beta's tabulated quantile function (see the module's doc).
#[derive(Debug)]
pub struct PertTable {
    pub alpha: f64,
    pub beta: f64,
    /// x_i = F⁻¹(i / N), i = 0 … N: x_0 = 0, x_N = 1.
    nodes: Vec<f64>,
    /// x_i^α for i = 0 … K: the lower tail's nodes, where F ∝ x^α.
    lower: Vec<f64>,
    /// (1 − x_(N−j))^β for j = 0 … K: the upper tail's, where 1 − F ∝ (1 − x)^β.
    upper: Vec<f64>,
    /// For each cell k of [`CDF_CELLS`], the interval holding k / cells:
    /// where [`Self::cdf`]'s search for `x` in that cell starts.
    cells: Vec<u16>,
}

impl PertTable {
    pub fn new(alpha: f64, beta: f64) -> PertTable {
        let n = TABLE_INTERVALS;
        let mut nodes = Vec::with_capacity(n + 1);
        nodes.push(0.0);
        let mut previous = 0.0;
        let dist = Beta::new(alpha, beta);
        for i in 1..n {
            let u = i as f64 / n as f64;
            let x = dist.quantile_in(u, previous, 1.0, previous);
            nodes.push(x);
            previous = x;
        }
        nodes.push(1.0);
        let lower = (0..=TAIL_INTERVALS)
            .map(|i| libm::pow(nodes[i], alpha))
            .collect();
        let upper = (0..=TAIL_INTERVALS)
            .map(|j| libm::pow(1.0 - nodes[n - j], beta))
            .collect();
        let cells = (0..CDF_CELLS)
            .map(|k| interval_holding(&nodes, k as f64 / CDF_CELLS as f64) as u16)
            .collect();
        PertTable {
            alpha,
            beta,
            nodes,
            lower,
            upper,
            cells,
        }
    }

    /// The quantile of `u` in (0, 1), on [0, 1]. (Inlined: it runs once
    /// a ranged parameter a draw; the tails, one draw in 64, are not.)
    #[inline]
    pub fn quantile(&self, u: f64) -> f64 {
        let n = TABLE_INTERVALS;
        let s = u * n as f64;
        let i = (s as usize).min(n - 1);
        let t = s - i as f64;
        if i < TAIL_INTERVALS || i >= n - TAIL_INTERVALS {
            return self.tail_quantile(i, t);
        }
        let (x0, x1) = (self.nodes[i], self.nodes[i + 1]);
        x0 + t * (x1 - x0)
    }

    /// [`Self::quantile`] in the tails' intervals: `t` of the way through
    /// interval `i`, interpolating x^α (or (1 − x)^β).
    #[inline(never)]
    fn tail_quantile(&self, i: usize, t: f64) -> f64 {
        let n = TABLE_INTERVALS;
        if i < TAIL_INTERVALS {
            let (y0, y1) = (self.lower[i], self.lower[i + 1]);
            return libm::pow(y0 + t * (y1 - y0), 1.0 / self.alpha);
        }
        let j = n - i;
        let (y0, y1) = (self.upper[j], self.upper[j - 1]);
        1.0 - libm::pow(y0 + t * (y1 - y0), 1.0 / self.beta)
    }

    /// The probability below `x` in [0, 1]: the inverse of
    /// [`Self::quantile`] (to rounding).
    pub(crate) fn cdf(&self, x: f64) -> f64 {
        let n = TABLE_INTERVALS;
        if x <= 0.0 {
            return 0.0;
        }
        if x >= 1.0 {
            return 1.0;
        }
        let within = |lo: f64, hi: f64, y: f64| ((y - lo) / (hi - lo)).clamp(0.0, 1.0);
        let node = |i: usize| self.nodes[i];
        if x < node(TAIL_INTERVALS) {
            let y = libm::pow(x, self.alpha);
            let i = (self.lower.partition_point(|&l| l <= y) - 1).min(TAIL_INTERVALS - 1);
            return (i as f64 + within(self.lower[i], self.lower[i + 1], y)) / n as f64;
        }
        if x > node(n - TAIL_INTERVALS) {
            let y = libm::pow(1.0 - x, self.beta);
            // upper rises with j: the interval [x_(N−j), x_(N−j+1)) has y in (upper[j−1], upper[j]].
            let j = self
                .upper
                .partition_point(|&v| v < y)
                .clamp(1, TAIL_INTERVALS);
            let t = within(self.upper[j], self.upper[j - 1], y);
            return ((n - j) as f64 + t) / n as f64;
        }
        // The interval [x_i, x_i+1) holding x: at or after the one holding
        // its cell's start (x × cells is exact, cells a power of two).
        let mut i = usize::from(self.cells[(x * CDF_CELLS as f64) as usize]);
        while node(i + 1) <= x {
            i += 1;
        }
        let (x0, x1) = (node(i), node(i + 1));
        (i as f64 + (x - x0) / (x1 - x0)) / n as f64
    }
}

/// The interval [x_i, x_i+1) of `nodes` (rising, from 0) holding `x`.
fn interval_holding(nodes: &[f64], x: f64) -> usize {
    nodes.partition_point(|&node| node <= x) - 1
}

/// The tables made so far, by shape: a keystroke changes one parameter, so
/// a run reuses the others'. Kept small; the oldest go first.
fn cached(alpha: f64, beta: f64) -> std::sync::Arc<PertTable> {
    use std::sync::{Arc, Mutex, OnceLock};
    const KEPT: usize = 256;
    static CACHE: OnceLock<Mutex<Vec<Arc<PertTable>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let same = |t: &&Arc<PertTable>| {
        t.alpha.to_bits() == alpha.to_bits() && t.beta.to_bits() == beta.to_bits()
    };
    if let Ok(tables) = cache.lock() {
        if let Some(t) = tables.iter().find(same) {
            return Arc::clone(t);
        }
    }
    let table = Arc::new(PertTable::new(alpha, beta));
    if let Ok(mut tables) = cache.lock() {
        if tables.len() >= KEPT {
            tables.remove(0);
        }
        tables.push(Arc::clone(&table));
    }
    table
}

/// The table of a Beta(alpha, beta), made once and shared.
pub fn table(alpha: f64, beta: f64) -> std::sync::Arc<PertTable> {
    cached(alpha, beta)
}

#[cfg(test)]
mod tests {
    use super::Beta;

    /// The CDF and the density together, by hand: Beta(2, 2) has CDF
    /// 3x² − 2x³ and density 6x(1 − x); Beta(1, 1) is uniform; outside
    /// (0, 1) the CDF is 0 or 1 and the density 0.
    #[test]
    fn the_cdf_and_density_are_the_closed_forms() {
        let close = |(c, p): (f64, f64), (want_c, want_p): (f64, f64)| {
            assert!(
                (c - want_c).abs() < 1e-12 && (p - want_p).abs() < 1e-12,
                "({c}, {p}) against ({want_c}, {want_p})"
            );
        };
        for x in [0.1, 0.3, 0.5, 0.7, 0.9] {
            close(
                Beta::new(2.0, 2.0).cdf_pdf(x),
                (3.0 * x * x - 2.0 * x * x * x, 6.0 * x * (1.0 - x)),
            );
            close(Beta::new(1.0, 1.0).cdf_pdf(x), (x, 1.0));
        }
        assert_eq!(Beta::new(2.0, 3.0).cdf_pdf(0.0), (0.0, 0.0));
        assert_eq!(Beta::new(2.0, 3.0).cdf_pdf(-0.5), (0.0, 0.0));
        assert_eq!(Beta::new(2.0, 3.0).cdf_pdf(1.0), (1.0, 0.0));
        assert_eq!(Beta::new(2.0, 3.0).cdf_pdf(1.5), (1.0, 0.0));
    }
}
