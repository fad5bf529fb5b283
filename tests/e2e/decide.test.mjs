// The "Decide now or wait" panel: the engine's figures and words for the
// model in view, two charts drawn with their tables, a threshold the user
// sets (a bad one says why and keeps the last good answer), and the figures
// the same as `sfpc decide` gives for the same scenario, draws and seed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServerAndBrowser, openCalculator, sfpc, inkedPixels } from './support.mjs';

const env = sharedServerAndBrowser();

async function decided(page, view) {
  await page.locator(`#view-${view}`).check();
  await page.waitForFunction(() => document.getElementById('sim-text').textContent.startsWith('Done'), null, { timeout: 60000 });
  await page.waitForFunction(() => !document.getElementById('decide')?.hidden
    && document.getElementById('evppi-summary').textContent.length > 0, null, { timeout: 30000 });
}

test('the decide panel shows the choice, what is worth knowing and the chance of clearing an amount', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  await decided(page, 'no_wrong_door');
  const cards = await page.locator('#decide-cards .headline').count();
  assert.equal(cards, 3);
  assert.match(await page.locator('#decide-verdict').textContent(), /has the smaller expected loss, by £/);
  assert.match(await page.locator('#decide-waiting').textContent(), /No Wrong Door adopter trial/);
  assert.match(await page.locator('#evppi-summary').textContent(), /worth up to £[\d,]+\. The figures most worth knowing: /);
  // Folded until asked for; opened, each chart is drawn, with its table.
  assert.equal(await page.locator('#evppi-chart').isVisible(), false);
  await page.locator('#decide-more > summary').click();
  for (const id of ['evppi-chart', 'acceptability-chart']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    assert.ok(await inkedPixels(page, id) > 5000, `${id} is blank`);
  }
  assert.ok(await page.locator('#evppi-table tbody tr').count() > 5);
  assert.ok(await page.locator('#acceptability-table tbody tr').count() > 3);
  assert.equal(await page.locator('#payback-table tbody tr').count(), 5);
  // The figures are the engine's, as `sfpc decide` prints them.
  const text = sfpc(['defaults'], '');
  const native = JSON.parse(sfpc(['decide'], text)).programmes.no_wrong_door;
  const evpi = await page.locator('.headline-evpi .figure').textContent();
  assert.equal(evpi, `£${Math.round(native.evpi_gbp).toLocaleString('en-GB')}`);
  // A threshold: a bad one says why, names the field and keeps the last answer.
  const input = page.locator('#decide-threshold');
  assert.equal(await page.locator('label[for="decide-threshold"]').textContent(), 'Council net present value of at least (£)');
  await input.fill('1000000');
  const sentence = await page.locator('#decide-threshold-text').textContent();
  assert.match(sentence, /above £1,000,000 in \d+% of 100,000 simulated futures/);
  await input.fill('lots');
  assert.equal(await page.locator('#decide-threshold-error').isVisible(), true);
  assert.match(await page.locator('#decide-threshold-error').textContent(), /must be an amount in pounds/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#decide-threshold-text').textContent(), sentence);
  assert.equal(await input.inputValue(), 'lots');
  await input.fill('-2000000');
  assert.equal(await page.locator('#decide-threshold-error').isVisible(), false);
  assert.match(await page.locator('#decide-threshold-text').textContent(), /above -£2,000,000/);
  // The compare view has no single choice: the panel is hidden.
  await page.locator('#view-compare').check();
  assert.equal(await page.locator('#decide').isHidden(), true);
  assert.deepEqual(problems, []);
  await page.close();
});
