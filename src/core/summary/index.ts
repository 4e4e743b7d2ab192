import type { Person, Quote, Span } from '../types.ts';
import { buildCandidates, type Candidate } from './candidates.ts';
import { createTermSpace, vectorCosine, type TermSpace } from './terms.ts';

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

/** Weights and limits of the summariser; the defaults were measured on the dev sets (issue 4). */
export interface SummaryOptions {
  maxSentences: number;
  minSentences: number;
  /** Once the summary has minSentences, stop adding sentences when it has this many words. */
  wordBudget: number;
  /** Position prior 1 / (1 + rank)^positionDecay, rank counted over usable sentences. */
  positionDecay: number;
  /** Weight of centrality (cosine with the rest of the article, scaled to the article's maximum). */
  centrality: number;
  /** Penalty for a sentence that opens with a quotation mark. */
  startsQuote: number;
  /** Penalty for a question (after the lede). */
  question: number;
  /** A sentence that leans on the one before it ("She added...", "But...") only comes with that one. */
  needAntecedent: boolean;
  /** Sentences shorter than this many words are scaled down in proportion. */
  shortWords: number;
  /** Longer sentences stay out of the summary: in scraped text they are mostly captions run into the text. */
  maxWords: number;
  /** Sentences with a longer run of words without any punctuation stay out, for the same reason. */
  maxRun: number;
  /** A candidate at least this similar (cosine) to a chosen sentence is skipped. */
  redundancy: number;
  gistWords: number;
  /** Centrality weight for the gist: a one-line summary is best served by the most central sentence. */
  gistCentrality: number;
  gistStartsQuote: number;
}

export const DEFAULT_OPTIONS: SummaryOptions = {
  maxSentences: 4,
  minSentences: 2,
  wordBudget: 65,
  positionDecay: 1,
  centrality: 0,
  startsQuote: 0.1,
  needAntecedent: true,
  question: 0.3,
  shortWords: 10,
  maxWords: 80,
  maxRun: 36,
  redundancy: 0.7,
  gistWords: 40,
  gistCentrality: 3,
  gistStartsQuote: 0.5,
};

/** Is the sentence a question, /\?['"’”)]*$/u? Read from the end, where V8 would scan the whole sentence. */
function isQuestion(text: string): boolean {
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); c === 39 || c === 34 || c === 0x2019 || c === 0x201d || c === 41; c = text.charCodeAt(end - 1)) end--;
  return text.charCodeAt(end - 1) === 63;
}
const DANGLING_START = /^(?:He|She|They|It|This|That|These|Those|His|Her|Their|Its|But|And|Also|However|Meanwhile|So|Yet|Instead|Still)\b/u;

interface Scored {
  candidate: Candidate;
  score: number;
}

/** Cosine of each candidate's terms with the terms of all the other candidates, scaled to max 1. */
function centralities(candidates: Candidate[], space: TermSpace): number[] {
  const all = space.dense; // zero outside this function
  for (const c of candidates) for (let k = 0; k < c.terms.ids.length; k++) all[c.terms.ids[k]!]! += c.terms.counts[k]!;
  let allNorm = 0;
  for (const v of all) allNorm += v * v;
  // With rest = all - c: c·rest = c·all - |c|², |rest|² = |all|² - 2 c·all + |c|².
  const raw: number[] = [];
  let max = 1e-9;
  for (const c of candidates) {
    let dot = 0;
    for (let k = 0; k < c.terms.ids.length; k++) dot += c.terms.counts[k]! * all[c.terms.ids[k]!]!;
    const self = c.terms.norm2;
    const restNorm = allNorm - 2 * dot + self;
    const x = self > 0 && restNorm > 0 ? (dot - self) / Math.sqrt(self * restNorm) : 0;
    raw.push(x);
    if (x > max) max = x;
  }
  all.fill(0);
  for (let i = 0; i < raw.length; i++) raw[i] = raw[i]! / max;
  return raw;
}

/** Does the sentence open with a quotation mark, /^['"‘“]/? */
const opensWithQuote = (text: string): boolean => {
  const c = text.charCodeAt(0);
  return c === 39 || c === 34 || c === 0x2018 || c === 0x201c;
};

