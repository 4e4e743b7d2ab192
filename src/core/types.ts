/**
 * The shapes that flow through quotewire: source text -> core -> store -> commands.
 * Every span is a 0-based, end-exclusive JavaScript string index into the text the parser was given
 * (for HTML, into the extracted `body`). Evaluation depends on this.
 */

export interface Span {
  start: number;
  end: number;
}

export type QuoteKind = 'direct' | 'mixed' | 'indirect';
export type SpeakerKind = 'person' | 'organisation' | 'unknown';
export type Gender = 'female' | 'male';

export interface Quote {
  /** The quoted content as written; for a quote with several segments, the segments joined by " ". */
  text: string;
  /** Envelope of the whole quote, quotation marks included for direct quotes. */
  start: number;
  end: number;
  /** The pieces of content; one for most quotes, two or more when the attribution interrupts the quote. */
  segments: Span[];
  kind: QuoteKind;
  /** The speech verb or phrase that marks the attribution ("said", "according to"), or null. */
  cue: string | null;
  /** Canonical name of the person or organisation the mention resolves to, or null when unknown. */
  speaker: string | null;
  /** The mention next to the quote as written ("she", "the president", "Sheinbaum"). */
  speakerMention: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerKind: SpeakerKind;
}

export interface Person {
  /** Canonical full name as the article gives it ("Claudia Sheinbaum"). */
  name: string;
  /** Accent- and case-folded name used to merge the same person across articles ("claudia sheinbaum"). */
  key: string;
  /** Titles and roles seen with the name ("Mexican President", "White House spokeswoman"). */
  titles: string[];
  gender: Gender | null;
  kind: 'person' | 'organisation';
  /** How many quotes of the article are attributed to this person. */
  quoteCount: number;
}

/** What the format parsers (plain text, HTML) produce before any analysis. */
export interface ParsedArticle {
  title: string | null;
  /** True when the source had no headline and `title` was written from the lede. */
  titleGenerated: boolean;
  /** The article's date, YYYY-MM-DD. */
  date: string | null;
  /** ISO 8601 timestamp with offset, or null when the source gives no time. */
  publishedAt: string | null;
  /** IANA zone used to read the dateline. */
  timeZone: string;
  /** True when the source gave no zone and `timeZone` was assumed (per-source setting, default UTC). */
  timeZoneAssumed: boolean;
  /** The dateline exactly as written ("11:56 AM – Sunday, May 4, 2025"). */
  dateline: string | null;
  author: string | null;
  authors: string[];
  outlet: string | null;
  caption: string | null;
  photoCredit: string | null;
  url: string | null;
  imageUrl: string | null;
  /** The article text without header, caption, byline and dateline. */
  body: string;
  /** Paragraphs of the body, as spans into the input text. */
  paragraphs: Span[];
  warnings: string[];
}

/** A parsed article with everything the analysis adds: sentences, quotes, people, summary. */
export interface AnalyzedArticle extends ParsedArticle {
  sentences: Span[];
  quotes: Quote[];
  people: Person[];
  /** The summary sentences, in article order, each a whole sentence of the body. */
  summary: string[];
  /** One sentence (at most about 40 words) for digests. */
  gist: string | null;
}
