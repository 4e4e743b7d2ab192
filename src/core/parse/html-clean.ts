/**
 * Cleaning what web pages get wrong in their dates and titles: placeholder dates such as 0001-01-01, written-out
 * dates with zone abbreviations, and time zones (the original offset is kept, so a US evening article stays on
 * its own day). Author names are cleaned in html-authors.ts.
 */
// English only: the full package loads every locale (about 20 MB and 0.3 s more).
import * as chrono from 'chrono-node/en';
import { DateTime, FixedOffsetZone } from 'luxon';
import { squeezeSpaces } from '../text/normalize.ts';

export { cleanAuthor, cleanAuthors } from './html-authors.ts';

export interface CleanDate {
  /** YYYY-MM-DD in the article's own offset. */
  date: string;
  /** ISO timestamp with the original offset, or null when the source gave only a day. */
  publishedAt: string | null;
  /** Zone the timestamp was read in: the given offset ("UTC-5"), or the assumed zone. */
  timeZone: string;
  timeZoneAssumed: boolean;
}

/** Dates that stand for "no date": before 1900 or after 2200, the Unix epoch, and midnight on 1900-01-01 or 1970-01-01. */
function isPlaceholder(dt: DateTime): boolean {
  if (dt.year < 1900 || dt.year > 2200) return true;
  if (dt.toUTC().toISO()?.startsWith('1970-01-01T00:00:00')) return true;
  const midnight = dt.hour === 0 && dt.minute === 0 && dt.second === 0;
  return midnight && dt.month === 1 && dt.day === 1 && (dt.year === 1900 || dt.year === 1970);
}

/**
 * Reads a date as pages write it (ISO 8601, RFC 2822, HTTP, "March 5, 2024 6:30 PM"). An offset in the text is
 * kept; without one the time is read in `zone` and marked as assumed. Placeholder dates give null.
 */
export function cleanDate(raw: string | null | undefined, zone = 'UTC'): CleanDate | null {
  if (!raw) return null;
  const text = squeezeSpaces(raw);
  if (!text) return null;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(text) || /^\d{8}$/.test(text);
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b)\s*$/i.test(text);
  const candidates = [
    DateTime.fromISO(text, { setZone: true, zone }),
    DateTime.fromRFC2822(text, { setZone: true, zone }),
    DateTime.fromHTTP(text, { setZone: true, zone }),
    DateTime.fromSQL(text, { setZone: true, zone }),
    DateTime.fromFormat(text, 'yyyyMMdd', { zone }),
  ];
  const dt = candidates.find((c) => c.isValid);
  if (dt) {
    if (isPlaceholder(dt)) return null;
    const assumed = !hasOffset && !dayOnly;
    return {
      date: dt.toISODate() ?? '',
      publishedAt: dayOnly ? null : dt.toISO({ suppressMilliseconds: true }),
      timeZone: assumed || dayOnly ? zone : zoneName(dt),
      timeZoneAssumed: assumed || dayOnly,
    };
  }
  return writtenDate(text, zone);
}

// chrono needs a reference date; only dates that give their year are accepted, so it never matters.
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** A date written out ("November 19, 2019, 07:47 PM EST"), read by chrono when it is most of the text. */
function writtenDate(text: string, zone: string): CleanDate | null {
  const result = chrono.parse(text, REFERENCE)[0];
  if (!result || !result.start.isCertain('year') || !result.start.isCertain('month')) return null;
  const rest = (text.slice(0, result.index) + text.slice(result.index + result.text.length))
    .replace(/\b(?:published|updated|posted|on|at|last|modified)\b:?/gi, '')
    .replace(/[\s,.:;|/–—-]+/g, '');
  if (rest.length > 3) return null;
  const start = result.start;
  const hasTime = start.isCertain('hour');
  const offset = start.isCertain('timezoneOffset') ? start.get('timezoneOffset') : null;
  const fields = {
    year: start.get('year') ?? 0, month: start.get('month') ?? 1, day: start.get('day') ?? 1,
    hour: hasTime ? start.get('hour') ?? 0 : 0, minute: hasTime ? start.get('minute') ?? 0 : 0,
    second: hasTime ? start.get('second') ?? 0 : 0,
  };
  const readIn = offset !== null ? FixedOffsetZone.instance(offset) : zone;
  const dt = DateTime.fromObject(fields, { zone: readIn });
  if (!dt.isValid || isPlaceholder(dt)) return null;
  const assumed = offset === null || !hasTime;
  return {
    date: dt.toISODate() ?? '',
    publishedAt: hasTime ? dt.toISO({ suppressMilliseconds: true }) : null,
    timeZone: assumed ? zone : zoneName(dt),
    timeZoneAssumed: assumed,
  };
}

function zoneName(dt: DateTime): string {
  if (dt.offset === 0) return 'UTC';
  const name = dt.zoneName ?? '';
  return name || `UTC${dt.toFormat('ZZ')}`;
}

/**
 * The site name a page's <title> ends with after a " | " ("Harbour reopens | Island Post"), when it is short
 * enough to be one: the outlet of last resort, when neither JSON-LD nor OpenGraph names it.
 */
export function titleSiteName(raw: string | null | undefined): string | null {
  const m = /^.{10,}\s\|\s+([^|]{2,40}?)\s*$/.exec(squeezeSpaces(raw ?? ''));
  const name = m?.[1] ?? null;
  return name && name.split(/\s+/).length <= 5 && /\p{L}/u.test(name) ? name : null;
}

/** Removes a trailing " | Outlet" or " - Outlet" from a title when it names the outlet or the title is long. */
export function cleanTitle(raw: string | null | undefined, outlet: string | null): string | null {
  if (!raw) return null;
  let title = squeezeSpaces(raw);
  const m = /^(.{10,}?)\s+[|–—:·•-]\s+([^|–—·•]{2,60})$/.exec(title);
  if (m?.[1] && m[2]) {
    const tail = m[2].toLowerCase().replace(/[^a-z0-9]/g, '');
    const site = (outlet ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
    if (site && (tail.includes(site) || site.includes(tail))) title = m[1];
    else if (/\|/.test(title)) title = m[1];
  }
  return title || null;
}
