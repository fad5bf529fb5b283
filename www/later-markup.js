// @ts-check
// The calculator's markup below the fold, put in when the analysis module
// loads (after the first chart): the save-and-share panel (which share.js,
// loaded with it, acts on), the evidence sets, the saved scenarios (the
// fieldset and the comparison), the print view's table of figures used, the
// defaults' sources and the method; and their styles (later.css) and the
// print view's (print.css).
// Constant, with no user text in it, like markup.js's; each part replaces
// its empty <template> slot there, so the page ends up as one markup. Out of
// the first view's download (its transfer budget).

/**
 * Puts the parts into `root`'s slots. `chart` is markup.js's, passed in so
 * that this module shares no bundle chunk with the first view's markup;
 * `startCharts(scope)` (chart-view's) takes in the charts put in;
 * `glossary` is the engine's `[[name, definition]]` of each measure
 * (`measureGlossary`), which the method lists.
 * @param {Document | ShadowRoot} root @param {Function} chart @param {(scope: ParentNode) => void} startCharts
 * @param {[string, string][]} glossary
 */
export function insertLaterMarkup(root, chart, startCharts, glossary) {
  const parts = {
    'slot-share': `
    <fieldset class="share" id="share">
      <legend>Save and share</legend>
      <p class="hint">The address of this page holds every figure you have entered: bookmark it, or send it to a colleague.
        It stays in your browser; nothing is sent anywhere.</p>
      <p class="buttons">
        <button type="button" id="copy-link" class="button secondary">Copy a link to these figures</button>
        <button type="button" id="download-scenario" class="button secondary">Download the figures (JSON)</button>
        <button type="button" id="download-csv" class="button secondary">Download the yearly results (CSV)</button>
        <button type="button" id="download-workbook" class="button secondary">Download the workbook (Excel)</button>
        <button type="button" id="download-audit" class="button secondary">Download the audit pack (ZIP)</button>
      </p>
      <p class="hint">The workbook is the appraisal in Excel as live formulas: change an input and every figure follows.
        The audit pack holds the figures, the results, the yearly results, every default with its source, the evidence
        sets, the workbook, the engine version, and the seed and draws of the uncertainty analysis.</p>
      <div class="field" id="f-upload-field">
        <label for="f-upload">Open figures saved from the calculator (a JSON file)</label>
        <p class="hint" id="f-upload-hint">The same format as the Download button and the sfpc command.</p>
        <input type="file" id="f-upload" accept=".json,application/json" aria-describedby="f-upload-hint">
      </div>
      <p id="share-status" class="context" role="status"></p>
    </fieldset>
`,
    'slot-saved': `
    <fieldset class="saved" id="saved">
      <legend>Saved scenarios</legend>
      <p class="hint" id="saved-hint">Loading…</p>
      <div class="field">
        <label for="f-saved-name">Name for the scenario (optional)</label>
        <input type="text" id="f-saved-name" class="input" autocomplete="off" aria-describedby="saved-hint">
      </div>
      <p class="buttons" id="save-buttons"></p>
      <ul id="saved-list" class="saved-list"></ul>
      <p id="saved-status" class="context" role="status"></p>
    </fieldset>
`,
    'slot-evidence': `
    <section id="evidence" class="evidence" aria-labelledby="evidence-title" hidden>
      <h2 id="evidence-title">How much rests on the evidence</h2>
      <p>Each saving rests on an effect that studies of differing strength have measured. Here is the same model with
        your figures and under three sets of evidence, each figure with its reason; choose one to put its figures into the form.</p>
      <p id="evidence-used" class="context"></p>
      <p id="evidence-summary" class="summary"></p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="evidence-caption">
        <table id="evidence-table"><caption id="evidence-caption"></caption></table>
      </div>
      <div id="evidence-sets" class="evidence-sets"></div>
    </section>
`,
    'slot-scenarios': `
    <section id="scenarios" class="scenarios" aria-labelledby="scenarios-title" hidden>
      <h2 id="scenarios-title">Your saved scenarios side by side</h2>
      ${chart('scenarios', { titleId: 'scenarios-chart-title', open: true })}
    </section>
    <section id="print-inputs" class="print-only" aria-labelledby="print-inputs-title">
      <h2 id="print-inputs-title">The figures used, and their sources</h2>
      <table id="inputs-table"><caption id="inputs-caption">The figures used</caption></table>
    </section>
`,
    'slot-method': `
<section id="sources" class="sources" aria-labelledby="sources-title" hidden>
  <h2 id="sources-title">Defaults and their sources</h2>
  <p><strong>Sourced</strong>: stated by the source. <strong>Derived</strong>: worked out from sourced figures (the sum is shown).
    <strong>Assumption</strong>: ours, sized for a mid-sized council; please replace it with your own figure.
    Money defaults are published in their source's price year; each is restated into your price year with
    <span id="deflator-source">HM Treasury's GDP deflators</span>. The table shows the published figure, its year and
    the figure restated.</p>
  <details class="data" id="sources-data">
    <summary>Every default, its range, unit, price year and source, as a table</summary>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="sources-caption">
      <table id="sources-table"><caption id="sources-caption">Every default the calculator starts from</caption></table>
    </div>
  </details>
</section>
<section class="method" aria-labelledby="method-title">
  <h2 id="method-title">How the calculator works</h2>
  <p>It follows the HM Treasury Green Book. Each model saves money in several <strong>streams</strong>, each with who
    benefits (the council, the police, the NHS) and the share of it that is cash a budget line can lose. A yearly saving
    is the stream's effect × your caseload × your unit cost. Children kept out of care save a year's cost of care (from
    the placement mix) for each year they would have stayed, the last part-year pro rata; what falls after the
    appraisal period is shown but not counted. Every saving is scaled by ramp-up and reduced for deadweight (what would
    have happened anyway) and optimism bias. Costs are set-up (first year only), running costs and staff. The DfE grant
    counts for the council but not for the public sector as a whole, as it is a transfer within it. Future years are
    discounted at the rate you set, as the Green Book does: <span id="discounting"></span>.</p>
  <ul id="method-measures"></ul>
</section>
`,
  };
  for (const [id, html] of Object.entries(parts)) {
    const slot = root.getElementById(id);
    if (!slot) continue;
    const t = document.createElement('template');
    t.innerHTML = html;
    slot.replaceWith(t.content);
  }
  // Their styles and the print view's (later.css, print.css), after style.css: in the page's head or the element's shadow root.
  for (const [file, media] of [['later.css', 'all'], ['print.css', 'print']]) {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', media, href: new URL(file, import.meta.url).href });
    (root instanceof ShadowRoot ? root : document.head).append(link);
  }
  const scenarios = root.getElementById('scenarios');
  if (scenarios) startCharts(scenarios);
  for (const [name, definition] of glossary) {
    const item = document.createElement('li');
    item.append(Object.assign(document.createElement('strong'), { textContent: name }), `: ${definition}.`);
    root.getElementById('method-measures')?.append(item);
  }
}
