/**
 * Runs of words without punctuation. In scraped text a very long one marks a caption or a list run into a
 * sentence, which the summary leaves out.
 */

import { isAsciiLetterOrDigit, letterAt, letterBefore, spaceAt } from '../text/words.ts';

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
export function runBreakAt(text: string, i: number): number {
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
    if (isAsciiLetterOrDigit(c)) {
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
