//! Owen-scrambled Sobol points: the uniforms of the randomised quasi-Monte
//! Carlo simulation.
//!
//! - Direction numbers: Joe and Kuo's `new-joe-kuo-6.21201` (S. Joe and
//!   F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
//!   projections", SIAM J. Sci. Comput. 30, 2635-2654, 2008), its first
//!   [`DIMENSIONS`] dimensions: dimension 1 is van der Corput's, the table
//!   below the file's rows for dimensions 2 to 40 (d, s, a, m_1 … m_s).
//! - Points in Gray-code order, 32 bits: point n is the XOR of the direction
//!   numbers at the set bits of gray(n) = n ^ (n >> 1), so a run can start at
//!   any index (a worker's chunk) and step on by one XOR a dimension.
//! - Scrambling: Owen's nested uniform scramble, in the hash-based form of
//!   Burley ("Practical Hash-based Owen Scrambling", JCGT 9(4), 2020): the
//!   bits are reversed, hashed so that each bit depends only on the bits
//!   above it (Laine and Karras's construction, Burley's constants), and
//!   reversed back. It keeps every stratum of the point set, and makes each
//!   point uniform on (0, 1) for a random seed: the estimator is unbiased.

/// Dimensions with direction numbers: a programme's ranged parameters each
/// take one (the registry's largest programme has 26 ranged fields, and a
/// new stream adds up to three; a test keeps them within this). Further
/// dimensions fall back to hashed uniforms. A dimension's points do not
/// depend on how many there are, so adding rows changes no draw.
pub const DIMENSIONS: usize = 40;

/// Joe and Kuo's rows for dimensions 2 to 40 (new-joe-kuo-6.21201, Joe and
/// Kuo 2008): degree s, polynomial a, and the initial direction numbers
/// m_1 … m_s.
const JOE_KUO: [(u32, u32, &[u32]); DIMENSIONS - 1] = [
    (1, 0, &[1]),
    (2, 1, &[1, 3]),
    (3, 1, &[1, 3, 1]),
    (3, 2, &[1, 1, 1]),
    (4, 1, &[1, 1, 3, 3]),
    (4, 4, &[1, 3, 5, 13]),
    (5, 2, &[1, 1, 5, 5, 17]),
    (5, 4, &[1, 1, 5, 5, 5]),
    (5, 7, &[1, 1, 7, 11, 19]),
    (5, 11, &[1, 1, 5, 1, 1]),
    (5, 13, &[1, 1, 1, 3, 11]),
    (5, 14, &[1, 3, 5, 5, 31]),
    (6, 1, &[1, 3, 3, 9, 7, 49]),
    (6, 13, &[1, 1, 1, 15, 21, 21]),
    (6, 16, &[1, 3, 1, 13, 27, 49]),
    (6, 19, &[1, 1, 1, 15, 7, 5]),
    (6, 22, &[1, 3, 1, 15, 13, 25]),
    (6, 25, &[1, 1, 5, 5, 19, 61]),
    (7, 1, &[1, 3, 7, 11, 23, 15, 103]),
    (7, 4, &[1, 3, 7, 13, 13, 15, 69]),
    (7, 7, &[1, 1, 3, 13, 7, 35, 63]),
    (7, 8, &[1, 3, 5, 9, 1, 25, 53]),
    (7, 14, &[1, 3, 1, 13, 9, 35, 107]),
    (7, 19, &[1, 3, 1, 5, 27, 61, 31]),
    (7, 21, &[1, 1, 5, 11, 19, 41, 61]),
    (7, 28, &[1, 3, 5, 3, 3, 13, 69]),
    (7, 31, &[1, 1, 7, 13, 1, 19, 1]),
    (7, 32, &[1, 3, 7, 5, 13, 19, 59]),
    (7, 37, &[1, 1, 3, 9, 25, 29, 41]),
    (7, 41, &[1, 3, 5, 13, 23, 1, 55]),
    (7, 42, &[1, 3, 7, 3, 13, 59, 17]),
    (7, 50, &[1, 3, 1, 3, 5, 53, 69]),
    (7, 55, &[1, 1, 5, 5, 23, 33, 13]),
    (7, 56, &[1, 1, 7, 7, 1, 61, 123]),
    (7, 59, &[1, 1, 7, 9, 13, 61, 49]),
    (7, 62, &[1, 3, 3, 5, 3, 55, 33]),
    (8, 14, &[1, 3, 1, 15, 31, 13, 49, 245]),
    (8, 21, &[1, 3, 5, 15, 31, 59, 63, 97]),
    (8, 22, &[1, 3, 1, 11, 11, 11, 77, 249]),
];

