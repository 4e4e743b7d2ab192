import type { Span } from '../types.ts';
import { isBoilerplate, looksLikeCaption } from '../text/boilerplate.ts';
import { countWords } from '../text/words.ts';
import { plainSentenceCounts, type PlainSentence, type SentenceCounts } from './plain-sentence.ts';
import { longestUnpunctuatedRun } from './runs.ts';
import { createTermSpace, termVectorOf, wordsAndTerms, type TermSpace, type TermVector } from './terms.ts';

/** A body sentence that may go into the summary. */
export interface Candidate {
  /** Index into the input's sentences. */
  index: number;
  /** Order among the usable sentences (0 = lede). */
  rank: number;
  /** The sentence as shown: whitespace cleaned, a leading wire dateline removed. */
  text: string;
  words: number;
  /** Content-word stems and their counts, numbered in the term space of the article. */
  terms: TermVector;
  /** Longest run of words without punctuation; very long runs mark captions run into a sentence. */
  longestRun: number;
}

/** "(CNN)", "LONDON, England (CNN) --", "WASHINGTON (Reuters) -" at the start of a lede. */
const WIRE_DATELINE = /^(?:[\p{Lu}][\p{Lu}\p{L} .,'’-]{0,40}\s)?\((?:CNN|AP|AFP|Reuters|UPI|EW\.com|CNN Student News)\)\s*(?:[-–—]{1,2}\s*)?/u;

const WHITESPACE_RUNS = /[\s\u00a0\u200b]+/g;

/**
 * Whitespace to squeeze: a space at either end, two spaces in a row, any other whitespace, or a zero-width
 * space. Most sentences have none, and the test is cheaper than replacing every space with itself.
 */
const LOOSE_SPACE = /^ | $| {2}|[^\S ]|\u200b/;

const squeeze = (text: string): string => (LOOSE_SPACE.test(text) ? text.replace(WHITESPACE_RUNS, ' ').trim() : text);

/**
 * At most 42 characters of WIRE_DATELINE come before its "(" (at most 83 UTF-16 units, letters outside the
 * BMP taking two), and none of them is a "(": a sentence whose first "(" comes later has no dateline.
 */
const DATELINE_PAREN_MAX = 83;

/** Removes a leading wire dateline; most sentences are answered without running the expression. */
function dropWireDateline(text: string): string {
  const paren = text.indexOf('(');
  return paren === -1 || paren > DATELINE_PAREN_MAX ? text : text.replace(WIRE_DATELINE, '');
}

/** Cleans a sentence for display: whitespace runs become one space; a leading wire dateline goes. */
export function cleanSentence(text: string): string {
  return dropWireDateline(squeeze(text));
}

/** Sentences shorter than this are fragments ("Read more.", "Photos: AP."), unless the body has nothing longer. */
const FRAGMENT_WORDS = 4;

/** Anything but ASCII: lower-casing it may change where words start and end ("İ" becomes "i" and a combining dot). */
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * The displayed text of a squeezed sentence that is not boilerplate or a caption, or null. `plain` (its
 * counts, if it is plain) tells whether any word may open a furniture phrase or a picture marker.
 */
function shownOfSqueezed(squeezed: string, plain: PlainSentence | null = null): string | null {
  if (isBoilerplate(squeezed, plain?.furnitureOpener ?? true) || looksLikeCaption(squeezed, plain?.markerOpener ?? true)) return null;
  return dropWireDateline(squeezed); // cleanSentence, without squeezing the spaces again
}

/** The displayed text of a sentence that is not boilerplate or a caption, or null. */
function shownSentence(text: string, span: Span): string | null {
  return shownOfSqueezed(squeeze(text.slice(span.start, span.end)));
}

/**
 * The counts of a shown sentence in separate passes, for any text. The words and the terms come from one
 * scan of the lower-cased sentence where lower-casing moves no word boundary.
 */
function countsOf(shown: string): SentenceCounts {
  const { words, terms } = wordsAndTerms(shown.toLowerCase());
  return { words: NON_ASCII.test(shown) ? countWords(shown) : words, terms, longestRun: longestUnpunctuatedRun(shown) };
}

/**
 * The usable sentences of a body, in order: boilerplate, captions and fragments of fewer than four words
 * are dropped, except in a body that has nothing but such short sentences ("Rain fell."): it keeps them.
 * Spans in `sentences` index `text`.
 */
export function buildCandidates(text: string, sentences: Span[], space: TermSpace = createTermSpace(), minWords = FRAGMENT_WORDS): Candidate[] {
  const out: Candidate[] = [];
  for (let index = 0; index < sentences.length; index++) {
    const span = sentences[index]!;
    const raw = text.slice(span.start, span.end);
    // A plain sentence is counted in one pass, before it is known to be usable: nearly all sentences are.
    const plain = plainSentenceCounts(raw);
    const squeezed = plain === null ? squeeze(raw) : raw;
    const shown = shownOfSqueezed(squeezed, plain);
    if (shown === null) continue;
    const { words, terms, longestRun } = (shown === squeezed ? plain : plainSentenceCounts(shown)) ?? countsOf(shown);
    if (words < minWords) continue;
    out.push({ index, rank: out.length, text: shown, words, terms: termVectorOf(space, terms), longestRun });
  }
  return out.length > 0 || minWords === 1 ? out : buildCandidates(text, sentences, space, 1);
}

/** The first usable sentence (the lede), cleaned for display, or null; a short one only when there is no other. */
export function firstUsableSentence(text: string, sentences: Span[]): string | null {
  for (const minWords of [FRAGMENT_WORDS, 1]) {
    for (const span of sentences) {
      const shown = shownSentence(text, span);
      if (shown !== null && countWords(shown) >= minWords) return shown;
    }
  }
  return null;
}
