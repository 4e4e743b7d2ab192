import type { AnalyzedArticle } from '../core/types.ts';
import type Database from 'better-sqlite3';
import type { Db } from './db.ts';
import type { PeopleStore } from './people.ts';
import { prepareArticle, QUOTE_FIELDS, unpackQuotes, type PreparedArticle } from './prepared.ts';

export interface SourceRef {
  kind: 'file' | 'url' | 'feed' | 'text';
  /** Identifies the source: an absolute file path, a page or feed URL. */
  locator: string;
  timeZone?: string;
}

export interface SaveArticleInput {
  article: AnalyzedArticle;
  /** Hash of the content as read; the same content is never stored twice. */
  contentHash: string;
  /** Where this article comes from (a file path, a feed item id): new content from the same key replaces the old. */
  sourceKey: string | null;
  source: SourceRef | null;
  ingestedAt: string;
}

/** What `savePrepared` and `saveMany` take: the article already turned into the store's values. */
export type SavePreparedInput = Omit<SaveArticleInput, 'article'> & { article: PreparedArticle };

export type SaveStatus = 'added' | 'updated' | 'unchanged';

export interface SaveResult {
  status: SaveStatus;
  articleId: number;
}

/** A new or changed article written; `added` are the quotes per person a new article adds, not counted yet. */
interface WriteOutcome {
  status: 'added' | 'updated';
  articleId: number;
  added: Map<number, number> | null;
}

/** Columns of a quote row: article, person and position, the prepared fields but the speaker, the date. */
const QUOTE_COLUMNS = 3 + QUOTE_FIELDS.length - 1 + 1;
/** Rows per quote statement: a statement per article in practice, well inside SQLite's parameter limit. */
const QUOTES_PER_STATEMENT = 50;

const ARTICLE_COLUMNS = `
  source_id, source_key, content_hash, title, title_generated, date, published_at, time_zone, time_zone_assumed,
  dateline, author, outlet, caption, photo_credit, url, image_url, body, summary, gist, warnings, ingested_at`;

/**
 * Indexes every stored headline, body and quote for full-text search anew: for bulk loaders that write the
 * tables directly, since the store's writes index what they add themselves (migrations 11 and 12).
 */