/// Bits of each coordinate.
const BITS: usize = 32;

/// The direction numbers v[d][j] (bit j of gray(n) contributes v[d][j]).
pub(crate) type Directions = [[u32; BITS]; DIMENSIONS];

fn build() -> Directions {
    let mut v = [[0u32; BITS]; DIMENSIONS];
    for (j, x) in v[0].iter_mut().enumerate() {
        *x = 1 << (31 - j);
    }
    for (d, (s, a, m)) in JOE_KUO.iter().enumerate() {
        let (s, row) = (*s as usize, &mut v[d + 1]);
        for i in 0..BITS {
            row[i] = if i < s {
                m[i] << (31 - i)
            } else {
                let mut x = row[i - s] ^ (row[i - s] >> s);
                for k in 1..s {
                    if (a >> (s - 1 - k)) & 1 == 1 {
                        x ^= row[i - k];
                    }
                }
                x
            };
        }
    }
    v
}

/// The direction numbers, built once.
pub(crate) fn directions() -> &'static Directions {
    static TABLE: std::sync::OnceLock<Directions> = std::sync::OnceLock::new();
    TABLE.get_or_init(build)
}

/// Coordinate `d` of point `n`, unscrambled, as a 32-bit fraction.
pub(crate) fn coordinate(n: u32, d: usize) -> u32 {
    let v = &directions()[d];
    let gray = n ^ (n >> 1);
    (0..BITS)
        .filter(|&j| (gray >> j) & 1 == 1)
        .fold(0, |x, j| x ^ v[j])
}

/// The direction numbers with their bits reversed: bit reversal is linear
/// over XOR, so a column built from them is the coordinates reversed, which
/// is where the scramble starts (one reversal a value saved).
fn reversed_directions() -> &'static Directions {
    static TABLE: std::sync::OnceLock<Directions> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| directions().map(|row| row.map(u32::reverse_bits)))
}

/// Owen's nested uniform scramble of a 32-bit coordinate (Burley 2020).
pub(crate) fn owen_scramble(x: u32, seed: u32) -> u32 {
    scramble_reversed(x.reverse_bits(), seed)
}

/// [`owen_scramble`] of the coordinate whose bits reversed are `x`.
fn scramble_reversed(mut x: u32, seed: u32) -> u32 {
    x ^= x.wrapping_mul(0x3d20_adea);
    x = x.wrapping_add(seed);
    x = x.wrapping_mul((seed >> 16) | 1);
    x ^= x.wrapping_mul(0x0552_6c56);
    x ^= x.wrapping_mul(0x53a2_2864);
    x.reverse_bits()
}

/// SplitMix64's output function: a well-mixed 64 bits from any 64.
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A 32-bit fraction as a uniform on (0, 1): never 0 or 1, for the
/// inverse CDF's tails.
pub fn unit(x: u32) -> f64 {
    (f64::from(x) + 0.5) * (1.0 / 4_294_967_296.0)
}

/// A run of points from index `n` on, every coordinate scrambled with its
/// own seed: one per programme, so a programme's draws do not depend on
/// which others are enabled.
#[derive(Clone, Debug)]
pub(crate) struct SobolRun {
    x: [u32; DIMENSIONS],
    seeds: [u32; DIMENSIONS],
    /// The index of the current point.
    n: u32,
    /// Whether `x` still holds an earlier point than `n`'s (after
    /// [`SobolRun::skip`]): [`SobolRun::resync`] works it out again.
    stale: bool,
}

