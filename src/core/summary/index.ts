import type { Person, Quote, Span } from '../types.ts';

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

/** Extractive summary of an article's body. */
export function summarize(input: SummaryInput): SummaryResult {
  // Lead baseline until the summariser lands (issue 4).
  const summary = input.sentences.slice(0, 3).map((s) => input.text.slice(s.start, s.end).replace(/\s+/g, ' '));
  return { summary, gist: summary[0] ?? null };
}
