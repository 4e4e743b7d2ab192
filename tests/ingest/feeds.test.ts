import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ITEMS_PER_POLL } from '../../src/ingest/feeds.ts';
import { pollAndSchedule } from '../../src/ingest/feed-poller.ts';
import type { Handler } from './web-server.ts';
import { createWebContext, send, startServer, type TestServer } from './web-server.ts';

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name));

/** Serves a feed with an ETag and answers 304 to a request that already has it. */
function feedRoute(body: () => Buffer | string, contentType: string): Handler {
  return (req, res) => {
    const etag = `"${Buffer.from(body()).length}-${Buffer.from(body()).subarray(-40).toString('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
    else res.writeHead(200, { 'content-type': contentType, etag, 'last-modified': 'Sun, 01 Jun 2025 10:00:00 GMT' }).end(body());
  };
}

let server: TestServer;
let ctx: ReturnType<typeof createWebContext>;
let rss: string;

beforeEach(async () => {
  rss = fixture('rss2.xml').toString('utf8');
  server = await startServer({
    '/news/ferry-evening-crossing': send(fixture('page-ferry.html')),
    '/news/signal-box-library': send(fixture('page-library.html')),
    '/rss2.xml': feedRoute(() => rss, 'application/rss+xml; charset=utf-8'),
    '/atom.xml': feedRoute(() => fixture('atom.xml'), 'application/atom+xml'),
    '/rss1.rdf': feedRoute(() => fixture('rss1.rdf'), 'application/rdf+xml'),
    '/feed.json': feedRoute(() => fixture('feed.json'), 'application/feed+json'),
    '/latin1.xml': feedRoute(() => fixture('latin1.xml'), 'application/rss+xml'),
    '/malformed.xml': feedRoute(() => fixture('malformed.xml'), 'application/rss+xml'),
  });
  ctx = createWebContext();
});
afterEach(async () => {
  ctx.cleanup();
  await server.close();
});

const NOW = new Date('2025-06-01T12:00:00Z');
const addFeed = (path: string) => ctx.store.feeds.add({ url: server.url(path), intervalMinutes: 15, now: NOW.toISOString() });
const poll = (id: number, at = NOW) => pollAndSchedule(ctx, ctx.store.feeds.byId(id)!, at);

const NEW_ITEM = `<item>
<title>Harbour master retires after thirty winters</title>
<link>/news/harbour-master-retires</link>
<guid isPermaLink="false">ledger-harbour-0601</guid>
<pubDate>Sun, 01 Jun 2025 08:00:00 +0200</pubDate>
<content:encoded><![CDATA[<p>${'The harbour master rang the quay bell one last time on Saturday morning and handed the keys of the tide office to her deputy, ending thirty winters of watching boats come and go. '.repeat(4)}</p><p>"I will miss the storms more than the sunshine," said Greta Holmstrom, who plans to keep sailing her own small boat.</p>]]></content:encoded>
</item>
<item>`;

describe('polling an RSS 2.0 feed', () => {
  it('stores every item on the first poll without announcing them, fetching the page of a teaser', async () => {
    const feed = addFeed('/rss2.xml');
    const report = await poll(feed.id);
    expect(report).toMatchObject({ status: 'new', stored: 2, itemFailures: 0 });
    expect(ctx.store.articles.count()).toBe(2);
    expect(server.requests.map((r) => r.path)).toContain('/news/ferry-evening-crossing');
    const ferry = ctx.store.feeds.item(feed.id, 'ledger-ferry-0514')!;
    const article = ctx.store.articles.byId(ferry.articleId!)!;
    expect(article.body).toContain('second evening crossing from the end of June');
    expect(article.author).toBe('Tomasz Wielgosz');
    const orchard = ctx.store.articles.byId(ctx.store.feeds.item(feed.id, 'ledger-orchard-0516')!.articleId!)!;
    expect(orchard).toMatchObject({ title: 'Orchard volunteers graft two hundred apple trees', author: 'Henrike Solberg', publishedAt: '2025-05-16T07:45:00+02:00' });
    expect(orchard.body).toContain('old local apple varieties');
    expect(ctx.store.feeds.item(feed.id, 'ledger-orchard-0516')?.backlog).toBe(true);
    expect(ctx.store.feeds.byId(feed.id)).toMatchObject({ title: 'Larkspur Ledger', primed: true, failures: 0, nextPollAt: '2025-06-01T12:15:00.000Z' });
  });

  it('sends the validators on the next poll and treats 304 as unchanged', async () => {
    const feed = addFeed('/rss2.xml');
    await poll(feed.id);
    const before = server.requests.length;
    const report = await poll(feed.id, new Date('2025-06-01T12:15:00Z'));
    expect(report).toMatchObject({ status: 'unchanged', stored: 0 });
    const request = server.requests[before]!;
    expect(request.path).toBe('/rss2.xml');
    expect(request.headers['if-none-match']).toBe(ctx.store.feeds.byId(feed.id)!.etag);
    expect(request.headers['if-modified-since']).toBe('Sun, 01 Jun 2025 10:00:00 GMT');
    expect(server.requests).toHaveLength(before + 1);
  });

  it('stores a new item of a later poll once, as news', async () => {
    const feed = addFeed('/rss2.xml');
    await poll(feed.id);
    rss = rss.replace('<item>', NEW_ITEM);
    expect(await poll(feed.id)).toMatchObject({ status: 'new', stored: 1 });
    expect(ctx.store.feeds.item(feed.id, 'ledger-harbour-0601')).toMatchObject({ title: 'Harbour master retires after thirty winters', stored: true, backlog: false });
    rss += ' ';
    expect(await poll(feed.id)).toMatchObject({ status: 'unchanged', stored: 0 });
    expect(ctx.store.articles.count()).toBe(3);
  });

  it("keeps the first poll's backlog out of digests, but not the items of later polls", async () => {
    const feed = addFeed('/rss2.xml');
    await poll(feed.id);
    rss = rss.replace('<item>', NEW_ITEM);
    await poll(feed.id);
    const window = ctx.store.digests.windowArticles('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z', 10);
    expect(window.map((a) => a.title)).toEqual(['Harbour master retires after thirty winters']);
    expect(ctx.store.digests.windowCount('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z')).toBe(1);
  });

  it('keeps the whole first-poll backlog out of digests, also the items only stored by a later poll', async () => {
    const items = Array.from({ length: MAX_ITEMS_PER_POLL + 5 }, (_, i) => `<item><title>Tide table ${i + 1} for the outer moorings</title>
<guid isPermaLink="false">tide-${i + 1}</guid><pubDate>${new Date(Date.UTC(2025, 4, 1, 6) + i * 3_600_000).toUTCString()}</pubDate>
<content:encoded><![CDATA[<p>${`Tide table ${i + 1}: the harbour office lists high and low water for the outer moorings, with the times the pilot boat can cross the bar. `.repeat(6)}</p>]]></content:encoded></item>`);
    rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tide office</title><link>/</link>${items.join('')}</channel></rss>`;
    const feed = addFeed('/rss2.xml');
    expect(await poll(feed.id)).toMatchObject({ status: 'new', stored: MAX_ITEMS_PER_POLL });
    expect(await poll(feed.id, new Date('2025-06-01T12:15:00Z'))).toMatchObject({ status: 'new', stored: 5 });
    expect(ctx.store.feeds.item(feed.id, 'tide-1')).toMatchObject({ stored: true, backlog: true });
    expect(ctx.store.digests.windowCount('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z')).toBe(0);
  });

  it('does not store an item again when only its title changes', async () => {
    const feed = addFeed('/rss2.xml');
    await poll(feed.id);
    rss = rss.replace('Orchard volunteers graft two hundred apple trees', 'Orchard volunteers graft 200 apple trees (corrected)');
    expect(await poll(feed.id)).toMatchObject({ status: 'unchanged', stored: 0 });
    expect(ctx.store.articles.count()).toBe(2);
  });
});

