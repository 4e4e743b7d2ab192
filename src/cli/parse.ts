import { createInterface } from 'node:readline';
import { analyzeHtml, analyzeText } from '../core/analyze.ts';
import { looksLikeHtml } from '../core/parse/detect.ts';
import type { AnalyzedArticle } from '../core/types.ts';
import { loadConfig } from '../config.ts';
import { readArticleFile } from '../ingest/files.ts';
import { parseOptions, UsageError } from './shared.ts';
import { renderArticleText } from './render-article.ts';

/**
 * `quotewire parse FILE [--json]` parses one file without storing it.
 * `quotewire parse --jsonl` reads `{id, text, date?}` or `{id, html, url?}` lines on standard input and
 * writes `{id, ...article}` (or `{id, error}`) lines in the same order: the batch interface for evaluation.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, timezone: { type: 'string' } });
  const timeZone = values.timezone ?? loadConfig().timeZone;
  if (values.jsonl) {
    if (positionals.length > 0) throw new UsageError('--jsonl reads standard input; give no file');
    await parseJsonLines(timeZone);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one file, e.g. quotewire parse seeds/sheinbaum-rejects-troops.txt');
  const path = positionals[0]!;
  let article: AnalyzedArticle;
  try {
    const text = readArticleFile(path);
    article = /\.html?$/i.test(path) || looksLikeHtml(text) ? analyzeHtml(text, { timeZone }) : analyzeText(text, { timeZone });
  } catch (error) {
    console.error(`quotewire parse: ${path}: ${(error as Error).message}`);
    return 1;
  }
  console.log(values.json ? JSON.stringify(article, null, 2) : renderArticleText(article));
  return 0;
}

function parseLine(line: string, timeZone: string): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: 'not valid JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { id: null, error: 'expected a JSON object' };
  const { id = null, text, html, url, date } = input as Record<string, unknown>;
  try {
    if (typeof html === 'string') return { id, ...analyzeHtml(html, { url: typeof url === 'string' ? url : null, timeZone }) };
    if (typeof text !== 'string') return { id, error: 'expected a "text" (or "html") string field' };
    return { id, ...analyzeText(text, { timeZone, ...(typeof date === 'string' ? { date } : {}) }) };
  } catch (error) {
    return { id, error: (error as Error).message };
  }
}

async function parseJsonLines(timeZone: string): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buffered: string[] = [];
  const flush = async (): Promise<void> => {
    if (buffered.length === 0) return;
    const chunk = buffered.join('');
    buffered = [];
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    buffered.push(`${JSON.stringify(parseLine(line, timeZone))}\n`);
    if (buffered.length >= 64) await flush();
  }
  await flush();
}
