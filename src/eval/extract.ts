/**
 * `quotewire eval extract --dir DIR [--pred-out FILE] [--per-doc]`: runs parseHtml on every DIR/html/<id>.html.gz
 * (or .html) named in DIR/ground-truth.json and prints the benchmark's F1, precision and recall (the same
 * figures as ../shared/eval/score-extract.mjs) and the extraction speed in pages per second.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHtml } from '../core/parse/html.ts';
import { evaluateExtraction } from './extract-score.ts';
import type { ExtractDoc } from './extract-score.ts';

interface Args {
  dir: string | null;
  predOut: string | null;
  perDoc: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { dir: null, predOut: null, perDoc: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dir') args.dir = argv[++i] ?? null;
    else if (a === '--pred-out') args.predOut = argv[++i] ?? null;
    else if (a === '--per-doc') args.perDoc = true;
    else return `unknown argument: ${a}`;
  }
  if (!args.dir) return 'missing --dir DIR';
  return args;
}

function readPage(dir: string, id: string): string | null {
  const gz = path.join(dir, 'html', `${id}.html.gz`);
  if (existsSync(gz)) return gunzipSync(readFileSync(gz)).toString('utf8');
  const plain = path.join(dir, 'html', `${id}.html`);
  return existsSync(plain) ? readFileSync(plain, 'utf8') : null;
}

/** Runs the extraction evaluation; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\nusage: quotewire eval extract --dir DIR [--pred-out PRED.json] [--per-doc]`);
    return 2;
  }
  const dir = args.dir as string;
  const gtPath = path.join(dir, 'ground-truth.json');
  if (!existsSync(gtPath)) {
    console.error(`no ground-truth.json in ${dir}`);
    return 2;
  }
  const groundTruth = JSON.parse(readFileSync(gtPath, 'utf8')) as Record<string, ExtractDoc & { url?: string }>;
  const prediction: Record<string, { articleBody: string }> = {};
  const pages: Array<[string, string]> = [];
  for (const id of Object.keys(groundTruth)) {
    const html = readPage(dir, id);
    if (html === null) {
      console.error(`missing page for ${id}`);
      return 2;
    }
    pages.push([id, html]);
  }
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  for (const [id, html] of pages) {
    prediction[id] = { articleBody: parseHtml(html, { url: groundTruth[id]?.url ?? null }).body };
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (args.predOut) writeFileSync(args.predOut, `${JSON.stringify(prediction)}\n`);
  const m = evaluateExtraction(groundTruth, prediction);
  if (args.perDoc) {
    for (const d of m.perDoc) console.log(`  ${d.id} P=${d.precision.toFixed(3)} R=${d.recall.toFixed(3)} acc=${d.accuracy}`);
  }
  console.log(`pages      ${m.n}`);
  console.log(`F1         ${m.f1.toFixed(3)}  (${m.f1.toFixed(4)})`);
  console.log(`precision  ${m.precision.toFixed(3)}  (${m.precision.toFixed(4)})`);
  console.log(`recall     ${m.recall.toFixed(3)}  (${m.recall.toFixed(4)})`);
  console.log(`accuracy   ${m.accuracy.toFixed(3)}`);
  console.log(`speed      ${(m.n / seconds).toFixed(1)} pages/s (${seconds.toFixed(2)} s wall, parseHtml only; ${(m.n / cpuSeconds).toFixed(1)} pages per CPU second)`);
  return 0;
}
