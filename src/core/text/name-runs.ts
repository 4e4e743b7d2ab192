/** The capitalised runs of a paragraph that recognisePeople (people.ts) sorts into people, organisations and places. */

import { lowerCased } from './normalize.ts';
import { isKnownFirstName } from './gender.ts';
import { CREDIT_WORDS, NAME_PARTICLES, NAME_TITLES, NOT_NAME_WORDS, ORG_WORDS, PLACE_WORDS, ROLE_NOUNS } from './name-lists.ts';
import { isCapitalised, type Token } from './tokens.ts';
import { createWordSieve } from './word-sieve.ts';

/** A capitalised run of a paragraph (a name, perhaps), with the title written before it. */
export interface Run {
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
export function withoutPossessive(word: string): string {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (last === 39 || last === 0x2019) return word.slice(0, -1);
  if (last !== 115 || n < 2) return word;
  const before = word.charCodeAt(n - 2);
  return before === 39 || before === 0x2019 ? word.slice(0, -2) : word;
}

/** The words around every run are checked for credit words: most are turned away before the look-up hashes them. */
const mayBeCreditWord = createWordSieve(CREDIT_WORDS);

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

export const NO_WORDS: string[] = [];

/** Lower-cased words of a title ("White House spokeswoman" -> ["white", "house", "spokeswoman"]), dots dropped. */
function titleWordsOf(titleText: string): string[] {
  return titleText === '' ? NO_WORDS : lowerCased(titleText).replace(/\./g, '').split(/[\s-]+/).filter(Boolean);
}

/** Capitalised runs of a paragraph, cut at possessives and slashes, with the titles written before them. */
export function runsOf(text: string, tokens: Token[], byline: boolean): Run[] {
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
      // The look-up last: it hashes the word, and a capitalised word after it is the rarer condition.
      if (c.word && run.length && isNameWord(tokens[k + 1]) && NAME_PARTICLES.has(c.text)) { run.push(c); k++; continue; }
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
    for (let m = Math.max(0, b - 2); m <= b + 1 && m < tokens.length; m++) if (mayBeCreditWord(tokens[m]!.lower) && CREDIT_WORDS.has(tokens[m]!.lower)) credit = true;
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

/** A paragraph that only holds a name or two ("By Jane Doe", "Staff Writer John Roe") is a byline. */
export function isByline(tokens: Token[]): boolean {
  // Most paragraphs are long: count their words only as far as it takes to rule them out.
  let wordCount = 0;
  for (let k = 0; k < tokens.length && wordCount <= 7; k++) if (tokens[k]!.word) wordCount++;
  if (wordCount === 0 || wordCount > 7) return false;
  const words = tokens.filter((t) => t.word);
  if (tokens.some((t) => /[.!?"“”]/.test(t.text) && t.text !== '.')) return false;
  return words.every((t) => isCapitalised(t.text) || t.lower === 'by' || t.lower === 'and');
}
