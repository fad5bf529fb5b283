// @ts-check
// The calculator's one state object, and the scenario it stands for: pure
// functions with no DOM and no engine, tested under node
// (tests/e2e/unit/scenario-state.test.mjs).
//
// `state.text` keeps exactly what the user typed, by path, so nothing typed
// is lost; the scenario sent to the engine is rebuilt from it on every input.

import { getAt, setAt, parseNumber, parseFigure, parseList, textAt } from './scenario-text.js';
import { councilFrom, withCouncil } from './figures.js';

/** The view that shows every model side by side. */
export const COMPARE = 'compare';

/**
 * @typedef {{ path: string, label?: string, hint?: string, hintFrom?: string, kind?: string }} SettingSpec
 * A field that is not a programme's parameter; `label` and `hint` default to
 * the defaults table's row, `hintFrom` names an entry of simulationDefaults.
 */

/** @type {SettingSpec[]} */
export const SETTINGS = [
  { path: 'council', label: 'Council', hint: "Type to find your council and use its published statistics (DfE: children looked after, children in need and on child protection plans, placements and ages, unit costs), each figure marked with where it comes from; or type any name and enter your own figures. Shown on the results and printouts.", kind: 'text' },
  { path: 'price_year', label: 'Price year', hint: "The financial year your money figures are in, such as 2024-25. Changing it restates every money default you have not changed, with HM Treasury's GDP deflators.", kind: 'text' },
  { path: 'appraisal.horizon_years' },
  { path: 'appraisal.discount_rate' },
];

/** @type {SettingSpec[]} */
export const SIMULATION = [
  { path: 'simulation.draws', label: 'Simulated futures', hintFrom: 'draws_hint', kind: 'whole' },
  { path: 'simulation.seed', label: 'Seed', hint: 'The same seed gives the same results.', kind: 'whole' },
];

/** The staff line's properties, in the form's order. */
export const STAFF_PROPS = ['role', 'fte', 'cost_per_fte_gbp'];

/** What each of a staff line's properties is called, in the form and its errors. */
export const STAFF_LABELS = /** @type {Record<string, string>} */ ({ role: 'role', fte: 'FTE', cost_per_fte_gbp: '£ per FTE a year' });

/** The programme a path belongs to, if any. @param {string} path */
export const programmeOf = (path) => path.match(/^programmes\.([a-z_]+)\./)?.[1];

/**
 * @typedef {Object} State
 * @property {string} view the programme key in view, or COMPARE
 * @property {any} base the scenario that typed text applies to (the defaults)
 * @property {any[]} table the engine's defaults table
 * @property {any} simDefaults the engine's simulationDefaults()
 * @property {any} limits the engine's limits()
 * @property {Record<string, any[]>} streams each programme's benefit streams
 * @property {Map<string, string>} text path -> exactly what the user typed, or the engine set
 * @property {Set<string>} typed paths whose text the user typed (not the engine's)
 * @property {((kind: string, x: number) => string) | null} figureText the engine's text for a figure in the form (formatFigureInput)
 * @property {any} council the council picked: { code, name, release, summary, notes }
 * @property {any[] | null} councils the picker's list, once the analysis module is loaded
 * @property {{ path: string, message: string }[]} pageErrors errors the page finds itself
 * @property {string} priceNote what the last change of price year restated
 * @property {Map<string, number>} staffLines programme -> how many staff lines it has
 * @property {Map<string, Set<string>>} excluded programme -> the streams not counted
 * @property {string | null} conventions the scenario's appraisal conventions (format 4's `conventions`): an older scenario keeps format 3's, so its figures; null: the defaults'.
 * @property {Set<string>} openGroups ids of the form's groups that are open
 * @property {any} report last valid engine Report (freed when replaced)
 * @property {any} result its result as JSON
 * @property {any} grades each programme's figures' grades and evidence line (the analysis module's figureGrades), once loaded
 * @property {{ path: string, message: string }[]} errors
 * @property {any} run the simulation under way, if any
 * @property {number} runToken bumped to cancel the run under way
 * @property {any} uReport last finished UncertaintyReport
 * @property {any} uResult its result as JSON
 * @property {{ report: any, view: string } | null} uReportFor what uReport was simulated for
 * @property {boolean} firstChartDrawn
 */

