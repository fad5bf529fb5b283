// @ts-check
// The form on the page: the model choice, the settings, each programme's
// groups (form.js builds them) and the notes beside figures the page set.
// Rebuilt from `state` whenever the view or the staff lines change, so
// nothing typed is lost.

import { el, fieldId, writeNote } from './dom.js';
import { field, programmeFieldset, showGrades, showGroupReadings } from './form.js';
import { noteFor } from './figures.js';
import { COMPARE, SETTINGS, SIMULATION, changeStaffLines, programmeKeys, rowOf, staffPath } from './scenario-state.js';

/** @param {import('./calculator.js').Context} ctx */
export function formView(ctx) {
  const { state, $, root } = ctx;

  /** A setting's field: from SETTINGS and SIMULATION, with the table's row where it has one. @param {any} spec */
  const settingField = (spec) => field(state, spec, rowOf(state, spec.path));

  function render() {
    $('settings-fields').replaceChildren(...SETTINGS.map(settingField));
    ctx.makeCouncilPicker();
    const keys = state.view === COMPARE ? programmeKeys(state) : [state.view];
    const formContext = { state, table: state.table, streams: state.streams };
    $('programme-fields').replaceChildren(...keys.map((key) => programmeFieldset(formContext, key, nameOf(key))));
    /** @param {any} spec */
    const withHint = (spec) => (spec.hintFrom ? { ...spec, hint: state.simDefaults[spec.hintFrom] } : spec);
    $('simulation-fields').replaceChildren(...SIMULATION.map(withHint).map(settingField));
    showGroups();
    showNotes();
    ctx.errors.showOnFields();
  }

  /** @param {string} key */
  const nameOf = (key) => state.result?.programmes?.[key]?.name ?? key;

  /** Each shown group's total and note, from the last valid result, and (unless `readingsOnly`) each figure's grade. */
  function showGroups(readingsOnly = false) {
    for (const [key, p] of Object.entries(state.result?.programmes ?? {})) showGroupReadings(root, key, p.group_readings ?? []);
    if (!readingsOnly) for (const g of Object.values(state.grades ?? {})) showGrades(root, g.figure_grades);
  }

  /**
   * The statistics' note beside each field they set or left at its default,
   * and the price year's; and what the page read from a field where that is
   * not plain (field-readings.js, once the analysis module is in). Given the
   * `path` just typed in, only what that can change.
   * @param {string} [path]
   */
  function showNotes(path) {
    if (!path || path.startsWith('programmes.')) {
      for (const p of root.querySelectorAll('#calculator [data-note-for]')) {
        const note = /** @type {HTMLElement} */ (p);
        const at = note.dataset.noteFor ?? '';
        writeNote(note, at === 'price_year' ? state.priceNote : noteFor(state, at));
      }
    }
    ctx.later?.readings.showReadings(root, state, ctx.analysis, path); // with the analysis module
  }


  /**
   * The model radios, from the engine's result. Built once; later only their
   * checked state changes, so a keyboard user choosing with the arrow keys
   * keeps focus on the group.
   */
  function renderViewChoices() {
    const existing = root.querySelectorAll('#view-choices input[name="view"]');
    if (existing.length) {
      for (const radio of existing) /** @type {HTMLInputElement} */ (radio).checked = /** @type {HTMLInputElement} */ (radio).value === state.view;
      return;
    }
    const choices = programmeKeys(state).map((key) => {
      const p = state.result.programmes[key];
      return { key, name: p.name, note: p.innovator };
    });
    choices.push({ key: COMPARE, name: 'Compare all three', note: 'side by side' });
    $('view-choices').replaceChildren(...choices.map((/** @type {any} */ { key, name, note }) => {
      const id = `view-${key}`;
      return el('div', { class: 'radio' },
        el('input', { type: 'radio', name: 'view', id, value: key, checked: key === state.view }),
        el('label', { for: id }, name, el('span', { class: 'radio-note' }, ` (${note})`)));
    }));
  }

  /** Adds or removes a staff line; the form is rebuilt with the texts moved up. @param {Event} event */
  function onStaffClick(event) {
    const button = /** @type {HTMLElement} */ (event.target).closest('button[data-staff-add], button[data-staff-remove]');
    if (!(button instanceof HTMLElement)) return false;
    const key = button.dataset.staffAdd ?? button.dataset.staffRemove ?? '';
    const next = changeStaffLines(state, key, button.dataset.staffAdd ? undefined : Number(button.dataset.index));
    render();
    ctx.update();
    (root.getElementById(fieldId(staffPath(key, next, 'role'))) ?? root.querySelector(`button[data-staff-add="${key}"]`))?.focus();
    return true;
  }

  /** A stream's "count this saving" box. @param {Event} event */
  function onStreamToggle(event) {
    const box = /** @type {HTMLElement} */ (event.target).closest('input[data-stream]');
    if (!(box instanceof HTMLInputElement)) return;
    const programme = box.dataset.programme ?? '';
    const set = state.excluded.get(programme) ?? new Set();
    if (box.checked) set.delete(box.dataset.stream ?? '');
    else set.add(box.dataset.stream ?? '');
    state.excluded.set(programme, set);
    ctx.update();
    ctx.announce();
  }

  return { render, showGroups, showNotes, renderViewChoices, onStaffClick, onStreamToggle };
}
