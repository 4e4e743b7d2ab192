import type { Span } from '../types.ts';
import { countWords, isSpaceUnit, letterOrDigitAt, spaceAt } from '../text/words.ts';

/** A stretch of text between quotation marks inside one paragraph. */
export interface MarkedSpan {
  /** Opening mark. */
  start: number;
  /** Just after the closing mark, or the paragraph end when the quote is left open. */
  end: number;
  /** The words inside the marks. */
  innerStart: number;
  innerEnd: number;
  /** True when the paragraph ends before the quote is closed (it may continue in the next paragraph). */
  open: boolean;
}

// Tests of one code unit, as the regexes they replace read it; ASCII without the regex engine (a mark costs
// several of these).
const isLetterOrDigit = (c: string | undefined): boolean => c !== undefined && letterOrDigitAt(c, 0);
const isSpaceOrEdge = (c: string | undefined): boolean => c === undefined || isSpaceUnit(c.charCodeAt(0));
const isClosingPunctuation = (c: string | undefined): boolean => c === '.' || c === ',' || c === '!' || c === '?';
const isOpeningBracketOrDash = (c: string | undefined): boolean => c === '(' || c === '[' || c === '—' || c === '–' || c === '-';

/** A double quotation mark: straight, curly, low or a guillemet, or `''` used as one (2 characters wide). */
const MARK = /["“”„«»]|''/g;

/**
 * Pairs the double quotation marks of one paragraph (straight, curly, guillemets and `''`). Straight
 * marks alternate; a curly opening mark while a quote is open is read as its close (mixed-up marks are
 * common in scraped text). A quote still open at the paragraph end ends there, flagged `open`.
 */
export function findMarkedSpans(text: string, paragraph: Span): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  let openAt = -1;
  let openWidth = 0;
  // The regex skips the text between marks far faster than a loop over characters. One character past the
  // paragraph is in scope: a `''` may straddle its end.
  const scope = text.slice(paragraph.start, paragraph.end + 1);
  MARK.lastIndex = 0;
  while (MARK.test(scope)) {
    const w = scope.charCodeAt(MARK.lastIndex - 1) === 39 ? 2 : 1;
    const i = paragraph.start + MARK.lastIndex - w;
    if (i >= paragraph.end) break;
    const c = text[i]!;
    const before = text[i - 1];
    const after = text[i + w];
    if (openAt < 0) {
      const closingShape = (isLetterOrDigit(before) || isClosingPunctuation(before)) && isSpaceOrEdge(after);
      const openingShape = isSpaceOrEdge(before) || isOpeningBracketOrDash(before);
      const opens = c === '”' || c === '»' ? openingShape && isLetterOrDigit(after) : !closingShape;
      if (opens) {
        openAt = i;
        openWidth = w;
      }
    } else {
      // An opening-looking curly mark right after a letter is still a close; a straight one closes.
      if ((c === '“' || c === '«' || c === '„') && isSpaceOrEdge(before) && !isSpaceOrEdge(after) && i > openAt + openWidth) {
        // A new quote opens without the previous one closing: close the previous one before the space.
        let e = i;
        while (e > openAt && spaceAt(text, e - 1)) e--;
        out.push({ start: openAt, end: e, innerStart: openAt + openWidth, innerEnd: e, open: true });
        openAt = i;
        openWidth = w;
      } else {
        out.push({ start: openAt, end: i + w, innerStart: openAt + openWidth, innerEnd: i, open: false });
        openAt = -1;
      }
    }
  }
  if (openAt >= 0) {
    let e = paragraph.end;
    while (e > openAt && spaceAt(text, e - 1)) e--;
    out.push({ start: openAt, end: e, innerStart: openAt + openWidth, innerEnd: e, open: true });
  }
  return out;
}

/**
 * Scare quotes and titles are not quotes: a marked span is quote-like when it has at least four words,
 * or ends in punctuation inside the marks; titles of works (mostly capitalised words) are not.
 */
export function isQuoteLike(text: string, span: MarkedSpan): boolean {
  const inner = text.slice(span.innerStart, span.innerEnd);
  const words = countWords(inner);
  if (words === 0) return false;
  const punctEnd = endsInPunctuation(inner);
  if (words < 4 && !punctEnd) return false;
  if (words < 3) return false;
  if (words <= 8 && !punctEnd) {
    const w = inner.match(/[\p{L}][\p{L}'’]*/gu) ?? [];
    const caps = w.filter((x) => /^\p{Lu}/u.test(x) || SMALL_TITLE_WORDS.has(x)).length;
    if (caps === w.length) return false; // "American Skin", "The Art of the Deal"
  }
  return true;
}

/** `/[.,!?…:;—–-]\s*$/.test(s)`, read from the end: the regex tries every position of a long quotation. */
function endsInPunctuation(s: string): boolean {
  let e = s.length;
  while (e > 0 && spaceAt(s, e - 1)) e--;
  return e > 0 && ENDING_PUNCTUATION.has(s[e - 1]!);
}

const ENDING_PUNCTUATION = new Set(['.', ',', '!', '?', '…', ':', ';', '—', '–', '-']);

const SMALL_TITLE_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'in', 'on', 'to', 'for', 'at', 'with']);
