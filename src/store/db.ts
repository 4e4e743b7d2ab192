import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite file, with WAL, foreign keys, a busy timeout and temporary data in
 * memory, and brings its schema up to date. `:memory:` gives a private in-memory store.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // Each article of an ingest batch is a savepoint: past 64 KB its journal of changed pages would spill to a
  // temporary file, written and read back through the kernel for every article. Kept in memory, it costs a
  // tenth less CPU to store an article.
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}
