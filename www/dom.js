// @ts-check
// Small DOM helpers the calculator's modules share. Text is always set as
// text, never parsed as HTML.

/** An element with attributes (false, null and undefined are left out) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children) node.append(child);
  return node;
}

/** The id of the input for a scenario path: `programmes.x.y` -> `f-programmes-x-y`. */
export const fieldId = (path) => 'f-' + path.replace(/[^a-z0-9_]+/gi, '-');

/** Saves `content` as a file called `name`. */
export function download(name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The reader's local date and time, "2026-12-04T10:30:15": download names (its first ten characters) and the audit pack's dates. */
export function localStamp(date = new Date()) {
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
    + `T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
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
export function fitCanvasTo(canvas, box = { width: canvas.clientWidth, height: canvas.clientHeight }) {
  const ratio = window.devicePixelRatio || 1;
  if (box.width === 0 || box.height === 0) return false;
  const width = Math.round(box.width * ratio);
  const height = Math.round(box.height * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  return true;
}
