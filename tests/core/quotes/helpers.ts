import type { Quote, Span } from '../../../src/core/types.ts';
import { findQuotes, type QuoteResult } from '../../../src/core/quotes/index.ts';
import { splitSentences } from '../../../src/core/text/sentences.ts';

/** Paragraphs separated by blank lines, as spans into `text`. */
export function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n\s*\n/g)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out.filter((p) => text.slice(p.start, p.end).trim() !== '');
}

/** Runs the quote finder on a body text of blank-line paragraphs. */
export function analyse(text: string, ignoreNames: string[] = []): QuoteResult {
  const paragraphs = paragraphsOf(text);
  return findQuotes({ text, paragraphs, sentences: splitSentences(text, paragraphs), ignoreNames });
}

/** The quote whose text contains `fragment`. */
export function quoteWith(quotes: Quote[], fragment: string): Quote {
  const q = quotes.find((x) => x.text.includes(fragment));
  if (!q) throw new Error(`no quote contains ${JSON.stringify(fragment)}; quotes: ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

/** The text a quote's envelope covers. */
export const envelope = (text: string, q: Quote): string => text.slice(q.start, q.end);
