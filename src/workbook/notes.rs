//! The Uncertainty sheet (the calculator's simulation, as values) and the
//! Sources and method sheet (the method in words, the evidence, the
//! versions and the licences).

use super::style::{Sheet, Written};
use crate::display::{effects_used_text, parameter_label, parameter_value, probability};
use crate::scenario::Scenario;
use crate::uncertainty::{Percentiles, Uncertainty};

pub const UNCERTAINTY: &str = "Uncertainty";
pub const SOURCES: &str = "Sources and method";
/// The Sources and method sheet's one column, in characters.
const WIDTH: f64 = 110.0;

/// The method, step by step, as the Years sheet works it out
/// (`crate::appraisal` has the same in symbols).
const METHOD: [&str; 14] = [
    "Year t runs from 0 (the first year) to the appraisal period − 1, as in the Green Book tables.",
    "Effect multiplier m_t = ramp-up in year t × (1 − deadweight) × (1 − optimism bias); the ramp-up's last entry repeats.",
    "A yearly saving = m_t × the saving a year at full effect (the effect × its cohort × its unit value).",
    "Children kept out of care: entries avoided in year k = m_k × the council's entries to care a year × the target-group share × the reduction. Each saves a year of care (Σ placement share × weekly cost × 365/7, less the support the child still gets at home) for each year it would have stayed in care, from the point s of year k at which it would have started, the last part-year pro rata: s = ½ (the Green Book's mid-year convention; 0 in a file older than format 4), and child-years in year t = Σ over k ≤ t of entries avoided in year k × the part of its care in year t (MEDIAN(0, 1 − s, care years) in year k, MEDIAN(0, 1, care years − (t − k − s)) after). Care after the last year is reported, not counted.",
    "Savings to the council are its streams' savings; savings to others (police, NHS) count in the public-sector figures only; cashable savings are each council saving × its cashable share.",
    "Costs = (set-up (first year only) + running cost + staff (Σ FTE × cost of an FTE) + for Family Valued, ramp-up × families × extra cost per conference) × (1 + optimism bias on costs).",
    "Grant = the DfE grant for the year (0 after the list's last year).",
    "Council net = savings to the council − costs + grant.",
    "Discount factor = 1 ÷ (1 + discount rate)^t (the Green Book's 3.5% a year by default); present value = Σ discount factor × the year's figure.",
    "Council net present value = PV(savings to the council) − PV(costs) + PV(grant). Cashable: the same with cashable savings.",
    "Public-sector net present value = PV(savings to the council and others) − PV(costs): the grant is a transfer within the public sector.",
    "Benefit-cost ratio = PV(all savings) ÷ PV(costs). Council return on investment = (PV(savings to the council) − PV(the council's own cost)) ÷ PV(its own cost), where its own cost is costs − grant.",
    "Payback = the point after which the cumulative discounted council net (undiscounted in a file older than format 4) stays at or above 0, each year's flow spread evenly over its year.",
    "Every money figure is in the scenario's price year: defaults are restated from their source's year with HM Treasury's GDP deflators (the Prices sheet); figures you enter are taken as already in it.",
];

fn percentile_row(s: &mut Sheet, row: u32, label: &str, p: &Percentiles) -> Written {
    let f = s.f;
    s.text(row, 0, label, &f.plain)?;
    for (col, x) in (1u16..).zip([p.p5, p.p10, p.p50, p.p90, p.p95, p.mean]) {
        s.number(row, col, x, &f.money)?;
    }
    Ok(())
}

