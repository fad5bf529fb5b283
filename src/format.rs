//! Scenario format version 1 and the appraisal result format: the public JSON
//! contract used by the `sfpc` command, the page, permalinks and embedders.
//!
//! Input is read from a [`serde_json::Value`] by hand, field by field, rather
//! than by `#[derive(Deserialize)]`: that way validation reports every problem
//! at once, each with its JSON path (`programmes.no_wrong_door.ramp_up[2]`),
//! instead of stopping at the first. The domain types in [`crate::scenario`]
//! and [`crate::programmes`] know nothing of JSON, so the format can stay
//! stable while the model changes.

use crate::appraisal::{Appraisal, CouncilRoi, ProgrammeAppraisal, YearRow};
use crate::comparison::SavedScenario;
use crate::programmes::{FamilySafeguarding, FamilyValued, NoWrongDoor, ProgrammeId};
use crate::scenario::{
    AppraisalSettings, Estimate, Implementation, PriceYear, Programmes, Scenario, MAX_HORIZON_YEARS,
};
use crate::uncertainty::{
    Percentiles, ProgrammeUncertainty, SimulationConfig, Uncertainty, MAX_DRAWS, MAX_SEED,
    MIN_DRAWS,
};
use serde_json::{json, Map, Value};
use std::fmt;

/// The scenario format version this build reads and writes.
pub const SCHEMA_VERSION: u64 = 1;

/// Largest count or amount accepted: well past any council's figures, and far
/// enough below `f64::MAX` that no product in the model can overflow.
pub const MAX_AMOUNT: f64 = 1e12;

/// Longest council name accepted.
pub const MAX_COUNCIL_NAME_CHARS: usize = 200;

/// One problem with the input: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct InputError {
    /// JSON path of the offending field, `scenario` for the whole document.
    pub path: String,
    /// Lowercase, no full stop; says what was expected and what was got.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem found in one input, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputErrors(pub Vec<InputError>);

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

/// Parses and validates a scenario from JSON text.
pub fn parse_scenario_json(text: &str) -> Result<Scenario, InputErrors> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        InputErrors(vec![InputError {
            path: "scenario".into(),
            message: format!("is not valid JSON: {e}"),
        }])
    })?;
    parse_scenario(&value)
}

/// Validates a scenario already decoded into JSON values.
pub fn parse_scenario(value: &Value) -> Result<Scenario, InputErrors> {
    let mut r = Reader::default();
    let scenario = r.scenario(value);
    match scenario {
        Some(s) if r.errors.is_empty() => Ok(s),
        _ => Err(InputErrors(r.errors)),
    }
}

/// Validates the simulation settings: draws a whole number from
/// [`MIN_DRAWS`] to [`MAX_DRAWS`], seed a whole number from 0 to [`MAX_SEED`].
/// Errors have the paths `simulation.draws` and `simulation.seed`.
pub fn simulation_config(draws: &Value, seed: &Value) -> Result<SimulationConfig, InputErrors> {
    let mut r = Reader::default();
    let whole = |v: &Value, lo: u64, hi: u64| {
        v.as_f64()
            .filter(|x| x.fract() == 0.0 && *x >= lo as f64 && *x <= hi as f64)
            .map(|x| x as u64)
    };
    let d = whole(draws, u64::from(MIN_DRAWS), u64::from(MAX_DRAWS));
    if d.is_none() {
        r.fail(
            "simulation.draws",
            format!(
                "must be a whole number from {MIN_DRAWS} to {MAX_DRAWS}, got {}",
                describe(draws)
            ),
        );
    }
    let s = whole(seed, 0, MAX_SEED);
    if s.is_none() {
        r.fail(
            "simulation.seed",
            format!(
                "must be a whole number from 0 to {MAX_SEED}, got {}",
                describe(seed)
            ),
        );
    }
    match (d, s) {
        (Some(draws), Some(seed)) => Ok(SimulationConfig {
            draws: draws as u32,
            seed,
        }),
        _ => Err(InputErrors(r.errors)),
    }
}

/// Longest name of a saved scenario.
pub const MAX_LABEL_CHARS: usize = 60;

