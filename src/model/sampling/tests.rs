//! The sampling's own tests: the Beta CDF against closed forms and against
//! mpmath at non-integer shapes (`tests/reference/beta-cdf-mpmath.csv`), the
//! quantile table's error bound against the exact CDF, and the Sobol points'
//! strata and runs. (The estimators' bias and error against plain Monte
//! Carlo, which need whole scenarios, are in `tests/it/sampling.rs`.)

use super::beta::{self, beta_cdf, PertTable, TABLE_ERROR_BOUND};
use super::sobol::{coordinate, owen_scramble, SobolRun, DIMENSIONS};
use super::{pert_shapes, Pert};
use crate::estimate::Estimate;

#[test]
fn the_beta_cdf_matches_its_closed_forms() {
    type Closed = fn(f64) -> f64;
    let cases: [(f64, f64, Closed); 5] = [
        (1.0, 1.0, |x| x),
        (5.0, 1.0, |x| x.powi(5)),
        (1.0, 5.0, |x| 1.0 - (1.0 - x).powi(5)),
        (2.0, 2.0, |x| 3.0 * x * x - 2.0 * x.powi(3)),
        (3.0, 3.0, |x| {
            10.0 * x.powi(3) - 15.0 * x.powi(4) + 6.0 * x.powi(5)
        }),
    ];
    for (a, b, closed) in cases {
        for i in 0..=1000 {
            let x = f64::from(i) / 1000.0;
            let (got, want) = (beta_cdf(x, a, b), closed(x));
            assert!(
                (got - want).abs() < 1e-13,
                "Beta({a}, {b}) at {x}: {got} vs {want}"
            );
        }
    }
}

#[test]
fn the_beta_cdf_matches_mpmath_at_non_integer_shapes() {
    // tests/reference/beta-cdf-mpmath.csv: I_x(a, b) by mpmath at 40 digits,
    // 11 shapes (PERT's, a shape + 1 as the value of information uses, and
    // beyond) at 14 points from 1e-6 to 0.999.
    let table = include_str!("../../../tests/reference/beta-cdf-mpmath.csv");
    let mut rows = 0;
    for line in table.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let v: Vec<f64> = line.split(',').map(|x| x.parse().unwrap()).collect();
        let [a, b, x, want] = v[..] else {
            panic!("{line}")
        };
        let got = beta_cdf(x, a, b);
        // Relative to the smaller tail, so a figure near 0 or 1 is held to
        // its own digits, not to 1e-13 of the whole.
        let tail = want.min(1.0 - want);
        assert!(
            (got - want).abs() <= 1e-12 * tail.max(1e-300) + 1e-15,
            "Beta({a}, {b}) at {x}: {got:e} vs mpmath {want:e}"
        );
        rows += 1;
    }
    assert_eq!(rows, 154);
}

/// PERT shapes from the mode at the low end to the high end: α + β = 6.
fn pert_shape_grid() -> Vec<(f64, f64)> {
    (0..=20)
        .map(|i| 1.0 + 4.0 * f64::from(i) / 20.0)
        .map(|a| (a, 6.0 - a))
        .collect()
}

#[test]
fn the_quantile_table_is_within_its_error_bound_of_the_exact_cdf() {
    // |F(Q(u)) − u| at 200,001 probabilities spread over (0, 1), and deep in
    // both tails, for 21 shapes.
    let points = 200_001;
    let tails = [1e-12, 1e-9, 1e-6, 1e-4];
    for (a, b) in pert_shape_grid() {
        let table = PertTable::new(a, b);
        let mut worst = 0.0f64;
        let us = (0..points)
            .map(|i| (f64::from(i) + 0.5) / f64::from(points))
            .chain(tails.iter().flat_map(|&t| [t, 1.0 - t]));
        for u in us {
            let x = table.quantile(u);
            assert!((0.0..=1.0).contains(&x), "Beta({a}, {b}): Q({u}) = {x}");
            worst = worst.max((beta_cdf(x, a, b) - u).abs());
        }
        assert!(
            worst <= TABLE_ERROR_BOUND,
            "Beta({a}, {b}): worst {worst:e}"
        );
    }
}

