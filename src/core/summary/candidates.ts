import type { Person, Quote, Span } from '../types.ts';
import { isBoilerplate, looksLikeCaption } from '../text/boilerplate.ts';
import { countWords } from '../text/normalize.ts';
import { contentTerms, termCounts } from './terms.ts';

/** A body sentence considered for the summary. */
export interface Candidate {
  /** Index into the input's sentences. */
  index: number;
  /** Order among the usable sentences (0 = lede). */
  rank: number;
  text: string;
  words: number;
  terms: Map<string, number>;
  /** Share of the sentence's characters inside quotation marks (0-1). */
  quoted: number;
  /** True when the sentence opens a paragraph (always true for the first sentence). */
  paragraphStart: boolean;
  /** How many known people (by any part of their name) the sentence mentions. */
  people: number;
  /** True when the sentence is or contains an attributed quote of a named speaker. */
  hasQuote: boolean;
}

const QUOTED = /["“”](?:[^"“”]{1,600})["“”]|(?<![\p{L}])['‘](?:[^'‘’]|['’](?=\p{L})){1,600}['’](?![\p{L}])/gu;

function quotedShare(text: string): number {
  let inside = 0;
  for (const m of text.matchAll(QUOTED)) inside += m[0].length;
  return text.length ? Math.min(1, inside / text.length) : 0;
}

/** Cleans whitespace: runs of spaces, tabs, line breaks and non-breaking spaces become one space. */
export function cleanSentence(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

function nameParts(people: Person[]): string[] {
  const parts = new Set<string>();
  for (const p of people) {
    if (p.kind !== 'person') continue;
    for (const part of p.name.split(/\s+/)) if (part.length > 2 && /^\p{Lu}/u.test(part)) parts.add(part);
  }
  return [...parts];
}

/**
 * The usable sentences of a body: boilerplate, captions and non-sentences dropped, whitespace cleaned.
 * Spans in `sentences` index `text`.
 */
export function buildCandidates(text: string, sentences: Span[], paragraphs: Span[], quotes: Quote[], people: Person[]): Candidate[] {
  const names = nameParts(people);
  const paragraphStarts = new Set<number>();
  let p = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    while (p < paragraphs.length && paragraphs[p]!.end <= s.start) p++;
    const para = paragraphs[p];
    if (i === 0 || (para && sentences[i - 1]!.end <= para.start && s.start >= para.start)) paragraphStarts.add(i);
  }
  const out: Candidate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const raw = cleanSentence(text.slice(s.start, s.end));
    const words = countWords(raw);
    if (words < 4 || isBoilerplate(raw) || looksLikeCaption(raw)) continue;
    const hasQuote = quotes.some((q) => q.start < s.end && q.end > s.start && q.speaker !== null);
    out.push({
      index: i,
      rank: out.length,
      text: raw,
      words,
      terms: termCounts(contentTerms(raw)),
      quoted: quotedShare(raw),
      paragraphStart: paragraphStarts.has(i),
      people: names.filter((n) => raw.includes(n)).length,
      hasQuote,
    });
  }
  return out;
}
