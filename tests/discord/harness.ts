import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { expect } from 'vitest';
import { commands as allCommands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { createBotService, type BotService } from '../../src/discord/bot.ts';
import type { Command } from '../../src/discord/command.ts';
import { ingestPaths } from '../../src/ingest/files.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fake-discord.ts';
import './fail-on-unhandled.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');


export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface FixtureStore {
  store: Store;
  dir: string;
  ctx: AppContext;
  logs: LogLine[];
}

/** A store in a temp file with the fixture articles really ingested (parsed, analysed, stored). */
export async function openFixtureStore(): Promise<FixtureStore> {
  const dir = mkdtempSync(join(tmpdir(), 'quotewire-discord-'));
  const dbPath = join(dir, 'test.db');
  const store = openStore(dbPath);
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  const ctx: AppContext = { config: { ...loadConfig({}), dbPath }, log, store, now: () => new Date('2026-02-01T12:00:00Z') };
  const reports = await ingestPaths(ctx, [FIXTURES]);
  expect(reports.filter((r) => r.status === 'failed')).toEqual([]);
  return { store, dir, ctx, logs };
}

export interface Harness {
  fake: FakeDiscord;
  bot: BotService;
  ctx: AppContext;
  store: Store;
  logs: LogLine[];
  close(): Promise<void>;
}

/** The real bot (discord.js client) logged in to a fresh fake Discord, over a fixture store. */
export async function startHarness(options: { commands?: readonly Command[]; fake?: FakeDiscordOptions; store?: FixtureStore } = {}): Promise<Harness> {
  const fixture = options.store ?? (await openFixtureStore());
  const fake = await startFakeDiscord(options.fake);
  const ctx: AppContext = {
    ...fixture.ctx,
    config: { ...fixture.ctx.config, discordToken: fake.token, discordApiUrl: fake.apiUrl, discordGuildId: fake.guildId },
  };
  const bot = createBotService(options.commands ?? allCommands, { skipIdentifyThrottle: true });
  await bot.start(ctx);
  return {
    fake, bot, ctx, store: fixture.store, logs: fixture.logs,
    async close() {
      await bot.stop();
      await fake.close();
      fixture.store.close();
      rmSync(fixture.dir, { recursive: true, force: true });
    },
  };
}
