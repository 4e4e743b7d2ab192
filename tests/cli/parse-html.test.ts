import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(resolve(import.meta.dirname, '../..'), 'bin/quotewire.js');
let dir: string;

function quotewire(args: string[], input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: dir, QUOTEWIRE_DB: join(dir, 'store.db'), LOG_LEVEL: 'warn' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PAGE = `<!DOCTYPE html><html><head><title>Ferry leaves earlier from Monday | Island Post</title>
<meta property="article:published_time" content="2025-03-04T21:30:00-05:00"><meta name="author" content="By Mara Quell">
<link rel="canonical" href="/news/ferry-earlier"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><article><h1>Ferry leaves earlier from Monday</h1>
<p>The island ferry will leave twenty minutes earlier from Monday, the operator said, after complaints that the evening crossing missed the last train on the mainland.</p>
<p>"We listened to the commuters," said Ines Harrow, who runs the service. A Sunday crossing will also be added in summer for visitors to the lighthouse museum.</p>
</article></body></html>`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quotewire-parse-html-'));
  // The second copy has a .txt name: HTML is recognised by its content, not only by its extension.
  writeFileSync(join(dir, 'ferry.html'), PAGE);
  writeFileSync(join(dir, 'ferry-saved.txt'), PAGE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test starts the real CLI (two runs in the first), which takes seconds on a busy machine.
describe('quotewire parse on HTML', { timeout: 60_000 }, () => {
  it('extracts a saved page by its extension or its content, with metadata and without the navigation', () => {
    for (const file of ['ferry.html', 'ferry-saved.txt']) {
      const run = quotewire(['parse', file, '--json']);
      expect(run.status, run.stderr).toBe(0);
      const article = JSON.parse(run.stdout);
      expect(article).toMatchObject({
        title: 'Ferry leaves earlier from Monday', author: 'Mara Quell', outlet: 'Island Post',
        date: '2025-03-04', publishedAt: '2025-03-04T21:30:00-05:00',
      });
      expect(article.body).toMatch(/^The island ferry will leave/);
      expect(article.body).not.toMatch(/Home|Sport/);
      expect(article.quotes.map((q: { speaker: string | null }) => q.speaker)).toContain('Ines Harrow');
    }
  });

  it('--jsonl reads {id, html, url} lines and resolves the canonical link against the url', () => {
    const lines = [
      JSON.stringify({ id: 'with-url', html: PAGE, url: 'https://islandpost.example/2025/03/ferry?utm_source=feed' }),
      JSON.stringify({ id: 'without-url', html: PAGE }),
    ];
    const run = quotewire(['parse', '--jsonl'], `${lines.join('\n')}\n`);
    expect(run.status, run.stderr).toBe(0);
    const [withUrl, withoutUrl] = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(withUrl).toMatchObject({ id: 'with-url', url: 'https://islandpost.example/news/ferry-earlier', title: 'Ferry leaves earlier from Monday' });
    expect(withoutUrl).toMatchObject({ id: 'without-url', url: null, title: 'Ferry leaves earlier from Monday' });
  });
});
