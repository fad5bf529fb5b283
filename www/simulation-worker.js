// @ts-check
// A module worker (simulation-pool.js starts one a core): runs batches of an
// uncertainty analysis's chunks with the analysis module, or the run's value
// of information, or the evidence sets side by side (`ask`), and hands them back packed (a Float64Array, moved, not
// copied). Chunks have their own streams,
// so the page gets the same bits whichever worker ran which chunk.

import init, { ChunkRunner, evidenceSets } from './pkg/sfpc_analysis.js';

const ready = init();
/** The run this worker last worked on: its batches share one set-up. */
/** @type {{ job: number, runner: ChunkRunner | null }} */
let current = { job: 0, runner: null };

self.onmessage = async ({ data }) => {
  const { job, scenario, draws, seed, from, to, voi, ask, evidence } = data;
  if (ask) {
    try {
      await ready;
      self.postMessage({ ask, answer: evidenceSets(evidence.scenario, evidence.view, evidence.seed, evidence.yours) });
    } catch (error) {
      self.postMessage({ ask, error: Array.isArray(error) ? error : String(error) });
    }
    return;
  }
  try {
    await ready;
    if (current.job !== job) {
      current.runner?.free();
      current = { job, runner: new ChunkRunner(scenario, draws, seed) };
    }
    // The value of information (one task a run) or a batch of chunks.
    const runner = /** @type {ChunkRunner} */ (current.runner);
    const packed = voi ? runner.valueOfInformation() : runner.run(from, to);
    /** @type {Worker} */ (/** @type {unknown} */ (self)).postMessage({ job, packed, voi }, [packed.buffer]);
  } catch (error) {
    self.postMessage({ job, voi, error: Array.isArray(error) ? error : String(error) });
  }
};
