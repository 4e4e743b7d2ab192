import { foldName } from '../core/text/normalize.ts';
import { createArticleWrites } from './article-writes.ts';
import type { Db } from './db.ts';
import type { PeopleStore } from './people.ts';
import { articleFromRow, type StoredArticle } from './rows.ts';

export type { SaveArticleInput, SavePreparedInput, SaveResult, SaveStatus, SourceRef } from './article-writes.ts';

export interface ArticleHit {
  id: number;
  title: string | null;
  date: string | null;
  gist: string | null;
  url: string | null;
}

/** The folded words of what a user typed, at most 12 ("Soverëignty, now" -> ["sovereignty", "now"]). */
export function searchWords(text: string): string[] {
  return foldName(text).split(' ').filter((w) => w.length > 0).slice(0, 12);
}

/** Turns what a user typed into an FTS5 query: every word must match (as a prefix for the last one). */
export function searchQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/** Articles and everything derived from them (quotes, people counts), written atomically. */
export function createArticleStore(db: Db, people: PeopleStore) {
  const writes = createArticleWrites(db, people);
  const byId = db.prepare('SELECT * FROM articles WHERE id = @id');
  const latest = db.prepare('SELECT * FROM articles ORDER BY date DESC, id DESC LIMIT 1');
  const newestDate = db.prepare('SELECT max(date) AS date FROM articles');
  const count = db.prepare('SELECT count(*) AS n FROM articles');
  const byContent = db.prepare('SELECT id, title, warnings FROM articles WHERE content_hash = @hash');
  const search = db.prepare(`
    SELECT a.id, a.title, a.date, a.gist, a.url FROM articles_fts f JOIN articles a ON a.id = f.rowid
    WHERE articles_fts MATCH @query ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT @limit`);
  // The most recently stored matches (FTS5 walks rowids backwards and stops at the limit, so a two-letter
  // prefix stays fast on a large store), shown newest first.
  const titleSearch = db.prepare(`
    SELECT a.id, a.title, a.date, a.gist, a.url FROM articles a
    WHERE a.id IN (SELECT rowid FROM titles_fts WHERE titles_fts MATCH @query ORDER BY rowid DESC LIMIT @limit)
    ORDER BY a.date DESC, a.id DESC`);
  const recent = db.prepare('SELECT id, title, date, gist, url FROM articles ORDER BY date DESC, id DESC LIMIT @limit');

  const one = (row: unknown): StoredArticle | null => (row ? articleFromRow(row as Record<string, unknown>) : null);

  return {
    ...writes,
    byId: (id: number): StoredArticle | null => one(byId.get({ id })),
    latest: (): StoredArticle | null => one(latest.get()),
    /** Full-text search over headlines and bodies, best matches first. */
    search(text: string, limit = 10): ArticleHit[] {
      const query = searchQuery(text);
      return query ? (search.all({ query, limit }) as ArticleHit[]) : [];
    },
    /** Recently stored articles whose headline words start with what was typed, newest first (for autocomplete). */
    searchTitles(text: string, limit = 25): ArticleHit[] {
      const query = searchQuery(text);
      return query ? (titleSearch.all({ query, limit }) as ArticleHit[]) : (recent.all({ limit }) as ArticleHit[]);
    },
    /** The stored article with exactly this content, if any: what re-ingesting unchanged content reports. */
    withContent(contentHash: string): { id: number; title: string | null; warnings: string[] } | null {
      const row = byContent.get({ hash: contentHash }) as { id: number; title: string | null; warnings: string } | undefined;
      return row ? { id: row.id, title: row.title, warnings: JSON.parse(row.warnings) as string[] } : null;
    },
    count: (): number => (count.get() as { n: number }).n,
    newestDate: (): string | null => (newestDate.get() as { date: string | null }).date,
  };
}

export type ArticleStore = ReturnType<typeof createArticleStore>;
