import type { Token } from '../text/tokens.ts';
import { isCapitalised, isQuoteChar } from '../text/tokens.ts';
import { cueOf } from './cues.ts';

/**
 * Noun phrases around a cue: the source of "the president said" (looking left) and of "said Mr. Obama"
 * (looking right). Rule-based and bounded (a phrase is at most a few tokens), so linear overall.
 */

export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who', 'you']);

export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'another', 'some',
  'many', 'most', 'several', 'both', 'all', 'each', 'one', 'two', 'three', 'four', 'five', 'few', 'other', 'no',
  'any', 'such', 'every', 'numerous', 'top', 'senior',
]);

/** Words that end a noun phrase when met (clause and preposition words). */
const STOPS = new Set([
  'that', 'which', 'and', 'but', 'or', 'nor', 'as', 'because', 'when', 'while', 'if', 'so', 'than', 'then', 'after',
  'before', 'since', 'though', 'although', 'where', 'whether', 'in', 'on', 'at', 'with', 'by', 'from', 'into', 'to',
  'about', 'over', 'under', 'during', 'until', 'also', 'has', 'have', 'had', 'is', 'was', 'are', 'were', 'be',
  'been', 'would', 'will', 'could', 'can', 'should', 'may', 'might', 'must', 'not', 'did', 'does', 'do', 'what',
  'how', 'why', 'there', 'here', 'yet', 'once', 'just', 'even', 'only', 'against', 'without', 'through', 'like',
  'unlike', 'upon', 'per', 'via', 'among', 'between', 'toward', 'towards', 'around', 'amid', 'despite', 'said',
  'says', 'told', 'him', 'them', 'me', 'us', 'last', 'this', 'next', 'today', 'yesterday', 'tonight', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'later', 'earlier', 'now', 'again',
]);

const TITLE_ABBR = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'prof', 'rev', 'st', 'jr', 'sr', 'capt', 'adm', 'maj', 'u.s', 'inc', 'corp', 'co']);

export interface Phrase {
  /** Token indices, inclusive start, exclusive end. */
  from: number;
  to: number;
  start: number;
  end: number;
}

const isWordLike = (t: Token): boolean => t.word;
/** `/^\d/.test(s)` without a regex call. */
const startsWithDigit = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/** Does the phrase have a head worth calling a source (a name, a pronoun or a noun, not just "the")? */
function hasHead(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (!t.word) continue;
    if (PRONOUNS.has(t.lower)) return true;
    if (!DETERMINERS.has(t.lower) && !STOPS.has(t.lower)) return true;
  }
  return false;
}

/**
 * The noun phrase ending at token `j` (inclusive), looking left, not before token `lo`.
 * Returns null when token `j` cannot end a source phrase.
 */
