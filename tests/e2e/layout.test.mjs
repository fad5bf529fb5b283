// The layout for the job (issue 15; issue 25 made the verdict, not every
// headline card, the part that stays): at 1280 px the verdict stays in
// view while the inputs scroll; no results table is cut off or needs a
// sideways scroll at 1280 or 375 px, in one model's view or the compare
// view; and the page with the defaults is far shorter than it was (14,136 px
// at 1280 px before issue 15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openCalculator, sharedServerAndBrowser } from './support.mjs';

const env = sharedServerAndBrowser();

/** Tables in the results whose box is wider than their frame, with their data tables opened. */
function overflowingTables(page) {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('#results details.data')) d.open = true;
    return [...document.querySelectorAll('#results .table-wrap')]
      .filter((w) => w.offsetParent !== null && w.scrollWidth > w.clientWidth + 1)
      .map((w) => `${w.querySelector('table').id}: ${w.scrollWidth} > ${w.clientWidth}`);
  });
}

for (const width of [1280, 375]) {
  for (const view of ['family_safeguarding', 'compare']) {
    test(`at ${width} px, the ${view} view's tables fit without a sideways scroll`, async () => {
      const { page, problems } = await openCalculator(env.chromium.browser, env.server.url, { width, height: 900 });
      await page.locator(`#view-${view}`).check();
      await page.waitForFunction(() => window.sfpcTiming.simulations >= 1, null, { timeout: 60000 });
      // One model's view has the evidence sets' table too; the compare view hides it.
      if (view !== 'compare') await page.waitForSelector('#evidence:not([hidden])', { timeout: 30000 });
      assert.deepEqual(await overflowingTables(page), []);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}

test('at 1280 px the verdict stays in view while the inputs scroll, and the page is far shorter', async (t) => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url, { width: 1280, height: 900 });
  await page.waitForFunction(() => window.sfpcTiming.simulations >= 1, null, { timeout: 60000 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 10000, `the page is ${height} px tall with the defaults`);
  t.diagnostic(`the page with the defaults is ${height} px tall at 1280 px (Family Valued)`);
  for (const id of ['f-appraisal-discount_rate', 'reset', 'f-upload']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const box = await page.locator('.results-head').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `the verdict is out of view beside #${id}: ${JSON.stringify(box)}`);
  }
  await page.close();
});
