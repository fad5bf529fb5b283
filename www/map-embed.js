// @ts-check
// The map of England inside an iframe (map-embed.html), compact: one model's
// map, its summary and a link to the every-council page. It appraises every
// council with the calculator's default figures, for that model alone, and
// tells the host its height (embed-height.js).
//
// Query parameters: `model` (family-valued, family-safeguarding or
// no-wrong-door; default family-safeguarding), `measure` (council_npv,
// cashable_npv or payback; default council_npv) and `parent-origin`.

import initPage, * as page from './pkg/sfpc.js';
import initAnalysis, * as analysis from './pkg/sfpc_analysis.js';
import { renderMap } from './council-map.js';
import { reportHeights } from './embed-height.js';

const params = new URLSearchParams(location.search);
const reportHeight = reportHeights(params);
/** @param {string} id @returns {HTMLElement} */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function main() {
  await Promise.all([initPage(), initAnalysis()]);
  const template = page.defaultScenario();
  const wanted = (params.get('model') ?? 'family-safeguarding').replace(/-/g, '_');
  const programme = Object.keys(template.programmes).includes(wanted) ? wanted : 'family_safeguarding';
  for (const [key, p] of Object.entries(template.programmes)) p.enabled = key === programme;
  const book = new analysis.CouncilBook();
  book.add(template, 0, analysis.councilCount());
  const select = /** @type {HTMLSelectElement} */ ($('map-measure'));
  /** @param {string} measure */
  const draw = (measure) => renderMap(analysis, book, template, programme, measure);
  let measure = params.get('measure') ?? 'council_npv';
  try {
    draw(measure);
  } catch {
    measure = 'council_npv'; // not a measure the engine knows
    draw(measure);
  }
  select.value = measure;
  select.addEventListener('change', () => draw(select.value));
  document.documentElement.dataset.ready = 'true';
  reportHeight();
}

main().catch((e) => {
  console.error(e);
  $('map-summary').textContent = 'This map could not start: your browser may not support WebAssembly.';
});
