// The calculator page. JavaScript owns the page (events, DOM, canvas sizing);
// the Rust engine (./pkg/sfpc.js, built from src/web.rs) owns every number,
// every sentence about a number, and the drawing.
//
// State: `state.text` keeps exactly what the user typed, by scenario path, so
// nothing typed is lost; the scenario sent to the engine is rebuilt from it on
// every input. The last valid result stays on screen, marked out of date,
// while the input has errors.

import init, * as engine from './pkg/sfpc.js';

const COMPARE = 'compare';
const SETTINGS = [
  { path: 'council', label: 'Council name', hint: 'Shown on the results and printouts.', kind: 'text' },
  { path: 'price_year', label: 'Price year', hint: 'The financial year your money figures are in, such as 2024-25.', kind: 'text' },
  { path: 'appraisal.horizon_years' },
  { path: 'appraisal.discount_rate' },
];

const state = {
  view: 'family_valued',
  base: null, // the scenario that typed text applies to (the defaults)
  table: [], // the engine's defaults table
  text: new Map(), // path -> exactly what the user typed
  report: null, // last valid engine Report (freed when replaced)
  result: null, // its result as JSON
  errors: [],
  firstChartDrawn: false,
};

// ---- small DOM helpers: text is always set as text, never parsed as HTML ----

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children) node.append(child);
  return node;
}

const $ = (id) => document.getElementById(id);
const fieldId = (path) => 'f-' + path.replace(/[^a-z0-9_]+/gi, '-');

// ---- scenario paths ----