describe('polling other formats', () => {
  it.each([
    ['/atom.xml', 'urn:larkspur:library-0520', 'Larkspur Ledger (Atom)'],
    ['/rss1.rdf', server => server.url('/news/ferry-evening-crossing'), 'Larkspur Ledger (RSS 1.0)'],
    ['/feed.json', 'json-library-0520', 'Larkspur Ledger (JSON)'],
  ] as [string, string | ((s: TestServer) => string), string][])('stores the item of %s', async (path, id, title) => {
    const feed = addFeed(path);
    expect(await poll(feed.id)).toMatchObject({ status: 'new', stored: 1 });
    const itemId = typeof id === 'string' ? id : id(server);
    expect(ctx.store.feeds.item(feed.id, itemId)).toMatchObject({ stored: true });
    expect(ctx.store.feeds.byId(feed.id)?.title).toBe(title);
  });

  it('reads a Latin-1 feed whose charset is only in the XML prolog, and keeps going when an item page is missing', async () => {
    const feed = addFeed('/latin1.xml');
    const report = await poll(feed.id);
    expect(report).toMatchObject({ status: 'new', stored: 1, itemFailures: 1 });
    expect(ctx.store.feeds.byId(feed.id)?.title).toBe("Gazette de l'Anse");
    expect(ctx.store.feeds.item(feed.id, 'anse-cafe-1')?.title).toBe('La f\u00eate du caf\u00e9 revient');
    expect(ctx.store.feeds.item(feed.id, 'anse-regates-2')).toMatchObject({ stored: false, attempts: 1, lastError: expect.stringMatching(/HTTP 404/) });
  });

  it('retries a failed item on the next polls, then leaves it alone', async () => {
    const feed = addFeed('/latin1.xml');
    for (let i = 0; i < 5; i++) await poll(feed.id);
    expect(ctx.store.feeds.item(feed.id, 'anse-regates-2')?.attempts).toBe(3);
    expect(server.requests.filter((r) => r.path === '/news/regates')).toHaveLength(3);
  });

  it('keeps an item of the first poll silent when it is only stored on a retry', async () => {
    const feed = addFeed('/latin1.xml');
    await poll(feed.id);
    server.routes.set('/news/regates', send(fixture('page-library.html')));
    expect(await poll(feed.id)).toMatchObject({ status: 'new', stored: 1 });
    expect(ctx.store.feeds.item(feed.id, 'anse-regates-2')).toMatchObject({ stored: true, attempts: 2, backlog: true });
    expect(ctx.store.digests.windowCount('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z')).toBe(0);
  });

  it('does not store the same article twice when two feeds link the same page', async () => {
    const first = addFeed('/rss2.xml');
    const second = addFeed('/rss1.rdf');
    await poll(first.id);
    expect(await poll(second.id)).toMatchObject({ status: 'unchanged', stored: 0 });
    expect(ctx.store.articles.count()).toBe(2);
  });
});

