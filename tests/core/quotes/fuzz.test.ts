import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuoteResult } from '../../../src/core/quotes/index.ts';
import { analyse } from './helpers.ts';

const pieces = ['"', '“', '”', '‘', '’', "''", ',', '.', ' ', '\n\n', '\n', 'said', 'she', 'Mr.', 'according to', 'Anna Kelly', 'that',
  ' told reporters', ':', '―', 'The president', 'x', '?', '!', '(', ')', 'é', '—', 'said Smith', 'Sen.'];
const articleish = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 120 }).map((a) => a.join(''));

function checkSpans(text: string, result: QuoteResult): void {
  for (const q of result.quotes) {
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.end).toBeLessThanOrEqual(text.length);
    expect(q.start).toBeLessThan(q.end);
    for (const s of q.segments) {
      expect(s.start).toBeGreaterThanOrEqual(q.start);
      expect(s.end).toBeLessThanOrEqual(q.end);
    }
    if (q.speakerStart !== null) {
      expect(q.speakerStart).toBeGreaterThanOrEqual(0);
      expect(q.speakerEnd!).toBeLessThanOrEqual(text.length);
    }
  }
}

/** Milliseconds the quote finder takes on `text`. */
function analysisMs(text: string): number {
  const t0 = performance.now();
  analyse(text);
  return performance.now() - t0;
}

describe('quote finder on hostile input', () => {
  it('never throws and keeps every span inside the text', () => {
    fc.assert(fc.property(articleish, (text) => checkSpans(text, analyse(text))), { numRuns: 400 });
  });

  it('copes with unbalanced marks, quotes at the edges, empty paragraphs and text without letters', () => {
    for (const text of ['"', '“unclosed at the start, she said', 'ends open ”', '\n\n\n\n', '"" "" ""', '... ,,, !!! 123', '“a” “b” “c”', '']) {
      checkSpans(text, analyse(text));
    }
  });

  it.each([
    '“We will build it,” she said, adding that the plan, according to Mr. Lee, was “final.” ',
    'Smith said the plan, Jones added, was fine; ',
    'she says that the plan works and he thinks the deal fails, ',
    '"a b c d," she said, "e f g h" ',
  ])('runs in linear time on one huge paragraph of %j', (unit) => {
    const time = (n: number): number => analysisMs(unit.repeat(n));
    time(300); // warm up
    const small = time(1500);
    const large = time(12_000);
    expect(large).toBeLessThan(small * 8 * 4 + 100);
  });

  it('runs in linear time when every sentence names a new source', () => {
    const word = (k: number): string => `Q${k.toString(26).replace(/\d/g, (d) => 'abcdefghij'[+d]!)}ar`;
    const time = (n: number): number =>
      analysisMs(Array.from({ length: n }, (_, k) => `${word(k)} rejected claims that ${word(k + 1)}ian boats had left, and she said the ${word(k)} ministry agreed.`).join(' '));
    time(300); // warm up
    const small = time(1000);
    const large = time(8000);
    expect(large).toBeLessThan(small * 8 * 4 + 100);
  });

  it('gets through a huge paragraph without letters quickly', () => {
    const t0 = performance.now();
    analyse('" , . '.repeat(100_000));
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
