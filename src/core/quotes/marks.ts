import type { Span } from '../types.ts';
import { countWords } from '../text/words.ts';

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

const isLetterOrDigit = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrEdge = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/** Width of the quotation mark starting at `i` (`''` used as a double quote counts as 2), or 0. */
function markAt(text: string, i: number): number {
  const c = text[i];
  if (c === '"' || c === '“' || c === '”' || c === '„' || c === '«' || c === '»') return 1;
  if (c === "'" && text[i + 1] === "'") return 2;
  return 0;
}

/**
 * Pairs the double quotation marks of one paragraph (straight, curly, guillemets and `''`). Straight
 * marks alternate; a curly opening mark while a quote is open is read as its close (mixed-up marks are
 * common in scraped text). A quote still open at the paragraph end ends there, flagged `open`.
 */
export function findMarkedSpans(text: string, paragraph: Span): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  let openAt = -1;
  let openWidth = 0;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 34 && code !== 39 && code < 0xab) continue; // no mark below « but " and '
    const w = markAt(text, i);
    if (w === 0) continue;
    const c = text[i]!;
    const before = text[i - 1];
    const after = text[i + w];
    if (openAt < 0) {
      const closingShape = (isLetterOrDigit(before) || /[.,!?]/.test(before ?? '')) && isSpaceOrEdge(after);
      const openingShape = isSpaceOrEdge(before) || /[(\[—–-]/.test(before ?? '');
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
        while (e > openAt && /\s/.test(text[e - 1]!)) e--;
        out.push({ start: openAt, end: e, innerStart: openAt + openWidth, innerEnd: e, open: true });
        openAt = i;
        openWidth = w;
      } else {
        out.push({ start: openAt, end: i + w, innerStart: openAt + openWidth, innerEnd: i, open: false });
        openAt = -1;
      }
    }
    i += w - 1;
  }
  if (openAt >= 0) {
    let e = paragraph.end;
    while (e > openAt && /\s/.test(text[e - 1]!)) e--;
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
  const punctEnd = /[.,!?…:;—–-]\s*$/.test(inner);
  if (words < 4 && !punctEnd) return false;
  if (words < 3) return false;
  if (words <= 8 && !punctEnd) {
    const w = inner.match(/[\p{L}][\p{L}'’]*/gu) ?? [];
    const caps = w.filter((x) => /^\p{Lu}/u.test(x) || SMALL_TITLE_WORDS.has(x)).length;
    if (caps === w.length) return false; // "American Skin", "The Art of the Deal"
  }
  return true;
}

const SMALL_TITLE_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'in', 'on', 'to', 'for', 'at', 'with']);
