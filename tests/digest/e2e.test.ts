import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createBotService, type BotService } from '../../src/discord/bot.ts';
import { createBotDigestService, type DigestService } from '../../src/digest/scheduler.ts';
import { MEMBER_PERMISSIONS, type RecordedRequest } from '../discord/fake-discord.ts';
import { openFixtureStore, startHarness, type Harness } from '../discord/harness.ts';
import { addArticle } from './helpers.ts';

const MANAGER = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));
const NEWS = '1200000000000000201';

interface Running {
  harness: Harness;
  clock: { now: Date };
  digests: DigestService;
  /** Bots started by a test after the harness's own (stopped before the harness closes). */
  restarted: BotService[];
}

let running: Running | null = null;
afterEach(async () => {
  await running?.digests.stop();
  for (const bot of running?.restarted ?? []) await bot.stop();
  await running?.harness.close();
  running = null;
});

const schedulerFor = (bot: BotService): DigestService => createBotDigestService(bot);

/** The real bot against the fake Discord, with the digest scheduler on a clock the test moves. */
async function start(): Promise<Running> {
  const clock = { now: new Date('2026-02-01T12:00:00Z') };
  const fixture = await openFixtureStore();
  addArticle(fixture.store, {
    title: 'Island ferry adds an evening crossing', ingestedAt: '2026-02-01T11:00:00.000Z',
    gist: 'A third daily crossing starts next month after a petition from shift workers.',
    quotes: [['Marta Quispe', 'Night shifts end at ten, and until now the last boat left at eight.']],
  });
  const store = { ...fixture, ctx: { ...fixture.ctx, now: () => clock.now } };
  const harness = await startHarness({ store });
  const digests = schedulerFor(harness.bot);
  await digests.start(harness.ctx);
  running = { harness, clock, digests, restarted: [] };
  return running;
}