function getAt(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setAt(obj, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  const parent = keys.reduce((o, k) => o[k], obj);
  parent[last] = value;
}

/** The form field an engine error belongs to: `a.b.value` and `a.b[2]` are `a.b`'s. */
function fieldPathOf(errorPath) {
  return errorPath.replace(/\[\d+\]$/, '').replace(/\.(value|low|high)$/, '');
}

// ---- text <-> scenario values ----

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number from what was typed ("£1,200", "60%"), or the text itself for the engine to report. */
function parseNumber(text) {
  const t = text.trim().replace(/[£,\s]/g, '');
  const percent = t.endsWith('%');
  const digits = percent ? t.slice(0, -1) : t;
  if (!NUMBER.test(digits)) return text;
  const n = Number(digits);
  return percent ? n / 100 : n;
}

/** List entries are separated by semicolons, or commas followed by a space (so "1,200" stays one number). */
function parseList(text) {
  return text.split(/\s*;\s*|,\s+|\s+/).filter((t) => t !== '').map(parseNumber);
}

function textOf(value) {
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object') return String(value.value);
  return String(value);
}

/**
 * The scenario value for typed text. A ranged parameter keeps the range from
 * the defaults, widened to include the typed value: the range shown beside the
 * field says so, and the uncertainty analysis will let it be edited.
 */
function valueFor(path, text) {
  const current = getAt(state.base, path);
  if (typeof current === 'string') return text;
  if (Array.isArray(current)) return parseList(text);
  const n = parseNumber(text);
  if (current && typeof current === 'object') {
    if (typeof n !== 'number') return { ...current, value: n };
    return { value: n, low: Math.min(current.low, n), high: Math.max(current.high, n) };
  }
  return n;
}

function buildScenario() {
  const scenario = structuredClone(state.base);
  for (const [path, text] of state.text) setAt(scenario, path, valueFor(path, text));
  return scenario;
}

// ---- the form ----

function sourceDetails(row) {
  const details = el('details', { class: 'source' });
  details.append(
    el('summary', {}, 'Source'),
    el('p', {},
      el('strong', { class: `basis basis-${row.basis}` }, row.basis), ' · ',
      `price year: ${row.price_year}`),
    el('p', {}, row.source),
  );
  return details;
}

function rangeText(path) {
  const value = valueFor(path, state.text.get(path));
  if (!value || typeof value !== 'object' || typeof value.value !== 'number') return '';
  return `Range for uncertainty: ${value.low} to ${value.high}`;
}

function field(spec) {
  const { path } = spec;
  const row = state.table.find((r) => r.path === path);
  const label = spec.label ?? row.label;
  const hint = spec.hint ?? `${row.hint} Unit: ${row.unit}.`;
  const id = fieldId(path);
  const isText = spec.kind === 'text';
  const input = el('input', {
    id, name: path, type: 'text', class: 'input',
    inputmode: isText || Array.isArray(row?.value) ? 'text' : 'decimal',
    autocomplete: isText && path === 'council' ? 'organization' : 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-hint`,
    'data-path': path,
  });
  input.value = state.text.get(path);
  const wrap = el('div', { class: 'field', id: `${id}-field` },
    el('label', { for: id }, label),
    el('p', { class: 'hint', id: `${id}-hint` }, hint),
    el('p', { class: 'error-message', id: `${id}-error`, hidden: true }),
    input);
  if (row && !Array.isArray(row.value) && row.low !== row.high) {
    wrap.append(el('p', { class: 'range', id: `${id}-range` }, rangeText(path)));
  }
  if (row) wrap.append(sourceDetails(row));
  return wrap;
}

function programmeFieldset(key) {
  const prefix = `programmes.${key}.`;
  const name = state.result?.programmes?.[key]?.name ?? key;
  const fieldset = el('fieldset', { class: 'programme', id: `fieldset-${key}` },
    el('legend', {}, `${name}: your figures`));
  for (const row of state.table.filter((r) => r.path.startsWith(prefix))) {
    fieldset.append(field({ path: row.path }));
  }
  return fieldset;
}

function renderForm() {
  const settings = $('settings-fields');
  settings.replaceChildren(...SETTINGS.map(field));
  const keys = state.view === COMPARE ? programmeKeys() : [state.view];
  $('programme-fields').replaceChildren(...keys.map(programmeFieldset));
  showFieldErrors();
}

function programmeKeys() {
  return Object.keys(state.base.programmes);
}

function renderViewChoices() {
  const choices = programmeKeys().map((key) => {
    const p = state.result.programmes[key];
    return { key, name: p.name, note: `${p.innovator}` };
  });
  choices.push({ key: COMPARE, name: 'Compare all three', note: 'side by side' });
  $('view-choices').replaceChildren(...choices.map(({ key, name, note }) => {
    const id = `view-${key}`;
    const input = el('input', { type: 'radio', name: 'view', id, value: key, checked: key === state.view });
    return el('div', { class: 'radio' }, input,
      el('label', { for: id }, name, el('span', { class: 'radio-note' }, ` (${note})`)));
  }));
}

// ---- errors ----

function labelFor(path) {
  const spec = SETTINGS.find((s) => s.path === path);
  const row = state.table.find((r) => r.path === path);
  const label = spec?.label ?? row?.label ?? path;
  const programme = path.match(/^programmes\.([a-z_]+)\./)?.[1];
  const name = programme && state.result?.programmes?.[programme]?.name;
  return name && state.view === COMPARE ? `${name}: ${label}` : label;
}

/**
 * One message per field: a typed value outside its range widens the range
 * (see valueFor), so the engine may report the same problem for `value` and
 * `high`; the user typed one thing and sees one message.
 */
function uniqueByField(errors) {
  const seen = new Set();
  return errors.filter((e) => {
    const key = `${fieldPathOf(e.path)}\u0000${e.message}`;
    return !seen.has(key) && seen.add(key);
  });
}

function showErrors() {
  const list = $('error-list');
  list.replaceChildren(...state.errors.map((e) => {
    const path = fieldPathOf(e.path);
    const link = el('a', { href: `#${fieldId(path)}`, 'data-path': path }, `${labelFor(path)}: ${e.message}`);
    return el('li', {}, link);
  }));
  $('error-summary').hidden = state.errors.length === 0;
  showFieldErrors();
}

function showFieldErrors() {
  const byField = new Map();
  for (const e of state.errors) {
    const path = fieldPathOf(e.path);
    byField.set(path, [...(byField.get(path) ?? []), e.message]);
  }
  for (const input of document.querySelectorAll('#calculator input[data-path]')) {
    const path = input.dataset.path;
    const id = fieldId(path);
    const messages = byField.get(path);
    const message = $(`${id}-error`);
    message.hidden = !messages;
    message.textContent = messages ? `Error: ${messages.join('; ')}` : '';
    $(`${id}-field`).classList.toggle('field-error', Boolean(messages));
    input.setAttribute('aria-invalid', messages ? 'true' : 'false');
    input.setAttribute('aria-describedby', messages ? `${id}-hint ${id}-error` : `${id}-hint`);
    const range = $(`${id}-range`);
    if (range) range.textContent = rangeText(path);
  }
}

