import type { Db } from './db.ts';
import { searchQuery } from './articles.ts';
import { quoteFromRow, type StoredQuote } from './rows.ts';

const QUOTE_SELECT = `
  SELECT q.*, p.name AS person_name, a.title AS article_title, a.date AS article_date, a.url AS article_url
  FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id`;

// Direct and mixed quotes before reported speech, then newest first (q.article_date mirrors a.date; migration 4
// indexes this order per person).
const QUOTE_ORDER = "ORDER BY (q.kind = 'indirect'), q.article_date DESC, q.article_id DESC, q.position";

export interface QuotePage {
  quotes: StoredQuote[];
  total: number;
}

/** Reads of quotes: by person (optionally narrowed to words), by article. */
export function createQuoteStore(db: Db) {
  const byPerson = db.prepare(`${QUOTE_SELECT} WHERE q.person_id = @personId ${QUOTE_ORDER} LIMIT @limit OFFSET @offset`);
  const countByPerson = db.prepare('SELECT count(*) AS n FROM quotes WHERE person_id = @personId');
  const byPersonAbout = db.prepare(`${QUOTE_SELECT}
    WHERE q.person_id = @personId AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @query)
    ${QUOTE_ORDER} LIMIT @limit OFFSET @offset`);
  const countByPersonAbout = db.prepare(`SELECT count(*) AS n FROM quotes
    WHERE person_id = @personId AND id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @query)`);
  const forArticle = db.prepare(`${QUOTE_SELECT} WHERE q.article_id = @articleId ORDER BY q.position`);
  const count = db.prepare('SELECT count(*) AS n FROM quotes');

  return {
    /** One page of a person's quotes; `about` keeps only quotes containing all of its words. */
    byPerson(personId: number, options: { about?: string | null; limit?: number; offset?: number } = {}): QuotePage {
      const limit = options.limit ?? 10;
      const offset = options.offset ?? 0;
      const query = options.about ? searchQuery(options.about) : null;
      if (query) {
        const rows = byPersonAbout.all({ personId, query, limit, offset }) as Record<string, unknown>[];
        return { quotes: rows.map(quoteFromRow), total: (countByPersonAbout.get({ personId, query }) as { n: number }).n };
      }
      const rows = byPerson.all({ personId, limit, offset }) as Record<string, unknown>[];
      return { quotes: rows.map(quoteFromRow), total: (countByPerson.get({ personId }) as { n: number }).n };
    },
    forArticle(articleId: number): StoredQuote[] {
      return (forArticle.all({ articleId }) as Record<string, unknown>[]).map(quoteFromRow);
    },
    count: (): number => (count.get() as { n: number }).n,
  };
}

export type QuoteStore = ReturnType<typeof createQuoteStore>;
