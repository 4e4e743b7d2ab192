import { parentPort } from 'node:worker_threads';
import { analyseArticleBytes } from './article-file.ts';
import { OUTCOMES_PER_MESSAGE, type AnalysisJob, type AnalysisOutcome } from './analysis-pool.ts';

function outcomeOf(job: AnalysisJob): AnalysisOutcome {
  try {
    return { id: job.id, analysed: analyseArticleBytes(job.bytes, job.timeZone) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { id: job.id, error: { name, message } };
  }
}

/** Analyses the article files sent by the pool, and sends back their outcomes a few at a time. */
parentPort?.on('message', (jobs: AnalysisJob[]) => {
  let outcomes: AnalysisOutcome[] = [];
  for (const job of jobs) {
    outcomes.push(outcomeOf(job));
    if (outcomes.length === OUTCOMES_PER_MESSAGE) {
      parentPort?.postMessage(outcomes);
      outcomes = [];
    }
  }
  if (outcomes.length > 0) parentPort?.postMessage(outcomes);
});
