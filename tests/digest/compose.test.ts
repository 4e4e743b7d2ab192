import { describe, expect, it } from 'vitest';
import { composeDigest, digestAsText, pickQuote, type DigestContent } from '../../src/digest/compose.ts';
import { embedsLength } from '../../src/discord/limits.ts';
import type { DigestArticleRow, DigestQuoteRow } from '../../src/store/digests.ts';

function article(id: number, overrides: Partial<DigestArticleRow> = {}): DigestArticleRow {
  return {
    id, title: `Lighthouse keepers vote on the winter rota, part ${id}`, date: '2026-01-15', url: null,
    gist: 'Keepers on the northern coast agreed to split the long winter shifts between three crews.',
    ingestedAt: '2026-01-15T08:00:00.000Z', quoteCount: 1, ...overrides,
  };
}

function q(articleId: number, position: number, text: string, overrides: Partial<DigestQuoteRow> = {}): DigestQuoteRow {
  return { articleId, position, text, kind: 'direct', speaker: 'Ines Okafor', speakerQuotes: 3, ...overrides };
}

function content(overrides: Partial<DigestContent> = {}): DigestContent {
  return {
    localDate: '2026-01-15', timeZone: 'Europe/Lisbon', since: '2026-01-14T09:00:00.000Z', until: '2026-01-15T09:00:00.000Z',
    total: 1, articles: [article(1)], quotes: [q(1, 0, 'Three crews means nobody climbs the tower alone in a storm.')],
    people: [{ name: 'Ines Okafor', quotes: 1 }], ...overrides,
  };
}

describe('composing a digest', () => {
  it('has nothing to post when nothing new arrived', () => {
    expect(composeDigest(content({ total: 0, articles: [], quotes: [], people: [] }))).toEqual([]);
  });

  it('shows the headline, date, gist and quote with its speaker, then the most quoted people', () => {
    const [message, ...rest] = composeDigest(content());
    expect(rest).toEqual([]);
    expect(message!.content).toContain('**Daily digest · Thursday 15 January 2026**');
    expect(message!.content).toContain('1 new article since <t:1768381200:f>');
    const [first, people] = message!.embeds!;
    expect(first!.title).toBe('Lighthouse keepers vote on the winter rota, part 1');
    expect(first!.description).toContain('<t:1768478400:D> · 1 quote');
    expect(first!.description).toContain('Keepers on the northern coast agreed');
    expect(first!.description).toContain('> “Three crews means nobody climbs the tower alone in a storm.” — **Ines Okafor**');
    expect(people).toEqual(expect.objectContaining({ title: 'Most quoted', description: '1. **Ines Okafor** — 1 quote' }));
  });

  it('shows a quote interrupted by its attribution with the cut marked, and reported speech as reported', () => {
    const interrupted = q(1, 0, '"The tower is safe," "The stairs are not."');
    const [direct] = composeDigest(content({ quotes: [interrupted] }));
    expect(direct!.embeds![0]!.description).toContain('> “The tower is safe … The stairs are not.” — **Ines Okafor**');
    const mixed = q(1, 0, 'that the rota was "fair to every crew"', { kind: 'mixed' });
    const [reported] = composeDigest(content({ quotes: [mixed] }));
    expect(reported!.embeds![0]!.description).toContain('> The rota was "fair to every crew" *(reported)* — **Ines Okafor**');
  });

  it('escapes Markdown and defuses mass mentions in article text', () => {
    const [message] = composeDigest(content({
      articles: [article(1, { title: 'Ferry *strike* ends', gist: 'Crews return; @everyone relieved' })],
      quotes: [q(1, 0, 'We were told to wait `forever` for a deal', { speaker: 'Tam_Reyes' })],
      people: [{ name: 'Tam_Reyes', quotes: 1 }],
    }));
    const [first, people] = message!.embeds!;
    expect(first!.title).toBe('Ferry \\*strike\\* ends');
    expect(first!.description).not.toContain('@everyone');
    expect(first!.description).toContain('\\`forever\\`');
    expect(first!.description).toContain('**Tam\\_Reyes**');
    expect(people!.description).toContain('Tam\\_Reyes');
  });

  it('says how many arrived when it shows only the top ones', () => {
    const [message] = composeDigest(content({ total: 12, articles: [article(1), article(2)] }));
    expect(message!.content).toContain('The 2 newest and most quoted of 12 new articles');
  });

  it('splits over several messages within Discord limits', () => {
    const long = 'The harbour board debated the tide tables for hours and adjourned without a vote. '.repeat(8);
    const articles = Array.from({ length: 10 }, (_, i) => article(i + 1, { gist: long }));
    const quotes = articles.map((a) => q(a.id, 0, 'We will return to this on Monday with better charts and calmer heads. '.repeat(5)));
    const messages = composeDigest(content({ total: 10, articles, quotes }));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.embeds!.length).toBeLessThanOrEqual(10);
      expect(embedsLength(m.embeds!)).toBeLessThanOrEqual(6000);
      expect(m.content!.length).toBeLessThanOrEqual(2000);
      for (const e of m.embeds!) expect(e.description!.length).toBeLessThanOrEqual(4096);
    }
    expect(messages.flatMap((m) => m.embeds!).length).toBe(11); // every article and the people, none dropped
    expect(messages[1]!.content).toContain('continued');
    expect(digestAsText(messages)).toContain('## Lighthouse keepers vote on the winter rota, part 10');
  });

  it('picks the most telling quote: spoken words by a named speaker, of a readable length', () => {
    const quotes = [
      q(1, 0, 'the plan', { kind: 'direct' }),
      q(1, 1, 'that the council would probably revisit the ferry timetable next spring', { kind: 'indirect' }),
      q(1, 2, 'Nobody on this island should have to choose between a doctor and a day of work.', { speaker: null }),
      q(1, 3, 'Nobody on this island should have to choose between a doctor and a day of work.'),
      q(1, 4, 'We waited long enough, and the boats are finally coming back on time this week.'),
    ];
    expect(pickQuote(quotes)!.position).toBe(3);
    expect(pickQuote([])).toBeNull();
  });

  it('prefers what a named speaker reported to words nobody is named for', () => {
    const unattributed = q(1, 0, 'This is the worst winter for the fishing fleet in living memory.', { speaker: null });
    const reported = q(1, 1, 'that the harbour would stay open through the storm season', { kind: 'indirect' });
    expect(pickQuote([unattributed, reported])).toBe(reported);
  });

  it('prefers a statement to a word or two in quotation marks, even when reported', () => {
    const fragment = q(1, 0, 'a betrayal', { kind: 'direct' });
    const reported = q(1, 1, 'that the fishing quota had been cut without asking the crews', { kind: 'indirect' });
    expect(pickQuote([fragment, reported])).toBe(reported);
  });

  it('passes over a quote the gist already shows', () => {
    const gist = '"We will not sail until the nets are mended and the weather turns," the skipper said on Tuesday.';
    const inGist = q(1, 0, 'We will not sail until the nets are mended and the weather turns,');
    const other = q(1, 1, 'Every boat in this harbour has lost a season of work to the storms.');
    expect(pickQuote([inGist, other], gist)).toBe(other);
    expect(pickQuote([inGist, other])).toBe(inGist);
    const [message] = composeDigest(content({ articles: [article(1, { gist })], quotes: [inGist, other] }));
    expect(message!.embeds![0]!.description).toContain('“Every boat in this harbour has lost a season of work to the storms.”');
  });
});
