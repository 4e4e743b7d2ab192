import type { Span } from '../types.ts';
import { cueOf } from './cues.ts';
import { phraseAfter, phraseBefore } from './phrases.ts';
import { isCapitalised, isQuoteChar, type Token } from '../text/tokens.ts';
import { isSpaceUnit, spaceAt } from '../text/words.ts';

/**
 * Where the content of an attribution starts and ends: after the cue (skipping listeners and adverbials),
 * before it (`..., she said`), continued after it (`"A," she said, "B."`), and where it stops (a trailing
 * attribution, a coordinated verb of attribution, a nested "while X argued").
 */

const RELATIVE_OR_GERUND = /^(who|whose|which|where|when|according|in|on|at|during|after|before|last|this|earlier|later|but|and|as|while|though|although|until|because|so|then|with|without|\w+ing)$/;

/** The longest content span of one segment, in characters: longer runs are not one attribution (and this keeps the work linear). */
export const MAX_CONTENT = 3000;

export const isComma = (t: Token | undefined): boolean => t !== undefined && t.text === ',';
/** A closing quotation mark: right after a word or punctuation, or after a closing single quote and a space (`' "`). */
export const isClose = (t: Token | undefined, text: string): boolean =>
  t !== undefined && isQuoteChar(t.text) && t.start > 0 && (!/\s/.test(text[t.start - 1]!) || (text[t.start - 1] === ' ' && /['’]/.test(text[t.start - 2] ?? '')));
export const isOpen = (t: Token | undefined, text: string): boolean => t !== undefined && (isQuoteChar(t.text) || (t.text === "'" && text[t.start + 1] === "'")) && !isClose(t, text);

// Character tests with an ASCII fast path: the regexes, per character, were most of trimContent's time.
const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const spaceOrStopAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c < 128 ? isAsciiSpace(c) || c === 46 || c === 58 || c === 59 || c === 44 : isSpaceUnit(c);
};
const letterOrDigitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c < 128 ? ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57) : /[\p{L}\p{N}]/u.test(text[i]!);
};

/** Trims whitespace, then a final full stop or colon (kept when it sits inside closing quotation marks). */
export function trimContent(text: string, start: number, end: number): Span | null {
  while (start < end && spaceAt(text, start)) start++;
  while (end > start && spaceOrStopAt(text, end - 1)) end--;
  if (end - start < 3) return null;
  for (let i = start; i < end; i++) if (letterOrDigitAt(text, i)) return { start, end };
  return null;
}

/** `, he said` / `, said Smith`: an attribution starts at token `k`. */
export function attributionAt(tokens: Token[], k: number, hi: number): boolean {
  for (let m = k; m < Math.min(hi, k + 6); m++) {
    const t = tokens[m]!;
    if (!t.word) return false;
    const cue = cueOf(t.lower);
    if (cue && cue.form === 'finite' && t.text === t.lower) return m === k || phraseBefore(tokens, m - 1, k) !== null;
  }
  return false;
}

/** Words that start the reported clause after an adverbial ("said after the convention he would ..."). */
const CLAUSE_START: ReadonlySet<string> = new Set(['that', 'he', 'she', 'they', 'we', 'i', 'it']);

/** Words in "-ly" that are no adverbs. */
const NOT_LY_ADVERBS: ReadonlySet<string> = new Set(['only', 'early', 'daily', 'family', 'italy', 'july', 'rally', 'ally', 'supply', 'reply']);

/** Words of the adverbials and listeners that come between a cue and its "that" ("said in a statement last week that"), numbers aside. */
const BEFORE_THAT: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'statement', 'interview', 'letter', 'speech', 'week', 'month', 'year', 'night', 'morning', 'afternoon',
  'evening', 'time', 'recent', 'news', 'conference', 'rally', 'briefing', 'post', 'email', 'tweet', 'report', 'his', 'her',
  'their', 'its', 'phone', 'call', 'ago',
]);

/** The longest adverbial or listener skipped after a cue ("in a phone interview with the station on Tuesday"). */
const ADVERBIAL_MAX = 12;

/** Speech verbs that open an attribution even inside another one's content ("..., though she acknowledged ..."). */
export const NESTING_CUES = new Set(['say', 'tell', 'add', 'acknowledge', 'argue', 'insist', 'note', 'warn', 'write', 'state', 'explain', 'confirm', 'deny', 'admit', 'concede']);

/** Verbs whose content can be an infinitive ("wants to", "vowed to"). */
const INFINITIVE_BASES = new Set(['want', 'plan', 'pledge', 'vow', 'refuse', 'agree', 'decide', 'intend', 'seek', 'promise', 'offer', 'decline', 'threaten', 'hope', 'expect', 'demand', 'propose', 'ask', 'urge', 'continue', 'claim', 'appear', 'vote', 'move', 'try', 'aim']);