pub fn write_uncertainty(s: &mut Sheet, u: &Uncertainty) -> Written {
    let f = s.f;
    s.text(
        0,
        0,
        "Simulated in the calculator; not recomputed by this workbook (values, not formulas)",
        &f.title,
    )?;
    let settings = format!(
        "{} simulated futures, seed {}: the same seed and draws give the same figures in the calculator and `sfpc simulate`.",
        u.config.draws, u.config.seed
    );
    s.text(1, 0, &settings, &f.note)?;
    let mut row = 3;
    for p in &u.programmes {
        s.text(row, 0, p.programme.name(), &f.bold)?;
        row += 1;
        let mut headings = vec![""];
        headings.extend(crate::display::PERCENTILE_HEADINGS);
        s.headings(row, &headings)?;
        row += 1;
        percentile_row(
            s,
            row,
            crate::display::COUNCIL_NPV.label,
            &p.council_npv_gbp,
        )?;
        percentile_row(
            s,
            row + 1,
            crate::display::CASHABLE_NPV.label,
            &p.council_cashable_npv_gbp,
        )?;
        percentile_row(
            s,
            row + 2,
            crate::display::PUBLIC_NPV.label,
            &p.public_npv_gbp,
        )?;
        row += 3;
        for (label, x) in [
            (
                "Chance the council is better off",
                Some(p.probability_council_npv_positive),
            ),
            (
                "Chance of paying back within the period",
                Some(p.probability_payback_within_horizon),
            ),
            (
                "Chance the headline effect clears break-even",
                p.break_even.probability_effect_exceeds,
            ),
        ] {
            s.text(row, 0, label, &f.plain)?;
            s.text(row, 1, &x.map_or("n/a".into(), probability), &f.plain)?;
            row += 1;
        }
        row += 1;
        s.headings(
            row,
            &[
                "Which figures matter most",
                "Low",
                "High",
                "NPV at low",
                "NPV at high",
            ],
        )?;
        row += 1;
        for t in &p.tornado {
            s.text(row, 0, parameter_label(p.programme, t.parameter), &f.plain)?;
            s.text(
                row,
                1,
                &parameter_value(p.programme, t.parameter, t.low),
                &f.plain,
            )?;
            s.text(
                row,
                2,
                &parameter_value(p.programme, t.parameter, t.high),
                &f.plain,
            )?;
            s.number(row, 3, t.npv_at_low_gbp, &f.money)?;
            s.number(row, 4, t.npv_at_high_gbp, &f.money)?;
            row += 1;
        }
        row += 1;
    }
    s.widths(&[44.0, 14.0, 14.0, 14.0, 14.0, 14.0, 14.0])?;
    s.ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

pub fn write_sources(s: &mut Sheet, scenario: &Scenario) -> Written {
    let f = s.f;
    s.text(0, 0, "How the workbook works it out", &f.title)?;
    let mut row = 1;
    for line in METHOD {
        s.wrapped(row, 0, line, WIDTH)?;
        row += 1;
    }
    row += 1;
    s.text(row, 0, "The evidence behind the effects", &f.bold)?;
    row += 1;
    for p in scenario.enabled() {
        let text = format!(
            "{}: {}.",
            p.programme.name(),
            effects_used_text(p, scenario.price_year)
        );
        s.text(row, 0, &text, &f.plain)?;
        row += 1;
    }
    row += 1;
    let release = match (&scenario.council_code, &scenario.statistics_release) {
        (Some(code), Some(release)) => format!("Council statistics: {code}, {release}."),
        _ => "Council statistics: none used; the caseloads are the calculator's defaults or your own.".into(),
    };
    let lines = [
        format!("Made by the SFPC cost-benefit calculator, engine {}. Each default's source is on the Inputs sheet.", crate::display::ENGINE_VERSION),
        release,
        format!("Prices: {}.", crate::prices::DEFLATOR_SOURCE),
        format!("{}.", crate::councils::LICENCE),
        "No macros and no links to other files: every formula reads this workbook's Inputs sheet.".into(),
    ];
    for line in lines {
        s.wrapped(row, 0, &line, WIDTH)?;
        row += 1;
    }
    s.widths(&[WIDTH])?;
    s.ws.set_print_fit_to_pages(1, 0);
    Ok(())
}
