import type { Db } from './db.ts';
import { rebuildSearchIndexes } from './article-writes.ts';

/** A guild's daily digest: where, when (HH:MM in an IANA zone) and how many articles. */
export interface DigestSubscription {
  guildId: string;
  channelId: string;
  /** HH:MM, 24-hour, in `timeZone`. */
  time: string;
  timeZone: string;
  articles: number;
  /** Occurrences due before this instant (ISO) are not owed. */
  activeFrom: string;
  paused: boolean;
  pausedReason: string | null;
  consecutiveFailures: number;
  createdBy: string | null;
  updatedAt: string;
}

export type DigestRunStatus = 'claimed' | 'posted' | 'empty' | 'failed' | 'skipped';

/** A subscription with its latest run (the highest local day that has one), as the scheduler reads them each tick. */
export interface ScheduledDigest {
  sub: DigestSubscription;
  latestRun: { localDate: string; status: DigestRunStatus } | null;
}

/** One guild's digest for one local day: claimed before posting, finished after. */
export interface DigestRun {
  id: number;
  guildId: string;
  /** YYYY-MM-DD in the subscription's zone; unique per guild. */
  localDate: string;
  dueAt: string;
  channelId: string;
  status: DigestRunStatus;
  claimedBy: string | null;
  claimedAt: string;
  /** Articles ingested in [windowSince, windowUntil) make up the digest. */
  windowSince: string | null;
  windowUntil: string | null;
  messagesSent: number;
  articleCount: number | null;
  finishedAt: string | null;
  detail: string | null;
}

/** An article of a digest window, with how many quotes it has. */
export interface DigestArticleRow {
  id: number;
  title: string | null;
  date: string | null;
  gist: string | null;
  url: string | null;
  ingestedAt: string;
  quoteCount: number;
}

export interface DigestQuoteRow {
  articleId: number;
  position: number;
  text: string;
  kind: 'direct' | 'mixed' | 'indirect';
  speaker: string | null;
  /** How often the speaker is quoted across the store. */
  speakerQuotes: number;
}

export interface DigestPersonRow {
  name: string;
  /** Quotes in the window. */
  quotes: number;
}

export interface ClaimInput {
  guildId: string;
  localDate: string;
  dueAt: string;
  channelId: string;
  runner: string;
  now: string;
  /** A claim older than this (ISO) was left by a crash and may be taken over. */
  staleBefore: string;
  windowSince: string;
  windowUntil: string;
}

export interface FinishInput {
  status: 'posted' | 'empty' | 'failed';
  articleCount: number | null;
  detail: string | null;
  now: string;
  /** On failure, pause the subscription when its consecutive failures reach this number. */
  pauseAfter: number;
  pauseReason: string;
}

function subscriptionFromRow(row: Record<string, unknown>): DigestSubscription {
  return {
    guildId: row.guild_id as string, channelId: row.channel_id as string, time: row.time as string,
    timeZone: row.time_zone as string, articles: row.articles as number, activeFrom: row.active_from as string,
    paused: row.paused === 1, pausedReason: row.paused_reason as string | null,
    consecutiveFailures: row.consecutive_failures as number, createdBy: row.created_by as string | null,
    updatedAt: row.updated_at as string,
  };
}

function runFromRow(row: Record<string, unknown>): DigestRun {
  return {
    id: row.id as number, guildId: row.guild_id as string, localDate: row.local_date as string, dueAt: row.due_at as string,
    channelId: row.channel_id as string, status: row.status as DigestRunStatus, claimedBy: row.claimed_by as string | null,
    claimedAt: row.claimed_at as string, windowSince: row.window_since as string | null,
    windowUntil: row.window_until as string | null, messagesSent: row.messages_sent as number,
    articleCount: row.article_count as number | null, finishedAt: row.finished_at as string | null, detail: row.detail as string | null,
  };
}

/** An article is news for a digest window when it was stored in the window and is not a feed's first-poll backlog. */
const IN_WINDOW = `a.ingested_at >= @since AND a.ingested_at < @until
  AND NOT EXISTS (SELECT 1 FROM feed_items fi WHERE fi.article_id = a.id AND fi.backlog = 1)`;