export type Rest = 'end' | 'comma' | 'content';

const AFTER_CUE_SKIP: ReadonlySet<string> = new Set(['to', 'of', 'in', 'on', 'at', 'during', 'after', 'before', 'from', 'with', 'via', 'through', 'about', 'last', 'this', 'yesterday', 'today', 'tonight', 'earlier', 'later', 'recently', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'again', 'then', 'afterward', 'afterwards', 'as', 'while', 'when', 'outside', 'inside', 'following']);

/** What follows a cue: the end of the sentence (after adverbials), a comma, or content. Returns the token index reached. */
export function restAfter(tokens: Token[], k: number, hi: number, takesObject = false): { rest: Rest; at: number } {
  if (k >= hi) return { rest: 'end', at: k };
  // "plans to call on ...", "refused to release ...": the infinitive is the content.
  const cue = k > 0 ? cueOf(tokens[k - 1]!.lower) : undefined;
  if (tokens[k]!.lower === 'to' && cue && INFINITIVE_BASES.has(cue.base) && tokens[k + 1]?.word) return { rest: 'content', at: k };
  if (takesObject && tokens[k]!.word && tokens[k]!.lower !== 'that') {
    // The listener of "told the group", "told reporters": skip it.
    const np = phraseAfter(tokens, k, hi);
    const after = np && np.to < hi ? tokens[np.to]! : undefined;
    if (after && /^(to|that|whether|how|why|what|not)$/.test(after.lower)) return { rest: 'content', at: k }; // "urged Trump to ..."
    if (after && (/^[.,:!?]$/.test(after.text) || AFTER_CUE_SKIP.has(after.lower))) k = np!.to;
  }
  const t = tokens[k];
  if (!t) return { rest: 'end', at: k };
  if (t.text === ',' || t.text === ':') return { rest: 'comma', at: k };
  if (t.text === '.' || t.text === '!' || t.text === '?') return { rest: 'end', at: k };
  if (!t.word) return { rest: 'content', at: k };
  // "expect about 42,000 visitors": "about" before a number is a quantity, not a topic.
  if (t.lower === 'about' && /^[\d$€£]/.test(tokens[k + 1]?.text ?? '')) return { rest: 'content', at: k };
  if (!AFTER_CUE_SKIP.has(t.lower) && !(t.lower.endsWith('ly') && !NOT_LY_ADVERBS.has(t.lower))) return { rest: 'content', at: k };
  // Skip an adverbial or a listener ("to the TV", "in a phone interview", "Friday", "CNN") up to punctuation.
  let m = k;
  while (m < hi && m - k < ADVERBIAL_MAX && !CLAUSE_START.has(tokens[m]!.lower) && (tokens[m]!.word || !/^[.,:;!?]$/.test(tokens[m]!.text) || inNumber(tokens, m))) m++;
  if (m < hi && CLAUSE_START.has(tokens[m]!.lower)) return { rest: 'content', at: k };
  if (m >= hi || /^[.!?]$/.test(tokens[m]!.text)) return { rest: 'end', at: m };
  if (tokens[m]!.text === ',' || tokens[m]!.text === ':') return { rest: 'comma', at: m };
  return { rest: 'content', at: k };
}

/** The comma or dot inside "42,000" or "3.5". */
function inNumber(tokens: Token[], m: number): boolean {
  const p = tokens[m - 1];
  const n = tokens[m + 1];
  return !!p && !!n && p.end === tokens[m]!.start && tokens[m]!.end === n.start && /\d$/.test(p.text) && /^\d/.test(n.text);
}

/**
 * After `X said` in a left-content frame: `, "B."` or `, B.` continues the same content. After a name
 * (`"A," said Jane Roe, an economist at ...`), an unquoted phrase opening with an article is her appositive.
 */
export function continuation(text: string, tokens: Token[], k: number, hi: number, afterName = false): Span[] {
  k = restAfter(tokens, k, hi).at;
  for (let hop = 0; hop < 3; hop++) {
    const t = tokens[k];
    if (!t || (t.text !== ',' && t.text !== ':')) return [];
    const n = tokens[k + 1];
    if (!n || (afterName && hop === 0 && /^(a|an|the)$/.test(n.lower))) return [];
    if (/^(and|but)$/.test(n.lower) && isOpen(tokens[k + 2], text)) k++;
    const n2 = tokens[k + 1]!;
    if (isOpen(n2, text) || (n2.word && !isCapitalised(n2.text) && !RELATIVE_OR_GERUND.test(n2.lower) && !cueOf(n2.lower))) {
      const seg = trimContent(text, n2.start, Math.min(tokens[hi - 1]!.end, n2.start + MAX_CONTENT));
      return seg ? [seg] : [];
    }
    // `said during a rally in Kenansville, N.C., "but ..."`: skip a short place or title chunk;
    // `said, referring to the excuse, "you ..."`: skip a gerund aside before the rest of the quote.
    if (n2.word && /ing$/.test(n2.lower)) {
      let m = k + 2;
      while (m < hi && m - k < 14 && tokens[m]!.text !== ',') m++;
      if (m < hi && isOpen(tokens[m + 1], text)) { k = m; continue; }
      return [];
    }
    if (!n.word || !isCapitalised(n.text)) return [];
    let m = k + 1;
    while (m < hi && m - k < 5 && (tokens[m]!.word || tokens[m]!.text === '.')) m++;
    k = m;
  }
  return [];
}

