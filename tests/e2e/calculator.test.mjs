// End-to-end tests of the calculator page in headless Chromium.
// Run by scripts/test.sh after the page is built (www/pkg) and the `sfpc`
// command is built (SFPC_BIN).

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openCalculator, typeInto, sharedServerAndBrowser, sfpc, downloadBytes, inkedPixels } from './support.mjs';

const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

const env = sharedServerAndBrowser();

before(() => {
  mkdirSync(SHOTS, { recursive: true });
});

const defaults = () => JSON.parse(sfpc(['defaults']));
const evaluate = (scenario) => JSON.parse(sfpc(['evaluate', '-'], JSON.stringify(scenario)));

/** The display format of src/display.rs `gbp`, for comparing with the engine's JSON. */
const gbp = (x) => {
  const pounds = Math.round(Math.abs(x));
  return `${pounds !== 0 && x < 0 ? '-' : ''}£${pounds.toLocaleString('en-GB')}`;
};

/** The display format of src/display.rs `probability`: never 0% for a chance, never 100% short of certainty. */
const probability = (p) => {
  const pct = Math.round(p * 100);
  if (p > 0 && pct === 0) return 'under 1%';
  if (p < 1 && pct === 100) return 'over 99%';
  return `${pct}%`;
};

const headline = (page, key) => page.locator(`.headline-${key} .figure`).textContent();


const canvasImage = (page, id) => page.evaluate((canvasId) => document.getElementById(canvasId).toDataURL(), id);

async function chooseView(page, key) {
  await page.locator(`#view-${key}`).check();
}

test('the headline NPVs equal what the sfpc command gives for the same scenario', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  const expected = evaluate(defaults());
  for (const key of ['family_valued', 'family_safeguarding', 'no_wrong_door']) {
    await chooseView(page, key);
    const p = expected.programmes[key];
    assert.equal(await headline(page, 'council_npv'), gbp(p.council_npv_gbp), key);
    assert.equal(await headline(page, 'public_npv'), gbp(p.public_npv_gbp), key);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('changing an input updates the results and the charts', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await chooseView(page, 'no_wrong_door');
  const before = { npv: await headline(page, 'council_npv'), chart: await canvasImage(page, 'flows-chart') };

  await typeInto(page, 'programmes.no_wrong_door.young_people_in_residential', '30');

  const scenario = defaults();
  scenario.programmes.no_wrong_door.young_people_in_residential.value = 30;
  const expected = evaluate(scenario).programmes.no_wrong_door;
  assert.equal(await headline(page, 'council_npv'), gbp(expected.council_npv_gbp));
  assert.notEqual(await headline(page, 'council_npv'), before.npv);
  // The chart is redrawn in a frame after the figures, and when in view: scrolled to, as a reader would.
  await page.evaluate(() => document.getElementById('flows-chart').scrollIntoView({ block: 'center' }));
  await page.waitForFunction(([id, was]) => document.getElementById(id).toDataURL() !== was,
    ['flows-chart', before.chart], { timeout: 5000 }).catch(() => {});
  assert.notEqual(await canvasImage(page, 'flows-chart'), before.chart, 'the chart was redrawn');
  await page.close();
});

test('a bad value shows the error beside the field and keeps the last good result', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await chooseView(page, 'no_wrong_door');
  const good = await headline(page, 'council_npv');
  const path = 'programmes.no_wrong_door.residential_time_reduction';

  // 140% is over 100% (a bare 1.4 would be read as 1.4%).
  await typeInto(page, path, '140%');

  const summary = page.locator('#error-summary');
  assert.equal(await summary.isVisible(), true);
  assert.match(await summary.textContent(), /Reduction in time spent in residential placements: must be between 0 and 1 \(0% to 100%\), got 1\.4/);
  const message = page.locator('#f-programmes-no_wrong_door-residential_time_reduction-error');
  assert.equal(await message.textContent(), 'Error: must be between 0 and 1 (0% to 100%), got 1.4');
  assert.equal(await page.locator(`input[data-path="${path}"]`).getAttribute('aria-invalid'), 'true');
  // The last good result stays, marked out of date; what was typed stays too.
  assert.equal(await headline(page, 'council_npv'), good);
  assert.equal(await page.locator('#stale').isVisible(), true);
  assert.equal(await page.locator(`input[data-path="${path}"]`).inputValue(), '140%');

  // Text that is not a number is reported, not turned into 0.
  await typeInto(page, 'programmes.no_wrong_door.young_people_in_residential', 'twenty');
  assert.match(await summary.textContent(), /must be a number, got text "twenty"/);

  // The error link takes the keyboard to the field.
  await page.locator(`#error-summary a[data-path="${path}"]`).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), path);

  // Fixing both brings the results back up to date.
  await typeInto(page, path, '0.4');
  await typeInto(page, 'programmes.no_wrong_door.young_people_in_residential', '20');
  assert.equal(await summary.isVisible(), false);
  assert.equal(await page.locator('#stale').isVisible(), false);
  assert.notEqual(await headline(page, 'council_npv'), good);
  await page.close();
});

