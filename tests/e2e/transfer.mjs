// The page's transfer size: every file the browser fetches to show the
// calculator's first view (everything requested before its first chart is
// drawn), gzipped at level 9 (as a web server would send it), read from the
// built site. What loads after the first chart (the analysis module) is
// listed apart. Used by the budget test and the benchmark.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT, openCalculator } from './support.mjs';

/** The budget for the first view, gzipped, in KiB (issues 4 and 13). */
export const TRANSFER_BUDGET_KIB = 150;

export const SITE = join(ROOT, 'target', 'site');

/**
 * The files the calculator page requests: `firstView`, fetched before its
 * first chart was drawn (the performance mark `sfpc:first-chart`), and
 * `later`, fetched after it, once the page is ready and idle.
 */
export async function requestedFiles(browser, url) {
  const { page } = await openCalculator(browser, url);
  await page.waitForFunction(() => window.sfpcTiming?.simulations >= 1, null, { timeout: 30000 });
  const { chart, resources } = await page.evaluate(() => ({
    chart: performance.getEntriesByName('sfpc:first-chart')[0]?.startTime ?? Infinity,
    resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name, start: r.startTime })),
  }));
  await page.close();
  const file = (address) => new URL(address).pathname.slice(1) || 'index.html';
  const unique = (list) => [...new Set(list)].sort();
  return {
    firstView: unique(['index.html', ...resources.filter((r) => r.start < chart).map((r) => file(r.name))]),
    later: unique(resources.filter((r) => r.start >= chart).map((r) => file(r.name))),
  };
}

/** Each file's raw and gzipped size, and the total in KiB. */
export function transferSize(files) {
  const rows = files.map((file) => {
    const bytes = readFileSync(join(SITE, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { rows, kib: rows.reduce((n, r) => n + r.gzip, 0) / 1024 };
}
