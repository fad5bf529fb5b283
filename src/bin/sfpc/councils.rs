//! `sfpc defaults` (for a council, in a price year, with an evidence set) and
//! `sfpc batch` (a scenario for every council).

use crate::{print_json, read_input, Options};
use sfpc::councils::{self, Council, CouncilResult, Lookup};
use sfpc::evidence_sets::{self, SetKey};
use sfpc::prices::PriceYear;
use sfpc::{evidence, format, uncertainty};

/// The council a `--council` names (by code, an earlier code of the same
/// council, or name), or why there is none, with the nearest names the
/// table has. A code the council had before is accepted, with a note.
fn council(query: &str) -> Result<&'static Council, String> {
    match councils::lookup(query) {
        Lookup::Found { council, via } => {
            if let Some(code) = via {
                eprintln!(
                    "note: {code} is another code for {} ({}); using its statistics",
                    council.name, council.code
                );
            }
            Ok(council)
        }
        Lookup::Split { former, successors } => {
            let names: Vec<String> = successors
                .iter()
                .map(|c| format!("  {} {}", c.code, c.name))
                .collect();
            Err(format!(
                "council: {} ({}) was split; its statistics continue under its successors, so name one of them:\n{}",
                former.name,
                former.code,
                names.join("\n")
            ))
        }
        Lookup::Unknown => {
            let nearest: Vec<String> = councils::nearest(query, 5)
                .iter()
                .map(|c| format!("  {} {}", c.code, c.name))
                .collect();
            Err(format!(
                "council: {query:?} is not a council in the DfE tables (a code such as E06000005, or a name); the nearest are:\n{}",
                nearest.join("\n")
            ))
        }
    }
}

/// `--price-year`, which must be a year the deflator table has.
fn price_year(text: Option<&str>) -> Result<PriceYear, String> {
    let Some(text) = text else {
        return Ok(evidence::default_price_year());
    };
    sfpc::prices::check_price_year(text).map_err(|why| format!("price_year: {why}"))
}

/// The default scenario in a price year, with a council's statistics if named.
pub fn defaults(options: &Options) -> Result<(), String> {
    if let Some(extra) = &options.input {
        return Err(format!("unexpected argument {extra}"));
    }
    let mut scenario = evidence::default_scenario_in(price_year(options.price_year.as_deref())?);
    if let Some(query) = &options.council {
        sfpc::evidence::apply_council(&mut scenario, council(query)?);
    }
    if let Some(key) = &options.evidence_set {
        let set = SetKey::from_key(key).ok_or_else(|| {
            let keys: Vec<&str> = SetKey::ALL.iter().map(|k| k.key()).collect();
            format!(
                "evidence set: must be one of {}, got {key:?}",
                keys.join(", ")
            )
        })?;
        let price_year = scenario.price_year;
        for inputs in &mut scenario.programmes {
            evidence_sets::apply(set, inputs, price_year);
        }
    }
    print_json(&format::scenario_to_json(&scenario))
}

/// Every current council, appraised (and simulated) with the template's
/// assumptions and its own statistics, on every core.
fn results(
    template: &sfpc::scenario::Scenario,
    config: Option<uncertainty::SimulationConfig>,
) -> Result<Vec<CouncilResult>, String> {
    let all: Vec<&'static Council> = councils::current().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = all.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .flat_map(|c| councils::appraise_council(template, c, config))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join())
            .collect::<Result<Vec<_>, _>>()
    })
    .map(|parts| parts.into_iter().flatten().collect())
    .map_err(|_| "a council's appraisal failed; no rows were written".to_owned())
}

/// `sfpc batch`: one CSV row a council and model.
pub fn batch(options: &Options) -> Result<(), String> {
    let out = options.out.as_deref().ok_or("batch needs --out FILE.csv")?;
    let text = read_input(options.input.as_deref())?;
    let template = format::parse_scenario_json(&text).map_err(|e| e.to_string())?;
    let config = match &options.draws {
        None if options.seed.is_some() => return Err("--seed needs --draws".into()),
        None => None,
        Some(draws) => {
            let as_json = |t: &str| serde_json::from_str(t).unwrap_or_else(|_| t.into());
            let seed = options
                .seed
                .as_deref()
                .map_or(uncertainty::DEFAULT_SEED.into(), as_json);
            Some(format::simulation_config(&as_json(draws), &seed).map_err(|e| e.to_string())?)
        }
    };
    let started = std::time::Instant::now();
    let rows = results(&template, config)?;
    let csv = sfpc::export::council_results_csv(&rows);
    std::fs::write(out, csv).map_err(|e| format!("cannot write {out}: {e}"))?;
    for summary in councils::summarise(&rows) {
        println!("{}", sfpc::display::summary_line(&summary));
    }
    eprintln!(
        "wrote {} rows ({} councils) to {out} in {}",
        rows.len(),
        councils::current().count(),
        sfpc::display::seconds(started.elapsed().as_secs_f64())
    );
    Ok(())
}
