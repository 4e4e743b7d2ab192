/**
 * Feed text -> ParsedFeed, for RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed (parsed by feedsmith). Dates keep
 * their original offset, links are made absolute, every item gets a stable id, and items whose content is only
 * a short summary are marked as teasers so the edge fetches the page. Pure: the caller fetches and decodes.
 */
import { createHash } from 'node:crypto';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { squeezeSpaces } from '../text/normalize.ts';
import { cleanDate } from './html-clean.ts';
import { absoluteUrl } from './html-metadata.ts';
import { rawFeedOf } from './feed-formats.ts';
import { xmlStructureProblem } from './feed-xml.ts';
import type { RawFeedItem } from './feed-formats.ts';

export interface FeedItem {
  /** The guid (Atom id, JSON Feed id), else the link, else `hash:` + a hash of title and date (of the content when both are missing). */
  id: string;
  title: string | null;
  /** Absolute http(s) URL of the item's page. */
  link: string | null;
  /** ISO 8601 with the feed's original offset; null when the item has no readable date. */
  publishedAt: string | null;
  author: string | null;
  /** The content, else the summary, as HTML; null when the item has neither. */
  html: string | null;
  /** True when `html` is only a short summary: fetch `link` and extract the article. */
  isTeaser: boolean;
}

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string | null;
  /** The site's home page, absolute. */
  link: string | null;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  /** Where the feed was fetched from; relative links resolve against it. */
  url: string;
  /** IANA zone for dates written without an offset (default UTC). */
  timeZone?: string;
}

/** The text is not a feed, or not one that can be read. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

/** Fewer words than this, and the item is treated as a teaser. */
const TEASER_WORDS = 100;

/**
 * Parses a feed. `url` is where the feed was fetched from; relative links resolve against it (and xml:base).
 * Throws FeedParseError with a readable message when the text is not a feed or is malformed.
 */
export function parseFeed(body: string, options: ParseFeedOptions): ParsedFeed {
  const text = body.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      JSON.parse(trimmed);
    } catch (error) {
      throw new FeedParseError(`malformed JSON feed at ${options.url}: ${(error as Error).message}`);
    }
  } else if (trimmed.startsWith('<') && !/^<(?:!doctype\s+)?html[\s>]/i.test(trimmed)) {
    const problem = xmlStructureProblem(text);
    if (problem) throw new FeedParseError(`malformed feed at ${options.url}: ${problem}`);
  }
  let result: { format: string; feed: unknown };
  try {
    result = feedsmithParse(text) as { format: string; feed: unknown };
  } catch (error) {
    const name = (error as Error)?.name ?? '';
    const detail = (error as Error)?.message ?? String(error);
    if (/Detect/i.test(name) || /unrecognized/i.test(detail)) {
      throw new FeedParseError(`not a feed: expected RSS, Atom, RDF or JSON Feed (${options.url})`);
    }
    throw new FeedParseError(`malformed feed at ${options.url}: ${detail}`);
  }
  const raw = rawFeedOf(result);
  const feedBase = absoluteUrl(raw.base, options.url) ?? options.url;
  const items = raw.items.map((item) => finishItem(item, feedBase, options.timeZone ?? 'UTC'));
  return { format: raw.format, title: plainText(raw.title), link: absoluteUrl(raw.link, feedBase), items };
}

function finishItem(item: RawFeedItem, feedBase: string, zone: string): FeedItem {
  const base = absoluteUrl(item.base, feedBase) ?? feedBase;
  const link = absoluteUrl(item.link, base);
  const title = plainText(item.title);
  const publishedAt = feedDate(item.date, zone);
  const html = item.content ?? item.summary;
  const guid = item.guid ? squeezeSpaces(item.guid) : null;
  return {
    id: guid || link || `hash:${hashOf(title || publishedAt || item.date ? `${title ?? ''}\n${publishedAt ?? item.date ?? ''}` : `\n\n${html ?? ''}`)}`,
    title,
    link,
    publishedAt,
    author: plainText(item.author),
    html,
    isTeaser: isTeaser(item.content, item.summary),
  };
}

/** A feed date as ISO with its own offset. RFC 822 dates with a wrong weekday are read without it. */
export function feedDate(raw: string | null, zone = 'UTC'): string | null {
  if (!raw) return null;
  const parsed = cleanDate(raw, zone) ?? cleanDate(raw.replace(/^\s*[A-Za-z]{3,9},?\s+/, ''), zone);
  if (!parsed) return null;
  return parsed.publishedAt ?? `${parsed.date}T00:00:00Z`;
}

/** A short, stable, non-cryptographic-purpose id. */
function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** HTML or escaped text -> one line of plain text. */
function plainText(value: string | null): string | null {
  if (!value) return null;
  const text = squeezeSpaces(decodeEntities(value.replace(/<[^>]*>/g, ' ')));
  return text || null;
}

function wordCount(html: string | null): number {
  if (!html) return 0;
  const text = decodeEntities(html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '));
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

const TRUNCATED = /(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|the post .* appeared first on .*)\W*$/i;

/** A teaser: no content beyond a summary, or content too short to be the article, or visibly cut off. */
function isTeaser(content: string | null, summary: string | null): boolean {
  const html = content ?? summary;
  if (!html) return true;
  const text = plainText(html) ?? '';
  if (wordCount(html) < TEASER_WORDS) return true;
  return !content && TRUNCATED.test(text);
}
