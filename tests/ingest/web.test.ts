import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalUrl, ingestUrl, isWebUrl } from '../../src/ingest/web.ts';
import { openStore } from '../../src/store/index.ts';
import { createWebContext, send, startServer, type TestServer } from './web-server.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name), 'utf8');
let server: TestServer;
let ctx: ReturnType<typeof createWebContext>;

beforeEach(async () => {
  server = await startServer({
    '/news/ferry-evening-crossing': send(fixture('page-ferry.html')),
    '/news/signal-box-library': send(fixture('page-library.html')),
    '/feed.xml': send(fixture('rss2.xml'), { 'content-type': 'application/rss+xml' }),
    '/logo.png': send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), { 'content-type': 'image/png' }),
  });
  ctx = createWebContext();
});
afterEach(async () => {
  ctx.cleanup();
  await server.close();
});

describe('ingestUrl', () => {
  it('fetches a page, extracts the article with its metadata and stores it under its canonical URL', async () => {
    const report = await ingestUrl(ctx, server.url('/news/ferry-evening-crossing'));
    expect(report).toMatchObject({ status: 'added', title: 'Larkspur Bay ferry gets a second evening crossing' });
    const article = ctx.store.articles.byId(report.articleId!)!;
    expect(article.author).toBe('Tomasz Wielgosz');
    expect(article.publishedAt).toBe('2025-05-14T18:20:00+02:00');
    expect(article.url).toBe(server.url('/news/ferry-evening-crossing'));
    expect(article.body).toContain('second evening crossing from the end of June');
    expect(article.body).not.toContain('Letters to the editor');
    expect(ctx.store.quotes.count()).toBeGreaterThan(0);
  });

  it('stores a page once: the same page again is unchanged', async () => {
    const first = await ingestUrl(ctx, server.url('/news/signal-box-library'));
    const second = await ingestUrl(ctx, server.url('/news/signal-box-library'));
    expect(first.status).toBe('added');
    expect(second).toMatchObject({ status: 'unchanged', articleId: first.articleId });
  });

  it('replaces the stored article when the page at the same URL changes', async () => {
    const first = await ingestUrl(ctx, server.url('/news/signal-box-library'));
    server.routes.set('/news/signal-box-library', send(fixture('page-library.html').replace('Tuesday and Saturday', 'Monday and Friday')));
    const second = await ingestUrl(ctx, server.url('/news/signal-box-library'));
    expect(second).toMatchObject({ status: 'updated', articleId: first.articleId });
    expect(ctx.store.articles.count()).toBe(1);
  });

  it('reports pages it cannot use without throwing', async () => {
    expect(await ingestUrl(ctx, server.url('/missing'))).toMatchObject({ status: 'failed', reason: expect.stringMatching(/HTTP 404/) });
    expect(await ingestUrl(ctx, server.url('/logo.png'))).toMatchObject({ status: 'failed', reason: expect.stringMatching(/image\/png, not a web page/) });
    expect(await ingestUrl(ctx, server.url('/feed.xml'))).toMatchObject({ status: 'failed', reason: expect.stringMatching(/is a feed.*feed add/) });
    expect(ctx.store.articles.count()).toBe(0);
  });

  it('refuses loopback when the private-network setting is off', async () => {
    const closed = createWebContext({ allowPrivateNetwork: false });
    try {
      const report = await ingestUrl(closed, server.url('/news/ferry-evening-crossing'));
      expect(report).toMatchObject({ status: 'failed', reason: expect.stringMatching(/refused .* loopback/) });
      expect(server.requests).toHaveLength(0);
    } finally {
      closed.cleanup();
    }
  });
});

describe('URL helpers', () => {
  it('tells URLs from paths', () => {
    expect(isWebUrl('https://example.org/a')).toBe(true);
    expect(isWebUrl('HTTP://example.org')).toBe(true);
    expect(isWebUrl('seeds/http-article.txt')).toBe(false);
    expect(isWebUrl('ftp://example.org/file')).toBe(false);
  });

  it('keeps a canonical link on the same site only, without tracking parameters', () => {
    expect(canonicalUrl('https://news.example/a?id=1&utm_source=x#top', null)).toBe('https://news.example/a?id=1');
    expect(canonicalUrl('https://www.news.example/a?x=1', 'https://news.example/story')).toBe('https://news.example/story');
    expect(canonicalUrl('https://news.example/a', 'https://elsewhere.example/b')).toBe('https://news.example/a');
  });
});

// Every step starts the real CLI, which takes seconds on a busy machine.
describe('quotewire ingest URL (the real CLI)', { timeout: 90_000 }, () => {
  const run = promisify(execFile);
  const cli = (args: string[], env: Record<string, string>) =>
    run(process.execPath, [join(import.meta.dirname, '../../bin/quotewire.js'), 'ingest', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env }, cwd: ctx.dir,
    }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

  it('stores pages given as URLs with one line per page and exit status 0', async () => {
    const db = join(ctx.dir, 'cli.db');
    const env = { QUOTEWIRE_DB: db, QUOTEWIRE_ALLOW_PRIVATE_NETWORK: 'true' };
    const result = await cli([server.url('/news/ferry-evening-crossing'), server.url('/news/signal-box-library')], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`added     ${server.url('/news/ferry-evening-crossing')}`);
    expect(result.stdout).toMatch(/2 added, 0 updated, 0 unchanged, 0 failed/);
    const store = openStore(db);
    expect(store.articles.count()).toBe(2);
    store.close();
  });

  it('exits 1 and says why when a page fails, and refuses loopback by default', async () => {
    const db = join(ctx.dir, 'cli2.db');
    const bad = await cli([server.url('/missing')], { QUOTEWIRE_DB: db, QUOTEWIRE_ALLOW_PRIVATE_NETWORK: 'true' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('failed: ');
    const refused = await cli([server.url('/news/ferry-evening-crossing')], { QUOTEWIRE_DB: db, QUOTEWIRE_ALLOW_PRIVATE_NETWORK: 'false' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/failed: refused .*loopback/);
  });
});
