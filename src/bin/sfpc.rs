//! `sfpc`: the calculator on the command line.
//!
//! ```text
//! sfpc defaults                                 the default scenario, as JSON
//! sfpc evaluate [FILE|-] [--format json|table]  the appraisal of a scenario
//! ```
//! Bad input: every error on stderr, one a line, and exit status 2.

use sfpc::{display, evidence, format};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  sfpc defaults                                 print the default scenario (JSON)
  sfpc evaluate [FILE|-] [--format json|table]  appraise a scenario (default: stdin, json)";

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
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        input: None,
        format: OutputFormat::Json,
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
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if options.input.is_none() => options.input = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    Ok(options)
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
