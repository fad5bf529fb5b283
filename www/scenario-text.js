// @ts-check
// What the user typed, and the scenario values it stands for: pure functions
// with no DOM, shared by the form, links and saved scenarios.

/** The value at a dotted path (`programmes.family_valued.ramp_up`). @param {any} obj @param {string} path @returns {any} */
export function getAt(obj, path) {
  return path.split('.').reduce((/** @type {any} */ o, k) => (o == null ? undefined : o[k]), obj);
}

/** @param {any} obj @param {string} path @param {unknown} value */
export function setAt(obj, path, value) {
  const keys = path.split('.');
  const last = /** @type {string} */ (keys.pop());
  const parent = keys.reduce((/** @type {any} */ o, k) => o[k], obj);
  parent[last] = value;
}

/** The form field an engine error belongs to: `a.b.value`, `a.b.low` and `a.b[2]` are `a.b`'s. @param {string} errorPath */
export function fieldPathOf(errorPath) {
  return errorPath.replace(/\[\d+\]$/, '').replace(/\.(value|low|high)$/, '');
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number from what was typed ("£1,200", "60%"), or the text itself for the engine to report. @param {string} text */
export function parseNumber(text) {
  const t = text.trim().replace(/[£,\s]/g, '');
  const percent = t.endsWith('%');
  const digits = percent ? t.slice(0, -1) : t;
  if (!NUMBER.test(digits)) return text;
  const n = Number(digits);
  return percent ? n / 100 : n;
}

/**
 * A figure for a field of `kind` (the defaults table's: `money`, `fraction`,
 * `count`, `years`). In a fraction field a bare number above 1 is a
 * percentage ("60" is 60%, as "60%" and "0.6" are); 1 and below are read as
 * fractions ("1" is 100%).
 * @param {string} text @param {string} [kind]
 */
export function parseFigure(text, kind) {
  const n = parseNumber(text);
  return readsAsPercent(text, kind) ? Number(n) / 100 : n;
}

/** Whether `text`, in a field of `kind`, is a bare number above 1 read as a percentage. @param {string} text @param {string} [kind] */
export function readsAsPercent(text, kind) {
  const n = parseNumber(text);
  return kind === 'fraction' && typeof n === 'number' && Math.abs(n) > 1 && !text.trim().endsWith('%');
}

/** A number with thousands separators: "1,200", "£1,000,000.50". */
const THOUSANDS = /^[-+]?£?\d{1,3}(,\d{3})+(\.\d+)?%?$/;

/**
 * The entries of a list as typed: separated by semicolons, spaces or commas,
 * a comma inside a number written with thousands separators ("1,200") being
 * part of it, except in a list of fractions, where no figure reaches a
 * thousand; so "1000000,500000" is two figures, "1,200, 3,400" two, and
 * "50,100" in a ramp-up 50% and 100%.
 * @param {string} text @param {string} [kind]
 */
export function listEntries(text, kind) {
  return text.split(/\s*;\s*|\s+/).map((t) => t.replace(/^,+|,+$/g, ''))
    .flatMap((t) => (kind !== 'fraction' && THOUSANDS.test(t) ? [t] : t.split(','))).filter((t) => t !== '');
}

/** A list's figures as typed (see listEntries, parseFigure). @param {string} text @param {string} [kind] */
export function parseList(text, kind) {
  return listEntries(text, kind).map((t) => parseFigure(t, kind));
}

/**
 * The text a figure is shown as in the form when the engine (not the user)
 * wrote it, worded by the engine's `format(kind, x)` (formatFigureInput):
 * fractions as percentages, money to the penny, other figures to three
 * decimals; what is not a number is shown as it is, and so is everything
 * until the engine's wording has loaded.
 * @param {string} text @param {string | undefined} kind @param {((kind: string, x: number) => string) | null} format
 */
export function shownFigure(text, kind, format) {
  if (!format) return text;
  if (kind === 'fraction') {
    const parts = listEntries(text, kind);
    return parts.length && parts.every((p) => NUMBER.test(p)) ? parts.map((p) => format(kind, Number(p))).join(', ') : text;
  }
  const long = kind === 'money' ? /\d+\.\d{3,}/g : /\d+\.\d{4,}/g;
  return text.replace(long, (n) => format(kind ?? 'count', Number(n)));
}

/** The text a scenario value is shown as, for `path` (`x.low`, `x.high` for ranges). @param {Record<string, any>} scenario @param {string} path */
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

/** The engine's `{ path, message }` errors in one line. @param {unknown} errors the engine's `{ path, message }[]`, or anything thrown */
export function describeErrors(errors) {
  return Array.isArray(errors) ? errors.map((/** @type {{ path: string, message: string }} */ e) => `${e.path}: ${e.message}`).join('; ') : String(errors);
}
