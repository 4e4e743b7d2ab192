import { statSync } from 'node:fs';
import { openDatabase, type Db } from './db.ts';
import { createArticleStore } from './articles.ts';
import { createPeopleStore } from './people.ts';
import { createQuoteStore } from './quotes.ts';
import { createSettingsStore } from './settings.ts';
import { createFeedStore } from './feeds.ts';
import { createDigestStore } from './digests.ts';
import { checkpointInBackground, type BackgroundCheckpoints, type CheckpointPacing } from './checkpoints.ts';

export interface StoreStats {
  articles: number;
  people: number;
  quotes: number;
  newestDate: string | null;
  path: string;
  sizeBytes: number;
}

/** Opens the store at `path` (`:memory:` for a private one) with every table group ready to use. */
export function openStore(path: string) {
  const db: Db = openDatabase(path);
  const people = createPeopleStore(db);
  const articles = createArticleStore(db, people);
  const quotes = createQuoteStore(db);
  const settings = createSettingsStore(db);
  return {
    path,
    db,
    articles,
    people,
    quotes,
    settings,
    feeds: createFeedStore(db),
    digests: createDigestStore(db),
    /**
     * Runs `fn` in one write transaction. Writes inside it that are transactions themselves (an article's
     * save) become savepoints: each stays all-or-nothing, and the batch pays for one commit instead of many.
     */
    batch<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
    /** For a long run of writes: checkpoints of the write-ahead log move to a thread of their own until stopped. */
    checkpointInBackground(onError: (message: string) => void, pacing?: CheckpointPacing): BackgroundCheckpoints {
      return checkpointInBackground(db, onError, pacing);
    },
    stats(): StoreStats {
      let sizeBytes = 0;
      if (path !== ':memory:') {
        for (const suffix of ['', '-wal']) {
          try {
            sizeBytes += statSync(path + suffix).size;
          } catch {
            // the WAL file exists only while the store is open for writing
          }
        }
      }
      return {
        articles: articles.count(), people: people.count(), quotes: quotes.count(),
        newestDate: articles.newestDate(), path, sizeBytes,
      };
    },
    close(): void {
      if (db.open) db.close();
    },
  };
}

export type Store = ReturnType<typeof openStore>;
