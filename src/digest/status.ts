import type { AppContext } from '../context.ts';
import type { DigestRun, DigestSubscription } from '../store/digests.ts';
import { PAUSE_AFTER_FAILED_DAYS, RESUME_HINT, STALE_CLAIM_MS } from './run.ts';
import { discordTimestamp, formatLocal, latestOccurrence, nextRun } from './schedule.ts';

/** The next time a subscription's digest goes out, seen from `now` (days already run are passed over). */
export function nextDigestAt(ctx: AppContext, sub: DigestSubscription, now: Date): Date {
  const graceMs = ctx.config.digestGraceHours * 3600_000;
  return nextRun(sub, now, graceMs, (localDate) => {
    const run = ctx.store.digests.run(sub.guildId, localDate);
    return run !== null && run.status !== 'claimed';
  }).dueAt;
}

/** "Friday 16 January 2026, 09:00 WET (<t:…:F>, <t:…:R>)": local to the guild, and in each reader's own zone. */
export function describeInstant(instant: Date, timeZone: string): string {
  return `${formatLocal(instant, timeZone)} (${discordTimestamp(instant, 'F')}, ${discordTimestamp(instant, 'R')})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What a finished run did, in a few words. */
export function describeRun(run: DigestRun): string {
  switch (run.status) {
    case 'posted':
      return `posted ${plural(run.messagesSent, 'message')} (${plural(run.articleCount ?? 0, 'new article')})${run.detail ? `; ${run.detail}` : ''}`;
    case 'empty':
      return 'nothing new since the previous digest, so nothing was posted';
    case 'failed':
      return `failed: ${run.detail ?? 'unknown error'}`;
    case 'skipped':
      return `skipped: ${run.detail ?? 'missed beyond the grace window'}`;
    case 'claimed':
      return 'in progress';
  }
}

/** The `/digest status` text: channel, schedule, next run, last run and its result, failures, how to resume. */
export function describeStatus(ctx: AppContext, sub: DigestSubscription, now: Date): string {
  const lines = [
    `**Daily digest** in <#${sub.channelId}> at **${sub.time}** (${sub.timeZone}), up to ${plural(sub.articles, 'article')}.`,
  ];
  // A run kept open after Discord failed on its side (see runDueDigests): it is tried again, not yet a failed day.
  const open = sub.paused ? null : ctx.store.digests.run(sub.guildId, latestOccurrence(sub, now).localDate);
  if (sub.paused) {
    lines.push(`**Paused.** ${sub.pausedReason ?? ''} ${RESUME_HINT}`.replace(/\s+/g, ' '));
  } else if (open?.status === 'claimed' && open.detail && Date.parse(open.dueAt) + ctx.config.digestGraceHours * 3600_000 >= now.getTime()) {
    const retryAt = new Date(Math.max(now.getTime(), Date.parse(open.claimedAt) + STALE_CLAIM_MS));
    lines.push(`The digest of ${open.localDate} could not be posted yet (${open.detail}). Next try: ${describeInstant(retryAt, sub.timeZone)}.`);
  } else {
    lines.push(`Next digest: ${describeInstant(nextDigestAt(ctx, sub, now), sub.timeZone)}.`);
  }
  const last = ctx.store.digests.lastRun(sub.guildId);
  lines.push(last ? `Last run: ${last.localDate}: ${describeRun(last)}.` : 'Last run: none yet.');
  if (sub.consecutiveFailures > 0 && !sub.paused) {
    lines.push(`Failed ${plural(sub.consecutiveFailures, 'day')} in a row; the digest pauses after ${PAUSE_AFTER_FAILED_DAYS}.`);
  }
  return lines.join('\n');
}
