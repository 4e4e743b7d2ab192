import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import feedCommand from '../../commands/feed.ts';
import { commands } from '../../commands/index.ts';
import { MEMBER_PERMISSIONS } from '../discord/fake-discord.ts';
import { openFixtureStore, startHarness, type Harness } from '../discord/harness.ts';
import { send, startServer, type TestServer } from '../ingest/web-server.ts';

const MANAGER = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));
const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name));

let web: TestServer;
let harness: Harness;

beforeEach(async () => {
  web = await startServer({
    '/rss2.xml': send(fixture('rss2.xml'), { 'content-type': 'application/rss+xml' }),
    '/news/ferry-evening-crossing': send(fixture('page-ferry.html')),
    '/page.html': send(fixture('page-library.html')),
    '/loud.xml': send(LOUD_FEED, { 'content-type': 'application/rss+xml' }),
  });
  const store = await openFixtureStore();
  harness = await startHarness({ store: { ...store, ctx: { ...store.ctx, config: { ...store.ctx.config, allowPrivateNetwork: true } } } });
});
afterEach(async () => {
  await harness.close();
  await web.close();
});

interface Sent {
  content: string;
  flags: number;
}
const bodyOf = (body: unknown): Sent => {
  const b = body as { data?: { content?: string; flags?: number }; content?: string; flags?: number };
  return { content: b.data?.content ?? b.content ?? '', flags: b.data?.flags ?? b.flags ?? 0 };
};
const EPHEMERAL = 64;
const LOUD_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>The **Tide** _Table_ @everyone</title><link>/</link>' +
  '<description>x</description></channel></rss>';

async function slash(subcommand: string, values: Record<string, unknown> = {}, permissions = MANAGER): Promise<Sent> {
  const i = harness.fake.command('feed', values, { subcommand, permissions });
  const callback = await harness.fake.callback(i);
  if ((callback.body as { type: number }).type !== 5) return bodyOf(callback.body);
  // Deferred: the answer is an edit of the original reply, or a private follow-up.
  const answer = await harness.fake.nextRequest((r) => r.path.startsWith(`/webhooks/`) && r.path.includes(i.token) && (r.method === 'PATCH' || r.method === 'POST'));
  return bodyOf(answer.body);
}

describe('/feed', () => {
  it('is listed, hidden from members without Manage Server, and checks it when run', async () => {
    expect(commands).toContain(feedCommand);
    expect(feedCommand.data.default_member_permissions).toBe(String(1n << 5n));
    const refused = await slash('list', {}, MEMBER_PERMISSIONS);
    expect(refused.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content).toMatch(/Manage Server/);
  });

  it('adds a feed (storing its current articles) and lists it', async () => {
    const added = await slash('add', { url: web.url('/rss2.xml'), every: '30m' });
    expect(added.content).toMatch(/^Following feed #1 \*\*Larkspur Ledger\*\*, checked every 30m\. 2 current articles stored/);
    const listed = await slash('list');
    expect(listed.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(listed.content).toMatch(/✅ #1 Larkspur Ledger <.*\/rss2\.xml> every 30m, 2 articles - ok/);
    expect(harness.store.feeds.byId(1)?.addedBy).toMatch(/^\d+$/);
  });

  it('says privately why a URL cannot be added', async () => {
    const notFeed = await slash('add', { url: web.url('/page.html') });
    expect(notFeed.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(notFeed.content).toMatch(/^Not added: not a feed/);
    const badEvery = await slash('add', { url: web.url('/rss2.xml'), every: 'hourly-ish' });
    expect(badEvery.content).toMatch(/is not an interval/);
    expect(harness.store.feeds.list()).toEqual([]);
  });

  it('shows a paused feed, resumes it and removes it', async () => {
    await slash('add', { url: web.url('/rss2.xml') });
    harness.store.feeds.recordFailure({ id: 1, error: 'HTTP 503', now: '2026-02-01T12:00:00.000Z', nextPollAt: '2026-02-02T12:00:00.000Z', pause: true });
    expect((await slash('list')).content).toMatch(/⏸️ #1 .* PAUSED since 2026-02-01 12:00 UTC after 1 failed polls in a row: HTTP 503/);
    expect((await slash('resume', { feed: '1' })).content).toMatch(/checked again/);
    expect((await slash('remove', { feed: '#1' })).content).toMatch(/^Stopped following feed #1/);
    expect((await slash('list')).content).toMatch(/No feeds yet/);
    expect((await slash('remove', { feed: '1' })).content).toMatch(/No feed 1/);
  });

  it('escapes the Markdown of a feed\'s own title wherever it is shown', async () => {
    const escaped = 'The \\*\\*Tide\\*\\* \\_Table\\_ @\u200beveryone';
    expect((await slash('add', { url: web.url('/loud.xml') })).content).toContain(`Following feed #1 **${escaped}**, checked every`);
    expect((await slash('list')).content).toContain(`#1 ${escaped} <${web.url('/loud.xml')}>`);
    expect((await slash('remove', { feed: '1' })).content).toBe(`Stopped following feed #1 ${escaped}. Its articles stay.`);
  });

  it('suggests feeds by number, title or URL', async () => {
    await slash('add', { url: web.url('/rss2.xml') });
    const i = harness.fake.autocomplete('feed', { name: 'feed', value: 'lark' }, {}, { subcommand: 'remove', permissions: MANAGER });
    const answer = (await harness.fake.callback(i)).body as { data: { choices: { name: string; value: string }[] } };
    expect(answer.data.choices).toEqual([{ name: '#1 Larkspur Ledger', value: '1' }]);
  });
});
