// The calculator: one instance per call of `mountCalculator`, inside the page
// (app.js), an <sfpc-calculator> element's shadow root (sfpc-calculator.js)
// or the iframe embed (embed.js). JavaScript owns the page (events, DOM,
// canvas sizing, scheduling); the Rust engine (./pkg/sfpc.js, built from
// src/web.rs) owns every number, every sentence about a number, and the
// drawing. Instances share the engine and nothing else.
//
// State: `state.text` keeps exactly what the user typed, by path, so nothing
// typed is lost; the scenario sent to the engine is rebuilt from it on every
// input. While the input has errors the last valid results stay on screen,
// marked out of date.

import init, * as engine from './pkg/sfpc.js';
import { CALCULATOR_HTML } from './markup.js';
import { el, fieldId, download } from './dom.js';
import { field, programmeFieldset, showGroupReadings, revealField, setTexts, toThePenny } from './form.js';
import { councilFrom, noteFor, restatePrices, withCouncil } from './figures.js';
import {
  getAt, setAt, fieldPathOf, parseNumber, parseList, textAt, describeErrors,
} from './scenario-text.js';
import { LinkError, linkFragment, scenarioFromLink } from './links.js';

const COMPARE = 'compare';
const SETTINGS = [
  { path: 'council', label: 'Council', hint: "Type to find your council and use its published statistics (DfE, children looked after), or type any name and enter your own figures. Shown on the results and printouts.", kind: 'text' },
  { path: 'price_year', label: 'Price year', hint: "The financial year your money figures are in, such as 2024-25. Changing it restates every money default you have not changed, with HM Treasury's GDP deflators.", kind: 'text' },
  { path: 'appraisal.horizon_years' },
  { path: 'appraisal.discount_rate' },
];
const SIMULATION = [
  { path: 'simulation.draws', label: 'Simulated futures', hintFrom: 'draws_hint', kind: 'whole' }, // the engine's hint (simulationDefaults)
  { path: 'simulation.seed', label: 'Seed', hint: 'The same seed gives the same results.', kind: 'whole' },
];

const programmeOf = (path) => path.match(/^programmes\.([a-z_]+)\./)?.[1];

/**
 * A scenario from a file's or a link's text, validated by the engine; throws
 * every `{ path, message }`, a JSON syntax error as the engine would word it.
 */
function scenarioFromText(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw [{ path: 'scenario', message: `is not valid JSON: ${e.message}` }];
  }
  return engine.normaliseScenario(value);
}

let engineLoaded = null;

/** Loads the engine once per page, however many calculators the page holds. */
export function loadEngine() {
  engineLoaded ??= init();
  return engineLoaded;
}

/** A function that imports and starts one of the engine's later modules, once per page. */
function loadOnce(importModule) {
  let loaded = null;
  return () => {
    loaded ??= importModule().then(async (module) => {
      await module.default();
      return module;
    });
    return loaded;
  };
}

/**
 * The analysis module (pkg/sfpc_analysis.js: the uncertainty analysis,
 * comparisons, councils and evidence sets). It is not needed for the first
 * view, so the page asks for it only after drawing its first chart.
 */
export const loadAnalysis = loadOnce(() => import('./pkg/sfpc_analysis.js'));

/** The workbook module (pkg/sfpc_workbook.js: the Excel workbook and the audit pack), when one is asked for. */
export const loadWorkbook = loadOnce(() => import('./pkg/sfpc_workbook.js'));

/**
 * Builds a calculator in `container`, which lies in `root` (the document, or
 * a shadow root). Options:
 * - `address`: the calculator owns the page's address (permalinks, timing);
 * - `linkPage`: the page that links made here open (default: this page);
 * - `programme`: the model to show first (`no-wrong-door` or `no_wrong_door`);
 * - `scenarioUrl`: a scenario file (format 1 or 2) to start from;
 * - `events`: where `sfpc:updated` and `sfpc:simulated` are sent;
 * - `workers`: how many Web Workers simulate (default: one a core).
 * Resolves to `{ destroy }`, which stops its workers (a later run starts them again).
 */
