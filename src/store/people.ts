import type { Person } from '../core/types.ts';
import { foldName } from '../core/text/normalize.ts';
import type { Db } from './db.ts';
import { personFromRow, type StoredPerson } from './rows.ts';

const MAX_TITLES = 12;

/** Turns what a user typed into an FTS5 prefix query over folded name words: "claudia shein" -> all words as prefixes. */
export function namePrefixQuery(text: string): string | null {
  const words = foldName(text).split(' ').filter((w) => w.length > 0);
  return words.length > 0 ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** People: who is quoted. A person exists in the store exactly while at least one stored quote is theirs. */
export function createPeopleStore(db: Db) {
  const byKey = db.prepare('SELECT * FROM people WHERE key = @key');
  const bySurname = db.prepare("SELECT * FROM people WHERE key LIKE '% ' || @key LIMIT 2");
  const insert = db.prepare(
    'INSERT INTO people (key, name, kind, gender, titles) VALUES (@key, @name, @kind, @gender, @titles) RETURNING *',
  );
  const updateTitles = db.prepare('UPDATE people SET titles = @titles, gender = COALESCE(gender, @gender) WHERE id = @id');
  // Deltas are `[[personId, delta], ...]`: one statement per article, however many people it quotes.
  const addToCounts = db.prepare(`UPDATE people SET quote_count = quote_count + (d.value ->> 1)
    FROM json_each(@deltas) AS d WHERE people.id = d.value ->> 0 AND d.value ->> 1 != 0`);
  const dropUnquoted = db.prepare(`DELETE FROM people
    WHERE quote_count = 0 AND id IN (SELECT value ->> 0 FROM json_each(@deltas) WHERE value ->> 1 <= 0)`);
  const byId = db.prepare('SELECT * FROM people WHERE id = @id');
  const search = db.prepare(`
    SELECT p.* FROM people_fts f JOIN people p ON p.id = f.rowid
    WHERE people_fts MATCH @query ORDER BY p.quote_count DESC, p.name LIMIT @limit`);
  const top = db.prepare('SELECT * FROM people WHERE quote_count > 0 ORDER BY quote_count DESC, name LIMIT @limit');
  const names = db.prepare('SELECT id, key, name, quote_count FROM people ORDER BY quote_count DESC LIMIT @limit');
  const count = db.prepare('SELECT count(*) AS n FROM people');

  return {
    /**
     * Finds or creates the stored person for a person of an article, merging by folded name; a lone
     * surname ("Sheinbaum") joins the one stored person with that surname. Must run inside a transaction.
     */
    upsert(person: Pick<Person, 'name' | 'kind' | 'gender' | 'titles'>): number {
      const found = this.byKey(person.name);
      if (!found) {
        const created = insert.get({
          key: foldName(person.name), name: person.name, kind: person.kind, gender: person.gender,
          titles: JSON.stringify(person.titles.slice(0, MAX_TITLES)),
        }) as Record<string, unknown>;
        return created.id as number;
      }
      const merged = [...new Set([...found.titles, ...person.titles])].slice(0, MAX_TITLES);
      if (merged.length !== found.titles.length || (found.gender === null && person.gender)) {
        updateTitles.run({ id: found.id, titles: JSON.stringify(merged), gender: person.gender });
      }
      return found.id;
    },

    /**
     * Adds the change in each person's number of quotes (person id -> +added or -removed) and removes the
     * people left with none. Must run inside a transaction, with the quotes already written or deleted.
     */
    adjustCounts(deltas: Map<number, number>): void {
      if (deltas.size === 0) return;
      const list = [...deltas];
      addToCounts.run({ deltas: JSON.stringify(list) });
      // Only losing quotes can leave someone with none.
      if (list.some(([, delta]) => delta <= 0)) dropUnquoted.run({ deltas: JSON.stringify(list) });
    },

    byId(id: number): StoredPerson | null {
      const row = byId.get({ id }) as Record<string, unknown> | undefined;
      return row ? personFromRow(row) : null;
    },

    /** The person with exactly this name (folded), or the only person with this surname. */
    byKey(name: string): StoredPerson | null {
      const key = foldName(name);
      let row = byKey.get({ key }) as Record<string, unknown> | undefined;
      if (!row && key && !key.includes(' ')) {
        const candidates = bySurname.all({ key }) as Record<string, unknown>[];
        if (candidates.length === 1) row = candidates[0];
      }
      return row ? personFromRow(row) : null;
    },

    /** People whose name words start with the words typed (accent- and case-insensitive), most quoted first. */
    searchByName(text: string, limit = 25): StoredPerson[] {
      const query = namePrefixQuery(text);
      if (!query) return this.top(limit);
      return (search.all({ query, limit }) as Record<string, unknown>[]).map(personFromRow);
    },

    /** The most-quoted people. */
    top(limit = 10): StoredPerson[] {
      return (top.all({ limit }) as Record<string, unknown>[]).map(personFromRow);
    },

    /** Names of the most-quoted people (for "did you mean" suggestions). */
    names(limit = 5000): { id: number; key: string; name: string; quoteCount: number }[] {
      return (names.all({ limit }) as Record<string, unknown>[]).map((r) => ({
        id: r.id as number, key: r.key as string, name: r.name as string, quoteCount: r.quote_count as number,
      }));
    },

    count(): number {
      return (count.get() as { n: number }).n;
    },
  };
}

export type PeopleStore = ReturnType<typeof createPeopleStore>;