const posts = (h: Harness): RecordedRequest[] => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${NEWS}/messages`);

async function slash(h: Harness, subcommand: string, values: Record<string, unknown> = {}): Promise<{ content: string; flags: number; embeds: unknown[] }> {
  const i = h.fake.command('digest', values, { subcommand, permissions: MANAGER });
  const callback = await h.fake.callback(i);
  const body = callback.body as { type: number; data: { content?: string; flags?: number; embeds?: unknown[] } };
  return { content: body.data?.content ?? '', flags: body.data?.flags ?? 0, embeds: body.data?.embeds ?? [] };
}

describe('daily digest end to end (real discord.js client, fake Discord)', () => {
  it('is set by slash command and posts exactly one message when the clock passes the time', async () => {
    const { harness, clock, digests } = await start();
    const reply = await slash(harness, 'set', { channel: NEWS, time: '13:00', timezone: 'Europe/Lisbon', articles: 5 });
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toContain('Daily digest set: every day at **13:00** (Europe/Lisbon) in <#1200000000000000201>');
    expect(reply.content).toContain('Sunday 1 February 2026, 13:00 WET (<t:1769950800:F>');
    expect(reply.content).not.toContain('cannot post');

    expect(await digests.tick()).toEqual([]);
    clock.now = new Date('2026-02-01T13:00:20Z');
    expect(await digests.tick()).toMatchObject([{ outcome: 'posted', messages: 1 }]);
    for (const t of ['13:01', '13:02', '18:00']) {
      clock.now = new Date(`2026-02-01T${t}:00Z`);
      await digests.tick();
    }
    const sent = posts(harness);
    expect(sent).toHaveLength(1);
    const body = sent[0]!.body as { content: string; embeds: { title: string; description: string }[]; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toContain('**Daily digest · Sunday 1 February 2026**');
    const ferry = body.embeds.find((e) => e.title === 'Island ferry adds an evening crossing');
    expect(ferry?.description).toContain('A third daily crossing starts next month');
    expect(ferry?.description).toContain('“Night shifts end at ten, and until now the last boat left at eight.” — **Marta Quispe**');
    expect(body.embeds.length).toBeGreaterThanOrEqual(2); // the fixture articles ingested by the harness are new too

    const status = await slash(harness, 'status');
    expect(status.content).toContain('Last run: 2026-02-01: posted 1 message');
    expect(status.content).toContain('Next digest: Monday 2 February 2026, 13:00 WET');
  });

  it('still posts exactly once when the bot restarts around the due time', async () => {
    const r = await start();
    const { harness, clock } = r;
    await slash(harness, 'set', { channel: NEWS, time: '13:00', timezone: 'UTC' });
    // Down from 12:59 to 13:20: the restart catches the digest up on start, once.
    clock.now = new Date('2026-02-01T12:59:00Z');
    await r.digests.tick();
    await r.digests.stop();
    await harness.bot.stop();
    clock.now = new Date('2026-02-01T13:20:00Z');
    const bot = createBotService(commands, { skipIdentifyThrottle: true, registerOnStart: false });
    r.restarted.push(bot);
    await bot.start(harness.ctx);
    r.digests = schedulerFor(bot);
    await r.digests.start(harness.ctx);
    expect(posts(harness)).toHaveLength(1);
    // A second restart a minute later, and more ticks, post nothing more.
    await r.digests.stop();
    clock.now = new Date('2026-02-01T13:21:00Z');
    r.digests = schedulerFor(bot);
    await r.digests.start(harness.ctx);
    await r.digests.tick();
    expect(posts(harness)).toHaveLength(1);
  });

  it('records a 403 from the channel and reports it in /digest status', async () => {
    const { harness, clock, digests } = await start();
    await slash(harness, 'set', { channel: NEWS, time: '13:00', timezone: 'UTC' });
    harness.fake.failChannel(NEWS, 403);
    clock.now = new Date('2026-02-01T13:00:00Z');
    expect(await digests.tick()).toMatchObject([{ outcome: 'failed', detail: expect.stringContaining('403') }]);
    clock.now = new Date('2026-02-01T13:01:00Z');
    await digests.tick();
    expect(posts(harness).map((r) => r.status)).toEqual([403]); // not retried the same day
    const status = await slash(harness, 'status');
    expect(status.content).toContain('Last run: 2026-02-01: failed: the bot may not post in the channel (403: Missing Access)');
    expect(status.content).toContain('Failed 1 day in a row; the digest pauses after 3.');
  });

  it('tries again ten minutes after Discord fails on its side, and posts once', async () => {
    const { harness, clock, digests } = await start();
    await slash(harness, 'set', { channel: NEWS, time: '13:00', timezone: 'UTC' });
    let outage = true;
    harness.fake.override('POST', new RegExp(`^/channels/${NEWS}/messages$`), () => (outage ? { status: 502, body: { message: 'Bad Gateway', code: 0 } } : null));
    clock.now = new Date('2026-02-01T13:00:00Z');
    expect(await digests.tick()).toMatchObject([{ outcome: 'retry', detail: 'Discord answered 502: Bad Gateway' }]);
    const status = await slash(harness, 'status');
    expect(status.content).toContain('The digest of 2026-02-01 could not be posted yet (Discord answered 502: Bad Gateway). Next try: Sunday 1 February 2026, 13:10 UTC');
    expect(status.content).not.toContain('Failed 1 day');
    outage = false;
    clock.now = new Date('2026-02-01T13:05:00Z');
    await digests.tick();
    expect(posts(harness).filter((r) => r.status === 200)).toHaveLength(0);
    clock.now = new Date('2026-02-01T13:11:00Z');
    expect(await digests.tick()).toMatchObject([{ outcome: 'posted', messages: 1 }]);
    clock.now = new Date('2026-02-01T13:30:00Z');
    await digests.tick();
    expect(posts(harness).filter((r) => r.status === 200)).toHaveLength(1);
    expect((await slash(harness, 'status')).content).toContain('Last run: 2026-02-01: posted 1 message');
  });

  it('warns when the bot lacks a permission in the channel, and records it without sending a request', async () => {
    const { harness, clock, digests } = await start();
    // Embed Links denied to everyone in #news.
    harness.fake.dispatch('CHANNEL_UPDATE', {
      id: NEWS, type: 0, name: 'news', position: 1, guild_id: harness.fake.guildId,
      permission_overwrites: [{ id: harness.fake.guildId, type: 0, allow: '0', deny: String(1n << 14n) }],
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reply = await slash(harness, 'set', { channel: NEWS, time: '13:00', timezone: 'UTC' });
    expect(reply.content).toContain('quotewire cannot post there yet: it is missing **Embed Links** in <#1200000000000000201>');
    clock.now = new Date('2026-02-01T13:00:00Z');
    expect(await digests.tick()).toMatchObject([{ outcome: 'failed', detail: 'missing permissions in the channel: Embed Links' }]);
    expect(posts(harness)).toHaveLength(0);
  });

  it('asks for Send Messages in Threads when the digest goes to a thread, and records it without sending a request', async () => {
    const { harness, clock, digests } = await start();
    const thread = '1200000000000000301';
    // The fake guild's @everyone may view, send and embed, but not send in threads.
    harness.fake.dispatch('THREAD_CREATE', {
      id: thread, type: 11, name: 'morning-briefing', guild_id: harness.fake.guildId, parent_id: NEWS, owner_id: '1200000000000000500',
      member_count: 1, message_count: 0, newly_created: true,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date(0).toISOString(), locked: false },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reply = await slash(harness, 'set', { channel: thread, time: '13:00', timezone: 'UTC' });
    expect(reply.content).toContain(`quotewire cannot post there yet: it is missing **Send Messages in Threads** in <#${thread}>`);
    clock.now = new Date('2026-02-01T13:00:00Z');
    expect(await digests.tick()).toMatchObject([{ outcome: 'failed', detail: 'missing permissions in the channel: Send Messages in Threads' }]);
    expect(harness.fake.requests.filter((r) => r.path === `/channels/${thread}/messages`)).toHaveLength(0);
  });

  it('previews a digest that takes two messages one message at a time, Next updating the private message in place', async () => {
    const { harness } = await start();
    await slash(harness, 'set', { channel: NEWS, time: '13:00', timezone: 'UTC', articles: 10 });
    for (let i = 0; i < 10; i++) addArticle(harness.store, { title: `Dune survey, stretch ${i}`, ingestedAt: `2026-02-01T10:${10 + i}:00.000Z` });
    const first = await slash(harness, 'preview');
    expect(first.flags & 64).toBe(64);
    expect(first.embeds).toHaveLength(10);
    expect(first.content).toContain('Preview: message 1 of 2');
    const next = (await harness.fake.callback(harness.fake.button('digest:preview:1', { permissions: MANAGER }))).body as
      { type: number; data: { content: string; embeds: { title: string }[]; components: { components: { disabled: boolean }[] }[] } };
    expect(next.type).toBe(7);
    expect(next.data.content).toContain('continued (2/2)');
    expect(next.data.embeds.at(-1)!.title).toBe('Most quoted');
    expect(next.data.components[0]!.components.map((c) => c.disabled)).toEqual([false, true]);
  });

  it('previews privately, completes time zones and refuses members without Manage Server', async () => {
    const { harness } = await start();
    const preview = await slash(harness, 'preview');
    expect(preview.flags & 64).toBe(64);
    expect(JSON.stringify(preview.embeds)).toContain('Island ferry adds an evening crossing');

    const typed = harness.fake.autocomplete('digest', { name: 'timezone', value: 'lisb' }, { time: '08:00' }, { subcommand: 'set', permissions: MANAGER });
    const answer = (await harness.fake.callback(typed)).body as { type: number; data: { choices: { name: string }[] } };
    expect(answer.type).toBe(8);
    expect(answer.data.choices[0]!.name).toBe('Europe/Lisbon');

    const refused = harness.fake.command('digest', { channel: NEWS, time: '13:00' }, { subcommand: 'set' });
    const body = (await harness.fake.callback(refused)).body as { data: { content: string; flags: number } };
    expect(body.data.flags & 64).toBe(64);
    expect(body.data.content).toMatch(/Manage Server/);
    expect(harness.store.digests.subscription(harness.fake.guildId)).toBeNull();
  });
});
