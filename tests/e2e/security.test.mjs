// Security: the Content-Security-Policy (no inline script or style, no
// eval; WebAssembly needs 'wasm-unsafe-eval' only) holds in every page and
// every flow; user text is never markup; the iframe's height messages reach
// only the origin it is told and are checked by the host.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServerAndBrowser, sfpc, recordTiming } from './support.mjs';

const env = sharedServerAndBrowser();

/** A page that records every CSP violation in every frame, and console errors. */
async function watchedPage() {
  const page = await env.chromium.browser.newPage();
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    }, true);
  });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const violations = async (page) => (await Promise.all(page.frames().map((f) => f.evaluate(() => window.cspViolations ?? [])))).flat();

test('every page is served with a strict Content-Security-Policy', async () => {
  const { page } = await watchedPage();
  for (const path of ['', 'embed.html', 'embed-demo.html', 'accessibility.html', 'pkg/sfpc_bg.wasm']) {
    const response = await page.request.get(`${env.server.url}${path}`);
    const csp = response.headers()['content-security-policy'];
    assert.ok(csp, `${path}: has a policy`);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:/, `${path}: ${csp}`);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /worker-src 'self'/);
    assert.match(csp, path === 'embed.html' ? /frame-ancestors \*/ : /frame-ancestors 'self'/);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
  }
  await page.close();
});

test('no flow breaks the policy: typing, links, downloads, saving, the element and the iframe', async () => {
  const { page, errors } = await watchedPage();
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-ready="true"]');
  await page.locator('input[data-path="programmes.family_valued.saving_per_family_gbp"]').fill('900');
  await page.waitForFunction(() => document.getElementById('sim-text').textContent.startsWith('Done'));
  await page.locator('#copy-link').click();
  for (const locator of [page.locator('#download-csv'), page.locator('#download-audit'), page.locator('#flows-chart + .png')]) {
    await Promise.all([page.waitForEvent('download'), locator.click()]);
  }
  // A saved scenario's name that looks like markup stays text.
  await page.evaluate(() => localStorage.clear());
  await page.locator('#f-saved-name').fill('<img src=x onerror="window.hacked=1">');
  await page.locator('#save-buttons [data-slot="A"]').click();
  assert.equal(await page.locator('#saved-list strong').textContent(), 'A: <img src=x onerror="window.hacked=1">');
  assert.equal(await page.locator('#saved-list img, #scenarios img').count(), 0);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(await violations(page), []);

  await page.goto(`${env.server.url}embed-demo.html`);
  await page.waitForSelector('#element-b[ready]', { state: 'attached', timeout: 15000 });
  await page.waitForFunction(() => Number(document.getElementById('frame').dataset.sfpcHeight) > 0, null, { timeout: 15000 });
  await page.locator('#hostile').check();
  await page.locator('#element-b input[data-path="council"]').fill('Elsewhere');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors.filter((e) => /Content.Security.Policy|Refused/i.test(e)), []);
  await page.close();
});

