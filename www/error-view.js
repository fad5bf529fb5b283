// @ts-check
// Errors as the GOV.UK Design System shows them: a summary at the top whose
// links go to the fields, and each field's own message. The engine words
// every message and names its path; this module only places them.

import { el, fieldId } from './dom.js';
import { fieldPathOf } from './scenario-text.js';
import { COMPARE, SETTINGS, SIMULATION, STAFF_LABELS, programmeOf, rowOf } from './scenario-state.js';
import { revealField } from './form.js';

/** @typedef {import('./engine-types.js').InputError} InputError */


/**
 * The message, saying which end of a range it is about.
 * @param {InputError} e
 */
export function messageOf(e) {
  const end = e.path.match(/\.(low|high)$/)?.[1];
  return end ? `${end} ${e.message}` : e.message;
}

/**
 * One message per field and problem: a typed value can fail the same rule at
 * `value` and at `low` or `high` (blank bounds follow the value).
 * @param {InputError[]} errors
 */
export function uniqueByField(errors) {
  const seen = new Set();
  return errors.filter((e) => {
    const key = `${fieldPathOf(e.path)}\u0000${e.message}`;
    return !seen.has(key) && seen.add(key);
  });
}

/**
 * Errors as thrown by the engine (a list) or anything else, as a list.
 * @param {unknown} thrown
 * @returns {InputError[]}
 */
export const asErrors = (thrown) => (Array.isArray(thrown) ? thrown : [{ path: 'scenario', message: String(thrown) }]);

/** @param {import('./calculator.js').Context} ctx */
export function errorView(ctx) {
  const { state, $, root } = ctx;

  /** A field's label for the summary, with its model's name in the compare view. @param {string} path */
  function labelFor(path) {
    const spec = [...SETTINGS, ...SIMULATION].find((s) => s.path === path);
    const staff = path.match(/\.staff\[(\d+)\]\.(\w+)$/);
    const staffLabel = staff && `Staff, post ${Number(staff[1]) + 1}: ${STAFF_LABELS[staff[2]] ?? staff[2]}`;
    const label = spec?.label ?? rowOf(state, path)?.label ?? staffLabel ?? path;
    const name = state.result?.programmes?.[programmeOf(path) ?? '']?.name;
    return name && state.view === COMPARE ? `${name}: ${label}` : label;
  }

  /** The errors the summary last listed, so a keystroke that changes none rewrites nothing. */
  let listed = '[]';

  function show() {
    const now = JSON.stringify(state.errors);
    if (now !== listed) {
      listed = now;
      $('error-list').replaceChildren(...state.errors.map((e) => {
        const path = fieldPathOf(e.path);
        return el('li', {}, el('a', { href: `#${fieldId(path)}`, 'data-path': path }, `${labelFor(path)}: ${messageOf(e)}`));
      }));
      $('error-summary').hidden = state.errors.length === 0;
    }
    showOnFields();
  }

  /** Writes an attribute only when it changes: the same write again still costs a style pass. @param {Element} node @param {string} name @param {string} value */
  const setAttribute = (node, name, value) => {
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  };

  function showOnFields() {
    /** @type {Map<string, string[]>} */
    const byField = new Map();
    for (const e of state.errors) {
      const path = fieldPathOf(e.path);
      byField.set(path, [...(byField.get(path) ?? []), messageOf(e)]);
    }
    const exact = new Set(state.errors.map((e) => e.path));
    for (const input of root.querySelectorAll('#calculator input[data-path]')) {
      const path = /** @type {HTMLInputElement} */ (input).dataset.path ?? '';
      const id = fieldId(path);
      if (!input.hasAttribute('data-main')) {
        setAttribute(input, 'aria-invalid', exact.has(path) ? 'true' : 'false');
        continue;
      }
      const messages = byField.get(path);
      const message = $(`${id}-error`);
      const text = messages ? `Error: ${messages.join('; ')}` : '';
      if (message.textContent !== text) {
        message.hidden = !messages;
        message.textContent = text;
        $(`${id}-field`).classList.toggle('field-error', Boolean(messages));
      }
      setAttribute(input, 'aria-invalid', messages ? 'true' : 'false');
      const note = root.getElementById(`${id}-note`);
      const described = [`${id}-hint`, note && !note.hidden && `${id}-note`, messages && `${id}-error`];
      setAttribute(input, 'aria-describedby', described.filter(Boolean).join(' '));
    }
  }

  /** A summary link to a field on another view switches to that view first. @param {Event} event */
  function followLink(event) {
    const link = /** @type {HTMLElement} */ (event.target).closest('a[data-path]');
    if (!(link instanceof HTMLElement)) return;
    event.preventDefault();
    const path = link.dataset.path ?? '';
    const programme = programmeOf(path);
    if (programme && state.view !== COMPARE && state.view !== programme) ctx.setView(programme);
    const input = root.getElementById(fieldId(path));
    revealField(input);
    input?.focus();
  }

  return { labelFor, show, showOnFields, followLink };
}
