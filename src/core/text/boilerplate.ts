/**
 * Recognises sentences that are page furniture rather than reporting: "Scroll down for video", share and
 * newsletter prompts, photo credits, and image captions glued into scraped text (Daily Mail captions carry
 * no final full stop and often a "Label: ..." prefix or "(pictured)", "(left)" markers).
 */

import { isAsciiLetterOrDigit, isSpaceUnit, spaceAt } from './words.ts';

/** Furniture that opens a sentence. */
const BOILERPLATE_OPENINGS = [
  /^media playback is (?:not supported|unsupported)/i,
  /^\s*(?:read more|related|see also|more on this|click here|watch|video|advertisement|follow us)\b[:.]?/i,
];

/**
 * Furniture phrases found anywhere in a sentence, each starting at a word boundary (the \b is added below),
 * after the words a match can open with (see mayOpenFurniture): its first letters and digits, or their
 * start where more may follow (`photo*`: "Photos by", "photocredit").
 */
const BOILERPLATE_PHRASES: [openers: string, phrase: RegExp][] = [
  ['scroll', /scroll down for (?:video|more)\b/i],
  ['share', /share this (?:with|article|story|page)/i],
  ['copy', /copy this link$/i],
  ['click', /click here\b/i],
  ['sign subscribe', /(?:sign up|subscribe) (?:to|for) (?:our|the)\b/i],
  ['newsletter', /newsletter\b/i],
  ['photo* image* picture* video*', /(?:photo|image|picture|pictures|video)s?\s*(?:by|credit|courtesy)\b\s*:?/i],
  ['getty reuters ap afp epa rex shutterstock', /(?:getty images|reuters\/|ap photo|afp\/|epa\/|rex features|shutterstock)\b/i],
  ['published* updated* last', /(?:published|updated|last updated)\s*:?\s*\d/i],
  ['follow', /follow (?:us|him|her|me) on (?:twitter|facebook|instagram)\b/i],
  ['all copyright', /(?:all rights reserved|copyright ©|©)\b/i], // "©" opens no word: see mayOpenFurniture
  ['daily mailonline', /(?:daily mail|mailonline) reporter\b/i],
  ['do', /do you have a story\b/i],
  ['comment comments', /comments? (?:below|here)\b/i],
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
const BOILERPLATE_PHRASE = new RegExp(`\\b(?:${BOILERPLATE_PHRASES.map(([, re]) => re.source).join('|')})`, 'i');
const BOILERPLATE_OPENING = new RegExp(BOILERPLATE_OPENINGS.map((re) => `(?:${re.source})`).join('|'), 'i');

/** Letters (either case) the openings ("media", "read", ... "follow") and the byline can start with, after any spaces. */
const OPENING_LETTERS = 'mrscwvafb';

/** Could the sentence start like BOILERPLATE_OPENING or BYLINE? Without /u, /i matches no other letter to these. */
function mayOpenLikeFurniture(sentence: string): boolean {
  const c = sentence.charCodeAt(0);
  return isSpaceUnit(c) || (c < 128 && OPENING_LETTERS.includes(String.fromCharCode(c | 0x20)));
}

/**
 * True for furniture sentences: boilerplate prompts, credits and bylines. `openerSeen` false promises that
 * the sentence is ASCII and that no run of letters and digits in it that follows no letter or digit
 * satisfies mayOpenFurniture: then no phrase can match.
 */
export function isBoilerplate(sentence: string, openerSeen = true): boolean {
  if (mayOpenLikeFurniture(sentence) && (BOILERPLATE_OPENING.test(sentence) || BYLINE.test(sentence))) return true;
  if (openerSeen && BOILERPLATE_PHRASE.test(sentence)) return true;
  // Looking for the "(" or the "@" is cheaper than trying the expressions at every position.
  return (sentence.includes('(') && BRACKETED_CREDIT.test(sentence)) || (sentence.includes('@') && TRAILING_HANDLE.test(sentence));
}

/** Picture markers in brackets that in news text only appear in captions. */
const BRACKETED_MARKER = /\((?:pictured|left|right|centre|center|middle|top|bottom|above|below|inset|front|back|circled|second (?:from )?(?:left|right)|far left|far right|top left|top right|bottom left|bottom right)(?:[ ,][^)]{0,30})?\)/i;
/** Picture markers in the text, and the words they open with (see mayOpenCaptionMarker). */
const MARKER_OPENERS = 'pictured file stock left right centre center middle above below';
const WORD_MARKER = /\b(?:pictured|file picture|file photo|stock image)\b|,\s(?:left|right|centre|center|middle|above|below)(?:,|\sand\s)/i;

/**
 * Words a phrase can open with. A word, `w*`, is a run of letters and digits that starts with "w"; others
 * are the whole run (the phrases go on with a space or a non-word character).
 */
interface Openers {
  runs: Set<string>;
  starts: string[];
}

function openersOf(lists: string[]): Openers {
  const words = lists.join(' ').split(' ');
  return { runs: new Set(words.filter((w) => !w.endsWith('*'))), starts: words.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1)) };
}

const FURNITURE_OPENERS = openersOf(BOILERPLATE_PHRASES.map(([openers]) => openers));
const CAPTION_MARKER_OPENERS = openersOf([MARKER_OPENERS]);

/** Does the run of ASCII letters and digits that opens `word` open a phrase? Every opener starts with a letter. */
function opens(openers: Openers, word: string): boolean {
  const first = word.charCodeAt(0) | 0x20;
  if (first < 97 || first > 122) return false; // a number, say: news is full of them, and few repeat
  let end = 1;
  while (end < word.length && isAsciiLetterOrDigit(word.charCodeAt(end))) end++;
  const run = word.slice(0, end).toLowerCase();
  if (openers.runs.has(run)) return true;
  for (const start of openers.starts) if (run.startsWith(start)) return true;
  return false;
}

/**
 * Could a furniture phrase (see isBoilerplate) start where this ASCII word does? Only if the word's first
 * letters and digits are a phrase's first word, or start like one.
 */
export const mayOpenFurniture = (word: string): boolean => opens(FURNITURE_OPENERS, word);

/** Could a picture marker outside brackets (see looksLikeCaption) start where this ASCII word does? */
export const mayOpenCaptionMarker = (word: string): boolean => opens(CAPTION_MARKER_OPENERS, word);

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

/**
 * True when a sentence looks like an image caption (label prefix, picture markers, no final stop).
 * `openerSeen` false promises what it does to isBoilerplate, for mayOpenCaptionMarker.
 */
export function looksLikeCaption(sentence: string, openerSeen = true): boolean {
  if (!hasFinalPunctuation(sentence)) return true;
  // The colon test first: CAPTION_LABEL backtracks through the opening words of every sentence.
  if (sentence.includes(':') && CAPTION_LABEL.test(sentence) && !SPEECH_LABEL.test(sentence.slice(0, 60)) && !CLAUSE_OPENER.test(sentence)) return true;
  return (sentence.includes('(') && BRACKETED_MARKER.test(sentence)) || (openerSeen && WORD_MARKER.test(sentence));
}
