//! A programme's value of information as one flat list of numbers: what a
//! Web Worker hands back to the page (a `Float64Array`), the same bits as
//! worked out here.
//!
//! Layout, programme after programme: E[X], the years in care's certainty
//! equivalent (NaN if none), the delay's cost, the number of items; then
//! each item: its kind (0 a parameter, 1 a group, 2 the trial), its id (the
//! field's index, the group's code, 0), its fields' count and indices, its
//! value, its method (0 closed form, 1 quadrature, 2 draws) and the
//! method's count. Parameters, then groups, then the trial.

use super::{Evppi, Item, Method, ProgrammeValue, Waiting};
use crate::registry::trials::trial;
use crate::registry::{Field, Group, ProgrammeId, StreamKey};

fn group_code(g: Group) -> usize {
    match g {
        Group::Appraisal => 0,
        Group::CostOfCare => 1,
        Group::Delivery => 2,
        Group::Stream(k) => 3 + k.index(),
    }
}

fn group_of(code: usize) -> Option<Group> {
    match code {
        0 => Some(Group::Appraisal),
        1 => Some(Group::CostOfCare),
        2 => Some(Group::Delivery),
        c => StreamKey::ALL.get(c - 3).map(|&k| Group::Stream(k)),
    }
}

fn pack_item(e: &Evppi, out: &mut Vec<f64>) {
    let (kind, id) = match e.item {
        Item::Parameter(f) => (0, f.index()),
        Item::Group(g) => (1, group_code(g)),
        Item::Trial => (2, 0),
    };
    out.extend([kind as f64, id as f64, e.fields.len() as f64]);
    out.extend(e.fields.iter().map(|f| f.index() as f64));
    let (method, n) = match e.method {
        Method::ClosedForm => (0, 0),
        Method::Quadrature { nodes } => (1, nodes),
        Method::Draws { draws } => (2, draws),
    };
    out.extend([e.value_gbp, f64::from(method), f64::from(n)]);
}

/// Every programme's value of information, packed.
pub fn pack(values: &[ProgrammeValue]) -> Vec<f64> {
    let mut out = Vec::new();
    for v in values {
        let items = v.parameters.len() + v.groups.len() + 1;
        out.extend([
            v.expected_council_npv_gbp,
            v.care_years_equivalent.unwrap_or(f64::NAN),
            v.waiting.delay_cost_gbp,
            items as f64,
        ]);
        for e in v.parameters.iter().chain(&v.groups) {
            pack_item(e, &mut out);
        }
        pack_item(&v.waiting.evppi, &mut out);
    }
    out
}

/// Reads a whole number that counts or names something, checked.
fn count(x: Option<&f64>, what: &str) -> Result<usize, String> {
    match x {
        Some(&x) if x >= 0.0 && x.fract() == 0.0 && x < f64::from(u32::MAX) => Ok(x as usize),
        _ => Err(format!(
            "packed value of information: {what} is not a count"
        )),
    }
}

/// The values packed in `data`, one for each of `programmes` in order.
pub fn unpack(data: &[f64], programmes: &[ProgrammeId]) -> Result<Vec<ProgrammeValue>, String> {
    let mut at = 0;
    let mut take = |n: usize| -> Result<&[f64], String> {
        let slice = data
            .get(at..at + n)
            .ok_or("packed value of information: cut short")?;
        at += n;
        Ok(slice)
    };
    let mut out = Vec::with_capacity(programmes.len());
    for &programme in programmes {
        let head = take(4)?;
        let (expected, care, delay) = (head[0], head[1], head[2]);
        let items = count(head.get(3), "items")?;
        let (mut parameters, mut groups, mut trial_item) = (Vec::new(), Vec::new(), None);
        for _ in 0..items {
            let h = take(3)?;
            let (kind, id, n) = (
                count(h.first(), "a kind")?,
                count(h.get(1), "an id")?,
                count(h.get(2), "fields")?,
            );
            let field = |i: usize| {
                Field::ALL
                    .get(i)
                    .copied()
                    .ok_or("packed value of information: no such field")
            };
            let fields = take(n)?
                .iter()
                .map(|x| count(Some(x), "a field").and_then(|i| Ok(field(i)?)))
                .collect::<Result<Vec<Field>, String>>()?;
            let t = take(3)?;
            let method = match (
                count(t.get(1), "a method")?,
                count(t.get(2), "a method's count")? as u32,
            ) {
                (0, _) => Method::ClosedForm,
                (1, nodes) => Method::Quadrature { nodes },
                (2, draws) => Method::Draws { draws },
                _ => return Err("packed value of information: no such method".into()),
            };
            let item = match kind {
                0 => Item::Parameter(field(id)?),
                1 => Item::Group(group_of(id).ok_or("packed value of information: no such group")?),
                2 => Item::Trial,
                _ => return Err("packed value of information: no such kind".into()),
            };
            let e = Evppi {
                item,
                fields,
                value_gbp: t[0],
                method,
            };
            match kind {
                0 => parameters.push(e),
                1 => groups.push(e),
                _ => trial_item = Some(e),
            }
        }
        out.push(ProgrammeValue {
            programme,
            expected_council_npv_gbp: expected,
            care_years_equivalent: (!care.is_nan()).then_some(care),
            parameters,
            groups,
            waiting: Waiting {
                trial: trial(programme),
                evppi: trial_item.ok_or("packed value of information: no trial")?,
                delay_cost_gbp: delay,
            },
        });
    }
    if at != data.len() {
        return Err("packed value of information: numbers left over".into());
    }
    Ok(out)
}
