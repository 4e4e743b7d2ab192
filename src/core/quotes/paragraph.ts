import type { Span } from '../types.ts';
import { findMarkedSpans, isQuoteLike, type MarkedSpan } from './marks.ts';
import { tokenize, type Token } from '../text/tokens.ts';
import { cueOf } from './cues.ts';

/** A marked span, and whether it reads as a quotation rather than a title or scare quotes. */
export type ViewMark = MarkedSpan & { quoteLike: boolean };

/** One paragraph prepared for the frame finder: tokens, quotation-mark spans and sentence-like units. */
export interface ParagraphView {
  index: number;
  span: Span;
  tokens: Token[];
  marks: ViewMark[];
  /** For each token, the index into `marks` of the marked span holding it, or -1. */
  markOf: number[];
  /** Units are sentences merged so that no quotation crosses a boundary: token index ranges [from, to). */
  units: { from: number; to: number }[];
}

/** Builds the views of all paragraphs. `sentences` come from splitSentences and may be empty. */
export function buildViews(text: string, paragraphs: Span[], sentences: Span[]): ParagraphView[] {
  const views: ParagraphView[] = [];
  let si = 0;
  for (let index = 0; index < paragraphs.length; index++) {
    const p = paragraphs[index]!;
    const tokens = tokenize(text, p.start, p.end);
    // Copied field by field: V8 builds these markedly faster than `{ ...m, quoteLike }`. A loop into a `[]`
    // literal, not map(): an empty array from map() has another elements kind, which deoptimises its readers.
    const marks: ViewMark[] = [];
    for (const m of findMarkedSpans(text, p)) {
      marks.push({ start: m.start, end: m.end, innerStart: m.innerStart, innerEnd: m.innerEnd, open: m.open, quoteLike: isQuoteLike(text, m) });
    }
    const markOf = minusOnes(tokens.length);
    let mi = 0;
    for (let k = 0; k < tokens.length && mi < marks.length; k++) {
      const t = tokens[k]!;
      while (mi < marks.length && marks[mi]!.end <= t.start) mi++;
      const m = marks[mi];
      if (m !== undefined && t.start >= m.start && t.end <= m.end) markOf[k] = mi;
    }
    // Sentence starts inside this paragraph, as token indices; drop those that fall inside a quotation.
    while (si < sentences.length && sentences[si]!.end <= p.start) si++;
    const starts: number[] = [0];
    let k = 0;
    for (let s = si; s < sentences.length && sentences[s]!.start < p.end; s++) {
      const st = sentences[s]!.start;
      while (k < tokens.length && tokens[k]!.start < st) k++;
      if (k === 0 || k >= tokens.length) continue;
      const inside = markOf[k]! >= 0 && markOf[k - 1] === markOf[k];
      if (!inside && starts[starts.length - 1] !== k && !attributionFollows(tokens, k, markOf)) starts.push(k);
    }
    const units: { from: number; to: number }[] = [];
    for (let u = 0; u < starts.length; u++) {
      const to = u + 1 < starts.length ? starts[u + 1]! : tokens.length;
      if (to > starts[u]!) units.push({ from: starts[u]!, to });
    }
    views.push({ index, span: p, tokens, marks, markOf, units });
  }
  return views;
}

/** A packed array of -1s to copy from; grown (never changed otherwise) when a paragraph is longer. */
let minusOnesSource: number[] = [];

/**
 * A fresh plain array of `n` -1s. A slice of a packed array is one copy: typed arrays are slow to allocate,
 * `new Array(n).fill()` is holey (every reader then pays a hole check), and a push per token was 2% of the
 * quote finder.
 */
function minusOnes(n: number): number[] {
  if (minusOnesSource.length < n) {
    const grown: number[] = [];
    for (let k = 0; k < 2 * n; k++) grown.push(-1);
    minusOnesSource = grown;
  }
  return minusOnesSource.slice(0, n);
}

/**
 * `"Who would have believed it?" Trump said.` — the splitter ends a sentence after `?"`, but an attribution
 * right after a closing quotation belongs to it: true when a cue comes within the next few words.
 */
function attributionFollows(tokens: Token[], k: number, markOf: readonly number[]): boolean {
  if (markOf[k - 1]! < 0 || markOf[k]! >= 0) return false;
  const closing = tokens[k - 1]!;
  const beforeClose = tokens[k - 2];
  if (!beforeClose || !/^[?!]$/.test(beforeClose.text) || closing.end === tokens[k]!.start) return false;
  for (let m = k; m < Math.min(tokens.length, k + 6); m++) {
    const t = tokens[m]!;
    if (!t.word) return false;
    if (cueOf(t.lower) && t.text === t.lower) return true;
  }
  return false;
}
