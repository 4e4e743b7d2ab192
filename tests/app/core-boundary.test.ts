import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the pure-core lint rule', () => {
  it.each([
    "import { Client } from 'discord.js';",
    "import Database from 'better-sqlite3';",
    "import pino from 'pino';",
    "import { readFileSync } from 'node:fs';",
    "import { request } from 'node:https';",
    "import { openStore } from '../store/index.ts';",
  ])('rejects `%s` in src/core', async (line) => {
    expect(await problems(`${line}\nexport const x = 1;\n`, 'src/core/text/example.ts')).toContain('no-restricted-imports');
  });

  it('rejects fetch and process in src/core', async () => {
    expect(await problems('export const f = () => fetch("https://example.org");\n', 'src/core/example.ts')).toContain('no-restricted-globals');
    expect(await problems('export const e = process.env.HOME;\n', 'src/core/example.ts')).toContain('no-restricted-globals');
  });

  it('allows the same imports at the edges', async () => {
    expect(await problems("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'src/ingest/example.ts')).toEqual([]);
  });
});
