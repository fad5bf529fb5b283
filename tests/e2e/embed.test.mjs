// End-to-end tests of embedding (the <sfpc-calculator> element and the
// iframe), saved scenarios, and the PNG and audit-pack downloads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openCalculator, typeInto, sharedServerAndBrowser, sfpc, downloadBytes, unzip } from './support.mjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = sharedServerAndBrowser();

const headlineIn = (page, host) => page.locator(`${host} .headline-council_npv .figure`).textContent();

test('the element renders inside a host page whose CSS tries to restyle it; two elements work independently', async () => {
  const page = await env.chromium.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.server.url}embed-demo.html`);
  await page.waitForSelector('#element-a[ready]', { state: 'attached', timeout: 15000 });
  await page.waitForSelector('#element-b[ready]', { state: 'attached', timeout: 15000 });
  await page.locator('#hostile').check();
  await page.waitForFunction(() => getComputedStyle(document.body).fontFamily.includes('Comic'));

  // The host page is restyled; the calculator inside the element is not.
  const look = await page.evaluate(() => {
    const shadow = document.getElementById('element-a').shadowRoot;
    const style = (selector) => getComputedStyle(shadow.querySelector(selector));
    const canvas = shadow.getElementById('flows-chart');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) ink++;
    return {
      label: style('.field label').color,
      font: style('.field label').fontFamily,
      heading: style('#results-title').textTransform,
      input: style('input[data-path="council"]').display,
      canvas: style('#flows-chart').display,
      canvasWidth: canvas.getBoundingClientRect().width,
      ink,
      hostText: getComputedStyle(document.querySelector('.host-main > p')).color,
    };
  });
  assert.equal(look.hostText, 'rgb(204, 0, 0)', 'the hostile stylesheet applies to the host page');
  assert.equal(look.label, 'rgb(11, 12, 12)');
  assert.doesNotMatch(look.font, /Comic/);
  assert.equal(look.heading, 'none');
  assert.notEqual(look.input, 'none');
  assert.equal(look.canvas, 'block');
  assert.ok(look.canvasWidth > 300 && look.ink > 1000, JSON.stringify(look));

  // Each element is its own calculator: a change in one leaves the other be.
  const aBefore = await headlineIn(page, '#element-a');
  const bBefore = await headlineIn(page, '#element-b');
  assert.match(await page.locator('#element-b #results-context').textContent(), /appraisal/);
  assert.equal(await page.locator('#element-b #view-no_wrong_door').isChecked(), true, 'programme="no-wrong-door"');
  await page.locator('#element-a input[data-path="programmes.family_valued.saving_per_family_gbp"]').fill('900');
  await page.waitForFunction((before) => {
    const figure = document.getElementById('element-a').shadowRoot.querySelector('.headline-council_npv .figure');
    return figure.textContent !== before;
  }, aBefore);
  assert.notEqual(await headlineIn(page, '#element-a'), aBefore);
  assert.equal(await headlineIn(page, '#element-b'), bBefore);
  assert.equal(await page.locator('#element-b input[data-path="programmes.family_valued.saving_per_family_gbp"]').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the iframe reports its height and the host sizes it; forged messages are ignored', async () => {
  const page = await env.chromium.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${env.server.url}embed-demo.html`);
  await page.waitForFunction(() => Number(document.getElementById('frame').dataset.sfpcHeight) > 1000, null, { timeout: 15000 });
  const frame = page.frameLocator('#frame');
  await frame.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
  // Settled: the analysis module's parts (the evidence sets) have drawn.
  await frame.locator('#evidence:not([hidden]) #evidence-table tbody tr').first().waitFor();
  await frame.locator('#sim-text', { hasText: 'Done' }).waitFor();
  // And the value of information, which follows the draws on a worker.
  await frame.locator('#decide-waiting', { hasText: /\S/ }).waitFor();
  const sizes = async () => page.evaluate(() => {
    const iframe = document.getElementById('frame');
    return { iframe: iframe.getBoundingClientRect().height, content: iframe.contentDocument.documentElement.getBoundingClientRect().height };
  });
  await page.waitForFunction(() => {
    const iframe = document.getElementById('frame');
    return Math.abs(iframe.clientHeight - Math.ceil(iframe.contentDocument.documentElement.getBoundingClientRect().height)) <= 2;
  });
  const before = await sizes();
  assert.ok(Math.abs(before.iframe - before.content) <= 4, JSON.stringify(before));

  // A message from the host page itself, or of the wrong shape, changes nothing.
  await page.evaluate(() => {
    window.postMessage({ type: 'sfpc:height', version: 1, height: 50 }, '*');
    document.getElementById('frame').contentWindow.parent.postMessage({ type: 'sfpc:height', version: 1, height: '50px' }, '*');
  });
  await page.waitForTimeout(200);
  assert.equal((await sizes()).iframe, before.iframe);

  // Choosing "compare" makes the content taller; the iframe follows.
  await frame.locator('#view-compare').check();
  await page.waitForFunction((h) => document.getElementById('frame').getBoundingClientRect().height !== h, before.iframe);
  const after = await sizes();
  assert.ok(Math.abs(after.iframe - after.content) <= 4, JSON.stringify(after));
  await page.close();
});

