import type { Person, Quote, Span } from '../types.ts';
import { recognisePeople } from '../text/people.ts';
import type { Token } from '../text/tokens.ts';
import { buildViews } from './paragraph.ts';
import { collectDrafts } from './drafts.ts';
import { toQuotes } from './assemble.ts';

export interface QuoteInput {
  /** The text the offsets refer to (the whole input as given). */
  text: string;
  /** Body paragraphs as spans into `text`; header, caption, byline and dateline are outside them. */
  paragraphs: Span[];
  /** Sentences of the body, spans into `text`, from splitSentences. */
  sentences: Span[];
  /** Names that must not become speakers: the byline's authors, the photographer. */
  ignoreNames?: string[];
}

export interface QuoteResult {
  quotes: Quote[];
  people: Person[];
}

/** Finds direct, mixed and reported-speech quotes and resolves their speakers to people of the article. */
export function findQuotes(input: QuoteInput): QuoteResult {
  const { text } = input;
  const views = buildViews(text, input.paragraphs, input.sentences);
  const paragraphTokens: Token[][] = [];
  for (const v of views) paragraphTokens.push(v.tokens);
  const people = recognisePeople(text, paragraphTokens, input.ignoreNames ?? []);
  const drafts = collectDrafts(text, views);
  return toQuotes(text, views, paragraphTokens, input.sentences, drafts, people);
}
