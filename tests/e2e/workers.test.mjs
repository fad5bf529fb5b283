// The uncertainty analysis on Web Workers (simulation-pool.js): the same bits
// as the native engine whatever the number of workers (the draws' figures and
// the decision's, the value of information among them), a newer run cancels
// an older one, and the page simulates on its workers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServerAndBrowser, openCalculator, sfpc } from './support.mjs';

const env = sharedServerAndBrowser();
const DRAWS = 20000;
const SEED = 7;
const FIGURES = ['council_npv_gbp', 'council_cashable_npv_gbp', 'public_npv_gbp', 'probability_council_npv_positive',
  'probability_payback_within_horizon', 'break_even', 'fan', 'histogram', 'tornado'];

/** Runs in the page: the default scenario on pools of 1, 2 and 4 workers, then a cancelled run. */
async function inPage({ draws, seed }) {
  const { SimulationPool } = await import('./simulation-pool.js');
  const analysis = await import('./pkg/sfpc_analysis.js');
  await analysis.default();
  const engine = await import('./pkg/sfpc.js');
  const scenario = engine.defaultScenario();
  const simulate = async (pool, d, s, onPacked) => {
    const run = analysis.startSimulation(scenario, d, s);
    const job = { scenario, draws: d, seed: s, chunks: run.chunks };
    const done = pool.run(job, (p) => { onPacked?.(); run.insertChunks(p); });
    // The value of information: one worker's task once the draws are in.
    const value = done.then((complete) => complete && new Promise((resolve) => pool.value(job, resolve)));
    return { run, done, value };
  };
  const out = { byWorkers: {} };
  for (const n of [1, 2, 4]) {
    const pool = new SimulationPool(n);
    const { run, done, value } = await simulate(pool, draws, seed);
    const complete = await done;
    const report = run.finish();
    report.setValueOfInformation(await value);
    out.byWorkers[n] = { complete, workers: pool.workers.length, result: report.result(), decide: report.decideResult() };
    pool.destroy();
  }
  const pool = new SimulationPool(2);
  let older = 0;
  const first = await simulate(pool, 1000000, 1, () => { older += 1; });
  const second = await simulate(pool, draws, seed);
  out.cancelled = { first: await first.done, second: await second.done, olderBatchesTaken: older };
  const afterCancel = second.run.finish();
  afterCancel.setValueOfInformation(await second.value);
  out.afterCancel = afterCancel.result();
  pool.destroy();
  return out;
}

test('the same bits natively and on 1, 2 and 4 workers; a newer run cancels an older one', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  const out = await page.evaluate(inPage, { draws: DRAWS, seed: SEED });
  const scenarioText = JSON.stringify(await page.evaluate(async () => (await import('./pkg/sfpc.js')).defaultScenario()));
  const native = JSON.parse(sfpc(['simulate', '--draws', String(DRAWS), '--seed', String(SEED)], scenarioText));
  const nativeDecide = JSON.parse(sfpc(['decide', '--draws', String(DRAWS), '--seed', String(SEED)], scenarioText));
  for (const n of [1, 2, 4]) {
    const { complete, workers, result } = out.byWorkers[n];
    assert.equal(complete, true);
    assert.equal(workers, n);
    for (const [key, p] of Object.entries(native.programmes)) {
      for (const figure of FIGURES) {
        const ours = structuredClone(result.programmes[key][figure]);
        if (figure === 'tornado') ours.forEach((row) => { delete row.label; delete row.low_display; delete row.high_display; });
        assert.deepEqual(ours, p[figure], `${n} workers: ${key}.${figure}`);
      }
      // Expected losses, EVPI, chances, every EVPPI and the trial's verdict.
      assert.deepEqual(out.byWorkers[n].decide.programmes[key], nativeDecide.programmes[key], `${n} workers: ${key}, decide`);
    }
  }
  assert.deepEqual(out.cancelled, { first: false, second: true, olderBatchesTaken: 0 });
  assert.deepEqual(out.afterCancel.programmes, out.byWorkers[2].result.programmes);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page simulates on its workers and keeps responding', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  await page.waitForFunction(() => window.sfpcTiming?.simulations >= 1, null, { timeout: 60000 });
  const timing = await page.evaluate(() => window.sfpcTiming);
  assert.ok(timing.lastSimulationWorkers >= 1, JSON.stringify(timing));
  assert.match(await page.locator('#sim-audit').textContent(), /Steady between seeds/);
  // Typing while a run is under way: the newest figures win, nothing is lost.
  const input = page.locator('input[data-path="programmes.family_valued.families_per_year"]');
  const before = await page.evaluate(() => window.sfpcTiming.simulations);
  for (const value of ['210', '220', '230']) await input.fill(value);
  await page.waitForFunction((n) => window.sfpcTiming.simulations > n, before, { timeout: 60000 });
  assert.equal(await input.inputValue(), '230');
  assert.deepEqual(problems, []);
  await page.close();
});
