import type { Gender, SpeakerKind, Span } from '../types.ts';
import type { PeopleIndex } from '../text/people.ts';
import type { Token } from '../text/tokens.ts';
import { ORG_WORDS, ROLE_NOUNS } from '../text/name-lists.ts';
import { DETERMINERS } from './phrases.ts';
import { foldName, lowerCased } from '../text/normalize.ts';
import { isKnownFirstName } from '../text/gender.ts';
import { isCapitalisedWord, ORG_HEADS, ownerOf } from './source-words.ts';
import { organisation, roleHolder, type Candidates } from './descriptions.ts';
import { learnGenderFromText } from './text-gender.ts';
import { createLoneWordSorter } from './lone-words.ts';
import { lowerWords } from './mention-words.ts';

export interface Resolution {
  entity: number | null;
  /** Canonical name when known, else the mention as written for proper names, else null. */
  name: string | null;
  kind: SpeakerKind;
}

/** A resolved attribution, remembered so later pronouns and roles prefer recent speakers. */
export interface SalienceEvent {
  pos: number;
  entity: number;
}

// A Map, not an object: a keyed load with a fresh string costs a string-table look-up (and "constructor" is no pronoun).
const PERSON_PRONOUNS = new Map<string, Gender | 'any'>([['he', 'male'], ['him', 'male'], ['she', 'female'], ['her', 'female'], ['i', 'any'], ['who', 'any']]);
const RELATIVES = new Set(['which', 'that']);
const GROUP_PRONOUNS = new Set(['they', 'we', 'it']);
const WINDOW = 2500; // characters looked back for an antecedent
const DECAY = 500; // characters over which a mention's weight falls to 1/e

/**
 * Resolves source mentions to the people of an article: names and surnames through the people index,
 * roles ("the spokeswoman") to the person holding them, pronouns to the most salient person of the
 * right gender. Names inside quotations are not antecedents.
 */
