//! A council's figures in words: for each field, its kind (the council's
//! own, derived, its unit cost, national), the table and year it comes
//! from and the arithmetic; a summary, warnings, the every-council table's
//! rows and the batch's summary lines.

use super::{
    capitalise, count, gbp, one_decimal, parameter_label, parameter_value, percent, probability,
};
use crate::councils::rules::Rule;
use crate::councils::{
    Cost, Council, CouncilResult, Fallback, How, Measure, ModelSummary, Prefill, Reading, Stat,
    FIRST_YEAR,
};
use crate::registry::Field;
use crate::scenario::FigureKind;

/// A note beside one field of the form.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FieldNote {
    /// The field's scenario path.
    pub path: String,
    /// "The council's own", "Derived", "The council's unit cost", "National".
    pub kind: &'static str,
    pub text: String,
    /// A plain warning: the figure makes its stream save nothing, or the
    /// statistics could not give it.
    pub warning: bool,
}

/// A council's figures in words: a summary, and a note for each field.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CouncilReading {
    pub summary: String,
    pub notes: Vec<FieldNote>,
    pub warnings: Vec<String>,
}

/// DfE's reason for not publishing a figure, in words.
fn why(s: Stat) -> String {
    match s {
        Stat::Count(n) => count(n),
        Stat::Suppressed => "suppressed (c)".into(),
        Stat::NotAvailable => "not available (x)".into(),
        Stat::NotApplicable => "not applicable (z)".into(),
        Stat::LowReliability => "of low reliability (u)".into(),
        Stat::BelowHalf => "below half (k)".into(),
        Stat::Missing => "not shown (-)".into(),
        Stat::NotInRelease => "not in the release used".into(),
    }
}

/// A count held as a float (a count, or a region's rate times a base).
fn figure(x: f64) -> String {
    one_decimal(x)
}

/// "2024-25" for the financial year starting in 2024.
fn financial_year(start: u16) -> String {
    format!("{start}-{:02}", (start + 1) % 100)
}

/// How a reading was found, for a count: "634 (31 March 2025)", with any fallback.
fn reading_text(measure: Measure, r: &Reading) -> String {
    let range = if r.low < r.high {
        format!(
            " Low and high: the fewest and most of its years from {FIRST_YEAR} ({} to {}).",
            figure(r.low),
            figure(r.high)
        )
    } else {
        String::new()
    };
    let found = match &r.fallback {
        Fallback::None => format!(
            "{} {} {}",
            figure(r.value),
            measure.label(),
            measure.when(r.year)
        ),
        Fallback::EarlierYear { why: w, latest_year } => format!(
            "{latest_year}'s figure is {}, so the latest published year's: {} {} {}",
            why(*w),
            figure(r.value),
            measure.label(),
            measure.when(r.year)
        ),
        Fallback::Region {
            why: w,
            region,
            region_total,
            region_base,
            base,
            base_measure,
        } => format!(
            "{} not published in any year ({} {}), so the rate of the other councils in {region}: {} per {} {}, × the council's own {} = {}",
            capitalise(measure.label()),
            why(*w),
            measure.when(r.year),
            figure(*region_total),
            figure(*region_base),
            base_measure.label(),
            figure(*base),
            figure(r.value)
        ),
        Fallback::RegionMedian { .. } => String::new(),
    };
    format!("{found} ({}).{range}", measure.table())
}

fn cost_text(cost: Cost, r: &Reading) -> String {
    let year = financial_year(r.year);
    let found = match &r.fallback {
        Fallback::None => format!("{year} outturn, restated into the scenario's prices"),
        Fallback::EarlierYear { why: w, latest_year } => format!(
            "{} is {}, so {year}'s outturn, restated into the scenario's prices",
            financial_year(*latest_year),
            why(*w)
        ),
        Fallback::RegionMedian {
            why: w,
            region,
            councils,
        } => format!(
            "not published in any year ({} in {year}), so the median of {councils} other councils in {region}, {year}, restated into the scenario's prices",
            why(*w)
        ),
        Fallback::Region { .. } => String::new(),
    };
    let range = if r.low < r.high {
        format!(
            " Low and high: the least and most of its years from 2019-20, each restated ({} to {}).",
            gbp(r.low),
            gbp(r.high)
        )
    } else {
        String::new()
    };
    format!(
        "The council's {}: {} a week, {found} ({}).{range}",
        cost.label(),
        gbp(r.value),
        Cost::TABLE
    )
}

