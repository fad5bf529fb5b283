// @ts-check
// Saved scenarios (A, B and C, the engine's slots): versions of the figures, each for one
// model, kept in this browser (localStorage, a versioned store that a bad or
// old entry cannot break), and compared side by side under the results (the
// engine's table, summary and chart 7). Loaded with the analysis module,
// after the first chart.
//
// `ctx` holds `state`, `$`, `root`, `engine`, `analysis`, `table`, `draw`,
// `isCompare()` and `open(scenario, programme)`. The slots and the longest
// name are the engine's (`savedScenarioLimits()`), and so is a slot's label.

import { el } from './dom.js';
import { describeErrors } from './scenario-text.js';
import { viewFrom } from './scenario-state.js';

/** @param {{ state: import('./scenario-state.js').State, $: (id: string) => any, root: Document | ShadowRoot, engine: any, analysis: any, table: (id: string, t: import('./results-view.js').TextTable) => void, draw: (id: string) => void, isCompare: () => boolean, open: (scenario: any, programme: string) => void }} ctx */
export function savedScenarios(ctx) {
  const { state, $, root, engine, analysis, table } = ctx;

  // The slots, the longest name and the hint are the engine's.
  /** @type {{ slots: string[], max_name_chars: number, hint: string }} */
  const { slots: SLOTS, max_name_chars: MAX_NAME, hint: HINT } = analysis.savedScenarioLimits();
  $('f-saved-name').maxLength = MAX_NAME;
  $('save-buttons').replaceChildren(...SLOTS.map((slot) =>
    el('button', { type: 'button', class: 'button secondary', 'data-slot': slot }, `Save as ${slot}`)));
  /** The browser storage key; the version inside it is the store's format. */
  const STORE_KEY = 'sfpc.saved-scenarios';
  /** @typedef {{ name: string, programme: string, scenario: Record<string, any>, savedAt: string }} Saved */
  /** @type {Map<string, Saved>} slot -> what it holds */
  const saved = new Map();
  /** @type {any} */
  let comparison = null; // the engine's ScenarioComparison of `saved`

  const slotLabel = (/** @type {string} */ slot) => analysis.savedLabel(slot, saved.get(slot)?.name ?? '');
  const savedStatus = (/** @type {string} */ text) => { $('saved-status').textContent = text; };
  const modelName = (/** @type {string} */ key) => state.result?.programmes?.[key]?.name ?? key;

  /** Saved scenarios from this browser. A store that cannot be read is reported and left alone. */
  function loadSaved() {
    let stored;
    try {
      stored = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null');
    } catch {
      savedStatus('Scenarios saved earlier in this browser could not be read, so none are shown.');
      return;
    }
    if (stored === null) return;
    if (stored?.version !== 1 || typeof stored.slots !== 'object' || stored.slots === null) {
      savedStatus('Scenarios saved earlier in this browser are in a form this calculator does not read, so none are shown.');
      return;
    }
    let unreadable = 0;
    for (const slot of SLOTS) {
      const entry = stored.slots[slot];
      if (!entry) continue;
      try {
        const programme = viewFrom(state, entry.programme);
        if (!programme || programme === 'compare') throw new Error('no model');
        const scenario = engine.normaliseScenario(entry.scenario);
        saved.set(slot, { name: String(entry.name ?? '').slice(0, MAX_NAME), programme, scenario, savedAt: String(entry.savedAt ?? '') });
      } catch {
        unreadable += 1;
      }
    }
    if (unreadable) savedStatus(analysis.unreadableSaved(unreadable));
  }

  /** Writes the saved scenarios to the browser; false if it would not keep them. */
  function storeSaved() {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify({ version: 1, slots: Object.fromEntries(saved) }));
      return true;
    } catch {
      return false;
    }
  }

  /** @param {string} slot */
  function saveSlot(slot) {
    if (!state.report || ctx.isCompare()) return;
    if (state.errors.length) {
      savedStatus('Fix the problems listed at the top first: only valid figures can be saved.');
      return;
    }
    const name = $('f-saved-name').value.trim().slice(0, MAX_NAME);
    saved.set(slot, { name, programme: state.view, scenario: state.report.scenario(), savedAt: new Date().toISOString() });
    const kept = storeSaved();
    renderSaved();
    savedStatus(kept ? `Saved as ${slotLabel(slot)}.`
      : `Saved as ${slotLabel(slot)} until you leave this page: this browser would not store it (its storage may be full or switched off).`);
  }

  /** @param {string} slot */
  function openSlot(slot) {
    const s = saved.get(slot);
    if (!s) return;
    ctx.open(s.scenario, s.programme);
    renderSaved();
    savedStatus(`Opened ${slotLabel(slot)}.`);
  }

  /** @param {string} slot */
  function deleteSlot(slot) {
    const label = slotLabel(slot);
    saved.delete(slot);
    storeSaved();
    renderSaved();
    savedStatus(`Deleted ${label}.`);
  }

  /** @param {string} iso */
  function savedWhen(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : `, saved ${date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`;
  }

  function renderSaved() {
    $('saved-list').replaceChildren(...SLOTS.filter((slot) => saved.has(slot)).map((slot) => {
      const s = /** @type {Saved} */ (saved.get(slot));
      const button = (/** @type {string} */ action, /** @type {string} */ text) => el('button', { type: 'button', class: 'button secondary small', [`data-${action}`]: slot,
        'aria-label': `${text} ${slotLabel(slot)}` }, `${text} ${slot}`);
      return el('li', {}, el('strong', {}, slotLabel(slot)), ` (${modelName(s.programme)}${savedWhen(s.savedAt)}) `,
        button('open', 'Open'), ' ', button('delete', 'Delete'));
    }));
    updateSaveButtons();
    renderScenarioComparison();
  }

  /** Each saved scenario is for one model, so saving needs one chosen. */
  function updateSaveButtons() {
    const single = !ctx.isCompare();
    for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll('#save-buttons button'))) b.disabled = !single;
    $('saved-hint').textContent = single
      ? HINT : 'Choose one model above to save a scenario: each saved scenario is for one model.';
  }

  function renderScenarioComparison() {
    const entries = SLOTS.filter((slot) => saved.has(slot)).map((slot) => {
      const s = /** @type {Saved} */ (saved.get(slot));
      return { label: slotLabel(slot), programme: s.programme, scenario: s.scenario };
    });
    comparison?.free();
    comparison = null;
    $('scenarios').hidden = entries.length === 0;
    if (!entries.length) return;
    try {
      comparison = analysis.compareScenarios(entries);
    } catch (errors) {
      $('scenarios').hidden = true;
      savedStatus(`The saved scenarios could not be compared: ${describeErrors(errors)}.`);
      return;
    }
    const { table: t, summary } = comparison.result();
    $('scenarios-summary').textContent = summary;
    table('scenarios-table', t);
    ctx.draw('scenarios-chart');
  }

  /** A click in the form: a saved scenario's button, if it is one (true). @param {Event} event */
  function onSavedClick(event) {
    const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('#saved button'));
    if (!button) return false;
    if (button.dataset.slot) saveSlot(button.dataset.slot);
    else if (button.dataset.open) openSlot(button.dataset.open);
    else if (button.dataset.delete) deleteSlot(button.dataset.delete);
    return true;
  }


  function destroy() {
    comparison?.free();
    comparison = null;
  }

  return { load: loadSaved, render: renderSaved, onClick: onSavedClick, updateButtons: updateSaveButtons, comparison: () => comparison, destroy };
}