test('scenarios A and B are saved, compared with their difference, kept across visits, and a bad store is survived', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  await page.evaluate(() => localStorage.clear());
  await page.locator('#f-saved-name').fill('published');
  await page.locator('#save-buttons [data-slot="A"]').click();
  const npvA = await page.locator('.headline-council_npv .figure').textContent();
  await typeInto(page, 'programmes.family_valued.saving_per_family_gbp', '900');
  await page.waitForFunction((a) => document.querySelector('.headline-council_npv .figure').textContent !== a, npvA);
  const npvB = await page.locator('.headline-council_npv .figure').textContent();
  await page.locator('#f-saved-name').fill('ours');
  await page.locator('#save-buttons [data-slot="B"]').click();
  assert.match(await page.locator('#saved-status').textContent(), /Saved as B: ours/);

  const headings = await page.locator('#scenarios-table thead th').allTextContents();
  assert.deepEqual(headings, ['Measure', 'A: published', 'B: ours', 'B: ours − A: published']);
  // The differences are the point: shown under the chart, not folded away.
  assert.equal(await page.locator('#scenarios-table').isVisible(), true);
  const row = await page.locator('#scenarios-table tbody tr', { hasText: 'Council net present value' }).locator('th, td').allTextContents();
  const pounds = (text) => Number(text.replace(/[£,+]/g, ''));
  assert.deepEqual(row.slice(1, 3), [npvA, npvB]);
  assert.ok(Math.abs(pounds(row[3]) - (pounds(npvB) - pounds(npvA))) <= 1, row.join(' | '));
  assert.match(await page.locator('#scenarios-summary').textContent(), /A: published \(Family Valued\)/);
  // Drawn as it comes into view.
  await page.locator('#scenarios-chart').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const c = document.getElementById('scenarios-chart');
    return c.width > 0 && c.toDataURL() !== document.createElement('canvas').toDataURL();
  }, null, { timeout: 5000 });

  // Kept in the browser: a new visit lists them, and opening A restores its figure.
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  // The saved scenarios load with the analysis module, after the first chart.
  await page.waitForSelector('#saved-list strong');
  assert.deepEqual(await page.locator('#saved-list strong').allTextContents(), ['A: published', 'B: ours']);
  await page.locator('#saved-list [data-open="A"]').click();
  // The default: £755 in 2016-17 prices, restated into 2024-25's and shown to the penny.
  assert.equal(await page.locator('input[data-path="programmes.family_valued.saving_per_family_gbp"]').inputValue(), String(Math.round(755 * 100 / 76.0754 * 100) / 100));
  assert.equal(await page.locator('.headline-council_npv .figure').textContent(), npvA);

  // A corrupted store is reported and the page still works.
  await page.evaluate(() => localStorage.setItem('sfpc.saved-scenarios', '{"version":1,"slots":{"A":{"programme":"family_valued","scenario":{"schema":1}}'));
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForFunction(() => (document.getElementById('saved-status')?.textContent ?? '') !== '');
  assert.match(await page.locator('#saved-status').textContent(), /could not be read/);
  assert.equal(await page.locator('#scenarios').isHidden(), true);
  await page.evaluate(() => localStorage.setItem('sfpc.saved-scenarios', JSON.stringify({ version: 1, slots: { A: { programme: 'family_valued', scenario: { schema: 1 } } } })));
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForFunction(() => (document.getElementById('saved-status')?.textContent ?? '') !== '');
  assert.match(await page.locator('#saved-status').textContent(), /1 saved scenario could not be read/);
  assert.deepEqual(problems, []);
  await page.close();

  // A full store: the scenario is kept for the visit, and the page says so.
  const full = await env.chromium.browser.newPage();
  await full.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await full.goto(env.server.url);
  await full.waitForSelector('html[data-ready="true"]');
  await full.locator('#save-buttons [data-slot="C"]').click();
  await full.waitForFunction(() => document.getElementById('saved-status').textContent !== '');
  assert.match(await full.locator('#saved-status').textContent(), /until you leave this page/);
  assert.equal(await full.locator('#scenarios').isVisible(), true);
  await full.evaluate(() => localStorage.clear());
  await full.close();
});