/// What one prefill did, in words (the scenario's `council_figures` source
/// and the note beside the field).
pub fn figure_source(p: &Prefill) -> String {
    let value = |x: f64| parameter_value(p.programme, p.field, x);
    match &p.how {
        How::Count { measure, reading } => reading_text(*measure, reading),
        How::Scaled {
            measure,
            reading,
            ratio,
        } => format!(
            "{} × {} / {} = {}. The ratio: {}. The count: {}",
            figure(reading.value),
            figure(ratio.numerator),
            figure(ratio.denominator),
            value(reading.value * ratio.value()),
            ratio.source,
            reading_text(*measure, reading)
        ),
        How::CareLength {
            looked_after,
            ceased,
            year,
        } => format!(
            "{} looked after at 31 March {year} / {} ceasing to be looked after in the year = {}. Low and high: the shortest and longest of {FIRST_YEAR} to {year} ({}).",
            count(*looked_after),
            count(*ceased),
            value(f64::from(*looked_after) / f64::from(*ceased)),
            Measure::LookedAfter.table()
        ),
        How::Relative { .. } if p.field == Field::ShareKinshipOther => {
            "The rest of the mix: 100% less the foster and residential shares above, each the model's share moved towards the council's own mix (DfE, Children looked after in England, placements and ages by LA (2025 release)).".into()
        }
        How::Relative {
            measure,
            default_share,
            council_share,
            england_share,
            year,
            region,
        } => format!(
            "The model's {} × {} {} ÷ England's {} ({}, {year}; {}){}",
            percent(*default_share),
            whose(*region),
            percent(*council_share),
            percent(*england_share),
            share_label(*measure),
            measure.table(),
            if p.field == Field::TargetGroupShare {
                ", at most 100%."
            } else {
                "."
            }
        ),
        How::Rescaled {
            measure,
            council_share,
            england_share,
            year,
            region,
        } => format!(
            "The model's shares moved towards {} {} ({} against England's {}, {year}), then scaled down so that foster and residential placements fill the whole mix ({}).",
            whose(*region),
            share_label(*measure),
            percent(*council_share),
            percent(*england_share),
            measure.table()
        ),
        How::UnitCost { cost, reading } => cost_text(*cost, reading),
        How::ServiceUnits {
            cohort_field,
            cohort,
            capacity,
        } => {
            let service = p.programme.service();
            format!(
                "{} {} ÷ {} a {}, rounded up, at least one. {}",
                figure(*cohort),
                super::lowercase_first(parameter_label(p.programme, *cohort_field)),
                figure(*capacity),
                service.unit,
                crate::councils::CAPACITY_NOTE
            )
        }
        How::National => {
            "The default, the same for every council: a published national figure or an assumption (its source is in the defaults table).".into()
        }
        How::Unavailable { measure } => format!(
            "The council's statistics give no usable figure ({}): the default stays. Please enter your own.",
            measure.label()
        ),
        How::NoneLookedAfter { year } => format!(
            "The council had no child looked after at 31 March {year}, so it has no placement mix or ages of its own: the model's default stays."
        ),
        How::NoLength => "No length of care follows from the council's statistics (no child ceased to be looked after, or it would exceed 18 years): the default stays.".into(),
    }
}

/// Whose share it is: the council's, or its region's where the council
/// never published the part.
fn whose(region: Option<&'static str>) -> String {
    match region {
        None => "the council's".into(),
        Some(r) => {
            format!("the other councils of {r} together (the council's own is not published):")
        }
    }
}

fn share_label(measure: Measure) -> &'static str {
    match measure {
        Measure::ChildrensHomes => "share of children looked after in children's homes",
        Measure::Fostered => "share of children looked after in foster placements",
        _ => "share of children looked after aged 10 and over",
    }
}

/// The label a kind has beside a figure.
pub fn kind_label(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Own => "The council's own",
        FigureKind::Derived => "Derived",
        FigureKind::UnitCost => "The council's unit cost",
        FigureKind::National => "National",
    }
}

/// A plain warning where a figure makes a stream save nothing, or the
/// statistics could not give it.
fn warning(p: &Prefill) -> Option<String> {
    if !p.is_warning() {
        return None;
    }
    let label = parameter_label(p.programme, p.field);
    Some(match &p.how {
        How::Count { reading, .. } => format!(
            "{}: {label} is 0 ({}), so the savings that depend on it are 0.",
            p.programme.name(),
            reading.year
        ),
        _ => format!(
            "{}: {label}: the council's statistics give no usable figure, so the default stays.",
            p.programme.name()
        ),
    })
}