impl SobolRun {
    /// Positioned at point `n` of the sequence scrambled by `key`.
    pub fn new(key: u64, n: u32) -> SobolRun {
        let mut seeds = [0u32; DIMENSIONS];
        for (d, s) in seeds.iter_mut().enumerate() {
            *s = mix64(key ^ mix64(d as u64 + 1)) as u32;
        }
        let mut x = [0u32; DIMENSIONS];
        for (d, c) in x.iter_mut().enumerate() {
            *c = coordinate(n, d);
        }
        SobolRun {
            x,
            seeds,
            n,
            stale: false,
        }
    }

    /// The current point's coordinate `d`, scrambled, as a 32-bit fraction.
    pub fn scrambled(&self, d: usize) -> u32 {
        debug_assert!(!self.stale, "resync after skip");
        owen_scramble(self.x[d], self.seeds[d])
    }

    pub fn index(&self) -> u32 {
        self.n
    }

    /// Coordinate `d`, scrambled, of this run's point and the `len − 1`
    /// after it, into `out`, without moving the run: one dimension's column,
    /// the same bits as [`Self::scrambled`] after each [`Self::advance`].
    pub fn column(&self, d: usize, len: usize, out: &mut Vec<u32>) {
        debug_assert!(!self.stale, "resync after skip");
        let v = &reversed_directions()[d];
        let mut x = self.x[d].reverse_bits();
        let seed = self.seeds[d];
        out.clear();
        for i in 0..len {
            if i > 0 {
                let j = self.n.wrapping_add(i as u32).trailing_zeros() as usize;
                x ^= v[j.min(BITS - 1)];
            }
            out.push(scramble_reversed(x, seed));
        }
    }

    /// On to the next point: one XOR a dimension (Gray-code order).
    pub(crate) fn advance(&mut self) {
        if self.stale {
            self.n = self.n.wrapping_add(1);
            self.resync();
            return;
        }
        let next = self.n.wrapping_add(1);
        let j = next.trailing_zeros() as usize;
        let v = directions();
        for (d, x) in self.x.iter_mut().enumerate() {
            *x ^= v[d][j.min(BITS - 1)];
        }
        self.n = next;
    }

    /// On to the next point without working out its coordinates: for a
    /// caller that took them from [`SobolRun::column`]s. Anything that reads
    /// them again calls [`SobolRun::resync`] first.
    pub fn skip(&mut self) {
        self.n = self.n.wrapping_add(1);
        self.stale = true;
    }

    /// The current point's coordinates, worked out from its index after
    /// [`SobolRun::skip`] (the same bits as stepping there point by point).
    pub(crate) fn resync(&mut self) {
        if self.stale {
            for (d, c) in self.x.iter_mut().enumerate() {
                *c = coordinate(self.n, d);
            }
            self.stale = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Joe and Kuo's construction needs of each row, so that a row
    /// copied wrongly fails here: its polynomial x^s + a_1 x^(s−1) + … +
    /// a_(s−1) x + 1 is primitive over GF(2) (x has order 2^s − 1 modulo
    /// it), no two rows share one, and each m_k is odd and below 2^k.
    #[test]
    fn each_row_is_a_primitive_polynomial_with_valid_direction_numbers() {
        let mut seen = std::collections::HashSet::new();
        for &(s, a, m) in JOE_KUO.iter() {
            assert!(seen.insert((s, a)), "({s}, {a}) twice");
            assert_eq!(m.len(), s as usize, "({s}, {a})");
            for (k, &mk) in m.iter().enumerate() {
                assert!(mk % 2 == 1 && mk < 1 << (k + 1), "({s}, {a}): m_{}", k + 1);
            }
            let poly: u64 = (1 << s) | (u64::from(a) << 1) | 1;
            let (mut x, mut order) = (1u64, 0u64);
            loop {
                x <<= 1;
                if x & (1 << s) != 0 {
                    x ^= poly;
                }
                order += 1;
                if x == 1 || order > 1 << s {
                    break;
                }
            }
            assert_eq!(order, (1 << s) - 1, "({s}, {a}) is not primitive");
        }
        assert_eq!(JOE_KUO.len(), DIMENSIONS - 1);
    }
}
