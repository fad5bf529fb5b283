// @ts-check
// Small DOM helpers the calculator's modules share. Text is always set as
// text, never parsed as HTML.

/** An element with attributes (false, null and undefined are left out) and children. @template {keyof HTMLElementTagNameMap} K @param {K} tag @param {Record<string, unknown>} [attrs] @param {...(Node | string)} children @returns {HTMLElementTagNameMap[K]} */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children) node.append(child);
  return node;
}

/** The id of the input for a scenario path: `programmes.x.y` -> `f-programmes-x-y`. @param {string} path */
export const fieldId = (path) => 'f-' + path.replace(/[^a-z0-9_]+/gi, '-');

/** Saves `content` as a file called `name`. @param {string} name @param {BlobPart} content @param {string} type */
export function download(name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}


/**
 * Writes a table: the first cell of each row is its heading. Each cell also
 * carries its column's heading (`data-heading`), which the narrow layout
 * shows beside it when the table is stacked.
 * @param {HTMLElement} tableElement @param {{ caption: string, headings: string[], rows: string[][] }} t
 */
export function writeTable(tableElement, t) {
  // The roles keep the table a table for screen readers when the narrow
  // layout displays its rows as blocks.
  tableElement.setAttribute('role', 'table');
  const head = el('thead', { role: 'rowgroup' }, el('tr', { role: 'row' },
    ...t.headings.map((h, i) => el('th', { scope: 'col', role: 'columnheader', class: i ? 'num' : '' }, h))));
  const body = el('tbody', { role: 'rowgroup' }, ...t.rows.map((cells) => el('tr', { role: 'row' },
    el('th', { scope: 'row', role: 'rowheader' }, cells[0]),
    ...cells.slice(1).map((c, i) => el('td', { class: 'num', role: 'cell', 'data-heading': t.headings[i + 1] }, c)))));
  tableElement.replaceChildren(el('caption', { id: tableElement.id.replace('table', 'caption') }, t.caption), head, body);
}


/**
 * Sizes a canvas's pixels to its CSS box (`box`, else as laid out) ×
 * devicePixelRatio, as the engine's charts expect; false if it is not shown.
 * @param {HTMLCanvasElement} canvas @param {{ width: number, height: number }} [box]
 */
export function fitCanvasTo(canvas, box = contentBox(canvas)) {
  const ratio = window.devicePixelRatio || 1;
  if (box.width === 0 || box.height === 0) return false;
  const width = Math.round(box.width * ratio);
  const height = Math.round(box.height * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  return true;
}

/** An element's content box in CSS pixels, unrounded (clientWidth rounds to whole pixels). @param {HTMLElement} e */
function contentBox(e) {
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  const px = (/** @type {string[]} */ ...names) => names.reduce((sum, n) => sum + (parseFloat(s.getPropertyValue(n)) || 0), 0);
  return {
    width: r.width - px('border-left-width', 'border-right-width', 'padding-left', 'padding-right'),
    height: r.height - px('border-top-width', 'border-bottom-width', 'padding-top', 'padding-bottom'),
  };
}

/** A note's text, written only when it changes (a write the same as before still costs a layout), hidden when empty. @param {HTMLElement} note @param {string} text */
export function writeNote(note, text) {
  if (note.textContent !== text) note.textContent = text;
  note.hidden = !text;
}
