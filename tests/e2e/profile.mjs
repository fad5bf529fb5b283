// Where a keystroke's time goes on the page's main thread: a sampling CPU
// profile (Chromium's, every 50 µs) over keystrokes in a field, each sample
// taken inside the input handler put in the part of the update cycle whose
// function is nearest it on the stack. Not a test: it prints a table.
//
//   bash scripts/bench.sh            (runs it after the benchmark)
//   node tests/e2e/profile.mjs [--throttle 4] [--changes 40]
//
// The page is served from www/ as written (not minified), so the stack
// names the page's own functions; the engine's WebAssembly counts for the
// JavaScript function that called it (`evaluate`, `result`, `draw…`).

import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openCalculator } from './support.mjs';

/**
 * Each part of a keystroke, by the functions that do it: the innermost of
 * them on a sample's stack takes the sample.
 */
export const PARTS = [
  ['appraisal (engine.evaluate)', ['evaluate']],
  ['results as JSON (Report.result)', ['result']],
  ['charts: drawing (plotters, canvas)', ['drawChart']],
  ['charts: sizing and choosing', ['drawCharts', 'draw', 'fitCanvas', 'drawerFor']],
  ['tables and cards (DOM)', ['renderResults', 'renderProgramme', 'writeTable', 'cards', 'table']],
  ['form: group totals and notes', ['showGroups', 'showNotes', 'showGroupReadings', 'showGrades']],
  ['reading the form (buildScenario)', ['buildScenario']],
  ['starting the uncertainty run', ['start', 'cancel', 'startSimulation']],
  ['link and evidence sets (scheduled)', ['figuresChanged', 'schedule']],
  ['errors and stale marks', ['show', 'markStale']],
];

const argument = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/**
 * Profiles `changes` keystrokes in a Family Safeguarding field at a
 * 1280×800 window, CPU slowed `throttle` times; resolves to
 * `{ parts: [[part, ms a keystroke]], handlerMs, otherMs }`.
 */
export async function profileKeystrokes(browser, url, { throttle = 1, changes = 40, path } = {}) {
  const { page } = await openCalculator(browser, url, { width: 1280, height: 800 });
  await page.locator('#view-family_safeguarding').check();
  await page.waitForFunction(() => window.sfpcTiming.simulations >= 1, null, { timeout: 60000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const input = page.locator(`input[data-path="${path ?? 'programmes.family_safeguarding.children_on_cp_plans'}"]`);
  await input.scrollIntoViewIfNeeded();
  await cdp.send('Profiler.start');
  for (let i = 0; i < changes; i++) {
    await input.fill(String(300 + i));
    await page.waitForTimeout(20);
  }
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  return { ...attribute(profile), changes };
}

/** Each sample inside `onInput`, by PARTS; the rest of the handler as "other". */
function attribute(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owner = new Map();
  for (const [part, names] of PARTS) for (const name of names) owner.set(name, part);
  const totals = new Map(PARTS.map(([part]) => [part, 0]));
  let handler = 0;
  let other = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let part = null;
    let inHandler = false;
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const name = byId.get(n).callFrame.functionName;
      if (!part && owner.has(name)) part = owner.get(name);
      if (name === 'onInput') { inHandler = true; break; }
    }
    if (!inHandler) return;
    handler += ms;
    if (part) totals.set(part, totals.get(part) + ms);
    else other += ms;
  });
  return { totals, handler, other };
}

/** The breakdown as a Markdown table, ms a keystroke. */
export function breakdownTable(runs) {
  const lines = ['| part of a keystroke | ' + runs.map((r) => r.label).join(' | ') + ' |', '| --- |' + runs.map(() => ' ---: |').join('')];
  const per = (r, ms) => (ms / r.changes).toFixed(2);
  for (const [part] of PARTS) lines.push(`| ${part} | ${runs.map((r) => per(r, r.totals.get(part))).join(' | ')} |`);
  lines.push(`| other (in the handler) | ${runs.map((r) => per(r, r.other)).join(' | ')} |`);
  lines.push(`| **the input handler, in all** | ${runs.map((r) => `**${per(r, r.handler)}**`).join(' | ')} |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer({ root: join(ROOT, 'www') });
  const chromium = await launchBrowser();
  try {
    const changes = argument('--changes', 40);
    const throttles = process.argv.includes('--throttle') ? [argument('--throttle', 4)] : [1, 4];
    const runs = [];
    for (const throttle of throttles) {
      runs.push({ label: throttle === 1 ? 'unthrottled' : `CPU ÷${throttle}`, ...await profileKeystrokes(chromium.browser, server.url, { throttle, changes }) });
    }
    console.log(`Where a keystroke's time goes (ms a keystroke, ${changes} keystrokes, sampled every 50 µs, 1280×800):`);
    console.log(breakdownTable(runs));
  } finally {
    await chromium.close();
    server.stop();
  }
}
