// The core flows in Firefox ESR and in WebKit (engines.mjs): the page loads
// and its figures equal `sfpc evaluate`'s; a bad value shows its error and
// keeps the last good result and what was typed; a permalink opens the same
// figures; the custom element runs; a download holds the figures; the
// every-council page draws its map of England.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, sfpc } from './support.mjs';
import { firefox, webkit } from './engines.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const FAMILIES = 'programmes.family_valued.families_per_year';
const field = `input[data-path="${FAMILIES}"]`;

/** Polls `fn` in the page until it returns something truthy. */
async function until(b, fn, arg, what, ms = 60000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await b.run(fn, arg).catch(() => null);
    if (value) return value;
    if (Date.now() > end) {
      const seen = await b.run(() => JSON.stringify({
        href: location.href.slice(0, 80), state: document.readyState, ready: document.documentElement.dataset.ready ?? null,
        loading: document.getElementById('loading')?.textContent ?? null,
        notice: document.getElementById('link-message')?.textContent ?? null,
      })).catch((e) => `unreadable (${e})`);
      throw new Error(`timed out waiting for ${what}; the page: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

const ready = (b) => until(b, () => document.documentElement.dataset.ready === 'true', null, 'the page');
const headline = (b) => b.run(() => document.querySelector('.headline-council_npv .figure')?.textContent ?? null);

async function coreFlows(b) {
  await b.goto(server.url);
  await ready(b);
  // The figures equal the command's, worded by the same engine.
  const scenario = await b.run(async () => (await import('./pkg/sfpc.js')).defaultScenario());
  const expected = JSON.parse(sfpc(['evaluate', '-'], JSON.stringify(scenario))).programmes.family_valued.council_npv_gbp;
  const worded = await b.run(async (x) => (await import('./pkg/sfpc.js')).formatGbp(x), expected);
  assert.equal(await headline(b), worded);
  await until(b, () => document.getElementById('sim-text').textContent.startsWith('Done'), null, 'the uncertainty analysis');

  // A bad value: its error, the last good result kept, the text kept. (Typed key by key:
  // starting with the letter, no keystroke on the way is a good value.)
  await b.type(field, 'x12');
  await until(b, () => !document.getElementById('error-summary').hidden, null, 'the error summary');
  assert.match(await b.run(() => document.getElementById('error-list').textContent), /Families/i);
  assert.equal(await headline(b), worded);
  assert.equal(await b.run((s) => document.querySelector(s).value, field), 'x12');
  assert.equal(await b.run(() => document.getElementById('stale').hidden), false);

  // A good value, then its permalink opens the same figures.
  const before = await until(b, () => location.hash.length > 10 && location.hash, null, 'the first link');
  await b.type(field, '210');
  await until(b, () => document.getElementById('error-summary').hidden, null, 'the errors to clear');
  const changed = await headline(b);
  assert.notEqual(changed, worded);
  const permalink = await until(b, (old) => location.hash !== old && location.href, before, 'the address to follow the figures');

  // A download holds the figures (the file's bytes, caught as the page saves it).
  const saved = await b.run(async () => {
    const caught = new Promise((resolve) => {
      const made = URL.createObjectURL;
      URL.createObjectURL = (blob) => {
        blob.text().then(resolve);
        return made(blob);
      };
      HTMLAnchorElement.prototype.click = () => {}; // no save dialogue
    });
    document.getElementById('download-scenario').click();
    return JSON.parse(await caught).programmes.family_valued.families_per_year;
  });
  assert.equal(saved.value ?? saved, 210);

  await b.goto('about:blank');
  await b.goto(permalink);
  await ready(b);
  assert.equal(await b.run((s) => document.querySelector(s).value, field), '210');
  assert.equal(await headline(b), changed);

  // The custom element.
  await b.goto(`${server.url}embed-demo.html`);
  await until(b, () => document.querySelector('sfpc-calculator')?.hasAttribute('ready'), null, 'the custom element');
  const inElement = await b.run(() => document.querySelector('sfpc-calculator').shadowRoot.querySelector('.headline .figure')?.textContent);
  assert.match(inElement ?? '', /^-?£[\d,]+$/);

  // The map of England on the every-council page: a link a council, drawn.
  await b.goto(`${server.url}councils.html`);
  await until(b, () => document.querySelectorAll('#map-overlay .map-cell').length === 153, null, 'the map', 120000);
  const painted = await b.run(() => {
    const c = /** @type {HTMLCanvasElement} */ (document.getElementById('map-canvas'));
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) n++;
    return n;
  });
  assert.ok(painted > 10000, `the map is drawn (${painted} coloured pixels)`);
}

for (const [name, open] of [['Firefox ESR', firefox], ['WebKit (MiniBrowser)', webkit]]) {
  test(`core flows in ${name}`, { timeout: 240000 }, async () => {
    const b = await open();
    try {
      await coreFlows(b);
    } finally {
      await b.close();
    }
  });
}
