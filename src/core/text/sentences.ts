import type { Span } from '../types.ts';
import { lowerCased } from './normalize.ts';
import { isAsciiLetter, isAsciiLetterOrDigit } from './words.ts';

/**
 * Rule-based sentence splitter for news text (measured more accurate and faster than the npm splitters:
 * see ../shared/notes/text-tools.md). Paragraphs are split first; inside a paragraph a sentence ends at
 * `.`, `!`, `?` or `…` (plus closing quotes and brackets) when the next word starts with a capital, a digit
 * or an opening quote, except after titles, initials and abbreviations. Dotted acronyms (U.S., Inc.) end a
 * sentence only when a function word follows ("in the U.S. The plan..." but not "the U.S. President").
 */

const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'rep', 'gov', 'lt', 'gen', 'col', 'capt', 'cpt', 'sgt', 'cmdr',
  'adm', 'maj', 'st', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'fr', 'sr', 'messrs', 'mme', 'mlle',
  'vol', 'vs', 'v', 'etc', 'approx', 'dept', 'est', 'fig', 'p', 'pp', 'ft', 'mt', 'ave', 'blvd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ca', 'cf', 'al',
]);

/** Abbreviations that may also end a sentence: split after them only when a function word follows. */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'jr', 'bros', 'etc']);

const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'as', 'if', 'when', 'while', 'after', 'before', 'his',
  'her', 'its', 'their', 'our', 'my', 'some', 'many', 'most', 'one', 'two', 'for', 'with', 'from', 'by',
  'meanwhile', 'however', 'still', 'now', 'then', 'earlier', 'later', 'last', 'what', 'who', 'why', 'how',
]);

/**
 * Capitalised words that start a sentence but almost never follow a lower-case word inside one. In scraped
 * news (Daily Mail), image captions are glued to the next sentence without punctuation ("...to pay its
 * bills He said: ..."); a space between a lower-case word and one of these is a boundary.
 */
const GLUE_BEFORE_LOWER = new Set([
  'He', 'She', 'They', 'We', 'The', 'This', 'These', 'Those', 'His', 'Her', 'Their', 'Its', 'A', 'An', 'But', 'And',
  'However', 'Meanwhile', 'In', 'On', 'At', 'After', 'Before', 'When', 'While', 'If', 'Now', 'There',
]);
/** Words that never follow the article "a": after "A" they show a letter name ("plan A because..."). */
const NEVER_AFTER_ARTICLE = new Set([
  'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'can', 'may', 'might',
  'and', 'or', 'but', 'because', 'if', 'when', 'while', 'than', 'that', 'which', 'who', 'of', 'to', 'in', 'on',
  'at', 'for', 'with', 'by', 'from', 'as', 'said', 'says',
]);
const GLUE_IT_VERBS = new Set(['is', 'was', 'has', 'had', 'will', 'would', 'also', 'comes', 'means', 'seems', 'emerged', 'came', 'appears']);
/** Sentence adverbs that open a sentence and are never names ("...other macaques Officially named..."). */
const GLUE_ADVERBS = new Set([
  'Officially', 'Originally', 'Previously', 'Recently', 'Currently', 'Eventually', 'Finally', 'Initially', 'Ultimately',
  'Additionally', 'Unfortunately', 'Fortunately', 'Luckily', 'Sadly', 'Apparently', 'Reportedly', 'Allegedly',
  'Remarkably', 'Incredibly', 'Interestingly', 'Surprisingly', 'Similarly', 'Earlier', 'Later', 'Despite', 'Although',
  'Since', 'During', 'According', 'Following', 'Speaking', 'Asked',
]);

/** Does the text after the space at `i` open with a word that starts sentences but not names? */
function opensSentence(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && j - i < 16 && isAsciiLetter(text.charCodeAt(j))) j++;
  const word = text.slice(i + 1, j);
  if (GLUE_ADVERBS.has(word)) return true;
  if (text[j] !== ' ') return false;
  if (word === 'It') return GLUE_IT_VERBS.has(/^\p{L}+/u.exec(text.slice(j + 1, j + 12))?.[0] ?? '');
  // "plan A because", "category A is": the letter A, not the article, when a word an article never precedes follows.
  if (word === 'A' && NEVER_AFTER_ARTICLE.has(/^\p{L}+/u.exec(text.slice(j + 1, j + 14))?.[0] ?? '')) return false;
  return GLUE_BEFORE_LOWER.has(word) && isLower(text[j + 1]);
}

