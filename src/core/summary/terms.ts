/** Content-word bags for comparing sentences: lower case, stop words dropped, a light suffix stemmer. */

import { rememberingUpTo } from '../text/memo.ts';
import { letterAt, letterOrDigitRunEnd, letterRunEnd, nextWordStart, wordEnd } from '../text/words.ts';

const STOP_WORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers herself ' +
    'him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or ' +
    'other our ours ourselves out over own same she should so some such than that the their theirs them themselves then ' +
    'there these they this those through to too under until up very was we were what when where which while who whom why ' +
    'will with would you your yours yourself yourselves said says say told according mr mrs ms dr one two new last year ' +
    'years also like just get got us may might must shall many much even still back well way made make since around ' +
    'however yesterday today week month time first being')
    .split(' '),
);

/** Suffixes the stemmer strips, longest first (a word ending in "ers" loses "ers", not "s"). */
const SUFFIXES = ['ment', 'ing', 'ers', 'ed', 'es', 'ly', 'er', 's'];

/**
 * A crude stem: enough to match "charges"/"charged"/"charging" without a full Porter stemmer. The longest
 * matching suffix goes, provided four letters remain; a shorter suffix is not tried instead.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix)) return word.length - suffix.length >= 4 ? word.slice(0, -suffix.length) : word;
  }
  return word;
}

/** "12", "07": one- and two-digit numbers (days, ages, counts) say nothing about the topic. */
const isShortNumber = (w: string): boolean => w.length <= 2 && /^\d+$/.test(w);

/** The term of a lower-cased word, or null: see termOf. */
function termOfLowerCase(word: string): string | null {
  const w = word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word;
  return w.length < 2 || STOP_WORDS.has(w) || isShortNumber(w) ? null : stem(w);
}

/** termOf, computed afresh: for a caller that remembers the answer itself. */
export const termOfWord = (word: string): string | null => termOfLowerCase(word.toLowerCase());

/**
 * The term of a word ("Charges" -> "charg", "council's" -> "council"), or null for a stop word, a short
 * number or a single letter. The word is lower-cased first, so an ASCII word may be passed as written; other
 * words should come from lower-cased text, because a word lower-cased alone can differ from the same word
 * lower-cased in its sentence (a Greek final sigma). Articles repeat their words, and news repeats its
 * vocabulary: terms are remembered, up to a bound, rather than stemmed again.
 */
export const termOf: (word: string) => string | null = rememberingUpTo(50_000, termOfWord);

/** The words of a lower-cased text: how many (as countWords counts them) and their terms, in order with repeats. */
export interface WordsAndTerms {
  words: number;
  terms: string[];
}

/**
 * Does the word at `start` go on with the word that ended at `previousEnd`? The terms are words with at most
 * one apostrophe join ("o'neill" is one term, "rock'n'roll" two), but countWords joins them all.
 */
const continuesWord = (lower: string, previousEnd: number, start: number): boolean =>
  start === previousEnd + 1 && (lower.charCodeAt(previousEnd) === 39 || lower.charCodeAt(previousEnd) === 0x2019) && letterAt(lower, start);

/**
 * One pass over a lower-cased text for both its word count and its terms. Words of
 * [\p{L}\p{N}]+(?:['’]\p{L}+)? give the terms; a word that goes on with the one before it is counted
 * again only where a digit follows its letters ("x'y'z9" is the words "x'y'z" and "9").
 */
export function wordsAndTerms(lower: string): WordsAndTerms {
  const terms: string[] = [];
  let words = 0;
  let previousEnd = -2;
  for (let start = nextWordStart(lower, 0); start !== -1; ) {
    const end = wordEnd(lower, start, 1);
    if (!continuesWord(lower, previousEnd, start) || letterRunEnd(lower, start) < letterOrDigitRunEnd(lower, start)) words++;
    const term = termOf(lower.slice(start, end));
    if (term !== null) terms.push(term);
    previousEnd = end;
    start = nextWordStart(lower, end);
  }
  return { words, terms };
}

/** Content-word stems of a text, in order (with repeats). */
export function contentTerms(text: string): string[] {
  return wordsAndTerms(text.toLowerCase()).terms;
}

/** Counts of each term. */
export function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * The terms of one article, numbered in the order they are met, so that the summariser compares sentences
 * as short lists of numbers rather than as maps of strings. `slot` and `dense` are scratch space, indexed
 * by term number and all zero between calls.
 */
export interface TermSpace {
  numbers: Map<string, number>;
  slot: number[];
  dense: number[];
}

/** A sentence's terms: `ids[k]` occurs `counts[k]` times, ids in order of first occurrence. */
export interface TermVector {
  ids: number[];
  counts: number[];
  /** The sum of the squared counts. */
  norm2: number;
}

export function createTermSpace(): TermSpace {
  return { numbers: new Map(), slot: [], dense: [] };
}

/** The term vector of a text: `termCounts(contentTerms(text))`, with the terms numbered in `space`. */
export function termVector(space: TermSpace, text: string): TermVector {
  return termVectorOf(space, contentTerms(text));
}

/** The term vector of a list of terms (with repeats), numbered in `space`. */
export function termVectorOf(space: TermSpace, terms: string[]): TermVector {
  const ids: number[] = [];
  const counts: number[] = [];
  const { numbers, slot, dense } = space;
  for (const term of terms) {
    let id = numbers.get(term);
    if (id === undefined) {
      id = numbers.size;
      numbers.set(term, id);
      slot.push(0);
      dense.push(0);
    }
    const at = slot[id]!;
    if (at === 0) {
      ids.push(id);
      counts.push(1);
      slot[id] = ids.length;
    } else {
      counts[at - 1]!++;
    }
  }
  let norm2 = 0;
  for (let k = 0; k < ids.length; k++) {
    slot[ids[k]!] = 0;
    norm2 += counts[k]! * counts[k]!;
  }
  return { ids, counts, norm2 };
}

/** Cosine similarity of two term vectors of one space. */
export function vectorCosine(space: TermSpace, a: TermVector, b: TermVector): number {
  const { dense } = space;
  for (let k = 0; k < a.ids.length; k++) dense[a.ids[k]!] = a.counts[k]!;
  let dot = 0;
  for (let k = 0; k < b.ids.length; k++) dot += b.counts[k]! * dense[b.ids[k]!]!;
  for (let k = 0; k < a.ids.length; k++) dense[a.ids[k]!] = 0;
  return a.norm2 && b.norm2 ? dot / Math.sqrt(a.norm2 * b.norm2) : 0;
}