/// Reads the saved scenarios to compare: a list of
/// `{ "label": text, "programme": key, "scenario": scenario format 1 }`.
/// A scenario's own errors come back under `saved[i].scenario`.
pub fn parse_saved_scenarios(value: &Value) -> Result<Vec<SavedScenario>, InputErrors> {
    let mut r = Reader::default();
    let Some(items) = value.as_array() else {
        r.fail("saved", format!("must be a list, got {}", describe(value)));
        return Err(InputErrors(r.errors));
    };
    let saved: Vec<Option<SavedScenario>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| r.saved_scenario(item, &format!("saved[{i}]")))
        .collect();
    match saved.into_iter().collect::<Option<Vec<_>>>() {
        Some(saved) if r.errors.is_empty() => Ok(saved),
        _ => Err(InputErrors(r.errors)),
    }
}

/// What a number must satisfy.
#[derive(Clone, Copy)]
enum Rule {
    /// Counts and money: 0 to [`MAX_AMOUNT`].
    Amount,
    /// Shares and reductions: 0 to 1.
    Fraction,
}

impl Rule {
    fn check(self, x: f64) -> Result<f64, String> {
        match self {
            Rule::Amount if x < 0.0 => Err(format!("must not be negative, got {x}")),
            Rule::Amount if x > MAX_AMOUNT => {
                Err(format!("must be at most 1000000000000 (1e12), got {x}"))
            }
            Rule::Fraction if !(0.0..=1.0).contains(&x) => {
                Err(format!("must be between 0 and 1, got {x}"))
            }
            _ => Ok(x),
        }
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            format!("text {short:?}")
        }
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Walks the input, collecting errors; each method returns `None` where its
/// part of the input was unusable, and has then recorded why.
#[derive(Default)]
struct Reader {
    errors: Vec<InputError>,
}

impl Reader {
    fn fail(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(InputError {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// The object at `path`, with every key not in `known` reported.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.fail(path, format!("must be an object, got {}", describe(value)));
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            let expected = known.join(", ");
            self.fail(
                &join(path, key),
                format!("is not a known field (expected one of: {expected})"),
            );
        }
        Some(map)
    }

    fn required<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Value> {
        let value = map.get(key);
        if value.is_none() {
            self.fail(&join(path, key), "is required");
        }
        value
    }

    fn number(&mut self, value: &Value, path: &str, rule: Rule) -> Option<f64> {
        let Some(x) = value.as_f64().filter(|x| x.is_finite()) else {
            self.fail(path, format!("must be a number, got {}", describe(value)));
            return None;
        };
        rule.check(x).map_err(|m| self.fail(path, m)).ok()
    }

    fn number_field(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        rule: Rule,
    ) -> Option<f64> {
        let value = self.required(map, path, key)?;
        self.number(value, &join(path, key), rule)
    }

    /// A plain number, or `{ "value", "low", "high" }` with low <= value <= high.
    fn estimate(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        rule: Rule,
    ) -> Option<Estimate> {
        let value = self.required(map, path, key)?;
        let path = join(path, key);
        if !value.is_object() {
            return self.number(value, &path, rule).map(Estimate::fixed);
        }
        let range = self.object(value, &path, &["value", "low", "high"])?;
        let central = self.number_field(range, &path, "value", rule);
        let low = self.number_field(range, &path, "low", rule);
        let high = self.number_field(range, &path, "high", rule);
        let (central, low, high) = (central?, low?, high?);
        if low > central {
            self.fail(
                &join(&path, "low"),
                format!("must not be above value ({central}), got {low}"),
            );
        }
        if high < central {
            self.fail(
                &join(&path, "high"),
                format!("must not be below value ({central}), got {high}"),
            );
        }
        (low <= central && central <= high).then_some(Estimate::ranged(low, central, high))
    }

    fn list(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        rule: Rule,
        min_len: usize,
    ) -> Option<Vec<f64>> {
        let value = self.required(map, path, key)?;
        let path = join(path, key);
        let Some(items) = value.as_array() else {
            self.fail(
                &path,
                format!("must be a list of numbers, got {}", describe(value)),
            );
            return None;
        };
        let max_len = MAX_HORIZON_YEARS as usize;
        if items.len() < min_len || items.len() > max_len {
            self.fail(
                &path,
                format!(
                    "must have {min_len} to {max_len} entries, got {}",
                    items.len()
                ),
            );
            return None;
        }
        let numbers: Vec<Option<f64>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| self.number(item, &format!("{path}[{i}]"), rule))
            .collect();
        numbers.into_iter().collect()
    }

