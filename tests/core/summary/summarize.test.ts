import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeText } from '../../../src/core/analyze.ts';
import { summarize, type SummaryInput } from '../../../src/core/summary/index.ts';
import { cleanSentence } from '../../../src/core/summary/candidates.ts';
import { splitSentences } from '../../../src/core/text/sentences.ts';
import { BARE_WITH_GLUED_CAPTION, FERRY_ARTICLE, SENTENCE_POOL } from './fixtures.ts';

function bare(text: string): SummaryInput {
  const paragraphs = [{ start: 0, end: text.length }];
  return { text, paragraphs, sentences: splitSentences(text, paragraphs), title: null, quotes: [], people: [] };
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

describe('summarize on the plain-text format', () => {
  const article = analyzeText(FERRY_ARTICLE);

  it('summarises the body in a few whole sentences, starting from the lede', () => {
    expect(article.summary.length).toBeGreaterThanOrEqual(2);
    expect(article.summary.length).toBeLessThanOrEqual(4);
    expect(article.summary[0]).toMatch(/^The Pellworth ferry service will stop running/);
    for (const s of article.summary) expect(s).toMatch(/[.!?”"’]$/);
  });

  it('never takes the caption, byline, dateline or boilerplate', () => {
    const all = [...article.summary, article.gist ?? ''].join(' ');
    expect(all).not.toMatch(/Commuters wait|Photo by|Tomas Reinholt|9:05 AM|Scroll down|newsletter|Share this/);
  });

  it('keeps article order and gives a gist of at most 40 words from the body', () => {
    const positions = article.summary.map((s) => FERRY_ARTICLE.indexOf(s.slice(0, 30)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(article.gist).not.toBeNull();
    expect(words(article.gist!)).toBeLessThanOrEqual(40);
    expect(FERRY_ARTICLE).toContain(article.gist!.slice(0, 40));
  });
});

describe('summarize on bare text', () => {
  it('leaves out a caption glued into the text and a "Read more" prompt', () => {
    const { summary, gist } = summarize(bare(BARE_WITH_GLUED_CAPTION));
    const all = [...summary, gist ?? ''].join(' ');
    expect(summary[0]).toMatch(/^A rare white hedgehog/);
    expect(all).not.toMatch(/set up the camera by his shed|pictured|Read more/);
  });

  it('cleans whitespace inside sentences and keeps quotation marks', () => {
    const text = 'The   council\tmet on\nMonday to discuss the plan.  "It is a good day for the town,"   the mayor said after the vote. Work starts in May.';
    const { summary } = summarize(bare(text));
    expect(summary).toContain('The council met on Monday to discuss the plan.');
    expect(summary).toContain('"It is a good day for the town," the mayor said after the vote.');
  });

  it('removes a wire-service dateline from the lede', () => {
    const text = 'LISBON, Portugal (CNN) -- A tram derailed in the old town on Sunday, injuring three people. Services resumed on Monday after repairs.';
    expect(summarize(bare(text)).summary[0]).toBe('A tram derailed in the old town on Sunday, injuring three people.');
  });

  it('takes a sentence that leans on the one before it only together with that one', () => {
    const text = [
      'The regional airport will close its second runway for six weeks from May.',
      'Airlines have been told to move twelve daily flights to the main runway.',
      '"This is the only window we have before the summer rush," said manager Petra Lind.',
      'She added that passengers should expect short delays.',
      'The resurfacing work will cost about £2m.',
    ].join(' ');
    const { summary } = summarize(bare(text));
    const added = summary.findIndex((s) => s.startsWith('She added'));
    if (added >= 0) expect(summary[added - 1]).toMatch(/Petra Lind\.$/);
  });

  it('prefers statements to questions after the lede', () => {
    const text = [
      'The Harwick toll bridge will be free to cross from July, ending a charge that has been in place since the bridge opened in 1987.',
      'Who will pay for its upkeep now that the tolls are going?',
      'The county council will cover the maintenance cost of about £1.2m a year from its roads budget.',
      'Drivers will save nearly £3m a year between them, according to figures published by the council on Tuesday.',
      'The toll booths will be removed over the summer and the land turned into a small park.',
      'Local businesses have campaigned for the change for more than a decade.',
    ].join(' ');
    expect(summarize(bare(text)).summary).not.toContain('Who will pay for its upkeep?');
  });

  it('gives a gist that reads on its own: not a question, not a bare quote', () => {
    const text = [
      'The Harwick toll bridge will be free to cross from July, ending a charge that has been in place since the bridge opened in 1987 and that commuters from three towns have paid for almost four decades of daily crossings over the estuary.',
      'Is the bridge really free, or will council tax payers pick up the bill for its upkeep?',
      '"This is the end of a long fight for the towns on both banks," said campaigner Olu Ade.',
      'The bridge carries about 14,000 vehicles a day across the estuary.',
    ].join(' ');
    const { gist } = summarize(bare(text));
    expect(gist).not.toBeNull();
    expect(gist).not.toMatch(/\?$/);
    expect(gist).not.toMatch(/^"/);
  });

  it('returns what a short article has', () => {
    const one = summarize(bare('The library will open on Sundays from next month.'));
    expect(one.summary).toEqual(['The library will open on Sundays from next month.']);
    expect(one.gist).toBe('The library will open on Sundays from next month.');
    const two = summarize(bare('The library will open on Sundays from next month. Staff agreed to the change last week.'));
    expect(two.summary).toEqual(['The library will open on Sundays from next month.', 'Staff agreed to the change last week.']);
  });

  it('keeps the short sentences of an article that has nothing longer, and gives it a headline', () => {
    expect(summarize(bare('Rain fell. Roads flooded.'))).toEqual({ summary: ['Rain fell.', 'Roads flooded.'], gist: 'Rain fell.' });
    const article = analyzeText('The match is off.');
    expect(article.summary).toEqual(['The match is off.']);
    expect(article).toMatchObject({ title: 'The match is off', titleGenerated: true });
    // In a longer article, fragments still stay out.
    expect(summarize(bare('Read more. The library will open on Sundays from next month.')).summary).toEqual(['The library will open on Sundays from next month.']);
  });

  it('returns an empty summary for an empty or boilerplate-only article', () => {
    expect(summarize(bare(''))).toEqual({ summary: [], gist: null });
    expect(summarize(bare('   \n\n  '))).toEqual({ summary: [], gist: null });
    expect(summarize(bare('Scroll down for video'))).toEqual({ summary: [], gist: null });
    expect(summarize({ text: 'x', paragraphs: [], sentences: [], title: null, quotes: [], people: [] })).toEqual({ summary: [], gist: null });
  });

  it('does not exceed four sentences on a long article', () => {
    const text = SENTENCE_POOL.filter((s) => !s.startsWith('Scroll')).join(' ').repeat(3);
    const { summary } = summarize(bare(text));
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(4);
  });
});

describe('summary property', () => {
  it('is always made of whole sentences of the input, in order, each at most once', () => {
    const article = fc.array(fc.constantFrom(...SENTENCE_POOL), { minLength: 0, maxLength: 25 });
    const separator = fc.constantFrom(' ', '  ', '\n', ' \n\n');
    fc.assert(
      fc.property(article, separator, (sentences, sep) => {
        const text = sentences.join(sep);
        const input = bare(text);
        const { summary, gist } = summarize(input);
        const whole = input.sentences.map((s) => cleanSentence(text.slice(s.start, s.end)));
        let last = -1;
        for (const s of summary) {
          const at = whole.indexOf(s, last + 1);
          expect(at).toBeGreaterThan(last);
          last = at;
        }
        if (gist !== null) expect(whole).toContain(gist);
        if (gist !== null) expect(words(gist)).toBeLessThanOrEqual(40);
        if (whole.length === 0) expect(summary).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
