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
//! - P(X > t) for any threshold t, from the draws sorted once.

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
    /// E[max(X, 0)] − max(E[X], 0).
    pub evpi_gbp: f64,
    /// `payback_within[y]`: share of draws whose council pays back within
    /// y + 1 years.
    pub payback_within: Vec<f64>,
    /// Every draw of council NPV, ascending.
    sorted_npv_gbp: Vec<f64>,
}

/// The choice with the smaller expected loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Adopt,
    NotAdopt,
}

impl Decision {
    /// From every draw's council NPV (sorted here) and how many draws paid
    /// back by the end of each year.
    pub fn from_draws(mut npv_gbp: Vec<f64>, paid_back_by_year: &[u32]) -> Decision {
        npv_gbp.sort_unstable_by(f64::total_cmp);
        let n = npv_gbp.len().max(1) as f64;
        let (mut sum, mut gains, mut losses, mut losing) = (0.0, 0.0, 0.0, 0usize);
        for &x in &npv_gbp {
            sum += x;
            gains += x.max(0.0);
            losses += (-x).max(0.0);
            losing += usize::from(x < 0.0);
        }
        let mean = sum / n;
        Decision {
            expected_council_npv_gbp: mean,
            expected_loss_adopt_gbp: losses / n,
            expected_loss_not_adopt_gbp: gains / n,
            share_losing: losing as f64 / n,
            evpi_gbp: gains / n - mean.max(0.0),
            payback_within: paid_back_by_year
                .iter()
                .map(|&c| f64::from(c) / n)
                .collect(),
            sorted_npv_gbp: npv_gbp,
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
        let n = self.sorted_npv_gbp.len();
        let gaining = self.sorted_npv_gbp.iter().filter(|&&x| x > 0.0).count();
        if gaining == 0 {
            0.0
        } else {
            self.expected_loss_not_adopt_gbp * n as f64 / gaining as f64
        }
    }

    /// Share of draws with council NPV above `threshold_gbp`.
    pub fn chance_above(&self, threshold_gbp: f64) -> f64 {
        let n = self.sorted_npv_gbp.len();
        if n == 0 {
            return 0.0;
        }
        let at_or_below = self.sorted_npv_gbp.partition_point(|&x| x <= threshold_gbp);
        (n - at_or_below) as f64 / n as f64
    }

    /// The draws' council NPV at quantile `p` (type 7).
    pub fn npv_quantile_gbp(&self, p: f64) -> f64 {
        let v = &self.sorted_npv_gbp;
        if v.is_empty() {
            return 0.0;
        }
        let h = (v.len() - 1) as f64 * p.clamp(0.0, 1.0);
        let lo = h.floor() as usize;
        let next = v[(lo + 1).min(v.len() - 1)];
        v[lo] + (h - lo as f64) * (next - v[lo])
    }

    /// The acceptability curve: `(threshold, P(X > threshold))` at
    /// `points` thresholds evenly spaced from the draws' 1st to 99th
    /// percentile.
    pub fn acceptability(&self, points: usize) -> Vec<(f64, f64)> {
        let (lo, hi) = (self.npv_quantile_gbp(0.01), self.npv_quantile_gbp(0.99));
        let steps = points.max(2) - 1;
        (0..=steps)
            .map(|i| {
                let t = lo + (hi - lo) * i as f64 / steps as f64;
                (t, self.chance_above(t))
            })
            .collect()
    }

    pub fn draws(&self) -> usize {
        self.sorted_npv_gbp.len()
    }
}
