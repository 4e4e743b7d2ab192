import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCased } from '../../../src/core/text/normalize.ts';

describe('lowerCased', () => {
  it('is toLowerCase for any text: ASCII, accents, İ, final sigma, lone surrogates', () => {
    const pieces = ['a', 'Z', 'É', 'İ', 'ΟΔΟΣ', 'ß', '7', ' ', "'", '\ud800', '𝐀', 'Ǆ'];
    const textish = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(fc.property(textish, (s) => { expect(lowerCased(s)).toBe(s.toLowerCase()); }), { numRuns: 2000 });
    expect(['said', 'Kovac', 'ÉMILE', ''].map(lowerCased)).toEqual(['said', 'kovac', 'émile', '']);
  });
});
