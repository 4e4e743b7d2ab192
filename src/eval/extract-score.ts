/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark, evaluate.py), as
 * ported by ../shared/eval/score-extract.mjs: 4-word shingles of \w+ tokens per page, precision and recall
 * averaged over pages, F1 from the two averages. An empty prediction counts against recall only.
 */

export interface ExtractDoc {
  articleBody?: string | null;
}

export interface DocScore {
  id: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  accuracy: number;
}

export interface ExtractMetrics {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  n: number;
  perDoc: DocScore[];
}

type Counts = [tp: number, fp: number, fn: number];

// Python's str-pattern \w: letters, numbers and "_"; combining marks split tokens.
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

/** Splits text into the benchmark's tokens. */
export function tokenize(text: string | null | undefined): string[] {
  if (!text) return [];
  return text.match(TOKEN_RE) ?? [];
}

function shingles(tokens: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const sh = tokens.slice(i, i + n);
    if (sh.length === 0) continue;
    const key = sh.join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Normalised [tp, fp, fn] of one page: shingle counts divided by their sum. */
export function shingleMatching(trueText: string, predText: string, n = 4): Counts {
  const t = shingles(tokenize(trueText), n);
  const p = shingles(tokenize(predText), n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

function precisionOf([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function accuracyOf(trueText: string, predText: string): number {
  const a = tokenize(trueText);
  const b = tokenize(predText);
  return a.length === b.length && a.every((x, i) => x === b[i]) ? 1 : 0;
}

/**
 * Scores predictions against the ground truth. Throws when the ids differ, unless `allowMissing`.
 */
export function evaluateExtraction(
  groundTruth: Record<string, ExtractDoc>,
  prediction: Record<string, ExtractDoc>,
  options: { allowMissing?: boolean } = {},
): ExtractMetrics {
  const ids = Object.keys(groundTruth);
  const predIds = new Set(Object.keys(prediction));
  if (!options.allowMissing && (ids.length !== predIds.size || !ids.every((k) => predIds.has(k)))) {
    throw new Error('prediction keys do not match ground truth');
  }
  const all: Counts[] = [];
  const perDoc: DocScore[] = [];
  for (const id of ids) {
    const t = groundTruth[id]?.articleBody ?? '';
    const p = prediction[id]?.articleBody ?? '';
    const m = shingleMatching(t, p);
    all.push(m);
    const accuracy = accuracyOf(t, p);
    perDoc.push({ id, tp: m[0], fp: m[1], fn: m[2], precision: precisionOf(m), recall: recallOf(m), accuracy });
  }
  const precision = mean(all.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(all.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  const f1 = (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, accuracy: mean(perDoc.map((d) => d.accuracy)), n: ids.length, perDoc };
}
