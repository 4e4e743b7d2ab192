/**
 * ROUGE-1/2/L/Lsum (precision, recall, F1), a port of ../shared/eval/rouge.mjs, which follows Google's
 * rouge-score (ROUGE-1.5.5 settings): lower case, runs of non-[a-z0-9] become spaces, Porter stemming
 * (NLTK extensions) of tokens longer than 3 characters. Corpus scores are means of per-document scores.
 */

export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

export type RougeType = 'rouge1' | 'rouge2' | 'rougeL' | 'rougeLsum';
export type RougeScores = Record<RougeType, RougeScore>;
export const ROUGE_TYPES: readonly RougeType[] = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'];

// ---------------------------------------------------------------- Porter stemmer (NLTK_EXTENSIONS)
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const IRREGULAR: ReadonlyMap<string, string> = (() => {
  const forms: Record<string, string[]> = {
    sky: ['sky', 'skies'], die: ['dying'], lie: ['lying'], tie: ['tying'], news: ['news'],
    inning: ['innings', 'inning'], outing: ['outings', 'outing'], canning: ['cannings', 'canning'],
    howe: ['howe'], proceed: ['proceed'], exceed: ['exceed'], succeed: ['succeed'],
  };
  const map = new Map<string, string>();
  for (const [stem, words] of Object.entries(forms)) for (const w of words) map.set(w, stem);
  return map;
})();

function isCons(w: string, i: number): boolean {
  const c = w[i]!;
  if (VOWELS.has(c)) return false;
  if (c === 'y') return i === 0 ? true : !isCons(w, i - 1);
  return true;
}

function measure(stem: string): number {
  let seq = '';
  for (let i = 0; i < stem.length; i++) seq += isCons(stem, i) ? 'c' : 'v';
  let n = 0;
  for (let i = 0; i + 1 < seq.length; i++) if (seq[i] === 'v' && seq[i + 1] === 'c') n++;
  return n;
}

const positiveMeasure = (s: string): boolean => measure(s) > 0;

function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isCons(stem, i)) return true;
  return false;
}

function endsDoubleCons(w: string): boolean {
  return w.length >= 2 && w[w.length - 1] === w[w.length - 2] && isCons(w, w.length - 1);
}

function endsCvc(w: string): boolean {
  const n = w.length;
  return (
    (n >= 3 && isCons(w, n - 3) && !isCons(w, n - 2) && isCons(w, n - 1) && !'wxy'.includes(w[n - 1]!)) ||
    (n === 2 && !isCons(w, 0) && isCons(w, 1))
  );
}

const cut = (w: string, suffix: string): string => (suffix === '' ? w : w.slice(0, w.length - suffix.length));

/** [suffix, replacement, condition]; the suffix '*d' means "ends in a double consonant". */
type Rule = [string, string, ((stem: string) => boolean) | null];

function applyRules(word: string, rules: Rule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (suffix === '*d' && endsDoubleCons(word)) {
      const stem = word.slice(0, -2);
      return !condition || condition(stem) ? stem + replacement : word;
    }
    if (word.endsWith(suffix)) {
      const stem = cut(word, suffix);
      return !condition || condition(stem) ? stem + replacement : word;
    }
  }
  return word;
}

function step1a(w: string): string {
  if (w.endsWith('ies') && w.length === 4) return cut(w, 'ies') + 'ie';
  return applyRules(w, [['sses', 'ss', null], ['ies', 'i', null], ['ss', 'ss', null], ['s', '', null]]);
}

function step1b(w: string): string {
  if (w.endsWith('ied')) return w.length === 4 ? cut(w, 'ied') + 'ie' : cut(w, 'ied') + 'i';
  if (w.endsWith('eed')) {
    const stem = cut(w, 'eed');
    return measure(stem) > 0 ? stem + 'ee' : w;
  }
  let inter: string | null = null;
  for (const suffix of ['ed', 'ing']) {
    if (w.endsWith(suffix)) {
      const s = cut(w, suffix);
      if (containsVowel(s)) {
        inter = s;
        break;
      }
    }
  }
  if (inter === null) return w;
  const last = inter[inter.length - 1]!;
  return applyRules(inter, [
    ['at', 'ate', null], ['bl', 'ble', null], ['iz', 'ize', null],
    ['*d', last, () => !'lsz'.includes(last)],
    ['', 'e', (s) => measure(s) === 1 && endsCvc(s)],
  ]);
}

