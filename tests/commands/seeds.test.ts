import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { createDispatcher, type Dispatcher } from '../../src/discord/dispatch.ts';
import { renderText } from '../../src/discord/render/text.ts';
import { parseCommandLine } from '../../src/discord/text-input.ts';
import { seedIfEmpty } from '../../src/main.ts';
import { openStore } from '../../src/store/index.ts';

// A fresh install: the seed articles are ingested on first start, so /quote Sheinbaum answers at once.
let dir: string;
let ctx: AppContext;
let dispatcher: Dispatcher;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quotewire-seeds-'));
  const dbPath = join(dir, 'q.db');
  ctx = { config: { ...loadConfig({}), dbPath, seedsDir: join(import.meta.dirname, '../../seeds') }, log: pino({ level: 'silent' }), store: openStore(dbPath), now: () => new Date() };
  await seedIfEmpty(ctx);
  dispatcher = createDispatcher(ctx, commands);
});
afterAll(() => {
  ctx.store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ask(line: string): Promise<ReturnType<Dispatcher['execute']>> {
  const { command, input } = parseCommandLine(line, commands);
  return dispatcher.execute(command, input);
}

it('/quote Sheinbaum lists her quotes on a fresh install', async () => {
  const reply = await ask('/quote Sheinbaum');
  expect(reply.ephemeral).toBeUndefined();
  expect(reply.embeds![0]!.title).toBe('What Claudia Sheinbaum said');
  expect(renderText(reply)).toContain('Quotes 1–');
});

it('a misspelt name is answered with the closest known name', async () => {
  expect(await ask('/quote Sheinbam')).toEqual({ content: 'I have no quotes from “Sheinbam”. Did you mean Claudia Sheinbaum?', ephemeral: true });
  expect((await ask('/quote claudia shienbaum')).content).toContain('Did you mean Claudia Sheinbaum?');
});
