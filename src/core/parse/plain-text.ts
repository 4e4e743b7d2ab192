import { DateTime, IANAZone } from 'luxon';
import type { ParsedArticle, Span } from '../types.ts';
import { spaceAt } from '../text/words.ts';
import { parseByline, parseDateline, splitCaptionCredit, type Byline, type Dateline } from './header.ts';

/**
 * Parser for the plain-text article format users feed quotewire:
 *
 *     ␠date 2025-05-04 Caption of the photo. (Photo by Name/Agency)
 *
 *     OAN Staff Blake Wolf
 *
 *     11:56 AM – Sunday, May 4, 2025
 *
 *     First paragraph...
 *
 * Every part is optional; a Markdown `# Title` or a short first line may stand in for the header, and a
 * file of bare body text is a valid article. Spans are indices into the input exactly as given (a BOM,
 * CRLF line ends and all).
 */

export interface PlainTextOptions {
  /** IANA zone in which the dateline is read (per source; default UTC). */
  timeZone?: string;
  /** The article's date when the text carries none (YYYY-MM-DD), e.g. from a feed or a JSONL line. */
  date?: string;
}

/** The input cannot be read as an article at all (for instance, a header with an impossible date). */
export class ArticleFormatError extends Error {
  override name = 'ArticleFormatError';
}

interface Block extends Span {
  lines: Span[];
}

/** Splits text into blocks of non-blank lines, each line trimmed, with offsets into the text. */
function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && spaceAt(text, s)) s++;
    while (e > s && spaceAt(text, e - 1)) e--;
    if (e > s) {
      if (!current) blocks.push((current = { start: s, end: e, lines: [] }));
      current.lines.push({ start: s, end: e });
      current.end = e;
    } else {
      current = null;
    }
    lineStart = lineEnd + 1;
  }
  return blocks;
}

const HEADER_DATE_RE = /^date:?\s+(\S+)(?:\s+([\s\S]*))?$/iu;
const MARKDOWN_TITLE_RE = /^#{1,2}\s+(.+?)\s*#*$/u;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const isRealDate = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/** Is `iso` a real YYYY-MM-DD date? (Checked by arithmetic: luxon took a visible share of parsing.) */
function validDate(iso: string): boolean {
  const m = ISO_DATE_RE.exec(iso);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A dateline read in UTC, the default zone, without luxon: its date, and its timestamp when it has a time,
 * exactly as luxon writes them. Null when the dateline needs a warning (luxon words those) or names a zone.
 */
function utcDateline(d: Dateline): { localDate: string; publishedAt: string | null } | null {
  if (!isRealDate(d.year, d.month, d.day)) return null;
  const day = new Date(0);
  day.setUTCFullYear(d.year, d.month - 1, d.day);
  if (d.weekday !== null && d.weekday !== ((day.getUTCDay() + 6) % 7) + 1) return null;
  const localDate = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
  return { localDate, publishedAt: d.hour === null ? null : `${localDate}T${pad(d.hour)}:${pad(d.minute ?? 0)}:00Z` };
}

function looksLikeTitle(line: string): boolean {
  const words = line.split(/\s+/).length;
  return line.length <= 150 && words >= 2 && words <= 25 && !/[.,;:]$/.test(line) && /\p{Lu}/u.test(line[0] ?? '');
}

interface Header {
  title: string | null;
  headerDate: string | null;
  caption: string | null;
  photoCredit: string | null;
  byline: Byline | null;
  dateline: { raw: string; value: Dateline } | null;
  bodyFrom: number; // index of the first body block
}

function readHeader(text: string, blocks: Block[]): Header {
  const h: Header = { title: null, headerDate: null, caption: null, photoCredit: null, byline: null, dateline: null, bodyFrom: 0 };
  const slice = (s: Span): string => text.slice(s.start, s.end);
  // The datelines of one-line blocks, read once: the byline check looks one block ahead.
  const datelines: (Dateline | null | undefined)[] = [];
  const datelineAt = (k: number): Dateline | null => {
    let d = datelines[k];
    if (d === undefined) datelines[k] = d = parseDateline(slice(blocks[k]!));
    return d;
  };
  for (let i = 0; i < blocks.length - 1 || (i === 0 && blocks.length === 1); i++) {
    const block = blocks[i]!;
    const first = slice(block.lines[0]!);
    const single = block.lines.length === 1;
    const dateMatch = h.headerDate === null && h.byline === null ? HEADER_DATE_RE.exec(slice(block)) : null;
    const inHeader = h.headerDate !== null || h.title !== null || i > 0;
    const nextIsDateline = (): boolean => blocks[i + 1]?.lines.length === 1 && datelineAt(i + 1) !== null;
    // The dateline and the byline are read only when no reading before them claimed the block.
    let dateline: Dateline | null = null;
    let byline: Byline | null = null;
    if (dateMatch) {
      const date = dateMatch[1]!;
      if (!validDate(date)) throw new ArticleFormatError(`the header date "${date}" is not a real date (expected YYYY-MM-DD)`);
      h.headerDate = date;
      const rest = (dateMatch[2] ?? '').replace(/\s+/g, ' ').trim();
      if (rest) {
        const { caption, credit } = splitCaptionCredit(rest);
        h.caption = caption || null;
        h.photoCredit = credit?.replace(/^(?:photo|photograph|image|picture)s?\s+(?:by|courtesy of|credit:?)\s+/iu, '') ?? null;
      }
    } else if (i === 0 && MARKDOWN_TITLE_RE.test(first)) {
      h.title = MARKDOWN_TITLE_RE.exec(first)![1]!;
      if (!single) return { ...h, bodyFrom: i }; // the title line heads a block that is body
    } else if (single && !h.dateline && (dateline = datelineAt(i)) !== null) {
      h.dateline = { raw: first, value: dateline };
    } else if (single && !h.byline && !h.dateline && (byline = parseByline(first, inHeader || nextIsDateline())) !== null) {
      h.byline = byline;
    } else if (i === 0 && single && looksLikeTitle(first)) {
      h.title = first;
    } else {
      break;
    }
    h.bodyFrom = i + 1;
  }
  return h;
}

/** Paragraph spans of the body: blocks, or single lines when the body has no blank lines at all. */
function bodyParagraphs(text: string, blocks: Block[], header: Header): Span[] {
  const body = blocks.slice(header.bodyFrom);
  const first = body[0];
  if (first && header.title !== null && MARKDOWN_TITLE_RE.test(text.slice(first.lines[0]!.start, first.lines[0]!.end)) && header.bodyFrom === 0) {
    // "# Title" directly followed by body lines: drop the title line from the first block.
    body[0] = { ...first, start: first.lines[1]!.start, lines: first.lines.slice(1) };
  }
  // Copied with push rather than map(): an optimised map() returns a holey array, and the sentence
  // splitter and the quote finder, which have seen packed ones, would deoptimise on it.
  const spans = body.length === 1 && body[0]!.lines.length > 1 ? body[0]!.lines : body;
  const paragraphs: Span[] = [];
  for (const s of spans) paragraphs.push({ start: s.start, end: s.end });
  return paragraphs;
}

/** Zone names already checked: luxon builds an Intl formatter for every check, which ingest felt. */
const checkedZones = new Map<string, boolean>();

function isKnownZone(zone: string): boolean {
  // The default zone: asking luxon loads the time-zone data, ~30 ms of CPU on a worker's first article.
  if (zone === 'UTC') return true;
  let known = checkedZones.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    if (checkedZones.size < 1000) checkedZones.set(zone, known);
  }
  return known;
}

