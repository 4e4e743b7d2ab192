/**
 * One pass over a plain sentence for everything the summariser counts in it. Most news sentences are plain
 * printable ASCII with single spaces; for them this replaces four scans (squeezing the spaces, lower-casing,
 * listing the words and terms, measuring the runs) with one. Other sentences take the separate passes.
 */

import { mayOpenCaptionMarker, mayOpenFurniture } from '../text/boilerplate.ts';
import { rememberingSpansUpTo, SPAN_HASH_SEED, spanHash, spanHashStep } from '../text/memo.ts';
import { isAsciiLetter, isAsciiLetterOrDigit, letterRunEnd } from '../text/words.ts';
import { runBreakAt } from './runs.ts';
import { termOfWord } from './terms.ts';

/** What the summariser counts in a sentence. */
export interface SentenceCounts {
  /** As countWords counts them. */
  words: number;
  /** Content-word stems, in order with repeats, as wordsAndTerms lists them. */
  terms: string[];
  /** As longestUnpunctuatedRun measures it. */
  longestRun: number;
}

/** The counts of a plain sentence, and whether a furniture phrase or a picture marker may start at a word. */
export interface PlainSentence extends SentenceCounts {
  /** The `openerSeen` of isBoilerplate. */
  furnitureOpener: boolean;
  /** The `openerSeen` of looksLikeCaption. */
  markerOpener: boolean;
}

interface WordFacts {
  term: string | null;
  furnitureOpener: boolean;
  markerOpener: boolean;
}

/** What the scan needs to know of a word, remembered like its term (rememberingSpansUpTo: no string per word read). */
const factsOf = rememberingSpansUpTo<WordFacts>(50_000, (word) => ({
  term: termOfWord(word),
  furnitureOpener: mayOpenFurniture(word),
  markerOpener: mayOpenCaptionMarker(word),
}));

/** The facts of the letters after an apostrophe, `s.slice(start, end)`: not hashed as they were read. */
const factsAfterApostrophe = (s: string, start: number, end: number): WordFacts => factsOf(s, start, end, spanHash(s, start, end));

/**
 * The counts of a sentence of printable ASCII (U+0020-U+007E) without a space at either end or two in a row,
 * which squeezing its spaces leaves as it is; null for any other sentence. The words, terms and runs are
 * those of countWords, wordsAndTerms (on the lower-cased sentence: ASCII letters lower-case one by one)
 * and longestUnpunctuatedRun.
 */
export function plainSentenceCounts(s: string): PlainSentence | null {
  const n = s.length;
  if (n > 0 && (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32)) return null;
  const terms: string[] = [];
  let words = 0;
  let previousEnd = -2;
  let longestRun = 0;
  let pieces = 0; // whitespace-separated pieces of the current run
  let inPiece = false;
  let furnitureOpener = false;
  let markerOpener = false;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    if (isAsciiLetterOrDigit(c)) {
      // A word: letters and digits, then at most one apostrophe and letters ("o'neill"), as the terms see it.
      const start = i;
      let end = i + 1;
      let u = 0;
      let hash = spanHashStep(SPAN_HASH_SEED, c); // of the word so far, hashed as it is read (see rememberingSpansUpTo)
      for (; end < n && isAsciiLetterOrDigit((u = s.charCodeAt(end))); end++) hash = spanHashStep(hash, u);
      const runEnd = end;
      if (!inPiece) {
        inPiece = true;
        pieces++;
      }
      if (end + 1 < n && u === 39 && isAsciiLetter(s.charCodeAt(end + 1))) {
        // After a digit the apostrophe breaks the run ("9'a"): the letters open the next one.
        if (!isAsciiLetter(s.charCodeAt(end - 1))) {
          if (pieces > longestRun) longestRun = pieces;
          pieces = 1;
        }
        for (hash = spanHashStep(hash, 39), end++; end < n && isAsciiLetter((u = s.charCodeAt(end))); end++) hash = spanHashStep(hash, u);
        // A phrase may also start after the apostrophe: \b sees a boundary there.
        const part = factsAfterApostrophe(s, runEnd + 1, end);
        furnitureOpener ||= part.furnitureOpener;
        markerOpener ||= part.markerOpener;
      }
      const facts = factsOf(s, start, end, hash);
      // countWords joins every apostrophe part: a part that goes on the word before counts only where a
      // digit follows its letters ("x'y'z9" is "x'y'z" and "9").
      const continues = start === previousEnd + 1 && s.charCodeAt(previousEnd) === 39 && isAsciiLetter(c);
      if (!continues || letterRunEnd(s, start) < runEnd) words++;
      if (facts.term !== null) terms.push(facts.term);
      furnitureOpener ||= facts.furnitureOpener;
      markerOpener ||= facts.markerOpener;
      previousEnd = end;
      i = end;
      continue;
    }
    if (c === 32) {
      // Most characters between words are one space, which ends a piece unless a spaced hyphen starts there.
      const next = s.charCodeAt(i + 1);
      if (next === 32) return null;
      if (next !== 45) {
        inPiece = false;
        i++;
        continue;
      }
    } else if (c < 32 || c > 126) return null;
    const breakLength = runBreakAt(s, i);
    if (breakLength > 0) {
      // A spaced hyphen takes its second space along, untested: it may be other whitespace or have a space after it.
      if (breakLength === 3 && (s.charCodeAt(i + 2) !== 32 || s.charCodeAt(i + 3) === 32)) return null;
      if (pieces > longestRun) longestRun = pieces;
      pieces = 0;
      inPiece = false;
      i += breakLength;
      continue;
    }
    if (c === 32) inPiece = false;
    else if (!inPiece) {
      inPiece = true;
      pieces++;
    }
    i++;
  }
  return { words, terms, longestRun: pieces > longestRun ? pieces : longestRun, furnitureOpener, markerOpener };
}
