// @ts-check
// The engine's three WebAssembly modules, each loaded once per page however
// many calculators the page holds: the page module at once, the analysis
// module after the first chart, the workbook module when a download asks.

import init from './pkg/sfpc.js';

let engineLoaded = null;

/** Loads the engine once per page, however many calculators the page holds. */
export function loadEngine() {
  engineLoaded ??= init();
  return engineLoaded;
}

/**
 * A function that imports and starts one of the engine's later modules, once per page.
 * @param {() => Promise<any>} importModule
 */
function loadOnce(importModule) {
  /** @type {Promise<any> | null} */
  let loaded = null;
  return () => {
    loaded ??= importModule().then(async (module) => {
      await module.default();
      return module;
    });
    return loaded;
  };
}

/**
 * The analysis module (pkg/sfpc_analysis.js: the uncertainty analysis,
 * comparisons, councils and evidence sets). It is not needed for the first
 * view, so the page asks for it only after drawing its first chart.
 */
export const loadAnalysis = loadOnce(() => import('./pkg/sfpc_analysis.js'));

/** The workbook module (pkg/sfpc_workbook.js: the Excel workbook and the audit pack), when one is asked for. */
export const loadWorkbook = loadOnce(() => import('./pkg/sfpc_workbook.js'));
