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
  /** Position prior 1 / (1 + rank)^positionDecay. */
  positionDecay: number;
  centrality: number;
  title: number;
  people: number;
  /** Penalty per unit of quoted share. */
  quoted: number;
  /** Sentences longer than this many words are penalised in proportion. */
  longWords: number;
  shortWords: number;
  /** A candidate this similar (cosine) to a chosen sentence is skipped. */
  redundancy: number;
  gistWords: number;
}

export const DEFAULT_OPTIONS: SummaryOptions = {
  maxSentences: 4,
  minSentences: 2,
  wordBudget: 60,
  positionDecay: 1,
  centrality: 0,
  title: 0,
  people: 0,
  quoted: 0,
  longWords: 1000,
  shortWords: 10,
  redundancy: 1.01,
  gistWords: 40,
};

interface Scored {
  candidate: Candidate;
  score: number;
}

function scoreCandidates(candidates: Candidate[], title: string | null, o: SummaryOptions): Scored[] {
  const all = new Map<string, number>();
  for (const c of candidates) for (const [t, v] of c.terms) all.set(t, (all.get(t) ?? 0) + v);
  const titleTerms = title ? termCounts(contentTerms(title)) : null;
  return candidates.map((c) => {
    const rest = new Map(all);
    for (const [t, v] of c.terms) rest.set(t, (rest.get(t) ?? 0) - v);
    let score = 1 / (1 + c.rank) ** o.positionDecay;
    score += o.centrality * cosine(c.terms, rest);
    if (titleTerms) score += o.title * cosine(c.terms, titleTerms);
    score += o.people * Math.min(c.people, 2) / 2;
    score -= o.quoted * c.quoted;
    if (c.words > o.longWords) score *= o.longWords / c.words;
    if (c.words < o.shortWords) score *= c.words / o.shortWords;
    return { candidate: c, score };
  });
}

function select(scored: Scored[], o: SummaryOptions): Candidate[] {
  const order = [...scored].sort((a, b) => b.score - a.score || a.candidate.rank - b.candidate.rank);
  const chosen: Candidate[] = [];
  let words = 0;
  for (const { candidate } of order) {
    if (chosen.length >= o.maxSentences) break;
    if (chosen.length >= o.minSentences && words >= o.wordBudget) break;
    if (chosen.some((c) => cosine(c.terms, candidate.terms) >= o.redundancy)) continue;
    chosen.push(candidate);
    words += candidate.words;
  }
  return chosen.sort((a, b) => a.index - b.index);
}

/** Extractive summary of an article's body, with options for evaluation. */
export function summarizeWith(input: SummaryInput, options: Partial<SummaryOptions> = {}): SummaryResult {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const candidates = buildCandidates(input.text, input.sentences, input.paragraphs, input.quotes, input.people);
  if (candidates.length === 0) return { summary: [], gist: null };
  const scored = scoreCandidates(candidates, input.title, o);
  const summary = select(scored, o).map((c) => c.text);
  const gistCandidates = scored.filter((s) => s.candidate.words <= o.gistWords);
  const best = gistCandidates.sort((a, b) => b.score - a.score || a.candidate.rank - b.candidate.rank)[0];
  return { summary, gist: best ? best.candidate.text : null };
}

/** Extractive summary of an article's body: whole sentences in article order, and a one-sentence gist. */
export function summarize(input: SummaryInput): SummaryResult {
  return summarizeWith(input);
}
