import type { AnalyzedArticle, Quote } from '../../src/core/types.ts';

/** A hand-built analysed article, so store tests do not depend on what the analysers find. */
export function makeArticle(overrides: Partial<AnalyzedArticle> = {}): AnalyzedArticle {
  return {
    title: 'Harbour council approves the ferry plan',
    titleGenerated: false,
    date: '2025-03-08',
    publishedAt: '2025-03-08T21:05:00Z',
    timeZone: 'UTC',
    timeZoneAssumed: true,
    dateline: '9:05 PM – Saturday, March 8, 2025',
    author: 'Owen Castellanos',
    authors: ['Owen Castellanos'],
    outlet: 'Valley Herald',
    caption: null,
    photoCredit: null,
    url: null,
    imageUrl: null,
    body: 'The harbour council approved the ferry plan on Saturday.',
    paragraphs: [{ start: 0, end: 57 }],
    warnings: [],
    sentences: [{ start: 0, end: 57 }],
    quotes: [],
    people: [],
    summary: ['The harbour council approved the ferry plan on Saturday.'],
    gist: 'The harbour council approved the ferry plan on Saturday.',
    ...overrides,
  };
}

export function makeQuote(text: string, speaker: string | null, overrides: Partial<Quote> = {}): Quote {
  return {
    text, start: 0, end: text.length, segments: [{ start: 0, end: text.length }], kind: 'direct', cue: 'said',
    speaker, speakerMention: speaker, speakerStart: null, speakerEnd: null, speakerKind: speaker ? 'person' : 'unknown',
    ...overrides,
  };
}

/** An article in which the named people are quoted (one quote each per text). */
export function articleQuoting(quotes: [speaker: string, text: string][], overrides: Partial<AnalyzedArticle> = {}): AnalyzedArticle {
  const names = [...new Set(quotes.map(([speaker]) => speaker))];
  return makeArticle({
    quotes: quotes.map(([speaker, text]) => makeQuote(text, speaker)),
    people: names.map((name) => ({
      name, key: name.toLowerCase(), titles: [], gender: null, kind: 'person' as const,
      quoteCount: quotes.filter(([s]) => s === name).length,
    })),
    ...overrides,
  });
}
