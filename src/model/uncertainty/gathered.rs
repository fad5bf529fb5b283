//! A programme's draws as they come in, chunk by chunk, each at its own
//! place in draw order: the summary then works on them where they lie. (A
//! million draws gathered from their chunks at the end took the page a
//! third of its summary's time.)

use super::draws::ChunkDraws;
use super::{SimulationConfig, FAN_SAMPLE_DRAWS};

/// One chunk's draws of one programme, borrowed: from a chunk run here
/// ([`ChunkDraws::view`]) or from the numbers a worker sent
/// ([`super::packed::unpack`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ChunkView<'a> {
    pub council_npv: &'a [f64],
    pub council_cashable_npv: &'a [f64],
    pub public_npv: &'a [f64],
    pub paid_back: u32,
    pub paid_back_by_year: Vec<u32>,
    pub positive_probability_sum: f64,
    /// `fan[year]`: the chunk's draws among the first [`FAN_SAMPLE_DRAWS`].
    pub fan: Vec<&'a [f64]>,
}

impl ChunkDraws {
    pub fn view(&self) -> ChunkView<'_> {
        ChunkView {
            council_npv: &self.council_npv,
            council_cashable_npv: &self.council_cashable_npv,
            public_npv: &self.public_npv,
            paid_back: self.paid_back,
            paid_back_by_year: self.paid_back_by_year.clone(),
            positive_probability_sum: self.positive_probability_sum,
            fan: self.fan.iter().map(Vec::as_slice).collect(),
        }
    }
}

/// Every draw of one programme taken in so far. Sized on the first chunk
/// taken in (a worker's copy of a run takes none, and holds none).
#[derive(Clone, Debug, Default)]
pub(crate) struct Gathered {
    pub council_npv: Vec<f64>,
    pub council_cashable_npv: Vec<f64>,
    pub public_npv: Vec<f64>,
    /// `fan[year]`: cumulative council net of the first [`FAN_SAMPLE_DRAWS`] draws.
    pub fan: Vec<Vec<f64>>,
    /// Each chunk's Σ P(NPV > 0 | …), by chunk: summed in chunk order, so
    /// the total is the same bits whatever order the chunks came in.
    pub positive_probability_sums: Vec<f64>,
    pub paid_back: u32,
    /// `paid_back_by_year[y]`: draws paid back within y + 1 years.
    pub paid_back_by_year: Vec<u32>,
}

/// The fan draws of chunk [start, end).
fn fan_len(start: u32, end: u32) -> usize {
    FAN_SAMPLE_DRAWS
        .min(end as usize)
        .saturating_sub(start as usize)
}

/// Whether `view` has the shape of chunk [start, end) of a run over
/// `years` years: the same number of each NPV, and its fan draws for every
/// year or none.
pub fn fits(view: &ChunkView, start: u32, end: u32, years: usize) -> bool {
    let len = (end - start) as usize;
    let fan = fan_len(start, end);
    let fan_fits = (view.fan.is_empty() && fan == 0)
        || (view.fan.len() == years && view.fan.iter().all(|y| y.len() == fan));
    [view.council_npv, view.council_cashable_npv, view.public_npv]
        .iter()
        .all(|v| v.len() == len)
        && fan_fits
        && view.paid_back_by_year.len() == years
}

impl Gathered {
    /// Takes chunk `c`, which [`fits`].
    pub fn put(&mut self, config: SimulationConfig, c: u32, view: &ChunkView) {
        let (start, end) = config.chunk_range(c);
        if self.positive_probability_sums.is_empty() {
            let draws = config.draws as usize;
            for v in [
                &mut self.council_npv,
                &mut self.council_cashable_npv,
                &mut self.public_npv,
            ] {
                v.resize(draws, 0.0);
            }
            self.positive_probability_sums
                .resize(config.chunks() as usize, 0.0);
        }
        let (from, to) = (start as usize, end as usize);
        self.council_npv[from..to].copy_from_slice(view.council_npv);
        self.council_cashable_npv[from..to].copy_from_slice(view.council_cashable_npv);
        self.public_npv[from..to].copy_from_slice(view.public_npv);
        if !view.fan.is_empty() {
            let fan_draws = fan_len(0, config.draws);
            self.fan.resize(view.fan.len(), vec![0.0; fan_draws]);
            for (all, own) in self.fan.iter_mut().zip(&view.fan) {
                all[from..from + own.len()].copy_from_slice(own);
            }
        }
        self.positive_probability_sums[c as usize] = view.positive_probability_sum;
        self.paid_back += view.paid_back;
        self.paid_back_by_year
            .resize(view.paid_back_by_year.len(), 0);
        for (all, own) in self
            .paid_back_by_year
            .iter_mut()
            .zip(&view.paid_back_by_year)
        {
            *all += own;
        }
    }
}
