import type { AnalyzedArticle } from '../core/types.ts';
import { joinPieces, quotePieces } from '../discord/render/article.ts';

/** The readable view of `quotewire parse FILE`: metadata, summary, then every quote with its speaker. */
export function renderArticleText(a: AnalyzedArticle): string {
  const lines: string[] = [];
  lines.push(`${a.title ?? '(untitled)'}${a.titleGenerated ? '   [headline generated from the lede]' : ''}`);
  const field = (label: string, value: string | null | undefined): void => {
    if (value) lines.push(`  ${label.padEnd(10)} ${value}`);
  };
  field('date', a.date);
  field('published', a.publishedAt ? `${a.publishedAt}${a.timeZoneAssumed ? ` (zone assumed: ${a.timeZone})` : ''}` : null);
  field('dateline', a.dateline);
  field('author', a.author);
  field('outlet', a.outlet);
  field('url', a.url);
  field('caption', a.caption);
  field('photo', a.photoCredit);
  lines.push(`  ${'body'.padEnd(10)} ${a.paragraphs.length} paragraphs, ${a.sentences.length} sentences`);
  for (const w of a.warnings) lines.push(`  warning:   ${w}`);
  if (a.summary.length > 0) {
    lines.push('', 'Summary:');
    for (const s of a.summary) lines.push(`  ${s}`);
  }
  if (a.quotes.length > 0) {
    lines.push('', `Quotes (${a.quotes.length}):`);
    for (const q of a.quotes) {
      const who = q.speaker ?? (q.speakerMention ? `${q.speakerMention} (unresolved)` : 'unknown speaker');
      // The pieces of a quote the attribution interrupted are shown apart, as the reader of the article saw them.
      lines.push(`  [${q.kind}] ${who}${q.cue ? `, ${q.cue}` : ''}: ${joinPieces(quotePieces(q), (p) => p)}`);
    }
  }
  if (a.people.length > 0) {
    lines.push('', 'People:');
    for (const p of a.people) lines.push(`  ${p.name}${p.titles.length ? ` (${p.titles.join(', ')})` : ''}${p.quoteCount ? `: ${p.quoteCount} quote${p.quoteCount === 1 ? '' : 's'}` : ''}`);
  }
  return lines.join('\n');
}
