import { analyzeHtml } from '../core/analyze.ts';
import { FeedParseError, parseFeed, type FeedItem } from '../core/parse/feed.ts';
import type { ParsedArticle } from '../core/types.ts';
import type { AppContext } from '../context.ts';
import type { FeedRow } from '../store/feeds.ts';
import { FetchError, safeFetch } from './http.ts';
import { articleHash, canonicalUrl, fetchOptions, fetchPage, pageArticle, PageRejectedError, urlSourceKey } from './web.ts';

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
/** Items handled per poll, newest first; older ones wait for the next poll (500 items must not fetch 500 pages at once). */
export const MAX_ITEMS_PER_POLL = 40;
/** Time one poll may spend on item pages; the items left wait for the next poll. */
export const POLL_BUDGET_MS = 120_000;
/** An item that failed this many times is left alone. */
export const MAX_ITEM_ATTEMPTS = 3;

export interface PollResult {
  /** False when the server answered 304 Not Modified. */
  modified: boolean;
  title: string | null;
  siteUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  /** New articles stored by this poll. */
  stored: number;
  /** Items already seen (or given up on). */
  known: number;
  failed: { itemId: string; reason: string }[];
}

/**
 * Polls one feed: a conditional GET with the stored validators, then every item not seen before is stored as an
 * article (teasers by fetching their page). Items of a feed's first poll are its backlog: stored, but kept out of digests.
 * Throws FetchError or FeedParseError when the feed itself cannot be read; failures of single items are returned.
 */
export async function pollFeed(ctx: AppContext, feed: FeedRow): Promise<PollResult> {
  const response = await safeFetch(feed.url, fetchOptions(ctx, { accept: FEED_ACCEPT, etag: feed.etag, lastModified: feed.lastModified }));
  const validators = { etag: response.etag ?? feed.etag, lastModified: response.lastModified ?? feed.lastModified };
  if (!response.modified) {
    return { modified: false, title: feed.title, siteUrl: feed.siteUrl, ...validators, stored: 0, known: 0, failed: [] };
  }
  const parsed = parseFeed(response.text, { url: response.url, timeZone: ctx.config.timeZone });
  const result: PollResult = { modified: true, title: parsed.title, siteUrl: parsed.link, ...validators, stored: 0, known: 0, failed: [] };
  const fresh: FeedItem[] = [];
  for (const item of uniqueById(parsed.items)) {
    const seen = ctx.store.feeds.item(feed.id, item.id);
    if (seen && (seen.stored || seen.attempts >= MAX_ITEM_ATTEMPTS)) result.known++;
    else fresh.push(item);
  }
  if (fresh.length > MAX_ITEMS_PER_POLL) {
    // The older rest waits for the next poll: forget the validators so that poll is not answered 304.
    Object.assign(result, { etag: null, lastModified: null });
  }
  const startedAt = Date.now();
  const waiting = new Set(fresh);
  for (const item of oldestFirst(fresh).slice(-MAX_ITEMS_PER_POLL)) {
    if (Date.now() - startedAt > POLL_BUDGET_MS) {
      Object.assign(result, { etag: null, lastModified: null });
      ctx.log.info({ feed: feed.url }, 'feed poll out of time; the remaining items wait for the next poll');
      break;
    }
    waiting.delete(item);
    const now = ctx.now().toISOString();
    try {
      const { articleId, status } = await storeItem(ctx, feed, item);
      // The first poll's items are the feed's backlog: stored, but not news for the next digest. An article
      // the store already had keeps its own place in digests.
      const backlog = !feed.primed && status !== 'unchanged';
      ctx.store.feeds.recordItem({ feedId: feed.id, itemId: item.id, title: item.title, link: item.link, articleId, error: null, backlog, now });
      if (status !== 'unchanged') result.stored++;
      else result.known++;
    } catch (error) {
      const reason = error instanceof FetchError || error instanceof PageRejectedError ? error.message : `could not be stored: ${(error as Error).message}`;
      if (!(error instanceof FetchError)) ctx.log.warn({ feed: feed.url, item: item.id, reason }, 'feed item not stored');
      ctx.store.feeds.recordItem({ feedId: feed.id, itemId: item.id, title: item.title, link: item.link, articleId: null, error: reason, backlog: !feed.primed, now });
      result.failed.push({ itemId: item.id, reason });
    }
  }
  if (!feed.primed) markWaitingBacklog(ctx, feed, waiting);
  // Failed items are retried by the next poll, which must then get the whole feed rather than a 304.
  if (result.failed.length > 0) Object.assign(result, { etag: null, lastModified: null });
  return result;
}