test('every chart has ink on it, a summary and a data table', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  for (const id of ['flows-chart', 'cumulative-chart', 'comparison-chart']) {
    assert.ok(await inkedPixels(page, id) > 5000, `${id} is blank`);
  }
  for (const id of ['flows', 'cumulative', 'comparison']) {
    assert.ok((await page.locator(`#${id}-summary`).textContent()).length > 40, `${id} summary`);
    assert.ok(await page.locator(`#${id}-table tbody tr`).count() >= 3, `${id} table`);
  }
  // HiDPI: the canvas has devicePixelRatio times its CSS pixels.
  const hidpi = await env.chromium.browser.newPage();
  const cdp = await env.chromium.browser.newCDPSession(hidpi);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 2, mobile: false });
  await hidpi.goto(env.server.url);
  await hidpi.waitForSelector('html[data-ready="true"]');
  const sizes = await hidpi.evaluate(() => {
    const c = document.getElementById('flows-chart');
    const style = getComputedStyle(c);
    const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    return { ratio: window.devicePixelRatio, pixels: c.width, css: c.getBoundingClientRect().width - borders };
  });
  assert.equal(sizes.ratio, 2);
  assert.equal(sizes.pixels, Math.round(sizes.css * 2));
  await hidpi.close();
  await page.close();
});

test('the compare view shows the three models side by side', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await chooseView(page, 'compare');
  assert.equal(await page.locator('#programme-charts').isVisible(), false);
  assert.equal(await page.locator('#comparison-table tbody tr').count(), 3);
  assert.equal(await page.locator('fieldset.programme').count(), 3);
  assert.ok(await inkedPixels(page, 'comparison-chart') > 5000);
  await page.close();
});

test('charts are redrawn to fit when the window is resized', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  const width = () => page.evaluate(() => document.getElementById('flows-chart').width);
  const wide = await width();
  await page.setViewportSize({ width: 600, height: 900 });
  // Drawn to its new size as it comes into view.
  await page.locator('#flows-chart').scrollIntoViewIfNeeded();
  await page.waitForFunction((w) => document.getElementById('flows-chart').width !== w, wide);
  assert.ok(await width() < wide);
  assert.ok(await inkedPixels(page, 'flows-chart') > 5000);
  await page.close();
});

test('no request leaves the page, and screenshots at 1280 and 375 px', async () => {
  for (const width of [1280, 375]) {
    const { page, requests, problems } = await openCalculator(env.chromium.browser, env.server.url, { width, height: 900 });
    const outside = requests.filter((url) => !url.startsWith(env.server.url));
    assert.deepEqual(outside, []);
    assert.deepEqual(problems, []);
    // No horizontal scrolling of the page itself (tables scroll in their own box).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the window at ${width}px`);
    await page.screenshot({ path: join(SHOTS, `calculator-${width}.png`), fullPage: true });
    await page.close();
  }
});

