//! Scenario formats 1, 2 and 3, read and written by walking the registry:
//! each programme's fields, rules, shapes and defaults come from
//! [`crate::registry`], so a new parameter needs no code here.
//!
//! - Format 3 (written since engine 0.4): the service's size
//!   (`service_units`, `repurposed_units`: set-up and running costs are per
//!   unit) and `council_figures`, where each council figure came from. A
//!   format-1 or format-2 file has one unit and none repurposed, so it keeps
//!   its figures.
//! - Format 2 (written since engine 0.2): fields added after format 1 may be
//!   left out and take their registry default (the result lists them);
//!   `excluded_streams` lists streams the council chooses not to count.
//! - Format 1 (a public contract): every field it had is required and no
//!   later field is allowed; every stream added since is left out, so a
//!   format-1 file keeps exactly its old figures.
//!
//! In both, unknown fields are errors: a typo never falls back to a default.

use super::reader::{describe, join, Reader};
use crate::registry::{
    Field, ProgrammeId, Rule, Shape, StreamKey, APPRAISAL_PARAMS, DEFAULT_PRICE_YEAR,
    MAX_ROLE_CHARS, MAX_STAFF_LINES, NEWEST_SINCE, SHARE_SUM_TOLERANCE,
};
use crate::scenario::{
    later_streams, AppraisalSettings, Conventions, Estimate, FigureKind, FigureSource, PriceYear,
    ProgrammeInputs, Scenario, StaffLine, MAX_SOURCE_CHARS,
};
use serde_json::{json, Map, Value};

/// The scenario format version this build writes: the newest format that
/// added a field or a stream, in the registry (`NEWEST_SINCE`) or at the top
/// level (`LATER`). It is declared nowhere else: a field or stream given a
/// new format's number makes that format. Every version up to it is read.
pub const SCHEMA_VERSION: u64 = newest_format();

const fn newest_format() -> u64 {
    let mut newest = NEWEST_SINCE;
    let mut i = 0;
    while i < LATER.len() {
        if LATER[i].1 > newest {
            newest = LATER[i].1;
        }
        i += 1;
    }
    newest as u64
}

/// Every version this build reads: 1 to [`SCHEMA_VERSION`].
pub const READABLE_SCHEMAS: [u64; SCHEMA_VERSION as usize] = readable_schemas();

const fn readable_schemas() -> [u64; SCHEMA_VERSION as usize] {
    let mut versions = [0; SCHEMA_VERSION as usize];
    let mut i = 0;
    while i < versions.len() {
        versions[i] = i as u64 + 1;
        i += 1;
    }
    versions
}

/// Longest statistics release accepted (format 2 allowed 300; the council
/// figures of format 3 name several releases).
const MAX_RELEASE_CHARS: usize = 1000;

/// Longest council name accepted.
pub const MAX_COUNCIL_NAME_CHARS: usize = 200;

/// The prices a scenario's defaults are restated in: its own price year, or,
/// where that is not usable (already reported), the default scenario's.
fn prices_of(price_year: Option<PriceYear>) -> PriceYear {
    price_year
        .filter(|y| y.deflator().is_some())
        .or_else(|| PriceYear::parse(DEFAULT_PRICE_YEAR))
        .unwrap_or(PriceYear::starting(2024))
}

/// Top-level fields added after format 1, all optional, with the format
/// that added each.
const LATER: [(&str, u32); 4] = [
    ("council_code", 2),
    ("statistics_release", 2),
    (COUNCIL_FIGURES, 3),
    (CONVENTIONS, 4),
];

/// Which appraisal conventions the scenario keeps (format 4).
const CONVENTIONS: &str = "conventions";

/// Where each council figure came from (format 3).
const COUNCIL_FIGURES: &str = "council_figures";

/// Most entries `council_figures` may have (every field of every programme).
const MAX_COUNCIL_FIGURES: usize = ProgrammeId::ALL.len() * Field::COUNT;

