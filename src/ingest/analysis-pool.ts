import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ArticleFormatError } from '../core/parse/plain-text.ts';
import { analyseArticleBytes, FileRejectedError, type AnalysedText } from './article-file.ts';

export interface AnalysisJob {
  id: number;
  /** An article file's bytes, as `readArticleBytes` gives them. */
  bytes: Uint8Array;
  timeZone: string;
}

export type AnalysisOutcome = { id: number; analysed: AnalysedText } | { id: number; error: { name: string; message: string } };

/**
 * Texts go to a worker, and outcomes come back, several to a message: each message has a fixed cost on
 * both threads (~7 µs of CPU per article saved on each side with these batches, measured on the bench corpus).
 */
export const OUTCOMES_PER_MESSAGE = 10;

/**
 * Analyses article files' bytes into the store's values, possibly on other threads; results come back in any
 * order. Bytes that are not an article's text are rejected with a FileRejectedError, as `decodeArticle` says.
 */
export interface AnalysisPool {
  analyse(bytes: Uint8Array, timeZone: string): Promise<AnalysedText>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (analysed: AnalysedText) => void;
  reject: (error: Error) => void;
}

/** The error a worker reported, rebuilt so that callers can tell bad input from a failure of ours. */
function rebuildError(error: { name: string; message: string }): Error {
  if (error.name === 'ArticleFormatError') return new ArticleFormatError(error.message);
  if (error.name === 'FileRejectedError') return new FileRejectedError(error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}

/** Analysis on the calling thread: for a few files, where starting workers costs more than it saves. */
export function createInlineAnalysis(): AnalysisPool {
  return {
    analyse: async (bytes, timeZone) => analyseArticleBytes(bytes, timeZone),
    close: async () => {},
  };
}

/**
 * How many analysis workers suit this machine: one core is left to the main thread, which stores (about
 * 0.65 ms of CPU per article), and each other core gets a worker. More workers than that only share cores,
 * and each pays its own JIT warm-up (about 1.5 CPU seconds): on two cores one worker ingests 5-15% faster
 * than two and uses 15% less CPU (`bench --only ingest`). The main thread analysing while it waits was
 * measured too: it slowed the worker's turns more than it helped.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 8));
}

/**
 * A pool of worker threads that analyse article texts and turn them into the store's values, while the
 * main thread reads the files and stores the results: what crosses between threads is a few strings per
 * article. A worker that dies fails its pending texts with a clear error, and the pool carries on on the
 * calling thread.
 */
export function createAnalysisPool(size = defaultWorkerCount()): AnalysisPool {
  const pending = new Map<number, Pending & { worker: Worker }>();
  let workers: Worker[] = [];
  const load = new Map<Worker, number>();
  let nextId = 0;
  // The texts given in one turn of the event loop (ingest hands over a batch at a time) go as one message per worker.
  const queued = new Map<Worker, AnalysisJob[]>();
  // Each job's bytes are moved to the worker, not copied.
  const sendQueued = (): void => {
    for (const [worker, jobs] of queued) worker.postMessage(jobs, jobs.map((job) => job.bytes.buffer as ArrayBuffer));
    queued.clear();
  };

  const failPendingOf = (worker: Worker, reason: string): void => {
    workers = workers.filter((w) => w !== worker);
    for (const [id, job] of pending) {
      if (job.worker !== worker) continue;
      pending.delete(id);
      job.reject(new Error(`analysis worker stopped: ${reason}`));
    }
  };

  for (let n = 0; n < size; n++) {
    // Running from the TypeScript sources (not the compiled dist/), the worker needs the TypeScript loader too.
    const worker = new Worker(new URL('./analysis-worker-entry.js', import.meta.url), { workerData: { fromSources: import.meta.url.endsWith('.ts') } });
    worker.on('message', (outcomes: AnalysisOutcome[]) => {
      for (const outcome of outcomes) {
        const job = pending.get(outcome.id);
        if (!job) continue;
        pending.delete(outcome.id);
        load.set(worker, (load.get(worker) ?? 1) - 1);
        if ('analysed' in outcome) job.resolve(outcome.analysed);
        else job.reject(rebuildError(outcome.error));
      }
    });
    worker.on('error', (error) => failPendingOf(worker, error.message));
    worker.on('exit', (code) => failPendingOf(worker, `exited with code ${code}`));
    workers.push(worker);
  }

  return {
    analyse(given, timeZone) {
      if (workers.length === 0) return Promise.resolve().then(() => analyseArticleBytes(given, timeZone));
      // Bytes of their own, which can be moved: a small file's bytes share a buffer with other files'
      // (Node's pool), and the caller's stay as they are.
      const bytes = new Uint8Array(given);
      // The least busy worker: articles differ in length, so taking turns would leave one waiting on another.
      const worker = workers.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
      load.set(worker, (load.get(worker) ?? 0) + 1);
      const id = nextId++;
      return new Promise<AnalysedText>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        if (queued.size === 0) queueMicrotask(sendQueued);
        const jobs = queued.get(worker);
        if (jobs) jobs.push({ id, bytes, timeZone });
        else queued.set(worker, [{ id, bytes, timeZone }]);
      });
    },
    async close() {
      const closing = workers;
      workers = [];
      await Promise.all(closing.map((w) => w.terminate()));
    },
  };
}
