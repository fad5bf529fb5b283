// @ts-check
// The form: each programme's parameters in the registry's groups, each group
// a benefit stream (with whether to count it, who benefits and why it adds to
// the others), the cost of a child in care, or costs and delivery. Groups fold
// away to their totals, which the engine words (display::group_readings).
//
// Everything typed lives in `state.text` by scenario path, so nothing is lost
// when the form is rebuilt; staff lines are paths `programmes.X.staff[i].role`
// and so on, `state.staffLines` holding how many each programme has.

import { el, fieldId } from './dom.js';
import { STAFF_LABELS, rowOf } from './scenario-state.js';
import { shownFigure } from './scenario-text.js';

/**
 * One row of the engine's defaults table (`defaultsTable`), as the form uses it.
 * @typedef {{ programme: string, group: string, group_label: string, path: string, label: string, hint: string,
 *   unit: string, form_unit?: string, kind: string, shape: 'ranged' | 'list' | 'staff' | string, basis: string,
 *   price_year: string, source: string, restated: boolean, published_value: unknown, grades?: any }} DefaultsRow
 * @typedef {import('./scenario-state.js').State} State
 */

/** The id of a programme's group, for its `<details>`, total and note. @param {string} programme @param {string} group */
export const groupId = (programme, group) => `group-${programme}-${group}`;

/**
 * The figure's grade, before its hint (so a screen reader hears it with the
 * field): the default's until the engine grades the figure in use
 * (`showGrades`). @param {string} path @param {any} row
 */
function gradeBadge(path, row) {
  if (!row?.grades) return '';
  const g = row.grades.value;
  return el('span', { class: `grade grade-${g.grade}`, 'data-grade-for': path }, g.text);
}

/** Each figure's grade as the engine gives it for the figures in use. @param {ParentNode} root @param {import('./engine-types.js').FigureGrade[]} grades */
export function showGrades(root, grades) {
  for (const g of grades) {
    const badge = root.querySelector(`[data-grade-for="${g.path}"]`);
    if (!badge) continue;
    badge.className = `grade grade-${g.grade}`;
    badge.textContent = g.text;
  }
}

/** @param {DefaultsRow} row */
function sourceDetails(row) {
  const restated = row.restated
    ? el('p', {}, `Published as ${[row.published_value].flat().join(", ")} in ${row.price_year} prices; the default here is restated into your price year with HM Treasury's GDP deflators.`)
    : '';
  return el('details', { class: 'source' },
    el('summary', {}, 'Source'),
    el('p', {}, el('strong', { class: `basis basis-${row.basis}` }, row.basis), ' · ', `price year: ${row.price_year}`),
    restated,
    el('p', {}, row.source));
}

/**
 * The text an input shows for a path. A figure the engine worked out (a
 * default, one restated into the price year) is shown as a finance lead
 * reads it: fractions as percentages, money to the penny, others to three
 * decimals; what the user typed is shown as typed. Either way the figure
 * used is `state.text`'s.
 * @param {State} state @param {string} path
 */
export function shownText(state, path) {
  const text = state.text.get(path) ?? '';
  if (state.typed.has(path)) return text;
  return shownFigure(text, rowOf(state, path.replace(/\.(low|high)$/, ''))?.kind, state.figureText);
}

/** Sets figures for the user (`texts`: path -> text), in the form too where it is shown. @param {Document | ShadowRoot} root @param {State} state @param {Map<string, string>} texts */
export function setTexts(root, state, texts) {
  for (const [path, text] of texts) {
    state.text.set(path, text);
    state.typed.delete(path);
    const input = /** @type {HTMLInputElement | null} */ (root.getElementById(fieldId(path)));
    if (input) input.value = shownText(state, path);
  }
}

/** @param {State} state @param {string} path @param {Record<string, unknown>} attrs */
function textInput(state, path, attrs) {
  const input = el('input', {
    id: fieldId(path), name: path, type: 'text', class: 'input', autocomplete: 'off', spellcheck: 'false',
    'data-path': path, ...attrs,
  });
  input.value = shownText(state, path);
  return input;
}

/** @param {State} state @param {string} path @param {string} label */
function rangeInputs(state, path, label) {
  const box = el('div', { class: 'range-inputs' });
  for (const end of ['low', 'high']) {
    const p = `${path}.${end}`;
    box.append(el('div', {},
      el('label', { for: fieldId(p) }, end === 'low' ? 'Low' : 'High'),
      textInput(state, p, { class: 'input input-short', inputmode: 'decimal', 'aria-label': `${label}: ${end}`, placeholder: 'same' })));
  }
  return box;
}

/**
 * One field: its label, hint, error slot and input; Low and High for a ranged
 * parameter; its source one click away. `spec` may override the row's label
 * and hint, and say the input's `kind` (`text`, `whole`).
 * @param {State} state @param {{ path: string, label?: string, hint?: string, kind?: string }} spec @param {DefaultsRow} [row]
 */
export function field(state, spec, row) {
  const { path } = spec;
  // A field without a registry row (the council's name) brings its own words.
  const label = spec.label ?? row?.label ?? '';
  const hint = spec.hint ?? `${row?.hint} Unit: ${row?.form_unit ?? row?.unit}.`;
  const id = fieldId(path);
  const isText = spec.kind === 'text';
  const input = textInput(state, path, {
    inputmode: spec.kind === 'whole' ? 'numeric' : isText || row?.shape === 'list' ? 'text' : 'decimal',
    autocomplete: path === 'council' ? 'organization' : 'off',
    'aria-describedby': `${id}-hint`,
    'data-main': true,
  });
  const wrap = el('div', { class: 'field', id: `${id}-field` },
    el('label', { for: id }, label),
    el('p', { class: 'hint', id: `${id}-hint` }, gradeBadge(path, row), hint),
    el('p', { class: 'field-note', id: `${id}-note`, 'data-note-for': path, hidden: true }),
    el('p', { class: 'error-message', id: `${id}-error`, hidden: true }),
    input,
    el('p', { class: 'field-reading', id: `${id}-reading`, 'data-reading-for': path, role: 'status', hidden: true }));
  if (row?.shape === 'ranged') wrap.append(rangeInputs(state, path, label));
  if (row) wrap.append(sourceDetails(row));
  return wrap;
}

