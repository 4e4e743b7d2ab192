import type { AppContext } from '../context.ts';
import type { FeedListRow, FeedRow } from '../store/feeds.ts';
import type { FeedPollReport } from './feed-poller.ts';

/**
 * Subscribing to, listing and removing feeds: shared by `quotewire feed` and `/feed`, which only read their
 * input and show what these return.
 */

export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 24 * 60;

/** A feed request the user can fix (bad URL, unknown feed, duplicate); the message says how. */
export class FeedAdminError extends Error {
  override name = 'FeedAdminError';
}

/** "15m", "2h", "1h30m", "1d" or a bare number of minutes -> minutes, within 5 minutes and a day. */
export function parseInterval(text: string): number {
  const trimmed = text.trim().toLowerCase();
  let minutes: number | null = null;
  if (/^\d+$/.test(trimmed)) minutes = Number(trimmed);
  else if (/^(\d+\s*[dhm]\s*)+$/.test(trimmed)) {
    minutes = 0;
    for (const [, n, unit] of trimmed.matchAll(/(\d+)\s*([dhm])/g)) minutes += Number(n) * (unit === 'd' ? 1440 : unit === 'h' ? 60 : 1);
  }
  if (minutes === null) throw new FeedAdminError(`"${text}" is not an interval; write it like 15m, 2h or 1h30m`);
  if (minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES) {
    throw new FeedAdminError(`the interval must be between ${MIN_INTERVAL_MINUTES} minutes and 24 hours (got ${formatInterval(minutes)})`);
  }
  return minutes;
}

export function formatInterval(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)}h${minutes % 60 ? `${minutes % 60}m` : ''}`;
  return `${minutes}m`;
}

function feedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FeedAdminError(`"${text}" is not a URL; give the feed's full address, e.g. https://example.org/feed.xml`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedAdminError('only http and https feeds can be added');
  url.hash = '';
  return url.href;
}

/**
 * Subscribes to a feed and polls it at once: its current items are stored as backlog, not news for digests.
 * A URL that cannot be fetched or is not a feed is not added; a web page that announces a feed adds that feed
 * instead.
 */
export async function addFeed(ctx: AppContext, text: string, options: { intervalMinutes: number; addedBy?: string | null }, discover = true): Promise<{ feed: FeedRow; report: FeedPollReport }> {
  const url = feedUrl(text);
  const existing = ctx.store.feeds.byUrl(url);
  if (existing) throw new FeedAdminError(`that feed is already there as #${existing.id}${existing.pausedAt ? ' (paused; resume it instead)' : ''}`);
  const now = ctx.now();
  const feed = ctx.store.feeds.add({ url, intervalMinutes: options.intervalMinutes, now: now.toISOString(), addedBy: options.addedBy ?? null });
  // Polling loads the ingest stack (feeds, HTML, analysis); listing and removing feeds must not.
  const { pollAndSchedule } = await import('./feed-poller.ts');
  const report = await pollAndSchedule(ctx, feed, now);
  if (report.status !== 'failed') return { feed: ctx.store.feeds.byId(feed.id) ?? feed, report };
  ctx.store.feeds.remove(feed.id);
  const announced = discover && report.errorKind === 'parse' ? await announcedFeed(ctx, url) : null;
  if (announced) return addFeed(ctx, announced, options, false);
  throw new FeedAdminError(`not added: ${report.error}`);
}

/** The first feed a web page links to as its alternate, if the URL is such a page. */
async function announcedFeed(ctx: AppContext, url: string): Promise<string | null> {
  try {
    const [{ fetchPage }, { discoverFeeds }] = await Promise.all([import('./web.ts'), import('./feed-discovery.ts')]);
    const page = await fetchPage(ctx, url);
    return discoverFeeds(page.html, page.url)[0] ?? null;
  } catch {
    return null;
  }
}

/** A feed by its number ("3", "#3") or its URL. */
export function findFeed(ctx: AppContext, ref: string): FeedRow {
  const id = /^#?(\d+)$/.exec(ref.trim())?.[1];
  const feed = id ? ctx.store.feeds.byId(Number(id)) : ctx.store.feeds.byUrl(safeUrl(ref) ?? ref);
  if (!feed) throw new FeedAdminError(`no feed ${ref}; see the list for the numbers`);
  return feed;
}

const safeUrl = (text: string): string | null => {
  try {
    return feedUrl(text);
  } catch {
    return null;
  }
};

/** Unsubscribes; the articles stored from it stay. */
export function removeFeed(ctx: AppContext, ref: string): FeedRow {
  const feed = findFeed(ctx, ref);
  ctx.store.feeds.remove(feed.id);
  return feed;
}

/** Unpauses a feed and polls it at the next check. */
export function resumeFeed(ctx: AppContext, ref: string): FeedRow {
  const feed = findFeed(ctx, ref);
  ctx.store.feeds.resume(feed.id, ctx.now().toISOString());
  return ctx.store.feeds.byId(feed.id) ?? feed;
}

const hhmm = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** One feed's state in words: ok, failing (with its next retry) or paused. */
export function feedState(feed: FeedRow): string {
  if (feed.pausedAt) return `PAUSED since ${hhmm(feed.pausedAt)} after ${feed.failures} failed polls in a row: ${feed.lastError ?? 'unknown error'}`;
  if (feed.failures > 0) return `failing (${feed.failures} in a row), retry at ${hhmm(feed.nextPollAt)}: ${feed.lastError ?? 'unknown error'}`;
  return feed.lastOkAt ? `ok, next poll ${hhmm(feed.nextPollAt)}` : `waiting for its first poll`;
}

/** One line per feed, for `feed list` and `/feed list`. */
export function describeFeed(feed: FeedListRow): string {
  const name = feed.title ? `${feed.title} ` : '';
  return `#${feed.id} ${name}<${feed.url}> every ${formatInterval(feed.intervalMinutes)}, ${feed.items} article${feed.items === 1 ? '' : 's'} - ${feedState(feed)}`;
}
