import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { AnalyzedArticle } from '../../src/core/types.ts';
import { prepareArticle } from '../../src/store/prepared.ts';
import { articleQuoting, makeArticle, makeQuote } from '../helpers/articles.ts';

let dir: string;
let store: Store;
const save = (article = makeArticle(), hash = 'h1', sourceKey: string | null = 'file:/a.txt') =>
  store.articles.save({ article, contentHash: hash, sourceKey, source: { kind: 'file', locator: '/a.txt' }, ingestedAt: '2025-03-09T00:00:00.000Z' });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quotewire-store-'));
  store = openStore(join(dir, 'nested', 'quotewire.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('bring an empty file to the latest schema, with WAL and foreign keys on', () => {
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['sources', 'articles', 'people', 'quotes', 'articles_fts', 'titles_fts', 'people_fts']));
  });

  it('are not applied twice when the store is opened again, and keep the data', () => {
    save();
    store.close();
    store = openStore(join(dir, 'nested', 'quotewire.db'));
    expect(store.articles.count()).toBe(1);
  });

  it('index the quotes of a store written before quotes were searchable (migration 12)', () => {
    save(articleQuoting([['Dana Whitlock', 'The bridge will be finished.']]));
    store.db.exec('DROP TABLE quotes_fts; PRAGMA user_version = 11');
    store.close();
    store = openStore(join(dir, 'nested', 'quotewire.db'));
    expect(store.quotes.search('bridge').quotes.map((q) => q.text)).toEqual(['The bridge will be finished.']);
  });

  it('refuse a file written by a newer version', () => {
    store.db.pragma('user_version = 999');
    store.close();
    expect(() => openStore(join(dir, 'nested', 'quotewire.db'))).toThrow(/newer quotewire/);
    const db = new Database(join(dir, 'nested', 'quotewire.db'));
    db.pragma(`user_version = ${migrations.at(-1)!.version}`);
    db.close();
    store = openStore(join(dir, 'nested', 'quotewire.db'));
  });
});

