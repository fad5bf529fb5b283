//! `sfpc`: the calculator on the command line.
//!
//! ```text
//! sfpc defaults [--council CODE] [--price-year Y] [--evidence-set SET]
//!                                               the default scenario, as JSON
//! sfpc migrate [FILE|-]                         a scenario of any format in format 4
//! sfpc evaluate [FILE|-] [--format json|table]  the appraisal of a scenario
//! sfpc simulate [FILE|-] [--draws N] [--seed S] [--format json|table]
//! sfpc decide [FILE|-] [--draws N] [--seed S] [--threshold GBP] [--check] [--format json|table]
//! sfpc report [FILE|-] --out DIR [--draws N] [--seed S]
//! sfpc batch [FILE|-] --out FILE.csv [--draws N] [--seed S]
//! ```
//! Bad input: every error on stderr, one a line, and exit status 2.

mod councils;

use sfpc::{display, format, uncertainty};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  sfpc defaults [--council CODE] [--price-year Y] [--evidence-set SET]
                                                print the default scenario (JSON, format 4),
                                                with a council's DfE statistics (its code,
                                                such as E06000005, or its name), in a price
                                                year's prices (default 2024-25), with every
                                                model's effects from an evidence set
                                                (claims, independent or cautious)
  sfpc migrate [FILE|-]                         print a scenario (formats 1 to 4) in format 4,
                                                with the same figures; on stderr, what the
                                                Green Book's conventions would change
  sfpc evaluate [FILE|-] [--format json|table]  appraise a scenario (default: stdin, json)
  sfpc simulate [FILE|-] [--draws N] [--seed S] [--format json|table]
                                                uncertainty analysis (default: 100000 draws)
  sfpc decide [FILE|-] [--draws N] [--seed S] [--threshold GBP] [--check] [--format json|table]
                                                decide now or wait: expected loss of adopting
                                                and not, EVPI, what each figure is worth
                                                knowing first (EVPPI), whether to wait for
                                                the model's trial, the chance of clearing a
                                                threshold; --check adds the regression
                                                estimator beside each figure's EVPPI
  sfpc report [FILE|-] --out DIR [--draws N] [--seed S]
                                                write the audit pack (scenario, results and
                                                uncertainty JSON, yearly results, streams and
                                                defaults CSV, README.txt; also as
                                                audit-pack.zip) and every chart (SVG)
  sfpc batch [FILE|-] --out FILE.csv [--draws N] [--seed S]
                                                appraise the scenario for every council with
                                                its own statistics: one row a council and
                                                model (with --draws, the chance its NPV > 0)";

/// Exit status for bad input or bad usage.
const BAD_INPUT: u8 = 2;

#[derive(Clone, Copy, PartialEq)]
enum OutputFormat {
    Json,
    Table,
}

struct Options {
    input: Option<String>,
    format: OutputFormat,
    draws: Option<String>,
    seed: Option<String>,
    out: Option<String>,
    council: Option<String>,
    price_year: Option<String>,
    /// `sfpc decide --threshold`: pounds of council NPV.
    threshold: Option<String>,
    /// `sfpc decide --check`: the regression estimator beside each EVPPI.
    check: bool,
    evidence_set: Option<String>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        input: None,
        format: OutputFormat::Json,
        draws: None,
        seed: None,
        out: None,
        council: None,
        price_year: None,
        evidence_set: None,
        threshold: None,
        check: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                options.format = match args.next().map(String::as_str) {
                    Some("json") => OutputFormat::Json,
                    Some("table") => OutputFormat::Table,
                    other => return Err(format!("--format takes json or table, got {other:?}")),
                }
            }
            "--draws" => options.draws = Some(value_of("--draws", args.next())?),
            "--seed" => options.seed = Some(value_of("--seed", args.next())?),
            "--threshold" => options.threshold = Some(value_of("--threshold", args.next())?),
            "--check" => options.check = true,
            "--out" => options.out = Some(value_of("--out", args.next())?),
            "--council" => options.council = Some(value_of("--council", args.next())?),
            "--price-year" => options.price_year = Some(value_of("--price-year", args.next())?),
            "--evidence-set" => {
                options.evidence_set = Some(value_of("--evidence-set", args.next())?);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if options.input.is_none() => options.input = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    Ok(options)
}

