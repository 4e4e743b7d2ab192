import { embedsLength, fitReply, LIMITS, truncate } from '../discord/limits.ts';
import { quoteText } from '../discord/render/article.ts';
import { articleDate, escapeMarkdown } from '../discord/render/markdown.ts';
import type { Embed, Reply } from '../discord/reply.ts';
import type { DigestArticleRow, DigestPersonRow, DigestQuoteRow } from '../store/digests.ts';

/**
 * What a digest says, as plain reply values (no I/O): the chosen articles with their gist and most telling
 * quote, then the most quoted people, split over as many messages as Discord's limits need.
 */

export interface DigestContent {
  /** The guild's local day the digest is for, YYYY-MM-DD. */
  localDate: string;
  timeZone: string;
  /** Articles ingested in [since, until) (ISO). */
  since: string;
  until: string;
  /** How many articles arrived in the window (the digest shows at most `articles.length`). */
  total: number;
  /** Newest and most quoted first. */
  articles: DigestArticleRow[];
  /** Quotes of those articles. */
  quotes: DigestQuoteRow[];
  people: DigestPersonRow[];
}

const COLOR = 0x2f6f9f;
const QUOTE_MAX = 300;
const GIST_MAX = 600;
const KIND_RANK = { direct: 2, mixed: 1, indirect: 0 } as const;
/** Shorter than this, a quote is a fragment ("a disgrace", "the plan"): a word in quotation marks, not a statement. */
const FRAGMENT_CHARS = 25;

/** 2 for a quote of a comfortable length, 1 for a short or long one, 0 for one that would be cut hard. */
function lengthBand(n: number): number {
  if (n >= 60 && n <= 250) return 2;
  return n <= 400 ? 1 : 0;
}

/** How much of a quote's opening must appear in the gist for the gist to count as already showing it. */
const GIST_OVERLAP = 60;

/**
 * True when the gist already carries the quote's words (a lede sentence often is the quote), so showing it
 * adds nothing. Both are copied from the same body, so the quote's opening appears in the gist as written.
 */
function inGist(quote: DigestQuoteRow, gist: string | null): boolean {
  const opening = quote.text.slice(0, GIST_OVERLAP).trim();
  return gist !== null && opening.length > 0 && gist.includes(opening);
}

/** Positive when `a` is the more telling quote, deciding by each rule in turn (see pickQuote). */
function compareQuotes(a: DigestQuoteRow, b: DigestQuoteRow, gist: string | null): number {
  return (a.speaker ? 1 : 0) - (b.speaker ? 1 : 0)
    || (a.text.length >= FRAGMENT_CHARS ? 1 : 0) - (b.text.length >= FRAGMENT_CHARS ? 1 : 0)
    || (inGist(a, gist) ? 0 : 1) - (inGist(b, gist) ? 0 : 1)
    || KIND_RANK[a.kind] - KIND_RANK[b.kind]
    || lengthBand(a.text.length) - lengthBand(b.text.length)
    || Math.min(a.speakerQuotes, 20) - Math.min(b.speakerQuotes, 20);
}

/**
 * The article's most telling quote, deciding by each rule in turn: a named speaker (the digest shows who
 * said it); a statement, not a quoted word or two; words the gist does not already show; spoken words
 * (direct, then mixed, then reported speech); a readable length; someone often quoted. The earliest quote
 * wins a tie. Null when the article has none.
 */
