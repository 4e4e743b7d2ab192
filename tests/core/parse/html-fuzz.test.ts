import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/core/parse/html.ts';

const piece = fc.oneof(
  fc.constantFrom('<p>', '</p>', '<div class="story">', '</div>', '<a href="/x">', '</a>', '<br>', '<article>', '</article>',
    '<h1>', '</h1>', '<script>', '</script>', '<figure><figcaption>', '</figcaption></figure>', '&amp;', '&#8220;', '<!--', '-->',
    '<meta property="og:title" content="T">', '<time datetime="2024-02-30T25:00">', '<li>', '<table><tr><td>'),
  fc.string({ maxLength: 40 }),
  fc.lorem({ maxCount: 30 }),
);

describe('parseHtml on arbitrary markup', () => {
  it('never throws, and every paragraph span points at trimmed text inside the body', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const article = parseHtml(pieces.join(''), { url: 'https://fuzz.example.test/a' });
        let last = -1;
        for (const { start, end } of article.paragraphs) {
          expect(start).toBeGreaterThan(last);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(article.body.length);
          const text = article.body.slice(start, end);
          expect(text).toBe(text.trim());
          expect(text).not.toContain('\n\n');
          last = end;
        }
        if (article.date) expect(article.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 150 },
    );
  });

  it('handles empty and plain-text input', () => {
    expect(parseHtml('').warnings).toContain('no article text found');
    expect(() => parseHtml('just words, no markup at all')).not.toThrow();
  });
});
