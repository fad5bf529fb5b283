// Shared set-up for the end-to-end tests and the benchmark: the page served
// by scripts/serve.py on a free loopback port, and Debian's chromium driven
// by playwright-core with a fresh profile.

import { spawn, execFileSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts scripts/serve.py on a free port (serving `root`, default the built site); resolves to { url, stop }. */
export function startServer({ root } = {}) {
  const child = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), '--port', '0', ...(root ? ['--root', root] : [])], {
    env: { ...process.env, SFPC_SERVE_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 10000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[0], stop: () => child.kill() });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/**
 * Launches headless chromium with the flags this machine needs and a fresh
 * profile (playwright takes the profile directory itself, as a persistent
 * context); resolves to { browser, close }, `browser` being that context.
 */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'sfpc-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the page before its scripts (`page.addInitScript`): records the
 * calculator's `sfpc:updated` and `sfpc:simulated` events into
 * `window.sfpcTiming`, which the benchmark and the tests read. The events
 * are the product's; the record is the tests' own.
 */
export function recordTiming() {
  const t = {
    updates: 0, lastMs: 0, simulations: 0, lastSimulationMs: 0, lastSimulationWallMs: 0, lastSimulationDraws: 0,
    lastSimulationWorkers: 0, lastSimulationParts: {}, lastInputToUncertaintyMs: 0, lastInputToProvisionalMs: 0,
  };
  window.sfpcTiming = t;
  window.addEventListener('sfpc:updated', (e) => { t.updates += 1; t.lastMs = e.detail.ms; }, true);
  window.addEventListener('sfpc:simulated', (e) => {
    const d = e.detail;
    Object.assign(t, { simulations: t.simulations + 1, lastSimulationMs: d.ms, lastSimulationWallMs: d.wallMs,
      lastSimulationDraws: d.draws, lastSimulationWorkers: d.workers, lastSimulationParts: d.parts,
      lastInputToUncertaintyMs: d.inputToResultsMs, lastInputToProvisionalMs: d.inputToProvisionalMs });
  }, true);
}

/**
 * Opens the calculator (its CPU slowed `throttle` times from the start, as
 * Chromium's DevTools do, for the benchmark's council laptop) and waits until
 * it has drawn its first results.
 */
export async function openCalculator(browser, url, viewport = { width: 1280, height: 900 }, { throttle = 1 } = {}) {
  const page = await browser.newPage();
  await page.addInitScript(recordTiming);
  await page.setViewportSize(viewport);
  if (throttle !== 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  return { page, requests, problems };
}

/**
 * Replaces a field's text as a user would, firing input events; a field in a
 * folded group is shown first, as a user opens the group to reach it.
 */
export async function typeInto(page, path, text) {
  const input = page.locator(`input[data-path="${path}"]`);
  await input.evaluate((el) => {
    const group = el.closest('details.group');
    if (group) group.open = true;
  });
  await input.fill(text);
}

/**
 * The server and browser a test file shares: started before its first test,
 * stopped after its last. Read `env.server.url` and `env.chromium.browser`
 * inside the tests.
 */
export function sharedServerAndBrowser() {
  const env = { server: null, chromium: null };
  before(async () => {
    env.server = await startServer();
    env.chromium = await launchBrowser();
  });
  after(async () => {
    await env.chromium?.close();
    env.server?.stop();
  });
  return env;
}

/** The `sfpc` command (built by scripts/test.sh; SFPC_BIN), its output as text. */
export function sfpc(args, input) {
  const bin = process.env.SFPC_BIN ?? join(ROOT, 'target', 'debug', 'sfpc');
  return execFileSync(bin, args, { input, encoding: 'utf8' });
}

/**
 * The files of a ZIP (the audit pack, stored; an .xlsx, deflated), read from
 * its central directory (PKWARE APPNOTE 4.3.12): name -> bytes.
 */
export function unzip(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'no end of central directory');
  const files = new Map();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const bytes = zip.subarray(data, data + packed);
    files.set(name, method === 8 ? inflateRawSync(bytes) : bytes);
    at += 46 + nameLength + extra;
  }
  return files;
}

/**
 * Presses `locator` (a button) by keyboard and reads the download it starts:
 * its name and bytes. By keyboard, because a click goes to a point on the
 * screen, and the page's later markup and styles, arriving as the analysis
 * module loads, can move the button between Playwright's check and its click
 * (a download that never came, twice in 2026-12-05's clean-clone runs).
 */
export async function downloadBytes(page, locator) {
  await locator.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), locator.press('Enter')]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/**
 * Pixels of a canvas that are not white: 0 for a blank chart. The chart is
 * scrolled into view first, as a reader would see it: a chart off screen is
 * drawn as it comes into view (an IntersectionObserver's task after the next
 * frame), so this waits up to 2 s for ink to appear.
 */
export const inkedPixels = (page, id) => page.evaluate(async (canvasId) => {
  const c = document.getElementById(canvasId);
  c.scrollIntoView({ block: 'center' });
  const count = () => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) n++;
    return n;
  };
  const end = performance.now() + 2000;
  for (;;) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const n = c.width && c.height ? count() : 0;
    if (n > 0 || performance.now() > end) return n;
  }
}, id);