export async function mountCalculator(root, container, options = {}) {
  container.innerHTML = CALCULATOR_HTML;
  const $ = (id) => root.getElementById(id);
  const events = options.events ?? document;
  const linkPage = options.linkPage ?? location.href.split('#')[0];
  /** The analysis module, once loaded (see loadAnalysis). */
  let analysis = null;
  /** The uncertainty analysis's Web Workers and how a run uses them (simulation-pool.js), loaded with it. */
  let pool = null;
  let runChunks = null;
  /** The page's modules that need it, loaded with it: the council picker, the evidence sets' panel, the saved scenarios. */
  let later = null;
  let analysisPromise = null;
  const analysisModule = () => {
    analysisPromise ??= Promise.all([loadAnalysis(), import('./council-picker.js'), import('./evidence-panel.js'),
      import('./saved-scenarios.js'), import('./simulation-pool.js')])
      .then(([module, picker, { evidencePanel }, { savedScenarios }, { SimulationPool, runChunks: run }]) => {
        analysis = module;
        pool = new SimulationPool(options.workers);
        runChunks = run;
        later = { picker, panel: evidencePanel(panelContext()), saved: savedScenarios(savedContext()) };
        onAnalysisLoaded();
        return module;
      });
    return analysisPromise;
  };
  const state = {
    view: 'family_valued',
    base: null, // the scenario that typed text applies to (the defaults)
    table: [], // the engine's defaults table
    simDefaults: null,
    streams: {}, // each programme's benefit streams (engine.streams())
    text: new Map(), // path -> exactly what the user typed, or the engine set
    typed: new Set(), // paths whose text the user typed (not the engine's)
    money: new Set(), // paths of money figures (shown to the penny unless typed)
    moneyText: null, // the engine's text for money to the penny (formatMoneyInput)
    council: null, // the council picked: { code, name, release, summary, notes }
    councils: null, // the picker's list, once the analysis module is loaded
    pageErrors: [], // errors the page finds itself (a price year it cannot restate into)
    priceNote: '', // what the last change of price year restated
    staffLines: new Map(), // programme -> how many staff lines it has
    excluded: new Map(), // programme -> Set of the streams not counted
    openGroups: new Set(), // ids of the form's groups that are open
    report: null, // last valid engine Report (freed when replaced)
    result: null, // its result as JSON
    errors: [],
    run: null, // the simulation under way, if any
    runToken: 0, // bumped to cancel the run under way
    uReport: null, // last finished UncertaintyReport
    uResult: null,
    uReportFor: null, // { report, view } that uReport was simulated for
    firstChartDrawn: false,
  };

  /** The defaults table's row for a path. */
  const rowOf = (path) => state.table.find((r) => r.path === path);

  /**
   * The scenario value for a field from what was typed. A parameter with a
   * range sends `{ value, low, high }`; a blank low or high means "the same as
   * the value", and with both blank the parameter is a plain number.
   */
  function valueFor(path) {
    const text = state.text.get(path) ?? '';
    if (typeof getAt(state.base, path) === 'string') return text;
    const shape = rowOf(path)?.shape;
    if (shape === 'list') return parseList(text);
    const value = parseNumber(text);
    if (shape !== 'ranged') return value;
    const bound = (end) => {
      const t = state.text.get(`${path}.${end}`) ?? '';
      return t.trim() === '' ? value : parseNumber(t);
    };
    const low = bound('low');
    const high = bound('high');
    return low === value && high === value ? value : { value, low, high };
  }

  /** Parameters that may carry a range. */
  const isParameter = (path) => rowOf(path)?.shape === 'ranged';

  /** A programme's staff lines from what was typed. */
  function staffFor(key) {
    const lines = [];
    for (let i = 0; i < (state.staffLines.get(key) ?? 0); i++) {
      const at = (prop) => state.text.get(`programmes.${key}.staff[${i}].${prop}`) ?? '';
      lines.push({ role: at('role'), fte: parseNumber(at('fte')), cost_per_fte_gbp: parseNumber(at('cost_per_fte_gbp')) });
    }
    return lines;
  }

  function buildScenario() {
    const scenario = structuredClone(state.base);
    for (const path of scenarioPaths()) setAt(scenario, path, valueFor(path));
    for (const key of programmeKeys()) {
      scenario.programmes[key].staff = staffFor(key);
      scenario.programmes[key].excluded_streams = [...(state.excluded.get(key) ?? [])];
    }
    return withCouncil(state, scenario);
  }

  // ---- figures the page sets: a council's statistics, evidence sets, restated prices ----

  const figuresContext = {
    state,
    engine,
    analysisModule: () => analysisModule(),
    setTexts: (texts) => setTexts(root, state, texts),
    figurePaths: () => scenarioPaths().filter((path) => programmeOf(path)),
  };

  /** A new price year: the untouched money defaults are restated into it, or it is an error. */
  function onPriceYear(text) {
    const before = state.base.price_year;
    const outcome = restatePrices(figuresContext, text);
    state.pageErrors = outcome.errors ?? [];
    if (!outcome.restated) return;
    state.priceNote = `${outcome.restated} default figure${outcome.restated === 1 ? '' : 's'} restated from ${before} into ${state.base.price_year} prices.`;
    renderSources();
    showFieldNotes();
  }

  /** The statistics' note beside each field they set or left at its default, and the price year's. */
  function showFieldNotes() {
    for (const p of root.querySelectorAll('#calculator [data-note-for]')) {
      const path = p.dataset.noteFor;
      const text = path === 'price_year' ? state.priceNote : noteFor(state, path);
      p.textContent = text;
      p.hidden = !text;
    }
  }

  /** The council field becomes the council picker, once its module and the councils' list are loaded. */
  function makeCouncilPicker() {
    const input = $('f-council');
    if (!input || !later) return;
    later.picker.attachCouncilPicker(input, {
      councils: () => state.councils ?? [],
      picked: () => state.council,
      onPick: (council) => {
        const said = later.picker.pickCouncil(figuresContext, analysis, council);
        showFieldNotes();
        update();
        $('status').textContent = said;
      },
    });
  }

  /** What the evidence sets' panel works with (evidence-panel.js). */
  const panelContext = () => ({
    state, $, analysis, update,
    table: textTable,
    setTexts: figuresContext.setTexts,
    isCompare: () => state.view === COMPARE,
  });

  /** What waits for the analysis module: the councils' list and picker, a named council's notes, the sources' credits. */
  function onAnalysisLoaded() {
    state.councils = analysis.councils();
    later.picker.restoreNotes(figuresContext, analysis);
    makeCouncilPicker();
    showFieldNotes();
    const provenance = analysis.provenance();
    $('deflator-source').textContent = provenance.deflators;
    $('licence').textContent = `Council statistics: ${provenance.statistics}. ${provenance.licence}.`;
    if (state.report && !state.errors.length) later.panel.schedule(state.report.scenario());
    later.saved.load();
    later.saved.render();
  }

  /** A scenario's price year, where the deflators cover it, becomes the defaults' (so later changes restate from it). */
  function rebase(priceYear) {
    if (priceYear === state.base.price_year) return;
    try {
      state.base = engine.defaultScenario(priceYear);
      state.table = engine.defaultsTable(priceYear);
    } catch {
      showNotice(`These figures are in ${priceYear} prices, a year HM Treasury's deflators do not cover: they are used as given, and the defaults cannot be restated into it.`);
    }
  }

  // ---- the form ----

  const formContext = () => ({ state, table: state.table, streams: state.streams });

  /** A setting's field: from SETTINGS and SIMULATION, with the table's row where it has one. */
  const settingField = (spec) => field(state, spec, rowOf(spec.path));

  function renderForm() {
    $('settings-fields').replaceChildren(...SETTINGS.map(settingField));
    makeCouncilPicker();
    const keys = state.view === COMPARE ? programmeKeys() : [state.view];
    const name = (key) => state.result?.programmes?.[key]?.name ?? key;
    $('programme-fields').replaceChildren(...keys.map((key) => programmeFieldset(formContext(), key, name(key))));
    const withHint = (spec) => (spec.hintFrom ? { ...spec, hint: state.simDefaults[spec.hintFrom] } : spec);
    $('simulation-fields').replaceChildren(...SIMULATION.map(withHint).map(settingField));
    showGroups();
    showFieldNotes();
    showFieldErrors();
  }

  /** Each shown group's total and note, from the last valid result. */
  function showGroups() {
    for (const [key, p] of Object.entries(state.result?.programmes ?? {})) showGroupReadings(root, key, p.group_readings);
  }

  const programmeKeys = () => Object.keys(state.base.programmes);

  /**
   * The model radios. Built once; later only their checked state changes, so
   * a keyboard user choosing with the arrow keys keeps focus on the group.
   */
  function renderViewChoices() {
    const existing = root.querySelectorAll('#view-choices input[name="view"]');
    if (existing.length) {
      for (const radio of existing) radio.checked = radio.value === state.view;
      return;
    }
    const choices = programmeKeys().map((key) => {
      const p = state.result.programmes[key];
      return { key, name: p.name, note: p.innovator };
    });
    choices.push({ key: COMPARE, name: 'Compare all three', note: 'side by side' });
    $('view-choices').replaceChildren(...choices.map(({ key, name, note }) => {
      const id = `view-${key}`;
      return el('div', { class: 'radio' },
        el('input', { type: 'radio', name: 'view', id, value: key, checked: key === state.view }),
        el('label', { for: id }, name, el('span', { class: 'radio-note' }, ` (${note})`)));
    }));
  }

  // ---- errors ----

  function labelFor(path) {
    const spec = [...SETTINGS, ...SIMULATION].find((s) => s.path === path);
    const row = rowOf(path);
    const staff = path.match(/\.staff\[(\d+)\]\.(\w+)$/);
    const staffLabel = staff && `Staff, post ${Number(staff[1]) + 1}: ${{ role: 'role', fte: 'FTE', cost_per_fte_gbp: '£ per FTE a year' }[staff[2]] ?? staff[2]}`;
    const label = spec?.label ?? row?.label ?? staffLabel ?? path;
    const name = state.result?.programmes?.[programmeOf(path)]?.name;
    return name && state.view === COMPARE ? `${name}: ${label}` : label;
  }

  /** The message, saying which end of a range it is about. */
  function messageOf(e) {
    const end = e.path.match(/\.(low|high)$/)?.[1];
    return end ? `${end} ${e.message}` : e.message;
  }

  /**
   * One message per field and problem: a typed value can fail the same rule at
   * `value` and at `low` or `high` (blank bounds follow the value).
   */
  function uniqueByField(errors) {
    const seen = new Set();
    return errors.filter((e) => {
      const key = `${fieldPathOf(e.path)}\u0000${e.message}`;
      return !seen.has(key) && seen.add(key);
    });
  }

  function showErrors() {
    $('error-list').replaceChildren(...state.errors.map((e) => {
      const path = fieldPathOf(e.path);
      return el('li', {}, el('a', { href: `#${fieldId(path)}`, 'data-path': path }, `${labelFor(path)}: ${messageOf(e)}`));
    }));
    $('error-summary').hidden = state.errors.length === 0;
    showFieldErrors();
  }

  function showFieldErrors() {
    const byField = new Map();
    for (const e of state.errors) {
      const path = fieldPathOf(e.path);
      byField.set(path, [...(byField.get(path) ?? []), messageOf(e)]);
    }
    const exact = new Set(state.errors.map((e) => e.path));
    for (const input of root.querySelectorAll('#calculator input[data-path]')) {
      const path = input.dataset.path;
      const id = fieldId(path);
      if (!input.hasAttribute('data-main')) {
        input.setAttribute('aria-invalid', exact.has(path) ? 'true' : 'false');
        continue;
      }
      const messages = byField.get(path);
      const message = $(`${id}-error`);
      message.hidden = !messages;
      message.textContent = messages ? `Error: ${messages.join('; ')}` : '';
      $(`${id}-field`).classList.toggle('field-error', Boolean(messages));
      input.setAttribute('aria-invalid', messages ? 'true' : 'false');
      const note = $(`${id}-note`);
      const described = [`${id}-hint`, note && !note.hidden && `${id}-note`, messages && `${id}-error`];
      input.setAttribute('aria-describedby', described.filter(Boolean).join(' '));
    }
  }

  /** A summary link to a field on another view switches to that view first. */
  function followErrorLink(event) {
    const link = event.target.closest('a[data-path]');
    if (!link) return;
    event.preventDefault();
    const path = link.dataset.path;
    const programme = programmeOf(path);
    if (programme && state.view !== COMPARE && state.view !== programme) setView(programme);
    revealField($(fieldId(path)));
    $(fieldId(path))?.focus();
  }

  // ---- results ----

  const money = (x) => engine.formatGbp(x);

  function table(id, captionText, headings, rows) {
    const head = el('thead', {}, el('tr', {}, ...headings.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '' }, h))));
    const body = el('tbody', {}, ...rows.map((cells) => el('tr', {},
      el('th', { scope: 'row' }, cells[0]),
      ...cells.slice(1).map((c) => el('td', { class: 'num' }, c)))));
    $(id).replaceChildren(el('caption', { id: id.replace('table', 'caption') }, captionText), head, body);
  }

  function cards(containerId, items) {
    $(containerId).replaceChildren(el('dl', {}, ...items.map((h) => el('div', { class: `headline headline-${h.key}` },
      el('dt', {}, h.label), el('dd', { class: 'figure' }, h.figure), el('dd', { class: 'reading' }, h.reading)))));
  }

  /** A table the engine wrote as display text (`{ headings, rows }`). */
  const textTable = (id, caption, t) => table(id, caption, t.headings, t.rows);

  function renderProgramme(programme) {
    const years = programme.years;
    cards('headlines', programme.headlines);
    textTable('streams-table', `${programme.name}: each saving, who benefits and what it is worth`, programme.streams_table);
    $('flows-title').textContent = `${programme.name}: costs, grant and savings by year`;
    $('flows-summary').textContent = programme.summaries.yearly_flows;
    const counted = programme.streams.filter((st) => st.included);
    table('flows-table', `${programme.name}: each saving, the grant and the costs by year (not discounted)`,
      ['Year', ...counted.map((st) => st.label), 'Grant', 'Costs', 'Council net'],
      years.map((y, t) => [`Year ${y.year + 1}`, ...counted.map((st) => money(st.benefits_gbp[t])),
        money(y.grant_gbp), money(y.costs_gbp), money(y.council_net_gbp)]));
    $('who-title').textContent = `${programme.name}: who benefits`;
    $('who-summary').textContent = programme.summaries.who_benefits;
    textTable('who-table', `${programme.name}: discounted savings by who receives them`, programme.payer_table);
    $('cumulative-title').textContent = `${programme.name}: the council's cumulative net position`;
    $('cumulative-summary').textContent = programme.summaries.cumulative_net;
    table('cumulative-table', `${programme.name}: cumulative council net position at the end of each year`,
      ['End of year', 'Cumulative council net', 'Discounted (net present value to date)'],
      years.map((y) => [`Year ${y.year + 1}`, money(y.cumulative_council_net_gbp), money(y.cumulative_discounted_council_net_gbp)]));
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
    $('results-context').textContent = `${result.context}.`;
    $('programme-charts').hidden = compare;
    $('results').classList.toggle('view-compare', compare);
    if (compare) $('headlines').replaceChildren();
    else renderProgramme(result.programmes[state.view]);
    renderComparison(result);
    showGroups();
  }

  // ---- uncertainty results ----

  const prob = (p) => (p === null || p === undefined ? 'n/a' : engine.formatProbability(p));

  function uncertaintyCards(u, horizon) {
    const npv = u.council_npv_gbp;
    return [
      { key: 'p-positive', label: 'Chance the council is better off', figure: prob(u.probability_council_npv_positive),
        reading: 'share of simulated futures with council net present value above £0' },
      { key: 'p-payback', label: `Chance of paying back within ${horizon} years`, figure: prob(u.probability_payback_within_horizon),
        reading: 'share of simulated futures in which the council pays back' },
      { key: 'npv-range', label: 'Council net present value, 9 futures in 10', figure: `${money(npv.p5)} to ${money(npv.p95)}`,
        reading: `median ${money(npv.p50)}` },
      { key: 'p-break-even', label: 'Chance the effect clears break-even', figure: prob(u.break_even.probability_effect_exceeds),
        reading: u.summaries.break_even },
    ];
  }

  function percentileRows(u) {
    const row = (label, q) => [label, money(q.p5), money(q.p10), money(q.p50), money(q.p90), money(q.p95), money(q.mean)];
    return [row('Council net present value', u.council_npv_gbp), row('Public-sector net present value', u.public_npv_gbp)];
  }

  function renderUncertainty() {
    const r = state.uResult;
    if (!r) return;
    const compare = state.view === COMPARE;
    const sim = r.simulation;
    $('sim-audit').textContent = `${engine.formatCount(sim.draws)} simulated futures, seed ${sim.seed}. ${sim.steadiness} ${sim.distribution}; generator ${sim.generator}.`;
    $('uncertainty-charts').hidden = compare;
    $('uncertainty-compare').hidden = !compare;
    const headings = ['', 'P5', 'P10', 'Median', 'P90', 'P95', 'Mean'];
    if (compare) {
      $('uncertainty-headlines').replaceChildren();
      table('percentiles-table', 'Council net present value across simulated futures, each model', headings,
        Object.values(r.programmes).map((u) => percentileRows(u)[0]).map((cells, i) => [Object.values(r.programmes)[i].name, ...cells.slice(1)]));
      table('uncertainty-compare-table', 'How sure: each model',
        ['Model', 'Chance the council is better off', `Chance of paying back within ${r.horizon_years} years`, 'Chance the effect clears break-even'],
        Object.values(r.programmes).map((u) => [u.name, prob(u.probability_council_npv_positive),
          prob(u.probability_payback_within_horizon), prob(u.break_even.probability_effect_exceeds)]));
      return;
    }
    const u = r.programmes[state.view];
    if (!u) return;
    cards('uncertainty-headlines', uncertaintyCards(u, r.horizon_years));
    table('percentiles-table', `${u.name}: net present value across ${engine.formatCount(sim.draws)} simulated futures`, headings, percentileRows(u));
    $('fan-summary').textContent = u.summaries.fan;
    table('fan-table', `${u.name}: cumulative council net position across simulated futures (from ${engine.formatCount(u.fan_draws)} of them)`,
      ['End of year', 'P10 (1 in 10 futures below)', 'Median', 'P90 (1 in 10 futures above)'],
      u.fan.map((f) => [`Year ${f.year + 1}`, money(f.p10_gbp), money(f.p50_gbp), money(f.p90_gbp)]));
    $('histogram-summary').textContent = u.summaries.histogram;
    table('histogram-table', `${u.name}: simulated futures by council net present value`, ['From', 'To', 'Futures'],
      u.histogram.map((b) => [money(b.from_gbp), money(b.to_gbp), engine.formatCount(b.count)]));
    $('tornado-summary').textContent = u.summaries.tornado;
    table('tornado-table', `${u.name}: council net present value with each figure at its low and its high`,
      ['Figure', 'Low', 'High', 'Net present value at low', 'Net present value at high'],
      u.tornado.map((t) => [t.label, t.low_display, t.high_display, money(t.npv_at_low_gbp), money(t.npv_at_high_gbp)]));
    $('break-even-summary').textContent = u.summaries.break_even;
  }

  // ---- charts ----

  /**
   * Each canvas's CSS content size, kept up to date by a ResizeObserver so that
   * drawing never reads layout: a read after the tables change would force the
   * browser to lay out the whole page again, once per chart.
   */
  const canvasSizes = new Map();
  /** The print view scales the screen's drawings: redrawn at print sizes, they would feed back into their size. */
  const printing = matchMedia('print');
  const canvasObserver = new ResizeObserver((entries) => {
    if (printing.matches) return;
    for (const entry of entries) {
      const box = entry.contentBoxSize?.[0];
      canvasSizes.set(entry.target, box ? { width: box.inlineSize, height: box.blockSize } : entry.contentRect);
    }
    onResize();
  });

  /** Sizes a canvas's pixels to its CSS box × devicePixelRatio; false if it is not shown. */
  function fitCanvas(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const box = canvasSizes.get(canvas) ?? { width: canvas.clientWidth, height: canvas.clientHeight };
    if (box.width === 0 || box.height === 0) return false;
    const width = Math.round(box.width * ratio);
    const height = Math.round(box.height * ratio);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    return true;
  }

  /** How to draw the chart on canvas `id` as things stand, or null when it has nothing to show. */
  function drawerFor(id) {
    const { report, uReport, view } = state;
    const single = view !== COMPARE;
    const simulated = uReport && single && state.uResult?.programmes?.[view];
    switch (id) {
      case 'flows-chart': return report && single && ((c, r) => engine.drawYearlyFlows(c, report, view, r));
      case 'cumulative-chart': return report && single && ((c, r) => engine.drawCumulativeNet(c, report, view, r));
      case 'who-chart': return report && single && ((c, r) => engine.drawWhoBenefits(c, report, view, r));
      case 'comparison-chart': return report && ((c, r) => engine.drawComparison(c, report, r));
      case 'fan-chart': return simulated && ((c, r) => analysis.drawFan(c, uReport, view, r));
      case 'histogram-chart': return simulated && ((c, r) => analysis.drawNpvHistogram(c, uReport, view, r));
      case 'tornado-chart': return simulated && ((c, r) => analysis.drawTornado(c, uReport, view, r));
      case 'scenarios-chart': {
        const comparison = later?.saved.comparison();
        return comparison && ((c, r) => analysis.drawScenarioComparison(c, comparison, r));
      }
      default: return null;
    }
  }

  function draw(canvasId) {
    const canvas = $(canvasId);
    const drawFn = drawerFor(canvasId);
    if (!drawFn || !fitCanvas(canvas)) return;
    try {
      drawFn(canvas, window.devicePixelRatio || 1);
    } catch (e) {
      console.error(`could not draw ${canvasId}:`, e);
    }
  }

  function drawCharts() {
    if (!state.report) return;
    for (const id of ['flows-chart', 'cumulative-chart', 'who-chart', 'comparison-chart']) draw(id);
    if (!state.firstChartDrawn) {
      state.firstChartDrawn = true;
      performance.mark('sfpc:first-chart');
    }
  }

  function drawUncertaintyCharts() {
    for (const id of ['fan-chart', 'histogram-chart', 'tornado-chart']) draw(id);
  }

  /** Pixels across a chart's PNG: 17 cm, a report's text width, at 300 dots an inch. */
  const PNG_WIDTH_PX = 2000;

  /** A chart as a PNG at print resolution, drawn afresh (not scaled up from the screen). */
  async function downloadPng(canvasId) {
    const drawFn = drawerFor(canvasId);
    if (!drawFn) return;
    const box = canvasSizes.get($(canvasId));
    const cssWidth = box?.width || 800;
    const cssHeight = box?.height || 400;
    const ratio = PNG_WIDTH_PX / cssWidth;
    const canvas = document.createElement('canvas');
    canvas.width = PNG_WIDTH_PX;
    canvas.height = Math.round(cssHeight * ratio);
    drawFn(canvas, ratio);
    const png = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    download(`sfpc-${canvasId.replace(/-chart$/, '')}.png`, png, 'image/png');
  }

  function addPngButtons() {
    for (const canvas of root.querySelectorAll('figure.chart canvas')) {
      const titleId = canvas.getAttribute('aria-labelledby');
      const button = el('button', { type: 'button', class: 'button secondary small png', 'aria-describedby': titleId },
        'Download this chart (PNG)');
      button.addEventListener('click', () => downloadPng(canvas.id));
      canvas.after(button);
    }
  }

  // ---- save and share ----

  /** A link's fragment for a valid scenario, with the view and the simulation's settings. */
  const fragmentFor = (scenario) => linkFragment(scenario, {
    view: state.view, draws: state.text.get('simulation.draws'), seed: state.text.get('simulation.seed'),
  });

  let linkTimer = 0;
  let linkToken = 0;
  /** Keeps the address up to date with the last valid figures. */
  function scheduleLink(scenario) {
    if (!options.address) return;
    clearTimeout(linkTimer);
    const token = ++linkToken;
    linkTimer = setTimeout(async () => {
      const fragment = await fragmentFor(scenario);
      if (token === linkToken) history.replaceState(null, '', `#${fragment}`);
    }, 200);
  }

  /**
   * Puts a scenario's figures into the form, as text, with its staff lines
   * and the streams it leaves out; paths it lacks keep theirs.
   */
  function applyScenario(scenario) {
    if (scenario.price_year) rebase(scenario.price_year);
    state.typed = new Set();
    state.pageErrors = [];
    state.priceNote = '';
    state.council = councilFrom(scenario);
    if (later) later.picker.restoreNotes(figuresContext, analysis);
    for (const path of scenarioPaths()) {
      if (getAt(scenario, path) === undefined) continue;
      state.text.set(path, textAt(scenario, path));
      if (isParameter(path)) for (const end of ['low', 'high']) state.text.set(`${path}.${end}`, textAt(scenario, `${path}.${end}`));
    }
    for (const [key, p] of Object.entries(scenario.programmes ?? {})) {
      if (p.excluded_streams) state.excluded.set(key, new Set(p.excluded_streams));
      if (!p.staff) continue;
      p.staff.forEach((line, i) => {
        for (const prop of ['role', 'fte', 'cost_per_fte_gbp']) state.text.set(`programmes.${key}.staff[${i}].${prop}`, String(line[prop]));
      });
      state.staffLines.set(key, p.staff.length);
    }
  }

  function showNotice(text) {
    const message = $('link-message');
    message.textContent = text;
    message.hidden = false;
  }

  /** `no-wrong-door` (an attribute) or `no_wrong_door` (a key): the view, if it is one. */
  function viewFrom(name) {
    const key = String(name ?? '').trim().toLowerCase().replace(/-/g, '_');
    return key === COMPARE || programmeKeys().includes(key) ? key : null;
  }

  /** The starting figures: from the address, or the scenario file the embedder names. */
  async function restoreStart() {
    if (options.programme) {
      const view = viewFrom(options.programme);
      if (view) state.view = view;
      else showNotice(`"${options.programme}" is not one of the models, so the calculator starts with ${state.result?.programmes?.[state.view]?.name ?? 'the first'}.`);
    }
    if (options.address) await restoreFromLink(location.hash.slice(1));
    else if (options.scenarioUrl) await restoreFromFile(options.scenarioUrl);
  }

  async function restoreFromFile(url) {
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      applyScenario(scenarioFromText(await response.text()));
    } catch (e) {
      const why = Array.isArray(e) ? describeErrors(e) : e.message;
      useDefaults();
      showNotice(`The starting figures could not be read (${why}). The calculator shows the default figures instead.`);
    }
  }

  async function restoreFromLink(hash) {
    try {
      const link = await scenarioFromLink(hash, scenarioFromText);
      if (!link) return;
      applyScenario(link.scenario);
      state.view = viewFrom(link.params.get('view')) ?? state.view;
      for (const key of ['draws', 'seed']) {
        const value = link.params.get(key);
        if (value !== null) state.text.set(`simulation.${key}`, value);
      }
    } catch (e) {
      if (!(e instanceof LinkError)) throw e;
      useDefaults();
      showNotice(`This link could not be opened: ${e.message}. The calculator shows the default figures instead.`);
    }
  }

  function shareStatus(...content) {
    $('share-status').replaceChildren(...content);
  }

  /** Copies a link to the calculator page with these figures (this page, unless embedded). */
  async function copyLink() {
    if (!state.report) return;
    clearTimeout(linkTimer);
    const fragment = await fragmentFor(state.report.scenario());
    if (options.address) history.replaceState(null, '', `#${fragment}`);
    const url = `${linkPage}#${fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      shareStatus('Link copied.');
    } catch {
      shareStatus('Copy this link: ', el('a', { href: url }, 'link to these figures'));
    }
  }

  async function openFile(event) {
    const file = event.target.files?.[0];
    if (!file) return;
    let scenario;
    try {
      scenario = scenarioFromText(await file.text());
    } catch (errors) {
      const list = Array.isArray(errors) ? errors : [{ path: 'scenario', message: String(errors) }];
      shareStatus(el('strong', {}, `${file.name} could not be opened:`),
        el('ul', {}, ...list.map((e) => el('li', {}, `${e.path}: ${e.message}`))));
      return;
    }
    applyScenario(scenario);
    renderForm();
    update();
    shareStatus(`Opened ${file.name}.`);
  }

  // ---- the update cycle ----

  /** Timings, for the benchmark and tests. */
  const timing = { updates: 0, lastMs: 0, simulations: 0, lastSimulationMs: 0, lastSimulationDraws: 0, lastSimulationParts: {} };
  if (options.address) window.sfpcTiming = timing;

  /** Evaluates the typed scenario; redraws on success, keeps the last result on error. */
  function update() {
    cancelSimulation();
    const scenario = buildScenario();
    let report;
    try {
      if (state.pageErrors.length) throw state.pageErrors;
      report = engine.evaluate(scenario);
    } catch (errors) {
      const found = Array.isArray(errors) ? errors : [{ path: 'scenario', message: String(errors) }];
      state.errors = uniqueByField([...state.pageErrors, ...found]);
      showErrors();
      markStale(true);
      return false;
    }
    state.errors = [];
    markStale(false);
    state.report?.free();
    state.report = report;
    state.result = report.result();
    renderResults();
    drawCharts();
    startSimulation(scenario);
    showErrors();
    scheduleLink(scenario);
    later?.panel.schedule(scenario);
    updateCouncilsLink(scenario);
    return true;
  }

  let councilsLinkToken = 0;
  /** The every-council page's link carries these figures, as its template. */
  async function updateCouncilsLink(scenario) {
    const token = ++councilsLinkToken;
    const page = new URL('./councils.html', import.meta.url);
    page.hash = await fragmentFor(scenario);
    if (token === councilsLinkToken) $('councils-link').href = page.href;
  }

  function markStale(stale) {
    $('stale').hidden = !stale;
    $('results').classList.toggle('is-stale', stale);
    markSimulationStale(stale);
  }

  function markSimulationStale(stale) {
    $('sim-stale').hidden = !stale || !state.uResult;
    $('uncertainty').classList.toggle('is-stale', stale);
  }

  /**
   * The scenario to simulate: in a single-programme view, that programme only.
   * A copy: the scenario given also goes into the page's address, in full.
   */
  function simulationScenario(given = buildScenario()) {
    const scenario = structuredClone(given);
    if (state.view !== COMPARE) {
      for (const key of programmeKeys()) scenario.programmes[key].enabled = key === state.view;
    }
    return scenario;
  }

  function cancelSimulation() {
    pool?.cancel();
    state.runToken += 1;
    state.run?.free();
    state.run = null;
  }

  /**
   * Starts the uncertainty analysis, on the workers (simulation-pool.js); a
   * newer start cancels it. The first start loads the analysis module, then
   * starts the analysis of whatever the figures are by then.
   */
  function startSimulation(scenario) {
    cancelSimulation();
    if (!analysis) {
      const token = state.runToken;
      progress(0, 0, 'Loading the uncertainty analysis…');
      analysisModule().then(() => {
        if (token === state.runToken && !state.errors.length) startSimulation();
      }, (e) => {
        console.error(e);
        progress(0, 0, 'The uncertainty analysis could not be loaded.');
      });
      return;
    }
    const toSimulate = simulationScenario(scenario);
    const seed = parseNumber(state.text.get('simulation.seed'));
    let run;
    try {
      run = analysis.startSimulation(toSimulate, parseNumber(state.text.get('simulation.draws')), seed);
    } catch (errors) {
      state.errors = uniqueByField([...state.errors, ...(Array.isArray(errors) ? errors : [{ path: 'scenario', message: String(errors) }])]);
      markSimulationStale(true);
      progress(0, 0, '');
      return;
    }
    markSimulationStale(false);
    state.run = run;
    const madeFor = { report: state.report, view: state.view };
    const token = state.runToken;
    const total = run.draws;
    const started = performance.now();
    const job = { scenario: toSimulate, draws: total, seed, chunks: run.chunks };
    const counted = (done) => `Simulating: ${engine.formatCount(done)} of ${engine.formatCount(total)} futures…`;
    progress(0, total, `Simulating ${engine.formatCount(total)} futures…`);
    runChunks({ run, job, pool, isCurrent: () => token === state.runToken, onProgress: (done) => progress(done, total, counted(done)) })
      .then((ran) => {
        if (!ran) return; // cancelled; the run is already freed
        const t1 = performance.now();
        finishSimulation(run, madeFor);
        const ended = performance.now();
        const busyMs = ran.busyMs + ended - t1;
        Object.assign(timing, { simulations: timing.simulations + 1, lastSimulationMs: busyMs, lastSimulationDraws: total,
          lastSimulationWallMs: ended - started, lastSimulationWorkers: ran.workers,
          lastInputToUncertaintyMs: ended - (timing.inputAt ?? started) });
        events.dispatchEvent(new CustomEvent('sfpc:simulated', { detail: { ms: busyMs, wallMs: ended - started, draws: total } }));
      });
  }

  function finishSimulation(run, madeFor) {
    const t0 = performance.now();
    const report = run.finish();
    run.free();
    state.run = null;
    state.uReport?.free();
    state.uReport = report;
    state.uReportFor = madeFor;
    state.uResult = report.result();
    const t1 = performance.now();
    renderUncertainty();
    const t2 = performance.now();
    drawUncertaintyCharts();
    const t3 = performance.now();
    timing.lastSimulationParts = { summarise: t1 - t0, tables: t2 - t1, charts: t3 - t2 };
    progress(1, 1, `Done: ${engine.formatCount(state.uResult.simulation.draws)} simulated futures.`);
  }

  function progress(done, total, text) {
    const bar = $('sim-progress');
    bar.max = Math.max(total, 1);
    bar.value = done;
    $('sim-text').textContent = text;
  }

  let announceTimer = 0;
  function announce() {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      const p = state.result?.programmes?.[state.view];
      const n = state.errors.length;
      $('status').textContent = n
        ? `${n} problem${n > 1 ? 's' : ''} with the figures; results not updated.`
        : p ? `Results updated. ${p.headlines[0].label}: ${p.headlines[0].figure}.` : 'Results updated.';
    }, 800);
  }

  function onInput(event) {
    const input = event.target.closest('input[data-path]');
    if (!input) return;
    // From the event's own time stamp, so time spent queued counts too.
    const started = Math.min(event.timeStamp || Infinity, performance.now());
    const path = input.dataset.path;
    timing.inputAt = started;
    state.text.set(path, input.value);
    state.typed.add(path);
    if (path === 'price_year') onPriceYear(input.value);
    else if (path.startsWith('programmes.')) showFieldNotes();
    update();
    timing.lastMs = performance.now() - started;
    timing.updates += 1;
    events.dispatchEvent(new CustomEvent('sfpc:updated', { detail: { ms: timing.lastMs } }));
    announce();
  }

  function setView(view) {
    state.view = view;
    renderSources();
    if (state.report) {
      scheduleLink(state.report.scenario());
      later?.panel.schedule(state.report.scenario());
    }
    renderViewChoices();
    renderForm();
    renderResults();
    drawCharts();
    renderUncertainty();
    startSimulation();
    showErrors();
    later?.saved.updateButtons();
  }

  function onViewChange(event) {
    if (event.target.name === 'view') setView(event.target.value);
  }

  /** The paths of every figure typed as one text (not staff lines, which have their own). */
  function scenarioPaths() {
    const programmeRows = state.table.filter((r) => r.programme && r.shape !== 'staff');
    return [...SETTINGS.map((s) => s.path), ...programmeRows.map((r) => r.path)];
  }

  /** Every figure back to the defaults, the simulation's settings too. */
  function useDefaults() {
    state.text = new Map([['simulation.draws', String(state.simDefaults.draws)], ['simulation.seed', String(state.simDefaults.seed)]]);
    state.staffLines = new Map();
    state.excluded = new Map();
    applyScenario(state.base);
  }

  // ---- staff lines and streams counted ----

  /** Adds or removes a staff line; the form is rebuilt with the texts moved up. */
  function onStaffClick(event) {
    const button = event.target.closest('button[data-staff-add], button[data-staff-remove]');
    if (!button) return false;
    const key = button.dataset.staffAdd ?? button.dataset.staffRemove;
    const count = state.staffLines.get(key) ?? 0;
    const at = (i, prop) => `programmes.${key}.staff[${i}].${prop}`;
    const props = ['role', 'fte', 'cost_per_fte_gbp'];
    if (button.dataset.staffAdd) {
      for (const prop of props) state.text.set(at(count, prop), prop === 'role' ? '' : '0');
      state.staffLines.set(key, count + 1);
    } else {
      const index = Number(button.dataset.index);
      for (let i = index; i < count - 1; i++) for (const prop of props) state.text.set(at(i, prop), state.text.get(at(i + 1, prop)) ?? '');
      for (const prop of props) state.text.delete(at(count - 1, prop));
      state.staffLines.set(key, count - 1);
    }
    renderForm();
    update();
    const next = Math.min(button.dataset.staffAdd ? count : Number(button.dataset.index), (state.staffLines.get(key) ?? 1) - 1);
    ($(fieldId(at(next, 'role'))) ?? root.querySelector(`button[data-staff-add="${key}"]`))?.focus();
    return true;
  }

  /** A stream's "count this saving" box. */
  function onStreamToggle(event) {
    const box = event.target.closest('input[data-stream]');
    if (!box) return;
    const set = state.excluded.get(box.dataset.programme) ?? new Set();
    if (box.checked) set.delete(box.dataset.stream);
    else set.add(box.dataset.stream);
    state.excluded.set(box.dataset.programme, set);
    update();
    announce();
  }

  // ---- the audit pack ----

  /**
   * The finished simulation of these figures, for the downloads to include:
   * the workbook module runs it again (the same scenario, draws and seed give
   * the same bits). Null while it runs or once the figures have changed.
   */
  function finishedSimulation() {
    const madeFor = state.uReportFor;
    const current = state.uReport && !state.run && madeFor?.report === state.report && madeFor.view === state.view;
    if (!current) return null;
    const { draws, seed } = state.uResult.simulation;
    return { scenario: simulationScenario(state.report.scenario()), draws, seed };
  }

  /** A download made by the workbook module (loaded the first time one is asked for). */
  async function downloadFromWorkbookModule(what, make, name, type) {
    if (!state.report) return;
    shareStatus(`Preparing the ${what}…`);
    const module = await loadWorkbook();
    const simulation = finishedSimulation();
    download(name, make(module, state.report.scenario(), simulation), type);
    shareStatus(simulation ? `${what[0].toUpperCase()}${what.slice(1)} downloaded.`
      : `${what[0].toUpperCase()}${what.slice(1)} downloaded, without the uncertainty analysis: it has not finished for these figures.`);
  }

  const downloadAuditPack = () => downloadFromWorkbookModule('audit pack',
    (m, scenario, simulation) => m.auditPack(scenario, simulation), 'sfpc-audit-pack.zip', 'application/zip');
  const downloadWorkbook = () => downloadFromWorkbookModule('workbook',
    (m, scenario, simulation) => m.workbook(scenario, simulation), 'sfpc-appraisal.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

  // ---- scenarios A, B and C (saved-scenarios.js, loaded with the analysis module) ----

  /** What the saved scenarios work with. */
  const savedContext = () => ({
    state, $, root, engine, analysis, table, draw,
    isCompare: () => state.view === COMPARE,
    viewFrom,
    open: (scenario, programme) => {
      applyScenario(scenario);
      state.view = programme;
      renderViewChoices();
      renderForm();
      update();
    },
  });

  function resetAll() {
    useDefaults();
    renderForm();
    update();
    $('status').textContent = 'All figures reset to the defaults.';
  }

  /**
   * The defaults of the model in view (all three in the compare view), with
   * their sources: each as published, in its source's price year, and
   * restated in the scenario's (money to the penny).
   */
  function renderSources() {
    const shown = (r) => !r.programme || state.view === COMPARE || r.programme === state.view;
    const group = (r) => state.result.programmes[r.programme]?.name ?? 'Appraisal';
    const figure = (x, r) => (r.money ? engine.formatMoneyInput(x) : x);
    const figures = (x, r) => [].concat(x).map((v) => figure(v, r)).join(', ');
    const range = (r) => (Array.isArray(r.value) || r.low === r.high ? '' : `${figure(r.low, r)} to ${figure(r.high, r)}`);
    const year = state.base.price_year;
    table('sources-table', `The defaults the calculator starts from, for the model shown, in ${year} prices`,
      ['Parameter', 'Model', 'Published figure', "Source's price year", `Value in ${year} prices`, 'Range', 'Unit', 'Basis', 'Source'],
      state.table.filter(shown).map((r) => [r.label, group(r), figures(r.published_value, r), r.price_year,
        r.restated ? figures(r.value, r) : 'the same', range(r), r.unit, r.basis, r.source]));
    $('sources').hidden = false;
  }

  /**
   * The print view's table of the figures used: the ones on screen (the
   * model in view, or all three), each with its range and its default's source.
   */
  function renderPrintInputs() {
    const scenario = state.report?.scenario();
    if (!scenario) return;
    const shown = (path) => !programmeOf(path) || state.view === COMPARE || programmeOf(path) === state.view;
    const rows = scenarioPaths().filter(shown).map((path) => {
      const row = state.table.find((r) => r.path === path);
      const value = getAt(scenario, path);
      const range = value && typeof value === 'object' && !Array.isArray(value) ? `${value.low} to ${value.high}` : '';
      const money = (text) => (row?.money ? toThePenny(text, engine.formatMoneyInput) : text);
      const figure = range ? `${textAt(scenario, path)} (${range})` : textAt(scenario, path);
      return [labelFor(path), money(figure), row?.unit ?? '', row?.basis ?? 'yours', row?.source ?? 'Your entry'];
    });
    table('inputs-table', `The figures used (${state.result.context})`,
      ['Figure', 'Value (range)', 'Unit', 'Default\'s basis', 'Default\'s source'], rows);
  }

  function redrawAll() {
    drawCharts();
    drawUncertaintyCharts();
    draw('scenarios-chart');
  }

  let resizeFrame = 0;
  function onResize() {
    if (printing.matches) return;
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(redrawAll);
  }

  async function main() {
    await loadEngine();
    $('engine-version').textContent = engine.engineVersion();
    state.base = engine.defaultScenario();
    state.table = engine.defaultsTable();
    state.money = new Set(state.table.filter((r) => r.money).map((r) => r.path));
    state.moneyText = engine.formatMoneyInput;
    state.streams = engine.streams();
    state.simDefaults = engine.simulationDefaults();
    // Each programme's first group starts open; the rest fold to their totals.
    for (const key of Object.keys(state.streams)) state.openGroups.add(`group-${key}-${state.streams[key][0].key}`);
    useDefaults();
    state.report = engine.evaluate(state.base);
    state.result = state.report.result();
    await restoreStart();
    renderViewChoices();
    renderSources();
    addPngButtons();
    $('loading').hidden = true;
    $('calculator').hidden = false;
    renderForm();
    for (const canvas of root.querySelectorAll('canvas')) canvasObserver.observe(canvas);
    update();

    const form = $('calculator');
    form.addEventListener('input', onInput);
    form.addEventListener('change', (event) => {
      onViewChange(event);
      onStreamToggle(event);
    });
    form.addEventListener('click', (event) => onStaffClick(event) || later?.panel.onClick(event));
    form.addEventListener('submit', (e) => e.preventDefault());
    $('reset').addEventListener('click', resetAll);
    $('error-summary').addEventListener('click', followErrorLink);
    $('copy-link').addEventListener('click', copyLink);
    $('download-scenario').addEventListener('click', () => state.report
      && download('sfpc-scenario.json', JSON.stringify(state.report.scenario(), null, 2), 'application/json'));
    $('download-csv').addEventListener('click', async () => {
      if (!state.report) return;
      const csv = (await analysisModule()).yearlyResultsCsv(state.report.scenario());
      download('sfpc-yearly-results.csv', csv, 'text/csv;charset=utf-8');
    });
    $('f-upload').addEventListener('change', openFile);
    $('download-audit').addEventListener('click', downloadAuditPack);
    $('download-workbook').addEventListener('click', downloadWorkbook);
    $('saved').addEventListener('click', async (event) => {
      await analysisModule();
      later.saved.onClick(event);
    });
    window.addEventListener('beforeprint', () => {
      renderPrintInputs();
      redrawAll();
    });
  }

  try {
    await main();
    return { destroy: () => { cancelSimulation(); pool?.destroy(); } };
  } catch (e) {
    console.error(e);
    $('loading').textContent = 'The calculator could not start: your browser may not support WebAssembly.';
    throw e;
  }
}
