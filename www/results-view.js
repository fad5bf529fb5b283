// @ts-check
// The results as text: headline cards, chart summaries and the data tables
// behind the charts. Every caption, heading, cell and sentence comes from the
// engine (`display`, through Report.result() and UncertaintyReport.result());
// this module writes them into the page as text.

import { el, writeTable } from './dom.js';
import { getAt, textAt, shownFigure } from './scenario-text.js';
import { COMPARE, programmeKeys, programmeOf, rowOf, scenarioPaths } from './scenario-state.js';
import { verdictView } from './verdict-view.js';

/**
 * The engine's types (www/engine-types.d.ts, generated from its structs).
 * @typedef {import('./engine-types.js').TextTable} TextTable
 * @typedef {import('./engine-types.js').Headline} Headline
 */

/** @param {import('./calculator.js').Context} ctx */
/** How long typing must pause before the figures' grades are worked out again. */
const GRADES_AFTER_MS = 150;

/** @param {import('./calculator.js').Context} ctx */
export function resultsView(ctx) {
  const { state, $, engine } = ctx;
  const verdict = verdictView(ctx);

  /** @param {string} id @param {TextTable} t */
  const table = (id, t) => writeTable($(id), t);

  /** @param {string} containerId @param {Headline[]} items */
  function cards(containerId, items) {
    $(containerId).replaceChildren(el('dl', {}, ...items.map((h) => el('div', { class: `headline headline-${h.key}` },
      el('dt', {}, h.label), el('dd', { class: 'figure' }, h.figure), el('dd', { class: 'reading' }, h.reading)))));
  }

  /** @param {any} programme one programme's result */
  function renderProgramme(programme) {
    cards('headlines', programme.headlines);
    table('streams-table', programme.streams_table);
    $('flows-title').textContent = programme.titles.yearly_flows;
    $('flows-summary').textContent = programme.summaries.yearly_flows;
    table('flows-table', programme.flows_table);
    $('who-title').textContent = programme.titles.who_benefits;
    $('who-summary').textContent = programme.summaries.who_benefits;
    table('who-table', programme.payer_table);
    $('cumulative-title').textContent = programme.titles.cumulative_net;
    $('cumulative-summary').textContent = programme.summaries.cumulative_net;
    table('cumulative-table', programme.cumulative_table);
  }

  function renderResults() {
    const result = state.result;
    const compare = state.view === COMPARE;
    $('results-context').textContent = `${result.context}.`;
    $('programme-charts').hidden = compare;
    $('results').classList.toggle('view-compare', compare);
    if (compare) $('headlines').replaceChildren();
    else renderProgramme(result.programmes[state.view]);
    renderEvidence();
    $('comparison-title').textContent = result.comparison_title;
    $('comparison-summary').textContent = result.comparison_summary;
    table('comparison-table', result.headline_table);
    const discounting = $('discounting'); // in the method, put in after the first chart
    if (discounting) discounting.textContent = result.discounting;
    verdict.render();
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let gradesTimer;

  /**
   * Each figure's grade for the figures in use, once the analysis module is
   * loaded (until then the defaults'). Off the keystroke: worked out when
   * typing pauses (it costs about as much as the appraisal itself), and
   * after the uncertainty run under way, so as not to hold up its figures.
   * @param {any} scenario
   */
  function refreshGrades(scenario) {
    if (!ctx.analysis) return;
    clearTimeout(gradesTimer);
    gradesTimer = setTimeout(function grade() {
      if (state.run) {
        gradesTimer = setTimeout(grade, 100);
        return;
      }
      try {
        state.grades = ctx.analysis.figureGrades(scenario);
      } catch {
        return; // The scenario was just evaluated, so this cannot fail; keep the last grades if it does.
      }
      if (state.result) renderEvidence();
      ctx.form.showGroups();
    }, GRADES_AFTER_MS);
  }

  /** How many of each model's savings rest on measured evidence (from the analysis module, once loaded). */
  function renderEvidence() {
    const grades = state.grades ?? {};
    const line = state.view === COMPARE
      ? Object.entries(grades).map(([key, g]) => `${state.result.programmes[key]?.name}: ${g.evidence_summary}`).join(' ')
      : grades[state.view] ? `Evidence: ${grades[state.view].evidence_summary}` : '';
    $('results-evidence').textContent = line;
  }

  function renderUncertainty() {
    const r = state.uResult;
    if (!r) return;
    verdict.render();
    const compare = state.view === COMPARE;
    $('sim-audit').textContent = r.record;
    $('sim-plain').textContent = r.plain_method;
    $('uncertainty-charts').hidden = compare;
    $('uncertainty-compare').hidden = !compare;
    ctx.later?.decide.render();
    if (compare) {
      $('uncertainty-headlines').replaceChildren();
      $('central-median').textContent = '';
      table('percentiles-table', r.percentile_table);
      table('uncertainty-compare-table', r.chances_table);
      return;
    }
    const u = r.programmes[state.view];
    if (!u) return;
    cards('uncertainty-headlines', u.headlines);
    $('central-median').textContent = u.central_and_median;
    table('percentiles-table', u.percentile_table);
    $('fan-summary').textContent = u.summaries.fan;
    table('fan-table', u.fan_table);
    $('histogram-summary').textContent = u.summaries.histogram;
    table('histogram-table', u.histogram_table);
    $('tornado-summary').textContent = u.summaries.tornado;
    table('tornado-table', u.tornado_table);
    $('break-even-summary').textContent = u.summaries.break_even;
  }

  /**
   * The defaults of the model in view (all three in the compare view), with
   * their sources, as the engine lays them out (display::sources_table).
   * Below the fold, so it waits for the analysis module.
   */
  function renderSources() {
    if (!ctx.analysis) return;
    const keys = state.view === COMPARE ? programmeKeys(state) : [state.view];
    table('sources-table', ctx.analysis.sourcesTable(state.base.price_year, keys));
    $('sources').hidden = false;
  }

  /**
   * The print view's table of the figures used: the ones on screen (the
   * model in view, or all three), each with its range and its default's source.
   */
  function renderPrintInputs() {
    const scenario = state.report?.scenario();
    if (!scenario || !$('inputs-table')) return;
    /** @param {string} path */
    const shown = (path) => !programmeOf(path) || state.view === COMPARE || programmeOf(path) === state.view;
    const rows = scenarioPaths(state).filter(shown).map((path) => {
      const row = rowOf(state, path);
      const value = getAt(scenario, path);
      const range = value && typeof value === 'object' && !Array.isArray(value) ? `${value.low} to ${value.high}` : '';
      /** @param {string} text */
      const money = (text) => shownFigure(text, row?.kind, engine.formatFigureInput);
      const figure = range ? `${textAt(scenario, path)} (${range})` : textAt(scenario, path);
      const grades = state.grades?.[programmeOf(path) ?? '']?.figure_grades ?? [];
      const grade = grades.find((/** @type {any} */ g) => g.path === path)?.grade ?? row?.grades?.value.grade ?? 'yours';
      return [ctx.errors.labelFor(path), money(figure), row?.unit ?? '', grade, row?.source ?? 'Your entry'];
    });
    table('inputs-table', {
      caption: `The figures used (${state.result.context})`,
      headings: ['Figure', 'Value (range)', 'Unit', 'Grade', "Default's source"],
      rows,
    });
  }

  return { verdict, table, cards, renderResults, renderEvidence, refreshGrades, renderUncertainty, renderSources, renderPrintInputs };
}
