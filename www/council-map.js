// @ts-check
// The hex map on the every-council page: the engine draws it onto a canvas
// and says where each council's hexagon is and what it announces; this
// module lays a link over each hexagon (in the engine's order: north to
// south, then west to east), so that hover and keyboard focus show the
// council's words and a click opens the calculator for that council.

import { el } from './dom.js';
import { linkFragment } from './links.js';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * The engine's `CouncilBook.mapView`: the map's words and where each council's hexagon is.
 * @typedef {{ code: string, label: string, x: number, y: number, radius: number }} MapCell
 * @typedef {{ summary: string, legend: string[], measures: { key: string, label: string }[], cells: MapCell[] }} MapView
 */

/**
 * Draws the map of `programme` and `measure` from `book` (a CouncilBook),
 * with its summary, legend and a link over each council. `template` is the
 * scenario the page appraised; `analysis` the engine's analysis module.
 * @param {any} analysis @param {any} book @param {Record<string, any>} template @param {string} programme @param {string} measure
 */
export function renderMap(analysis, book, template, programme, measure) {
  $('map-section').hidden = false; // shown first, so that its width can be read
  const canvas = /** @type {HTMLCanvasElement} */ ($('map-canvas'));
  const width = Math.min(/** @type {HTMLElement} */ ($('map-wrap')).clientWidth || 720, 720);
  // (the wrap's width: at most 720 px on the page, 520 px in the embed)
  const height = analysis.mapHeightFor(width);
  const ratio = window.devicePixelRatio || 1;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  /** @type {MapView} */
  const view = book.mapView(programme, measure, width, height);
  book.drawMap(canvas, programme, measure, ratio);
  $('map-summary').textContent = view.summary;
  $('map-legend').replaceChildren(...view.legend.map((text) => el('li', {}, text)));
  const select = /** @type {HTMLSelectElement} */ ($('map-measure'));
  if (!select.options.length) {
    select.replaceChildren(...view.measures.map((m) => el('option', { value: m.key }, m.label)));
  }
  const overlay = $('map-overlay');
  overlay.style.width = `${width}px`;
  overlay.style.height = `${height}px`;
  const show = (/** @type {string} */ text) => { $('map-focus').textContent = text; };
  overlay.replaceChildren(...view.cells.map((cell) => {
    const size = cell.radius * 1.6;
    const link = el('a', { href: 'index.html', class: 'map-cell', 'aria-label': cell.label, 'data-code': cell.code });
    link.style.left = `${cell.x - size / 2}px`;
    link.style.top = `${cell.y - size / 2}px`;
    link.style.width = `${size}px`;
    link.style.height = `${size}px`;
    link.addEventListener('focus', () => show(cell.label));
    link.addEventListener('mouseenter', () => show(cell.label));
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      const scenario = analysis.councilScenario(template, cell.code);
      location.href = `index.html#${await linkFragment(scenario, { view: programme })}`;
    });
    return link;
  }));
  show('');
}
