import type { Db } from './db.ts';

/** A subscribed feed with its polling state. Timestamps are ISO 8601 in UTC. */
export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  siteUrl: string | null;
  intervalMinutes: number;
  etag: string | null;
  lastModified: string | null;
  addedAt: string;
  addedBy: string | null;
  nextPollAt: string;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  /** Failed polls in a row; 0 after any success. */
  failures: number;
  lastError: string | null;
  /** Set when the feed was paused (after too many failures in a row); null while it is polled. */
  pausedAt: string | null;
  /** True once a first poll succeeded: its items were stored as backlog, not news. */
  primed: boolean;
}

export interface FeedListRow extends FeedRow {
  items: number;
}

/** One feed item as seen: stored as an article, or failed (and retried a few times). */
export interface FeedItemRow {
  feedId: number;
  itemId: string;
  articleId: number | null;
  title: string | null;
  link: string | null;
  stored: boolean;
  attempts: number;
  lastError: string | null;
  /** Seen on the feed's first poll: old news, kept out of digests. */
  backlog: boolean;
  firstSeenAt: string;
}

const FEED_COLUMNS = `id, url, title, site_url AS siteUrl, interval_minutes AS intervalMinutes, etag, last_modified AS lastModified,
  added_at AS addedAt, added_by AS addedBy, next_poll_at AS nextPollAt, last_polled_at AS lastPolledAt, last_ok_at AS lastOkAt,
  failures, last_error AS lastError, paused_at AS pausedAt, primed`;
const ITEM_COLUMNS = `feed_id AS feedId, item_id AS itemId, article_id AS articleId, title, link, stored, attempts,
  last_error AS lastError, backlog, first_seen_at AS firstSeenAt`;

const toFeed = (row: unknown): FeedRow => {
  const r = row as Omit<FeedRow, 'primed'> & { primed: number };
  return { ...r, primed: r.primed === 1 };
};
const toItem = (row: unknown): FeedItemRow => {
  const r = row as Omit<FeedItemRow, 'stored' | 'backlog'> & { stored: number; backlog: number };
  return { ...r, stored: r.stored === 1, backlog: r.backlog === 1 };
};

/** Feeds and the items already seen in them (the SQL of migration 3). */
export function createFeedStore(db: Db) {
  const insert = db.prepare(`INSERT INTO feeds (url, interval_minutes, added_at, added_by, next_poll_at)
    VALUES (@url, @intervalMinutes, @now, @addedBy, @now) RETURNING ${FEED_COLUMNS}`);
  const byId = db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE id = @id`);
  const byUrl = db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE url = @url`);
  const list = db.prepare(`SELECT ${FEED_COLUMNS},
    (SELECT count(*) FROM feed_items i WHERE i.feed_id = feeds.id AND i.stored = 1) AS items FROM feeds ORDER BY id`);
  const due = db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE paused_at IS NULL AND next_poll_at <= @now ORDER BY next_poll_at, id`);
  const remove = db.prepare('DELETE FROM feeds WHERE id = @id');
  const success = db.prepare(`UPDATE feeds SET title = coalesce(@title, title), site_url = coalesce(@siteUrl, site_url),
    etag = @etag, last_modified = @lastModified, last_polled_at = @now, last_ok_at = @now, next_poll_at = @nextPollAt,
    failures = 0, last_error = NULL, primed = 1 WHERE id = @id`);
  const failure = db.prepare(`UPDATE feeds SET last_polled_at = @now, next_poll_at = @nextPollAt, failures = failures + 1,
    last_error = @error, paused_at = CASE WHEN @pause THEN @now ELSE paused_at END WHERE id = @id RETURNING ${FEED_COLUMNS}`);
  const resume = db.prepare('UPDATE feeds SET paused_at = NULL, failures = 0, next_poll_at = @now WHERE id = @id');
  const setIntervalStmt = db.prepare('UPDATE feeds SET interval_minutes = @intervalMinutes WHERE id = @id');
  const item = db.prepare(`SELECT ${ITEM_COLUMNS} FROM feed_items WHERE feed_id = @feedId AND item_id = @itemId`);
  const upsertItem = db.prepare(`INSERT INTO feed_items (feed_id, item_id, article_id, title, link, stored, attempts, last_error, backlog, first_seen_at)
    VALUES (@feedId, @itemId, @articleId, @title, @link, @stored, 1, @error, @backlog, @now)
    ON CONFLICT (feed_id, item_id) DO UPDATE SET article_id = excluded.article_id, stored = excluded.stored,
      attempts = feed_items.attempts + 1, last_error = excluded.last_error,
      backlog = max(feed_items.backlog, excluded.backlog)`);

  return {
    /** Subscribes to a feed, due at once. Throws on a URL already subscribed (check `byUrl` first). */
    add: (input: { url: string; intervalMinutes: number; now: string; addedBy?: string | null }): FeedRow =>
      toFeed(insert.get({ addedBy: null, ...input })),
    byId: (id: number): FeedRow | null => {
      const row = byId.get({ id });
      return row ? toFeed(row) : null;
    },
    byUrl: (url: string): FeedRow | null => {
      const row = byUrl.get({ url });
      return row ? toFeed(row) : null;
    },
    /** Every feed with the number of articles stored from it. */
    list: (): FeedListRow[] => list.all().map((row) => ({ ...toFeed(row), items: (row as { items: number }).items })),
    /** Feeds not paused whose next poll is at or before `now`, the longest waiting first. */
    due: (now: string): FeedRow[] => due.all({ now }).map(toFeed),
    /** Unsubscribes; the articles already stored stay. */
    remove: (id: number): boolean => remove.run({ id }).changes > 0,
    recordSuccess: (input: { id: number; title: string | null; siteUrl: string | null; etag: string | null; lastModified: string | null; now: string; nextPollAt: string }): void =>
      void success.run(input),
    /** Counts a failed poll; `pause` stops polling until resumed. Returns the updated feed. */
    recordFailure: (input: { id: number; error: string; now: string; nextPollAt: string; pause: boolean }): FeedRow =>
      toFeed(failure.get({ ...input, pause: input.pause ? 1 : 0 })),
    /** Unpauses a feed and makes it due at once. */
    resume: (id: number, now: string): boolean => resume.run({ id, now }).changes > 0,
    setInterval: (id: number, intervalMinutes: number): void => void setIntervalStmt.run({ id, intervalMinutes }),
    item: (feedId: number, itemId: string): FeedItemRow | null => {
      const row = item.get({ feedId, itemId });
      return row ? toItem(row) : null;
    },
    /** Records an item as stored (with its article) or as failed (attempts counted). */
    /** `backlog`: the item belongs to the feed's first poll, so its article is not news for digests (once set, it stays). */
    recordItem: (input: { feedId: number; itemId: string; title: string | null; link: string | null; articleId: number | null; error: string | null; backlog: boolean; now: string }): void =>
      void upsertItem.run({ ...input, stored: input.articleId !== null ? 1 : 0, backlog: input.backlog ? 1 : 0 }),
  };
}

export type FeedStore = ReturnType<typeof createFeedStore>;
