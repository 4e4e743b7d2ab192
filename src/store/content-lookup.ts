import Database from 'better-sqlite3';

/**
 * A read-only view of which article contents a store file holds, for threads other than the one that
 * writes: ingest workers skip analysing a file whose content is stored already. It sees what was committed.
 */
export function openContentLookup(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const find = db.prepare('SELECT 1 FROM articles WHERE content_hash = ?').pluck();
  return {
    has: (contentHash: string): boolean => find.get(contentHash) !== undefined,
    close(): void {
      db.close();
    },
  };
}

export type ContentLookup = ReturnType<typeof openContentLookup>;
