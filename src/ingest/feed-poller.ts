import type { AppContext } from '../context.ts';
import type { Service } from '../main.ts';
import type { FeedRow } from '../store/feeds.ts';
import { FeedParseError } from '../core/parse/feed.ts';
import { pollErrorMessage, pollFeed } from './feeds.ts';
import { FetchError } from './http.ts';

const MINUTE = 60_000;
/** First retry after a failure; doubles with every failure in a row. */
export const BACKOFF_START_MS = 5 * MINUTE;
export const BACKOFF_MAX_MS = 24 * 60 * MINUTE;
/** A feed that failed this many polls in a row is paused until someone resumes it. */
export const PAUSE_AFTER_FAILURES = 10;

/** How long to wait after the n-th failure in a row: 5 min, 10, 20, ... capped at a day. */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(BACKOFF_START_MS * 2 ** Math.min(failures - 1, 30), BACKOFF_MAX_MS);
}

export interface FeedPollReport {
  feedId: number;
  url: string;
  status: 'new' | 'unchanged' | 'failed';
  stored: number;
  itemFailures: number;
  error?: string;
  /** What failed: fetching the feed, or reading it (not a feed, malformed). */
  errorKind?: 'fetch' | 'parse' | 'other';
  failures?: number;
  paused?: boolean;
}

/**
 * Polls one feed and records the outcome: on success the next poll is one interval later; on failure the
 * feed backs off, and is paused after PAUSE_AFTER_FAILURES failures in a row. Never throws.
 */
export async function pollAndSchedule(ctx: AppContext, feed: FeedRow, now: Date): Promise<FeedPollReport> {
  const base = { feedId: feed.id, url: feed.url };
  try {
    const result = await pollFeed(ctx, feed);
    ctx.store.feeds.recordSuccess({
      id: feed.id, title: result.title, siteUrl: result.siteUrl, etag: result.etag, lastModified: result.lastModified,
      now: now.toISOString(), nextPollAt: new Date(now.getTime() + feed.intervalMinutes * MINUTE).toISOString(),
    });
    if (result.stored > 0 || result.failed.length > 0) {
      ctx.log.info({ feed: feed.url, stored: result.stored, failedItems: result.failed.length }, 'feed polled');
    }
    return { ...base, status: result.stored > 0 ? 'new' : 'unchanged', stored: result.stored, itemFailures: result.failed.length };
  } catch (error) {
    const message = pollErrorMessage(error);
    const failures = feed.failures + 1;
    const pause = failures >= PAUSE_AFTER_FAILURES;
    // A server that says when to come back (429/503 Retry-After) is not asked sooner, nor later than a day.
    const asked = error instanceof FetchError ? error.retryAfterMs : undefined;
    const wait = Math.min(Math.max(backoffMs(failures), asked ?? 0), BACKOFF_MAX_MS);
    try {
      ctx.store.feeds.recordFailure({
        id: feed.id, error: message, now: now.toISOString(), pause,
        nextPollAt: new Date(now.getTime() + wait).toISOString(),
      });
    } catch (storeError) {
      ctx.log.error({ err: storeError, feed: feed.url }, 'could not record a failed feed poll');
    }
    const log = { feed: feed.url, failures, error: message, retryInMinutes: Math.round(wait / MINUTE) };
    if (pause) ctx.log.warn(log, `feed paused after ${failures} failed polls in a row`);
    else ctx.log.warn(log, 'feed poll failed');
    const errorKind = error instanceof FetchError ? 'fetch' : error instanceof FeedParseError ? 'parse' : 'other';
    return { ...base, status: 'failed', stored: 0, itemFailures: 0, error: message, errorKind, failures, paused: pause };
  }
}

/** Polls every feed that is due at `now`, a few at a time; one failing feed never stops the others. */
export async function runDuePolls(ctx: AppContext, now: Date, concurrency = 4): Promise<FeedPollReport[]> {
  const due = ctx.store.feeds.due(now.toISOString());
  const reports: FeedPollReport[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < due.length) {
      const feed = due[next++]!;
      reports.push(await pollAndSchedule(ctx, feed, now));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
  return reports.sort((a, b) => a.feedId - b.feedId);
}

/** The service `npm start` runs: checks for due feeds every `tickMs` and polls them. */
export function createFeedPoller(tickMs = 30_000): Service {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  return {
    name: 'feed poller',
    async start(ctx) {
      const tick = (): void => {
        if (running) return;
        running = runDuePolls(ctx, ctx.now())
          .catch((err: unknown) => ctx.log.error({ err }, 'feed polling failed'))
          .finally(() => {
            running = null;
          });
      };
      timer = setInterval(tick, tickMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