/// The field that lists streams not counted (format 2).
const EXCLUDED_STREAMS: &str = "excluded_streams";

/// The placement shares, which must add up to 1; the sum's error is reported
/// at the last, the "rest" share.
const SHARES: [Field; 4] = [
    Field::ShareInHouseFoster,
    Field::ShareAgencyFoster,
    Field::ShareResidential,
    Field::ShareKinshipOther,
];

impl Reader {
    pub(super) fn scenario(&mut self, value: &Value) -> Option<Scenario> {
        let root = "";
        let schema = match map_schema(value) {
            Some(v) => self.schema(v),
            None => Some(SCHEMA_VERSION),
        };
        // A future schema's fields mean something else: report only that.
        let schema = schema?;
        let mut known = vec!["schema", "council", "price_year", "appraisal", "programmes"];
        let in_schema = |since: u32| u64::from(since) <= schema;
        known.extend(LATER.iter().filter(|(_, s)| in_schema(*s)).map(|(k, _)| *k));
        let later: Vec<(&str, u32)> = LATER.into_iter().filter(|(_, s)| !in_schema(*s)).collect();
        // The document itself is "scenario" in its error; its fields are at the root.
        if !value.is_object() {
            self.fail(
                "scenario",
                format!("must be an object, got {}", describe(value)),
            );
            return None;
        }
        let map = self.object(value, root, &known, &later)?;
        if !map.contains_key("schema") {
            self.fail("schema", "is required");
        }
        let council = self
            .text(map, root, "council", (0, MAX_COUNCIL_NAME_CHARS))
            .map(str::to_owned);
        let (council_code, statistics_release) = self.provenance(map, schema);
        let price_year = self.price_year(map, schema);
        let conventions = self.conventions(map, schema);
        let appraisal = self
            .required(map, root, "appraisal")
            .and_then(|v| self.appraisal(v, conventions));
        let mut defaulted = Vec::new();
        let programmes = self
            .required(map, root, "programmes")
            .and_then(|v| self.programmes(v, schema, prices_of(price_year), &mut defaulted));
        if schema >= 2 {
            self.restatable(price_year, &defaulted);
        }
        Some(Scenario {
            council: council?,
            council_code,
            statistics_release,
            price_year: price_year?,
            appraisal: appraisal?,
            council_figures: self.council_figures(map, schema),
            programmes: programmes?,
            defaulted,
        })
    }

