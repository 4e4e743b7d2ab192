import { DateTime, IANAZone } from 'luxon';

/**
 * When digests are due: pure functions of a schedule (HH:MM in an IANA zone) and a given instant.
 *
 * Each guild gets at most one digest per local calendar day, so the day (YYYY-MM-DD in the guild's zone)
 * is the key of a run. On the day clocks spring forward, a time inside the gap (02:30) is moved forward by
 * the gap (03:30): it still goes out once. On the day they fall back, a repeated time is one occurrence
 * (luxon picks one of the two instants) and the day key keeps it from posting twice.
 */

export interface Schedule {
  /** HH:MM, 24-hour. */
  time: string;
  timeZone: string;
  /** Occurrences due before this instant (ISO) are not owed: a digest set at 10:00 for 09:00 starts tomorrow. */
  activeFrom?: string;
}

export interface Occurrence {
  /** The guild's local calendar day, YYYY-MM-DD. */
  localDate: string;
  dueAt: Date;
}

export type Decision =
  | { action: 'none' }
  | { action: 'run'; occurrence: Occurrence }
  | { action: 'skip'; occurrence: Occurrence; lateMs: number };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Reads HH:MM (also H:MM); null when it is not a time of day. */
export function parseTime(text: string): { hour: number; minute: number } | null {
  const match = TIME.exec(text.trim().padStart(5, '0'));
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** Normalises a typed time to HH:MM, or null. */
export function normaliseTime(text: string): string | null {
  const t = parseTime(text);
  return t ? `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : null;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The instant of the digest on a local day; a time that does not exist that day moves forward by the gap. */
export function occurrenceOn(localDate: string, time: string, timeZone: string): Occurrence {
  const t = parseTime(time);
  const day = DateTime.fromISO(localDate, { zone: timeZone });
  if (!t || !day.isValid) throw new RangeError(`not a schedule: ${localDate} ${time} ${timeZone}`);
  const due = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: t.hour, minute: t.minute }, { zone: timeZone });
  return { localDate, dueAt: due.toJSDate() };
}

function localDay(now: Date, timeZone: string, plusDays = 0): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).startOf('day').plus({ days: plusDays }).toISODate()!;
}

/** The latest occurrence due at or before `now`. */
export function latestOccurrence(schedule: Schedule, now: Date): Occurrence {
  const today = occurrenceOn(localDay(now, schedule.timeZone), schedule.time, schedule.timeZone);
  if (today.dueAt.getTime() <= now.getTime()) return today;
  return occurrenceOn(localDay(now, schedule.timeZone, -1), schedule.time, schedule.timeZone);
}

export interface OccurrenceCache {
  /** latestOccurrence(schedule, now), computed once per time and zone until the next occurrence is due. */
  latest(schedule: Schedule, now: Date): Occurrence;
}

/**
 * Remembers each time and zone's latest occurrence with the instant the next one is due, so a scheduler
 * that ticks every minute does luxon's zone arithmetic once a day per schedule instead of every minute.
 */
export function createOccurrenceCache(): OccurrenceCache {
  const known = new Map<string, { occurrence: Occurrence; nextDue: number }>();
  return {
    latest(schedule, now) {
      const key = `${schedule.time} ${schedule.timeZone}`;
      const t = now.getTime();
      const hit = known.get(key);
      if (hit && hit.occurrence.dueAt.getTime() <= t && t < hit.nextDue) return hit.occurrence;
      const occurrence = latestOccurrence(schedule, now);
      const nextDay = DateTime.fromISO(occurrence.localDate, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
      known.set(key, { occurrence, nextDue: occurrenceOn(nextDay, schedule.time, schedule.timeZone).dueAt.getTime() });
      return occurrence;
    },
  };
}

/**
 * What to do for a schedule at `now`: run the latest due occurrence when it is at most `graceMs` late, record it
 * as skipped when it is later than that, or nothing when it is not owed (before `activeFrom`) or already done.
 * `occurrence` may be passed in when many schedules share a time and zone (it depends on nothing else).
 */
export function decide(
  schedule: Schedule, now: Date, graceMs: number, isDone: (localDate: string) => boolean,
  occurrence: Occurrence = latestOccurrence(schedule, now),
): Decision {
  if (schedule.activeFrom && occurrence.dueAt.getTime() < Date.parse(schedule.activeFrom)) return { action: 'none' };
  if (isDone(occurrence.localDate)) return { action: 'none' };
  const lateMs = now.getTime() - occurrence.dueAt.getTime();
  return lateMs <= graceMs ? { action: 'run', occurrence } : { action: 'skip', occurrence, lateMs };
}

/**
 * When the next digest will go out, seen from `now`: the latest occurrence when it is still owed and within
 * the grace window (it goes out at the next tick), else the first future occurrence not already done.
 */
export function nextRun(schedule: Schedule, now: Date, graceMs: number, isDone: (localDate: string) => boolean): Occurrence {
  const pending = decide(schedule, now, graceMs, isDone);
  if (pending.action === 'run') return pending.occurrence;
  for (let days = 0; days <= 2; days++) {
    const occurrence = occurrenceOn(localDay(now, schedule.timeZone, days), schedule.time, schedule.timeZone);
    if (occurrence.dueAt.getTime() > now.getTime() && !isDone(occurrence.localDate)) return occurrence;
  }
  throw new Error('unreachable: a daily schedule always has an occurrence within two days');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * An instant written as ISO 8601 with its offset (2026-01-15T09:00Z, 2026-01-15T09:00+01:00); null for
 * anything else. Stricter than Date.parse, which reads "March 7" as a day in 2001, rolls 30 February over
 * into March and reads a time without an offset in the machine's own zone.
 */
export function parseInstant(text: string): Date | null {
  const trimmed = text.trim();
  if (!ISO_INSTANT.test(trimmed)) return null;
  const parsed = DateTime.fromISO(trimmed, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** "Tuesday 25 November 2025, 09:00 CET" in the schedule's zone. */
export function formatLocal(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm ZZZZ');
}

/** A Discord timestamp tag, shown in each reader's own zone (`F`: full date and time, `R`: relative). */
export function discordTimestamp(instant: Date, style: 'F' | 'f' | 'R' = 'F'): string {
  return `<t:${Math.floor(instant.getTime() / 1000)}:${style}>`;
}