    fn boolean(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<bool> {
        let value = self.required(map, path, key)?;
        let b = value.as_bool();
        if b.is_none() {
            self.fail(
                &join(path, key),
                format!("must be true or false, got {}", describe(value)),
            );
        }
        b
    }

    fn text<'v>(&mut self, map: &'v Map<String, Value>, path: &str, key: &str) -> Option<&'v str> {
        let value = self.required(map, path, key)?;
        let s = value.as_str();
        if s.is_none() {
            self.fail(
                &join(path, key),
                format!("must be text, got {}", describe(value)),
            );
        }
        s
    }

    fn saved_scenario(&mut self, value: &Value, path: &str) -> Option<SavedScenario> {
        let map = self.object(value, path, &["label", "programme", "scenario"])?;
        let label = self.text(map, path, "label").and_then(|l| {
            let chars = l.chars().count();
            if chars == 0 || chars > MAX_LABEL_CHARS {
                self.fail(
                    &join(path, "label"),
                    format!("must be 1 to {MAX_LABEL_CHARS} characters, got {chars}"),
                );
                return None;
            }
            Some(l.to_owned())
        });
        let programme = self.text(map, path, "programme").and_then(|key| {
            let found = ProgrammeId::ALL.into_iter().find(|p| p.key() == key);
            if found.is_none() {
                let keys: Vec<&str> = ProgrammeId::ALL.iter().map(|p| p.key()).collect();
                self.fail(
                    &join(path, "programme"),
                    format!("must be one of {}, got {key:?}", keys.join(", ")),
                );
            }
            found
        });
        let scenario = self.required(map, path, "scenario").and_then(|v| {
            parse_scenario(v)
                .map_err(|e| {
                    for error in e.0 {
                        let inner = if error.path == "scenario" {
                            String::new()
                        } else {
                            format!(".{}", error.path)
                        };
                        self.fail(&format!("{path}.scenario{inner}"), error.message);
                    }
                })
                .ok()
        });
        Some(SavedScenario {
            label: label?,
            programme: programme?,
            scenario: scenario?,
        })
    }

    fn scenario(&mut self, value: &Value) -> Option<Scenario> {
        let root = "";
        let map = self.object(
            value,
            "scenario",
            &["schema", "council", "price_year", "appraisal", "programmes"],
        )?;
        let schema = self.required(map, root, "schema").map(|v| self.schema(v));
        let council = self.council(map);
        let price_year = self.price_year(map);
        let appraisal = self
            .required(map, root, "appraisal")
            .and_then(|v| self.appraisal(v));
        let programmes = self
            .required(map, root, "programmes")
            .and_then(|v| self.programmes(v));
        // A future schema's fields mean something else: report only that.
        if schema == Some(false) {
            self.errors.retain(|e| e.path == "schema");
            return None;
        }
        Some(Scenario {
            council: council?,
            price_year: price_year?,
            appraisal: appraisal?,
            programmes: programmes?,
        })
    }

    /// `true` when the schema is the one this build reads.
    fn schema(&mut self, value: &Value) -> bool {
        match value.as_u64() {
            Some(SCHEMA_VERSION) => true,
            Some(v) if v > SCHEMA_VERSION => {
                self.fail("schema", format!("is version {v}, newer than this calculator reads (1); use a newer calculator"));
                false
            }
            _ => {
                self.fail("schema", format!("must be 1, got {}", describe(value)));
                true
            }
        }
    }

    fn council(&mut self, map: &Map<String, Value>) -> Option<String> {
        let name = self.text(map, "", "council")?;
        if name.chars().count() > MAX_COUNCIL_NAME_CHARS {
            self.fail(
                "council",
                format!(
                    "must be at most {MAX_COUNCIL_NAME_CHARS} characters, got {}",
                    name.chars().count()
                ),
            );
            return None;
        }
        Some(name.to_owned())
    }

    fn price_year(&mut self, map: &Map<String, Value>) -> Option<PriceYear> {
        let text = self.text(map, "", "price_year")?;
        let year = PriceYear::parse(text);
        if year.is_none() {
            self.fail(
                "price_year",
                format!("must be a financial year such as \"2024-25\", got {text:?}"),
            );
        }
        year
    }

    fn appraisal(&mut self, value: &Value) -> Option<AppraisalSettings> {
        let path = "appraisal";
        let map = self.object(value, path, &["horizon_years", "discount_rate"])?;
        let horizon = self.required(map, path, "horizon_years").and_then(|v| {
            // JavaScript numbers have no integer type, so 5.0 is accepted as 5.
            let years = v
                .as_f64()
                .filter(|y| y.fract() == 0.0 && (1.0..=f64::from(MAX_HORIZON_YEARS)).contains(y));
            if years.is_none() {
                self.fail(
                    "appraisal.horizon_years",
                    format!(
                        "must be a whole number from 1 to {MAX_HORIZON_YEARS}, got {}",
                        describe(v)
                    ),
                );
            }
            years
        });
        let discount_rate = self.number_field(map, path, "discount_rate", Rule::Fraction);
        Some(AppraisalSettings {
            horizon_years: horizon? as u32,
            discount_rate: discount_rate?,
        })
    }

