import { rmSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/store/prepared.ts';
import { createTestContext } from '../helpers/context.ts';
import { makeArticle } from '../helpers/articles.ts';

let ctx: ReturnType<typeof createTestContext>;
beforeEach(() => {
  ctx = createTestContext();
});
afterEach(() => ctx.cleanup());

const saveArticles = (from: number, count: number): void => {
  ctx.store.articles.saveMany(Array.from({ length: count }, (_, k) => ({
    article: prepareArticle(makeArticle({ title: `Ferry timetable, part ${from + k}`, body: `Boats leave the harbour at ${from + k} past the hour. `.repeat(40) })),
    contentHash: `hash-${from + k}`, sourceKey: `file:/ferry-${from + k}.txt`, source: null, ingestedAt: '2025-06-01T12:00:00.000Z',
  })));
};

/** The size of the database file itself: what a checkpoint has copied there from the write-ahead log. */
const fileSize = (): number => statSync(ctx.config.dbPath).size;
const logSize = (): number => statSync(`${ctx.config.dbPath}-wal`).size;
/** Nine tenths of what the articles' bodies alone come to. */
const STORED_BYTES = 100 * 40 * 40;

describe('checkpoints on a thread of their own', () => {
  it('copy what the writer commits into the database file every few commits, and give checkpointing back when stopped', async () => {
    const errors: string[] = [];
    const before = fileSize();
    const checkpoints = ctx.store.checkpointInBackground((message) => errors.push(message), { commitsPerCheckpoint: 3 });
    expect(ctx.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    for (let batch = 0; batch < 2; batch++) {
      saveArticles(batch * 20, 20);
      checkpoints.committed();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fileSize()).toBe(before); // two commits: none copied yet
    saveArticles(40, 20);
    checkpoints.committed();
    await expect.poll(fileSize).toBeGreaterThan(before + (STORED_BYTES * 3) / 5); // the third: the three are copied
    for (let batch = 3; batch < 5; batch++) {
      saveArticles(batch * 20, 20);
      checkpoints.committed();
    }
    await checkpoints.stop();
    expect(errors).toEqual([]);
    expect(ctx.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // Stopping copies what was committed since the last checkpoint: the articles are in the file itself, and the log is empty.
    expect(fileSize() - before).toBeGreaterThan(STORED_BYTES);
    expect(logSize()).toBe(0);
    expect(ctx.store.articles.count()).toBe(100);
  });

  it('are what copies the log when the writer does not (the comparison the test above rests on)', () => {
    const before = fileSize();
    ctx.store.db.pragma('wal_autocheckpoint = 0');
    for (let batch = 0; batch < 5; batch++) saveArticles(batch * 20, 20);
    expect(fileSize()).toBe(before);
  });

  it('keep the log within its limit while the writer writes on', async () => {
    const LIMIT_PAGES = 40;
    /** The log's largest size over 60 batches written back to back, as by an ingest whose files are read ahead. */
    const largestLog = async (checkpointing: boolean): Promise<number> => {
      const checkpoints = checkpointing ? ctx.store.checkpointInBackground(() => {}, { logLimitPages: LIMIT_PAGES, commitsPerCheckpoint: 1 }) : null;
      if (!checkpoints) ctx.store.db.pragma('wal_autocheckpoint = 0');
      else {
        // The thread takes a moment to start (the log grows meanwhile): from its first checkpoint it keeps up.
        const before = fileSize();
        saveArticles(1200, 20);
        checkpoints.committed();
        await expect.poll(fileSize).toBeGreaterThan(before);
      }
      let largest = 0;
      for (let batch = 0; batch < 60; batch++) {
        await checkpoints?.roomToWrite();
        saveArticles(batch * 20, 20);
        checkpoints?.committed();
        largest = Math.max(largest, logSize());
      }
      await checkpoints?.stop();
      return largest;
    };
    const bounded = await largestLog(true);
    expect(ctx.store.articles.count()).toBe(1220);
    ctx.cleanup();
    ctx = createTestContext();
    // What the batches write: the log with no checkpoint at all, ~55 pages a batch.
    const written = await largestLog(false);
    expect(written).toBeGreaterThan(1500 * 4096);
    // While the writer commits, checkpoints never quite catch up with it: the log reached all of `written` when the
    // writer did not wait for room. Waiting once the log is over its limit starts it again, every few batches.
    expect(bounded).toBeLessThan(written / 4);
  });

  it('that cannot start leave checkpointing to the writer, and say why', async () => {
    rmSync(ctx.config.dbPath); // the writer goes on with the file it has open; a new connection finds none
    const errors: string[] = [];
    const checkpoints = ctx.store.checkpointInBackground((message) => errors.push(message));
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toMatch(/^cannot open .*quotewire\.db for checkpoints: unable to open database file/);
    expect(ctx.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    saveArticles(0, 5);
    checkpoints.committed();
    await checkpoints.stop();
    expect(ctx.store.articles.count()).toBe(5);
  });
});
