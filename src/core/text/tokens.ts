import { lowerCased } from './normalize.ts';
import { isAsciiLetterOrDigit, isSpaceUnit, letterOrDigitAt, letterOrDigitRunEnd, unitsAt } from './words.ts';

/** A word or punctuation token of a text range, with its offsets into the whole text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, for lexicon look-ups. */
  lower: string;
  word: boolean;
}

/** Characters that join two runs of letters or digits into one word token: U.S, J.D, O'Neill, AT&T, well-known. */
const isWordJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 46 || c === 45 || c === 38;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * End of the token that starts at the non-space `i`. Tokens are what
 * `/[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*|''|\S/u` matches: a word with inner joiners, a `''` pair, or any
 * other single character.
 */
function tokenEnd(text: string, i: number): number {
  if (letterOrDigitAt(text, i)) {
    let e = letterOrDigitRunEnd(text, i);
    while (e + 1 < text.length && isWordJoiner(text.charCodeAt(e)) && letterOrDigitAt(text, e + 1)) e = letterOrDigitRunEnd(text, e + 1);
    return e;
  }
  if (text[i] === "'" && text[i + 1] === "'") return i + 2;
  return i + unitsAt(text, i);
}

/** Splits `text[start, end)` into word and punctuation tokens (whitespace dropped). Linear time. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  // As a /u regex would, a start inside a surrogate pair begins at the pair.
  const splitsPair = start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1));
  for (let s = splitsPair ? start - 1 : start; s < end; ) {
    const c = text.charCodeAt(s);
    if (c === 32 || (c >= 9 && c <= 13)) {
      s++; // an ASCII space, one unit wide: no need to ask for the code point
      continue;
    }
    if (c >= 128 && isSpaceUnit(c)) {
      s++; // every space is in the BMP
      continue;
    }
    const run = asciiWordEnd(text, s);
    if (run > 0) {
      // A word of ASCII letters and digits, which most tokens are: its capitals were seen on the way.
      const e = Math.min(run >> 1, end);
      const t = text.slice(s, e);
      out.push({ start: s, end: e, text: t, lower: (run & 1) === 1 ? t.toLowerCase() : t, word: true });
      s = e;
      continue;
    }
    const mark = punctuationAt(text, s, c);
    if (mark !== null) {
      out.push({ start: s, end: s + 1, text: mark, lower: mark, word: false });
      s++;
      continue;
    }
    const e = Math.min(tokenEnd(text, s), end);
    const t = text.slice(s, e);
    out.push({ start: s, end: e, text: t, lower: lowerCased(t), word: letterOrDigitAt(t, 0) });
    s = e;
  }
  return out;
}

/**
 * When the token at `s` is a word of ASCII letters and digits only, its end times two, plus one if it has a
 * capital; else 0 (not such a word, or one that goes on past a joiner or a non-ASCII character, which
 * tokenEnd handles). One pass instead of three: the end, the lower-case check and the letter check.
 */
function asciiWordEnd(text: string, s: number): number {
  let capital = 0;
  let e = s;
  for (; e < text.length; e++) {
    const c = text.charCodeAt(e);
    if (c >= 97 && c <= 122) continue;
    if (c >= 65 && c <= 90) { capital = 1; continue; }
    if (c >= 48 && c <= 57) continue;
    if (e === s || c >= 128) return 0;
    // A joiner before a letter or digit continues the word ("U.S", "well-known"); before anything else
    // (a full stop, a space) it ends it. Only the ASCII case is answered here.
    if (isWordJoiner(c) && e + 1 < text.length) {
      const next = text.charCodeAt(e + 1);
      if (next >= 128 || isAsciiLetterOrDigit(next)) return 0;
    }
    break;
  }
  return e === s ? 0 : (e << 1) | capital;
}

/** The General Punctuation block (dashes, curly quotation marks, ellipsis...): no letters, digits or case in it. */
const PUNCTUATION_FROM = 0x2010;
const PUNCTUATION_TO = 0x205e;
/** Its one-character strings, made once: scraped news has a curly mark or a dash every few words. */
const PUNCTUATION = Array.from({ length: PUNCTUATION_TO - PUNCTUATION_FROM + 1 }, (_, k) => String.fromCharCode(PUNCTUATION_FROM + k));

/**
 * The one-character token at `s` (code `c`) when it is an ASCII mark other than a letter, a digit or the
 * start of a `''` pair, or a General Punctuation mark; else null. Those need neither the letter test nor
 * lower-casing, and the strings are shared.
 */
function punctuationAt(text: string, s: number, c: number): string | null {
  if (c < 128) {
    if (isAsciiLetterOrDigit(c) || (c === 39 && text.charCodeAt(s + 1) === 39)) return null;
    return String.fromCharCode(c); // V8 keeps one-character strings of this range in a table
  }
  return c >= PUNCTUATION_FROM && c <= PUNCTUATION_TO ? PUNCTUATION[c - PUNCTUATION_FROM]! : null;
}

/** Does the word start with a capital? Answered for ASCII without toLowerCase/toUpperCase, which are slow. */
export const isCapitalised = (t: string): boolean => {
  const code = t.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = t.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
};

export const OPEN_QUOTES = new Set(['“', '„', '«']);
export const CLOSE_QUOTES = new Set(['”', '»']);
export const isQuoteChar = (c: string | undefined): boolean => c === '"' || c === '“' || c === '”' || c === '„' || c === '«' || c === '»' || c === "''";

/** Is there a double quotation mark at `i` (including either half of a `''` pair)? */
export function quoteMarkAt(text: string, i: number): boolean {
  const c = text[i];
  if (c === "'") return text[i + 1] === "'" || text[i - 1] === "'";
  return isQuoteChar(c);
}
