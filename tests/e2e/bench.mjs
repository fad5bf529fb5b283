// Benchmark of the calculator page: prints figures against the budgets of
// issues 4 and 26. Not a test: it fails only if the page cannot be measured.
//
//   bash scripts/bench.sh        (builds the page first)
//
// - transfer size: every file the page loads, gzipped at level 9, as a server
//   would send it compressed;
// - the page's budgets, three runs unthrottled and three with Chromium's CPU
//   throttled 4× (a council laptop), at a 1280×800 window, each run with the
//   machine's draws a second measured just before it (so a slow day reads
//   as one): first chart (navigation start to the performance mark
//   'sfpc:first-chart', median of 5 loads); a keystroke to its cards and the
//   charts in view (the sfpc:updated event, from the event's time stamp),
//   p95 of 30; and a keystroke to the provisional and to the final
//   uncertainty figures drawn at the default draws, p95 of 20 (the draws run
//   on the page's Web Workers, one a core);
// - the same flows in Firefox ESR and WebKit, unthrottled (printed, no budget);
// - a 1,000,000-draw run, input to charts;
// - stability: 20 seeds at the default draws, each model, the seed-to-seed
//   standard deviation of P(council NPV > 0) and of median council NPV;
// - draws per second of the Family Safeguarding 5-year model with the
//   default PERT ranges, its plans, police and NHS streams (children kept out
//   of care is left out: the Squiggle model does not have it): this engine's
//   WebAssembly in headless Chromium and in node, and Squiggle
//   (@quri/squiggle-lang) in node on the same model with the same PERT
//   inputs, in one run; and the ratio.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openCalculator } from './support.mjs';
import { requestedFiles, transferSize, TRANSFER_BUDGET_KIB } from './transfer.mjs';
import { run as squiggle, defaultEnvironment } from '@quri/squiggle-lang';
import { familySafeguarding, squiggleModel } from './squiggle-model.mjs';

/** Million-draw runs: the first, then new seeds. */
const MILLION_RUNS = 5;
const BUDGET = { transferKb: TRANSFER_BUDGET_KIB, millionMs: 300, squiggleRatio: 50, valueOfInformationMs: 200 };
/** Issue 26's budgets, in ms, unthrottled and with the CPU throttled 4×. */
const PAGE_BUDGETS = [
  { key: 'firstChart', what: 'first chart drawn (median of 5 loads)', plain: 300, slow: 1000 },
  { key: 'keystroke', what: 'keystroke to cards and charts in view, p95 of 30', plain: 16, slow: 50 },
  { key: 'provisional', what: 'keystroke to provisional uncertainty drawn, p95 of 20', plain: 100, slow: 300 },
  { key: 'final', what: 'keystroke to final uncertainty (100,000 draws) drawn, p95 of 20', plain: 250, slow: 1000 },
];
const THROTTLE = 4;
const RUNS = 3;
const WINDOW = { width: 1280, height: 800 };

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const fmt = (x) => x.toFixed(2);
const money = (x) => `£${Math.round(x).toLocaleString('en-GB')}`;
const count = (x) => x.toLocaleString('en-GB');

/** The first view's transfer size in KiB; what loads after it is listed apart. */
async function pageTransfer(browser, url) {
  const { firstView, later } = await requestedFiles(browser, url);
  const { rows, kib } = transferSize(firstView);
  for (const r of rows) console.log(`  ${r.file.padEnd(24)} ${String(r.raw).padStart(8)} B raw ${String(r.gzip).padStart(8)} B gzipped`);
  const after = transferSize(later);
  console.log(`  after the first chart: ${after.kib.toFixed(1)} KiB gzipped (${later.join(', ')})`);
  return kib;
}