fn value_of(flag: &str, value: Option<&String>) -> Result<String, String> {
    value
        .cloned()
        .ok_or_else(|| format!("{flag} needs a value"))
}

/// An option's text as JSON (a number) where it is one, else as text, so the
/// validator reports it in its own words.
fn as_json(text: Option<&str>, default: u64) -> serde_json::Value {
    match text {
        None => default.into(),
        Some(t) => serde_json::from_str(t).unwrap_or_else(|_| t.into()),
    }
}

/// The scenario and simulation settings, with every error from both.
fn scenario_and_config(
    options: &Options,
) -> Result<(sfpc::scenario::Scenario, uncertainty::SimulationConfig), String> {
    let text = read_input(options.input.as_deref())?;
    let scenario = format::parse_scenario_json(&text);
    let draws = as_json(options.draws.as_deref(), uncertainty::DEFAULT_DRAWS.into());
    let seed = as_json(options.seed.as_deref(), uncertainty::DEFAULT_SEED);
    match (scenario, format::simulation_config(&draws, &seed)) {
        (Ok(s), Ok(c)) => Ok((s, c)),
        (s, c) => {
            let mut errors = s.err().map(|e| e.0).unwrap_or_default();
            errors.extend(c.err().map(|e| e.0).unwrap_or_default());
            Err(format::InputErrors(errors).to_string())
        }
    }
}

fn simulate(options: &Options) -> Result<(), String> {
    let (scenario, config) = scenario_and_config(options)?;
    let result = uncertainty::simulate(&scenario, config);
    match options.format {
        OutputFormat::Json => print_json(&format::uncertainty_to_json(&scenario, &result)),
        OutputFormat::Table => {
            print!("{}", display::uncertainty_table(&result));
            Ok(())
        }
    }
}