/** Digest subscriptions and runs, and the reads a digest is composed from. */
export function createDigestStore(db: Db) {
  const upsertSub = db.prepare(`
    INSERT INTO digest_subscriptions (guild_id, channel_id, time, time_zone, articles, active_from, created_by, updated_at)
    VALUES (@guildId, @channelId, @time, @timeZone, @articles, @now, @createdBy, @now)
    ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,
      time_zone = excluded.time_zone, articles = excluded.articles, active_from = excluded.active_from,
      paused = 0, paused_reason = NULL, consecutive_failures = 0, created_by = excluded.created_by,
      updated_at = excluded.updated_at`);
  const deleteSub = db.prepare('DELETE FROM digest_subscriptions WHERE guild_id = @guildId');
  const resumeSub = db.prepare(`
    UPDATE digest_subscriptions SET paused = 0, paused_reason = NULL, consecutive_failures = 0, active_from = @now, updated_at = @now
    WHERE guild_id = @guildId AND paused = 1 RETURNING *`);
  const subByGuild = db.prepare('SELECT * FROM digest_subscriptions WHERE guild_id = @guildId');
  const activeSubs = db.prepare('SELECT * FROM digest_subscriptions WHERE paused = 0 ORDER BY guild_id');
  // One index seek per guild for its latest run, instead of a lookup per guild from the scheduler.
  const withLatestRun = `SELECT s.*, r.local_date AS latest_date, r.status AS latest_status FROM digest_subscriptions s
    LEFT JOIN digest_runs r ON r.id = (SELECT id FROM digest_runs WHERE guild_id = s.guild_id ORDER BY local_date DESC LIMIT 1)`;
  const scheduledAll = db.prepare(`${withLatestRun} WHERE s.paused = 0 ORDER BY s.guild_id`);
  const scheduledOne = db.prepare(`${withLatestRun} WHERE s.guild_id = @guildId AND s.paused = 0`);
  const insertRun = db.prepare(`
    INSERT INTO digest_runs (guild_id, local_date, due_at, channel_id, status, claimed_by, claimed_at, window_since, window_until, detail)
    VALUES (@guildId, @localDate, @dueAt, @channelId, @status, @runner, @now, @windowSince, @windowUntil, @detail)
    ON CONFLICT (guild_id, local_date) DO NOTHING RETURNING *`);
  const runByKey = db.prepare('SELECT * FROM digest_runs WHERE guild_id = @guildId AND local_date = @localDate');
  const takeOver = db.prepare(`
    UPDATE digest_runs SET claimed_by = @runner, claimed_at = @now
    WHERE id = @id AND status = 'claimed' AND claimed_at < @staleBefore RETURNING *`);
  const abandonClaim = db.prepare(`
    UPDATE digest_runs SET status = 'failed', detail = @detail, finished_at = @now
    WHERE guild_id = @guildId AND local_date = @localDate AND status = 'claimed' AND claimed_at < @staleBefore`);
  const setProgress = db.prepare('UPDATE digest_runs SET messages_sent = @sent, claimed_at = @now WHERE id = @id');
  const postponeRun = db.prepare("UPDATE digest_runs SET detail = @detail, claimed_at = @now WHERE id = @id AND status = 'claimed'");
  const finishRun = db.prepare(`
    UPDATE digest_runs SET status = @status, article_count = @articleCount, detail = @detail, finished_at = @now
    WHERE id = @id RETURNING *`);
  const resetFailures = db.prepare('UPDATE digest_subscriptions SET consecutive_failures = 0 WHERE guild_id = @guildId');
  const addFailure = db.prepare(`
    UPDATE digest_subscriptions SET consecutive_failures = consecutive_failures + 1 WHERE guild_id = @guildId
    RETURNING consecutive_failures AS n`);
  const pause = db.prepare('UPDATE digest_subscriptions SET paused = 1, paused_reason = @reason, updated_at = @now WHERE guild_id = @guildId');
  const lastRun = db.prepare("SELECT * FROM digest_runs WHERE guild_id = @guildId AND status <> 'claimed' ORDER BY due_at DESC LIMIT 1");
  // After the previous delivered digest; before the first one, from where the first attempt started.
  const windowStart = db.prepare(`
    SELECT coalesce(
      (SELECT max(window_until) FROM digest_runs WHERE guild_id = @guildId AND status IN ('posted', 'empty')),
      (SELECT min(window_since) FROM digest_runs WHERE guild_id = @guildId)) AS since`);
  const recentRuns = db.prepare('SELECT * FROM digest_runs WHERE guild_id = @guildId ORDER BY due_at DESC LIMIT @limit');

  const windowArticles = db.prepare(`
    SELECT a.id, a.title, a.date, a.gist, a.url, a.ingested_at AS ingestedAt,
      (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quoteCount
    FROM articles a WHERE ${IN_WINDOW}
    ORDER BY a.date IS NULL, a.date DESC, quoteCount DESC, a.ingested_at DESC, a.id DESC LIMIT @limit`);
  const windowCount = db.prepare(`SELECT count(*) AS n FROM articles a WHERE ${IN_WINDOW}`);
  const quotesOf = db.prepare(`
    SELECT q.article_id AS articleId, q.position, q.text, q.kind, p.name AS speaker, coalesce(p.quote_count, 0) AS speakerQuotes
    FROM quotes q LEFT JOIN people p ON p.id = q.person_id
    WHERE q.article_id IN (SELECT value FROM json_each(@ids)) ORDER BY q.article_id, q.position`);
  const allWindowArticles = db.prepare(`
    SELECT a.id, a.title, a.date, a.gist, a.url, a.ingested_at AS ingestedAt,
      (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quoteCount
    FROM articles a WHERE ${IN_WINDOW} ORDER BY a.ingested_at, a.id`);
  const allWindowQuotes = db.prepare(`
    SELECT q.article_id AS articleId, q.position, q.text, q.kind, p.name AS speaker, coalesce(p.quote_count, 0) AS speakerQuotes,
      q.person_id AS personId, a.ingested_at AS ingestedAt
    FROM articles a JOIN quotes q ON q.article_id = a.id LEFT JOIN people p ON p.id = q.person_id
    WHERE ${IN_WINDOW} ORDER BY a.ingested_at, a.id, q.position`);
  const windowPeople = db.prepare(`
    SELECT p.name, count(*) AS quotes FROM articles a JOIN quotes q ON q.article_id = a.id JOIN people p ON p.id = q.person_id
    WHERE ${IN_WINDOW}
    GROUP BY p.id ORDER BY quotes DESC, p.quote_count DESC, p.name LIMIT @limit`);

  const claim = db.transaction((input: ClaimInput): { run: DigestRun; resumed: boolean } | null => {
    const inserted = insertRun.get({ ...input, status: 'claimed', detail: null }) as Record<string, unknown> | undefined;
    if (inserted) return { run: runFromRow(inserted), resumed: false };
    const existing = runByKey.get(input) as Record<string, unknown> | undefined;
    if (!existing) return null;
    const taken = takeOver.get({ id: existing.id, runner: input.runner, now: input.now, staleBefore: input.staleBefore }) as
      Record<string, unknown> | undefined;
    return taken ? { run: runFromRow(taken), resumed: true } : null;
  });

  const finish = db.transaction((runId: number, guildId: string, input: FinishInput): { run: DigestRun; paused: boolean } => {
    const run = runFromRow(finishRun.get({ id: runId, ...input }) as Record<string, unknown>);
    if (input.status !== 'failed') {
      resetFailures.run({ guildId });
      return { run, paused: false };
    }
    const row = addFailure.get({ guildId }) as { n: number } | undefined;
    if (row && row.n >= input.pauseAfter) {
      pause.run({ guildId, reason: input.pauseReason, now: input.now });
      return { run, paused: true };
    }
    return { run, paused: false };
  });

  return {
    /** Creates or replaces a guild's digest; resumes a paused one and clears its failures. */
    subscribe(input: { guildId: string; channelId: string; time: string; timeZone: string; articles: number; now: string; createdBy: string | null }): DigestSubscription {
      upsertSub.run(input);
      return subscriptionFromRow(subByGuild.get(input) as Record<string, unknown>);
    },
    /**
     * Resumes a paused digest with its channel, time and size as they were; like a new schedule, it owes
     * nothing due before `now`. Null when the guild has no paused digest.
     */
    resume(guildId: string, now: string): DigestSubscription | null {
      const row = resumeSub.get({ guildId, now }) as Record<string, unknown> | undefined;
      return row ? subscriptionFromRow(row) : null;
    },
    /** Stops a guild's digest; its run history stays. */
    unsubscribe: (guildId: string): boolean => deleteSub.run({ guildId }).changes > 0,
    subscription(guildId: string): DigestSubscription | null {
      const row = subByGuild.get({ guildId }) as Record<string, unknown> | undefined;
      return row ? subscriptionFromRow(row) : null;
    },
    /** Every subscription that is not paused. */
    active: (): DigestSubscription[] => (activeSubs.all() as Record<string, unknown>[]).map(subscriptionFromRow),
    /** The subscriptions that are not paused (or only this guild's), each with its latest run. */
    scheduled(guildId?: string): ScheduledDigest[] {
      const rows = (guildId === undefined ? scheduledAll.all() : scheduledOne.all({ guildId })) as Record<string, unknown>[];
      return rows.map((row) => ({
        sub: subscriptionFromRow(row),
        latestRun: row.latest_date === null ? null : { localDate: row.latest_date as string, status: row.latest_status as DigestRunStatus },
      }));
    },
    /**
     * Claims the run of a guild's local day, atomically (BEGIN IMMEDIATE). Returns null when another runner
     * holds a fresh claim or the day is already done; takes over a claim older than `staleBefore`, keeping
     * its window and progress so a crashed run resumes where it stopped.
     */
    claim: (input: ClaimInput) => claim.immediate(input),
    /** Records a day that was missed beyond the grace window (once; false when the day already has a run). */
    skip(input: { guildId: string; localDate: string; dueAt: string; channelId: string; now: string; windowSince: string; detail: string }): boolean {
      return insertRun.get({ ...input, status: 'skipped', runner: null, windowUntil: null }) !== undefined;
    },
    /**
     * Closes a claim left by a crash that can no longer be resumed (its day is past the grace window), so the
     * day shows what happened. Does not count towards pausing: the channel was not at fault.
     */
    abandon: (input: { guildId: string; localDate: string; staleBefore: string; now: string; detail: string }): boolean =>
      abandonClaim.run(input).changes > 0,
    /** Notes that the first `sent` messages of a claimed run are out, and that its runner is alive at `now`. */
    progress: (runId: number, sent: number, now: string): void => void setProgress.run({ id: runId, sent, now }),
    /**
     * Keeps a claimed run open after a passing failure (Discord unreachable or failing on its side), noting
     * why: like a crashed claim, it is taken over once older than the stale timeout, and resumes where it stopped.
     */
    postpone: (runId: number, detail: string, now: string): void => void postponeRun.run({ id: runId, detail, now }),
    /** Completes a claimed run; a failure counts towards pausing the subscription. */
    finish: (runId: number, guildId: string, input: FinishInput) => finish.immediate(runId, guildId, input),
    run(guildId: string, localDate: string): DigestRun | null {
      const row = runByKey.get({ guildId, localDate }) as Record<string, unknown> | undefined;
      return row ? runFromRow(row) : null;
    },
    /** The latest finished (or skipped) run of a guild. */
    lastRun(guildId: string): DigestRun | null {
      const row = lastRun.get({ guildId }) as Record<string, unknown> | undefined;
      return row ? runFromRow(row) : null;
    },
    runs: (guildId: string, limit = 10): DigestRun[] => (recentRuns.all({ guildId, limit }) as Record<string, unknown>[]).map(runFromRow),
    /**
     * Where the next digest's window starts (ISO): the end of the previous delivered digest, or, when none
     * was delivered yet, the start of the first attempt (failed and skipped days are caught up); null before any.
     */
    windowStart: (guildId: string): string | null => (windowStart.get({ guildId }) as { since: string | null }).since,

    /** Articles ingested in [since, until): newest date first, then most quoted, at most `limit`. */
    windowArticles: (since: string, until: string, limit: number): DigestArticleRow[] =>
      windowArticles.all({ since, until, limit }) as DigestArticleRow[],
    windowCount: (since: string, until: string): number => (windowCount.get({ since, until }) as { n: number }).n,
    /** Every quote of these articles with its speaker, in article order. */
    quotesOf: (articleIds: number[]): DigestQuoteRow[] => quotesOf.all({ ids: JSON.stringify(articleIds) }) as DigestQuoteRow[],
    /** Every article ingested in [since, until), oldest first, with its quote count (for composing many digests at once). */
    allWindowArticles: (since: string, until: string): DigestArticleRow[] => allWindowArticles.all({ since, until }) as DigestArticleRow[],
    /** Every quote of the articles ingested in [since, until), in ingest order, with its speaker. */
    allWindowQuotes: (since: string, until: string): (DigestQuoteRow & { personId: number | null; ingestedAt: string })[] =>
      allWindowQuotes.all({ since, until }) as (DigestQuoteRow & { personId: number | null; ingestedAt: string })[],
    /** The people quoted most in articles ingested in [since, until). */
    windowPeople: (since: string, until: string, limit: number): DigestPersonRow[] =>
      windowPeople.all({ since, until, limit }) as DigestPersonRow[],
  };
}