test('the sources table lists the defaults of the model shown, each with its basis', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  // One row for each parameter (numbers, ranges, lists, staff lines), not
  // the list of streams left out.
  const leaves = (v) => (typeof v === 'number' || Array.isArray(v) || (v && typeof v === 'object' && 'value' in v) ? 1
    : v && typeof v === 'object' ? Object.values(v).reduce((n, x) => n + leaves(x), 0) : 0);
  const { appraisal, programmes } = defaults();
  for (const p of Object.values(programmes)) delete p.excluded_streams;
  const rows = () => page.locator('#sources-table tbody tr').count();
  // The table is filled once the analysis module is loaded (it is below the fold).
  await page.waitForSelector('#sources-table tbody tr', { state: 'attached' });
  assert.equal(await rows(), leaves({ appraisal, programme: programmes.family_valued }));
  let text = await page.locator('#sources-table').textContent();
  assert.match(text, /Mason et al\./);
  assert.match(text, /assumption/);
  await chooseView(page, 'compare');
  assert.equal(await rows(), leaves({ appraisal, programmes }));
  text = await page.locator('#sources-table').textContent();
  assert.match(text, /Home Office, Police costs methodology/);
  await page.close();
});

// ---- uncertainty ----

const simulated = (page, count = 1) => page.waitForFunction((n) => window.sfpcTiming.simulations >= n, count, { timeout: 30000 });

/**
 * Shows `view` once the first view's analysis has finished, and waits for the
 * analysis of `view` itself (counting runs: otherwise the first view's finished
 * run would do, and the new view's 8,192-draw provisional figures be read).
 */
async function viewSimulated(page, view) {
  await simulated(page);
  const runs = await page.evaluate(() => window.sfpcTiming.simulations);
  await chooseView(page, view);
  await simulated(page, runs + 1);
}

test('the uncertainty analysis in the browser equals sfpc simulate, bit for bit', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  await chooseView(page, 'family_safeguarding');
  await typeInto(page, 'simulation.draws', '5000');
  await typeInto(page, 'simulation.seed', '123');
  await page.waitForFunction(() => document.getElementById('sim-audit').textContent.includes('seed 123')
    && document.getElementById('sim-audit').textContent.startsWith('5,000'));
  // The page simulates the programme on view only; each programme has its own
  // random stream, so the command's run of the whole scenario is comparable.
  const expected = JSON.parse(sfpc(['simulate', '-', '--draws', '5000', '--seed', '123'], JSON.stringify(defaults())))
    .programmes.family_safeguarding;
  const counts = await page.locator('#histogram-table tbody tr td:last-child').allTextContents();
  assert.deepEqual(counts.map((c) => Number(c.replace(/,/g, ''))), expected.histogram.map((b) => b.count));
  const median = await page.locator('#percentiles-table tbody tr:first-child td').nth(2).textContent();
  assert.equal(median, gbp(expected.council_npv_gbp.p50));
  assert.equal(await page.locator('.headline-p-positive .figure').textContent(),
    probability(expected.probability_council_npv_positive));
  for (const id of ['fan-chart', 'histogram-chart', 'tornado-chart']) {
    assert.ok(await inkedPixels(page, id) > 5000, `${id} is blank`);
  }
  for (const id of ['fan', 'histogram', 'tornado']) {
    assert.match(await page.locator(`#${id}-summary`).textContent(), /.{40,}/);
  }
  assert.match(await page.locator('#fan-summary').textContent(), /of 5,000 simulated futures the council pays back within 5 years/);
  assert.equal(await page.locator('#tornado-table tbody tr').count(), expected.tornado.length);
  assert.deepEqual(problems, []);
  await page.close();
});

