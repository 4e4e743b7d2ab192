import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { analyzeText } from '../core/analyze-text.ts';
import { prepareArticle, type PreparedArticle } from '../store/prepared.ts';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A file that cannot be read as an article; the message says why, in words a user understands. */
export class FileRejectedError extends Error {
  override name = 'FileRejectedError';
}

/**
 * Reads an article file's bytes, rejecting what cannot be an article without decoding it: empty, too big,
 * binary. `decodeArticle` rejects the rest. Ingest hashes the bytes and leaves the decoding to the thread that
 * analyses them: a text decoded on the main thread only waited there, a few MB of strings that lived just long
 * enough to be copied by each of its garbage collections (`bench --only ingest`).
 */
export function readArticleBytes(path: string): Uint8Array {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new FileRejectedError(`file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB`);
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new FileRejectedError('empty file');
  if (bytes.includes(0)) throw new FileRejectedError('binary file (it contains NUL bytes), not text');
  return bytes;
}

/** An article file's text from its bytes (a leading byte order mark dropped), rejecting what is not UTF-8 or is blank. */
export function decodeArticle(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileRejectedError('not UTF-8 text (save it as UTF-8)');
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new FileRejectedError('empty file (only white space)');
  return text;
}

/** Reads an article file as UTF-8 text, rejecting what cannot be an article: empty, too big, binary, not UTF-8. */
export const readArticleFile = (path: string): string => decodeArticle(readArticleBytes(path));

export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * `contentHash` of the text of a file's bytes, without decoding them: UTF-8 text hashes as its bytes, less
 * the byte order mark that decoding drops. (Bytes that are not UTF-8 hash to something no stored text has.)
 */
export function bytesContentHash(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return createHash('sha256').update(bom ? bytes.subarray(3) : bytes).digest('hex');
}

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

/** Analyses an article file's bytes (`readArticleBytes`); throws what `decodeArticle` and the parser throw. */
export const analyseArticleBytes = (bytes: Uint8Array, timeZone: string): AnalysedText => analyseArticleText(decodeArticle(bytes), timeZone);