function step1c(w: string): string {
  return applyRules(w, [['y', 'i', (s) => s.length > 1 && isCons(s, s.length - 1)]]);
}

function step2(w: string): string {
  if (w.endsWith('alli') && positiveMeasure(cut(w, 'alli'))) return step2(cut(w, 'alli') + 'al');
  const p = positiveMeasure;
  return applyRules(w, [
    ['ational', 'ate', p], ['tional', 'tion', p], ['enci', 'ence', p], ['anci', 'ance', p],
    ['izer', 'ize', p], ['bli', 'ble', p], ['alli', 'al', p], ['entli', 'ent', p],
    ['eli', 'e', p], ['ousli', 'ous', p], ['ization', 'ize', p], ['ation', 'ate', p],
    ['ator', 'ate', p], ['alism', 'al', p], ['iveness', 'ive', p], ['fulness', 'ful', p],
    ['ousness', 'ous', p], ['aliti', 'al', p], ['iviti', 'ive', p], ['biliti', 'ble', p],
    ['fulli', 'ful', p],
    ['logi', 'log', () => p(w.slice(0, -3))],
  ]);
}

function step3(w: string): string {
  const p = positiveMeasure;
  return applyRules(w, [
    ['icate', 'ic', p], ['ative', '', p], ['alize', 'al', p], ['iciti', 'ic', p],
    ['ical', 'ic', p], ['ful', '', p], ['ness', '', p],
  ]);
}

function step4(w: string): string {
  const g1 = (s: string): boolean => measure(s) > 1;
  return applyRules(w, [
    ['al', '', g1], ['ance', '', g1], ['ence', '', g1], ['er', '', g1], ['ic', '', g1], ['able', '', g1],
    ['ible', '', g1], ['ant', '', g1], ['ement', '', g1], ['ment', '', g1], ['ent', '', g1],
    ['ion', '', (s) => measure(s) > 1 && (s.endsWith('s') || s.endsWith('t'))],
    ['ou', '', g1], ['ism', '', g1], ['ate', '', g1], ['iti', '', g1], ['ous', '', g1], ['ive', '', g1],
    ['ize', '', g1],
  ]);
}

function step5a(w: string): string {
  if (w.endsWith('e')) {
    const s = cut(w, 'e');
    const m = measure(s);
    if (m > 1) return s;
    if (m === 1 && !endsCvc(s)) return s;
  }
  return w;
}

function step5b(w: string): string {
  return applyRules(w, [['ll', 'l', () => measure(w.slice(0, -1)) > 1]]);
}

const stemCache = new Map<string, string>();

/** Porter stem of a word, as NLTK's PorterStemmer() in its default mode (the one rouge-score uses). */
export function porterStem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const lower = word.toLowerCase();
  let stem: string;
  if (IRREGULAR.has(word)) stem = IRREGULAR.get(lower)!;
  else if (word.length <= 2) stem = lower;
  else stem = step5b(step5a(step4(step3(step2(step1c(step1b(step1a(lower))))))));
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

