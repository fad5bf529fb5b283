// Accessibility: axe-core (WCAG 2.2 A and AA rules) in every state of the
// page and of the embeds, and a keyboard-only session.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openCalculator, sharedServerAndBrowser } from './support.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const env = sharedServerAndBrowser();

/** Serious and critical violations in the page (and its open shadow roots). */
async function seriousViolations(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, WCAG_TAGS);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const simulated = (page) => page.waitForFunction(() => document.getElementById('sim-text')?.textContent.startsWith('Done'), null, { timeout: 20000 });

test('axe finds no serious or critical problems in any state of the page', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await simulated(page);
  assert.deepEqual(await seriousViolations(page), [], 'defaults, uncertainty shown');

  await page.locator('input[data-path="programmes.family_valued.families_per_year"]').fill('lots');
  await page.waitForSelector('#error-summary:not([hidden])');
  assert.deepEqual(await seriousViolations(page), [], 'an error shown');
  await page.locator('input[data-path="programmes.family_valued.families_per_year"]').fill('400');

  await page.locator('#view-compare').check();
  await simulated(page);
  assert.deepEqual(await seriousViolations(page), [], 'the three models compared');

  await page.locator('#view-family_valued').check();
  await page.evaluate(() => localStorage.clear());
  await page.locator('#save-buttons [data-slot="A"]').click();
  await page.locator('input[data-path="programmes.family_valued.saving_per_family_gbp"]').fill('900');
  await page.locator('#save-buttons [data-slot="B"]').click();
  await page.waitForSelector('#scenarios:not([hidden])');
  assert.deepEqual(await seriousViolations(page), [], 'saved scenarios compared');
  await page.evaluate(() => localStorage.clear());

  // The council picker open, a council picked with its notes, the evidence sets shown.
  await page.locator('#f-council').fill('north');
  await page.waitForSelector('#f-council-list:not([hidden]) [role="option"]');
  assert.deepEqual(await seriousViolations(page), [], 'the council picker open');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#f-council-note:not([hidden])');
  await page.waitForSelector('#evidence:not([hidden])');
  await page.locator('.evidence-set summary').first().click();
  assert.deepEqual(await seriousViolations(page), [], 'a council picked, the evidence sets shown');
  await page.close();

  const councils = await env.chromium.browser.newPage();
  await councils.goto(`${env.server.url}councils.html`);
  await councils.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  assert.deepEqual(await seriousViolations(councils), [], 'the every-council page');
  await councils.waitForSelector('#map-section:not([hidden])');
  await councils.locator('#map-measure').selectOption('payback');
  await councils.locator('#map-overlay .map-cell').first().focus();
  assert.deepEqual(await seriousViolations(councils), [], 'the every-council page, its map focused');
  await councils.close();
});

test('axe finds no serious or critical problems in the embeds, the every-council page and the accessibility statement', async () => {
  const page = await env.chromium.browser.newPage();
  await page.goto(`${env.server.url}embed-demo.html`);
  await page.waitForSelector('#element-a[ready]', { state: 'attached', timeout: 15000 });
  await page.waitForSelector('#element-b[ready]', { state: 'attached', timeout: 15000 });
  assert.deepEqual(await seriousViolations(page), [], 'two <sfpc-calculator> elements on a host page');

  await page.goto(`${env.server.url}embed.html?programme=no-wrong-door`);
  await page.waitForSelector('html[data-ready="true"]');
  assert.deepEqual(await seriousViolations(page), [], 'the iframe embed');

  await page.goto(`${env.server.url}map-embed.html?model=no-wrong-door`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  assert.deepEqual(await seriousViolations(page), [], 'the map embed');

  await page.goto(`${env.server.url}summary-embed.html?programme=family-valued&council=E06000005`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  assert.deepEqual(await seriousViolations(page), [], 'the summary embed');

  await page.goto(`${env.server.url}councils.html`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
  assert.deepEqual(await seriousViolations(page), [], 'the every-council page, with its search and downloads');

  await page.goto(`${env.server.url}accessibility.html`);
  assert.deepEqual(await seriousViolations(page), [], 'the accessibility statement');
  await page.close();
});

/** The focused element, described; focus on it must be visible. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  // The house focus styles: a yellow outline, or (links) a yellow background.
  // Not box-shadow: buttons carry one whether focused or not.
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || style.backgroundColor === 'rgb(255, 221, 0)';
  return { key: el.dataset.kb ?? null, path: el.dataset.path ?? null, id: el.id, tag: el.tagName, visible };
});

test('keyboard only: every control is reached with visible focus, a figure is changed and the results read', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await simulated(page);
  // Number every control a keyboard user must reach (one radio of a group: arrows move within it).
  const controls = await page.evaluate(() => {
    const candidates = document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), summary, [tabindex="0"]');
    // Shown: laid out and rendered (checkVisibility: not inside a closed <details>).
    const shown = [...candidates].filter((el) => el.getClientRects().length > 0 && el.checkVisibility()
      && !(el.type === 'radio' && !el.checked));
    shown.forEach((el, i) => { el.dataset.kb = String(i); });
    return shown.length;
  });
  const reached = new Set();
  const invisible = [];
  for (let i = 0; i < controls + 40 && reached.size < controls; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    if (f.key !== null) reached.add(f.key);
    if (!f.visible) invisible.push(f);
  }
  const missed = await page.evaluate((keys) => [...document.querySelectorAll('[data-kb]')]
    .filter((el) => !keys.includes(el.dataset.kb)).map((el) => el.id || el.dataset.path || el.outerHTML.slice(0, 80)), [...reached]);
  assert.deepEqual(missed, [], 'every control is reached by Tab');
  assert.deepEqual(invisible, [], 'focus is always visible');

  // Choose a model with the arrow keys, as a radio group works.
  await page.locator('#view-family_valued').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#view-family_safeguarding').isChecked(), true);
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#view-family_valued').isChecked(), true);

  // Tab to a figure, change it by typing, and read the announced result.
  const before = await page.locator('.headline-council_npv .figure').textContent();
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page))?.path === 'programmes.family_valued.saving_per_family_gbp') break;
  }
  assert.equal((await focused(page))?.path, 'programmes.family_valued.saving_per_family_gbp');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('900');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Results updated'));
  const after = await page.locator('.headline-council_npv .figure').textContent();
  assert.notEqual(after, before);
  assert.equal(await page.locator('#status').textContent(), `Results updated. Council net present value: ${after}.`);

  // A mistake: the summary's link, followed with Enter, takes focus to the field.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('a lot');
  await page.waitForSelector('#error-summary:not([hidden])');
  await page.locator('#error-list a').first().focus();
  await page.keyboard.press('Enter');
  assert.equal((await focused(page))?.path, 'programmes.family_valued.saving_per_family_gbp');
  await page.close();
});