#[test]
fn the_tables_cdf_inverts_its_quantile() {
    for (a, b) in pert_shape_grid() {
        let table = PertTable::new(a, b);
        for i in 1..10_000 {
            let u = f64::from(i) / 10_000.0;
            let back = table.cdf(table.quantile(u));
            assert!((back - u).abs() < 1e-12, "Beta({a}, {b}): {u} → {back}");
        }
        // Monotone: a quantile function never turns back.
        let xs: Vec<f64> = (1..4096)
            .map(|i| table.quantile(f64::from(i) / 4096.0))
            .collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]));
    }
}

/// The CDF's index finds the interval holding x, as a search of the nodes
/// would: between the tails, at every cell edge k / [`beta::CDF_CELLS`] and just either
/// side of it, and at every node, the same bits as the interval found by
/// binary search and interpolated (an index one interval out gives a
/// probability 1 / N away).
#[test]
fn the_tables_cdf_finds_the_interval_at_every_node_and_cell_edge() {
    let n = beta::TABLE_INTERVALS;
    let tail = beta::TAIL_INTERVALS;
    for (a, b) in pert_shape_grid() {
        let table = PertTable::new(a, b);
        // quantile(i / N) is node i itself (no interpolation at t = 0).
        let nodes: Vec<f64> = (0..=n)
            .map(|i| table.quantile(i as f64 / n as f64))
            .collect();
        let searched = |x: f64| {
            let i = nodes.partition_point(|&node| node <= x) - 1;
            (i as f64 + (x - nodes[i]) / (nodes[i + 1] - nodes[i])) / n as f64
        };
        let cells = beta::CDF_CELLS;
        let edges = (0..=cells).map(|k| k as f64 / cells as f64);
        let points = edges
            .flat_map(|e| [e.next_down(), e, e.next_up()])
            .chain(nodes.iter().copied())
            .filter(|&x| x > nodes[tail] && x < nodes[n - tail]);
        let mut checked = 0;
        for x in points {
            assert_eq!(table.cdf(x), searched(x), "Beta({a}, {b}) at {x}");
            checked += 1;
        }
        assert!(checked > 10_000, "Beta({a}, {b}): {checked} points");
    }
}

#[test]
fn a_pert_quantile_spans_its_range_and_matches_its_shapes() {
    // PERT(0, 755, 960): α = 1 + 4 × 755/960, β = 1 + 4 × 205/960.
    let e = Estimate::ranged(0.0, 755.0, 960.0);
    let (a, b) = pert_shapes(e);
    assert!((a - (1.0 + 4.0 * 755.0 / 960.0)).abs() < 1e-15);
    assert!((b - (1.0 + 4.0 * 205.0 / 960.0)).abs() < 1e-15);
    let p = Pert::new(e).unwrap();
    let median = p.quantile(0.5);
    assert!((beta_cdf(median / 960.0, a, b) - 0.5).abs() <= TABLE_ERROR_BOUND);
    assert!(Pert::new(Estimate::fixed(3.0)).is_none());
    // The same shape gives the one shared table.
    let t1 = beta::table(a, b);
    let t2 = beta::table(a, b);
    assert!(std::sync::Arc::ptr_eq(&t1, &t2));
}

/// Each of 2^k equal intervals holds exactly one of the points.
fn stratified(points: impl Iterator<Item = u32>, k: u32) -> bool {
    let mut seen = vec![0u32; 1 << k];
    for x in points {
        seen[(u64::from(x) >> (32 - k)) as usize] += 1;
    }
    seen.iter().all(|&c| c == 1)
}

#[test]
fn sobol_points_fill_every_stratum_in_every_dimension() {
    for k in 1..=12u32 {
        let n = 1u32 << k;
        for d in 0..DIMENSIONS {
            // The first 2^k points, and any aligned block of 2^k (a chunk's).
            for start in [0, 3 * n, 1 << 20] {
                let raw = (start..start + n).map(|i| coordinate(i, d));
                assert!(
                    stratified(raw, k),
                    "dimension {d}, 2^{k} points from {start}"
                );
                let scrambled = (start..start + n)
                    .map(|i| owen_scramble(coordinate(i, d), 0x9e37_79b9 ^ d as u32));
                assert!(
                    stratified(scrambled, k),
                    "scrambled: dimension {d}, 2^{k} from {start}"
                );
            }
        }
    }
}