describe('feeds that fail', () => {
  it('reports a malformed feed as a failed poll with a clear message', async () => {
    const feed = addFeed('/malformed.xml');
    const report = await poll(feed.id);
    expect(report).toMatchObject({ status: 'failed', failures: 1, paused: false, error: expect.stringMatching(/^malformed feed at .*malformed\.xml/) });
    expect(ctx.store.feeds.byId(feed.id)).toMatchObject({ failures: 1, nextPollAt: '2025-06-01T12:05:00.000Z', lastError: report.error });
  });

  it('refuses a feed body over 5 MB', async () => {
    server.routes.set('/huge.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
      const filler = `<item><title>${'x'.repeat(1000)}</title></item>`.repeat(100);
      let sent = 0;
      const pump = (): void => {
        while (sent < 80 && res.write(filler)) sent++;
        if (sent < 80) res.once('drain', pump);
        else res.end('</channel></rss>');
      };
      pump();
    });
    const report = await poll(addFeed('/huge.xml').id);
    expect(report).toMatchObject({ status: 'failed', error: expect.stringMatching(/larger than 5 MB/) });
  });

  it('reports a redirect loop', async () => {
    server.routes.set('/loop-a', send('', { location: '/loop-b' }, 302));
    server.routes.set('/loop-b', send('', { location: '/loop-a' }, 302));
    expect(await poll(addFeed('/loop-a').id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/redirect loop/) });
  });

  it('refuses a feed on a loopback address when the private-network setting is off', async () => {
    const closed = createWebContext({ allowPrivateNetwork: false });
    try {
      const feed = closed.store.feeds.add({ url: server.url('/rss2.xml'), intervalMinutes: 15, now: NOW.toISOString() });
      const report = await pollAndSchedule(closed, feed, NOW);
      expect(report).toMatchObject({ status: 'failed', error: expect.stringMatching(/refused .*loopback/) });
      expect(server.requests).toHaveLength(0);
    } finally {
      closed.cleanup();
    }
  });
});
