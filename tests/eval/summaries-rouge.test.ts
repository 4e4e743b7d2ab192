import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meanRouge, porterStem, rougeScores, tokenize } from '../../src/eval/rouge.ts';
import { checkGold, run } from '../../src/eval/summaries.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const sharedRouge = path.resolve(here, '../../../shared/eval/rouge.mjs');
const hasShared = existsSync(sharedRouge);

/** Made-up articles and references, one reference sentence per line. */
const GOLD = [
  {
    id: 'a1',
    text: 'The Pellworth ferry will stop running in April after the council voted to sell its boats. Councillors cited repair bills that have tripled since 2021. "We cannot keep paying for boats in dry dock," the council leader said. A petition against the sale gathered 3,000 signatures. A private operator may run a summer service.',
    summary: 'Pellworth ferry to stop in April after council sells boats.\nRepair bills tripled since 2021, councillors said.\nPetition against sale has 3,000 signatures.',
  },
  {
    id: 'a2',
    text: 'A rare white hedgehog was filmed in a garden in Lower Brindle. Retired postman Derek Allum, 71, set up the camera after finding tracks. Experts say few hedgehogs are born with the condition. Mr Allum said it was like seeing a ghost.',
    summary: 'White hedgehog filmed in Lower Brindle garden by retired postman.',
  },
  {
    id: 'a3',
    text: 'Runners crossed the line in record numbers at the harbour marathon on Sunday. The winner finished in two hours and nine minutes. Organisers said 14,000 people took part, up from 11,000 last year.',
    summary: 'Record 14,000 runners took part in the harbour marathon.\nWinner finished in 2:09.',
  },
];

const PREDICTIONS = [
  { id: 'a1', prediction: 'The Pellworth ferry will stop running in April after the council voted to sell its boats.\nCouncillors cited repair bills that have tripled since 2021.' },
  { id: 'a2', prediction: 'A rare white hedgehog was filmed in a garden in Lower Brindle.' },
  { id: 'a3', prediction: '' },
];

async function captured(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  const code = await run(argv);
  vi.restoreAllMocks();
  return { code, out: lines.join('\n') };
}

function writeJsonl(dir: string, name: string, rows: unknown[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

afterEach(() => vi.restoreAllMocks());

describe('ROUGE port', () => {
  it('tokenises and stems as rouge-score does', () => {
    expect(tokenize('The cats are RUNNING, aren’t they?')).toEqual(['the', 'cat', 'are', 'run', 'aren', 't', 'they']);
    const stems: Record<string, string> = { caresses: 'caress', ponies: 'poni', relational: 'relat', generalizations: 'gener', dying: 'die', news: 'news', hopping: 'hop', filing: 'file' };
    for (const [word, stem] of Object.entries(stems)) expect(porterStem(word)).toBe(stem);
  });

  it('scores ROUGE-1/2/L/Lsum like the reference examples', () => {
    const plain = (ref: string, pred: string) => rougeScores(ref, pred, false);
    expect(plain('testing one two', 'testing').rouge1.fmeasure).toBeCloseTo(0.5, 10);
    expect(plain('testing one two', 'testing one').rouge2.fmeasure).toBeCloseTo(2 / 3, 10);
    expect(plain('testing one two', 'testing two').rougeL.fmeasure).toBeCloseTo(0.8, 10);
    const lsum = plain('w1 w2 w3 w4 w5', 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5').rougeLsum;
    expect(lsum.recall).toBeCloseTo(0.8, 10);
    expect(lsum.precision).toBeCloseTo(0.4, 10);
    expect(plain('w1 w2', '').rougeLsum.fmeasure).toBe(0);
  });

  it.skipIf(!hasShared)('agrees with ../shared/eval/rouge.mjs to the decimal on made-up summaries', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qw-rouge-'));
    const data = writeJsonl(dir, 'gold.jsonl', GOLD);
    const pred = writeJsonl(dir, 'pred.jsonl', PREDICTIONS);
    const out = execFileSync(process.execPath, [sharedRouge, '--data', data, '--pred', pred], { encoding: 'utf8' });
    const mine = meanRouge(PREDICTIONS.map((p, i) => rougeScores(GOLD[i]!.summary, p.prediction)));
    for (const type of ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const) {
      const m = new RegExp(`^${type}\\s+P=([0-9.]+) R=([0-9.]+) F=([0-9.]+)`, 'm').exec(out);
      expect(m, type).not.toBeNull();
      expect((100 * mine[type].precision).toFixed(2)).toBe(m![1]);
      expect((100 * mine[type].recall).toFixed(2)).toBe(m![2]);
      expect((100 * mine[type].fmeasure).toFixed(2)).toBe(m![3]);
    }
  });
});

describe('eval summaries command', () => {
  it('prints the system, Lead-3 and the difference, and writes predictions rouge.mjs can read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qw-evalsum-'));
    const gold = writeJsonl(dir, 'gold.jsonl', GOLD);
    const predOut = path.join(dir, 'pred.jsonl');
    const { code, out } = await captured(['--gold', gold, '--pred-out', predOut]);
    expect(code).toBe(0);
    expect(out).toMatch(/Lead-3/);
    expect(out).toMatch(/^\s+rougeLsum\s+[0-9.]+\s+[0-9.]+\s+[+-][0-9.]+/m);
    expect(out).toMatch(/ms per article/);
    const written = readFileSync(predOut, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; prediction: string });
    expect(written.map((w) => w.id)).toEqual(['a1', 'a2', 'a3']);
    expect(written[0]!.prediction.split('\n')[0]).toMatch(/^The Pellworth ferry will stop running/);
    if (hasShared) {
      const shared = execFileSync(process.execPath, [sharedRouge, '--data', gold, '--pred', predOut], { encoding: 'utf8' });
      const theirs = /^rouge1\s+P=[0-9.]+ R=[0-9.]+ F=([0-9.]+)/m.exec(shared)![1];
      const mine = /^all[\s\S]*?^\s+rouge1\s+([0-9.]+)/m.exec(out)![1];
      expect(mine).toBe(theirs);
    }
  });

  it('scores the gist against Lead-1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qw-evalgist-'));
    const { code, out } = await captured(['--gold', writeJsonl(dir, 'gold.jsonl', GOLD), '--field', 'gist']);
    expect(code).toBe(0);
    expect(out).toMatch(/Lead-1/);
  });

  it('explains a bad command line and a bad file', async () => {
    expect((await captured([])).code).toBe(2);
    expect((await captured(['--gold', 'x', '--field', 'title'])).code).toBe(2);
    expect(() => checkGold([{ id: 1, text: 'x', summary: 'y' }, { id: 2, text: 'x' }])).toThrow(/row 2/);
    expect(checkGold([{ id: 7, text: 'x', summary: 'y' }])).toEqual([{ id: '7', text: 'x', summary: 'y' }]);
    expect((await captured(['--gold', '/nonexistent/gold.jsonl'])).code).toBe(1);
  });
});