#[test]
fn a_run_started_anywhere_steps_through_the_same_points() {
    let mut from_zero = SobolRun::new(42, 0);
    for _ in 0..5000 {
        from_zero.advance();
    }
    let from_5000 = SobolRun::new(42, 5000);
    for d in 0..DIMENSIONS {
        assert_eq!(
            from_zero.scrambled(d),
            from_5000.scrambled(d),
            "dimension {d}"
        );
    }
}

#[test]
fn skipped_points_resynced_are_the_stepped_points() {
    // Skipping (the draws that took their values from columns) then
    // reading again, or stepping on from there, gives the points that
    // stepping one by one gives: through Gray-code carries (1,023 → 1,024).
    let (mut stepped, mut skipped) = (SobolRun::new(7, 1_000), SobolRun::new(7, 1_000));
    for n in 1..=40 {
        stepped.advance();
        skipped.skip();
        if n % 8 == 0 {
            skipped.resync();
        } else if n % 5 == 0 {
            skipped.advance();
            stepped.advance();
        }
        if n % 8 == 0 || n % 5 == 0 {
            assert_eq!(skipped.index(), stepped.index());
            for d in 0..DIMENSIONS {
                assert_eq!(
                    skipped.scrambled(d),
                    stepped.scrambled(d),
                    "point {}, dimension {d}",
                    stepped.index()
                );
            }
        }
    }
    assert!(stepped.index() > 1_024, "the steps cross a carry");
}

/// A 32-bit fraction is the middle of its cell: never 0 or 1.
#[test]
fn a_fraction_becomes_the_middle_of_its_cell() {
    use super::sobol::unit;
    let cell = 1.0 / 4_294_967_296.0;
    assert_eq!(unit(0), 0.5 * cell);
    assert_eq!(unit(1 << 31), 0.5 + 0.5 * cell);
    assert_eq!(unit(u32::MAX), 1.0 - 0.5 * cell);
}

/// The seeds' hash is SplitMix64's: seeded with 0, its reference
/// implementation (Vigna) gives these two outputs first.
#[test]
fn the_seed_hash_is_splitmix64() {
    use super::sobol::mix64;
    assert_eq!(mix64(0), 0xe220_a839_7b1d_cdaf);
    assert_eq!(mix64(0x9e37_79b9_7f4a_7c15), 0x6e78_9e6a_a1b9_65f4);
}

/// A column is the run's points stepped one by one (from any start, across
/// carries, and across the end of the sequence back to its start), and each
/// dimension has its own scramble.
#[test]
fn a_column_is_the_run_stepped_one_point_at_a_time() {
    for start in [0u32, 1_000, 4_095, u32::MAX - 2] {
        let run = SobolRun::new(9, start);
        for d in [0, 7, DIMENSIONS - 1] {
            let mut column = Vec::new();
            run.column(d, 6, &mut column);
            let mut stepped = run.clone();
            let mut by_step = Vec::new();
            for _ in 0..6 {
                by_step.push(stepped.scrambled(d));
                stepped.advance();
            }
            assert_eq!(column, by_step, "dimension {d} from {start}");
        }
    }
    let run = SobolRun::new(9, 12_345);
    let mut values: Vec<u32> = (0..DIMENSIONS).map(|d| run.scrambled(d)).collect();
    values.sort_unstable();
    values.dedup();
    assert_eq!(
        values.len(),
        DIMENSIONS,
        "each dimension scrambled its own way"
    );
    let mut last = SobolRun::new(7, u32::MAX);
    last.advance();
    let first = SobolRun::new(7, 0);
    for d in 0..DIMENSIONS {
        assert_eq!(
            last.scrambled(d),
            first.scrambled(d),
            "dimension {d} after the last point"
        );
    }
}

