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
 * its content already: re-ingesting a folder of unchanged files then costs a fraction of analysing it. Never rejects.
 */
async function prepareFile(ctx: AppContext, path: string, analysis: AnalysisPool): Promise<Prepared> {
  try {
    const bytes = readArticleBytes(path);
    const hash = bytesContentHash(bytes);
    if (ctx.store.articles.withContent(hash)) return { path, contentHash: hash, analysed: null };
    return { path, contentHash: hash, analysed: await analysis.analyse(bytes, ctx.config.timeZone) };
  } catch (error) {
    return { path, error };
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

/**
 * Files stored per write transaction: one commit per batch is much cheaper than one per article. A commit
 * rewrites the pages every batch touches (index roots, full-text segments, people's counts): 250 files
 * took 7% less of the main thread's CPU than 100 (`bench --only ingest`, paired runs).
 */
const FILES_PER_BATCH = 250;
/**
 * Batches read and sent for analysis ahead of the one being stored: enough work queued that the workers
 * never wait while the main thread stores a batch or is held up by the disk (a few MB of texts and results).
 */
const BATCHES_AHEAD = 4;
/** From this many files on, articles are analysed on worker threads while the main thread stores them. */
const FILES_FOR_WORKERS = 200;

/**
 * Ingests files and folders; every good file is stored even when others fail. Reports come in file order.
 * Large runs analyse on worker threads, up to BATCHES_AHEAD batches ahead of the batch being stored.
 */
export async function ingestPaths(ctx: AppContext, paths: string[], onProgress?: (done: number, total: number) => void): Promise<FileReport[]> {
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
    const preparing: Promise<Prepared>[] = [];
    const prepareUpTo = (end: number): void => {
      while (preparing.length < Math.min(end, files.length)) preparing.push(prepareFile(ctx, files[preparing.length]!, analysis));
    };
    for (let from = 0; from < files.length; from += FILES_PER_BATCH) {
      prepareUpTo(from + BATCHES_AHEAD * FILES_PER_BATCH);
      const batch = await Promise.all(preparing.slice(from, from + FILES_PER_BATCH));
      for (let i = from; i < from + batch.length; i++) delete preparing[i]; // let the analysed articles go once stored
      await started.checkpoints?.roomToWrite();
      const stored = storeBatch(ctx, batch);
      started.checkpoints?.committed();
      stored.forEach((_, i) => onProgress?.(from + i + 1, files.length));
      reports.push(...stored);
    }
    return reports;
  } finally {
    await started.checkpoints?.stop();
    await started.workers?.close(); // the inline analysis has nothing to close
  }
}
