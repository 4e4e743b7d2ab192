import { describe, expect, it } from 'vitest';
import { lowerWords } from '../../../src/core/quotes/mention-words.ts';

// The resolver used to split mentions with this regex; the hand-written scanner must find the same words.
const byRegex = (s: string): string[] => s.match(/[\p{L}][\p{L}'’.-]*/gu) ?? [];

describe('lowerWords', () => {
  it('splits a mention into words with their inner apostrophes, dots and hyphens', () => {
    expect(lowerWords('the 51-year-old o’neill, a u.s. official')).toEqual(['the', 'year-old', 'o’neill', 'a', 'u.s.', 'official']);
  });

  it('finds the words the regex finds, accents, astral letters and stray surrogates included', () => {
    const alphabet = ['a', 'z', 'é', 'ß', 'ı', '’', "'", '.', '-', ' ', '1', '\u0301', '𝒜', '\ud835', '中', ','];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 5000; n++) {
      let s = '';
      for (let k = next() % 10; k > 0; k--) s += alphabet[next() % alphabet.length];
      expect(lowerWords(s), JSON.stringify(s)).toEqual(byRegex(s));
    }
  });
});
