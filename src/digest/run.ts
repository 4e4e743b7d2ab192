import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Reply } from '../discord/reply.ts';
import type { DigestStore, DigestSubscription } from '../store/digests.ts';
import { createWindowCache, type WindowCache } from './batch.ts';
import { composeDigest, type DigestContent } from './compose.ts';
import { createOccurrenceCache, decide, type Occurrence, type OccurrenceCache } from './schedule.ts';

/** Posts digest messages; the real one speaks to Discord, tests use their own. */
export interface DigestPoster {
  /** Posts one message to a channel (mentions disabled); throws DigestPostError when Discord refuses it. */
  post(channelId: string, message: Reply): Promise<void>;
}

/** Discord would not take the message: missing permissions (403), a deleted channel (404), or another failure. */
export class DigestPostError extends Error {
  override name = 'DigestPostError';
  constructor(message: string, readonly status: number | null = null) {
    super(message);
  }

  /**
   * True when Discord could not be reached, failed on its side (no answer, 5xx, 429) or refused the bot's
   * token (401): nothing is wrong with the channel, so the day is tried again later instead of being
   * counted as a failed day.
   */
  get transient(): boolean {
    return this.status === null || this.status === 401 || this.status === 429 || this.status >= 500;
  }
}

export const PAUSE_AFTER_FAILED_DAYS = 3;
/**
 * A claim older than this was left by a crashed runner and is taken over. A run that Discord could not
 * take for a passing reason keeps its claim, so it is tried again this long after (within the grace window).
 */
export const STALE_CLAIM_MS = 10 * 60_000;
const DAY_MS = 24 * 3600_000;
const TOP_PEOPLE = 5;

const INTERRUPTED = 'interrupted: the bot stopped while posting and did not come back within the grace window';
const GAVE_UP = 'Discord could not take the digest within the grace window; last try: ';

export const RESUME_HINT = 'Check that the channel exists and that the bot can view it, send messages and embed links there, then run `/digest resume` (or `/digest set` to choose another channel).';

export interface RunOptions {
  /** Only this guild (the `digest run --guild` command). */
  guildId?: string;
  graceMs?: number;
  staleMs?: number;
  /** Who claims runs (one per process); defaults to host, pid and a random tag. */
  runner?: string;
  /** Kept by the scheduler between ticks; without it, occurrences are shared within this call only. */
  occurrences?: OccurrenceCache;
}

/** `retry`: Discord could not be reached or failed on its side; the day is tried again after STALE_CLAIM_MS. */
export type RunOutcome = 'posted' | 'empty' | 'failed' | 'retry' | 'skipped' | 'busy';

export interface RunReport {
  guildId: string;
  localDate: string;
  outcome: RunOutcome;
  messages: number;
  articles: number;
  detail: string | null;
  /** True when this failure paused the subscription. */
  paused: boolean;
  /** Discord refused the bot's token (401): the tick stops there, as every other guild would be refused too. */
  tokenRefused?: boolean;
}

const defaultRunner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** The articles, quotes and people of a digest window, read from the store. */
export function gatherDigest(digests: DigestStore, window: { since: string; until: string }, limit: number, localDate: string, timeZone: string): DigestContent {
  const articles = digests.windowArticles(window.since, window.until, limit);
  if (articles.length === 0) return { ...window, localDate, timeZone, total: 0, articles, quotes: [], people: [] };
  return {
    ...window, localDate, timeZone, articles,
    total: digests.windowCount(window.since, window.until),
    quotes: digests.quotesOf(articles.map((a) => a.id)),
    people: digests.windowPeople(window.since, window.until, TOP_PEOPLE),
  };
}

/** How far back a digest reaches at most, after a long gap (a digest switched back on, a bot offline for weeks). */
export const MAX_WINDOW_DAYS = 7;

/**
 * The window of the next digest: since the previous delivered one (see windowStart), or the last 24 hours for
 * the first; never more than MAX_WINDOW_DAYS back. Days that failed or were missed are covered by the next
 * digest that goes out, but a channel that switches its digest back on months later gets the last week's
 * news, not everything since its old digest.
 */
export function digestWindow(digests: DigestStore, guildId: string, now: Date): { since: string; until: string } {
  const start = digests.windowStart(guildId) ?? new Date(now.getTime() - DAY_MS).toISOString();
  const earliest = new Date(now.getTime() - MAX_WINDOW_DAYS * DAY_MS).toISOString();
  return { since: start > earliest ? start : earliest, until: now.toISOString() };
}

