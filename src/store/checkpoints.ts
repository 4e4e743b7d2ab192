import { Worker } from 'node:worker_threads';
import type { Db } from './db.ts';

/** SQLite's own default: the writer checkpoints after a commit once the log holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;
/** The log may grow to about this many pages (64 MB) before it is copied in full and started again. */
const LOG_LIMIT_PAGES = 16_384;
/**
 * Commits between checkpoints. A checkpoint copies each page changed since the last one once, however many
 * commits changed it, and waits for the disk twice: the pages every commit touches (index roots, full-text
 * segments, people's counts) were copied after each commit. Ingest commits every 250 files, so this is a
 * checkpoint every ~20 MB of log. With commits every 100 files, the checkpoint thread's CPU per large ingest
 * halved (~1.0 to ~0.45 s for 10,000 articles, `bench --only ingest`); every 16 commits saved no more.
 */
const COMMITS_PER_CHECKPOINT = 8;

/** How often the thread checkpoints, and how large the log may grow; tests make both small. */
export interface CheckpointPacing {
  logLimitPages?: number;
  commitsPerCheckpoint?: number;
}

/**
 * Checkpoints of the write-ahead log, for a long run of writes (a large ingest), on a thread of their own.
 * A checkpoint copies the log into the database file and waits for the disk to flush it: done by SQLite
 * after a commit, as usual, it held the writing thread for 0.1-0.2 s every 4 MB, a quarter of a large
 * ingest's time (`bench --only ingest`). While these run, the writer's connection does not checkpoint, and a
 * second connection on a worker thread checkpoints after the commits it hears of, without blocking the
 * writer. Durability is unchanged: what is committed is in the log either way.
 */
export interface BackgroundCheckpoints {
  /** A transaction was committed: it will be checkpointed, with the next few. */
  committed(): void;
  /**
   * Resolves when the writer may write again: at once, unless the log has outgrown its limit. Then only
   * once a checkpoint has copied all of it, so that the next transaction starts the log again from its
   * beginning (while the writer commits, checkpoints never quite catch up with it, and the log only grows).
   */
  roomToWrite(): Promise<void>;
  /**
   * Stops the thread after its checkpoint under way, copies the rest of the log into the database file and
   * empties it, and gives checkpointing back to the writer's connection.
   */
  stop(): Promise<void>;
}

type Reply = { done: 'all' | 'stop' | null; error: string | null };

export function checkpointInBackground(db: Db, onError: (message: string) => void, pacing: CheckpointPacing = {}): BackgroundCheckpoints {
  const { logLimitPages = LOG_LIMIT_PAGES, commitsPerCheckpoint = COMMITS_PER_CHECKPOINT } = pacing;
  if (db.memory) return { committed() {}, roomToWrite: async () => {}, stop: async () => {} };
  const logPages = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), { workerData: { path: db.name, logPages: logPages.buffer, commitsPerCheckpoint } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let running = true;
  const waiting = new Map<'all' | 'stop', () => void>();

  const giveBack = (): void => {
    running = false;
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    for (const resolve of waiting.values()) resolve();
    waiting.clear();
  };
  const ask = (what: 'all' | 'stop'): Promise<void> =>
    new Promise<void>((resolve) => {
      waiting.set(what, resolve);
      worker.postMessage(what);
    });

  worker.on('message', (reply: Reply) => {
    if (reply.error !== null) onError(reply.error);
    if (reply.done) waiting.get(reply.done)?.();
  });
  // A thread that cannot start, or dies, leaves checkpointing to the writer, as without it.
  worker.on('error', (error) => {
    onError(error instanceof Error ? error.message : String(error));
    giveBack();
  });
  db.pragma('wal_autocheckpoint = 0');

  return {
    committed() {
      if (running) worker.postMessage('committed');
    },
    async roomToWrite() {
      if (running && Atomics.load(logPages, 0) >= logLimitPages) await ask('all');
    },
    async stop() {
      const wasRunning = running; // the writer has not been checkpointing
      if (running) await ask('stop');
      giveBack();
      await exited;
      // What the thread has not copied yet (the last commit or two), then the log emptied: its space, up to the
      // limit, is given back.
      if (wasRunning && db.open) db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
