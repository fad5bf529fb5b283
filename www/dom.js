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
