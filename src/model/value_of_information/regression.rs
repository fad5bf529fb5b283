//! The regression estimator of EVPPI (Strong, Oakley and Brennan, *Med
//! Decis Making* 2014; for one parameter, Strong and Oakley 2013): council
//! NPV's draws regressed on one parameter's draws, the fitted values
//! standing for E[X | θ]. Here the regression is a linear spline with
//! [`KNOTS`] knots at the parameter's quantiles, by least squares; its
//! standard error is the delta method's, from the coefficients' covariance
//! σ²(BᵀB)⁻¹. It needs only the simulation's draws, so it checks the exact
//! figures of [`super`] independently.

use crate::registry::{Field, ProgrammeId};
use crate::scenario::Scenario;
use crate::uncertainty::draws::{run_chunk, Setup};
use crate::uncertainty::SimulationConfig;

/// Interior knots of the spline.
pub(crate) const KNOTS: usize = 8;

/// A regression estimate of EVPPI.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub value_gbp: f64,
    pub standard_error_gbp: f64,
}

/// EVPPI of θ from paired draws of θ and council NPV; `None` when θ does
/// not vary or there are too few draws to fit.
pub fn evppi(theta: &[f64], npv: &[f64]) -> Option<Estimate> {
    let n = theta.len().min(npv.len());
    let (lo, hi) = theta
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &x| {
            (l.min(x), h.max(x))
        });
    if n < 4 * (KNOTS + 2) || hi <= lo {
        return None;
    }
    let z: Vec<f64> = theta[..n].iter().map(|&x| (x - lo) / (hi - lo)).collect();
    let mut sorted = z.clone();
    sorted.sort_unstable_by(f64::total_cmp);
    let mut knots: Vec<f64> = (1..=KNOTS)
        .map(|k| sorted[k * (n - 1) / (KNOTS + 1)])
        .filter(|&k| k > 0.0 && k < 1.0)
        .collect();
    knots.dedup();
    let p = knots.len() + 2;
    let basis = |z: f64, row: &mut Vec<f64>| {
        row.clear();
        row.extend([1.0, z]);
        row.extend(knots.iter().map(|&k| (z - k).max(0.0)));
    };
    let (mut xtx, mut xty, mut row) = (vec![0.0; p * p], vec![0.0; p], Vec::with_capacity(p));
    for (&zi, &yi) in z.iter().zip(npv) {
        basis(zi, &mut row);
        for a in 0..p {
            xty[a] += row[a] * yi;
            for b in 0..=a {
                xtx[a * p + b] += row[a] * row[b];
            }
        }
    }
    let l = cholesky(&xtx, p)?;
    let coef = solve(&l, p, &xty);
    let (mut sum, mut positive, mut rss) = (0.0, 0.0, 0.0);
    let (mut grad_positive, mut grad_all) = (vec![0.0; p], vec![0.0; p]);
    for (&zi, &yi) in z.iter().zip(npv) {
        basis(zi, &mut row);
        let fitted: f64 = row.iter().zip(&coef).map(|(b, c)| b * c).sum();
        sum += fitted;
        positive += fitted.max(0.0);
        rss += (yi - fitted) * (yi - fitted);
        for a in 0..p {
            grad_all[a] += row[a];
            if fitted > 0.0 {
                grad_positive[a] += row[a];
            }
        }
    }
    let nf = n as f64;
    let mean = sum / nf;
    let gradient: Vec<f64> = (0..p)
        .map(|a| (grad_positive[a] - if mean > 0.0 { grad_all[a] } else { 0.0 }) / nf)
        .collect();
    let sigma2 = rss / (nf - p as f64);
    // ∇ᵀ(BᵀB)⁻¹∇ = ‖L⁻¹∇‖².
    let w = forward(&l, p, &gradient);
    let variance = sigma2 * w.iter().map(|x| x * x).sum::<f64>();
    Some(Estimate {
        value_gbp: positive / nf - mean.max(0.0),
        standard_error_gbp: variance.sqrt(),
    })
}

/// The lower-triangular Cholesky factor of the symmetric `a` (lower half
/// filled), or `None` if it is not positive definite.
fn cholesky(a: &[f64], p: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; p * p];
    for i in 0..p {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i * p + k] * l[j * p + k]).sum();
            let v = a[i * p + j] - s;
            if i == j {
                if v <= 0.0 || !v.is_finite() {
                    return None;
                }
                l[i * p + i] = v.sqrt();
            } else {
                l[i * p + j] = v / l[j * p + j];
            }
        }
    }
    Some(l)
}

/// Solves L w = b.
fn forward(l: &[f64], p: usize, b: &[f64]) -> Vec<f64> {
    let mut w = vec![0.0; p];
    for i in 0..p {
        let s: f64 = (0..i).map(|k| l[i * p + k] * w[k]).sum();
        w[i] = (b[i] - s) / l[i * p + i];
    }
    w
}

/// Solves L Lᵀ x = b.
fn solve(l: &[f64], p: usize, b: &[f64]) -> Vec<f64> {
    let w = forward(l, p, b);
    let mut x = vec![0.0; p];
    for i in (0..p).rev() {
        let s: f64 = (i + 1..p).map(|k| l[k * p + i] * x[k]).sum();
        x[i] = (w[i] - s) / l[i * p + i];
    }
    x
}

/// Each enabled programme's ranged parameters' regression estimates, from
/// `config`'s draws (run here again: the same bits as the simulation's).
pub fn check(
    scenario: &Scenario,
    config: SimulationConfig,
) -> Vec<(ProgrammeId, Vec<(Field, Estimate)>)> {
    scenario
        .enabled()
        .map(|inputs| {
            let settings = &scenario.appraisal;
            let setup = Setup::new(inputs, settings);
            let npv: Vec<f64> = (0..config.chunks())
                .flat_map(|c| run_chunk(&setup, inputs, settings, config, c).council_npv)
                .collect();
            let len = npv.len();
            let values = setup.first_values(inputs, config, len);
            let order = super::ranged_order(inputs);
            let estimates = inputs
                .programme
                .spec()
                .params
                .iter()
                .filter(|p| setup.tornado.iter().any(|b| b.parameter == p.field))
                .filter_map(|p| {
                    let d = order.iter().position(|&f| f == p.field)?;
                    let est = evppi(&values[d * len..(d + 1) * len], &npv)?;
                    Some((p.field, est))
                })
                .collect();
            (inputs.programme, estimates)
        })
        .collect()
}
