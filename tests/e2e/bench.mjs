// Benchmark of the calculator page: prints figures against the budgets of
// issue 4. Not a test: it fails only if the page cannot be measured.
//
//   bash scripts/bench.sh        (builds the page first)
//
// - transfer size: every file the page loads, gzipped at level 9, as a server
//   would send it compressed;
// - first chart: navigation start to the first chart drawn
//   (performance mark 'sfpc:first-chart'), median of 10 fresh loads;
// - redraw: input event to every chart redrawn (the sfpc:updated event, measured
//   in the page from the event's time stamp), over 50 changes;
// - uncertainty at the default draws (100,000), over 20 changes: input event
//   to its three charts and tables drawn, the draws run on the page's Web
//   Workers (one a core), and the page's own busy time meanwhile; and a
//   1,000,000-draw run, input to charts;
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

/** Million-draw runs: the first, then new seeds. */
const MILLION_RUNS = 5;
const BUDGET = { transferKb: TRANSFER_BUDGET_KIB, firstChartMs: 300, redrawP95Ms: 16, uncertaintyMs: 100, millionMs: 300, squiggleRatio: 50, valueOfInformationMs: 200 };

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

async function firstChartTimes(browser, url, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { page } = await openCalculator(browser, url);
    times.push(await page.evaluate(() => performance.getEntriesByName('sfpc:first-chart')[0].startTime));
    await page.close();
  }
  return times;
}

async function redrawTimes(browser, url, changes) {
  const { page } = await openCalculator(browser, url);
  const input = page.locator('input[data-path="programmes.family_valued.families_per_year"]');
  const times = [];
  for (let i = 0; i < changes; i++) {
    await input.fill(String(300 + i));
    times.push(await page.evaluate(() => window.sfpcTiming.lastMs));
  }
  await page.close();
  return times;
}

async function simulationTimes(browser, url, changes) {
  const { page } = await openCalculator(browser, url);
  await page.locator('#view-family_safeguarding').check();
  const waitFor = (n) => page.waitForFunction((k) => window.sfpcTiming.simulations >= k, n, { timeout: 60000 });
  await waitFor(1);
  const times = [];
  const busy = [];
  const parts = [];
  const input = page.locator('input[data-path="programmes.family_safeguarding.children_on_cp_plans"]');
  for (let i = 0; i < changes; i++) {
    const before = await page.evaluate(() => window.sfpcTiming.simulations);
    await input.fill(String(300 + i));
    await waitFor(before + 1);
    times.push(await page.evaluate(() => window.sfpcTiming.lastInputToUncertaintyMs));
    busy.push(await page.evaluate(() => window.sfpcTiming.lastSimulationMs));
    parts.push(await page.evaluate(() => window.sfpcTiming.lastSimulationParts));
  }
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
  const medianOf = (key) => quantile(parts.map((p) => p[key]), 0.5);
  const partMedians = Object.fromEntries(['summarise', 'tables', 'charts'].map((k) => [k, medianOf(k)]));
  return { times, busy, million, workers, parts: partMedians };
}

/**
 * The Family Safeguarding-only default scenario, as the page would send it,
 * with the streams the Squiggle model has: plans, police and NHS (format 1's
 * model; children kept out of care is left out of both).
 */