test('the iframe posts its height only to the origin it is given, and the host takes it only from its iframe', async () => {
  // The host is a page of another origin (localhost rather than 127.0.0.1:
  // Chromium keeps public pages off loopback), answered by the test itself,
  // holding the calculator's iframes from the server. They stand side by side,
  // so that all are on screen: browsers pause rendering in cross-origin frames
  // that are not, which the last frame, far below, is there to try.
  const hostOrigin = env.server.url.replace('127.0.0.1', 'localhost').replace(/\/$/, '');
  // A page answered by the test counts as public; let it reach loopback.
  await env.chromium.browser.grantPermissions(['local-network-access'], { origin: hostOrigin });
  const page = await env.chromium.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const frame = (id, query) => `<iframe id="${id}" data-sfpc-embed title="${id}" src="${env.server.url}embed.html?${query}"></iframe>`;
  const host = `<!doctype html><html lang="en"><title>host</title>
    <div style="display: flex; align-items: flex-start">
    ${frame('open', 'programme=family-valued')}
    ${frame('named', `parent-origin=${hostOrigin}`)}
    ${frame('closed', 'parent-origin=https://council.example')}
    ${frame('bad', 'parent-origin=javascript:alert(1)')}
    </div><div style="height: 5000px"></div>
    ${frame('below', `parent-origin=${hostOrigin}`)}
    <script src="${env.server.url}embed-host.js"></script></html>`;
  await page.addInitScript(recordTiming);
  await page.route(`${hostOrigin}/host.html`, (route) => route.fulfill({ body: host, contentType: 'text/html' }));
  await page.goto(`${hostOrigin}/host.html`);
  const reported = (id) => page.waitForFunction((i) => Number(document.getElementById(i).dataset.sfpcHeight) > 1000, id, { timeout: 15000 });
  await reported('open');
  await reported('named');
  await reported('below');
  assert.equal(await page.evaluate(() => scrollY), 0, 'the frame below reported without being scrolled to');
  await page.waitForTimeout(500);
  const heights = await page.evaluate(() => ['closed', 'bad'].map((id) => document.getElementById(id).dataset.sfpcHeight ?? null));
  assert.equal(heights[0], null, 'parent-origin names another site: this host gets nothing');
  assert.equal(heights[1], null, 'a parent-origin that is not an origin: nothing is posted');

  // The host ignores a right-shaped message from a window that is not its iframe.
  // First let the frame settle: its uncertainty analysis (loaded after its
  // first chart) and then its value of information make it taller, and it
  // posts that height.
  const open = page.frames().find((f) => f.url().includes('programme=family-valued'));
  await open.waitForFunction(() => window.sfpcTiming?.simulations >= 1, null, { timeout: 30000 });
  // And the value of information, which follows the draws (after half a second's pause) on a worker.
  await open.locator('#decide-waiting', { hasText: /\S/ }).waitFor({ timeout: 30000 });
  const settled = () => page.evaluate(() => document.getElementById('open').style.height);
  let before = await settled();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const now = await settled();
    if (now === before) break;
    before = now;
  }
  await page.evaluate(() => window.postMessage({ type: 'sfpc:height', version: 1, height: 77 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.getElementById('open').style.height), before);
  await page.close();
});

/** A small seeded generator (mulberry32), so a failing link can be made again. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('the link decoder survives random and damaged links: the figures or a clear message, never a broken page', async () => {
  const { deflateRawSync } = await import('node:zlib');
  const defaults = JSON.parse(sfpc(['defaults']));
  const random = generator(20261124);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
  const packed = (value) => deflateRawSync(Buffer.from(JSON.stringify(value)));
  const oddValues = [null, -1, 1e300, 'abc', [], {}, true, 5e-324, 1e12 + 1];
  const makers = [
    () => `v=1&s=${b64(Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256)))}`,
    () => {
      const bytes = packed(defaults);
      for (let i = 0; i < 1 + random() * 5; i++) bytes[Math.floor(random() * bytes.length)] ^= 1 << Math.floor(random() * 8);
      return `v=1&s=${b64(bytes)}`;
    },
    () => {
      const s = structuredClone(defaults);
      const programme = s.programmes[pick(Object.keys(s.programmes))];
      programme[pick(Object.keys(programme))] = pick(oddValues);
      return `v=1&view=${pick(['family_valued', 'compare', 'nope', ''])}&draws=${pick(['10000', 'abc', '-5', '1e9'])}&seed=${pick(['1', 'x', '1e20'])}&s=${b64(packed(s))}`;
    },
    () => `v=${pick(['', '0', '2', '99', 'abc', '1.0'])}&s=${b64(packed(defaults))}`,
    () => `v=1&s=${b64(packed(defaults)).slice(0, Math.floor(random() * 60))}`,
    () => pick(['v=1', 's=', '%%%', 'v=1&s=!!!', `v=1&s=${b64(Buffer.from('{"schema":1}'))}`]),
  ];
  const page = await env.chromium.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  for (let i = 0; i < 36; i++) {
    const fragment = makers[i % makers.length]();
    await page.goto(`${env.server.url}?case=${i}#${fragment}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    const state = await page.evaluate(() => ({
      message: document.getElementById('link-message').hidden ? '' : document.getElementById('link-message').textContent,
      headline: document.querySelector('.headline-council_npv .figure')?.textContent ?? '',
      errors: document.getElementById('error-summary').hidden ? '' : document.getElementById('error-list').textContent,
      text: document.body.innerText,
    }));
    assert.ok(state.message.startsWith('This link could not be opened') || /£/.test(state.headline), `${fragment}: ${JSON.stringify(state).slice(0, 300)}`);
    assert.doesNotMatch(state.text, /NaN|Infinity|undefined/, fragment);
    assert.deepEqual(problems, [], fragment);
  }
  await page.close();
});
