import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { ArticleFormatError } from '../core/parse/plain-text.ts';
import type { AppContext } from '../context.ts';
import type { SavePreparedInput, SaveResult, SaveStatus } from '../store/articles.ts';
import { createAnalysisPool, createInlineAnalysis, type AnalysisPool } from './analysis-pool.ts';
import { FileRejectedError, prepareArticleFile, type PreparedFile } from './article-file.ts';
import type { PreparedArticle } from '../store/prepared.ts';

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

/** Expands files and folders (recursively, `.txt` and `.md` only) into a sorted list of article files. */
export function collectArticleFiles(paths: string[]): { files: string[]; missing: FileReport[] } {
  const files: string[] = [];
  const missing: FileReport[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase()) && entry.name !== 'README.md') files.push(full);
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
    else files.push(full);
  }
  return { files, missing };
}

/** A file read and prepared for the store; or the reason it cannot be. */
type Prepared = { path: string; file: PreparedFile } | { path: string; error: unknown };

/** Reads and prepares one file (possibly on another thread); never rejects. */
async function prepareFile(path: string, timeZone: string, analysis: AnalysisPool): Promise<Prepared> {
  try {
    return { path, file: await analysis.prepare(path, timeZone) };
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
 * The files of a batch that need storing, with their store values; reports for the unchanged ones. A file
 * the analysis skipped because its content was stored is reported from the store, or analysed after all
 * if that article has gone since (deleted meanwhile).
 */
function sortOutUnchanged(ctx: AppContext, batch: Prepared[], timeZone: string): (Prepared | FileReport)[] {
  return batch.map((p) => {
    if (!('file' in p) || p.file.article !== null) return p;
    const stored = ctx.store.articles.withContent(p.file.contentHash);
    if (stored) return { path: p.path, status: 'unchanged', articleId: stored.id, title: stored.title, warnings: stored.warnings };
    try {
      return { path: p.path, file: prepareArticleFile(p.path, timeZone) };
    } catch (error) {
      return { path: p.path, error };
    }
  });
}

type ToStore = { path: string; file: PreparedFile & { article: PreparedArticle } };

/**
 * Stores a batch of prepared files in one transaction, each article all or nothing; if the transaction
 * itself fails (a full disk, say), nothing of it was kept and the files are stored one by one.
 */
function storeBatch(ctx: AppContext, batch: Prepared[], timeZone: string): FileReport[] {
  const ingestedAt = ctx.now().toISOString();
  const inputFor = ({ path, file }: ToStore): SavePreparedInput => ({
    article: file.article, contentHash: file.contentHash, sourceKey: `file:${path}`,
    source: { kind: 'file', locator: path, timeZone }, ingestedAt,
  });
  const sorted = sortOutUnchanged(ctx, batch, timeZone);
  const ready = sorted.filter((p): p is ToStore => 'file' in p && p.file.article !== null);
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
    if (!('file' in p)) return failureReport(ctx, p.path, p.error);
    const outcome = outcomes[next++]!;
    if (outcome instanceof Error) return failureReport(ctx, p.path, outcome);
    return { path: p.path, status: outcome.status, articleId: outcome.articleId, title: p.file.article!.title, warnings: p.file.warnings };
  });
}

/** Files stored per write transaction: one commit per batch is much cheaper than one per article. */
const FILES_PER_BATCH = 100;
/** From this many files on, articles are analysed on worker threads while the main thread stores them. */
const FILES_FOR_WORKERS = 200;

/**
 * Ingests files and folders; every good file is stored even when others fail. Reports come in file order.
 * Large runs analyse on worker threads, a couple of batches ahead of the batch being stored.
 */
export async function ingestPaths(ctx: AppContext, paths: string[], onProgress?: (done: number, total: number) => void): Promise<FileReport[]> {
  const { files, missing } = collectArticleFiles(paths);
  const reports: FileReport[] = [...missing];
  const timeZone = ctx.config.timeZone;
  const storePath = ctx.store.path === ':memory:' ? null : ctx.store.path;
  const analysis = files.length >= FILES_FOR_WORKERS
    ? createAnalysisPool(storePath)
    : createInlineAnalysis((contentHash) => ctx.store.articles.withContent(contentHash) !== null);
  const preparing: Promise<Prepared>[] = [];
  const prepareUpTo = (end: number): void => {
    while (preparing.length < Math.min(end, files.length)) preparing.push(prepareFile(files[preparing.length]!, timeZone, analysis));
  };
  try {
    for (let from = 0; from < files.length; from += FILES_PER_BATCH) {
      prepareUpTo(from + 3 * FILES_PER_BATCH);
      const batch = await Promise.all(preparing.slice(from, from + FILES_PER_BATCH));
      for (let i = from; i < from + batch.length; i++) delete preparing[i]; // let the analysed articles go once stored
      const stored = storeBatch(ctx, batch, timeZone);
      stored.forEach((_, i) => onProgress?.(from + i + 1, files.length));
      reports.push(...stored);
    }
  } finally {
    await analysis.close();
  }
  return reports;
}
