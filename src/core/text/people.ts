import type { Gender, Span } from '../types.ts';
import { foldName, lowerCased } from './normalize.ts';
import { genderOfFirstName, genderOfWord, isKnownFirstName } from './gender.ts';
import { NAME_TITLES, ORG_WORDS, PLACE_SUFFIXES, PLACE_WORDS, ROLE_NOUNS } from './name-lists.ts';
import { isByline, NO_WORDS, runsOf, withoutPossessive, type Run } from './name-runs.ts';
import type { Token } from './tokens.ts';

/** A person or organisation of one article, with every place it is named. */
export interface Entity {
  name: string;
  key: string;
  /** Name words, e.g. ["Claudia", "Sheinbaum"]. */
  parts: string[];
  titles: string[];
  /** Lower-cased role nouns from the titles ("president", "spokeswoman"), for "the president". */
  roles: Set<string>;
  gender: Gender | null;
  /** Where the gender comes from: a title or role word ("spokeswoman") outranks the text, which outranks the first-name list. */
  genderSource: 'title' | 'text' | 'name' | null;
  kind: 'person' | 'organisation';
  mentions: Span[];
}

export interface EntityMention extends Span {
  entity: number;
}

export interface PeopleIndex {
  entities: Entity[];
  /** Name mentions in text order. */
  mentions: EntityMention[];
  /** Folded names (and surnames) that must not become people: bylines, photographers. */
  ignored: Set<string>;
}

const ACRONYM = /^[A-Z][A-Z&.]{1,7}$/;
/** Organisations named by one word of the organisation list. */
const SINGLE_WORD_ORGS = new Set(['congress', 'senate', 'parliament', 'pentagon', 'kremlin', 'reuters', 'treasury', 'nato']);
/** The gender known so far, or the first-name guess. */
function genderGuess(e: Entity): Gender | null {
  return e.gender ?? (e.parts.length > 1 ? genderOfFirstName(e.parts[0]!) : null);
}

const bare = (t: Token): string => withoutPossessive(t.text);

/**
 * Recognises the people and organisations named in an article: capitalised runs with their titles,
 * organisations by their words, places and credits left out, lone surnames and first names mapped to the
 * full names seen elsewhere in the article. `ignore` holds names (bylines, photographers) to leave out.
 */