/** What would be posted for a guild right now (no claim, nothing recorded). */
export function previewDigest(ctx: AppContext, sub: DigestSubscription, now: Date): Reply[] {
  const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: sub.timeZone }).format(now);
  return composeDigest(gatherDigest(ctx.store.digests, digestWindow(ctx.store.digests, sub.guildId, now), sub.articles, localDate, sub.timeZone));
}

function describe(error: unknown): string {
  if (error instanceof DigestPostError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Guilds whose windows start further back than this are composed with their own queries, not the shared cache. */
const SHARED_WINDOW_MS = 3 * DAY_MS;

interface Due {
  sub: DigestSubscription;
  occurrence: Occurrence;
  window: { since: string; until: string };
}

/**
 * `clock` is the tick's `now` moved on by the time the tick has taken: claims carry the moment they were
 * made, so a long tick's later claims do not look stale to another process.
 */
async function runOne(ctx: AppContext, due: Due, clock: () => Date, poster: DigestPoster, runner: string, staleMs: number, gather: TickGatherer): Promise<RunReport> {
  const { sub, occurrence, window } = due;
  const digests = ctx.store.digests;
  const base = { guildId: sub.guildId, localDate: occurrence.localDate, messages: 0, articles: 0, detail: null, paused: false };
  const claimedAt = clock();
  const claimed = digests.claim({
    guildId: sub.guildId, localDate: occurrence.localDate, dueAt: occurrence.dueAt.toISOString(), channelId: sub.channelId,
    runner, now: claimedAt.toISOString(), staleBefore: new Date(claimedAt.getTime() - staleMs).toISOString(),
    windowSince: window.since, windowUntil: window.until,
  });
  if (!claimed) return { ...base, outcome: 'busy' };
  const { run, resumed } = claimed;
  // A resumed claim keeps its window, so the messages already sent are the same ones and are not repeated.
  const since = run.windowSince!;
  const until = run.windowUntil!;
  const content = gather({ since, until }, sub.articles, occurrence.localDate, sub.timeZone);
  const messages = composeDigest(content);
  const finish = { pauseAfter: PAUSE_AFTER_FAILED_DAYS };
  if (messages.length === 0) {
    digests.finish(run.id, sub.guildId, { ...finish, now: clock().toISOString(), status: 'empty', articleCount: 0, detail: 'nothing new since the previous digest', pauseReason: '' });
    return { ...base, outcome: 'empty' };
  }
  let sent = run.messagesSent;
  try {
    for (; sent < messages.length; sent++) {
      await poster.post(sub.channelId, messages[sent]!);
      digests.progress(run.id, sent + 1, clock().toISOString());
    }
  } catch (error) {
    const detail = describe(error);
    if (error instanceof DigestPostError && error.transient) {
      digests.postpone(run.id, detail, clock().toISOString());
      ctx.log.warn({ guildId: sub.guildId, channelId: sub.channelId, detail, sent }, 'digest: Discord could not take it now; trying again later');
      return { ...base, outcome: 'retry', messages: sent, articles: content.total, detail, tokenRefused: error.status === 401 };
    }
    if (!(error instanceof DigestPostError)) ctx.log.error({ err: error, guildId: sub.guildId }, 'digest: posting failed unexpectedly');
    const pauseReason = `Paused after ${PAUSE_AFTER_FAILED_DAYS} days in a row on which the digest could not be posted (last: ${detail}).`;
    const { paused } = digests.finish(run.id, sub.guildId, { ...finish, now: clock().toISOString(), status: 'failed', articleCount: content.total, detail, pauseReason });
    ctx.log.warn({ guildId: sub.guildId, channelId: sub.channelId, detail, paused }, 'digest: could not post');
    return { ...base, outcome: 'failed', messages: sent, articles: content.total, detail, paused };
  }
  const detail = !resumed ? null
    : run.detail ? `posted on a later try (before: ${run.detail})`
    : `resumed after an interrupted run (${run.messagesSent} of ${messages.length} messages were already out)`;
  digests.finish(run.id, sub.guildId, { ...finish, now: clock().toISOString(), status: 'posted', articleCount: content.total, detail, pauseReason: '' });
  return { ...base, outcome: 'posted', messages: messages.length - run.messagesSent, articles: content.total, detail };
}

/**
 * Runs every digest that is due at `now`, one guild after another (Discord's rate limits are left to the
 * client, not fought with bursts). Each guild's local day is claimed in the store before posting, so
 * overlapping ticks, restarts and several processes on one store post it once. A digest missed by more
 * than the grace window is recorded as skipped. The node-cron service and the command line call this.
 */
export async function runDueDigests(ctx: AppContext, now: Date, poster: DigestPoster, options: RunOptions = {}): Promise<RunReport[]> {
  const digests = ctx.store.digests;
  const graceMs = options.graceMs ?? ctx.config.digestGraceHours * 3600_000;
  const staleMs = options.staleMs ?? STALE_CLAIM_MS;
  const runner = options.runner ?? defaultRunner;
  const reports: RunReport[] = [];
  const due: Due[] = [];
  // Guilds sharing a time and zone share the occurrence (luxon's zone arithmetic is the costly part).
  const occurrences = options.occurrences ?? createOccurrenceCache();
  for (const { sub, latestRun } of digests.scheduled(options.guildId)) {
    const latest = occurrences.latest(sub, now);
    // Nearly always the day asked about is the latest run's day or after it; only an earlier day needs a lookup.
    const isDone = (localDate: string): boolean => {
      if (!latestRun || latestRun.localDate < localDate) return false;
      const run = latestRun.localDate === localDate ? latestRun : digests.run(sub.guildId, localDate);
      return run !== null && run.status !== 'claimed';
    };
    const decision = decide(sub, now, graceMs, isDone, latest);
    if (decision.action === 'run') due.push({ sub, occurrence: decision.occurrence, window: digestWindow(digests, sub.guildId, now) });
    if (decision.action !== 'skip') continue;
    const { occurrence } = decision;
    const hours = (decision.lateMs / 3600_000).toFixed(1);
    const detail = `missed by ${hours} h (the bot was not running at the digest time); the grace window is ${graceMs / 3600_000} h`;
    const windowSince = digestWindow(digests, sub.guildId, occurrence.dueAt).since;
    const day = { guildId: sub.guildId, localDate: occurrence.localDate, now: now.toISOString() };
    if (digests.skip({ ...day, dueAt: occurrence.dueAt.toISOString(), channelId: sub.channelId, windowSince, detail })) {
      ctx.log.info(day, 'digest: skipped, missed beyond the grace window');
      reports.push({ guildId: sub.guildId, localDate: occurrence.localDate, outcome: 'skipped', messages: 0, articles: 0, detail, paused: false });
    } else {
      // A claim still open past the grace window: its runner crashed, or Discord kept failing (the last error is kept).
      const lastError = digests.run(sub.guildId, occurrence.localDate)?.detail;
      const reason = lastError ? `${GAVE_UP}${lastError}` : INTERRUPTED;
      if (digests.abandon({ ...day, staleBefore: new Date(now.getTime() - staleMs).toISOString(), detail: reason })) {
        ctx.log.warn({ ...day, reason }, 'digest: a run left open could not be finished within the grace window');
      }
    }
  }
  const gather = createTickGatherer(digests, due.map((d) => d.window.since), now);
  const started = performance.now();
  const clock = (): Date => new Date(now.getTime() + Math.round(performance.now() - started));
  for (const d of due) {
    try {
      const report = await runOne(ctx, d, clock, poster, runner, staleMs, gather);
      if (report.outcome !== 'busy') ctx.log.info({ ...report }, 'digest: run finished');
      reports.push(report);
      // Going on would only collect refusals, and many of them get a bot banned for a while.
      if (report.tokenRefused) {
        ctx.log.error({ guildId: d.sub.guildId, detail: report.detail }, 'digest: Discord refused the bot token; no more digests this tick');
        break;
      }
    } catch (error) {
      ctx.log.error({ err: error, guildId: d.sub.guildId }, 'digest: run failed');
    }
  }
  return reports;
}

/** What a tick's digest is composed from, given its window, size, local day and zone. */
export type TickGatherer = (window: { since: string; until: string }, limit: number, localDate: string, timeZone: string) => DigestContent;

/**
 * Gathers the digests of one tick, whose windows all end at `now` and start at `starts`: from one load of
 * the recent articles when several windows start within the last three days, with each guild's own queries
 * otherwise (and for a window the load does not cover, such as a resumed claim's). The same results either way.
 */
export function createTickGatherer(digests: DigestStore, starts: string[], now: Date): TickGatherer {
  const limit = new Date(now.getTime() - SHARED_WINDOW_MS).toISOString();
  const recent = starts.filter((since) => since >= limit);
  const cache: WindowCache | null = recent.length < 2 ? null : createWindowCache(digests, recent, now.toISOString());
  return (window, articles, localDate, timeZone) => (cache?.covers(window.since, window.until)
    ? cache.content(window.since, articles, localDate, timeZone)
    : gatherDigest(digests, window, articles, localDate, timeZone));
}
