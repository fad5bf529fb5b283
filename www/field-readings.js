// @ts-check
// What the page read from a field's text, in words, beside the field: a
// bare number read as a percentage, a list's figures, a range widened to
// take in its value. Pure (no DOM), loaded with the analysis module: the
// readings appear once it is in (they are for typing, after the first
// view), tested under node (tests/e2e/unit/scenario-state.test.mjs).

import { fieldId, writeNote } from './dom.js';
import { parseFigure, parseList, listEntries, readsAsPercent } from './scenario-text.js';
import { rangeFor, rowOf } from './scenario-state.js';

/** @typedef {import('./scenario-state.js').State} State */

/**
 * What the page read from a field's text, in words, where that is not
 * plain: a bare number read as a percentage, a list's figures, a range
 * widened to take in the value. '' when there is nothing to say.
 * `engine` words each figure: money to the pound (`formatGbp`, "£1,234"),
 * the rest as the form shows them (`formatFigureInput`, "20%").
 * @param {State} state @param {string} path
 * @param {{ formatGbp: (x: number) => string, formatFigureInput: (kind: string, x: number) => string }} engine
 */
export function fieldReading(state, path, engine) {
  const row = rowOf(state, path);
  const text = state.text.get(path) ?? '';
  if (!row || !state.typed.has(path) && !state.typed.has(`${path}.low`) && !state.typed.has(`${path}.high`)) return '';
  /** @param {any} x */
  const figure = (x) => (typeof x !== 'number' ? String(x)
    : row.kind === 'money' ? engine.formatGbp(x) : engine.formatFigureInput(row.kind, x));
  /** @param {string} t */
  const barePercent = (t) => readsAsPercent(t, row.kind);
  const notes = [];
  if (row.shape === 'list' && (text.includes(',') || listEntries(text, row.kind).some(barePercent))) {
    const values = parseList(text, row.kind);
    notes.push(`Read as ${values.length} figure${values.length === 1 ? '' : 's'}: ${values.map(figure).join('; ')}.`);
  }
  if (row.shape !== 'list' && barePercent(text)) notes.push(`Read as ${figure(parseFigure(text, row.kind))}.`);
  if (row.shape === 'ranged') {
    const value = parseFigure(text, row.kind);
    const { low, high, widened } = rangeFor(state, path, value);
    if (widened) notes.push(`Outside the range you had, so the range now runs from ${figure(low)} to ${figure(high)} for the uncertainty analysis.`);
  }
  return notes.join(' ');
}

/**
 * Writes each field's reading beside it (`<p data-reading-for>`), or only
 * the field of `path` (its low and high are its own) when given.
 * @param {Document | ShadowRoot} root @param {State} state
 * @param {Parameters<typeof fieldReading>[2]} engine @param {string} [path]
 */
export function showReadings(root, state, engine, path) {
  const main = path?.replace(/\.(low|high)$/, '');
  const readings = main ? [root.getElementById(`${fieldId(main)}-reading`)] : root.querySelectorAll('#calculator [data-reading-for]');
  for (const p of readings) {
    const reading = /** @type {HTMLElement | null} */ (p);
    if (reading) writeNote(reading, fieldReading(state, reading.dataset.readingFor ?? '', engine));
  }
}
