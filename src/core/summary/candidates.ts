import type { Span } from '../types.ts';
import { isBoilerplate, looksLikeCaption } from '../text/boilerplate.ts';
import { countWords, letterAt, letterBefore, spaceAt } from '../text/words.ts';
import { createTermSpace, termVectorOf, wordsAndTerms, type TermSpace, type TermVector, type WordsAndTerms } from './terms.ts';

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

/** Characters that end a run by themselves: `[,;:()"“”‘’\u2013\u2014]`. */
function isRunBreakChar(c: number): boolean {
  if (c < 128) return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 34;
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2013 || c === 0x2014;
}

/**
 * Length of the run break at `i`, or 0: a break character, a spaced hyphen `\s-\s`, or an apostrophe
 * that is not between two letters. These are the matches of `text.split(RUN_BREAKS)` with
 * RUN_BREAKS = /[,;:()"“”‘’\u2013\u2014]|\s-\s|'(?!\p{L})|(?<!\p{L})'/u, tried at `i` in that order.
 */
function runBreakAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isRunBreakChar(c)) return 1;
  if (i + 2 < text.length && text.charCodeAt(i + 1) === 45 && spaceAt(text, i) && spaceAt(text, i + 2)) return 3;
  if (c === 39 && (i + 1 === text.length || !letterAt(text, i + 1) || !letterBefore(text, i))) return 1;
  return 0;
}

/**
 * Longest run of words with no comma, colon, bracket, dash or quotation mark between them: the most
 * whitespace-separated pieces between two run breaks (see runBreakAt), found in one pass without splitting.
 */
export function longestUnpunctuatedRun(text: string): number {
  let best = 0;
  let pieces = 0;
  let inPiece = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      // Most characters: an ASCII letter or digit is never a run break and never a space.
      if (!inPiece) {
        inPiece = true;
        pieces++;
      }
      i++;
      continue;
    }
    const breakLength = runBreakAt(text, i);
    if (breakLength > 0) {
      if (pieces > best) best = pieces;
      pieces = 0;
      inPiece = false;
      i += breakLength;
      continue;
    }
    if (spaceAt(text, i)) inPiece = false;
    else if (!inPiece) {
      inPiece = true;
      pieces++;
    }
    i++;
  }
  return pieces > best ? pieces : best;
}

/** Sentences shorter than this are fragments ("Read more.", "Photos: AP."), unless the body has nothing longer. */
const FRAGMENT_WORDS = 4;

/** Anything but ASCII: lower-casing it may change where words start and end ("İ" becomes "i" and a combining dot). */
const NON_ASCII = /[^\u0000-\u007f]/;

/** The displayed text of a sentence that is not boilerplate or a caption, or null. */
function shownSentence(text: string, span: Span): string | null {
  const squeezed = squeeze(text.slice(span.start, span.end));
  if (isBoilerplate(squeezed) || looksLikeCaption(squeezed)) return null;
  return dropWireDateline(squeezed); // cleanSentence, without squeezing the spaces again
}

/** The word count and the terms of a shown sentence, in one scan where lower-casing moves no word boundary. */
function wordsAndTermsOf(shown: string): WordsAndTerms {
  const found = wordsAndTerms(shown.toLowerCase());
  if (NON_ASCII.test(shown)) found.words = countWords(shown);
  return found;
}

/**
 * The usable sentences of a body, in order: boilerplate, captions and fragments of fewer than four words
 * are dropped, except in a body that has nothing but such short sentences ("Rain fell."): it keeps them.
 * Spans in `sentences` index `text`.
 */
export function buildCandidates(text: string, sentences: Span[], space: TermSpace = createTermSpace(), minWords = FRAGMENT_WORDS): Candidate[] {
  const out: Candidate[] = [];
  for (let index = 0; index < sentences.length; index++) {
    const shown = shownSentence(text, sentences[index]!);
    if (shown === null) continue;
    const { words, terms } = wordsAndTermsOf(shown);
    if (words < minWords) continue;
    out.push({ index, rank: out.length, text: shown, words, terms: termVectorOf(space, terms), longestRun: longestUnpunctuatedRun(shown) });
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