const NOT_SENTENCE_FINAL = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'and', 'or', 'but', 'as', 'than',
  'about', 'into', 'onto', 'over', 'under', 'against', 'between', 'through', 'without', 'within', 'like', 'via',
  'toward', 'towards', 'upon', 'including', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'whose', 'every',
  'that', 'this', 'is', 'was', 'are', 'were', 'be', 'called', 'named', 'titled', 'dubbed', 'film', 'song', 'show',
  'album', 'book', 'novel', 'series', 'single', 'magazine', 'newspaper', 'programme', 'program', 'movie',
]);

const CALENDAR_WORDS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/u;

const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'explained', 'insisted', 'admitted', 'claimed', 'revealed',
  'wrote', 'writes', 'tweeted', 'posted', 'asked', 'replied', 'continued', 'stated', 'declared', 'warned', 'joked',
  'recalled', 'announced', 'shouted', 'screamed', 'whispered', 'reads', 'read', 'saying', 'telling', 'asking',
]);

/**
 * A single-quoted quotation (British style, as in the Daily Mail) that opens right after a word without
 * punctuation and ends a sentence inside its marks ("...on Friday ‘I’d be over the moon,’ said Locke"): in
 * scraped news that is a caption run into a quote. Scare quotes ("described as ‘a disgrace’") do not end
 * with a comma or full stop inside the marks.
 */
