import { describe, expect, it } from 'vitest';
import { quotePieces, quoteText } from '../../src/discord/render/article.ts';
import type { StoredQuote } from '../../src/store/rows.ts';
import { articleDate, articleUnixTime, escapeMarkdown, unescapeMarkdown } from '../../src/discord/render/markdown.ts';
import { toMessagePayload } from '../../src/discord/render/payload.ts';
import { plainText, renderText } from '../../src/discord/render/text.ts';
import { closestNames, didYouMean, editDistance } from '../../src/discord/suggest.ts';

describe('Markdown and mentions', () => {
  it('escapes every formatting character and defuses mass mentions', () => {
    expect(escapeMarkdown('**bold** _it_ ~~s~~ `c` ||sp|| [l](u) <@1>')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\[l\\](u) \\<@1\\>');
    expect(escapeMarkdown('# head\n> quote\n- item\n12. item')).toBe('\\# head\n\\> quote\n\\- item\n12\\. item');
    expect(escapeMarkdown('hello @everyone and @here')).toBe('hello @\u200beveryone and @\u200bhere');
  });

  it('unescape gives the text back', () => {
    const text = '**bold** _it_ # not a head <@1> 3. x';
    expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
  });

  it('every payload disables mentions', () => {
    expect(toMessagePayload({ content: '@everyone' }).allowed_mentions).toEqual({ parse: [] });
    expect(toMessagePayload({ content: 'x', ephemeral: true })).toEqual({ content: 'x', flags: 64, allowed_mentions: { parse: [] } });
    expect(toMessagePayload({ content: 'x' }, { edit: true })).toEqual({ content: 'x', embeds: [], components: [], allowed_mentions: { parse: [] } });
  });
});

describe('quotes interrupted by their attribution', () => {
  // `body` holds the article text; the quote's segments are spans in it, its text the pieces joined by spaces.
  function quote(body: string, pieces: string[], kind: StoredQuote['kind'] = 'direct'): StoredQuote {
    const segments = pieces.map((p) => ({ start: body.indexOf(p), end: body.indexOf(p) + p.length }));
    return {
      id: 1, articleId: 1, position: 0, text: pieces.join(' '), kind, cue: 'said', speaker: 'Ada Brenn', speakerMention: 'she', speakerKind: 'person',
      personId: 1, start: segments[0]!.start, end: segments.at(-1)!.end, segments, articleTitle: null, articleDate: null, articleUrl: null,
    };
  }

  it('show each piece, the cut marked with an ellipsis and the piece\'s trailing comma dropped', () => {
    const body = '"The territory is inalienable," she said. "Sovereignty is inalienable."';
    const q = quote(body, ['"The territory is inalienable,"', '"Sovereignty is inalienable."']);
    expect(quotePieces(q)).toEqual(['"The territory is inalienable,"', '"Sovereignty is inalienable."']);
    expect(quoteText(q)).toBe('“The territory is inalienable … Sovereignty is inalienable.”');
  });

  it('keep a question mark before the cut, drop a dash, and read curly marks the same', () => {
    const asked = '“Who pays for it?” she asked. “Not the ferry crews.”';
    expect(quoteText(quote(asked, ['“Who pays for it?”', '“Not the ferry crews.”']))).toBe('“Who pays for it? … Not the ferry crews.”');
    const broken = '"We tried —" she said, "and failed."';
    expect(quoteText(quote(broken, ['"We tried —"', '"and failed."']))).toBe('“We tried … and failed.”');
  });

  it('a quotation continued in the next paragraph reads on without a cut', () => {
    const body = '"We expected queues," Ada Brenn said. "We did not expect them at night.\n\n"Now we open until nine."';
    const q = quote(body, ['"We expected queues,"', '"We did not expect them at night.', '"Now we open until nine."']);
    expect(quoteText(q)).toBe('“We expected queues … We did not expect them at night. Now we open until nine.”');
  });

  it('reported speech keeps its own marks and shows the cut too', () => {
    const body = 'She said that the plan was "a start," she added, "not an answer."';
    const q = quote(body, ['that the plan was "a start,"', '"not an answer."'], 'mixed');
    expect(quoteText(q)).toBe('The plan was "a start" … "not an answer." *(reported)*');
  });

  it('text whose spans do not fit it is cut where one quotation closes and the next opens', () => {
    const q = { ...quote('"A," she said. "B."', ['"A,"', '"B."']), segments: [] };
    expect(quotePieces(q)).toEqual(['"A,"', '"B."']);
    expect(quoteText(q)).toBe('“A … B.”');
    expect(quoteText({ ...q, text: '"Just one piece."' })).toBe('“Just one piece.”');
  });
});

describe('dates', () => {
  it('a date alone is placed at noon UTC so it is the same day everywhere', () => {
    expect(articleUnixTime('2025-05-04')).toBe(Date.parse('2025-05-04T12:00:00Z') / 1000);
    expect(articleDate('2025-05-04', '2025-05-04T11:56:00-06:00')).toBe(`<t:${Date.parse('2025-05-04T17:56:00Z') / 1000}:D>`);
    expect(articleDate(null)).toBe('undated');
  });
});

describe('plain text for the console', () => {
  it('turns timestamps, links and emphasis into text', () => {
    expect(plainText(`**1.** [Big \\*news\\*](https://x.example) · <t:${Date.parse('2025-05-04T12:00:00Z') / 1000}:D> *(reported)*`))
      .toBe('1. Big *news* <https://x.example> · 2025-05-04 (reported)');
  });

  it('renders embeds and the buttons one can type', () => {
    const text = renderText({
      embeds: [{ title: 'T', description: 'D', fields: [{ name: 'N', value: 'V' }], footer: { text: 'F' } }],
      buttons: [[{ kind: 'action', customId: 'a', label: 'Previous', disabled: true }, { kind: 'action', customId: 'b', label: 'Next' }]],
    });
    expect(text).toBe('== T ==\n\nD\n\nN:\n  V\n\n-- F\n\n[next] (type next)');
  });
});

describe('did you mean', () => {
  const known = [
    { name: 'Claudia Sheinbaum', key: 'claudia sheinbaum', quoteCount: 11 },
    { name: 'Odalys Ferreira', key: 'odalys ferreira', quoteCount: 2 },
    { name: 'José Núñez', key: 'jose nunez', quoteCount: 12 },
  ];
  it('finds typos in a surname, a full name, or without accents', () => {
    expect(closestNames('Sheinbam', known)).toEqual(['Claudia Sheinbaum']);
    expect(closestNames('claudia shienbaum', known)).toEqual(['Claudia Sheinbaum']);
    expect(closestNames('Nunes', known)).toEqual(['José Núñez']);
    expect(closestNames('Zebediah', known)).toEqual([]);
    expect(didYouMean(['A', 'B', 'C'])).toBe('Did you mean A, B or C?');
  });

  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'x', 2)).toBe(3);
  });
});
