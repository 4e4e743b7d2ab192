// A worker thread starts without the TypeScript loader that bin/quotewire.js registered in the main thread:
// when the pool runs from the TypeScript sources, register it here; the compiled build (dist/) needs none.
import { workerData } from 'node:worker_threads';

if (workerData?.fromSources) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('./analysis-worker.ts');
