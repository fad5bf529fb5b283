// @ts-check
// The every-council page (councils.html): each model appraised for every
// English council with its own statistics and the figures of the link that
// opened the page (or the defaults), as `sfpc batch` writes them, in a table
// sorted by any column. The engine gives the rows, their words and the
// columns; this module fetches them a few councils at a time, so the page
// keeps responding, and sorts and filters them.

import initPage, * as page from './pkg/sfpc.js';
import initAnalysis, * as analysis from './pkg/sfpc_analysis.js';
import { el, download } from './dom.js';
import { LinkError, localStamp, scenarioFromLink } from './links.js';
import { renderMap } from './council-map.js';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** Councils appraised per slice of work: about 10 ms each without draws. */
const COUNCILS_PER_SLICE = 8;
const ALL = 'all';

/**
 * One council and model's row, as the engine gives it (`CouncilBook.add`).
 * @typedef {import('./engine-types.js').CouncilRow} CouncilRow
 */

const state = {
  /** @type {Record<string, any>} the figures every council is appraised with (set before the first run) */
  scenario: {},
  /** @type {CouncilRow[]} */
  rows: [],
  /** @type {string[]} */
  columns: [], sortColumn: 0, ascending: true, model: ALL, search: '', run: 0,
  /** @type {any} the engine's CouncilBook of the last finished run, for the map */
  book: null,
};

/** The figures to use: the link's, or the calculator's defaults. */
async function template() {
  const fromText = (/** @type {string} */ text) => page.normaliseScenario(JSON.parse(text));
  try {
    const link = await scenarioFromLink(location.hash.slice(1), fromText);
    if (link) return { scenario: link.scenario, said: `With the figures of the link that opened this page (${link.scenario.price_year} prices).` };
  } catch (e) {
    if (!(e instanceof LinkError)) throw e;
    return { scenario: page.defaultScenario(), said: `The link that opened this page could not be used (${e.message}), so these are the calculator's default figures.` };
  }
  return { scenario: page.defaultScenario(), said: `With the calculator's default figures (${page.defaultScenario().price_year} prices).` };
}

/** The downloads' name: the model shown (or every model) and today's date, as the calculator names its own. @param {string} ext */
function fileName(ext) {
  return analysis.downloadName('every council', state.model === ALL ? 'every model' : state.model, localStamp().slice(0, 10), '', ext);
}

/** Compares two sort keys: numbers and text in order, a missing figure last. @param {number | string | null} a @param {number | string | null} b */
function compare(a, b) {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en-GB');
}

function renderHead() {
  $('councils-head').replaceChildren(...state.columns.map((heading, i) => {
    const sorted = i === state.sortColumn;
    return el('th', { scope: 'col', class: i > 2 ? 'num' : '', 'aria-sort': sorted ? (state.ascending ? 'ascending' : 'descending') : 'none' },
      el('button', { type: 'button', class: 'sort', 'data-column': i }, heading, el('span', { 'aria-hidden': 'true' }, sorted ? (state.ascending ? ' ▲' : ' ▼') : '')));
  }));
}

/** The rows the model filter and the search leave, in the table's order. */
function shownRows() {
  const words = state.search.trim().toLowerCase();
  const found = (/** @type {CouncilRow} */ r) => !words || [r.cells[0], r.cells[1], r.code].some((t) => String(t).toLowerCase().includes(words));
  const shown = state.rows.filter((r) => (state.model === ALL || r.programme === state.model) && found(r));
  const sign = state.ascending ? 1 : -1;
  shown.sort((a, b) => {
    const x = a.sort[state.sortColumn];
    const y = b.sort[state.sortColumn];
    if (x === null || y === null) return compare(x, y);
    return sign * compare(x, y) || compare(a.sort[0], b.sort[0]);
  });
  return shown;
}

function renderBody() {
  const shown = shownRows();
  const councils = new Set(shown.map((r) => r.code)).size;
  const all = new Set(state.rows.map((r) => r.code)).size;
  $('shown-count').textContent = state.rows.length
    ? analysis.councilsShown(councils, all, shown.length)
    : '';
  $('councils-body').replaceChildren(...shown.map((r) => el('tr', {},
    el('th', { scope: 'row' }, r.cells[0]),
    ...r.cells.slice(1).map((c, i) => el('td', { class: i > 1 ? 'num' : '' }, c)))));
}

