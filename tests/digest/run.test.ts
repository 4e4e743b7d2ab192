import { afterEach, describe, expect, it } from 'vitest';
import { runDueDigests, STALE_CLAIM_MS } from '../../src/digest/run.ts';
import { describeStatus } from '../../src/digest/status.ts';
import type { Reply } from '../../src/discord/reply.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { addArticle, makeContext, openTempStore, RecordingPoster } from './helpers.ts';

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(time = '09:00', timeZone = 'UTC') {
  const temp = openTempStore();
  cleanups.push(temp.cleanup);
  const ctx = makeContext(temp.store);
  temp.store.digests.subscribe({ guildId: GUILD, channelId: CHANNEL, time, timeZone, articles: 5, now: '2026-01-14T12:00:00.000Z', createdBy: 'tester' });
  return { ...temp, ctx, poster: new RecordingPoster() };
}

const at = (iso: string): Date => new Date(iso);

describe('runDueDigests', () => {
  it('posts once at the due time and not again that day', async () => {
    const { store, ctx, poster } = setup('09:00', 'Europe/Lisbon');
    addArticle(store, { title: 'Tram line to the old quarter reopens', ingestedAt: '2026-01-15T07:00:00.000Z', quotes: [['Rosa Lima', 'The rails are back and so are the tourists.']] });
    expect(await runDueDigests(ctx, at('2026-01-15T08:59:00Z'), poster)).toEqual([]);
    const reports = await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster);
    expect(reports).toMatchObject([{ guildId: GUILD, localDate: '2026-01-15', outcome: 'posted', messages: 1, articles: 1 }]);
    for (const minute of ['09:01', '09:30', '15:00', '23:59']) {
      expect(await runDueDigests(ctx, at(`2026-01-15T${minute}:00Z`), poster)).toEqual([]);
    }
    expect(poster.posts).toHaveLength(1);
    expect(poster.posts[0]!.channelId).toBe(CHANNEL);
    expect(poster.posts[0]!.message.embeds![0]!.title).toBe('Tram line to the old quarter reopens');
    expect(store.digests.lastRun(GUILD)).toMatchObject({ status: 'posted', articleCount: 1, messagesSent: 1 });
  });

  it('covers the last 24 hours first, then what arrived since the previous digest', async () => {
    const { store, ctx, poster } = setup();
    addArticle(store, { title: 'Old news about the canal locks', ingestedAt: '2026-01-14T08:00:00.000Z' });
    addArticle(store, { title: 'Bakery cooperative opens a second shop', ingestedAt: '2026-01-14T10:00:00.000Z' });
    await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster);
    addArticle(store, { title: 'Night buses extended to the airport', ingestedAt: '2026-01-15T12:00:00.000Z' });
    await runDueDigests(ctx, at('2026-01-16T09:00:00Z'), poster);
    expect(poster.posts.map((p) => p.message.embeds!.map((e) => e.title))).toEqual([
      ['Bakery cooperative opens a second shop'],
      ['Night buses extended to the airport'],
    ]);
  });

  it('reaches back at most a week when a digest is switched back on after months', async () => {
    const { store, ctx, poster } = setup();
    addArticle(store, { title: 'Bakery cooperative opens a second shop', ingestedAt: '2026-01-15T08:00:00.000Z' });
    await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster);
    store.digests.unsubscribe(GUILD);
    addArticle(store, { title: 'Winter story from February', ingestedAt: '2026-02-10T08:00:00.000Z' });
    addArticle(store, { title: 'Ferry timetable changes for spring', ingestedAt: '2026-03-05T15:00:00.000Z' });
    store.digests.subscribe({ guildId: GUILD, channelId: CHANNEL, time: '09:00', timeZone: 'UTC', articles: 5, now: '2026-03-10T12:00:00.000Z', createdBy: 'tester' });
    await runDueDigests(ctx, at('2026-03-11T09:00:00Z'), poster);
    expect(poster.posts.map((p) => p.message.embeds!.map((e) => e.title))).toEqual([
      ['Bakery cooperative opens a second shop'],
      ['Ferry timetable changes for spring'],
    ]);
    expect(poster.posts[1]!.message.content).toContain('<t:1772614800:f>'); // since 2026-03-04 09:00 UTC
  });

  it('orders newest and most quoted first and keeps the chosen number', async () => {
    const { store, ctx, poster } = setup();
    store.digests.subscribe({ guildId: GUILD, channelId: CHANNEL, time: '09:00', timeZone: 'UTC', articles: 2, now: '2026-01-10T00:00:00.000Z', createdBy: null });
    addArticle(store, { title: 'Older story', date: '2026-01-13', ingestedAt: '2026-01-15T01:00:00.000Z', quotes: [['A Person', 'Quite a lot was said that day, really.'], ['A Person', 'And even more was said later on.']] });
    addArticle(store, { title: 'Quiet new story', date: '2026-01-15', ingestedAt: '2026-01-15T02:00:00.000Z' });
    addArticle(store, { title: 'Much quoted new story', date: '2026-01-15', ingestedAt: '2026-01-15T01:30:00.000Z', quotes: [['Bo Ferreira', 'We have never seen a harvest like this one.']] });
    await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster);
    const [message] = poster.posts.map((p) => p.message);
    expect(message!.embeds!.slice(0, 2).map((e) => e.title)).toEqual(['Much quoted new story', 'Quiet new story']);
    expect(message!.content).toContain('The 2 newest and most quoted of 3 new articles');
    expect(message!.embeds!.at(-1)!.description).toContain('1. **A Person** — 2 quotes');
  });

  it('posts nothing when nothing new arrived, and records that', async () => {
    const { store, ctx, poster } = setup();
    const reports = await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster);
    expect(reports).toMatchObject([{ outcome: 'empty' }]);
    expect(poster.posts).toEqual([]);
    expect(store.digests.lastRun(GUILD)).toMatchObject({ status: 'empty', detail: 'nothing new since the previous digest' });
  });

  it('knows which days are done when asked about an earlier day than the latest run (digest run --at in the past)', async () => {
    const { store, ctx, poster } = setup();
    addArticle(store, { title: 'Ferry pier gets a new gangway', ingestedAt: '2026-01-15T06:00:00.000Z' });
    expect(await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster)).toMatchObject([{ localDate: '2026-01-15', outcome: 'posted' }]);
    expect(await runDueDigests(ctx, at('2026-01-17T09:00:00Z'), poster)).toMatchObject([{ localDate: '2026-01-17', outcome: 'empty' }]);
    expect(await runDueDigests(ctx, at('2026-01-15T09:30:00Z'), poster)).toEqual([]);
    expect(await runDueDigests(ctx, at('2026-01-16T09:30:00Z'), poster)).toMatchObject([{ localDate: '2026-01-16', outcome: 'empty' }]);
    expect(poster.posts).toHaveLength(1);
  });

  it('does not post twice when ticks overlap', async () => {
    const { store, ctx, poster } = setup();
    addArticle(store, { title: 'Library extends its opening hours', ingestedAt: '2026-01-15T07:00:00.000Z' });
    poster.delayMs = 50;
    const now = at('2026-01-15T09:00:00Z');
    const [a, b] = await Promise.all([runDueDigests(ctx, now, poster), runDueDigests(ctx, now, poster)]);
    expect([...a!, ...b!].map((r) => r.outcome).sort()).toEqual(['busy', 'posted']);
    expect(poster.posts).toHaveLength(1);
  });

  it('posts once with two runners on one store file (two connections)', async () => {
    const { store, path, ctx, poster } = setup();
    addArticle(store, { title: 'Harbour cranes repainted for the festival', ingestedAt: '2026-01-15T07:00:00.000Z' });
    const other: Store = openStore(path);
    cleanups.push(() => other.close());
    const otherCtx = makeContext(other);
    const otherPoster = new RecordingPoster();
    poster.delayMs = otherPoster.delayMs = 30;
    const now = at('2026-01-15T09:00:30Z');
    await Promise.all([
      runDueDigests(ctx, now, poster, { runner: 'one' }),
      runDueDigests(otherCtx, now, otherPoster, { runner: 'two' }),
      runDueDigests(otherCtx, at('2026-01-15T09:01:00Z'), otherPoster, { runner: 'two' }),
    ]);
    expect(poster.posts.length + otherPoster.posts.length).toBe(1);
    expect(store.digests.runs(GUILD)).toHaveLength(1);
  });

  it('retries a claim left by a crash after the timeout, without repeating the messages already sent', async () => {
    const { store, ctx, poster } = setup();
    for (let i = 0; i < 12; i++) {
      addArticle(store, { title: `Story ${i} of a long day at the port`, ingestedAt: `2026-01-15T0${i % 8}:1${i % 6}:00.000Z`, gist: 'A long gist about cranes and tides. '.repeat(40) });
    }
    store.digests.subscribe({ guildId: GUILD, channelId: CHANNEL, time: '09:00', timeZone: 'UTC', articles: 10, now: '2026-01-10T00:00:00.000Z', createdBy: null });
    // A runner claimed the day at 09:00, sent the first message and died.
    const claimed = store.digests.claim({
      guildId: GUILD, localDate: '2026-01-15', dueAt: '2026-01-15T09:00:00.000Z', channelId: CHANNEL, runner: 'crashed',
      now: '2026-01-15T09:00:00.000Z', staleBefore: '2026-01-15T08:50:00.000Z', windowSince: '2026-01-14T09:00:00.000Z', windowUntil: '2026-01-15T09:00:00.000Z',
    })!;
    store.digests.progress(claimed.run.id, 1, '2026-01-15T09:00:00.000Z');

    expect(await runDueDigests(ctx, at('2026-01-15T09:05:00Z'), poster)).toMatchObject([{ outcome: 'busy' }]);
    expect(poster.posts).toHaveLength(0);

    const later = new Date(Date.parse('2026-01-15T09:00:00Z') + STALE_CLAIM_MS + 60_000);
    const [report] = await runDueDigests(ctx, later, poster);
    expect(report).toMatchObject({ outcome: 'posted' });
    const total = report!.messages + 1;
    expect(total).toBeGreaterThan(1);
    expect(poster.posts).toHaveLength(total - 1);
    expect(poster.posts[0]!.message.content).toContain(`continued (2/${total})`);
    expect(store.digests.lastRun(GUILD)).toMatchObject({ status: 'posted', claimedBy: expect.not.stringMatching('crashed'), messagesSent: total });
  });

  it('dates each claim when it is made, so a long tick does not leave claims that look stale', async () => {
    const { store, ctx } = setup();
    store.digests.subscribe({ guildId: '444444444444444444', channelId: '555555555555555555', time: '09:00', timeZone: 'UTC', articles: 5, now: '2026-01-14T12:00:00.000Z', createdBy: null });
    addArticle(store, { title: 'Orchard volunteers count the bees', ingestedAt: '2026-01-15T06:00:00.000Z' });
    const slow = new RecordingPoster();
    slow.delayMs = 300;
    await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), slow);
    const claims = [GUILD, '444444444444444444'].map((g) => Date.parse(store.digests.lastRun(g)!.claimedAt)).sort();
    expect(claims[1]! - claims[0]!).toBeGreaterThanOrEqual(250);
  });

  it('closes a crashed claim that can no longer be resumed, without counting it as a channel failure', async () => {
    const { store, ctx, poster } = setup();
    store.digests.claim({
      guildId: GUILD, localDate: '2026-01-15', dueAt: '2026-01-15T09:00:00.000Z', channelId: CHANNEL, runner: 'crashed',
      now: '2026-01-15T09:00:00.000Z', staleBefore: '2026-01-15T08:50:00.000Z', windowSince: '2026-01-14T09:00:00.000Z', windowUntil: '2026-01-15T09:00:00.000Z',
    });
    expect(await runDueDigests(ctx, at('2026-01-15T16:00:00Z'), poster)).toEqual([]);
    expect(store.digests.lastRun(GUILD)).toMatchObject({ status: 'failed', detail: expect.stringContaining('interrupted') });
    expect(store.digests.subscription(GUILD)!.consecutiveFailures).toBe(0);
    addArticle(store, { title: 'Evening market moves to the quay', ingestedAt: '2026-01-15T12:00:00.000Z' });
    await runDueDigests(ctx, at('2026-01-16T09:00:00Z'), poster);
    expect(poster.posts).toHaveLength(1);
  });

  it('sends a digest missed within the grace window on start, and records older ones as skipped', async () => {
    const { store, ctx, poster } = setup('09:00');
    store.digests.subscribe({ guildId: '333333333333333333', channelId: CHANNEL, time: '07:30', timeZone: 'UTC', articles: 5, now: '2026-01-10T00:00:00.000Z', createdBy: null });
    addArticle(store, { title: 'Ferry timetable changes for the spring', ingestedAt: '2026-01-15T06:00:00.000Z' });
    // Down from 06:00 to 14:00: the 09:00 digest is 5 h late, the 07:30 one 6.5 h.
    const reports = await runDueDigests(ctx, at('2026-01-15T14:00:00Z'), poster);
    expect(reports.map((r) => [r.guildId, r.outcome]).sort()).toEqual([[GUILD, 'posted'], ['333333333333333333', 'skipped']]);
    expect(store.digests.lastRun('333333333333333333')).toMatchObject({ status: 'skipped', detail: expect.stringContaining('missed by 6.5 h') });
    expect(await runDueDigests(ctx, at('2026-01-15T14:01:00Z'), poster)).toEqual([]);
    // The skipped guild's next digest still covers what it missed.
    await runDueDigests(ctx, at('2026-01-16T07:30:00Z'), poster);
    expect(poster.posts.map((p) => p.message.embeds![0]!.title)).toEqual(['Ferry timetable changes for the spring', 'Ferry timetable changes for the spring']);
  });

  it('uses the configured grace window', async () => {
    const { ctx, poster } = setup('09:00');
    ctx.config = { ...ctx.config, digestGraceHours: 1 };
    expect(await runDueDigests(ctx, at('2026-01-15T10:30:00Z'), poster)).toMatchObject([{ outcome: 'skipped' }]);
  });

  it('records a refused post, pauses after three failed days and resumes when set again', async () => {
    const { store, ctx, poster } = setup();
    poster.fail = 403;
    for (const day of ['15', '16', '17']) {
      addArticle(store, { title: `Story of the ${day}th`, ingestedAt: `2026-01-${day}T06:00:00.000Z` });
      const [report] = await runDueDigests(ctx, at(`2026-01-${day}T09:00:00Z`), poster);
      expect(report).toMatchObject({ outcome: 'failed', detail: 'missing permissions in the channel (403)', paused: day === '17' });
      // A failed day is not retried (no burst of refused requests).
      expect(await runDueDigests(ctx, at(`2026-01-${day}T09:01:00Z`), poster)).toEqual([]);
      expect(store.digests.subscription(GUILD)!.consecutiveFailures).toBe(Number(day) - 14);
    }
    const sub = store.digests.subscription(GUILD)!;
    expect(sub.paused).toBe(true);
    expect(sub.pausedReason).toContain('Paused after 3 days in a row');
    poster.fail = null;
    expect(await runDueDigests(ctx, at('2026-01-18T09:00:00Z'), poster)).toEqual([]);
    expect(poster.posts).toEqual([]);

    store.digests.subscribe({ guildId: GUILD, channelId: CHANNEL, time: '09:00', timeZone: 'UTC', articles: 5, now: '2026-01-18T10:00:00.000Z', createdBy: null });
    expect(store.digests.subscription(GUILD)).toMatchObject({ paused: false, consecutiveFailures: 0 });
    const [report] = await runDueDigests(ctx, at('2026-01-19T09:00:00Z'), poster);
    expect(report).toMatchObject({ outcome: 'posted', articles: 3 }); // nothing was delivered since the 14th
  });

  it('tries again later when Discord fails on its side, without counting a failed day', async () => {
    const { store, ctx, poster } = setup();
    addArticle(store, { title: 'Sea wall repairs start at low tide', ingestedAt: '2026-01-15T06:00:00.000Z' });
    poster.fail = 503;
    const [report] = await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster);
    expect(report).toMatchObject({ outcome: 'retry', detail: 'Discord answered 503: Service Unavailable', paused: false });
    expect(store.digests.subscription(GUILD)!.consecutiveFailures).toBe(0);
    const status = describeStatus(ctx, store.digests.subscription(GUILD)!, at('2026-01-15T09:02:00Z'));
    expect(status).toContain('The digest of 2026-01-15 could not be posted yet (Discord answered 503: Service Unavailable). Next try: Thursday 15 January 2026, 09:10 UTC');
    // Not hammered every minute: the claim stays fresh for the stale timeout.
    poster.fail = null;
    expect(await runDueDigests(ctx, at('2026-01-15T09:05:00Z'), poster)).toMatchObject([{ outcome: 'busy' }]);
    expect(poster.attempts).toBe(1);
    const [later] = await runDueDigests(ctx, new Date(Date.parse('2026-01-15T09:00:00Z') + STALE_CLAIM_MS + 60_000), poster);
    expect(later).toMatchObject({ outcome: 'posted', messages: 1 });
    expect(poster.posts).toHaveLength(1);
    expect(store.digests.lastRun(GUILD)).toMatchObject({ status: 'posted', detail: 'posted on a later try (before: Discord answered 503: Service Unavailable)' });
    expect(await runDueDigests(ctx, at('2026-01-15T11:00:00Z'), poster)).toEqual([]);
    expect(poster.posts).toHaveLength(1);
  });

  it('a later try sends only the messages that had not gone out', async () => {
    const { store, ctx, poster } = setup();
    store.digests.subscribe({ guildId: GUILD, channelId: CHANNEL, time: '09:00', timeZone: 'UTC', articles: 10, now: '2026-01-10T00:00:00.000Z', createdBy: null });
    for (let i = 0; i < 12; i++) {
      addArticle(store, { title: `Story ${i} of a stormy night on the coast`, ingestedAt: `2026-01-15T0${i % 8}:2${i % 6}:00.000Z`, gist: 'A long gist about gales and ferries. '.repeat(40) });
    }
    // The first message goes out, then Discord fails.
    const flaky = { post: async (channelId: string, message: Reply) => {
      if (poster.posts.length === 1) poster.fail = 502;
      await poster.post(channelId, message);
    } };
    const [report] = await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), flaky);
    expect(report).toMatchObject({ outcome: 'retry', messages: 1 });
    poster.fail = null;
    const [later] = await runDueDigests(ctx, new Date(Date.parse('2026-01-15T09:00:00Z') + STALE_CLAIM_MS + 60_000), poster);
    expect(later).toMatchObject({ outcome: 'posted' });
    const total = poster.posts.length;
    expect(total).toBeGreaterThan(1);
    expect(later!.messages).toBe(total - 1);
    expect(poster.posts.map((p) => p.message.content?.split('\n')[0])).toEqual([
      '**Daily digest · Thursday 15 January 2026**',
      ...Array.from({ length: total - 1 }, (_, i) => `*Daily digest, continued (${i + 2}/${total})*`),
    ]);
  });

  it('gives up on a day Discord could not be reached within the grace window, without pausing', async () => {
    const { store, ctx, poster } = setup();
    addArticle(store, { title: 'Rowing club repaints its boathouse', ingestedAt: '2026-01-15T06:00:00.000Z' });
    poster.unreachable = true;
    const outcomes: string[] = [];
    for (let t = Date.parse('2026-01-15T09:00:00Z'); t <= Date.parse('2026-01-15T15:30:00Z'); t += 60_000) {
      outcomes.push(...(await runDueDigests(ctx, new Date(t), poster)).map((r) => r.outcome));
    }
    // One try every ten minutes for six hours, then the day is closed.
    expect(poster.attempts).toBe(outcomes.filter((o) => o === 'retry').length);
    expect(poster.attempts).toBeGreaterThanOrEqual(30);
    expect(poster.attempts).toBeLessThanOrEqual(37);
    expect(store.digests.lastRun(GUILD)).toMatchObject({
      status: 'failed', detail: 'Discord could not take the digest within the grace window; last try: could not reach Discord: connect ECONNREFUSED 127.0.0.1:443',
    });
    expect(store.digests.subscription(GUILD)).toMatchObject({ paused: false, consecutiveFailures: 0 });
    poster.unreachable = false;
    expect(await runDueDigests(ctx, at('2026-01-16T09:00:00Z'), poster)).toMatchObject([{ outcome: 'posted', articles: 1 }]);
  });

  it('stops the tick when Discord refuses the bot token, counting no failed day', async () => {
    const { store, ctx, poster } = setup();
    store.digests.subscribe({ guildId: '444444444444444444', channelId: '555555555555555555', time: '09:00', timeZone: 'UTC', articles: 5, now: '2026-01-14T12:00:00.000Z', createdBy: null });
    addArticle(store, { title: 'Pier lights replaced before the regatta', ingestedAt: '2026-01-15T06:00:00.000Z' });
    poster.fail = 401;
    const reports = await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster);
    expect(reports).toMatchObject([{ guildId: GUILD, outcome: 'retry', tokenRefused: true }]);
    expect(poster.attempts).toBe(1);
    expect(store.digests.runs('444444444444444444')).toEqual([]);
    expect(store.digests.subscription(GUILD)!.consecutiveFailures).toBe(0);
    poster.fail = null;
    const next = await runDueDigests(ctx, at('2026-01-15T09:01:00Z'), poster);
    expect(next.map((r) => [r.guildId, r.outcome])).toEqual([[GUILD, 'busy'], ['444444444444444444', 'posted']]);
  });

  it('resets the failure count after a good day and records a deleted channel', async () => {
    const { store, ctx, poster } = setup();
    addArticle(store, { title: 'Market square gets new benches', ingestedAt: '2026-01-15T06:00:00.000Z' });
    poster.fail = 404;
    await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster);
    expect(store.digests.lastRun(GUILD)).toMatchObject({ status: 'failed', detail: 'the channel no longer exists (404)' });
    poster.fail = null;
    await runDueDigests(ctx, at('2026-01-16T09:00:00Z'), poster);
    expect(store.digests.subscription(GUILD)!.consecutiveFailures).toBe(0);
    expect(poster.posts).toHaveLength(1);
  });

  it('runs only the asked guild with the guildId option', async () => {
    const { store, ctx, poster } = setup();
    store.digests.subscribe({ guildId: '444444444444444444', channelId: '555555555555555555', time: '09:00', timeZone: 'UTC', articles: 5, now: '2026-01-10T00:00:00.000Z', createdBy: null });
    addArticle(store, { title: 'Choir wins the regional contest', ingestedAt: '2026-01-15T06:00:00.000Z' });
    await runDueDigests(ctx, at('2026-01-15T09:00:00Z'), poster, { guildId: '444444444444444444' });
    expect(poster.posts.map((p) => p.channelId)).toEqual(['555555555555555555']);
  });
});
