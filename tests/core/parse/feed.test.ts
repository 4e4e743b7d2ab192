import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../../src/core/parse/feed.ts';
import { decodeBody } from '../../../src/core/parse/charset.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/web/${name}`, import.meta.url), 'utf8');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/web/${name}`, import.meta.url)));

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(fixture('rss2.xml'), { url: 'https://gazette.example.test/feeds/main.xml' });

  it('reads the channel and resolves its relative link against the feed URL', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Saltmarsh Gazette & Advertiser');
    expect(feed.link).toBe('https://gazette.example.test/');
    expect(feed.items).toHaveLength(3);
  });

  it('reads an item with full content', () => {
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: 'gazette-2024-0412',
      title: 'Breakwater design approved',
      link: 'https://gazette.example.test/news/breakwater-approved',
      publishedAt: '2024-04-11T19:05:00-04:00',
      author: 'Noor Haddad',
      isTeaser: false,
    });
    expect(item?.html).toContain('<p>The harbour board approved the new breakwater design');
  });

  it('uses the link as id without a guid, and a hash of title and date without either', () => {
    expect(feed.items[1]?.id).toBe('https://gazette.example.test/news/lighthouse-tours');
    expect(feed.items[2]?.id).toMatch(/^hash:[0-9a-f]{24}$/);
    const again = parseFeed(fixture('rss2.xml').replace('parking & the new', 'parking and the new'), { url: 'https://gazette.example.test/feeds/main.xml' });
    expect(again.items[2]?.html).not.toBe(feed.items[2]?.html);
    expect(again.items[2]?.id).toBe(feed.items[2]?.id);
  });

  it('marks a description-only item as a teaser', () => {
    expect(feed.items[1]).toMatchObject({ title: 'Lighthouse tours resume & sell out', isTeaser: true, publishedAt: '2024-04-08T07:00:00Z' });
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads items with Dublin Core dates and creators', () => {
    const feed = parseFeed(fixture('rss1.rdf'), { url: 'https://uplands.example.test/rss' });
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Uplands Weekly');
    expect(feed.items).toEqual([{
      id: 'https://uplands.example.test/story/ski-lift',
      title: 'Old ski lift to carry hikers this summer',
      link: 'https://uplands.example.test/story/ski-lift',
      publishedAt: '2024-05-02T16:45:00+02:00',
      author: 'Eero Lindqvist',
      html: 'The chairlift above Brannock will run on weekends from June.',
      isTeaser: true,
    }]);
  });
});

describe('parseFeed: Atom', () => {
  const feed = parseFeed(fixture('atom.xml'), { url: 'https://riverside.example.test/atom.xml' });

  it('resolves links against xml:base and strips markup from html titles', () => {
    expect(feed.link).toBe('https://riverside.example.test/');
    expect(feed.items[0]).toMatchObject({
      id: 'tag:riverside.example.test,2024:regatta',
      title: 'Rowing club wins regatta',
      link: 'https://riverside.example.test/blog/posts/regatta-win',
      publishedAt: '2024-05-31T18:20:00+10:00',
      author: 'Mele Tupou',
      isTeaser: false,
    });
  });

  it('falls back to updated for the date and to the feed author', () => {
    expect(feed.items[1]).toMatchObject({ publishedAt: '2024-05-30T08:00:00+10:00', author: 'Riverside Desk', isTeaser: true });
  });
});

describe('parseFeed: JSON Feed', () => {
  const feed = parseFeed(fixture('feed.json'), { url: 'https://marsh.example.test/feed.json' });

  it('reads items, resolving relative URLs', () => {
    expect(feed.format).toBe('json');
    expect(feed.link).toBe('https://marsh.example.test/');
    expect(feed.items[0]).toMatchObject({
      id: 'item-77',
      link: 'https://marsh.example.test/episodes/77',
      publishedAt: '2024-02-20T06:30:00-05:00',
      author: 'Ruth Okafor',
      isTeaser: false,
    });
  });

  it('turns content_text into escaped paragraphs', () => {
    expect(feed.items[1]?.html).toBe('<p>High water at noon.</p>\n<p>Low water at six.</p>');
    expect(feed.items[1]?.isTeaser).toBe(true);
  });
});