/// What picking `council` did, for the page and the command.
pub fn council_reading(council: &Council, prefills: &[Prefill]) -> CouncilReading {
    let notes = prefills
        .iter()
        .map(|p| FieldNote {
            path: format!("programmes.{}.{}", p.programme.key(), p.field.key()),
            kind: kind_label(p.kind),
            text: format!("{}. {}", kind_label(p.kind), figure_source(p)),
            warning: p.is_warning(),
        })
        .collect();
    let warnings: Vec<String> = prefills.iter().filter_map(warning).collect();
    let own = prefills
        .iter()
        .filter(|p| p.kind != FigureKind::National)
        .count();
    let latest = |m: Measure| {
        let year = m.latest_year();
        let figure = council
            .year(year)
            .map_or_else(|| "not published".into(), |y| why(m.of(y)));
        format!("{figure} {} {}", m.label(), m.when(year))
    };
    let summary = format!(
        "{} ({}, {}): {}, {}, {}. {own} of the scenario's figures come from the council's statistics (its own counts, counts × a stated ratio, or its own unit costs), each marked with where it comes from; the rest are national figures, marked too.",
        council.name,
        council.code,
        if council.region.is_empty() { "England" } else { council.region },
        latest(Measure::CpPlans),
        latest(Measure::LookedAfter),
        latest(Measure::Started),
    );
    let summary = if warnings.is_empty() {
        summary
    } else {
        format!("{summary} Warnings: {}", warnings.join(" "))
    };
    CouncilReading {
        summary,
        notes,
        warnings,
    }
}

/// The every-council table's columns, as the page shows them.
pub const COUNCIL_TABLE_COLUMNS: [&str; 13] = [
    "Council",
    "Region",
    "Model",
    super::COUNCIL_NPV.label,
    "Council net present value without the grant",
    super::CASHABLE_NPV.label,
    super::PUBLIC_NPV.label,
    super::BCR.label,
    super::PAYBACK.label,
    "Chance the council is better off",
    "Teams or hubs",
    "Caseload the service is sized by",
    "Warnings",
];

/// The field a model's caseload is sized by, for the table.
pub fn main_caseload(r: &CouncilResult) -> Field {
    r.programme.service().cohort
}

/// One row of the every-council table: display text, and what each column
/// sorts by (a number, or the text; `null` sorts last).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CouncilRow {
    pub code: &'static str,
    pub programme: &'static str,
    pub cells: Vec<String>,
    #[cfg_attr(test, ts(type = "(number | string | null)[]"))]
    pub sort: Vec<serde_json::Value>,
    /// Each figure's kind, by field label: "Children on plans: the council's own".
    pub kinds: Vec<String>,
}

/// The warnings of one council's result, in one cell.
pub fn warnings_text(r: &CouncilResult) -> String {
    let mut w: Vec<String> = r.prefills.iter().filter_map(warning).collect();
    if r.council_npv_gbp > 0.0 && r.council_npv_without_grant_gbp <= 0.0 {
        w.push(format!(
            "The council is better off only because of the DfE grant: without it, its NPV is {}.",
            gbp(r.council_npv_without_grant_gbp)
        ));
    }
    w.join(" ")
}

/// Each figure's kind, "label: kind", for the table and the batch.
pub fn kinds_text(r: &CouncilResult) -> Vec<String> {
    r.prefills
        .iter()
        .map(|p| {
            format!(
                "{}: {}",
                parameter_label(p.programme, p.field),
                p.kind.label()
            )
        })
        .collect()
}

/// A council's result as a row of the every-council table.
pub fn council_row(r: &CouncilResult) -> CouncilRow {
    use serde_json::Value;
    let text = |s: &str| Value::from(s);
    let number = |x: Option<f64>| x.map_or(Value::Null, Value::from);
    let p = r.probability_council_npv_positive;
    let caseload_field = main_caseload(r);
    let caseload = r.figure(caseload_field);
    let caseload_kind = r
        .prefills
        .iter()
        .find(|p| p.field == caseload_field)
        .map_or("", |p| p.kind.label());
    CouncilRow {
        code: r.council.code,
        programme: r.programme.key(),
        cells: vec![
            r.council.name.into(),
            r.council.region.into(),
            r.programme.name().into(),
            gbp(r.council_npv_gbp),
            gbp(r.council_npv_without_grant_gbp),
            gbp(r.council_cashable_npv_gbp),
            gbp(r.public_npv_gbp),
            r.bcr.map_or("n/a".into(), |b| format!("{b:.2}")),
            r.payback_years
                .map_or("not within the period".into(), |y| format!("{y:.1} years")),
            p.map_or("not simulated".into(), probability),
            format!("{}", r.service_units),
            caseload.map_or("default".into(), |c| {
                format!(
                    "{} {} ({caseload_kind})",
                    figure(c),
                    super::lowercase_first(parameter_label(r.programme, caseload_field))
                )
            }),
            warnings_text(r),
        ],
        sort: vec![
            text(r.council.name),
            text(r.council.region),
            text(r.programme.name()),
            number(Some(r.council_npv_gbp)),
            number(Some(r.council_npv_without_grant_gbp)),
            number(Some(r.council_cashable_npv_gbp)),
            number(Some(r.public_npv_gbp)),
            number(r.bcr),
            number(r.payback_years),
            number(p),
            number(Some(r.service_units)),
            number(caseload),
            text(&warnings_text(r)),
        ],
        kinds: kinds_text(r),
    }
}

