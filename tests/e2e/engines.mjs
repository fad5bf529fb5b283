// The same page driven in Firefox ESR (puppeteer-core over WebDriver BiDi)
// and in WebKit (WebKitWebDriver driving MiniBrowser under xvfb-run, through
// selenium-webdriver), behind one small interface, so that one set of core
// flows runs in both (engines.test.mjs). Chromium has the full suite.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @typedef {Object} Driven
 * @property {(url: string) => Promise<void>} goto
 * @property {(fn: Function, ...args: any[]) => Promise<any>} run in the page; `fn` may be async
 * @property {(selector: string, text: string) => Promise<void>} type replaces a field's text, key by key
 * @property {(width: number, height: number) => Promise<void>} resize sets the page's viewport (its inner size)
 * @property {() => Promise<void>} close
 */

/** @returns {Promise<Driven>} */
export async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
    extraPrefsFirefox: { 'dom.workers.modules.enabled': true },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  return {
    goto: async (url) => { await page.goto(url); },
    run: (fn, ...args) => page.evaluate(fn, ...args),
    resize: (width, height) => page.setViewport({ width, height }),
    type: async (selector, text) => {
      await page.$eval(selector, (el) => { el.value = ''; });
      await page.type(selector, text);
    },
    close: () => browser.close(),
  };
}

/** @returns {Promise<Driven>} */
export async function webkit() {
  const { Builder, By } = await import('selenium-webdriver');
  const port = await freePort();
  const server = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const driver = await (async () => {
    for (let i = 0; i < 50; i++) {
      try {
        return await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        }).build();
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error('WebKitWebDriver did not start');
  })();
  await driver.manage().setTimeouts({ script: 60000 });
  return {
    goto: (url) => driver.get(url),
    run: (fn, ...args) => driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve((${fn.toString()})(...Array.from(arguments).slice(0, -1))).then(done, (e) => done({ __error: String(e) }));`,
      ...args).then((r) => {
      if (r && r.__error) throw new Error(r.__error);
      return r;
    }),
    resize: async (width, height) => {
      // The window's outer size includes MiniBrowser's own bars: set it, then
      // correct by what the page reports, until the page has the size asked
      // for. The window resizes after setRect returns, so each reading waits
      // for the page's size to change and then hold still.
      /** @returns {Promise<number[]>} */
      const inner = () => driver.executeScript('return [innerWidth, innerHeight]');
      const pause = () => new Promise((r) => setTimeout(r, 100));
      let outer = { width, height };
      for (let tries = 0; tries < 5; tries++) {
        const was = await inner();
        if (was[0] === width && was[1] === height) return;
        await driver.manage().window().setRect(outer);
        let now = await inner();
        for (let i = 0; i < 20 && now[0] === was[0] && now[1] === was[1]; i++) {
          await pause();
          now = await inner();
        }
        for (let i = 0; i < 20; i++) {
          await pause();
          const next = await inner();
          if (next[0] === now[0] && next[1] === now[1]) break;
          now = next;
        }
        outer = { width: outer.width + width - now[0], height: outer.height + height - now[1] };
      }
    },
    type: async (selector, text) => {
      const input = await driver.findElement(By.css(selector));
      await input.clear();
      await input.sendKeys(text);
    },
    close: async () => {
      await driver.quit().catch(() => {});
      try { process.kill(-server.pid); } catch { /* already gone */ }
    },
  };
}
