import type { Span } from '../types.ts';
import { rememberingSpansUpTo, spanHash } from '../text/memo.ts';
import { letterAt, letterRunEnd, spaceAt } from '../text/words.ts';
import { firstUsableSentence } from './candidates.ts';

const MAX_LENGTH = 100;
const MIN_LENGTH = 25;

/** Words that open a subordinate clause or phrase: a headline can end just before them. */
const CONJUNCTIONS = new Set([
  'after', 'as', 'while', 'when', 'because', 'but', 'although', 'though', 'whereas', 'since', 'until', 'who',
  'which', 'where', 'following', 'amid', 'despite', 'before', 'saying', 'according', 'prompting', 'leaving',
]);
/** Before these the head may be only a noun phrase ("A widow from Leeds who..."), so they are weak cuts. */
const RELATIVES = new Set(['who', 'which', 'where']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'with', 'for', 'during', 'over', 'and']);

/** Words a headline must not end on. */
const DANGLING = /\s(?:the|a|an|of|to|in|on|at|for|with|by|from|and|or|but|as|that|this|his|her|their|its|our|my|is|was|are|were|be|has|have|had|who|which|said|says)$/iu;

/** Characters a head does not end on: whitespace and `,;:–—-`. */
const isLooseEnd = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014 || c === 45 || spaceAt(s, i);
};

/**
 * `s` without trailing whitespace and `,;:–—-`, then one full stop, then trimmed: the same as
 * s.replace(/[\s,;:–—-]+$/u, '').replace(/\.$/u, '').trim(), read from the end (V8 would try the
 * end-anchored expression from every position).
 */
export function stripEnd(s: string): string {
  let end = s.length;
  while (end > 0 && isLooseEnd(s, end - 1)) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end).trim();
}

/** Does `s` have at least `n` words, as `s.split(' ').length >= n` counts them? */
export function hasSpacedWords(s: string, n: number): boolean {
  let at = -1;
  for (let spaces = 0; spaces < n - 1; spaces++) {
    at = s.indexOf(' ', at + 1);
    if (at === -1) return false;
  }
  return true;
}

