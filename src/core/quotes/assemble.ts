import type { Person, Quote, QuoteKind, Span } from '../types.ts';
import type { PeopleIndex } from '../text/people.ts';
import type { Token } from '../text/tokens.ts';
import { createResolver, type Resolution } from './coreference.ts';
import { inTextOrder, type Draft } from './drafts.ts';
import type { ParagraphView } from './paragraph.ts';

/** Resolves the drafts' speakers in text order (sorting `drafts` so) and builds the quotes and the article's people. */
export function toQuotes(
  text: string, views: ParagraphView[], paragraphTokens: readonly Token[][], sentences: Span[], drafts: Draft[], people: PeopleIndex,
): { quotes: Quote[]; people: Person[] } {
  const marks: Span[] = [];
  for (const v of views) for (const m of v.marks) marks.push({ start: m.innerStart, end: m.innerEnd });
  const insideQuote = (pos: number): boolean => {
    const k = lastStartingAtOrBefore(marks, pos);
    return k >= 0 && pos < marks[k]!.end;
  };
  const resolver = createResolver(text, people, insideQuote, sentences, paragraphTokens);
  // Only the drafts that a continuation inherits from are remembered (few articles have any).
  const inheritedFrom = new Set<Draft>();
  for (const d of drafts) if (d.inheritFrom) inheritedFrom.add(d.inheritFrom);
  const resolved = new Map<Draft, { res: Resolution; mention: Span | null }>();
  const quoteCount = new Map<number, number>();
  const quotes: Quote[] = [];
  for (const d of inTextOrder(drafts)) {
    const segments = usableSegments(d.segments);
    if (!segments.length) continue;
    const inherited = d.inheritFrom ? resolved.get(d.inheritFrom) : undefined;
    const mention = inherited ? inherited.mention : d.mention;
    const res: Resolution = inherited ? inherited.res : mention ? resolver.resolve(mention, d.contextStart, segments) : { entity: null, name: null, kind: 'unknown' };
    if (inheritedFrom.size > 0 && inheritedFrom.has(d)) resolved.set(d, { res, mention });
    if (res.entity !== null) {
      resolver.note(mention?.start ?? segments[0]!.start, res.entity);
      quoteCount.set(res.entity, (quoteCount.get(res.entity) ?? 0) + 1);
    }
    quotes.push({
      text: joinedText(text, segments),
      start: segments[0]!.start,
      end: segments[segments.length - 1]!.end,
      segments,
      kind: kindOf(segments, marks),
      cue: d.cue,
      speaker: res.name,
      speakerMention: mention ? text.slice(mention.start, mention.end) : null,
      speakerStart: mention?.start ?? null,
      speakerEnd: mention?.end ?? null,
      speakerKind: res.kind,
    });
  }
  const persons: Person[] = [];
  people.entities.forEach((e, i) => {
    const count = quoteCount.get(i) ?? 0;
    if (e.kind === 'person' || count > 0) persons.push({ name: e.name, key: e.key, titles: e.titles, gender: e.gender, kind: e.kind, quoteCount: count });
  });
  return { quotes, people: persons };
}

/** The non-empty segments in text order: the draft's own array when it is that already. */
function usableSegments(segments: Span[]): Span[] {
  let clean = true;
  for (let k = 0; k < segments.length && clean; k++) clean = segments[k]!.end > segments[k]!.start && (k === 0 || segments[k]!.start >= segments[k - 1]!.start);
  return clean ? segments : segments.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
}

/** The segments' text joined by spaces. */
function joinedText(text: string, segments: Span[]): string {
  let out = text.slice(segments[0]!.start, segments[0]!.end);
  for (let k = 1; k < segments.length; k++) out += ' ' + text.slice(segments[k]!.start, segments[k]!.end);
  return out;
}

/** direct: all letters inside quotation marks; indirect: none; mixed: some. */
function kindOf(segments: Span[], marks: Span[]): QuoteKind {
  let inside = 0;
  let total = 0;
  for (const s of segments) {
    total += s.end - s.start;
    for (let k = Math.max(0, lastStartingAtOrBefore(marks, s.start)); k < marks.length && marks[k]!.start < s.end; k++) {
      inside += Math.max(0, Math.min(s.end, marks[k]!.end) - Math.max(s.start, marks[k]!.start));
    }
  }
  if (inside === 0) return 'indirect';
  // Marks and trailing punctuation sit outside the inner spans: allow a few characters per segment.
  return total - inside <= 4 * segments.length ? 'direct' : 'mixed';
}

function lastStartingAtOrBefore(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
