// Screenshots of the every-council page's map for each model at 1280 px
// and on a phone (375 px), for the issue notes (not a test):
// `node map-screenshots.mjs OUT_DIR`.
import { startServer, launchBrowser } from './support.mjs';

const [out] = process.argv.slice(2);
const server = await startServer();
const { browser, close } = await launchBrowser();
try {
  for (const [width, height] of [[1280, 900], [375, 740]]) {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${server.url}councils.html`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
    for (const model of ['family_valued', 'family_safeguarding', 'no_wrong_door']) {
      await page.locator('#model-filter').selectOption(model);
      await page.locator('#map-overlay .map-cell').nth(60).focus();
      await page.locator('#map-section').screenshot({ path: `${out}/map-${model.replace(/_/g, '-')}-${width}.png` });
    }
    await page.close();
  }
} finally {
  await close();
  server.stop();
}