/** @returns {State} */
export function createState() {
  return {
    view: 'family_valued',
    base: null,
    table: [],
    simDefaults: null,
    limits: null,
    streams: {},
    text: new Map(),
    typed: new Set(),
    figureText: null,
    council: null,
    councils: null,
    pageErrors: [],
    priceNote: '',
    staffLines: new Map(),
    excluded: new Map(),
    conventions: null,
    openGroups: new Set(),
    report: null,
    result: null,
    grades: null,
    errors: [],
    run: null,
    runToken: 0,
    uReport: null,
    uResult: null,
    uReportFor: null,
    firstChartDrawn: false,
  };
}

/** Each defaults table's rows by path, made once a table (every keystroke reads the form through it). */
const rowsByPath = new WeakMap();

/** The defaults table's row for a path. @param {State} state @param {string} path */
export function rowOf(state, path) {
  let rows = rowsByPath.get(state.table);
  if (!rows) {
    rows = new Map(state.table.map((r) => [r.path, r]));
    rowsByPath.set(state.table, rows);
  }
  return rows.get(path);
}

/** Parameters that may carry a range. @param {State} state @param {string} path */
export const isParameter = (state, path) => rowOf(state, path)?.shape === 'ranged';

/** @param {State} state */
export const programmeKeys = (state) => Object.keys(state.base.programmes);

/**
 * The scenario value for a field from what was typed. A parameter with a
 * range sends `{ value, low, high }`; a blank low or high means "the same as
 * the value", and with both blank the parameter is a plain number. A value
 * outside its range widens the range to include it (`fieldReading` says so
 * beside the field): an edit is never refused for its range.
 * @param {State} state @param {string} path
 */
export function valueFor(state, path) {
  const text = state.text.get(path) ?? '';
  if (typeof getAt(state.base, path) === 'string') return text;
  const row = rowOf(state, path);
  if (row?.shape === 'list') return parseList(text, row.kind);
  const value = parseFigure(text, row?.kind);
  if (row?.shape !== 'ranged') return value;
  const { low, high } = rangeFor(state, path, value);
  return low === value && high === value ? value : { value, low, high };
}

/**
 * A ranged parameter's low and high as typed (blank: the value), each
 * widened to take in `value` when it is a number outside them.
 * @param {State} state @param {string} path @param {number | string} value
 */
export function rangeFor(state, path, value) {
  const kind = rowOf(state, path)?.kind;
  /** @param {string} end */
  const typed = (end) => {
    const t = state.text.get(`${path}.${end}`) ?? '';
    return t.trim() === '' ? value : parseFigure(t, kind);
  };
  let low = typed('low');
  let high = typed('high');
  const widened = typeof value === 'number' && ((typeof low === 'number' && low > value) || (typeof high === 'number' && high < value));
  if (typeof value === 'number') {
    if (typeof low === 'number') low = Math.min(low, value);
    if (typeof high === 'number') high = Math.max(high, value);
  }
  return { low, high, widened };
}


/** A staff line's text path. @param {string} key @param {number} i @param {string} prop */
export const staffPath = (key, i, prop) => `programmes.${key}.staff[${i}].${prop}`;

/** A programme's staff lines from what was typed. @param {State} state @param {string} key */
export function staffFor(state, key) {
  const lines = [];
  for (let i = 0; i < (state.staffLines.get(key) ?? 0); i++) {
    /** @param {string} prop */
    const at = (prop) => state.text.get(staffPath(key, i, prop)) ?? '';
    lines.push({ role: at('role'), fte: parseNumber(at('fte')), cost_per_fte_gbp: parseNumber(at('cost_per_fte_gbp')) });
  }
  return lines;
}

