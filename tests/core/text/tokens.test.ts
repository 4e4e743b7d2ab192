import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCapitalised, tokenize, type Token } from '../../../src/core/text/tokens.ts';
import { isSpaceUnit } from '../../../src/core/text/words.ts';

/** The tokenizer as one regular expression: the definition the scanner must keep to. */
function tokenizeByRegex(text: string, start: number, end: number): Token[] {
  const re = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*|''|\S/gu;
  const out: Token[] = [];
  re.lastIndex = start;
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    const t = text.slice(m.index, Math.min(m.index + m[0].length, end));
    out.push({ start: m.index, end: m.index + t.length, text: t, lower: t.toLowerCase(), word: /^[\p{L}\p{N}]/u.test(t) });
  }
  return out;
}

const pieces = ["''", "'", '’', '.', '-', '&', ' ', '\n', '\u00a0', '\u2003', '\u200b', '\ufeff', 'a', 'Z', '7', 'é', '𝐀', '😀', '\ud800', '\udc00', '"', '“', 'U.S', '٣', '\u0301', '—', '…', '‘', '\u2044', '\u205e', '\u205f', '\u2070', ',', '\x01'];
const textish = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

describe('tokenize', () => {
  it('finds the tokens of the regular expression, for any range of any text', () => {
    fc.assert(fc.property(textish, fc.nat(), fc.nat(), (text, a, b) => {
      const start = a % (text.length + 1);
      const end = start + (b % (text.length - start + 1));
      expect(tokenize(text, start, end)).toEqual(tokenizeByRegex(text, start, end));
    }), { numRuns: 3000 });
  });

  it('keeps dotted acronyms, apostrophes and hyphens inside words', () => {
    const text = "O'Neill's U.S. well-known AT&T ''quote'' —";
    expect(tokenize(text, 0, text.length).map((t) => t.text)).toEqual(["O'Neill's", 'U.S', '.', 'well-known', 'AT&T', "''", 'quote', "''", '—']);
  });

  it('calls a word capitalised when its first character changes in lower case and not in upper case', () => {
    const byCase = (t: string): boolean => { const c = t.charAt(0); return c !== c.toLowerCase() && c === c.toUpperCase(); };
    fc.assert(fc.property(textish, (text) => { expect(isCapitalised(text)).toBe(byCase(text)); }), { numRuns: 3000 });
    expect(['Kovac', 'Émile', 'Ωmega', 'kovac', '7th', '', 'ǅemal'].map(isCapitalised)).toEqual([true, true, true, false, false, false, false]);
  });

  it('knows the characters of \\s by code', () => {
    for (let c = 0; c <= 0xffff; c++) expect(isSpaceUnit(c), c.toString(16)).toBe(/^\s$/u.test(String.fromCharCode(c)));
  });
});
