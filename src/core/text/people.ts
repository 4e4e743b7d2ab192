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

const POSSESSIVE = /['’]s?$/;
const POSSESSIVE_END = /['’]s?$/;
const ACRONYM = /^[A-Z][A-Z&.]{1,7}$/;
/** Organisations named by one word of the organisation list. */
const SINGLE_WORD_ORGS = new Set(['congress', 'senate', 'parliament', 'pentagon', 'kremlin', 'reuters', 'treasury', 'nato']);

/** Capitalised runs of a paragraph, cut at possessives and slashes, with the titles written before them. */
function runsOf(text: string, tokens: Token[], byline: boolean): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || !isCapitalised(t.text)) continue;
    const run: Token[] = [];
    let k = i;
    let first = i;
    while (k < tokens.length) {
      const c = tokens[k]!;
      if (c.word && isCapitalised(c.text)) {
        run.push(c);
        k++;
        if (POSSESSIVE.test(c.text) && /['’]/.test(c.text)) break;
        continue;
      }
      if (c.text === '.' && run.length && c.start === run[run.length - 1]!.end && (run[run.length - 1]!.text.length <= 3)) { k++; continue; }
      if (c.word && NAME_PARTICLES.has(c.text) && run.length && tokens[k + 1]?.word && isCapitalised(tokens[k + 1]!.text)) { run.push(c); k++; continue; }
      // "Centers for Disease Control and Prevention", "Secretary of State John Kerry": connectors inside a name.
      // Only after a title or an organisation word: "President Tomas Kovac of Estria" stays a person and a place.
      const prevWord = run[run.length - 1]?.lower.replace(/['’]s?$/, '') ?? '';
      const orgLike = (w: string): boolean => ORG_WORDS.has(w) || ORG_WORDS.has(w.replace(/s$/, ''));
      const afterTitle = NAME_TITLES.has(prevWord) || ROLE_NOUNS.has(prevWord) || orgLike(prevWord);
      const joins = ((c.lower === 'of' || c.lower === 'for') && afterTitle) || (c.lower === 'and' && run.some((r) => orgLike(r.lower)));
      if (c.word && joins && c.text === c.lower && run.length && tokens[k + 1]?.word && isCapitalised(tokens[k + 1]!.text) && !NOT_NAME_WORDS.has(tokens[k + 1]!.lower)) { run.push(c); k++; continue; }
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
    while (n < run.length - 1 && (NAME_TITLES.has(run[n]!.lower) || ROLE_NOUNS.has(run[n]!.lower) || PLACE_WORDS.has(run[n]!.lower) || /^(White|House|U\.S|US)$/.test(run[n]!.text))) n++;
    // "Brazilian Finance Minister Helena Duarte": everything up to the last title word is the title.
    for (let m = run.length - 2; m >= n; m--) {
      if (NAME_TITLES.has(run[m]!.lower.replace(/\.$/, '')) && !POSSESSIVE_END.test(run[m]!.text)) { n = m + 1; break; }
    }
    // Connectors and places left between the title and the name ("President-elect of Mexico Claudia Sheinbaum").
    while (n < run.length - 1 && n > 0 && (/^(of|for|and)$/.test(run[n]!.text) || PLACE_WORDS.has(run[n]!.lower))) n++;
    // "Minister of Fisheries Tomas Eklund": words before a known first name belong to the title.
    if (n > 0 && !isKnownFirstName(run[n]!.text)) {
      for (let f = n + 1; f <= run.length - 2; f++) if (isKnownFirstName(run[f]!.text)) { n = f; break; }
    }
    // "Councilmember Dolores Ybarra", "Surgeon Maria Lind": a word the lists do not know, before a first name and a surname.
    const lead = run[0]!.lower;
    if (n === 0 && run.length === 3 && !isKnownFirstName(run[0]!.text) && isKnownFirstName(run[1]!.text) && !ORG_WORDS.has(lead) && !PLACE_WORDS.has(lead) && !/['’.]/.test(run[0]!.text)) n = 1;
    const nameTokens = run.slice(n);
    const titleStartTok = n > 0 ? run[0]! : null;
    // Lower-case roles just before the run ("White House spokeswoman Anna Kelly").
    let b = first - 1;
    let titleStart = titleStartTok ? titleStartTok.start : nameTokens[0]!.start;
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
    const thing = titleStart === nameTokens[0]!.start && tokens[d]?.lower === 'the';
    let credit = byline;
    for (let m = Math.max(0, b - 2); m <= b + 1 && m < tokens.length; m++) if (CREDIT_WORDS.has(tokens[m]!.lower)) credit = true;
    const titleText = text.slice(titleStart, nameTokens[0]!.start).trim().replace(/[\s,]+$/, '');
    const titleWords = titleText.toLowerCase().replace(/\./g, '').split(/[\s-]+/).filter(Boolean);
    const after = tokens[k];
    const attributive = !!after && after.word && after.text === after.lower && (ROLE_NOUNS.has(after.lower) || NAME_TITLES.has(after.lower));
    runs.push({ tokens: nameTokens, titleText, titleWords, start: nameTokens[0]!.start, end: nameEnd(nameTokens), fullStart: run[0]!.start, credit, attributive, thing });
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
  const m = /['’]s?$/.exec(last.text);
  return m && last.text.length > m[0].length ? last.end - m[0].length : last.end;
}

/** The gender known so far, or the first-name guess. */
function genderGuess(e: Entity): Gender | null {
  return e.gender ?? (e.parts.length > 1 ? genderOfFirstName(e.parts[0]!) : null);
}

const bare = (t: Token): string => t.text.replace(/['’]s?$/, '');

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
  // "Hector Vivas/Getty Images": a credit may name a person and an agency.
  const ignored = new Set(ignore.flatMap((n) => n.split('/')).map(foldName).filter(Boolean).flatMap((n) => [n, n.split(' ').pop() ?? n]));
  const entities: Entity[] = [];
  const byKey = new Map<string, number>();
  const bySurname = new Map<string, number[]>();
  const pending: { run: Run }[] = [];
  const mentions: EntityMention[] = [];

  const add = (run: Run, kind: 'person' | 'organisation'): void => {
    const parts = run.tokens.filter((t) => t.word).map(bare);
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
    if (kind === 'person' && !bySurname.get(last)?.includes(idx)) bySurname.set(last, [...(bySurname.get(last) ?? []), idx]);
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
  const surnameOwner = (last: string, parts: string[], titleWords: string[] = []): number | undefined => {
    const owners = bySurname.get(last);
    if (!owners) return undefined;
    if (parts.length > 1) {
      // Same surname, different first names: different people.
      return owners.find((x) => entities[x]!.parts.length === 1 || foldName(entities[x]!.parts[0]!) === foldName(parts[0]!));
    }
    const g = titleWords.map(genderOfWord).find((x) => x !== null);
    if (g) return owners.find((x) => genderGuess(entities[x]!) === g) ?? owners[0];
    return owners[0];
  };
  for (const tokens of paragraphs) {
    for (const run of runsOf(text, tokens, isByline(tokens))) {
      const words = run.tokens.filter((t) => t.word);
      if (run.credit || (ignored.size && ignored.has(foldName(words.map(bare).join(' '))))) continue;
      if (run.attributive && words.length === 1) continue;
      const lowers = words.map((t) => bare(t).toLowerCase());
      const acronym = words.length <= 2 && words.some((t) => ACRONYM.test(t.text) && !/\./.test(t.text));
      // A lone common noun ("Union leader ...", "Government sources ...") is no organisation's name.
      const loneCommon = words.length === 1 && run.fullStart === run.start && !SINGLE_WORD_ORGS.has(lowers[0]!);
      if (acronym || (lowers.some((w) => ORG_WORDS.has(w)) && !loneCommon)) { add(run, 'organisation'); continue; }
      // "San Telmo Springs", "Calder Falls": a place, whatever its first word.
      if (lowers.every((w) => PLACE_WORDS.has(w)) || (words.length > 1 && PLACE_SUFFIXES.has(lowers[lowers.length - 1]!))) continue;
      const titled = run.titleWords.some((w) => NAME_TITLES.has(w) || ROLE_NOUNS.has(w));
      if (words.length >= 2 && words.length <= 5 && ((isKnownFirstName(bare(words[0]!)) && !run.thing) || titled)) add(run, 'person');
      else if (words.length === 1 && titled && !PLACE_WORDS.has(lowers[0]!)) add(run, 'person');
      else if (words.length <= 2) pending.push({ run });
    }
  }
  // Lone names: surnames or first names of people seen elsewhere in the article.
  const byFirstName = new Map<string, number>();
  entities.forEach((e, x) => {
    if (e.kind === 'person' && e.parts.length > 1 && !byFirstName.has(foldName(e.parts[0]!))) byFirstName.set(foldName(e.parts[0]!), x);
  });
  for (const { run } of pending) {
    const words = run.tokens.filter((t) => t.word).map(bare);
    const last = foldName(words[words.length - 1]!);
    let idx = surnameOwner(last, words.length > 1 ? words : [], run.titleWords);
    if (idx === undefined && words.length === 1) idx = byFirstName.get(last);
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
