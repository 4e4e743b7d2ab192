import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../discord/fake-discord.ts';
import { addArticle, openTempStore } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('npm start with a token', () => {
  it('runs the digest scheduler after the bot, catches up a digest due a minute ago, and stops on SIGTERM', { timeout: 90_000 }, async () => {
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const temp = openTempStore();
    cleanups.push(temp.cleanup);
    const now = Date.now();
    const due = new Date(now - 60_000);
    const time = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
    temp.store.digests.subscribe({ guildId: fake.guildId, channelId: '1200000000000000201', time, timeZone: 'UTC', articles: 5, now: new Date(now - 3 * 3600_000).toISOString(), createdBy: null });
    addArticle(temp.store, { title: 'Lifeboat crew trains the first volunteers', ingestedAt: new Date(now - 3600_000).toISOString() });
    temp.store.close();

    const child = spawn(process.execPath, ['bin/quotewire.js', 'start'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guildId, QUOTEWIRE_DB: temp.path, LOG_LEVEL: 'info' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += String(d)));
    child.stderr.on('data', (d: Buffer) => (output += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    cleanups.push(() => void child.kill('SIGKILL'));

    const post = await fake.nextRequest((r) => r.method === 'POST' && r.path === '/channels/1200000000000000201/messages', 60_000)
      .catch((error: Error) => { throw new Error(`${error.message}\n${output}`); });
    expect(JSON.stringify(post.body)).toContain('Lifeboat crew trains the first volunteers');
    // main installs its signal handlers once every service has started.
    for (let waited = 0; !output.includes('digest: caught up on start') && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2000));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fake.requests.filter((r) => r.path === '/channels/1200000000000000201/messages')).toHaveLength(1);
    expect(output).toContain('digest: caught up on start');
  });
});
