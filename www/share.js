// @ts-check
// Saving and sharing: the page's address kept up to date with the figures,
// links copied, figures opened from a file or a link, and the downloads
// (JSON, CSV, the workbook and the audit pack).

import { el, download } from './dom.js';
import { describeErrors } from './scenario-text.js';
import { LinkError, linkFragment, localStamp, scenarioFromLink } from './links.js';
import { viewFrom } from './scenario-state.js';

/** @typedef {ReturnType<typeof share>} Share */

/** How long typing must pause before the address and links follow the figures. */
const LINK_PAUSE_MS = 200;

/**
 * A scenario from a file's or a link's text, validated by the engine; throws
 * every `{ path, message }`, a JSON syntax error as the engine would word it.
 * @param {any} engine @param {string} text
 */
export function scenarioFromText(engine, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw [{ path: 'scenario', message: `is not valid JSON: ${/** @type {Error} */ (e).message}` }];
  }
  return engine.normaliseScenario(value);
}

/** @param {import('./calculator.js').Context} ctx */
export function share(ctx) {
  const { state, $, engine, options } = ctx;
  const linkPage = options.linkPage ?? location.href.split('#')[0];
  const fromText = (/** @type {string} */ text) => scenarioFromText(engine, text);
  let linkTimer = 0;
  let linkToken = 0;

  /** A link's fragment for a valid scenario, with the view and the simulation's settings. @param {any} scenario */
  const fragmentFor = (scenario) => linkFragment(scenario, {
    view: state.view, draws: state.text.get('simulation.draws'), seed: state.text.get('simulation.seed'),
  });

  /** @param {...(string | Node)} content */
  const status = (...content) => $('share-status').replaceChildren(...content);

  /**
   * Keeps the address (where the calculator owns it) and the every-council
   * page's link up to date with the last valid figures: once typing pauses,
   * one link made for both (making one compresses the whole scenario).
   * @param {any} scenario
   */
  function figuresChanged(scenario) {
    clearTimeout(linkTimer);
    const token = ++linkToken;
    linkTimer = window.setTimeout(async () => {
      const fragment = await fragmentFor(scenario);
      if (token !== linkToken) return;
      if (options.address) history.replaceState(null, '', `#${fragment}`);
      const page = new URL('./councils.html', import.meta.url);
      page.hash = fragment;
      $('councils-link').href = page.href;
    }, LINK_PAUSE_MS);
  }

  /** The starting figures: from the address, or the scenario file the embedder names. */
  async function restoreStart() {
    if (options.address) await restoreFromLink(location.hash.slice(1));
    else if (options.scenarioUrl) await restoreFromFile(options.scenarioUrl);
  }

  /** @param {string} url */
  async function restoreFromFile(url) {
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      ctx.apply(fromText(await response.text()));
    } catch (e) {
      const why = Array.isArray(e) ? describeErrors(e) : /** @type {Error} */ (e).message;
      ctx.useDefaults();
      ctx.showNotice(`The starting figures could not be read (${why}). The calculator shows the default figures instead.`);
    }
  }

  /** @param {string} hash */
  async function restoreFromLink(hash) {
    try {
      const link = await scenarioFromLink(hash, fromText);
      if (!link) return;
      ctx.apply(link.scenario);
      state.view = viewFrom(state, link.params.get('view')) ?? state.view;
      for (const key of ['draws', 'seed']) {
        const value = link.params.get(key);
        if (value !== null) state.text.set(`simulation.${key}`, value);
      }
    } catch (e) {
      if (!(e instanceof LinkError)) throw e;
      ctx.useDefaults();
      ctx.showNotice(`This link could not be opened: ${e.message}. The calculator shows the default figures instead.`);
    }
  }

  /** Copies a link to the calculator page with these figures (this page, unless embedded). */
  async function copyLink() {
    if (!state.report) return;
    const fragment = await fragmentFor(state.report.scenario());
    if (options.address) history.replaceState(null, '', `#${fragment}`);
    const url = `${linkPage}#${fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      status('Link copied.');
    } catch {
      status('Copy this link: ', el('a', { href: url }, 'link to these figures'));
    }
  }

  /** @param {Event} event */
  async function openFile(event) {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const file = input.files?.[0];
    if (!file) return;
    let scenario;
    try {
      scenario = fromText(await file.text());
    } catch (errors) {
      const list = Array.isArray(errors) ? errors : [{ path: 'scenario', message: String(errors) }];
      status(el('strong', {}, `${file.name} could not be opened:`),
        el('ul', {}, ...list.map((e) => el('li', {}, `${e.path}: ${e.message}`))));
      return;
    }
    ctx.apply(scenario);
    ctx.form.render();
    ctx.update();
    status(`Opened ${file.name}.`);
  }

  /**
   * A download made by the workbook module (loaded the first time one is asked for).
   * @param {string} what @param {(m: any, scenario: any, simulation: any) => any} make @param {() => Promise<string>} name @param {string} type
   */
  async function fromWorkbookModule(what, make, name, type) {
    if (!state.report) return;
    status(`Preparing the ${what}…`);
    const module = await ctx.loadWorkbook();
    const simulation = ctx.simulation.finished();
    download(await name(), make(module, state.report.scenario(), simulation), type);
    const What = `${what[0].toUpperCase()}${what.slice(1)}`;
    status(simulation ? `${What} downloaded.`
      : `${What} downloaded, without the uncertainty analysis: it has not finished for these figures.`);
  }

  /**
   * A download's name: the council, the model in view, today's date, what it
   * is (the analysis module's downloadName): "leeds-family-safeguarding-2026-12-04.xlsx".
   * @param {string} what @param {string} ext
   */
  const fileName = async (what, ext) => (await ctx.analysisModule()).downloadName(state.text.get('council') ?? '',
    state.view, localStamp().slice(0, 10), what, ext);

  /** What each of the share panel's buttons does, by its id. @type {Record<string, () => unknown>} */
  const buttons = {
    'copy-link': copyLink,
    'download-scenario': async () => {
      if (!state.report) return;
      const text = JSON.stringify(state.report.scenario(), null, 2);
      download(await fileName('', 'json'), text, 'application/json');
    },
    'download-csv': async () => {
      if (!state.report) return;
      const csv = (await ctx.analysisModule()).yearlyResultsCsv(state.report.scenario());
      download(await fileName('yearly results', 'csv'), csv, 'text/csv;charset=utf-8');
    },
    'download-audit': () => fromWorkbookModule('audit pack',
      (m, scenario, simulation) => m.auditPack(scenario, simulation, localStamp()), () => fileName('audit pack', 'zip'), 'application/zip'),
    'download-workbook': () => fromWorkbookModule('workbook',
      (m, scenario, simulation) => m.workbook(scenario, simulation), () => fileName('', 'xlsx'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  };

  /**
   * The share panel's events, passed on by the calculator, which listens from
   * the first view (so a click or a file chosen before this module has loaded
   * is acted on once it has).
   * @param {Event} event
   */
  function onEvent(event) {
    const target = /** @type {HTMLElement} */ (event.target);
    if (event.type === 'change' && target.id === 'f-upload') openFile(event);
    else if (event.type === 'click') buttons[target.id]?.();
  }

  const destroy = () => clearTimeout(linkTimer);

  return { restoreStart, figuresChanged, onEvent, destroy };
}
