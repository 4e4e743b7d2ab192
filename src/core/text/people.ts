import type { Gender, Span } from '../types.ts';
import { foldName } from './normalize.ts';
import { genderOfFirstName, genderOfWord, isKnownFirstName } from './gender.ts';
import { CREDIT_WORDS, NAME_PARTICLES, NAME_TITLES, NOT_NAME_WORDS, ORG_WORDS, PLACE_SUFFIXES, PLACE_WORDS, ROLE_NOUNS } from './name-lists.ts';
import { isCapitalised, type Token } from './tokens.ts';

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

interface Run {
  tokens: Token[];
  titleText: string;
  titleWords: string[];
  start: number;
  end: number;
  /** Start of the run with its leading title words ("White House"), for organisations. */
  fullStart: number;
  credit: boolean;
  /** Followed by a lower-case role ("a former Portmere captain"): the run qualifies someone else. */
  attributive: boolean;
  /** After "the" with no title: a ship, a building, a work ("the Morning Heron"), not a person. */
  thing: boolean;
}

const ACRONYM = /^[A-Z][A-Z&.]{1,7}$/;
/** Organisations named by one word of the organisation list. */
const SINGLE_WORD_ORGS = new Set(['congress', 'senate', 'parliament', 'pentagon', 'kremlin', 'reuters', 'treasury', 'nato']);
/** Capitalised words that start a title without being one ("White House spokeswoman", "U.S. Senator"). */
const TITLE_LEADS = new Set(['White', 'House', 'U.S', 'US']);
const CONNECTORS = new Set(['of', 'for', 'and']);

// The string helpers below do what the regular expressions in their comments do, without the regex engine:
// runsOf calls them for almost every capitalised word of an article.

/** Does the word end in a possessive, /['’]s?$/ ("Kovac's", "Jones'")? */
function endsPossessive(word: string): boolean {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (last === 39 || last === 0x2019) return true;
  if (last !== 115 || n < 2) return false;
  const before = word.charCodeAt(n - 2);
  return before === 39 || before === 0x2019;
}

/** The word without a possessive ending: word.replace(/['’]s?$/, ''). */
function withoutPossessive(word: string): string {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (last === 39 || last === 0x2019) return word.slice(0, -1);
  if (last !== 115 || n < 2) return word;
  const before = word.charCodeAt(n - 2);
  return before === 39 || before === 0x2019 ? word.slice(0, -2) : word;
}

const withoutFinalDot = (word: string): string => (word.endsWith('.') ? word.slice(0, -1) : word);
const isOrgWord = (w: string): boolean => ORG_WORDS.has(w) || (w.endsWith('s') && ORG_WORDS.has(w.slice(0, -1)));
const isNameWord = (t: Token | undefined): boolean => t !== undefined && t.word && isCapitalised(t.text);

/**
 * Does the connector `c` ("of", "for", "and") join the run so far to a following capitalised word?
 * "Centers for Disease Control and Prevention", "Secretary of State John Kerry": only after a title or an
 * organisation word, so "President Tomas Kovac of Estria" stays a person and a place.
 */
function connectorJoins(c: Token, run: Token[], next: Token | undefined): boolean {
  if (c.lower === 'and') {
    let orgSoFar = false;
    for (const r of run) if (isOrgWord(r.lower)) { orgSoFar = true; break; }
    if (!orgSoFar) return false;
  } else {
    const prevWord = withoutPossessive(run[run.length - 1]!.lower);
    if (!(NAME_TITLES.has(prevWord) || ROLE_NOUNS.has(prevWord) || isOrgWord(prevWord))) return false;
  }
  return c.text === c.lower && isNameWord(next) && !NOT_NAME_WORDS.has(next!.lower);
}

const NO_WORDS: string[] = [];

