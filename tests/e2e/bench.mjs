// Benchmark of the calculator page: prints figures against the budgets of
// issue 4. Not a test: it fails only if the page cannot be measured.
//
//   bash scripts/bench.sh        (builds the page first)
//
// - transfer size: every file the page loads, gzipped at level 9, as a server
//   would send it compressed;
// - first chart: navigation start to the first chart drawn
//   (performance mark 'sfpc:first-chart'), median of 10 fresh loads;
// - redraw: input event to every chart redrawn (window.sfpcTiming, measured
//   in the page from the event's time stamp), over 50 changes.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openCalculator } from './support.mjs';

const BUDGET = { transferKb: 150, firstChartMs: 300, redrawP95Ms: 16 };
const FILES = ['index.html', 'style.css', 'app.js', 'favicon.svg', 'pkg/sfpc.js', 'pkg/sfpc_bg.wasm'];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const fmt = (x) => x.toFixed(2);

function transferSize() {
  const rows = FILES.map((f) => {
    const bytes = readFileSync(join(ROOT, 'www', f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  for (const r of rows) console.log(`  ${r.file.padEnd(18)} ${String(r.raw).padStart(8)} B raw ${String(r.gzip).padStart(8)} B gzipped`);
  return rows.reduce((n, r) => n + r.gzip, 0) / 1024;
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

const server = await startServer();
const chromium = await launchBrowser();
try {
  console.log('Transfer size (gzip -9):');
  const kb = transferSize();
  const first = await firstChartTimes(chromium.browser, server.url, 10);
  const redraw = await redrawTimes(chromium.browser, server.url, 50);
  const results = {
    date: new Date().toISOString(),
    transfer_kb: kb,
    first_chart_ms: { median: quantile(first, 0.5), p95: quantile(first, 0.95) },
    redraw_ms: { median: quantile(redraw, 0.5), p95: quantile(redraw, 0.95), max: Math.max(...redraw) },
  };
  console.log(`\n  total transfer          ${fmt(kb)} KB gzipped      budget ${BUDGET.transferKb} KB  ${kb <= BUDGET.transferKb ? 'within' : 'OVER'}`);
  console.log(`  first chart drawn       median ${fmt(results.first_chart_ms.median)} ms (10 loads)  budget ${BUDGET.firstChartMs} ms  ${results.first_chart_ms.median <= BUDGET.firstChartMs ? 'within' : 'OVER'}`);
  console.log(`  input to charts redrawn median ${fmt(results.redraw_ms.median)} ms, p95 ${fmt(results.redraw_ms.p95)} ms (50 changes)  budget p95 ${BUDGET.redrawP95Ms} ms  ${results.redraw_ms.p95 <= BUDGET.redrawP95Ms ? 'within' : 'OVER'}`);
  mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'target', 'bench', 'web.json'), JSON.stringify(results, null, 2));
} finally {
  await chromium.close();
  server.stop();
}
