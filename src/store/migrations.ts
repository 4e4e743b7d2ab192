import type { Database } from 'better-sqlite3';

/**
 * The store's schema as a numbered, append-only list. Migration N is applied when `user_version` < N,
 * inside a transaction that also records N, so a failed migration leaves the file as it was.
 * Never edit a migration that has shipped: append a new one.
 */
export interface Migration {
  version: number;
  description: string;
  up: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'sources, articles, people, quotes, with full-text search',
    up: `
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('file', 'url', 'feed', 'text')),
        locator TEXT NOT NULL UNIQUE,
        time_zone TEXT NOT NULL DEFAULT 'UTC',
        created_at TEXT NOT NULL
      );

      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
        source_key TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT,
        title_generated INTEGER NOT NULL DEFAULT 0,
        date TEXT,
        published_at TEXT,
        time_zone TEXT NOT NULL DEFAULT 'UTC',
        time_zone_assumed INTEGER NOT NULL DEFAULT 1,
        dateline TEXT,
        author TEXT,
        outlet TEXT,
        caption TEXT,
        photo_credit TEXT,
        url TEXT,
        image_url TEXT,
        body TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '[]',
        gist TEXT,
        warnings TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_by_date ON articles (date DESC, id DESC);
      CREATE INDEX articles_by_ingest ON articles (ingested_at, id);

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation')),
        gender TEXT CHECK (gender IN ('female', 'male')),
        titles TEXT NOT NULL DEFAULT '[]',
        quote_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX people_by_quotes ON people (quote_count DESC, id);

      CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('direct', 'mixed', 'indirect')),
        cue TEXT,
        speaker_mention TEXT,
        speaker_kind TEXT NOT NULL DEFAULT 'unknown' CHECK (speaker_kind IN ('person', 'organisation', 'unknown')),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        segments TEXT NOT NULL DEFAULT '[]',
        speaker_start INTEGER,
        speaker_end INTEGER,
        UNIQUE (article_id, position)
      );
      CREATE INDEX quotes_by_person ON quotes (person_id, article_id);

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
      END;

      CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;

      -- People are found by any word of their folded name ("sheinbaum", "claudia"), by prefix.
      CREATE VIRTUAL TABLE people_fts USING fts5(
        key, content='people', content_rowid='id', prefix='1 2 3', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
        INSERT INTO people_fts (rowid, key) VALUES (new.id, new.key);
      END;
      CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
        INSERT INTO people_fts (people_fts, rowid, key) VALUES ('delete', old.id, old.key);
      END;

      -- Small settings the bot keeps between runs (e.g. the hash of the registered commands).
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'daily digests: subscriptions and runs claimed once per guild and local day',
    up: `
      CREATE TABLE digest_subscriptions (
        guild_id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        time_zone TEXT NOT NULL,
        articles INTEGER NOT NULL DEFAULT 5 CHECK (articles BETWEEN 1 AND 10),
        -- Occurrences due before this instant are not owed (a digest set at 10:00 for 09:00 starts tomorrow).
        active_from TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        paused_reason TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        created_by TEXT,
        updated_at TEXT NOT NULL
      );