test('ranges are edited beside each value, and a bad range or draw count is reported', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await viewSimulated(page, 'no_wrong_door');
  const path = 'programmes.no_wrong_door.residential_time_reduction';
  assert.equal(await page.locator(`input[data-path="${path}.low"]`).inputValue(), '0%');
  assert.equal(await page.locator(`input[data-path="${path}.high"]`).inputValue(), '45%');
  const before = await page.locator('#sim-audit').textContent();

  // A low above the value is not refused: the range takes the value in, and the field says so.
  await typeInto(page, `${path}.low`, '60%');
  assert.equal(await page.locator('#error-summary').isHidden(), true);
  assert.equal(await page.locator(`[data-reading-for="${path}"]`).textContent(),
    'Outside the range you had, so the range now runs from 22.5% to 45% for the uncertainty analysis.');
  // A range end that is no share at all is reported.
  await typeInto(page, `${path}.low`, '-10%');
  assert.match(await page.locator('#error-summary').textContent(), /must be between 0 and 1 \(0% to 100%\), got -0\.1/);
  assert.equal(await page.locator(`input[data-path="${path}.low"]`).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#sim-stale').isVisible(), true);

  const runs = await page.evaluate(() => window.sfpcTiming.simulations);
  await typeInto(page, `${path}.low`, '0.1');
  await page.waitForFunction((n) => window.sfpcTiming.simulations > n, runs);
  const lastGood = await page.locator('#sim-audit').textContent();
  assert.equal(lastGood, before, 'the same draws and seed');
  await typeInto(page, 'simulation.draws', '0');
  assert.match(await page.locator('#f-simulation-draws-error').textContent(), /must be a whole number from 1000 to 1000000, got 0/);
  assert.equal(await page.locator('#sim-audit').textContent(), before, 'the last good analysis stays');
  assert.equal(await page.locator('input[data-path="simulation.draws"]').inputValue(), '0');
  await page.close();
});

test('a million draws run in slices with progress, and a newer input cancels the run', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await viewSimulated(page, 'family_safeguarding');
  const runs = await page.evaluate(() => window.sfpcTiming.simulations);
  // A newer input cancels the million-draw run: the seed is typed in the
  // page the moment the run's first slice is reported (so the run is still
  // in flight however fast the machine), and only the new run finishes.
  const doneWhenCancelled = await page.evaluate(() => new Promise((resolve, reject) => {
    /** @param {string} path */
    const input = (path) => /** @type {HTMLInputElement} */ (document.querySelector(`input[data-path="${path}"]`));
    const bar = /** @type {HTMLProgressElement} */ (document.getElementById('sim-progress'));
    const type = (/** @type {string} */ path, /** @type {string} */ value) => {
      input(path).value = value;
      input(path).dispatchEvent(new Event('input', { bubbles: true }));
    };
    const timer = setTimeout(() => reject(new Error('no slice of the million-draw run was reported')), 20000);
    const watcher = new MutationObserver(() => {
      if (bar.max !== 1000000 || bar.value <= 0 || bar.value >= bar.max) return;
      const done = bar.value;
      watcher.disconnect();
      clearTimeout(timer);
      type('simulation.seed', '99');
      resolve(done);
    });
    watcher.observe(document.getElementById('sim-text'), { childList: true, characterData: true, subtree: true });
    type('simulation.draws', '1000000');
  }));
  assert.ok(doneWhenCancelled > 0 && doneWhenCancelled < 1000000, `cancelled after ${doneWhenCancelled} draws`);
  // The page keeps responding: animation frames keep coming while it runs.
  const gaps = await page.evaluate(() => new Promise((resolve) => {
    const gaps = [];
    let last = performance.now();
    const tick = (now) => {
      gaps.push(now - last);
      last = now;
      if (gaps.length < 20) requestAnimationFrame(tick); else resolve(gaps);
    };
    requestAnimationFrame(tick);
  }));
  assert.ok(Math.max(...gaps) < 250, `longest frame gap ${Math.max(...gaps)} ms`);
  assert.match(await page.locator('#sim-text').textContent(), /Simulating|Done/);
  // The new run's final figures (its provisional ones come first).
  await page.waitForFunction(() => /^1,000,000 .*seed 99/.test(document.getElementById('sim-audit').textContent), null, { timeout: 30000 });
  const t = await page.evaluate(() => window.sfpcTiming);
  assert.equal(t.simulations, runs + 1, 'the cancelled run never finished');
  assert.equal(t.lastSimulationDraws, 1000000);
  await page.close();
});

