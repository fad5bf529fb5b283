// @ts-check
// The calculator: one instance per call of `mountCalculator`, inside the page
// (app.js), an <sfpc-calculator> element's shadow root (sfpc-calculator.js)
// or the iframe embed (embed.js). JavaScript owns the page (events, DOM,
// canvas sizing, scheduling); the Rust engine (./pkg/sfpc.js, built from
// src/web/) owns every number, every sentence about a number, and the
// drawing. Instances share the engine and nothing else.
//
// This file composes the modules (the engine's three parts load through
// engine-loader.js), each with one owner: scenario-state.js
// (the one state object and the scenario it stands for), form-view.js,
// error-view.js, results-view.js, chart-view.js, simulation-runner.js and
// share.js. While the input has errors the last valid results stay on
// screen, marked out of date.

import * as engine from './pkg/sfpc.js';
import { loadEngine, loadAnalysis, loadWorkbook } from './engine-loader.js';
import { CALCULATOR_HTML, chart } from './markup.js';
import { setTexts } from './form.js';
import { restatePrices } from './figures.js';
import {
  COMPARE, applyScenario, buildScenario, createState, programmeOf, resetTexts, scenarioPaths, viewFrom,
} from './scenario-state.js';
import { asErrors, errorView, uniqueByField } from './error-view.js';
import { formView } from './form-view.js';
import { resultsView } from './results-view.js';
import { chartView } from './chart-view.js';
import { simulationRunner } from './simulation-runner.js';

/**
 * @typedef {Object} MountOptions
 * @property {boolean} [address] the calculator owns the page's address (permalinks)
 * @property {string} [linkPage] the page that links made here open (default: this page)
 * @property {string | null} [programme] the model to show first (`no-wrong-door` or `no_wrong_door`)
 * @property {string | null} [scenarioUrl] a scenario file (format 1 or 2) to start from
 * @property {EventTarget} [events] where `sfpc:updated` and `sfpc:simulated` are sent (default: document)
 * @property {number} [workers] how many Web Workers simulate (default: one a core)
 *
 * @typedef {Object} Context what the modules share: one per calculator
 * @property {import('./scenario-state.js').State} state
 * @property {Document | ShadowRoot} root
 * @property {(id: string) => any} $ the element with this id, in `root`
 * @property {typeof engine} engine
 * @property {MountOptions} options
 * @property {EventTarget} events
 * @property {any} analysis the analysis module, once loaded
 * @property {any} pool the simulation's Web Workers, loaded with it
 * @property {any} runChunks how a run uses them (simulation-pool.js)
 * @property {any} later the modules loaded with it: picker, readings, panel, saved
 * @property {() => Promise<any>} analysisModule
 * @property {() => Promise<any>} loadWorkbook
 * @property {ReturnType<typeof errorView>} errors
 * @property {ReturnType<typeof formView>} form
 * @property {ReturnType<typeof resultsView>} results
 * @property {ReturnType<typeof chartView>} charts
 * @property {ReturnType<typeof simulationRunner>} simulation
 * @property {import('./share.js').Share | null} share loaded after the first chart, or at once to open a link or a file
 * @property {() => Promise<import('./share.js').Share>} shareModule
 * @property {(text: string) => void} showNotice
 * @property {() => boolean} update
 * @property {() => void} announce
 * @property {(view: string) => void} setView
 * @property {(scenario: any) => void} apply
 * @property {() => void} useDefaults
 * @property {() => void} makeCouncilPicker
 */

/**
 * Builds a calculator in `container`, which lies in `root` (the document, or
 * a shadow root). Resolves to `{ destroy }`, which stops its workers, its
 * observers and listeners, and frees the engine's objects it holds.
 * @param {Document | ShadowRoot} root @param {HTMLElement} container @param {MountOptions} [options]
 */