/** True when the quotation marks of `s` are balanced (so a cut does not leave a quote open). */
function quotesBalanced(s: string): boolean {
  const straight = (s.match(/"/g) ?? []).length;
  const open = (s.match(/[“‘]/g) ?? []).length;
  const close = (s.match(/[”]/g) ?? []).length + (s.match(/’(?!\p{L})/gu) ?? []).length;
  const single = (s.match(/(?<!\p{L})'|'(?!\p{L})/gu) ?? []).length;
  return straight % 2 === 0 && open <= close && single % 2 === 0;
}

/** A run of letters after a space or a comma and a space: `at` is where the comma or the space is. */
export interface SpacedWord {
  at: number;
  comma: boolean;
  /** Lower-cased. */
  word: string;
}

/** `text.slice(start, end).toLowerCase()`, remembered: toLowerCase costs a runtime call on most news text. */
const rememberedLowerCase = rememberingSpansUpTo(10_000, (word) => word.toLowerCase());

const lowerCaseAt = (text: string, start: number, end: number): string => rememberedLowerCase(text, start, end, spanHash(text, start, end));

/** The matches of /(,?)\s(\p{L}+)/gu in `text`, found without building a match object for each word. */
export function spacedWords(text: string): SpacedWord[] {
  const out: SpacedWord[] = [];
  for (let i = 0; i + 1 < text.length; ) {
    const comma = text.charCodeAt(i) === 44 && i + 2 < text.length && spaceAt(text, i + 1) && letterAt(text, i + 2);
    const start = comma ? i + 2 : spaceAt(text, i) && letterAt(text, i + 1) ? i + 1 : -1;
    if (start === -1) {
      i++;
      continue;
    }
    const end = letterRunEnd(text, start);
    out.push({ at: i, comma, word: lowerCaseAt(text, start, end) });
    i = end;
  }
  return out;
}

/** Clause punctuation a head can end before: a semicolon, a colon, a spaced dash, a bracket. */
const CLAUSE_PUNCTUATION = /;\s|:\s|\s[–—-]\s|\s\(/gu;

interface Cut {
  at: number;
  bonus: number;
  weak: boolean;
}

/**
 * Cut points in `lede`, best first: a cut further along keeps more of the lede; clause punctuation and
 * subordinating words are preferred over a plain comma or a preposition. Whether a cut leaves a head
 * that fits (cutFits) is left to the caller, which usually needs to test only the first few.
 */
function clauseCuts(lede: string): Cut[] {
  const cuts: Cut[] = [];
  // exec on one expression rather than matchAll, which copies the expression on every call.
  CLAUSE_PUNCTUATION.lastIndex = 0;
  for (let m = CLAUSE_PUNCTUATION.exec(lede); m !== null; m = CLAUSE_PUNCTUATION.exec(lede)) cuts.push({ at: m.index, bonus: 40, weak: false });
  for (const { at, comma, word } of spacedWords(lede)) {
    if (CONJUNCTIONS.has(word)) cuts.push({ at, bonus: comma ? 30 : 15, weak: !comma && RELATIVES.has(word) });
    else if (PREPOSITIONS.has(word)) cuts.push({ at, bonus: comma ? 10 : -10, weak: !comma });
    else if (comma) cuts.push({ at, bonus: 10, weak: false });
  }
  return cuts.sort(byCutScore);
}

/** A cut further along, with its bonus, first; stable: equal scores keep text order. */
const byCutScore = (a: Cut, b: Cut): number => b.at + b.bonus - (a.at + a.bonus);

/** Does cutting `lede` at `cut` leave a head of the right length that does not break a number or an aside? */
function cutFits(lede: string, { at, weak }: Cut): boolean {
  const head = stripEnd(lede.slice(0, at));
  if (head.length < MIN_LENGTH || head.length > MAX_LENGTH || !hasSpacedWords(head, 6)) return false;
  if (/\d,?$/.test(lede.slice(0, at + 1)) || /^,?\s*\d/.test(lede.slice(at))) return false; // "Sheerin, 39, has"
  if (/,\s(?:which|who|whose|where)\b[^,]*$/iu.test(head)) return false; // an aside left open
  if (/,\s*(?:\S+\s){0,2}\S+$/u.test(head)) return false; // "...on Wednesday, four days" before "after"
  // Before a preposition or a relative the head must already be a clause: long, not ending on a participle.
  return !weak || (head.length >= 50 && !/(?:ed|ing)$/u.test(head));
}

/** Words that open a phrase a headline can leave out ("...rejected Trump's proposal | of sending troops ..."). */
const PHRASE_OPENERS = new Set([
  'of', 'to', 'into', 'from', 'by', 'about', 'against', 'under', 'between', 'through', 'across', 'toward', 'towards',
  'without', 'within', 'in', 'on', 'at', 'with', 'for', 'during', 'over', 'and', 'or',
]);

/** Words that leave a phrase unfinished when a head ends on them ("...the club are yet", "attraction south"). */
const UNFINISHED = /\s(?:yet|such|than|very|more|most|less|not|also|so|been|being|north|south|east|west)$/iu;
/** A verb the head can stand on: an auxiliary, a common irregular past, or a regular past after the first word. */
const VERB = /\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|says|said|told|brought|made|took|gave|found|left|lost|won|began|came|went|saw|got|held|kept|met|paid|put|ran|sent|set|sold|spent|stood|struck|thought|wrote|hit|fell|led|rose|broke|chose|drew|drove|grew|knew|\p{L}{3,}ed)\b/iu;

/**
 * The lede cut before the latest phrase that starts with a preposition and leaves a head that fits: for a
 * long lede without clause punctuation, a whole phrase reads better than a cut marked with an ellipsis. The
 * head must read as a clause: it has a verb, and does not end on a participle, an open aside or a word that
 * needs what follows.
 */
function phraseCut(lede: string): string | null {
  let best: string | null = null;
  for (const m of lede.matchAll(/\s([\p{L}]+)/gu)) {
    if (m.index > MAX_LENGTH) break;
    if (!PHRASE_OPENERS.has(m[1]!.toLowerCase())) continue;
    const head = stripEnd(lede.slice(0, m.index));
    if (head.length < 40 || head.length > MAX_LENGTH || !hasSpacedWords(head, 6) || !VERB.test(head)) continue;
    if (/\d,?$/.test(head) || /(?:ed|ing)$/u.test(head) || DANGLING.test(head) || UNFINISHED.test(head)) continue;
    if (/,\s(?:which|who|whose|where)\b[^,]*$/iu.test(head) || !quotesBalanced(head)) continue;
    best = head;
  }
  return best;
}

/**
 * A headline for an article that has none, written from its lede (the first body sentence that is not
 * boilerplate or a caption): the whole lede when it fits in 100 characters, otherwise the lede cut at the
 * latest clause boundary that fits (a comma, colon, dash, or before "after", "as", "who", ...), else before
 * the latest prepositional phrase that leaves a head that fits, never inside a word or an open quotation. Relative-clause asides and brackets are dropped first when that is enough.
 * Captions and bylines are outside `sentences`, so they are never used.
 */
export function generateHeadline(text: string, sentences: Span[]): string | null {
  const lede = firstUsableSentence(text, sentences);
  if (!lede) return null;
  const whole = stripEnd(lede);
  if (whole.length <= MAX_LENGTH) return whole;
  // Asides can go: "The party, which won in May, spent..." -> "The party spent...".
  const lean = lede.replace(/,\s(?:which|who|whose)\s[^,;:()]{3,120},\s/giu, ' ').replace(/\s\([^()]{1,60}\)/gu, '');
  const leanWhole = stripEnd(lean);
  if (leanWhole.length <= MAX_LENGTH) return leanWhole;
  for (const cut of clauseCuts(lean)) {
    if (!cutFits(lean, cut)) continue;
    const head = stripEnd(lean.slice(0, cut.at));
    if (!DANGLING.test(head) && quotesBalanced(head)) return head;
  }
  const phrase = phraseCut(lean);
  if (phrase) return phrase;
  // No clause or phrase boundary fits: end at the last whole word that fits, marked as shortened.
  let head = lede.slice(0, MAX_LENGTH - 1);
  head = head.slice(0, Math.max(head.lastIndexOf(' '), 1));
  while (DANGLING.test(head)) head = head.replace(/\s\S+$/u, '');
  return `${stripEnd(head)}…`;
}
