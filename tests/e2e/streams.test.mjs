// The whole-system models on the page: the form's groups fold to their
// totals, a saving can be left out, staff lines add to the costs, and who
// benefits is charted and tabled, each figure equal to the sfpc command's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openCalculator, typeInto, sharedServerAndBrowser, sfpc } from './support.mjs';

const env = sharedServerAndBrowser();

const defaults = () => JSON.parse(sfpc(['defaults']));
const evaluate = (scenario) => JSON.parse(sfpc(['evaluate', '-'], JSON.stringify(scenario)));

/** The display format of src/display.rs `gbp`. */
const gbp = (x) => {
  const pounds = Math.round(Math.abs(x));
  return `${pounds !== 0 && x < 0 ? '-' : ''}£${pounds.toLocaleString('en-GB')}`;
};

const headline = (page, key) => page.locator(`.headline-${key} .figure`).textContent();

async function open(view) {
  const opened = await openCalculator(env.chromium.browser, env.server.url);
  await opened.page.locator(`#view-${view}`).check();
  return opened;
}

test('each group folds to its total, and who benefits is tabled and charted', async () => {
  const { page, problems } = await open('family_safeguarding');
  const expected = evaluate(defaults()).programmes.family_safeguarding;
  const group = (key) => page.locator(`#group-family_safeguarding-${key}`);
  // The first group is open; the others show only their heading and total.
  assert.equal(await group('cp_plans').getAttribute('open'), '');
  assert.equal(await group('care_entries').getAttribute('open'), null);
  for (const stream of expected.streams) {
    const total = await page.locator(`#group-family_safeguarding-${stream.key}-total`).textContent();
    assert.ok(total.startsWith(gbp(stream.pv_gbp)), `${stream.key}: ${total}`);
  }
  assert.match(await page.locator('#group-family_safeguarding-cost_of_care-total').textContent(), /a year for each child in care$/);
  // Who benefits: one row a payer, the PVs the command gives.
  const rows = await page.locator('#who-table tbody tr').allTextContents();
  const payers = Object.entries(expected.pv_by_payer_gbp);
  assert.equal(rows.length, payers.length);
  for (const [row, [, pv]] of rows.map((r, i) => [r, payers[i]])) assert.ok(row.includes(gbp(pv)), row);
  const partners = `Police ${gbp(expected.pv_by_payer_gbp.police)}; NHS ${gbp(expected.pv_by_payer_gbp.nhs)}`;
  assert.ok((await page.locator('#who-summary').textContent()).includes(partners), partners);
  // The streams table, and the cashable figure beside the council's NPV.
  assert.equal(await page.locator('#streams-table tbody tr').count(), expected.streams.length);
  assert.equal(await headline(page, 'council_cashable_npv'), gbp(expected.council_cashable_npv_gbp));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a saving left out changes the figures, and the link keeps it left out', async () => {
  const { page } = await open('family_safeguarding');
  await page.locator('#group-family_safeguarding-care_entries > summary').click();
  await page.locator('#include-family_safeguarding-care_entries').uncheck();
  const scenario = defaults();
  scenario.programmes.family_safeguarding.excluded_streams = ['care_entries'];
  const expected = evaluate(scenario).programmes.family_safeguarding;
  assert.equal(await headline(page, 'council_npv'), gbp(expected.council_npv_gbp));
  assert.match(await page.locator('#group-family_safeguarding-care_entries-total').textContent(), /not counted/);
  await page.waitForTimeout(400); // the address is written 200 ms after the change
  const { page: opened } = await openCalculator(env.chromium.browser, page.url());
  assert.equal(await opened.locator('#include-family_safeguarding-care_entries').isChecked(), false);
  assert.equal(await headline(opened, 'council_npv'), gbp(expected.council_npv_gbp));
  await opened.close();
  await page.close();
});

test('staff lines add to the running costs, and a bad one is reported at its field', async () => {
  const { page } = await open('no_wrong_door');
  await page.locator('#group-no_wrong_door-delivery > summary').click();
  await page.locator('button[data-staff-add="no_wrong_door"]').click();
  // Focus moves to the new line's role.
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), 'programmes.no_wrong_door.staff[0].role');
  await typeInto(page, 'programmes.no_wrong_door.staff[0].role', 'Clinical psychologist');
  await typeInto(page, 'programmes.no_wrong_door.staff[0].fte', '1.5');
  await typeInto(page, 'programmes.no_wrong_door.staff[0].cost_per_fte_gbp', '£60,000');
  const scenario = defaults();
  scenario.programmes.no_wrong_door.staff = [{ role: 'Clinical psychologist', fte: 1.5, cost_per_fte_gbp: 60000 }];
  assert.equal(await headline(page, 'council_npv'), gbp(evaluate(scenario).programmes.no_wrong_door.council_npv_gbp));

  await typeInto(page, 'programmes.no_wrong_door.staff[0].fte', '-1');
  const summary = page.locator('#error-summary');
  assert.match(await summary.textContent(), /Staff, post 1: FTE: must not be negative, got -1/);
  await typeInto(page, 'programmes.no_wrong_door.staff[0].fte', '1.5');
  assert.equal(await summary.isVisible(), false);

  await page.locator('button[data-staff-remove="no_wrong_door"][data-index="0"]').click();
  assert.equal(await headline(page, 'council_npv'), gbp(evaluate(defaults()).programmes.no_wrong_door.council_npv_gbp));
  await page.close();
});

test('a field with an error in a folded group is opened by the summary link', async () => {
  const { page } = await open('family_valued');
  const path = 'programmes.family_valued.placement_share_residential';
  await typeInto(page, path, '0.5');
  await page.locator('#group-family_valued-cost_of_care > summary').click(); // fold it again
  assert.match(await page.locator('#error-summary').textContent(),
    /Share placed with kin, with parents or otherwise: the four placement shares must add up to 1, got 1\.45/);
  await page.locator('#error-summary a').first().click();
  assert.equal(await page.locator('#group-family_valued-cost_of_care').getAttribute('open'), '');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), 'programmes.family_valued.placement_share_kinship_other');
  await page.close();
});

test('a scenario saved by an earlier version (format 1) still opens and compares', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('./support.mjs');
  const old = JSON.parse(readFileSync(join(ROOT, 'tests', 'golden', 'format1', 'defaults.json'), 'utf8'));
  const result = JSON.parse(readFileSync(join(ROOT, 'tests', 'golden', 'format1', 'defaults.result.json'), 'utf8'));
  await page.evaluate((scenario) => localStorage.setItem('sfpc.saved-scenarios', JSON.stringify({
    version: 1, slots: { A: { name: 'from 2025', programme: 'no_wrong_door', scenario, savedAt: '2025-11-01T10:00:00Z' } },
  })), old);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForSelector('#scenarios:not([hidden])');
  const row = await page.locator('#scenarios-table tbody tr', { hasText: 'Council net present value' }).first().textContent();
  assert.ok(row.includes(gbp(result.programmes.no_wrong_door.council_npv_gbp)), row);
  await page.locator('button[data-open="A"]').click();
  assert.equal(await headline(page, 'council_npv'), gbp(result.programmes.no_wrong_door.council_npv_gbp));
  await page.close();
});
