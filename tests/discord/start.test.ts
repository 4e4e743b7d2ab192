import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import './fail-on-unhandled.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.ts';

const ROOT = join(import.meta.dirname, '../..');
let fake: FakeDiscord;
let dir: string;
beforeAll(async () => {
  fake = await startFakeDiscord();
  dir = mkdtempSync(join(tmpdir(), 'quotewire-start-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` with a token, on a fresh store: runs `during` once every service is up, then stops it with `signal`. */
async function start(during: () => Promise<void>, signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['bin/quotewire.js', 'start'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guildId, QUOTEWIRE_DB: join(dir, 'q.db'), LOG_LEVEL: 'info' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += String(d)));
  child.stderr.on('data', (d: Buffer) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    for (let waited = 0; !output.includes('quotewire ready') && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(output).toContain('discord bot ready');
    expect(output).toContain('quotewire ready');
    await during();
    child.kill(signal);
    return { code: await exited, output };
  } finally {
    child.kill('SIGKILL');
  }
}

it('npm start: seeds a fresh store, answers /quote Sheinbaum, registers commands once, stops on SIGTERM and on SIGINT', { timeout: 60_000 }, async () => {
  const first = await start(async () => {
    const reply = await fake.callback(fake.command('quote', { speaker: 'Sheinbaum' }), 10_000);
    expect(reply.body).toMatchObject({ type: 4, data: { embeds: [{ title: 'What Claudia Sheinbaum said' }], allowed_mentions: { parse: [] } } });
  });
  expect(first.code).toBe(0);
  expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  const second = await start(async () => undefined, 'SIGINT');
  expect(second.code).toBe(0);
  expect(second.output).toContain('"reason":"SIGINT"');
  expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  expect(fake.identifies).toBe(2);
});
