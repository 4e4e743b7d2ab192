import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWordSieve } from '../../../src/core/text/word-sieve.ts';

describe('createWordSieve', () => {
  const words = ['said', 'say', 'according', 'told', 'warned', 'é-word', 'x'];
  const mayHold = createWordSieve(words);

  it('lets every word of the set through', () => {
    for (const w of words) expect(mayHold(w), w).toBe(true);
  });

  it('turns away words whose first letter, last letter and length no word of the set shares', () => {
    expect(['the', 'council', 'sad', 'saids', 'tol', 'xx'].map(mayHold)).toEqual([false, false, false, false, false, false]);
  });

  it('never turns away a word it was built from, whatever the words', () => {
    fc.assert(fc.property(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 30 }), (list) => {
      const sieve = createWordSieve(list);
      for (const w of list) expect(sieve(w)).toBe(true);
    }), { numRuns: 500 });
  });
});
