import type { AnalyzedArticle, QuoteKind, SpeakerKind, Span } from '../core/types.ts';

/** The fields of an analysed article that the articles table keeps (quotes and people have their own). */
type ArticleColumns = Pick<AnalyzedArticle,
  'title' | 'titleGenerated' | 'date' | 'publishedAt' | 'timeZone' | 'timeZoneAssumed' | 'dateline' | 'author' | 'outlet'
  | 'caption' | 'photoCredit' | 'url' | 'imageUrl' | 'body' | 'summary' | 'gist' | 'warnings'>;

/** An article as the store returns it. */
export interface StoredArticle extends ArticleColumns {
  id: number;
  ingestedAt: string;
  sourceKey: string | null;
}

/** A quote with the person and article it belongs to. */
export interface StoredQuote {
  id: number;
  articleId: number;
  position: number;
  text: string;
  kind: QuoteKind;
  cue: string | null;
  speaker: string | null;
  speakerMention: string | null;
  speakerKind: SpeakerKind;
  personId: number | null;
  start: number;
  end: number;
  segments: Span[];
  articleTitle: string | null;
  articleDate: string | null;
  articleUrl: string | null;
}

export interface StoredPerson {
  id: number;
  key: string;
  name: string;
  kind: 'person' | 'organisation';
  gender: 'female' | 'male' | null;
  titles: string[];
  quoteCount: number;
}

/** Converts a snake_case row from SQLite into camelCase fields (JSON columns parsed, flags as booleans). */
export function articleFromRow(row: Record<string, unknown>): StoredArticle {
  return {
    id: row.id as number,
    title: row.title as string | null,
    titleGenerated: row.title_generated === 1,
    date: row.date as string | null,
    publishedAt: row.published_at as string | null,
    timeZone: row.time_zone as string,
    timeZoneAssumed: row.time_zone_assumed === 1,
    dateline: row.dateline as string | null,
    author: row.author as string | null,
    outlet: row.outlet as string | null,
    caption: row.caption as string | null,
    photoCredit: row.photo_credit as string | null,
    url: row.url as string | null,
    imageUrl: row.image_url as string | null,
    body: row.body as string,
    summary: JSON.parse(row.summary as string) as string[],
    gist: row.gist as string | null,
    warnings: JSON.parse(row.warnings as string) as string[],
    ingestedAt: row.ingested_at as string,
    sourceKey: row.source_key as string | null,
  };
}

export function quoteFromRow(row: Record<string, unknown>): StoredQuote {
  return {
    id: row.id as number,
    articleId: row.article_id as number,
    position: row.position as number,
    text: row.text as string,
    kind: row.kind as QuoteKind,
    cue: row.cue as string | null,
    speaker: (row.person_name as string | null) ?? null,
    speakerMention: row.speaker_mention as string | null,
    speakerKind: row.speaker_kind as SpeakerKind,
    personId: row.person_id as number | null,
    start: row.start as number,
    end: row.end as number,
    segments: JSON.parse(row.segments as string) as Span[],
    articleTitle: row.article_title as string | null,
    articleDate: row.article_date as string | null,
    articleUrl: row.article_url as string | null,
  };
}

export function personFromRow(row: Record<string, unknown>): StoredPerson {
  return {
    id: row.id as number,
    key: row.key as string,
    name: row.name as string,
    kind: row.kind as 'person' | 'organisation',
    gender: row.gender as 'female' | 'male' | null,
    titles: JSON.parse(row.titles as string) as string[],
    quoteCount: row.quote_count as number,
  };
}