export type DigestStore = ReturnType<typeof createDigestStore>;

export interface SeedArticle {
  title: string;
  date: string;
  gist: string;
  ingestedAt: string;
  /** `person` indexes the seeded people; null for an unattributed quote. */
  quotes: { text: string; kind: 'direct' | 'mixed' | 'indirect'; person: number | null }[];
}

/**
 * Bulk-seeds a store for benchmarks: people, articles and quotes in one transaction with plain inserts
 * (no analysis, no deduplication), then people's quote counts in one pass. Not for real ingest. Unlike
 * bulk.ts, each article has its own ingest time, which is what digest windows select on.
 */
export function seedDigestBench(db: Db, people: string[], articles: SeedArticle[]): void {
  const insertPerson = db.prepare("INSERT INTO people (key, name) VALUES (@key, @name) RETURNING id");
  const insertArticle = db.prepare(`INSERT INTO articles (content_hash, title, date, body, gist, ingested_at)
    VALUES (@hash, @title, @date, @body, @gist, @ingestedAt) RETURNING id`);
  const insertQuote = db.prepare(`INSERT INTO quotes (article_id, person_id, position, text, kind, speaker_kind, start, end)
    VALUES (@articleId, @personId, @position, @text, @kind, @speakerKind, 0, 0)`);
  // A benchmark store is rebuilt rather than recovered: no fsyncs, and a page cache that holds the indexes.
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.transaction(() => {
    const ids = people.map((name) => (insertPerson.get({ key: name.toLowerCase(), name }) as { id: number }).id);
    articles.forEach((a, n) => {
      const { id } = insertArticle.get({ ...a, hash: `bench-${n}-${a.ingestedAt}`, body: `${a.title}. ${a.gist}` }) as { id: number };
      a.quotes.forEach((q, position) => {
        const personId = q.person === null ? null : ids[q.person] ?? null;
        insertQuote.run({ articleId: id, personId, position, text: q.text, kind: q.kind, speakerKind: personId === null ? 'unknown' : 'person' });
      });
    });
    db.exec('UPDATE people SET quote_count = (SELECT count(*) FROM quotes WHERE person_id = people.id)');
    rebuildSearchIndexes(db);
  })();
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma(`cache_size = ${cacheSize}`);
  db.pragma('optimize');
}