// ---- save and share ----

const inputValues = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('#calculator input[data-path]')].map((i) => [i.dataset.path, i.value])));

test('a link holds every input: opening it restores them all', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await chooseView(page, 'no_wrong_door');
  const edits = {
    council: 'Testshire County Council',
    'appraisal.horizon_years': '8',
    'programmes.no_wrong_door.young_people_in_residential': '25',
    'programmes.no_wrong_door.residential_time_reduction.low': '0.1',
    'programmes.no_wrong_door.grant_by_year_gbp': '1000000; 500000',
    'simulation.seed': '4242',
  };
  for (const [path, text] of Object.entries(edits)) await typeInto(page, path, text);
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('seed') === '4242');
  await page.waitForTimeout(400); // the address is written 200 ms after the last change
  const link = page.url();
  const expected = await inputValues(page);
  assert.match(link, /#v=2&view=no_wrong_door&/);
  // The link holds the whole scenario in format 2, every programme as it is:
  // viewing one programme must not switch the others off.
  const { inflateRawSync } = await import('node:zlib');
  const packed = new URLSearchParams(new URL(link).hash.slice(1)).get('s');
  const inLink = JSON.parse(inflateRawSync(Buffer.from(packed, 'base64url')).toString('utf8'));
  assert.equal(inLink.schema, 4);
  assert.equal(inLink.council, 'Testshire County Council');
  for (const key of ['family_valued', 'family_safeguarding', 'no_wrong_door']) {
    assert.equal(inLink.programmes[key].enabled, true, key);
  }
  assert.equal(gbp(evaluate(inLink).programmes.no_wrong_door.council_npv_gbp), await headline(page, 'council_npv'));
  assert.ok(link.length < 2500, `link is ${link.length} characters`);

  const { page: opened, problems } = await openCalculator(env.chromium.browser, link);
  assert.equal(await opened.locator('#view-no_wrong_door').isChecked(), true);
  const restored = await inputValues(opened);
  // Figures come back as the engine shows them: a list joined, a fraction as a percentage.
  const reshown = {
    'programmes.no_wrong_door.grant_by_year_gbp': '1000000, 500000',
    'programmes.no_wrong_door.residential_time_reduction.low': '10%',
  };
  for (const [path, text] of Object.entries(edits)) assert.equal(restored[path], reshown[path] ?? text, path);
  assert.deepEqual(restored, { ...expected, ...reshown });
  assert.equal(await headline(opened, 'council_npv'), await headline(page, 'council_npv'));
  assert.deepEqual(problems, []);
  await opened.close();
  await page.close();
});

test('a damaged or future link gives a clear message and the defaults', async () => {
  const defaultNpv = gbp(evaluate(defaults()).programmes.family_valued.council_npv_gbp);
  const cases = [
    ['#v=1&s=not-really-a-scenario', /could not be opened: it is incomplete or damaged/],
    ['#v=3&s=abc', /made by a newer version of the calculator \(link format 3\)/],
    ['#something-else', /not a link to this calculator/],
  ];
  for (const [fragment, message] of cases) {
    const { page, problems } = await openCalculator(env.chromium.browser, env.server.url + fragment);
    assert.match(await page.locator('#link-message').textContent(), message);
    assert.equal(await headline(page, 'council_npv'), defaultNpv, fragment);
    assert.deepEqual(problems, [], fragment);
    await page.close();
  }
});