/**
 * The first poll's items left for later polls (over the per-poll limit or out of time) are backlog all the same:
 * recorded now as seen and not stored, so the poll that stores them keeps them out of digests. (The record counts
 * as one of the item's attempts.)
 */
function markWaitingBacklog(ctx: AppContext, feed: FeedRow, items: Set<FeedItem>): void {
  const now = ctx.now().toISOString();
  for (const item of items) {
    ctx.store.feeds.recordItem({ feedId: feed.id, itemId: item.id, title: item.title, link: item.link, articleId: null, error: 'waiting for a later poll', backlog: true, now });
  }
}

/** Turns one feed item into a stored article: its own content when complete, else the page it links to. */
async function storeItem(ctx: AppContext, feed: FeedRow, item: FeedItem) {
  const zone = ctx.config.timeZone;
  let built;
  if (item.isTeaser && item.link) {
    const page = await fetchPage(ctx, item.link);
    built = pageArticle(page.html, page.url, zone, (parsed) => fillFromItem(parsed, item));
  } else if (item.html) {
    const article = analyzeHtml(itemDocument(item), { url: item.link ?? feed.url, timeZone: zone });
    if (!article.body.trim()) throw new PageRejectedError(`item "${item.title ?? item.id}" has no text`);
    const url = item.link ? canonicalUrl(item.link, null) : null;
    built = { article: { ...article, url }, url };
  } else {
    throw new PageRejectedError(`item "${item.title ?? item.id}" has neither text nor a link`);
  }
  const { article, url } = built;
  const saved = ctx.store.articles.save({
    article,
    contentHash: articleHash(article),
    sourceKey: url ? urlSourceKey(url) : `feed:${feed.url}#${item.id}`,
    source: { kind: 'feed', locator: feed.url, timeZone: zone },
    ingestedAt: ctx.now().toISOString(),
  });
  return saved;
}

/** What a page lacks (headline, date, author), taken from its feed item. */
function fillFromItem(parsed: ParsedArticle, item: FeedItem): ParsedArticle {
  const out = { ...parsed };
  if ((!out.title || out.titleGenerated) && item.title) Object.assign(out, { title: item.title, titleGenerated: false });
  if (!out.publishedAt && item.publishedAt) {
    Object.assign(out, { publishedAt: item.publishedAt, date: item.publishedAt.slice(0, 10), warnings: out.warnings.filter((w) => w !== 'no publication date found') });
  }
  if (!out.author && item.author) Object.assign(out, { author: item.author, authors: [item.author] });
  return out;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An item's content as a page whose metadata (headline, date, author, link) comes from the item. */
function itemDocument(item: FeedItem): string {
  const meta = [
    item.title ? `<title>${escapeHtml(item.title)}</title><meta property="og:title" content="${escapeHtml(item.title)}">` : '',
    item.author ? `<meta name="author" content="${escapeHtml(item.author)}">` : '',
    item.publishedAt ? `<meta property="article:published_time" content="${escapeHtml(item.publishedAt)}">` : '',
    item.link ? `<link rel="canonical" href="${escapeHtml(item.link)}">` : '',
  ].join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${meta}</head><body><article>${item.html ?? ''}</article></body></html>`;
}

function uniqueById(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && (seen.add(item.id), true));
}

/** Oldest first, so articles are stored in the order they were published. */
function oldestFirst(items: FeedItem[]): FeedItem[] {
  const dated = items.every((i) => i.publishedAt);
  if (!dated) return [...items].reverse();
  return [...items].sort((a, b) => Date.parse(a.publishedAt!) - Date.parse(b.publishedAt!));
}

/** A message for a feed that could not be polled. */
export function pollErrorMessage(error: unknown): string {
  if (error instanceof FetchError || error instanceof FeedParseError) return error.message;
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}