function isGluedQuote(text: string, i: number, lowerBound: number, end: number): boolean {
  const open = text[i + 1];
  if ((open !== '‘' && open !== "'") || !isUpper(text[i + 2]) || !isLower(text[i - 1])) return false;
  const word = /[\p{L}'’-]*$/u.exec(text.slice(Math.max(lowerBound, i - 30), i))?.[0] ?? '';
  if (!/^\p{Ll}/u.test(word) && !CALENDAR_WORDS.test(word)) return false;
  if (SPEECH_VERBS.has(lowerCased(word)) || NOT_SENTENCE_FINAL.has(lowerCased(word))) return false;
  // The first closing mark of the quotation (a ’ or ' not inside a word) must follow a comma or full stop.
  const window = text.slice(i + 2, Math.min(end, i + 600));
  const closing = /['’](?!\p{L})/u.exec(window);
  return closing !== null && /[,.]$/u.test(window.slice(0, closing.index)) && window.slice(0, closing.index).split(/\s+/).length >= 4;
}

/** Cheap test before the glue checks: only a capital or an opening single quote can start a glued sentence. */
const mayStartSentence = (c: string | undefined): boolean => c !== undefined && (c === '‘' || c === "'" || (c >= 'A' && c <= 'Z'));

/** Is the space at `i` the join of a caption (or other unpunctuated text) and a following sentence? */
function isGluedBoundary(text: string, i: number, lowerBound: number): boolean {
  const prev = text[i - 1];
  const closingQuote = (prev === '’' || prev === "'" || prev === '”' || prev === '"') && /[\p{L}.,!?]/u.test(text[i - 2] ?? '');
  if (!(isLower(prev) || isDigit(prev) || prev === ')' || closingQuote)) return false;
  if (!opensSentence(text, i)) return false;
  if (closingQuote) return true; // "...'tremendous advances' The brain is..."; a quote never ends mid-sentence before these
  const word = /[\p{L}\p{N}'’-]*$/u.exec(text.slice(Math.max(lowerBound, i - 30), i))?.[0] ?? '';
  const capitalisedOk = CALENDAR_WORDS.test(word); // "...on the new bridge on Saturday He said"
  if (prev !== ')' && !capitalisedOk && (word.length < 2 || !/^[\p{Ll}\p{N}]/u.test(word))) return false; // "Don't Push It"
  return !NOT_SENTENCE_FINAL.has(lowerCased(word));
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«']);
const isTerminator = (c: string | undefined): boolean => c === '.' || c === '!' || c === '?' || c === '…';

// ASCII characters are answered by code: toLowerCase and toUpperCase cost about 100 ns a call.
const isUpper = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : c !== c.toLowerCase() && c === c.toUpperCase();
};
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
const isLower = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code < 128 ? code >= 97 && code <= 122 : c !== c.toUpperCase() && c === c.toLowerCase();
};

/** The word ending just before `dotIndex` (letters and inner dots), e.g. "U.S" for "U.S." */
function wordBefore(text: string, dotIndex: number, lowerBound: number): string {
  let i = dotIndex;
  while (i > lowerBound && letterOrDotAt(text, i - 1)) i--;
  return text.slice(i, dotIndex);
}

/** /[\p{L}.]/u on the code unit at `i`; ASCII without the regex engine. */
function letterOrDotAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? c === 46 || isAsciiLetter(c) : /[\p{L}.]/u.test(text[i]!);
}

/** The letters at `index` (at most 30 characters' worth), as /^[\p{L}]+/u finds them. */
function wordAfter(text: string, index: number): string {
  const stop = Math.min(text.length, index + 30);
  let j = index;
  while (j < stop && isAsciiLetter(text.charCodeAt(j))) j++;
  if (j < stop && text.charCodeAt(j) >= 128) {
    const match = /^[\p{L}]+/u.exec(text.slice(index, stop));
    return match ? match[0] : '';
  }
  return text.slice(index, j);
}

/** Should a period at `dot` (already known to be followed by a plausible sentence start) end the sentence? */
function periodEndsSentence(text: string, dot: number, paragraphStart: number, nextWordStart: number): boolean {
  const word = wordBefore(text, dot, paragraphStart);
  if (word === '') return true; // "... 42." or "...)." — numbers and brackets end sentences
  const dotted = word.includes('.');
  const bare = dotted ? word.replace(/\./g, '') : word;
  const lower = lowerCased(bare);
  if (dotted || SENTENCE_FINAL_ABBREVIATIONS.has(lower)) {
    // Dotted acronym (U.S., D-N.Y.) or company suffix: ends a sentence only before a function word.
    return FUNCTION_WORDS.has(lowerCased(wordAfter(text, nextWordStart)));
  }
  // A unit after a number ("12.5st.", "6ft.") is not a title such as "St. Ives".
  if (TITLE_ABBREVIATIONS.has(lower) && !isDigit(text[dot - word.length - 1])) return false;
  if ((lower === 'no' || lower === 'nos') && isDigit(text[nextWordStart])) return false; // No. 10
  if (bare.length === 1 && isUpper(bare)) return false; // an initial, as in "J. Smith"
  return true;
}

/**
 * For a terminator at `dot` followed, without a space, by closers up to `closeEnd` and then more text:
 * where the next sentence starts, or -1. A straight double quote right after the terminator closes the
 * sentence when a quote is open (odd count so far in the paragraph), else it opens the next one.
 */
function gluedBoundary(text: string, dot: number, closeEnd: number, paragraphStart: number): number {
  if (!/[\p{Ll}\d]{2}$/u.test(text.slice(Math.max(paragraphStart, dot - 2), dot))) return -1;
  let next = closeEnd;
  let boundary = closeEnd;
  if (closeEnd === dot + 1) {
    if (text[next] === '“' || text[next] === '‘') next++;
    else if (text[dot] !== '.') return -1;
  } else if (closeEnd === dot + 2 && text[dot + 1] === '"') {
    const before = text.slice(paragraphStart, dot).split('"').length - 1;
    if (before % 2 === 0) boundary = dot + 1;
  }
  const n0 = text[next];
  const n1 = text[next + 1];
  if (!isUpper(n0)) return -1;
  if (!(isLower(n1) || ((n0 === 'I' || n0 === 'A') && n1 === ' '))) return -1;
  return boundary;
}

/**
 * The characters where splitParagraph has something to decide: a terminator, a space before a capital or an
 * opening single quote (a glued boundary, perhaps), a line break before another. The regex skips the text
 * between them far faster than a loop over every character.
 */
const DECISION_POINT = /[.!?…]| (?=[‘'A-Z])|\n(?=\n)/g;

/** The first decision point at or after `from` (an index into `text`; `scope` starts at `scopeStart`), or `end`. */
function nextDecisionPoint(scope: string, scopeStart: number, from: number, end: number): number {
  DECISION_POINT.lastIndex = from - scopeStart;
  if (!DECISION_POINT.test(scope)) return end;
  return Math.min(end, scopeStart + DECISION_POINT.lastIndex - 1);
}

/** Split one paragraph span into sentence spans (trimmed of surrounding whitespace). */
function splitParagraph(text: string, start: number, end: number, out: Span[]): void {
  let sentenceStart = start;
  // One character past the paragraph is in scope: a space at its end may come before a capital.
  const scope = text.slice(start, Math.min(text.length, end + 1));
  for (let i = nextDecisionPoint(scope, start, start, end); i < end; i = nextDecisionPoint(scope, start, i + 1, end)) {
    const code = text.charCodeAt(i);
    let boundary = -1; // index where the next sentence starts
    if (code === 46 || code === 33 || code === 63 || code === 0x2026) {
      let j = i + 1;
      while (j < end && (isTerminator(text[j]) || CLOSERS.has(text[j]!))) j++;
      const closeEnd = j;
      if (j < end && isSpace(text[j])) {
        while (j < end && isSpace(text[j])) j++;
        const n = text[j];
        const startsSentence = isUpper(n) || isDigit(n) || (n !== undefined && OPENERS.has(n));
        const closedQuote = closeEnd > i + 1 && CLOSERS.has(text[closeEnd - 1]!) && !wordBefore(text, i, start).includes('.');
        if (j < end && startsSentence && (code !== 46 || closedQuote || periodEndsSentence(text, i, start, OPENERS.has(n!) ? j + 1 : j))) {
          boundary = j;
          pushTrimmed(text, sentenceStart, closeEnd, out);
        }
      } else if (j < end) {
        // Sentences glued without a space ("community.Dr Venter", `said."We`), common in scraped text.
        const glued = gluedBoundary(text, i, closeEnd, start);
        if (glued >= 0) {
          boundary = glued;
          pushTrimmed(text, sentenceStart, glued, out);
        }
      }
      if (boundary >= 0) {
        sentenceStart = boundary;
        i = boundary - 1;
      } else {
        i = closeEnd - 1;
      }
    } else if (code === 32 && i > sentenceStart && mayStartSentence(text[i + 1]) && (isGluedBoundary(text, i, sentenceStart) || isGluedQuote(text, i, sentenceStart, end))) {
      pushTrimmed(text, sentenceStart, i, out);
      sentenceStart = i + 1;
    } else if (code === 10 && i + 1 < end && text.charCodeAt(i + 1) === 10) {
      pushTrimmed(text, sentenceStart, i, out);
      sentenceStart = i + 1;
    }
  }
  pushTrimmed(text, sentenceStart, end, out);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end > start && hasLetterOrDigit(text, start, end)) out.push({ start, end });
}

/** /[\p{L}\p{N}]/u.test(text.slice(start, end)), with the ASCII prefix scanned without the regex engine. */
function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return /[\p{L}\p{N}]/u.test(text.slice(k, end));
    if (isAsciiLetterOrDigit(c)) return true;
  }
  return false;
}

