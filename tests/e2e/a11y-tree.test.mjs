// What a screen reader gets, read from Chromium's accessibility tree (not
// only axe's rules): every headline figure with its label and reading, every
// chart named by its title and described by its summary, every field named
// by its label and described by its hint, and the live region announcing a
// result once per change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openCalculator, sharedServerAndBrowser, typeInto } from './support.mjs';

const env = sharedServerAndBrowser();

/** The accessibility node of each element matching `selector`: role, name, description, ignored. */
async function axNodes(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const nodes = [];
  for (const nodeId of nodeIds) {
    const { nodes: [n] } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    nodes.push({ role: n.role?.value, name: n.name?.value ?? '', description: n.description?.value ?? '', ignored: n.ignored });
  }
  await cdp.detach();
  return nodes;
}

test('headline figures, charts and fields carry their names and descriptions in the accessibility tree', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  await page.waitForFunction(() => window.sfpcTiming.simulations >= 1, null, { timeout: 60000 });

  const terms = await axNodes(page, '#headlines .headline dt, #uncertainty-headlines .headline dt');
  const labels = await page.locator('#headlines .headline dt, #uncertainty-headlines .headline dt').allTextContents();
  assert.ok(terms.length >= 10, `${terms.length} headline labels`);
  terms.forEach((t, i) => {
    assert.equal(t.ignored, false);
    assert.equal(t.role, 'term');
    assert.equal(t.name, labels[i], "each label is read as its term's name");
  });
  const definitions = await axNodes(page, '#headlines .headline dd, #uncertainty-headlines .headline dd');
  assert.equal(definitions.length, terms.length * 2, 'each headline has its figure and its reading');
  for (const d of definitions) assert.equal(d.role, 'definition');
  const texts = await page.locator('#headlines .headline dd, #uncertainty-headlines .headline dd').allTextContents();
  for (const text of texts) assert.match(text, /\S/);

  const charts = ['flows', 'cumulative', 'who', 'fan', 'histogram', 'tornado', 'comparison'];
  const canvases = await axNodes(page, charts.map((c) => `#${c}-chart`).join(', '));
  for (const [i, c] of charts.entries()) {
    const node = canvases[i];
    assert.equal(node.role, 'image', `${c}: ${JSON.stringify(node)}`);
    assert.equal(node.name, (await page.locator(`#${c}-title`).textContent()).trim(), `${c}'s name`);
    assert.equal(node.description, (await page.locator(`#${c}-summary`).textContent()).trim(), `${c}'s description`);
    assert.match(node.description, /.{30,}/, `${c} is described`);
  }

  // Fields in a folded group are out of the tree until it is opened: open them all.
  await page.evaluate(() => { for (const d of document.querySelectorAll('#calculator details.group')) d.open = true; });
  const fields = await axNodes(page, '#calculator input[data-main]');
  assert.ok(fields.length > 20);
  for (const f of fields) {
    assert.equal(f.ignored, false, JSON.stringify(f));
    assert.match(f.name, /\S/, 'every field is named');
    assert.match(f.description, /\S/, `${f.name} is described by its hint`);
  }
  await page.close();
});

test('the live region announces a result once per change, after typing pauses', async () => {
  const { page } = await openCalculator(env.chromium.browser, env.server.url);
  const [status] = await axNodes(page, '#status');
  assert.equal(status.role, 'status');
  await page.evaluate(() => {
    window.announced = [];
    new MutationObserver(() => window.announced.push(document.getElementById('status').textContent))
      .observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
  });
  await typeInto(page, 'programmes.family_valued.families_per_year', '2');
  await typeInto(page, 'programmes.family_valued.families_per_year', '21');
  await typeInto(page, 'programmes.family_valued.families_per_year', '210');
  await page.waitForTimeout(1500);
  const announced = await page.evaluate(() => window.announced);
  assert.equal(announced.length, 1, JSON.stringify(announced));
  assert.match(announced[0], /^Results updated\. Council net present value: -?£[\d,]+\.$/);
  await typeInto(page, 'programmes.family_valued.families_per_year', 'x');
  await page.waitForTimeout(1500);
  assert.deepEqual((await page.evaluate(() => window.announced)).slice(1), ['1 problem with the figures; results not updated.']);
  await page.close();
});
