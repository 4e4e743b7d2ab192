/**
 * Maps feedsmith's four result shapes (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) onto one raw item shape.
 * feedsmith returns raw strings; dates, links and ids are finished in feed.ts. Fields are read defensively
 * because feeds in the wild omit or misuse almost everything.
 */

export interface RawFeedItem {
  guid: string | null;
  title: string | null;
  link: string | null;
  date: string | null;
  author: string | null;
  /** Full content (content:encoded, Atom content, JSON content_html/content_text), if any. */
  content: string | null;
  /** Summary (description, Atom summary, JSON summary), if any. */
  summary: string | null;
  /** xml:base of the entry, for Atom. */
  base: string | null;
}

export interface RawFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string | null;
  link: string | null;
  base: string | null;
  items: RawFeedItem[];
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** A string from a string, a number, or an object with a value/name/href. */
function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  const o = obj(value);
  return 'value' in o ? str(o['value']) : 'name' in o ? str(o['name']) : null;
}

function firstOf(...values: unknown[]): string | null {
  for (const value of values) {
    const s = str(value);
    if (s) return s;
  }
  return null;
}

function authorName(value: unknown): string | null {
  for (const a of list(value)) {
    if (typeof a === 'string' && a.trim()) return a.trim();
    const o = obj(a);
    const name = str(o['name']) ?? str(o['email']);
    if (name) return name;
  }
  return null;
}

/** An RSS guid is the item's URL unless isPermaLink="false" (the default is true). */
function permalink(guid: unknown): string | null {
  const value = typeof guid === 'string' ? guid : str(obj(guid)['value']);
  if (!value || obj(guid)['isPermaLink'] === false) return null;
  return /^https?:\/\//i.test(value.trim()) ? value.trim() : null;
}

function atomLink(links: unknown): string | null {
  const all = list(links).map(obj);
  const alt = all.find((l) => !l['rel'] || l['rel'] === 'alternate') ?? all[0];
  return alt ? str(alt['href']) : null;
}

function fromRss(feed: Obj, format: 'rss' | 'rdf'): RawFeed {
  const items = list(feed['items']).map(obj).map((item): RawFeedItem => {
    const dc = obj(item['dc']);
    const guid = obj(item['guid']);
    return {
      guid: str(item['guid']) ?? str(guid['value']),
      title: firstOf(item['title'], list(dc['titles'])[0]),
      link: firstOf(item['link'], format === 'rdf' ? obj(item['rdf'])['about'] : null, permalink(item['guid'])),
      date: firstOf(item['pubDate'], list(dc['dates'])[0], list(obj(item['dcterms'])['issued'])[0]),
      author: firstOf(list(dc['creators'])[0]) ?? authorName(item['authors']),
      content: firstOf(obj(item['content'])['encoded']),
      summary: firstOf(item['description'], list(dc['descriptions'])[0]),
      base: null,
    };
  });
  return { format, title: str(feed['title']), link: str(feed['link']), base: null, items };
}

function fromAtom(feed: Obj): RawFeed {
  const items = list(feed['entries']).map(obj).map((entry): RawFeedItem => ({
    guid: str(entry['id']),
    title: str(entry['title']),
    link: atomLink(entry['links']),
    date: firstOf(entry['published'], entry['updated'], list(obj(entry['dc'])['dates'])[0]),
    author: authorName(entry['authors']) ?? authorName(feed['authors']),
    content: str(obj(entry['content'])['value'] ?? entry['content']),
    summary: str(obj(entry['summary'])['value'] ?? entry['summary']),
    base: str(obj(entry['xml'])['base']),
  }));
  return { format: 'atom', title: str(feed['title']), link: atomLink(feed['links']), base: str(obj(feed['xml'])['base']), items };
}

function fromJson(feed: Obj): RawFeed {
  const items = list(feed['items']).map(obj).map((item): RawFeedItem => {
    const text = str(item['content_text']);
    return {
      guid: str(item['id']),
      title: str(item['title']),
      link: firstOf(item['url'], item['external_url']),
      date: firstOf(item['date_published'], item['date_modified']),
      author: authorName(item['authors']) ?? authorName(item['author']) ?? authorName(feed['authors']),
      content: str(item['content_html']) ?? (text ? escapeText(text) : null),
      summary: str(item['summary']),
      base: null,
    };
  });
  return { format: 'json', title: str(feed['title']), link: str(feed['home_page_url']), base: null, items };
}

function escapeText(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.split(/\n\s*\n/).map((p) => `<p>${p.trim()}</p>`).join('\n');
}

/** Normalises feedsmith's `{format, feed}` result. */
export function rawFeedOf(result: { format: string; feed: unknown }): RawFeed {
  const feed = obj(result.feed);
  switch (result.format) {
    case 'atom':
      return fromAtom(feed);
    case 'json':
      return fromJson(feed);
    case 'rdf':
      return fromRss(feed, 'rdf');
    default:
      return fromRss(feed, 'rss');
  }
}
