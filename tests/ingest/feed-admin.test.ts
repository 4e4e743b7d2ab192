import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverFeeds } from '../../src/ingest/feed-discovery.ts';
import { addFeed, describeFeed, FeedAdminError, findFeed, parseInterval, removeFeed, resumeFeed } from '../../src/ingest/feed-admin.ts';
import { createWebContext, send, startServer, type TestServer } from './web-server.ts';

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name));
const HOME = `<!DOCTYPE html><html><head><title>Larkspur Ledger</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Ledger RSS" href="/rss2.xml">
<link rel=alternate type="application/atom+xml" href='/atom.xml?x=1&amp;y=2'>
</head><body><p>Island and harbour news.</p></body></html>`;

let server: TestServer;
let ctx: ReturnType<typeof createWebContext>;

beforeEach(async () => {
  server = await startServer({
    '/rss2.xml': send(fixture('rss2.xml'), { 'content-type': 'application/rss+xml' }),
    '/news/ferry-evening-crossing': send(fixture('page-ferry.html')),
    '/page.html': send(fixture('page-library.html')),
    '/malformed.xml': send(fixture('malformed.xml'), { 'content-type': 'application/rss+xml' }),
    '/home': send(HOME),
  });
  ctx = createWebContext();
});
afterEach(async () => {
  ctx.cleanup();
  await server.close();
});

describe('parseInterval', () => {
  it.each([['15m', 15], ['2h', 120], ['1h30m', 90], ['1d', 1440], ['45', 45], [' 10 M ', 10]])('reads %s as %i minutes', (text, minutes) => {
    expect(parseInterval(text)).toBe(minutes);
  });
  it.each(['1m', '2d', 'soon', '', '-5m'])('refuses %s', (text) => {
    expect(() => parseInterval(text)).toThrow(FeedAdminError);
  });
});

describe('adding and removing feeds', () => {
  it('adds a feed, polls it at once and lists it', async () => {
    const { feed, report } = await addFeed(ctx, server.url('/rss2.xml'), { intervalMinutes: 30 });
    expect(report).toMatchObject({ status: 'new', stored: 2 });
    const [row] = ctx.store.feeds.list();
    expect(describeFeed(row!)).toBe(`#${feed.id} Larkspur Ledger <${server.url('/rss2.xml')}> every 30m, 2 articles - ok, next poll 2025-06-01 12:30 UTC`);
    expect(findFeed(ctx, `#${feed.id}`).id).toBe(feed.id);
    expect(findFeed(ctx, server.url('/rss2.xml')).id).toBe(feed.id);
  });

  it('refuses a duplicate, a page that is not a feed and a malformed feed, adding nothing', async () => {
    await addFeed(ctx, server.url('/rss2.xml'), { intervalMinutes: 15 });
    await expect(addFeed(ctx, server.url('/rss2.xml'), { intervalMinutes: 15 })).rejects.toThrow(/already there as #1/);
    await expect(addFeed(ctx, server.url('/page.html'), { intervalMinutes: 15 })).rejects.toThrow(/not added: not a feed/);
    await expect(addFeed(ctx, server.url('/malformed.xml'), { intervalMinutes: 15 })).rejects.toThrow(/not added: malformed feed/);
    await expect(addFeed(ctx, 'ftp://example.org/feed', { intervalMinutes: 15 })).rejects.toThrow(/only http and https/);
    expect(ctx.store.feeds.list()).toHaveLength(1);
  });

  it('shows a paused feed in the list and resumes it', async () => {
    const { feed } = await addFeed(ctx, server.url('/rss2.xml'), { intervalMinutes: 15 });
    ctx.store.feeds.recordFailure({ id: feed.id, error: 'HTTP 503', now: '2025-06-02T08:00:00.000Z', nextPollAt: '2025-06-03T08:00:00.000Z', pause: true });
    expect(describeFeed(ctx.store.feeds.list()[0]!)).toMatch(/PAUSED since 2025-06-02 08:00 UTC after 1 failed polls in a row: HTTP 503$/);
    expect(resumeFeed(ctx, String(feed.id))).toMatchObject({ pausedAt: null, failures: 0 });
    expect(removeFeed(ctx, String(feed.id)).id).toBe(feed.id);
    expect(() => findFeed(ctx, String(feed.id))).toThrow(/no feed/);
  });
});

describe('feed discovery', () => {
  it('finds the feeds a page announces, as absolute URLs', () => {
    expect(discoverFeeds(HOME, 'https://ledger.example/home')).toEqual(['https://ledger.example/rss2.xml', 'https://ledger.example/atom.xml?x=1&y=2']);
    expect(discoverFeeds('<link rel="alternate" hreflang="fr" href="/fr/">', 'https://ledger.example/')).toEqual([]);
  });

  it('adds the feed a web page announces when given the page', async () => {
    const { feed } = await addFeed(ctx, server.url('/home'), { intervalMinutes: 15 });
    expect(feed).toMatchObject({ url: server.url('/rss2.xml'), title: 'Larkspur Ledger' });
    await expect(addFeed(ctx, server.url('/home'), { intervalMinutes: 15 })).rejects.toThrow(/already there as #/);
    expect(ctx.store.feeds.list()).toHaveLength(1);
  });
});

// Every step starts the real CLI, which takes seconds on a busy machine.
describe('quotewire feed (the real CLI)', { timeout: 90_000 }, () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(process.execPath, [join(import.meta.dirname, '../../bin/quotewire.js'), 'feed', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', QUOTEWIRE_DB: join(ctx.dir, 'cli.db'), QUOTEWIRE_ALLOW_PRIVATE_NETWORK: 'true' }, cwd: ctx.dir,
    }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

  it('adds, lists and removes a feed', async () => {
    const added = await cli(['add', server.url('/rss2.xml'), '--every', '1h']);
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toMatch(/^added feed #1 Larkspur Ledger, polled every 1h: 2 current articles stored \(not news for digests\)/);
    const listed = await cli(['list']);
    expect(listed.stdout).toMatch(/^#1 Larkspur Ledger <.*rss2\.xml> every 1h, 2 articles - ok, next poll/);
    const removed = await cli(['remove', '1']);
    expect(removed.stdout).toMatch(/removed feed #1/);
    expect((await cli(['list'])).stdout).toMatch(/no feeds yet/);
  });

  it('exits 1 for a URL that is not a feed and 2 for a bad command line', async () => {
    const notFeed = await cli(['add', server.url('/page.html')]);
    expect(notFeed.code).toBe(1);
    expect(notFeed.stderr).toMatch(/quotewire feed: not added: not a feed/);
    const badInterval = await cli(['add', server.url('/rss2.xml'), '--every', 'often']);
    expect(badInterval.code).toBe(2);
    expect(badInterval.stderr).toMatch(/not an interval/);
    expect((await cli(['remove'])).code).toBe(2);
    expect((await cli(['remove', '42'])).code).toBe(1);
  });
});
