//! Turning results into words and rounded figures: the only place numbers are
//! rounded. The model keeps full precision; totals are summed unrounded.
//!
//! - this file: number formats (money, percentages, counts, years) and the
//!   parameters' labels and values, from the registry's units;
//! - [`appraisal`]: headlines, readings, chart summaries and tables of an appraisal;
//! - [`yearly`]: the appraisal's data tables behind its charts;
//! - [`uncertainty`]: the uncertainty analysis in words, its cards and tables;
//! - [`comparison`]: saved scenarios side by side;
//! - [`councils`]: what a council's statistics set;
//! - [`evidence_sets`]: the evidence sets side by side;
//! - [`grades`]: each figure's grade, and how many savings rest on measured evidence;
//! - [`sources`]: the defaults and their sources.

mod appraisal;
mod chart_words;
mod checks;
mod comparison;
mod councils;
mod counts;
mod decision;
mod evidence_sets;
mod grades;
mod map;
mod measures;
mod migration;
mod readings;
mod sources;
mod uncertainty;
mod verdict;
mod yearly;

#[cfg(test)]
mod typescript;

pub use appraisal::{
    appraisal_context, appraisal_table, chart_summaries, comparison_summary, group_readings,
    headlines, payback_reading, payback_text, payer_table, streams_table, ChartSummaries,
    GroupReading, Headline,
};
pub use chart_words::{
    programme_title, ChartSource, ChartSpec, ACCEPTABILITY, CHARTS, COMPARISON, CUMULATIVE, EVPPI,
    FAN, FLOWS, HISTOGRAM, SCENARIOS, TORNADO, WHO,
};
pub use checks::{checks_html, checks_markdown};
pub use comparison::{
    saved_scenarios_hint, scenario_comparison_summary, scenario_comparison_table,
};
pub use councils::{
    council_figures_markdown, council_reading, council_row, figure_source, kind_label, kinds_text,
    summary_line, warnings_text, CouncilReading, CouncilRow, FieldNote, COUNCIL_TABLE_COLUMNS,
};
pub use counts::{
    councils_matching, councils_shown, figure_problems, restated_defaults_note, unreadable_saved,
};
pub use decision::{
    acceptability_table, acceptability_thresholds, decide_table, decision_method, decision_words,
    evppi_bars, item_label, method_label, payback_table, threshold_sentence, value_words,
    waiting_assumptions, waiting_sentence, Card, DecisionWords, ValueWords, NOTHING_WORTH_KNOWING,
};
pub use evidence_sets::{
    comparison_summary as evidence_comparison_summary,
    comparison_table as evidence_comparison_table, effects_text, effects_used_text, set_texts,
    SetFigureText, SetText,
};
pub use grades::{evidence_summary, figure_grade, figure_grades, grade_text, FigureGrade};
pub use map::{map_cell_label, map_glyph, map_legend, map_measure_label, map_summary};
pub use measures::{
    glossary, threshold_label, Measure, MeasureFormat, BCR, CASHABLE_NPV, COUNCIL_NPV, COUNCIL_ROI,
    HEADLINE_MEASURES, PAYBACK, PUBLIC_NPV,
};
pub use migration::migration_note;
pub use readings::field_reading;
pub use sources::{grades_text, sources_table};
pub use uncertainty::{
    central_and_median, compared_chances_table, compared_percentile_table, draws_hint, fan_table,
    histogram_table, percentile_table, provisional_note, simulation_plain, simulation_record,
    steadiness, tornado_table, uncertainty_headlines, uncertainty_summaries, uncertainty_table,
    UncertaintySummaries, PERCENTILE_HEADINGS,
};
pub use verdict::{verdict_sentence, verdicts, Chances, Verdict, Verdicts, LIKELY_CHANCE};
pub use yearly::{
    all_headlines, chart_titles, cumulative_table, discounting_example, flows_table,
    headline_table, year_label,
};

use crate::registry::{Field, ProgrammeId, UnitKind};

/// The engine's version, in every result, export, workbook and audit pack:
/// the workspace's (the root `Cargo.toml`), which every layer's package
/// shares.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Groups the digits of a whole number in threes: 1234567 -> "1,234,567".
fn group_thousands(whole: u64) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
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

/// Pounds to the penny as a form shows them for editing, with no `£` or
/// commas and no trailing zeros: 992.4364512 -> "992.44", 755.0 -> "755".
/// For money the engine worked out (a default restated into the price year).
pub fn money_input_text(x: f64) -> String {
    without_trailing_zeros(&format!("{:.2}", x))
}

