// @ts-check
// The verdict at the top of the results: the engine's figure and sentence
// for the model in view (display::verdicts), with what it depends on beside
// it and one click to switch: leave out (or count) the grant, or see it over
// the other appraisal period. Once the uncertainty analysis of the same
// figures is in, its verdict (with the chance of being better off, from the
// same draws as the cards) replaces the central one. The compare view lists
// each model's sentence.

import { el } from './dom.js';
import { COMPARE } from './scenario-state.js';
import { setTexts } from './form.js';

/** @param {import('./calculator.js').Context} ctx */
export function verdictView(ctx) {
  const { state, $ } = ctx;
  /** Which reading the reader chose: `with_grant` or `without_grant` (where there is a grant). */
  let chosen = 'with_grant';

  /** The verdicts of `key`: the simulated ones when they are for these figures, else the central ones. @param {string} key */
  function verdictsOf(key) {
    const madeFor = state.uReportFor;
    const simulated = madeFor?.report === state.report && (madeFor?.view === state.view || madeFor?.view === COMPARE)
      ? state.uResult?.programmes?.[key]?.verdicts : null;
    return simulated ?? state.result?.programmes?.[key]?.verdicts;
  }

  /** @param {import('./engine-types.js').Verdicts} verdicts */
  const readingOf = (verdicts) => verdicts.readings.find((r) => r.key === chosen) ?? verdicts.readings[0];

  function render() {
    if (!state.result) return;
    const compare = state.view === COMPARE;
    $('verdict-one').hidden = compare;
    $('verdict-list').hidden = !compare;
    if (compare) {
      $('verdict-list').replaceChildren(...Object.entries(state.result.programmes).map(([key, p]) => {
        const v = verdictsOf(key);
        return v ? el('li', {}, el('strong', {}, `${/** @type {any} */ (p).name}: `), readingOf(v).sentence) : '';
      }));
      return;
    }
    const v = verdictsOf(state.view);
    if (!v) return;
    const r = readingOf(v);
    $('verdict-model').textContent = state.result.programmes[state.view].name;
    $('verdict-figure').textContent = r.figure;
    $('verdict-sentence').textContent = r.sentence;
    $('verdict-basis').textContent = r.basis;
    const grant = $('verdict-grant');
    grant.hidden = !r.switch_label;
    grant.textContent = r.switch_label ?? '';
    $('verdict-horizon').textContent = v.other_horizon_label;
    $('verdict-horizon').dataset.years = String(v.other_horizon_years);
  }

  /** The switches' clicks; true if it was one. @param {Event} event */
  function onClick(event) {
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.closest('.to-inputs a')) {
      // In page: a link's hash would move the host page's address, in an embed.
      event.preventDefault();
      $('inputs').focus();
      return true;
    }
    const button = target.closest('#verdict-grant, #verdict-horizon');
    if (!(button instanceof HTMLButtonElement)) return false;
    if (button.id === 'verdict-grant') {
      chosen = chosen === 'with_grant' ? 'without_grant' : 'with_grant';
      render();
    } else {
      setTexts(ctx.root, state, new Map([['appraisal.horizon_years', button.dataset.years ?? '']]));
      ctx.update();
    }
    $('status').textContent = $('verdict-sentence').textContent;
    return true;
  }

  return { render, onClick };
}
