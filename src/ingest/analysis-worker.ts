import { parentPort } from 'node:worker_threads';
import { prepareArticleFile } from './article-file.ts';
import type { PrepareJob, PrepareOutcome } from './analysis-pool.ts';

/** Reads, analyses and prepares the article files sent by the pool, one message per file. */
parentPort?.on('message', (job: PrepareJob) => {
  let outcome: PrepareOutcome;
  try {
    outcome = { id: job.id, file: prepareArticleFile(job.path, job.timeZone) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    outcome = { id: job.id, error: { name, message } };
  }
  parentPort?.postMessage(outcome);
});