const GERUND_STOP: ReadonlySet<string> = new Set(['adding', 'saying', 'noting', 'arguing', 'stating', 'explaining', 'insisting', 'warning', 'claiming', 'according', 'citing', 'calling']);

/** Content to the right of a cue: from "that" (or the word after the cue) to the end of the unit. */
export function rightContent(text: string, tokens: Token[], k: number, hi: number, takesObject: boolean, markOf: readonly number[]): Span | null {
  if (k >= hi) return null;
  let start = k;
  for (let m = k; m < Math.min(hi - 2, k + 8); m++) {
    const t = tokens[m]!;
    // "told reporters that ..." leaves the listener out; "urged Republicans to join ..." keeps it.
    if (takesObject && t.lower === 'to') break;
    if (t.lower === 'that' || (takesObject && /^(whether|how|why|what)$/.test(t.lower))) { start = m; break; }
    if (!t.word && t.text !== '.' && t.text !== '-') break;
    // Only adverbials and listeners come between a cue and its "that".
    if (!takesObject && !AFTER_CUE_SKIP.has(t.lower) && !isCapitalised(t.text) && !BEFORE_THAT.has(t.lower) && !/^\d+$/.test(t.lower)) break;
  }
  if (start === k && (tokens[k]!.text === ',' || tokens[k]!.text === ':')) start = k + 1;
  if (start >= hi) return null;
  // A reported clause ("that he rated ... and talked about ...") keeps its own coordinated verbs; a bare
  // complement ("encouraged X to ... and called for ...") ends before the next verb of attribution.
  const clausal = tokens[start]!.lower === 'that' || CLAUSE_START.has(tokens[start]!.lower);
  let end = hi;
  for (let m = start + 1; m < hi; m++) {
    const t = tokens[m]!;
    if (markOf[m]! >= 0) continue;
    if (t.text === ';') { end = m; break; }
    if (t.text === ',' && tokens[m + 1] && (GERUND_STOP.has(tokens[m + 1]!.lower) || (!clausal && cueOf(tokens[m + 1]!.lower)?.form === 'gerund') || nestedAttribution(tokens, m + 1, hi, clausal) || attributionAt(tokens, m + 1, hi))) { end = m; break; }
    if ((t.lower === 'and' || t.lower === 'but') && coordinatedCue(tokens, m + 1, hi, clausal)) { end = tokens[m - 1]?.text === ',' ? m - 1 : m; break; }
  }
  return trimContent(text, tokens[start]!.start, Math.min(tokens[end - 1]!.end, tokens[start]!.start + MAX_CONTENT));
}

/** "... and encouraged Americans to ...", "but he has also intensified ...": a second verb of attribution. */
function coordinatedCue(tokens: Token[], k: number, hi: number, clausal: boolean): boolean {
  for (let m = k; m < Math.min(hi, k + 4); m++) {
    const t = tokens[m]!;
    if (!t.word) return false;
    const cue = cueOf(t.lower);
    if (cue && t.text === t.lower && cue.base !== 'show') {
      if (clausal) return m > k && /^(he|she|they|we|i)$/.test(tokens[k]!.lower) && NESTING_CUES.has(cue.base); // "and he added"
      return m === k || /^(he|she|they|it|we|also|then|later|has|have|had|is|was|would|will)$/.test(tokens[m - 1]!.lower);
    }
  }
  return false;
}

/** `, with X stating that ...` / `, while Y argued ...`: another attribution starts after a comma. */
function nestedAttribution(tokens: Token[], k: number, hi: number, clausal = false): boolean {
  const first = tokens[k];
  if (!first || !(clausal ? /^(with|while|whereas|though|although)$/ : /^(with|while|whereas|as|but|and|though|although)$/).test(first.lower)) return false;
  for (let m = k + 1; m < Math.min(hi, k + 9); m++) {
    const t = tokens[m]!;
    if (!t.word && t.text !== '.') return false;
    if (t.text === t.lower && cueOf(t.lower) && m > k + 1) return true;
  }
  return false;
}

