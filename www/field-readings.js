// @ts-check
// What the page read from a field's text, beside the field, in the
// engine's words: a bare number read as a percentage, a list's figures, a
// range widened to take in its value. Loaded with the analysis module: the
// readings appear once it is in (they are for typing, after the first
// view), tested under node (tests/e2e/unit/scenario-state.test.mjs).

import { fieldId, writeNote } from './dom.js';
import { parseFigure, parseList, listEntries, readsAsPercent } from './scenario-text.js';
import { rangeFor, rowOf } from './scenario-state.js';

/** @typedef {import('./scenario-state.js').State} State */

/**
 * What the page read from a field's text, in the engine's words
 * (`analysis.fieldReading`, display::field_reading), where that is not
 * plain: a list's figures (when it has commas, or bare percentages), a bare
 * number read as a percentage, a range widened to take in the value. ''
 * when there is nothing to say, or the text is not all figures (the
 * engine's error says why).
 * @param {State} state @param {string} path
 * @param {{ fieldReading: (kind: string, list?: Float64Array, readAs?: number, low?: number, high?: number) => string }} analysis
 */
export function fieldReading(state, path, analysis) {
  const row = rowOf(state, path);
  const text = state.text.get(path) ?? '';
  if (!row || !state.typed.has(path) && !state.typed.has(`${path}.low`) && !state.typed.has(`${path}.high`)) return '';
  /** @param {string} t */
  const barePercent = (t) => readsAsPercent(t, row.kind);
  /** @type {Float64Array | undefined} */
  let list;
  if (row.shape === 'list' && (text.includes(',') || listEntries(text, row.kind).some(barePercent))) {
    const values = parseList(text, row.kind);
    if (values.every((x) => typeof x === 'number')) list = Float64Array.from(/** @type {number[]} */ (values));
  }
  const readAs = row.shape !== 'list' && barePercent(text) ? Number(parseFigure(text, row.kind)) : undefined;
  /** @type {{ low: number, high: number } | undefined} */
  let widened;
  if (row.shape === 'ranged') {
    const range = rangeFor(state, path, parseFigure(text, row.kind));
    if (range.widened && typeof range.low === 'number' && typeof range.high === 'number') widened = { low: range.low, high: range.high };
  }
  return analysis.fieldReading(row.kind, list, readAs, widened?.low, widened?.high);
}

/**
 * Writes each field's reading beside it (`<p data-reading-for>`), or only
 * the field of `path` (its low and high are its own) when given.
 * @param {Document | ShadowRoot} root @param {State} state
 * @param {Parameters<typeof fieldReading>[2]} analysis @param {string} [path]
 */
export function showReadings(root, state, analysis, path) {
  const main = path?.replace(/\.(low|high)$/, '');
  const readings = main ? [root.getElementById(`${fieldId(main)}-reading`)] : root.querySelectorAll('#calculator [data-reading-for]');
  for (const p of readings) {
    const reading = /** @type {HTMLElement | null} */ (p);
    if (reading) writeNote(reading, fieldReading(state, reading.dataset.readingFor ?? '', analysis));
  }
}
