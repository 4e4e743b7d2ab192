import { lowerCased } from './normalize.ts';
import { isSpaceUnit, letterOrDigitAt, letterOrDigitRunEnd, unitsAt } from './words.ts';

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
    const e = Math.min(tokenEnd(text, s), end);
    const t = text.slice(s, e);
    out.push({ start: s, end: e, text: t, lower: lowerCased(t), word: letterOrDigitAt(t, 0) });
    s = e;
  }
  return out;
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