export function phraseBefore(tokens: Token[], j: number, lo: number, nested = false): Phrase | null {
  const last = tokens[j];
  if (!last) return null;
  if (last.word && PRONOUNS.has(last.lower)) return mk(tokens, j, j + 1);
  // A relative pronoun as the source: "the department, which reported ...", "a PAC that intends to ...".
  if (last.word && (last.lower === 'which' || last.lower === 'that') && j > lo && tokens[j - 1]!.word) return mk(tokens, j, j + 1);
  let k = j;
  let n = 0;
  let words = 0;
  while (k >= lo && n < 10) {
    const t = tokens[k]!;
    if (t.text === ')') {
      // A parenthetical such as "(R-S.C.)" inside the phrase.
      let m = k - 1;
      while (m >= lo && tokens[m]!.text !== '(' && k - m < 8) m--;
      if (m < lo || tokens[m]!.text !== '(') break;
      k = m - 1;
      n++;
      continue;
    }
    if (t.text === '.') {
      const prev = tokens[k - 1];
      if (prev && prev.end === t.start && (TITLE_ABBR.has(prev.lower) || /^\p{Lu}$/u.test(prev.text))) { k--; continue; }
      break;
    }
    if (t.text === '-' || t.text === '’' || t.text === "'") { k--; continue; }
    if (!isWordLike(t)) break;
    if (PRONOUNS.has(t.lower) && words > 0) break;
    if ((t.lower === 'of' || t.lower === 'for') && words > 0) {
      const prev = tokens[k - 1];
      if (prev && prev.word && !STOPS.has(prev.lower) && (isCapitalised(prev.text) || !cueOf(prev.lower))) { k--; n++; continue; }
      break;
    }
    if (STOPS.has(t.lower) && !(isCapitalised(t.text) && words > 0 && k > lo && tokens[k - 1]!.word && isCapitalised(tokens[k - 1]!.text))) break;
    if (cueOf(t.lower) && !isCapitalised(t.text)) break;
    if (words > 0 && startsWithDigit(t.text) && /^\d+$/.test(t.text)) break;
    words++;
    n++;
    k--;
    if (DETERMINERS.has(t.lower)) {
      // "Lorna Beattie of the Patients' Forum": a name before "of the" is the head of the phrase.
      const of = tokens[k];
      const owner = tokens[k - 1];
      if (k - 1 >= lo && !isCapitalised(t.text) && of && /^(of|for)$/.test(of.lower) && owner && owner.word && !STOPS.has(owner.lower) && (isCapitalised(owner.text) || !cueOf(owner.lower))) continue;
      break;
    }
  }
  const from = k + 1;
  if (from > j || !hasHead(tokens, from, j + 1)) return null;
  if (!plausibleSource(tokens, from, j + 1)) return null;
  if (!nested && from === j && !isCapitalised(last.text) && /[^e]ed$/.test(last.lower)) {
    // "the experts I interviewed said": a verb names no source, unless it ends a relative clause after a pronoun.
    const pronoun = tokens[j - 1];
    const head = pronoun && pronoun.word && PRONOUNS.has(pronoun.lower) && !RELATIVE.has(pronoun.lower) ? phraseBefore(tokens, j - 2, lo, true) : null;
    return head ? mk(tokens, head.from, j + 1) : null;
  }
  if (namesOnlyNumbers(tokens, from, j + 1)) {
    // "an ad in 2008 questioned", "Schiff, 56, told": the source is before the date or the age.
    if (nested) return null;
    let m = from - 1;
    while (m >= lo && from - m < 8 && (!tokens[m]!.word || startsWithDigit(tokens[m]!.text) || DATE_WORDS.has(tokens[m]!.lower) || DATE_PREPOSITIONS.has(tokens[m]!.lower)) && !isQuoteChar(tokens[m]!.text)) m--;
    return m >= lo && m < from - 1 ? phraseBefore(tokens, m, lo, true) : null;
  }
  return mk(tokens, from, j + 1);
}

const RELATIVE = new Set(['who', 'that', 'which', 'it']);
const DATE_PREPOSITIONS = new Set(['in', 'on', 'since', 'during', 'by', 'at', 'of', 'from', 'until', 'last', 'this']);

/** Is every word of the phrase a number or a date word ("29", "Jan. 1, 2015")? */
function namesOnlyNumbers(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.word && !startsWithDigit(t.text) && !DATE_WORDS.has(t.lower)) return false;
  }
  return true;
}

/**
 * Widens a source phrase over what qualifies its head: "residents who spoke during [public comment]",
 * "officials on [each side]". Only a plural noun before the preposition, or a relative "who", is widened over.
 */
export function widenSource(tokens: Token[], np: Phrase, lo: number): Phrase {
  let k = np.from - 1;
  let steps = 0;
  while (k > lo && steps < 8 && tokens[k]!.word && tokens[k]!.lower !== 'who') { k--; steps++; }
  const rel = tokens[k];
  if (rel && rel.lower === 'who' && k > lo && steps <= 6) {
    const head = phraseBefore(tokens, k - 1, lo, true);
    if (head && !PRONOUNS.has(tokens[head.to - 1]!.lower)) return mk(tokens, head.from, np.to);
  }
  const prep = tokens[np.from - 1];
  const noun = tokens[np.from - 2];
  if (prep && noun && WIDENING_PREPOSITIONS.has(prep.lower) && noun.word && (noun.text === noun.lower || np.from - 2 === lo) && /[^s]s$/.test(noun.lower) && !cueOf(noun.lower)) {
    const head = phraseBefore(tokens, np.from - 2, lo, true);
    if (head) return mk(tokens, head.from, np.to);
  }
  // "A study published in Nature found", "a report released by the ministry said": the phrase before the cue
  // ends a reduced relative clause, and the source is the noun the participle describes.
  const participle = tokens[np.from - 2];
  if (prep && participle && np.from - 3 >= lo && PARTICIPLE_PREPOSITIONS.has(prep.lower) && isPastParticiple(participle) && tokens[np.from - 3]!.word) {
    const head = phraseBefore(tokens, np.from - 3, lo, true);
    if (head && !PRONOUNS.has(tokens[head.to - 1]!.lower)) return mk(tokens, head.from, np.to);
  }
  return np;
}

