import type { Span } from '../types.ts';

/** A headline written from the lede for articles without one (placeholder until issue 4's version lands). */
export function generateHeadline(text: string, sentences: Span[]): string | null {
  const first = sentences[0];
  if (!first) return null;
  const lede = text.slice(first.start, first.end).replace(/\s+/g, ' ').trim();
  if (lede.length <= 100) return lede;
  const cut = lede.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return space > 0 ? cut.slice(0, space) : cut;
}
