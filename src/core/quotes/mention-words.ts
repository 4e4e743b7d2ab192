/* The words of a source mention ("the white house spokeswoman", "o’neill’s"), for the resolver. */

import { isAsciiLetter } from '../text/words.ts';

const LETTER = /^\p{L}$/u;

/** Width in code units of the code point at `i` (a lone surrogate counts as one, as in a /u regex). */
function widthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

function letterAt(s: string, i: number, width: number): boolean {
  const c = s.charCodeAt(i);
  return c < 128 ? isAsciiLetter(c) : LETTER.test(s.slice(i, i + width));
}

/**
 * The words of a mention as the global unicode regex `[\p{L}][\p{L}'’.-]*` matches them (a letter, then
 * letters and joiners), scanned by hand: a regex match per mention costs more than the rest of most resolutions.
 */
export function lowerWords(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const w = widthAt(s, i);
    if (!letterAt(s, i, w)) { i += w; continue; }
    let j = i + w;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === 39 || c === 0x2019 || c === 46 || c === 45) { j++; continue; }
      const wj = widthAt(s, j);
      if (!letterAt(s, j, wj)) break;
      j += wj;
    }
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}
