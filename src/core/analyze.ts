import type { AnalyzedArticle } from './types.ts';
import { parseHtml, type ParseHtmlOptions } from './parse/html.ts';
import { analyzeParsed } from './analyze-text.ts';

export { analyzeParsed, analyzeText } from './analyze-text.ts';

/** Extracts and analyses an HTML page; spans index into the extracted `body`. */
export function analyzeHtml(html: string, options: ParseHtmlOptions = {}): AnalyzedArticle {
  const parsed = parseHtml(html, options);
  return analyzeParsed(parsed, parsed.body);
}
