// The answer at a glance, on any screen (issue 25), in Chromium, Firefox and
// WebKit at 1280×800, 1024×768, 375×740 and in a 900 px host column (the
// iframe embed at 900 px): the verdict panel that stays in view takes at
// most a fifth of the window; with it in view, a whole chart fits below it
// on the two desktop sizes; nothing scrolls sideways; on a phone and in the
// narrow column the results come before the inputs and start on the first
// screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './support.mjs';
import { firefox, webkit } from './engines.mjs';

const SIZES = [
  { name: '1280×800', width: 1280, height: 800, path: '', desktop: true },
  { name: '1024×768', width: 1024, height: 768, path: '', desktop: true },
  { name: '375×740', width: 375, height: 740, path: '' },
  { name: '900 px host column', width: 900, height: 800, path: 'embed.html?programme=family-safeguarding' },
];

/**
 * In the page, once the verdict is written: the verdict panel's share of the
 * window, whether the results come before the inputs and where they start,
 * the widest thing's overflow, and (scrolled so the first chart sits just
 * below the panel) whether the whole chart and the panel are in view.
 */
async function measure() {
  const end = performance.now() + 60000;
  // Once the analysis is done and the page has settled (its length changes as the sections fill in).
  const done = () => document.getElementById('verdict-sentence')?.textContent
    && document.getElementById('sim-text')?.textContent.startsWith('Done');
  let height = 0;
  while (!done() || height !== document.documentElement.scrollHeight) {
    if (performance.now() > end) return { error: 'no verdict' };
    height = document.documentElement.scrollHeight;
    await new Promise((r) => setTimeout(r, 300));
  }
  const panel = document.querySelector('.results-head');
  const results = document.getElementById('results');
  const inputs = document.getElementById('inputs');
  const share = panel.getBoundingClientRect().height / innerHeight;
  const resultsFirst = Boolean(results.compareDocumentPosition(inputs) & Node.DOCUMENT_POSITION_FOLLOWING) // in the reading order too
    && results.getBoundingClientRect().top < inputs.getBoundingClientRect().top;
  const resultsTop = results.getBoundingClientRect().top + scrollY;
  const overflow = document.documentElement.scrollWidth - innerWidth;
  // A chart: its title and its canvas.
  const canvas = document.getElementById('cumulative-chart');
  const title = canvas.closest('figure').querySelector('h3');
  // Once scrolled, a sticky panel sits at the top of the window.
  scrollBy(0, title.getBoundingClientRect().top - panel.getBoundingClientRect().height - 4);
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  const p = panel.getBoundingClientRect();
  const top = title.getBoundingClientRect().top;
  const bottom = canvas.getBoundingClientRect().bottom;
  const sticky = getComputedStyle(panel).position === 'sticky';
  const chartWithPanel = sticky && p.top >= 0 && p.bottom <= top + 1 && bottom <= innerHeight;
  return { share, resultsFirst, resultsTop, innerHeight, overflow, chartWithPanel, panel: [p.top, p.bottom], chart: [top, bottom] };
}

function check(size, m) {
  assert.ok(!m.error, m.error);
  assert.ok(m.share <= 0.2, `${size.name}: the verdict panel takes ${(m.share * 100).toFixed(0)}% of the window`);
  assert.ok(m.overflow <= 0, `${size.name}: the page scrolls ${m.overflow} px sideways`);
  if (size.desktop) assert.ok(m.chartWithPanel, `${size.name}: no whole chart in view below the verdict`);
  else {
    assert.ok(m.resultsFirst, `${size.name}: the inputs come before the results`);
    assert.ok(m.resultsTop < m.innerHeight, `${size.name}: the results start at ${m.resultsTop} px, below the first screen`);
  }
}

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

