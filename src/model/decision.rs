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
pub(crate) const NPV_QUANTILES: [f64; 6] = [0.01, 0.05, 0.25, 0.75, 0.95, 0.99];

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Five draws: −200, −100, 0, 300, 500 (given out of order).
    fn five() -> Decision {
        Decision::from_draws(vec![300.0, -100.0, 500.0, 0.0, -200.0], &[1, 2, 4])
    }

    #[test]
    fn losses_gains_and_evpi_by_hand() {
        let d = five();
        assert_eq!(d.expected_council_npv_gbp, 100.0); // 500 / 5
        assert_eq!(d.expected_loss_adopt_gbp, 60.0); // (200 + 100) / 5
        assert_eq!(d.expected_loss_not_adopt_gbp, 160.0); // (300 + 500) / 5
        assert_eq!(d.share_losing, 0.4);
        assert_eq!(d.share_gaining, 0.4);
        // E[max(X, 0)] − max(E[X], 0) = 160 − 100: the smaller loss.
        assert_eq!(d.evpi_gbp, 60.0);
        assert_eq!(d.payback_within, [0.2, 0.4, 0.8]);
        assert_eq!(d.better(), Choice::Adopt);
        assert_eq!(d.margin_gbp(), 100.0);
        assert_eq!(d.mean_shortfall_gbp(), 150.0);
        assert_eq!(d.mean_gain_gbp(), 400.0);
        assert_eq!(d.draws(), 5);
        let worse = Decision::from_draws(vec![-300.0, 100.0], &[]);
        assert_eq!(worse.better(), Choice::NotAdopt);
        assert_eq!(worse.evpi_gbp, 50.0); // 50 − max(−100, 0)
        let sure = Decision::from_draws(vec![10.0, 20.0], &[]);
        assert_eq!((sure.evpi_gbp, sure.mean_shortfall_gbp()), (0.0, 0.0));
        let never = Decision::from_draws(vec![-10.0], &[]);
        assert_eq!(never.mean_gain_gbp(), 0.0);
        let lopsided = Decision::from_draws(vec![-1.0, 2.0, 3.0, 0.0], &[]);
        assert_eq!((lopsided.share_losing, lopsided.share_gaining), (0.25, 0.5));
        // A tie adopts.
        assert_eq!(Decision::from_draws(vec![0.0], &[]).better(), Choice::Adopt);
    }

    #[test]
    fn chances_count_the_draws_strictly_above() {
        let d = five();
        assert_eq!(
            d.chances_above(&[0.0, -100.0, 400.0, -1000.0, 1000.0]),
            [0.4, 0.6, 0.2, 1.0, 0.0]
        );
        assert_eq!(d.chance_above(300.0), 0.2);
        assert_eq!(d.chance_above(299.0), 0.4);
        let curve = d.acceptability(3);
        assert_eq!(curve.len(), 3);
        assert_eq!(curve[0].0, d.npv_quantiles_gbp[0]);
        assert_eq!(curve[2].0, d.npv_quantiles_gbp[5]);
        assert_eq!(
            curve[1].0,
            (d.npv_quantiles_gbp[0] + d.npv_quantiles_gbp[5]) / 2.0
        );
        assert_eq!(curve[0].1, 0.8);
        // The 99th percentile is 300 + 0.96 × 200 = 492: one draw above it.
        assert_eq!(curve[2].0, 492.0);
        assert_eq!(curve[2].1, 0.2);
    }

    #[test]
    fn quantiles_interpolate_between_order_statistics() {
        // Type 7 on 1..=5: h = 4p, so p = 0.1 gives 1.4, 0.25 gives 2, 0.9 gives 4.6.
        let mut v = vec![5.0, 3.0, 1.0, 4.0, 2.0];
        assert_eq!(
            quantiles(&mut v, [0.1, 0.25, 0.5, 0.9, 1.0, 0.0]),
            [1.4, 2.0, 3.0, 4.6, 5.0, 1.0]
        );
        assert_eq!(quantiles(&mut [], [0.5]), [0.0]);
        assert_eq!(quantiles(&mut [7.0], [0.01, 0.99]), [7.0, 7.0]);
        let mut many: Vec<f64> = (0..1001).rev().map(f64::from).collect();
        assert_eq!(
            quantiles(&mut many, NPV_QUANTILES),
            [10.0, 50.0, 250.0, 750.0, 950.0, 990.0]
        );
        assert_eq!(five().npv_quantiles_gbp[0], -200.0 + 0.04 * 100.0);
        // Shuffled (a step of 389 through 1,001 places): each quantile needs
        // both its order statistics put in place.
        let mut shuffled: Vec<f64> = (0..1001).map(|i| f64::from((i * 389) % 1001)).collect();
        assert_eq!(quantiles(&mut shuffled, [0.4995, 0.0125]), [499.5, 12.5]);
    }
}
