/** A word or punctuation token of a text range, with its offsets into the whole text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, for lexicon look-ups. */
  lower: string;
  word: boolean;
}

// Words: letters/digits with inner apostrophes, hyphens and dots (U.S, J.D); one regex pass, no backtracking
// beyond a single character class per step.
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*|''|\S/gu;

/** Splits `text[start, end)` into word and punctuation tokens (whitespace dropped). Linear time. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const s = m.index;
    if (s >= end) break;
    let e = s + m[0].length;
    if (e > end) e = end;
    const t = text.slice(s, e);
    out.push({ start: s, end: e, text: t, lower: t.toLowerCase(), word: isWordChar(t.charCodeAt(0), t) });
    if (m[0].length === 0) TOKEN_RE.lastIndex++;
  }
  return out;
}

function isWordChar(code: number, t: string): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code > 127 && /^[\p{L}\p{N}]/u.test(t);
}

export const isCapitalised = (t: string): boolean => {
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