export function createResolver(text: string, people: PeopleIndex, insideQuote: (pos: number) => boolean, sentences: Span[], paragraphs: readonly Token[][]) {
  const events: SalienceEvent[] = [];
  const { entities, mentions } = people;
  // The first name of a sentence (outside quotations) is usually its subject: the passage is about them.
  const subject = new Uint8Array(mentions.length);
  let s = 0;
  let lastSentence = -1;
  const subjectOf = new Map<number, number>(); // sentence index -> entity named first in it
  mentions.forEach((m, k) => {
    while (s < sentences.length && sentences[s]!.end <= m.start) s++;
    if (s !== lastSentence && !insideQuote(m.start)) {
      subject[k] = 1;
      lastSentence = s;
      subjectOf.set(s, m.entity);
    }
  });
  learnGenderFromText(text, sentences, subjectOf, entities);

  /**
   * "Patterson confirmed ... She said ...": a pronoun refers to the first fitting person named (or heard
   * speaking) earlier in its own sentence, else in the sentence before, however often others spoke before.
   */
  function previousSubject(mention: Span, ok: (e: number) => boolean): number | null {
    const k = sentenceAt(sentences, mention.start);
    if (k < 0) return null;
    // "Haraldsen told reporters ..., and she demanded ...": the sentence's own subject comes first.
    // Within the look-back window: a sentence of a thousand names must not make each pronoun read them all.
    const own = firstFitting(Math.max(sentences[k]!.start, mention.start - WINDOW), mention.start, ok);
    if (own !== null || k === 0) return own;
    const prev = sentences[k - 1]!;
    return prev.end > mention.start - WINDOW ? firstFitting(Math.max(prev.start, prev.end - WINDOW), prev.end, ok) : null;
  }

  /** The first fitting person named outside quotations, or resolved as a source, in [from, to). */
  function firstFitting(from: number, to: number, ok: (e: number) => boolean): number | null {
    let bestPos = to;
    let bestE: number | null = null;
    for (let k = lowerBound(mentions, from); k < mentions.length && mentions[k]!.start < to; k++) {
      const m = mentions[k]!;
      if (!insideQuote(m.start) && ok(m.entity)) { bestPos = m.start; bestE = m.entity; break; }
    }
    for (let k = events.length - 1; k >= 0 && events[k]!.pos >= from - WINDOW; k--) {
      const ev = events[k]!;
      if (ev.pos >= from && ev.pos < bestPos && !insideQuote(ev.pos) && ok(ev.entity)) { bestPos = ev.pos; bestE = ev.entity; }
    }
    return bestE;
  }

  /** Salience of each entity at `pos`: recent mentions count, recent speakers count more. */
  function salience(pos: number, sentenceStart: number): Map<number, number> {
    const score = new Map<number, number>();
    const bump = (e: number, v: number): void => { score.set(e, (score.get(e) ?? 0) + v); };
    for (let k = lowerBound(mentions, pos - WINDOW); k < mentions.length && mentions[k]!.start < pos; k++) {
      const m = mentions[k]!;
      if (insideQuote(m.start)) continue;
      const recency = Math.exp(-(pos - m.start) / DECAY);
      bump(m.entity, (m.start >= sentenceStart ? 1.5 : 1) * (subject[k] ? 3 : 1) * recency);
    }
    for (let k = events.length - 1; k >= 0 && pos - events[k]!.pos <= WINDOW; k--) {
      const ev = events[k]!;
      if (ev.pos < pos) bump(ev.entity, 2.5 * Math.exp(-(pos - ev.pos) / DECAY));
    }
    return score;
  }

  function best(score: Map<number, number>, ok: (e: number) => boolean, weight: (e: number) => number = () => 1): number | null {
    let bestE: number | null = null;
    let bestV = 0;
    for (const [e, v] of score) if (ok(e) && v * weight(e) > bestV) { bestV = v * weight(e); bestE = e; }
    return bestE;
  }

  /** People named inside the quotation marks of `content`: "We hear you, Per," he said — Per is not "he". */
  function namedInQuotes(content: Span[]): Set<number> {
    const out = new Set<number>();
    for (const seg of content) {
      for (let k = lowerBound(mentions, seg.start); k < mentions.length && mentions[k]!.start < seg.end; k++) {
        if (insideQuote(mentions[k]!.start)) out.add(mentions[k]!.entity);
      }
    }
    return out;
  }

  function resolve(mention: Span, sentenceStart: number, content: Span[] = []): Resolution {
    // lowerCased: most mentions ("he", "the council") have no capital, and toLowerCase is slow on a slice of a
    // text with curly marks or dashes (two bytes a character) even when it changes nothing.
    const words = lowerWords(lowerCased(text.slice(mention.start, mention.end)));
    // A name inside the mention ("White House spokeswoman Anna Kelly").
    // The first person named in it wins over organisations ("Fiona Maguire, secretary of the Workers Union").
    let named: number | null = null;
    for (let k = lowerBound(mentions, mention.start); k < mentions.length && mentions[k]!.start < mention.end; k++) {
      const e = mentions[k]!.entity;
      if (entities[e]!.kind === 'person') { named = e; break; }
      named = e;
    }
    if (named !== null) {
      const ent = entities[named]!;
      if (ent.kind === 'organisation') {
        // "the Centers for Disease Control and Prevention": the whole name as written.
        // Not "Astronomers at the Cerro Alto Observatory": only capitalised words and connectors.
        const whole = text.slice(mention.start, mention.end).replace(/^(the|The)\s+/, '').replace(/['’]s?$/, '').trim();
        const proper = whole.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || /^(of|for|and|the|de|on)$/.test(w));
        return { entity: named, name: whole.length > ent.name.length && proper ? whole : ent.name, kind: 'organisation' };
      }
      return found(named);
    }
    const first = words[0] ?? '';
    const pg = words.length === 1 ? PERSON_PRONOUNS.get(first) : undefined;
    if (pg) {
      const addressed = namedInQuotes(content);
      const fits = (x: number): boolean => entities[x]!.kind === 'person' && !addressed.has(x) && (pg === 'any' || entities[x]!.gender === pg || entities[x]!.gender === null);
      const e = (pg === 'any' ? null : previousSubject(mention, fits)) ?? best(salience(mention.start, sentenceStart), fits);
      return e === null ? unknown() : found(e);
    }
    if (words.length === 1 && RELATIVES.has(first)) {
      // "which" / "that" refer to the name just before them.
      const k = lowerBound(mentions, mention.start) - 1;
      const m = k >= 0 ? mentions[k]! : undefined;
      return m && mention.start - m.end < 40 ? found(m.entity) : unknown();
    }
    if (words.length === 1 && GROUP_PRONOUNS.has(first)) {
      if (first === 'it') {
        const e = best(salience(mention.start, sentenceStart), (x) => entities[x]!.kind === 'organisation');
        if (e !== null) return found(e);
      }
      return unknown();
    }
    const comma = mention.start + text.slice(mention.start, mention.end).indexOf(',');
    if (comma > mention.start) {
      // "The 51-year-old Italian, who took over in 2023": the phrase before its appositive.
      return resolve({ start: mention.start, end: comma }, sentenceStart);
    }
    const head = words[words.length - 1] ?? '';
    if (first === 'the' && (words.some((w) => /^\d+-year-old$/.test(w)) || (isCapitalisedWord(text, mention.end - head.length) && DEMONYM.test(head)))) {
      // "the 51-year-old", "the Italian": someone the passage is about.
      const person = (x: number): boolean => entities[x]!.kind === 'person';
      const e = previousSubject(mention, person) ?? best(salience(mention.start, sentenceStart), person);
      return e === null ? unknown() : found(e);
    }
    const owner = words.some((w) => OWNER_PREPOSITIONS.has(w)) ? ownerOf(text, mention) : null;
    if (owner) {
      // "a spokesperson for the company": the organisation speaks through them.
      const res = resolve(owner, sentenceStart);
      if (res.kind === 'organisation') return res;
    }
    if (ORG_HEADS.has(head) && (DETERMINERS.has(first) || /['’]s$/.test(first) || isCapitalisedWord(text, mention.start))) {
      const e = organisation(candidates, mention, words, sentenceStart);
      return e === null ? { entity: null, name: null, kind: 'organisation' } : found(e);
    }
    if (ROLE_NOUNS.has(head) && /^(the|this|that|our|its)$/.test(first)) {
      const e = roleHolder(candidates, mention, words, sentenceStart);
      return e === null ? unknown() : found(e);
    }
    // A proper name the people index did not know: keep it as written.
    const raw = text.slice(mention.start, mention.end).replace(/['’]s$/, '').trim();
    if (people.ignored.has(foldName(raw))) return unknown();
    const nameWords = raw.split(/\s+/);
    if (DETERMINERS.has(lowerCased(nameWords[0]!))) nameWords.shift();
    if (nameWords.length && nameWords.every((w) => /^[\p{Lu}(]/u.test(w) || /^(of|de|la|von|van|for|and)$/.test(w))) {
      // Met only as a source ("Nordwind Energy said"): becomes someone later mentions can refer to.
      const name = nameWords.join(' ');
      let org = words.some((w) => ORG_WORDS.has(w.replace(/['’]s$/, ''))) || (nameWords.length > 1 && !isKnownFirstName(nameWords[0]!));
      if (nameWords.length === 1 && !org) {
        // "Brennock rejected ...": the short name of an organisation met before ("Brennock Textiles").
        const key = foldName(name);
        const short = orgsByFirstWord.get(key);
        if (short !== undefined && entities[short]!.mentions[0]!.start < mention.start) return found(short);
        const sort = loneWordSort(name, key);
        if (sort === 'common') return unknown();
        org = sort === 'country';
      }
      return found(adHoc(name, org ? 'organisation' : 'person', mention));
    }
    if (/^the\s/.test(raw) && words.some((w) => ORG_WORDS.has(w))) return { entity: null, name: null, kind: 'organisation' };
    return unknown();
  }

  const loneWordSort = createLoneWordSorter(text, paragraphs);

  /** Organisations by the first word of their name, for their short names ("Brennock"). */
  const orgsByFirstWord = new Map<string, number>();
  const indexOrganisation = (x: number): void => {
    if (entities[x]!.kind !== 'organisation') return;
    const first = foldName(entities[x]!.parts[0] ?? '');
    if (first && !orgsByFirstWord.has(first)) orgsByFirstWord.set(first, x);
  };
  entities.forEach((_, x) => indexOrganisation(x));

  const adHocKeys = new Map<string, number>();
  function adHoc(name: string, kind: 'person' | 'organisation', mention: Span): number {
    const key = foldName(name);
    let e = adHocKeys.get(key);
    if (e === undefined) {
      e = entities.length;
      entities.push({ name, key, parts: name.split(' '), titles: [], roles: new Set(), gender: null, genderSource: null, kind, mentions: [] });
      adHocKeys.set(key, e);
      indexOrganisation(e);
    }
    entities[e]!.mentions.push({ start: mention.start, end: mention.end });
    return e;
  }

  /** Everyone named before `pos`, earliest first: the fallback when no one is salient. */
  function allMentioned(pos: number): Map<number, number> {
    const score = new Map<number, number>();
    entities.forEach((e, x) => { if (e.mentions[0] && e.mentions[0].start < pos) score.set(x, 1 / (1 + x)); });
    return score;
  }

  function found(e: number): Resolution {
    const ent = entities[e]!;
    return { entity: e, name: ent.name, kind: ent.kind };
  }

  const candidates: Candidates = { text, entities, salience, best, allMentioned, previousSubject, adHoc };

  return {
    resolve,
    /** Records that `entity` spoke at `pos`. */
    note(pos: number, entity: number): void { events.push({ pos, entity }); },
  };
}

/** Index of the sentence holding `pos`, or -1. */
function sentenceAt(sentences: Span[], pos: number): number {
  const k = lowerBound(sentences, pos + 1) - 1;
  return k >= 0 && pos < sentences[k]!.end ? k : -1;
}

const OWNER_PREPOSITIONS = new Set(['of', 'for', 'in', 'at', 'from']);

/** Words for people by their origin: "Italian", "Norvanian", "Congolese", "Briton". */
const DEMONYM = /^\p{L}+(ian|ean|an|ese|ish|i|er|ite|on)$/u;

const unknown = (): Resolution => ({ entity: null, name: null, kind: 'unknown' });

function lowerBound(arr: Span[], pos: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
