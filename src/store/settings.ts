import type { Db } from './db.ts';

/** Small values the bot keeps between runs, such as the hash of the last registered commands. */
export function createSettingsStore(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = @key');
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get: (key: string): string | null => (get.get({ key }) as { value: string } | undefined)?.value ?? null,
    set: (key: string, value: string): void => void set.run({ key, value }),
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