/// The unscrambled points equal SciPy's (`tests/reference/sobol-scipy.csv`,
/// written by `sobol_scipy.py`: an independent implementation of Joe and
/// Kuo's construction with the same direction numbers) in all 40
/// dimensions, at indices past 2^12, 2^16 and 2^20, so every direction
/// number the recurrence makes up to those bits is checked.
#[test]
fn the_points_are_scipys_in_every_dimension() {
    let table = include_str!("../../../tests/reference/sobol-scipy.csv");
    let mut checked = 0;
    for line in table.lines().skip(1) {
        let fields: Vec<u64> = line
            .split(',')
            .map(|f| f.parse().expect("a number"))
            .collect();
        let (n, d, x) = (fields[0] as u32, fields[1] as usize, fields[2]);
        assert_eq!(u64::from(coordinate(n, d)), x, "point {n}, dimension {d}");
        checked += 1;
    }
    assert_eq!(checked, 12 * DIMENSIONS, "the table's every row");
}

// ---- PERT's mean, shapes and distribution; the sampler ----

use super::sobol::{mix64, unit};
use super::{distribution, pert_mean, Method, Sampler};
use crate::programmes::Pick;
use crate::registry::Field;

#[test]
fn a_pert_off_zero_has_its_mean_shapes_quantile_and_cdf() {
    // PERT(100, 755, 1060): mean (100 + 4 × 755 + 1060) / 6 = 4180 / 6;
    // α = 1 + 4 × 655/960, β = 1 + 4 × 305/960.
    let e = Estimate::ranged(100.0, 755.0, 1060.0);
    assert_eq!(pert_mean(e), 4180.0 / 6.0);
    let (a, b) = pert_shapes(e);
    assert!((a - (1.0 + 4.0 * 655.0 / 960.0)).abs() < 1e-15, "{a}");
    assert!((b - (1.0 + 4.0 * 305.0 / 960.0)).abs() < 1e-15, "{b}");
    let p = Pert::new(e).unwrap();
    for u in [0.05, 0.5, 0.95] {
        let x = p.quantile(u);
        assert!(x > 100.0 && x < 1060.0, "{u}: {x}");
        // The exact Beta CDF of the point, on the range's own scale.
        assert!((beta_cdf((x - 100.0) / 960.0, a, b) - u).abs() <= TABLE_ERROR_BOUND);
        assert!((p.cdf(x) - u).abs() <= 2.0 * TABLE_ERROR_BOUND, "{u}");
    }
    assert!(p.cdf(100.0).abs() < 1e-12 && (p.cdf(1060.0) - 1.0).abs() < 1e-12);
    assert!(distribution().starts_with("Beta-PERT, shape 4, by inverse transform"));
    assert!(distribution().contains(&format!("{:e}", TABLE_ERROR_BOUND)));
}

/// The i-th ranged pick of the tests below: PERT(i, i + 1, i + 3).
fn ranged(i: usize) -> Estimate {
    let low = i as f64;
    Estimate::ranged(low, low + 1.0, low + 3.0)
}

/// `draws` draws of `k` ranged picks from a sampler.
fn drawn(s: &mut Sampler, k: usize, draws: usize) -> Vec<Vec<f64>> {
    (0..draws)
        .map(|_| {
            s.begin_draw();
            (0..k).map(|i| s.draw(ranged(i))).collect()
        })
        .collect()
}

/// The key a sampler of `seed` and `stream` hashes with (`Sampler::new`).
fn key(seed: u64, stream: usize) -> u64 {
    mix64(seed ^ mix64(0x5f70_6300 + stream as u64))
}

