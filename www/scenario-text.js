// @ts-check
// What the user typed, and the scenario values it stands for: pure functions
// with no DOM, shared by the form, links and saved scenarios.

/** The value at a dotted path (`programmes.family_valued.ramp_up`). */
export function getAt(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

export function setAt(obj, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  const parent = keys.reduce((o, k) => o[k], obj);
  parent[last] = value;
}

/** The form field an engine error belongs to: `a.b.value`, `a.b.low` and `a.b[2]` are `a.b`'s. */
export function fieldPathOf(errorPath) {
  return errorPath.replace(/\[\d+\]$/, '').replace(/\.(value|low|high)$/, '');
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number from what was typed ("£1,200", "60%"), or the text itself for the engine to report. */
export function parseNumber(text) {
  const t = text.trim().replace(/[£,\s]/g, '');
  const percent = t.endsWith('%');
  const digits = percent ? t.slice(0, -1) : t;
  if (!NUMBER.test(digits)) return text;
  const n = Number(digits);
  return percent ? n / 100 : n;
}

/** List entries are separated by semicolons, or commas followed by a space (so "1,200" stays one number). */
export function parseList(text) {
  return text.split(/\s*;\s*|,\s+|\s+/).filter((t) => t !== '').map(parseNumber);
}

/** The text a scenario value is shown as, for `path` (`x.low`, `x.high` for ranges). */
export function textAt(scenario, path) {
  const end = path.match(/\.(low|high)$/)?.[1];
  if (end) {
    const range = getAt(scenario, path.slice(0, -end.length - 1));
    return range && typeof range === 'object' ? String(range[end]) : '';
  }
  const value = getAt(scenario, path);
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object') return String(value.value);
  return String(value);
}

/** The engine's `{ path, message }` errors in one line. */
export function describeErrors(errors) {
  return Array.isArray(errors) ? errors.map((e) => `${e.path}: ${e.message}`).join('; ') : String(errors);
}
