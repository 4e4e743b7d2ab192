import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesContentHash, decodeArticle } from '../../src/ingest/article-file.ts';
import { contentHash, ingestPaths } from '../../src/ingest/files.ts';
import { createTestContext } from '../helpers/context.ts';

const ARTICLE = ` date 2025-04-02 Volunteers plant trees along the river. (Photo by Iris Mendel/Valley Wire)

By Priya Raman

10:15 AM – Wednesday, April 2, 2025

Volunteers planted four hundred trees along the Tamsin river on Wednesday.

"Every one of these will outlive us," organiser Hugo Brandt said.
`;

let ctx: ReturnType<typeof createTestContext>;
let articles: string;
const write = (name: string, content: string | Buffer): string => {
  const path = join(articles, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};

beforeEach(() => {
  ctx = createTestContext();
  articles = join(ctx.dir, 'articles');
  mkdirSync(articles);
});
afterEach(() => ctx.cleanup());

describe('ingesting files', () => {
  it('stores a new article, then reports the unchanged file as unchanged', async () => {
    const path = write('trees.txt', ARTICLE);
    expect(await ingestPaths(ctx, [path])).toMatchObject([{ path, status: 'added' }]);
    expect(await ingestPaths(ctx, [path])).toMatchObject([{ path, status: 'unchanged' }]);
    expect(ctx.store.articles.count()).toBe(1);
    const stored = ctx.store.articles.latest()!;
    expect(stored).toMatchObject({ date: '2025-04-02', author: 'Priya Raman', photoCredit: 'Iris Mendel/Valley Wire' });
  });

  it('replaces the stored version when the same file changes', async () => {
    const path = write('trees.txt', ARTICLE);
    const [first] = await ingestPaths(ctx, [path]);
    write('trees.txt', ARTICLE.replace('four hundred', 'five hundred'));
    const [second] = await ingestPaths(ctx, [path]);
    expect(second).toMatchObject({ status: 'updated', articleId: first!.articleId });
    expect(ctx.store.articles.count()).toBe(1);
    expect(ctx.store.articles.byId(first!.articleId!)!.body).toContain('five hundred');
  });

  it('walks folders recursively, taking .txt and .md files only', async () => {
    write('a.txt', ARTICLE);
    write('nested/deeper/b.md', '# Bridge reopens\n\nThe old bridge reopened on Friday after repairs.');
    write('nested/notes.json', '{"not": "an article"}');
    write('README.md', '# About these files');
    const reports = await ingestPaths(ctx, [articles]);
    expect(reports.map((r) => [r.path.slice(articles.length), r.status])).toEqual([
      ['/a.txt', 'added'],
      ['/nested/deeper/b.md', 'added'],
    ]);
  });

  it('rejects bad files with a clear reason and still stores every good one', async () => {
    write('good.txt', ARTICLE);
    write('empty.txt', '');
    write('blank.txt', '\n\n   \n');
    write('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    write('latin1.txt', Buffer.from('Caf\xe9 society reopens', 'latin1'));
    write('huge.txt', 'word '.repeat(450_000));
    write('bad-date.txt', ' date 2025-02-31 A caption.\n\nBody text.');
    const byName = Object.fromEntries((await ingestPaths(ctx, [articles])).map((r) => [r.path.split('/').pop(), r]));
    expect(byName['good.txt']!.status).toBe('added');
    expect(byName['empty.txt']).toMatchObject({ status: 'failed', reason: 'empty file' });
    expect(byName['blank.txt']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/empty file/) });
    expect(byName['binary.txt']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/binary file/) });
    expect(byName['latin1.txt']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/not UTF-8/) });
    expect(byName['huge.txt']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/limit is 2 MB/) });
    expect(byName['bad-date.txt']).toMatchObject({ status: 'failed', reason: expect.stringMatching(/2025-02-31.*not a real date/) });
    expect(ctx.store.articles.count()).toBe(1);
  });

  it('ingests a large folder on worker threads, batch after batch, in file order, with the same reasons for bad files', async () => {
    // Three batches of the store's, the last one short.
    for (let n = 0; n < 600; n++) {
      const name = `bulk-${String(n).padStart(3, '0')}.txt`;
      if (n === 17) write(name, ' date 2025-02-31 A caption.\n\nBody text.');
      else if (n === 60) write(name, Buffer.from('Caf\xe9 society reopens', 'latin1'));
      else if (n === 90) write(name, '\uFEFF \r\n\t\n');
      else if (n === 150) write(name, '');
      else if (n === 555) write(name, ' date 2025-13-01 A caption.\n\nBody text.');
      else write(name, ARTICLE.replace('four hundred', `${n + 1} hundred`));
    }
    const progress: number[] = [];
    const reports = await ingestPaths(ctx, [articles], (done) => progress.push(done));
    expect(reports.map((r) => r.path.split('/').pop())).toEqual(Array.from({ length: 600 }, (_, n) => `bulk-${String(n).padStart(3, '0')}.txt`));
    expect(reports[17]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/2025-02-31.*not a real date/) });
    expect(reports[60]).toMatchObject({ status: 'failed', reason: 'not UTF-8 text (save it as UTF-8)' });
    expect(reports[90]).toMatchObject({ status: 'failed', reason: 'empty file (only white space)' });
    expect(reports[150]).toMatchObject({ status: 'failed', reason: 'empty file' });
    expect(reports[555]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/2025-13-01/) });
    expect(reports.filter((r) => r.status === 'added')).toHaveLength(595);
    expect(ctx.store.articles.count()).toBe(595);
    expect(ctx.store.articles.byId(reports[599]!.articleId!)!.body).toContain('600 hundred');
    expect(progress).toEqual(Array.from({ length: 600 }, (_, n) => n + 1));
  });

  it('keeps large files to small batches, each stored whole, and reads ahead no further than its limit', async () => {
    const name = (n: number): string => `big-${String(n).padStart(2, '0')}.txt`;
    const text = (n: number): string => ARTICLE.replace('four hundred', `${String(n + 1).padStart(4, '0')} hundred`);
    const size = Buffer.byteLength(text(0)); // every file's
    for (let n = 0; n < 30; n++) write(name(n), text(n));
    // Batches of three files by their bytes, and no more than six files' bytes held at once however many batches.
    const limits = { bytesPerBatch: 3 * size, bytesAhead: 6 * size, batchesAhead: 100 };
    const storedAtProgress: number[] = [];
    const reports = await ingestPaths(ctx, [articles], (done) => {
      storedAtProgress.push(ctx.store.articles.count());
      // Once the first batch is stored, a later file changes: not read yet, it is stored as it is now.
      if (done === 1) write(name(25), ARTICLE.replace('four hundred', 'nine thousand'));
    }, limits);
    expect(storedAtProgress.slice(0, 3)).toEqual([3, 3, 3]);
    expect(reports.map((r) => r.status)).toEqual(Array(30).fill('added'));
    // Each progress report comes after its batch's commit: the store then holds the whole batch and no more.
    expect([...new Set(storedAtProgress)]).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
    expect(ctx.store.articles.byId(reports[25]!.articleId!)!.body).toContain('nine thousand');
  });

  it('reads well ahead of the batch being stored by default', async () => {
    const name = (n: number): string => `small-${String(n).padStart(2, '0')}.txt`;
    for (let n = 0; n < 30; n++) write(name(n), ARTICLE.replace('four hundred', `${n + 1} hundred`));
    const reports = await ingestPaths(ctx, [articles], (done) => {
      if (done === 1) write(name(25), ARTICLE.replace('four hundred', 'nine thousand'));
    }, { filesPerBatch: 10 });
    // Four batches ahead: every file was read before the first batch was stored, and is stored as it was then.
    expect(ctx.store.articles.byId(reports[25]!.articleId!)!.body).toContain('26 hundred');
  });

  it('re-ingests a large folder without losing what the first run reported, and stores what changed', async () => {
    const name = (n: number): string => `bulk-${String(n).padStart(3, '0')}.txt`;
    for (let n = 0; n < 220; n++) write(name(n), ARTICLE.replace('four hundred', `${n + 1} hundred`));
    // The dateline says Thursday for a Wednesday: the warning must be reported again when nothing changed.
    write(name(5), ARTICLE.replace('Wednesday, April 2', 'Thursday, April 2'));
    const first = await ingestPaths(ctx, [articles]);
    expect(first[5]!.warnings).toEqual([expect.stringMatching(/Thursday/)]);
    write(name(30), ARTICLE.replace('four hundred', 'a thousand'));
    ctx.store.articles.remove(first[60]!.articleId!);
    const second = await ingestPaths(ctx, [articles]);
    expect(second.filter((r) => r.status === 'unchanged')).toHaveLength(218);
    expect(second[5]).toMatchObject({ status: 'unchanged', articleId: first[5]!.articleId, title: first[5]!.title, warnings: first[5]!.warnings });
    expect(second[100]).toMatchObject({ status: 'unchanged', articleId: first[100]!.articleId, title: first[100]!.title });
    expect(second[30]).toMatchObject({ status: 'updated', articleId: first[30]!.articleId });
    expect(ctx.store.articles.byId(first[30]!.articleId!)!.body).toContain('a thousand');
    expect(second[60]).toMatchObject({ status: 'added', title: first[60]!.title });
    expect(ctx.store.articles.count()).toBe(220);
    expect(ctx.store.people.byKey('Hugo Brandt')).toMatchObject({ quoteCount: 220 });
  });

  it('stores the good files one by one when the commit of their batch fails', async () => {
    // A constraint checked only at commit: the article about the ferry passes its own savepoint, then makes
    // the whole batch's commit fail, and again its own commit when the files are stored one by one.
    ctx.store.db.exec(`
      CREATE TABLE commit_guard_parent (id INTEGER PRIMARY KEY);
      CREATE TABLE commit_guard (ref INTEGER REFERENCES commit_guard_parent (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER commit_guard_ferry AFTER INSERT ON articles WHEN new.body LIKE '%ferry%' BEGIN
        INSERT INTO commit_guard (ref) VALUES (1);
      END;`);
    const trees = write('a-trees.txt', ARTICLE);
    const ferry = write('b-ferry.txt', ARTICLE.replace('four hundred trees', 'a ferry landing'));
    const bridge = write('c-bridge.txt', ARTICLE.replace('four hundred', 'nine hundred'));
    const reports = await ingestPaths(ctx, [articles]);
    expect(reports).toMatchObject([
      { path: trees, status: 'added' },
      { path: ferry, status: 'failed', reason: expect.stringMatching(/could not be stored: FOREIGN KEY constraint failed/) },
      { path: bridge, status: 'added' },
    ]);
    expect(ctx.store.articles.count()).toBe(2);
    expect(ctx.store.articles.search('hundred').map((hit) => hit.id).sort()).toEqual([reports[0]!.articleId, reports[2]!.articleId].sort());
    expect(ctx.store.people.byKey('Hugo Brandt')).toMatchObject({ quoteCount: 2 });
    expect(await ingestPaths(ctx, [trees, bridge])).toMatchObject([{ status: 'unchanged' }, { status: 'unchanged' }]);
  });

  it('reports a path that does not exist', async () => {
    expect(await ingestPaths(ctx, [join(articles, 'missing.txt')])).toMatchObject([{ status: 'failed', reason: 'no such file or folder' }]);
  });
});

describe('the content hash of a file', () => {
  it('is the hash of its text, byte order mark or not, so that a file read either way is the same content', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.boolean(), (text, bom) => {
        fc.pre(text.trim() !== '');
        const bytes = new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${text}`);
        expect(bytesContentHash(bytes)).toBe(contentHash(decodeArticle(bytes)));
      }),
    );
  });

  it('finds a file stored before as unchanged, whichever way it was hashed then', async () => {
    const path = write('bom.txt', `\uFEFF${ARTICLE.replaceAll('\n', '\r\n')} 🌳`);
    const [first] = await ingestPaths(ctx, [path]);
    expect(ctx.store.articles.withContent(contentHash(decodeArticle(readFileSync(path))))?.id).toBe(first!.articleId);
    expect(await ingestPaths(ctx, [path])).toMatchObject([{ status: 'unchanged', articleId: first!.articleId }]);
  });
});