/** rouge-score's tokenizer: lower case, alphanumeric runs, stems of tokens longer than 3 characters. */
export function tokenize(text: string, useStemmer = true): string[] {
  const out: string[] = [];
  for (const token of text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(/\s+/)) {
    if (!token) continue;
    const t = useStemmer && token.length > 3 ? porterStem(token) : token;
    if (/^[a-z0-9]+$/.test(t)) out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------- scores
const fmeasure = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const score = (precision: number, recall: number): RougeScore => ({ precision, recall, fmeasure: fmeasure(precision, recall) });

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Clipped n-gram overlap. */
export function scoreNgrams(ref: string[], pred: string[], n: number): RougeScore {
  const r = ngramCounts(ref, n);
  const p = ngramCounts(pred, n);
  let overlap = 0;
  let refCount = 0;
  let predCount = 0;
  for (const [k, v] of r) {
    overlap += Math.min(v, p.get(k) ?? 0);
    refCount += v;
  }
  for (const v of p.values()) predCount += v;
  return score(overlap / Math.max(predCount, 1), overlap / Math.max(refCount, 1));
}

function lcsLength(ref: string[], can: string[]): number {
  let prev = new Int32Array(can.length + 1);
  let cur = new Int32Array(can.length + 1);
  for (let i = 1; i <= ref.length; i++) {
    const ri = ref[i - 1];
    for (let j = 1; j <= can.length; j++) {
      cur[j] = ri === can[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[can.length]!;
}

/** Sentence-level LCS over the whole token sequences. */
export function scoreLcs(ref: string[], pred: string[]): RougeScore {
  if (!ref.length || !pred.length) return score(0, 0);
  const l = lcsLength(ref, pred);
  return score(l / pred.length, l / ref.length);
}

/** Indices into `ref` of one LCS, with rouge-score's tie-breaking. */
function lcsIndices(ref: string[], can: string[]): number[] {
  const table = Array.from({ length: ref.length + 1 }, () => new Int32Array(can.length + 1));
  for (let i = 1; i <= ref.length; i++) {
    const row = table[i]!;
    const up = table[i - 1]!;
    const ri = ref[i - 1];
    for (let j = 1; j <= can.length; j++) row[j] = ri === can[j - 1] ? up[j - 1]! + 1 : Math.max(up[j]!, row[j - 1]!);
  }
  let i = ref.length;
  let j = can.length;
  const out: number[] = [];
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (table[i]![j - 1]! > table[i - 1]![j]!) j--;
    else i--;
  }
  return out.reverse();
}

/** Summary-level union LCS (ROUGE-Lsum), hits clipped by token counts. */
export function scoreSummaryLevelLcs(refSents: string[][], canSents: string[][]): RougeScore {
  if (!refSents.length || !canSents.length) return score(0, 0);
  const m = refSents.reduce((a, s) => a + s.length, 0);
  const n = canSents.reduce((a, s) => a + s.length, 0);
  if (!m || !n) return score(0, 0);
  const refCounts = new Map<string, number>();
  const canCounts = new Map<string, number>();
  for (const s of refSents) for (const t of s) refCounts.set(t, (refCounts.get(t) ?? 0) + 1);
  for (const s of canSents) for (const t of s) canCounts.set(t, (canCounts.get(t) ?? 0) + 1);
  let hits = 0;
  for (const r of refSents) {
    const union = new Set<number>();
    for (const c of canSents) for (const idx of lcsIndices(r, c)) union.add(idx);
    for (const idx of [...union].sort((a, b) => a - b)) {
      const t = r[idx]!;
      const cc = canCounts.get(t) ?? 0;
      const rc = refCounts.get(t) ?? 0;
      if (cc > 0 && rc > 0) {
        hits++;
        canCounts.set(t, cc - 1);
        refCounts.set(t, rc - 1);
      }
    }
  }
  return score(hits / n, hits / m);
}

/** Scores a prediction against a reference; for ROUGE-Lsum both hold one sentence per line. */
export function rougeScores(reference: string, prediction: string, useStemmer = true): RougeScores {
  const ref = tokenize(reference, useStemmer);
  const pred = tokenize(prediction, useStemmer);
  const lines = (x: string): string[][] => x.split('\n').filter((s) => s.length).map((s) => tokenize(s, useStemmer));
  return {
    rouge1: scoreNgrams(ref, pred, 1),
    rouge2: scoreNgrams(ref, pred, 2),
    rougeL: scoreLcs(ref, pred),
    rougeLsum: scoreSummaryLevelLcs(lines(reference), lines(prediction)),
  };
}

/** Arithmetic mean of per-document scores. */
export function meanRouge(list: RougeScores[]): RougeScores {
  const mean = (t: RougeType): RougeScore => {
    const acc = { precision: 0, recall: 0, fmeasure: 0 };
    for (const s of list) {
      acc.precision += s[t].precision;
      acc.recall += s[t].recall;
      acc.fmeasure += s[t].fmeasure;
    }
    const n = Math.max(list.length, 1);
    return { precision: acc.precision / n, recall: acc.recall / n, fmeasure: acc.fmeasure / n };
  };
  return { rouge1: mean('rouge1'), rouge2: mean('rouge2'), rougeL: mean('rougeL'), rougeLsum: mean('rougeLsum') };
}
