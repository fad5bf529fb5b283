// A calculator's life in a page (issue 15): an <sfpc-calculator> moved within
// the page keeps its state; one taken off the page is destroyed (its workers
// terminated, its print listener removed, its observers disconnected); put
// back, it starts afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServerAndBrowser } from './support.mjs';

const env = sharedServerAndBrowser();

/** Counts, in the page, workers terminated, print listeners and resize observers live. */
function countLifecycle() {
  const counts = { terminated: 0, printListeners: 0, observers: 0 };
  window.lifecycle = counts;
  const terminate = Worker.prototype.terminate;
  Worker.prototype.terminate = function t() { counts.terminated += 1; return terminate.call(this); };
  const add = window.addEventListener;
  const remove = window.removeEventListener;
  window.addEventListener = function a(type, ...rest) { if (type === 'beforeprint') counts.printListeners += 1; return add.call(this, type, ...rest); };
  window.removeEventListener = function r(type, ...rest) { if (type === 'beforeprint') counts.printListeners -= 1; return remove.call(this, type, ...rest); };
  const Observer = window.ResizeObserver;
  window.ResizeObserver = class extends Observer {
    constructor(cb) { super(cb); counts.observers += 1; }
    disconnect() { counts.observers -= 1; super.disconnect(); }
  };
}

test('a moved element keeps its state; a removed one is destroyed; put back, it starts afresh', async () => {
  const page = await env.chromium.browser.newPage();
  await page.addInitScript(countLifecycle);
  await page.goto(`${env.server.url}embed-demo.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('sfpc-calculator')].every((e) => e.hasAttribute('ready')), null, { timeout: 30000 });
  const inA = (sel) => page.evaluate((s) => document.getElementById('element-a').shadowRoot.querySelector(s)?.value, sel);
  const field = 'input[data-path="programmes.family_valued.families_per_year"]';
  await page.evaluate((s) => {
    const input = document.getElementById('element-a').shadowRoot.querySelector(s);
    input.value = '321';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, field);
  // Let its uncertainty analysis start its workers.
  await page.waitForFunction(() => document.getElementById('element-a').shadowRoot.getElementById('sim-text').textContent.startsWith('Done'), null, { timeout: 60000 });
  const before = await page.evaluate(() => ({ ...window.lifecycle }));

  await page.evaluate(() => { const a = document.getElementById('element-a'); a.parentElement.append(a); });
  await page.waitForTimeout(300);
  assert.equal(await inA(field), '321', 'moved: the typed figure is kept');
  assert.deepEqual(await page.evaluate(() => ({ ...window.lifecycle })), before, 'moved: nothing torn down');

  await page.evaluate(() => { window.removed = document.getElementById('element-a'); window.removed.remove(); });
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => ({ ...window.lifecycle }));
  assert.ok(after.terminated > before.terminated, 'removed: its workers are terminated');
  assert.equal(after.printListeners, before.printListeners - 1, 'removed: its print listener is gone');
  assert.equal(after.observers, before.observers - 1, 'removed: its resize observer is disconnected');

  await page.evaluate(() => document.querySelector('main, body').append(window.removed));
  await page.waitForFunction(() => window.removed.hasAttribute('ready'), null, { timeout: 30000 });
  assert.equal(await inA(field), '400', 'put back: it starts afresh, with the defaults');
  await page.close();
});
