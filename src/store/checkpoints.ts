import { Worker } from 'node:worker_threads';
import type { Db } from './db.ts';

/** SQLite's own default: the writer checkpoints after a commit once the log holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * Checkpoints of the write-ahead log, for a long run of writes (a large ingest), on a thread of their own.
 * A checkpoint copies the log into the database file and waits for the disk to flush it: done by SQLite
 * after a commit, as usual, it held the writing thread for 0.1-0.2 s every 4 MB, a quarter of a large
 * ingest's time (`bench --only ingest`). While these run, the writer's connection does not checkpoint, and a
 * second connection on a worker thread checkpoints after each commit it hears of, one checkpoint at a time.
 * Durability is unchanged: what is committed is in the log either way.
 */
export interface BackgroundCheckpoints {
  /** A transaction was committed: checkpoint when the checkpoint under way (if any) is done. */
  committed(): void;
  /**
   * Stops the thread once everything committed so far is checkpointed, and gives checkpointing back to the
   * writer's connection.
   */
  stop(): Promise<void>;
}

export function checkpointInBackground(db: Db, onError: (message: string) => void): BackgroundCheckpoints {
  if (db.memory) return { committed() {}, stop: async () => {} };
  const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), { workerData: { path: db.name } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let running = false;
  let wanted = false;
  let stopped = false;
  const giveBack = (): void => {
    stopped = true;
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  const checkpoint = (): void => {
    running = true;
    wanted = false;
    worker.postMessage('checkpoint');
  };
  worker.on('message', (outcome: { ok: boolean; message?: string }) => {
    running = false;
    if (!outcome.ok) onError(outcome.message ?? 'checkpoint failed');
    if (wanted && !stopped) checkpoint();
  });
  // A thread that cannot start or dies leaves checkpointing to the writer, as without it.
  worker.on('error', (error) => {
    onError(error instanceof Error ? error.message : String(error));
    giveBack();
  });
  db.pragma('wal_autocheckpoint = 0');
  return {
    committed() {
      if (stopped) return;
      if (running) wanted = true;
      else checkpoint();
    },
    async stop() {
      // Messages are handled in order: a checkpoint still wanted runs after the one under way, then the thread stops.
      if (wanted && !stopped) worker.postMessage('checkpoint');
      giveBack();
      worker.postMessage('stop');
      await exited;
    },
  };
}
