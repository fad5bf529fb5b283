// @ts-check
// The calculator's markup: constant, with no user text in it. The page, the
// <sfpc-calculator> element and the iframe embed all insert it, then fill it
// in with text nodes only (calculator.js).

/**
 * A chart's figure: its heading, the canvas (named by the heading, described
 * by the text summary) and the data table behind it, wired the same way for
 * every chart. `name` prefixes the ids the modules use: `NAME-chart`,
 * `NAME-summary`, `NAME-table`. The table folds away under the chart (its
 * summary says what the chart shows), one click from its figures; `open`
 * shows it unfolded (the saved scenarios' differences, which are the point).
 * Its heading and caption are the engine's (the analysis module's `charts`), put in by
 * chart-view.js's `start` as the figure is taken in.
 * @param {string} name
 */
export function chart(name, { titleId = `${name}-title`, tall = false, screenOnly = false, open = false } = {}) {
  return `<figure class="chart" data-chart="${name}">
  <h3 id="${titleId}"></h3>
  <canvas id="${name}-chart"${tall ? ' class="tall"' : ''} role="img" aria-labelledby="${titleId}" aria-describedby="${name}-summary"></canvas>
  <p id="${name}-summary" class="summary"></p>
  <details class="data${screenOnly ? ' screen-only' : ''}" id="${name}-data"${open ? ' open' : ''}>
    <summary>The figures in this chart, as a table</summary>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="${name}-caption">
      <table id="${name}-table"><caption id="${name}-caption"></caption></table>
    </div>
  </details>
</figure>`;
}

export const CALCULATOR_HTML = `
<p id="loading" class="notice" role="status">Loading the calculator…</p>
<p id="link-message" class="notice notice-warning" role="alert" hidden></p>

<div id="error-summary" class="error-summary" tabindex="-1" hidden aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">There is a problem</h2>
  <ul id="error-list"></ul>
</div>

<form id="calculator" class="layout" novalidate hidden>
  <fieldset class="views">
    <legend>What to appraise</legend>
    <div class="radios" id="view-choices"></div>
  </fieldset>
  <section class="results" id="results" aria-labelledby="results-title">
    <h2 id="results-title">Results</h2>
    <p class="to-inputs screen-only"><a href="#inputs">Change the figures</a></p>
    <div class="results-head">
      <div id="verdict" class="verdict">
        <div id="verdict-one">
          <p class="verdict-line"><span id="verdict-model" class="verdict-model"></span>
            <strong id="verdict-figure" class="verdict-figure"></strong> <span id="verdict-sentence"></span></p>
          <p class="verdict-basis"><span id="verdict-basis"></span>
            <button type="button" id="verdict-grant" class="link-button" hidden></button>
            <button type="button" id="verdict-horizon" class="link-button"></button></p>
        </div>
        <ul id="verdict-list" class="verdict-list" hidden></ul>
      </div>
      <p id="stale" class="stale" hidden><strong>Out of date.</strong> These are the results for your last valid figures. Fix the problems listed at the top to update them.</p>
    </div>
    <p id="results-context" class="context"></p>
    <p id="results-evidence" class="context evidence-line"></p>
    <div id="headlines" class="headlines"></div>

    <div id="programme-charts">
      <section class="streams" aria-labelledby="streams-title">
        <h3 id="streams-title">Where the savings come from</h3>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="streams-caption">
          <table id="streams-table"><caption id="streams-caption">Each saving, who benefits and what it is worth</caption></table>
        </div>
      </section>

      ${chart('flows')}

      ${chart('cumulative')}

      ${chart('who')}
    </div>

    <section id="uncertainty" class="uncertainty" aria-labelledby="uncertainty-title">
      <h2 id="uncertainty-title">How sure is this?</h2>
      <p>The innovators' results are before-and-after figures, not trials. Each figure with a range (the low and high beside it) is drawn
        at random, thousands of times, most often near its value; each draw is one possible future.</p>
      <div class="sim-settings" id="simulation-fields"></div>
      <p class="sim-status"><progress id="sim-progress" max="1" value="0" aria-labelledby="sim-text"></progress>
        <span id="sim-text"></span></p>
      <p id="sim-stale" class="stale" hidden><strong>Out of date.</strong> Fix the problems listed at the top to run the analysis again.</p>
      <p id="sim-provisional" class="stale" hidden></p>
      <div id="uncertainty-headlines" class="headlines"></div>
      <p id="central-median" class="summary"></p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="percentiles-caption">
        <table id="percentiles-table"><caption id="percentiles-caption">Net present value across simulated futures</caption></table>
      </div>

      <div id="uncertainty-charts">
        ${chart('fan')}
        ${chart('histogram', { screenOnly: true })}
        ${chart('tornado', { tall: true })}
        <p id="break-even-summary" class="summary"></p>
      </div>
      <div class="table-wrap" id="uncertainty-compare" tabindex="0" role="region" aria-labelledby="uncertainty-compare-caption">
        <table id="uncertainty-compare-table"><caption id="uncertainty-compare-caption">How sure: each model</caption></table>
      </div>
      <p id="sim-plain" class="context"></p>
      <details class="method-details screen-only">
        <summary>How this is worked out: the technical record</summary>
        <p id="sim-audit" class="context"></p>
      </details>
    </section>

    <template id="slot-evidence"></template>

    ${chart('comparison')}
    <p class="screen-only"><a id="councils-link" href="councils.html" target="_blank" rel="noopener">Every council's results
      with these figures (opens in a new tab)</a>: each model appraised with each English council's own statistics, in a
      table you can sort.</p>
    <template id="slot-scenarios"></template>
    <p id="status" class="visually-hidden" role="status" aria-live="polite"></p>
  </section>
  <div class="inputs" id="inputs" tabindex="-1">

    <fieldset id="settings">
      <legend>Your council and the appraisal</legend>
      <div id="settings-fields"></div>
    </fieldset>

    <div id="programme-fields"></div>

    <p><button type="button" id="reset" class="button secondary">Reset all figures to the defaults</button></p>

    <template id="slot-share"></template>

    <template id="slot-saved"></template>
  </div>

</form>

<template id="slot-method"></template>

<p class="context engine">Engine version <span id="engine-version">–</span>. Runs entirely in your browser: no data is sent anywhere.
  <span id="licence"></span></p>
`;
