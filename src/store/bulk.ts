import type { Db } from './db.ts';
import { rebuildSearchIndexes } from './article-writes.ts';

/** One synthetic article for benchmark stores: quotes refer to people by their index in the names given. */
export interface BulkArticle {
  title: string;
  date: string;
  publishedAt: string | null;
  author: string | null;
  outlet: string | null;
  url: string | null;
  body: string;
  summary: string[];
  gist: string | null;
  quotes: { text: string; kind: 'direct' | 'mixed' | 'indirect'; person: number }[];
}

/**
 * Fills a store fast for benchmarks only (never for real ingest: nothing is parsed, deduplicated or
 * merged). The triggers and secondary indexes of articles and quotes are set aside while the rows go in
 * (their definitions are read back from the schema and recreated unchanged), then the full-text indexes
 * are rebuilt in one pass and quotes counted per person once. Returns the number of articles and quotes.
 */
export function bulkLoad(db: Db, names: string[], articles: Iterable<BulkArticle>, batch = 5000): { articles: number; quotes: number } {
  const insertPerson = db.prepare("INSERT INTO people (key, name, kind, titles) VALUES (@key, @name, 'person', '[]') RETURNING id");
  const insertArticle = db.prepare(`INSERT INTO articles
    (content_hash, title, date, published_at, author, outlet, url, body, summary, gist, ingested_at)
    VALUES (@hash, @title, @date, @publishedAt, @author, @outlet, @url, @body, @summary, @gist, @ingestedAt) RETURNING id`);
  const insertQuote = db.prepare(`INSERT INTO quotes
    (article_id, person_id, position, text, kind, cue, speaker_mention, speaker_kind, start, end)
    VALUES (@articleId, @personId, @position, @text, @kind, 'said', @mention, 'person', 0, 0)`);
  const setDates = db.prepare('UPDATE quotes SET article_date = (SELECT date FROM articles WHERE articles.id = quotes.article_id)');
  const recount = db.prepare(`UPDATE people SET quote_count = counts.n
    FROM (SELECT person_id, count(*) AS n FROM quotes WHERE person_id IS NOT NULL GROUP BY person_id) AS counts
    WHERE people.id = counts.person_id`);

  const personIds = db.transaction(() => names.map((name) => {
    const key = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    return (insertPerson.get({ key, name }) as { id: number }).id;
  }))();

  // A benchmark store can be rebuilt if the machine crashes mid-load: skip the fsyncs.
  // A large page cache keeps the index B-trees in memory while a million rows go in.
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  const setAside = db.prepare(`SELECT type, name, sql FROM sqlite_master
    WHERE tbl_name IN ('articles', 'quotes') AND type IN ('trigger', 'index') AND sql IS NOT NULL`).all() as { type: string; name: string; sql: string }[];
  for (const item of setAside) db.exec(`DROP ${item.type === 'trigger' ? 'TRIGGER' : 'INDEX'} ${item.name}`);
  let articleCount = 0;
  let quoteCount = 0;
  const ingestedAt = new Date().toISOString();
  const write = db.transaction((rows: BulkArticle[]) => {
    for (const a of rows) {
      const { id } = insertArticle.get({
        hash: `bulk-${articleCount++}`, title: a.title, date: a.date, publishedAt: a.publishedAt, author: a.author, outlet: a.outlet,
        url: a.url, body: a.body, summary: JSON.stringify(a.summary), gist: a.gist, ingestedAt,
      }) as { id: number };
      a.quotes.forEach((q, position) => {
        insertQuote.run({ articleId: id, personId: personIds[q.person] ?? null, position, text: q.text, kind: q.kind, mention: names[q.person] ?? null });
        quoteCount++;
      });
    }
  });
  let pending: BulkArticle[] = [];
  for (const a of articles) {
    pending.push(a);
    if (pending.length >= batch) {
      write(pending);
      pending = [];
    }
  }
  if (pending.length) write(pending);
  db.transaction(() => {
    setDates.run();
    rebuildSearchIndexes(db);
    for (const item of setAside) db.exec(item.sql);
    recount.run();
  })();
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma(`cache_size = ${cacheSize}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
  return { articles: articleCount, quotes: quoteCount };
}