/// A number's decimal text without its trailing zeros or point: "12.50" ->
/// "12.5", "3.000" -> "3", "-0.00" -> "0".
fn without_trailing_zeros(text: &str) -> String {
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
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

/// A number to one decimal place, without a trailing ".0": 356.3, 20.
fn one_decimal(x: f64) -> String {
    let t = format!("{x:.1}");
    t.strip_suffix(".0").map(str::to_owned).unwrap_or(t)
}

/// A fraction as a percentage: 0.6 -> "60%", 0.175 -> "17.5%".
pub fn percent(fraction: f64) -> String {
    format!("{}%", one_decimal(fraction * 100.0))
}

/// "1 year", "5 years", "2.5 years".
pub fn years(n: f64) -> String {
    let text = one_decimal(n);
    if text == "1" {
        "1 year".into()
    } else {
        format!("{text} years")
    }
}

/// "82%": a probability as a whole percentage, never rounding a non-zero
/// chance to 0% or a non-certainty to 100%.
pub fn probability(p: f64) -> String {
    let pct = (p * 100.0).round();
    if p > 0.0 && pct == 0.0 {
        "under 1%".into()
    } else if p < 1.0 && pct == 100.0 {
        "over 99%".into()
    } else {
        format!("{pct:.0}%")
    }
}

/// A number to the nearest whole, with no separators: a chart axis's "12".
pub fn whole(x: f64) -> String {
    format!("{x:.0}")
}

/// Seconds to a tenth: "12.3 s".
pub fn seconds(s: f64) -> String {
    format!("{s:.1} s")
}

/// A count with thousands separators: 10000 -> "10,000".
pub fn count(n: u32) -> String {
    group_thousands(u64::from(n))
}

/// The text with its first letter changed by `change`. ASCII only: our
/// labels are, and Unicode case tables would add kilobytes to the download.
fn first_letter(text: &str, change: fn(&char) -> char) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| std::iter::once(change(&c)).chain(chars).collect())
        .unwrap_or_default()
}

/// "Saving per family holding an FGC" -> "saving per family holding an FGC".
/// "a", "a and b", "a, b and c".
fn list_in_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn lowercase_first(text: &str) -> String {
    first_letter(text, char::to_ascii_lowercase)
}

fn capitalise(text: &str) -> String {
    first_letter(text, char::to_ascii_uppercase)
}

/// The label of a programme parameter, from the registry.
pub fn parameter_label(programme: ProgrammeId, field: Field) -> &'static str {
    programme.spec().param(field).map_or("", |p| p.label)
}

/// A parameter's value in its own unit (the registry's): money, a fraction
/// as a percentage, years, or a count.
pub fn parameter_value(programme: ProgrammeId, field: Field, value: f64) -> String {
    let kind = programme
        .spec()
        .param(field)
        .map_or(UnitKind::Count, |p| p.unit.kind);
    match kind {
        UnitKind::Money => gbp(value),
        UnitKind::Fraction => percent(value),
        UnitKind::Years => years(value),
        UnitKind::Count => one_decimal(value),
    }
}

/// A table of display text, which the page writes into an HTML table as
/// text: its caption, headings and cells all come from here, so the page and
/// the command say the same (issue 15).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TextTable {
    pub caption: String,
    pub headings: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Words for a file name: lower-case ASCII letters and digits, the rest
/// runs of one hyphen, at most `max` characters, cut at a word.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut cut = out.trim_end_matches('-').to_owned();
    if cut.len() > max {
        cut.truncate(max);
        if let Some(at) = cut.rfind('-') {
            cut.truncate(at);
        }
    }
    cut
}

/// A download's file name, so a folder of them sorts and reads: council,
/// model and date, then what it is (blank for the scenario and the
/// workbook): "leeds-family-safeguarding-2026-12-04.xlsx",
/// "leeds-compare-2026-12-04-audit-pack.zip". `view` is a programme's key or
/// "compare"; `date` the reader's "2026-12-04".
pub fn download_name(council: &str, view: &str, date: &str, what: &str, ext: &str) -> String {
    let parts = [
        slug(council, 40),
        slug(view, 30),
        slug(date, 10),
        slug(what, 30),
    ];
    let stem: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    let stem = if stem.is_empty() {
        "sfpc".to_owned()
    } else {
        stem.join("-")
    };
    format!("{stem}.{}", slug(ext, 8))
}

/// A figure as the form shows it for editing, by the defaults table's kind
/// (`money`, `fraction`, `count`, `years`): a fraction as a percentage to 4
/// decimals, 6 significant figures for shares of 10% or more ("3.5%", which
/// the page reads back as 0.035; "12.3457%"), money to the penny ("992.44"),
/// others to 3 decimals ("3.254").
pub fn figure_input_text(kind: &str, x: f64) -> String {
    match kind {
        "fraction" => format!("{}%", without_trailing_zeros(&format!("{:.4}", x * 100.0))),
        "money" => money_input_text(x),
        _ => without_trailing_zeros(&format!("{x:.3}")),
    }
}