test('each chart downloads as a PNG at print resolution', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  const { name, bytes } = await downloadBytes(page, page.locator('#flows-chart + .png'));
  assert.equal(name, 'sfpc-flows.png');
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(bytes.readUInt32BE(16), 2000, 'width: 17 cm at 300 dpi');
  assert.ok(bytes.readUInt32BE(20) > 500);
  assert.ok(bytes.length > 20000, 'a drawn chart, not a blank one');
  assert.equal(await page.locator('figure.chart .png').count(), await page.locator('figure.chart canvas').count());
  // Every chart, those below the fold and the decision's too, is named by
  // the engine's words: a heading, and a caption for its table.
  await page.waitForSelector('#evppi-chart', { state: 'attached', timeout: 30000 });
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('figure.chart')]
    .filter((f) => !f.querySelector('h3')?.textContent || !f.querySelector('caption')?.textContent)
    .map((f) => f.querySelector('canvas')?.id));
  assert.deepEqual(unnamed, []);
  assert.equal(await page.locator('#tornado-title').textContent(), 'Which figures matter most');
  await page.close();
});

test('the audit pack holds what sfpc report writes for the same figures, with the seed and draws', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await typeInto(page, 'simulation.draws', '2000');
  await typeInto(page, 'simulation.seed', '99');
  await page.waitForFunction(() => document.getElementById('sim-text').textContent.startsWith('Done: 2,000'));
  const { name, bytes } = await downloadBytes(page, page.locator('#download-audit'));
  // Named for the council, the model and the day; each file dated today (MS-DOS date at offset 12 of its header).
  const today = new Date();
  const ymd = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  assert.equal(name, `example-council-assumed-caseloads-and-family-valued-${ymd.map((n) => String(n).padStart(2, '0')).join('-')}-audit-pack.zip`);
  assert.equal(bytes.readUInt16LE(12), ((ymd[0] - 1980) << 9) | (ymd[1] << 5) | ymd[2]);
  const files = unzip(bytes);
  const names = [...files.keys()];
  assert.deepEqual(names.slice(0, 11), ['README.txt', 'scenario.json', 'results.json', 'yearly-results.csv', 'yearly-streams.csv', 'defaults.csv', 'evidence-sets.csv', 'appraisal.xlsx', 'uncertainty.json', 'decide.json', 'decide.txt']);
  // Then a map of England a model, the same as `sfpc report` draws for these figures.
  const maps = names.slice(11);
  assert.deepEqual(maps, ['map-family-valued.svg', 'map-family-safeguarding.svg', 'map-no-wrong-door.svg']);
  const reportDir = mkdtempSync(join(tmpdir(), 'sfpc-report-'));
  sfpc(['report', '-', '--out', reportDir, '--draws', '1000'], files.get('scenario.json').toString('utf8'));
  for (const map of maps) assert.ok(files.get(map).equals(readFileSync(join(reportDir, map))), map);
  rmSync(reportDir, { recursive: true, force: true });
  const readme = files.get('README.txt').toString('utf8');
  assert.match(readme, /Engine version: \d+\.\d+\.\d+/);
  assert.match(readme, /2000 simulated futures, seed 99/);
  // The command line gives the same results and CSV from the pack's scenario.
  const scenario = files.get('scenario.json').toString('utf8');
  assert.equal(files.get('results.json').toString('utf8').trim(), sfpc(['evaluate', '-'], scenario).trim());
  const uncertainty = JSON.parse(files.get('uncertainty.json').toString('utf8'));
  assert.equal(uncertainty.simulation.seed, 99);
  assert.deepEqual(Object.keys(uncertainty.programmes), ['family_valued'], 'the model on screen');
  // Each model draws from its own stream, so the command's analysis of the
  // whole scenario gives the same figures for the model on screen.
  const command = JSON.parse(sfpc(['simulate', '-', '--draws', '2000', '--seed', '99'], scenario));
  assert.deepEqual(uncertainty.programmes.family_valued, command.programmes.family_valued);
  const decide = JSON.parse(files.get('decide.json').toString('utf8'));
  const commandDecide = JSON.parse(sfpc(['decide', '-', '--draws', '2000', '--seed', '99'], scenario));
  assert.deepEqual(decide.programmes.family_valued, commandDecide.programmes.family_valued);
  assert.match(files.get('defaults.csv').toString('utf8'), /Green Book/);
  assert.equal(await page.locator('#share-status').textContent(), 'Audit pack downloaded.');

  // Once the figures change and the analysis cannot run, the pack says it leaves the analysis out.
  await typeInto(page, 'programmes.family_valued.saving_per_family_gbp', '900');
  await typeInto(page, 'simulation.draws', '0');
  const stale = unzip((await downloadBytes(page, page.locator('#download-audit'))).bytes);
  assert.equal(stale.has('uncertainty.json'), false);
  assert.equal(JSON.parse(stale.get('scenario.json').toString('utf8')).programmes.family_valued.saving_per_family_gbp.value, 900);
  assert.match(await page.locator('#share-status').textContent(), /without the uncertainty analysis/);
  await page.close();
});
