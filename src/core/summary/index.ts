import type { Person, Quote, Span } from '../types.ts';
import { buildCandidates, type Candidate } from './candidates.ts';
import { contentTerms, cosine, termCounts } from './terms.ts';

export interface SummaryInput {
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  title: string | null;
  quotes: Quote[];
  people: Person[];
}

export interface SummaryResult {
  /** Whole sentences of the body, in article order. */
  summary: string[];
  /** One sentence of at most about 40 words. */
  gist: string | null;
}

/** Weights of the sentence score; the defaults were chosen on the dev sets (see the closing note of issue 4). */
export interface SummaryOptions {
  maxSentences: number;
  minSentences: number;
  /** Stop adding sentences once the summary has this many words. */
  wordBudget: number;
  /** When above 0: keep the number of sentences whose total length is closest to this many words. */
  targetWords: number;
  /** Position prior 1 / (1 + rank)^positionDecay. */
  positionDecay: number;
  centrality: number;
  title: number;
  people: number;
  /** Penalty per unit of quoted share. */
  quoted: number;
  /** Penalty for a sentence that opens with a quotation mark. */
  startsQuote: number;
  /** Penalty per unit of log(words): favours dense, shorter sentences. */
  lengthWeight: number;
  /** Sentences longer than this many words are penalised in proportion. */
  longWords: number;
  shortWords: number;
  /** A candidate this similar (cosine) to a chosen sentence is skipped. */
  redundancy: number;
  gistWords: number;
  /** Centrality weight for the gist (XSum-style one-line summaries reward the most central sentence). */
  gistCentrality: number;
}

export const DEFAULT_OPTIONS: SummaryOptions = {
  maxSentences: 4,
  minSentences: 2,
  wordBudget: 65,
  targetWords: 0,
  positionDecay: 1,
  centrality: 0,
  title: 0,
  people: 0,
  quoted: 0,
  startsQuote: 0.1,
  lengthWeight: 0,
  longWords: 1000,
  shortWords: 10,
  redundancy: 1.01,
  gistWords: 40,
  gistCentrality: 3,
};

interface Scored {
  candidate: Candidate;
  score: number;
}

function scoreCandidates(candidates: Candidate[], title: string | null, o: SummaryOptions): Scored[] {
  const all = new Map<string, number>();
  for (const c of candidates) for (const [t, v] of c.terms) all.set(t, (all.get(t) ?? 0) + v);
  const titleTerms = title ? termCounts(contentTerms(title)) : null;
  const centrality = candidates.map((c) => {
    const rest = new Map(all);
    for (const [t, v] of c.terms) rest.set(t, (rest.get(t) ?? 0) - v);
    return cosine(c.terms, rest);
  });
  const maxCentrality = Math.max(...centrality, 1e-9);
  return candidates.map((c, i) => {
    let score = 1 / (1 + c.rank) ** o.positionDecay;
    score += o.centrality * (centrality[i]! / maxCentrality);
    if (titleTerms) score += o.title * cosine(c.terms, titleTerms);
    score += o.people * Math.min(c.people, 2) / 2;
    score -= o.quoted * c.quoted;
    if (/^['"‘“]/u.test(c.text)) score -= o.startsQuote;
    score -= o.lengthWeight * Math.log(Math.max(c.words, 1));
    if (c.words > o.longWords) score *= o.longWords / c.words;
    if (c.words < o.shortWords) score *= c.words / o.shortWords;
    return { candidate: c, score };
  });
}

function select(scored: Scored[], o: SummaryOptions): Candidate[] {
  const order = [...scored].sort((a, b) => b.score - a.score || a.candidate.rank - b.candidate.rank);
  const chosen: Candidate[] = [];
  let words = 0;
  let bestCount = 0;
  let bestGap = Infinity;
  for (const { candidate } of order) {
    if (chosen.length >= o.maxSentences) break;
    if (o.targetWords <= 0 && chosen.length >= o.minSentences && words >= o.wordBudget) break;
    if (chosen.some((c) => cosine(c.terms, candidate.terms) >= o.redundancy)) continue;
    chosen.push(candidate);
    words += candidate.words;
    const gap = Math.abs(words - o.targetWords);
    if (chosen.length <= o.minSentences || gap < bestGap) {
      bestGap = gap;
      bestCount = chosen.length;
    }
  }
  const kept = o.targetWords > 0 ? chosen.slice(0, bestCount) : chosen;
  return kept.sort((a, b) => a.index - b.index);
}

/** Extractive summary of an article's body, with options for evaluation. */
export function summarizeWith(input: SummaryInput, options: Partial<SummaryOptions> = {}): SummaryResult {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const candidates = buildCandidates(input.text, input.sentences, input.paragraphs, input.quotes, input.people);
  if (candidates.length === 0) return { summary: [], gist: null };
  const summary = select(scoreCandidates(candidates, input.title, o), o).map((c) => c.text);
  const gistScored = scoreCandidates(candidates, input.title, { ...o, centrality: o.gistCentrality });
  const gistCandidates = gistScored.filter((s) => s.candidate.words <= o.gistWords);
  const best = gistCandidates.sort((a, b) => b.score - a.score || a.candidate.rank - b.candidate.rank)[0];
  return { summary, gist: best ? best.candidate.text : null };
}

/** Extractive summary of an article's body: whole sentences in article order, and a one-sentence gist. */
export function summarize(input: SummaryInput): SummaryResult {
  return summarizeWith(input);
}