/** The staff lines of a programme: role, FTE and cost of one FTE a year each. @param {State} state @param {string} key @param {DefaultsRow} row */
function staffEditor(state, key, row) {
  const base = `programmes.${key}.staff`;
  const count = state.staffLines.get(key) ?? 0;
  const id = fieldId(base);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const line = `${base}[${i}]`;
    const cell = (/** @type {string} */ prop, /** @type {string} */ label, /** @type {Record<string, unknown>} */ attrs) => el('div', { class: 'staff-cell' },
      el('label', { for: fieldId(`${line}.${prop}`) }, `Post ${i + 1}: ${label}`),
      textInput(state, `${line}.${prop}`, attrs));
    lines.push(el('li', { class: 'staff-line' },
      cell('role', STAFF_LABELS.role, { autocomplete: 'off' }),
      cell('fte', STAFF_LABELS.fte, { class: 'input input-short', inputmode: 'decimal' }),
      cell('cost_per_fte_gbp', STAFF_LABELS.cost_per_fte_gbp, { class: 'input input-short', inputmode: 'decimal' }),
      el('button', { type: 'button', class: 'button secondary small', 'data-staff-remove': key, 'data-index': i }, `Remove post ${i + 1}`)));
  }
  return el('div', { class: 'field staff', id: `${id}-field`, role: 'group', 'aria-labelledby': `${id}-label` },
    el('p', { class: 'label', id: `${id}-label` }, row.label),
    el('p', { class: 'hint', id: `${id}-hint` }, row.hint),
    el('ol', { class: 'staff-lines' }, ...lines),
    el('button', { type: 'button', class: 'button secondary small', 'data-staff-add': key, disabled: count >= state.limits.max_staff_lines },
      'Add a post'),
    sourceDetails(row));
}

/** Whether to count a stream, who it benefits and why it adds to the others. @param {State} state @param {string} key @param {{ key: string, payer_label: string, additional: string }} stream */
function streamControls(state, key, stream) {
  const id = `include-${key}-${stream.key}`;
  const included = !(state.excluded.get(key)?.has(stream.key));
  return [
    el('div', { class: 'checkbox' },
      el('input', { type: 'checkbox', id, checked: included, 'data-programme': key, 'data-stream': stream.key }),
      el('label', { for: id }, 'Count this saving in the results')),
    el('p', { class: 'hint' }, `Who benefits: ${stream.payer_label}. ${stream.additional}`),
  ];
}

/**
 * A programme's fieldset: one folding group per registry group, the first
 * open. `ctx` holds `state`, `table` (the defaults table) and `streams`.
 * @param {{ state: State, table: DefaultsRow[], streams: Record<string, any[]> }} ctx @param {string} key @param {string} name
 */
export function programmeFieldset(ctx, key, name) {
  const { state } = ctx;
  const rows = ctx.table.filter((r) => r.programme === key);
  const fieldset = el('fieldset', { class: 'programme', id: `fieldset-${key}` },
    el('legend', {}, `${name}: your figures`),
    el('p', { class: 'hint' }, 'Each group is one saving, or the costs; open it to see and change its figures. '
      + 'Low and high beside a figure give its range for the uncertainty analysis; leave them blank if you are sure of it.'));
  for (const group of [...new Set(rows.map((r) => r.group))]) {
    const members = rows.filter((r) => r.group === group);
    const id = groupId(key, group);
    const stream = ctx.streams[key].find((s) => s.key === group);
    const details = el('details', { class: 'group', id, open: state.openGroups.has(id) },
      el('summary', {}, el('span', { class: 'group-label' }, members[0].group_label),
        el('span', { class: 'group-total', id: `${id}-total` })),
      el('div', { class: 'group-body' },
        ...(stream ? streamControls(state, key, stream) : []),
        ...members.map((row) => (row.shape === 'staff' ? staffEditor(state, key, row) : field(state, { path: row.path }, row))),
        el('p', { class: 'group-note', id: `${id}-note` })));
    details.addEventListener('toggle', () => {
      if (details.open) state.openGroups.add(id);
      else state.openGroups.delete(id);
    });
    fieldset.append(details);
  }
  return fieldset;
}

/** Each group's total and note, from the engine's words for the current result. @param {Document | ShadowRoot} root @param {string} key @param {import('./engine-types.js').GroupReading[]} readings */
export function showGroupReadings(root, key, readings) {
  for (const r of readings) {
    // Written only when changed: a write the same as before still costs a layout.
    const total = root.getElementById(`${groupId(key, r.key)}-total`);
    if (total && total.textContent !== r.total) total.textContent = r.total;
    const note = root.getElementById(`${groupId(key, r.key)}-note`);
    if (note && note.textContent !== r.note) note.textContent = r.note;
  }
}

/** Opens the group holding `input`, so a field with an error can be seen. @param {Element | null} input */
export function revealField(input) {
  const group = /** @type {HTMLDetailsElement | null | undefined} */ (input?.closest('details.group'));
  if (group && !group.open) group.open = true;
}
