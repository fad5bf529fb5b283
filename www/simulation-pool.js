// @ts-check
// Runs an uncertainty analysis's chunks on module Web Workers, one a core
// (simulation-worker.js), so a keystroke never waits for a draw. The page
// keeps the run (`SimulationRun`, which checked the input) and takes each
// batch of chunks back as it comes (`insertChunks`); chunks have their own
// streams, so the result does not depend on how many workers ran them or
// in what order. A newer run cancels an older one: its queued batches are
// dropped and batches still running are ignored when they come back (a
// batch is a few milliseconds' work). Where workers cannot start (a page on
// another origin than the calculator, a browser without module workers)
// `available` is false and `runChunks` runs them on the page, in slices.

/** Milliseconds of drawing per slice on the page, so it keeps responding. */
const SLICE_MS = 8;
/** Draws in the first slice on the page, before its speed is known. */
const FIRST_SLICE_DRAWS = 20000;

/** Batches a worker should get for a run, so the cores finish together and progress shows. */
const BATCHES_PER_WORKER = 8;
/**
 * Batches posted to a worker before it answers: with two, its next batch is
 * waiting when it finishes one, rather than a round trip through the page.
 */
const IN_FLIGHT = 2;
/** The most workers: beyond the cores there is nothing to gain. */
const MAX_WORKERS = 8;

export function defaultWorkers() {
  return Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 2));
}

/**
 * @typedef {Worker & { busy: number }} PoolWorker
 * @typedef {{ scenario: Record<string, any>, draws: number, seed: number, chunks: number, first?: number }} Job
 * @typedef {{ job?: number, packed?: Float64Array, voi?: boolean, ask?: number, answer?: any, error?: any }} Reply
 */

export class SimulationPool {
  /** @param {number} size how many workers (started on the first run) */
  constructor(size = defaultWorkers()) {
    this.size = size;
    /** @type {PoolWorker[]} */
    this.workers = [];
    this.job = 0;
    /** The batches not yet sent. @type {Record<string, unknown>[]} */
    this.queue = [];
    /** @type {{ job: number, left: number, onPacked: (packed: Float64Array) => void, resolve: (done: boolean) => void, reject: (error: any) => void } | null} */
    this.current = null;
    /** Where the current run's value of information goes. @type {{ job: number, onValue: (packed: Float64Array) => void } | null} */
    this.valueFor = null;
    /** Answers awaited from `ask`, by number. @type {Map<number, { resolve: (answer: any) => void, reject: (error: any) => void }>} */
    this.answers = new Map();
    this.asked = 0;
    this.available = typeof Worker !== 'undefined';
  }

  start() {
    if (this.workers.length || !this.available) return this.available;
    try {
      for (let i = 0; i < this.size; i += 1) {
        const worker = /** @type {Worker & { busy: number }} */ (new Worker(new URL('./simulation-worker.js', import.meta.url), { type: 'module' }));
        worker.onmessage = ({ data }) => this.received(worker, data);
        worker.onerror = (event) => this.failed(event.message || 'a simulation worker failed');
        worker.busy = 0;
        this.workers.push(worker);
      }
    } catch (error) {
      this.destroy();
      this.available = false;
    }
    return this.available;
  }

  /**
   * Runs chunks 0 … chunks − 1 of the run `{ scenario, draws, seed, chunks, first }`
   * (chunks 0 … first − 1 before the rest, one a batch), calling `onPacked(packed)` with each batch as it comes back. Resolves
   * true when every batch is in, false if a newer run (or `cancel`) came
   * first; rejects if a worker fails.
   * @param {Job} job @param {(packed: Float64Array) => void} onPacked @returns {Promise<boolean>}
   */
  run({ scenario, draws, seed, chunks, first = 0 }, onPacked) {
    this.cancel();
    if (!this.start()) return Promise.reject(new Error('no workers'));
    const job = ++this.job;
    const batch = Math.max(1, Math.floor(chunks / (this.workers.length * BATCHES_PER_WORKER)));
    // The provisional figures' chunks first, one a batch, so every worker shares them.
    for (let c = 0; c < first; c += 1) this.queue.push({ job, scenario, draws, seed, from: c, to: c + 1 });
    for (let from = first; from < chunks; from += batch) {
      this.queue.push({ job, scenario, draws, seed, from, to: Math.min(chunks, from + batch) });
    }
    return new Promise((resolve, reject) => {
      this.current = { job, left: this.queue.length, onPacked, resolve, reject };
      for (const worker of this.workers) this.feed(worker);
    });
  }

