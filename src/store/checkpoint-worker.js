// The thread of checkpoints.ts: a connection of its own to the store that checkpoints its write-ahead log
// after the writer's commits, and says how large the log is, until it is told to stop. Plain JavaScript, so that it runs as it is from
// the sources and from the build alike.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const messageOf = (error) => (error instanceof Error ? error.message : String(error));

let db;
try {
  db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
} catch (error) {
  // Thrown again as a plain Error: better-sqlite3's own errors reach the other thread without their message.
  throw new Error(`cannot open ${workerData.path} for checkpoints: ${messageOf(error)}`);
}

/** [0]: pages in the log at the last checkpoint, read by the writer without waiting for a message. */
const logPages = new Int32Array(workerData.logPages);
let due = false;
/** Commits heard of since the last checkpoint was asked for. */
let commits = 0;

/** Copies what the writer has committed. PASSIVE: it waits for neither the writer nor any reader, nor blocks them. */
function checkpoint() {
  due = false;
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    Atomics.store(logPages, 0, log);
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

parentPort.on('message', (message) => {
  if (message === 'committed') {
    // One checkpoint every few commits (checkpoints.ts); commits that come while it runs wait in the queue.
    if (++commits < workerData.commitsPerCheckpoint) return;
    commits = 0;
    if (!due) setImmediate(() => due && report(checkpoint()));
    due = true;
  } else if (message === 'all') {
    // The writer waits, committing nothing: this copies the whole log, and its next commit starts the log again.
    const error = checkpoint();
    Atomics.store(logPages, 0, 0);
    parentPort.postMessage({ done: 'all', error });
  } else if (message === 'stop') {
    // The writer empties the log itself once this connection is gone (checkpoints.ts): no checkpoint here.
    due = false;
    db.close();
    parentPort.postMessage({ done: 'stop', error: null });
    parentPort.close();
  }
});

function report(error) {
  if (error !== null) parentPort.postMessage({ done: null, error });
}
