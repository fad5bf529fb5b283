// Your council in one click: the council picker by keyboard alone, prices
// restated when the price year changes (and a typed figure left alone),
// the evidence sets side by side with one click to use one, and the
// every-council page; each figure equal to the sfpc command's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openCalculator, typeInto, sharedServerAndBrowser, sfpc, downloadBytes, unzip } from './support.mjs';

const env = sharedServerAndBrowser();

const evaluate = (scenario) => JSON.parse(sfpc(['evaluate', '-'], JSON.stringify(scenario)));
const gbp = (x) => {
  const pounds = Math.round(Math.abs(x));
  return `${pounds !== 0 && x < 0 ? '-' : ''}£${pounds.toLocaleString('en-GB')}`;
};
const headline = (page, key) => page.locator(`.headline-${key} .figure`).textContent();
const field = (page, path) => page.locator(`input[data-path="${path}"]`);

/** Presses Tab until `selector` has the focus, as a keyboard user reaches it. */
async function tabTo(page, selector) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).evaluate((e) => e === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the council picker works by keyboard alone and fills in the council\'s figures', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  const input = page.locator('#f-council');
  await tabTo(page, '#f-council');
  assert.equal(await input.getAttribute('role'), 'combobox');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('darl');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  const options = page.locator('#f-council-list [role="option"]');
  assert.deepEqual(await options.allTextContents(), ['None: enter my own figures', 'Darlington (North East)']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-activedescendant'), 'f-council-list-1');
  assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#f-council-note')?.hidden === false);
  assert.equal(await input.inputValue(), 'Darlington');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-council');
  // Darlington: 92 on plans at 31 March 2025 (children in need census);
  // 299 looked after at 31 March 2024 and 119 starts in that year (CLA).
  assert.match(await page.locator('#f-council-note').textContent(), /^Darlington \(E06000005, North East\): 92 children on a child protection plan at 31 March 2025, 299 children looked after at 31 March 2024, 119 children starting to be looked after in the year to 31 March 2024\./);
  const entries = 'programmes.family_valued.council_entries_to_care_per_year';
  assert.equal(await field(page, entries).first().inputValue(), '119');
  const note = page.locator(`[data-note-for="${entries}"]`);
  assert.match(await note.textContent(), /^The council's own\. 119 children starting to be looked after in the year to 31 March 2024 \(DfE, Children looked after in England, .*\)\. Low and high: the fewest and most of its years from 2019 \(82 to 141\)\.$/);

  assert.match(await field(page, entries).first().getAttribute('aria-describedby'), /-note/);
  // The results are the command's for that council's scenario.
  const scenario = JSON.parse(sfpc(['defaults', '--council', 'E06000005']));
  const expected = evaluate(scenario).programmes.family_valued;
  await page.waitForFunction((want) => document.querySelector('.headline-council_npv .figure')?.textContent === want, gbp(expected.council_npv_gbp));
  // The caseload is the council's own, marked so, and the service sized to it.
  await page.locator('#view-family_safeguarding').check();
  const plans = 'programmes.family_safeguarding.children_on_cp_plans';
  assert.equal(await field(page, plans).first().inputValue(), '92');
  assert.match(await page.locator(`[data-note-for="${plans}"]`).textContent(), /^The council's own\. 92 children on a child protection plan at 31 March 2025 \(DfE, Characteristics of children in need, table D5/);
  const teams = 'programmes.family_safeguarding.service_units';
  assert.equal(await field(page, teams).first().inputValue(), '1');
  assert.match(await page.locator(`[data-note-for="${teams}"]`).textContent(), /^Derived\. 96\.5 families worked with each year ÷ 500 a team, rounded up/);
  await page.locator('#view-family_valued').check();
  // The scenario in the address says where each council figure came from.
  const inLink = async (until) => {
    const { inflateRawSync } = await import('node:zlib');
    for (let i = 0; i < 100; i++) {
      const hash = await page.evaluate(() => location.hash);
      const packed = new URLSearchParams(hash.slice(1)).get('s');
      const scenario = packed && JSON.parse(inflateRawSync(Buffer.from(packed, 'base64url')).toString('utf8'));
      if (scenario && until(scenario)) return scenario;
      await page.waitForTimeout(100);
    }
    throw new Error('the address never held the scenario');
  };
  const figureOf = (scenario, path) => scenario.council_figures?.find((f) => f.path === path);
  let linked = await inLink((s) => s.council === 'Darlington');
  assert.equal(linked.schema, 4);
  assert.equal(figureOf(linked, entries)?.kind, 'own');
  assert.equal(figureOf(linked, teams)?.kind, 'derived');
  // A figure changed by hand says so, and is no longer the council's; "None" takes the council out.
  await typeInto(page, entries, '130');
  assert.match(await note.textContent(), /^You have replaced Darlington's figure from DfE's statistics \(119\)/);
  linked = await inLink((s) => s.programmes.family_valued.council_entries_to_care_per_year.value === 130);
  assert.equal(figureOf(linked, entries), undefined);
  assert.equal(figureOf(linked, plans)?.kind, 'own');
  await input.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#f-council').value.startsWith('Example council'));
  assert.equal(await field(page, entries).first().inputValue(), '130');
  assert.equal(await note.isHidden(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a new price year restates the untouched defaults, not a typed figure; an unknown year is an error', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  const saving = 'programmes.family_valued.saving_per_family_gbp';
  const proceedings = 'programmes.family_valued.cost_per_care_proceedings_gbp';
  // £755 was published in 2016-17 prices: 755 × 100 / 76.0754 in 2024-25's.
  assert.equal(await field(page, saving).first().inputValue(), String(Math.round(755 * 100 / 76.0754 * 100) / 100));
  await typeInto(page, proceedings, '60000');
  await typeInto(page, 'price_year', '2016-17');
  assert.equal(await field(page, saving).first().inputValue(), '755');
  assert.equal(await field(page, proceedings).first().inputValue(), '60000');
  assert.match(await page.locator('[data-note-for="price_year"]').textContent(), /default figures restated from 2024-25 into 2016-17 prices\.$/);
  const scenario = JSON.parse(sfpc(['defaults', '--price-year', '2016-17']));
  scenario.programmes.family_valued.cost_per_care_proceedings_gbp.value = 60000;
  const expected = evaluate(scenario).programmes.family_valued;
  assert.equal(await headline(page, 'council_npv'), gbp(expected.council_npv_gbp));
  // The sources table shows the published figure, its year and the figure restated.
  const row = page.locator('#sources-table tbody tr', { hasText: 'Saving per family holding an FGC' });
  assert.match(await row.textContent(), /755.*2016-17.*the same/);
  await typeInto(page, 'price_year', '2030-31');
  assert.match(await page.locator('#error-list').textContent(), /^Price year: must be a year the HM Treasury deflators cover \(2013-14, .*2026-27\), got "2030-31"$/);
  assert.equal(await page.locator('#stale').isVisible(), true);
  assert.equal(await headline(page, 'council_npv'), gbp(expected.council_npv_gbp));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the evidence sets side by side, and one click puts a set\'s figures into the form', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  await page.locator('#view-family_safeguarding').check();
  await page.waitForSelector('#evidence:not([hidden]) #evidence-table tbody tr');
  const rows = await page.locator('#evidence-table tbody tr th').allTextContents();
  assert.deepEqual(rows, ['Your figures', "The innovators' published claims", 'Independent and trial evidence', 'Cautious']);
  const cautious = JSON.parse(sfpc(['defaults', '--evidence-set', 'cautious']));
  const expected = evaluate(cautious).programmes.family_safeguarding;
  assert.match(await page.locator('#evidence-table tbody tr', { hasText: 'Cautious' }).textContent(), new RegExp(gbp(expected.council_npv_gbp).replace(/[£]/g, '.')));
  await page.locator('.evidence-set summary', { hasText: 'Cautious' }).click();
  const use = page.locator('button[data-evidence-set="cautious"]');
  await use.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((want) => document.querySelector('.headline-council_npv .figure')?.textContent === want, gbp(expected.council_npv_gbp));
  assert.equal(await field(page, 'programmes.family_safeguarding.cp_plan_reduction').first().inputValue(), '15%');
  await page.waitForFunction(() => document.querySelector('#evidence-used')?.textContent.includes('evidence set: cautious'));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.evidenceSet), 'cautious');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the every-council page: a row for each council and model, sortable, equal to the command', async () => {
  const page = await env.chromium.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.server.url}councils.html`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  assert.equal(await page.locator('#councils-body tr').count(), 153 * 3);
  assert.match(await page.locator('#licence').textContent(), /Open Government Licence v3\.0/);
  const header = page.locator('#councils-head th').nth(3);
  await header.locator('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const npv = async () => (await page.locator('#councils-body tr td:nth-child(4)').allTextContents())
    .map((t) => Number(t.replace(/[£,]/g, '')));
  const sorted = await npv();
  assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a));
  await page.locator('#model-filter').selectOption('family_safeguarding');
  assert.equal(await page.locator('#councils-body tr').count(), 153);
  const darlington = await page.locator('#councils-body tr', { hasText: 'Darlington' }).textContent();
  const expected = evaluate(JSON.parse(sfpc(['defaults', '--council', 'E06000005']))).programmes.family_safeguarding;
  assert.ok(darlington.includes(gbp(expected.council_npv_gbp)), darlington);
  // The count says what is shown (issue 25: it said "153 councils, 459 rows" after filtering to one model).
  assert.equal(await page.locator('#shown-count').textContent(), 'Showing 153 of 153 councils (153 rows: one a council and model).');
  await page.locator('#council-search').fill('e08000035');
  assert.deepEqual(await page.locator('#councils-body tr th').allTextContents(), ['Leeds']);
  await page.locator('#council-search').fill('north york');
  assert.deepEqual(await page.locator('#councils-body tr th').allTextContents(), ['North Yorkshire']);
  await page.locator('#council-search').fill('york');
  assert.equal(await page.locator('#shown-count').textContent(), 'Showing 15 of 153 councils (15 rows: one a council and model).');
  // The downloads hold what is shown: the CSV as `sfpc batch` writes it, the workbook's cells as numbers.
  const csv = await downloadBytes(page, page.locator('#download-councils-csv'));
  assert.match(csv.name, /^every-council-family-safeguarding-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length, 16);
  assert.ok(lines.slice(1).every((l) => /Family Safeguarding/.test(l) && /York/.test(l)), lines.join('\n'));
  const xlsx = await downloadBytes(page, page.locator('#download-councils-xlsx'));
  assert.match(xlsx.name, /\.xlsx$/);
  const sheet = unzip(xlsx.bytes).get('xl/worksheets/sheet1.xml').toString('utf8');
  assert.equal((sheet.match(/<row /g) ?? []).length, 16);
  assert.match(sheet, /<c r="D2"[^>]*><v>-?\d/, 'council NPV written as a number');
  // Compact: the table scrolls in its frame, not the page.
  await page.locator('#council-search').fill('');
  await page.locator('#model-filter').selectOption('all');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 4000, `the page is ${height} px tall`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the map of England: a hexagon a council, keyboard order, words on focus, the summary\'s count, a click opens the calculator', async () => {
  const page = await env.chromium.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${env.server.url}councils.html`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  await page.locator('#model-filter').selectOption('family_safeguarding');
  const cells = page.locator('#map-overlay .map-cell');
  assert.equal(await cells.count(), 153);
  // North to south, then west to east: North Tyneside first (the
  // cartogram's top row), then Northumberland and South Tyneside.
  await cells.first().focus();
  assert.match(await cells.nth(0).getAttribute('aria-label'), /^North Tyneside: council net present value -?£[\d,]+, band [−+]\d\. Figures: \d+ the council's own/);
  assert.match(await page.locator('#map-focus').textContent(), /^North Tyneside: /);
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^Northumberland: /);
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^South Tyneside: /);
  // The summary's count is the table's: rows whose council NPV is above zero.
  const npvs = (await page.locator('#councils-body tr td:nth-child(4)').allTextContents()).map((t) => Number(t.replace(/[£,]/g, '')));
  const gaining = npvs.filter((x) => x > 0).length;
  assert.match(await page.locator('#map-summary').textContent(), new RegExp(`^Family Safeguarding is better off for the council in ${gaining} of 153 councils`));
  // Another measure redraws the map and its words.
  await page.locator('#map-measure').selectOption('payback');
  assert.match(await page.locator('#map-summary').textContent(), /pays back for the council within the period in \d+ of 153 councils/);
  assert.match(await cells.first().getAttribute('aria-label'), /^North Tyneside: payback /);
  // A council opens the calculator with its figures.
  const leeds = page.locator('#map-overlay .map-cell[data-code="E08000035"]');
  await leeds.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/index\.html#/);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  assert.equal(await page.locator('#f-council').inputValue(), 'Leeds');
  assert.equal(await page.locator('#view-family_safeguarding').isChecked(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the map embed is compact, and its script-free fallback is an image and a link', async () => {
  const page = await env.chromium.browser.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`${env.server.url}map-embed.html?model=family-valued&measure=payback`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  assert.equal(await page.locator('#map-measure').inputValue(), 'payback');
  assert.match(await page.locator('#map-summary').textContent(), /^Family Valued pays back/);
  const height = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
  assert.ok(height < 1000, `the embed is ${height} px tall`);
  await page.close();
  // With scripts off, the page shows the fallback image and its link.
  const plain = await env.chromium.browser.newPage();
  const cdp = await plain.context().newCDPSession(plain);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await plain.goto(`${env.server.url}map-embed.html`);
  const image = plain.locator('noscript img, img[src$="map-family-safeguarding.svg"]');
  assert.equal(await plain.locator('img[src="map-family-safeguarding.svg"]').isVisible(), true);
  assert.match(await image.first().getAttribute('alt'), /map of England/);
  assert.equal(await plain.locator('a[href="councils.html"]').first().isVisible(), true);
  const svg = await (await fetch(`${env.server.url}map-family-safeguarding.svg`)).text();
  assert.match(svg, /<title>Family Safeguarding is better off for the council in \d+ of 153 councils/);
  await plain.close();
});
