import { embedsLength, fitReply, LIMITS, truncate } from '../discord/limits.ts';
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
const KIND_WEIGHT = { direct: 30, mixed: 20, indirect: 10 } as const;

function quoteScore(q: DigestQuoteRow): number {
  const n = q.text.length;
  const length = n < 25 ? -15 : n <= 60 ? 2 : n <= 250 ? 5 : n <= 400 ? 2 : 0;
  return KIND_WEIGHT[q.kind] + (q.speaker ? 12 : 0) + length + Math.min(q.speakerQuotes, 20) / 10;
}

/**
 * The article's most telling quote: spoken words (direct, then mixed, then reported) by a named speaker, of
 * a readable length, from someone often quoted; the earliest wins a tie. Null when the article has none.
 */
export function pickQuote(quotes: DigestQuoteRow[]): DigestQuoteRow | null {
  let best: DigestQuoteRow | null = null;
  let bestScore = -Infinity;
  for (const q of quotes) {
    const score = quoteScore(q);
    if (score > bestScore || (score === bestScore && best && q.position < best.position)) {
      best = q;
      bestScore = score;
    }
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
    const text = escapeMarkdown(truncate(quote.text, QUOTE_MAX));
    const said = quote.kind === 'indirect' ? text : `“${text}”`;
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

function heading(content: DigestContent): string {
  const day = DAY_FORMAT.format(new Date(`${content.localDate}T12:00:00Z`)).replace(',', '');
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
  const embeds = content.articles.map((a) => articleEmbed(a, pickQuote(byArticle.get(a.id) ?? [])));
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
