import { foldName } from '../core/text/normalize.ts';
import { searchQuery, searchWords } from './articles.ts';
import type { Db } from './db.ts';
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

/**
 * True when `text`, case- and accent-folded, contains each of `words` as a whole word, the last one as a
 * word prefix (it may still be being typed): the meaning a full-text query of those words had.
 */
export function hasWords(text: string, words: readonly string[]): boolean {
  const folded = ` ${foldName(text)} `;
  const last = words.length - 1;
  for (let i = 0; i < last; i++) if (!folded.includes(` ${words[i]} `)) return false;
  return last < 0 || folded.includes(` ${words[last]}`);
}

/** Reads of quotes: by person (optionally narrowed to words), by words across everyone, by article. */
export function createQuoteStore(db: Db) {
  // The words arrive as one string per query: split them once, not once per quote.
  let wordsKey = '';
  let words: string[] = [];
  db.function('has_words', { deterministic: true }, (text, joined) => {
    if (joined !== wordsKey) {
      wordsKey = joined as string;
      words = wordsKey.split(' ');
    }
    return hasWords(text as string, words) ? 1 : 0;
  });

  const byPerson = db.prepare(`${QUOTE_SELECT} WHERE q.person_id = @personId ${QUOTE_ORDER} LIMIT @limit OFFSET @offset`);
  const countByPerson = db.prepare('SELECT count(*) AS n FROM quotes WHERE person_id = @personId');
  // A person's quotes are read in order from their index and checked for the words: one pass gives the
  // page and the total. (The full-text index over all quotes is slower here: a common word matches a large
  // share of every quote in the store before the person narrows them down.)
  const idsAbout = db.prepare(`SELECT q.id FROM quotes q WHERE q.person_id = @personId AND has_words(q.text, @words) ${QUOTE_ORDER}`).pluck();
  // Everyone's quotes with the words: found by the full-text index (migration 12), ordered as a person's are.
  // Only attributed quotes: /quote answers who said what.
  const matching = 'FROM quotes_fts f JOIN quotes q ON q.id = f.rowid WHERE quotes_fts MATCH @query AND q.person_id IS NOT NULL';
  const idsMatching = db.prepare(`SELECT q.id ${matching} ${QUOTE_ORDER} LIMIT @limit OFFSET @offset`).pluck();
  const countMatching = db.prepare(`SELECT count(*) ${matching}`).pluck();
  const byIds = db.prepare(`${QUOTE_SELECT} WHERE q.id IN (SELECT value FROM json_each(@ids)) ${QUOTE_ORDER}`);
  const forArticle = db.prepare(`${QUOTE_SELECT} WHERE q.article_id = @articleId ORDER BY q.position`);
  const count = db.prepare('SELECT count(*) AS n FROM quotes');
  /** The quotes with these ids, in QUOTE_ORDER. */
  const withIds = (ids: number[]): StoredQuote[] =>
    ids.length > 0 ? (byIds.all({ ids: JSON.stringify(ids) }) as Record<string, unknown>[]).map(quoteFromRow) : [];

  return {
    /** One page of a person's quotes; `about` keeps only quotes containing all of its words (the last as a prefix). */
    byPerson(personId: number, options: { about?: string | null; limit?: number; offset?: number } = {}): QuotePage {
      const limit = options.limit ?? 10;
      const offset = options.offset ?? 0;
      const about = options.about ? searchWords(options.about) : [];
      if (about.length > 0) {
        const ids = idsAbout.all({ personId, words: about.join(' ') }) as number[];
        return { quotes: withIds(ids.slice(offset, offset + limit)), total: ids.length };
      }
      const rows = byPerson.all({ personId, limit, offset }) as Record<string, unknown>[];
      return { quotes: rows.map(quoteFromRow), total: (countByPerson.get({ personId }) as { n: number }).n };
    },
    /** One page of everyone's attributed quotes containing all the words of `about` (the last as a prefix). */
    search(about: string, options: { limit?: number; offset?: number } = {}): QuotePage {
      const query = searchQuery(about);
      if (!query) return { quotes: [], total: 0 };
      const ids = idsMatching.all({ query, limit: options.limit ?? 10, offset: options.offset ?? 0 }) as number[];
      return { quotes: withIds(ids), total: countMatching.get({ query }) as number };
    },
    forArticle(articleId: number): StoredQuote[] {
      return (forArticle.all({ articleId }) as Record<string, unknown>[]).map(quoteFromRow);
    },
    count: (): number => (count.get() as { n: number }).n,
  };
}

export type QuoteStore = ReturnType<typeof createQuoteStore>;
