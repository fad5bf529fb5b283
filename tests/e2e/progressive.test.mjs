// Issue 26: a keystroke draws the charts in view, and the rest when they
// come into view, before printing and for a PNG; the uncertainty shows
// provisional figures from the run's first draws, then the full run's,
// the same as a run in one go; a newer input cancels a run midway; a
// keystroke never waits for a draw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServerAndBrowser, openCalculator, inkedPixels, downloadBytes } from './support.mjs';

const env = sharedServerAndBrowser();
const WINDOW = { width: 1280, height: 800 };
const FAMILIES = 'input[data-path="programmes.family_valued.families_per_year"]';

/** A canvas's pixels, as a short hash of its PNG. */
const pixels = (page, id) => page.evaluate(async (canvasId) => {
  const bytes = new TextEncoder().encode(document.getElementById(canvasId).toDataURL());
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].slice(0, 8).map((b) => b.toString(16)).join('');
}, id);
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const settled = (page, n) => page.waitForFunction((k) => window.sfpcTiming.simulations >= k, n, { timeout: 60000 });

test('a keystroke draws the charts in view; one off screen is drawn as it scrolls into view, with its table current', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url, WINDOW);
  await settled(page, 1);
  await page.locator(FAMILIES).scrollIntoViewIfNeeded();
  const below = await page.evaluate(() => document.getElementById('who-chart').getBoundingClientRect().top / innerHeight);
  assert.ok(below > 1.2, `the who-benefits chart starts ${below.toFixed(2)} windows down, out of view`);
  const [flows, who, whoTable] = [await pixels(page, 'flows-chart'), await pixels(page, 'who-chart'), await page.locator('#who-table').textContent()];
  await page.locator(FAMILIES).fill('450');
  await frames(page);
  assert.notEqual(await pixels(page, 'flows-chart'), flows, 'the chart in view is drawn at once');
  assert.equal(await pixels(page, 'who-chart'), who, 'the chart off screen waits');
  assert.notEqual(await page.locator('#who-table').textContent(), whoTable, 'its table is current');
  await page.locator('#who-chart').scrollIntoViewIfNeeded();
  // Drawn by the IntersectionObserver's task after the next frame.
  let scrolled = who;
  for (let i = 0; i < 40 && scrolled === who; i++) {
    await frames(page);
    scrolled = await pixels(page, 'who-chart');
  }
  assert.notEqual(scrolled, who, 'drawn as it comes into view');
  // What it drew is what a redraw of every chart draws now.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await pixels(page, 'who-chart'), scrolled);
  assert.deepEqual(problems, []);
  await page.close();
});

test('no chart is blank when printed or downloaded, drawn or stale', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url, WINDOW);
  await settled(page, 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  const before = await page.evaluate(() => window.sfpcTiming.simulations);
  await page.locator(FAMILIES).fill('380');
  await settled(page, before + 1);
  const stale = await pixels(page, 'fan-chart');
  // Printing draws every chart with something to show, in view or not.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  for (const id of ['flows-chart', 'cumulative-chart', 'who-chart', 'comparison-chart', 'fan-chart', 'histogram-chart', 'tornado-chart']) {
    assert.ok(await inkedPixels(page, id) > 1000, `${id} is drawn for printing`);
  }
  assert.notEqual(await pixels(page, 'fan-chart'), stale, 'the stale fan chart was drawn afresh');
  // A chart's PNG is drawn afresh at print size, wherever the chart is.
  await page.evaluate(() => window.scrollTo(0, 0));
  const { bytes } = await downloadBytes(page, page.locator('#tornado-chart + .png'));
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(bytes.length > 20000, `a drawn chart, not a blank one (${bytes.length} bytes)`);
  await page.close();
});

/**
 * Records in the page the percentile table shown each time provisional
 * figures are shown (the note is written afresh each time).
 */
async function watchProvisional(page) {
  await page.evaluate(() => {
    window.provisionalSeen = [];
    const note = document.getElementById('sim-provisional');
    new MutationObserver(() => {
      if (!note.hidden) window.provisionalSeen.push({ note: note.textContent, table: document.getElementById('percentiles-table').textContent });
    }).observe(note, { attributes: true, attributeFilter: ['hidden'], childList: true });
  });
}

test('the uncertainty shows provisional figures from its first draws, then the full run: each the same as a run in one go', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url, WINDOW);
  await settled(page, 1);
  await watchProvisional(page);
  const before = await page.evaluate(() => window.sfpcTiming.simulations);
  await page.locator(FAMILIES).fill('420');
  await settled(page, before + 1);
  const seen = await page.evaluate(() => window.provisionalSeen);
  assert.equal(seen.length, 1, 'provisional figures were shown once');
  assert.match(seen[0].note, /^Provisional: the first 8,192 of 100,000 simulated futures\. .*may move by up to ±0\.25 points .* up to 1% of its P10 to P90 range\.$/);
  assert.equal(await page.locator('#sim-provisional').isHidden(), true, 'the note goes with the full run');
  assert.match(await page.locator('#sim-audit').textContent(), /^100,000 simulated futures/);
  const { provisional, final } = await page.evaluate(async () => {
    const engine = await import('./pkg/sfpc.js');
    const analysis = await import('./pkg/sfpc_analysis.js');
    await analysis.default();
    const scenario = engine.defaultScenario();
    scenario.programmes.family_valued.families_per_year.value = 420;
    scenario.programmes.family_safeguarding.enabled = false;
    scenario.programmes.no_wrong_door.enabled = false;
    const table = (draws) => {
      const run = analysis.startSimulation(scenario, draws, engine.simulationDefaults().seed);
      run.step(draws);
      const report = run.finish();
      const t = report.result().programmes.family_valued.percentile_table;
      report.free();
      run.free();
      return t;
    };
    return { provisional: table(8192), final: table(100000) };
  });
  const text = (t) => [t.caption, ...t.headings, ...t.rows.flat()].join('');
  assert.equal(seen[0].table, text(provisional), 'the provisional table is a run of the first 8,192 draws');
  assert.equal(await page.locator('#percentiles-table').textContent(), text(final), 'the final table is a run of 100,000 draws in one go');
  assert.notEqual(text(provisional), text(final));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a newer input cancels a run midway through its refinement; a keystroke never waits for a draw', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url, WINDOW);
  await settled(page, 1);
  let done = await page.evaluate(() => window.sfpcTiming.simulations);
  await page.locator('input[data-path="simulation.draws"]').fill('1000000');
  await settled(page, done + 1);
  const millionMs = await page.evaluate(() => window.sfpcTiming.lastSimulationWallMs);
  await watchProvisional(page);
  done = await page.evaluate(() => window.sfpcTiming.simulations);
  await page.locator(FAMILIES).fill('410');
  const keystrokeMs = await page.evaluate(() => window.sfpcTiming.lastMs);
  await page.waitForFunction(() => window.provisionalSeen.length === 1, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.sfpcTiming.simulations), done, 'the run is refining');
  await page.locator(FAMILIES).fill('430');
  await settled(page, done + 1);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.sfpcTiming.simulations), done + 1, 'the first run never finished');
  assert.equal(await page.evaluate(() => window.provisionalSeen.length), 2, 'each run showed its provisional figures');
  assert.match(await page.locator('#sim-audit').textContent(), /^1,000,000 simulated futures/);
  assert.ok(keystrokeMs < millionMs / 4, `a keystroke (${keystrokeMs.toFixed(1)} ms) does not wait for the run (${millionMs.toFixed(0)} ms)`);
  await page.close();
});
