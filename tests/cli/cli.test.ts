import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/quotewire.js');
let dir: string;

/** Runs the real command, as a user would, against a store in a temporary folder. */
function quotewire(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: dir, QUOTEWIRE_DB: join(dir, 'store.db'), QUOTEWIRE_SEEDS: join(dir, 'seeds'), LOG_LEVEL: 'warn', ...options.env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ARTICLE = ` date 2025-04-02 Volunteers plant trees along the river. (Photo by Iris Mendel/Valley Wire)

Valley Herald Staff Priya Raman

10:15 AM – Wednesday, April 2, 2025

Volunteers planted four hundred trees along the Tamsin river on Wednesday, the largest planting in the town's history.

"Every one of these will outlive us," said Hugo Brandt, who organised the day.
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quotewire-cli-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'trees.txt'), ARTICLE);
  writeFileSync(join(dir, 'articles', 'empty.txt'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('quotewire ingest', () => {
  it('reports each file and a total, and exits 1 when a file failed while storing the good ones', () => {
    const run = quotewire(['ingest', 'articles']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^added\s+.*trees\.txt$/m);
    expect(run.stdout).toMatch(/^failed: empty file\s+.*empty\.txt$/m);
    expect(run.stdout).toMatch(/total: 2 files: 1 added, 0 updated, 0 unchanged, 1 failed/);
  });

  it('reports unchanged content on a second run and exits 0 when nothing failed', () => {
    const run = quotewire(['ingest', 'articles/trees.txt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^unchanged\s+.*trees\.txt$/m);
  });

  it('explains how to call it when no path is given', () => {
    const run = quotewire(['ingest']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/give at least one file or folder/);
  });
});

describe('quotewire stats', () => {
  it('counts what is stored and names the store', () => {
    const run = quotewire(['stats']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/articles: 1/);
    expect(run.stdout).toMatch(/newest:\s+2025-04-02/);
    expect(run.stdout).toContain(join(dir, 'store.db'));
  });
});

describe('quotewire parse', () => {
  it('prints the stable JSON shape with --json', () => {
    const run = quotewire(['parse', 'articles/trees.txt', '--json']);
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed).toMatchObject({
      titleGenerated: true, date: '2025-04-02', publishedAt: '2025-04-02T10:15:00Z', dateline: '10:15 AM – Wednesday, April 2, 2025',
      author: 'Priya Raman', outlet: 'Valley Herald', caption: 'Volunteers plant trees along the river.',
      photoCredit: 'Iris Mendel/Valley Wire', warnings: [],
    });
    expect(parsed.title.length).toBeGreaterThan(0);
    expect(parsed.title.length).toBeLessThanOrEqual(100);
    expect(parsed.body.startsWith('Volunteers planted')).toBe(true);
    for (const key of ['paragraphs', 'quotes', 'people', 'summary', 'gist']) expect(parsed).toHaveProperty(key);
    expect(ARTICLE.slice(parsed.paragraphs[1].start, parsed.paragraphs[1].end)).toMatch(/^"Every one/);
  });

  it('prints a readable view by default', () => {
    const run = quotewire(['parse', 'articles/trees.txt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/headline generated from the lede/);
    expect(run.stdout).toMatch(/author\s+Priya Raman/);
  });

  it('says which file was wrong and why', () => {
    const run = quotewire(['parse', 'articles/empty.txt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/articles\/empty\.txt: empty file/);
  });

  it('--jsonl answers every line in order, with an error line for bad input, and goes on', () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'The bridge reopened on Friday after two years of repairs.' }),
      'this is not json',
      JSON.stringify({ id: 'b', text: ARTICLE }),
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 'd', text: 'Body only.', date: '2024-12-31' }),
      JSON.stringify({ id: 'e', html: '<html><head><title>Harbour news</title></head><body><article><p>The harbour reopened on Friday after a long winter of repairs to the old sea wall, officials said.</p></article></body></html>' }),
    ];
    const run = quotewire(['parse', '--jsonl'], { input: `${lines.join('\n')}\n` });
    expect(run.status).toBe(0);
    const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'b', 'c', 'd', 'e']);
    expect(out[0].paragraphs).toEqual([{ start: 0, end: 57 }]);
    expect(out[1].error).toBe('not valid JSON');
    expect(out[2].author).toBe('Priya Raman');
    expect(out[3].error).toMatch(/"text"/);
    expect(out[4].date).toBe('2024-12-31');
    expect(out[5].body).toMatch(/harbour reopened/);
  });
});

describe('npm start', () => {
  it('without DISCORD_TOKEN and without a terminal exits 1 naming DISCORD_TOKEN and .env.example', () => {
    const run = quotewire(['start']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DISCORD_TOKEN/);
    expect(run.stderr).toMatch(/\.env\.example/);
  });
});

describe('configuration', () => {
  it('reports every bad setting together', () => {
    const run = quotewire(['stats'], { env: { LOG_LEVEL: 'loud', QUOTEWIRE_TIMEZONE: 'Mars/Olympus' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/LOG_LEVEL/);
    expect(run.stderr).toMatch(/QUOTEWIRE_TIMEZONE/);
    expect(run.stderr).toMatch(/\.env\.example/);
  });
});
