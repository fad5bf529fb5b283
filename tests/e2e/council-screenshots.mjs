// Screenshots of the council picker for a few councils at 1280 px, for the
// issue notes (not a test): `node council-screenshots.mjs OUT_DIR Leeds Rutland`.
import { startServer, launchBrowser, openCalculator } from './support.mjs';

const [out, ...councils] = process.argv.slice(2);
const server = await startServer();
const { browser, close } = await launchBrowser();
try {
  for (const name of councils) {
    const { page } = await openCalculator(browser, server.url, { width: 1280, height: 900 });
    await page.locator('#view-family_safeguarding').check();
    const input = page.locator('#f-council');
    await input.fill(name);
    await page.locator('#f-council-list [role="option"]', { hasText: name }).first().click();
    await page.waitForFunction(() => document.querySelector('#f-council-note')?.hidden === false);
    await page.locator('[data-note-for="programmes.family_safeguarding.children_on_cp_plans"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/picker-${name.toLowerCase()}-plans-1280.png` });
    await input.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/picker-${name.toLowerCase()}-1280.png` });
    await page.close();
  }
} finally {
  await close();
  server.stop();
}