describe('charsets', () => {
  it('reads a Latin-1 feed whose charset is only in the XML prolog', () => {
    const text = decodeBody(bytes('latin1.xml'), 'application/rss+xml');
    const feed = parseFeed(text, { url: 'https://sete.example.test/rss' });
    expect(feed.title).toBe('Le Crémier de Sète');
    expect(feed.items[0]?.title).toBe('Fête de la crème brûlée à Sète');
  });

  it('prefers the charset of the Content-Type header', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]);
    expect(decodeBody(latin1, 'text/plain; charset=ISO-8859-1')).toBe('café');
    expect(decodeBody(new TextEncoder().encode('café'), 'text/html; charset="utf-8"')).toBe('café');
  });

  it('reads <meta charset> in HTML, and defaults to UTF-8', () => {
    const page = new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1252"><p>'), 0x93, 0x68, 0x69, 0x94]);
    expect(decodeBody(page, 'text/html')).toBe('<meta charset="windows-1252"><p>“hi”');
    expect(decodeBody(new TextEncoder().encode('naïve'), null)).toBe('naïve');
  });

  it('honours a byte-order mark and ignores an unknown charset label', () => {
    expect(decodeBody(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'text/xml; charset=latin1')).toBe('a');
    expect(decodeBody(new TextEncoder().encode('ok'), 'text/xml; charset=no-such-charset')).toBe('ok');
  });
});

describe('broken feeds', () => {
  it('reports a truncated feed clearly', () => {
    expect(() => parseFeed(fixture('malformed.xml'), { url: 'https://broken.example.test/rss' }))
      .toThrow(/malformed feed at https:\/\/broken\.example\.test\/rss: <item> is never closed/);
  });

  it('reports an HTML page or plain text as not a feed', () => {
    expect(() => parseFeed('<!DOCTYPE html><html><body><p>hello</p></body></html>', { url: 'https://x.example.test/' }))
      .toThrow(FeedParseError);
    expect(() => parseFeed('just words', { url: 'https://x.example.test/' })).toThrow(/not a feed/);
  });

  it('reports broken JSON', () => {
    expect(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', { url: 'https://x.example.test/feed.json' }))
      .toThrow(/malformed JSON feed/);
  });

  it('tolerates an unescaped ampersand, as real feeds contain', () => {
    const xml = '<rss version="2.0"><channel><title>Fish & Chips Daily</title><item><title>Salt & vinegar</title><guid>a1</guid></item></channel></rss>';
    const feed = parseFeed(xml, { url: 'https://chips.example.test/rss' });
    expect(feed.items[0]?.title).toBe('Salt & vinegar');
  });

  it('drops unreadable dates and non-http links rather than failing', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><item><title>X</title><link>javascript:alert(1)</link><pubDate>sometime soon</pubDate></item></channel></rss>';
    const [item] = parseFeed(xml, { url: 'https://t.example.test/rss' }).items;
    expect(item).toMatchObject({ link: null, publishedAt: null });
    expect(item?.id).toMatch(/^hash:/);
  });

  it('takes the link from a permalink guid, but not from one marked isPermaLink="false"', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><item><guid>https://t.example.test/p/1</guid></item><item><guid isPermaLink="false">https://t.example.test/p/2</guid></item></channel></rss>';
    const items = parseFeed(xml, { url: 'https://t.example.test/rss' }).items;
    expect(items.map((i) => i.link)).toEqual(['https://t.example.test/p/1', null]);
    expect(items.map((i) => i.id)).toEqual(['https://t.example.test/p/1', 'https://t.example.test/p/2']);
  });

  it('reads Atom xhtml content', () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>x1</id><title>E</title><updated>2024-01-01T00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <em>there</em></p></div></content></entry></feed>';
    expect(parseFeed(atom, { url: 'https://a.example.test/feed' }).items[0]?.html).toContain('<p>Hello <em>there</em></p>');
  });

  it('reads dates without an offset in the given zone', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><item><guid>z</guid><pubDate>2024-07-01 08:30:00</pubDate></item></channel></rss>';
    expect(parseFeed(xml, { url: 'https://t.example.test/rss' }).items[0]?.publishedAt).toBe('2024-07-01T08:30:00Z');
    expect(parseFeed(xml, { url: 'https://t.example.test/rss', timeZone: 'Europe/Paris' }).items[0]?.publishedAt).toBe('2024-07-01T08:30:00+02:00');
  });

  it('reads an RFC 822 date whose weekday is wrong', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><item><guid>d</guid><pubDate>Mon, 05 Mar 2024 18:30:00 EST</pubDate></item></channel></rss>';
    expect(parseFeed(xml, { url: 'https://t.example.test/rss' }).items[0]?.publishedAt).toBe('2024-03-05T18:30:00-05:00');
  });
});
