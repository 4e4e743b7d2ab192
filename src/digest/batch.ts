import type { DigestArticleRow, DigestPersonRow, DigestQuoteRow, DigestStore } from '../store/digests.ts';
import type { DigestContent } from './compose.ts';

/**
 * Many digests that end at the same instant (every guild due in one scheduler tick) read the same recent
 * articles. This loads the articles and quotes of [earliest start, until) once and answers each guild's
 * window [since, until) from memory: the same result as the per-guild queries, without a scan per guild.
 */
export interface WindowCache {
  readonly until: string;
  /** True when a window [since, until) lies within what was loaded. */
  covers(since: string, until: string): boolean;
  content(since: string, limit: number, localDate: string, timeZone: string): DigestContent;
}

type QuoteRow = DigestQuoteRow & { personId: number | null; ingestedAt: string };

/** Newest date first (undated last), then most quoted, then latest ingested, then highest id. */
function rank(a: DigestArticleRow, b: DigestArticleRow): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.quoteCount !== b.quoteCount) return b.quoteCount - a.quoteCount;
  if (a.ingestedAt !== b.ingestedAt) return a.ingestedAt < b.ingestedAt ? 1 : -1;
  return b.id - a.id;
}

/** Index of the first item whose ingestedAt is >= since (items sorted by ingestedAt). */
function lowerBound(items: { ingestedAt: string }[], since: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.ingestedAt < since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The `limit` best of `items` by `compare`, best first, without sorting them all. */
function topK<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === limit && compare(item, top[limit - 1]!) >= 0) continue;
    let i = top.length < limit ? top.length : limit - 1;
    top[i] = item;
    while (i > 0 && compare(top[i]!, top[i - 1]!) < 0) {
      [top[i], top[i - 1]] = [top[i - 1]!, top[i]!];
      i--;
    }
  }
  return top;
}

interface PersonCount extends DigestPersonRow {
  total: number;
}

const byQuotes = (a: PersonCount, b: PersonCount): number =>
  b.quotes - a.quotes || b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Inserts or moves `person` (whose count just grew) into its place in `top`, the `limit` best so far. */
function promote(top: PersonCount[], person: PersonCount, limit: number): void {
  let i = top.indexOf(person);
  if (i < 0) {
    if (top.length < limit) i = top.push(person) - 1;
    else if (byQuotes(person, top[limit - 1]!) < 0) top[(i = limit - 1)] = person;
    else return;
  }
  while (i > 0 && byQuotes(top[i]!, top[i - 1]!) < 0) {
    [top[i], top[i - 1]] = [top[i - 1]!, top[i]!];
    i--;
  }
}

/**
 * Loads what the windows [since, until) of `starts` need, once; `people` is how many most quoted people a
 * digest lists. Other windows within the load are answered too, only more slowly for their people.
 */
export function createWindowCache(digests: DigestStore, starts: string[], until: string, people = 5): WindowCache {
  const earliest = starts.reduce((a, b) => (a < b ? a : b), until);
  const articles = digests.allWindowArticles(earliest, until);
  const quotes: QuoteRow[] = digests.allWindowQuotes(earliest, until);
  const quotesByArticle = new Map<number, DigestQuoteRow[]>();
  for (const q of quotes) {
    const list = quotesByArticle.get(q.articleId);
    if (list) list.push(q);
    else quotesByArticle.set(q.articleId, [q]);
  }
  let peopleBySince: Map<string, DigestPersonRow[]> | null = null;

  /**
   * The most quoted people of every window in `starts`, in one sweep: from the latest start back to the
   * earliest, each quote is counted once as the window grows, and the few leaders are kept as it goes
   * (counts only grow, so only the person just counted can enter them).
   */
  function sweep(): Map<string, DigestPersonRow[]> {
    const bySince = new Map<string, DigestPersonRow[]>();
    const counts = new Map<number, PersonCount>();
    const top: PersonCount[] = [];
    let next = quotes.length;
    for (const since of [...new Set(starts)].sort().reverse()) {
      const first = lowerBound(quotes, since);
      while (next > first) {
        const q = quotes[--next]!;
        if (q.personId === null || q.speaker === null) continue;
        let c = counts.get(q.personId);
        if (c) c.quotes++;
        else counts.set(q.personId, (c = { name: q.speaker, quotes: 1, total: q.speakerQuotes }));
        promote(top, c, people);
      }
      bySince.set(since, top.map((p) => ({ name: p.name, quotes: p.quotes })));
    }
    return bySince;
  }

  function topPeople(since: string): DigestPersonRow[] {
    peopleBySince ??= sweep();
    const known = peopleBySince.get(since);
    if (known) return known;
    const counts = new Map<number, PersonCount>();
    for (let i = lowerBound(quotes, since); i < quotes.length; i++) {
      const q = quotes[i]!;
      if (q.personId === null || q.speaker === null) continue;
      const c = counts.get(q.personId);
      if (c) c.quotes++;
      else counts.set(q.personId, { name: q.speaker, quotes: 1, total: q.speakerQuotes });
    }
    const top = topK(counts.values(), people, byQuotes).map((p) => ({ name: p.name, quotes: p.quotes }));
    peopleBySince.set(since, top);
    return top;
  }

  return {
    until,
    covers: (since, end) => end === until && since >= earliest,
    content(since, limit, localDate, timeZone) {
      const first = lowerBound(articles, since);
      const chosen = topK(articles.slice(first), limit, rank);
      const base = { localDate, timeZone, since, until, total: articles.length - first, articles: chosen };
      if (chosen.length === 0) return { ...base, quotes: [], people: [] };
      return { ...base, quotes: chosen.flatMap((a) => quotesByArticle.get(a.id) ?? []), people: topPeople(since) };
    },
  };
}
