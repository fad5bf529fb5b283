//! Adopt or not, from the simulation's draws of council NPV: the expected
//! loss of each choice, the expected value of perfect information (EVPI),
//! and the chance of clearing a threshold.
//!
//! # Method
//! With X a draw of council NPV (adopting, against not adopting, whose NPV
//! is 0), over the N draws:
//! - expected loss of adopting = E[max(−X, 0)]: the average shortfall in the
//!   futures where adopting does not pay, times their chance;
//! - expected loss of not adopting = E[max(X, 0)]: the gain forgone;
//! - EVPI = E[max(X, 0)] − max(E[X], 0): what knowing every parameter
//!   before deciding would be worth. It equals the smaller expected loss
//!   (Claxton 1999; Briggs, Claxton and Sculpher, *Decision Modelling for
//!   Health Economic Evaluation*, 2006, ch. 7), and is 0 exactly when every
//!   draw leads to the same choice;
//! - P(X > t) for any thresholds t, by counting the draws in one pass.

/// What the draws say about the choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Mean council NPV over the draws.
    pub expected_council_npv_gbp: f64,
    /// E[max(−X, 0)].
    pub expected_loss_adopt_gbp: f64,
    /// E[max(X, 0)].
    pub expected_loss_not_adopt_gbp: f64,
    /// Share of draws in which council NPV is below 0.
    pub share_losing: f64,
    /// Share of draws in which council NPV is above 0.
    pub share_gaining: f64,
    /// E[max(X, 0)] − max(E[X], 0).
    pub evpi_gbp: f64,
    /// `payback_within[y]`: share of draws whose council pays back within
    /// y + 1 years.
    pub payback_within: Vec<f64>,
    /// Council NPV at the draws' 1st, 5th, 25th, 75th, 95th and 99th
    /// percentiles ([`NPV_QUANTILES`]).
    pub npv_quantiles_gbp: [f64; 6],
    /// Every draw of council NPV, in no particular order: counting them
    /// answers any threshold (a sort would cost the page milliseconds).
    npv_gbp: Vec<f64>,
}

/// The percentiles [`Decision::npv_quantiles_gbp`] holds.
pub const NPV_QUANTILES: [f64; 6] = [0.01, 0.05, 0.25, 0.75, 0.95, 0.99];

/// The choice with the smaller expected loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Adopt,
    NotAdopt,
}

impl Decision {
    /// From every draw's council NPV (reordered here) and how many draws
    /// paid back by the end of each year.
    pub fn from_draws(mut npv_gbp: Vec<f64>, paid_back_by_year: &[u32]) -> Decision {
        let n = npv_gbp.len().max(1) as f64;
        let (mut sum, mut gains, mut losses) = (0.0, 0.0, 0.0);
        let (mut losing, mut gaining) = (0usize, 0usize);
        for &x in &npv_gbp {
            sum += x;
            gains += x.max(0.0);
            losses += (-x).max(0.0);
            losing += usize::from(x < 0.0);
            gaining += usize::from(x > 0.0);
        }
        let mean = sum / n;
        Decision {
            expected_council_npv_gbp: mean,
            expected_loss_adopt_gbp: losses / n,
            expected_loss_not_adopt_gbp: gains / n,
            share_losing: losing as f64 / n,
            share_gaining: gaining as f64 / n,
            evpi_gbp: gains / n - mean.max(0.0),
            payback_within: paid_back_by_year
                .iter()
                .map(|&c| f64::from(c) / n)
                .collect(),
            npv_quantiles_gbp: quantiles(&mut npv_gbp, NPV_QUANTILES),
            npv_gbp,
        }
    }

    /// The choice with the smaller expected loss (adopting on a tie).
    pub fn better(&self) -> Choice {
        if self.expected_loss_adopt_gbp <= self.expected_loss_not_adopt_gbp {
            Choice::Adopt
        } else {
            Choice::NotAdopt
        }
    }

    /// How much smaller the better choice's expected loss is.
    pub fn margin_gbp(&self) -> f64 {
        (self.expected_loss_adopt_gbp - self.expected_loss_not_adopt_gbp).abs()
    }

    /// The average shortfall in the futures where adopting does not pay:
    /// E[−X | X < 0] (0 if none).
    pub fn mean_shortfall_gbp(&self) -> f64 {
        if self.share_losing > 0.0 {
            self.expected_loss_adopt_gbp / self.share_losing
        } else {
            0.0
        }
    }

