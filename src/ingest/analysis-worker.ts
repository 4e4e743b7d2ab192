import { parentPort } from 'node:worker_threads';
import { analyseArticleText } from './article-file.ts';
import type { AnalysisJob, AnalysisOutcome } from './analysis-pool.ts';

/** Analyses the article texts sent by the pool, one message per text. */
parentPort?.on('message', (job: AnalysisJob) => {
  let outcome: AnalysisOutcome;
  try {
    outcome = { id: job.id, analysed: analyseArticleText(job.text, job.timeZone) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    outcome = { id: job.id, error: { name, message } };
  }
  parentPort?.postMessage(outcome);
});
