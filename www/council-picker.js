// @ts-check
// The council picker: the council field made an editable combobox with list
// autocomplete (WAI-ARIA 1.2; the APG's "Editable Combobox With List
// Autocomplete" pattern). Typing filters the councils of the DfE table;
// Down and Up move through the list, Enter or a click picks, Escape closes
// it, Alt+Down opens it. The first option, "None: enter my own figures",
// leaves the statistics out. What is typed stays the council's name, so a
// council not in the list is simply typed.
//
// Also here, as it needs the analysis module (loaded with it, after the
// first chart): what picking a council sets, and its notes.

import { el } from './dom.js';
import { changeTexts } from './figures.js';
import { textAt } from './scenario-text.js';

/** The first option's text: the figures stay the user's own. */
export const NONE_LABEL = 'None: enter my own figures';

/** @typedef {{ code: string, name: string, region: string }} CouncilEntry one council in the picker's list */
/** @typedef {import('./figures.js').FiguresContext} FiguresContext */

/** @param {string} text */
const normal = (text) => text.trim().toLowerCase();

/** The councils matching what is typed: all of them for an empty text or the picked council's exact name. @param {CouncilEntry[]} councils @param {string} text @param {{ name: string } | null} picked */
function matches(councils, text, picked) {
  const q = normal(text);
  if (!q || (picked && q === normal(picked.name))) return councils;
  return councils.filter((c) => normal(c.name).includes(q) || normal(c.code).startsWith(q));
}

/**
 * Makes `input` (the council field, in the form) a combobox over
 * `councils()` (`[{ code, name, region }]`, empty while loading). `picked()`
 * is the council chosen now, if any; `onPick(council)` is called with a
 * council, or null for "None"; `matching(n)` is the engine's count of the
 * councils that match.
 * @param {HTMLInputElement} input @param {{ councils: () => CouncilEntry[], picked: () => { name: string } | null, onPick: (council: CouncilEntry | null) => void, matching: (n: number) => string }} options
 */
export function attachCouncilPicker(input, { councils, picked, onPick, matching }) {
  const listId = `${input.id}-list`;
  const list = el('ul', { id: listId, role: 'listbox', class: 'combobox-list', 'aria-label': 'Councils', hidden: true });
  const status = el('p', { class: 'visually-hidden', role: 'status', id: `${input.id}-count` });
  input.after(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('autocomplete', 'off');
  /** @type {(CouncilEntry | null)[]} the options shown: null is "None" */
  let shown = [];
  let active = -1;

  const options = () => [...list.children];
  /** @param {number} i */
  function setActive(i) {
    active = i;
    options().forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const li = options()[i];
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView?.({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function open() {
    const all = councils();
    shown = [null, ...matches(all, input.value, picked())];
    list.replaceChildren(...shown.map((c, i) => el('li', {
      id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', class: c ? '' : 'combobox-none', 'data-index': i,
    }, c ? `${c.name} (${c.region || 'England'})` : NONE_LABEL)));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    const n = shown.length - 1;
    status.textContent = all.length ? matching(n) : 'The list of councils is loading.';
    setActive(-1);
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  /** @param {number} i */
  function pick(i) {
    const council = shown[i];
    close();
    if (council) input.value = council.name;
    onPick(council);
  }

  input.addEventListener('input', open);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (/** @type {KeyboardEvent} */ event) => {
    const isOpen = !list.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen) open();
        if (!event.altKey) setActive((active + 1) % shown.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!isOpen) open();
        setActive(active <= 0 ? shown.length - 1 : active - 1);
        break;
      case 'Enter':
        if (isOpen && active >= 0) {
          event.preventDefault();
          pick(active);
        }
        break;
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          close();
        }
        break;
      default:
    }
  });
  // A press on an option must not take the focus from the input.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const li = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('li[data-index]'));
    if (li) pick(Number(li.dataset.index));
  });
}

/**
 * What the page remembers of a council's statistics: each note, the figure
 * it set (null: kept the default) and where that figure came from (the
 * scenario's `council_figures` entry).
 * @param {{ reading: import('./engine-types.js').CouncilReading, changes: { path: string, value: number }[], figures: { path: string }[], council: string, council_code: string, statistics_release: string }} figures the analysis module's `councilFigures`
 */
function councilState(figures) {
  /** @type {Map<string, { text: string, set: string | null, figure: { path: string } | null }>} */
  const notes = new Map(figures.reading.notes.map((n) => [n.path, { text: n.text, set: null, figure: null }]));
  // Every figure the statistics set has its note (display::council_reading).
  for (const c of figures.changes) {
    const note = notes.get(c.path);
    if (note) note.set = String(c.value);
  }
  for (const f of figures.figures) {
    const note = notes.get(f.path);
    if (note) note.figure = f;
  }
  return {
    code: figures.council_code, name: figures.council, release: figures.statistics_release,
    summary: figures.reading.summary, notes,
  };
}

/** Back to no council: the figures its statistics set, where still untouched, go back to their defaults. @param {FiguresContext} ctx */
function clearCouncil(ctx) {
  const { state } = ctx;
  const texts = new Map();
  for (const [path, note] of state.council?.notes ?? []) {
    if (note.set === null || state.text.get(path) !== note.set) continue;
    for (const p of [path, `${path}.low`, `${path}.high`]) texts.set(p, textAt(state.base, p));
  }
  if (state.council && state.text.get('council') === state.council.name) texts.set('council', state.base.council);
  state.council = null;
  ctx.setTexts(texts);
}

/**
 * Picks a council (null: "None: enter my own figures"). Returns what to
 * announce. The statistics set the figures they cover, each with a note.
 * @param {FiguresContext} ctx @param {any} analysis @param {CouncilEntry | null} council
 */
export function pickCouncil(ctx, analysis, council) {
  if (!council) {
    clearCouncil(ctx);
    return 'No council picked: enter your own figures.';
  }
  const figures = analysis.councilFigures(council.code, ctx.state.base.price_year);
  const texts = changeTexts(figures.changes);
  texts.set('council', figures.council);
  ctx.setTexts(texts);
  ctx.state.council = councilState(figures);
  return `${figures.council}: ${figures.changes.length} figures set from DfE's statistics, each marked.`;
}

/**
 * The notes of the council a scenario named (`state.council`, from
 * figures.js `councilFrom`), from its statistics: the figures stay the
 * scenario's own. A code the table no longer has keeps no notes.
 * @param {{ state: import('./scenario-state.js').State }} ctx @param {any} analysis
 */
export function restoreNotes(ctx, analysis) {
  const { state } = ctx;
  const council = state.council;
  if (!council || council.notes.size) return;
  try {
    const restored = councilState(analysis.councilFigures(council.code, state.base.price_year));
    state.council = { ...restored, name: council.name, release: council.release };
  } catch {
    // Not in the table: the name and code stay, without notes.
  }
}
