import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTerms, createTermSpace, termCounts, termVector, vectorCosine, wordsAndTerms } from '../../../src/core/summary/terms.ts';
import { countWords } from '../../../src/core/text/words.ts';

/** The definition the vectors keep to: cosine of the two sentences' term-count maps. */
function cosineOfCounts(a: string, b: string): number {
  const ca = termCounts(contentTerms(a));
  const cb = termCounts(contentTerms(b));
  let dot = 0;
  for (const [t, v] of ca) dot += v * (cb.get(t) ?? 0);
  const norm = (c: Map<string, number>): number => [...c.values()].reduce((sum, v) => sum + v * v, 0);
  return norm(ca) && norm(cb) ? dot / Math.sqrt(norm(ca) * norm(cb)) : 0;
}

const vocabulary = ['harbour', 'Harbour', 'bridge', 'bridges', 'the', 'council', "council's", 'voted', 'votes', 'Ørsted', 'rock’n’roll', '12', '2024', 'a', 'é', '—', ',', ' '];
const sentence = fc.array(fc.constantFrom(...vocabulary), { maxLength: 25 }).map((words) => words.join(' '));

describe('term vectors', () => {
  it('count the content terms of a sentence, numbered once per article', () => {
    const space = createTermSpace();
    const first = termVector(space, 'The council voted; the council’s vote stands.');
    const second = termVector(space, 'A new vote of the council.');
    expect(first.counts).toEqual([2, 1, 1, 1]); // council, voted, vote, stand
    expect(first.norm2).toBe(7);
    expect(second.ids).toEqual([first.ids[2], first.ids[0]]); // vote, council: the numbers of the first sentence
  });

  it('give the cosine of the term-count maps, for any sentences', () => {
    fc.assert(fc.property(fc.array(sentence, { minLength: 2, maxLength: 6 }), (sentences) => {
      const space = createTermSpace();
      const vectors = sentences.map((s) => termVector(space, s));
      for (let i = 0; i < sentences.length; i++) {
        for (let j = 0; j < sentences.length; j++) {
          expect(vectorCosine(space, vectors[i]!, vectors[j]!)).toBe(cosineOfCounts(sentences[i]!, sentences[j]!));
        }
      }
      expect(space.dense.every((v) => v === 0) && space.slot.every((v) => v === 0)).toBe(true);
    }), { numRuns: 300 });
  });

  it('count the words of a lower-cased text as countWords does, in the same pass as its terms', () => {
    const pieces = ['a', 'z', '7', ' ', "'", '’', '-', 'é', 'ß', '٣', '中', '𝐀', '\u0301', '\ud800', "'s", 'don’t', "x'y'z9", "rock'n'roll"];
    const textish = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(fc.property(textish, (text) => {
      const lower = text.toLowerCase();
      expect(wordsAndTerms(lower).words).toBe(countWords(lower));
    }), { numRuns: 5000 });
    expect(wordsAndTerms("rock'n'roll x'y'z9 o'neill").words).toBe(4);
  });
});
