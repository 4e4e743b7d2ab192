import type { AnalyzedArticle, Person } from '../core/types.ts';

/** A person some of an article's quotes are attributed to, with how many of them. */
export type PreparedSpeaker = Pick<Person, 'name' | 'kind' | 'gender' | 'titles'> & { quotes: number };

/**
 * An analysed article turned into the values the store binds: plain columns, JSON columns already
 * serialised, and all quotes as one flat list of values (written by one statement). It holds only strings, numbers
 * and a short list of speakers, so it is cheap to pass between threads: ingest builds it on the analysis
 * workers and leaves the main thread nothing but the SQL.
 */
export interface PreparedArticle {
  title: string | null;
  titleGenerated: 0 | 1;
  date: string | null;
  publishedAt: string | null;
  timeZone: string;
  timeZoneAssumed: 0 | 1;
  dateline: string | null;
  author: string | null;
  outlet: string | null;
  caption: string | null;
  photoCredit: string | null;
  url: string | null;
  imageUrl: string | null;
  body: string;
  summary: string;
  gist: string | null;
  warnings: string;
  /**
   * The quotes in article order, `QUOTE_FIELDS.length` values each, flat: `speaker` indexes `speakers`
   * (or is null) and `segments` is already JSON.
   */
  quotes: (string | number | null)[];
  /** The people and organisations quotes are attributed to, in order of their first quote. */
  speakers: PreparedSpeaker[];
}

/** The values of each quote in `PreparedArticle.quotes`, in this order. */
export const QUOTE_FIELDS = ['speaker', 'text', 'kind', 'cue', 'mention', 'speakerKind', 'start', 'end', 'segments', 'speakerStart', 'speakerEnd'] as const;

/** The store's values for an analysed article (pure: runs on any thread). */
export function prepareArticle(article: AnalyzedArticle): PreparedArticle {
  const peopleByName = new Map(article.people.map((p) => [p.name, p]));
  const speakers: PreparedSpeaker[] = [];
  const speakerIndex = new Map<string, number>();
  const quotes: (string | number | null)[] = [];
  for (const q of article.quotes) {
    let speaker: number | null = null;
    // Only attributed quotes bring a person into the store; an unknown speaker stays a bare mention.
    if (q.speaker && q.speakerKind !== 'unknown') {
      speaker = speakerIndex.get(q.speaker) ?? null;
      if (speaker === null) {
        speaker = speakers.length;
        speakerIndex.set(q.speaker, speaker);
        const known = peopleByName.get(q.speaker);
        speakers.push({
          name: q.speaker, kind: known?.kind ?? (q.speakerKind === 'organisation' ? 'organisation' : 'person'),
          gender: known?.gender ?? null, titles: known?.titles ?? [], quotes: 0,
        });
      }
      speakers[speaker]!.quotes++;
    }
    quotes.push(speaker, q.text, q.kind, q.cue, q.speakerMention, q.speakerKind, q.start, q.end, JSON.stringify(q.segments), q.speakerStart, q.speakerEnd);
  }
  return {
    title: article.title, titleGenerated: article.titleGenerated ? 1 : 0, date: article.date, publishedAt: article.publishedAt,
    timeZone: article.timeZone, timeZoneAssumed: article.timeZoneAssumed ? 1 : 0, dateline: article.dateline,
    author: article.author, outlet: article.outlet, caption: article.caption, photoCredit: article.photoCredit,
    url: article.url, imageUrl: article.imageUrl, body: article.body, summary: JSON.stringify(article.summary),
    gist: article.gist, warnings: JSON.stringify(article.warnings), quotes, speakers,
  };
}
