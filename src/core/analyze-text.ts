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
  return { ...parsed, title, titleGenerated, sentences, quotes, people, summary, gist };
}

/** Parses and analyses an article in the plain-text format (or bare body text). */
export function analyzeText(input: string, options: PlainTextOptions = {}): AnalyzedArticle {
  return analyzeParsed(parsePlainText(input, options), input);
}
