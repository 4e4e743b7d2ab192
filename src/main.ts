import 'dotenv/config';
import { existsSync } from 'node:fs';
import { loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { createLogger } from './log.ts';
import { openStore } from './store/index.ts';

export const MISSING_TOKEN_MESSAGE =
  'quotewire: DISCORD_TOKEN is not set, and there is no terminal for the local console.\n' +
  'Copy .env.example to .env and set DISCORD_TOKEN to your bot token (or run in a terminal to use the console).';

/** Something `npm start` runs until shutdown: the Discord bot or the console, the digest scheduler, the feed poller. */
export interface Service {
  name: string;
  /** Starts the service; resolves once it is running. */
  start(ctx: AppContext): Promise<void>;
  /** Stops accepting work and finishes what is in flight. */
  stop(): Promise<void>;
}

/** On first start with an empty store, the sample articles in the seeds folder are ingested. */
export async function seedIfEmpty(ctx: AppContext): Promise<void> {
  if (ctx.store.articles.count() > 0) return;
  const dir = ctx.config.seedsDir;
  if (!existsSync(dir)) {
    ctx.log.warn({ dir }, 'store is empty and the seeds folder does not exist; starting with no articles');
    return;
  }
  // Ingesting loads the whole analysis stack; a store that has articles never needs it at start.
  const { ingestPaths } = await import('./ingest/files.ts');
  const reports = await ingestPaths(ctx, [dir]);
  const failed = reports.filter((r) => r.status === 'failed');
  ctx.log.info({ dir, stored: reports.length - failed.length, failed: failed.length }, 'empty store: ingested the seed articles');
  for (const r of failed) ctx.log.warn({ path: r.path, reason: r.reason }, 'seed article could not be ingested');
}

/**
 * The feed poller, loaded once a feed is due: polling needs the whole ingest stack (HTML, feeds, analysis),
 * which a bot without feeds should not load at start nor keep in memory. Until then it only asks the store.
 */
export function createLazyFeedPoller(tickMs = 30_000): Service {
  let timer: NodeJS.Timeout | null = null;
  let poller: Promise<Service> | null = null;
  return {
    name: 'feed poller',
    async start(ctx) {
      const check = (): void => {
        try {
          if (poller || ctx.store.feeds.due(ctx.now().toISOString()).length === 0) return;
        } catch (err) {
          ctx.log.error({ err }, 'could not check for due feeds');
          return;
        }
        if (timer) clearInterval(timer);
        timer = null;
        poller = import('./ingest/feed-poller.ts').then(async ({ createFeedPoller }) => {
          const real = createFeedPoller(tickMs);
          await real.start(ctx);
          return real;
        });
        poller.catch((err: unknown) => ctx.log.error({ err }, 'the feed poller could not start'));
      };
      timer = setInterval(check, tickMs);
      timer.unref();
      check();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await (await poller?.catch(() => null))?.stop();
    },
  };
}

/** The services for this run: the bot when a token is set, else the local console. */
async function chooseServices(ctx: AppContext): Promise<Service[]> {
  const { commands } = await import('../commands/index.ts');
  const bot = ctx.config.discordToken ? (await import('./discord/bot.ts')).createBotService(commands) : null;
  const edge = bot ?? (await import('./discord/console.ts')).createConsoleService(commands);
  // The digest scheduler posts through the bot's client, so it starts after the bot (and stops before it).
  const digests = bot ? [(await import('./digest/scheduler.ts')).createBotDigestService(bot)] : [];
  return [edge, ...digests, createLazyFeedPoller()];
}

/** `npm start`: the bot when a token is set, else the local console on a terminal, else a clear exit. */
export async function run(_argv: string[]): Promise<number> {
  const config = loadConfig();
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (!config.discordToken && !interactive) {
    console.error(MISSING_TOKEN_MESSAGE);
    return 1;
  }
  const log = createLogger(config.logLevel);
  const store = openStore(config.dbPath);
  const ctx: AppContext = { config, log, store, now: () => new Date() };
  const started: Service[] = [];
  // Signal handlers go in first: a signal during start-up stops what has started (a second one exits at once).
  let signalled = false;
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      if (signalled) {
        log.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(130);
      }
      signalled = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const shutdown = async (reason: string): Promise<void> => {
    log.info({ reason }, 'shutting down');
    for (const service of started.reverse()) {
      await service.stop().catch((err: unknown) => log.error({ err, service: service.name }, 'service did not stop cleanly'));
    }
    store.close();
  };
  try {
    await seedIfEmpty(ctx);
    log.info({ store: config.dbPath, articles: store.articles.count() }, 'store ready');
    for (const service of await chooseServices(ctx)) {
      if (signalled) break;
      await service.start(ctx);
      started.push(service);
    }
    // performance.now() counts from the launch of the process: what a user means by start-up time.
    const runningFrom = import.meta.url.endsWith('.ts') ? 'sources' : 'build';
    if (!signalled) log.info({ services: started.map((s) => s.name), msSinceLaunch: Math.round(performance.now()), runningFrom }, 'quotewire ready');
    if (runningFrom === 'sources') log.info('running the TypeScript sources (there is no build, or it is older than them): `npm run build` makes start faster');
  } catch (error) {
    await shutdown('start failed');
    throw error;
  }
  await shutdown(await stopRequested);
  return 0;
}
