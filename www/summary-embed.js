// @ts-check
// The summary embed (summary-embed.html), for a host page with little room:
// one model's verdict for a council, its cumulative-position chart (with its
// table and summary) and a link to the full calculator with the same
// figures; under 700 px tall. Central figures only: the chance of being
// better off needs the uncertainty analysis, which the full calculator runs.
// It tells the host its height (embed-height.js).
//
// Query parameters: `programme` (family-valued, family-safeguarding or
// no-wrong-door; default family-safeguarding), `council` (a DfE code, such as
// E08000035, for that council's published statistics) and `parent-origin`;
// a fragment made by "Copy a link" gives its figures instead of the defaults.

import initPage, * as page from './pkg/sfpc.js';
import { LinkError, linkFragment, scenarioFromLink } from './links.js';
import { reportHeights } from './embed-height.js';
import { fitCanvasTo, writeTable } from './dom.js';

const params = new URLSearchParams(location.search);
const reportHeight = reportHeights(params);
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** The figures: the link's, else the defaults with the council's statistics when one is named. */
async function figures() {
  const fromText = (/** @type {string} */ text) => page.normaliseScenario(JSON.parse(text));
  try {
    const link = await scenarioFromLink(location.hash.slice(1), fromText);
    if (link) return link.scenario;
  } catch (e) {
    if (!(e instanceof LinkError)) throw e;
  }
  const defaults = page.defaultScenario();
  const code = params.get('council');
  if (!code) return defaults;
  const analysis = await import('./pkg/sfpc_analysis.js');
  await analysis.default();
  return analysis.councilScenario(defaults, code);
}

async function main() {
  await initPage();
  const scenario = await figures();
  const wanted = (params.get('programme') ?? 'family-safeguarding').replace(/-/g, '_');
  const view = Object.keys(scenario.programmes).includes(wanted) ? wanted : 'family_safeguarding';
  const report = page.evaluate(scenario);
  const result = report.result(view);
  const p = result.programmes[view];
  const verdict = p.verdicts.readings[0];
  $('summary-title').textContent = `${p.name}: ${scenario.council}`;
  $('verdict-figure').textContent = verdict.figure;
  $('verdict-sentence').textContent = verdict.sentence;
  $('verdict-basis').textContent = verdict.basis;
  $('cumulative-title').textContent = p.titles.cumulative_net;
  $('cumulative-summary').textContent = p.summaries.cumulative_net;
  writeTable($('cumulative-table'), p.cumulative_table);
  $('open-full').setAttribute('href', `index.html#${await linkFragment(report.scenario(), { view })}`);
  $('loading').hidden = true;
  $('summary').hidden = false;
  const canvas = /** @type {HTMLCanvasElement} */ ($('cumulative-chart'));
  const draw = () => fitCanvasTo(canvas) && page.drawChart('cumulative', canvas, report, view, window.devicePixelRatio || 1);
  draw();
  new ResizeObserver(draw).observe(canvas);
  document.documentElement.dataset.ready = 'true';
  reportHeight();
}

main().catch((e) => {
  console.error(e);
  $('loading').textContent = 'This summary could not start: your browser may not support WebAssembly.';
});