function familySafeguarding(page) {
  const s = page.defaultScenario();
  s.programmes.family_valued.enabled = false;
  s.programmes.no_wrong_door.enabled = false;
  s.programmes.family_safeguarding.excluded_streams = ['care_entries'];
  return s;
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

/** The same model in Squiggle: each PERT as low + range × beta(α, β). */
function squiggleModel(scenario) {
  const fs = scenario.programmes.family_safeguarding;
  const pert = (e) => (typeof e === 'number' || e.low === e.high ? String(typeof e === 'number' ? e : e.value)
    : `pert(${e.low}, ${e.value}, ${e.high})`);
  const years = scenario.appraisal.horizon_years;
  const rate = scenario.appraisal.discount_rate;
  const ramp = (t) => fs.ramp_up[Math.min(t, fs.ramp_up.length - 1)];
  const grant = (t) => fs.grant_by_year_gbp[t] ?? 0;
  const year = (t, partner) => `(${ramp(t)} * credited * (full${partner ? ' + partner' : ''}) - ${t === 0 ? 'setup - ' : ''}running${partner ? '' : ` + ${grant(t)}`}) / ${(1 + rate) ** t}`;
  const sum = (partner) => Array.from({ length: years }, (_, t) => year(t, partner)).join(' + ');
  return `pert(lo, mode, hi) = lo + (hi - lo) * beta(1 + 4 * (mode - lo) / (hi - lo), 1 + 4 * (hi - mode) / (hi - lo))
children = ${pert(fs.children_on_cp_plans)}
reduction = ${pert(fs.cp_plan_reduction)}
planCost = ${pert(fs.cost_per_cp_plan_year_gbp)}
families = ${pert(fs.families_per_year)}
police = ${pert(fs.police_saving_per_family_gbp)}
nhs = ${pert(fs.nhs_saving_per_family_gbp)}
setup = ${pert(fs.setup_cost_gbp)}
running = ${pert(fs.running_cost_per_year_gbp)}
credited = (1 - ${pert(fs.deadweight)}) * (1 - ${pert(fs.optimism_bias)})
full = children * reduction * planCost
partner = families * (police + nhs)
councilNpv = ${sum(false)}
publicNpv = ${sum(true)}
[mean(councilNpv), mean(publicNpv)]`;
}

async function squiggleRate(scenario, draws, runs) {
  const code = squiggleModel(scenario);
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

/** The figures against their budgets, for tests/benches/RESULTS.md (linked from the README). */
function resultsMarkdown(r, s10) {
  const row = (what, figure, budget, ok) => `| ${what} | ${figure} | ${budget} | ${budget === '' ? '' : ok ? 'within' : '**over**'} |`;
  const perSecond = (x) => Math.round(x).toLocaleString('en-GB');
  const d = r.draws_per_second;
  return [
    '# Benchmark results',
    '',
    `Written by \`bash scripts/bench.sh\` on ${r.date.slice(0, 10)}, on this project's machine (${r.cores} cores),`,
    'headless Debian Chromium for the page. Rerun it to replace this file; timings vary from run to run by about 20%.',
    '',
    '| Measure | Figure | Budget | |',
    '| --- | --- | --- | --- |',
    row('Transfer size of the first view (every file requested before the first chart, gzip -9; the analysis module loads after it)', `${fmt(r.transfer_kb)} KiB`, `${BUDGET.transferKb} KiB`, r.transfer_kb <= BUDGET.transferKb),
    row('Navigation to first chart drawn (median of 10 loads)', `${fmt(r.first_chart_ms.median)} ms`, `${BUDGET.firstChartMs} ms`, r.first_chart_ms.median <= BUDGET.firstChartMs),
    row('Input change to all charts redrawn, p95 of 50 changes', `${fmt(r.redraw_ms.p95)} ms (median ${fmt(r.redraw_ms.median)})`, `${BUDGET.redrawP95Ms} ms`, r.redraw_ms.p95 <= BUDGET.redrawP95Ms),
    row(`Input change to uncertainty results and charts drawn, ${count(r.stability.draws)} draws on ${r.workers} workers, p95 of 20 changes`, `${fmt(s10.p95)} ms (median ${fmt(s10.median)})`, `${BUDGET.uncertaintyMs} ms`, s10.p95 <= BUDGET.uncertaintyMs),
    row('Page busy time meanwhile (taking the chunks in, summary, tables, charts), p95', `${fmt(r.uncertainty_busy_ms.p95)} ms (median ${fmt(r.uncertainty_busy_ms.median)})`, '', true),
    row(`1,000,000 draws, input to charts: the first run, and the median (range) of ${MILLION_RUNS - 1} more with new seeds`, `${r.simulation_1m_ms.firstWallMs} ms; ${r.simulation_1m_ms.againWallMs} ms (${r.simulation_1m_ms.againRangeMs.join(' to ')})`, `${BUDGET.millionMs} ms`, r.simulation_1m_ms.wallMs <= BUDGET.millionMs),
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
const chromium = await launchBrowser();
try {
  console.log('Transfer size (gzip -9):');
  const kb = await pageTransfer(chromium.browser, server.url);
  const first = await firstChartTimes(chromium.browser, server.url, 10);
  const redraw = await redrawTimes(chromium.browser, server.url, 50);
  const simulation = await simulationTimes(chromium.browser, server.url, 20);
  const voi = await valueOfInformationTimes(chromium.browser, server.url, 9);
  const { readFileSync: read } = await import('node:fs');
  const engine = await import(join(ROOT, 'www', 'pkg', 'sfpc.js'));
  await engine.default({ module_or_path: read(join(ROOT, 'www', 'pkg', 'sfpc_bg.wasm')) });
  const analysis = await import(join(ROOT, 'www', 'pkg', 'sfpc_analysis.js'));
  await analysis.default({ module_or_path: read(join(ROOT, 'www', 'pkg', 'sfpc_analysis_bg.wasm')) });
  const draws = 1_000_000;
  const ours = engineRate(engine, analysis, draws, 3);
  const browserOurs = await browserRate(chromium.browser, server.url, draws);
  const theirs = await squiggleRate(familySafeguarding(engine), draws, 2);
  const stab = stability(engine, analysis, 20);
  // The steadiness budget is the engine's (the page states it).
  const steady = engine.simulationDefaults();
  BUDGET.stabilityPoints = steady.steady_probability_points;
  BUDGET.stabilityMedianPercent = steady.steady_median_percent;
  const results = {
    date: new Date().toISOString(),
    transfer_kb: kb,
    first_chart_ms: { median: quantile(first, 0.5), p95: quantile(first, 0.95) },
    redraw_ms: { median: quantile(redraw, 0.5), p95: quantile(redraw, 0.95), max: Math.max(...redraw) },
    cores: (await import('node:os')).availableParallelism(),
    workers: simulation.workers,
    stability: stab,
    uncertainty_ms: { median: quantile(simulation.times, 0.5), p95: quantile(simulation.times, 0.95) },
    uncertainty_busy_ms: { median: quantile(simulation.busy, 0.5), p95: quantile(simulation.busy, 0.95) },
    simulation_1m_ms: simulation.million,
    uncertainty_parts_median_ms: simulation.parts,
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
  console.log(`\n  total transfer          ${fmt(kb)} KB gzipped      budget ${BUDGET.transferKb} KB  ${kb <= BUDGET.transferKb ? 'within' : 'OVER'}`);
  console.log(`  first chart drawn       median ${fmt(results.first_chart_ms.median)} ms (10 loads)  budget ${BUDGET.firstChartMs} ms  ${results.first_chart_ms.median <= BUDGET.firstChartMs ? 'within' : 'OVER'}`);
  console.log(`  input to charts redrawn median ${fmt(results.redraw_ms.median)} ms, p95 ${fmt(results.redraw_ms.p95)} ms (50 changes)  budget p95 ${BUDGET.redrawP95Ms} ms  ${results.redraw_ms.p95 <= BUDGET.redrawP95Ms ? 'within' : 'OVER'}`);
  const within = (ok) => (ok ? 'within' : 'OVER');
  const s10 = results.uncertainty_ms;
  const b = results.uncertainty_busy_ms;
  console.log(`  input to uncertainty and charts, ${count(stab.draws)} draws on ${results.workers} workers  median ${fmt(s10.median)} ms, p95 ${fmt(s10.p95)} ms (20 changes)  budget ${BUDGET.uncertaintyMs} ms  ${within(s10.p95 <= BUDGET.uncertaintyMs)}`);
  const p = simulation.parts;
  console.log(`    page busy meanwhile median ${fmt(b.median)} ms, p95 ${fmt(b.p95)} ms; of which summary and JSON ${fmt(p.summarise)}, tables ${fmt(p.tables)}, charts ${fmt(p.charts)} ms (medians)`);
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
  for (const [key, m] of Object.entries(stab.byModel)) {
    console.log(`  ${key.padEnd(20)} P(NPV > 0) ${fmt(100 * m.probability)}% ± ${m.probability_sd_points.toFixed(3)} points (budget ${BUDGET.stabilityPoints}) ${within(m.probability_sd_points <= BUDGET.stabilityPoints)};`
      + ` median ± ${money(m.median_sd_gbp)} = ${m.median_sd_percent_of_p10_p90.toFixed(3)}% of P10-P90 (budget ${BUDGET.stabilityMedianPercent}%) ${within(m.median_sd_percent_of_p10_p90 <= BUDGET.stabilityMedianPercent)}`);
  }
  mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'target', 'bench', 'web.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(ROOT, 'tests', 'benches', 'RESULTS.md'), resultsMarkdown(results, s10));
} finally {
  await chromium.close();
  server.stop();
}
