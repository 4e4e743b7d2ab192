import type { Span } from '../types.ts';
import { cueBefore, cueOf, CUE_ADVERBS } from './cues.ts';
import { findFrames } from './frames.ts';
import type { MarkedSpan } from './marks.ts';
import type { ParagraphView } from './paragraph.ts';
import { phraseAfter, phraseBefore } from './phrases.ts';
import { isQuoteChar } from '../text/tokens.ts';

/** A quote before its speaker is resolved. */
export interface Draft {
  segments: Span[];
  cue: string | null;
  mention: Span | null;
  /** Sentence (unit) start of the attribution, for salience. */
  contextStart: number;
  /** A continuation without its own attribution takes the speaker of this earlier draft. */
  inheritFrom: Draft | null;
  /** The paragraph of the draft's last segment (a quote running over paragraphs moves on with it). */
  paragraph: number;
  /** The draft contains quoted words (direct or mixed). */
  quoted: boolean;
}

const DASHES = new Set(['―', '—', '–', '-']);

/**
 * Turns the frames and the quotations of every paragraph into drafts: attributed frames, quotations
 * attributed by a dash or a colon before them, continuations of the previous speaker's quote (in the same
 * paragraph: another segment of the same quote; across paragraphs: a new quote by the same speaker).
 */
export function collectDrafts(text: string, views: ParagraphView[]): Draft[] {
  const drafts: Draft[] = [];
  let colon: { mention: Span | null; cue: string; contextStart: number } | null = null;
  let lastQuoted: Draft | null = null;
  let openOrphan: Draft | null = null;
  for (const view of views) {
    const frames = findFrames(text, view);
    if (frames.length === 0 && view.marks.length === 0 && colon === null) {
      // Nothing to attribute and no quotation (most paragraphs of reporting): only a closing colon matters.
      openOrphan = null;
      colon = colonCue(view);
      continue;
    }
    // Plain loops into `[]` literals throughout: arrays from map/filter/flatMap start with another elements
    // kind when empty, and V8 deoptimises the code that meets that second kind.
    const frameUnits = new Set<number>();
    const local: Draft[] = [];
    const segs: Span[] = [];
    for (const f of frames) {
      const from = view.units[f.unit]!.from;
      frameUnits.add(from);
      let quoted = false;
      for (const s of f.segments) {
        quoted ||= overlapsInner(view.marks, s);
        segs.push(s);
      }
      local.push({ segments: f.segments, cue: f.cue, mention: f.mention, inheritFrom: null, paragraph: view.index, contextStart: view.tokens[from]!.start, quoted });
    }
    const byEnd = sortedBy([...local], endOf);
    let fp = 0;
    let prevQuoted: Draft | undefined;
    unionInPlace(segs);
    const covered = (m: Span): boolean => {
      for (let k = Math.max(0, firstEndingAfter(segs, m.start)); k < segs.length && segs[k]!.start < m.end; k++) {
        if (overlap(segs[k]!, m) > (m.end - m.start) / 2) return true;
      }
      return false;
    };
    if (openOrphan && local.length && local[0]!.quoted && view.marks[0] && view.marks[0].start - view.span.start < 3 && covered(view.marks[0])) {
      // `"A. ¶ "B," she said.`: the open quote of the last paragraph is the start of this one.
      local[0]!.segments = [...openOrphan.segments, ...local[0]!.segments];
      drafts.splice(drafts.indexOf(openOrphan), 1);
    }
    openOrphan = null;
    for (const m of view.marks) {
      // Short quotations count only as the rest of an attributed quote: `"Nobody asked us," Haugen said. "Not once."`
      if (covered(m) || !(m.quoteLike || opensUnit(view, m))) continue;
      const seg = { start: m.start, end: m.end };
      const unit = view.units[unitAt(view, m.start)]!;
      const dash = dashSource(text, view, m.end);
      while (fp < byEnd.length && endOf(byEnd[fp]!) <= m.start) {
        if (byEnd[fp]!.quoted && (!prevQuoted || endOf(byEnd[fp]!) >= endOf(prevQuoted))) prevQuoted = byEnd[fp];
        fp++;
      }
      const prevLocal = prevQuoted;
      const unitHasFrame = frameUnits.has(unit.from);
      let draft: Draft | null = null;
      if (dash) {
        draft = { segments: [seg], cue: dash.cue, mention: dash.mention, inheritFrom: null, paragraph: view.index, contextStart: m.start, quoted: true };
      } else if (prevLocal && !unitHasFrame) {
        prevLocal.segments.push(seg);
        continue;
      } else if (!m.quoteLike) {
        continue;
      } else if (colon && m.start - view.span.start < 3) {
        draft = { segments: [seg], cue: colon.cue, mention: colon.mention, inheritFrom: null, paragraph: view.index, contextStart: colon.contextStart, quoted: true };
      } else if (lastQuoted && lastQuoted.paragraph >= view.index - 1 && m.start - view.span.start < 3) {
        if (lastQuoted.paragraph === view.index - 1 && endsOpen(view, lastQuoted, views)) {
          lastQuoted.segments.push(seg);
          lastQuoted.paragraph = view.index;
          continue;
        }
        draft = { segments: [seg], cue: null, mention: null, inheritFrom: lastQuoted, paragraph: view.index, contextStart: m.start, quoted: true };
      } else {
        draft = { segments: [seg], cue: null, mention: null, inheritFrom: null, paragraph: view.index, contextStart: m.start, quoted: true };
        if (m.open) openOrphan = draft;
        else continue; // an unattributed quotation that continues nothing: not reported
      }
      local.push(draft);
      prevQuoted = draft;
    }
    if (colon && view.tokens.length && !isQuoteChar(view.tokens[0]!.text)) {
      // `The governor added:` followed by a paragraph set off without quotation marks: that paragraph is the quote.
      const last = view.tokens[view.tokens.length - 1]!;
      const end = last.text === '.' ? last.start : last.end;
      if (end > view.span.start) local.push({ segments: [{ start: view.tokens[0]!.start, end }], cue: colon.cue, mention: colon.mention, inheritFrom: null, paragraph: view.index, contextStart: colon.contextStart, quoted: false });
    }
    inTextOrder(local);
    for (const d of local) {
      drafts.push(d);
      if (d.quoted) lastQuoted = d;
    }
    colon = colonCue(view);
  }
  return drafts;
}

