import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/eval/extract.ts';
import { evaluateExtraction, shingleMatching, tokenize } from '../../src/eval/extract-score.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const miniDir = path.join(here, '../fixtures/web/extract-mini');
const sharedScorer = path.resolve(here, '../../../shared/eval/score-extract.mjs');
const hasShared = existsSync(sharedScorer);

async function captured(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  const code = await run(argv);
  log.mockRestore();
  err.mockRestore();
  return { code, out: lines.join('\n') };
}

const figure = (out: string, name: string): number => Number(new RegExp(`^${name}\\s+([0-9.]+)`, 'm').exec(out)?.[1]);

afterEach(() => vi.restoreAllMocks());

describe('extract-score', () => {
  it('tokenizes like Python \\w (letters, digits, underscore; marks split)', () => {
    expect(tokenize("Naïve café_au lait, 2024's")).toEqual(['Naïve', 'café_au', 'lait', '2024', 's']);
    expect(tokenize('')).toEqual([]);
  });

  it('normalises shingle counts per page', () => {
    expect(shingleMatching('a b c d e', 'a b c d e')).toEqual([1, 0, 0]);
    const [tp, fp, fn] = shingleMatching('one two three four five', 'one two three four six');
    expect([tp, fp, fn].map((x) => x.toFixed(4))).toEqual(['0.3333', '0.3333', '0.3333']);
    expect(shingleMatching('short', '')).toEqual([0, 0, 1]);
  });

  it('leaves empty predictions out of precision but counts them against recall', () => {
    const m = evaluateExtraction({ a: { articleBody: 'w x y z' }, b: { articleBody: 'p q r s' } }, { a: { articleBody: 'w x y z' }, b: { articleBody: '' } });
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(0.5);
    expect(m.f1).toBeCloseTo(2 / 3, 10);
  });

  it('rejects predictions for other ids', () => {
    expect(() => evaluateExtraction({ a: { articleBody: 'x' } }, { b: { articleBody: 'x' } })).toThrow(/keys/);
  });

  it.skipIf(!hasShared)('agrees with ../shared/eval/score-extract.mjs on made-up texts', async () => {
    const shared = (await import(sharedScorer)) as { evaluate: (gt: unknown, pred: unknown) => { f1: number; precision: number; recall: number } };
    const gt = { a: { articleBody: 'The ferry left at dawn and the gulls followed it out past the harbour wall.' }, b: { articleBody: 'Short one.' }, c: { articleBody: 'Tide charts are printed weekly in the Thursday edition of the paper.' } };
    const pred = { a: { articleBody: 'Menu Home. The ferry left at dawn and the gulls followed it out.' }, b: { articleBody: 'Short one.' }, c: { articleBody: '' } };
    const mine = evaluateExtraction(gt, pred);
    const theirs = shared.evaluate(gt, pred);
    expect(mine.f1).toBeCloseTo(theirs.f1, 12);
    expect(mine.precision).toBeCloseTo(theirs.precision, 12);
    expect(mine.recall).toBeCloseTo(theirs.recall, 12);
  });
});

describe('eval extract', () => {
  it('scores a folder of pages (.html.gz and .html) and reports speed', async () => {
    const { code, out } = await captured(['--dir', miniDir]);
    expect(code).toBe(0);
    expect(out).toMatch(/^pages\s+3$/m);
    expect(figure(out, 'F1')).toBeGreaterThan(0.3);
    expect(figure(out, 'recall')).toBeLessThan(1);
    expect(out).toMatch(/pages\/s/);
  });

  it('explains bad arguments with exit code 2', async () => {
    expect((await captured([])).code).toBe(2);
    expect((await captured(['--dir', path.join(here, 'no-such-dir')])).out).toMatch(/no ground-truth\.json/);
  });

  it.skipIf(!hasShared)('prints the same F1, precision and recall as the shared scorer on --pred-out', async () => {
    const predOut = path.join(mkdtempSync(path.join(tmpdir(), 'qw-extract-')), 'pred.json');
    const { out } = await captured(['--dir', miniDir, '--pred-out', predOut]);
    expect(Object.keys(JSON.parse(readFileSync(predOut, 'utf8')) as object).sort()).toEqual(['blank', 'library', 'market']);
    const theirs = execFileSync(process.execPath, [sharedScorer, '--gt', path.join(miniDir, 'ground-truth.json'), '--n-bootstrap', '0', predOut], { encoding: 'utf8' });
    const row = theirs.trim().split('\n')[1]?.trim().split(/\s+/) ?? [];
    expect(figure(out, 'F1').toFixed(3)).toBe(row[1]);
    expect(figure(out, 'precision').toFixed(3)).toBe(row[2]);
    expect(figure(out, 'recall').toFixed(3)).toBe(row[3]);
  });
});