/** The paths of every figure typed as one text (not staff lines, which have their own). @param {State} state */
export function scenarioPaths(state) {
  const programmeRows = state.table.filter((r) => r.programme && r.shape !== 'staff');
  return [...SETTINGS.map((s) => s.path), ...programmeRows.map((r) => r.path)];
}

/** The scenario the typed text stands for (the engine validates it). @param {State} state */
export function buildScenario(state) {
  const scenario = structuredClone(state.base);
  for (const path of scenarioPaths(state)) setAt(scenario, path, valueFor(state, path));
  for (const key of programmeKeys(state)) {
    scenario.programmes[key].staff = staffFor(state, key);
    scenario.programmes[key].excluded_streams = [...(state.excluded.get(key) ?? [])];
  }
  if (state.conventions) scenario.conventions = state.conventions;
  return withCouncil(state, scenario);
}

/**
 * Puts a scenario's figures into the texts, with its staff lines and the
 * streams it leaves out; paths it lacks keep theirs. (The caller rebases the
 * defaults to its price year first, and restores the council's notes after.)
 * @param {State} state @param {any} scenario
 */
export function applyScenario(state, scenario) {
  state.typed = new Set();
  state.pageErrors = [];
  state.priceNote = '';
  state.council = councilFrom(scenario);
  state.conventions = scenario.conventions ?? null;
  for (const path of scenarioPaths(state)) {
    if (getAt(scenario, path) === undefined) continue;
    state.text.set(path, textAt(scenario, path));
    if (isParameter(state, path)) for (const end of ['low', 'high']) state.text.set(`${path}.${end}`, textAt(scenario, `${path}.${end}`));
  }
  for (const [key, p] of Object.entries(scenario.programmes ?? {})) {
    if (p.excluded_streams) state.excluded.set(key, new Set(p.excluded_streams));
    if (!p.staff) continue;
    p.staff.forEach((/** @type {any} */ line, /** @type {number} */ i) => {
      for (const prop of STAFF_PROPS) state.text.set(staffPath(key, i, prop), String(line[prop]));
    });
    state.staffLines.set(key, p.staff.length);
  }
}

/** Every text back to the defaults' (the simulation's settings too). @param {State} state */
export function resetTexts(state) {
  state.text = new Map([['simulation.draws', String(state.simDefaults.draws)], ['simulation.seed', String(state.simDefaults.seed)]]);
  state.staffLines = new Map();
  state.excluded = new Map();
  applyScenario(state, state.base);
}

/**
 * Adds a staff line (`index` undefined) or removes line `index`, moving the
 * texts below it up; returns the line to focus next, or -1 for none.
 * @param {State} state @param {string} key @param {number} [index]
 */
export function changeStaffLines(state, key, index) {
  const count = state.staffLines.get(key) ?? 0;
  if (index === undefined) {
    for (const prop of STAFF_PROPS) state.text.set(staffPath(key, count, prop), prop === 'role' ? '' : '0');
    state.staffLines.set(key, count + 1);
    return count;
  }
  for (let i = index; i < count - 1; i++) {
    for (const prop of STAFF_PROPS) state.text.set(staffPath(key, i, prop), state.text.get(staffPath(key, i + 1, prop)) ?? '');
  }
  for (const prop of STAFF_PROPS) state.text.delete(staffPath(key, count - 1, prop));
  state.staffLines.set(key, count - 1);
  return Math.min(index, count - 2);
}

/**
 * `no-wrong-door` (an attribute) or `no_wrong_door` (a key): the view, if it is one.
 * @param {State} state @param {unknown} name
 */
export function viewFrom(state, name) {
  const key = String(name ?? '').trim().toLowerCase().replace(/-/g, '_');
  return key === COMPARE || programmeKeys(state).includes(key) ? key : null;
}

/**
 * The scenario to simulate: in a single-programme view, that programme only.
 * A copy: the scenario given also goes into the page's address, in full.
 * @param {State} state @param {any} given
 */
export function simulationScenario(state, given) {
  const scenario = structuredClone(given);
  if (state.view !== COMPARE) {
    for (const key of programmeKeys(state)) scenario.programmes[key].enabled = key === state.view;
  }
  return scenario;
}