/// One line a model for `sfpc batch`: how many councils gain, the median
/// and the range.
pub fn summary_line(s: &ModelSummary) -> String {
    let evpi = s.evpi_total_gbp.map_or(String::new(), |total| {
        format!(
            "; expected value of perfect information summed over the councils {} (the most that settling every figure could be worth to them all)",
            gbp(total)
        )
    });
    format!(
        "{}: council NPV above zero in {} of {} councils ({} without the DfE grant); median {}; lowest {} ({}), highest {} ({}){evpi}",
        s.programme.name(),
        s.positive,
        s.councils,
        s.positive_without_grant,
        gbp(s.median_council_npv_gbp),
        gbp(s.lowest.1),
        s.lowest.0,
        gbp(s.highest.1),
        s.highest.0
    )
}

/// A rule in words, for the README's table.
fn rule_text(programme: crate::registry::ProgrammeId, field: Field, rule: Rule) -> String {
    match rule {
        Rule::Count(m) => format!(
            "{} {}, the latest year ({}); range: the fewest and most of its own years from {FIRST_YEAR}",
            capitalise(m.label()),
            m.when(m.latest_year()),
            m.table()
        ),
        Rule::CareLength => format!(
            "Children looked after at 31 March ÷ children ceasing to be looked after in the year, {} ({}); range: its own years",
            Measure::LookedAfter.latest_year(),
            Measure::LookedAfter.table()
        ),
        Rule::Scaled(m, ratio) => format!(
            "{} {} × {} / {}: {} ({})",
            capitalise(m.label()),
            m.when(m.latest_year()),
            figure(ratio.numerator),
            figure(ratio.denominator),
            ratio.source,
            m.table()
        ),
        Rule::PlacementShare if field == Field::ShareKinshipOther => {
            "The rest of the mix: 100% less the foster and residential shares".into()
        }
        Rule::PlacementShare => format!(
            "The model's share × the council's {} ÷ England's, at 31 March {} ({}); scaled down if foster and residential would pass 100%",
            share_label(if field == Field::ShareResidential { Measure::ChildrensHomes } else { Measure::Fostered }),
            Measure::Placed.latest_year(),
            Measure::Placed.table()
        ),
        Rule::AdolescentShare => format!(
            "The model's share × the council's share of children looked after aged 10 and over ÷ England's, at 31 March {} ({}), at most 100%",
            Measure::Placed.latest_year(),
            Measure::Placed.table()
        ),
        Rule::UnitCost(cost) => format!(
            "The council's {}, 2024-25 outturn, restated into the scenario's prices with HM Treasury's deflators ({}); range: its own years from 2019-20, each restated",
            cost.label(),
            Cost::TABLE
        ),
        Rule::ServiceUnits => {
            let service = programme.service();
            format!(
                "{} ÷ {} a {}, rounded up, at least one: {}",
                parameter_label(programme, service.cohort),
                figure(service.capacity),
                service.unit,
                service.source
            )
        }
        Rule::National => programme
            .spec()
            .param(field)
            .map_or("", |p| p.source)
            .to_owned(),
    }
}

/// The README's "Your council's figures" tables: for each programme, every
/// parameter with its kind once a council is picked and where it comes from
/// (tested to be the README's text).
pub fn council_figures_markdown() -> String {
    let mut out = String::new();
    for programme in crate::registry::ProgrammeId::ALL {
        let service = programme.service();
        out.push_str(&format!(
            "**{}** runs in {}, each for up to {} of its {}.\n\n| Figure | Kind | Where it comes from |\n| --- | --- | --- |\n",
            programme.name(),
            service.units,
            figure(service.capacity),
            super::lowercase_first(parameter_label(programme, service.cohort))
        ));
        for (field, rule) in crate::councils::rules::rules(programme) {
            let text = rule_text(programme, field, rule).replace('|', "/");
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                parameter_label(programme, field),
                rule.kind().label(),
                text
            ));
        }
        out.push('\n');
    }
    out
}
