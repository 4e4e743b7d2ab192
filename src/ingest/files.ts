import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { ArticleFormatError } from '../core/parse/plain-text.ts';
import type { AppContext } from '../context.ts';
import type { SavePreparedInput, SaveResult, SaveStatus } from '../store/articles.ts';
import type { BackgroundCheckpoints } from '../store/checkpoints.ts';
import { createAnalysisPool, createInlineAnalysis, type AnalysisPool } from './analysis-pool.ts';
import { analyseArticleText, bytesContentHash, FileRejectedError, readArticleBytes, readArticleFile, type AnalysedText } from './article-file.ts';

export { contentHash, FileRejectedError, MAX_FILE_BYTES, readArticleFile } from './article-file.ts';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

export interface FileReport {
  path: string;
  status: SaveStatus | 'failed';
  reason?: string;
  articleId?: number;
  title?: string | null;
  warnings?: string[];
}

/**
 * Expands files and folders (recursively, `.txt` and `.md` only) into a sorted list of article files;
 * `onFound` hears how many have been found so far, as the walk goes.
 */
export function collectArticleFiles(paths: string[], onFound?: (count: number) => void): { files: string[]; missing: FileReport[] } {
  const files: string[] = [];
  const missing: FileReport[] = [];
  const found = (file: string): void => {
    files.push(file);
    onFound?.(files.length);
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase()) && entry.name !== 'README.md') found(full);
    }
  };
  for (const p of paths) {
    const full = resolve(p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      missing.push({ path: p, status: 'failed', reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) walk(full);
    else found(full);
  }
  return { files, missing };
}

/**
 * A file read, hashed and analysed for the store; `analysed` is null for content the store held already,
 * which is not analysed again. Or the reason the file cannot be stored.
 */
type Prepared = { path: string; contentHash: string; analysed: AnalysedText | null } | { path: string; error: unknown };

/**
 * Reads and hashes one file here and has it analysed (possibly on another thread) unless the store holds
 * its content already: re-ingesting a folder of unchanged files then costs a fraction of analysing it.
 * `size` is what the file holds in memory until it is stored: its bytes, or 0 for content stored already
 * or a file that cannot be read. `prepared` never rejects.
 */
function startFile(ctx: AppContext, path: string, analysis: AnalysisPool): { size: number; prepared: Promise<Prepared> } {
  try {
    const bytes = readArticleBytes(path);
    const contentHash = bytesContentHash(bytes);
    if (ctx.store.articles.withContent(contentHash)) return { size: 0, prepared: Promise.resolve({ path, contentHash, analysed: null }) };
    const prepared = analysis.analyse(bytes, ctx.config.timeZone).then(
      (analysed): Prepared => ({ path, contentHash, analysed }),
      (error: unknown): Prepared => ({ path, error }),
    );
    return { size: bytes.length, prepared };
  } catch (error) {
    return { size: 0, prepared: Promise.resolve({ path, error }) };
  }
}

/** The report for a file that could not be read, parsed or stored, in words a user understands. */
function failureReport(ctx: AppContext, path: string, error: unknown): FileReport {
  if (error instanceof FileRejectedError || error instanceof ArticleFormatError) return { path, status: 'failed', reason: error.message };
  ctx.log.error({ err: error, path }, 'ingest failed unexpectedly');
  return { path, status: 'failed', reason: `could not be stored: ${(error as Error).message}` };
}

/**
 * Reports for the files of a batch whose content was stored already, from the store; such a file whose
 * article has gone since it was read (deleted meanwhile) is analysed after all and stored again.
 */
function sortOutUnchanged(ctx: AppContext, batch: Prepared[]): (Prepared | FileReport)[] {
  return batch.map((p) => {
    if (!('analysed' in p) || p.analysed !== null) return p;
    const stored = ctx.store.articles.withContent(p.contentHash);
    if (stored) return { path: p.path, status: 'unchanged', articleId: stored.id, title: stored.title, warnings: stored.warnings };
    try {
      return { ...p, analysed: analyseArticleText(readArticleFile(p.path), ctx.config.timeZone) };
    } catch (error) {
      return { path: p.path, error };
    }
  });
}

type ToStore = { path: string; contentHash: string; analysed: AnalysedText };

/**
 * Stores a batch of prepared files in one transaction, each article all or nothing; if the transaction
 * itself fails (a full disk, say), nothing of it was kept and the files are stored one by one.
 */
function storeBatch(ctx: AppContext, batch: Prepared[]): FileReport[] {
  const ingestedAt = ctx.now().toISOString();
  const { timeZone } = ctx.config;
  const inputFor = ({ path, contentHash, analysed }: ToStore): SavePreparedInput => ({
    article: analysed.article, contentHash, sourceKey: `file:${path}`,
    source: { kind: 'file', locator: path, timeZone }, ingestedAt,
  });
  const sorted = sortOutUnchanged(ctx, batch);
  const ready = sorted.filter((p): p is ToStore => 'analysed' in p && p.analysed !== null);
  let outcomes: (SaveResult | Error)[];
  try {
    outcomes = ctx.store.articles.saveMany(ready.map(inputFor));
  } catch (error) {
    ctx.log.warn({ err: error, files: ready.length }, 'a batch of files could not be committed; storing them one by one');
    outcomes = ready.map((p) => {
      try {
        return ctx.store.articles.savePrepared(inputFor(p));
      } catch (failure) {
        return failure instanceof Error ? failure : new Error(String(failure));
      }
    });
  }
  let next = 0;
  return sorted.map((p): FileReport => {
    if ('status' in p) return p;
    if ('error' in p) return failureReport(ctx, p.path, p.error);
    const outcome = outcomes[next++]!;
    if (outcome instanceof Error) return failureReport(ctx, p.path, outcome);
    const { article, warnings } = p.analysed!;
    return { path: p.path, status: outcome.status, articleId: outcome.articleId, title: article.title, warnings };
  });
}

/** How much of a run ingest holds in memory at once. */
export interface IngestLimits {
  /**
   * Files stored per write transaction: one commit per batch is much cheaper than one per article. A commit
   * rewrites the pages every batch touches (index roots, full-text segments, people's counts): 250 files
   * took 7% less of the main thread's CPU than 100 (`bench --only ingest`, paired runs).
   */
  filesPerBatch: number;
  /** A batch ends sooner once its files come to this many bytes: each holds its text and results until stored. */
  bytesPerBatch: number;
  /**
   * Batches read and sent for analysis ahead of the one being stored: enough work queued that the workers
   * never wait while the main thread stores a batch or is held up by the disk.
   */
  batchesAhead: number;
  /** Reading ahead also stops at this many bytes read and not stored yet; the next batch is always read whole. */
  bytesAhead: number;
}

/** News articles are a few KB: these bind only for large files (up to 2 MB each), which would otherwise take GBs. */
const LIMITS: IngestLimits = { filesPerBatch: 250, bytesPerBatch: 16 * 1024 * 1024, batchesAhead: 4, bytesAhead: 64 * 1024 * 1024 };

/** From this many files on, articles are analysed on worker threads while the main thread stores them. */
const FILES_FOR_WORKERS = 200;

/**
 * The files of a run, read in order and grouped into write batches as they are read (see IngestLimits),
 * each batch's files prepared by the time it is asked for.
 */
function readAhead(ctx: AppContext, files: string[], analysis: AnalysisPool, limits: IngestLimits) {
  const preparing: Promise<Prepared>[] = [];
  const sizes: number[] = [];
  const starts = [0]; // the first file of each batch started
  let inBatch = 0; // bytes of the batch being read
  let held = 0; // bytes read and not stored yet

  const readNext = (): void => {
    const i = preparing.length;
    const start = starts[starts.length - 1]!;
    if (i > start && (i - start >= limits.filesPerBatch || inBatch >= limits.bytesPerBatch)) {
      starts.push(i);
      inBatch = 0;
    }
    const { size, prepared } = startFile(ctx, files[i]!, analysis);
    preparing.push(prepared);
    sizes.push(size);
    inBatch += size;
    held += size;
  };

  return {
    /** Batch `b`, once its files are prepared (with `from`, its first file's index), or null past the last one. */
    async batch(b: number): Promise<{ from: number; prepared: Prepared[] } | null> {
      // Batch b is known whole once the next one has started, or every file is read.
      while (starts.length <= b + 1 && preparing.length < files.length) readNext();
      while (starts.length <= b + limits.batchesAhead && held < limits.bytesAhead && preparing.length < files.length) readNext();
      const from = starts[b];
      if (from === undefined || from >= files.length) return null;
      return { from, prepared: await Promise.all(preparing.slice(from, starts[b + 1] ?? files.length)) };
    },
    /** The batch from `from` is stored: its files no longer count as held, and their results can go. */
    stored(from: number, count: number): void {
      for (let i = from; i < from + count; i++) {
        held -= sizes[i]!;
        delete preparing[i];
      }
    },
  };
}

/**
 * Ingests files and folders; every good file is stored even when others fail. Reports come in file order.
 * Large runs analyse on worker threads, a few batches ahead of the batch being stored (IngestLimits).
 */
export async function ingestPaths(
  ctx: AppContext, paths: string[], onProgress?: (done: number, total: number) => void, limits: Partial<IngestLimits> = {},
): Promise<FileReport[]> {
  // Workers start as soon as the walk has found enough files to need them: their start-up (a few tenths of
  // a second, loading the analysers) overlaps the rest of the walk.
  const started: { workers?: AnalysisPool; checkpoints?: BackgroundCheckpoints } = {};
  try {
    const { files, missing } = collectArticleFiles(paths, (count) => {
      if (count === FILES_FOR_WORKERS) started.workers = createAnalysisPool();
    });
    const analysis = started.workers ?? createInlineAnalysis();
    // A large run writes for a long while: the store's checkpoints then wait for the disk on a thread of their own.
    if (started.workers) started.checkpoints = ctx.store.checkpointInBackground((message) => ctx.log.warn({ message }, 'a background checkpoint failed'));
    const reports: FileReport[] = [...missing];
    const ahead = readAhead(ctx, files, analysis, { ...LIMITS, ...limits });
    for (let b = 0; ; b++) {
      const next = await ahead.batch(b);
      if (!next) break;
      const { from, prepared } = next;
      await started.checkpoints?.roomToWrite();
      const stored = storeBatch(ctx, prepared);
      started.checkpoints?.committed();
      ahead.stored(from, prepared.length);
      stored.forEach((_, i) => onProgress?.(from + i + 1, files.length));
      reports.push(...stored);
    }
    return reports;
  } finally {
    await started.checkpoints?.stop();
    await started.workers?.close(); // the inline analysis has nothing to close
  }
}