function readDates(header: Header, options: PlainTextOptions, warnings: string[]) {
  const timeZone = options.timeZone ?? 'UTC';
  if (!isKnownZone(timeZone)) throw new ArticleFormatError(`unknown time zone "${timeZone}"`);
  let date = header.headerDate;
  let publishedAt: string | null = null;
  let zone = timeZone;
  let assumed = true;
  const utc = header.dateline && (header.dateline.value.zone ?? timeZone) === 'UTC' ? utcDateline(header.dateline.value) : null;
  if (header.dateline && utc && (date === null || date === utc.localDate)) {
    zone = 'UTC';
    assumed = header.dateline.value.zone === null;
    date ??= utc.localDate;
    publishedAt = utc.publishedAt;
  } else if (header.dateline) {
    const d = header.dateline.value;
    zone = d.zone ?? timeZone;
    assumed = d.zone === null;
    const local = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour: d.hour ?? 0, minute: d.minute ?? 0 }, { zone });
    if (!local.isValid) {
      warnings.push(`the dateline "${header.dateline.raw}" is not a real date; ignored`);
    } else {
      const localDate = local.toISODate()!;
      if (d.weekday !== null && d.weekday !== local.weekday) {
        warnings.push(`the dateline "${header.dateline.raw}" names the wrong weekday: ${localDate} is a ${local.toFormat('cccc')}`);
      }
      if (date !== null && date !== localDate) warnings.push(`the header date ${date} differs from the dateline's date ${localDate}`);
      date ??= localDate;
      if (d.hour !== null) publishedAt = local.toISO({ suppressMilliseconds: true });
    }
  }
  if (date === null && options.date) {
    if (!validDate(options.date)) throw new ArticleFormatError(`the date "${options.date}" is not a real date (expected YYYY-MM-DD)`);
    date = options.date;
  }
  return { date, publishedAt, timeZone: zone, timeZoneAssumed: assumed };
}

/** The body as one string: paragraphs joined by blank lines, line breaks inside them without spaces or CR. */
function bodyText(text: string, paragraphs: Span[]): string {
  const pieces: string[] = [];
  for (const p of paragraphs) {
    const paragraph = text.slice(p.start, p.end);
    // Most paragraphs are one line: no break to clean.
    pieces.push(paragraph.includes('\n') ? paragraph.replace(/[ \t]*\r?\n[ \t]*/g, '\n') : paragraph);
  }
  return pieces.join('\n\n');
}

/** Parses an article in the plain-text format (or bare body text). Throws ArticleFormatError on bad input. */
export function parsePlainText(text: string, options: PlainTextOptions = {}): ParsedArticle {
  const blocks = toBlocks(text);
  const header = readHeader(text, blocks);
  const paragraphs = bodyParagraphs(text, blocks, header);
  const warnings: string[] = [];
  const dates = readDates(header, options, warnings);
  if (paragraphs.length === 0) warnings.push('the article has no body text');
  const authors = header.byline?.authors ?? [];
  return {
    title: header.title,
    titleGenerated: false,
    ...dates,
    dateline: header.dateline?.raw ?? null,
    author: authors.length > 0 ? authors.join(' and ') : null,
    authors,
    outlet: header.byline?.outlet ?? null,
    caption: header.caption,
    photoCredit: header.photoCredit,
    url: null,
    imageUrl: null,
    body: bodyText(text, paragraphs),
    paragraphs,
    warnings,
  };
}
