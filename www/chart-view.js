// @ts-check
// Canvas sizing and drawing: the engine draws every chart (plotters); this
// module sizes each canvas to its box × devicePixelRatio, says which chart
// goes on which canvas, redraws on resize and makes the PNG downloads.
// A chart off screen is not drawn on a keystroke: it is marked stale and
// drawn as it scrolls into view (an IntersectionObserver), before printing,
// and afresh for its PNG. Its table and summary are always current.

import { el, download, fitCanvasTo } from './dom.js';
import { COMPARE } from './scenario-state.js';

/** Pixels across a chart's PNG: 17 cm, a report's text width, at 300 dots an inch. */
const PNG_WIDTH_PX = 2000;
/** The sources the first view draws from; the others are the analysis module's (`ChartSource`). */
const APPRAISALS = ['appraisal', 'appraisals'];

/**
 * @typedef {(canvas: HTMLCanvasElement, ratio: number) => void} Drawer
 * @param {import('./calculator.js').Context} ctx
 */
export function chartView(ctx) {
  const { state, $, root, engine } = ctx;
  /**
   * Each canvas's CSS content size, kept up to date by a ResizeObserver so that
   * drawing never reads layout: a read after the tables change would force the
   * browser to lay out the whole page again, once per chart.
   * @type {Map<Element, { width: number, height: number }>}
   */
  const canvasSizes = new Map();
  /**
   * Each chart's source by id (`display::CHARTS`): the first view's (its
   * result's `charts`), then every chart's, once the analysis module has
   * loaded.
   * @type {Map<string, string>}
   */
  const sources = new Map();
  /** Every chart's heading, caption and source by id (the analysis module's `charts`, read once it has loaded). @type {Record<string, { title: string, caption: string, source: string }> | null} */
  let words = null;
  function allCharts() {
    if (!sources.size && state.result) {
      for (const [id, source] of Object.entries(state.result.charts)) sources.set(id, source);
    }
    if (!words && ctx.analysis) {
      words = /** @type {Record<string, { title: string, caption: string, source: string }>} */ (ctx.analysis.charts());
      for (const [id, { source }] of Object.entries(words)) sources.set(id, source);
    }
    return words;
  }
  /** The canvases of the charts drawn from the sources `from` takes. @param {(source: string) => boolean} from */
  function canvasesFrom(from) {
    allCharts();
    return [...sources].filter(([, source]) => from(source)).map(([id]) => `${id}-chart`);
  }
  /** The print view scales the screen's drawings: redrawn at print sizes, they would feed back into their size. */
  const printing = matchMedia('print');
  let resizeFrame = 0;
  /** Canvases on screen or within a tenth of a screen of it, as last reported; one never reported counts as seen. */
  const offScreen = new Set();
  /** Canvases whose chart changed while off screen. */
  const stale = new Set();
  const viewObserver = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) {
      if (isIntersecting) offScreen.delete(target);
      else offScreen.add(target);
      if (isIntersecting && stale.has(target)) draw(target.id);
    }
  }, { rootMargin: '10% 0px' });
  const observer = new ResizeObserver((entries) => {
    if (printing.matches) return;
    for (const entry of entries) {
      const box = entry.contentBoxSize?.[0];
      canvasSizes.set(entry.target, box ? { width: box.inlineSize, height: box.blockSize } : entry.contentRect);
    }
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(() => redrawAll());
  });

  /** A canvas sized to its CSS box as last observed; false if it is not shown. @param {HTMLCanvasElement} canvas */
  const fitCanvas = (canvas) => fitCanvasTo(canvas, canvasSizes.get(canvas));

  /**
   * How to draw the chart on canvas `id` as things stand, or null when it has nothing to show.
   * @param {string} id @returns {Drawer | null}
   */
  function drawerFor(id) {
    const { report, uReport, view } = state;
    const { analysis } = ctx;
    const chart = id.replace(/-chart$/, '');
    const single = view !== COMPARE;
    const simulated = single && uReport && analysis && state.uResult?.programmes?.[view];
    const comparison = ctx.later?.saved.comparison();
    /** @type {Record<string, Drawer | null | false | undefined>} what each source draws with, if it can now */
    const drawers = {
      appraisal: single && report && ((c, r) => engine.drawChart(chart, c, report, view, r)),
      appraisals: report && ((c, r) => engine.drawChart(chart, c, report, view, r)),
      simulation: simulated && ((c, r) => analysis.drawSimulationChart(chart, c, uReport, view, r)),
      value_of_information: simulated?.value && ((c, r) => analysis.drawSimulationChart(chart, c, uReport, view, r)),
      saved_scenarios: comparison && ((c, r) => analysis.drawScenarioComparison(c, comparison, r)),
    };
    allCharts();
    return drawers[sources.get(chart) ?? ''] || null;
  }

  /** Draws a chart if it is in view (or `always`), else marks it stale. @param {string} canvasId @param {boolean} [always] */
  function draw(canvasId, always = false) {
    const canvas = $(canvasId);
    if (!canvas) return; // its markup has not arrived yet (later-markup.js)
    if (!always && offScreen.has(canvas)) {
      stale.add(canvas);
      return;
    }
    stale.delete(canvas);
    const drawFn = drawerFor(canvasId);
    if (!drawFn || !fitCanvas(canvas)) return;
    try {
      drawFn(canvas, window.devicePixelRatio || 1);
    } catch (e) {
      console.error(`could not draw ${canvasId}:`, e);
    }
  }

  /** @param {boolean} [always] */
  function drawCharts(always) {
    if (!state.report) return;
    for (const id of canvasesFrom((source) => APPRAISALS.includes(source))) draw(id, always);
    if (!state.firstChartDrawn) {
      state.firstChartDrawn = true;
      performance.mark('sfpc:first-chart');
    }
  }

  /** @param {boolean} [always] */
  function drawUncertaintyCharts(always) {
    for (const id of canvasesFrom((source) => source === 'simulation' || source === 'value_of_information')) draw(id, always);
  }

  /** Every chart in view, or `always` every chart (for printing). @param {boolean} [always] */
  function redrawAll(always) {
    drawCharts(always);
    drawUncertaintyCharts(always);
    for (const id of canvasesFrom((source) => source === 'saved_scenarios')) draw(id, always);
  }

  /** A chart as a PNG at print resolution, drawn afresh (not scaled up from the screen). @param {string} canvasId */
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


  /**
   * Names each chart figure in `scope` not yet named (the first view words
   * its own: a programme's headings, the comparison's, the tables' captions)
   * with the engine's words, once the analysis module has loaded.
   * @param {ParentNode} [scope]
   */
  function name(scope = root) {
    const words = allCharts();
    if (!words) return;
    for (const figure of /** @type {NodeListOf<HTMLElement>} */ (scope.querySelectorAll('figure.chart[data-chart]'))) {
      const { title, caption } = words[figure.dataset.chart ?? ''];
      /** @type {[Element | null, string][]} */
      const named = [[figure.querySelector('h3'), title], [figure.querySelector('caption'), caption]];
      for (const [element, text] of named) {
        if (element && !element.textContent) element.textContent = text;
      }
    }
  }

  /**
   * Takes in the charts in `scope`: names them, puts a PNG button under each,
   * and watches its canvas for its size.
   * @param {ParentNode} [scope]
   */
  function start(scope = root) {
    name(scope);
    for (const canvas of scope.querySelectorAll('figure.chart canvas')) {
      const titleId = canvas.getAttribute('aria-labelledby');
      const button = el('button', { type: 'button', class: 'button secondary small png', 'aria-describedby': titleId },
        'Download this chart (PNG)');
      button.addEventListener('click', () => downloadPng(canvas.id));
      canvas.after(button);
      observer.observe(canvas);
      viewObserver.observe(canvas);
    }
  }

  function destroy() {
    observer.disconnect();
    viewObserver.disconnect();
    cancelAnimationFrame(resizeFrame);
  }

  return { start, name, draw, drawCharts, drawUncertaintyCharts, redrawAll, destroy };
}