    /// `council_figures` (format 3, optional): `[{ "path", "kind", "source" }]`,
    /// each path a programme's field. It records where figures came from
    /// and changes none of them.
    fn council_figures(&mut self, map: &Map<String, Value>, schema: u64) -> Vec<FigureSource> {
        let Some(value) = map.get(COUNCIL_FIGURES).filter(|_| schema >= 3) else {
            return Vec::new();
        };
        let Some(items) = self.items(value, COUNCIL_FIGURES, "entries", (0, MAX_COUNCIL_FIGURES))
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("{COUNCIL_FIGURES}[{i}]");
            let Some(entry) = self.object(item, &path, &["path", "kind", "source"], &[]) else {
                continue;
            };
            let field = self.text(entry, &path, "path", (1, 200)).and_then(|text| {
                let found = figure_path(text);
                if found.is_none() {
                    self.fail(
                        &join(&path, "path"),
                        format!("must be a programme's field such as \"programmes.no_wrong_door.service_units\", got {text:?}"),
                    );
                }
                found
            });
            let kind = self.text(entry, &path, "kind", (1, 40)).and_then(|text| {
                let kind = FigureKind::from_key(text);
                if kind.is_none() {
                    let keys: Vec<&str> = FigureKind::ALL.iter().map(|k| k.key()).collect();
                    self.fail(
                        &join(&path, "kind"),
                        format!("must be one of {}, got {text:?}", keys.join(", ")),
                    );
                }
                kind
            });
            let source = self.text(entry, &path, "source", (0, MAX_SOURCE_CHARS));
            if let (Some((programme, field)), Some(kind), Some(source)) = (field, kind, source) {
                out.push(FigureSource {
                    programme,
                    field,
                    kind,
                    source: source.to_owned(),
                });
            }
        }
        out
    }

    /// `conventions` (format 4, optional): "green_book" when left out.
    /// Files of formats 1 to 3 keep format 3's, so that they keep their
    /// figures.
    fn conventions(&mut self, map: &Map<String, Value>, schema: u64) -> Conventions {
        if schema < 4 {
            return Conventions::Format3;
        }
        let Some(value) = map.get(CONVENTIONS) else {
            return Conventions::GreenBook;
        };
        let text = self.text_value(value, CONVENTIONS, (1, 40));
        let found = text.and_then(Conventions::from_key);
        if let (Some(text), None) = (text, found) {
            let keys: Vec<&str> = Conventions::ALL.iter().map(|c| c.key()).collect();
            self.fail(
                CONVENTIONS,
                format!("must be one of {}, got {text:?}", keys.join(", ")),
            );
        }
        found.unwrap_or(Conventions::GreenBook)
    }

    /// The version, `Some(None)`-style: `None` for a version newer than this
    /// build reads; an unreadable value is reported and read as the newest.
    fn schema(&mut self, value: &Value) -> Option<u64> {
        let newest = SCHEMA_VERSION;
        match value.as_u64() {
            Some(v) if READABLE_SCHEMAS.contains(&v) => Some(v),
            Some(v) if v > newest => {
                self.fail(
                    "schema",
                    format!("is version {v}, newer than this calculator reads ({newest}); use a newer calculator"),
                );
                None
            }
            _ => {
                let readable: Vec<String> = READABLE_SCHEMAS.iter().map(u64::to_string).collect();
                self.fail(
                    "schema",
                    format!(
                        "must be one of {}, got {}",
                        readable.join(", "),
                        describe(value)
                    ),
                );
                Some(newest)
            }
        }
    }

    /// The council's DfE code and the statistics' release (format 2,
    /// optional): an unusable one is reported, and the scenario has none.
    fn provenance(
        &mut self,
        map: &Map<String, Value>,
        schema: u64,
    ) -> (Option<String>, Option<String>) {
        if schema < 2 {
            return (None, None);
        }
        let code = map.get("council_code").and_then(|v| {
            let code = self.text_value(v, "council_code", (9, 9))?;
            let well_formed =
                code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit());
            if !well_formed {
                self.fail(
                    "council_code",
                    format!("must be a DfE LA code such as \"E06000005\", got {code:?}"),
                );
                return None;
            }
            Some(code.to_owned())
        });
        let release = map
            .get("statistics_release")
            .and_then(|v| self.text_value(v, "statistics_release", (1, MAX_RELEASE_CHARS)))
            .map(str::to_owned);
        (code, release)
    }

    /// A financial year. Any will do for figures the file gives; the
    /// defaults it leaves out need one the deflator table has
    /// ([`Self::restatable`]).
    fn price_year(&mut self, map: &Map<String, Value>, _schema: u64) -> Option<PriceYear> {
        let text = self.text(map, "", "price_year", (0, usize::MAX))?;
        let year = PriceYear::parse(text);
        if year.is_none() {
            self.fail(
                "price_year",
                format!("must be a financial year such as \"2024-25\", got {text:?}"),
            );
        }
        year
    }

    /// From format 2, the money defaults a file leaves out are restated into
    /// its price year, which must therefore be one the deflator table has. A
    /// file that gives every money figure may be in any year: a format-1 file
    /// moved to format 2 keeps its year and its figures.
    fn restatable(&mut self, price_year: Option<PriceYear>, defaulted: &[(ProgrammeId, Field)]) {
        let Some(year) = price_year else { return };
        let Err(why) = crate::prices::check_price_year(&year.to_string()) else {
            return;
        };
        let money = defaulted.iter().find(|(id, field)| {
            id.spec()
                .param(*field)
                .is_some_and(|p| p.unit.kind == crate::registry::UnitKind::Money)
        });
        if let Some((id, field)) = money {
            self.fail(
                "price_year",
                format!(
                    "{why}: the figures this file leaves out, such as programmes.{}.{}, take their defaults restated into it",
                    id.key(),
                    field.key()
                ),
            );
        }
    }

    fn appraisal(&mut self, value: &Value, conventions: Conventions) -> Option<AppraisalSettings> {
        let path = "appraisal";
        let keys: Vec<&str> = APPRAISAL_PARAMS.iter().map(|p| p.field.key()).collect();
        let map = self.object(value, path, &keys, &[])?;
        let mut read = APPRAISAL_PARAMS
            .iter()
            .map(|p| self.number_field(map, path, p.field.key(), p.rule));
        let horizon = read.next().flatten();
        let discount_rate = read.next().flatten();
        Some(AppraisalSettings {
            horizon_years: horizon? as u32,
            discount_rate: discount_rate?,
            conventions,
        })
    }

    fn programmes(
        &mut self,
        value: &Value,
        schema: u64,
        prices: PriceYear,
        defaulted: &mut Vec<(ProgrammeId, Field)>,
    ) -> Option<Vec<ProgrammeInputs>> {
        let keys = ProgrammeId::ALL.map(ProgrammeId::key);
        let map = self.object(value, "programmes", &keys, &[])?;
        let read: Vec<Option<ProgrammeInputs>> = ProgrammeId::ALL
            .into_iter()
            .filter_map(|id| map.get(id.key()).map(|v| (id, v)))
            .map(|(id, v)| self.programme(id, v, schema, prices, defaulted))
            .collect();
        // A `None`: present but invalid, already reported.
        read.into_iter().collect()
    }

    fn programme(
        &mut self,
        id: ProgrammeId,
        value: &Value,
        schema: u64,
        prices: PriceYear,
        defaulted: &mut Vec<(ProgrammeId, Field)>,
    ) -> Option<ProgrammeInputs> {
        let path = format!("programmes.{}", id.key());
        let spec = id.spec();
        let in_schema = |since: u32| u64::from(since) <= schema;
        let mut known = vec!["enabled"];
        known.extend(
            spec.params
                .iter()
                .filter(|p| in_schema(p.since))
                .map(|p| p.field.key()),
        );
        let mut later: Vec<(&str, u32)> = spec
            .params
            .iter()
            .filter(|p| !in_schema(p.since))
            .map(|p| (p.field.key(), p.since))
            .collect();
        if schema >= 2 {
            known.push(EXCLUDED_STREAMS);
        } else {
            later.push((EXCLUDED_STREAMS, 2));
        }
        let map = self.object(value, &path, &known, &later)?;
        let enabled = self.boolean(map, &path, "enabled");
        let mut inputs = if schema < 4 {
            ProgrammeInputs::from_format3_defaults(id, prices)
        } else {
            ProgrammeInputs::from_defaults(id, prices)
        };
        let mut ok = true;
        for p in spec.params {
            let field_path = join(&path, p.field.key());
            let present = map.get(p.field.key());
            if !in_schema(p.since) {
                // Not this format's field: defaulted, or reported as later.
                defaulted.push((id, p.field));
                ok &= present.is_none();
                continue;
            }
            let Some(value) = present else {
                if p.since > 1 {
                    defaulted.push((id, p.field));
                } else {
                    self.fail(&field_path, "is required");
                    ok = false;
                }
                continue;
            };
            ok &= self.field(&mut inputs, p.field, p.shape, p.rule, value, &field_path);
        }
        ok &= self.shares_add_up(&inputs, &path);
        ok &= self.repurposed_within_units(&inputs, &path);
        // Streams added since the file's format are left out, so that it
        // keeps its figures; from format 2 the file lists others.
        let schema_u32 = u32::try_from(schema).unwrap_or(u32::MAX);
        inputs.excluded_streams = later_streams(id, schema_u32);
        if schema >= 2 {
            if let Some(v) = map.get(EXCLUDED_STREAMS) {
                let excluded = self.excluded_streams(id, v, &join(&path, EXCLUDED_STREAMS));
                ok &= excluded.is_some();
                for key in excluded.unwrap_or_default() {
                    if !inputs.excluded_streams.contains(&key) {
                        inputs.excluded_streams.push(key);
                    }
                }
            }
        }
        inputs.enabled = enabled?;
        ok.then_some(inputs)
    }

    /// Reads one field into `inputs`; `false` when it was not usable.
    fn field(
        &mut self,
        inputs: &mut ProgrammeInputs,
        field: Field,
        shape: Shape,
        rule: Rule,
        value: &Value,
        path: &str,
    ) -> bool {
        match shape {
            Shape::Ranged => self
                .estimate(value, path, rule)
                .map(|e| inputs.set(field, e)),
            Shape::Plain => self
                .number(value, path, rule)
                .map(|x| inputs.set(field, Estimate::fixed(x))),
            Shape::List { min_len } => {
                self.list(value, path, rule, min_len)
                    .map(|list| match field {
                        Field::GrantByYear => inputs.grant_by_year_gbp = list,
                        Field::RampUp => inputs.ramp_up_fraction = list,
                        _ => {}
                    })
            }
            Shape::Staff => self.staff(value, path).map(|staff| inputs.staff = staff),
        }
        .is_some()
    }

    /// `[{ "role", "fte", "cost_per_fte_gbp" }, …]`.
    fn staff(&mut self, value: &Value, path: &str) -> Option<Vec<StaffLine>> {
        let items = self.items(value, path, "staff lines", (0, MAX_STAFF_LINES))?;
        let lines: Vec<Option<StaffLine>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let path = format!("{path}[{i}]");
                let keys = ["role", "fte", "cost_per_fte_gbp"];
                let map = self.object(item, &path, &keys, &[])?;
                let role = self.text(map, &path, "role", (0, MAX_ROLE_CHARS));
                let fte = self.number_field(map, &path, "fte", Rule::Amount);
                let cost = self.number_field(map, &path, "cost_per_fte_gbp", Rule::Amount);
                Some(StaffLine {
                    role: role?.to_owned(),
                    fte: fte?,
                    cost_per_fte_gbp: cost?,
                })
            })
            .collect();
        lines.into_iter().collect()
    }

    /// The programme's own stream keys, each once.
    fn excluded_streams(
        &mut self,
        id: ProgrammeId,
        value: &Value,
        path: &str,
    ) -> Option<Vec<StreamKey>> {
        let own: Vec<&str> = id.spec().streams.iter().map(|s| s.key.key()).collect();
        let items = self.items(value, path, "stream names", (0, own.len()))?;
        let mut keys = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            let key = item
                .as_str()
                .and_then(|k| own.contains(&k).then(|| StreamKey::from_key(k)).flatten());
            match key {
                Some(k) if keys.contains(&k) => {
                    self.fail(&item_path, format!("lists {:?} twice", k.key()));
                    ok = false;
                }
                Some(k) => keys.push(k),
                None => {
                    let got = describe(item);
                    self.fail(
                        &item_path,
                        format!("must be one of {}, got {got}", own.join(", ")),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(keys)
    }

    /// No more units repurposed than the service has.
    fn repurposed_within_units(&mut self, inputs: &ProgrammeInputs, path: &str) -> bool {
        let units = inputs.get(Field::ServiceUnits).value;
        let repurposed = inputs.get(Field::RepurposedUnits).value;
        if repurposed <= units {
            return true;
        }
        self.fail(
            &join(path, Field::RepurposedUnits.key()),
            format!("must not be more than the service's {units} units (service_units), got {repurposed}"),
        );
        false
    }

    /// The placement shares must add up to 1; reported at the "rest" share.
    fn shares_add_up(&mut self, inputs: &ProgrammeInputs, path: &str) -> bool {
        let shares = SHARES.map(|f| inputs.get(f).value);
        let sum: f64 = shares.iter().sum();
        if (sum - 1.0).abs() <= SHARE_SUM_TOLERANCE {
            return true;
        }
        let parts: Vec<String> = shares.iter().map(|s| format!("{s}")).collect();
        self.fail(
            &join(path, Field::ShareKinshipOther.key()),
            format!(
                "the four placement shares must add up to 1, got {} ({})",
                (sum * 1e9).round() / 1e9,
                parts.join(" + ")
            ),
        );
        false
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

fn programme_json(p: &ProgrammeInputs) -> Value {
    let mut map = Map::new();
    map.insert("enabled".into(), json!(p.enabled));
    for spec in p.programme.spec().params {
        let value = match spec.field {
            Field::GrantByYear => json!(p.grant_by_year_gbp),
            Field::RampUp => json!(p.ramp_up_fraction),
            Field::Staff => Value::Array(
                p.staff
                    .iter()
                    .map(|s| json!({ "role": s.role, "fte": s.fte, "cost_per_fte_gbp": s.cost_per_fte_gbp }))
                    .collect(),
            ),
            field if spec.shape == Shape::Plain => json!(p.get(field).value),
            field => estimate_json(p.get(field)),
        };
        map.insert(spec.field.key().into(), value);
    }
    let excluded: Vec<&str> = p.excluded_streams.iter().map(|s| s.key()).collect();
    map.insert(EXCLUDED_STREAMS.into(), json!(excluded));
    Value::Object(map)
}

/// Writes a scenario in format 2, every field explicit; [`super::parse_scenario`]
/// reads it back unchanged.
pub fn scenario_to_json(scenario: &Scenario) -> Value {
    let programmes: Map<String, Value> = scenario
        .programmes
        .iter()
        .map(|p| (p.programme.key().to_owned(), programme_json(p)))
        .collect();
    let mut map = Map::new();
    map.insert("schema".into(), json!(SCHEMA_VERSION));
    map.insert("council".into(), json!(scenario.council));
    if let Some(code) = &scenario.council_code {
        map.insert("council_code".into(), json!(code));
    }
    if let Some(release) = &scenario.statistics_release {
        map.insert("statistics_release".into(), json!(release));
    }
    map.insert("price_year".into(), json!(scenario.price_year.to_string()));
    let appraisal = &scenario.appraisal;
    map.insert(
        "appraisal".into(),
        json!({ "horizon_years": appraisal.horizon_years, "discount_rate": appraisal.discount_rate }),
    );
    map.insert(
        CONVENTIONS.into(),
        json!(scenario.appraisal.conventions.key()),
    );
    map.insert("programmes".into(), Value::Object(programmes));
    if !scenario.council_figures.is_empty() {
        map.insert(
            COUNCIL_FIGURES.into(),
            council_figures_json(&scenario.council_figures),
        );
    }
    Value::Object(map)
}

/// `[{ "path", "kind", "source" }]`: where each council figure came from,
/// as the scenario and the result write it.
pub fn council_figures_json(figures: &[FigureSource]) -> Value {
    Value::Array(
        figures
            .iter()
            .map(|f| {
                json!({
                    "path": format!("programmes.{}.{}", f.programme.key(), f.field.key()),
                    "kind": f.kind.key(),
                    "source": f.source,
                })
            })
            .collect(),
    )
}

/// The schema a document declares, if it is an object with one.
fn map_schema(value: &Value) -> Option<&Value> {
    value.as_object()?.get("schema")
}

/// `programmes.<programme>.<field>`, a field that programme has.
fn figure_path(text: &str) -> Option<(ProgrammeId, Field)> {
    let rest = text.strip_prefix("programmes.")?;
    let (programme, field) = rest.split_once('.')?;
    let programme = ProgrammeId::from_key(programme)?;
    let field = Field::from_key(field)?;
    programme.spec().param(field).map(|_| (programme, field))
}