    /// The average gain in the futures where adopting pays: E[X | X > 0].
    pub fn mean_gain_gbp(&self) -> f64 {
        if self.share_gaining > 0.0 {
            self.expected_loss_not_adopt_gbp / self.share_gaining
        } else {
            0.0
        }
    }

    /// Share of draws with council NPV above each threshold (in their
    /// order), counted in one pass over the draws.
    pub fn chances_above(&self, thresholds: &[f64]) -> Vec<f64> {
        let mut sorted: Vec<f64> = thresholds.to_vec();
        sorted.sort_by(f64::total_cmp);
        // below[k]: draws with exactly k of the sorted thresholds under them.
        let mut below = vec![0usize; sorted.len() + 1];
        for &x in &self.npv_gbp {
            below[sorted.partition_point(|&t| t < x)] += 1;
        }
        let n = self.npv_gbp.len().max(1) as f64;
        // above[j]: draws above sorted threshold j = Σ below[k], k > j.
        let mut above = vec![0usize; sorted.len()];
        let mut running = 0;
        for j in (0..sorted.len()).rev() {
            running += below[j + 1];
            above[j] = running;
        }
        thresholds
            .iter()
            .map(|t| {
                let j = sorted.partition_point(|s| s.total_cmp(t).is_lt());
                above[j] as f64 / n
            })
            .collect()
    }

    /// Share of draws with council NPV above `threshold_gbp`.
    pub fn chance_above(&self, threshold_gbp: f64) -> f64 {
        self.chances_above(&[threshold_gbp])[0]
    }

    /// The acceptability curve: `(threshold, P(X > threshold))` at
    /// `points` thresholds evenly spaced from the draws' 1st to 99th
    /// percentile.
    pub fn acceptability(&self, points: usize) -> Vec<(f64, f64)> {
        let [lo, .., hi] = self.npv_quantiles_gbp;
        let steps = points.max(2) - 1;
        let thresholds: Vec<f64> = (0..=steps)
            .map(|i| lo + (hi - lo) * i as f64 / steps as f64)
            .collect();
        let chances = self.chances_above(&thresholds);
        thresholds.into_iter().zip(chances).collect()
    }

    pub fn draws(&self) -> usize {
        self.npv_gbp.len()
    }
}

/// The `ps`-quantiles of `values`, each by linear interpolation between
/// order statistics (Hyndman and Fan's type 7, as in R and NumPy), found
/// in one divide-and-conquer pass: the order statistics they need are
/// selected middle first, each within the part of `values` that holds it,
/// so a million draws take about log₂(2 × `N`) passes rather than 2 × `N`.
/// They are order statistics, so the same numbers whatever order they are
/// found in. Reorders `values`.
pub fn quantiles<const N: usize>(values: &mut [f64], ps: [f64; N]) -> [f64; N] {
    let n = values.len();
    if n == 0 {
        return [0.0; N];
    }
    let positions = ps.map(|p| (n - 1) as f64 * p);
    // Each quantile's two order statistics: ⌊h⌋ and the next (if any).
    let mut ranks: Vec<usize> = positions
        .iter()
        .flat_map(|h| {
            let lo = h.floor() as usize;
            [lo, (lo + 1).min(n - 1)]
        })
        .collect();
    ranks.sort_unstable();
    ranks.dedup();
    select_ranks(values, &ranks);
    positions.map(|h| {
        let lo = h.floor() as usize;
        let (below, next) = (values[lo], values[(lo + 1).min(n - 1)]);
        below + (h - lo as f64) * (next - below)
    })
}

/// Puts each of `ranks` (ascending, within `values`) where it would be
/// if `values` were sorted.
fn select_ranks(values: &mut [f64], ranks: &[usize]) {
    let Some(&middle) = ranks.get(ranks.len() / 2) else {
        return;
    };
    let (below, _, above) = values.select_nth_unstable_by(middle, f64::total_cmp);
    let split = ranks.len() / 2;
    select_ranks(below, &ranks[..split]);
    let above_ranks: Vec<usize> = ranks[split + 1..].iter().map(|r| r - middle - 1).collect();
    select_ranks(above, &above_ranks);
}
