// @ts-check
// The uncertainty analysis of the figures on screen: started after each
// valid update, run in chunks on the Web Workers (simulation-pool.js),
// cancelled by any newer input, shown as provisional once its first draws
// are in (the engine's preview: the first chunks, which the workers run
// first) and in full when it finishes. It reports each finished run as an
// `sfpc:simulated` event (how long it took, for embedders and the benchmark).

import { parseNumber } from './scenario-text.js';
import { buildScenario, simulationScenario } from './scenario-state.js';
import { asErrors, uniqueByField } from './error-view.js';

/** @param {import('./calculator.js').Context} ctx */
export function simulationRunner(ctx) {
  const { state, $, engine } = ctx;
  /** When the input that the next run answers was typed (performance.now()). */
  let inputAt = 0;

  /** @param {number} done @param {number} total @param {string} text */
  function progress(done, total, text) {
    const bar = $('sim-progress');
    bar.max = Math.max(total, 1);
    bar.value = done;
    $('sim-text').textContent = text;
  }

  /** @param {boolean} stale */
  function markStale(stale) {
    $('sim-stale').hidden = !stale || !state.uResult;
    $('uncertainty').classList.toggle('is-stale', stale);
  }

  function cancel() {
    ctx.pool?.cancel();
    state.runToken += 1;
    state.run?.free();
    state.run = null;
  }

  /** The first start loads the analysis module, then starts the analysis of whatever the figures are by then. */
  function startAfterLoading() {
    const token = state.runToken;
    progress(0, 0, 'Loading the uncertainty analysis…');
    ctx.analysisModule().then(() => {
      if (token === state.runToken && !state.errors.length) start();
    }, (e) => {
      console.error(e);
      progress(0, 0, 'The uncertainty analysis could not be loaded.');
    });
  }

  /**
   * Starts the uncertainty analysis of `scenario` (default: the figures typed);
   * a newer start cancels it.
   * @param {any} [scenario]
   */
  function start(scenario = buildScenario(state)) {
    cancel();
    const { analysis, pool, runChunks } = ctx;
    if (!analysis || !pool || !runChunks) {
      startAfterLoading();
      return;
    }
    const toSimulate = simulationScenario(state, scenario);
    const seed = parseNumber(state.text.get('simulation.seed') ?? '');
    let run;
    try {
      run = analysis.startSimulation(toSimulate, parseNumber(state.text.get('simulation.draws') ?? ''), seed);
    } catch (errors) {
      state.errors = uniqueByField([...state.errors, ...asErrors(errors)]);
      ctx.errors.show();
      markStale(true);
      progress(0, 0, '');
      return;
    }
    markStale(false);
    state.run = run;
    const madeFor = { report: state.report, view: state.view };
    const token = state.runToken;
    const total = run.draws;
    const started = performance.now();
    const job = { scenario: toSimulate, draws: total, seed, chunks: run.chunks, first: run.previewChunks };
    /** @param {number} done */
    const counted = (done) => `Simulating: ${engine.formatCount(done)} of ${engine.formatCount(total)} futures…`;
    progress(0, total, `Simulating ${engine.formatCount(total)} futures…`);
    /** When the provisional figures were shown (performance.now()), or 0. */
    let provisionalAt = 0;
    /** @param {number} done */
    const onProgress = (done) => {
      progress(done, total, counted(done));
      if (!provisionalAt && showProvisional(run, madeFor)) provisionalAt = performance.now();
    };
    runChunks({ run, job, pool, isCurrent: () => token === state.runToken, onProgress })
      .then((/** @type {any} */ ran) => {
        if (!ran) return; // cancelled; the run is already freed
        const t1 = performance.now();
        const parts = finish(run, madeFor);
        const ended = performance.now();
        const from = inputAt || started;
        ctx.events.dispatchEvent(new CustomEvent('sfpc:simulated', {
          detail: { ms: ran.busyMs + ended - t1, wallMs: ended - started, draws: total, workers: ran.workers, parts,
            inputToResultsMs: ended - from, inputToProvisionalMs: provisionalAt && provisionalAt - from },
        }));
        ctx.later?.decide.finished(job, ran.workers);
      });
  }

  /** Shows a report (a run's provisional or final figures); returns how long each part took. @param {any} report @param {any} madeFor */
  function show(report, madeFor) {
    const t0 = performance.now();
    state.uReport?.free();
    state.uReport = report;
    state.uReportFor = madeFor;
    state.uResult = report.result();
    const note = $('sim-provisional');
    note.textContent = state.uResult.provisional ?? '';
    note.hidden = !state.uResult.provisional;
    const t1 = performance.now();
    ctx.results.renderUncertainty();
    const t2 = performance.now();
    ctx.charts.drawUncertaintyCharts();
    return { summarise: t1 - t0, tables: t2 - t1, charts: performance.now() - t2 };
  }

  /** The run's first draws as provisional figures, once they are in; true if shown. @param {any} run @param {any} madeFor */
  function showProvisional(run, madeFor) {
    const report = run.provisional();
    if (report) show(report, madeFor);
    return Boolean(report);
  }

  /** Shows a finished run; returns how long each part took. @param {any} run @param {any} madeFor */
  function finish(run, madeFor) {
    const t0 = performance.now();
    const report = run.finish();
    run.free();
    state.run = null;
    const finishing = performance.now() - t0;
    const parts = show(report, madeFor);
    progress(1, 1, `Done: ${engine.formatCount(state.uResult.simulation.draws)} simulated futures.`);
    return { ...parts, summarise: finishing + parts.summarise };
  }

  /**
   * The finished simulation of these figures, for the downloads to include:
   * the workbook module runs it again (the same scenario, draws and seed give
   * the same bits). Null while it runs or once the figures have changed.
   */
  function finished() {
    const madeFor = state.uReportFor;
    const current = state.uReport && !state.run && madeFor?.report === state.report && madeFor?.view === state.view;
    if (!current) return null;
    const { draws, seed } = state.uResult.simulation;
    return { scenario: simulationScenario(state, state.report.scenario()), draws, seed };
  }

  /**
   * Starts the analysis of `scenario` as the next task, so a keystroke
   * never waits for its set-up; a newer input cancels it.
   * @param {any} scenario
   */
  function startSoon(scenario) {
    cancel();
    const token = state.runToken;
    setTimeout(() => { if (token === state.runToken) start(scenario); }, 0);
  }

  function destroy() {
    cancel();
    state.uReport?.free();
    state.uReport = null;
  }

  return { start, startSoon, cancel, finished, markStale, destroy, noteInput: (/** @type {number} */ at) => { inputAt = at; } };
}