/** One run of the page's budgets, the CPU slowed `throttle` times: each measure's figures. */
async function pageRun(browser, url, throttle) {
  const open = () => openCalculator(browser, url, WINDOW, { throttle });
  const firstChart = [];
  for (let i = 0; i < 5; i++) {
    const { page } = await open();
    firstChart.push(await page.evaluate(() => performance.getEntriesByName('sfpc:first-chart')[0].startTime));
    await page.close();
  }
  const { page } = await open();
  const waitFor = (n) => page.waitForFunction((k) => window.sfpcTiming.simulations >= k, n, { timeout: 60000 });
  await waitFor(1);
  const keystroke = [];
  const families = page.locator('input[data-path="programmes.family_valued.families_per_year"]');
  for (let i = 0; i < 30; i++) {
    await families.fill(String(300 + i));
    keystroke.push(await page.evaluate(() => window.sfpcTiming.lastMs));
  }
  // Each change is measured from a settled page: the view's own run finished.
  const settled = await page.evaluate(() => window.sfpcTiming.simulations);
  await page.locator('#view-family_safeguarding').check();
  await waitFor(settled + 1);
  const plans = page.locator('input[data-path="programmes.family_safeguarding.children_on_cp_plans"]');
  const provisional = [];
  const final = [];
  const busy = [];
  const parts = [];
  for (let i = 0; i < 20; i++) {
    const before = await page.evaluate(() => window.sfpcTiming.simulations);
    await plans.fill(String(300 + i));
    await waitFor(before + 1);
    const t = await page.evaluate(() => window.sfpcTiming);
    provisional.push(t.lastInputToProvisionalMs);
    final.push(t.lastInputToUncertaintyMs);
    busy.push(t.lastSimulationMs);
    parts.push(t.lastSimulationParts);
  }
  await page.close();
  return {
    firstChart: quantile(firstChart, 0.5), keystroke: quantile(keystroke, 0.95),
    provisional: quantile(provisional, 0.95), final: quantile(final, 0.95),
    keystrokeMedian: quantile(keystroke, 0.5), busyMedian: quantile(busy, 0.5),
    parts: Object.fromEntries(['summarise', 'tables', 'charts'].map((k) => [k, quantile(parts.map((p) => p[k]), 0.5)])),
  };
}

/**
 * The machine's speed now: draws a second of the Family Safeguarding model
 * (engineRate) in node, best of 3 runs of 200,000, printed beside each run.
 */
const machineRate = (engine, analysis) => engineRate(engine, analysis, 200_000, 3).perSecond;

/** Three runs unthrottled and three throttled, interleaved, each with the machine's rate. */
async function pageBudgets(browser, url, engine, analysis) {
  const runs = { plain: [], slow: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const [kind, throttle] of [['plain', 1], ['slow', THROTTLE]]) {
      const rate = machineRate(engine, analysis);
      const run = { ...await pageRun(browser, url, throttle), rate };
      runs[kind].push(run);
      console.log(`  run ${i + 1} ${kind === 'plain' ? 'unthrottled' : `CPU ÷${THROTTLE}`} (machine: ${count(Math.round(rate))} draws/s): `
        + PAGE_BUDGETS.map((b) => `${b.key} ${fmt(run[b.key])} ms`).join(', '));
    }
  }
  return runs;
}

