//! Sets a council's figures in a scenario, field by field, by the rules of
//! `rules.rs`, and records for each its kind and how it was found.

use super::figures::{read, unit_cost, Measure, Reading};
use super::rules::{rules, How, Rule};
use super::{Council, RELEASE};
use crate::registry::{Field, ProgrammeId, MAX_CARE_YEARS};
use crate::scenario::{Estimate, FigureKind, PriceYear, ProgrammeInputs, Scenario};

/// What the council's statistics did to one field of the scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Prefill {
    pub programme: ProgrammeId,
    pub field: Field,
    pub kind: FigureKind,
    /// The figure set, or `None` where the default stays.
    pub value: Option<Estimate>,
    pub how: How,
}

impl Prefill {
    /// A figure that makes a stream save nothing, or that the statistics
    /// could not give: said beside the figure and in the batch.
    pub fn is_warning(&self) -> bool {
        matches!(self.how, How::Unavailable { .. } | How::NoLength)
            || (self.kind == FigureKind::Own && self.value.is_some_and(|v| v.value == 0.0))
    }
}

/// Sets a council's name, code and every figure that depends on it in each
/// programme of the scenario (see `rules.rs`), in the scenario's prices.
/// Returns what was done to each field, in the programmes' form order.
///
/// The scenario's `council_figures`, where each figure came from in words,
/// are left empty: the words are `display`'s, a layer above, and
/// `evidence::apply_council` sets the figures with them.
pub fn apply_figures(scenario: &mut Scenario, council: &Council) -> Vec<Prefill> {
    scenario.council = council.name.to_owned();
    scenario.council_code = Some(council.code.to_owned());
    scenario.statistics_release = Some(RELEASE.to_owned());
    let price_year = scenario.price_year;
    let mut prefills = Vec::new();
    for inputs in &mut scenario.programmes {
        let programme = inputs.programme;
        let defaults = ProgrammeInputs::from_defaults(programme, price_year);
        for (field, rule) in rules(programme) {
            let (value, how) = find(council, rule, field, inputs, &defaults, price_year);
            if let Some(v) = value {
                inputs.set(field, v);
            }
            let kind = match how {
                How::Unavailable { .. } | How::NoLength | How::NoneLookedAfter { .. } => {
                    FigureKind::National
                }
                _ => rule.kind(),
            };
            prefills.push(Prefill {
                programme,
                field,
                kind,
                value,
                how,
            });
        }
    }
    scenario.council_figures = Vec::new();
    prefills
}

/// A reading as an estimate: its value, ranged over the council's years.
fn ranged(r: &Reading, k: f64) -> Estimate {
    Estimate::ranged(r.low * k, r.value * k, r.high * k)
}

/// One field's figure for a council, by its rule.
fn find(
    council: &Council,
    rule: Rule,
    field: Field,
    inputs: &ProgrammeInputs,
    defaults: &ProgrammeInputs,
    price_year: PriceYear,
) -> (Option<Estimate>, How) {
    match rule {
        Rule::Count(measure) => match read(council, measure) {
            Some(reading) => (Some(ranged(&reading, 1.0)), How::Count { measure, reading }),
            None => (None, How::Unavailable { measure }),
        },
        Rule::Scaled(measure, ratio) => match read(council, measure) {
            Some(reading) => (
                Some(ranged(&reading, ratio.value())),
                How::Scaled {
                    measure,
                    reading,
                    ratio,
                },
            ),
            None => (None, How::Unavailable { measure }),
        },
        Rule::CareLength => care_length(council),
        Rule::UnitCost(cost) => match unit_cost(council, cost, price_year) {
            Some(reading) => (Some(ranged(&reading, 1.0)), How::UnitCost { cost, reading }),
            None => (None, How::National),
        },
        Rule::PlacementShare => placement_share(council, field, defaults),
        Rule::AdolescentShare => adolescent_share(council, defaults),
        Rule::ServiceUnits => {
            let service = inputs.programme.service();
            let cohort = inputs.get(service.cohort).value;
            let units = f64::from(service.units_for(cohort));
            let how = How::ServiceUnits {
                cohort_field: service.cohort,
                cohort,
                capacity: service.capacity,
            };
            (Some(Estimate::fixed(units)), how)
        }
        Rule::National => (None, How::National),
    }
}

/// Years in care: children looked after at 31 March ÷ children ceasing in
/// the year, the latest year both are published; ranged over the years.
fn care_length(council: &Council) -> (Option<Estimate>, How) {
    let length = |y: &super::YearStats| {
        let looked_after = y.looked_after.count()?;
        let ceased = y.ceased.count().filter(|&n| n > 0)?;
        let years = f64::from(looked_after) / f64::from(ceased);
        (years <= MAX_CARE_YEARS).then_some((looked_after, ceased, years))
    };
    let published: Vec<(u16, (u32, u32, f64))> = council
        .years
        .iter()
        .enumerate()
        .filter_map(|(i, y)| Some((super::FIRST_YEAR + i as u16, length(y)?)))
        .collect();
    let Some(&(year, (looked_after, ceased, value))) = published.last() else {
        return (None, How::NoLength);
    };
    let lengths = published.iter().map(|(_, (_, _, l))| *l);
    let low = lengths.clone().fold(value, f64::min);
    let high = lengths.fold(value, f64::max);
    let how = How::CareLength {
        looked_after,
        ceased,
        year,
    };
    (Some(Estimate::ranged(low, value, high)), how)
}

