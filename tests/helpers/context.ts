import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { createLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/index.ts';

/** A context on a real SQLite file in a fresh temporary folder; call `cleanup()` when done. */
export function createTestContext(now = () => new Date('2025-06-01T12:00:00Z')): AppContext & { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'quotewire-test-'));
  const dbPath = join(dir, 'quotewire.db');
  const config = { ...loadConfig({}), dbPath, seedsDir: join(dir, 'seeds') };
  const store = openStore(dbPath);
  return {
    config, store, now, dir,
    log: createLogger('silent', { pretty: false }),
    cleanup: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