function endsOpen(view: ParagraphView, d: Draft, views: ParagraphView[]): boolean {
  const prev = views[view.index - 1];
  const lastMark = prev?.marks[prev.marks.length - 1];
  return !!lastMark && lastMark.open && d.segments.some((s) => s.end >= lastMark.innerStart && s.start <= lastMark.end);
}

/** Does the quotation make up a whole unit (sentence) of its paragraph? */
function opensUnit(view: ParagraphView, m: Span): boolean {
  const unit = view.units[unitAt(view, m.start)]!;
  return view.tokens[unit.from]!.start === m.start && view.tokens[unit.to - 1]!.end <= m.end + 1;
}

/** `"..." ― Jane Doe`: a dash and a name right after the closing mark. */
function dashSource(text: string, view: ParagraphView, after: number): { mention: Span; cue: string } | null {
  const k = tokenAt(view.tokens, after);
  if (k >= view.tokens.length || !DASHES.has(view.tokens[k]!.text) || view.tokens[k]!.start - after > 2) return null;
  const np = phraseAfter(view.tokens, k + 1, Math.min(view.tokens.length, k + 8));
  if (!np || !/^\p{Lu}/u.test(view.tokens[np.from]!.text)) return null;
  const next = view.tokens[np.to];
  if (next && !text.slice(np.end, next.start).includes('\n') && !/^[.,;(“"]$/.test(next.text)) return null;
  return { mention: { start: np.start, end: np.end }, cue: view.tokens[k]!.text };
}

/** A paragraph ending in `Caddell continued:` hands its source to the quotation that opens the next one. */
function colonCue(view: ParagraphView): { mention: Span | null; cue: string; contextStart: number } | null {
  const { tokens } = view;
  const n = tokens.length;
  if (n < 2 || tokens[n - 1]!.text !== ':') return null;
  let c = n - 2;
  const isCue = (w: string): boolean => !!(cueOf(w) ?? cueBefore(w, 'that'));
  while (c >= 0 && !isCue(tokens[c]!.lower) && n - c < 6) c--;
  if (c < 0 || !isCue(tokens[c]!.lower)) return null;
  let j = c - 1;
  while (j >= 0 && CUE_ADVERBS.has(tokens[j]!.lower)) j--;
  const np = j >= 0 ? phraseBefore(tokens, j, 0) : null;
  return { mention: np ? { start: np.start, end: np.end } : null, cue: tokens[c]!.text, contextStart: tokens[0]!.start };
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Index of the first token starting at or after `pos` (binary search). */
export function tokenAt(tokens: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First span ending after `pos`; the spans are sorted and do not nest, so their ends are sorted too. */
function firstEndingAfter(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The unit holding `pos`. */
function unitAt(view: ParagraphView, pos: number): number {
  let lo = 0;
  let hi = view.units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (view.tokens[view.units[mid]!.from]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Replaces `spans` by their sorted, non-overlapping union (nested attributions overlap their outer
 * content). The spans are the frames' own: merged ones are copies, never the originals changed.
 */
function unionInPlace(spans: Span[]): void {
  sortedBy(spans, (s) => s.start);
  let n = 0;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const last = n > 0 ? spans[n - 1]! : undefined;
    if (last && s.start <= last.end) {
      if (s.end > last.end) spans[n - 1] = { start: last.start, end: s.end };
    } else spans[n++] = s;
  }
  spans.length = n;
}

const endOf = (d: Draft): number => d.segments[d.segments.length - 1]!.end;
const startOf = (d: Draft): number => d.segments[0]!.start;

/** Sorts drafts in place into text order (by their first segment) and returns them. */
export const inTextOrder = (drafts: Draft[]): Draft[] => sortedBy(drafts, startOf);

/** Sorts `items` in place by `key`, stably, and returns them; the order is nearly always right already, and checking is cheaper. */
function sortedBy<T>(items: T[], key: (item: T) => number): T[] {
  for (let k = 1; k < items.length; k++) {
    if (key(items[k]!) < key(items[k - 1]!)) return items.sort((a, b) => key(a) - key(b));
  }
  return items;
}

/** Does `span` overlap the words inside any of the sorted `marks`? (binary search over their inner ends) */
function overlapsInner(marks: readonly MarkedSpan[], span: Span): boolean {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.innerEnd <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < marks.length && marks[lo]!.innerStart < span.end;
}
