/**
 * Recognises sentences that are page furniture rather than reporting: "Scroll down for video", share and
 * newsletter prompts, photo credits, and image captions glued into scraped text (Daily Mail captions carry
 * no final full stop and often a "Label: ..." prefix or "(pictured)", "(left)" markers).
 */

import { spaceAt } from './words.ts';

/** Furniture that opens a sentence. */
const BOILERPLATE_OPENINGS = [
  /^media playback is (?:not supported|unsupported)/i,
  /^\s*(?:read more|related|see also|more on this|click here|watch|video|advertisement|follow us)\b[:.]?/i,
];

/** Furniture phrases found anywhere in a sentence, each starting at a word boundary (the \b is added below). */
const BOILERPLATE_PHRASES = [
  /scroll down for (?:video|more)\b/i,
  /share this (?:with|article|story|page)/i,
  /copy this link$/i,
  /click here\b/i,
  /(?:sign up|subscribe) (?:to|for) (?:our|the)\b/i,
  /newsletter\b/i,
  /(?:photo|image|picture|pictures|video)s?\s*(?:by|credit|courtesy)\b\s*:?/i,
  /(?:getty images|reuters\/|ap photo|afp\/|epa\/|rex features|shutterstock)\b/i,
  /(?:published|updated|last updated)\s*:?\s*\d/i,
  /follow (?:us|him|her|me) on (?:twitter|facebook|instagram)\b/i,
  /(?:all rights reserved|copyright ©|©)\b/i,
  /(?:daily mail|mailonline) reporter\b/i,
  /do you have a story\b/i,
  /comments? (?:below|here)\b/i,
];

/** "(Photo: ...)", "(File)": credits in brackets. */
const BRACKETED_CREDIT = /\((?:photo|image|picture|credit|file)[^)]*\)/i;
/** A bare byline: "By Ana Ruiz". */
const BYLINE = /^\s*by\s+\.?\s*[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)*\s*\.?\s*$/u;
/** A social media handle at the end: "... @anaruiz". */
const TRAILING_HANDLE = /(?:^|\s)@\w+\s*$/;

/**
 * The phrases joined into one expression behind a single \b, so that a sentence is scanned once and the
 * phrases are tried only where a word starts or ends, not at every character. None has a capturing group,
 * so joining them changes no match.
 */
const BOILERPLATE_PHRASE = new RegExp(`\\b(?:${BOILERPLATE_PHRASES.map((re) => re.source).join('|')})`, 'i');
const BOILERPLATE_OPENING = new RegExp(BOILERPLATE_OPENINGS.map((re) => `(?:${re.source})`).join('|'), 'i');

/** True for furniture sentences: boilerplate prompts, credits and bylines. */
export function isBoilerplate(sentence: string): boolean {
  if (BOILERPLATE_OPENING.test(sentence) || BOILERPLATE_PHRASE.test(sentence) || BYLINE.test(sentence)) return true;
  // Looking for the "(" or the "@" is cheaper than trying the expressions at every position.
  return (sentence.includes('(') && BRACKETED_CREDIT.test(sentence)) || (sentence.includes('@') && TRAILING_HANDLE.test(sentence));
}

/** Picture markers that in news text only appear in captions. */
const CAPTION_MARKERS = /\((?:pictured|left|right|centre|center|middle|top|bottom|above|below|inset|front|back|circled|second (?:from )?(?:left|right)|far left|far right|top left|top right|bottom left|bottom right)(?:[ ,][^)]{0,30})?\)|\b(?:pictured|file picture|file photo|stock image)\b|,\s(?:left|right|centre|center|middle|above|below)(?:,|\sand\s)/i;

/** "Strictly business: Julia covers..." — a short label, a colon, then a capitalised caption. */
const CAPTION_LABEL = /^[\p{Lu}'‘"“][\p{L}\p{N}'’-]*(?:\s+[\p{L}\p{N}'’-]+){0,4}:\s+[\p{Lu}\p{N}]/u;
const SPEECH_LABEL = /\b(?:said|says|say|told|added|explains?|explained|wrote|writes|tweeted|posted|asked|replied|declared|statement|reads?|warned|insisted|claimed|revealed|continued)\s*:/i;

/** A sentence opening with one of these is a sentence, not a "Label: caption" ("With the new film: Part Two out..."). */
const CLAUSE_OPENER = /^(?:With|In|On|At|For|After|Before|As|When|While|From|By|To|Of|He|She|They|It|We|I|But|And|So|If|Asked|Speaking|According)\b/u;

const isSentenceEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026; // . ! ? …
const isQuoteMark = (c: number): boolean => c === 39 || c === 34 || c === 0x2019 || c === 0x201d; // ' " ’ ”
/** Closing quotes and brackets: ['"’”)\]»]. */
const isCloser = (c: number): boolean => isQuoteMark(c) || c === 41 || c === 93 || c === 0xbb;

/**
 * Ends like a sentence: `.`, `!`, `?` or `…`, possibly followed by closing quotes or brackets, or a quotation
 * ending on a comma ("We are ready,"). The same as /[.!?…]['"’”)\]»]*\s*$/ or /[.!?…,]\s*['"’”]\s*$/, read
 * from the end of the sentence (V8 would try the expressions from every position of it).
 */
export function hasFinalPunctuation(sentence: string): boolean {
  let end = sentence.length;
  while (end > 0 && spaceAt(sentence, end - 1)) end--;
  let beforeClosers = end;
  while (beforeClosers > 0 && isCloser(sentence.charCodeAt(beforeClosers - 1))) beforeClosers--;
  if (beforeClosers > 0 && isSentenceEnd(sentence.charCodeAt(beforeClosers - 1))) return true;
  if (end === 0 || !isQuoteMark(sentence.charCodeAt(end - 1))) return false;
  let beforeQuote = end - 1;
  while (beforeQuote > 0 && spaceAt(sentence, beforeQuote - 1)) beforeQuote--;
  if (beforeQuote === 0) return false;
  const c = sentence.charCodeAt(beforeQuote - 1);
  return isSentenceEnd(c) || c === 44;
}

/** True when a sentence looks like an image caption (label prefix, picture markers, no final stop). */
export function looksLikeCaption(sentence: string): boolean {
  if (!hasFinalPunctuation(sentence)) return true;
  // The colon test first: CAPTION_LABEL backtracks through the opening words of every sentence.
  if (sentence.includes(':') && CAPTION_LABEL.test(sentence) && !SPEECH_LABEL.test(sentence.slice(0, 60)) && !CLAUSE_OPENER.test(sentence)) return true;
  return CAPTION_MARKERS.test(sentence);
}
