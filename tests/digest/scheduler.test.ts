import { afterEach, describe, expect, it } from 'vitest';
import { createDigestService, type DigestService } from '../../src/digest/scheduler.ts';
import { addArticle, makeContext, openTempStore, RecordingPoster } from './helpers.ts';

const GUILD = '111111111111111111';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function setup(now: string) {
  const temp = openTempStore();
  cleanups.push(temp.cleanup);
  const clock = { now: new Date(now) };
  const ctx = makeContext(temp.store, clock);
  temp.store.digests.subscribe({ guildId: GUILD, channelId: '222222222222222222', time: '09:00', timeZone: 'UTC', articles: 5, now: '2026-01-14T12:00:00.000Z', createdBy: null });
  addArticle(temp.store, { title: 'Coastal path reopens after the storm repairs', ingestedAt: '2026-01-15T06:00:00.000Z' });
  return { ...temp, ctx, clock, poster: new RecordingPoster() };
}

function track(service: DigestService): DigestService {
  cleanups.push(() => service.stop());
  return service;
}

describe('digest scheduler service', () => {
  it('sends a digest missed within the grace window as soon as it starts', async () => {
    const { ctx, poster } = setup('2026-01-15T11:30:00Z');
    const service = track(createDigestService(() => poster));
    await service.start(ctx);
    expect(poster.posts).toHaveLength(1);
    expect(await service.tick()).toEqual([]);
    expect(poster.posts).toHaveLength(1);
  });

  it('is called by node-cron on its schedule, with the injected clock', async () => {
    const { ctx, clock, poster } = setup('2026-01-15T08:00:00Z');
    let asked = 0;
    const service = track(createDigestService(() => {
      asked++;
      return poster;
    }, { expression: '* * * * * *' }));
    await service.start(ctx);
    expect(poster.posts).toHaveLength(0);
    clock.now = new Date('2026-01-15T09:00:05Z');
    const started = asked;
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(asked).toBeGreaterThan(started);
    expect(poster.posts).toHaveLength(1);
    await service.stop();
    const stoppedAt = asked;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(asked).toBe(stoppedAt);
  });

  it('does not start a second run while one is in flight', async () => {
    const { ctx, poster } = setup('2026-01-15T08:00:00Z');
    const service = track(createDigestService(() => poster));
    await service.start(ctx);
    ctx.clock.now = new Date('2026-01-15T09:00:00Z');
    poster.delayMs = 100;
    const first = service.tick();
    expect(service.tick()).toBe(first);
    expect(await first).toMatchObject([{ outcome: 'posted' }]);
    expect(poster.posts).toHaveLength(1);
  });

  it('does nothing while there is no poster (the bot is not connected)', async () => {
    const { ctx } = setup('2026-01-15T09:00:00Z');
    const service = track(createDigestService(() => null));
    await service.start(ctx);
    expect(await service.tick()).toEqual([]);
    expect(ctx.store.digests.runs(GUILD)).toEqual([]);
  });
});
