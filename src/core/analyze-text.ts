import type { AnalyzedArticle, ParsedArticle } from './types.ts';
import { parsePlainText, type PlainTextOptions } from './parse/plain-text.ts';
import { creditName } from './parse/header.ts';
import { splitSentences } from './text/sentences.ts';
import { findQuotes } from './quotes/index.ts';
import { summarize } from './summary/index.ts';
import { generateHeadline } from './summary/headline.ts';

// The analysis without the HTML parser: analyze.ts adds analyzeHtml, whose DOM, readability and date
// parsing libraries take a couple of CPU-seconds to load. Ingest workers for plain-text files import this.

/**
 * Runs the whole analysis on a parsed article: sentences, quotes and people, summary, and a headline
 * when the source had none. `text` is the string the parsed spans refer to (the input for plain text,
 * `body` for HTML).
 */
export function analyzeParsed(parsed: ParsedArticle, text: string): AnalyzedArticle {
  const sentences = splitSentences(text, parsed.paragraphs);
  const photographer = parsed.photoCredit ? creditName(parsed.photoCredit) : null;
  const ignoreNames = [...parsed.authors, ...(photographer ? [photographer] : [])];
  const { quotes, people } = findQuotes({ text, paragraphs: parsed.paragraphs, sentences, ignoreNames });
  let { title, titleGenerated } = parsed;
  if (!title) {
    title = generateHeadline(text, sentences);
    titleGenerated = title !== null;
  }
  const { summary, gist } = summarize({ text, paragraphs: parsed.paragraphs, sentences, title, quotes, people });
  // Field by field, in the order of the spread `{ ...parsed, title, ... }` it replaces: V8 copies an object
  // this wide with overridden fields markedly slower (it took ~2% of the whole analysis).
  return {
    title, titleGenerated, date: parsed.date, publishedAt: parsed.publishedAt, timeZone: parsed.timeZone,
    timeZoneAssumed: parsed.timeZoneAssumed, dateline: parsed.dateline, author: parsed.author, authors: parsed.authors,
    outlet: parsed.outlet, caption: parsed.caption, photoCredit: parsed.photoCredit, url: parsed.url,
    imageUrl: parsed.imageUrl, body: parsed.body, paragraphs: parsed.paragraphs, warnings: parsed.warnings,
    sentences, quotes, people, summary, gist,
  };
}

/** Parses and analyses an article in the plain-text format (or bare body text). */
export function analyzeText(input: string, options: PlainTextOptions = {}): AnalyzedArticle {
  return analyzeParsed(parsePlainText(input, options), input);
}