/**
 * Splits the given paragraphs of `text` into sentences. Returns spans into `text`, in order.
 * When no paragraphs are given, the whole text is one paragraph.
 */
export function splitSentences(text: string, paragraphs: Span[] = [{ start: 0, end: text.length }]): Span[] {
  const out: Span[] = [];
  const hasWidgets = WIDGET_CUES.some((cue) => text.includes(cue));
  for (const p of paragraphs) {
    let start = p.start;
    for (const w of hasWidgets ? widgetsIn(text, p.start, p.end) : []) {
      splitParagraph(text, start, w.start, out);
      pushTrimmed(text, w.start, w.end, out);
      start = w.end;
    }
    splitParagraph(text, start, p.end, out);
  }
  return out;
}

/**
 * Page widgets that scraped text glues to the sentences around it ("...Copy this linkResearchers found").
 * Each becomes a sentence of its own, so it cannot swallow the real sentence next to it.
 */
const WIDGETS = /Share this with(?:[A-Z][A-Za-z]+)*?Copy this link|Media playback is (?:not supported|unsupported) on (?:this|your) device|Read more on this (?:story|and other stories)(?: and other news)? from (?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+(?=[A-Z])/g;

const WIDGET_CUES = ['Copy this link', 'Media playback', 'Read more on this'];

function widgetsIn(text: string, start: number, end: number): Span[] {
  return [...text.slice(start, end).matchAll(WIDGETS)].map((m) => ({ start: start + m.index, end: start + m.index + m[0].length }));
}
