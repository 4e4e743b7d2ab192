import type { Client } from 'discord.js';
import cron, { type ScheduledTask } from 'node-cron';
import type { AppContext } from '../context.ts';
import type { Service } from '../main.ts';
import { createDiscordPoster } from './discord-poster.ts';
import { runDueDigests, type DigestPoster, type RunReport } from './run.ts';
import { createOccurrenceCache } from './schedule.ts';

export interface DigestService extends Service {
  /** Runs due digests once at `ctx.now()` (what each cron tick does); resolves when done. */
  tick(): Promise<RunReport[]>;
}

/**
 * The digest scheduler: on start it sends digests missed within the grace window, then node-cron calls
 * runDueDigests every minute with the context's clock. A tick still running when the next one comes is not
 * doubled (and the claims in the store would keep it from posting twice anyway). `poster` is asked on each
 * tick, so the bot's client can come and go; no poster, no run.
 */
export function createDigestService(poster: () => DigestPoster | null, options: { expression?: string } = {}): DigestService {
  let ctx: AppContext | null = null;
  let task: ScheduledTask | null = null;
  let running: Promise<RunReport[]> | null = null;
  const occurrences = createOccurrenceCache();

  function tick(): Promise<RunReport[]> {
    if (running) return running;
    const c = ctx;
    const p = poster();
    if (!c || !p) return Promise.resolve([]);
    running = runDueDigests(c, c.now(), p, { occurrences })
      .catch((err: unknown) => {
        c.log.error({ err }, 'digest: scheduled run failed');
        return [];
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    name: 'digests',
    tick,
    async start(context) {
      ctx = context;
      const caughtUp = await tick();
      if (caughtUp.length > 0) context.log.info({ runs: caughtUp.length }, 'digest: caught up on start');
      task = cron.schedule(options.expression ?? '* * * * *', () => tick(), { name: 'quotewire-digests', noOverlap: true });
    },
    async stop() {
      await task?.stop();
      await task?.destroy();
      task = null;
      await running;
      ctx = null;
    },
  };
}

/** The digest scheduler posting through a bot service's client (whenever that client is up). */
export function createBotDigestService(bot: { readonly client: Client | null }): DigestService {
  return createDigestService(() => (bot.client ? createDiscordPoster(bot.client) : null));
}