export function rebuildSearchIndexes(db: Db): void {
  for (const table of ['articles_fts', 'titles_fts', 'quotes_fts']) db.exec(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`);
}

/**
 * Writes of articles with their quotes and people. Each article is written all or nothing. Its headline,
 * body and quotes go into the full-text indexes in a step of their own (migrations 11, 12): once per call of `save`,
 * once per batch for `saveMany`.
 */
export function createArticleWrites(db: Db, people: PeopleStore) {
  const insertSource = db.prepare(`INSERT INTO sources (kind, locator, time_zone, created_at)
    VALUES (@kind, @locator, @timeZone, @now) ON CONFLICT (locator) DO NOTHING RETURNING id`);
  const findSource = db.prepare('SELECT id FROM sources WHERE locator = @locator');
  const existing = db.prepare(`SELECT (SELECT id FROM articles WHERE content_hash = @hash) AS same,
    (SELECT id FROM articles WHERE source_key = @key) AS previous`);
  const insertArticle = db.prepare(`INSERT INTO articles (${ARTICLE_COLUMNS}) VALUES (
    @sourceId, @sourceKey, @contentHash, @title, @titleGenerated, @date, @publishedAt, @timeZone, @timeZoneAssumed,
    @dateline, @author, @outlet, @caption, @photoCredit, @url, @imageUrl, @body, @summary, @gist, @warnings, @ingestedAt
  ) RETURNING id`);
  const updateArticle = db.prepare(`UPDATE articles SET
    source_id = @sourceId, content_hash = @contentHash, title = @title, title_generated = @titleGenerated, date = @date,
    published_at = @publishedAt, time_zone = @timeZone, time_zone_assumed = @timeZoneAssumed, dateline = @dateline,
    author = @author, outlet = @outlet, caption = @caption, photo_credit = @photoCredit, url = @url, image_url = @imageUrl,
    body = @body, summary = @summary, gist = @gist, warnings = @warnings, ingested_at = @ingestedAt
    WHERE id = @id`);
  const quotePeople = db.prepare('SELECT person_id AS id, count(*) AS n FROM quotes WHERE article_id = @id AND person_id IS NOT NULL GROUP BY person_id');
  const deleteQuotes = db.prepare('DELETE FROM quotes WHERE article_id = @id');
  const deleteArticleRow = db.prepare('DELETE FROM articles WHERE id = @id');
  // All quotes of an article in one statement (a few for very many quotes), one prepared per number of rows.
  const insertQuoteRows: Database.Statement[] = [];
  const insertQuotesStatement = (rows: number): Database.Statement => {
    insertQuoteRows[rows] ??= db.prepare(`INSERT INTO quotes (
      article_id, person_id, position, text, kind, cue, speaker_mention, speaker_kind, start, end, segments, speaker_start, speaker_end,
      article_date
    ) VALUES ${Array.from({ length: rows }, () => `(${Array(QUOTE_COLUMNS).fill('?').join(', ')})`).join(', ')}`);
    return insertQuoteRows[rows];
  };
  // The full-text indexes are written here rather than by triggers (migration 11). FTS5 writes out what it
  // has pending whenever a later statement of the transaction writes several rows (each article's quotes):
  // indexing per article made it write, and then merge, a small index segment per article and table.
  const indexArticles = db.prepare(`INSERT INTO articles_fts (rowid, title, body)
    SELECT id, title, body FROM articles WHERE id IN (SELECT value FROM json_each(@ids))`);
  const indexTitles = db.prepare(`INSERT INTO titles_fts (rowid, title)
    SELECT id, title FROM articles WHERE id IN (SELECT value FROM json_each(@ids))`);
  const unindexArticle = db.prepare(`INSERT INTO articles_fts (articles_fts, rowid, title, body)
    SELECT 'delete', id, title, body FROM articles WHERE id = @id`);
  const unindexTitle = db.prepare(`INSERT INTO titles_fts (titles_fts, rowid, title)
    SELECT 'delete', id, title FROM articles WHERE id = @id`);
  // Quotes are indexed like articles, a batch at a time (migration 12), and taken out by the store as well: a
  // trigger would also take out the quotes of an article not indexed yet, which corrupts an FTS5 index.
  const indexQuotes = db.prepare(`INSERT INTO quotes_fts (rowid, text)
    SELECT id, text FROM quotes WHERE article_id IN (SELECT value FROM json_each(@ids))`);
  const unindexQuotes = db.prepare(`INSERT INTO quotes_fts (quotes_fts, rowid, text)
    SELECT 'delete', id, text FROM quotes WHERE article_id = @id`);

  function sourceId(source: SourceRef | null, now: string): number | null {
    if (!source) return null;
    const created = insertSource.get({ kind: source.kind, locator: source.locator, timeZone: source.timeZone ?? 'UTC', now }) as { id: number } | undefined;
    return created?.id ?? (findSource.get({ locator: source.locator }) as { id: number }).id;
  }

  /** Quotes per person of a stored article, as negative deltas (what deleting its quotes takes away). */
  function removedCounts(articleId: number): Map<number, number> {
    return new Map((quotePeople.all({ id: articleId }) as { id: number; n: number }[]).map((r) => [r.id, -r.n]));
  }

  /** Writes an article's quotes, creating or merging their people; adds each person's new quotes to `counts`. */
  function writeQuotes(articleId: number, article: PreparedArticle, counts = new Map<number, number>()): Map<number, number> {
    // People are stored on their first attributed quote, so nobody is stored without one.
    const personIds = article.speakers.map((speaker) => {
      const id = people.upsert(speaker);
      counts.set(id, (counts.get(id) ?? 0) + speaker.quotes);
      return id;
    });
    const values = unpackQuotes(article.quotes);
    const perQuote = QUOTE_FIELDS.length;
    for (let first = 0; first < article.quotes.count; first += QUOTES_PER_STATEMENT) {
      const rows = Math.min(QUOTES_PER_STATEMENT, article.quotes.count - first);
      const args: (string | number | null)[] = [];
      for (let position = first; position < first + rows; position++) {
        const at = position * perQuote;
        const speaker = values[at] as number | null;
        args.push(articleId, speaker === null ? null : personIds[speaker]!, position);
        for (let k = 1; k < perQuote; k++) args.push(values[at + k]!);
        args.push(article.date);
      }
      insertQuotesStatement(rows).run(args);
    }
    return counts;
  }

  /** Whether this content is stored already (`same`), and the article it replaces from the same source (`previous`). */
  function lookUp(input: SavePreparedInput): { same: number | null; previous: number | null } {
    return existing.get({ hash: input.contentHash, key: input.sourceKey }) as { same: number | null; previous: number | null };
  }

  /**
   * Writes one new or changed article inside the caller's transaction, except for its full-text
   * entries (the caller indexes `articleId`) and, for a new article, the quotes it adds to its people's
   * counts (`added`, for the caller to apply). `unindexed` are the ids written earlier in the same
   * transaction and not indexed yet (they have no entries to take out when they change again).
   */
  function writeArticle(input: SavePreparedInput, previous: number | null, unindexed: ReadonlySet<number>): WriteOutcome {
    const { quotes: _quotes, speakers: _speakers, ...columns } = input.article;
    const values = {
      ...columns, sourceId: sourceId(input.source, input.ingestedAt), sourceKey: input.sourceKey, contentHash: input.contentHash,
      ingestedAt: input.ingestedAt,
    };
    if (previous !== null) {
      const id = previous;
      const counts = removedCounts(id);
      if (!unindexed.has(id)) {
        unindexArticle.run({ id });
        unindexTitle.run({ id });
        unindexQuotes.run({ id });
      }
      deleteQuotes.run({ id });
      updateArticle.run({ ...values, id });
      people.adjustCounts(writeQuotes(id, input.article, counts));
      return { status: 'updated', articleId: id, added: null };
    }
    const { id } = insertArticle.get(values) as { id: number };
    return { status: 'added', articleId: id, added: writeQuotes(id, input.article) };
  }
  /** `writeArticle` as a savepoint: an article that fails leaves nothing of itself behind, and the transaction goes on. */
  const writeArticleAlone = db.transaction(writeArticle);

  function index(ids: number[]): void {
    if (ids.length === 0) return;
    const json = JSON.stringify(ids);
    indexArticles.run({ ids: json });
    indexTitles.run({ ids: json });
    indexQuotes.run({ ids: json });
  }

  const saveOne = db.transaction((input: SavePreparedInput): SaveResult => {
    const found = lookUp(input);
    if (found.same !== null) return { status: 'unchanged', articleId: found.same };
    const { added, ...result } = writeArticle(input, found.previous, new Set());
    if (added) people.adjustCounts(added);
    index([result.articleId]);
    return result;
  });

  /**
   * Stores a batch in the current transaction with `write` for each article. An article's error is its
   * result when `write` isolates articles (a savepoint each); otherwise it ends the whole batch.
   */
  function writeBatch(inputs: SavePreparedInput[], write: typeof writeArticle, isolated: boolean): (SaveResult | Error)[] {
    const unindexed = new Set<number>();
    // The quotes new articles add to people's counts, applied once for the batch rather than per article;
    // before a changed article takes its old quotes away, so that it finds every count up to date.
    const added = new Map<number, number>();
    const applyAdded = (): void => {
      people.adjustCounts(added);
      added.clear();
    };
    const results = inputs.map((input): SaveResult | Error => {
      try {
        const found = lookUp(input);
        if (found.same !== null) return { status: 'unchanged', articleId: found.same };
        if (found.previous !== null) applyAdded();
        const outcome = write(input, found.previous, unindexed);
        unindexed.add(outcome.articleId);
        for (const [personId, n] of outcome.added ?? []) added.set(personId, (added.get(personId) ?? 0) + n);
        return { status: outcome.status, articleId: outcome.articleId };
      } catch (error) {
        // Some failures (a full disk, an I/O error) end the whole transaction, not just the savepoint:
        // nothing of the batch is kept then, and going on would write the rest outside any transaction.
        if (!isolated || !db.inTransaction) throw error;
        return error instanceof Error ? error : new Error(String(error));
      }
    });
    applyAdded();
    index([...unindexed]);
    return results;
  }

  // A savepoint per article costs a tenth of the time of storing it, and articles almost never fail: a
  // batch is first written without them, and only if one of its articles fails is it written again with them.
  const saveManyAtOnce = db.transaction((inputs: SavePreparedInput[]) => writeBatch(inputs, writeArticle, false));
  const saveManyIsolated = db.transaction((inputs: SavePreparedInput[]) => writeBatch(inputs, writeArticleAlone, true));

  const remove = db.transaction((id: number): boolean => {
    const counts = removedCounts(id);
    unindexQuotes.run({ id }); // the article's own index entries go by trigger, with its row
    const { changes } = deleteArticleRow.run({ id });
    people.adjustCounts(counts);
    return changes > 0;
  });

  return {
    /** Stores an analysed article with its quotes and people in one transaction. */
    save: (input: SaveArticleInput): SaveResult => saveOne.immediate({ ...input, article: prepareArticle(input.article) }),
    /** `save` for an article already prepared for the store (on an analysis worker, say). */
    savePrepared: (input: SavePreparedInput): SaveResult => saveOne.immediate(input),
    /**
     * Stores many prepared articles in one transaction, each all or nothing: an article that cannot be
     * stored gives its error in its place and the others are kept. Throws, keeping none, only if the
     * transaction itself fails (a full disk, say).
     */
    saveMany(inputs: SavePreparedInput[]): (SaveResult | Error)[] {
      try {
        return saveManyAtOnce.immediate(inputs);
      } catch {
        // Rolled back whole: written again article by article, the failing ones give their errors in place.
        return saveManyIsolated.immediate(inputs);
      }
    },
    /** Deletes an article with its quotes; people left without quotes go too. */
    remove: (id: number): boolean => remove.immediate(id),
  };
}
