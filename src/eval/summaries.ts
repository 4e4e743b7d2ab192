/**
 * `quotewire eval summaries --gold FILE [--field summary|gist] [--pred-out FILE] [--per-doc]`: runs the full
 * analysis (analyzeText) on every `{id, text, summary}` line of FILE and scores the `summary` (or `gist`)
 * with ROUGE-1/2/L/Lsum F1, the same figures as ../shared/eval/rouge.mjs. Lead-3 (Lead-1 for the gist),
 * taken from the same analysed sentences in the same run, is printed beside it with the difference, for the
 * whole file and for each half (a check that a gain is not carried by a few articles). A stronger baseline,
 * the first three (one) sentences left after boilerplate and captions are filtered, is printed too.
 */
import { analyzeText } from '../core/analyze.ts';
import { buildCandidates } from '../core/summary/candidates.ts';
import { splitSentences } from '../core/text/sentences.ts';
import type { AnalyzedArticle } from '../core/types.ts';
import { summarize, type SummaryInput } from '../core/summary/index.ts';
import { readJsonl, writeJsonl } from './jsonl.ts';
import { meanRouge, rougeScores, ROUGE_TYPES, type RougeScores } from './rouge.ts';

type Field = 'summary' | 'gist';

interface Args {
  gold: string;
  field: Field;
  predOut: string | null;
  perDoc: boolean;
}

interface GoldRow {
  id: string;
  text: string;
  summary: string;
}

const USAGE = 'usage: quotewire eval summaries --gold FILE [--field summary|gist] [--pred-out FILE] [--per-doc]';

function parseArgs(argv: string[]): Args | string {
  let gold: string | null = null;
  let field: Field = 'summary';
  let predOut: string | null = null;
  let perDoc = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--gold') gold = argv[++i] ?? null;
    else if (a === '--field') {
      const f = argv[++i];
      if (f !== 'summary' && f !== 'gist') return `--field must be summary or gist, not ${f ?? 'nothing'}`;
      field = f;
    } else if (a === '--pred-out') predOut = argv[++i] ?? null;
    else if (a === '--per-doc') perDoc = true;
    else return `unknown argument: ${a}`;
  }
  if (!gold) return 'missing --gold FILE';
  return { gold, field, predOut, perDoc };
}