function score(candidates: Candidate[], centrality: number[], weights: { centrality: number; startsQuote: number }, o: SummaryOptions): Scored[] {
  // A loop rather than map(): an optimised map() returns a holey array, which deoptimises its readers.
  const scored: Scored[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    let s = 1 / (1 + c.rank) ** o.positionDecay + weights.centrality * centrality[i]!;
    if (opensWithQuote(c.text)) s -= weights.startsQuote;
    if (c.rank > 0 && isQuestion(c.text)) s -= o.question;
    if (c.words < o.shortWords) s *= c.words / o.shortWords;
    scored.push({ candidate: c, score: s });
  }
  return scored;
}

const byScore = (a: Scored, b: Scored): number => b.score - a.score || a.candidate.rank - b.candidate.rank;

function isRedundant(space: TermSpace, chosen: Candidate[], candidate: Candidate, redundancy: number): boolean {
  for (const c of chosen) if (vectorCosine(space, c.terms, candidate.terms) >= redundancy) return true;
  return false;
}

function hasRank(chosen: Candidate[], rank: number): boolean {
  for (const c of chosen) if (c.rank === rank) return true;
  return false;
}

/** The summary's sentences: `scored` best first (sorted in place), skipping redundant and dangling ones. */
function select(space: TermSpace, scored: Scored[], o: SummaryOptions): Candidate[] {
  const chosen: Candidate[] = [];
  let words = 0;
  for (const { candidate } of scored.sort(byScore)) {
    if (chosen.length >= o.maxSentences || (chosen.length >= o.minSentences && words >= o.wordBudget)) break;
    if (isRedundant(space, chosen, candidate, o.redundancy)) continue;
    if (o.needAntecedent && candidate.rank > 0 && DANGLING_START.test(candidate.text) && !hasRank(chosen, candidate.rank - 1)) continue;
    chosen.push(candidate);
    words += candidate.words;
  }
  return chosen.sort((a, b) => a.index - b.index);
}

const NO_OPTIONS: Partial<SummaryOptions> = Object.freeze({});

/** Extractive summary of an article's body, with options for evaluation. */
export function summarizeWith(input: SummaryInput, options: Partial<SummaryOptions> = NO_OPTIONS): SummaryResult {
  const o = options === NO_OPTIONS ? DEFAULT_OPTIONS : { ...DEFAULT_OPTIONS, ...options };
  const space = createTermSpace();
  const all = buildCandidates(input.text, input.sentences, space);
  if (all.length === 0) return { summary: [], gist: null };
  // Run-on "sentences" are left out unless the article has nothing else.
  // The lede is exempt from the run-length test: a long first sentence is usually just a long lede.
  const clean = all.filter((c) => c.words <= o.maxWords && (c.rank === 0 || c.longestRun <= o.maxRun));
  const candidates = clean.length ? clean : all;
  const centrality = centralities(candidates, space);
  const summary: string[] = [];
  for (const c of select(space, score(candidates, centrality, o, o), o)) summary.push(c.text);
  const gistWeights = { centrality: o.gistCentrality, startsQuote: o.gistStartsQuote };
  // A digest line should read on its own: not a bare quote, not a question, not "He said..." out of context.
  const standsAlone = (c: Candidate): boolean =>
    !opensWithQuote(c.text) && !isQuestion(c.text) && (!o.needAntecedent || c.rank === 0 || !DANGLING_START.test(c.text));
  // The best fitting sentence that stands alone, else the best fitting one: the first of each in byScore order.
  let best: Scored | null = null;
  let bestAlone: Scored | null = null;
  for (const s of score(candidates, centrality, gistWeights, o)) {
    if (s.candidate.words > o.gistWords) continue;
    if (best === null || byScore(s, best) < 0) best = s;
    if ((bestAlone === null || byScore(s, bestAlone) < 0) && standsAlone(s.candidate)) bestAlone = s;
  }
  const gist = bestAlone ?? best;
  return { summary, gist: gist ? gist.candidate.text : null };
}

/**
 * Extractive summary of an article's body: whole sentences in article order, and a one-sentence gist.
 * Sentences are ranked by position (the lede first), with a small penalty for sentences that open with a
 * quotation mark; boilerplate, captions and run-on caption blocks are never candidates. The summary takes
 * sentences in rank order until it has at least two and about 65 words (at most four), and a sentence that
 * leans on the one before it comes only with that one. The gist is the best sentence of at most 40 words
 * by position plus centrality, preferring one that reads on its own. `title`, `quotes` and `people` are
 * accepted for future use: headline overlap and named-people features did not help on the dev sets.
 */
export function summarize(input: SummaryInput): SummaryResult {
  return summarizeWith(input);
}
