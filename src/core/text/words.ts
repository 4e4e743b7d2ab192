/**
 * A word scanner for the hot paths of the analysis. It finds exactly what the regular expression
 * `[\p{L}\p{N}]+(?:['’]\p{L}+)*` finds (letters or digits, joined by apostrophes followed by letters), but
 * answers ASCII characters without the regex engine, which makes counting and listing words several times
 * faster on English text. Other characters are classified by the same Unicode properties.
 */

const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** ASCII-only tests of a code unit, for scanners that answer ASCII without the Unicode classes. */
export const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isAsciiLetterOrDigit = (c: number): boolean => isAsciiLetter(c) || isAsciiDigit(c);
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/** Length in UTF-16 units of the code point at `i`: 2 for a surrogate pair, else 1. */
export const unitsAt = (text: string, i: number): number => ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);

/**
 * Is the code unit `c` whitespace (\s): ASCII spaces, the no-break and Unicode spaces, the line and
 * paragraph separators, the BOM? Written out because the regex (and the string it needs) cost a call for every
 * curly quotation mark and dash; tests/core/text/tokens.test.ts checks the list against \s.
 */
export const isSpaceUnit = (c: number): boolean => c < 128
  ? c === 32 || (c >= 9 && c <= 13)
  : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** Is the character at `i` whitespace (\s)? */
export const spaceAt = (text: string, i: number): boolean => isSpaceUnit(text.charCodeAt(i));

/** Is the code point at `i` a letter (\p{L})? `i` must be inside `text`. */
export function letterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  return LETTER.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Is the code point that ends just before `i` a letter, as a `(?<=\p{L})` lookbehind sees it? */
export function letterBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return isAsciiLetter(c);
  const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && (text.codePointAt(i - 2) ?? 0) > 0xffff;
  return letterAt(text, pair ? i - 2 : i - 1);
}

/** Is the code point at `i` a letter or a digit (\p{L} or \p{N})? */
export function letterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) || isAsciiDigit(c);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Index of the first letter or digit at or after `from`, or -1. */
export function nextWordStart(text: string, from: number): number {
  for (let i = from; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (isAsciiLetter(c) || isAsciiDigit(c)) return i;
      i++;
    } else {
      if (letterOrDigitAt(text, i)) return i;
      i += unitsAt(text, i);
    }
  }
  return -1;
}

/** End of the run of letters and digits that starts at `start`. */
export function letterOrDigitRunEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!isAsciiLetter(c) && !isAsciiDigit(c)) break;
      i++;
    } else {
      if (!letterOrDigitAt(text, i)) break;
      i += unitsAt(text, i);
    }
  }
  return i;
}

/** End of the run of letters that starts at `start`. */
export function letterRunEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!isAsciiLetter(c)) break;
      i++;
    } else {
      if (!letterAt(text, i)) break;
      i += unitsAt(text, i);
    }
  }
  return i;
}

/**
 * End of the word that starts at `start`: its letters and digits, then up to `maxJoins` apostrophe-joined
 * parts of letters ("don't", "O'Neill"); an apostrophe not followed by a letter ends the word before it.
 */
export function wordEnd(text: string, start: number, maxJoins = Infinity): number {
  let i = letterOrDigitRunEnd(text, start);
  for (let joins = 0; joins < maxJoins; joins++) {
    if (i + 1 >= text.length || !isApostrophe(text.charCodeAt(i)) || !letterAt(text, i + 1)) break;
    i = letterRunEnd(text, i + 1);
  }
  return i;
}

/** Counts words (runs of letters or digits, apostrophe-joined parts included). */
export function countWords(text: string): number {
  let n = 0;
  for (let i = nextWordStart(text, 0); i !== -1; i = nextWordStart(text, wordEnd(text, i))) n++;
  return n;
}
