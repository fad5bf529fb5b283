// @ts-check
// "Decide now or wait", after the uncertainty analysis and from its draws:
// the expected loss of each choice and whether to wait for the model's trial
// at a glance; one click away (folded, so the page stays short), what each
// figure is worth knowing before deciding (chart 10; worked out on a worker
// beside the draws), the chance of clearing an amount the user sets
// (chart 11) and the method. Every sentence, caption and cell is the engine's
// (UncertaintyReport.result()'s `decision` and `value`); this module places
// them. Loaded with the analysis module, so it costs the first view nothing.

import { el } from './dom.js';
import { describeErrors } from './scenario-text.js';
import { COMPARE } from './scenario-state.js';

/**
 * How long the figures must stay unchanged after their draws are shown before
 * the value of information starts (one worker's task, about 40 ms, which a
 * newer run cannot interrupt): half a second, a pause in typing rather than
 * the gap between two keystrokes, so each new run's draws get every core.
 */
const VALUE_AFTER_MS = 500;

/** The panel's markup, its charts' figures made by markup.js's `chart`. @param {Function} chart */
const decideHtml = (chart) => `<h2 id="decide-title">Decide now or wait</h2>
<p>What each choice risks across the same simulated futures, what it would be worth to know each figure before
  deciding, and whether waiting for the model's trial is worth a year.</p>
<div id="decide-cards" class="headlines"></div>
<p id="decide-verdict" class="summary"></p>
<p id="decide-waiting" class="summary"></p>
<details class="data" id="decide-more">
<summary>What is worth knowing first, the chance of clearing an amount you set, and how these are worked out</summary>
<p id="decide-assumptions" class="context"></p>
${chart('evppi', { tall: true })}
<div class="field" id="decide-threshold-field">
  <label for="decide-threshold" id="decide-threshold-label"></label>
  <p class="hint" id="decide-threshold-hint">The chance of clearing it, from the same simulated futures: £0 is breaking even.</p>
  <p class="error-message" id="decide-threshold-error" hidden></p>
  <input id="decide-threshold" type="text" inputmode="decimal" autocomplete="off" value="0"
    aria-describedby="decide-threshold-hint decide-threshold-text">
  <p id="decide-threshold-text" class="summary" aria-live="polite"></p>
</div>
${chart('acceptability')}
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="payback-caption">
  <table id="payback-table"><caption id="payback-caption">Chance of paying back within each number of years</caption></table>
</div>
<h3>How these figures are worked out</h3>
<ul id="decide-method" class="context"></ul>
</details>`;

/**
 * @param {import('./calculator.js').Context} ctx
 * @param {Function} chart markup.js's, passed in so that this module shares no bundle chunk with the first view's markup
 */
export function decideView(ctx, chart) {
  const { state, $ } = ctx;
  // On screen only: the print view keeps to two pages (its tables are in the workbook and the audit pack).
  const section = el('section', { id: 'decide', class: 'uncertainty screen-only', 'aria-labelledby': 'decide-title', hidden: true });
  section.innerHTML = decideHtml(chart);
  const uncertainty = $('uncertainty');
  uncertainty.after(section);
  // Out of date when the uncertainty analysis is (a newer input is being simulated).
  const stale = new MutationObserver(() => section.classList.toggle('is-stale', uncertainty.classList.contains('is-stale')));
  stale.observe(uncertainty, { attributes: true, attributeFilter: ['class'] });
  ctx.charts.start(section);
  $('decide-threshold-label').textContent = ctx.analysis.thresholdLabel();
  const input = /** @type {HTMLInputElement} */ ($('decide-threshold'));
  input.addEventListener('input', showThreshold);

  /** The programme in view's decision, or null (none yet, or the compare view). */
  function current() {
    return state.view === COMPARE ? null : state.uResult?.programmes?.[state.view] ?? null;
  }

  /** The chance of clearing the amount typed; a bad amount keeps the last good sentence and says why. */
  function showThreshold() {
    const error = $('decide-threshold-error');
    if (!current() || !state.uReport) return;
    try {
      $('decide-threshold-text').textContent = state.uReport.chanceAbove(state.view, input.value);
      error.hidden = true;
      input.removeAttribute('aria-invalid');
    } catch (errors) {
      error.textContent = describeErrors(errors);
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
    }
  }

  function render() {
    const u = current();
    section.hidden = !u;
    if (!u) return;
    const { decision, value } = u;
    ctx.results.cards('decide-cards', decision.cards);
    $('decide-verdict').textContent = decision.verdict;
    $('decide-waiting').textContent = value?.waiting ?? '';
    $('decide-assumptions').textContent = value?.waiting_assumptions ?? '';
    $('evppi-summary').textContent = value?.evppi_summary ?? '';
    if (value) ctx.results.table('evppi-table', value.evppi_table);
    $('acceptability-summary').textContent = decision.acceptability_summary;
    ctx.results.table('acceptability-table', decision.acceptability_table);
    ctx.results.table('payback-table', decision.payback_table);
    $('decide-method').replaceChildren(...state.uResult.decide_method.map((/** @type {string} */ line) => el('li', {}, line)));
    showThreshold();
  }

  /**
   * A run's draws are summarised and shown: its value of information, on a
   * worker (then the draws never wait for it), or here where there are none.
   * @param {{ scenario: any, draws: number, seed: number }} job @param {number} workers
   */
  function finished(job, workers) {
    clearTimeout(valueTimer);
    const token = state.runToken;
    valueTimer = setTimeout(() => {
      if (token !== state.runToken || state.run) return;
      if (workers) ctx.pool.value(job, (/** @type {Float64Array} */ packed) => show(state.uReport.setValueOfInformation(packed)));
      else show(state.uReport.computeValueOfInformation());
    }, VALUE_AFTER_MS);
  }
  let valueTimer = 0;

  /** Each programme's value-of-information words, into the result on screen. @param {Record<string, any>} words */
  function show(words) {
    for (const [key, value] of Object.entries(words)) state.uResult.programmes[key].value = value;
    render();
    ctx.charts.draw('evppi-chart');
  }

  return { render, finished };
}
