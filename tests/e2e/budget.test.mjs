// The performance budget the test command enforces: the page's transfer
// size (every file it requests, gzipped). Timings are measured by the
// benchmark (scripts/bench.sh), not asserted here: they depend on the machine.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServerAndBrowser } from './support.mjs';
import { requestedFiles, transferSize, TRANSFER_BUDGET_KIB } from './transfer.mjs';

const env = sharedServerAndBrowser();

test(`the page transfers at most ${TRANSFER_BUDGET_KIB} KiB gzipped`, async () => {
  const files = await requestedFiles(env.chromium.browser, env.server.url);
  for (const needed of ['index.html', 'pkg/sfpc_bg.wasm', 'calculator.js']) assert.ok(files.includes(needed), files.join(', '));
  const { rows, kib } = transferSize(files);
  const listing = rows.map((r) => `${r.file}: ${r.gzip} B`).join(', ');
  console.log(`transfer size: ${kib.toFixed(1)} KiB gzipped (${listing})`);
  assert.ok(kib <= TRANSFER_BUDGET_KIB, `${kib.toFixed(1)} KiB > ${TRANSFER_BUDGET_KIB} KiB: ${listing}`);
});