test('in Chromium, at each size the verdict is compact, a chart fits and a phone shows the results first', async (t) => {
  const { browser, close } = await launchBrowser();
  try {
    for (const size of SIZES) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(server.url + size.path);
      const m = await page.evaluate(measure);
      t.diagnostic(`${size.name}: ${JSON.stringify(m)}`);
      check(size, m);
      await page.close();
    }
  } finally {
    await close();
  }
});

for (const [name, open] of [['Firefox', firefox], ['WebKit', webkit]]) {
  test(`in ${name}, at each size the verdict is compact, a chart fits and a phone shows the results first`, async (t) => {
    const b = await open();
    try {
      for (const size of SIZES) {
        await b.resize(size.width, size.height);
        await b.goto(server.url + size.path);
        const m = await b.run(measure);
        t.diagnostic(`${size.name}: ${JSON.stringify(m)}`);
        check(size, m);
      }
    } finally {
      await b.close();
    }
  });
}

test('a sceptic\'s edits are never refused: a figure outside its range widens it, and "20", "20%" and "0.2" are one figure', async () => {
  const { openCalculator, typeInto } = await import('./support.mjs');
  const { browser, close } = await launchBrowser();
  try {
    const { page, problems } = await openCalculator(browser, server.url, { width: 1280, height: 800 });
    await page.locator('#view-family_safeguarding').check();
    const figure = () => page.locator('#verdict-figure').textContent();
    const running = 'programmes.family_safeguarding.running_cost_per_year_gbp';
    const before = await figure();
    await typeInto(page, running, '2,000,000');
    await page.waitForFunction((b) => document.getElementById('verdict-figure').textContent !== b, before);
    assert.equal(await page.locator('#error-summary').isHidden(), true);
    const reading = page.locator(`[data-reading-for="${running}"]`);
    assert.match(await reading.textContent(), /^Outside the range you had, so the range now runs from £989,196 to £2,000,000 /);
    // The range as typed is kept in its box; the scenario carries the widened one.
    assert.equal(await page.locator(`input[data-path="${running}.high"]`).inputValue(), '1854741.59');

    const reduction = 'programmes.family_safeguarding.cp_plan_reduction';
    assert.equal(await page.locator(`input[data-path="${reduction}"]`).inputValue(), '30%');
    const figures = [];
    for (const text of ['20', '20%', '0.2']) {
      await typeInto(page, reduction, text);
      await page.waitForTimeout(100);
      figures.push(await figure());
    }
    assert.equal(new Set(figures).size, 1, figures.join(' / '));
    await typeInto(page, reduction, '20');
    assert.equal(await page.locator(`[data-reading-for="${reduction}"]`).textContent(), 'Read as 20%.');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the summary embed: a council\'s verdict, one chart with its table, a link to the full calculator, under 700 px tall', async () => {
  const { browser, close } = await launchBrowser();
  const { inkedPixels } = await import('./support.mjs');
  try {
    for (const width of [900, 600, 375]) {
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}summary-embed.html?programme=no-wrong-door&council=E08000035`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
      assert.equal(await page.locator('#summary-title').textContent(), 'No Wrong Door: Leeds');
      assert.match(await page.locator('#verdict-sentence').textContent(), /^On the central estimate, over 5 years the council is £[\d.]+[mk]? (better|worse) off/);
      assert.ok(await inkedPixels(page, 'cumulative-chart') > 1000, 'the chart is drawn');
      assert.ok(await page.locator('#cumulative-table tbody tr').count() >= 5);
      const height = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
      assert.ok(height < 700, `${width} px wide: the summary is ${height} px tall`);
      // The link opens the full calculator on the same model with the same figures.
      const href = await page.locator('#open-full').getAttribute('href');
      assert.match(href, /^index\.html#v=2&view=no_wrong_door&s=/);
      assert.deepEqual(problems, []);
      if (width === 900) {
        await page.goto(new URL(href, page.url()).href);
        await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
        await page.waitForFunction(() => document.getElementById('verdict-model').textContent === 'No Wrong Door');
        assert.match(await page.locator('#results-context').textContent(), /^Leeds/);
      }
      await page.close();
    }
  } finally {
    await close();
  }
});

test('a host that strips scripts: the iframes keep a fallback height and the snippets a link to the calculator', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('./support.mjs');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const demo = readFileSync(join(ROOT, 'www', 'embed-demo.html'), 'utf8');
  for (const text of [readme, demo]) {
    assert.match(text, /summary-embed\.html\?programme=family-safeguarding/);
    assert.match(text, /height="640"/);
    assert.match(text, /&lt;noscript&gt;|<noscript>/);
  }
  const { browser, close } = await launchBrowser();
  try {
    // The iframe as the snippet writes it, on a page with no scripts: 640 px, the summary inside without a scroll bar.
    const page = await browser.newPage();
    await page.setViewportSize({ width: 900, height: 800 });
    await page.goto(`${server.url}accessibility.html`);
    await page.evaluate((src) => {
      // Built through the DOM: the page's own security policy blocks style attributes.
      const frame = Object.assign(document.createElement('iframe'), { src, title: 'SFPC summary' });
      frame.setAttribute('height', '640');
      Object.assign(frame.style, { width: '100%', border: '0' });
      document.body.replaceChildren(frame);
    }, `${server.url}summary-embed.html?programme=family-safeguarding`);
    const frame = page.frameLocator('iframe');
    await frame.locator('html[data-ready="true"]').waitFor({ timeout: 30000 });
    const box = await page.locator('iframe').boundingBox();
    assert.equal(Math.round(box.height), 640);
    const inner = await frame.locator('html').evaluate((h) => ({ scroll: h.scrollHeight, client: h.clientHeight }));
    assert.ok(inner.scroll <= inner.client, `a scroll bar inside: ${JSON.stringify(inner)}`);
    await page.close();
  } finally {
    await close();
  }
});

test('the verdict switches: leave out the grant, see it over ten years; one chance of being better off everywhere', async () => {
  const { openCalculator, typeInto } = await import('./support.mjs');
  const { browser, close } = await launchBrowser();
  try {
    const { page, problems } = await openCalculator(browser, server.url, { width: 1280, height: 800 });
    await page.locator('#view-family_safeguarding').check();
    await typeInto(page, 'programmes.family_safeguarding.grant_by_year_gbp', '500000');
    await page.waitForFunction(() => !document.getElementById('verdict-grant').hidden);
    const sentence = () => page.locator('#verdict-sentence').textContent();
    assert.match(await sentence(), /with the grant/);
    assert.match(await page.locator('#verdict-basis').textContent(), /^Counts the DfE grant \(£500,000 in today's money\) · over 5 years$/);
    await page.locator('#verdict-grant').click();
    assert.match(await sentence(), /without the grant/);
    assert.equal(await page.locator('#verdict-grant').textContent(), 'Count the grant');
    // Once the analysis is in, the verdict carries the chance, the same figure as the card's and the evidence table's.
    await page.waitForFunction(() => document.getElementById('sim-text').textContent.startsWith('Done'), null, { timeout: 60000 });
    await page.locator('#verdict-grant').click();
    await page.waitForFunction(() => /chance of being better off|chance of being better off\./.test(document.getElementById('verdict-sentence').textContent));
    const card = await page.locator('.headline-p-positive .figure').textContent();
    assert.ok((await sentence()).includes(card), `${await sentence()} against the card's ${card}`);
    await page.waitForSelector('#evidence:not([hidden]) #evidence-table tbody tr');
    const yours = await page.locator('#evidence-table tbody tr').first().locator('td').last().textContent();
    assert.equal(yours, card);
    // One click: the period the verdict is over.
    await page.locator('#verdict-horizon').click();
    await page.waitForFunction(() => document.getElementById('verdict-sentence').textContent.includes('10 years'));
    assert.equal(await page.locator('input[data-path="appraisal.horizon_years"]').inputValue(), '10');
    assert.equal(await page.locator('#verdict-horizon').textContent(), 'See it over 5 years');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
