import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.ts';
import { openStore } from '../../src/store/index.ts';
import { addArticle, openTempStore } from './helpers.ts';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const GUILD = '1200000000000000100';
const NEWS = '1200000000000000201';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'digest', ...args], {
      cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', DISCORD_TOKEN: '', DISCORD_API_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function storeWithDigest(): string {
  const temp = openTempStore();
  cleanups.push(temp.cleanup);
  temp.store.digests.subscribe({ guildId: GUILD, channelId: NEWS, time: '09:00', timeZone: 'Europe/Lisbon', articles: 5, now: '2026-01-14T12:00:00.000Z', createdBy: null });
  addArticle(temp.store, {
    title: 'Volunteers replant the dune grass', ingestedAt: '2026-01-15T07:00:00.000Z',
    quotes: [['Joana Brito', 'Every clump we plant today holds back a bucket of sand next winter.']],
  });
  temp.store.close();
  return temp.path;
}

describe('quotewire digest (command line)', { timeout: 60_000 }, () => {
  it('runs the digests due at a given time, posting through Discord’s REST API once', async () => {
    const db = storeWithDigest();
    const fake: FakeDiscord = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const env = { QUOTEWIRE_DB: db, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl };
    const early = await cli(['run', '--at', '2026-01-15T08:00:00Z'], env);
    expect(early).toMatchObject({ code: 0, stdout: 'No digest due at 2026-01-15T08:00:00.000Z.\n' });
    const due = await cli(['run', '--guild', GUILD, '--at', '2026-01-15T09:00:00Z'], env);
    expect(due.code).toBe(0);
    expect(due.stdout).toContain(`${GUILD}  2026-01-15  posted  1 message(s), 1 article(s)`);
    const again = await cli(['run', '--at', '2026-01-15T09:05:00Z'], env);
    expect(again.stdout).toContain('No digest due');
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${NEWS}/messages`);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body)).toContain('Volunteers replant the dune grass');
    expect((posts[0]!.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('records a refused post and exits with 1', async () => {
    const db = storeWithDigest();
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    fake.failChannel(NEWS, 404);
    const result = await cli(['run', '--at', '2026-01-15T09:00:00Z'], { QUOTEWIRE_DB: db, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('failed  the channel no longer exists (404)');
    const status = await cli(['status', '--guild', GUILD, '--at', '2026-01-15T10:00:00Z'], { QUOTEWIRE_DB: db });
    expect(status.stdout).toContain('Last run: 2026-01-15: failed: the channel no longer exists (404).');
    expect(status.stdout).toContain('Failed 1 day in a row; the digest pauses after 3.');
  });

  it('previews a digest as text and explains mistakes', async () => {
    const db = storeWithDigest();
    const preview = await cli(['preview', '--guild', GUILD, '--at', '2026-01-15T09:00+01:00'], { QUOTEWIRE_DB: db });
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('**Daily digest · Thursday 15 January 2026**');
    expect(preview.stdout).toContain('## Volunteers replant the dune grass');
    expect(preview.stdout).toContain('“Every clump we plant today holds back a bucket of sand next winter.” — **Joana Brito**');
    const noToken = await cli(['run'], { QUOTEWIRE_DB: db });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('DISCORD_TOKEN is not set');
    expect((await cli(['preview'], { QUOTEWIRE_DB: db })).stderr).toContain('--guild is required');
    for (const loose of ['March 7', '2026-01-15T09:00']) {
      const refused = await cli(['preview', '--guild', GUILD, '--at', loose], { QUOTEWIRE_DB: db });
      expect(refused).toMatchObject({ code: 2, stdout: '' });
      expect(refused.stderr).toContain(`--at must be an ISO time with its offset, such as 2026-01-15T09:00Z or 2026-01-15T09:00+01:00, not "${loose}"`);
    }
    expect((await cli(['preview', '--guild', '1'], { QUOTEWIRE_DB: db })).code).toBe(2);
  });

  it('says when a digest is paused instead of running it, and resumes it', async () => {
    const db = storeWithDigest();
    const store = openStore(db);
    const claimed = store.digests.claim({
      guildId: GUILD, localDate: '2026-01-15', dueAt: '2026-01-15T09:00:00.000Z', channelId: NEWS, runner: 'test', now: '2026-01-15T09:00:00.000Z',
      staleBefore: '2026-01-15T08:50:00.000Z', windowSince: '2026-01-14T09:00:00.000Z', windowUntil: '2026-01-15T09:00:00.000Z',
    })!;
    store.digests.finish(claimed.run.id, GUILD, { status: 'failed', articleCount: 1, detail: 'the channel no longer exists (404)', now: '2026-01-15T09:00:01.000Z', pauseAfter: 1, pauseReason: 'Paused after a failed day.' });
    store.close();
    const paused = await cli(['run', '--guild', GUILD, '--at', '2026-01-16T09:00:00Z'], { QUOTEWIRE_DB: db });
    expect(paused.code).toBe(1);
    expect(paused.stderr).toContain(`the digest of guild ${GUILD} is paused, so nothing was run. Paused after a failed day. Resume it with \`quotewire digest resume --guild ${GUILD}\``);
    const resumed = await cli(['resume', '--guild', GUILD, '--at', '2026-01-16T10:00:00Z'], { QUOTEWIRE_DB: db });
    expect(resumed).toMatchObject({ code: 0 });
    expect(resumed.stdout).toContain('Resumed: next digest Saturday 17 January 2026, 09:00 WET');
    const status = await cli(['status', '--guild', GUILD, '--at', '2026-01-16T10:00:00Z'], { QUOTEWIRE_DB: db });
    expect(status.stdout).not.toContain('Paused');
    expect(status.stdout).toContain('Next digest: Saturday 17 January 2026, 09:00 WET');
  });
});
