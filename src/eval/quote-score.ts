/**
 * The quote-attribution scorer of ../shared/eval/score-quotes.mjs, ported so `quotewire eval quotes` prints
 * the same figures: exact span match, Gender Gap Tracker coverage matches at 30% and 80% (greedy,
 * one-to-one), speaker accuracy on matched quotes, and end-to-end (80% match and speaker right).
 */

export interface ScoredSpan {
  start: number;
  end: number;
  segments?: { start: number; end: number }[];
  speaker?: string | null;
  speakerStart?: number | null;
  speakerEnd?: number | null;
}

export interface GoldQuote extends ScoredSpan {
  kind: 'direct' | 'mixed' | 'indirect';
  cue?: string | null;
  speakerIsPronoun?: boolean;
}

export interface GoldDoc {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

export interface Prf { precision: number; recall: number; f1: number }

export interface QuoteScore {
  goldQuotes: number;
  predQuotes: number;
  kinds: string[] | 'all';
  exact: Prf;
  ggt03: Prf & { speakerAcc: number };
  ggt08: Prf & { speakerAcc: number };
  endToEnd08: Prf;
}

/** 1 for each character between quotation marks (marks reset at line ends), as the shared scorer reads them. */
export function insideQuoteMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') { inside = false; continue; }
    if (c === '\u201C' || c === '\u201E' || c === '\u00AB') { inside = true; continue; }
    if (c === '\u201D' || c === '\u00BB') { inside = false; continue; }
    if (c === '"') { inside = !inside; continue; }
    if (inside) mask[i] = 1;
  }
  return mask;
}

const LETTER = /[\p{L}\p{N}]/u;

/** The kind the scorer derives from a span: direct (every letter quoted), indirect (none) or mixed. */
export function derivedKind(q: ScoredSpan, text: string, mask: Uint8Array): GoldQuote['kind'] {
  let ins = 0;
  let outs = 0;
  for (const { start, end } of q.segments?.length ? q.segments : [q]) {
    for (let i = Math.max(0, start); i < Math.min(end, text.length); i++) {
      if (!LETTER.test(text[i]!)) continue;
      if (mask[i]) ins++; else outs++;
    }
  }
  return ins === 0 ? 'indirect' : outs === 0 ? 'direct' : 'mixed';
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();

/** Is the predicted speaker right: overlapping mention spans, or the same normalised text? */
export function speakerOk(g: ScoredSpan, p: ScoredSpan): boolean {
  if (g.speaker == null) return p.speaker == null || p.speaker === '';
  if (p.speakerStart != null && g.speakerStart != null && overlap(g.speakerStart, g.speakerEnd!, p.speakerStart, p.speakerEnd!) > 0) return true;
  return p.speaker != null && norm(p.speaker) === norm(g.speaker);
}

/** For each gold quote: the index of its matched prediction at `threshold` coverage, or -1 (greedy, one-to-one). */
export function matchQuotes(gold: ScoredSpan[], pred: ScoredSpan[], threshold: number): number[] {
  const remaining = pred.map((_, i) => i);
  return gold.map((q) => {
    let best = -1;
    let bestScore = threshold;
    remaining.forEach((pi, i) => {
      const p = pred[pi]!;
      const s = overlap(q.start, q.end, p.start, p.end) / Math.max(1, q.end - q.start);
      if (s > bestScore) { bestScore = s; best = i; }
    });
    return best >= 0 ? remaining.splice(best, 1)[0]! : -1;
  });
}

function prf(tp: number, nGold: number, nPred: number): Prf {
  const p = nPred ? tp / nPred : 0;
  const r = nGold ? tp / nGold : 0;
  return { precision: +(100 * p).toFixed(1), recall: +(100 * r).toFixed(1), f1: +(p + r ? 200 * p * r / (p + r) : 0).toFixed(1) };
}

/** Filters gold quotes by kind and predictions by the kind derived from their span. */
export function filterKinds(doc: GoldDoc, pred: ScoredSpan[], kinds: Set<string> | null): { gold: GoldQuote[]; pred: ScoredSpan[] } {
  if (!kinds) return { gold: doc.quotes, pred };
  const mask = insideQuoteMask(doc.text);
  return { gold: doc.quotes.filter((q) => kinds.has(q.kind)), pred: pred.filter((q) => kinds.has(derivedKind(q, doc.text, mask))) };
}

/** Scores predictions (by document id) against gold documents, as the shared scorer does. */
export function scoreQuotes(gold: GoldDoc[], predictions: Map<string, ScoredSpan[]>, kinds: Set<string> | null = null): QuoteScore {
  let exactTp = 0; let nGold = 0; let nPred = 0;
  const tp = { 3: 0, 8: 0 }; const spk = { 3: 0, 8: 0 }; let e2e = 0;
  for (const doc of gold) {
    const { gold: gq, pred: pq } = filterKinds(doc, predictions.get(doc.id) ?? [], kinds);
    nGold += gq.length; nPred += pq.length;
    const keys = new Set(pq.map((q) => `${q.start}:${q.end}`));
    exactTp += gq.filter((q) => keys.has(`${q.start}:${q.end}`)).length;
    for (const th of [3, 8] as const) {
      matchQuotes(gq, pq, th / 10).forEach((pi, gi) => {
        if (pi < 0) return;
        tp[th]++;
        if (speakerOk(gq[gi]!, pq[pi]!)) { spk[th]++; if (th === 8) e2e++; }
      });
    }
  }
  const acc = (s: number, t: number): number => +(100 * s / Math.max(1, t)).toFixed(1);
  return {
    goldQuotes: nGold, predQuotes: nPred, kinds: kinds ? [...kinds] : 'all',
    exact: prf(exactTp, nGold, nPred),
    ggt03: { ...prf(tp[3], nGold, nPred), speakerAcc: acc(spk[3], tp[3]) },
    ggt08: { ...prf(tp[8], nGold, nPred), speakerAcc: acc(spk[8], tp[8]) },
    endToEnd08: prf(e2e, nGold, nPred),
  };
}
