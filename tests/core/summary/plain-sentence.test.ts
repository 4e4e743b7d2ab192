import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainSentenceCounts } from '../../../src/core/summary/plain-sentence.ts';
import { longestUnpunctuatedRun } from '../../../src/core/summary/runs.ts';
import { wordsAndTerms } from '../../../src/core/summary/terms.ts';
import { countWords } from '../../../src/core/text/words.ts';

/** The separate passes the one-pass count stands for. */
const separately = (s: string): object => ({ words: countWords(s), terms: wordsAndTerms(s.toLowerCase()).terms, longestRun: longestUnpunctuatedRun(s) });
const isPlain = (s: string): boolean => /^[\x20-\x7e]*$/.test(s) && !/^ | $| {2}/.test(s);

describe('one-pass counts of a plain sentence', () => {
  it('are those of the separate passes', () => {
    expect(plainSentenceCounts("The council's plan, O'Neill said - twice.")).toMatchObject({ words: 6, terms: ['council', 'plan', "o'neill", 'twice'], longestRun: 3 });
    expect(plainSentenceCounts("Aged 9'ish or so.")?.longestRun).toBe(3); // after a digit, an apostrophe breaks the run
    expect(plainSentenceCounts('Fans   gathered.')).toBeNull(); // squeezing would change it
    expect(plainSentenceCounts('Fans gathered at the café.')).toBeNull();
  });

  it('match the separate passes on any plain text, and leave the rest to them', () => {
    const pieces = ['a', 'Z', 'The', 'says', '7', '2024', ' ', '  ', ' - ', ' -\t', '-', "'", "'s", ',', ';', ':', '(', ')', '"', '.', '\t', '\n', 'é', '’', "don't", "9'a", "x 9'a y", "x'y'z9", "rock'n'roll", '@'];
    const textish = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
      fc.string({ unit: 'binary-ascii', maxLength: 30 }),
    );
    fc.assert(fc.property(textish, (text) => {
      const counts = plainSentenceCounts(text);
      expect(counts !== null).toBe(isPlain(text));
      if (counts !== null) expect({ words: counts.words, terms: counts.terms, longestRun: counts.longestRun }).toEqual(separately(text));
    }), { numRuns: 5000 });
  });
});