      -- One row per guild and local day, inserted (claimed) before posting and completed after.
      CREATE TABLE digest_runs (
        id INTEGER PRIMARY KEY,
        guild_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        due_at TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'empty', 'failed', 'skipped')),
        claimed_by TEXT,
        claimed_at TEXT NOT NULL,
        window_since TEXT,
        window_until TEXT,
        messages_sent INTEGER NOT NULL DEFAULT 0,
        article_count INTEGER,
        finished_at TEXT,
        detail TEXT,
        UNIQUE (guild_id, local_date)
      );
      CREATE INDEX digest_runs_by_guild ON digest_runs (guild_id, due_at DESC);
    `,
  },
  {
    version: 3,
    description: 'feeds with their polling state, and the items already seen in each',
    up: `
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        site_url TEXT,
        interval_minutes INTEGER NOT NULL CHECK (interval_minutes >= 1),
        etag TEXT,
        last_modified TEXT,
        added_at TEXT NOT NULL,
        added_by TEXT,
        next_poll_at TEXT NOT NULL,
        last_polled_at TEXT,
        last_ok_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        paused_at TEXT,
        -- 1 once a first poll succeeded; items of that first poll are stored without being announced.
        primed INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX feeds_due ON feeds (next_poll_at) WHERE paused_at IS NULL;

      -- Every item seen, by the feed's id for it (guid, else link, else a hash): an item stored once is never stored again.
      CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        title TEXT,
        link TEXT,
        stored INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        announced INTEGER NOT NULL DEFAULT 0,
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_id)
      );
      CREATE INDEX feed_items_to_announce ON feed_items (first_seen_at) WHERE announced = 0 AND stored = 1;
    `,
  },
  {
    version: 4,
    description: "quotes keep their article's date (a person's quotes read in order from an index); headline prefix indexes",
    up: `
      -- /quote lists a person's quotes direct first, then newest first; with the date on the quote row
      -- one index walk answers a page instead of sorting every quote of a much-quoted person.
      ALTER TABLE quotes ADD COLUMN article_date TEXT;
      UPDATE quotes SET article_date = (SELECT date FROM articles WHERE articles.id = quotes.article_id);
      CREATE TRIGGER quotes_article_date AFTER INSERT ON quotes BEGIN
        UPDATE quotes SET article_date = (SELECT date FROM articles WHERE id = new.article_id) WHERE id = new.id;
      END;
      CREATE TRIGGER articles_date_to_quotes AFTER UPDATE OF date ON articles BEGIN
        UPDATE quotes SET article_date = new.date WHERE article_id = new.id;
      END;
      CREATE INDEX quotes_by_person_in_order ON quotes (person_id, (kind = 'indirect'), article_date DESC, article_id DESC, position);

      -- Headline autocomplete types two or three letters: prefix indexes make those single-term lookups.
      -- The triggers on articles keep working: they name the table, which is recreated here.
      DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='id', prefix='2 3', tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 5,
    description: "a feed's first-poll backlog is kept out of digests",
    up: `
      -- Articles first stored by a feed's first poll are old news to the community: digests leave them out.
      ALTER TABLE feed_items ADD COLUMN backlog INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX feed_items_backlog ON feed_items (article_id) WHERE backlog = 1;
    `,
  },
  {
    version: 6,
    description: 'quotes are written with their article date (no trigger rewriting each new quote row)',
    up: `
      -- The store now inserts article_date with the quote; the trigger doubled the writes of every ingest.
      DROP TRIGGER quotes_article_date;
    `,
  },
  {
    version: 7,
    description: "an article's quotes are indexed for full-text search in one statement; a redundant index goes",
    up: `
      -- FTS5 pays a high fixed cost per insert statement: the store indexes all quotes of an article at once
      -- (articles.ts) instead of one trigger call per quote, which halved the cost of storing an article.
      DROP TRIGGER quotes_fts_insert;
      -- quotes_by_person_in_order starts with person_id and serves every lookup this one did.
      DROP INDEX quotes_by_person;
    `,
  },
  {
    version: 8,
    description: 'headline prefixes get their own small index; article bodies are indexed without prefixes',
    up: `
      -- Prefix indexes over whole bodies tripled the index work of every stored article, for the sake of
      -- headline autocomplete. Headlines now have their own prefix index; bodies are searched by whole words.
      DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
      CREATE VIRTUAL TABLE titles_fts USING fts5(
        title, content='articles', content_rowid='id', prefix='2 3', tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO titles_fts (titles_fts) VALUES ('rebuild');

      CREATE TRIGGER titles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
      END;
      CREATE TRIGGER titles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
      END;
      CREATE TRIGGER titles_fts_update AFTER UPDATE OF title ON articles BEGIN
        INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
        INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
      END;
    `,
  },
  {
    version: 9,
    description: 'feed items lose the announced state nothing read',
    up: `
      -- Feeds reach people through digests, which leave a feed's backlog out (migration 5).
      DROP INDEX feed_items_to_announce;
      ALTER TABLE feed_items DROP COLUMN announced;
    `,
  },
  {
    version: 10,
    description: "quotes lose their full-text index: /quote about: reads the speaker's own quotes instead",
    up: `
      -- The index cost a fifth of every article's store time and served only /quote about:, which it made
      -- slow: a common word matched a large share of all quotes before the speaker narrowed them down.
      -- quotes.ts now checks the words of the speaker's quotes directly.
      DROP TRIGGER quotes_fts_delete;
      DROP TABLE quotes_fts;
    `,
  },
  {
    version: 11,
    description: 'new and changed articles are indexed for full-text search by the store, a batch at a time',
    up: `
      -- FTS5 writes out its pending entries whenever a later statement of the transaction writes several rows:
      -- indexed by trigger, each article of an ingest batch became a small index segment per table, to be
      -- merged again. articles.ts (article-writes.ts) now indexes what a save or a batch added or changed in
      -- one statement per table, before the commit. Deleting an article still takes it out by trigger.
      DROP TRIGGER articles_fts_insert;
      DROP TRIGGER articles_fts_update;
      DROP TRIGGER titles_fts_insert;
      DROP TRIGGER titles_fts_update;
    `,
  },
  {
    version: 12,
    description: 'quotes are indexed for full-text search again, a batch at a time, for searching every speaker',
    up: `
      -- Migration 10 dropped this index when each article's quotes were indexed in a statement of their own.
      -- Indexed a batch at a time, as articles are (migration 11), it costs about 0.03 ms of an article's store
      -- time, and it finds quotes by their words across every speaker (/quote about: without speaker:).
      -- The store writes it (article-writes.ts), including taking out the quotes of a changed or deleted article.
      CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
    `,
  },
];

/** Applies every migration above the file's `user_version`, each in its own transaction. */
export function migrate(db: Database, list: Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`the store was written by a newer quotewire (schema ${current}, this version knows ${latest})`);
  }
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
