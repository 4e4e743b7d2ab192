import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLazyFeedPoller } from '../../src/main.ts';
import { createWebContext, send, startServer, type TestServer } from '../ingest/web-server.ts';

const rss = readFileSync(join(import.meta.dirname, '../fixtures/feeds/rss2.xml'));

let server: TestServer;
let ctx: ReturnType<typeof createWebContext>;
beforeEach(async () => {
  server = await startServer({
    '/feed.xml': send(rss, { 'content-type': 'application/rss+xml' }),
    '/news/ferry-evening-crossing': send(readFileSync(join(import.meta.dirname, '../fixtures/feeds/page-ferry.html'))),
  });
  ctx = createWebContext({ now: () => new Date() });
});
afterEach(async () => {
  ctx.cleanup();
  await server.close();
});

const feedPolls = (): number => server.requests.filter((r) => r.path === '/feed.xml').length;

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out; requests: ${server.requests.map((r) => r.path).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the feed poller npm start runs', () => {
  it('polls a feed added after start (nothing to load while there is none)', async () => {
    const poller = createLazyFeedPoller(50);
    await poller.start(ctx);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.requests).toEqual([]);
    const feed = ctx.store.feeds.add({ url: server.url('/feed.xml'), intervalMinutes: 15, now: new Date().toISOString() });
    await until(() => ctx.store.articles.count() === 2);
    await poller.stop();
    expect(ctx.store.feeds.byId(feed.id)).toMatchObject({ primed: true, failures: 0 });
    expect(feedPolls()).toBe(1);
  });

  it('polls the feeds already due when it starts, and stops cleanly', async () => {
    ctx.store.feeds.add({ url: server.url('/feed.xml'), intervalMinutes: 15, now: new Date().toISOString() });
    const poller = createLazyFeedPoller(60_000);
    await poller.start(ctx);
    await until(() => ctx.store.articles.count() === 2);
    await poller.stop();
    expect(feedPolls()).toBe(1);
  });

  it('stops cleanly when it never polled', async () => {
    const poller = createLazyFeedPoller(50);
    await poller.start(ctx);
    await expect(poller.stop()).resolves.toBeUndefined();
  });
});
