// The Excel workbook from the page: loaded only when asked for, and the
// same sheets as `sfpc report` writes for the same figures (the command's
// workbook is recalculated in LibreOffice by tests/workbook.rs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCalculator, typeInto, sharedServerAndBrowser, sfpc, downloadBytes, unzip } from './support.mjs';

const env = sharedServerAndBrowser();

test('the workbook downloads from the page, with the sheets sfpc report writes', async () => {
  const { page, requests, problems } = await openCalculator(env.chromium.browser, env.server.url);
  await page.locator('#view-family_safeguarding').check();
  await typeInto(page, 'programmes.family_safeguarding.cp_plan_reduction', '0.45');
  await typeInto(page, 'simulation.draws', '2000');
  await page.waitForFunction(() => document.getElementById('sim-text').textContent.startsWith('Done: 2,000'));
  assert.ok(!requests.some((r) => r.includes('sfpc_workbook')), 'not loaded before it is asked for');
  const { name, bytes } = await downloadBytes(page, page.locator('#download-workbook'));
  assert.match(name, /^example-council-assumed-caseloads-and-family-safeguarding-\d{4}-\d{2}-\d{2}\.xlsx$/);
  assert.equal(await page.locator('#share-status').textContent(), 'Workbook downloaded.');
  const files = unzip(bytes);
  const scenario = (await downloadBytes(page, page.locator('#download-scenario'))).bytes.toString('utf8');
  const dir = mkdtempSync(join(tmpdir(), 'sfpc-report-'));
  try {
    sfpc(['report', '-', '--out', dir, '--draws', '2000'], scenario);
    const command = unzip(readFileSync(join(dir, 'appraisal.xlsx')));
    // Summary, Inputs, Years and Prices are the same; the Uncertainty sheet
    // is the page's model on view, the command's every model.
    for (const sheet of [1, 2, 3, 4]) {
      const file = `xl/worksheets/sheet${sheet}.xml`;
      assert.ok(files.get(file).equals(command.get(file)), file);
    }
    assert.ok(files.get('xl/workbook.xml').equals(command.get('xl/workbook.xml')));
    assert.match(files.get('xl/sharedStrings.xml').toString('utf8'), /Simulated in the calculator; not recomputed by this workbook/);
    assert.match(files.get('xl/sharedStrings.xml').toString('utf8'), /Decide now or wait: from the calculator's simulation/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(problems, []);
  await page.close();
});
