import { join } from 'node:path';
import { ROOT, startServer, launchBrowser, openCalculator } from './support.mjs';
const s = await startServer({ root: join(ROOT, 'www') }); const c = await launchBrowser();
const { page } = await openCalculator(c.browser, s.url, { width: 1280, height: 800 }, { throttle: 4 });
const waitFor = (n) => page.waitForFunction((k) => window.sfpcTiming.simulations >= k, n, { timeout: 60000 });
await waitFor(1);
const f = page.locator('input[data-path="programmes.family_valued.families_per_year"]'); for (let i = 0; i < 30; i++) await f.fill(String(300 + i));
const settled = await page.evaluate(() => window.sfpcTiming.simulations);
await page.locator('#view-family_safeguarding').check();
await waitFor(settled + 1);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const plans = page.locator('input[data-path="programmes.family_safeguarding.children_on_cp_plans"]');
const before = await page.evaluate(() => window.sfpcTiming.simulations);
await plans.fill('300');
await waitFor(before + 1);
const { profile } = await cdp.send('Profiler.stop');
const t = await page.evaluate(() => window.sfpcTiming);
console.log('provisional/final', t.lastInputToProvisionalMs.toFixed(0), t.lastInputToUncertaintyMs.toFixed(0));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
let time = 0; const segs = [];
profile.samples.forEach((id, i) => {
  time += (profile.timeDeltas[i] ?? 0) / 1000;
  // the frame just below (root)
  let n = id, top = byId.get(n).callFrame.functionName;
  const chain = [];
  for (; n !== undefined; n = parent.get(n)) { const fn = byId.get(n).callFrame.functionName; if (fn && fn !== '(root)') chain.push(fn); }
  const name = chain.filter((x) => !x.startsWith('wasm-function') && !x.startsWith('js-to-wasm')).slice(-2).join('<') || top;
  const last = segs[segs.length - 1];
  if (last && last.name === name) last.end = time; else segs.push({ name, start: time, end: time });
});
const t0 = segs.find((x) => x.name.includes('onInput'))?.start ?? 0;
for (const sg of segs) if (sg.end - sg.start > 3 || sg.name.includes('onInput')) console.log(((sg.start - t0)).toFixed(0).padStart(6), (sg.end - sg.start).toFixed(1).padStart(7), sg.name);
await c.close(); s.stop();
