//! Turning results into words and rounded figures: the only place numbers are
//! rounded. The model keeps full precision; totals are summed unrounded.

use crate::appraisal::{CouncilRoi, ProgrammeAppraisal};
use crate::programmes::ProgrammeId;

/// Groups the digits of a whole number in threes: 1234567 -> "1,234,567".
fn group_thousands(whole: u64) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn sign(x: f64) -> &'static str {
    if x < 0.0 {
        "-"
    } else {
        ""
    }
}

/// Pounds to the nearest pound, en-GB: "£1,234,567", "-£12,000".
pub fn gbp(x: f64) -> String {
    let rounded = x.abs().round();
    let sign = if rounded == 0.0 { "" } else { sign(x) };
    format!("{sign}£{}", group_thousands(rounded as u64))
}

/// Pounds in short form for chart axes and tight spaces: "£1.2m", "£450k", "£950".
pub fn gbp_compact(x: f64) -> String {
    let a = x.abs();
    let (scaled, suffix) = if a >= 999_500_000.0 {
        (a / 1e9, "bn")
    } else if a >= 999_500.0 {
        (a / 1e6, "m")
    } else if a >= 1_000.0 {
        (a / 1e3, "k")
    } else {
        return gbp(x);
    };
    let text = if scaled >= 100.0 {
        format!("{scaled:.0}")
    } else {
        let t = format!("{scaled:.1}");
        t.strip_suffix(".0").map(str::to_owned).unwrap_or(t)
    };
    format!("{}£{text}{suffix}", sign(x))
}

/// A fraction as a percentage: 0.6 -> "60%", 0.175 -> "17.5%".
pub fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    let t = format!("{p:.1}");
    format!("{}%", t.strip_suffix(".0").unwrap_or(&t))
}

/// The headline effect in its own unit.
pub fn effect(programme: ProgrammeId, value: f64) -> String {
    match programme {
        ProgrammeId::FamilyValued => gbp(value),
        _ => percent(value),
    }
}

/// "pays back in year 3 of 5"; years are counted from 1 for people.
pub fn payback_reading(payback_years: Option<f64>, horizon_years: u32) -> String {
    match payback_years {
        Some(p) if p <= 0.0 => "the council is never out of pocket".into(),
        Some(p) => {
            let year = (p.ceil() as u32).max(1);
            format!("pays back in year {year} of {horizon_years} ({p:.1} years)")
        }
        None => format!("does not pay back within {horizon_years} years"),
    }
}

/// Plain-English readings of a programme's headline figures.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Readings {
    pub council_npv: String,
    pub public_npv: String,
    pub bcr: String,
    pub council_roi: String,
    pub payback: String,
    pub break_even: String,
}

fn better_or_worse(npv: f64) -> &'static str {
    if npv >= 0.0 {
        "better off"
    } else {
        "worse off"
    }
}

/// One line for each headline figure, as a finance lead would say it.
pub fn readings(a: &ProgrammeAppraisal, horizon_years: u32) -> Readings {
    let council_npv = format!(
        "the council is {} {} over {horizon_years} years, in today's money",
        gbp(a.council_npv_gbp.abs()),
        better_or_worse(a.council_npv_gbp)
    );
    let public_npv = format!(
        "the public sector as a whole is {} {}, counting police and NHS savings and leaving out the grant",
        gbp(a.public_npv_gbp.abs()),
        better_or_worse(a.public_npv_gbp)
    );
    let bcr = match a.bcr {
        Some(r) => format!("every £1 spent returns £{r:.2} in public-sector savings"),
        None => "no costs entered, so there is no ratio".into(),
    };
    let council_roi = match a.council_roi {
        CouncilRoi::Ratio(r) => format!(
            "each £1 of the council's own money returns £{:.2} in savings (a {} return)",
            r + 1.0,
            percent(r)
        ),
        CouncilRoi::FullyGrantFunded => {
            "fully grant-funded: the grant covers the council's costs".into()
        }
    };
    let break_even = break_even_reading(a);
    Readings {
        council_npv,
        public_npv,
        bcr,
        council_roi,
        payback: payback_reading(a.payback_years, horizon_years),
        break_even,
    }
}

fn break_even_reading(a: &ProgrammeAppraisal) -> String {
    let id = a.programme;
    let what = match id {
        ProgrammeId::FamilyValued => "the saving per family",
        ProgrammeId::FamilySafeguarding => "the reduction in children on plans",
        ProgrammeId::NoWrongDoor => "the reduction in residential time",
    };
    let Some(be) = a.break_even_effect else {
        return format!("{what} makes no difference here, so there is no break-even value");
    };
    let now = effect(id, a.headline_effect);
    if be <= 0.0 {
        return format!("the council breaks even with no effect at all (the grant covers the costs); the scenario assumes {now}");
    }
    let unreachable = id != ProgrammeId::FamilyValued && be > 1.0;
    let note = if unreachable {
        ", which is not achievable"
    } else {
        ""
    };
    format!(
        "breaks even if {what} is at least {}{note}; the scenario assumes {now}",
        effect(id, be)
    )
}

/// A fixed-width text table of the appraisal, for the `sfpc` command.
pub fn appraisal_table(
    council: &str,
    price_year: &str,
    appraisal: &crate::appraisal::Appraisal,
    horizon_years: u32,
    discount_rate: f64,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{council}: {horizon_years}-year appraisal at {} a year, {price_year} prices",
        percent(discount_rate)
    );
    for a in &appraisal.programmes {
        let r = readings(a, horizon_years);
        let _ = writeln!(out, "\n{}", a.programme.name());
        let _ = writeln!(
            out,
            "{:>5} {:>14} {:>14} {:>14} {:>14} {:>14} {:>16}",
            "year", "benefits", "partner", "costs", "grant", "council net", "cumulative net"
        );
        for y in &a.years {
            let _ = writeln!(
                out,
                "{:>5} {:>14} {:>14} {:>14} {:>14} {:>14} {:>16}",
                y.year,
                gbp(y.benefits_gbp),
                gbp(y.partner_benefits_gbp),
                gbp(y.costs_gbp),
                gbp(y.grant_gbp),
                gbp(y.council_net_gbp),
                gbp(y.cumulative_council_net_gbp)
            );
        }
        let lines = [
            ("council NPV", gbp(a.council_npv_gbp), r.council_npv),
            ("public-sector NPV", gbp(a.public_npv_gbp), r.public_npv),
            (
                "benefit-cost ratio",
                a.bcr.map_or("n/a".into(), |b| format!("{b:.2}")),
                r.bcr,
            ),
            ("council ROI", roi_figure(a.council_roi), r.council_roi),
            (
                "payback",
                a.payback_years
                    .map_or("none".into(), |p| format!("{p:.1} years")),
                r.payback,
            ),
            (
                "break-even",
                a.break_even_effect
                    .map_or("n/a".into(), |e| effect(a.programme, e)),
                r.break_even,
            ),
        ];
        for (name, figure, reading) in lines {
            let _ = writeln!(out, "  {name:<19} {figure:>14}  {reading}");
        }
    }
    out
}

fn roi_figure(roi: CouncilRoi) -> String {
    match roi {
        CouncilRoi::Ratio(r) => percent(r),
        CouncilRoi::FullyGrantFunded => "grant-funded".into(),
    }
}
