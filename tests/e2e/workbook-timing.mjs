// Times the workbook module in headless Chromium: loading it, and writing the
// default scenario's workbook (7 runs; with a 10,000-draw simulation, once).
// After `bash scripts/build-web.sh`:
//
//   (cd tests/e2e && node workbook-timing.mjs)

import { startServer, launchBrowser, openCalculator } from './support.mjs';

const server = await startServer();
const { browser, close } = await launchBrowser();
try {
  const { page } = await openCalculator(browser, server.url);
  const out = await page.evaluate(async () => {
    const t0 = performance.now();
    const workbook = await import('./pkg/sfpc_workbook.js');
    await workbook.default();
    const loadMs = performance.now() - t0;
    const scenario = (await import('./pkg/sfpc.js')).defaultScenario();
    const runs = [];
    let bytes = 0;
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      bytes = workbook.workbook(scenario, null).length;
      runs.push(performance.now() - t);
    }
    const t = performance.now();
    workbook.workbook(scenario, { scenario, draws: 10000, seed: 1 });
    return { loadMs, runs: runs.sort((a, b) => a - b), bytes, withSimulationMs: performance.now() - t };
  });
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`module loaded in ${ms(out.loadMs)}; workbook (${out.bytes} bytes) in ${out.runs.map(ms).join(', ')}; median ${ms(out.runs[3])}; with 10,000 draws ${ms(out.withSimulationMs)}`);
} finally {
  await close();
  server.stop();
}
