import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { createLogger } from '../log.ts';
import { openStore } from '../store/index.ts';

/** A command line that cannot be run as typed; the message says what to type instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util parseArgs, with its errors turned into UsageError. */
export function parseOptions<T extends ParseArgsConfig['options']>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Builds the context a CLI command needs: configuration, logger, store. Close it with `ctx.store.close()`. */
export function openCliContext(): AppContext {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const store = openStore(config.dbPath);
  return { config, log, store, now: () => new Date() };
}

/** Runs `fn` with a CLI context and always closes the store. */
export async function withCliContext<T>(fn: (ctx: AppContext) => Promise<T> | T): Promise<T> {
  const ctx = openCliContext();
  try {
    return await fn(ctx);
  } finally {
    ctx.store.close();
  }
}