/** A summary link to a field on another view switches to that view first. */
function followErrorLink(event) {
  const link = event.target.closest('a[data-path]');
  if (!link) return;
  event.preventDefault();
  const path = link.dataset.path;
  const programme = path.match(/^programmes\.([a-z_]+)\./)?.[1];
  if (programme && state.view !== COMPARE && state.view !== programme) {
    state.view = programme;
    renderViewChoices();
    renderForm();
    renderResults();
    drawCharts();
  }
  $(fieldId(path))?.focus();
}

// ---- results ----

function money(x) {
  return engine.formatGbp(x);
}

function table(id, captionText, headings, rows) {
  const t = $(id);
  const head = el('thead', {}, el('tr', {}, ...headings.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '' }, h))));
  const body = el('tbody', {}, ...rows.map((cells) => el('tr', {},
    el('th', { scope: 'row' }, cells[0]),
    ...cells.slice(1).map((c) => el('td', { class: 'num' }, c)))));
  t.replaceChildren(el('caption', { id: id.replace('table', 'caption') }, captionText), head, body);
}

function renderHeadlines(programme) {
  const cards = programme.headlines.map((h) => el('div', { class: `headline headline-${h.key}` },
    el('dt', {}, h.label),
    el('dd', { class: 'figure' }, h.figure),
    el('dd', { class: 'reading' }, h.reading)));
  $('headlines').replaceChildren(el('dl', {}, ...cards));
}

function renderProgramme(programme) {
  const years = programme.years;
  renderHeadlines(programme);
  $('flows-title').textContent = `${programme.name}: costs, grant and savings by year`;
  $('flows-summary').textContent = programme.summaries.yearly_flows;
  table('flows-table', `${programme.name}: costs, grant and savings by year (not discounted)`,
    ['Year', 'Savings to the council', 'Grant', 'Costs', 'Council net', 'Police and NHS savings'],
    years.map((y) => [`Year ${y.year + 1}`, money(y.benefits_gbp), money(y.grant_gbp), money(y.costs_gbp),
      money(y.council_net_gbp), money(y.partner_benefits_gbp)]));
  $('cumulative-title').textContent = `${programme.name}: the council's cumulative net position`;
  $('cumulative-summary').textContent = programme.summaries.cumulative_net;
  table('cumulative-table', `${programme.name}: cumulative council net position at the end of each year`,
    ['End of year', 'Cumulative council net', 'Discounted (net present value to date)'],
    years.map((y) => [`Year ${y.year + 1}`, money(y.cumulative_council_net_gbp),
      money(y.cumulative_discounted_council_net_gbp)]));
}

function renderComparison(result) {
  const programmes = Object.values(result.programmes);
  $('comparison-summary').textContent = result.comparison_summary;
  const headings = programmes[0]?.headlines.map((h) => h.label) ?? [];
  table('comparison-table', 'Headline results for each model', ['Model', ...headings],
    programmes.map((p) => [p.name, ...p.headlines.map((h) => h.figure)]));
}

function renderResults() {
  const result = state.result;
  const compare = state.view === COMPARE;
  $('results-context').textContent =
    `${result.council}: ${result.horizon_years}-year appraisal, ${result.price_year} prices, discounted at ${
      (result.discount_rate * 100).toFixed(1)}% a year.`;
  $('programme-charts').hidden = compare;
  if (compare) {
    $('headlines').replaceChildren();
  } else {
    renderProgramme(result.programmes[state.view]);
  }
  renderComparison(result);
}

// ---- charts ----

/** Sizes a canvas's pixels to its CSS box × devicePixelRatio; false if it is not shown. */
function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const box = canvas.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  const width = Math.round(box.width * ratio);
  const height = Math.round(box.height * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  return true;
}

function draw(canvasId, drawFn) {
  const canvas = $(canvasId);
  if (!fitCanvas(canvas)) return;
  try {
    drawFn(canvas, window.devicePixelRatio || 1);
  } catch (e) {
    console.error(`could not draw ${canvasId}:`, e);
  }
}

function drawCharts() {
  const report = state.report;
  if (!report) return;
  if (state.view !== COMPARE) {
    draw('flows-chart', (c, r) => engine.drawYearlyFlows(c, report, state.view, r));
    draw('cumulative-chart', (c, r) => engine.drawCumulativeNet(c, report, state.view, r));
  }
  draw('comparison-chart', (c, r) => engine.drawComparison(c, report, r));
  if (!state.firstChartDrawn) {
    state.firstChartDrawn = true;
    performance.mark('sfpc:first-chart');
  }
}