/** Lower-cased words of a title ("White House spokeswoman" -> ["white", "house", "spokeswoman"]), dots dropped. */
function titleWordsOf(titleText: string): string[] {
  return titleText === '' ? NO_WORDS : titleText.toLowerCase().replace(/\./g, '').split(/[\s-]+/).filter(Boolean);
}

/** Capitalised runs of a paragraph, cut at possessives and slashes, with the titles written before them. */
function runsOf(text: string, tokens: Token[], byline: boolean): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isNameWord(tokens[i])) continue;
    const run: Token[] = [];
    let k = i;
    let first = i;
    while (k < tokens.length) {
      const c = tokens[k]!;
      if (c.word && isCapitalised(c.text)) {
        run.push(c);
        k++;
        if (endsPossessive(c.text)) break;
        continue;
      }
      if (c.text === '.' && run.length && c.start === run[run.length - 1]!.end && (run[run.length - 1]!.text.length <= 3)) { k++; continue; }
      if (c.word && NAME_PARTICLES.has(c.text) && run.length && isNameWord(tokens[k + 1])) { run.push(c); k++; continue; }
      if (c.word && CONNECTORS.has(c.lower) && run.length && connectorJoins(c, run, tokens[k + 1])) { run.push(c); k++; continue; }
      break;
    }
    i = k - 1;
    while (run.length && NOT_NAME_WORDS.has(run[0]!.lower) && !NAME_TITLES.has(run[0]!.lower)) {
      run.shift();
      first = run.length ? tokenIndexFrom(tokens, first, run[0]!) : first;
    }
    if (!run.length) continue;
    // Leading title words inside the run ("Mexican President Claudia Sheinbaum").
    let n = 0;
    while (n < run.length - 1 && (NAME_TITLES.has(run[n]!.lower) || ROLE_NOUNS.has(run[n]!.lower) || PLACE_WORDS.has(run[n]!.lower) || TITLE_LEADS.has(run[n]!.text))) n++;
    // "Brazilian Finance Minister Helena Duarte": everything up to the last title word is the title.
    for (let m = run.length - 2; m >= n; m--) {
      if (NAME_TITLES.has(withoutFinalDot(run[m]!.lower)) && !endsPossessive(run[m]!.text)) { n = m + 1; break; }
    }
    // Connectors and places left between the title and the name ("President-elect of Mexico Claudia Sheinbaum").
    while (n < run.length - 1 && n > 0 && (CONNECTORS.has(run[n]!.text) || PLACE_WORDS.has(run[n]!.lower))) n++;
    // "Minister of Fisheries Tomas Eklund": words before a known first name belong to the title.
    if (n > 0 && !isKnownFirstName(run[n]!.text)) {
      for (let f = n + 1; f <= run.length - 2; f++) if (isKnownFirstName(run[f]!.text)) { n = f; break; }
    }
    // "Councilmember Dolores Ybarra", "Surgeon Maria Lind": a word the lists do not know, before a first name and a surname.
    const lead = run[0]!.lower;
    if (n === 0 && run.length === 3 && !isKnownFirstName(run[0]!.text) && isKnownFirstName(run[1]!.text) && !ORG_WORDS.has(lead) && !PLACE_WORDS.has(lead) && !/['’.]/.test(run[0]!.text)) n = 1;
    const nameTokens = n === 0 ? run : run.slice(n);
    const nameStart = nameTokens[0]!.start;
    // Lower-case roles just before the run ("White House spokeswoman Anna Kelly").
    let b = first - 1;
    let titleStart = n > 0 ? run[0]!.start : nameStart;
    while (b >= 0 && b >= first - 4) {
      const p = tokens[b]!;
      if (p.word && (ROLE_NOUNS.has(p.lower) || NAME_TITLES.has(p.lower) || (isCapitalised(p.text) && !NOT_NAME_WORDS.has(p.lower)))) { titleStart = p.start; b--; continue; }
      // The dot of an abbreviated title ("Sen.", "Dr."), never the full stop of the sentence before ("at first. Parents").
      if (p.text === '.' && b > 0 && tokens[b - 1]!.end === p.start && isTitleAbbreviation(tokens[b - 1]!)) { b--; continue; }
      break;
    }
    // "the Morning Heron", "the trawler Morning Heron": a name after "the" with no title names a thing.
    let d = b;
    if (tokens[d]?.word && tokens[d]!.text === tokens[d]!.lower && tokens[d]!.lower !== 'late' && tokens[d]!.lower !== 'the') d--;
    const thing = titleStart === nameStart && tokens[d]?.lower === 'the';
    let credit = byline;
    for (let m = Math.max(0, b - 2); m <= b + 1 && m < tokens.length; m++) if (CREDIT_WORDS.has(tokens[m]!.lower)) credit = true;
    const titleText = titleStart === nameStart ? '' : text.slice(titleStart, nameStart).trim().replace(/[\s,]+$/, '');
    const after = tokens[k];
    const attributive = !!after && after.word && after.text === after.lower && (ROLE_NOUNS.has(after.lower) || NAME_TITLES.has(after.lower));
    runs.push({ tokens: nameTokens, titleText, titleWords: titleWordsOf(titleText), start: nameStart, end: nameEnd(nameTokens), fullStart: run[0]!.start, credit, attributive, thing });
  }
  return runs;
}

