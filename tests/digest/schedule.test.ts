import { describe, expect, it } from 'vitest';
import { createOccurrenceCache, decide, formatLocal, latestOccurrence, nextRun, normaliseTime, occurrenceOn, parseInstant, type Schedule } from '../../src/digest/schedule.ts';

const HOUR = 3600_000;
const GRACE = 6 * HOUR;
const never = (): boolean => false;

/** Ticks every minute from `from` to `to` as the scheduler would, marking each run done; returns the runs. */
function simulate(schedule: Schedule, from: string, to: string): { localDate: string; at: string }[] {
  const done = new Set<string>();
  const runs: { localDate: string; at: string }[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 60_000) {
    const decision = decide(schedule, new Date(t), GRACE, (d) => done.has(d));
    if (decision.action === 'run') {
      done.add(decision.occurrence.localDate);
      runs.push({ localDate: decision.occurrence.localDate, at: new Date(t).toISOString() });
    }
  }
  return runs;
}

describe('digest times', () => {
  it('reads HH:MM and rejects times that are not on a clock', () => {
    expect(normaliseTime('9:05')).toBe('09:05');
    expect(normaliseTime('23:59')).toBe('23:59');
    expect(normaliseTime('24:00')).toBeNull();
    expect(normaliseTime('12:60')).toBeNull();
    expect(normaliseTime('noon')).toBeNull();
  });

  it('reads an instant only as ISO 8601 with its offset', () => {
    expect(parseInstant('2026-01-15T09:00Z')).toEqual(new Date('2026-01-15T09:00:00Z'));
    expect(parseInstant(' 2026-01-15T09:00:30.250+01:00 ')).toEqual(new Date('2026-01-15T08:00:30.250Z'));
    expect(parseInstant('2026-03-29T02:30:00-05:00')).toEqual(new Date('2026-03-29T07:30:00Z'));
    for (const loose of ['March 7', '2026-01-15', '2026-01-15T09:00', '2026-01-15 09:00Z', '2026-02-30T09:00Z', '2026-01-15T24:30Z', '']) {
      expect(parseInstant(loose)).toBeNull();
    }
  });

  it('places the time in the guild zone, east and west of UTC', () => {
    expect(latestOccurrence({ time: '09:00', timeZone: 'Asia/Tokyo' }, new Date('2026-01-15T00:30:00Z'))).toEqual({
      localDate: '2026-01-15', dueAt: new Date('2026-01-15T00:00:00Z'),
    });
    // 21:30 on the 14th in Los Angeles is already the 15th in UTC.
    expect(latestOccurrence({ time: '21:00', timeZone: 'America/Los_Angeles' }, new Date('2026-01-15T05:30:00Z'))).toEqual({
      localDate: '2026-01-14', dueAt: new Date('2026-01-15T05:00:00Z'),
    });
    expect(latestOccurrence({ time: '09:00', timeZone: 'Asia/Kolkata' }, new Date('2026-01-15T03:29:00Z')).localDate).toBe('2026-01-14');
  });

  it('posts a 02:30 digest once on the day 02:30 does not exist (spring forward), an hour later', () => {
    const schedule = { time: '02:30', timeZone: 'America/New_York' };
    expect(occurrenceOn('2026-03-08', '02:30', 'America/New_York').dueAt).toEqual(new Date('2026-03-08T07:30:00Z'));
    const runs = simulate(schedule, '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z');
    expect(runs).toEqual([
      { localDate: '2026-03-07', at: '2026-03-07T07:30:00.000Z' },
      { localDate: '2026-03-08', at: '2026-03-08T07:30:00.000Z' }, // 03:30 EDT
      { localDate: '2026-03-09', at: '2026-03-09T06:30:00.000Z' }, // 02:30 EDT
    ]);
  });

  it('posts once in Europe too when the time falls in the gap', () => {
    const runs = simulate({ time: '02:30', timeZone: 'Europe/Berlin' }, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z');
    expect(runs.map((r) => r.localDate)).toEqual(['2026-03-28', '2026-03-29']);
    expect(runs[1]!.at).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });

  it('does not post twice when the hour repeats (fall back)', () => {
    const runs = simulate({ time: '01:30', timeZone: 'America/New_York' }, '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z');
    expect(runs.map((r) => r.localDate)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    const berlin = simulate({ time: '02:30', timeZone: 'Europe/Berlin' }, '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z');
    expect(berlin.map((r) => r.localDate)).toEqual(['2026-10-25', '2026-10-26']);
  });

  it('gives the same occurrence from the cache as computed afresh, minute by minute across DST changes', () => {
    const schedules = [
      { time: '02:30', timeZone: 'America/New_York' }, { time: '01:30', timeZone: 'America/New_York' },
      { time: '02:30', timeZone: 'Europe/Berlin' }, { time: '00:00', timeZone: 'America/Santiago' }, { time: '23:59', timeZone: 'Pacific/Kiritimati' },
    ];
    const cache = createOccurrenceCache();
    for (const [from, to] of [['2026-03-07T00:00:00Z', '2026-03-09T12:00:00Z'], ['2026-10-31T00:00:00Z', '2026-11-02T12:00:00Z'], ['2026-09-05T00:00:00Z', '2026-09-07T00:00:00Z']] as const) {
      for (let t = Date.parse(from); t <= Date.parse(to); t += 7 * 60_000) {
        for (const schedule of schedules) expect(cache.latest(schedule, new Date(t))).toEqual(latestOccurrence(schedule, new Date(t)));
      }
    }
  });

  it('runs a missed digest within the grace window and skips it after', () => {
    const schedule = { time: '09:00', timeZone: 'UTC' };
    expect(decide(schedule, new Date('2026-01-15T14:59:00Z'), GRACE, never)).toMatchObject({ action: 'run', occurrence: { localDate: '2026-01-15' } });
    expect(decide(schedule, new Date('2026-01-15T15:01:00Z'), GRACE, never)).toMatchObject({ action: 'skip', occurrence: { localDate: '2026-01-15' } });
    expect(decide(schedule, new Date('2026-01-15T15:01:00Z'), GRACE, () => true)).toEqual({ action: 'none' });
  });

  it('owes nothing for a time that had passed when the digest was set', () => {
    const schedule = { time: '09:00', timeZone: 'UTC', activeFrom: '2026-01-15T10:00:00Z' };
    const now = new Date('2026-01-15T10:01:00Z');
    expect(decide(schedule, now, GRACE, never)).toEqual({ action: 'none' });
    expect(nextRun(schedule, now, GRACE, never).dueAt).toEqual(new Date('2026-01-16T09:00:00Z'));
  });

  it('gives the next run: a pending one first, else the next day not done', () => {
    const schedule = { time: '18:00', timeZone: 'Europe/Paris' };
    expect(nextRun(schedule, new Date('2026-01-15T12:00:00Z'), GRACE, never).dueAt).toEqual(new Date('2026-01-15T17:00:00Z'));
    expect(nextRun(schedule, new Date('2026-01-15T17:05:00Z'), GRACE, never).dueAt).toEqual(new Date('2026-01-15T17:00:00Z'));
    expect(nextRun(schedule, new Date('2026-01-15T17:05:00Z'), GRACE, (d) => d === '2026-01-15').dueAt).toEqual(new Date('2026-01-16T17:00:00Z'));
    expect(formatLocal(new Date('2026-01-16T17:00:00Z'), 'Europe/Paris')).toBe('Friday 16 January 2026, 18:00 CET');
  });
});
