import type { StoredPerson, StoredQuote } from '../../store/rows.ts';
import { truncate } from '../limits.ts';
import type { Button, Reply } from '../reply.ts';
import { headlineLink, quoteText } from './article.ts';
import { articleDate, escapeMarkdown } from './markdown.ts';

export const QUOTE_COLOR = 0x9f6f2f;
const QUOTE_CHARS = 600;

export interface QuotePageView {
  /** Whose quotes these are; null for everyone's quotes on `about`, each then shown with its speaker. */
  person: StoredPerson | null;
  quotes: StoredQuote[];
  total: number;
  offset: number;
  pageSize: number;
  about: string | null;
  /** Builds the custom id of the button that shows the page at `offset`. */
  pageId: (offset: number) => string;
}

/** The title of a page of quotes: whose, and on what. */
function quotePageTitle(person: StoredPerson | null, about: string | null): string {
  if (person) return about ? `${person.name} on “${about}”` : `What ${person.name} said`;
  return `Everyone on “${about ?? ''}”`;
}

/**
 * One page of a person's quotes (or of everyone's on `about`), newest first with direct before reported, and
 * Previous/Next when there are more.
 */
export function renderQuotePage(view: QuotePageView): Reply {
  const { person, quotes, total, offset, pageSize, about } = view;
  const lines = quotes.map((q) => {
    const speaker = person || !q.speaker ? '' : `${escapeMarkdown(q.speaker)} in `;
    return `${quoteText(q, QUOTE_CHARS)}\n— ${speaker}${headlineLink(q.articleTitle, q.articleUrl)}, ${articleDate(q.articleDate)}`;
  });
  const title = quotePageTitle(person, about);
  const reply: Reply = {
    embeds: [{
      title: truncate(escapeMarkdown(title), 256),
      color: QUOTE_COLOR,
      description: lines.join('\n\n'),
      footer: { text: `Quotes ${offset + 1}–${offset + quotes.length} of ${total} · direct quotes first, then reported speech, newest first` },
    }],
  };
  if (total > pageSize) {
    const row: Button[] = [
      { kind: 'action', customId: view.pageId(Math.max(0, offset - pageSize)), label: 'Previous', style: 'secondary', disabled: offset === 0 },
      { kind: 'action', customId: view.pageId(offset + pageSize), label: 'Next', style: 'primary', disabled: offset + pageSize >= total },
    ];
    reply.buttons = [row];
  }
  return reply;
}

/** The most-quoted people with their counts. */
export function renderSpeakers(people: StoredPerson[]): Reply {
  if (people.length === 0) return { content: 'No one has been quoted yet. Articles with quotes will fill this list.', ephemeral: true };
  const lines = people.map((p, i) => `**${i + 1}.** ${escapeMarkdown(p.name)} — ${p.quoteCount} quote${p.quoteCount === 1 ? '' : 's'}`);
  return {
    embeds: [{
      title: 'Most-quoted people',
      color: QUOTE_COLOR,
      description: lines.join('\n'),
      footer: { text: 'Use /quote speaker: to read what someone said' },
    }],
  };
}
