import type { Person, Quote, QuoteKind, Span } from '../types.ts';
import type { PeopleIndex } from '../text/people.ts';
import { createResolver, type Resolution } from './coreference.ts';
import type { Draft } from './drafts.ts';
import type { ParagraphView } from './paragraph.ts';

/** Resolves the drafts' speakers in text order and builds the quotes and the article's people. */
export function toQuotes(text: string, views: ParagraphView[], sentences: Span[], drafts: Draft[], people: PeopleIndex): { quotes: Quote[]; people: Person[] } {
  const marks: Span[] = views.flatMap((v) => v.marks.map((m) => ({ start: m.innerStart, end: m.innerEnd })));
  const insideQuote = (pos: number): boolean => {
    const k = lastStartingAtOrBefore(marks, pos);
    return k >= 0 && pos < marks[k]!.end;
  };
  const resolver = createResolver(text, people, insideQuote, sentences, views.map((v) => v.tokens));
  const resolved = new Map<Draft, { res: Resolution; mention: Span | null }>();
  const quoteCount = new Map<number, number>();
  const quotes: Quote[] = [];
  const ordered = [...drafts].sort((a, b) => a.segments[0]!.start - b.segments[0]!.start);
  for (const d of ordered) {
    const segments = d.segments.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
    if (!segments.length) continue;
    const inherited = d.inheritFrom ? resolved.get(d.inheritFrom) : undefined;
    const mention = inherited ? inherited.mention : d.mention;
    const res: Resolution = inherited ? inherited.res : mention ? resolver.resolve(mention, d.contextStart, segments) : { entity: null, name: null, kind: 'unknown' };
    resolved.set(d, { res, mention });
    if (res.entity !== null) {
      resolver.note(mention?.start ?? segments[0]!.start, res.entity);
      quoteCount.set(res.entity, (quoteCount.get(res.entity) ?? 0) + 1);
    }
    quotes.push({
      text: segments.map((s) => text.slice(s.start, s.end)).join(' '),
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
  const persons: Person[] = people.entities
    .map((e, i) => ({ e, count: quoteCount.get(i) ?? 0 }))
    .filter(({ e, count }) => e.kind === 'person' || count > 0)
    .map(({ e, count }) => ({ name: e.name, key: e.key, titles: e.titles, gender: e.gender, kind: e.kind, quoteCount: count }));
  return { quotes, people: persons };
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