#[test]
fn a_draws_uniforms_are_its_points_coordinates_and_past_them_the_hash() {
    let k = DIMENSIONS + 2;
    let mut s = Sampler::new(Method::ScrambledSobol, 7, 1, 5);
    let first = drawn(&mut s, k, 2);
    assert_eq!(
        s.draw_index(),
        6,
        "the first draw is the one it was positioned at"
    );
    let run = SobolRun::new(key(7, 1), 6);
    let hashed = |n: u32, d: usize| {
        unit((mix64(key(7, 1) ^ mix64((u64::from(n) << 8) ^ d as u64)) >> 32) as u32)
    };
    for (d, x) in first[1].iter().enumerate() {
        let u = if d < DIMENSIONS {
            unit(run.scrambled(d))
        } else {
            hashed(6, d)
        };
        assert_eq!(
            *x,
            Pert::new(ranged(d)).unwrap().quantile(u),
            "dimension {d}"
        );
    }
    // Plain Monte Carlo: every coordinate the hash of the draw's index.
    let mut r = Sampler::new(Method::Random, 7, 1, 5);
    let plain = drawn(&mut r, 3, 2);
    for (d, x) in plain[1].iter().enumerate() {
        assert_eq!(*x, Pert::new(ranged(d)).unwrap().quantile(hashed(6, d)));
    }
    assert_ne!(plain[1][0], first[1][0]);
}

#[test]
fn a_sampler_positioned_anywhere_draws_what_one_stepped_there_draws() {
    for method in [Method::ScrambledSobol, Method::Random] {
        let stepped = drawn(&mut Sampler::new(method, 3, 0, 0), 4, 9);
        let positioned = drawn(&mut Sampler::new(method, 3, 0, 6), 4, 3);
        assert_eq!(&stepped[6..], &positioned[..], "{method:?}");
        // Each draw its own values; another stream or seed, other draws.
        assert_ne!(stepped[0], stepped[1]);
        assert_ne!(stepped, drawn(&mut Sampler::new(method, 3, 1, 0), 4, 9));
        assert_ne!(stepped, drawn(&mut Sampler::new(method, 4, 0, 0), 4, 9));
    }
}

#[test]
fn values_worked_out_ahead_are_the_draws_to_the_bit() {
    let k = DIMENSIONS + 2;
    let perts: Vec<Pert> = (0..k).map(|i| Pert::new(ranged(i)).unwrap()).collect();
    for method in [Method::ScrambledSobol, Method::Random] {
        for already in [0, 1] {
            let mut s = Sampler::new(method, 11, 2, 3).with_perts(perts.clone());
            drawn(&mut s, k, already);
            let len = 5;
            let mut ahead = Vec::new();
            s.values_ahead(len, &mut ahead);
            assert_eq!(ahead.len(), k * len);
            let stepped = drawn(&mut s.clone(), k, len);
            let mut taken = s.clone();
            for (i, draw) in stepped.iter().enumerate() {
                taken.begin_draw_from(&ahead, len, i);
                for (d, x) in draw.iter().enumerate() {
                    assert_eq!(
                        ahead[d * len + i],
                        *x,
                        "{method:?}, {already}, draw {i}, {d}"
                    );
                    assert_eq!(taken.draw(ranged(d)), *x);
                }
            }
            assert_eq!(
                taken.draw_index(),
                s.draw_index() + len as u32 - 1 + already as u32
            );
        }
    }
}

#[test]
fn a_fixed_figure_is_itself_and_a_changed_range_gets_its_own_table() {
    let mut a = Sampler::new(Method::ScrambledSobol, 5, 0, 0);
    let mut b = a.clone();
    a.begin_draw();
    b.begin_draw();
    // A fixed figure between two ranged ones takes no coordinate.
    let x0 = a.draw(ranged(0));
    assert_eq!(a.draw(Estimate::fixed(42.0)), 42.0);
    let x1 = a.draw(ranged(1));
    assert_eq!(
        [x0, x1],
        [b.draw(ranged(0)), b.pick(Field::HorizonYears, ranged(1))]
    );
    assert_eq!(a.perts().len(), 2);
    // The next draw: the second pick's range has changed.
    a.begin_draw();
    b.begin_draw();
    let wide = Estimate::ranged(100.0, 150.0, 300.0);
    assert_eq!(a.draw(ranged(0)), b.draw(ranged(0)));
    let y = a.draw(wide);
    assert!((100.0..300.0).contains(&y), "{y}");
    assert_eq!(a.perts()[1].estimate, wide);
    // The same coordinate as the old range's: its quantile under the new one.
    let u = Pert::new(ranged(1)).unwrap().cdf(b.draw(ranged(1)));
    assert!((Pert::new(wide).unwrap().cdf(y) - u).abs() < 1e-4);
}
