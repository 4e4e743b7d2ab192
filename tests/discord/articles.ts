import { createHash } from 'node:crypto';
import type { AnalyzedArticle, Quote } from '../../src/core/types.ts';
import type { Store } from '../../src/store/index.ts';

export interface QuoteSpec {
  /** The quote as one piece of the body (or give `pieces`). */
  text?: string;
  /** A quote interrupted by its attribution: the pieces, with the attribution between them in the body. */
  pieces?: string[];
  attribution?: string;
  speaker: string | null;
  kind?: Quote['kind'];
}

/**
 * Stores an article built by hand (as the analysers would produce it), for tests that need exact quotes:
 * Markdown and mentions inside quotes, very long texts.
 */
export function saveArticle(store: Store, spec: Partial<AnalyzedArticle> & { title: string; date: string; quoteSpecs?: QuoteSpec[] }): number {
  // Each quote is a paragraph of the body; its segments are the spans of its pieces there, as the analysers give them.
  let body = spec.title;
  const placed = (spec.quoteSpecs ?? []).map((q) => {
    const pieces = q.pieces ?? [q.text ?? ''];
    body += '\n\n';
    const segments = pieces.map((piece, n) => {
      if (n > 0) body += ` ${q.attribution ?? 'said'} `;
      const start = body.length;
      body += piece;
      return { start, end: body.length };
    });
    return { q, segments, text: pieces.join(' ') };
  });
  if (spec.body) body = spec.body;
  const quotes: Quote[] = placed.map(({ q, segments, text }) => ({
    text, start: segments[0]!.start, end: segments.at(-1)!.end, segments, kind: q.kind ?? 'direct', cue: 'said',
    speaker: q.speaker, speakerMention: q.speaker, speakerStart: null, speakerEnd: null, speakerKind: q.speaker ? 'person' : 'unknown',
  }));
  const names = [...new Set(quotes.map((q) => q.speaker).filter((s): s is string => s !== null))];
  const article: AnalyzedArticle = {
    titleGenerated: false, publishedAt: null, timeZone: 'UTC', timeZoneAssumed: true, dateline: null, author: null, authors: [],
    outlet: null, caption: null, photoCredit: null, url: null, imageUrl: null, paragraphs: [], warnings: [], sentences: [],
    summary: [], gist: null,
    ...spec,
    body,
    quotes,
    people: names.map((name) => ({
      name, key: name.toLowerCase(), titles: [], gender: null, kind: 'person', quoteCount: quotes.filter((q) => q.speaker === name).length,
    })),
  };
  const hash = createHash('sha256').update(JSON.stringify([spec.title, spec.date, body])).digest('hex');
  return store.articles.save({ article, contentHash: hash, sourceKey: null, source: null, ingestedAt: '2026-02-01T00:00:00Z' }).articleId;
}
