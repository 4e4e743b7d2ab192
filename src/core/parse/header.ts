/**
 * Recognisers for the header lines of the plain-text format: the ` date YYYY-MM-DD caption` line, bylines,
 * photo credits and datelines. Each takes one line of text and returns what it found, or null.
 */

export interface Byline {
  authors: string[];
  outlet: string | null;
  role: string | null;
}

const ROLE_WORDS = String.raw`Staff(?: Writer| Reporter)?|Senior Reporter|Reporter|Correspondent|Contributor|Editor|Writer|Columnist`;
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:de|da|del|van|von|der|la|le|bin|al|\p{Lu}[\p{L}'’.-]*)){1,3}`;
const NAME_RE = new RegExp(`^${NAME}$`, 'u');
const OUTLET_STAFF_RE = new RegExp(String.raw`^(.{2,40}?)\s+(${ROLE_WORDS})\s+(${NAME})$`, 'u');
const OUTLET_NEWSROOM_RE = /^(.{2,40}?)\s+(Newsroom|Staff|News Desk|Wire Services|Editorial Board)$/u;

/** Splits "A and B", "A, B and C", "A & B" into names, or null when any part is not a name. */
function splitNames(text: string): string[] | null {
  const parts = text.split(/\s*(?:,|\band\b|&)\s*/u).filter((p) => p.length > 0);
  if (parts.length === 0 || !parts.every((p) => NAME_RE.test(p))) return null;
  return parts;
}

const looksLikeOutlet = (s: string): boolean => /^[\p{Lu}\d][\p{L}\d.&'’ -]{1,40}$/u.test(s);

/**
 * Reads a byline such as "OAN Staff Blake Wolf", "By Jane Doe", "Jane Doe, The Daily Planet",
 * "Jane Doe | Planet", "Jane Doe and John Roe" or "Planet Newsroom". `strict` means the line must be a
 * byline by its shape alone (a bare name counts only when the caller knows it is in the header).
 */
export function parseByline(line: string, allowBareName: boolean): Byline | null {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 100 || /[.!?:;"“”]$/.test(text)) return null;
  const by = /^by\s+(.+)$/iu.exec(text);
  if (by) {
    const [who, outlet] = splitOutlet(by[1]!);
    const authors = splitNames(who);
    return authors ? { authors, outlet, role: null } : null;
  }
  const staff = OUTLET_STAFF_RE.exec(text);
  if (staff) return { authors: [staff[3]!], outlet: staff[1]!, role: staff[2]! };
  const newsroom = OUTLET_NEWSROOM_RE.exec(text);
  if (newsroom && looksLikeOutlet(newsroom[1]!)) return { authors: [], outlet: newsroom[1]!, role: newsroom[2]! };
  const [who, outlet] = splitOutlet(text);
  if (outlet !== null) {
    const authors = splitNames(who);
    return authors ? { authors, outlet, role: null } : null;
  }
  if (/\b(?:and|&)\b/u.test(text)) {
    const authors = splitNames(text);
    if (authors && authors.length > 1) return { authors, outlet: null, role: null };
  }
  if (allowBareName && NAME_RE.test(text)) return { authors: [text], outlet: null, role: null };
  return null;
}

/** "Jane Doe, The Planet" or "Jane Doe | The Planet" -> ["Jane Doe", "The Planet"]. */
function splitOutlet(text: string): [string, string | null] {
  const pipe = text.split(/\s+[|·]\s+/u);
  if (pipe.length === 2 && looksLikeOutlet(pipe[1]!)) return [pipe[0]!, pipe[1]!];
  const comma = /^(.+?),\s*([^,]+)$/u.exec(text);
  if (comma && looksLikeOutlet(comma[2]!) && !/\b(?:and|&)\b/u.test(comma[2]!)) return [comma[1]!, comma[2]!];
  return [text, null];
}

const CREDIT_RES: RegExp[] = [
  /\s*\(((?:Photo|Photograph|Image|Picture)s?\s+(?:by|courtesy of|credit:?)\s+[^()]{2,80})\)\s*$/iu,
  /\s*\(((?:AP|AFP|Reuters|Getty|EPA)\s+Photo\s*\/\s*[^()]{2,60})\)\s*$/u,
  /\s*\(([^()]{2,60}\/(?:Getty Images|Reuters|AP|AFP|EPA|Bloomberg|Shutterstock|Alamy))\)\s*$/u,
  /\s+((?:\p{Lu}[\p{L}'’.-]*\s){1,3}?\p{Lu}[\p{L}'’.-]*\/(?:Getty Images|Reuters|AP|AFP|EPA|Bloomberg|Shutterstock|Alamy))\s*$/u,
];

/** Splits a photo caption from its trailing credit: "... City. (Photo by A B/Getty Images)". */
export function splitCaptionCredit(caption: string): { caption: string; credit: string | null } {
  for (const re of CREDIT_RES) {
    const m = re.exec(caption);
    if (m) return { caption: caption.slice(0, m.index).trim(), credit: m[1]!.trim() };
  }
  return { caption: caption.trim(), credit: null };
}

/** The photographer's name inside a credit ("Photo by Hector Vivas/Getty Images" -> "Hector Vivas"). */
export function creditName(credit: string): string | null {
  const m = /(?:by|courtesy of|credit:?|Photo\s*\/)\s*([^/]+?)\s*(?:\/|$)/iu.exec(credit) ?? /^([^/]+?)\s*\//u.exec(credit);
  const name = m?.[1]?.trim();
  return name && NAME_RE.test(name) ? name : null;
}

export interface Dateline {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
  weekday: number | null; // 1 = Monday ... 7 = Sunday, as written
  zone: string | null; // an IANA zone when the line names one ("ET"), else null
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ZONES: Record<string, string> = {
  ET: 'America/New_York', EST: 'America/New_York', EDT: 'America/New_York',
  CT: 'America/Chicago', CST: 'America/Chicago', CDT: 'America/Chicago',
  MT: 'America/Denver', MST: 'America/Denver', MDT: 'America/Denver',
  PT: 'America/Los_Angeles', PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles',
  GMT: 'UTC', UTC: 'UTC', BST: 'Europe/London', CET: 'Europe/Paris', CEST: 'Europe/Paris',
};

const monthIndex = (word: string): number => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().replace('.', '')) && word.length >= 3) + 1;

const TIME = String.raw`(\d{1,2}):(\d{2})\s*([AaPp]\.?[Mm]\.?)?(?:\s+([A-Z]{2,4}))?`;
const WEEKDAY = String.raw`(Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)[a-z]*\.?`;
const MONTH_DAY_YEAR = String.raw`([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`;
const DAY_MONTH_YEAR = String.raw`(\d{1,2})\s+([A-Z][a-z]{2,8}\.?)\s+(\d{4})`;
const SEP = String.raw`\s*(?:[–—|,-]|\bon\b)?\s*`;
const DATELINE_RES = [
  // 11:56 AM – Sunday, May 4, 2025   /   Sunday, May 4, 2025
  new RegExp(String.raw`^(?:${TIME}${SEP})?(?:${WEEKDAY},?\s+)?${MONTH_DAY_YEAR}(?:${SEP}${TIME})?$`, 'u'),
  new RegExp(String.raw`^(?:${TIME}${SEP})?(?:${WEEKDAY},?\s+)?${DAY_MONTH_YEAR}(?:${SEP}${TIME})?$`, 'u'),
];

function toHour(h: string, ampm: string | undefined): number {
  let hour = Number(h);
  if (ampm) {
    const pm = /^p/i.test(ampm);
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  return hour;
}

const MAX_DATELINE = 80;

/**
 * Has the line more than `max` ASCII characters that are not spaces? Then it is longer than `max` however
 * its spaces are squeezed. The header reader asks about the first body paragraphs too, which this answers
 * after a hundred characters or so.
 */
function surelyLongerThan(line: string, max: number): boolean {
  let solid = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 128 && c !== 32 && (c < 9 || c > 13) && ++solid > max) return true;
  }
  return false;
}

/** Does the line hold four ASCII digits in a row (`\d{4}` in a /u regex)? */
function hasFourDigits(line: string): boolean {
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run === 4) return true;
  }
  return false;
}

