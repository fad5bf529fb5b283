// Screenshots of the calculator at the four sizes issue 25 names (1280×800,
// 1024×768, 375×740 and a 900 px host column), for the issue notes (not a
// test): `node glance-screenshots.mjs OUT_DIR PREFIX`. Prints the headline
// panel's share of the window and where the results start at each size.
import { startServer, launchBrowser, openCalculator } from './support.mjs';

const [out, prefix = 'shot'] = process.argv.slice(2);
const sizes = [
  { name: '1280x800', path: '', viewport: { width: 1280, height: 800 } },
  { name: '1024x768', path: '', viewport: { width: 1024, height: 768 } },
  { name: '375x740', path: '', viewport: { width: 375, height: 740 } },
  { name: 'host-900', path: 'embed.html?programme=family-safeguarding', viewport: { width: 900, height: 800 } },
];
const server = await startServer();
const { browser, close } = await launchBrowser();
try {
  for (const size of sizes) {
    const { page } = await openCalculator(browser, server.url + size.path, size.viewport);
    if (!size.path) await page.locator('#view-family_safeguarding').check();
    await page.waitForFunction(() => window.sfpcTiming.simulations >= 1, null, { timeout: 60000 });
    await page.waitForTimeout(1500);
    const m = await page.evaluate(() => {
      const panel = document.querySelector('.results-head')?.getBoundingClientRect();
      const r = document.getElementById('results')?.getBoundingClientRect();
      return { panel: panel && Math.round(panel.height), window: innerHeight, resultsTop: r && Math.round(r.top + scrollY),
        page: document.documentElement.scrollHeight };
    });
    console.log(size.name, JSON.stringify(m));
    await page.screenshot({ path: `${out}/${prefix}-${size.name}.png` });
    await page.evaluate(() => document.getElementById('results-title')?.scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${prefix}-${size.name}-results.png` });
    await page.close();
  }
} finally {
  await close();
  server.stop();
}
