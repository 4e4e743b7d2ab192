import type { Span } from '../types.ts';
import { isBoilerplate, looksLikeCaption } from '../text/boilerplate.ts';
import { countWords } from '../text/normalize.ts';
import { contentTerms, termCounts } from './terms.ts';

/** A body sentence that may go into the summary. */
export interface Candidate {
  /** Index into the input's sentences. */
  index: number;
  /** Order among the usable sentences (0 = lede). */
  rank: number;
  /** The sentence as shown: whitespace cleaned, a leading wire dateline removed. */
  text: string;
  words: number;
  terms: Map<string, number>;
  /** Longest run of words without punctuation; very long runs mark captions run into a sentence. */
  longestRun: number;
}

/** "(CNN)", "LONDON, England (CNN) --", "WASHINGTON (Reuters) -" at the start of a lede. */
const WIRE_DATELINE = /^(?:[\p{Lu}][\p{Lu}\p{L} .,'’-]{0,40}\s)?\((?:CNN|AP|AFP|Reuters|UPI|EW\.com|CNN Student News)\)\s*(?:[-–—]{1,2}\s*)?/u;

/** Cleans a sentence for display: whitespace runs become one space; a leading wire dateline goes. */
export function cleanSentence(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim().replace(WIRE_DATELINE, '');
}

/** Longest run of words with no comma, colon, bracket, dash or quotation mark between them. */
export function longestUnpunctuatedRun(text: string): number {
  let best = 0;
  for (const part of text.split(/[,;:()"“”‘’\u2013\u2014]|\s-\s|'(?!\p{L})|(?<!\p{L})'/u)) {
    const n = part.trim().split(/\s+/).filter(Boolean).length;
    if (n > best) best = n;
  }
  return best;
}

/** The displayed text of a usable sentence, or null for boilerplate, captions and fragments. */
function usableText(text: string, span: Span): string | null {
  const raw = text.slice(span.start, span.end).replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  if (isBoilerplate(raw) || looksLikeCaption(raw)) return null;
  const shown = cleanSentence(raw);
  return countWords(shown) < 4 ? null : shown;
}

/**
 * The usable sentences of a body, in order: boilerplate, captions and fragments of fewer than four words
 * are dropped. Spans in `sentences` index `text`.
 */
export function buildCandidates(text: string, sentences: Span[]): Candidate[] {
  const out: Candidate[] = [];
  sentences.forEach((span, index) => {
    const shown = usableText(text, span);
    if (shown === null) return;
    const words = countWords(shown);
    out.push({ index, rank: out.length, text: shown, words, terms: termCounts(contentTerms(shown)), longestRun: longestUnpunctuatedRun(shown) });
  });
  return out;
}

/** The first usable sentence (the lede), cleaned for display, or null. */
export function firstUsableSentence(text: string, sentences: Span[]): string | null {
  for (const span of sentences) {
    const shown = usableText(text, span);
    if (shown !== null) return shown;
  }
  return null;
}
