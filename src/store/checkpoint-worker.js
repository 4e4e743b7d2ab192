// The thread of checkpoints.ts: a connection of its own to the store that checkpoints its write-ahead log
// whenever it is asked to, and closes when asked to stop. Plain JavaScript, so that it runs as it is from the
// sources and from the build alike.
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

parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    // PASSIVE: copies what it can without waiting for the writer or any reader, and never blocks them.
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: messageOf(error) });
  }
});
