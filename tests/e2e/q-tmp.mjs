import { startServer, launchBrowser, openCalculator } from './support.mjs';
const s = await startServer(); const c = await launchBrowser();
const { page } = await openCalculator(c.browser, s.url, { width: 1280, height: 800 }, { throttle: 4 });
const waitFor = (n) => page.waitForFunction((k) => window.sfpcTiming.simulations >= k, n, { timeout: 60000 });
await waitFor(1);
if (process.argv[2] === 'fv') { const f = page.locator('input[data-path="programmes.family_valued.families_per_year"]'); for (let i = 0; i < 30; i++) await f.fill(String(300 + i)); }
const settled = await page.evaluate(() => window.sfpcTiming.simulations);
await page.locator('#view-family_safeguarding').check();
await waitFor(settled + 1);
const plans = page.locator('input[data-path="programmes.family_safeguarding.children_on_cp_plans"]');
const out = [];
for (let i = 0; i < 10; i++) {
  const before = await page.evaluate(() => window.sfpcTiming.simulations);
  await plans.fill(String(300 + i));
  await waitFor(before + 1);
  const t = await page.evaluate(() => window.sfpcTiming);
  out.push(`${t.lastInputToProvisionalMs.toFixed(0)}/${t.lastInputToUncertaintyMs.toFixed(0)}`);
}
console.log(process.argv[2] ?? '', out.join(' '));
await c.close(); s.stop();
