import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openCalculator } from './support.mjs';
const s = await startServer({ root: join(ROOT, 'www') }); const c = await launchBrowser();
const { page } = await openCalculator(c.browser, s.url, { width: 1280, height: 800 }, { throttle: 4 });
await page.locator('#view-family_safeguarding').check();
await page.waitForFunction(() => window.sfpcTiming.simulations >= 1, null, { timeout: 60000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const plans = page.locator('input[data-path="programmes.family_safeguarding.children_on_cp_plans"]');
await plans.scrollIntoViewIfNeeded();
await cdp.send('Profiler.start');
const times = [];
for (let i = 0; i < 6; i++) {
  const before = await page.evaluate(() => window.sfpcTiming.simulations);
  await plans.fill(String(300 + i));
  await page.waitForFunction((k) => window.sfpcTiming.simulations > k, before, { timeout: 60000 });
  times.push(await page.evaluate(() => [window.sfpcTiming.lastInputToProvisionalMs, window.sfpcTiming.lastInputToUncertaintyMs]));
}
const { profile } = await cdp.send('Profiler.stop');
console.log(times.map((t) => t.map((x) => x.toFixed(0)).join('/')).join(' '));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
const self = new Map(); const incl = new Map();
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const leaf = byId.get(id).callFrame.functionName || '(anon)';
  self.set(leaf, (self.get(leaf) ?? 0) + ms);
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) { const f = byId.get(n).callFrame.functionName; if (f && !seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) ?? 0) + ms); } }
});
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${k}: ${(v / 6).toFixed(1)}`).join('\n');
console.log('--- inclusive ms per change\n' + top(incl));
await c.close(); s.stop();
