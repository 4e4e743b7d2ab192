import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs, createFeedPoller, runDuePolls } from '../../src/ingest/feed-poller.ts';
import { createWebContext, send, startServer, type TestServer } from './web-server.ts';

const MINUTE = 60_000;
const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name));

let server: TestServer;
let ctx: ReturnType<typeof createWebContext>;
let clock: Date;

beforeEach(async () => {
  server = await startServer({
    '/good.xml': send(fixture('rss2.xml'), { 'content-type': 'application/rss+xml' }),
    '/broken.xml': send('server trouble', {}, 503),
    '/news/ferry-evening-crossing': send(fixture('page-ferry.html')),
  });
  clock = new Date('2025-06-01T12:00:00Z');
  ctx = createWebContext({ now: () => clock });
});
afterEach(async () => {
  ctx.cleanup();
  await server.close();
});

const at = (minutes: number): Date => new Date(Date.parse('2025-06-01T12:00:00Z') + minutes * MINUTE);
const add = (path: string) => ctx.store.feeds.add({ url: server.url(path), intervalMinutes: 15, now: clock.toISOString() });

describe('backoffMs', () => {
  it('waits 5 minutes, then 10, 20, ... and never more than a day', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 40].map((n) => backoffMs(n) / MINUTE)).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440]);
    expect(backoffMs(0)).toBe(0);
  });
});

describe('runDuePolls', () => {
  it('polls only due feeds, and a failing feed does not stop the others', async () => {
    const good = add('/good.xml');
    const broken = add('/broken.xml');
    const reports = await runDuePolls(ctx, at(0));
    expect(reports).toMatchObject([
      { feedId: good.id, status: 'new', stored: 2 },
      { feedId: broken.id, status: 'failed', error: expect.stringMatching(/HTTP 503/), failures: 1 },
    ]);
    expect(await runDuePolls(ctx, at(4))).toEqual([]);
    expect((await runDuePolls(ctx, at(5))).map((r) => r.feedId)).toEqual([broken.id]);
    expect((await runDuePolls(ctx, at(15))).map((r) => r.feedId)).toEqual([good.id, broken.id]);
  });

  it('backs off 5, 10, 20 ... minutes and pauses the feed after 10 failures in a row', async () => {
    const feed = add('/broken.xml');
    let minutes = 0;
    const waits: number[] = [];
    for (let i = 1; i <= 10; i++) {
      expect(await runDuePolls(ctx, at(minutes - 1))).toEqual([]);
      const [report] = await runDuePolls(ctx, at(minutes));
      expect(report).toMatchObject({ status: 'failed', failures: i, paused: i === 10 });
      const next = Date.parse(ctx.store.feeds.byId(feed.id)!.nextPollAt);
      waits.push((next - at(minutes).getTime()) / MINUTE);
      minutes = (next - at(0).getTime()) / MINUTE;
    }
    expect(waits).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440]);
    expect(ctx.store.feeds.byId(feed.id)).toMatchObject({ failures: 10, pausedAt: at(minutes - 1440).toISOString(), lastError: expect.stringMatching(/HTTP 503/) });
    expect(await runDuePolls(ctx, at(minutes + 100_000))).toEqual([]);
    expect(ctx.store.feeds.list()[0]).toMatchObject({ failures: 10, pausedAt: expect.any(String) });
  });

  it('starts again from a clean slate when a paused feed is resumed and works', async () => {
    const feed = add('/broken.xml');
    for (let i = 0; i < 10; i++) await runDuePolls(ctx, at(100_000 * i));
    expect(ctx.store.feeds.byId(feed.id)?.pausedAt).not.toBeNull();
    server.routes.set('/broken.xml', send(fixture('rss2.xml'), { 'content-type': 'application/rss+xml' }));
    ctx.store.feeds.resume(feed.id, at(2_000_000).toISOString());
    expect(await runDuePolls(ctx, at(2_000_000))).toMatchObject([{ status: 'new', stored: 2 }]);
    expect(ctx.store.feeds.byId(feed.id)).toMatchObject({ failures: 0, pausedAt: null, lastError: null });
  });

  it('resets the failure count after one success', async () => {
    const feed = add('/broken.xml');
    await runDuePolls(ctx, at(0));
    await runDuePolls(ctx, at(5));
    server.routes.set('/broken.xml', send(fixture('rss2.xml'), { 'content-type': 'application/rss+xml' }));
    await runDuePolls(ctx, at(15));
    expect(ctx.store.feeds.byId(feed.id)).toMatchObject({ failures: 0, nextPollAt: at(30).toISOString() });
  });
});

describe('the feed poller service', () => {
  it('polls due feeds when started and stops cleanly', async () => {
    const feed = add('/good.xml');
    const poller = createFeedPoller(60_000);
    await poller.start(ctx);
    await poller.stop();
    expect(ctx.store.feeds.byId(feed.id)).toMatchObject({ primed: true, failures: 0 });
    expect(ctx.store.articles.count()).toBe(2);
  });
});

describe('a server that asks to wait', () => {
  it('is not polled again before its Retry-After, nor later than a day', async () => {
    server.routes.set('/busy.xml', send('slow down', { 'retry-after': '3600' }, 429));
    server.routes.set('/gone-for-days.xml', send('maintenance', { 'retry-after': String(5 * 86_400) }, 503));
    const busy = add('/busy.xml');
    const away = add('/gone-for-days.xml');
    await runDuePolls(ctx, at(0));
    expect(ctx.store.feeds.byId(busy.id)?.nextPollAt).toBe(at(60).toISOString());
    expect(ctx.store.feeds.byId(away.id)?.nextPollAt).toBe(at(1440).toISOString());
  });
});
