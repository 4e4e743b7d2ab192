// A worker thread starts without the TypeScript loader that bin/quotewire.js registered in the main
// thread: register it here, then run the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