/** Reads a dateline such as "11:56 AM – Sunday, May 4, 2025" (no zone: the caller assumes one). */
export function parseDateline(line: string): Dateline | null {
  if (line.length > MAX_DATELINE && surelyLongerThan(line, MAX_DATELINE)) return null;
  if (!hasFourDigits(line)) return null; // both shapes end in a year: bylines and captions fail here, before the regexes

  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length > MAX_DATELINE) return null;
  for (const [index, re] of DATELINE_RES.entries()) {
    const m = re.exec(text);
    if (!m) continue;
    const [h1, m1, ap1, z1, wd, a, b, year, h2, m2, ap2, z2] = m.slice(1);
    const monthWord = index === 0 ? a! : b!;
    const day = Number(index === 0 ? b : a);
    const month = monthIndex(monthWord);
    if (month === 0) return null;
    const hourText = h1 ?? h2;
    const zoneWord = z1 ?? z2;
    const zone = zoneWord ? ZONES[zoneWord] : undefined;
    if (zoneWord && !zone) return null;
    const hour = hourText ? toHour(hourText, ap1 ?? ap2) : null;
    const minute = hourText ? Number(m1 ?? m2) : null;
    if (hour !== null && (hour > 23 || minute! > 59)) return null;
    const weekday = wd ? WEEKDAYS.findIndex((w) => w.startsWith(wd.toLowerCase())) + 1 : null;
    return { year: Number(year), month, day, hour, minute, weekday, zone: zone ?? null };
  }
  return null;
}
