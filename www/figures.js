// @ts-check
// Figures the page sets for the user, and the notes beside them: the
// defaults restated when the price year changes, and what the page keeps of
// a council's statistics (council-picker.js sets them) and an evidence set
// (evidence-panel.js). The engine says what each one sets; these modules put
// it into the form's texts (`ctx.setTexts`), never touching a figure the
// user typed unless they chose the council or the set themselves.
//
// `ctx` holds `state`, `engine` (the page module), `analysisModule()` (a
// promise of the analysis module), `setTexts(texts)` and `figurePaths()`.

import { textAt } from './scenario-text.js';

/** @typedef {import('./scenario-state.js').State} State */
/**
 * @typedef {Object} FiguresContext what setting figures works with (calculator.js's `figuresContext`)
 * @property {State} state
 * @property {typeof import('./pkg/sfpc.js')} engine
 * @property {() => Promise<any>} analysisModule
 * @property {(texts: Map<string, string>) => void} setTexts
 * @property {() => string[]} figurePaths
 */

/** The form's texts for the engine's `[{ path, value, low, high }]`: blank bounds for a fixed figure. @param {{ path: string, value: number, low: number, high: number }[]} changes */
export function changeTexts(changes) {
  const texts = new Map();
  for (const c of changes) {
    const fixed = c.low === c.value && c.high === c.value;
    texts.set(c.path, String(c.value));
    texts.set(`${c.path}.low`, fixed ? '' : String(c.low));
    texts.set(`${c.path}.high`, fixed ? '' : String(c.high));
  }
  return texts;
}

/**
 * The council a scenario (from a link, a file or a saved slot) names by its
 * code, as far as the scenario says; the notes come later, from the
 * statistics (council-picker.js, `restoreNotes`).
 * @param {Record<string, any>} scenario a scenario in format 2 or later
 */
export function councilFrom(scenario) {
  if (!scenario.council_code) return null;
  return { code: scenario.council_code, name: scenario.council, release: scenario.statistics_release, summary: '', notes: new Map() };
}

/**
 * The council's code and statistics' release go into the scenario while its
 * name is the council's, with where each of its figures came from
 * (`council_figures`) for the figures that are still the council's: a
 * figure the statistics set and the user has not changed, or a national one
 * the user has not typed over.
 * @param {State} state @param {Record<string, any>} scenario
 */
export function withCouncil(state, scenario) {
  const c = state.council;
  delete scenario.council_figures;
  if (c && scenario.council === c.name) {
    scenario.council_code = c.code;
    scenario.statistics_release = c.release;
    const figures = [];
    for (const [path, note] of c.notes) {
      const still = note.set === null ? !state.typed.has(path) : state.text.get(path) === note.set;
      if (note.figure && still) figures.push(note.figure);
    }
    if (figures.length) scenario.council_figures = figures;
  } else {
    delete scenario.council_code;
    delete scenario.statistics_release;
  }
  return scenario;
}

/** The note beside a field: the statistics' words while the figure is theirs. @param {State} state @param {string} path */
export function noteFor(state, path) {
  const council = state.council;
  if (!council || state.text.get('council') !== council.name) return '';
  if (path === 'council') return council.summary;
  const note = council.notes.get(path);
  if (!note) return '';
  if (note.set === null || state.text.get(path) === note.set) return note.text;
  return `You have replaced ${council.name}'s figure from DfE's statistics (${note.set}).`;
}

/**
 * The price year changed to `yearText`: the defaults move to its prices, and
 * every figure still at its old default (its text unchanged) is restated.
 * Returns `{ errors }` for a year the deflators do not cover, else
 * `{ restated }`, how many figures moved.
 * @param {FiguresContext} ctx @param {string} yearText
 */
export function restatePrices(ctx, yearText) {
  const { state, engine } = ctx;
  let base;
  let table;
  try {
    base = engine.defaultScenario(yearText.trim());
    table = engine.defaultsTable(yearText.trim());
  } catch (errors) {
    return { errors: Array.isArray(errors) ? errors : [{ path: 'price_year', message: String(errors) }] };
  }
  if (base.price_year === state.base.price_year) return { restated: 0 };
  const texts = new Map();
  for (const path of ctx.figurePaths()) {
    for (const p of [path, `${path}.low`, `${path}.high`]) {
      if (!state.text.has(p) || state.text.get(p) !== textAt(state.base, p)) continue;
      if (textAt(base, p) !== state.text.get(p)) texts.set(p, textAt(base, p));
    }
  }
  state.base = base;
  state.table = table;
  ctx.setTexts(texts);
  return { restated: new Set([...texts.keys()].map((p) => p.replace(/\.(low|high)$/, ''))).size };
}
