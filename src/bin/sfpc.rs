//! `sfpc`: the calculator on the command line.
//!
//! ```text
//! sfpc defaults                                 the default scenario, as JSON
//! sfpc evaluate [FILE|-] [--format json|table]  the appraisal of a scenario
//! sfpc simulate [FILE|-] [--draws N] [--seed S] [--format json|table]
//! ```
//! Bad input: every error on stderr, one a line, and exit status 2.

use sfpc::{display, evidence, format, uncertainty};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  sfpc defaults                                 print the default scenario (JSON)
  sfpc evaluate [FILE|-] [--format json|table]  appraise a scenario (default: stdin, json)
  sfpc simulate [FILE|-] [--draws N] [--seed S] [--format json|table]
                                                uncertainty analysis (default: 10000 draws)";

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
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        input: None,
        format: OutputFormat::Json,
        draws: None,
        seed: None,
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

fn simulate(options: &Options) -> Result<(), String> {
    let text = read_input(options.input.as_deref())?;
    let scenario = format::parse_scenario_json(&text);
    let draws = as_json(options.draws.as_deref(), uncertainty::DEFAULT_DRAWS.into());
    let seed = as_json(options.seed.as_deref(), uncertainty::DEFAULT_SEED);
    let config = format::simulation_config(&draws, &seed);
    let (scenario, config) = match (scenario, config) {
        (Ok(s), Ok(c)) => (s, c),
        (s, c) => {
            let mut errors = s.err().map(|e| e.0).unwrap_or_default();
            errors.extend(c.err().map(|e| e.0).unwrap_or_default());
            return Err(format::InputErrors(errors).to_string());
        }
    };
    let result = uncertainty::simulate(&scenario, config);
    match options.format {
        OutputFormat::Json => print_json(&format::uncertainty_to_json(&scenario, &result)),
        OutputFormat::Table => {
            print!("{}", display::uncertainty_table(&result));
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
            print!(
                "{}",
                display::appraisal_table(
                    &scenario.council,
                    &scenario.price_year.to_string(),
                    &appraisal,
                    scenario.appraisal.horizon_years,
                    scenario.appraisal.discount_rate,
                )
            );
            Ok(())
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.split_first() {
        Some((command, rest)) if command == "defaults" && rest.is_empty() => {
            print_json(&evidence::default_scenario_json())
        }
        Some((command, rest)) if command == "evaluate" => evaluate(&parse_options(rest)?),
        Some((command, rest)) if command == "simulate" => simulate(&parse_options(rest)?),
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