describe('saving articles', () => {
  it('adds a new article, and reports the same content again as unchanged without writing', () => {
    expect(save().status).toBe('added');
    expect(save().status).toBe('unchanged');
    expect(store.articles.count()).toBe(1);
  });

  it('replaces the old version of the same source, with everything derived from it', () => {
    const first = save(articleQuoting([['Dana Whitlock', 'We will build it.'], ['Luis Ferro', 'Not this year.']]), 'h1');
    const second = save(articleQuoting([['Dana Whitlock', 'It opens in April.']], { title: 'Ferry opens in April' }), 'h2');
    expect(second).toEqual({ status: 'updated', articleId: first.articleId });
    expect(store.articles.byId(first.articleId)!.title).toBe('Ferry opens in April');
    expect(store.quotes.forArticle(first.articleId).map((q) => q.text)).toEqual(['It opens in April.']);
    expect(store.people.byKey('Luis Ferro')).toBeNull(); // no quotes left: no orphan person
    expect(store.people.byKey('Dana Whitlock')!.quoteCount).toBe(1);
  });

  it('leaves nothing half-written when storing fails midway', () => {
    save(articleQuoting([['Dana Whitlock', 'We will build it.']]), 'h1', 'file:/other.txt');
    const broken = articleQuoting([['Luis Ferro', 'First quote.'], ['Luis Ferro', 'Second quote.']]);
    broken.quotes[1] = { ...broken.quotes[1]!, kind: 'shouted' as never }; // violates the schema after the first quote is written
    expect(() => save(broken, 'h2', 'file:/a.txt')).toThrow();
    expect(store.articles.count()).toBe(1);
    expect(store.quotes.count()).toBe(1);
    expect(store.people.byKey('Luis Ferro')).toBeNull();
    const updateBroken = articleQuoting([['Dana Whitlock', 'Changed.'], ['Dana Whitlock', 'Broken.']]);
    updateBroken.quotes[1] = { ...updateBroken.quotes[1]!, kind: 'shouted' as never };
    expect(() => save(updateBroken, 'h3', 'file:/other.txt')).toThrow();
    expect(store.quotes.count()).toBe(1);
    expect(store.people.byKey('Dana Whitlock')!.quoteCount).toBe(1);
  });

  it('stores no person without an attributed quote', () => {
    const article = articleQuoting([['Dana Whitlock', 'We will build it.'], ['Luis Ferro', 'Not this year.']]);
    article.quotes[1] = { ...article.quotes[1]!, speakerKind: 'unknown' };
    save(article);
    expect(store.people.byKey('Luis Ferro')).toBeNull();
    expect(store.people.byKey('Dana Whitlock')!.quoteCount).toBe(1);
  });

  it('keeps the quote search in step when an article is replaced or deleted', () => {
    const about = (words: string) => {
      const person = store.people.byKey('Dana Whitlock');
      return person ? store.quotes.byPerson(person.id, { about: words }).quotes.map((q) => q.text) : [];
    };
    const everyone = (words: string) => store.quotes.search(words).quotes.map((q) => q.text);
    const { articleId } = save(articleQuoting([['Dana Whitlock', 'The bridge will be finished.']]), 'h1');
    expect(about('bridge')).toEqual(['The bridge will be finished.']);
    expect(everyone('bridge')).toEqual(['The bridge will be finished.']);
    save(articleQuoting([['Dana Whitlock', 'The tunnel comes first.']]), 'h2');
    expect(about('bridge')).toEqual([]);
    expect(everyone('bridge')).toEqual([]);
    expect(about('tunnel')).toEqual(['The tunnel comes first.']);
    expect(everyone('tunnel')).toEqual(['The tunnel comes first.']);
    store.articles.remove(articleId);
    expect(about('tunnel')).toEqual([]);
    expect(everyone('tunnel')).toEqual([]);
    expect(store.quotes.count()).toBe(0);
    // Nothing left in the index for quotes that are gone (a query would not show them, the check does).
    expect(() => store.db.prepare("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });

  it('keeps each article all-or-nothing inside a batch: a failed one does not take the others with it', () => {
    const broken = articleQuoting([['Luis Ferro', 'First quote.'], ['Luis Ferro', 'Second quote.']]);
    broken.quotes[1] = { ...broken.quotes[1]!, kind: 'shouted' as never };
    store.batch(() => {
      save(articleQuoting([['Dana Whitlock', 'We will build it.']]), 'h1', 'file:/a.txt');
      expect(() => save(broken, 'h2', 'file:/b.txt')).toThrow();
      save(articleQuoting([['Dana Whitlock', 'It opens in April.']]), 'h3', 'file:/c.txt');
    });
    expect(store.articles.count()).toBe(2);
    expect(store.quotes.count()).toBe(2);
    expect(store.people.byKey('Luis Ferro')).toBeNull();
    expect(store.people.byKey('Dana Whitlock')!.quoteCount).toBe(2);
  });

  it('stores a batch in one transaction, each article all or nothing, searchable once stored', () => {
    const broken = articleQuoting([['Luis Ferro', 'First quote.'], ['Luis Ferro', 'Second quote.']]);
    broken.quotes[1] = { ...broken.quotes[1]!, kind: 'shouted' as never };
    const input = (article: AnalyzedArticle, hash: string, key: string) => ({
      article: prepareArticle(article), contentHash: hash, sourceKey: key, source: { kind: 'file' as const, locator: key }, ingestedAt: '2025-03-09T00:00:00.000Z',
    });
    const results = store.articles.saveMany([
      input(articleQuoting([['Dana Whitlock', 'We will build the bridge.']], { title: 'Bridge vote' }), 'h1', 'file:/a.txt'),
      input(broken, 'h2', 'file:/b.txt'),
      input(articleQuoting([['Dana Whitlock', 'It opens in April.']], { title: 'Ferry timetable', body: 'Boats leave hourly.' }), 'h3', 'file:/c.txt'),
      input(articleQuoting([['Dana Whitlock', 'We will build the bridge.']], { title: 'Bridge vote' }), 'h1', 'file:/d.txt'),
    ]);
    expect(results.map((r) => (r instanceof Error ? 'error' : r.status))).toEqual(['added', 'error', 'added', 'unchanged']);
    expect(store.articles.count()).toBe(2);
    expect(store.people.byKey('Luis Ferro')).toBeNull();
    expect(store.people.byKey('Dana Whitlock')!.quoteCount).toBe(2);
    expect(store.articles.search('hourly').map((h) => h.title)).toEqual(['Ferry timetable']);
    expect(store.articles.searchTitles('bri').map((h) => h.title)).toEqual(['Bridge vote']);
  });

  it('keeps the search indexes exact when one batch stores a source twice, or replaces an article stored before', () => {
    const input = (title: string, body: string, hash: string) => ({
      article: prepareArticle(makeArticle({ title, body })), contentHash: hash, sourceKey: 'file:/a.txt',
      source: { kind: 'file' as const, locator: '/a.txt' }, ingestedAt: '2025-03-09T00:00:00.000Z',
    });
    const statuses = (results: ReturnType<typeof store.articles.saveMany>) => results.map((r) => (r instanceof Error ? r.message : r.status));
    expect(statuses(store.articles.saveMany([input('Lighthouse reopens', 'The lighthouse reopened.', 'h1'), input('Canal dredged', 'The canal was dredged.', 'h2')])))
      .toEqual(['added', 'updated']);
    expect(statuses(store.articles.saveMany([input('Tramway extended', 'The tramway grows.', 'h3')]))).toEqual(['updated']);
    expect(store.articles.search('lighthouse')).toEqual([]);
    expect(store.articles.search('canal')).toEqual([]);
    expect(store.articles.search('tramway').map((h) => h.title)).toEqual(['Tramway extended']);
    expect(store.articles.searchTitles('tra').map((h) => h.title)).toEqual(['Tramway extended']);
    expect(save(makeArticle({ title: 'Ferry resumes', body: 'The ferry sails again.' }), 'h4').status).toBe('updated');
    expect(store.articles.search('tramway')).toEqual([]);
    expect(store.articles.searchTitles('fer').map((h) => h.title)).toEqual(['Ferry resumes']);
    for (const table of ['articles_fts', 'titles_fts']) {
      expect(() => store.db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    }
  });

  it('keeps the quote index exact when one batch stores a source twice, or replaces an article stored before', () => {
    const input = (speaker: string, text: string, hash: string) => ({
      article: prepareArticle(articleQuoting([[speaker, text]])), contentHash: hash, sourceKey: 'file:/a.txt',
      source: { kind: 'file' as const, locator: '/a.txt' }, ingestedAt: '2025-03-09T00:00:00.000Z',
    });
    const everyone = (words: string) => store.quotes.search(words).quotes.map((q) => `${q.speaker}: ${q.text}`);
    // The second version replaces the first before either is indexed: the first's quotes were never in the index.
    store.articles.saveMany([input('Dana Whitlock', 'The lighthouse reopens.', 'h1'), input('Luis Ferro', 'The canal is dredged.', 'h2')]);
    expect(everyone('lighthouse')).toEqual([]);
    expect(everyone('canal')).toEqual(['Luis Ferro: The canal is dredged.']);
    store.articles.saveMany([input('Mira Okafor', 'The tramway grows.', 'h3')]);
    expect(everyone('canal')).toEqual([]);
    expect(everyone('tramway')).toEqual(['Mira Okafor: The tramway grows.']);
    expect(() => store.db.prepare("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });

  it('keeps a person whose quotes move, within one batch, from a changed article to a new one', () => {
    const input = (article: AnalyzedArticle, hash: string, key: string) => ({
      article: prepareArticle(article), contentHash: hash, sourceKey: key, source: { kind: 'file' as const, locator: key }, ingestedAt: '2025-03-09T00:00:00.000Z',
    });
    store.articles.saveMany([input(articleQuoting([['Mira Okafor', 'The pier is safe.']]), 'h1', 'file:/a.txt')]);
    const [added, updated] = store.articles.saveMany([
      input(articleQuoting([['Mira Okafor', 'The pier reopens in May.']]), 'h2', 'file:/b.txt'),
      input(articleQuoting([['Tomas Reyes', 'Inspections are finished.']]), 'h3', 'file:/a.txt'),
    ]);
    expect([added, updated]).toMatchObject([{ status: 'added' }, { status: 'updated' }]);
    expect(store.people.byKey('Mira Okafor')).toMatchObject({ quoteCount: 1 });
    expect(store.people.byKey('Tomas Reyes')).toMatchObject({ quoteCount: 1 });
    expect(store.quotes.forArticle((added as { articleId: number }).articleId)).toMatchObject([{ speaker: 'Mira Okafor' }]);
  });

  it('deletes an article with its quotes and the people left without any', () => {
    const { articleId } = save(articleQuoting([['Dana Whitlock', 'We will build it.']]));
    expect(store.articles.remove(articleId)).toBe(true);
    expect(store.quotes.count()).toBe(0);
    expect(store.people.count()).toBe(0);
    expect(store.articles.search('ferry')).toEqual([]);
  });
});

describe('people', () => {
  beforeEach(() => {
    save(articleQuoting([['Claudia Sheinbaum', 'Sovereignty is not negotiable.'], ['Claudia Sheinbaum', 'We will cooperate.'], ['Anna Kelly', 'Talks went well.']]), 'a', 'k1');
    save(articleQuoting([['Sheinbaum', 'Mexico decides for itself.']], { date: '2025-05-05' }), 'b', 'k2');
  });

  it('merges a person across articles, a lone surname included', () => {
    const person = store.people.byKey('claudia sheinbaum')!;
    expect(person.name).toBe('Claudia Sheinbaum');
    expect(person.quoteCount).toBe(3);
  });

  it('finds people by any name prefix, accent- and case-insensitively, most quoted first', () => {
    for (const typed of ['Sheinbaum', 'claudia sheinbaum', 'Sheínbaum', 'shein', 'CLAU']) {
      expect(store.people.searchByName(typed).map((p) => p.name)).toEqual(['Claudia Sheinbaum']);
    }
    expect(store.people.searchByName('').map((p) => p.name)).toEqual(['Claudia Sheinbaum', 'Anna Kelly']);
  });

  it('lists quotes by person with article headline and date, newest first', () => {
    const person = store.people.byKey('Sheinbaum')!;
    const page = store.quotes.byPerson(person.id, { limit: 2 });
    expect(page.total).toBe(3);
    expect(page.quotes.map((q) => [q.text, q.articleDate])).toEqual([
      ['Mexico decides for itself.', '2025-05-05'],
      ['Sovereignty is not negotiable.', '2025-03-08'],
    ]);
    expect(page.quotes[0]!.speaker).toBe('Claudia Sheinbaum');
  });

  it("searches everyone's quotes by words: accents and case aside, the last word as a prefix, direct first, newest first", () => {
    save(articleQuoting([['Anna Kelly', 'Mexico will get a reply soon.']], { date: '2025-06-01' }), 'c', 'k3');
    const unattributed = articleQuoting([['Nobody Known', 'Mexico waits.']], { date: '2025-07-01' });
    unattributed.quotes[0] = { ...unattributed.quotes[0]!, speaker: null, speakerKind: 'unknown' };
    unattributed.people = [];
    save(unattributed, 'd', 'k4');
    const search = (words: string, options: { limit?: number; offset?: number } = {}) => {
      const page = store.quotes.search(words, options);
      return [page.total, page.quotes.map((q) => `${q.speaker}: ${q.text}`)];
    };
    // The unattributed quote is left out: the search answers who said what.
    expect(search('MÉXICO')).toEqual([2, ['Anna Kelly: Mexico will get a reply soon.', 'Claudia Sheinbaum: Mexico decides for itself.']]);
    expect(search('mexico rep', { limit: 1 })).toEqual([1, ['Anna Kelly: Mexico will get a reply soon.']]);
    expect(search('mex', { limit: 1, offset: 1 })).toEqual([2, ['Claudia Sheinbaum: Mexico decides for itself.']]);
    expect(search('ate')).toEqual([0, []]); // "cooperate" contains it, but no word starts with it
    expect(search('!!')).toEqual([0, []]); // nothing searchable: nothing, not every quote
  });

  it('narrows quotes to words, ignoring accents', () => {
    const person = store.people.byKey('Sheinbaum')!;
    expect(store.quotes.byPerson(person.id, { about: 'soverëignty' }).quotes.map((q) => q.text)).toEqual(['Sovereignty is not negotiable.']);
  });

  it('narrows quotes to whole words, the last one as a prefix, and pages through them', () => {
    const person = store.people.byKey('Sheinbaum')!;
    const about = (words: string, options: { limit?: number; offset?: number } = {}) => {
      const page = store.quotes.byPerson(person.id, { about: words, ...options });
      return [page.total, page.quotes.map((q) => q.text)];
    };
    expect(about('MEXICO decides')).toEqual([1, ['Mexico decides for itself.']]);
    expect(about('we coop')).toEqual([1, ['We will cooperate.']]);
    expect(about('ate')).toEqual([0, []]); // "cooperate" contains it, but no word starts with it
    expect(about('will coop extra')).toEqual([0, []]);
    expect(about('i', { limit: 1 })).toEqual([2, ['Mexico decides for itself.']]); // itself, is
    expect(about('i', { limit: 1, offset: 1 })).toEqual([2, ['Sovereignty is not negotiable.']]);
    expect(about('!!')).toEqual([3, expect.any(Array)]); // nothing searchable: every quote
  });
});

describe('reads for the commands', () => {
  it('finds the latest article by date', () => {
    save(makeArticle({ title: 'Older', date: '2025-01-01' }), 'a', 'k1');
    save(makeArticle({ title: 'Newest', date: '2025-06-01' }), 'b', 'k2');
    save(makeArticle({ title: 'Middle', date: '2025-03-01' }), 'c', 'k3');
    expect(store.articles.latest()!.title).toBe('Newest');
  });

  it('searches headlines and bodies, best match first, with an unusable query giving nothing', () => {
    save(makeArticle({ title: 'Ferry plan approved', body: 'The council approved it.' }), 'a', 'k1');
    save(makeArticle({ title: 'Budget news', body: 'A ferry is mentioned once, in passing.' }), 'b', 'k2');
    expect(store.articles.search('ferry').map((h) => h.title)).toEqual(['Ferry plan approved', 'Budget news']);
    expect(store.articles.search('"*)(')).toEqual([]);
    expect(store.articles.searchTitles('budg').map((h) => h.title)).toEqual(['Budget news']);
  });

  it('keeps quotes with an unresolved speaker without inventing a person', () => {
    save(makeArticle({ quotes: [makeQuote('Nobody knows who said this.', null)] }));
    expect(store.quotes.count()).toBe(1);
    expect(store.people.count()).toBe(0);
  });

  it('reports counts, newest date, path and size', () => {
    save(articleQuoting([['Dana Whitlock', 'We will build it.']]));
    const stats = store.stats();
    expect(stats).toMatchObject({ articles: 1, people: 1, quotes: 1, newestDate: '2025-03-08' });
    expect(stats.sizeBytes).toBeGreaterThan(0);
  });
});