export async function mountCalculator(root, container, options = {}) {
  container.innerHTML = CALCULATOR_HTML;
  const state = createState();
  /** @type {Context} */
  const ctx = /** @type {any} */ ({
    state, root, engine, options, loadWorkbook,
    $: (/** @type {string} */ id) => root.getElementById(id),
    events: options.events ?? document,
    analysis: null, pool: null, runChunks: null, later: null,
  });
  const { $ } = ctx;
  /** @type {Promise<any> | null} */
  let analysisPromise = null;
  let announceTimer = 0;
  let destroyed = false;

  ctx.analysisModule = () => {
    analysisPromise ??= Promise.all([loadAnalysis(), import('./council-picker.js'), import('./evidence-panel.js'),
      import('./saved-scenarios.js'), import('./simulation-pool.js'), ctx.shareModule(), import('./decide-view.js'), import('./later-markup.js'),
      import('./field-readings.js')])
      .then(([module, picker, { evidencePanel }, { savedScenarios }, { SimulationPool, runChunks }, , { decideView }, { insertLaterMarkup }, readings]) => {
        if (destroyed) return module;
        insertLaterMarkup(root, chart, ctx.charts.start, module.measureGlossary());
        Object.assign(ctx, { analysis: module, pool: new SimulationPool(options.workers), runChunks });
        ctx.later = { picker, readings, panel: evidencePanel(panelContext()), saved: savedScenarios(savedContext()), decide: decideView(ctx, chart) };
        onAnalysisLoaded();
        return module;
      });
    return analysisPromise;
  };
  ctx.errors = errorView(ctx);
  ctx.form = formView(ctx);
  ctx.results = resultsView(ctx);
  ctx.charts = chartView(ctx);
  ctx.simulation = simulationRunner(ctx);
  ctx.share = null;
  /** @type {Promise<import('./share.js').Share> | null} */
  let sharePromise = null;
  /** The figures the address should hold, until share.js is loaded. */
  /** @type {Record<string, any> | null} */ let pendingFigures = null;
  ctx.shareModule = () => {
    sharePromise ??= import('./share.js').then(({ share }) => {
      const loaded = ctx.share = share(ctx);
      if (pendingFigures) loaded.figuresChanged(pendingFigures);
      return loaded;
    });
    return sharePromise;
  };

  /** A notice above the calculator (a link or file that could not be opened, say). @param {string} text */
  ctx.showNotice = (text) => { Object.assign($('link-message'), { textContent: text, hidden: false }); };

  // ---- figures the page sets: a council's statistics, evidence sets, restated prices ----

  const figuresContext = {
    state, engine,
    analysisModule: () => ctx.analysisModule(),
    setTexts: (/** @type {Map<string, string>} */ texts) => setTexts(root, state, texts),
    figurePaths: () => scenarioPaths(state).filter((path) => programmeOf(path)),
  };

  /** A new price year: the untouched money defaults are restated into it, or it is an error. @param {string} text */
  function onPriceYear(text) {
    const before = state.base.price_year;
    const outcome = restatePrices(figuresContext, text);
    state.pageErrors = outcome.errors ?? [];
    if (!outcome.restated) return;
    ctx.analysisModule().then((m) => {
      state.priceNote = m.restatedDefaultsNote(outcome.restated, before, state.base.price_year);
      ctx.results.renderSources();
      ctx.form.showNotes();
    });
  }

  /** The council field becomes the council picker, once its module and the councils' list are loaded. */
  ctx.makeCouncilPicker = () => {
    const input = $('f-council');
    if (!input || !ctx.later) return;
    ctx.later.picker.attachCouncilPicker(input, {
      councils: () => state.councils ?? [], picked: () => state.council, matching: ctx.analysis.councilsMatching,
      onPick: (/** @type {any} */ council) => {
        const said = ctx.later.picker.pickCouncil(figuresContext, ctx.analysis, council);
        ctx.form.showNotes();
        ctx.update();
        $('status').textContent = said;
      },
    });
  };

  /** What the evidence sets' panel works with (evidence-panel.js). */
  const panelContext = () => ({
    state, $, analysis: ctx.analysis, update: ctx.update, pool: ctx.pool,
    table: ctx.results.table,
    setTexts: figuresContext.setTexts,
    isCompare: () => state.view === COMPARE,
  });

  /** What the saved scenarios work with (saved-scenarios.js). */
  const savedContext = () => ({
    state, $, root, engine, analysis: ctx.analysis, table: ctx.results.table, draw: ctx.charts.draw,
    isCompare: () => state.view === COMPARE,
    open: (/** @type {any} */ scenario, /** @type {string} */ programme) => {
      ctx.apply(scenario);
      state.view = programme;
      ctx.form.renderViewChoices();
      ctx.form.render();
      ctx.update();
    },
  });

  /** What waits for the analysis module: the councils' list and picker, a named council's notes, the sources' credits. */
  function onAnalysisLoaded() {
    ctx.charts.name();
    state.councils = ctx.analysis.councils();
    ctx.later.picker.restoreNotes(figuresContext, ctx.analysis);
    ctx.makeCouncilPicker();
    ctx.form.showNotes();
    ctx.results.renderSources();
    ctx.results.refreshGrades(buildScenario(state));
    ctx.form.showGroups();
    const provenance = ctx.analysis.provenance();
    if (state.result) $('discounting').textContent = state.result.discounting;
    $('deflator-source').textContent = provenance.deflators;
    $('licence').textContent = `Council statistics: ${provenance.statistics}. ${provenance.licence}.`;
    if (state.report && !state.errors.length) ctx.later.panel.schedule(state.report.scenario());
    ctx.later.saved.load();
    ctx.later.saved.render();
  }

  /** A scenario's price year, where the deflators cover it, becomes the defaults' (so later changes restate from it). @param {string} priceYear */
  function rebase(priceYear) {
    if (priceYear === state.base.price_year) return;
    try {
      state.base = engine.defaultScenario(priceYear);
      state.table = engine.defaultsTable(priceYear);
    } catch {
      ctx.showNotice(`These figures are in ${priceYear} prices, a year HM Treasury's deflators do not cover: they are used as given, and the defaults cannot be restated into it.`);
    }
  }

  ctx.apply = (scenario) => {
    if (scenario.price_year) rebase(scenario.price_year);
    applyScenario(state, scenario);
    if (ctx.later) ctx.later.picker.restoreNotes(figuresContext, ctx.analysis);
  };

  ctx.useDefaults = () => resetTexts(state);
  // ---- the update cycle ----

  /** @param {boolean} stale */
  function markStale(stale) {
    $('stale').hidden = !stale;
    $('results').classList.toggle('is-stale', stale);
    ctx.simulation.markStale(stale);
  }

  /** Evaluates the typed scenario; redraws on success, keeps the last result on error. */
  ctx.update = () => {
    ctx.simulation.cancel();
    const scenario = buildScenario(state);
    let report;
    try {
      if (state.pageErrors.length) throw state.pageErrors;
      report = engine.evaluate(scenario);
    } catch (errors) {
      state.errors = uniqueByField([...state.pageErrors, ...asErrors(errors)]);
      ctx.errors.show();
      markStale(true);
      return false;
    }
    state.errors = [];
    markStale(false);
    state.report?.free();
    state.report = report;
    state.result = report.result(state.view === COMPARE ? undefined : state.view);
    ctx.results.refreshGrades(scenario);
    ctx.results.renderResults();
    ctx.form.showGroups(true);
    ctx.charts.drawCharts();
    ctx.simulation.startSoon(scenario);
    ctx.errors.show();
    if (ctx.share) ctx.share.figuresChanged(scenario);
    else pendingFigures = scenario;
    ctx.later?.panel.schedule(scenario);
    return true;
  };

  /** The live region: once per change, after typing pauses. */
  ctx.announce = () => {
    clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => {
      const p = state.result?.programmes?.[state.view];
      const n = state.errors.length;
      if (n) ctx.analysisModule().then((m) => { $('status').textContent = m.figureProblems(n); });
      else $('status').textContent = p ? `Results updated. ${p.headlines[0].label}: ${p.headlines[0].figure}.` : 'Results updated.';
    }, 800);
  };

  /** @param {Event} event */
  function onInput(event) {
    const input = /** @type {HTMLElement} */ (event.target).closest('input[data-path]');
    if (!(input instanceof HTMLInputElement)) return;
    // From the event's own time stamp, so time spent queued counts too.
    const started = Math.min(event.timeStamp || Infinity, performance.now());
    const path = input.dataset.path ?? '';
    ctx.simulation.noteInput(started);
    state.text.set(path, input.value);
    state.typed.add(path);
    if (path === 'price_year') onPriceYear(input.value);
    else ctx.form.showNotes(path);
    ctx.update();
    ctx.events.dispatchEvent(new CustomEvent('sfpc:updated', { detail: { ms: performance.now() - started } }));
    ctx.announce();
  }
  ctx.setView = (view) => {
    state.view = view;
    ctx.results.renderSources();
    if (state.report) {
      state.result = state.report.result(view === COMPARE ? undefined : view);
      ctx.share?.figuresChanged(state.report.scenario());
      ctx.later?.panel.schedule(state.report.scenario());
    }
    ctx.form.renderViewChoices();
    ctx.form.render();
    ctx.results.renderResults();
    ctx.charts.drawCharts();
    ctx.results.renderUncertainty();
    ctx.simulation.start();
    ctx.errors.show();
    ctx.later?.saved.updateButtons();
  };

  function resetAll() {
    ctx.useDefaults();
    ctx.form.render();
    ctx.update();
    $('status').textContent = 'All figures reset to the defaults.';
  }

  function beforePrint() {
    ctx.results.renderPrintInputs();
    ctx.charts.redrawAll(true);
  }

  /** The share panel's events (it arrives with the later markup) go to share.js. @param {Event} event */
  const onShareEvent = (event) => $('share')?.contains(/** @type {Node} */ (event.target)) && ctx.shareModule().then((s) => s.onEvent(event));
  function listen() {
    const form = $('calculator');
    form.addEventListener('input', onInput);
    form.addEventListener('change', (/** @type {Event} */ event) => {
      const target = /** @type {HTMLInputElement} */ (event.target);
      if (target.name === 'view') ctx.setView(target.value);
      ctx.form.onStreamToggle(event);
      onShareEvent(event);
    });
    form.addEventListener('click', (/** @type {Event} */ event) => ctx.form.onStaffClick(event) || ctx.results.verdict.onClick(event)
      || ctx.later?.saved.onClick(event) || ctx.later?.panel.onClick(event) || onShareEvent(event));
    form.addEventListener('submit', (/** @type {Event} */ e) => e.preventDefault());
    $('reset').addEventListener('click', resetAll);
    $('error-summary').addEventListener('click', ctx.errors.followLink);
    window.addEventListener('beforeprint', beforePrint);
  }

  async function main() {
    await loadEngine();
    $('engine-version').textContent = engine.engineVersion();
    state.base = engine.defaultScenario();
    state.table = engine.defaultsTable();
    state.figureText = engine.formatFigureInput;
    state.streams = engine.streams();
    state.simDefaults = engine.simulationDefaults();
    state.limits = engine.limits();
    // Each programme's first group starts open; the rest fold to their totals.
    for (const key of Object.keys(state.streams)) state.openGroups.add(`group-${key}-${state.streams[key][0].key}`);
    ctx.useDefaults();
    state.report = engine.evaluate(state.base);
    state.result = state.report.result();
    startingView();
    // Figures from a link or a file: share.js reads them before the first view.
    if ((options.address && location.hash.length > 1) || (!options.address && options.scenarioUrl)) {
      await (await ctx.shareModule()).restoreStart();
    }
    ctx.form.renderViewChoices();
    ctx.results.renderSources();
    ctx.charts.start();
    $('loading').hidden = true;
    $('calculator').hidden = false;
    ctx.form.render();
    ctx.update();
    listen();
  }

  /** The model the embedder asked to show first, if it is one. */
  function startingView() {
    if (!options.programme) return;
    const view = viewFrom(state, options.programme);
    if (view) state.view = view;
    else ctx.showNotice(`"${options.programme}" is not one of the models, so the calculator starts with ${state.result?.programmes?.[state.view]?.name ?? 'the first'}.`);
  }

  /** Stops everything this calculator started and frees what it holds of the engine. */
  function destroy() {
    if (destroyed) return;
    destroyed = true;
    clearTimeout(announceTimer);
    window.removeEventListener('beforeprint', beforePrint);
    ctx.simulation.destroy();
    ctx.pool?.destroy();
    ctx.charts.destroy();
    ctx.share?.destroy();
    ctx.later?.saved.destroy?.();
    state.report?.free();
    state.report = null;
  }

  try {
    await main();
    return { destroy };
  } catch (e) {
    console.error(e);
    $('loading').textContent = 'The calculator could not start: your browser may not support WebAssembly.';
    throw e;
  }
}
