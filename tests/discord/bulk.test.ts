import { expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { bulkLoad, type BulkArticle } from '../../src/store/bulk.ts';

const article = (n: number, quotes: BulkArticle['quotes']): BulkArticle => ({
  title: `Ferry timetable change number ${n}`, date: `2025-01-${String(n).padStart(2, '0')}`, publishedAt: null, author: null, outlet: null,
  url: null, body: `Body of article ${n} about the ferry.`, summary: [`Summary ${n}.`], gist: `Gist ${n}.`, quotes,
});

it('bulk-loads a benchmark store that reads like an ingested one, schema intact', () => {
  const store = openStore(':memory:');
  const schema = (): string[] => (store.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const before = schema();
  const loaded = bulkLoad(store.db, ['Ana Ruiz', 'Bo Lind'], [
    article(1, [{ text: 'old direct words', kind: 'direct', person: 0 }, { text: 'reported words', kind: 'indirect', person: 0 }]),
    article(2, [{ text: 'new direct words', kind: 'direct', person: 0 }, { text: 'other words', kind: 'direct', person: 1 }]),
  ], 1);
  expect(loaded).toEqual({ articles: 2, quotes: 4 });
  expect(schema()).toEqual(before);
  const ana = store.people.byKey('Ana Ruiz')!;
  expect(ana.quoteCount).toBe(3);
  expect(store.quotes.byPerson(ana.id).quotes.map((q) => q.text)).toEqual(['new direct words', 'old direct words', 'reported words']);
  expect(store.quotes.byPerson(ana.id, { about: 'reported' }).total).toBe(1);
  expect(store.articles.searchTitles('ferr', 5).map((a) => a.id)).toEqual([2, 1]);
  expect(store.people.searchByName('lin', 5).map((p) => p.name)).toEqual(['Bo Lind']);
  store.close();
});
