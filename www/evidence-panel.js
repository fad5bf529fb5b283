// @ts-check
// "How much rests on the evidence": for the model in view, the council's
// net present value, its cashable part and the chance it is above zero with
// the figures as entered and under each evidence set (the engine's table and
// summary), each set's figures with the reason for each, and a button that
// puts a set's figures into the form.
//
// The sets' lists are rebuilt only when the model or the price year changes,
// so a keyboard user's focus on a set's button survives the update that
// choosing it causes. Loaded with the analysis module, after the first chart.

import { el } from './dom.js';
import { changeTexts } from './figures.js';
import { parseNumber } from './scenario-text.js';

/**
 * The analysis module's `evidenceSets`: the effects in use, each set's
 * figures and why, and the side-by-side table.
 * @typedef {{ used: string, summary: string, table: import('./engine-types.js').TextTable, sets: import('./engine-types.js').SetText[] }} EvidenceSets
 */

/** Renders the sets' figures and buttons, if the model or price year changed. @param {HTMLElement} container @param {EvidenceSets} data @param {string} key */
function renderSets(container, data, key) {
  if (container.dataset.for === key) return;
  container.dataset.for = key;
  container.replaceChildren(...data.sets.map((set) => el('details', { class: 'evidence-set' },
    el('summary', {}, set.label),
    el('p', { class: 'hint' }, set.description),
    el('ul', {}, ...set.figures.map((f) => el('li', {}, el('strong', {}, `${f.label}: ${f.figure}.`), ` ${f.why}.`))),
    el('button', { type: 'button', class: 'button secondary small', 'data-evidence-set': set.key },
      `Use these figures: ${set.label}`))));
}

/**
 * Shows `data` (the analysis module's `evidenceSets`) for `programme` in
 * `priceYear`: `$` finds elements by id, `table(id, t)` writes the engine's
 * text table.
 * @param {(id: string) => any} $ @param {(id: string, t: import('./results-view.js').TextTable) => void} table @param {EvidenceSets} data @param {string} programme @param {string} priceYear
 */
function renderEvidence($, table, data, programme, priceYear) {
  $('evidence').hidden = false;
  $('evidence-used').textContent = `The effects you have now: ${data.used}.`;
  $('evidence-summary').textContent = data.summary;
  table('evidence-table', data.table);
  renderSets($('evidence-sets'), data, `${programme} ${priceYear}`);
}

/**
 * The panel of one calculator. `ctx` holds `state`, `$`, `analysis`, `pool`
 * (the simulation's workers, which work the sets out where they can start),
 * `table`, `setTexts(texts)`, `update()` and `isCompare()`. Returns
 * `schedule(scenario)`, called with each valid scenario, and `onClick(event)`
 * for the form's clicks.
 * @param {{ state: import('./scenario-state.js').State, $: (id: string) => any, analysis: any, pool: any, table: (id: string, t: import('./results-view.js').TextTable) => void, setTexts: (texts: Map<string, string>) => void, update: () => boolean, isCompare: () => boolean }} ctx
 */
export function evidencePanel(ctx) {
  const { state, $, analysis } = ctx;
  let timer = 0;
  let token = 0;

  /**
   * The side-by-side for the model in view, a moment after the figures
   * settle and once the uncertainty run under way has finished (the sets
   * are worked out on the page, and would hold up the run's figures).
   * @param {Record<string, any>} scenario
   */
  function schedule(scenario) {
    clearTimeout(timer);
    if (ctx.isCompare()) {
      $('evidence').hidden = true;
      return;
    }
    const view = state.view;
    const mine = ++token;
    timer = setTimeout(async function show() {
      if (mine !== token) return;
      if (state.run) {
        timer = setTimeout(show, 100);
        return;
      }
      const parsed = parseNumber(state.text.get('simulation.seed') ?? '');
      const seed = Number.isFinite(parsed) ? parsed : state.simDefaults.seed;
      try {
        // On a worker where one can start (about 25 ms of simulation the page
        // need not wait for); on the page where none can, or one fails.
        // The chance with the figures as entered is the analysis's own (one chance for a scenario).
        const madeFor = state.uReportFor;
        const mineToo = madeFor?.report === state.report && madeFor?.view === view;
        const yours = mineToo ? state.uResult?.programmes?.[view]?.probability_council_npv_positive : undefined;
        const onPage = () => analysis.evidenceSets(scenario, view, seed, yours);
        const data = ctx.pool?.available ? await ctx.pool.ask({ evidence: { scenario, view, seed, yours } }).catch(onPage) : onPage();
        if (mine === token) renderEvidence($, ctx.table, data, view, scenario.price_year);
      } catch (e) {
        console.error(e);
        $('evidence').hidden = true;
      }
    }, 300);
  }

  /** "Use these figures": a set's effects into the form. @param {Event} event */
  function onClick(event) {
    const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('button[data-evidence-set]'));
    if (!button || !state.report || ctx.isCompare()) return;
    const changes = analysis.evidenceSetChanges(state.report.scenario(), state.view, button.dataset.evidenceSet);
    ctx.setTexts(changeTexts(changes));
    ctx.update();
    const label = button.closest('details')?.querySelector('summary')?.textContent;
    $('status').textContent = `${label}: ${changes.length} figures put into the form.`;
  }

  return { schedule, onClick };
}