    fn programmes(&mut self, value: &Value) -> Option<Programmes> {
        let keys = ProgrammeId::ALL.map(ProgrammeId::key);
        let map = self.object(value, "programmes", &keys)?;
        let family_valued = map.get("family_valued").map(|v| self.family_valued(v));
        let family_safeguarding = map
            .get("family_safeguarding")
            .map(|v| self.family_safeguarding(v));
        let no_wrong_door = map.get("no_wrong_door").map(|v| self.no_wrong_door(v));
        // `Some(None)`: present but invalid, already reported.
        let ok = !matches!(family_valued, Some(None))
            && !matches!(family_safeguarding, Some(None))
            && !matches!(no_wrong_door, Some(None));
        ok.then(|| Programmes {
            family_valued: family_valued.flatten(),
            family_safeguarding: family_safeguarding.flatten(),
            no_wrong_door: no_wrong_door.flatten(),
        })
    }

    fn implementation(&mut self, map: &Map<String, Value>, path: &str) -> Option<Implementation> {
        let setup = self.estimate(map, path, "setup_cost_gbp", Rule::Amount);
        let running = self.estimate(map, path, "running_cost_per_year_gbp", Rule::Amount);
        let grant = self.list(map, path, "grant_by_year_gbp", Rule::Amount, 0);
        let ramp = self.list(map, path, "ramp_up", Rule::Fraction, 1);
        let deadweight = self.estimate(map, path, "deadweight", Rule::Fraction);
        let optimism = self.estimate(map, path, "optimism_bias", Rule::Fraction);
        Some(Implementation {
            setup_cost_gbp: setup?,
            running_cost_per_year_gbp: running?,
            grant_by_year_gbp: grant?,
            ramp_up_fraction: ramp?,
            deadweight_fraction: deadweight?,
            optimism_bias_fraction: optimism?,
        })
    }

    fn family_valued(&mut self, value: &Value) -> Option<FamilyValued> {
        let path = "programmes.family_valued";
        let map = self.object(
            value,
            path,
            &with_common(&[
                "families_per_year",
                "saving_per_family_gbp",
                "cost_per_conference_gbp",
            ]),
        )?;
        let enabled = self.boolean(map, path, "enabled");
        let families = self.estimate(map, path, "families_per_year", Rule::Amount);
        let saving = self.estimate(map, path, "saving_per_family_gbp", Rule::Amount);
        let conference = self.estimate(map, path, "cost_per_conference_gbp", Rule::Amount);
        let implementation = self.implementation(map, path);
        Some(FamilyValued {
            enabled: enabled?,
            families_per_year: families?,
            saving_per_family_gbp: saving?,
            cost_per_conference_gbp: conference?,
            implementation: implementation?,
        })
    }

    fn family_safeguarding(&mut self, value: &Value) -> Option<FamilySafeguarding> {
        let path = "programmes.family_safeguarding";
        let own = [
            "children_on_cp_plans",
            "cp_plan_reduction",
            "cost_per_cp_plan_year_gbp",
            "families_per_year",
            "police_saving_per_family_gbp",
            "nhs_saving_per_family_gbp",
        ];
        let map = self.object(value, path, &with_common(&own))?;
        let enabled = self.boolean(map, path, "enabled");
        let children = self.estimate(map, path, "children_on_cp_plans", Rule::Amount);
        let reduction = self.estimate(map, path, "cp_plan_reduction", Rule::Fraction);
        let plan_cost = self.estimate(map, path, "cost_per_cp_plan_year_gbp", Rule::Amount);
        let families = self.estimate(map, path, "families_per_year", Rule::Amount);
        let police = self.estimate(map, path, "police_saving_per_family_gbp", Rule::Amount);
        let nhs = self.estimate(map, path, "nhs_saving_per_family_gbp", Rule::Amount);
        let implementation = self.implementation(map, path);
        Some(FamilySafeguarding {
            enabled: enabled?,
            children_on_cp_plans: children?,
            cp_plan_reduction: reduction?,
            cost_per_cp_plan_year_gbp: plan_cost?,
            families_per_year: families?,
            police_saving_per_family_gbp: police?,
            nhs_saving_per_family_gbp: nhs?,
            implementation: implementation?,
        })
    }

