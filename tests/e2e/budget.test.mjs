// The performance budget the test command enforces: the page's transfer
// size (every file it requests, gzipped). Timings are measured by the
// benchmark (scripts/bench.sh), not asserted here: they depend on the machine.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServerAndBrowser } from './support.mjs';
import { requestedFiles, transferSize, TRANSFER_BUDGET_KIB } from './transfer.mjs';

const env = sharedServerAndBrowser();

test(`the first view transfers at most ${TRANSFER_BUDGET_KIB} KiB gzipped; the analysis module loads after it`, async () => {
  const { firstView, later } = await requestedFiles(env.chromium.browser, env.server.url);
  for (const needed of ['index.html', 'pkg/sfpc_bg.wasm', 'app.js']) assert.ok(firstView.includes(needed), firstView.join(', '));
  assert.ok(!firstView.some((f) => f.startsWith('pkg/sfpc_analysis')), `the analysis module is not in the first view: ${firstView.join(', ')}`);
  assert.ok(later.includes('pkg/sfpc_analysis_bg.wasm'), `the analysis module loads after the first chart: ${later.join(', ')}`);
  const { rows, kib } = transferSize(firstView);
  const listing = rows.map((r) => `${r.file}: ${r.gzip} B`).join(', ');
  const afterwards = transferSize(later);
  console.log(`first view: ${kib.toFixed(1)} KiB gzipped (${listing}); after the first chart: ${afterwards.kib.toFixed(1)} KiB (${later.join(', ')})`);
  assert.ok(kib <= TRANSFER_BUDGET_KIB, `${kib.toFixed(1)} KiB > ${TRANSFER_BUDGET_KIB} KiB: ${listing}`);
});
