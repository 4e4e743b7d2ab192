import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { addArticle, openTempStore } from './helpers.ts';

const run = promisify(execFile);
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('several bot processes on one store', () => {
  it('post each guild digest once between them', async () => {
    const temp = openTempStore();
    cleanups.push(temp.cleanup);
    for (let g = 0; g < 6; g++) {
      temp.store.digests.subscribe({ guildId: `70000000000000000${g}`, channelId: `60000000000000000${g}`, time: '09:00', timeZone: 'UTC', articles: 3, now: '2026-01-14T12:00:00.000Z', createdBy: null });
    }
    addArticle(temp.store, { title: 'Town hall clock is fixed at last', ingestedAt: '2026-01-15T07:00:00.000Z' });
    temp.store.close();

    const script = join(import.meta.dirname, 'runner-process.ts');
    const outputs = await Promise.all(['a', 'b', 'c'].map((name) =>
      run(process.execPath, ['--import', 'tsx', script, temp.path, '2026-01-15T09:00:30Z', name], { cwd: join(import.meta.dirname, '../..') })));
    const results = outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').at(-1)!) as { name: string; posts: string[]; outcomes: string[] });
    const posted = results.flatMap((r) => r.posts).sort();
    expect(posted).toEqual(Array.from({ length: 6 }, (_, g) => `60000000000000000${g}`));
    expect(results.flatMap((r) => r.outcomes).filter((o) => o === 'posted')).toHaveLength(6);
  });
});
