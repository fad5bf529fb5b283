//! Walking a JSON input by hand, field by field, collecting every error with
//! its path: the primitives the scenario and settings readers share.

use crate::errors::InputError;
use crate::registry::{Rule, MAX_HORIZON_YEARS};
use crate::scenario::Estimate;
use serde_json::{Map, Value};

/// A value in words for an error message: `null`, `text "twenty"`, `a list`.
pub fn describe(value: &Value) -> String {
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

/// `path.key`, or `key` at the top.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Walks the input, collecting errors; each method returns `None` where its
/// part of the input was unusable, and has then recorded why.
#[derive(Default)]
pub struct Reader {
    pub errors: Vec<InputError>,
}

impl Reader {
    pub fn fail(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(InputError::new(path, message));
    }

    /// The object at `path`, with every key not in `known` reported; a key in
    /// `later` belongs to a newer format than the document declares.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        known: &[&str],
        later: &[(&str, u32)],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.fail(path, format!("must be an object, got {}", describe(value)));
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            let since = later.iter().find(|(k, _)| k == key).map(|(_, since)| since);
            let message = if let Some(since) = since {
                format!("was added in scenario format {since}: set \"schema\": {since} to use it")
            } else {
                format!(
                    "is not a known field (expected one of: {})",
                    known.join(", ")
                )
            };
            self.fail(&join(path, key), message);
        }
        Some(map)
    }

    pub fn required<'v>(
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

    pub fn number(&mut self, value: &Value, path: &str, rule: Rule) -> Option<f64> {
        let Some(x) = value.as_f64().filter(|x| x.is_finite()) else {
            let got = describe(value);
            let message = match rule {
                Rule::HorizonYears => {
                    format!("must be a whole number from 1 to {MAX_HORIZON_YEARS}, got {got}")
                }
                _ => format!("must be a number, got {got}"),
            };
            self.fail(path, message);
            return None;
        };
        rule.check(x).map_err(|m| self.fail(path, m)).ok()
    }

    pub fn number_field(
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
    pub fn estimate(&mut self, value: &Value, path: &str, rule: Rule) -> Option<Estimate> {
        if !value.is_object() {
            return self.number(value, path, rule).map(Estimate::fixed);
        }
        let range = self.object(value, path, &["value", "low", "high"], &[])?;
        let central = self.number_field(range, path, "value", rule);
        let low = self.number_field(range, path, "low", rule);
        let high = self.number_field(range, path, "high", rule);
        let (central, low, high) = (central?, low?, high?);
        if low > central {
            self.fail(
                &join(path, "low"),
                format!("must not be above value ({central}), got {low}"),
            );
        }
        if high < central {
            self.fail(
                &join(path, "high"),
                format!("must not be below value ({central}), got {high}"),
            );
        }
        (low <= central && central <= high).then_some(Estimate::ranged(low, central, high))
    }

    /// The items of a list of at most [`MAX_HORIZON_YEARS`] (or `max_len`) entries.
    pub fn items<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        what: &str,
        (min_len, max_len): (usize, usize),
    ) -> Option<&'v [Value]> {
        let Some(items) = value.as_array() else {
            self.fail(
                path,
                format!("must be a list of {what}, got {}", describe(value)),
            );
            return None;
        };
        if items.len() < min_len || items.len() > max_len {
            self.fail(
                path,
                format!(
                    "must have {min_len} to {max_len} entries, got {}",
                    items.len()
                ),
            );
            return None;
        }
        Some(items)
    }

    /// A list of numbers, one a year, each satisfying `rule`.
    pub fn list(
        &mut self,
        value: &Value,
        path: &str,
        rule: Rule,
        min_len: usize,
    ) -> Option<Vec<f64>> {
        let max_len = MAX_HORIZON_YEARS as usize;
        let items = self.items(value, path, "numbers", (min_len, max_len))?;
        let numbers: Vec<Option<f64>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| self.number(item, &format!("{path}[{i}]"), rule))
            .collect();
        numbers.into_iter().collect()
    }

    pub fn boolean(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<bool> {
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

    /// Text of 0 to `max_chars` characters (`min_chars` at least).
    pub fn text_value<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        (min_chars, max_chars): (usize, usize),
    ) -> Option<&'v str> {
        let Some(text) = value.as_str() else {
            self.fail(path, format!("must be text, got {}", describe(value)));
            return None;
        };
        let chars = text.chars().count();
        if chars < min_chars || chars > max_chars {
            let range = if min_chars == 0 {
                format!("at most {max_chars}")
            } else {
                format!("{min_chars} to {max_chars}")
            };
            self.fail(path, format!("must be {range} characters, got {chars}"));
            return None;
        }
        Some(text)
    }

    pub fn text<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
        lengths: (usize, usize),
    ) -> Option<&'v str> {
        let value = self.required(map, path, key)?;
        self.text_value(value, &join(path, key), lengths)
    }
}