/** Each budget's range over the runs, as table rows. */
function budgetRows(runs) {
  const range = (xs) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))} ms`;
  const rates = (rs) => rs.map((r) => `${(r.rate / 1e6).toFixed(2)}m`).join(', ');
  return PAGE_BUDGETS.flatMap((b) => [['plain', 'unthrottled', b.plain], ['slow', `CPU ÷${THROTTLE}`, b.slow]].map(([kind, label, budget]) => {
    const xs = runs[kind].map((r) => r[b.key]);
    return { what: `${b.what}, ${label}`, figure: range(xs), budget, ok: Math.max(...xs) <= budget, rates: rates(runs[kind]) };
  }));
}

/**
 * The same flows in Firefox ESR and WebKit (engines.mjs), unthrottled: first
 * chart, 10 changes typed key by key (every keystroke's sfpc:updated), and
 * each change's provisional and final uncertainty. Printed, no budget.
 */
async function otherEngines(url) {
  const { firefox, webkit } = await import('./engines.mjs');
  const out = {};
  for (const [name, launch] of [['Firefox ESR', firefox], ['WebKit (MiniBrowser)', webkit]]) {
    let b;
    try {
      b = await launch();
      await b.goto(url);
      const until = async (fn, arg) => {
        for (let i = 0; i < 600; i++) {
          if (await b.run(fn, arg).catch(() => false)) return;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error('timed out');
      };
      await until(() => document.documentElement.dataset.ready === 'true');
      await until(() => document.getElementById('sim-text').textContent.startsWith('Done'));
      const firstChart = await b.run(() => performance.getEntriesByName('sfpc:first-chart')[0]?.startTime ?? NaN);
      await b.run(() => {
        const t = { updates: [], simulated: [] };
        window.benchTiming = t;
        document.addEventListener('sfpc:updated', (e) => t.updates.push(e.detail.ms));
        document.addEventListener('sfpc:simulated', (e) => t.simulated.push([e.detail.inputToProvisionalMs, e.detail.inputToResultsMs]));
      });
      for (let i = 0; i < 10; i++) {
        await b.type('input[data-path="programmes.family_valued.families_per_year"]', String(300 + i));
        await until((n) => window.benchTiming.simulated.length > n, i);
      }
      const t = await b.run(() => window.benchTiming);
      out[name] = {
        firstChart, keystrokeMedian: quantile(t.updates, 0.5), keystrokeP95: quantile(t.updates, 0.95),
        provisionalMedian: quantile(t.simulated.map((x) => x[0]), 0.5), finalMedian: quantile(t.simulated.map((x) => x[1]), 0.5),
      };
    } catch (error) {
      out[name] = { error: String(error) };
    } finally {
      await b?.close();
    }
  }
  return out;
}

async function millionTimes(browser, url) {
  const { page } = await openCalculator(browser, url);
  await page.locator('#view-family_safeguarding').check();
  const waitFor = (n) => page.waitForFunction((k) => window.sfpcTiming.simulations >= k, n, { timeout: 60000 });
  await waitFor(1);
  // A million draws: the first run (the page's and workers' memory grows
  // for it), then four more with new seeds.
  const millions = [];
  for (let i = 0; i < MILLION_RUNS; i++) {
    const before = await page.evaluate(() => window.sfpcTiming.simulations);
    if (i === 0) await page.locator('input[data-path="simulation.draws"]').fill('1000000');
    else await page.locator('input[data-path="simulation.seed"]').fill(String(1000 + i));
    await waitFor(before + 1);
    millions.push(await page.evaluate(() => ({ busyMs: window.sfpcTiming.lastSimulationMs, wallMs: Math.round(window.sfpcTiming.lastInputToUncertaintyMs) })));
  }
  const again = millions.slice(1);
  const million = {
    ...millions[0],
    firstWallMs: millions[0].wallMs,
    againWallMs: quantile(again.map((m) => m.wallMs), 0.5),
    againRangeMs: [Math.min(...again.map((m) => m.wallMs)), Math.max(...again.map((m) => m.wallMs))],
  };
  million.wallMs = Math.max(million.firstWallMs, million.againWallMs);
  const workers = await page.evaluate(() => window.sfpcTiming.lastSimulationWorkers);
  await page.close();
  return { million, workers };
}

/** Best draws per second of this engine over `runs` runs of `draws` (simulate, summarise). */
function engineRate(page, analysis, draws, runs) {
  let best = Infinity;
  let mean = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const run = analysis.startSimulation(familySafeguarding(page), draws, i + 1);
    run.step(draws);
    const report = run.finish();
    mean = report.result().programmes.family_safeguarding.council_npv_gbp.mean;
    report.free();
    run.free();
    best = Math.min(best, performance.now() - t);
  }
  return { perSecond: draws / best * 1000, mean };
}

async function browserRate(browser, url, draws) {
  const { page } = await openCalculator(browser, url);
  // The same functions as in node, sent as source: an expression evaluated
  // by the test driver, which the page's CSP (no 'unsafe-eval') allows.
  const rate = await page.evaluate(`(async () => {
    const engine = await import('./pkg/sfpc.js');
    const analysis = await import('./pkg/sfpc_analysis.js');
    await analysis.default();
    ${familySafeguarding.toString()}
    ${engineRate.toString()}
    return engineRate(engine, analysis, ${draws}, 3);
  })()`);
  await page.close();
  return rate;
}

/**
 * The value of information (every parameter's, group's and trial's EVPPI,
 * all three models) at the default draws in headless Chromium, as a worker
 * works it out (ChunkRunner.valueOfInformation): the first call (which
 * builds the quantile tables a worker has already built for its chunks)
 * and `runs` more, each timed.
 */
async function valueOfInformationTimes(browser, url, runs) {
  const { page } = await openCalculator(browser, url);
  const times = await page.evaluate(async (n) => {
    const engine = await import('./pkg/sfpc.js');
    const analysis = await import('./pkg/sfpc_analysis.js');
    await analysis.default();
    const runner = new analysis.ChunkRunner(engine.defaultScenario(), 100000, 20190401);
    const out = [];
    for (let i = 0; i <= n; i++) {
      const t = performance.now();
      runner.valueOfInformation();
      out.push(performance.now() - t);
    }
    runner.free();
    return out;
  }, runs);
  await page.close();
  return { firstMs: times[0], againMs: times.slice(1) };
}

async function squiggleRate(scenario, formulas, draws, runs) {
  const code = squiggleModel(scenario, formulas);
  let best = Infinity;
  let mean = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const out = await squiggle(code, { environment: { ...defaultEnvironment, sampleCount: draws } });
    best = Math.min(best, performance.now() - t);
    if (!out.result.ok) throw new Error(`Squiggle failed: ${out.result.value}`);
    // The model's last line is [mean(councilNpv), mean(publicNpv)].
    mean = JSON.parse(out.result.value.result.toString())[0];
  }
  return { perSecond: draws / best * 1000, mean: Number(mean) };
}

/**
 * Seed-to-seed spread at the default draws: 20 seeds of the default
 * scenario, each model, in node with the page's WebAssembly. The standard
 * deviation of P(council NPV > 0), in points, and of median council NPV, as
 * a share of the mean P10 to P90 range.
 */
function stability(engine, analysis, seeds) {
  const scenario = engine.defaultScenario();
  const { draws } = engine.simulationDefaults();
  const runs = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const run = analysis.startSimulation(scenario, draws, seed);
    run.step(draws);
    const report = run.finish();
    runs.push(report.result());
    report.free();
    run.free();
  }
  const sd = (xs) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  };
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const byModel = {};
  for (const key of Object.keys(runs[0].programmes)) {
    const ps = runs.map((r) => r.programmes[key]);
    const range = mean(ps.map((p) => p.council_npv_gbp.p90 - p.council_npv_gbp.p10));
    byModel[key] = {
      probability: mean(ps.map((p) => p.probability_council_npv_positive)),
      probability_sd_points: 100 * sd(ps.map((p) => p.probability_council_npv_positive)),
      median_sd_gbp: sd(ps.map((p) => p.council_npv_gbp.p50)),
      median_sd_percent_of_p10_p90: 100 * sd(ps.map((p) => p.council_npv_gbp.p50)) / range,
    };
  }
  return { draws, seeds, byModel };
}

/** Where RESULTS.md's diary starts: written by hand, kept when the run's figures are rewritten. */
const DIARY_MARK = '<!-- The diary: kept as it is when bash scripts/bench.sh rewrites the figures above. -->';

/** The diary of `file` from its mark on (with a blank line before it), or the mark alone. */
function keptDiary(file) {
  let text = '';
  try { text = readFileSync(file, 'utf8'); } catch { /* a first run */ }
  const at = text.indexOf(DIARY_MARK);
  return `\n${at < 0 ? `${DIARY_MARK}\n` : text.slice(at)}`;
}

/** The figures against their budgets, for tests/benches/RESULTS.md (linked from the README). */
function resultsMarkdown(r) {
  const row = (what, figure, budget, ok, rate = '') => `| ${what} | ${figure} | ${budget} | ${budget === '' ? '' : ok ? 'within' : '**over**'} | ${rate} |`;
  const perSecond = (x) => Math.round(x).toLocaleString('en-GB');
  const d = r.draws_per_second;
  const engines = Object.entries(r.other_engines).map(([name, e]) => (e.error
    ? `| ${name} | could not be measured: ${e.error} | | | |`
    : `| ${name} | ${fmt(e.firstChart)} ms | ${fmt(e.keystrokeMedian)} ms (p95 ${fmt(e.keystrokeP95)}) | ${fmt(e.provisionalMedian)} ms | ${fmt(e.finalMedian)} ms |`));
  return [
    '# Benchmark results',
    '',
    `Written by \`bash scripts/bench.sh\` on ${r.date.slice(0, 10)}, on this project's machine (${r.cores} cores),`,
    'headless Debian Chromium for the page. Rerun it to replace this file; timings vary from run to run by 20–50%,',
    'so each page budget is given as the range over three runs, beside the machine\'s draws a second (Family',
    'Safeguarding\'s model in node) measured just before each run: a slow day reads as one.',
    '',
    `## The page, unthrottled and with the CPU throttled ${THROTTLE}× (a council laptop), ${WINDOW.width}×${WINDOW.height}`,
    '',
    '| Measure | Range over 3 runs | Budget (ms) | | Machine, draws a second |',
    '| --- | --- | --- | --- | --- |',
    ...budgetRows(r.page_runs).map((b) => row(b.what, b.figure, b.budget, b.ok, b.rates)),
    '',
    'Chromium\'s throttle slows the page\'s main thread, not its Web Workers (measured on 2026-12-05: 24 chunks',
    'took 114 to 190 ms on a worker throttled or not, and 108 ms on the page unthrottled, 459 to 518 ms throttled).',
    'So the throttled uncertainty figures are the page\'s share on a slow laptop with the draws at this machine\'s',
    'speed. One model\'s chunk takes a worker about 2.5 ms here, so draws at a quarter of the speed would add about 15 ms',
    'to the provisional figures (two chunks a worker) and about 180 ms to the final ones (25 chunks a worker).',
    '',
    '## The same flows in Firefox ESR and WebKit, unthrottled (no budget)',
    '',
    '| Browser | First chart | Keystroke to cards and charts in view, median | Provisional uncertainty, median | Final, median |',
    '| --- | --- | --- | --- | --- |',
    ...engines,
    '',
    '## Where a keystroke goes (the main thread, Chromium\'s sampling profile)',
    '',
    r.profile,
    '',
    '## The rest',
    '',
    '| Measure | Figure | Budget | | |',
    '| --- | --- | --- | --- | --- |',
    row('Transfer size of the first view (every file requested before the first chart, gzip -9; the analysis module loads after it)', `${fmt(r.transfer_kb)} KiB`, `${BUDGET.transferKb} KiB`, r.transfer_kb <= BUDGET.transferKb),
    row(`1,000,000 draws, input to charts: the first run, and the median (range) of ${MILLION_RUNS - 1} more with new seeds`, `${r.simulation_1m_ms.firstWallMs} ms; ${r.simulation_1m_ms.againWallMs} ms (${r.simulation_1m_ms.againRangeMs.join(' to ')})`, `${BUDGET.millionMs} ms`, r.simulation_1m_ms.wallMs <= BUDGET.millionMs),
    row('Value of information, 100,000 draws, every EVPPI of three models (one worker\'s task), median of 9', `${fmt(r.value_of_information_ms.median)} ms`, `${BUDGET.valueOfInformationMs} ms`, r.value_of_information_ms.median <= BUDGET.valueOfInformationMs),
    ...Object.entries(r.stability.byModel).flatMap(([key, m]) => [
      row(`${key}: seed-to-seed SD of P(council NPV > 0) (${fmt(100 * m.probability)}%), 20 seeds`, `${m.probability_sd_points.toFixed(3)} points`, `${BUDGET.stabilityPoints} points`, m.probability_sd_points <= BUDGET.stabilityPoints),
      row(`${key}: seed-to-seed SD of median council NPV, share of P10 to P90`, `${m.median_sd_percent_of_p10_p90.toFixed(3)}% (${money(m.median_sd_gbp)})`, `${BUDGET.stabilityMedianPercent}%`, m.median_sd_percent_of_p10_p90 <= BUDGET.stabilityMedianPercent),
    ]),
    row('Draws a second, wasm in Chromium', perSecond(d.wasm_chromium), '', true),
    row('Draws a second, wasm in node', perSecond(d.wasm_node), '', true),
    row('Draws a second, Squiggle 0.10.0 in node', perSecond(d.squiggle_node), '', true),
    row('This engine ÷ Squiggle (node)', `${d.ratio_node.toFixed(1)}×`, `${BUDGET.squiggleRatio}×`, d.ratio_node >= BUDGET.squiggleRatio),
    '',
    'The draws a second are for Family Safeguarding\'s plans, police and NHS streams, the model the Squiggle version has;',
    'the page\'s timings are for the full default scenario. The native draws a second (every stream) come from',
    '`cargo bench --bench simulate`, printed by the same script.',
    '',
  ].join('\n');
}

