import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ArticleFormatError } from '../core/parse/plain-text.ts';
import { FileRejectedError, prepareArticleFile, type PreparedFile } from './article-file.ts';

export interface PrepareJob {
  id: number;
  path: string;
  timeZone: string;
}

export type PrepareOutcome = { id: number; file: PreparedFile } | { id: number; error: { name: string; message: string } };

/** Prepares article files for the store (read, hash, analyse), possibly on other threads; results come back in any order. */
export interface AnalysisPool {
  prepare(path: string, timeZone: string): Promise<PreparedFile>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (file: PreparedFile) => void;
  reject: (error: Error) => void;
}

/** The error a worker reported, rebuilt so that callers can tell bad input from a failure of ours. */
function rebuildError(error: { name: string; message: string }): Error {
  if (error.name === 'ArticleFormatError') return new ArticleFormatError(error.message);
  if (error.name === 'FileRejectedError') return new FileRejectedError(error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}

/** What each analysis worker is started with. */
export interface AnalysisWorkerData {
  fromSources: boolean;
  /** The store file, read to skip analysing content stored already; null for an in-memory store. */
  storePath: string | null;
}

/**
 * Preparation on the calling thread: for a few files, where starting workers costs more than it saves.
 * `isStored` tells content the store holds already, which is not analysed again.
 */
export function createInlineAnalysis(isStored?: (contentHash: string) => boolean): AnalysisPool {
  return {
    prepare: async (path, timeZone) => prepareArticleFile(path, timeZone, isStored),
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
 * A pool of worker threads that read and analyse article files and turn them into the store's values,
 * while the main thread stores the results: what crosses between threads is a few strings per article.
 * A worker that dies fails its pending files with a clear error, and the pool carries on on the calling thread.
 * Workers read `storePath` (when given) to skip analysing content the store holds already.
 */
export function createAnalysisPool(storePath: string | null, size = defaultWorkerCount()): AnalysisPool {
  const pending = new Map<number, Pending & { worker: Worker }>();
  let workers: Worker[] = [];
  const load = new Map<Worker, number>();
  let nextId = 0;

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
    const workerData: AnalysisWorkerData = { fromSources: import.meta.url.endsWith('.ts'), storePath };
    const worker = new Worker(new URL('./analysis-worker-entry.js', import.meta.url), { workerData });
    worker.on('message', (outcome: PrepareOutcome) => {
      const job = pending.get(outcome.id);
      if (!job) return;
      pending.delete(outcome.id);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if ('file' in outcome) job.resolve(outcome.file);
      else job.reject(rebuildError(outcome.error));
    });
    worker.on('error', (error) => failPendingOf(worker, error.message));
    worker.on('exit', (code) => failPendingOf(worker, `exited with code ${code}`));
    workers.push(worker);
  }

  return {
    prepare(path, timeZone) {
      if (workers.length === 0) return Promise.resolve().then(() => prepareArticleFile(path, timeZone));
      // The least busy worker: articles differ in length, so taking turns would leave one waiting on another.
      const worker = workers.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
      load.set(worker, (load.get(worker) ?? 0) + 1);
      const id = nextId++;
      return new Promise<PreparedFile>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.postMessage({ id, path, timeZone } satisfies PrepareJob);
      });
    },
    async close() {
      const closing = workers;
      workers = [];
      await Promise.all(closing.map((w) => w.terminate()));
    },
  };
}
