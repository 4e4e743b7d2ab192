import { afterEach, describe, expect, it } from 'vitest';
import digest, { matchZones } from '../../commands/digest.ts';
import { Permission, UserError, type CommandInput } from '../../src/discord/command.ts';
import { runDueDigests } from '../../src/digest/run.ts';
import { addArticle, makeContext, openTempStore, RecordingPoster } from './helpers.ts';

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(now = '2026-01-15T08:00:00Z') {
  const temp = openTempStore();
  cleanups.push(temp.cleanup);
  return { ...temp, ctx: makeContext(temp.store, { now: new Date(now) }) };
}

function input(subcommand: string, options: Record<string, string | number> = {}, botPermissions: bigint | null = null, thread: boolean | null = false): CommandInput {
  return {
    userId: '333333333333333333', userName: 'admin', guildId: GUILD, channelId: CHANNEL, memberPermissions: Permission.ManageGuild,
    appPermissions: null, botPermissionsIn: async () => botPermissions, isThread: async () => thread, subcommand, options,
  };
}

const text = async (p: unknown): Promise<string> => ((await p) as { content: string }).content;

describe('/digest', () => {
  it('is hidden from members without Manage Server and checked when run', () => {
    expect(digest.data.default_member_permissions).toBe(String(1n << 5n));
    expect(digest.requiredPermissions).toBe(Permission.ManageGuild);
  });

  it('sets a digest and answers with the next run in local time and as a Discord timestamp', async () => {
    const { ctx, store } = setup();
    const reply = await digest.execute(ctx, input('set', { channel: CHANNEL, time: '9:30', timezone: 'america/new_york', articles: 3 }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      'Daily digest set: every day at **09:30** (America/New_York) in <#222222222222222222>, up to 3 articles.\n' +
      'Next digest: Thursday 15 January 2026, 09:30 GMT-5 (<t:1768487400:F>, <t:1768487400:R>).',
    );
    expect(store.digests.subscription(GUILD)).toMatchObject({ time: '09:30', timeZone: 'America/New_York', articles: 3, createdBy: '333333333333333333' });
  });

  it('says so when the bot cannot view, send or embed in the channel', async () => {
    const { ctx } = setup();
    const reply = await text(digest.execute(ctx, input('set', { channel: CHANNEL, time: '18:00' }, Permission.ViewChannel)));
    expect(reply).toContain('(UTC)');
    expect(reply).toContain('missing **Send Messages, Embed Links** in <#222222222222222222>');
  });

  it('asks for Send Messages in Threads, not Send Messages, when the channel is a thread', async () => {
    const { ctx } = setup();
    const canPostInChannels = Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks;
    const inThread = await text(digest.execute(ctx, input('set', { channel: CHANNEL, time: '18:00' }, canPostInChannels, true)));
    expect(inThread).toContain('missing **Send Messages in Threads** in <#222222222222222222>');
    const canPostInThreads = Permission.ViewChannel | Permission.SendMessagesInThreads | Permission.EmbedLinks;
    expect(await text(digest.execute(ctx, input('set', { channel: CHANNEL, time: '18:00' }, canPostInThreads, true)))).not.toContain('cannot post');
    expect(await text(digest.execute(ctx, input('set', { channel: CHANNEL, time: '18:00' }, canPostInChannels, false)))).not.toContain('cannot post');
  });

  it('refuses times and zones it cannot read', async () => {
    const { ctx } = setup();
    await expect(digest.execute(ctx, input('set', { channel: CHANNEL, time: '25:00' }))).rejects.toThrow(UserError);
    await expect(digest.execute(ctx, input('set', { channel: CHANNEL, time: '08:00', timezone: 'Mars/Olympus' }))).rejects.toThrow(/not a time zone I know/);
    await expect(digest.execute(ctx, { ...input('status'), guildId: null })).rejects.toThrow(/in a server/);
  });

  it('reports status, including a pause and how to resume, and turns off', async () => {
    const { ctx, store } = setup();
    await expect(digest.execute(ctx, input('status'))).rejects.toThrow(/No daily digest is set/);
    await digest.execute(ctx, input('set', { channel: CHANNEL, time: '09:00' }));
    const poster = new RecordingPoster();
    poster.fail = 403;
    for (const day of ['15', '16', '17']) {
      addArticle(store, { title: `Council notes for the ${day}th`, ingestedAt: `2026-01-${day}T06:00:00.000Z` });
      await runDueDigests(ctx, new Date(`2026-01-${day}T09:00:00Z`), poster);
    }
    ctx.clock.now = new Date('2026-01-17T12:00:00Z');
    const status = await text(digest.execute(ctx, input('status')));
    expect(status).toContain('**Paused.** Paused after 3 days in a row on which the digest could not be posted (last: missing permissions in the channel (403)).');
    expect(status).toContain('then run `/digest resume` (or `/digest set` to choose another channel)');
    expect(status).toContain('Last run: 2026-01-17: failed: missing permissions in the channel (403).');
    expect(await text(digest.execute(ctx, input('off')))).toContain('The daily digest is off.');
    expect(await text(digest.execute(ctx, input('off')))).toContain('There is no daily digest');
  });

  it('status says when nothing new arrived, and when a digest was missed beyond the grace window', async () => {
    const { ctx } = setup();
    await digest.execute(ctx, input('set', { channel: CHANNEL, time: '09:00' }));
    const poster = new RecordingPoster();
    await runDueDigests(ctx, new Date('2026-01-15T09:00:00Z'), poster);
    ctx.clock.now = new Date('2026-01-15T10:00:00Z');
    expect(await text(digest.execute(ctx, input('status')))).toContain('Last run: 2026-01-15: nothing new since the previous digest, so nothing was posted.');
    // Down from before 09:00 on the 16th until 16:00: 7 hours late.
    await runDueDigests(ctx, new Date('2026-01-16T16:00:00Z'), poster);
    ctx.clock.now = new Date('2026-01-16T16:00:00Z');
    const status = await text(digest.execute(ctx, input('status')));
    expect(status).toContain('Last run: 2026-01-16: skipped: missed by 7.0 h (the bot was not running at the digest time); the grace window is 6 h.');
    expect(status).toContain('Next digest: Saturday 17 January 2026, 09:00 UTC');
    expect(poster.posts).toEqual([]);
  });

  it('resumes a paused digest with its channel and time, and the next day it goes out again', async () => {
    const { ctx, store } = setup();
    await expect(digest.execute(ctx, input('resume'))).rejects.toThrow(/No daily digest is set/);
    await digest.execute(ctx, input('set', { channel: CHANNEL, time: '09:00', timezone: 'Europe/Lisbon', articles: 2 }));
    expect(await text(digest.execute(ctx, input('resume')))).toContain('The daily digest is not paused. Next digest: Thursday 15 January 2026, 09:00 WET');
    const poster = new RecordingPoster();
    poster.fail = 404;
    for (const day of ['15', '16', '17']) {
      addArticle(store, { title: `Harbour notes for the ${day}th`, ingestedAt: `2026-01-${day}T06:00:00.000Z` });
      await runDueDigests(ctx, new Date(`2026-01-${day}T09:00:00Z`), poster);
    }
    expect(store.digests.subscription(GUILD)!.paused).toBe(true);
    poster.fail = null;
    ctx.clock.now = new Date('2026-01-18T10:00:00Z');
    const reply = await text(digest.execute(ctx, input('resume', {}, Permission.ViewChannel | Permission.SendMessages)));
    expect(reply).toContain('Daily digest resumed: every day at **09:00** (Europe/Lisbon) in <#222222222222222222>.');
    expect(reply).toContain('Next digest: Monday 19 January 2026, 09:00 WET');
    expect(reply).toContain('missing **Embed Links**');
    expect(store.digests.subscription(GUILD)).toMatchObject({ paused: false, consecutiveFailures: 0, time: '09:00', timeZone: 'Europe/Lisbon', articles: 2 });
    expect(await text(digest.execute(ctx, input('status')))).toContain('Next digest: Monday 19 January 2026, 09:00 WET');
    // Nothing was owed for the hour before it was resumed; the next day's digest catches up on what the failed days missed.
    expect(await runDueDigests(ctx, new Date('2026-01-18T10:01:00Z'), poster)).toEqual([]);
    const [report] = await runDueDigests(ctx, new Date('2026-01-19T09:00:00Z'), poster);
    expect(report).toMatchObject({ outcome: 'posted', articles: 3 });
    expect(poster.posts[0]!.message.embeds!.slice(0, 2).map((e) => e.title)).toEqual(['Harbour notes for the 17th', 'Harbour notes for the 16th']);
  });

  it('previews privately, or says nothing would be posted', async () => {
    const { ctx, store } = setup();
    expect(await digest.execute(ctx, input('preview'))).toEqual({ content: 'Nothing new since the previous digest: nothing would be posted now.', ephemeral: true });
    addArticle(store, { title: 'Bridge repainting finishes early', ingestedAt: '2026-01-15T07:00:00.000Z' });
    const reply = await digest.execute(ctx, input('preview'));
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds![0]!.title).toBe('Bridge repainting finishes early');
  });

  it('previews every message of a digest that takes more than one, with buttons between them', async () => {
    const { ctx, store } = setup();
    await digest.execute(ctx, input('set', { channel: CHANNEL, time: '09:00', articles: 10 }));
    for (let i = 0; i < 12; i++) {
      addArticle(store, { title: `Tide report ${i}`, ingestedAt: `2026-01-15T0${i % 7}:0${i % 6}:00.000Z`, quotes: [['Nadia Serra', `The water rose ${i} centimetres above the old mark overnight.`]] });
    }
    const first = await digest.execute(ctx, input('preview'));
    expect(first.ephemeral).toBe(true);
    expect(first.embeds).toHaveLength(10);
    expect(first.content).toContain('Preview: message 1 of 2');
    expect(first.buttons).toEqual([[
      { kind: 'action', customId: 'digest:preview:-1', label: 'Previous', disabled: true },
      { kind: 'action', customId: 'digest:preview:1', label: 'Next', disabled: false },
    ]]);
    const press = (customId: string) => digest.button!(ctx, { ...input('preview'), args: customId.split(':').slice(1) });
    const second = await press('digest:preview:1');
    expect(second.ephemeral).toBeFalsy(); // it replaces the private message the button is on
    expect(second.content).toContain('continued (2/2)');
    expect(second.embeds!.map((e) => e.title)).toEqual(['Most quoted']);
    expect(second.buttons![0]!.map((b) => b.kind === 'action' && b.disabled)).toEqual([false, true]);
    // Exactly what a run would post now, message by message.
    const poster = new RecordingPoster();
    await runDueDigests(ctx, new Date('2026-01-15T09:00:00Z'), poster);
    expect(poster.posts.map((p) => p.message.embeds)).toEqual([first.embeds, second.embeds]);
  });

  it('completes time zones by name or city, at most 25', async () => {
    expect(matchZones('lisb')).toEqual(['Europe/Lisbon']);
    expect(matchZones('new y')[0]).toBe('America/New_York');
    expect(matchZones('america/').length).toBe(25);
    expect(matchZones('')[0]).toBe('UTC');
    const { ctx } = setup();
    const choices = await digest.autocomplete!(ctx, { ...input('set'), focused: { name: 'timezone', value: 'tokyo' } });
    expect(choices).toEqual([{ name: 'Asia/Tokyo', value: 'Asia/Tokyo' }]);
  });
});
