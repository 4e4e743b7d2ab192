import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDACTED_PATHS } from '../../src/log.ts';
import { seedIfEmpty } from '../../src/main.ts';
import { createTestContext } from '../helpers/context.ts';

let ctx: ReturnType<typeof createTestContext>;
beforeEach(() => {
  ctx = createTestContext();
});
afterEach(() => ctx.cleanup());

describe('first start', () => {
  it('ingests the seed articles into an empty store, and only into an empty one', async () => {
    mkdirSync(ctx.config.seedsDir);
    writeFileSync(join(ctx.config.seedsDir, 'one.txt'), 'The ferry resumed service on Monday after a week of storms.');
    await seedIfEmpty(ctx);
    expect(ctx.store.articles.count()).toBe(1);
    writeFileSync(join(ctx.config.seedsDir, 'two.txt'), 'A second article that must not be ingested on the next start.');
    await seedIfEmpty(ctx);
    expect(ctx.store.articles.count()).toBe(1);
  });

  it('starts with an empty store when the seeds folder is missing', async () => {
    await expect(seedIfEmpty(ctx)).resolves.toBeUndefined();
    expect(ctx.store.articles.count()).toBe(0);
  });

  it('ingests the seeds that ship with quotewire, including the Sheinbaum article', async () => {
    ctx.config.seedsDir = join(import.meta.dirname, '../../seeds');
    await seedIfEmpty(ctx);
    expect(ctx.store.articles.count()).toBeGreaterThanOrEqual(8);
    expect(ctx.store.articles.search('Sheinbaum').length).toBeGreaterThan(0);
  });
});

describe('logs', () => {
  it('never print the bot token', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const log = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    log.info({ config: { discordToken: 'secret-token-value' }, headers: { authorization: 'Bot secret-token-value' }, token: 'secret-token-value' }, 'starting');
    expect(lines.join('')).not.toContain('secret-token-value');
    expect(lines.join('')).toContain('[redacted]');
  });
});