  /**
   * After the latest run's draws are in and shown: its value of information
   * on one worker (ChunkRunner.valueOfInformation), handed to
   * `onValue(packed)`; a newer run drops it, and a failure is logged, not
   * fatal. Started only then, so it never takes a core from the draws or
   * the page's summary.
   * @param {{ scenario: any, draws: number, seed: number }} run
   * @param {(packed: Float64Array) => void} onValue
   */
  value({ scenario, draws, seed }, onValue) {
    if (!this.workers.length) return;
    const job = this.job;
    this.valueFor = { job, onValue };
    const idle = this.workers.find((w) => !w.busy) ?? this.workers[0];
    // The worker takes nothing else until it answers: a newer run's chunks
    // go to the others rather than queue behind it.
    idle.busy = IN_FLIGHT;
    idle.postMessage({ job, scenario, draws, seed, voi: true });
  }

  /**
   * One piece of the analysis module's work on a worker (`{ evidence: {
   * scenario, view, seed, yours } }`: `evidenceSets`); resolves to its answer. The
   * worker takes no chunks until it answers, so a run goes on the others.
   * @param {any} message @returns {Promise<any>}
   */
  ask(message) {
    if (!this.start()) return Promise.reject(new Error('no workers'));
    const worker = this.workers.find((w) => !w.busy) ?? this.workers[0];
    worker.busy = IN_FLIGHT;
    const ask = ++this.asked;
    return new Promise((resolve, reject) => {
      this.answers.set(ask, { resolve, reject });
      worker.postMessage({ ...message, ask });
    });
  }

  /** @param {PoolWorker} worker */
  feed(worker) {
    while (worker.busy < IN_FLIGHT && this.queue.length) {
      worker.busy += 1;
      worker.postMessage(this.queue.shift());
    }
  }

  /** @param {PoolWorker} worker @param {Reply} reply */
  received(worker, { job, packed, voi, ask, answer, error }) {
    worker.busy = voi || ask ? 0 : Math.max(0, worker.busy - 1);
    if (ask) {
      const waiting = this.answers.get(ask);
      this.answers.delete(ask);
      if (error) waiting?.reject(error);
      else waiting?.resolve(answer);
      this.feed(worker);
      return;
    }
    if (voi) {
      if (error) console.error('The value of information could not be worked out.', error);
      else if (this.valueFor && this.valueFor.job === job) this.valueFor.onValue(/** @type {Float64Array} */ (packed));
      this.feed(worker);
      return;
    }
    const current = this.current;
    if (current && job === current.job) {
      if (error) {
        this.failed(error);
      } else {
        current.onPacked(/** @type {Float64Array} */ (packed));
        current.left -= 1;
        if (current.left === 0) {
          this.current = null;
          current.resolve(true);
        }
      }
    }
    this.feed(worker);
  }

  /** @param {unknown} error */
  failed(error) {
    const current = this.current;
    for (const waiting of this.answers.values()) waiting.reject(error);
    this.cancel();
    this.destroy();
    this.available = false;
    current?.reject(error);
  }

  /** Drops the current run's queued work; its promise resolves false. */
  cancel() {
    this.queue.length = 0;
    this.valueFor = null;
    const current = this.current;
    this.current = null;
    current?.resolve(false);
  }

  /** Stops every worker (a later run starts new ones); answers still awaited never come. */
  destroy() {
    this.cancel();
    this.answers.clear();
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }
}

/**
 * Runs every chunk of `run` (a `SimulationRun`, whose `job` is
 * `{ scenario, draws, seed, chunks }`): on `pool`'s workers where they can
 * start, else (or if they fail, from where they stopped) on this thread in
 * slices of about SLICE_MS. Calls `onProgress(done)` as draws come in; stops
 * as soon as `isCurrent()` is false. Resolves to `{ busyMs, workers }` (this
 * thread's time taking chunks in or drawing; 0 workers on the page) once all
 * chunks are in, or null if cancelled.
 * @param {{ run: any, job: Job, pool: SimulationPool | null, isCurrent: () => boolean, onProgress: (done: number) => void }} options
 */
export async function runChunks({ run, job, pool, isCurrent, onProgress }) {
  let busyMs = 0;
  const timed = (/** @type {() => number} */ f) => {
    const t0 = performance.now();
    const out = f();
    busyMs += performance.now() - t0;
    return out;
  };
  if (pool?.available) {
    try {
      const complete = await pool.run(job, (packed) => {
        if (isCurrent()) onProgress(timed(() => run.insertChunks(packed)));
      });
      return complete && isCurrent() ? { busyMs, workers: pool.workers.length } : null;
    } catch (error) {
      if (!isCurrent()) return null;
      console.error('The simulation workers failed; simulating on the page instead.', error);
    }
  }
  let sliceDraws = FIRST_SLICE_DRAWS;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!isCurrent()) return null;
    const t0 = performance.now();
    const done = timed(() => run.step(sliceDraws));
    sliceDraws = Math.max(1, Math.round(sliceDraws * SLICE_MS / Math.max(performance.now() - t0, 0.5)));
    if (done >= run.draws) return { busyMs, workers: 0 };
    onProgress(done);
  }
}
