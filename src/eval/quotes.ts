/**
 * `quotewire eval quotes --gold FILE [--kinds direct,mixed] [--pred-out FILE] [--bare]`: runs the quote
 * extractor over every article of a gold JSONL (the format of ../shared/eval/quotes-polnear-dev.jsonl)
 * and prints the figures of ../shared/eval/score-quotes.mjs for all quotes and for direct+mixed quotes,
 * then recall and speaker accuracy by cue verb and by pronoun or named speaker.
 * By default each text goes through analyzeText, as users' articles do; `--bare` skips the plain-text
 * parser and reads paragraphs from blank lines.
 */
import type { Quote, Span } from '../core/types.ts';
import { findQuotes } from '../core/quotes/index.ts';
import { splitSentences } from '../core/text/sentences.ts';
import { readJsonl, writeJsonl } from './jsonl.ts';
import { filterKinds, matchQuotes, scoreQuotes, speakerOk, type GoldDoc, type GoldQuote, type QuoteScore, type ScoredSpan } from './quote-score.ts';

interface Args {
  gold: string | null;
  kinds: Set<string> | null;
  predOut: string | null;
  bare: boolean;
}

type Extract = (text: string) => Quote[];

function parseArgs(argv: string[]): Args | string {
  const args: Args = { gold: null, kinds: null, predOut: null, bare: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--gold') args.gold = argv[++i] ?? null;
    else if (a === '--kinds') args.kinds = new Set((argv[++i] ?? '').split(',').filter(Boolean));
    else if (a === '--pred-out') args.predOut = argv[++i] ?? null;
    else if (a === '--bare') args.bare = true;
    else return `unknown argument: ${a}`;
  }
  return args.gold ? args : 'missing --gold FILE';
}

/** Paragraphs from blank lines, or one per line when the text has no blank lines. */
export function bareParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const splitter = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n/g : /\n/g;
  let start = 0;
  for (const m of text.matchAll(splitter)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out.filter((p) => /\S/.test(text.slice(p.start, p.end)));
}

/** Extraction without the plain-text parser. */
export const bareExtract: Extract = (text) => {
  const paragraphs = bareParagraphs(text);
  return findQuotes({ text, paragraphs, sentences: splitSentences(text, paragraphs) }).quotes;
};

/** The extractor users get (analyzeText), or the bare one when the full pipeline is not available. */
async function loadExtractor(bare: boolean): Promise<Extract> {
  if (bare) return bareExtract;
  try {
    const { analyzeText } = await import('../core/analyze.ts');
    return (text) => {
      try {
        return analyzeText(text).quotes;
      } catch {
        return bareExtract(text);
      }
    };
  } catch {
    return bareExtract;
  }
}

const toPred = (q: Quote): ScoredSpan => ({
  start: q.start, end: q.end, segments: q.segments, speaker: q.speakerMention, speakerStart: q.speakerStart, speakerEnd: q.speakerEnd,
});

function printScore(title: string, s: QuoteScore): void {
  const f = (p: { precision: number; recall: number; f1: number }): string => `P ${p.precision.toFixed(1)}  R ${p.recall.toFixed(1)}  F1 ${p.f1.toFixed(1)}`;
  console.log(`${title}: ${s.goldQuotes} gold, ${s.predQuotes} predicted`);
  console.log(`  exact       ${f(s.exact)}`);
  console.log(`  ggt03       ${f(s.ggt03)}  speakerAcc ${s.ggt03.speakerAcc.toFixed(1)}`);
  console.log(`  ggt08       ${f(s.ggt08)}  speakerAcc ${s.ggt08.speakerAcc.toFixed(1)}`);
  console.log(`  endToEnd08  ${f(s.endToEnd08)}`);
}

/** Recall at 80% coverage and speaker accuracy, grouped by a property of the gold quote. */
function breakdown(title: string, gold: GoldDoc[], preds: Map<string, ScoredSpan[]>, kinds: Set<string> | null, group: (q: GoldQuote) => string, limit: number): void {
  const rows = new Map<string, { n: number; found: number; right: number }>();
  for (const doc of gold) {
    const { gold: gq, pred: pq } = filterKinds(doc, preds.get(doc.id) ?? [], kinds);
    const match = matchQuotes(gq, pq, 0.8);
    gq.forEach((q, i) => {
      const key = group(q);
      const row = rows.get(key) ?? { n: 0, found: 0, right: 0 };
      row.n++;
      if (match[i]! >= 0) { row.found++; if (speakerOk(q, pq[match[i]!]!)) row.right++; }
      rows.set(key, row);
    });
  }
  console.log(`${title} (gold n, recall@0.8, speakerAcc on found):`);
  const pct = (a: number, b: number): string => (b ? (100 * a / b).toFixed(1) : '-').padStart(6);
  for (const [key, r] of [...rows].sort((a, b) => b[1].n - a[1].n).slice(0, limit)) {
    console.log(`  ${key.padEnd(18)} ${String(r.n).padStart(5)} ${pct(r.found, r.n)} ${pct(r.right, r.found)}`);
  }
}

/** Runs the quote evaluation; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\nusage: quotewire eval quotes --gold GOLD.jsonl [--kinds direct,mixed] [--pred-out PRED.jsonl] [--bare]`);
    return 2;
  }
  const gold = readJsonl<GoldDoc>(args.gold!);
  const extract = await loadExtractor(args.bare);
  const preds = new Map<string, ScoredSpan[]>();
  const rows: { id: string; quotes: (ScoredSpan & { kind: string; cue: string | null; speakerName: string | null })[] }[] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const doc of gold) {
    const quotes = extract(doc.text);
    preds.set(doc.id, quotes.map(toPred));
    rows.push({ id: doc.id, quotes: quotes.map((q) => ({ ...toPred(q), kind: q.kind, cue: q.cue, speakerName: q.speaker })) });
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (args.predOut) writeJsonl(args.predOut, rows);
  const kindSets: (Set<string> | null)[] = args.kinds ? [args.kinds] : [null, new Set(['direct', 'mixed'])];
  for (const kinds of kindSets) printScore(kinds ? `quotes (${[...kinds].join(',')})` : 'quotes (all)', scoreQuotes(gold, preds, kinds));
  const filter = args.kinds;
  breakdown('by cue', gold, preds, filter, (q) => (q.cue ?? '(none)').toLowerCase(), 20);
  breakdown('by speaker', gold, preds, filter, (q) => (q.speaker == null ? 'no speaker' : q.speakerIsPronoun ? 'pronoun' : 'named'), 5);
  console.log(`${gold.length} articles in ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${(1000 * gold.length / cpuMs).toFixed(0)} articles/s of CPU, first run included)`);
  return 0;
}
