import type { AnalyzedArticle, Person, Span } from '../core/types.ts';

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
  /** The quotes in article order, packed (`unpackQuotes` gives their values). */
  quotes: PackedQuotes;
  /** The people and organisations quotes are attributed to, in order of their first quote. */
  speakers: PreparedSpeaker[];
}

/**
 * The values of each quote, in this order: `speaker` indexes `speakers` (or is null) and `segments` is
 * already JSON.
 */
export const QUOTE_FIELDS = ['speaker', 'text', 'kind', 'cue', 'mention', 'speakerKind', 'start', 'end', 'segments', 'speakerStart', 'speakerEnd'] as const;

/** The fields of QUOTE_FIELDS that hold strings (or null); the others hold integers (or null). */
const STRING_FIELD = QUOTE_FIELDS.map((f) => f === 'text' || f === 'kind' || f === 'cue' || f === 'mention' || f === 'speakerKind' || f === 'segments');

/**
 * An article's quotes as one array of integers and one string: cheaper to pass between threads than the
 * ~200 separate values of an article's quotes (bench corpus: sending an analysed article fell from ~58 to
 * ~43 µs of the worker's CPU, receiving it from ~63 to ~45 µs of the main thread's). `numbers` holds
 * QUOTE_FIELDS.length integers per quote: a number field's value, or a string field's length in `strings`,
 * where the strings follow one another; -1 stands for null in both (offsets and indexes are never negative).
 */
export interface PackedQuotes {
  count: number;
  numbers: Int32Array;
  strings: string;
}

function packQuotes(values: (string | number | null)[]): PackedQuotes {
  const numbers = new Int32Array(values.length);
  const strings: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value === null) numbers[i] = -1;
    else if (typeof value === 'number') numbers[i] = value;
    else {
      numbers[i] = value.length;
      strings.push(value);
    }
  }
  return { count: values.length / QUOTE_FIELDS.length, numbers, strings: strings.join('') };
}

/** The quotes' values, QUOTE_FIELDS.length each, flat, as `prepareArticle` found them. */
export function unpackQuotes({ numbers, strings }: PackedQuotes): (string | number | null)[] {
  const values: (string | number | null)[] = [];
  let at = 0;
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    if (n === -1) values.push(null);
    else if (!STRING_FIELD[i % QUOTE_FIELDS.length]) values.push(n);
    else values.push(strings.slice(at, (at += n)));
  }
  return values;
}

/**
 * `JSON.stringify(spans)` of integer spans, written out directly: JSON.stringify took half the time of
 * preparing an article (about 20 µs for its ~17 quotes).
 */
export function spansJson(spans: readonly Span[]): string {
  let json = '[';
  for (let k = 0; k < spans.length; k++) json += `${k === 0 ? '' : ','}{"start":${spans[k]!.start},"end":${spans[k]!.end}}`;
  return json + ']';
}

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
    quotes.push(speaker, q.text, q.kind, q.cue, q.speakerMention, q.speakerKind, q.start, q.end, spansJson(q.segments), q.speakerStart, q.speakerEnd);
  }
  return {
    title: article.title, titleGenerated: article.titleGenerated ? 1 : 0, date: article.date, publishedAt: article.publishedAt,
    timeZone: article.timeZone, timeZoneAssumed: article.timeZoneAssumed ? 1 : 0, dateline: article.dateline,
    author: article.author, outlet: article.outlet, caption: article.caption, photoCredit: article.photoCredit,
    url: article.url, imageUrl: article.imageUrl, body: article.body, summary: JSON.stringify(article.summary),
    gist: article.gist, warnings: JSON.stringify(article.warnings), quotes: packQuotes(quotes), speakers,
  };
}
