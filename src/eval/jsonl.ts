import { readFileSync, writeFileSync } from 'node:fs';

/** Reads a JSONL file: one JSON value per non-blank line. Throws with the line number on bad JSON. */
export function readJsonl<T>(path: string): T[] {
  const out: T[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (err) {
      throw new Error(`${path}:${i + 1}: ${(err as Error).message}`);
    }
  });
  return out;
}

/** Writes values as JSONL, one per line. */
export function writeJsonl(path: string, rows: unknown[]): void {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