export function pickQuote(quotes: DigestQuoteRow[], gist: string | null = null): DigestQuoteRow | null {
  if (quotes.length <= 1) return quotes[0] ?? null;
  let best = quotes[0]!;
  for (let i = 1; i < quotes.length; i++) {
    const q = quotes[i]!;
    const order = compareQuotes(q, best, gist);
    if (order > 0 || (order === 0 && q.position < best.position)) best = q;
  }
  return best;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function articleEmbed(article: DigestArticleRow, quote: DigestQuoteRow | null): Embed {
  const lines = [`${articleDate(article.date)} · ${plural(article.quoteCount, 'quote')}`];
  if (article.gist) lines.push(escapeMarkdown(truncate(article.gist, GIST_MAX)));
  if (quote) {
    const said = quoteText({ text: quote.text, kind: quote.kind, segments: [] }, QUOTE_MAX);
    lines.push(`> ${said.replace(/\n+/g, ' ')} — ${quote.speaker ? `**${escapeMarkdown(quote.speaker)}**` : 'unattributed'}`);
  }
  const embed: Embed = {
    title: truncate(escapeMarkdown(article.title ?? 'Untitled article'), LIMITS.title),
    description: truncate(lines.join('\n'), LIMITS.description),
    color: COLOR,
  };
  if (article.url && /^https?:\/\//i.test(article.url)) embed.url = article.url;
  return embed;
}

function peopleEmbed(people: DigestPersonRow[]): Embed {
  return {
    title: 'Most quoted',
    description: people.map((p, i) => `${i + 1}. **${escapeMarkdown(p.name)}** — ${plural(p.quotes, 'quote')}`).join('\n'),
    color: COLOR,
  };
}

// A calendar date needs no zone: formatting it at noon UTC names the same day everywhere.
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Formatting a date is slow next to everything else here, and a tick's digests share a few local days.
const dayNames = new Map<string, string>();
function dayName(localDate: string): string {
  let name = dayNames.get(localDate);
  if (name === undefined) {
    if (dayNames.size > 1000) dayNames.clear();
    name = DAY_FORMAT.format(new Date(`${localDate}T12:00:00Z`)).replace(',', '');
    dayNames.set(localDate, name);
  }
  return name;
}

function heading(content: DigestContent): string {
  const day = dayName(content.localDate);
  const since = `<t:${Math.floor(Date.parse(content.since) / 1000)}:f>`;
  const shown = content.articles.length;
  const count = shown < content.total
    ? `The ${shown} newest and most quoted of ${plural(content.total, 'new article')} since ${since}.`
    : `${plural(content.total, 'new article')} since ${since}.`;
  return `**Daily digest · ${day}**\n${count}`;
}

/** Packs embeds into messages of at most 10 embeds and 6,000 embed characters each, in order. */
function pack(embeds: Embed[]): Embed[][] {
  const messages: Embed[][] = [];
  let current: Embed[] = [];
  let length = 0;
  for (const embed of embeds) {
    const size = embedsLength([embed]);
    if (current.length > 0 && (current.length === LIMITS.embeds || length + size > LIMITS.embedTotal)) {
      messages.push(current);
      current = [];
      length = 0;
    }
    current.push(embed);
    length += size;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/** The messages of a digest, in posting order; none when nothing new arrived. */
export function composeDigest(content: DigestContent): Reply[] {
  if (content.articles.length === 0) return [];
  const byArticle = new Map<number, DigestQuoteRow[]>();
  for (const q of content.quotes) {
    const list = byArticle.get(q.articleId);
    if (list) list.push(q);
    else byArticle.set(q.articleId, [q]);
  }
  const embeds = content.articles.map((a) => articleEmbed(a, pickQuote(byArticle.get(a.id) ?? [], a.gist)));
  if (content.people.length > 0) embeds.push(peopleEmbed(content.people));
  const messages = pack(embeds);
  return messages.map((group, i) => fitReply({
    content: i === 0 ? heading(content) : `*Daily digest, continued (${i + 1}/${messages.length})*`,
    embeds: group,
  }));
}

/** The digest as plain text (for the command line and logs). */
export function digestAsText(messages: Reply[]): string {
  const out: string[] = [];
  for (const m of messages) {
    if (m.content) out.push(m.content);
    for (const e of m.embeds ?? []) {
      out.push('', `## ${e.title ?? ''}${e.url ? ` <${e.url}>` : ''}`, e.description ?? '');
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}
