import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { rememberingSpansUpTo, rememberingUpTo, spanHash as hashOf } from '../../../src/core/text/memo.ts';

describe('a memo keyed by stretches of text', () => {
  it('answers as compute does on the slice, computing each key once', () => {
    const computed: string[] = [];
    const upper = rememberingSpansUpTo(100, (key) => {
      computed.push(key);
      return key.toUpperCase();
    });
    const text = 'the cat saw the other cat';
    const spans = [[0, 3], [4, 7], [12, 15], [22, 25], [16, 21], [0, 3]] as const;
    expect(spans.map(([start, end]) => upper(text, start, end, hashOf(text, start, end)))).toEqual(['THE', 'CAT', 'THE', 'CAT', 'OTHER', 'THE']);
    expect(computed).toEqual(['the', 'cat', 'other']);
  });

  it('tells apart keys whose hashes collide, and stays right when it forgets at its bound', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 40 }), fc.boolean(), (words, collide) => {
      const text = words.join('|');
      const length = rememberingSpansUpTo(8, (key) => `${key}:${key.length}`);
      let start = 0;
      for (const word of words) {
        const end = start + word.length;
        expect(length(text, start, end, collide ? 7 : hashOf(text, start, end))).toBe(`${word}:${word.length}`);
        start = end + 1;
      }
    }), { numRuns: 500 });
  });
});

describe('memos', () => {
  it('do not keep alive the texts their words were sliced from', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const spans = rememberingSpansUpTo(1000, (word) => word.length);
    const words = rememberingUpTo(1000, (word: string) => word.length);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let n = 0; n < 200; n++) {
      // A 100 KB text of its own (built, not a literal), with a long word in it that both memos remember.
      const text = `${'x'.repeat(50_000)} internationalisation${n} ${'y'.repeat(50_000)}`;
      const start = text.indexOf('internationalisation');
      spans(text, start, start + 22, hashOf(text, start, start + 22));
      words(text.slice(start, start + 22));
    }
    gc();
    // 200 texts of 100 KB were read: what is left is the 400 words, not 20 MB of text.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2_000_000);
  });
});