    fn no_wrong_door(&mut self, value: &Value) -> Option<NoWrongDoor> {
        let path = "programmes.no_wrong_door";
        let own = [
            "young_people_in_residential",
            "residential_time_reduction",
            "residential_cost_per_week_gbp",
            "alternative_cost_per_week_gbp",
        ];
        let map = self.object(value, path, &with_common(&own))?;
        let enabled = self.boolean(map, path, "enabled");
        let young = self.estimate(map, path, "young_people_in_residential", Rule::Amount);
        let reduction = self.estimate(map, path, "residential_time_reduction", Rule::Fraction);
        let residential = self.estimate(map, path, "residential_cost_per_week_gbp", Rule::Amount);
        let alternative = self.estimate(map, path, "alternative_cost_per_week_gbp", Rule::Amount);
        let implementation = self.implementation(map, path);
        Some(NoWrongDoor {
            enabled: enabled?,
            young_people_in_residential: young?,
            residential_time_reduction: reduction?,
            residential_cost_per_week_gbp: residential?,
            alternative_cost_per_week_gbp: alternative?,
            implementation: implementation?,
        })
    }
}

/// The fields every programme has besides its own.
pub const COMMON_FIELDS: [&str; 7] = [
    "enabled",
    "setup_cost_gbp",
    "running_cost_per_year_gbp",
    "grant_by_year_gbp",
    "ramp_up",
    "deadweight",
    "optimism_bias",
];

fn with_common<'a>(own: &[&'a str]) -> Vec<&'a str> {
    own.iter().copied().chain(COMMON_FIELDS).collect()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

// ---- writing ----

fn estimate_json(e: Estimate) -> Value {
    if e.is_fixed() {
        json!(e.value)
    } else {
        json!({ "value": e.value, "low": e.low, "high": e.high })
    }
}