test('a link written before scenario format 2 opens with exactly the figures it had', async () => {
  // Version 1 links carry a format-1 scenario: the golden default file, whose
  // results the last format-1 engine recorded (tests/golden/format1/).
  const { readFileSync } = await import('node:fs');
  const { deflateRawSync } = await import('node:zlib');
  const golden = join(ROOT, 'tests', 'golden', 'format1');
  const scenario = readFileSync(join(golden, 'defaults.json'), 'utf8');
  const old = JSON.parse(readFileSync(join(golden, 'defaults.result.json'), 'utf8'));
  const packed = deflateRawSync(Buffer.from(JSON.stringify(JSON.parse(scenario)))).toString('base64url');
  const link = `${env.server.url}#v=1&view=family_safeguarding&draws=10000&seed=20190401&s=${packed}`;
  const { page, problems } = await openCalculator(env.chromium.browser, link);
  assert.equal(await page.locator('#link-message').isVisible(), false);
  for (const key of ['family_safeguarding', 'no_wrong_door', 'family_valued']) {
    await chooseView(page, key);
    assert.equal(await headline(page, 'council_npv'), gbp(old.programmes[key].council_npv_gbp), key);
    assert.equal(await headline(page, 'public_npv'), gbp(old.programmes[key].public_npv_gbp), key);
  }
  // Its later streams are left out, and shown so: their boxes are unticked.
  assert.equal(await page.locator('#include-family_valued-care_entries').isChecked(), false);
  assert.equal(await page.locator('#include-family_valued-fgc_process').isChecked(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

async function downloadText(page, buttonId) {
  return (await downloadBytes(page, page.locator(`#${buttonId}`))).bytes.toString('utf8');
}

test('the CSV download equals sfpc report, and a hostile council name stays harmless', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  const name = '<script>window.hacked = 1</script> =SUM(A1)';
  await typeInto(page, 'council', name);
  assert.match(await page.locator('#results-context').textContent(), /<script>window\.hacked = 1<\/script> =SUM\(A1\)/);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.equal(await page.locator('main script').count(), 0);

  const csv = await downloadText(page, 'download-csv');
  const scenario = defaults();
  scenario.council = name;
  const dir = join(SHOTS, '..', 'report-tmp');
  sfpc(['report', '-', '--out', dir, '--draws', '1000'], JSON.stringify(scenario));
  const { readFileSync, rmSync } = await import('node:fs');
  assert.equal(csv, readFileSync(join(dir, 'yearly-results.csv'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  assert.ok(csv.startsWith('\ufeff'));
  assert.match(csv.split('\r\n')[1], /^<script>window\.hacked = 1<\/script> =SUM\(A1\),2024-25,Family Valued,1,0,/);

  // A name that starts with = is written so a spreadsheet will not run it.
  await typeInto(page, 'council', '=SUM(A1)');
  assert.match((await downloadText(page, 'download-csv')).split('\r\n')[1], /^'=SUM\(A1\),/);
  await page.close();
});

test('figures download as JSON and open again; an invalid file shows its errors', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await chooseView(page, 'family_safeguarding');
  await typeInto(page, 'programmes.family_safeguarding.children_on_cp_plans', '400');
  const saved = JSON.parse(await downloadText(page, 'download-scenario'));
  assert.equal(saved.schema, 4);
  assert.equal(saved.programmes.family_safeguarding.children_on_cp_plans.value, 400);
  // The file is what sfpc evaluate reads, and it gives the figure on screen.
  assert.equal(gbp(evaluate(saved).programmes.family_safeguarding.council_npv_gbp), await headline(page, 'council_npv'));

  await page.locator('#reset').click();
  assert.equal(await page.locator('input[data-path="programmes.family_safeguarding.children_on_cp_plans"]').inputValue(), '356.3');
  await page.locator('#f-upload').setInputFiles({ name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await page.waitForFunction(() => document.getElementById('share-status').textContent.startsWith('Opened saved.json'));
  assert.equal(await page.locator('input[data-path="programmes.family_safeguarding.children_on_cp_plans"]').inputValue(), '400');

  const bad = structuredClone(saved);
  bad.programmes.no_wrong_door.residential_time_reduction = 1.4;
  bad.appraisal.horizon_years = 0;
  await page.locator('#f-upload').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.waitForFunction(() => document.getElementById('share-status').textContent.includes('could not be opened'));
  const status = await page.locator('#share-status').textContent();
  assert.match(status, /appraisal\.horizon_years: must be a whole number from 1 to 30, got 0/);
  assert.match(status, /programmes\.no_wrong_door\.residential_time_reduction: must be between 0 and 1 \(0% to 100%\), got 1\.4/);
  await page.locator('#f-upload').setInputFiles({ name: 'truncated.json', mimeType: 'application/json', buffer: Buffer.from('{ "schema": 1, ') });
  await page.waitForFunction(() => document.getElementById('share-status').textContent.includes('truncated.json could not be opened'));
  assert.match(await page.locator('#share-status').textContent(), /scenario: is not valid JSON/);
  // The form kept the figures it had.
  assert.equal(await page.locator('input[data-path="programmes.family_safeguarding.children_on_cp_plans"]').inputValue(), '400');
  await page.close();
});

test('the print view is one or two A4 pages with the figures used, their sources, the results, the charts and the method', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await page.waitForFunction(() => document.getElementById('sim-text').textContent.startsWith('Done'));
  // With what rests on the evidence shown (it comes in after the analysis): the fuller print.
  await page.waitForSelector('#evidence:not([hidden]) #evidence-table tbody tr');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  // Every figure of the model in view, with its source, is in the print.
  const rows = await page.locator('#inputs-table tbody tr').allTextContents();
  const fields = await page.evaluate(() => [...document.querySelectorAll('#settings-fields input[data-main], #programme-fields input[data-main]')].length);
  assert.equal(rows.length, fields);
  assert.ok(rows.some((r) => r.includes('Saving per family holding an FGC') && r.includes('Leeds')), rows.join('\n'));
  for (const id of ['#headlines', '#flows-chart', '#cumulative-chart', '#fan-chart', '#tornado-chart', '#method-title']) {
    assert.ok(await page.locator(id).isVisible(), `${id} is printed`);
  }
  for (const id of ['#calculator .inputs', '#sources', '#flows-table']) {
    assert.equal(await page.locator(id).isVisible(), false, `${id} is not printed`);
  }
  // The method names the measures as the cards do (the engine's glossary).
  const glossary = await page.locator('#method-measures li').allTextContents();
  assert.equal(glossary.length, 7, glossary.join('\n'));
  assert.equal(glossary[0], "Council net present value: the council's savings − costs + grant, discounted, over the appraisal period.");
  assert.match(glossary[6], /^Break-even: the effect a saving would need/);
  await page.close();
});

test('each figure shows its grade, which follows the figure in use; the published results are checked on the page', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  await chooseView(page, 'family_safeguarding');
  const path = 'programmes.family_safeguarding.cp_plan_reduction';
  const badge = page.locator(`[data-grade-for="${path}"]`);
  // The default is the first independent evaluation's 30%: measured.
  await page.waitForFunction((p) => document.querySelector(`[data-grade-for="${p}"]`)?.textContent?.startsWith('measured'), path);
  assert.equal(await badge.textContent(), 'measured: independent evaluation');
  // The innovator's 60% is reported; a figure of one's own is one's own.
  await typeInto(page, path, '0.6');
  await page.waitForFunction((p) => document.querySelector(`[data-grade-for="${p}"]`)?.textContent === 'reported', path);
  await typeInto(page, path, '0.4');
  await page.waitForFunction((p) => document.querySelector(`[data-grade-for="${p}"]`)?.textContent === 'your figure', path);
  assert.match(await page.locator('#results-evidence').textContent(), /^Evidence: 2 of 4 savings rest on measured evidence; no measured effect for: Fewer children on child protection plans \(your figure\); Children kept out of care \(assumed\)\.$/);
  // The published results, as checks.html has them, one click away.
  const checks = page.locator('#checks details');
  await checks.waitFor();
  await checks.locator('summary').click();
  const rows = await checks.locator('tbody tr').allTextContents();
  assert.ok(rows.length >= 8, rows.join('\n'));
  assert.ok(rows.some((r) => r.includes('Forrester et al. 2017') && r.includes('£2,600,000')), rows.join('\n'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the save-and-share panel arrives with the module that acts on it: no button is shown that would do nothing', async () => {
  // The module that saves and opens files (share.js, in its own bundle
  // chunk) is held back: until it has loaded, the panel is not on the page
  // (a file chosen or a button pressed then would be lost); once it has,
  // the panel is there and works.
  const page = await env.chromium.browser.newPage();
  let release = () => {};
  const gate = new Promise((resolve) => { release = resolve; });
  let heldShare = false;
  await page.route('**/chunk-*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('could not be opened:')) {
      heldShare = true;
      await gate;
    }
    await route.fulfill({ response, body });
  });
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-ready="true"]');
  for (let i = 0; !heldShare && i < 400; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(heldShare, true, 'the page asks for the saving module after its first view');
  assert.equal(await page.locator('#share, #f-upload, #download-scenario').count(), 0);
  release();
  const scenario = defaults();
  scenario.programmes.family_valued.families_per_year = 321;
  await page.locator('#f-upload').setInputFiles({ name: 'early.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.waitForFunction(() => document.getElementById('share-status').textContent === 'Opened early.json.');
  assert.equal(await page.locator(`input[data-path="programmes.family_valued.families_per_year"]`).inputValue(), '321');
  await page.close();
});

test('a format-3 file opens with its own conventions and keeps its figures', async () => {
  const { page, problems } = await openCalculator(env.chromium.browser, env.server.url);
  const dir = join(ROOT, 'tests', 'golden', 'format3');
  const { readFileSync } = await import('node:fs');
  const old = readFileSync(join(dir, 'defaults.json'));
  const want = JSON.parse(readFileSync(join(dir, 'defaults.result.json'), 'utf8')).programmes.family_valued.council_npv_gbp;
  await page.locator('#f-upload').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: old });
  await page.waitForFunction(() => document.getElementById('share-status').textContent.startsWith('Opened old.json'));
  await chooseView(page, 'family_valued');
  assert.equal(await headline(page, 'council_npv'), gbp(want));
  assert.match(await page.locator('#results-context').textContent(), /format 3's conventions, kept/);
  // Saved again, it is format 4 with format 3's conventions: the same figures.
  // (This download timed out twice in 2026-12-05's clean-clone runs, never
  // when run alone, while downloads were clicked rather than pressed: if it
  // does again, the error says what the page showed.)
  const saved = JSON.parse(await downloadText(page, 'download-scenario').catch(async (e) => {
    const seen = await page.evaluate(() => ({
      status: document.getElementById('share-status')?.textContent,
      simulations: /** @type {any} */ (window).sfpcTiming?.simulations,
    }));
    throw new Error(`${String(e.message).split('\n')[0]}; the page: ${JSON.stringify(seen)}; its errors: ${JSON.stringify(problems)}`);
  }));
  assert.equal(saved.schema, 4);
  assert.equal(saved.conventions, 'format_3');
  assert.equal(gbp(evaluate(saved).programmes.family_valued.council_npv_gbp), gbp(want));
  assert.deepEqual(problems, []);
  await page.close();
});
