import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { ArticleFormatError } from '../core/parse/plain-text.ts';
import type { AppContext } from '../context.ts';
import type { SaveStatus } from '../store/articles.ts';
import type { AnalyzedArticle } from '../core/types.ts';
import { createAnalysisPool, createInlineAnalysis, type AnalysisPool } from './analysis-pool.ts';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

export interface FileReport {
  path: string;
  status: SaveStatus | 'failed';
  reason?: string;
  articleId?: number;
  title?: string | null;
  warnings?: string[];
}

/** A file that cannot be read as an article; the message says why, in words a user understands. */
export class FileRejectedError extends Error {
  override name = 'FileRejectedError';
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

/** Reads an article file as UTF-8 text, rejecting what cannot be an article: empty, too big, binary, not UTF-8. */
export function readArticleFile(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new FileRejectedError(`file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB`);
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new FileRejectedError('empty file');
  if (bytes.includes(0)) throw new FileRejectedError('binary file (it contains NUL bytes), not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileRejectedError('not UTF-8 text (save it as UTF-8)');
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new FileRejectedError('empty file (only white space)');
  return text;
}

export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A file read and analysed, ready to be stored; or the reason it cannot be. */
type Prepared = { path: string; text: string; article: AnalyzedArticle } | { path: string; error: unknown };

/** Reads and analyses one file (the analysis possibly on another thread); never rejects. */
async function prepareFile(path: string, timeZone: string, analysis: AnalysisPool): Promise<Prepared> {
  try {
    const text = readArticleFile(path);
    return { path, text, article: await analysis.analyze(text, timeZone) };
  } catch (error) {
    return { path, error };
  }
}

/** Stores one prepared file as one all-or-nothing write; never throws for bad input, reports it instead. */
function storePrepared(ctx: AppContext, prepared: Prepared, timeZone: string): FileReport {
  const { path } = prepared;
  try {
    if ('error' in prepared) throw prepared.error;
    const { article, text } = prepared;
    const saved = ctx.store.articles.save({
      article,
      contentHash: contentHash(text),
      sourceKey: `file:${path}`,
      source: { kind: 'file', locator: path, timeZone },
      ingestedAt: ctx.now().toISOString(),
    });
    return { path, status: saved.status, articleId: saved.articleId, title: article.title, warnings: article.warnings };
  } catch (error) {
    if (error instanceof FileRejectedError || error instanceof ArticleFormatError) {
      return { path, status: 'failed', reason: error.message };
    }
    ctx.log.error({ err: error, path }, 'ingest failed unexpectedly');
    return { path, status: 'failed', reason: `could not be stored: ${(error as Error).message}` };
  }
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
  const analysis = files.length >= FILES_FOR_WORKERS ? createAnalysisPool() : createInlineAnalysis();
  const preparing: Promise<Prepared>[] = [];
  const prepareUpTo = (end: number): void => {
    while (preparing.length < Math.min(end, files.length)) preparing.push(prepareFile(files[preparing.length]!, timeZone, analysis));
  };
  try {
    for (let from = 0; from < files.length; from += FILES_PER_BATCH) {
      prepareUpTo(from + 3 * FILES_PER_BATCH);
      const batch = await Promise.all(preparing.slice(from, from + FILES_PER_BATCH));
      for (let i = from; i < from + batch.length; i++) delete preparing[i]; // let the analysed articles go once stored
      const storeBatch = (): FileReport[] => batch.map((prepared, i) => {
        const report = storePrepared(ctx, prepared, timeZone);
        onProgress?.(from + i + 1, files.length);
        return report;
      });
      try {
        reports.push(...ctx.store.batch(storeBatch));
      } catch (error) {
        // The commit itself failed (a full disk, say): nothing of the batch was kept, so store it file by file.
        ctx.log.warn({ err: error, files: batch.length }, 'a batch of files could not be committed; storing them one by one');
        reports.push(...storeBatch());
      }
    }
  } finally {
    await analysis.close();
  }
  return reports;
}