fn programme_json(
    enabled: bool,
    own: Vec<(&'static str, Estimate)>,
    imp: &Implementation,
) -> Value {
    let mut map = Map::new();
    map.insert("enabled".into(), json!(enabled));
    for (key, estimate) in own {
        map.insert(key.into(), estimate_json(estimate));
    }
    map.insert("grant_by_year_gbp".into(), json!(imp.grant_by_year_gbp));
    map.insert("ramp_up".into(), json!(imp.ramp_up_fraction));
    Value::Object(map)
}

/// Writes a scenario in format 1; [`parse_scenario`] reads it back unchanged.
pub fn scenario_to_json(scenario: &Scenario) -> Value {
    use crate::programmes::SavingsModel;
    let programmes: Map<String, Value> = scenario
        .programmes
        .all()
        .map(|m| {
            let v = programme_json(m.enabled(), m.parameters(), m.implementation());
            (m.id().key().to_owned(), v)
        })
        .collect();
    json!({
        "schema": SCHEMA_VERSION,
        "council": scenario.council,
        "price_year": scenario.price_year.to_string(),
        "appraisal": {
            "horizon_years": scenario.appraisal.horizon_years,
            "discount_rate": scenario.appraisal.discount_rate,
        },
        "programmes": programmes,
    })
}

fn year_json(row: &YearRow) -> Value {
    json!({
        "year": row.year,
        "effect_multiplier": row.effect_multiplier,
        "benefits_gbp": row.benefits_gbp,
        "partner_benefits_gbp": row.partner_benefits_gbp,
        "costs_gbp": row.costs_gbp,
        "grant_gbp": row.grant_gbp,
        "council_net_gbp": row.council_net_gbp,
        "discount_factor": row.discount_factor,
        "cumulative_council_net_gbp": row.cumulative_council_net_gbp,
        "cumulative_discounted_council_net_gbp": row.cumulative_discounted_council_net_gbp,
    })
}

/// A programme's result. `council_roi` is a number, or the text
/// `"fully_grant_funded"`; `bcr` is null when there are no costs;
/// `payback_years` is null when the council has not paid back within the
/// horizon; `break_even_effect` is null when the effect does not move NPV.
pub fn programme_appraisal_json(a: &ProgrammeAppraisal) -> Value {
    let pv = &a.present_values;
    json!({
        "name": a.programme.name(),
        "innovator": a.programme.innovator(),
        "council_npv_gbp": a.council_npv_gbp,
        "public_npv_gbp": a.public_npv_gbp,
        "bcr": a.bcr,
        "council_roi": match a.council_roi {
            CouncilRoi::Ratio(r) => json!(r),
            CouncilRoi::FullyGrantFunded => json!("fully_grant_funded"),
        },
        "payback_years": a.payback_years,
        "headline_effect_parameter": a.programme.headline_effect(),
        "headline_effect": a.headline_effect,
        "break_even_effect": a.break_even_effect,
        "pv_benefits_gbp": pv.benefits_gbp,
        "pv_partner_benefits_gbp": pv.partner_benefits_gbp,
        "pv_costs_gbp": pv.costs_gbp,
        "pv_grant_gbp": pv.grant_gbp,
        "years": a.years.iter().map(year_json).collect::<Vec<_>>(),
    })
}

/// The fields every result starts with: what was appraised, with which engine.
fn result_header(scenario: &Scenario) -> Map<String, Value> {
    let header = json!({
        "schema": SCHEMA_VERSION,
        "engine_version": env!("CARGO_PKG_VERSION"),
        "council": scenario.council,
        "price_year": scenario.price_year.to_string(),
        "horizon_years": scenario.appraisal.horizon_years,
        "discount_rate": scenario.appraisal.discount_rate,
    });
    match header {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// `{ "<programme key>": json, … }`, in the order given.
fn by_programme<T>(items: &[T], id: fn(&T) -> ProgrammeId, json: fn(&T) -> Value) -> Value {
    let map: Map<String, Value> = items
        .iter()
        .map(|item| (id(item).key().to_owned(), json(item)))
        .collect();
    Value::Object(map)
}

/// The whole result, unrounded: only displays round.
pub fn appraisal_to_json(scenario: &Scenario, appraisal: &Appraisal) -> Value {
    let mut result = result_header(scenario);
    let programmes = by_programme(
        &appraisal.programmes,
        |a| a.programme,
        programme_appraisal_json,
    );
    result.insert("programmes".into(), programmes);
    Value::Object(result)
}

fn percentiles_json(p: &Percentiles) -> Value {
    json!({ "p5": p.p5, "p10": p.p10, "p50": p.p50, "p90": p.p90, "p95": p.p95, "mean": p.mean })
}

/// A programme's uncertainty results, unrounded.
pub fn programme_uncertainty_json(u: &ProgrammeUncertainty) -> Value {
    json!({
        "name": u.programme.name(),
        "central_council_npv_gbp": u.central_council_npv_gbp,
        "council_npv_gbp": percentiles_json(&u.council_npv_gbp),
        "public_npv_gbp": percentiles_json(&u.public_npv_gbp),
        "probability_council_npv_positive": u.probability_council_npv_positive,
        "probability_payback_within_horizon": u.probability_payback_within_horizon,
        "break_even": {
            "headline_effect_parameter": u.programme.headline_effect(),
            "break_even_effect": u.break_even.break_even_effect,
            "probability_effect_exceeds": u.break_even.probability_effect_exceeds,
        },
        "fan_draws": u.fan_draws,
        "fan": u.fan.iter().map(|f| json!({
            "year": f.year, "p10_gbp": f.p10_gbp, "p50_gbp": f.p50_gbp, "p90_gbp": f.p90_gbp,
        })).collect::<Vec<_>>(),
        "histogram": u.histogram.iter().map(|b| json!({
            "from_gbp": b.from_gbp, "to_gbp": b.to_gbp, "count": b.count,
        })).collect::<Vec<_>>(),
        "tornado": u.tornado.iter().map(|t| json!({
            "parameter": t.parameter, "low": t.low, "high": t.high,
            "npv_at_low_gbp": t.npv_at_low_gbp, "npv_at_high_gbp": t.npv_at_high_gbp,
        })).collect::<Vec<_>>(),
    })
}

/// The whole uncertainty result: the seed and draws, for the audit trail,
/// and each programme's figures.
pub fn uncertainty_to_json(scenario: &Scenario, u: &Uncertainty) -> Value {
    let programmes = by_programme(&u.programmes, |p| p.programme, programme_uncertainty_json);
    let mut result = result_header(scenario);
    result.insert(
        "simulation".into(),
        json!({
            "draws": u.config.draws,
            "seed": u.config.seed,
            "generator": "Xoshiro256++ (rand_xoshiro), one jump-ahead stream per programme",
            "distribution": "Beta-PERT, shape 4, each ranged parameter drawn independently once per draw",
        }),
    );
    result.insert("programmes".into(), programmes);
    Value::Object(result)
}
