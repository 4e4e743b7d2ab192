import { describe, expect, it } from 'vitest';
import { prepareArticle, QUOTE_FIELDS, spansJson, unpackQuotes } from '../../src/store/prepared.ts';
import { makeArticle, makeQuote } from '../helpers/articles.ts';

describe('prepared quotes (packed to cross between threads)', () => {
  it('come back with every value as the analyser found it, nulls, empty strings and emoji included', () => {
    const quotes = [
      makeQuote('“We will rebuild the pier” 🌊', 'Ana Ruiz', { speakerStart: 40, speakerEnd: 48, start: 3, end: 31 }),
      makeQuote('', null, { cue: null, speakerMention: null, kind: 'indirect', segments: [] }),
      makeQuote('Tides wait for nobody, the harbourmaster said', 'Ana Ruiz', { kind: 'mixed', segments: [{ start: 50, end: 60 }, { start: 62, end: 80 }] }),
    ];
    const prepared = prepareArticle(makeArticle({ quotes }));
    expect(prepared.quotes.count).toBe(3);
    const values = unpackQuotes(prepared.quotes);
    const rows = quotes.map((_, q) => Object.fromEntries(QUOTE_FIELDS.map((field, k) => [field, values[q * QUOTE_FIELDS.length + k]])));
    expect(rows).toEqual(quotes.map((q) => ({
      speaker: q.speaker ? 0 : null, text: q.text, kind: q.kind, cue: q.cue, mention: q.speakerMention, speakerKind: q.speakerKind,
      start: q.start, end: q.end, segments: JSON.stringify(q.segments), speakerStart: q.speakerStart, speakerEnd: q.speakerEnd,
    })));
  });

  it('of an article without quotes are empty', () => {
    const prepared = prepareArticle(makeArticle());
    expect(prepared.quotes.count).toBe(0);
    expect(unpackQuotes(prepared.quotes)).toEqual([]);
  });
});

describe('spans as JSON', () => {
  it('are written exactly as JSON.stringify writes them', () => {
    for (const spans of [[], [{ start: 0, end: 1 }], [{ start: 12, end: 340 }, { start: 345, end: 1_999_999 }, { start: 2_000_001, end: 2_000_002 }]]) {
      expect(spansJson(spans)).toBe(JSON.stringify(spans));
    }
  });
});