const PARTICIPLE_PREPOSITIONS = new Set(['in', 'by', 'on', 'at', 'from', 'for', 'with', 'to']);
const IRREGULAR_PARTICIPLES = new Set(['written', 'seen', 'given', 'taken', 'made', 'led', 'sent', 'held', 'drawn', 'known', 'shown', 'run', 'built', 'brought', 'found', 'told', 'paid', 'left', 'caught', 'kept']);

/** A lower-case past participle ("published", "written"). */
function isPastParticiple(t: Token): boolean {
  return t.word && t.text === t.lower && ((t.lower.length > 4 && t.lower.endsWith('ed')) || IRREGULAR_PARTICIPLES.has(t.lower));
}

const WIDENING_PREPOSITIONS = new Set(['on', 'at', 'in', 'from', 'inside', 'within', 'across', 'over', 'with', 'near', 'around']);

/** The noun phrase starting at token `i`, looking right, not at or beyond `hi`. */
export function phraseAfter(tokens: Token[], i: number, hi: number): Phrase | null {
  const first = tokens[i];
  if (!first || !first.word) return null;
  if (PRONOUNS.has(first.lower) && first.lower !== 'who') return mk(tokens, i, i + 1);
  let k = i;
  let words = 0;
  let afterOf = false;
  while (k < hi && k - i < 10) {
    const t = tokens[k]!;
    if (t.text === '.') {
      const prev = tokens[k - 1];
      if (prev && prev.end === t.start && (TITLE_ABBR.has(prev.lower) || /^\p{Lu}$/u.test(prev.text)) && k + 1 < hi && tokens[k + 1]!.word && isCapitalised(tokens[k + 1]!.text)) { k++; continue; }
      break;
    }
    if (t.text === '-' && words > 0) { k++; continue; }
    if (!t.word) break;
    if ((t.lower === 'of' || t.lower === 'for') && words > 0) {
      const next = tokens[k + 1];
      if (next && next.word && (isCapitalised(next.text) || DETERMINERS.has(next.lower))) { k++; afterOf = true; continue; }
      break;
    }
    if (afterOf && DETERMINERS.has(t.lower)) { afterOf = false; k++; continue; }
    afterOf = false;
    if (STOPS.has(t.lower) && !(isCapitalised(t.text) && words > 0)) break;
    if (cueOf(t.lower) && !isCapitalised(t.text) && words > 0) break;
    if (words > 0 && DETERMINERS.has(t.lower) && !isCapitalised(t.text)) break;
    if (words > 0 && !isCapitalised(t.text) && /(ly|ed)$/.test(t.lower)) break; // "the president reportedly ..."
    words++;
    k++;
  }
  if (k === i || !hasHead(tokens, i, k)) return null;
  return mk(tokens, i, k);
}

/** Rejects phrases that show the cue is a noun ("his tweets", "a series of tweets") or follows a verb ("his rival made"). */
function plausibleSource(tokens: Token[], from: number, to: number): boolean {
  const last = tokens[to - 1]!;
  if (!last.word) return true;
  if (/^(of|for)$/.test(last.lower)) return false;
  if (!isCapitalised(last.text) && /ed$/.test(last.lower) && to - from > 1) return false;
  // "the port handed 31 accused smugglers": a number is no head of a source.
  if (startsWithDigit(last.text) && to - from > 1) return false;
  return true;
}

const DATE_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'week', 'month', 'year', 'years', 'months', 'weeks', 'days', 'day']);

function mk(tokens: Token[], from: number, to: number): Phrase {
  return { from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end };
}