/** "Sen", "Dr", "Lt", "J": a word that is written with a dot as a title or an initial. */
function isTitleAbbreviation(t: Token): boolean {
  return t.word && ((t.text.length <= 4 && NAME_TITLES.has(t.lower)) || /^\p{Lu}$/u.test(t.text));
}

function tokenIndexFrom(tokens: Token[], from: number, t: Token): number {
  let k = from;
  while (k < tokens.length && tokens[k] !== t) k++;
  return k;
}

function nameEnd(tokens: Token[]): number {
  const last = tokens[tokens.length - 1]!;
  const cut = last.text.length - withoutPossessive(last.text).length;
  return cut > 0 && last.text.length > cut ? last.end - cut : last.end;
}

/** The gender known so far, or the first-name guess. */
function genderGuess(e: Entity): Gender | null {
  return e.gender ?? (e.parts.length > 1 ? genderOfFirstName(e.parts[0]!) : null);
}

const bare = (t: Token): string => withoutPossessive(t.text);

/** A paragraph that only holds a name or two ("By Jane Doe", "Staff Writer John Roe") is a byline. */
function isByline(tokens: Token[]): boolean {
  // Most paragraphs are long: count their words only as far as it takes to rule them out.
  let wordCount = 0;
  for (let k = 0; k < tokens.length && wordCount <= 7; k++) if (tokens[k]!.word) wordCount++;
  if (wordCount === 0 || wordCount > 7) return false;
  const words = tokens.filter((t) => t.word);
  if (tokens.some((t) => /[.!?"“”]/.test(t.text) && t.text !== '.')) return false;
  return words.every((t) => isCapitalised(t.text) || t.lower === 'by' || t.lower === 'and');
}

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

  const add = ({ run, parts }: Named, kind: 'person' | 'organisation'): void => {
    const name = kind === 'organisation' ? text.slice(run.fullStart, run.end) : parts.join(' ').replace(/ \./g, '.');
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
      if (run.credit || (ignored.size && ignored.has(foldName(parts.join(' '))))) continue;
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

/** A run with its word tokens and their texts without possessive endings ("Kovac's" -> "Kovac"), also lower-cased. */
interface Named {
  run: Run;
  words: Token[];
  parts: string[];
  lowers: string[];
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
    lowers.push(part.toLowerCase());
  }
  return { run, words, parts, lowers };
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
    for (const piece of credit.split('/')) {
      const n = foldName(piece);
      if (!n) continue;
      ignored.add(n);
      ignored.add(n.split(' ').pop() ?? n);
    }
  }
  return ignored;
}
