import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { derivedKind, insideQuoteMask, scoreQuotes, type GoldDoc, type ScoredSpan } from '../../src/eval/quote-score.ts';
import { run } from '../../src/eval/quotes.ts';

// A small fictional gold set in the PolNeAR JSONL shape.
const text = 'Mayor Lena Ortiz said the bridge will reopen in May. “It has taken too long,” she said. The tolls stay, officials said.';
const at = (s: string): { start: number; end: number } => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const gold: GoldDoc[] = [{
  id: 'doc1',
  text,
  quotes: [
    { ...at('the bridge will reopen in May'), kind: 'indirect', speaker: 'Mayor Lena Ortiz', speakerStart: at('Mayor Lena Ortiz').start, speakerEnd: at('Mayor Lena Ortiz').end, cue: 'said', speakerIsPronoun: false },
    { ...at('“It has taken too long,”'), kind: 'direct', speaker: 'she', speakerStart: at('she').start, speakerEnd: at('she').end, cue: 'said', speakerIsPronoun: true },
    { ...at('The tolls stay'), kind: 'indirect', speaker: 'officials', speakerStart: at('officials').start, speakerEnd: at('officials').end, cue: 'said', speakerIsPronoun: false },
  ],
}];

describe('quote scorer', () => {
  it('derives kinds from quotation marks as the shared scorer does', () => {
    const mask = insideQuoteMask(text);
    expect(derivedKind(at('“It has taken too long,”'), text, mask)).toBe('direct');
    expect(derivedKind(at('said the bridge'), text, mask)).toBe('indirect');
    expect(derivedKind({ start: 0, end: at('too long').end }, text, mask)).toBe('mixed');
  });

  it('counts exact, coverage and end-to-end matches', () => {
    const pred: ScoredSpan[] = [
      { ...at('the bridge will reopen in May'), speaker: 'Lena Ortiz', speakerStart: at('Lena Ortiz').start, speakerEnd: at('Lena Ortiz').end },
      // covers 60% of the gold quote: found at 30%, not at 80%
      { start: at('“It has taken').start, end: at('“It has taken').start + 15, speaker: 'she', speakerStart: at('she').start, speakerEnd: at('she').end },
      // the right span with the wrong speaker
      { ...at('The tolls stay'), speaker: 'Ortiz', speakerStart: 0, speakerEnd: 5 },
      { start: 0, end: 5, speaker: null },
    ];
    const s = scoreQuotes(gold, new Map([['doc1', pred]]));
    expect(s.exact).toEqual({ precision: 50, recall: 66.7, f1: 57.1 });
    expect(s.ggt03).toEqual({ precision: 75, recall: 100, f1: 85.7, speakerAcc: 66.7 });
    expect(s.ggt08).toEqual({ precision: 50, recall: 66.7, f1: 57.1, speakerAcc: 50 });
    expect(s.endToEnd08).toEqual({ precision: 25, recall: 33.3, f1: 28.6 });
    const direct = scoreQuotes(gold, new Map([['doc1', pred]]), new Set(['direct', 'mixed']));
    expect(direct.goldQuotes).toBe(1);
    expect(direct.predQuotes).toBe(1);
  });
});

describe('eval quotes command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quotewire-eval-'));
  const goldPath = path.join(dir, 'gold.jsonl');
  writeFileSync(goldPath, gold.map((g) => JSON.stringify(g)).join('\n') + '\n');

  it('prints the figures for all and direct+mixed quotes and writes predictions', async () => {
    const predPath = path.join(dir, 'pred.jsonl');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await run(['--gold', goldPath, '--pred-out', predPath]);
    const out = log.mock.calls.map((c) => String(c[0])).join('\n');
    log.mockRestore();
    expect(code).toBe(0);
    expect(out).toMatch(/quotes \(all\): 3 gold/);
    expect(out).toMatch(/quotes \(direct,mixed\): 1 gold/);
    expect(out).toMatch(/endToEnd08/);
    expect(out).toMatch(/by cue/);
    expect(out).toMatch(/pronoun/);
    const rows = readFileSync(predPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; quotes: unknown[] });
    expect(rows[0]!.id).toBe('doc1');
    expect(rows[0]!.quotes.length).toBeGreaterThanOrEqual(2);
  });

  it('rejects a missing --gold', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await run([])).toBe(2);
    err.mockRestore();
  });

  const shared = path.resolve(import.meta.dirname, '../../../shared/eval/score-quotes.mjs');
  it.skipIf(!existsSync(shared))('agrees with the shared scorer to the decimal', async () => {
    const predPath = path.join(dir, 'pred-shared.jsonl');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await run(['--gold', goldPath, '--pred-out', predPath, '--bare']);
    log.mockRestore();
    const rows = readFileSync(predPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; quotes: ScoredSpan[] });
    const mine = scoreQuotes(gold, new Map(rows.map((r) => [r.id, r.quotes])));
    const theirs = JSON.parse(execFileSync('node', [shared, goldPath, predPath], { encoding: 'utf8' })) as unknown;
    expect(mine).toEqual(theirs);
  });
});
