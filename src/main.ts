import 'dotenv/config';
import { existsSync } from 'node:fs';
import { loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { ingestPaths } from './ingest/files.ts';
import { createLogger } from './log.ts';
import { openStore } from './store/index.ts';

export const MISSING_TOKEN_MESSAGE =
  'quotewire: DISCORD_TOKEN is not set, and there is no terminal for the local console.\n' +
  'Copy .env.example to .env and set DISCORD_TOKEN to your bot token (or run in a terminal to use the console).';

/** On first start with an empty store, the sample articles in the seeds folder are ingested. */
export function seedIfEmpty(ctx: AppContext): void {
  if (ctx.store.articles.count() > 0) return;
  const dir = ctx.config.seedsDir;
  if (!existsSync(dir)) {
    ctx.log.warn({ dir }, 'store is empty and the seeds folder does not exist; starting with no articles');
    return;
  }
  const reports = ingestPaths(ctx, [dir]);
  const failed = reports.filter((r) => r.status === 'failed');
  ctx.log.info({ dir, stored: reports.length - failed.length, failed: failed.length }, 'empty store: ingested the seed articles');
  for (const r of failed) ctx.log.warn({ path: r.path, reason: r.reason }, 'seed article could not be ingested');
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
  try {
    seedIfEmpty(ctx);
  } catch (error) {
    store.close();
    throw error;
  }
  log.info({ store: config.dbPath, articles: store.articles.count() }, 'store ready');
  // The Discord bot and the local console are added by the Discord issue.
  store.close();
  console.error('quotewire: the bot and the local console are not available in this version yet.');
  return 1;
}