/** Appraises every council, a few at a time; with `draws`, simulates each too. @param {number | null} draws */
function appraiseAll(draws) {
  const run = ++state.run;
  const total = analysis.councilCount();
  /** @type {CouncilRow[]} */
  const rows = [];
  const seed = page.simulationDefaults().seed;
  const book = new analysis.CouncilBook();
  let from = 0;
  const slice = () => {
    if (run !== state.run) {
      book.free();
      return;
    }
    const to = Math.min(from + (draws ? 2 : COUNCILS_PER_SLICE), total);
    rows.push(...book.add(state.scenario, from, to, draws ?? undefined, draws ? seed : undefined));
    from = to;
    $('progress').textContent = `Appraised ${from} of ${total} councils${draws ? `, ${page.formatCount(draws)} futures each` : ''}…`;
    if (from < total) {
      setTimeout(slice, 0);
      return;
    }
    state.rows = rows;
    state.book?.free();
    state.book = book;
    renderModels();
    renderBody();
    showMap();
    $('progress').textContent = `Appraised all ${total} councils${draws ? `; the chance each council is better off from ${page.formatCount(draws)} simulated futures, seed ${seed}` : ''}.`;
    document.documentElement.dataset.ready = 'true';
  };
  slice();
}

/** The model filter: every model the rows have, by the name the engine gives it. */
function renderModels() {
  const filter = /** @type {HTMLSelectElement} */ ($('model-filter'));
  if (filter.options.length) return;
  const models = new Map(state.rows.map((r) => [r.programme, r.cells[2]]));
  filter.replaceChildren(el('option', { value: ALL }, 'All models'),
    ...[...models].map(([key, name]) => el('option', { value: key }, name)));
}

/** The map of the model in view (the first, when every model is) and the measure picked. */
function showMap() {
  if (!state.book) return;
  const programme = state.model === ALL ? state.rows[0]?.programme : state.model;
  if (!programme) return;
  const measure = /** @type {HTMLSelectElement} */ ($('map-measure')).value || 'council_npv';
  renderMap(analysis, state.book, state.scenario, programme, measure);
}

/** @param {Event} event */
function onSort(event) {
  const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('button[data-column]'));
  if (!button) return;
  const column = Number(button.dataset.column);
  state.ascending = column === state.sortColumn ? !state.ascending : column < 3;
  state.sortColumn = column;
  renderHead();
  renderBody();
  /** @type {HTMLElement} */ ($('councils-head').querySelector(`button[data-column="${column}"]`)).focus();
}

async function main() {
  await Promise.all([initPage(), initAnalysis()]);
  const { scenario, said } = await template();
  state.scenario = scenario;
  state.columns = analysis.councilColumns();
  const provenance = analysis.provenance();
  $('template').textContent = `${said} Council statistics: ${provenance.statistics}.`;
  $('licence').textContent = `${provenance.licence}.`;
  const draws = page.simulationDefaults().comparison_draws;
  $('simulate').textContent = `Add the chance each council is better off (${page.formatCount(draws)} simulated futures each)`;
  $('controls').hidden = false;
  renderHead();
  $('councils-head').addEventListener('click', onSort);
  $('model-filter').addEventListener('change', (e) => {
    state.model = /** @type {HTMLSelectElement} */ (e.target).value;
    renderBody();
    showMap();
  });
  $('map-measure').addEventListener('change', showMap);
  $('council-search').addEventListener('input', (e) => {
    state.search = /** @type {HTMLInputElement} */ (e.target).value;
    renderBody();
  });
  $('download-councils-csv').addEventListener('click', () => {
    if (!state.book) return;
    download(fileName('csv'), state.book.csv(shownRows().map((r) => `${r.code} ${r.programme}`)), 'text/csv;charset=utf-8');
  });
  $('download-councils-xlsx').addEventListener('click', async () => {
    const workbook = await import('./pkg/sfpc_workbook.js');
    await workbook.default();
    const rows = shownRows().map((r) => r.sort.map((x, /** @type {number} */ i) => (typeof x === 'number' ? x : r.cells[i])));
    download(fileName('xlsx'), /** @type {Uint8Array<ArrayBuffer>} */ (workbook.tableWorkbook('Councils', state.columns, rows)),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
  $('simulate').addEventListener('click', () => appraiseAll(draws));
  appraiseAll(null);
}

main().catch((e) => {
  console.error(e);
  $('template').textContent = 'This page could not start: your browser may not support WebAssembly.';
});
