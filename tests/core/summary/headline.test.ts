import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeText } from '../../../src/core/analyze.ts';
import { firstUsableSentence } from '../../../src/core/summary/candidates.ts';
import { generateHeadline, hasSpacedWords, spacedWords, stripEnd } from '../../../src/core/summary/headline.ts';
import { splitSentences } from '../../../src/core/text/sentences.ts';
import { FERRY_ARTICLE } from './fixtures.ts';

const headline = (text: string): string | null => generateHeadline(text, splitSentences(text));

describe('generateHeadline', () => {
  it('uses a short lede whole, without its full stop', () => {
    expect(headline('Storm closes the coast road for a second night. Crews expect to reopen it on Monday.')).toBe(
      'Storm closes the coast road for a second night',
    );
  });

  it('cuts a long lede at a clause boundary, within 100 characters and never mid-word', () => {
    const lede =
      'The Pellworth ferry service will stop running at the end of April after the island council voted to sell its last two boats, leaving about 900 daily passengers stranded.';
    const h = headline(`${lede} Councillors approved the sale on Thursday.`)!;
    expect(h).toBe('The Pellworth ferry service will stop running at the end of April');
    expect(h.length).toBeLessThanOrEqual(100);
  });

  it('prefers a dash or comma clause to a cut before a preposition', () => {
    const lede =
      'Firefighters saved a row of listed cottages in Hollin Bridge on Tuesday - the third blaze in the village this spring, and the largest by far.';
    expect(headline(lede)).toBe('Firefighters saved a row of listed cottages in Hollin Bridge on Tuesday');
  });

  it('leaves out a closing phrase when the lede has no clause boundary that fits', () => {
    const lede =
      'The regional transport authority has approved a plan of building two new tram lines across the northern suburbs by the end of the decade.';
    expect(headline(lede)).toBe('The regional transport authority has approved a plan of building two new tram lines');
    const run =
      'Dozens of volunteers from the coastal villages spent the whole weekend clearing plastic waste from the beaches near Stenhaven harbour.';
    expect(headline(run)).toBe('Dozens of volunteers from the coastal villages spent the whole weekend clearing plastic waste');
  });

  it('does not stop on a noun phrase, a participle or a stub of a clause', () => {
    const widow =
      'A retired ferry captain from Skelmore who spent forty years crossing the strait has written a memoir that is now a surprise bestseller.';
    expect(headline(widow)).not.toBe('A retired ferry captain from Skelmore');
    const coach =
      'Ines Maravilla resigned as coach of Dunmore Rovers on Monday, three days after a home defeat left the club in the relegation places.';
    expect(headline(coach)).toBe('Ines Maravilla resigned as coach of Dunmore Rovers on Monday');
    const comet =
      'Astronomers at the Vell Ridge Observatory say a faint comet spotted in March is almost certainly a visitor from another star.';
    expect(headline(comet)).not.toMatch(/spotted$/);
  });

  it('does not end on an open relative clause or a dangling word', () => {
    const lede =
      'The Greenway Party, which won the most seats in last month\'s local elections across the northern districts, spent less than any of its rivals on advertising, figures show.';
    const h = headline(lede)!;
    expect(h).toBe('The Greenway Party spent less than any of its rivals on advertising, figures show');
    expect(h).not.toMatch(/, which [^,]*$/);
    expect(h).not.toMatch(/\s(?:the|a|of|to|and|which)$/);
    expect(h.length).toBeLessThanOrEqual(100);
  });

  it('comes from the body of a plain-text article, never from its caption or byline', () => {
    const article = analyzeText(FERRY_ARTICLE);
    expect(article.titleGenerated).toBe(true);
    expect(article.title).toBe('The Pellworth ferry service will stop running at the end of April');
    expect(article.title).not.toMatch(/Commuters|Reinholt|Photo/);
  });

  it('skips boilerplate before the lede and returns null when there is no body', () => {
    expect(headline('Scroll down for video. Ten schools will get new playgrounds this year.')).toBe('Ten schools will get new playgrounds this year');
    expect(headline('')).toBeNull();
    expect(generateHeadline('Some text', [])).toBeNull();
  });

  it('is always at most 100 characters and made of whole words of the lede', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,14}$/);
    const punct = fc.constantFrom('', '', '', ',', ';', ' -');
    const lede = fc.array(fc.tuple(word, punct), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(lede, (parts) => {
        const text = `${parts.map(([w, p]) => `${w}${p}`).join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
        const h = headline(text);
        if (h === null) return;
        expect(h.length).toBeLessThanOrEqual(100);
        // The lede is the first usable sentence, which need not start the text ("Aa bb" alone is a fragment).
        const lede = firstUsableSentence(text, splitSentences(text))!;
        const body = h.replace(/…$/, '');
        expect(lede.startsWith(body)).toBe(true);
        const next = lede[body.length];
        expect(next === undefined || /[\s.,;]/.test(next)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });


  it('finds the words after a space (or a comma and a space) that the cut expression finds, for any text', () => {
    const pieces = ['a', 'Z', 'é', 'İ', '𝐀', '7', ' ', '\u00a0', ',', ', ', "'", '-', '\ud835', '\udc00', 'after', 'Who'];
    const textish = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    fc.assert(fc.property(textish, (text) => {
      const byExpression = [...text.matchAll(/(,?)\s([\p{L}]+)/gu)].map((m) => ({ at: m.index, comma: m[1] === ',', word: m[2]!.toLowerCase() }));
      expect(spacedWords(text)).toEqual(byExpression);
    }), { numRuns: 3000 });
  });

  it('strips a head\'s loose end and counts its spaced words as the expressions and split did, for any text', () => {
    const pieces = ['a', 'Z', ' ', '  ', '\t', '\u00a0', ',', ';', ':', '–', '—', '-', '.', '..', '!', '\u2028', 'é'];
    const textish = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 16 }),
    );
    fc.assert(fc.property(textish, fc.integer({ min: 1, max: 8 }), (text, n) => {
      expect(stripEnd(text)).toBe(text.replace(/[\s,;:–—-]+$/u, '').replace(/\.$/u, '').trim());
      expect(hasSpacedWords(text, n)).toBe(text.split(' ').length >= n);
    }), { numRuns: 3000 });
  });
});
