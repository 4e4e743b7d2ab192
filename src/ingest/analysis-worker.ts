import { parentPort } from 'node:worker_threads';
import { analyzeText } from '../core/analyze.ts';
import type { AnalysisJob, AnalysisOutcome } from './analysis-pool.ts';

/** Analyses article texts sent by the analysis pool, one message per article. */
parentPort?.on('message', (job: AnalysisJob) => {
  let outcome: AnalysisOutcome;
  try {
    outcome = { id: job.id, article: analyzeText(job.text, { timeZone: job.timeZone }) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    outcome = { id: job.id, error: { name, message } };
  }
  parentPort?.postMessage(outcome);
});
