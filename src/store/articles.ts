import type { AnalyzedArticle } from '../core/types.ts';
import { foldName } from '../core/text/normalize.ts';
import type { Db } from './db.ts';
import type { PeopleStore } from './people.ts';
import { articleFromRow, type StoredArticle } from './rows.ts';

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

export type SaveStatus = 'added' | 'updated' | 'unchanged';

export interface SaveResult {
  status: SaveStatus;
  articleId: number;
}

export interface ArticleHit {
  id: number;
  title: string | null;
  date: string | null;
  gist: string | null;
  url: string | null;
}

const ARTICLE_COLUMNS = `
  source_id, source_key, content_hash, title, title_generated, date, published_at, time_zone, time_zone_assumed,
  dateline, author, outlet, caption, photo_credit, url, image_url, body, summary, gist, warnings, ingested_at`;

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
  const findSource = db.prepare('SELECT id FROM sources WHERE locator = @locator');
  const insertSource = db.prepare(
    'INSERT INTO sources (kind, locator, time_zone, created_at) VALUES (@kind, @locator, @timeZone, @now) RETURNING id',
  );
  const byHash = db.prepare('SELECT id FROM articles WHERE content_hash = @hash');
  const bySourceKey = db.prepare('SELECT id FROM articles WHERE source_key = @key');
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
  const insertQuote = db.prepare(`INSERT INTO quotes (
    article_id, person_id, position, text, kind, cue, speaker_mention, speaker_kind, start, end, segments, speaker_start, speaker_end,
    article_date
  ) VALUES (
    @articleId, @personId, @position, @text, @kind, @cue, @speakerMention, @speakerKind, @start, @end, @segments, @speakerStart, @speakerEnd,
    @articleDate
  )`);
  const byId = db.prepare('SELECT * FROM articles WHERE id = @id');
  const latest = db.prepare('SELECT * FROM articles ORDER BY date DESC, id DESC LIMIT 1');
  const newestDate = db.prepare('SELECT max(date) AS date FROM articles');
  const count = db.prepare('SELECT count(*) AS n FROM articles');
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

  function sourceId(source: SourceRef | null, now: string): number | null {
    if (!source) return null;
    const found = findSource.get({ locator: source.locator }) as { id: number } | undefined;
    if (found) return found.id;
    const row = insertSource.get({ kind: source.kind, locator: source.locator, timeZone: source.timeZone ?? 'UTC', now }) as { id: number };
    return row.id;
  }

  /** Quotes per person of a stored article, as negative deltas (what deleting its quotes takes away). */
  function removedCounts(articleId: number): Map<number, number> {
    return new Map((quotePeople.all({ id: articleId }) as { id: number; n: number }[]).map((r) => [r.id, -r.n]));
  }

  /** Writes an article's quotes, creating or merging their people; adds each person's new quotes to `counts`. */
  function writeQuotes(articleId: number, article: AnalyzedArticle, counts = new Map<number, number>()): Map<number, number> {
    // People are stored on their first attributed quote, so nobody is stored without one.
    const peopleByName = new Map(article.people.map((p) => [p.name, p]));
    const personIds = new Map<string, number>();
    article.quotes.forEach((q, position) => {
      let personId: number | null = null;
      if (q.speaker && q.speakerKind !== 'unknown') {
        personId = personIds.get(q.speaker) ?? null;
        if (personId === null) {
          const kind = q.speakerKind === 'organisation' ? 'organisation' : 'person';
          personId = people.upsert(peopleByName.get(q.speaker) ?? { name: q.speaker, kind, gender: null, titles: [] });
          personIds.set(q.speaker, personId);
        }
        counts.set(personId, (counts.get(personId) ?? 0) + 1);
      }
      insertQuote.run({
        articleId, personId, position, text: q.text, kind: q.kind, cue: q.cue, speakerMention: q.speakerMention,
        speakerKind: q.speakerKind, start: q.start, end: q.end, segments: JSON.stringify(q.segments),
        speakerStart: q.speakerStart, speakerEnd: q.speakerEnd, articleDate: article.date,
      });
    });
    return counts;
  }

  const save = db.transaction((input: SaveArticleInput): SaveResult => {
    const same = byHash.get({ hash: input.contentHash }) as { id: number } | undefined;
    if (same) return { status: 'unchanged', articleId: same.id };
    const a = input.article;
    const values = {
      sourceId: sourceId(input.source, input.ingestedAt), sourceKey: input.sourceKey, contentHash: input.contentHash,
      title: a.title, titleGenerated: a.titleGenerated ? 1 : 0, date: a.date, publishedAt: a.publishedAt,
      timeZone: a.timeZone, timeZoneAssumed: a.timeZoneAssumed ? 1 : 0, dateline: a.dateline, author: a.author,
      outlet: a.outlet, caption: a.caption, photoCredit: a.photoCredit, url: a.url, imageUrl: a.imageUrl, body: a.body,
      summary: JSON.stringify(a.summary), gist: a.gist, warnings: JSON.stringify(a.warnings), ingestedAt: input.ingestedAt,
    };
    const previous = input.sourceKey ? (bySourceKey.get({ key: input.sourceKey }) as { id: number } | undefined) : undefined;
    if (previous) {
      const counts = removedCounts(previous.id);
      deleteQuotes.run({ id: previous.id });
      updateArticle.run({ ...values, id: previous.id });
      people.adjustCounts(writeQuotes(previous.id, a, counts));
      return { status: 'updated', articleId: previous.id };
    }
    const { id } = insertArticle.get(values) as { id: number };
    people.adjustCounts(writeQuotes(id, a));
    return { status: 'added', articleId: id };
  });

  const remove = db.transaction((id: number): boolean => {
    const counts = removedCounts(id);
    const { changes } = deleteArticleRow.run({ id });
    people.adjustCounts(counts);
    return changes > 0;
  });

  const one = (row: unknown): StoredArticle | null => (row ? articleFromRow(row as Record<string, unknown>) : null);

  return {
    /** Stores an analysed article with its quotes and people in one transaction. */
    save: (input: SaveArticleInput): SaveResult => save.immediate(input),
    /** Deletes an article with its quotes; people left without quotes go too. */
    remove: (id: number): boolean => remove.immediate(id),
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
    count: (): number => (count.get() as { n: number }).n,
    newestDate: (): string | null => (newestDate.get() as { date: string | null }).date,
  };
}

export type ArticleStore = ReturnType<typeof createArticleStore>;
