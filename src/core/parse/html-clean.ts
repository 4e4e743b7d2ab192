/**
 * Cleaning what web pages get wrong in their metadata: "By" prefixes and dates inside bylines, @handles and
 * profile URLs given as author names, placeholder dates such as 0001-01-01, and time zones (the original
 * offset is kept, so a US evening article stays on its own day).
 */
import { DateTime } from 'luxon';
import { squeezeSpaces } from '../text/normalize.ts';

export interface CleanDate {
  /** YYYY-MM-DD in the article's own offset. */
  date: string;
  /** ISO timestamp with the original offset, or null when the source gave only a day. */
  publishedAt: string | null;
  /** Zone the timestamp was read in: the given offset ("UTC-5"), or the assumed zone. */
  timeZone: string;
  timeZoneAssumed: boolean;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_IN_BYLINE = new RegExp(
  `\\s*(?:[|,·•–—-]\\s*|\\b(?:updated|published|posted|on)\\b:?\\s*)*` +
    `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?` +
    `(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}).*$`,
  'i',
);
const TIME_IN_BYLINE = /\s*(?:[|,·•–—-]\s*)?(?:\b(?:updated|published|posted)\b:?\s*(?:at\s+)?)?\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)(?:\s+[A-Z]{2,4})?\b.*$/i;
const NOT_A_NAME = /^(?:staff|admin|administrator|editor|editors|newsroom|unknown|anonymous|null|undefined|none|guest)$/i;

/** Cleans one author string; returns the names it holds (none when it is a handle, URL or placeholder). */
export function cleanAuthor(raw: string | null | undefined): string[] {
  if (!raw) return [];
  let text = squeezeSpaces(raw.replace(/<[^>]*>/g, ' '));
  if (/^https?:\/\//i.test(text) || /^www\./i.test(text)) return [];
  text = text.replace(DATE_IN_BYLINE, '').replace(TIME_IN_BYLINE, '');
  text = text.replace(/^(?:written\s+|posted\s+|reported\s+|story\s+|words\s+)?by[:\s]+/i, '');
  text = text.replace(/\s*[|–—]\s.*$/, '').replace(/\s*\((?:[^)]*)\)\s*$/, '');
  text = text.replace(/\s*,?\s+for\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*$/, '');
  const names = text
    .split(/\s*(?:,\s*and\s+|\band\b|&|;|,)\s*/i)
    .map((name) => name.replace(/^[\s,.:;-]+|[\s,:;-]+$/g, '').trim())
    .filter((name) => isPlausibleName(name));
  return names;
}

function isPlausibleName(name: string): boolean {
  if (!name || name.length > 80) return false;
  if (name.startsWith('@') || /^https?:|\.(?:com|org|net)\b|\//i.test(name)) return false;
  if (NOT_A_NAME.test(name)) return false;
  if (!/\p{L}/u.test(name)) return false;
  return name.split(/\s+/).length <= 6;
}

/** Cleans a list of raw author strings into unique names, in order. */
export function cleanAuthors(raws: Array<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of raws) {
    for (const name of cleanAuthor(raw)) {
      const key = name.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(name);
      }
    }
  }
  return out;
}

function isPlaceholder(dt: DateTime): boolean {
  if (dt.year < 1900 || dt.year > 2200) return true;
  return dt.toUTC().toISO()?.startsWith('1970-01-01T00:00:00') ?? false;
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
    ...LOOSE_FORMATS.map((f) => DateTime.fromFormat(text.replace(/(\d)(st|nd|rd|th)\b/, '$1').replace(/\./g, ''), f, { zone, locale: 'en-US' })),
  ];
  const dt = candidates.find((c) => c.isValid);
  if (!dt || isPlaceholder(dt)) return null;
  const assumed = !hasOffset && !dayOnly;
  return {
    date: dt.toISODate() ?? '',
    publishedAt: dayOnly ? null : dt.toISO({ suppressMilliseconds: true }),
    timeZone: assumed || dayOnly ? zone : zoneName(dt),
    timeZoneAssumed: assumed || dayOnly,
  };
}

const LOOSE_FORMATS = [
  'MMMM d, yyyy', 'MMM d, yyyy', 'MMMM d yyyy', 'd MMMM yyyy', 'd MMM yyyy',
  'MMMM d, yyyy h:mm a', 'MMM d, yyyy h:mm a', 'MMMM d, yyyy, h:mm a', 'MMM d, yyyy, h:mm a',
  'yyyy/MM/dd', 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'MM/dd/yyyy',
];

function zoneName(dt: DateTime): string {
  if (dt.offset === 0) return 'UTC';
  const name = dt.zoneName ?? '';
  return name || `UTC${dt.toFormat('ZZ')}`;
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
