import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, nextWordStart, wordEnd } from '../../../src/core/text/words.ts';

/** Characters that test every branch: ASCII, accents, apostrophes, digits of other scripts, astral letters, lone surrogates. */
const pieces = ['a', 'Z', '7', ' ', "'", '’', '-', '.', 'é', 'İ', 'ß', '٣', 'Ⅻ', '中', '𝐀', '😀', '\u0301', '\ud800', '\udc00', '\u00a0', "'s", 'don’t'];
const textish = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const wordsBy = (text: string, re: RegExp): string[] => text.match(re) ?? [];

function scanned(text: string, maxJoins?: number): string[] {
  const out: string[] = [];
  for (let i = nextWordStart(text, 0); i !== -1; ) {
    const end = wordEnd(text, i, maxJoins);
    out.push(text.slice(i, end));
    i = nextWordStart(text, end);
  }
  return out;
}

describe('word scanner', () => {
  it('finds the words of [\\p{L}\\p{N}]+(?:[\'’]\\p{L}+)*, and with one join those of (?:...)?', () => {
    fc.assert(fc.property(textish, (text) => {
      expect(scanned(text)).toEqual(wordsBy(text, /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu));
      expect(scanned(text, 1)).toEqual(wordsBy(text, /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu));
      expect(countWords(text)).toBe(wordsBy(text, /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu).length);
    }), { numRuns: 3000 });
  });

  it('counts contractions and names with apostrophes as one word', () => {
    expect(countWords("O'Neill didn’t say rock'n'roll, 'twas 42")).toBe(6);
  });
});