// ---- the update cycle ----

/** Evaluates the typed scenario; redraws on success, keeps the last result on error. */
function update() {
  let report;
  try {
    report = engine.evaluate(buildScenario());
  } catch (errors) {
    state.errors = uniqueByField(Array.isArray(errors) ? errors : [{ path: 'scenario', message: String(errors) }]);
    showErrors();
    markStale(true);
    return false;
  }
  state.errors = [];
  showErrors();
  markStale(false);
  state.report?.free();
  state.report = report;
  state.result = report.result();
  renderResults();
  drawCharts();
  return true;
}

function markStale(stale) {
  $('stale').hidden = !stale;
  $('results').classList.toggle('is-stale', stale);
}

let announceTimer = 0;
function announce() {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    const p = state.result?.programmes?.[state.view];
    $('status').textContent = state.errors.length
      ? `${state.errors.length} problem${state.errors.length > 1 ? 's' : ''} with the figures; results not updated.`
      : p ? `Results updated. ${p.headlines[0].label}: ${p.headlines[0].figure}.` : 'Results updated.';
  }, 800);
}

/** Timing of the last input handled, for the benchmark and tests. */
const timing = { updates: 0, lastMs: 0 };
window.sfpcTiming = timing;

function onInput(event) {
  const input = event.target.closest('input[data-path]');
  if (!input) return;
  // From the event's own time stamp, so time spent queued counts too.
  const started = Math.min(event.timeStamp || Infinity, performance.now());
  state.text.set(input.dataset.path, input.value);
  update();
  timing.lastMs = performance.now() - started;
  timing.updates += 1;
  document.dispatchEvent(new CustomEvent('sfpc:updated', { detail: { ms: timing.lastMs } }));
  announce();
}

function onViewChange(event) {
  if (event.target.name !== 'view') return;
  state.view = event.target.value;
  renderForm();
  renderResults();
  drawCharts();
}

function resetAll() {
  state.text = new Map(allPaths().map((p) => [p, textOf(getAt(state.base, p))]));
  renderForm();
  update();
  $('status').textContent = 'All figures reset to the defaults.';
}

function allPaths() {
  return [...SETTINGS.map((s) => s.path), ...state.table.filter((r) => r.path.startsWith('programmes.')).map((r) => r.path)];
}

function renderSources() {
  const names = state.result.programmes;
  const group = (path) => {
    const key = path.match(/^programmes\.([a-z_]+)\./)?.[1];
    return key ? names[key].name : 'Appraisal';
  };
  const range = (r) => (Array.isArray(r.value) || r.low === r.high ? '' : `${r.low} to ${r.high}`);
  const value = (r) => (Array.isArray(r.value) ? r.value.join(', ') : String(r.value));
  table('sources-table', 'Every default the calculator starts from',
    ['Parameter', 'Model', 'Value', 'Range', 'Unit', 'Price year', 'Basis', 'Source'],
    state.table.map((r) => [r.label, group(r.path), value(r), range(r), r.unit, r.price_year, r.basis, r.source]));
  $('sources').hidden = false;
}

let resizeFrame = 0;
function onResize() {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(drawCharts);
}

async function main() {
  await init();
  $('engine-version').textContent = engine.engineVersion();
  state.base = engine.defaultScenario();
  state.table = engine.defaultsTable();
  state.text = new Map(allPaths().map((p) => [p, textOf(getAt(state.base, p))]));
  state.report = engine.evaluate(state.base);
  state.result = state.report.result();
  renderViewChoices();
  renderForm();
  renderSources();
  $('loading').hidden = true;
  $('calculator').hidden = false;
  renderResults();
  drawCharts();

  const form = $('calculator');
  form.addEventListener('input', onInput);
  form.addEventListener('change', onViewChange);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('reset').addEventListener('click', resetAll);
  $('error-summary').addEventListener('click', followErrorLink);
  new ResizeObserver(onResize).observe($('results'));
  window.addEventListener('beforeprint', drawCharts);
  document.documentElement.dataset.ready = 'true';
}

main().catch((e) => {
  console.error(e);
  $('loading').textContent = 'The calculator could not start: your browser may not support WebAssembly.';
});
