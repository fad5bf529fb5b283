//! Chunks of draws as one flat list of numbers, the form a Web Worker hands
//! back to the page (a `Float64Array`, moved, not copied). Every number is
//! an `f64` as it was, so a chunk run in a worker gives the same bits as
//! one run here.
//!
//! Layout, chunk after chunk: the chunk's index, then for each programme its
//! draws n, fan years y, fan draws m, paid-back draws, the sum of
//! P(NPV > 0 | …), payback years p, then n council NPVs, n cashable NPVs,
//! n public NPVs, y × m fan values, year by year, and p counts of draws paid
//! back within 1, 2, … p years.

use super::draws::ChunkDraws;
use super::gathered::ChunkView;

/// Appends chunk `c`'s draws (one per programme) to `out`.
pub(crate) fn pack_chunk(c: u32, programmes: &[ChunkDraws], out: &mut Vec<f64>) {
    out.push(f64::from(c));
    for d in programmes {
        let fan_draws = d.fan.first().map_or(0, Vec::len);
        out.extend([
            d.council_npv.len() as f64,
            d.fan.len() as f64,
            fan_draws as f64,
            f64::from(d.paid_back),
            d.positive_probability_sum,
            d.paid_back_by_year.len() as f64,
        ]);
        out.extend(&d.council_npv);
        out.extend(&d.council_cashable_npv);
        out.extend(&d.public_npv);
        for year in &d.fan {
            out.extend(year);
        }
        out.extend(d.paid_back_by_year.iter().map(|&c| f64::from(c)));
    }
}

/// Reads a whole number that counts something, checked.
fn count(x: Option<&f64>, what: &str) -> Result<usize, String> {
    match x {
        Some(&x) if x >= 0.0 && x.fract() == 0.0 && x < f64::from(u32::MAX) => Ok(x as usize),
        _ => Err(format!("packed draws: {what} is not a count")),
    }
}

/// The chunks packed in `data`, each with `programmes` programmes' draws,
/// borrowed from `data` (taken in where they lie, not copied twice).
pub fn unpack(data: &[f64], programmes: usize) -> Result<Vec<(u32, Vec<ChunkView<'_>>)>, String> {
    let mut at = 0;
    let mut take = |n: usize| -> Result<&[f64], String> {
        let slice = data.get(at..at + n).ok_or("packed draws: cut short")?;
        at += n;
        Ok(slice)
    };
    let mut chunks = Vec::new();
    while let Ok(head) = take(1) {
        let c = count(head.first(), "a chunk index")? as u32;
        let mut draws = Vec::with_capacity(programmes);
        for _ in 0..programmes {
            let h = take(6)?;
            let (n, years, fan_draws) = (
                count(h.first(), "draws")?,
                count(h.get(1), "years")?,
                count(h.get(2), "fan draws")?,
            );
            let paid_back = count(h.get(3), "paid-back draws")? as u32;
            let positive_probability_sum = h[4];
            let payback_years = count(h.get(5), "payback years")?;
            let council_npv = take(n)?;
            let council_cashable_npv = take(n)?;
            let public_npv = take(n)?;
            let fan = (0..years)
                .map(|_| take(fan_draws))
                .collect::<Result<_, _>>()?;
            let paid_back_by_year = take(payback_years)?
                .iter()
                .map(|x| count(Some(x), "paid-back draws").map(|c| c as u32))
                .collect::<Result<_, _>>()?;
            draws.push(ChunkView {
                council_npv,
                council_cashable_npv,
                public_npv,
                paid_back,
                paid_back_by_year,
                positive_probability_sum,
                fan,
            });
        }
        chunks.push((c, draws));
    }
    Ok(chunks)
}
