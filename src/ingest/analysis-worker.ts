import { parentPort, workerData } from 'node:worker_threads';
import { openContentLookup, type ContentLookup } from '../store/content-lookup.ts';
import { prepareArticleFile } from './article-file.ts';
import type { AnalysisWorkerData, PrepareJob, PrepareOutcome } from './analysis-pool.ts';

const { storePath } = workerData as AnalysisWorkerData;

/** The store's contents, opened on the first job; without it (no file yet, say) every file is analysed. */
let lookup: ContentLookup | null | undefined;
function isStored(contentHash: string): boolean {
  if (lookup === undefined) {
    try {
      lookup = storePath === null ? null : openContentLookup(storePath);
    } catch {
      lookup = null;
    }
  }
  try {
    return lookup?.has(contentHash) ?? false;
  } catch {
    return false; // the main thread's own check still reports unchanged content
  }
}

/** Reads, analyses and prepares the article files sent by the pool, one message per file. */
parentPort?.on('message', (job: PrepareJob) => {
  let outcome: PrepareOutcome;
  try {
    outcome = { id: job.id, file: prepareArticleFile(job.path, job.timeZone, isStored) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    outcome = { id: job.id, error: { name, message } };
  }
  parentPort?.postMessage(outcome);
});