const server = await startServer();
const unminified = await startServer({ root: join(ROOT, 'www') });
const chromium = await launchBrowser();
try {
  const { readFileSync: read } = await import('node:fs');
  const engine = await import(join(ROOT, 'www', 'pkg', 'sfpc.js'));
  await engine.default({ module_or_path: read(join(ROOT, 'www', 'pkg', 'sfpc_bg.wasm')) });
  const analysis = await import(join(ROOT, 'www', 'pkg', 'sfpc_analysis.js'));
  await analysis.default({ module_or_path: read(join(ROOT, 'www', 'pkg', 'sfpc_analysis_bg.wasm')) });
  console.log('Transfer size (gzip -9):');
  const kb = await pageTransfer(chromium.browser, server.url);
  console.log(`\nThe page's budgets, ${RUNS} runs unthrottled and ${RUNS} with the CPU throttled ${THROTTLE}×, ${WINDOW.width}×${WINDOW.height}:`);
  const pageRuns = await pageBudgets(chromium.browser, server.url, engine, analysis);
  console.log('\nFirefox ESR and WebKit, the same flows, unthrottled:');
  const others = await otherEngines(server.url);
  for (const [name, e] of Object.entries(others)) {
    console.log(e.error ? `  ${name}: could not be measured (${e.error})`
      : `  ${name.padEnd(22)} first chart ${fmt(e.firstChart)} ms; keystroke median ${fmt(e.keystrokeMedian)} ms (p95 ${fmt(e.keystrokeP95)}); provisional ${fmt(e.provisionalMedian)} ms; final ${fmt(e.finalMedian)} ms (medians of 10 changes)`);
  }
  const { profileKeystrokes, breakdownTable } = await import('./profile.mjs');
  const profiles = [];
  for (const throttle of [1, THROTTLE]) {
    profiles.push({ label: throttle === 1 ? 'unthrottled' : `CPU ÷${THROTTLE}`, ...await profileKeystrokes(chromium.browser, unminified.url, { throttle }) });
  }
  const profile = `ms a keystroke, ${profiles[0].changes} keystrokes, sampled every 50 µs (\`node tests/e2e/profile.mjs\`):\n\n${breakdownTable(profiles)}`;
  console.log(`\nWhere a keystroke goes, ${profile}`);
  const simulation = await millionTimes(chromium.browser, server.url);
  const voi = await valueOfInformationTimes(chromium.browser, server.url, 9);
  const draws = 1_000_000;
  const ours = engineRate(engine, analysis, draws, 3);
  const browserOurs = await browserRate(chromium.browser, server.url, draws);
  const theirs = await squiggleRate(familySafeguarding(engine), analysis.streamFormulas('family_safeguarding'), draws, 2);
  const stab = stability(engine, analysis, 20);
  // The steadiness budget is the engine's (the page states it).
  const steady = engine.simulationDefaults();
  BUDGET.stabilityPoints = steady.steady_probability_points;
  BUDGET.stabilityMedianPercent = steady.steady_median_percent;
  const results = {
    date: new Date().toISOString(),
    transfer_kb: kb,
    page_runs: pageRuns,
    other_engines: others,
    profile,
    cores: (await import('node:os')).availableParallelism(),
    workers: simulation.workers,
    stability: stab,
    simulation_1m_ms: simulation.million,
    value_of_information_ms: {
      first: voi.firstMs,
      median: quantile(voi.againMs, 0.5),
      range: [Math.min(...voi.againMs), Math.max(...voi.againMs)],
    },
    draws_per_second: {
      wasm_chromium: browserOurs.perSecond,
      wasm_node: ours.perSecond,
      squiggle_node: theirs.perSecond,
      ratio_node: ours.perSecond / theirs.perSecond,
    },
    family_safeguarding_mean_council_npv_gbp: { sfpc: ours.mean, squiggle: theirs.mean },
  };
  const within = (ok) => (ok ? 'within' : 'OVER');
  console.log(`\n  total transfer          ${fmt(kb)} KB gzipped      budget ${BUDGET.transferKb} KB  ${within(kb <= BUDGET.transferKb)}`);
  for (const b of budgetRows(pageRuns)) console.log(`  ${b.what}: ${b.figure}  budget ${b.budget} ms  ${within(b.ok)}  (machine ${b.rates} draws/s)`);
  const m = simulation.million;
  console.log(`  1,000,000 draws + charts, first run ${m.firstWallMs} ms from input to charts (${fmt(m.busyMs)} ms busy); ${MILLION_RUNS - 1} more runs, median ${m.againWallMs} ms (${m.againRangeMs.join(' to ')})  budget ${BUDGET.millionMs} ms  ${within(m.wallMs <= BUDGET.millionMs)}`);
  const v = results.value_of_information_ms;
  console.log(`  value of information, 100,000 draws (every EVPPI, three models; one worker's task) first ${fmt(v.first)} ms, then median ${fmt(v.median)} ms (${fmt(v.range[0])} to ${fmt(v.range[1])}, 9 runs) on ${results.cores} cores  budget ${BUDGET.valueOfInformationMs} ms  ${within(v.median <= BUDGET.valueOfInformationMs)}`);
  const d = results.draws_per_second;
  console.log('\nDraws per second, Family Safeguarding 5-year model, default PERT ranges, 1,000,000 draws:');
  console.log(`  this engine, wasm in headless Chromium  ${d.wasm_chromium.toFixed(0).padStart(10)}`);
  console.log(`  this engine, wasm in node               ${d.wasm_node.toFixed(0).padStart(10)}`);
  console.log(`  Squiggle 0.10.0 in node                 ${d.squiggle_node.toFixed(0).padStart(10)}`);
  console.log(`  ratio (node, same JS engine)            ${d.ratio_node.toFixed(1).padStart(10)}x  budget ${BUDGET.squiggleRatio}x  ${within(d.ratio_node >= BUDGET.squiggleRatio)}`);
  console.log(`  mean council NPV: this engine ${money(ours.mean)}, Squiggle ${money(theirs.mean)} (different random streams)`);
  console.log(`\nStability: ${stab.seeds} seeds of ${count(stab.draws)} draws, the default scenario (wasm in node):`);
  for (const [key, sm] of Object.entries(stab.byModel)) {
    console.log(`  ${key.padEnd(20)} P(NPV > 0) ${fmt(100 * sm.probability)}% ± ${sm.probability_sd_points.toFixed(3)} points (budget ${BUDGET.stabilityPoints}) ${within(sm.probability_sd_points <= BUDGET.stabilityPoints)};`
      + ` median ± ${money(sm.median_sd_gbp)} = ${sm.median_sd_percent_of_p10_p90.toFixed(3)}% of P10-P90 (budget ${BUDGET.stabilityMedianPercent}%) ${within(sm.median_sd_percent_of_p10_p90 <= BUDGET.stabilityMedianPercent)}`);
  }
  mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'target', 'bench', 'web.json'), JSON.stringify(results, null, 2));
  const resultsFile = join(ROOT, 'tests', 'benches', 'RESULTS.md');
  writeFileSync(resultsFile, resultsMarkdown(results) + keptDiary(resultsFile));
} finally {
  await chromium.close();
  server.stop();
  unminified.stop();
}