/** Checks that every value is an `{id, text, summary}` object; the error names the first bad row (1-based). */
export function checkGold(values: unknown[]): GoldRow[] {
  return values.map((v, i) => {
    const row = v as Partial<GoldRow> & { id?: unknown };
    if (row === null || typeof row !== 'object' || row.id === undefined || typeof row.text !== 'string' || typeof row.summary !== 'string') {
      throw new Error(`row ${i + 1}: expected {id, text, summary}`);
    }
    return { id: String(row.id), text: row.text, summary: row.summary };
  });
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}`.padStart(6);

function table(title: string, system: RougeScores, lead: RougeScores, clean: RougeScores, leadName: string, n: number): string[] {
  const head = ['system', leadName, 'diff', `${leadName}*`, 'diff*'].map((h) => h.padStart(9)).join('');
  const lines = [`${title} (n=${n})`, `  ${'F1 x100'.padEnd(10)}${head}`];
  for (const t of ROUGE_TYPES) {
    const cells = [pct(system[t].fmeasure), pct(lead[t].fmeasure), signed(system[t].fmeasure - lead[t].fmeasure), pct(clean[t].fmeasure), signed(system[t].fmeasure - clean[t].fmeasure)];
    lines.push(`  ${t.padEnd(10)}${cells.map((c) => c.padStart(9)).join('')}`);
  }
  return lines;
}

/** Runs the summary evaluation; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  let rows: GoldRow[];
  try {
    rows = checkGold(readJsonl<unknown>(args.gold));
  } catch (error) {
    console.error(`cannot read ${args.gold}: ${(error as Error).message}`);
    return 1;
  }
  const leadCount = args.field === 'summary' ? 3 : 1;
  const leadName = `Lead-${leadCount}`;
  const system: RougeScores[] = [];
  const lead: RougeScores[] = [];
  const cleanLead: RougeScores[] = [];
  const predictions: string[] = [];
  const inputs: SummaryInput[] = [];
  const failures: string[] = [];
  let analyzeMs = 0;
  for (const row of rows) {
    const t = performance.now();
    let article: Pick<AnalyzedArticle, 'paragraphs' | 'sentences' | 'title' | 'quotes' | 'people' | 'summary' | 'gist'>;
    try {
      article = analyzeText(row.text);
    } catch (error) {
      // Scored anyway, as one paragraph of body text, so one odd article does not stop the run.
      failures.push(`${row.id}: ${(error as Error).message}`);
      const paragraphs = [{ start: 0, end: row.text.length }];
      const sentences = splitSentences(row.text, paragraphs);
      article = { paragraphs, sentences, title: null, quotes: [], people: [], ...summarize({ text: row.text, paragraphs, sentences, title: null, quotes: [], people: [] }) };
    }
    analyzeMs += performance.now() - t;
    inputs.push({ text: row.text, paragraphs: article.paragraphs, sentences: article.sentences, title: article.title, quotes: article.quotes, people: article.people });
    const prediction = args.field === 'summary' ? article.summary.join('\n') : (article.gist ?? '');
    const leadText = article.sentences.slice(0, leadCount).map((s) => row.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()).join('\n');
    predictions.push(prediction);
    system.push(rougeScores(row.summary, prediction));
    lead.push(rougeScores(row.summary, leadText));
    const cleanText = buildCandidates(row.text, article.sentences).slice(0, leadCount).map((c) => c.text).join('\n');
    cleanLead.push(rougeScores(row.summary, cleanText));
    if (args.perDoc) {
      const d = system.at(-1)!.rouge1.fmeasure - lead.at(-1)!.rouge1.fmeasure;
      console.log(`${row.id}\tR1 ${pct(system.at(-1)!.rouge1.fmeasure)}\t${leadName} ${pct(lead.at(-1)!.rouge1.fmeasure)}\t${signed(d)}`);
    }
  }
  // The summariser alone, timed warm over three passes.
  const t = performance.now();
  for (let pass = 0; pass < 3; pass++) for (const input of inputs) summarize(input);
  const summarizeMs = (performance.now() - t) / 3;
  if (args.predOut) {
    writeJsonl(args.predOut, rows.map((r, i) => ({ id: r.id, prediction: predictions[i] })));
  }
  const half = Math.ceil(rows.length / 2);
  const out = [
    `quotewire eval summaries: ${args.gold}, field ${args.field}`,
    ...table('all', meanRouge(system), meanRouge(lead), meanRouge(cleanLead), leadName, rows.length),
  ];
  if (rows.length >= 4) {
    const part = (xs: RougeScores[], a: number, b?: number): RougeScores => meanRouge(xs.slice(a, b));
    out.push(...table('first half', part(system, 0, half), part(lead, 0, half), part(cleanLead, 0, half), leadName, half));
    out.push(...table('second half', part(system, half), part(lead, half), part(cleanLead, half), leadName, rows.length - half));
  }
  out.push(`${leadName}: the first ${leadCount} sentence(s) as split; ${leadName}*: the first ${leadCount} left after boilerplate and captions are filtered`);
  const n = Math.max(rows.length, 1);
  out.push(`speed: ${(analyzeMs / n).toFixed(2)} ms per article for the whole analysis, ${(summarizeMs / n).toFixed(2)} ms for the summariser alone`);
  if (failures.length) out.push(`${failures.length} article(s) could not be parsed with their header and were read as body text: ${failures.slice(0, 3).join('; ')}`);
  if (args.predOut) out.push(`predictions: ${args.predOut} (check with node ../shared/eval/rouge.mjs --data ${args.gold} --pred ${args.predOut})`);
  console.log(out.join('\n'));
  return 0;
}
