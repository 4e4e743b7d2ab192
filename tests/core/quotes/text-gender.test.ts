import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pronounGenderAt } from '../../../src/core/quotes/text-gender.ts';

/** The definition the scanner keeps to: the first word (after one quotation mark), lower-cased. */
function genderByRegex(text: string, pos: number): 'female' | 'male' | null {
  const word = /^[“"‘']?(\p{L}+)/u.exec(text.slice(pos, pos + 12))?.[1]?.toLowerCase();
  return word === 'she' || word === 'her' ? 'female' : word === 'he' || word === 'his' ? 'male' : null;
}

const pieces = ['she', 'She', 'SHE', 'her', 'He', 'his', 'HIS', 'h', 'e', 's', 'l', 'é', 'İ', '𝐀', '\ud800', '“', '"', '‘', "'", ' ', '.', ',', '7', '_', '`', '[', '@'];
const textish = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join(''));

describe('pronounGenderAt', () => {
  it('reads the opening pronoun as the regular expression does, for any text', () => {
    fc.assert(fc.property(textish, fc.nat(), (text, p) => {
      const pos = text.length === 0 ? 0 : p % text.length;
      expect(pronounGenderAt(text, pos)).toBe(genderByRegex(text, pos));
    }), { numRuns: 5000 });
  });

  it('knows she, her, he and his in any case, and no longer words', () => {
    expect(['She said', '“He', 'his', "'HER view", 'Shell said', 'Hermes', 'Heé', 'The'].map((t) => pronounGenderAt(t, 0)))
      .toEqual(['female', 'male', 'male', 'female', null, null, null, null]);
  });
});