/// Why a council's own mix is unknown: no child looked after, or none of
/// the figures published.
fn no_mix(council: &Council) -> How {
    match read(council, Measure::Placed) {
        Some(r) if r.value <= 0.0 => How::NoneLookedAfter { year: r.year },
        _ => How::Unavailable {
            measure: Measure::Placed,
        },
    }
}

/// A share of children looked after (placements and ages table), and
/// England's, in one year: the council's latest year in which it published
/// the total and every part (a part and a total from different years, or a
/// part estimated from its region, could pass 100%); else, where it never
/// published a part, its region's share in the latest year (`Some(region)`).
/// `None` for a council with no child looked after, or no figures at all.
struct Share {
    council: f64,
    england: f64,
    year: u16,
    region: Option<&'static str>,
}

fn shares(council: &Council, measures: &[Measure]) -> Option<Share> {
    let published = |c: &Council, year: u16| -> Option<(f64, f64)> {
        let y = c.year(year)?;
        let placed = f64::from(Measure::Placed.of(y).count()?);
        let mut part = 0.0;
        for m in measures {
            part += f64::from(m.of(y).count()?);
        }
        Some((part, placed))
    };
    let england = |year: u16| published(&super::ENGLAND, year).map(|(p, t)| p / t);
    let latest = Measure::Placed.latest_year();
    if read(council, Measure::Placed)?.value <= 0.0 {
        return None;
    }
    for year in (super::FIRST_YEAR..=latest).rev() {
        if let Some((part, placed)) = published(council, year).filter(|(_, t)| *t > 0.0) {
            return Some(Share {
                council: part / placed,
                england: england(year)?,
                year,
                region: None,
            });
        }
    }
    let (mut part, mut placed) = (0.0, 0.0);
    for other in super::current().filter(|c| c.region == council.region && c.code != council.code) {
        if let Some((p, t)) = published(other, latest) {
            part += p;
            placed += t;
        }
    }
    (placed > 0.0).then(|| {
        Some(Share {
            council: part / placed,
            england: england(latest)?,
            year: latest,
            region: Some(council.region),
        })
    })?
}

/// The model's default placement mix, moved towards the council's: the
/// residential share × the council's share in children's homes ÷ England's,
/// the foster shares × its share fostered ÷ England's (in-house and agency
/// in the default's proportion), kin and other the rest. Where residential
/// and foster would pass 1, both are scaled down to fill it, and said.
fn placement_share(
    council: &Council,
    field: Field,
    defaults: &ProgrammeInputs,
) -> (Option<Estimate>, How) {
    let (Some(homes), Some(fostered)) = (
        shares(council, &[Measure::ChildrensHomes]),
        shares(council, &[Measure::Fostered]),
    ) else {
        return (None, no_mix(council));
    };
    let d = |f: Field| defaults.get(f).value;
    let (d_in, d_agency, d_res) = (
        d(Field::ShareInHouseFoster),
        d(Field::ShareAgencyFoster),
        d(Field::ShareResidential),
    );
    let residential = d_res * homes.council / homes.england;
    let foster = (d_in + d_agency) * fostered.council / fostered.england;
    let scale = (residential + foster).max(1.0);
    let (residential, foster) = (residential / scale, foster / scale);
    let in_house = foster * d_in / (d_in + d_agency);
    let agency = foster - in_house;
    let value = match field {
        Field::ShareInHouseFoster => in_house,
        Field::ShareAgencyFoster => agency,
        Field::ShareResidential => residential,
        _ => (1.0 - (in_house + agency + residential)).max(0.0),
    };
    let (measure, share, default_share) = match field {
        Field::ShareResidential => (Measure::ChildrensHomes, homes, d_res),
        Field::ShareKinshipOther => (Measure::Fostered, fostered, d(Field::ShareKinshipOther)),
        f => (Measure::Fostered, fostered, d(f)),
    };
    let (council_share, england_share, year, region) =
        (share.council, share.england, share.year, share.region);
    let how = if scale > 1.0 {
        How::Rescaled {
            measure,
            council_share,
            england_share,
            year,
            region,
        }
    } else {
        How::Relative {
            measure,
            default_share,
            council_share,
            england_share,
            year,
            region,
        }
    };
    (Some(Estimate::fixed(value)), how)
}

/// No Wrong Door's target group: the default share × the council's share
/// of children looked after aged 10 and over ÷ England's, at most 1, its
/// range scaled alike.
fn adolescent_share(council: &Council, defaults: &ProgrammeInputs) -> (Option<Estimate>, How) {
    let ages = [Measure::Aged10To15, Measure::Aged16AndOver];
    let Some(share) = shares(council, &ages) else {
        return (None, no_mix(council));
    };
    let (council_share, england_share, year) = (share.council, share.england, share.year);
    let default = defaults.get(Field::TargetGroupShare);
    let k = council_share / england_share;
    let value = Estimate::ranged(
        (default.low * k).min(1.0),
        (default.value * k).min(1.0),
        (default.high * k).min(1.0),
    );
    let how = How::Relative {
        measure: Measure::Aged10To15,
        default_share: default.value,
        council_share,
        england_share,
        year,
        region: share.region,
    };
    (Some(value), how)
}