/// Draws one chart of `data` to an SVG file, with the chart code the page uses.
fn svg<'p, T: ?Sized>(
    path: &'p std::path::Path,
    data: &T,
    draw: impl FnOnce(
        &plotters::drawing::DrawingArea<plotters::prelude::SVGBackend<'p>, plotters::coord::Shift>,
        &T,
        sfpc::charts::ChartScale,
    ) -> Result<(), sfpc::charts::ChartError>,
) -> Result<(), String> {
    use plotters::prelude::IntoDrawingArea;
    let area = plotters::prelude::SVGBackend::new(path, (900, 480)).into_drawing_area();
    draw(&area, data, sfpc::charts::ChartScale::PLAIN).map_err(|e| e.to_string())?;
    area.present()
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn report(options: &Options) -> Result<(), String> {
    let dir = options.out.as_deref().ok_or("report needs --out DIR")?;
    let (scenario, config) = scenario_and_config(options)?;
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let appraisal = sfpc::appraisal::appraise(&scenario);
    let uncertainty = uncertainty::simulate(&scenario, config);
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let files = sfpc::audit::audit_files(&scenario, &appraisal, Some(&uncertainty));
    for f in &files {
        write(&f.name, &f.bytes)?;
    }
    // Dated now (UTC), as an archiver would date the files it packs.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let when = sfpc::audit::DosTime::from_unix_seconds(now).unwrap_or(sfpc::audit::DosTime::FIXED);
    write("audit-pack.zip", &sfpc::audit::zip(&files, when))?;
    use sfpc::charts;
    let chart = |name: String| dir.join(format!("{name}.svg"));
    svg(
        &chart("comparison".into()),
        &appraisal,
        charts::draw_comparison,
    )?;
    for a in &appraisal.programmes {
        let key = a.programme.key();
        svg(
            &chart(format!("{key}-yearly-flows")),
            a,
            charts::draw_yearly_flows,
        )?;
        svg(
            &chart(format!("{key}-cumulative-net")),
            a,
            charts::draw_cumulative_net,
        )?;
        svg(
            &chart(format!("{key}-who-benefits")),
            a,
            charts::draw_who_benefits,
        )?;
    }
    for u in &uncertainty.programmes {
        let key = u.programme.key();
        svg(&chart(format!("{key}-fan")), u, charts::draw_fan)?;
        svg(
            &chart(format!("{key}-npv-histogram")),
            u,
            charts::draw_npv_histogram,
        )?;
        svg(&chart(format!("{key}-tornado")), u, charts::draw_tornado)?;
        svg(
            &chart(format!("{key}-acceptability")),
            u,
            charts::draw_acceptability,
        )?;
    }
    for v in sfpc::value_of_information::for_simulated(&scenario, &uncertainty) {
        let key = v.programme.key();
        svg(&chart(format!("{key}-evppi")), &v, charts::draw_evppi)?;
    }
    println!("wrote the report to {}", dir.display());
    Ok(())
}

/// Decide now or wait: the simulation, then the value of information.
fn decide(options: &Options) -> Result<(), String> {
    let (scenario, config) = scenario_and_config(options)?;
    let thresholds = match options.threshold.as_deref() {
        None => Vec::new(),
        Some(text) => vec![format::threshold_gbp(text).map_err(|e| e.to_string())?],
    };
    let result = uncertainty::simulate(&scenario, config);
    let values = sfpc::value_of_information::value_of_information(&scenario, config);
    match options.format {
        OutputFormat::Json => {
            let check = options
                .check
                .then(|| sfpc::value_of_information::regression::check(&scenario, config));
            print_json(&format::decide_to_json(
                &scenario,
                &result,
                &values,
                check.as_deref(),
                &thresholds,
            ))
        }
        OutputFormat::Table => {
            print!("{}", display::decide_table(&result, &values));
            for &t in &thresholds {
                for p in &result.programmes {
                    let sentence = display::threshold_sentence(p, t);
                    println!("{}: {sentence}", p.programme.name());
                }
            }
            Ok(())
        }
    }
}

fn read_input(input: Option<&str>) -> Result<String, String> {
    let mut text = String::new();
    match input {
        None | Some("-") => std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?,
        Some(path) => {
            text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            0
        }
    };
    Ok(text)
}

fn print_json(value: &serde_json::Value) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}

fn evaluate(options: &Options) -> Result<(), String> {
    let text = read_input(options.input.as_deref())?;
    let scenario = format::parse_scenario_json(&text).map_err(|errors| errors.to_string())?;
    let appraisal = sfpc::appraisal::appraise(&scenario);
    match options.format {
        OutputFormat::Json => print_json(&format::appraisal_to_json(&scenario, &appraisal)),
        OutputFormat::Table => {
            print!("{}", display::appraisal_table(&scenario, &appraisal));
            Ok(())
        }
    }
}

/// Reads a scenario in either format and prints it in format 2: every field
/// explicit, the streams format 1 did not have listed as excluded, so it
/// gives exactly the figures the file gave.
fn migrate(options: &Options) -> Result<(), String> {
    let text = read_input(options.input.as_deref())?;
    let scenario = format::parse_scenario_json(&text).map_err(|errors| errors.to_string())?;
    if let Some(note) = display::migration_note(&scenario) {
        eprintln!("{note}");
    }
    print_json(&format::scenario_to_json(&scenario))
}

fn run(args: &[String]) -> Result<(), String> {
    match args.split_first() {
        Some((command, rest)) if command == "defaults" => councils::defaults(&parse_options(rest)?),
        Some((command, rest)) if command == "batch" => councils::batch(&parse_options(rest)?),
        Some((command, rest)) if command == "migrate" => migrate(&parse_options(rest)?),
        Some((command, rest)) if command == "evaluate" => evaluate(&parse_options(rest)?),
        Some((command, rest)) if command == "simulate" => simulate(&parse_options(rest)?),
        Some((command, rest)) if command == "decide" => decide(&parse_options(rest)?),
        Some((command, rest)) if command == "report" => report(&parse_options(rest)?),
        Some((help, _)) if help == "--help" || help == "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(BAD_INPUT)
        }
    }
}
