import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { analyzeText } from '../core/analyze-text.ts';
import { prepareArticle, type PreparedArticle } from '../store/prepared.ts';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A file that cannot be read as an article; the message says why, in words a user understands. */
export class FileRejectedError extends Error {
  override name = 'FileRejectedError';
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

/** An article's text analysed and turned into the store's values: all the work but the SQL. */
export interface AnalysedText {
  article: PreparedArticle;
  warnings: string[];
}

/** Analyses an article's text (on whichever thread calls it); throws what the parser throws. */
export function analyseArticleText(text: string, timeZone: string): AnalysedText {
  const article = analyzeText(text, { timeZone });
  return { article: prepareArticle(article), warnings: article.warnings };
}