export function recognisePeople(text: string, paragraphs: Token[][], ignore: string[] = []): PeopleIndex {
  const ignored = ignoredNames(ignore);
  const entities: Entity[] = [];
  const byKey = new Map<string, number>();
  const bySurname = new Map<string, number[]>();
  const pending: Named[] = [];
  const mentions: EntityMention[] = [];

  const add = ({ run, parts, joined }: Named, kind: 'person' | 'organisation'): void => {
    const name = kind === 'organisation' ? text.slice(run.fullStart, run.end) : joined;
    const key = foldName(name);
    const last = foldName(parts[parts.length - 1] ?? name);
    let idx = byKey.get(key) ?? (kind === 'person' ? surnameOwner(last, parts, run.titleWords) : undefined);
    if (idx === undefined) {
      idx = entities.length;
      entities.push({ name, key, parts, titles: [], roles: new Set(), gender: null, genderSource: null, kind, mentions: [] });
      byKey.set(key, idx);
    }
    const e = entities[idx]!;
    if (parts.length > e.parts.length && kind === 'person') {
      // A fuller name for someone first met by surname ("President Trump" ... "Donald Trump").
      e.parts = parts; e.name = name; e.key = key; byKey.set(key, idx);
    }
    if (kind === 'person') {
      const owners = bySurname.get(last);
      if (!owners) bySurname.set(last, [idx]);
      else if (!owners.includes(idx)) owners.push(idx);
    }
    if (run.titleText && !e.titles.includes(run.titleText)) e.titles.push(run.titleText);
    for (const w of run.titleWords) {
      if (ROLE_NOUNS.has(w)) e.roles.add(w);
      const g = genderOfWord(w);
      if (g && !e.gender) { e.gender = g; e.genderSource = 'title'; }
    }
    const start = kind === 'organisation' ? run.fullStart : run.start;
    e.mentions.push({ start, end: run.end });
    mentions.push({ start, end: run.end, entity: idx });
  };
  /** The person a surname refers to: same first name if given, the gender of "Mrs."/"Mr." if given, else the first met. */
  const surnameOwner = (last: string, parts: string[], titleWords: string[]): number | undefined => {
    const owners = bySurname.get(last);
    if (!owners) return undefined;
    if (parts.length > 1) {
      // Same surname, different first names: different people.
      const firstName = foldName(parts[0]!);
      return owners.find((x) => entities[x]!.parts.length === 1 || foldName(entities[x]!.parts[0]!) === firstName);
    }
    const g = titleGender(titleWords);
    if (g) return owners.find((x) => genderGuess(entities[x]!) === g) ?? owners[0];
    return owners[0];
  };
  for (const tokens of paragraphs) {
    for (const run of runsOf(text, tokens, isByline(tokens))) {
      const named = nameOf(run);
      const { words, parts, lowers } = named;
      if (run.credit || (ignored.size && ignored.has(foldName(named.joined)))) continue;
      if (run.attributive && words.length === 1) continue;
      const acronym = words.length <= 2 && words.some((t) => ACRONYM.test(t.text) && !t.text.includes('.'));
      // A lone common noun ("Union leader ...", "Government sources ...") is no organisation's name.
      const loneCommon = words.length === 1 && run.fullStart === run.start && !SINGLE_WORD_ORGS.has(lowers[0]!);
      if (acronym || (!loneCommon && lowers.some((w) => ORG_WORDS.has(w)))) { add(named, 'organisation'); continue; }
      // "San Telmo Springs", "Calder Falls": a place, whatever its first word.
      if (lowers.every((w) => PLACE_WORDS.has(w)) || (words.length > 1 && PLACE_SUFFIXES.has(lowers[lowers.length - 1]!))) continue;
      const titled = run.titleWords.some((w) => NAME_TITLES.has(w) || ROLE_NOUNS.has(w));
      if (words.length >= 2 && words.length <= 5 && ((isKnownFirstName(parts[0]!) && !run.thing) || titled)) add(named, 'person');
      else if (words.length === 1 && titled && !PLACE_WORDS.has(lowers[0]!)) add(named, 'person');
      else if (words.length <= 2) pending.push(named);
    }
  }
  // Lone names: surnames or first names of people seen elsewhere in the article.
  const byFirstName = new Map<string, number>();
  for (let x = 0; x < entities.length; x++) {
    const e = entities[x]!;
    if (e.kind !== 'person' || e.parts.length <= 1) continue;
    const firstName = foldName(e.parts[0]!);
    if (!byFirstName.has(firstName)) byFirstName.set(firstName, x);
  }
  for (const { run, parts } of pending) {
    const last = foldName(parts[parts.length - 1]!);
    let idx = surnameOwner(last, parts.length > 1 ? parts : NO_WORDS, run.titleWords);
    if (idx === undefined && parts.length === 1) idx = byFirstName.get(last);
    if (idx === undefined) continue;
    entities[idx]!.mentions.push({ start: run.start, end: run.end });
    mentions.push({ start: run.start, end: run.end, entity: idx });
  }
  for (const e of entities) {
    e.key = foldName(e.name);
    if (e.kind === 'person' && !e.gender && e.parts.length > 1) {
      e.gender = genderOfFirstName(e.parts[0]!);
      if (e.gender) e.genderSource = 'name';
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions, ignored };
}

/**
 * A run with its word tokens and their texts without possessive endings ("Kovac's" -> "Kovac"), also
 * lower-cased and joined by spaces (a person's name: word tokens start with a letter or digit, so no
 * space comes before a dot).
 */
interface Named {
  run: Run;
  words: Token[];
  parts: string[];
  lowers: string[];
  joined: string;
}

// Built with push rather than map(): an optimised map() returns holey arrays, and code that has only seen
// packed ones deoptimises when it reads them.
function nameOf(run: Run): Named {
  const words: Token[] = [];
  const parts: string[] = [];
  const lowers: string[] = [];
  for (const t of run.tokens) {
    if (!t.word) continue;
    const part = bare(t);
    words.push(t);
    parts.push(part);
    lowers.push(part === t.text ? t.lower : lowerCased(part)); // the token's own lower case, when it has no possessive
  }
  return { run, words, parts, lowers, joined: parts.join(' ') };
}

/** The gender told by the first title word that tells one ("Mrs.", "spokesman"), or null. */
function titleGender(titleWords: string[]): Gender | null {
  for (const w of titleWords) {
    const g = genderOfWord(w);
    if (g !== null) return g;
  }
  return null;
}

/** Folded names (and surnames) to leave out. "Hector Vivas/Getty Images": a credit may name a person and an agency. */
function ignoredNames(ignore: string[]): Set<string> {
  const ignored = new Set<string>();
  for (const credit of ignore) {
    // Most credits are one name: no array to split into (this runs for every article).
    for (const piece of credit.includes('/') ? credit.split('/') : [credit]) {
      const n = foldName(piece);
      if (!n) continue;
      ignored.add(n);
      ignored.add(n.slice(n.lastIndexOf(' ') + 1)); // the surname
    }
  }
  return ignored;
}
