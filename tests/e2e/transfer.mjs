// The page's transfer size: every file the browser fetches to show the
// calculator, gzipped at level 9 (as a web server would send it), read from
// the built site. Used by the budget test and the benchmark.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT, openCalculator } from './support.mjs';

/** The budget for the whole page, gzipped, in KiB (issue 4). */
export const TRANSFER_BUDGET_KIB = 150;

export const SITE = join(ROOT, 'target', 'site');

/** Every file the calculator page requests, from loading to its first results. */
export async function requestedFiles(browser, url) {
  const { page, requests } = await openCalculator(browser, url);
  await page.close();
  return [...new Set(requests.map((r) => new URL(r).pathname.slice(1) || 'index.html'))].sort();
}

/** Each file's raw and gzipped size, and the total in KiB. */
export function transferSize(files) {
  const rows = files.map((file) => {
    const bytes = readFileSync(join(SITE, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { rows, kib: rows.reduce((n, r) => n + r.gzip, 0) / 1024 };
}
